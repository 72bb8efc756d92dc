//! `newsarchive show article|quote|speaker` on the seed archive.

mod common;
use common::Workdir;

fn seeded() -> Workdir {
    let w = Workdir::new();
    w.stdout(&["seed", "-q"]);
    w
}

fn fox_article(w: &Workdir) -> String {
    w.column("SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.name = 'Fox News'")[0].clone()
}

#[test]
fn an_article_with_its_quotes_marked_and_their_spread() {
    let w = seeded();
    let id = fox_article(&w);
    let out = w.stdout(&["show", "article", &id]);
    let title = &w.column(&format!("SELECT title FROM articles WHERE id = {id}"))[0];
    assert!(out.starts_with(title.as_str()), "{out}");
    assert!(out.contains("Fox News") && out.contains("by Chris Massaro"), "{out}");
    // The North Korea quotation, marked after its closing quotation mark,
    // and listed under its paragraph with its speaker and spread.
    let cluster = &w.column(
        "SELECT c.id FROM quote_clusters c WHERE c.canonical_text = 'We will have relations with North Korea, with Kim Jong Un'",
    )[0];
    assert!(out.contains("very well,\"[1]"), "{out}");
    assert!(
        out.contains(&format!("[1] Donald Trump (“Trump told”) · quotation {cluster}, also in 4 other outlets")),
        "{out}"
    );
    // One marker per speech quote of the body.
    let speech = w.count(&format!(
        "SELECT count(*) FROM quotes WHERE article_id = {id} AND region = 'body' AND kind <> 'mention'"
    ));
    assert!(out.contains(&format!("[{speech}]")) && !out.contains(&format!("[{}]", speech + 1)), "{out}");
    assert!(out.contains(&format!("{speech} quotations marked")));
    // Page furniture only with --all.
    let furniture = &w.column(&format!("SELECT boilerplate FROM articles WHERE id = {id}"))[0];
    let line = furniture.lines().find(|l| l.split_whitespace().count() > 3).unwrap();
    assert!(!out.contains(line) && out.contains("--all shows it"));
    let all = w.stdout(&["show", "article", &id, "--all"]);
    let first_words: String = line.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    assert!(all.contains(&first_words), "{all}");
    assert!(!out.contains('\x1b'), "no colour into a pipe");
}

#[test]
fn an_article_by_url_or_hash_and_clear_errors() {
    let w = seeded();
    let id = fox_article(&w);
    let sha = &w.column(&format!("SELECT content_sha256 FROM articles WHERE id = {id}"))[0];
    let by_id = w.stdout(&["show", "article", &id]);
    assert_eq!(w.stdout(&["show", "article", &sha[..10]]), by_id);
    if let Some(url) = w.column(&format!("SELECT url FROM articles WHERE id = {id} AND url IS NOT NULL")).first() {
        assert_eq!(w.stdout(&["show", "article", url]), by_id);
    }
    let json: serde_json::Value =
        serde_json::from_str(&w.stdout(&["show", "article", &id, "--format", "json"])).unwrap();
    assert_eq!(json["outlet"], "Fox News");
    assert!(json["quotes"].as_array().unwrap().iter().any(|q| q["speaker"] == "Donald Trump"));
    for args in [["show", "article", "9999"], ["show", "article", "ffffffffff"], ["show", "quote", "99999"]] {
        let out = w.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no article") || err.contains("no quotation"), "{err}");
    }
    let out = w.cmd().args(["show", "speaker", "Nobody Atall"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no speaker named 'Nobody Atall'"));
}

#[test]
fn a_quotation_with_each_wording_diffed_against_the_canonical_one() {
    let w = seeded();
    let id = &w.column("SELECT id FROM quote_clusters WHERE canonical_text = 'I get along with them very well'")[0];
    let out = w.stdout(&["show", "quote", id]);
    assert!(out.contains("“I get along with them very well”"), "{out}");
    assert!(out.contains("“I [-get-] {+got+} along with [-them-] {+him+} very well” — AJP (1 article)"), "{out}");
    // Every article carrying it, named.
    let articles = w.count(&format!("SELECT outlets FROM cluster_stats WHERE cluster_id = {id}"));
    assert!(out.contains(&format!("Appears in {articles} articles")), "{out}");
    for outlet in w.column(&format!(
        "SELECT o.name FROM outlet_clusters oc JOIN outlets o ON o.id = oc.outlet_id WHERE oc.cluster_id = {id}"
    )) {
        assert!(out.contains(&outlet), "{outlet} missing: {out}");
    }
    let coloured = w.stdout(&["show", "quote", id, "--color", "always"]);
    assert!(coloured.contains("\x1b[9;31mget\x1b[0m") && coloured.contains("\x1b[4;32mgot\x1b[0m"), "{coloured}");
}

#[test]
fn a_speaker_with_aliases_outlets_and_quotations() {
    let w = seeded();
    let out = w.stdout(&["show", "speaker", "President Trump"]);
    assert!(out.starts_with("Donald Trump (person)"), "an alias finds the speaker: {out}");
    assert!(out.contains("also named:") && out.contains("Quoted by"));
    for row in w.column(
        "SELECT o.name || ' ' || count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
         JOIN outlets o ON o.id = a.outlet_id JOIN speakers s ON s.id = q.speaker_id
         WHERE s.name = 'Donald Trump' AND q.kind <> 'mention' AND q.region = 'body' GROUP BY o.id",
    ) {
        let (outlet, n) = row.rsplit_once(' ').unwrap();
        assert!(out.lines().any(|l| l.trim_start().starts_with(outlet) && l.trim_end().ends_with(n)), "{row}: {out}");
    }
    assert!(out.contains("“We will have relations with North Korea, with Kim Jong Un”"));
    assert!(out.contains("[-get-] {+got+}"), "variants diffed: {out}");
}

#[test]
fn only_changed_words_are_marked_not_punctuation_or_apostrophes() {
    let w = seeded();
    let out = w.stdout(&["show", "speaker", "Ishiba"]);
    // The wordings differ in words and also in a curly apostrophe and a
    // full stop; only the words are marked, and the variant reads as printed.
    assert!(out.contains("[-the president of the United States, if-]"), "{out}");
    assert!(out.contains("I don’t know"), "the variant's own apostrophe: {out}");
    assert!(!out.contains("[-don't-]") && !out.contains("{+limited.+}"), "{out}");
}
