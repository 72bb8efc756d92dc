//! What the benchmarks that run the real binary share: where it is, file
//! sizes, medians of timings and a sink that counts a report's rows.
// Each benchmark uses a part of this.
#![allow(dead_code)]

use newsarchive::report::{Cell, Sink};
use std::path::{Path, PathBuf};
use std::time::Duration;

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
