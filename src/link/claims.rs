//! When two claims state the same fact, and when they differ on it: the
//! comparisons and keys the claim linker uses. Pure functions over claims
//! as stored.
//!
//! Each figure is read as the interval its words allow: "$2.8 billion" is
//! 2.75–2.85 billion (two significant digits printed), "more than $1
//! trillion" at least one trillion, "nearly 80" 68–80, "about 12,000"
//! 10,800–13,200. Two figures of the same kind and unit whose intervals
//! meet are compatible — equal, a rounding ("$42 billion" and "$42.4
//! billion"), or within a qualifier ("more than $1 trillion" and "$1
//! trillion") — and two whose intervals do not are a conflict when they
//! measure the same subject in the same story. Subjects are compared by
//! their head noun and what qualifies it: "japanese investment in us" and
//! "investment in us" are one subject, "climate plan" and "tariff plan"
//! two. That the articles are of one story (they share a quotation or
//! another fact) is checked by the linker, in the archive.

use super::quotes::{self, is_stopword, stable_hash};
use crate::extract::claims::singular;
use crate::extract::figures::{FactKind, Value};
use crate::extract::lang::Qualifier;
use crate::extract::names::lowercase;
use crate::store::{StoredClaim, StoredFact};
use chrono::{Datelike, NaiveDate};

/// Content-word overlap (Dice) above which two claims sharing a compatible
/// figure state the same fact even when their subjects were not read.
pub const SAME_OVERLAP: f64 = 0.3;

/// Overlap enough, with the same subject, for a shared date or period to
/// be one fact ("abducting its citizens during the 1970s and 1980s" and
/// "the abduction of Japanese citizens … in the 1970s and 1980s").
pub const TEMPORAL_SUBJECT_OVERLAP: f64 = 0.1;

/// Overlap two claims need when the figure they share is a weak one (a
/// year, a small count or duration) and its subject was not read.
pub const WEAK_FIGURE_OVERLAP: f64 = 0.4;

/// Whether a figure is one many unrelated claims share: a year, or a count
/// or length of time below 100.
fn weak(f: &FactSig) -> bool {
    f.kind == FactKind::Year || (matches!(f.kind, FactKind::Number | FactKind::Duration) && f.value.abs() < 100.0)
}

/// Overlap above which two claims without figures report the same event.
pub const EVENT_OVERLAP: f64 = 0.5;

/// Overlap above which a claim without figures and one with them report
/// the same event ("Trump met Kim in Singapore" and "… in Singapore in 2018").
pub const EVENT_AND_FIGURE_OVERLAP: f64 = 0.6;

/// Overlap two claims need for differing dates or years to be a conflict:
/// "met Kim in 2018" and "met Kim again in 2019" are two meetings.
pub const DATE_CONFLICT_OVERLAP: f64 = 0.6;

/// Articles published further apart than this are not one story.
pub const STORY_DAYS: i64 = 14;

/// A fact as compared: the interval its words allow.
#[derive(Debug, Clone, PartialEq)]
pub struct FactSig {
    /// `claim_facts.id`.
    pub id: i64,
    /// What it measures.
    pub kind: FactKind,
    /// Currency, `%`/`pp`, unit of time.
    pub unit: Option<String>,
    /// Lowest value the words allow.
    pub low: f64,
    /// Highest value the words allow.
    pub high: f64,
    /// The value as printed (the low end of a range).
    pub value: f64,
    /// Printed without qualifier or range.
    pub exact: bool,
    /// What it measures.
    pub subject: Subject,
}

/// The noun phrase a figure measures, as compared: its head noun, the
/// words before the head, the words after it (its prepositional phrase).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Subject {
    /// Hash of the head noun; 0 when no subject was read.
    head: u64,
    /// Words before the head ("climate" of "climate plan").
    before: Vec<u64>,
    /// Words after it ("japan" of "trade deficit with japan").
    after: Vec<u64>,
}

/// Prepositions that end a subject's head ("investment in us").
const SUBJECT_PREPOSITIONS: &[&str] = &["in", "of", "with", "for", "by", "on"];

impl Subject {
    /// Reads a normalised subject ("japanese investment in us").
    pub fn new(subject: &str) -> Subject {
        let words: Vec<&str> = subject.split(' ').filter(|w| !w.is_empty()).collect();
        let split = words.iter().position(|w| SUBJECT_PREPOSITIONS.contains(w)).unwrap_or(words.len());
        let Some((head, before)) = words[..split].split_last() else { return Subject::default() };
        let hash =
            |ws: &[&str]| ws.iter().filter(|w| !SUBJECT_PREPOSITIONS.contains(w)).map(|w| word_hash(w)).collect();
        Subject { head: word_hash(head), before: hash(before), after: hash(&words[split..]) }
    }

    fn same_head(&self, other: &Subject) -> bool {
        self.head == other.head
    }

    fn words(&self) -> impl Iterator<Item = &u64> {
        std::iter::once(&self.head).chain(&self.before).chain(&self.after)
    }
}

/// Whether two subjects name the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectMatch {
    /// One thing: the same head, qualified compatibly ("investment in us"
    /// and "japanese investment in us"), or one's words all in the other.
    Same,
    /// Two things: the same head qualified differently on the same side
    /// ("climate plan" and "tariff plan", "cost of X" and "cost of Y"), or
    /// different heads ("unemployment rate" and "inflation").
    Different,
    /// A subject was not read: the words must tell.
    Unknown,
}

/// Compares two subjects.
pub fn match_subjects(a: &Subject, b: &Subject) -> SubjectMatch {
    if a.head == 0 || b.head == 0 {
        return SubjectMatch::Unknown;
    }
    if a.head == b.head {
        // Each side adds a word the other lacks, on the same side of the head.
        let clash = |x: &[u64], y: &[u64]| x.iter().any(|w| !y.contains(w)) && y.iter().any(|w| !x.contains(w));
        return if clash(&a.before, &b.before) || clash(&a.after, &b.after) {
            SubjectMatch::Different
        } else {
            SubjectMatch::Same
        };
    }
    let within = |x: &Subject, y: &Subject| x.words().all(|w| y.words().any(|v| v == w));
    if within(a, b) || within(b, a) { SubjectMatch::Same } else { SubjectMatch::Different }
}

/// A claim as compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Sig {
    /// `claims.id`.
    pub id: i64,
    /// Its article.
    pub article: i64,
    /// Its article's publication day (days since the common era), if known.
    pub day: Option<i64>,
    /// Hashes of its content words, sorted, distinct.
    pub words: Vec<u64>,
    /// Its facts.
    pub facts: Vec<FactSig>,
}

fn word_hash(w: &str) -> u64 {
    stable_hash(&[w]) as u64
}

/// Content words of a sentence: lowercase, no function words, no figures,
/// reduced to a crude stem so that "abducting", "abduction" and
/// "abducted" compare equal.
fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some() && !w.chars().any(|c| c.is_ascii_digit()))
        .map(lowercase)
        .filter(|w| !is_stopword(w))
        .map(|w| stem(&w))
}

/// A word without its inflection: plural, -ing, -ed, -ion. Crude, but the
/// same for every wording, which is all a comparison needs.
fn stem(w: &str) -> String {
    let w = singular(w);
    for suffix in ["ings", "ions", "ing", "ion", "ed", "es"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.chars().count() >= 4
        {
            return base.to_owned();
        }
    }
    w
}

/// The day number of an ISO date, month or year, at its start or end.
fn day_of(iso: &str, end: bool) -> Option<f64> {
    let parts: Vec<&str> = iso.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    let date = match parts.len() {
        1 => {
            if end {
                NaiveDate::from_ymd_opt(y, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(y, 1, 1)
            }
        }
        2 => {
            let m: u32 = parts[1].parse().ok()?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            if end { first.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()) } else { Some(first) }
        }
        _ => NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok(),
    }?;
    Some(f64::from(date.num_days_from_ce()))
}

/// The interval a printed number stands for: its last printed digit
/// rounds. Integers below 1,000 written in digits are exact ("80
/// people"); a number written in words with a scale ("half a billion")
/// has one significant digit.
fn rounding(value: f64, precision: u32) -> (f64, f64) {
    let p = if precision == 0 {
        if value.abs() >= 1000.0 { 1 } else { return (value, value) }
    } else if value.fract() == 0.0 && value.abs() < 1000.0 {
        return (value, value);
    } else {
        precision as i32
    };
    if value == 0.0 {
        return (0.0, 0.0);
    }
    let magnitude = value.abs().log10().floor() as i32;
    let half = 10f64.powi(magnitude - p + 1) / 2.0;
    (value - half, value + half)
}

fn fact_sig(f: &StoredFact) -> Option<FactSig> {
    let subject = Subject::new(&f.subject);
    let (value, low, high) = match (&f.value, &f.high) {
        (Value::Date(d), h) => {
            let low = day_of(d, false)?;
            let high = match h {
                Some(Value::Date(h)) => day_of(h, true)?,
                _ => day_of(d, true)?,
            };
            (low, low, high)
        }
        (Value::Num(v), Some(Value::Num(h))) => (*v, *v, *h),
        (Value::Num(v), None) if f.kind.temporal() => (*v, *v, *v),
        (Value::Num(v), None) => {
            let (lo, hi) = rounding(*v, f.precision);
            let (lo, hi) = match f.qualifier.as_deref().and_then(Qualifier::parse) {
                None => (lo, hi),
                Some(Qualifier::About) => (v * 0.9, v * 1.1),
                Some(Qualifier::Nearly) => (v * 0.85, hi),
                Some(Qualifier::MoreThan | Qualifier::AtLeast) => (lo, f64::INFINITY),
                Some(Qualifier::UpTo | Qualifier::LessThan) => (if *v >= 0.0 { 0.0 } else { f64::NEG_INFINITY }, hi),
            };
            (*v, lo.min(hi), hi.max(lo))
        }
        _ => return None,
    };
    Some(FactSig {
        id: f.id,
        kind: f.kind,
        unit: f.unit.clone(),
        low,
        high,
        value,
        exact: f.qualifier.is_none() && f.high.is_none(),
        subject,
    })
}

/// A stored claim made ready for comparison.
pub fn sig(c: &StoredClaim) -> Sig {
    sig_of(c, content_words(&c.text).collect())
}

/// A stored claim ready for comparison, and its candidate keys.
pub fn prepare(c: &StoredClaim) -> (Sig, Vec<i64>) {
    let content: Vec<String> = content_words(&c.text).collect();
    let keys = keys_of(c, &content);
    (sig_of(c, content), keys)
}

fn sig_of(c: &StoredClaim, content: Vec<String>) -> Sig {
    let mut words: Vec<u64> = content.iter().map(|w| word_hash(w)).collect();
    words.sort_unstable();
    words.dedup();
    Sig {
        id: c.id,
        article: c.article_id,
        day: c.published.as_deref().and_then(|p| day_of(p.get(..10).unwrap_or(p), false)).map(|d| d as i64),
        words,
        facts: c.facts.iter().filter_map(fact_sig).collect(),
    }
}

/// Candidate keys of a claim: each figure but small counts (rounded to
/// two significant digits, so a rounding shares it), what each number
/// measures (the subject's head word, with the kind and unit), and the two
/// smallest hashes of its content-word pairs (a sample two wordings of one
/// sentence mostly share).
fn keys_of(c: &StoredClaim, content: &[String]) -> Vec<i64> {
    let mut out = Vec::new();
    for f in c.facts.iter().take(4) {
        let kind = f.kind.as_str();
        let unit = f.unit.as_deref().unwrap_or("");
        let figure = match &f.value {
            // A small count or length of time is in too many claims to find any.
            Value::Num(v) if !f.kind.temporal() && v.abs() < 100.0 => None,
            Value::Num(v) if f.kind.temporal() => Some(format!("{v}")),
            Value::Num(v) => Some(format!("{v:.1e}")),
            Value::Date(d) => Some(d.get(..7).unwrap_or(d).to_owned()),
        };
        if let Some(figure) = figure {
            out.push(stable_hash(&["figure", kind, unit, &figure]));
        }
        // What a number measures finds the claims that give it another
        // value; dates in conflict are found by their words.
        if !f.kind.temporal()
            && let Some(head) = head_word(&f.subject)
        {
            out.push(stable_hash(&["subject", kind, unit, head]));
        }
    }
    out.extend(quotes::keys(&content.join(" ")).into_iter().take(2));
    out.sort_unstable();
    out.dedup();
    out
}

/// The word a subject names: the last before any preposition ("investment"
/// of "japanese investment in us").
fn head_word(subject: &str) -> Option<&str> {
    subject.split(' ').filter(|w| !w.is_empty()).take_while(|w| !SUBJECT_PREPOSITIONS.contains(w)).last()
}

/// Dice overlap of two sorted sets of word hashes.
pub fn overlap(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// How two figures of the same kind and unit compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureRelation {
    /// The same value as printed.
    Equal,
    /// Both exact, different as printed, one the other rounded.
    Rounding,
    /// Within what their qualifiers or ranges allow.
    Compatible,
    /// Their intervals do not meet.
    Disjoint,
}

/// Compares two figures; `None` when they measure in different kinds or units.
pub fn compare(a: &FactSig, b: &FactSig) -> Option<FigureRelation> {
    if a.kind != b.kind || a.unit != b.unit {
        return None;
    }
    let tolerance = 1e-9 * a.value.abs().max(b.value.abs()).max(1.0);
    if a.high + tolerance < b.low || b.high + tolerance < a.low {
        return Some(FigureRelation::Disjoint);
    }
    if a.exact && b.exact {
        if (a.value - b.value).abs() <= tolerance && (a.high - b.high).abs() <= tolerance.max(1e-9) {
            return Some(FigureRelation::Equal);
        }
        if !a.kind.temporal() {
            return Some(FigureRelation::Rounding);
        }
    }
    Some(FigureRelation::Compatible)
}

/// How a new claim relates to an earlier one.
#[derive(Debug, Clone, PartialEq)]
pub enum Relation {
    /// The same fact; `roundings` are its figures that round the other's
    /// (earlier fact, new fact); `strength` ranks candidates.
    Same {
        /// How alike the two are: content overlap plus figures shared.
        strength: f64,
        /// Pairs of facts where one rounds the other.
        roundings: Vec<(i64, i64)>,
    },
    /// The same subject, incompatible figures: (earlier fact, new fact) —
    /// a conflict if the two articles are of one story.
    Conflict(Vec<(i64, i64)>),
    /// Figures of one kind that do not agree, on subjects that may be one:
    /// not the same fact, and not enough for a conflict.
    Differs,
    /// Nothing to say.
    Unrelated,
}

/// Relates claim `new` to the earlier claim `old`.
pub fn relate(old: &Sig, new: &Sig) -> Relation {
    let o = overlap(&old.words, &new.words);
    let same_story = old.article != new.article
        && match (old.day, new.day) {
            (Some(a), Some(b)) => (a - b).abs() <= STORY_DAYS,
            _ => true,
        };
    // Figures of another time do not contradict ("4.1% in February",
    // "4.3% in March"): claims placed at different times conflict on
    // nothing but their times.
    let times_differ = {
        let times = |c: &Sig| c.facts.iter().filter(|f| f.kind.temporal()).cloned().collect::<Vec<_>>();
        let (x, y) = (times(old), times(new));
        !x.is_empty()
            && !y.is_empty()
            && !x.iter().any(|a| y.iter().any(|b| compare(a, b).is_some_and(|r| r != FigureRelation::Disjoint)))
    };
    let mut shared = 0.0;
    let mut disagree = false;
    // Figures on the same subject agreeing, and figures of one kind on
    // subjects known to differ ("the farm plan" and "the vaccine plan").
    let (mut same_subject, mut other_subject) = (false, false);
    let mut roundings = Vec::new();
    let mut conflicts = Vec::new();
    for a in &old.facts {
        for b in &new.facts {
            let Some(r) = compare(a, b) else { continue };
            let subject = match match_subjects(&a.subject, &b.subject) {
                // What a date places is read from the verb phrase before it,
                // too loosely to tell two events apart by their heads.
                SubjectMatch::Different if a.kind.temporal() && !a.subject.same_head(&b.subject) => {
                    SubjectMatch::Unknown
                }
                m => m,
            };
            other_subject |= subject == SubjectMatch::Different;
            match r {
                FigureRelation::Disjoint => {
                    // A claim listing both figures ("2018 and 2019") does not contradict either.
                    let listed = old.facts.iter().any(|x| compare(x, b) == Some(FigureRelation::Equal))
                        || new.facts.iter().any(|x| compare(a, x) == Some(FigureRelation::Equal));
                    if listed || subject == SubjectMatch::Different {
                        continue;
                    }
                    disagree = true;
                    let stands = if a.kind.temporal() { o >= DATE_CONFLICT_OVERLAP } else { !times_differ };
                    if subject == SubjectMatch::Same && same_story && stands {
                        conflicts.push((a.id, b.id));
                    }
                }
                _ => {
                    // A year or a small count is shared by many stories: the
                    // words must agree too, and more so when the subject
                    // was not read.
                    let needed = match (subject, a.kind.temporal(), weak(a)) {
                        (SubjectMatch::Different, _, _) => continue,
                        (SubjectMatch::Same, true, _) => TEMPORAL_SUBJECT_OVERLAP,
                        (SubjectMatch::Same, false, _) => 0.0,
                        (SubjectMatch::Unknown, _, true) => WEAK_FIGURE_OVERLAP,
                        (SubjectMatch::Unknown, _, false) => SAME_OVERLAP,
                    };
                    if o >= needed {
                        same_subject |= subject == SubjectMatch::Same;
                        shared += if weak(a) { 0.5 } else { 1.0 };
                        if r == FigureRelation::Rounding {
                            roundings.push((a.id, b.id));
                        }
                    }
                }
            }
        }
    }
    if !conflicts.is_empty() {
        return Relation::Conflict(conflicts);
    }
    // A figure in common does not make the same fact of claims that differ
    // on another figure of the same kind.
    if disagree || (other_subject && !same_subject) {
        return Relation::Differs;
    }
    if shared > 0.0 {
        return Relation::Same { strength: shared + o, roundings };
    }
    // Events without figures on one side or both: the words decide. Two
    // claims with figures and none in common state different facts.
    let needed = match (old.facts.is_empty(), new.facts.is_empty()) {
        (true, true) => EVENT_OVERLAP,
        (false, false) => return Relation::Unrelated,
        _ => EVENT_AND_FIGURE_OVERLAP,
    };
    if o >= needed && old.words.len().min(new.words.len()) >= 4 {
        return Relation::Same { strength: o, roundings };
    }
    Relation::Unrelated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(
        id: i64,
        kind: FactKind,
        value: f64,
        unit: &str,
        qualifier: Option<&str>,
        precision: u32,
        subject: &str,
    ) -> StoredFact {
        StoredFact {
            id,
            kind,
            value: Value::Num(value),
            high: None,
            unit: Some(unit.to_owned()).filter(|u| !u.is_empty()),
            qualifier: qualifier.map(str::to_owned),
            subject: subject.to_owned(),
            precision,
        }
    }

    fn claim(id: i64, article: i64, text: &str, facts: Vec<StoredFact>) -> Sig {
        sig(&StoredClaim {
            id,
            article_id: article,
            published: Some("2025-02-18".into()),
            text: text.to_owned(),
            cluster_id: None,
            facts,
        })
    }

    #[test]
    fn same_rounded_qualified_and_conflicting_figures() {
        let money = |id, v, p, q| fact(id, FactKind::Money, v, "USD", q, p, "takeover offer");
        let a = claim(
            1,
            1,
            "Kestrel made a $2.8 billion takeover offer for Halvorsen Steel",
            vec![money(10, 2.8e9, 2, None)],
        );
        let b = claim(
            2,
            2,
            "Kestrel offered 2.8 billion dollars in its takeover offer for Halvorsen",
            vec![money(20, 2.8e9, 2, None)],
        );
        let c = claim(
            3,
            3,
            "Kestrel made a $2.3 billion takeover offer for Halvorsen Steel",
            vec![money(30, 2.3e9, 2, None)],
        );
        let d = claim(
            4,
            4,
            "Kestrel made a $2.84 billion takeover offer for Halvorsen Steel",
            vec![money(40, 2.84e9, 3, None)],
        );
        let e = claim(
            5,
            5,
            "Kestrel made a takeover offer of more than $2 billion for Halvorsen",
            vec![money(50, 2e9, 1, Some("more than"))],
        );
        assert!(matches!(relate(&a, &b), Relation::Same { ref roundings, .. } if roundings.is_empty()));
        assert_eq!(relate(&a, &c), Relation::Conflict(vec![(10, 30)]));
        assert!(matches!(relate(&a, &d), Relation::Same { ref roundings, .. } if roundings == &[(10, 40)]));
        assert!(matches!(relate(&a, &e), Relation::Same { .. }), "more than $2 billion allows $2.8 billion");
    }

    #[test]
    fn subjects_by_head_and_qualifiers() {
        let m = |a: &str, b: &str| match_subjects(&Subject::new(a), &Subject::new(b));
        assert_eq!(m("japanese investment in us", "investment in us"), SubjectMatch::Same);
        assert_eq!(m("us trade deficit with japan", "trade deficit"), SubjectMatch::Same);
        assert_eq!(m("acquisition offer", "offer for rival steelmaker"), SubjectMatch::Same);
        assert_eq!(m("climate plan", "tariff plan"), SubjectMatch::Different);
        assert_eq!(m("cost of climate plan", "cost of budget plan"), SubjectMatch::Different);
        assert_eq!(m("people death", "death"), SubjectMatch::Same);
        assert_eq!(m("", "death"), SubjectMatch::Unknown);
        assert_eq!(m("budget plan", "cost of budget plan"), SubjectMatch::Same);
    }

    #[test]
    fn intervals_of_printed_numbers() {
        assert_eq!(rounding(42e9, 2), (41.5e9, 42.5e9));
        assert_eq!(rounding(80.0, 2), (80.0, 80.0), "small integers are exact");
        let (lo, hi) = rounding(12_000.0, 2);
        assert!(lo <= 12_400.0 && 12_400.0 <= hi);
        assert_eq!(rounding(5e8, 0), (4.5e8, 5.5e8), "half a billion, in words");
    }

    #[test]
    fn two_meetings_in_two_years_are_no_conflict() {
        let year = |id, y| StoredFact { kind: FactKind::Year, ..fact(id, FactKind::Year, y, "", None, 0, "met kim") };
        let a = claim(1, 1, "Trump first met Kim in 2018 in Singapore, a historic moment", vec![year(10, 2018.0)]);
        let b = claim(
            2,
            2,
            "Trump met Kim again in 2019 and became the first president to step into North Korea",
            vec![year(20, 2019.0)],
        );
        assert_eq!(relate(&a, &b), Relation::Differs, "two facts, neither the same one nor a conflict");
    }
}
