//! Faults injected into real imports: the importer is killed (SIGKILL) at
//! random moments — opening and migrating, storing, linking, finishing —
//! and after every kill the archive must pass `newsarchive check`, hold
//! only whole articles, and, once the import is run again, hold exactly
//! what an uninterrupted import gives.
//!
//! `NEWSARCHIVE_CRASH_KILLS` sets the number of kills (default 12) and
//! `NEWSARCHIVE_CRASH_SEED` the seed of the kill times, printed on failure.
#![cfg(unix)]

mod common;

use common::{Workdir, column_of, columns_of};
use newsarchive::synth::Rng;
use rusqlite::{Connection, types::Value};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Articles in the corpus: enough for two storing transactions and a
/// linking pass that takes a good part of the run.
const ARTICLES: &str = "1000";

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("newsarchive")
}

fn import(db: &Path, corpus: &Path) -> Command {
    let mut c = Command::new(binary());
    c.arg("--db").arg(db).arg("--quiet").arg("import").arg(corpus);
    c.stdout(Stdio::null()).stderr(Stdio::piped()).env_remove("NEWSARCHIVE_DB");
    c
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Every row of every table an import writes, as text, sorted; the
/// bookkeeping of runs (which differs by design: more runs, other times)
/// and the full-text index's internal segments (whose layout depends on
/// how inserts were batched) left out. Ids are included: an interrupted
/// and resumed import must give the same ids as an uninterrupted one.
fn contents(db: &Path) -> Vec<(String, Vec<String>)> {
    let conn = Connection::open(db).unwrap();
    let tables = column_of(
        &conn,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
           AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT GLOB '*_fts_*'
           AND name NOT IN ('import_runs', 'import_errors', 'refinery_schema_history') ORDER BY name",
    );
    tables
        .into_iter()
        .map(|t| {
            let cols: Vec<String> = columns_of(&conn, &t)
                .into_iter()
                .filter(|c| c != "import_run_id" && c != "imported_at")
                .map(|c| format!("\"{c}\""))
                .collect();
            let sql = format!("SELECT {0} FROM \"{t}\" ORDER BY {0}", cols.join(", "));
            let mut stmt = conn.prepare(&sql).unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| match r.get::<_, Value>(i).unwrap() {
                            Value::Null => "∅".to_owned(),
                            Value::Integer(v) => v.to_string(),
                            Value::Real(v) => format!("{v:.6}"),
                            Value::Text(v) => v,
                            Value::Blob(b) => format!("blob:{}:{:x}", b.len(), fnv(&b)),
                        })
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (t, rows)
        })
        .collect()
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Whatever a killed import left: sound, and every article in it whole —
/// the same source, quotations and sentence units as in the reference
/// archive, or not there at all.
fn assert_whole(db: &Path, reference: &Path, context: &str) {
    // A kill before the migrations' transaction commits leaves no file, or
    // one holding at most refinery's (empty) history table and the index
    // of its key: nothing half-written either way.
    if !db.exists() {
        return;
    }
    let tables: Vec<String> = Connection::open(db)
        .unwrap()
        .prepare("SELECT name FROM sqlite_schema")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    if !tables.iter().any(|t| t == "articles") {
        assert!(
            tables.iter().all(|t| t == "refinery_schema_history" || t == "sqlite_autoindex_refinery_schema_history_1"),
            "{context}: part of a schema: {tables:?}"
        );
        return;
    }
    let out = Command::new(binary()).arg("--db").arg(db).args(["--format", "csv", "check"]).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{context}: `newsarchive check` failed:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!report.contains("FAILED"), "{context}:\n{report}");

    let conn = Connection::open(db).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok", "{context}");
    conn.execute("ATTACH ?1 AS ref", [reference.to_str().unwrap()]).unwrap();
    let strays: i64 = conn
        .query_row(
            "SELECT count(*) FROM main.articles a WHERE NOT EXISTS
               (SELECT 1 FROM ref.articles r WHERE r.content_sha256 = a.content_sha256 AND r.body = a.body
                  AND r.boilerplate = a.boilerplate AND r.title IS a.title)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(strays, 0, "{context}: articles unlike any of an uninterrupted import");
    // Each side's rows for the articles present here, compared both ways.
    for (what, here, there) in [
        (
            "quotations",
            "SELECT a.content_sha256, q.start, q.\"end\", q.text, q.kind, q.region, q.cue, q.speaker_text
               FROM main.quotes q JOIN main.articles a ON a.id = q.article_id",
            "SELECT a.content_sha256, q.start, q.\"end\", q.text, q.kind, q.region, q.cue, q.speaker_text
               FROM ref.quotes q JOIN ref.articles a ON a.id = q.article_id
              WHERE a.content_sha256 IN (SELECT content_sha256 FROM main.articles)",
        ),
        (
            "sentence units",
            "SELECT a.content_sha256, q.start, u.seq, w.normalized
               FROM main.quote_units u JOIN main.quote_wordings w ON w.id = u.wording_id JOIN main.quotes q ON q.id = u.quote_id JOIN main.articles a ON a.id = u.article_id",
            "SELECT a.content_sha256, q.start, u.seq, w.normalized
               FROM ref.quote_units u JOIN ref.quote_wordings w ON w.id = u.wording_id JOIN ref.quotes q ON q.id = u.quote_id JOIN ref.articles a ON a.id = u.article_id
              WHERE a.content_sha256 IN (SELECT content_sha256 FROM main.articles)",
        ),
        (
            "sources",
            "SELECT a.content_sha256, s.size, s.raw_zstd FROM main.sources s JOIN main.articles a ON a.id = s.article_id",
            "SELECT a.content_sha256, s.size, s.raw_zstd FROM ref.sources s JOIN ref.articles a ON a.id = s.article_id
              WHERE a.content_sha256 IN (SELECT content_sha256 FROM main.articles)",
        ),
    ] {
        for (a, b, side) in [(here, there, "extra"), (there, here, "missing")] {
            let diff: i64 =
                conn.query_row(&format!("SELECT count(*) FROM ({a} EXCEPT {b})"), [], |r| r.get(0)).unwrap();
            assert_eq!(diff, 0, "{context}: {diff} {what} {side} in a half-written article");
        }
    }
}

#[test]
fn killed_imports_leave_whole_articles_and_resume_to_the_same_archive() {
    let w = Workdir::new();
    w.stdout(&["gen-corpus", "--articles", ARTICLES, "--seed", "5", "--out", "corpus.jsonl"]);
    // A few bad lines, so that kills also land while errors are recorded.
    let mut corpus = std::fs::read(w.path().join("corpus.jsonl")).unwrap();
    corpus.extend_from_slice(b"{\"outlet\": \"X\", \"text\": \n{\"text\": \"\"}\n");
    let corpus_path = w.write("corpus.jsonl", corpus);

    let reference = w.path().join("reference.db");
    let started = Instant::now();
    let out = import(&reference, &corpus_path).output().unwrap();
    let full = started.elapsed();
    assert_eq!(out.status.code(), Some(1), "two bad lines: {}", String::from_utf8_lossy(&out.stderr));
    let expected = contents(&reference);

    let kills = env_number("NEWSARCHIVE_CRASH_KILLS", 12);
    let seed = env_number("NEWSARCHIVE_CRASH_SEED", 20_261_125);
    // A seeded sequence of kill times, reproducible from the seed.
    let mut rng = Rng::new(seed);
    let db = w.path().join("crashed.db");
    let (mut killed, mut attempts, mut completed) = (0u64, 0u64, 0u64);
    // The window covers the whole run and a little after, so kills land
    // in every phase, including at the very start (schema creation).
    let window = full.as_millis() as u64 * 11 / 10 + 1;
    while killed < kills {
        attempts += 1;
        assert!(attempts < kills * 20, "seed {seed}: imports kept finishing before the kill");
        let delay = Duration::from_millis(rng.next_u64() % window);
        let mut child = import(&db, &corpus_path).spawn().unwrap();
        std::thread::sleep(delay);
        let context = format!("seed {seed}, kill {} after {delay:?}", killed + 1);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            child.wait().unwrap();
            killed += 1;
            assert_whole(&db, &reference, &context);
        } else {
            // It finished first: the archive is complete, and a fresh
            // one is started so that the kills keep hitting real work.
            completed += 1;
            assert_eq!(contents(&db), expected, "{context}: a finished import");
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
        }
    }
    let out = import(&db, &corpus_path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert_whole(&db, &reference, &format!("seed {seed}, after resuming"));
    let got = contents(&db);
    for ((table, rows), (_, want)) in got.iter().zip(&expected) {
        assert!(rows == want, "seed {seed}: table {table} differs from an uninterrupted import");
    }
    assert_eq!(got.len(), expected.len());
    println!(
        "{killed} imports killed and survived ({completed} finished before their kill); seed {seed}; \
         uninterrupted import {full:?}"
    );
}

fn reextract(db: &Path) -> Command {
    let mut c = Command::new(binary());
    c.arg("--db").arg(db).arg("--quiet").arg("reextract");
    c.stdout(Stdio::null()).stderr(Stdio::piped()).env_remove("NEWSARCHIVE_DB");
    c
}

fn copy_archive(from: &Path, to: &Path) {
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    // A checkpointed archive is one file.
    Connection::open(from).unwrap().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    std::fs::copy(from, to).unwrap();
}

#[test]
fn killed_reextractions_leave_whole_articles_and_resume_to_the_same_archive() {
    let w = Workdir::new();
    w.stdout(&["gen-corpus", "--articles", ARTICLES, "--seed", "7", "--out", "corpus.jsonl"]);
    let corpus = w.path().join("corpus.jsonl");
    let reference = w.path().join("reference.db");
    let out = import(&reference, &corpus).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let imported = contents(&reference);

    // An archive whose extraction is out of date: a quarter of the bodies
    // differ from what today's extractors make of their sources.
    let stale = w.path().join("stale.db");
    copy_archive(&reference, &stale);
    let conn = Connection::open(&stale).unwrap();
    // The full-text index's triggers call newsarchive's function.
    conn.create_scalar_function("fts_segment", 1, rusqlite::functions::FunctionFlags::SQLITE_UTF8, |ctx| {
        Ok(ctx.get::<Option<String>>(0)?.map(|t| newsarchive::search::segment::for_index(&t).into_owned()))
    })
    .unwrap();
    let changed = conn.execute("UPDATE articles SET body = body || ' (out of date)' WHERE id % 4 = 0", []).unwrap();
    drop(conn);
    assert!(changed > 200, "{changed}");

    let db = w.path().join("crashed.db");
    copy_archive(&stale, &db);
    let started = Instant::now();
    let out = reextract(&db).output().unwrap();
    let full = started.elapsed();
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{summary}");
    assert_whole(&db, &reference, "uninterrupted reextraction");
    // An up-to-date archive is left as it is.
    let fixed = contents(&db);
    let out = reextract(&db).output().unwrap();
    assert!(out.status.success());
    assert_eq!(contents(&db), fixed, "a second reextraction changed an up-to-date archive");
    let bodies = |p: &Path| column_of(&Connection::open(p).unwrap(), "SELECT body FROM articles ORDER BY id");
    assert_eq!(bodies(&db), bodies(&reference), "reextraction gives every body back");

    let kills = env_number("NEWSARCHIVE_CRASH_KILLS", 12) / 2;
    let seed = env_number("NEWSARCHIVE_CRASH_SEED", 20_261_206);
    let mut rng = Rng::new(seed);
    let window = full.as_millis() as u64 * 11 / 10 + 1;
    let (mut killed, mut attempts) = (0u64, 0u64);
    while killed < kills {
        attempts += 1;
        assert!(attempts < kills * 20, "seed {seed}: reextractions kept finishing before the kill");
        copy_archive(&stale, &db);
        let delay = Duration::from_millis(rng.next_u64() % window);
        let mut child = reextract(&db).spawn().unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_some() {
            continue;
        }
        child.kill().unwrap();
        child.wait().unwrap();
        killed += 1;
        let context = format!("seed {seed}, reextraction killed after {delay:?}");
        // Sound after the kill: every article either as it was or whole anew.
        let out = Command::new(binary()).arg("--db").arg(&db).args(["--format", "csv", "check"]).output().unwrap();
        assert!(out.status.success(), "{context}: {}", String::from_utf8_lossy(&out.stdout));
        let out = reextract(&db).output().unwrap();
        assert!(out.status.success(), "{context}: {}", String::from_utf8_lossy(&out.stderr));
        assert_whole(&db, &reference, &format!("{context}, resumed"));
        assert_eq!(bodies(&db), bodies(&reference), "{context}: bodies after resuming");
    }
    println!(
        "{killed} reextractions killed and resumed; seed {seed}; uninterrupted reextraction {full:?}; import had {} tables",
        imported.len()
    );
}
