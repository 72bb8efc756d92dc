//! Extraction speed: a 5,000-word article with a hundred quotations, and a
//! 10 MB single line of unbalanced marks. Prints figures; asserts nothing.
//! Run with `make bench` (or `cargo bench --bench extract`).

use newsarchive::extract;
use newsarchive::ingest::{Meta, Source, txt};
use newsarchive::synth;
use std::time::Instant;

/// A deterministic article: reporting sentences of every attribution
/// pattern, filler, and about one quotation every fifty words.
fn article(words: usize) -> String {
    let people = ["Prime Minister Alice Moreau", "Senator Tom Reed", "Economist Lars Berg", "Mayor Helen Carter"];
    let short = ["Moreau", "Reed", "Berg", "Carter"];
    let patterns: [&dyn Fn(usize) -> String; 6] = [
        &|i| format!("\"We will cut costs by {i} percent next year,\" {} said.", short[i % 4]),
        &|i| format!("{} said: \"The plan number {i} is ready and it will work.\"", people[i % 4]),
        &|i| format!("{}, for her part, called the proposal \"a serious mistake\" on day {i}.", short[i % 4]),
        &|i| format!("\"Nobody expected this,\" the prime minister added, \"but we adapt {i} times over.\""),
        &|i| format!("According to {}, \"costs rose in {i} regions.\"", people[(i + 1) % 4]),
        &|i| format!("'It's the '90s all over again,' he said of plan {i}."),
    ];
    let mut out =
        format!("Budget talks resume\n\nBy Jane Roe Daily Planet\n\n{} met {} on Monday.\n\n", people[0], people[1]);
    let mut count = 0;
    let mut i = 0;
    while count < words {
        let filler = "The committee reviewed the figures again and officials from several ministries attended the long meeting in the capital, where the debate continued late into the evening.";
        let s = format!("{} {filler} {filler}\n\n", patterns[i % patterns.len()](i));
        count += s.split_whitespace().count();
        out.push_str(&s);
        i += 1;
    }
    out
}

fn time<T>(runs: u32, f: impl Fn() -> T) -> (f64, T) {
    let mut last = f();
    let start = Instant::now();
    for _ in 0..runs {
        last = f();
    }
    (start.elapsed().as_secs_f64() / f64::from(runs), last)
}

fn main() {
    // EXTRACT_BENCH=synthetic runs only the synthetic articles (for profiling).
    let only_synthetic = std::env::var("EXTRACT_BENCH").is_ok_and(|v| v == "synthetic");
    if !only_synthetic {
        long_article();
    }
    synthetic(if only_synthetic { 20_000 } else { 2_000 });
    if !only_synthetic {
        long_line();
    }
}

fn long_article() {
    let text = article(5_000);
    let source = Source { path: "bench.txt".into(), bytes: text.clone().into_bytes() };
    let doc = txt::parse(&source, &Meta::default()).expect("the bench article parses");
    let (secs, quotes) = time(50, || extract::quotes(&doc));
    let words = doc.word_count();
    println!(
        "extract: 5,000-word article ({words} words, {} quotes): {:.2} ms per article, {:.1} µs per quote",
        quotes.len(),
        secs * 1e3,
        secs * 1e6 / quotes.len() as f64
    );
    let (secs, _) = time(20, || txt::parse(&source, &Meta::default()).expect("parses"));
    println!("ingest: layout of the same article: {:.2} ms", secs * 1e3);
}

/// Typical news: synthetic articles, one core.
fn synthetic(n: usize) {
    let mut corpus = synth::Corpus::new(1);
    let sources: Vec<(Source, Meta)> = (0..n)
        .map(|i| {
            let a = corpus.next_article();
            let meta = Meta { outlet: Some(a.outlet), title: Some(a.title), ..Meta::default() };
            (Source { path: format!("synthetic:{i}"), bytes: a.text.into_bytes() }, meta)
        })
        .collect();
    let start = Instant::now();
    let docs: Vec<_> = sources.iter().map(|(s, m)| txt::parse(s, m).expect("parses")).collect();
    let layout = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let quotes: usize = docs.iter().map(|d| extract::quotes(d).len()).sum();
    let extraction = start.elapsed().as_secs_f64();
    // What an import runs: quotations and claims from one scan.
    let start = Instant::now();
    let claims: usize = docs.iter().map(|d| extract::extract(d).claims.len()).sum();
    let both = start.elapsed().as_secs_f64();
    let words: usize = docs.iter().map(|d| d.word_count()).sum();
    let per = |secs: f64| secs * 1e6 / docs.len() as f64;
    println!(
        "synthetic articles ({} words, {:.1} quotes, {:.1} claims on average), one core: layout {:.0} µs, \
         quotations {:.0} µs, quotations and claims {:.0} µs per article",
        words / docs.len(),
        quotes as f64 / docs.len() as f64,
        claims as f64 / docs.len() as f64,
        per(layout),
        per(extraction),
        per(both)
    );
}

/// 10 MB on one line: marks that never balance, apostrophes, names.
fn long_line() {
    let unit = "\"a 'b c' d's \u{201C}e ''f g, Smith said. ";
    let line = unit.repeat(10_000_000 / unit.len());
    let big = Source { path: "big.txt".into(), bytes: line.into_bytes() };
    let start = Instant::now();
    let doc = txt::parse(&big, &Meta::default()).expect("parses");
    let quotes = extract::quotes(&doc);
    println!("extract: 10 MB single line: {:.2} s ({} quotes)", start.elapsed().as_secs_f64(), quotes.len());
}
