//! The people an article in another language names, what roles it gives
//! them, and how a later short, inflected or role mention finds them:
//! "Dubois" and "la ministre" are Claire Dubois, "Kowalskiego" is Jan
//! Kowalski, "田中氏" and "首相" are 田中一郎.

use super::Who;
use super::particles;
use super::spaced;
use crate::extract::attribution::Salience;
use crate::extract::lang::speech::{Script, Speech};
use crate::extract::names::lowercase;
use crate::extract::tokens::{Kind, Token};
use rustc_hash::FxHashSet;

/// Bytes within which "the person just named" or "the one who just
/// spoke" is near enough to be the one a role or a pronoun means: a
/// paragraph or two.
const NEAR: usize = 700;

/// A person named in full, with the role words written with the name.
#[derive(Debug)]
struct Person {
    name: String,
    /// Lowercase words of the name, each cut to its stem for comparison.
    words: Vec<String>,
    /// Lowercase role words ("ministre", "intérieur", "首相").
    roles: Vec<String>,
    /// Byte offset of the first mention.
    first: usize,
}

/// What an article teaches about the people it names.
#[derive(Debug, Default)]
pub struct People {
    people: Vec<Person>,
    /// Words the article writes in lowercase: a capitalised one of them
    /// opening a sentence is not a name ("Pourtant", "Jednak").
    lowercase: FxHashSet<String>,
    particles: bool,
    /// Prefixes read off role words before comparing them ("المحافظ" is
    /// "محافظ").
    prefixes: &'static [&'static str],
    /// Bodies named in full ("Landgericht Kreuzhagen", "Karadere
    /// Belediyesi"), at each mention.
    bodies: Vec<(usize, String)>,
}

impl People {
    /// Learns the article's people from its paragraphs' tokens, and notes
    /// each mention in `salience` (for pronouns).
    pub fn learn(text: &str, paragraphs: &[Vec<Token>], sp: &Speech, salience: &mut Salience) -> People {
        let mut people =
            People { particles: sp.script == Script::Particles, prefixes: sp.prefixes, ..People::default() };
        for t in paragraphs.iter().flatten().filter(|t| t.kind == Kind::Word) {
            let w = t.text(text);
            if w.chars().next().is_some_and(char::is_lowercase) {
                people.lowercase.insert(w.to_owned());
            }
        }
        for toks in paragraphs {
            let found = match sp.script {
                Script::Particles => particles::names(text, sp, toks),
                Script::Cased | Script::Uncased => spaced::names(text, sp, &people, toks),
            };
            for (pos, name, roles) in found {
                // "Universidade do Litoral", "Szkoła Podstawowa nr 3": a body's
                // name is nobody a role or a pronoun could mean.
                if name.split_whitespace().count() >= 2 && super::names_body(sp, &name) {
                    people.bodies.push((pos, name));
                    continue;
                }
                if let Some(person) = people.add(name, roles, pos) {
                    salience.mention(pos, &person);
                }
            }
        }
        people
    }

    /// Whether `w` is written in lowercase somewhere in the article.
    pub fn writes_lowercase(&self, w: &str) -> bool {
        self.lowercase.contains(lowercase(w).as_ref())
    }

    /// Adds a mention; returns the full name of the person it is (a short
    /// mention of a known person is that person), `None` for a lone word
    /// nobody is known by (a surname or a place).
    fn add(&mut self, name: String, roles: Vec<String>, pos: usize) -> Option<String> {
        if let Some(k) = self.find(&name, pos) {
            let p = &mut self.people[k];
            // "Bu Sumiati", then "Sumiati Rahayu": the fuller name.
            let fuller = stems(&name, self.particles);
            if fuller.len() > p.words.len() {
                (p.name, p.words) = (name.clone(), fuller);
            }
            for r in roles {
                if !p.roles.contains(&r) {
                    p.roles.push(r);
                }
            }
            return Some(p.name.clone());
        }
        let words = stems(&name, self.particles);
        // One word in a spaced script is a surname or a place: it becomes
        // someone only when quoted (see `resolve`), or after a form of
        // address (its one role then).
        if !self.particles && words.len() < 2 && roles.is_empty() {
            return None;
        }
        self.people.push(Person { name: name.clone(), words, roles, first: pos });
        Some(name)
    }

    /// The person a name written at `pos` refers to: the same name, or a
    /// full name it shortens or inflects; of several, the last named
    /// before `pos`.
    fn find(&self, name: &str, pos: usize) -> Option<usize> {
        let words = stems(name, self.particles);
        let last = words.last()?;
        let matches = |p: &Person| {
            if self.particles {
                let n = name.trim();
                return p.name == n
                    || (n.chars().count() >= 1 && p.name.starts_with(n) && n.chars().count() < p.name.chars().count())
                    || (p.name.chars().count() >= 2 && n.starts_with(&p.name));
            }
            let plast = p.words.last().expect("people have words");
            same_stem(plast, last) && (words.len() < 2 || p.words.len() < 2 || same_stem(&p.words[0], &words[0]))
        };
        let one_word = !self.particles && words.len() == 1;
        let among = |test: &dyn Fn(&Person) -> bool| {
            best(self.people.iter().enumerate().filter(|(_, p)| test(p)).map(|(k, p)| (k, p.first)), pos)
        };
        among(&matches)
            // The first of two surnames ("Solís" of Adriana Solís Montoya),
            // as Spanish and Portuguese news shorten a name.
            .or_else(|| {
                one_word
                    .then(|| among(&|p: &Person| p.words.len() >= 3 && p.words[1..].iter().any(|w| same_stem(w, last))))
                    .flatten()
            })
            // A first name alone ("kata Yohana"), when no surname matches.
            .or_else(|| one_word.then(|| among(&|p: &Person| same_stem(&p.words[0], last))).flatten())
    }

    /// Whether `name` is, or shortens, the name of someone the article
    /// names in full.
    pub fn knows(&self, name: &str) -> bool {
        self.find(name, usize::MAX).is_some()
    }

    /// The body named in full that the word `w` shortens or inflects
    /// ("Landgerichts", "Mahkeme"), of several the last named before
    /// `pos`.
    pub(super) fn body(&self, w: &str, pos: usize) -> Option<&str> {
        let w = lowercase(strip_suffix(strip_elision(w))).into_owned();
        if w.chars().count() < 4 {
            return None;
        }
        // A compound ends in its head ("ingenieursbureau" is a "bureau").
        let named = |(_, name): &&(usize, String)| {
            name.split_whitespace().any(|n| {
                let n = lowercase(strip_elision(n));
                same_stem(&n, &w) || (w.chars().count() >= 5 && n.ends_with(w.as_str()))
            })
        };
        let before = self.bodies.iter().rev().filter(|(at, _)| *at <= pos).find(named);
        before.or_else(|| self.bodies.iter().find(named)).map(|(_, name)| name.as_str())
    }

    /// The first body named in full between the byte offsets `from` and
    /// `to`.
    pub(super) fn body_within(&self, from: usize, to: usize) -> Option<&str> {
        self.bodies.iter().find(|(at, _)| (from..to).contains(at)).map(|(_, name)| name.as_str())
    }

    /// Whether the article gives someone the role word `w` (lowercase).
    pub fn is_role(&self, w: &str) -> bool {
        self.people.iter().any(|p| p.roles.iter().any(|r| same_stem(r, w)))
    }

    /// Whether the person named `name` may be the one a role phrase
    /// means: a bare role word may be a synonym of theirs ("el regidor"
    /// after "la alcaldesa"); a role of a body ("пресс-секретарь
    /// предприятия") is theirs only when the article gave them that role or
    /// none.
    fn may_hold(&self, name: &str, role: &str) -> bool {
        if self.particles || !role.trim().contains(' ') {
            return true;
        }
        let Some(p) = self.people.iter().find(|p| p.name == name) else { return true };
        let head = lowercase(strip_elision(role.split_whitespace().next().unwrap_or(role))).into_owned();
        p.roles.is_empty() || p.roles.iter().any(|r| same_stem(r, &head))
    }

    /// The person holding a role the article gave someone, as of `pos`.
    fn holder(&self, role: &str, pos: usize) -> Option<usize> {
        let words: Vec<String> = if self.particles {
            vec![role.trim().to_owned()]
        } else {
            role.split_whitespace()
                .map(|w| {
                    let w = lowercase(strip_elision(w)).into_owned();
                    self.prefixes
                        .iter()
                        .find_map(|p| w.strip_prefix(p))
                        .filter(|r| r.chars().count() >= 3)
                        .map_or(w.clone(), str::to_owned)
                })
                .filter(|w| w.chars().count() >= 3)
                .collect()
        };
        if words.is_empty() {
            return None;
        }
        let head = &words[0];
        let fits = |p: &Person| {
            if self.particles {
                p.roles.iter().any(|r| head.ends_with(r.as_str()))
            } else {
                // A compound holds its role at the end ("brandweercommandant"
                // is the "commandant").
                p.roles.iter().any(|r| same_stem(r, head) || (head.chars().count() >= 5 && r.ends_with(head.as_str())))
            }
        };
        best(self.people.iter().enumerate().filter(|(_, p)| fits(p)).map(|(k, p)| (k, p.first)), pos)
    }

    /// The speaker a pattern found, as stored: a name as the article
    /// gives it in full; a role as the person holding it, else the role;
    /// a pronoun as the person last named.
    pub(super) fn resolve(&self, who: &Who, pos: usize, salience: &Salience) -> Option<Resolved> {
        let person = |k: usize| Resolved::Person(self.people[k].name.clone());
        Some(match who {
            Who::Name(n) => self.find(n, pos).map_or_else(|| Resolved::Name(n.clone()), person),
            Who::Role(r) => self
                .holder(r, pos)
                .or_else(|| (!r.contains(' ')).then(|| self.find(r, pos)).flatten())
                .map_or_else(|| Resolved::Unnamed(r.clone()), person),
            Who::Title(r) => match self.holder(r, pos) {
                Some(k) => person(k),
                // The person just named, unless the article gave them
                // another role ("председатель профсоюза Виктор Сомов" is no
                // "пресс-секретарь предприятия").
                None => salience
                    .last_before(pos)
                    .filter(|(at, name)| pos - at <= NEAR && self.may_hold(name, r))
                    .map_or_else(|| Resolved::Unnamed(r.clone()), |(_, name)| Resolved::Person(name.to_owned())),
            },
            Who::New(r) => Resolved::Unnamed(r.clone()),
            // "she said", or a verb with no subject at all: the person last
            // named or quoted.
            Who::Pronoun => Resolved::Person(salience.before(pos)?.to_owned()),
        })
    }
}

/// Whom a speaker's words were resolved to.
pub(super) enum Resolved {
    /// A person the article names.
    Person(String),
    /// A name the article gives nowhere else: a person, unless its words
    /// say it is a body ("Karadere Belediyesi").
    Name(String),
    /// A role, body or group nobody in the article is named for.
    Unnamed(String),
}

/// Of candidates (index, first mention), the last first named before
/// `pos`, else the first named after it.
fn best(candidates: impl Iterator<Item = (usize, usize)>, pos: usize) -> Option<usize> {
    let mut before: Option<(usize, usize)> = None;
    let mut after: Option<(usize, usize)> = None;
    for (k, first) in candidates {
        if first <= pos {
            if before.is_none_or(|(_, f)| first >= f) {
                before = Some((k, first));
            }
        } else if after.is_none_or(|(_, f)| first < f) {
            after = Some((k, first));
        }
    }
    before.or(after).map(|(k, _)| k)
}

/// A name's words in lowercase, without elisions and case endings after
/// an apostrophe.
fn stems(name: &str, particles: bool) -> Vec<String> {
    if particles {
        return vec![name.trim().to_owned()];
    }
    name.split_whitespace().map(|w| lowercase(strip_suffix(strip_elision(w))).into_owned()).collect()
}

/// "l'Élysée" → "Élysée", "d’Alain" → "Alain"; at a sentence's start
/// "L'imputato" → "imputato" (but "D'Alema", "L'Aquila" are names).
pub fn strip_elision(w: &str) -> &str {
    match w.find(['\'', '’']) {
        Some(i)
            if i <= 4
                && w[i..].chars().nth(1).is_some_and(char::is_alphabetic)
                && (w[..i].chars().all(char::is_lowercase)
                    && w[i..].chars().nth(1).is_some_and(char::is_uppercase)
                    || i <= 2
                        && w[..i].chars().next().is_some_and(char::is_uppercase)
                        && w[i..].chars().nth(1).is_some_and(char::is_lowercase)) =>
        {
            &w[i + w[i..].chars().next().map_or(1, char::len_utf8)..]
        }
        _ => w,
    }
}

/// "Yılmaz'a" → "Yılmaz": a case ending after an apostrophe.
pub fn strip_suffix(w: &str) -> &str {
    match w.rfind(['\'', '’']) {
        Some(i) if i > 0 && w[i..].chars().count() <= 5 && w[i..].chars().skip(1).all(char::is_lowercase) => &w[..i],
        _ => w,
    }
}

/// Whether two lowercase words are forms of one name or noun: equal, or
/// sharing all but a case ending ("kowalski"/"kowalskiego",
/// "петров"/"петрова", "ministre"/"ministra").
pub fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let longest = a.chars().count().max(b.chars().count());
    common >= 3 && common + 3 >= longest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_forms_share_a_stem() {
        assert!(same_stem("kowalski", "kowalskiego"));
        assert!(same_stem("петров", "петрова"));
        assert!(same_stem("anna", "anny"));
        assert!(!same_stem("nowak", "kowal"));
        assert_eq!(strip_suffix("Yılmaz'a"), "Yılmaz");
        assert_eq!(strip_elision("l'Élysée"), "Élysée");
        assert_eq!(strip_elision("aujourd'hui"), "aujourd'hui");
    }
}
