//! Percent-encoding for form bodies and `mailto:` links: every byte outside
//! RFC 3986's unreserved set is escaped.

/// `text` with every byte but `A-Z a-z 0-9 - _ . ~` as `%XX`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_unreserved_bytes_pass() {
        assert_eq!(super::encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(super::encode("a b&c=é[]"), "a%20b%26c%3D%C3%A9%5B%5D");
    }
}
