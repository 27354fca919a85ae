//! Data protection: the review's findings (identifiability, minimisation) with their numbers,
//! the combinations that single workers out, what classes disclose, the proposed coarsening,
//! and the class of every column with its evidence and legal basis.

use crate::audit::{AnyFinding, Audit};
use crate::i18n::{Lang, Texts, pct};
use crate::report::doc::{DocTable, Section};
use crate::report::protection_text::{action_text, class_name, names};
use crate::screen::identifiability::Identifiability;
use crate::screen::protection::ProtectionCode;
use crate::screen::protection::classify::ColumnClass;

use super::cells::{FindingIds, headers};
use super::finding_id;
use crate::t;
use crate::ts;

/// Rows of the combinations table: the worst, as many.
const SHOWN: usize = 12;

pub(super) fn protection_section(a: &Audit, ids: &FindingIds) -> Option<Section> {
    let l = a.spec.lang;
    let p = a.protection.as_ref()?;
    let mut s = Section::new("protection", ts!(l, "report.protection.data_protection"));
    s.para(ts!(l, "report.protection.whether_table_handed_over_this"));
    findings_table(a, ids, &mut s);
    if let Some(id) = &p.identifiability {
        identifiability(a, id, &mut s);
    }
    classes_table(a, &p.columns, &mut s);
    Some(s)
}

fn findings_table(a: &Audit, ids: &FindingIds, s: &mut Section) {
    let l = a.spec.lang;
    let mut t = DocTable::new(
        "t-protection",
        ts!(l, "report.protection.data_protection_findings_worst_first"),
        headers(&[
            ts!(l, "report.protection.col_finding"),
            ts!(l, "report.protection.col_about"),
            ts!(l, "report.protection.col_columns"),
            ts!(l, "report.protection.col_workers"),
            ts!(l, "report.protection.col_what_do"),
        ]),
    );
    for (i, f) in a.findings.iter().enumerate() {
        let AnyFinding::Protection(f) = f else {
            continue;
        };
        let cols = match &f.column {
            Some(c) if f.columns.is_empty() => l.quote(c),
            Some(c) => t!(
                l,
                "report.protection.column_by_names",
                column = l.quote(c),
                names = names(&f.columns, l)
            ),
            None => names(&f.columns, l),
        };
        let (about, todo) = match f.code {
            ProtectionCode::SingledOut => (
                ts!(l, "report.protection.workers_singled_out"),
                ts!(l, "report.protection.coarsen_remove_columns_see_below"),
            ),
            ProtectionCode::BelowMinK => (
                ts!(l, "report.protection.small_groups"),
                ts!(l, "report.protection.coarsen_columns_see_below"),
            ),
            ProtectionCode::Homogeneous => (
                ts!(l, "report.protection.sensitive_input_disclosed"),
                ts!(
                    l,
                    "report.protection.coarsen_columns_remove_sensitive_input"
                ),
            ),
            ProtectionCode::HealthOtherPurpose => (
                ts!(l, "report.protection.health_data_used_beyond_purpose"),
                ts!(l, "report.protection.take_out_this_decision_s"),
            ),
            ProtectionCode::SensitiveOtherPurpose => (
                ts!(l, "report.protection.sensitive_data_used_beyond_purpose"),
                ts!(l, "report.protection.take_out_this_decision_s"),
            ),
            ProtectionCode::NotUsed => (
                ts!(l, "report.protection.collected_not_needed"),
                ts!(l, "report.protection.stop_collecting_this_decision_delete"),
            ),
        };
        t.push_with_id(
            ids.ids[i].clone(),
            vec![
                t!(
                    l,
                    "report.protection.finding_id_severity",
                    finding_id = finding_id(i),
                    severity = f.severity.text(l)
                ),
                about.into(),
                cols,
                f.workers.map_or("–".into(), |n| n.to_string()),
                todo.into(),
            ],
        );
    }
    if !t.rows.is_empty() {
        s.table(t);
    }
}

fn identifiability(a: &Audit, id: &Identifiability, s: &mut Section) {
    let l = a.spec.lang;
    let (k, rows) = (id.min_k, id.rows);
    let qi = names(
        &id.quasi_identifiers
            .iter()
            .map(|q| q.column.clone())
            .collect::<Vec<_>>(),
        l,
    );
    s.para(t!(
        l,
        "report.protection.identifiability_columns_person_could_know",
        qi,
        rows,
        k
    ));
    let mut t = DocTable::new(
        "t-identifiability",
        ts!(l, "report.protection.combinations_groups_that_too_small"),
        headers(&[
            ts!(l, "report.protection.col_columns"),
            ts!(l, "report.protection.col_groups"),
            ts!(l, "report.protection.col_workers_alone_k_1"),
            ts!(l, "report.protection.col_smallest_group_k"),
            ts!(l, "report.protection.col_workers_groups_below_threshold"),
        ]),
    );
    let row = |c: &crate::screen::identifiability::Combination| {
        vec![
            names(&c.columns, l),
            c.classes.to_string(),
            c.unique_workers.to_string(),
            c.smallest_k.map_or("–".into(), |k| k.to_string()),
            t!(
                l,
                "report.protection.rows_below_min_k_paren_pct",
                rows_below_min_k = c.rows_below_min_k,
                pct = pct(c.share_below_min_k, l)
            ),
        ]
    };
    // All of them together, when that is more than a combination already listed.
    if let Some(all) = id
        .all
        .as_ref()
        .filter(|_| id.quasi_identifiers.len() > crate::screen::identifiability::MAX_COMBINATION)
    {
        let mut r = row(all);
        r[0] = t!(l, "report.protection.all_together", columns = r[0]);
        t.push(r);
    }
    for c in id
        .combinations
        .iter()
        .filter(|c| c.rows_below_min_k > 0)
        .take(SHOWN)
    {
        t.push(row(c));
    }
    let below = id
        .combinations
        .iter()
        .filter(|c| c.rows_below_min_k > 0)
        .count();
    let total = id.combinations.len();
    s.para(t!(
        l,
        "report.protection.combinations_up_three_columns_group",
        k,
        below,
        total,
        shown = below.min(SHOWN)
    ));
    s.table(t);
    if !id.sensitive.is_empty() {
        let sens = names(&id.sensitive, l);
        s.para(t!(
            l,
            "report.protection.disclosure_sensitive_inputs_group_two",
            sens
        ));
        let mut h = DocTable::new(
            "t-homogeneity",
            ts!(l, "report.protection.groups_which_everyone_has_same"),
            headers(&[
                ts!(l, "report.protection.col_sensitive_input"),
                ts!(l, "report.protection.col_revealed"),
                ts!(l, "report.protection.col_such_groups"),
                ts!(l, "report.protection.col_workers_them"),
                ts!(
                    l,
                    "report.protection.col_those_groups_least_threshold_workers"
                ),
            ]),
        );
        for sname in &id.sensitive {
            for x in id
                .homogeneity
                .iter()
                .filter(|x| &x.sensitive == sname)
                .take(3)
            {
                h.push(vec![
                    l.quote(&x.sensitive),
                    names(&x.columns, l),
                    x.homogeneous_classes.to_string(),
                    x.workers.to_string(),
                    t!(
                        l,
                        "report.protection.homogeneous_k_anonymous_paren_workers_k",
                        homogeneous_k_anonymous = x.homogeneous_k_anonymous,
                        workers_k_anonymous = x.workers_k_anonymous
                    ),
                ]);
            }
        }
        if h.rows.is_empty() {
            s.para(ts!(l, "report.protection.no_such_group_was_found"));
        } else {
            s.table(h);
        }
    }
    coarsening(a, id, s);
}

fn coarsening(a: &Audit, id: &Identifiability, s: &mut Section) {
    let l = a.spec.lang;
    let Some(c) = &id.coarsening else { return };
    let k = id.min_k;
    let loss = format!("{:.3}", c.loss);
    let (before, after) = (c.rows_at_risk_before, c.rows_at_risk_after);
    s.para(if c.reached {
        t!(
            l,
            "report.protection.coarsening_that_gives_every_group",
            k,
            loss,
            before,
            after
        )
    } else {
        t!(
            l,
            "report.protection.no_coarsening_space_searched_bands",
            k,
            before,
            after,
            loss
        )
    });
    // The audit itself needs the group attributes as they are: say where a coarsening applies.
    s.para(t!(
        l,
        "report.protection.coarsening_copies_table_shared_beyond"
    ));
    let mut t = DocTable::new(
        "t-coarsening",
        ts!(l, "report.protection.proposed_coarsening"),
        headers(&[
            ts!(l, "report.protection.col_column"),
            ts!(l, "report.protection.col_change"),
            ts!(l, "report.protection.col_distinct_values_before"),
            ts!(l, "report.protection.col_after"),
            ts!(l, "report.protection.col_information_lost"),
        ]),
    );
    for ch in &c.changes {
        t.push(vec![
            l.quote(&ch.column),
            action_text(&ch.action, l),
            ch.distinct_before.to_string(),
            ch.distinct_after.to_string(),
            format!("{:.3}", ch.loss),
        ]);
    }
    if !t.rows.is_empty() {
        s.table(t);
    }
}

fn classes_table(a: &Audit, cols: &[ColumnClass], s: &mut Section) {
    let l = a.spec.lang;
    let mut t = DocTable::new(
        "t-classes",
        ts!(l, "report.protection.what_each_column_holds"),
        headers(&[
            ts!(l, "report.protection.col_column"),
            ts!(l, "report.protection.col_class"),
            ts!(l, "report.protection.col_evidence"),
            ts!(l, "report.protection.col_legal_basis"),
        ]),
    );
    for c in cols {
        let classes: Vec<&str> = c.classes.iter().map(|k| class_name(*k, l)).collect();
        let mut ev: Vec<String> = Vec::new();
        for e in &c.evidence {
            let d = &e.detail;
            let text = match e.source {
                "spec" => match d.as_str() {
                    "id" => ts!(l, "report.protection.worker_id_column_spec"),
                    "attribute" => ts!(l, "report.protection.group_attribute_spec"),
                    _ => ts!(l, "report.protection.decision_score_label_spec"),
                }
                .to_string(),
                "name" => t!(l, "report.protection.name_matches", name = l.quote(d)),
                "identifier_name" => t!(
                    l,
                    "report.protection.name_says_holds",
                    identifier_kind = identifier_kind(d, l)
                ),
                "identifier_values" => t!(
                    l,
                    "report.protection.values_shaped",
                    identifier_kind = identifier_kind(d, l)
                ),
                "content" => match d.as_str() {
                    "off_hours" => {
                        ts!(l, "report.protection.timestamps_outside_working_hours").to_string()
                    }
                    "email" => {
                        ts!(l, "report.protection.values_shaped_e_mail_addresses").to_string()
                    }
                    "cn_mobile" => {
                        ts!(l, "report.protection.values_shaped_mobile_numbers").to_string()
                    }
                    "cn_resident_id" => {
                        ts!(l, "report.protection.values_shaped_resident_id_numbers").to_string()
                    }
                    _ => t!(l, "report.protection.values_match", d),
                },
                "dictionary" => t!(
                    l,
                    "report.protection.dictionary_description_matches",
                    term = l.quote(d)
                ),
                "screening" => {
                    let label = c
                        .category_labels
                        .iter()
                        .find(|(id, _, _)| id == d)
                        .map_or(d.clone(), |(_, en, zh)| Texts::new(en, zh).inline(l));
                    t!(l, "report.protection.screening", label)
                }
                _ => ts!(l, "report.protection.examined_quasi_identifier").to_string(),
            };
            if !ev.contains(&text) {
                ev.push(text);
            }
        }
        let mut basis: Vec<String> = Vec::new();
        for b in &c.legal_basis {
            let cite = b.cite().get(l).to_string();
            if !basis.contains(&cite) {
                basis.push(cite);
            }
        }
        t.push(vec![
            c.column.clone(),
            classes.join(l.catalogue().clause_separator()),
            ev.join(l.catalogue().clause_separator()),
            basis.join(l.catalogue().clause_separator()),
        ]);
    }
    s.table(t);
}

/// A kind of direct identifier (`names::IdentifierKind`'s code) in words.
fn identifier_kind(code: &str, l: Lang) -> &'static str {
    match code {
        "phone" => ts!(l, "report.protection.phone_numbers"),
        "email" => ts!(l, "report.protection.e_mail_addresses"),
        "person_name" => ts!(l, "report.protection.names_persons"),
        "national_id" => ts!(l, "report.protection.identity_document_numbers"),
        "employee_number" => ts!(l, "report.protection.employee_numbers"),
        _ => ts!(l, "report.protection.account_identifiers"),
    }
}
