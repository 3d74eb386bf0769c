//! Invoice PDFs as Stripe serves them: a link on Stripe's host that redirects
//! to a file host elsewhere, and that expires. Against the sandbox over real
//! HTTP, into a real SQLite file and a real folder.

use std::time::Duration;

use portal_core::cache::{Cache, invoices};
use portal_core::sync::{SyncOptions, sync};
use portal_core::{
    ApiBase, DocumentError, DocumentTarget, Error, InvoiceDocument, InvoiceFiles, StripeClient,
    TransportOptions, invoice_document,
};
use serde_json::json;
use stripe_sandbox::{KeySpec, Sandbox};

const KEY: &str = "sk_test_51DocumentTestsKey0000000pdfs";

async fn synced(
    customers: usize,
) -> anyhow::Result<(Sandbox, StripeClient, Cache, tempfile::TempDir)> {
    let sandbox = crate::support::sandbox(customers, vec![KeySpec::full(KEY)]).await;
    let client = crate::support::client(
        sandbox.url(),
        KEY,
        TransportOptions {
            requests_per_second: 1000.0,
            per_operation: 1000.0,
            timeout: Duration::from_secs(5),
            ..TransportOptions::for_mode(portal_core::Mode::Test)
        },
    );
    let dir = tempfile::tempdir()?;
    let mut cache = Cache::open(&dir.path().join("cache.sqlite3"))?;
    let options = SyncOptions {
        full: true,
        concurrency: 4,
    };
    sync(&client, &mut cache, &options, &mut |_| {}).await?;
    Ok((sandbox, client, cache, dir))
}

fn first_invoice(cache: &Cache) -> String {
    cache
        .conn()
        .query_row(
            "SELECT id FROM invoices WHERE invoice_pdf IS NOT NULL ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an invoice with a PDF")
}

fn saved(target: DocumentTarget) -> std::path::PathBuf {
    match target {
        DocumentTarget::File(path) => path,
        DocumentTarget::Link(link) => panic!("a PDF is a file, not {link}"),
    }
}

/// Invoice `id`'s PDF as the window opens it; `stripe` renews an expired link.
async fn open_pdf(
    cache: &mut Cache,
    files: &InvoiceFiles,
    id: &str,
    base: &ApiBase,
    stripe: Option<&StripeClient>,
) -> Result<DocumentTarget, Error> {
    invoice_document(
        cache,
        files,
        id,
        InvoiceDocument::Pdf,
        Some(base),
        stripe.map(StripeClient::transport),
    )
    .await
}

#[tokio::test]
async fn a_pdf_behind_a_redirect_to_another_host_downloads_then_opens_offline() -> anyhow::Result<()>
{
    let (sandbox, client, mut cache, dir) = synced(5).await?;
    let base = ApiBase::parse(sandbox.url())?;
    let files = InvoiceFiles::new(dir.path().join("invoices"));
    let id = first_invoice(&cache);
    let link = invoices::get(cache.conn(), &id)?
        .and_then(|i| i.invoice_pdf)
        .expect("a link");
    assert!(
        link.starts_with(sandbox.url()),
        "Stripe's own host first: {link}"
    );

    let path = saved(open_pdf(&mut cache, &files, &id, &base, Some(&client)).await?);
    assert!(std::fs::read(&path)?.starts_with(b"%PDF"));

    // Offline: the saved copy opens, with no request at all.
    sandbox.stop();
    let again = saved(open_pdf(&mut cache, &files, &id, &base, None).await?);
    assert_eq!(again, path);
    Ok(())
}

#[tokio::test]
async fn an_expired_link_is_renewed_once_from_the_invoice() -> anyhow::Result<()> {
    let (sandbox, client, mut cache, dir) = synced(5).await?;
    let base = ApiBase::parse(sandbox.url())?;
    let files = InvoiceFiles::new(dir.path().join("invoices"));
    let id = first_invoice(&cache);
    let cached_link = |cache: &Cache| {
        invoices::get(cache.conn(), &id)
            .expect("read")
            .and_then(|i| i.invoice_pdf)
            .expect("a link")
    };
    let old = cached_link(&cache);
    sandbox
        .control("pdf_links/expire", json!({}))
        .map_err(anyhow::Error::msg)?;

    // Without Stripe at hand, the expiry is said plainly and nothing is saved.
    let refused = open_pdf(&mut cache, &files, &id, &base, None).await;
    assert!(
        matches!(refused, Err(Error::Document(DocumentError::Expired(_)))),
        "{refused:?}"
    );
    assert!(!files.is_saved(&id));

    let path = saved(open_pdf(&mut cache, &files, &id, &base, Some(&client)).await?);
    assert!(std::fs::read(&path)?.starts_with(b"%PDF"));
    assert_ne!(cached_link(&cache), old, "the fresh link is cached");
    let retrieves = sandbox.counters()["routes"]["GET /v1/invoices/{id}"].as_u64();
    assert_eq!(retrieves, Some(1), "one retrieve for the fresh link");
    Ok(())
}
