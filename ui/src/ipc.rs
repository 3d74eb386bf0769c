//! The only place the UI talks to the core. Each function is typed by the
//! `portal_ipc` contract; errors always arrive as [`ErrorDto`].

use portal_ipc::{
    AppInfo, Command, ErrorCode, ErrorDto, GetAppInfo, GetKeyStatus, KeyStatus, ProfileArgs,
    SaveKey, SaveKeyArgs,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch)]
    async fn invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;
}

/// Every command takes a single argument named `args` (see `portal_ipc::Command`).
#[derive(Serialize)]
struct Envelope<'a, T> {
    args: &'a T,
}

async fn call<C: Command>(args: &C::Args) -> Result<C::Output, ErrorDto> {
    let payload = to_js(&Envelope { args })?;
    match invoke(C::NAME, payload).await {
        Ok(value) => serde_wasm_bindgen::from_value(value).map_err(|e| bridge_error(e.to_string())),
        Err(error) => Err(decode_error(error)),
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, ErrorDto> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| bridge_error(e.to_string()))
}

/// Our commands reject with `{code, message}`; Tauri itself rejects with a string
/// (for example when a command is not allowed).
fn decode_error(error: JsValue) -> ErrorDto {
    if let Ok(dto) = serde_wasm_bindgen::from_value::<ErrorDto>(error.clone()) {
        return dto;
    }
    bridge_error(error.as_string().unwrap_or_else(|| format!("{error:?}")))
}

fn bridge_error(detail: String) -> ErrorDto {
    ErrorDto {
        code: ErrorCode::Bridge,
        message: format!("Portal Desk's window could not reach its core: {detail}"),
    }
}

/// The profile the window works on, and the demo sandbox if any.
pub async fn app_info() -> Result<AppInfo, ErrorDto> {
    call::<GetAppInfo>(&()).await
}

/// Checks `key` (with Stripe too when `verify`) and stores it in the keychain for `profile`.
pub async fn save_key(profile: &str, key: String, verify: bool) -> Result<KeyStatus, ErrorDto> {
    call::<SaveKey>(&SaveKeyArgs {
        profile: profile.to_owned(),
        key,
        verify,
    })
    .await
}

/// The description of the key saved for `profile`, if any.
pub async fn key_status(profile: &str) -> Result<Option<KeyStatus>, ErrorDto> {
    call::<GetKeyStatus>(&ProfileArgs {
        profile: profile.to_owned(),
    })
    .await
}

/// Opens `url` in the system browser; the capability limits it to Stripe's
/// https hosts and `mailto:`.
pub async fn open_url(url: &str) -> Result<(), ErrorDto> {
    #[derive(Serialize)]
    struct OpenUrl<'a> {
        url: &'a str,
    }
    invoke("plugin:opener|open_url", to_js(&OpenUrl { url })?)
        .await
        .map(drop)
        .map_err(decode_error)
}
