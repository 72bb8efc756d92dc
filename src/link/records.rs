//! The fidelity pass: each quotation of an article not yet checked is
//! aligned to the records (transcripts) of its event and judged.
//!
//! Which records: those sharing keys with the quotation (the linkers'
//! candidate index, over the records' turns) whose event falls in the
//! article's days. Which event an article reports: the records some of
//! its quotations were found in. A quotation found nowhere is "not in the
//! record" only when its speaker speaks in a record the article reports;
//! one in another language than a record its speaker speaks in, of the
//! article's days, is "translated". Anything else — a quotation of an
//! event nobody recorded — gets no verdict.

use super::candidates::{KEY_LIMIT, PassIndex, Search, find};
use super::fidelity::{Alignment, Fit, MIN_WORDS, QuoteWords, Record, align, edits};
use super::on_all_cores;
use super::quotes::keys;
use crate::extract::normalize::normalize;
use crate::store::{
    CharOffsets, Class, EVENT_DAYS_AFTER, EVENT_DAYS_BEFORE, LinkTx, QuoteToCheck, Result, StoredTranscript, Verdict,
    is_questioner, label_name,
};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// Articles read and judged at a time.
const CHUNK: usize = 2_000;

/// Records an article's quotations are aligned to at most, by keys shared.
const RECORDS_TRIED: usize = 8;

/// A record made ready for aligning.
struct Ready {
    stored: StoredTranscript,
    record: Record,
    offsets: CharOffsets,
    /// Day number of the event.
    day: Option<i64>,
}

/// Checks the quotations of every article not yet checked against the
/// records. Returns how many were judged.
///
/// Articles are taken in the order of their days, a span of days at a time,
/// and only the records of events they can report are in memory: those of
/// the span's days widened by the event window, and those without a date.
/// A record stays loaded while the next span still needs it. So a day's
/// new articles read a month of records, not the archive's, and memory is
/// bounded by how many events a few weeks hold. Articles without a date
/// come last, against every record.
pub fn check(tx: &LinkTx) -> Result<usize> {
    if !tx.has_transcripts()? {
        return Ok(0);
    }
    // Nothing new: the records are not even read.
    let articles = tx.articles_to_check()?;
    if articles.is_empty() {
        return Ok(0);
    }
    tx.resolve_turn_speakers()?;
    let record_days: Vec<(i64, Option<i64>)> =
        tx.record_dates()?.into_iter().map(|(id, held_on)| (id, held_on.as_deref().and_then(day_number))).collect();
    let mut dated: Vec<(i64, i64)> = Vec::new();
    let mut undated: Vec<i64> = Vec::new();
    for (id, published) in articles {
        match published.as_deref().and_then(day_number) {
            Some(day) => dated.push((day, id)),
            None => undated.push(id),
        }
    }
    dated.sort_unstable();
    let mut window = Window::default();
    let mut judged = 0;
    let mut rest = &dated[..];
    while let Some(&(first, _)) = rest.first() {
        let span = rest.partition_point(|&(day, _)| day < first + SPAN_DAYS);
        let (these, after) = rest.split_at(span);
        rest = after;
        let last = these[these.len() - 1].0;
        window.cover(tx, &record_days, first - EVENT_DAYS_AFTER..=last + EVENT_DAYS_BEFORE)?;
        let ids: Vec<i64> = these.iter().map(|&(_, id)| id).collect();
        judged += judge(tx, &ids, &window.records, &Index::new(&window.records, false))?;
    }
    if !undated.is_empty() {
        window.cover(tx, &record_days, i64::MIN..=i64::MAX)?;
        judged += judge(tx, &undated, &window.records, &Index::new(&window.records, true))?;
    }
    Ok(judged)
}

/// Days of articles judged with one set of records in memory.
const SPAN_DAYS: i64 = 31;

/// The records in memory, by id.
#[derive(Default)]
struct Window {
    records: Vec<Ready>,
}

impl Window {
    /// Holds the records of the events of `days` and those without a date,
    /// and no other: a record whose day is before the range is let go.
    fn cover(
        &mut self,
        tx: &LinkTx,
        record_days: &[(i64, Option<i64>)],
        days: std::ops::RangeInclusive<i64>,
    ) -> Result<()> {
        self.records.retain(|r| r.day.is_none_or(|d| days.contains(&d)));
        let held: rustc_hash::FxHashSet<i64> = self.records.iter().map(|r| r.stored.id).collect();
        for &(id, day) in record_days {
            if day.is_none_or(|d| days.contains(&d)) && !held.contains(&id) {
                self.records.push(Ready::new(tx.transcript(id)?));
            }
        }
        // In id order, as the candidates are tried: the same verdicts
        // whichever span loaded a record.
        self.records.sort_unstable_by_key(|r| r.stored.id);
        Ok(())
    }
}

impl Ready {
    fn new(stored: StoredTranscript) -> Ready {
        let offsets = CharOffsets::new(&stored.text);
        let spans: Vec<_> = stored.turns.iter().map(|turn| offsets.byte(turn.start)..offsets.byte(turn.end)).collect();
        let record = Record::new(&stored.text, &spans);
        let day = stored.held_on.as_deref().and_then(day_number);
        Ready { stored, record, offsets, day }
    }
}

/// Judges the quotations of `articles` against `records` and saves the
/// verdicts, a batch of articles at a time. Returns how many were judged.
fn judge(tx: &LinkTx, articles: &[i64], records: &[Ready], index: &Index) -> Result<usize> {
    let mut judged = 0;
    for chunk in articles.chunks(CHUNK) {
        let quotes: Vec<Vec<QuoteToCheck>> = chunk.iter().map(|&a| tx.quotes_to_check(a)).collect::<Result<_>>()?;
        let mut verdicts = Vec::new();
        for of_article in on_all_cores(&quotes, |q| judge_article(q, records, index)) {
            verdicts.extend(of_article?);
        }
        judged += verdicts.len();
        tx.save_verdicts(chunk, &verdicts)?;
    }
    Ok(judged)
}

/// The candidate index over the records' turns (a turn known by its
/// record and its place there): each turn's keys under the day of its
/// event, so that a quotation looks only at the records of its article's
/// days; records without a date apart; and every turn by its keys alone,
/// for articles without a date.
struct Index {
    dated: PassIndex,
    undated: PassIndex,
    all: PassIndex,
    turn_of: Vec<(usize, usize)>,
    /// The records each speaker speaks in.
    by_speaker: FxHashMap<i64, Vec<usize>>,
}

/// A key as kept for the records of one day.
fn on_day(key: i64, day: i64) -> i64 {
    key ^ day.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as i64)
}

impl Index {
    /// The index of `records`; `undated_articles`: with every turn by its
    /// keys alone too, for articles without a date.
    fn new(records: &[Ready], undated_articles: bool) -> Index {
        let mut index = Index {
            dated: PassIndex::default(),
            undated: PassIndex::default(),
            all: PassIndex::default(),
            turn_of: Vec::new(),
            by_speaker: FxHashMap::default(),
        };
        for (r, ready) in records.iter().enumerate() {
            for (t, turn) in ready.stored.turns.iter().enumerate() {
                let text = &ready.stored.text[ready.offsets.byte(turn.start)..ready.offsets.byte(turn.end)];
                let keys = keys(&normalize(text));
                let pos = index.turn_of.len();
                match ready.day {
                    Some(day) => index.dated.add(pos, &keys.iter().map(|&k| on_day(k, day)).collect::<Vec<_>>()),
                    None => index.undated.add(pos, &keys),
                }
                if undated_articles {
                    index.all.add(pos, &keys);
                }
                index.turn_of.push((r, t));
                if let Some(s) = turn.speaker_id {
                    let of = index.by_speaker.entry(s).or_default();
                    if of.last() != Some(&r) {
                        of.push(r);
                    }
                }
            }
        }
        index
    }

    /// Records sharing `keys` with a quotation of an article of `day`, most
    /// keys shared first.
    fn records(&self, keys: &[i64], day: Option<i64>) -> Result<Vec<usize>> {
        let search = Search { per_key: KEY_LIMIT, min_shared: 1, limit: 6 * RECORDS_TRIED };
        let mut found = match day {
            Some(day) => {
                let of_days: Vec<i64> = (day - EVENT_DAYS_AFTER..=day + EVENT_DAYS_BEFORE)
                    .flat_map(|d| keys.iter().map(move |&k| on_day(k, d)))
                    .collect();
                let mut found = find(&of_days, &self.dated, |pos| pos as i64, None, search)?;
                found.extend(find(keys, &self.undated, |pos| pos as i64, None, search)?);
                found.sort_by(|a, b| b.shared.cmp(&a.shared).then(a.id.cmp(&b.id)));
                found
            }
            None => find(keys, &self.all, |pos| pos as i64, None, search)?,
        };
        found.truncate(search.limit);
        let mut out: Vec<usize> = Vec::new();
        for c in found {
            let (r, _) = self.turn_of[c.id as usize];
            if !out.contains(&r) {
                out.push(r);
            }
        }
        out.truncate(RECORDS_TRIED);
        Ok(out)
    }
}

/// The verdicts on one article's quotations.
fn judge_article(quotes: &[QuoteToCheck], records: &[Ready], index: &Index) -> Result<Vec<Verdict>> {
    let Some(first) = quotes.first() else { return Ok(Vec::new()) };
    let day = first.published.as_deref().and_then(day_number);
    let of_its_days = |r: &Ready| match (day, r.day) {
        (Some(a), Some(e)) => a >= e - EVENT_DAYS_BEFORE && a <= e + EVENT_DAYS_AFTER,
        _ => true,
    };
    // The records the article's quotations share keys with, looked up once
    // for the article: its quotations mostly report one event.
    let quote_words: Vec<QuoteWords> = quotes.iter().map(|q| QuoteWords::new(&q.text)).collect();
    let mut all_keys: Vec<i64> = quotes
        .iter()
        .zip(&quote_words)
        .flat_map(|(q, words)| {
            // Keyed on the speaker's words only: words the writer put in
            // brackets are not in the record.
            let said = if words.marked { normalize(&without_brackets(&q.text)) } else { q.normalized.clone() };
            keys(&said)
        })
        .collect();
    all_keys.sort_unstable();
    all_keys.dedup();
    // The records of the article's days its quoted speakers speak in come
    // first, found without the keys; the keys are looked up too only for
    // an article quoting someone no such record has (or no one named).
    let mut candidates: Vec<usize> = Vec::new();
    let mut unplaced = false;
    for q in quotes {
        let of_speaker: Vec<usize> = q
            .speaker_id
            .and_then(|s| index.by_speaker.get(&s))
            .map(|rs| rs.iter().copied().filter(|&r| of_its_days(&records[r])).collect())
            .unwrap_or_default();
        unplaced |= of_speaker.is_empty();
        for r in of_speaker {
            if !candidates.contains(&r) {
                candidates.push(r);
            }
        }
    }
    if unplaced {
        for r in index.records(&all_keys, day)? {
            if !candidates.contains(&r) {
                candidates.push(r);
            }
        }
    }
    candidates.truncate(2 * RECORDS_TRIED);
    let mut found: Vec<Option<(usize, Alignment)>> = Vec::with_capacity(quotes.len());
    for (q, words) in quotes.iter().zip(&quote_words) {
        // (alignment, in a turn of the speaker the article names)
        let mut best: Option<(usize, Alignment, bool)> = None;
        for &r in &candidates {
            if best.as_ref().is_some_and(|(_, b, mine)| *mine && b.is_whole(words)) {
                break;
            }
            let turns = &records[r].stored.turns;
            let ours = |turn: usize| {
                q.speaker_id.is_some_and(|s| {
                    !said_by_another(turns[turn].speaker_id, turns[turn].label.as_deref(), s, q.speaker.as_deref())
                })
            };
            if let Some(a) = align(words, &records[r].record, &ours) {
                let mine = ours(a.passages[0].turn);
                // The same words at two events: the one where the named
                // speaker said them.
                if best.as_ref().is_none_or(|(_, b, b_mine)| better(&a, mine, b, *b_mine)) {
                    best = Some((r, a, mine));
                }
            }
        }
        // The record this quotation is in is tried first for the next:
        // an article's quotations mostly report one event.
        if let Some((r, _, _)) = &best
            && let Some(at) = candidates.iter().position(|c| c == r)
        {
            candidates[..=at].rotate_right(1);
        }
        found.push(best.map(|(r, a, _)| (r, a)));
    }
    // The events the article reports: the records its quotations are in.
    let reported: BTreeSet<usize> = found.iter().flatten().map(|(r, _)| *r).collect();
    let mut out = Vec::new();
    for ((q, words), f) in quotes.iter().zip(&quote_words).zip(found) {
        if let Some((r, a)) = f {
            out.extend(verdict_of_words(q, words, &records[r], &a));
            continue;
        }
        // Too few words to be looked for ("serious threat"): nothing can be
        // said of them.
        let Some(speaker) = q.speaker_id.filter(|_| words.words.len() >= MIN_WORDS) else { continue };
        // Not found: is it of an event whose record holds its speaker?
        let other_language = |r: &Ready| match (&q.language, &r.stored.language) {
            (Some(a), Some(b)) => !a.eq_ignore_ascii_case(b),
            _ => false,
        };
        let speaks_in: &[usize] = index.by_speaker.get(&speaker).map_or(&[], Vec::as_slice);
        let in_another_language =
            speaks_in.iter().map(|&r| &records[r]).find(|r| other_language(r) && day.is_some() && of_its_days(r));
        if let Some(r) = in_another_language {
            out.push(Verdict {
                quote_id: q.id,
                outlet_id: q.outlet_id,
                transcript_id: r.stored.id,
                class: Class::Translated,
                passages: Vec::new(),
                similarity: None,
                diff: None,
            });
        } else if let Some(&r) = reported.iter().find(|&&r| speaks_in.contains(&r) && !other_language(&records[r])) {
            out.push(Verdict {
                quote_id: q.id,
                outlet_id: q.outlet_id,
                transcript_id: records[r].stored.id,
                class: Class::NotInRecord,
                passages: Vec::new(),
                similarity: None,
                diff: None,
            });
        }
    }
    Ok(out)
}

/// A quotation without the words its writer put in square brackets.
fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth > 0 => {
                depth -= 1;
                out.push(' ');
            }
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether alignment `a` explains a quotation better than `b` (each with
/// whether its words are in a turn of the named speaker).
fn better(a: &Alignment, a_mine: bool, b: &Alignment, b_mine: bool) -> bool {
    let rank = |x: &Alignment| match x.fit {
        Fit::Verbatim | Fit::Trimmed => 2,
        Fit::Altered => 1,
        Fit::Stitched => 0,
    };
    (a.matched, a_mine, rank(a), a.similarity) > (b.matched, b_mine, rank(b), b.similarity)
}

/// Fewer words than this, found only in another speaker's turn, do not say
/// who said them: a few common words are in many mouths.
const MISATTRIBUTED_WORDS: usize = 6;

/// The verdict on a quotation whose words were found in a record; none
/// when they are too few to say whose they are.
fn verdict_of_words(q: &QuoteToCheck, q_words: &QuoteWords, r: &Ready, a: &Alignment) -> Option<Verdict> {
    let words = r.record.words();
    let passages: Vec<(i64, i64, i64)> = a
        .passages
        .iter()
        .map(|p| {
            let (start, end) = (words[p.record.start].span.0, words[p.record.end - 1].span.1);
            (r.stored.turns[p.turn].id, r.offsets.of(start), r.offsets.of(end))
        })
        .collect();
    let main = &a.passages[0];
    let turn = &r.stored.turns[main.turn];
    let misattributed = match (q.speaker_id, q.speaker.as_deref()) {
        (Some(speaker), name) => said_by_another(turn.speaker_id, turn.label.as_deref(), speaker, name),
        _ => false,
    };
    if misattributed && main.matched < MISATTRIBUTED_WORDS {
        return None;
    }
    let class = if misattributed {
        Class::Misattributed
    } else {
        match a.fit {
            Fit::Verbatim => Class::Verbatim,
            Fit::Trimmed => Class::Trimmed,
            Fit::Altered => Class::Altered,
            Fit::Stitched => Class::Stitched,
        }
    };
    let diff = match a.fit {
        Fit::Altered => edits(&r.stored.text, &words[main.record.clone()], &q.text, &q_words.words),
        _ => None,
    };
    Some(Verdict {
        quote_id: q.id,
        outlet_id: q.outlet_id,
        transcript_id: r.stored.id,
        class,
        passages,
        similarity: Some(a.similarity),
        diff,
    })
}

/// Whether a turn was spoken by someone other than the quotation's
/// speaker: a questioner, another of the archive's speakers, or — when
/// the turn's label is not resolved — a label whose surname differs.
fn said_by_another(turn_speaker: Option<i64>, label: Option<&str>, speaker: i64, name: Option<&str>) -> bool {
    if let Some(t) = turn_speaker {
        return t != speaker;
    }
    let Some(label) = label else { return false };
    if is_questioner(label) {
        return true;
    }
    let (Some(label_surname), Some(name)) = (label_name(label).last().copied(), name) else { return false };
    name.split_whitespace().last().is_some_and(|s| !s.eq_ignore_ascii_case(label_surname.trim_end_matches(['.', ','])))
}

/// Days since 1970-01-01 of an ISO date ("2026-03-03", or a longer
/// date-time beginning with one).
fn day_number(iso: &str) -> Option<i64> {
    let d = iso.get(..10)?;
    let (y, m, day): (i64, i64, i64) =
        (d.get(..4)?.parse().ok()?, d.get(5..7)?.parse().ok()?, d.get(8..10)?.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2026-03-03T10:00"), Some(day_number("2026-03-02").unwrap() + 1));
        assert_eq!(day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(), 2, "a leap year");
        assert_eq!(day_number("March"), None);
    }

    #[test]
    fn bracketed_words_are_not_searched() {
        assert_eq!(without_brackets("I will commit to [halving waits] as a target"), "I will commit to   as a target");
        assert_eq!(without_brackets("no brackets"), "no brackets");
        assert_eq!(without_brackets("an ] unmatched"), "an ] unmatched");
    }

    #[test]
    fn who_said_it() {
        assert!(!said_by_another(Some(3), Some("Ms. Okafor"), 3, Some("Grace Okafor")));
        assert!(said_by_another(Some(4), Some("Ms. Okafor"), 3, Some("Grace Okafor")));
        assert!(said_by_another(None, Some("Q"), 3, Some("Grace Okafor")));
        assert!(!said_by_another(None, Some("MS. OKAFOR"), 3, Some("Grace Okafor")));
        assert!(said_by_another(None, Some("MR. DUVALL"), 3, Some("Grace Okafor")));
        assert!(!said_by_another(None, None, 3, Some("Grace Okafor")), "a voice nobody named");
    }
}
