//! Quotations, their speakers and kinds, and claims with their facts,
//! found in a [`Document`]. Pure functions: text in, structs out; no
//! database, no I/O.

pub mod attribution;
pub mod claims;
pub mod figures;
pub mod lang;
pub mod lexicon;
pub mod marks;
pub mod names;
pub mod normalize;
pub mod speech;
pub mod tokens;
pub mod translit;

pub use attribution::{QuoteKind, SpeakerKind};
pub use claims::{Claim, Fact, Voice};
pub use normalize::Unit;

use crate::ingest::{Document, Paragraph, Region, layout_text};
use attribution::{Attribution, Context, Earlier, Salience};
use chrono::NaiveDate;
use lang::speech::Speech;
use names::Registry;
use speech::People;
use std::collections::HashSet;
use std::ops::Range;
use tokens::{Kind, Token};

/// A quotation found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Which text it is in; `start`/`end` point into that text.
    pub region: Region,
    /// Character offset of the first quoted character.
    pub start: usize,
    /// Character offset past the last quoted character.
    pub end: usize,
    /// Index of the paragraph (within the region) where it opens.
    pub paragraph: usize,
    /// Source line where it opens.
    pub line: u64,
    /// The quoted words, spaces collapsed; paragraphs of a long quotation
    /// joined by a space.
    pub text: String,
    /// [`normalize::normalize`]d text.
    pub normalized: String,
    /// Full, partial or mention.
    pub kind: QuoteKind,
    /// Canonical speaker name, when resolved.
    pub speaker: Option<String>,
    /// Who the speaker is: a person, a role, an organisation or unnamed people.
    pub speaker_kind: Option<SpeakerKind>,
    /// How the article named the speaker.
    pub speaker_text: Option<String>,
    /// The reporting verb or phrase.
    pub cue: Option<String>,
    /// Sentence units for clustering: body speech (full and partial) only.
    pub units: Vec<Unit>,
}

/// A region's text as stored, with its paragraphs' byte ranges and lines.
struct RegionText {
    region: Region,
    text: String,
    paragraphs: Vec<Range<usize>>,
    lines: Vec<u64>,
}

impl RegionText {
    fn new(region: Region, paragraphs: &[Paragraph]) -> Self {
        let (text, ranges) = layout_text(paragraphs);
        RegionText { region, text, paragraphs: ranges, lines: paragraphs.iter().map(|p| p.line).collect() }
    }
}

/// What extraction finds in an article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Quotations of the headline, body and boilerplate.
    pub quotes: Vec<Quote>,
    /// Claims of the body.
    pub claims: Vec<Claim>,
}

/// Every quotation in the document: headline, body and boilerplate.
pub fn quotes(doc: &Document) -> Vec<Quote> {
    extract(doc).quotes
}

/// Quotations (headline, body, boilerplate) and the body's claims.
pub fn extract(doc: &Document) -> Extraction {
    let headline = doc.title().map(|t| {
        let line = doc.headline.as_ref().map_or(0, |h| h.line);
        RegionText::new(Region::Headline, &[Paragraph { text: t.to_owned(), line }])
    });
    let body = RegionText::new(Region::Body, &doc.body);
    let boilerplate = RegionText::new(Region::Boilerplate, &doc.boilerplate);

    // People are learned from the article's own paragraphs: a Title Case
    // headline ("Obama Sees 'Personal Insult'") would teach false names.
    // The English registry reads English names and roles; an article with
    // a speech table learns its people in that table's terms instead.
    let speech = lang::speech_for(doc.meta.language.as_deref());
    let body = Scanned::new(&body, speech);
    let mut registry = Registry::default();
    let furniture = Scanned::new(&boilerplate, speech);
    let mut furniture_registry = Registry::default();
    if speech.is_none() {
        body.learn(&mut registry);
        furniture.learn(&mut furniture_registry);
    }

    let mut quotes = Vec::new();
    if let Some(h) = &headline {
        Scanned::new(h, speech).attribute_all(&registry, speech, &mut quotes);
    }
    let read = body.attribute_all(&registry, speech, &mut quotes);
    furniture.attribute_all(&furniture_registry, speech, &mut quotes);
    let claims = body.claims(&registry, &read, doc.meta.published.as_deref(), doc.meta.language.as_deref());
    Extraction { quotes, claims }
}

/// The claims of a stored body (paragraphs as `articles.body` keeps them),
/// exactly as [`extract`] finds them on import: for archives whose
/// articles were stored before claims were extracted.
pub fn claims_of_body(body: &str, published: Option<&str>, language: Option<&str>) -> Vec<Claim> {
    let paragraphs: Vec<Paragraph> =
        body.split(crate::ingest::PARAGRAPH_BREAK).map(|p| Paragraph { text: p.to_owned(), line: 0 }).collect();
    let rt = RegionText::new(Region::Body, &paragraphs);
    let speech = lang::speech_for(language);
    let scanned = Scanned::new(&rt, speech);
    let mut registry = Registry::default();
    scanned.learn(&mut registry);
    let read = scanned.attribute_all(&registry, speech, &mut Vec::new());
    scanned.claims(&registry, &read, published, language)
}

/// The day of an ISO 8601 date or date-time ("2025-02-08T13:47").
fn date_of(published: Option<&str>) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(published?.get(..10)?, "%Y-%m-%d").ok()
}

/// What attributing a region's quotations leaves for reading its claims:
/// who was named where, and the kind given to each quotation span.
struct Read {
    salience: Salience,
    kinds: Vec<Option<QuoteKind>>,
}

/// A region after mark scanning and tokenisation.
struct Scanned<'a> {
    rt: &'a RegionText,
    spans: Vec<marks::Span>,
    tokens: Vec<Vec<Token>>,
    sentences: Vec<Vec<Range<usize>>>,
}

impl<'a> Scanned<'a> {
    fn new(rt: &'a RegionText, speech: Option<&Speech>) -> Self {
        let text = rt.text.as_str();
        let mut spans = marks::find(text, &rt.paragraphs);
        if let Some(sp) = speech {
            spans = marks::split_at_insets(text, spans, |w| sp.is_verb(w));
        }
        let tokens: Vec<Vec<Token>> = rt.paragraphs.iter().map(|p| tokens::tokenize(text, p.clone(), &spans)).collect();
        let ends_sentence = |q: usize| {
            let s = &spans[q];
            text[s.pieces[s.pieces.len() - 1].clone()].trim_end().ends_with(['.', '!', '?', '…', '。', '！', '？', '؟'])
        };
        let sentences = tokens.iter().map(|t| tokens::sentences(text, t, &ends_sentence)).collect();
        Scanned { rt, spans, tokens, sentences }
    }

    fn learn(&self, registry: &mut Registry) {
        for t in &self.tokens {
            registry.learn(&self.rt.text, t);
        }
    }

    /// Where span `k` stands: (paragraph, sentence index, token index) of
    /// its opening and of its closing.
    fn locate(&self) -> Vec<Option<[(usize, usize, usize); 2]>> {
        let mut at: Vec<Option<[(usize, usize, usize); 2]>> = vec![None; self.spans.len()];
        for (p, toks) in self.tokens.iter().enumerate() {
            for (si, sent) in self.sentences[p].iter().enumerate() {
                for ti in sent.clone() {
                    if let Kind::Quote(k) = toks[ti].kind {
                        let here = (p, si, ti);
                        let span = &self.spans[k];
                        let slot = at[k].get_or_insert([here, here]);
                        if p == span.first_paragraph && toks[ti].start == span.open {
                            slot[0] = here;
                        }
                        if p == span.last_paragraph {
                            slot[1] = here;
                        }
                    }
                }
            }
        }
        at
    }

    fn claims(&self, registry: &Registry, read: &Read, published: Option<&str>, language: Option<&str>) -> Vec<Claim> {
        let body = claims::Body {
            text: &self.rt.text,
            paragraphs: &self.rt.paragraphs,
            lines: &self.rt.lines,
            tokens: &self.tokens,
            sentences: &self.sentences,
            spans: &self.spans,
            kinds: &read.kinds,
        };
        let reader = claims::Reader {
            lang: lang::for_code(language),
            registry,
            salience: &read.salience,
            published: date_of(published),
        };
        claims::find(&body, &reader)
    }

    /// Attributes the region's quotations: in English by `attribution`,
    /// in a language with a speech table by `speech`.
    fn attribute_all(&self, registry: &Registry, speech: Option<&Speech>, out: &mut Vec<Quote>) -> Read {
        let text = self.rt.text.as_str();
        let mut kinds = vec![None; self.spans.len()];
        let mut salience = Salience::default();
        let people = match speech {
            Some(sp) => Some(People::learn(text, &self.tokens, sp, &mut salience)),
            None => {
                let mut speakers = HashSet::new();
                for toks in &self.tokens {
                    attribution::speaking_names(text, toks, registry, &mut speakers);
                }
                for (p, toks) in self.tokens.iter().enumerate() {
                    for sent in &self.sentences[p] {
                        salience.learn(text, &toks[sent.clone()], registry, &speakers);
                    }
                }
                None
            }
        };
        let located = self.locate();
        let mut chars = CharIndex::new(text);
        // The previous quotation: its attribution and where it ended
        // (paragraph, sentence).
        let mut previous: Option<(Attribution, usize, usize)> = None;
        // The last attributed quotation of the current paragraph.
        let mut in_paragraph: Option<(Attribution, usize)> = None;
        for (k, span) in self.spans.iter().enumerate() {
            let Some([(p0, s0, t0), (p1, s1, t1)]) = located[k] else { continue };
            let first_sent = self.sentences[p0][s0].clone();
            let last_sent = self.sentences[p1][s1].clone();
            let empty: &[Token] = &[];
            let quoted = quoted_text(text, span);
            let para0 = &self.tokens[p0];
            let cx = Context {
                text,
                left: tail(&para0[first_sent.start..t0]),
                right: head(&self.tokens[p1][t1 + 1..last_sent.end]),
                next: self.sentences[p1].get(s1 + 1).map_or(empty, |r| head(&self.tokens[p1][r.clone()])),
                previous: s0.checked_sub(1).map_or(empty, |i| tail(&para0[self.sentences[p0][i].clone()])),
                before: tail(&para0[..first_sent.start]),
                introduction: match (s0, p0.checked_sub(1)) {
                    (0, Some(pp)) => self.sentences[pp].last().map_or(empty, |r| tail(&self.tokens[pp][r.clone()])),
                    _ => empty,
                },
                alone_in_paragraph: para0.len() <= 2 && p0 == p1 && para0.iter().all(|t| t.kind != Kind::Word),
                quoted: &quoted,
                at: span.open,
            };
            let continued = previous
                .as_ref()
                .filter(|(_, pp, ps)| *pp + 1 == p0 && s0 == 0 && *ps + 1 == self.sentences[*pp].len())
                .map(|(a, _, _)| a);
            let earlier =
                Earlier { in_paragraph: in_paragraph.as_ref().filter(|(_, p)| *p == p0).map(|(a, _)| a), continued };
            let a = match (speech, &people) {
                (Some(sp), Some(people)) => speech::attribute(&cx, sp, people, &salience, &earlier),
                _ => attribution::attribute(&cx, registry, &salience, &earlier),
            };
            kinds[k] = Some(a.kind);
            // Bodies and unnamed groups are never the "he" or "she" after.
            if let Some(person) = &a.speaker
                && matches!(a.speaker_kind, Some(SpeakerKind::Person | SpeakerKind::Role))
            {
                salience.note(span.close, person);
            }
            let units = if self.rt.region == Region::Body && a.kind != QuoteKind::Mention {
                normalize::units(&quoted)
            } else {
                Vec::new()
            };
            out.push(Quote {
                region: self.rt.region,
                start: chars.at(span.start()),
                end: chars.at(span.end()),
                paragraph: span.first_paragraph,
                line: self.rt.lines[span.first_paragraph],
                normalized: normalize::normalize(&quoted),
                text: quoted,
                kind: a.kind,
                speaker: a.speaker.clone(),
                speaker_kind: a.speaker_kind,
                speaker_text: a.speaker_text.clone(),
                cue: a.cue.clone(),
                units,
            });
            if a.speaker.is_some() {
                in_paragraph = Some((a.clone(), p1));
            }
            previous = Some((a, p1, s1));
        }
        Read { salience, kinds }
    }
}

/// Tokens of context attribution reads on either side of a quotation. A
/// real sentence is far shorter; a page without full stops is one
/// "sentence" of millions of tokens, and reading all of it for each of its
/// quotations would take quadratic time.
const REACH: usize = 100;

/// The last `REACH` tokens: the ones nearest a quotation that follows them.
fn tail(tokens: &[Token]) -> &[Token] {
    &tokens[tokens.len().saturating_sub(REACH)..]
}

/// The first `REACH` tokens: the ones nearest a quotation that precedes them.
fn head(tokens: &[Token]) -> &[Token] {
    &tokens[..tokens.len().min(REACH)]
}

/// The quoted words of a span, spaces collapsed, pieces joined by a space.
fn quoted_text(text: &str, span: &marks::Span) -> String {
    let joined: Vec<&str> = span.pieces.iter().map(|r| text[r.clone()].trim()).filter(|s| !s.is_empty()).collect();
    normalize::squash_spaces(&joined.join(" "))
}

/// Byte offset → character offset, for offsets asked in increasing order
/// (any order works; increasing is linear).
struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        CharIndex { text, byte: 0, chars: 0 }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}
