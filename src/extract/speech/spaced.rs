//! Speakers in languages written with spaces between words: the verb and
//! its subject on either side of the quotation, in either order ("a
//! déclaré X", "X sagte", "قال X", Turkish "X, … dedi"), "according to"
//! forms before or after the source, and names told by capitals (or, in
//! Arabic, by standing where the speaker stands once titles are read off).

use super::people::{People, strip_elision, strip_suffix};
use super::{Hit, Who};
use crate::extract::lang::speech::{Script, Speech};
use crate::extract::names::lowercase;
use crate::extract::tokens::{Kind, Token};

/// Words a speaker's phrase may run to: "le porte-parole du ministère de
/// l'Intérieur" is seven.
const PHRASE: usize = 8;
/// Words of a name: "Jean-Pierre de la Fontaine" is four.
const NAME: usize = 4;

fn low(text: &str, t: &Token) -> String {
    lowercase(t.text(text)).into_owned()
}

fn is_word(t: &Token) -> bool {
    t.kind == Kind::Word
}

/// The speaker attached to the quotation, or named in its sentence.
pub(super) fn direct(cx: &crate::extract::attribution::Context, sp: &Speech, people: &People) -> Option<Hit> {
    let text = cx.text;
    let (l, r) = (cx.left, cx.right);
    let reader = Reader { text, sp, people };
    reader
        .frame(l, r)
        .or_else(|| reader.right(l, r))
        .or_else(|| reader.left(l))
        .or_else(|| reader.inline(l, true))
        .or_else(|| reader.inline(r, false))
        .or_else(|| reader.subject_ahead(l))
}

/// Tokens next to a quotation an impersonal frame is read in: "»,
/// heißt es in der Mitteilung" after it, "وجاء في البيان:" before it.
const FRAME_REACH: usize = 8;

/// The speaker of a sentence of the reporter's that introduces a quotation.
pub(super) fn in_sentence(text: &str, sp: &Speech, people: &People, toks: &[Token]) -> Option<Hit> {
    let reader = Reader { text, sp, people };
    reader.left(toks).or_else(|| reader.inline(toks, true)).or_else(|| reader.opening_name(toks))
}

/// The speaker the next sentence gives a quotation that fills its own:
/// „…” Dat zegt fractievoorzitter Ruud Klaassen. „…“ Das sagte X. A
/// function word (or one the article also writes in lowercase), the verb,
/// then its subject.
pub(super) fn next_sentence(text: &str, sp: &Speech, people: &People, next: &[Token]) -> Option<Hit> {
    let reader = Reader { text, sp, people };
    let first = next.first().filter(|t| is_word(t))?;
    let w = low(text, first);
    let function_word = sp.not_names.contains(&w)
        || sp.pronouns.contains(&w)
        || sp.determiners.contains(&w)
        || sp.phrase_ends.contains(&w);
    if !(function_word || people.writes_lowercase(first.text(text))) {
        return None;
    }
    let (after, cue, _) = reader.verb_at(next, 1)?;
    let (who, written, _) = reader.slot(next, after, false).filter(|(who, _, _)| reader.can_speak(who))?;
    Some(Hit { who, written, cue: Some(cue), direct: false })
}

/// The people `toks` (a paragraph) names in full, with the role words
/// written with them: (byte offset, name, roles).
pub(super) fn names(text: &str, sp: &Speech, people: &People, toks: &[Token]) -> Vec<(usize, String, Vec<String>)> {
    let reader = Reader { text, sp, people };
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let found = match sp.script {
            Script::Cased => reader.learn_cased(toks, k),
            Script::Uncased | Script::Particles => reader.learn_uncased(toks, k),
        };
        match found {
            Some((end, name, roles)) => {
                out.push((toks[k].start, name, roles));
                k = end.max(k + 1);
            }
            None => k += 1,
        }
    }
    out
}

struct Reader<'a> {
    text: &'a str,
    sp: &'a Speech,
    people: &'a People,
}

impl Reader<'_> {
    fn low(&self, t: &Token) -> String {
        low(self.text, t)
    }

    /// A reporting verb at `k`, alone or after its auxiliary ("a déclaré",
    /// "hat gesagt") or with an inverted pronoun ("a-t-il ajouté",
    /// "ajoute-t-elle"): (index after it, the verb, whether a pronoun was
    /// written into it).
    fn verb_at(&self, toks: &[Token], k: usize) -> Option<(usize, String, bool)> {
        let t = toks.get(k).filter(|t| is_word(t))?;
        let w = self.low(t);
        if self.sp.is_verb(&w) {
            return Some((k + 1, w, false));
        }
        // "a-t-il", "dit-elle": a verb or auxiliary and its pronoun in one word.
        if let Some((head, pronoun)) = w.rsplit_once('-')
            && self.sp.pronouns.contains(pronoun)
        {
            let head = head.trim_end_matches("-t");
            if self.sp.is_verb(head) {
                return Some((k + 1, head.to_owned(), true));
            }
            if self.sp.auxiliaries.contains(head)
                && let Some(n) = toks.get(k + 1).filter(|n| is_word(n))
                && self.sp.is_verb(&self.low(n))
            {
                return Some((k + 2, self.low(n), true));
            }
        }
        if self.sp.auxiliaries.contains(w.as_str()) {
            // The participle may follow a pronoun or an adverb: "hat er gesagt".
            for j in k + 1..toks.len().min(k + 3) {
                let n = &toks[j];
                if !is_word(n) {
                    break;
                }
                let nw = self.low(n);
                if self.sp.is_verb(&nw) {
                    return Some((j + 1, nw, j > k + 1 && self.sp.pronouns.contains(&self.low(&toks[k + 1]))));
                }
            }
        }
        None
    }

    /// Past whom a quotation was said to, when `toks[i]` names it: a
    /// preposition of the table's `addressees` ("à", "all'ANSA") and the
    /// words it governs, up to the next article or a change between
    /// capitalised and lowercase words ("à Lusa o autarca", "a este diario
    /// el alcalde"). Else `i`.
    fn past_addressee(&self, toks: &[Token], i: usize) -> usize {
        let Some(t) = toks.get(i).filter(|t| is_word(t)) else { return i };
        let w = self.low(t);
        let glued =
            self.sp.prefixes.iter().any(|p| w.starts_with(p) && w.len() > p.len() && self.sp.addressees.contains(p));
        if !glued && !self.sp.addressees.contains(&w) {
            return i;
        }
        let mut j = i + 1;
        let article = |t: &Token| {
            let w = self.low(t);
            self.sp.determiners.contains(&w) || self.sp.indefinites.contains(&w)
        };
        if !glued && toks.get(j).is_some_and(|t| is_word(t) && article(t)) {
            j += 1;
        }
        let capitalised =
            |k: usize| strip_elision(toks[k].text(self.text)).chars().next().is_some_and(char::is_uppercase);
        let start = if glued { i } else { j };
        if !glued && !toks.get(j).is_some_and(is_word) {
            return i;
        }
        let case = capitalised(start);
        if !glued {
            j += 1;
        }
        while j < toks.len() && j < start + 4 && is_word(&toks[j]) && !article(&toks[j]) && capitalised(j) == case {
            j += 1;
        }
        j
    }

    /// A quotation of a document by an impersonal frame: "», peut-on lire
    /// dans le jugement", "„…“, heißt es in einer Mitteilung des
    /// Landgerichts", "وجاء في البيان: «…»", "Kararda, “…” denildi". The
    /// source is the document's phrase, after the frame or, failing that,
    /// anywhere near the quotation.
    fn frame(&self, l: &[Token], r: &[Token]) -> Option<Hit> {
        let near_r = r.len().min(FRAME_REACH);
        let near_l = l.len().saturating_sub(FRAME_REACH);
        let is_frame = |t: &Token| is_word(t) && self.sp.frames.contains(&self.low(t));
        let document = |t: &Token| {
            let w = self.low(t);
            let w = strip_elision_low(&w);
            is_word(t) && self.sp.is_document(self.sp.without_prefix(w).unwrap_or(w))
        };
        let (side, f) = r[..near_r]
            .iter()
            .position(is_frame)
            .map(|f| (r, f))
            .or_else(|| l[near_l..].iter().rposition(is_frame).map(|f| (l, near_l + f)))?;
        let cue = self.low(&side[f]);
        let reach = |toks: &[Token], from: usize| toks.len().min(from + FRAME_REACH);
        let (toks, d) = (f + 1..reach(side, f + 1))
            .find(|&j| document(&side[j]))
            .map(|d| (side, d))
            .or_else(|| (near_l..l.len()).rev().find(|&j| document(&l[j])).map(|d| (l, d)))
            .or_else(|| (0..near_r).find(|&j| document(&r[j])).map(|d| (r, d)))?;
        let end = (d + 1..toks.len()).find(|&j| !is_word(&toks[j])).unwrap_or(toks.len()).min(d + PHRASE);
        let written = self.span(toks, d, end);
        Some(Hit { who: Who::Role(written.clone()), written, cue: Some(cue), direct: true })
    }

    /// An "according to" phrase at `k`: the index after it and the phrase.
    fn according_at(&self, toks: &[Token], k: usize) -> Option<(usize, String)> {
        self.phrase_at(self.sp.according, toks, k)
    }

    /// The first "according to him" phrase in `toks[from..to]` ("jego
    /// zdaniem", "по его словам"): where it starts and ends, and a hit for
    /// the person last named.
    fn according_pronoun_in(&self, toks: &[Token], from: usize, to: usize) -> Option<(usize, usize, Hit)> {
        if self.sp.according_pronouns.is_empty() {
            return None;
        }
        (from..to).find_map(|k| {
            let (end, cue) = self.phrase_at(self.sp.according_pronouns, toks, k)?;
            Some((k, end, Hit { who: Who::Pronoun, written: String::new(), cue: Some(cue), direct: true }))
        })
    }

    /// One of `phrases` (lowercase, words split by spaces) at `k`: the
    /// index after it and the phrase.
    fn phrase_at(&self, phrases: &[&str], toks: &[Token], k: usize) -> Option<(usize, String)> {
        let is = |t: &Token, low: &str, w: &str| is_word(t) && (low == w || strip_elision_low(low) == w);
        // This runs at every word before and after every quotation: the
        // first word, lowercased once, rules out nearly every phrase.
        let first = toks.get(k)?;
        let low = self.low(first);
        phrases.iter().find_map(|phrase| {
            let mut words = phrase.split(' ');
            if !is(first, &low, words.next()?) {
                return None;
            }
            let mut n = 1;
            for w in words {
                let t = toks.get(k + n)?;
                if !is(t, &self.low(t), w) {
                    return None;
                }
                n += 1;
            }
            Some((k + n, (*phrase).to_owned()))
        })
    }

    fn according_after_at(&self, toks: &[Token], k: usize) -> bool {
        toks.get(k).is_some_and(|t| is_word(t) && self.sp.according_after.contains(&self.low(t).as_str()))
    }

    /// Whether `w` (lowercase) is a phrase end that is no article: a
    /// preposition or conjunction, after which a capitalised word is a
    /// place and before which a subject ends.
    fn preposition(&self, w: &str) -> bool {
        self.sp.phrase_ends.contains(w) && !self.sp.determiners.contains(w)
    }

    /// A pronoun, alone or written into its verb ("a-t-il", "dit-elle").
    fn is_pronoun(&self, t: &Token) -> bool {
        let w = self.low(t);
        is_word(t)
            && (self.sp.pronouns.contains(&w) || w.rsplit_once('-').is_some_and(|(_, p)| self.sp.pronouns.contains(p)))
    }

    /// Whether `w` (lowercase) is a title or role word of the table,
    /// written with or without its abbreviation's dot.
    fn is_title(&self, w: &str) -> bool {
        let bare = w.trim_end_matches('.');
        self.sp.titles.contains(w)
            || self.sp.titles.contains(bare)
            // Abbreviations are short: only they are looked up with a dot.
            || (bare.len() <= 8 && self.sp.titles.contains(&format!("{bare}.")))
            // An inflected title: "wójta" of "wójt", "председателя" of
            // "председатель": the same word but for its last letter and an
            // ending, so a name sharing a title's first letters ("Kees" and
            // "keeper", "Gérard" and "gérant") is no title.
            || (bare.chars().count() >= 4 && self.sp.titles.iter().any(|t| inflects(t, bare)))
    }

    /// Whether a phrase after a verb before the quotation can be its
    /// subject rather than its object: a name, a pronoun, or a role the
    /// table or the article knows ("a déclaré le ministre :", not "a
    /// tempéré l'enthousiasme :").
    fn can_speak(&self, who: &Who) -> bool {
        match who {
            // Without capitals, one word is a name when the article named
            // its bearer in full, or it is a family name with its article
            // ("الشاذلي"); else it is a noun ("اسمه").
            Who::Name(n) if self.sp.script == Script::Uncased && !n.contains(' ') => {
                self.people.knows(n) || self.sp.determiners.iter().any(|d| n.starts_with(d))
            }
            Who::Name(_) | Who::Pronoun => true,
            Who::Role(r) | Who::Title(r) | Who::New(r) => r.split_whitespace().take(3).any(|w| {
                let w = lowercase(strip_elision(w)).into_owned();
                // Verb first, subject next: after the verb, unnamed people
                // and bodies are its subject too ("قال مراقب", "قالت الوزارة").
                let subject_next = self.sp.script == Script::Uncased && (self.sp.is_group(&w) || self.sp.is_body(&w));
                self.sp.titles.contains(&w) || self.sp.role_by_ending(&w) || self.people.is_role(&w) || subject_next
            }),
        }
    }

    /// The speaker after the quotation: `"…", a déclaré X`, `„…“, so X`,
    /// `"…", X dedi`, `"…", selon X`, `"…", X zufolge`.
    fn right(&self, l: &[Token], r: &[Token]) -> Option<Hit> {
        let text = self.text;
        let mut i = 0;
        while i < r.len() && r[i].kind == Kind::Punct && !r[i].is_punct(text, '(') && !r[i].is_punct(text, '.') {
            i += 1;
        }
        // "», se preguntó Raúl Benítez": a clitic before the verb.
        if r.get(i).is_some_and(|t| {
            let w = self.low(t);
            is_word(t)
                && w.chars().count() <= 2
                && !self.sp.auxiliaries.contains(&w)
                && !self.sp.determiners.contains(&w)
                && !self.sp.is_verb(&w)
        }) && self.verb_at(r, i + 1).is_some_and(|(_, _, inverted)| !inverted)
        {
            i += 1;
        }
        let t = r.get(i).filter(|t| is_word(t))?;
        let w = self.low(t);
        if let Some((_, _, hit)) = self.according_pronoun_in(r, i, i + 1) {
            return Some(hit);
        }
        if self.sp.after_quote.contains(&w) || self.according_at(r, i).is_some() {
            let (after, cue) = self.according_at(r, i).unwrap_or((i + 1, w));
            let (who, written, _) = self.slot(r, after, false)?;
            return Some(Hit { who, written, cue: Some(cue), direct: true });
        }
        if let Some((after, cue, inverted)) = self.verb_at(r, i) {
            if inverted {
                return Some(Hit { who: Who::Pronoun, written: String::new(), cue: Some(cue), direct: true });
            }
            // After the verb, its subject; not where or how it was said
            // ("ha scritto sui social").
            let article = |w: &str| {
                w.split_whitespace().next().is_some_and(|f| {
                    let f = lowercase(f);
                    self.sp.determiners.contains(&f) || self.sp.indefinites.contains(&f)
                })
            };
            // "заявил журналистам председатель …", "a déclaré jeudi à l'AFP
            // la procureure": past when it was said and to whom.
            let verb_end = after;
            let mut after = self.past_addressee(r, after);
            // "“…”، مؤكدا أن موكله سيستأنفه": the verb's clause, not its
            // subject, follows.
            let clause = r.get(after).is_some_and(|t| is_word(t) && self.sp.complementizers.contains(&self.low(t)));
            while after + 1 < r.len()
                && is_word(&r[after])
                && self.sp.phrase_ends.contains(&self.low(&r[after]))
                && !self.is_pronoun(&r[after])
                // "dijo el sindicato": an article opens the subject.
                && !self.sp.determiners.contains(&self.low(&r[after]))
            {
                let past = self.past_addressee(r, after);
                if past != after {
                    after = past;
                    continue;
                }
                if self.slot(r, after + 1, false).is_some() {
                    after = self.past_addressee(r, after + 1);
                    break;
                }
                after += 1;
            }
            // After the verb that follows a quotation, a body or a group is
            // its subject ("– przekazało jedynie biuro prasowe urzędu", "—
            // говорят жители");
            // past a preposition, a body is where the words came from ("—
            // сообщили в пресс-службе компании").
            // One word alone may be whom it was said to ("– powiedział
            // dziennikarzom").
            let at_body = |written: &str| {
                let words = written.split_whitespace().count();
                written.split_whitespace().any(|w| {
                    let w = lowercase(w);
                    (self.sp.is_body(&w) && (words >= 2 || after > verb_end))
                        || (after == verb_end && self.sp.is_group(&w))
                })
            };
            let speaks =
                |(who, written, _): &(Who, String, usize)| self.can_speak(who) || article(written) || at_body(written);
            if let Some((who, written, _)) =
                self.slot(r, after, false).filter(|_| !self.sp.verb_final && !clause).filter(speaks)
            {
                return Some(Hit { who, written, cue: Some(cue), direct: true });
            }
            // "reconoció en declaraciones a Radio Arriaga la intendenta
            // Graciela Montenegro": past how and to whom, the subject opens
            // with its article.
            if !self.sp.verb_final
                && !clause
                && let Some((who, written, _)) = (after + 1..r.len().min(after + PHRASE))
                    .take_while(|&j| is_word(&r[j]) && self.verb_at(r, j).is_none())
                    .filter(|&j| self.sp.determiners.contains(&self.low(&r[j])))
                    .find_map(|j| self.slot(r, j, false).filter(|found| self.can_speak(&found.0)))
            {
                return Some(Hit { who, written, cue: Some(cue), direct: true });
            }
            // Nothing after the verb: the subject was written before the
            // quotation (Turkish "X, … dedi"), or not at all ("dijo").
            // "Sarıçay Valisi Kemal Sönmez, fabrika önünde … yaptığı kısa
            // açıklamada, “…” dedi": a named subject opening the sentence
            // over a clause that names nobody.
            let clause = self.clause_subject(l);
            let (who, written) = clause
                .clone()
                .filter(|(w, _)| matches!(w, Who::Name(_) | Who::Pronoun))
                .or_else(|| self.opening_name(l).filter(|h| matches!(h.who, Who::Name(_))).map(|h| (h.who, h.written)))
                .or(clause)
                .unwrap_or((Who::Pronoun, String::new()));
            return Some(Hit { who, written, cue: Some(cue), direct: true });
        }
        // The subject first: `"…", Claire Dubois a ajouté`, `"…" X'e göre`.
        for v in i + 1..r.len().min(i + PHRASE + 3) {
            if !is_word(&r[v]) && !r[v].is_punct(text, ',') && !r[v].is_punct(text, '.') {
                break;
            }
            if let Some((_, cue, _)) = self.verb_at(r, v) {
                let (who, written) = self.subject_before(r, i, v)?;
                return Some(Hit { who, written, cue: Some(cue), direct: true });
            }
            if self.according_after_at(r, v) {
                let (who, written) = self.subject_before(r, i, v)?;
                return Some(Hit { who, written, cue: Some(self.low(&r[v])), direct: true });
            }
        }
        None
    }

    /// The speaker before the quotation: `X a déclaré : « … »`, `قال X: "…"`,
    /// `Selon X, « … »`, `X'e göre "…"`.
    fn left(&self, l: &[Token]) -> Option<Hit> {
        let text = self.text;
        let mut e = l.len();
        while e > 0 && l[e - 1].kind == Kind::Punct && !l[e - 1].is_punct(text, ')') {
            e -= 1;
        }
        // What stands between the clause and the quotation: a colon, a
        // comma or a dash lets a subject after the verb be the speaker
        // ("a déclaré X :"); anything else ("d'«") makes it the object.
        let opens = l[e..].iter().any(|t| {
            t.is_punct(text, ':')
                || t.is_punct(text, ',')
                || t.is_punct(text, '،')
                || t.is_punct(text, '—')
                || t.is_punct(text, '–')
        });
        let lo = (0..e).rev().find(|&k| matches!(l[k].kind, Kind::Quote(_))).map_or(0, |k| k + 1);
        // "По её словам, к четвергу прокуратура ждёт … «…»": "according
        // to her" opening the sentence covers all of it.
        let pronoun_phrase = self.according_pronoun_in(l, lo, e);
        if lo == 0
            && let Some((start, _, hit)) = &pronoun_phrase
            && *start < 2
        {
            return Some(hit.clone());
        }
        // "Stando a fonti vicine alla società, nelle ultime settimane … “…”":
        // so does "according to X," opening it.
        if lo == 0
            && let Some((after, cue)) = (0..e.min(2)).find_map(|k| self.according_at(l, k))
            && let Some((who, written, end)) = self.slot(l, after, false)
            && l[end.min(e)..e.min(end + 4)].iter().any(|t| t.is_punct(text, ','))
        {
            return Some(Hit { who, written, cue: Some(cue), direct: false });
        }
        let lo = lo.max(e.saturating_sub(PHRASE + 6));
        for v in (lo..e).rev() {
            // "jego zdaniem" is read whole, before "zdaniem" alone.
            if let Some((start, end, hit)) = &pronoun_phrase
                && (*start..*end).contains(&v)
            {
                return Some(hit.clone());
            }
            if let Some((after, cue, inverted)) = self.verb_at(l, v) {
                if inverted {
                    return Some(Hit { who: Who::Pronoun, written: String::new(), cue: Some(cue), direct: true });
                }
                // The subject after the verb: up to the colon, or followed by
                // when and where it was said ("قال X في مؤتمر صحفي:").
                let verb_first = self.sp.script == Script::Uncased;
                if after < e
                    && opens
                    && let Some((who, written, end)) = self.slot(l, after, false)
                    && (end == e || verb_first || !matches!(who, Who::Role(_)))
                    && self.can_speak(&who)
                {
                    return Some(Hit { who, written, cue: Some(cue), direct: true });
                }
                // "وقال مراقب …، طلب عدم ذكر اسمه:": a verb with no subject
                // after it, in a language that writes the verb first, is a
                // clause's; the sentence's verb stands earlier.
                if verb_first && (lo..v).any(|j| self.verb_at(l, j).is_some()) {
                    continue;
                }
                // The verb closing the clause, or followed by when or where
                // it was said ("a déclaré lundi matin :", "dijo durante la
                // sesión:"): the subject before it.
                if after == e || opens {
                    let (who, written) = self.subject_before(l, lo, v).unwrap_or((Who::Pronoun, String::new()));
                    return Some(Hit { who, written, cue: Some(cue), direct: true });
                }
            }
            // "Как рассказал нашему изданию источник в мэрии, …": past whom
            // it was told to.
            if let Some((after, cue)) = self.according_at(l, v)
                && let Some((who, written, end)) = self.slot(l, self.past_addressee(l, after), false)
            {
                return Some(Hit { who, written, cue: Some(cue), direct: end == e });
            }
            if self.according_after_at(l, v)
                && let Some((who, written)) = self.subject_before(l, lo, v)
            {
                return Some(Hit { who, written, cue: Some(self.low(&l[v])), direct: v + 1 == e });
            }
        }
        None
    }

    /// A reporting verb anywhere in `toks` with its subject: "X a qualifié
    /// la décision d'« erreur »". `last`: the last such verb (a sentence
    /// introducing a quotation), else the first.
    fn inline(&self, toks: &[Token], last: bool) -> Option<Hit> {
        let found = |v: usize| {
            let (after, cue, inverted) = self.verb_at(toks, v)?;
            if inverted {
                return Some(Hit { who: Who::Pronoun, written: String::new(), cue: Some(cue), direct: false });
            }
            let (who, written) =
                self.subject_before(toks, 0, v).or_else(|| self.slot(toks, after, false).map(|(w, s, _)| (w, s)))?;
            Some(Hit { who, written, cue: Some(cue), direct: false })
        };
        if last { (0..toks.len()).rev().find_map(found) } else { (0..toks.len()).find_map(found) }
    }

    /// The subject opening a clause that ends in a comma before the
    /// quotation (Turkish "Bakan Ayşe Demir, “…” dedi").
    /// The name a sentence opens with, as the subject of a sentence that
    /// introduces a quotation with no reporting verb ("Erdem, … şu yanıtı
    /// verdi:", "Kowalska, pytana o …, odpowiedziała krótko:").
    fn opening_name(&self, toks: &[Token]) -> Option<Hit> {
        // The subject opens the sentence, or follows what opens it and a
        // comma ("Toutefois, la directrice financière, Inès Belkacem, a
        // tempéré l'enthousiasme :", "Di hadapan anggota dewan, ia …:").
        let starts = std::iter::once(0).chain((1..toks.len().min(6)).filter(|&j| toks[j - 1].is_punct(self.text, ',')));
        for start in starts {
            let Some((mut who, mut written, mut end)) = self.slot(toks, start, true) else { continue };
            // "Andere buurtbewoners zijn vooral opgelucht:": unnamed people
            // or a body opening the sentence are its subject, up to their
            // noun.
            let unnamed = (start..end.min(start + 3)).find(|&j| {
                let w = self.low(&toks[j]);
                let w = strip_elision_low(&w);
                self.sp.is_group(w) || self.sp.is_body(w)
            });
            if !matches!(who, Who::Name(_))
                && !self.can_speak(&who)
                && let Some(g) = unnamed
            {
                let noun = strip_elision(&self.span(toks, start, g + 1)).to_owned();
                (who, written, end) = (Who::Role(noun.clone()), noun, g + 1);
            }
            let subject = match &who {
                // One capitalised word opening a sentence is a name only
                // when the article named its bearer ("Poche parole, …:").
                Who::Name(n) if start == 0 && !n.contains(' ') => self.people.knows(n),
                Who::Name(_) | Who::Pronoun => true,
                Who::Title(_) | Who::Role(_) | Who::New(_) => self.can_speak(&who) || unnamed.is_some(),
            };
            if subject && toks.get(end).is_some_and(|t| t.is_punct(self.text, ',') || is_word(t)) {
                return Some(Hit { who, written, cue: None, direct: false });
            }
        }
        None
    }

    /// In a language whose verb closes the sentence, a name and a comma
    /// right before the quotation are its speaker, whatever the verb
    /// after it ("Müdür Ergüven, “…” açıklamasını yaptı").
    fn subject_ahead(&self, l: &[Token]) -> Option<Hit> {
        if !self.sp.verb_final {
            return None;
        }
        let (who, written) = self.clause_subject(l).filter(|(w, _)| matches!(w, Who::Name(_)))?;
        Some(Hit { who, written, cue: None, direct: true })
    }

    fn clause_subject(&self, l: &[Token]) -> Option<(Who, String)> {
        let text = self.text;
        let last = l.last()?;
        if !last.is_punct(text, ',') {
            return None;
        }
        let end = l.len() - 1;
        let start = (0..end).rev().find(|&k| !is_word(&l[k])).map_or(0, |k| k + 1);
        (start < end).then(|| self.subject_before(l, start, end)).flatten()
    }

    /// The speaker's phrase starting at `i`: a pronoun, a name with the
    /// titles and roles before it, or a role or organisation. Returns who,
    /// the words as written and the index after them.
    fn slot(&self, toks: &[Token], i: usize, at_start: bool) -> Option<(Who, String, usize)> {
        let t = toks.get(i).filter(|t| is_word(t))?;
        // Dutch "het" is "it" and "the": before a noun, the article.
        let article = self.sp.determiners.contains(&self.low(t))
            && toks.get(i + 1).is_some_and(|n| {
                let w = self.low(n);
                is_word(n) && !self.sp.is_verb(&w) && !self.sp.phrase_ends.contains(&w)
            });
        if self.is_pronoun(t) && !article {
            return Some((Who::Pronoun, t.text(self.text).to_owned(), i + 1));
        }
        let mut k = i;
        let mut indefinite = false;
        while k < toks.len() && is_word(&toks[k]) {
            let w = self.low(&toks[k]);
            if self.sp.indefinites.contains(&w) {
                indefinite = true;
            } else if !self.sp.determiners.contains(&w) {
                break;
            }
            k += 1;
        }
        let mut e = k;
        // Roles of bodies run long without capitals ("رئيس هيئة الدفاع عن
        // عائلات الضحايا المحامي حسان القباني").
        let reach = if self.sp.script == Script::Uncased { PHRASE + 4 } else { PHRASE };
        while e < toks.len() && e < k + reach && is_word(&toks[e]) {
            let w = self.low(&toks[e]);
            // "la pm all'uscita dall'aula": a preposition elided onto its
            // noun ends the phrase as the whole word would.
            let elided = w.find(['\'', '’']).is_some_and(|i| {
                let p = &w[..i];
                let with = &w[..i + w[i..].chars().next().map_or(1, char::len_utf8)];
                self.sp.phrase_ends.contains(p) || self.sp.addressees.contains(with) || self.sp.addressees.contains(p)
            });
            // "la Comisión Estatal del Agua": a particle inside a name.
            let inside_name = e > k
                && self.sp.name_particles.contains(&w)
                && toks[e - 1].is_capitalized(self.text)
                && toks.get(e + 1).is_some_and(|n| is_word(n) && n.is_capitalized(self.text));
            if e > k
                && !inside_name
                && (self.sp.phrase_ends.contains(&w)
                    || elided
                    || self.sp.is_verb(&w)
                    || self.sp.auxiliaries.contains(&w)
                    || self.sp.pronouns.contains(&w)
                    || self.sp.according_after.contains(&w.as_str()))
            {
                break;
            }
            e += 1;
        }
        // Determiners to the end of the sentence ("said the"): no phrase.
        if e == k {
            return None;
        }
        let first = self.low(&toks[k]);
        if self.sp.is_verb(&first) || self.sp.auxiliaries.contains(&first) || self.sp.phrase_ends.contains(&first) {
            return None;
        }
        // "сказал 24-летний футболист", "erzählte der 56-Jährige": an age
        // stands for the person just named.
        let age = toks[k].text(self.text);
        if age.chars().any(|c| c.is_ascii_digit()) && age.chars().any(char::is_alphabetic) {
            return Some((Who::Title(age.to_owned()), self.span(toks, i, e), e));
        }
        let mut who = self.who(toks, k, e, at_start && k == i, indefinite)?;
        // "schreef de Senegalees", "sagte der Hamburger": one capitalised
        // word after an article, the name of nobody the article names, is
        // what someone is, not who.
        if let Who::Name(n) = &who
            && k > i
            && e == k + 1
            && !indefinite
            && !self.people.knows(n)
        {
            who = Who::Title(self.span(toks, k, e));
        }
        // "le PDG du groupe, Laurent Vasseur,", "Koordinator Forum Sopir
        // Angkot, Dedi Kurniawan,": a role or an organisation, then the
        // person's name in apposition.
        let acronym = e - k == 1 && !toks[k].text(self.text).chars().any(char::is_lowercase);
        let titled = self.is_title(&first) || self.sp.role_by_ending(&first);
        if self.sp.script == Script::Uncased
            && toks.get(e).is_some_and(|t| t.is_punct(self.text, '،') || t.is_punct(self.text, ','))
            // "…، طلب عدم ذكر اسمه": a clause after the comma, not a name.
            && toks.get(e + 1).is_some_and(|t| {
                let w = self.low(t);
                !self.sp.phrase_ends.contains(&w) && !self.sp.is_verb(&w)
            })
            && let Some(end) = (e + 1..toks.len().min(e + 1 + PHRASE))
                .find(|&j| !is_word(&toks[j]))
                .or(Some(toks.len().min(e + 1 + PHRASE)))
            && end > e + 1
            && let Some(Who::Name(name)) = self.who(toks, e + 1, end, false, false)
            // "رئيس نادي النجم، فهد السالم،": a body's name, then the person;
            // "المتحدثة باسمها، ريم القاسمي": a title's phrase, then the person.
            && match &who {
                Who::Name(n) => titled || n.split_whitespace().next().is_some_and(|w| self.sp.is_body(w)),
                _ => true,
            }
        {
            return Some((Who::Name(name), self.span(toks, i, end), end));
        }
        if self.sp.script == Script::Cased
            && (!matches!(who, Who::Name(_)) || acronym || titled)
            && toks.get(e).is_some_and(|t| t.is_punct(self.text, ','))
            && let Some((a, b)) = (e + 1..toks.len().min(e + 4))
                .take_while(|&j| is_word(&toks[j]))
                .find_map(|j| self.name_run(toks, j, toks.len().min(j + NAME + 2), false))
            // "l'avvocato Marco Delfini, che difende Sartorello": a clause
            // after the comma names someone else.
            && toks[e + 1..a].iter().all(|t| {
                let w = self.low(t);
                (!t.is_capitalized(self.text) || self.sp.titles.contains(&w) || self.sp.role_by_ending(&w))
                    && !self.sp.is_verb(&w)
                    && (!self.sp.phrase_ends.contains(&w) || self.sp.determiners.contains(&w))
            })
            && toks.get(b).is_none_or(|t| t.kind == Kind::Punct)
            // "o politólogo Ricardo Pestana, da Universidade do Litoral":
            // a body after a person's name is where they work.
            && !(matches!(who, Who::Name(_))
                && toks[a..b].iter().any(|t| self.sp.is_body(&self.low(t))))
        {
            return Some((Who::Name(self.name_text(toks, a, b)), self.span(toks, i, b), b));
        }
        if let Who::New(_) | Who::Role(_) = who
            && let Some(end) = self.belonging(toks, k, e)
        {
            // "رئيس هيئة الدفاع عن عائلات الضحايا المحامي حسان القباني،": the
            // body's phrase ends in a person's title, and the name follows.
            let last = self.low(&toks[end - 1]);
            let titled = self.sp.titles.contains(&last)
                || self.sp.without_prefix(&last).is_some_and(|b| self.sp.titles.contains(b));
            if self.sp.script == Script::Uncased && titled {
                let b = self.uncased_name_end(toks, end, toks.len().min(end + NAME));
                if b >= end + 2 && toks.get(b).is_none_or(|t| !is_word(t)) {
                    return Some((Who::Name(self.span(toks, end, b)), self.span(toks, i, b), b));
                }
            }
            let phrase = self.span(toks, k, end);
            who = if matches!(who, Who::New(_)) { Who::New(phrase) } else { Who::Role(phrase) };
            return Some((who, self.span(toks, i, end), end));
        }
        Some((who, self.span(toks, i, e), e))
    }

    /// Where the place or body an unnamed source belongs to ends, when a
    /// preposition after the role or group `toks[k..e]` gives one: "مسؤول
    /// في إدارة الميناء", "kilku osób z porannej zmiany".
    fn belonging(&self, toks: &[Token], k: usize, e: usize) -> Option<usize> {
        // The role or group may follow a number word ("kilku osób").
        let unnamed = (k..e.min(k + 2)).any(|j| {
            let low = self.low(&toks[j]);
            // "بيان" is no "ب" before "يان": the word whole, then bare.
            [low.as_str(), self.sp.without_prefix(&low).unwrap_or(&low)].into_iter().any(|w| {
                // And a document keeps who issued it ("بيان صادر عن القائمة").
                self.sp.is_group(w) || self.sp.titles.contains(w) || self.sp.is_document(w)
            })
        });
        if !unnamed {
            return None;
        }
        let stop = |t: &Token| {
            let w = self.low(t);
            !is_word(t) || self.sp.phrase_ends.contains(&w) || self.sp.is_verb(&w) || self.sp.pronouns.contains(&w)
        };
        let p = toks.get(e).filter(|t| is_word(t))?;
        let w = self.low(p);
        // Prepositions are the short words among the phrase ends.
        if !self.sp.phrase_ends.contains(&w) || w.chars().count() > 3 || self.sp.is_verb(&w) {
            return None;
        }
        // Three words at most, not counting articles ("de la préfecture").
        let mut end = e + 1;
        let mut words = 0;
        while end < toks.len() && words < 3 && !stop(&toks[end]) {
            if !self.sp.determiners.contains(&self.low(&toks[end])) {
                words += 1;
            }
            end += 1;
        }
        (end > e + 1).then_some(end)
    }

    /// Whether a capitalised run ending at `b` is the body of the
    /// capitalised title after it, not a name: "İl Çevre Müdürü Orhan
    /// Demirel", "Dinas Energi Kepala …".
    fn body_of_title(&self, toks: &[Token], b: usize) -> bool {
        toks.get(b).is_some_and(|t| is_word(t) && t.is_capitalized(self.text) && self.is_title(&self.low(t)))
    }

    /// Who the words `toks[k..e]` (no determiner in front) name.
    fn who(&self, toks: &[Token], k: usize, e: usize, at_start: bool, indefinite: bool) -> Option<Who> {
        match self.sp.script {
            Script::Cased => {
                for m in k..e {
                    if let Some((a, b)) = self.name_run(toks, m, e, at_start && m == k) {
                        if self.body_of_title(toks, b) {
                            continue;
                        }
                        // "Andere buurtbewoners", "Mehrere Anwohner": one
                        // capitalised word before unnamed people or a body
                        // describes them.
                        if b == a + 1
                            && b < e
                            && !toks[b].is_capitalized(self.text)
                            && (self.sp.is_group(&self.low(&toks[b])) || self.sp.is_body(&self.low(&toks[b])))
                        {
                            return Some(self.role(toks, k, e, indefinite));
                        }
                        let name = self.name_text(toks, a, b);
                        // "la portavoz del Ayuntamiento": the role of a body,
                        // not the body.
                        // "l'assessore allo Sport", "el alcalde de Torrealbarda":
                        // a capitalised word after a role and its preposition
                        // is the role's domain.
                        let head = strip_elision_low(&self.low(&toks[k])).to_owned();
                        let governed = a > 0 && {
                            let t = &toks[a - 1];
                            is_word(t)
                                && !t.is_capitalized(self.text)
                                && !self.is_title(strip_elision_low(&self.low(t)))
                        };
                        if a > k
                            && (self.is_title(&head) || self.sp.role_by_ending(&head))
                            && (governed || lowercase(&name).split_whitespace().any(|w| self.sp.is_body(w)))
                        {
                            return Some(self.role(toks, k, e, indefinite));
                        }
                        return Some(Who::Name(name));
                    }
                }
                let first = self.low(&toks[k]);
                if self.sp.not_names.contains(&first) || self.sp.phrase_ends.contains(&first) {
                    return None;
                }
                Some(self.role(toks, k, e, indefinite))
            }
            Script::Uncased | Script::Particles => {
                let m = self.after_titles(toks, k, e);
                let definite = |j: usize| {
                    let w = self.low(&toks[j]);
                    self.sp.determiners.iter().any(|d| w.starts_with(d))
                };
                // A definite noun opening the phrase is an organisation
                // ("الهيئة الوطنية", "الوزارة في بيان"), or a family name
                // ("العمري", "قالت الدويري بصوت مخنوق").
                if m == k && definite(k) && e - k > 1 {
                    let w = self.low(&toks[k]);
                    let bare = self.sp.without_prefix(&w).unwrap_or(&w);
                    if definite(k + 1) || self.sp.is_body(bare) || self.sp.is_group(bare) {
                        return Some(self.role(toks, k, e, indefinite));
                    }
                    return Some(Who::Name(self.span(toks, k, k + 1)));
                }
                // Where the article is a prefix, a title without it and
                // without a definite noun after it is someone new ("بحسب
                // مسؤول في إدارة الميناء"); "وزير المالية" is definite.
                let head = self.low(&toks[k]);
                let untitled_article = self.sp.prefixes.iter().any(|p| self.sp.determiners.contains(p))
                    && !definite(k)
                    && (self.sp.titles.contains(&head) || self.sp.is_group(&head))
                    && !(k + 1 < e && definite(k + 1));
                if untitled_article && self.sp.script == Script::Uncased {
                    return Some(Who::New(self.span(toks, k, e)));
                }
                // A document is no one's name ("بحسب بيان صادر عن …").
                if self.sp.script == Script::Uncased && super::names_document(self.sp, toks[k].text(self.text)) {
                    return Some(Who::Role(self.span(toks, k, e)));
                }
                // A number is no part of a name ("البالغ من العمر 24 عاما").
                if m < e && !toks[m..e].iter().any(|t| t.text(self.text).chars().any(|c| c.is_numeric())) {
                    let b = self.uncased_name_end(toks, m, e);
                    return Some(Who::Name(self.span(toks, m, b)));
                }
                Some(self.role(toks, k, e, indefinite))
            }
        }
    }

    /// A role or organisation `toks[k..e]`: someone new after an indefinite
    /// article, a person's role when it is a title in a word or two, else
    /// a role or organisation of its own.
    fn role(&self, toks: &[Token], k: usize, e: usize, indefinite: bool) -> Who {
        let phrase = strip_elision(&self.span(toks, k, e)).to_owned();
        let head = lowercase(strip_elision(toks[k].text(self.text))).into_owned();
        if indefinite {
            Who::New(phrase)
        } else if e - k <= 2
            && (self.sp.titles.contains(&head) || self.sp.role_by_ending(&head))
            // "fonti vicine": unnamed people are nobody named before.
            && !self.sp.is_group(&head)
        {
            Who::Title(phrase)
        } else {
            Who::Role(phrase)
        }
    }

    /// The speaker's phrase ending right before the verb at `v` (its
    /// auxiliary, an aside between commas, allowed in between).
    fn subject_before(&self, toks: &[Token], lo: usize, v: usize) -> Option<(Who, String)> {
        let text = self.text;
        let mut end = v;
        while end > lo && is_word(&toks[end - 1]) && self.sp.auxiliaries.contains(&self.low(&toks[end - 1])) {
            end -= 1;
        }
        // "Claire Dubois, ministre de l'Intérieur, a déclaré".
        if end > lo + 1
            && toks[end - 1].is_punct(text, ',')
            && let Some(c) = (lo..end - 1).rev().take(PHRASE + 2).find(|&c| toks[c].is_punct(text, ','))
            && c > lo
        {
            // "Sa présidente, Sandrine Aubertin-Roy, a affirmé": the aside
            // is the name.
            if self.sp.script == Script::Cased
                && let Some((a, b)) = self.name_run(toks, c + 1, end - 1, false)
                && a == c + 1
                && b == end - 1
            {
                return Some((Who::Name(self.name_text(toks, a, b)), self.span(toks, c + 1, b)));
            }
            end = c;
        }
        if end > lo && self.is_pronoun(&toks[end - 1]) {
            return Some((Who::Pronoun, toks[end - 1].text(text).to_owned()));
        }
        let mut start = end;
        while start > lo && start + PHRASE + 2 > end && is_word(&toks[start - 1]) {
            if start < end && self.verb_at(toks, start - 1).is_some() {
                break;
            }
            start -= 1;
        }
        if start == end {
            return None;
        }
        let at_start = start == 0 || toks[start - 1].kind == Kind::Punct;
        match self.sp.script {
            Script::Cased => {
                // A full name opening the subject ("Dr Ewa Marczak z Instytutu
                // … w Zalesiu ostrzega"), else the name nearest the verb.
                // "Rzecznik rady rodziców Szkoły Podstawowej nr 3": a body's
                // name after a title is the role's, not a person's.
                let titled = {
                    let w = strip_elision_low(&self.low(&toks[start])).to_owned();
                    self.is_title(&w) || self.sp.role_by_ending(&w)
                };
                // "… yang ditemui di Puskesmas Sidowaras menilai": a name
                // after a preposition is where, not who.
                // Nor is the tail of a longer capitalised run, unless what
                // precedes it is a title.
                let placed = |a: usize| {
                    a > 0 && is_word(&toks[a - 1]) && {
                        let w = self.low(&toks[a - 1]);
                        self.preposition(&w)
                            || (a > start
                                && toks[a - 1].is_capitalized(text)
                                && !self.is_title(&w)
                                && !self.sp.role_by_ending(&w)
                                && !self.sp.honorifics.contains(&w))
                    }
                };
                let mut s = start;
                while s < end {
                    match self.name_run(toks, s, end, at_start && s == start).filter(|&(a, _)| !placed(a)) {
                        Some((a, b))
                            if titled
                                && a > start
                                && super::names_body(self.sp, &self.name_text(toks, a, b))
                                && b - a >= 2 =>
                        {
                            return Some((self.role(toks, start, end, false), self.span(toks, start, end)));
                        }
                        Some((a, b)) if b - a >= 2 && !self.body_of_title(toks, b) => {
                            return Some((Who::Name(self.name_text(toks, a, b)), self.span(toks, s, end)));
                        }
                        Some((_, b)) => s = b,
                        None => s += 1,
                    }
                }
                for s in start..end {
                    // "… anlatan Fatma Hanım,": a name and the honorific after it.
                    if let Some((a, b)) = self.name_run(toks, s, end, at_start && s == start)
                        && !placed(a)
                        && toks[b..end].iter().all(|t| self.is_title(&self.low(t)))
                    {
                        return Some((Who::Name(self.name_text(toks, a, b)), self.span(toks, s, end)));
                    }
                }
                let article = |d: usize| {
                    self.sp.determiners.contains(&self.low(&toks[d]))
                        || self.sp.indefinites.contains(&self.low(&toks[d]))
                };
                let d = (start..end).rev().find(|&d| article(d));
                let indefinite = d.is_some_and(|d| self.sp.indefinites.contains(&self.low(&toks[d])));
                let s = d.map_or(start, |d| d + 1);
                let first = self.low(&toks[s.min(end - 1)]);
                if s >= end
                    || self.sp.not_names.contains(&first)
                    || (toks[s].is_capitalized(text) && at_start && s == start && self.people.writes_lowercase(&first))
                {
                    return None;
                }
                // "Sejumlah orang tua siswa yang ditemui di …": the subject
                // ends where a clause or a preposition starts.
                let end = (s + 1..end).find(|&j| self.preposition(&self.low(&toks[j]))).unwrap_or(end);
                // But not before the body a source belongs to ("sumber di
                // lingkungan Pemkab").
                let end = self.belonging(toks, s, end).unwrap_or(end);
                Some((self.role(toks, s, end, indefinite), self.span(toks, d.unwrap_or(s), end)))
            }
            // Verb first in these languages: a phrase before the verb is
            // rarely its subject ("من جهته، قال").
            Script::Uncased | Script::Particles => None,
        }
    }

    /// A name starting at or after titles at `m`, within `..e`: the range
    /// of its words.
    fn name_run(&self, toks: &[Token], m: usize, e: usize, at_start: bool) -> Option<(usize, usize)> {
        let cap = |k: usize| {
            let w = toks[k].text(self.text);
            let w = if k == m { strip_elision(w) } else { w };
            is_word(&toks[k]) && w.chars().next().is_some_and(char::is_uppercase)
        };
        let not_a_name = |k: usize| {
            let w = lowercase(strip_elision(toks[k].text(self.text))).into_owned();
            self.is_title(&w)
                || self.sp.not_names.contains(&w)
                || self.sp.determiners.contains(&w)
                || self.sp.pronouns.contains(&w)
                || self.sp.role_by_ending(&w)
                || self.sp.is_verb(&w)
                || (k == m && at_start && self.people.writes_lowercase(&w))
        };
        if m >= e || !cap(m) {
            return None;
        }
        let mut a = m;
        while a < e && cap(a) && not_a_name(a) {
            a += 1;
        }
        if a >= e || !cap(a) || (a > m && !cap(a)) {
            return None;
        }
        let mut b = a;
        let mut n = 0;
        // "l'association La Truite de la Lirette": a name after an article
        // is a thing's, and takes no surname after two particles.
        let after_article = a > 0 && is_word(&toks[a - 1]) && self.sp.determiners.contains(&self.low(&toks[a - 1]));
        while b < e && n < NAME {
            if cap(b) && (b == a || !not_a_name(b)) {
                b += 1;
                n += 1;
            } else if let Some(c) = self.surname_after_particles(toks, b, e, n, after_article) {
                n += usize::from(c > b + 1);
                b = c;
            } else {
                break;
            }
        }
        Some((a, b))
    }

    /// Where a name goes on after the particles starting at `b`, of a
    /// name of `had` words so far: one particle and the capitalised words
    /// after it ("Maria da Luz Pereira"), or two and one surname ending
    /// the name ("Bart van den Heuvel", "de la Fontaine"). After a first
    /// and a last name, a particle and more than one capitalised word are
    /// what the person belongs to ("Ruud Klaassen van Lokaal Marlewijk");
    /// after an article, a name is a thing's ("La Truite de la Lirette").
    fn surname_after_particles(
        &self,
        toks: &[Token],
        b: usize,
        e: usize,
        had: usize,
        after_article: bool,
    ) -> Option<usize> {
        let particle = |k: usize| k < e && is_word(&toks[k]) && self.sp.name_particles.contains(&self.low(&toks[k]));
        let cap = |k: usize| k < e && is_word(&toks[k]) && toks[k].is_capitalized(self.text);
        if !particle(b) || had == 0 {
            return None;
        }
        if cap(b + 1) {
            return (had < 2 || !cap(b + 2)).then_some(b + 1);
        }
        (had == 1 && !after_article && particle(b + 1) && cap(b + 2) && !cap(b + 3)).then_some(b + 3)
    }

    /// A name as stored: its words, the elision before it and a case
    /// ending after an apostrophe read off.
    fn name_text(&self, toks: &[Token], a: usize, b: usize) -> String {
        let mut words: Vec<&str> = toks[a..b].iter().map(|t| t.text(self.text)).collect();
        words[0] = strip_elision(words[0]);
        if self.sp.apostrophe_suffixes {
            let last = words.len() - 1;
            words[last] = strip_suffix(words[last]);
        }
        words.join(" ")
    }

    fn span(&self, toks: &[Token], a: usize, b: usize) -> String {
        self.text[toks[a].start..toks[b - 1].end].to_owned()
    }

    /// Past the titles and the nouns they govern in a script without
    /// capitals: "وزير الخارجية أحمد منصور" → "أحمد".
    fn after_titles(&self, toks: &[Token], k: usize, e: usize) -> usize {
        let mut m = k;
        while m < e {
            let w = self.low(&toks[m]);
            let bare = self.sp.without_prefix(&w).unwrap_or(&w);
            let title = self.sp.titles.contains(&w) || self.sp.titles.contains(bare);
            let ends = self.sp.phrase_ends.contains(&w);
            // A definite word among the phrase ends is a relative pronoun
            // ("الذي"): a clause follows, not the rest of a name.
            let definite = self.sp.determiners.iter().any(|d| w.starts_with(d) || bare.starts_with(d));
            if ends && definite {
                break;
            }
            // The article behind a conjunction or preposition ("والتعليم"),
            // or a noun governing a definite one with a name still to come
            // ("لعمال الموانئ مصطفى الحمدوني"): the role goes on.
            let glued = self.sp.prefixes.iter().any(|p| {
                w.len() > p.len()
                    && w.starts_with(p)
                    && self
                        .sp
                        .determiners
                        .iter()
                        .any(|d| p.ends_with(d) && !self.sp.determiners.contains(&w[p.len()..]))
            });
            let definite_next = m + 1 < e && self.sp.determiners.iter().any(|d| self.low(&toks[m + 1]).starts_with(d));
            let governing = self.sp.without_prefix(&w).is_some() && definite_next && e >= m + 4;
            let governed = m > k && (definite || glued || governing);
            if !(title || governed || ends && m > k && m + 1 < e) {
                break;
            }
            m += 1;
        }
        m
    }

    /// Where a name in a script without capitals ends: a few words, not
    /// the definite nouns of an apposition after it.
    fn uncased_name_end(&self, toks: &[Token], m: usize, e: usize) -> usize {
        let mut b = m + 1;
        while b < e && b < m + NAME {
            let w = self.low(&toks[b]);
            // A family name may be definite ("سامي الرفاعي"); an apposition
            // after the name is ("… الخبير الاقتصادي").
            let before = self.low(&toks[b - 1]);
            let joined = b == m + 1 || self.sp.name_particles.contains(&before);
            let definite = self.sp.determiners.iter().any(|d| w.starts_with(d));
            // The family name ends it ("قالت الدويري بصوت مخنوق"), but for
            // a particle of a compound name ("عماد الدين السويدي").
            if self.sp.determiners.iter().any(|d| before.starts_with(d)) && !self.sp.name_particles.contains(&before) {
                break;
            }
            // A preposition or conjunction glued to an article ("للفحص",
            // "بالقرار") opens a phrase of its own, never a name's word.
            let article: Option<&str> = self.sp.determiners.iter().min_by_key(|d| d.len());
            let governed = article.is_some_and(|a| {
                self.sp.prefixes.iter().any(|p| {
                    let p: &str = p;
                    p != a && (p.ends_with(a) || self.sp.determiners.contains(p)) && w.starts_with(p)
                })
            });
            if (definite && !joined) || governed || self.sp.titles.contains(&w) {
                break;
            }
            b += 1;
        }
        b
    }

    /// A full name starting at `k`, with the role words before or after it.
    fn learn_cased(&self, toks: &[Token], k: usize) -> Option<(usize, String, Vec<String>)> {
        if !toks[k].is_capitalized(self.text) {
            return None;
        }
        // After a preposition a name is a place or a body ("vor dem
        // Kasseler Hauptbahnhof", "w Zalesiu"), not someone to quote.
        let mut j = k;
        while j > 0 && is_word(&toks[j - 1]) && self.sp.determiners.contains(&self.low(&toks[j - 1])) {
            j -= 1;
        }
        if j > 0
            && is_word(&toks[j - 1])
            && self.sp.phrase_ends.contains(&self.low(&toks[j - 1]))
            && !self.sp.is_verb(&self.low(&toks[j - 1]))
        {
            return None;
        }
        // "seit 31 Jahren Schlosser": a capitalised word after a number is
        // a noun counted.
        if k >= 1 && {
            let n = toks[k - 1].text(self.text);
            n.chars().any(|c| c.is_ascii_digit()) && n.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        } {
            return None;
        }
        // "Sindicato de Trabajadores Lácteos": the rest of a longer name,
        // read from its start.
        if k >= 2
            && is_word(&toks[k - 1])
            && self.sp.name_particles.contains(&self.low(&toks[k - 1]))
            && is_word(&toks[k - 2])
            && toks[k - 2].is_capitalized(self.text)
        {
            return None;
        }
        let at_start = k == 0 || toks[k - 1].kind == Kind::Punct;
        let end = toks.len().min(k + PHRASE);
        let (a, b) = self.name_run(toks, k, end, at_start)?;
        if self.body_of_title(toks, b) {
            return None;
        }
        // "Ke Terminal Wates itu …": a sentence opening with a preposition
        // names a place.
        if toks[k..a].iter().any(|t| {
            let w = self.low(t);
            self.preposition(&w) && !self.sp.is_verb(&w)
        }) {
            return None;
        }
        if let Some(body) = self.body_before(toks, a) {
            return Some((b, format!("{body} {}", self.name_text(toks, a, b)), Vec::new()));
        }
        if b - a < 2 {
            // "Bu Sumiati": one name after a form of address is someone's.
            let honorific = a.checked_sub(1).map(|h| self.low(&toks[h])).filter(|h| self.sp.honorifics.contains(h));
            return Some((b, self.name_text(toks, a, b), honorific.into_iter().collect()));
        }
        let mut roles: Vec<String> = toks[k..a].iter().map(|t| self.low(t)).collect();
        // Lowercase role words before: "la ministre de l'Intérieur Claire Dubois".
        // Or before a comma: "Le maire de Port-Vérac, Gérard Santini".
        let mut j = if k >= 2 && toks[k - 1].is_punct(self.text, ',') { k - 1 } else { k };
        while j > 0 && k - j < 7 && is_word(&toks[j - 1]) {
            let w = self.low(&toks[j - 1]);
            // A preposition between two capitalised words is part of a
            // body's name ("rzeczniczka Prokuratury Okręgowej w Brzezinach
            // prok. Joanna Maciejak"); elsewhere it ends the role.
            let inside_name = j < k
                && toks[j].is_capitalized(self.text)
                && j >= 2
                && is_word(&toks[j - 2])
                && toks[j - 2].is_capitalized(self.text);
            if self.sp.is_verb(&w)
                || self.sp.auxiliaries.contains(&w)
                || (self.sp.phrase_ends.contains(&w) && !inside_name)
            {
                break;
            }
            j -= 1;
            if !toks[j].is_capitalized(self.text) || self.sp.role_by_ending(&w) || self.sp.titles.contains(&w) {
                roles.push(w);
            }
        }
        // An apposition after: "Claire Dubois, ministre de l'Intérieur,".
        if toks.get(b).is_some_and(|t| t.is_punct(self.text, ',')) {
            let mut j = b + 1;
            while j < toks.len() && j < b + 7 && is_word(&toks[j]) {
                let w = self.low(&toks[j]);
                if self.sp.is_verb(&w) || self.sp.auxiliaries.contains(&w) {
                    break;
                }
                roles.push(w);
                j += 1;
            }
        }
        let roles = roles
            .into_iter()
            .map(|w| strip_elision_low(&w).to_owned())
            .filter(|w| {
                w.chars().count() >= 4 && !self.sp.determiners.contains(w) && !self.sp.name_particles.contains(w)
            })
            .collect();
        Some((b, self.name_text(toks, a, b), roles))
    }

    /// The noun for a body right before the capitalised run at `a`, which
    /// then names that body: "Das Landgericht Kreuzhagen", "la fromagerie
    /// Valmorin". Not after a title: "prezes spółki Jan Kowalski" is a
    /// person with the body of his role.
    fn body_before(&self, toks: &[Token], a: usize) -> Option<&str> {
        let t = toks.get(a.checked_sub(1)?).filter(|t| is_word(t))?;
        let w = self.low(t);
        let w = strip_elision_low(&w);
        if !self.sp.is_body_noun(w) || self.is_title(w) || self.sp.is_verb(w) {
            return None;
        }
        let titled = toks[a.saturating_sub(4)..a - 1].iter().any(|t| {
            let w = self.low(t);
            is_word(t) && (self.is_title(strip_elision_low(&w)) || self.sp.role_by_ending(strip_elision_low(&w)))
        });
        (!titled).then(|| strip_elision(t.text(self.text)))
    }

    /// A name right before a comma and one of the table's appositives:
    /// "جلس سليم بن عمارة، وهو سائق رافعة" — its last two words, or three
    /// with a name particle between, none of them definite but the last.
    fn before_apposition(&self, toks: &[Token], k: usize) -> Option<(usize, String, Vec<String>)> {
        let comma = |t: &Token| t.is_punct(self.text, '،') || t.is_punct(self.text, ',');
        // Cheap first: this runs at every word.
        if !(toks.get(k + 2).is_some_and(comma) || toks.get(k + 3).is_some_and(comma)) {
            return None;
        }
        let at = |j: usize| toks.get(j).filter(|t| is_word(t)).map(|t| self.low(t));
        let n = if at(k + 1).is_some_and(|w| self.sp.name_particles.contains(&w)) { 3 } else { 2 };
        let words = (k..k + n).all(|j| at(j).is_some());
        let closed =
            toks.get(k + n).is_some_and(comma) && at(k + n + 1).is_some_and(|w| self.sp.appositives.contains(&w));
        let definite = |j: usize| at(j).is_some_and(|w| self.sp.determiners.iter().any(|d| w.starts_with(d)));
        let plain = (k..k + n - 1).all(|j| !definite(j) && !at(j).is_some_and(|w| self.sp.titles.contains(&w)));
        (words && closed && plain).then(|| (k + n, self.span(toks, k, k + n), Vec::new()))
    }

    /// A name after a title in a script without capitals: "الرئيس سامي حداد".
    fn learn_uncased(&self, toks: &[Token], k: usize) -> Option<(usize, String, Vec<String>)> {
        let w = self.low(&toks[k]);
        let bare = self.sp.without_prefix(&w).unwrap_or(&w).to_owned();
        if !(self.sp.titles.contains(&w) || self.sp.titles.contains(&bare)) {
            return self.before_apposition(toks, k);
        }
        let phrase_end = |from: usize| {
            // Roles of bodies run long here ("رئيس هيئة الدفاع عن عائلات
            // الضحايا المحامي حسان القباني").
            let reach = toks.len().min(from + PHRASE + 4);
            (from..reach).find(|&j| !is_word(&toks[j])).unwrap_or(reach)
        };
        let mut e = phrase_end(k);
        let mut m = self.after_titles(toks, k, e);
        if m >= e {
            return None;
        }
        // "أستاذ العلوم السياسية في جامعة الساحل، الدكتور طارق المصري":
        // the title's body, then the person after the comma.
        if self.sp.is_body(&self.low(&toks[m]))
            && toks.get(e).is_some_and(|t| t.is_punct(self.text, '،') || t.is_punct(self.text, ','))
        {
            let after = phrase_end(e + 1);
            m = self.after_titles(toks, e + 1, after);
            e = after;
            if m >= e {
                return None;
            }
        }
        let b = self.uncased_name_end(toks, m, e);
        let stop = (m..b).find(|&j| {
            let w = self.low(&toks[j]);
            self.sp.is_verb(&w) || self.sp.phrase_ends.contains(&w)
        });
        let b = stop.unwrap_or(b);
        // An age after a title ("البالغ من العمر 24 عاما") is no one's name.
        let number = toks[m..b].iter().any(|t| t.text(self.text).chars().any(char::is_numeric));
        (b >= m + 2 && !number).then(|| (b, self.span(toks, m, b), vec![bare]))
    }
}

/// A lowercase word without its elision: "l'intérieur" → "intérieur".
fn strip_elision_low(w: &str) -> &str {
    match w.find(['\'', '’']) {
        Some(i) if i <= 4 => &w[i + w[i..].chars().next().map_or(1, char::len_utf8)..],
        _ => w,
    }
}

/// Whether `w` is `title` with another ending: they share all but at most
/// the last letter of the shorter, and at least four.
fn inflects(title: &str, w: &str) -> bool {
    // Most titles differ from a word in its first letters: count no
    // further then (this runs for every word against every title).
    if title.as_bytes().first() != w.as_bytes().first() {
        return false;
    }
    let shared = title.chars().zip(w.chars()).take_while(|(a, b)| a == b).count();
    shared >= 4 && shared + 1 >= title.chars().count().min(w.chars().count())
}
