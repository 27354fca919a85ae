//! The shape of a CSV, read per RFC 4180 before polars reads it.
//!
//! polars pads a row with too few fields with missing values without a word, reports a row
//! with too many fields or an unclosed quote without its line, and keeps a doubled quote
//! inside a quoted header cell as two quotes. One pass over the file here finds the first row
//! whose number of fields differs from the first row's (by the line it starts on), a quote that
//! is never closed (by the line it opens on), and reads the header names as RFC 4180 defines
//! them.
//!
//! Hand-written on purpose: the `csv` crate changes the features of a dependency polars shares
//! and so forces a full rebuild of polars (30 minutes on 2 cores), and `csv-core` does not say
//! on which line a record starts. The reader below is RFC 4180's grammar (quoted fields,
//! doubled quotes, delimiters and line breaks inside quotes, CRLF or LF, blank lines skipped)
//! and nothing more; a quote inside an unquoted field and a NUL byte are refused by line
//! (polars cannot read the first, and the second means a binary or damaged file).

use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::error::{Error, Result};

/// The record being read.
struct Record {
    /// Line the record starts on (1-based).
    line: u64,
    fields: usize,
    /// Whether the current field has begun (a character or an opening quote).
    started: bool,
    /// Line breaks inside quoted fields.
    breaks_inside: usize,
    /// The cells, kept for the first record only.
    cells: Vec<Vec<u8>>,
}

impl Record {
    fn new(line: u64) -> Self {
        Record {
            line,
            fields: 1,
            started: false,
            breaks_inside: 0,
            cells: vec![Vec::new()],
        }
    }
    fn is_blank(&self) -> bool {
        self.fields == 1 && !self.started
    }
    fn push(&mut self, keep: bool, b: u8) {
        self.started = true;
        if keep {
            if let Some(c) = self.cells.last_mut() {
                c.push(b);
            }
        }
    }
}

/// Checks that every record has as many fields as the first and returns the first record's
/// cells (the header when the file has one). `read` is the file read (a decoded copy for a
/// non-UTF-8 file: line numbers are the same); `shown` is the file named in messages.
pub(crate) fn check(
    read: &Path,
    shown: &Path,
    delimiter: char,
    has_header: bool,
) -> Result<Vec<String>> {
    let file = std::fs::File::open(read).map_err(|e| read_error(shown, e))?;
    let mut input = BufReader::with_capacity(1 << 20, file);
    let delim = delimiter as u8;
    let mut line: u64 = 1;
    let mut first: Option<Vec<String>> = None;
    let mut rec = Record::new(1);
    let mut quoted = false;
    let mut pending_quote = false; // a quote seen inside a quoted field: closing, or doubled
    let mut at_start = true;
    loop {
        let buf = input.fill_buf().map_err(|e| read_error(shown, e))?;
        if buf.is_empty() {
            break;
        }
        let n = buf.len();
        let mut i = 0;
        if at_start {
            at_start = false;
            if buf.starts_with(b"\xEF\xBB\xBF") {
                i = 3;
            }
        }
        for &b in &buf[i..] {
            let keep = first.is_none();
            if b == 0 {
                return Err(Error::data(
                    shown,
                    format!("line {line} holds a NUL byte (0x00), which no text table has"),
                    Some("the file is binary or damaged (or UTF-16 without a byte-order mark): export it again as UTF-8 CSV".into()),
                ));
            }
            if quoted {
                if pending_quote {
                    pending_quote = false;
                    if b == b'"' {
                        rec.push(keep, b'"');
                        continue;
                    }
                    quoted = false; // that quote closed the field; b is read outside quotes
                } else {
                    if b == b'"' {
                        pending_quote = true;
                    } else {
                        if b == b'\n' {
                            line += 1;
                            rec.breaks_inside += 1;
                        }
                        rec.push(keep, b);
                    }
                    continue;
                }
            }
            match b {
                b'"' if !rec.started => {
                    quoted = true;
                    rec.started = true;
                }
                b'"' => {
                    // RFC 4180 2.5: a field that holds a quote must be quoted as a whole; polars
                    // cannot read such a file and would say so without a line.
                    return Err(Error::data(
                        shown,
                        format!(
                            "line {line}, field {}: a quote inside a field that is not quoted",
                            rec.fields
                        ),
                        Some("quote the whole field and double the quote inside it: \"5\"\" screen\" for 5\" screen".into()),
                    ));
                }
                b'\n' => {
                    if !rec.is_blank() {
                        end_record(&mut rec, &mut first, shown, has_header)?;
                    }
                    line += 1;
                    rec = Record::new(line);
                }
                b'\r' => {}
                _ if b == delim => {
                    rec.fields += 1;
                    rec.started = false;
                    if keep {
                        rec.cells.push(Vec::new());
                    }
                }
                _ => rec.push(keep, b),
            }
        }
        input.consume(n);
    }
    if quoted && !pending_quote {
        return Err(unclosed(shown, &rec));
    }
    if !rec.is_blank() {
        end_record(&mut rec, &mut first, shown, has_header)?;
    }
    Ok(first.unwrap_or_default())
}

fn end_record(
    rec: &mut Record,
    first: &mut Option<Vec<String>>,
    shown: &Path,
    has_header: bool,
) -> Result<()> {
    match first {
        None => {
            *first = Some(
                std::mem::take(&mut rec.cells)
                    .iter()
                    .map(|c| String::from_utf8_lossy(c).into_owned())
                    .collect(),
            );
            Ok(())
        }
        Some(head) if head.len() == rec.fields => Ok(()),
        Some(head) => Err(ragged(shown, rec, head.len(), has_header)),
    }
}

fn ragged(shown: &Path, rec: &Record, want: usize, has_header: bool) -> Error {
    let plural = |n: usize| if n == 1 { "field" } else { "fields" };
    let (line, got) = (rec.line, rec.fields);
    let hint = if rec.breaks_inside > 0 {
        format!(
            "a quoted field on line {line} runs over {} line break(s): check that its quote \
             is closed (a quote inside a quoted field is written twice, \"\")",
            rec.breaks_inside
        )
    } else if got > want {
        "a field that holds the delimiter must be quoted; check the delimiter (--delimiter)"
            .to_string()
    } else {
        "every row needs a value (or an empty field) for each column; check the delimiter \
         (--delimiter) and whether the file has a header (--no-header)"
            .to_string()
    };
    let first = if has_header {
        "the header"
    } else {
        "the first line"
    };
    Error::data(
        shown,
        format!(
            "line {line} has {got} {} where {first} has {want}",
            plural(got)
        ),
        Some(hint),
    )
}

fn unclosed(shown: &Path, rec: &Record) -> Error {
    Error::data(
        shown,
        format!(
            "a quote opened on line {} is never closed: the rest of the file would be read \
             as one field",
            rec.line
        ),
        Some(
            "close the quote; a quote inside a quoted field is written twice (\"\"), and a \
             field that starts with a quote must end with one"
                .into(),
        ),
    )
}

fn read_error(shown: &Path, e: std::io::Error) -> Error {
    Error::Read {
        path: shown.to_path_buf(),
        reason: e.to_string(),
        hint: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("candor-shape-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        let p = d.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn short_row_named_by_line() {
        let p = write("short.csv", "a,b\n1,2\n3\n4,5\n");
        let e = check(&p, &p, ',', true).unwrap_err().to_string();
        assert!(
            e.contains("line 3 has 1 field where the header has 2"),
            "{e}"
        );
    }

    #[test]
    fn long_row_named_by_line() {
        let p = write("long.csv", "a,b\r\n1,2\r\n3,4\r\n5,6,7\r\n");
        let e = check(&p, &p, ',', true).unwrap_err().to_string();
        assert!(
            e.contains("line 4 has 3 fields where the header has 2"),
            "{e}"
        );
    }

    #[test]
    fn unclosed_quote_names_where_it_opened() {
        let p = write("quote.csv", "a,b\n1,2\n\"3,4\n5,6\n7,8\n");
        let e = check(&p, &p, ',', true).unwrap_err().to_string();
        assert!(
            e.contains("a quote opened on line 3 is never closed"),
            "{e}"
        );
        // Closed further on, the quoted field swallows lines: the record is ragged.
        let p = write("quote2.csv", "a,b\n1,2\n\"3,4\n5,6\"\n7,8\n");
        let e = check(&p, &p, ',', true).unwrap_err();
        assert!(e.to_string().contains("line 3 has 1 field"), "{e}");
        assert!(
            e.hint()
                .unwrap_or_default()
                .contains("line 3 runs over 1 line break")
        );
    }

    #[test]
    fn rfc4180_header_and_quoted_newlines() {
        let p = write(
            "ok.csv",
            "\u{feff}\"a\"\"b\",\"x,y\",\"multi\nline\"\n1,\"2,3\",\"4\n5\"\n\n",
        );
        let h = check(&p, &p, ',', true).unwrap();
        assert_eq!(h, vec!["a\"b", "x,y", "multi\nline"]);
        // A doubled quote at the very end of a file.
        let p = write("ok2.csv", "a,b\n12,\"x\"\"\"");
        assert_eq!(check(&p, &p, ',', true).unwrap(), vec!["a", "b"]);
        // A quote inside an unquoted field, and a NUL byte, are refused by line.
        let p = write("bad1.csv", "a,b\n1,2\n3,4\"5\n");
        let e = check(&p, &p, ',', true).unwrap_err().to_string();
        assert!(e.contains("line 3, field 2: a quote inside"), "{e}");
        let p = write("bad2.csv", "a,b\n1,2\nF\0,4\n");
        let e = check(&p, &p, ',', true).unwrap_err().to_string();
        assert!(e.contains("line 3 holds a NUL byte"), "{e}");
    }
}
