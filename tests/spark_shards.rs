//! Archives as shards, linked by Spark: the seed corpus split by outlet
//! into two archives, each imported and exported as Parquet, linked by
//! spark/link.py in local mode, gives the quote-overlap report and the
//! outlet pairs (the matrix), the claim coverage and its outlet pairs, and
//! the article similarity one archive of all five documents gives; and
//! `import-links` brings those figures back into each shard. PySpark comes
//! from spark/.venv (`make spark-env`).

mod common;
use common::Workdir;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn venv(bin: &str) -> PathBuf {
    let p = repo().join("spark/.venv/bin").join(bin);
    assert!(p.exists(), "{} is missing: run `make spark-env` (make test does)", p.display());
    p
}

fn newsarchive(db: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_newsarchive")).arg("--db").arg(db).args(args).output().unwrap();
    assert!(out.status.success(), "newsarchive {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The seed's manifest with AJP renamed "Washington Post": beside the
/// unnamed outlets, filed as "unknown (…)", a name that sorts before them
/// byte by byte but after them as the archive compares names (NOCASE).
/// The documents are copied beside it (a manifest names files next to it).
fn manifest(w: &Workdir) -> PathBuf {
    for f in SEED {
        w.write(&format!("seed/{f}"), std::fs::read(repo().join("seed").join(f)).unwrap());
    }
    let seed = std::fs::read_to_string(repo().join("seed/manifest.csv")).unwrap();
    assert!(seed.contains(",AJP,"));
    w.write("seed/manifest.csv", seed.replace(",AJP,", ",Washington Post,"))
}

/// The seed documents `files`, imported with [`manifest`] into `name`.db.
fn import(w: &Workdir, name: &str, files: &[&str]) -> PathBuf {
    let db = w.path().join(format!("{name}.db"));
    let manifest = manifest(w);
    let mut args = vec!["--quiet".to_owned(), "import".to_owned()];
    args.extend(files.iter().map(|f| w.path().join("seed").join(f).display().to_string()));
    args.extend(["--manifest".to_owned(), manifest.display().to_string()]);
    newsarchive(&db, &args.iter().map(String::as_str).collect::<Vec<_>>());
    db
}

/// One shard: [`import`], then exported to the directory `name`.
fn shard(w: &Workdir, name: &str, files: &[&str]) -> PathBuf {
    let db = import(w, name, files);
    let dir = w.path().join(name);
    newsarchive(&db, &["--quiet", "export", "--format", "parquet", "--dir", dir.to_str().unwrap()]);
    dir
}

/// The rows of one of the job's outputs, tab-separated, in its order.
fn job_rows(links: &Path, name: &str) -> Vec<String> {
    let script = r#"
import sys, pyarrow.dataset as ds
t = ds.dataset(sys.argv[1], format="parquet").to_table()
for r in t.to_pylist():
    print("\t".join("" if v is None else str(v) for v in r.values()))
"#;
    let out = Command::new(venv("python")).arg("-c").arg(script).arg(links.join(name)).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_owned).collect()
}

const SEED: [&str; 5] = [
    "000_c43bbcaffbe52ba4.txt",
    "001_3a9d08f25b52040a.txt",
    "002_5481a362d700b0cb.txt",
    "003_67ba24c548f18c49.txt",
    "004_d13cbc4c5b3b63ce.txt",
];

/// First column of every row of `sql` in the archive `db`, as text.
fn column(db: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get::<_, rusqlite::types::Value>(0))
        .unwrap()
        .map(|v| match v.unwrap() {
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        })
        .collect()
}

const OVERLAP: &str = "outlet || char(9) || articles || char(9) || quotes || char(9) || shared || char(9) || unique_quotes \
                       || char(9) || coalesce(shared_pct, '') || char(9) || reworded";
const PAIRS: &str =
    "outlet_a || char(9) || outlet_b || char(9) || shared || char(9) || pct_of_a || char(9) || pct_of_b";

const COVERAGE: &str = "outlet || char(9) || articles || char(9) || claims || char(9) || facts || char(9) || stated \
                        || char(9) || shared || char(9) || only_here || char(9) || coalesce(shared_pct, '') \
                        || char(9) || conflicts";
const SIMILARITY: &str = "article_a || char(9) || a_in_b_pct || char(9) || article_b || char(9) || b_in_a_pct \
                          || char(9) || coalesce(likely_source, '') || char(9) || coalesce(source_reason, '')";

/// A row of the article-similarity report (article a, its share, article
/// b, its share, likely source 'a' or 'b', why) with its two articles in
/// name order and the source named: which article is `a` depends on the
/// order they were compared in (an archive's ids, the job's ranks).
fn pair_of_articles(row: &str) -> (String, String, String, String) {
    let f: Vec<&str> = row.split('\t').collect();
    assert_eq!(f.len(), 6, "{row}");
    let source = match f[4] {
        "a" => f[0],
        "b" => f[2],
        _ => "",
    };
    let (x, y) = (format!("{} {}", f[0], f[1]), format!("{} {}", f[2], f[3]));
    let (x, y) = if x <= y { (x, y) } else { (y, x) };
    (x, y, source.to_owned(), f[5].to_owned())
}

#[test]
fn two_shards_linked_by_spark_report_what_one_archive_does() {
    let w = Workdir::new();
    // The job links in the order of first printing (dated before undated,
    // by date, by content hash), and is exactly one archive that imported
    // the articles in that order: the seed's claims are linked greedily
    // and differ at the margin in another order (Fox News's article,
    // undated, comes second in the seed's own order and fourth in this).
    let scratch = import(&w, "scratch", &SEED);
    let order = column(
        &scratch,
        "SELECT source_path FROM articles \
         ORDER BY published_at IS NULL, coalesce(published_at, ''), content_sha256",
    );
    assert_ne!(order, SEED, "the test is of an order other than the files'");
    let all = import(&w, "all", &order.iter().map(String::as_str).collect::<Vec<_>>());
    // By outlet: Fox News and the two unnamed outlets of 000 and 003 here,
    // "Washington Post" (AJP's article) and the rewrite of Fox's story (004) there.
    let s1 = shard(&w, "s1", &["000_c43bbcaffbe52ba4.txt", "001_3a9d08f25b52040a.txt", "003_67ba24c548f18c49.txt"]);
    let s2 = shard(&w, "s2", &["002_5481a362d700b0cb.txt", "004_d13cbc4c5b3b63ce.txt"]);
    let links = w.path().join("links");
    let out = Command::new(venv("spark-submit"))
        .args(["--master", "local[2]", "--conf", "spark.ui.enabled=false"])
        .arg(repo().join("spark/link.py"))
        .arg("--out")
        .arg(&links)
        .arg("--newsarchive")
        .arg(env!("CARGO_BIN_EXE_newsarchive"))
        .arg(&s1)
        .arg(&s2)
        .env("PYSPARK_PYTHON", venv("python"))
        .output()
        .unwrap();
    assert!(out.status.success(), "spark/link.py: {}", String::from_utf8_lossy(&out.stderr));

    let one_overlap = column(&all, &format!("SELECT {OVERLAP} FROM report_quote_overlap_same_language"));
    let one_pairs = column(&all, &format!("SELECT {PAIRS} FROM report_outlet_pairs_same_language"));
    assert!(
        one_pairs.iter().any(|p| p.starts_with("unknown (") && p.contains("\tWashington Post\t")),
        "pairs are named in the archive's order of names: {one_pairs:?}"
    );
    assert_eq!(one_overlap.len(), 5, "{one_overlap:?}");
    assert!(!one_pairs.is_empty());
    assert_eq!(job_rows(&links, "report_quote_overlap"), one_overlap, "quote overlap across shards");
    assert_eq!(job_rows(&links, "report_outlet_pairs"), one_pairs, "outlet pairs across shards");
    // Facts: the same claims found the same facts across shards.
    let one_coverage = column(&all, &format!("SELECT {COVERAGE} FROM report_claim_coverage"));
    let one_claim_pairs = column(&all, &format!("SELECT {PAIRS} FROM report_claim_outlet_pairs"));
    assert_eq!(one_coverage.len(), 5, "{one_coverage:?}");
    assert!(one_claim_pairs.len() >= 5, "{one_claim_pairs:?}");
    assert_eq!(job_rows(&links, "report_claim_coverage"), one_coverage, "claim coverage across shards");
    assert_eq!(job_rows(&links, "report_claim_outlet_pairs"), one_claim_pairs, "claim outlet pairs across shards");
    // Articles: the rewrite of Fox News's story (004, in the other shard) is found.
    let one_similar = column(&all, &format!("SELECT {SIMILARITY} FROM report_article_similarity"));
    assert!(!one_similar.is_empty());
    let job_similar: Vec<String> = job_rows(&links, "report_article_similarity")
        .iter()
        .map(|r| {
            let f: Vec<&str> = r.split('\t').collect();
            [f[0], f[2], f[1], f[3], f[4], f[5]].join("\t")
        })
        .collect();
    assert_eq!(
        job_similar.iter().map(|r| pair_of_articles(r)).collect::<Vec<_>>(),
        one_similar.iter().map(|r| pair_of_articles(r)).collect::<Vec<_>>(),
        "article similarity across shards"
    );

    // The seed is all English: nothing is shared only in translation, so
    // these are the figures `report quote-overlap` prints too.
    let translated = column(&all, "SELECT sum(in_translation_only) FROM report_quote_overlap");
    assert_eq!(translated, ["0"]);

    // Back into each shard: its global reports are the one archive's.
    for name in ["s1", "s2"] {
        let db = w.path().join(format!("{name}.db"));
        newsarchive(&db, &["--quiet", "import-links", links.to_str().unwrap()]);
        let column = |sql: &str| column(&db, sql);
        assert_eq!(column(&format!("SELECT {OVERLAP} FROM report_quote_overlap_global")), one_overlap, "{name}");
        assert_eq!(column(&format!("SELECT {PAIRS} FROM report_outlet_pairs_global")), one_pairs, "{name}");
        // Every wording of the shard has its global quotation.
        assert_eq!(
            column("SELECT count(*) FROM quote_wordings"),
            column("SELECT count(*) FROM global_wordings"),
            "{name}"
        );
        // A quotation both shards carried is carried by more outlets
        // anywhere than here.
        let travelled = column("SELECT count(*) FROM report_quotations_global WHERE outlets_anywhere > outlets_here");
        assert_ne!(travelled, ["0"], "{name}");
        // Facts: this shard's share of every shard's coverage.
        assert_eq!(column(&format!("SELECT {COVERAGE} FROM report_claim_coverage_global")), one_coverage, "{name}");
        assert_eq!(column(&format!("SELECT {PAIRS} FROM report_claim_outlet_pairs_global")), one_claim_pairs, "{name}");
        assert_eq!(column("SELECT count(*) FROM claims"), column("SELECT count(*) FROM global_claims"), "{name}");
        let stated_elsewhere =
            column("SELECT count(*) FROM report_claims_global WHERE outlets_anywhere > outlets_here");
        assert_ne!(stated_elsewhere, ["0"], "{name}");
        // The rewrite (004) and its source (Fox News, 001) are in different
        // shards: each shard sees the pair, with the other article elsewhere.
        let here = column("SELECT a_here || ' ' || b_here FROM report_article_similarity_global");
        assert_eq!(here.len(), 1, "{name}: {here:?}");
        assert!(here[0] == "1 0" || here[0] == "0 1", "{name}: {here:?}");
        // And the CLI prints it.
        let printed = newsarchive(&db, &["report", "quote-overlap-global", "--format", "csv"]);
        assert!(printed.starts_with("outlet,articles,quotes,shared,unique_quotes,shared_pct,reworded"), "{printed}");
        assert!(printed.contains("Washington Post") && printed.contains("Fox News"), "{printed}");
    }
}

#[test]
fn import_links_refuses_what_the_job_did_not_finish_and_keeps_the_last_load() {
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    std::fs::create_dir_all(w.path().join("links/wording_clusters")).unwrap();
    let out = w.cmd().args(["import-links", "links"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wording_clusters") && err.contains("_SUCCESS"), "{err}");
    assert_eq!(w.column("SELECT count(*) FROM global_links"), ["0"]);
    let out = w.cmd().args(["import-links", "nowhere"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nowhere: no such directory"));
}
