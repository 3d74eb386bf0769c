//! Numbers in messages, grouped the way each language writes them. Fluent's
//! own number formatting doesn't group digits.

use fluent_bundle::FluentValue;
use intl_memoizer::IntlLangMemoizer;

use crate::Language;

type Formatter = fn(&FluentValue, &IntlLangMemoizer) -> Option<String>;

/// The bundle's number formatter for `language`. Fluent takes a plain `fn`,
/// so each language has its own.
pub(crate) fn formatter(language: Language) -> Formatter {
    fn number(language: Language, value: &FluentValue) -> Option<String> {
        match value {
            FluentValue::Number(number) => Some(group(language, &number.as_string())),
            _ => None,
        }
    }
    match language {
        Language::En => |value, _| number(Language::En, value),
        Language::De => |value, _| number(Language::De, value),
        Language::Fr => |value, _| number(Language::Fr, value),
        Language::Es => |value, _| number(Language::Es, value),
        Language::Ja => |value, _| number(Language::Ja, value),
    }
}

/// Groups the whole part of a plain decimal (`-1234.5`) and swaps in the
/// language's separators, following CLDR: Spanish groups only from five
/// digits on, French uses a narrow no-break space.
pub(crate) fn group(language: Language, plain: &str) -> String {
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let (separator, decimal, minimum) = match language {
        Language::En | Language::Ja => (",", ".", 4),
        Language::De => (".", ",", 4),
        Language::Es => (".", ",", 5),
        Language::Fr => ("\u{202f}", ",", 4),
    };
    let mut out = String::from(sign);
    if whole.len() < minimum {
        out.push_str(whole);
    } else {
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push_str(separator);
            }
            out.push(digit);
        }
    }
    if !fraction.is_empty() {
        out.push_str(decimal);
        out.push_str(fraction);
    }
    out
}
