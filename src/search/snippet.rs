//! A snippet: the part of a text around its first match, on one line.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// Text cut around a match, with the byte ranges of the matches in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt, whitespace collapsed, with "…" where text was cut.
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub marks: Vec<Range<usize>>,
}

/// About `chars` display columns of `text` around the first of `matches` (byte
/// ranges of `text`, in order), cut at spaces where there are any.
pub fn around(text: &str, matches: &[Range<usize>], chars: usize) -> Snippet {
    let first = matches.first().map_or(0, |m| m.start);
    // Start about a quarter of the window before the match, at a space.
    let lead = chars / 4;
    let mut start = text[..first].char_indices().rev().take(lead).last().map_or(first, |(i, _)| i);
    if start > 0
        && let Some((space, c)) = text[start..first].char_indices().find(|(_, c)| c.is_whitespace())
    {
        start += space + c.len_utf8();
    }
    let mut end = text.len();
    let mut count = 0;
    for (i, c) in text[start..].char_indices() {
        if count >= chars {
            end = start + i;
            break;
        }
        count += c.width().unwrap_or(0);
    }
    if end < text.len()
        && let Some(space) = text[start..end].rfind(char::is_whitespace)
        && space > (end - start) / 2
        && start + space > first
    {
        end = start + space;
    }
    let mut out = String::with_capacity(end - start + 8);
    let mut marks = Vec::new();
    if start > 0 {
        out.push('…');
    }
    // Whitespace runs (paragraph breaks) become one space; mark ranges are
    // carried over to the new offsets.
    let mut pending = matches.iter().filter(|m| m.start >= start && m.end <= end).peekable();
    let mut open: Option<usize> = None;
    let mut last_space = false;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        if open.is_none()
            && let Some(m) = pending.peek()
            && at == m.start
        {
            open = Some(out.len());
        }
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
        if let (Some(from), Some(m)) = (open, pending.peek())
            && at + c.len_utf8() == m.end
        {
            marks.push(from..out.len());
            open = None;
            pending.next();
        }
    }
    if end < text.len() {
        out.push('…');
    }
    Snippet { text: out, marks }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // one match is the common case
mod tests {
    use super::*;

    #[test]
    fn cuts_at_spaces_and_keeps_marks() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let at = text.find("seven").unwrap();
        let s = around(text, &[at..at + 5], 24);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{s:?}");
        assert_eq!(&s.text[s.marks[0].clone()], "seven");
        let s = around("short\n\ntext here", &[7..11], 100);
        assert_eq!(s.text, "short text here");
        assert_eq!(&s.text[s.marks[0].clone()], "text");
    }

    #[test]
    fn cuts_after_wide_spaces() {
        let text = "大和精機、最終益42％減　社長「反転攻勢は来期から」 経済部　山本沙織 精密部品大手の大和精機は";
        let at = text.rfind("大和").unwrap();
        let s = around(text, &[at..at + "大和".len()], 20);
        assert_eq!(&s.text[s.marks[0].clone()], "大和");
    }

    #[test]
    fn works_without_spaces() {
        let text = "石破首相は日米関係について記者団に語った。両国の協力を強調した。";
        let at = text.find("協力").unwrap();
        let s = around(text, &[at..at + "協力".len()], 12);
        assert_eq!(&s.text[s.marks[0].clone()], "協力");
    }

    proptest::proptest! {
        /// Any text, any query: a snippet is cut at character boundaries
        /// and its marks point at the matched words.
        #[test]
        fn never_panics(text in "\\PC{0,200}", query in "\\PC{0,12}", width in 1usize..80) {
            let q = crate::search::query::parse(&query);
            let found = crate::search::query::matches(&text, &q.terms);
            let s = around(&text, &found, width);
            for m in &s.marks {
                proptest::prop_assert!(s.text.is_char_boundary(m.start) && s.text.is_char_boundary(m.end));
            }
            let mut styled = crate::report::term::Styled::new();
            styled.push(&text, crate::report::term::Paint::Quote);
            let _ = styled.lines(&crate::report::term::Terminal { width: Some(width), color: true }, "  ");
        }
    }
}
