//! Stripe-shaped error responses.

use serde_json::{Value, json};

use crate::http::Response;

/// An error the API answers with, shaped like Stripe's `{"error": {...}}`.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: u16,
    /// `error.type`.
    pub kind: &'static str,
    /// `error.code`, when Stripe sends one.
    pub code: Option<&'static str>,
    /// `error.param`, when one parameter is at fault.
    pub param: Option<String>,
    /// `error.message`.
    pub message: String,
}

impl ApiError {
    /// 400 `invalid_request_error`.
    pub fn invalid(message: impl Into<String>, param: Option<&str>) -> ApiError {
        ApiError {
            status: 400,
            kind: "invalid_request_error",
            code: None,
            param: param.map(str::to_owned),
            message: message.into(),
        }
    }

    /// A missing parameter.
    pub fn missing(param: &str) -> ApiError {
        ApiError {
            code: Some("parameter_missing"),
            ..ApiError::invalid(format!("Missing required param: {param}."), Some(param))
        }
    }

    /// `No such customer: 'cus_x'` (404 on retrieve, 400 when a parameter names it).
    pub fn no_such(object: &str, id: &str, param: &str, status: u16) -> ApiError {
        ApiError {
            status,
            kind: "invalid_request_error",
            code: Some("resource_missing"),
            param: Some(param.to_owned()),
            message: format!("No such {object}: '{id}'"),
        }
    }

    /// An unknown route.
    pub fn unrecognized(method: &str, path: &str) -> ApiError {
        ApiError {
            status: 404,
            kind: "invalid_request_error",
            code: None,
            param: None,
            message: format!(
                "Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/."
            ),
        }
    }

    /// The response.
    pub fn response(&self) -> Response {
        let mut error = json!({"message": self.message, "type": self.kind});
        if let Some(code) = self.code {
            error["code"] = json!(code);
            error["doc_url"] = json!(format!(
                "https://stripe.com/docs/error-codes/{}",
                code.replace('_', "-")
            ));
        }
        if let Some(param) = &self.param {
            error["param"] = json!(param);
        }
        let response = Response::json(self.status, &json!({"error": error}));
        let retry = matches!(self.status, 409 | 429 | 500..=599);
        response.with_header("Stripe-Should-Retry", if retry { "true" } else { "false" })
    }
}

/// The error body for a 429.
pub fn rate_limited() -> ApiError {
    ApiError {
        status: 429,
        kind: "invalid_request_error",
        code: Some("rate_limit"),
        param: None,
        message: "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.".into(),
    }
}

/// The error body for an injected 5xx.
pub fn server_error() -> ApiError {
    ApiError {
        status: 500,
        kind: "api_error",
        code: None,
        param: None,
        message: "An unknown error occurred (injected by the sandbox).".into(),
    }
}

/// Reads a string parameter.
pub fn string<'a>(params: &'a Value, name: &str) -> Option<&'a str> {
    params
        .get(name)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// Reads a boolean parameter (`true`/`false`).
pub fn boolean(params: &Value, name: &str) -> Result<Option<bool>, ApiError> {
    match params.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s == "true" => Ok(Some(true)),
        Some(Value::String(s)) if s == "false" => Ok(Some(false)),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(ApiError::invalid(
            format!("Invalid boolean: {other}"),
            Some(name),
        )),
    }
}
