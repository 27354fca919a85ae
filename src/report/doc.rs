//! The report as a neutral document: sections of paragraphs, lists and tables, built once from
//! an [`Audit`](crate::audit::Audit) and rendered by the Markdown and HTML writers. Text here is
//! plain (no markup); each renderer escapes it.

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
    /// Where the HTML writer puts the charts (Markdown leaves them out and says so).
    Charts,
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
