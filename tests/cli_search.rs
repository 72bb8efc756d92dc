//! `newsarchive search`: full-text search over articles and quotations,
//! through the real binary on real archives.

mod common;
use common::{Workdir, parse_csv};

fn seeded() -> Workdir {
    let w = Workdir::new();
    w.stdout(&["seed", "-q"]);
    w
}

fn search(w: &Workdir, args: &[&str]) -> Vec<Vec<String>> {
    let mut all = vec!["search", "--format", "csv"];
    all.extend_from_slice(args);
    let (header, rows) = parse_csv(&w.stdout(&all));
    assert_eq!(header[..3], ["kind", "id", "article"]);
    rows
}

#[test]
fn finds_articles_and_quotes_best_first_with_snippets() {
    let w = seeded();
    let hits = search(&w, &["tariffs"]);
    assert!(hits.iter().any(|h| h[0] == "article") && hits.iter().any(|h| h[0] == "quote"), "{hits:?}");
    let scores: Vec<f64> = hits.iter().map(|h| h[9].parse().unwrap()).collect();
    assert!(scores.windows(2).all(|p| p[0] <= p[1]), "ranked by bm25: {scores:?}");
    // Every hit really contains the word, and its snippet shows it.
    for h in &hits {
        assert!(h[10].to_lowercase().contains("tariff"), "snippet without the match: {h:?}");
    }
    // Each article that contains the word is found.
    let expected =
        w.column("SELECT id FROM articles WHERE body LIKE '%tariffs%' OR title LIKE '%tariffs%' ORDER BY id");
    let mut found: Vec<String> = hits.iter().filter(|h| h[0] == "article").map(|h| h[1].clone()).collect();
    found.sort();
    assert_eq!(found, expected);
}

#[test]
fn filters_narrow_the_hits() {
    let w = seeded();
    let fox = search(&w, &["north", "korea", "--outlet", "Fox News"]);
    assert!(!fox.is_empty() && fox.iter().all(|h| h[3] == "Fox News"), "{fox:?}");
    let quotes = search(&w, &["korea", "--quotes-only", "--speaker", "Trump", "-n", "100"]);
    assert!(!quotes.is_empty() && quotes.iter().all(|h| h[0] == "quote" && h[6] == "Donald Trump"), "{quotes:?}");
    let articles = search(&w, &["korea", "--articles-only"]);
    assert!(!articles.is_empty() && articles.iter().all(|h| h[0] == "article"));
    // Dated articles of 2025-02-08 only; undated ones are left out by a date filter.
    let after = search(&w, &["korea", "--since", "2025-02-09"]);
    assert!(after.is_empty(), "{after:?}");
    let on = search(&w, &["korea", "--since", "2025-02-08", "--until", "2025-02-08", "-n", "100"]);
    assert!(!on.is_empty() && on.iter().all(|h| h[4].starts_with("2025-02-08")), "{on:?}");
    let limited = search(&w, &["korea", "-n", "2"]);
    assert_eq!(limited.len(), 2);
    // FTS5 syntax passes through: a phrase, OR, NOT, a prefix, a column.
    let phrase = search(&w, &["\"very big asset\""]);
    assert!(!phrase.is_empty() && phrase.iter().all(|h| h[10].to_lowercase().contains("very big asset")), "{phrase:?}");
    let not = search(&w, &["korea NOT japan", "--articles-only"]);
    assert!(not.iter().all(|h| {
        !w.column(&format!("SELECT body FROM articles WHERE id = {}", h[1]))[0].to_lowercase().contains("japan")
    }));
    assert!(!search(&w, &["denucleari*"]).is_empty());
    let titles = search(&w, &["title:ishiba"]);
    assert!(!titles.is_empty() && titles.iter().all(|h| h[0] == "article" && h[5].to_lowercase().contains("ishiba")));
    // Words FTS5 would refuse outside quotes are searched as written.
    assert!(!search(&w, &["don't"]).is_empty());
}

#[test]
fn bad_queries_and_filters_are_clear_errors() {
    let w = seeded();
    for (query, said) in
        [("korea AND", "ends too soon"), ("(korea", "is not valid"), ("nope:korea", "no column 'nope'")]
    {
        let out = w.cmd().args(["search", query]).output().unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said) && !err.contains("fts5"), "{query}: {err}");
    }
    let out = w.cmd().args(["search", "korea", "--outlet", "Nowhere Times"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no outlet named 'Nowhere Times'"));
    let out = w.cmd().args(["search", "korea", "--speaker", "Nobody Atall"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no speaker named 'Nobody Atall'"));
    let out = w.cmd().args(["search", "korea", "--since", "yesterday"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn matches_are_highlighted_only_with_colour() {
    let w = seeded();
    let plain = w.stdout(&["search", "tariffs"]);
    assert!(!plain.contains('\x1b'), "no colour into a pipe");
    assert!(plain.contains("tariffs"));
    let coloured = w.stdout(&["search", "tariffs", "--color", "always"]);
    assert!(coloured.contains("\x1b[1;31mtariffs\x1b[0m"), "{coloured}");
    let out = w.cmd().args(["search", "tariffs", "--color", "always"]).env("NO_COLOR", "1").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains('\x1b'), "--color always wins over NO_COLOR");
}

/// Texts in languages written without spaces: every two- and
/// three-character substring taken from their articles must find exactly
/// the articles containing it (the index's character pairs, rewritten
/// queries and phrase matching make search a substring search there).
#[test]
fn words_inside_unspaced_scripts_are_found() {
    let w = Workdir::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/multilingual");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            ["ja_", "zh_", "ko_", "en_", "fr_"].iter().any(|l| name.starts_with(l)) && name.ends_with(".txt")
        })
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    let mut args = vec!["import", "-q"];
    args.extend(files.iter().map(String::as_str));
    w.stdout(&args);
    let conn = w.conn();
    let bodies: Vec<(i64, String)> = conn
        .prepare("SELECT id, coalesce(title, '') || ' ' || body FROM articles WHERE language IN ('ja', 'zh', 'ko')")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(bodies.len() >= 12, "{}", bodies.len());
    let mut queries = Vec::new();
    for (_, body) in &bodies {
        let chars: Vec<char> = body.chars().collect();
        // Substrings of CJK letters only, from several places in each text.
        for start in (0..chars.len().saturating_sub(3)).step_by(97) {
            for len in [2, 3] {
                let s: String = chars[start..start + len].iter().collect();
                if s.chars().all(|c| c as u32 >= 0x3040 && c.is_alphabetic()) && !queries.contains(&s) {
                    queries.push(s);
                }
            }
        }
    }
    assert!(queries.len() >= 60, "{}", queries.len());
    for q in &queries {
        let (_, hits) = parse_csv(&w.stdout(&["search", q, "--articles-only", "--format", "csv", "-n", "1000"]));
        let mut found: Vec<i64> = hits.iter().map(|h| h[1].parse().unwrap()).collect();
        found.sort();
        let mut expected: Vec<i64> = bodies.iter().filter(|(_, b)| b.contains(q.as_str())).map(|(id, _)| *id).collect();
        expected.sort();
        assert_eq!(found, expected, "query {q}");
    }
}
