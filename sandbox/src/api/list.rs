//! Stripe's list semantics: newest first, `limit` 1..100, cursors, `created`
//! ranges and `expand[]`.

use serde_json::{Value, json};

use super::errors::ApiError;
use crate::store::{Collection, Kind, Store};

/// The common list parameters.
#[derive(Debug, Clone)]
pub struct ListParams {
    limit: usize,
    starting_after: Option<String>,
    ending_before: Option<String>,
    created: Range,
    expand: Vec<String>,
}

/// A `created` filter.
#[derive(Debug, Clone, Copy, Default)]
pub struct Range {
    gt: Option<i64>,
    gte: Option<i64>,
    lt: Option<i64>,
    lte: Option<i64>,
}

impl Range {
    fn contains(&self, t: i64) -> bool {
        self.gt.is_none_or(|b| t > b)
            && self.gte.is_none_or(|b| t >= b)
            && self.lt.is_none_or(|b| t < b)
            && self.lte.is_none_or(|b| t <= b)
    }

    /// Parses `created=T` or `created[gt|gte|lt|lte]=T`.
    pub fn parse(params: &Value, name: &str) -> Result<Range, ApiError> {
        let integer = |v: &Value, param: String| -> Result<i64, ApiError> {
            v.as_str().and_then(|s| s.parse().ok()).ok_or_else(|| {
                ApiError::invalid(
                    format!("Invalid integer: {}", v.as_str().unwrap_or("?")),
                    Some(&param),
                )
            })
        };
        match params.get(name) {
            None => Ok(Range::default()),
            Some(Value::Object(bounds)) => {
                let mut range = Range::default();
                for (op, v) in bounds {
                    let t = integer(v, format!("{name}[{op}]"))?;
                    match op.as_str() {
                        "gt" => range.gt = Some(t),
                        "gte" => range.gte = Some(t),
                        "lt" => range.lt = Some(t),
                        "lte" => range.lte = Some(t),
                        _ => {
                            return Err(ApiError::invalid(
                                format!("Received unknown parameter: {name}[{op}]"),
                                Some(name),
                            ));
                        }
                    }
                }
                Ok(range)
            }
            Some(v) => {
                let t = integer(v, name.to_owned())?;
                Ok(Range {
                    gte: Some(t),
                    lte: Some(t),
                    ..Range::default()
                })
            }
        }
    }
}

impl ListParams {
    /// Reads and checks the common parameters.
    pub fn parse(params: &Value) -> Result<ListParams, ApiError> {
        let limit = match params.get("limit") {
            None => 10,
            Some(v) => {
                let text = v.as_str().unwrap_or("");
                let n: i64 = text.parse().map_err(|_| {
                    ApiError::invalid(format!("Invalid integer: {text}"), Some("limit"))
                })?;
                if !(1..=100).contains(&n) {
                    return Err(ApiError::invalid(
                        format!("Invalid limit: must be between 1 and 100 (got {n})."),
                        Some("limit"),
                    ));
                }
                n as usize
            }
        };
        let starting_after = super::errors::string(params, "starting_after").map(str::to_owned);
        let ending_before = super::errors::string(params, "ending_before").map(str::to_owned);
        if starting_after.is_some() && ending_before.is_some() {
            return Err(ApiError::invalid(
                "You may only specify one of these parameters: ending_before, starting_after.",
                Some("ending_before"),
            ));
        }
        Ok(ListParams {
            limit,
            starting_after,
            ending_before,
            created: Range::parse(params, "created")?,
            expand: expand_paths(params)?,
        })
    }
}

/// `expand[]`, checked for Stripe's 4-level limit.
pub fn expand_paths(params: &Value) -> Result<Vec<String>, ApiError> {
    let paths: Vec<String> = match params.get("expand") {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(_) => return Err(ApiError::invalid("Invalid array", Some("expand"))),
    };
    for path in &paths {
        if path.split('.').count() > 4 {
            return Err(ApiError::invalid(
                format!("You cannot expand more than 4 levels of a property. Property: {path}"),
                Some("expand"),
            ));
        }
    }
    Ok(paths)
}

/// One page of `collection`, newest first, keeping objects that pass `keep`.
pub fn page(
    store: &Store,
    kind: Kind,
    params: &ListParams,
    url: &str,
    keep: impl Fn(&Value) -> bool,
) -> Result<Value, ApiError> {
    let collection: &Collection = store.collection(kind);
    let records = collection.records();
    let cursor = |id: &str, param: &str| {
        collection
            .position(id)
            .ok_or_else(|| ApiError::no_such(kind.object(), id, param, 400))
    };
    // Bounds from `created` let us skip straight to the window.
    let low = params
        .created
        .gte
        .or(params.created.gt.map(|t| t + 1))
        .map(|t| records.partition_point(|r| r.created < t))
        .unwrap_or(0);
    let high = params
        .created
        .lte
        .or(params.created.lt.map(|t| t - 1))
        .map(|t| records.partition_point(|r| r.created <= t))
        .unwrap_or(records.len());
    let matches = |i: usize| {
        let record = &records[i];
        params.created.contains(record.created) && keep(record.fields())
    };

    // A page of the matches `indices` meet first, and whether more follow.
    let page = |indices: &mut dyn Iterator<Item = usize>| {
        let mut picked: Vec<usize> = indices
            .filter(|&i| matches(i))
            .take(params.limit + 1)
            .collect();
        let has_more = picked.len() > params.limit;
        picked.truncate(params.limit);
        (picked, has_more)
    };
    if let Some(before) = &params.ending_before {
        // Objects newer than the cursor, the ones closest to it, shown newest first.
        let from = (cursor(before, "ending_before")? + 1).max(low);
        let (mut picked, has_more) = page(&mut (from..high));
        picked.reverse();
        return envelope(store, &picked, records, has_more, url, &params.expand);
    }
    let to = match &params.starting_after {
        Some(after) => cursor(after, "starting_after")?.min(high),
        None => high,
    };
    let (picked, has_more) = page(&mut (low..to).rev());
    envelope(store, &picked, records, has_more, url, &params.expand)
}

fn envelope(
    store: &Store,
    picked: &[usize],
    records: &[crate::store::Record],
    has_more: bool,
    url: &str,
    expand: &[String],
) -> Result<Value, ApiError> {
    let mut data = Vec::with_capacity(picked.len());
    let item_paths: Vec<String> = expand
        .iter()
        .map(|p| {
            p.strip_prefix("data.").map(str::to_owned).ok_or_else(|| {
                ApiError::invalid(
                    format!("This property cannot be expanded ({p})."),
                    Some("expand"),
                )
            })
        })
        .collect::<Result<_, _>>()?;
    for &i in picked {
        let mut value = records[i].value();
        for path in &item_paths {
            expand_path(store, &mut value, path)?;
        }
        data.push(value);
    }
    Ok(json!({"object": "list", "data": data, "has_more": has_more, "url": url}))
}

/// Replaces the id at `path` (dot-separated) inside `value` with the object it names.
pub fn expand_path(store: &Store, value: &mut Value, path: &str) -> Result<(), ApiError> {
    let not_expandable = || {
        ApiError::invalid(
            format!("This property cannot be expanded ({path})."),
            Some("expand"),
        )
    };
    let mut node = value;
    let segments: Vec<&str> = path.split('.').collect();
    for (depth, segment) in segments.iter().enumerate() {
        let child = node.get_mut(*segment).ok_or_else(not_expandable)?;
        if let Value::String(id) = child {
            let id = id.clone();
            *child = resolve(store, &id).ok_or_else(not_expandable)?;
        } else if child.is_null() {
            return Ok(());
        } else if depth + 1 == segments.len() && !child.is_object() {
            return Err(not_expandable());
        }
        node = child;
    }
    Ok(())
}

/// The object an id names, or the `deleted` stub of a deleted customer.
fn resolve(store: &Store, id: &str) -> Option<Value> {
    if let Some(found) = store.find(id) {
        return Some(found);
    }
    (Kind::of_id(id) == Some(Kind::Customer) && store.is_deleted(id))
        .then(|| json!({"id": id, "object": "customer", "deleted": true}))
}
