//! Quote linking at scale: an archive of N quoted sentences (100k to 1M),
//! drawn from a pool of quotations that outlets carry verbatim, reworded by
//! a word, or in fragments; then one linking pass, timed. Prints figures;
//! asserts nothing. Run with `make bench` (or `cargo bench --bench link`).

use newsarchive::link;
use newsarchive::store::Archive;
use newsarchive::synth::Rng;
use rusqlite::{Connection, params};
use std::time::Instant;

const FUNCTION_WORDS: &[&str] =
    &["the", "we", "will", "and", "to", "of", "a", "in", "that", "is", "it", "our", "for", "they"];

/// A word of a 20,000-word vocabulary, common words far more often.
fn word(rng: &mut Rng) -> String {
    if rng.below(3) == 0 {
        return FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_owned();
    }
    let r = rng.below(1 << 20) as f64 / f64::from(1 << 20);
    format!("w{}", (r * r * 20_000.0) as usize)
}

/// Builds an archive of `units` quoted sentences (ten per article) and returns its path.
fn build(units: usize, dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join(format!("link-{units}.db"));
    drop(Archive::open(&path).expect("archive"));
    let mut conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA synchronous = OFF; PRAGMA journal_mode = WAL;").unwrap();
    let tx = conn.transaction().unwrap();
    // Deterministic: every run links the same archive.
    let mut rng = Rng::new(units as u64);
    let outlets: usize = 300;
    for o in 0..outlets {
        tx.execute("INSERT INTO outlets(id, name) VALUES (?1, ?2)", params![o as i64 + 1, format!("Outlet {o}")])
            .unwrap();
    }
    let speakers = 2_000;
    for s in 0..speakers {
        tx.execute(
            "INSERT INTO speakers(id, name, surname) VALUES (?1, ?2, ?3)",
            params![s as i64 + 1, format!("Person {s}"), format!("{s}")],
        )
        .unwrap();
    }
    // The pool: one quotation per ten units carried.
    let pool: Vec<(Vec<String>, i64)> = (0..units / 10)
        .map(|_| {
            let n = 6 + rng.below(20);
            ((0..n).map(|_| word(&mut rng)).collect(), 1 + rng.below(speakers) as i64)
        })
        .collect();
    let mut art = tx
        .prepare(
            // Bodies are empty: quotations are what is linked here, so no
            // article waits for claim extraction.
            "INSERT INTO articles(id, outlet_id, source_path, body, content_sha256, word_count, linked, claims_pending)
             VALUES (?1, ?2, ?3, '', ?3, 0, 1, 0)",
        )
        .unwrap();
    let mut quote = tx
        .prepare(
            "INSERT INTO quotes(id, article_id, speaker_id, text, normalized, start, \"end\", paragraph, line, kind, region)
             VALUES (?1, ?2, ?3, ?4, ?4, 0, 0, 0, 0, 'full', 'body')",
        )
        .unwrap();
    let mut wording = tx
        .prepare(
            "INSERT INTO quote_wordings(normalized, text, words, speaker_id) VALUES (?1, ?1, ?2, ?3)
             ON CONFLICT(normalized) DO UPDATE SET speaker_id = coalesce(speaker_id, excluded.speaker_id) RETURNING id",
        )
        .unwrap();
    let mut unit =
        tx.prepare("INSERT INTO quote_units(quote_id, article_id, seq, wording_id) VALUES (?1, ?2, 0, ?3)").unwrap();
    for u in 0..units {
        let article = (u / 10 + 1) as i64;
        if u % 10 == 0 {
            art.execute(params![article, 1 + rng.below(outlets) as i64, format!("a{article}")]).unwrap();
        }
        // Popular quotations are carried far more often than the rest.
        let r = rng.below(1 << 20) as f64 / f64::from(1 << 20);
        let (words, speaker) = &pool[((r * r) * pool.len() as f64) as usize];
        let mut words = words.clone();
        match rng.below(10) {
            // Reworded: a word changed or dropped.
            0 | 1 => {
                let i = rng.below(words.len());
                if rng.below(2) == 0 {
                    words[i] = word(&mut rng);
                } else {
                    words.remove(i);
                }
            }
            // A fragment.
            2 => {
                let len = 3 + rng.below(3).min(words.len() - 3);
                let start = rng.below(words.len() - len + 1);
                words = words[start..start + len].to_vec();
            }
            _ => {}
        }
        let text = words.join(" ");
        let q = (u + 1) as i64;
        quote.execute(params![q, article, speaker, text]).unwrap();
        let w: i64 = wording.query_row(params![text, words.len() as i64, speaker], |r| r.get(0)).unwrap();
        unit.execute(params![q, article, w]).unwrap();
    }
    drop((art, quote, wording, unit));
    tx.commit().unwrap();
    path
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    println!("link: one pass over N new quoted sentences (10 per article, 300 outlets, 2,000 speakers)");
    // LINK_BENCH_SIZES=100000,300000 runs other sizes.
    let sizes: Vec<usize> = std::env::var("LINK_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').map(|n| n.trim().parse().expect("sizes are numbers")).collect())
        .unwrap_or_else(|| vec![100_000, 300_000, 1_000_000]);
    for units in sizes {
        let start = Instant::now();
        let path = build(units, dir.path());
        let built = start.elapsed().as_secs_f64();
        let mut archive = Archive::open(&path).unwrap();
        let start = Instant::now();
        let linked = link::link(&mut archive).unwrap();
        let secs = start.elapsed().as_secs_f64();
        let clusters: i64 = Connection::open(&path)
            .unwrap()
            .query_row("SELECT count(*) FROM quote_clusters", [], |r| r.get(0))
            .unwrap();
        println!(
            "  {units:>9} units: {:>7} wordings -> {clusters:>7} clusters ({} variants joined, {} fragments) in {secs:6.2} s = {:.2} µs/unit (archive built in {built:.1} s)",
            linked.wordings,
            linked.variants,
            linked.fragments,
            secs * 1e6 / units as f64
        );
    }
}
