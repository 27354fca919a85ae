//! Unit tests of the names layer.

use super::super::policy::builtin_categories;
use super::*;

fn categories() -> Vec<Category> {
    builtin_categories().expect("built-in categories must load")
}

fn matches(name: &str, cats: &[Category]) -> Vec<NameMatch> {
    match_column(name, None, cats)
}

/// Category ids matched (any kind).
fn ids(name: &str, cats: &[Category]) -> Vec<String> {
    matches(name, cats)
        .into_iter()
        .map(|m| m.category)
        .collect()
}

fn assert_direct(name: &str, category: &str, cats: &[Category]) {
    let found = matches(name, cats);
    assert!(
        found
            .iter()
            .any(|m| m.category == category && m.kind == MatchKind::Direct),
        "{name}: expected direct {category}, got {found:?}"
    );
}

fn assert_proxy(name: &str, category: &str, cats: &[Category]) {
    let found = matches(name, cats);
    assert!(
        found
            .iter()
            .any(|m| m.category == category && m.kind == MatchKind::Proxy),
        "{name}: expected proxy {category}, got {found:?}"
    );
}

fn assert_clean(name: &str, cats: &[Category]) {
    let found = matches(name, cats);
    assert!(found.is_empty(), "{name}: expected no match, got {found:?}");
}

#[test]
fn tokenize_splits_case_separators_and_digits() {
    assert_eq!(tokenize("DistanceFromHome"), ["distance", "from", "home"]);
    assert_eq!(tokenize("MaritalStatus"), ["marital", "status"]);
    assert_eq!(tokenize("OverTime"), ["over", "time"]);
    assert_eq!(tokenize("Over18"), ["over", "18"]);
    assert_eq!(
        tokenize("after-hours.messages"),
        ["after", "hour", "message"]
    );
    assert_eq!(tokenize("HTTPServer_id"), ["http", "server", "id"]);
    assert_eq!(tokenize("sick leave  days"), ["sick", "leave", "day"]);
    assert_eq!(tokenize("hobbies"), ["hobby"]);
    assert_eq!(tokenize("status"), ["status"]);
}

#[test]
fn tokenize_folds_full_width_and_skips_chinese() {
    assert_eq!(tokenize("ＡＧＥ"), ["age"]);
    assert_eq!(tokenize("病假_days"), ["day"]);
    assert_eq!(normalize("ＱＱ消息"), "qq消息");
}

#[test]
fn ibm_attrition_sensitive_columns_are_flagged() {
    let cats = categories();
    assert_direct("Age", "age", &cats);
    assert_direct("Over18", "age", &cats);
    assert_direct("Gender", "sex_gender", &cats);
    assert_direct("MaritalStatus", "marital_family_status", &cats);
    assert_direct("OverTime", "working_time", &cats);
    for category in [
        "hukou_origin",
        "race_ethnicity_origin",
        "location_outside_work",
    ] {
        assert_proxy("DistanceFromHome", category, &cats);
    }
}

#[test]
fn ibm_attrition_overtime_is_a_direct_link_through_the_overtime_proxy() {
    let cats = categories();
    let found = matches("OverTime", &cats);
    let off = found
        .iter()
        .find(|m| m.category == "working_time")
        .expect("flagged");
    assert_eq!(off.proxy.as_deref(), Some("overtime"));
    assert!((off.confidence - 0.75).abs() < 1e-12);
    assert!(
        found
            .iter()
            .any(|m| m.category == "marital_family_status" && m.kind == MatchKind::Proxy)
    );
}

#[test]
fn ibm_attrition_work_measures_are_not_flagged() {
    let cats = categories();
    // RelationshipSatisfaction is a survey item about workplace relationships: excluded
    // from marital_family_status (see categories.toml).
    for name in [
        "Attrition",
        "BusinessTravel",
        "DailyRate",
        "Department",
        "Education",
        "EducationField",
        "EmployeeCount",
        "EmployeeNumber",
        "EnvironmentSatisfaction",
        "HourlyRate",
        "JobInvolvement",
        "JobLevel",
        "JobRole",
        "JobSatisfaction",
        "MonthlyIncome",
        "MonthlyRate",
        "NumCompaniesWorked",
        "PercentSalaryHike",
        "PerformanceRating",
        "RelationshipSatisfaction",
        "StandardHours",
        "StockOptionLevel",
        "TotalWorkingYears",
        "TrainingTimesLastYear",
        "WorkLifeBalance",
        "YearsAtCompany",
        "YearsInCurrentRole",
        "YearsSinceLastPromotion",
        "YearsWithCurrManager",
    ] {
        assert_clean(name, &cats);
    }
}

#[test]
fn demo_columns_are_flagged_in_english_and_chinese() {
    let cats = categories();
    let direct = [
        ("sick_leave_days", "病假天数", "health"),
        (
            "bathroom_break_minutes",
            "如厕分钟数",
            "physiological_and_rest_breaks",
        ),
        (
            "after_hours_messages",
            "下班后消息数",
            "off_hours_private_life",
        ),
        (
            "job_site_visits",
            "其他工地到访次数",
            "location_outside_work",
        ),
        (
            "union_chat_mentions",
            "工会群聊提及次数",
            "union_collective_activity",
        ),
        (
            "job_board_visits",
            "招聘网站访问次数",
            "job_search_activity",
        ),
        (
            "personal_social_media_posts",
            "个人社交媒体发帖数",
            "social_media",
        ),
        ("maternity_leave_days", "产假天数", "pregnancy_maternity"),
        ("hukou", "户口类型", "hukou_origin"),
        ("ethnicity", "民族", "race_ethnicity_origin"),
        ("disability", "残疾", "disability"),
        ("marital_status", "婚姻状况", "marital_family_status"),
        ("overtime", "加班时长", "working_time"),
    ];
    for (en, zh, category) in direct {
        assert_direct(en, category, &cats);
        assert_direct(zh, category, &cats);
    }
    // An English home district only stands in for origin; 户籍所在区 is the district of
    // household registration itself, hence direct.
    assert_proxy("home_district", "hukou_origin", &cats);
    assert_direct("户籍所在区", "hukou_origin", &cats);
}

#[test]
fn demo_chat_mentions_also_point_to_private_communications() {
    let cats = categories();
    let found = matches("union_chat_mentions", &cats);
    let comms = found
        .iter()
        .find(|m| m.category == "private_communications")
        .expect("chat is private communication");
    assert!(comms.confidence < 0.6, "weak term: {comms:?}");
    assert_eq!(found[0].category, "union_collective_activity");
}

#[test]
fn demo_work_measures_are_not_flagged() {
    let cats = categories();
    for name in [
        "units_per_hour",
        "每小时拣货件数",
        "pick_error_rate",
        "拣货差错率",
        "tenure_months",
        "工龄月数",
        "safety_incidents",
        "安全事故次数",
        "training_hours",
        "培训小时数",
        "shift",
        "班次",
        "salary_band",
        "薪资等级",
        "performance_rating",
        "绩效评级",
        "promotions_last_3y",
        "近三年晋升次数",
        "worker_id",
        "工号",
    ] {
        assert_clean(name, &cats);
    }
}

#[test]
fn english_traps_are_not_matched_as_substrings() {
    let cats = categories();
    for name in [
        "page",
        "usage",
        "wage",
        "average",
        "manager",
        "storage",
        "percentage",
        "page_views",
        "average_wage",
        "manager_id",
    ] {
        assert!(!ids(name, &cats).contains(&"age".to_string()), "{name}");
    }
    for name in ["trace", "embrace", "trace_id", "race_condition_count"] {
        assert!(
            !ids(name, &cats).contains(&"race_ethnicity_origin".into()),
            "{name}"
        );
    }
    for name in ["reunion", "union_all", "reunion_count", "UnionAll"] {
        assert!(
            !ids(name, &cats).contains(&"union_collective_activity".into()),
            "{name}"
        );
    }
    assert!(!ids("third_party", &cats).contains(&"political_opinion".into()));
    for name in [
        "health_check",
        "system_health",
        "SystemHealthCheck",
        "endpoint_health",
    ] {
        assert!(!ids(name, &cats).contains(&"health".into()), "{name}");
    }
    for name in ["latency", "flat", "latency_ms", "flat_rate"] {
        assert!(
            !ids(name, &cats).contains(&"location_outside_work".into()),
            "{name}"
        );
    }
    for name in ["sample_weight", "class_weight", "row_height"] {
        assert_clean(name, &cats);
    }
}

#[test]
fn chinese_exclusions_cancel_overlapping_matches() {
    let cats = categories();
    assert!(!ids("民族乐器", &cats).contains(&"race_ethnicity_origin".into()));
    assert!(!ids("系统健康度", &cats).contains(&"health".into()));
    // The exclusion only covers its own position: a real hit elsewhere still counts.
    assert!(ids("民族乐器_民族", &cats).contains(&"race_ethnicity_origin".into()));
}

#[test]
fn every_category_is_reachable_by_name() {
    let cats = categories();
    let examples = [
        ("health", "diagnosis_code"),
        ("disability", "disability_grade"),
        ("infectious_disease_carrier", "HBsAg_result"),
        ("pregnancy_maternity", "pregnancy_due_date"),
        ("genetic", "family_medical_history"),
        ("biometric", "face_embedding"),
        ("emotion_psych_state", "emotion_score"),
        ("physiological_and_rest_breaks", "toilet_visits"),
        ("off_hours_private_life", "weekend_logins_after_hours"),
        ("private_communications", "chat_log_text"),
        ("location_outside_work", "gps_lat"),
        ("union_collective_activity", "union_member"),
        ("political_opinion", "政治面貌"),
        ("religion_belief", "religion"),
        ("race_ethnicity_origin", "EEO1Category"),
        ("sex_gender", "is_female"),
        ("sexual_orientation_sex_life", "sexual_orientation"),
        ("age", "date_of_birth"),
        ("hukou_origin", "hukou_type"),
        ("marital_family_status", "num_children"),
        ("job_search_activity", "linkedin_activity"),
        ("social_media", "instagram_followers"),
        ("criminal_record", "criminal_record"),
        ("financial_status", "credit_score"),
        ("protected_leave_and_rights_exercise", "grievances_filed"),
        ("appearance_physical", "attractiveness_rating"),
        ("minor_data", "child_dob"),
        ("working_time", "overtime_hours"),
    ];
    assert_eq!(examples.len(), cats.len());
    for (category, name) in examples {
        assert_direct(name, category, &cats);
    }
}

#[test]
fn pinyin_matches_whole_tokens_only() {
    let cats = categories();
    let found = matches("minzu", &cats);
    assert_eq!(found[0].category, "race_ethnicity_origin");
    assert_eq!(found[0].lang, TermLang::Pinyin);
    assert!((found[0].confidence - 0.81).abs() < 1e-9);
    assert_eq!(matches("hukou_leixing", &cats)[0].category, "hukou_origin");
    // `minzu` inside another token is not pinyin for 民族.
    assert!(!ids("minzuzhuyi_index", &cats).contains(&"race_ethnicity_origin".into()));
}

#[test]
fn zip_code_is_a_proxy_for_origin() {
    let cats = categories();
    for category in ["race_ethnicity_origin", "hukou_origin", "financial_status"] {
        assert_proxy("home_zip_code", category, &cats);
    }
    let found = matches("ZipCode", &cats);
    assert!(found.iter().all(|m| m.proxy.as_deref() == Some("zip_code")));
}

#[test]
fn description_is_matched_with_lower_confidence() {
    let cats = categories();
    let found = match_column("col_17", Some("Number of sick leave days in 2025"), &cats);
    let health = found
        .iter()
        .find(|m| m.category == "health")
        .expect("health");
    assert_eq!(health.source, MatchSource::Description);
    assert!((health.confidence - 0.95 * 0.8).abs() < 1e-9);
    let found = match_column("病假天数", Some("sick leave days"), &cats);
    let health = found
        .iter()
        .find(|m| m.category == "health")
        .expect("health");
    assert_eq!(health.source, MatchSource::Name);
    assert_eq!(health.lang, TermLang::Zh);
}

#[test]
fn confidence_scale_orders_strong_weak_and_proxy() {
    let cats = categories();
    let strong = matches("ethnicity", &cats)[0].confidence;
    let multi = matches("marital_status", &cats)[0].confidence;
    let weak = matches("single", &cats)[0].confidence;
    let proxy = matches("zip", &cats)[0].confidence;
    assert!((strong - 0.90).abs() < 1e-12);
    assert!((multi - 0.95).abs() < 1e-12);
    assert!((weak - 0.50).abs() < 1e-12);
    assert!((proxy - 0.60).abs() < 1e-12);
    for m in matches("gender_age_zip_dob", &cats) {
        assert!((0.0..=1.0).contains(&m.confidence), "{m:?}");
    }
}

#[test]
fn one_match_per_category_direct_before_proxy() {
    let cats = categories();
    let found = matches("home_address_gps_lat", &cats);
    let location: Vec<&NameMatch> = found
        .iter()
        .filter(|m| m.category == "location_outside_work")
        .collect();
    assert_eq!(location.len(), 1);
    assert_eq!(location[0].kind, MatchKind::Direct);
}

#[test]
fn empty_and_symbol_names_match_nothing() {
    let cats = categories();
    assert_clean("", &cats);
    assert_clean("___", &cats);
    assert_clean("12345", &cats);
    assert!(match_column("x", Some("   "), &cats).is_empty());
}

#[test]
fn issue_16_misses_are_caught_in_english_as_in_chinese() {
    let cats = categories();
    for name in [
        "app_minutes_after_shift",
        "messages_after_shift",
        "post_shift_app_minutes",
        "PostShiftMsgs",
        "off_shift_logins",
        "outside_shift_hours_calls",
        "下班后消息数",
        "xiabanhou_zaixian",
    ] {
        assert_direct(name, "off_hours_private_life", &cats);
    }
    for name in [
        "doctor_note_count",
        "covid_test_result",
        "核酸检测结果",
        "病假条数量",
    ] {
        assert_direct(name, "health", &cats);
    }
    for name in ["recruiter_site_minutes", "招聘网站访问"] {
        assert_direct(name, "job_search_activity", &cats);
    }
    // Their ordinary neighbours stay clean.
    for name in [
        "shift_start_hour",
        "product_test_result",
        "restrooms_cleaned",
        "units_picked_per_hour_over_4_weeks",
        "site_visits",
        "recruiter_id",
        "hiring_recruiter_name",
        "blog_posts_written",
    ] {
        assert_clean(name, &cats);
    }
}
