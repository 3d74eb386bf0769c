//! CSV export from a real SQLite cache filled by a sync against the sandbox,
//! read back with a CSV reader and checked against the sandbox's truth.

use std::collections::BTreeMap;
use std::time::Duration;

use portal_core::cache::Cache;
use portal_core::export::{ExportKind, write_csv};
use portal_core::sync::{SyncOptions, sync};
use portal_core::{money, query};
use serde_json::Value;
use stripe_sandbox::{KeySpec, Sandbox};

const KEY: &str = "sk_test_51ExportTestsKey0000000export";

async fn synced_cache(dir: &tempfile::TempDir) -> anyhow::Result<(Sandbox, Cache)> {
    let sandbox = crate::support::sandbox(120, vec![KeySpec::full(KEY)]).await;
    let client = crate::support::client(
        sandbox.url(),
        KEY,
        crate::support::unpaced(Duration::from_secs(5), 3),
    );
    let mut cache = Cache::open(&dir.path().join("cache.sqlite3"))?;
    let options = SyncOptions {
        full: true,
        concurrency: 6,
    };
    sync(&client, &mut cache, &options, &mut |_| {}).await?;
    Ok((sandbox, cache))
}

/// A CSV file's header and its rows keyed by their first column.
type Table = (Vec<String>, BTreeMap<String, Vec<String>>);

fn read(path: &std::path::Path) -> anyhow::Result<Table> {
    let bytes = std::fs::read(path)?;
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .ok_or_else(|| anyhow::anyhow!("no byte-order mark"))?;
    let mut reader = csv::Reader::from_reader(body);
    let header = reader.headers()?.iter().map(str::to_owned).collect();
    let mut rows = BTreeMap::new();
    for record in reader.records() {
        let record: Vec<String> = record?.iter().map(str::to_owned).collect();
        rows.insert(record[0].clone(), record);
    }
    Ok((header, rows))
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[tokio::test]
async fn exports_match_the_cache_and_the_sandbox() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (sandbox, cache) = synced_cache(&dir).await?;
    let truth = sandbox.truth();

    // Customers: one row each, with what the detail view shows.
    let path = dir.path().join("customers.csv");
    let written = write_csv(&cache, ExportKind::Customers, &path)?;
    let (header, rows) = read(&path)?;
    let customers = truth["customers"].as_array().expect("customers");
    assert_eq!(written as usize, customers.len());
    assert_eq!(rows.len(), customers.len());
    let mut with_plan = 0;
    for customer in customers {
        let id = customer["id"].as_str().expect("id");
        let row = &rows[id];
        assert_eq!(
            row[column(&header, "Email")],
            customer["email"].as_str().unwrap_or("")
        );
        let info = query::billing_info(&cache, id, 0)?.expect("cached");
        if let Some(sub) = &info.subscription {
            with_plan += 1;
            assert_eq!(row[column(&header, "Plan")], sub.plan, "{id}");
            let currency = sub.subscription.currency.as_deref().expect("currency");
            let amount = sub.amount.map(|a| money::decimal(a, currency));
            assert_eq!(
                row[column(&header, "Amount")],
                amount.unwrap_or_default(),
                "{id}"
            );
            assert_eq!(
                row[column(&header, "Currency")],
                currency.to_ascii_uppercase()
            );
        }
    }
    assert!(with_plan > 10, "only {with_plan} customers with a plan");

    // Invoices: one row each, amounts in the currency's own unit.
    let path = dir.path().join("invoices.csv");
    let written = write_csv(&cache, ExportKind::Invoices, &path)?;
    let (header, rows) = read(&path)?;
    let invoices = truth["invoices"].as_array().expect("invoices");
    assert_eq!(written as usize, invoices.len());
    assert_eq!(rows.len(), invoices.len());
    for invoice in invoices {
        let row = &rows[invoice["id"].as_str().expect("id")];
        let currency = invoice["currency"].as_str().expect("currency");
        let total = invoice["total"].as_i64().expect("total");
        assert_eq!(
            row[column(&header, "Total")],
            money::decimal(total, currency)
        );
        assert_eq!(
            row[column(&header, "Customer ID")],
            str_of(&invoice["customer"])
        );
        assert_eq!(row[column(&header, "Status")], str_of(&invoice["status"]));
        assert_eq!(
            row[column(&header, "Created")],
            money::format_date(invoice["created"].as_i64().expect("created"))
        );
    }

    // Nothing but the two files was left in the folder.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.retain(|n| n.ends_with(".csv") || n.contains("partial"));
    names.sort();
    assert_eq!(names, ["customers.csv", "invoices.csv"]);
    Ok(())
}

#[tokio::test]
async fn an_export_replaces_an_older_file_whole() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (_sandbox, cache) = synced_cache(&dir).await?;
    let path = dir.path().join("customers.csv");
    std::fs::write(
        &path,
        "an older export that is much longer than a header line\n".repeat(10_000),
    )?;
    let written = write_csv(&cache, ExportKind::Customers, &path)?;
    let (_, rows) = read(&path)?;
    assert_eq!(rows.len() as u64, written);
    Ok(())
}

fn str_of(value: &Value) -> &str {
    value.as_str().unwrap_or("")
}
