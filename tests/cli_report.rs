//! Reports: the CLI prints exactly its `report_*` view, in every format.

mod common;
use common::{Workdir, parse_csv};

fn seeded() -> Workdir {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    w
}

#[test]
fn every_report_equals_its_view() {
    let w = seeded();
    let (_, list) = parse_csv(&w.stdout(&["report", "--format", "csv"]));
    let names: Vec<&str> = list.iter().map(|r| r[0].as_str()).collect();
    for expected in
        ["quote-overlap", "outlet-pairs", "outlets", "speakers", "quotes", "quote-variants", "article-similarity"]
    {
        assert!(names.contains(&expected), "{names:?}");
    }
    for row in &list {
        let (name, view) = (row[0].as_str(), row[1].as_str());
        let cli = w.stdout(&["report", name, "--format", "csv"]);
        let sql = w.stdout(&["sql", &format!("SELECT * FROM {view}"), "--format", "csv"]);
        assert_eq!(cli, sql, "report {name}");
        // And what sqlite3 would see, read here with rusqlite.
        let rows = w.count(&format!("SELECT count(*) FROM {view}"));
        assert_eq!(parse_csv(&cli).1.len() as i64, rows, "report {name}");
    }
}

#[test]
fn json_and_ndjson_carry_the_same_rows() {
    let w = seeded();
    let json: serde_json::Value =
        serde_json::from_str(&w.stdout(&["report", "quote-overlap", "--format", "json"])).unwrap();
    let (_, csv_rows) = parse_csv(&w.stdout(&["report", "quote-overlap", "--format", "csv"]));
    let arr = json.as_array().unwrap();
    assert_eq!(arr.len(), csv_rows.len());
    for (j, c) in arr.iter().zip(&csv_rows) {
        assert_eq!(j["outlet"].as_str().unwrap(), c[0]);
        assert_eq!(j["shared"].as_i64().unwrap().to_string(), c[3]);
    }
    let nd = w.stdout(&["report", "quote-overlap", "--format", "ndjson"]);
    assert_eq!(nd.lines().count(), arr.len());
    for line in nd.lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
}

#[test]
fn matrix_is_symmetric_with_own_counts_on_the_diagonal() {
    let w = seeded();
    let (header, rows) = parse_csv(&w.stdout(&["report", "quote-overlap", "--matrix", "--format", "csv"]));
    let (_, overlap) = parse_csv(&w.stdout(&["report", "quote-overlap", "--format", "csv"]));
    assert_eq!(header.len(), rows.len() + 1);
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r[0], header[i + 1], "row and column orders agree");
        assert_eq!(r[i + 1], overlap[i][2], "diagonal is the outlet's own quote count");
        for (j, other) in rows.iter().enumerate() {
            assert_eq!(r[j + 1], other[i + 1], "symmetric at {i},{j}");
        }
    }
    // Off the diagonal, the cells are the pairs report.
    let (_, pairs) = parse_csv(&w.stdout(&["report", "outlet-pairs", "--format", "csv"]));
    for p in &pairs {
        let i = rows.iter().position(|r| r[0] == p[0]).unwrap();
        let j = header.iter().position(|h| *h == p[1]).unwrap();
        assert_eq!(rows[i][j], p[2]);
    }
    let table = w.stdout(&["report", "quote-overlap", "--matrix"]);
    assert!(table.contains("1 ") && table.contains("Fox News"), "{table}");
}

#[test]
fn output_file_and_errors() {
    let w = seeded();
    let target = w.path().join("overlap.csv");
    let printed = w.stdout(&["report", "quote-overlap", "--format", "csv", "--output", target.to_str().unwrap()]);
    assert!(printed.is_empty());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), w.stdout(&["report", "quote-overlap", "--format", "csv"]));

    let out = w.cmd().args(["report", "no-such-report"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no report named 'no-such-report'") && err.contains("quote-overlap"), "{err}");

    let out = w.cmd().args(["report", "outlets", "--matrix"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));

    // Usage errors exit with 2.
    let out = w.cmd().args(["report", "--format", "xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = w.cmd().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn db_path_from_environment() {
    let w = seeded();
    let mut c = assert_cmd::Command::cargo_bin("newsarchive").unwrap();
    let out = c
        .current_dir(w.path())
        .env("NEWSARCHIVE_DB", w.db())
        .args(["report", "outlets", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(parse_csv(&String::from_utf8(out.stdout).unwrap()).1.len(), 5);
}
