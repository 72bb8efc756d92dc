//! The `make demo` path: a fresh archive, the seed corpus, the overlap report.

mod common;
use common::{Workdir, parse_csv};

#[test]
fn seed_then_quote_overlap() {
    let w = Workdir::new();
    let out = w.cmd().arg("seed").output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("5 imported, 0 updated, 0 unchanged, 0 failed"), "{err}");

    let (header, rows) = parse_csv(&w.stdout(&["report", "quote-overlap", "--format", "csv"]));
    assert_eq!(
        header,
        ["outlet", "articles", "quotes", "shared", "unique_quotes", "shared_pct", "reworded", "in_translation_only"]
    );
    assert_eq!(rows.len(), 5, "five outlets: {rows:?}");
    for r in &rows {
        let quotes: i64 = r[2].parse().unwrap();
        let shared: i64 = r[3].parse().unwrap();
        let unique: i64 = r[4].parse().unwrap();
        assert!(shared >= 1, "every seed outlet shares the North Korea quote: {r:?}");
        assert_eq!(shared + unique, quotes, "{r:?}");
    }
    // Outlets the text names, and honest placeholders for the others.
    let outlets = w.column("SELECT name FROM outlets ORDER BY name");
    assert!(outlets.contains(&"Fox News".to_string()) && outlets.contains(&"AJP".to_string()), "{outlets:?}");
    assert_eq!(outlets.iter().filter(|o| o.starts_with("unknown (")).count(), 3, "{outlets:?}");
}

#[test]
fn north_korea_quote_is_carried_by_all_five_outlets() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let n = w.count(
        "SELECT count(DISTINCT a.outlet_id) FROM quote_units u
         JOIN quote_wordings qw ON qw.id = u.wording_id
         JOIN quote_clusters c ON c.id = qw.cluster_id
         JOIN articles a ON a.id = u.article_id
         WHERE c.normalized = 'we will have relations with north korea with kim jong un'",
    );
    assert_eq!(n, 5);
    // The same cluster is attributed to Donald Trump.
    let speaker = w.column(
        "SELECT s.name FROM quote_clusters c JOIN speakers s ON s.id = c.speaker_id
         WHERE c.normalized = 'we will have relations with north korea with kim jong un'",
    );
    assert_eq!(speaker, ["Donald Trump"]);
}

#[test]
fn reimport_changes_nothing() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let before = w.counts();
    let report = w.stdout(&["report", "quote-overlap", "--format", "csv"]);
    let out = w.cmd().arg("seed").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 imported, 0 updated, 5 unchanged, 0 failed"));
    assert_eq!(w.counts(), before);
    assert_eq!(w.stdout(&["report", "quote-overlap", "--format", "csv"]), report);
    // The same files through `import` are the same documents.
    let dir = common::seed_dir();
    let out = w.cmd().arg("import").arg(&dir).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0 imported, 0 updated, 5 unchanged, 0 failed"), "{err}");
    assert_eq!(w.counts(), before);
}

#[test]
fn quote_offsets_give_the_quote_back() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let bad = w.count(
        "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.region = 'body'
           AND substr(a.body, q.start + 1, q.\"end\" - q.start) <> q.text
           AND instr(substr(a.body, q.start + 1, q.\"end\" - q.start), char(10)) = 0",
    );
    assert_eq!(bad, 0, "single-paragraph body quotes are exactly substr(body, start+1, end-start)");
    let total = w.count("SELECT count(*) FROM quotes WHERE region = 'boilerplate'");
    let ok = w.count(
        "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.region = 'boilerplate' AND substr(a.boilerplate, q.start + 1, q.\"end\" - q.start) = q.text",
    );
    assert!(total > 0 && ok == total, "boilerplate quotes point into articles.boilerplate ({ok}/{total})");
}

#[test]
fn seed_boilerplate_and_metadata() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let fox = w.column("SELECT body || '|' || boilerplate FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.name = 'Fox News'");
    let (body, furniture) = fox[0].split_once('|').unwrap();
    assert!(!body.contains("NORTH KOREAN SOLDIERS"), "promo headline is furniture");
    assert!(furniture.contains("(AP Photo/Evan Vucci)"), "captions are furniture");
    assert!(!body.contains("By Chris Massaro"), "the byline is metadata");
    let ajp = w.column("SELECT author || '|' || published_at || '|' || dateline FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.name = 'AJP'");
    assert_eq!(ajp, ["Candice Kim|2025-02-08T13:47|SEOUL"]);
    let dated = w.column("SELECT published_at FROM articles WHERE source_path LIKE '%000_c43bbcaffbe52ba4.txt'");
    assert_eq!(dated, ["2025-02-08"]);
    let korean = w.count("SELECT count(*) FROM articles WHERE boilerplate LIKE '%닫기%' AND body NOT LIKE '%닫기%'");
    assert_eq!(korean, 1, "stray Korean UI words are furniture");
    let similar = w
        .count("SELECT count(*) FROM articles WHERE boilerplate LIKE '%Similar News%' AND body NOT LIKE '%Read more%'");
    assert_eq!(similar, 1);
    let address = w.count(
        "SELECT count(*) FROM articles WHERE boilerplate LIKE '%Cardinal St.%' AND body NOT LIKE '%Physical Address%'",
    );
    assert_eq!(address, 1);
}
