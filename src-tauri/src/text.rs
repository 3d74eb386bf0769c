//! Plain-text rendering for the CLI, in its language.

use std::fmt::Write;

use portal_core::money::{format_amount, format_date};
use portal_core::query::BillingInfo;
use portal_i18n::{Language, tr};

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

/// Columns `text` takes in a terminal: two for each wide character
/// (Japanese, Chinese and Korean script and full-width forms), one for the
/// others. Enough for the CLI's labels, which have no combining marks or emoji.
pub fn columns(text: &str) -> usize {
    text.chars()
        .map(|c| match c {
            '\u{1100}'..='\u{115F}'
            | '\u{2E80}'..='\u{303E}'
            | '\u{3041}'..='\u{33FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{A000}'..='\u{A4CF}'
            | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFE6}' => 2,
            _ => 1,
        })
        .sum()
}

/// The labels of a table, each padded to the widest plus `gap` columns, so
/// the values after them line up in every language.
pub fn pad_labels<const N: usize>(labels: [String; N], gap: usize) -> [String; N] {
    let width = labels.iter().map(|l| columns(l)).max().unwrap_or(0) + gap;
    labels.map(|label| {
        let pad = width - columns(&label);
        format!("{label}{}", " ".repeat(pad))
    })
}

/// The `show` view of a customer, in `language` (amounts and dates stay as
/// the CLI always writes them: `USD 1234.56`, `2026-12-21`).
pub fn billing_info(info: &BillingInfo, now: i64, language: Language) -> String {
    let mut out = String::new();
    let c = &info.customer;
    let [email, phone, address, renews, canceled] = pad_labels(
        [
            tr!(language, "cli-show-email"),
            tr!(language, "cli-show-phone"),
            tr!(language, "cli-show-address"),
            tr!(language, "cli-show-renews"),
            tr!(language, "cli-show-canceled"),
        ],
        1,
    );
    let none = tr!(language, "cli-show-none");
    let unnamed = tr!(language, "cli-show-unnamed");
    let _ = writeln!(
        out,
        "{}  ({})",
        clip(c.name.as_deref().unwrap_or(&unnamed), 80),
        c.id
    );
    let _ = writeln!(
        out,
        "  {email}{}",
        clip(c.email.as_deref().unwrap_or("—"), 80)
    );
    if let Some(number) = &c.phone {
        let _ = writeln!(out, "  {phone}{}", clip(number, 40));
    }
    if let Some(parts) = &c.address {
        let parts: Vec<&str> = [
            &parts.line1,
            &parts.line2,
            &parts.postal_code,
            &parts.city,
            &parts.state,
            &parts.country,
        ]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .filter(|p| !p.is_empty())
        .collect();
        let _ = writeln!(out, "  {address}{}", clip(&parts.join(", "), 120));
    }
    let _ = writeln!(out, "\n{}", tr!(language, "cli-show-subscription"));
    match &info.subscription {
        None => {
            let _ = writeln!(out, "  {none}");
        }
        Some(view) => {
            let s = &view.subscription;
            let price = match (view.amount, &s.currency, &view.interval) {
                (Some(amount), Some(currency), Some(interval)) => {
                    let every = match view.interval_count {
                        Some(n) if n > 1 => tr!(
                            language,
                            "cli-show-every",
                            count = n,
                            interval = interval.as_str()
                        ),
                        _ => tr!(language, "cli-show-per", interval = interval.as_str()),
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
                let _ = writeln!(
                    out,
                    "  {}",
                    tr!(language, "cli-show-cancels-at-period-end", date = end)
                );
            } else if let (Some(end), false) = (s.current_period_end, s.status == "canceled") {
                let _ = writeln!(out, "  {renews}{}", format_date(end));
            }
            if let Some(at) = s.canceled_at.filter(|_| s.status == "canceled") {
                let _ = writeln!(out, "  {canceled}{}", format_date(at));
            }
        }
    }
    if let Some(trouble) = &info.trouble {
        let invoice = &trouble.invoice;
        let retry = match trouble.next_retry() {
            Some(at) => tr!(language, "cli-show-retry-on", date = format_date(at)),
            None => tr!(language, "cli-show-no-retry"),
        };
        let _ = writeln!(
            out,
            "  {}",
            tr!(
                language,
                "cli-show-payment-failed",
                amount = format_amount(trouble.amount_due, &invoice.currency),
                invoices = trouble.invoices_owed,
                invoice = clip(invoice.number.as_deref().unwrap_or(&invoice.id), 40),
                retry = retry
            )
        );
    }
    let _ = writeln!(out, "\n{}", tr!(language, "cli-show-payment-methods"));
    if info.payment_methods.is_empty() {
        let _ = writeln!(out, "  {}", tr!(language, "cli-show-none-cached"));
    }
    for m in &info.payment_methods {
        let label = portal_core::sync::method_label(&m.method);
        let expiry = match (m.method.exp_month, m.method.exp_year) {
            (Some(month), Some(year)) => format!(
                "  {}",
                tr!(
                    language,
                    "cli-show-expires",
                    date = format!("{month:02}/{year}")
                )
            ),
            _ => String::new(),
        };
        let mut flags = String::new();
        if m.is_default {
            flags = format!(" {}", tr!(language, "cli-show-default"));
        }
        if m.expired {
            flags = format!("{flags} {}", tr!(language, "cli-show-expired"));
        }
        let _ = writeln!(out, "  {label}{expiry}{flags}");
    }
    let _ = writeln!(out, "\n{}", tr!(language, "cli-show-recent-invoices"));
    if info.invoices.is_empty() {
        let _ = writeln!(out, "  {none}");
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

/// The `configs show` view, in `language` (ids, URLs and Stripe's own
/// values such as `at_period_end` as they are).
pub fn configuration(c: &serde_json::Value, language: Language) -> String {
    let mut out = String::new();
    let text = |v: &serde_json::Value| v.as_str().map(str::to_owned).unwrap_or_else(|| "—".into());
    let (yes, no) = (
        tr!(language, "cli-config-on"),
        tr!(language, "cli-config-off"),
    );
    let on = |v: &serde_json::Value| if v == true { &yes } else { &no };
    let f = &c["features"];
    let [
        headline,
        privacy,
        terms,
        return_url,
        login_page,
        invoices,
        methods,
        updates_label,
        cancel,
        plans,
    ] = pad_labels(
        [
            tr!(language, "cli-config-headline"),
            tr!(language, "cli-config-privacy-policy"),
            tr!(language, "cli-config-terms-of-service"),
            tr!(language, "cli-config-return-url"),
            tr!(language, "cli-config-login-page"),
            tr!(language, "cli-config-invoice-history"),
            tr!(language, "cli-config-payment-methods"),
            tr!(language, "cli-config-customer-updates"),
            tr!(language, "cli-config-cancel"),
            tr!(language, "cli-config-plan-switching"),
        ],
        2,
    );
    let default = if c["is_default"] == true {
        format!("  ({})", tr!(language, "cli-configs-account-default"))
    } else {
        String::new()
    };
    let _ = writeln!(out, "{}{default}", text(&c["id"]));
    let _ = writeln!(
        out,
        "  {headline}{}",
        clip(&text(&c["business_profile"]["headline"]), 80)
    );
    let _ = writeln!(
        out,
        "  {privacy}{}",
        text(&c["business_profile"]["privacy_policy_url"])
    );
    let _ = writeln!(
        out,
        "  {terms}{}",
        text(&c["business_profile"]["terms_of_service_url"])
    );
    let _ = writeln!(out, "  {return_url}{}", text(&c["default_return_url"]));
    let _ = writeln!(
        out,
        "  {login_page}{} {}",
        on(&c["login_page"]["enabled"]),
        c["login_page"]["url"].as_str().unwrap_or("")
    );
    let _ = writeln!(out, "  {invoices}{}", on(&f["invoice_history"]["enabled"]));
    let _ = writeln!(
        out,
        "  {methods}{}",
        on(&f["payment_method_update"]["enabled"])
    );
    let updates: Vec<&str> = f["customer_update"]["allowed_updates"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  {updates_label}{} {}",
        on(&f["customer_update"]["enabled"]),
        updates.join(", ")
    );
    let _ = writeln!(
        out,
        "  {cancel}{} {}",
        on(&f["subscription_cancel"]["enabled"]),
        text(&f["subscription_cancel"]["mode"])
    );
    let products = f["subscription_update"]["products"]
        .as_array()
        .map_or(0, Vec::len);
    let _ = writeln!(
        out,
        "  {plans}{} {}",
        on(&f["subscription_update"]["enabled"]),
        tr!(language, "cli-config-products", count = products)
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

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(columns("profile:"), 8);
        assert_eq!(columns("Zahlungsmethoden:"), 17);
        assert_eq!(columns("プロファイル:"), 13);
        let [a, b] = pad_labels(["プロファイル:".to_owned(), "mode:".to_owned()], 1);
        assert_eq!((columns(&a), columns(&b)), (14, 14));
        assert_eq!(b, "mode:         ");
    }

    fn sample_configuration() -> serde_json::Value {
        serde_json::json!({
            "id": "bpc_1",
            "is_default": true,
            "business_profile": {"headline": "Acme billing", "privacy_policy_url": "https://acme.example/privacy", "terms_of_service_url": null},
            "default_return_url": null,
            "login_page": {"enabled": true, "url": "https://billing.stripe.com/p/login/x"},
            "features": {
                "invoice_history": {"enabled": true},
                "payment_method_update": {"enabled": false},
                "customer_update": {"enabled": true, "allowed_updates": ["email", "address"]},
                "subscription_cancel": {"enabled": true, "mode": "at_period_end"},
                "subscription_update": {"enabled": false, "products": [{}, {}]}
            }
        })
    }

    #[test]
    fn the_english_configuration_view_is_as_it_always_was() {
        assert_eq!(
            configuration(&sample_configuration(), Language::En),
            "bpc_1  (account default)\n\
             \x20 headline:          Acme billing\n\
             \x20 privacy policy:    https://acme.example/privacy\n\
             \x20 terms of service:  —\n\
             \x20 return URL:        —\n\
             \x20 login page:        on https://billing.stripe.com/p/login/x\n\
             \x20 invoice history:   on\n\
             \x20 payment methods:   off\n\
             \x20 customer updates:  on email, address\n\
             \x20 cancel:            on at_period_end\n\
             \x20 plan switching:    off (2 products)\n"
        );
    }

    #[test]
    fn the_configuration_view_lines_up_in_every_language() {
        for language in Language::ALL {
            let labels = [
                "cli-config-headline",
                "cli-config-privacy-policy",
                "cli-config-terms-of-service",
                "cli-config-return-url",
                "cli-config-login-page",
                "cli-config-invoice-history",
                "cli-config-payment-methods",
                "cli-config-customer-updates",
                "cli-config-cancel",
                "cli-config-plan-switching",
            ]
            .map(|id| portal_i18n::message(language, id, None));
            let view = configuration(&sample_configuration(), language);
            let starts: Vec<usize> = view
                .lines()
                .skip(1)
                .zip(&labels)
                .map(|(line, label)| {
                    let rest = line
                        .strip_prefix("  ")
                        .and_then(|l| l.strip_prefix(label.as_str()))
                        .unwrap_or_else(|| panic!("{language}: {line:?} has {label:?}"));
                    2 + columns(label) + rest.len() - rest.trim_start().len()
                })
                .collect();
            assert_eq!(starts.len(), 10, "{language}:\n{view}");
            assert!(
                starts.iter().all(|s| *s == starts[0]),
                "{language}:\n{view}"
            );
        }
    }
}
