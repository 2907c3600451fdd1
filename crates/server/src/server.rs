//! The server's state and its message loop.

use crate::diagnostics::{self, Style};
use crate::documents::{file_path, Document};
use crate::position::Encoding;
use crate::transport::Incoming;
use crate::{actions, completion, hover, settings};
use invokecfg_cli::{LintSettings, TextLint, CONFIG_NAMES};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response, ResponseError};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, DiagnosticOptions, DiagnosticServerCapabilities,
    DocumentDiagnosticParams, DocumentDiagnosticReport, DocumentDiagnosticReportResult, FullDocumentDiagnosticReport,
    InitializeParams, InitializeResult, MessageType, PublishDiagnosticsParams, RelatedFullDocumentDiagnosticReport,
    RelatedUnchangedDocumentDiagnosticReport, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
    UnchangedDocumentDiagnosticReport, Uri,
};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::Receiver;

/// Where the server is in the protocol's life cycle.
#[derive(PartialEq, Eq)]
enum Phase {
    /// Before `initialize`: requests are refused, notifications dropped.
    Uninitialized,
    Running,
    /// After `shutdown`: only `exit` is valid.
    ShutDown,
}

/// Messages handled before pending diagnostics are published even if more
/// input is waiting (a steady stream of edits still sees diagnostics).
const PUBLISH_EVERY: usize = 64;

pub struct Server<W: Write> {
    out: W,
    phase: Phase,
    style: Style,
    /// The client pulls diagnostics (`textDocument/diagnostic`): none are pushed.
    pull: bool,
    /// The client takes `workspace/diagnostic/refresh`.
    refresh: bool,
    /// The client watches files for us when asked (`client/registerCapability`).
    watches_files: bool,
    /// Relative paths in settings are taken from here.
    root: Option<PathBuf>,
    settings: LintSettings,
    /// The lint flags `settings` were made from: loaded again when the
    /// files they name (`--config`, `--map`) change.
    flags: Vec<String>,
    /// Counts settings and config changes: part of each pull result id.
    generation: u64,
    documents: HashMap<Uri, Document>,
    /// The last error shown (shown again only when it changes).
    shown: Option<String>,
    next_request: i32,
}

impl<W: Write> Server<W> {
    pub fn new(out: W) -> Server<W> {
        Server {
            out,
            phase: Phase::Uninitialized,
            style: Style { encoding: Encoding::Utf16, related_information: false },
            pull: false,
            refresh: false,
            watches_files: false,
            root: None,
            settings: LintSettings::default(),
            flags: Vec::new(),
            generation: 0,
            documents: HashMap::new(),
            shown: None,
            next_request: 0,
        }
    }

    /// Handles messages until `exit` or the end of the input.
    pub fn run(mut self, receiver: &Receiver<Incoming>) -> ExitCode {
        let mut queue = VecDeque::new();
        let mut handled = 0;
        loop {
            if queue.is_empty() || handled >= PUBLISH_EVERY {
                handled = 0;
                if catch_unwind(AssertUnwindSafe(|| self.publish_dirty())).is_err() {
                    self.show_error("internal error in invokecfg server while linting (please report it)".into());
                }
            }
            if queue.is_empty() {
                match receiver.recv() {
                    Ok(m) => queue.push_back(m),
                    Err(_) => return self.exit_code(),
                }
            }
            queue.extend(receiver.try_iter());
            let Some(incoming) = queue.pop_front() else { continue };
            handled += 1;
            match incoming {
                Incoming::Closed => return self.exit_code(),
                Incoming::Malformed { id, code, message } => self.send_error(id, code, &message),
                Incoming::Message(Message::Request(r)) if cancelled(&queue, &r.id) => {
                    self.respond(r.id, Err(error(ErrorCode::RequestCanceled, "cancelled by the client")));
                }
                Incoming::Message(Message::Request(r)) => {
                    let id = r.id.clone();
                    // A bug must not end the session: the request fails, the server goes on.
                    let result = catch_unwind(AssertUnwindSafe(|| self.request(r))).unwrap_or_else(|_| {
                        Err(error(ErrorCode::InternalError, "internal error in invokecfg server (please report it)"))
                    });
                    self.respond(id, result);
                }
                Incoming::Message(Message::Notification(n)) if n.method == note::Exit::METHOD => {
                    return self.exit_code();
                }
                Incoming::Message(Message::Notification(n)) => {
                    let method = n.method.clone();
                    if catch_unwind(AssertUnwindSafe(|| self.notification(n))).is_err() {
                        self.show_error(format!(
                            "internal error in invokecfg server handling `{method}` (please report it)"
                        ));
                    }
                }
                // Answers to our own requests (registrations, refreshes): nothing waits on them.
                Incoming::Message(Message::Response(_)) => {}
            }
        }
    }

    fn exit_code(&self) -> ExitCode {
        if self.phase == Phase::ShutDown {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    fn request(&mut self, r: Request) -> Result<Value, ResponseError> {
        match (&self.phase, r.method.as_str()) {
            (Phase::Uninitialized, req::Initialize::METHOD) => self.initialize(params(r.params)?),
            (Phase::Uninitialized, _) => {
                Err(error(ErrorCode::ServerNotInitialized, "the server is not initialized: send `initialize` first"))
            }
            (_, req::Initialize::METHOD) => Err(error(ErrorCode::InvalidRequest, "`initialize` was already received")),
            (Phase::ShutDown, _) => {
                Err(error(ErrorCode::InvalidRequest, "the server is shut down: only the `exit` notification is valid"))
            }
            (_, req::Shutdown::METHOD) => {
                self.phase = Phase::ShutDown;
                Ok(Value::Null)
            }
            (_, req::DocumentDiagnosticRequest::METHOD) => self.pull_diagnostics(params(r.params)?),
            (_, req::CodeActionRequest::METHOD) => {
                let p: lsp_types::CodeActionParams = params(r.params)?;
                let Some(doc) = self.documents.get_mut(&p.text_document.uri) else { return Ok(Value::Null) };
                let found = actions::code_actions(doc, &self.settings, &p, self.style);
                Ok(to_value(found))
            }
            (_, req::HoverRequest::METHOD) => {
                let p: lsp_types::HoverParams = params(r.params)?;
                let at = p.text_document_position_params;
                let Some(doc) = self.documents.get(&at.text_document.uri) else { return Ok(Value::Null) };
                let offset = doc.index.offset(&doc.text, at.position, self.style.encoding);
                Ok(to_value(hover::hover(doc, offset, self.style.encoding)))
            }
            (_, req::Completion::METHOD) => {
                let p: lsp_types::CompletionParams = params(r.params)?;
                let at = p.text_document_position;
                let Some(doc) = self.documents.get(&at.text_document.uri) else { return Ok(Value::Null) };
                let offset = doc.index.offset(&doc.text, at.position, self.style.encoding);
                Ok(to_value(lsp_types::CompletionResponse::Array(completion::complete(doc, offset))))
            }
            (_, m) => Err(error(ErrorCode::MethodNotFound, &format!("no method `{m}`"))),
        }
    }

    fn initialize(&mut self, p: InitializeParams) -> Result<Value, ResponseError> {
        let caps = &p.capabilities;
        let encoding = Encoding::negotiate(caps.general.as_ref().and_then(|g| g.position_encodings.as_deref()));
        let text = caps.text_document.as_ref();
        self.style = Style {
            encoding,
            related_information: text
                .and_then(|t| t.publish_diagnostics.as_ref())
                .and_then(|d| d.related_information)
                .unwrap_or(false),
        };
        self.pull = text.and_then(|t| t.diagnostic.as_ref()).is_some();
        self.refresh = caps
            .workspace
            .as_ref()
            .and_then(|w| w.diagnostic.as_ref())
            .and_then(|d| d.refresh_support)
            .unwrap_or(false);
        self.watches_files = caps
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        #[allow(deprecated)] // root_uri: older clients send only it.
        let root = p.workspace_folders.as_ref().and_then(|f| f.first()).map(|f| &f.uri).or(p.root_uri.as_ref());
        self.root = root.and_then(file_path);
        if let Some(options) = &p.initialization_options {
            (self.flags, self.settings) =
                self.settings_from(options).map_err(|e| error(ErrorCode::InvalidParams, &e))?;
        }
        self.phase = Phase::Running;
        let capabilities = ServerCapabilities {
            position_encoding: Some(encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            })),
            diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some(diagnostics::SOURCE.into()),
                // An edit of invokecfg.json changes other files' findings.
                inter_file_dependencies: true,
                workspace_diagnostics: false,
                ..DiagnosticOptions::default()
            })),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
                resolve_provider: Some(false),
                ..CodeActionOptions::default()
            })),
            hover_provider: Some(lsp_types::HoverProviderCapability::Simple(true)),
            completion_provider: Some(lsp_types::CompletionOptions {
                trigger_characters: Some(vec!["\"".into()]),
                ..lsp_types::CompletionOptions::default()
            }),
            ..ServerCapabilities::default()
        };
        Ok(to_value(InitializeResult {
            capabilities,
            server_info: Some(ServerInfo { name: "invokecfg".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
        }))
    }

    fn settings_from(&self, value: &Value) -> Result<(Vec<String>, LintSettings), String> {
        let flags = settings::flags(value, self.root.as_deref())?;
        let settings = LintSettings::from_flags(&flags).map_err(|e| format!("invokecfg settings: {e}"))?;
        Ok((flags, settings))
    }

    /// Whether `path` is a config file, or a file the settings name.
    fn is_settings_file(&self, path: &std::path::Path) -> bool {
        path.file_name().is_some_and(|n| CONFIG_NAMES.iter().any(|c| n == *c))
            || self.flags.iter().any(|f| {
                ["--config=", "--map="]
                    .iter()
                    .any(|flag| f.strip_prefix(flag).is_some_and(|p| path == std::path::Path::new(p)))
            })
    }

    /// A config or mapping file changed: the settings' files are read
    /// again and every document is linted again.
    fn files_changed(&mut self) {
        match LintSettings::from_flags(&self.flags) {
            Ok(s) => self.settings = s,
            Err(e) => self.show_error(format!("invokecfg settings: {e}; the files as last read stay in force")),
        }
        self.forget_all();
    }

    fn notification(&mut self, n: Notification) {
        if self.phase == Phase::Uninitialized {
            return;
        }
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidOpenTextDocumentParams>(n.params) else { return };
                let d = p.text_document;
                let doc = Document::new(&d.uri, d.text, d.version);
                self.documents.insert(d.uri, doc);
            }
            note::DidChangeTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidChangeTextDocumentParams>(n.params) else { return };
                if let Some(doc) = self.documents.get_mut(&p.text_document.uri) {
                    doc.apply(p.content_changes, p.text_document.version, self.style.encoding);
                }
            }
            note::DidCloseTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidCloseTextDocumentParams>(n.params) else { return };
                if self.documents.remove(&p.text_document.uri).is_some() && !self.pull {
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            note::DidSaveTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidSaveTextDocumentParams>(n.params) else { return };
                if file_path(&p.text_document.uri).is_some_and(|f| self.is_settings_file(&f)) {
                    self.files_changed();
                }
            }
            note::DidChangeWatchedFiles::METHOD => self.files_changed(),
            note::DidChangeConfiguration::METHOD => {
                let Ok(p) = params::<lsp_types::DidChangeConfigurationParams>(n.params) else { return };
                // Clients send null or {} when nothing is configured there: the settings stay.
                if p.settings.is_null() || p.settings.as_object().is_some_and(|m| m.is_empty()) {
                    return;
                }
                match self.settings_from(&p.settings) {
                    Ok((flags, s)) => {
                        (self.flags, self.settings) = (flags, s);
                        self.forget_all();
                    }
                    Err(e) => self.show_error(format!("{e}; the previous settings stay in force")),
                }
            }
            note::Initialized::METHOD if self.watches_files => self.watch_config_files(),
            // `$/cancelRequest` (see `cancelled`), `$/setTrace`, ...: nothing to do.
            _ => {}
        }
    }

    /// Asks the client to report changes of config files (edited outside the
    /// editor, or by another program): each one lints every document again.
    fn watch_config_files(&mut self) {
        let watchers = CONFIG_NAMES
            .iter()
            .map(|name| lsp_types::FileSystemWatcher {
                glob_pattern: lsp_types::GlobPattern::String(format!("**/{name}")),
                kind: None,
            })
            .collect();
        let registration = lsp_types::Registration {
            id: "invokecfg-config-files".into(),
            method: note::DidChangeWatchedFiles::METHOD.into(),
            register_options: Some(to_value(lsp_types::DidChangeWatchedFilesRegistrationOptions { watchers })),
        };
        self.next_request += 1;
        let params = lsp_types::RegistrationParams { registrations: vec![registration] };
        let r = Request::new(RequestId::from(self.next_request), req::RegisterCapability::METHOD.into(), params);
        self.send(Message::Request(r));
    }

    /// Settings or a config file changed: every document is linted again.
    fn forget_all(&mut self) {
        self.generation += 1;
        for doc in self.documents.values_mut() {
            doc.forget();
        }
        if self.pull && self.refresh {
            self.next_request += 1;
            let r =
                Request::new(RequestId::from(self.next_request), req::WorkspaceDiagnosticRefresh::METHOD.into(), ());
            self.send(Message::Request(r));
        }
    }

    fn pull_diagnostics(&mut self, p: DocumentDiagnosticParams) -> Result<Value, ResponseError> {
        let uri = p.text_document.uri;
        let generation = self.generation;
        let Some(doc) = self.documents.get_mut(&uri) else {
            return Err(error(ErrorCode::InvalidParams, &format!("`{}` is not open", uri.as_str())));
        };
        let result_id = format!("{generation}:{}", doc.version);
        let report = if p.previous_result_id.as_deref() == Some(result_id.as_str()) {
            DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                related_documents: None,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
            })
        } else {
            let (items, failure) = lsp_diagnostics(doc, &self.settings, &uri, self.style);
            if let Some(e) = failure {
                self.show_error(e);
            }
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(result_id), items },
            })
        };
        Ok(to_value(DocumentDiagnosticReportResult::Report(report)))
    }

    fn publish_dirty(&mut self) {
        if self.pull {
            return;
        }
        let mut out = Vec::new();
        for (uri, doc) in self.documents.iter_mut().filter(|(_, d)| d.dirty) {
            doc.dirty = false;
            let (items, failure) = lsp_diagnostics(doc, &self.settings, uri, self.style);
            out.push((uri.clone(), items, Some(doc.version), failure));
        }
        for (uri, items, version, failure) in out {
            if let Some(e) = failure {
                self.show_error(e);
            }
            self.publish(uri, items, version);
        }
    }

    fn publish(&mut self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let p = PublishDiagnosticsParams { uri, diagnostics, version };
        self.send(Message::Notification(Notification::new(note::PublishDiagnostics::METHOD.into(), p)));
    }

    /// Shows an error once (until a different one comes).
    fn show_error(&mut self, message: String) {
        if self.shown.as_deref() == Some(message.as_str()) {
            return;
        }
        let p = ShowMessageParams { typ: MessageType::ERROR, message: message.clone() };
        self.send(Message::Notification(Notification::new(note::ShowMessage::METHOD.into(), p)));
        self.shown = Some(message);
    }

    fn respond(&mut self, id: RequestId, result: Result<Value, ResponseError>) {
        self.send(Message::Response(Response { id, response_result: result }));
    }

    /// An error response whose id may be null (a payload with no readable id).
    fn send_error(&mut self, id: Value, code: ErrorCode, message: &str) {
        let body = serde_json::json!({"jsonrpc": "2.0", "id": id, "error": {"code": code as i32, "message": message}});
        let text = body.to_string();
        let _ = write!(self.out, "Content-Length: {}\r\n\r\n{text}", text.len()).and_then(|()| self.out.flush());
    }

    fn send(&mut self, message: Message) {
        // The client is gone when this fails; the loop ends at the end of the input.
        let _ = message.write(&mut self.out);
    }
}

/// A document's findings as LSP diagnostics, and the error to show when it
/// could not be linted (a config file that does not load).
fn lsp_diagnostics(
    doc: &mut Document,
    settings: &LintSettings,
    uri: &Uri,
    style: Style,
) -> (Vec<lsp_types::Diagnostic>, Option<String>) {
    let linted = doc.lint(settings).clone();
    match linted {
        TextLint::Findings { diagnostics, rules_url } => {
            let items =
                diagnostics.iter().map(|d| diagnostics::to_lsp(d, doc, uri, style, rules_url.as_deref())).collect();
            (items, None)
        }
        TextLint::Failed(e) => (Vec::new(), Some(e)),
        TextLint::Excluded | TextLint::NotAConfig(_) => (Vec::new(), None),
    }
}

/// Whether a `$/cancelRequest` for `id` waits in the queue.
fn cancelled(queue: &VecDeque<Incoming>, id: &RequestId) -> bool {
    queue.iter().any(|m| match m {
        Incoming::Message(Message::Notification(n)) if n.method == note::Cancel::METHOD => {
            serde_json::from_value::<lsp_types::CancelParams>(n.params.clone()).is_ok_and(|p| {
                let theirs = match p.id {
                    lsp_types::NumberOrString::Number(i) => RequestId::from(i),
                    lsp_types::NumberOrString::String(s) => RequestId::from(s),
                };
                &theirs == id
            })
        }
        _ => false,
    })
}

fn params<P: DeserializeOwned>(value: Value) -> Result<P, ResponseError> {
    serde_json::from_value(value).map_err(|e| error(ErrorCode::InvalidParams, &format!("invalid params: {e}")))
}

fn error(code: ErrorCode, message: &str) -> ResponseError {
    ResponseError { code: code as i32, message: message.into(), data: None }
}

fn to_value(v: impl serde::Serialize) -> Value {
    // Serializing the protocol's own types cannot fail (no maps with non-string keys).
    serde_json::to_value(v).unwrap_or(Value::Null)
}
