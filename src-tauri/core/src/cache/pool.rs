//! Open caches kept for the next request. Each open costs a file open, the
//! pragmas, the schema's parse and every statement's preparation, and the
//! window asks for a list page at every keystroke.

use std::collections::HashMap;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use super::{Cache, CacheError};

/// Idle connections kept per file: enough for the requests a window sends at
/// once (a list page, the counts, a customer's detail, the sync status).
const IDLE_PER_FILE: usize = 4;

/// Caches given back after use, by file, for the next [`CachePool::open`].
#[derive(Clone, Default)]
pub struct CachePool {
    idle: Arc<Mutex<Idle>>,
}

#[derive(Default)]
struct Idle {
    by_path: HashMap<PathBuf, Vec<Cache>>,
    /// Bumped by [`CachePool::forget`]: a cache taken out before that is
    /// closed when given back, not kept.
    epoch: u64,
}

impl CachePool {
    /// An idle cache of `path`, or a newly opened one. It goes back to the
    /// pool when dropped.
    pub fn open(&self, path: &Path) -> Result<PooledCache, CacheError> {
        let (kept, epoch) = {
            let mut idle = self.lock();
            let kept = idle.by_path.get_mut(path).and_then(Vec::pop);
            (kept, idle.epoch)
        };
        let cache = match kept {
            Some(cache) => cache,
            None => Cache::open(path)?,
        };
        Ok(PooledCache {
            cache: Some(cache),
            pool: self.clone(),
            epoch,
        })
    }

    /// Closes the idle caches of `path`, and those in use when they come
    /// back: call it before the file is deleted, so no connection outlives it.
    pub fn forget(&self, path: &Path) {
        let mut idle = self.lock();
        idle.by_path.remove(path);
        idle.epoch += 1;
    }

    /// Idle caches of `path`.
    #[cfg(test)]
    fn idle(&self, path: &Path) -> usize {
        self.lock().by_path.get(path).map_or(0, Vec::len)
    }

    fn lock(&self) -> MutexGuard<'_, Idle> {
        // The map stays sound whatever panicked while holding it.
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn give_back(&self, cache: Cache, epoch: u64) {
        // A connection left inside a transaction (a panic midway) is closed.
        if !cache.conn.is_autocommit() {
            return;
        }
        let mut idle = self.lock();
        if idle.epoch != epoch {
            return;
        }
        let kept = idle.by_path.entry(cache.path.clone()).or_default();
        if kept.len() < IDLE_PER_FILE {
            kept.push(cache);
        }
    }
}

/// A cache taken from a [`CachePool`]; it goes back when dropped.
pub struct PooledCache {
    cache: Option<Cache>,
    pool: CachePool,
    epoch: u64,
}

impl Deref for PooledCache {
    type Target = Cache;

    fn deref(&self) -> &Cache {
        self.cache.as_ref().expect("held until dropped")
    }
}

impl DerefMut for PooledCache {
    fn deref_mut(&mut self) -> &mut Cache {
        self.cache.as_mut().expect("held until dropped")
    }
}

impl Drop for PooledCache {
    fn drop(&mut self) {
        if let Some(cache) = self.cache.take() {
            self.pool.give_back(cache, self.epoch);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_given_back_is_the_next_one_taken() -> anyhow::Result<()> {
        let (_dir, path, pool) = scratch()?;
        let first = pool.open(&path)?;
        // A connection-scoped mark: only the same connection sees it.
        first.conn().execute_batch("CREATE TEMP TABLE mark (x)")?;
        let second = pool.open(&path)?;
        assert!(
            has_mark(&second).is_err(),
            "two at once are two connections"
        );
        drop(second);
        drop(first);
        assert_eq!(pool.idle(&path), 2);
        let again = pool.open(&path)?;
        assert!(
            has_mark(&again).is_ok(),
            "the last given back comes out first"
        );
        Ok(())
    }

    #[test]
    fn a_forgotten_file_keeps_no_connection_even_one_in_use() -> anyhow::Result<()> {
        let (_dir, path, pool) = scratch()?;
        let in_use = pool.open(&path)?;
        drop(pool.open(&path)?);
        assert_eq!(pool.idle(&path), 1);
        pool.forget(&path);
        assert_eq!(pool.idle(&path), 0);
        drop(in_use);
        assert_eq!(pool.idle(&path), 0, "taken before the forget, closed after");
        std::fs::remove_file(&path)?;
        let fresh = pool.open(&path)?;
        assert_eq!(fresh.counts()?.customers, 0);
        Ok(())
    }

    #[test]
    fn a_connection_left_in_a_transaction_is_not_kept() -> anyhow::Result<()> {
        let (_dir, path, pool) = scratch()?;
        let cache = pool.open(&path)?;
        cache.conn().execute_batch("BEGIN")?;
        drop(cache);
        assert_eq!(pool.idle(&path), 0);
        Ok(())
    }

    #[test]
    fn at_most_a_few_idle_connections_per_file() -> anyhow::Result<()> {
        let (_dir, path, pool) = scratch()?;
        let many = (0..IDLE_PER_FILE + 3)
            .map(|_| pool.open(&path))
            .collect::<Result<Vec<_>, _>>()?;
        drop(many);
        assert_eq!(pool.idle(&path), IDLE_PER_FILE);
        Ok(())
    }

    /// A pool, and the path of a cache file in a new folder (kept while the first lives).
    fn scratch() -> anyhow::Result<(tempfile::TempDir, PathBuf, CachePool)> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("cache.sqlite3");
        Ok((dir, path, CachePool::default()))
    }

    fn has_mark(cache: &Cache) -> rusqlite::Result<i64> {
        cache
            .conn()
            .query_row("SELECT count(*) FROM temp.mark", [], |r| r.get(0))
    }
}
