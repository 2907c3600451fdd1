"""Type stubs of :mod:`invokecfg` (the Rust extension re-exported by ``__init__.py``).

Dialects: ``alibaba-fc2``, ``alibaba-fc3``, ``huawei``, ``aws-lambda``.
Checked against the package by ``python -m mypy.stubtest invokecfg`` in CI.
"""

import os
from typing import Any, Dict, Iterable, List, Literal, Optional, Tuple, Union, final, overload

__version__: str
# What `from invokecfg import *` gives: the names of __init__.py's __all__ (stubtest checks they agree).
__all__ = [
    "Applicability",
    "Dialect",
    "DocumentInput",
    "EditDict",
    "Finding",
    "FindingDict",
    "FixAvailability",
    "FixDict",
    "InvalidDocument",
    "InvokecfgError",
    "JsonValue",
    "MappingInput",
    "Note",
    "NoteDict",
    "Rule",
    "RuleDict",
    "Severity",
    "Translation",
    "TranslationRefused",
    "UnsupportedType",
    "__version__",
    "detect",
    "fix",
    "lint",
    "rules",
    "schema",
    "translate",
    "translate_many",
]

# The argument and to_dict() types are plain Python (they exist at run time too).
from ._types import Dialect as Dialect
from ._types import DocumentInput as DocumentInput
from ._types import EditDict as EditDict
from ._types import FindingDict as FindingDict
from ._types import Applicability as Applicability
from ._types import FixAvailability as FixAvailability
from ._types import FixDict as FixDict
from ._types import JsonValue as JsonValue
from ._types import MappingInput as MappingInput
from ._types import NoteDict as NoteDict
from ._types import RuleDict as RuleDict
from ._types import Severity as Severity

class InvokecfgError(Exception):
    """Base class of every error about a document or a mapping."""

    #: The document's position in the batch (translate_many), else None.
    index: Optional[int]

class InvalidDocument(InvokecfgError, ValueError):
    """The input is not a document of any dialect (a ValueError)."""

    message: str
    line: Optional[int]
    column: Optional[int]
    pointer: str
    def __init__(
        self, message: str, line: Optional[int] = None, column: Optional[int] = None, pointer: str = ""
    ) -> None: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...

class UnsupportedType(InvalidDocument, TypeError):
    """A value of a Python type JSON has no form for (a TypeError and an InvalidDocument)."""

class TranslationRefused(InvokecfgError):
    """The translation was refused; ``notes`` holds every note, errors first."""

    message: str
    notes: List["Note"]
    def __init__(self, message: str, notes: List["Note"]) -> None: ...
    def __reduce__(self) -> Tuple[Any, ...]: ...

# The native classes: not subclassable, values only.
@final
class Note:
    """A note on a translation (code, severity, pointer, message, help; old/new/range on clamps)."""

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def pointer(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def help(self) -> Optional[str]: ...
    @property
    def old(self) -> JsonValue: ...
    @property
    def new(self) -> JsonValue: ...
    @property
    def range(self) -> Optional[Tuple[int, int]]: ...
    def to_dict(self) -> NoteDict: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> "Note": ...
    def __deepcopy__(self, memo: Any, /) -> "Note": ...

# The native classes: not subclassable, values only.
@final
class Translation:
    """A translated document: ``document`` (a new dict each access), ``text`` (the CLI's output), ``notes``."""

    @property
    def document(self) -> Dict[str, Any]: ...
    @property
    def text(self) -> str: ...
    @property
    def notes(self) -> List[Note]: ...
    @property
    def source(self) -> Dialect: ...
    @property
    def target(self) -> Dialect: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> "Translation": ...
    def __deepcopy__(self, memo: Any, /) -> "Translation": ...

# The native classes: not subclassable, values only.
@final
class Finding:
    """A lint finding, as one entry of ``invokecfg lint --format json``."""

    @property
    def code(self) -> str: ...
    @property
    def rule(self) -> Optional[str]: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def message(self) -> str: ...
    @property
    def help(self) -> Optional[str]: ...
    @property
    def pointer(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def end_line(self) -> int: ...
    @property
    def end_column(self) -> int: ...
    @property
    def fix(self) -> Optional[FixDict]: ...
    def to_dict(self) -> FindingDict: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> "Finding": ...
    def __deepcopy__(self, memo: Any, /) -> "Finding": ...

# The native classes: not subclassable, values only.
@final
class Rule:
    """A lint rule of the registry."""

    @property
    def code(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def summary(self) -> str: ...
    @property
    def docs(self) -> str: ...
    @property
    def fixable(self) -> bool: ...
    @property
    def fix_availability(self) -> FixAvailability: ...
    @property
    def fix_applicability(self) -> List[Applicability]: ...
    def to_dict(self) -> RuleDict: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> "Rule": ...
    def __deepcopy__(self, memo: Any, /) -> "Rule": ...

def translate(
    doc: DocumentInput,
    to: str,
    *,
    source: Optional[str] = None,
    mapping: MappingInput = None,
    function: Optional[str] = None,
    strict: bool = False,
    allow_lossy: bool = False,
) -> Translation: ...

# Without return_exceptions (or with False) every item is a Translation: a failure raises.
@overload
def translate_many(
    docs: Iterable[DocumentInput],
    to: str,
    *,
    source: Optional[str] = None,
    mapping: MappingInput = None,
    function: Optional[str] = None,
    strict: bool = False,
    allow_lossy: bool = False,
    return_exceptions: Literal[False] = False,
) -> List[Translation]: ...
@overload
def translate_many(
    docs: Iterable[DocumentInput],
    to: str,
    *,
    source: Optional[str] = None,
    mapping: MappingInput = None,
    function: Optional[str] = None,
    strict: bool = False,
    allow_lossy: bool = False,
    return_exceptions: bool,
) -> List[Union[Translation, InvokecfgError]]: ...
def lint(
    doc_or_text: DocumentInput,
    *,
    filename: Optional[str] = None,
    dialect: str = "auto",
    target: Optional[str] = None,
    select: Optional[Iterable[str]] = None,
    ignore: Optional[Iterable[str]] = None,
    mapping: MappingInput = None,
    function: Optional[str] = None,
) -> List[Finding]: ...

# The fixed text has the type of the text given.
@overload
def fix(text: Union[bytes, bytearray], *, filename: Optional[str] = None, unsafe_fixes: bool = False) -> bytes: ...
@overload
def fix(
    text: Union[str, Dict[str, Any], "os.PathLike[str]"], *, filename: Optional[str] = None, unsafe_fixes: bool = False
) -> str: ...
def schema(name: str) -> Dict[str, Any]: ...
def rules() -> List[Rule]: ...
def detect(doc: DocumentInput) -> Dialect: ...
