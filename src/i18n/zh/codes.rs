//! The Chinese texts of the codes area (keys `codes.…`).

/// The template of `key`, if this area holds it.
pub(super) fn template(key: &str) -> Option<&'static str> {
    match key {
        "codes.review" => Some("待复核"),
        "codes.low" => Some("低"),
        "codes.medium" => Some("中"),
        "codes.high" => Some("高"),
        "codes.prohibited_must_not_used" => Some("禁止使用"),
        "codes.disparity" => Some("群体差异"),
        "codes.error_rate_disparity" => Some("错误率差异"),
        "codes.attribute" => Some("群体属性"),
        "codes.prohibited_restricted_input" => Some("禁止或受限制的输入"),
        "codes.possible_proxy_protected_trait" => Some("可能替代受保护特征的代理变量"),
        "codes.purpose_limitation" => Some("目的限制"),
        "codes.retention" => Some("存储期限"),
        "codes.identifiability" => Some("可识别性"),
        "codes.data_minimisation" => Some("数据最小化"),
        _ => None,
    }
}
