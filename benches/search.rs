//! How to index text in scripts written without spaces: the comparison
//! behind `search`'s choice (see BENCHMARKS.md, "Search"). The Chinese,
//! Japanese and Korean articles of tests/fixtures/multilingual and
//! multilingual-holdout are indexed three ways in SQLite FTS5 —
//! `unicode61` as it was, the `trigram` tokenizer, and `unicode61` over
//! text written as overlapping character pairs (what newsarchive does) —
//! and searched for substrings of 2, 3 and 4 letters taken from the texts.
//! Prints, for each way: recall and precision against plain substring
//! search, index size, and query time. Asserts nothing.

use newsarchive::search::{query, segment};
use rusqlite::Connection;
use std::path::Path;
use std::time::Instant;

fn texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in ["multilingual", "multilingual-holdout"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if ["ja_", "zh_", "ko_"].iter().any(|l| name.starts_with(l)) && name.ends_with(".txt") {
                out.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    out
}

fn main() {
    let docs = texts();
    let mut queries: Vec<String> = Vec::new();
    for d in &docs {
        let chars: Vec<char> = d.chars().collect();
        for start in (0..chars.len().saturating_sub(4)).step_by(53) {
            for len in [2, 3, 4] {
                let s: String = chars[start..start + len].iter().collect();
                if s.chars().all(|c| segment::unspaced(c) && c.is_alphabetic()) && !queries.contains(&s) {
                    queries.push(s);
                }
            }
        }
    }
    println!(
        "search: {} Chinese, Japanese and Korean articles ({} KB), {} substring queries of 2-4 letters",
        docs.len(),
        docs.iter().map(String::len).sum::<usize>() / 1024,
        queries.len()
    );
    let ways: [(&str, &str, bool); 3] = [
        ("unicode61 (before)", "unicode61 remove_diacritics 2", false),
        ("trigram", "trigram", false),
        ("character pairs (newsarchive)", "unicode61 remove_diacritics 2 categories 'L* N* Co M*'", true),
    ];
    for (name, tokenizer, pairs) in ways {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(&format!("CREATE VIRTUAL TABLE t USING fts5(body, tokenize=\"{tokenizer}\")")).unwrap();
        for d in &docs {
            let text = if pairs { segment::for_index(d).into_owned() } else { d.clone() };
            conn.execute("INSERT INTO t(body) VALUES (?1)", [text]).unwrap();
        }
        let size: i64 = conn.query_row("SELECT sum(length(block)) FROM t_data", [], |r| r.get(0)).unwrap();
        let mut by_len = [(0usize, 0usize, 0usize, 0usize); 5]; // expected, found, right, queries
        let start = Instant::now();
        for q in &queries {
            let fts = if pairs { query::parse(q).fts } else { format!("\"{q}\"") };
            let found: Vec<i64> = conn
                .prepare("SELECT rowid FROM t WHERE t MATCH ?1")
                .unwrap()
                .query_map([&fts], |r| r.get(0))
                .map(|rows| rows.map(Result::unwrap).collect())
                .unwrap_or_default();
            let n = q.chars().count();
            let expected: Vec<i64> =
                docs.iter().enumerate().filter(|(_, d)| d.contains(q.as_str())).map(|(i, _)| i as i64 + 1).collect();
            let right = found.iter().filter(|id| expected.contains(id)).count();
            let e = &mut by_len[n];
            e.0 += expected.len();
            e.1 += found.len();
            e.2 += right;
            e.3 += 1;
        }
        let took = start.elapsed();
        println!(
            "  {name:<30} index {:>5} KB, {:>6.2} ms per query",
            size / 1024,
            took.as_secs_f64() * 1e3 / queries.len() as f64
        );
        for (n, (expected, found, right, count)) in by_len.iter().enumerate().skip(2) {
            let recall = if *expected == 0 { 0.0 } else { *right as f64 / *expected as f64 };
            let precision = if *found == 0 { f64::NAN } else { *right as f64 / *found as f64 };
            println!("    {n} letters ({count:>3} queries): recall {recall:.3}, precision {precision:.3}");
        }
    }
}
