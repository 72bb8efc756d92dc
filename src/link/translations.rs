//! Linking a quotation to its translations: the same statement printed in
//! another language. Two quotations in different languages are compared
//! when they are of the same days and share what survives translation —
//! the speaker, a figure, a name (the keys below); they are linked when
//! their sentence vectors agree (cosine at least [`THRESHOLD`]) and
//! nothing they state differs: figures, names, or a negation one has and
//! the other lacks.
//!
//! The decision ([`judge`]) is a pure function of the two texts, their
//! languages and vectors, so that `newsarchive eval translations` measures
//! exactly what the linker does.

use super::candidates::{self, Candidate, KEY_LIMIT, PassIndex, Search};
use crate::embed::{self, Encoder};
use crate::extract::translit;
use crate::store::{LinkTx, Quotation, Result};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// Cosine at or above which two quotations in different languages may be
/// translations (chosen on `tests/fixtures/translations/gold.csv`: see
/// BENCHMARKS.md for the curve).
pub const THRESHOLD: f32 = 0.54;

/// Days apart two quotations' first articles may be.
const WINDOW_DAYS: i64 = 2;

/// Candidates compared per quotation.
const CANDIDATES: usize = 60;

/// Quotations encoded at once.
const BATCH: usize = 4096;

/// The encoder, loaded on first use from [`embed::locate`]: `None` when
/// its files are not installed.
pub fn encoder() -> std::result::Result<Option<&'static Encoder>, String> {
    static ENCODER: OnceLock<std::result::Result<Option<Encoder>, String>> = OnceLock::new();
    ENCODER
        .get_or_init(|| match embed::locate() {
            None => Ok(None),
            Some(dir) => Encoder::load(&dir).map_err(|e| e.to_string()),
        })
        .as_ref()
        .map(Option::as_ref)
        .map_err(Clone::clone)
}

/// Checks the encoder's files, if installed, without loading them: an
/// import calls it before it writes anything, so that a broken file stops
/// it at once.
pub fn check_encoder() -> std::result::Result<(), String> {
    match embed::locate() {
        Some(dir) => Encoder::check(&dir).map(|_| ()).map_err(|e| e.to_string()),
        None => Ok(()),
    }
}

/// What survives translation in a quotation: its figures, names and
/// negations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    /// Figures as significant digits ("1,5 Mrd." and "1.5 billion" → "15").
    pub figures: Vec<String>,
    /// Names, romanised and folded, in scripts that mark names by capitals.
    pub names: Vec<String>,
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

/// Significant digits of each number: separators, leading zeros and
/// trailing zeros dropped, so that a figure reads the same whatever the
/// language's decimal mark, digit grouping and scale words ("1.5 billion",
/// "1,5 milliard", "15億", "1500 millions" all give "15"), and the small
/// numbers a language spells out ("three", "drei", "tres").
fn figures(text: &str, lang: Option<&str>) -> Vec<String> {
    let chars: Vec<char> = text.nfkc().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut out = Vec::new();
    let mut digits = String::new();
    // Digits in the current group, for telling grouping from a new number.
    let mut group = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            digits.push(c);
            group += 1;
            i += 1;
            continue;
        }
        if !digits.is_empty() && digit(i + 1) {
            let grouped = (1..=3).all(|k| digit(i + k)) && !digit(i + 4) && group <= 3;
            let continues = match c {
                '.' | ',' | '\'' | '’' | '\u{a0}' | '\u{202f}' | '\u{2009}' => true,
                // A space groups thousands only before three digits.
                ' ' => grouped,
                // East Asian scale characters between digits: 5万2000.
                '万' | '萬' | '億' | '亿' | '만' | '억' | '千' | '천' => true,
                _ => false,
            };
            if continues {
                group = 0;
                i += 1;
                continue;
            }
        }
        flush(&mut digits, &mut out);
        group = 0;
        i += 1;
    }
    flush(&mut digits, &mut out);
    let words = number_words(lang);
    if !words.is_empty() {
        for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            let w = w.to_lowercase();
            if let Some(n) = words.iter().position(|x| *x == w) {
                out.push(((n % 9) + 2).to_string());
            }
        }
    }
    out.sort();
    out
}

/// The numbers two to ten spelled out, in order (repeated for languages
/// with two forms); words that are also common words of another meaning
/// ("neuf": new, "sei": you are) left out, as are "one" and its kin, which
/// are mostly articles.
fn number_words(lang: Option<&str>) -> &'static [&'static str] {
    match lang.unwrap_or("en") {
        "en" => &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
        "fr" => &["deux", "trois", "quatre", "cinq", "", "sept", "huit", "", "dix"],
        "de" => &["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"],
        "es" => &["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"],
        "it" => &["due", "tre", "quattro", "cinque", "", "sette", "otto", "nove", "dieci"],
        "pt" => &["dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez", "duas"],
        "nl" => &["twee", "drie", "vier", "vijf", "zes", "zeven", "", "negen", "tien"],
        "pl" => &["dwa", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć", "dziesięć", "dwie"],
        "ru" => &["два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять", "две"],
        "tr" => &["iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz", ""],
        "id" | "ms" => &["dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh"],
        _ => &[],
    }
}

fn flush(digits: &mut String, out: &mut Vec<String>) {
    let sig = digits.trim_start_matches('0').trim_end_matches('0');
    if !sig.is_empty() {
        out.push(sig.to_owned());
    } else if !digits.is_empty() {
        out.push("0".to_owned());
    }
    digits.clear();
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
/// whose names are [`names_readable`]): names of
/// people, places and organisations, as consonant skeletons of their
/// romanised form, so that spellings across scripts and declensions meet
/// ("Sokolov", "Sokolowa", "Соколовым"). Words in capitals are left out
/// (acronyms are translated: GDP, PKB, PIB), as are the months and days
/// English capitalises.
fn names(text: &str, lang: Option<&str>) -> Vec<String> {
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
    let mut out = Vec::new();
    let mut sentence_start = true;
    for word in text.split(|c: char| c.is_whitespace()) {
        let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
        // Elisions: "dell'Arvento", "d'Al-Waha".
        let name = trimmed.rsplit(['\'', '’']).next().unwrap_or(trimmed);
        let starts_upper = name.chars().next().is_some_and(char::is_uppercase);
        let capitals = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let calendar = lang == Some("en") && ENGLISH_CAPITALISED.contains(&name.to_lowercase().as_str());
        if starts_upper
            && !sentence_start
            && !capitals
            && !calendar
            && let Some(key) = translit::word_key(name)
        {
            out.push(skeleton(&key));
        }
        let last = word.trim_end_matches(['"', '\'', '»', '”', '’', ')']).chars().last();
        sentence_start = matches!(last, Some('.' | '!' | '?' | ':' | '…')) || trimmed.is_empty() && sentence_start;
    }
    out.retain(|k| k.chars().count() >= 2);
    out.sort();
    out.dedup();
    out
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

/// Whether a sentence denies something, by the words (or, for languages
/// that negate inside the word, the word parts) a language negates with.
fn negated(text: &str, lang: Option<&str>) -> bool {
    let lower = text.to_lowercase();
    let mut words = lower.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty());
    let any = |list: &[&str]| lower.split(|c: char| !c.is_alphanumeric()).any(|w| list.contains(&w));
    let part = |list: &[&str]| list.iter().any(|n| lower.contains(n));
    match lang.unwrap_or("en") {
        "en" => {
            any(&["not", "no", "never", "nothing", "nobody", "neither", "nor", "cannot", "none", "without", "unless"])
                || words.any(|w| w.ends_with("n't") || w.ends_with("n’t"))
        }
        "fr" => {
            any(&["ne", "non", "sans", "ni", "jamais", "aucun", "aucune", "rien"])
                || words.any(|w| w.starts_with("n'") || w.starts_with("n’"))
        }
        "de" => {
            any(&["nicht", "nie", "niemals", "nichts", "niemand", "weder", "ohne", "nein"])
                || words.any(|w| w.starts_with("kein"))
        }
        "es" => any(&["no", "nunca", "jamás", "ningún", "ninguna", "ninguno", "nada", "nadie", "ni", "sin", "tampoco"]),
        "it" => {
            any(&["non", "mai", "nemmeno", "neanche", "nessun", "nessuno", "nessuna", "niente", "nulla", "né", "senza"])
        }
        "pt" => any(&["não", "nunca", "jamais", "nenhum", "nenhuma", "nada", "ninguém", "nem", "sem"]),
        "nl" => any(&["niet", "geen", "nooit", "niets", "niemand", "noch", "zonder"]),
        "pl" => any(&["nie", "nigdy", "żaden", "żadna", "żadne", "nic", "nikt", "ani", "bez"]),
        "ru" | "uk" => any(&["не", "нет", "никогда", "ни", "ничего", "никто", "без"]),
        // Turkish negates in the verb (-ma-/-me-) and with -sız ("without").
        "tr" => {
            any(&["değil", "yok", "hiç", "hiçbir", "asla", "hayır", "olmadan"])
                || part(&[
                    "mıyor", "miyor", "muyor", "müyor", "mayacak", "meyecek", "madı", "medi", "mamış", "memiş",
                    "mayız", "meyiz", "mazsa", "mezse", "masın", "mesin",
                ])
                || words.any(|w| {
                    w.chars().count() > 5 && ["sız", "siz", "suz", "süz", "maz", "mez"].iter().any(|s| w.ends_with(s))
                })
        }
        "id" | "ms" => any(&["tidak", "bukan", "tak", "belum", "jangan", "tanpa"]),
        "ar" => any(&["لا", "لم", "لن", "ليس", "ليست", "غير", "بدون"]),
        "ja" => part(&["ない", "ません", "なかった", "ずに", "ず、", "ず。", "ぬ"]),
        "zh" => {
            // 不 and 没 are also parts of words that deny nothing.
            let mut t = lower.clone();
            for w in ["不断", "不仅", "不过", "不少", "不同", "不久", "不错", "了不起", "差不多"] {
                t = t.replace(w, "");
            }
            ["不", "没", "沒", "无", "無", "未", "别", "別", "非"].iter().any(|n| t.contains(n))
        }
        "ko" => part(&["않", "못", "없", "아니"]) || any(&["안"]),
        "th" => part(&["ไม่"]),
        _ => false,
    }
}

/// Why two quotations are not translations of each other although their
/// vectors agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Veto {
    /// Each has a figure the other lacks.
    Figures,
    /// Each names someone or something the other does not.
    Names,
    /// One denies what the other states.
    Negation,
}

/// Whether the marks of two quotations contradict each other.
pub fn veto(a: &Marks, b: &Marks) -> Option<Veto> {
    // Each figure of one must be matched by its own figure of the other.
    let missing = |x: &[String], y: &[String]| {
        let mut left: Vec<&String> = y.iter().collect();
        x.iter().any(|f| match left.iter().position(|g| *g == f) {
            Some(i) => {
                left.swap_remove(i);
                false
            }
            None => true,
        })
    };
    if !a.figures.is_empty()
        && !b.figures.is_empty()
        && missing(&a.figures, &b.figures)
        && missing(&b.figures, &a.figures)
    {
        return Some(Veto::Figures);
    }
    if a.names_readable && b.names_readable {
        // Declensions and transliterations change a name's end and vowels.
        let found = |n: &String, other: &[String]| {
            let stem: String = n.chars().take(4).collect();
            other.iter().any(|o| o.starts_with(&stem) || n.starts_with(o.as_str()))
        };
        let a_missing = a.names.iter().any(|n| !found(n, &b.names));
        let b_missing = b.names.iter().any(|n| !found(n, &a.names));
        if a_missing && b_missing {
            return Some(Veto::Names);
        }
    } else {
        // A name of one missing from the capitalised words of the other.
        let missing_in = |r: &Marks, u: &Marks| {
            r.names_readable
                && !u.names_readable
                && !u.capitalised.is_empty()
                && r.names.iter().any(|n| {
                    let stem: String = n.chars().take(4).collect();
                    !u.capitalised.iter().any(|o| o.starts_with(&stem) || n.starts_with(o.as_str()))
                })
        };
        if missing_in(a, b) || missing_in(b, a) {
            return Some(Veto::Names);
        }
    }
    if a.negated != b.negated {
        return Some(Veto::Negation);
    }
    None
}

/// The decision on two quotations in different languages: their cosine if
/// they are translations of each other, else `None`.
pub fn judge(a: &Marks, va: &[f32], b: &Marks, vb: &[f32]) -> Option<f32> {
    judge_at(THRESHOLD, a, va, b, vb)
}

/// [`judge`] at another threshold, for measuring.
pub fn judge_at(threshold: f32, a: &Marks, va: &[f32], b: &Marks, vb: &[f32]) -> Option<f32> {
    let cos = embed::cosine(va, vb);
    (cos >= threshold && veto(a, b).is_none()).then_some(cos)
}

/// Days since 1970 of a date written `YYYY-MM-DD…`.
fn day(published: Option<&str>) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(published?.get(..10)?, "%Y-%m-%d").ok()?;
    Some(d.signed_duration_since(chrono::NaiveDate::default()).num_days())
}

/// The keys a quotation with `words` (its [`own_keys`]) is stored under,
/// each with its day (undated quotations have a day of their own,
/// `i64::MIN`): those words, and the day itself.
fn keys(words: &[String], day: i64) -> Vec<i64> {
    let keyless = words.is_empty().then_some(KEYLESS);
    words.iter().map(String::as_str).chain(keyless).chain([DAY]).map(|w| hash_key(w, day)).collect()
}

/// What of a quotation survives translation: its speaker's name where it
/// can be romanised, its figures, its names.
fn own_keys(q: &Quotation, m: &Marks) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    if let Some(key) = q.speaker.as_deref().and_then(|s| translit::word_key(s.split_whitespace().last().unwrap_or(s))) {
        words.push(format!("s:{key}"));
    }
    words.extend(m.figures.iter().map(|f| format!("f:{f}")));
    words.extend(m.names.iter().map(|n| format!("n:{}", n.chars().take(4).collect::<String>())));
    words
}

/// The key of every quotation of a day, looked up by quotations that have
/// nothing else to be found by (unattributed or named in a script that is
/// not romanised, no figure, no name) and would otherwise never meet
/// their translations.
const DAY: &str = "d:";

/// The key of such quotations, looked up by all others.
const KEYLESS: &str = "k:";

/// The keys a quotation with `words` (its [`own_keys`]) looks up on `day`.
fn lookup_keys(words: &[String], day: i64) -> Vec<i64> {
    let extra = if words.is_empty() { DAY } else { KEYLESS };
    words.iter().map(String::as_str).chain([extra]).map(|w| hash_key(w, day)).collect()
}

fn hash_key(word: &str, day: i64) -> i64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    word.hash(&mut h);
    day.hash(&mut h);
    h.finish() as i64
}

/// Links the quotations not yet looked at to their translations among
/// all quotations; returns the pairs linked. Without the encoder nothing
/// is done when there is anything to compare (and the quotations wait
/// for it).
///
/// Candidates are found first, by keys alone; only quotations with a
/// candidate in another language are encoded, so an archive in one
/// language encodes nothing.
pub fn link_translations(tx: &LinkTx) -> Result<Option<usize>> {
    // One language: nothing to link until another arrives (then every
    // quotation not looked at yet is).
    if let Some(sole) = tx.sole_language()? {
        if let Some(language) = sole {
            tx.set_pending_language(&language)?;
        }
        return Ok(Some(0));
    }
    let mut linked = 0;
    // In chunks, read one at a time, so that memory stays flat: a chunk's
    // keys are stored before the next, which finds it as it finds earlier
    // passes; each chunk moves the mark of what was looked at.
    loop {
        let chunk = tx.untranslated_quotations(CHUNK)?;
        if chunk.is_empty() {
            return Ok(Some(linked));
        }
        match link_chunk(tx, &chunk)? {
            Some(n) => linked += n,
            None => return Ok(None),
        }
    }
}

/// Quotations looked at in one go.
const CHUNK: usize = 4096;

fn link_chunk(tx: &LinkTx, pending: &[Quotation]) -> Result<Option<usize>> {
    let upto = pending.iter().map(|q| q.cluster).max().unwrap_or(0);
    let marked: Vec<Marks> = pending.iter().map(|q| marks(&q.text, q.language.as_deref())).collect();

    // Every quotation met: this pass's by position, earlier ones by id.
    let mut stored: FxHashMap<i64, Option<(Quotation, Marks)>> = FxHashMap::default();
    let mut pass = PassIndex::default();
    let mut pairs: Vec<(usize, Candidate)> = Vec::new();
    let mut all_keys: Vec<(i64, i64)> = Vec::new();
    for (i, q) in pending.iter().enumerate() {
        let Some(lang) = q.language.as_deref() else { continue };
        let d = day(q.published.as_deref());
        let words = own_keys(q, &marked[i]);
        let own = keys(&words, d.unwrap_or(i64::MIN));
        let lookup: Vec<i64> = match d {
            Some(d) => (d - WINDOW_DAYS..=d + WINDOW_DAYS).flat_map(|dd| lookup_keys(&words, dd)).collect(),
            None => lookup_keys(&words, i64::MIN),
        };
        let mut archive = |k: i64, n: usize| tx.quotations_with_translation_key(k, n);
        let search = Search { per_key: KEY_LIMIT, min_shared: 1, limit: CANDIDATES };
        for c in candidates::find(&lookup, &pass, |p| pending[p].cluster, Some(&mut archive), search)? {
            let other = match c.pos {
                Some(p) => &pending[p],
                None => {
                    if let std::collections::hash_map::Entry::Vacant(e) = stored.entry(c.id) {
                        let q = tx.translated_quotation(c.id)?;
                        e.insert(q.map(|q| {
                            let m = marks(&q.text, q.language.as_deref());
                            (q, m)
                        }));
                    }
                    match &stored[&c.id] {
                        Some((o, _)) => o,
                        None => continue,
                    }
                }
            };
            if other.cluster != q.cluster
                && other.language.as_deref().is_some_and(|l| l != lang)
                && speakers_agree(q, other)
            {
                pairs.push((i, c));
            }
        }
        pass.add(i, &own);
        all_keys.extend(own.into_iter().map(|k| (k, q.cluster)));
    }

    // The encoder is loaded only when there is something to compare;
    // without it, the pass leaves no trace and waits for it.
    let encoder = match (pairs.is_empty(), encoder()) {
        (true, _) => None,
        (false, Ok(Some(e))) => Some(e),
        (false, Ok(None)) => return Ok(None),
        (false, Err(e)) => return Err(crate::store::Error::Model(e)),
    };
    // Vectors of the quotations in a pair, stored ones read back.
    let mut wordings: Vec<(i64, &str)> = Vec::new();
    for (i, c) in &pairs {
        wordings.push((pending[*i].wording_id, pending[*i].text.as_str()));
        let o = match c.pos {
            Some(p) => &pending[p],
            None => stored[&c.id].as_ref().map(|(o, _)| o).expect("candidates kept are stored"),
        };
        wordings.push((o.wording_id, o.text.as_str()));
    }
    let vectors = match encoder {
        Some(e) => vectors(tx, e, wordings)?,
        None => FxHashMap::default(),
    };

    let mut found: Vec<(i64, i64, f32)> = Vec::new();
    for (i, c) in &pairs {
        let (q, m) = (&pending[*i], &marked[*i]);
        let (o, om) = match c.pos {
            Some(p) => (&pending[p], &marked[p]),
            None => stored[&c.id].as_ref().map(|(o, m)| (o, m)).expect("candidates kept are stored"),
        };
        let (Some(v), Some(ov)) = (vectors.get(&q.wording_id), vectors.get(&o.wording_id)) else { continue };
        if let Some(cos) = judge(m, v, om, ov) {
            found.push((q.cluster, o.cluster, cos));
        }
    }
    all_keys.sort_unstable();
    all_keys.dedup();
    tx.add_translation_keys(all_keys.into_iter())?;
    for &(a, b, cos) in &found {
        tx.add_translation(a, b, cos)?;
    }
    let languages: Vec<(i64, Option<String>)> = pending.iter().map(|q| (q.cluster, q.language.clone())).collect();
    tx.finish_translations(&languages, upto)?;
    Ok(Some(found.len()))
}

/// Two attributed quotations must be by the same person: the same speaker,
/// or names that read the same once romanised; names in scripts that are
/// not romanised cannot be compared and do not stand in the way.
fn speakers_agree(a: &Quotation, b: &Quotation) -> bool {
    match (a.speaker_id, b.speaker_id, &a.speaker, &b.speaker) {
        (Some(x), Some(y), _, _) if x == y => true,
        (Some(_), Some(_), Some(na), Some(nb)) => {
            let last = |n: &str| translit::word_key(n.split_whitespace().last().unwrap_or(n));
            match (last(na), last(nb)) {
                (Some(ka), Some(kb)) => ka == kb,
                _ => true,
            }
        }
        _ => true,
    }
}

/// The vector of each wording: stored ones read back, the others encoded
/// in batches and stored (what is judged is what is stored, so that a
/// later pass decides alike).
fn vectors(tx: &LinkTx, encoder: &Encoder, mut wordings: Vec<(i64, &str)>) -> Result<FxHashMap<i64, Vec<f32>>> {
    wordings.sort_unstable_by_key(|w| w.0);
    wordings.dedup_by_key(|w| w.0);
    let ids: Vec<i64> = wordings.iter().map(|w| w.0).collect();
    let mut out: FxHashMap<i64, Vec<f32>> = FxHashMap::default();
    for (id, blob) in tx.wording_vectors(&ids)? {
        if let Some(v) = embed::from_blob(&blob) {
            out.insert(id, v);
        }
    }
    let missing: Vec<(i64, &str)> = wordings.into_iter().filter(|w| !out.contains_key(&w.0)).collect();
    for chunk in missing.chunks(BATCH) {
        let texts: Vec<&str> = chunk.iter().map(|w| w.1).collect();
        let fresh = encoder.encode(&texts);
        for ((id, _), v) in chunk.iter().zip(fresh.chunks_exact(embed::DIMENSIONS)) {
            let blob = embed::to_blob(v);
            tx.set_wording_vector(*id, &blob)?;
            out.insert(*id, embed::from_blob(&blob).unwrap_or_default());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_alike_across_conventions() {
        let en = Some("en");
        assert_eq!(figures("1.5 billion", en), ["15"]);
        assert_eq!(figures("1,5 milliard", Some("fr")), ["15"]);
        assert_eq!(figures("15億円", Some("ja")), ["15"]);
        assert_eq!(figures("1,500 jobs in 2027.", en), ["15", "2027"]);
        assert_eq!(figures("quelque 1 200 emplois", Some("fr")), ["12"]);
        assert_eq!(figures("5万2000人", Some("ja")), ["52"]);
        assert_eq!(figures("between 3 and 4 500 people", en), ["3", "45"]);
        assert_eq!(figures("no numbers", en), Vec::<String>::new());
        assert_eq!(figures("three matches", en), ["3"]);
        assert_eq!(figures("３％", Some("ja")), ["3"]);
    }

    #[test]
    fn figures_that_differ_veto() {
        let a = marks("We will cut taxes by 3 percent in 2027", Some("en"));
        let b = marks("Nous baisserons les impôts de 5 % en 2027", Some("fr"));
        assert_eq!(veto(&a, &b), Some(Veto::Figures));
        let c = marks("Nous baisserons les impôts de 3 % en 2027", Some("fr"));
        assert_eq!(veto(&a, &c), None);
    }

    #[test]
    fn negation_vetoes() {
        let a = marks("We will raise taxes", Some("en"));
        let b = marks("Nous n'augmenterons pas les impôts", Some("fr"));
        assert_eq!(veto(&a, &b), Some(Veto::Negation));
        let c = marks("We will never raise taxes", Some("en"));
        assert_eq!(veto(&c, &b), None);
    }

    #[test]
    fn names_across_scripts() {
        let a = marks("I spoke with Sokolov yesterday", Some("en"));
        let b = marks("Вчера я говорил с Соколовым", Some("ru"));
        assert_eq!(veto(&a, &b), None);
        let c = marks("Вчера я говорил с Петровым", Some("ru"));
        assert_eq!(veto(&a, &c), Some(Veto::Names));
    }
}
