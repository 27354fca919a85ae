//! The English texts of the codes area (keys `codes.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "codes.review" => Some("to review"),
        "codes.low" => Some("low"),
        "codes.medium" => Some("medium"),
        "codes.high" => Some("high"),
        "codes.prohibited_must_not_used" => Some("prohibited: must not be used"),
        "codes.disparity" => Some("disparity"),
        "codes.error_rate_disparity" => Some("error-rate disparity"),
        "codes.attribute" => Some("attribute"),
        "codes.prohibited_restricted_input" => Some("prohibited or restricted input"),
        "codes.possible_proxy_protected_trait" => Some("possible proxy for a protected trait"),
        "codes.purpose_limitation" => Some("purpose limitation"),
        "codes.retention" => Some("retention"),
        "codes.identifiability" => Some("identifiability"),
        "codes.data_minimisation" => Some("data minimisation"),
        _ => None,
    }
}
