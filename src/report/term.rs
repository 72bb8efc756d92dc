//! Text for a terminal: how wide it is, whether to colour, and paragraphs
//! wrapped to fit with their highlights kept.

use std::sync::OnceLock;
use unicode_width::UnicodeWidthChar;

/// What the output is printed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Terminal {
    /// Columns to fit text in; `None` when output is not a terminal (lines
    /// are then not wrapped, so they stay whole for grep and friends).
    pub width: Option<usize>,
    /// Whether to write colour and emphasis (ANSI escapes).
    pub color: bool,
}

static TERMINAL: OnceLock<Terminal> = OnceLock::new();

/// Sets what output is printed on, once, at start (the command line does).
pub fn set_terminal(t: Terminal) {
    let _ = TERMINAL.set(t);
}

/// What output is printed on: by default, no terminal (plain, unwrapped).
pub fn terminal() -> Terminal {
    TERMINAL.get().copied().unwrap_or_default()
}

/// The ways text is emphasised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// As it is.
    Plain,
    /// Words a search matched.
    Match,
    /// A quotation in an article.
    Quote,
    /// A marker or note beside text.
    Dim,
    /// A heading or a label.
    Heading,
    /// Words a wording left out.
    Deleted,
    /// Words a wording added.
    Inserted,
}

impl Paint {
    fn ansi(self) -> Option<&'static str> {
        match self {
            Paint::Plain => None,
            Paint::Match => Some("1;31"),
            Paint::Quote => Some("36"),
            Paint::Dim => Some("2"),
            Paint::Heading => Some("1"),
            Paint::Deleted => Some("9;31"),
            Paint::Inserted => Some("4;32"),
        }
    }
}

impl Terminal {
    /// `text` emphasised as `paint` says, when colour is on.
    pub fn paint(&self, paint: Paint, text: &str) -> String {
        match paint.ansi() {
            Some(code) if self.color && !text.is_empty() => format!("\x1b[{code}m{text}\x1b[0m"),
            _ => text.to_owned(),
        }
    }

    /// `text` cut to fit `columns` display columns, ending with "…" when cut.
    pub fn fit(&self, text: &str, columns: usize) -> String {
        let mut out = String::new();
        let mut used = 0;
        let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
        if total <= columns {
            return text.to_owned();
        }
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > columns {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        out
    }
}

/// Text made of differently emphasised pieces.
#[derive(Debug, Clone, Default)]
pub struct Styled {
    pieces: Vec<(String, Paint)>,
}

impl Styled {
    /// Empty text.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `text` emphasised as `paint`.
    pub fn push(&mut self, text: &str, paint: Paint) -> &mut Self {
        if !text.is_empty() {
            self.pieces.push((text.to_owned(), paint));
        }
        self
    }

    /// The text as lines: wrapped to the terminal's width less `indent`
    /// (each line starts with `indent`), whitespace runs made one space;
    /// unwrapped (one line) when there is no terminal width. A line breaks
    /// at spaces, between characters of scripts written without spaces,
    /// and inside a word only when the word alone is wider than a line.
    pub fn lines(&self, term: &Terminal, indent: &str) -> Vec<String> {
        let chars: Vec<(char, Paint)> = self.pieces.iter().flat_map(|(t, p)| t.chars().map(move |c| (c, *p))).collect();
        // Words: runs of non-space characters; a character of an unspaced
        // script is a word of its own, joined to its neighbours without a space.
        let mut words: Vec<(Vec<(char, Paint)>, bool)> = Vec::new(); // (chars, space before)
        let mut space = false;
        for &(c, p) in &chars {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            let unspaced = crate::search::segment::unspaced(c);
            match words.last_mut() {
                Some((w, _))
                    if !space && !unspaced && !w.last().is_some_and(|(l, _)| crate::search::segment::unspaced(*l)) =>
                {
                    w.push((c, p))
                }
                _ => words.push((vec![(c, p)], space && !words.is_empty())),
            }
            space = false;
        }
        let avail = term.width.map(|w| w.saturating_sub(indent.chars().count()).max(10));
        let mut lines: Vec<Vec<(char, Paint)>> = vec![Vec::new()];
        let mut used = 0;
        for (word, space_before) in words {
            let width: usize = word.iter().map(|(c, _)| c.width().unwrap_or(0)).sum();
            let gap = usize::from(space_before && used > 0);
            if let Some(avail) = avail
                && used > 0
                && used + gap + width > avail
            {
                lines.push(Vec::new());
                used = 0;
            } else if gap == 1 {
                let paint = lines.last().and_then(|l| l.last()).map_or(Paint::Plain, |(_, p)| *p);
                // A space inside a quotation keeps its emphasis.
                let paint = if word.first().is_some_and(|(_, p)| *p == paint) { paint } else { Paint::Plain };
                lines.last_mut().expect("a line").push((' ', paint));
                used += 1;
            }
            for (c, p) in word {
                let w = c.width().unwrap_or(0);
                if let Some(avail) = avail
                    && used + w > avail
                    && used > 0
                {
                    lines.push(Vec::new());
                    used = 0;
                }
                lines.last_mut().expect("a line").push((c, p));
                used += w;
            }
        }
        lines
            .into_iter()
            .map(|line| {
                let mut out = String::from(indent);
                let mut i = 0;
                while i < line.len() {
                    let p = line[i].1;
                    let j = line[i..].iter().position(|(_, q)| *q != p).map_or(line.len(), |k| i + k);
                    let text: String = line[i..j].iter().map(|(c, _)| *c).collect();
                    out.push_str(&term.paint(p, &text));
                    i = j;
                }
                out
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_to_width_keeping_emphasis() {
        let term = Terminal { width: Some(20), color: false };
        let mut s = Styled::new();
        s.push("He said ", Paint::Plain).push("“we will win this fight together”", Paint::Quote);
        let lines = s.lines(&term, "  ");
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" ").split_whitespace().count(), 8);
        let colored = Terminal { width: None, color: true };
        let line = &s.lines(&colored, "")[0];
        assert!(line.contains("\x1b[36m“we will win this fight together”\x1b[0m"), "{line:?}");
    }

    #[test]
    fn unspaced_scripts_break_between_characters() {
        let term = Terminal { width: Some(12), color: false };
        let mut s = Styled::new();
        s.push("石破首相は日米関係について記者団に語った。", Paint::Plain);
        let lines = s.lines(&term, "");
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() <= 12), "{lines:?}");
        assert_eq!(lines.concat(), "石破首相は日米関係について記者団に語った。");
    }

    #[test]
    fn fit_cuts_with_an_ellipsis() {
        let t = Terminal::default();
        assert_eq!(t.fit("short", 10), "short");
        assert_eq!(t.fit("a longer title here", 10), "a longer …");
    }
}
