"""The extraction modules that setup.py compiles with Cython, and the check that none is older than its source.

Cython compiles the package's own .py files unchanged (setup.py lists them in COMPILED), so the same code runs
either way, 10-20% faster compiled (benchmarks/bench_stages.py). Python imports a compiled module
(`units.cpython-311-...so`) in preference to the .py beside it, so after an edit or a `git pull` the old compiled
code would run silently.
check_fresh() refuses that at import time and says how to rebuild; `make` rebuilds by itself. Only a source
checkout (a pyproject.toml beside the package) is checked: an installed wheel's files do not change after install,
and the order in which an installer writes them says nothing.
"""
from __future__ import annotations

import importlib.machinery
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
REBUILD = "make env"  # what rebuilds the compiled modules in place (setup.py build_ext --inplace)


class StaleBuildError(ImportError):
    """A compiled module is older than its .py source."""


def binaries(package: Path = PACKAGE) -> dict[str, Path]:
    """Module name -> its compiled file in `package` (this interpreter's extension suffixes only)."""
    found: dict[str, Path] = {}
    for path in package.iterdir():
        # the longest suffix first: 'units.cpython-311-x86_64-linux-gnu.so' is module units, not 'units.cpython-311-...'
        suffix = max((s for s in importlib.machinery.EXTENSION_SUFFIXES if path.name.endswith(s)), key=len, default=None)
        if suffix:
            found[path.name[: -len(suffix)]] = path
    return found


def stale(package: Path = PACKAGE) -> list[tuple[Path, Path]]:
    """(source, binary) pairs whose .py was modified after its compiled module was built."""
    out = []
    for name, binary in sorted(binaries(package).items()):
        source = package / f"{name}.py"
        if source.exists() and source.stat().st_mtime > binary.stat().st_mtime:
            out.append((source, binary))
    return out


def check_fresh(package: Path = PACKAGE) -> None:
    """Raise StaleBuildError naming every compiled module older than its source, and the fix (checkouts only)."""
    if not (package.parent / "pyproject.toml").exists():
        return
    old = stale(package)
    if old:
        names = ", ".join(f"{source.name} (compiled as {binary.name})" for source, binary in old)
        raise StaleBuildError(
            f"{names} in {package} changed after being compiled, and Python would run the old compiled code: "
            f"run `{REBUILD}` to rebuild, or delete the compiled file(s) to run the .py source as it is")


def is_compiled(module) -> bool:
    """True when this imported module runs from a compiled file rather than its .py source."""
    return any(str(getattr(module, "__file__", "")).endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES)
