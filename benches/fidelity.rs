//! Fidelity: a synthetic corpus with the record (transcript) of every
//! story's event (`gen-corpus --transcripts`), imported by the real binary,
//! then the fidelity pass timed in process. Prints, for each size: import
//! time; the pass's time over every quotation again (verdicts cleared, then
//! `link`), the quotations considered and judged, its rate and the verdicts'
//! classes; and the latency of the two fidelity reports (median of five
//! runs, every row fetched). Prints figures; asserts nothing.
//!
//! The bar: at 100k articles, at least 20,000 quotations a second through
//! the pass, and each report under 200 ms.
//!
//! Run with `make bench` (or `cargo bench --bench fidelity`;
//! `FIDELITY_BENCH_SIZES=10000` for one size; `FIDELITY_BENCH_DB=FILE` to
//! measure a copy of an archive already made).

mod common;
use common::{Count, binary, generate_and_import, median, remove_archive, sizes};

use newsarchive::report::Collect;
use newsarchive::store::Archive;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The rows of `sql`, as text.
fn rows(archive: &Archive, sql: &str) -> Vec<Vec<String>> {
    let mut c = Collect::default();
    archive.query_into(sql, &[], &mut c).unwrap();
    c.rows.iter().map(|r| r.iter().map(|v| v.to_text()).collect()).collect()
}

/// Generates and imports a corpus of `articles`, then measures the pass
/// and the reports on it.
fn run(articles: usize, dir: &Path) {
    let imported = generate_and_import(dir, articles, &["--transcripts"]);
    let _ = std::fs::remove_file(&imported.corpus);
    let (mb, import) = (imported.corpus_mb, imported.took);
    println!("\n{articles} articles ({mb:.1} MB of JSON lines)");
    println!(
        "  import: {:.1} s = {:.0} articles/s, {:.1} MB/s",
        import.as_secs_f64(),
        articles as f64 / import.as_secs_f64(),
        mb / import.as_secs_f64()
    );
    measure(&imported.db);
}

/// The pass over every quotation of the archive at `db` again, and the
/// reports; the archive is removed afterwards.
fn measure(db: &Path) {
    let mut archive = Archive::open(db).unwrap();
    let counts = rows(
        &archive,
        "SELECT (SELECT count(*) FROM transcripts), (SELECT count(*) FROM transcript_turns),
                (SELECT count(*) FROM quotes WHERE region = 'body' AND kind <> 'mention')",
    )
    .remove(0);
    let (records, turns, considered) = (&counts[0], &counts[1], counts[2].parse::<f64>().unwrap());
    println!("  {records} records ({turns} turns)");

    // What linking costs with nothing to do, for comparison.
    let start = Instant::now();
    newsarchive::link::link(&mut archive).unwrap();
    let idle = start.elapsed();

    // Every verdict cleared (the archive offers no write path for this, so
    // through SQLite itself; no trigger fires on these tables, and the
    // passages go first rather than by a cascade, which needs foreign keys
    // on), and every article checked again by the next linking pass: the
    // only work left to it.
    {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.execute_batch("DELETE FROM fidelity_passages; DELETE FROM quote_fidelity; DELETE FROM fidelity_checked;")
            .unwrap();
    }
    let start = Instant::now();
    let linked = newsarchive::link::link(&mut archive).unwrap();
    let took = start.elapsed();
    println!(
        "  fidelity pass (link, verdicts cleared): {:.2} s for {considered:.0} quotations considered, {} judged \
         = {:.0} quotations/s",
        took.as_secs_f64(),
        linked.judged,
        considered / took.as_secs_f64()
    );
    println!(
        "    (link with nothing to do takes {:.2} s; the pass alone, {:.2} s = {:.0} quotations/s)",
        idle.as_secs_f64(),
        (took.saturating_sub(idle)).as_secs_f64(),
        considered / took.saturating_sub(idle).as_secs_f64().max(1e-9)
    );
    let classes: Vec<String> =
        rows(&archive, "SELECT class, count(*) FROM quote_fidelity GROUP BY class ORDER BY 2 DESC")
            .into_iter()
            .map(|r| format!("{} {} ({:.1}%)", r[0], r[1], 100.0 * r[1].parse::<f64>().unwrap() / considered))
            .collect();
    println!("  verdicts: {}", classes.join(", "));

    println!("  reports (median of 5 runs, every row fetched):");
    let busiest = |sql: &str| rows(&archive, sql).remove(0).remove(0);
    let outlet = busiest("SELECT outlet FROM report_fidelity_outlets LIMIT 1");
    let speaker = busiest(
        "SELECT s.name FROM quote_fidelity f JOIN quotes q ON q.id = f.quote_id JOIN speakers s ON s.id = q.speaker_id
         GROUP BY s.id ORDER BY count(*) DESC LIMIT 1",
    );
    for (what, args) in [
        ("fidelity-outlets", vec!["fidelity-outlets"]),
        ("fidelity --outlet (busiest)", vec!["fidelity", "--outlet", &outlet]),
        ("fidelity --speaker (busiest)", vec!["fidelity", "--speaker", &speaker]),
        ("fidelity (every quotation)", vec!["fidelity"]),
    ] {
        let mut lines = 0;
        let times: Vec<Duration> = (0..5)
            .map(|_| {
                let t = Instant::now();
                let out = Command::new(binary())
                    .arg("--db")
                    .arg(db)
                    .args(["--format", "csv", "report"])
                    .args(&args)
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                lines = out.stdout.iter().filter(|&&b| b == b'\n').count();
                t.elapsed()
            })
            .collect();
        println!("    {what:<30} {:>8.1} ms  (the command; {} lines of CSV)", median(times).as_secs_f64() * 1e3, lines);
    }
    for view in ["report_fidelity_outlets", "report_fidelity"] {
        let mut n = 0;
        let times: Vec<Duration> = (0..5)
            .map(|_| {
                let mut sink = Count(0);
                let t = Instant::now();
                archive.query_into(&format!("SELECT * FROM {view}"), &[], &mut sink).unwrap();
                n = sink.0;
                t.elapsed()
            })
            .collect();
        println!("    {view:<30} {:>8.1} ms  (the view in process; {n} rows)", median(times).as_secs_f64() * 1e3);
    }
    drop(archive);
    remove_archive(db);
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    println!(
        "fidelity: synthetic corpus with records (gen-corpus --seed 1 --transcripts), imported by \
         target/release/newsarchive"
    );
    // An archive already made (by an earlier build, say): a copy of it,
    // migrated, is measured instead of generating corpora.
    if let Ok(given) = std::env::var("FIDELITY_BENCH_DB") {
        let db = dir.path().join("given.db");
        std::fs::copy(&given, &db).unwrap();
        println!("\n{given} (a copy, migrated)");
        measure(&db);
        return;
    }
    for n in sizes("FIDELITY_BENCH_SIZES") {
        run(n, dir.path());
    }
}
