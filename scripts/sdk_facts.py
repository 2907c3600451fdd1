#!/usr/bin/env python3
"""Print, as JSON on stdout, the region and partition facts the installed SDKs ship.

Usage: python3 scripts/sdk_facts.py
Run by `cargo run -p xtask -- facts` (which renders and compares the tables);
not meant to be run by hand except to look.

Read, never imported for their side effects:
  - botocore: data/partitions.json (partition ids and their regionRegex) and
    data/endpoints.json (service `lambda`: the regions each partition serves,
    FIPS endpoints left out), and the Lambda model's patterns
    (data/lambda/2015-03-31/service-2.json[.gz]);
  - alibabacloud-fc20230330 and alibabacloud-fc-open20210406: the clients'
    `_endpoint_map` (region -> endpoint), read from the source with `ast`;
  - huaweicloudsdkfunctiongraph: `FunctionGraphRegion.static_fields`
    (v2/region/functiongraph_region.py), read with `ast`.
A package that is not installed is `null`; botocore is required.
Exit status: 0 printed, 2 botocore missing.
"""

import ast
import gzip
import importlib.metadata
import importlib.util
import json
import pathlib
import sys


def version(dist):
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def module_file(name):
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return None
    return pathlib.Path(spec.origin) if spec and spec.origin else None


def botocore_facts():
    init = module_file("botocore")
    if init is None:
        return None
    data = init.parent / "data"
    partitions = json.loads((data / "partitions.json").read_text())["partitions"]
    endpoints = json.loads((data / "endpoints.json").read_text())["partitions"]
    lambda_regions = []
    for p in endpoints:
        served = p.get("services", {}).get("lambda", {}).get("endpoints", {})
        # Endpoint keys include `fips-*` names; only the partition's regions are regions.
        for region in sorted(set(served) & set(p.get("regions", {}))):
            lambda_regions.append({"region": region, "partition": p["partition"]})
    model_dir = data / "lambda" / "2015-03-31"
    plain, packed = model_dir / "service-2.json", model_dir / "service-2.json.gz"
    model = json.loads(plain.read_text() if plain.exists() else gzip.decompress(packed.read_bytes()))
    shapes = model["shapes"]
    patterns = {
        name: shapes[name]["pattern"]
        for name in ["FunctionArn", "NamespacedFunctionName", "DestinationArn"]
    }
    return {
        "version": version("botocore"),
        "partitions": [{"id": p["id"], "region_regex": p["regionRegex"]} for p in partitions],
        "lambda_regions": sorted(lambda_regions, key=lambda r: r["region"]),
        "lambda_patterns": patterns,
    }


def assigned_dict(path, target):
    """The string keys of the dict literal assigned to `target` (an attribute or name) in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            for t in node.targets:
                name = t.attr if isinstance(t, ast.Attribute) else getattr(t, "id", None)
                if name == target:
                    return [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
    return None


def alibaba_facts():
    out = {}
    for dist, module in [
        ("alibabacloud-fc20230330", "alibabacloud_fc20230330.client"),
        ("alibabacloud-fc-open20210406", "alibabacloud_fc_open20210406.client"),
    ]:
        path = module_file(module)
        if path is None:
            continue
        regions = assigned_dict(path, "_endpoint_map")
        if regions is not None:
            out[dist] = {"version": version(dist), "regions": sorted(regions)}
    return out or None


def huawei_facts():
    dist = "huaweicloudsdkfunctiongraph"
    path = module_file("huaweicloudsdkfunctiongraph.v2.region.functiongraph_region")
    if path is None:
        return None
    regions = assigned_dict(path, "static_fields")
    if regions is None:
        return None
    return {dist: {"version": version(dist), "regions": sorted(regions)}}


def main():
    aws = botocore_facts()
    if aws is None:
        print("botocore is not installed: pip install botocore", file=sys.stderr)
        return 2
    json.dump({"aws": aws, "alibaba": alibaba_facts(), "huawei": huawei_facts()}, sys.stdout, indent=1, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
