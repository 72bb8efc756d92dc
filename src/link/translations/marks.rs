//! What survives translation in a quotation: its figures, the names it
//! mentions and whether it denies something. Two quotations whose marks
//! differ are not translations of each other, however close their
//! vectors.

use super::figures::{Figure, figures};
use super::negation::negated;
use crate::extract::translit;

/// What survives translation in a quotation: its figures, names and
/// negations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Its figures ("1,5 Mrd." and "1.5 billion" both 15, of ten digits).
    pub figures: Vec<Figure>,
    /// Names, in scripts that mark names by capitals: each as its
    /// spellings, romanised and folded (the plain one first).
    pub names: Vec<Vec<String>>,
    /// Whether the names could be read (a Latin, Cyrillic or Greek text
    /// in a language that capitalises names only).
    pub names_readable: bool,
    /// Every capitalised word, as names are keyed: where the other text's
    /// names are looked for when this one capitalises nouns too (German).
    pub capitalised: Vec<String>,
    /// Whether it denies something.
    pub negated: bool,
}

/// Reads the marks of `text` in `language`.
pub fn marks(text: &str, language: Option<&str>) -> Marks {
    let lang = language.map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase());
    let lang = lang.as_deref();
    let readable = names_readable(text, lang);
    Marks {
        figures: figures(text, lang),
        names: if readable { names(text, lang) } else { Vec::new() },
        names_readable: readable,
        capitalised: capitalised(text),
        negated: negated(text, lang),
    }
}

/// Whether names in `text` can be told by their capitals: a Latin,
/// Cyrillic or Greek script, in a language that does not capitalise every
/// noun (German does).
fn names_readable(text: &str, lang: Option<&str>) -> bool {
    if matches!(lang, Some("de" | "lb")) {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let cased = text.chars().filter(|c| c.is_alphabetic() && (c.is_uppercase() || c.is_lowercase())).count();
    letters > 0 && cased * 10 >= letters * 9
}

/// Capitalised words that are not the first of a sentence (in a text
/// whose names are [`names_readable`]): names of people, places and
/// organisations, each as the consonant skeletons of its romanised
/// spellings, so that spellings across scripts and declensions meet
/// ("Sokolov", "Sokolowa", "Соколовым"; "Modrzewicach", "Моджевице").
/// Words in capitals are left out (acronyms are translated: GDP, PKB,
/// PIB), as are the months and days English capitalises.
fn names(text: &str, lang: Option<&str>) -> Vec<Vec<String>> {
    const ENGLISH_CAPITALISED: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut sentence_start = true;
    for word in text.split(|c: char| c.is_whitespace()) {
        let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
        // Elisions: "dell'Arvento", "d'Al-Waha".
        let name = trimmed.rsplit(['\'', '’']).next().unwrap_or(trimmed);
        let starts_upper = name.chars().next().is_some_and(char::is_uppercase);
        let capitals = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let calendar = lang == Some("en") && ENGLISH_CAPITALISED.contains(&name.to_lowercase().as_str());
        if starts_upper && !sentence_start && !capitals && !calendar {
            let mut spellings: Vec<String> = [Some(name.to_owned()), slavic_latin(name, lang)]
                .into_iter()
                .flatten()
                .filter_map(|n| translit::word_key(&n))
                .map(|k| skeleton(&k))
                .filter(|k| k.chars().count() >= 2)
                .collect();
            spellings.dedup();
            if !spellings.is_empty() {
                out.push(spellings);
            }
        }
        let last = word.trim_end_matches(['"', '\'', '»', '”', '’', ')']).chars().last();
        sentence_start = matches!(last, Some('.' | '!' | '?' | ':' | '…')) || trimmed.is_empty() && sentence_start;
    }
    out.sort();
    out.dedup();
    out
}

/// A name in a Slavic language written in Latin letters, spelled as its
/// Cyrillic transliteration spells it, so that both meet: Polish rz, ż,
/// cz, sz, c and the nasal vowels ("Modrzewice", Моджевице; "Wałęsa",
/// Валенса), Czech, Slovak and South Slavic č, š, ž, ř and c.
fn slavic_latin(name: &str, lang: Option<&str>) -> Option<String> {
    let pairs: &[(&str, &str)] = match lang {
        Some("pl") => &[
            ("rz", "zh"),
            ("ż", "zh"),
            ("ź", "zh"),
            ("cz", "ch"),
            ("sz", "sh"),
            ("ś", "sh"),
            ("ć", "ch"),
            // Nasal vowels: Dąbrowski, Домбровский; Wałęsa, Валенса.
            ("ąb", "omb"),
            ("ąp", "omp"),
            ("ęb", "emb"),
            ("ęp", "emp"),
            ("ą", "on"),
            ("ę", "en"),
        ],
        Some("cs" | "sk" | "hr" | "sl" | "bs" | "sr") => {
            &[("ř", "rzh"), ("ž", "zh"), ("č", "ch"), ("š", "sh"), ("ć", "ch")]
        }
        _ => return None,
    };
    let mut w = name.to_lowercase();
    for (from, to) in pairs {
        w = w.replace(from, to);
    }
    // A c that is not part of ch is ts (ц).
    let mut out = String::with_capacity(w.len() + 4);
    let mut chars = w.chars().peekable();
    while let Some(c) = chars.next() {
        if c == 'c' && chars.peek() != Some(&'h') {
            out.push_str("ts");
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Every capitalised word of a text in a cased script, keyed as names are.
fn capitalised(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter_map(|w| w.rsplit(['\'', '’']).next())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(translit::word_key)
        .map(|k| skeleton(&k))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The first letter and the consonants after it.
fn skeleton(key: &str) -> String {
    let mut chars = key.chars();
    let first = chars.next().into_iter();
    first.chain(chars.filter(|c| !"aeiou".contains(*c) && c.is_alphabetic())).collect()
}
