//! Who a sentence is about: names ("U.S. President Donald Trump"), roles
//! ("the Japanese premier"), pronouns; and what an article teaches about
//! them — that "Trump" is Donald Trump and "the prime minister" is Shigeru
//! Ishiba in this article.

use super::lexicon::{self, Words, has};
use super::tokens::{Kind, Token};
use std::borrow::Cow;
use std::collections::HashMap;

/// A role phrase: "the Japanese premier" is head "prime minister", places ["japan"].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Role {
    /// Canonical role noun.
    pub head: String,
    /// Places (or other modifiers) qualifying it, normalised.
    pub mods: Vec<String>,
}

/// How a sentence refers to someone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A name, without its titles; `role` holds the titles when present.
    Name {
        /// "Donald Trump".
        name: String,
        /// "U.S. President" as a role, if written before the name.
        role: Option<Role>,
    },
    /// "he", "she" (others are not resolved).
    Pronoun(String),
    /// "the president".
    Role(Role),
}

/// A subject found at a token, with its extent and written form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// What it refers to.
    pub subject: Subject,
    /// Token index one past its end.
    pub end: usize,
    /// As written: "the prime minister".
    pub written: String,
    /// Written with a possessive ("Trump's"): a modifier, not a subject.
    pub possessive: bool,
}

static DETERMINERS: Words =
    Words::new(&["the", "a", "an", "his", "her", "their", "its", "our", "one", "another", "two", "three"]);
static CONNECTORS: Words =
    Words::new(&["of", "for", "de", "van", "von", "bin", "al", "da", "del", "la", "le", "du", "der", "den", "di", "y"]);
static PRONOUNS: Words = Words::new(&["he", "she", "it"]);

fn lower<'a>(text: &'a str, t: &Token) -> Cow<'a, str> {
    lowercase(t.text(text))
}

/// `s` in lowercase, without copying when it already is (most words are).
pub fn lowercase(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_uppercase) {
        return Cow::Borrowed(s);
    }
    // Turkish dotted capital İ lowers to plain i, not i and a combining
    // dot ("İl" is "il"); no other language writes it.
    if s.contains('İ') { Cow::Owned(s.replace('İ', "i").to_lowercase()) } else { Cow::Owned(s.to_lowercase()) }
}

fn strip_possessive(w: &str) -> (&str, bool) {
    for suf in ["'s", "’s", "s'", "s’"] {
        if let Some(base) = w.strip_suffix(suf) {
            // "Jones'" keeps its s; "Trump's" loses the 's.
            let base = if suf.starts_with('s') { &w[..w.len() - suf.len() + 1] } else { base };
            if !base.is_empty() {
                return (base, true);
            }
        }
    }
    (w, false)
}

/// Reads a subject starting at token `i`: a pronoun, a role phrase led by
/// a determiner ("the prime minister", "the former president Barack Obama"
/// is the name), or a capitalised name with its titles.
pub fn subject_at(text: &str, tokens: &[Token], i: usize) -> Option<Found> {
    let t = tokens.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = lower(text, t);
    if has(&PRONOUNS, &w) {
        return Some(Found {
            subject: Subject::Pronoun(w.to_string()),
            end: i + 1,
            written: w.into_owned(),
            possessive: false,
        });
    }
    // "Officials said", "police said": unnamed people and bodies need no
    // determiner.
    if lexicon::bare_subject(&w)
        && !tokens.get(i + 1).is_some_and(|n| n.is_capitalized(text))
        && !after_preposition(text, tokens, i)
    {
        let role = Role { head: w.to_string(), mods: Vec::new() };
        return Some(Found {
            subject: Subject::Role(role),
            end: i + 1,
            written: t.text(text).to_owned(),
            possessive: false,
        });
    }
    if has(&DETERMINERS, &w) {
        if let Some((role, end)) = role_at(text, tokens, i + 1, true) {
            if let Some(named) = name_at(text, tokens, end).filter(|f| matches!(f.subject, Subject::Name { .. })) {
                let written = span_text(text, tokens, i, named.end);
                let Subject::Name { name, .. } = named.subject else { unreachable!("filtered to names") };
                let subject = Subject::Name { name, role: Some(role) };
                return Some(Found { subject, end: named.end, written, possessive: named.possessive });
            }
            let written = span_text(text, tokens, i, end);
            return Some(Found { subject: Subject::Role(role), end, written, possessive: false });
        }
        if w != "the" {
            return None;
        }
    }
    let named = name_at(text, tokens, i)?;
    // "Scott's niece", "Clinton's campaign": the role of someone named.
    if named.possessive
        && let Some((mut role, end)) = role_at(text, tokens, named.end, true)
        && let Subject::Name { name, .. } = &named.subject
    {
        role.mods.insert(0, lexicon::place_of(name));
        return Some(Found {
            subject: Subject::Role(role),
            end,
            written: span_text(text, tokens, i, end),
            possessive: false,
        });
    }
    Some(named)
}

/// Whether the word at `i` is the object of a preposition, across the
/// capitalised modifiers before it ("With Democratic leaders …").
fn after_preposition(text: &str, tokens: &[Token], i: usize) -> bool {
    let mut j = i;
    while j > 0 && tokens[j - 1].kind == Kind::Word {
        j -= 1;
        let w = lower(text, &tokens[j]);
        if has(&PREPOSITIONS, &w) {
            return true;
        }
        if !tokens[j].is_capitalized(text) {
            break;
        }
    }
    false
}

static PREPOSITIONS: Words = Words::new(&[
    "with",
    "of",
    "in",
    "on",
    "for",
    "among",
    "to",
    "by",
    "from",
    "about",
    "at",
    "like",
    "against",
    "between",
    "than",
    "as",
    "into",
    "over",
    "under",
    "without",
    "including",
    "and",
    "or",
]);

fn span_text(text: &str, tokens: &[Token], from: usize, to: usize) -> String {
    text[tokens[from].start..tokens[to - 1].end].to_owned()
}

/// Function words that never modify a role noun.
static NOT_MODIFIERS: Words = Words::new(&[
    "of", "and", "or", "the", "a", "an", "in", "for", "to", "with", "on", "at", "by", "from", "that", "who", "which",
    "is", "was", "has", "had", "be", "it", "he", "she", "they",
]);

/// A role phrase at `i` (after any determiner): up to three modifiers,
/// then a role noun. `lowercase_ok` allows lowercase modifiers ("former").
pub fn role_at(text: &str, tokens: &[Token], i: usize, lowercase_ok: bool) -> Option<(Role, usize)> {
    let mut mods = Vec::new();
    let mut j = i;
    while j < tokens.len() && j <= i + 3 {
        let t = &tokens[j];
        if t.kind != Kind::Word {
            return None;
        }
        if let Some((phrase, end)) = role_noun_at(text, tokens, j) {
            // "a company spokeswoman", "a ministry source": a body or group
            // noun before a role noun modifies it.
            if j < i + 3
                && (has(&lexicon::BODY_NOUNS, &phrase) || has(&lexicon::GROUP_NOUNS, &phrase))
                && role_noun_at(text, tokens, end).is_some()
            {
                mods.push(phrase);
                j = end;
                continue;
            }
            // "the president of the United States": keep the place.
            let mut end = end;
            if end + 1 < tokens.len()
                && lower(text, &tokens[end]) == "of"
                && tokens[end + 1].is_capitalized(text)
                && !tokens[end + 1].text(text).eq_ignore_ascii_case("the")
            {
                mods.push(lexicon::place_of(tokens[end + 1].text(text)));
                end += 2;
            }
            return Some((Role { head: lexicon::canonical_role(&phrase).to_owned(), mods }, end));
        }
        let w = t.text(text);
        let lw = w.to_lowercase();
        let capital = t.is_capitalized(text);
        if !(capital || lowercase_ok) || has(&lexicon::CUE_VERBS, &lw) || has(&NOT_MODIFIERS, &lw) {
            return None;
        }
        mods.push(lexicon::place_of(strip_possessive(w).0));
        j += 1;
    }
    None
}

/// The longest role noun at `j`: "prime minister", "secretary of state".
fn role_noun_at(text: &str, tokens: &[Token], j: usize) -> Option<(String, usize)> {
    let first = lower(text, tokens.get(j).filter(|t| t.kind == Kind::Word)?);
    // Phrases are built only after a word that starts a multi-word role
    // ("prime", "secretary", "vice"): this runs at every token of a text.
    if lexicon::starts_role_phrase(&first) {
        for n in [3, 2] {
            if j + n <= tokens.len() && tokens[j..j + n].iter().all(|t| t.kind == Kind::Word) {
                let phrase = tokens[j..j + n].iter().map(|t| lower(text, t)).collect::<Vec<_>>().join(" ");
                if lexicon::is_role(&phrase) {
                    return Some((phrase, j + n));
                }
            }
        }
    }
    lexicon::is_role(&first).then(|| (first.into_owned(), j + 1))
}

/// End of a run of capitalised words from `i` (connectors such as "of"
/// inside it), and whether its last word is possessive.
fn capitalized_run(text: &str, tokens: &[Token], i: usize) -> (usize, bool) {
    let mut j = i;
    while j < tokens.len() && j < i + 8 {
        let t = &tokens[j];
        if t.kind != Kind::Word {
            break;
        }
        let w = t.text(text);
        let connector = has(&CONNECTORS, w) && tokens.get(j + 1).is_some_and(|n| n.is_capitalized(text)) && j > i;
        if !(t.is_capitalized(text) || connector) {
            break;
        }
        j += 1;
        if strip_possessive(w).1 {
            return (j, true);
        }
    }
    (j, false)
}

/// A capitalised name at `i`, its titles split off. Lowercase descriptors
/// between two capitalised runs make the second the name: "MSNBC host
/// Chris Matthews", "Clinton spokesman Jesse Lehrich".
pub fn name_at(text: &str, tokens: &[Token], i: usize) -> Option<Found> {
    name_after_hops(text, tokens, i, 0)
}

/// Descriptor hops followed from one capitalised run to the next. Real
/// bylines take one or two ("Fox News host Chris Matthews"); a line of
/// nothing but names and descriptors would otherwise recurse once per name
/// (exhausting the stack) and be reread from every word.
const MAX_HOPS: usize = 4;

fn name_after_hops(text: &str, tokens: &[Token], i: usize, hops: usize) -> Option<Found> {
    let (j, possessive) = capitalized_run(text, tokens, i);
    if j == i {
        return None;
    }
    if !possessive && hops < MAX_HOPS {
        let mut k = j;
        while k < tokens.len()
            && k < j + 4
            && tokens[k].kind == Kind::Word
            && has(&lexicon::DESCRIPTORS, &lower(text, &tokens[k]))
        {
            k += 1;
        }
        if k > j
            && tokens.get(k).is_some_and(|t| t.is_capitalized(text))
            && let Some(named) = name_after_hops(text, tokens, k, hops + 1)
            && let Subject::Name { name, role } = named.subject
        {
            let head = lexicon::canonical_role(&lower(text, &tokens[k - 1])).to_owned();
            let mods = tokens[i..k - 1].iter().map(|t| lexicon::place_of(strip_possessive(t.text(text)).0)).collect();
            let role = role.or(Some(Role { head, mods }));
            let written = span_text(text, tokens, i, named.end);
            return Some(Found {
                subject: Subject::Name { name, role },
                end: named.end,
                written,
                possessive: named.possessive,
            });
        }
    }
    let mut words: Vec<&str> = tokens[i..j].iter().map(|t| t.text(text)).collect();
    if possessive {
        let last = words.len() - 1;
        words[last] = strip_possessive(words[last]).0;
    }
    // Sentence openers and other capitalised non-names in front.
    let mut lead = 0;
    while lead < words.len() && has(&lexicon::NOT_NAMES, &words[lead].to_lowercase()) {
        lead += 1;
    }
    let words = &words[lead..];
    // A run of capitals is a heading ("CONGRESS HAS INVESTIGATED HIM"),
    // not a name; an acronym or two ("FBI", "U.S. Army") may be.
    let heading_before = i > 0 && tokens[i - 1].kind == Kind::Word && is_all_caps(tokens[i - 1].text(text));
    if words.is_empty()
        || words.iter().filter(|w| is_all_caps(w)).count() >= 3
        || (heading_before && is_all_caps(words[0]))
    {
        return None;
    }
    let written = words.join(" ");
    let lowered: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // "Mr. King", "Dr. Oz": an honorific makes the rest a name, whatever it is.
    if words.len() >= 2 && has(&lexicon::HONORIFICS, &lowered[0]) {
        let subject = Subject::Name { name: clean_name(&words[1..]), role: None };
        return Some(Found { subject, end: j, written, possessive });
    }
    let title_end = lowered.iter().rposition(|w| has(&lexicon::TITLES, w)).map(|k| k + 1);
    let last_is_place = has(&lexicon::NOT_PERSON_WORDS, &lowered[lowered.len() - 1]);
    let subject = match title_end {
        Some(k) if k < words.len() && !last_is_place => {
            let role = role_of_title(&lowered[..k]);
            Subject::Name { name: clean_name(&words[k..]), role }
        }
        Some(k) if k == words.len() && lowered.iter().all(|w| has(&lexicon::TITLES, w)) => {
            match role_of_title(&lowered) {
                Some(role) => Subject::Role(role),
                // A surname that is also a title word: "Dean", "Major".
                None => Subject::Name { name: clean_name(words), role: None },
            }
        }
        _ => Subject::Name { name: clean_name(words), role: None },
    };
    Some(Found { subject, end: j, written, possessive })
}

fn is_all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// "U.S. President" → role president of us; "Prime Minister" → prime minister.
fn role_of_title(words: &[String]) -> Option<Role> {
    for start in 0..words.len() {
        let phrase = words[start..].join(" ");
        let phrase = phrase.trim_end_matches('.');
        if lexicon::is_role(phrase) {
            let mods = words[..start].iter().map(|w| lexicon::place_of(w)).collect();
            return Some(Role { head: lexicon::canonical_role(phrase).to_owned(), mods });
        }
    }
    None
}

/// A name as stored: middle initials dropped ("Donald J. Trump" → "Donald Trump").
fn clean_name(words: &[&str]) -> String {
    let keep: Vec<&str> = if words.len() >= 3 {
        words
            .iter()
            .enumerate()
            .filter(|&(k, w)| k == 0 || k == words.len() - 1 || !(w.len() == 2 && w.ends_with('.')))
            .map(|(_, w)| *w)
            .collect()
    } else {
        words.to_vec()
    };
    keep.join(" ")
}

/// Whether a name can be the "he" or "she" of a later sentence.
pub fn person_like(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    !has(&lexicon::NOT_PERSON_WORDS, &last)
}

/// What an article teaches about the people it names.
#[derive(Debug, Default)]
pub struct Registry {
    /// Lowercased single word → full names ending (or, for "Kim Jong Un",
    /// starting) with it.
    by_last: HashMap<String, Names>,
    by_first: HashMap<String, Names>,
    /// Each distinct role holder the text names, with the byte positions
    /// where it does (ascending). Kept distinct so that asking who holds a
    /// role costs the number of holders, not of mentions: a page naming
    /// "the president" a hundred thousand times would otherwise make every
    /// question read all of them.
    roles: Vec<Holder>,
    holder_index: HashMap<(Role, String), usize>,
}

/// The full names written for one word, with how often each was written.
#[derive(Debug, Default)]
struct Names {
    /// Name → (times written, order first written).
    counts: HashMap<String, (usize, usize)>,
    /// The most written name, the latest first written among equals; kept
    /// as names are counted so that reading it is constant time.
    best: Option<(String, usize, usize)>,
}

impl Names {
    fn bump(&mut self, name: &str) {
        let order = self.counts.len();
        let (count, first) = {
            let e = self.counts.entry(name.to_owned()).or_insert((0, order));
            e.0 += 1;
            *e
        };
        if self.best.as_ref().is_none_or(|(_, c, o)| (count, first) >= (*c, *o)) {
            self.best = Some((name.to_owned(), count, first));
        }
    }
}

/// One person named in one role, and where.
#[derive(Debug)]
struct Holder {
    role: Role,
    person: String,
    positions: Vec<usize>,
}

/// Distinct role holders one article may teach. A real article names a
/// handful; beyond this, new ones are not learned, which keeps attribution
/// linear on machine-made pages of endless names.
const MAX_HOLDERS: usize = 256;

impl Registry {
    /// Learns names and roles from the tokens of the article's paragraphs.
    pub fn learn(&mut self, text: &str, tokens: &[Token]) {
        let mut i = 0;
        while i < tokens.len() {
            let Some(found) = name_at(text, tokens, i) else {
                i += 1;
                continue;
            };
            if let Subject::Name { name, role } = &found.subject {
                let parts: Vec<&str> = name.split(' ').collect();
                if parts.len() >= 2 && person_like(name) {
                    self.by_last.entry(parts[parts.len() - 1].to_lowercase()).or_default().bump(name);
                    self.by_first.entry(parts[0].to_lowercase()).or_default().bump(name);
                }
                let pos = tokens[i].start;
                let learned = role
                    .clone()
                    .or_else(|| self.role_before(text, tokens, i))
                    .or_else(|| self.role_after(text, tokens, found.end));
                if let Some(role) = learned {
                    let person = self.canonical(name);
                    if person_like(&person) {
                        self.add_holder(role, person, pos);
                    }
                }
            }
            i = found.end.max(i + 1);
        }
    }

    /// "North Korean leader Kim Jong Un", "Japan's Prime Minister, Shigeru Ishiba".
    fn role_before(&self, text: &str, tokens: &[Token], i: usize) -> Option<Role> {
        let end = if i >= 1 && tokens[i - 1].is_punct(text, ',') { i - 1 } else { i };
        (end.saturating_sub(5)..end).find_map(|s| {
            let start = if s < end && has(&DETERMINERS, &lower(text, &tokens[s])) { s + 1 } else { s };
            role_at(text, tokens, start, true).filter(|&(_, e)| e == end).map(|(r, _)| r)
        })
    }

    /// "Shigeru Ishiba, Japan's prime minister, said".
    fn role_after(&self, text: &str, tokens: &[Token], end: usize) -> Option<Role> {
        if !tokens.get(end)?.is_punct(text, ',') {
            return None;
        }
        let mut s = end + 1;
        if tokens.get(s).is_some_and(|t| has(&DETERMINERS, &lower(text, t))) {
            s += 1;
        }
        let (role, e) = role_at(text, tokens, s, true)?;
        tokens.get(e).is_some_and(|t| t.kind == Kind::Punct).then_some(role)
    }

    fn add_holder(&mut self, role: Role, person: String, pos: usize) {
        let key = (role, person);
        let i = match self.holder_index.get(&key) {
            Some(&i) => i,
            None if self.roles.len() < MAX_HOLDERS => {
                self.roles.push(Holder { role: key.0.clone(), person: key.1.clone(), positions: Vec::new() });
                self.holder_index.insert(key, self.roles.len() - 1);
                self.roles.len() - 1
            }
            None => return,
        };
        let positions = &mut self.roles[i].positions;
        let at = positions.partition_point(|&p| p < pos);
        if positions.get(at) != Some(&pos) {
            positions.insert(at, pos);
        }
    }

    /// The article's full form of a name: "Trump" → "Donald Trump" when the
    /// article names him so; "Kim" → "Kim Jong Un".
    pub fn canonical(&self, name: &str) -> String {
        if name.contains(' ') {
            return name.to_owned();
        }
        let key = name.to_lowercase();
        let best = |m: &HashMap<String, Names>| m.get(&key).and_then(|n| n.best.as_ref()).map(|(s, _, _)| s.clone());
        best(&self.by_last).or_else(|| best(&self.by_first)).unwrap_or_else(|| name.to_owned())
    }

    /// Who holds `role` in this article, preferring the latest holder named
    /// before byte `pos`, then the first named after it.
    pub fn holder(&self, role: &Role, pos: usize) -> Option<String> {
        let place_matches = |r: &Role| role.mods.iter().any(|x| r.mods.contains(x));
        // "the German leader" is whoever the article gives a German role: a
        // generic head needs the place, and any role of that place will do.
        let generic = matches!(role.head.as_str(), "leader" | "official");
        let matching: Vec<&Holder> = if generic {
            self.roles.iter().filter(|h| h.role.head == role.head || place_matches(&h.role)).collect()
        } else {
            let same_head: Vec<_> = self.roles.iter().filter(|h| h.role.head == role.head).collect();
            let placed: Vec<_> = same_head.iter().copied().filter(|h| place_matches(&h.role)).collect();
            if placed.is_empty() { same_head } else { placed }
        };
        let latest_before = |h: &&Holder| h.positions[..h.positions.partition_point(|&p| p <= pos)].last().copied();
        matching
            .iter()
            .filter_map(|h| latest_before(h).map(|p| (p, h)))
            .max_by_key(|(p, _)| *p)
            .map(|(_, h)| h)
            .or_else(|| matching.iter().min_by_key(|h| h.positions[0]))
            .map(|h| h.person.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn first_subject(s: &str) -> Option<Found> {
        let toks = tokenize(s, 0..s.len(), &[]);
        subject_at(s, &toks, 0)
    }

    #[test]
    fn names_and_titles() {
        let f = first_subject("U.S. President Donald J. Trump said").unwrap();
        assert_eq!(
            f.subject,
            Subject::Name {
                name: "Donald Trump".into(),
                role: Some(Role { head: "president".into(), mods: vec!["us".into()] })
            }
        );
        let f = first_subject("The Japanese premier added").unwrap();
        assert_eq!(f.subject, Subject::Role(Role { head: "prime minister".into(), mods: vec!["japan".into()] }));
        assert_eq!(f.written, "The Japanese premier");
        assert_eq!(first_subject("He said").unwrap().subject, Subject::Pronoun("he".into()));
        assert!(first_subject("Trump's plan").unwrap().possessive);
        let f = first_subject("Secretary of State Marco Rubio said").unwrap();
        assert!(matches!(f.subject, Subject::Name { ref name, .. } if name == "Marco Rubio"));
    }

    #[test]
    fn registry_learns_full_names_and_roles() {
        let s = "Japan's Prime Minister, Shigeru Ishiba, met President Donald Trump. Later Trump spoke.";
        let toks = tokenize(s, 0..s.len(), &[]);
        let mut r = Registry::default();
        r.learn(s, &toks);
        assert_eq!(r.canonical("Trump"), "Donald Trump");
        assert_eq!(r.canonical("Ishiba"), "Shigeru Ishiba");
        let pm = Role { head: "prime minister".into(), mods: vec!["japan".into()] };
        assert_eq!(r.holder(&pm, s.len()).as_deref(), Some("Shigeru Ishiba"));
        let p = Role { head: "president".into(), mods: vec![] };
        assert_eq!(r.holder(&p, s.len()).as_deref(), Some("Donald Trump"));
    }
}
