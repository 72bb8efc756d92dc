//! Speakers across the archive: one person however articles name them,
//! `report speakers`, and `speakers merge` for what rules cannot settle.

mod common;
use common::{Workdir, parse_csv};
use std::collections::BTreeMap;

/// The speakers report, each row by column name.
fn speakers(w: &Workdir) -> Vec<BTreeMap<String, String>> {
    let (header, rows) = parse_csv(&w.stdout(&["report", "speakers", "--format", "csv"]));
    rows.into_iter().map(|r| header.iter().cloned().zip(r).collect()).collect()
}

fn row<'a>(rows: &'a [BTreeMap<String, String>], name: &str) -> Option<&'a BTreeMap<String, String>> {
    rows.iter().find(|r| r["speaker"] == name)
}

#[test]
fn trump_by_any_name_is_one_speaker() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let before = speakers(&w);
    let trump = row(&before, "Donald Trump").expect("Donald Trump is a speaker").clone();
    assert_eq!(trump["outlets"], "5", "quoted by all five outlets: {trump:?}");
    for alias in ["Trump", "President Trump"] {
        assert!(trump["aliases"].split("; ").any(|a| a == alias), "alias {alias} in {trump:?}");
    }
    assert!(row(&before, "Trump").is_none() && row(&before, "President Trump").is_none());

    // An article that never gives his full name still quotes the same man.
    w.write(
        "more/brief.txt",
        "Tariff talk continues\n\n\"We will see what happens,\" President Trump told reporters on Monday.\n\n\
         U.S. President Trump added that \"talks are going well.\"\n",
    );
    w.write("more/manifest.csv", "file,outlet\nbrief.txt,Wire Service\n");
    w.stdout(&["import", "more"]);
    let after = speakers(&w);
    let t = row(&after, "Donald Trump").unwrap();
    assert_eq!(t["quotes"].parse::<i64>().unwrap(), trump["quotes"].parse::<i64>().unwrap() + 2, "{t:?}");
    assert!(row(&after, "Trump").is_none(), "{after:?}");
}

#[test]
fn a_surname_shared_in_the_archive_is_not_guessed() {
    let w = Workdir::new();
    w.write("a.txt", "One\n\n\"Hello there,\" Ann Park said.\n\nPark spoke twice.\n");
    w.write("b.txt", "Two\n\n\"Good evening,\" Bo Park said.\n");
    w.write("c.txt", "Three\n\n\"We disagree,\" Park said on Monday.\n");
    w.stdout(&["import", "a.txt", "b.txt", "c.txt"]);
    let rows = speakers(&w);
    assert!(row(&rows, "Park").is_some(), "one-word 'Park' stays apart: {rows:?}");
}

#[test]
fn merge_moves_quotes_and_names() {
    let w = Workdir::new();
    w.write("a.txt", "One\n\n\"We will build it,\" Jon Smyth said.\n");
    w.write("b.txt", "Two\n\n\"It is built,\" Jonathan Smyth said.\n");
    w.stdout(&["import", "a.txt", "b.txt"]);
    let out = w.cmd().args(["speakers", "merge", "Jon Smyth", "Jonathan Smyth"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("merged Jon Smyth into Jonathan Smyth (1 quotes moved)"));
    let rows = speakers(&w);
    let s = row(&rows, "Jonathan Smyth").unwrap();
    assert_eq!(s["quotes"], "2");
    assert_eq!(s["aliases"], "Jon Smyth");
    assert!(row(&rows, "Jon Smyth").is_none());
    // The merged name keeps meaning the kept speaker in later imports.
    w.write("c.txt", "Three\n\n\"Done,\" Jon Smyth said.\n");
    w.stdout(&["import", "c.txt"]);
    assert_eq!(row(&speakers(&w), "Jonathan Smyth").unwrap()["quotes"], "3");
    let (_, aliases) = parse_csv(&w.stdout(&["speakers", "aliases", "Jon Smyth", "--format", "csv"]));
    assert_eq!(aliases, [["Jonathan Smyth", "Jon Smyth", ""]], "no language: an article taught it");

    let out = w.cmd().args(["speakers", "merge", "Nobody Here", "Jonathan Smyth"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no speaker named 'Nobody Here'"));
    let out = w.cmd().args(["speakers", "merge", "Jonathan Smyth"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "merge needs two names");
}

/// One person quoted in English, French and Russian: three spellings, one
/// speaker.
const SOKOLOV: &[(&str, &str, &str)] = &[
    ("en.txt", "en", "Port strike\n\n\"We will not back down,\" Dmitry Sokolov, the union leader, told reporters.\n"),
    ("fr.txt", "fr", "Grève au port\n\n« Nous ne reculerons pas », a déclaré Dmitri Sokolov, le chef du syndicat.\n"),
    ("ru.txt", "ru", "Забастовка\n\n«Мы не отступим», — заявил журналистам глава профсоюза Дмитрий Соколов.\n"),
    ("zh.txt", "zh", "罢工\n\n索科洛夫表示：“我们不会退让。”\n"),
];

fn write_sokolov(w: &Workdir) {
    let mut manifest = String::from("file,outlet,language\n");
    for (file, lang, body) in SOKOLOV {
        w.write(&format!("news/{file}"), body);
        manifest.push_str(&format!("{file},Daily {lang},{lang}\n"));
    }
    w.write("news/manifest.csv", manifest);
}

#[test]
fn one_person_in_english_french_and_russian_is_one_speaker() {
    let w = Workdir::new();
    write_sokolov(&w);
    w.stdout(&["import", "news"]);
    let rows = speakers(&w);
    let s = row(&rows, "Dmitry Sokolov").unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!((s["quotes"].as_str(), s["outlets"].as_str()), ("3", "3"), "three quotes in three outlets: {s:?}");
    for alias in ["Dmitri Sokolov", "Дмитрий Соколов"] {
        assert!(s["aliases"].split("; ").any(|a| a == alias), "alias {alias} in {s:?}");
        assert!(row(&rows, alias).is_none(), "{alias} is not a speaker of its own: {rows:?}");
    }
    // Chinese writes the name in characters: no key reaches it.
    assert!(row(&rows, "索科洛夫").is_some(), "{rows:?}");
}

#[test]
fn an_alias_file_joins_names_in_other_scripts_now_and_in_later_imports() {
    let w = Workdir::new();
    write_sokolov(&w);
    w.stdout(&["import", "news"]);
    w.write("aliases.csv", "alias,canonical,language\n索科洛夫,Dmitry Sokolov,zh\nソコロフ,Dmitry Sokolov,ja\n");
    let out = w.cmd().args(["speakers", "apply", "aliases.csv"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 aliases applied (1 speakers merged, 1 quotes moved)"));
    let rows = speakers(&w);
    assert_eq!(row(&rows, "Dmitry Sokolov").unwrap()["quotes"], "4", "{rows:?}");
    assert!(row(&rows, "索科洛夫").is_none(), "{rows:?}");

    // A later import attributes the alias to the canonical speaker.
    w.write("more/ja.txt", "スト\n\nソコロフ氏は「我々は引かない」と述べた。\n");
    w.write("more/manifest.csv", "file,outlet,language\nja.txt,Nikkan,ja\n");
    w.stdout(&["import", "more"]);
    assert_eq!(row(&speakers(&w), "Dmitry Sokolov").unwrap()["quotes"], "5");
    let (_, aliases) = parse_csv(&w.stdout(&["speakers", "aliases", "Dmitry Sokolov", "--format", "csv"]));
    assert!(aliases.iter().any(|r| r[1] == "ソコロフ" && r[2] == "ja"), "{aliases:?}");

    // import --aliases applies a file before reading the articles.
    let v = Workdir::new();
    write_sokolov(&v);
    v.write("aliases.csv", "alias,canonical\n索科洛夫,Dmitry Sokolov\n");
    v.stdout(&["import", "news", "--aliases", "aliases.csv"]);
    assert_eq!(row(&speakers(&v), "Dmitry Sokolov").unwrap()["quotes"], "4");
}

#[test]
fn a_bad_alias_file_names_its_line_and_changes_nothing() {
    let w = Workdir::new();
    write_sokolov(&w);
    w.stdout(&["import", "news"]);
    let before = speakers(&w);
    w.write("aliases.csv", "alias,canonical\n索科洛夫,Dmitry Sokolov\n,Nobody\n");
    let out = w.cmd().args(["speakers", "apply", "aliases.csv"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("aliases.csv:3:") && err.contains("alias and a canonical name"), "{err}");
    assert_eq!(speakers(&w), before);
    w.write("names.csv", "name,who\nX,Y\n");
    let out = w.cmd().args(["import", "news", "--aliases", "names.csv"]).output().unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("names.csv:1: an alias file needs the columns alias and canonical")
    );
}
