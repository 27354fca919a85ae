//! The report as a neutral document: sections of paragraphs, lists and tables, built once from
//! an [`Audit`](crate::audit::Audit) and rendered by the Markdown and HTML writers. Text here is
//! plain (no markup); each renderer escapes it. Charts are data too ([`Chart`]): the HTML writer
//! draws them, Markdown points to audit.html.

use super::plots::{Bar, CdfGroup};

/// An item of a bulleted list, optionally pointing at the table or table row that holds its
/// numbers (an anchor id such as `F1` or `t-disparity-0`).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub text: String,
    pub link: Option<String>,
}

impl Item {
    pub fn new(text: impl Into<String>) -> Self {
        Item {
            text: text.into(),
            link: None,
        }
    }

    pub fn linked(text: impl Into<String>, link: impl Into<String>) -> Self {
        Item {
            text: text.into(),
            link: Some(link.into()),
        }
    }
}

/// A row of a table; `id` makes it a link target.
#[derive(Debug, Clone, PartialEq)]
pub struct DocRow {
    pub id: Option<String>,
    pub cells: Vec<String>,
}

/// A table. `id` makes it a link target.
#[derive(Debug, Clone, PartialEq)]
pub struct DocTable {
    pub id: String,
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<DocRow>,
}

impl DocTable {
    pub fn new(id: impl Into<String>, caption: impl Into<String>, headers: Vec<String>) -> Self {
        DocTable {
            id: id.into(),
            caption: caption.into(),
            headers,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, cells: Vec<String>) {
        self.rows.push(DocRow { id: None, cells });
    }

    pub fn push_with_id(&mut self, id: impl Into<String>, cells: Vec<String>) {
        self.rows.push(DocRow {
            id: Some(id.into()),
            cells,
        });
    }
}

/// A part of a section, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(String),
    List(Vec<Item>),
    Table(DocTable),
    /// The charts, in order: the HTML writer draws them (Markdown leaves them out and says so).
    Charts(Vec<Chart>),
}

/// A chart as data, its texts in the report's language; each kind is drawn by the
/// [`plots`](super::plots) function of the same name. A chart that cannot be drawn is left out
/// (its numbers are in the tables).
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Rates in [0, 1] with their intervals ([`rate_bars`](super::plots::rate_bars)).
    RateBars {
        title: String,
        x_label: String,
        bars: Vec<Bar>,
    },
    /// Impact ratios with the four-fifths line ([`ratio_bars`](super::plots::ratio_bars)).
    RatioBars { title: String, bars: Vec<Bar> },
    /// Adverse-rate ratios with the line at 1.25
    /// ([`adverse_ratio_bars`](super::plots::adverse_ratio_bars)).
    AdverseRatioBars { title: String, bars: Vec<Bar> },
    /// Two rates per group, e.g. the error rates ([`paired_bars`](super::plots::paired_bars)).
    PairedBars {
        title: String,
        x_label: String,
        names: (String, String),
        groups: Vec<(String, Bar, Bar)>,
    },
    /// A value per cell of a two-way intersection, the marked cells starred
    /// ([`heatmap_marked`](super::plots::heatmap_marked)).
    Heatmap {
        title: String,
        rows: Vec<String>,
        cols: Vec<String>,
        values: Vec<Vec<Option<f64>>>,
        marks: Vec<Vec<bool>>,
    },
    /// Score distributions as lines per group over `range` ([`cdf_lines`](super::plots::cdf_lines)).
    CdfLines {
        title: String,
        x_label: String,
        range: (f64, f64),
        groups: Vec<CdfGroup>,
    },
    /// Calibration per group; `scale` (low, high, x label) for a score that is not a probability
    /// ([`calibration`](super::plots::calibration)).
    Calibration {
        title: String,
        groups: Vec<(String, Vec<(f64, f64)>)>,
        scale: Option<(f64, f64, String)>,
    },
}

/// A section of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Language-neutral id (`cover`, `summary`, `findings`, ...): the anchor `s-{id}`.
    pub id: &'static str,
    pub heading: String,
    pub blocks: Vec<Block>,
}

impl Section {
    pub fn new(id: &'static str, heading: impl Into<String>) -> Self {
        Section {
            id,
            heading: heading.into(),
            blocks: Vec::new(),
        }
    }

    pub fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    pub fn list(&mut self, items: Vec<Item>) {
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
    }

    pub fn table(&mut self, t: DocTable) {
        self.blocks.push(Block::Table(t));
    }

    /// Every table of the section.
    pub fn tables(&self) -> impl Iterator<Item = &DocTable> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub title: String,
    pub sections: Vec<Section>,
}

impl Doc {
    /// Every anchor a link may point at: tables, table rows and sections.
    pub fn anchors(&self) -> Vec<String> {
        let mut out = Vec::new();
        for s in &self.sections {
            out.push(format!("s-{}", s.id));
            for t in s.tables() {
                out.push(t.id.clone());
                out.extend(t.rows.iter().filter_map(|r| r.id.clone()));
            }
        }
        out
    }
}
