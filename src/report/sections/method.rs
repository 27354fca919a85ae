//! The method: intervals, tests, the correction for multiple comparisons, disclosure and the
//! limits of the audit.

use crate::audit::Audit;
use crate::report::doc::{Item, Section};
use crate::report::text::level;

use super::cells::correction;
use crate::t;
use crate::ts;

pub(super) fn method_section(a: &Audit) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("method", ts!(l, "report.method.method"));
    let corr = correction(a);
    let (alpha, boot, seed, min, publ) = (
        a.spec.stats.alpha,
        a.spec.stats.bootstrap,
        a.spec.stats.seed,
        a.spec.min_group_size,
        a.spec.report.min_published_group,
    );
    let lvl = level(a);
    s.list(
        [
            t!(l, "report.method.rates_wilson_score_intervals_wilson", lvl),
            ts!(l, "report.method.differences_newcombe_s_hybrid_score").into(),
            t!(l, "report.method.tests_fisher_s_exact_test", min),
            t!(
                l,
                "report.method.multiple_comparisons_correction_across_every",
                corr,
                alpha
            ),
            t!(
                l,
                "report.method.other_metrics_percentile_intervals_from",
                boot,
                seed
            ),
            t!(
                l,
                "report.method.disclosure_figures_about_groups_fewer",
                publ
            ),
            ts!(
                l,
                "report.method.limitations_statistical_disparity_evidence_review"
            )
            .into(),
        ]
        .into_iter()
        .chain(engine_note(a))
        .map(Item::new)
        .collect(),
    );
    s
}

/// What an audit from a cells table rests on, and what it could not do.
fn engine_note(a: &Audit) -> Option<String> {
    let l = a.spec.lang;
    if a.provenance.engine != Some(crate::data::EngineKind::Cells) {
        return None;
    }
    let mut text = ts!(l, "report.method.engine_figures_come_from_cells").to_string();
    if let Some(not_run) = not_run(a) {
        text.push(' ');
        text.push_str(not_run);
    }
    Some(text)
}

/// What the audit could not run because its engine held no rows, in words; None when
/// everything ran.
pub(super) fn not_run(a: &Audit) -> Option<&'static str> {
    a.provenance
        .not_run
        .iter()
        .any(|c| c == "screening")
        .then(|| {
            ts!(
                a.spec.lang,
                "report.method.not_run_screening_inputs_prohibited"
            )
        })
}
