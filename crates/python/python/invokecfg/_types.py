"""The types of :mod:`invokecfg`'s arguments and ``to_dict()`` results, for annotations.

They exist at run time too, so ``from invokecfg import NoteDict`` works where
mypy says it does.
"""

import os
from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

#: A dialect id: "alibaba-fc2", "alibaba-fc3", "huawei", "aws-lambda" (more as providers are added).
Dialect = str
#: A note's or a finding's severity.
Severity = Union[Literal["error"], Literal["warning"], Literal["info"]]
#: Whether a fix may be applied unread: "safe" (``fix()``), "unsafe" (``fix(unsafe_fixes=True)``), "display-only" (never).
Applicability = Union[Literal["safe"], Literal["unsafe"], Literal["display-only"]]
#: Whether a rule's findings carry a fix.
FixAvailability = Union[Literal["none"], Literal["sometimes"], Literal["always"]]
#: A JSON value as Python holds it.
JsonValue = Union[None, bool, int, float, str, List[Any], Dict[str, Any]]
#: A document: a dict (an SDK model's ``to_map()``, a boto3 response), JSON text, bytes, or a file's path.
DocumentInput = Union[Dict[str, Any], str, bytes, bytearray, "os.PathLike[str]"]
#: A mapping: the mapping file's content as a dict, its path, or ``None``.
MappingInput = Union[Dict[str, Any], str, "os.PathLike[str]", None]


class NoteDict(TypedDict, total=False):
    """``Note.to_dict()``: a note as the translate report has it."""

    code: str
    severity: Severity
    message: str
    help: Optional[str]
    pointer: str
    old: JsonValue
    new: JsonValue
    range: List[int]


class EditDict(TypedDict):
    """One text edit of a fix: the replaced range (1-based line/column, byte ``start``/``end``) and its new ``content``."""

    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    content: str


class FixDict(TypedDict):
    """``Finding.fix``: what the fix does, whether it may be applied unread, and its edits."""

    message: str
    applicability: Applicability
    edits: List[EditDict]


class FindingDict(TypedDict):
    """``Finding.to_dict()``: one entry of ``invokecfg lint --format json``."""

    code: str
    rule: Optional[str]
    severity: Severity
    message: str
    help: Optional[str]
    pointer: str
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Optional[FixDict]
    file: str


class RuleDict(TypedDict):
    """``Rule.to_dict()``: one entry of ``invokecfg rules --format json``."""

    code: str
    rule: str
    severity: Severity
    summary: str
    fixable: bool
    fix: FixAvailability
    applicability: List[Applicability]
