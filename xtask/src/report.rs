//! BENCHMARKS.md is written by more than one command (`bench`, `bench
//! --window-only`, `fuzz`); each owns `## ` sections and leaves the others be.

use std::path::PathBuf;

use anyhow::Context;

pub fn path() -> PathBuf {
    crate::shell::root().join("BENCHMARKS.md")
}

pub fn read() -> String {
    std::fs::read_to_string(path()).unwrap_or_default()
}

pub fn write(text: &str) -> anyhow::Result<()> {
    let path = path();
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

/// Where the section whose heading starts with `heading` (`## Name`) begins and ends.
fn bounds(text: &str, heading: &str) -> Option<(usize, usize)> {
    let start = if text.starts_with(heading) {
        0
    } else {
        text.find(&format!("\n{heading}"))? + 1
    };
    let end = text[start + heading.len()..]
        .find("\n## ")
        .map_or(text.len(), |n| start + heading.len() + n + 1);
    Some((start, end))
}

/// The section whose heading starts with `heading`, with its heading.
pub fn section<'a>(text: &'a str, heading: &str) -> Option<&'a str> {
    bounds(text, heading).map(|(start, end)| &text[start..end])
}

/// `text` with that section replaced by `new` (which carries its heading),
/// or with `new` appended when there is none.
pub fn set_section(text: &str, heading: &str, new: &str) -> String {
    let new = format!("{}\n", new.trim());
    match bounds(text, heading) {
        Some((start, end)) => {
            let rest = &text[end..];
            let gap = if rest.is_empty() { "" } else { "\n" };
            format!("{}{new}{gap}{rest}", &text[..start])
        }
        None if text.trim().is_empty() => new,
        None => format!("{}\n\n{new}", text.trim_end()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# Benchmarks\n\nintro\n\n## A\n\na\n\n## B (x)\n\nb\n\n## C\n\nc\n";

    #[test]
    fn a_section_is_replaced_in_place_and_the_others_are_kept() {
        assert_eq!(section(DOC, "## B"), Some("## B (x)\n\nb\n\n"));
        assert_eq!(section(DOC, "## C"), Some("## C\n\nc\n"));
        assert_eq!(
            set_section(DOC, "## B", "## B (y)\n\nnew\n"),
            "# Benchmarks\n\nintro\n\n## A\n\na\n\n## B (y)\n\nnew\n\n## C\n\nc\n"
        );
        assert_eq!(
            set_section(DOC, "## C", "## C\n\nnew"),
            "# Benchmarks\n\nintro\n\n## A\n\na\n\n## B (x)\n\nb\n\n## C\n\nnew\n"
        );
        assert_eq!(
            set_section(DOC, "## D", "## D\n\nd\n"),
            format!("{DOC}\n## D\n\nd\n")
        );
        assert_eq!(set_section("", "## D", "## D\n"), "## D\n");
        assert_eq!(section(DOC, "## Missing"), None);
    }
}
