//! The local cache of one Stripe account: a SQLite file per profile, a module
//! per table. Writes happen in transactions (a page of objects, or a batch of
//! events, with the sync progress that goes with it), so a crash or kill at any
//! point leaves the file at the last committed batch.

pub mod activity;
pub mod campaigns;
pub mod customer_index;
pub mod customers;
pub mod events;
pub mod invoices;
mod migrations;
pub mod payment_methods;
mod pool;
pub mod prices;
pub mod products;
pub mod subscriptions;
pub mod sync_state;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use migrations::MigrationError;
pub(crate) use pool::CachePool;
pub use pool::PooledCache;
pub use rusqlite::Transaction;

/// The cache could not be opened, read or written.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// SQLite failed.
    #[error("the local cache {} failed: {source}", path.display())]
    Sqlite {
        /// The cache file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The schema could not be brought up to date.
    #[error("the local cache {} could not be upgraded: {source}", path.display())]
    Migration {
        /// The cache file.
        path: PathBuf,
        /// Why.
        source: MigrationError,
    },
    /// The file could not be created.
    #[error("the local cache {} could not be created: {source}", path.display())]
    Io {
        /// The cache file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
}

/// One profile's cache file.
pub struct Cache {
    conn: Connection,
    path: PathBuf,
}

/// A result whose errors are bare SQLite errors; [`Cache`] adds the path.
pub type SqlResult<T> = rusqlite::Result<T>;

impl Cache {
    /// Opens (creating it with mode 0600 if needed) and migrates the cache at `path`.
    pub fn open(path: &Path) -> Result<Cache, CacheError> {
        create_private(path).map_err(|source| CacheError::Io {
            path: path.to_owned(),
            source,
        })?;
        let conn = Connection::open(path).map_err(|source| CacheError::Sqlite {
            path: path.to_owned(),
            source,
        })?;
        Cache::setup(conn, path.to_owned())
    }

    /// A cache in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Cache, CacheError> {
        let conn = Connection::open_in_memory().map_err(|source| CacheError::Sqlite {
            path: PathBuf::from(":memory:"),
            source,
        })?;
        Cache::setup(conn, PathBuf::from(":memory:"))
    }

    fn setup(mut conn: Connection, path: PathBuf) -> Result<Cache, CacheError> {
        let sqlite = |source| CacheError::Sqlite {
            path: path.clone(),
            source,
        };
        conn.busy_timeout(Duration::from_secs(5)).map_err(sqlite)?;
        // Connections switching a new file to WAL at once can deadlock, and
        // SQLite then answers one of them "busy" at once instead of waiting.
        let mut tries = 0;
        loop {
            match conn.pragma_update(None, "journal_mode", "WAL") {
                Err(rusqlite::Error::SqliteFailure(e, _))
                    if e.code == rusqlite::ErrorCode::DatabaseBusy && tries < 100 =>
                {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(10));
                }
                done => break done.map_err(sqlite)?,
            }
        }
        // WAL + NORMAL is durable against application crashes and kills; only an
        // OS crash may lose the last transactions, never corrupt the file.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sqlite)?;
        migrations::migrate(&mut conn).map_err(|source| CacheError::Migration {
            path: path.clone(),
            source,
        })?;
        Ok(Cache { conn, path })
    }

    /// The file behind this cache.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read access for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `work` in one transaction: all of it lands, or none of it.
    pub fn write<T>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>) -> SqlResult<T>,
    ) -> Result<T, CacheError> {
        let path = self.path.clone();
        let sqlite = |source| CacheError::Sqlite { path, source };
        let tx = self.conn.transaction().map_err(sqlite.clone())?;
        let value = work(&tx).map_err(sqlite.clone())?;
        tx.commit().map_err(sqlite)?;
        Ok(value)
    }

    /// Runs the queries of `work`, adding this cache's path to any SQLite
    /// error: the read side of [`Cache::write`], outside a transaction.
    pub fn read<T>(&self, work: impl FnOnce(&Connection) -> SqlResult<T>) -> Result<T, CacheError> {
        work(&self.conn).map_err(|e| self.error(e))
    }

    /// Wraps a bare SQLite error with this cache's path.
    pub fn error(&self, source: rusqlite::Error) -> CacheError {
        CacheError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// `PRAGMA integrity_check`: `"ok"` for a sound file.
    pub fn integrity_check(&self) -> Result<String, CacheError> {
        self.read(|conn| conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)))
    }

    /// Objects held, per table.
    pub fn counts(&self) -> Result<Counts, CacheError> {
        let count = |table: &str| -> Result<u64, CacheError> {
            self.read(|conn| {
                conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
            })
            .map(|n| n as u64)
        };
        Ok(Counts {
            customers: count("customers")?,
            subscriptions: count("subscriptions")?,
            invoices: count("invoices")?,
            payment_methods: count("payment_methods")?,
            prices: count("prices")?,
            products: count("products")?,
        })
    }
}

/// How many objects of each kind the cache holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Customers.
    pub customers: u64,
    /// Subscriptions, canceled ones included.
    pub subscriptions: u64,
    /// Invoices.
    pub invoices: u64,
    /// Payment methods.
    pub payment_methods: u64,
    /// Prices.
    pub prices: u64,
    /// Products.
    pub products: u64,
}

/// Creates `path` with mode 0600, keeping it if it exists (its WAL companions
/// inherit the mode from SQLite, which copies the database file's permissions).
fn create_private(path: &Path) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        crate::private_files::create_dir_all(parent)?;
    }
    crate::private_files::create_or_keep(path)
}

/// Lower-cases `text` and strips accents, so "Zoë" matches "zoe".
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Zoë ÅNGSTRÖM"), "zoe angstrom");
        assert_eq!(fold("Crème Brûlée"), "creme brulee");
    }

    #[cfg(unix)]
    #[test]
    fn the_cache_file_is_private_and_sound() -> anyhow::Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("nested/cache.sqlite3");
        let cache = Cache::open(&path)?;
        assert_eq!(
            std::fs::metadata(&path)?.permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(cache.integrity_check()?, "ok");
        let mode: String = cache
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        assert_eq!(mode, "wal");
        drop(cache);
        // Opening again runs no migration twice.
        Cache::open(&path)?;
        Ok(())
    }
}
