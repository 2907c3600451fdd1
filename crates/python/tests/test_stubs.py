"""Issue #19, item 8: the stubs tell the truth (stubtest), and a typed script passes `mypy --strict` and runs."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

HERE = Path(__file__).parent
needs_mypy = pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")


def test_stubs_typed_usage_runs():
    pytest.importorskip("typing_extensions")
    import typed_usage

    typed_usage.main(FIXTURES)


@needs_mypy
def test_stubs_stubtest_is_clean(tmp_path):
    # Run from elsewhere: the installed package is checked, not a source tree.
    p = subprocess.run([sys.executable, "-m", "mypy.stubtest", "invokecfg"], capture_output=True, text=True,
                       cwd=tmp_path, timeout=600)
    assert p.returncode == 0, p.stdout[-4000:] + p.stderr[-2000:]


@needs_mypy
def test_stubs_mypy_strict_over_examples_and_typed_usage():
    p = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", "/dev/null", "--config-file", "crates/python/pyproject.toml",
                        "examples/", str(HERE / "typed_usage.py")], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert p.returncode == 0, p.stdout[-4000:]
