use super::*;
use crate::screen::names;

const BUILTIN_IDS: [&str; 8] = [
    "pipl",
    "cn-labour",
    "gdpr",
    "eu-ai-act",
    "eu-pwd",
    "us-federal",
    "nyc-ll144",
    "us-il",
];

const CATEGORY_IDS: [&str; 28] = [
    "health",
    "disability",
    "infectious_disease_carrier",
    "pregnancy_maternity",
    "genetic",
    "biometric",
    "emotion_psych_state",
    "physiological_and_rest_breaks",
    "off_hours_private_life",
    "working_time",
    "private_communications",
    "location_outside_work",
    "union_collective_activity",
    "political_opinion",
    "religion_belief",
    "race_ethnicity_origin",
    "sex_gender",
    "sexual_orientation_sex_life",
    "age",
    "hukou_origin",
    "marital_family_status",
    "job_search_activity",
    "social_media",
    "criminal_record",
    "financial_status",
    "protected_leave_and_rights_exercise",
    "appearance_physical",
    "minor_data",
];

fn packs() -> Vec<Pack> {
    builtin_packs().expect("built-in packs must load")
}

fn categories() -> Vec<Category> {
    builtin_categories().expect("built-in categories must load")
}

const MINIMAL_PACK: &str = r#"
id = "my-company"
title_en = "My company"
title_zh = "我的公司"
jurisdiction = "CN"
as_of = "2026-11-23"

[[instrument]]
id = "handbook"
name_en = "Employee handbook"
name_zh = "员工手册"

[[rule]]
category = "health"
instrument = "handbook"
citation = "Handbook 3.2"
effect = "special_category"
severity = "high"
stages = ["employment"]
evidence = "primary"
summary_en = "No health data in scoring."
summary_zh = "评分中不使用健康数据。"
"#;

/// The error of parsing [`MINIMAL_PACK`] with `from` replaced by `to`; panics with `what` if
/// the changed pack parses.
fn changed_pack_error(from: &str, to: &str, what: &str) -> PolicyError {
    let text = MINIMAL_PACK.replace(from, to);
    parse_pack("mine.toml", &text, &categories()).expect_err(what)
}

#[test]
fn builtin_categories_are_the_28_expected_ids() {
    let ids: Vec<String> = categories().into_iter().map(|c| c.id).collect();
    assert_eq!(ids, CATEGORY_IDS.map(String::from).to_vec());
}

#[test]
fn builtin_packs_load_with_expected_ids() {
    let ids: Vec<String> = packs().into_iter().map(|p| p.id).collect();
    assert_eq!(ids, BUILTIN_IDS.map(String::from).to_vec());
}

#[test]
fn every_category_has_a_rule_in_some_pack() {
    let packs = packs();
    for id in CATEGORY_IDS {
        assert!(
            packs
                .iter()
                .flat_map(|p| &p.rules)
                .any(|r| r.category == id),
            "no rule for {id}"
        );
    }
}

#[test]
fn every_pack_gives_rights_and_bilingual_summaries() {
    for pack in packs() {
        assert!(!pack.rights.is_empty(), "{} has no rights", pack.id);
        for rule in &pack.rules {
            assert!(
                rule.summary_zh.chars().any(names::is_cjk),
                "{}",
                rule.citation
            );
        }
    }
}

#[test]
fn required_rights_are_present_with_deadlines() {
    let packs = packs();
    let right = |pack: &str, id: &str| -> Right {
        packs
            .iter()
            .find(|p| p.id == pack)
            .and_then(|p| p.rights.iter().find(|r| r.id == id))
            .cloned()
            .unwrap_or_else(|| panic!("missing right {pack}/{id}"))
    };
    assert_eq!(
        right("pipl", "pipl-24-3-explanation").kind,
        RightKind::Explanation
    );
    assert_eq!(
        right("pipl", "pipl-24-3-refuse").kind,
        RightKind::RefuseAutomated
    );
    let access = right("gdpr", "gdpr-15-1-h-access");
    let deadline = access.deadline.expect("GDPR access has a deadline");
    assert_eq!(
        (deadline.amount, deadline.unit),
        (Some(1), Some(DeadlineUnit::Months))
    );
    assert_eq!(
        right("gdpr", "gdpr-22-1-not-solely-automated").kind,
        RightKind::RefuseAutomated
    );
    assert_eq!(
        right("eu-ai-act", "aia-86-explanation").kind,
        RightKind::Explanation
    );
    let review = right("eu-pwd", "pwd-11-2-review")
        .deadline
        .expect("deadline");
    assert_eq!(
        (review.amount, review.unit),
        (Some(2), Some(DeadlineUnit::Weeks))
    );
    let notice = right("nyc-ll144", "ll144-notice")
        .deadline
        .expect("deadline");
    assert_eq!(
        (notice.amount, notice.unit),
        (Some(10), Some(DeadlineUnit::BusinessDays))
    );
    for id in [
        "pwd-9-information",
        "pwd-11-1-explanation",
        "pwd-11-1-written-reasons",
    ] {
        right("eu-pwd", id);
    }
}

#[test]
fn proxies_are_attached_to_the_categories_they_reveal() {
    let categories = categories();
    let hukou = categories
        .iter()
        .find(|c| c.id == "hukou_origin")
        .expect("hukou");
    let ids: Vec<&str> = hukou.proxies.iter().map(|p| p.id.as_str()).collect();
    for expected in ["zip_code", "residence", "commute", "cn_resident_id"] {
        assert!(ids.contains(&expected), "{expected} missing from {ids:?}");
    }
    let working = categories
        .iter()
        .find(|c| c.id == "working_time")
        .expect("working time");
    let overtime = working
        .proxies
        .iter()
        .find(|p| p.id == "overtime")
        .expect("overtime proxy");
    assert!(overtime.is_direct_for("working_time"));
    assert!(!overtime.is_direct_for("sex_gender"));
}

#[test]
fn value_regexes_compile() {
    let health = categories()
        .into_iter()
        .find(|c| c.id == "health")
        .expect("health");
    assert_eq!(health.value_regexes().len(), health.value_regex.len());
    assert!(health.value_regexes()[0].is_match("J45.9"));
}

#[test]
fn select_packs_keeps_order_and_drops_duplicates() {
    let all = packs();
    let ids = ["gdpr", "pipl", "GDPR"].map(String::from);
    let chosen = select_packs(&all, &ids).expect("known ids");
    let got: Vec<&str> = chosen.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(got, ["gdpr", "pipl"]);
    assert_eq!(select_packs(&all, &[]).expect("all").len(), all.len());
}

#[test]
fn select_packs_unknown_id_names_the_closest() {
    let all = packs();
    let err = select_packs(&all, &["gpdr".to_string()]).expect_err("unknown id");
    let message = err.to_string();
    assert!(message.contains("unknown policy pack `gpdr`"), "{message}");
    assert!(message.contains("did you mean `gdpr`?"), "{message}");
    assert!(
        message.contains("hint: available packs are: pipl, cn-labour"),
        "{message}"
    );
    let err = select_packs(&all, &["cn-labor".to_string()]).expect_err("unknown id");
    assert!(
        err.to_string().contains("did you mean `cn-labour`?"),
        "{err}"
    );
}

#[test]
fn parse_pack_accepts_a_minimal_user_pack() {
    let pack = parse_pack("mine.toml", MINIMAL_PACK, &categories()).expect("valid");
    assert_eq!(pack.id, "my-company");
    assert_eq!(pack.rules[0].severity, Severity::High);
}

#[test]
fn parse_pack_unknown_key_names_file_line_key_and_suggests() {
    let err = changed_pack_error("severity = \"high\"", "severty = \"high\"", "unknown key");
    let message = err.to_string();
    assert!(message.starts_with("mine.toml:"), "{message}");
    assert!(message.contains("rule[0]"), "{message}");
    assert!(message.contains("severty"), "{message}");
    assert!(message.contains("did you mean `severity`?"), "{message}");
}

#[test]
fn parse_pack_bad_enum_value_suggests_the_closest_variant() {
    let err = changed_pack_error(
        "severity = \"high\"",
        "severity = \"blocker\"",
        "bad variant",
    );
    let message = err.to_string();
    assert!(message.contains("key `rule[0].severity`"), "{message}");
    assert!(message.contains("did you mean `block`?"), "{message}");
}

#[test]
fn parse_pack_missing_key_says_which() {
    let err = changed_pack_error(
        "summary_zh = \"评分中不使用健康数据。\"\n",
        "",
        "missing key",
    );
    let message = err.to_string();
    assert!(message.contains("summary_zh"), "{message}");
    assert!(
        message.contains("hint: add the key `summary_zh`"),
        "{message}"
    );
}

#[test]
fn parse_pack_unknown_category_names_the_closest() {
    let err = changed_pack_error(
        "category = \"health\"",
        "category = \"helth\"",
        "unknown category",
    );
    assert!(matches!(
        err,
        PolicyError::UnknownReference {
            what: ReferenceKind::Category,
            ..
        }
    ));
    let message = err.to_string();
    assert!(
        message.contains("mine.toml: key `rule[0].category`"),
        "{message}"
    );
    assert!(message.contains("did you mean `health`?"), "{message}");
    assert!(message.contains("hint:"), "{message}");
    let err = changed_pack_error(
        "category = \"health\"",
        "category = \"gender\"",
        "unknown category",
    );
    assert!(
        err.to_string().contains("did you mean `sex_gender`?"),
        "{err}"
    );
}

#[test]
fn parse_pack_unknown_instrument_and_empty_summary_are_rejected() {
    let err = changed_pack_error(
        "instrument = \"handbook\"\ncitation",
        "instrument = \"handbok\"\ncitation",
        "unknown instrument",
    );
    assert!(
        err.to_string().contains("did you mean `handbook`?"),
        "{err}"
    );
    let err = changed_pack_error("No health data in scoring.", " ", "empty summary");
    assert!(err.to_string().contains("rule[0].summary_en"), "{err}");
}

#[test]
fn parse_pack_proxy_rule_needs_a_matching_proxy() {
    let err = changed_pack_error(
        "category = \"health\"",
        "category = \"race_ethnicity_origin\"\nproxy = \"zip_cod\"",
        "unknown proxy",
    );
    assert!(
        err.to_string().contains("did you mean `zip_code`?"),
        "{err}"
    );
}

#[test]
fn parse_categories_rejects_a_bad_regex_with_its_key() {
    let text = r#"
schema_version = 1
[[category]]
id = "health"
code = "C01"
label_en = "Health"
label_zh = "健康"
summary_en = "Health."
summary_zh = "健康。"
default_severity = "high"
keywords_en = ["health"]
value_regex = ['^[A-Z']
"#;
    let err = parse_categories("cats.toml", text).expect_err("bad regex");
    let message = err.to_string();
    assert!(message.contains("value_regex[0]"), "{message}");
    assert!(message.contains("invalid regular expression"), "{message}");
}

#[test]
fn parse_categories_rejects_latin_terms_in_chinese_lists() {
    let text = r#"
schema_version = 1
[[category]]
id = "health"
code = "C01"
label_en = "Health"
label_zh = "健康"
summary_en = "Health."
summary_zh = "健康。"
default_severity = "high"
keywords_zh = ["DNA"]
"#;
    let err = parse_categories("cats.toml", text).expect_err("latin in zh");
    assert!(err.to_string().contains("keywords_zh[0]"), "{err}");
}

#[test]
fn load_pack_reads_a_file_and_reports_missing_files() {
    let dir = std::env::temp_dir().join(format!("candor-policy-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("mine.toml");
    std::fs::write(&path, MINIMAL_PACK).expect("write pack");
    let pack = load_pack(&path).expect("loads");
    assert_eq!(pack.id, "my-company");
    let missing = dir.join("missing.toml");
    let err = load_pack(&missing).expect_err("missing file");
    assert!(matches!(err, PolicyError::Read { .. }));
    assert!(err.to_string().contains("missing.toml"), "{err}");
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn check_unique_ids_rejects_a_user_pack_shadowing_a_builtin() {
    let mut all: Vec<(String, Pack)> = packs()
        .into_iter()
        .map(|p| (format!("{}.toml", p.id), p))
        .collect();
    let mut mine = parse_pack("mine.toml", MINIMAL_PACK, &categories()).expect("valid");
    mine.id = "gdpr".to_string();
    all.push(("mine.toml".to_string(), mine));
    let err = check_unique_ids(&all).expect_err("duplicate");
    assert!(err.to_string().contains("`gdpr` is used twice"), "{err}");
}

#[test]
fn severity_orders_block_above_high_above_medium_above_review() {
    assert!(Severity::Block > Severity::High);
    assert!(Severity::High > Severity::Medium);
    assert!(Severity::Medium > Severity::Review);
}

#[test]
fn stage_parses_names_and_suggests() {
    assert_eq!(
        "post-termination".parse::<Stage>().ok(),
        Some(Stage::PostTermination)
    );
    let err = "recruitmnt".parse::<Stage>().expect_err("typo");
    assert!(
        err.to_string().contains("did you mean `recruitment`?"),
        "{err}"
    );
}

#[test]
fn resolve_takes_the_maximum_severity_across_packs() {
    let all = packs();
    let chosen = select_packs(&all, &["pipl".into(), "cn-labour".into()]).expect("ids");
    let query = RuleQuery {
        category: "pregnancy_maternity",
        stage: Stage::Recruitment,
        flags: &[],
        via_proxy: None,
    };
    let resolution = resolve(&chosen, &query);
    assert_eq!(resolution.severity, Some(Severity::Block));
    assert_eq!(
        resolution.applicable[0].rule.citation,
        "Women's Rights Law Art. 43"
    );
    assert_eq!(
        resolution.by_pack(),
        vec![("cn-labour", Severity::Block), ("pipl", Severity::High)]
    );
}

#[test]
fn resolve_filters_by_stage() {
    let all = packs();
    let chosen = select_packs(&all, &["cn-labour".into()]).expect("ids");
    let query = RuleQuery {
        category: "age",
        stage: Stage::Recruitment,
        flags: &[],
        via_proxy: None,
    };
    assert_eq!(resolve(&chosen, &query).severity, None);
    let query = RuleQuery {
        stage: Stage::Termination,
        ..query
    };
    assert_eq!(resolve(&chosen, &query).severity, Some(Severity::High));
}

#[test]
fn resolve_holds_back_rules_whose_conditions_are_unknown() {
    let all = packs();
    let chosen = select_packs(&all, &["eu-pwd".into()]).expect("ids");
    let mut query = RuleQuery {
        category: "off_hours_private_life",
        stage: Stage::Employment,
        flags: &[],
        via_proxy: None,
    };
    let resolution = resolve(&chosen, &query);
    assert_eq!(resolution.severity, None);
    assert_eq!(
        resolution.conditional[0].missing,
        vec![ContextFlag::IsDigitalLabourPlatform]
    );
    let flags = [ContextFlag::IsDigitalLabourPlatform];
    query.flags = &flags;
    assert_eq!(resolve(&chosen, &query).severity, Some(Severity::Block));
}

#[test]
fn resolve_lifts_rules_on_exceptions() {
    let all = packs();
    let chosen = select_packs(&all, &["eu-ai-act".into()]).expect("ids");
    let flags = [ContextFlag::IsAiSystem, ContextFlag::UsesBiometricInput];
    let query = RuleQuery {
        category: "emotion_psych_state",
        stage: Stage::Employment,
        flags: &flags,
        via_proxy: None,
    };
    assert_eq!(resolve(&chosen, &query).severity, Some(Severity::Block));
    let flags = [
        ContextFlag::IsAiSystem,
        ContextFlag::UsesBiometricInput,
        ContextFlag::MedicalOrSafetyPurpose,
    ];
    let resolution = resolve(
        &chosen,
        &RuleQuery {
            flags: &flags,
            ..query
        },
    );
    assert_eq!(resolution.severity, None);
    assert_eq!(resolution.lifted.len(), 1);
}

#[test]
fn resolve_applies_zip_code_ban_only_to_zip_code_proxies() {
    let all = packs();
    let chosen = select_packs(&all, &["us-il".into()]).expect("ids");
    let direct = RuleQuery {
        category: "race_ethnicity_origin",
        stage: Stage::Recruitment,
        flags: &[],
        via_proxy: None,
    };
    let resolution = resolve(&chosen, &direct);
    assert_eq!(resolution.severity, Some(Severity::High));
    assert!(resolution.applicable.iter().all(|a| a.rule.proxy.is_none()));
    let zip = RuleQuery {
        via_proxy: Some("zip_code"),
        ..direct
    };
    assert_eq!(resolve(&chosen, &zip).severity, Some(Severity::Block));
    let commute = RuleQuery {
        via_proxy: Some("commute"),
        ..direct
    };
    assert_eq!(resolve(&chosen, &commute).severity, Some(Severity::Review));
}

#[test]
fn rights_for_stage_includes_stageless_rights() {
    let all = packs();
    let chosen = select_packs(&all, &["pipl".into()]).expect("ids");
    let recruitment = rights_for_stage(&chosen, Stage::Recruitment);
    assert!(
        recruitment
            .iter()
            .any(|(_, r)| r.id == "pipl-24-3-explanation")
    );
    assert!(!recruitment.iter().any(|(_, r)| r.id == "pipl-47-deletion"));
}
