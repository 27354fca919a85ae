//! Direct identifiers recognised by a column's name: a phone number, an e-mail address, a
//! person's name, an identity-document number, an employee number, an account or a plate.
//!
//! Rules (text only, no data):
//!
//! * English and pinyin names are tokenised like the lexicons ([`super::tokenize`]). A name is
//!   an identifier when **every** token belongs to the identifier's vocabulary: one core term
//!   (`phone`, `mobile`, `email`, `name`, `ssn`, `passport`, ...) plus optional qualifiers
//!   (`work`, `personal`, `employee`, `first`, `no`, `number`, ...). So `mobile_no`,
//!   `Work_Email_Address` and `Legal_Name_First` are identifiers, while `phone_calls_handled`,
//!   `mobile_app_orders`, `email_response_time`, `team_name` and `child_name` are not: one
//!   token outside the vocabulary (a measure, another person, another thing) is enough.
//! * Chinese names are identifiers when the Chinese text, without a trailing `号码`/`号`/`码`,
//!   is one of a closed list (`手机`, `电话`, `联系电话`, `邮箱`, `姓名`, `身份证`, `工号`, ...):
//!   whole-name, so `下班后接听电话` (calls answered after work) and `子女姓名` are not.
//!
//! Content (the values themselves: 11-digit mainland mobile numbers, e-mail addresses, resident
//! ID numbers) is recognised by [`identifier_by_values`].

use serde::Serialize;

use super::tokenize;

/// What a direct identifier identifies a person by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// A person's name.
    PersonName,
    /// An identity-document number: resident ID, social-security number, passport.
    NationalId,
    /// An employee, staff or worker number.
    EmployeeNumber,
    /// Another account or object tied to one person: messaging account, vehicle plate.
    Account,
}

/// Qualifiers any identifier may carry (whose number, which one, how written).
const QUALIFIERS: &[&str] = &[
    "employee",
    "emp",
    "staff",
    "worker",
    "personal",
    "private",
    "work",
    "home",
    "business",
    "office",
    "contact",
    "primary",
    "secondary",
    "main",
    "legal",
    "official",
    "no",
    "nr",
    "nbr",
    "num",
    "number",
    "hao",
    "haoma",
];

/// Core terms (single tokens or token pairs) and the extra tokens allowed with them.
const PHONE: &[&str] = &[
    "phone",
    "mobile",
    "tel",
    "telephone",
    "cellphone",
    "msisdn",
    "shouji",
    "dianhua",
];
const PHONE_EXTRA: &[&str] = &["cell"];
const EMAIL: &[&str] = &["email", "mail", "youxiang"];
const EMAIL_EXTRA: &[&str] = &["e", "address", "addr"];
const NAME: &[&str] = &["name", "surname", "forename", "xingming"];
const NAME_EXTRA: &[&str] = &[
    "first",
    "last",
    "middle",
    "given",
    "family",
    "full",
    "preferred",
    "display",
];
const NATIONAL: &[&str] = &["ssn", "passport", "shenfenzheng", "sfz", "nric"];
const NATIONAL_EXTRA: &[&str] = &[
    "national",
    "id",
    "identity",
    "card",
    "resident",
    "social",
    "security",
    "insurance",
];
/// Whose number (an employee-number column names its holder's role) and the number words.
const HOLDER: &[&str] = &[
    "employee",
    "emp",
    "staff",
    "worker",
    "personnel",
    "payroll",
    "courier",
    "rider",
    "driver",
    "agent",
    "associate",
    "user",
    "person",
    "yuangong",
];
const NUMBER: &[&str] = &[
    "id", "no", "nr", "nbr", "num", "number", "code", "bianhao", "gonghao",
];
const ACCOUNT: &[&str] = &["wechat", "weixin", "qq", "plate"];
const ACCOUNT_EXTRA: &[&str] = &["id", "license", "licence", "account", "handle"];

/// Chinese whole names (after dropping a trailing 号码, 号 or 码).
const ZH: &[(&str, IdentifierKind)] = &[
    ("手机", IdentifierKind::Phone),
    ("手机号", IdentifierKind::Phone),
    ("电话", IdentifierKind::Phone),
    ("联系电话", IdentifierKind::Phone),
    ("移动电话", IdentifierKind::Phone),
    ("联系方式", IdentifierKind::Phone),
    ("邮箱", IdentifierKind::Email),
    ("电子邮箱", IdentifierKind::Email),
    ("电子邮件", IdentifierKind::Email),
    ("邮件地址", IdentifierKind::Email),
    ("邮箱地址", IdentifierKind::Email),
    ("姓名", IdentifierKind::PersonName),
    ("员工姓名", IdentifierKind::PersonName),
    ("名字", IdentifierKind::PersonName),
    ("身份证", IdentifierKind::NationalId),
    ("公民身份", IdentifierKind::NationalId),
    ("护照", IdentifierKind::NationalId),
    ("社保", IdentifierKind::NationalId),
    ("工", IdentifierKind::EmployeeNumber),
    ("员工编", IdentifierKind::EmployeeNumber),
    ("员工", IdentifierKind::EmployeeNumber),
    ("职工编", IdentifierKind::EmployeeNumber),
    ("微信", IdentifierKind::Account),
    ("车牌", IdentifierKind::Account),
];

/// Whether every token is in `core ∪ extra ∪ QUALIFIERS` and at least one is in `core`.
fn all_within(tokens: &[String], core: &[&str], extra: &[&str]) -> bool {
    tokens.iter().any(|t| core.contains(&t.as_str()))
        && tokens.iter().all(|t| {
            core.contains(&t.as_str())
                || extra.contains(&t.as_str())
                || QUALIFIERS.contains(&t.as_str())
        })
}

/// The direct identifier a column's name announces, if any.
pub fn identifier_kind(name: &str) -> Option<IdentifierKind> {
    let text = super::normalize(name);
    if text.chars().any(super::is_cjk) {
        // Whole-name only, and only when the name is all Chinese.
        if text
            .chars()
            .any(|c| c.is_alphanumeric() && !super::is_cjk(c))
        {
            return None;
        }
        let cjk: String = text.chars().filter(|&c| super::is_cjk(c)).collect();
        let core = ["号码", "号", "码"]
            .iter()
            .find_map(|s| cjk.strip_suffix(s))
            .unwrap_or(&cjk);
        return ZH
            .iter()
            .find(|(t, _)| *t == core || *t == cjk)
            .map(|&(_, k)| k);
    }
    let tokens = tokenize(name);
    let has = |list: &[&str]| tokens.iter().any(|t| list.contains(&t.as_str()));
    let employee_number = (has(HOLDER) && has(NUMBER) && all_within(&tokens, NUMBER, HOLDER))
        || tokens.first().is_some_and(|t| t == "gonghao") && all_within(&tokens, NUMBER, &[]);
    if tokens.is_empty() {
        None
    } else if all_within(&tokens, PHONE, PHONE_EXTRA) {
        Some(IdentifierKind::Phone)
    } else if all_within(&tokens, EMAIL, EMAIL_EXTRA) && tokens.iter().any(|t| t != "mail") {
        Some(IdentifierKind::Email)
    } else if all_within(&tokens, NAME, NAME_EXTRA) {
        Some(IdentifierKind::PersonName)
    } else if all_within(&tokens, NATIONAL, NATIONAL_EXTRA) || national_pair(&tokens) {
        Some(IdentifierKind::NationalId)
    } else if employee_number {
        Some(IdentifierKind::EmployeeNumber)
    } else if all_within(&tokens, ACCOUNT, ACCOUNT_EXTRA) {
        Some(IdentifierKind::Account)
    } else {
        None
    }
}

/// `national_id`, `id_card`, `resident_id`, `identity_card`: pairs without a single core word.
fn national_pair(tokens: &[String]) -> bool {
    let has = |w: &str| tokens.iter().any(|t| t == w);
    let pair = (has("national") && has("id"))
        || (has("id") && has("card"))
        || (has("identity") && has("card"))
        || (has("resident") && has("id"))
        || (has("social") && has("security"))
        || (has("national") && has("insurance"));
    pair && all_within(
        tokens,
        &["id", "card", "security", "insurance"],
        NATIONAL_EXTRA,
    )
}

/// Share of distinct values that must have an identifier's shape before the column is taken
/// for one (a few stray values, such as `unknown`, do not hide it).
const VALUE_SHARE: f64 = 0.9;
/// Fewest distinct shaped values: three phone numbers could be extension codes.
const VALUE_MIN: usize = 5;

/// The direct identifier a column's values show, if any: mainland mobile numbers (11 digits
/// starting 13–19, optionally after `+86`/`86` and with spaces or dashes), e-mail addresses,
/// or PRC resident ID numbers with a valid check digit. Needs at least 5 distinct shaped values
/// making up at least 90% of the distinct non-empty values; takes the distinct values with
/// their counts, as the content layer reads them.
pub fn identifier_by_values(values: &[(String, u64)]) -> Option<IdentifierKind> {
    let present: Vec<&str> = values
        .iter()
        .map(|(v, _)| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    type Check = (IdentifierKind, fn(&str) -> bool);
    let checks: [Check; 3] = [
        (IdentifierKind::Phone, is_mobile_number),
        (IdentifierKind::Email, is_email),
        (
            IdentifierKind::NationalId,
            crate::screen::content::is_cn_resident_id,
        ),
    ];
    checks.into_iter().find_map(|(kind, check)| {
        let shaped = present.iter().filter(|v| check(v)).count();
        (shaped >= VALUE_MIN && shaped as f64 >= VALUE_SHARE * present.len() as f64).then_some(kind)
    })
}

/// An 11-digit mainland mobile number (`1[3-9]` then 9 digits), optionally after `+86`/`86`,
/// with spaces or dashes between digit groups.
pub fn is_mobile_number(value: &str) -> bool {
    let digits: String = value.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = digits.strip_prefix('+').unwrap_or(&digits);
    let digits = match digits.len() {
        13 => digits.strip_prefix("86").unwrap_or(digits),
        _ => digits,
    };
    let b = digits.as_bytes();
    b.len() == 11
        && b.iter().all(u8::is_ascii_digit)
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
}

/// A plain e-mail address: one `@`, a non-empty local part without spaces, and a domain with a
/// dot between non-empty labels.
pub fn is_email(value: &str) -> bool {
    let mut parts = value.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && !value.contains(char::is_whitespace)
        && domain.contains('.')
        && domain
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_names_are_recognised() {
        for (name, kind) in [
            ("phone", IdentifierKind::Phone),
            ("mobile_no", IdentifierKind::Phone),
            ("Personal_Phone", IdentifierKind::Phone),
            ("手机号", IdentifierKind::Phone),
            ("联系电话", IdentifierKind::Phone),
            ("Work_Email_Address", IdentifierKind::Email),
            ("e_mail", IdentifierKind::Email),
            ("邮箱", IdentifierKind::Email),
            ("Legal_Name_First", IdentifierKind::PersonName),
            ("姓名", IdentifierKind::PersonName),
            ("身份证号", IdentifierKind::NationalId),
            ("id_card_number", IdentifierKind::NationalId),
            ("ssn", IdentifierKind::NationalId),
            ("employee_id", IdentifierKind::EmployeeNumber),
            ("工号", IdentifierKind::EmployeeNumber),
            ("微信号", IdentifierKind::Account),
        ] {
            assert_eq!(identifier_kind(name), Some(kind), "{name}");
        }
    }

    fn counted(values: &[&str]) -> Vec<(String, u64)> {
        values.iter().map(|v| (v.to_string(), 1)).collect()
    }

    #[test]
    fn identifier_values_are_recognised_by_shape() {
        let phones = counted(&[
            "13812345678",
            "+86 139 1234 5678",
            "86-150-0000-1111",
            "18600001111",
            "17712345678",
        ]);
        assert_eq!(identifier_by_values(&phones), Some(IdentifierKind::Phone));
        let mails = counted(&["a@x.cn", "b.c@y.com", "d@z.org", "e@x.cn", "f@x.cn", ""]);
        assert_eq!(identifier_by_values(&mails), Some(IdentifierKind::Email));
        // Four phones are too few; numbers of 11 digits starting 12 are not mobiles.
        assert_eq!(identifier_by_values(&phones[..4]), None);
        let counts = counted(&[
            "12345678901",
            "12000000000",
            "12999999999",
            "12111111111",
            "12222222222",
        ]);
        assert_eq!(identifier_by_values(&counts), None);
        // 4 of 5 shaped values (80%) is under the 90% share.
        let mixed = counted(&[
            "13812345678",
            "13812345679",
            "13812345670",
            "13812345671",
            "n/a",
            "x",
        ]);
        assert_eq!(identifier_by_values(&mixed), None);
        assert!(!is_email("a@b"));
        assert!(!is_email("a b@c.cn"));
        assert!(!is_email("@c.cn"));
        assert!(!is_mobile_number("1381234567"));
    }

    #[test]
    fn measures_sharing_a_word_with_an_identifier_are_not_identifiers() {
        for name in [
            "phone_calls_handled",
            "mobile_app_orders",
            "phone_model",
            "email_response_time",
            "team_name",
            "child_name",
            "子女姓名",
            "下班后接听电话",
            "产品名称",
            "store_id",
            "id",
            "tenure_months",
        ] {
            assert_eq!(identifier_kind(name), None, "{name}");
        }
    }
}
