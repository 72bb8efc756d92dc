//! What a language's news text is made of, as tables the claim extractor
//! reads: number and scale words, currencies, months and weekdays,
//! relative dates, qualifiers ("more than", "nearly"), and the verbs that
//! report an event or a statement. One file per language; the engine in
//! `claims` and `figures` never branches on a language code (spaCy's
//! `lang/` folders follow the same idea).
//!
//! Figures written in digits, currency symbols and ISO dates are read in
//! every language; the words around them are what a table adds.

mod ar;
mod de;
mod en;
mod es;
mod fr;
mod id;
mod it;
mod ja;
mod ko;
mod nl;
mod pl;
mod pt;
mod ru;
pub mod speech;
mod tr;
mod zh;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

pub use super::lexicon::Words;

/// Units of time a duration is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades.
    Decade,
}

impl TimeUnit {
    /// The unit as stored in `claim_facts.unit`.
    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
        }
    }
}

/// A calendar period named relative to the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// "yesterday" (-1), "today" (0), "tomorrow" (+1): days from publication.
    Day(i64),
    /// "last"/"previous" (-1), "this" (0), "next"/"coming" (+1): applied to
    /// the following week, month or year word, or weekday.
    Shift(i64),
}

/// What one word can be in a figure or a date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lex {
    /// A number word: "three" (3), "dozen" (12).
    Number(f64),
    /// A multiplier after a number: "million", "bn".
    Scale(f64),
    /// A currency named after the amount: "dollars" → USD.
    Currency(&'static str),
    /// "percent", "pct".
    Percent,
    /// "point(s)" of "percentage points".
    Points,
    /// A month, 1–12.
    Month(u32),
    /// A weekday, Monday = 0.
    Weekday(u32),
    /// A unit of time.
    Time(TimeUnit),
    /// A relative date word.
    Relative(Relative),
    /// "ago": the duration before it counts back from publication.
    Ago,
    /// A word before a decade: early (0–3), mid (4–6), late (7–9).
    DecadePart(u32, u32),
    /// "half" (0.5) or "quarter" (0.25) before "a"/"of" and a scale.
    Fraction(f64),
}

/// A word list with a value per word, looked up through a map built on first use.
pub struct Table<V: Copy + 'static> {
    list: &'static [(&'static str, V)],
    map: OnceLock<FxHashMap<&'static str, V>>,
}

impl<V: Copy + 'static> Table<V> {
    /// A table of lowercase words.
    pub const fn new(list: &'static [(&'static str, V)]) -> Self {
        Table { list, map: OnceLock::new() }
    }

    /// The value of `w` (lowercase), if listed.
    pub fn get(&self, w: &str) -> Option<V>
    where
        V: Send + Sync,
    {
        self.map.get_or_init(|| self.list.iter().copied().collect()).get(w).copied()
    }
}

/// How a qualifier bounds a figure; stored beside the value, never folded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// "about", "around", "roughly", "some", "an estimated".
    About,
    /// "nearly", "almost", "close to", "just under".
    Nearly,
    /// "more than", "over", "upwards of", "just over".
    MoreThan,
    /// "at least", "no fewer than".
    AtLeast,
    /// "up to", "as many as", "no more than".
    UpTo,
    /// "less than", "fewer than", "under".
    LessThan,
}

impl Qualifier {
    /// The qualifier as stored in `claim_facts.qualifier`.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::UpTo => "up to",
            Qualifier::LessThan => "less than",
        }
    }

    /// The qualifier stored as `s`.
    pub fn parse(s: &str) -> Option<Qualifier> {
        [
            Qualifier::About,
            Qualifier::Nearly,
            Qualifier::MoreThan,
            Qualifier::AtLeast,
            Qualifier::UpTo,
            Qualifier::LessThan,
        ]
        .into_iter()
        .find(|q| q.as_str() == s)
    }
}

/// Everything the claim extractor knows about one language.
pub struct Lang {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Number, scale, currency, month, weekday, time and relative-date words.
    pub words: Table<Lex>,
    /// Qualifier phrases, longest first, lowercase words.
    pub qualifiers: &'static [(&'static [&'static str], Qualifier)],
    /// The first words of `qualifiers`, gathered on first use.
    pub qualifier_starts: OnceLock<FxHashSet<&'static str>>,
    /// Verbs (as written) that report a concrete event: "met", "signed", "killed".
    pub events: Words,
    /// Event verbs that count only before one of `event_particles`:
    /// "agreed to" is a commitment, "agreed that …" an opinion.
    pub events_with_particle: Words,
    /// What must follow an event verb of `events_with_particle`.
    pub event_particles: Words,
    /// Verbs that make the outlet report someone's statement (the voice
    /// `reported`): "said", "vowed", "pledged", "accused".
    pub reporting: Words,
    /// Words of a ranking claim: "largest", "record", "first-ever".
    pub records: Words,
    /// Ordinal words that rank when followed by a noun and "to": "first", "second".
    pub ordinals: Words,
    /// Words that make a sentence speculation or opinion when no figure
    /// stands in it: "could", "might", "should".
    pub hedges: Words,
    /// Words that put what follows in the future: "will", "next".
    pub future: Words,
    /// Nouns that make the sentence analysis when they open it after a
    /// demonstrative ("This statement reflects …").
    pub analysis_subjects: Words,
    /// Words that make a number referential, not a count: "the" in "the two nations".
    pub referential: Words,
    /// Prepositions, determiners, conjunctions and pronouns: where a noun phrase ends.
    pub function_words: Words,
    /// Prepositions that attach a figure to the noun phrase before them
    /// ("investment … to $1 trillion", "an offer of $2.8 billion").
    pub figure_prepositions: Words,
    /// Prepositions a noun phrase may continue with ("trade deficit with Japan").
    pub phrase_prepositions: Words,
    /// Verbs linking a measured thing to its figure ("rose to", "was", "totaled").
    pub measure_verbs: Words,
    /// Words whose forms name the same thing ("died", "dead", "deaths" → "death").
    pub synonyms: Table<&'static str>,
    /// Prepositions that introduce a year ("in 2019", "by 2027", "since 1998").
    pub year_prepositions: Words,
    /// Words joining the two ends of a range: "to", "and", "through".
    pub range_joiners: Words,
    /// Words opening a range: "between", "from".
    pub range_openers: Words,
    /// Words that deny the event a verb after them reports: "never", "not".
    pub negations: Words,
    /// Words that put a date after them in the future: "will", "scheduled".
    pub future_near: Words,
    /// Words that put a date after them in the past: "did", "was", "since".
    pub past_near: Words,
    /// Qualifier words that before a length of time mark a span, not a
    /// bound: "over three years", "under a decade".
    pub span_words: Words,
}

impl Lang {
    /// Whether a qualifier phrase may start with `w` (lowercase): most words
    /// cannot, and are not compared with every phrase.
    pub fn starts_qualifier(&self, w: &str) -> bool {
        self.qualifier_starts.get_or_init(|| self.qualifiers.iter().map(|(ws, _)| ws[0]).collect()).contains(w)
    }
}

/// The tables of a language code, English when the code is unknown or
/// missing (digits, symbols and ISO dates are read the same in every one).
pub fn for_code(code: Option<&str>) -> &'static Lang {
    let base = code.map(base_code);
    LANGS.iter().copied().find(|l| base.is_some_and(|b| b.eq_ignore_ascii_case(l.code))).unwrap_or(&en::EN)
}

/// A language code without its region ("en-GB" → "en").
fn base_code(code: &str) -> &str {
    code.split(['-', '_']).next().unwrap_or(code)
}

/// Every language with tables.
static LANGS: &[&Lang] = &[&en::EN];

/// How speech is attributed in a language (ISO 639-1 code, region
/// subtags ignored), for the languages with a table of their own; English,
/// and a language without a table, are read by `attribution`.
pub fn speech_for(code: Option<&str>) -> Option<&'static speech::Speech> {
    let base = base_code(code?);
    SPEECH.iter().copied().find(|s| base.eq_ignore_ascii_case(s.code))
}

/// Every language with a speech table.
static SPEECH: &[&speech::Speech] = &[
    &ar::SPEECH,
    &de::SPEECH,
    &es::SPEECH,
    &fr::SPEECH,
    &id::SPEECH,
    &it::SPEECH,
    &ja::SPEECH,
    &ko::SPEECH,
    &nl::SPEECH,
    &pl::SPEECH,
    &pt::SPEECH,
    &ru::SPEECH,
    &tr::SPEECH,
    &zh::SPEECH,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_fallback() {
        assert_eq!(for_code(None).code, "en");
        assert_eq!(for_code(Some("en-GB")).code, "en");
        assert_eq!(for_code(Some("xx")).code, "en");
        assert_eq!(for_code(None).words.get("million"), Some(Lex::Scale(1e6)));
    }
}
