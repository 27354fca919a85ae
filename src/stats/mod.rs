//! Sufficient statistics: everything the metrics need, per group, in a few counts.
//!
//! A [`GroupStats`] holds, for one group, the count of rows in each (decision class, label)
//! cell and the score distribution as a table of distinct values with their counts (split by
//! label). Every metric in `metrics` is a function of these tables, never of the rows. Two
//! `GroupStats` of the same group add up ([`GroupStats::merge`]): chunks, files or partitions
//! of the data combine by addition, in any order, with the same result.

use serde::Serialize;

/// One distinct score value in a group: how many rows have it, and how many of those have a
/// positive label.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScoreCell {
    pub value: f64,
    pub n: u64,
    pub label_pos: u64,
}

/// The four cells of a binary decision against a binary label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Confusion {
    pub tp: u64,
    pub fp: u64,
    pub tn: u64,
    #[serde(rename = "fn")]
    pub fn_: u64,
}

/// Sufficient statistics of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct GroupStats {
    /// Rows in the group.
    pub n: u64,
    /// `cells[k] = [rows with decision class k and a negative (or no) label, rows with class k
    /// and a positive label]`. For a binary decision class 0 is negative, class 1 positive.
    pub cells: Vec<[u64; 2]>,
    /// Whether a label was given (so `cells[k][1]` is meaningful).
    pub has_label: bool,
    /// Distinct scores sorted ascending, with counts. Empty without a score.
    pub scores: Vec<ScoreCell>,
}

impl GroupStats {
    /// Empty statistics for `classes` decision classes.
    pub fn new(classes: usize, has_label: bool) -> Self {
        GroupStats {
            n: 0,
            cells: vec![[0, 0]; classes],
            has_label,
            scores: Vec::new(),
        }
    }

    /// Adds `count` rows with decision class `class` and label `label`.
    pub fn add_cell(&mut self, class: usize, label: bool, count: u64) {
        if self.cells.len() <= class {
            self.cells.resize(class + 1, [0, 0]);
        }
        self.cells[class][usize::from(label)] += count;
        self.n += count;
    }

    /// Adds the statistics of `other` (same group, other rows).
    pub fn merge(&mut self, other: &GroupStats) {
        if self.cells.len() < other.cells.len() {
            self.cells.resize(other.cells.len(), [0, 0]);
        }
        for (a, b) in self.cells.iter_mut().zip(&other.cells) {
            a[0] += b[0];
            a[1] += b[1];
        }
        self.n += other.n;
        self.has_label |= other.has_label;
        self.scores = merge_scores(&self.scores, &other.scores);
    }

    /// Rows with decision class `k`.
    pub fn class_total(&self, k: usize) -> u64 {
        self.cells.get(k).map_or(0, |c| c[0] + c[1])
    }

    /// Rows with the positive decision (binary decisions).
    pub fn selected(&self) -> u64 {
        self.class_total(1)
    }

    /// Rows with a positive label.
    pub fn label_pos(&self) -> u64 {
        self.cells.iter().map(|c| c[1]).sum()
    }

    /// The confusion matrix of class `k` one-vs-rest against the label; None without a label.
    pub fn confusion_for(&self, k: usize) -> Option<Confusion> {
        if !self.has_label {
            return None;
        }
        let (mut c, pos) = (Confusion::default(), self.label_pos());
        let kc = self.cells.get(k).copied().unwrap_or([0, 0]);
        c.tp = kc[1];
        c.fp = kc[0];
        c.fn_ = pos - kc[1];
        c.tn = self.n - pos - kc[0];
        Some(c)
    }

    /// The confusion matrix of a binary decision; None without a label.
    pub fn confusion(&self) -> Option<Confusion> {
        self.confusion_for(1)
    }

    /// The score distribution as (value, count).
    pub fn score_counts(&self) -> Vec<(f64, u64)> {
        self.scores.iter().map(|c| (c.value, c.n)).collect()
    }
}

/// Sorted merge of two score tables, adding the counts of equal values.
pub fn merge_scores(a: &[ScoreCell], b: &[ScoreCell]) -> Vec<ScoreCell> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let take_a = j >= b.len() || (i < a.len() && a[i].value < b[j].value);
        let take_b = i >= a.len() || (j < b.len() && b[j].value < a[i].value);
        if take_a {
            out.push(a[i]);
            i += 1;
        } else if take_b {
            out.push(b[j]);
            j += 1;
        } else {
            out.push(ScoreCell {
                value: a[i].value,
                n: a[i].n + b[j].n,
                label_pos: a[i].label_pos + b[j].label_pos,
            });
            i += 1;
            j += 1;
        }
    }
    out
}

/// One group of a slice: its values for the slice's attributes and its statistics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Display name: the values joined by " & ".
    pub name: String,
    pub values: Vec<String>,
    pub stats: GroupStats,
}

/// All groups of one attribute or one intersection of attributes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slice {
    /// Display name: the attributes joined by " & " (e.g. "sex & race").
    pub attribute: String,
    pub parts: Vec<String>,
    /// Groups sorted by name.
    pub groups: Vec<Group>,
}

/// The output of the aggregation pass.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aggregates {
    /// The whole audited population.
    pub population: GroupStats,
    pub slices: Vec<Slice>,
}

impl Aggregates {
    /// Adds the statistics of another part of the same data (same slices).
    pub fn merge(&mut self, other: &Aggregates) {
        self.population.merge(&other.population);
        for (s, o) in self.slices.iter_mut().zip(&other.slices) {
            for og in &o.groups {
                match s.groups.binary_search_by(|g| g.name.cmp(&og.name)) {
                    Ok(i) => s.groups[i].stats.merge(&og.stats),
                    Err(i) => s.groups.insert(i, og.clone()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(v: f64, n: u64, p: u64) -> ScoreCell {
        ScoreCell {
            value: v,
            n,
            label_pos: p,
        }
    }

    #[test]
    fn confusion_from_cells() {
        // ProPublica, African-American, all 7214 rows: TN 990 FP 805 FN 532 TP 1369.
        let mut g = GroupStats::new(2, true);
        g.add_cell(0, false, 990);
        g.add_cell(1, false, 805);
        g.add_cell(0, true, 532);
        g.add_cell(1, true, 1369);
        let c = g.confusion().unwrap();
        assert_eq!((c.tp, c.fp, c.tn, c.fn_), (1369, 805, 990, 532));
        assert_eq!(g.n, 3696);
        assert_eq!(g.selected(), 2174);
    }

    #[test]
    fn merge_adds_cells_and_scores() {
        let mut a = GroupStats::new(2, true);
        a.add_cell(1, true, 3);
        a.scores = vec![cell(1.0, 2, 1), cell(3.0, 1, 0)];
        let mut b = GroupStats::new(2, true);
        b.add_cell(0, false, 2);
        b.scores = vec![cell(2.0, 1, 0), cell(3.0, 1, 1)];
        a.merge(&b);
        assert_eq!(a.n, 5);
        assert_eq!(a.cells, vec![[2, 0], [0, 3]]);
        assert_eq!(
            a.scores,
            vec![cell(1.0, 2, 1), cell(2.0, 1, 0), cell(3.0, 2, 1)]
        );
    }

    #[test]
    fn no_label_no_confusion() {
        let g = GroupStats::new(2, false);
        assert!(g.confusion().is_none());
    }
}
