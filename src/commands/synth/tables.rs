//! Column names and category labels: [English, Chinese].

use super::dataset::Lang;

/// Column `[en, zh]` of a name table.
pub(super) fn idx(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    }
}

pub(super) const WAREHOUSE_COLUMNS: [[&str; 2]; 22] = [
    ["worker_id", "工号"],
    ["sex", "性别"],
    ["age_band", "年龄段"],
    ["hukou", "户口类型"],
    ["ethnicity", "民族"],
    ["disability", "残疾"],
    ["shift", "班次"],
    ["tenure_months", "工龄月数"],
    ["units_per_hour", "每小时拣货件数"],
    ["pick_error_rate", "拣货差错率"],
    ["safety_incidents", "安全事故次数"],
    ["training_hours", "培训小时数"],
    ["sick_leave_days", "病假天数"],
    ["bathroom_break_minutes", "如厕分钟数"],
    ["after_hours_messages", "下班后消息数"],
    ["last_message_at", "最后消息时间"],
    ["job_site_visits", "其他工地到访次数"],
    ["union_chat_mentions", "工会群聊提及次数"],
    ["home_district", "居住区"],
    ["performance_score", "绩效分"],
    ["flagged_for_termination_review", "列入解雇审查"],
    ["confirmed_underperformance", "复核确认绩效不足"],
];

pub(super) const ATTRITION_COLUMNS: [[&str; 2]; 20] = [
    ["employee_id", "员工编号"],
    ["sex", "性别"],
    ["age_band", "年龄段"],
    ["hukou", "户口类型"],
    ["ethnicity", "民族"],
    ["disability", "残疾"],
    ["marital_status", "婚姻状况"],
    ["tenure_months", "工龄月数"],
    ["salary_band", "薪资等级"],
    ["overtime_hours_month", "月加班小时数"],
    ["performance_rating", "绩效评级"],
    ["promotions_last_3y", "近三年晋升次数"],
    ["commute_km", "通勤公里数"],
    ["job_board_visits", "招聘网站访问次数"],
    ["personal_social_media_posts", "个人社交媒体发帖数"],
    ["maternity_leave_days", "产假天数"],
    ["union_chat_mentions", "工会群聊提及次数"],
    ["flight_risk_score", "离职风险分"],
    ["flight_risk_flag", "离职风险标记"],
    ["left_within_12_months", "十二个月内离职"],
];

pub(super) const COURIER_COLUMNS: [[&str; 2]; 18] = [
    ["courier_id", "骑手编号"],
    ["sex", "性别"],
    ["age_band", "年龄段"],
    ["hukou", "户口类型"],
    ["ethnicity", "民族"],
    ["disability", "残疾"],
    ["station", "站点"],
    ["tenure_months", "工龄月数"],
    ["deliveries_per_week", "每周配送单数"],
    ["on_time_rate", "准时率"],
    ["customer_complaints", "顾客投诉次数"],
    ["cancelled_orders", "取消订单数"],
    ["sick_days", "病假天数"],
    ["home_distance_km", "住处距离公里数"],
    ["union_chat_mentions", "工会群聊提及次数"],
    ["risk_score", "风险分"],
    ["deactivation_review", "列入停用审查"],
    ["violation_confirmed", "复核确认违规"],
];

pub(super) const SEX: [[&str; 2]; 2] = [["Female", "女"], ["Male", "男"]];
pub(super) const AGE_BAND: [[&str; 2]; 3] =
    [["18-29", "18-29"], ["30-44", "30-44"], ["45+", "45+"]];
pub(super) const HUKOU: [[&str; 2]; 2] = [["urban", "城镇"], ["rural", "农村"]];
pub(super) const ETHNICITY: [[&str; 2]; 6] = [
    ["Han", "汉族"],
    ["Zhuang", "壮族"],
    ["Hui", "回族"],
    ["Uyghur", "维吾尔族"],
    ["Yi", "彝族"],
    ["Tibetan", "藏族"],
];
pub(super) const YES_NO: [[&str; 2]; 2] = [["yes", "是"], ["no", "否"]];
pub(super) const SHIFT: [[&str; 2]; 2] = [["day", "白班"], ["night", "夜班"]];
pub(super) const MARITAL: [[&str; 2]; 3] = [
    ["single", "未婚"],
    ["married", "已婚"],
    ["divorced", "离异"],
];
