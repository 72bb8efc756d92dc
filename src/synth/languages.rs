//! The languages the generator writes, one file each: the words a story is
//! told with (topics, groups, cities, organisations, roles), the templates
//! of every paragraph, the quotation marks and attribution verbs of the
//! language's press, and how it writes figures and dates. Templates name
//! their slots in braces ("{de_t}", "{in_city}"); [`fill`] fills them.
//!
//! Every table has one entry per entry of the English one, in the same
//! order (fixed-size arrays hold them to it), so a story is the same story
//! in every language: the same topic, city, people and figures.

mod de;
mod en;
mod es;
mod fr;
mod it;
mod ja;
mod nl;
mod pt;
mod ru;
mod zh;

use super::Rng;
use super::names::{FIRST, LAST, Script};
use super::statements::Row;

pub use en::EN;
pub(super) use en::NOUNS;

/// Every language the generator writes.
pub static ALL: &[&Tongue] =
    &[&en::EN, &fr::FR, &de::DE, &es::ES, &it::IT, &pt::PT, &nl::NL, &ja::JA, &zh::ZH, &ru::RU];

/// The language of an ISO 639-1 code, when the generator writes it.
pub fn by_code(code: &str) -> Option<&'static Tongue> {
    ALL.iter().copied().find(|t| t.code.eq_ignore_ascii_case(code.trim()))
}

/// Number of topics a story can be about (the English nouns).
pub(super) const TOPICS: usize = 32;
/// Number of groups of people stories mention.
pub(super) const GROUPS: usize = 12;
/// Number of cities stories happen in.
pub(super) const CITIES: usize = 16;
/// Number of organisations quotations name.
pub(super) const ORGS: usize = 8;
/// Number of roles people hold.
pub(super) const ROLES: usize = 14;

/// What a noun slot names: the story's topic or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Noun {
    /// One of the [`TOPICS`].
    Topic,
    /// One of the [`ORGS`].
    Org,
}

/// Words of outlet names: (as written, as in a web address).
pub(super) type OutletWords = &'static [(&'static str, &'static str)];

/// How one language writes a story.
#[derive(Debug)]
pub struct Tongue {
    /// ISO 639-1 code, as articles carry it.
    pub code: &'static str,
    /// How it writes people's names; Japanese and Chinese also have no
    /// spaces between words, which rewording and fragments work around.
    pub(super) script: Script,
    /// Its column of the quotation templates.
    pub(super) statement: fn(&Row) -> &'static str,
    /// Writes a form of a topic or an organisation (`index`) to `out`: the
    /// form is the slot's name without the noun's letter ("de" of "de_t",
    /// "gen" of "t_gen", "" of "t"); false for a form it lacks.
    pub(super) noun: fn(Noun, usize, &str, &mut String) -> bool,
    /// Groups of people: (after a number, with the article an object takes).
    pub(super) groups: [(&'static str, &'static str); GROUPS],
    /// Cities: (name, "in" the city).
    pub(super) cities: [(&'static str, &'static str); CITIES],
    /// Roles, [man, woman]: (with the name, the template's "{name}"; alone,
    /// as the subject of a verb after a quotation).
    pub(super) roles: [[(&'static str, &'static str); 2]; ROLES],
    /// Words that agree with the speaker's gender: (slot, man's, woman's).
    pub(super) gendered: &'static [(&'static str, &'static str, &'static str)],
    /// Outlet names: the template ("The {a} {b}"), then the words of its
    /// two slots as (written, in the outlet's web address).
    pub(super) outlets: (&'static str, OutletWords, OutletWords),
    /// Monday to Friday, as "on Tuesday" is written after the templates' words.
    pub(super) weekdays: [&'static str; 5],
    /// Words a headline names the story with ("talks", "row").
    pub(super) headline_words: [&'static str; 4],
    /// Words an outlet slips into a quotation when it rewords it.
    pub(super) fillers: [&'static str; 5],
    /// What joins the sentences of a quotation.
    pub(super) join: &'static str,
    /// Templates of the article's paragraphs.
    pub(super) text: Texts,
    /// A sum of money.
    pub(super) money: fn(Amount) -> String,
    /// A share of a poll.
    pub(super) share: fn(Share) -> String,
    /// A whole percentage, as a quotation states it.
    pub(super) percent: fn(u32) -> String,
    /// A number of people.
    pub(super) count: fn(Count) -> String,
    /// A number of years, as "in five years" writes it.
    pub(super) years: fn(u32) -> String,
    /// A date of 2024 (month from 0, day of the month), with the year.
    pub(super) date: fn(usize, usize) -> String,
    /// A date as a dateline gives it, without the year.
    pub(super) day: fn(usize, usize) -> String,
    /// A byline's name.
    pub(super) author: fn(&mut Rng) -> String,
}

/// The templates of an article's paragraphs, in the order they appear.
#[derive(Debug)]
pub(super) struct Texts {
    /// The headline.
    pub title: &'static str,
    /// Headline, byline and date, one paragraph each.
    pub header: &'static str,
    /// Wire copy outlets reprint.
    pub wire: &'static str,
    /// The weekday the wire names, and how an outlet's edit changes it.
    pub wire_day: (&'static str, &'static str),
    /// The first paragraph when there is no wire copy: dateline and lead.
    pub lead: &'static str,
    /// Sentences stating the plan's cost.
    pub costs: [&'static str; 3],
    /// Sentences stating the plan's support in a poll.
    pub polls: [&'static str; 2],
    /// The protest's crowd.
    pub crowd: &'static str,
    /// Introduces a speaker with their role.
    pub intro: &'static str,
    /// Quotation paragraphs, each attributed its own way; the sixth quotes
    /// a fragment.
    pub quotes: [&'static str; 7],
    /// A promo of another story, set in capitals.
    pub promo: &'static str,
    /// A photo caption with its credit.
    pub caption: &'static str,
    /// The closing paragraph.
    pub critics: &'static str,
    /// A related-story link.
    pub related: &'static str,
}

/// How an outlet states a sum (in billions of dollars).
#[derive(Debug, Clone, Copy)]
pub(super) enum Amount {
    /// As stated, in one of three wordings.
    Exact(f64, usize),
    /// Rounded to a whole number (or a half).
    Rounded(f64),
    /// "More than" a round figure.
    MoreThan(f64),
}

/// How an outlet states a poll's figure (percent).
#[derive(Debug, Clone, Copy)]
pub(super) enum Share {
    /// As stated, in one of two wordings.
    Exact(f64, usize),
    /// Rounded to a whole percent.
    Rounded(f64),
    /// "Nearly" a whole percent.
    Nearly(f64),
}

/// How an outlet counts a crowd.
#[derive(Debug, Clone, Copy)]
pub(super) enum Count {
    /// As counted.
    Exact(u64),
    /// In round thousands, said as thousands where the language has a word.
    Thousands(u64),
    /// "About" a round figure.
    About(u64),
}

/// `template` with its slots filled by `slot`, which writes a slot's value
/// and says whether it knows it. A slot named with a capital ("{T}",
/// "{In_city}") is the lowercase one's value, capitalized.
///
/// # Panics
///
/// On a slot `slot` does not know, or an unclosed brace: a template's
/// mistake, which the tests find by writing every template.
pub(super) fn fill(out: &mut String, template: &str, slot: &mut dyn FnMut(&str, &mut String) -> bool) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').unwrap_or_else(|| panic!("unclosed slot in {template:?}"));
        let key = &rest[open + 1..close];
        let start = out.len();
        let known = match key.chars().next() {
            Some(c) if c.is_ascii_uppercase() => {
                let lower = format!("{}{}", c.to_ascii_lowercase(), &key[1..]);
                let known = slot(&lower, out);
                let tail = out.split_off(start);
                out.push_str(&capitalize(&tail));
                known
            }
            _ => slot(key, out),
        };
        assert!(known, "unknown slot {{{key}}} in {template:?}");
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
}

/// `s` with its first letter in capitals.
pub(super) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
}

/// Splits a slot's name into the noun it names and the form: "de_t" is
/// the topic (`t`) "de", "t_gen" the topic "gen", "org" an organisation "".
/// `s` is the story's second topic, `r` a related story's.
pub(super) fn noun_slot(key: &str) -> Option<(char, &str)> {
    let noun = |n: &str| match n {
        "t" | "s" | "r" => n.chars().next(),
        "org" => Some('o'),
        _ => None,
    };
    if let Some(n) = noun(key) {
        return Some((n, ""));
    }
    let (a, b) = key.split_once('_')?;
    noun(b).map(|n| (n, a)).or_else(|| noun(a).map(|n| (n, b)))
}

/// `x` with one decimal, the decimal mark a comma when `comma`.
pub(super) fn decimal(x: f64, comma: bool) -> String {
    let s = format!("{x:.1}");
    if comma { s.replace('.', ",") } else { s }
}

/// `x` as written when whole ("4"), else with its decimals ("0.5").
pub(super) fn plain(x: f64, comma: bool) -> String {
    let s = x.to_string();
    if comma { s.replace('.', ",") } else { s }
}

/// `n` with its thousands separated by `sep` ("12,500").
pub(super) fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// The same role for a man and a woman.
pub(super) const fn both(named: &'static str, alone: &'static str) -> [(&'static str, &'static str); 2] {
    [(named, alone), (named, alone)]
}

/// A byline's name in a language that writes names in Latin script.
pub(super) fn latin_author(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(&FIRST).latin, rng.pick(&LAST).latin)
}

/// The contraction of a preposition with the article opening `noun`
/// (French "de" + "le budget" = "du budget"): `table` maps each article to
/// its contracted form; a noun with no article in the table takes the
/// preposition before it, as `plain` writes it.
pub(super) fn contract(out: &mut String, noun: &str, table: &[(&str, &str)], plain: &str) {
    for (article, contracted) in table {
        if let Some(rest) = noun.strip_prefix(article) {
            out.push_str(contracted);
            out.push_str(rest);
            return;
        }
    }
    out.push_str(plain);
    out.push_str(noun);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_filled_and_capitalized() {
        let mut out = String::new();
        fill(&mut out, "{T} in {city}.", &mut |k, o| {
            o.push_str(match k {
                "t" => "école",
                "city" => "Oslo",
                _ => return false,
            });
            true
        });
        assert_eq!(out, "École in Oslo.");
        assert_eq!(noun_slot("de_t"), Some(('t', "de")));
        assert_eq!(noun_slot("t_gen"), Some(('t', "gen")));
        assert_eq!(noun_slot("s"), Some(('s', "")));
        assert_eq!(noun_slot("org_acc"), Some(('o', "acc")));
        assert_eq!(noun_slot("in_city"), None);
        assert_eq!(noun_slot("lead_last"), None);
    }

    #[test]
    fn numbers_in_each_convention() {
        assert_eq!(grouped(12_500, ","), "12,500");
        assert_eq!(grouped(999, ","), "999");
        assert_eq!(grouped(1_250_000, "."), "1.250.000");
        assert_eq!(decimal(1.5, true), "1,5");
        assert_eq!(plain(4.0, false), "4");
        assert_eq!(plain(0.5, true), "0,5");
        let mut out = String::new();
        contract(&mut out, "le budget", &[("le ", "du "), ("la ", "de la ")], "de ");
        contract(&mut out, " / l'eau", &[], "");
        assert_eq!(out, "du budget / l'eau");
    }

    #[test]
    fn codes_are_found() {
        assert_eq!(by_code("FR").map(|t| t.code), Some("fr"));
        assert!(by_code("xx").is_none());
        assert_eq!(ALL.len(), 10);
    }
}
