//! Amounts are kept in minor units beside their currency. Only display divides,
//! and only by the currency's own exponent: zero-decimal currencies (JPY, KRW, …)
//! are never divided by 100.

/// Currencies without minor units, per Stripe's list.
const ZERO_DECIMAL: [&str; 16] = [
    "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
    "xaf", "xof", "xpf",
];
/// Currencies with three decimals.
const THREE_DECIMAL: [&str; 5] = ["bhd", "jod", "kwd", "omr", "tnd"];

/// How many decimals `currency` has.
pub fn decimals(currency: &str) -> u32 {
    let currency = currency.to_ascii_lowercase();
    if ZERO_DECIMAL.contains(&currency.as_str()) {
        0
    } else if THREE_DECIMAL.contains(&currency.as_str()) {
        3
    } else {
        2
    }
}

/// `1999, "usd"` → `"USD 19.99"`; `500, "jpy"` → `"JPY 500"`.
pub fn format_amount(minor: i64, currency: &str) -> String {
    format!(
        "{} {}",
        currency.to_ascii_uppercase(),
        decimal(minor, currency)
    )
}

/// `1999, "usd"` → `"19.99"`; `-500, "jpy"` → `"-500"`: the amount in major
/// units, as a spreadsheet reads a number.
pub fn decimal(minor: i64, currency: &str) -> String {
    let places = decimals(currency);
    let sign = if minor < 0 { "-" } else { "" };
    let magnitude = minor.unsigned_abs();
    if places == 0 {
        return format!("{sign}{magnitude}");
    }
    let unit = 10u64.pow(places);
    format!(
        "{sign}{}.{:0width$}",
        magnitude / unit,
        magnitude % unit,
        width = places as usize
    )
}

/// `"2026-11-23"` for a Unix time (UTC).
pub fn format_date(unix: i64) -> String {
    let (year, month, day) = civil_date(unix);
    format!("{year:04}-{month:02}-{day:02}")
}

/// (year, month, day) of a Unix time (UTC).
pub fn civil_date(unix: i64) -> (i64, i64, i64) {
    // Howard Hinnant's civil_from_days.
    let days = unix.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_use_the_currency_exponent() {
        assert_eq!(format_amount(1999, "usd"), "USD 19.99");
        assert_eq!(format_amount(5, "eur"), "EUR 0.05");
        assert_eq!(format_amount(500, "jpy"), "JPY 500");
        assert_eq!(format_amount(-1500, "KRW"), "KRW -1500");
        assert_eq!(format_amount(1234, "kwd"), "KWD 1.234");
    }

    #[test]
    fn dates_are_civil_utc() {
        assert_eq!(format_date(0), "1970-01-01");
        assert_eq!(format_date(951_782_400), "2000-02-29");
        assert_eq!(format_date(1_795_392_000), "2026-11-23");
    }
}
