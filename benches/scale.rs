//! Scale: a synthetic corpus of 10k and 100k articles imported by the real
//! binary, as a user would. Prints, for each size: import speed (articles/s,
//! MB/s), peak memory, archive size, each canned report's latency (median of
//! five runs), and the raw-insert baseline — the same rows copied into an
//! empty archive of the same schema with no parsing or linking, the physical
//! floor — with the import's ratio to it. Prints figures; asserts nothing.
//! Then single machine-made articles of 1, 2 and 4 MB (one paragraph of
//! endless people and roles), whose import time must double with their
//! size: each once took quadratic time.
//! Run with `make bench` (or `cargo bench --bench scale`; `SCALE_BENCH_SIZES=…`, empty for
//! the single articles alone; `BENCH_ARTICLES=1000000` for one large run alone).

mod common;
use common::{Count, Imported, binary, file_mb, generate_and_import, median, remove_archive, sizes};

use newsarchive::store::Archive;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Peak resident memory of the largest child process waited for so far, in MB.
fn children_peak_rss_mb() -> f64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the struct we pass and nothing else.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

/// Copies every row of `src` into a new archive of the same schema, table by
/// table with INSERT … SELECT in one transaction, full-text index included.
fn raw_insert_baseline(src: &Path, dir: &Path) -> Duration {
    let dest = dir.join("baseline.db");
    drop(Archive::open(&dest).unwrap());
    let conn = Connection::open(&dest).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;").unwrap();
    conn.execute("ATTACH DATABASE ?1 AS src", [src.to_str().unwrap()]).unwrap();
    // Parents before children, as the foreign keys require.
    let tables = [
        "import_runs",
        "import_errors",
        "outlets",
        "speakers",
        "speaker_aliases",
        "articles",
        "sources",
        "quote_clusters",
        "quote_wordings",
        "quotes",
        "quote_units",
        "wording_keys",
        "article_shingles",
        "article_pairs",
        "outlet_clusters",
        "cluster_stats",
        "outlet_stats",
        "outlet_pair_stats",
        "speaker_stats",
        "wording_stats",
        "claim_clusters",
        "claims",
        "claim_facts",
        "claim_keys",
        "claim_pairs",
        "claim_cluster_stats",
        "outlet_claim_clusters",
        "outlet_claim_stats",
        "outlet_claim_pair_stats",
    ];
    let start = Instant::now();
    conn.execute_batch("BEGIN").unwrap();
    for t in tables {
        // Generated columns (article_pairs.score) are computed, not copied.
        let cols: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_xinfo('{t}') WHERE hidden = 0"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let cols = cols.join(", ");
        conn.execute(&format!("INSERT INTO main.{t}({cols}) SELECT {cols} FROM src.{t}"), []).unwrap();
    }
    conn.execute_batch(
        "INSERT INTO articles_fts(rowid, title, body) SELECT id, title, body FROM articles;
         INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes;
         COMMIT;",
    )
    .unwrap();
    start.elapsed()
}

fn run(articles: usize, dir: &Path) {
    let Imported { corpus, db, corpus_mb: mb, took: import } = generate_and_import(dir, articles, &[]);
    let rss = children_peak_rss_mb();
    let size = file_mb(&db) + file_mb(&db.with_extension("db-wal"));

    let archive = Archive::open_read_only(&db).unwrap();
    let first = |sql: &str| {
        let mut c = newsarchive::report::Collect::default();
        archive.query_into(sql, &[], &mut c).unwrap();
        c.rows[0].iter().map(|v| v.to_text()).collect::<Vec<_>>()
    };
    let quotes = &first("SELECT count(*) FROM quotes")[0];
    println!("\n{articles} articles ({mb:.1} MB of JSON lines, {quotes} quotes)");
    println!(
        "  import: {:.1} s = {:.0} articles/s, {:.1} MB/s; peak RSS {rss:.0} MB; archive {size:.0} MB",
        import.as_secs_f64(),
        articles as f64 / import.as_secs_f64(),
        mb / import.as_secs_f64()
    );
    if let Some(other) = std::env::var_os("SCALE_BENCH_COMPARE") {
        // Another build (an earlier release, say) importing the same corpus.
        let other_db = dir.join("compare.db");
        let start = Instant::now();
        let out = Command::new(&other).arg("--db").arg(&other_db).args(["--quiet", "import"]).arg(&corpus).output();
        let took = start.elapsed();
        assert!(out.is_ok_and(|o| o.status.success()), "SCALE_BENCH_COMPARE={} failed", other.to_string_lossy());
        println!(
            "  the same import by {}: {:.1} s; this build takes {:+.1}%",
            other.to_string_lossy(),
            took.as_secs_f64(),
            100.0 * (import.as_secs_f64() / took.as_secs_f64() - 1.0)
        );
        remove_archive(&other_db);
    }
    let c = first(
        "SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM claim_facts), (SELECT count(*) FROM claim_clusters),
                (SELECT count(*) FROM claim_clusters k JOIN claim_cluster_stats s ON s.cluster_id = k.id WHERE s.outlets > 1),
                (SELECT count(*) FROM claim_pairs WHERE relation = 'conflict'),
                (SELECT count(*) FROM claim_pairs WHERE relation = 'rounding')",
    );
    println!(
        "  claims: {} with {} facts; {} facts stated, {} by several outlets; {} conflicts, {} roundings",
        c[0], c[1], c[2], c[3], c[4], c[5]
    );
    report_latencies(&archive);
    search_latencies(&archive, &db);
    drop(archive);
    shard_export(&db, dir, import);
    // Past 100k the copy takes many minutes and says nothing that the 10k
    // and 100k ratios do not.
    if articles <= 100_000 {
        let baseline = raw_insert_baseline(&db, dir);
        println!(
            "  raw-insert baseline: {:.1} s; import / baseline = {:.2}",
            baseline.as_secs_f64(),
            import.as_secs_f64() / baseline.as_secs_f64()
        );
    }
    remove_archive(&db);
    for f in [corpus, dir.join("baseline.db")] {
        let _ = std::fs::remove_file(f);
    }
}

/// Each canned report's latency: `SELECT *` of its view, all rows read,
/// median of five runs, in process.
fn report_latencies(archive: &Archive) {
    let first = |sql: &str| {
        let mut c = newsarchive::report::Collect::default();
        archive.query_into(sql, &[], &mut c).unwrap();
        c.rows[0].iter().map(|v| v.to_text()).collect::<Vec<_>>()
    };
    println!("  reports (median of 5 runs, SQL time in process):");
    let timed = |sql: &str, params: &[&dyn rusqlite::ToSql]| {
        let mut rows = 0;
        let times: Vec<Duration> = (0..5)
            .map(|_| {
                let mut sink = Count(0);
                let t = Instant::now();
                archive.query_into(sql, params, &mut sink).unwrap();
                rows = sink.0;
                t.elapsed()
            })
            .collect();
        (median(times), rows)
    };
    for name in archive.report_names().unwrap() {
        // Blindspots are read one outlet at a time: the busiest one.
        let (took, rows, name) = if name == "blindspots" {
            let outlet = first(
                "SELECT o.name FROM outlets o JOIN outlet_claim_stats s ON s.outlet_id = o.id
                 ORDER BY s.claims DESC, o.name LIMIT 1",
            )
            .remove(0);
            let (took, rows) = timed(newsarchive::store::BLINDSPOTS_OF_OUTLET, &[&outlet]);
            (took, rows, "blindspots --outlet".to_owned())
        } else {
            let (took, rows) = timed(&format!("SELECT * FROM report_{name}"), &[]);
            (took, rows, name)
        };
        println!("    {name:<20} {:>8.1} ms  ({rows} rows)", took.as_secs_f64() * 1e3);
    }
}

/// `search` on the archive: queries of the common, the middling and the
/// rare kind, in process (median of 5) and as a user runs it (the binary,
/// opening the archive, median of 5).
fn search_latencies(archive: &Archive, db: &Path) {
    let mut c = newsarchive::report::Collect::default();
    archive
        .query_into(
            "SELECT (SELECT text FROM quotes WHERE kind = 'full' ORDER BY id LIMIT 1),
                    (SELECT name FROM speakers ORDER BY id LIMIT 1)",
            &[],
            &mut c,
        )
        .unwrap();
    let quote = c.rows[0][0].to_text();
    let speaker = c.rows[0][1].to_text();
    let words: Vec<&str> = quote.split_whitespace().filter(|w| w.chars().all(char::is_alphabetic)).collect();
    let phrase = format!("\"{}\"", words.iter().take(3).copied().collect::<Vec<_>>().join(" "));
    let rare = words.iter().max_by_key(|w| w.len()).copied().unwrap_or("said").to_owned();
    let queries: Vec<(String, Vec<String>)> = vec![
        ("said".into(), vec![]),
        (rare.clone(), vec![]),
        (phrase.clone(), vec![]),
        ("said".into(), vec!["--speaker".into(), speaker.clone(), "--quotes-only".into()]),
    ];
    println!("  search (best 20 hits; in process / the binary, median of 5):");
    for (q, extra) in queries {
        let parsed = newsarchive::search::query::parse(&q);
        let filter = newsarchive::store::Filter {
            speaker: extra.iter().position(|a| a == "--speaker").map(|i| extra[i + 1].clone()),
            quotes_only: extra.iter().any(|a| a == "--quotes-only"),
            limit: 20,
            ..Default::default()
        };
        let mut hits = 0;
        let inside: Vec<Duration> = (0..5)
            .map(|_| {
                let t = Instant::now();
                hits = archive.search(&parsed.fts, &q, &filter).unwrap().len();
                t.elapsed()
            })
            .collect();
        let outside: Vec<Duration> = (0..5)
            .map(|_| {
                let t = Instant::now();
                let out =
                    Command::new(binary()).arg("--db").arg(db).arg("search").arg(&q).args(&extra).output().unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                t.elapsed()
            })
            .collect();
        let shown = format!("{q} {}", extra.join(" "));
        println!(
            "    {:<40} {:>7.1} ms / {:>7.1} ms  ({hits} hits)",
            shown.trim(),
            median(inside).as_secs_f64() * 1e3,
            median(outside).as_secs_f64() * 1e3
        );
    }
}

fn main() {
    // Search latency alone, on an archive already imported (say the 100k
    // archive of an earlier run, kept): `SCALE_BENCH_SEARCH_DB=archive.db`.
    if let Some(db) = std::env::var_os("SCALE_BENCH_SEARCH_DB") {
        let db = PathBuf::from(db);
        println!("scale: search on {}", db.display());
        search_latencies(&Archive::open_read_only(&db).unwrap(), &db);
        return;
    }
    // Report latencies alone, likewise: `SCALE_BENCH_REPORTS_DB=archive.db`.
    if let Some(db) = std::env::var_os("SCALE_BENCH_REPORTS_DB") {
        let db = PathBuf::from(db);
        println!("scale: reports on {}", db.display());
        report_latencies(&Archive::open_read_only(&db).unwrap());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    println!("scale: synthetic corpus (gen-corpus --seed 1), imported by target/release/newsarchive");
    // One large run alone, not part of the default bench:
    // `BENCH_ARTICLES=1000000 make bench`.
    if let Ok(n) = std::env::var("BENCH_ARTICLES") {
        run(n.trim().parse().expect("BENCH_ARTICLES is a number of articles"), dir.path());
        return;
    }
    for n in sizes("SCALE_BENCH_SIZES") {
        run(n, dir.path());
    }
    pathological(dir.path());
}

/// The archive as a Parquet shard (`export --format parquet`), against the
/// import's time: issue 18 asks for at most a fifth of it.
fn shard_export(db: &Path, dir: &Path, import: Duration) {
    let out_dir = dir.join("shard");
    let start = Instant::now();
    let out = Command::new(binary())
        .arg("--db")
        .arg(db)
        .args(["--quiet", "export", "--format", "parquet", "--dir"])
        .arg(&out_dir)
        .output()
        .unwrap();
    let took = start.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes: u64 = walkdir::WalkDir::new(&out_dir)
        .into_iter()
        .filter_map(|e| e.ok()?.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    println!(
        "  Parquet shard export: {:.1} s = {:.1}% of the import; {:.0} MB",
        took.as_secs_f64(),
        100.0 * took.as_secs_f64() / import.as_secs_f64(),
        bytes as f64 / 1e6
    );
    let _ = std::fs::remove_dir_all(out_dir);
}

/// One paragraph of `unit(i)` for i = 0, 1, … up to `bytes`.
fn one_paragraph(bytes: usize, unit: impl Fn(usize) -> String) -> String {
    let mut s = String::with_capacity(bytes + 100);
    let mut i = 0;
    while s.len() < bytes {
        s += &unit(i);
        i += 1;
    }
    s
}

/// Articles no newsroom writes, built to hit what once was quadratic: "the
/// president" asked about after thousands of mentions (who held a role was
/// found by reading every mention), and thousands of different people of
/// one surname (each new speaker was matched against every one before).
fn pathological(dir: &Path) {
    let four_letters =
        |i: usize| (0..4).map(|k| char::from(b'a' + (i / 26usize.pow(k) % 26) as u8)).collect::<String>();
    let kinds: [(&str, &dyn Fn(usize) -> String); 2] = [
        ("one role, mentioned over and over", &|_| {
            "President Bob Smith met the president. \"We won,\" the president said. He agreed. ".to_owned()
        }),
        ("people of one surname", &|i| format!("X{} Smith said \"yes.\" ", four_letters(i))),
    ];
    println!("\nsingle machine-made articles, one paragraph each (import by the binary into a new archive)");
    for (name, unit) in kinds {
        let mut line = format!("  {name:<34}");
        for mb in [1, 2, 4] {
            let file = dir.join("big.txt");
            std::fs::write(&file, one_paragraph(mb << 20, unit)).unwrap();
            let db = dir.join("big.db");
            let start = Instant::now();
            let out =
                Command::new(binary()).arg("--db").arg(&db).args(["--quiet", "import"]).arg(&file).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            line += &format!("  {mb} MB: {:>5.1} s", start.elapsed().as_secs_f64());
            let _ = std::fs::remove_file(file);
            remove_archive(&db);
        }
        println!("{line}");
    }
}
