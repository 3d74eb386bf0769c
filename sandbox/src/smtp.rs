//! A small SMTP server on loopback, for tests and demos of emailing portal links, that speaks the real protocol (EHLO, AUTH
//! PLAIN/LOGIN, MAIL, RCPT, DATA, RSET, QUIT) and keeps what it receives.
//! Recipients containing "reject" get a permanent 550.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A received message.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Received {
    /// `MAIL FROM`.
    pub from: String,
    /// Every accepted `RCPT TO`.
    pub to: Vec<String>,
    /// The message, headers and body, without the final dot.
    pub data: String,
    /// The `AUTH PLAIN` token, if the client logged in.
    pub auth: Option<String>,
}

/// A running SMTP listener; it stops with the runtime that started it.
pub struct SmtpServer {
    /// The port on 127.0.0.1.
    pub port: u16,
    /// What arrived.
    pub received: Arc<Mutex<Vec<Received>>>,
}

impl std::fmt::Debug for SmtpServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpServer")
            .field("port", &self.port)
            .finish()
    }
}

impl SmtpServer {
    /// Listens on a free port of 127.0.0.1.
    pub async fn start() -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 test.local ESMTP ready\r\n").await;
                    let mut current = Received::default();
                    let mut auth = None;
                    while let Ok(Some(line)) = lines.next_line().await {
                        let upper = line.to_ascii_uppercase();
                        let reply: String =
                            if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                                "250-test.local\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n".into()
                            } else if upper.starts_with("AUTH PLAIN") {
                                auth = line.split_whitespace().nth(2).map(str::to_owned);
                                "235 2.7.0 Authentication successful\r\n".into()
                            } else if upper.starts_with("MAIL FROM:") {
                                current = Received {
                                    from: line[10..].trim().to_owned(),
                                    auth: auth.clone(),
                                    ..Default::default()
                                };
                                "250 OK\r\n".into()
                            } else if upper.starts_with("RCPT TO:") {
                                let to = line[8..].trim().to_owned();
                                if to.contains("reject") {
                                    "550 5.1.1 No such mailbox\r\n".into()
                                } else {
                                    current.to.push(to);
                                    "250 OK\r\n".into()
                                }
                            } else if upper == "DATA" {
                                let _ = write
                                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                                    .await;
                                let mut data = String::new();
                                while let Ok(Some(line)) = lines.next_line().await {
                                    if line == "." {
                                        break;
                                    }
                                    data.push_str(&line);
                                    data.push('\n');
                                }
                                current.data = data;
                                store.lock().expect("lock").push(current.clone());
                                "250 OK queued\r\n".into()
                            } else if upper == "QUIT" {
                                let _ = write.write_all(b"221 Bye\r\n").await;
                                break;
                            } else {
                                "250 OK\r\n".into()
                            };
                        if write.write_all(reply.as_bytes()).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        SmtpServer { port, received }
    }

    /// The messages received so far.
    pub fn messages(&self) -> Vec<Received> {
        self.received.lock().expect("lock").clone()
    }
}
