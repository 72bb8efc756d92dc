//! Words, punctuation and quotations of a paragraph, and its sentences.
//! Quotations are single tokens here, so the reporter's words around them
//! can be read as a sentence.

use super::marks::Span;
use std::ops::Range;
use unicode_normalization::char::is_combining_mark;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word: letters and digits, with inner apostrophes, hyphens and the
    /// dots of abbreviations ("U.S.", "Mr.", "O'Neill", "Korea’s").
    Word,
    /// One punctuation character.
    Punct,
    /// A whole quotation (index into the region's spans).
    Quote(usize),
}

/// A token and where it is in the region text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset past its last character.
    pub end: usize,
}

impl Token {
    /// Its text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Whether it is the punctuation character `c`.
    pub fn is_punct(&self, text: &str, c: char) -> bool {
        self.kind == Kind::Punct && text[self.start..].starts_with(c)
    }

    /// Whether it is a word starting with an uppercase letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == Kind::Word && text[self.start..].chars().next().is_some_and(char::is_uppercase)
    }
}

/// Words written with a final dot that does not end a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "jr", "sr", "prof",
    "rev", "adm", "maj", "mt", "ft", "no", "vs", "etc", "inc", "corp", "co", "ltd", "bros", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave", "blvd", "est", "dept", "univ",
    "approx", "gov't", "sens", "reps", "pres", "supt", "cmdr", "fr", "messrs", "mmes", "op", "ed", "del",
    // Titles other languages abbreviate before a name: Polish ranks and
    // degrees, Italian, Spanish and Dutch forms of address.
    "kpt", "mjr", "płk", "insp", "mgr", "inż", "prok", "mec", "ks", "asp", "dott", "avv", "ing", "sig", "sra",
    "dra", "lic", "dhr", "mevr", "drs",
];

/// Tokens of `range` in `text`; `spans` (sorted by `open`) become single
/// `Quote` tokens.
pub fn tokenize(text: &str, range: Range<usize>, spans: &[Span]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut k = spans.partition_point(|s| s.open < range.start);
    let mut i = range.start;
    let end = range.end;
    // A quotation from earlier paragraphs that closes in this one stands at
    // its start, so the words after it can attribute it.
    if k > 0 && spans[k - 1].close > range.start {
        if spans[k - 1].close > end {
            return out;
        }
        out.push(Token { kind: Kind::Quote(k - 1), start: range.start, end: spans[k - 1].close });
        i = spans[k - 1].close;
    }
    while i < end {
        // A mark inside a word (never a quotation by the rules of `marks`)
        // cannot hide a span from the scan.
        while k < spans.len() && spans[k].open < i {
            k += 1;
        }
        if k < spans.len() && spans[k].open == i {
            out.push(Token { kind: Kind::Quote(k), start: i, end: spans[k].close });
            i = spans[k].close;
            k += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("i < end is inside text");
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let w_end = word_end(text, i, end);
            out.push(Token { kind: Kind::Word, start: i, end: w_end });
            i = w_end;
            continue;
        }
        out.push(Token { kind: Kind::Punct, start: i, end: i + c.len_utf8() });
        i += c.len_utf8();
    }
    out
}

fn word_end(text: &str, start: usize, end: usize) -> usize {
    let mut i = start;
    let mut has_inner_dot = false;
    while i < end {
        let c = text[i..].chars().next().expect("inside text");
        // Combining marks (Arabic vowel signs, Devanagari matras) belong
        // to the letter before them.
        if c.is_alphanumeric() || is_combining_mark(c) {
            i += c.len_utf8();
            continue;
        }
        // Joiners count only between letters or digits: "U.S", "O'Neill", "well-known".
        if matches!(c, '\'' | '’' | '-' | '.' | '&') {
            let after = text[i + c.len_utf8()..end].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                has_inner_dot |= c == '.';
                i += c.len_utf8();
                continue;
            }
        }
        break;
    }
    // The dot after an abbreviation or an initial belongs to the word.
    if i < end && text[i..].starts_with('.') {
        let word = &text[start..i];
        let lower = word.to_lowercase();
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if has_inner_dot || initial || ABBREVIATIONS.contains(&lower.as_str()) {
            i += 1;
        }
    }
    i
}

/// Sentence ranges (token index ranges) of a paragraph's tokens. A sentence
/// ends at `.`, `!` or `?` before a capitalised word, a digit or a
/// quotation; or after a quotation that ends with such a mark when a
/// capitalised word follows that is not the quotation's attribution.
pub fn sentences(text: &str, tokens: &[Token], quote_ends_sentence: &dyn Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let t = tokens[i];
        let ends = match t.kind {
            // The full-width marks of Chinese and Japanese end a sentence
            // wherever they stand.
            Kind::Punct => match &text[t.start..t.end] {
                "。" | "！" | "？" => i + 1 < tokens.len(),
                "." | "!" | "?" | "…" | "؟" => tokens.get(i + 1).is_some_and(|n| starts_sentence(text, n)),
                _ => false,
            },
            Kind::Quote(q) => {
                quote_ends_sentence(q)
                    && tokens.get(i + 1).is_some_and(|n| n.kind == Kind::Word && starts_sentence(text, n))
            }
            Kind::Word => false,
        };
        if ends {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

fn starts_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        Kind::Quote(_) => true,
        // Scripts without capitals (Arabic, Chinese) start sentences with
        // any letter.
        Kind::Word => text[t.start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || (c.is_alphabetic() && !c.is_lowercase())),
        Kind::Punct => matches!(&text[t.start..t.end], "(" | "[" | "\\" | "—" | "-"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0..s.len(), &[]).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn words_with_joiners_and_abbreviations() {
        assert_eq!(
            words("U.S. Sen. Tim O'Neill’s well-known plan."),
            ["U.S.", "Sen.", "Tim", "O'Neill’s", "well-known", "plan", "."]
        );
        assert_eq!(words("Donald J. Trump said"), ["Donald", "J.", "Trump", "said"]);
    }

    #[test]
    fn sentence_ends() {
        let s = "Mr. Lee left. The U.S. Senate voted. It passed";
        let toks = tokenize(s, 0..s.len(), &[]);
        let sents = sentences(s, &toks, &|_| false);
        assert_eq!(sents.len(), 3);
    }
}
