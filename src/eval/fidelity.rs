//! Measuring quote fidelity against hand-made verdicts: per class, the
//! precision and recall of the class the archive gave each quotation.
//!
//! A gold row names an article file, a quotation as printed, the speaker the
//! article names and the class. It is paired with the extracted quotation
//! of that file whose words agree best (at 0.85, as [`super::similarity`]
//! measures); a quotation the extractor did not find counts as judged
//! `unextracted`, which no class is. `none` is the class of a quotation of
//! an event without a record: the archive must give it no verdict.

use super::similarity;
pub use super::translations::Scores;
use crate::ingest::Error;
use std::path::Path;

/// The verdicts, `none` included.
pub const CLASSES: &[&str] =
    &["verbatim", "trimmed", "altered", "stitched", "misattributed", "translated", "not_in_record", "none"];

/// One hand-made verdict.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Gold {
    /// The article file, as the manifest names it (or its path's end).
    pub file: String,
    /// The quotation as printed.
    pub quote: String,
    /// Who the article says said it.
    #[serde(default)]
    pub speaker: String,
    /// One of [`CLASSES`].
    pub class: String,
}

/// Reads a gold CSV (columns file, quote, speaker, class); a row with a
/// class that is not one of [`CLASSES`] is an error naming its line.
pub fn load_gold(path: &Path) -> Result<Vec<Gold>, Error> {
    let display = path.display().to_string();
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| Error::new(&display, None, format!("cannot read: {e}")))?;
    let mut out = Vec::new();
    for row in reader.deserialize::<Gold>() {
        let g = row.map_err(|e| {
            Error::new(&display, e.position().map(|p| p.line()), format!("not a fidelity gold row: {e}"))
        })?;
        if !CLASSES.contains(&g.class.as_str()) {
            let line = out.len() as u64 + 2;
            return Err(Error::new(
                &display,
                Some(line),
                format!("'{}' is not a class (one of {})", g.class, CLASSES.join(", ")),
            ));
        }
        out.push(g);
    }
    Ok(out)
}

/// A quotation as the archive judged it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// The article's source path.
    pub file: String,
    /// The quotation as printed.
    pub quote: String,
    /// Its class, `none` when it has no verdict.
    pub class: String,
}

/// A gold row and what the archive said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The gold row.
    pub gold: Gold,
    /// The class given, `unextracted` when the quotation was not found.
    pub predicted: String,
}

/// Whether a stored source path is the gold's file.
fn same_file(stored: &str, gold: &str) -> bool {
    let stored = stored.replace('\\', "/");
    stored == gold || stored.ends_with(&format!("/{gold}"))
}

/// Pairs each gold row with the archive's verdict on the same quotation.
pub fn pair(gold: &[Gold], judged: &[Judged]) -> Vec<Pair> {
    let mut used = vec![false; judged.len()];
    let mut out = Vec::with_capacity(gold.len());
    for g in gold {
        let best = judged
            .iter()
            .enumerate()
            .filter(|(i, j)| !used[*i] && same_file(&j.file, &g.file))
            .map(|(i, j)| (i, similarity(&g.quote, &j.quote)))
            .filter(|&(_, s)| s >= 0.85)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let predicted = match best {
            Some((i, _)) => {
                used[i] = true;
                judged[i].class.clone()
            }
            None => "unextracted".to_owned(),
        };
        out.push(Pair { gold: g.clone(), predicted });
    }
    out
}

/// Each class's score, in the order of [`CLASSES`]: the gold rows of the
/// class, the rows given it (`linked`) and those rightly given it.
pub fn score(pairs: &[Pair]) -> Vec<(&'static str, Scores)> {
    CLASSES
        .iter()
        .map(|&c| {
            let mut s = Scores::default();
            for p in pairs {
                s.add(p.gold.class == c, p.predicted == c);
            }
            (c, s)
        })
        .collect()
}

/// The mean F1 of the classes that have gold rows.
pub fn macro_f1(scores: &[(&str, Scores)]) -> f64 {
    let with_gold: Vec<f64> = scores.iter().filter(|(_, s)| s.gold > 0).map(|(_, s)| s.f1()).collect();
    if with_gold.is_empty() { 0.0 } else { with_gold.iter().sum::<f64>() / with_gold.len() as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(file: &str, quote: &str, class: &str) -> Gold {
        Gold { file: file.into(), quote: quote.into(), speaker: String::new(), class: class.into() }
    }

    fn judged(file: &str, quote: &str, class: &str) -> Judged {
        Judged { file: file.into(), quote: quote.into(), class: class.into() }
    }

    #[test]
    fn pairs_by_file_and_words_and_scores_each_class() {
        let g = [
            gold("a/one.txt", "We will rebuild the harbour", "verbatim"),
            gold("a/one.txt", "Nobody thought it could be done", "altered"),
            gold("a/two.txt", "We will rebuild the harbour", "none"),
            gold("a/two.txt", "A quotation nobody found", "not_in_record"),
        ];
        let j = [
            judged("docs/a/one.txt", "we will rebuild the harbour.", "verbatim"),
            judged("docs/a/one.txt", "Nobody thought it could be done", "verbatim"),
            judged("docs/a/two.txt", "We will rebuild the harbour", "none"),
        ];
        let pairs = pair(&g, &j);
        let got: Vec<&str> = pairs.iter().map(|p| p.predicted.as_str()).collect();
        assert_eq!(got, ["verbatim", "verbatim", "none", "unextracted"]);
        let scores = score(&pairs);
        let verbatim = scores.iter().find(|(c, _)| *c == "verbatim").unwrap().1;
        assert_eq!((verbatim.gold, verbatim.linked, verbatim.correct), (1, 2, 1));
        assert_eq!(verbatim.precision(), 0.5);
        let altered = scores.iter().find(|(c, _)| *c == "altered").unwrap().1;
        assert_eq!(altered.f1(), 0.0);
        assert!(macro_f1(&scores) > 0.0 && macro_f1(&scores) < 1.0);
    }
}
