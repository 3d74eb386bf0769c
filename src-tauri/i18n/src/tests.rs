use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};

use crate::{AREAS, Language, count, source};

/// Per message or term id: its attributes and the variables it uses.
type Shape = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

fn variables_in(
    pattern: &ast::Pattern<&str>,
    into: &mut BTreeSet<String>,
    refs: &mut BTreeSet<String>,
) {
    fn inline(
        e: &InlineExpression<&str>,
        into: &mut BTreeSet<String>,
        refs: &mut BTreeSet<String>,
    ) {
        match e {
            InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_owned());
            }
            InlineExpression::MessageReference { id, .. } => {
                refs.insert(id.name.to_owned());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, into, refs);
                }
            }
            InlineExpression::Placeable { expression } => expr(expression, into, refs),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, into: &mut BTreeSet<String>, refs: &mut BTreeSet<String>) {
        match e {
            Expression::Inline(i) => inline(i, into, refs),
            Expression::Select { selector, variants } => {
                inline(selector, into, refs);
                for v in variants {
                    variables_in(&v.value, into, refs);
                }
            }
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expr(expression, into, refs);
        }
    }
}

/// The ids (messages and `-terms`) of one catalogue file, and the messages
/// its patterns refer to.
fn shape(language: Language, area: &str) -> (Shape, BTreeSet<String>) {
    let text = source(language, area);
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| {
        panic!("locales/{language}/{area}.ftl does not parse: {errors:?}")
    });
    let mut shape = Shape::new();
    let mut refs = BTreeSet::new();
    for entry in resource.body {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_owned(), m.value, m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
            Entry::Junk { content } => panic!("locales/{language}/{area}.ftl: junk {content:?}"),
            _ => continue,
        };
        let mut variables = BTreeSet::new();
        if let Some(value) = &value {
            variables_in(value, &mut variables, &mut refs);
        }
        let mut names = BTreeSet::new();
        for attribute in &attributes {
            names.insert(attribute.id.name.to_owned());
            variables_in(&attribute.value, &mut variables, &mut refs);
        }
        let duplicate = shape.insert(id.clone(), (names, variables));
        assert!(
            duplicate.is_none(),
            "locales/{language}/{area}.ftl has {id} twice"
        );
    }
    (shape, refs)
}

#[test]
fn every_language_has_exactly_the_english_messages() {
    let mut problems = Vec::new();
    for area in AREAS {
        let (english, _) = shape(Language::En, area);
        for language in &Language::ALL[1..] {
            let (translated, _) = shape(*language, area);
            for (id, (attributes, variables)) in &english {
                match translated.get(id) {
                    None => problems.push(format!("{language}/{area}.ftl is missing {id}")),
                    Some((their_attributes, their_variables)) => {
                        if their_attributes != attributes {
                            problems.push(format!("{language}/{area}.ftl: {id} has attributes {their_attributes:?}, English {attributes:?}"));
                        }
                        if !their_variables.is_subset(variables) {
                            problems.push(format!("{language}/{area}.ftl: {id} uses {their_variables:?}, English only {variables:?}"));
                        }
                    }
                }
            }
            for id in translated.keys().filter(|id| !english.contains_key(*id)) {
                problems.push(format!(
                    "{language}/{area}.ftl has {id}, which English doesn't"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The Rust files of the window, the shell (CLI and commands) and the core.
fn code_files() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                // These tests name messages only to check them.
                && !path.ends_with("i18n/src/tests.rs")
            {
                let text = std::fs::read_to_string(&path).expect("a source file reads");
                out.push((path, text));
            }
        }
    }
    let mut files = Vec::new();
    for dir in [
        "ui/src",
        "src-tauri/src",
        "src-tauri/core/src",
        "src-tauri/ipc/src",
        "src-tauri/i18n/src",
    ] {
        walk(&workspace().join(dir), &mut files);
    }
    assert!(files.len() > 20, "the scan found the sources");
    files
}

#[test]
fn every_message_is_used() {
    let code: String = code_files().into_iter().map(|(_, text)| text).collect();
    let mut unused = Vec::new();
    let mut referenced = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for area in AREAS {
        let (english, refs) = shape(Language::En, area);
        referenced.extend(refs);
        ids.extend(
            english
                .into_keys()
                .filter(|id| !id.starts_with('-'))
                .map(|id| (area, id)),
        );
    }
    for (area, id) in ids {
        if !referenced.contains(&id) && !code.contains(&format!("\"{id}\"")) {
            unused.push(format!("{area}.ftl: {id}"));
        }
    }
    assert!(
        unused.is_empty(),
        "messages no code uses:\n{}",
        unused.join("\n")
    );
}

/// Literals the window shows as they are, in every language.
const NOT_TRANSLATED: &[&str] = &["Portal Desk", "Stripe", "SMTP", "CSV", "PDF"];

/// Attributes whose value a person reads (or hears, from a screen reader).
const READ_ATTRIBUTES: &[&str] = &[
    "title",
    "aria-label",
    "aria-description",
    "placeholder",
    "alt",
    "label",
    "hint",
    "heading",
];

/// The string literal starting at `text[start]` (a `"`), unescaped enough to
/// judge: its content and where it ends.
fn literal_at(text: &str, start: usize) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut i = start + 1;
    let mut out = String::new();
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some((out, i + 1)),
            _ => {
                let c = text[i..].chars().next()?;
                out.push(c);
                i += c.len_utf8();
                continue;
            }
        }
    }
    None
}

fn has_words(literal: &str) -> bool {
    let mut outside = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    let mut stripped = outside;
    for allowed in NOT_TRANSLATED {
        stripped = stripped.replace(allowed, "");
    }
    stripped.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// User-visible literals in one UI file: `html!` text nodes (`{ "…" }` and
/// `{ format!("…") }`) and the attributes a person reads.
fn leftover_literals(text: &str) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut found = Vec::new();
    let mut check = |start: usize| {
        if let Some((literal, _)) = literal_at(code, start)
            && has_words(&literal)
        {
            let line = code[..start].lines().count();
            found.push(format!("line {line}: {literal:?}"));
        }
    };
    for (at, _) in code.match_indices("{ \"") {
        let start = at + 2;
        if let Some((_, end)) = literal_at(code, start)
            && code[end..].trim_start().starts_with('}')
        {
            check(start);
        }
    }
    for (at, _) in code.match_indices("{ format!(\"") {
        check(at + "{ format!(".len());
    }
    for attribute in READ_ATTRIBUTES {
        for (at, _) in code.match_indices(&format!(" {attribute}=\"")) {
            check(at + attribute.len() + 2);
        }
    }
    found
}

#[test]
fn no_english_is_left_in_the_window() {
    let mut problems = Vec::new();
    for (path, text) in code_files() {
        if !path.to_string_lossy().contains("/ui/src/") {
            continue;
        }
        for literal in leftover_literals(&text) {
            problems.push(format!("{}: {literal}", path.display()));
        }
    }
    assert!(
        problems.is_empty(),
        "text the window shows without the catalogue (move it into src-tauri/i18n/locales):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_literal_scan_finds_text_nodes_formats_and_read_attributes() {
    let code = r#"
        html! {
            <p class="notice error" id="x">{ "Loading…" }</p>
            <span>{ format!("{n} customers") }</span>
            <span>{ format!("{n}") }{ "·" }{ "↗" }{ "Portal Desk" }</span>
            <button title="Open in Stripe" aria-label={label}>{ tr("x") }</button>
        }
        #[cfg(test)]
        mod tests { fn f() { html! { <p>{ "Test only" }</p> }; } }
    "#;
    let found = leftover_literals(code);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].contains("Loading…"), "{found:?}");
    assert!(found[1].contains("customers"), "{found:?}");
    assert!(found[2].contains("Open in Stripe"), "{found:?}");
}

#[test]
fn plurals_follow_each_language() {
    assert_eq!(
        tr!(Language::En, "common-customers", count = 1),
        "1 customer"
    );
    assert_eq!(
        tr!(Language::En, "common-customers", count = 2),
        "2 customers"
    );
    assert_eq!(
        tr!(Language::En, "common-customers", count = 12345),
        "12,345 customers"
    );
    assert_eq!(tr!(Language::De, "common-customers", count = 1), "1 Kunde");
    assert_eq!(
        tr!(Language::De, "common-customers", count = 12345),
        "12.345 Kunden"
    );
    assert_eq!(tr!(Language::Fr, "common-customers", count = 0), "0 client");
    assert_eq!(
        tr!(Language::Fr, "common-customers", count = 2),
        "2 clients"
    );
    assert_eq!(
        tr!(Language::Ja, "common-customers", count = 1),
        "1 件の顧客"
    );
    assert_eq!(
        tr!(Language::Ja, "common-customers", count = 2),
        "2 件の顧客"
    );
}

#[test]
fn numbers_are_grouped_as_each_language_writes_them() {
    assert_eq!(count(Language::En, 1234567), "1,234,567");
    assert_eq!(count(Language::De, 1234567), "1.234.567");
    assert_eq!(count(Language::Fr, 1234), "1\u{202f}234");
    assert_eq!(count(Language::Es, 1234), "1234");
    assert_eq!(count(Language::Es, 12345), "12.345");
    assert_eq!(count(Language::Ja, 999), "999");
}

#[test]
fn locales_are_read_as_the_os_browsers_and_stripe_write_them() {
    for (locale, language) in [
        ("de", Some(Language::De)),
        ("de-AT", Some(Language::De)),
        ("de_DE.UTF-8", Some(Language::De)),
        ("fr-CA", Some(Language::Fr)),
        ("ja_JP", Some(Language::Ja)),
        ("es-419", Some(Language::Es)),
        ("EN-gb", Some(Language::En)),
        ("C", None),
        ("POSIX", None),
        ("pt-BR", None),
        ("", None),
    ] {
        assert_eq!(Language::from_locale(locale), language, "{locale}");
    }
    assert_eq!(
        Language::first_spoken(["pt-BR", "fr-FR", "de"]),
        Some(Language::Fr)
    );
    assert_eq!(Language::first_spoken([]), None);
}

#[test]
fn the_environment_is_read_as_posix_programs_read_it() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        Language::from_environment(env(&[("LANG", "de_DE.UTF-8")])),
        Some(Language::De)
    );
    assert_eq!(
        Language::from_environment(env(&[("LANG", "de_DE.UTF-8"), ("LC_ALL", "fr_FR.UTF-8")])),
        Some(Language::Fr)
    );
    // LC_ALL=C means "no translation", not "look further".
    assert_eq!(
        Language::from_environment(env(&[("LANG", "de_DE.UTF-8"), ("LC_ALL", "C")])),
        None
    );
    assert_eq!(
        Language::from_environment(env(&[("LC_ALL", ""), ("LANG", "ja_JP.UTF-8")])),
        Some(Language::Ja)
    );
    assert_eq!(Language::from_environment(env(&[])), None);
}

#[test]
fn a_missing_message_falls_back_to_english_then_to_its_id() {
    assert_eq!(
        crate::message(Language::De, "no-such-message", None),
        "no-such-message"
    );
}

#[test]
fn languages_cross_the_bridge_as_their_tags() {
    for language in Language::ALL {
        let json = serde_json::to_string(&language).expect("serializes");
        assert_eq!(json, format!("\"{}\"", language.tag()));
    }
}

#[test]
fn an_activity_entry_is_worded_from_its_details_in_each_language() {
    let details = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    };
    let date = |unix: i64| format!("day {unix}");
    let switched = details(&[("who", "Ana"), ("from", "Monthly"), ("plan", "Annual")]);
    assert_eq!(
        crate::activity(Language::De, "plan_changed", &switched, &date).as_deref(),
        Some("Ana hat von Monthly zu Annual gewechselt")
    );
    // Details Stripe didn't give are said in the language's own words.
    let unknown = details(&[("who", ""), ("plan", "")]);
    assert_eq!(
        crate::activity(Language::Fr, "subscription_created", &unknown, &date).as_deref(),
        Some("Un client s’est abonné à son offre")
    );
    let ends = details(&[("who", "Ana"), ("plan", "Pro"), ("ends", "86400")]);
    assert_eq!(
        crate::activity(Language::Ja, "cancel_scheduled", &ends, &date).as_deref(),
        Some("Ana が Pro を期間終了時にキャンセルしました（day 86400 に終了）")
    );
    let status = details(&[("who", "Ana"), ("plan", "Pro"), ("status", "past_due")]);
    assert_eq!(
        crate::activity(Language::Es, "status_changed", &status, &date).as_deref(),
        Some("La suscripción Pro de Ana ahora está vencida")
    );
    // An unknown kind, or an entry kept without details: the caller's English.
    assert_eq!(
        crate::activity(Language::De, "brand_new", &switched, &date),
        None
    );
    assert_eq!(
        crate::activity(Language::De, "plan_changed", &[], &date),
        None
    );
}
