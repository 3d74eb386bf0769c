//! Just enough of the W3C WebDriver protocol for our tests.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use base64::Engine;
use serde_json::{Value, json};

/// The element-reference key of the W3C protocol.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long queries wait for the UI (Yew renders after the wasm loads).
const WAIT: Duration = Duration::from_secs(20);

/// One WebDriver session: the app's window.
#[derive(Debug)]
pub struct Session {
    url: String,
}

/// An element found in the page.
#[derive(Debug, Clone)]
pub struct Element<'s> {
    session: &'s Session,
    id: String,
}

impl Session {
    pub(crate) fn placeholder() -> Session {
        Session { url: String::new() }
    }

    pub(crate) fn create(base: &str, application: &Path) -> anyhow::Result<Session> {
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "tauri:options": { "application": application.display().to_string() }
                }
            }
        });
        let response = send("POST", &format!("{base}/session"), Some(capabilities))?;
        let id = response["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow!("no sessionId in {response}"))?;
        Ok(Session {
            url: format!("{base}/session/{id}"),
        })
    }

    pub(crate) fn delete(&self) {
        if !self.url.is_empty() {
            let _ = send("DELETE", &self.url, None);
        }
    }

    fn command(&self, method: &str, path: &str, body: Option<Value>) -> anyhow::Result<Value> {
        send(method, &format!("{}{path}", self.url), body)
    }

    /// Waits until `css` matches an element, and returns the first.
    pub fn find(&self, css: &str) -> anyhow::Result<Element<'_>> {
        self.wait_for(&format!("an element matching {css}"), || self.try_find(css))
    }

    /// The first element matching `css` now, if any.
    pub fn try_find(&self, css: &str) -> anyhow::Result<Option<Element<'_>>> {
        let found = self.command(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        )?;
        Ok(found
            .as_array()
            .and_then(|all| all.first())
            .and_then(|e| e[ELEMENT_KEY].as_str())
            .map(|id| Element {
                session: self,
                id: id.to_owned(),
            }))
    }

    /// Waits until the element matching `css` has text containing `needle`.
    /// The text is the page's `innerText`: WebKitWebDriver's element text
    /// leaves out some rendered children (a span beside a button).
    pub fn wait_for_text(&self, css: &str, needle: &str) -> anyhow::Result<String> {
        self.wait_for(&format!("{css} to contain {needle:?}"), || {
            Ok(self
                .texts(css)?
                .into_iter()
                .next()
                .filter(|t| t.contains(needle)))
        })
    }

    /// The window's title.
    pub fn title(&self) -> anyhow::Result<String> {
        Ok(self
            .command("GET", "/title", None)?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    /// Saves a PNG of the window to `path`, once the page has painted what the
    /// DOM holds (WebKit can otherwise hand back the previous frame).
    pub fn screenshot(&self, path: &Path) -> anyhow::Result<()> {
        self.command(
            "POST",
            "/execute/async",
            Some(json!({
                "script": "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                "args": []
            })),
        )?;
        let data = self.command("GET", "/screenshot", None)?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(data.as_str().unwrap_or_default())
            .context("decoding the screenshot")?;
        std::fs::write(path, png).with_context(|| format!("writing {}", path.display()))
    }

    /// Runs `script` in the page and returns what it returns.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> anyhow::Result<Value> {
        self.command(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Runs `script` in the page with a callback as its last argument, and
    /// returns what it passes the callback.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> anyhow::Result<Value> {
        self.command(
            "POST",
            "/execute/async",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Resizes the window (the screenshots are taken at 1280×800 and 900×600).
    pub fn set_window_size(&self, width: u32, height: u32) -> anyhow::Result<()> {
        self.command(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        )?;
        Ok(())
    }

    /// Types `text` into whatever has the focus, one key after another.
    pub fn type_keys(&self, text: &str) -> anyhow::Result<()> {
        let actions: Vec<Value> = text
            .chars()
            .flat_map(|key| {
                [
                    json!({"type": "keyDown", "value": key.to_string()}),
                    json!({"type": "keyUp", "value": key.to_string()}),
                ]
            })
            .collect();
        self.command(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        )?;
        self.command("DELETE", "/actions", None)?;
        Ok(())
    }

    /// The id of the element that has the keyboard focus ("" for none).
    pub fn focused_id(&self) -> anyhow::Result<String> {
        let id = self.execute(
            "return document.activeElement ? document.activeElement.id : '';",
            vec![],
        )?;
        Ok(id.as_str().unwrap_or_default().to_owned())
    }

    /// Presses Tab until `#id` has the focus, as a keyboard user does; fails
    /// if it never gets there.
    pub fn tab_to(&self, id: &str) -> anyhow::Result<()> {
        self.find(&format!("#{id}"))?;
        for _ in 0..60 {
            if self.focused_id()? == id {
                return Ok(());
            }
            self.press("\u{E004}")?;
        }
        bail!(
            "Tab never reached #{id} (focus is on #{})",
            self.focused_id()?
        )
    }

    /// Sends keys to whatever has focus, as a user would press them
    /// (WebDriver key codes: `\u{E009}` is Control, `\u{E007}` Enter).
    pub fn press(&self, keys: &str) -> anyhow::Result<()> {
        let mut down = Vec::new();
        let mut up = Vec::new();
        for key in keys.chars() {
            down.push(json!({"type": "keyDown", "value": key.to_string()}));
            up.insert(0, json!({"type": "keyUp", "value": key.to_string()}));
        }
        down.extend(up);
        self.command(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": down}]})),
        )?;
        self.command("DELETE", "/actions", None)?;
        Ok(())
    }

    /// The visible texts of every element matching `css`.
    pub fn texts(&self, css: &str) -> anyhow::Result<Vec<String>> {
        let found = self.execute(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText);",
            vec![json!(css)],
        )?;
        Ok(found
            .as_array()
            .map(|all| {
                all.iter()
                    .map(|t| t.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Polls `probe` until it yields a value; fails after [`WAIT`] with `what`.
    pub fn wait_for<T>(
        &self,
        what: &str,
        mut probe: impl FnMut() -> anyhow::Result<Option<T>>,
    ) -> anyhow::Result<T> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(value) = probe()? {
                return Ok(value);
            }
            if Instant::now() > deadline {
                // What the window showed helps more than the message alone.
                let shot = crate::screenshot_dir().join("last-failure.png");
                let _ = self.screenshot(&shot);
                bail!(
                    "gave up waiting for {what} (the window: {})",
                    shot.display()
                );
            }
            // Each probe runs on the page's main thread; polling gently leaves
            // the app time to render what it is waiting for.
            std::thread::sleep(Duration::from_millis(250));
        }
    }
}

impl Element<'_> {
    fn path(&self, tail: &str) -> String {
        format!("/element/{}{tail}", self.id)
    }

    /// Clicks it.
    pub fn click(&self) -> anyhow::Result<()> {
        self.session
            .command("POST", &self.path("/click"), Some(json!({})))?;
        Ok(())
    }

    /// Empties an input.
    pub fn clear(&self) -> anyhow::Result<()> {
        self.session
            .command("POST", &self.path("/clear"), Some(json!({})))?;
        Ok(())
    }

    /// Replaces its whole text with `text` as a user would: select all, then
    /// type over it. (`clear` fires no input event, so the UI's state keeps the
    /// old value, and a re-render can put it back before the typing lands.)
    pub fn replace_text(&self, text: &str) -> anyhow::Result<()> {
        self.session.execute(
            "arguments[0].focus(); arguments[0].select();",
            vec![json!({ ELEMENT_KEY: self.id })],
        )?;
        self.type_text(text)
    }

    /// Types `text` into it, as a user would.
    pub fn type_text(&self, text: &str) -> anyhow::Result<()> {
        self.session
            .command("POST", &self.path("/value"), Some(json!({"text": text})))?;
        Ok(())
    }

    /// Its visible text.
    pub fn text(&self) -> anyhow::Result<String> {
        Ok(self
            .session
            .command("GET", &self.path("/text"), None)?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    /// One of its properties, such as `value`.
    pub fn property(&self, name: &str) -> anyhow::Result<Value> {
        self.session
            .command("GET", &self.path(&format!("/property/{name}")), None)
    }
}

/// Sends one WebDriver request and returns its `value`, or the driver's error.
fn send(method: &str, url: &str, body: Option<Value>) -> anyhow::Result<Value> {
    let request = ureq::request(method, url).timeout(Duration::from_secs(60));
    let response = match body {
        Some(body) => request.send_json(body),
        None => request.call(),
    };
    let response = match response {
        Ok(response) => response,
        Err(ureq::Error::Status(code, response)) => {
            let body: Value = response.into_json().unwrap_or(Value::Null);
            bail!(
                "WebDriver {method} {url} answered {code}: {}",
                body["value"]
            );
        }
        Err(e) => return Err(anyhow!("WebDriver {method} {url}: {e}")),
    };
    let body: Value = response
        .into_json()
        .context("WebDriver answered non-JSON")?;
    Ok(body["value"].clone())
}
