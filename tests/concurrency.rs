//! Several processes on one archive: reports read while an import writes,
//! two imports take turns, and a writer that holds the lock too long gets
//! a clear error and changes nothing.

mod common;

use common::{Workdir, column_of, columns_of, parse_csv};
use rusqlite::Connection;
use std::path::Path;
use std::process::{Command, Stdio};

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("newsarchive")
}

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(binary()).arg("--db").arg(db).args(args).env_remove("NEWSARCHIVE_DB").output().unwrap()
}

fn spawn_import(db: &Path, corpus: &Path) -> std::process::Child {
    Command::new(binary())
        .arg("--db")
        .arg(db)
        .args(["--quiet", "import"])
        .arg(corpus)
        .env_remove("NEWSARCHIVE_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Every report's rows, sorted, without the columns that are row ids
/// (which depend on the order work was done in, not on what was found).
fn reports(db: &Path) -> Vec<(String, Vec<String>)> {
    let conn = Connection::open(db).unwrap();
    let views =
        column_of(&conn, "SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'report%' ORDER BY name");
    views
        .into_iter()
        .map(|v| {
            let cols: Vec<String> = columns_of(&conn, &v)
                .into_iter()
                .filter(|c| !["cluster", "a_id", "b_id"].contains(&c.as_str()))
                .map(|c| format!("coalesce(\"{c}\", '∅')"))
                .collect();
            let sql = format!("SELECT {} FROM \"{v}\"", cols.join(" || '|' || "));
            let mut rows: Vec<String> =
                conn.prepare(&sql).unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
            rows.sort();
            (v, rows)
        })
        .collect()
}

#[test]
fn reports_read_while_an_import_writes() {
    let w = Workdir::new();
    w.stdout(&["gen-corpus", "--articles", "2000", "--seed", "3", "--out", "corpus.jsonl"]);
    let db = w.db();
    let mut child = spawn_import(&db, &w.path().join("corpus.jsonl"));
    let (mut during, mut last) = (0, 0);
    loop {
        let running = child.try_wait().unwrap().is_none();
        if db.exists() {
            let out = run(&db, &["--format", "csv", "sql", "SELECT count(*) AS n FROM articles"]);
            if out.status.success() {
                let n: i64 = parse_csv(&String::from_utf8_lossy(&out.stdout)).1[0][0].parse().unwrap();
                assert!(n >= last, "a reader saw {n} articles after {last}");
                last = n;
                let report = run(&db, &["--format", "csv", "report", "quote-overlap"]);
                assert!(report.status.success(), "{}", String::from_utf8_lossy(&report.stderr));
                if running && child.try_wait().unwrap().is_none() {
                    during += 1;
                }
            } else {
                // Only before the importer has created the schema.
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(err.contains("needs upgrading") || err.contains("no such table"), "{err}");
                assert_eq!(last, 0, "{err}");
            }
        }
        if !running {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(during > 0, "no read finished while the import ran");
    assert_eq!(w.count("SELECT count(*) FROM articles"), 2000);
    assert!(run(&db, &["check"]).status.success());
    println!("{during} report and query pairs ran while the import wrote");
}

#[test]
fn two_imports_at_once_take_turns() {
    let w = Workdir::new();
    w.stdout(&["gen-corpus", "--articles", "600", "--seed", "1", "--out", "a.jsonl"]);
    w.stdout(&["gen-corpus", "--articles", "600", "--seed", "2", "--out", "b.jsonl"]);
    // 100 articles in both files: the two imports race to store them.
    let a = std::fs::read_to_string(w.path().join("a.jsonl")).unwrap();
    let shared: String = a.lines().take(100).map(|l| format!("{l}\n")).collect();
    let b = std::fs::read_to_string(w.path().join("b.jsonl")).unwrap();
    w.write("b.jsonl", format!("{b}{shared}"));

    let sequential = w.path().join("sequential.db");
    for f in ["a.jsonl", "b.jsonl"] {
        assert!(run(&sequential, &["--quiet", "import", w.path().join(f).to_str().unwrap()]).status.success());
    }

    // Both start on a file that does not exist yet: they also race to
    // create the schema.
    let db = w.db();
    let first = spawn_import(&db, &w.path().join("a.jsonl"));
    let second = spawn_import(&db, &w.path().join("b.jsonl"));
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(w.count("SELECT count(*) FROM articles"), 1200, "the shared articles are stored once");
    let runs = w.column("SELECT imported + unchanged FROM import_runs ORDER BY imported");
    assert_eq!(runs.len(), 2);
    assert_eq!(w.count("SELECT sum(imported) FROM import_runs"), 1200);
    assert!(run(&db, &["check"]).status.success(), "sound, and nothing left to link");
    // The same articles, quotations and sources as importing one file
    // after the other. Two things the archive decides from what it holds
    // when an article arrives are left out, as they depend on arrival
    // order by design, concurrent or not: which person a surname-only
    // mention is resolved to, and which near-identical wordings share a
    // cluster. Whether a quotation has a speaker does not depend on it;
    // the clusters' summaries are compared with a recomputation below.
    let quotations =
        "SELECT a.content_sha256 || '|' || q.start || '|' || q.text || '|' || (q.speaker_id IS NULL) || '|'
                              || (SELECT size FROM sources WHERE article_id = a.id)
                         FROM quotes q JOIN articles a ON a.id = q.article_id";
    let sorted = |db: &Path| {
        let conn = Connection::open(db).unwrap();
        let mut rows: Vec<String> =
            conn.prepare(quotations).unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        rows.sort();
        rows
    };
    assert!(sorted(&db) == sorted(&sequential), "the same quotations as importing one file after the other");
    // The summaries both writers kept up to date equal a recomputation.
    let incremental = reports(&db);
    assert!(run(&db, &["--quiet", "link", "--rebuild"]).status.success());
    for ((view, rows), (_, rebuilt)) in incremental.iter().zip(&reports(&db)) {
        assert!(rows == rebuilt, "{view}: what two concurrent imports kept up to date differs from a rebuild");
    }
}

#[test]
fn a_writer_that_waits_too_long_fails_cleanly_and_readers_do_not_wait() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    w.write("more/a.txt", "Council votes\n\n\"We are ready,\" the mayor said on Tuesday.\n");
    let before = w.counts();
    // Another process holds the write lock, with work left to link.
    let holder = Connection::open(w.db()).unwrap();
    holder.execute_batch("UPDATE articles SET linked = 0 WHERE id = 1; BEGIN IMMEDIATE;").unwrap();

    let started = std::time::Instant::now();
    let more = w.path().join("more");
    let more = more.to_str().unwrap();
    let out = run(&w.db(), &["--lock-timeout", "1", "import", more]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("locked") && err.contains("--lock-timeout (1 s)"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(30));

    // A report does not wait for the writer: it shows what is linked.
    let out = run(&w.db(), &["--format", "csv", "report", "quote-overlap"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another process is writing"));
    assert_eq!(parse_csv(&String::from_utf8_lossy(&out.stdout)).1.len(), 5);

    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    assert_eq!(w.counts(), before, "the import that gave up changed nothing");
    let out = run(&w.db(), &["import", more]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 imported"), "{}", String::from_utf8_lossy(&out.stderr));
}
