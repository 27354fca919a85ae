//! Runs SQL statements on a Spark Connect server, through the client Candor uses: table set-up
//! for scripts/bench_spark.sh and for trying `candor audit --engine spark` by hand.
//!
//! ```sh
//! cargo run --release --features spark --example spark_sql -- sc://127.0.0.1:15002 \
//!   "CREATE TABLE warehouse USING csv OPTIONS (path '/abs/warehouse.csv', header 'true', inferSchema 'true')"
//! ```
//!
//! Each statement's result is printed as rows (at most 20).

// The client's error type is large; its crate allows the same lint.
#![allow(clippy::result_large_err)]

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(remote) = args.next() else {
        eprintln!("usage: spark_sql sc://HOST:PORT STATEMENT...");
        std::process::exit(2);
    };
    let session = match spark_connect::SparkSession::builder()
        .remote(&remote)
        .get_or_create()
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: connecting to {remote}: {e}");
            std::process::exit(2);
        }
    };
    for statement in args {
        match session.sql(&statement).and_then(|df| df.collect()) {
            Ok(rows) => {
                for r in rows.iter().take(20) {
                    println!("{r:?}");
                }
            }
            Err(e) => {
                eprintln!("error: {statement}: {e}");
                std::process::exit(2);
            }
        }
    }
    let _ = session.stop();
}
