//! The engine seam: the few questions the audit asks of the data, whatever computes the answers.
//!
//! - [`Table`] is the embedded engine (polars, in this process, on a file): it answers all.
//! - [`super::cells::CellsTable`] holds only the finest cells another engine computed (the
//!   query `candor sql` prints, run in a warehouse): it answers the cells and says "no rows" to
//!   the rest, and the audit says in its report what was therefore not run.
//!
//! Both read the decision and label values, the missing group values and the exclusions with the
//! same functions (`roles`), and roll the cells up with the same code (`rollup`), so the same
//! data gives the same numbers through either.

use std::collections::BTreeMap;

use polars::prelude::*;
use serde::Serialize;

use super::screening::{ScreenData, screen_data};
use super::subjects::{SubjectData, subject_data};
use super::{DecisionValues, Dictionary, LabelValues, SourceInfo, Table, polars_error};
use crate::dates::WorkingHours;
use crate::error::Result;
use crate::stats::Aggregates;

/// Which engine computed the statistics, for the provenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EngineKind {
    /// Polars in this process, on the data file.
    Embedded,
    /// A cells table computed elsewhere (`candor audit --cells`).
    Cells,
    /// Apache Spark, through Spark Connect (`candor audit --engine spark`): exact cells, and
    /// the rows screening needs fetched (all, or a seeded sample).
    Spark,
}

/// What the audit asks of the data.
pub trait Engine {
    fn kind(&self) -> EngineKind;
    /// What was read, for the provenance.
    fn source(&self) -> &SourceInfo;
    /// How the decision column was read.
    fn decision(&self) -> &DecisionValues;
    /// How the label column was read.
    fn label(&self) -> Option<&LabelValues>;
    /// Per attribute, the group name of its missing values.
    fn missing(&self) -> &BTreeMap<String, String>;
    /// The statistics of each slice (each lists its attributes) and of the population.
    fn aggregate(&self, slices: &[Vec<String>]) -> Result<Aggregates>;
    /// The columns screening needs; None when the engine holds no rows.
    /// `codes_for`: columns also wanted as category codes (declared quasi-identifiers and
    /// sensitive inputs, for the data-protection review).
    fn screen_data(
        &self,
        dictionary: &Dictionary,
        hours: &WorkingHours,
        codes_for: &[String],
    ) -> Result<Option<ScreenData>>;
    /// The named columns as a model handed over reads them; None when the engine holds no rows.
    fn model_data(&self, names: &[String]) -> Result<Option<super::ModelData>>;
    /// A seeded sample of at most `rows` rows, as an embedded table; None without rows.
    fn sample(&self, rows: usize, seed: u64) -> Result<Option<Table>>;
    /// The rows of one subject (by the id column, or `row N`); None without rows.
    fn subject_rows(&self, id: &str) -> Result<Option<SubjectData>>;
    /// The rows screening read and the rows of the table, when they may differ (an engine that
    /// fetches a sample); None when screening reads every row or none.
    fn rows_used(&self) -> Option<(u64, u64)> {
        None
    }
}

impl Engine for Table {
    fn kind(&self) -> EngineKind {
        EngineKind::Embedded
    }

    fn source(&self) -> &SourceInfo {
        &self.source
    }

    fn decision(&self) -> &DecisionValues {
        &self.decision
    }

    fn label(&self) -> Option<&LabelValues> {
        self.label.as_ref()
    }

    fn missing(&self) -> &BTreeMap<String, String> {
        &self.missing
    }

    fn aggregate(&self, slices: &[Vec<String>]) -> Result<Aggregates> {
        super::aggregate(self, slices)
    }

    fn screen_data(
        &self,
        dictionary: &Dictionary,
        hours: &WorkingHours,
        codes_for: &[String],
    ) -> Result<Option<ScreenData>> {
        screen_data(self, dictionary, hours, codes_for).map(Some)
    }

    fn model_data(&self, names: &[String]) -> Result<Option<super::ModelData>> {
        super::model_data(self, names).map(Some)
    }

    /// A systematic sample: every k-th row (k = rows in the table / `rows`, rounded up) from a
    /// start the seed chooses among the first k, in the table's order. All rows when the table
    /// holds no more than `rows`.
    fn sample(&self, rows: usize, seed: u64) -> Result<Option<Table>> {
        let height = self.df.height();
        let step = height.div_ceil(rows.max(1)).max(1);
        let start = (seed % step as u64) as usize;
        let idx: Vec<IdxSize> = (start..height)
            .step_by(step)
            .take(rows)
            .map(|i| i as IdxSize)
            .collect();
        let path = std::path::PathBuf::from(&self.source.path);
        let df = self
            .df
            .take(&IdxCa::from_vec("i".into(), idx))
            .map_err(|e| polars_error(&path, e))?;
        Ok(Some(Table {
            source: self.source.clone(),
            decision: self.decision.clone(),
            label: self.label.clone(),
            attributes: self.attributes.clone(),
            missing: self.missing.clone(),
            df,
        }))
    }

    fn subject_rows(&self, id: &str) -> Result<Option<SubjectData>> {
        let all = subject_data(self)?;
        let keep: Vec<usize> = (0..all.ids.len()).filter(|&i| all.ids[i] == id).collect();
        let pick = |v: &[Option<String>]| keep.iter().map(|&i| v[i].clone()).collect();
        Ok(Some(SubjectData {
            ids: keep.iter().map(|&i| all.ids[i].clone()).collect(),
            raw: all.raw.iter().map(|(n, v)| (n.clone(), pick(v))).collect(),
            attributes: all
                .attributes
                .iter()
                .map(|(n, v)| (n.clone(), keep.iter().map(|&i| v[i].clone()).collect()))
                .collect(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::SpecFile;

    fn table(rows: usize) -> (Table, std::path::PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("candor-it-engine-{}-{rows}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.csv");
        let mut text = String::from("id,sex,d\n");
        for i in 0..rows {
            text.push_str(&format!("W{i},{},{}\n", ["F", "M"][i % 2], i % 3 == 0));
        }
        std::fs::write(&path, text).unwrap();
        let mut f = SpecFile::default();
        f.data.path = Some(path.clone());
        f.data.id = Some("id".into());
        f.decision.column = Some("d".into());
        f.groups.attributes = Some(vec!["sex".into()]);
        (super::super::load(&f.check().unwrap()).unwrap(), dir)
    }

    #[test]
    fn systematic_sample_is_seeded_and_spread() {
        let (t, dir) = table(100);
        // k = 100 / 30 rounded up = 4; seed 6 starts at row 6 % 4 = 2: rows 2, 6, ..., 98.
        let s = t.sample(30, 6).unwrap().unwrap();
        let ids = s.subject_rows("W2").unwrap().unwrap().ids;
        assert_eq!(ids, ["W2"]);
        let all = subject_data(&s).unwrap().ids;
        assert_eq!(all.len(), 25);
        assert_eq!((all[0].as_str(), all[24].as_str()), ("W2", "W98"));
        assert_eq!(t.sample(30, 6).unwrap().unwrap().df, s.df);
        // Asking for more rows than the table holds gives every row.
        assert_eq!(t.sample(500, 9).unwrap().unwrap().rows(), 100);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn one_subject_rows() {
        let (t, dir) = table(10);
        let s = t.subject_rows("W7").unwrap().unwrap();
        assert_eq!(s.ids, ["W7"]);
        assert_eq!(s.attributes, [("sex".to_string(), vec!["M".to_string()])]);
        assert!(t.subject_rows("nobody").unwrap().unwrap().ids.is_empty());
        assert_eq!(t.kind(), EngineKind::Embedded);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
