//! Who said a quotation, with which words the article says so, and whether
//! it is a full quotation, a fragment woven into the reporter's sentence,
//! or a term in quotation marks that nobody said.
//!
//! Patterns, in the order they are tried:
//! 1. right after the quotation: `"…," Trump said`, `"…," said the minister`,
//!    `"…," Rep. Jim Jordan (R-Ohio), an oversight panel member, said`,
//!    `"…" ― Steve Quinlan`;
//! 2. right before it: `Trump said: "…"`, `Ishiba warned, "…"`,
//!    `…, saying "…"` (the clause's subject), `according to X, "…"`;
//! 3. a short next sentence that only attributes it: `"It is done." Trump said.`;
//! 4. elsewhere in the sentence: `Ishiba, for his part, said … a "serious threat"`,
//!    `Said Ellis: "…"`;
//! 5. the sentence's subject: `Ishiba committed … "in a mutually beneficial way."`;
//! 6. a quotation standing alone: introduced by a colon, continuing the
//!    speech of an earlier quotation of the paragraph (or of the paragraph
//!    before), or following `…, Schiff said.` or a sentence about its speaker.
//!
//! "he"/"she" resolve to the subject of the quotation's own sentence, else
//! to the person last named as a subject; roles ("the president") to the
//! person the article gives that role.

use super::lexicon::{self, Words, has};
use super::names::{Found, Registry, Role, Subject, lowercase, person_like, subject_at};
use super::tokens::{Kind, Token};
use std::borrow::Cow;
use std::collections::HashSet;

/// The three kinds of quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// A quoted sentence or more.
    Full,
    /// A fragment inside the reporter's sentence.
    Partial,
    /// A term or name in quotation marks, not speech.
    Mention,
}

impl QuoteKind {
    /// The name stored in `quotes.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Mention => "mention",
        }
    }
}

/// Who a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    /// A named person ("Corinne Hale"), or a role or short mention resolved
    /// to the person the article names for it.
    Person,
    /// A person known only by a role nobody in the article is named for
    /// ("the police commissioner", "a ministry source").
    Role,
    /// An institution, company or body ("the White House", "the campaign").
    Organisation,
    /// Unnamed people: "officials", "protesters", "a source familiar with
    /// the talks".
    Anonymous,
}

impl SpeakerKind {
    /// The name stored in `speakers.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Role => "role",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Anonymous => "anonymous",
        }
    }
}

/// The result of attributing one quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Canonical speaker, when resolved.
    pub speaker: Option<String>,
    /// Who the speaker is: a person, a role, an organisation or unnamed people.
    pub speaker_kind: Option<SpeakerKind>,
    /// The words naming the speaker, as written ("the prime minister").
    pub speaker_text: Option<String>,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<String>,
    /// Full, partial or mention.
    pub kind: QuoteKind,
}

/// A quotation in its sentence, and what came before it in its paragraph.
pub struct Context<'a> {
    /// The region text the tokens point into.
    pub text: &'a str,
    /// Tokens before the quotation, in its sentence.
    pub left: &'a [Token],
    /// Tokens after the quotation, in its sentence.
    pub right: &'a [Token],
    /// The next sentence of the paragraph, when the quotation ends its own.
    pub next: &'a [Token],
    /// The previous sentence of the same paragraph.
    pub previous: &'a [Token],
    /// Everything of the paragraph before the quotation's sentence.
    pub before: &'a [Token],
    /// The last sentence of the previous paragraph, when the quotation opens
    /// its own paragraph.
    pub introduction: &'a [Token],
    /// The quotation fills its paragraph.
    pub alone_in_paragraph: bool,
    /// The quoted words.
    pub quoted: &'a str,
    /// Byte offset of the opening mark.
    pub at: usize,
}

/// What earlier quotations tell about a quotation standing alone.
#[derive(Default)]
pub struct Earlier<'a> {
    /// The last attributed quotation earlier in the same paragraph.
    pub in_paragraph: Option<&'a Attribution>,
    /// The last quotation of the previous paragraph, when this quotation
    /// opens its paragraph right after it.
    pub continued: Option<&'a Attribution>,
}

/// Persons named as subjects, in text order, for resolving pronouns.
#[derive(Debug, Default)]
pub struct Salience {
    /// Subjects found in the text, by byte position.
    mentions: Vec<(usize, String)>,
    /// Speakers of quotations attributed so far, by byte position; noted in
    /// text order, so appending keeps it sorted.
    spoke: Vec<(usize, String)>,
}

impl Salience {
    /// Records the people that `tokens` (a sentence) names in subject
    /// position. A one-word name counts only when `speakers` (names seen
    /// attributing speech in this article) has it, or the article gives
    /// its full form: a capitalised word before a verb is often no person.
    pub fn learn(&mut self, text: &str, tokens: &[Token], registry: &Registry, speakers: &HashSet<String>) {
        let mut i = 0;
        while i < tokens.len() {
            match subject_at(text, tokens, i) {
                Some(f) => {
                    if !f.possessive
                        && verb_follows(text, tokens, f.end)
                        && let Some(person) = resolve_named(&f, registry, tokens[i].start)
                            .filter(|p| person_like(p) && (p.contains(' ') || speakers.contains(p)))
                    {
                        self.mentions.push((tokens[i].start, person));
                    }
                    i = f.end.max(i + 1);
                }
                None => i += 1,
            }
        }
    }

    /// Records that `person` is named at byte `pos`; mentions are noted in
    /// text order.
    pub fn mention(&mut self, pos: usize, person: &str) {
        self.mentions.push((pos, person.to_owned()));
    }

    /// Records that `person` spoke at byte `pos` (an attributed quotation);
    /// quotations are noted in text order.
    pub fn note(&mut self, pos: usize, person: &str) {
        self.spoke.push((pos, person.to_owned()));
    }

    /// The person last named before byte `pos`.
    pub fn before(&self, pos: usize) -> Option<&str> {
        self.last_before(pos).map(|(_, name)| name)
    }

    /// The person last named before byte `pos`, and where.
    pub fn last_before(&self, pos: usize) -> Option<(usize, &str)> {
        match (last(&self.mentions, pos), last(&self.spoke, pos)) {
            (Some(m), Some(s)) => Some(if s.0 >= m.0 { s } else { m }),
            (m, s) => m.or(s),
        }
    }
}

/// The last entry of `v` (sorted by position) before `pos`.
fn last(v: &[(usize, String)], pos: usize) -> Option<(usize, &str)> {
    v[..v.partition_point(|(p, _)| *p < pos)].last().map(|(p, s)| (*p, s.as_str()))
}

/// The names that attribute speech anywhere in `tokens` ("Schiff said"):
/// one-word names among them are people.
pub fn speaking_names(text: &str, tokens: &[Token], registry: &Registry, out: &mut HashSet<String>) {
    for c in 0..tokens.len() {
        if is_cue(text, &tokens[c])
            && let Some(f) = subject_before(text, tokens, c)
            && let Subject::Name { name, .. } = &f.subject
        {
            out.insert(registry.canonical(name));
        }
    }
}

/// Irregular past tenses that follow a subject ("Trump met Kim").
#[rustfmt::skip]
static IRREGULAR_PAST: Words = Words::new(&[
    "met", "went", "made", "took", "gave", "came", "saw", "held", "led", "left", "won", "lost", "ran", "spoke",
    "sent", "became", "began", "brought", "thought", "felt", "kept", "knew", "found", "put", "set", "hit", "cut",
    "stood", "sat", "fell", "grew", "drew", "threw", "chose", "rose", "drove", "flew", "wore", "broke", "spent",
    "paid", "sold", "bought", "built", "meant", "heard", "sought", "fought", "taught", "caught", "struck", "likened",
]);

/// Whether a verb follows a subject that ends at token `k` (asides and
/// adverbs allowed in between).
fn verb_follows(text: &str, tokens: &[Token], k: usize) -> bool {
    let k = skip_asides(text, tokens, k);
    let verb_at = |k: usize| tokens.get(k).is_some_and(|t| looks_like_verb(text, t));
    verb_at(k) || verb_at(skip_adverbs(text, tokens, k))
}

/// A lowercase word that reads as a finite verb: a reporting verb, an
/// auxiliary, an irregular past, or a word ending in -ed or -s.
fn looks_like_verb(text: &str, t: &Token) -> bool {
    if t.kind != Kind::Word || t.is_capitalized(text) {
        return false;
    }
    let w = word(text, t);
    !w.contains(['\'', '’'])
        && (has(&lexicon::CUE_VERBS, &w)
            || has(&lexicon::AUXILIARIES, &w)
            || has(&IRREGULAR_PAST, &w)
            || (w.len() > 3 && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))))
}

/// Conjunctions that start a new clause, not an aside.
static CLAUSE_STARTS: Words =
    Words::new(&["and", "but", "or", "while", "as", "so", "yet", "because", "although", "though"]);

/// Skips what may stand between a subject and its verb: "(R-Ohio)",
/// ", an oversight panel member,", ", which represents …,", "— who … —".
/// Consecutive asides share their commas.
fn skip_asides(text: &str, tokens: &[Token], mut k: usize) -> usize {
    for _ in 0..4 {
        let Some(t) = tokens.get(k) else { break };
        if t.is_punct(text, '(') {
            match (k + 1..tokens.len().min(k + 16)).find(|&j| tokens[j].is_punct(text, ')')) {
                Some(c) => k = c + 1,
                None => break,
            }
            continue;
        }
        let Some(c) = comma_aside(text, tokens, k) else { break };
        // The closing comma may open the next aside.
        k = if comma_aside(text, tokens, c).is_some() { c } else { c + 1 };
    }
    k
}

/// The closing mark of an aside opened by the comma or dash at `k`: a
/// stretch of the reporter's words that neither starts a clause nor holds
/// a quotation or a reporting verb.
fn comma_aside(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let t = tokens.get(k)?;
    let mark = if t.is_punct(text, ',') {
        ','
    } else if t.is_punct(text, '—') {
        '—'
    } else {
        return None;
    };
    // An aside describes; a predicate ("…, poked at …,") or a clause does not.
    let first = tokens.get(k + 1)?;
    if first.kind != Kind::Word
        || has(&CLAUSE_STARTS, &word(text, first))
        || looks_like_verb(text, first)
        || is_participle(text, first)
    {
        return None;
    }
    let c = (k + 1..tokens.len().min(k + 20)).find(|&j| tokens[j].is_punct(text, mark))?;
    tokens[k + 1..c]
        .iter()
        .all(|t| !matches!(t.kind, Kind::Quote(_)) && !t.is_punct(text, ';') && !t.is_punct(text, ':'))
        .then_some(c)
}

/// Skips adverbs and auxiliaries between a subject and its verb ("later", "has").
fn skip_adverbs(text: &str, tokens: &[Token], mut k: usize) -> usize {
    let mut n = 0;
    let adverb = |t: &Token| {
        let w = word(text, t);
        t.kind == Kind::Word && (has(&lexicon::CUE_ADVERBS, &w) || (w.len() > 4 && w.ends_with("ly")))
    };
    while n < 2 && tokens.get(k).is_some_and(adverb) {
        k += 1;
        n += 1;
    }
    k
}

fn is_cue(text: &str, t: &Token) -> bool {
    t.kind == Kind::Word && has(&lexicon::CUE_VERBS, &word(text, t))
}

fn is_participle(text: &str, t: &Token) -> bool {
    t.kind == Kind::Word && has(&lexicon::CUE_PARTICIPLES, &word(text, t))
}

fn is_dash(text: &str, t: &Token) -> bool {
    t.kind == Kind::Punct && matches!(t.text(text), "―" | "—" | "–" | "-")
}

/// Who a subject is as a source: the person it names, or the person the
/// article names for its role; else the role, body or group itself.
fn source_of(f: &Found, registry: &Registry, pos: usize) -> Option<(String, SpeakerKind)> {
    match &f.subject {
        Subject::Name { name, .. } => {
            let name = registry.canonical(name);
            let kind = name_kind(&name);
            Some((name, kind))
        }
        Subject::Role(role) => Some(match registry.holder(role, pos) {
            Some(person) => (person, SpeakerKind::Person),
            None => (unnamed(&f.written), role_kind(role)),
        }),
        Subject::Pronoun(_) => None,
    }
}

/// A name's kind by its last word: "Yahoo News", "the White House" are
/// bodies, "Democrats" unnamed people.
fn name_kind(name: &str) -> SpeakerKind {
    let last = lowercase(name.rsplit(' ').next().unwrap_or(name));
    let first = lowercase(name.split(' ').next().unwrap_or(name));
    // "Gov. Earl Ray Tomblin of West Virginia" ends in a place, but is titled.
    if name.contains(' ') && (has(&lexicon::TITLES, &first) || has(&lexicon::HONORIFICS, &first)) {
        return SpeakerKind::Person;
    }
    if has(&lexicon::GROUP_NOUNS, &last) {
        SpeakerKind::Anonymous
    } else if person_like(name) {
        SpeakerKind::Person
    } else {
        SpeakerKind::Organisation
    }
}

/// A role nobody is named for: unnamed people when its head says so and
/// nothing in front of it says whose ("officials", "a source familiar with
/// the talks", not "a ministry source"); a body; else a role.
fn role_kind(role: &Role) -> SpeakerKind {
    if has(&lexicon::BODY_NOUNS, &role.head) {
        SpeakerKind::Organisation
    } else if has(&lexicon::GROUP_NOUNS, &role.head) && (role.mods.is_empty() || role.head.ends_with('s')) {
        SpeakerKind::Anonymous
    } else {
        SpeakerKind::Role
    }
}

/// A role as a speaker's name: as written, without its article, its
/// common nouns in lowercase ("The Police Commissioner" → "police
/// commissioner", "Protesters" → "protesters", "the Republican nominee"
/// keeps its capital).
fn unnamed(written: &str) -> String {
    let mut words: Vec<&str> = written.split_whitespace().collect();
    if words.len() > 1 && matches!(&*lowercase(words[0]), "the" | "a" | "an" | "his" | "her" | "their" | "its") {
        words.remove(0);
    }
    words
        .iter()
        .map(|w| {
            let low = lowercase(w);
            let common = lexicon::is_role(&low)
                || has(&lexicon::TITLES, &low)
                || has(&lexicon::NOT_NAMES, &low)
                || has(&lexicon::GROUP_NOUNS, &low)
                || has(&lexicon::BODY_NOUNS, &low);
            if common { low.into_owned() } else { (*w).to_owned() }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name or role resolved to a person of the article.
fn resolve_named(f: &Found, registry: &Registry, pos: usize) -> Option<String> {
    match &f.subject {
        Subject::Name { name, .. } => Some(registry.canonical(name)),
        Subject::Role(role) => registry.holder(role, pos),
        Subject::Pronoun(_) => None,
    }
}

/// The subject of the verb at token `cue`: the subject from which the
/// asides lead exactly to the verb. Of several, a person before a place or
/// organisation, then the first ("Marc H. Morial, the chief executive of
/// the National Urban League, told" is Morial).
fn subject_before(text: &str, tokens: &[Token], cue: usize) -> Option<Found> {
    let lo = (0..cue)
        .rev()
        .take(40)
        .find(|&j| {
            matches!(tokens[j].kind, Kind::Quote(_)) || tokens[j].is_punct(text, ';') || tokens[j].is_punct(text, ':')
        })
        .map_or(cue.saturating_sub(40), |j| j + 1);
    let mut best: Option<(bool, Found)> = None;
    let mut s = lo;
    while s < cue {
        if let Some(f) = subject_at(text, tokens, s).filter(|f| !f.possessive && f.end <= cue)
            && skip_adverbs(text, tokens, skip_asides(text, tokens, f.end)) == cue
        {
            let person = match &f.subject {
                Subject::Name { name, .. } => person_like(name),
                _ => true,
            };
            if best.as_ref().is_none_or(|(p, _)| person && !p) {
                best = Some((person, f));
            }
        }
        s += 1;
    }
    best.map(|(_, f)| f)
}

/// Who does what a participle says: the name right before it ("footage of
/// Trump saying"), else the subject of the clause ("Trump praised Kim, saying").
fn participle_subject(text: &str, before: &[Token]) -> Option<Found> {
    let n = before.len();
    (n.saturating_sub(6)..n)
        .filter_map(|s| subject_at(text, before, s))
        .find(|f| f.end == n && !f.possessive && matches!(f.subject, Subject::Name { .. }))
        .or_else(|| clause_subject(text, before))
}

/// "Donald Trump's claim that …": the possessor of a word for something said.
fn possessor_of_speech(text: &str, l: &[Token]) -> Option<Found> {
    let n = l.len();
    (n.saturating_sub(8)..n).rev().find_map(|i| {
        let noun = word(text, &l[i]);
        if !has(&lexicon::SPEECH_NOUNS, &noun) {
            return None;
        }
        let mut j = i;
        // "Trump's repeated claim": one adjective may stand between.
        if j >= 1
            && l[j - 1].kind == Kind::Word
            && !l[j - 1].is_capitalized(text)
            && !l[j - 1].text(text).contains(['\'', '’'])
        {
            j -= 1;
        }
        (j.saturating_sub(5)..j)
            .filter_map(|s| subject_at(text, l, s))
            .find(|f| f.end == j && f.possessive && matches!(f.subject, Subject::Name { .. }))
    })
}

/// The subject of the clause: the first subject followed by a verb.
fn clause_subject(text: &str, tokens: &[Token]) -> Option<Found> {
    let mut i = 0;
    while i < tokens.len() {
        if let Some(f) = subject_at(text, tokens, i) {
            if !f.possessive && verb_follows(text, tokens, f.end) {
                return Some(f);
            }
            i = f.end.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

struct Hit {
    who: Found,
    cue: Option<String>,
    /// Attached directly to the quotation (before or after it).
    direct: bool,
    /// Introduced by "that": grammatically a fragment.
    via_that: bool,
}

fn word<'a>(text: &'a str, t: &Token) -> Cow<'a, str> {
    lowercase(t.text(text))
}

/// A subject at `j`, allowing lowercase words that end in a role before a
/// name: "campaign manager Kellyanne Conway", "nurse union president Grace Obi".
fn subject_after_descriptors(text: &str, r: &[Token], j: usize) -> Option<Found> {
    if let Some(f) = subject_at(text, r, j) {
        return Some(f);
    }
    let mut k = j;
    while k < r.len() && k < j + 4 && r[k].kind == Kind::Word && !r[k].is_capitalized(text) {
        k += 1;
    }
    let ends_in_role = k > j && has(&lexicon::DESCRIPTORS, &word(text, &r[k - 1]));
    ends_in_role.then(|| subject_at(text, r, k)).flatten().filter(|f| matches!(f.subject, Subject::Name { .. }))
}

/// `"…," Trump said` / `"…," said Trump` / `"…" ― Steve Quinlan`.
fn right_direct(text: &str, r: &[Token]) -> Option<Hit> {
    let mut j = 0;
    while j < r.len() && r[j].kind == Kind::Punct && matches!(r[j].text(text), "," | "—" | "–" | "-" | "―" | "(")
    {
        j += 1;
    }
    if let Some(f) = subject_after_descriptors(text, r, j).filter(|f| !f.possessive) {
        let k = skip_adverbs(text, r, skip_asides(text, r, f.end));
        if let Some(c) = r.get(k).filter(|t| is_cue(text, t)) {
            return Some(Hit { cue: Some(word(text, c).into_owned()), who: f, direct: true, via_that: false });
        }
        // An epigraph's byline: the quotation, a dash, a name, nothing more.
        let ends = f.end == r.len() || r[f.end..].iter().all(|t| t.kind == Kind::Punct);
        if j > 0 && is_dash(text, &r[j - 1]) && ends && matches!(f.subject, Subject::Name { .. }) {
            return Some(Hit { cue: None, who: f, direct: true, via_that: false });
        }
    }
    let c = r.get(j).filter(|t| is_cue(text, t))?;
    let f = subject_after_descriptors(text, r, j + 1).filter(|f| !f.possessive)?;
    Some(Hit { cue: Some(word(text, c).into_owned()), who: f, direct: true, via_that: false })
}

/// A next sentence that does nothing but attribute: "Trump said." or
/// "Trump said at the rally."; not a sentence with its own quotation or news.
fn attribution_sentence(text: &str, next: &[Token]) -> Option<Hit> {
    if next.iter().any(|t| matches!(t.kind, Kind::Quote(_))) || next.len() > 12 {
        return None;
    }
    let h = right_direct(text, next)?;
    let cue_at = next.iter().position(|t| is_cue(text, t))?;
    let after = &next[cue_at + 1..];
    // "Trump said, looking out on the crowd." is still only an attribution.
    let short = after.iter().take_while(|t| !t.is_punct(text, ',')).filter(|t| t.kind == Kind::Word).count() <= 5;
    let no_clause = !after.iter().any(|t| matches!(&*word(text, t), "that" | "he" | "she" | "they" | "it"));
    (short && no_clause).then_some(h)
}

/// `Trump said: "…"`, `Ishiba warned, "…"`, `…, saying "…"`, `according to X, "…"`.
fn left_direct(text: &str, l: &[Token]) -> Option<Hit> {
    let mut e = l.len();
    let mut colon = false;
    while e > 0 && l[e - 1].kind == Kind::Punct && matches!(l[e - 1].text(text), ":" | "," | "—" | "–") {
        colon |= l[e - 1].text(text) == ":";
        e -= 1;
    }
    let via_that = e > 0 && word(text, &l[e - 1]) == "that";
    if via_that {
        e -= 1;
    }
    if e == 0 {
        return None;
    }
    let last = &l[e - 1];
    if is_cue(text, last)
        && let Some(f) = subject_before(text, l, e - 1)
    {
        return Some(Hit { cue: Some(word(text, last).into_owned()), who: f, direct: true, via_that });
    }
    if is_participle(text, last)
        && let Some(f) = participle_subject(text, &l[..e - 1])
    {
        return Some(Hit { cue: Some(word(text, last).into_owned()), who: f, direct: true, via_that });
    }
    // "according to the spokesman," right before the quotation.
    if let Some(a) = (0..e.saturating_sub(1))
        .rev()
        .take(8)
        .find(|&k| word(text, &l[k]) == "according" && word(text, &l[k + 1]) == "to")
        && let Some(f) = subject_at(text, l, a + 2).filter(|f| !f.possessive && skip_asides(text, l, f.end) >= e)
    {
        return Some(Hit { cue: Some("according to".into()), who: f, direct: true, via_that });
    }
    // "Trump said at a news conference: …"
    if colon {
        return inline_left(text, &l[..e]).map(|h| Hit { direct: true, ..h });
    }
    None
}

/// The nearest `X said` before the quotation in its sentence.
fn inline_left(text: &str, l: &[Token]) -> Option<Hit> {
    for c in (0..l.len()).rev() {
        if is_cue(text, &l[c]) {
            if let Some(f) = subject_before(text, l, c) {
                return Some(Hit { cue: Some(word(text, &l[c]).into_owned()), who: f, direct: false, via_that: false });
            }
            // "Said Ellis: …" opening the sentence.
            if c == 0
                && let Some(f) = subject_at(text, l, 1).filter(|f| !f.possessive)
            {
                return Some(Hit { cue: Some(word(text, &l[c]).into_owned()), who: f, direct: false, via_that: false });
            }
        }
        if is_participle(text, &l[c])
            && let Some(f) = participle_subject(text, &l[..c])
        {
            return Some(Hit { cue: Some(word(text, &l[c]).into_owned()), who: f, direct: false, via_that: false });
        }
        if word(text, &l[c]) == "according"
            && l.get(c + 1).is_some_and(|t| word(text, t) == "to")
            && let Some(f) = subject_at(text, l, c + 2).filter(|f| !f.possessive)
        {
            return Some(Hit { cue: Some("according to".into()), who: f, direct: false, via_that: false });
        }
    }
    None
}

/// The nearest `X said` after the quotation in its sentence.
fn inline_right(text: &str, r: &[Token]) -> Option<Hit> {
    (0..r.len()).filter(|&c| is_cue(text, &r[c])).find_map(|c| {
        subject_before(text, r, c).map(|f| Hit {
            cue: Some(word(text, &r[c]).into_owned()),
            who: f,
            direct: false,
            via_that: false,
        })
    })
}

/// Attributes one quotation. `registry` knows the article's people,
/// `salience` who was last named before it.
pub fn attribute(cx: &Context, registry: &Registry, salience: &Salience, earlier: &Earlier) -> Attribution {
    let text = cx.text;
    let hit = right_direct(text, cx.right)
        .or_else(|| left_direct(text, cx.left))
        .or_else(|| attribution_sentence(text, cx.next).filter(|_| all_punct(text, cx.right)))
        .or_else(|| inline_left(text, cx.left))
        .or_else(|| inline_right(text, cx.right));

    let kind = kind_of(cx, hit.as_ref());
    let mut a = Attribution { speaker: None, speaker_kind: None, speaker_text: None, cue: None, kind };
    let own_subject = clause_subject(text, cx.left);
    let set = |a: &mut Attribution, f: &Found, cue: Option<String>| {
        a.cue = cue;
        a.speaker_text = Some(f.written.clone());
        (a.speaker, a.speaker_kind) =
            resolve(text, f, own_subject.as_ref(), cx.left, registry, salience, cx.at).unzip();
    };
    if let Some(h) = &hit {
        set(&mut a, &h.who, h.cue.clone());
        return a;
    }
    if let Some(f) = possessor_of_speech(text, cx.left) {
        set(&mut a, &f, None);
        return a;
    }
    // A fragment: the sentence's subject is the one talking.
    if kind != QuoteKind::Full
        && let Some(f) = &own_subject
    {
        set(&mut a, f, None);
        return a;
    }
    // Introduced by its own sentence without a reporting verb: "President
    // Obama is rolling out a new campaign message: "It's about me.""
    if cx.left.last().is_some_and(|t| t.is_punct(text, ':')) {
        if let Some(f) = &own_subject {
            set(&mut a, f, None);
        }
        return a;
    }
    // What follows is for a quotation that opens its sentence.
    if !cx.left.is_empty() {
        return a;
    }
    // Introduced by the previous sentence, of this paragraph or the one
    // before: "Haddad wrote in with a warning:".
    let intro = if cx.previous.is_empty() { cx.introduction } else { cx.previous };
    if intro.last().is_some_and(|t| t.is_punct(text, ':'))
        && let Some(h) = inline_left(text, &intro[..intro.len() - 1])
    {
        set(&mut a, &h.who, h.cue);
        return a;
    }
    // Continuing the speech of a quotation before it.
    if let Some(p) = earlier.in_paragraph.filter(|p| p.speaker.is_some()).or(earlier.continued) {
        a.speaker = p.speaker.clone();
        a.speaker_kind = p.speaker_kind;
        a.speaker_text = p.speaker_text.clone();
        return a;
    }
    // After "…, Schiff said." in the same paragraph.
    if let Some(h) = last_attribution(text, cx.before) {
        set(&mut a, &h.who, h.cue);
        return a;
    }
    // After a sentence about a person: "Sen. Bernie Sanders … identified …".
    if let Some(f) = clause_subject(text, cx.previous)
        && !matches!(f.subject, Subject::Pronoun(_))
    {
        set(&mut a, &f, None);
    }
    a
}

/// Words after which a word is not a verb: prepositions and articles.
static FUNCTION_BEFORE_NOUN: Words = Words::new(&[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "above", "below", "under", "over",
    "into", "about", "its", "their", "his", "her", "our", "my", "your", "this", "these", "those", "that",
]);

/// The verbs a sentence of the reporter's may report a statement with,
/// and the verbs that make "VERB to …" a commitment ("pledged to") rather
/// than something else ("added to", "said to be").
pub struct Reporting<'a> {
    /// Reporting verbs: "said", "vowed", "accused", "estimates".
    pub verbs: &'a Words,
    /// Of them, those that still report before "to": "pledged", "vowed".
    pub before_to: &'a Words,
    /// Verbs of events: one before the reporting verb makes it a second
    /// predicate ("hosted … and said"), not the sentence's main verb.
    pub events: &'a Words,
}

/// Whose statement a sentence of the reporter's words reports, if it
/// reports one: "according to X, …"; X when the sentence's main verb
/// reports ("X said that …", "X pledged to …", "Officials estimate …");
/// X of a closing attribution ("…, X said."). The speaker may stay
/// unknown ("They pledged …"); `None` is the outlet speaking for itself.
/// `toks` are the sentence's tokens without its quotations.
pub fn reported_by(
    text: &str,
    toks: &[Token],
    reporting: &Reporting,
    registry: &Registry,
    salience: &Salience,
) -> Option<Attribution> {
    let reports = |k: usize| {
        toks.get(k).is_some_and(|t| {
            let w = word(text, t);
            // "added to", "said to be": not a statement reported, unless a
            // commitment ("pledged to").
            let before_to = toks.get(k + 1).is_some_and(|n| word(text, n) == "to");
            t.kind == Kind::Word && reporting.verbs.contains(&w) && (!before_to || reporting.before_to.contains(&w))
        })
    };
    // `before`: the words before the reporting verb, where a pronoun's
    // person may be named ("Ishiba said he …").
    let make = |f: Option<Found>, cue: &str, before: &[Token]| {
        let (speaker, speaker_kind) = f
            .as_ref()
            .and_then(|f| {
                let own = clause_subject(text, before);
                resolve(text, f, own.as_ref(), before, registry, salience, toks.first().map_or(0, |t| t.start))
            })
            .unzip();
        let speaker_text = f.map(|f| f.written);
        Attribution { speaker, speaker_kind, speaker_text, cue: Some(cue.to_owned()), kind: QuoteKind::Full }
    };
    // "According to the ministry, …", "according to figures from the
    // Office for National Statistics": the first name after it.
    if let Some(a) = (0..toks.len().saturating_sub(1))
        .find(|&k| word(text, &toks[k]) == "according" && word(text, &toks[k + 1]) == "to")
    {
        let who = (a + 2..toks.len().min(a + 10)).take_while(|&k| toks[k].kind == Kind::Word).find_map(|k| {
            subject_at(text, toks, k).filter(|f| !f.possessive && !matches!(f.subject, Subject::Pronoun(_)))
        });
        return Some(make(who, "according to", &toks[..a]));
    }
    // The first verb of the sentence, when it reports. Relative clauses
    // (", who visited the area on Monday,") are not the sentence's verb;
    // after a modal ("will publish") the next word is.
    let mut first_verb = None;
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        if t.is_punct(text, ',')
            && toks.get(k + 1).is_some_and(|n| matches!(&*word(text, n), "who" | "which" | "whose" | "whom" | "where"))
        {
            match (k + 2..toks.len()).find(|&j| toks[j].is_punct(text, ',')) {
                Some(j) => {
                    k = j + 1;
                    continue;
                }
                None => break,
            }
        }
        let w = word(text, t);
        let after_modal = k > 0
            && matches!(
                &*word(text, &toks[k - 1]),
                "will" | "would" | "can" | "could" | "may" | "might" | "shall" | "should" | "must"
            );
        // A verb follows its subject (or the comma closing an aside about
        // it), not a preposition or an article ("above projected levels").
        let after_noun = k > 0 && {
            let p = &toks[k - 1];
            match p.kind {
                Kind::Word => !has(&FUNCTION_BEFORE_NOUN, &word(text, p)),
                _ => p.is_punct(text, ',') || p.is_punct(text, ')'),
            }
        };
        let verb = t.kind == Kind::Word
            && !t.is_capitalized(text)
            && !has(&lexicon::CUE_ADVERBS, &w)
            && (after_modal
                || (after_noun
                    && (reporting.verbs.contains(&w)
                        || reporting.events.contains(&w)
                        || has(&lexicon::AUXILIARIES, &w)
                        || has(&IRREGULAR_PAST, &w)
                        || (w.len() > 4 && w.ends_with("ed")))));
        if verb {
            first_verb = Some(k);
            break;
        }
        k += 1;
    }
    if let Some(v) = first_verb.filter(|&v| v > 0 && reports(v)) {
        let who = subject_before(text, toks, v);
        return Some(make(who, &word(text, &toks[v]), &toks[..v]));
    }
    // "…, the spokeswoman said." closing the sentence.
    let last_comma = (0..toks.len()).rev().take(12).find(|&k| toks[k].is_punct(text, ','))?;
    let tail = &toks[last_comma..];
    let h = right_direct(text, tail)?;
    let cue_at = tail.iter().position(|t| is_cue(text, t))?;
    let rest = tail[cue_at + 1..].iter().filter(|t| t.kind == Kind::Word).count();
    (rest <= 6 && reports(last_comma + cue_at))
        .then(|| make(Some(h.who), h.cue.as_deref().unwrap_or("said"), &toks[..last_comma]))
}

/// The last `X said` of a stretch of the reporter's words.
fn last_attribution(text: &str, toks: &[Token]) -> Option<Hit> {
    (0..toks.len()).rev().filter(|&c| is_cue(text, &toks[c])).find_map(|c| {
        subject_before(text, toks, c).map(|f| Hit {
            cue: Some(word(text, &toks[c]).into_owned()),
            who: f,
            direct: false,
            via_that: false,
        })
    })
}

fn all_punct(text: &str, toks: &[Token]) -> bool {
    toks.iter().all(|t| t.kind == Kind::Punct && !t.is_punct(text, '('))
}

/// A pronoun is the subject of the quotation's own sentence when that is a
/// person named before the quotation ("DuVernay said … because "…," she
/// said"), else the person last named as a subject.
fn resolve(
    text: &str,
    f: &Found,
    own: Option<&Found>,
    left: &[Token],
    registry: &Registry,
    salience: &Salience,
    pos: usize,
) -> Option<(String, SpeakerKind)> {
    let own_named =
        own.filter(|o| !matches!(o.subject, Subject::Pronoun(_))).and_then(|o| resolve_named(o, registry, pos));
    let person = |p: String| (p, SpeakerKind::Person);
    match &f.subject {
        // "it" is an organisation or a document: only its own sentence can say which.
        Subject::Pronoun(p) if p == "it" => {
            own_named.filter(|p| !person_like(p)).map(|p| (p, SpeakerKind::Organisation))
        }
        Subject::Pronoun(_) => own_named
            .filter(|p| person_like(p))
            .or_else(|| first_person(text, left, registry, pos))
            .or_else(|| salience.before(pos).map(str::to_owned))
            .map(person),
        _ => source_of(f, registry, pos),
    }
}

/// The first person the sentence names before the quotation, possessives
/// included: "House Speaker Paul Ryan, R-Wis., despite admitting that he …",
/// "Oz's dubious advice earned him …, where he …".
fn first_person(text: &str, left: &[Token], registry: &Registry, pos: usize) -> Option<String> {
    let mut i = 0;
    while i < left.len() {
        match subject_at(text, left, i) {
            Some(f) => {
                if let Subject::Name { .. } = f.subject
                    && let Some(p) = resolve_named(&f, registry, pos).filter(|p| person_like(p))
                {
                    return Some(p);
                }
                i = f.end.max(i + 1);
            }
            None => i += 1,
        }
    }
    None
}

fn kind_of(cx: &Context, hit: Option<&Hit>) -> QuoteKind {
    let text = cx.text;
    let direct = hit.is_some_and(|h| h.direct);
    let first = cx.quoted.trim_start_matches(|c: char| !c.is_alphanumeric()).chars().next();
    let upper = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let quoted_words: Vec<&str> = cx.quoted.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());

    // A term in quotation marks: after "so-called", "dubbed", "reference to".
    let before: String = cx.left[cx.left.len().saturating_sub(3)..]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(text).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    if quoted_words.len() <= 6
        && lexicon::MENTION_CUES.iter().any(|m| before == *m || before.ends_with(&format!(" {m}")))
    {
        return QuoteKind::Mention;
    }
    // A short name in quotation marks in a sentence that reports no speech:
    // "Nissan", "Nippon Steel".
    // ("…called a former Miss Universe 'Miss Piggy'" is speech: a reporting
    // verb stands close before it.)
    let cue_close_before =
        cx.left[cx.left.len().saturating_sub(6)..].iter().any(|t| is_cue(text, t) || is_participle(text, t));
    let name_like = !quoted_words.is_empty()
        && quoted_words.len() <= 4
        && quoted_words.iter().all(capitalised)
        && !cx.quoted.trim_end().ends_with(['.', '!', '?', ','])
        && !direct;
    if name_like && !cx.left.is_empty() && !cue_close_before {
        return QuoteKind::Mention;
    }
    // A quoted heading on a line of its own: 'All Bets Are Off.'
    if cx.alone_in_paragraph
        && hit.is_none()
        && (2..=8).contains(&quoted_words.len())
        && quoted_words.iter().all(capitalised)
    {
        return QuoteKind::Mention;
    }

    // The second half of an interrupted quotation ("A," she added, "but …")
    // continues a full one.
    let interrupted = matches!(cx.left.first().map(|t| t.kind), Some(Kind::Quote(_)));
    if direct && interrupted && cx.left.last().is_some_and(|t| t.is_punct(text, ',')) {
        return QuoteKind::Full;
    }
    let left_open = cx.left.is_empty()
        || cx.left.last().is_some_and(|t| t.is_punct(text, ':') || (t.is_punct(text, ',') && direct))
        || (direct && hit.is_some_and(|h| !h.via_that) && cx.left.last().is_some_and(|t| is_cue(text, t)));
    if left_open && (upper || cx.left.is_empty()) && !hit.is_some_and(|h| h.via_that) {
        QuoteKind::Full
    } else {
        QuoteKind::Partial
    }
}
