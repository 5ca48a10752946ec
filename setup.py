"""Build hook: the extraction modules are compiled with Cython, unchanged (same .py source, 10–20% faster).

ANALYSIS_PURE_PYTHON=1 at install time skips compilation, and the package runs as plain Python; so does deleting
the compiled files (analysis/*.so). analysis/compiled.py refuses a compiled module older than its source.
"""
import os

from setuptools import setup

# where extraction spends its time (benchmarks/bench_stages.py); each stays a plain .py file that also runs as is
COMPILED = ["anchors", "units", "people", "events", "themes", "references", "quantities", "grouping", "dates",
            "extract"]


def ext_modules():
    if os.environ.get("ANALYSIS_PURE_PYTHON"):
        return []
    from Cython.Build import cythonize
    from setuptools import Extension

    # -w: the C that Cython generates draws hundreds of harmless compiler warnings that would bury a real error
    modules = [Extension(f"analysis.{name}", [f"analysis/{name}.py"], extra_compile_args=["-w"]) for name in COMPILED]
    # annotation_typing off: annotations stay documentation, so a str-annotated argument may still be None as in
    # Python; every other directive is Cython's default, which keeps Python's semantics
    return cythonize(modules, language_level=3, quiet=True, nthreads=2,
                     compiler_directives={"annotation_typing": False})


setup(ext_modules=ext_modules(), options={"build_ext": {"parallel": 2}})
