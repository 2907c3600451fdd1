"""Functions `multiprocessing` workers run (importable by name: spawn and forkserver need that)."""

import invokecfg

#: Translates with a clamp: a warning note, so `strict=True` refuses it.
CLAMPED = {"maxAsyncRetryAttempts": 8}


def translate_batch(n):
    """A Translation per document, made by translate_many in the worker."""
    return invokecfg.translate_many([CLAMPED] * n, "huawei")


def refuse_batch(n):
    """Raises the TranslationRefused translate_many raises (index set) across the boundary."""
    return invokecfg.translate_many([{"maxAsyncRetryAttempts": 1}] * (n - 1) + [CLAMPED], "huawei", strict=True)


def invalid(_):
    """Raises InvalidDocument (line and column set) across the boundary."""
    return invokecfg.translate('{\n  "maxAsyncRetryAttempts": 3,\n}\n', "huawei")
