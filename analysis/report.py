"""`python -m analysis report`: run every notebook with papermill, export offline HTML into reports/.

One run:
  1. read the parameters (defaults < --params YAML < -p NAME VALUE) and validate them (no kernel yet);
  2. extract the corpus once into reports/runs/<run>/tables (or use --tables DIR) and check the
     parameters that depend on it (units, the profile's focus);
  3. build each notebook from its jupytext .py source, execute it with papermill (kernel python3,
     per-cell timeout) into reports/runs/<run>/<name>.ipynb;
  4. export it to HTML without code, prompts or the parameters cells, self-contained (no CDN), and
     move it into reports/<name>.html atomically. A notebook that fails leaves reports/<name>.html
     as it was, is kept as reports/<name>.failed.ipynb, and its cell's error is printed;
  5. write reports/runs/<run>/manifest.json and refresh reports/index.html (+ index.json).
Exit status: 0 all rendered, 1 a notebook failed, 2 bad parameters or corpus, 130 interrupted.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from analysis import paths
from analysis.parameters import ParameterError, read_params, validate

TEMPLATES = paths.PACKAGE / "templates"
HIDDEN_TAGS = ("parameters", "injected-parameters", "lab-only")
PACKAGES = ("analysis", "pandas", "pyarrow", "matplotlib", "networkx", "itables", "papermill", "nbconvert",
            "nbformat", "jupytext", "ipykernel", "vietnamadminunits", "underthesea", "pyyaml")
DESCRIPTIONS = {
    "overview": "The corpus at a glance: articles over time, sources, events by kind and type, what is new.",
    "agreements": "Every event and agreement with parties, signatories and evidence; timeline, network, map.",
    "participants": "People with rank, position and unit; who appears most; rank and position changes.",
    "themes": "Theme by article matrix, Đề án 06 and Nghị quyết 12 in focus, co-occurrence, cited documents.",
    "profile": "Everything about one unit, province or theme (parameter focus).",
}
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass
class NotebookResult:
    name: str
    source: str
    status: str = "pending"          # ok | failed | interrupted | skipped
    html: str | None = None          # reports/<name>.html (the last good one, whatever this run did)
    failed_notebook: str | None = None
    error: str | None = None
    duration_s: float = 0.0
    parameters: dict = field(default_factory=dict)
    html_bytes: int | None = None


@dataclass
class RunResult:
    run_id: str
    run_dir: Path
    out: Path
    results: list[NotebookResult]
    manifest: dict
    exit_code: int

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


# ---------------------------------------------------------------- notebooks

def report_name(path: Path) -> str:
    """'01_overview.py' -> 'overview'."""
    return re.sub(r"^\d+[_-]", "", path.stem)


def discover(notebooks_dir: Path, only: list[str] | None = None) -> list[Path]:
    """The notebooks of a folder: jupytext .py sources, and .ipynb files that have no .py twin."""
    notebooks_dir = Path(notebooks_dir)
    found = {p.stem: p for p in sorted(notebooks_dir.glob("*.ipynb"))}
    found.update({p.stem: p for p in sorted(notebooks_dir.glob("*.py"))})
    out = [found[k] for k in sorted(found)]
    if only:
        wanted = set(only)
        unknown = wanted - {report_name(p) for p in out} - {p.stem for p in out}
        if unknown:
            raise ParameterError([f"unknown report {u!r}; reports: {', '.join(report_name(p) for p in out)}" for u in sorted(unknown)])
        out = [p for p in out if report_name(p) in wanted or p.stem in wanted]
    return out


def materialise(source: Path, target: Path) -> Path:
    """The .ipynb papermill runs: read from the jupytext .py (the source of truth) or copied, outputs cleared."""
    import jupytext
    import nbformat

    nb = jupytext.read(source) if source.suffix == ".py" else nbformat.read(source, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata.pop("jupytext", None)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


def _literal(text):
    """A default as papermill reads it from the parameters cell ('"vi"', '[]') -> the Python value."""
    import ast

    try:
        return ast.literal_eval(text) if isinstance(text, str) else text
    except (ValueError, SyntaxError):
        return text


def _kernel_manager_class():
    """Kernels talk over IPC sockets in a private temporary folder: nothing listens on TCP (so ipykernel has
    no 'running over TCP without encryption' warning to print) and concurrent runs never share a socket."""
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self._socket_dir = tempfile.mkdtemp(prefix="analysis-kernel-")
            self.transport = "ipc"
            self.ip = os.path.join(self._socket_dir, "kernel")

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if not restart:
                shutil.rmtree(self._socket_dir, ignore_errors=True)

        cleanup_resources = _async_cleanup_resources

    return IPCKernelManager


def declared_parameters(notebook: Path) -> dict:
    import papermill

    return {name: info for name, info in papermill.inspect_notebook(str(notebook)).items()}


# ---------------------------------------------------------------- HTML

def export_html(executed: Path, title: str) -> str:
    """Executed notebook -> one self-contained HTML page: outputs only, no code, no parameters, no CDN."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import Preprocessor, TagRemovePreprocessor

    class DropStderr(Preprocessor):
        def preprocess_cell(self, cell, resources, index):
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.outputs if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            return cell, resources

    nb = nbformat.read(executed, as_version=4)
    exporter = HTMLExporter(template_name="offline", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=HIDDEN_TAGS, enabled=True), enabled=True)
    exporter.register_preprocessor(DropStderr(), enabled=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def atomic_write(target: Path, data: str | bytes) -> None:
    """Write beside the target then rename: a reader sees the old file or the new one, never half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def atomic_copy(source: Path, target: Path) -> None:
    atomic_write(target, Path(source).read_bytes())


# ---------------------------------------------------------------- manifest and index

def _versions() -> dict:
    out = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = None
    return out


def _git() -> dict:
    def run(*args):
        try:
            return subprocess.run(["git", *args], cwd=paths.ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""
    commit = run("rev-parse", "HEAD")
    return {"commit": commit or None, "dirty": bool(run("status", "--porcelain")) if commit else None}


def _cell_error(exc: BaseException) -> str:
    """The failing cell's error as papermill reports it (exception, message, traceback), without colour codes."""
    ename, evalue = getattr(exc, "ename", type(exc).__name__), getattr(exc, "evalue", str(exc))
    tb = getattr(exc, "traceback", None)
    text = f"{ename}: {evalue}"
    if tb:
        text += "\n" + "\n".join(_ANSI.sub("", line) for line in tb[-12:])
    cell = getattr(exc, "exec_count", None) or getattr(exc, "cell_index", None)
    return (f"cell {cell}: " if cell is not None else "") + text


def write_index(out: Path, state: dict) -> None:
    """reports/index.html: every report with its parameters, date, status and links (all relative, escaped)."""
    e = html.escape
    rows = []
    for name, s in sorted(state.get("reports", {}).items(), key=lambda kv: kv[1].get("order", 0)):
        good = s.get("last_good") or {}
        label = good.get("title") if good and good.get("title") not in (None, "", name) else name.capitalize()
        link = (f'<a href="{e(name)}.html">{e(label)}</a>' if good else e(label)) + \
            f'<div class="d">{e(DESCRIPTIONS.get(name, ""))}</div>'

        status = s.get("status", "?")
        badge = {"ok": "#2e7d32", "failed": "#c62828", "interrupted": "#ef6c00"}.get(status, "#555")
        extra = ""
        if status != "ok":
            extra = f'<div class="err">{e((s.get("error") or "")[:600])}</div>'
            if s.get("failed_notebook"):
                extra += f'<div>failed notebook: <a href="{e(s["failed_notebook"])}">{e(s["failed_notebook"])}</a></div>'
            if good:
                extra += f'<div>showing the last good report, rendered {e(good.get("rendered", "?"))}</div>'
        params = good.get("parameters") if good else s.get("parameters")
        ptxt = "<br>".join(f"{e(k)} = {e(json.dumps(v, ensure_ascii=False))}" for k, v in (params or {}).items()
                           if k not in ("corpus", "tables") and v not in ("", [], None))
        rows.append(f"<tr><td>{link}</td><td><span class='badge' style='background:{badge}'>{e(status)}</span>{extra}</td>"
                    f"<td>{e(s.get('attempted', ''))}</td><td>{e(good.get('rendered', '')) if good else ''}</td>"
                    f"<td>{e(str(good.get('source', ''))) if good else ''}</td><td class='p'>{ptxt or 'defaults'}</td>"
                    f"<td>{e(str(good.get('html_bytes', '') and round(good['html_bytes'] / 1024)) + ' KB') if good else ''}</td></tr>")
    runs = "".join(f"<li><code>{e(r['run_id'])}</code>: {e(r['status'])}, {r['duration_s']:.1f}s, "
                   f"<a href=\"runs/{e(r['run_id'])}/manifest.json\">manifest</a></li>" for r in state.get("runs", [])[-10:][::-1])
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Reports</title>
<style>
body {{font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #222; max-width: 1300px;}}
h1 {{color: #1f4e79;}} table {{border-collapse: collapse; width: 100%;}}
th, td {{border-bottom: 1px solid #dde3ea; padding: 6px 8px; text-align: left; vertical-align: top; font-size: 0.92em;}}
th {{background: #eef2f6;}} .badge {{color: white; border-radius: 3px; padding: 1px 7px;}}
.err {{color: #c62828; white-space: pre-wrap; font-family: monospace; font-size: 0.85em; margin-top: 4px;}}
.p {{font-family: monospace; font-size: 0.85em;}} .d {{color: #555; font-size: 0.85em; margin-top: 3px;}}
</style></head><body>
<h1>Reports</h1>
<p>Updated {e(state.get('updated', ''))}. Each report opens offline; its parameters, render date and status are listed here.</p>
<table><tr><th>Report</th><th>Status of the latest run</th><th>Latest attempt</th><th>Rendered</th><th>Corpus</th><th>Parameters</th><th>Size</th></tr>
{''.join(rows)}
</table>
<h2>Recent runs</h2><ul>{runs}</ul>
</body></html>
"""
    atomic_write(out / "index.html", page)


def prune_runs(out: Path, keep: int, current: str) -> None:
    """Keep the `keep` most recent run folders (tables, executed notebooks, manifest); never the current one."""
    runs = sorted(p for p in (out / "runs").iterdir() if p.is_dir()) if (out / "runs").exists() else []
    for old in runs[:max(0, len(runs) - max(keep, 1))]:
        if old.name != current:
            shutil.rmtree(old, ignore_errors=True)


def _load_state(out: Path) -> dict:
    try:
        return json.loads((out / "index.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"reports": {}, "runs": []}


# ---------------------------------------------------------------- progress and logging

class _Progress:
    """tqdm bars on a terminal; plain timestamped lines otherwise."""

    def __init__(self, total: int, tty: bool | None = None, stream=None):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.bar = None
        if self.tty:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, desc="reports", unit="notebook", file=self.stream, position=0)

    def log(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(f"{dt.datetime.now().strftime('%H:%M:%S')} report: {message}", file=self.stream, flush=True)

    def step(self, name: str) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(name)

    def done(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# ---------------------------------------------------------------- the run

def render_reports(source: str | Path | None = None, params: dict | None = None, out: str | Path | None = None,
                   notebooks_dir: str | Path | None = None, only: list[str] | None = None, tables: str | Path | None = None,
                   timeout: int = 600, kernel: str = "python3", tty: bool | None = None, stream=None,
                   keep_runs: int = 10) -> RunResult:
    """Render every notebook into `out` (default reports/). Raises ParameterError before any kernel on bad input."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    started = time.perf_counter()
    stream = stream or sys.stderr
    out = Path(out or paths.REPORTS).resolve()
    notebooks_dir = Path(notebooks_dir or paths.NOTEBOOKS).resolve()
    source = Path(source or paths.SEEDS).resolve()
    user_params = dict(params or {})
    for reserved in ("corpus", "tables"):
        if reserved in user_params:
            raise ParameterError([f"{reserved!r} is set by the report command: use --source / --tables instead of -p {reserved}"])

    notebooks = discover(notebooks_dir, only)
    if not notebooks:
        raise ParameterError([f"no notebook (.py or .ipynb) in {notebooks_dir}"])
    run_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]
    run_dir = out / "runs" / run_id
    (run_dir / "input").mkdir(parents=True, exist_ok=True)

    inputs, declared = {}, {}
    try:
        for nb in notebooks:
            inputs[nb] = materialise(nb, run_dir / "input" / f"{report_name(nb)}.ipynb")
            declared[nb] = declared_parameters(inputs[nb])
        allowed = set().union(*declared.values()) - {"corpus", "tables"}
        checked = validate(user_params, allowed=allowed)          # raises before any kernel starts
    except BaseException:
        shutil.rmtree(run_dir, ignore_errors=True)
        raise

    progress = _Progress(len(notebooks), tty=tty, stream=stream)
    results: list[NotebookResult] = []
    exit_code, status = 0, "ok"
    state = _load_state(out)
    manifest = {"run_id": run_id, "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "source": str(source), "parameters": checked, "versions": _versions(), "git": _git(),
                "command": sys.argv, "timeout_per_cell_s": timeout, "kernel": kernel}
    try:
        # 1. the corpus, extracted once for every notebook
        if tables:
            tables_dir = Path(tables).resolve()
            from analysis.tables import read_tables

            extracted = read_tables(tables_dir)
            progress.log(f"using tables in {tables_dir}")
        else:
            if not source.exists():
                raise ParameterError([f"--source {source} does not exist: give a folder of articles, one file or a .jsonl/.csv export"])
            from analysis.corpus import load_corpus
            from analysis.tables import write_tables

            t0 = time.perf_counter()
            corpus = load_corpus(source)
            if len(corpus.articles) == 0:
                raise ParameterError([f"--source {source}: no article could be loaded"])
            tables_dir = run_dir / "tables"
            write_tables(corpus.tables(include_load_report=True), tables_dir)
            extracted = corpus.tables()
            progress.log(f"extracted {len(corpus.articles)} articles from {source} in {time.perf_counter() - t0:.1f}s -> {tables_dir}")
        manifest["tables"] = str(tables_dir)
        manifest["counts"] = {name: int(len(frame)) for name, frame in extracted.items()}
        checked = validate(checked, tables=extracted, allowed=allowed)   # units, focus: against the corpus
        manifest["parameters"] = checked

        # 2. each notebook
        for order, nb in enumerate(notebooks):
            name = report_name(nb)
            nb_params = {k: _literal(info.get("default")) for k, info in declared[nb].items()}
            nb_params.update({k: v for k, v in checked.items() if k in declared[nb]})
            nb_params.update({"corpus": str(source), "tables": str(tables_dir)})
            res = NotebookResult(name=name, source=str(nb.relative_to(notebooks_dir.parent) if notebooks_dir.parent in nb.parents else nb),
                                 parameters=nb_params)
            results.append(res)
            progress.step(name)
            progress.log(f"[{order + 1}/{len(notebooks)}] {name}: running")
            executed = run_dir / f"{name}.ipynb"
            t0 = time.perf_counter()
            try:
                papermill.execute_notebook(str(inputs[nb]), str(executed), parameters=nb_params, kernel_name=kernel,
                                           execution_timeout=timeout, progress_bar=progress.tty, log_output=False,
                                           cwd=str(notebooks_dir), report_mode=False,
                                           kernel_manager_class=_kernel_manager_class())
                title = nb_params.get("title") or name
                body = export_html(executed, title)
                atomic_write(run_dir / f"{name}.html", body)
                atomic_copy(run_dir / f"{name}.html", out / f"{name}.html")
                stale = out / f"{name}.failed.ipynb"
                if stale.exists():
                    stale.unlink()
                res.status, res.html, res.html_bytes = "ok", f"{name}.html", len(body.encode("utf-8"))
            except PapermillExecutionError as exc:
                res.status, res.error = "failed", _cell_error(exc)
            except Exception as exc:  # kernel died, timeout, export error: same treatment
                res.status, res.error = "failed", _cell_error(exc)
            res.duration_s = round(time.perf_counter() - t0, 2)
            entry = state["reports"].setdefault(name, {})
            entry.update({"order": order, "status": res.status, "attempted": manifest["started"], "run_id": run_id,
                          "parameters": nb_params, "error": res.error, "failed_notebook": None})
            if res.status == "ok":
                entry["last_good"] = {"rendered": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                                      "run_id": run_id, "parameters": nb_params, "title": title, "source": str(source),
                                      "html_bytes": res.html_bytes}
                progress.log(f"[{order + 1}/{len(notebooks)}] {name}: ok in {res.duration_s:.1f}s -> {out / res.html} "
                             f"({res.html_bytes / 1024:.0f} KB)")
            else:
                exit_code, status = 1, "failed"
                if executed.exists():
                    atomic_copy(executed, out / f"{name}.failed.ipynb")
                    res.failed_notebook = entry["failed_notebook"] = f"{name}.failed.ipynb"
                res.html = f"{name}.html" if (out / f"{name}.html").exists() else None
                progress.log(f"[{order + 1}/{len(notebooks)}] {name}: FAILED after {res.duration_s:.1f}s; "
                             f"{'kept the last good ' + res.html if res.html else 'no earlier report'}; "
                             f"executed notebook: {out / (res.failed_notebook or '?')}")
                print(f"error in {name}: {res.error}", file=stream, flush=True)
            progress.done()
    except KeyboardInterrupt:
        exit_code, status = 130, "interrupted"
        for res in results:
            if res.status == "pending":
                res.status = "interrupted"
                state["reports"].setdefault(res.name, {}).update({"status": "interrupted", "error": "interrupted by the user"})
        progress.log("interrupted: the reports already in place are kept")
    except ParameterError:
        progress.close()
        shutil.rmtree(run_dir, ignore_errors=True)
        raise
    finally:
        progress.close()

    duration = round(time.perf_counter() - started, 2)
    manifest.update({"finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "duration_s": duration,
                     "status": status, "notebooks": [r.__dict__ for r in results]})
    atomic_write(run_dir / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2, default=str))
    state["updated"] = manifest["finished"]
    state["runs"] = (state.get("runs", []) + [{"run_id": run_id, "status": status, "duration_s": duration}])[-50:]
    atomic_write(out / "index.json", json.dumps(state, ensure_ascii=False, indent=2, default=str))
    write_index(out, state)
    prune_runs(out, keep_runs, current=run_id)
    progress.log(f"{status}: {sum(r.status == 'ok' for r in results)}/{len(notebooks)} reports in {duration:.1f}s; "
                 f"index {out / 'index.html'}; manifest {run_dir / 'manifest.json'}")
    return RunResult(run_id, run_dir, out, results, manifest, exit_code)


# ---------------------------------------------------------------- command line

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "Run every notebook in notebooks/ with papermill and export offline HTML reports."
    parser.epilog = ("parameters (notebooks' `parameters` cells):\n" + _param_help() +
                     "\n\nexample: python -m analysis report --source seeds -p provinces '[Long An]' -p lang en")
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("--source", default=str(paths.SEEDS), help="folder of articles (default: seeds/)")
    parser.add_argument("--tables", default=None, help="use tables already extracted by `python -m analysis extract` instead of --source")
    parser.add_argument("--params", default=None, metavar="FILE", help="YAML mapping of parameter: value")
    parser.add_argument("-p", "--param", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help="set one parameter (VALUE read as YAML: -p themes '[de_an_06, ma_tuy]'); repeatable, wins over --params")
    parser.add_argument("--out", default=str(paths.REPORTS), help="folder of the reports (default: reports/, or $ANALYSIS_REPORTS)")
    parser.add_argument("--notebooks", default=str(paths.NOTEBOOKS), help="folder of the notebooks (default: notebooks/)")
    parser.add_argument("--only", action="append", default=None, metavar="REPORT", help="render only this report (repeatable)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    parser.add_argument("--kernel", default="python3", help="Jupyter kernel (default python3)")
    parser.add_argument("--keep-runs", type=int, default=10, help="run folders kept in reports/runs (default 10)")


def _param_help() -> str:
    from analysis.parameters import help_text

    return "\n".join("  " + line for line in help_text().splitlines())


def command(args: argparse.Namespace) -> int:
    try:
        params = read_params(args.params, [tuple(p) for p in args.param])
        result = render_reports(source=args.source, params=params, out=args.out, notebooks_dir=args.notebooks,
                                only=args.only, tables=args.tables, timeout=args.timeout, kernel=args.kernel,
                                keep_runs=args.keep_runs)
    except ParameterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return result.exit_code
