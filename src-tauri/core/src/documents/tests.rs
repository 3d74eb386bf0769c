use super::*;

#[test]
fn only_invoice_ids_name_files() {
    let files = InvoiceFiles::new(PathBuf::from("/tmp/x"));
    assert_eq!(
        files.path("in_123"),
        Some(PathBuf::from("/tmp/x/in_123.pdf"))
    );
    assert_eq!(files.path("../etc/passwd"), None);
    assert_eq!(files.path("in_../../x"), None);
    assert_eq!(files.path("cus_123"), None);
}

#[test]
fn redirects_resolve_against_the_page_that_sent_them() {
    let link = links::check("https://pay.stripe.com/invoice/x/pdf", None).expect("https");
    assert_eq!(
        link.join("/files/y").as_deref(),
        Some("https://pay.stripe.com/files/y")
    );
    assert_eq!(
        link.join("y").as_deref(),
        Some("https://pay.stripe.com/invoice/x/y")
    );
    assert_eq!(
        link.join("https://files.stripe.com/b").as_deref(),
        Some("https://files.stripe.com/b")
    );
    assert_eq!(
        link.join("//evil.example/b").as_deref(),
        Some("https://evil.example/b"),
        "the next hop is checked again, so a scheme-relative one is parsed as browsers do"
    );
}

#[tokio::test]
async fn links_outside_stripe_are_never_fetched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = InvoiceFiles::new(dir.path().to_owned());
    let result = files
        .ensure("in_1", "https://evil.example/in_1.pdf", None)
        .await;
    assert!(
        matches!(result, Err(DocumentError::Untrusted)),
        "{result:?}"
    );
    assert!(!files.is_saved("in_1"));
}

/// A file host that answers each path as scripted, one request per connection.
async fn scripted_host(routes: Vec<(&'static str, String)>) -> ApiBase {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let base = format!("http://{}", listener.local_addr().expect("bound"));
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let mut head = vec![0u8; 4096];
            let read = stream.read(&mut head).await.unwrap_or(0);
            let text = String::from_utf8_lossy(&head[..read]).into_owned();
            let path = text.split(' ').nth(1).unwrap_or("/").to_owned();
            let answer = routes.iter().find(|(route, _)| *route == path).map_or(
                "HTTP/1.1 500 No\r\nContent-Length: 0\r\n\r\n".to_owned(),
                |r| r.1.clone(),
            );
            let _ = stream.write_all(answer.as_bytes()).await;
        }
    });
    ApiBase::parse(&base).expect("loopback")
}

fn redirect(to: &str) -> String {
    format!(
        "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
}

#[tokio::test]
async fn odd_answers_behind_a_pdf_link_are_refused_and_nothing_is_saved() {
    let base = scripted_host(vec![
        ("/loop", redirect("/loop")),
        ("/insecure", redirect("http://files.example/in_1.pdf")),
        ("/userinfo", redirect("https://stripe.com@files.example/in_1.pdf")),
        ("/html", redirect("/page")),
        (
            "/page",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\nConnection: close\r\n\r\n<html>".into(),
        ),
        (
            "/gone",
            "HTTP/1.1 410 Gone\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into(),
        ),
    ])
    .await;
    let dir = tempfile::tempdir().expect("temp dir");
    let files = InvoiceFiles::new(dir.path().to_owned());
    let fetch = |path: &str| {
        let url = format!("{}{path}", base.url());
        let files = files.clone();
        let base = base.clone();
        async move { files.ensure("in_1", &url, Some(&base)).await }
    };
    let loop_ = fetch("/loop").await;
    assert!(
        matches!(&loop_, Err(DocumentError::NotPdf(m)) if m.contains("too many redirects")),
        "{loop_:?}"
    );
    let insecure = fetch("/insecure").await;
    assert!(
        matches!(
            insecure,
            Err(DocumentError::BadRedirect(links::LinkProblem::NotHttps))
        ),
        "{insecure:?}"
    );
    let userinfo = fetch("/userinfo").await;
    assert!(
        matches!(
            userinfo,
            Err(DocumentError::BadRedirect(links::LinkProblem::UserInfo))
        ),
        "{userinfo:?}"
    );
    let html = fetch("/html").await;
    assert!(matches!(html, Err(DocumentError::NotPdf(_))), "{html:?}");
    let gone = fetch("/gone").await;
    assert!(matches!(gone, Err(DocumentError::Expired(_))), "{gone:?}");
    assert!(!files.is_saved("in_1"));
}

#[cfg(unix)]
#[test]
fn saved_pdfs_and_their_folder_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("invoices-default");
    let pdf = folder.join("in_1.pdf");
    write_atomically(&pdf, b"%PDF-1.4").expect("saved");
    let mode = |p: &Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    assert_eq!((mode(&folder), mode(&pdf)), (0o700, 0o600));
}

#[tokio::test]
async fn a_hosted_invoice_page_is_checked_before_it_is_opened() {
    let mut cache = Cache::in_memory().expect("cache");
    let dir = tempfile::tempdir().expect("temp dir");
    let files = InvoiceFiles::new(dir.path().to_owned());
    let invoice = |id: &str, page: &str| invoices::Invoice {
        id: id.into(),
        customer_id: None,
        subscription_id: None,
        number: None,
        status: Some("open".into()),
        currency: "usd".into(),
        total: 100,
        amount_due: 100,
        amount_paid: 0,
        amount_remaining: 100,
        period_start: None,
        period_end: None,
        created: 1,
        due_date: None,
        next_payment_attempt: None,
        hosted_invoice_url: Some(page.into()),
        invoice_pdf: None,
    };
    for (id, page) in [
        ("in_1", "javascript:alert(1)"),
        ("in_2", "https://invoice.stripe.com@evil.example/i/x"),
        ("in_3", "https://evil.example\\.stripe.com/i/x"),
    ] {
        invoices::upsert(cache.conn(), &invoice(id, page), 1).expect("stored");
        let opened = invoice_document(
            &mut cache,
            &files,
            id,
            InvoiceDocument::HostedPage,
            None,
            None,
        )
        .await;
        assert!(
            matches!(opened, Err(Error::Document(DocumentError::Untrusted))),
            "{page}: {opened:?}"
        );
    }
    let page = "https://invoice.stripe.com/i/acct_1/test_x";
    invoices::upsert(cache.conn(), &invoice("in_4", page), 1).expect("stored");
    let opened = invoice_document(
        &mut cache,
        &files,
        "in_4",
        InvoiceDocument::HostedPage,
        None,
        None,
    )
    .await
    .expect("a Stripe page");
    assert_eq!(opened, DocumentTarget::Link(page.into()));
}
