//! The Chinese texts shared by every area (keys `common.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "common.group.unknown" => Some("未知"),
        _ => None,
    }
}
