"""Shared helpers: the repository root, the `invokecfg` binary, fixture walking."""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures"


def cli_binary() -> Path:
    """The CLI to compare against: $INVOKECFG_BIN, else target/{debug,release}/invokecfg, built if missing."""
    given = os.environ.get("INVOKECFG_BIN")
    if given:
        return Path(given)
    for profile in ("debug", "release"):
        candidate = ROOT / "target" / profile / "invokecfg"
        if candidate.is_file():
            return candidate
    subprocess.run(["cargo", "build", "--quiet", "--bin", "invokecfg"], cwd=ROOT, check=True)
    return ROOT / "target" / "debug" / "invokecfg"


@pytest.fixture(scope="session")
def cli():
    binary = cli_binary()

    def run(*args, check_codes=(0, 1)):
        p = subprocess.run([str(binary), *map(str, args)], cwd=ROOT, capture_output=True, text=True)
        assert p.returncode in check_codes, f"invokecfg {' '.join(map(str, args))}: exit {p.returncode}\n{p.stderr}"
        return p

    return run


@pytest.fixture(scope="session")
def targets(cli):
    """Every dialect the CLI lists (`lint --target`'s possible values): new dialects are covered as they come."""
    help_text = cli("lint", "--help").stdout
    m = re.search(r"--target <TARGET>.*?\[possible values: ([^\]]+)\]", help_text, re.S)
    assert m, help_text
    return [t.strip() for t in m.group(1).split(",")]


def fixture_cases():
    """Every fixtures/translate/<case>/ directory with its case.json."""
    for case in sorted((FIXTURES / "translate").iterdir()):
        if (case / "case.json").is_file():
            yield case.name, json.loads((case / "case.json").read_text()), case / "input.json"


def error_lines(stderr: str, inputs):
    """`input[:L:C]: error: message` lines of the CLI, by input."""
    out = {}
    for line in stderr.splitlines():
        for i in inputs:
            m = re.match(re.escape(i) + r"(?::(\d+):(\d+))?: error: (.*)$", line)
            if m:
                out.setdefault(i, (int(m[1]) if m[1] else None, int(m[2]) if m[2] else None, m[3]))
    return out
