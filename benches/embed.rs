//! The sentence encoder's speed: quotations of the translation gold pairs
//! (sixteen languages, 8–40 words) encoded on one core and on two, and the
//! time to load the model. Prints figures; asserts nothing. Run with
//! `make bench` (or `cargo bench --bench embed`; the model from `make models`).

use newsarchive::embed::{self, Encoder};
use std::time::Instant;

fn main() {
    let Some(dir) = embed::locate() else {
        println!("embed: the sentence encoder is not installed (make models); nothing measured");
        return;
    };
    let started = Instant::now();
    let encoder = Encoder::load(&dir).expect("the encoder loads").expect("the encoder is installed");
    println!("embed: model loaded in {:.0} ms", started.elapsed().as_secs_f64() * 1e3);

    let gold = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/translations/gold.csv");
    let mut reader = csv::Reader::from_path(gold).expect("gold pairs");
    let mut texts: Vec<String> = Vec::new();
    for r in reader.records() {
        let r = r.expect("a row");
        texts.push(r[3].to_owned());
        texts.push(r[5].to_owned());
    }
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    // Enough distinct quotations to time: the first half of one text
    // joined to the second half of another, so that no text repeats (a
    // repeated text would share all its tokens with an earlier one).
    let half = |t: &str, first: bool| -> String {
        let chars: Vec<char> = t.chars().collect();
        let mid = chars.len() / 2;
        let cut = (mid..chars.len()).find(|&i| chars[i].is_whitespace()).unwrap_or(mid);
        if first { chars[..cut].iter().collect() } else { chars[cut..].iter().collect() }
    };
    let n = texts.len();
    let mixed: Vec<String> =
        (0..20_000).map(|i| half(&texts[i % n], true) + &half(&texts[(i * 7 + 3 + i / n) % n], false)).collect();
    let corpus: Vec<&str> = mixed.iter().map(String::as_str).collect();
    println!(
        "embed: {} distinct quotations made from {} texts ({:.1} words on average where words are spaced)",
        corpus.len(),
        texts.len(),
        words as f64 / texts.len() as f64
    );

    // One core: lists short enough that the encoder keeps to one thread.
    let one: Vec<&str> = corpus[..5_000].to_vec();
    let t = Instant::now();
    for chunk in one.chunks(60) {
        std::hint::black_box(encoder.encode(chunk));
    }
    let secs = t.elapsed().as_secs_f64();
    println!("embed: 1 core: {:.0} quotations/s", one.len() as f64 / secs);

    let t = Instant::now();
    std::hint::black_box(encoder.encode(&corpus));
    let secs = t.elapsed().as_secs_f64();
    println!("embed: 2 cores: {:.0} quotations/s ({:.2} s for {})", corpus.len() as f64 / secs, secs, corpus.len());
}
