//! `newsarchive eval quotes`: extraction measured against gold answers,
//! through the real binary. The figures are printed (`make test` shows them).

mod common;
use common::{Workdir, parse_csv};
use std::path::Path;

fn fixture(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p).display().to_string()
}

/// Runs `eval quotes` and returns its figures by column name (a figure
/// the gold cannot score, such as speaker kinds it does not annotate, is
/// left out).
fn figures(w: &Workdir, gold: &str, docs: &str) -> std::collections::HashMap<String, f64> {
    let (header, rows) = parse_csv(&w.stdout(&["eval", "quotes", gold, docs, "--format", "csv"]));
    header
        .into_iter()
        .zip(rows[0].iter())
        .filter(|(_, v)| !v.is_empty())
        .map(|(h, v)| (h, v.parse().unwrap()))
        .collect()
}

fn print(name: &str, f: &std::collections::HashMap<String, f64>) {
    println!(
        "{name}: gold={} predicted={} precision={:.3} recall={:.3} f1={:.3} speaker_accuracy={:.3} kind_accuracy={:.3}",
        f["gold"], f["predicted"], f["precision"], f["recall"], f["f1"], f["speaker_accuracy"], f["kind_accuracy"]
    );
}

#[test]
fn seed_corpus_meets_the_bar() {
    let w = Workdir::new();
    let f = figures(&w, &fixture("tests/fixtures/seed_quotes.csv"), &fixture("seed"));
    print("seed gold", &f);
    assert_eq!(f["gold"], 34.0);
    assert!(f["precision"] >= 0.98 && f["recall"] >= 0.98, "{f:?}");
    assert!(f["speaker_accuracy"] >= 0.95, "{f:?}");
    assert!(f["kind_accuracy"] >= 0.90, "{f:?}");
}

#[test]
fn own_pattern_articles_meet_the_bar() {
    // Articles written for these tests, one attribution pattern after
    // another: colon introductions, asides, roles and pronouns, quotations
    // over several paragraphs, interrupted quotations, «» „“ 「」, mentions,
    // previous- and next-sentence attribution, inverted "said X".
    let w = Workdir::new();
    let f = figures(&w, &fixture("tests/fixtures/patterns/gold.csv"), &fixture("tests/fixtures/patterns"));
    print("pattern articles", &f);
    assert!(f["precision"] >= 0.98 && f["recall"] >= 0.98, "{f:?}");
    assert!(f["speaker_accuracy"] >= 0.95, "{f:?}");
    assert!(f["kind_accuracy"] >= 0.95, "{f:?}");
}

#[test]
fn details_list_every_difference() {
    let w = Workdir::new();
    let gold = w.write(
        "gold.csv",
        "document,line,quote,speaker,kind,region,cue\n\
         a.txt,3,This budget keeps every library open,Ann Lee,full,body,said\n\
         a.txt,5,a sentence nobody wrote here,Ann Lee,full,body,said\n\
         a.txt,5,hard choices,Bob Roe,partial,body,added\n",
    );
    w.write(
        "docs/a.txt",
        "Budget passes\n\n\"This budget keeps every library open,\" Mayor Ann Lee said.\n\n\
         Lee added that \"hard choices\" remain and that \"taxes will not rise.\"\n",
    );
    let out = w.stdout(&["eval", "quotes", gold.to_str().unwrap(), "docs", "--details", "--format", "csv"]);
    assert!(out.contains("MISS  a.txt: \"a sentence nobody wrote here\" (Ann Lee)"), "{out}");
    assert!(out.contains("EXTRA a.txt: \"taxes will not rise.\""), "{out}");
    assert!(out.contains("SPKR  a.txt: \"hard choices\" gold=Bob Roe got=\"Ann Lee\""), "{out}");
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("3,3,2,"), "{last}");
    // Nothing was written anywhere: eval needs no archive.
    assert!(!w.db().exists());
}

#[test]
fn bad_gold_is_reported_with_its_line() {
    let w = Workdir::new();
    let gold = w.write("gold.csv", "document,quote,speaker,kind\na.txt,hi,X,full\n");
    w.write("docs/a.txt", "Title\n\n\"Hi,\" X said.\n");
    let out = w.cmd().args(["eval", "quotes", gold.to_str().unwrap(), "docs"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("gold.csv") && err.contains("region"), "{err}");
}
