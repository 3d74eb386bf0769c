//! Shared setup: an in-process sandbox and an async-stripe client pointed at it.

use stripe_sandbox::{Config, DEFAULT_KEY, DatasetConfig, Sandbox};

/// A sandbox with `customers` customers (1 subscription, 4 invoices, 1 card each).
pub async fn sandbox(customers: usize) -> Sandbox {
    Sandbox::start(Config {
        dataset: DatasetConfig {
            customers,
            seed: 7,
            ..DatasetConfig::default()
        },
        ..Config::default()
    })
    .await
    .expect("the sandbox starts")
}

/// An async-stripe client for `sandbox`, with `key`.
pub fn client_with(sandbox: &Sandbox, key: &str) -> stripe::Client {
    stripe::ClientBuilder::new(key)
        .url(format!("{}/", sandbox.url()))
        .build()
        .expect("a client")
}

/// An async-stripe client with the default sandbox key.
pub fn client(sandbox: &Sandbox) -> stripe::Client {
    client_with(sandbox, DEFAULT_KEY)
}

/// A raw HTTP/1.1 answer.
#[derive(Debug)]
pub struct Raw {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Raw {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends one request over a fresh connection and reads until the server closes.
/// An `Err` means the connection broke (as injected faults do).
pub async fn raw(
    sandbox: &Sandbox,
    method: &str,
    path: &str,
    key: Option<&str>,
    form: &str,
) -> std::io::Result<Raw> {
    let bearer = key.map(|k| format!("Bearer {k}"));
    raw_at(sandbox.addr(), method, path, bearer.as_deref(), form).await
}

/// [`raw`] to any address (the sandbox's file host, say), with any
/// `Authorization` value.
pub async fn raw_at(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    authorization: Option<&str>,
    form: &str,
) -> std::io::Result<Raw> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(addr).await?;
    let auth = authorization
        .map(|value| format!("Authorization: {value}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
        form.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).await?;
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "no response head")
        })?;
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let body = bytes[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| {
            l.split_once(':')
                .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        })
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(body.len());
    if body.len() < length {
        return Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            format!("truncated body: {} of {length} bytes", body.len()),
        ));
    }
    Ok(Raw {
        status,
        headers,
        body,
    })
}

/// GET with the default key.
pub async fn get(sandbox: &Sandbox, path: &str) -> Raw {
    raw(sandbox, "GET", path, Some(DEFAULT_KEY), "")
        .await
        .expect("the request completes")
}

/// POST a form with the default key.
pub async fn post(sandbox: &Sandbox, path: &str, form: &str) -> Raw {
    raw(sandbox, "POST", path, Some(DEFAULT_KEY), form)
        .await
        .expect("the request completes")
}
