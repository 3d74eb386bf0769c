//! The customer search index, held in memory: every customer's folded text
//! (name, email, id, phone) in one buffer, and the list's three orders.
//!
//! A keystroke's search is one substring scan of that buffer (a few MB at
//! 100,000 customers) and a partial sort of the matches, a few milliseconds
//! whatever the text. SQLite could not do that: a trigram index can't answer
//! one or two characters, and counting a common text's matches reads them all.
//! The index is rebuilt when `customers_generation` (bumped by triggers on every
//! change to `customers`) moves, so it is never staler than the cache.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use memchr::memmem;
use rusqlite::Connection;

use super::SqlResult;
use super::customers::{SortOrder, StatusFilter};

/// One cache's customers, ready to search.
#[derive(Debug)]
pub struct CustomerIndex {
    /// The `customers_generation` this was built from.
    generation: i64,
    /// Every customer's folded text, back to back, in `pk` order.
    text: Vec<u8>,
    /// Where each customer's text ends in `text` (it starts where the last ended).
    ends: Vec<u32>,
    pks: Vec<i64>,
    /// Each customer's status, as an index into `statuses`.
    status: Vec<u8>,
    statuses: Vec<String>,
    /// Per [`SortOrder`], each customer's position in the list.
    ranks: [Vec<u32>; 3],
}

/// A page of matches and how many there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The customers' `pk`s, in list order.
    pub pks: Vec<i64>,
    /// All matches, not only the page.
    pub count: u64,
}

const ORDERS: [SortOrder; 3] = [SortOrder::Name, SortOrder::Created, SortOrder::NextRenewal];

fn order_slot(sort: SortOrder) -> usize {
    match sort {
        SortOrder::Name => 0,
        SortOrder::Created => 1,
        SortOrder::NextRenewal => 2,
    }
}

/// The customers table's change counter.
pub fn generation(conn: &Connection) -> SqlResult<i64> {
    conn.prepare_cached("SELECT n FROM customers_generation")?
        .query_row([], |r| r.get(0))
}

impl CustomerIndex {
    /// Reads every customer. Call inside a read transaction, so the rows and
    /// the generation agree.
    pub fn load(conn: &Connection) -> SqlResult<CustomerIndex> {
        let generation = generation(conn)?;
        let mut text = Vec::new();
        let mut ends = Vec::new();
        let mut pks = Vec::new();
        let mut status = Vec::new();
        let mut statuses: Vec<String> = Vec::new();
        let mut rows = conn.prepare("SELECT pk, folded, status FROM customers ORDER BY pk")?;
        let mut rows = rows.query([])?;
        while let Some(row) = rows.next()? {
            pks.push(row.get::<_, i64>(0)?);
            text.extend_from_slice(row.get_ref(1)?.as_str()?.as_bytes());
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
            let name = row.get_ref(2)?.as_str()?;
            let slot = match statuses.iter().position(|s| s == name) {
                Some(slot) => slot,
                None => {
                    statuses.push(name.to_owned());
                    statuses.len() - 1
                }
            };
            // Stripe has eight subscription statuses plus "none".
            status.push(u8::try_from(slot).unwrap_or(u8::MAX));
        }
        let mut ranks: [Vec<u32>; 3] = Default::default();
        for sort in ORDERS {
            let rank = &mut ranks[order_slot(sort)];
            *rank = vec![0; pks.len()];
            let sql = format!("SELECT pk FROM customers ORDER BY {}", sort.order_by());
            let mut ordered = conn.prepare(&sql)?;
            let ordered = ordered.query_map([], |r| r.get::<_, i64>(0))?;
            for (position, pk) in ordered.enumerate() {
                if let Ok(row) = pks.binary_search(&pk?) {
                    rank[row] = position as u32;
                }
            }
        }
        Ok(CustomerIndex {
            generation,
            text,
            ends,
            pks,
            status,
            statuses,
            ranks,
        })
    }

    /// Customers whose folded text contains `folded` (all when it is empty)
    /// and whose status is `status`, sorted by `sort`: `limit` of them from
    /// `offset`, and the count of all.
    pub fn find(
        &self,
        folded: &str,
        status: Option<StatusFilter>,
        sort: SortOrder,
        offset: usize,
        limit: usize,
    ) -> Found {
        // Which of this index's status slots the filter keeps.
        let wanted: Option<Vec<bool>> = status.map(|filter| {
            let selects = filter.selects();
            self.statuses
                .iter()
                .map(|s| selects.contains(&s.as_str()))
                .collect()
        });
        if wanted.as_ref().is_some_and(|w| !w.contains(&true)) {
            return Found {
                pks: Vec::new(),
                count: 0,
            };
        }
        let keep = |row: usize| {
            wanted
                .as_ref()
                .is_none_or(|w| w.get(usize::from(self.status[row])) == Some(&true))
        };
        let matched: Vec<u32> = if folded.is_empty() {
            (0..self.pks.len())
                .filter(|&row| keep(row))
                .map(|row| row as u32)
                .collect()
        } else {
            self.scan(folded.as_bytes(), keep)
        };

        // Only the rows up to the page's end need sorting.
        let rank = &self.ranks[order_slot(sort)];
        let mut keyed: Vec<u64> = matched
            .iter()
            .map(|&row| (u64::from(rank[row as usize]) << 32) | u64::from(row))
            .collect();
        let end = offset.saturating_add(limit).min(keyed.len());
        if end < keyed.len() && end > 0 {
            keyed.select_nth_unstable(end - 1);
        }
        keyed.truncate(end);
        keyed.sort_unstable();
        Found {
            pks: keyed
                .iter()
                .skip(offset)
                .map(|key| self.pks[(key & u64::from(u32::MAX)) as usize])
                .collect(),
            count: matched.len() as u64,
        }
    }

    /// The rows (in `pk` order) whose text contains `needle` and that `keep` keeps.
    fn scan(&self, needle: &[u8], keep: impl Fn(usize) -> bool) -> Vec<u32> {
        let finder = memmem::Finder::new(needle);
        let mut matched = Vec::new();
        let mut row = 0;
        let mut from = 0;
        while let Some(found) = finder.find(&self.text[from..]) {
            let at = from + found;
            // Hits are usually close together: walking beats a binary search.
            while (self.ends[row] as usize) <= at {
                row += 1;
            }
            let end = self.ends[row] as usize;
            // A hit running into the next customer's text is no match, and no
            // later hit in this customer's text can fit either.
            if at + needle.len() <= end && keep(row) {
                matched.push(row as u32);
            }
            from = end;
            row += 1;
            if row == self.ends.len() {
                break;
            }
        }
        matched
    }

    /// Customers indexed.
    pub fn len(&self) -> usize {
        self.pks.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.pks.is_empty()
    }
}

/// How many caches' indexes are kept: the profile in use and the one before.
const KEEP: usize = 2;

/// Indexes kept between calls, one per cache file, each rebuilt when its
/// cache's customers changed. The app holds one for its lifetime.
#[derive(Debug, Default)]
pub struct CustomerIndexes {
    held: Mutex<Vec<(PathBuf, Arc<CustomerIndex>)>>,
}

impl CustomerIndexes {
    /// The index of the cache at `path`, as `conn` sees it now. Call inside a
    /// read transaction, so what is then read by `pk` is what was indexed.
    pub fn current(&self, conn: &Connection, path: &Path) -> SqlResult<Arc<CustomerIndex>> {
        let now = generation(conn)?;
        // Built under the lock: the window asks for several chunks at once,
        // and one build serves them all.
        let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, index)) = held
            .iter()
            .find(|(held_path, index)| held_path == path && index.generation == now)
        {
            return Ok(index.clone());
        }
        let index = Arc::new(CustomerIndex::load(conn)?);
        held.retain(|(held_path, _)| held_path != path);
        held.insert(0, (path.to_owned(), index.clone()));
        held.truncate(KEEP);
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::Cache;
    use crate::cache::customers::{self, Customer, StatusFilter};

    fn customer(n: u64, name: Option<String>) -> Customer {
        Customer {
            id: format!("cus_T{n:05}"),
            email: Some(format!("buyer{n}@shop{}.example", n % 7)),
            name,
            phone: n.is_multiple_of(3).then(|| format!("+49 30 {n:06}")),
            description: None,
            address: None,
            currency: Some("eur".into()),
            balance: 0,
            delinquent: false,
            default_payment_method: None,
            // Ties on `created` make the id the deciding key.
            created: 1_700_000_000 + (n % 50) as i64,
            preferred_locales: Vec::new(),
        }
    }

    /// 3,000 customers with repeating, accented and missing names, statuses
    /// and renewal dates, inserted in an order unrelated to any list order.
    fn varied_cache() -> anyhow::Result<Cache> {
        const NAMES: [&str; 6] = [
            "Zoë Saldaña",
            "bob smith",
            "Émile Zola",
            "Ann",
            "ann-marie",
            "Ünal Öz",
        ];
        const STATUSES: [&str; 5] = ["active", "past_due", "none", "canceled", "unpaid"];
        let mut cache = Cache::in_memory()?;
        cache.write(|tx| {
            for k in 0..3000u64 {
                let n = (k * 7919) % 3000;
                let name =
                    (!n.is_multiple_of(11)).then(|| format!("{} {n}", NAMES[(n % 6) as usize]));
                customers::upsert(tx, &customer(n, name), 1)?;
                tx.execute(
                    "UPDATE customers SET status = ?1, next_renewal = ?2 WHERE id = ?3",
                    rusqlite::params![
                        STATUSES[(n % 5) as usize],
                        (!n.is_multiple_of(5)).then_some(1_800_000_000 + (n % 40) as i64),
                        format!("cus_T{n:05}")
                    ],
                )?;
            }
            Ok(())
        })?;
        Ok(cache)
    }

    /// What SQLite says the page and the count are, sorting everything.
    fn reference(
        conn: &Connection,
        folded: &str,
        status: Option<StatusFilter>,
        sort: SortOrder,
        offset: usize,
        limit: usize,
    ) -> anyhow::Result<Found> {
        let filter = "instr(folded, ?1) > 0
            AND (?2 IS NULL OR status IN (SELECT value FROM json_each(?2)))";
        let status = status.map(|s| serde_json::json!(s.selects()).to_string());
        let count: i64 = conn.query_row(
            &format!("SELECT count(*) FROM customers WHERE {filter}"),
            rusqlite::params![folded, status],
            |r| r.get(0),
        )?;
        let pks = conn
            .prepare(&format!(
                "SELECT pk FROM customers WHERE {filter} ORDER BY {} LIMIT ?3 OFFSET ?4",
                sort.order_by()
            ))?
            .query_map(
                rusqlite::params![folded, status, limit as i64, offset as i64],
                |r| r.get(0),
            )?
            .collect::<Result<_, _>>()?;
        Ok(Found {
            pks,
            count: count as u64,
        })
    }

    #[test]
    fn every_page_in_every_order_is_what_a_full_sort_gives() -> anyhow::Result<()> {
        let cache = varied_cache()?;
        let index = CustomerIndex::load(cache.conn())?;
        assert_eq!(index.len(), 3000);
        let texts = [
            "", "a", "an", "zoe", "ann", "shop3", "cus_t0", "+49", "4", "12", "nobody",
        ];
        let statuses = [
            None,
            Some(StatusFilter::Active),
            Some(StatusFilter::Trialing),
            Some(StatusFilter::NeedsAttention),
        ];
        let pages = [(0, 50), (0, 1), (120, 50), (2990, 50), (0, usize::MAX >> 1)];
        let mut checked = 0;
        for text in texts {
            for status in statuses {
                for sort in ORDERS {
                    for (offset, limit) in pages {
                        let found = index.find(text, status, sort, offset, limit);
                        let expected = reference(cache.conn(), text, status, sort, offset, limit)?;
                        assert_eq!(
                            found, expected,
                            "{text:?} {status:?} {sort:?} from {offset}, {limit}"
                        );
                        checked += usize::from(!expected.pks.is_empty());
                    }
                }
            }
        }
        assert!(checked > 200, "most cases have rows: {checked}");
        Ok(())
    }

    #[test]
    fn a_match_never_runs_from_one_customer_into_the_next() -> anyhow::Result<()> {
        let mut cache = Cache::in_memory()?;
        cache.write(|tx| {
            customers::upsert(tx, &customer(1, Some("Abc".into())), 1)?;
            customers::upsert(tx, &customer(2, Some("Def".into())), 1)
        })?;
        let index = CustomerIndex::load(cache.conn())?;
        // The first customer's text ends in its id, the second's starts with "def".
        assert_eq!(
            index.find("00001def", None, SortOrder::Name, 0, 10).count,
            0
        );
        assert_eq!(index.find("def", None, SortOrder::Name, 0, 10).count, 1);
        Ok(())
    }

    #[test]
    fn a_change_to_the_customers_rebuilds_the_index_and_nothing_else_does() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("cache.sqlite3");
        let mut cache = Cache::open(&path)?;
        cache.write(|tx| customers::upsert(tx, &customer(1, Some("Ann Old".into())), 1))?;
        let indexes = CustomerIndexes::default();
        let first = indexes.current(cache.conn(), &path)?;
        assert!(Arc::ptr_eq(&first, &indexes.current(cache.conn(), &path)?));

        // Another connection renames the customer: the next search sees it.
        let mut writer = Cache::open(&path)?;
        writer.write(|tx| customers::upsert(tx, &customer(1, Some("Ann New".into())), 1))?;
        let renamed = indexes.current(cache.conn(), &path)?;
        assert!(!Arc::ptr_eq(&first, &renamed));
        assert_eq!(renamed.find("new", None, SortOrder::Name, 0, 10).count, 1);
        assert_eq!(renamed.find("old", None, SortOrder::Name, 0, 10).count, 0);

        // A status change moves a filter's answer too.
        writer.write(|tx| tx.execute("UPDATE customers SET status = 'active'", []))?;
        let active = indexes.current(cache.conn(), &path)?;
        assert_eq!(
            active
                .find("", Some(StatusFilter::Active), SortOrder::Name, 0, 10)
                .count,
            1
        );

        // Writes to other tables keep the index.
        writer.write(|tx| crate::cache::sync_state::set(tx, "probe", 1))?;
        assert!(Arc::ptr_eq(&active, &indexes.current(cache.conn(), &path)?));

        // A cache deleted and created again at the same path starts elsewhere.
        drop((cache, writer));
        std::fs::remove_dir_all(dir.path())?;
        let cache = Cache::open(&path)?;
        let fresh = indexes.current(cache.conn(), &path)?;
        assert!(fresh.is_empty());
        Ok(())
    }

    #[test]
    fn a_prepared_index_serves_the_first_search() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("cache.sqlite3");
        let mut cache = Cache::open(&path)?;
        cache.write(|tx| customers::upsert(tx, &customer(1, Some("Ann".into())), 1))?;
        let indexes = CustomerIndexes::default();
        crate::query::prepare_search(&cache, &indexes)?;
        let prepared = indexes.current(cache.conn(), &path)?;
        // Another connection, as each of the window's requests opens its own.
        let reader = Cache::open(&path)?;
        assert!(Arc::ptr_eq(
            &prepared,
            &indexes.current(reader.conn(), &path)?
        ));
        assert_eq!(prepared.find("ann", None, SortOrder::Name, 0, 10).count, 1);
        Ok(())
    }
}
