//! Reading the cache, offline: `customers`, `show`, `export` (CSV and the
//! invoices' PDFs) and `invoice pdf`.

use std::path::{Path, PathBuf};

use portal_core::cache::customers::CustomerQuery;
use portal_core::export::{ExportKind, write_csv};
use portal_core::{ApiBase, ProfileName, Profiles, StripeClient};

use crate::commands::dto::IntoDto;

use super::args::{CustomersArgs, ExportArg, ExportArgs, ShowArgs};
use super::exit::Failure;
use super::key::optional_client;
use super::output::lang;
use super::runtime;

pub(super) fn customers(
    profiles: &Profiles,
    profile: &ProfileName,
    args: CustomersArgs,
) -> Result<(), Failure> {
    let CustomersArgs {
        search,
        status,
        limit,
        json,
    } = args;
    let cache = profiles.open_cache(profile)?;
    let query = CustomerQuery {
        text: search.unwrap_or_default(),
        status,
        limit,
        ..Default::default()
    };
    let indexes = portal_core::cache::customer_index::CustomerIndexes::default();
    let (rows, total) = portal_core::query::customers(&cache, &indexes, &query)?;
    if portal_core::sync::last_synced(&cache)?.is_none() {
        tell!("{}", t!("cli-cache-empty", profile = profile.as_str()));
    }
    if json {
        // The window's row: the same four fields, converted in one place.
        let rows: Vec<portal_ipc::CustomerRow> = rows.into_iter().map(IntoDto::into_dto).collect();
        say!("{}", serde_json::to_string(&rows).expect("rows serialize"));
        return Ok(());
    }
    for c in &rows {
        say!(
            "{:<20}  {:<28}  {:<36}  {}",
            c.id,
            crate::text::clip(c.name.as_deref().unwrap_or("—"), 28),
            crate::text::clip(c.email.as_deref().unwrap_or("—"), 36),
            c.status
        );
    }
    tell!(
        "{}",
        t!("cli-customers-shown", shown = rows.len(), total = total)
    );
    Ok(())
}

pub(super) fn show(
    profiles: &Profiles,
    profile: &ProfileName,
    args: ShowArgs,
) -> Result<(), Failure> {
    let (customer_id, json) = (args.customer_id.trim(), args.json);
    if !customer_id.starts_with("cus_") || !portal_core::sync::objects::is_generated_id(customer_id)
    {
        return Err(Failure::usage(t!(
            "cli-not-a-customer-id",
            id = format!("{:?}", crate::text::clip(customer_id, 40))
        )));
    }
    let cache = profiles.open_cache(profile)?;
    let now = portal_core::sync::unix_now();
    let info = portal_core::query::billing_info(&cache, customer_id, now)?.ok_or_else(|| {
        Failure::other(t!(
            "cli-customer-not-cached",
            id = customer_id,
            profile = profile.as_str()
        ))
    })?;
    if json {
        say!(
            "{}",
            serde_json::to_string(&info).expect("billing info serializes")
        );
    } else {
        say_part!("{}", crate::text::billing_info(&info, now, lang()));
    }
    Ok(())
}

/// `export`: the CSV, then the PDFs if `--pdf` asks for them.
pub(super) fn export(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    args: ExportArgs,
) -> Result<(), Failure> {
    let ExportArgs { what, out, pdf } = args;
    let kind = match what {
        ExportArg::Customers => ExportKind::Customers,
        ExportArg::Invoices => ExportKind::Invoices,
    };
    let path = out.unwrap_or_else(|| {
        kind.file_name(profile.as_str(), portal_core::sync::unix_now())
            .into()
    });
    let cache = profiles.open_cache(profile)?;
    let rows = write_csv(&cache, kind, &path)?;
    say!(
        "{}",
        t!(
            "cli-export-wrote",
            count = rows,
            kind = kind.as_str(),
            path = path.display().to_string()
        )
    );
    match (pdf, what) {
        (None, _) => Ok(()),
        (Some(dir), ExportArg::Invoices) => export_pdfs(profiles, profile, api_base, &dir),
        (Some(_), ExportArg::Customers) => Err(Failure::usage(t!("cli-export-pdf-needs-invoices"))),
    }
}

/// Saves every cached invoice's PDF in `dir` for an accountant: those already
/// there are skipped, and those that could not be had are listed.
fn export_pdfs(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    dir: &Path,
) -> Result<(), Failure> {
    let mut cache = profiles.open_cache(profile)?;
    let client = optional_client(profiles, profile, api_base);
    let report = runtime()?.block_on(portal_core::export_pdfs(
        &mut cache,
        &profiles.invoice_files(profile),
        dir,
        api_base,
        client.as_ref().map(StripeClient::transport),
    ))?;
    say!(
        "{}",
        t!(
            "cli-pdfs-saved",
            saved = report.saved,
            dir = dir.display().to_string(),
            skipped = report.skipped
        )
    );
    if report.failed.is_empty() {
        return Ok(());
    }
    for (id, why) in &report.failed {
        tell!("{id}: {why}");
    }
    Err(Failure::other(t!(
        "cli-pdfs-failed",
        failed = report.failed.len()
    )))
}

pub(super) fn invoice_pdf(
    profiles: &Profiles,
    profile: &ProfileName,
    api_base: Option<&ApiBase>,
    invoice_id: &str,
    out: Option<PathBuf>,
) -> Result<(), Failure> {
    let mut cache = profiles.open_cache(profile)?;
    let files = profiles.invoice_files(profile);
    let client = if files.is_saved(invoice_id.trim()) {
        None
    } else {
        optional_client(profiles, profile, api_base)
    };
    let target = runtime()?.block_on(portal_core::invoice_document(
        &mut cache,
        &files,
        invoice_id,
        portal_core::InvoiceDocument::Pdf,
        api_base,
        client.as_ref().map(StripeClient::transport),
    ))?;
    let portal_core::DocumentTarget::File(saved) = target else {
        unreachable!("a PDF is a file");
    };
    match out {
        Some(out) => {
            std::fs::copy(&saved, &out).map_err(|e| {
                Failure::other(t!(
                    "cli-pdf-unwritable",
                    path = out.display().to_string(),
                    error = e.to_string()
                ))
            })?;
            say!("{}", out.display());
        }
        None => say!("{}", saved.display()),
    }
    Ok(())
}
