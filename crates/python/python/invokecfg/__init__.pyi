"""Type stubs of :mod:`invokecfg` (the Rust extension re-exported by ``__init__.py``)."""

import os
from typing import Any, Dict, Iterable, List, Literal, Optional, Tuple, TypedDict, Union

__version__: str

#: A dialect id: "alibaba-fc2", "alibaba-fc3", "huawei" (more as providers are added).
Dialect = str
Severity = Literal["error", "warning", "info"]
JsonValue = Union[None, bool, int, float, str, List[Any], Dict[str, Any]]
#: A document: a dict (an SDK model's ``to_map()``), JSON text, or bytes.
DocumentInput = Union[Dict[str, Any], str, bytes, bytearray]
#: A mapping: the mapping file's content as a dict, or its path.
MappingInput = Union[Dict[str, Any], str, "os.PathLike[str]", None]

class InvokecfgError(Exception):
    """Base class of every error about a document or a mapping."""

class InvalidDocument(InvokecfgError):
    """The input is not a document of any dialect."""

    message: str
    line: Optional[int]
    column: Optional[int]
    pointer: str
    #: Set by translate_many: the position of the failing document.
    index: int
    def __init__(
        self, message: str, line: Optional[int] = None, column: Optional[int] = None, pointer: str = ""
    ) -> None: ...

class TranslationRefused(InvokecfgError):
    """The translation was refused; ``notes`` holds every note, errors first."""

    message: str
    notes: List["Note"]
    #: Set by translate_many: the position of the failing document.
    index: int
    def __init__(self, message: str, notes: List["Note"]) -> None: ...

class NoteDict(TypedDict, total=False):
    code: str
    severity: Severity
    message: str
    help: Optional[str]
    pointer: str
    old: JsonValue
    new: JsonValue
    range: List[int]

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
    def __eq__(self, other: object) -> bool: ...

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

class EditDict(TypedDict):
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    content: str

class FixDict(TypedDict):
    message: str
    edits: List[EditDict]

class FindingDict(TypedDict):
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
    def __eq__(self, other: object) -> bool: ...

class RuleDict(TypedDict):
    code: str
    rule: str
    severity: Severity
    summary: str
    fixable: bool

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
    def to_dict(self) -> RuleDict: ...
    def __eq__(self, other: object) -> bool: ...

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
def translate_many(
    docs: Iterable[DocumentInput],
    to: str,
    *,
    source: Optional[str] = None,
    mapping: MappingInput = None,
    function: Optional[str] = None,
    strict: bool = False,
    allow_lossy: bool = False,
    return_exceptions: bool = False,
) -> List[Union[Translation, InvokecfgError]]: ...
def lint(
    doc_or_text: DocumentInput,
    *,
    filename: Optional[str] = None,
    dialect: str = "auto",
    target: Optional[str] = None,
    select: Optional[List[str]] = None,
    ignore: Optional[List[str]] = None,
) -> List[Finding]: ...
def fix(text: Union[str, bytes, bytearray, Dict[str, Any]]) -> str: ...
def schema(name: str) -> Dict[str, Any]: ...
def rules() -> List[Rule]: ...
def detect(doc: DocumentInput) -> Dialect: ...
