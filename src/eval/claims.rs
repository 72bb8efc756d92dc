//! Measuring claim extraction against hand-made answers: precision,
//! recall and F1 of claim sentences and of their normalised facts, and
//! voice and speaker accuracy. The gold format is described in
//! `tests/fixtures/claims/README.md`.
//!
//! Sentences match as quotations do ([`super::pair_texts`]: 0.85
//! similarity after case, punctuation and spacing are set aside, best
//! pairs first). Facts match per document, one to one, when kind, value,
//! high end and unit agree (numbers to one part in a million): a fact
//! found in a sentence that is not a gold claim counts against precision,
//! a gold claim missed loses its facts too.

use super::{pair_texts, ratio, same_speaker};
use crate::extract::figures::{FactKind, Value};
use crate::ingest::Error;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// One hand-made claim (a row of the gold CSV).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct GoldClaim {
    /// The document's file name.
    pub document: String,
    /// The claim sentence as printed.
    pub sentence: String,
    /// `outlet` or `reported`.
    pub voice: String,
    /// For reported claims, who made the statement (`A|B` for either).
    #[serde(default)]
    pub speaker: String,
    /// `kind=value[..high][ unit]`, separated by `;`.
    #[serde(default)]
    pub facts: String,
}

/// A fact as compared: kind, value, high end, unit.
#[derive(Debug, Clone, PartialEq)]
pub struct FactKey {
    /// What it measures.
    pub kind: FactKind,
    /// Its value.
    pub value: Value,
    /// The high end of a range.
    pub high: Option<Value>,
    /// Its unit ("" when none).
    pub unit: String,
}

impl FactKey {
    fn same(&self, other: &FactKey) -> bool {
        let close = |a: &Value, b: &Value| match (a, b) {
            (Value::Num(x), Value::Num(y)) => (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1e-9),
            (a, b) => a == b,
        };
        self.kind == other.kind
            && self.unit == other.unit
            && close(&self.value, &other.value)
            && match (&self.high, &other.high) {
                (Some(a), Some(b)) => close(a, b),
                (None, None) => true,
                _ => false,
            }
    }

    /// `kind=value[..high][ unit]`, as in the gold CSV.
    pub fn text(&self) -> String {
        let mut s = format!("{}={}", self.kind.as_str(), self.value.text());
        if let Some(h) = &self.high {
            s.push_str("..");
            s.push_str(&h.text());
        }
        if !self.unit.is_empty() {
            s.push(' ');
            s.push_str(&self.unit);
        }
        s
    }
}

/// Reads one value of a facts cell: a number for numeric kinds and years,
/// an ISO date for dates.
fn parse_value(kind: FactKind, s: &str) -> Result<Value, String> {
    if kind == FactKind::Date {
        let ok = s.len() >= 7
            && s.chars().all(|c| c.is_ascii_digit() || c == '-')
            && chrono::NaiveDate::parse_from_str(&format!("{s}-01")[..10], "%Y-%m-%d").is_ok();
        return if ok { Ok(Value::Date(s.to_owned())) } else { Err(format!("'{s}' is not an ISO date")) };
    }
    s.parse::<f64>().map(Value::Num).map_err(|_| format!("'{s}' is not a number"))
}

/// Parses a facts cell: `money=1e12 USD; year=2027; period=1970..1989`.
pub fn parse_facts(cell: &str) -> Result<Vec<FactKey>, String> {
    let mut out = Vec::new();
    for part in cell.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (kind, rest) = part.split_once('=').ok_or_else(|| format!("'{part}' is not kind=value"))?;
        let kind = FactKind::parse(kind.trim()).ok_or_else(|| {
            format!("'{kind}' is not a fact kind (money, percent, number, duration, date, year, period)")
        })?;
        let mut words = rest.split_whitespace();
        let value = words.next().ok_or_else(|| format!("'{part}' has no value"))?;
        let unit = words.collect::<Vec<_>>().join(" ");
        let (low, high) = match value.split_once("..") {
            Some((l, h)) => (l, Some(h)),
            None => (value, None),
        };
        out.push(FactKey {
            kind,
            value: parse_value(kind, low)?,
            high: high.map(|h| parse_value(kind, h)).transpose()?,
            unit,
        });
    }
    Ok(out)
}

/// Reads a gold CSV; every facts cell must parse.
pub fn load_gold(path: &Path) -> Result<Vec<(GoldClaim, Vec<FactKey>)>, Error> {
    let display = path.display().to_string();
    let mut reader = csv::Reader::from_path(path).map_err(|e| Error::new(&display, None, e.to_string()))?;
    let mut out = Vec::new();
    let headers = reader.headers().map_err(|e| Error::new(&display, Some(1), e.to_string()))?.clone();
    for record in reader.records() {
        let record = record.map_err(|e| Error::new(&display, e.position().map(|p| p.line()), e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let row: GoldClaim =
            record.deserialize(Some(&headers)).map_err(|e| Error::new(&display, Some(line), e.to_string()))?;
        let facts = parse_facts(&row.facts).map_err(|m| Error::new(&display, Some(line), m))?;
        if !matches!(row.voice.as_str(), "outlet" | "reported") {
            return Err(Error::new(
                &display,
                Some(line),
                format!("voice '{}' is neither outlet nor reported", row.voice),
            ));
        }
        out.push((row, facts));
    }
    Ok(out)
}

/// A claim as extracted, for scoring.
#[derive(Debug, Clone, PartialEq)]
pub struct PredictedClaim {
    /// The document's file name.
    pub document: String,
    /// The claim sentence.
    pub sentence: String,
    /// `outlet` or `reported`.
    pub voice: String,
    /// The speaker, if any.
    pub speaker: Option<String>,
    /// Its facts.
    pub facts: Vec<FactKey>,
}

/// One line of `--details`.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimDetail {
    /// A gold claim no prediction matched.
    Miss { document: String, sentence: String },
    /// A predicted claim that matched no gold claim.
    Extra { document: String, sentence: String },
    /// A gold fact not found in its document.
    MissFact { document: String, fact: String, sentence: String },
    /// A predicted fact not in the gold of its document.
    ExtraFact { document: String, fact: String, sentence: String },
    /// Matched, but another voice.
    Voice { document: String, sentence: String, gold: String, got: String },
    /// Matched reported claims, another speaker.
    Speaker { document: String, sentence: String, gold: String, got: String },
}

/// The figures of one evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimScores {
    /// Gold claims.
    pub gold: usize,
    /// Predicted claims.
    pub predicted: usize,
    /// Pairs matched.
    pub matched: usize,
    /// Claim precision.
    pub precision: f64,
    /// Claim recall.
    pub recall: f64,
    /// Claim F1.
    pub f1: f64,
    /// Gold facts.
    pub facts_gold: usize,
    /// Predicted facts.
    pub facts_predicted: usize,
    /// Facts matched.
    pub facts_matched: usize,
    /// Fact precision.
    pub fact_precision: f64,
    /// Fact recall.
    pub fact_recall: f64,
    /// Fact F1.
    pub fact_f1: f64,
    /// Matched claims with the gold voice, over matched claims.
    pub voice_accuracy: f64,
    /// Matched reported claims whose gold names a speaker, with the right one.
    pub speaker_accuracy: f64,
    /// Every miss and false hit.
    pub details: Vec<ClaimDetail>,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }
}

/// Scores `predicted` against `gold` (only documents the gold names count).
pub fn score(gold: &[(GoldClaim, Vec<FactKey>)], predicted: &[PredictedClaim]) -> ClaimScores {
    let docs: HashSet<&str> = gold.iter().map(|(g, _)| g.document.as_str()).collect();
    let pred: Vec<&PredictedClaim> = predicted.iter().filter(|p| docs.contains(p.document.as_str())).collect();
    let g_texts: Vec<(&str, &str)> = gold.iter().map(|(g, _)| (g.document.as_str(), g.sentence.as_str())).collect();
    let p_texts: Vec<(&str, &str)> = pred.iter().map(|p| (p.document.as_str(), p.sentence.as_str())).collect();
    let matches = pair_texts(&g_texts, &p_texts);
    let mut s = ClaimScores { gold: gold.len(), predicted: pred.len(), matched: matches.len(), ..Default::default() };
    s.precision = ratio(s.matched, s.predicted);
    s.recall = ratio(s.matched, s.gold);
    s.f1 = f1(s.precision, s.recall);

    let matched_gold: HashMap<usize, usize> = matches.iter().copied().collect();
    let matched_pred: HashSet<usize> = matches.iter().map(|&(_, p)| p).collect();
    for (gi, (g, _)) in gold.iter().enumerate() {
        if !matched_gold.contains_key(&gi) {
            s.details.push(ClaimDetail::Miss { document: g.document.clone(), sentence: g.sentence.clone() });
        }
    }
    for (pi, p) in pred.iter().enumerate() {
        if !matched_pred.contains(&pi) {
            s.details.push(ClaimDetail::Extra { document: p.document.clone(), sentence: p.sentence.clone() });
        }
    }
    let (mut voice_ok, mut speaker_scored, mut speaker_ok) = (0, 0, 0);
    for &(gi, pi) in &matches {
        let (g, p) = (&gold[gi].0, pred[pi]);
        if g.voice == p.voice {
            voice_ok += 1;
        } else {
            s.details.push(ClaimDetail::Voice {
                document: g.document.clone(),
                sentence: g.sentence.clone(),
                gold: g.voice.clone(),
                got: p.voice.clone(),
            });
        }
        if g.voice == "reported" && !g.speaker.is_empty() {
            speaker_scored += 1;
            let got = p.speaker.clone().unwrap_or_default();
            if same_speaker(&g.speaker, &got) {
                speaker_ok += 1;
            } else {
                s.details.push(ClaimDetail::Speaker {
                    document: g.document.clone(),
                    sentence: g.sentence.clone(),
                    gold: g.speaker.clone(),
                    got,
                });
            }
        }
    }
    s.voice_accuracy = ratio(voice_ok, matches.len());
    s.speaker_accuracy = ratio(speaker_ok, speaker_scored);

    // Facts, document by document.
    for doc in docs.iter().copied().collect::<std::collections::BTreeSet<_>>() {
        let gf: Vec<(&FactKey, &str)> = gold
            .iter()
            .filter(|(g, _)| g.document == doc)
            .flat_map(|(g, f)| f.iter().map(move |k| (k, g.sentence.as_str())))
            .collect();
        let pf: Vec<(&FactKey, &str)> = pred
            .iter()
            .filter(|p| p.document == doc)
            .flat_map(|p| p.facts.iter().map(move |k| (k, p.sentence.as_str())))
            .collect();
        s.facts_gold += gf.len();
        s.facts_predicted += pf.len();
        let mut used = vec![false; pf.len()];
        for (g, sentence) in &gf {
            match (0..pf.len()).find(|&i| !used[i] && g.same(pf[i].0)) {
                Some(i) => {
                    used[i] = true;
                    s.facts_matched += 1;
                }
                None => s.details.push(ClaimDetail::MissFact {
                    document: doc.to_owned(),
                    fact: g.text(),
                    sentence: (*sentence).to_owned(),
                }),
            }
        }
        for (i, (p, sentence)) in pf.iter().enumerate() {
            if !used[i] {
                s.details.push(ClaimDetail::ExtraFact {
                    document: doc.to_owned(),
                    fact: p.text(),
                    sentence: (*sentence).to_owned(),
                });
            }
        }
    }
    s.fact_precision = ratio(s.facts_matched, s.facts_predicted);
    s.fact_recall = ratio(s.facts_matched, s.facts_gold);
    s.fact_f1 = f1(s.fact_precision, s.fact_recall);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_cells_parse() {
        let f = parse_facts("money=1e12 USD; period=1970..1989; date=2025-02-10..2025-02-16; percent=4.1 %").unwrap();
        assert_eq!(f.len(), 4);
        assert_eq!(f[0].value, Value::Num(1e12));
        assert_eq!(f[0].unit, "USD");
        assert_eq!(f[1].high, Some(Value::Num(1989.0)));
        assert_eq!(f[2].value, Value::Date("2025-02-10".into()));
        assert_eq!(f[3].text(), "percent=4.1 %");
        assert!(parse_facts("money=lots").is_err());
        assert!(parse_facts("colour=red").is_err());
        assert!(parse_facts("date=2025-13").is_err());
    }

    #[test]
    fn scores_claims_and_facts() {
        let g = |s: &str, facts: &str| {
            (
                GoldClaim {
                    document: "a.txt".into(),
                    sentence: s.into(),
                    voice: "outlet".into(),
                    speaker: String::new(),
                    facts: facts.into(),
                },
                parse_facts(facts).unwrap(),
            )
        };
        let p = |s: &str, facts: &str| PredictedClaim {
            document: "a.txt".into(),
            sentence: s.into(),
            voice: "outlet".into(),
            speaker: None,
            facts: parse_facts(facts).unwrap(),
        };
        let gold =
            vec![g("The offer was worth $2.8 billion.", "money=2.8e9 USD"), g("It was founded in 1957.", "year=1957")];
        let pred =
            vec![p("The offer was worth $2.8 billion.", "money=2800000000 USD"), p("Shares rose 18%.", "percent=18 %")];
        let s = score(&gold, &pred);
        assert_eq!((s.gold, s.predicted, s.matched), (2, 2, 1));
        assert_eq!((s.facts_gold, s.facts_predicted, s.facts_matched), (2, 2, 1));
        assert_eq!(s.voice_accuracy, 1.0);
    }
}
