//! No panics on any input: property tests (proptest) over decoding, the
//! text and JSON-lines parsers, quotation extraction, the linker's
//! comparisons, manifests, dates and WARC files; big and pathological
//! inputs; and a corpus of inputs that once broke something, also imported
//! by the binary.
//!
//! Every target checks what the code promises (offsets that give the quote
//! back, decoded text without `\r`, dates that read back as themselves…),
//! not only that nothing panicked.
//!
//! Cases: `NEWSARCHIVE_FUZZ_CASES` per target, 256 when unset, which keeps a
//! debug `cargo test` well under a minute; `make fuzz` runs over a million
//! in release. Big inputs are 256 KiB when it is unset and 10 MiB when it
//! is set, for the same reason: a debug build reads about 100 KB/s of the
//! worst of them, and each is linear (the long run shows it at 40 times
//! the size).
//!
//! Seeds: each target's RNG is seeded with `NEWSARCHIVE_FUZZ_SEED` (0 when
//! unset) mixed with the target's name, so CI runs the same cases every
//! time and any run can be repeated from the seed it prints; `make fuzz`
//! picks a new seed per run to explore further. A failing case's seed is
//! appended to `proptest-regressions/fuzz.txt`, whose cases every later run
//! replays first; its shrunk input belongs in `tests/fixtures/fuzz/` too.

mod common;

use flate2::write::GzEncoder;
use newsarchive::extract::{self, Quote, normalize};
use newsarchive::ingest::corpus::Item;
use newsarchive::ingest::warc::{self, Classified, Compression, Reader, Skip};
use newsarchive::ingest::{
    Document, Meta, Paragraph, Region, Source, dates, decode, layout_text, manifest, sha256_hex, txt,
};
use newsarchive::link::articles::{self, SAMPLE};
use newsarchive::link::quotes::{self as lq, MIN_WORDS};
use newsarchive::store::NewArticle;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::{Config, FileFailurePersistence, RngSeed, TestCaseError, TestRunner};
use std::fmt::Debug;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

type Check = Result<(), TestCaseError>;

/// A manifest row: file, outlet, published.
type ManifestRow = (String, String, String);

/// A region of a stored article: which, its text, its paragraphs' byte
/// ranges and source lines, and the byte offset of each character.
type StoredRegion = (Region, String, Vec<Range<usize>>, Vec<u64>, Vec<usize>);

/// A fuzz target by name.
type Target = (&'static str, fn() -> Ran);

// ---- configuration ----

/// Where failing seeds are kept: `SourceParallel` needs a `lib.rs` beside
/// the test, which `tests/` has not.
const REGRESSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/fuzz.txt");

fn cases() -> u32 {
    std::env::var("NEWSARCHIVE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

/// The long run: set by `make fuzz`.
fn long_run() -> bool {
    std::env::var_os("NEWSARCHIVE_FUZZ_CASES").is_some()
}

fn base_seed() -> u64 {
    std::env::var("NEWSARCHIVE_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// Size of the big single-line inputs.
fn big() -> usize {
    if long_run() { 10 << 20 } else { 256 << 10 }
}

/// A target's seed: the run's seed and the target's name, so targets do
/// not draw the same random stream.
fn seed(target: &str) -> u64 {
    target.bytes().fold(base_seed() ^ 0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// What one target did.
struct Ran {
    target: &'static str,
    cases: u32,
    took: Duration,
    slowest: Duration,
    failure: Option<String>,
}

/// Runs `check` on `cases()` values of `strategy`, timing the slowest case:
/// a case far slower than the rest points at a quadratic path.
fn fuzz<S>(target: &'static str, strategy: S, check: impl Fn(&S::Value) -> Check) -> Ran
where
    S: Strategy,
    S::Value: Debug,
{
    let config = Config {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        source_file: Some(file!()),
        rng_seed: RngSeed::Fixed(seed(target)),
        max_shrink_time: 120_000,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let slowest = Mutex::new(Duration::ZERO);
    let started = Instant::now();
    let result = runner.run(&strategy, |value| {
        let t = Instant::now();
        let r = check(&value);
        let mut s = slowest.lock().unwrap();
        *s = (*s).max(t.elapsed());
        r
    });
    Ran {
        target,
        cases: cases(),
        took: started.elapsed(),
        slowest: slowest.into_inner().unwrap(),
        failure: result.err().map(|e| e.to_string()),
    }
}

// ---- invariants ----

/// What `decode` promises: `\n` line ends only, no control characters
/// other than tab and form feed, never blank; valid UTF-8 that already
/// reads so comes back unchanged.
fn check_decoded(bytes: &[u8], decoded: &Result<String, decode::DecodeError>) -> Check {
    match decoded {
        Ok(text) => {
            prop_assert!(!text.contains('\r'), "decoded text holds a CR");
            prop_assert!(!text.trim().is_empty(), "decoded text is blank");
            prop_assert!(
                text.chars().all(|c| !c.is_ascii_control() || matches!(c, '\n' | '\t' | '\u{0C}')),
                "decoded text holds a control character"
            );
        }
        Err(e) => {
            prop_assert!(e.line.is_none_or(|l| l >= 1), "line {:?}", e.line);
            prop_assert!(!e.message.is_empty());
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes)
        && !s.starts_with('\u{FEFF}')
        && !s.trim().is_empty()
        && s.chars().all(|c| !c.is_ascii_control() || matches!(c, '\n' | '\t' | '\u{0C}'))
    {
        prop_assert_eq!(decoded.as_deref().ok(), Some(s), "plain UTF-8 text must decode to itself");
    }
    Ok(())
}

/// What a parsed document promises: the bytes kept verbatim, the hash of
/// their text, a body, trimmed one-line paragraphs on real lines, an ISO date.
fn check_document(doc: &Document, raw: &[u8]) -> Check {
    prop_assert_eq!(&doc.raw[..], raw);
    let text = decode::decode(raw).map_err(|e| TestCaseError::fail(format!("parsed yet undecodable: {e:?}")))?;
    prop_assert_eq!(&doc.content_sha256, &sha256_hex(&text));
    prop_assert!(!doc.body.is_empty(), "a document without body text");
    prop_assert!(!doc.outlet.is_empty());
    let lines = text.lines().count() as u64;
    for p in doc.headline.iter().chain(&doc.body).chain(&doc.boilerplate) {
        prop_assert!(!p.text.is_empty(), "empty paragraph at line {}", p.line);
        prop_assert!(!p.text.contains('\n'), "paragraph with a line break: {:?}", p.text);
        prop_assert_eq!(p.text.trim(), p.text.as_str(), "untrimmed paragraph");
        prop_assert!((1..=lines).contains(&p.line), "line {} of {}", p.line, lines);
    }
    if let Some(p) = &doc.meta.published {
        prop_assert_eq!(dates::parse_iso(p), Some(p.clone()), "published is not ISO 8601");
    }
    Ok(())
}

/// A region's text as the archive stores it (`articles.title`, `.body`,
/// `.boilerplate`), its paragraphs' byte ranges and lines.
fn stored_region(doc: &Document, region: Region) -> Option<(String, Vec<Range<usize>>, Vec<u64>)> {
    let paragraphs = match region {
        Region::Headline => vec![Paragraph { text: doc.title()?.to_owned(), line: 0 }],
        Region::Body => doc.body.clone(),
        Region::Boilerplate => doc.boilerplate.clone(),
    };
    let (text, ranges) = layout_text(&paragraphs);
    Some((text, ranges, paragraphs.iter().map(|p| p.line).collect()))
}

/// Every quotation is non-empty, its character offsets lie in its region's
/// stored text and give its words back (spaces collapsed; a quotation
/// continued over paragraphs has its words in order there), it opens in
/// the paragraph it names, and its normal form and units are those of its text.
fn check_quotes(doc: &Document, quotes: &[Quote]) -> Check {
    let mut regions: Vec<StoredRegion> = Vec::new();
    for q in quotes {
        if !regions.iter().any(|r| r.0 == q.region) {
            let Some((text, ranges, lines)) = stored_region(doc, q.region) else {
                return Err(TestCaseError::fail("a headline quote in a document without a title"));
            };
            let chars = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            regions.push((q.region, text, ranges, lines, chars));
        }
        let (_, text, ranges, lines, chars) = regions.iter().find(|r| r.0 == q.region).expect("added above");
        prop_assert!(
            q.start <= q.end && q.end < chars.len(),
            "offsets {}..{} of {} chars",
            q.start,
            q.end,
            chars.len() - 1
        );
        prop_assert!(!q.text.is_empty(), "empty quote at {}", q.start);
        let (from, to) = (chars[q.start], chars[q.end]);
        let slice = &text[from..to];
        if slice.contains('\n') {
            let mut at = 0;
            for w in q.text.split(' ') {
                match slice[at..].find(w) {
                    Some(i) => at += i + w.len(),
                    None => return Err(TestCaseError::fail(format!("{w:?} of {:?} is not in {slice:?}", q.text))),
                }
            }
        } else {
            prop_assert_eq!(normalize::squash_spaces(slice), q.text.as_str(), "offsets do not give the quote back");
        }
        prop_assert!(q.paragraph < ranges.len());
        let r = &ranges[q.paragraph];
        prop_assert!(r.start <= from && from <= r.end, "quote at byte {} outside its paragraph {:?}", from, r);
        if q.region != Region::Headline {
            prop_assert_eq!(q.line, lines[q.paragraph]);
        }
        prop_assert_eq!(&q.normalized, &normalize::normalize(&q.text));
        if q.region != Region::Body || q.kind == extract::QuoteKind::Mention {
            prop_assert!(q.units.is_empty(), "units outside body speech");
        }
        check_units(&q.text, &q.units)?;
    }
    Ok(())
}

/// Units are non-empty sentences of the quotation, normalised.
fn check_units(quote: &str, units: &[normalize::Unit]) -> Check {
    let squashed = normalize::squash_spaces(quote);
    for u in units {
        prop_assert!(!u.normalized.is_empty());
        prop_assert_eq!(&u.normalized, &normalize::normalize(&u.text));
        prop_assert!(squashed.contains(&u.text), "unit {:?} is not in {:?}", u.text, squashed);
    }
    Ok(())
}

/// The normal form: lowercase words, single spaces, and `'`, `-`, `.` only
/// inside a word.
fn check_normalized(n: &str) -> Check {
    prop_assert!(!n.starts_with(' ') && !n.ends_with(' ') && !n.contains("  "), "spacing of {:?}", n);
    let chars: Vec<char> = n.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '\'' | '-' | '.') {
            let inside =
                i > 0 && chars[i - 1].is_alphanumeric() && chars.get(i + 1).is_some_and(|d| d.is_alphanumeric());
            prop_assert!(inside, "{:?} outside a word in {:?}", c, n);
        } else {
            prop_assert!(c == ' ' || c.is_alphanumeric(), "{:?} in {:?}", c, n);
        }
        prop_assert!(c.to_lowercase().eq([c]), "{:?} is not lowercase in {:?}", c, n);
    }
    Ok(())
}

/// Keys are sorted, distinct, and exist exactly when there are two words.
fn check_keys(normalized: &str) -> Check {
    let k = lq::keys(normalized);
    prop_assert!(k.windows(2).all(|w| w[0] < w[1]), "keys not sorted and distinct");
    prop_assert_eq!(k.is_empty(), words(normalized).len() < 2);
    Ok(())
}

fn words(normalized: &str) -> Vec<&str> {
    normalized.split(' ').filter(|w| !w.is_empty()).collect()
}

/// Extraction as the import pipeline does it, then the quote and claim invariants.
fn check_extraction(doc: Document) -> Check {
    let extraction = extract::extract(&doc);
    check_quotes(&doc, &extraction.quotes)?;
    check_claims(&doc, &extraction.claims)?;
    NewArticle::new(doc, extraction);
    Ok(())
}

/// Claims are sentences of the body: their offsets give the sentence back
/// (spaces collapsed), their facts lie inside them and give the figure
/// back, scores are in [0, 1], ranges run upwards.
fn check_claims(doc: &Document, claims: &[extract::Claim]) -> Check {
    let body = newsarchive::ingest::join_paragraphs(&doc.body);
    let chars: Vec<usize> = body.char_indices().map(|(i, _)| i).chain([body.len()]).collect();
    let span = |s: usize, e: usize| normalize::squash_spaces(&body[chars[s]..chars[e]]);
    for c in claims {
        prop_assert!(c.start < c.end && c.end < chars.len(), "claim offsets {}..{} of {}", c.start, c.end, chars.len());
        prop_assert_eq!(span(c.start, c.end), c.text.as_str(), "claim offsets do not give the sentence back");
        prop_assert!((0.0..=1.0).contains(&c.score), "score {}", c.score);
        for f in &c.facts {
            prop_assert!(c.start <= f.start && f.start < f.end && f.end <= c.end, "fact outside its claim");
            prop_assert_eq!(span(f.start, f.end), f.text.as_str(), "fact offsets do not give the figure back");
            if let (extract::figures::Value::Num(lo), Some(extract::figures::Value::Num(hi))) = (&f.value, &f.high) {
                prop_assert!(lo < hi, "range {} .. {} runs down", lo, hi);
            }
        }
    }
    Ok(())
}

/// Bytes as a `.txt` file: decoding, parsing, extraction.
fn check_txt(bytes: &[u8], over: &Meta) -> Check {
    let decoded = decode::decode(bytes);
    check_decoded(bytes, &decoded)?;
    let source = Source { path: "fuzz/article.txt".into(), bytes: bytes.to_vec() };
    match txt::parse(&source, over) {
        Ok(doc) => {
            prop_assert!(decoded.is_ok());
            check_document(&doc, bytes)?;
            check_extraction(doc)
        }
        Err(e) => {
            prop_assert_eq!(e.path.as_str(), "fuzz/article.txt");
            Ok(())
        }
    }
}

/// Bytes as a primary source (a transcript or captions file): every turn
/// inside the spoken text, or an error naming the file.
fn check_primary(bytes: &[u8]) -> Check {
    let source = Source { path: "fuzz/record.vtt".into(), bytes: bytes.to_vec() };
    match newsarchive::ingest::primary::parse(&source, &Meta::default()) {
        Ok(p) => {
            let text = &p.transcript.text;
            prop_assert!(!p.transcript.turns.is_empty(), "a record without turns is an error");
            for turn in &p.transcript.turns {
                prop_assert!(turn.span.start <= turn.span.end && turn.span.end <= text.len(), "turn outside the text");
                prop_assert!(text.is_char_boundary(turn.span.start) && text.is_char_boundary(turn.span.end));
            }
            Ok(())
        }
        Err(e) => {
            prop_assert_eq!(e.path.as_str(), "fuzz/record.vtt");
            Ok(())
        }
    }
}

/// Bytes as one line of a JSON-lines corpus.
fn check_json_line(bytes: &[u8]) -> Check {
    let item = Item::JsonLine { path: "fuzz/corpus.jsonl".into(), line: 7, bytes: bytes.to_vec(), primary: false };
    match item.into_document() {
        Ok(doc) => {
            prop_assert_eq!(doc.source_path.as_str(), "fuzz/corpus.jsonl:7");
            let raw = doc.raw.clone();
            check_document(&doc, &raw)?;
            check_extraction(doc)
        }
        Err(e) => {
            prop_assert!(e.path.starts_with("fuzz/corpus.jsonl"), "{}", e);
            Ok(())
        }
    }
}

/// A record whose fields are `text`, `title` and `published`.
fn check_record(text: &str, title: Option<&str>, published: Option<&str>) -> Check {
    let line = serde_json::json!({ "text": text, "title": title, "published": published, "outlet": title });
    check_json_line(line.to_string().as_bytes())
}

/// A document built straight from lines, past the layout rules, so that
/// any line can be a headline, body or furniture.
fn check_direct(text: &str) -> Check {
    let paragraphs: Vec<Paragraph> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| Paragraph { text: l.trim().to_owned(), line: i as u64 + 1 })
        .filter(|p| !p.text.is_empty())
        .collect();
    let doc = Document {
        source_path: "fuzz/direct.txt".into(),
        media_type: txt::MEDIA_TYPE.into(),
        raw: text.as_bytes().to_vec(),
        content_sha256: sha256_hex(text),
        meta: Meta::default(),
        outlet: "Fuzz".into(),
        site: None,
        fetched_at: None,
        headline: paragraphs.first().cloned(),
        boilerplate: paragraphs.iter().skip(1).step_by(2).cloned().collect(),
        body: paragraphs,
        language_detected: false,
    };
    check_extraction(doc)
}

/// The same text under each byte-order mark decodes alike.
fn check_encodings(s: &str) -> Check {
    let utf8 = decode::decode(&encode(s, 1)).ok();
    prop_assert_eq!(&utf8, &decode::decode(&encode(s, 2)).ok(), "UTF-16LE and UTF-8 disagree");
    prop_assert_eq!(&utf8, &decode::decode(&encode(s, 3)).ok(), "UTF-16BE and UTF-8 disagree");
    if !s.starts_with('\u{FEFF}') {
        prop_assert_eq!(&utf8, &decode::decode(s.as_bytes()).ok(), "a byte-order mark changed the text");
    }
    if !s.contains('\r') {
        for end in ["\r\n", "\r"] {
            let other_ends = encode(&s.replace('\n', end), 1);
            prop_assert_eq!(&utf8, &decode::decode(&other_ends).ok(), "{:?} line ends changed the text", end);
        }
    }
    Ok(())
}

/// `0` plain UTF-8, `1` with a byte-order mark, `2`/`3` UTF-16LE/BE with
/// one, `4` CRLF line ends, `5` CR line ends.
fn encode(s: &str, how: u8) -> Vec<u8> {
    let utf16 = |bom: [u8; 2], unit: fn(u16) -> [u8; 2]| {
        bom.into_iter().chain(s.encode_utf16().flat_map(unit)).collect::<Vec<u8>>()
    };
    match how {
        1 => [&[0xEF, 0xBB, 0xBF][..], s.as_bytes()].concat(),
        2 => utf16([0xFF, 0xFE], u16::to_le_bytes),
        3 => utf16([0xFE, 0xFF], u16::to_be_bytes),
        4 => s.replace('\n', "\r\n").into_bytes(),
        5 => s.replace('\n', "\r").into_bytes(),
        _ => s.as_bytes().to_vec(),
    }
}

/// Any text: as a file, a record, a direct document, a quotation.
fn check_text(s: &str, title: Option<&str>) -> Check {
    check_encodings(s)?;
    check_txt(s.as_bytes(), &Meta { title: title.map(str::to_owned), ..Meta::default() })?;
    check_record(s, title, None)?;
    check_direct(s)?;
    check_units(s, &normalize::units(s))?;
    let n = normalize::normalize(s);
    check_normalized(&n)?;
    check_keys(&n)
}

/// The linker's comparisons of two wordings, and of two bodies.
fn check_pair(a: &str, b: &str) -> Check {
    let (na, nb) = (normalize::normalize(a), normalize::normalize(b));
    check_normalized(&na)?;
    check_normalized(&nb)?;
    check_keys(&na)?;
    let (wa, wb) = (words(&na), words(&nb));
    let s = lq::similarity(&wa, &wb);
    prop_assert!((0.0..=1.0).contains(&s), "similarity {}", s);
    prop_assert_eq!(s, lq::similarity(&wb, &wa), "similarity is not symmetric");
    prop_assert_eq!(lq::similarity(&wa, &wa), if wa.is_empty() { 0.0 } else { 1.0 });
    prop_assert_eq!(lq::near_duplicate(&wa, &wb), lq::near_duplicate(&wb, &wa));
    prop_assert_eq!(lq::near_duplicate(&wa, &wa).is_some(), wa.len() >= MIN_WORDS);
    if lq::fragment_of(&wa, &wb) {
        prop_assert!(wb.windows(wa.len()).any(|w| w == wa.as_slice()), "a fragment not in the whole");
        prop_assert!(!lq::fragment_of(&wb, &wa));
    }
    if wa.len() > lq::MIN_FRAGMENT_WORDS {
        prop_assert!(lq::fragment_of(&wa[1..], &wa), "a tail is a fragment of the whole");
        prop_assert!(lq::fragment_of(&wa[..wa.len() - 1], &wa), "a head is a fragment of the whole");
    }
    let d = lq::diff(&na, &nb);
    prop_assert_eq!(d.is_none(), wa == wb, "diff {:?}", d);
    prop_assert!(d.is_none_or(|d| !d.is_empty()));
    let (sa, sb) = (articles::shingle(a), articles::shingle(b));
    prop_assert_eq!(articles::found_in(&sa, &sa), sa.sentence_count());
    prop_assert!(articles::found_in(&sa, &sb) <= sa.sentence_count());
    let sample = sa.sample();
    prop_assert!(sample.windows(2).all(|w| w[0] <= w[1]) && sample.iter().all(|h| h.rem_euclid(SAMPLE) == 0));
    Ok(())
}

/// A date is read where it is, within the text, valid, and its ISO form
/// reads back as itself.
fn check_date(s: &str) -> Check {
    if let Some((d, used)) = dates::scan(s) {
        prop_assert!(used > 0 && used <= s.len() && s.is_char_boundary(used), "used {} of {:?}", used, s);
        prop_assert!((1..=12).contains(&d.month) && (1..=31).contains(&d.day), "{:?}", d);
        prop_assert!(d.time.is_none_or(|(h, m)| h < 24 && m < 60), "{:?}", d);
        if let Some(iso) = d.iso() {
            prop_assert_eq!(dates::parse_iso(&iso), Some(iso.clone()));
        }
    }
    if let Some(iso) = dates::parse_iso(s) {
        prop_assert!(iso.len() == 10 || iso.len() == 16, "{:?}", iso);
        prop_assert_eq!(dates::parse_iso(&iso), Some(iso.clone()));
    }
    Ok(())
}

/// Manifest errors point into the manifest; every usable row has trimmed,
/// non-empty fields and an ISO date. `expected` rows, when given, were all
/// well formed: each must be there as written, and nothing else reported.
fn check_manifest(bytes: &[u8], expected: Option<&[ManifestRow]>) -> Check {
    const DISPLAY: &str = "fuzz/manifest.csv";
    let exists = |f: &str| !f.contains("missing");
    match manifest::parse(DISPLAY, bytes, &exists) {
        Ok(m) => {
            for e in &m.errors {
                prop_assert_eq!(e.path.as_str(), DISPLAY);
                prop_assert!(e.line.is_none_or(|l| l >= 1));
            }
            for name in FILES.iter().copied().chain(expected.unwrap_or_default().iter().map(|r| r.0.as_str())) {
                let Some(meta) = m.lookup_name(name) else { continue };
                prop_assert!(!name.contains("..") && !name.starts_with('/') && !name.contains("missing"), "{}", name);
                for v in [&meta.outlet, &meta.url, &meta.title, &meta.author, &meta.language].into_iter().flatten() {
                    prop_assert!(!v.is_empty() && v.trim() == v, "field {:?}", v);
                }
                if let Some(p) = &meta.published {
                    prop_assert_eq!(dates::parse_iso(p), Some(p.clone()));
                }
            }
            if let Some(rows) = expected {
                prop_assert!(m.errors.is_empty(), "{:?}", m.errors);
                prop_assert_eq!(m.len(), rows.len());
                for (file, outlet, published) in rows {
                    let meta = m.lookup_name(file).ok_or_else(|| TestCaseError::fail(format!("{file} missing")))?;
                    prop_assert_eq!(meta.outlet.as_deref(), Some(outlet.trim()));
                    prop_assert_eq!(meta.published.as_deref(), Some(published.as_str()));
                }
            }
        }
        Err(e) => {
            prop_assert!(expected.is_none(), "a well-formed manifest refused: {}", e);
            prop_assert_eq!(e.path.as_str(), DISPLAY);
        }
    }
    Ok(())
}

/// A record of a generated WARC file, and what reading it must give.
#[derive(Debug, Clone)]
struct WarcRecord {
    /// Offset the reader reports: the record's, or its gzip member's.
    start: u64,
    /// Where the file holds the record whole: the end of its block, or of
    /// its gzip member.
    whole_at: u64,
    warc_type: String,
    uri: Option<String>,
    /// Whether it has the header `X-Folded: a` `\tb`, which reads "a b".
    folded: bool,
    block: Vec<u8>,
    class: Classified,
}

/// A generated WARC file (or random bytes, with no `records`), the damage
/// done to it, and the largest block to read.
#[derive(Debug, Clone)]
struct WarcCase {
    bytes: Vec<u8>,
    compression: Compression,
    /// All records in one gzip member, which share its offset.
    one_member: bool,
    records: Option<Vec<WarcRecord>>,
    damage: Damage,
    max_block: u64,
}

/// What is done to a file's bytes: nothing; cut at a place; one byte
/// changed, anywhere or in a gzip member's header (where a changed flag
/// sends the decoder on into the next members); the end of a record's
/// member cut off, the next member following; or bytes overwritten,
/// inserted or removed here and there.
#[derive(Debug, Clone)]
enum Damage {
    None,
    Cut(Index),
    Flip(Index, u8),
    Header(Index, u8, u8),
    Splice(Index, Index),
    Edits(Vec<(u8, Index, u8)>),
}

/// What one item read from a damaged file must be.
#[derive(Debug)]
enum Want {
    /// The record read whole, or the error saying it is too large.
    Record(WarcRecord),
    /// An error at this offset.
    Error(u64),
    /// The record, or an error at its start: its gzip member was damaged.
    Damaged(WarcRecord),
}

const WARC_MAX_BODY: u64 = 1 << 20;

/// The damaged file, and the items it must read to when that is known: a
/// cut file gives the records it holds whole and one error for the record
/// it cuts; damage to one gzip member costs that member's record only.
fn damaged(case: &WarcCase) -> (Vec<u8>, Option<Vec<Want>>) {
    let mut bytes = case.bytes.clone();
    let Some(records) = &case.records else { return (bytes, None) };
    let per_member = case.compression == Compression::Gzip && !case.one_member;
    let mut flip = |at: usize, x: u8| {
        let at = at.min(bytes.len() - 1);
        bytes[at] ^= x;
        let hit = |r: &WarcRecord| r.start <= at as u64 && (at as u64) < r.whole_at;
        let want = |r: &WarcRecord| if hit(r) { Want::Damaged(r.clone()) } else { Want::Record(r.clone()) };
        per_member.then(|| records.iter().map(want).collect())
    };
    let wants = match &case.damage {
        Damage::None => Some(records.iter().cloned().map(Want::Record).collect()),
        Damage::Flip(at, x) => flip(at.index(case.bytes.len()), *x),
        Damage::Header(k, byte, x) => {
            let start = if per_member { records[k.index(records.len())].start as usize } else { 0 };
            flip(start + usize::from(*byte), *x)
        }
        Damage::Cut(at) => {
            let at = at.index(bytes.len() + 1);
            bytes.truncate(at);
            let at = at as u64;
            let whole = records.iter().filter(|r| r.whole_at <= at).cloned().map(Want::Record);
            let cut = records.iter().find(|r| r.start < at && at < r.whole_at).map(|r| Want::Error(r.start));
            (!case.one_member || at == case.bytes.len() as u64).then(|| whole.chain(cut).collect())
        }
        Damage::Splice(k, at) => {
            let k = &records[k.index(records.len())];
            let from = k.start + 1 + at.index((k.whole_at - k.start - 1).max(1) as usize) as u64;
            let removed = k.whole_at.saturating_sub(from);
            bytes.drain(from.min(k.whole_at) as usize..k.whole_at as usize);
            let shift = |r: &WarcRecord| {
                let moved = |at: u64| if at >= k.whole_at { at - removed } else { at };
                WarcRecord { start: moved(r.start), whole_at: moved(r.whole_at), ..r.clone() }
            };
            let want = |r: &WarcRecord| if r.start == k.start { Want::Error(r.start) } else { Want::Record(shift(r)) };
            per_member.then(|| records.iter().map(want).collect())
        }
        Damage::Edits(edits) => {
            for (op, at, byte) in edits {
                let i = at.index(bytes.len() + 1);
                match op {
                    0 if i < bytes.len() => bytes[i] = *byte,
                    1 => bytes.insert(i, *byte),
                    _ if i < bytes.len() => drop(bytes.remove(i)),
                    _ => {}
                }
            }
            None
        }
    };
    (bytes, wants)
}

/// A WARC file through `sniff`, the reader both ways, `classify` and
/// `http_response`: what they promise of any bytes, and for a generated
/// file exactly its records.
fn check_warc(case: &WarcCase) -> Check {
    let (bytes, wants) = damaged(case);
    match warc::sniff(&bytes) {
        Some(Compression::Gzip) => prop_assert!(bytes.starts_with(&[0x1f, 0x8b])),
        Some(Compression::None) => prop_assert!(bytes.trim_ascii_start().starts_with(b"WARC/1.")),
        None => {
            prop_assert!(case.records.is_none() || !matches!(case.damage, Damage::None), "a WARC file unrecognised")
        }
    }
    if matches!(case.damage, Damage::None) && case.records.is_some() {
        prop_assert_eq!(warc::sniff(&bytes), Some(case.compression));
    }
    check_http(&bytes, 100)?;
    for compression in [Compression::None, Compression::Gzip] {
        let items = check_warc_items(&bytes, compression, case.max_block, case.one_member)?;
        if let Some(wants) = wants.as_ref().filter(|_| compression == case.compression) {
            prop_assert_eq!(items.len(), wants.len(), "items {:?}", items);
            for (item, want) in items.iter().zip(wants) {
                check_warc_item(item, want, case.max_block)?;
            }
        }
    }
    Ok(())
}

/// The reader's promises: few items for the bytes (linear), offsets in the
/// file and in order, blocks within the limit, and each record classified
/// as its HTTP message reads.
fn check_warc_items(
    bytes: &[u8],
    compression: Compression,
    max_block: u64,
    one_member: bool,
) -> Result<Vec<Result<warc::Record, warc::RecordError>>, TestCaseError> {
    let bound = bytes.len() / 6 + 2;
    let items: Vec<_> = Reader::new(bytes, compression, max_block).take(bound + 1).collect();
    prop_assert!(items.len() <= bound, "{} items from {} bytes", items.len(), bytes.len());
    let mut last: Option<(u64, bool)> = None;
    for item in &items {
        let (offset, ok) = match item {
            Ok(r) => (r.offset, true),
            Err(e) => (e.offset, false),
        };
        prop_assert!(offset < bytes.len() as u64, "offset {} of {} bytes", offset, bytes.len());
        if let Some((before, was_ok)) = last {
            prop_assert!(before <= offset, "offset {} after {}", offset, before);
            let shared = compression == Compression::Gzip && one_member;
            prop_assert!(!(ok && was_ok && !shared && before == offset), "two records at {}", offset);
        }
        last = Some((offset, ok));
        match item {
            Ok(r) => {
                prop_assert!(r.block.len() as u64 <= max_block);
                check_http(&r.block, WARC_MAX_BODY)?;
                if let Classified::Page { content_type, body, .. } = warc::classify(r, WARC_MAX_BODY) {
                    prop_assert!(r.warc_type.eq_ignore_ascii_case("response") && !content_type.is_empty());
                    let http = warc::http_response(&r.block, WARC_MAX_BODY);
                    prop_assert_eq!(http.map(|h| (h.status, h.body)), Ok((200, body)), "a page its HTTP does not give");
                }
            }
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }
    Ok(items)
}

/// An HTTP response decodes within its limit, or says why not.
fn check_http(bytes: &[u8], max_body: u64) -> Check {
    match warc::http_response(bytes, max_body) {
        Ok(h) => prop_assert!(
            h.body.len() as u64 <= max_body && h.status < 1000,
            "{} bytes, status {}",
            h.body.len(),
            h.status
        ),
        Err(e) => prop_assert!(!e.is_empty()),
    }
    Ok(())
}

fn check_warc_item(item: &Result<warc::Record, warc::RecordError>, want: &Want, max_block: u64) -> Check {
    match (want, item) {
        (Want::Error(at), Err(e)) => prop_assert_eq!(e.offset, *at),
        (Want::Damaged(r), Err(e)) => prop_assert_eq!(e.offset, r.start, "{}", e),
        (Want::Record(r), Err(e)) if r.block.len() as u64 > max_block => {
            prop_assert_eq!(e.offset, r.start);
            prop_assert!(e.message.starts_with("record too large ("), "{}", e);
        }
        (Want::Record(r) | Want::Damaged(r), Ok(got)) if r.block.len() as u64 <= max_block => {
            prop_assert_eq!(got.offset, r.start);
            prop_assert_eq!(&got.warc_type, &r.warc_type);
            prop_assert_eq!(&got.target_uri, &r.uri);
            prop_assert_eq!(&got.block, &r.block);
            prop_assert_eq!(got.header("x-folded"), r.folded.then_some("a b"));
            prop_assert_eq!(warc::classify(got, WARC_MAX_BODY), r.class.clone());
        }
        _ => return Err(TestCaseError::fail(format!("{item:?} where {want:?} was due"))),
    }
    Ok(())
}

// ---- strategies ----

fn pick(items: &'static [&'static str]) -> impl Strategy<Value = String> + Clone {
    select(items).prop_map(str::to_owned)
}

/// Every mark `extract::marks` reads, and look-alikes.
const MARKS: &[&str] = &[
    "\"", "“", "”", "'", "‘", "’", "«", "»", "‹", "›", "„", "‚", "‟", "「", "」", "『", "』", "＂", "``", "''", "`",
    "« ", " »", "\u{2BC}",
];

/// Text that stresses quotation handling: marks, apostrophes, colons,
/// dashes, ellipses, breaks, combining marks, right-to-left text, emoji.
const NASTY: &[&str] = &[
    "\"",
    "“",
    "”",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‚",
    "「",
    "」",
    "『",
    "』",
    "＂",
    "``",
    "''",
    "'s",
    "’s",
    "s'",
    "'90s",
    "'em",
    ":",
    ": ",
    "—",
    "–",
    "-",
    "--",
    "…",
    "...",
    ". ",
    ", ",
    "\n",
    "\n\n",
    "\n \n",
    "\t",
    "\r",
    "\r\n",
    " ",
    "  ",
    "\u{a0}",
    "\u{0C}",
    "\u{0301}",
    "\u{0307}",
    "\u{200D}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{202E}",
    "\u{2028}",
    "שלום",
    "مرحبا",
    "👩\u{200D}👩\u{200D}👧",
    "🙂",
    "İ",
    "ß",
    "ǅ",
    "Ⅻ",
    "ﬁ",
    "ｗｏｒｄ",
    "a",
    "I",
    "we",
    "word",
    "said",
    "Said",
    "he",
    "she",
    "Mr.",
    "U.S.",
    "Trump",
    "the minister",
    "(",
    ")",
    "?",
    "!",
    "2025-02-0",
    "February 8, 2025",
    "By ",
    "SEOUL (AP) - ",
    "Read more »",
    "\u{300}",
];

fn nasty_text() -> impl Strategy<Value = String> + Clone {
    vec(prop_oneof![8 => pick(NASTY), 1 => any::<char>().prop_map(String::from)], 0..160).prop_map(|v| v.concat())
}

const WORDS: &[&str] = &[
    "we",
    "will",
    "win",
    "the",
    "deal",
    "is",
    "done",
    "not",
    "a",
    "threat",
    "very",
    "big",
    "asset",
    "for",
    "everybody",
    "U.S.",
    "it's",
    "Korea’s",
    "'90s",
    "rock 'n' roll",
    "voters'",
    "so-called",
    "dubbed",
    "well-known",
    "3%",
    "on",
    "Monday",
    "and",
    "but",
    "that",
    "get",
    "along",
    "with",
    "them",
    "relations",
    "North",
    "Korea",
    "no",
    "one",
    "expected",
    "this",
    "Jones'",
    "O'Neill",
    "St.",
    "Jan.",
    "e.g.",
    "it",
    "they",
    "war",
    "peace",
    "time",
    "over",
];
const NAMES: &[&str] = &[
    "Jane Doe",
    "Mr. Smith",
    "Donald J. Trump",
    "Kim Jong Un",
    "Sen. Ann Lee",
    "Dr. Oz",
    "Shigeru Ishiba",
    "Trump",
    "Doe",
    "MSNBC host Chris Matthews",
    "Japan's Prime Minister, Shigeru Ishiba,",
    "Trump's",
    "Rep. Jim Jordan (R-Ohio),",
    "U.S. President Donald Trump",
    "Marc H. Morial, the chief executive of the National Urban League,",
];
const CUES: &[&str] = &[
    "said",
    "says",
    "told reporters",
    "added",
    "according to",
    "warned",
    "said:",
    "saying",
    "wrote",
    "insisted",
    "said in a statement",
    "told",
    "asked",
    "Said",
    "called it",
    "so-called",
    "dubbed",
];
const ROLES: &[&str] = &[
    "the minister",
    "a spokesperson",
    "the prime minister",
    "the president of the United States",
    "the Japanese premier",
    "campaign manager",
    "North Korean leader",
    "the German leader",
    "an official",
];
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "He", "She", "It", "him", "her"];
const PUNCT: &[&str] = &[",", ".", ":", ";", "!", "?", "…", "...", " —", " – ", "-", "(", ")", "―", "[", "]", "/"];
const MONTHS: &[&str] =
    &["January", "Feb.", "Sept.", "Mar", "May", "june", "DECEMBER", "Mayday", "Oct", "Sep.", "august"];
const PLACES: &[&str] = &["SEOUL", "WASHINGTON", "NEW YORK", "ST. LOUIS", "UPDATE", "TOKYO", "PARIS", "X"];
const AGENCIES: &[&str] = &["AP", "Reuters", "AJP", "", " ", "Yonhap News Agency of Korea in Seoul City"];
const OUTLETS: &[&str] = &["Fox News", "Daily Herald", "The Times", "News", "Reuters"];
const FURNITURE: &[&str] = &[
    "Read more »",
    "Share",
    "Advertisement",
    "RELATED: Storm hits coast",
    "WATCH: The moment it happened",
    "Similar News",
    "Related Articles:",
    "© 2025 Daily Planet. All rights reserved.",
    "Phone: 555 0100",
    "304 North Cardinal St.",
    "Dorchester Center, MA 02124",
    "OTHER STORY IN CAPITALS ABOUT SOMETHING ELSE",
    "닫기",
    "기사 이미지 확대 보기",
    "Photo: Reuters",
    "(Getty Images)",
    "Published",
    "Updated",
    "Latest News",
    "RELATED NEWS: ABC",
    "Posted :",
    "date",
    "By",
    "BY",
];
const RUNS: &[&str] = &[
    "!", "?", ".", ",", "\"", "'", "“", "”", "‘", "’", "-", "—", "…", "« ", "\" ", "' ", "s' ", ".\" ", ",'", "‘“",
    ", .", "a\" ", "\"a ",
];

fn words_of(n: Range<usize>) -> impl Strategy<Value = String> + Clone {
    vec(pick(WORDS), n).prop_map(|w| w.join(" "))
}

/// A date as pages print it, sometimes impossible.
fn date() -> impl Strategy<Value = String> + Clone {
    (pick(MONTHS), 0..40u32, 1790..2230u32, 0..30u32, 0..70u32, 0..7u8).prop_map(|(m, d, y, h, min, shape)| match shape
    {
        0 => format!("{m} {d}, {y}"),
        1 => format!("{m} {d}, {y}, {h}:{min:02}"),
        2 => format!("{y}-{:02}-{d:02}", d % 14),
        3 => format!("{d} {m} {y}"),
        4 => format!("{y}-{:02}-{:02}T{h:02}:{min:02}:{d:02}.5+09:00", h % 13, d % 32),
        5 => format!("{m} {d}th, {y} at {h}:{min:02} p.m."),
        _ => format!("{y}/{:02}/{:02} {h}:{min:02}", d % 13, min % 32),
    })
}

/// A quotation in one of the shapes attribution reads, with marks drawn
/// independently: often unbalanced, mismatched, nested or interrupted.
fn quotation() -> impl Strategy<Value = String> + Clone {
    let ends = select(&["", ",", ".", "?", "!", "…", ":", ".'"][..]);
    (pick(MARKS), words_of(1..12), ends, prop::option::weighted(0.8, pick(MARKS)), pick(NAMES), pick(CUES), 0..5u8)
        .prop_map(|(open, words, end, close, name, cue, shape)| {
            let close = close.unwrap_or_default();
            match shape {
                0 => format!("{open}{words}{end}{close} {name} {cue}."),
                1 => format!("{name} {cue}: {open}{words}{end}{close}"),
                2 => format!("{open}{words},{close} {name} {cue}, {open}{words}{end}{close}"),
                3 => format!("{open}{words} {open}{words}{close} {words}{end}{close}"),
                _ => format!("{name}, for his part, {cue} the plan a {open}{words}{close}."),
            }
        })
}

fn sentence() -> impl Strategy<Value = String> + Clone {
    let atom = prop_oneof![
        6 => pick(WORDS),
        2 => pick(NAMES),
        2 => pick(CUES),
        1 => pick(ROLES),
        1 => pick(PRONOUNS),
        2 => pick(MARKS),
        2 => pick(PUNCT),
        3 => quotation(),
    ];
    vec((atom, prop::bool::weighted(0.85)), 1..25).prop_map(|atoms| {
        let mut s = String::new();
        for (a, spaced) in atoms {
            if spaced && !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&a);
        }
        s
    })
}

/// A line of a news page: mostly paragraphs, and every kind of line the
/// layout rules look for.
fn line() -> impl Strategy<Value = String> + Clone {
    let paragraph = vec(sentence(), 1..5).prop_map(|s| s.join(" "));
    let headline = vec(pick(WORDS), 2..12).prop_map(|w| {
        w.iter()
            .map(|w| w.chars().next().map_or(String::new(), |c| c.to_uppercase().chain(w.chars().skip(1)).collect()))
            .collect::<Vec<_>>()
            .join(" ")
    });
    let byline = (
        pick(NAMES),
        prop::option::of(pick(NAMES)),
        prop::option::of(pick(OUTLETS)),
        prop::option::of(date()),
        any::<bool>(),
    )
        .prop_map(|(a, b, outlet, date, caps)| {
            let mut s = format!("{} {a}", if caps { "BY" } else { "By" });
            if let Some(b) = b {
                s += &format!(" and {b}");
            }
            if let Some(o) = outlet {
                s += &format!(" {o}");
            }
            if let Some(d) = date {
                s += &format!(" Posted : {d} Updated : {d}");
            }
            s
        });
    let date_line = (
        select(&["Published: ", "Updated ", "Posted : ", " date ", "date:", "Published"][..]),
        date(),
        prop::option::of(sentence()),
    )
        .prop_map(|(label, date, rest)| format!("{label}{date} {}", rest.unwrap_or_default()));
    let dateline = (
        pick(PLACES),
        prop::option::of(date()),
        prop::option::of(pick(AGENCIES)),
        select(&["-", "–", "—", "--", ""][..]),
        select(&[" ", "\t", "\u{a0}", "", " -"][..]),
        sentence(),
    )
        .prop_map(|(place, date, agency, dash, gap, s)| {
            let date = date.map(|d| format!(", {d}")).unwrap_or_default();
            let agency = agency.map(|a| format!(" ({a})")).unwrap_or_default();
            format!("{place}{date}{agency} {dash}{gap}{s}")
        });
    let caption = (sentence(), pick(NAMES)).prop_map(|(s, n)| format!("{s} (AP Photo/{n})"));
    let run = (pick(RUNS), prop_oneof![1..20usize, 1..3000usize]).prop_map(|(u, n)| u.repeat(n));
    prop_oneof![
        10 => paragraph,
        2 => headline,
        1 => byline,
        1 => date_line,
        1 => dateline,
        2 => pick(FURNITURE),
        1 => caption,
        1 => run,
        1 => Just(String::new()),
    ]
}

/// A news page as text: lines, blank or not between them.
fn news_page() -> impl Strategy<Value = String> + Clone {
    vec((line(), select(&["\n", "\n\n", "\n \n", "\n\n\n"][..])), 1..30)
        .prop_map(|lines| lines.into_iter().map(|(l, end)| l + end).collect())
}

fn any_text() -> impl Strategy<Value = String> + Clone {
    prop_oneof![2 => news_page(), 2 => nasty_text(), 1 => any::<String>()]
}

/// Bytes of a file: random, encoded text, or encoded text with bytes
/// overwritten; and the manifest's metadata for it.
fn file_bytes() -> impl Strategy<Value = (Vec<u8>, Option<String>)> {
    let encoded = (any_text(), 0..6u8).prop_map(|(t, how)| encode(&t, how));
    let damaged = (encoded.clone(), vec((any::<Index>(), any::<u8>()), 1..4)).prop_map(|(mut b, hits)| {
        for (at, byte) in hits {
            if !b.is_empty() {
                let i = at.index(b.len());
                b[i] = byte;
            }
        }
        b
    });
    let bytes = prop_oneof![1 => vec(any::<u8>(), 0..2048), 3 => encoded, 1 => damaged];
    (bytes, prop::option::weighted(0.3, prop_oneof![nasty_text(), words_of(1..8)]))
}

/// Two wordings: unrelated, equal, one edited from the other, or a stretch of it.
fn wording_pair() -> impl Strategy<Value = (String, String)> {
    let text =
        prop_oneof![3 => vec(sentence(), 1..4).prop_map(|s| s.join(" ")), 1 => nasty_text(), 1 => any::<String>()];
    (text.clone(), text, 0..4u8, vec((0..3u8, any::<Index>(), pick(WORDS)), 0..6)).prop_map(
        |(a, other, mode, edits)| {
            let mut w: Vec<&str> = a.split_whitespace().collect();
            let b = match mode {
                0 => other,
                1 => a.clone(),
                2 => {
                    for (op, at, word) in &edits {
                        let i = at.index(w.len() + 1);
                        match op {
                            0 if i < w.len() => drop(w.remove(i)),
                            1 => w.insert(i, word),
                            _ if i < w.len() => w[i] = word,
                            _ => {}
                        }
                    }
                    w.join(" ")
                }
                _ => {
                    let (i, j) = match (edits.first(), edits.get(1)) {
                        (Some(x), Some(y)) => {
                            let (x, y) = (x.1.index(w.len() + 1), y.1.index(w.len() + 1));
                            (x.min(y), x.max(y))
                        }
                        _ => (0, w.len()),
                    };
                    w[i..j].join(" ")
                }
            };
            (a, b)
        },
    )
}

const FILES: &[&str] =
    &["a.txt", "b.txt", "missing.txt", "../up.txt", "/etc/passwd", "./c.txt", "dir/d.txt", "dir/../e.txt", "C:\\x.txt"];
const HEADERS: &[&str] =
    &["file", "outlet", "url", "published", "title", "author", "language", "colour", "FILE", " file ", ""];

/// Manifest bytes: random, CSV of odd headers and cells, or a well-formed
/// manifest (with the rows it holds).
fn manifest_bytes() -> impl Strategy<Value = (Vec<u8>, Option<Vec<ManifestRow>>)> {
    let cell = prop_oneof![
        pick(FILES),
        date(),
        nasty_text(),
        pick(&["", "\"quoted, cell\"", "\"unterminated", "a\"b", "\"\"", " padded "]),
        any::<String>(),
    ];
    let odd = (vec(pick(HEADERS), 0..6), vec(vec(cell, 0..7), 0..10), any::<bool>()).prop_map(|(h, rows, crlf)| {
        let end = if crlf { "\r\n" } else { "\n" };
        let mut s = h.join(",") + end;
        for r in rows {
            s += &(r.join(",") + end);
        }
        (s.into_bytes(), None)
    });
    let good = vec((pick(WORDS), 1..29u32, 1..13u32), 1..12).prop_map(|rows| {
        let rows: Vec<ManifestRow> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (outlet, d, m))| (format!("f{i}.txt"), format!(" {outlet} "), format!("2024-{m:02}-{d:02}")))
            .collect();
        let mut s = String::from("file,outlet,published\n");
        for (f, o, p) in &rows {
            s += &format!("{f},\"{}\",{p}\n", o.replace('"', "\"\""));
        }
        (s.into_bytes(), Some(rows))
    });
    prop_oneof![1 => vec(any::<u8>(), 0..1024).prop_map(|b| (b, None)), 3 => odd, 1 => good]
}

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        date(),
        (date(), nasty_text()).prop_map(|(d, t)| d + &t),
        "[0-9]{4}[-/][0-9]{2}[-/][0-9]{1,2}.{0,6}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{1,2}:?[0-9]{1,2}.{0,6}",
        "[ \t]*[0-9]{1,3}(st|nd|th|s)? ?[A-Za-z]{0,9}\\.? ?[0-9]{0,5}.{0,4}",
    ]
}

const URIS: &[&str] =
    &["http://example.com/", "https://news.example.org/2024/05/story.html?id=7&x=y", "dns:example.com"];

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).and_then(|()| e.finish()).expect("writes to memory")
}

/// A record's bytes, the end of its block in them, and what it must read
/// as. `kind`: a page (0, 1: without Content-Type), a 404 (2), an image
/// (3), request (4), warcinfo (5), metadata (6), revisit (7), resource (8).
/// `style`: CRLF, LF, or CRLF with no separator after the block. The page's
/// body is encoded as `coding` says: as is, chunked by `chunk`, gzip,
/// both, or as Common Crawl stores it (decoded, headers renamed).
#[allow(clippy::too_many_arguments)]
fn warc_record(
    kind: u8,
    uri: &str,
    brackets: bool,
    text: &str,
    binary: &[u8],
    coding: u8,
    chunk: usize,
    style: u8,
    folded: bool,
) -> (Vec<u8>, usize, WarcRecord) {
    let html = format!("<html><head><title>{text}</title></head><body><p>{text}</p></body></html>").into_bytes();
    let http = |status: &str, headers: &str, body: &[u8]| {
        [format!("HTTP/1.1 {status}\r\n{headers}\r\n").as_bytes(), body].concat()
    };
    let page = |content_type: &str, body: Vec<u8>| Classified::Page {
        uri: Some(uri.to_owned()),
        date: Some("2024-05-01T12:00:00Z".into()),
        content_type: content_type.into(),
        body,
    };
    let http_type = "application/http; msgtype=response";
    let (warc_type, content_type, block, class) = match kind {
        0 => {
            let chunked = |b: &[u8]| {
                let mut out = Vec::new();
                for c in b.chunks(chunk) {
                    out.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
                    out.extend_from_slice(c);
                    out.extend_from_slice(b"\r\n");
                }
                [&out[..], b"0\r\n\r\n"].concat()
            };
            let (headers, body) = match coding {
                0 => ("", html.clone()),
                1 => ("Transfer-Encoding: chunked\r\n", chunked(&html)),
                2 => ("Content-Encoding: gzip\r\n", gzip(&html)),
                3 => ("Transfer-Encoding: chunked\r\nContent-Encoding: x-gzip\r\n", chunked(&gzip(&html))),
                _ => ("X-Crawler-Transfer-Encoding: chunked\r\nX-Crawler-Content-Encoding: gzip\r\n", html.clone()),
            };
            let content_type = "text/html; charset=utf-8";
            let block = http("200 OK", &format!("Content-Type: {content_type}\r\n{headers}"), &body);
            ("response", http_type, block, page(content_type, html))
        }
        1 => {
            let body = [&b"<!DOCTYPE html>\n"[..], &html].concat();
            ("response", http_type, http("200 OK", "", &body), page("text/html", body))
        }
        2 => (
            "response",
            http_type,
            http("404 Not Found", "Content-Type: text/html\r\n", &html),
            Classified::Skip(Skip::Status(404)),
        ),
        3 => (
            "response",
            http_type,
            http("200 OK", "Content-Type: image/png\r\n", binary),
            Classified::Skip(Skip::NotHtml),
        ),
        4 => {
            let block = b"GET /x HTTP/1.1\r\nHost: example.com\r\n\r\n".to_vec();
            ("request", "application/http; msgtype=request", block, Classified::Skip(Skip::Request))
        }
        5 => ("warcinfo", "application/warc-fields", b"software: fuzz\r\n".to_vec(), Classified::Skip(Skip::Metadata)),
        6 => ("metadata", "application/warc-fields", text.as_bytes().to_vec(), Classified::Skip(Skip::Metadata)),
        7 => ("revisit", http_type, http("200 OK", "", b""), Classified::Skip(Skip::Metadata)),
        _ => ("resource", "text/html", binary.to_vec(), Classified::Skip(Skip::Metadata)),
    };
    let end = if style == 1 { "\n" } else { "\r\n" };
    let mut head = vec![if brackets { "WARC/1.0" } else { "WARC/1.1" }.to_owned(), format!("WARC-Type: {warc_type}")];
    let uri_field = (warc_type != "warcinfo").then(|| if brackets { format!("<{uri}>") } else { uri.to_owned() });
    head.extend(uri_field.as_ref().map(|u| format!("WARC-Target-URI: {u}")));
    head.push("WARC-Date: 2024-05-01T12:00:00Z".into());
    if folded {
        head.push(format!("X-Folded: a{end}\tb"));
    }
    head.push(format!("Content-Type: {content_type}"));
    head.push(format!("Content-Length: {}", block.len()));
    let mut bytes = (head.join(end) + end + end).into_bytes();
    bytes.extend_from_slice(&block);
    let block_end = bytes.len();
    bytes.extend_from_slice(match style {
        0 => b"\r\n\r\n",
        1 => b"\n\n",
        _ => b"",
    });
    let record = WarcRecord {
        start: 0,
        whole_at: 0,
        warc_type: warc_type.into(),
        uri: uri_field.map(|_| uri.to_owned()),
        folded,
        block,
        class,
    };
    (bytes, block_end, record)
}

/// WARC files: generated ones (plain, a gzip member per record, or one
/// member for all), as they are or damaged; and random bytes, bare or
/// behind a record's first line, plain or gzip.
fn warc_case() -> impl Strategy<Value = WarcCase> {
    let max_block = prop_oneof![3 => Just(1u64 << 30), 1 => 0..2000u64];
    let record = (
        0..9u8,
        pick(URIS),
        any::<bool>(),
        prop_oneof![words_of(0..30), nasty_text()],
        vec(any::<u8>(), 0..300),
        (0..5u8, 1..40usize),
        any::<bool>(),
    );
    let damage = prop_oneof![
        3 => Just(Damage::None),
        2 => any::<Index>().prop_map(Damage::Cut),
        2 => (any::<Index>(), 1..=255u8).prop_map(|(at, x)| Damage::Flip(at, x)),
        2 => (any::<Index>(), 0..10u8, 1..=255u8).prop_map(|(k, byte, x)| Damage::Header(k, byte, x)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(k, at)| Damage::Splice(k, at)),
        2 => vec((0..3u8, any::<Index>(), any::<u8>()), 1..6).prop_map(Damage::Edits),
    ];
    // Layouts: plain, a gzip member per record (where damage is known to
    // cost one record only), one gzip member for all.
    let layout = prop_oneof![2 => Just(0u8), 3 => Just(1u8), 1 => Just(2u8)];
    let generated = (vec(record, 1..6), layout, 0..3u8, damage, max_block.clone()).prop_map(
        |(specs, layout, style, damage, max_block)| {
            let mut bytes = Vec::new();
            let mut records = Vec::new();
            for (kind, uri, brackets, text, binary, (coding, chunk), folded) in specs {
                let (raw, block_end, mut r) =
                    warc_record(kind, &uri, brackets, &text, &binary, coding, chunk, style, folded);
                let at = bytes.len() as u64;
                match layout {
                    0 => bytes.extend_from_slice(&raw),
                    1 => bytes.extend(gzip(&raw)),
                    _ => bytes.extend_from_slice(&raw),
                }
                r.start = if layout == 2 { 0 } else { at };
                r.whole_at = if layout == 0 { at + block_end as u64 } else { bytes.len() as u64 };
                records.push(r);
            }
            if layout == 2 {
                bytes = gzip(&bytes);
                records.iter_mut().for_each(|r| r.whole_at = bytes.len() as u64);
            }
            let compression = if layout == 0 { Compression::None } else { Compression::Gzip };
            WarcCase { bytes, compression, one_member: layout == 2, records: Some(records), damage, max_block }
        },
    );
    let random = (vec(any::<u8>(), 0..2048), 0..3u8, max_block).prop_map(|(b, how, max_block)| {
        let headed = [&b"WARC/1.0\r\nContent-Length: 12\r\n"[..], &b].concat();
        let (bytes, compression) = match how {
            0 => (b, Compression::None),
            1 => (headed, Compression::None),
            _ => (gzip(&headed), Compression::Gzip),
        };
        WarcCase { bytes, compression, one_member: false, records: None, damage: Damage::None, max_block }
    });
    prop_oneof![4 => generated, 1 => random]
}

// ---- the fuzz run ----

#[test]
fn fuzz_targets() {
    let targets: [Target; 7] = [
        ("bytes", || {
            fuzz("bytes", file_bytes(), |(b, title)| {
                check_txt(b, &Meta { title: title.clone(), ..Meta::default() })?;
                check_primary(b)?;
                check_json_line(b)
            })
        }),
        ("unicode", || {
            fuzz("unicode", (prop_oneof![any::<String>(), nasty_text()], prop::option::of(nasty_text())), |(s, t)| {
                check_text(s, t.as_deref())
            })
        }),
        ("news", || {
            fuzz(
                "news",
                (news_page(), prop::option::weighted(0.3, words_of(1..8)), prop::option::of(date())),
                |(page, title, published)| {
                    check_text(page, title.as_deref())?;
                    check_primary(page.as_bytes())?;
                    check_record(page, title.as_deref(), published.as_deref())
                },
            )
        }),
        ("pairs", || fuzz("pairs", wording_pair(), |(a, b)| check_pair(a, b))),
        ("manifest", || {
            fuzz("manifest", manifest_bytes(), |(b, rows)| {
                check_manifest(b, rows.as_deref())?;
                String::from_utf8_lossy(b).lines().try_for_each(check_date)
            })
        }),
        ("dates", || fuzz("dates", date_text(), |s| check_date(s))),
        ("warc", || fuzz("warc", warc_case(), check_warc)),
    ];
    let ran: Vec<Ran> = std::thread::scope(|s| {
        let handles: Vec<_> = targets.iter().map(|(_, run)| s.spawn(run)).collect();
        handles.into_iter().map(|h| h.join().expect("a target's runner does not panic")).collect()
    });
    println!("fuzz seed {} ({} cases per target)", base_seed(), cases());
    for r in &ran {
        println!(
            "  {:<9} {:>9} cases {:>8.1} s   slowest case {:>7.1} ms   {}",
            r.target,
            r.cases,
            r.took.as_secs_f64(),
            r.slowest.as_secs_f64() * 1e3,
            r.failure.as_deref().map_or("ok", |_| "FAILED")
        );
    }
    let total: u64 = ran.iter().map(|r| u64::from(r.cases)).sum();
    let longest = ran.iter().map(|r| r.took).max().unwrap_or_default();
    println!("  total     {total:>9} cases {:>8.1} s", longest.as_secs_f64());
    let failed: Vec<String> =
        ran.iter().filter_map(|r| r.failure.as_ref().map(|f| format!("{}: {f}", r.target))).collect();
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}

// ---- big and pathological inputs ----

/// `unit` repeated to about `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// Runs the whole path on a big text and prints how long it took.
fn check_big(name: &str, text: &str) {
    let started = Instant::now();
    let result = check_txt(text.as_bytes(), &Meta::default())
        .and_then(|()| check_units(text, &normalize::units(text)))
        .and_then(|()| check_keys(&normalize::normalize(text)))
        .and_then(|()| {
            let s = articles::shingle(text);
            prop_assert_eq!(articles::found_in(&s, &s), s.sentence_count());
            Ok(())
        });
    println!("{name}: {} bytes in {:.2} s", text.len(), started.elapsed().as_secs_f64());
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

#[test]
fn big_line_of_words_and_quote_marks() {
    check_big("words and marks", &repeat_to("We \"will win\" she said, ‘and so’ “it goes” on «and» ", big()));
}

#[test]
fn big_line_of_straight_double_quotes() {
    check_big("straight double quotes", &repeat_to("\"", big()));
}

#[test]
fn big_line_of_curly_double_quotes() {
    check_big("curly double quotes", &repeat_to("“", big()));
}

#[test]
fn big_line_of_commas_and_dots() {
    check_big("commas and dots", &repeat_to(",.", big()));
}

#[test]
fn big_line_after_one_open_quote() {
    check_big("one open quote", &format!("He said: “{}", repeat_to("word and Word ", big())));
}

#[test]
fn big_line_of_alternating_single_and_double_marks() {
    check_big("‘“ alternation", &repeat_to("‘“", big()));
}

#[test]
fn big_line_of_names_and_descriptors() {
    // "MSNBC host Chris Matthews" is read by following descriptors from
    // name to name; a page of nothing else must not exhaust the stack.
    check_big("names and descriptors", &repeat_to("Bob host Ann spokesman ", big()));
}

#[test]
fn a_line_of_apostrophes() {
    check_big("apostrophes", &"'".repeat(big()));
}

#[test]
fn many_short_lines() {
    let lines = [
        "Share",
        "“Yes,” he said.",
        "By Jane Doe",
        "Read more »",
        "A",
        "Published: March 3, 2024",
        "«",
        "“No”",
        "RELATED: more",
        "He left.",
        "SEOUL (AP) - Hi",
        "Similar News",
    ];
    let text: String = (0..big() / 10).map(|i| format!("{}\n", lines[i % lines.len()])).collect();
    check_big("short lines", &text);
}

#[test]
fn many_lines_of_furniture() {
    // Related-story headings among furniture, with no article text before
    // them: where the related block starts must be found in one pass.
    let text: String = (0..big() / 10).map(|i| if i % 3 == 0 { "RELATED NEWS: ABC\n" } else { "Share\n" }).collect();
    check_big("furniture", &text);
}

#[test]
fn quotations_carried_over_fifty_thousand_paragraphs() {
    check_big("carried quotations", &repeat_to("“a «b» said c\n\n” he said\n\n", big()));
}

#[test]
fn people_and_roles_named_over_and_over() {
    let unit = "President Bob Smith met the president. \"We won,\" the president said. He agreed. ";
    check_big("people and roles", &repeat_to(unit, big()));
}

#[test]
fn many_people_of_one_surname() {
    // Every first name different: what the article teaches about "Smith"
    // grows with the page.
    let letters = |i: usize| (0..4).map(|k| char::from(b'a' + (i / 26usize.pow(k) % 26) as u8)).collect::<String>();
    let text: String = (0..big() / 24).map(|i| format!("X{} Smith said \"yes.\" ", letters(i))).collect();
    check_big("one surname", &text);
}

#[test]
fn long_wordings_compare_in_linear_time() {
    let n = if long_run() { 1_000_000 } else { 100_000 };
    let a: Vec<&str> = std::iter::repeat_n("w", n).chain(["x"]).collect();
    let b: Vec<&str> = std::iter::repeat_n("w", n).chain(["y"]).collect();
    let started = Instant::now();
    // More than u16::MAX words in common.
    assert!(lq::near_duplicate(&a, &b).is_some());
    assert!(lq::similarity(&a, &b) > 0.99);
    assert!(lq::fragment_of(&a[1..n], &b));
    assert!(!lq::fragment_of(&a[n / 2..], &b), "the odd last word is not in the other");
    assert_eq!(lq::diff(&a.join(" "), &b.join(" ")).as_deref(), Some("x→y"));
    // Different all through: no table of n × n words is filled.
    let c: Vec<&str> = std::iter::repeat_n("v", n).chain(["x"]).collect();
    assert!(lq::near_duplicate(&a, &c).is_none());
    println!("long wordings: {n} words in {:.2} s", started.elapsed().as_secs_f64());
}

// ---- the regression corpus ----

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz")
}

/// Every file of `tests/fixtures/fuzz/`: inputs that once failed, and
/// hand-made nasty ones.
fn fixture_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(fixtures()).expect("tests/fixtures/fuzz exists").map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 5, "the corpus is there: {files:?}");
    files
}

#[test]
fn regression_corpus_in_process() {
    for path in fixture_files() {
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() < 20 << 10, "{} is small", path.display());
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let result = check_txt(&bytes, &Meta::default())
            .and_then(|()| bytes.split(|&b| b == b'\n').try_for_each(check_json_line))
            .and_then(|()| check_manifest(&bytes, None))
            .and_then(|()| String::from_utf8_lossy(&bytes).lines().try_for_each(check_date));
        if let Err(e) = result {
            panic!("{name}: {e}");
        }
    }
}

#[test]
fn regression_corpus_through_the_binary() {
    let w = common::Workdir::new();
    let out = w.cmd().arg("import").arg(fixtures()).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "import exited with {:?}:\n{stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let conn = w.conn();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    assert!(w.count("SELECT count(*) FROM articles") > 0, "some fixtures import: {stderr}");
    // Stored offsets give the stored quotes back (characters, spaces collapsed).
    let mut stmt = conn
        .prepare(
            "SELECT q.text, q.start, q.\"end\", CASE q.region WHEN 'body' THEN a.body
                    WHEN 'boilerplate' THEN a.boilerplate ELSE a.title END
             FROM quotes q JOIN articles a ON a.id = q.article_id",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, String>(3)?))
        })
        .unwrap();
    for row in rows {
        let (text, start, end, region) = row.unwrap();
        let slice: String = region.chars().skip(start as usize).take((end - start) as usize).collect();
        if !slice.contains('\n') {
            assert_eq!(normalize::squash_spaces(&slice), text, "stored offsets {start}..{end}");
        }
    }
}
