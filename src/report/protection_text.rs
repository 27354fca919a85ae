//! The words of the data-protection review: one sentence per finding, the names of the data
//! classes and of the coarsening steps, in English and Chinese. The review itself returns
//! codes and numbers (`screen::protection`).

use crate::audit::Audit;
use crate::i18n::Lang;
use crate::screen::identifiability::coarsen::Action;
use crate::screen::protection::ProtectionCode as C;
use crate::screen::protection::ProtectionFinding;
use crate::screen::protection::classify::DataClass;
use crate::tr;

/// Column names from the data, quoted and joined: 'sex', 'age_band' and 'shift'.
pub fn names(cols: &[String], l: Lang) -> String {
    let q: Vec<String> = cols.iter().map(|c| l.quote(c)).collect();
    match (l, q.split_last()) {
        (_, None) => String::new(),
        (_, Some((last, []))) => last.clone(),
        (Lang::En, Some((last, rest))) => format!("{} and {last}", rest.join(", ")),
        (Lang::Zh, Some((last, rest))) => format!("{}和{last}", rest.join("、")),
    }
}

/// The category's label in the report's language, from the screening of that column.
fn category_label(a: &Audit, column: &str, category: Option<&str>) -> String {
    let l = a.spec.lang;
    a.screen
        .iter()
        .flat_map(|s| &s.findings)
        .find(|f| f.column == column && Some(f.category.as_str()) == category)
        .map(|f| match l {
            Lang::Zh if !f.category_label_zh.is_empty() => f.category_label_zh.clone(),
            _ => f.category_label_en.to_lowercase(),
        })
        .or_else(|| category.map(|c| c.replace('_', " ")))
        .unwrap_or_default()
}

/// A class's name for people.
pub fn class_name(c: DataClass, l: Lang) -> &'static str {
    match c {
        DataClass::DirectIdentifier => l.pick("direct identifier", "直接标识符"),
        DataClass::Sensitive => l.pick("sensitive personal information", "敏感个人信息"),
        DataClass::ProhibitedOrRestricted => {
            l.pick("prohibited or restricted input", "禁止或受限制的输入")
        }
        DataClass::ProtectedAttribute => l.pick("protected attribute", "受保护属性"),
        DataClass::Proxy => l.pick(
            "stands in for a protected attribute (proxy)",
            "受保护属性的替代变量",
        ),
        DataClass::QuasiIdentifier => l.pick(
            "indirect identifier (quasi-identifier)",
            "间接标识符（准标识符）",
        ),
        DataClass::AlgorithmOutput => l.pick("algorithm output or outcome", "算法输出或结果"),
        DataClass::WorkMeasure => l.pick("ordinary work measure", "一般工作指标"),
    }
}

/// A coarsening step for people.
pub fn action_text(action: &Action, l: Lang) -> String {
    match action {
        Action::AsIs => l.pick("kept as given", "保持原样").into(),
        Action::Removed => l.pick("left out of the table", "从表中删除").into(),
        Action::Bands { bands } => {
            let list: Vec<String> = bands
                .iter()
                .map(|b| match (b.from, b.to) {
                    (None, Some(t)) => tr!(l, "up to {t}", "{t} 及以下"),
                    (Some(f), None) => tr!(l, "{f} or more", "{f} 及以上"),
                    (Some(f), Some(t)) if f == t => format!("{f}"),
                    (Some(f), Some(t)) => format!("{f}–{t}"),
                    (None, None) => l.pick("all", "全部").to_string(),
                })
                .collect();
            let n = bands.len();
            tr!(
                l,
                "{n} bands: {}",
                "分为 {n} 段：{}",
                list.join(l.pick(", ", "、"))
            )
        }
        Action::MergeRare {
            below_share,
            merged,
        } => {
            let share = crate::report::num(Some(below_share * 100.0));
            let list: Vec<String> = merged
                .iter()
                .map(|m| {
                    if m.is_empty() {
                        l.pick("(missing)", "（缺失）").to_string()
                    } else {
                        crate::i18n::group(m, l)
                    }
                })
                .collect();
            tr!(
                l,
                "categories held by less than {share} % of workers merged into one: {}",
                "将占比不足 {share}% 的类别合并为一类：{}",
                list.join(l.pick(", ", "、"))
            )
        }
    }
}

/// One sentence for a data-protection finding.
pub fn sentence(a: &Audit, f: &ProtectionFinding) -> String {
    let l = a.spec.lang;
    let cols = names(&f.columns, l);
    let col = f.column.as_deref().map(|c| l.quote(c)).unwrap_or_default();
    let n = f.workers.unwrap_or(0);
    let k = f.min_k.unwrap_or(0);
    match f.code {
        C::SingledOut => {
            let (m, t) = (
                f.combinations_singling_out.unwrap_or(0),
                f.combinations.unwrap_or(0),
            );
            let fix = match f.coarsening_reached {
                Some(true) => tr!(
                    l,
                    " The data-protection section proposes a coarsening that gives every group of every combination of up to three of these columns at least {k} workers.",
                    "数据保护一节提出了一种粗化方案，可使这些列中最多三列的每种组合里的每个组都至少有 {k} 人。"
                ),
                Some(false) => tr!(
                    l,
                    " No coarsening Candor searched gives every group of every combination of up to three of these columns {k} workers.",
                    "Candor 搜索的粗化方案都无法使这些列中最多三列的每种组合里的每个组都达到 {k} 人。"
                ),
                None => String::new(),
            };
            tr!(
                l,
                "{n} workers are the only ones with their values of {cols}: anyone who knows these facts about a colleague can find that colleague's row in the table ({m} of the {t} combinations of up to three of the columns examined single somebody out).{fix}",
                "仅凭{cols}的取值，就有 {n} 名劳动者是唯一的：知道同事这些信息的人即可在表中找到该同事所在的行（所检查的列中，最多三列的 {t} 种组合里有 {m} 种能单独识别出某人）。{fix}"
            )
        }
        C::BelowMinK => tr!(
            l,
            "Nobody is alone, but {n} workers share their combination of {cols} with fewer than {k} workers in all.",
            "没有人是唯一的，但有 {n} 名劳动者所在的{cols}取值组合总共不足 {k} 人。"
        ),
        C::Homogeneous => {
            let c = f.classes.unwrap_or(0);
            let m = f.modal_classes.unwrap_or(0);
            let base = tr!(
                l,
                "{cols} reveal {col}: in {c} groups of at least {k} workers who share these values ({n} workers in all), everyone has the same {col}, so whoever knows a colleague's {cols} learns it, although the groups are large enough (l-diversity 1).",
                "{cols}会泄露{col}：在 {c} 个取值相同、至少 {k} 人的组中（共 {n} 人），所有人的{col}都相同，因此尽管这些组人数足够，知道同事{cols}的人仍能得知其{col}（l 多样性为 1）。"
            );
            let modal = if m == 0 {
                String::new()
            } else if m == c {
                tr!(
                    l,
                    " In every one of these groups the shared value is the most common value of {col} in the whole table (often none at all): this tells little beyond what is true of most workers, but it does tell it for certain.",
                    "这些组共有的取值全部是整张表中{col}最常见的取值（常常是零）：除大多数劳动者的共同情况外透露不多，但确定无疑。"
                )
            } else {
                tr!(
                    l,
                    " In {m} of these groups the shared value is the most common value of {col} in the whole table (often none at all), which tells little beyond what is true of most workers; in the other {rest} it is a less common value.",
                    "其中 {m} 个组共有的取值是整张表中{col}最常见的取值（常常是零），除大多数劳动者的共同情况外透露不多；其余 {rest} 个组共有的是较少见的取值。",
                    rest = c - m
                )
            };
            base + &modal
        }
        C::HealthOtherPurpose | C::SensitiveOtherPurpose => {
            let purpose = f.purpose.as_deref().map(|p| l.quote(p)).unwrap_or_default();
            let label = category_label(
                a,
                f.column.as_deref().unwrap_or_default(),
                f.category.as_deref(),
            );
            let what = if f.code == C::HealthOtherPurpose {
                if f.epidemic {
                    l.pick(
                        "health data collected for epidemic control",
                        "为防疫而收集的健康信息",
                    )
                    .to_string()
                } else {
                    l.pick("health data", "健康信息").to_string()
                }
            } else {
                tr!(
                    l,
                    "sensitive personal information ({label})",
                    "敏感个人信息（{label}）"
                )
            };
            tr!(
                l,
                "{col} is {what}, collected for {purpose}, and it is in the data of this decision about workers, a different purpose: its purpose does not cover this decision. Take it out of the data of this decision; keep it only for its own purpose (and for as long as an audit or a dispute about it is open).",
                "{col}属于{what}，是为{purpose}而收集的，却出现在本项针对劳动者的决定所用的数据中，这是另一目的：其收集目的不涵盖本项决定。应将其从本项决定的数据中移除；仅为其原有目的保留（审计或相关争议进行期间亦应保留）。"
            )
        }
        C::NotUsed => tr!(
            l,
            "{col} is collected and handed to the algorithm, which does not measurably rely on it: collected, not needed for the stated purpose. Stop collecting it for this decision and delete what was collected for it, once no audit or dispute about the decision is open.",
            "{col}被收集并提供给算法，但未测出算法依赖它：已收集，但并非所述目的所需。应停止为本项决定收集该信息，并在有关该决定的审计或争议结束后删除为此收集的数据。"
        ),
    }
}
