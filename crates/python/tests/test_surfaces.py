"""Issue #19, items 5 and 6: lint() reads what `invokecfg lint` reads, as it reads it, with its --map and --function."""

import json
import re

import pytest

import invokecfg
from conftest import FIXTURES, ROOT

SURFACES = ("*.json", "*.tf", "*.yaml", "*.yml")


def test_lint_parity_every_file_of_every_surface_equals_the_cli(cli):
    """Item 5: each fixture (API JSON, Terraform, YAML), linted by its name, gives the CLI's findings; skipped ones none."""
    p = cli("lint", "--format", "json", "--exit-zero", "--verbose", "fixtures")
    report = json.loads(p.stdout)
    by_file = {}
    for finding in report["findings"]:
        by_file.setdefault(finding["file"], []).append(finding)
    skipped = set(re.findall(r"^(.*): skipped, not an async invocation config", p.stderr, re.M))
    assert skipped and len(skipped) == report["summary"]["skipped"]
    paths = sorted({p for pattern in SURFACES for p in FIXTURES.rglob(pattern)})
    kinds = {p.suffix for p in paths if str(p.relative_to(ROOT)) in by_file}
    assert {".json", ".tf", ".yaml"} <= kinds, kinds
    for path in paths:
        shown = str(path.relative_to(ROOT))
        got = [f.to_dict() for f in invokecfg.lint(path.read_bytes(), filename=shown)]
        assert got == by_file.pop(shown, []), shown
        if shown in skipped:
            assert got == []
        # A path given as the document: its name is the file name.
        assert invokecfg.lint(path) == invokecfg.lint(path.read_bytes(), filename=str(path)), shown
    assert by_file == {}, f"findings of files the API was not asked about: {list(by_file)}"


def test_lint_parity_package_json_is_skipped_unless_claimed(cli, tmp_path):
    """Item 5: JSON with no key of any dialect is no config: no S103 (as the CLI); dialect= claims it, as --dialect does."""
    text = '{\n  "name": "orders-api",\n  "version": "1.0.0",\n  "scripts": {"test": "jest"}\n}\n'
    (tmp_path / "package.json").write_text(text)
    assert invokecfg.lint(text) == [] and invokecfg.lint(text, filename="package.json") == []
    assert json.loads(cli("lint", "--format", "json", tmp_path / "package.json").stdout)["findings"] == []
    claimed = cli("lint", "--format", "json", "--exit-zero", "--dialect", "alibaba-fc2", tmp_path / "package.json")
    expected = json.loads(claimed.stdout)["findings"]
    got = [f.to_dict() for f in invokecfg.lint(text, filename=str(tmp_path / "package.json"), dialect="alibaba-fc2")]
    assert got == expected and got


def test_lint_parity_filename_chooses_terraform(cli, tmp_path):
    """Item 5: lint(text, filename="main.tf") reads Terraform, as `invokecfg lint main.tf` does, and fix() fixes it as Terraform."""
    text = (FIXTURES / "terraform" / "read" / "huawei-smn.tf").read_text()
    (tmp_path / "main.tf").write_text(text)
    expected = json.loads(cli("lint", "--format", "json", "--exit-zero", tmp_path / "main.tf").stdout)["findings"]
    got = [f.to_dict() for f in invokecfg.lint(text, filename=str(tmp_path / "main.tf"))]
    assert got == expected
    assert all(f.code != "S101" for f in invokecfg.lint(text, filename="main.tf"))
    assert [f.code for f in invokecfg.lint(text)] == ["S101"]  # no name: API JSON, which this is not
    def has_fix(path, applicability):
        return any(f.fix and f.fix["applicability"] == applicability for f in invokecfg.lint(path))

    for applicability, flags, unsafe in [("safe", (), False), ("unsafe", ("--unsafe-fixes",), True)]:
        fixable = [p for p in sorted(FIXTURES.rglob("*.tf")) if has_fix(p, applicability)]
        assert fixable, f"a Terraform fixture with {applicability} fix"
        for path in fixable:
            copy = tmp_path / path.name
            copy.write_bytes(path.read_bytes())
            cli("lint", "--fix", *flags, "--exit-zero", "--quiet", copy)
            fixed = invokecfg.fix(path.read_bytes(), filename=path.name, unsafe_fixes=unsafe)
            assert fixed == copy.read_bytes() != path.read_bytes()
            assert invokecfg.fix(path, unsafe_fixes=unsafe) == copy.read_text()


@pytest.mark.parametrize("case", ["fc2-seed-to-huawei", "aws-to-huawei-mapped"])
def test_lint_mapping_and_function_as_the_cli_map_and_function(cli, tmp_path, case):
    """Item 6: lint(target=, mapping=, function=) equals `invokecfg lint --target --map --function`; the mapping resolves P507."""
    spec = json.loads((FIXTURES / "translate" / case / "case.json").read_text())
    source = FIXTURES / "translate" / case / "input.json"
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(spec.get("mapping_inline") or json.loads((ROOT / spec["mapping"]).read_text())))
    shown = str(source.relative_to(ROOT))
    without = [f.code for f in invokecfg.lint(source, target=spec["to"])]
    assert "P507" in without
    for extra, kwargs in [([], {}), (["--map", mapping], {"mapping": mapping}),
                          (["--map", mapping, "--function", "acs:fc:cn-shanghai:1234567890123456:services/s.1/functions/f"],
                           {"mapping": json.loads(mapping.read_text()), "function": "acs:fc:cn-shanghai:1234567890123456:services/s.1/functions/f"})]:
        p = cli("lint", "--format", "json", "--exit-zero", "--target", spec["to"], *extra, shown, check_codes=(0, 1, 2))
        if p.returncode == 2:  # the function does not fit this document's dialect: the CLI refuses, so does lint()
            with pytest.raises((ValueError, invokecfg.InvokecfgError)):
                invokecfg.lint(source, target=spec["to"], filename=shown, **kwargs)
            continue
        expected = json.loads(p.stdout)["findings"]
        got = [f.to_dict() for f in invokecfg.lint(source, target=spec["to"], filename=shown, **kwargs)]
        assert got == expected, extra
    with_mapping = [f.code for f in invokecfg.lint(source, target=spec["to"], mapping=mapping)]
    assert with_mapping.count("P507") < without.count("P507")
