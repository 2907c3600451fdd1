"""Lint and translate serverless async invocation configs.

Alibaba Cloud Function Compute 2.0 (``alibaba-fc2``) and 3.0 (``alibaba-fc3``),
Huawei Cloud FunctionGraph (``huawei``) and AWS Lambda (``aws-lambda``), with
the same policy, notes and lint rules as the ``invokecfg`` command line.
Documents are the dicts the providers' SDK models give with ``to_map()`` (and
take with ``from_map()``), boto3 responses, JSON text, bytes, or a file's path.
Every returned value and every exception pickles, so it crosses
``multiprocessing`` and ``concurrent.futures`` process boundaries.

>>> import invokecfg
>>> t = invokecfg.translate({"maxAsyncRetryAttempts": 8}, "huawei")
>>> t.document
{'max_async_event_age_in_seconds': 86400, 'max_async_retry_attempts': 3}
>>> [(n.code, n.severity) for n in t.notes]
[('T102', 'info'), ('T101', 'warning')]
"""

from ._errors import InvalidDocument, InvokecfgError, TranslationRefused, UnsupportedType
from ._invokecfg import (
    Finding,
    Note,
    Rule,
    Translation,
    __version__,
    detect,
    fix,
    lint,
    rules,
    schema,
    translate,
    translate_many,
)
from ._types import (
    Applicability,
    Dialect,
    DocumentInput,
    EditDict,
    FindingDict,
    FixAvailability,
    FixDict,
    JsonValue,
    MappingInput,
    NoteDict,
    RuleDict,
    Severity,
)

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
