//! Percent-encoding for form bodies and `mailto:` links: every byte outside
//! RFC 3986's unreserved set is escaped (the `percent-encoding` crate's work).

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Every byte but `A-Z a-z 0-9 - _ . ~`.
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `text` with every byte but `A-Z a-z 0-9 - _ . ~` as `%XX`.
pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, ESCAPED).to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_unreserved_bytes_pass() {
        assert_eq!(super::encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(
            super::encode("a b&c=é[]+%"),
            "a%20b%26c%3D%C3%A9%5B%5D%2B%25"
        );
    }
}
