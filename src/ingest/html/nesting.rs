//! A guard for html5ever: its tree builder looks through the stack of open
//! elements for many tags, so a page nested a hundred thousand deep takes
//! time in the square of its depth (18 s for 100k, minutes for a million).
//! No page a person reads nests a thousand deep; past that, start tags
//! (and their end tags) are dropped before parsing, which keeps their text
//! and makes the parse linear again.

use std::borrow::Cow;

/// Deepest nesting kept; real pages stay in the low hundreds.
pub const MAX_DEPTH: usize = 1_000;

/// Elements whose content is text to the parser, not markup.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// Elements that never hold others, or whose end tags may be left out
/// (a paragraph, a list item): counting them would see depth that is not there.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rtc",
    "rp", "html", "head", "body", "caption",
];

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
}

/// `html` with start tags past [`MAX_DEPTH`] (and their end tags) removed;
/// borrowed as it is when it never nests that deep.
pub fn cap(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = b.get(i..).and_then(|rest| rest.iter().position(|&c| c == b'<')).map(|p| i + p) {
        if b[at..].starts_with(b"<!--") {
            i = find(b, at + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let close = b.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + usize::from(close);
        let name_len = b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            i = at + 1;
            continue;
        }
        let name = &html[name_start..name_start + name_len];
        let end = b[name_start..].iter().position(|&c| c == b'>').map_or(b.len(), |p| name_start + p + 1);
        let is = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
        if !close && is(RAW) {
            // Its text runs to its end tag, whatever it looks like.
            let mut closing = Vec::with_capacity(name.len() + 2);
            closing.extend_from_slice(b"</");
            closing.extend_from_slice(name.as_bytes());
            i = find(b, end, &closing).unwrap_or(b.len());
            continue;
        }
        i = end;
        if is(NOT_NESTING) || (!close && end >= 2 && b[end - 2] == b'/') {
            continue;
        }
        let drop = if close {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_DEPTH {
            dropped += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..at]);
            copied = end;
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = "<html><body><div><p>One<p>Two</div><script>if (a < b) { x = '<div>'; }</script></body></html>";
        assert!(matches!(cap(page), Cow::Borrowed(_)));
    }

    #[test]
    fn nesting_past_the_limit_keeps_its_text_without_its_tags() {
        let n = MAX_DEPTH + 500;
        let page = format!("{}<p>deep text</p>{}", "<div class=x>".repeat(n), "</div>".repeat(n));
        let capped = cap(&page);
        assert_eq!(capped.matches("<div").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("<p>deep text</p>"));
    }
}
