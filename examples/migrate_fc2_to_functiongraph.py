#!/usr/bin/env python3
"""Migrate async invocation configs from Alibaba Cloud FC 2.0 to Huawei Cloud FunctionGraph.

A migration script as you would write it against the official SDKs:

1. read FC 2.0 GetFunctionAsyncInvokeConfig / ListFunctionAsyncInvokeConfigs
   responses (here: saved ones under responses/, as ``response.to_map()`` wrote
   them; a live script would call the FC 2.0 client instead) into the SDK's
   response models,
2. translate every config with invokecfg and the mapping file, printing the
   notes, and stop if any translation is refused (nothing is sent then),
3. build the FunctionGraph ``UpdateFunctionAsyncInvokeConfigRequest`` of each
   config (``function_urn`` and the body) and print it,
4. send them, or with ``--dry-run`` print a summary and send nothing.

    pip install ./crates/python alibabacloud-fc-open20210406 huaweicloudsdkfunctiongraph
    python examples/migrate_fc2_to_functiongraph.py --dry-run

Exit codes: 0 done, 1 a translation was refused, 2 usage or set-up errors.
"""

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from alibabacloud_fc_open20210406 import models as fc2
from huaweicloudsdkfunctiongraph.v2 import (
    FuncAsyncDestinationConfig,
    FuncDestinationConfig,
    UpdateFunctionAsyncInvokeConfigRequest,
    UpdateFunctionAsyncInvokeConfigRequestBody,
)

import invokecfg

HERE = Path(__file__).resolve().parent


def read_responses(directory: Path) -> List[Tuple[str, Any]]:
    """The FC 2.0 configs of every saved response: (where, config model) pairs.

    A Get response holds one config; a List response a page of them. The
    response kind is told by its body's keys, as a live script knows which
    call it made.
    """
    configs: List[Tuple[str, Any]] = []
    for path in sorted(directory.glob("*.json")):
        saved = json.loads(path.read_text())
        if "configs" in saved.get("body", {}):
            response = fc2.ListFunctionAsyncInvokeConfigsResponse().from_map(saved)
            for i, item in enumerate(response.body.configs or []):
                configs.append((f"{path.name} configs[{i}]", item))
        else:
            response = fc2.GetFunctionAsyncInvokeConfigResponse().from_map(saved)
            configs.append((path.name, response.body))
    return configs


def function_arn(region: str, account: str, config: Any) -> str:
    """The FC 2.0 function ARN of a config: responses name the service and function, the client knows the rest."""
    qualifier = f".{config.qualifier}" if config.qualifier else ""
    return f"acs:fc:{region}:{account}:services/{config.service}{qualifier}/functions/{config.function}"


def destination(d: Optional[Dict[str, Any]]) -> Any:
    return FuncDestinationConfig(destination=d["destination"], param=d["param"]) if d else None


def update_request(document: Dict[str, Any]) -> Any:
    """The FunctionGraph request: the function URN goes into the path, the rest into the body."""
    dc = document.get("destination_config")
    body = UpdateFunctionAsyncInvokeConfigRequestBody(
        max_async_event_age_in_seconds=document.get("max_async_event_age_in_seconds"),
        max_async_retry_attempts=document.get("max_async_retry_attempts"),
        destination_config=FuncAsyncDestinationConfig(
            on_success=destination(dc.get("on_success")), on_failure=destination(dc.get("on_failure"))
        )
        if dc
        else None,
        enable_async_status_log=document.get("enable_async_status_log"),
        log_group_id=document.get("log_group_id"),
        log_stream_id=document.get("log_stream_id"),
        log_group_name=document.get("log_group_name"),
        log_stream_name=document.get("log_stream_name"),
    )
    return UpdateFunctionAsyncInvokeConfigRequest(function_urn=document["func_urn"], body=body)


def print_notes(where: str, notes: Sequence[invokecfg.Note]) -> None:
    for n in notes:
        at = f" (at {n.pointer})" if n.pointer else ""
        print(f"{where}: {n.severity}[{n.code}] {n.message}{at}")
        if n.help:
            print(f"  help: {n.help}")


def send(requests: List[Any], region: str) -> None:
    """Sends the requests with the FunctionGraph client (credentials from the environment)."""
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkfunctiongraph.v2 import FunctionGraphClient
    from huaweicloudsdkfunctiongraph.v2.region.functiongraph_region import FunctionGraphRegion

    ak, sk = os.environ["HUAWEICLOUD_SDK_AK"], os.environ["HUAWEICLOUD_SDK_SK"]
    client = (
        FunctionGraphClient.new_builder()
        .with_credentials(BasicCredentials(ak, sk))
        .with_region(FunctionGraphRegion.value_of(region))
        .build()
    )
    for request in requests:
        client.update_function_async_invoke_config(request)
        print(f"sent: {request.function_urn}")


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--responses", type=Path, default=HERE / "responses", help="directory of saved FC 2.0 responses")
    parser.add_argument("--mapping", type=Path, default=HERE / "mapping.json", help="invokecfg mapping file")
    parser.add_argument("--region", default="cn-shanghai", help="the FC 2.0 region the responses come from")
    parser.add_argument("--account", default="1234567890123456", help="the Alibaba Cloud account id (uid)")
    parser.add_argument("--allow-lossy", action="store_true", help="drop what cannot be mapped instead of stopping")
    parser.add_argument("--dry-run", action="store_true", help="print the requests and a summary, send nothing")
    args = parser.parse_args(argv)

    configs = read_responses(args.responses)
    if not configs:
        print(f"error: no *.json response under {args.responses}", file=sys.stderr)
        return 2
    mapping = json.loads(args.mapping.read_text())

    translations: List[Tuple[str, invokecfg.Translation]] = []
    refused = 0
    for where, config in configs:
        try:
            t = invokecfg.translate(
                config.to_map(),
                "huawei",
                mapping=mapping,
                function=function_arn(args.region, args.account, config),
                allow_lossy=args.allow_lossy,
            )
        except invokecfg.TranslationRefused as e:
            print_notes(where, e.notes)
            print(f"{where}: refused: {e}")
            refused += 1
            continue
        print_notes(where, t.notes)
        translations.append((where, t))
    if refused:
        print(f"stopped: {refused} of {len(configs)} configs refused; nothing sent (add mapping entries, or --allow-lossy)")
        return 1

    requests: List[Any] = []
    for where, t in translations:
        request = update_request(t.document)
        print(f"{where}: PUT /v2/{{project_id}}/fgs/functions/{request.function_urn}/async-invoke-config")
        print(f"  {request}")
        requests.append(request)

    notes = [n for _, t in translations for n in t.notes]
    count = {s: sum(n.severity == s for n in notes) for s in ("error", "warning", "info")}
    if args.dry_run:
        print(
            f"dry run: {len(configs)} configs read, {len(requests)} requests built, 0 sent; "
            f"notes: {count['warning']} warnings, {count['info']} infos"
        )
        return 0
    if not (os.environ.get("HUAWEICLOUD_SDK_AK") and os.environ.get("HUAWEICLOUD_SDK_SK")):
        print("error: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK to send the requests, or pass --dry-run", file=sys.stderr)
        return 2
    huawei_region = json.loads(translations[0][1].text)["func_urn"].split(":")[2]
    send(requests, huawei_region)
    return 0


if __name__ == "__main__":
    sys.exit(main())
