"""Issue #19, item 3: boto3 responses, built by botocore's own parser from the Lambda model (no network)."""

import datetime
import decimal
import json

import pytest

botocore_session = pytest.importorskip("botocore.session")
botocore_parsers = pytest.importorskip("botocore.parsers")

import invokecfg  # noqa: E402
from conftest import FIXTURES  # noqa: E402

# The response bodies the Lambda API sends, by the operation whose output they are.
RESPONSES = {
    "GetFunctionEventInvokeConfig": ["valid/get-response.json", "valid/get-response-china.json",
                                     "valid/get-response-iso8601.json"],
    "PutFunctionEventInvokeConfig": ["placeholders/cli-put-response.json"],
    "ListFunctionEventInvokeConfigs": ["lists/list-next-marker.json", "lists/list-last-page.json",
                                       "placeholders/cli-list-response.json"],
}
MAPPING = FIXTURES / "mapping" / "full.json"


def parse(operation, body: bytes):
    """What `boto3.client("lambda").<operation>(...)` returns for this HTTP body: botocore's parser on the Lambda model."""
    model = botocore_session.get_session().get_service_model("lambda")
    parser = botocore_parsers.create_parser(model.metadata["protocol"])
    http = {"status_code": 200, "headers": {"x-amzn-requestid": "7c3d1b8e-0000-4000-8000-000000000000",
                                            "content-type": "application/json"}, "body": body}
    return parser.parse(http, model.operation_model(operation).output_shape)


def responses():
    for operation, paths in RESPONSES.items():
        for path in paths:
            body = (FIXTURES / "aws-lambda" / path).read_bytes()
            yield path, parse(operation, body), json.loads(body)


def outcome(doc, to, **options):
    """A translation's document and notes (without values: a timestamp's form may differ), or the refusal's codes."""
    try:
        t = invokecfg.translate(doc, to, mapping=MAPPING, **options)
    except invokecfg.TranslationRefused as e:
        return "refused", [n.code for n in e.notes]
    return t.document, [(n.code, n.pointer, n.message) for n in t.notes]


def test_boto3_responses_translate_and_lint_as_their_bodies(targets):
    seen = 0
    for path, response, body in responses():
        seen += 1
        assert "ResponseMetadata" in response, path
        items = response.get("FunctionEventInvokeConfigs", [response])
        assert items and all(isinstance(i["LastModified"], datetime.datetime) for i in items), path
        for to in targets:
            for options in ({"allow_lossy": True}, {"strict": True}, {}):
                assert outcome(response, to, **options) == outcome(body, to, **options), (path, to, options)
        # No warning about the envelope: strict translations of the response succeed where the body's do.
        # (Sorted: findings come in text order, and botocore orders keys by the model, not as the body had them.)
        assert sorted((f.code, f.pointer, f.message) for f in invokecfg.lint(response)) == sorted(
            (f.code, f.pointer, f.message) for f in invokecfg.lint(body))
        assert invokecfg.detect(response) == "aws-lambda"
        # The timestamps are read as RFC 3339 text (the aws-lambda dialect takes ISO 8601 or epoch seconds).
        fixed = json.loads(invokecfg.fix(response))
        got = [i["LastModified"] for i in fixed.get("FunctionEventInvokeConfigs", [fixed])]
        assert got == [i["LastModified"].isoformat() for i in items]
        assert all(datetime.datetime.fromisoformat(g) == i["LastModified"] for g, i in zip(got, items))
        assert "ResponseMetadata" not in fixed
    assert seen == 7
    many = invokecfg.translate_many([r for _, r, _ in responses()], "aws-lambda", strict=True, return_exceptions=True)
    assert all(isinstance(t, invokecfg.Translation) for t in many), many


def test_boto3_datetime_date_and_decimal_values():
    aware = datetime.datetime(2024, 5, 2, 8, 53, 20, 1000, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    doc = {"FunctionArn": "arn:aws:lambda:eu-west-1:210987654321:function:f", "LastModified": aware,
           "MaximumRetryAttempts": decimal.Decimal("2"), "MaximumEventAgeInSeconds": decimal.Decimal("3.6E+3")}
    assert json.loads(invokecfg.fix(doc)) == {"FunctionArn": doc["FunctionArn"], "LastModified": "2024-05-02T08:53:20.001000+08:00",
                                              "MaximumRetryAttempts": 2, "MaximumEventAgeInSeconds": 3600.0}
    assert json.loads(invokecfg.fix({"LastModified": datetime.date(2024, 5, 2)}))["LastModified"] == "2024-05-02"
    # A Decimal is the JSON number it writes: 3.6E+3 is a float, which the API's integer refuses, as in text.
    with pytest.raises(invokecfg.InvalidDocument) as e:
        invokecfg.translate(doc, "huawei", mapping=MAPPING)
    assert e.value.pointer == "/MaximumEventAgeInSeconds"
    with pytest.raises(invokecfg.InvalidDocument, match="no time zone|without a time zone") as e:
        invokecfg.translate({**doc, "LastModified": aware.replace(tzinfo=None)}, "huawei")
    assert e.value.pointer == "/LastModified" and not isinstance(e.value, TypeError)
    with pytest.raises(invokecfg.InvalidDocument, match=r"Decimal\('NaN'\)"):
        invokecfg.translate({"maxAsyncRetryAttempts": decimal.Decimal("NaN")}, "huawei")


@pytest.mark.parametrize("value, type_name", [({1, 2}, "set"), (datetime.time(8, 0), "time"), (object(), "object"),
                                              (b"3", "bytes"), (3 + 0j, "complex")])
def test_boto3_other_types_raise_type_error_naming_the_path(value, type_name):
    response = parse("ListFunctionEventInvokeConfigs", (FIXTURES / "aws-lambda/lists/list-next-marker.json").read_bytes())
    response["FunctionEventInvokeConfigs"][1]["DestinationConfig"]["OnFailure"]["Destination"] = value
    pointer = "/FunctionEventInvokeConfigs/1/DestinationConfig/OnFailure/Destination"
    for call in (lambda: invokecfg.translate(response, "huawei"), lambda: invokecfg.lint(response),
                 lambda: invokecfg.detect(response)):
        with pytest.raises(TypeError) as e:
            call()
        assert isinstance(e.value, invokecfg.UnsupportedType) and e.value.pointer == pointer
        assert str(e.value).startswith(f"`{pointer}`: ") and f"`{type_name}`" in str(e.value)
    [r] = invokecfg.translate_many([response], "huawei", return_exceptions=True)
    assert isinstance(r, invokecfg.UnsupportedType) and r.index == 0
    with pytest.raises(TypeError, match="key is"):
        invokecfg.translate({1: 2}, "huawei")
