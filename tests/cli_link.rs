//! Cross-outlet linking on the seed corpus: near-identical quotations,
//! their variants with word diffs, fragments, and the derived article.

mod common;
use common::{Workdir, parse_csv};

fn seeded() -> Workdir {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    w
}

/// The variants report as (canonical text, wording, diff, outlets) rows.
fn variants(w: &Workdir) -> Vec<(String, String, String, String)> {
    // --raw: a diff such as "+the" is compared as stored, not as defused
    // for spreadsheets ("'+the").
    let (h, rows) = parse_csv(&w.stdout(&["report", "quote-variants", "--format", "csv", "--raw"]));
    let col = |n: &str| h.iter().position(|c| c == n).unwrap();
    rows.iter()
        .map(|r| {
            (
                r[col("canonical_text")].clone(),
                r[col("wording")].clone(),
                r[col("diff")].clone(),
                r[col("outlets")].clone(),
            )
        })
        .collect()
}

#[test]
fn reworded_quotations_are_one_cluster_with_their_diffs() {
    let w = seeded();
    let v = variants(&w);
    // "I get along with them very well" (three outlets) / "I got along with him very well" (AJP).
    let got = v.iter().find(|r| r.1 == "I got along with him very well").expect("AJP's wording is a variant");
    assert_eq!(got.0, "I get along with them very well");
    assert_eq!(got.2, "got→get, him→them");
    assert_eq!(got.3, "AJP");
    // Fox News dropped "the" from Ishiba's sentence.
    let the =
        v.iter().find(|r| r.1.starts_with("Japan and U.S. will work together")).expect("Fox's wording is a variant");
    assert_eq!(the.0, "Japan and the U.S. will work together toward the complete denuclearization of North Korea");
    assert_eq!(the.2, "+the");
    assert_eq!(the.3, "Fox News");
    // The table form is for reading.
    let text = w.stdout(&["report", "quote-variants"]);
    assert!(text.contains("Donald Trump: “I get along with them very well”"), "{text}");
    assert!(text.contains("printed by AJP (1 article); to the canonical: got→get, him→them"), "{text}");
}

#[test]
fn unrelated_quotations_stay_apart() {
    let w = seeded();
    // Every wording of a cluster is near its canonical wording: no two
    // different sentences were merged.
    for (canonical, wording, diff, _) in variants(&w) {
        let edits = diff.matches(',').count() + usize::from(!diff.is_empty());
        assert!(edits <= 2, "{wording:?} vs {canonical:?}: {diff}");
    }
    // Trump's and Ishiba's sentences never share a cluster.
    let mixed = w.count(
        "SELECT count(*) FROM (SELECT w.cluster_id FROM quote_wordings w
           JOIN quote_units u ON u.wording_id = w.id JOIN quotes q ON q.id = u.quote_id
           WHERE q.speaker_id IS NOT NULL GROUP BY w.cluster_id HAVING count(DISTINCT q.speaker_id) > 1)",
    );
    assert_eq!(mixed, 0);
    let (_, quotes) = parse_csv(&w.stdout(&["report", "quotes", "--format", "csv"]));
    let texts: Vec<&str> = quotes.iter().map(|r| r[2].as_str()).collect();
    for separate in [
        "We had a good relationship.",
        "I get along with them very well",
        "We will have relations with North Korea, with Kim Jong Un",
    ] {
        assert_eq!(texts.iter().filter(|t| **t == separate).count(), 1, "{separate} is its own quotation");
    }
}

#[test]
fn fragments_count_as_the_quotation_they_are_part_of() {
    let w = seeded();
    let fragments = w.column(
        "SELECT f.canonical_text || ' ⊂ ' || p.canonical_text FROM quote_clusters f
         JOIN quote_clusters p ON p.id = f.fragment_of ORDER BY f.id",
    );
    assert!(
        fragments.contains(&"a very big asset for everybody ⊂ And I think it's a very big asset for everybody that I do get along with them".to_owned()),
        "{fragments:?}"
    );
    // AJP quoted only that fragment, yet shares the quotation with Fox News.
    let (_, pairs) = parse_csv(&w.stdout(&["report", "outlet-pairs", "--format", "csv"]));
    let ajp_fox = pairs.iter().find(|r| r[0] == "AJP" && r[1] == "Fox News").unwrap();
    assert!(ajp_fox[2].parse::<i64>().unwrap() >= 2, "{ajp_fox:?}");
    let (_, spread) = parse_csv(&w.stdout(&["report", "quotes", "--min-outlets", "4", "--format", "csv"]));
    let asset = spread.iter().find(|r| r[2].contains("very big asset")).unwrap();
    assert_eq!((asset[3].as_str(), asset[6].as_str()), ("4", "1"), "4 outlets, 1 fragment: {asset:?}");
}

#[test]
fn overlap_counts_reworded_shared_quotations() {
    let w = seeded();
    let (h, rows) = parse_csv(&w.stdout(&["report", "quote-overlap", "--format", "csv"]));
    assert_eq!(h[6], "reworded");
    // Appended by the translations: existing columns keep their places.
    assert_eq!(h.last().unwrap(), "in_translation_only");
    let ajp = rows.iter().find(|r| r[0] == "AJP").unwrap();
    assert_eq!(ajp[6], "1", "AJP reworded one shared quotation: {ajp:?}");
    let fox = rows.iter().find(|r| r[0] == "Fox News").unwrap();
    assert_eq!(fox[6], "1", "Fox News dropped 'the': {fox:?}");
}

#[test]
fn the_rewrite_of_the_fox_story_stands_out() {
    let w = seeded();
    let (h, rows) = parse_csv(&w.stdout(&["report", "article-similarity", "--format", "csv"]));
    let col = |n: &str| h.iter().position(|c| c == n).unwrap();
    let top = &rows[0];
    assert!(top[col("article_a")].starts_with("Fox News: "), "{top:?}");
    assert!(top[col("article_b")].starts_with("unknown (004_d13cbc4c5b3b63ce.txt): Trump Affirms"), "{top:?}");
    assert_eq!(top[col("likely_source")], "a", "the Fox story is the source: {top:?}");
    let a_in_b: f64 = top[col("a_in_b_pct")].parse().unwrap();
    assert!(a_in_b >= 40.0, "{top:?}");
    // No pair of independent reports ranks with it.
    for r in &rows[1..] {
        assert!(
            r[col("a_in_b_pct")].parse::<f64>().unwrap() < a_in_b
                && r[col("b_in_a_pct")].parse::<f64>().unwrap() < a_in_b
        );
    }
}

#[test]
fn linking_is_incremental_and_order_free() {
    // The seed one file at a time, in reverse, gives the same quotations.
    let all = seeded();
    let one_by_one = Workdir::new();
    let dir = common::seed_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().unwrap() == "txt")
        .collect();
    files.sort();
    for f in files.iter().rev() {
        one_by_one.stdout(&["import", f.to_str().unwrap(), "--manifest", dir.join("manifest.csv").to_str().unwrap()]);
    }
    let spread = |w: &Workdir| {
        let (_, mut rows) = parse_csv(&w.stdout(&["report", "quotes", "--format", "csv"]));
        let mut out: Vec<String> = rows.iter_mut().map(|r| format!("{}|{}|{}", r[1], r[3], r[4])).collect();
        out.sort();
        out
    };
    assert_eq!(spread(&all), spread(&one_by_one));
    // Article ids follow import order; a pair is the same either way round.
    let pairs = |w: &Workdir| {
        w.column(
            "SELECT min(article_a, article_b) || ' ~ ' || max(article_a, article_b) || ': '
                    || CASE WHEN article_a < article_b THEN a_in_b_pct || '/' || b_in_a_pct ELSE b_in_a_pct || '/' || a_in_b_pct END
             FROM report_article_similarity",
        )
    };
    assert_eq!(pairs(&all), pairs(&one_by_one));
}

#[test]
fn linking_in_small_rounds_links_what_one_round_does() {
    // Linking runs in rounds, each a transaction, so that memory stays
    // bounded on a large import; later rounds find earlier ones' items
    // through the archive's keys. Two imports of a synthetic corpus, linked
    // in rounds of 37 articles, must give the same clusters, pairs and
    // reports as linked in one round each.
    let (one, rounds) = (Workdir::new(), Workdir::new());
    for w in [&one, &rounds] {
        w.stdout(&["gen-corpus", "--articles", "500", "--seed", "1", "--out", "a.jsonl"]);
        w.stdout(&["gen-corpus", "--articles", "500", "--seed", "2", "--out", "b.jsonl"]);
    }
    for file in ["a.jsonl", "b.jsonl"] {
        one.stdout(&["--quiet", "import", file]);
        let out = rounds.cmd().env("NEWSARCHIVE_LINK_ROUND", "37").args(["--quiet", "import", file]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    // What the corpus makes the linker decide, everywhere it decides.
    let fingerprint = |w: &Workdir| {
        w.column(
            "SELECT 'quotations ' || (SELECT count(*) FROM quote_clusters)
                 || ' fragments ' || (SELECT count(*) FROM quote_clusters WHERE fragment_of IS NOT NULL)
                 || ' wordings ' || (SELECT sum(id * cluster_id) FROM quote_wordings)
                 || ' facts ' || (SELECT sum(id * cluster_id) FROM claims)
                 || ' figures ' || (SELECT group_concat(relation || ' ' || fact_a || '-' || fact_b, ', ')
                                    FROM (SELECT * FROM claim_pairs ORDER BY fact_a, fact_b))
                 || ' articles ' || (SELECT group_concat(article_a || '-' || article_b, ', ')
                                     FROM (SELECT * FROM article_pairs ORDER BY article_a, article_b))",
        )
    };
    let linked = fingerprint(&one);
    assert_eq!(linked, fingerprint(&rounds));
    for required in ["conflict", "rounding"] {
        assert!(linked[0].contains(required), "the corpus exercises {required}s: {linked:?}");
    }
    assert!(one.count("SELECT count(*) FROM quote_clusters WHERE fragment_of IS NOT NULL") > 0);
    for report in ["quote-overlap", "quotes", "quote-variants", "article-similarity", "claim-coverage", "outlets"] {
        let args = ["report", report, "--format", "csv"];
        assert_eq!(one.stdout(&args), rounds.stdout(&args), "report {report}");
    }
    // `check` fails on an unsound archive; nothing is left to link.
    rounds.stdout(&["check"]);
    assert_eq!(rounds.count("SELECT count(*) FROM summary_stale"), 0);

    let zero = rounds.cmd().args(["--link-round", "0", "link"]).output().unwrap();
    assert!(!zero.status.success());
    assert!(
        String::from_utf8_lossy(&zero.stderr).contains("--link-round"),
        "{}",
        String::from_utf8_lossy(&zero.stderr)
    );
}
