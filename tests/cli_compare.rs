//! `newsarchive compare claims|articles`, the comparisons the Spark job
//! runs on its executors: pairs as JSON lines in, one answer per line out,
//! the same answers the archive's linker gives.

mod common;
use common::Workdir;

/// Runs `compare WHAT` with `input` on standard input: (success, stdout, stderr).
fn compare(w: &Workdir, what: &str, input: &str) -> (bool, String, String) {
    let out = w.cmd().args(["compare", what]).write_stdin(input.to_owned()).output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn json(v: serde_json::Value) -> String {
    v.to_string()
}

/// A claim with one money fact about `subject`.
fn claim(id: i64, article: i64, text: &str, value: &str, precision: i64, subject: &str) -> serde_json::Value {
    serde_json::json!({
        "id": id, "article": article, "published": "2025-02-08", "text": text,
        "facts": [{"id": id * 10, "kind": "money", "value": value, "unit": "USD",
                   "subject": subject, "precision": precision}]
    })
}

#[test]
fn claims_the_same_fact_a_conflict_and_a_rounding() {
    let w = Workdir::new();
    let offer =
        claim(1, 1, "Japan offered $2.8 billion in investment in the U.S.", "2800000000", 2, "investment in us");
    let same = claim(2, 2, "Tokyo offered $2.8 billion of investment in the U.S.", "2.8e9", 2, "investment in us");
    let other =
        claim(3, 3, "Japan offered $2.3 billion in investment in the U.S.", "2300000000", 2, "investment in us");
    let round =
        claim(4, 4, "Japan offered $2.84 billion in investment in the U.S.", "2840000000", 3, "investment in us");
    let input = [(&offer, &same), (&offer, &other), (&offer, &round)]
        .iter()
        .map(|(a, b)| json(serde_json::json!({"a": a, "b": b})) + "\n")
        .collect::<String>();
    let (ok, out, err) = compare(&w, "claims", &input);
    assert!(ok, "{err}");
    let answers: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(answers.len(), 3, "{out}");
    assert_eq!(answers[0]["relation"], "same", "{out}");
    assert!(answers[0]["strength"].as_f64().unwrap() > 1.0, "{out}");
    assert_eq!(answers[1]["relation"], "conflict", "{out}");
    assert_eq!(answers[1]["conflicts"], serde_json::json!([[10, 30]]), "{out}");
    assert_eq!(answers[2]["relation"], "same", "{out}");
    assert_eq!(answers[2]["roundings"], serde_json::json!([[10, 40]]), "{out}");
}

#[test]
fn articles_counts_of_sentences_found_as_the_archive_stores_them() {
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    let pairs = w.column(
        "SELECT json_object('a', json_object('body', a.body, 'published', a.published_at),
                            'b', json_object('body', b.body, 'published', b.published_at))
                || char(9) || p.a_sentences || ' ' || p.a_found || ' ' || p.b_sentences || ' ' || p.b_found
         FROM article_pairs p JOIN articles a ON a.id = p.article_a JOIN articles b ON b.id = p.article_b",
    );
    assert!(!pairs.is_empty());
    let (input, expected): (Vec<&str>, Vec<&str>) = pairs.iter().map(|p| p.split_once('\t').unwrap()).unzip();
    let (ok, out, err) = compare(&w, "articles", &(input.join("\n") + "\n"));
    assert!(ok, "{err}");
    let got: Vec<String> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!("{} {} {} {}", v["a_sentences"], v["a_found"], v["b_sentences"], v["b_found"])
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn a_line_that_is_not_a_pair_is_named_and_stops_it() {
    let w = Workdir::new();
    let good = json(serde_json::json!({"a": {"body": "One. Two."}, "b": {"body": "Three."}}));
    let (ok, out, err) = compare(&w, "articles", &format!("{good}\n{{\"a\": 1}}\n{good}\n"));
    assert!(!ok);
    assert_eq!(out.lines().count(), 1, "the pair before the bad line is answered: {out}");
    assert!(err.contains("standard input, line 2"), "{err}");
    let bad_kind = claim(1, 1, "x", "1", 1, "y").to_string().replace("money", "weight");
    let (ok, _, err) = compare(&w, "claims", &format!("{{\"a\": {bad_kind}, \"b\": {bad_kind}}}\n"));
    assert!(!ok);
    assert!(err.contains("line 1") && err.contains("unknown fact kind \"weight\""), "{err}");
    // Not listed in --help: it is plumbing for the Spark job.
    let help = w.stdout(&["--help"]);
    assert!(!help.contains("compare"), "{help}");
}
