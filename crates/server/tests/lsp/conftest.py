"""pytest-lsp end-to-end tests of `invokecfg server` over stdio.

The server is the binary `cargo build` made (INVOKECFG_BIN, else
target/debug/invokecfg); findings are compared with `invokecfg lint`.
"""

import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[4]
BIN = os.environ.get("INVOKECFG_BIN") or str(
    pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "debug" / "invokecfg"
)
FIXTURES = {
    "json": ROOT / "fixtures/lint/R201-event-age-out-of-range/fc3-zero.json",
    "terraform": ROOT / "fixtures/terraform/read/fc2-retries-out-of-range.tf",
    "yaml": ROOT / "fixtures/yaml/read/fc3-typo/s.yaml",
}


def lint_json(*paths):
    """`invokecfg lint --format json` findings per file, as the CLI reports them."""
    out = subprocess.run(
        [BIN, "lint", "--format", "json", "--exit-zero", *map(str, paths)],
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    report = json.loads(out.stdout)
    by_file = {}
    for f in report["findings"]:
        by_file.setdefault(str(pathlib.Path(f["file"]).resolve()), []).append(f)
    return by_file
