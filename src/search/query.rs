//! Search queries: FTS5 query syntax, made ready for the archive's index,
//! and the words to highlight in what it finds.
//!
//! A query passes through as FTS5 syntax (words, "phrases", AND, OR, NOT,
//! NEAR(…), prefix*, column:word, ^first), with two changes a user would
//! otherwise trip over: a word with characters FTS5 does not allow outside
//! quotes ("don't", "U.S.", "co-operate", "$5bn") is searched as a phrase,
//! and a word or phrase in a script written without spaces is written as
//! the index writes it (see [`super::segment`]).

use super::segment::{for_index, unspaced};

/// A query rewritten for the index, and the terms to highlight in hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The FTS5 MATCH expression.
    pub fts: String,
    /// Words and phrases to mark in snippets, folded (see [`fold`]).
    pub terms: Vec<Term>,
}

/// A word or phrase of a query, as it appears in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Folded words of the term, in order (one for a word).
    pub words: Vec<String>,
    /// The last word is a prefix (`trad*`).
    pub prefix: bool,
}

/// Characters FTS5 accepts in a word outside quotes.
fn bareword_char(c: char) -> bool {
    !c.is_ascii() || c.is_ascii_alphanumeric() || c == '_' || c == '\u{1A}'
}

/// Characters with a meaning in FTS5 syntax.
fn syntax_char(c: char) -> bool {
    matches!(c, '(' | ')' | ':' | '*' | '^' | '+' | '{' | '}' | ',' | '"')
}

/// Rewrites a user's query; see the module documentation. Unbalanced
/// quotes are closed at the end, as a user means them.
pub fn parse(input: &str) -> Query {
    let mut fts = String::with_capacity(input.len() + 8);
    let mut terms = Vec::new();
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            fts.push(c);
            i += 1;
        } else if c == '"' {
            let mut phrase = String::new();
            i += 1;
            while i < chars.len() {
                if chars[i] == '"' {
                    if chars.get(i + 1) == Some(&'"') {
                        phrase.push('"');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                phrase.push(chars[i]);
                i += 1;
            }
            let prefix = chars.get(i) == Some(&'*');
            push_phrase(&mut fts, &phrase);
            terms.push(term(&phrase, prefix));
        } else if syntax_char(c) {
            fts.push(c);
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() && !syntax_char(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let column = chars.get(i) == Some(&':');
            let prefix = chars.get(i) == Some(&'*');
            let keyword =
                matches!(word.as_str(), "AND" | "OR" | "NOT") || (word == "NEAR" && chars.get(i) == Some(&'('));
            if column || keyword {
                fts.push_str(&word);
            } else if word.chars().all(bareword_char) && !word.chars().any(unspaced) {
                fts.push_str(&word);
                terms.push(term(&word, prefix));
            } else if word.chars().count() == 1 && word.chars().all(unspaced) {
                // One character of a run is indexed only as the first of a
                // pair (or alone): a prefix query finds it there.
                fts.push_str(&word);
                if !prefix {
                    fts.push('*');
                }
                terms.push(term(&word, true));
            } else {
                push_phrase(&mut fts, &word);
                terms.push(term(&word, prefix));
            }
        }
    }
    Query { fts, terms }
}

/// A phrase in FTS5 quotes, written as the index writes its text.
fn push_phrase(fts: &mut String, phrase: &str) {
    fts.push('"');
    fts.push_str(&for_index(phrase).trim().replace('"', "\"\""));
    fts.push('"');
}

fn term(text: &str, prefix: bool) -> Term {
    Term { words: words(text).into_iter().map(|(_, w)| w).collect(), prefix }
}

/// A word of text for matching: lower case, without diacritics, the way
/// the index's `unicode61 remove_diacritics 2` tokenizer folds it.
pub fn fold(word: &str) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    word.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// The words of `text` with their byte ranges, folded: runs of letters and
/// digits, and each character of a script written without spaces alone
/// (terms in those scripts match character by character).
pub fn words(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let wordy = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
        if unspaced(c) {
            if let Some(s) = start.take() {
                out.push((s..i, fold(&text[s..i])));
            }
            out.push((i..i + c.len_utf8(), c.to_string()));
        } else if wordy {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s..i, fold(&text[s..i])));
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), fold(&text[s..])));
    }
    out
}

/// Byte ranges of `text` where a term of `terms` occurs, in order and not
/// overlapping.
pub fn matches(text: &str, terms: &[Term]) -> Vec<std::ops::Range<usize>> {
    let ws = words(text);
    let mut found: Vec<std::ops::Range<usize>> = Vec::new();
    for t in terms.iter().filter(|t| !t.words.is_empty()) {
        let n = t.words.len();
        for i in 0..ws.len().saturating_sub(n - 1) {
            let hit = t.words.iter().enumerate().all(|(k, w)| {
                let have = &ws[i + k].1;
                if t.prefix && k == n - 1 { have.starts_with(w.as_str()) } else { have == w }
            });
            if hit {
                found.push(ws[i].0.start..ws[i + n - 1].0.end);
            }
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<std::ops::Range<usize>> = Vec::new();
    for r in found {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_syntax_passes_through() {
        assert_eq!(parse("tariff AND (japan OR korea)").fts, "tariff AND (japan OR korea)");
        assert_eq!(parse("title:ishiba trad*").fts, "title:ishiba trad*");
        assert_eq!(parse("NEAR(trump ishiba, 5)").fts, "NEAR(trump ishiba, 5)");
        assert_eq!(parse("\"golden age\" NOT china").fts, "\"golden age\" NOT china");
    }

    #[test]
    fn words_fts5_would_refuse_become_phrases() {
        assert_eq!(parse("don't U.S.").fts, "\"don't\" \"U.S.\"");
        assert_eq!(parse("\"unclosed").fts, "\"unclosed\"");
    }

    #[test]
    fn unspaced_scripts_are_searched_as_pairs() {
        assert_eq!(parse("首相").fts, "\"首相\"");
        assert_eq!(parse("東京都庁").fts, "\"東京 京都 都庁\"");
        assert_eq!(parse("党").fts, "党*");
        assert_eq!(parse("\"石破 首相\"").fts, "\"石破   首相\"");
    }

    #[test]
    fn matches_fold_case_and_diacritics() {
        let q = parse("cafe trad* \"golden age\"");
        let text = "The Café traders spoke of a Golden  Age.";
        let m: Vec<&str> = matches(text, &q.terms).into_iter().map(|r| &text[r]).collect();
        assert_eq!(m, ["Café", "traders", "Golden  Age"]);
        let q = parse("首相");
        let text = "石破首相は述べた";
        let m: Vec<&str> = matches(text, &q.terms).into_iter().map(|r| &text[r]).collect();
        assert_eq!(m, ["首相"]);
    }
}
