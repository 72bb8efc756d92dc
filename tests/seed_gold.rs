//! Extraction measured against the hand-made gold answers for the seed
//! corpus (tests/fixtures/seed_quotes.csv): precision and recall of body
//! quotes (full and partial), speaker accuracy on matched quotes.

mod common;
use common::Workdir;
use std::collections::HashSet;

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .replace(['’', '‘'], "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Word-level similarity: 1 for the same words, else twice the longest
/// common subsequence over the total length.
fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut prev = vec![0usize; b.len() + 1];
    for x in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        prev = cur;
    }
    2.0 * prev[b.len()] as f64 / (a.len() + b.len()) as f64
}

#[test]
fn seed_extraction_against_gold() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    let gold_path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed_quotes.csv");
    let mut r = csv::Reader::from_path(gold_path).unwrap();
    let gold: Vec<(String, String, String)> = r
        .deserialize::<std::collections::HashMap<String, String>>()
        .map(|row| row.unwrap())
        .filter(|row| row["region"] == "body" && (row["kind"] == "full" || row["kind"] == "partial"))
        .map(|row| (row["document"].clone(), row["quote"].clone(), row["speaker"].clone()))
        .collect();
    let conn = w.conn();
    let mut stmt = conn
        .prepare(
            "SELECT a.source_path, q.text, coalesce(s.name, '') FROM quotes q
             JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
             WHERE q.region = 'body' AND q.kind IN ('full', 'partial')",
        )
        .unwrap();
    let predicted: Vec<(String, String, String)> = stmt
        .query_map([], |r| {
            let path: String = r.get(0)?;
            Ok((path.rsplit('/').next().unwrap().to_owned(), r.get(1)?, r.get(2)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();

    // Greedy one-to-one matching, best pairs first.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in predicted.iter().enumerate() {
            if g.0 == p.0 {
                let s = similarity(&g.1, &p.1);
                if s >= 0.85 {
                    pairs.push((s, gi, pi));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
    let (mut gm, mut pm, mut speaker_ok) = (HashSet::new(), HashSet::new(), 0);
    for (_, gi, pi) in pairs {
        if gm.contains(&gi) || pm.contains(&pi) {
            continue;
        }
        gm.insert(gi);
        pm.insert(pi);
        let last = gold[gi].2.rsplit(' ').next().unwrap_or("").to_lowercase();
        if !last.is_empty() && predicted[pi].2.to_lowercase().split(' ').any(|w| w == last) {
            speaker_ok += 1;
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if !gm.contains(&gi) {
            println!("MISS  {}: {:?}", g.0, g.1);
        }
    }
    for (pi, p) in predicted.iter().enumerate() {
        if !pm.contains(&pi) {
            println!("EXTRA {}: {:?}", p.0, p.1);
        }
    }
    let precision = pm.len() as f64 / predicted.len() as f64;
    let recall = gm.len() as f64 / gold.len() as f64;
    let speakers = speaker_ok as f64 / gm.len() as f64;
    println!(
        "seed gold: gold={} predicted={} precision={precision:.3} recall={recall:.3} speaker_accuracy={speakers:.3}",
        gold.len(),
        predicted.len()
    );
    assert!(precision >= 0.95 && recall >= 0.95, "precision {precision:.3}, recall {recall:.3}");
    assert!(speakers >= 0.90, "speaker accuracy {speakers:.3}");
}
