//! `newsarchive check`: SQLite's integrity checks, newsarchive's own
//! promises about its rows, and row counts — reading only.

mod common;
use common::{Workdir, parse_csv};

/// The check's rows by name: (status, count).
fn check(w: &Workdir) -> (Option<i32>, std::collections::HashMap<String, (String, String)>) {
    let out = w.cmd().args(["check", "--format", "csv"]).output().unwrap();
    let (header, rows) = parse_csv(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(header, ["check", "status", "count", "detail"]);
    (out.status.code(), rows.into_iter().map(|r| (r[0].clone(), (r[1].clone(), r[2].clone()))).collect())
}

#[test]
fn a_sound_archive_passes_with_its_counts() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let (code, rows) = check(&w);
    assert_eq!(code, Some(0));
    for (name, (status, _)) in &rows {
        assert_eq!(status, "ok", "{name}");
    }
    assert_eq!(rows["rows in articles"].1, "5");
    assert_eq!(rows["rows in quotes"].1, w.count("SELECT count(*) FROM quotes").to_string());
    assert_eq!(rows["integrity"].0, "ok");
}

#[test]
fn damage_done_outside_newsarchive_is_found() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    w.conn()
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             DELETE FROM sources WHERE article_id = 1;
             UPDATE quotes SET start = start + 3, \"end\" = \"end\" + 3 WHERE id = 1;
             INSERT INTO quotes(article_id, text, normalized, start, \"end\", paragraph, line, kind, region)
                 VALUES (999, 'ghost', 'ghost', 0, 5, 0, 1, 'full', 'body');
             DELETE FROM articles_fts_docsize WHERE id = 2;",
        )
        .unwrap();
    let (code, rows) = check(&w);
    assert_eq!(code, Some(1));
    for (name, count) in [
        ("foreign keys", "1"),
        ("articles have their source", "1"),
        ("quote offsets", "1"),
        ("article search index", "1"),
        ("quote search index", "1"),
    ] {
        assert_eq!(rows[name], ("FAILED".to_string(), count.to_string()), "{name}");
    }
    let out = w.cmd().arg("check").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("5 checks FAILED"));
}

#[test]
fn unfinished_work_is_a_note_not_a_failure() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    w.conn()
        .execute_batch(
            "UPDATE articles SET linked = 0 WHERE id = 1; INSERT INTO import_runs(command) VALUES ('killed')",
        )
        .unwrap();
    let (code, rows) = check(&w);
    assert_eq!(code, Some(0));
    assert_eq!(rows["linking"], ("note".to_string(), "1".to_string()));
    assert_eq!(rows["import runs"], ("note".to_string(), "1".to_string()));
    w.stdout(&["link"]);
    assert_eq!(check(&w).1["linking"].0, "ok");
}

#[test]
fn an_older_archive_is_checked_as_it_is() {
    let w = Workdir::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archives/v3-seed.db");
    std::fs::copy(&src, w.db()).unwrap();
    let (code, rows) = check(&w);
    assert_eq!(code, Some(0));
    assert_eq!(rows["schema version"], ("note".to_string(), "3".to_string()));
    assert_eq!(rows["integrity"].0, "ok");
    assert_eq!(w.count("SELECT count(*) FROM refinery_schema_history"), 3, "not upgraded");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsarchive"))
        .current_dir(w.path())
        .args(["--db", "missing.db", "check"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no archive here"));
}

#[test]
fn an_archive_killed_before_its_first_commit_is_empty_not_broken() {
    let w = Workdir::new();
    std::fs::write(w.db(), b"").unwrap();
    let (code, rows) = check(&w);
    assert_eq!(code, Some(0));
    assert_eq!(rows["schema version"], ("note".to_string(), "0".to_string()));
    assert_eq!(rows["integrity"].0, "ok");
    assert!(!rows.contains_key("import runs"), "no tables to read yet");
    // The next import creates it as usual.
    w.stdout(&["seed"]);
    assert_eq!(w.count("SELECT count(*) FROM articles"), 5);
}

#[test]
fn reading_commands_roll_back_what_a_killed_writer_left_half_done() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let units = w.count("SELECT count(*) FROM quote_units");
    // A writer in the middle of a transaction, its changes already spilled
    // into the file (a tiny cache forces that): a copy of the file and its
    // rollback journal now is what a kill at that moment leaves behind.
    let live = w.path().join("live.db");
    std::fs::copy(w.db(), &live).unwrap();
    {
        let conn = rusqlite::Connection::open(&live).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2;
             BEGIN; DELETE FROM quote_units; DELETE FROM article_shingles;",
        )
        .unwrap();
        let journal = w.path().join("live.db-journal");
        assert!(journal.exists(), "the transaction has a journal");
        std::fs::copy(&live, w.db()).unwrap();
        std::fs::copy(&journal, w.path().join("test.db-journal")).unwrap();
        conn.execute_batch("ROLLBACK").unwrap();
    }
    for args in [&["check", "--format", "csv"][..], &["sql", "SELECT count(*) FROM quote_units", "--format", "csv"]] {
        let out = w.cmd().args(args).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout.contains(&units.to_string()), "{args:?} sees the last commit: {stdout}");
    }
    assert!(!w.path().join("test.db-journal").exists(), "rolled back");
}
