//! Web-page extraction speed: every page of a directory decoded, parsed,
//! its metadata read and its main text found, on every core, as `import`
//! does. Prints pages/s and MB/s; asserts nothing. Run with `make bench`.
//!
//! The pages: `HTML_BENCH_PAGES` (a directory), else the benchmark pages
//! beside the project (`../shared/html-eval/pages`), else the project's own
//! fixtures (`tests/fixtures/html`), read many times over.

use newsarchive::ingest::{Meta, Source, html};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn pages_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("HTML_BENCH_PAGES") {
        return PathBuf::from(dir);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/html-eval/pages");
    if shared.is_dir() { shared } else { root.join("tests/fixtures/html") }
}

fn main() {
    let dir = pages_dir();
    let mut pages: Vec<Source> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "html" || x == "htm"))
        .map(|p| Source { path: p.display().to_string(), bytes: std::fs::read(&p).expect("readable page") })
        .collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let distinct = pages.len();
    // At least a thousand pages, so the figure is not the warm-up.
    let copies = 1000usize.div_ceil(distinct.max(1));
    let work: Vec<&Source> = (0..copies).flat_map(|_| pages.iter()).collect();
    let bytes: usize = work.iter().map(|s| s.bytes.len()).sum();
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    for threads in [1, cores] {
        let start = Instant::now();
        let chunk = work.len().div_ceil(threads);
        let found: usize = std::thread::scope(|s| {
            let handles: Vec<_> = work
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .filter(|src| html::parse(src, &html::Fetch::default(), &Meta::default()).is_ok())
                            .count()
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().expect("no panic")).sum()
        });
        let secs = start.elapsed().as_secs_f64();
        println!(
            "html extraction, {threads} thread(s): {} pages ({distinct} distinct, {:.1} MB) in {secs:.2} s = {:.0} pages/s, {:.1} MB/s; {found} with article text",
            work.len(),
            bytes as f64 / 1e6,
            work.len() as f64 / secs,
            bytes as f64 / 1e6 / secs
        );
    }
}
