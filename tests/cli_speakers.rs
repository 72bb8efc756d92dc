//! Speakers across the archive: one person however articles name them,
//! `report speakers`, and `speakers merge` for what rules cannot settle.

mod common;
use common::{Workdir, parse_csv};

fn speakers(w: &Workdir) -> Vec<Vec<String>> {
    parse_csv(&w.stdout(&["report", "speakers", "--format", "csv"])).1
}

fn row<'a>(rows: &'a [Vec<String>], name: &str) -> Option<&'a Vec<String>> {
    rows.iter().find(|r| r[0] == name)
}

#[test]
fn trump_by_any_name_is_one_speaker() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let before = speakers(&w);
    let trump = row(&before, "Donald Trump").expect("Donald Trump is a speaker").clone();
    assert_eq!(trump[4], "5", "quoted by all five outlets: {trump:?}");
    for alias in ["Trump", "President Trump"] {
        assert!(trump[7].split("; ").any(|a| a == alias), "alias {alias} in {trump:?}");
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
    assert_eq!(t[2].parse::<i64>().unwrap(), trump[2].parse::<i64>().unwrap() + 2, "{t:?}");
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
    assert_eq!(s[2], "2");
    assert_eq!(s[7], "Jon Smyth");
    assert!(row(&rows, "Jon Smyth").is_none());
    // The merged name keeps meaning the kept speaker in later imports.
    w.write("c.txt", "Three\n\n\"Done,\" Jon Smyth said.\n");
    w.stdout(&["import", "c.txt"]);
    assert_eq!(row(&speakers(&w), "Jonathan Smyth").unwrap()[2], "3");
    let (_, aliases) = parse_csv(&w.stdout(&["speakers", "aliases", "Jon Smyth", "--format", "csv"]));
    assert_eq!(aliases, [["Jonathan Smyth", "Jon Smyth"]]);

    let out = w.cmd().args(["speakers", "merge", "Nobody Here", "Jonathan Smyth"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no speaker named 'Nobody Here'"));
    let out = w.cmd().args(["speakers", "merge", "Jonathan Smyth"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "merge needs two names");
}
