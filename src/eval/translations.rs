//! Translation linking measured against hand-made pairs: each pair of
//! quotations is judged exactly as the linker judges two quotations of the
//! same story (`link::translations::judge_at`).

use crate::ingest::Error;
use serde::Deserialize;
use std::path::Path;

/// One pair of the gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct Pair {
    /// The pair's name.
    pub id: String,
    /// What the pair tests: literal, loose, same_story, negated, …
    pub kind: String,
    /// Language of the first quotation.
    pub lang_a: String,
    /// The first quotation.
    pub text_a: String,
    /// Language of the second.
    pub lang_b: String,
    /// The second quotation.
    pub text_b: String,
    /// 1 when the second is a translation of the first.
    pub translation: u8,
}

/// Reads a gold file (columns id, kind, lang_a, text_a, lang_b, text_b,
/// translation); a bad row is an error with its line.
pub fn load_pairs(path: &Path) -> Result<Vec<Pair>, Error> {
    let display = path.display().to_string();
    let mut reader = csv::Reader::from_path(path).map_err(|e| Error::new(&display, None, e.to_string()))?;
    let headers = reader.headers().map_err(|e| Error::new(&display, Some(1), e.to_string()))?.clone();
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(Error::new(&display, e.position().map(|p| p.line()), e.to_string())),
        }
        let pair: Pair =
            record.deserialize(Some(&headers)).map_err(|e| Error::new(&display, Some(line), e.to_string()))?;
        if pair.translation > 1 {
            let message = format!("pair {}: translation must be 0 or 1", pair.id);
            return Err(Error::new(&display, Some(line), message));
        }
        out.push(pair);
    }
    Ok(out)
}

/// Precision and recall of a set of decisions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Pairs judged.
    pub pairs: usize,
    /// Gold translations.
    pub gold: usize,
    /// Pairs linked.
    pub linked: usize,
    /// Of them, gold translations.
    pub correct: usize,
}

impl Scores {
    /// Adds one decision.
    pub fn add(&mut self, gold: bool, linked: bool) {
        self.pairs += 1;
        self.gold += gold as usize;
        self.linked += linked as usize;
        self.correct += (gold && linked) as usize;
    }

    /// correct / linked (1 when nothing was linked).
    pub fn precision(&self) -> f64 {
        if self.linked == 0 { 1.0 } else { self.correct as f64 / self.linked as f64 }
    }

    /// correct / gold (1 when there is nothing to find).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 1.0 } else { self.correct as f64 / self.gold as f64 }
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}
