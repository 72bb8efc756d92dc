//! Finding quotations by their marks: straight and curly double and single
//! quotes, `''…''` (newspaper archives), «…», „…“, 「…」 and 『…』; quotes
//! broken by a line break, and quotations that run over several paragraphs
//! (each continued paragraph reopens the quote, by convention). Apostrophes
//! ("it's", "Korea’s", "the '90s") are never taken for quote marks.
//!
//! One pass over the text, a stack of open marks; linear in the input.

use std::ops::Range;

/// Families of marks that pair with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `"`, `“ ”`, `„`, `''`.
    Double,
    /// `'`, `‘ ’`, `‚`.
    Single,
    /// `« »`, `‹ ›`.
    Guillemet,
    /// `「 」`.
    Corner,
    /// `『 』`.
    WhiteCorner,
}

/// A quotation found by its marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark.
    pub close: usize,
    /// The quoted words, one range per paragraph they run over.
    pub pieces: Vec<Range<usize>>,
    /// Index of the paragraph holding the opening mark.
    pub first_paragraph: usize,
    /// Index of the paragraph holding the closing mark.
    pub last_paragraph: usize,
    /// Family of the marks.
    pub family: Family,
}

impl Span {
    /// Start of the quoted words.
    pub fn start(&self) -> usize {
        self.pieces[0].start
    }

    /// End of the quoted words.
    pub fn end(&self) -> usize {
        self.pieces[self.pieces.len() - 1].end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    /// `"` or `''`: opens or closes by position.
    StraightDouble,
    LeftDouble,
    RightDouble,
    LowDouble,
    /// `` `` ``: always opens.
    GraveDouble,
    StraightSingle,
    LeftSingle,
    RightSingle,
    LowSingle,
    LeftGuillemet,
    RightGuillemet,
    LeftAngle,
    RightAngle,
    OpenCorner,
    CloseCorner,
    OpenWhiteCorner,
    CloseWhiteCorner,
}

impl Glyph {
    fn family(self) -> Family {
        use Glyph::*;
        match self {
            StraightDouble | LeftDouble | RightDouble | LowDouble | GraveDouble => Family::Double,
            StraightSingle | LeftSingle | RightSingle | LowSingle => Family::Single,
            LeftGuillemet | RightGuillemet | LeftAngle | RightAngle => Family::Guillemet,
            OpenCorner | CloseCorner => Family::Corner,
            OpenWhiteCorner | CloseWhiteCorner => Family::WhiteCorner,
        }
    }
}

/// Reads a mark at byte `i`; returns it and its length in bytes.
fn glyph_at(text: &str, i: usize) -> Option<(Glyph, usize)> {
    use Glyph::*;
    let rest = &text[i..];
    if rest.starts_with("''") {
        return Some((StraightDouble, 2));
    }
    if rest.starts_with("``") {
        return Some((GraveDouble, 2));
    }
    let c = rest.chars().next()?;
    let g = match c {
        '"' => StraightDouble,
        '\u{201C}' => LeftDouble,
        '\u{201D}' => RightDouble,
        '\u{201E}' | '\u{201F}' => LowDouble,
        '\'' => StraightSingle,
        '\u{2018}' => LeftSingle,
        '\u{2019}' => RightSingle,
        '\u{201A}' => LowSingle,
        '\u{00AB}' => LeftGuillemet,
        '\u{00BB}' => RightGuillemet,
        '\u{2039}' => LeftAngle,
        '\u{203A}' => RightAngle,
        '\u{300C}' => OpenCorner,
        '\u{300D}' => CloseCorner,
        '\u{300E}' => OpenWhiteCorner,
        '\u{300F}' => CloseWhiteCorner,
        _ => return None,
    };
    Some((g, c.len_utf8()))
}

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '\u{2018}'..='\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}' | '\u{300C}'..='\u{300F}'
    )
}

/// Characters after which a mark may open a quotation.
fn opens_after(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | ';' | ',') || is_mark_char(c)
}

/// Characters before which a mark may close a quotation.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '/')
        || is_mark_char(c)
}

/// Most marks kept open at once within a paragraph.
const MAX_OPEN: usize = 16;

struct Open {
    glyph: Glyph,
    at: usize,
    /// Where the quoted words start in the paragraph holding this mark.
    content_start: usize,
    /// Words already collected from earlier paragraphs (a continued quote).
    earlier: Vec<Range<usize>>,
    first_paragraph: usize,
}

/// Finds the quotations in `text`, whose paragraphs are `paragraphs` (byte
/// ranges, in order, not overlapping). Returns outermost quotations only, in
/// order; a quotation nested in another is part of it.
pub fn find(text: &str, paragraphs: &[Range<usize>]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut carried: Option<Open> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let mut found: Vec<Span> = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        let mut i = para.start;
        // A quotation left open by the previous paragraph: closed by a mark
        // that starts this one (a stray line break), or continued by a mark
        // that reopens it (a quotation of several paragraphs).
        if let Some(open) = carried.take() {
            let lead = text[i..para.end].len() - text[i..para.end].trim_start().len();
            if let Some((g, len)) = glyph_at(text, i + lead).filter(|(g, _)| g.family() == open.glyph.family()) {
                let after = text[i + lead + len..para.end].chars().next();
                let mut earlier = open.earlier;
                earlier.push(open.content_start..paragraphs[pi - 1].end);
                if after.is_none_or(closes_before) {
                    found.push(make_span(
                        text,
                        earlier,
                        i + lead,
                        i + lead + len,
                        open.at,
                        open.first_paragraph,
                        pi,
                        g,
                    ));
                } else {
                    stack.push(Open {
                        glyph: open.glyph,
                        at: open.at,
                        content_start: i + lead + len,
                        earlier,
                        first_paragraph: open.first_paragraph,
                    });
                }
                i += lead + len;
            }
        }
        while i < para.end {
            let Some((g, len)) = glyph_at(text, i) else {
                i += text[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            let prev = text[para.start..i].chars().next_back();
            let next = text[i + len..para.end].chars().next();
            let pending = stack.iter().rposition(|o| o.glyph.family() == g.family());
            match decide(g, prev, next, pending.map(|p| stack[p].glyph), &text[i + len..para.end]) {
                Action::Open => {
                    // Dozens of marks open at once is not prose; keeping the
                    // stack short keeps the scan linear on such input.
                    if stack.len() == MAX_OPEN {
                        stack.remove(0);
                    }
                    stack.push(Open {
                        glyph: g,
                        at: i,
                        content_start: i + len,
                        earlier: Vec::new(),
                        first_paragraph: pi,
                    })
                }
                Action::Close => {
                    let p = pending.expect("decide closes only a pending mark");
                    // Marks opened inside and never closed were not quote marks.
                    stack.truncate(p + 1);
                    let open = stack.pop().expect("pending index is in the stack");
                    let mut pieces = open.earlier;
                    pieces.push(open.content_start..i);
                    found.push(make_span(text, pieces, i, i + len, open.at, open.first_paragraph, pi, g));
                }
                Action::Ignore => {}
            }
            i += len;
        }
        // The outermost mark still open may continue in the next paragraph.
        if let Some(open) = stack.into_iter().next()
            && pi + 1 < paragraphs.len()
            && !text[open.content_start..para.end].trim().is_empty()
        {
            carried = Some(open);
        }
        found.retain(|s| !s.pieces.iter().all(|r| text[r.clone()].trim().is_empty()));
        spans.extend(outermost(found));
    }
    spans.sort_by_key(|s| s.open);
    spans
}

/// Most words an attribution set between dashes inside one pair of marks
/// holds: "— добавила глава профсоюза Ирина Белова. —" is short; a
/// quoted clause between two dashes runs longer.
const MAX_INSET_WORDS: usize = 12;

/// Splits quotations that carry their attribution inside the marks, set
/// off by dashes, as Russian and Polish news write them: «Мы не уйдём, —
/// сказала она. — Будем стоять до конца» and „Jest źle – mówi Nowak. –
/// Będzie gorzej”. The words between the dashes become the reporter's
/// text, the two sides two quotations. `is_cue` tells a reporting verb
/// (lowercase); without one between the dashes, the dashes are the
/// speaker's own punctuation and the quotation stays whole.
pub fn split_at_insets(text: &str, spans: Vec<Span>, is_cue: impl Fn(&str) -> bool) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let mut rest = span;
        while let Some(at) = inset(text, &rest, &is_cue) {
            let [words_end, dash_one, dash_two, resume] = at;
            out.push(Span {
                open: rest.open,
                close: dash_one,
                pieces: std::iter::once(rest.pieces[0].start..words_end).collect(),
                first_paragraph: rest.first_paragraph,
                last_paragraph: rest.first_paragraph,
                family: rest.family,
            });
            let mut pieces = rest.pieces;
            pieces[0].start = resume;
            rest = Span { open: dash_two, pieces, ..rest };
        }
        out.push(rest);
    }
    out
}

/// The first dash-set attribution in the first piece of `span`: where the
/// quoted words before it end, the two dashes, and where the quoted words
/// resume.
fn inset(text: &str, span: &Span, is_cue: &impl Fn(&str) -> bool) -> Option<[usize; 4]> {
    let piece = span.pieces[0].clone();
    let body = &text[piece.clone()];
    // A dash with a space on either side, from byte `i` of the words.
    let dash = |i: usize| -> Option<usize> {
        let spaced = |c: Option<char>| c.is_some_and(|c| c == ' ' || c == '\u{a0}');
        body[i..].char_indices().map(|(j, c)| (i + j, c)).find_map(|(j, c)| {
            let around = spaced(body[..j].chars().next_back()) && spaced(body[j + c.len_utf8()..].chars().next());
            (matches!(c, '—' | '–') && around).then_some(j)
        })
    };
    let mut from = 0;
    while let Some(d1) = dash(from) {
        let inset_start = d1 + body[d1..].chars().next()?.len_utf8();
        from = inset_start;
        let d2 = dash(inset_start)?;
        let inset = body[inset_start..d2].trim();
        let words: Vec<&str> = inset.split_whitespace().collect();
        let first_lower = inset.chars().next().is_some_and(char::is_lowercase);
        let closed = inset.ends_with(['.', ',', ':']);
        let cued = words.iter().any(|w| is_cue(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()));
        let before = body[..d1].trim_end().trim_end_matches(',').trim_end();
        let resume = d2 + body[d2..].chars().next()?.len_utf8();
        let after = body[resume..].trim_start();
        if first_lower && closed && cued && words.len() <= MAX_INSET_WORDS && !before.is_empty() && !after.is_empty() {
            let resume = piece.end - after.len();
            return Some([piece.start + before.len(), piece.start + d1, piece.start + d2, resume]);
        }
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn make_span(
    text: &str,
    mut pieces: Vec<Range<usize>>,
    close_at: usize,
    close_end: usize,
    open_at: usize,
    first_paragraph: usize,
    last_paragraph: usize,
    g: Glyph,
) -> Span {
    // Words end before the closing mark; drop a trailing blank piece left
    // by a closing mark that starts its line.
    let last = pieces.len() - 1;
    pieces[last].end = close_at.max(pieces[last].start);
    for r in &mut pieces {
        let s = &text[r.clone()];
        r.start += s.len() - s.trim_start().len();
        r.end -= s.len() - s.trim_end().len();
        if r.end < r.start {
            r.end = r.start;
        }
    }
    if pieces.len() > 1 {
        pieces.retain(|r| !r.is_empty());
        if pieces.is_empty() {
            pieces.push(close_at..close_at);
        }
    }
    Span { open: open_at, close: close_end, pieces, first_paragraph, last_paragraph, family: g.family() }
}

/// Spans not inside another span.
fn outermost(mut found: Vec<Span>) -> Vec<Span> {
    found.sort_by(|a, b| a.open.cmp(&b.open).then(b.close.cmp(&a.close)));
    let mut out: Vec<Span> = Vec::new();
    for s in found {
        if out.last().is_some_and(|o| s.open >= o.open && s.close <= o.close) {
            continue;
        }
        out.push(s);
    }
    out
}

enum Action {
    Open,
    Close,
    Ignore,
}

/// Whether a mark opens, closes or is no quote mark at all, from the
/// characters around it and the marks still open (`pending`: the innermost
/// open mark of the same family).
fn decide(g: Glyph, prev: Option<char>, next: Option<char>, pending: Option<Glyph>, after: &str) -> Action {
    use Glyph::*;
    let left = prev.is_none_or(opens_after) && next.is_some_and(|c| !c.is_whitespace());
    let right = prev.is_some_and(|c| !c.is_whitespace()) && next.is_none_or(closes_before);
    let open_if = |ok: bool| if ok { Action::Open } else { Action::Ignore };
    match g {
        StraightDouble => {
            if pending.is_some() && (right || !left) {
                Action::Close
            } else {
                open_if(left || (prev.is_none() && next.is_some()))
            }
        }
        LeftDouble => {
            // „…“ (German): the left mark closes.
            if pending == Some(LowDouble) || (pending.is_some() && right && !left) {
                Action::Close
            } else {
                open_if(!right || left)
            }
        }
        RightDouble => {
            if pending.is_some() {
                Action::Close
            } else {
                // ”…” (Swedish, Finnish) opens with the right mark.
                open_if(left && !right)
            }
        }
        LowDouble | GraveDouble | OpenCorner | OpenWhiteCorner => Action::Open,
        CloseCorner | CloseWhiteCorner => {
            if pending.is_some() {
                Action::Close
            } else {
                Action::Ignore
            }
        }
        LeftGuillemet | LeftAngle => {
            // »…« (German, Danish) closes with the left mark.
            if matches!(pending, Some(RightGuillemet | RightAngle)) { Action::Close } else { Action::Open }
        }
        RightGuillemet | RightAngle => {
            if pending.is_some() {
                Action::Close
            } else {
                open_if(left || prev.is_none())
            }
        }
        StraightSingle | LeftSingle | RightSingle | LowSingle => {
            // A mark between letters is an apostrophe: it's, Korea’s, RUBIO'S;
            // scripts without apostrophes glue particles to a quotation
            // instead (‘장밋빛 전망’이라고).
            if prev.is_some_and(apostrophe_letter) && next.is_some_and(apostrophe_letter) {
                return Action::Ignore;
            }
            let particle_after = next.is_some_and(|c| c.is_alphanumeric() && !apostrophe_letter(c));
            if pending.is_some() && (right || particle_after || (g == LeftSingle && pending == Some(LowSingle))) {
                if g != LeftSingle && prev.is_some_and(|c| c == 's' || c == 'S') && possessive_plural(after) {
                    return Action::Ignore;
                }
                return Action::Close;
            }
            match g {
                RightSingle => Action::Ignore,
                LowSingle => Action::Open,
                _ => open_if(left && !elision(after)),
            }
        }
    }
}

/// A letter an apostrophe can stand next to: any but Hangul, kana and
/// CJK ideographs, whose writing has no apostrophes.
fn apostrophe_letter(c: char) -> bool {
    c.is_alphanumeric()
        && !matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}')
}

/// After `voters'`: a plural possessive ("the voters' choice") rather than a
/// closing mark, when a lowercase word follows and another candidate closing
/// mark comes later in the paragraph.
fn possessive_plural(after: &str) -> bool {
    let mut chars = after.chars();
    if chars.next() != Some(' ') || !chars.next().is_some_and(char::is_lowercase) {
        return false;
    }
    // Looking a few sentences ahead is enough, and bounds the work per mark.
    let after = &after[..floor_boundary(after, 2000)];
    let b = after.as_bytes();
    after.char_indices().any(|(i, c)| {
        matches!(c, '\'' | '\u{2019}')
            && i > 0
            && !b[i - 1].is_ascii_whitespace()
            && after[i + c.len_utf8()..].chars().next().is_none_or(closes_before)
    })
}

/// The largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    (0..=i).rev().find(|&j| s.is_char_boundary(j)).unwrap_or(0)
}

/// `'90s`, `'em`, `'til`, `'cause`: an apostrophe at the start of a word.
fn elision(after: &str) -> bool {
    let word: String = after.chars().take(7).take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
    let decade = word.len() == 3 && word.ends_with('s') && word[..2].chars().all(|c| c.is_ascii_digit());
    let year = word.len() == 2 && word.chars().all(|c| c.is_ascii_digit());
    decade || year || matches!(word.as_str(), "em" | "til" | "cause" | "tis" | "twas" | "n" | "bout" | "round" | "s")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let paras = paragraph_ranges(text);
        find(text, &paras)
            .iter()
            .map(|s| s.pieces.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>().join(" | "))
            .collect()
    }

    fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            out.push(start..start + part.len());
            start += part.len() + 2;
        }
        out
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(quotes(r#""We will win," he said. "Soon.""#), ["We will win,", "Soon."]);
        assert_eq!(quotes("“It’s done,” she said of the ‘deal’."), ["It’s done,", "deal"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(quotes("Trump's plan, the '90s and rock 'n' roll"), Vec::<String>::new());
        assert_eq!(quotes("He says 'we will'; it's a 'big asset' for him"), ["we will", "big asset"]);
        assert_eq!(quotes("RUBIO'S 'ROGUE STATE' LABEL AS 'NONSENSE,’ VOWS"), ["ROGUE STATE", "NONSENSE,"]);
        assert_eq!(quotes("the 'voters' choice' matters"), ["voters' choice"]);
    }

    #[test]
    fn nested_quotes_belong_to_the_outer() {
        assert_eq!(quotes(r#""He called it 'nonsense' again," she said."#), ["He called it 'nonsense' again,"]);
    }

    #[test]
    fn other_languages() {
        assert_eq!(quotes("Er sagte: „Wir schaffen das.“ Dann ging er."), ["Wir schaffen das."]);
        assert_eq!(quotes("Il a dit : « Nous verrons. »"), ["Nous verrons."]);
        assert_eq!(quotes("彼は「大丈夫だ」と言った。"), ["大丈夫だ"]);
        assert_eq!(quotes("Not paying taxes ''makes me smart,'' he said."), ["makes me smart,"]);
    }

    #[test]
    fn line_broken_and_multi_paragraph_quotes() {
        assert_eq!(quotes("He said, 'We will win.\n\n' This was new."), ["We will win."]);
        assert_eq!(quotes("\"First part.\n\n\"Second part,\" he said.\n\nAfter."), ["First part. | Second part,"]);
        // An opening mark never closed, and not continued, is dropped.
        assert_eq!(quotes("He said \"oops\n\nNext paragraph."), Vec::<String>::new());
    }

    #[test]
    fn long_single_line_inputs() {
        // Unbalanced marks by the hundred thousand, on one line.
        for unit in ["\"a ", "'a ", "a' ", "“a ", "s' b "] {
            let text = unit.repeat(200_000);
            assert!(quotes(&text).len() <= 200_000);
        }
    }
}
