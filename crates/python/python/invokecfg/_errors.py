"""The exceptions of :mod:`invokecfg` (raised by the Rust extension).

Each pickles and copies with every attribute (``notes``, ``line``, ``index``,
...), so a ``multiprocessing`` or ``concurrent.futures`` worker can raise one
and the parent gets it whole.
"""

from typing import Any, List, Optional, Tuple


class InvokecfgError(Exception):
    """Base class of every error :mod:`invokecfg` raises about a document or a mapping.

    ``index`` is the position of the document in the batch for the errors
    :func:`invokecfg.translate_many` raises or returns, else ``None``.
    """

    index: Optional[int] = None


class InvalidDocument(InvokecfgError, ValueError):
    """The input is not a document of any dialect (not JSON, a wrong type, a duplicate key, ...).

    A ``ValueError``, as :class:`json.JSONDecodeError` is. ``line`` and
    ``column`` (1-based, columns in characters) say where, when the input was
    text; ``pointer`` is the JSON pointer of the offending value (``""``: the
    whole document).
    """

    def __init__(self, message: str, line: Optional[int] = None, column: Optional[int] = None, pointer: str = ""):
        super().__init__(f"line {line}, column {column}: {message}" if line is not None else message)
        self.message = message
        self.line = line
        self.column = column
        self.pointer = pointer

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.line, self.column, self.pointer), self.__dict__)


class UnsupportedType(InvalidDocument, TypeError):
    """A value in the document is of a Python type JSON has no form for (a ``set``, an object, a key that is no ``str``).

    A ``TypeError`` (as :func:`json.dumps` raises) and an :class:`InvalidDocument`;
    ``pointer`` says where. ``datetime`` (RFC 3339), ``date`` and ``Decimal``
    are taken, as SDK responses hold them.
    """


class TranslationRefused(InvokecfgError):
    """The translation was refused: something cannot be carried, or ``strict`` saw a warning.

    ``notes`` holds every note, errors first; the errors name what to add to
    the mapping (or ``allow_lossy=True`` to drop it).
    """

    def __init__(self, message: str, notes: "List[Any]"):
        super().__init__(message)
        self.message = message
        self.notes = notes

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.message, self.notes), self.__dict__)


# Shown as `invokecfg.TranslationRefused` in tracebacks, where users import them from.
InvokecfgError.__module__ = "invokecfg"
InvalidDocument.__module__ = "invokecfg"
UnsupportedType.__module__ = "invokecfg"
TranslationRefused.__module__ = "invokecfg"
