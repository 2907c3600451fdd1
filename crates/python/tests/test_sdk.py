"""Outputs load through the providers' official Python SDK models.

Alibaba (Tea models): ``Model().from_map(d).to_map() == d``. Huawei: the model
is built from its ``attribute_map`` (recursively, through ``openapi_types``)
and serialized as the SDK serializes requests; the result equals the dict.
"""

import json

import pytest

import invokecfg
from conftest import FIXTURES, ROOT, fixture_cases

fc2 = pytest.importorskip("alibabacloud_fc_open20210406.models")
fc3 = pytest.importorskip("alibabacloud_fc20230330.models")
fg = pytest.importorskip("huaweicloudsdkfunctiongraph.v2")
from huaweicloudsdkcore.utils.http_utils import sanitize_for_serialization  # noqa: E402

# The response / request models whose keys are the documents' keys, per dialect and shape.
ALIBABA_MODELS = {
    ("alibaba-fc2", "config"): [fc2.GetFunctionAsyncInvokeConfigResponseBody, fc2.PutFunctionAsyncInvokeConfigRequest],
    ("alibaba-fc2", "list"): [fc2.ListFunctionAsyncInvokeConfigsResponseBody],
    ("alibaba-fc3", "config"): [fc3.AsyncConfig, fc3.PutAsyncInvokeConfigInput],
    ("alibaba-fc3", "list"): [fc3.ListAsyncInvokeConfigOutput],
}
HUAWEI_MODELS = {
    "config": [fg.ShowFunctionAsyncInvokeConfigResponse, fg.UpdateFunctionAsyncInvokeConfigRequestBody],
    "list": [fg.ListFunctionAsyncInvokeConfigResponse],
}


def huawei_model(cls, data):
    """A Huawei SDK model built from a JSON dict through the model's attribute_map."""
    by_key = {key: attr for attr, key in cls.attribute_map.items()}
    unknown = set(data) - set(by_key)
    assert not unknown, f"{cls.__name__} has no attribute for {unknown}"
    kwargs = {}
    for key, value in data.items():
        attr = by_key[key]
        kind = cls.openapi_types[attr]
        if kind.startswith("list[") and hasattr(fg, kind[5:-1]):
            value = [huawei_model(getattr(fg, kind[5:-1]), v) for v in value]
        elif hasattr(fg, kind):
            value = huawei_model(getattr(fg, kind), value)
        kwargs[attr] = value
    return cls(**kwargs)


def outputs():
    """Every translation the fixtures give, with the seed mapping, lossy: (name, Translation)."""
    seed = FIXTURES / "mapping" / "seed.json"
    docs = []
    for dialect_dir in sorted(d for d in FIXTURES.iterdir() if (d / "valid").is_dir()):
        for kind in ("valid", "lists", "placeholders"):
            docs += sorted((dialect_dir / kind).glob("*.json"))
    docs += [input_path for _, _, input_path in fixture_cases()]
    found = []
    for target in ["alibaba-fc2", "alibaba-fc3", "huawei"]:
        results = invokecfg.translate_many([p.read_bytes() for p in docs], target, mapping=seed, allow_lossy=True,
                                           return_exceptions=True)
        found += [(f"{p.relative_to(ROOT)} -> {target}", t) for p, t in zip(docs, results)
                  if isinstance(t, invokecfg.Translation)]
    return found


OUTPUTS = outputs()


def test_there_are_outputs_for_every_dialect():
    targets = {t.target for _, t in OUTPUTS}
    assert targets == {"alibaba-fc2", "alibaba-fc3", "huawei"} and len(OUTPUTS) > 100


@pytest.mark.parametrize("name,t", OUTPUTS, ids=[n for n, _ in OUTPUTS])
def test_output_round_trips_through_the_target_sdk(name, t):
    doc = t.document
    shape = "list" if any(isinstance(v, list) for v in doc.values()) else "config"
    if t.target == "huawei":
        errors = []
        for cls in HUAWEI_MODELS[shape]:
            try:
                model = huawei_model(cls, doc)
            except AssertionError as e:
                errors.append(str(e))
                continue
            assert sanitize_for_serialization(model) == doc
            # The SDK's request serializer writes the body as JSON; it reads back as the document.
            assert json.loads(json.dumps(sanitize_for_serialization(model))) == json.loads(t.text)
            return
        pytest.fail(f"no Huawei model holds {sorted(doc)}: {errors}")
    # FC 3.0 takes the qualifier as a query parameter: the note says so, and the model drops it.
    dropped = {"qualifier"} if any(n.code == "T110" for n in t.notes) else set()
    expected = {k: v for k, v in doc.items() if k not in dropped}
    for cls in ALIBABA_MODELS[(t.target, shape)]:
        got = cls().from_map(doc).to_map()
        if got == expected:
            return
    pytest.fail(f"no {t.target} SDK model round-trips {doc}")
