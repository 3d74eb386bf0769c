//! The summary table of the e2e stage's accessibility audits (axe-core results,
//! one JSON file per screen and theme in `target/accessibility/`), for
//! `docs/accessibility.md`.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use serde_json::Value;

/// Impacts in axe's order, most severe first.
const IMPACTS: [&str; 4] = ["critical", "serious", "moderate", "minor"];

/// A Markdown table: screen, theme, rules checked, violated rules per impact.
pub fn table(results: &Path) -> anyhow::Result<String> {
    let mut rows = Vec::new();
    for entry in std::fs::read_dir(results).with_context(|| format!("{}", results.display()))? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let audit: Value = serde_json::from_slice(&std::fs::read(&path)?)
            .with_context(|| format!("{}", path.display()))?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        rows.push(row(stem, &audit));
    }
    rows.sort();
    let mut out = String::from(
        "| Screen | Theme | Rules checked | Critical | Serious | Moderate | Minor |\n\
         |---|---|---:|---:|---:|---:|---:|\n",
    );
    for row in rows {
        out.push_str(&row);
        out.push('\n');
    }
    Ok(out)
}

/// `desk-list-light` and its results → one table row.
fn row(stem: &str, audit: &Value) -> String {
    let (screen, theme) = stem.rsplit_once('-').unwrap_or((stem, "?"));
    let count = |key: &str| audit[key].as_array().map_or(0, Vec::len);
    let mut by_impact: BTreeMap<&str, usize> = BTreeMap::new();
    for violation in audit["violations"].as_array().into_iter().flatten() {
        *by_impact
            .entry(violation["impact"].as_str().unwrap_or("minor"))
            .or_default() += 1;
    }
    let impacts: Vec<String> = IMPACTS
        .iter()
        .map(|impact| by_impact.get(impact).copied().unwrap_or(0).to_string())
        .collect();
    format!(
        "| {screen} | {theme} | {} | {} |",
        count("passes") + count("violations"),
        impacts.join(" | ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_counts_rules_and_violations_by_impact() {
        let audit = serde_json::json!({
            "passes": [{}, {}, {}],
            "violations": [{"impact": "moderate"}, {"impact": "minor"}, {"impact": "moderate"}],
        });
        assert_eq!(
            row("desk-list-900x600-dark", &audit),
            "| desk-list-900x600 | dark | 6 | 0 | 0 | 2 | 1 |"
        );
    }
}
