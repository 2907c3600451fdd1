"""The exceptions of :mod:`invokecfg` (raised by the Rust extension)."""

from typing import Any, List, Optional


class InvokecfgError(Exception):
    """Base class of every error :mod:`invokecfg` raises about a document or a mapping."""


class InvalidDocument(InvokecfgError):
    """The input is not a document of any dialect (not JSON, a wrong type, a duplicate key, ...).

    ``line`` and ``column`` (1-based, columns in characters) say where, when the
    input was text; ``pointer`` is the JSON pointer of the offending value
    (``""``: the whole document).
    """

    def __init__(self, message: str, line: Optional[int] = None, column: Optional[int] = None, pointer: str = ""):
        super().__init__(f"line {line}, column {column}: {message}" if line is not None else message)
        self.message = message
        self.line = line
        self.column = column
        self.pointer = pointer


class TranslationRefused(InvokecfgError):
    """The translation was refused: something cannot be carried, or ``strict`` saw a warning.

    ``notes`` holds every note, errors first; the errors name what to add to
    the mapping (or ``allow_lossy=True`` to drop it).
    """

    def __init__(self, message: str, notes: "List[Any]"):
        super().__init__(message)
        self.message = message
        self.notes = notes


# Shown as `invokecfg.TranslationRefused` in tracebacks, where users import them from.
for _cls in (InvokecfgError, InvalidDocument, TranslationRefused):
    _cls.__module__ = "invokecfg"
