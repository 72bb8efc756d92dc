//! Primary sources — official transcripts, interview transcripts and
//! captions files — read into speaker turns.
//!
//! News quotations are later aligned word by word against each turn, so a
//! turn's text keeps only words that were spoken: headings, stage
//! directions, sound descriptions, clock stamps, cue timings and markup
//! are left out, and every turn keeps its speaker label as printed. The
//! layout is chosen by content, never by file name, because transcripts
//! arrive as `.txt`, `.vtt`, `.srt` or no extension at all. Parsing is pure
//! and never panics: any text is either read or refused with the line to fix.

use super::{Error, PARAGRAPH_BREAK, dates};
use crate::extract::lexicon::TITLES;
use std::collections::{HashMap, VecDeque};
use std::ops::Range;

/// Which layout the file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Paragraphs opened by speaker labels: "THE PRESIDENT:", "Jane Doe:", "Q.".
    Transcript,
    /// Turns opened by timestamped name lines: "Jane Doe (00:01:23):".
    Interview,
    /// WebVTT captions.
    WebVtt,
    /// SubRip captions.
    Srt,
}

impl Layout {
    /// The layout's name as stored and shown to users.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Transcript => "transcript",
            Layout::Interview => "interview",
            Layout::WebVtt => "webvtt",
            Layout::Srt => "srt",
        }
    }
}

/// One speaker turn: what one speaker said before another spoke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// The label as printed, tidied: "President Trump", "Q", "The President",
    /// "Mr. Smith", "Jane Doe"; `None` when the source does not say
    /// (captions without voices).
    pub speaker: Option<String>,
    /// What the source adds after the name, e.g. "President of the United
    /// States" in "DONALD TRUMP, PRESIDENT OF THE UNITED STATES:"; `None` otherwise.
    pub role: Option<String>,
    /// Byte range of the turn's spoken text in [`Transcript::text`].
    pub span: Range<usize>,
    /// 1-based source line where the turn starts: its label line, or for
    /// captions the cue line its first words (or speaker change) are on.
    pub line: u64,
    /// Milliseconds from the start of the recording, where the source gives
    /// them: interview timestamps and caption cue times. Bracketed clock
    /// stamps such as "[14:00:00]" are times of day, not offsets, and are
    /// never read as one.
    pub start_ms: Option<u64>,
    /// Where the turn ends, in the same clock as `start_ms`: the end of its
    /// last cue, or in an interview the start of the next turn.
    pub end_ms: Option<u64>,
    /// The turn was spoken through an interpreter ("(As interpreted.)",
    /// "(Through interpreter)"), so its words are the interpreter's.
    pub interpreted: bool,
}

/// A primary source read into speaker turns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript {
    /// Which layout the file was read as.
    pub layout: Layout,
    /// Spoken text only: each turn's text, turns joined by
    /// [`PARAGRAPH_BREAK`], paragraphs within one turn joined by "\n".
    pub text: String,
    /// The turns, in source order; none is empty.
    pub turns: Vec<Turn>,
    /// The heading before the first turn (its first non-empty line), when
    /// the file has one. Captions have none: a WEBVTT header is not a title.
    pub title: Option<String>,
    /// A date printed in the heading, as ISO 8601 ("2025-02-07").
    pub date: Option<String>,
}

/// Reads a primary source. `path` is only for error messages.
pub fn parse(path: &str, text: &str) -> Result<Transcript, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = split_lines(text);
    let transcript = if text.starts_with("WEBVTT") {
        read_captions(path, &lines, Layout::WebVtt)?
    } else if is_srt(&lines) {
        read_captions(path, &lines, Layout::Srt)?
    } else {
        read_labelled(&lines)
    };
    if transcript.turns.is_empty() {
        let why = match transcript.layout {
            Layout::WebVtt | Layout::Srt => "every cue is empty or only a sound description such as [Music]",
            Layout::Transcript | Layout::Interview => {
                "expected WebVTT or SRT captions, an interview whose turns start 'Jane Doe (00:01:23):', \
                 or a transcript whose paragraphs start with a speaker label ('THE PRESIDENT:', \
                 'Jane Doe:', 'Q.')"
            }
        };
        return Err(Error::new(path, None, format!("no speaker turns found: {why}")));
    }
    Ok(transcript)
}

/// Lines split at "\n", "\r\n" or a lone "\r": files from old Mac tools and
/// caption exporters still end lines with a bare carriage return.
fn split_lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            lines.push(&text[start..i]);
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn line_no(index: usize) -> u64 {
    index as u64 + 1
}

// ---------------------------------------------------------------------------
// Turns being built

/// A turn being read. Paragraphs are cleaned only when they close, because
/// a stage direction may run across the wrapped lines of one paragraph.
struct Pending {
    speaker: Option<String>,
    role: Option<String>,
    line: u64,
    start_ms: Option<u64>,
    end_ms: Option<u64>,
    interpreted: bool,
    paragraphs: Vec<String>,
    open: String,
}

impl Pending {
    fn new(speaker: Option<String>, role: Option<String>, line: u64, start_ms: Option<u64>) -> Self {
        Pending {
            speaker,
            role,
            line,
            start_ms,
            end_ms: None,
            interpreted: false,
            paragraphs: Vec::new(),
            open: String::new(),
        }
    }

    fn add_line(&mut self, text: &str, new_paragraph: bool) {
        if new_paragraph {
            self.close_paragraph();
        }
        if !self.open.is_empty() {
            self.open.push(' ');
        }
        self.open.push_str(text);
    }

    fn close_paragraph(&mut self) {
        let cleaned = clean(&self.open, false);
        self.interpreted |= cleaned.interpreted;
        if !cleaned.text.is_empty() {
            self.paragraphs.push(cleaned.text);
        }
        self.open.clear();
    }

    /// Caption text is already clean, and its line breaks are only where
    /// the caption ran out of width: words join with a space.
    fn add_words(&mut self, words: &str) {
        match self.paragraphs.last_mut() {
            Some(p) => {
                p.push(' ');
                p.push_str(words);
            }
            None => self.paragraphs.push(words.to_owned()),
        }
    }
}

#[derive(Default)]
struct Builder {
    text: String,
    turns: Vec<Turn>,
    pending: Option<Pending>,
}

impl Builder {
    fn begin(&mut self, turn: Pending) {
        self.finish();
        self.pending = Some(turn);
    }

    /// A turn with no spoken words ("THE PRESIDENT: (Laughter.)") is
    /// dropped: there is nothing in it to align a quotation against.
    fn finish(&mut self) {
        let Some(mut p) = self.pending.take() else { return };
        p.close_paragraph();
        if p.paragraphs.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str(PARAGRAPH_BREAK);
        }
        let start = self.text.len();
        for (i, paragraph) in p.paragraphs.iter().enumerate() {
            if i > 0 {
                self.text.push('\n');
            }
            self.text.push_str(paragraph);
        }
        self.turns.push(Turn {
            speaker: p.speaker,
            role: p.role,
            span: start..self.text.len(),
            line: p.line,
            start_ms: p.start_ms,
            end_ms: p.end_ms,
            interpreted: p.interpreted,
        });
    }

    fn into_transcript(mut self, layout: Layout, title: Option<String>, date: Option<String>) -> Transcript {
        self.finish();
        Transcript { layout, text: self.text, turns: self.turns, title, date }
    }
}

// ---------------------------------------------------------------------------
// Official transcripts and interviews

/// Where a turn opens on a line, and who speaks.
struct Opener {
    speaker: String,
    role: Option<String>,
    interpreted: bool,
    start_ms: Option<u64>,
    /// Byte offset in the line where the spoken text begins.
    text_at: usize,
}

/// Interviews and official transcripts share their paragraph rules; what
/// tells them apart is whether the name lines carry a recording time.
fn read_labelled(lines: &[&str]) -> Transcript {
    let timed: Vec<Option<Opener>> = lines.iter().map(|l| interview_opener(l)).collect();
    let labels: Vec<Option<Label>> = lines.iter().map(|l| label(l)).collect();
    let timed_count = timed.iter().flatten().count();
    let colon_count = labels.iter().flatten().filter(|l| l.style == Style::Colon).count();
    if timed_count > 0 && timed_count >= colon_count {
        read_turns(lines, Layout::Interview, &timed)
    } else {
        read_turns(lines, Layout::Transcript, &accept_labels(lines, labels))
    }
}

fn read_turns(lines: &[&str], layout: Layout, openers: &[Option<Opener>]) -> Transcript {
    let mut b = Builder::default();
    let mut heading: Vec<&str> = Vec::new();
    let mut blank_before = false;
    let mut prev_ended = false;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        if let Some(o) = openers.get(i).and_then(Option::as_ref) {
            if let (Some(p), Some(at)) = (b.pending.as_mut(), o.start_ms) {
                p.end_ms = Some(at);
            }
            let mut turn = Pending::new(Some(o.speaker.clone()), o.role.clone(), line_no(i), o.start_ms);
            turn.interpreted = o.interpreted;
            turn.add_line(line.get(o.text_at..).unwrap_or_default().trim(), false);
            b.begin(turn);
        } else if let Some(p) = b.pending.as_mut() {
            if is_end_line(trimmed) {
                break;
            }
            if is_furniture(trimmed) {
                blank_before = true;
                continue;
            }
            // Hard-wrapped paragraphs run on across lines; a line that ends
            // a sentence, or a blank line, starts the next paragraph.
            p.add_line(trimmed, blank_before || prev_ended);
        } else {
            heading.push(trimmed);
        }
        blank_before = false;
        prev_ended = ends_sentence(trimmed);
    }
    let title = heading.first().map(|t| (*t).to_owned());
    let date = find_date(&heading);
    b.into_transcript(layout, title, date)
}

fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '?', '!', '…', '"', '”', '\'', '’', ')', ']'])
}

/// "END" or "END 2:05 P.M. EST": what follows is the press office's, not speech.
fn is_end_line(line: &str) -> bool {
    line == "END" || line.strip_prefix("END ").is_some_and(is_clock)
}

/// "NOTE: …", "Copyright: …": an editor's line among the turns, never speech.
fn is_furniture(line: &str) -> bool {
    line.split_once(':').is_some_and(|(key, rest)| {
        (rest.is_empty() || rest.starts_with(char::is_whitespace))
            && key.len() <= 30
            && HEADING_KEYS.contains(&collapse_ws(key).to_lowercase().as_str())
    })
}

/// The first date printed in the heading, as "2025-02-07".
fn find_date(heading: &[&str]) -> Option<String> {
    heading.iter().take(40).find_map(|line| {
        // A date in a heading sits near the start of a short line.
        let line = &line[..floor_boundary(line, 300)];
        let mut prev_alnum = false;
        line.char_indices().find_map(|(i, c)| {
            let at_word = !prev_alnum && c.is_alphanumeric();
            prev_alnum = c.is_alphanumeric();
            if !at_word {
                return None;
            }
            let (found, _) = dates::scan(&line[i..])?;
            found.iso()?;
            Some(format!("{:04}-{:02}-{:02}", found.year?, found.month, found.day))
        })
    })
}

/// "Jane Doe (00:01:23):" or "Jane Doe (01:23)" with the text on the same
/// line or the next.
fn interview_opener(line: &str) -> Option<Opener> {
    let lead = line.len() - line.trim_start().len();
    let s = &line[lead..];
    let open = s[..floor_boundary(s, MAX_LABEL)].find('(')?;
    let close = open + s[open..].find(')')?;
    let start_ms = offset(&s[open + 1..close])?;
    let after = &s[close + 1..];
    let text_at = if after.starts_with(':') {
        close + 2
    } else if after.trim().is_empty() {
        close + 1
    } else {
        return None;
    };
    let parts = label_parts(s[..open].trim_end(), MAX_NAME_WORDS)?;
    Some(Opener {
        speaker: parts.speaker(),
        role: parts.role,
        interpreted: parts.interpreted,
        start_ms: Some(start_ms),
        text_at: lead + text_at,
    })
}

/// An interview timestamp: "01:23", "00:01:23", "1:02:03.5".
fn offset(s: &str) -> Option<u64> {
    let s = s.trim();
    let (clock, millis) = match s.split_once('.') {
        Some((clock, fraction)) => {
            let digits = number(fraction, 1, 3)?;
            (clock, digits * 10u64.pow(3 - fraction.len() as u32))
        }
        None => (s, 0),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let (h, m, sec) = match parts.as_slice() {
        [m, sec] => (0, number(m, 1, 3)?, number(sec, 2, 2)?),
        [h, m, sec] => (number(h, 1, 2)?, number(m, 2, 2)?, number(sec, 2, 2)?),
        _ => return None,
    };
    let minutes_ok = parts.len() == 2 || m < 60;
    (minutes_ok && sec < 60).then(|| ((h * 60 + m) * 60 + sec) * 1000 + millis)
}

/// `s` as a number of `min..=max` ASCII digits.
fn number(s: &str, min: usize, max: usize) -> Option<u64> {
    ((min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.bytes().fold(0, |n, b| n * 10 + u64::from(b - b'0')))
}

// ---------------------------------------------------------------------------
// Speaker labels

/// How far into a line a label may reach.
const MAX_LABEL: usize = 120;
/// "Prime Minister Shigeru Ishiba of Japan" is six words; speech rarely
/// opens with six capitalised words and a colon.
const MAX_NAME_WORDS: usize = 6;
/// The period style is the more ambiguous, so its labels are shorter.
const MAX_PERIOD_WORDS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    /// "THE PRESIDENT: text", "Jane Doe: text".
    Colon,
    /// "President Trump. text", as the presidency archives print turns.
    Period,
}

struct Label {
    opener: Opener,
    style: Style,
    /// The name as printed, for counting how often it opens a paragraph.
    key: String,
    words: usize,
    caps: bool,
    qa: bool,
}

fn label(line: &str) -> Option<Label> {
    let lead = line.len() - line.trim_start().len();
    let s = &line[lead..];
    let mut found = q_tab(s).or_else(|| colon_label(s)).or_else(|| period_label(s))?;
    found.opener.text_at += lead;
    Some(found)
}

/// White House transcripts set a reporter's turn as "Q" and a tab or spaces.
fn q_tab(s: &str) -> Option<Label> {
    let rest = s.strip_prefix('Q')?;
    if !(rest.starts_with('\t') || rest.starts_with("  ")) {
        return None;
    }
    let parts = Parts { name: "Q", role: None, interpreted: false, shape: Shape { words: 1, caps: true } };
    make_label(parts, Style::Colon, 1)
}

fn colon_label(s: &str) -> Option<Label> {
    let colon = s[..floor_boundary(s, MAX_LABEL)].find(':')?;
    let after = &s[colon + 1..];
    // "10:30" and "https://" are not labels.
    if !after.is_empty() && !after.starts_with(char::is_whitespace) {
        return None;
    }
    make_label(label_parts(s[..colon].trim_end(), MAX_NAME_WORDS)?, Style::Colon, colon + 1)
}

fn period_label(s: &str) -> Option<Label> {
    for (dot, _) in s[..floor_boundary(s, MAX_LABEL)].match_indices('.') {
        let after = &s[dot + 1..];
        if !after.is_empty() && !after.starts_with(char::is_whitespace) {
            continue;
        }
        let raw = s[..dot].trim_end();
        let last = raw.split_whitespace().next_back()?;
        let qa = raw == "Q" || raw == "A";
        // The dot of "Mr." or of an initial is not the label's full stop:
        // look on for the next one.
        if !qa && (last.chars().count() == 1 || last.contains('.') || is_title_abbreviation(last)) {
            continue;
        }
        let shape = name_shape(raw, MAX_PERIOD_WORDS)?;
        return make_label(Parts { name: raw, role: None, interpreted: false, shape }, Style::Period, dot + 1);
    }
    None
}

struct Shape {
    words: usize,
    /// No lowercase letters: "THE PRESIDENT", "Q".
    caps: bool,
}

struct Parts<'a> {
    name: &'a str,
    role: Option<String>,
    interpreted: bool,
    shape: Shape,
}

impl Parts<'_> {
    fn speaker(&self) -> String {
        let name = collapse_ws(self.name);
        if self.shape.caps { title_case(&name) } else { name }
    }
}

/// Splits "NAME, ROLE (note)" and checks that the name looks like one.
fn label_parts(raw: &str, max_words: usize) -> Option<Parts<'_>> {
    let mut raw = raw;
    let mut note = None;
    let mut interpreted = false;
    if let Some(body) = raw.strip_suffix(')') {
        let open = body.rfind('(')?;
        let inner = body[open + 1..].trim();
        match note_kind(inner) {
            Some(Note::Interpreter) => interpreted = true,
            Some(Note::Sound) => {}
            Some(Note::Capitals) | None => note = Some(inner.to_owned()),
        }
        raw = body[..open].trim_end();
    }
    let (name, role) = match raw.split_once(',') {
        Some((name, role)) => (name.trim_end(), Some(role.trim())),
        None => (raw, None),
    };
    let shape = name_shape(name, max_words)?;
    let role = match role {
        Some(role) => Some(tidy_role(role, shape.caps)?),
        None => note.filter(|n| !n.is_empty()),
    };
    Some(Parts { name, role, interpreted, shape })
}

/// A name is a few words, each capitalised (or a particle such as "of"),
/// with dots only in abbreviations: "Mr. Smith", "PRIME MINISTER ISHIBA",
/// "Speaker 2". Anything else is a sentence that happens to hold a colon.
fn name_shape(name: &str, max_words: usize) -> Option<Shape> {
    if name.is_empty() || name.len() > 60 {
        return None;
    }
    let caps = !name.chars().any(char::is_lowercase);
    let mut words = 0;
    for w in name.split_whitespace() {
        words += 1;
        if words > max_words {
            return None;
        }
        if words > 1 && w.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let first = w.chars().next()?;
        let ok = first.is_alphabetic()
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            && (!w.contains('.') || is_abbreviation(w))
            && (caps || first.is_uppercase() || (words > 1 && PARTICLES.contains(&w)));
        if !ok {
            return None;
        }
    }
    (words > 0).then_some(Shape { words, caps })
}

/// "Mr.", "Sen.", "U.S.", "J." — not "Trump.", which ends a sentence.
fn is_abbreviation(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() <= 4 || word.split('.').all(|seg| seg.chars().count() <= 2)
}

fn is_title_abbreviation(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    TITLE_ABBREVIATIONS.iter().any(|t| t.eq_ignore_ascii_case(word))
}

fn tidy_role(role: &str, caps: bool) -> Option<String> {
    let allowed = |c: char| c.is_alphanumeric() || c.is_whitespace() || ".,-'’&/".contains(c);
    if role.is_empty() || role.len() > 100 || role.split_whitespace().count() > 12 || !role.chars().all(allowed) {
        return None;
    }
    if caps {
        // "JANE DOE, you said:" is speech, not a name and a role.
        (!role.chars().any(char::is_lowercase)).then(|| title_case(role))
    } else {
        role.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()).then(|| collapse_ws(role))
    }
}

fn make_label(parts: Parts<'_>, style: Style, text_at: usize) -> Option<Label> {
    let key = collapse_ws(parts.name);
    let lower = key.to_lowercase();
    let everyday = parts.shape.words == 1
        && !(parts.shape.caps && style == Style::Colon)
        && COMMON_OPENERS.contains(&lower.as_str());
    if everyday || HEADING_KEYS.contains(&lower.as_str()) {
        return None;
    }
    Some(Label {
        opener: Opener {
            speaker: parts.speaker(),
            role: parts.role,
            interpreted: parts.interpreted,
            start_ms: None,
            text_at,
        },
        style,
        qa: key == "Q" || key == "A",
        key,
        words: parts.shape.words,
        caps: parts.shape.caps,
    })
}

/// Which label-shaped openings are labels. ALL-CAPS colon labels and Q/A
/// always are. Mixed-case and "Label. " openings read just like the start
/// of an ordinary sentence ("President Trump. He said…"), so they count
/// only when the same label opens two paragraphs, or — in a file that
/// plainly uses that style, with two labels doing so — when it has at
/// least two words, or — once one label opens two paragraphs in that style —
/// when it starts with a title ("Prime Minister Ishiba." among "President
/// Trump." turns: a guest who speaks once). The file's first line opened by
/// a one-off label is its title ("Town Hall: Housing"), not a turn.
fn accept_labels(lines: &[&str], labels: Vec<Option<Label>>) -> Vec<Option<Opener>> {
    let mut counts: HashMap<(Style, &str), usize> = HashMap::new();
    for l in labels.iter().flatten() {
        *counts.entry((l.style, l.key.as_str())).or_default() += 1;
    }
    let established = |style: Style| counts.iter().filter(|((s, _), n)| *s == style && **n >= 2).count() >= 2;
    let established = [established(Style::Colon), established(Style::Period)];
    let in_use = |style: Style| counts.iter().any(|((s, _), n)| *s == style && *n >= 2);
    let in_use = [in_use(Style::Colon), in_use(Style::Period)];
    let titled = |key: &str| key.split_whitespace().next().is_some_and(|w| TITLES.contains(&w.to_lowercase()));
    let count: Vec<usize> = labels
        .iter()
        .map(|l| l.as_ref().map_or(0, |l| counts.get(&(l.style, l.key.as_str())).copied().unwrap_or(0)))
        .collect();
    let first = lines.iter().position(|l| !is_blank(l));
    labels
        .into_iter()
        .zip(count)
        .enumerate()
        .map(|(i, (l, n))| {
            let l = l?;
            let style = usize::from(l.style == Style::Period);
            let ok = l.qa
                || (l.style == Style::Colon && l.caps)
                || (Some(i) != first
                    && (n >= 2 || (established[style] && l.words >= 2) || (in_use[style] && titled(&l.key))))
                || (Some(i) == first && n >= 2);
            ok.then_some(l.opener)
        })
        .collect()
}

/// ALL-CAPS labels title-cased word by word: "MR. SMITH" → "Mr. Smith",
/// "PRESIDENT OF THE UNITED STATES" → "President of the United States",
/// while "U.S.", "CNN" and "Q" keep their capitals.
fn title_case(s: &str) -> String {
    s.split_whitespace().enumerate().map(|(i, w)| tidy_word(w, i == 0)).collect::<Vec<_>>().join(" ")
}

fn tidy_word(word: &str, first: bool) -> String {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    let no_vowel = !core.chars().any(|c| c.to_lowercase().any(|l| VOWELS.contains(l)));
    if letters <= 1 || core.contains('.') || ACRONYMS.contains(&core) || (no_vowel && !is_title_abbreviation(core)) {
        return word.to_owned();
    }
    if !first && SMALL_WORDS.contains(&core.to_lowercase().as_str()) {
        return word.to_lowercase();
    }
    capitalise(word)
}

/// Capitals at the start of the word and of each hyphenated part, and after
/// "O'", "D'" and "Mc": "O'BRIEN" → "O'Brien", "MCCONNELL" → "McConnell".
fn capitalise(word: &str) -> String {
    let mc = word.chars().filter(|c| c.is_alphabetic()).count() > 3 && word.to_uppercase().starts_with("MC");
    let mut out = String::with_capacity(word.len());
    let (mut upper_next, mut letters, mut part_letters) = (true, 0, 0);
    for c in word.chars() {
        if c.is_alphabetic() {
            if upper_next {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            letters += 1;
            part_letters += 1;
            upper_next = mc && letters == 2;
        } else {
            out.push(c);
            upper_next = c == '-' || (matches!(c, '\'' | '’') && part_letters == 1);
            if c == '-' {
                part_letters = 0;
            }
        }
    }
    out
}

const VOWELS: &str = "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ";

#[rustfmt::skip]
const ACRONYMS: &[&str] = &[
    "FBI", "CIA", "NATO", "EU", "UN", "UK", "USA", "US", "GOP", "NASA", "CEO", "CFO", "COO", "MP",
    "MEP", "ABC", "AP", "AFP", "VP", "DHS", "DOJ", "DOD", "IMF", "WTO", "OPEC", "UAE", "PM", "AI",
    "TV", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
];

#[rustfmt::skip]
const SMALL_WORDS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "to", "at", "by", "von", "van", "der", "de", "du", "da", "del",
    "di", "la", "le",
];

/// Lowercase words allowed inside a mixed-case name: "Prince of Wales",
/// "Ursula von der Leyen".
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "of", "the", "and", "de", "von", "van", "der", "den", "du", "da", "di", "del", "la", "le", "bin", "al", "y",
];

#[rustfmt::skip]
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "lt", "sgt", "cpl", "pvt", "capt", "col", "gen", "gov",
    "sen", "rep", "rev", "prof", "pres", "hon", "amb", "adm", "cmdr", "maj", "messrs", "mme", "mlle", "fr",
];

/// Field names that head a transcript ("Date: February 7, 2025") or
/// annotate it ("NOTE: …"); they are never speakers.
#[rustfmt::skip]
const HEADING_KEYS: &[&str] = &[
    "date", "time", "location", "place", "venue", "subject", "source", "note", "notes", "editor's note",
    "update", "updated", "correction", "copyright", "transcript", "rush transcript", "released", "release",
    "for immediate release", "embargoed", "contact", "media contact", "topics", "topic", "show", "aired",
    "title", "url", "program", "programme", "byline", "event", "duration", "language", "kind", "recorded",
    "published", "summary", "keywords", "tags", "link", "photo", "video", "audio", "watch", "read more",
    "related", "see also", "caption", "credit", "credits",
];

/// One-word sentences that open replies ("Yes. We will."); never taken for
/// a one-word mixed-case or period label.
#[rustfmt::skip]
const COMMON_OPENERS: &[&str] = &[
    "yes", "no", "well", "okay", "ok", "sure", "good", "great", "thanks", "right", "so", "absolutely",
    "exactly", "correct", "true", "again", "now", "oh", "look", "listen", "please", "fine", "anyway",
    "alright", "certainly", "indeed", "definitely", "perfect", "wow", "hello", "hi", "sorry", "agreed",
    "yeah", "yep", "nope", "maybe", "probably", "done", "next", "why", "what", "how", "who", "where",
    "when", "period", "always", "never", "everybody", "everyone", "finally", "first", "second", "third",
    "also", "otherwise", "congratulations", "welcome", "wait", "stop", "enough", "really", "seriously",
    "obviously", "here", "there", "remember", "today", "tonight", "together", "nothing", "everything",
];

// ---------------------------------------------------------------------------
// Stage directions

/// Directions are short; a longer bracketed run is someone's words.
const MAX_NOTE: usize = 160;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Note {
    /// "(As interpreted.)", "(Through interpreter)".
    Interpreter,
    /// "(Laughter.)", "[Inaudible]", "(Cross talk.)", "[14:00:00]".
    Sound,
    /// "(BEGIN VIDEO CLIP)", "(R-TX)": capitals are never transcribed speech.
    Capitals,
}

/// What a bracketed or parenthesised run is, if it is not speech.
fn note_kind(inner: &str) -> Option<Note> {
    let words: Vec<String> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let all_in = |set: &[&str]| words.iter().all(|w| set.contains(&w.as_str()));
    if words.is_empty() {
        return Some(Note::Sound);
    }
    if all_in(INTERPRETER_WORDS) && words.iter().any(|w| w.contains("interpret") || w.contains("translat")) {
        return Some(Note::Interpreter);
    }
    let sound = words.iter().all(|w| SOUND_WORDS.contains(&w.as_str()) || CONNECTORS.contains(&w.as_str()))
        && words.iter().any(|w| SOUND_WORDS.contains(&w.as_str()));
    if sound || is_clock(inner) {
        return Some(Note::Sound);
    }
    let capitals = inner.chars().filter(|c| c.is_uppercase()).count();
    (capitals >= 2 && !inner.chars().any(char::is_lowercase)).then_some(Note::Capitals)
}

/// A time of day: "14:00:00", "1:08 P.M. EST".
fn is_clock(s: &str) -> bool {
    let s = s.trim();
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let hours = digits(s);
    if !(1..=2).contains(&hours) {
        return false;
    }
    let mut rest = &s[hours..];
    let mut groups = 0;
    while let Some(r) = rest.strip_prefix(':') {
        if digits(r) != 2 {
            return false;
        }
        rest = &r[2..];
        groups += 1;
    }
    if let Some(r) = rest.strip_prefix('.') {
        rest = &r[digits(r)..];
    }
    (1..=2).contains(&groups)
        && rest.split_whitespace().all(|w| CLOCK_WORDS.contains(&w.trim_matches('.').to_lowercase().as_str()))
}

#[rustfmt::skip]
const CLOCK_WORDS: &[&str] = &[
    "", "am", "pm", "a.m", "p.m", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst",
    "pdt", "gmt", "utc", "bst", "cet", "cest", "jst", "kst", "local", "time", "hrs",
];

#[rustfmt::skip]
const INTERPRETER_WORDS: &[&str] = &[
    "as", "through", "via", "by", "an", "a", "the", "with", "speaking", "speaks", "voice", "of", "in",
    "english", "simultaneous", "consecutive", "spoken", "interpreter", "interpreters", "interpreted",
    "interpretation", "translator", "translators", "translated", "translation",
];

#[rustfmt::skip]
const SOUND_WORDS: &[&str] = &[
    "applause", "applauding", "applauds", "laughter", "laughs", "laughing", "laugh", "chuckles", "chuckling",
    "chuckle", "giggles", "inaudible", "unintelligible", "indiscernible", "indistinct", "crosstalk",
    "cross-talk", "cross", "talk", "talking", "overlapping", "simultaneous", "speakers", "music", "musical",
    "cheers", "cheering", "booing", "boos", "sighs", "sigh", "coughs", "coughing", "clears", "throat",
    "silence", "pause", "pauses", "break", "commercial", "begin", "end", "video", "audio", "clip",
    "videotape", "tape", "sound", "bite", "soundbite", "mic", "off-mic", "microphone", "camera",
    "on-camera", "off-camera", "voice-over", "gavel", "bell", "bells", "rings", "ringing", "phone",
    "noise", "background", "crowd", "chanting", "chants", "audience", "reacts", "gasps", "groans",
    "whistles", "whistling", "sobbing", "crying", "singing", "playing", "plays", "sic", "blank", "unclear",
    "garbled", "technical", "difficulties", "interruption", "interrupts", "recess", "recording",
    "mumbles", "whispers", "whispering", "shouting", "shouts", "yelling", "continues", "resumes",
    "bleep", "bleeped", "expletive", "deleted", "beep", "foreign", "language", "speaking", "claps",
    "clapping", "stammers", "sniffles", "nods",
];

#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "and", "of", "the", "a", "an", "in", "with", "on", "off", "over", "from", "to", "at", "by", "then",
    "no", "some",
];

struct Cleaned {
    text: String,
    interpreted: bool,
}

/// The spoken words of `s`: stage directions, clock stamps and sung lyrics
/// (between ♪ marks) removed, and the blanks they leave collapsed. Captions
/// bracket only sound descriptions, so there every `[...]` goes; in a
/// transcript a parenthesis that is speech ("the alliance (which we love)")
/// stays.
fn clean(s: &str, captions: bool) -> Cleaned {
    let b = s.as_bytes();
    let pairs = bracket_pairs(b);
    let mut out = String::with_capacity(s.len());
    let mut interpreted = false;
    let (mut i, mut kept) = (0, 0);
    while i < b.len() {
        let skip = match b[i] {
            b'(' | b'[' => pairs.get(&i).and_then(|&close| {
                let note = note_kind(&s[i + 1..close]);
                interpreted |= note == Some(Note::Interpreter);
                (note.is_some() || (captions && b[i] == b'[')).then_some(close + 1)
            }),
            0xE2 if is_music_note(b, i) => Some(s[i + 3..].find(['♪', '♫']).map_or(b.len(), |p| i + 3 + p + 3)),
            _ => None,
        };
        match skip {
            Some(next) => {
                out.push_str(&s[kept..i]);
                // "great [laughter], really" → "great, really".
                if s[next..].starts_with([',', '.', ';', ':', '!', '?']) {
                    out.truncate(out.trim_end().len());
                }
                i = next;
                kept = next;
            }
            None => i += 1,
        }
    }
    out.push_str(&s[kept..]);
    Cleaned { text: collapse_ws(&out), interpreted }
}

/// "♪" (U+266A) or "♫" (U+266B) at byte `i`.
fn is_music_note(b: &[u8], i: usize) -> bool {
    b.get(i + 1) == Some(&0x99) && matches!(b.get(i + 2), Some(0xAA | 0xAB))
}

/// Matching brackets no more than [`MAX_NOTE`] bytes apart, by the byte
/// offset of the opening one. Openers too far back to matter are dropped as
/// the scan goes, so a line of ten million "(" costs no more than its length.
fn bracket_pairs(b: &[u8]) -> HashMap<usize, usize> {
    let mut pairs = HashMap::new();
    let mut open: [VecDeque<usize>; 2] = Default::default();
    for (i, &x) in b.iter().enumerate() {
        let (kind, opening) = match x {
            b'(' => (0, true),
            b'[' => (1, true),
            b')' => (0, false),
            b']' => (1, false),
            _ => continue,
        };
        let stack = &mut open[kind];
        if opening {
            while stack.front().is_some_and(|&f| i - f > MAX_NOTE) {
                stack.pop_front();
            }
            stack.push_back(i);
        } else if let Some(o) = stack.pop_back()
            && i - o <= MAX_NOTE
        {
            pairs.insert(o, i);
        }
    }
    pairs
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The largest char boundary at or below `max`.
fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `s` shortened for an error message.
fn excerpt(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// Captions

/// One caption cue: its times and its text lines with their line numbers.
struct Cue<'a> {
    start: u64,
    end: u64,
    text: Vec<(u64, &'a str)>,
    /// The timing line, for a cue without text.
    line: u64,
}

/// A counter line followed by a timing line, or a timing line first.
fn is_srt(lines: &[&str]) -> bool {
    let Some(first) = lines.iter().position(|l| !is_blank(l)) else { return false };
    let head = lines[first].trim();
    (is_counter(head) && lines.get(first + 1).is_some_and(|l| is_timing_like(l)))
        || (head.contains("-->") && starts_like_time(head))
}

fn is_counter(s: &str) -> bool {
    !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_timing_like(line: &str) -> bool {
    line.contains("-->") || starts_like_time(line)
}

/// Digits, a colon and a digit: a timing line even when its arrow is missing.
fn starts_like_time(line: &str) -> bool {
    let s = line.trim_start();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && s[digits..].starts_with(':') && s.as_bytes().get(digits + 1).is_some_and(u8::is_ascii_digit)
}

/// Runs of non-blank lines from `from` on, with the index of their first line.
fn blocks<'l, 'a>(lines: &'l [&'a str], from: usize) -> Vec<(usize, &'l [&'a str])> {
    let mut out = Vec::new();
    let mut i = from;
    while i < lines.len() {
        if is_blank(lines[i]) {
            i += 1;
            continue;
        }
        let end = lines[i..].iter().position(|l| is_blank(l)).map_or(lines.len(), |p| i + p);
        out.push((i, &lines[i..end]));
        i = end;
    }
    out
}

fn vtt_cues<'a>(path: &str, lines: &[&'a str]) -> Result<Vec<Cue<'a>>, Error> {
    // The header ("WEBVTT", "Kind: captions", …) runs to the first blank line.
    let header_end = lines.iter().skip(1).position(|l| is_blank(l) || l.contains("-->")).map_or(lines.len(), |p| p + 1);
    let mut cues = Vec::new();
    for (at, block) in blocks(lines, header_end) {
        let first = block[0].trim_start();
        let keyword =
            |k: &str| first.strip_prefix(k).is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace));
        if keyword("NOTE") || keyword("STYLE") || keyword("REGION") {
            continue;
        }
        // The timing line is first, or second after a cue identifier.
        let window = &block[..block.len().min(2)];
        let timing =
            window.iter().position(|l| l.contains("-->")).or_else(|| window.iter().position(|l| starts_like_time(l)));
        match timing {
            Some(k) => cues.push(cue(path, at, block, k, Layout::WebVtt)?),
            None => stray(path, &mut cues, at, block, Layout::WebVtt)?,
        }
    }
    Ok(cues)
}

fn srt_cues<'a>(path: &str, lines: &[&'a str]) -> Result<Vec<Cue<'a>>, Error> {
    let mut cues = Vec::new();
    for (at, block) in blocks(lines, 0) {
        let first = block[0].trim();
        let timing = if is_counter(first) {
            if !block.get(1).is_some_and(|l| is_timing_like(l)) {
                let message = format!(
                    "cue number '{}' is not followed by a timing line (HH:MM:SS,mmm --> HH:MM:SS,mmm)",
                    excerpt(first, 12)
                );
                return Err(Error::new(path, Some(line_no(at)), message));
            }
            1
        } else if is_timing_like(first) {
            0
        } else {
            stray(path, &mut cues, at, block, Layout::Srt)?;
            continue;
        };
        cues.push(cue(path, at, block, timing, Layout::Srt)?);
    }
    Ok(cues)
}

fn cue<'a>(path: &str, at: usize, block: &[&'a str], timing: usize, layout: Layout) -> Result<Cue<'a>, Error> {
    let line = line_no(at + timing);
    let (start, end) = cue_timing(block[timing], layout).map_err(|m| Error::new(path, Some(line), m))?;
    let text = block[timing + 1..].iter().enumerate().map(|(j, l)| (line + 1 + j as u64, *l)).collect();
    Ok(Cue { start, end, text, line })
}

/// Text after a blank line inside a cue: caption tools leave such blank
/// lines, so it belongs to the cue before. Before any cue it has no time.
fn stray<'a>(path: &str, cues: &mut [Cue<'a>], at: usize, block: &[&'a str], layout: Layout) -> Result<(), Error> {
    let Some(last) = cues.last_mut() else {
        let message = format!("cue text without a timing line: a cue starts with {}", timing_format(layout));
        return Err(Error::new(path, Some(line_no(at)), message));
    };
    last.text.extend(block.iter().enumerate().map(|(j, l)| (line_no(at + j), *l)));
    Ok(())
}

fn timing_format(layout: Layout) -> &'static str {
    if layout == Layout::Srt { "HH:MM:SS,mmm --> HH:MM:SS,mmm" } else { "HH:MM:SS.mmm --> HH:MM:SS.mmm" }
}

fn cue_timing(line: &str, layout: Layout) -> Result<(u64, u64), String> {
    let shown = excerpt(line.trim(), 60);
    let wrong = |why: String| format!("cue timing '{shown}' is not {}: {why}", timing_format(layout));
    let Some((start_text, rest)) = line.split_once("-->") else {
        return Err(wrong("there is no '-->' between the start and the end".to_owned()));
    };
    let start_text = start_text.trim();
    // Cue settings ("align:start position:10%") may follow the end time.
    let end_text = rest.split_whitespace().next().unwrap_or_default();
    let start =
        timestamp(start_text).ok_or_else(|| wrong(format!("the start '{}' is not a time", excerpt(start_text, 20))))?;
    if end_text.is_empty() {
        return Err(wrong("the end time is missing".to_owned()));
    }
    let end = timestamp(end_text).ok_or_else(|| wrong(format!("the end '{}' is not a time", excerpt(end_text, 20))))?;
    if end < start {
        return Err(format!("cue timing '{shown}' ends before it starts: {end_text} is earlier than {start_text}"));
    }
    Ok((start, end))
}

/// "01:02:03.456" or "02:03.456"; SRT's comma is accepted in WebVTT and the
/// other way round, since converters mix them up.
fn timestamp(s: &str) -> Option<u64> {
    let (clock, millis) = s.rsplit_once(['.', ','])?;
    let millis = number(millis, 3, 3)?;
    let parts: Vec<&str> = clock.split(':').collect();
    let (h, m, sec) = match parts.as_slice() {
        [m, sec] => (0, number(m, 2, 2)?, number(sec, 2, 2)?),
        [h, m, sec] => (number(h, 1, 6)?, number(m, 2, 2)?, number(sec, 2, 2)?),
        _ => return None,
    };
    (m < 60 && sec < 60).then(|| ((h * 60 + m) * 60 + sec) * 1000 + millis)
}

#[derive(Default)]
struct Speaker {
    name: Option<String>,
    role: Option<String>,
    interpreted: bool,
}

/// What a piece of caption text says about who is speaking.
enum Change {
    /// Nothing: the current speaker goes on.
    Continue,
    /// A voice tag or NAME: prefix: a new turn unless that speaker is already talking.
    Switch(Speaker),
    /// ">>" or a dialogue dash: someone else speaks, named or not.
    Break(Speaker),
}

struct Chunk {
    change: Change,
    text: String,
    line: u64,
}

impl Chunk {
    fn new(change: Change, line: u64) -> Self {
        Chunk { change, text: String::new(), line }
    }
}

/// Captions split sentences across cues at will, so cues are merged into
/// turns: a cue that names no speaker continues the current turn (captioners
/// mark only the changes), and a turn ends where a different voice, a new
/// NAME:, ">>" or a dialogue dash begins.
fn read_captions(path: &str, lines: &[&str], layout: Layout) -> Result<Transcript, Error> {
    let vtt = layout == Layout::WebVtt;
    let cues = if vtt { vtt_cues(path, lines)? } else { srt_cues(path, lines)? };
    let shouting = mostly_capitals(&cues);
    let mut b = Builder::default();
    for cue in &cues {
        for chunk in cue_chunks(cue, vtt, shouting) {
            let cleaned = clean(&chunk.text, true);
            let new_turn = match &chunk.change {
                Change::Continue => b.pending.is_none() && !cleaned.text.is_empty(),
                Change::Switch(s) => b.pending.as_ref().is_none_or(|p| p.speaker != s.name),
                Change::Break(_) => true,
            };
            let speaker = match chunk.change {
                Change::Continue => Speaker::default(),
                Change::Switch(s) | Change::Break(s) => s,
            };
            if new_turn {
                b.begin(Pending::new(speaker.name, speaker.role, chunk.line, Some(cue.start)));
            }
            if let Some(p) = b.pending.as_mut() {
                p.interpreted |= speaker.interpreted || cleaned.interpreted;
                // A cue of only "[Applause]" neither extends nor starts a turn.
                if !cleaned.text.is_empty() {
                    p.add_words(&cleaned.text);
                    p.end_ms = Some(cue.end);
                }
            }
        }
    }
    Ok(b.into_transcript(layout, None, None))
}

/// Old broadcast captions are all capitals; there "WE'RE GOING TO: …" would
/// read as a speaker, so NAME: counts only after ">>".
fn mostly_capitals(cues: &[Cue<'_>]) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for (_, line) in cues.iter().flat_map(|c| &c.text) {
        for c in line.chars() {
            if c.is_uppercase() {
                upper += 1;
            } else if c.is_lowercase() {
                lower += 1;
            }
        }
    }
    upper >= 20 && lower * 10 < upper
}

/// A cue's text cut where the speaker may change.
fn cue_chunks(cue: &Cue<'_>, vtt: bool, shouting: bool) -> Vec<Chunk> {
    let first_line = cue.text.first().map_or(cue.line, |t| t.0);
    let mut chunks = vec![Chunk::new(Change::Continue, first_line)];
    for &(line, raw) in &cue.text {
        let mut line_start = true;
        for piece in pieces(raw, vtt) {
            let text = match piece {
                Piece::Voice(name) => {
                    chunks.push(Chunk::new(Change::Switch(Speaker { name: Some(name), ..Speaker::default() }), line));
                    continue;
                }
                Piece::Text(text) => text,
            };
            for (k, part) in text.split(">>").enumerate() {
                let mut part = part;
                if k > 0 {
                    let rest = part.trim_start_matches('>').trim_start();
                    let (speaker, rest) = caption_label(rest, true).unwrap_or((Speaker::default(), rest));
                    chunks.push(Chunk::new(Change::Break(speaker), line));
                    part = rest;
                    line_start = false;
                } else if line_start && !part.trim().is_empty() {
                    line_start = false;
                    let trimmed = part.trim_start();
                    // A dash right after a voice tag or ">>" marks the same change.
                    let fresh = chunks
                        .last()
                        .is_some_and(|c| c.text.trim().is_empty() && !matches!(c.change, Change::Continue));
                    if let Some(rest) = dialogue_dash(trimmed) {
                        if !fresh {
                            chunks.push(Chunk::new(Change::Break(Speaker::default()), line));
                        }
                        part = rest;
                    } else if !shouting && let Some((speaker, rest)) = caption_label(trimmed, false) {
                        chunks.push(Chunk::new(Change::Switch(speaker), line));
                        part = rest;
                    }
                }
                if let Some(last) = chunks.last_mut() {
                    last.text.push_str(part);
                }
            }
        }
        if let Some(last) = chunks.last_mut() {
            last.text.push(' ');
        }
    }
    chunks
}

/// "- Are you coming?" in a two-line cue: each dash is another speaker.
fn dialogue_dash(s: &str) -> Option<&str> {
    let rest = s.strip_prefix(['-', '–'])?;
    rest.starts_with(char::is_whitespace).then(|| rest.trim_start())
}

/// "JANE DOE: text" at the start of a caption line. After ">>" a
/// mixed-case "Jane Doe:" counts too, since ">>" already says a new
/// speaker begins.
fn caption_label(s: &str, after_chevrons: bool) -> Option<(Speaker, &str)> {
    let label = colon_label(s)?;
    if !(label.caps || after_chevrons) {
        return None;
    }
    let rest = s.get(label.opener.text_at..).unwrap_or_default();
    let o = label.opener;
    Some((Speaker { name: Some(o.speaker), role: o.role, interpreted: o.interpreted }, rest))
}

enum Piece {
    Voice(String),
    Text(String),
}

/// A caption line with its markup read: voice tags kept as speakers, other
/// tags (`<i>`, `<c.x>`, `<00:00:01.000>`, SRT's `<font>` and `{\an8}`)
/// dropped, and WebVTT's character references decoded.
fn pieces(line: &str, vtt: bool) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = line;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let tag_len = match after.find(['<', '>']) {
            Some(end)
                if after[end..].starts_with('>')
                    && after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '/') =>
            {
                end
            }
            // A "<" that opens no tag is text ("x < y").
            _ => {
                text.push('<');
                rest = after;
                continue;
            }
        };
        if vtt && let Some(name) = voice_name(&after[..tag_len]) {
            flush_text(&mut out, &mut text, vtt);
            out.push(Piece::Voice(name));
        }
        rest = &after[tag_len + 1..];
    }
    text.push_str(rest);
    flush_text(&mut out, &mut text, vtt);
    out
}

fn flush_text(out: &mut Vec<Piece>, text: &mut String, vtt: bool) {
    if !text.is_empty() {
        out.push(Piece::Text(if vtt { decode_entities(text) } else { strip_overrides(text) }));
        text.clear();
    }
}

/// "v Jane Doe" or "v.loud Jane Doe" → "Jane Doe".
fn voice_name(tag: &str) -> Option<String> {
    let rest = tag.strip_prefix('v')?;
    if !rest.starts_with([' ', '\t', '.']) {
        return None;
    }
    let (_, name) = rest.split_once([' ', '\t'])?;
    let name = collapse_ws(name);
    (!name.is_empty()).then_some(name)
}

/// SRT files from subtitle editors carry ASS overrides such as `{\an8}`.
fn strip_overrides(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("{\\") {
        let Some(close) = rest[open..].find('}') else { break };
        out.push_str(&rest[..open]);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.char_indices().take(10).find(|&(_, c)| c == ';').map(|(i, _)| i);
        match semi.and_then(|semi| Some((entity(&after[..semi])?, semi))) {
            Some((decoded, semi)) => {
                out.extend(decoded);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference stands for; `Some(None)` for the direction
/// marks, which stand for nothing visible.
fn entity(name: &str) -> Option<Option<char>> {
    Some(match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "nbsp" => Some('\u{a0}'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "lrm" | "rlm" => None,
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            Some(char::from_u32(code)?)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each turn's speaker and spoken text, checking on the way that the
    /// text is exactly the turns joined.
    fn turns(t: &Transcript) -> Vec<(Option<&str>, &str)> {
        assert_invariants(t);
        t.turns.iter().map(|turn| (turn.speaker.as_deref(), &t.text[turn.span.clone()])).collect()
    }

    fn assert_invariants(t: &Transcript) {
        let mut joined = String::new();
        for (i, turn) in t.turns.iter().enumerate() {
            let text = t.text.get(turn.span.clone()).expect("span on char boundaries inside the text");
            assert!(!text.trim().is_empty(), "turn {i} is empty");
            assert!(!text.contains(PARAGRAPH_BREAK), "turn {i} holds a turn break: {text:?}");
            assert_eq!(text, text.trim(), "turn {i} has blanks at its ends");
            if i > 0 {
                joined.push_str(PARAGRAPH_BREAK);
            }
            joined.push_str(text);
        }
        assert_eq!(joined, t.text);
    }

    fn ok(text: &str) -> Transcript {
        parse("t.txt", text).expect("parses")
    }

    #[test]
    fn layout_names() {
        let names: Vec<_> =
            [Layout::Transcript, Layout::Interview, Layout::WebVtt, Layout::Srt].map(Layout::as_str).into();
        assert_eq!(names, ["transcript", "interview", "webvtt", "srt"]);
    }

    #[test]
    fn official_colon_fixture() {
        let t = ok(include_str!("../../tests/fixtures/transcripts/official-colon.txt"));
        assert_eq!(t.layout, Layout::Transcript);
        assert_eq!(t.title.as_deref(), Some("OFFICE OF THE GOVERNOR"));
        assert_eq!(t.date.as_deref(), Some("2025-03-12"));
        assert_eq!(
            turns(&t),
            [
                (
                    Some("Governor Marsh"),
                    "Good morning, everyone. Thank you. It is a good day for Portsmouth.\n\
                     The bridge carried forty thousand cars a day before the flood, and it will carry more now."
                ),
                (Some("Mayor Rivera"), "Thank you, Governor. Our city waited two long years for this morning."),
                (Some("Q"), "Governor, how much did the repairs cost, and who is paying for them?"),
                (
                    Some("Governor Marsh"),
                    "The final figure is 212 million dollars. The state covered most of it \
                     (the federal share came later), and the city paid the rest."
                ),
                (Some("Q"), "Mayor, will the ferry service continue?"),
                (Some("Mayor Rivera"), "We will keep it running until the end of the summer season."),
                (Some("Mr. Okafor"), "One more question, please."),
                (Some("Q"), "Thank you. When will the toll booths open?"),
                (Some("Governor Marsh"), "Not this year."),
            ]
        );
        let interpreted: Vec<bool> = t.turns.iter().map(|turn| turn.interpreted).collect();
        assert_eq!(interpreted, [false, true, false, false, false, true, false, false, false]);
        assert_eq!(t.turns[0].line, 12);
        assert!(t.turns.iter().all(|turn| turn.start_ms.is_none() && turn.role.is_none()));
        assert!(!t.text.contains("END") && !t.text.contains("10:15"));
    }

    #[test]
    fn official_period_fixture() {
        let t = ok(include_str!("../../tests/fixtures/transcripts/official-period.txt"));
        assert_eq!(t.layout, Layout::Transcript);
        assert_eq!(
            t.title.as_deref(),
            Some("The Governor's News Conference With Mayor Tomas Rivera in Portsmouth, Oregon")
        );
        assert_eq!(t.date.as_deref(), Some("2025-03-12"));
        assert_eq!(
            turns(&t),
            [
                (
                    Some("Governor Marsh"),
                    "Thank you all for coming. I want to begin with the people who rebuilt this bridge.\n\
                     They worked through two winters. Some of them are here today."
                ),
                (Some("Mayor Rivera"), "Thank you, Governor. The city is grateful."),
                (Some("Q"), "Governor, is the bridge safe for heavy trucks?"),
                (
                    Some("Governor Marsh"),
                    "Yes. The engineers signed off last week, and the load tests were done in February.\n\
                     Yes. And it will stay that way."
                ),
                (Some("Q"), "Mayor, what happens to the ferry?"),
                (Some("Mayor Rivera"), "It runs until September. After that, we will see."),
                (Some("Governor Marsh"), "One last thing. The toll will not start this year."),
            ]
        );
    }

    #[test]
    fn interview_fixture() {
        let t = ok(include_str!("../../tests/fixtures/transcripts/interview.txt"));
        assert_eq!(t.layout, Layout::Interview);
        assert_eq!(t.title.as_deref(), Some("Interview with Dr. Priya Natarajan, Harbor Bridge chief engineer"));
        assert_eq!(t.date.as_deref(), Some("2025-03-10"));
        let got = turns(&t);
        assert_eq!(got.len(), 8);
        assert_eq!(
            got[1],
            (
                Some("Priya Natarajan"),
                "It started with a phone call at two in the morning. The river had risen four meters \
                 overnight, and one of the piers had moved.\nWe closed the bridge before sunrise."
            )
        );
        assert_eq!(got[2], (Some("Sam Whitfield"), "That must have been a long night."));
        assert_eq!(got[3], (Some("Priya Natarajan"), "It was a long year, honestly. But the crew never complained."));
        assert_eq!(got[7], (Some("Priya Natarajan"), "Thank you for having me."));
        let times: Vec<_> = t.turns.iter().map(|turn| (turn.start_ms, turn.end_ms)).collect();
        assert_eq!(times[0], (Some(4_000), Some(11_000)));
        assert_eq!(times[1], (Some(11_000), Some(32_000)));
        assert_eq!(times[7], (Some(82_000), None));
        assert_eq!(t.turns[0].line, 4);
    }

    #[test]
    fn interview_short_timestamps_and_hours() {
        let t = ok("Jane Doe (01:23): Hello there.\nBob Roe (1:02:03.5):\nHi, Jane.\n");
        assert_eq!(turns(&t), [(Some("Jane Doe"), "Hello there."), (Some("Bob Roe"), "Hi, Jane.")]);
        assert_eq!(t.turns[0].start_ms, Some(83_000));
        assert_eq!(t.turns[0].end_ms, Some(3_723_500));
        assert_eq!(t.turns[1].start_ms, Some(3_723_500));
    }

    #[test]
    fn webvtt_fixture() {
        let t = ok(include_str!("../../tests/fixtures/transcripts/captions.vtt"));
        assert_eq!(t.layout, Layout::WebVtt);
        assert_eq!((t.title.as_deref(), t.date.as_deref()), (None, None));
        assert_eq!(
            turns(&t),
            [
                (Some("Elena Marsh"), "Good morning, everyone, and thank you for coming out on a cold & windy day."),
                (Some("Tomas Rivera"), "Thank you, Governor! Two years we waited. Two long years."),
                (Some("Elena Marsh"), "And the bridge is open today."),
            ]
        );
        let times: Vec<_> = t.turns.iter().map(|turn| (turn.start_ms, turn.end_ms, turn.line)).collect();
        assert_eq!(
            times,
            [(Some(1_000), Some(6_000), 9), (Some(8_000), Some(13_000), 21), (Some(13_500), Some(16_000), 28)]
        );
    }

    #[test]
    fn srt_fixture() {
        let t = ok(include_str!("../../tests/fixtures/transcripts/captions.srt"));
        assert_eq!(t.layout, Layout::Srt);
        assert_eq!(
            turns(&t),
            [
                (Some("Dana Park"), "Good evening. The Harbor Bridge reopened this morning after two years."),
                (None, "It feels like the town can breathe again."),
                (None, "We drove over it twice already!"),
                (Some("Dana Park"), "Governor Elena Marsh spoke at the ceremony."),
                (Some("Elena Marsh"), "This bridge belongs to everyone who waited for it."),
                (None, "Did you cross it yet?"),
                (None, "Not yet, tomorrow."),
            ]
        );
        assert_eq!((t.turns[0].start_ms, t.turns[0].end_ms), (Some(500), Some(5_900)));
        assert_eq!((t.turns[5].start_ms, t.turns[6].start_ms), (Some(17_000), Some(17_000)));
    }

    #[test]
    fn malformed_fixture_names_its_timing_line() {
        let err = parse("malformed.vtt", include_str!("../../tests/fixtures/transcripts/malformed.vtt")).unwrap_err();
        assert_eq!(err.line, Some(12));
        assert_eq!(err.path, "malformed.vtt");
        assert!(
            err.message.starts_with("cue timing '00:00:07.000 --> 00:00:1x.000' is not HH:MM:SS.mmm --> HH:MM:SS.mmm")
        );
        assert!(err.message.contains("the end '00:00:1x.000' is not a time"), "{}", err.message);
    }

    #[test]
    fn stage_directions_go_and_speech_parentheses_stay() {
        let t = ok("PRESIDENT LANG: Thank you. [Laughter] The alliance (which we love) is strong. (Applause.)\n\n\
             (BEGIN VIDEO CLIP)\n\n\
             [14:00:00]\n\n\
             We met (inaudible) twice [Inaudible], and (Cross talk.) agreed.\n\n\
             (END VIDEO CLIP)\n\n\
             Q: Really? (laughs) Yes.\n");
        assert_eq!(
            turns(&t),
            [
                (
                    Some("President Lang"),
                    "Thank you. The alliance (which we love) is strong.\nWe met twice, and agreed."
                ),
                (Some("Q"), "Really? Yes."),
            ]
        );
    }

    #[test]
    fn clean_keeps_speech_and_drops_directions() {
        let c = |s| clean(s, false).text;
        assert_eq!(c("Japan (and Korea) too"), "Japan (and Korea) too");
        assert_eq!(c("it was [the treaty] that mattered"), "it was [the treaty] that mattered");
        assert_eq!(c("great [laughter], really"), "great, really");
        assert_eq!(c("at (1:08 p.m.) we left (Laughter and applause.)"), "at we left");
        assert_eq!(c("(unclosed paren and [bracket"), "(unclosed paren and [bracket");
        assert_eq!(c("♪ la la ♪ Hello"), "Hello");
        assert!(clean("(Through interpreter) Hello.", false).interpreted);
        assert!(!clean("(which I will translate later) Hello.", false).interpreted);
        assert_eq!(clean("[door slams] Hi (door slams)", true).text, "Hi (door slams)");
    }

    #[test]
    fn one_period_opener_is_not_a_label() {
        let news = "GOVERNOR MARSH: We are done.\n\n\
                    President Trump. The remark drew laughter from the crowd.\n\n\
                    MAYOR RIVERA: Thank you.\n";
        assert_eq!(
            turns(&ok(news)),
            [
                (Some("Governor Marsh"), "We are done.\nPresident Trump. The remark drew laughter from the crowd."),
                (Some("Mayor Rivera"), "Thank you."),
            ]
        );
        let err = parse("news.txt", "Washington.\n\nPresident Trump. He spoke at noon.\n").unwrap_err();
        assert!(err.message.starts_with("no speaker turns found"));
        // The same label twice is a transcript's.
        let t = ok("President Trump. Hello.\n\nPresident Trump. Goodbye.\n");
        assert_eq!(turns(&t), [(Some("President Trump"), "Hello."), (Some("President Trump"), "Goodbye.")]);
        // "Yes." opening two paragraphs is still a reply, not a speaker.
        let t =
            ok("Q. Ready?\n\nThe President. Yes. Ready.\n\nYes. Always.\n\nQ. Sure?\n\nThe President. Yes. I am.\n");
        assert_eq!(t.turns.len(), 4);
        assert_eq!(&t.text[t.turns[1].span.clone()], "Yes. Ready.\nYes. Always.");
    }

    #[test]
    fn established_period_style_takes_a_one_off_label() {
        let t = ok("Prime Minister Ishiba. Hello.\n\nPresident Lang. Hi.\n\n\
                    Prime Minister Ishiba. Thanks.\n\nPresident Lang. Yes.\n\n\
                    Press Secretary Hale. One more question.\n");
        let speakers: Vec<_> = t.turns.iter().map(|turn| turn.speaker.as_deref()).collect();
        assert_eq!(speakers.last(), Some(&Some("Press Secretary Hale")));
    }

    #[test]
    fn a_titled_guest_who_speaks_once_is_a_turn() {
        let t = ok("President Lang. Thank you.\n\nIt is an honour.\n\nPrime Minister Aldana. Thank you.\n\n\
                    President Lang. We remember that day.\n\nBoston Harbor. It was cold that morning.\n");
        let speakers: Vec<_> = t.turns.iter().map(|turn| turn.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("President Lang"), Some("Prime Minister Aldana"), Some("President Lang")]);
        assert!(t.text.contains("Boston Harbor. It was cold"), "an untitled one-off opening stays words: {}", t.text);
    }

    #[test]
    fn mixed_case_colon_labels() {
        let t = ok("Town Hall: Housing in Springfield\n\nMr. Smith: Welcome.\nJane Doe: Thanks.\n\
                    Mr. Smith: First question.\nJane Doe: Go ahead.\nSpeaker 2: Me?\n");
        assert_eq!(t.title.as_deref(), Some("Town Hall: Housing in Springfield"));
        let speakers: Vec<_> = t.turns.iter().filter_map(|turn| turn.speaker.as_deref()).collect();
        assert_eq!(speakers, ["Mr. Smith", "Jane Doe", "Mr. Smith", "Jane Doe", "Speaker 2"]);
        // A sentence with a colon is not a label.
        let t = ok("MR. SMITH: Hello.\nHere is the thing: we wait.\nLook: it works.\n");
        assert_eq!(turns(&t), [(Some("Mr. Smith"), "Hello.\nHere is the thing: we wait.\nLook: it works.")]);
    }

    #[test]
    fn cnn_label_with_role_and_interpreter() {
        let t = ok("CNN NEWSROOM\nAired February 7, 2025 - 10:00 ET\n\n\
                    DONALD TRUMP, PRESIDENT OF THE UNITED STATES: We had a great meeting.\n\n\
                    SOARES: And the prime minister answered.\n\n\
                    SHIGERU ISHIBA, JAPANESE PRIME MINISTER (through translator): We agreed on a golden age.\n\n\
                    UNIDENTIFIED MALE: (through interpreter) Thank you.\n");
        assert_eq!(t.title.as_deref(), Some("CNN NEWSROOM"));
        assert_eq!(t.date.as_deref(), Some("2025-02-07"));
        let got: Vec<_> =
            t.turns.iter().map(|turn| (turn.speaker.as_deref(), turn.role.as_deref(), turn.interpreted)).collect();
        assert_eq!(
            got,
            [
                (Some("Donald Trump"), Some("President of the United States"), false),
                (Some("Soares"), None, false),
                (Some("Shigeru Ishiba"), Some("Japanese Prime Minister"), true),
                (Some("Unidentified Male"), None, true),
            ]
        );
        assert_eq!(&t.text[t.turns[3].span.clone()], "Thank you.");
    }

    #[test]
    fn interpreted_turn_in_official_transcript() {
        let t = ok("[Provisional translation]\n\nPRIME MINISTER ABE: (As interpreted.) On the 1st, we met.\n\n\
                    PRESIDENT LANG: Thank you.\n");
        assert_eq!(t.title.as_deref(), Some("[Provisional translation]"));
        assert_eq!(
            turns(&t),
            [(Some("Prime Minister Abe"), "On the 1st, we met."), (Some("President Lang"), "Thank you.")]
        );
        assert!(t.turns[0].interpreted && !t.turns[1].interpreted);
    }

    #[test]
    fn labels_are_tidied() {
        assert_eq!(title_case("MR. SMITH"), "Mr. Smith");
        assert_eq!(title_case("U.S. TRADE REPRESENTATIVE"), "U.S. Trade Representative");
        assert_eq!(title_case("Q"), "Q");
        assert_eq!(title_case("SEN. MITCH MCCONNELL"), "Sen. Mitch McConnell");
        assert_eq!(title_case("CONAN O'BRIEN"), "Conan O'Brien");
        assert_eq!(title_case("JEAN-PIERRE DE LA CRUZ"), "Jean-Pierre de la Cruz");
        assert_eq!(title_case("CNN CHIEF CORRESPONDENT"), "CNN Chief Correspondent");
        assert_eq!(title_case("DR. JOSÉ ÁLVAREZ"), "Dr. José Álvarez");
        let t = ok("THE WHITE HOUSE\nOffice of the Press Secretary\n\nTHE PRESIDENT:  Thank you.\n\n\
                    Q    Mr. President, one question.\n\nMS. LEE: Last one.\n");
        let speakers: Vec<_> = t.turns.iter().filter_map(|turn| turn.speaker.as_deref()).collect();
        assert_eq!(speakers, ["The President", "Q", "Ms. Lee"]);
        assert_eq!(&t.text[t.turns[1].span.clone()], "Mr. President, one question.");
    }

    #[test]
    fn heading_and_end_are_not_speech() {
        let t = ok("THE WHITE HOUSE\nOffice of the Press Secretary\nEast Room\n7 February 2025\n1:08 P.M. EST\n\n\
                    THE PRESIDENT: Thank you very much.\n\
                    It is an honor.\n\nEND 2:05 P.M. EST\n\nTHE WHITE HOUSE\n");
        assert_eq!(t.title.as_deref(), Some("THE WHITE HOUSE"));
        assert_eq!(t.date.as_deref(), Some("2025-02-07"));
        assert_eq!(turns(&t), [(Some("The President"), "Thank you very much.\nIt is an honor.")]);
    }

    #[test]
    fn wrapped_lines_join_and_a_direction_may_span_them() {
        let t = ok("JANE DOE: We went to the\ncapital and (Laughter and\napplause.) met the\nminister.\n");
        assert_eq!(turns(&t), [(Some("Jane Doe"), "We went to the capital and met the minister.")]);
    }

    #[test]
    fn caption_cues_merge_into_turns() {
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nThe bridge\n\n00:02.000 --> 00:03.500\nis open.\n\n\
                   00:03.500 --> 00:05.000\n<v Ann Lee>Good.\n\n00:05.000 --> 00:06.000\n<v Ann Lee>Very good.</v>\n";
        let t = ok(vtt);
        assert_eq!(turns(&t), [(None, "The bridge is open."), (Some("Ann Lee"), "Good. Very good.")]);
        assert_eq!((t.turns[0].start_ms, t.turns[0].end_ms), (Some(1_000), Some(3_500)));
        assert_eq!((t.turns[1].start_ms, t.turns[1].end_ms), (Some(3_500), Some(6_000)));
    }

    #[test]
    fn voice_tags_markup_and_entities() {
        let vtt = "WEBVTT - town hall\n\nNOTE this is\na note\n\nSTYLE\n::cue { color: red }\n\n\
                   intro\n00:00:00.000 --> 00:00:02.000 line:0\n\
                   <v.loud Ann Lee><i>Tom</i> &amp; I <c.yellow>agree</c>&nbsp;&lt;mostly&gt;.</v> \
                   <00:00:01.500><v Tom Ng>We do.</v>\n";
        let t = ok(vtt);
        assert_eq!(t.title, None);
        assert_eq!(turns(&t), [(Some("Ann Lee"), "Tom & I agree <mostly>."), (Some("Tom Ng"), "We do.")]);
    }

    #[test]
    fn chevrons_and_names_change_speakers() {
        let srt = "1\n00:00:01,000 --> 00:00:03,000\n>> ANN LEE: Hello. >> Hi, Ann.\n\n\
                   2\n00:00:03,000 --> 00:00:04,000\n>>> Jane Doe: Evening.\n\n\
                   3\n00:00:04,000 --> 00:00:05,000\nstill Jane.\n";
        let t = ok(srt);
        assert_eq!(
            turns(&t),
            [(Some("Ann Lee"), "Hello."), (None, "Hi, Ann."), (Some("Jane Doe"), "Evening. still Jane.")]
        );
        assert_eq!(t.turns[2].end_ms, Some(5_000));
    }

    #[test]
    fn all_capitals_captions_take_names_only_after_chevrons() {
        let srt = "1\n00:00:01,000 --> 00:00:03,000\n>> ANN LEE: WE WILL SEE. HERE IS WHAT\n\n\
                   2\n00:00:03,000 --> 00:00:04,000\nWE KNOW: THE BRIDGE IS OPEN.\n";
        assert_eq!(turns(&ok(srt)), [(Some("Ann Lee"), "WE WILL SEE. HERE IS WHAT WE KNOW: THE BRIDGE IS OPEN.")]);
    }

    #[test]
    fn bad_timing_lines_are_reported_with_their_line() {
        let err = parse("a.vtt", "WEBVTT\n\n1\n00:01:xx.000 --> 00:01:05.000\nHello.\n").unwrap_err();
        assert_eq!(err.line, Some(4));
        assert_eq!(
            err.message,
            "cue timing '00:01:xx.000 --> 00:01:05.000' is not HH:MM:SS.mmm --> HH:MM:SS.mmm: \
             the start '00:01:xx.000' is not a time"
        );
        let err = parse("a.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA.\n\n00:00:05.000 00:00:06.000\nB.\n")
            .unwrap_err();
        assert_eq!(err.line, Some(6));
        assert!(err.message.ends_with("there is no '-->' between the start and the end"), "{}", err.message);
        let err = parse("a.srt", "1\n00:00:09,000 --> 00:00:08,000\nA.\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert_eq!(
            err.message,
            "cue timing '00:00:09,000 --> 00:00:08,000' ends before it starts: 00:00:08,000 is earlier than 00:00:09,000"
        );
        let err = parse("a.srt", "1\n00:00:01,000 --> 00:00:02,000\nA.\n\n2\n00:00:02,000 --> \nB.\n").unwrap_err();
        assert_eq!(err.line, Some(6));
        assert!(err.message.ends_with("the end time is missing"), "{}", err.message);
        assert_eq!(err.to_string().split(':').take(2).collect::<Vec<_>>(), ["a.srt", "6"]);
    }

    #[test]
    fn srt_counter_without_timing_is_reported() {
        let err = parse("b.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\nNo timing here.\n").unwrap_err();
        assert_eq!(err.line, Some(5));
        assert_eq!(err.message, "cue number '2' is not followed by a timing line (HH:MM:SS,mmm --> HH:MM:SS,mmm)");
        let err = parse("c.srt", "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n").unwrap_err();
        assert_eq!(err.line, Some(5));
    }

    #[test]
    fn text_before_any_cue_is_reported() {
        let err = parse("d.vtt", "WEBVTT\n\nHello there.\n\n00:00:01.000 --> 00:00:02.000\nHi.\n").unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.starts_with("cue text without a timing line"));
    }

    #[test]
    fn no_turns_is_an_error_naming_the_file() {
        for text in ["", "\u{feff}", "Just a news story.\n\nIt has no speakers at all.\n"] {
            let err = parse("story.txt", text).unwrap_err();
            assert_eq!((err.path.as_str(), err.line), ("story.txt", None));
            assert!(err.message.starts_with("no speaker turns found: expected WebVTT or SRT"), "{}", err.message);
        }
        let err = parse("m.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n[Music]\n").unwrap_err();
        assert!(err.to_string().starts_with("m.vtt: no speaker turns found: every cue"), "{err}");
    }

    #[test]
    fn bom_and_crlf() {
        let t = ok("\u{feff}WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v Ann Lee>Hello\r\nthere.\r\n");
        assert_eq!(turns(&t), [(Some("Ann Lee"), "Hello there.")]);
        assert_eq!(t.turns[0].line, 4);
        let t = ok("\u{feff}Briefing\r\n\r\nMS. LEE: Good\r\nmorning.\r\n\r\nQ: Hi.\r\n");
        assert_eq!(t.title.as_deref(), Some("Briefing"));
        assert_eq!(turns(&t), [(Some("Ms. Lee"), "Good morning."), (Some("Q"), "Hi.")]);
        assert_eq!(t.turns[1].line, 6);
        let t = ok("\u{feff}1\r\n00:00:01,000 --> 00:00:02,000\r\n- Yes.\r\n- No.\r\n");
        assert_eq!(turns(&t), [(None, "Yes."), (None, "No.")]);
        let t = ok("JANE DOE: One.\rBOB ROE: Two.\r");
        assert_eq!(turns(&t), [(Some("Jane Doe"), "One."), (Some("Bob Roe"), "Two.")]);
    }

    #[test]
    fn spans_locate_every_turn() {
        for text in [
            include_str!("../../tests/fixtures/transcripts/official-colon.txt"),
            include_str!("../../tests/fixtures/transcripts/official-period.txt"),
            include_str!("../../tests/fixtures/transcripts/interview.txt"),
            include_str!("../../tests/fixtures/transcripts/captions.vtt"),
            include_str!("../../tests/fixtures/transcripts/captions.srt"),
        ] {
            let t = ok(text);
            for turn in &t.turns {
                let spoken = &t.text[turn.span.clone()];
                assert!(!spoken.contains(['[', '♪']) && !spoken.contains("-->"), "{spoken:?}");
            }
            assert_invariants(&t);
        }
    }

    /// Long single lines of markup-like characters: a scan that went back
    /// over the line for each bracket or tag would not finish here.
    #[test]
    fn long_lines_of_markup() {
        for unit in ["(", "[", "(a) ", "<", "<v ", "&", "{\\", "♪ ", "JANE: (", "Q. ", ">> ", "a (b [c) d] "] {
            let line = unit.repeat((256 << 10) / unit.len());
            never_panics(&line);
            never_panics(&format!("WEBVTT\n\n00:01.000 --> 00:02.000\n{line}\n"));
            never_panics(&format!("JANE DOE: {line}"));
        }
    }

    const FRAGMENTS: &[&str] = &[
        "WEBVTT\n",
        "\u{feff}",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "1\n",
        "12",
        "00:00:01.000 --> 00:00:02.000\n",
        "00:00:02,000 --> 00:00:01,000\n",
        "01:23.456 --> 01:24.000 align:start\n",
        "-->",
        "00:",
        "<v Jane Doe>",
        "<v.loud Bob>",
        "</v>",
        "<i>",
        "<",
        ">",
        ">>",
        "- ",
        "JANE DOE: ",
        "Q: ",
        "Q. ",
        "Q\t",
        "President Trump. ",
        "The President. ",
        "Jane Doe (00:01:23):",
        "(01:23)",
        "(",
        ")",
        "[",
        "]",
        "(Laughter.)",
        "[14:00:00]",
        "(As interpreted.)",
        "♪",
        "&amp;",
        "&#x1F600;",
        "&#99999999;",
        "&",
        ";",
        "END",
        "END 2:05 P.M. EST",
        "NOTE ",
        "é",
        "日本:",
        " ",
        "Thank you.",
        ":",
        ".",
        ",",
        "DONALD TRUMP, PRESIDENT OF THE UNITED STATES: ",
        "February 7, 2025",
        "2025-02-07",
        "{\\an8}",
        "MR. ",
        "O'",
        "Mc",
    ];

    fn never_panics(text: &str) {
        if let Ok(t) = parse("fuzz", text) {
            assert!(!t.turns.is_empty());
            assert_invariants(&t);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,300}") {
            never_panics(&text);
        }

        #[test]
        fn never_panics_on_layout_pieces(
            parts in proptest::collection::vec(proptest::sample::select(FRAGMENTS.to_vec()), 0..60)
        ) {
            never_panics(&parts.concat());
        }
    }
}
