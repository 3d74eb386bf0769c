//! The pages a browser opens from the sandbox: the portal of a session, the
//! durable login page of a configuration, a hosted invoice and its PDF.

use serde_json::Value;

use crate::Shared;
use crate::http::{Request, Response};
use crate::store::Kind;

/// The file host: what invoice PDF links redirect to.
pub fn file_host(shared: &Shared, request: &Request) -> Response {
    let state = shared.state();
    let segments: Vec<&str> = request.path.trim_start_matches('/').split('/').collect();
    let found = match segments.as_slice() {
        ["s3", "invoices", file] => file
            .strip_suffix(".pdf")
            .and_then(|id| state.store.collection(Kind::Invoice).get(id)),
        _ => None,
    };
    match found {
        Some(invoice) => Response::bytes(200, "application/pdf", invoice_pdf(&invoice)),
        None => Response::bytes(
            404,
            "application/xml",
            b"<Error><Code>NoSuchKey</Code></Error>".to_vec(),
        ),
    }
}

/// Whether a PDF link's `issued` and `epoch` say it still works.
fn link_is_live(query: &str, epoch: u64, ttl: Option<std::time::Duration>) -> bool {
    let field = |name: &str| {
        query.split('&').find_map(|pair| {
            pair.strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('='))
                .and_then(|v| v.parse::<u64>().ok())
        })
    };
    let (Some(issued), Some(given)) = (field("issued"), field("epoch")) else {
        // Not a link the sandbox handed out.
        return false;
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    given >= epoch && ttl.is_none_or(|ttl| now.saturating_sub(issued) <= ttl.as_secs())
}

/// Serves everything outside `/v1/` and `/_sandbox/`.
pub fn handle(shared: &Shared, request: &Request) -> Response {
    let state = shared.state();
    let segments: Vec<&str> = request.path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["_portal", session] => match state.store.collection(Kind::PortalSession).get(session) {
            Some(s) => {
                let customer = s["customer"].as_str().unwrap_or_default();
                let name = state
                    .store
                    .collection(Kind::Customer)
                    .get(customer)
                    .and_then(|c| c["name"].as_str().map(str::to_owned))
                    .unwrap_or_else(|| "a deleted customer".to_owned());
                let flow = s["flow"]["type"].as_str().unwrap_or("portal_homepage");
                html(
                    200,
                    "Customer portal",
                    &format!(
                        "<h1>Customer portal for {} ({})</h1><p id=\"flow\">Flow: {}</p><p>Return URL: {}</p>",
                        escape(&name),
                        escape(customer),
                        escape(flow),
                        escape(s["return_url"].as_str().unwrap_or("none")),
                    ),
                )
            }
            None => html(
                404,
                "Session expired",
                "<h1>This portal session has expired.</h1>",
            ),
        },
        ["_login", token] => match state.login_pages.get(*token) {
            Some(config) => html(
                200,
                "Sign in",
                &format!(
                    "<h1>Sign in to manage your billing</h1><p>Configuration {}</p><form><label>Email <input type=email></label></form>",
                    escape(config)
                ),
            ),
            None => html(
                404,
                "Not found",
                "<h1>This login link is no longer active.</h1>",
            ),
        },
        ["_invoices", id] => match state.store.collection(Kind::Invoice).get(id) {
            Some(invoice) => html(
                200,
                "Invoice",
                &format!(
                    "<h1>Invoice {}</h1><p>{} — {}</p>",
                    escape(invoice["number"].as_str().unwrap_or(id)),
                    escape(&money(&invoice)),
                    escape(invoice["status"].as_str().unwrap_or_default())
                ),
            ),
            None => html(404, "Not found", "<h1>No such invoice</h1>"),
        },
        // Stripe's PDF link (pay.stripe.com) redirects to its file host, and expires.
        ["_files", "invoices", file] => {
            let id = file.trim_end_matches(".pdf");
            let ttl = shared.conditions().pdf_link_ttl;
            match state.store.collection(Kind::Invoice).get(id) {
                None => html(404, "Not found", "<h1>No such invoice</h1>"),
                Some(_) if !link_is_live(&request.query, state.pdf_link_epoch, ttl) => html(
                    404,
                    "Link expired",
                    "<h1>This invoice link has expired.</h1>",
                ),
                Some(_) => html(302, "Found", "<p>Redirecting to the file.</p>").with_header(
                    "Location",
                    format!(
                        "{}/s3/invoices/{id}.pdf?X-Amz-Expires=300",
                        shared.file_host_url
                    ),
                ),
            }
        }
        _ => Response::json(
            404,
            &serde_json::json!({"error": {
                "message": format!("Unrecognized request URL ({}: {}).", request.method, request.path),
                "type": "invalid_request_error"
            }}),
        ),
    }
}

fn html(status: u16, title: &str, body: &str) -> Response {
    Response::bytes(
        status,
        "text/html; charset=utf-8",
        format!("<!doctype html><html><head><meta charset=utf-8><title>{title}</title></head><body>{body}<p><small>Served by stripe-sandbox</small></p></body></html>").into_bytes(),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `12.34 USD`, or `1200 JPY` for zero-decimal currencies.
fn money(invoice: &Value) -> String {
    let amount = invoice["total"].as_i64().unwrap_or(0);
    let currency = invoice["currency"].as_str().unwrap_or("usd");
    if crate::zero_decimal(currency) {
        format!("{amount} {}", currency.to_uppercase())
    } else {
        format!(
            "{}.{:02} {}",
            amount / 100,
            amount.abs() % 100,
            currency.to_uppercase()
        )
    }
}

/// A one-page PDF with correct cross-reference offsets, readable by any viewer.
pub fn invoice_pdf(invoice: &Value) -> Vec<u8> {
    let ascii = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii() && c != '(' && c != ')' && c != '\\' {
                    c
                } else {
                    '?'
                }
            })
            .collect()
    };
    let lines = [
        format!(
            "Invoice {}",
            ascii(invoice["number"].as_str().unwrap_or_default())
        ),
        format!(
            "Customer: {}",
            ascii(invoice["customer_name"].as_str().unwrap_or_default())
        ),
        format!("Total: {}", money(invoice)),
        format!(
            "Status: {}",
            ascii(invoice["status"].as_str().unwrap_or_default())
        ),
    ];
    let mut content = String::from("BT /F1 14 Tf 72 720 Td 18 TL\n");
    for line in &lines {
        content.push_str(&format!("({line}) Tj T*\n"));
    }
    content.push_str("ET\n");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}
