//! `gen-corpus --languages`: a corpus in ten languages, through the real
//! binary and a real archive. Every language's articles import with their
//! language, and the extractor finds their quotations and speakers as it
//! does in English.

mod common;
use common::Workdir;

const LANGUAGES: [&str; 10] = ["en", "fr", "de", "es", "it", "pt", "nl", "ja", "zh", "ru"];

#[test]
fn every_language_is_imported_and_its_quotations_attributed() {
    let w = Workdir::new();
    let list = LANGUAGES.join(",");
    w.stdout(&["gen-corpus", "--articles", "600", "--seed", "4", "--languages", &list, "--out", "a.jsonl"]);
    w.stdout(&["gen-corpus", "--articles", "600", "--seed", "4", "--languages", &list, "--out", "b.jsonl"]);
    let a = std::fs::read(w.path().join("a.jsonl")).unwrap();
    assert_eq!(a, std::fs::read(w.path().join("b.jsonl")).unwrap(), "same seed, same corpus");
    w.stdout(&["--quiet", "import", "a.jsonl"]);
    assert_eq!(w.count("SELECT count(*) FROM articles"), 600);
    for code in LANGUAGES {
        let articles = w.count(&format!("SELECT count(*) FROM articles WHERE language = '{code}'"));
        assert!(articles >= 30, "{code}: {articles} articles");
        let per_lang = |what: &str| {
            w.count(&format!(
                "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.language = '{code}' {what}"
            ))
        };
        let (quotes, attributed) = (per_lang(""), per_lang("AND q.speaker_id IS NOT NULL"));
        // Each article quotes its speakers about eight times.
        assert!(quotes >= 6 * articles, "{code}: {quotes} quotations in {articles} articles");
        assert!(attributed * 100 >= quotes * 95, "{code}: {attributed} of {quotes} quotations attributed");
    }
    // Speakers are named as the language writes them: Japanese in katakana.
    let names = w.column(
        "SELECT DISTINCT s.name FROM quotes q JOIN articles a ON a.id = q.article_id
         JOIN speakers s ON s.id = q.speaker_id WHERE a.language = 'ja'",
    );
    assert!(names.iter().all(|n| n.contains('・')), "{names:?}");
}

#[test]
fn unknown_languages_are_refused() {
    let w = Workdir::new();
    let out =
        w.cmd().args(["gen-corpus", "--articles", "5", "--languages", "en,xx", "--out", "a.jsonl"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'xx'"));
    assert!(!w.path().join("a.jsonl").exists());
}
