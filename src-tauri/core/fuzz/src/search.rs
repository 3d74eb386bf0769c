//! The search query: whatever is typed, a page of the customer list is the
//! page a plain filter-and-sort of every customer gives, and a customer is
//! found by any part of their name, email or phone.

use std::cmp::Ordering;
use std::sync::{Mutex, OnceLock};

use arbitrary::{Arbitrary, Unstructured};
use portal_core::cache::customer_index::CustomerIndex;
use portal_core::cache::customers::{
    self, Customer, CustomerQuery, MAX_SEARCH_CHARS, SortOrder, StatusFilter,
};
use portal_core::cache::{Cache, fold};

const STATUSES: [&str; 8] = [
    "active",
    "trialing",
    "past_due",
    "canceled",
    "none",
    "unpaid",
    "incomplete",
    "paused",
];

#[derive(Arbitrary, Debug)]
struct Row {
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    status: u8,
    created: i8,
    next_renewal: Option<i8>,
}

#[derive(Arbitrary, Debug)]
enum Text {
    Typed(String),
    /// Characters `from..from + len` of one row's name (0), email (1) or phone (2).
    PartOf {
        row: u8,
        field: u8,
        from: u8,
        len: u8,
    },
}

#[derive(Arbitrary, Debug)]
struct Input {
    rows: Vec<Row>,
    text: Text,
    status: Option<u8>,
    sort: u8,
    offset: u8,
    limit: u8,
}

fn id(n: usize) -> String {
    format!("cus_Fuzz{n:03}")
}

fn field(row: &Row, which: u8) -> Option<&str> {
    match which % 3 {
        0 => row.name.as_deref(),
        1 => row.email.as_deref(),
        _ => row.phone.as_deref(),
    }
}

/// The list order, restated. SQLite's NOCASE folds ASCII letters only and,
/// like C's `strncasecmp`, stops at a NUL byte, leaving the tie to the
/// lengths. Stripe sends no NUL in a name; the fuzzer does.
fn compare(sort: SortOrder, a: &(usize, &Row), b: &(usize, &Row)) -> Ordering {
    let nocase = |s: &str| {
        let bytes = s.as_bytes();
        let upto = bytes
            .iter()
            .position(|&b| b == 0)
            .map_or(bytes.len(), |nul| nul + 1);
        let folded: Vec<u8> = bytes[..upto].iter().map(u8::to_ascii_lowercase).collect();
        (folded, bytes.len())
    };
    let by_id = id(a.0).cmp(&id(b.0));
    match sort {
        SortOrder::Name => match (&a.1.name, &b.1.name) {
            (Some(x), Some(y)) => nocase(x).cmp(&nocase(y)).then(by_id),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => by_id,
        },
        SortOrder::Created => b.1.created.cmp(&a.1.created).then(by_id.reverse()),
        SortOrder::NextRenewal => match (a.1.next_renewal, b.1.next_renewal) {
            (Some(x), Some(y)) => x.cmp(&y).then(by_id),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => by_id,
        },
    }
}

/// Checks one list request over a few customers.
pub fn check(data: &[u8]) {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let Ok(mut input) = Input::arbitrary(&mut Unstructured::new(data)) else {
        return;
    };
    input.rows.truncate(40);
    crate::show(&input);
    let cache = CACHE.get_or_init(|| Mutex::new(Cache::in_memory().expect("an in-memory cache")));
    let mut cache = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    store(&mut cache, &input.rows);

    let text = match &input.text {
        Text::Typed(text) => text.clone(),
        Text::PartOf {
            row,
            field: which,
            from,
            len,
        } => {
            let Some(row) = input.rows.get(usize::from(*row)) else {
                return;
            };
            let source = field(row, *which).unwrap_or_default();
            source
                .chars()
                .skip(usize::from(*from))
                .take(usize::from(*len))
                .collect()
        }
    };
    let query = CustomerQuery {
        text: text.clone(),
        status: input
            .status
            .map(|s| StatusFilter::ALL[usize::from(s) % StatusFilter::ALL.len()]),
        sort: [SortOrder::Name, SortOrder::Created, SortOrder::NextRenewal]
            [usize::from(input.sort) % 3],
        limit: usize::from(input.limit),
        offset: usize::from(input.offset % 48),
    };
    let conn = cache.conn();
    let index = CustomerIndex::load(conn).expect("the index loads");
    let (page, count) = customers::search(conn, &index, &query).expect("the search runs");

    // The spec, restated: the trimmed text (at most MAX_SEARCH_CHARS
    // characters), folded, is part of the folded "name email id phone".
    let wanted = fold(
        &text
            .trim()
            .chars()
            .take(MAX_SEARCH_CHARS)
            .collect::<String>(),
    );
    let mut matches: Vec<(usize, &Row)> = input
        .rows
        .iter()
        .enumerate()
        .filter(|(n, row)| {
            let haystack = format!(
                "{} {} {} {}",
                row.name.as_deref().unwrap_or(""),
                row.email.as_deref().unwrap_or(""),
                id(*n),
                row.phone.as_deref().unwrap_or("")
            );
            fold(&haystack).contains(&wanted)
                && query.status.is_none_or(|s| {
                    STATUSES[usize::from(row.status) % STATUSES.len()] == s.as_str()
                })
        })
        .collect();
    matches.sort_by(|a, b| compare(query.sort, a, b));
    assert_eq!(count, matches.len() as u64, "the count for {query:?}");
    let expected: Vec<String> = matches
        .iter()
        .skip(query.offset)
        .take(query.limit)
        .map(|(n, _)| id(*n))
        .collect();
    let got: Vec<String> = page.into_iter().map(|c| c.id).collect();
    assert_eq!(got, expected, "the page for {query:?}");

    // A part of a field finds its customer, whatever the characters.
    if let Text::PartOf { row, .. } = input.text {
        let trimmed = text.trim();
        if !trimmed.is_empty()
            && trimmed.chars().count() <= MAX_SEARCH_CHARS
            && query.status.is_none()
        {
            let everyone = CustomerQuery {
                limit: usize::MAX,
                offset: 0,
                ..query
            };
            let (all, _) = customers::search(conn, &index, &everyone).expect("the search runs");
            let owner = id(usize::from(row));
            assert!(
                all.iter().any(|c| c.id == owner),
                "{owner} is not found by {trimmed:?}"
            );
        }
    }
}

fn store(cache: &mut Cache, rows: &[Row]) {
    cache
        .write(|tx| {
            tx.execute("DELETE FROM customers", [])?;
            for (n, row) in rows.iter().enumerate() {
                let customer = Customer {
                    id: id(n),
                    name: row.name.clone(),
                    email: row.email.clone(),
                    phone: row.phone.clone(),
                    description: None,
                    address: None,
                    currency: None,
                    balance: 0,
                    delinquent: false,
                    default_payment_method: None,
                    created: i64::from(row.created),
                    preferred_locales: Vec::new(),
                };
                customers::upsert(tx, &customer, 1)?;
                // Statuses come from subscriptions in the app; set directly here.
                tx.execute(
                    "UPDATE customers SET status = ?1, next_renewal = ?2 WHERE id = ?3",
                    rusqlite::params![
                        STATUSES[usize::from(row.status) % STATUSES.len()],
                        row.next_renewal.map(i64::from),
                        customer.id
                    ],
                )?;
            }
            Ok(())
        })
        .expect("the customers are stored");
}
