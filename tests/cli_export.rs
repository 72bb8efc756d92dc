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

#[test]
fn report_csv_for_spreadsheets_bom_and_defused_quotations() {
    let w = Workdir::new();
    // Quotations that open with each character a spreadsheet reads as the
    // start of a formula, and one in Japanese.
    let articles = [
        ("Alpha Post", "\"=SUM(A1:A9) is what the city owes us,\" Jane Doe said."),
        ("Beta Daily", "\"+1 for the new harbour plan from all of us,\" Jane Doe said."),
        ("Gamma News", "\"-5 degrees tonight will close the northern roads,\" Jane Doe said."),
        ("Delta Wire", "\"@everyone in the valley should vote on Sunday,\" Jane Doe said."),
        ("東京新聞", "石破茂首相は「日米関係の新たな黄金時代を築いていきたい」と述べた。"),
    ];
    let corpus: String = articles
        .iter()
        .map(|(outlet, text)| {
            format!(
                "{}\n",
                serde_json::json!({"outlet": outlet, "published": "2025-02-08", "text": format!("Headline\n\n{text}")})
            )
        })
        .collect();
    w.write("quotes.jsonl", corpus);
    w.stdout(&["--quiet", "import", "quotes.jsonl"]);

    let with_bom = w.cmd().args(["report", "quotes", "--format", "csv", "--bom"]).output().unwrap();
    assert!(with_bom.status.success(), "{}", String::from_utf8_lossy(&with_bom.stderr));
    let bytes = with_bom.stdout;
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "--bom starts the CSV with a UTF-8 byte-order mark");
    let (header, rows) = common::parse_csv(std::str::from_utf8(&bytes[3..]).unwrap());
    let text = header.iter().position(|h| h == "canonical_text").unwrap();
    let mut texts: Vec<&str> = rows.iter().map(|r| r[text].as_str()).collect();
    texts.sort();
    for opening in ["'=SUM(A1:A9)", "'+1 for", "'-5 degrees", "'@everyone"] {
        assert!(texts.iter().any(|t| t.starts_with(opening)), "{opening} in {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("日米関係の新たな黄金時代")), "Japanese intact: {texts:?}");
    assert!(!texts.iter().any(|t| t.starts_with(['=', '+', '-', '@'])), "nothing a spreadsheet would run: {texts:?}");

    // Without --bom no mark; --raw leaves the cells as printed; the mark
    // is for CSV only, and queries take it too.
    let plain = w.stdout(&["report", "quotes", "--format", "csv"]);
    assert!(plain.starts_with("cluster,"), "{plain}");
    let raw = w.stdout(&["report", "quotes", "--format", "csv", "--raw"]);
    assert!(raw.contains("\n=SUM(A1:A9)") || raw.contains(",=SUM(A1:A9)") || raw.contains(",\"=SUM(A1:A9)"), "{raw}");
    let json = w.stdout(&["report", "quotes", "--format", "json", "--bom"]);
    assert!(json.starts_with('['), "JSON never gets a byte-order mark");
    let sql =
        w.cmd().args(["sql", "SELECT name FROM outlets ORDER BY name", "--format", "csv", "--bom"]).output().unwrap();
    assert!(sql.stdout.starts_with("\u{FEFF}name\n".as_bytes()), "{}", String::from_utf8_lossy(&sql.stdout));
    assert!(String::from_utf8(sql.stdout).unwrap().contains("東京新聞"));
}
