//! Reading framed JSON-RPC messages.
//!
//! `lsp-server`'s own stdio reader ends the connection on the first payload
//! that is not a valid message; the protocol wants an error response and
//! the connection kept, so framing is read here and only the message types
//! and their writing come from `lsp-server`.

use lsp_server::{ErrorCode, Message};
use serde_json::Value;
use std::io::BufRead;
use std::sync::mpsc::Sender;

/// What the reader hands the server loop.
#[derive(Debug)]
pub enum Incoming {
    /// A well-formed message.
    Message(Message),
    /// A payload that is not a message: answered with this error (the id
    /// is the request's when it could be read, else null).
    Malformed { id: Value, code: ErrorCode, message: String },
    /// The input ended (or failed).
    Closed,
}

/// Reads messages from `input` until it ends or the receiver is gone.
pub fn read_messages(mut input: impl BufRead, sender: &Sender<Incoming>) {
    loop {
        let incoming = match read_frame(&mut input) {
            Ok(Some(body)) => parse(&body),
            Ok(None) => Incoming::Closed,
            Err(FrameError::Header(message)) => {
                Incoming::Malformed { id: Value::Null, code: ErrorCode::ParseError, message }
            }
            Err(FrameError::Io) => Incoming::Closed,
        };
        let closed = matches!(incoming, Incoming::Closed);
        if sender.send(incoming).is_err() || closed {
            return;
        }
    }
}

/// Why a frame could not be read.
#[derive(Debug)]
pub enum FrameError {
    /// A header block that cannot be read: reported, and reading goes on
    /// with the next block.
    Header(String),
    /// The input failed or ended inside a frame.
    Io,
}

/// The largest body read (a document of the linter's 64 MiB limit, escaped, fits).
const MAX_BODY: usize = 256 << 20;

/// Reads one `Content-Length` framed body (`None`: the input ended between
/// frames). Clients use it too: the tests' and the benchmark's.
pub fn read_frame(input: &mut impl BufRead) -> Result<Option<Vec<u8>>, FrameError> {
    let mut length = None;
    let mut bad = None;
    let mut line = String::new();
    let mut any = false;
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) if !any => return Ok(None),
            Ok(0) => return Err(FrameError::Io),
            Ok(_) => {}
            Err(_) => return Err(FrameError::Io),
        }
        any = true;
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) if n <= MAX_BODY => length = Some(n),
                    _ => bad = Some(format!("Content-Length `{}` is not a length up to {MAX_BODY}", value.trim())),
                }
            }
            Some(_) => {}
            None => bad = Some(format!("malformed header `{header}`; expected `Name: value`")),
        }
    }
    if let Some(message) = bad {
        return Err(FrameError::Header(message));
    }
    let Some(length) = length else {
        return Err(FrameError::Header("a message without Content-Length".into()));
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body).map_err(|_| FrameError::Io)?;
    Ok(Some(body))
}

fn parse(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Incoming::Malformed {
                id: Value::Null,
                code: ErrorCode::ParseError,
                message: format!("not JSON: {e}"),
            }
        }
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    match serde_json::from_value::<Message>(value) {
        Ok(m) => Incoming::Message(m),
        Err(e) => Incoming::Malformed {
            id,
            code: ErrorCode::InvalidRequest,
            message: format!("not a JSON-RPC request, response or notification: {e}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;
    use std::sync::mpsc::channel;

    fn frames(text: &str) -> Vec<Incoming> {
        let (tx, rx) = channel();
        read_messages(Cursor::new(text.as_bytes().to_vec()), &tx);
        rx.try_iter().collect()
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn malformed_payloads_are_reported_and_reading_goes_on() {
        let text =
            frame("{not json") + &frame(r#"{"id": 7, "method": 3}"#) + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let got = frames(&text);
        assert!(matches!(&got[0], Incoming::Malformed { id: Value::Null, code: ErrorCode::ParseError, .. }));
        assert!(matches!(&got[1], Incoming::Malformed { id, code: ErrorCode::InvalidRequest, .. } if *id == 7));
        assert!(matches!(&got[2], Incoming::Message(Message::Notification(n)) if n.method == "exit"));
        assert!(matches!(&got[3], Incoming::Closed));
    }

    #[test]
    fn a_missing_length_is_reported() {
        let got = frames(&("X-Other: 1\r\n\r\n".to_string() + &frame(r#"{"jsonrpc":"2.0","method":"exit"}"#)));
        assert!(matches!(&got[0], Incoming::Malformed { code: ErrorCode::ParseError, .. }));
        assert!(matches!(&got[1], Incoming::Message(_)));
    }
}
