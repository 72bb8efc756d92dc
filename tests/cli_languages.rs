//! The language of each article: detected from its words when nothing
//! gives it, given by a manifest or record otherwise, listed per outlet in
//! `report outlets`, a filter of the quote and claim reports, and detected
//! for articles an earlier version stored — through the real binary on a
//! real archive.

mod common;
use common::{Workdir, parse_csv};

const FRENCH: &str = "Le ministre de l'Économie a présenté mardi un plan de relance de douze milliards d'euros.\n\
« Nous devons protéger les emplois industriels avant tout », a déclaré le ministre devant les députés.\n\
Les syndicats ont salué l'annonce, tout en réclamant des garanties sur les salaires dans les usines du nord du pays.\n";

const GERMAN: &str = "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung von Wärmepumpen beschlossen.\n\
„Wir werden die Haushalte bei den Kosten nicht allein lassen“, sagte die Ministerin in Berlin.\n\
Die Opposition kritisierte den Entwurf als zu teuer und forderte eine Abstimmung im Bundestag noch vor dem Sommer.\n";

const JAPANESE: &str = "政府は水曜日、再生可能エネルギーの導入を加速するための新たな計画を閣議決定した。\n\
経済産業大臣は記者会見で「電力の安定供給と脱炭素を両立させる」と述べた。\n\
計画では、二〇三〇年までに洋上風力発電の設備容量を大幅に増やす目標が示された。\n";

const ENGLISH: &str = "The city council voted on Tuesday to expand the bus network to three new districts.\n\
\"Public transport is how people get to work here,\" the mayor said after the vote.\n\
Opponents said the plan would cost more than the council had budgeted for the coming year.\n";

/// A folder of articles in four languages, no manifest: each language is
/// detected, and a manifest's language wins over detection.
#[test]
fn languages_are_detected_given_listed_and_filtered() {
    let w = Workdir::new();
    w.write("news/fr.txt", FRENCH);
    w.write("news/de.txt", GERMAN);
    w.write("news/ja.txt", JAPANESE);
    w.write("news/en.txt", ENGLISH);
    w.write("other/es.txt", ENGLISH.replace("city council", "town council"));
    w.write("other/manifest.csv", "file,outlet,language\nes.txt,Other Daily,es\n");
    let news = w.path().join("news").display().to_string();
    let other = w.path().join("other").display().to_string();
    w.stdout(&["import", &news, &other]);

    let got = w.column(
        "SELECT substr(source_path, -6) || '=' || coalesce(language, '?') || '/' || coalesce(language_source, '?')
         FROM articles ORDER BY 1",
    );
    assert_eq!(
        got,
        ["de.txt=de/detected", "en.txt=en/detected", "es.txt=es/given", "fr.txt=fr/detected", "ja.txt=ja/detected"]
    );

    // report outlets lists each outlet's languages.
    let (header, rows) = parse_csv(&w.stdout(&["report", "outlets", "--format", "csv"]));
    let lang = header.iter().position(|h| h == "languages").expect("a languages column");
    let outlet = header.iter().position(|h| h == "outlet").unwrap();
    let other_daily = rows.iter().find(|r| r[outlet] == "Other Daily").expect("the manifest's outlet");
    assert_eq!(other_daily[lang], "es");
    let mut listed: Vec<&str> = rows.iter().map(|r| r[lang].as_str()).collect();
    listed.sort_unstable();
    assert_eq!(listed, ["de", "en", "es", "fr", "ja"]);

    // --language keeps the quotations articles in that language carried.
    let (header, rows) = parse_csv(&w.stdout(&["report", "quotes", "--language", "FR", "--format", "csv"]));
    let text = header.iter().position(|h| h == "canonical_text").unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0][text].contains("protéger les emplois"), "{rows:?}");
    let (_, rows) = parse_csv(&w.stdout(&["report", "quotes", "--language", "de", "--format", "csv"]));
    assert_eq!(rows.len(), 1, "{rows:?}");

    // An unknown code is refused with the archive's languages.
    let out = w.cmd().args(["report", "quotes", "--language", "xx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no article in language 'xx'") && err.contains("fr"), "{err}");
    let out = w.cmd().args(["report", "outlets", "--language", "fr"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("--language goes with"));

    // Importing the same files again changes nothing.
    let out = w.cmd().args(["import", &news, &other]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 imported, 0 updated, 5 unchanged"));
}

/// Articles stored before languages were detected get one from their
/// stored body at the next link, and a re-import does not count them as
/// changed.
#[test]
fn articles_of_an_earlier_version_get_their_language() {
    let w = Workdir::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archives/v3-seed.db");
    std::fs::copy(&src, w.db()).unwrap();
    // As an archive of seed articles imported without a manifest language.
    w.conn().execute("UPDATE articles SET language = NULL", []).unwrap();
    w.stdout(&["link"]);
    assert_eq!(w.column("SELECT DISTINCT language || '/' || language_source FROM articles"), ["en/detected"]);
    assert_eq!(w.count("SELECT count(*) FROM articles WHERE language_pending = 1"), 0);
    let (header, rows) = parse_csv(&w.stdout(&["report", "outlets", "--format", "csv"]));
    let lang = header.iter().position(|h| h == "languages").unwrap();
    assert!(rows.iter().all(|r| r[lang] == "en"), "{rows:?}");
}
