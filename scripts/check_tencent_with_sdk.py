#!/usr/bin/env python3
"""Check tencent-scf documents against the official SCF models in the Tencent Cloud SDK.

Usage: python3 scripts/check_tencent_with_sdk.py [--function NAME] [PATH ...]
       (default PATH: fixtures/tencent-scf)

The models are PyPI `tencentcloud-sdk-python-scf`, module
`tencentcloud.scf.v20180416.models` (API 2018-04-16). Every *.json under
valid/, lists/ and placeholders/ of each PATH directory (or each PATH file) is
checked against the shape it is:

  - a response (wrapped as the API sends it, `{"Response": {...}}`, or bare
    with `RequestId` as the SDK's `to_json_string()` prints it):
    GetFunctionEventInvokeConfigResponse when it holds `AsyncTriggerConfig`,
    else UpdateFunctionEventInvokeConfigResponse;
  - a document holding `AsyncTriggerConfig`: UpdateFunctionEventInvokeConfigRequest
    (a body without `FunctionName` gets `--function`, default `orders-api`,
    as the botocore check does for Lambda);
  - otherwise GetFunctionEventInvokeConfigRequest.

Each document is read with the model's own `_deserialize` (its warning about
members it does not know is an error here) and then walked member by member
against the types the model declares in its docstrings (`:type X: int`,
`list of RetryConfig`, `:class:` of a nested model): a member the model does
not have, or a value of the wrong JSON type, rejects the document. The SDK
models carry no ranges, lengths or required flags; the members the API
reference marks required (tccli's generated `api.json` for scf 2018-04-16,
the same source the SDK is generated from) are checked from REQUIRED below.
Files named one by one are checked whatever their directory (so an invalid/
fixture can be tried). Exit status: 0 all accepted, 1 a document was
rejected, 2 usage or setup error.
"""

import argparse
import importlib.metadata
import json
import re
import sys

from fixture_docs import files
import warnings

try:
    from tencentcloud.scf.v20180416 import models
except ImportError:
    print("the Tencent Cloud SCF SDK is not installed: pip install tencentcloud-sdk-python-scf", file=sys.stderr)
    sys.exit(2)


# Members the API reference marks `required: true` (tccli
# services/scf/v20180416/api.json, objects of the same names; identical on
# cloud.tencent.com/document/api/583/39920 and the data-structure pages).
REQUIRED = {
    "UpdateFunctionEventInvokeConfigRequest": ("AsyncTriggerConfig", "FunctionName"),
    "GetFunctionEventInvokeConfigRequest": ("FunctionName",),
    "AsyncTriggerConfig": ("RetryConfig", "MsgTTL"),
    "RetryConfig": ("RetryNum",),
}

TYPE_LINE = re.compile(r":type (\w+): (.+)")
NESTED = re.compile(r":class:`tencentcloud\.scf\.v20180416\.models\.(\w+)`")


def member_types(model_class):
    """Each member of a model with its declared type, from the model's docstring."""
    doc = model_class.__init__.__doc__ or ""
    return {m.group(1): m.group(2).strip() for m in TYPE_LINE.finditer(doc)}


def check_value(declared, value, path, out):
    """`value` against a declared type: `int`, `str`, `bool`, `float`, a model, `list of T`."""
    if value is None:
        out.append(f"{path}: null, where the model declares {declared}")
        return
    if declared.startswith("list of "):
        if not isinstance(value, list):
            out.append(f"{path}: {type(value).__name__}, where the model declares {declared}")
            return
        for i, item in enumerate(value):
            check_value(declared[len("list of "):], item, f"{path}[{i}]", out)
        return
    nested = NESTED.fullmatch(declared)
    name = nested.group(1) if nested else declared
    if hasattr(models, name) and isinstance(getattr(models, name), type):
        check_model(getattr(models, name), value, path, out)
        return
    scalar = {"int": int, "str": str, "bool": bool, "float": (int, float)}.get(declared)
    if scalar is None:
        out.append(f"{path}: the model declares {declared!r}, which this script does not know")
    elif isinstance(value, bool) and declared != "bool":
        out.append(f"{path}: a boolean, where the model declares {declared}")
    elif not isinstance(value, scalar):
        out.append(f"{path}: {type(value).__name__} {value!r}, where the model declares {declared}")


def check_model(model_class, value, path, out):
    """A JSON object against a model: no member it lacks, each member's type, the required ones."""
    if not isinstance(value, dict):
        out.append(f"{path}: {type(value).__name__}, where the model declares an object ({model_class.__name__})")
        return
    types = member_types(model_class)
    for key, item in value.items():
        if key not in types:
            out.append(f"{path}.{key}: not a member of {model_class.__name__} (members: {', '.join(types)})")
        else:
            check_value(types[key], item, f"{path}.{key}", out)
    for key in REQUIRED.get(model_class.__name__, ()):
        if key not in value:
            out.append(f"{path}: {model_class.__name__} requires {key}")


def deserialize(model_class, params, out):
    """The SDK's own reading; its warning about unknown members is a rejection."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            model_class()._deserialize(params)
        except Exception as e:  # the SDK raises whatever its reading trips on
            out.append(f"{model_class.__name__}._deserialize: {type(e).__name__}: {e}")
    for w in caught:
        out.append(f"{model_class.__name__}._deserialize: {w.message}")


def shape_for(doc, function):
    """The model a document is, and the parameters to check against it."""
    if set(doc) == {"Response"} and isinstance(doc["Response"], dict):
        doc = doc["Response"]
        response = True
    else:
        response = "RequestId" in doc
    if response:
        name = "GetFunctionEventInvokeConfigResponse" if "AsyncTriggerConfig" in doc else "UpdateFunctionEventInvokeConfigResponse"
        return name, doc
    if "AsyncTriggerConfig" in doc:
        params = dict(doc)
        params.setdefault("FunctionName", function)
        return "UpdateFunctionEventInvokeConfigRequest", params
    return "GetFunctionEventInvokeConfigRequest", doc


def problems_of(path, function):
    """(shape name, problems) of one file."""
    try:
        doc = json.loads(path.read_text())
    except (OSError, ValueError) as e:
        return "-", [f"not JSON: {e}"]
    if not isinstance(doc, dict):
        return "-", ["not a JSON object"]
    name, params = shape_for(doc, function)
    model_class = getattr(models, name)
    found = []
    deserialize(model_class, params, found)
    check_model(model_class, params, name, found)
    return name, found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["fixtures/tencent-scf"])
    ap.add_argument("--function", default="orders-api", help="FunctionName for bodies without one")
    args = ap.parse_args()
    version = importlib.metadata.version("tencentcloud-sdk-python-scf")
    print(f"tencentcloud-sdk-python-scf {version}, API 2018-04-16 (tencentcloud.scf.v20180416.models)")
    try:
        targets = list(files(args.paths))
    except FileNotFoundError as e:
        print(f"no such file or directory: {e}", file=sys.stderr)
        return 2
    if not targets:
        print("no documents found", file=sys.stderr)
        return 2
    rejected = 0
    for path in targets:
        name, found = problems_of(path, args.function)
        if found:
            rejected += 1
            print(f"REJECTED {path} ({name})")
            for p in found:
                print(f"  {p}")
        else:
            print(f"ok {path} ({name})")
    print(f"{len(targets)} document(s) checked, {rejected} rejected")
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
