//! The reports read summaries kept up to date incrementally; after any
//! history of imports, updates and merges they must equal summaries
//! recomputed from scratch (`newsarchive link --rebuild`).

mod common;
use common::Workdir;

fn all_reports(w: &Workdir) -> Vec<(String, String)> {
    [
        "quote-overlap",
        "outlet-pairs",
        "outlets",
        "speakers",
        "quotes",
        "quote-variants",
        "article-similarity",
        "claim-coverage",
        "claim-outlet-pairs",
    ]
    .iter()
    .map(|r| (r.to_string(), w.stdout(&["report", r, "--format", "csv"])))
    .collect()
}

#[test]
fn incremental_summaries_equal_a_rebuild() {
    let w = Workdir::new();
    let seed = common::seed_dir();
    let manifest = seed.join("manifest.csv");
    // The seed, one article at a time, newest first.
    let mut files: Vec<_> = std::fs::read_dir(&seed)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for f in files.iter().rev() {
        w.stdout(&["import", f.to_str().unwrap(), "--manifest", manifest.to_str().unwrap()]);
        // A report in between refreshes nothing it should not.
        w.stdout(&["report", "quote-overlap"]);
    }
    // A later article carries a longer form of a quotation, and one of the
    // seed's outlets is corrected by a manifest.
    w.write(
        "more/long.txt",
        "Trump on Kim\n\n\"We will have relations with North Korea, with Kim Jong Un, and with many others too,\" Donald Trump said.\n",
    );
    w.write("more/manifest.csv", "file,outlet\nlong.txt,Wire Service\n");
    w.stdout(&["import", "more"]);
    std::fs::copy(seed.join("000_c43bbcaffbe52ba4.txt"), w.path().join("more/000_c43bbcaffbe52ba4.txt")).unwrap();
    w.write("more/manifest.csv", "file,outlet\nlong.txt,Wire Service\n000_c43bbcaffbe52ba4.txt,Kyodo\n");
    let out = w.cmd().args(["import", "more"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 updated"), "{}", String::from_utf8_lossy(&out.stderr));
    w.stdout(&["speakers", "merge", "Shigeru Ishiba", "Donald Trump"]);

    let incremental = all_reports(&w);
    w.stdout(&["link", "--rebuild"]);
    let rebuilt = all_reports(&w);
    for ((name, a), (_, b)) in incremental.iter().zip(&rebuilt) {
        assert_eq!(a, b, "report {name} differs from a rebuild");
    }
    // And the corrected outlet is there, the placeholder gone.
    let outlets = &incremental[0].1;
    assert!(outlets.contains("Kyodo") && !outlets.contains("000_c43bbcaffbe52ba4"), "{outlets}");
}

#[test]
fn a_fragment_printed_again_later_is_counted() {
    // Found by the concurrency test: a later import printing a fragment
    // ("support the treaty budget") of a quotation linked earlier left the
    // fragment wording's article count stale.
    let w = Workdir::new();
    w.stdout(&["gen-corpus", "--articles", "600", "--seed", "1", "--out", "a.jsonl"]);
    w.stdout(&["gen-corpus", "--articles", "600", "--seed", "2", "--out", "b.jsonl"]);
    w.stdout(&["--quiet", "import", "a.jsonl"]);
    w.stdout(&["--quiet", "import", "b.jsonl"]);
    assert!(w.count("SELECT count(*) FROM quote_clusters WHERE fragment_of IS NOT NULL") > 0);
    let incremental = all_reports(&w);
    w.stdout(&["--quiet", "link", "--rebuild"]);
    for ((name, a), (_, b)) in incremental.iter().zip(&all_reports(&w)) {
        assert!(a == b, "report {name} differs from a rebuild");
    }
}
