//! Measuring quote extraction against hand-made answers: precision,
//! recall and F1 of quotation spans, speaker and kind accuracy.
//!
//! Matching follows the independent scorer the benchmarks publish
//! (`eval_quotes.py`), so the figures agree: text is compared after NFKC,
//! lowercasing and removing punctuation; two spans match at a similarity of
//! 0.85 (Ratcliff–Obershelp, as Python's difflib computes it); gold and
//! predicted quotes pair greedily, best pairs first. Body quotes of kind
//! full or partial count; headline quotes and gold rows marked `unsure`
//! are neither required nor penalised.

pub mod claims;
mod difflib;
pub mod fidelity;
pub mod translations;

use crate::ingest::Error;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// One hand-made answer (a row of the gold CSV).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Gold {
    /// The document's file name.
    pub document: String,
    /// The words quoted.
    pub quote: String,
    /// Canonical speaker, `A|B` for alternatives, `?` when not annotated.
    #[serde(default)]
    pub speaker: String,
    /// full, partial or mention.
    pub kind: String,
    /// body, headline, boilerplate or unsure.
    pub region: String,
    /// person, role, organisation or anonymous; empty when not annotated
    /// (the column is optional).
    #[serde(default)]
    pub speaker_kind: String,
}

/// A quotation as extracted, for scoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicted {
    /// The document's file name.
    pub document: String,
    /// The words quoted.
    pub quote: String,
    /// Speaker name, if any.
    pub speaker: Option<String>,
    /// The speaker's kind (person, role, organisation, anonymous), if any.
    pub speaker_kind: Option<String>,
    /// full, partial or mention.
    pub kind: String,
    /// body, headline or boilerplate.
    pub region: String,
}

/// Reads a gold CSV (columns document, quote, speaker, kind, region; others ignored).
pub fn load_gold(path: &Path) -> Result<Vec<Gold>, Error> {
    let display = path.display().to_string();
    let mut reader = csv::Reader::from_path(path).map_err(|e| Error::new(&display, None, e.to_string()))?;
    let mut out = Vec::new();
    for row in reader.deserialize::<Gold>() {
        out.push(row.map_err(|e| Error::new(&display, e.position().map(|p| p.line()), e.to_string()))?);
    }
    Ok(out)
}

/// One line of `--details`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// A gold quote no prediction matched.
    Miss { document: String, quote: String, speaker: String },
    /// A prediction that matched no gold quote.
    Extra { document: String, quote: String },
    /// Matched, but another speaker.
    Speaker { document: String, quote: String, gold: String, got: String },
    /// Matched, but another kind.
    Kind { document: String, quote: String, gold: String, got: String },
    /// Matched, but the speaker is of another kind (a role for a person…).
    SpeakerKind { document: String, quote: String, gold: String, got: String },
}

/// The figures of one evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Gold quotes to find.
    pub gold: usize,
    /// Quotes predicted.
    pub predicted: usize,
    /// Pairs matched.
    pub matched: usize,
    /// matched / predicted.
    pub precision: f64,
    /// matched / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Matched pairs whose gold names a speaker.
    pub speaker_scored: usize,
    /// Of those, with the right speaker.
    pub speaker_correct: usize,
    /// speaker_correct / speaker_scored.
    pub speaker_accuracy: f64,
    /// Matched pairs whose gold gives the speaker's kind.
    pub speaker_kind_scored: usize,
    /// Of those, with the gold kind.
    pub speaker_kind_correct: usize,
    /// speaker_kind_correct / speaker_kind_scored.
    pub speaker_kind_accuracy: f64,
    /// Body quotes of any kind matched for kind accuracy.
    pub kind_scored: usize,
    /// Of those, with the gold kind.
    pub kind_correct: usize,
    /// kind_correct / kind_scored.
    pub kind_accuracy: f64,
    /// Every miss, false hit, wrong speaker and wrong kind.
    pub details: Vec<Detail>,
}

/// The scorer's normal form: NFKC, quote marks unified, lowercase, words.
pub fn norm(s: &str) -> String {
    let s: String = s
        .nfkc()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() || c == '_' || c.is_whitespace() { c } else { ' ' })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Similarity of two quotations as the scorer computes it.
pub fn similarity(gold: &str, predicted: &str) -> f64 {
    let (a, b) = (norm(gold), norm(predicted));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if (a.contains(&b) || b.contains(&a)) && la.min(lb) as f64 / la.max(lb) as f64 >= 0.8 {
        return 0.95;
    }
    difflib::ratio(&a, &b)
}

/// Whether a predicted speaker is the gold one: the same name, or the gold
/// name's last word among the predicted words (gold may list `A|B`).
pub fn same_speaker(gold: &str, predicted: &str) -> bool {
    let p = norm(predicted);
    let alts: Vec<String> = gold.split('|').map(norm).filter(|a| !a.is_empty()).collect();
    if alts.is_empty() {
        return p.is_empty();
    }
    if p.is_empty() {
        return false;
    }
    let words: Vec<&str> = p.split(' ').collect();
    alts.iter().any(|a| {
        *a == p
            || a.rsplit(' ').next().is_some_and(|last| words.contains(&last))
            || (!a.is_ascii() && p.contains(a.as_str()))
    })
}

const MATCH: f64 = 0.85;

/// Greedy one-to-one matching of gold and predicted indices, best first.
fn pair(gold: &[&Gold], pred: &[&Predicted]) -> Vec<(usize, usize)> {
    let g: Vec<(&str, &str)> = gold.iter().map(|g| (g.document.as_str(), g.quote.as_str())).collect();
    let p: Vec<(&str, &str)> = pred.iter().map(|p| (p.document.as_str(), p.quote.as_str())).collect();
    pair_texts(&g, &p)
}

/// Greedy one-to-one matching of (document, text) pairs: texts of the same
/// document at [`similarity`] 0.85 or more, best pairs first.
pub fn pair_texts(gold: &[(&str, &str)], pred: &[(&str, &str)]) -> Vec<(usize, usize)> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if g.0 == p.0 {
                let s = similarity(g.1, p.1);
                if s >= MATCH {
                    candidates.push((s, gi, pi));
                }
            }
        }
    }
    // Ties keep gold order then predicted order, as a stable sort of the
    // scorer's (similarity, gold, predicted) tuples in reverse would.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
    let (mut gm, mut pm) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (_, gi, pi) in candidates {
        if gm.contains(&gi) || pm.contains(&pi) {
            continue;
        }
        gm.insert(gi);
        pm.insert(pi);
        out.push((gi, pi));
    }
    out
}

/// Counts one scored pair: right, or wrong with the detail saying how.
fn tally(
    scored: &mut usize,
    correct: &mut usize,
    right: bool,
    details: &mut Vec<Detail>,
    wrong: impl FnOnce() -> Detail,
) {
    *scored += 1;
    if right {
        *correct += 1;
    } else {
        details.push(wrong());
    }
}

/// Scores `predicted` against `gold`.
pub fn score(gold: &[Gold], predicted: &[Predicted]) -> Scores {
    let docs: HashSet<&str> = gold.iter().map(|g| g.document.as_str()).collect();
    let required: Vec<&Gold> =
        gold.iter().filter(|g| g.region == "body" && matches!(g.kind.as_str(), "full" | "partial")).collect();
    let optional: Vec<&Gold> = gold.iter().filter(|g| matches!(g.region.as_str(), "headline" | "unsure")).collect();
    let in_docs: Vec<&Predicted> = predicted.iter().filter(|p| docs.contains(p.document.as_str())).collect();
    let counted: Vec<&Predicted> = in_docs
        .iter()
        .copied()
        .filter(|p| matches!(p.region.as_str(), "body" | "") && matches!(p.kind.as_str(), "full" | "partial" | ""))
        .filter(|p| !optional.iter().any(|o| o.document == p.document && similarity(&o.quote, &p.quote) >= MATCH))
        .collect();

    let matches = pair(&required, &counted);
    let mut s = Scores { gold: required.len(), predicted: counted.len(), matched: matches.len(), ..Scores::default() };
    s.precision = ratio(s.matched, s.predicted);
    s.recall = ratio(s.matched, s.gold);
    s.f1 = if s.precision + s.recall > 0.0 { 2.0 * s.precision * s.recall / (s.precision + s.recall) } else { 0.0 };

    let matched_gold: HashMap<usize, usize> = matches.iter().copied().collect();
    let matched_pred: HashSet<usize> = matches.iter().map(|&(_, p)| p).collect();
    for (gi, g) in required.iter().enumerate() {
        if !matched_gold.contains_key(&gi) {
            s.details.push(Detail::Miss {
                document: g.document.clone(),
                quote: g.quote.clone(),
                speaker: g.speaker.clone(),
            });
        }
    }
    for (pi, p) in counted.iter().enumerate() {
        if !matched_pred.contains(&pi) {
            s.details.push(Detail::Extra { document: p.document.clone(), quote: p.quote.clone() });
        }
    }
    for &(gi, pi) in &matches {
        let (g, p) = (required[gi], counted[pi]);
        let (document, quote) = (&g.document, &g.quote);
        if !g.speaker_kind.is_empty() {
            let got = p.speaker_kind.clone().unwrap_or_default();
            let right = got == g.speaker_kind;
            tally(&mut s.speaker_kind_scored, &mut s.speaker_kind_correct, right, &mut s.details, || {
                Detail::SpeakerKind {
                    document: document.clone(),
                    quote: quote.clone(),
                    gold: g.speaker_kind.clone(),
                    got,
                }
            });
        }
        if g.speaker == "?" {
            continue;
        }
        let got = p.speaker.clone().unwrap_or_default();
        let right = same_speaker(&g.speaker, &got);
        tally(&mut s.speaker_scored, &mut s.speaker_correct, right, &mut s.details, || Detail::Speaker {
            document: document.clone(),
            quote: quote.clone(),
            gold: g.speaker.clone(),
            got,
        });
    }
    s.speaker_accuracy = ratio(s.speaker_correct, s.speaker_scored);
    s.speaker_kind_accuracy = ratio(s.speaker_kind_correct, s.speaker_kind_scored);

    // Kinds: every body quote of the gold, mentions included, against every
    // predicted body quote.
    let body_gold: Vec<&Gold> = gold.iter().filter(|g| g.region == "body").collect();
    let body_pred: Vec<&Predicted> = in_docs.iter().copied().filter(|p| p.region == "body").collect();
    for (gi, pi) in pair(&body_gold, &body_pred) {
        let (g, p) = (body_gold[gi], body_pred[pi]);
        tally(&mut s.kind_scored, &mut s.kind_correct, g.kind == p.kind, &mut s.details, || Detail::Kind {
            document: g.document.clone(),
            quote: g.quote.clone(),
            gold: g.kind.clone(),
            got: p.kind.clone(),
        });
    }
    s.kind_accuracy = ratio(s.kind_correct, s.kind_scored);
    s
}

/// `n / d`, 0 when `d` is 0.
pub fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(doc: &str, quote: &str, speaker: &str, kind: &str) -> Gold {
        Gold {
            document: doc.into(),
            quote: quote.into(),
            speaker: speaker.into(),
            kind: kind.into(),
            region: "body".into(),
            speaker_kind: String::new(),
        }
    }

    fn pred(doc: &str, quote: &str, speaker: &str, kind: &str) -> Predicted {
        Predicted {
            document: doc.into(),
            quote: quote.into(),
            speaker: Some(speaker.into()).filter(|s: &String| !s.is_empty()),
            speaker_kind: None,
            kind: kind.into(),
            region: "body".into(),
        }
    }

    #[test]
    fn norm_and_speakers_follow_the_scorer() {
        assert_eq!(norm("We’re “here,” OK?"), "we re here ok");
        assert!(same_speaker("Donald Trump", "Trump"));
        assert!(same_speaker("Rep. Jim Jordan", "Jim Jordan"));
        assert!(same_speaker("Trump|Pence", "Mike Pence"));
        assert!(!same_speaker("Shigeru Ishiba", "Donald Trump"));
        assert!(same_speaker("", ""));
    }

    #[test]
    fn scores_a_small_case() {
        let g = vec![
            gold("a.txt", "We will win, and we will keep winning", "Ann Lee", "full"),
            gold("a.txt", "hard choices", "Ann Lee", "partial"),
            gold("a.txt", "Nissan", "", "mention"),
        ];
        let p = vec![
            pred("a.txt", "We will win, and we will keep winning,", "Ann Lee", "full"),
            pred("a.txt", "hard choices", "Bob Roe", "full"),
            pred("a.txt", "something else entirely", "", "full"),
            pred("a.txt", "Nissan", "", "mention"),
        ];
        let s = score(&g, &p);
        assert_eq!((s.gold, s.predicted, s.matched), (2, 3, 2));
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-9 && s.recall == 1.0);
        assert_eq!((s.speaker_scored, s.speaker_correct), (2, 1));
        assert_eq!((s.kind_scored, s.kind_correct), (3, 2));
        assert_eq!(s.details.len(), 3);
    }

    #[test]
    fn scores_speaker_kinds_where_the_gold_gives_them() {
        let mut g = vec![
            gold("a.txt", "We will win this fight", "Ann Lee", "full"),
            gold("a.txt", "The figures come next week", "ministry", "full"),
            gold("a.txt", "Nobody told us anything", "residents", "full"),
        ];
        g[0].speaker_kind = "person".into();
        g[1].speaker_kind = "organisation".into();
        let mut p = vec![
            pred("a.txt", "We will win this fight", "Ann Lee", "full"),
            pred("a.txt", "The figures come next week", "ministry", "full"),
            pred("a.txt", "Nobody told us anything", "residents", "full"),
        ];
        p[0].speaker_kind = Some("person".into());
        p[1].speaker_kind = Some("role".into());
        let s = score(&g, &p);
        assert_eq!((s.speaker_kind_scored, s.speaker_kind_correct), (2, 1), "the third has no gold kind");
        assert!((s.speaker_kind_accuracy - 0.5).abs() < 1e-9);
        assert!(
            s.details
                .iter()
                .any(|d| matches!(d, Detail::SpeakerKind { gold, got, .. } if gold == "organisation" && got == "role"))
        );
    }
}
