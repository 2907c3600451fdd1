"""How a migration script types its calls: checked by `mypy --strict` (`.ci/run`, test_stubs.py) and run by test_stubs.py.

Each `assert_type` is a claim about the stubs that mypy checks; running the
file checks that the same code works at run time.
"""

import copy
import pickle
from pathlib import Path
from typing import Dict, List, Union

from typing_extensions import assert_type

import invokecfg
from invokecfg import Applicability, DocumentInput, FindingDict, InvokecfgError, MappingInput, NoteDict, Translation


def main(fixtures: Path) -> None:
    docs: List[DocumentInput] = [{"maxAsyncRetryAttempts": 8}, b'{"maxAsyncRetryAttempts": 1}', fixtures / "alibaba-fc2" / "valid" / "seed-put-response.json"]
    mapping: MappingInput = fixtures / "mapping" / "seed.json"

    # Without return_exceptions every item is a Translation: no isinstance needed.
    batch = invokecfg.translate_many(docs, "huawei", mapping=mapping)
    assert_type(batch, List[Translation])
    documents: List[Dict[str, object]] = [t.document for t in batch]
    assert len(documents) == 3

    mixed = invokecfg.translate_many(docs + ["{"], "huawei", mapping=mapping, return_exceptions=True)
    assert_type(mixed, List[Union[Translation, InvokecfgError]])
    errors = [r for r in mixed if isinstance(r, InvokecfgError)]
    assert [e.index for e in errors] == [3]

    t = invokecfg.translate(docs[0], "huawei")
    note: NoteDict = t.notes[0].to_dict()
    assert note["code"].startswith("T")
    assert pickle.loads(pickle.dumps(t)) == t and copy.deepcopy(t.notes) == t.notes and hash(t) == hash(copy.copy(t))

    fixed_bytes = invokecfg.fix(b'{"maxAsyncRetryAttempts": 9}')
    assert_type(fixed_bytes, bytes)
    fixed_text = invokecfg.fix('{"maxAsyncRetryAttempts": 9}', unsafe_fixes=True)
    assert_type(fixed_text, str)
    assert fixed_text == '{"maxAsyncRetryAttempts": 8}'

    findings = invokecfg.lint('{"maxAsyncRetryAttempts": 9}', select=["R"], target="huawei", mapping=mapping)
    entry: FindingDict = findings[0].to_dict()
    assert entry["line"] == 1 and findings[0].fix is not None
    clamp = findings[0].fix
    assert clamp is not None
    applicability: Applicability = clamp["applicability"]
    assert applicability == "unsafe"

    try:
        invokecfg.translate("{", "huawei")
    except invokecfg.InvalidDocument as e:
        line: "int | None" = e.line
        assert line == 1 and isinstance(e, ValueError)
    assert invokecfg.detect(docs[0]) in [r for r in ("alibaba-fc2", "alibaba-fc3", "huawei", "aws-lambda")]
