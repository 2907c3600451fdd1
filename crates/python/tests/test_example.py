"""examples/migrate_fc2_to_functiongraph.py end to end, on the bundled responses."""

import json
import os
import shutil
import subprocess
import sys

import pytest

import invokecfg
from conftest import ROOT

pytest.importorskip("alibabacloud_fc_open20210406")
pytest.importorskip("huaweicloudsdkfunctiongraph")

SCRIPT = ROOT / "examples" / "migrate_fc2_to_functiongraph.py"
RESPONSES = ROOT / "examples" / "responses"
MAPPING = ROOT / "examples" / "mapping.json"


def run(*args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUAWEICLOUD_SDK_")}
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, cwd=ROOT, env=env)


def expected_requests():
    """What the script must send: each saved config translated here, independently, as (function_urn, body)."""
    out = []
    for path in sorted(RESPONSES.glob("*.json")):
        body = json.loads(path.read_text())["body"]
        for config in body.get("configs", [body]):
            arn = f"acs:fc:cn-shanghai:1234567890123456:services/{config['service']}.{config['qualifier']}/functions/{config['function']}"
            doc = invokecfg.translate(config, "huawei", mapping=MAPPING, function=arn).document
            out.append((doc.pop("func_urn"), doc))
    return out


def test_dry_run_prints_the_requests_it_would_send():
    p = run("--dry-run")
    assert p.returncode == 0, p.stderr
    printed = [json.loads(line.strip()) for line in p.stdout.splitlines() if line.startswith("  {")]
    expected = expected_requests()
    assert len(expected) == 3
    assert [(r["function_urn"], r["body"]) for r in printed] == expected
    puts = [line for line in p.stdout.splitlines() if ": PUT /v2/{project_id}/fgs/functions/" in line]
    assert [line.split("/functions/")[1].split("/async-invoke-config")[0] for line in puts] == [u for u, _ in expected]
    assert "warning[T101] `maxAsyncRetryAttempts` 5 is outside huawei's range 0..3; clamped to 3" in p.stdout
    assert p.stdout.splitlines()[-1] == "dry run: 3 configs read, 3 requests built, 0 sent; notes: 1 warnings, 21 infos"


def test_a_refusal_stops_before_anything_is_built(tmp_path):
    shutil.copytree(RESPONSES, tmp_path / "responses")
    saved = json.loads((RESPONSES / "get-orders-create-order.json").read_text())
    saved["body"]["destinationConfig"]["onSuccess"] = {
        "destination": "acs:eventbridge:cn-shanghai:1234567890123456:eventbus/default"}
    (tmp_path / "responses" / "get-orders-eventbridge.json").write_text(json.dumps(saved))
    p = run("--dry-run", "--responses", tmp_path / "responses")
    assert p.returncode == 1, p.stderr
    assert "get-orders-eventbridge.json: error[T202]" in p.stdout
    assert "stopped: 1 of 4 configs refused; nothing sent" in p.stdout
    assert "PUT " not in p.stdout
    lossy = run("--dry-run", "--allow-lossy", "--responses", tmp_path / "responses")
    assert lossy.returncode == 0 and "get-orders-eventbridge.json: warning[T201]" in lossy.stdout
    assert "4 requests built" in lossy.stdout


def test_sending_needs_credentials():
    p = run()
    assert p.returncode == 2 and "HUAWEICLOUD_SDK_AK" in p.stderr
