//! Text reuse between articles: which of an article's sentences another
//! article also carries, and which of two is likely the source. Pure
//! functions over article bodies.

use crate::extract::tokens::{Kind, sentences, tokenize};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Words per shingle. Three catch a rewrite that keeps phrases ("Prime
/// Minister Shigeru Ishiba at the White House") while changing the rest.
const SHINGLE: usize = 3;

/// A sentence is found in another article when this share of its shingles is.
const FOUND: f64 = 0.5;

/// One shingle in this many is kept in the archive's index to find
/// candidate pairs; the comparison itself uses every shingle.
pub const SAMPLE: i64 = 16;

/// Pairs are stored from this share up (the report shows 30% and more;
/// SQL users can look lower).
pub const STORE: f64 = 0.2;

/// An article as shingles: per sentence, and all together.
#[derive(Debug, Default)]
pub struct Shingled {
    sentences: Vec<Vec<i64>>,
    all: HashSet<i64, BuildHasherDefault<Prehashed>>,
}

impl Shingled {
    /// Sentences long enough to compare (three shingles or more).
    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// The sample of shingles that goes into the index.
    pub fn sample(&self) -> Vec<i64> {
        let mut s: Vec<i64> = self.all.iter().copied().filter(|h| h.rem_euclid(SAMPLE) == 0).collect();
        s.sort_unstable();
        s
    }
}

/// A hasher for values that are hashes already.
#[derive(Default)]
pub struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_i64(&mut self, v: i64) {
        self.0 = v as u64;
    }
}

/// A word's hash, lowercased and with typographic apostrophes made plain,
/// computed without copying the word.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        let c = if c == '’' { '\'' } else { c };
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Shingles an article body, sentence by sentence.
pub fn shingle(body: &str) -> Shingled {
    let tokens = tokenize(body, 0..body.len(), &[]);
    let mut out = Shingled::default();
    for range in sentences(body, &tokens, &|_| false) {
        let words: Vec<u64> =
            tokens[range].iter().filter(|t| t.kind == Kind::Word).map(|t| word_hash(t.text(body))).collect();
        if words.len() < SHINGLE + 2 {
            continue;
        }
        // Three words into one stable 64-bit value (order matters).
        let hashes: Vec<i64> = words
            .windows(SHINGLE)
            .map(|w| {
                let h = w[0].wrapping_mul(0x9E37_79B9_7F4A_7C15)
                    ^ w[1].rotate_left(21).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
                    ^ w[2].rotate_left(42).wrapping_mul(0x1656_67B1_9E37_79F9);
                (h ^ (h >> 29)) as i64
            })
            .collect();
        out.all.extend(&hashes);
        out.sentences.push(hashes);
    }
    out
}

/// How many of `a`'s sentences are found in `b`.
pub fn found_in(a: &Shingled, b: &Shingled) -> usize {
    a.sentences
        .iter()
        .filter(|s| {
            let hit = s.iter().filter(|h| b.all.contains(h)).count();
            hit as f64 >= FOUND * s.len() as f64
        })
        .count()
}

/// Which of two related articles is likely the other's source, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The first article.
    A(&'static str),
    /// The second article.
    B(&'static str),
}

/// The likely source: the one published earlier, when both dates are known
/// and differ; otherwise the one whose sentences the other carries far more
/// of (the other took them and added its own). `None` when neither tells.
pub fn likely_source(
    a_published: Option<&str>,
    b_published: Option<&str>,
    a_share: f64,
    b_share: f64,
) -> Option<Source> {
    const EARLIER: &str = "published earlier";
    const CONTAINED: &str = "its text is in the other";
    if let (Some(a), Some(b)) = (a_published, b_published)
        && a != b
        && !a.starts_with(b)
        && !b.starts_with(a)
    {
        return Some(if a < b { Source::A(EARLIER) } else { Source::B(EARLIER) });
    }
    if a_share >= 0.4 && a_share >= 2.0 * b_share {
        Some(Source::A(CONTAINED))
    } else if b_share >= 0.4 && b_share >= 2.0 * a_share {
        Some(Source::B(CONTAINED))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewrite_carries_the_source_sentences() {
        let source = "The president met the prime minister at the White House on Friday. \
                      They agreed to work together on trade and security. \
                      The talks lasted three hours and ended with a joint statement.";
        let rewrite = "On Friday the president met the prime minister at the White House in Washington. \
                       Both leaders agreed to work together on trade and security. \
                       Observers said the meeting was cordial. Analysts expect more talks soon.";
        let other = "Farmers in the valley harvested a record crop of apples this autumn after a mild spring.";
        let (s, r, o) = (shingle(source), shingle(rewrite), shingle(other));
        assert_eq!((s.sentence_count(), found_in(&s, &r)), (3, 2));
        assert_eq!(found_in(&r, &s), 2);
        assert_eq!(found_in(&o, &s), 0);
        assert!(s.sample().iter().all(|h| h.rem_euclid(SAMPLE) == 0));
    }

    #[test]
    fn source_by_date_then_containment() {
        assert_eq!(
            likely_source(Some("2025-02-07"), Some("2025-02-08"), 0.1, 0.9),
            Some(Source::A("published earlier"))
        );
        assert_eq!(
            likely_source(Some("2025-02-08"), Some("2025-02-08T10:00"), 0.5, 0.2),
            Some(Source::A("its text is in the other"))
        );
        assert_eq!(likely_source(None, None, 0.2, 0.5), Some(Source::B("its text is in the other")));
        assert_eq!(likely_source(None, None, 0.4, 0.3), None);
    }
}
