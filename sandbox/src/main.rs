//! `stripe-sandbox [--port P] [--customers N] [--seed S] [--key K]... [--latency-ms L]
//! [--rate-limit R] [--endpoint-rate-limit R] [--max-in-flight N]`

use std::time::Duration;

use clap::Parser;
use stripe_sandbox::{Config, DEFAULT_KEY, DatasetConfig, KeySpec, Sandbox};

// Generating a large account is allocation-bound; mimalloc halves the start time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A local, stateful Stripe for tests, demos and benchmarks. Binds 127.0.0.1 only.
#[derive(Debug, Parser)]
#[command(name = "stripe-sandbox", version)]
struct Args {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Customers in the generated account.
    #[arg(long, default_value_t = 200)]
    customers: usize,
    /// Seed of the generated account.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// An accepted API key; repeat for several. `rk_test_x=customer_read,invoice_read`
    /// makes a restricted key with those permissions. Default: sk_test_sandbox.
    #[arg(long = "key", value_name = "K")]
    keys: Vec<String>,
    /// Latency added to every API answer, in milliseconds.
    #[arg(long, default_value_t = 0)]
    latency_ms: u64,
    /// Requests per second in all before Stripe-style 429s (default: unlimited;
    /// Stripe: 100 live, 25 in test mode).
    #[arg(long, value_name = "R")]
    rate_limit: Option<f64>,
    /// Requests per second per API operation (method and route, e.g.
    /// `GET /v1/invoices`) before 429s (default: unlimited; Stripe: 25).
    #[arg(long, value_name = "R")]
    endpoint_rate_limit: Option<f64>,
    /// Requests in flight at once before 429s (default: no cap).
    #[arg(long, value_name = "N")]
    max_in_flight: Option<u32>,
    /// Seconds an invoice's `invoice_pdf` link works after it is handed out
    /// (default: until `POST /_sandbox/pdf_links/expire`).
    #[arg(long, value_name = "SECS")]
    pdf_link_ttl: Option<u64>,
    /// A custom domain for portal session and login-page URLs
    /// (`https://HOST/p/session/…`), as an account with one gets.
    #[arg(long, value_name = "HOST")]
    portal_domain: Option<String>,
    /// Take parameters Stripe would refuse as unknown (by default they get
    /// Stripe's 400, "Received unknown parameter").
    #[arg(long)]
    lenient: bool,
    /// Subscriptions per customer.
    #[arg(long, default_value_t = 1)]
    subscriptions_per_customer: usize,
    /// At most this many invoices per customer: the newest periods of its
    /// subscription (fewer when it began recently).
    #[arg(long, default_value_t = 4)]
    invoices_per_customer: usize,
    /// Payment methods per customer.
    #[arg(long, default_value_t = 1)]
    payment_methods_per_customer: usize,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let keys = if args.keys.is_empty() {
        vec![KeySpec::full(DEFAULT_KEY)]
    } else {
        args.keys.iter().map(|k| KeySpec::parse(k)).collect()
    };
    let config = Config {
        port: args.port,
        dataset: DatasetConfig {
            seed: args.seed,
            customers: args.customers,
            subscriptions_per_customer: args.subscriptions_per_customer,
            invoices_per_customer: args.invoices_per_customer,
            payment_methods_per_customer: args.payment_methods_per_customer,
            ..DatasetConfig::default()
        },
        keys,
        latency: Duration::from_millis(args.latency_ms),
        rate_limit: args.rate_limit,
        endpoint_rate_limit: args.endpoint_rate_limit,
        max_in_flight: args.max_in_flight,
        pdf_link_ttl: args.pdf_link_ttl.map(Duration::from_secs),
        portal_domain: args.portal_domain,
        lenient: args.lenient,
    };
    let sandbox = Sandbox::start(config).await?;
    // Scripts read this first line to find the port.
    println!("listening on {}", sandbox.url());
    wait_for_signal().await;
    sandbox.stop();
    Ok(())
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = signal(SignalKind::terminate()).expect("a SIGTERM handler");
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}
