//! What the benchmarks that run the real binary share: where it is, the
//! corpus sizes asked for, a synthetic corpus imported, file sizes, medians
//! of timings and a sink that counts a report's rows.
// Each benchmark uses a part of this.
#![allow(dead_code)]

use newsarchive::report::{Cell, Sink};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The release binary, which `make bench` builds first.
pub fn binary() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/newsarchive");
    assert!(p.exists(), "build the release binary first (make bench does)");
    p
}

/// The size of file `p` in MB (10^6 bytes); 0 when it is missing.
pub fn file_mb(p: &Path) -> f64 {
    std::fs::metadata(p).map_or(0.0, |m| m.len() as f64 / 1e6)
}

/// The middle of `v` (the upper one of two).
pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Discards rows, counting them.
pub struct Count(pub usize);

impl Sink for Count {
    fn header(&mut self, _: &[String]) -> std::io::Result<()> {
        Ok(())
    }
    fn row(&mut self, _: &[Cell]) -> std::io::Result<()> {
        self.0 += 1;
        Ok(())
    }
    fn finish(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Corpus sizes from the environment variable `var` ("10000,100000"),
/// else 10,000 and 100,000 articles.
pub fn sizes(var: &str) -> Vec<usize> {
    std::env::var(var)
        .ok()
        .map(|s| {
            s.split(',')
                .filter(|n| !n.trim().is_empty())
                .map(|n| n.trim().parse().expect("sizes are numbers"))
                .collect()
        })
        .unwrap_or_else(|| vec![10_000, 100_000])
}

/// A synthetic corpus and the archive the binary imported it into.
pub struct Imported {
    /// The corpus (JSON lines).
    pub corpus: PathBuf,
    /// The archive.
    pub db: PathBuf,
    /// The corpus's size in MB.
    pub corpus_mb: f64,
    /// How long the import took.
    pub took: Duration,
}

/// Writes a corpus of `articles` with `gen-corpus --seed 1` and the
/// arguments `extra`, and imports it into a new archive, both in `dir`.
pub fn generate_and_import(dir: &Path, articles: usize, extra: &[&str]) -> Imported {
    let bin = binary();
    let corpus = dir.join(format!("corpus-{articles}.jsonl"));
    let db = dir.join(format!("archive-{articles}.db"));
    let status = Command::new(&bin)
        .args(["gen-corpus", "--articles", &articles.to_string(), "--seed", "1", "--quiet"])
        .args(extra)
        .arg("--out")
        .arg(&corpus)
        .status()
        .unwrap();
    assert!(status.success());
    let corpus_mb = file_mb(&corpus);
    let start = Instant::now();
    let out = Command::new(&bin).arg("--db").arg(&db).args(["--quiet", "import"]).arg(&corpus).output().unwrap();
    let took = start.elapsed();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Imported { corpus, db, corpus_mb, took }
}

/// Removes the archive `db` with its WAL and shared-memory files.
pub fn remove_archive(db: &Path) {
    for f in [db.to_owned(), db.with_extension("db-wal"), db.with_extension("db-shm")] {
        let _ = std::fs::remove_file(f);
    }
}
