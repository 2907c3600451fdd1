"""Issue #19, items 4, 7, 9 and 10: the mapping cache, errors that say what, docs, and the decisions, each with its test."""

import errno
import importlib.util
import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

import invokecfg
from conftest import FIXTURES, ROOT

PACKAGE = ROOT / "crates" / "python"
SEED = FIXTURES / "mapping" / "seed.json"
MNS = "acs:mns:cn-shanghai:1234567890123456:/queues/failed-orders/messages"


def mns_document():
    doc = json.loads((FIXTURES / "translate" / "fc2-seed-to-huawei" / "input.json").read_text())
    doc["destinationConfig"]["onFailure"]["destination"] = MNS
    return doc


def test_mapping_cache_compares_exactly():
    """Item 4: True -> 1 -> 1.0 in a mapping each give their own output (Python's == says they are equal)."""
    doc, mapping = mns_document(), json.loads(SEED.read_text())
    params = []
    for value in (True, 1, 1.0, True):
        mapping["destinations"][MNS]["param"]["extra"] = value
        params.append(invokecfg.translate(doc, "huawei", mapping=mapping).document["destination_config"]["on_failure"]["param"])
    assert params == ['{"stream_name":"failed-orders","extra":%s}' % v for v in ("true", "1", "1.0", "true")]


def test_mapping_cache_sees_a_rewrite_with_the_same_size_and_mtime(tmp_path):
    """Item 10: a mapping file is compared by its bytes, so a same-size rewrite with the old mtime is seen."""
    doc, mapping = mns_document(), json.loads(SEED.read_text())
    path = tmp_path / "mapping.json"
    mapping["destinations"][MNS]["param"]["stream_name"] = "aaaa"
    path.write_text(json.dumps(mapping))
    first = invokecfg.translate(doc, "huawei", mapping=path).text
    stat = path.stat()
    mapping["destinations"][MNS]["param"]["stream_name"] = "bbbb"
    path.write_text(json.dumps(mapping))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    assert invokecfg.translate(doc, "huawei", mapping=path).text == first.replace("aaaa", "bbbb") != first


def test_errors_name_the_file_and_errno(tmp_path):
    """Item 7: a mapping or document file that cannot be read raises OSError with errno and filename; not UTF-8 names the byte."""
    missing = tmp_path / "missing.json"
    for call in (lambda: invokecfg.translate({}, "huawei", mapping=missing),
                 lambda: invokecfg.translate({}, "huawei", mapping=str(missing)),
                 lambda: invokecfg.translate(missing, "huawei"),
                 lambda: invokecfg.lint({}, target="huawei", mapping=missing)):
        with pytest.raises(FileNotFoundError) as e:
            call()
        assert (e.value.errno, e.value.filename) == (errno.ENOENT, str(missing))
        assert str(missing) in str(e.value)
    with pytest.raises(IsADirectoryError) as e:
        invokecfg.translate({}, "huawei", mapping=tmp_path)
    assert (e.value.errno, e.value.filename) == (errno.EISDIR, str(tmp_path))
    latin = tmp_path / "latin1.json"
    latin.write_bytes('{"regions": {"cn-shanghai": "cn-east-3"}, "x": "caf\xe9"}'.encode("latin-1"))
    at = latin.read_bytes().index(b"\xe9")
    with pytest.raises(invokecfg.InvokecfgError, match=re.escape(f"mapping file {latin}: byte {at} (0xe9) is not UTF-8")):
        invokecfg.translate({}, "huawei", mapping=latin)


def test_errors_invalid_document_is_a_value_error_and_detect_suggests_no_source():
    """Item 7: `except ValueError` catches InvalidDocument; detect() does not tell its caller to pass source=."""
    with pytest.raises(ValueError):
        invokecfg.translate("{", "huawei")
    assert issubclass(invokecfg.InvalidDocument, ValueError) and issubclass(invokecfg.UnsupportedType, TypeError)
    with pytest.raises(invokecfg.InvalidDocument) as e:
        invokecfg.detect({"name": "x"})
    assert "source" not in str(e.value)
    with pytest.raises(invokecfg.InvalidDocument, match="pass source=DIALECT"):
        invokecfg.translate({"name": "x"}, "huawei")


def test_docs_start_whole_and_name_every_dialect(targets):
    """Item 9: the docs open with their first sentence and name every dialect, aws-lambda included."""
    assert invokecfg.translate.__doc__.startswith("Translates one document into dialect ``to``.")
    stub = (pathlib.Path(invokecfg.__file__).with_name("__init__.pyi")).read_text()
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((PACKAGE / "pyproject.toml").read_text())["project"]
    for text in (invokecfg.__doc__, invokecfg.detect.__doc__, invokecfg.schema.__doc__, invokecfg.translate.__doc__, stub):
        for dialect in targets:
            assert dialect in text, (dialect, text[:200])
    assert "AWS Lambda" in project["description"]
    assert project["urls"]["Repository"] and project["urls"]["Documentation"]
    assert "License :: OSI Approved :: Apache Software License" in project["classifiers"]
    for f in (invokecfg.translate, invokecfg.translate_many, invokecfg.lint, invokecfg.fix, invokecfg.detect, invokecfg.schema):
        assert f.__doc__.split("\n")[0][0].isupper(), f


def test_docs_lint_select_answers_in_python_words():
    """Item 9: a str for select/ignore is a TypeError that says what to pass, not Rust's `Vec`."""
    for kwargs in ({"select": "R"}, {"ignore": "R201"}, {"select": [5]}):
        with pytest.raises(TypeError) as e:
            invokecfg.lint("{}", **kwargs)
        message = str(e.value)
        assert "Vec" not in message and "extract" not in message and next(iter(kwargs)) in message, message
    assert invokecfg.lint('{"maxAsyncRetryAttempts": 9}', select=("R2",)) == invokecfg.lint('{"maxAsyncRetryAttempts": 9}', select=["R2"])


@pytest.mark.parametrize("single", ['{"maxAsyncRetryAttempts": 1}', b'{"maxAsyncRetryAttempts": 1}',
                                    bytearray(b"{}"), {"maxAsyncRetryAttempts": 1}])
def test_decide_translate_many_refuses_a_single_document(single):
    """Item 10: one document is no batch (a str would be iterated by character): TypeError."""
    with pytest.raises(TypeError, match=r"not one document .*pass \[doc\]"):
        invokecfg.translate_many(single, "huawei")


def test_decide_pathlike_documents_are_files(tmp_path):
    """Item 10: an os.PathLike is a file to read, for documents as for mappings; a str stays JSON text."""
    path = FIXTURES / "alibaba-fc2" / "valid" / "seed-put-response.json"
    text = path.read_text()
    assert invokecfg.translate(path, "huawei", mapping=SEED) == invokecfg.translate(text, "huawei", mapping=SEED)
    assert invokecfg.translate_many([path, text], "huawei", mapping=SEED)[0] == invokecfg.translate(text, "huawei", mapping=SEED)
    assert invokecfg.detect(path) == invokecfg.detect(text)
    assert invokecfg.fix(path) == invokecfg.fix(text)
    findings = invokecfg.lint(path, target="huawei")
    assert findings == invokecfg.lint(text, target="huawei", filename=str(path)) and findings
    assert {f.file for f in findings} == {str(path)}
    with pytest.raises(invokecfg.InvalidDocument):
        invokecfg.translate(str(path), "huawei")  # a str is JSON text, never a path


def test_decide_fix_returns_the_type_given():
    """Item 10: fix(bytes) and fix(bytearray) return bytes; str, dict and paths return str."""
    text = '{\n  "maxAsyncRetryAttempts": "8"\n}\n'
    assert invokecfg.fix(text.encode()) == b'{\n  "maxAsyncRetryAttempts": 8\n}\n'
    assert invokecfg.fix(bytearray(text.encode())) == b'{\n  "maxAsyncRetryAttempts": 8\n}\n'
    assert invokecfg.fix(text) == '{\n  "maxAsyncRetryAttempts": 8\n}\n'
    assert isinstance(invokecfg.fix({"maxAsyncRetryAttempts": 9}), str)


def test_fix_applies_unsafe_fixes_only_when_asked(cli, tmp_path):
    """Issue 21, item 3: fix() applies safe fixes; fix(unsafe_fixes=True) unsafe ones too, as `--fix --unsafe-fixes`."""
    # R202's clamp chooses a value for the user (unsafe); S108's unquoting keeps the value (safe).
    text = '{\n  "maxAsyncRetryAttempts": 9,\n  "maxAsyncEventAgeInSeconds": "300"\n}\n'
    safe_only = '{\n  "maxAsyncRetryAttempts": 9,\n  "maxAsyncEventAgeInSeconds": 300\n}\n'
    both = '{\n  "maxAsyncRetryAttempts": 8,\n  "maxAsyncEventAgeInSeconds": 300\n}\n'
    assert invokecfg.fix(text) == safe_only
    assert invokecfg.fix(text, unsafe_fixes=False) == safe_only
    assert invokecfg.fix(text, unsafe_fixes=True) == both
    [clamp] = [f for f in invokecfg.lint(text) if f.code == "R202"]
    assert clamp.fix is not None and clamp.fix["applicability"] == "unsafe"
    for flags, expected in [((), safe_only), (("--unsafe-fixes",), both)]:
        path = tmp_path / "c.json"
        path.write_text(text)
        cli("lint", "--fix", *flags, "--exit-zero", "--quiet", path)
        assert path.read_text() == expected, flags
    r202 = next(r for r in invokecfg.rules() if r.code == "R202")
    assert (r202.fixable, r202.fix_availability, r202.fix_applicability) == (True, "sometimes", ["unsafe"])


def test_decide_notes_in_the_cli_report_order(cli, tmp_path):
    """Item 10: notes come in the CLI report's order (the translation's steps), not the document's key order."""
    doc = '{\n  "maxAsyncRetryAttempts": 8,\n  "function": "f",\n  "qualifier": "q",\n  "service": "s"\n}\n'
    (tmp_path / "in.json").write_text(doc)
    cli("translate", "--to", "huawei", "--report", tmp_path / "r.json", "-o", tmp_path / "out.json",
        "--map", SEED, tmp_path / "in.json", check_codes=(0, 1, 2))
    [entry] = json.loads((tmp_path / "r.json").read_text())["files"]
    try:
        notes = invokecfg.translate(doc, "huawei", mapping=SEED).notes
    except invokecfg.TranslationRefused as e:
        notes = e.notes
    assert [n.to_dict() for n in notes] == entry["notes"] and len(notes) >= 2
    pointers = [n.pointer for n in notes]
    assert pointers != sorted(pointers, key=lambda p: doc.find(p.rsplit("/", 1)[-1] or "\x00")), "an example where the orders differ"
    assert "order of the CLI's report" in invokecfg.Translation.__doc__


@pytest.mark.skipif(importlib.util.find_spec("maturin") is None, reason="maturin is not installed (pip install maturin)")
def test_decide_wheel_for_an_index_has_a_manylinux_tag(tmp_path):
    """Item 10: `maturin build` (the README's command) makes a manylinux wheel; `pip install` makes a local linux one."""
    readme = (ROOT / "README.md").read_text()
    assert "maturin build --release -m crates/python/Cargo.toml" in readme
    p = subprocess.run([sys.executable, "-m", "maturin", "build", "-q", "-m", str(PACKAGE / "Cargo.toml"), "-o", str(tmp_path)],
                       capture_output=True, text=True, cwd=ROOT, timeout=1200)
    assert p.returncode == 0, p.stderr[-2000:]
    [wheel] = [w.name for w in tmp_path.glob("*.whl")]
    assert re.fullmatch(r"invokecfg-[\d.]+-cp310-abi3-manylinux_2_\d+_x86_64\.whl", wheel), wheel
