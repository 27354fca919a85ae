//! The Spark engine (`--engine spark`, cargo feature `spark`): the audit's finest cells computed
//! on Apache Spark through Spark Connect, where the data lives.
//!
//! What crosses the wire:
//! - the cells: the query `candor sql --dialect spark` prints, run by Spark; its result (one row
//!   per cell, a few thousand at most for a typical audit) comes back as Arrow IPC and is read by
//!   the same code as `candor audit --cells` ([`super::cells`]), so every metric is exact;
//! - rows for what needs rows (screening's layers, the data-protection review, a model handed
//!   over): the columns the spec names, all rows when the table holds at most `sample_rows`,
//!   otherwise a seeded sample of about `sample_rows` rows: by a hash of the worker id and the
//!   seed when the spec names an id (`pmod(xxhash64(seed, id), rows) < sample_rows`: the same
//!   workers whatever the table's layout), else by Spark's seeded `rand(seed)` (the same rows
//!   while the table's files and partitioning stay the same). The report says which rows were
//!   used.
//!
//! Dates and timestamps come back typed; they are written back as text (`%Y-%m-%d`,
//! `%Y-%m-%d %H:%M:%S` and fractional seconds when there are any), in the session's time zone,
//! which Candor sets to the workplace's UTC offset (`screen.utc_offset_minutes`): a time the
//! table stored without an offset reads as it did, one stored with an offset reads as the
//! workplace's local time, which is what screening makes of it in a file.
//!
//! Failures (an unreachable server, a missing table or column, a column of the wrong type, a
//! query Spark rejects, a connection lost mid-query) are errors naming the engine, the server,
//! the table and, where known, the column: exit 2, no report written.

// The client's error type is large (its crate allows the same lint): it is only carried from a
// call's thread to the message, once.
#![allow(clippy::result_large_err)]

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::PathBuf;

use polars::prelude::*;
use spark_connect::{SparkError, SparkSession};

use super::cells::{CellsTable, FrameSource, cells_from_frame};
use super::engine::{Engine, EngineKind};
use super::screening::ScreenData;
use super::subjects::SubjectData;
use super::{DecisionValues, Dictionary, LabelValues, ROW, SourceInfo, Table};
use crate::dates::WorkingHours;
use crate::error::{Error, Result};
use crate::spec::{AuditSpec, FileFormat, SparkOptions};
use crate::stats::Aggregates;

use super::sql::{Dialect, cells_query};

/// An audit's data on Spark: the exact cells, and the rows fetched for screening.
pub struct SparkTable {
    cells: CellsTable,
    rows: Table,
    /// The rows fetched for screening, of the rows in the table.
    used: (u64, u64),
}

/// The server's address without its parameters (a token stays out of messages).
fn shown(remote: &str) -> String {
    match endpoint(remote) {
        Some((h, p)) if h.contains(':') => format!("sc://[{h}]:{p}"),
        Some((h, p)) => format!("sc://{h}:{p}"),
        None => "the --remote address".into(),
    }
}

/// How errors name the data: "spark sc://host:port table NAME".
fn origin(o: &SparkOptions) -> PathBuf {
    PathBuf::from(format!("spark {} table {}", shown(&o.remote), o.table))
}

fn spark_error(o: &SparkOptions, what: &str, e: &SparkError) -> Error {
    // The client's messages may echo the whole address, token included.
    let text = e.to_string().replace(&o.remote, &shown(&o.remote));
    let mut first = text.lines().next().unwrap_or("").trim().to_string();
    // A bare error class says little: add its parameters (the token near a syntax error).
    if !e.params.is_empty() && first.len() < 60 {
        let params: Vec<String> = e.params.iter().map(|(k, v)| format!("{k} {v}")).collect();
        first = format!("{first} ({})", params.join(", ")).replace(&o.remote, &shown(&o.remote));
    }
    let class = e.error_class.as_str();
    let hint = if class.contains("TABLE_OR_VIEW_NOT_FOUND") {
        format!(
            "no table '{}' on this Spark: name it as Spark SQL does (db.table), or create it first",
            o.table
        )
    } else if class.contains("PARSE_SYNTAX_ERROR") {
        "Spark could not parse the query: a population filter (--where) must be Spark SQL too; \
         `candor sql --dialect spark` prints the query"
            .into()
    } else if e.grpc_code.is_some_and(|c| c == 14) {
        format!(
            "is a Spark Connect server listening at {}? (start-connect-server.sh, or \
             spark-submit --class org.apache.spark.sql.connect.service.SparkConnectServer)",
            shown(&o.remote)
        )
    } else {
        "run `candor sql --dialect spark --table NAME` and try the query in Spark itself".into()
    };
    Error::Read {
        path: origin(o),
        reason: format!("{what}: {first}"),
        hint: Some(hint),
    }
}

/// The server's host and port from `sc://host:port/;params` (port 15002 when not given).
fn endpoint(remote: &str) -> Option<(String, u16)> {
    let rest = remote.strip_prefix("sc://")?;
    let hostport = rest.split('/').next()?;
    // Parameters go after "/;"; a user part ("user:secret@host") is not a Spark Connect form.
    if hostport.contains([';', '@']) {
        return None;
    }
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => (h, p.parse().ok()?),
        _ => (hostport, 15002),
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    (!host.is_empty()).then(|| (host.to_string(), port))
}

/// Whether a TCP connection to the server opens within two seconds.
fn reachable(host: &str, port: u16) -> bool {
    use std::net::ToSocketAddrs;
    let Ok(addrs) = (host, port).to_socket_addrs() else {
        return false;
    };
    addrs.into_iter().any(|a| {
        std::net::TcpStream::connect_timeout(&a, std::time::Duration::from_secs(2)).is_ok()
    })
}

/// Probes between waits for a call: after this many failed probes in a row the server is gone.
const LOST_AFTER: u32 = 3;

/// Runs one call to Spark on its own thread, watching the server meanwhile. The client retries
/// a lost connection for up to ~10 minutes (exponential backoff, 15 times); when the server no
/// longer accepts connections on three probes in a row (~10 s), the call is given up with an
/// error instead (the thread is left to end with the process).
fn guarded<T: Send + 'static>(
    o: &SparkOptions,
    what: &str,
    call: impl FnOnce() -> std::result::Result<T, SparkError> + Send + 'static,
) -> Result<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(call());
    });
    let target = endpoint(&o.remote);
    let mut failed = 0;
    loop {
        match rx.recv_timeout(std::time::Duration::from_secs(2)) {
            Ok(r) => return r.map_err(|e| spark_error(o, what, &e)),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(Error::Read {
                    path: origin(o),
                    reason: format!("{what}: the Spark client stopped without an answer"),
                    hint: None,
                });
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
        }
        let up = target.as_ref().is_none_or(|(h, p)| reachable(h, *p));
        failed = if up { 0 } else { failed + 1 };
        if failed >= LOST_AFTER {
            return Err(Error::Read {
                path: origin(o),
                reason: format!(
                    "{what}: the connection to Spark was lost (the server stopped accepting \
                     connections)"
                ),
                hint: Some(format!(
                    "check that the Spark Connect server at {} is running, then run the audit \
                     again; no report was written",
                    shown(&o.remote)
                )),
            });
        }
    }
}

/// Runs a query and returns its result as a polars frame (through Arrow IPC bytes), with the
/// number of bytes that crossed.
fn fetch(
    session: &SparkSession,
    o: &SparkOptions,
    what: &str,
    query: &str,
) -> Result<(DataFrame, Vec<u8>)> {
    let (s, q) = (session.clone(), query.to_string());
    let bytes = guarded(o, what, move || s.sql(&q).and_then(|df| df.to_arrow()))?;
    let df = IpcReader::new(Cursor::new(&bytes))
        .finish()
        .map_err(|e| Error::Read {
            path: origin(o),
            reason: format!("{what}: the result could not be read as Arrow: {e}"),
            hint: None,
        })?;
    Ok((df, bytes))
}

/// The table's columns and their types, as Spark reports them.
fn schema(session: &SparkSession, o: &SparkOptions) -> Result<Schema> {
    let (df, _) = fetch(
        session,
        o,
        "reading the table's columns",
        &format!("SELECT * FROM {} LIMIT 0", o.table),
    )?;
    Ok(df.schema().as_ref().clone())
}

/// Every column the spec names must exist, and the score must be a number.
fn check_columns(spec: &AuditSpec, o: &SparkOptions, schema: &Schema) -> Result<()> {
    let names: Vec<String> = schema.iter_names().map(|n| n.to_string()).collect();
    super::needed_columns(spec, &names, &origin(o))?;
    if let Some(s) = &spec.score {
        let dt = schema
            .get(s.column.as_str())
            .cloned()
            .unwrap_or(DataType::Null);
        if !dt.is_primitive_numeric() {
            return Err(Error::column(
                &origin(o),
                &s.column,
                "the score",
                format!(
                    "expected numbers, Spark types the column as {}",
                    if dt == DataType::String {
                        "text (string)".to_string()
                    } else {
                        dt.to_string()
                    }
                ),
                Some(
                    "cast it in a view (CAST(score AS DOUBLE)) and audit the view, or name \
                     another column"
                        .into(),
                ),
            ));
        }
    }
    Ok(())
}

/// The query fetching the rows: all of them, or a seeded sample of about `sample_rows`.
fn rows_query(spec: &AuditSpec, o: &SparkOptions, total: u64) -> Result<String> {
    let q = |c: &str| Dialect::Spark.quote(c);
    // Each column the spec names, once, in the spec's order (checked present before).
    let mut cols: Vec<String> = Vec::new();
    for (c, _) in super::spec_columns(spec) {
        if !cols.contains(&q(&c)) {
            cols.push(q(&c));
        }
    }
    let mut conditions = Vec::new();
    if let Some(pred) = &spec.data.where_ {
        conditions.push(format!(
            "({})",
            super::sql::predicate(pred, Dialect::Spark)?
        ));
    }
    if total > o.sample_rows {
        // With an id, a hash of the id and the seed: the same workers whatever the table's
        // layout. Without one, rows are not told apart by their values (two workers may share
        // them all, and a hash would keep or drop them together): Spark's seeded rand(), the
        // same rows as long as the table's files and partitioning stay the same.
        conditions.push(match &spec.data.id {
            Some(id) => format!(
                "pmod(xxhash64({}, {}), {total}) < {}",
                spec.stats.seed,
                q(id),
                o.sample_rows
            ),
            None => format!(
                "rand({}) < {:?}",
                spec.stats.seed,
                o.sample_rows as f64 / total as f64
            ),
        });
    }
    let mut out = format!("SELECT {} FROM {}", cols.join(", "), o.table);
    if !conditions.is_empty() {
        out.push_str(" WHERE ");
        out.push_str(&conditions.join(" AND "));
    }
    Ok(out)
}

/// A UTC offset in minutes as Spark's session time zone: `+08:00`.
fn zone(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// Dates and timestamps as the text a file holds.
fn temporal_as_text(df: DataFrame, o: &SparkOptions) -> Result<DataFrame> {
    let mut exprs = Vec::new();
    for (name, dt) in df.schema().iter() {
        let c = col(name.clone());
        exprs.push(match dt {
            DataType::Date => c.dt().strftime("%Y-%m-%d"),
            DataType::Datetime(_, _) => c.dt().strftime("%Y-%m-%d %H:%M:%S%.f"),
            _ => c,
        });
    }
    df.lazy().select(exprs).collect().map_err(|e| Error::Read {
        path: origin(o),
        reason: format!("reading the rows' dates and times: {e}"),
        hint: None,
    })
}

/// Connects, checks the table against the spec, computes the cells on Spark and fetches the
/// rows screening needs.
pub fn load_spark(spec: &AuditSpec, o: &SparkOptions) -> Result<SparkTable> {
    let Some((host, port)) = endpoint(&o.remote) else {
        return Err(Error::spec(
            "--remote",
            "the address is not a Spark Connect address (sc://HOST:PORT)",
            Some("write sc://HOST:PORT, e.g. sc://127.0.0.1:15002".into()),
        ));
    };
    // The client connects lazily and retries an unreachable server for minutes: ask first.
    if !reachable(&host, port) {
        return Err(Error::Read {
            path: origin(o),
            reason: format!("connecting: nothing accepts connections at {host}:{port}"),
            hint: Some(format!(
                "is a Spark Connect server listening at {}? (scripts/spark_server.sh start, or \
                 spark-submit --class org.apache.spark.sql.connect.service.SparkConnectServer)",
                shown(&o.remote)
            )),
        });
    }
    let remote = o.remote.clone();
    let session = guarded(o, "connecting", move || {
        SparkSession::builder().remote(&remote).get_or_create()
    })?;
    // Timestamps come back as instants: shown in the workplace's time zone they read as the
    // file's local times do (a time without an offset is read in it too), so that screening's
    // working hours apply as on the file.
    let (s, zone) = (session.clone(), zone(spec.screen.hours.utc_offset_minutes));
    guarded(o, "setting the session's time zone", move || {
        s.conf().set("spark.sql.session.timeZone", &zone)
    })?;
    let schema = schema(&session, o)?;
    check_columns(spec, o, &schema)?;

    let query = cells_query(spec, &o.table, Dialect::Spark)?;
    let (cells_df, bytes) = fetch(&session, o, "computing the cells", &query)?;
    if cells_df.height() == 0 {
        return Err(match &spec.data.where_ {
            Some(pred) => Error::Filter {
                predicate: pred.clone(),
                message: format!("no row of the Spark table {} matches", o.table),
                hint: Some(
                    "check the column values and quoting: strings take single quotes, e.g. \
                     sex = 'Female'"
                        .into(),
                ),
            },
            None => Error::Read {
                path: origin(o),
                reason: "the table has no rows".into(),
                hint: None,
            },
        });
    }
    let path = origin(o);
    let (sha256, size) = (super::sha256_hex(&bytes), bytes.len() as u64);
    let mut cells = cells_from_frame(
        spec,
        &cells_df,
        &FrameSource {
            path: &path,
            format: FileFormat::Ipc,
            sha256,
            bytes: size,
        },
    )?;
    cells.set_source_name(&o.table);
    let total = cells.source().rows_in_file;

    let (rows_df, _) = fetch(
        &session,
        o,
        "fetching rows for screening",
        &rows_query(spec, o, total)?,
    )?;
    let _ = session.stop();
    if rows_df.height() == 0 {
        return Err(Error::Read {
            path: origin(o),
            reason: "fetching rows for screening: the sample holds no row".into(),
            hint: Some("raise --sample-rows".into()),
        });
    }
    let rows_df = temporal_as_text(rows_df, o)?;
    let used = (rows_df.height() as u64, total);
    let rows_df = rows_df
        .with_row_index(ROW.into(), None)
        .map_err(|e| super::polars_error(&path, e))?;
    let mut row_spec = spec.clone();
    row_spec.data.path = path.clone();
    row_spec.data.format = FileFormat::Ipc;
    row_spec.data.where_ = None;
    let rows = super::roles::canonicalise(rows_df, &row_spec, cells.source().clone())?;
    Ok(SparkTable { cells, rows, used })
}

impl Engine for SparkTable {
    fn kind(&self) -> EngineKind {
        EngineKind::Spark
    }

    fn source(&self) -> &SourceInfo {
        self.cells.source()
    }

    fn decision(&self) -> &DecisionValues {
        self.cells.decision()
    }

    fn label(&self) -> Option<&LabelValues> {
        self.cells.label()
    }

    fn missing(&self) -> &BTreeMap<String, String> {
        self.cells.missing()
    }

    fn aggregate(&self, slices: &[Vec<String>]) -> Result<Aggregates> {
        self.cells.aggregate(slices)
    }

    fn screen_data(
        &self,
        dictionary: &Dictionary,
        hours: &WorkingHours,
        codes_for: &[String],
    ) -> Result<Option<ScreenData>> {
        self.rows.screen_data(dictionary, hours, codes_for)
    }

    fn model_data(&self, names: &[String]) -> Result<Option<super::ModelData>> {
        self.rows.model_data(names)
    }

    fn sample(&self, rows: usize, seed: u64) -> Result<Option<Table>> {
        self.rows.sample(rows, seed)
    }

    fn subject_rows(&self, id: &str) -> Result<Option<SubjectData>> {
        self.rows.subject_rows(id)
    }

    fn rows_used(&self) -> Option<(u64, u64)> {
        Some(self.used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_parsed() {
        let e = |s: &str| endpoint(s).map(|(h, p)| format!("{h} {p}"));
        assert_eq!(
            e("sc://127.0.0.1:15002").as_deref(),
            Some("127.0.0.1 15002")
        );
        assert_eq!(
            e("sc://spark.example/;token=x").as_deref(),
            Some("spark.example 15002")
        );
        assert_eq!(e("sc://h:443/;use_ssl=true").as_deref(), Some("h 443"));
        assert_eq!(e("sc://[::1]:15003").as_deref(), Some("::1 15003"));
        assert_eq!(e("http://h:1"), None);
        assert_eq!(e("sc://"), None);
        assert_eq!(e("sc://h:notaport"), None);
        assert_eq!(shown("sc://h:443/;use_ssl=true;token=SECRET"), "sc://h:443");
        assert_eq!(shown("sc://[::1]:15003"), "sc://[::1]:15003");
        // Parameters before the slash, or a user part, are not the Spark Connect form (and
        // would put a secret into messages).
        assert_eq!(e("sc://127.0.0.1:15002;token=SECRET"), None);
        assert_eq!(e("sc://SECRET@127.0.0.1:15002/"), None);
        assert_eq!(zone(480), "+08:00");
        assert_eq!(zone(-330), "-05:30");
        assert_eq!(zone(0), "+00:00");
    }
    use crate::spec::SpecFile;

    fn spec() -> AuditSpec {
        let mut f = SpecFile::default();
        f.data.path = Some("x.csv".into());
        f.decision.column = Some("flag".into());
        f.groups.attributes = Some(vec!["sex".into()]);
        f.features.columns = Some(vec!["sick days".into()]);
        f.check().unwrap()
    }

    #[test]
    fn rows_query_samples_only_above_the_limit() {
        let s = spec();
        let o = SparkOptions {
            remote: "sc://127.0.0.1:15002".into(),
            table: "hr.flags".into(),
            sample_rows: 1000,
        };
        assert_eq!(
            rows_query(&s, &o, 1000).unwrap(),
            "SELECT `flag`, `sex`, `sick days` FROM hr.flags"
        );
        assert_eq!(
            rows_query(&s, &o, 5000).unwrap(),
            format!(
                "SELECT `flag`, `sex`, `sick days` FROM hr.flags WHERE rand({}) < 0.2",
                s.stats.seed
            )
        );
        let mut with_id = s.clone();
        with_id.data.id = Some("worker id".into());
        assert_eq!(
            rows_query(&with_id, &o, 5000).unwrap(),
            format!(
                "SELECT `flag`, `sex`, `sick days`, `worker id` FROM hr.flags WHERE \
                 pmod(xxhash64({}, `worker id`), 5000) < 1000",
                s.stats.seed
            )
        );
    }
}
