//! The English texts of the data area (keys `data.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "data.roles.decision_missing" => Some("decision missing"),
        "data.roles.label_missing" => Some("label missing"),
        "data.roles.score_missing" => Some("score missing"),
        _ => None,
    }
}
