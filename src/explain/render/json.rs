//! The explanation written as JSON: its codes and numbers, each code's words in the
//! document's language next to it (`decision_text`, `kind_text`, `verdict_text`, a challenge
//! point's `text`...), and the inputs' texts (plain names, laws, summaries). The document hash
//! is taken over this JSON.

use serde::Serialize;

use super::super::counterfactual::Counterfactual;
use super::super::{Factor, Figure, FirstPage, GroupContext, InputValue, ModelSummary, Similar};
use super::doc::Rendering;
use super::text::Lang;
use crate::data;
use crate::metrics::Verdict;
use crate::screen::policy::{DeadlineBinds, DeadlineUnit, RightKind};

#[derive(Serialize)]
struct Json<'a> {
    subject: &'a str,
    lang: Lang,
    first_page: &'a FirstPage,
    outcome: OutcomeJson<'a>,
    inputs: Vec<InputJson<'a>>,
    model: &'a ModelSummary,
    factors: Vec<FactorJson<'a>>,
    prohibited: ProhibitedJson<'a>,
    counterfactual: Option<&'a Counterfactual>,
    similar: Option<&'a Similar>,
    groups: Vec<GroupJson<'a>>,
    rights: Vec<RightJson<'a>>,
    challenge: Vec<ChallengeJson>,
    provenance: ProvenanceJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    onnx: Option<&'a crate::model::worker::ModelExplanation>,
}

#[derive(Serialize)]
struct OutcomeJson<'a> {
    decision_column: &'a Option<String>,
    decision_positive: Option<bool>,
    decision_text: String,
    adverse: Option<bool>,
    score_column: &'a Option<String>,
    score: Option<f64>,
    score_decimals: Option<u32>,
    threshold: Option<f64>,
    threshold_source: &'a Option<String>,
    positive_above_threshold: Option<bool>,
    purpose: &'a Option<String>,
    stage: &'a str,
    decision_date: &'a Option<String>,
    document_date: &'a Option<String>,
    employer: &'a Option<String>,
    contact: &'a Option<String>,
}

#[derive(Serialize)]
struct FlagJson<'a> {
    kind: &'a str,
    category: &'a str,
    category_label: String,
    severity: &'a str,
    used: Option<bool>,
    citations: Vec<String>,
    over_limit: Option<String>,
}

#[derive(Serialize)]
struct InputJson<'a> {
    column: &'a str,
    label: Option<String>,
    value: &'a Option<String>,
    typical: &'a Option<String>,
    model_role: &'a str,
    no_effect: bool,
    flag: Option<FlagJson<'a>>,
}

#[derive(Serialize)]
struct FactorJson<'a> {
    column: &'a str,
    label: Option<String>,
    value: &'a Option<String>,
    typical: &'a Option<String>,
    contribution: f64,
    toward: &'a str,
    flagged: bool,
    no_effect: bool,
}

#[derive(Serialize)]
struct ProhibitedJson<'a> {
    inputs: Vec<FactorJson<'a>>,
    total: f64,
    output_without: f64,
    score_without: Option<f64>,
    decision_without_positive: Option<bool>,
    flips: Option<bool>,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    attribute: &'a str,
    group: &'a str,
    n: Option<u64>,
    favorable_rate: &'a Option<Figure>,
    adverse_rate: &'a Option<Figure>,
    impact_ratio: &'a Option<Figure>,
    adverse_rate_ratio: &'a Option<Figure>,
    reference: &'a Option<String>,
    verdict: Option<Verdict>,
    verdict_text: Option<String>,
    suppressed: Option<String>,
}

#[derive(Serialize)]
struct DeadlineJson {
    amount: Option<u32>,
    unit: Option<DeadlineUnit>,
    length: Option<String>,
    when: String,
    binds: Option<DeadlineBinds>,
}

#[derive(Serialize)]
struct RightJson<'a> {
    pack: &'a str,
    jurisdiction: &'a str,
    kind: RightKind,
    kind_text: String,
    step: u8,
    law: String,
    citation: String,
    summary: String,
    deadline: Option<DeadlineJson>,
    conditions: Vec<String>,
}

#[derive(Serialize)]
struct ChallengeJson {
    kind: &'static str,
    text: String,
}

#[derive(Serialize)]
struct ProvenanceJson<'a> {
    candor_version: &'a str,
    audit_spec_sha256: &'a str,
    explain_settings_sha256: &'a str,
    data_file: &'a str,
    data_sha256: &'a str,
    rows: u64,
    seed: u64,
    /// SHA-256 of this JSON with this field set to "" (see [`document_hash`]).
    document_sha256: String,
}

fn factor<'a>(d: &Rendering<'a>, f: &'a Factor) -> FactorJson<'a> {
    FactorJson {
        column: &f.column,
        label: d.label(&f.column),
        value: &f.value,
        typical: &f.typical,
        contribution: f.contribution,
        toward: &f.toward,
        flagged: f.flagged,
        no_effect: f.no_effect,
    }
}

fn input<'a>(d: &Rendering<'a>, i: &'a InputValue) -> InputJson<'a> {
    InputJson {
        column: &i.column,
        label: d.label(&i.column),
        value: &i.value,
        typical: &i.typical,
        model_role: &i.model_role,
        no_effect: i.no_effect,
        flag: i.flag.as_ref().map(|f| {
            let texts = d.src.flag(&i.column);
            FlagJson {
                kind: &f.kind,
                category: &f.category,
                category_label: texts.category_label,
                severity: &f.severity,
                used: f.used,
                citations: texts.citations,
                over_limit: d.over_limit_text(&i.column, f),
            }
        }),
    }
}

fn group<'a>(d: &Rendering<'a>, g: &'a GroupContext) -> GroupJson<'a> {
    GroupJson {
        attribute: &g.attribute,
        group: &g.group,
        n: g.n,
        favorable_rate: &g.favorable_rate,
        adverse_rate: &g.adverse_rate,
        impact_ratio: &g.impact_ratio,
        adverse_rate_ratio: &g.adverse_rate_ratio,
        reference: &g.reference,
        verdict: g.verdict,
        verdict_text: d.verdict_text(g),
        suppressed: d.suppressed_text(g),
    }
}

/// The JSON document, with `document_sha256` as given.
fn json_with_hash(d: &Rendering, document_sha256: String) -> String {
    let e = d.explanation();
    let o = &e.outcome;
    let p = &e.prohibited;
    let pv = &e.provenance;
    let doc = Json {
        subject: &e.subject,
        lang: d.lang,
        first_page: &e.first_page,
        outcome: OutcomeJson {
            decision_column: &o.decision_column,
            decision_positive: o.decision_positive,
            decision_text: d.decision_text(),
            adverse: o.adverse,
            score_column: &o.score_column,
            score: o.score,
            score_decimals: o.score_decimals,
            threshold: o.threshold,
            threshold_source: &o.threshold_source,
            positive_above_threshold: o.positive_above_threshold,
            purpose: &d.src.purpose,
            stage: &o.stage,
            decision_date: &o.decision_date,
            document_date: &o.document_date,
            employer: &o.employer,
            contact: &d.src.contact,
        },
        inputs: e.inputs.iter().map(|i| input(d, i)).collect(),
        model: &e.model,
        factors: e.factors.iter().map(|f| factor(d, f)).collect(),
        prohibited: ProhibitedJson {
            inputs: p.inputs.iter().map(|f| factor(d, f)).collect(),
            total: p.total,
            output_without: p.output_without,
            score_without: p.score_without,
            decision_without_positive: p.decision_without_positive,
            flips: p.flips,
        },
        counterfactual: e.counterfactual.as_ref(),
        similar: e.similar.as_ref(),
        groups: e.groups.iter().map(|g| group(d, g)).collect(),
        rights: e
            .rights
            .iter()
            .map(|r| {
                let texts = d.right(r);
                RightJson {
                    pack: &r.pack,
                    jurisdiction: &r.jurisdiction,
                    kind: r.kind,
                    kind_text: d.kind_text(r),
                    step: r.step,
                    law: texts.law,
                    citation: texts.citation,
                    summary: texts.summary,
                    deadline: r.deadline.as_ref().map(|dl| DeadlineJson {
                        amount: dl.amount,
                        unit: dl.unit,
                        length: d.length(dl),
                        when: texts.when.clone(),
                        binds: dl.binds,
                    }),
                    conditions: d.conditions(r),
                }
            })
            .collect(),
        challenge: e
            .challenge
            .iter()
            .map(|c| ChallengeJson {
                kind: c.code(),
                text: d.challenge_text(c),
            })
            .collect(),
        provenance: ProvenanceJson {
            candor_version: &pv.candor_version,
            audit_spec_sha256: &pv.audit_spec_sha256,
            explain_settings_sha256: &pv.explain_settings_sha256,
            data_file: &pv.data_file,
            data_sha256: &pv.data_sha256,
            rows: pv.rows,
            seed: pv.seed,
            document_sha256,
        },
        onnx: e.onnx.as_ref(),
    };
    let mut s = serde_json::to_string_pretty(&doc)
        .unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
    s.push('\n');
    s
}

/// The document hash: SHA-256 of the JSON file exactly as written ([`json`]), with
/// `provenance.document_sha256` empty. To verify a file, replace
/// `"document_sha256": "<hash>"` by `"document_sha256": ""` in its bytes and hash them: no
/// JSON library is needed, so number formatting cannot get in the way.
pub fn document_hash(d: &Rendering) -> String {
    data::sha256_hex(json_with_hash(d, String::new()).as_bytes())
}

/// The explanation as pretty JSON, with its own hash.
pub fn json(d: &Rendering) -> String {
    json_with_hash(d, document_hash(d))
}
