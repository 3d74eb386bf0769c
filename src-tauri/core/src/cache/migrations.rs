//! The cache schema, one migration per step. Never edit a released step; add one.
//!
//! Subscriptions, invoices and payment methods carry no foreign key to
//! `customers`: a full sync lists them in parallel (a subscription page may land
//! before its customer's), and Stripe keeps invoices of deleted customers.
//! Every synced row has `seen_run`, the full sync that last saw it, so a
//! completed full sync can drop what Stripe no longer has.

use rusqlite::{Connection, TransactionBehavior};

/// The schema's steps, oldest first; `PRAGMA user_version` counts those applied.
const STEPS: [&str; 5] = [V1, V2, V3, V4, V5];

/// Why the schema could not be brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum MigrationError {
    /// SQLite failed while reading the version or applying a step.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// The file has steps this version doesn't know.
    #[error("it was made by a newer Portal Desk (schema {found}, this version knows {known})")]
    Newer {
        /// The file's `user_version`.
        found: i64,
        /// The steps this version has.
        known: usize,
    },
}

/// The steps as `rusqlite_migration` sees them, for its validation in the tests.
#[cfg(test)]
fn migrations() -> rusqlite_migration::Migrations<'static> {
    use rusqlite_migration::{M, Migrations};
    Migrations::new(STEPS.iter().map(|step| M::up(step)).collect())
}

/// Brings the schema up to date. A cache already up to date is only read:
/// opening one must not wait for a sync's write lock, nor write itself. When
/// steps are missing, the version is read again inside the write transaction
/// that applies them, so connections opening a new cache at once (the list
/// and the first sync, or the app and the CLI) take turns instead of both
/// creating the tables.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), MigrationError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version == STEPS.len() as i64 {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let applied = usize::try_from(version).unwrap_or(usize::MAX);
    if applied > STEPS.len() {
        return Err(MigrationError::Newer {
            found: version,
            known: STEPS.len(),
        });
    }
    for step in &STEPS[applied..] {
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "user_version", STEPS.len() as i64)?;
    Ok(tx.commit()?)
}

const V1: &str = r#"
CREATE TABLE customers (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT,
    email TEXT,
    phone TEXT,
    description TEXT,
    address TEXT,
    currency TEXT,
    balance INTEGER NOT NULL DEFAULT 0,
    delinquent INTEGER NOT NULL DEFAULT 0,
    default_payment_method TEXT,
    created INTEGER NOT NULL,
    -- Derived from the customer's subscriptions (see customers::refresh_status).
    status TEXT NOT NULL DEFAULT 'none',
    current_subscription TEXT,
    next_renewal INTEGER,
    -- Lower-cased, accents removed: the short-query search path.
    folded TEXT NOT NULL DEFAULT '',
    seen_run INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customers_by_status ON customers (status);
-- One index per list order, matching its ORDER BY exactly, so a page of the
-- list (and a search walking it) reads rows in order instead of sorting all.
CREATE INDEX customers_by_name ON customers (name IS NULL, name COLLATE NOCASE, id);
CREATE INDEX customers_by_created ON customers (created, id);
CREATE INDEX customers_by_renewal ON customers (next_renewal IS NULL, next_renewal, id);

CREATE VIRTUAL TABLE customers_fts USING fts5 (
    name, email, id, phone,
    content = 'customers', content_rowid = 'pk',
    tokenize = 'trigram remove_diacritics 1'
);
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
    INSERT INTO customers_fts (rowid, name, email, id, phone)
    VALUES (new.pk, new.name, new.email, new.id, new.phone);
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
    INSERT INTO customers_fts (customers_fts, rowid, name, email, id, phone)
    VALUES ('delete', old.pk, old.name, old.email, old.id, old.phone);
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF name, email, id, phone ON customers BEGIN
    INSERT INTO customers_fts (customers_fts, rowid, name, email, id, phone)
    VALUES ('delete', old.pk, old.name, old.email, old.id, old.phone);
    INSERT INTO customers_fts (rowid, name, email, id, phone)
    VALUES (new.pk, new.name, new.email, new.id, new.phone);
END;

CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    status TEXT NOT NULL,
    cancel_at_period_end INTEGER NOT NULL DEFAULT 0,
    cancel_at INTEGER,
    canceled_at INTEGER,
    current_period_start INTEGER,
    current_period_end INTEGER,
    created INTEGER NOT NULL,
    currency TEXT,
    default_payment_method TEXT,
    seen_run INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX subscriptions_by_customer ON subscriptions (customer_id, created);

CREATE TABLE subscription_items (
    id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    price_id TEXT,
    quantity INTEGER,
    position INTEGER NOT NULL
);
CREATE INDEX subscription_items_by_subscription ON subscription_items (subscription_id);

CREATE TABLE invoices (
    id TEXT PRIMARY KEY,
    customer_id TEXT,
    subscription_id TEXT,
    number TEXT,
    status TEXT,
    currency TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    amount_due INTEGER NOT NULL DEFAULT 0,
    amount_paid INTEGER NOT NULL DEFAULT 0,
    amount_remaining INTEGER NOT NULL DEFAULT 0,
    period_start INTEGER,
    period_end INTEGER,
    created INTEGER NOT NULL,
    due_date INTEGER,
    hosted_invoice_url TEXT,
    invoice_pdf TEXT,
    seen_run INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX invoices_by_customer ON invoices (customer_id, created);
CREATE INDEX invoices_by_status ON invoices (status);

CREATE TABLE payment_methods (
    id TEXT PRIMARY KEY,
    customer_id TEXT,
    type TEXT NOT NULL,
    brand TEXT,
    last4 TEXT,
    exp_month INTEGER,
    exp_year INTEGER,
    created INTEGER NOT NULL,
    seen_run INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX payment_methods_by_customer ON payment_methods (customer_id);

CREATE TABLE products (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    active INTEGER NOT NULL,
    created INTEGER NOT NULL,
    seen_run INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE prices (
    id TEXT PRIMARY KEY,
    product_id TEXT,
    nickname TEXT,
    unit_amount INTEGER,
    currency TEXT NOT NULL,
    recurring_interval TEXT,
    recurring_interval_count INTEGER,
    active INTEGER NOT NULL,
    created INTEGER NOT NULL,
    seen_run INTEGER NOT NULL DEFAULT 0
);

-- Progress of syncs: a key/value record plus the windows of a full sync, so a
-- killed sync resumes where its last committed page left it.
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE sync_windows (
    run INTEGER NOT NULL,
    resource TEXT NOT NULL,
    lo INTEGER NOT NULL,
    hi INTEGER,
    cursor TEXT,
    cursor_created INTEGER,
    first_created INTEGER,
    fetched INTEGER NOT NULL DEFAULT 0,
    done INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run, resource, lo)
);

CREATE TABLE applied_events (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    created INTEGER NOT NULL
);
CREATE INDEX applied_events_by_created ON applied_events (created);

CREATE TABLE activity (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    customer_id TEXT,
    event_id TEXT,
    kind TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX activity_by_customer ON activity (customer_id, at);
CREATE INDEX activity_by_at ON activity (at);
"#;

/// Bulk email: one row per campaign and per recipient, so a re-run of the same
/// campaign skips everyone already emailed.
const V2: &str = r#"
CREATE TABLE campaigns (
    id TEXT PRIMARY KEY,
    created INTEGER NOT NULL,
    audience TEXT NOT NULL,
    link TEXT NOT NULL
);
CREATE TABLE campaign_recipients (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    customer_id TEXT NOT NULL,
    email TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed', 'skipped')),
    reason TEXT,
    at INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, customer_id)
);
"#;

/// Search moves to an in-memory index (`customer_index`): the trigram table goes,
/// and a generation counter tells the index when the customers changed. It
/// starts at a random value, so a cache deleted and created again at the same
/// path is never mistaken for the one an index was built from.
const V3: &str = r#"
DROP TRIGGER customers_fts_insert;
DROP TRIGGER customers_fts_delete;
DROP TRIGGER customers_fts_update;
DROP TABLE customers_fts;

CREATE TABLE customers_generation (n INTEGER NOT NULL);
INSERT INTO customers_generation (n) VALUES (abs(random() % 1000000000000));
CREATE TRIGGER customers_changed_insert AFTER INSERT ON customers BEGIN
    UPDATE customers_generation SET n = n + 1;
END;
CREATE TRIGGER customers_changed_delete AFTER DELETE ON customers BEGIN
    UPDATE customers_generation SET n = n + 1;
END;
CREATE TRIGGER customers_changed_update AFTER UPDATE ON customers BEGIN
    UPDATE customers_generation SET n = n + 1;
END;
"#;

/// When Stripe retries a failed invoice's payment, for the at-risk customers'
/// "next retry". Invoices cached before it get it at their next read.
const V4: &str = r#"
ALTER TABLE invoices ADD COLUMN next_payment_attempt INTEGER;
"#;

/// The customer's preferred languages in Stripe (`preferred_locales`, comma
/// separated), which pick the language of their emails. Customers cached
/// before it get them at the next full sync, or when they change.
/// Also each activity entry's details (who, which plan, which card), as a JSON
/// list of pairs, so the window words it in its own language; older entries
/// keep only their English sentence.
const V5: &str = r#"
ALTER TABLE customers ADD COLUMN preferred_locales TEXT;
ALTER TABLE activity ADD COLUMN args TEXT;
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn every_older_schema_upgrades_and_a_newer_one_is_refused() -> anyhow::Result<()> {
        for applied in 0..=STEPS.len() {
            let mut conn = Connection::open_in_memory()?;
            for step in &STEPS[..applied] {
                conn.execute_batch(step)?;
            }
            conn.pragma_update(None, "user_version", applied as i64)?;
            migrate(&mut conn)?;
            let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            assert_eq!(version, STEPS.len() as i64);
        }
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "user_version", STEPS.len() as i64 + 1)?;
        let refused = migrate(&mut conn).expect_err("a newer schema").to_string();
        assert!(refused.contains("newer Portal Desk"), "{refused}");
        Ok(())
    }

    #[test]
    fn connections_opening_a_new_cache_at_once_take_turns() -> anyhow::Result<()> {
        for round in 0..20 {
            let dir = tempfile::tempdir()?;
            let path = dir.path().join("cache.sqlite3");
            let barrier = std::sync::Arc::new(std::sync::Barrier::new(4));
            let openers: Vec<_> = (0..4)
                .map(|_| {
                    let (path, barrier) = (path.clone(), barrier.clone());
                    std::thread::spawn(move || {
                        barrier.wait();
                        crate::cache::Cache::open(&path).map(|_| ())
                    })
                })
                .collect();
            for opener in openers {
                let opened = opener.join().expect("no panic");
                assert!(opened.is_ok(), "round {round}: {opened:?}");
            }
        }
        Ok(())
    }

    #[test]
    fn an_up_to_date_cache_opens_while_a_sync_holds_the_write_lock() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("cache.sqlite3");
        let writer = crate::cache::Cache::open(&path)?;
        writer.conn().execute_batch("BEGIN IMMEDIATE")?;
        // Opening takes no write lock: it would wait out the busy timeout
        // and fail "database is locked".
        let reader = crate::cache::Cache::open(&path)?;
        assert_eq!(reader.counts()?.customers, 0);
        writer.conn().execute_batch("COMMIT")?;
        Ok(())
    }
}
