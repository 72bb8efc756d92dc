//! `newsarchive sql`: read-only queries.

mod common;
use common::{Workdir, parse_csv};

#[test]
fn select_in_every_format() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let (header, rows) = parse_csv(&w.stdout(&["sql", "SELECT name FROM outlets ORDER BY name", "--format", "csv"]));
    assert_eq!(header, ["name"]);
    assert_eq!(rows.len(), 5);
    let table = w.stdout(&["sql", "SELECT count(*) AS n FROM articles"]);
    assert!(table.contains('5'), "{table}");
    let fts = w.stdout(&[
        "sql",
        "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'denuclearization'",
        "--format",
        "csv",
    ]);
    assert!(parse_csv(&fts).1[0][0].parse::<i64>().unwrap() >= 3, "full-text search over quotes: {fts}");
}

#[test]
fn writes_are_refused_and_nothing_changes() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let before = w.counts();
    for stmt in [
        "DELETE FROM articles",
        "INSERT INTO outlets(name) VALUES ('x')",
        "UPDATE quotes SET text = ''",
        "DROP TABLE quotes",
        "CREATE TABLE t(x)",
        "PRAGMA user_version = 7",
        "VACUUM INTO 'copy.db'",
        "ATTACH 'other.db' AS other",
        "SELECT 1; DELETE FROM articles",
        "SELECT load_extension('libevil')",
        "REINDEX",
        "ANALYZE",
    ] {
        let out = w.cmd().args(["sql", stmt]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{stmt}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            ["read", "refused", "not authorized", "one statement", "unable to open"].iter().any(|m| err.contains(m)),
            "{stmt}: {err}"
        );
    }
    assert_eq!(w.counts(), before);
    assert!(!w.path().join("copy.db").exists() && !w.path().join("other.db").exists(), "no file was written");
    let version: i64 = w.conn().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 0);
}

#[test]
fn missing_archive_and_bad_sql() {
    let w = Workdir::new();
    let out = w.cmd().args(["sql", "SELECT 1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no archive here"));
    assert!(!w.db().exists(), "a read-only command creates nothing");
    w.stdout(&["seed"]);
    let out = w.cmd().args(["sql", "SELECT nope FROM outlets"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such column"));
}

#[test]
fn report_filters_are_values_never_sql() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let before = w.counts();
    for (flag, value) in [("--speaker", "x' OR 1=1 --"), ("--speaker", "Donald Trump\" OR \"1\"=\"1")] {
        let out = w.stdout(&["report", "quotes", flag, value, "--format", "csv"]);
        assert_eq!(parse_csv(&out).1.len(), 0, "{flag} {value:?} matched rows: {out}");
    }
    // An outlet that is not in the archive is named in an error, as a value.
    let out = w.cmd().args(["report", "quotes", "--outlet", "'); DROP TABLE articles; --"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no outlet named ''); DROP TABLE articles; --'"));
    assert_eq!(w.counts(), before);
    // The same filter with a real name finds rows.
    assert!(!parse_csv(&w.stdout(&["report", "quotes", "--speaker", "Donald Trump", "--format", "csv"])).1.is_empty());
}
