//! The cover: what was audited, for whom and by whom, on which data, with which decision,
//! score and label, and under which settings; then the LL144 summary.

use crate::audit::Audit;
use crate::data::DecisionValues;
use crate::i18n::{Lang, Texts};
use crate::report::doc::{DocTable, Section};
use crate::report::num;
use crate::report::text::{self, level, outcome};

use super::cells::correction;
use super::ll144::ll144_summary;
use crate::t;
use crate::ts;

/// Adds a row (item, value) to the cover table.
fn item(t: &mut DocTable, name: &str, value: impl Into<String>) {
    t.push(vec![name.into(), value.into()]);
}

pub(super) fn cover(a: &Audit) -> Section {
    let l = a.spec.lang;
    let mut s = Section::new("cover", ts!(l, "report.cover.what_was_audited"));
    let mut t = DocTable::new(
        "t-cover",
        ts!(l, "report.cover.audit_glance"),
        vec![
            ts!(l, "report.cover.item").into(),
            ts!(l, "report.cover.value").into(),
        ],
    );
    parties(a, &mut t);
    data_rows(a, &mut t);
    decision_rows(a, &mut t);
    setting_rows(a, &mut t);
    s.table(t);
    if let Some(p) = ll144_summary(a) {
        s.para(p);
    }
    s
}

/// A stated text, or "not stated".
fn stated(x: &Option<String>, l: Lang) -> String {
    x.clone()
        .unwrap_or_else(|| ts!(l, "report.cover.not_stated").to_string())
}

/// The system, its purpose, the employer, the auditor and the date, as the spec states them.
fn parties(a: &Audit, t: &mut DocTable) {
    let l = a.spec.lang;
    let r = &a.spec.report;
    item(t, ts!(l, "report.cover.system"), stated(&r.system, l));
    let purpose = Texts::optional(r.purpose.as_deref(), r.purpose_zh.as_deref())
        .get_opt(l)
        .map(str::to_string);
    item(
        t,
        ts!(l, "report.cover.purpose_employer_states"),
        stated(&purpose, l),
    );
    item(t, ts!(l, "report.cover.employer"), stated(&r.employer, l));
    item(t, ts!(l, "report.cover.auditor"), stated(&r.auditor, l));
    item(
        t,
        ts!(l, "report.cover.audit_date"),
        stated(&r.audit_date, l),
    );
}

/// The data file (path, format, size, hash), the period, the rows audited and the filter.
fn data_rows(a: &Audit, t: &mut DocTable) {
    let l = a.spec.lang;
    let src = a.provenance.inputs.first();
    let cells = a.provenance.engine == Some(crate::data::EngineKind::Cells);
    if let Some(src) = src {
        let (path, bytes, sha) = (&src.path, src.bytes, &src.sha256);
        let fmt = format!("{:?}", src.format).to_uppercase();
        let (file, file_sha) = if cells {
            (
                ts!(l, "report.cover.cells_table_counts_computed_from"),
                ts!(l, "report.cover.cells_table_sha_256"),
            )
        } else {
            (
                ts!(l, "report.cover.data_file"),
                ts!(l, "report.cover.data_file_sha_256"),
            )
        };
        item(t, file, t!(l, "report.cover.bytes", path, fmt, bytes));
        item(t, file_sha, sha);
    }
    item(
        t,
        ts!(l, "report.cover.period_data_covers"),
        stated(&a.spec.report.data_period, l),
    );
    if let Some(src) = src {
        let (inf, after, audited) = (src.rows_in_file, src.rows_after_filter, src.rows_audited);
        let text = if cells {
            t!(
                l,
                "report.cover.rows_cells_count_after_population",
                audited,
                after
            )
        } else {
            t!(
                l,
                "report.cover.rows_file_after_population_filter",
                audited,
                inf,
                after
            )
        };
        item(t, ts!(l, "report.cover.workers_audited"), text);
    }
    item(
        t,
        ts!(l, "report.cover.population_filter"),
        a.spec
            .data
            .where_
            .clone()
            .unwrap_or_else(|| ts!(l, "report.cover.none_every_row").into()),
    );
}

/// The decision, its favorable outcome, the score and the label.
fn decision_rows(a: &Audit, t: &mut DocTable) {
    let l = a.spec.lang;
    item(t, ts!(l, "report.cover.decision"), decision_text(a));
    let favorable = ts!(l, "report.cover.favorable_outcome_worker");
    if matches!(a.decision, DecisionValues::MultiClass { .. }) {
        item(
            t,
            favorable,
            ts!(l, "report.cover.not_stated_decision_has_several"),
        );
    } else if !matches!(a.decision, DecisionValues::Absent) {
        let (fav, adv) = (outcome(a, true), outcome(a, false));
        item(t, favorable, t!(l, "report.cover.adverse", fav, adv));
    }
    item(t, ts!(l, "report.cover.score"), score_text(a));
    item(
        t,
        ts!(l, "report.cover.true_outcome_label"),
        a.label.as_ref().map_or_else(
            || ts!(l, "report.cover.none").to_string(),
            |x| {
                let (c, p) = (&x.column, &x.positive);
                t!(l, "report.cover.positive", c, p)
            },
        ),
    );
}

/// The decision column and its values, or the score cut that makes the decision.
fn decision_text(a: &Audit) -> String {
    let l = a.spec.lang;
    match &a.decision {
        DecisionValues::Binary {
            column,
            positive,
            negative,
        } => {
            let pos = positive.join(", ");
            let neg = if negative.is_empty() {
                ts!(l, "report.cover.every_other_value").to_string()
            } else {
                negative.join(", ")
            };
            let column = l.catalogue().inline_name(column);
            t!(l, "report.cover.decision_binary", column, pos, neg)
        }
        DecisionValues::Threshold { score, threshold } => {
            let t = num(Some(*threshold));
            t!(l, "report.cover.derived_from_score_positive", score, t)
        }
        DecisionValues::MultiClass { column, classes } => {
            let c = classes.join(l.catalogue().list_separator());
            let column = l.catalogue().inline_name(column);
            t!(l, "report.cover.decision_multiclass", column, c)
        }
        DecisionValues::Absent => ts!(l, "report.cover.none").into(),
    }
}

/// The score column, its favorable direction and threshold.
fn score_text(a: &Audit) -> String {
    let l = a.spec.lang;
    match &a.spec.score {
        Some(sc) => {
            let col = &sc.column;
            let dir = if sc.higher_is_favorable {
                ts!(l, "report.cover.high_score_favorable")
            } else {
                ts!(l, "report.cover.low_score_favorable")
            };
            let th = sc.threshold.map_or(String::new(), |t| {
                let t = num(Some(t));
                t!(l, "report.cover.threshold", t)
            });
            t!(l, "report.cover.col_paren_dir_th", col, dir, th)
        }
        None => ts!(l, "report.cover.none").into(),
    }
}

/// The groups, the stage, the packs, the statistics, the reference and Candor itself.
fn setting_rows(a: &Audit, t: &mut DocTable) {
    let l = a.spec.lang;
    let mut attrs = a.spec.attributes.join(l.catalogue().list_separator());
    for i in &a.spec.intersections {
        attrs.push_str(l.catalogue().clause_separator());
        attrs.push_str(&i.join(" & "));
    }
    item(t, ts!(l, "report.cover.group_attributes"), attrs);
    item(
        t,
        ts!(l, "report.cover.decision_stage"),
        stage_text(a.spec.screen.stage.as_str(), l),
    );
    item(
        t,
        ts!(l, "report.cover.policy_packs"),
        if a.spec.screen.policy.is_empty() {
            ts!(l, "report.cover.all_built_packs").into()
        } else {
            a.spec.screen.policy.join(l.catalogue().list_separator())
        },
    );
    let (conf, alpha, corr, min, publ) = (
        level(a),
        a.spec.stats.alpha,
        correction(a),
        a.spec.min_group_size,
        a.spec.report.min_published_group,
    );
    item(
        t,
        ts!(l, "report.cover.statistics"),
        t!(
            l,
            "report.cover.intervals_significance_level_after_correction",
            conf,
            alpha,
            corr,
            min,
            publ
        ),
    );
    item(t, ts!(l, "report.cover.compared"), text::reference_rule(a));
    let (ver, seed, sha) = (
        &a.provenance.candor_version,
        a.provenance.seed,
        &a.provenance.spec_sha256,
    );
    item(
        t,
        ts!(l, "report.cover.candor"),
        t!(l, "report.cover.version_seed_spec_sha_256", ver, seed, sha),
    );
}

fn stage_text(code: &str, l: Lang) -> &'static str {
    match code {
        "recruitment" => ts!(l, "report.cover.recruitment"),
        "termination" => ts!(l, "report.cover.termination"),
        "post_termination" => ts!(l, "report.cover.after_termination"),
        _ => ts!(l, "report.cover.employment"),
    }
}
