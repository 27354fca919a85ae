//! The roll-up of the finest cells (group attributes x decision x label x score) into the
//! statistics of every slice, in plain Rust: shared by every engine, so that the embedded
//! engine's own group-by and a cells table computed by another engine give the same numbers.

use std::collections::BTreeMap;

use crate::stats::{Aggregates, Group, GroupStats, ScoreCell, Slice};

/// Per slice while rolling up: group key (level indices) -> (statistics, score cells keyed by
/// an order-preserving image of the value -> (value, n, label_pos)).
type SliceAcc = BTreeMap<Vec<u32>, (GroupStats, BTreeMap<u64, (f64, u64, u64)>)>;

/// The finest cells, as parallel columns (one entry per cell).
pub(crate) struct Fine {
    /// The attributes the cells are keyed by, in spec order.
    pub attributes: Vec<String>,
    /// Per attribute, its values sorted (the groups).
    pub levels: Vec<Vec<String>>,
    /// Per attribute, each cell's value as an index into `levels`.
    pub codes: Vec<Vec<u32>>,
    /// Each cell's decision class (0 negative, 1 positive for a binary decision).
    pub dec: Vec<u32>,
    /// Each cell's label (positive or not), when a label is given.
    pub lab: Option<Vec<bool>>,
    /// Each cell's score, when a score is given.
    pub score: Option<Vec<Option<f64>>>,
    /// Rows in each cell.
    pub n: Vec<u64>,
    pub classes: usize,
}

/// An attribute's values as sorted levels and one level index per cell (a missing value, which
/// the engines have already replaced by its group name, gets index 0).
pub(crate) fn encode(values: &[Option<&str>]) -> (Vec<String>, Vec<u32>) {
    let mut levels: Vec<String> = values.iter().flatten().map(|v| v.to_string()).collect();
    levels.sort();
    levels.dedup();
    let index: BTreeMap<&str, u32> = levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u32))
        .collect();
    let codes = values
        .iter()
        .map(|v| v.and_then(|v| index.get(v).copied()).unwrap_or(0))
        .collect();
    (levels, codes)
}

impl Fine {
    /// The groups of one slice (the attributes `parts`), each with its statistics.
    fn roll_up(&self, parts: &[String]) -> Slice {
        let idx: Vec<usize> = parts
            .iter()
            .filter_map(|p| self.attributes.iter().position(|a| a == p))
            .collect();
        let has_label = self.lab.is_some();
        let mut groups: SliceAcc = BTreeMap::new();
        for (i, &count) in self.n.iter().enumerate() {
            let key: Vec<u32> = idx.iter().map(|&k| self.codes[k][i]).collect();
            let class = self.dec.get(i).copied().unwrap_or(0) as usize;
            let label = self
                .lab
                .as_ref()
                .and_then(|l| l.get(i).copied())
                .unwrap_or(false);
            let entry = groups
                .entry(key)
                .or_insert_with(|| (GroupStats::new(self.classes, has_label), BTreeMap::new()));
            entry.0.add_cell(class, label, count);
            if let Some(v) = self
                .score
                .as_ref()
                .and_then(|s| s.get(i).copied().flatten())
            {
                // Keyed by an order-preserving integer image of the value (total order).
                let bits = v.to_bits();
                let ord = if bits >> 63 == 1 {
                    !bits
                } else {
                    bits | (1 << 63)
                };
                let cell = entry.1.entry(ord).or_insert((v, 0, 0));
                cell.1 += count;
                if label {
                    cell.2 += count;
                }
            }
        }
        let mut groups: Vec<Group> = groups
            .into_iter()
            .map(|(key, (mut stats, scores))| {
                stats.scores = scores
                    .into_values()
                    .map(|(value, n, label_pos)| ScoreCell {
                        value,
                        n,
                        label_pos,
                    })
                    .collect();
                let values: Vec<String> = key
                    .iter()
                    .zip(&idx)
                    .map(|(c, &k)| self.levels[k][*c as usize].clone())
                    .collect();
                Group {
                    name: values.join(" & "),
                    values,
                    stats,
                }
            })
            .collect();
        groups.sort_by(|a, b| a.name.cmp(&b.name));
        Slice {
            attribute: parts.join(" & "),
            parts: parts.to_vec(),
            groups,
        }
    }

    /// The statistics of each slice (`slices` lists the attributes of each) and of the whole
    /// population (the sum of the first slice's groups).
    pub(crate) fn aggregates(&self, slices: &[Vec<String>]) -> Aggregates {
        let out: Vec<Slice> = slices.iter().map(|parts| self.roll_up(parts)).collect();
        let mut population = GroupStats::new(self.classes, self.lab.is_some());
        if let Some(first) = out.first() {
            for g in &first.groups {
                population.merge(&g.stats);
            }
        }
        Aggregates {
            population,
            slices: out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rolls_up_cells_by_hand() {
        // Two attributes; four cells. sex: F F M M; band: a b a a; decision 1 0 1 0.
        let (sex_levels, sex) = encode(&[Some("F"), Some("F"), Some("M"), Some("M")]);
        let (band_levels, band) = encode(&[Some("b"), Some("a"), Some("a"), Some("a")]);
        let fine = Fine {
            attributes: vec!["sex".into(), "band".into()],
            levels: vec![sex_levels, band_levels],
            codes: vec![sex, band],
            dec: vec![1, 0, 1, 0],
            lab: Some(vec![true, false, false, true]),
            score: Some(vec![Some(2.0), Some(1.0), Some(2.0), None]),
            n: vec![3, 5, 7, 11],
            classes: 2,
        };
        let aggs = fine.aggregates(&[vec!["sex".into()], vec!["band".into(), "sex".into()]]);
        assert_eq!(aggs.population.n, 26);
        let f = &aggs.slices[0].groups[0];
        assert_eq!(
            (f.name.as_str(), f.stats.n, f.stats.selected()),
            ("F", 8, 3)
        );
        assert_eq!(f.stats.cells, vec![[5, 0], [0, 3]]);
        let m = &aggs.slices[0].groups[1];
        assert_eq!(m.stats.cells, vec![[0, 11], [7, 0]]);
        // Score cells: M has 2.0 (7 rows, none positive); the 11 rows without a score add none.
        assert_eq!(m.stats.scores.len(), 1);
        assert_eq!((m.stats.scores[0].n, m.stats.scores[0].label_pos), (7, 0));
        let names: Vec<&str> = aggs.slices[1]
            .groups
            .iter()
            .map(|g| g.name.as_str())
            .collect();
        assert_eq!(names, ["a & F", "a & M", "b & F"]);
        assert_eq!(aggs.slices[1].attribute, "band & sex");
    }
}
