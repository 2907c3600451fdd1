"""Lint and translate serverless async invocation configs.

Alibaba Cloud Function Compute 2.0 (``alibaba-fc2``) and 3.0 (``alibaba-fc3``)
and Huawei Cloud FunctionGraph (``huawei``), with the same policy, notes and
lint rules as the ``invokecfg`` command line. Documents are the dicts the
providers' SDK models give with ``to_map()`` (and take with ``from_map()``),
JSON text, or bytes.

>>> import invokecfg
>>> t = invokecfg.translate({"maxAsyncRetryAttempts": 8}, "huawei")
>>> t.document
{'max_async_event_age_in_seconds': 86400, 'max_async_retry_attempts': 3}
>>> [(n.code, n.severity) for n in t.notes]
[('T102', 'info'), ('T101', 'warning')]
"""

from ._errors import InvalidDocument, InvokecfgError, TranslationRefused
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

__all__ = [
    "Finding",
    "InvalidDocument",
    "InvokecfgError",
    "Note",
    "Rule",
    "Translation",
    "TranslationRefused",
    "__version__",
    "detect",
    "fix",
    "lint",
    "rules",
    "schema",
    "translate",
    "translate_many",
]
