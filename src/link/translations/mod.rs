//! Linking a quotation to its translations: the same statement printed in
//! another language. Two quotations in different languages are compared
//! when they are of the same days and share what survives translation —
//! the speaker, a figure, a name (the keys below); they are linked when
//! their sentence vectors agree (cosine at least [`THRESHOLD`]) and
//! nothing they state differs: figures, names, or a negation one has and
//! the other lacks.
//!
//! The decision ([`judge_at`], the linker's at [`THRESHOLD`]) is a pure
//! function of the two texts, their languages and vectors, so that
//! `newsarchive eval translations` measures exactly what the linker does.

mod figures;
mod marks;
mod negation;

pub use figures::Figure;
pub use marks::{Marks, marks};

use super::candidates::{self, ArchiveKeys, Candidate, KEY_LIMIT, PassIndex, Search};
use crate::embed::{self, Encoder};
use crate::extract::translit;
use crate::store::{LinkTx, Quotation, Result};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

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
    // Figures of a known magnitude take their equals first, so that one
    // of unknown magnitude does not take the figure another needed.
    let missing = |x: &[Figure], y: &[Figure]| {
        let mut left: Vec<&Figure> = y.iter().collect();
        let mut x: Vec<&Figure> = x.iter().collect();
        x.sort_by_key(|f| f.scale.is_none());
        x.into_iter().any(|f| {
            match left.iter().position(|g| *g == f).or_else(|| left.iter().position(|g| g.meets(f))) {
                Some(i) => {
                    left.swap_remove(i);
                    false
                }
                None => true,
            }
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
        let found = |n: &[String], other: &[Vec<String>]| n.iter().any(|n| meets(n, other.iter().flatten()));
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
                && r.names.iter().any(|n| !n.iter().any(|n| meets(n, u.capitalised.iter())))
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

/// Whether a name's spelling `n` is one of `others`: they share the first
/// four letters of its skeleton, or one begins the other (declensions and
/// transliterations change a name's end and vowels).
fn meets<'a>(n: &str, mut others: impl Iterator<Item = &'a String>) -> bool {
    let stem: String = n.chars().take(4).collect();
    others.any(|o| o.starts_with(&stem) || n.starts_with(o.as_str()))
}

/// The decision on two quotations in different languages at a cosine
/// `threshold`: their cosine if they are translations of each other, else
/// `None`.
pub fn judge_at(threshold: f32, a: &Marks, va: &embed::Stored, b: &Marks, vb: &embed::Stored) -> Option<f32> {
    veto(a, b).is_none().then(|| agree_at(threshold, va, vb)).flatten()
}

/// The half of [`judge_at`] that reads the vectors: their cosine, if it
/// is at least `threshold`. The linker vetoes pairs before it encodes
/// them, and judges what is left with this alone.
fn agree_at(threshold: f32, va: &embed::Stored, vb: &embed::Stored) -> Option<f32> {
    let cos = va.cosine(vb);
    (cos >= threshold).then_some(cos)
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
/// can be romanised (`speaker`, its [`speaker_key`]), its figures, its
/// names.
fn own_keys(speaker: Option<&str>, m: &Marks) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    if let Some(key) = speaker {
        words.push(format!("s:{key}"));
    }
    words.extend(m.figures.iter().map(|f| format!("f:{}", f.digits)));
    words.extend(m.names.iter().flatten().map(|n| format!("n:{}", n.chars().take(4).collect::<String>())));
    words.dedup();
    words
}

/// The romanised key of a quotation's speaker's last name, if it has one
/// in a script that is romanised: read once per quotation and pass, as a
/// quotation is compared with up to sixty others.
fn speaker_key(q: &Quotation) -> Option<String> {
    let name = q.speaker.as_deref()?;
    translit::word_key(name.split_whitespace().last().unwrap_or(name))
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
/// candidate in another language that their marks do not veto are
/// encoded, so an archive in one language encodes nothing.
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
    let speakers: Vec<Option<String>> = pending.iter().map(speaker_key).collect();

    // Every quotation met: this pass's by position, earlier ones by id.
    let mut stored: FxHashMap<i64, Option<(Quotation, Marks, Option<String>)>> = FxHashMap::default();
    let mut pass = PassIndex::default();
    let mut pairs: Vec<(usize, Candidate)> = Vec::new();
    let mut all_keys: Vec<(i64, i64)> = Vec::new();
    let mut archive = ArchiveKeys::new(|k, n| tx.quotations_with_translation_key(k, n));
    for (i, q) in pending.iter().enumerate() {
        let Some(lang) = q.language.as_deref() else { continue };
        let d = day(q.published.as_deref());
        let words = own_keys(speakers[i].as_deref(), &marked[i]);
        let own = keys(&words, d.unwrap_or(i64::MIN));
        let lookup: Vec<i64> = match d {
            Some(d) => (d - WINDOW_DAYS..=d + WINDOW_DAYS).flat_map(|dd| lookup_keys(&words, dd)).collect(),
            None => lookup_keys(&words, i64::MIN),
        };
        let search = Search { per_key: KEY_LIMIT, min_shared: 1, limit: CANDIDATES };
        for c in candidates::find(&lookup, &pass, |p| pending[p].cluster, Some(&mut archive), search)? {
            let (other, other_marks, other_speaker) = match c.pos {
                Some(p) => (&pending[p], &marked[p], &speakers[p]),
                None => {
                    if let std::collections::hash_map::Entry::Vacant(e) = stored.entry(c.id) {
                        let q = tx.translated_quotation(c.id)?;
                        e.insert(q.map(|q| {
                            let m = marks(&q.text, q.language.as_deref());
                            let s = speaker_key(&q);
                            (q, m, s)
                        }));
                    }
                    match &stored[&c.id] {
                        Some((o, m, s)) => (o, m, s),
                        None => continue,
                    }
                }
            };
            if other.cluster != q.cluster
                && other.language.as_deref().is_some_and(|l| l != lang)
                && speakers_agree((q.speaker_id, speakers[i].as_deref()), (other.speaker_id, other_speaker.as_deref()))
                // A pair its marks veto is refused whatever its vectors say,
                // so neither needs encoding for it.
                && veto(&marked[i], other_marks).is_none()
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
    // Each wording once: a quotation is in up to sixty pairs.
    let mut wordings: FxHashMap<i64, &str> = FxHashMap::default();
    for (i, c) in &pairs {
        wordings.entry(pending[*i].wording_id).or_insert(pending[*i].text.as_str());
        let o = match c.pos {
            Some(p) => &pending[p],
            None => stored[&c.id].as_ref().map(|(o, _, _)| o).expect("candidates kept are stored"),
        };
        wordings.entry(o.wording_id).or_insert(o.text.as_str());
    }
    let vectors = match encoder {
        Some(e) => vectors(tx, e, wordings)?,
        None => FxHashMap::default(),
    };

    let mut found: Vec<(i64, i64, f32)> = Vec::new();
    // Every pair passed the veto when it was kept.
    for (i, c) in &pairs {
        let q = &pending[*i];
        let o = match c.pos {
            Some(p) => &pending[p],
            None => stored[&c.id].as_ref().map(|(o, _, _)| o).expect("candidates kept are stored"),
        };
        let (Some(v), Some(ov)) = (vectors.get(&q.wording_id), vectors.get(&o.wording_id)) else { continue };
        if let Some(cos) = agree_at(THRESHOLD, v, ov) {
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
/// or names that read the same once romanised (each side: its speaker's
/// id and [`speaker_key`]); names in scripts that are not romanised cannot
/// be compared and do not stand in the way.
fn speakers_agree((a, ka): (Option<i64>, Option<&str>), (b, kb): (Option<i64>, Option<&str>)) -> bool {
    match (a, b) {
        (Some(x), Some(y)) if x == y => true,
        (Some(_), Some(_)) => match (ka, kb) {
            (Some(ka), Some(kb)) => ka == kb,
            _ => true,
        },
        _ => true,
    }
}

/// The vector of each wording: stored ones read back, the others encoded
/// in batches and stored (what is judged is what is stored, so that a
/// later pass decides alike).
fn vectors(tx: &LinkTx, encoder: &Encoder, wordings: FxHashMap<i64, &str>) -> Result<FxHashMap<i64, embed::Stored>> {
    let mut wordings: Vec<(i64, &str)> = wordings.into_iter().collect();
    wordings.sort_unstable_by_key(|w| w.0);
    let ids: Vec<i64> = wordings.iter().map(|w| w.0).collect();
    let mut out: FxHashMap<i64, embed::Stored> = FxHashMap::default();
    for (id, blob) in tx.wording_vectors(&ids)? {
        if let Some(v) = embed::Stored::from_blob(&blob) {
            out.insert(id, v);
        }
    }
    let missing: Vec<(i64, &str)> = wordings.into_iter().filter(|w| !out.contains_key(&w.0)).collect();
    for chunk in missing.chunks(BATCH) {
        let texts: Vec<&str> = chunk.iter().map(|w| w.1).collect();
        let fresh = encoder.encode(&texts);
        for ((id, _), v) in chunk.iter().zip(fresh.chunks_exact(embed::DIMENSIONS)) {
            let v = embed::Stored::of(v);
            tx.set_wording_vector(*id, &v.blob())?;
            out.insert(*id, v);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // A Polish name meets its Cyrillic and its Latin spellings.
        let pl =
            marks("Rząd zamyka szpital w Modrzewicach, a jednocześnie wydaje na stadion w Nowym Targu.", Some("pl"));
        let ru =
            marks("Правительство закрывает больницу в Моджевице и тратит деньги на стадион в Новом Тарге.", Some("ru"));
        let en = marks(
            "The government is closing the hospital in Modrzewice and paying for a stadium in Nowy Targ.",
            Some("en"),
        );
        assert_eq!(veto(&pl, &ru), None);
        assert_eq!(veto(&pl, &en), None);
        let other =
            marks("Правительство закрывает больницу в Соколове и тратит деньги на стадион в Тарнове.", Some("ru"));
        assert_eq!(veto(&pl, &other), Some(Veto::Names));
    }
}
