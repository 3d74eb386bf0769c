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

/// Active products with at least one active recurring price: what plan
/// switching can offer. By name.
pub fn switchable(conn: &Connection) -> SqlResult<Vec<Product>> {
    conn.prepare_cached(
        "SELECT id, name, active, created FROM products p
         WHERE active AND EXISTS (SELECT 1 FROM prices WHERE product_id = p.id AND active
                                  AND recurring_interval IS NOT NULL)
         ORDER BY name COLLATE NOCASE, id",
    )?
    .query_map([], |r| {
        Ok(Product {
            id: r.get(0)?,
            name: r.get(1)?,
            active: r.get(2)?,
            created: r.get(3)?,
        })
    })?
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::Cache;
    use crate::cache::prices::{self, Price};

    #[test]
    fn only_products_with_an_active_recurring_price_can_be_switched_to() {
        let cache = Cache::in_memory().expect("cache");
        let conn = cache.conn();
        for (id, name, active) in [
            ("prod_b", "Basic", true),
            ("prod_a", "Advanced", true),
            ("prod_o", "One-off", true),
            ("prod_r", "Retired", false),
        ] {
            let product = Product {
                id: id.into(),
                name: name.into(),
                active,
                created: 1,
            };
            upsert(conn, &product, 1).expect("product");
        }
        for (id, product, interval, active) in [
            ("price_b", "prod_b", Some("month"), true),
            ("price_a_old", "prod_a", Some("month"), false),
            ("price_a", "prod_a", Some("year"), true),
            ("price_o", "prod_o", None, true),
            ("price_r", "prod_r", Some("month"), true),
        ] {
            let price = Price {
                id: id.into(),
                product_id: Some(product.into()),
                nickname: None,
                unit_amount: Some(100),
                currency: "usd".into(),
                interval: interval.map(str::to_owned),
                interval_count: interval.map(|_| 1),
                active,
                created: 1,
            };
            prices::upsert(conn, &price, 1).expect("price");
        }
        let names: Vec<String> = switchable(conn)
            .expect("query")
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["Advanced", "Basic"]);
    }
}
