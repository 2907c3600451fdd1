#!/usr/bin/env python3
"""Check aws-lambda documents against the official Lambda model in botocore.

Usage: python3 scripts/check_aws_with_botocore.py [PATH ...]   (default: fixtures/aws-lambda)

Every *.json under valid/, lists/ and placeholders/ of each PATH directory (or
each PATH file) is validated with botocore.validate.ParamValidator against:
  - ListFunctionEventInvokeConfigsResponse, when it holds FunctionEventInvokeConfigs;
  - FunctionEventInvokeConfig, when it holds FunctionArn or LastModified (a response);
  - PutFunctionEventInvokeConfigRequest and UpdateFunctionEventInvokeConfigRequest
    otherwise (a body without FunctionName gets `--function`, default `orders-api`,
    since that member travels in the URI path).
ParamValidator checks types, required members, unknown members and minimums;
this script adds the model's `max` and `pattern` (full match), which the
service enforces and botocore leaves to it.
Exit status: 0 all accepted, 1 a document was rejected, 2 usage or setup error.
"""

import argparse
import json
import re
import sys

from fixture_docs import files

try:
    import botocore
    import botocore.session
    from botocore.validate import ParamValidator
except ImportError:
    print("botocore is not installed: pip install botocore", file=sys.stderr)
    sys.exit(2)



def limits(shape, value, path, out):
    """The model's max and pattern constraints, which ParamValidator skips."""
    meta = shape.metadata
    if shape.type_name == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value:
                limits(member, value[name], f"{path}.{name}", out)
    elif shape.type_name == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            limits(shape.member, item, f"{path}[{i}]", out)
    elif shape.type_name == "integer" and isinstance(value, int) and not isinstance(value, bool):
        if "max" in meta and value > meta["max"]:
            out.append(f"{path}: {value} is above the maximum {meta['max']} of shape {shape.name}")
    elif shape.type_name == "string" and isinstance(value, str):
        if "max" in meta and len(value) > meta["max"]:
            out.append(f"{path}: {len(value)} characters, above the maximum {meta['max']} of shape {shape.name}")
        if "pattern" in meta and not re.fullmatch(meta["pattern"], value):
            out.append(f"{path}: {value!r} does not match the pattern of shape {shape.name}: {meta['pattern']}")


def shapes_for(doc, function):
    if "FunctionEventInvokeConfigs" in doc:
        return ["ListFunctionEventInvokeConfigsResponse"], doc
    if "FunctionArn" in doc or "LastModified" in doc:
        return ["FunctionEventInvokeConfig"], doc
    params = dict(doc)
    params.setdefault("FunctionName", function)
    return ["PutFunctionEventInvokeConfigRequest", "UpdateFunctionEventInvokeConfigRequest"], params


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=["fixtures/aws-lambda"])
    ap.add_argument("--function", default="orders-api", help="FunctionName for bodies without one")
    args = ap.parse_args()
    model = botocore.session.get_session().get_service_model("lambda")
    validator = ParamValidator()
    print(f"botocore {botocore.__version__}, lambda API {model.api_version}")
    checked = rejected = 0
    try:
        targets = list(files(args.paths))
    except FileNotFoundError as e:
        print(f"no such file or directory: {e}", file=sys.stderr)
        return 2
    for path in targets:
        try:
            doc = json.loads(path.read_text())
        except (OSError, ValueError) as e:
            print(f"REJECTED {path}: not JSON: {e}")
            rejected += 1
            continue
        if not isinstance(doc, dict):
            print(f"REJECTED {path}: not a JSON object")
            rejected += 1
            continue
        names, params = shapes_for(doc, args.function)
        problems = []
        for name in names:
            shape = model.shape_for(name)
            report = validator.validate(params, shape)
            if report.has_errors():
                problems.append(f"{name}: {report.generate_report()}")
            found = []
            limits(shape, params, name, found)
            problems.extend(found)
        checked += 1
        if problems:
            rejected += 1
            print(f"REJECTED {path}")
            for p in problems:
                print(f"  {p}")
        else:
            print(f"ok {path} ({', '.join(names)})")
    if checked == 0 and rejected == 0:
        print("no documents found", file=sys.stderr)
        return 2
    print(f"{checked} document(s) checked, {rejected} rejected")
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
