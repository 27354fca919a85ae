//! The English texts of the explain area (keys `explain.…`): the words of a worker's
//! explanation, which the renderer (src/explain/render) puts to its codes and numbers.

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "explain.challenge.fidelity_low" => Some(
            "The model used to explain the algorithm agrees poorly with its real decisions, so this explanation may miss the real reasons: you can ask the employer for the actual logic and the data used.",
        ),
        "explain.challenge.fidelity_this_worker" => Some(
            "For you, the model used to explain the algorithm gives a different decision from the real one, so the real reasons may differ from those shown: you can ask the employer for them.",
        ),
        "explain.challenge.group" => Some(
            "Your group {attribute} = {group} got the outcome that harms workers {ratio} times as often as {reference} (adverse rate {rate}; the ratio of the favorable rates is {impact}): {verdict}.",
        ),
        "explain.challenge.input" => Some(
            "Your record's \"{column}\" ({kind}: {category}) pushed the outcome against you by {amount}{unit}; {reliance}.",
        ),
        "explain.challenge.reference_default" => Some("the group compared with"),
        "explain.challenge.similar" => Some(
            "Of the {compared} workers most like you in the legitimate inputs, {other} got the other outcome.",
        ),
        "explain.challenge.unit_log_odds" => Some(" on the log-odds scale"),
        "explain.challenge.unit_points" => Some(" score points"),
        "explain.context.agreement_by" => Some("{yes}: {yes_rate}; {no}: {no_rate}"),
        "explain.context.law" => Some("{law} ({citation}, {jurisdiction})"),
        "explain.context.law_title" => Some("{law}"),
        "explain.context.not_algorithm" => Some(" (not the algorithm's)"),
        "explain.context.same_as_algorithm" => Some(" (the same as the algorithm's)"),
        "explain.decision.adverse" => Some("an outcome that harms you"),
        "explain.decision.no" => Some("no"),
        "explain.decision.none" => Some("no decision recorded (a score only)"),
        "explain.decision.not_adverse" => Some("not an adverse outcome"),
        "explain.decision.with_harm" => Some("{answer} — {harm}"),
        "explain.decision.yes" => Some("yes"),
        "explain.doc.column_text_scoring_work_beyond" => Some(
            "{column}. {text}. Scoring work beyond the legal limit rewards unlawful working time.",
        ),
        "explain.doc.take_case_arbitration_court" => {
            Some("To take the case to arbitration or court")
        }
        "explain.doc.value_v_above_legal_limit" => {
            Some("Your value {v} is above the legal limit: {what}")
        }
        "explain.first.against" => Some("against you: {against}"),
        "explain.first.against_and_favour" => {
            Some("against you: {against}; in your favour: {favour}")
        }
        "explain.first.ask_data" => Some("ask the employer for your data"),
        "explain.first.ask_explain" => Some("ask the employer to explain the decision"),
        "explain.first.ask_review" => Some("ask the employer for a human review"),
        "explain.first.at_least" => Some("a score of at least"),
        "explain.first.below" => Some("a score below"),
        "explain.first.change" => Some(" A change that would have avoided this outcome: {change}."),
        "explain.first.deadline" => Some(
            "By when: {right} within {length} ({citation}); when the period starts is under step {step} below.",
        ),
        "explain.first.decision_line" => Some("The decision{when}: {decision} ({harm}).{score}"),
        "explain.first.favour" => Some("in your favour: {favour}"),
        "explain.first.first_step" => Some("What you can do first: {action} ({citation}).{change}"),
        "explain.first.reason_typical" => Some("{name} {v} (typical worker {t})"),
        "explain.first.reasons" => Some("What weighed most: {reasons}."),
        "explain.first.restricted_decided" => Some(
            "Data the law restricts was used ({names}); together it decided your outcome: without it the decision would have been different.{without}",
        ),
        "explain.first.restricted_no_effect" => Some(
            "Data the law restricts is in your record ({names}), but it made no measurable difference to the decision.",
        ),
        "explain.first.restricted_same" => Some(
            "Data the law restricts ({names}) was used; without it the decision would have been the same.{without}",
        ),
        "explain.first.restricted_used" => {
            Some("Data the law restricts ({names}) was used.{without}")
        }
        "explain.first.score" => {
            Some(" Your {column} was {score}; {side} {threshold} sets {decision}.")
        }
        "explain.first.score_without" => Some(" Without it your score would have been {score}."),
        "explain.first.step_1" => Some("1"),
        "explain.first.step_2" => Some("2"),
        "explain.first.step_3" => Some("3"),
        "explain.first.step_4" => Some("4"),
        "explain.first.use_right" => Some("use your right: {right}"),
        "explain.first.when" => Some(" on {d}"),
        "explain.first_page.decision" => Some("the decision"),
        "explain.jurisdiction.cn" => Some("CN"),
        "explain.jurisdiction.eu" => Some("EU"),
        "explain.jurisdiction.us" => Some("US"),
        "explain.jurisdiction.us_il" => Some("US-IL"),
        "explain.jurisdiction.us_ny_nyc" => Some("US-NY-NYC"),
        "explain.label.a_additivity" => Some("Effects' sum minus the difference (rounding)"),
        "explain.label.a_agreement" => Some("Decisions reproduced on held-out workers"),
        "explain.label.a_agreement_by" => Some("By decision"),
        "explain.label.a_baseline" => Some("The average worker's result"),
        "explain.label.a_fit_rows" => Some("Workers the model was fitted on"),
        "explain.label.a_identical" => {
            Some("Workers with identical inputs but a different decision")
        }
        "explain.label.a_in_sample" => Some("in sample"),
        "explain.label.a_level" => Some("Fidelity"),
        "explain.label.a_model_decision" => Some("The model's decision for you"),
        "explain.label.a_output" => Some("Your result under the model"),
        "explain.label.a_penalty" => Some("Penalty (per worker)"),
        "explain.label.a_r2" => {
            Some("Share of the score's variation explained on held-out workers (R²)")
        }
        "explain.label.a_residual" => {
            Some("Variation of the score the model cannot explain (standard deviation)")
        }
        "explain.label.a_scale" => Some("Units of the model"),
        "explain.label.a_unexplainable" => {
            Some("Decisions no model of these inputs could reproduce reliably (estimated)")
        }
        "explain.label.adverse_rate" => Some("Adverse rate (interval)"),
        "explain.label.adverse_rate_ratio" => Some("Times as often as the group compared with"),
        "explain.label.appendix_model" => Some(
            "Candor fitted an additive model to the algorithm's outputs: one shape per input (straight pieces that may bend or jump at up to 19 points, or at each value of an input with few values, so thresholds and caps can be followed), fitted with a penalty chosen by five-fold cross-validation. Because the model adds one effect per input, each effect shown is exactly that input's Shapley value (its share of the difference from the average worker). How faithful the model is was measured on workers it was not fitted to: each worker's decision is predicted by the model fitted on the other four fifths of the data. A proposed change is checked under each of those five models, by three standard errors of the predicted change, and against the model's own errors for workers with the old and the new values.",
        ),
        "explain.label.applies" => Some("Applies"),
        "explain.label.cf_anchored" => Some(
            "The smallest change Candor found in the inputs you can act on that would take your real score across the threshold: your score now, plus the change Candor's model of the algorithm predicts for these values. Inputs you cannot change, and restricted inputs, stay as they are; each input stays within the range seen for most workers.",
        ),
        "explain.label.cf_bound" => Some(
            "The search reached its bound before trying every combination; a smaller change may exist.",
        ),
        "explain.label.cf_model" => Some(
            "The smallest change Candor found in the inputs you can act on that alters the decision of Candor's model of the algorithm. The real algorithm may decide differently: there is no score to check the change against.",
        ),
        "explain.label.cf_model_disagrees" => Some(
            "Candor's model of the algorithm does not reproduce your outcome, and there is no score to anchor a change to, so no change is proposed. Ask the employer for the actual logic (see the steps below).",
        ),
        "explain.label.cf_model_disagrees_score" => Some(
            "Your decision does not follow your score through a single cut-off (no one score separates the two decisions), and Candor's model of the decision does not reproduce yours, so no change is proposed. Ask the employer how the decision was made from the score (see the steps below).",
        ),
        "explain.label.cf_no_input" => Some(
            "Candor's model of the algorithm uses no input you can act on, so it proposes no change. This is a statement about Candor's model: if it reproduces the algorithm poorly (see the appendix), the algorithm may depend on things not in the data.",
        ),
        "explain.label.cf_none" => Some(
            "Candor found no change it can vouch for: no change of the inputs you can act on (each within the range seen for most workers, in its allowed direction) crosses the threshold by a safe margin under every version of its model. This does not mean that nothing could help; it means Candor cannot promise a change that would.",
        ),
        "explain.label.cf_same" => Some(
            "Every worker in the audit received this decision, so no change in your inputs would have altered it.",
        ),
        "explain.label.column" => Some("Input"),
        "explain.label.constant_input" => {
            Some("the same for every worker, or always missing: it cannot change the result")
        }
        "explain.label.contact" => Some("Whom to contact"),
        "explain.label.contact_missing" => Some(
            "not stated by the employer: address your request to the employer's human-resources or personal-information contact",
        ),
        "explain.label.contribution" => Some("Effect"),
        "explain.label.data_file" => Some("Data file"),
        "explain.label.data_hash" => Some("Data file (SHA-256)"),
        "explain.label.deadline" => Some("Deadline"),
        "explain.label.decision" => Some("Decision"),
        "explain.label.decision_date" => Some("Date of the decision"),
        "explain.label.doc_hash" => Some("This document (SHA-256 of the JSON)"),
        "explain.label.document_date" => Some("Date of this document"),
        "explain.label.employer" => Some("Employer"),
        "explain.label.favorable_rate" => Some("Favorable rate (interval)"),
        "explain.label.from" => Some("From"),
        "explain.label.group" => Some("Group"),
        "explain.label.groups_note" => Some(
            "The adverse rate is the share of the group that got the outcome that harms them; the next column divides it by the same rate of the group compared with (1.25 or more is the four-fifths rule's warning line, read for the harmful outcome).",
        ),
        "explain.label.hash_note" => Some(
            "To check that this document is unaltered: in its JSON file (WORKER.json), replace the hash shown above by nothing, so that the line reads \"document_sha256\": \"\", and compute the SHA-256 of the file's bytes: it must equal the hash above.",
        ),
        "explain.label.intro" => Some(
            "This document explains one decision an algorithm made about you, from the data the employer gave to the audit. It shows what data was used, what weighed most, what would have changed the outcome, how your groups fared, and how to contest the decision, step by step. It contains no other worker's values or identity: figures about others are counts and group totals only.",
        ),
        "explain.label.law" => Some("Law"),
        "explain.label.legal" => Some("Legal basis"),
        "explain.label.missing" => Some("missing"),
        "explain.label.model_differs" => Some(
            "For you, Candor's model of the algorithm gives a different decision from the real one, so the real reasons may differ from those shown.",
        ),
        "explain.label.model_differs_anchored" => Some(
            "For you, Candor's model of the algorithm puts your score on the other side of the threshold from your real score; the effects below are still measured from the model, and the advice in section 5 starts from your real score.",
        ),
        "explain.label.no_challenge" => Some(
            "This explanation found no specific point against the decision. You keep every right listed above.",
        ),
        "explain.label.no_deadline" => Some(
            "By when: the rights listed below give no time limit in law; act promptly all the same.",
        ),
        "explain.label.no_effect" => Some("no measurable effect"),
        "explain.label.no_groups" => Some("No group figures are available for you."),
        "explain.label.no_main_reasons" => {
            Some("No single input stands out in Candor's model of the algorithm.")
        }
        "explain.label.no_rights" => Some("No policy pack lists rights for this stage."),
        "explain.label.no_similar" => {
            Some("Not available: there is no decision or no legitimate input to compare on.")
        }
        "explain.label.no_single_cut" => Some(
            "none: no single cut-off of the score separates the two decisions, so the decision depends on more than the score",
        ),
        "explain.label.no_time_limit" => Some("no time limit in law"),
        "explain.label.none_prohibited" => {
            Some("None of the inputs in your record is data the law restricts.")
        }
        "explain.label.not_adverse_cf" => {
            Some("Your outcome is not adverse, so no change is needed.")
        }
        "explain.label.not_model_input" => Some(
            "recorded, but not usable as a model input (free text, an id or an unreadable timestamp)",
        ),
        "explain.label.not_stated" => Some("not stated"),
        "explain.label.note" => Some("Note"),
        "explain.label.purpose" => Some("Stated purpose of the algorithm"),
        "explain.label.purpose_missing" => {
            Some("not stated by the employer (you can ask for it; see your rights below)")
        }
        "explain.label.reference" => Some("Compared with"),
        "explain.label.right" => Some("Right"),
        "explain.label.rows" => Some("Workers in the audit"),
        "explain.label.s_appendix" => Some("Appendix: how Candor's model of the algorithm works"),
        "explain.label.s_challenge" => Some("Points that support a challenge"),
        "explain.label.s_counterfactual" => Some("5. What would have changed the outcome"),
        "explain.label.s_counterfactual_model" => {
            Some("5. A change that would alter Candor's model's decision")
        }
        "explain.label.s_data" => Some("2. The data processed about you"),
        "explain.label.s_decision" => Some("1. The decision"),
        "explain.label.s_factors" => Some("3. What weighed most"),
        "explain.label.s_first" => Some("In short"),
        "explain.label.s_groups" => Some("7. How your groups fared"),
        "explain.label.s_prohibited" => Some("4. Restricted data in your record"),
        "explain.label.s_provenance" => Some("9. Provenance"),
        "explain.label.s_rights" => Some("8. What you can do, step by step"),
        "explain.label.s_similar" => Some("6. Workers in a similar situation"),
        "explain.label.score" => Some("Score"),
        "explain.label.seed" => Some("Seed"),
        "explain.label.settings_hash" => Some("Explanation settings (SHA-256)"),
        "explain.label.severity" => Some("Severity"),
        "explain.label.spec_hash" => Some("Audit spec (SHA-256)"),
        "explain.label.stage" => Some("Stage of employment"),
        "explain.label.subject" => Some("Worker"),
        "explain.label.threshold" => Some("Threshold"),
        "explain.label.threshold_derived" => {
            Some("the decision follows the score exactly at this cut")
        }
        "explain.label.threshold_spec" => Some("as declared in the audit"),
        "explain.label.title" => Some("Explanation of an automated decision"),
        "explain.label.to" => Some("To"),
        "explain.label.toward" => Some("Pushed toward"),
        "explain.label.toward_adverse" => Some("the adverse outcome"),
        "explain.label.toward_favorable" => Some("the favorable outcome"),
        "explain.label.toward_none" => Some("neither"),
        "explain.label.typical" => Some("Typical worker (median, or most common)"),
        "explain.label.value" => Some("Your value"),
        "explain.label.verdict" => Some("Audit verdict"),
        "explain.label.version" => Some("Candor version"),
        "explain.label.what" => Some("What you can ask for"),
        "explain.label.workers" => Some("Workers"),
        "explain.onnx.adverse" => Some("adverse to you"),
        "explain.onnx.candor_ran_model_this_change" => {
            Some("Candor ran the model on this change: it gives the favorable decision.")
        }
        "explain.onnx.candor_ran_model_this_change_2" => Some(
            "Candor ran the model on this change and it did NOT give the favorable decision; do not rely on it.",
        ),
        "explain.onnx.change" => Some(
            "What would have changed the model's decision: {column} at {to} instead of {from}, everything else as it is. {check}",
        ),
        "explain.onnx.effect_model_s_output" => Some("Effect on the model's output"),
        "explain.onnx.effects" => Some(
            "How much each input moved the model's {what}: starting from its average over {background} workers drawn at random (seed {seed}), {base}, each input's effect (its exact Shapley value) moves it towards yours, {value}; the effects add up to the difference.",
        ),
        "explain.onnx.input" => Some("Input"),
        "explain.onnx.intro" => Some(
            "The employer handed over the model that makes this decision ({file}, SHA-256 {sha}). Candor ran that model on your data: its {what} is {value}, a decision {outcome}. Everything in this section is computed on the model itself, not on an approximation of it: it describes the model exactly (fidelity 100 %).",
        ),
        "explain.onnx.model_has_more_than_12" => {
            Some("The model has more than 12 inputs: exact effects of each input are not computed.")
        }
        "explain.onnx.model_itself" => Some("The model itself"),
        "explain.onnx.no_change_single_input_can" => Some(
            "No change of a single input you can act on, within the values other workers have, changes the model's decision.",
        ),
        "explain.onnx.not_adverse" => Some("not adverse to you"),
        "explain.onnx.note_decision_recorded_not_one" => Some(
            "Note: the decision recorded for you is not the one this model gives. Either the model handed over is not the one that decided, or something else changed the decision; ask the employer which.",
        ),
        "explain.onnx.output_1_positive_class_0" => {
            Some("output (1 for the positive class, 0 otherwise)")
        }
        "explain.onnx.probability" => Some("probability"),
        "explain.onnx.score" => Some("score"),
        "explain.onnx.value" => Some("Your value"),
        "explain.punct.colon" => Some(": "),
        "explain.sections.at_or_above" => Some("at or above"),
        "explain.sections.below" => Some("below"),
        "explain.sections.cannot_tell" => Some("cannot be told (no threshold)"),
        "explain.sections.cf_score" => Some(
            "Your score would go from {before} to about {after} ({side} the threshold of {threshold}). The change crosses the threshold under each of the five versions of the model fitted on different parts of the data.",
        ),
        "explain.sections.factors_intro" => Some(
            "The algorithm's inner workings were not handed over, so Candor built its own model of the algorithm from the outputs for the {rows} workers of the audit (how, and how faithful it is, is in the appendix). The effects below add up to the difference between your result and the result of an average worker, in {units}. An input marked \"no measurable effect\" made no difference to anyone's outcome that the model can tell apart from chance; its small number is the model's estimate, shown so that the effects add up.",
        ),
        "explain.sections.labelled" => Some("{label} {v}"),
        "explain.sections.output_without" => Some("the model's result would have been {output}"),
        "explain.sections.prohibited_effect" => Some(
            "Together they moved your result by {total} {units}. Had they weighed on you only as much as they weigh on the average worker (each input's effect set to its average over all workers), {result}, and the decision {flips}: {decision}.",
        ),
        "explain.sections.sample" => Some(" (searched in a random sample of {pool} workers)"),
        "explain.sections.score_without" => {
            Some("your score would have been {score} (your real score minus their effect)")
        }
        "explain.sections.similar" => Some(
            "Among the {compared} workers closest to you in the legitimate inputs ({inputs}), {same} got the same outcome as you and {other} got the other outcome{sample}. Only counts are given: no other worker is identified.",
        ),
        "explain.sections.then" => Some(". {x}"),
        "explain.sections.would_be_same" => Some("would have been the same"),
        "explain.sections.would_differ" => Some("would have been different"),
        "explain.sections.yes_at_or_above" => Some("; {yes} at or above it"),
        "explain.sections.yes_below" => Some("; {yes} below it"),
        "explain.text.alternative_process_accommodation" => {
            Some("To an alternative process or accommodation")
        }
        "explain.text.audit_found_algorithm_relies" => {
            Some("the audit found the algorithm relies on it")
        }
        "explain.text.audit_found_no_sign_algorithm" => {
            Some("the audit found no sign the algorithm relies on it")
        }
        "explain.text.be_informed" => Some("To be informed"),
        "explain.text.complain_go_court" => Some("To complain or go to court"),
        "explain.text.consent" => Some("Consent"),
        "explain.text.consultation_workers_representatives" => {
            Some("Consultation of workers' representatives")
        }
        "explain.text.contact_person" => Some("To a contact person"),
        "explain.text.contest_decision" => Some("To contest the decision"),
        "explain.text.correct_data" => Some("To correct your data"),
        "explain.text.explanation" => Some("To an explanation"),
        "explain.text.have_data_deleted" => Some("To have data deleted"),
        "explain.text.human_review" => Some("To human review"),
        "explain.text.if_ai_analysed_video_interview" => {
            Some("if AI analysed a video interview for an Illinois job")
        }
        "explain.text.if_biometric_data_used" => Some("if biometric data is used"),
        "explain.text.if_decision_significantly_affects" => {
            Some("if the decision significantly affects you")
        }
        "explain.text.if_employer_digital_labour_platform" => {
            Some("if the employer is a digital labour platform")
        }
        "explain.text.if_job_health_authority_s" => {
            Some("if the job is on the health authority's list")
        }
        "explain.text.if_no_person_meaningfully_reviewed" => {
            Some("if no person meaningfully reviewed the decision")
        }
        "explain.text.if_purpose_medical_safety" => Some("if the purpose is medical or safety"),
        "explain.text.if_system_ai_system" => Some("if the system is an AI system"),
        "explain.text.if_tool_screens_hiring_promotion" => {
            Some("if the tool screens for hiring or promotion in New York City")
        }
        "explain.text.object" => Some("To object"),
        "explain.text.other_right" => Some("Other right"),
        "explain.text.refuse_solely_automated_decision" => {
            Some("To refuse a solely automated decision")
        }
        "explain.text.reliance_not_tested" => Some("reliance not tested"),
        "explain.text.remedy" => Some("To a remedy"),
        "explain.text.see_data" => Some("To see your data"),
        "explain.text.step_1_ask_employer_explanation" => Some(
            "Step 1: ask the employer (an explanation, a human review, your data, a correction)",
        ),
        "explain.text.step_2_trade_union_workers" => {
            Some("Step 2: the trade union or the workers' representatives")
        }
        "explain.text.step_3_complaint_regulator_labour" => {
            Some("Step 3: a complaint to the regulator or the labour inspectorate")
        }
        "explain.text.step_4_arbitration_court" => Some("Step 4: arbitration or a court"),
        "explain.text.under_conditions_set_law" => Some("under conditions set by law"),
        "explain.text.what_employer_had_do_any" => Some("What the employer had to do in any case"),
        "explain.text.withheld" => {
            Some("withheld: the group has fewer than {min} workers, too few to give figures safely")
        }
        "explain.text.without_data_law_restricts_result" => Some(
            "Without the data the law restricts, your result would have been different: you would not have got this outcome.",
        ),
        "explain.text.written_reasons" => Some("To written reasons"),
        "explain.words.after_employment_ended" => Some("after employment ended"),
        "explain.words.deadline_employer" => Some("a deadline for the employer: {len} ({when})"),
        "explain.words.deadline_worker" => Some("within {len} ({when})"),
        "explain.words.decision" => Some("the decision"),
        "explain.words.decision_no" => Some("{col}: no"),
        "explain.words.decision_yes" => Some("{col}: yes"),
        "explain.words.employment" => Some("employment"),
        "explain.words.figure_interval" => Some("{value} ({low} – {high})"),
        "explain.words.high_model_reproduces_algorithm_s" => {
            Some("high: the model reproduces the algorithm's decisions closely")
        }
        "explain.words.low_explanation_may_miss_algorithm" => {
            Some("low: the explanation may miss the algorithm's real reasons")
        }
        "explain.words.moderate_main_factors_are_likely" => {
            Some("moderate: the main factors are likely right, details may not be")
        }
        "explain.words.no_decision_no_threshold" => Some("no decision (no threshold)"),
        "explain.words.paren" => Some("{a} ({b})"),
        "explain.words.recruitment" => Some("recruitment"),
        "explain.words.termination" => Some("termination"),
        "explain.words.units_decision_log_odds" => {
            Some("units of the model (log-odds, see the appendix)")
        }
        "explain.words.units_decision_log_odds_plain" => Some("units of the model (log-odds)"),
        "explain.words.units_score" => Some("points of the score"),
        "explain.words.units_score_log_odds" => {
            Some("units of the model (log-odds of the score, see the appendix)")
        }
        "explain.words.units_score_log_odds_plain" => {
            Some("units of the model (log-odds of the score)")
        }
        _ => None,
    }
}
