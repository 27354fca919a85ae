//! The words of the data-protection review: one sentence per finding, the names of the data
//! classes and of the coarsening steps, in English and Chinese. The review itself returns
//! codes and numbers (`screen::protection`).

use crate::audit::Audit;
use crate::i18n::Lang;
use crate::screen::identifiability::coarsen::Action;
use crate::screen::protection::ProtectionCode as C;
use crate::screen::protection::ProtectionFinding;
use crate::screen::protection::classify::DataClass;
use crate::t;
use crate::ts;

/// Column names from the data, quoted and joined: 'sex', 'age_band' and 'shift'.
pub fn names(cols: &[String], l: Lang) -> String {
    let q: Vec<String> = cols.iter().map(|c| l.quote(c)).collect();
    l.catalogue().and_list(&q)
}

/// The category's label in the report's language, from the screening of that column.
fn category_label(a: &Audit, column: &str, category: Option<&str>) -> String {
    let l = a.spec.lang;
    a.screen
        .iter()
        .flat_map(|s| &s.findings)
        .find(|f| f.column == column && Some(f.category.as_str()) == category)
        .map(|f| f.category_label().inline(l))
        .or_else(|| category.map(|c| c.replace('_', " ")))
        .unwrap_or_default()
}

/// A class's name for people.
pub fn class_name(c: DataClass, l: Lang) -> &'static str {
    match c {
        DataClass::DirectIdentifier => ts!(l, "report.protection_text.direct_identifier"),
        DataClass::Sensitive => ts!(l, "report.protection_text.sensitive_personal_information"),
        DataClass::ProhibitedOrRestricted => {
            ts!(l, "report.protection_text.prohibited_restricted_input")
        }
        DataClass::ProtectedAttribute => ts!(l, "report.protection_text.protected_attribute"),
        DataClass::Proxy => ts!(l, "report.protection_text.stands_protected_attribute_proxy"),
        DataClass::QuasiIdentifier => ts!(
            l,
            "report.protection_text.indirect_identifier_quasi_identifier"
        ),
        DataClass::AlgorithmOutput => ts!(l, "report.protection_text.algorithm_output_outcome"),
        DataClass::WorkMeasure => ts!(l, "report.protection_text.ordinary_work_measure"),
    }
}

/// A coarsening step for people.
pub fn action_text(action: &Action, l: Lang) -> String {
    match action {
        Action::AsIs => ts!(l, "report.protection_text.kept_given").into(),
        Action::Removed => ts!(l, "report.protection_text.left_out_table").into(),
        Action::Bands { bands } => {
            let list: Vec<String> = bands
                .iter()
                .map(|b| match (b.from, b.to) {
                    (None, Some(t)) => t!(l, "report.protection_text.band_up_to", t),
                    (Some(f), None) => t!(l, "report.protection_text.band_or_more", f),
                    (Some(f), Some(t)) if f == t => format!("{f}"),
                    (Some(f), Some(t)) => format!("{f}–{t}"),
                    (None, None) => ts!(l, "report.protection_text.all").to_string(),
                })
                .collect();
            let n = bands.len();
            t!(
                l,
                "report.protection_text.bands",
                n,
                bands = list.join(l.catalogue().list_separator())
            )
        }
        Action::MergeRare {
            below_share,
            merged,
        } => {
            let share = crate::report::num(Some(below_share * 100.0));
            let list: Vec<String> = merged
                .iter()
                .map(|m| {
                    if m.is_empty() {
                        ts!(l, "report.protection_text.missing").to_string()
                    } else {
                        crate::i18n::group(m, l)
                    }
                })
                .collect();
            t!(
                l,
                "report.protection_text.categories_held_less_than_workers",
                share,
                merged = list.join(l.catalogue().list_separator())
            )
        }
    }
}

/// One sentence for a data-protection finding.
pub fn sentence(a: &Audit, f: &ProtectionFinding) -> String {
    let l = a.spec.lang;
    let cols = names(&f.columns, l);
    let col = f.column.as_deref().map(|c| l.quote(c)).unwrap_or_default();
    let n = f.workers.unwrap_or(0);
    let k = f.min_k.unwrap_or(0);
    match f.code {
        C::SingledOut => {
            let (m, t) = (
                f.combinations_singling_out.unwrap_or(0),
                f.combinations.unwrap_or(0),
            );
            let fix = match f.coarsening_reached {
                Some(true) => t!(
                    l,
                    "report.protection_text.data_protection_section_proposes_coarsening",
                    k
                ),
                Some(false) => t!(
                    l,
                    "report.protection_text.no_coarsening_candor_searched_gives",
                    k
                ),
                None => String::new(),
            };
            t!(
                l,
                "report.protection_text.workers_only_ones_their_values",
                n,
                cols,
                m,
                t,
                fix
            )
        }
        C::BelowMinK => t!(
            l,
            "report.protection_text.nobody_alone_but_workers_share",
            n,
            cols,
            k
        ),
        C::Homogeneous => {
            let c = f.classes.unwrap_or(0);
            let m = f.modal_classes.unwrap_or(0);
            let base = t!(
                l,
                "report.protection_text.reveal_groups_least_workers_who",
                cols,
                col,
                c,
                k,
                n
            );
            let modal = if m == 0 {
                String::new()
            } else if m == c {
                t!(
                    l,
                    "report.protection_text.every_one_these_groups_shared",
                    col
                )
            } else {
                t!(
                    l,
                    "report.protection_text.these_groups_shared_value_most",
                    m,
                    col,
                    rest = c - m
                )
            };
            base + &modal
        }
        C::HealthOtherPurpose | C::SensitiveOtherPurpose => {
            let purpose = f.purpose.as_deref().map(|p| l.quote(p)).unwrap_or_default();
            let label = category_label(
                a,
                f.column.as_deref().unwrap_or_default(),
                f.category.as_deref(),
            );
            let what = if f.code == C::HealthOtherPurpose {
                if f.epidemic {
                    ts!(
                        l,
                        "report.protection_text.health_data_collected_epidemic_control"
                    )
                    .to_string()
                } else {
                    ts!(l, "report.protection_text.health_data").to_string()
                }
            } else {
                t!(
                    l,
                    "report.protection_text.sensitive_personal_information_2",
                    label
                )
            };
            t!(
                l,
                "report.protection_text.collected_data_this_decision_about",
                col,
                what,
                purpose
            )
        }
        C::NotUsed => t!(
            l,
            "report.protection_text.collected_handed_algorithm_which_does",
            col
        ),
    }
}
