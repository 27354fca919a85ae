//! The English texts of the screen area (keys `screen.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "screen.layers.surrogates_fitted_seeded_sample_rows" => {
            Some("surrogates fitted on a seeded sample of {USAGE_MAX_ROWS} rows")
        }
        "screen.layers.use_layer_could_not_run" => Some("the use layer could not run: {e}"),
        "screen.principles.pipl_art_6" => Some("PIPL Art. 6"),
        "screen.principles.was_collected_not_decisions_about" => Some(
            "{name} was collected for {purpose}, not for decisions about workers; using it in this decision goes beyond the purpose it was collected for",
        ),
        "screen.principles.pipl_art_19" => Some("PIPL Art. 19"),
        "screen.principles.draws_records_days_old_oldest" => Some(
            "{name} draws on records {age} days old (oldest {oldest}), beyond the retention period of {days} days",
        ),
        "screen.finding.or_others" => Some(" or {others}"),
        "screen.finding.may_stand_named_like_known" => Some(
            "{name} may stand in for {label_text}{others} (named like a known proxy; no attribute in the data to test it)",
        ),
        "screen.finding.stands_predicts_group_auc" => {
            Some("{name} stands in for {label_text} (it predicts the group with AUC {p})")
        }
        "screen.finding.holds" => Some("{name} holds {label_text}"),
        "screen.finding.algorithm_relies_setting_neutral_value" => Some(
            "; the algorithm relies on it: setting it to a neutral value changes {k} of {n} surrogate decisions (likelihood-ratio test, p {p})",
        ),
        "screen.finding.paren_citation" => Some(" ({citation})"),
        "screen.finding.workers_above_legal_limit" => {
            Some("; {k} workers ({sh} %) are above the legal limit: {what}")
        }
        "screen.finding.fewer_than_workers_above_legal" => {
            Some("; fewer than {min} workers are above the legal limit: {what}")
        }
        "screen.layers.no_decision_score_use_layer" => {
            Some("no decision or score: the use layer needs one (run `candor audit`)")
        }
        "screen.layers.no_flagged_input_test" => Some("no flagged input to test"),
        "screen.finding.present_but_algorithm_does_not" => {
            Some("; present, but the algorithm does not measurably rely on it")
        }
        _ => None,
    }
}
