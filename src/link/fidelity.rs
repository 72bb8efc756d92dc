//! Quote fidelity: a quotation aligned, word by word, to the record of what
//! was said (a transcript's turns), and judged — the same words, the same
//! words with marked cuts, changed words, or passages from different places
//! joined as one. Pure functions; the pass that reads quotations and
//! records and stores the verdicts is [`crate::store`]'s.
//!
//! Words are compared by a key that sets aside what does not change
//! meaning: case, punctuation, apostrophes, numerals against number words
//! ("ten" and "10"), "percent" against "%", and British against American
//! spelling ("defence", "defense"). The key is applied to both sides, so a
//! spelling rule that also rewrites some unrelated word rewrites it on both.

use super::quotes::{DiffOp, word_ops};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A word of a quotation or record: its comparable key and its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Hash of the comparable form.
    pub key: u64,
    /// Byte range in the text it was read from.
    pub span: (usize, usize),
}

/// Number words and their values; a run of them is one number ("twenty
/// five" is 25, "two hundred" 200), compared with the numeral.
fn number_word(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "thousand" => 1000,
        _ => return None,
    })
}

/// British spellings that no suffix rule covers, with the American form.
const SPELLINGS: &[(&str, &str)] = &[
    ("programme", "program"),
    ("programmes", "programs"),
    ("grey", "gray"),
    ("cheque", "check"),
    ("cheques", "checks"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("aluminium", "aluminum"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("pretence", "pretense"),
    ("sceptical", "skeptical"),
    ("sceptic", "skeptic"),
    ("jewellery", "jewelry"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("enrol", "enroll"),
    ("fulfil", "fulfill"),
    ("whilst", "while"),
    ("towards", "toward"),
    ("afterwards", "afterward"),
    ("per cent", "percent"),
];

/// The American form of a lowercase word, by the suffixes that tell the
/// spellings apart: -our/-or (words of six letters or more, so that "four"
/// and "your" stay), -ise/-ize, -yse/-yze, -tre/-ter, -ogue/-og, -elled/-eled.
fn american(w: &str) -> Option<String> {
    if let Some(&(_, us)) = SPELLINGS.iter().find(|(uk, _)| *uk == w) {
        return Some(us.to_owned());
    }
    let n = w.len();
    if n < 5 || !w.is_ascii() {
        return None;
    }
    const SUFFIXES: &[(&str, &str, usize)] = &[
        ("isation", "ization", 8),
        ("isations", "izations", 9),
        ("ise", "ize", 6),
        ("ised", "ized", 7),
        ("ises", "izes", 7),
        ("ising", "izing", 8),
        ("yse", "yze", 5),
        ("ysed", "yzed", 6),
        ("ysing", "yzing", 7),
        ("our", "or", 6),
        ("ours", "ors", 7),
        ("oured", "ored", 8),
        ("ouring", "oring", 9),
        ("ourite", "orite", 8),
        ("ourable", "orable", 9),
        ("tre", "ter", 5),
        ("tres", "ters", 6),
        ("ogue", "og", 7),
        ("ogues", "ogs", 8),
        ("elled", "eled", 7),
        ("elling", "eling", 8),
        ("eller", "eler", 7),
    ];
    SUFFIXES
        .iter()
        .find(|(uk, _, min)| n >= *min && w.ends_with(uk))
        .map(|(uk, us, _)| format!("{}{}", &w[..n - uk.len()], us))
}

/// The two words of a contraction whose meaning is certain ("'s" and "'d"
/// are not: "is" or "has", "would" or "had").
fn expand(w: &str) -> Option<(String, &'static str)> {
    if w == "cannot" {
        return Some(("can".into(), "not"));
    }
    let (stem, full) = if let Some(s) = w.strip_suffix("n't") {
        (
            match s {
                "ca" => "can",
                "wo" => "will",
                "sha" => "shall",
                s => s,
            },
            "not",
        )
    } else if let Some(s) = w.strip_suffix("'re") {
        (s, "are")
    } else if let Some(s) = w.strip_suffix("'ll") {
        (s, "will")
    } else if let Some(s) = w.strip_suffix("'ve") {
        (s, "have")
    } else if let Some(s) = w.strip_suffix("'m") {
        (s, "am")
    } else {
        return None;
    };
    (!stem.is_empty()).then(|| (stem.to_owned(), full))
}

fn hash(s: &str) -> u64 {
    super::quotes::stable_hash(&[s]) as u64
}

/// The words of `text` with their comparable keys (see the module comment).
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    // A run of number words being read: its value so far and its bytes.
    let mut number: Option<(u64, u64, (usize, usize))> = None;
    let flush = |number: &mut Option<(u64, u64, (usize, usize))>, out: &mut Vec<Word>| {
        if let Some((total, current, span)) = number.take() {
            out.push(Word { key: hash(&(total + current).to_string()), span });
        }
    };
    let mut pending_per: Option<(usize, usize)> = None;
    for (at, raw) in text.unicode_word_indices() {
        let span = (at, at + raw.len());
        let lower: String = raw
            .chars()
            .map(|c| if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}') { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        // A contraction is the words it stands for: "we're" is "we are".
        if let Some((first, second)) = expand(&lower) {
            flush(&mut number, &mut out);
            out.push(Word { key: hash(&first), span });
            out.push(Word { key: hash(second), span });
            continue;
        }
        let lower: String = lower.chars().filter(|&c| c != '\'').collect();
        // "per cent" and "percent" say what "%" says, which is no word.
        if let Some(per) = pending_per.take() {
            if lower == "cent" {
                continue;
            }
            flush(&mut number, &mut out);
            out.push(Word { key: hash("per"), span: per });
        }
        if lower == "percent" {
            continue;
        }
        if lower == "per" {
            pending_per = Some(span);
            continue;
        }
        if let Some(v) = number_word(&lower) {
            let (total, current, first) = number.unwrap_or((0, 0, span));
            let (total, current) = match v {
                100 => (total, current.max(1) * 100),
                1000 => (total + current.max(1) * 1000, 0),
                v => (total, current + v),
            };
            number = Some((total, current, (first.0, span.1)));
            continue;
        }
        flush(&mut number, &mut out);
        let key = if lower.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
            // "1,000" and "1000" are one number.
            hash(&lower.replace(',', ""))
        } else {
            match american(&lower) {
                Some(us) => hash(&us),
                None => hash(&lower),
            }
        };
        out.push(Word { key, span });
    }
    if let Some(per) = pending_per {
        flush(&mut number, &mut out);
        out.push(Word { key: hash("per"), span: per });
    }
    flush(&mut number, &mut out);
    out
}

/// A quotation's words with the edits it marks itself: cuts (an ellipsis,
/// "[...]") split it into segments, and words in square brackets are the
/// writer's, not the speaker's.
#[derive(Debug, Clone)]
pub struct QuoteWords {
    /// The speaker's words, brackets left out.
    pub words: Vec<Word>,
    /// For each word, the segment it is in (the number of cuts before it).
    seg: Vec<u16>,
    /// For each word, whether bracketed words stood right before it.
    after_insert: Vec<bool>,
    /// Whether the quotation marks an edit at all.
    pub marked: bool,
}

impl QuoteWords {
    /// Reads the marks and words of a quotation as printed.
    pub fn new(text: &str) -> QuoteWords {
        let mut cuts: Vec<usize> = Vec::new();
        let mut inserts: Vec<Range<usize>> = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let rest = &text[i..];
            let ellipsis = if rest.starts_with('…') {
                Some('…'.len_utf8())
            } else if rest.starts_with("...") {
                Some(rest.bytes().take_while(|&b| b == b'.').count())
            } else if rest.starts_with(". . .") {
                Some(5)
            } else {
                None
            };
            if let Some(len) = ellipsis {
                cuts.push(i);
                i += len;
                continue;
            }
            if matches!(bytes[i], b'[' | b'(')
                && let Some(close) = rest.find(if bytes[i] == b'[' { ']' } else { ')' })
            {
                let inner = rest[1..close].trim();
                if inner.is_empty() || inner.chars().all(|c| matches!(c, '.' | '…' | ' ')) {
                    cuts.push(i);
                } else if bytes[i] == b'[' {
                    inserts.push(i..i + close + 1);
                } else {
                    // Parentheses inside a quotation are the speaker's own
                    // words more often than the writer's.
                    i += 1;
                    continue;
                }
                i += close + 1;
                continue;
            }
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
        let mut words = Vec::new();
        let mut seg = Vec::new();
        let mut after_insert = Vec::new();
        let mut inserted_before = false;
        for w in self::words(text) {
            if inserts.iter().any(|r| r.contains(&w.span.0)) {
                inserted_before = true;
                continue;
            }
            // Cuts stand between words: count those before this one.
            let s = cuts.iter().filter(|&&c| c < w.span.0).count();
            words.push(w);
            seg.push(s.min(u16::MAX as usize) as u16);
            after_insert.push(std::mem::take(&mut inserted_before));
        }
        QuoteWords { words, seg, after_insert, marked: !cuts.is_empty() || !inserts.is_empty() }
    }
}

/// A record's words, the turn each is in, and an index of its word pairs.
#[derive(Debug, Clone, Default)]
pub struct Record {
    words: Vec<Word>,
    turn_of: Vec<u32>,
    /// For each word, whether a sentence ends before it.
    sentence_start: Vec<bool>,
    /// Every pair of adjacent words of a turn, by key, and where the pair
    /// starts; sorted, so that a pair's places are one run (two flat lists
    /// rather than a map of lists: a tenth of the memory at 100k records).
    pair_keys: Vec<u64>,
    pair_places: Vec<u32>,
}

/// A pair of word keys as one.
fn pair(a: u64, b: u64) -> u64 {
    a.rotate_left(17) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Places of a word pair looked at: a pair said more often than this ("of
/// the") is common phrasing, and a quotation's rarer pairs find it.
const PAIR_LIMIT: usize = 200;

impl Record {
    /// Indexes `text`, whose turns are the byte ranges `turns` (in order).
    pub fn new(text: &str, turns: &[Range<usize>]) -> Record {
        let words = words(text);
        let mut turn_of = Vec::with_capacity(words.len());
        let mut t = 0usize;
        for w in &words {
            while t + 1 < turns.len() && w.span.0 >= turns[t].end {
                t += 1;
            }
            turn_of.push(t as u32);
        }
        let sentence_start = (0..words.len())
            // The two words of a contraction share their bytes: no gap.
            .map(|i| {
                i == 0
                    || text
                        .get(words[i - 1].span.1..words[i].span.0)
                        .is_some_and(|gap| gap.contains(['.', '?', '!', '\n']))
            })
            .collect();
        let mut pairs: Vec<(u64, u32)> = (1..words.len())
            .filter(|&i| turn_of[i] == turn_of[i - 1])
            .map(|i| (pair(words[i - 1].key, words[i].key), (i - 1) as u32))
            .collect();
        pairs.sort_unstable();
        let (pair_keys, pair_places) = pairs.into_iter().unzip();
        Record { words, turn_of, sentence_start, pair_keys, pair_places }
    }

    /// Where the pair of word keys `p` starts in the record, in order.
    fn places(&self, p: u64) -> &[u32] {
        let from = self.pair_keys.partition_point(|&k| k < p);
        let to = from + self.pair_keys[from..].partition_point(|&k| k == p);
        &self.pair_places[from..to]
    }

    /// The record's words.
    pub fn words(&self) -> &[Word] {
        &self.words
    }
}

/// A run of a quotation's words found in a row in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Block {
    /// First word of the quotation.
    q: usize,
    /// First word of the record.
    r: usize,
    len: usize,
}

/// One place in the record a quotation's words come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Index of the turn (in the order given to [`Record::new`]).
    pub turn: usize,
    /// The record's words, from the first matched to the last.
    pub record: Range<usize>,
    /// The quotation's words it accounts for.
    pub quote: Range<usize>,
    /// Of those, the words found in the record.
    pub matched: usize,
}

/// How a quotation stands against the record, as far as its words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// The same words, in order.
    Verbatim,
    /// The same words apart from cuts and insertions the quotation marks.
    Trimmed,
    /// Close to one passage, with words changed, added or dropped unmarked.
    Altered,
    /// Passages from different places joined as one quotation.
    Stitched,
}

/// A quotation aligned to a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// The verdict of the words.
    pub fit: Fit,
    /// The places its words come from, in the quotation's order; the one
    /// with the most words first when the fit is [`Fit::Altered`].
    pub passages: Vec<Passage>,
    /// Quotation words found in the record.
    pub matched: usize,
    /// 1 for the same words; for altered wordings twice the words in common
    /// over the words of both; for stitched ones the share of the
    /// quotation's words found.
    pub similarity: f64,
}

impl Alignment {
    /// Whether this is every word of quotation `q` as the record has them
    /// (verbatim, or trimmed where the quotation marks its cuts): no other
    /// alignment can explain it better.
    pub fn is_whole(&self, q: &QuoteWords) -> bool {
        matches!(self.fit, Fit::Verbatim | Fit::Trimmed) && self.matched == q.words.len()
    }
}

/// A junction between passages may be at most this far apart in the record
/// to be one passage: farther, and the quotation joins two places.
const PASSAGE_GAP: usize = 12;

/// Unmatched quotation words one passage may hold between its runs.
const QUOTE_GAP: usize = 6;

/// Fewer words than this are not aligned.
pub const MIN_WORDS: usize = 3;

/// An altered quotation has at least this share of its words in one passage.
const ALTERED_SHARE: f64 = 0.5;

/// Aligns a quotation to a record. `None` when too few of its words are in
/// it to say that it comes from there. Words said in several places are
/// taken from a turn `ours` accepts (the turns of the speaker the article
/// names) when one has them as long a run as any other.
pub fn align(q: &QuoteWords, rec: &Record, ours: &dyn Fn(usize) -> bool) -> Option<Alignment> {
    let n = q.words.len();
    // Two words are found in many places; which one is a guess.
    if n < MIN_WORDS {
        return None;
    }
    let blocks = blocks(q, rec, ours);
    let matched: usize = blocks.iter().map(|b| b.len).sum();
    if matched < MIN_WORDS {
        return None;
    }
    let passages = passages(&blocks, q, rec);
    let total = |ps: &[(Passage, bool)]| ps.iter().map(|(p, _)| p.matched).sum::<usize>();
    let significant: Vec<&(Passage, bool)> =
        passages.iter().filter(|(p, _)| p.matched >= 3 || p.matched * 4 >= n).collect();
    // Words from two places or more.
    if significant.len() >= 2 && 4 * significant.iter().map(|(p, _)| p.matched).sum::<usize>() >= 3 * n {
        let ps: Vec<Passage> = passages.iter().map(|(p, _)| p.clone()).collect();
        let cut_between = ps.windows(2).all(|w| {
            let (a, b) = (&w[0], &w[1]);
            b.quote.start == a.quote.end
                && q.seg[b.quote.start] != q.seg[a.quote.end - 1]
                && b.record.start >= a.record.end
                && a.turn == b.turn
        });
        let exact = passages.iter().all(|(_, exact)| *exact) && total(&passages) == n;
        let fit = if cut_between && exact { Fit::Trimmed } else { Fit::Stitched };
        let similarity = if fit == Fit::Trimmed { 1.0 } else { matched as f64 / n as f64 };
        return Some(Alignment { fit, passages: ps, matched, similarity });
    }
    let (main, exact) = passages.iter().max_by_key(|(p, _)| (p.matched, std::cmp::Reverse(p.quote.start)))?.clone();
    if exact && main.matched == n && main.quote == (0..n) {
        let fit = if q.marked { Fit::Trimmed } else { Fit::Verbatim };
        return Some(Alignment { fit, passages: vec![main], matched, similarity: 1.0 });
    }
    if (main.matched as f64) < ALTERED_SHARE * n as f64 || main.matched < MIN_WORDS {
        return None;
    }
    // The record's words the quotation stands for: the passage, widened
    // at each end as far as the quotation's words there are found — or,
    // when none is, by as many words as the quotation has there (a change).
    let in_turn = |r: usize| r < rec.words.len() && rec.turn_of[r] as usize == main.turn;
    let tail = &q.words[main.quote.end..];
    // Neither end goes past the end of the record's sentence.
    let mut after = Vec::new();
    while after.len() < tail.len() + 2
        && in_turn(main.record.end + after.len())
        && !rec.sentence_start[main.record.end + after.len()]
    {
        after.push(rec.words[main.record.end + after.len()]);
    }
    let end = main.record.end + reach(tail, &after);
    let head: Vec<Word> = q.words[..main.quote.start].iter().rev().copied().collect();
    let mut before = Vec::new();
    while before.len() < head.len() + 2
        && main.record.start > before.len()
        && in_turn(main.record.start - before.len() - 1)
        && !rec.sentence_start[main.record.start - before.len()]
    {
        before.push(rec.words[main.record.start - before.len() - 1]);
    }
    let start = main.record.start - reach(&head, &before);
    let record_keys: Vec<u64> = rec.words[start..end].iter().map(|w| w.key).collect();
    let quote_keys: Vec<u64> = q.words.iter().map(|w| w.key).collect();
    let common: usize = word_ops(&record_keys, &quote_keys)
        .iter()
        .map(|op| if let DiffOp::Equal { len, .. } = op { *len } else { 0 })
        .sum();
    let similarity = 2.0 * common as f64 / (record_keys.len() + quote_keys.len()) as f64;
    let passage = Passage { record: start..end, quote: 0..n, ..main };
    Some(Alignment { fit: Fit::Altered, passages: vec![passage], matched, similarity })
}

/// How many of the record's words `record` (read outward from a passage)
/// the quotation's words `quote` (read the same way) stand for: up to the
/// last one they share, or as many as there are quotation words when they
/// share none.
fn reach(quote: &[Word], record: &[Word]) -> usize {
    if quote.is_empty() {
        return 0;
    }
    let qk: Vec<u64> = quote.iter().map(|w| w.key).collect();
    let common = |len: usize| -> usize {
        let rk: Vec<u64> = record[..len].iter().map(|w| w.key).collect();
        word_ops(&qk, &rk).iter().map(|op| if let DiffOp::Equal { len, .. } = op { *len } else { 0 }).sum()
    };
    let best = common(record.len());
    if best == 0 {
        return quote.len().min(record.len());
    }
    (1..=record.len()).find(|&len| common(len) == best).unwrap_or(record.len())
}

/// Runs of the quotation's words found in a row in the record, longest
/// first, each word in one run at most; a run does not cross a marked cut
/// nor a turn.
fn blocks(q: &QuoteWords, rec: &Record, ours: &dyn Fn(usize) -> bool) -> Vec<Block> {
    let n = q.words.len();
    let mut covered = vec![false; n];
    let mut out = Vec::new();
    let same = |i: usize, j: usize| q.seg[i] == q.seg[j];
    loop {
        let mut best: Option<Block> = None;
        for i in 0..n.saturating_sub(1) {
            if covered[i] || covered[i + 1] || !same(i, i + 1) {
                continue;
            }
            for &r in rec.places(pair(q.words[i].key, q.words[i + 1].key)).iter().take(PAIR_LIMIT) {
                let r = r as usize;
                // A run that could start a word earlier is found from there.
                if i > 0
                    && !covered[i - 1]
                    && same(i - 1, i)
                    && r > 0
                    && rec.turn_of[r - 1] == rec.turn_of[r]
                    && rec.words[r - 1].key == q.words[i - 1].key
                {
                    continue;
                }
                let mut len = 2;
                while i + len < n
                    && r + len < rec.words.len()
                    && !covered[i + len]
                    && same(i, i + len)
                    && rec.turn_of[r + len] == rec.turn_of[r]
                    && rec.words[r + len].key == q.words[i + len].key
                {
                    len += 1;
                }
                let mine = |r: usize| ours(rec.turn_of[r] as usize);
                if best.is_none_or(|b| len > b.len || (len == b.len && mine(r) && !mine(b.r))) {
                    best = Some(Block { q: i, r, len });
                }
            }
        }
        let Some(b) = best else { break };
        covered[b.q..b.q + b.len].iter_mut().for_each(|c| *c = true);
        out.push(b);
    }
    // A single word between two runs that follow each other in the record
    // is found there too (a one-word run is otherwise too common to trust).
    out.sort_by_key(|b| b.q);
    let mut singles = Vec::new();
    for w in out.windows(2) {
        let (a, b) = (w[0], w[1]);
        if b.q == a.q + a.len + 1 && b.r == a.r + a.len + 1 && rec.words[a.r + a.len].key == q.words[a.q + a.len].key {
            singles.push(Block { q: a.q + a.len, r: a.r + a.len, len: 1 });
        }
    }
    out.extend(singles);
    out.sort_by_key(|b| b.q);
    out
}

/// Groups runs (in the quotation's order) into passages: runs in order in
/// one turn, close together in both texts. Each passage comes with whether
/// it is exact — no word changed inside, every gap in the record marked by
/// the quotation as a cut or an insertion.
fn passages(blocks: &[Block], q: &QuoteWords, rec: &Record) -> Vec<(Passage, bool)> {
    let mut out: Vec<(Passage, bool)> = Vec::new();
    let mut last: Option<Block> = None;
    for &b in blocks {
        let turn = rec.turn_of[b.r] as usize;
        if let (Some(a), Some((p, exact))) = (last, out.last_mut()) {
            let (q_gap, in_order) = (b.q - (a.q + a.len), b.r >= a.r + a.len);
            let r_gap = b.r.saturating_sub(a.r + a.len);
            let marked = q.seg[b.q] != q.seg[a.q + a.len - 1] || q.after_insert[b.q];
            if in_order && p.turn == turn && q_gap <= QUOTE_GAP && (r_gap <= PASSAGE_GAP || (marked && q_gap == 0)) {
                p.record.end = b.r + b.len;
                p.quote.end = b.q + b.len;
                p.matched += b.len;
                *exact &= q_gap == 0 && (r_gap == 0 || marked);
                last = Some(b);
                continue;
            }
        }
        out.push((Passage { turn, record: b.r..b.r + b.len, quote: b.q..b.q + b.len, matched: b.len }, true));
        last = Some(b);
    }
    out
}

/// The word edits that turn the record's words into the quotation's, as a
/// copy editor writes them: "would→will, -really, +very". `None` when the
/// words agree.
pub fn edits(record_text: &str, record: &[Word], quote_text: &str, quote: &[Word]) -> Option<String> {
    let rk: Vec<u64> = record.iter().map(|w| w.key).collect();
    let qk: Vec<u64> = quote.iter().map(|w| w.key).collect();
    let printed = |text: &str, ws: &[Word]| ws.iter().map(|w| &text[w.span.0..w.span.1]).collect::<Vec<_>>().join(" ");
    let out: Vec<String> = word_ops(&rk, &qk)
        .into_iter()
        .filter_map(|op| match op {
            DiffOp::Equal { .. } => None,
            DiffOp::Delete { old_index, old_len, .. } => {
                Some(format!("-{}", printed(record_text, &record[old_index..old_index + old_len])))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                Some(format!("+{}", printed(quote_text, &quote[new_index..new_index + new_len])))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => Some(format!(
                "{}→{}",
                printed(record_text, &record[old_index..old_index + old_len]),
                printed(quote_text, &quote[new_index..new_index + new_len])
            )),
        })
        .collect();
    (!out.is_empty()).then(|| out.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any record and any quotation, including pieces of the record
        /// with marks and contractions put in: an answer, never a panic.
        #[test]
        fn never_panics(record in "[a-zA-Z' .,…\\[\\]()0-9é\n-]{0,300}", from in 0usize..300, len in 0usize..80,
                        extra in "[a-z' …\\[\\]]{0,20}") {
            let turns = [0..record.len() / 2, record.len() / 2..record.len()];
            let rec = Record::new(&record, &turns);
            let start = (0..=from.min(record.len())).rev().find(|&i| record.is_char_boundary(i)).unwrap_or(0);
            let end = (start..=(start + len).min(record.len())).rev().find(|&i| record.is_char_boundary(i)).unwrap_or(start);
            let quote = format!("{}{extra}", &record[start..end]);
            let q = QuoteWords::new(&quote);
            if let Some(a) = align(&q, &rec, &|turn| turn == 1) {
                for p in &a.passages {
                    prop_assert!(p.record.start < p.record.end && p.record.end <= rec.words().len());
                    let _ = edits(&record, &rec.words()[p.record.clone()], &quote, &q.words);
                }
            }
        }
    }

    const RECORD: [&str; 3] = [
        "We are going to rebuild the harbour, and we are going to do it in ten months. Nobody thought it could be done.",
        "Will the council pay for the new defence wall?",
        "The council will pay forty percent of it. The rest comes from the state, and I would say that is fair.",
    ];

    fn record() -> (String, Record) {
        let text = RECORD.join("\n\n");
        let mut turns = Vec::new();
        let mut at = 0;
        for t in RECORD {
            turns.push(at..at + t.len());
            at += t.len() + 2;
        }
        let rec = Record::new(&text, &turns);
        (text, rec)
    }

    fn fit(quote: &str) -> Option<Fit> {
        let (_, rec) = record();
        align(&QuoteWords::new(quote), &rec, &|_| false).map(|a| a.fit)
    }

    #[test]
    fn what_does_not_change_meaning_is_the_same_word() {
        assert_eq!(
            fit("We are going to rebuild the harbor, and we're going to do it in 10 months"),
            Some(Fit::Verbatim),
            "a contraction is the words it stands for"
        );
        assert_eq!(
            fit("we are going to rebuild the harbor — and we are going to do it in 10 months."),
            Some(Fit::Verbatim)
        );
        assert_eq!(fit("The council will pay 40% of it"), Some(Fit::Verbatim));
        assert_eq!(fit("The council will pay forty per cent of it"), Some(Fit::Verbatim));
        assert_eq!(fit("the new defense wall"), Some(Fit::Verbatim));
    }

    #[test]
    fn marked_cuts_and_insertions_are_trimmed() {
        assert_eq!(fit("We are going to rebuild the harbour … in ten months"), Some(Fit::Trimmed));
        assert_eq!(fit("We are going to rebuild the harbour [...] in ten months"), Some(Fit::Trimmed));
        assert_eq!(fit("The rest comes from the state, and [the mayor] would say that is fair"), Some(Fit::Trimmed));
        assert_eq!(fit("[The harbour wall] comes from the state"), Some(Fit::Trimmed));
    }

    #[test]
    fn unmarked_changes_are_altered_with_the_edits_named() {
        assert_eq!(fit("We are going to rebuild the harbour, and we will do it in ten months"), Some(Fit::Altered));
        assert_eq!(fit("We are going to rebuild the harbour and do it in ten months"), Some(Fit::Altered));
        let (text, rec) = record();
        let quote = "The rest comes from the state, and I will say that is fair";
        let q = QuoteWords::new(quote);
        let a = align(&q, &rec, &|_| false).unwrap();
        assert_eq!(a.fit, Fit::Altered);
        let p = &a.passages[0];
        assert_eq!(edits(&text, &rec.words()[p.record.clone()], quote, &q.words).as_deref(), Some("would→will"));
        assert!(a.similarity > 0.9 && a.similarity < 1.0, "{}", a.similarity);
    }

    #[test]
    fn passages_from_different_turns_are_stitched() {
        assert_eq!(
            fit("We are going to rebuild the harbour, and the council will pay forty percent of it"),
            Some(Fit::Stitched)
        );
        // Even with a cut between them: the quotation joins two answers.
        assert_eq!(fit("Nobody thought it could be done … The rest comes from the state"), Some(Fit::Stitched));
        assert_eq!(fit("Nobody thought it could be done. We are going to rebuild the harbour"), Some(Fit::Stitched));
    }

    #[test]
    fn words_not_in_the_record_are_not_aligned() {
        assert_eq!(fit("We will never raise taxes on working families"), None);
        assert_eq!(fit("the harbour"), None, "two words prove nothing");
        assert_eq!(fit(""), None);
    }

    #[test]
    fn words_said_twice_are_credited_to_the_named_speaker() {
        let text = "The council will pay.\n\nThe council will pay, I agree.";
        let rec = Record::new(text, &[0..21, 23..text.len()]);
        let q = QuoteWords::new("The council will pay");
        assert_eq!(align(&q, &rec, &|_| false).unwrap().passages[0].turn, 0, "the first place, by default");
        assert_eq!(align(&q, &rec, &|turn| turn == 1).unwrap().passages[0].turn, 1);
    }

    #[test]
    fn number_words_make_one_number() {
        let keys = |s: &str| words(s).iter().map(|w| w.key).collect::<Vec<_>>();
        assert_eq!(keys("twenty five ships"), keys("25 ships"));
        assert_eq!(keys("two hundred ships"), keys("200 ships"));
        assert_eq!(keys("1,000 ships"), keys("one thousand ships"));
        assert_ne!(keys("four ships"), keys("for ships"));
        assert_eq!(keys("the colour of honour"), keys("the color of honor"));
        assert_eq!(keys("our hour"), vec![hash("our"), hash("hour")]);
    }
}
