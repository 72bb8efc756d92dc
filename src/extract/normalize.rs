//! Comparable forms of quoted words: what two outlets printing the same
//! sentence share once case, quote marks, spacing and punctuation are set aside.

use super::tokens::{sentences, tokenize};
use unicode_normalization::UnicodeNormalization;

/// Collapses every run of whitespace (line breaks included) to one space.
pub fn squash_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The comparable form: NFKC, lowercase, words only (apostrophes, hyphens
/// and abbreviation dots inside a word kept), single spaces.
/// "We will have relations with North Korea , with Kim Jong Un." and
/// "we will have relations with North Korea, with Kim Jong Un" agree.
pub fn normalize(s: &str) -> String {
    // ASCII text is its own NFKC form; most news is, and composing is costly.
    let composed: Box<dyn Iterator<Item = char>> = if s.is_ascii() { Box::new(s.chars()) } else { Box::new(s.nfkc()) };
    let chars: Vec<char> = composed
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for (i, &c) in chars.iter().enumerate() {
        let keep = c.is_alphanumeric()
            || (matches!(c, '\'' | '-' | '.')
                && i > 0
                && chars[i - 1].is_alphanumeric()
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()));
        if keep {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// A sentence of a quotation: the unit that clusters compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The sentence as printed (spaces collapsed, trailing comma dropped).
    pub text: String,
    /// Its [`normalize`]d form.
    pub normalized: String,
}

/// Splits quoted words into sentences.
pub fn units(quote: &str) -> Vec<Unit> {
    let tokens = tokenize(quote, 0..quote.len(), &[]);
    sentences(quote, &tokens, &|_| false)
        .into_iter()
        .filter_map(|r| {
            let raw = &quote[tokens[r.start].start..tokens[r.end - 1].end];
            let text = squash_spaces(raw).trim_end_matches([',', ';', ':', ' ']).to_owned();
            let normalized = normalize(&text);
            (!normalized.is_empty()).then_some(Unit { text, normalized })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_forms_agree_across_styles() {
        let a = normalize("We will have relations with North Korea , with Kim Jong Un.");
        let b = normalize("we will have relations with North Korea, with Kim Jong Un,");
        assert_eq!(a, b);
        assert_eq!(normalize("I think it’s the U.S. plan..."), "i think it's the u.s plan");
        assert_eq!(normalize("ＷＯＲＤ — well-known"), "word well-known");
    }

    #[test]
    fn units_are_sentences() {
        let u = units("We will have relations with North Korea, with Kim Jong Un. I get along with them very well,");
        assert_eq!(u.len(), 2);
        assert_eq!(u[1].text, "I get along with them very well");
        let u = units("tariffs... and I'm going to be meeting on Monday... that's the only fair way.");
        assert_eq!(u.len(), 1);
        assert_eq!(units("Mr. Lee met Gen. Park. They talked.").len(), 2);
    }
}
