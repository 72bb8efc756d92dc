//! When two wordings of a quoted sentence are the same quotation: the
//! comparisons and keys the quote linker uses. Pure functions over
//! normalized text (lowercase words separated by single spaces).

use crate::extract::lexicon::Words;
pub use similar::DiffOp;
use similar::{Algorithm, capture_diff_slices};

/// Two wordings whose words agree at least this much (twice the longest
/// common subsequence of words over the words of both) are one quotation:
/// "i get along with them very well" and "i got along with him very well"
/// agree at 0.71; one word dropped from a fourteen-word sentence, at 0.96.
pub const NEAR: f64 = 0.7;

/// Wordings shorter than this are joined only when identical: in a few
/// words, one changed word is another sentence.
pub const MIN_WORDS: usize = 4;

/// A fragment must have at least this many words to be linked to the
/// quotation it is part of.
pub const MIN_FRAGMENT_WORDS: usize = 3;

/// Function words: keys are made of the other words, which carry the sense.
#[rustfmt::skip]
static STOPWORDS: Words = Words::new(&[
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "it's", "this", "that", "these", "those",
    "i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them", "my", "our", "your", "his", "their",
    "i'm", "we're", "you're", "they're", "don't", "do", "does", "did", "have", "has", "had", "will", "would",
    "can", "could", "should", "not", "no", "so", "very", "just", "there", "here", "what", "which", "who", "about",
    "all", "also", "more", "than", "then", "up", "out", "into", "over",
]);

/// Whether a normalized word is a function word ("the", "of", "was").
pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(w)
}

/// FNV-1a, 64-bit: a hash that is the same in every run and every build,
/// as stored keys require.
pub fn stable_hash(parts: &[&str]) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h as i64
}

/// Candidate keys of a wording: hashes of consecutive pairs of its content
/// words (all words when it has fewer than two content words). Two
/// wordings of one quotation share most of them; a fragment shares its own
/// with the whole.
pub fn keys(normalized: &str) -> Vec<i64> {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let content: Vec<&str> = words.iter().copied().filter(|w| !STOPWORDS.contains(w)).collect();
    let source = if content.len() >= 2 { content } else { words };
    let mut keys: Vec<i64> = source.windows(2).map(stable_hash).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The most table cells [`similarity`] fills: two wordings of 2,000
/// differing words each, far beyond any quoted sentence (a few ms).
const MAX_CELLS: usize = 4_000_000;

/// Twice the longest common subsequence of words over the words of both.
pub fn similarity(a: &[&str], b: &[&str]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Words shared at both ends belong to a longest common subsequence:
    // leaving them out of the table makes near-identical wordings cheap.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if a_mid.len().saturating_mul(b_mid.len()) > MAX_CELLS {
        // Only machine-made text differs over thousands of words on both
        // sides; the table would take quadratic time (two 50,000-word
        // wordings: 20 s). What is shared at the ends is a lower bound,
        // so such wordings join a quotation only when those ends do.
        return 2.0 * (prefix + suffix) as f64 / (a.len() + b.len()) as f64;
    }
    // u32: a quotation may share more than 65,535 words with another.
    let mut prev = vec![0u32; b_mid.len() + 1];
    let mut cur = vec![0u32; b_mid.len() + 1];
    for x in a_mid {
        for (j, y) in b_mid.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { cur[j].max(prev[j + 1]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let common = prefix + suffix + prev[b_mid.len()] as usize;
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Whether two wordings are one quotation printed differently, and if so
/// their [`similarity`].
pub fn near_duplicate(a: &[&str], b: &[&str]) -> Option<f64> {
    // Lengths too far apart cannot agree enough, whatever the words.
    let possible = 2.0 * a.len().min(b.len()) as f64 >= NEAR * (a.len() + b.len()) as f64;
    if a.len() < MIN_WORDS || b.len() < MIN_WORDS || !possible {
        return None;
    }
    Some(similarity(a, b)).filter(|&s| s >= NEAR)
}

/// Whether `short` stands, word for word, inside the longer `long`.
pub fn fragment_of(short: &[&str], long: &[&str]) -> bool {
    short.len() >= MIN_FRAGMENT_WORDS && long.len() > short.len() && occurs_in(short, long)
}

/// Whether `needle` (not empty) is a run of `hay`, in linear time
/// (Knuth–Morris–Pratt): comparing at every position is quadratic on
/// repetitive wordings.
fn occurs_in(needle: &[&str], hay: &[&str]) -> bool {
    // border[i]: length of the longest proper prefix of needle[..=i] that
    // is also its suffix.
    let mut border = vec![0; needle.len()];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle[i] != needle[k] {
            k = border[k - 1];
        }
        if needle[i] == needle[k] {
            k += 1;
        }
        border[i] = k;
    }
    let mut k = 0;
    for w in hay {
        while k > 0 && *w != needle[k] {
            k = border[k - 1];
        }
        if *w == needle[k] {
            k += 1;
            if k == needle.len() {
                return true;
            }
        }
    }
    false
}

/// The runs of words kept, deleted, inserted and replaced that turn the
/// words `a` into the words `b`: what [`diff`] writes out, and what the HTML
/// report highlights (over words compared by their own keys, so that it can
/// show the printed words).
pub fn word_ops<T: Eq + std::hash::Hash + Ord>(a: &[T], b: &[T]) -> Vec<DiffOp> {
    capture_diff_slices(Algorithm::Myers, a, b)
}

/// A printed word as the linker compares wordings: case, punctuation and
/// the shape of apostrophes set aside, so that a diff shows only words that
/// changed.
pub fn word_key(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// [`word_ops`] over printed words compared by their [`word_key`]: the
/// indexes point into `a` and `b`, so a caller shows the words as printed.
pub fn printed_word_ops(a: &[&str], b: &[&str]) -> Vec<DiffOp> {
    let keys = |ws: &[&str]| ws.iter().map(|w| word_key(w)).collect::<Vec<_>>();
    word_ops(&keys(a), &keys(b))
}

/// The word edits that turn `from` into `to`, as a reader would write them:
/// "got→get, him→them, +the". `None` when the words are the same.
pub fn diff(from: &str, to: &str) -> Option<String> {
    let a: Vec<&str> = from.split(' ').filter(|w| !w.is_empty()).collect();
    let b: Vec<&str> = to.split(' ').filter(|w| !w.is_empty()).collect();
    let edits: Vec<String> = word_ops(&a, &b)
        .into_iter()
        .filter_map(|op| match op {
            DiffOp::Equal { .. } => None,
            DiffOp::Delete { old_index, old_len, .. } => {
                Some(format!("-{}", a[old_index..old_index + old_len].join(" ")))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                Some(format!("+{}", b[new_index..new_index + new_len].join(" ")))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => Some(format!(
                "{}→{}",
                a[old_index..old_index + old_len].join(" "),
                b[new_index..new_index + new_len].join(" ")
            )),
        })
        .collect();
    (!edits.is_empty()).then(|| edits.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn the_seed_variants_are_near_duplicates() {
        let a = w("i get along with them very well");
        let b = w("i got along with him very well");
        assert!(near_duplicate(&a, &b).is_some());
        let c = w("japan and the u.s will work together toward the complete denuclearization of north korea");
        let d = w("japan and u.s will work together toward the complete denuclearization of north korea");
        assert!(near_duplicate(&c, &d).is_some());
        assert!(near_duplicate(&a, &c).is_none());
        assert!(near_duplicate(&w("we will win"), &w("we will lose")).is_none(), "too short to be judged by words");
        assert!(
            near_duplicate(&w("we have a good relationship with china"), &w("we will have no relations at all"))
                .is_none()
        );
    }

    #[test]
    fn diffs_read_like_a_copy_editor_wrote_them() {
        assert_eq!(
            diff("i got along with him very well", "i get along with them very well").as_deref(),
            Some("got→get, him→them")
        );
        assert_eq!(diff("japan and u.s will work", "japan and the u.s will work").as_deref(), Some("+the"));
        assert_eq!(diff("and so our time is limited", "our time is limited").as_deref(), Some("-and so"));
        assert_eq!(diff("same words", "same words"), None);
    }

    #[test]
    fn fragments_and_keys() {
        let long = w("i think it's a very big asset for everybody that i do get along with him");
        assert!(fragment_of(&w("a very big asset for everybody"), &long));
        assert!(!fragment_of(&w("big asset"), &long), "two words are too few");
        assert!(!fragment_of(&w("a very small asset"), &long));
        let shared =
            keys("a very big asset for everybody").iter().filter(|k| keys(&long.join(" ")).contains(k)).count();
        assert!(shared >= 2, "a fragment shares its keys with the whole");
        assert_eq!(stable_hash(&["north", "korea"]), stable_hash(&["north", "korea"]));
        assert_ne!(stable_hash(&["north", "korea"]), stable_hash(&["northkorea"]));
    }
}
