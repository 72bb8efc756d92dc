//! Who said a quotation in a language other than English, read through
//! that language's table ([`crate::extract::lang::speech`]): reporting
//! verbs before or after the quotation ("a déclaré X", "sagte X", "X
//! dedi"), "according to" forms before or after the source ("selon X",
//! "X zufolge", "X'e göre"), German "so X" after a quotation, and in
//! Japanese, Chinese and Korean the particles, honorifics and verbs that
//! frame a speaker (X氏は「…」と述べた, X表示：“…”, "…"라고 X 씨는 말했다).
//!
//! English keeps its own, richer reader (`attribution`); what follows a
//! direct pattern — a quotation continuing the one before, introduced by
//! the sentence before, or said by whoever was named last — is the same
//! idea in every language.

mod particles;
mod people;
mod spaced;

pub use people::People;

use super::attribution::{Attribution, Context, Earlier, QuoteKind, Salience, SpeakerKind};
use super::lang::speech::{Script, Speech};
use super::names::lowercase;
use super::tokens::{Kind, Token};
use people::{Resolved, strip_elision};

/// Who a pattern found in the speaker's place.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Who {
    /// A name as written ("Claire Dubois", "Kowalskiego", "田中").
    Name(String),
    /// An organisation, or a role nobody is named for yet ("porte-parole
    /// du ministère", "警察").
    Role(String),
    /// A person's role in a word or two ("la alcaldesa", "el regidor"):
    /// the person the article gives it, else the person it has just named
    /// (news rarely names a role's holder and then quotes someone else by
    /// the bare role), else the role.
    Title(String),
    /// A role after an indefinite article ("un porte-parole"): someone
    /// new, never a person named before.
    New(String),
    /// A pronoun, or a verb with no subject at all ("dijo", "وأضاف"):
    /// the person last named.
    Pronoun,
}

/// A speaker found by a pattern, and how.
#[derive(Debug, Clone)]
struct Hit {
    who: Who,
    /// The words naming the speaker, as written.
    written: String,
    /// The reporting word or phrase.
    cue: Option<String>,
    /// Attached to the quotation itself, before or after it (a full
    /// quotation when it fills its clause).
    direct: bool,
}

/// Attributes one quotation of an article written in `sp`'s language.
pub fn attribute(cx: &Context, sp: &Speech, people: &People, salience: &Salience, earlier: &Earlier) -> Attribution {
    let hit = match sp.script {
        Script::Particles => particles::direct(cx, sp),
        Script::Cased | Script::Uncased => spaced::direct(cx, sp, people),
    };
    let kind = kind_of(cx, sp, hit.as_ref());
    let mut a = Attribution { speaker: None, speaker_kind: None, speaker_text: None, cue: None, kind };
    let resolve = |a: &mut Attribution, h: &Hit| {
        a.cue = h.cue.clone();
        a.speaker_text = (!h.written.is_empty()).then(|| h.written.clone());
        // Words in the speaker's place that are no name, role or body
        // ("şöyle", "24 عاما"): the verb's subject was not written, and is
        // whoever was named last. After an indefinite article ("un délégué
        // syndical") a noun is someone new, whatever the noun.
        // A document speaks for the body that issued it.
        if let Who::Role(r) | Who::Title(r) = &h.who
            && let Some(source) = issuer(cx, sp, people, r)
        {
            (a.speaker, a.speaker_kind) = (Some(source), Some(SpeakerKind::Organisation));
            return;
        }
        // "concludeerde het bureau": a body's noun alone is the body the
        // article names in full ("ingenieursbureau Dekker & Vos").
        if let Who::Role(r) | Who::Title(r) = &h.who
            && let [noun] = r.split_whitespace().collect::<Vec<_>>()[..]
            && sp.is_body(&bare(sp, noun))
            && let Some(body) = people.body(noun, cx.at)
        {
            (a.speaker, a.speaker_kind) = (Some(body.to_owned()), Some(SpeakerKind::Organisation));
            return;
        }
        let who = match &h.who {
            Who::Role(r) | Who::Title(r) if !names_a_source(sp, people, r) => &Who::Pronoun,
            who => who,
        };
        // "По его словам, Кузнецов — «…»": "according to him" means whoever
        // was named before it, not someone named between it and the quotation.
        let at = match (&h.who, &h.cue) {
            (Who::Pronoun, Some(cue)) if sp.according_pronouns.contains(&cue.as_str()) => {
                let first = cue.split(' ').next().unwrap_or(cue);
                cx.left.iter().find(|t| lowercase(t.text(cx.text)) == first).map_or(cx.at, |t| t.start)
            }
            _ => cx.at,
        };
        (a.speaker, a.speaker_kind) = match people.resolve(who, at, salience) {
            // The article's people are people, unless their long name says
            // it is a body's ("Servicio de Salud de Valdeolmos"); a two-word
            // name is a person's whatever its words ("Murat Kurum").
            Some(Resolved::Person(n)) => {
                let body = n.split_whitespace().count() >= 3 && names_body(sp, &n);
                (Some(n), Some(if body { SpeakerKind::Organisation } else { SpeakerKind::Person }))
            }
            Some(Resolved::Name(n)) => {
                let kind = if names_body(sp, &n) { SpeakerKind::Organisation } else { SpeakerKind::Person };
                (Some(n), Some(kind))
            }
            Some(Resolved::Unnamed(r)) => {
                let kind = source_kind(sp, &r);
                (Some(r), Some(kind))
            }
            None => (None, None),
        };
    };
    if let Some(h) = &hit {
        resolve(&mut a, h);
        return a;
    }
    if kind == QuoteKind::Mention {
        return a;
    }
    // A quotation that opens its sentence: introduced by the sentence
    // before (ending in a colon), continuing the speech before it, or
    // following a sentence that attributes ("…, a-t-il dit.").
    if cx.left.iter().any(|t| t.kind == Kind::Word) {
        // "Erdem, … şu yanıtı verdi: “…”": its own sentence introduces it.
        if cx.left.last().is_some_and(|t| is_colon(cx.text, t)) {
            let intro = &cx.left[..cx.left.len() - 1];
            match introduced_by(cx, sp, people, intro) {
                Some(h) => resolve(&mut a, &h),
                None => match read_in_document(cx, sp, people, intro) {
                    // "Laboratuvarın sunduğu raporda şu tespit yer alıyor:":
                    // a document the sentence reads from speaks for its body.
                    Some(source) => (a.speaker, a.speaker_kind) = (Some(source), Some(SpeakerKind::Organisation)),
                    // "Henryk Dudek zapowiedział … . Na sesji … odczytał
                    // fragment listu: „…”": a colon sentence naming nobody
                    // continues the person the sentence before brought in.
                    None => just_named(cx, cx.previous, salience, &mut a),
                },
            }
        }
        return a;
    }
    let intro = if cx.previous.is_empty() { cx.introduction } else { cx.previous };
    if intro.last().is_some_and(|t| is_colon(cx.text, t))
        && let Some(h) = introduced_by(cx, sp, people, &intro[..intro.len() - 1])
    {
        resolve(&mut a, &h);
        return a;
    }
    if sp.script != Script::Particles
        && !cx.right.iter().any(|t| t.kind == Kind::Word)
        && let Some(h) = spaced::next_sentence(cx.text, sp, people, cx.next)
    {
        resolve(&mut a, &h);
        return a;
    }
    if let Some(p) = earlier.in_paragraph.filter(|p| p.speaker.is_some()).or(earlier.continued) {
        a.speaker = p.speaker.clone();
        a.speaker_kind = p.speaker_kind;
        a.speaker_text = p.speaker_text.clone();
        return a;
    }
    // "… en boca de Ezequiel Barrionuevo, secretario general del
    // sindicato. «…»": a quotation with no attribution of its own, right
    // after the sentence that brings a person in, is theirs. Only that
    // sentence: a person named further back is no introduction.
    let intro = if cx.previous.is_empty() && cx.alone_in_paragraph { cx.introduction } else { cx.previous };
    just_named(cx, intro, salience, &mut a);
    a
}

/// Gives `a` the person last named, when that was in `sentence` (the one
/// before the quotation's): a person named further back is no
/// introduction.
fn just_named(cx: &Context, sentence: &[Token], salience: &Salience, a: &mut Attribution) {
    if let Some(first) = sentence.first()
        && let Some((at, name)) = salience.last_before(cx.at)
        && at >= first.start
    {
        a.speaker = Some(name.to_owned());
        a.speaker_kind = Some(SpeakerKind::Person);
    }
}

/// Who a speaker phrase nobody in the article is named for stands for:
/// unnamed people when a word of it is one of the language's `groups`
/// ("une source proche du dossier", "関係者"); a person's role when a word
/// is a title or role noun ("porte-parole du ministère", "国土交通省の担当者");
/// an organisation when a word is one of its `bodies` ("la préfecture",
/// "気象庁"); else a role.
fn source_kind(sp: &Speech, phrase: &str) -> SpeakerKind {
    let phrase = lowercase(phrase);
    let words: Vec<&str> = if sp.script == Script::Particles {
        vec![&*phrase]
    } else {
        phrase.split_whitespace().map(|w| sp.without_prefix(w).unwrap_or(w)).collect()
    };
    let titled = if sp.script == Script::Particles {
        sp.titles.iter().any(|t| phrase.ends_with(t))
    } else {
        words.iter().any(|w| sp.titles.contains(w) || sp.role_by_ending(w))
    };
    let group = words.iter().any(|w| sp.is_group(w));
    let body = words.iter().any(|w| sp.is_body(w));
    match (group, titled, body) {
        // Unnamed people of a named body are a role ("a ministry source",
        // "고용노동부 관계자"); unnamed people of nowhere are anonymous.
        (true, _, true) => SpeakerKind::Role,
        (true, _, false) => SpeakerKind::Anonymous,
        (false, true, _) => SpeakerKind::Role,
        (false, false, true) => SpeakerKind::Organisation,
        (false, false, false) => SpeakerKind::Role,
    }
}

/// Who issued the document a phrase is headed by, when it is one: the
/// body the phrase names ("Mitteilung des Landgerichts", "comunicado
/// enviado pela empresa"); else one the quotation's own sentence names
/// ("Belediyeden yapılan açıklamada"); else the first the sentence before
/// names when it tells of speaking or of a document ("Das teilte das
/// Familienunternehmen mit. „…“, heißt es in der Mitteilung"); else the
/// document itself ("jugement", "判決"). A body is given as the article
/// names it in full, when it does. `None` when the phrase is no
/// document's.
fn issuer(cx: &Context, sp: &Speech, people: &People, phrase: &str) -> Option<String> {
    let phrase = phrase.trim();
    if sp.script == Script::Particles {
        return sp.is_document(&lowercase(phrase)).then(|| phrase.to_owned());
    }
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let head = words.iter().position(|w| {
        let low = lowercase(w);
        !sp.determiners.contains(&low) && !sp.indefinites.contains(&low) && !sp.determiners.contains(&bare(sp, w))
    })?;
    if !names_document(sp, words[head]) {
        return None;
    }
    let named = |k: usize| {
        let w = strip_elision(words[k]);
        (sp.script == Script::Cased && w.chars().next().is_some_and(char::is_uppercase)) || sp.is_body(&bare(sp, w))
    };
    // The body's words: a capitalised run or one noun for a body, the
    // body the article names in full when they shorten it, else the
    // document with them ("comunicado enviado pela empresa").
    if let Some(b) = (head + 1..words.len()).find(|&k| named(k)) {
        // The body's name goes on over capitalised words, or over the
        // adjectives after its noun ("komunikacie wojewódzkiego urzędu
        // konserwatorskiego").
        let modifier = |k: usize| {
            let low = lowercase(words[k]);
            !sp.phrase_ends.contains(&low) && !sp.determiners.contains(&low) && !sp.is_verb(&low)
        };
        let end = (b + 1..words.len())
            .find(|&k| !(named(k) || (k <= b + 2 && modifier(k))) || sp.script != Script::Cased)
            .unwrap_or(words.len());
        if let Some(name) = words[b..end].iter().find_map(|w| people.body(w, cx.at)) {
            return Some(name.to_owned());
        }
        let written = std::iter::once(strip_elision(words[head])).chain(words[head + 1..end].iter().copied());
        return Some(written.collect::<Vec<_>>().join(" "));
    }
    // Without capitals, a short preposition after the document names who
    // issued it, whatever the noun ("بيان صادر عن القائمة الفائزة").
    if sp.script == Script::Uncased
        && let Some(p) = (head + 1..words.len().min(head + 3))
            .find(|&k| sp.phrase_ends.contains(&lowercase(words[k])) && words[k].chars().count() <= 2)
        && p + 1 < words.len()
    {
        return Some(words[p + 1..words.len().min(p + 4)].join(" "));
    }
    // Of the quotation's own sentence, only what comes before the
    // document: a body after it is rarely its issuer ("señala la
    // sentencia, a la que ha tenido acceso este periódico").
    let is_document = |t: &Token| t.kind == Kind::Word && names_document(sp, t.text(cx.text));
    let sentence = match cx.right.iter().position(is_document) {
        Some(d) => [cx.left, &cx.right[..d]],
        None => [&cx.left[..cx.left.iter().position(is_document).unwrap_or(cx.left.len())], &[][..]],
    };
    let told = |toks: &[Token]| {
        toks.iter().any(|t| {
            let w = bare(sp, t.text(cx.text));
            t.kind == Kind::Word && (sp.is_verb(&w) || sp.is_document(&w))
        })
    };
    let before = if cx.previous.is_empty() { cx.introduction } else { cx.previous };
    let found = sentence
        .iter()
        .find_map(|toks| body_in(cx, sp, people, toks, false))
        .or_else(|| told(before).then(|| body_in(cx, sp, people, before, true)).flatten());
    Some(found.unwrap_or_else(|| strip_elision(words[head]).to_owned()))
}

/// The body that issued a document a colon sentence says it quotes.
fn read_in_document(cx: &Context, sp: &Speech, people: &People, intro: &[Token]) -> Option<String> {
    if sp.script == Script::Particles {
        return None;
    }
    let d = intro.iter().position(|t| t.kind == Kind::Word && names_document(sp, t.text(cx.text)))?;
    // Only a body opening the sentence: "Na sesji rady … odczytał fragment
    // listu:" leaves the one who read it the speaker.
    body_in(cx, sp, people, &intro[..d], true)
}

/// Whether a word is a noun for a document, with or without what looks
/// like a prefix ("بيان" is no "ب" before "يان"; "والبيان" is).
pub(super) fn names_document(sp: &Speech, w: &str) -> bool {
    sp.is_document(&lowercase(strip_elision(w))) || sp.is_document(&bare(sp, w))
}

/// A word as the tables list it: lowercase, without elision or prefix.
fn bare(sp: &Speech, w: &str) -> String {
    let low = lowercase(strip_elision(w)).into_owned();
    sp.without_prefix(&low).map_or(low.clone(), str::to_owned)
}

/// The first body `toks` names: in full as the article names it, or by a
/// noun for a body with the capitalised name after it ("Landgericht
/// Kreuzhagen", "l'entreprise"). A body written after one of the
/// language's addressee words ("à l'AFP") only heard the words. With
/// `subject`, only a body opening the sentence or right after its verb
/// ("وأوضح النادي في بيان"), not one the sentence merely mentions.
fn body_in(cx: &Context, sp: &Speech, people: &People, toks: &[Token], subject: bool) -> Option<String> {
    let (first, last) = (toks.first()?, toks.last()?);
    let word = |k: usize| toks.get(k).filter(|t| t.kind == Kind::Word).map(|t| t.text(cx.text));
    let minor = |k: usize| word(k).is_some_and(|w| sp.determiners.contains(&bare(sp, w)) || sp.is_verb(&bare(sp, w)));
    let opening = |k: usize| (0..k).all(|j| minor(j) || toks[j].kind != Kind::Word);
    if !subject && let Some(name) = people.body_within(first.start, last.end) {
        return Some(name.to_owned());
    }
    let k = (0..toks.len()).find(|&k| {
        word(k).is_some_and(|w| {
            let b = bare(sp, w);
            sp.is_body(&b) && !sp.is_document(&b)
        }) && !(k > 0 && word(k - 1).is_some_and(|p| sp.addressees.contains(&lowercase(p))))
    })?;
    if subject && !opening(k) {
        return None;
    }
    let capitalised = |w: &str| sp.script == Script::Cased && w.chars().next().is_some_and(char::is_uppercase);
    let end =
        (k + 1..toks.len().min(k + 4)).find(|&j| !word(j).is_some_and(capitalised)).unwrap_or(toks.len().min(k + 4));
    let words: Vec<&str> = (k..end).filter_map(word).collect();
    Some(body_named(sp, people, &words, cx.at))
}

/// A body's words as the source: the body the article names in full that
/// one of them shortens or inflects, else the words, one noun cut to the
/// form the table gives it ("Belediyeden" → "Belediye").
fn body_named(sp: &Speech, people: &People, words: &[&str], pos: usize) -> String {
    if let Some(name) = words.iter().find_map(|w| people.body(w, pos)) {
        return name.to_owned();
    }
    match words {
        [one] => sp.body_base(article_off(one)).to_owned(),
        _ => words.iter().map(|w| article_off(w)).collect::<Vec<_>>().join(" "),
    }
}

/// A word without an elided article glued to it: "l'entreprise" →
/// "entreprise", "l'ARS" → "ARS".
fn article_off(w: &str) -> &str {
    match w.find(['\'', '’']) {
        Some(i) if i <= 2 && w[..i].chars().all(char::is_lowercase) && w[i..].chars().count() > 2 => {
            &w[i + w[i..].chars().next().map_or(1, char::len_utf8)..]
        }
        _ => w,
    }
}

/// Whether a phrase found in the speaker's place can name a source: it
/// holds a title or role noun, a noun for a body or for unnamed people, a
/// role the article gives someone, or (in a cased script) a capitalised
/// word after the first that is not a common noun of the article.
fn names_a_source(sp: &Speech, people: &People, phrase: &str) -> bool {
    if sp.script == Script::Particles {
        return true;
    }
    phrase.split_whitespace().enumerate().any(|(k, w)| {
        let low = lowercase(w);
        let low = sp.without_prefix(&low).unwrap_or(&low).to_owned();
        sp.titles.contains(&low)
            || sp.role_by_ending(&low)
            || sp.is_group(&low)
            || sp.is_body(&low)
            || people.is_role(&low)
            // Not the first word: any word opening a sentence is capitalised.
            || (sp.script == Script::Cased
                && k > 0
                && w.chars().next().is_some_and(char::is_uppercase)
                && !people.writes_lowercase(w))
    })
}

/// Whether a name, capitalised like a person's, names a body
/// ("Servicio de Salud de Valdeolmos", "Kamer van Koophandel"): a word of
/// it is one of the language's `bodies` ([`Speech::is_body_in_name`]).
pub(super) fn names_body(sp: &Speech, name: &str) -> bool {
    let name = lowercase(name);
    if sp.script == Script::Particles {
        return sp.bodies.iter().any(|b| name.ends_with(b));
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    // "Gemeinderätin Claudia Meier-Sutter": a title makes it a person.
    if words.iter().any(|w| sp.titles.contains(w) || (sp.role_by_ending(w) && !sp.is_body_noun(w))) {
        return false;
    }
    words.iter().any(|w| sp.is_body_in_name(w))
}

/// A speaker named in a sentence that introduces the quotation after it.
fn introduced_by(cx: &Context, sp: &Speech, people: &People, intro: &[Token]) -> Option<Hit> {
    match sp.script {
        Script::Particles => particles::in_sentence(cx.text, sp, intro),
        Script::Cased | Script::Uncased => spaced::in_sentence(cx.text, sp, people, intro),
    }
}

fn is_colon(text: &str, t: &Token) -> bool {
    t.is_punct(text, ':') || t.is_punct(text, '：')
}

/// Marks that end a quoted sentence in the scripts these tables cover.
const SENTENCE_END: &[char] = &['.', '!', '?', '…', '。', '！', '？', '؟', ',', '，', '،', '、'];

/// Full, partial or mention, from where the quotation stands: a full
/// quotation fills its clause (nothing of the reporter's sentence before
/// it but its attribution and a colon or comma, or ending in its own
/// punctuation with its attribution after it); a short capitalised or
/// unattributed phrase in the middle of a sentence is a term, not speech.
fn kind_of(cx: &Context, sp: &Speech, hit: Option<&Hit>) -> QuoteKind {
    let text = cx.text;
    let quoted = cx.quoted.trim();
    let words = if sp.script == Script::Particles {
        quoted.chars().filter(|c| c.is_alphanumeric()).count().div_ceil(3)
    } else {
        quoted.split_whitespace().count()
    };
    let ends_own = quoted.ends_with(SENTENCE_END);
    let left_words = cx.left.iter().any(|t| t.kind == Kind::Word);
    let left_last = cx.left.last();
    let opens = !left_words
        || left_last.is_some_and(|t| is_colon(text, t))
        || (left_last.is_some_and(|t| t.kind == Kind::Punct && !t.is_punct(text, '('))
            && hit.is_some_and(|h| h.direct));
    if hit.is_none() && words <= 4 && !ends_own && left_words {
        return QuoteKind::Mention;
    }
    // A short capitalised phrase right after a noun is that thing's name,
    // whoever the sentence quotes: the paper „Echo Borowic”, the scheme
    // « Toit solidaire », клуб «Звезда». Quoted speech after a word has a
    // colon or comma between, or starts lowercase.
    let named = sp.script == Script::Cased
        && words <= 4
        && !ends_own
        && quoted.chars().next().is_some_and(char::is_uppercase)
        && left_last.is_some_and(|t| t.kind == Kind::Word);
    if named {
        return QuoteKind::Mention;
    }
    // 「…」と述べた, "…"라고 말했다: the quotation is the whole object of
    // its verb, written without its closing full stop.
    let tied = sp.script == Script::Particles && hit.is_some_and(|h| h.direct) && words >= 4;
    if opens || tied || (ends_own && hit.is_some_and(|h| h.direct)) { QuoteKind::Full } else { QuoteKind::Partial }
}
