"""The Python API against the `invokecfg` binary: same documents, same notes, same findings.

Every *.json under fixtures/ (the CLI walks the directory; its report lists the
files) is translated to every dialect the CLI lists, with and without a
mapping, strict and lossy; every fixtures/translate/ case runs with its own
options; every fixture is linted with the options its directories name.
"""

import json
import re
from pathlib import Path

import pytest

import invokecfg
from conftest import FIXTURES, ROOT, error_lines, fixture_cases


def python_outcome(data: bytes, to: str, **kwargs):
    """("translated", text, notes) | ("refused", None, notes) | ("error", (line, column, message), [])."""
    try:
        t = invokecfg.translate(data, to, **kwargs)
    except invokecfg.TranslationRefused as e:
        return "refused", None, [n.to_dict() for n in e.notes]
    except invokecfg.InvalidDocument as e:
        return "error", (e.line, e.column, e.message), []
    return "translated", t.text, [n.to_dict() for n in t.notes]


def cli_error_message(message: str) -> str:
    # The one place the CLI names its flag where the API names its argument.
    return message.replace("pass --from DIALECT to choose", "pass source=DIALECT to choose")


def compare_report(report, stderr, out_dir: Path, to: str, **kwargs):
    """Every file of a CLI `--report` against `invokecfg.translate` of the same bytes; returns the count."""
    # The API reads API JSON; the CLI also walks Terraform and YAML files, which are not compared.
    files = [f for f in report["files"] if f["input"].endswith(".json") and "/terraform/" not in f["input"] and "/yaml/" not in f["input"]]
    errors = error_lines(stderr, [f["input"] for f in files])
    for f in files:
        data = (ROOT / f["input"]).read_bytes()
        status, text, notes = python_outcome(data, to, **kwargs)
        where = f"{f['input']} -> {to} {kwargs}"
        assert status == f["status"], f"{where}: python {status}, CLI {f['status']}"
        assert notes == f["notes"], where
        if status == "translated":
            output = Path(f["output"])
            output = output if output.is_absolute() else ROOT / output
            assert text == output.read_text(), where
        if status == "error":
            line, column, message = errors[f["input"]]
            assert text == (line, column, cli_error_message(message)), where
        # The same document given as a dict (an SDK's to_map()) gives the same result,
        # where JSON text and a dict can say the same thing (no duplicate key).
        if status != "error":
            d_status, d_text, d_notes = python_outcome(json.loads(data), to, **kwargs)
            assert (d_status, d_text, d_notes) == (status, text, notes), f"{where} (as a dict)"
    return len(files)


# The API reads API JSON; Terraform and YAML files (which the CLI also walks) are left out.
JSON_DIRS = sorted(str(d.relative_to(ROOT)) for d in FIXTURES.iterdir() if d.is_dir() and d.name not in ("terraform", "yaml"))
JSON_FIXTURES = [p for d in JSON_DIRS for p in (ROOT / d).rglob("*.json")]


@pytest.mark.parametrize("mapping", [None, "fixtures/mapping/seed.json"])
@pytest.mark.parametrize("lossy", [False, True])
def test_every_fixture_to_every_target(cli, targets, tmp_path, mapping, lossy):
    compared = 0
    for to in targets:
        out, report = tmp_path / to / "out", tmp_path / to / "report.json"
        report.parent.mkdir()
        args = ["translate", "--to", to, "--out-dir", out, "--report", report]
        args += ["--map", mapping] if mapping else []
        args += ["--allow-lossy"] if lossy else []
        p = cli(*args, "fixtures")
        kwargs = {"mapping": ROOT / mapping if mapping else None, "allow_lossy": lossy}
        compared += compare_report(json.loads(report.read_text()), p.stderr, out, to, **kwargs)
    # The CLI walked every fixture, for every target.
    assert compared == len(targets) * len(JSON_FIXTURES), (compared, len(JSON_FIXTURES))


@pytest.mark.parametrize("name,case,input_path", list(fixture_cases()), ids=[c[0] for c in fixture_cases()])
def test_translate_cases(cli, tmp_path, name, case, input_path):
    args = ["translate", "--to", case["to"], "--report", tmp_path / "report.json", "-o", tmp_path / "out.json"]
    kwargs = {}
    if "mapping" in case:
        args += ["--map", case["mapping"]]
        kwargs["mapping"] = str(ROOT / case["mapping"])
    if "mapping_inline" in case:
        (tmp_path / "mapping.json").write_text(json.dumps(case["mapping_inline"]))
        args += ["--map", tmp_path / "mapping.json"]
        kwargs["mapping"] = case["mapping_inline"]
    for flag, key in [("--from", "from"), ("--function", "function")]:
        if key in case:
            args += [flag, case[key]]
            kwargs["source" if key == "from" else key] = case[key]
    for flag, key in [("--strict", "strict"), ("--allow-lossy", "allow_lossy")]:
        if case.get(key):
            args.append(flag)
            kwargs[key] = True
    p = cli(*args, input_path.relative_to(ROOT))
    report = json.loads((tmp_path / "report.json").read_text())
    assert compare_report(report, p.stderr, tmp_path, case["to"], **kwargs) == 1


def lint_groups():
    """(directory, CLI flags, API options) for fixtures/ and every `target-X` / `dialect-X` directory in it."""
    yield " ".join(JSON_DIRS), [], {}
    for d in sorted(FIXTURES.rglob("*")):
        if not d.is_dir():
            continue
        flags, options = [], {}
        for part in d.relative_to(FIXTURES).parts:
            m = re.fullmatch(r"(target|dialect)-(.+)", part)
            if m:
                flags += [f"--{m[1]}", m[2]]
                options[m[1]] = m[2]
        if options and re.fullmatch(r"(target|dialect)-.+", d.name):
            yield str(d.relative_to(ROOT)), flags, options


@pytest.mark.parametrize("directory,flags,options", list(lint_groups()), ids=[g[0] for g in lint_groups()])
def test_lint_equals_json_report(cli, directory, flags, options):
    p = cli("lint", "--format", "json", "--exit-zero", "--verbose", *flags, *directory.split(" "))
    report = json.loads(p.stdout)
    assert report["summary"]["files"] > 0 and report["problems"] == []
    by_file = {}
    for finding in report["findings"]:
        by_file.setdefault(finding["file"], []).append(finding)
    # Files that are no config at all the CLI skips (and says so with --verbose); so does the API.
    skipped = set(re.findall(r"^(.*): skipped, not an async invocation config", p.stderr, re.M))
    assert len(skipped) == report["summary"]["skipped"]
    compared = 0
    for path in sorted(p for d in directory.split(" ") for p in Path(ROOT / d).rglob("*.json")):
        shown = str(path.relative_to(ROOT))
        if shown in skipped:
            assert invokecfg.lint(path.read_bytes(), filename=shown, **options) == [], shown
            continue
        got = [f.to_dict() for f in invokecfg.lint(path.read_bytes(), filename=shown, **options)]
        assert got == by_file.pop(shown, []), shown
        compared += 1
    assert by_file == {}, f"findings of files the API was not asked about: {list(by_file)}"
    assert compared == report["summary"]["files"]


@pytest.mark.parametrize("unsafe_fixes", [False, True])
def test_fix_equals_cli_fix(cli, tmp_path, unsafe_fixes):
    """`fix(text, unsafe_fixes=...)` gives the text `invokecfg lint --fix [--unsafe-fixes]` writes, for every lint fixture."""
    fixed = 0
    flags = ["--unsafe-fixes"] if unsafe_fixes else []
    for path in sorted((FIXTURES / "lint").rglob("*.json")):
        copy = tmp_path / "x.json"
        copy.write_bytes(path.read_bytes())
        # --dialect lints (and fixes) the file even where it is no config: the API lints what it is given.
        dialect = next((part[len("dialect-"):] for part in path.parts if part.startswith("dialect-")), "auto")
        cli("lint", "--fix", *flags, "--exit-zero", "--quiet", "--dialect", dialect, copy)
        try:
            got = invokecfg.fix(path.read_bytes(), unsafe_fixes=unsafe_fixes) if dialect == "auto" else None
        except invokecfg.InvalidDocument:
            assert copy.read_bytes() == path.read_bytes(), path
            continue
        if got is None:
            continue
        assert got == copy.read_bytes(), path
        fixed += got != path.read_bytes()
    # Unsafe fixes (clamps, guessed renames) are most of the fixtures' fixes.
    assert fixed > (10 if unsafe_fixes else 5), fixed
