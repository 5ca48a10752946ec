"""`python -m analysis report`: bad parameters stop before any kernel, failed and interrupted runs keep
the last good report, the notebooks stay thin and output-free, hostile article text renders as text."""
from __future__ import annotations

import ast
import json
import re
import shutil

import nbformat
import pytest

from analysis import cli, paths, report

import fixture_tables

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.py"))


@pytest.fixture(scope="module")
def gold_tables(tmp_path_factory):
    return fixture_tables.write(tmp_path_factory.mktemp("tables") / "tables")


@pytest.fixture
def no_kernel(monkeypatch):
    """Fail the test if any notebook would be executed."""
    import papermill

    def boom(*args, **kwargs):
        raise AssertionError("a kernel was started despite invalid parameters")

    monkeypatch.setattr(papermill, "execute_notebook", boom)


# ---------------------------------------------------------------- notebooks as committed

def test_five_notebooks_jupytext_sources():
    assert [report.report_name(p) for p in NOTEBOOKS] == ["overview", "agreements", "participants", "themes", "profile"]
    assert (paths.NOTEBOOKS / "jupytext.toml").exists()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_thin_and_documented(path, tmp_path):
    import jupytext

    nb = jupytext.read(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and code[0] is params[0]
    for line in params[0].source.splitlines():
        assert re.match(r'^\w+: (str|list|int|float|bool) = .+  # .+', line), f"undocumented parameter line: {line!r}"
        ast.literal_eval(line.split(" = ", 1)[1].split("  # ", 1)[0])          # literals only
    for cell in code:
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), \
                f"logic in a cell of {path.name}"
        assert "import re" not in cell.source and "re.compile" not in cell.source
    assert not any(c.get("outputs") for c in code)
    target = report.materialise(path, tmp_path / "nb.ipynb")
    declared = report.declared_parameters(target)
    assert {"corpus", "tables", "date_from", "date_to", "provinces", "units", "themes", "lang", "title"} <= set(declared)
    assert all(info["help"] for info in declared.values())


def test_no_ipynb_with_outputs_committed():
    for nb_path in paths.NOTEBOOKS.glob("*.ipynb"):
        nb = nbformat.read(nb_path, as_version=4)
        assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), nb_path


# ---------------------------------------------------------------- parameters stop the run before any kernel

@pytest.mark.parametrize("args, expected", [
    (["-p", "themes", "[de_an_06, ma_tuyy]"], ["unknown theme 'ma_tuyy'", "valid themes: de_an_06"]),
    (["-p", "provinces", "Atlantis"], ["unknown province 'Atlantis'", "Long An"]),
    (["-p", "date_from", "12/9/2022"], ["date_from='12/9/2022' is not a date", "YYYY-MM-DD"]),
    (["-p", "date_from", "2024", "-p", "date_to", "2023-06"], ["date range reversed", "'2024'", "'2023-06'"]),
    (["-p", "colour", "red"], ["unknown parameter 'colour'", "valid parameters:"]),
    (["-p", "units", "Công an tỉnh Atlantis"], ["unknown unit 'Công an tỉnh Atlantis'", "Bộ Tư lệnh Cảnh vệ"]),
    (["-p", "focus", "Atlantis"], ["focus='Atlantis'", "de_an_06"]),
])
def test_bad_parameters_exit_2_before_any_kernel(args, expected, gold_tables, tmp_path, capsys, no_kernel):
    out = tmp_path / "reports"
    code = cli.main(["report", "--tables", str(gold_tables), "--out", str(out), *args])
    err = capsys.readouterr().err
    assert code == 2
    for text in expected:
        assert text in err
    assert not list((out / "runs").glob("*")) if (out / "runs").exists() else True
    assert not (out / "overview.html").exists()


def test_bad_params_file(tmp_path, capsys, no_kernel):
    bad = tmp_path / "p.yaml"
    bad.write_text("themes: [nope]\n", encoding="utf-8")
    assert cli.main(["report", "--params", str(bad), "--out", str(tmp_path / "r")]) == 2
    assert "unknown theme 'nope'" in capsys.readouterr().err


# ---------------------------------------------------------------- failures keep the last good report

@pytest.fixture(scope="module")
def one_notebook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebooks")
    shutil.copy(paths.NOTEBOOKS / "01_overview.py", folder / "01_overview.py")
    return folder


def test_failed_run_keeps_last_good_report(one_notebook, gold_tables, tmp_path, capsys):
    out = tmp_path / "reports"
    assert cli.main(["report", "--tables", str(gold_tables), "--out", str(out), "--notebooks", str(one_notebook)]) == 0
    good = (out / "overview.html").read_bytes()
    broken = tmp_path / "broken"
    broken.mkdir()
    source = (one_notebook / "01_overview.py").read_text(encoding="utf-8")
    (broken / "01_overview.py").write_text(source + '\n# %%\nraise RuntimeError("boom in the last cell")\n', encoding="utf-8")
    capsys.readouterr()
    code = cli.main(["report", "--tables", str(gold_tables), "--out", str(out), "--notebooks", str(broken)])
    err = capsys.readouterr().err
    assert code == 1
    assert "RuntimeError: boom in the last cell" in err and "FAILED" in err
    assert (out / "overview.html").read_bytes() == good                   # the last good report stays
    failed = nbformat.read(out / "overview.failed.ipynb", as_version=4)   # kept beside it for debugging
    assert any(o.get("ename") == "RuntimeError" for c in failed.cells if c.cell_type == "code" for o in c.get("outputs", []))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert ">failed<" in index and "boom in the last cell" in index and 'href="overview.failed.ipynb"' in index
    assert 'href="overview.html"' in index and "showing the last good report" in index
    runs = sorted((out / "runs").iterdir())
    manifest = json.loads((runs[-1] / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "failed" and "boom" in manifest["notebooks"][0]["error"]
    # a later good run clears the failure
    assert cli.main(["report", "--tables", str(gold_tables), "--out", str(out), "--notebooks", str(one_notebook)]) == 0
    assert not (out / "overview.failed.ipynb").exists()


def test_interrupted_run_keeps_last_good_report(one_notebook, gold_tables, tmp_path, monkeypatch):
    out = tmp_path / "reports"
    first = fixture_tables.render(out, tables=gold_tables, notebooks_dir=one_notebook)
    assert first.exit_code == 0
    good = (out / "overview.html").read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "export_html", interrupted)
    second = fixture_tables.render(out, tables=gold_tables, notebooks_dir=one_notebook)
    assert second.exit_code == 130 and second.results[0].status == "interrupted"
    assert (out / "overview.html").read_bytes() == good
    assert not list(out.glob(".overview.html.*"))                          # no temporary file left behind


def test_atomic_write_never_leaves_half_a_file(tmp_path, monkeypatch):
    target = tmp_path / "a.html"
    report.atomic_write(target, "old")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr(report.os, "replace", fail)
    with pytest.raises(OSError):
        report.atomic_write(target, "new")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["a.html"]


def test_plain_log_lines_when_not_a_tty(one_notebook, gold_tables, tmp_path):
    result = fixture_tables.render(tmp_path / "r", tables=gold_tables, notebooks_dir=one_notebook, params={"lang": "en"})
    assert re.search(r"^\d\d:\d\d:\d\d report: \[1/1\] overview: ok in [\d.]+s", result.log, re.M)
    assert "\r" not in result.log


# ---------------------------------------------------------------- hostile article text, through the real pipeline

HOSTILE = """Ký kết quy chế phối hợp <script>alert(1)</script> giữa Công an tỉnh Long An và Công an tỉnh Tây Ninh <img src=x onerror=alert(1)>

12/09/2022
Chiều 12/9/2022, tại Công an tỉnh Long An, Công an tỉnh Long An và Công an tỉnh Tây Ninh tổ chức lễ ký kết quy chế phối hợp bảo đảm an ninh, trật tự <script>alert(1)</script> khu vực giáp ranh <img src=x onerror=alert(1)>.

Đại tá Nguyễn Văn A <img src=x onerror=alert(1)>, Giám đốc Công an tỉnh Long An và Đại tá Trần Văn B, Giám đốc Công an tỉnh Tây Ninh ký kết quy chế phối hợp <script>alert(1)</script>.

Hai đơn vị thống nhất thực hiện hiệu quả Đề án 06 <script>alert(1)</script> và Nghị quyết số 12-NQ/TW của Bộ Chính trị, đấu tranh phòng, chống tội phạm ma túy <img src=x onerror=alert(1)>.
"""


def test_hostile_article_renders_as_text_in_every_report(tmp_path):
    pytest.importorskip("analysis.extract", reason="extraction (analysis/extract.py) not there yet")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "900_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    shutil.copy(paths.SEEDS / "003_9614a9f9b7b5dcb5.txt", corpus)
    result = fixture_tables.render(tmp_path / "reports", source=corpus, params={"focus": "Long An", "title": "<b>x</b> <script>alert(2)</script>"})
    assert result.exit_code == 0, result.log
    for r in result.results:
        page = (result.out / f"{r.name}.html").read_text(encoding="utf-8")
        assert "<script>alert(" not in page, r.name
        assert "<img src=x" not in page and "<b>x</b>" not in page, r.name
        assert "&lt;script&gt;alert(" in page, r.name                     # shown, as text
    index = (result.out / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in index and "&lt;script&gt;alert(2)" in index


def test_old_runs_are_pruned(tmp_path):
    runs = tmp_path / "runs"
    for name in ("20240101T000000Z-a", "20240102T000000Z-b", "20240103T000000Z-c"):
        (runs / name).mkdir(parents=True)
    report.prune_runs(tmp_path, keep=2, current="20240103T000000Z-c")
    assert sorted(p.name for p in runs.iterdir()) == ["20240102T000000Z-b", "20240103T000000Z-c"]
