//! Claims: the sentences of an article's body that state something a
//! fact-checker can check — a figure, a date, a ranking or a concrete
//! event — in the outlet's own words or as someone's reported statement,
//! with their figures normalised into facts, each fact with the subject it
//! measures ("investment in the U.S."), and a check-worthiness score.
//!
//! What is not a claim: a sentence without any of these; opinion and
//! analysis ("This reflects …") and speculation ("could reshape …") unless
//! they carry a figure; questions; headings (a paragraph of one sentence
//! without a final stop); and a quotation whose attribution is the only
//! thing the reporter adds ("…," Trump said on Friday). Figures inside
//! quotation marks are the speaker's words: quotes, not the outlet's claims.
//!
//! Pure functions over the tokens the quote extractor already made: the
//! same sentences, the same names and the same attribution machinery.

use super::attribution::{self, Reporting, Salience, SpeakerKind};
use super::figures::{self, FactKind, Figure, Value};
use super::lang::{Lang, Qualifier};
use super::marks::Span;
use super::names::{Registry, lowercase};
use super::normalize;
use super::tokens::{Kind, Token};
use super::{CharIndex, QuoteKind};
use chrono::NaiveDate;
use std::borrow::Cow;
use std::ops::Range;

/// Whether the outlet states a claim itself or reports someone's statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// The outlet's own words.
    Outlet,
    /// Someone's statement the outlet reports ("X said …", "according to X").
    Reported,
}

impl Voice {
    /// The name stored in `claims.voice`.
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Outlet => "outlet",
            Voice::Reported => "reported",
        }
    }
}

/// A normalised fact of a claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// What it measures.
    pub kind: FactKind,
    /// Its value (the low end of a range).
    pub value: Value,
    /// The high end of a range or period.
    pub high: Option<Value>,
    /// Currency code, `%`/`pp`, or unit of time.
    pub unit: Option<&'static str>,
    /// "more than", "nearly", …
    pub qualifier: Option<Qualifier>,
    /// The noun phrase it measures, normalised for comparison ("japanese
    /// investment in us"); empty when the sentence does not say.
    pub subject: String,
    /// As written, qualifier included ("more than $1 trillion").
    pub text: String,
    /// Character offsets into the body.
    pub start: usize,
    /// Character offset past its end.
    pub end: usize,
    /// Significant digits as printed (0 for words and dates).
    pub precision: u32,
}

/// A claim found in an article's body.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Character offset of the sentence's first character in the body.
    pub start: usize,
    /// Character offset past its last character.
    pub end: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Source line of its paragraph.
    pub line: u64,
    /// The sentence, spaces collapsed.
    pub text: String,
    /// A hash of the sentence's words, case and spacing aside: two outlets
    /// printing the same sentence print one wording.
    pub wording: u64,
    /// Outlet or reported.
    pub voice: Voice,
    /// For reported claims, who made the statement, when resolved.
    pub speaker: Option<String>,
    /// Who they are: a person, a role, an organisation or unnamed people.
    pub speaker_kind: Option<SpeakerKind>,
    /// How the article named them.
    pub speaker_text: Option<String>,
    /// The reporting verb ("said", "pledged", "according to").
    pub cue: Option<String>,
    /// Check-worthiness in [0, 1]: a statistic ranks above a vague event.
    pub score: f64,
    /// Its normalised facts.
    pub facts: Vec<Fact>,
}

/// The body as the quote extractor read it.
pub struct Body<'a> {
    /// The stored body text.
    pub text: &'a str,
    /// Byte range of each paragraph.
    pub paragraphs: &'a [Range<usize>],
    /// Source line of each paragraph.
    pub lines: &'a [u64],
    /// Each paragraph's tokens (quotations are single tokens).
    pub tokens: &'a [Vec<Token>],
    /// Each paragraph's sentences, as token ranges.
    pub sentences: &'a [Vec<Range<usize>>],
    /// The quotation spans.
    pub spans: &'a [Span],
    /// The kind each span was given (None: not located).
    pub kinds: &'a [Option<QuoteKind>],
}

/// What a claim is read with: the language's tables, the article's
/// people, who was last named, and the date relative dates count from.
pub struct Reader<'a> {
    /// The language's tables.
    pub lang: &'a Lang,
    /// The article's people and roles.
    pub registry: &'a Registry,
    /// Who was named last, before each position.
    pub salience: &'a Salience,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
}

/// Sentences longer than this (in tokens) are not read for claims: a page
/// without full stops is one "sentence" of thousands of words, and no
/// checkable statement is that long.
const MAX_SENTENCE: usize = 160;

/// Every claim of the body, in text order.
pub fn find(body: &Body, reader: &Reader) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut chars = CharIndex::new(body.text);
    let reporting =
        Reporting { verbs: &reader.lang.reporting, before_to: &reader.lang.events, events: &reader.lang.events };
    for (p, toks) in body.tokens.iter().enumerate() {
        let sentences = &body.sentences[p];
        for range in sentences {
            let mut sent = &toks[range.clone()];
            // A quotation continued from an earlier paragraph belongs to it.
            while let Some(Token { kind: Kind::Quote(k), .. }) = sent.first() {
                if body.spans[*k].first_paragraph < p {
                    sent = &sent[1..];
                } else {
                    break;
                }
            }
            if sent.is_empty() || sent.len() > MAX_SENTENCE {
                continue;
            }
            let heading = sentences.len() == 1 && !ends_sentence(body, sent);
            if heading || is_question(body.text, sent) {
                continue;
            }
            if let Some(c) = claim(body, reader, &reporting, p, sent, &mut chars) {
                out.push(c);
            }
        }
    }
    out
}

fn ends_sentence(body: &Body, sent: &[Token]) -> bool {
    let last = sent[sent.len() - 1];
    let closing = match last.kind {
        Kind::Quote(k) => {
            let s = &body.spans[k];
            &body.text[s.pieces[s.pieces.len() - 1].clone()]
        }
        _ => last.text(body.text),
    };
    closing.trim_end().ends_with(['.', '!', '?', '…', ':', ';'])
}

/// The reporter asks (a question quoted from someone is theirs).
fn is_question(text: &str, sent: &[Token]) -> bool {
    sent.last().is_some_and(|t| t.is_punct(text, '?'))
}

fn claim(
    body: &Body,
    reader: &Reader,
    reporting: &Reporting,
    p: usize,
    sent: &[Token],
    chars: &mut CharIndex,
) -> Option<Claim> {
    let text = body.text;
    let lang = reader.lang;
    let words: Vec<&Token> = sent.iter().filter(|t| t.kind == Kind::Word).collect();
    if words.len() < 4 {
        return None;
    }
    let lower = |t: &Token| lowercase(t.text(text));
    let future = words.iter().any(|t| lang.future.contains(&lower(t)));
    let scan = figures::scan(text, sent, lang, reader.published, future);
    let numeric = scan.figures.iter().any(|f| !f.kind.temporal());
    let temporal = scan.figures.iter().any(|f| f.kind.temporal()) || scan.unresolved_time;
    let event = has_event(text, sent, lang);
    if !(numeric || temporal || scan.record || event) {
        return None;
    }
    let quoted_full = sent.iter().any(|t| matches!(t.kind, Kind::Quote(k) if body.kinds[k] == Some(QuoteKind::Full)));
    // `"…," Trump said on Friday.`: a date of the attribution only.
    if quoted_full && !numeric && !scan.record && !event {
        return None;
    }
    if !numeric {
        let hedged = words.iter().any(|t| lang.hedges.contains(&lower(t)));
        let analysis = opens_analysis(text, &words, lang) && !temporal;
        if hedged || analysis {
            return None;
        }
    }
    // Attribution reads the reporter's words only.
    let plain: Vec<Token> = sent.iter().copied().filter(|t| !matches!(t.kind, Kind::Quote(_))).collect();
    let reported = attribution::reported_by(text, &plain, reporting, reader.registry, reader.salience);
    let first = sent[0];
    let last = sent[sent.len() - 1];
    let sentence = normalize::squash_spaces(&text[first.start..last.end]);
    let start = chars.at(first.start);
    let end = chars.at(last.end);
    let lowered: Vec<Option<Cow<str>>> =
        sent.iter().map(|t| (t.kind == Kind::Word).then(|| lowercase(t.text(text)))).collect();
    let mut facts = Vec::with_capacity(scan.figures.len());
    for f in &scan.figures {
        let lead = sent[f.lead];
        let tail = sent[f.end - 1];
        let fact = Fact {
            kind: f.kind,
            value: f.value.clone(),
            high: f.high.clone(),
            unit: f.unit,
            qualifier: f.qualifier,
            subject: subject(&lowered, f, lang),
            text: normalize::squash_spaces(&text[lead.start..tail.end]),
            start: chars.at(lead.start),
            end: chars.at(tail.end),
            precision: f.precision,
        };
        // The same figure twice in a sentence is one fact of it.
        if !facts
            .iter()
            .any(|g: &Fact| g.kind == fact.kind && g.value == fact.value && g.high == fact.high && g.unit == fact.unit)
        {
            facts.push(fact);
        }
    }
    let voice = if reported.is_some() { Voice::Reported } else { Voice::Outlet };
    let named = reported.as_ref().is_some_and(|a| a.speaker_kind == Some(SpeakerKind::Person));
    let score = score(&scan.figures, scan.record, event, named, words.iter().any(|t| lang.hedges.contains(&lower(t))));
    let (speaker, speaker_kind, speaker_text, cue) = match reported {
        Some(a) => (a.speaker, a.speaker_kind, a.speaker_text, a.cue),
        None => (None, None, None, None),
    };
    Some(Claim {
        start,
        end,
        paragraph: p,
        line: body.lines[p],
        wording: wording_hash(&sentence),
        text: sentence,
        voice,
        speaker,
        speaker_kind,
        speaker_text,
        cue,
        score,
        facts,
    })
}

/// See [`Claim::wording`].
fn wording_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        for c in w.chars().flat_map(char::to_lowercase) {
            c.hash(&mut h);
        }
        ' '.hash(&mut h);
    }
    h.finish()
}

/// Whether the reporter's words report a concrete event: an event verb,
/// lowercase (a capitalised "Met" is a name), not denied ("never"), and
/// for verbs such as "agreed" only before "to" ("agreed that …" agrees on
/// an opinion).
fn has_event(text: &str, sent: &[Token], lang: &Lang) -> bool {
    sent.iter().enumerate().any(|(k, t)| {
        if t.kind != Kind::Word || t.is_capitalized(text) {
            return false;
        }
        let w = lowercase(t.text(text));
        if !lang.events.contains(&w) {
            return false;
        }
        // "have never been established" reports that nothing happened.
        if sent[k.saturating_sub(3)..k].iter().any(|t| lang.negations.contains(&lowercase(t.text(text)))) {
            return false;
        }
        if lang.events_with_particle.contains(&w) {
            return sent.get(k + 1).is_some_and(|n| lang.event_particles.contains(&lowercase(n.text(text))));
        }
        true
    })
}

/// "This statement reflects …", "These remarks indicate …": a sentence
/// about the story rather than of it.
fn opens_analysis(text: &str, words: &[&Token], lang: &Lang) -> bool {
    let Some(first) = words.first() else { return false };
    let w = lowercase(first.text(text));
    if !matches!(w.as_ref(), "this" | "these" | "that" | "those" | "such") {
        return false;
    }
    words[1..words.len().min(4)].iter().any(|t| lang.analysis_subjects.contains(&lowercase(t.text(text))))
}

/// Check-worthiness: a noisy-or of what the sentence holds, so each kind
/// of evidence adds and the score stays in [0, 1]. Money and percentages
/// weigh most, a vague event least; hedging lowers it.
fn score(figures: &[Figure], record: bool, event: bool, named: bool, hedged: bool) -> f64 {
    let mut miss: f64 = 1.0;
    let mut seen = Vec::new();
    for f in figures {
        if seen.contains(&f.kind) {
            miss *= 0.9;
            continue;
        }
        seen.push(f.kind);
        miss *= 1.0
            - match f.kind {
                FactKind::Money | FactKind::Percent => 0.5,
                FactKind::Number => 0.4,
                FactKind::Duration => 0.25,
                FactKind::Date | FactKind::Year | FactKind::Period => 0.25,
            };
    }
    if record {
        miss *= 0.7;
    }
    if event {
        miss *= 0.8;
    }
    if named {
        miss *= 0.9;
    }
    let s = 1.0 - miss;
    let s = if hedged { s * 0.7 } else { s };
    (s * 1000.0).round() / 1000.0
}

/// The noun phrase a figure measures, normalised: the phrase it modifies
/// ("the $100 billion trade deficit with Japan"), or the phrase it is
/// attached to ("investment in the U.S. to $1 trillion", "the rate rose to
/// 4.1%"), or for a date the event it places ("met Kim in 2018").
/// `lowered` holds the sentence's tokens in lowercase (`None` for
/// punctuation and quotations).
fn subject(lowered: &[Option<Cow<str>>], f: &Figure, lang: &Lang) -> String {
    let word = |k: usize| -> Option<String> { lowered.get(k).and_then(|w| w.as_deref()).map(str::to_owned) };
    let is_stop = |w: &str| lang.function_words.contains(w) && !lang.phrase_prepositions.contains(w);
    // An -ing word after a noun or a determiner is a noun ("its defense
    // spending"); after anything else a verb ("increasing investment").
    let verbish = |k: usize, w: &str| {
        let gerund = w.len() > 5
            && w.ends_with("ing")
            && !k.checked_sub(1).and_then(word).is_some_and(|p| {
                !lang.function_words.contains(&p)
                    || matches!(p.as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our")
            });
        lang.measure_verbs.contains(w) || lang.events.contains(w) || lang.reporting.contains(w) || gerund
    };
    // Words of a noun phrase from `k` forward: "U.S. trade deficit with
    // Japan"; `clause` reads on through a verb to its object ("voters back
    // the X plan" of "37% of voters back the X plan").
    let forward = |k: usize, clause: bool| -> Vec<String> {
        let mut out = Vec::new();
        let mut j = k;
        let mut prep = false;
        while let Some(w) = word(j) {
            if out.len() >= if clause { 9 } else { 6 } || verbish(j, &w) || w.starts_with(|c: char| c.is_ascii_digit())
            {
                break;
            }
            if clause && matches!(w.as_str(), "the" | "a" | "an") {
                j += 1;
                continue;
            }
            if lang.phrase_prepositions.contains(&w) {
                if prep || out.is_empty() {
                    break;
                }
                prep = true;
            } else if is_stop(&w) && !(prep && matches!(w.as_str(), "the" | "a" | "an")) {
                break;
            }
            out.push(w);
            j += 1;
        }
        while out.last().is_some_and(|w| lang.function_words.contains(w)) {
            out.pop();
        }
        out
    };
    // Words of a noun phrase ending at `k`, read backward: "Japanese investment in the U.S.".
    let backward = |k: usize, take_verb: bool| -> Vec<String> {
        let mut out = Vec::new();
        let mut j = k as isize;
        while j >= 0 {
            let Some(w) = word(j as usize) else { break };
            if out.len() >= 7 {
                break;
            }
            if verbish(j as usize, &w) {
                if take_verb && !out.is_empty() {
                    out.push(w);
                }
                break;
            }
            // "particularly", "recently": an adverb ends the phrase.
            if w.len() > 5 && w.ends_with("ly") {
                break;
            }
            if is_stop(&w) && !matches!(w.as_str(), "the" | "a" | "an") {
                break;
            }
            out.push(w);
            j -= 1;
        }
        out.reverse();
        while out.first().is_some_and(|w| lang.function_words.contains(w) || lang.phrase_prepositions.contains(w)) {
            out.remove(0);
        }
        out
    };
    let before = f.lead.checked_sub(1);
    let mut phrase: Vec<String> = Vec::new();
    if f.kind.temporal() {
        // "… citizens during the 1970s": past the article and the
        // preposition to the phrase (or the verb: "met Kim in 2018").
        let mut b = before;
        while let Some(k) = b.filter(|&k| word(k).is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))) {
            b = k.checked_sub(1);
        }
        if let Some(b) = b {
            let k = if word(b).is_some_and(|w| lang.year_prepositions.contains(&w) || w == "on") { b } else { b + 1 };
            if let Some(k) = k.checked_sub(1) {
                phrase = backward(k, true);
            }
        }
    } else {
        // "50% of voters", "80 of the 120 seats".
        if word(f.end).is_some_and(|w| w == "of") {
            let k = if word(f.end + 1).is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an" | "its" | "their")) {
                f.end + 2
            } else {
                f.end + 1
            };
            phrase = forward(k, true);
            // "23 of the dead": a part of what is counted, measured by
            // nothing else; the subject keeps its "of", and so names no head.
            if f.kind == FactKind::Number && !phrase.is_empty() {
                phrase.insert(0, "of".to_owned());
            }
        }
        if phrase.is_empty() {
            phrase = forward(f.end, false);
            // "80 people were killed": what happened to them says what is counted.
            if f.kind == FactKind::Number {
                let mut k = f.end + phrase.len();
                while word(k)
                    .is_some_and(|w| matches!(w.as_str(), "were" | "was" | "have" | "had" | "been" | "are" | "is"))
                {
                    k += 1;
                }
                if let Some(w) = word(k).filter(|w| lang.events.contains(w) || lang.synonyms.get(w).is_some()) {
                    phrase.push(w);
                }
            }
        }
        if phrase.is_empty()
            && let Some(mut k) = before
        {
            // Skip what links the phrase to the figure: "rose to", "was", "of".
            let mut skipped = 0;
            while skipped < 3
                && word(k).is_some_and(|w| lang.figure_prepositions.contains(&w) || lang.measure_verbs.contains(&w))
            {
                skipped += 1;
                match k.checked_sub(1) {
                    Some(j) => k = j,
                    None => break,
                }
            }
            if skipped > 0 {
                phrase = backward(k, false);
            }
        }
    }
    normalize_subject(&phrase, lang)
}

/// A subject for comparison: lowercase content words, determiners
/// dropped, plurals made singular, and the forms a language uses for the
/// same thing made one ("dead", "killed", "deaths" → "death").
pub fn normalize_subject(words: &[String], lang: &Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).map_or(w.clone(), str::to_owned);
        if w.is_empty() || (lang.function_words.contains(&w) && !lang.phrase_prepositions.contains(&w)) {
            continue;
        }
        let w = match lang.synonyms.get(&w) {
            Some(s) => s.to_owned(),
            None => singular(&w),
        };
        let w = lang.synonyms.get(&w).map_or(w, str::to_owned);
        if out.last() != Some(&w) {
            out.push(w);
        }
    }
    while out.last().is_some_and(|w| lang.phrase_prepositions.contains(w)) {
        out.pop();
    }
    out.join(" ")
}

/// An English-style plural made singular ("deficits" → "deficit",
/// "casualties" → "casualty"); other words as they are.
pub fn singular(w: &str) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    let invariable = ["ss", "us", "is", "news", "series", "species"].iter().any(|e| w.ends_with(e));
    if w.len() > 3 && w.ends_with('s') && !invariable {
        return w[..w.len() - 1].to_owned();
    }
    w.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_compare_across_wordings() {
        let lang = super::super::lang::for_code(Some("en"));
        let s = |ws: &[&str]| normalize_subject(&ws.iter().map(|w| w.to_string()).collect::<Vec<_>>(), lang);
        assert_eq!(s(&["the", "U.S.", "trade", "deficits"]), "us trade deficit");
        assert_eq!(s(&["people", "killed"]), "people death");
        assert_eq!(s(&["dead"]), "death");
    }
}
