//! CSV export of the cached customers and invoices, for a spreadsheet.
//!
//! The file is written beside its destination and renamed into place, so a
//! failed or interrupted export never leaves half a file under the chosen
//! name. Amounts are decimals in the currency's own unit (`19.99`, `7300` for
//! JPY) with the currency in its own column, dates are `YYYY-MM-DD` in UTC, and
//! text a spreadsheet would run as a formula is quoted with a leading `'`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cache::customers::{self, CustomerStanding};
use crate::cache::invoices::{self, InvoiceExport};
use crate::cache::payment_methods::{self, PaymentMethod};
use crate::cache::{Cache, CacheError};
use crate::money;
use crate::query::{SubscriptionView, subscription_of};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// One row per customer, with their plan and default card.
    Customers,
    /// One row per invoice, with its customer's name and email.
    Invoices,
}

impl ExportKind {
    /// `customers` or `invoices`.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportKind::Customers => "customers",
            ExportKind::Invoices => "invoices",
        }
    }

    /// The file name offered in the save dialog, e.g.
    /// `portal-desk-customers-2026-11-24.csv` (the profile is named unless it
    /// is `default`).
    pub fn file_name(self, profile: &str, now: i64) -> String {
        let profile = if profile == crate::ProfileName::DEFAULT {
            String::new()
        } else {
            format!("{profile}-")
        };
        format!(
            "portal-desk-{profile}{}-{}.csv",
            self.as_str(),
            money::format_date(now)
        )
    }
}

/// The export failed; nothing was written under the chosen name.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The cache could not be read.
    #[error(transparent)]
    Cache(#[from] CacheError),
    /// The file could not be written.
    #[error("could not write {}: {source}", path.display())]
    Io {
        /// The file chosen.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
}

/// Writes every cached row of `kind` to `path` as CSV; returns how many rows
/// were written (the header not counted).
pub fn write_csv(cache: &Cache, kind: ExportKind, path: &Path) -> Result<u64, ExportError> {
    let partial = partial_path(path);
    let result = write_rows(cache, kind, &partial).and_then(|rows| {
        std::fs::rename(&partial, path)
            .map(|()| rows)
            .map_err(Failure::Write)
    });
    result.map_err(|failure| {
        let _ = std::fs::remove_file(&partial);
        match failure {
            Failure::Sql(source) => ExportError::Cache(cache.error(source)),
            // Report the name the user chose, not the temporary one.
            Failure::Write(source) => ExportError::Io {
                path: path.to_owned(),
                source,
            },
        }
    })
}

/// `.NAME.partial` beside `path`.
fn partial_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export.csv".to_owned());
    path.with_file_name(format!(".{name}.partial"))
}

enum Failure {
    Sql(rusqlite::Error),
    Write(std::io::Error),
}

impl From<rusqlite::Error> for Failure {
    fn from(source: rusqlite::Error) -> Failure {
        Failure::Sql(source)
    }
}

fn write_rows(cache: &Cache, kind: ExportKind, partial: &Path) -> Result<u64, Failure> {
    // Customers' names and emails: the export is this user's only (0600).
    let file = crate::private_files::create_file(partial).map_err(Failure::Write)?;
    let mut out = std::io::BufWriter::new(file);
    // A byte-order mark, so Excel reads the file as UTF-8 (accents, non-Latin names).
    out.write_all("\u{feff}".as_bytes())
        .map_err(Failure::Write)?;
    let mut csv = csv::Writer::from_writer(out);
    let mut rows = 0u64;
    let mut put = |record: Vec<String>| -> Result<(), Failure> {
        rows += 1;
        csv.write_record(&record)
            .map_err(|e| Failure::Write(e.into()))
    };
    match kind {
        ExportKind::Customers => {
            put(strings(&CUSTOMER_HEADER))?;
            let conn = cache.conn();
            customers::for_each(conn, |standing| {
                let subscription = subscription_of(conn, standing.current_subscription.clone())?;
                // The card charged: the customer's default, else the subscription's.
                let card = match standing
                    .customer
                    .default_payment_method
                    .clone()
                    .or_else(|| {
                        subscription
                            .as_ref()
                            .and_then(|s| s.subscription.default_payment_method.clone())
                    }) {
                    Some(id) => payment_methods::get(conn, &id)?,
                    None => None,
                };
                put(customer_record(
                    &standing,
                    subscription.as_ref(),
                    card.as_ref(),
                ))
            })?;
        }
        ExportKind::Invoices => {
            put(strings(&INVOICE_HEADER))?;
            invoices::for_each(cache.conn(), |row| put(invoice_record(row)))?;
        }
    }
    let out = csv
        .into_inner()
        .map_err(|e| Failure::Write(e.into_error()))?;
    let file = out
        .into_inner()
        .map_err(|e| Failure::Write(e.into_error()))?;
    file.sync_all().map_err(Failure::Write)?;
    Ok(rows - 1)
}

const CUSTOMER_HEADER: [&str; 17] = [
    "Customer ID",
    "Name",
    "Email",
    "Phone",
    "Status",
    "Plan",
    "Amount",
    "Currency",
    "Billing interval",
    "Next renewal",
    "Cancels on",
    "Default card",
    "Card expires",
    "Balance",
    "Address",
    "Created",
    "Description",
];

fn customer_record(
    standing: &CustomerStanding,
    subscription: Option<&SubscriptionView>,
    card: Option<&PaymentMethod>,
) -> Vec<String> {
    let customer = &standing.customer;
    let plan_currency = subscription.and_then(|s| s.subscription.currency.as_deref());
    let amount = subscription
        .and_then(|s| s.amount.zip(plan_currency))
        .map(|(minor, currency)| money::decimal(minor, currency));
    let interval = subscription.and_then(|s| {
        s.interval.as_deref().map(|unit| match s.interval_count {
            Some(n) if n > 1 => format!("every {n} {unit}s"),
            _ => unit.to_owned(),
        })
    });
    let card_label = card.and_then(|c| {
        c.last4
            .as_deref()
            .map(|last4| format!("{} {last4}", c.brand.as_deref().unwrap_or(&c.kind)))
    });
    let expires = card
        .and_then(|c| c.exp_month.zip(c.exp_year))
        .map(|(month, year)| format!("{year:04}-{month:02}"));
    let currency = plan_currency.or(customer.currency.as_deref());
    let balance = customer
        .currency
        .as_deref()
        .map(|c| money::decimal(customer.balance, c));
    // A subscription set to cancel has no renewal; the date it ends instead.
    let cancels_on = subscription
        .map(|s| &s.subscription)
        .filter(|s| s.cancel_at_period_end && s.status != "canceled")
        .and_then(|s| s.cancel_at.or(s.current_period_end));
    vec![
        customer.id.clone(),
        text(customer.name.as_deref()),
        text(customer.email.as_deref()),
        text(customer.phone.as_deref()),
        standing.status.clone(),
        text(subscription.map(|s| s.plan.as_str())),
        amount.unwrap_or_default(),
        currency.map(str::to_ascii_uppercase).unwrap_or_default(),
        interval.unwrap_or_default(),
        date(standing.next_renewal),
        date(cancels_on),
        card_label.unwrap_or_default(),
        expires.unwrap_or_default(),
        balance.unwrap_or_default(),
        text(
            customer
                .address
                .as_ref()
                .map(|a| a.lines().join(", "))
                .as_deref(),
        ),
        date(Some(customer.created)),
        text(customer.description.as_deref()),
    ]
}

const INVOICE_HEADER: [&str; 16] = [
    "Invoice ID",
    "Number",
    "Customer ID",
    "Customer name",
    "Customer email",
    "Status",
    "Currency",
    "Total",
    "Amount due",
    "Amount paid",
    "Amount remaining",
    "Created",
    "Due",
    "Period",
    "Invoice page",
    "PDF",
];

fn invoice_record(row: InvoiceExport) -> Vec<String> {
    let invoice = &row.invoice;
    let amount = |minor| money::decimal(minor, &invoice.currency);
    let period = match (invoice.period_start, invoice.period_end) {
        (Some(start), Some(end)) => format!("{} to {}", date(Some(start)), date(Some(end))),
        _ => String::new(),
    };
    vec![
        invoice.id.clone(),
        text(invoice.number.as_deref()),
        invoice.customer_id.clone().unwrap_or_default(),
        text(row.customer_name.as_deref()),
        text(row.customer_email.as_deref()),
        invoice.status.clone().unwrap_or_default(),
        invoice.currency.to_ascii_uppercase(),
        amount(invoice.total),
        amount(invoice.amount_due),
        amount(invoice.amount_paid),
        amount(invoice.amount_remaining),
        date(Some(invoice.created)),
        date(invoice.due_date),
        period,
        text(invoice.hosted_invoice_url.as_deref()),
        text(invoice.invoice_pdf.as_deref()),
    ]
}

fn strings(header: &[&str]) -> Vec<String> {
    header.iter().map(|h| (*h).to_owned()).collect()
}

fn date(unix: Option<i64>) -> String {
    unix.map(money::format_date).unwrap_or_default()
}

/// Free text as a cell. Text starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would run as a formula in a spreadsheet, so it gets a
/// leading `'`, unless it is only digits and phone punctuation (`+1 (555)
/// 010-0100`), which can't call anything.
pub fn text(value: Option<&str>) -> String {
    let Some(value) = value else {
        return String::new();
    };
    let starts_like_formula = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let phone_like = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if starts_like_formula && !phone_like {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_quoted_and_phone_numbers_are_not() {
        assert_eq!(text(Some("=HYPERLINK(\"x\")")), "'=HYPERLINK(\"x\")");
        assert_eq!(
            text(Some("-2+3+cmd|' /C calc'!A0")),
            "'-2+3+cmd|' /C calc'!A0"
        );
        assert_eq!(text(Some("@SUM(A1)")), "'@SUM(A1)");
        assert_eq!(text(Some("\t=1")), "'\t=1");
        assert_eq!(text(Some("+1 (555) 010-0100")), "+1 (555) 010-0100");
        assert_eq!(text(Some("Jo = Ann")), "Jo = Ann");
        assert_eq!(text(None), "");
    }

    #[test]
    fn file_names_carry_the_profile_and_the_date() {
        let day = 1_795_392_000; // 2026-11-23
        assert_eq!(
            ExportKind::Customers.file_name("default", day),
            "portal-desk-customers-2026-11-23.csv"
        );
        assert_eq!(
            ExportKind::Invoices.file_name("shop", day),
            "portal-desk-shop-invoices-2026-11-23.csv"
        );
    }

    #[test]
    fn an_unwritable_destination_leaves_nothing_behind() {
        let cache = Cache::in_memory().expect("cache");
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("missing-folder").join("out.csv");
        let error = write_csv(&cache, ExportKind::Customers, &path).expect_err("no folder");
        assert!(
            matches!(&error, ExportError::Io { path: p, .. } if *p == path),
            "{error:?}"
        );
        assert!(error.to_string().contains("out.csv"), "{error}");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn an_export_is_readable_by_this_user_only() {
        use std::os::unix::fs::PermissionsExt;
        let cache = Cache::in_memory().expect("cache");
        let dir = tempfile::tempdir().expect("dir");
        for kind in [ExportKind::Customers, ExportKind::Invoices] {
            let path = dir.path().join(kind.file_name("default", 0));
            write_csv(&cache, kind, &path).expect("written");
            let mode = std::fs::metadata(&path).expect("file").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", path.display());
        }
    }
}
