//! The Chinese texts of the data area (keys `data.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "data.roles.decision_missing" => Some("决定缺失"),
        "data.roles.label_missing" => Some("标签缺失"),
        "data.roles.score_missing" => Some("分数缺失"),
        _ => None,
    }
}
