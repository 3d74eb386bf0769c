//! A small HTTP/1.1 server (keep-alive, Content-Length bodies). Hand-rolled so
//! faults can be exact: a dropped connection, a truncated body, a stall.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// One parsed request.
#[derive(Debug, Clone)]
pub struct Request {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path without the query, e.g. `/v1/customers`.
    pub path: String,
    /// The raw query string (without `?`).
    pub query: String,
    /// Headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl Request {
    /// The first header called `name` (lower-case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A response to write.
#[derive(Debug, Clone)]
pub struct Response {
    /// HTTP status code.
    pub status: u16,
    /// Extra headers.
    pub headers: Vec<(String, String)>,
    /// `Content-Type`.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A JSON response.
    pub fn json(status: u16, body: &serde_json::Value) -> Response {
        Response {
            status,
            headers: Vec::new(),
            content_type: "application/json",
            body: serde_json::to_vec_pretty(body).expect("JSON values serialize"),
        }
    }

    /// Any other content.
    pub fn bytes(status: u16, content_type: &'static str, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: Vec::new(),
            content_type,
            body,
        }
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Response {
        self.headers.push((name.to_owned(), value.into()));
        self
    }
}

/// What the server does with a request.
#[derive(Debug)]
pub enum Outcome {
    /// Answer normally.
    Respond(Response),
    /// Close the connection without answering.
    Drop,
    /// Send the headers and part of the body, then close.
    Truncate(Response),
    /// Hold the connection open this long, then close it without answering.
    Stall(Duration),
}

const MAX_HEAD: usize = 64 * 1024;
const MAX_BODY: usize = 16 * 1024 * 1024;

/// Accepts connections until `shutdown` turns true, answering each request with `handler`.
pub async fn serve<H, F>(
    listener: TcpListener,
    handler: Arc<H>,
    mut shutdown: watch::Receiver<bool>,
) where
    H: Fn(Request) -> F + Send + Sync + 'static,
    F: Future<Output = Outcome> + Send + 'static,
{
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let handler = handler.clone();
                let shutdown = shutdown.clone();
                tokio::spawn(async move { connection(stream, handler, shutdown).await });
            }
            _ = shutdown.changed() => return,
        }
    }
}

async fn connection<H, F>(
    mut stream: TcpStream,
    handler: Arc<H>,
    mut shutdown: watch::Receiver<bool>,
) where
    H: Fn(Request) -> F + Send + Sync + 'static,
    F: Future<Output = Outcome> + Send + 'static,
{
    let mut buffer = Vec::with_capacity(8192);
    loop {
        let request = tokio::select! {
            request = read_request(&mut stream, &mut buffer) => request,
            _ = shutdown.changed() => return,
        };
        let Some((request, keep_alive)) = request else {
            return;
        };
        let outcome = handler(request).await;
        let written = match outcome {
            Outcome::Respond(response) => {
                write_response(&mut stream, &response, keep_alive, None).await
            }
            Outcome::Truncate(response) => {
                let cut = response.body.len() / 2;
                let _ = write_response(&mut stream, &response, false, Some(cut)).await;
                return;
            }
            Outcome::Drop => return,
            Outcome::Stall(duration) => {
                tokio::select! {
                    _ = tokio::time::sleep(duration) => {}
                    _ = shutdown.changed() => {}
                }
                return;
            }
        };
        if written.is_err() || !keep_alive {
            return;
        }
    }
}

/// Reads one request; `None` when the peer closed or sent garbage.
async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<(Request, bool)> {
    loop {
        if let Some(end) = find_head_end(buffer) {
            let mut headers = [httparse::EMPTY_HEADER; 64];
            let mut parsed = httparse::Request::new(&mut headers);
            parsed.parse(&buffer[..end]).ok()?;
            let method = parsed.method?.to_owned();
            let target = parsed.path?.to_owned();
            let version = parsed.version?;
            let headers: Vec<(String, String)> = parsed
                .headers
                .iter()
                .map(|h| {
                    (
                        h.name.to_ascii_lowercase(),
                        String::from_utf8_lossy(h.value).into_owned(),
                    )
                })
                .collect();
            let length: usize = headers
                .iter()
                .find(|(n, _)| n == "content-length")
                .and_then(|(_, v)| v.trim().parse().ok())
                .unwrap_or(0);
            if length > MAX_BODY {
                return None;
            }
            while buffer.len() < end + length {
                if read_more(stream, buffer).await? == 0 {
                    return None;
                }
            }
            let body = buffer[end..end + length].to_vec();
            buffer.drain(..end + length);
            let connection = headers
                .iter()
                .find(|(n, _)| n == "connection")
                .map(|(_, v)| v.to_ascii_lowercase());
            let keep_alive = match connection.as_deref() {
                Some("close") => false,
                Some("keep-alive") => true,
                _ => version == 1,
            };
            let (path, query) = target.split_once('?').unwrap_or((&target, ""));
            let request = Request {
                method,
                path: path.to_owned(),
                query: query.to_owned(),
                headers,
                body,
            };
            return Some((request, keep_alive));
        }
        if buffer.len() > MAX_HEAD || read_more(stream, buffer).await? == 0 {
            return None;
        }
    }
}

async fn read_more(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<usize> {
    let mut chunk = [0u8; 16 * 1024];
    let n = stream.read(&mut chunk).await.ok()?;
    buffer.extend_from_slice(&chunk[..n]);
    Some(n)
}

fn find_head_end(buffer: &[u8]) -> Option<usize> {
    buffer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| p + 4)
}

async fn write_response(
    stream: &mut TcpStream,
    response: &Response,
    keep_alive: bool,
    cut_at: Option<usize>,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nDate: {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: {}\r\n",
        response.status,
        reason(response.status),
        // Stripe's clock: clients tell from it where the event feed stands.
        httpdate::fmt_http_date(std::time::SystemTime::now()),
        response.content_type,
        response.body.len(),
        if keep_alive { "keep-alive" } else { "close" },
    );
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let body = match cut_at {
        Some(cut) => &response.body[..cut],
        None => &response.body[..],
    };
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    stream.write_all(&bytes).await?;
    stream.flush().await
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Request Failed",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
