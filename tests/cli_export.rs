//! `newsarchive export`: every table and report as CSV a spreadsheet opens.

mod common;
use common::Workdir;

#[test]
fn export_writes_every_table_and_report() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let dir = w.path().join("csv");
    w.stdout(&["export", "--dir", dir.to_str().unwrap()]);
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    for expected in [
        "articles.csv",
        "outlets.csv",
        "quotes.csv",
        "quote_units.csv",
        "quote_clusters.csv",
        "speakers.csv",
        "import_runs.csv",
        "import_errors.csv",
        "claims.csv",
        "report_quote_overlap.csv",
        "report_outlets.csv",
        "report_outlet_pairs.csv",
        "sources.csv",
    ] {
        assert!(names.contains(&expected.to_string()), "{expected} in {names:?}");
    }
    assert!(!names.iter().any(|n| n.contains("fts") || n.starts_with('.')), "{names:?}");

    for name in &names {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "{name} starts with a UTF-8 BOM");
        let mut r = csv::Reader::from_reader(&bytes[3..]);
        let header = r.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let table = name.trim_end_matches(".csv");
        assert_eq!(rows.len() as i64, w.count(&format!("SELECT count(*) FROM {table}")), "{name}");
        assert!(rows.iter().all(|row| row.len() == header.len()));
        if table == "sources" {
            assert!(!header.iter().any(|h| h == "raw_zstd"), "binary columns are left out");
        }
    }
    // Korean text survives the round trip.
    let articles = std::fs::read_to_string(dir.join("articles.csv")).unwrap();
    assert!(articles.contains("닫기"));
    // Quoted fields with commas and newlines parse back.
    let raw = std::fs::read(dir.join("articles.csv")).unwrap();
    let mut r = csv::Reader::from_reader(&raw[3..]);
    let bodies: Vec<String> = r.records().map(|rec| rec.unwrap()[9].to_string()).collect();
    assert!(bodies.iter().any(|b| b.contains("\n\n") && b.contains(',')));
}

#[test]
fn export_without_bom() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let dir = w.path().join("plain");
    w.stdout(&["export", "--dir", dir.to_str().unwrap(), "--no-bom"]);
    let text = std::fs::read_to_string(dir.join("outlets.csv")).unwrap();
    assert!(text.starts_with("id,name,"), "{text}");
}

#[test]
fn formulas_in_quoted_words_do_not_run_in_a_spreadsheet() {
    let w = Workdir::new();
    // Words an article can print, which a spreadsheet would run as formulas.
    w.write(
        "evil.jsonl",
        concat!(
            r#"{"outlet": "+Evil Times", "title": "@SUM(1+1)", "text": "Headline\n\n\"=HYPERLINK(\"http://x.example\",\"click\") is the plan,\" Jane Doe said."}"#,
            "\n"
        ),
    );
    w.stdout(&["--quiet", "import", "evil.jsonl"]);
    assert_eq!(w.column("SELECT name FROM outlets"), ["+Evil Times"], "stored exactly as printed");

    let defused = w.path().join("defused");
    let raw = w.path().join("raw");
    w.stdout(&["export", "--dir", defused.to_str().unwrap()]);
    w.stdout(&["export", "--raw", "--dir", raw.to_str().unwrap()]);
    let cells = |dir: &std::path::Path, file: &str, col: &str| -> Vec<String> {
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let mut r = csv::Reader::from_reader(&bytes[3..]);
        let i = r.headers().unwrap().iter().position(|h| h == col).unwrap();
        r.records().map(|rec| rec.unwrap()[i].to_string()).collect()
    };
    assert_eq!(cells(&defused, "outlets.csv", "name"), ["'+Evil Times"]);
    assert_eq!(cells(&defused, "articles.csv", "title"), ["'@SUM(1+1)"]);
    assert!(cells(&defused, "quotes.csv", "text")[0].starts_with("'=HYPERLINK("));
    assert_eq!(cells(&raw, "outlets.csv", "name"), ["+Evil Times"]);
    assert!(cells(&raw, "quotes.csv", "text")[0].starts_with("=HYPERLINK("));
    // Numbers stay numbers.
    assert_eq!(cells(&defused, "outlets.csv", "id"), ["1"]);

    // The same for reports and queries written as CSV; JSON is data, not a sheet.
    let report = w.stdout(&["report", "outlets", "--format", "csv"]);
    assert!(report.contains("\n'+Evil Times,"), "{report}");
    let sql = w.stdout(&["sql", "SELECT text FROM quotes", "--format", "csv"]);
    assert!(sql.contains("'=HYPERLINK("), "{sql}");
    let sql = w.stdout(&["sql", "SELECT text FROM quotes", "--format", "csv", "--raw"]);
    assert!(!sql.contains("'=HYPERLINK(") && sql.contains("=HYPERLINK("), "{sql}");
    let json = w.stdout(&["report", "outlets", "--format", "json"]);
    assert!(json.contains("\"+Evil Times\""), "{json}");
}
