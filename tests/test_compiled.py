"""The Cython build (setup.py): every listed module is compiled in a `make` build, the compiled modules extract
exactly what their .py source does, and a compiled module older than its source is refused with the fix."""
from __future__ import annotations

import ast
import importlib
import importlib.machinery
import os
import pickle
import shutil
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from analysis import compiled, paths

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _compiled_names() -> list[str]:
    """setup.py's COMPILED list, read without running setup.py."""
    tree = ast.parse((paths.ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "COMPILED":
            return ast.literal_eval(node.value)
    raise AssertionError("setup.py has no COMPILED list")


@pytest.mark.skipif(bool(os.environ.get("ANALYSIS_PURE_PYTHON")), reason="installed as plain Python on purpose")
@pytest.mark.parametrize("name", _compiled_names())
def test_each_listed_module_runs_compiled(name):
    # a build that silently fell back to plain Python (no Cython, a compile error) would lose the speed unnoticed
    module = importlib.import_module(f"analysis.{name}")
    assert compiled.is_compiled(module), f"analysis/{name}.py is not compiled: run `make env`"


def test_compiled_modules_extract_exactly_what_the_source_does(tmp_path):
    from analysis.extract import extract_tables
    from analysis.loader import load_articles

    corpora = [str(paths.SEEDS), str(paths.ROOT / "tests" / "data" / "dev" / "articles")]
    # the package's .py files alone, in a directory of their own: the same code, run by the interpreter
    shutil.copytree(paths.PACKAGE, tmp_path / "analysis",
                    ignore=shutil.ignore_patterns("*.so", "*.pyd", "*.c", "__pycache__"))
    script = textwrap.dedent(f"""
        import pickle, sys
        sys.path.insert(0, {str(tmp_path)!r})
        import analysis
        from analysis import compiled
        from analysis.extract import extract_tables
        from analysis.loader import load_articles
        assert analysis.__file__.startswith({str(tmp_path)!r}), analysis.__file__
        import analysis.units
        assert not compiled.is_compiled(analysis.units)
        out = []
        for path in {corpora!r}:
            loaded = load_articles(path)
            out.append(extract_tables(loaded.articles, loaded.sentences))
        pickle.dump(out, open(sys.argv[1], "wb"))
    """)
    result = tmp_path / "tables.pkl"
    run = subprocess.run([sys.executable, "-c", script, str(result)], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    source_tables = pickle.loads(result.read_bytes())
    for path, expected in zip(corpora, source_tables):
        loaded = load_articles(path)
        got = extract_tables(loaded.articles, loaded.sentences)
        assert list(got) == list(expected)
        assert len(got["units"]) > 20  # a real extraction, not two empty results
        for table in got:
            pd.testing.assert_frame_equal(got[table], expected[table], check_exact=True, obj=f"{path}: {table}")


def _package(tmp_path, *, checkout=True):
    package = tmp_path / "analysis"
    package.mkdir()
    if checkout:
        (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    return package


def _touch(path, mtime):
    path.write_bytes(b"")
    os.utime(path, (mtime, mtime))


def test_a_compiled_module_older_than_its_source_is_refused_with_the_fix(tmp_path):
    package = _package(tmp_path)
    _touch(package / f"units{SUFFIX}", 1_000)
    _touch(package / "units.py", 2_000)  # edited (or checked out) after the build
    _touch(package / f"people{SUFFIX}", 2_000)
    _touch(package / "people.py", 1_000)
    assert [s.name for s, _ in compiled.stale(package)] == ["units.py"]
    with pytest.raises(compiled.StaleBuildError) as err:
        compiled.check_fresh(package)
    message = str(err.value)
    assert f"units.py (compiled as units{SUFFIX})" in message and "make env" in message
    assert "people.py" not in message


def test_fresh_builds_and_installed_packages_pass(tmp_path):
    package = _package(tmp_path)
    _touch(package / "units.py", 1_000)
    _touch(package / f"units{SUFFIX}", 2_000)
    compiled.check_fresh(package)  # built after its source: fine
    (tmp_path / "site").mkdir()
    installed = _package(tmp_path / "site", checkout=False)
    _touch(installed / f"units{SUFFIX}", 1_000)
    _touch(installed / "units.py", 2_000)  # an installer's write order says nothing: not checked outside a checkout
    compiled.check_fresh(installed)
    assert compiled.binaries(installed) == {"units": installed / f"units{SUFFIX}"}
