//! Who said a quotation, with which words the article says so, and whether
//! it is a full quotation, a fragment woven into the reporter's sentence,
//! or a term in quotation marks that nobody said.
//!
//! Patterns, in the order they are tried:
//! 1. right after the quotation: `"…," Trump said`, `"…," said the minister`;
//! 2. right before it: `Trump said: "…"`, `Ishiba warned, "…"`,
//!    `…, saying "…"` (the clause's subject), `according to X, "…"`;
//! 3. elsewhere in the sentence: `Ishiba, for his part, said … a "serious threat"`;
//! 4. the sentence's subject: `Ishiba committed … "in a mutually beneficial way."`;
//! 5. a quotation standing alone continues the speech of the one before it,
//!    or follows a sentence that introduces it with a colon.
//!
//! "he"/"she" resolve to the person last named as a subject; roles ("the
//! president") to the person the article gives that role.

use super::lexicon::{self, has};
use super::names::{Found, Registry, Subject, person_like, subject_at};
use super::tokens::{Kind, Token};

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

/// The result of attributing one quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Canonical speaker, when resolved.
    pub speaker: Option<String>,
    /// The words naming the speaker, as written ("the prime minister").
    pub speaker_text: Option<String>,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<String>,
    /// Full, partial or mention.
    pub kind: QuoteKind,
}

/// A quotation in its sentence: the reporter's tokens before it (`left`,
/// from the sentence start) and after it (`right`, to the sentence end).
pub struct Context<'a> {
    /// The region text the tokens point into.
    pub text: &'a str,
    /// Tokens before the quotation, in its sentence.
    pub left: &'a [Token],
    /// Tokens after the quotation, in its sentence.
    pub right: &'a [Token],
    /// The tokens of the next sentence, when the quotation ends its own
    /// sentence (`"It is done." Trump said.` is still attributed).
    pub next: &'a [Token],
    /// The previous sentence of the same paragraph.
    pub previous: &'a [Token],
    /// The quoted words.
    pub quoted: &'a str,
    /// Byte offset of the opening mark.
    pub at: usize,
}

/// Persons named as subjects, in text order, for resolving pronouns.
#[derive(Debug, Default)]
pub struct Salience {
    mentions: Vec<(usize, String)>,
}

impl Salience {
    /// Records the people that `tokens` (a sentence) names in subject position.
    pub fn learn(&mut self, text: &str, tokens: &[Token], registry: &Registry) {
        let mut i = 0;
        while i < tokens.len() {
            match subject_at(text, tokens, i) {
                Some(f) => {
                    if !f.possessive
                        && verb_follows(text, tokens, f.end)
                        && let Some(person) = resolve_named(&f, registry, tokens[i].start).filter(|p| person_like(p))
                    {
                        self.mentions.push((tokens[i].start, person));
                    }
                    i = f.end.max(i + 1);
                }
                None => i += 1,
            }
        }
        self.mentions.sort_by_key(|(p, _)| *p);
    }

    /// Records that `person` spoke at byte `pos` (an attributed quotation).
    pub fn note(&mut self, pos: usize, person: &str) {
        let at = self.mentions.partition_point(|(p, _)| *p <= pos);
        self.mentions.insert(at, (pos, person.to_owned()));
    }

    /// The person last named before byte `pos`.
    pub fn before(&self, pos: usize) -> Option<&str> {
        let at = self.mentions.partition_point(|(p, _)| *p < pos);
        at.checked_sub(1).map(|k| self.mentions[k].1.as_str())
    }
}

/// Irregular past tenses that follow a subject ("Trump met Kim").
#[rustfmt::skip]
const IRREGULAR_PAST: &[&str] = &[
    "met", "went", "made", "took", "gave", "came", "saw", "held", "led", "left", "won", "lost", "ran", "spoke",
    "sent", "became", "began", "brought", "thought", "felt", "kept", "knew", "found", "put", "set", "hit",
    "cut", "stood", "sat", "fell", "grew", "drew", "threw", "chose", "rose", "drove", "flew", "wore", "broke",
    "spent", "paid", "sold", "bought", "built", "meant", "heard", "sought", "fought", "taught", "caught",
    "struck",
];

/// Whether a verb follows a subject that ends at token `k` (adverbs and a
/// parenthetical ", for his part," allowed in between).
fn verb_follows(text: &str, tokens: &[Token], k: usize) -> bool {
    let k = skip_parenthetical(text, tokens, k);
    let Some(t) = tokens.get(k) else { return false };
    if t.kind != Kind::Word || t.is_capitalized(text) {
        return false;
    }
    let w = t.text(text).to_lowercase();
    has(lexicon::CUE_VERBS, &w)
        || has(lexicon::AUXILIARIES, &w)
        || has(IRREGULAR_PAST, &w)
        || (w.len() > 3 && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss"))))
}

/// Skips ", for his part," or "(who …)" after a subject, and adverbs.
fn skip_parenthetical(text: &str, tokens: &[Token], mut k: usize) -> usize {
    if tokens.get(k).is_some_and(|t| t.is_punct(text, ','))
        && let Some(close) = (k + 1..tokens.len().min(k + 9)).find(|&j| tokens[j].is_punct(text, ','))
        && tokens[k + 1..close].iter().all(|t| t.kind == Kind::Word)
    {
        k = close + 1;
    }
    let mut n = 0;
    while n < 2
        && tokens
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && has(lexicon::CUE_ADVERBS, &t.text(text).to_lowercase()))
    {
        k += 1;
        n += 1;
    }
    k
}

fn is_cue(text: &str, t: &Token) -> bool {
    t.kind == Kind::Word && has(lexicon::CUE_VERBS, &t.text(text).to_lowercase())
}

fn is_participle(text: &str, t: &Token) -> bool {
    t.kind == Kind::Word && has(lexicon::CUE_PARTICIPLES, &t.text(text).to_lowercase())
}

/// A name or role resolved to a person of the article.
fn resolve_named(f: &Found, registry: &Registry, pos: usize) -> Option<String> {
    match &f.subject {
        Subject::Name { name, .. } => Some(registry.canonical(name)),
        Subject::Role(role) => registry.holder(role, pos),
        Subject::Pronoun(_) => None,
    }
}

/// The subject that ends right before token `cue` (adverbs or a
/// parenthetical in between allowed), longest reading first.
fn subject_before(text: &str, tokens: &[Token], cue: usize) -> Option<Found> {
    let mut e = cue;
    let mut n = 0;
    while n < 2 && e > 0 && has(lexicon::CUE_ADVERBS, &tokens[e - 1].text(text).to_lowercase()) {
        e -= 1;
        n += 1;
    }
    let mut ends = vec![e];
    // ", for his part," between subject and verb.
    if e > 0
        && tokens[e - 1].is_punct(text, ',')
        && let Some(open) = (e.saturating_sub(9)..e - 1).rev().find(|&j| tokens[j].is_punct(text, ','))
    {
        ends.push(open);
    }
    for end in ends {
        for s in end.saturating_sub(8)..end {
            if let Some(f) = subject_at(text, tokens, s)
                && f.end == end
                && !f.possessive
            {
                return Some(f);
            }
        }
    }
    None
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
    cue: String,
    /// Attached directly to the quotation (before or after it).
    direct: bool,
    /// Introduced by "that": grammatically a fragment.
    via_that: bool,
}

fn word(text: &str, t: &Token) -> String {
    t.text(text).to_lowercase()
}

/// `"…," Trump said` / `"…," said Trump`.
fn right_direct(text: &str, r: &[Token]) -> Option<Hit> {
    let mut j = 0;
    while j < r.len() && r[j].kind == Kind::Punct && matches!(r[j].text(text), "," | "—" | "–" | "-" | "(") {
        j += 1;
    }
    if let Some(f) = subject_at(text, r, j).filter(|f| !f.possessive) {
        let k = skip_parenthetical(text, r, f.end);
        if let Some(c) = r.get(k).filter(|t| is_cue(text, t)) {
            return Some(Hit { cue: word(text, c), who: f, direct: true, via_that: false });
        }
    }
    let c = r.get(j).filter(|t| is_cue(text, t))?;
    let f = subject_at(text, r, j + 1).filter(|f| !f.possessive)?;
    Some(Hit { cue: word(text, c), who: f, direct: true, via_that: false })
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
        return Some(Hit { cue: word(text, last), who: f, direct: true, via_that });
    }
    if is_participle(text, last)
        && let Some(f) = clause_subject(text, &l[..e - 1])
    {
        return Some(Hit { cue: word(text, last), who: f, direct: true, via_that });
    }
    // "according to the spokesman," right before the quotation.
    if let Some(a) = (0..e.saturating_sub(1))
        .rev()
        .take(8)
        .find(|&k| word(text, &l[k]) == "according" && word(text, &l[k + 1]) == "to")
        && let Some(f) = subject_at(text, l, a + 2).filter(|f| f.end == e && !f.possessive)
    {
        return Some(Hit { cue: "according to".into(), who: f, direct: true, via_that });
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
        if is_cue(text, &l[c])
            && let Some(f) = subject_before(text, l, c)
        {
            return Some(Hit { cue: word(text, &l[c]), who: f, direct: false, via_that: false });
        }
        if is_participle(text, &l[c])
            && let Some(f) = clause_subject(text, &l[..c])
        {
            return Some(Hit { cue: word(text, &l[c]), who: f, direct: false, via_that: false });
        }
        if word(text, &l[c]) == "according"
            && l.get(c + 1).is_some_and(|t| word(text, t) == "to")
            && let Some(f) = subject_at(text, l, c + 2).filter(|f| !f.possessive)
        {
            return Some(Hit { cue: "according to".into(), who: f, direct: false, via_that: false });
        }
    }
    None
}

/// The nearest `X said` after the quotation in its sentence.
fn inline_right(text: &str, r: &[Token]) -> Option<Hit> {
    for c in 0..r.len() {
        if is_cue(text, &r[c])
            && let Some(f) = subject_before(text, r, c)
        {
            return Some(Hit { cue: word(text, &r[c]), who: f, direct: false, via_that: false });
        }
    }
    None
}

/// Attributes one quotation. `registry` knows the article's people,
/// `salience` who was last named before it; `previous_speaker` is the
/// speaker of the quotation just before it when nothing of the reporter's
/// stands between them (a quotation continued in a new sentence or paragraph).
pub fn attribute(
    cx: &Context,
    registry: &Registry,
    salience: &Salience,
    previous_speaker: Option<&Attribution>,
) -> Attribution {
    let text = cx.text;
    let hit = right_direct(text, cx.right)
        .or_else(|| left_direct(text, cx.left))
        .or_else(|| right_direct(text, cx.next).filter(|_| cx.right.is_empty() || all_punct(text, cx.right)))
        .or_else(|| inline_left(text, cx.left))
        .or_else(|| inline_right(text, cx.right));

    let kind = kind_of(cx, hit.as_ref());
    let mut a = Attribution { speaker: None, speaker_text: None, cue: None, kind };
    if let Some(h) = &hit {
        a.cue = Some(h.cue.clone());
        a.speaker_text = Some(h.who.written.clone());
        a.speaker = resolve(&h.who, registry, salience, cx.at);
        return a;
    }
    // A fragment: the sentence's subject is the one talking.
    if kind != QuoteKind::Full
        && let Some(f) = clause_subject(text, cx.left)
    {
        a.speaker_text = Some(f.written.clone());
        a.speaker = resolve(&f, registry, salience, cx.at);
        return a;
    }
    // A quotation standing alone: introduced by the previous sentence
    // ("Trump said:"), or continuing the speech of the quotation before it.
    if cx.left.is_empty() && all_punct(text, cx.right) {
        let ends_colon = cx.previous.last().is_some_and(|t| t.is_punct(text, ':'));
        if ends_colon && let Some(h) = inline_left(text, &cx.previous[..cx.previous.len() - 1]) {
            a.cue = Some(h.cue.clone());
            a.speaker_text = Some(h.who.written.clone());
            a.speaker = resolve(&h.who, registry, salience, cx.at);
            return a;
        }
        if let Some(p) = previous_speaker {
            a.speaker = p.speaker.clone();
            a.speaker_text = p.speaker_text.clone();
        }
    }
    a
}

fn all_punct(text: &str, toks: &[Token]) -> bool {
    toks.iter().all(|t| t.kind == Kind::Punct && !t.is_punct(text, '('))
}

fn resolve(f: &Found, registry: &Registry, salience: &Salience, pos: usize) -> Option<String> {
    match &f.subject {
        Subject::Pronoun(_) => salience.before(pos).map(str::to_owned),
        _ => resolve_named(f, registry, pos),
    }
}

fn kind_of(cx: &Context, hit: Option<&Hit>) -> QuoteKind {
    let text = cx.text;
    let direct = hit.is_some_and(|h| h.direct);
    let first = cx.quoted.trim_start_matches(|c: char| !c.is_alphanumeric()).chars().next();
    let upper = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let quoted_words: Vec<&str> = cx.quoted.split_whitespace().collect();

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
    // A short name in quotation marks that nobody is said to have said:
    // "Nissan", "Nippon Steel".
    let name_like = !quoted_words.is_empty()
        && quoted_words.len() <= 4
        && quoted_words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        && !cx.quoted.trim_end().ends_with(['.', '!', '?', ','])
        && !direct;
    if name_like && !cx.left.is_empty() {
        return QuoteKind::Mention;
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
