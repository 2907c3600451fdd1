"""The Python API itself: types, stubs, errors, hostile inputs, batches."""

import ast
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import invokecfg
from conftest import FIXTURES, ROOT, fixture_cases

STUB = Path(invokecfg.__file__).with_name("__init__.pyi")


def test_version_is_the_cli_version(cli):
    assert cli("--version").stdout.split()[-1] == invokecfg.__version__


def test_every_public_name_is_stubbed_and_documented():
    tree = ast.parse(STUB.read_text())
    stubbed = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    stubbed |= {t.id for n in tree.body if isinstance(n, (ast.AnnAssign,)) for t in [n.target]}
    stubbed |= {a.asname for n in tree.body if isinstance(n, ast.ImportFrom) for a in n.names if a.asname == a.name}
    for name in invokecfg.__all__:
        assert name in stubbed, f"{name} is not in {STUB.name}"
        obj = getattr(invokecfg, name)
        if inspect.isclass(obj) or inspect.isroutine(obj):
            assert (obj.__doc__ or "").strip(), f"{name} has no docstring"
    assert (STUB.parent / "py.typed").is_file()


def test_stub_signatures_match_the_functions():
    tree = ast.parse(STUB.read_text())
    for node in tree.body:
        # Overloads (translate_many, fix) are checked by stubtest (test_stubs.py).
        if not isinstance(node, ast.FunctionDef) or node.decorator_list:
            continue
        runtime = inspect.signature(getattr(invokecfg, node.name))
        a = node.args
        stub = [(p.arg, "POSITIONAL_OR_KEYWORD") for p in a.args] + [(p.arg, "KEYWORD_ONLY") for p in a.kwonlyargs]
        got = [(p.name, p.kind.name) for p in runtime.parameters.values()]
        assert got == stub, node.name
        stub_defaults = [ast.literal_eval(d) for d in a.defaults + [d for d in a.kw_defaults if d is not None]]
        got_defaults = [p.default for p in runtime.parameters.values() if p.default is not inspect.Parameter.empty]
        assert got_defaults == stub_defaults, node.name


def test_note_behaves_like_a_value():
    t = invokecfg.translate({"maxAsyncRetryAttempts": 8}, "huawei")
    assert t.document == {"max_async_event_age_in_seconds": 86400, "max_async_retry_attempts": 3}
    clamp = next(n for n in t.notes if n.code == "T101")
    assert (clamp.severity, clamp.pointer, clamp.old, clamp.new, clamp.range) == (
        "warning", "/maxAsyncRetryAttempts", 8, 3, (0, 3))
    assert clamp.to_dict() == {
        "code": "T101", "severity": "warning", "message": clamp.message, "help": clamp.help,
        "pointer": "/maxAsyncRetryAttempts", "old": 8, "new": 3, "range": [0, 3]}
    assert clamp == invokecfg.translate({"maxAsyncRetryAttempts": 8}, "huawei").notes[1]
    assert clamp != t.notes[0] and clamp != "T101"
    assert repr(clamp).startswith("Note(code='T101', severity='warning', pointer='/maxAsyncRetryAttempts', message=")
    assert eval(repr(t.notes[0]).replace("Note(", "dict("))["code"] == "T102"
    assert repr(t) == "Translation(source='alibaba-fc2', target='huawei', notes=2)"
    assert t.document is not t.document and t.document == json.loads(t.text)
    assert (t.source, t.target) == ("alibaba-fc2", "huawei")


def test_refusals_raise_with_their_notes():
    refused = [(n, c, i) for n, c, i in fixture_cases() if n.endswith("-refused")]
    assert len(refused) >= 5
    for name, case, input_path in refused:
        mapping = case.get("mapping_inline") or (ROOT / case["mapping"] if "mapping" in case else None)
        with pytest.raises(invokecfg.TranslationRefused) as e:
            invokecfg.translate(input_path.read_text(), case["to"], mapping=mapping,
                                function=case.get("function"), strict=case.get("strict", False))
        assert isinstance(e.value, invokecfg.InvokecfgError)
        severities = [n.severity for n in e.value.notes]
        assert severities[0] == "error" and severities == sorted(severities, key=["error", "warning", "info"].index), name
        errors = "; ".join(n.message for n in e.value.notes if n.severity == "error")
        assert str(e.value) == f"translation refused: {errors}"
        if case.get("strict"):
            assert e.value.notes[0].code == "T301"


def test_invalid_text_names_line_and_column():
    with pytest.raises(invokecfg.InvalidDocument) as e:
        invokecfg.translate('{\n  "maxAsyncRetryAttempts": 3,\n}\n', "huawei")
    assert (e.value.line, e.value.column) == (3, 1)
    assert str(e.value).startswith("line 3, column 1: ")
    with pytest.raises(invokecfg.InvalidDocument) as e:
        invokecfg.translate('{"maxAsyncRetryAttempts": 1,\n "maxAsyncRetryAttempts": 2}', "huawei")
    assert (e.value.line, e.value.column, e.value.pointer) == (2, 2, "/maxAsyncRetryAttempts")
    with pytest.raises(invokecfg.InvalidDocument) as e:
        invokecfg.translate('{"maxAsyncRetryAttempts": "3"}', "huawei")
    assert (e.value.line, e.value.column, e.value.pointer) == (1, 27, "/maxAsyncRetryAttempts")
    # A dict has no text: the pointer says where.
    with pytest.raises(invokecfg.InvalidDocument) as e:
        invokecfg.translate({"maxAsyncRetryAttempts": "3"}, "huawei")
    assert (e.value.line, e.value.column, e.value.pointer) == (None, None, "/maxAsyncRetryAttempts")


def nested(depth):
    d = {"maxAsyncRetryAttempts": 1}
    for _ in range(depth):
        d = {"destinationConfig": d}
    return d


class Opaque:
    pass


cyclic = {"maxAsyncRetryAttempts": 1}
cyclic["destinationConfig"] = cyclic

HOSTILE = {
    "deep dict": nested(100_000),
    "deep list text": "[" * 100_000,
    "deep object text": '{"a":' * 100_000,
    "cycle": cyclic,
    "huge int": {"maxAsyncRetryAttempts": 10**400},
    "huge int text": '{"maxAsyncRetryAttempts": 1' + "0" * 400 + "}",
    "big int": {"maxAsyncRetryAttempts": 2**64},
    "negative big int": {"maxAsyncEventAgeInSeconds": -(2**63) - 1},
    "nan": {"maxAsyncRetryAttempts": float("nan")},
    "inf": {"maxAsyncEventAgeInSeconds": float("inf")},
    "nan text": '{"maxAsyncRetryAttempts": NaN}',
    "int": 5,
    "none": None,
    "list": [{"maxAsyncRetryAttempts": 1}],
    "set": {1, 2},
    "object": Opaque(),
    "object inside": {"maxAsyncRetryAttempts": Opaque()},
    "int key": {1: 2},
    "tuple key": {(1, 2): 3},
    "bytes not utf-8": b"\xff\xfe{\x00",
    "bytes utf-8 then not": b'{"maxAsyncRetryAttempts": "\xc3\x28"}',
    "lone surrogate": '{"maxAsyncRetryAttempts": "\ud800"}',
    "lone surrogate key": {"\udfff": 1},
    "nul bytes": b"\x00" * 64,
    "empty": "",
    "bom only": b"\xef\xbb\xbf",
    "too large": b" " * (64 * 1024 * 1024 + 1),
    "wrong types": {"maxAsyncRetryAttempts": [], "destinationConfig": 5, "function": {}},
    "list doc of junk": {"configs": [1, "x", None]},
    "huawei param junk": {"max_async_retry_attempts": 1, "destination_config": {"on_success": {"destination": "OBS", "param": "{" * 10000}}},
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_inputs_raise_invokecfg_errors(name):
    doc = HOSTILE[name]
    for to in ("huawei", "alibaba-fc3"):
        try:
            invokecfg.translate(doc, to)
        except invokecfg.InvokecfgError as e:
            assert str(e)
    try:
        invokecfg.detect(doc)
    except invokecfg.InvokecfgError:
        pass
    try:
        findings = invokecfg.lint(doc)
        assert all(isinstance(f, invokecfg.Finding) for f in findings)
    except invokecfg.InvokecfgError:
        pass
    results = invokecfg.translate_many([doc, {"maxAsyncRetryAttempts": 1}], "huawei", return_exceptions=True)
    assert isinstance(results[0], (invokecfg.Translation, invokecfg.InvokecfgError))
    assert isinstance(results[1], invokecfg.Translation)


def test_hostile_inputs_that_are_no_document_are_invalid_documents():
    for name in ["deep dict", "deep list text", "cycle", "huge int", "huge int text", "nan", "inf", "int", "set",
                 "object", "object inside", "int key", "bytes not utf-8", "lone surrogate", "lone surrogate key",
                 "too large", "empty"]:
        with pytest.raises(invokecfg.InvalidDocument):
            invokecfg.translate(HOSTILE[name], "huawei")


def test_hostile_inputs_do_not_crash_a_fresh_interpreter():
    # A crash (abort, segfault, stack overflow) would end the whole test run; here it is one failure.
    code = "import sys; sys.path.insert(0, %r); import test_api, invokecfg\n" % str(Path(__file__).parent)
    code += "for n, d in test_api.HOSTILE.items():\n    test_api.test_hostile_inputs_raise_invokecfg_errors(n)\nprint('ok')"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0 and p.stdout.strip() == "ok", p.stderr[-2000:]


def test_bad_arguments_are_value_errors():
    with pytest.raises(ValueError, match="unknown dialect `aws`"):
        invokecfg.translate({}, "aws")
    with pytest.raises(ValueError, match="source"):
        invokecfg.translate({}, "huawei", source="nope")
    with pytest.raises(ValueError, match="function"):
        invokecfg.translate({}, "huawei", function="acs:fc:cn-shanghai:123:services/s")
    with pytest.raises(ValueError, match="`R999` names no rule"):
        invokecfg.lint("{}", select=["R999"])
    with pytest.raises(ValueError, match="unknown schema|no schema|schema"):
        invokecfg.schema("nope")
    with pytest.raises(TypeError):
        invokecfg.translate({}, 5)


def test_source_must_fit_the_keys():
    with pytest.raises(invokecfg.InvalidDocument, match=r"source=huawei: .*`maxAsyncRetryAttempts` \(alibaba-fc2\)"):
        invokecfg.translate({"maxAsyncRetryAttempts": 1, "statefulInvocation": True}, "alibaba-fc3", source="huawei")
    t = invokecfg.translate({"maxAsyncRetryAttempts": 1}, "huawei", source="alibaba-fc3")
    assert t.source == "alibaba-fc3"


def test_mapping_as_dict_path_or_pathlike(tmp_path):
    seed = FIXTURES / "mapping" / "seed.json"
    doc = (FIXTURES / "translate" / "fc2-seed-to-huawei" / "input.json").read_text()
    by_path = invokecfg.translate(doc, "huawei", mapping=str(seed))
    assert invokecfg.translate(doc, "huawei", mapping=seed).text == by_path.text
    assert invokecfg.translate(doc, "huawei", mapping=json.loads(seed.read_text())).text == by_path.text
    with pytest.raises(invokecfg.InvokecfgError, match="both map to"):
        invokecfg.translate(doc, "huawei", mapping=FIXTURES / "mapping" / "invalid" / "not-one-to-one.json")
    with pytest.raises(invokecfg.InvokecfgError, match="mapping"):
        invokecfg.translate(doc, "huawei", mapping={"regions": {"cn-shanghai": 5}})
    with pytest.raises(FileNotFoundError):
        invokecfg.translate(doc, "huawei", mapping=tmp_path / "missing.json")


def test_translate_many_is_translate_in_order():
    docs = [p.read_bytes() for p in sorted((FIXTURES / "alibaba-fc2").rglob("*.json"))]
    many = invokecfg.translate_many(iter(docs), "huawei", return_exceptions=True)
    assert len(many) == len(docs)
    for doc, got in zip(docs, many):
        try:
            one = invokecfg.translate(doc, "huawei")
        except invokecfg.InvokecfgError as e:
            assert type(got) is type(e) and str(got) == str(e)
            continue
        assert (got.text, got.notes) == (one.text, one.notes)
    failing = [i for i, r in enumerate(many) if isinstance(r, Exception)]
    assert failing, "the fixtures hold failing documents"
    with pytest.raises(invokecfg.InvokecfgError) as e:
        invokecfg.translate_many(docs, "huawei")
    assert e.value.index == failing[0]
    assert invokecfg.translate_many([], "huawei") == []


def test_schema_rules_detect_equal_the_cli(cli):
    listed = [line.split()[0] for line in cli("schema").stdout.splitlines()]
    assert listed
    for name in listed:
        assert invokecfg.schema(name) == json.loads(cli("schema", name).stdout)
    assert [r.to_dict() for r in invokecfg.rules()] == json.loads(cli("rules", "--format", "json").stdout)
    r201 = next(r for r in invokecfg.rules() if r.code == "R201")
    assert (r201.name, r201.fixable, "R201" in repr(r201)) == ("event-age-out-of-range", True, True)
    assert r201.docs.strip() and r201 == invokecfg.rules()[[r.code for r in invokecfg.rules()].index("R201")]
    # detect() reads every fixture as `invokecfg lint --verbose` says it does.
    said = cli("lint", "--verbose", "--format", "json", "--exit-zero", "fixtures").stderr
    read_as = re.findall(r"^(.*): read as (\S+) \(", said, re.M)
    no_dialect = re.findall(r"^(.*): no dialect: ", said, re.M)
    assert len(read_as) > 100 and no_dialect
    for path, dialect in read_as:
        assert invokecfg.detect((ROOT / path).read_bytes()) == dialect, path
    for path in no_dialect:
        with pytest.raises(invokecfg.InvalidDocument):
            invokecfg.detect((ROOT / path).read_bytes())
    with pytest.raises(invokecfg.InvalidDocument, match="mixes dialects"):
        invokecfg.detect({"maxAsyncRetryAttempts": 1, "max_async_retry_attempts": 1})


def test_finding_fields_and_fix():
    text = '{\n  "maxAsyncRetryAttempts": 9\n}\n'
    [f] = invokecfg.lint(text, filename="c.json")
    assert (f.code, f.rule, f.severity, f.file, f.line, f.column, f.pointer) == (
        "R202", "retry-attempts-out-of-range", "error", "c.json", 2, 28, "/maxAsyncRetryAttempts")
    assert f.fix["edits"][0]["content"] == "8" and f.to_dict()["fix"] == f.fix
    assert f.fix["applicability"] == "unsafe"
    assert repr(f).startswith("Finding(code='R202', file='c.json', line=2, column=28")
    assert invokecfg.fix(text) == text, "a clamp is unsafe: not applied by default"
    assert invokecfg.fix(text, unsafe_fixes=True) == '{\n  "maxAsyncRetryAttempts": 8\n}\n'
    assert invokecfg.fix(text.encode(), unsafe_fixes=True) == invokecfg.fix(text, unsafe_fixes=True).encode()
    assert invokecfg.lint(text, ignore=["R"]) == [] and invokecfg.lint(text, select=["S"]) == []
    assert [f.code for f in invokecfg.lint({"maxAsyncRetryAttempts": 8}, target="huawei")] == ["P501"]


def test_readme_python_example_runs():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## From Python", 1)[1].split("\n## ", 1)[0]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    assert len(code.strip().splitlines()) <= 6
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    document = ast.literal_eval(p.stdout.splitlines()[-1])
    assert document == invokecfg.translate(
        (FIXTURES / "alibaba-fc2/valid/seed-put-response.json").read_text(), "huawei",
        mapping=FIXTURES / "mapping/seed.json").document
    assert p.stdout.splitlines()[0].split()[0].startswith("T")


def test_a_changed_mapping_is_read_again(tmp_path):
    doc = (FIXTURES / "translate" / "fc2-seed-to-huawei" / "input.json").read_text()
    mapping = json.loads((FIXTURES / "mapping" / "seed.json").read_text())
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps(mapping))
    first = invokecfg.translate(doc, "huawei", mapping=path).text
    assert "cn-east-3" in first
    mapping["regions"]["cn-shanghai"] = "cn-south-1"
    path.write_text(json.dumps(mapping))
    assert invokecfg.translate(doc, "huawei", mapping=path).text == first.replace("cn-east-3", "cn-south-1")
    assert invokecfg.translate(doc, "huawei", mapping=mapping).text == first.replace("cn-east-3", "cn-south-1")
    del mapping["regions"]["cn-shanghai"]
    assert invokecfg.translate(doc, "huawei", mapping=mapping).text != first.replace("cn-east-3", "cn-south-1")


def test_translate_many_releases_the_gil():
    import threading
    import time

    # Documents that translate: no exception object (Python code) is made during the call.
    valid = [p.read_bytes() for p in sorted((FIXTURES / "alibaba-fc2" / "valid").glob("*.json"))]
    results = invokecfg.translate_many(valid, "huawei", allow_lossy=True, return_exceptions=True)
    docs = [d for d, t in zip(valid, results) if isinstance(t, invokecfg.Translation)] * 2000
    assert len(docs) > 10000
    ticks, done = [], threading.Event()

    def count():
        while not done.is_set():
            ticks.append(time.perf_counter())

    thread = threading.Thread(target=count)
    thread.start()
    try:
        time.sleep(0.01)
        start = time.perf_counter()
        invokecfg.translate_many(docs, "huawei", allow_lossy=True)
        end = time.perf_counter()
    finally:
        done.set()
        thread.join()
    # Python ran on the other thread while Rust translated: the GIL was released. (Held, the
    # other thread could only run in the moment between the call's return and `end`.)
    during = [t for t in ticks if start < t < end]
    assert during and during[-1] - during[0] > 0.5 * (end - start), (len(during), end - start)


def test_module_docstring_example():
    import doctest

    result = doctest.testmod(invokecfg, raise_on_error=False)
    assert result.attempted >= 3 and result.failed == 0
