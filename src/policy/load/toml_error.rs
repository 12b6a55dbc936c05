//! What the toml crate's error means, as a fact: the file is not TOML at
//! all, or it is TOML without the shape of a policy (a key missing, a value
//! of the wrong type, an unknown key). The crate says it in English; its
//! words are kept only as a detail, and only where no fact says more.

use super::super::problem::{PolicyFault, RuleFault, ShapeFault, TomlType};

/// The fault of a file `toml::from_str` refused with `message`.
pub(super) fn fault(text: &str, message: &str) -> PolicyFault {
    let message = message.trim();
    if text.parse::<toml::Table>().is_err() {
        return PolicyFault::Syntax {
            message: message.to_string(),
        };
    }
    if let Some(rule) = unknown_key(message) {
        return PolicyFault::Rule(rule);
    }
    let shape = missing_key(message)
        .or_else(|| wrong_type(message))
        .unwrap_or_else(|| ShapeFault::Other {
            message: message.to_string(),
        });
    PolicyFault::Shape(shape)
}

/// An unknown key, from the toml crate's message (`unknown field `anual`,
/// expected one of `annual`, `except_clauses`…`), with the nearest of the
/// keys it lists.
fn unknown_key(message: &str) -> Option<RuleFault> {
    let rest = message.strip_prefix("unknown field `")?;
    let (written, known) = rest.split_once('`')?;
    let nearest = known
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|k| (strsim::levenshtein(written, k), k))
        .filter(|(d, k)| *d <= 3.max(k.len() / 3))
        .min()
        .map(|(_, k)| k.to_string());
    Some(RuleFault::UnknownKey {
        written: written.to_string(),
        nearest,
    })
}

/// `missing field `id``.
fn missing_key(message: &str) -> Option<ShapeFault> {
    let key = message.strip_prefix("missing field `")?.strip_suffix('`')?;
    Some(ShapeFault::MissingKey {
        key: key.to_string(),
    })
}

/// `invalid type: integer `3`, expected a string`.
fn wrong_type(message: &str) -> Option<ShapeFault> {
    let rest = message.strip_prefix("invalid type: ")?;
    let (found, expected) = rest.split_once(", expected ")?;
    Some(ShapeFault::WrongType {
        found: found_type(found)?,
        expected: expected_type(expected)?,
    })
}

fn found_type(found: &str) -> Option<TomlType> {
    let word = found.split([' ', '`', '"']).next().unwrap_or_default();
    Some(match word {
        "string" => TomlType::String,
        "integer" => TomlType::Integer,
        "floating" => TomlType::Float,
        "boolean" => TomlType::Boolean,
        "sequence" => TomlType::Array,
        "map" => TomlType::Table,
        _ => return None,
    })
}

/// What serde says a key expects: `a string`, `a sequence`, `struct
/// RawItem`, `u32`, or the figure's own words (`raw.rs`).
fn expected_type(expected: &str) -> Option<TomlType> {
    const WORDS: [(&str, TomlType); 18] = [
        ("an integer such as", TomlType::Figure),
        ("a string", TomlType::String),
        ("a borrowed string", TomlType::String),
        ("a boolean", TomlType::Boolean),
        ("a sequence", TomlType::Array),
        ("a map", TomlType::Table),
        ("struct ", TomlType::Table),
        ("a TOML datetime", TomlType::Datetime),
        ("a datetime", TomlType::Datetime),
        ("an integer", TomlType::Integer),
        ("i64", TomlType::Integer),
        ("i32", TomlType::Integer),
        ("u64", TomlType::Integer),
        ("u32", TomlType::Integer),
        ("u16", TomlType::Integer),
        ("u8", TomlType::Integer),
        ("usize", TomlType::Integer),
        ("f64", TomlType::Float),
    ];
    WORDS
        .iter()
        .find(|(word, _)| expected.starts_with(word))
        .map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_that_does_not_parse_is_a_syntax_error() {
        assert!(matches!(
            fault("[item\n", "unclosed table, expected `]`"),
            PolicyFault::Syntax { .. }
        ));
    }

    #[test]
    fn valid_toml_of_the_wrong_shape_is_said_as_a_fact() {
        assert_eq!(
            fault("id = 3", "invalid type: integer `3`, expected a string"),
            PolicyFault::Shape(ShapeFault::WrongType {
                found: TomlType::Integer,
                expected: TomlType::String,
            })
        );
        assert_eq!(
            fault("", "missing field `id`"),
            PolicyFault::Shape(ShapeFault::MissingKey { key: "id".into() })
        );
        assert!(matches!(
            fault("", "something else"),
            PolicyFault::Shape(ShapeFault::Other { .. })
        ));
    }
}
