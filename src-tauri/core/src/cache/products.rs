//! `products`: what prices belong to.

use rusqlite::{Connection, params};
use serde::Serialize;

use super::SqlResult;

/// A cached product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Product {
    /// `prod_…`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Whether it is for sale.
    pub active: bool,
    /// Unix seconds.
    pub created: i64,
}

/// Inserts or updates `product`.
pub fn upsert(conn: &Connection, product: &Product, run: i64) -> SqlResult<()> {
    conn.prepare_cached(
        "INSERT INTO products (id, name, active, created, seen_run) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET name = ?2, active = ?3, created = ?4,
             seen_run = max(seen_run, ?5)",
    )?
    .execute(params![
        product.id,
        product.name,
        product.active,
        product.created,
        run
    ])?;
    Ok(())
}

/// Removes product `id`.
pub fn delete(conn: &Connection, id: &str) -> SqlResult<bool> {
    Ok(conn.execute("DELETE FROM products WHERE id = ?1", [id])? > 0)
}

/// Deletes products the full sync `run` did not see.
pub fn delete_unseen(conn: &Connection, run: i64) -> SqlResult<usize> {
    conn.execute("DELETE FROM products WHERE seen_run < ?1", [run])
}
