//! A deterministic Stripe account, generated from a seed and sizes by deep-copying
//! Stripe's fixture objects and replacing ids, references, names, amounts,
//! statuses and timestamps. Every other field keeps the fixture's value and type.

use serde_json::{Value, json};

use crate::fixtures::Templates;
use crate::store::{Kind, Staged, Store};

/// The size and shape of the generated account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatasetConfig {
    /// Seed of every random choice.
    pub seed: u64,
    /// Number of customers.
    pub customers: usize,
    /// Subscriptions per customer.
    pub subscriptions_per_customer: usize,
    /// At most this many invoices per customer: the newest periods of its
    /// subscription (fewer when it began recently).
    pub invoices_per_customer: usize,
    /// Payment methods per customer.
    pub payment_methods_per_customer: usize,
    /// Number of products (each with monthly and annual prices in several currencies).
    pub products: usize,
    /// "Now" for the dataset (unix seconds); everything is created before it.
    pub now: i64,
}

impl Default for DatasetConfig {
    fn default() -> DatasetConfig {
        DatasetConfig {
            seed: 42,
            customers: 200,
            subscriptions_per_customer: 1,
            invoices_per_customer: 4,
            payment_methods_per_customer: 1,
            products: 4,
            now: now_to_the_hour(),
        }
    }
}

/// The current time rounded down to the hour, so a dataset is stable within an hour.
pub fn now_to_the_hour() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(1_750_000_000);
    now - now % 3600
}

/// SplitMix64: small, fast and the same everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A Stripe-looking id: `prefix` and 24 base62 characters.
    pub fn id(&mut self, prefix: &str) -> String {
        const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        let mut id = String::with_capacity(prefix.len() + 24);
        id.push_str(prefix);
        for _ in 0..24 {
            id.push(ALPHABET[self.below(62) as usize] as char);
        }
        id
    }
}

const FIRST_NAMES: &[&str] = &[
    "Jane",
    "John",
    "José",
    "Zoë",
    "Łukasz",
    "Søren",
    "Ana",
    "Renée",
    "Chloé",
    "Björn",
    "Mía",
    "Noah",
    "Olivia",
    "Liam",
    "Aiko",
    "Ngozi",
    "Ömer",
    "François",
    "Ingrid",
    "Dmitri",
    "Amélie",
    "Siobhán",
    "Mateo",
    "Yara",
    "Kenji",
    "Priya",
    "Élodie",
    "Jürgen",
    "Camila",
    "Tomáš",
];
const LAST_NAMES: &[&str] = &[
    "Doe",
    "Álvarez",
    "Šimková",
    "Wróbel",
    "Kierkegaard",
    "Müller",
    "O'Connor",
    "García",
    "Nguyễn",
    "Smith",
    "Johansson",
    "Dubois",
    "Rossi",
    "Kowalski",
    "Fernández",
    "Yılmaz",
    "Novák",
    "Brown",
    "Tanaka",
    "Okafor",
    "Lefèvre",
    "Petrović",
    "Hernández",
    "Lindqvist",
    "Costa",
];
/// A few names in other scripts, including right-to-left ones.
const SCRIPT_NAMES: &[&str] = &[
    "李雷",
    "Ана Петрова",
    "محمد علي",
    "דנה כהן",
    "佐藤 花子",
    "Ελένη Παππά",
];
const CITIES: &[(&str, &str, &str)] = &[
    ("San Francisco", "US", "94107"),
    ("Berlin", "DE", "10115"),
    ("London", "GB", "EC1A 1BB"),
    ("Tokyo", "JP", "100-0001"),
    ("Paris", "FR", "75002"),
    ("Kraków", "PL", "30-001"),
    ("São Paulo", "BR", "01310-100"),
    ("Toronto", "CA", "M5H 2N2"),
];
const CURRENCIES: &[&str] = &["usd", "usd", "usd", "eur", "eur", "gbp", "jpy"];
const PRODUCT_NAMES: &[(&str, i64)] = &[
    ("Starter", 900),
    ("Pro", 2900),
    ("Business", 9900),
    ("Team", 4900),
    ("Enterprise", 49900),
    ("Add-on: Priority support", 1900),
];
const BRANDS: &[&str] = &[
    "visa",
    "visa",
    "mastercard",
    "amex",
    "discover",
    "jcb",
    "unionpay",
    "diners",
];

/// Whether `currency` has no minor unit (Stripe's zero-decimal currencies).
pub fn zero_decimal(currency: &str) -> bool {
    matches!(
        currency,
        "bif"
            | "clp"
            | "djf"
            | "gnf"
            | "jpy"
            | "kmf"
            | "krw"
            | "mga"
            | "pyg"
            | "rwf"
            | "ugx"
            | "vnd"
            | "vuv"
            | "xaf"
            | "xof"
            | "xpf"
    )
}

/// What the generator needs to remember about a price.
#[derive(Debug, Clone)]
struct PriceInfo {
    id: String,
    product: String,
    product_name: String,
    currency: String,
    interval: &'static str,
    amount: i64,
}

/// Builds the dataset into a fresh store. `base_url` is where the sandbox serves
/// invoice PDFs and hosted pages.
pub fn generate(config: &DatasetConfig, templates: &Templates, base_url: &str) -> Store {
    let mut rng = Rng::new(config.seed);
    let mut clock = Clock::new(clock_start(config));
    let mut staged = Vec::new();
    let prices = catalog(config, templates, &mut rng, &mut clock, &mut staged);
    merchant_named(templates, clock_start(config), &mut staged);

    let span = (config.now - 86_400 - clock.at).max(1);
    let step = (span / (config.customers as i64 + 1)).max(1);
    let start = clock.at;
    // Customers are generated on every core; each has its own random stream
    // (seed, n), so the account doesn't depend on how the work is split.
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let chunk = config.customers.div_ceil(threads).max(1);
    let parts: Vec<Vec<Staged>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..config.customers)
            .step_by(chunk)
            .map(|first| {
                let prices = &prices;
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for n in first..(first + chunk).min(config.customers) {
                        let mut rng = Rng::new(
                            config.seed ^ (n as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407),
                        );
                        let created = start + step * (n as i64 + 1);
                        generate_customer(
                            config, templates, &mut rng, prices, created, n, base_url, &mut out,
                        );
                    }
                    out
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a generator thread panicked"))
            .collect()
    });

    let mut store = Store::default();
    for record in staged.into_iter().chain(parts.into_iter().flatten()) {
        store.stage(record);
    }
    store.finish_loading();
    store
}

fn clock_start(config: &DatasetConfig) -> i64 {
    config.now - 2 * 365 * 86_400
}

/// Products, legacy plans and coupons whose ids the merchant chose, as an
/// account that started on Stripe's Plans API has: `gold-monthly`, a plan id
/// with spaces (escaped in a path), `SAVE-20`. They are older than the rest of
/// the catalog and draw nothing from the generator, so the rest of the account
/// is the same with or without them. The account opened a day before the
/// catalog, so they are still younger than it.
fn merchant_named(templates: &Templates, before: i64, out: &mut Vec<Staged>) {
    let legacy = [
        (
            "gold-plan",
            "Gold (2019)",
            "gold-monthly",
            "Gold monthly",
            1_900,
            "month",
        ),
        (
            "pro_2019",
            "Pro 2019",
            "pro annual 2019",
            "Pro annual",
            19_000,
            "year",
        ),
    ];
    for (n, (product_id, name, price_id, nickname, amount, interval)) in
        legacy.into_iter().enumerate()
    {
        let created = before - 3_600 * (10 - n as i64);
        out.push(Staged::new(
            Kind::Product,
            &product_object(templates, product_id, name, created, price_id),
        ));
        let info = PriceInfo {
            id: price_id.to_owned(),
            product: product_id.to_owned(),
            product_name: name.to_owned(),
            currency: "usd".to_owned(),
            interval,
            amount,
        };
        let mut price = price_object(templates, &info, created + 60);
        set(&mut price, "nickname", json!(nickname));
        out.push(Staged::new(Kind::Price, &price));
    }
    for (n, (id, name, percent)) in [
        ("SAVE-20", "20% off", 20.0),
        ("loyal customer 10%", "Loyalty", 10.0),
    ]
    .into_iter()
    .enumerate()
    {
        let mut coupon = templates.get("coupon");
        set(&mut coupon, "id", json!(id));
        set(&mut coupon, "name", json!(name));
        set(&mut coupon, "percent_off", json!(percent));
        set(&mut coupon, "duration", json!("repeating"));
        set(&mut coupon, "duration_in_months", json!(3));
        set(&mut coupon, "redeem_by", Value::Null);
        set(
            &mut coupon,
            "created",
            json!(before - 86_400 * (5 - n as i64)),
        );
        out.push(Staged::new(Kind::Coupon, &coupon));
    }
}

/// Hands out strictly increasing timestamps for the catalog.
struct Clock {
    at: i64,
}

impl Clock {
    fn new(at: i64) -> Clock {
        Clock { at }
    }
    fn tick(&mut self, seconds: i64) -> i64 {
        self.at += seconds.max(1);
        self.at
    }
}

fn catalog(
    config: &DatasetConfig,
    templates: &Templates,
    rng: &mut Rng,
    clock: &mut Clock,
    out: &mut Vec<Staged>,
) -> Vec<PriceInfo> {
    let mut prices = Vec::new();
    for p in 0..config.products.max(1) {
        let (name, monthly_usd) = PRODUCT_NAMES[p % PRODUCT_NAMES.len()];
        let product_id = rng.id("prod_");
        let product_created = clock.tick(3600);
        let mut product_prices = Vec::new();
        for (currency, interval) in [
            ("usd", "month"),
            ("usd", "year"),
            ("eur", "month"),
            ("gbp", "month"),
            ("jpy", "month"),
        ] {
            // Zero-decimal amounts are whole yen: about 150 yen a dollar, in hundreds.
            let monthly = if zero_decimal(currency) {
                (monthly_usd * 150 / 10_000).max(1) * 100
            } else {
                monthly_usd
            };
            let amount = if interval == "year" {
                monthly * 10
            } else {
                monthly
            };
            let info = PriceInfo {
                id: rng.id("price_"),
                product: product_id.clone(),
                product_name: name.to_owned(),
                currency: currency.to_owned(),
                interval,
                amount,
            };
            out.push(Staged::new(
                Kind::Price,
                &price_object(templates, &info, clock.tick(60)),
            ));
            product_prices.push(info);
        }
        out.push(Staged::new(
            Kind::Product,
            &product_object(
                templates,
                &product_id,
                name,
                product_created,
                &product_prices[0].id,
            ),
        ));
        prices.extend(product_prices);
    }
    prices
}

/// A product as Stripe shows it, from the fixture.
fn product_object(
    templates: &Templates,
    id: &str,
    name: &str,
    created: i64,
    default_price: &str,
) -> Value {
    let mut product = templates.get("product");
    set(&mut product, "id", json!(id));
    set(&mut product, "name", json!(name));
    set(
        &mut product,
        "description",
        json!(format!("The {name} plan")),
    );
    set(&mut product, "created", json!(created));
    set(&mut product, "updated", json!(created));
    set(&mut product, "default_price", json!(default_price));
    set(&mut product, "active", json!(true));
    set(&mut product, "livemode", json!(false));
    set(&mut product, "metadata", json!({}));
    set(&mut product, "images", json!([]));
    set(&mut product, "marketing_features", json!([]));
    set(&mut product, "url", Value::Null);
    product
}

fn price_object(templates: &Templates, info: &PriceInfo, created: i64) -> Value {
    let mut price = templates.get("price");
    set(&mut price, "id", json!(info.id));
    set(&mut price, "product", json!(info.product));
    set(&mut price, "currency", json!(info.currency));
    set(&mut price, "unit_amount", json!(info.amount));
    set(
        &mut price,
        "unit_amount_decimal",
        json!(info.amount.to_string()),
    );
    set(
        &mut price,
        "nickname",
        json!(if info.interval == "year" {
            "Annual"
        } else {
            "Monthly"
        }),
    );
    set(&mut price, "created", json!(created));
    set(&mut price, "active", json!(true));
    set(&mut price, "livemode", json!(false));
    set(&mut price, "type", json!("recurring"));
    set(&mut price, "billing_scheme", json!("per_unit"));
    set(&mut price, "metadata", json!({}));
    set(&mut price, "lookup_key", Value::Null);
    set(&mut price, "tiers_mode", Value::Null);
    set(&mut price, "transform_quantity", Value::Null);
    set(&mut price, "custom_unit_amount", Value::Null);
    price["recurring"] = json!({
        "interval": info.interval, "interval_count": 1, "meter": null,
        "trial_period_days": null, "usage_type": "licensed"
    });
    price
}

#[allow(clippy::too_many_arguments)]
fn generate_customer(
    config: &DatasetConfig,
    templates: &Templates,
    rng: &mut Rng,
    prices: &[PriceInfo],
    created: i64,
    n: usize,
    base_url: &str,
    out: &mut Vec<Staged>,
) {
    let customer_id = rng.id("cus_");
    let name = if rng.chance(6) {
        rng.pick(SCRIPT_NAMES).to_string()
    } else {
        format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
    };
    let email = (!rng.chance(8)).then(|| format!("{}.{n}@example.com", ascii_slug(&name)));
    let currency = rng.pick(CURRENCIES).to_string();
    let (city, country, postal) = *rng.pick(CITIES);
    let prefix: String = (0..8)
        .map(|_| (b'A' + rng.below(26) as u8) as char)
        .collect();

    // Payment methods first: the customer's default is the newest.
    let mut pm_ids = Vec::new();
    for k in 0..config.payment_methods_per_customer {
        let pm_id = rng.id("pm_");
        let pm_created = created + 30 + k as i64;
        out.push(Staged::new(
            Kind::PaymentMethod,
            &payment_method(
                templates,
                rng,
                &pm_id,
                &customer_id,
                &name,
                email.as_deref(),
                pm_created,
                config.now,
            ),
        ));
        pm_ids.push(pm_id);
    }
    let default_pm = pm_ids.last().cloned();

    let mut customer = templates.get("customer");
    set(&mut customer, "id", json!(customer_id));
    set(&mut customer, "created", json!(created));
    set(&mut customer, "name", json!(name));
    set(&mut customer, "email", json!(email));
    set(
        &mut customer,
        "phone",
        json!(format!("+1 555 {:03} {:04}", n % 1000, rng.below(10_000))),
    );
    set(&mut customer, "description", Value::Null);
    set(&mut customer, "currency", json!(currency));
    set(&mut customer, "livemode", json!(false));
    set(&mut customer, "balance", json!(0));
    set(&mut customer, "default_source", Value::Null);
    set(&mut customer, "discount", Value::Null);
    set(&mut customer, "shipping", Value::Null);
    set(&mut customer, "test_clock", Value::Null);
    set(&mut customer, "metadata", json!({}));
    set(&mut customer, "invoice_prefix", json!(prefix));
    set(&mut customer, "preferred_locales", json!([]));
    set(&mut customer, "tax_exempt", json!("none"));
    customer["address"] = json!({
        "city": city, "country": country, "line1": format!("{} Market Street", 1 + rng.below(900)),
        "line2": null, "postal_code": postal, "state": null
    });
    customer["invoice_settings"]["default_payment_method"] = json!(default_pm);

    let currency_prices: Vec<&PriceInfo> =
        prices.iter().filter(|p| p.currency == currency).collect();
    let mut delinquent = false;
    let mut plans = Vec::new();
    for s in 0..config.subscriptions_per_customer {
        // Most small businesses bill monthly: one plan in four is yearly where
        // the currency has a yearly price.
        let yearly = rng.chance(25);
        let same_interval: Vec<&PriceInfo> = currency_prices
            .iter()
            .copied()
            .filter(|p| (p.interval == "year") == yearly)
            .collect();
        let choices = if same_interval.is_empty() {
            &currency_prices
        } else {
            &same_interval
        };
        let price = (*rng.pick(choices)).clone();
        let status = *rng.pick(&[
            "active",
            "active",
            "active",
            "active",
            "active",
            "active",
            "trialing",
            "past_due",
            "canceled",
            "unpaid",
            "incomplete",
        ]);
        delinquent |= matches!(status, "past_due" | "unpaid");
        // A trial lasts 14 days, and Stripe expires an unpaid first invoice
        // after 23 hours: those subscriptions began recently.
        let recently = match status {
            "trialing" => config.now - 86_400 * (1 + rng.below(12) as i64),
            "incomplete" => config.now - 3_600 * (1 + rng.below(20) as i64),
            _ => i64::MIN,
        };
        let sub_created = (created + 60 + s as i64).max(recently);
        let ended_at = (status == "canceled").then(|| {
            let (period_start, _) = current_period(sub_created, price.interval, config.now);
            (period_start - 86_400 * (1 + rng.below(20) as i64)).max(sub_created + 1)
        });
        let sub_id = rng.id("sub_");
        plans.push(SubscriptionPlan {
            id: sub_id,
            status,
            price,
            created: sub_created,
            ended_at,
        });
    }

    // The first subscription's billing history: an invoice at the start of
    // each period, a calendar month or year apart, for its price; the newest
    // `invoices_per_customer` of them, none after it ended. The last one
    // reflects its status.
    let mut latest_invoice: Option<String> = None;
    let history = plans
        .first()
        .map(|plan| billing_periods(plan, config.now, config.invoices_per_customer))
        .unwrap_or_default();
    for (k, &(cycle, period)) in history.iter().enumerate() {
        // History comes only from the first plan.
        let plan = &plans[0];
        let last = k + 1 == history.len();
        // A past-due subscription's last invoice is the renewal that failed;
        // Stripe retries it in the days ahead. An incomplete one's first
        // payment needs the customer: no retry.
        let next_payment_attempt = (last && plan.status == "past_due")
            .then(|| config.now + 2 * 86_400 + (n as i64 % 86_400));
        let status = match (plan.status, last) {
            ("past_due" | "incomplete", true) => "open",
            ("unpaid", true) => "uncollectible",
            _ if rng.chance(4) => "void",
            _ if rng.chance(2) => "uncollectible",
            _ => "paid",
        };
        let invoice_id = rng.id("in_");
        let number = format!("{prefix}-{:04}", k + 1);
        // The first invoice of a trial is Stripe's $0 one.
        let trial = cycle == 0 && plan.status == "trialing";
        out.push(Staged::new(
            Kind::Invoice,
            &invoice(
                templates,
                rng,
                &InvoiceSpec {
                    id: &invoice_id,
                    customer: &customer_id,
                    customer_name: &name,
                    customer_email: email.as_deref(),
                    number: &number,
                    status: if trial { "paid" } else { status },
                    price: &plan.price,
                    amount: if trial { 0 } else { plan.price.amount },
                    subscription: Some(&plan.id),
                    billing_reason: if cycle == 0 {
                        "subscription_create"
                    } else {
                        "subscription_cycle"
                    },
                    created: period.0,
                    line_period: period,
                    previous_period_start: if cycle == 0 {
                        period.0
                    } else {
                        cycle_start(plan.created, plan.price.interval, cycle - 1)
                    },
                    next_payment_attempt,
                    base_url,
                },
            ),
        ));
        latest_invoice = Some(invoice_id);
    }
    set(
        &mut customer,
        "next_invoice_sequence",
        json!(history.len() + 1),
    );

    for plan in &plans {
        let sub = subscription(
            templates,
            rng,
            &SubscriptionSpec {
                id: &plan.id,
                customer: &customer_id,
                status: plan.status,
                price: &plan.price,
                created: plan.created,
                ended_at: plan.ended_at,
                now: config.now,
                default_payment_method: default_pm.as_deref(),
                latest_invoice: latest_invoice.as_deref(),
            },
        );
        out.push(Staged::new(Kind::Subscription, &sub));
    }
    set(&mut customer, "delinquent", json!(delinquent));
    out.push(Staged::new(Kind::Customer, &customer));
}

#[allow(clippy::too_many_arguments)]
fn payment_method(
    templates: &Templates,
    rng: &mut Rng,
    id: &str,
    customer: &str,
    name: &str,
    email: Option<&str>,
    created: i64,
    now: i64,
) -> Value {
    let brand = *rng.pick(BRANDS);
    let last4 = if brand == "visa" && rng.chance(30) {
        "4242".to_owned()
    } else {
        format!("{:04}", rng.below(10_000))
    };
    let this_year = 1970 + now / 31_556_952;
    // About one card in eight has expired.
    let exp_year = if rng.chance(12) {
        this_year - 1 - rng.below(2) as i64
    } else {
        this_year + rng.below(5) as i64
    };
    let mut pm = templates.get("payment_method");
    set(&mut pm, "id", json!(id));
    set(&mut pm, "customer", json!(customer));
    set(&mut pm, "created", json!(created));
    set(&mut pm, "livemode", json!(false));
    set(&mut pm, "type", json!("card"));
    set(&mut pm, "metadata", json!({}));
    pm["billing_details"]["name"] = json!(name);
    pm["billing_details"]["email"] = json!(email);
    let card = &mut pm["card"];
    card["brand"] = json!(brand);
    card["display_brand"] = json!(brand);
    card["last4"] = json!(last4);
    card["exp_month"] = json!(1 + rng.below(12));
    card["exp_year"] = json!(exp_year);
    card["fingerprint"] = json!(rng.id("fp_")[3..19].to_owned());
    card["funding"] = json!("credit");
    card["country"] = json!("US");
    if card["networks"].is_object() {
        card["networks"]["available"] = json!([brand]);
        card["networks"]["preferred"] = Value::Null;
    }
    pm
}

/// A subscription the generator made, before its JSON.
struct SubscriptionPlan {
    id: String,
    status: &'static str,
    price: PriceInfo,
    created: i64,
    /// When a canceled subscription ended.
    ended_at: Option<i64>,
}

/// The billing periods of `plan` that have begun by `now` (and before it
/// ended): their number since it began, start and end; the newest `at_most`.
fn billing_periods(plan: &SubscriptionPlan, now: i64, at_most: usize) -> Vec<(u32, (i64, i64))> {
    let until = plan.ended_at.unwrap_or(now).min(now);
    // An incomplete subscription never got past its first invoice.
    let cycles = if plan.status == "incomplete" {
        1
    } else {
        u32::MAX
    };
    let mut periods: Vec<(u32, (i64, i64))> = (0..cycles)
        .map(|cycle| {
            let start = cycle_start(plan.created, plan.price.interval, cycle);
            let end = cycle_start(plan.created, plan.price.interval, cycle + 1);
            (cycle, (start, end))
        })
        .take_while(|(_, (start, _))| *start <= until)
        .collect();
    let skip = periods.len().saturating_sub(at_most);
    periods.drain(..skip);
    periods
}

/// The start of period `cycle` of a subscription that began at `anchor`:
/// `cycle` calendar months (or years) later, on the anchor's day of the
/// month or the month's last day, at the anchor's time, as Stripe bills.
fn cycle_start(anchor: i64, interval: &str, cycle: u32) -> i64 {
    let months = if interval == "year" { 12 } else { 1 } * i64::from(cycle);
    let (days, seconds) = (anchor.div_euclid(86_400), anchor.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    let index = year * 12 + (month - 1) + months;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let day = day.min(days_in_month(year, month));
    days_from_civil(year, month, day) * 86_400 + seconds
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let next = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    days_from_civil(next.0, next.1, 1) - days_from_civil(year, month, 1)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day since 1970-01-01: year, month (1–12), day (1–31).
/// (The core has the same arithmetic; the sandbox, a model of Stripe, takes
/// nothing from the app it tests.)
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

struct InvoiceSpec<'a> {
    id: &'a str,
    customer: &'a str,
    customer_name: &'a str,
    customer_email: Option<&'a str>,
    number: &'a str,
    status: &'a str,
    price: &'a PriceInfo,
    /// What it charges: the price's amount, or 0 for a trial's first invoice.
    amount: i64,
    subscription: Option<&'a str>,
    billing_reason: &'a str,
    created: i64,
    /// What the line bills for: the period starting at `created`, in advance.
    line_period: (i64, i64),
    /// Where the invoice's own period (Stripe's usage period, the one that
    /// just ended) starts; it ends at `created`.
    previous_period_start: i64,
    /// When Stripe retries the payment (an open invoice it still collects).
    next_payment_attempt: Option<i64>,
    base_url: &'a str,
}

fn invoice(templates: &Templates, _rng: &mut Rng, spec: &InvoiceSpec<'_>) -> Value {
    let amount = spec.amount;
    let paid = spec.status == "paid";
    let (amount_paid, amount_remaining) = match spec.status {
        "paid" => (amount, 0),
        "void" => (0, 0),
        _ => (0, amount),
    };
    let (period_start, period_end) = (spec.previous_period_start, spec.created);
    let mut inv = templates.get("invoice");
    set(&mut inv, "id", json!(spec.id));
    set(&mut inv, "customer", json!(spec.customer));
    set(&mut inv, "customer_name", json!(spec.customer_name));
    set(&mut inv, "customer_email", json!(spec.customer_email));
    set(&mut inv, "number", json!(spec.number));
    set(&mut inv, "status", json!(spec.status));
    set(&mut inv, "currency", json!(spec.price.currency));
    for field in [
        "amount_due",
        "subtotal",
        "subtotal_excluding_tax",
        "total",
        "total_excluding_tax",
    ] {
        set(&mut inv, field, json!(amount));
    }
    set(&mut inv, "amount_paid", json!(amount_paid));
    set(&mut inv, "amount_remaining", json!(amount_remaining));
    set(&mut inv, "amount_overpaid", json!(0));
    set(&mut inv, "amount_shipping", json!(0));
    set(&mut inv, "starting_balance", json!(0));
    set(&mut inv, "ending_balance", json!(0));
    set(&mut inv, "created", json!(spec.created));
    set(&mut inv, "effective_at", json!(spec.created));
    set(&mut inv, "period_start", json!(period_start));
    set(&mut inv, "period_end", json!(period_end));
    set(&mut inv, "livemode", json!(false));
    set(&mut inv, "attempted", json!(spec.status != "void"));
    set(&mut inv, "attempt_count", json!(if paid { 1 } else { 2 }));
    set(&mut inv, "auto_advance", json!(spec.status == "open"));
    set(&mut inv, "billing_reason", json!(spec.billing_reason));
    set(&mut inv, "collection_method", json!("charge_automatically"));
    set(
        &mut inv,
        "next_payment_attempt",
        json!(spec.next_payment_attempt),
    );
    set(
        &mut inv,
        "hosted_invoice_url",
        json!(format!("{}/_invoices/{}", spec.base_url, spec.id)),
    );
    set(
        &mut inv,
        "invoice_pdf",
        json!(format!("{}/_files/invoices/{}.pdf", spec.base_url, spec.id)),
    );
    set(&mut inv, "description", Value::Null);
    set(&mut inv, "metadata", json!({}));
    set(&mut inv, "default_payment_method", Value::Null);
    set(&mut inv, "latest_revision", Value::Null);
    set(&mut inv, "from_invoice", Value::Null);
    set(&mut inv, "test_clock", Value::Null);
    set(&mut inv, "automatically_finalizes_at", Value::Null);
    set(&mut inv, "account_name", json!("Sandbox Coffee Roasters"));
    set(&mut inv, "account_country", json!("US"));
    inv["status_transitions"] = json!({
        "finalized_at": spec.created,
        "marked_uncollectible_at": if spec.status == "uncollectible" { Some(spec.created + 86_400) } else { None },
        "paid_at": if paid { Some(spec.created + 60) } else { None },
        "voided_at": if spec.status == "void" { Some(spec.created + 86_400) } else { None },
    });
    if let Some(subscription) = spec.subscription {
        inv["parent"] = json!({
            "quote_details": null,
            "subscription_details": {"metadata": null, "subscription": subscription},
            "type": "subscription_details"
        });
    } else {
        inv["parent"] = Value::Null;
    }
    if let Some(line) = inv["lines"]["data"].get_mut(0) {
        line["id"] = json!(format!("il_{}", &spec.id[3..]));
        line["invoice"] = json!(spec.id);
        line["amount"] = json!(amount);
        line["subtotal"] = json!(amount);
        line["currency"] = json!(spec.price.currency);
        line["description"] = json!(if amount == 0 && spec.subscription.is_some() {
            format!("Trial period for {}", spec.price.product_name)
        } else {
            format!(
                "1 × {} ({})",
                spec.price.product_name,
                if spec.price.interval == "year" {
                    "Annual"
                } else {
                    "Monthly"
                }
            )
        });
        line["period"] = json!({"start": spec.line_period.0, "end": spec.line_period.1});
        line["livemode"] = json!(false);
        line["subscription"] = json!(spec.subscription);
        line["parent"] = Value::Null;
        line["pricing"] = json!({
            "price_details": {"price": spec.price.id, "product": spec.price.product},
            "type": "price_details",
            "unit_amount_decimal": amount.to_string()
        });
    }
    inv["lines"]["url"] = json!(format!("/v1/invoices/{}/lines", spec.id));
    inv
}

/// A one-off invoice the merchant charged `customer` from the Dashboard,
/// paid at once (Stripe numbers it with the customer's prefix and sequence).
pub(crate) fn one_off_invoice(
    templates: &Templates,
    rng: &mut Rng,
    customer: &Value,
    id: &str,
    amount: i64,
    created: i64,
    base_url: &str,
) -> Value {
    let price = PriceInfo {
        id: rng.id("price_"),
        product: rng.id("prod_"),
        product_name: "One-off charge".to_owned(),
        currency: customer["currency"].as_str().unwrap_or("usd").to_owned(),
        interval: "month",
        amount,
    };
    let number = format!(
        "{}-{:04}",
        customer["invoice_prefix"].as_str().unwrap_or("ONEOFF"),
        customer["next_invoice_sequence"].as_i64().unwrap_or(1)
    );
    let mut inv = invoice(
        templates,
        rng,
        &InvoiceSpec {
            id,
            customer: customer["id"].as_str().unwrap_or_default(),
            customer_name: customer["name"].as_str().unwrap_or_default(),
            customer_email: customer["email"].as_str(),
            number: &number,
            status: "paid",
            price: &price,
            amount,
            subscription: None,
            billing_reason: "manual",
            created,
            line_period: (created, created),
            previous_period_start: created,
            next_payment_attempt: None,
            base_url,
        },
    );
    if let Some(line) = inv["lines"]["data"].get_mut(0) {
        line["description"] = json!("One-off charge");
    }
    inv
}

struct SubscriptionSpec<'a> {
    id: &'a str,
    customer: &'a str,
    status: &'a str,
    price: &'a PriceInfo,
    created: i64,
    ended_at: Option<i64>,
    now: i64,
    default_payment_method: Option<&'a str>,
    latest_invoice: Option<&'a str>,
}

/// The current period of a subscription created at `created` on a price
/// billed every `interval`, at `now`: its start and end.
fn current_period(created: i64, interval: &str, now: i64) -> (i64, i64) {
    // A first guess from the average length, corrected to the calendar.
    let average = if interval == "year" {
        31_556_952
    } else {
        2_629_746
    };
    let mut cycle = u32::try_from((now - created).max(0) / average).unwrap_or(0);
    while cycle > 0 && cycle_start(created, interval, cycle) > now {
        cycle -= 1;
    }
    while cycle_start(created, interval, cycle + 1) <= now {
        cycle += 1;
    }
    (
        cycle_start(created, interval, cycle),
        cycle_start(created, interval, cycle + 1),
    )
}

fn subscription(templates: &Templates, rng: &mut Rng, spec: &SubscriptionSpec<'_>) -> Value {
    // A canceled subscription stays in the period it ended in.
    let at = spec.ended_at.unwrap_or(spec.now).min(spec.now);
    let (period_start, period_end) = current_period(spec.created, spec.price.interval, at);
    let canceled = spec.status == "canceled";
    let canceled_at = spec.ended_at;
    let cancel_at_period_end = spec.status == "active" && rng.chance(10);
    let trialing = spec.status == "trialing";

    let mut sub = templates.get("subscription");
    set(&mut sub, "id", json!(spec.id));
    set(&mut sub, "customer", json!(spec.customer));
    set(&mut sub, "status", json!(spec.status));
    set(&mut sub, "currency", json!(spec.price.currency));
    set(&mut sub, "created", json!(spec.created));
    set(&mut sub, "start_date", json!(spec.created));
    set(&mut sub, "billing_cycle_anchor", json!(spec.created));
    set(&mut sub, "livemode", json!(false));
    set(&mut sub, "metadata", json!({}));
    set(&mut sub, "description", Value::Null);
    set(
        &mut sub,
        "default_payment_method",
        json!(spec.default_payment_method),
    );
    set(&mut sub, "default_source", Value::Null);
    set(&mut sub, "latest_invoice", json!(spec.latest_invoice));
    set(
        &mut sub,
        "cancel_at_period_end",
        json!(cancel_at_period_end),
    );
    set(
        &mut sub,
        "cancel_at",
        json!(cancel_at_period_end.then_some(period_end)),
    );
    set(
        &mut sub,
        "canceled_at",
        json!(canceled_at.or(cancel_at_period_end.then_some(spec.now - 3600))),
    );
    set(&mut sub, "ended_at", json!(canceled_at));
    set(
        &mut sub,
        "trial_start",
        json!(trialing.then_some(spec.created)),
    );
    set(
        &mut sub,
        "trial_end",
        json!(trialing.then_some(spec.created + 14 * 86_400)),
    );
    set(&mut sub, "collection_method", json!("charge_automatically"));
    set(&mut sub, "days_until_due", Value::Null);
    set(&mut sub, "schedule", Value::Null);
    set(&mut sub, "pending_update", Value::Null);
    set(&mut sub, "pause_collection", Value::Null);
    set(&mut sub, "test_clock", Value::Null);
    set(&mut sub, "discounts", json!([]));
    set(&mut sub, "on_behalf_of", Value::Null);
    set(&mut sub, "transfer_data", Value::Null);
    set(&mut sub, "application", Value::Null);
    set(&mut sub, "application_fee_percent", Value::Null);
    if sub["cancellation_details"].is_object() {
        sub["cancellation_details"] = json!({
            "comment": null,
            "feedback": null,
            "reason": if canceled || cancel_at_period_end { json!("cancellation_requested") } else { Value::Null }
        });
    }
    let item_id = format!("si_{}", &spec.id[4..18]);
    if let Some(item) = sub["items"]["data"].get_mut(0) {
        item["id"] = json!(item_id);
        item["subscription"] = json!(spec.id);
        item["created"] = json!(spec.created);
        item["quantity"] = json!(1);
        item["metadata"] = json!({});
        item["discounts"] = json!([]);
        item["tax_rates"] = json!([]);
        item["current_period_start"] = json!(period_start);
        item["current_period_end"] = json!(period_end);
        item["billing_thresholds"] = Value::Null;
        item["price"] = price_object(
            templates,
            spec.price,
            spec.created
                .min(item["price"]["created"].as_i64().unwrap_or(spec.created)),
        );
        item["plan"] = plan_object(spec.price, spec.created);
    }
    sub["items"]["url"] = json!(format!("/v1/subscription_items?subscription={}", spec.id));
    sub
}

/// The legacy `plan` mirror of a price that subscription items still carry.
fn plan_object(price: &PriceInfo, created: i64) -> Value {
    json!({
        "active": true, "amount": price.amount, "amount_decimal": price.amount.to_string(),
        "billing_scheme": "per_unit", "created": created, "currency": price.currency,
        "id": price.id, "interval": price.interval, "interval_count": 1, "livemode": false,
        "metadata": {}, "meter": null, "nickname": if price.interval == "year" { "Annual" } else { "Monthly" },
        "object": "plan", "product": price.product, "tiers_mode": null, "transform_usage": null,
        "trial_period_days": null, "usage_type": "licensed"
    })
}

/// Sets `field` only where the fixture has it, so no field is invented.
fn set(object: &mut Value, field: &str, value: Value) {
    if let Some(slot) = object.get_mut(field) {
        *slot = value;
    }
}

fn ascii_slug(name: &str) -> String {
    let slug: String = name
        .chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            ' ' => Some('.'),
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'Á' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' | 'É' => Some('e'),
            'í' | 'ï' | 'ı' => Some('i'),
            'ó' | 'ö' | 'ô' | 'ø' | 'Ö' | 'Ø' => Some('o'),
            'ú' | 'ü' | 'ư' | 'ễ' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            'š' | 'Š' => Some('s'),
            'ł' | 'Ł' => Some('l'),
            'ž' => Some('z'),
            'ř' => Some('r'),
            _ => None,
        })
        .collect();
    let slug = slug.trim_matches('.').to_owned();
    if slug.is_empty() {
        "customer".to_owned()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2024-01-31 10:00 UTC, and the same time on later dates.
    const JAN_31_2024: i64 = 1_706_695_200;
    const FEB_29_2024: i64 = 1_709_200_800;
    const MAR_31_2024: i64 = 1_711_879_200;
    const APR_30_2024: i64 = 1_714_471_200;
    const JAN_31_2025: i64 = 1_738_317_600;
    const FEB_28_2025: i64 = 1_740_736_800;
    const FEB_29_2028: i64 = 1_835_431_200;

    #[test]
    fn monthly_periods_keep_the_day_of_the_month_or_end_with_the_month() {
        let starts: Vec<i64> = (0..4)
            .map(|c| cycle_start(JAN_31_2024, "month", c))
            .collect();
        assert_eq!(starts, [JAN_31_2024, FEB_29_2024, MAR_31_2024, APR_30_2024]);
        assert_eq!(cycle_start(JAN_31_2024, "month", 12), JAN_31_2025);
    }

    #[test]
    fn yearly_periods_fall_on_the_same_date_or_feb_28() {
        assert_eq!(cycle_start(JAN_31_2024, "year", 1), JAN_31_2025);
        assert_eq!(cycle_start(FEB_29_2024, "year", 1), FEB_28_2025);
        assert_eq!(cycle_start(FEB_29_2024, "year", 4), FEB_29_2028);
    }

    #[test]
    fn the_current_period_holds_now() {
        for now in [
            JAN_31_2024,
            FEB_29_2024 - 1,
            FEB_29_2024,
            APR_30_2024 + 5,
            FEB_29_2028,
        ] {
            for interval in ["month", "year"] {
                let (start, end) = current_period(JAN_31_2024, interval, now);
                assert!(
                    start <= now && now < end,
                    "{interval} at {now}: {start}..{end}"
                );
            }
        }
        assert_eq!(
            current_period(JAN_31_2024, "month", MAR_31_2024 - 1),
            (FEB_29_2024, MAR_31_2024)
        );
    }
}
