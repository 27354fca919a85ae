//! Every sentence of an explanation, in English and Chinese: the renderer's words for the
//! explanation's codes and numbers. Both languages are complete:
//! a test renders explanations in Chinese and finds no English word outside the data's own
//! strings (column names, values, ids, legal citations).

use super::super::{GroupContext, Similar};

pub use crate::i18n::Lang;

pub fn suppressed(lang: Lang, min: u64) -> String {
    crate::t!(lang, "explain.text.withheld", min)
}

pub fn right_kind(lang: Lang, code: &str) -> String {
    let text = match code {
        "notice" => crate::ts!(lang, "explain.text.be_informed"),
        "explanation" => crate::ts!(lang, "explain.text.explanation"),
        "refuse_automated" => crate::ts!(lang, "explain.text.refuse_solely_automated_decision"),
        "human_review" => crate::ts!(lang, "explain.text.human_review"),
        "contest" => crate::ts!(lang, "explain.text.contest_decision"),
        "access" => crate::ts!(lang, "explain.text.see_data"),
        "rectification" => crate::ts!(lang, "explain.text.correct_data"),
        "erasure" => crate::ts!(lang, "explain.text.have_data_deleted"),
        "object" => crate::ts!(lang, "explain.text.object"),
        "contact_person" => crate::ts!(lang, "explain.text.contact_person"),
        "written_reasons" => crate::ts!(lang, "explain.text.written_reasons"),
        "complaint" => crate::ts!(lang, "explain.text.complain_go_court"),
        "consultation" => crate::ts!(lang, "explain.text.consultation_workers_representatives"),
        "consent" => crate::ts!(lang, "explain.text.consent"),
        "alternative_process" => crate::ts!(lang, "explain.text.alternative_process_accommodation"),
        "remedy" => crate::ts!(lang, "explain.text.remedy"),
        _ => crate::ts!(lang, "explain.text.other_right"),
    };
    text.to_string()
}

/// A step's heading.
pub fn step_text(lang: Lang, step: u8) -> &'static str {
    match step {
        1 => crate::ts!(lang, "explain.text.step_1_ask_employer_explanation"),
        2 => crate::ts!(lang, "explain.text.step_2_trade_union_workers"),
        3 => crate::ts!(lang, "explain.text.step_3_complaint_regulator_labour"),
        4 => crate::ts!(lang, "explain.text.step_4_arbitration_court"),
        _ => crate::ts!(lang, "explain.text.what_employer_had_do_any"),
    }
}

/// A deadline's length in words: "one year", "180 days", "一年", "180 日".
pub fn length(lang: Lang, amount: u32, unit: &str) -> String {
    lang.catalogue().duration(amount, unit)
}

pub fn condition(lang: Lang, code: &str) -> String {
    let text = match code {
        "is_digital_labour_platform" => {
            crate::ts!(lang, "explain.text.if_employer_digital_labour_platform")
        }
        "is_ai_system" => crate::ts!(lang, "explain.text.if_system_ai_system"),
        "uses_biometric_input" => crate::ts!(lang, "explain.text.if_biometric_data_used"),
        "solely_automated" => crate::ts!(lang, "explain.text.if_no_person_meaningfully_reviewed"),
        "significant_effect" => crate::ts!(lang, "explain.text.if_decision_significantly_affects"),
        "nyc_hiring_or_promotion" => {
            crate::ts!(lang, "explain.text.if_tool_screens_hiring_promotion")
        }
        "il_video_interview" => crate::ts!(lang, "explain.text.if_ai_analysed_video_interview"),
        "medical_or_safety_purpose" => crate::ts!(lang, "explain.text.if_purpose_medical_safety"),
        "approved_occupation_hbv" => crate::ts!(lang, "explain.text.if_job_health_authority_s"),
        _ => crate::ts!(lang, "explain.text.under_conditions_set_law"),
    };
    text.to_string()
}

pub fn decision(lang: Lang, positive: Option<bool>, adverse: Option<bool>) -> String {
    let answer = |p: bool| {
        if p {
            crate::ts!(lang, "explain.decision.yes")
        } else {
            crate::ts!(lang, "explain.decision.no")
        }
    };
    match (positive, adverse) {
        (None, _) => crate::ts!(lang, "explain.decision.none").into(),
        (Some(p), Some(a)) => crate::t!(
            lang,
            "explain.decision.with_harm",
            answer = answer(p),
            harm = if a {
                crate::ts!(lang, "explain.decision.adverse")
            } else {
                crate::ts!(lang, "explain.decision.not_adverse")
            }
        ),
        (Some(p), None) => answer(p).into(),
    }
}

pub fn kind_label(lang: Lang, kind: &str) -> &'static str {
    crate::codes::FindingKind::from_code(kind)
        .unwrap_or(crate::codes::FindingKind::Proxy)
        .text(lang)
}

pub fn severity(lang: Lang, s: &str) -> &'static str {
    s.parse::<crate::codes::Severity>()
        .unwrap_or(crate::codes::Severity::Review)
        .text(lang)
}

pub fn used(lang: Lang, used: Option<bool>) -> &'static str {
    match used {
        Some(true) => crate::ts!(lang, "explain.text.audit_found_algorithm_relies"),
        Some(false) => crate::ts!(lang, "explain.text.audit_found_no_sign_algorithm"),
        None => crate::ts!(lang, "explain.text.reliance_not_tested"),
    }
}

pub fn challenge_input(
    lang: Lang,
    column: &str,
    kind: &str,
    category_label: &str,
    reliance: Option<bool>,
    contribution: f64,
    logistic: bool,
) -> String {
    let unit = if logistic {
        crate::ts!(lang, "explain.challenge.unit_log_odds")
    } else {
        crate::ts!(lang, "explain.challenge.unit_points")
    };
    crate::t!(
        lang,
        "explain.challenge.input",
        column,
        kind = kind_label(lang, kind),
        category = category_label,
        amount = format!("{:.3}", contribution.abs()),
        unit,
        reliance = used(lang, reliance)
    )
}

pub fn challenge_rests(lang: Lang) -> String {
    crate::ts!(lang, "explain.text.without_data_law_restricts_result").to_string()
}

pub fn challenge_group(lang: Lang, g: &GroupContext, verdict: &str) -> String {
    let two = |f: &Option<super::super::Figure>| {
        f.as_ref()
            .and_then(|f| f.value)
            .map_or_else(|| "—".to_string(), |v| format!("{v:.2}"))
    };
    crate::t!(
        lang,
        "explain.challenge.group",
        attribute = g.attribute,
        group = g.group,
        ratio = two(&g.adverse_rate_ratio),
        reference = g
            .reference
            .as_deref()
            .unwrap_or(crate::ts!(lang, "explain.challenge.reference_default")),
        rate = crate::i18n::pct(g.adverse_rate.as_ref().and_then(|f| f.value), lang),
        impact = two(&g.impact_ratio),
        verdict
    )
}

pub fn challenge_fidelity(lang: Lang, low: bool) -> String {
    if low {
        crate::ts!(lang, "explain.challenge.fidelity_low")
    } else {
        crate::ts!(lang, "explain.challenge.fidelity_this_worker")
    }
    .into()
}

pub fn challenge_similar(lang: Lang, s: &Similar) -> String {
    crate::t!(
        lang,
        "explain.challenge.similar",
        compared = s.compared,
        other = s.other_outcome
    )
}

/// Headings and fixed phrases of the rendered documents.
pub struct Labels {
    pub title: &'static str,
    pub intro: &'static str,
    pub s_first: &'static str,
    pub no_main_reasons: &'static str,
    pub no_deadline: &'static str,
    pub decision_date: &'static str,
    pub document_date: &'static str,
    pub not_stated: &'static str,
    pub employer: &'static str,
    pub contact: &'static str,
    pub contact_missing: &'static str,
    pub typical: &'static str,
    pub no_effect: &'static str,
    pub model_differs: &'static str,
    pub model_differs_anchored: &'static str,
    pub s_counterfactual_model: &'static str,
    pub cf_anchored: &'static str,
    pub cf_model: &'static str,
    pub cf_model_disagrees: &'static str,
    pub cf_none: &'static str,
    pub cf_model_disagrees_score: &'static str,
    pub no_single_cut: &'static str,
    pub cf_same: &'static str,
    pub cf_no_input: &'static str,
    pub cf_bound: &'static str,
    pub no_similar: &'static str,
    pub adverse_rate: &'static str,
    pub adverse_rate_ratio: &'static str,
    pub groups_note: &'static str,
    pub no_time_limit: &'static str,
    pub s_appendix: &'static str,
    pub appendix_model: &'static str,
    pub a_scale: &'static str,
    pub a_output: &'static str,
    pub a_baseline: &'static str,
    pub a_additivity: &'static str,
    pub a_fit_rows: &'static str,
    pub a_penalty: &'static str,
    pub a_model_decision: &'static str,
    pub a_agreement: &'static str,
    pub a_agreement_by: &'static str,
    pub a_r2: &'static str,
    pub a_in_sample: &'static str,
    pub a_residual: &'static str,
    pub a_unexplainable: &'static str,
    pub a_identical: &'static str,
    pub a_level: &'static str,
    pub s_decision: &'static str,
    pub s_data: &'static str,
    pub s_factors: &'static str,
    pub s_prohibited: &'static str,
    pub s_counterfactual: &'static str,
    pub s_similar: &'static str,
    pub s_groups: &'static str,
    pub s_rights: &'static str,
    pub s_challenge: &'static str,
    pub s_provenance: &'static str,
    pub subject: &'static str,
    pub decision: &'static str,
    pub score: &'static str,
    pub threshold: &'static str,
    pub threshold_spec: &'static str,
    pub threshold_derived: &'static str,
    pub purpose: &'static str,
    pub purpose_missing: &'static str,
    pub stage: &'static str,
    pub column: &'static str,
    pub value: &'static str,
    pub missing: &'static str,
    pub note: &'static str,
    pub not_model_input: &'static str,
    pub constant_input: &'static str,
    pub contribution: &'static str,
    pub toward: &'static str,
    pub toward_adverse: &'static str,
    pub toward_favorable: &'static str,
    pub toward_none: &'static str,
    pub none_prohibited: &'static str,
    pub group: &'static str,
    pub favorable_rate: &'static str,
    pub reference: &'static str,
    pub verdict: &'static str,
    pub workers: &'static str,
    pub right: &'static str,
    pub law: &'static str,
    pub what: &'static str,
    pub deadline: &'static str,
    pub applies: &'static str,
    pub no_challenge: &'static str,
    pub hash_note: &'static str,
    pub version: &'static str,
    pub spec_hash: &'static str,
    pub settings_hash: &'static str,
    pub data_file: &'static str,
    pub data_hash: &'static str,
    pub rows: &'static str,
    pub seed: &'static str,
    pub doc_hash: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub severity: &'static str,
    pub legal: &'static str,
    pub not_adverse_cf: &'static str,
    pub no_groups: &'static str,
    pub no_rights: &'static str,
}

/// The headings and fixed phrases in `lang`, from the catalogue.
pub fn labels(lang: Lang) -> Labels {
    Labels {
        title: crate::ts!(lang, "explain.label.title"),
        intro: crate::ts!(lang, "explain.label.intro"),
        s_first: crate::ts!(lang, "explain.label.s_first"),
        no_main_reasons: crate::ts!(lang, "explain.label.no_main_reasons"),
        no_deadline: crate::ts!(lang, "explain.label.no_deadline"),
        decision_date: crate::ts!(lang, "explain.label.decision_date"),
        document_date: crate::ts!(lang, "explain.label.document_date"),
        not_stated: crate::ts!(lang, "explain.label.not_stated"),
        employer: crate::ts!(lang, "explain.label.employer"),
        contact: crate::ts!(lang, "explain.label.contact"),
        contact_missing: crate::ts!(lang, "explain.label.contact_missing"),
        typical: crate::ts!(lang, "explain.label.typical"),
        no_effect: crate::ts!(lang, "explain.label.no_effect"),
        model_differs: crate::ts!(lang, "explain.label.model_differs"),
        model_differs_anchored: crate::ts!(lang, "explain.label.model_differs_anchored"),
        s_counterfactual_model: crate::ts!(lang, "explain.label.s_counterfactual_model"),
        cf_anchored: crate::ts!(lang, "explain.label.cf_anchored"),
        cf_model: crate::ts!(lang, "explain.label.cf_model"),
        cf_model_disagrees: crate::ts!(lang, "explain.label.cf_model_disagrees"),
        cf_none: crate::ts!(lang, "explain.label.cf_none"),
        cf_model_disagrees_score: crate::ts!(lang, "explain.label.cf_model_disagrees_score"),
        no_single_cut: crate::ts!(lang, "explain.label.no_single_cut"),
        cf_same: crate::ts!(lang, "explain.label.cf_same"),
        cf_no_input: crate::ts!(lang, "explain.label.cf_no_input"),
        cf_bound: crate::ts!(lang, "explain.label.cf_bound"),
        no_similar: crate::ts!(lang, "explain.label.no_similar"),
        adverse_rate: crate::ts!(lang, "explain.label.adverse_rate"),
        adverse_rate_ratio: crate::ts!(lang, "explain.label.adverse_rate_ratio"),
        groups_note: crate::ts!(lang, "explain.label.groups_note"),
        no_time_limit: crate::ts!(lang, "explain.label.no_time_limit"),
        s_appendix: crate::ts!(lang, "explain.label.s_appendix"),
        appendix_model: crate::ts!(lang, "explain.label.appendix_model"),
        a_scale: crate::ts!(lang, "explain.label.a_scale"),
        a_output: crate::ts!(lang, "explain.label.a_output"),
        a_baseline: crate::ts!(lang, "explain.label.a_baseline"),
        a_additivity: crate::ts!(lang, "explain.label.a_additivity"),
        a_fit_rows: crate::ts!(lang, "explain.label.a_fit_rows"),
        a_penalty: crate::ts!(lang, "explain.label.a_penalty"),
        a_model_decision: crate::ts!(lang, "explain.label.a_model_decision"),
        a_agreement: crate::ts!(lang, "explain.label.a_agreement"),
        a_agreement_by: crate::ts!(lang, "explain.label.a_agreement_by"),
        a_r2: crate::ts!(lang, "explain.label.a_r2"),
        a_in_sample: crate::ts!(lang, "explain.label.a_in_sample"),
        a_residual: crate::ts!(lang, "explain.label.a_residual"),
        a_unexplainable: crate::ts!(lang, "explain.label.a_unexplainable"),
        a_identical: crate::ts!(lang, "explain.label.a_identical"),
        a_level: crate::ts!(lang, "explain.label.a_level"),
        s_decision: crate::ts!(lang, "explain.label.s_decision"),
        s_data: crate::ts!(lang, "explain.label.s_data"),
        s_factors: crate::ts!(lang, "explain.label.s_factors"),
        s_prohibited: crate::ts!(lang, "explain.label.s_prohibited"),
        s_counterfactual: crate::ts!(lang, "explain.label.s_counterfactual"),
        s_similar: crate::ts!(lang, "explain.label.s_similar"),
        s_groups: crate::ts!(lang, "explain.label.s_groups"),
        s_rights: crate::ts!(lang, "explain.label.s_rights"),
        s_challenge: crate::ts!(lang, "explain.label.s_challenge"),
        s_provenance: crate::ts!(lang, "explain.label.s_provenance"),
        subject: crate::ts!(lang, "explain.label.subject"),
        decision: crate::ts!(lang, "explain.label.decision"),
        score: crate::ts!(lang, "explain.label.score"),
        threshold: crate::ts!(lang, "explain.label.threshold"),
        threshold_spec: crate::ts!(lang, "explain.label.threshold_spec"),
        threshold_derived: crate::ts!(lang, "explain.label.threshold_derived"),
        purpose: crate::ts!(lang, "explain.label.purpose"),
        purpose_missing: crate::ts!(lang, "explain.label.purpose_missing"),
        stage: crate::ts!(lang, "explain.label.stage"),
        column: crate::ts!(lang, "explain.label.column"),
        value: crate::ts!(lang, "explain.label.value"),
        missing: crate::ts!(lang, "explain.label.missing"),
        note: crate::ts!(lang, "explain.label.note"),
        not_model_input: crate::ts!(lang, "explain.label.not_model_input"),
        constant_input: crate::ts!(lang, "explain.label.constant_input"),
        contribution: crate::ts!(lang, "explain.label.contribution"),
        toward: crate::ts!(lang, "explain.label.toward"),
        toward_adverse: crate::ts!(lang, "explain.label.toward_adverse"),
        toward_favorable: crate::ts!(lang, "explain.label.toward_favorable"),
        toward_none: crate::ts!(lang, "explain.label.toward_none"),
        none_prohibited: crate::ts!(lang, "explain.label.none_prohibited"),
        group: crate::ts!(lang, "explain.label.group"),
        favorable_rate: crate::ts!(lang, "explain.label.favorable_rate"),
        reference: crate::ts!(lang, "explain.label.reference"),
        verdict: crate::ts!(lang, "explain.label.verdict"),
        workers: crate::ts!(lang, "explain.label.workers"),
        right: crate::ts!(lang, "explain.label.right"),
        law: crate::ts!(lang, "explain.label.law"),
        what: crate::ts!(lang, "explain.label.what"),
        deadline: crate::ts!(lang, "explain.label.deadline"),
        applies: crate::ts!(lang, "explain.label.applies"),
        no_challenge: crate::ts!(lang, "explain.label.no_challenge"),
        hash_note: crate::ts!(lang, "explain.label.hash_note"),
        version: crate::ts!(lang, "explain.label.version"),
        spec_hash: crate::ts!(lang, "explain.label.spec_hash"),
        settings_hash: crate::ts!(lang, "explain.label.settings_hash"),
        data_file: crate::ts!(lang, "explain.label.data_file"),
        data_hash: crate::ts!(lang, "explain.label.data_hash"),
        rows: crate::ts!(lang, "explain.label.rows"),
        seed: crate::ts!(lang, "explain.label.seed"),
        doc_hash: crate::ts!(lang, "explain.label.doc_hash"),
        from: crate::ts!(lang, "explain.label.from"),
        to: crate::ts!(lang, "explain.label.to"),
        severity: crate::ts!(lang, "explain.label.severity"),
        legal: crate::ts!(lang, "explain.label.legal"),
        not_adverse_cf: crate::ts!(lang, "explain.label.not_adverse_cf"),
        no_groups: crate::ts!(lang, "explain.label.no_groups"),
        no_rights: crate::ts!(lang, "explain.label.no_rights"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_keep_their_length() {
        assert_eq!(length(Lang::En, 1, "years"), "one year");
        assert_eq!(length(Lang::En, 180, "days"), "180 days");
        assert_eq!(length(Lang::En, 2, "weeks"), "two weeks");
        assert_eq!(length(Lang::Zh, 1, "years"), "一年");
        assert_eq!(length(Lang::Zh, 1, "months"), "一个月");
        assert_eq!(length(Lang::Zh, 2, "weeks"), "两周");
        assert_eq!(length(Lang::Zh, 300, "days"), "300 日");
    }
}
