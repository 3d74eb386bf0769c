//! Plain-text rendering for the CLI.

use std::fmt::Write;

use portal_core::money::{format_amount, format_date};
use portal_core::query::BillingInfo;

/// `text` cut to `max` characters, with an ellipsis when cut; control
/// characters become spaces so odd data can't garble the terminal.
pub fn clip(text: &str, max: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() <= max {
        clean
    } else {
        let mut cut: String = clean.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// `text` as it may reach a terminal: control characters (C0 and C1, such as
/// ESC, BEL and CSI) and direction overrides become "�"; newlines and tabs stay.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if text.chars().any(unsafe_char) {
        text.chars()
            .map(|c| if unsafe_char(c) { '\u{FFFD}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// The `show` view of a customer.
pub fn billing_info(info: &BillingInfo, now: i64) -> String {
    let mut out = String::new();
    let c = &info.customer;
    let _ = writeln!(
        out,
        "{}  ({})",
        clip(c.name.as_deref().unwrap_or("Unnamed customer"), 80),
        c.id
    );
    let _ = writeln!(
        out,
        "  email:    {}",
        clip(c.email.as_deref().unwrap_or("—"), 80)
    );
    if let Some(phone) = &c.phone {
        let _ = writeln!(out, "  phone:    {}", clip(phone, 40));
    }
    if let Some(address) = &c.address {
        let parts: Vec<&str> = [
            &address.line1,
            &address.line2,
            &address.postal_code,
            &address.city,
            &address.state,
            &address.country,
        ]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .filter(|p| !p.is_empty())
        .collect();
        let _ = writeln!(out, "  address:  {}", clip(&parts.join(", "), 120));
    }
    out.push_str("\nSubscription\n");
    match &info.subscription {
        None => out.push_str("  none\n"),
        Some(view) => {
            let s = &view.subscription;
            let price = match (view.amount, &s.currency, &view.interval) {
                (Some(amount), Some(currency), Some(interval)) => {
                    let every = match view.interval_count {
                        Some(n) if n > 1 => format!("every {n} {interval}s"),
                        _ => format!("per {interval}"),
                    };
                    format!("{} {every}", format_amount(amount, currency))
                }
                _ => String::new(),
            };
            let _ = writeln!(out, "  {}  {}  [{}]", clip(&view.plan, 60), price, s.status);
            if s.cancel_at_period_end {
                let end = s
                    .cancel_at
                    .or(s.current_period_end)
                    .map(format_date)
                    .unwrap_or_default();
                let _ = writeln!(out, "  cancels at period end: {end}");
            } else if let (Some(end), false) = (s.current_period_end, s.status == "canceled") {
                let _ = writeln!(out, "  renews:   {}", format_date(end));
            }
            if let Some(at) = s.canceled_at.filter(|_| s.status == "canceled") {
                let _ = writeln!(out, "  canceled: {}", format_date(at));
            }
        }
    }
    if let Some(trouble) = &info.trouble {
        let invoice = &trouble.invoice;
        let owed = match trouble.invoices_owed {
            1 => "on invoice".to_owned(),
            n => format!("on {n} invoices, the latest"),
        };
        let retry = match trouble.next_retry() {
            Some(at) => format!("Stripe retries on {}", format_date(at)),
            None => "no automatic retry".to_owned(),
        };
        let _ = writeln!(
            out,
            "  payment failed: {} due {owed} {}; {retry}",
            format_amount(trouble.amount_due, &invoice.currency),
            clip(invoice.number.as_deref().unwrap_or(&invoice.id), 40),
        );
    }
    out.push_str("\nPayment methods\n");
    if info.payment_methods.is_empty() {
        out.push_str("  none cached\n");
    }
    for m in &info.payment_methods {
        let label = portal_core::sync::method_label(&m.method);
        let expiry = match (m.method.exp_month, m.method.exp_year) {
            (Some(month), Some(year)) => format!("  exp {month:02}/{year}"),
            _ => String::new(),
        };
        let flags = [(m.is_default, " (default)"), (m.expired, " EXPIRED")]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, text)| text)
            .collect::<String>();
        let _ = writeln!(out, "  {label}{expiry}{flags}");
    }
    out.push_str("\nRecent invoices\n");
    if info.invoices.is_empty() {
        out.push_str("  none\n");
    }
    for i in &info.invoices {
        let _ = writeln!(
            out,
            "  {:<16} {}  {:>14}  {:<13} {}",
            clip(i.number.as_deref().unwrap_or(&i.id), 16),
            format_date(i.created),
            format_amount(i.total, &i.currency),
            i.status.as_deref().unwrap_or("—"),
            i.invoice_pdf.as_deref().unwrap_or("")
        );
    }
    let _ = now;
    out
}

/// The `configs show` view.
pub fn configuration(c: &serde_json::Value) -> String {
    let mut out = String::new();
    let text = |v: &serde_json::Value| v.as_str().map(str::to_owned).unwrap_or_else(|| "—".into());
    let on = |v: &serde_json::Value| if v == true { "on" } else { "off" };
    let f = &c["features"];
    let _ = writeln!(
        out,
        "{}{}",
        text(&c["id"]),
        if c["is_default"] == true {
            "  (account default)"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "  headline:          {}",
        clip(&text(&c["business_profile"]["headline"]), 80)
    );
    let _ = writeln!(
        out,
        "  privacy policy:    {}",
        text(&c["business_profile"]["privacy_policy_url"])
    );
    let _ = writeln!(
        out,
        "  terms of service:  {}",
        text(&c["business_profile"]["terms_of_service_url"])
    );
    let _ = writeln!(
        out,
        "  return URL:        {}",
        text(&c["default_return_url"])
    );
    let _ = writeln!(
        out,
        "  login page:        {} {}",
        on(&c["login_page"]["enabled"]),
        c["login_page"]["url"].as_str().unwrap_or("")
    );
    let _ = writeln!(
        out,
        "  invoice history:   {}",
        on(&f["invoice_history"]["enabled"])
    );
    let _ = writeln!(
        out,
        "  payment methods:   {}",
        on(&f["payment_method_update"]["enabled"])
    );
    let updates: Vec<&str> = f["customer_update"]["allowed_updates"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  customer updates:  {} {}",
        on(&f["customer_update"]["enabled"]),
        updates.join(", ")
    );
    let _ = writeln!(
        out,
        "  cancel:            {} {}",
        on(&f["subscription_cancel"]["enabled"]),
        text(&f["subscription_cancel"]["mode"])
    );
    let products = f["subscription_update"]["products"]
        .as_array()
        .map_or(0, Vec::len);
    let _ = writeln!(
        out,
        "  plan switching:    {} ({products} products)",
        on(&f["subscription_update"]["enabled"])
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_control_sequences_are_shown_not_obeyed() {
        let name = "\u{1b}]0;pwned\u{7}<b>x</b>\u{1b}[2J\u{9b}31m\u{202e}fdp";
        let shown = terminal_safe(name);
        assert!(
            !shown.chars().any(|c| c.is_control()),
            "no control character reaches the terminal: {shown:?}"
        );
        assert_eq!(
            shown,
            "\u{FFFD}]0;pwned\u{FFFD}<b>x</b>\u{FFFD}[2J\u{FFFD}31m\u{FFFD}fdp"
        );
        assert_eq!(terminal_safe("a\tb\nc"), "a\tb\nc", "layout stays");
    }
}
