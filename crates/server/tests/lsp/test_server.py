"""Every capability of `invokecfg server`, driven by pytest-lsp's client over
stdio, on a JSON, a Terraform and a YAML fixture."""

import pathlib
import shutil
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import BIN, FIXTURES, ROOT, lint_json

LANGUAGE = {"json": "json", "terraform": "terraform", "yaml": "yaml"}


def capabilities(pull: bool, utf8: bool) -> types.ClientCapabilities:
    """Neovim 0.7's capabilities (push, UTF-16), optionally pulling or offering UTF-8."""
    caps = client_capabilities("neovim@v0.7.0")
    if pull:
        caps.text_document.diagnostic = types.DiagnosticClientCapabilities(dynamic_registration=False)
    if utf8:
        caps.general = types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16]
        )
    return caps


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BIN, "server"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities(pull=False, utf8=False), root_uri=ROOT.as_uri())
    )
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BIN, "server"]))
async def pulling(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities(pull=True, utf8=True), root_uri=ROOT.as_uri())
    )
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


def open_fixture(client: LanguageClient, kind: str, path: pathlib.Path | None = None) -> str:
    path = path or FIXTURES[kind]
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=LANGUAGE[kind], version=1, text=path.read_text())
        )
    )
    return uri


def as_cli(diagnostic: types.Diagnostic) -> tuple:
    """A diagnostic in the CLI report's terms (1-based lines; these fixtures are ASCII)."""
    r = diagnostic.range
    return (diagnostic.code, r.start.line + 1, r.start.character + 1, r.end.line + 1, r.end.character + 1, diagnostic.message)


def cli_findings(path: pathlib.Path) -> list:
    return [
        (f["code"], f["line"], f["column"], f["end_line"], f["end_column"], f["message"])
        for f in lint_json(path).get(str(path.resolve()), [])
    ]


@pytest.mark.parametrize("kind", ["json", "terraform", "yaml"])
async def test_push_diagnostics_equal_lint(client: LanguageClient, kind: str):
    uri = open_fixture(client, kind)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    got = [as_cli(d) for d in client.diagnostics[uri]]
    assert got and got == cli_findings(FIXTURES[kind])
    assert all(d.source == "invokecfg" for d in client.diagnostics[uri])


@pytest.mark.parametrize("kind", ["json", "terraform", "yaml"])
async def test_pull_diagnostics_equal_lint(pulling: LanguageClient, kind: str):
    uri = open_fixture(pulling, kind)
    report = await pulling.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert [as_cli(d) for d in report.items] == cli_findings(FIXTURES[kind])


async def test_incremental_edit_republishes(client: LanguageClient):
    uri = open_fixture(client, "json")
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert client.diagnostics[uri]
    text = FIXTURES["json"].read_text()
    line = next(i for i, l in enumerate(text.splitlines()) if ": 0," in l)
    col = text.splitlines()[line].index(": 0,") + 2
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=line, character=col), end=types.Position(line=line, character=col + 1)),
                    text="60",
                )
            ],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


# Fixtures whose every fix is safe (`lint --fix` applies it); the FIXTURES' clamps are unsafe.
SAFE_FIXES = {
    "json": ROOT / "fixtures/lint/S112-legacy-key/legacy-keys.json",
    "terraform": ROOT / "fixtures/terraform/read/fc3-quoted-primitives.tf",
}


async def code_actions(client: LanguageClient, uri: str, kind: str, diagnostics: list) -> list:
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=10_000, character=0))
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=whole,
            context=types.CodeActionContext(diagnostics=diagnostics, only=[kind]),
        )
    )


@pytest.mark.parametrize("kind", ["json", "terraform"])
async def test_quick_fix_and_fix_all_equal_lint_fix(client: LanguageClient, kind: str, tmp_path: pathlib.Path):
    path = tmp_path / SAFE_FIXES[kind].name
    shutil.copy(SAFE_FIXES[kind], path)
    uri = open_fixture(client, kind, path)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    quick = await code_actions(client, uri, types.CodeActionKind.QuickFix, list(client.diagnostics[uri]))
    assert quick, "a quick fix for the fixable finding"
    assert all(a.is_preferred for a in quick), "every fix is safe"
    fix_all = await code_actions(client, uri, types.CodeActionKind.SourceFixAll, [])
    assert [a.kind for a in fix_all] == ["source.fixAll.invokecfg"]
    fixed = apply(path.read_text(), fix_all[0].edit.changes[uri])
    subprocess.run([BIN, "lint", "--fix", "--exit-zero", str(path)], check=True, capture_output=True)
    assert fixed == path.read_text() != SAFE_FIXES[kind].read_text()


@pytest.mark.parametrize("kind", ["json", "terraform"])
async def test_an_unsafe_fix_is_offered_not_preferred_and_left_out_of_fix_all(
    client: LanguageClient, kind: str, tmp_path: pathlib.Path
):
    path = tmp_path / FIXTURES[kind].name
    shutil.copy(FIXTURES[kind], path)
    uri = open_fixture(client, kind, path)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    quick = await code_actions(client, uri, types.CodeActionKind.QuickFix, list(client.diagnostics[uri]))
    assert quick and not any(a.is_preferred for a in quick), "a clamp is an unsafe fix: offered, not preferred"
    fix_all = await code_actions(client, uri, types.CodeActionKind.SourceFixAll, [])
    changes = fix_all[0].edit.changes.get(uri, []) if fix_all and fix_all[0].edit and fix_all[0].edit.changes else []
    fixed = apply(path.read_text(), changes)
    subprocess.run([BIN, "lint", "--fix", "--exit-zero", str(path)], check=True, capture_output=True)
    assert fixed == path.read_text() == FIXTURES[kind].read_text(), "fix-all, like `lint --fix`, applies safe fixes only"


def apply(text: str, edits: list) -> str:
    lines = text.splitlines(keepends=True)

    def offset(p: types.Position) -> int:
        return sum(len(l) for l in lines[: p.line]) + p.character

    for e in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end) :]
    return text


@pytest.mark.parametrize(
    "kind,word,expected",
    [
        ("json", "maxAsyncEventAgeInSeconds", "Range 1..604800, default 86400"),
        ("terraform", "maximum_retry_attempts", "API key `/maxAsyncRetryAttempts`"),
        ("yaml", "maxAsyncEventAgeInSeconds", "Range 1..604800"),
    ],
)
async def test_hover(client: LanguageClient, kind: str, word: str, expected: str):
    uri = open_fixture(client, kind)
    lines = FIXTURES[kind].read_text().splitlines()
    line = next(i for i, l in enumerate(lines) if word in l)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=lines[line].index(word) + 2),
        )
    )
    assert hover is not None and expected in hover.contents.value


async def test_hover_on_a_rule_code(client: LanguageClient, tmp_path: pathlib.Path):
    path = tmp_path / "invokecfg.json"
    path.write_text('{"select": ["R201"]}\n')
    uri = open_fixture(client, "json", path)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=14))
    )
    assert hover is not None and "event-age-out-of-range" in hover.contents.value


@pytest.mark.parametrize(
    "kind,text,expected",
    [
        ("json", '{"maxAsyncRetryAttempts": 3, "asyncTask": |', {"true", "false"}),
        ("terraform", 'resource "alicloud_fcv3_async_invoke_config" "x" {\n  |\n}\n', {"async_task", "destination_config"}),
        ("yaml", "resources:\n  f:\n    component: fc3\n    props:\n      asyncInvokeConfig:\n        |", {"asyncTask", "maxAsyncRetryAttempts"}),
    ],
)
async def test_completion(client: LanguageClient, kind: str, text: str, expected: set, tmp_path: pathlib.Path):
    before = text[: text.index("|")]
    path = tmp_path / {"json": "c.json", "terraform": "main.tf", "yaml": "s.yaml"}[kind]
    path.write_text(text.replace("|", ""))
    uri = open_fixture(client, kind, path)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=before.count("\n"), character=len(before.split("\n")[-1])),
        )
    )
    labels = {i.label for i in (result.items if hasattr(result, "items") else result)}
    assert expected <= labels, labels


async def test_settings_from_did_change_configuration(client: LanguageClient):
    uri = open_fixture(client, "json")
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert client.diagnostics[uri]
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"invokecfg": {"ignore": ["R"]}}))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BIN, "server"]))
async def configured(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(pull=False, utf8=False),
            root_uri=ROOT.as_uri(),
            initialization_options={"rulesUrl": "https://example.invalid/rules", "severity": {"R201": "warning"}},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_settings_from_initialization_options(configured: LanguageClient):
    uri = open_fixture(configured, "json")
    await configured.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    [d] = configured.diagnostics[uri]
    assert d.severity == types.DiagnosticSeverity.Warning
    assert d.code_description.href == "https://example.invalid/rules/R201.md"
    assert d.related_information and d.related_information[0].message.startswith("help: ")
