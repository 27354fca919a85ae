//! The English texts of the commands area (keys `commands.…`).

/// The template of `key`, if this area holds it.
#[allow(clippy::match_single_binding)] // until the area holds texts
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        _ => None,
    }
}
