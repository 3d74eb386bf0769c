//! Invoice PDFs saved on this computer, so a customer's history opens offline.
//!
//! A PDF is fetched from Stripe's link once and kept under the data folder
//! (`invoices-PROFILE/in_….pdf`). It is written to a temporary file and renamed,
//! so a crash never leaves half a PDF where a whole one is expected.

use std::path::{Path, PathBuf};
use std::time::Duration;

use http_body_util::{BodyExt, Empty, Limited};
use hyper_util::client::legacy::Client as HyperClient;
use hyper_util::rt::TokioExecutor;

use crate::Error;
use crate::api_base::ApiBase;
use crate::cache::{Cache, invoices};
use crate::links;
use crate::sync::objects::is_generated_id;
use crate::sync::resources::Resource;
use crate::transport::Transport;

/// Larger answers are refused: Stripe's invoice PDFs are a few hundred KB.
const MAX_PDF_BYTES: usize = 25 * 1024 * 1024;
/// Redirects followed (Stripe's PDF link redirects to its file host).
const MAX_REDIRECTS: usize = 5;
const TIMEOUT: Duration = Duration::from_secs(30);

/// Why a PDF could not be had.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// Not a Stripe link (or the sandbox's): never fetched.
    #[error("Portal Desk only downloads invoices from Stripe; this link points elsewhere.")]
    Untrusted,
    /// No network, or Stripe did not answer.
    #[error(
        "Couldn't download the invoice PDF ({0}). It hasn't been saved on this computer yet, so it needs the network once."
    )]
    Unreachable(String),
    /// The link no longer works (Stripe's PDF links expire) and no fresh one could be had.
    #[error(
        "The invoice's PDF link has expired and Stripe couldn't be asked for a new one ({0}). Sync, then try again."
    )]
    Expired(String),
    /// A redirect pointed somewhere no download may go.
    #[error("The invoice PDF's download was sent to an address that {0}, so it was stopped.")]
    BadRedirect(links::LinkProblem),
    /// Stripe answered with something other than a PDF.
    #[error("Stripe didn't return a PDF for this invoice ({0}).")]
    NotPdf(String),
    /// The invoice is not in the cache.
    #[error("Invoice {0} is not in the cache; sync and try again.")]
    NotCached(String),
    /// Stripe keeps no such document for the invoice (a draft, say).
    #[error("Stripe has no {0} for this invoice.")]
    Missing(&'static str),
    /// The system could not open it.
    #[error("Couldn't open the {what}: {reason}")]
    CouldNotOpen {
        /// "invoice PDF" or "invoice page".
        what: &'static str,
        /// What the system said.
        reason: String,
    },
    /// The file could not be written.
    #[error("Couldn't save the invoice PDF in {path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// What of an invoice to open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvoiceDocument {
    /// The PDF, saved on this computer the first time.
    Pdf,
    /// Stripe's hosted invoice page (needs the network).
    HostedPage,
}

/// Where an invoice document is: a saved file, or a page to open in the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentTarget {
    /// The saved PDF.
    File(PathBuf),
    /// Stripe's hosted page.
    Link(String),
}

/// Finds invoice `id`'s document: the PDF is saved first if it isn't yet.
/// When the cached PDF link has expired, `stripe` (if given) is asked once for
/// the invoice again, and its fresh link is cached and followed.
pub async fn invoice_document(
    cache: &mut Cache,
    files: &InvoiceFiles,
    id: &str,
    document: InvoiceDocument,
    api_base: Option<&ApiBase>,
    stripe: Option<&Transport>,
) -> Result<DocumentTarget, Error> {
    let id = id.trim();
    let invoice = cache
        .read(|conn| invoices::get(conn, id))?
        .ok_or_else(|| DocumentError::NotCached(id.chars().take(80).collect()))?;
    Ok(match document {
        InvoiceDocument::Pdf => {
            let url = invoice.invoice_pdf.ok_or(DocumentError::Missing("PDF"))?;
            match (files.ensure(&invoice.id, &url, api_base).await, stripe) {
                (Err(DocumentError::Expired(_)), Some(stripe)) => {
                    let fresh = fresh_pdf_link(cache, stripe, &invoice.id).await?;
                    DocumentTarget::File(files.ensure(&invoice.id, &fresh, api_base).await?)
                }
                (saved, _) => DocumentTarget::File(saved?),
            }
        }
        InvoiceDocument::HostedPage => {
            let url = invoice
                .hosted_invoice_url
                .ok_or(DocumentError::Missing("hosted page"))?;
            let link = links::check(&url, api_base).map_err(|_| DocumentError::Untrusted)?;
            DocumentTarget::Link(link.into_string())
        }
    })
}

/// What [`export_pdfs`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PdfExport {
    /// PDFs copied into the folder.
    pub saved: usize,
    /// PDFs already there.
    pub skipped: usize,
    /// Invoices whose PDF could not be had, each with why.
    pub failed: Vec<(String, String)>,
}

/// Saves every cached invoice's PDF in `dir` (for an accountant): those
/// already there are skipped, each one is fetched as [`invoice_document`]
/// does, and one that fails is reported without stopping the rest.
pub async fn export_pdfs(
    cache: &mut Cache,
    files: &InvoiceFiles,
    dir: &Path,
    api_base: Option<&ApiBase>,
    stripe: Option<&Transport>,
) -> Result<PdfExport, Error> {
    let ids = cache.read(invoices::ids_with_pdf)?;
    std::fs::create_dir_all(dir).map_err(|source| DocumentError::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut report = PdfExport::default();
    for id in ids {
        let target = dir.join(format!("{id}.pdf"));
        if target.is_file() {
            report.skipped += 1;
            continue;
        }
        let copied =
            match invoice_document(cache, files, &id, InvoiceDocument::Pdf, api_base, stripe).await
            {
                Ok(DocumentTarget::File(path)) => {
                    std::fs::copy(&path, &target).map_err(|e| e.to_string())
                }
                Ok(DocumentTarget::Link(_)) => Err("no PDF".to_owned()),
                Err(e) => Err(e.to_string()),
            };
        match copied {
            Ok(_) => report.saved += 1,
            Err(why) => report.failed.push((id, why)),
        }
    }
    Ok(report)
}

/// Retrieves invoice `id` again for a fresh `invoice_pdf`, and caches it.
async fn fresh_pdf_link(
    cache: &mut Cache,
    stripe: &Transport,
    id: &str,
) -> Result<String, DocumentError> {
    let expired = |reason: String| DocumentError::Expired(reason);
    let body = stripe
        .send(Resource::Invoices.retrieve(id), None)
        .await
        .map_err(|failure| expired(failure.to_string()))?;
    let object: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|_| expired("Stripe's answer was not JSON".into()))?;
    let link = object["invoice_pdf"]
        .as_str()
        .ok_or(DocumentError::Missing("PDF"))?
        .to_owned();
    // The fresh link is kept, so the next download starts from it.
    cache
        .write(|tx| Resource::Invoices.store(tx, &object, 0))
        .map_err(|e| expired(e.to_string()))?;
    Ok(link)
}

/// The saved PDFs of one profile.
#[derive(Debug, Clone)]
pub struct InvoiceFiles {
    dir: PathBuf,
}

impl InvoiceFiles {
    /// The PDFs kept in `dir`.
    pub fn new(dir: PathBuf) -> InvoiceFiles {
        InvoiceFiles { dir }
    }

    /// Where invoice `id`'s PDF is (or would be) kept; `None` for a malformed id.
    pub fn path(&self, id: &str) -> Option<PathBuf> {
        (id.starts_with("in_") && is_generated_id(id)).then(|| self.dir.join(format!("{id}.pdf")))
    }

    /// Whether invoice `id`'s PDF is saved.
    pub fn is_saved(&self, id: &str) -> bool {
        self.path(id).is_some_and(|p| p.is_file())
    }

    /// The saved PDF of invoice `id`, downloading it from `url` first if needed.
    pub async fn ensure(
        &self,
        id: &str,
        url: &str,
        api_base: Option<&ApiBase>,
    ) -> Result<PathBuf, DocumentError> {
        let path = self.path(id).ok_or(DocumentError::Untrusted)?;
        if path.is_file() {
            return Ok(path);
        }
        let bytes = download(url, api_base).await?;
        if !bytes.starts_with(b"%PDF") {
            return Err(DocumentError::NotPdf("the file is not a PDF".into()));
        }
        write_atomically(&path, &bytes)?;
        Ok(path)
    }
}

async fn download(url: &str, api_base: Option<&ApiBase>) -> Result<Vec<u8>, DocumentError> {
    let connector = hyper_rustls::HttpsConnectorBuilder::new()
        .with_webpki_roots()
        .https_or_http()
        .enable_http1()
        .build();
    let client = HyperClient::builder(TokioExecutor::new()).build(connector);
    let mut url = url.to_owned();
    for hop in 0..=MAX_REDIRECTS {
        // The first URL must be Stripe's; its redirects may go to any https
        // host (a real one lands on Amazon S3), checked by the same rule as
        // every link Stripe hands us.
        let link = if hop == 0 {
            links::on_stripe_host(&url, api_base).map_err(|_| DocumentError::Untrusted)?
        } else {
            links::check(&url, api_base).map_err(DocumentError::BadRedirect)?
        };
        let uri: hyper::Uri = link
            .as_str()
            .parse()
            .map_err(|_| DocumentError::Untrusted)?;
        let request = hyper::Request::get(uri)
            .header(hyper::header::USER_AGENT, "PortalDesk")
            .body(Empty::<bytes::Bytes>::new())
            .map_err(|e| DocumentError::Unreachable(e.to_string()))?;
        let response = tokio::time::timeout(TIMEOUT, client.request(request))
            .await
            .map_err(|_| DocumentError::Unreachable("no answer in 30 seconds".into()))?
            .map_err(|e| DocumentError::Unreachable(describe(&e)))?;
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(hyper::header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .ok_or_else(|| {
                    DocumentError::NotPdf(format!("HTTP {status} without a location"))
                })?;
            url = link.join(location).ok_or_else(|| {
                DocumentError::NotPdf(format!("HTTP {status} with a bad location"))
            })?;
            continue;
        }
        if matches!(status.as_u16(), 403 | 404 | 410) {
            return Err(DocumentError::Expired(format!("HTTP {}", status.as_u16())));
        }
        if !status.is_success() {
            return Err(DocumentError::NotPdf(format!("HTTP {}", status.as_u16())));
        }
        let body = Limited::new(response.into_body(), MAX_PDF_BYTES);
        let bytes = tokio::time::timeout(TIMEOUT, body.collect())
            .await
            .map_err(|_| DocumentError::Unreachable("the download stalled".into()))?
            .map_err(|e| DocumentError::Unreachable(e.to_string()))?
            .to_bytes();
        return Ok(bytes.to_vec());
    }
    Err(DocumentError::NotPdf("too many redirects".into()))
}

fn describe(error: &hyper_util::client::legacy::Error) -> String {
    if error.is_connect() {
        "no connection".into()
    } else {
        error.to_string()
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), DocumentError> {
    let io = |source| DocumentError::Io {
        path: path.to_owned(),
        source,
    };
    let dir = path.parent().expect("a PDF path has a folder");
    crate::private_files::create_dir_all(dir).map_err(io)?;
    let partial = path.with_extension("pdf.partial");
    let mut file = crate::private_files::create_file(&partial).map_err(io)?;
    std::io::Write::write_all(&mut file, bytes).map_err(io)?;
    drop(file);
    std::fs::rename(&partial, path).map_err(io)
}

#[cfg(test)]
mod tests;
