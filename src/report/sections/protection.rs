//! Data protection: the review's findings (identifiability, minimisation) with their numbers,
//! the combinations that single workers out, what classes disclose, the proposed coarsening,
//! and the class of every column with its evidence and legal basis.

use crate::audit::{AnyFinding, Audit};
use crate::i18n::{Lang, pct};
use crate::report::doc::{DocTable, Section};
use crate::report::protection_text::{action_text, class_name, names};
use crate::screen::identifiability::Identifiability;
use crate::screen::protection::ProtectionCode;
use crate::screen::protection::classify::ColumnClass;
use crate::tr;

use super::cells::{FindingIds, headers};
use super::finding_id;

/// Rows of the combinations table: the worst, as many.
const SHOWN: usize = 12;

pub(super) fn protection_section(a: &Audit, ids: &FindingIds) -> Option<Section> {
    let l = a.spec.lang;
    let p = a.protection.as_ref()?;
    let mut s = Section::new("protection", l.pick("Data protection", "数据保护"));
    s.para(l.pick(
        "Whether the table handed over for this decision identifies workers beyond what its purpose needs, what kind of information each column holds, and which inputs the purpose does not need. Counts only: no worker's values are shown.",
        "为本项决定提供的数据表是否超出目的所需地识别了劳动者，每一列属于哪类信息，以及哪些输入并非该目的所需。此处只给出人数，不显示任何劳动者的取值。",
    ));
    findings_table(a, ids, &mut s);
    if let Some(id) = &p.identifiability {
        identifiability(a, id, &mut s);
    }
    classes_table(a, &p.columns, &mut s);
    Some(s)
}

fn findings_table(a: &Audit, ids: &FindingIds, s: &mut Section) {
    let l = a.spec.lang;
    let mut t = DocTable::new(
        "t-protection",
        l.pick(
            "Data-protection findings, worst first",
            "数据保护方面的发现（按严重程度排列）",
        ),
        headers(
            l,
            &["Finding", "About", "Columns", "Workers", "What to do"],
            &["发现", "事项", "列", "涉及人数", "应采取的措施"],
        ),
    );
    for (i, f) in a.findings.iter().enumerate() {
        let AnyFinding::Protection(f) = f else {
            continue;
        };
        let cols = match &f.column {
            Some(c) if f.columns.is_empty() => l.quote(c),
            Some(c) => tr!(
                l,
                "{} by {}",
                "{}（经由{}）",
                l.quote(c),
                names(&f.columns, l)
            ),
            None => names(&f.columns, l),
        };
        let (about, todo) = match f.code {
            ProtectionCode::SingledOut => (
                l.pick("workers singled out", "可单独识别出劳动者"),
                l.pick(
                    "coarsen or remove the columns (see below) before handing the table over",
                    "在提供数据表之前对这些列进行粗化或删除（见下文）",
                ),
            ),
            ProtectionCode::BelowMinK => (
                l.pick("small groups", "小组"),
                l.pick(
                    "coarsen the columns (see below)",
                    "对这些列进行粗化（见下文）",
                ),
            ),
            ProtectionCode::Homogeneous => (
                l.pick("a sensitive input disclosed", "敏感输入被泄露"),
                l.pick(
                    "coarsen the columns or remove the sensitive input",
                    "对这些列进行粗化，或删除该敏感输入",
                ),
            ),
            ProtectionCode::HealthOtherPurpose => (
                l.pick(
                    "health data used beyond its purpose",
                    "健康信息超出目的使用",
                ),
                l.pick(
                    "take it out of this decision's data; keep it only for its own purpose",
                    "将其从本项决定的数据中移除；仅为其原有目的保留",
                ),
            ),
            ProtectionCode::SensitiveOtherPurpose => (
                l.pick(
                    "sensitive data used beyond its purpose",
                    "敏感信息超出目的使用",
                ),
                l.pick(
                    "take it out of this decision's data; keep it only for its own purpose",
                    "将其从本项决定的数据中移除；仅为其原有目的保留",
                ),
            ),
            ProtectionCode::NotUsed => (
                l.pick("collected, not needed", "已收集但不需要"),
                l.pick(
                    "stop collecting it for this decision; delete it once no audit or dispute is open",
                    "停止为本项决定收集；在审计或争议结束后删除",
                ),
            ),
        };
        t.push_with_id(
            ids.ids[i].clone(),
            vec![
                tr!(l, "{} ({})", "{}（{}）", finding_id(i), f.severity.text(l)),
                about.into(),
                cols,
                f.workers.map_or("–".into(), |n| n.to_string()),
                todo.into(),
            ],
        );
    }
    if !t.rows.is_empty() {
        s.table(t);
    }
}

fn identifiability(a: &Audit, id: &Identifiability, s: &mut Section) {
    let l = a.spec.lang;
    let (k, rows) = (id.min_k, id.rows);
    let qi = names(
        &id.quasi_identifiers
            .iter()
            .map(|q| q.column.clone())
            .collect::<Vec<_>>(),
        l,
    );
    s.para(tr!(
        l,
        "Identifiability. The columns a person could know about a colleague (quasi-identifiers): {qi}. Workers who share the values of a combination of them form a group; a worker alone in their group (k = 1) can be picked out by anyone who knows those facts. Every combination of one, two and three of them was counted on all {rows} rows, and all of them together; a group of fewer than {k} workers is too small (k-anonymity, Sweeney 2002). Numeric columns are taken with their exact values.",
        "可识别性。他人可能知道的同事信息所对应的列（准标识符）：{qi}。在这些列的某种组合上取值相同的劳动者构成一组；组中只有一人（k = 1）的劳动者，可被知道这些信息的任何人认出。我们在全部 {rows} 行上统计了其中一列、两列、三列的每种组合，以及全部列合在一起的情况；不足 {k} 人的组被视为过小（k-匿名，Sweeney 2002）。数值列按其精确取值计算。"
    ));
    let mut t = DocTable::new(
        "t-identifiability",
        l.pick(
            "Combinations with groups that are too small, worst first",
            "存在人数过少之组的列组合（按严重程度排列）",
        ),
        headers(
            l,
            &[
                "Columns",
                "Groups",
                "Workers alone (k = 1)",
                "Smallest group (k)",
                "Workers in groups below the threshold",
            ],
            &[
                "列",
                "组数",
                "唯一的劳动者（k = 1）",
                "最小组人数（k）",
                "所在组低于门槛的劳动者",
            ],
        ),
    );
    let row = |c: &crate::screen::identifiability::Combination| {
        vec![
            names(&c.columns, l),
            c.classes.to_string(),
            c.unique_workers.to_string(),
            c.smallest_k.map_or("–".into(), |k| k.to_string()),
            tr!(
                l,
                "{} ({})",
                "{}（{}）",
                c.rows_below_min_k,
                pct(c.share_below_min_k, l)
            ),
        ]
    };
    // All of them together, when that is more than a combination already listed.
    if let Some(all) = id
        .all
        .as_ref()
        .filter(|_| id.quasi_identifiers.len() > crate::screen::identifiability::MAX_COMBINATION)
    {
        let mut r = row(all);
        r[0] = tr!(l, "all together: {}", "全部合在一起：{}", r[0]);
        t.push(r);
    }
    for c in id
        .combinations
        .iter()
        .filter(|c| c.rows_below_min_k > 0)
        .take(SHOWN)
    {
        t.push(row(c));
    }
    let below = id
        .combinations
        .iter()
        .filter(|c| c.rows_below_min_k > 0)
        .count();
    let total = id.combinations.len();
    s.para(tr!(
        l,
        "Combinations of up to three columns with a group of fewer than {k} workers: {below} of {total}; the table shows the worst {} of them (by workers in too-small groups; a combination can have such groups without anyone being alone), after all the columns together when there are more than three.",
        "在最多三列的 {total} 种组合中，有 {below} 种存在不足 {k} 人的组；下表列出其中最严重的 {} 种（按处于过小组的人数排列；一种组合可能存在过小的组而没有人是唯一的），列数多于三列时先列出全部列合在一起的情况。",
        below.min(SHOWN)
    ));
    s.table(t);
    if !id.sensitive.is_empty() {
        let sens = names(&id.sensitive, l);
        s.para(tr!(
            l,
            "Disclosure of sensitive inputs ({sens}): a group of two or more workers in which everyone has the same value discloses that value to anyone who knows a member's group (distinct l-diversity 1; Machanavajjhala et al. 2007), even when the group is large enough. The table shows, for each input, the three combinations with the most workers in such groups of at least the threshold; audit.json (under 'protection') lists every combination.",
            "敏感输入的泄露（{sens}）：若一个由两名及以上劳动者组成的组中所有人取值相同，则知道其中某人属于该组的人就能得知这一取值（l 多样性为 1；Machanavajjhala 等，2007），即使该组人数足够多。下表对每个敏感输入列出此类达到门槛人数的组中人数最多的三种组合；audit.json 列出全部组合。"
        ));
        let mut h = DocTable::new(
            "t-homogeneity",
            l.pick(
                "Groups in which everyone has the same sensitive value",
                "所有人敏感取值都相同的组",
            ),
            headers(
                l,
                &[
                    "Sensitive input",
                    "Revealed by",
                    "Such groups",
                    "Workers in them",
                    "Of those, groups of at least the threshold (workers)",
                ],
                &[
                    "敏感输入",
                    "泄露途径",
                    "此类组数",
                    "涉及人数",
                    "其中达到门槛人数的组（人数）",
                ],
            ),
        );
        for sname in &id.sensitive {
            for x in id
                .homogeneity
                .iter()
                .filter(|x| &x.sensitive == sname)
                .take(3)
            {
                h.push(vec![
                    l.quote(&x.sensitive),
                    names(&x.columns, l),
                    x.homogeneous_classes.to_string(),
                    x.workers.to_string(),
                    tr!(
                        l,
                        "{} ({})",
                        "{}（{}）",
                        x.homogeneous_k_anonymous,
                        x.workers_k_anonymous
                    ),
                ]);
            }
        }
        if h.rows.is_empty() {
            s.para(l.pick("No such group was found.", "未发现此类组。"));
        } else {
            s.table(h);
        }
    }
    coarsening(a, id, s);
}

fn coarsening(a: &Audit, id: &Identifiability, s: &mut Section) {
    let l = a.spec.lang;
    let Some(c) = &id.coarsening else { return };
    let k = id.min_k;
    let loss = format!("{:.3}", c.loss);
    let (before, after) = (c.rows_at_risk_before, c.rows_at_risk_after);
    s.para(if c.reached {
        tr!(
            l,
            "A coarsening that gives every group of every combination of up to three columns at least {k} workers, found by a greedy search that each time coarsens the column removing the most at-risk rows per unit of lost information, then undoes every step not needed (a greedy search need not find the least loss). Information lost: {loss} (normalised certainty penalty summed over the columns: 0 = none, 1 = one column entirely; Xu et al. 2006). Rows in too-small groups, summed over the combinations: {before} before, {after} after.",
            "一种粗化方案，可使最多三列的每种组合中的每个组都至少有 {k} 人。它由贪心搜索得出：每一步粗化单位信息损失下减少风险行最多的列，最后撤销所有不必要的步骤（贪心搜索不一定找到损失最小的方案）。信息损失：{loss}（各列归一化确定性惩罚之和：0 表示无损失，1 相当于整列信息全部丢失；Xu 等，2006）。各组合中处于过小组的行数之和：粗化前 {before}，粗化后 {after}。"
        )
    } else {
        tr!(
            l,
            "No coarsening in the space searched (bands of numeric columns, merging rare categories, removing columns) gives every group {k} workers: the table is too small for it. Best found: rows in too-small groups, summed over the combinations, {before} before, {after} after (information lost {loss}).",
            "在所搜索的范围内（数值列分段、合并少见类别、删除列），没有任何粗化方案能使每个组达到 {k} 人：数据表太小。找到的最佳方案：各组合中处于过小组的行数之和，粗化前 {before}，粗化后 {after}（信息损失 {loss}）。"
        )
    });
    // The audit itself needs the group attributes as they are: say where a coarsening applies.
    s.para(tr!(
        l,
        "The coarsening is for copies of the table shared beyond the audit (with a vendor, a researcher, in a publication). The audit itself needs the group attributes at full detail: merging or removing one would hide the very groups whose treatment it measures.",
        "该粗化方案适用于审计以外对外提供的数据副本（提供给供应商、研究人员或公开发布）。审计本身需要完整的群体属性：合并或删除群体属性，会使审计要衡量其待遇的群体无从看见。"
    ));
    let mut t = DocTable::new(
        "t-coarsening",
        l.pick("Proposed coarsening", "建议的粗化方案"),
        headers(
            l,
            &[
                "Column",
                "Change",
                "Distinct values before",
                "After",
                "Information lost",
            ],
            &["列", "变更", "变更前不同取值数", "变更后", "信息损失"],
        ),
    );
    for ch in &c.changes {
        t.push(vec![
            l.quote(&ch.column),
            action_text(&ch.action, l),
            ch.distinct_before.to_string(),
            ch.distinct_after.to_string(),
            format!("{:.3}", ch.loss),
        ]);
    }
    if !t.rows.is_empty() {
        s.table(t);
    }
}

fn classes_table(a: &Audit, cols: &[ColumnClass], s: &mut Section) {
    let l = a.spec.lang;
    let mut t = DocTable::new(
        "t-classes",
        l.pick("What each column holds", "每一列所含信息的类别"),
        headers(
            l,
            &["Column", "Class", "Evidence", "Legal basis"],
            &["列", "类别", "依据的证据", "法律依据"],
        ),
    );
    for c in cols {
        let classes: Vec<&str> = c.classes.iter().map(|k| class_name(*k, l)).collect();
        let mut ev: Vec<String> = Vec::new();
        for e in &c.evidence {
            let d = &e.detail;
            let text = match e.source {
                "spec" => match d.as_str() {
                    "id" => l.pick(
                        "the worker id column of the spec",
                        "审计说明中的劳动者编号列",
                    ),
                    "attribute" => l.pick("a group attribute of the spec", "审计说明中的群体属性"),
                    _ => l.pick(
                        "the decision, score or label of the spec",
                        "审计说明中的决定、分数或标签",
                    ),
                }
                .to_string(),
                "name" => tr!(l, "name matches {}", "名称匹配{}", l.quote(d)),
                "identifier_name" => tr!(
                    l,
                    "the name says it holds {}",
                    "列名表明其为{}",
                    identifier_kind(d, l)
                ),
                "identifier_values" => tr!(
                    l,
                    "values shaped as {}",
                    "取值形如{}",
                    identifier_kind(d, l)
                ),
                "content" => match d.as_str() {
                    "off_hours" => l
                        .pick("timestamps outside working hours", "时间戳在工作时间以外")
                        .to_string(),
                    "email" => l
                        .pick("values shaped as e-mail addresses", "取值形如电子邮箱地址")
                        .to_string(),
                    "cn_mobile" => l
                        .pick("values shaped as mobile numbers", "取值形如手机号码")
                        .to_string(),
                    "cn_resident_id" => l
                        .pick(
                            "values shaped as resident ID numbers",
                            "取值形如居民身份证号码",
                        )
                        .to_string(),
                    _ => tr!(l, "values match {d}", "取值匹配 {d}"),
                },
                "dictionary" => tr!(
                    l,
                    "dictionary description matches {}",
                    "数据字典说明匹配{}",
                    l.quote(d)
                ),
                "screening" => {
                    let label = c.category_labels.iter().find(|(id, _, _)| id == d).map_or(
                        d.clone(),
                        |(_, en, zh)| match l {
                            Lang::En => en.to_lowercase(),
                            Lang::Zh => zh.clone(),
                        },
                    );
                    tr!(l, "screening: {label}", "筛查类别：{label}")
                }
                _ => l
                    .pick("examined as a quasi-identifier", "作为准标识符检查")
                    .to_string(),
            };
            if !ev.contains(&text) {
                ev.push(text);
            }
        }
        let mut basis: Vec<String> = Vec::new();
        for b in &c.legal_basis {
            let cite = match (l, &b.citation_zh) {
                (Lang::Zh, Some(z)) => z.clone(),
                _ => b.citation.clone(),
            };
            if !basis.contains(&cite) {
                basis.push(cite);
            }
        }
        t.push(vec![
            c.column.clone(),
            classes.join(l.pick("; ", "；")),
            ev.join(l.pick("; ", "；")),
            basis.join(l.pick("; ", "；")),
        ]);
    }
    s.table(t);
}

/// A kind of direct identifier (`names::IdentifierKind`'s code) in words.
fn identifier_kind(code: &str, l: Lang) -> &'static str {
    match code {
        "phone" => l.pick("phone numbers", "电话号码"),
        "email" => l.pick("e-mail addresses", "电子邮箱地址"),
        "person_name" => l.pick("names of persons", "姓名"),
        "national_id" => l.pick("identity document numbers", "身份证件号码"),
        "employee_number" => l.pick("employee numbers", "工号"),
        _ => l.pick("account identifiers", "账号"),
    }
}
