//! Corpus files: JSON lines and CSV, streamed, every good record imported,
//! every bad one reported with its line; and the synthetic corpus generator.

mod common;
use common::{Workdir, parse_csv};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const GOOD: &str = r#"{"outlet": "Daily Planet", "url": "https://planet.example/1", "title": "Mayor opens bridge", "author": "Lois Lane", "published": "2024-05-02", "language": "en", "text": "Mayor opens bridge\n\n\"It is finally done,\" Mayor Ann Lee said on Thursday.\n"}"#;

#[test]
fn json_lines_with_bad_lines() {
    let w = Workdir::new();
    let lines = [
        GOOD.to_owned(),
        String::new(),
        r#"{"outlet": "Daily Planet", "text": "Second story\n\n\"We will be back,\" said Mayor Ann Lee.\n"}"#
            .to_owned(),
        r#"{"outlet": "Broken", "text": "unterminated"#.to_owned(),
        r#"{"outlet": "No text here"}"#.to_owned(),
        r#"{"outlet": "X", "published": "yesterday-ish", "text": "Something happened."}"#.to_owned(),
        r#"[1, 2, 3]"#.to_owned(),
        r#"{"outlet": "Gazette", "text": "Third story\n\n\"Fine,\" Bo Park said.\n", "extra": "ignored"}"#.to_owned(),
    ];
    w.write("corpus.jsonl", lines.join("\n") + "\n");
    let out = w.cmd().args(["import", "corpus.jsonl"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for expected in [
        "corpus.jsonl:4: malformed JSON",
        "corpus.jsonl:5: the record has no text",
        "corpus.jsonl:6: 'yesterday-ish' in 'published' is not a date",
        "corpus.jsonl:7: not a corpus record",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
    }
    assert!(err.contains("3 imported, 0 updated, 0 unchanged, 4 failed"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM import_errors WHERE path = 'corpus.jsonl' AND line IN (4, 5, 6, 7)"), 4);
    let first = w.column(
        "SELECT o.name || '|' || a.url || '|' || a.title || '|' || a.author || '|' || a.published_at || '|' || a.source_path
         FROM articles a JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id LIMIT 1",
    );
    assert_eq!(first, ["Daily Planet|https://planet.example/1|Mayor opens bridge|Lois Lane|2024-05-02|corpus.jsonl:1"]);
    let speakers = w.column("SELECT DISTINCT s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id ORDER BY 1");
    assert_eq!(speakers, ["Ann Lee", "Bo Park"]);
    // Again: nothing new.
    let out = w.cmd().args(["import", "corpus.jsonl"]).output().unwrap();
    assert!(stderr(&out).contains("0 imported, 0 updated, 3 unchanged, 4 failed"), "{}", stderr(&out));
}

#[test]
fn csv_corpus_with_quoted_newlines_and_a_bad_record() {
    let w = Workdir::new();
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["outlet", "title", "published", "text", "section"]).unwrap();
    csv.write_record([
        "Gazette",
        "Budget passes",
        "2024-03-01",
        "Budget passes\n\n\"A fair budget,\" Jo Park said.\n",
        "politics",
    ])
    .unwrap();
    csv.write_record(["Gazette", "Empty", "", "", ""]).unwrap();
    csv.write_record([
        "Herald",
        "Rain again",
        "March 2, 2024",
        "Rain again\n\nIt rained, \"again,\" the forecaster said.\n",
        "weather",
    ])
    .unwrap();
    w.write("corpus.csv", csv.into_inner().unwrap());
    let out = w.cmd().args(["import", "corpus.csv"]).output().unwrap();
    let err = stderr(&out);
    assert!(err.contains("corpus.csv:6: the record has no text"), "{err}");
    assert!(err.contains("2 imported, 0 updated, 0 unchanged, 1 failed"), "{err}");
    assert_eq!(w.column("SELECT published_at FROM articles ORDER BY id"), ["2024-03-01", "2024-03-02"]);
    // A CSV without a text column is not a corpus (nor, by its name, a manifest).
    w.write("notes.csv", "a,b\n1,2\n");
    let out = w.cmd().args(["import", "notes.csv"]).output().unwrap();
    assert!(stderr(&out).contains("notes.csv:1: not a corpus: the header has no 'text' column"), "{}", stderr(&out));
}

#[test]
fn generated_corpus_is_deterministic_and_imports() {
    let w = Workdir::new();
    w.stdout(&["gen-corpus", "--articles", "300", "--seed", "7", "--out", "a.jsonl"]);
    w.stdout(&["gen-corpus", "--articles", "300", "--seed", "7", "--out", "b.jsonl"]);
    w.stdout(&["gen-corpus", "--articles", "300", "--seed", "7", "--out", "c.csv"]);
    let a = std::fs::read(w.path().join("a.jsonl")).unwrap();
    assert_eq!(a, std::fs::read(w.path().join("b.jsonl")).unwrap(), "same seed, same corpus");
    assert_eq!(a.iter().filter(|&&b| b == b'\n').count(), 300);
    let out = w.cmd().args(["--quiet", "import", "a.jsonl"]).output().unwrap();
    assert!(out.status.success());
    assert!(stderr(&out).is_empty(), "--quiet prints nothing: {}", stderr(&out));
    assert_eq!(w.count("SELECT count(*) FROM articles"), 300);
    assert!(w.count("SELECT count(*) FROM quotes") > 1_000);
    // The CSV form is the same corpus: every article is already there.
    let out = w.cmd().args(["import", "c.csv"]).output().unwrap();
    assert!(stderr(&out).contains("0 imported, 0 updated, 300 unchanged"), "{}", stderr(&out));
    // Shared and reworded quotations, fragments and similar articles all occur.
    let (_, overlap) = parse_csv(&w.stdout(&["report", "quote-overlap", "--format", "csv"]));
    assert!(overlap.iter().any(|r| r[3] != "0"));
    assert!(w.count("SELECT count(*) FROM report_quote_variants") > 0);
    assert!(w.count("SELECT count(*) FROM quote_clusters WHERE fragment_of IS NOT NULL") > 0);
    assert!(w.count("SELECT count(*) FROM report_article_similarity") > 0);
}
