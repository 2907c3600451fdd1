"""Issue #19, items 1 and 2: translate_many in forked children, and every value and error across a process boundary."""

import copy
import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import invokecfg
from conftest import FIXTURES, ROOT, fixture_cases

HERE = Path(__file__).parent

# Run in a fresh interpreter, so a hang is a timeout of that process, not of the test run.
SCRIPT = """
import concurrent.futures, multiprocessing, sys
sys.path.insert(0, {here!r})
import invokecfg, workers

method, runner = sys.argv[1], sys.argv[2]
# The parent translates a batch first: its threads exist when the children are made.
assert len(invokecfg.translate_many([workers.CLAMPED] * 200, "huawei")) == 200
context = multiprocessing.get_context(method)
if runner == "pool":
    with context.Pool(2) as pool:
        batches = pool.map_async(workers.translate_batch, [50, 60, 70, 80]).get(timeout=60)
        errors = []
        for work in (workers.refuse_batch, workers.invalid):
            try:
                pool.apply_async(work, (5,)).get(timeout=60)
            except invokecfg.InvokecfgError as e:
                errors.append(e)
else:
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as executor:
        batches = list(executor.map(workers.translate_batch, [50, 60, 70, 80], timeout=60))
        errors = [executor.submit(w, 5).exception(timeout=60) for w in (workers.refuse_batch, workers.invalid)]
expected = invokecfg.translate(workers.CLAMPED, "huawei")
assert [len(b) for b in batches] == [50, 60, 70, 80]
assert all(t == expected and t.text == expected.text and t.notes == expected.notes for b in batches for t in b)
refused, invalid = errors
assert type(refused) is invokecfg.TranslationRefused, refused
assert (refused.index, [n.code for n in refused.notes]) == (4, ["T301", "T101", "T102"]), (refused.index, refused.notes)
assert str(refused).startswith("translation refused: ")
assert type(invalid) is invokecfg.InvalidDocument and (invalid.line, invalid.column, invalid.index) == (3, 1, None)
print("ok", method, runner)
"""


def run_bounded(code, *args, timeout):
    """Runs `code` in a fresh interpreter in its own session; on timeout kills the session (hung children too) and fails."""
    p = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, cwd=ROOT, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        pytest.fail(f"no answer in {timeout} s: a child hangs")
    return p.returncode, out, err


@pytest.mark.parametrize("runner", ["pool", "executor"])
@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_fork_translate_many_in_child_processes(method, runner):
    """Item 1: after a batch in the parent, children made by fork (and spawn, forkserver) translate and refuse."""
    code, out, err = run_bounded(SCRIPT.format(here=str(HERE)), method, runner, timeout=180)
    assert code == 0 and out.split() == ["ok", method, runner], err[-3000:]


def test_fork_by_hand_translates_in_the_child():
    """Item 1, os.fork itself: a child of a parent that ran translate_many runs it too, and so does its own child."""
    code = f"""
import os, sys
sys.path.insert(0, {str(HERE)!r})
import invokecfg, workers
invokecfg.translate_many([workers.CLAMPED] * 100, "huawei")
for generation in range(2):
    pid = os.fork()
    if pid:
        _, status = os.waitpid(pid, 0)
        os._exit(os.waitstatus_to_exitcode(status))
    assert len(workers.translate_batch(100)) == 100
print("ok")
"""
    code, out, err = run_bounded(code, timeout=120)
    assert code == 0 and out.split() == ["ok"], err[-3000:]


def every_value():
    """A Translation of each translate fixture that translates, its notes, findings with and without fixes, rules."""
    out = []
    for name, case, input_path in fixture_cases():
        mapping = case.get("mapping_inline") or (ROOT / case["mapping"] if "mapping" in case else None)
        try:
            t = invokecfg.translate(input_path.read_bytes(), case["to"], mapping=mapping,
                                    function=case.get("function"), allow_lossy=case.get("allow_lossy", False))
        except invokecfg.InvokecfgError:
            continue
        out += [t, *t.notes]
    for path in sorted((FIXTURES / "lint").rglob("*.json"))[:60]:
        out += invokecfg.lint(path.read_bytes(), filename=str(path))
    out += invokecfg.rules()
    return out


def test_pickle_copy_and_hash_of_every_value():
    """Item 2: Translation, Note, Finding and Rule pickle (every protocol), copy and deep-copy equal, and hash."""
    values = every_value()
    kinds = {type(v) for v in values}
    assert kinds == {invokecfg.Translation, invokecfg.Note, invokecfg.Finding, invokecfg.Rule}
    assert any(isinstance(v, invokecfg.Finding) and v.fix for v in values)
    assert any(isinstance(v, invokecfg.Note) and v.range for v in values)
    for v in values:
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(v, protocol))
            assert type(back) is type(v) and back == v and hash(back) == hash(v), (v, protocol)
        assert copy.copy(v) == v and copy.deepcopy(v) == v
        assert repr(pickle.loads(pickle.dumps(v))) == repr(v)
        assert v.to_dict() == pickle.loads(pickle.dumps(v)).to_dict() if hasattr(v, "to_dict") else True
    translations = [v for v in values if isinstance(v, invokecfg.Translation)]
    for t in translations:
        back = pickle.loads(pickle.dumps(t))
        assert (back.text, back.document, back.notes, back.source, back.target) == (
            t.text, t.document, t.notes, t.source, t.target)
    # Hashable: values go in sets and dict keys, equal ones once.
    assert len(set(values + [pickle.loads(pickle.dumps(v)) for v in values])) == len(set(values))
    a, b = invokecfg.translate({"maxAsyncRetryAttempts": 8}, "huawei"), invokecfg.translate({"maxAsyncRetryAttempts": 2}, "huawei")
    assert a != b and a == invokecfg.translate({"maxAsyncRetryAttempts": 8}, "huawei")
    assert a != "Translation" and a.notes[0] != a


def test_pickle_of_every_exception():
    """Item 2: each exception pickles and copies with every attribute, and stays what it was."""
    errors = []
    for doc, kwargs in [
        ({"maxAsyncRetryAttempts": 8}, {"strict": True}),
        ('{\n  "maxAsyncRetryAttempts": 3,\n}\n', {}),
        ({"maxAsyncRetryAttempts": {1, 2}}, {}),
    ]:
        with pytest.raises(invokecfg.InvokecfgError) as e:
            invokecfg.translate(doc, "huawei", **kwargs)
        errors.append(e.value)
    [many] = [r for r in invokecfg.translate_many([{"maxAsyncRetryAttempts": 1}, {"maxAsyncRetryAttempts": 8}], "huawei",
                                                  strict=True, return_exceptions=True) if isinstance(r, Exception)]
    errors.append(many)
    assert [type(e).__name__ for e in errors] == ["TranslationRefused", "InvalidDocument", "UnsupportedType", "TranslationRefused"]
    fields = ["args", "message", "notes", "line", "column", "pointer", "index"]
    for e in errors:
        for back in [pickle.loads(pickle.dumps(e, p)) for p in range(pickle.HIGHEST_PROTOCOL + 1)] + [copy.copy(e), copy.deepcopy(e)]:
            assert type(back) is type(e) and str(back) == str(e)
            for f in fields:
                assert getattr(back, f, "absent") == getattr(e, f, "absent"), (e, f)
    assert errors[3].index == 1 and errors[0].index is None
