//! The HTML report at scale: a synthetic corpus (`gen-corpus --seed 1`) of
//! 10k and 100k articles imported by the release binary, then
//! `newsarchive report html --output FILE` run five times. Prints the
//! median wall time of the command (the bar: under 2 s at 100k articles),
//! the in-process split between reading the views and rendering, and the
//! page's size. Prints figures; asserts nothing.
//!
//! Run with `make bench` (or `cargo bench --bench report_html`);
//! `REPORT_HTML_BENCH_SIZES=20000` picks sizes, `REPORT_HTML_BENCH_DB=PATH`
//! measures an existing archive instead.

mod common;
use common::{binary, generate_and_import, median, remove_archive, sizes};

use newsarchive::report::html::{self, Limits};
use newsarchive::store::Archive;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Times the report of the archive `db`, writing pages into `dir`.
fn measure(db: &Path, dir: &Path) {
    let bin = binary();
    let page = dir.join("report.html");
    let runs: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let out = Command::new(&bin)
                .arg("--db")
                .arg(db)
                .args(["--quiet", "report", "html", "--output"])
                .arg(&page)
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            start.elapsed()
        })
        .collect();
    let bytes = std::fs::metadata(&page).map_or(0, |m| m.len());

    let archive = Archive::open_read_only(db).unwrap();
    let limits = Limits::default();
    let (mut read, mut render) = (Vec::new(), Vec::new());
    let mut report = None;
    for _ in 0..5 {
        let t = Instant::now();
        let r = archive.html_report(&limits, "bench", "now").unwrap();
        read.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(html::render(&r, &limits));
        render.push(t.elapsed());
        report = Some(r);
    }
    let report = report.expect("five runs");
    println!(
        "  report html: {:.0} ms (median of 5 runs of the command); in process: views read {:.0} ms, rendered {:.1} ms",
        ms(median(runs)),
        ms(median(read)),
        ms(median(render))
    );
    println!(
        "  page: {:.0} KB; {} of {} outlets in the heatmap, {} pairs, {} variant quotations of {}, {} days",
        bytes as f64 / 1024.0,
        report.heatmap.outlets.len(),
        report.heatmap.outlets_total,
        report.heatmap.pairs.len(),
        report.variants.items.len(),
        report.variants.total,
        report.days.len()
    );
}

fn run(articles: usize, dir: &Path) {
    let imported = generate_and_import(dir, articles, &[]);
    println!("\n{articles} articles (imported in {:.1} s)", imported.took.as_secs_f64());
    measure(&imported.db, dir);
    let _ = std::fs::remove_file(&imported.corpus);
    remove_archive(&imported.db);
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    if let Some(db) = std::env::var_os("REPORT_HTML_BENCH_DB") {
        println!("report html: the archive {}", db.to_string_lossy());
        measure(Path::new(&db), dir.path());
        return;
    }
    println!("report html: synthetic corpus (gen-corpus --seed 1), imported by target/release/newsarchive");
    for n in sizes("REPORT_HTML_BENCH_SIZES") {
        run(n, dir.path());
    }
}
