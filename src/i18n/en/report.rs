//! The English texts of the report area (keys `report.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "report.plots.bars.parity_1_0" => Some("parity (1.0)"),
        "report.plots.bars.interval_low_high" => Some("interval (low to high)"),
        "report.plots.bars.impact_ratio_group_rate_comparison" => {
            Some("impact ratio (group rate ÷ comparison rate, no unit)")
        }
        "report.plots.bars.adverse_rate_ratio_group_s" => {
            Some("adverse-rate ratio (group's adverse rate ÷ comparison's, no unit)")
        }
        "report.plots.kit.not_available" => Some("n/a"),
        "report.plots.heatmap.darker_lower_impact_ratio_one" => Some(
            "Darker = lower impact ratio, on one fixed scale: 0.4 or less darkest, 1.0 or more lightest. Cells beyond the four-fifths line in either framing (impact ratio below 0.8, or adverse-rate ratio above 1.25) have a heavy outline and a star (*). n/a = not compared (missing values, too few workers to publish, or no value).",
        ),
        "report.plots.heatmap.too_many_columns_print_values" => {
            Some(" Too many columns to print values.")
        }
        "report.plots.lines.showing_first_groups" => {
            Some("showing the first {MAX_GROUPS} of {total} groups")
        }
        "report.plots.lines.share_group_below_x_0" => Some("share of group at or below x (0–1)"),
        "report.plots.lines.perfect_calibration_y_x" => Some("perfect calibration (y = x)"),
        "report.plots.lines.observed_share_positive_label_0" => {
            Some("observed share with a positive label (0–1)")
        }
        "report.protection.data_protection" => Some("Data protection"),
        "report.protection.whether_table_handed_over_this" => Some(
            "Whether the table handed over for this decision identifies workers beyond what its purpose needs, what kind of information each column holds, and which inputs the purpose does not need. Counts only: no worker's values are shown.",
        ),
        "report.protection.data_protection_findings_worst_first" => {
            Some("Data-protection findings, worst first")
        }
        "report.protection.column_by_names" => Some("{column} by {names}"),
        "report.protection.workers_singled_out" => Some("workers singled out"),
        "report.protection.coarsen_remove_columns_see_below" => {
            Some("coarsen or remove the columns (see below) before handing the table over")
        }
        "report.protection.small_groups" => Some("small groups"),
        "report.protection.coarsen_columns_see_below" => Some("coarsen the columns (see below)"),
        "report.protection.sensitive_input_disclosed" => Some("a sensitive input disclosed"),
        "report.protection.coarsen_columns_remove_sensitive_input" => {
            Some("coarsen the columns or remove the sensitive input")
        }
        "report.protection.health_data_used_beyond_purpose" => {
            Some("health data used beyond its purpose")
        }
        "report.protection.take_out_this_decision_s" => {
            Some("take it out of this decision's data; keep it only for its own purpose")
        }
        "report.protection.sensitive_data_used_beyond_purpose" => {
            Some("sensitive data used beyond its purpose")
        }
        "report.protection.collected_not_needed" => Some("collected, not needed"),
        "report.protection.stop_collecting_this_decision_delete" => {
            Some("stop collecting it for this decision; delete it once no audit or dispute is open")
        }
        "report.protection.finding_id_severity" => Some("{finding_id} ({severity})"),
        "report.protection.identifiability_columns_person_could_know" => Some(
            "Identifiability. The columns a person could know about a colleague (quasi-identifiers): {qi}. Workers who share the values of a combination of them form a group; a worker alone in their group (k = 1) can be picked out by anyone who knows those facts. Every combination of one, two and three of them was counted on {rows_counted}, and all of them together; a group of fewer than {k} workers is too small (k-anonymity, Sweeney 2002). Numeric columns are taken with their exact values.",
        ),
        "report.protection.combinations_groups_that_too_small" => {
            Some("Combinations with groups that are too small, worst first")
        }
        "report.protection.rows_below_min_k_paren_pct" => Some("{rows_below_min_k} ({pct})"),
        "report.protection.all_together" => Some("all together: {columns}"),
        "report.protection.combinations_up_three_columns_group" => Some(
            "Combinations of up to three columns with a group of fewer than {k} workers: {below} of {total}; the table shows the worst {shown} of them (by workers in too-small groups; a combination can have such groups without anyone being alone), after all the columns together when there are more than three.",
        ),
        "report.protection.disclosure_sensitive_inputs_group_two" => Some(
            "Disclosure of sensitive inputs ({sens}): a group of two or more workers in which everyone has the same value discloses that value to anyone who knows a member's group (distinct l-diversity 1; Machanavajjhala et al. 2007), even when the group is large enough. The table shows, for each input, the three combinations with the most workers in such groups of at least the threshold; audit.json (under 'protection') lists every combination.",
        ),
        "report.protection.groups_which_everyone_has_same" => {
            Some("Groups in which everyone has the same sensitive value")
        }
        "report.protection.homogeneous_k_anonymous_paren_workers_k" => {
            Some("{homogeneous_k_anonymous} ({workers_k_anonymous})")
        }
        "report.protection.no_such_group_was_found" => Some("No such group was found."),
        "report.protection.coarsening_that_gives_every_group" => Some(
            "A coarsening that gives every group of every combination of up to three columns at least {k} workers, found by a greedy search that each time coarsens the column removing the most at-risk rows per unit of lost information, then undoes every step not needed (a greedy search need not find the least loss). Information lost: {loss} (normalised certainty penalty summed over the columns: 0 = none, 1 = one column entirely; Xu et al. 2006). Rows in too-small groups, summed over the combinations: {before} before, {after} after.",
        ),
        "report.protection.no_coarsening_space_searched_bands" => Some(
            "No coarsening in the space searched (bands of numeric columns, merging rare categories, removing columns) gives every group {k} workers: the table is too small for it. Best found: rows in too-small groups, summed over the combinations, {before} before, {after} after (information lost {loss}).",
        ),
        "report.protection.coarsening_copies_table_shared_beyond" => Some(
            "The coarsening is for copies of the table shared beyond the audit (with a vendor, a researcher, in a publication). The audit itself needs the group attributes at full detail: merging or removing one would hide the very groups whose treatment it measures.",
        ),
        "report.protection.proposed_coarsening" => Some("Proposed coarsening"),
        "report.protection.what_each_column_holds" => Some("What each column holds"),
        "report.protection.worker_id_column_spec" => Some("the worker id column of the spec"),
        "report.protection.group_attribute_spec" => Some("a group attribute of the spec"),
        "report.protection.decision_score_label_spec" => {
            Some("the decision, score or label of the spec")
        }
        "report.protection.name_matches" => Some("name matches {name}"),
        "report.protection.name_says_holds" => Some("the name says it holds {identifier_kind}"),
        "report.protection.values_shaped" => Some("values shaped as {identifier_kind}"),
        "report.protection.values_match" => Some("values match {d}"),
        "report.protection.dictionary_description_matches" => {
            Some("dictionary description matches {term}")
        }
        "report.protection.screening" => Some("screening: {label}"),
        "report.protection.phone_numbers" => Some("phone numbers"),
        "report.protection.e_mail_addresses" => Some("e-mail addresses"),
        "report.protection.names_persons" => Some("names of persons"),
        "report.protection.identity_document_numbers" => Some("identity document numbers"),
        "report.protection.employee_numbers" => Some("employee numbers"),
        "report.protection.account_identifiers" => Some("account identifiers"),
        "report.document.candor_audit_report" => Some("Candor audit report"),
        "report.inputs.prohibited_inputs_proxies" => Some("Prohibited inputs and proxies"),
        "report.inputs.each_input_was_checked_four" => Some(
            "Each input was checked four ways: its name and description against the policy lexicons (English, Chinese, pinyin); its values (e.g. diagnosis codes, timestamps outside working hours); whether the algorithm relies on it (a model of the algorithm fitted with and without it, likelihood-ratio test); and how well it predicts a protected attribute (proxy). Severity is the worst over the selected legal packs.",
        ),
        "report.inputs.note" => Some("Note: {note}."),
        "report.inputs.inputs_flagged_worst_first" => Some("Inputs flagged, worst first"),
        "report.inputs.yes" => Some("yes"),
        "report.inputs.not_tested" => Some("not tested"),
        "report.inputs.name_matches" => Some("name matches {term}"),
        "report.inputs.values_match" => Some("{share} % of values match {pattern}"),
        "report.inputs.timestamps_outside_working_hours_examined" => {
            Some("{share} % of timestamps outside working hours (of {n} examined)")
        }
        "report.inputs.likelihood_ratio_test_p_decisions" => {
            Some("likelihood-ratio test p {p}, {k} decisions change")
        }
        "report.inputs.predicts_auc" => Some("predicts {attr} (AUC {auc})"),
        "report.ll144.for" => Some("{u} for {attr}"),
        "report.ll144.comma" => Some(", "),
        "report.ll144.none" => Some("none"),
        "report.ll144.ll144_applies_automated_employment_decision" => Some(
            "LL144 applies to automated employment decision tools used in New York City to screen candidates for hiring or employees for promotion: check that this system is one.",
        ),
        "report.ll144.ll144_applies_only_automated_employment" => Some(
            "LL144 applies only to automated employment decision tools used in New York City for hiring or promotion; this audit does not declare such a use (policy pack nyc-ll144 at the recruitment or employment stage), so the tables are given in the rule's format for comparison only.",
        ),
        "report.ll144.nyc_local_law_144_summary" => Some(
            "NYC Local Law 144 summary: {n} individuals audited; unknown category: {unknown}; categories excluded under the 2 % option: {excluded}. {note}",
        ),
        "report.ll144.nyc_local_law_144_tables" => Some("NYC Local Law 144 tables"),
        "report.ll144.selection_rate_these_tables_share" => Some(
            "Selection rate, in these tables, is the share of a category with the favorable outcome ({fav}); the impact ratio divides it by the highest category's rate.",
        ),
        "report.ll144.rule_counts_scores_above_median" => Some(
            " The rule counts scores above the median; this score is favorable when low, so the scoring rate counts the favorable side, below the median.",
        ),
        "report.ll144.scoring_rate_share_category_scoring" => {
            Some("Scoring rate: the share of a category scoring {side}.{why}")
        }
        "report.ll144.unknown_category" => {
            Some("{rate} by {table} ({attr}); unknown category: {unknown}")
        }
        "report.ll144.category" => Some("Category"),
        "report.ll144.number" => Some("Number"),
        "report.ll144.impact_ratio" => Some("Impact ratio"),
        "report.ll144.excluded" => Some("excluded (< {share} %)"),
        "report.model.workers_95_exact_interval" => {
            Some("{c} of {n} workers ({share_pct}; 95 % exact interval {ci_pct})")
        }
        "report.model.predicted_class" => Some("the predicted class"),
        "report.model.probability_positive_class_against_threshold" => {
            Some("the probability of the positive class, against the threshold")
        }
        "report.model.score_against_threshold" => Some("the score, against the threshold"),
        "report.model.flagged_screening" => Some("flagged by the screening"),
        "report.model.stands" => Some("stands in for {a}"),
        "report.model.proxy" => Some("a proxy"),
        "report.model.protected_attribute" => Some("a protected attribute"),
        "report.model.median_workers_outside_worker_s" => {
            Some("median of the workers outside the worker's {a} group")
        }
        "report.model.median_all_workers" => Some("median of all workers"),
        "report.model.table_holds_no_two_valued" => Some(
            "The table holds no two-valued decision, so the model could not be checked against it.",
        ),
        "report.model.check_first_model_reproduces_recorded" => Some(
            "Check first: the model reproduces the recorded decision for {count_cell}. It decides {model_positive} workers positive where the table records {recorded_positive}: {missed} recorded positive decisions are not reproduced and {extra} are added.",
        ),
        "report.model.finding_more_than_decisions_differ" => Some(
            "Finding: more than {tol} of the decisions differ. The model handed over may not be the one that decided: the flip tests below describe this model, not necessarily the decisions in the table.",
        ),
        "report.model.decisions_that_differ_within_tolerance" => {
            Some("The decisions that differ are within the tolerance of {tol}.")
        }
        "report.model.scores_model_s_value_within" => Some(
            "Scores: for {count_cell}, the model's value is within {score_tolerance} of the recorded score (largest difference {largest}).",
        ),
        "report.model.agreement_recorded_decisions_group" => {
            Some("Agreement with the recorded decisions, by group")
        }
        "report.model.model_reads_none_inputs_screening" => Some(
            "The model reads none of the inputs the screening flagged (restricted by law or standing in for a protected group) and no protected attribute: there is nothing to flip.",
        ),
        "report.model.flip_tests_each_input_below" => Some(
            "Flip tests: each input below is set to a neutral value for every worker, the model is run again, and the decisions that change are counted. A count of 0 shows that, for these workers, the model's decision does not depend on the input set this way; a positive count shows that it does, for that many workers.",
        ),
        "report.model.decisions_that_change_when_one" => {
            Some("Decisions that change when one input is neutralised")
        }
        "report.model.share_each_group_s_decisions" => {
            Some("Share of each group's decisions that change, by input")
        }
        "report.model.all_flagged_inputs_neutralised_once" => Some(
            "With all {columns_len} flagged inputs neutralised at once ({columns}), the decision changes for {count_cell}. The table shows what the groups' outcomes would be without them: the rate of the favorable outcome, and both ratios against the reference group (the group with the highest favorable rate under the model as it is).",
        ),
        "report.model.outcomes_flagged_inputs_neutralised" => {
            Some("Outcomes with the flagged inputs neutralised")
        }
        "report.model.reference" => Some("{group} (reference)"),
        "report.model.model_handed_over" => Some("The model handed over"),
        "report.model.candor_ran_model_itself_sha" => Some(
            "Candor ran the model itself ({file}, SHA-256 {sha256}) with ONNX Runtime on {rows_counted}, feeding it the columns {columns} and reading {output_words} (output '{output_name}'). What follows is about this model; it is exact for these workers, not an estimate from a stand-in.",
        ),
        "report.model.permutation_uses_audit_s_seed" => Some(
            "The permutation uses the audit's seed ({seed}): the same seed gives the same counts.",
        ),
        "report.cells.fmt_p_paren_test" => Some("{fmt_p} ({test})"),
        "report.cells.withheld" => Some("withheld (< {publ})"),
        "report.cover.what_was_audited" => Some("What was audited"),
        "report.cover.audit_glance" => Some("The audit at a glance"),
        "report.cover.item" => Some("Item"),
        "report.cover.value" => Some("Value"),
        "report.cover.not_stated" => Some("not stated"),
        "report.cover.system" => Some("System"),
        "report.cover.purpose_employer_states" => Some("Purpose, as the employer states it"),
        "report.cover.employer" => Some("Employer"),
        "report.cover.auditor" => Some("Auditor"),
        "report.cover.audit_date" => Some("Audit date"),
        "report.cover.cells_table_counts_computed_from" => {
            Some("Cells table (counts computed from the data by another engine)")
        }
        "report.cover.cells_table_sha_256" => Some("Cells table SHA-256"),
        "report.rows.all_rows" => Some("all {rows} rows"),
        "report.rows.all_workers" => Some("all {rows} workers"),
        "report.rows.sample_rows" => {
            Some("{rows} rows of a seeded sample drawn from {of} rows")
        }
        "report.cover.spark_table" => {
            Some("Spark table (cells computed on Spark, returned as Arrow IPC)")
        }
        "report.cover.spark_cells_sha_256" => Some("Cells returned SHA-256"),
        "report.cover.data_file" => Some("Data file"),
        "report.cover.data_file_sha_256" => Some("Data file SHA-256"),
        "report.cover.bytes" => Some("{path} ({fmt}, {bytes} bytes)"),
        "report.cover.period_data_covers" => Some("Period the data covers"),
        "report.cover.rows_cells_count_after_population" => {
            Some("{audited} (of {after} rows the cells count, after the population filter)")
        }
        "report.cover.rows_file_after_population_filter" => {
            Some("{audited} (of {inf} rows in the file; {after} after the population filter)")
        }
        "report.cover.workers_audited" => Some("Workers audited"),
        "report.cover.population_filter" => Some("Population filter"),
        "report.cover.none_every_row" => Some("none: every row"),
        "report.cover.decision" => Some("Decision"),
        "report.cover.favorable_outcome_worker" => Some("Favorable outcome for the worker"),
        "report.cover.not_stated_decision_has_several" => {
            Some("not stated: the decision has several classes, each compared one-vs-rest")
        }
        "report.cover.adverse" => Some("{fav} (adverse: {adv})"),
        "report.cover.score" => Some("Score"),
        "report.cover.true_outcome_label" => Some("True outcome (label)"),
        "report.cover.none" => Some("none"),
        "report.cover.positive" => Some("{c} (positive = {p})"),
        "report.cover.every_other_value" => Some("every other value"),
        "report.cover.derived_from_score_positive" => {
            Some("derived from the score: {score} ≥ {t} is positive")
        }
        "report.cover.high_score_favorable" => Some("a high score is favorable"),
        "report.cover.low_score_favorable" => Some("a low score is favorable"),
        "report.cover.threshold" => Some("; threshold {t}"),
        "report.cover.col_paren_dir_th" => Some("{col} ({dir}{th})"),
        "report.cover.group_attributes" => Some("Group attributes"),
        "report.cover.decision_stage" => Some("Decision stage"),
        "report.cover.policy_packs" => Some("Policy packs"),
        "report.cover.all_built_packs" => Some("all built-in packs"),
        "report.cover.statistics" => Some("Statistics"),
        "report.cover.intervals_significance_level_after_correction" => Some(
            "{conf} intervals; significance level {alpha} after {corr} correction; groups under {min} workers are small (exact tests, never the reference); groups under {publ} workers are withheld",
        ),
        "report.cover.compared" => Some("Compared with"),
        "report.cover.candor" => Some("Candor"),
        "report.cover.version_seed_spec_sha_256" => {
            Some("version {ver}, seed {seed}, spec SHA-256 {sha}")
        }
        "report.cover.recruitment" => Some("recruitment"),
        "report.cover.termination" => Some("termination"),
        "report.cover.after_termination" => Some("after termination"),
        "report.cover.employment" => Some("employment"),
        "report.findings.findings_worst_first" => Some("Findings, worst first"),
        "report.findings.each_finding_names_group_worse" => Some(
            "Each finding names the group worse off and quotes the numbers of the table below (or of the inputs table). Severity follows the evidence: high for a gap beyond the four-fifths line (a favorable-rate ratio below 0.8 or an adverse-rate ratio above 1.25) that is significant after correction; medium for a significant gap in error rates or a restricted input; low for a gap the data cannot confirm (corrected p ≥ {alpha}) or a significant difference within the line. Intervals are {lvl}.",
        ),
        "report.findings.no_finding_no_gap_beyond" => Some(
            "No finding: no gap beyond the four-fifths line and no significant difference was found. The tables below show, for each group, whether a gap can be ruled out.",
        ),
        "report.findings.id_bracket_sev_dot_kind_sentence" => {
            Some("{id} [{sev} · {kind}] {sentence}")
        }
        "report.findings.breached" => Some("BREACHED by {by}"),
        "report.findings.not_breached" => Some("not breached"),
        "report.findings.gate" => Some("Gate {metric} {op} {value}: {state}"),
        "report.findings.numbers_behind_each_finding_about" => {
            Some("The numbers behind each finding about groups")
        }
        "report.findings.paren_n" => Some(" ({n})"),
        "report.findings.metric_ratio_interval" => Some("{metric} {ratio} ({interval})"),
        "report.findings.metric_at_k" => Some("{metric} ({lab} = {k})"),
        "report.findings.finding_id_severity" => Some("{finding_id} ({severity})"),
        "report.findings.attribute_eq_group_paren_n" => Some("{attribute} = {group} ({n})"),
        "report.findings.group_vs_reference" => Some("{gr} vs {rr}"),
        "report.findings.ratio_paren_interval" => Some("{ratio} ({interval})"),
        "report.findings.fmt_p_paren_test_name" => Some("{fmt_p} ({test_name})"),
        "report.summary.summary" => Some("Summary"),
        "report.summary.decision_classes" => Some("decision {column} with classes {c}"),
        "report.summary.no_decision" => Some("no decision"),
        "report.summary.adverse_outcome" => Some("adverse outcome: {adv}"),
        "report.summary.workers_audited_findings_prohibited_high" => Some(
            "{n} workers audited; {what}. {total} findings: {b} prohibited, {hi} high, {me} medium, {lo} low, {rv} to review; listed worst first below.",
        ),
        "report.summary.id_paren_sev_colon_sentence" => Some("{id} ({sev}): {sentence}"),
        "report.summary.gates_breached_see_end_findings" => {
            Some("Gates: {k} of {all} breached (see the end of the findings).")
        }
        "report.groups.groups" => Some("Groups"),
        "report.groups.every_group_counted_groups_fewer" => Some(
            "Every group is counted. Groups of fewer than {min} workers are small: their figures are published with exact tests, and they never serve as the reference. Groups of fewer than {publ} workers have every figure withheld (the disclosure setting report.min_published_group). Workers with a missing value form the group 'unknown': counted and described, never compared, never a reference.",
        ),
        "report.groups.groups_that_not_fully_compared" => {
            Some("Groups that are not fully compared")
        }
        "report.groups.every_group_large_enough_known" => {
            Some("Every group is large enough, known and compared.")
        }
        "report.groups.excluded_rows" => Some("Excluded: {rows} rows ({reason})."),
        "report.groups.duplicate_column_name_read" => {
            Some("Duplicate column name {o} read as {n}.")
        }
        "report.groups.small_figures_published_exact_tests" => {
            Some("small: figures published with exact tests, never the reference")
        }
        "report.groups.withheld_too_few_workers_publish" => {
            Some("withheld: too few workers to publish")
        }
        "report.groups.missing_value_counted_not_compared" => {
            Some("missing value: counted, not compared")
        }
        "report.groups.excluded_from_ratios_under_share" => {
            Some("excluded from the ratios (under the share threshold)")
        }
        "report.groups.compared" => Some("compared"),
        "report.method.method" => Some("Method"),
        "report.method.rates_wilson_score_intervals_wilson" => {
            Some("Rates: Wilson score intervals at {lvl} (Wilson 1927).")
        }
        "report.method.differences_newcombe_s_hybrid_score" => Some(
            "Differences: Newcombe's hybrid score interval (Newcombe 1998, method 10). Ratios: Katz's log interval (Katz et al. 1978).",
        ),
        "report.method.tests_fisher_s_exact_test" => Some(
            "Tests: Fisher's exact test when a group is smaller than {min} or an expected count is below 5, else Pearson's chi-square with Yates' correction; Kolmogorov-Smirnov for score distributions. The favorable-rate and adverse-rate ratios of one pair share one test.",
        ),
        "report.method.multiple_comparisons_correction_across_every" => Some(
            "Multiple comparisons: {corr} correction across every comparison of the audit; significance level {alpha}. The detectable ratio (audit.json) is the smallest impact ratio a comparison would detect with 80 % power at the strictest level of the correction ({alpha} divided by the number of comparisons).",
        ),
        "report.method.other_metrics_percentile_intervals_from" => Some(
            "Other metrics: percentile intervals from {boot} bootstrap replicates drawn on the sufficient statistics (seed {seed}).",
        ),
        "report.method.disclosure_figures_about_groups_fewer" => Some(
            "Disclosure: figures about groups of fewer than {publ} workers are withheld in every output (rates, counts, ratios, charts); the statistics of small groups are otherwise reported in full. Limit: a withheld group's counts can sometimes be recovered by subtracting other groups' published counts from a total, or read off a larger group in which everyone got the same outcome; Candor does not yet hide such complementary cells.",
        ),
        "report.method.limitations_statistical_disparity_evidence_review" => Some(
            "Limitations: a statistical disparity is evidence to review, not by itself proof of unlawful discrimination; the audit sees only the data given to it.",
        ),
        "report.method.not_run_screening_inputs_prohibited" => Some(
            "Not run: the screening of the inputs for prohibited data and proxies, and the data-protection review of the table, which need the rows; this report says nothing about the inputs or about who in the table can be singled out.",
        ),
        "report.charts.charts" => Some("Charts"),
        "report.charts.favorable_rate_interval" => {
            Some("Favorable rate by {attr} ({lvl} interval)")
        }
        "report.charts.impact_ratio_interval" => Some("Impact ratio by {attr} ({lvl} interval)"),
        "report.charts.adverse_rate_ratio_interval" => {
            Some("Adverse-rate ratio by {attr} ({lvl} interval)")
        }
        "report.charts.error_rates_interval" => Some("Error rates by {attr} ({lvl} interval)"),
        "report.charts.rate" => Some("rate"),
        "report.charts.false_positive_rate" => Some("false positive rate"),
        "report.charts.false_negative_rate" => Some("false negative rate"),
        "report.charts.impact_ratio_rows_columns" => {
            Some("Impact ratio by {attr} (rows: {r}, columns: {c})")
        }
        "report.charts.score_0_1" => Some("score {col} (0–1)"),
        "report.charts.score_score_s_own_unit" => {
            Some("score {col} ({lo}–{hi}, in the score's own unit)")
        }
        "report.charts.score_distribution_share_each_group" => {
            Some("Score distribution by {attr}: share of each group at or below each score")
        }
        "report.charts.mean_score_bin_score_s" => {
            Some("mean score {col} in bin ({lo}–{hi}, in the score's own unit)")
        }
        "report.charts.calibration_share_positive_label_per" => {
            Some("Calibration by {attr}: share with a positive label {label} per score bin")
        }
        "report.disparity.disparity_group" => Some("Disparity by group"),
        "report.disparity.favorable_rate_share_group_favorable" => Some(
            "Favorable rate: the share of the group with the favorable outcome ({fav}); adverse rate: the share with the adverse outcome ({adv}). Impact ratio: the group's favorable rate divided by that of {rule}; adverse-rate ratio: the same for the adverse rate. A gap is beyond the four-fifths line when the impact ratio is below 0.8 or the adverse-rate ratio above 1.25. 'No disparity' is said only when both intervals lie within 0.8–1.25. Intervals are {lvl}; p-values are corrected for every comparison of the audit.",
        ),
        "report.disparity.error_rates_among_workers_whose" => Some(
            "Error rates: among workers whose true outcome (label) is negative, the false positive rate is the share given the positive decision; among those whose label is positive, the false negative rate is the share given the negative decision. The findings compare, in each label stratum, the rate of the adverse outcome.",
        ),
        "report.disparity.error_rates" => Some("{attr}: error rates"),
        "report.disparity.decision_has_several_classes_favorable" => Some(
            "The decision has several classes and the favorable one is not stated: each table gives, per class, the share of the group that got it and that share divided by the reference's (the corrected p-value in brackets).",
        ),
        "report.disparity.group" => Some("Group"),
        "report.disparity.share" => Some("{c}: share"),
        "report.disparity.ratio" => Some("{c}: ratio"),
        "report.disparity.ratio_with_p" => Some("{ratio3} (p {p})"),
        "report.scores.score_distribution_calibration" => {
            Some("Score distribution and calibration")
        }
        "report.scores.high_score_favorable_worker" => {
            Some("a high score is favorable to the worker")
        }
        "report.scores.low_score_favorable_worker" => {
            Some("a low score is favorable to the worker")
        }
        "report.scores.score_column_scoring_rate_share" => Some(
            "Score column {col}: {dir}. Scoring rate: the share of the group scoring {side}; scoring-rate ratio: that share divided by the reference's.",
        ),
        "report.scores.scores" => Some("{attr}: scores"),
        "report.scores.quantile_score_below_which_given" => Some(
            "A quantile is the score at or below which the given share of the group lies (the smallest such score). Groups smaller than {min} are not described here (too few to describe a distribution).",
        ),
        "report.scores.calibration_score_range_cut_into" => Some(
            "Calibration: the score range {lo}–{hi} is cut into {bins} bins of equal width (each includes its lower edge); per group and bin, the share of rows with a positive label {label}, with the number of rows in brackets. The same score means the same for every group when, bin by bin, the shares agree. Bins with fewer than {min} rows show no share (–); audit.json gives each share's Wilson interval.",
        ),
        "report.scores.group" => Some("Group"),
        "report.scores.median" => Some("median"),
        "report.scores.p_percent" => Some("{p} %"),
        "report.scores.note" => Some("Note"),
        "report.scores.score_quantiles" => Some("{attr}: score quantiles"),
        "report.scores.share_positive_label_score_bin" => {
            Some("{attr}: share with a positive label by score bin (rows)")
        }
        "report.scores.rate_paren_n" => Some("{rate} ({n})"),
        "report.text.fisher_s_exact_test" => Some("Fisher's exact test"),
        "report.text.chi_square_test" => Some("chi-square test"),
        "report.text.kolmogorov_smirnov_test" => Some("Kolmogorov-Smirnov test"),
        "report.text.or_separator" => Some(" or "),
        "report.text.above_sample_median" => Some("above the sample median {m}"),
        "report.text.below_sample_median" => Some("below the sample median {m}"),
        "report.text.largest_group" => Some("the largest group"),
        "report.text.for" => Some("; for {attr}: {g}"),
        "report.text.whole_population" => Some("the whole population"),
        "report.text.interval" => Some("{lvl} interval {ci}"),
        "report.text.no_interval" => Some("no interval"),
        "report.text.against" => Some("{x} against {y}; "),
        "report.text.semicolon_name_tv" => Some("; {name} {tv}"),
        "report.text.corrected_p" => Some("corrected p {p}, {test}"),
        "report.text.worse_off_than" => Some("{wr} is worse off than {g}: "),
        "report.text.among_workers_n_received_adverse" => Some(
            "among workers with {label}, {g} (n = {n}) received the adverse outcome ({adverse}) {v} times as often as {r} ({rates}{civ}; {name}{twin})",
        ),
        "report.text.n_received_times_rate_favorable" => Some(
            "{g} (n = {n}) received {col} = {class} at {v} times the rate of {r} ({rates}{civ}); the favorable class is not stated, so the report does not say which side is worse off",
        ),
        "report.text.n_received_adverse_outcome_times" => Some(
            "{g} (n = {n}) received the adverse outcome ({adverse}) {v} times as often as {r} ({rates}{civ}{twin})",
        ),
        "report.text.n_scored_favorable_side_times" => Some(
            "{g} (n = {n}) scored on the favorable side ({side}) at {v} times the rate of {r} ({rates}{civ})",
        ),
        "report.text.n_received_favorable_outcome_times" => Some(
            "{g} (n = {n}) received the favorable outcome ({fav}) at {v} times the rate of {r} ({rates}{civ}{twin})",
        ),
        "report.text.lead_body_colon_verdict_semicolon_p" => Some("{lead}{body}: {verdict}; {p}."),
        "report.text.every_audited_worker_one_group" => Some(
            "{attr}: every audited worker is in one group, so nothing can be compared on this attribute.",
        ),
        "report.protection_text.direct_identifier" => Some("direct identifier"),
        "report.protection_text.sensitive_personal_information" => {
            Some("sensitive personal information")
        }
        "report.protection_text.prohibited_restricted_input" => {
            Some("prohibited or restricted input")
        }
        "report.protection_text.protected_attribute" => Some("protected attribute"),
        "report.protection_text.stands_protected_attribute_proxy" => {
            Some("stands in for a protected attribute (proxy)")
        }
        "report.protection_text.indirect_identifier_quasi_identifier" => {
            Some("indirect identifier (quasi-identifier)")
        }
        "report.protection_text.algorithm_output_outcome" => Some("algorithm output or outcome"),
        "report.protection_text.ordinary_work_measure" => Some("ordinary work measure"),
        "report.protection_text.kept_given" => Some("kept as given"),
        "report.protection_text.left_out_table" => Some("left out of the table"),
        "report.protection_text.band_up_to" => Some("up to {t}"),
        "report.protection_text.band_or_more" => Some("{f} or more"),
        "report.protection_text.all" => Some("all"),
        "report.protection_text.bands" => Some("{n} bands: {bands}"),
        "report.protection_text.missing" => Some("(missing)"),
        "report.protection_text.categories_held_less_than_workers" => {
            Some("categories held by less than {share} % of workers merged into one: {merged}")
        }
        "report.protection_text.data_protection_section_proposes_coarsening" => Some(
            " The data-protection section proposes a coarsening that gives every group of every combination of up to three of these columns at least {k} workers.",
        ),
        "report.protection_text.no_coarsening_candor_searched_gives" => Some(
            " No coarsening Candor searched gives every group of every combination of up to three of these columns {k} workers.",
        ),
        "report.protection_text.workers_only_ones_their_values" => Some(
            "{n} workers are the only ones with their values of {cols}: anyone who knows these facts about a colleague can find that colleague's row in the table ({m} of the {t} combinations of up to three of the columns examined single somebody out).{fix}",
        ),
        "report.protection_text.nobody_alone_but_workers_share" => Some(
            "Nobody is alone, but {n} workers share their combination of {cols} with fewer than {k} workers in all.",
        ),
        "report.protection_text.reveal_groups_least_workers_who" => Some(
            "{cols} reveal {col}: in {c} groups of at least {k} workers who share these values ({n} workers in all), everyone has the same {col}, so whoever knows a colleague's {cols} learns it, although the groups are large enough (l-diversity 1).",
        ),
        "report.protection_text.every_one_these_groups_shared" => Some(
            " In every one of these groups the shared value is the most common value of {col} in the whole table (often none at all): this tells little beyond what is true of most workers, but it does tell it for certain.",
        ),
        "report.protection_text.these_groups_shared_value_most" => Some(
            " In {m} of these groups the shared value is the most common value of {col} in the whole table (often none at all), which tells little beyond what is true of most workers; in the other {rest} it is a less common value.",
        ),
        "report.protection_text.health_data_collected_epidemic_control" => {
            Some("health data collected for epidemic control")
        }
        "report.protection_text.health_data" => Some("health data"),
        "report.protection_text.sensitive_personal_information_2" => {
            Some("sensitive personal information ({label})")
        }
        "report.protection_text.collected_data_this_decision_about" => Some(
            "{col} is {what}, collected for {purpose}, and it is in the data of this decision about workers, a different purpose: its purpose does not cover this decision. Take it out of the data of this decision; keep it only for its own purpose (and for as long as an audit or a dispute about it is open).",
        ),
        "report.protection_text.collected_handed_algorithm_which_does" => Some(
            "{col} is collected and handed to the algorithm, which does not measurably rely on it: collected, not needed for the stated purpose. Stop collecting it for this decision and delete what was collected for it, once no audit or dispute about the decision is open.",
        ),
        "report.html.candor_sha_256_audit_json" => Some(
            "Candor {version}. The SHA-256 of audit.json, printed at the foot of each page: {json_hash}.",
        ),
        "report.markdown.charts_audit_html_every_number" => {
            Some("The charts are in audit.html; every number they show is in the tables above.")
        }
        "report.plots.bars.four_fifths_line_0_8" => Some("four-fifths line (0.8)"),
        "report.plots.bars.four_fifths_line_adverse_framing" => {
            Some("four-fifths line, adverse framing (1.25)")
        }
        "report.plots.heatmap.no_cell_has_value_n" => Some("No cell has a value (n/a)."),
        "report.plots.lines.mean_predicted_score_bin_0" => {
            Some("mean predicted score in bin (0–1)")
        }
        "report.protection.timestamps_outside_working_hours" => {
            Some("timestamps outside working hours")
        }
        "report.protection.values_shaped_e_mail_addresses" => {
            Some("values shaped as e-mail addresses")
        }
        "report.protection.values_shaped_mobile_numbers" => Some("values shaped as mobile numbers"),
        "report.protection.values_shaped_resident_id_numbers" => {
            Some("values shaped as resident ID numbers")
        }
        "report.protection.examined_quasi_identifier" => Some("examined as a quasi-identifier"),
        "report.inputs.no_present_but_unused" => Some("no (present but unused)"),
        "report.model.shuffled_across_workers_seeded" => Some("shuffled across workers (seeded)"),
        "report.model.each_decile_reference_group_turn" => {
            Some("each decile of the reference group, in turn")
        }
        "report.model.each_other_values_turn" => Some("each of its other values, in turn"),
        "report.method.engine_spark_cells" => Some(
            "Engine: Apache Spark computed the cells (the rows counted per group, decision, label and exact score value) where the data lives, through Spark Connect, with the query that candor sql --dialect spark prints; every disparity figure is computed from these counts exactly as from the rows.",
        ),
        "report.method.engine_spark_rows_all" => Some(
            "The screening of the inputs and the data-protection review read all {of} rows, fetched from Spark.",
        ),
        "report.method.engine_spark_rows_sample" => Some(
            "The screening of the inputs and the data-protection review read a seeded sample of {rows} of the {of} rows (drawn by a hash of the worker id and the seed when the spec names an id, else by Spark's seeded random numbers): their figures are estimates from that sample, and a group or combination rare in the table may be missing from it. Who can be singled out (identifiability) was not assessed: who is alone in a sample says nothing about who is alone in the table. The disparity figures use every row.",
        ),
        "report.method.engine_figures_come_from_cells" => Some(
            "Engine: the figures come from a cells table (the rows counted per group, decision, label and exact score value) that another engine computed from the data with the query that candor sql prints; Candor did not read the rows. Every disparity figure is computed from these counts exactly as from the rows.",
        ),
        "report.charts.share_group_receiving_favorable_decision" => {
            Some("share of the group receiving the favorable decision")
        }
        "report.text.group_highest_rate_favorable_outcome" => Some(
            "the group with the highest rate of the favorable outcome (among groups of at least the minimum group size, with known values)",
        ),
        "report.text.whole_audited_population" => Some("the whole audited population"),
        "report.inputs.surrogate_logistic" => Some("logistic"),
        "report.inputs.surrogate_linear" => Some("linear"),
        "report.inputs.surrogate_logistic_fidelity" => Some("share of decisions it reproduces"),
        "report.inputs.surrogate_linear_fidelity" => Some("R squared"),
        "report.inputs.surrogate" => Some(
            "Candor's model of the algorithm: {model} regression on {n} rows, fidelity {fid} ({meaning}).",
        ),
        "report.ll144.rate_selection" => Some("selection rate"),
        "report.ll144.rate_scoring" => Some("scoring rate"),
        "report.ll144.table_sex" => Some("sex"),
        "report.ll144.table_race_ethnicity" => Some("race/ethnicity"),
        "report.ll144.table_intersectional" => Some("intersectional"),
        "report.html.page_counter" => Some(r#""page " counter(page) " of " counter(pages)"#),
        "report.cover.decision_binary" => {
            Some("column {column}: positive = {pos}; negative = {neg}")
        }
        "report.cover.decision_multiclass" => {
            Some("column {column}, classes {c} (each audited one-vs-rest)")
        }
        "report.summary.limits_comparison" => Some("comparison"),
        "report.summary.limits_comparisons" => Some("comparisons"),
        "report.summary.limits_group" => Some("group"),
        "report.summary.limits_groups" => Some("groups"),
        "report.summary.limits" => Some(
            "Limits: {inconclusive} {comparisons} found no significant gap but cannot rule one out (verdict 'no significant disparity found'); {withheld} {groups} of fewer than {min} workers are withheld.",
        ),
        "report.protection.col_finding" => Some("Finding"),
        "report.protection.col_about" => Some("About"),
        "report.protection.col_columns" => Some("Columns"),
        "report.protection.col_workers" => Some("Workers"),
        "report.protection.col_what_do" => Some("What to do"),
        "report.protection.col_groups" => Some("Groups"),
        "report.protection.col_workers_alone_k_1" => Some("Workers alone (k = 1)"),
        "report.protection.col_smallest_group_k" => Some("Smallest group (k)"),
        "report.protection.col_workers_groups_below_threshold" => {
            Some("Workers in groups below the threshold")
        }
        "report.protection.col_sensitive_input" => Some("Sensitive input"),
        "report.protection.col_revealed" => Some("Revealed by"),
        "report.protection.col_such_groups" => Some("Such groups"),
        "report.protection.col_workers_them" => Some("Workers in them"),
        "report.protection.col_those_groups_least_threshold_workers" => {
            Some("Of those, groups of at least the threshold (workers)")
        }
        "report.protection.col_column" => Some("Column"),
        "report.protection.col_change" => Some("Change"),
        "report.protection.col_distinct_values_before" => Some("Distinct values before"),
        "report.protection.col_after" => Some("After"),
        "report.protection.col_information_lost" => Some("Information lost"),
        "report.protection.col_class" => Some("Class"),
        "report.protection.col_evidence" => Some("Evidence"),
        "report.protection.col_legal_basis" => Some("Legal basis"),
        "report.inputs.col_finding" => Some("Finding"),
        "report.inputs.col_column" => Some("Column"),
        "report.inputs.col_kind" => Some("Kind"),
        "report.inputs.col_category" => Some("Category"),
        "report.inputs.col_severity" => Some("Severity"),
        "report.inputs.col_used_algorithm" => Some("Used by the algorithm"),
        "report.inputs.col_evidence" => Some("Evidence"),
        "report.inputs.col_legal_sources" => Some("Legal sources"),
        "report.model.col_attribute" => Some("Attribute"),
        "report.model.col_group" => Some("Group"),
        "report.model.col_workers" => Some("Workers"),
        "report.model.col_agreement" => Some("Agreement"),
        "report.model.col_n95_exact_interval" => Some("95 % exact interval"),
        "report.model.col_input" => Some("Input"),
        "report.model.col_why_tested" => Some("Why tested"),
        "report.model.col_neutral_value" => Some("Neutral value"),
        "report.model.col_decisions_changed" => Some("Decisions changed"),
        "report.model.col_now_favorable" => Some("Now favorable"),
        "report.model.col_now_adverse" => Some("Now adverse"),
        "report.model.col_favorable_now" => Some("Favorable now"),
        "report.model.col_favorable_without" => Some("Favorable without"),
        "report.model.col_impact_ratio_now" => Some("Impact ratio now"),
        "report.model.col_impact_ratio_without" => Some("Impact ratio without"),
        "report.model.col_adverse_rate_ratio_now" => Some("Adverse-rate ratio now"),
        "report.model.col_adverse_rate_ratio_without" => Some("Adverse-rate ratio without"),
        "report.findings.col_finding" => Some("Finding"),
        "report.findings.col_group_n" => Some("Group (n)"),
        "report.findings.col_compared_n" => Some("Compared with (n)"),
        "report.findings.col_worse_off" => Some("Worse off"),
        "report.findings.col_measure" => Some("Measure"),
        "report.findings.col_rates" => Some("Rates"),
        "report.findings.col_ratio_interval" => Some("Ratio (interval)"),
        "report.findings.col_other_framing" => Some("Other framing"),
        "report.findings.col_corrected_p" => Some("Corrected p"),
        "report.groups.col_attribute" => Some("Attribute"),
        "report.groups.col_group" => Some("Group"),
        "report.groups.col_n" => Some("n"),
        "report.groups.col_status" => Some("Status"),
        "report.disparity.col_group" => Some("Group"),
        "report.disparity.col_n" => Some("n"),
        "report.disparity.col_favorable_rate" => Some("Favorable rate"),
        "report.disparity.col_interval" => Some("Interval"),
        "report.disparity.col_adverse_rate" => Some("Adverse rate"),
        "report.disparity.col_impact_ratio" => Some("Impact ratio"),
        "report.disparity.col_adverse_rate_ratio" => Some("Adverse-rate ratio"),
        "report.disparity.col_corrected_p" => Some("Corrected p"),
        "report.disparity.col_verdict" => Some("Verdict"),
        "report.disparity.col_false_positive_rate" => Some("False positive rate"),
        "report.disparity.col_fpr_ratio" => Some("FPR ratio"),
        "report.disparity.col_false_negative_rate" => Some("False negative rate"),
        "report.disparity.col_fnr_ratio" => Some("FNR ratio"),
        "report.scores.col_group" => Some("Group"),
        "report.scores.col_n" => Some("n"),
        "report.scores.col_mean" => Some("Mean"),
        "report.scores.col_median" => Some("Median"),
        "report.scores.col_scoring_rate" => Some("Scoring rate"),
        "report.scores.col_scoring_rate_ratio" => Some("Scoring-rate ratio"),
        "report.scores.col_interval" => Some("Interval"),
        "report.scores.col_corrected_p" => Some("Corrected p"),
        "report.scores.col_verdict" => Some("Verdict"),
        _ => None,
    }
}
