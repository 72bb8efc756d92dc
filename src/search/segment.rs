//! Words for the full-text index in scripts written without spaces.
//!
//! SQLite's `unicode61` tokenizer splits text at spaces and punctuation, so
//! a Japanese or Chinese sentence (or a Korean word with its particle,
//! "대통령은") is one long token, and searching for a word inside it finds
//! nothing. Before text goes into the index, every run of such characters
//! is written as its overlapping character pairs ("東京都庁" → "東京 京都
//! 都庁"), the scheme of Lucene's CJK analyzer; a query is rewritten the
//! same way and searched as a phrase, so it finds the same characters in
//! the same order anywhere in a run. Text in other scripts passes through
//! unchanged. See BENCHMARKS.md ("Search") for what was compared.

use std::borrow::Cow;

/// Whether `c` belongs to a script written without spaces between words
/// (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar), whose runs are indexed
/// as character pairs.
pub fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1100..=0x11FF    // Hangul Jamo
        | 0x1780..=0x17FF    // Khmer
        | 0x3005..=0x3007    // 々 〆 〇
        | 0x3040..=0x30FF    // Hiragana, Katakana (with ー)
        | 0x3130..=0x318F    // Hangul compatibility Jamo
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xA960..=0xA97F    // Hangul Jamo extended A
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0xFF66..=0xFF9F    // half-width Katakana
        | 0x20000..=0x3134F  // CJK extensions B–G
    )
}

/// `text` as the full-text index stores it: each run of [`unspaced`]
/// characters replaced by its overlapping pairs, separated by spaces (a
/// run of one character stays as it is). Borrowed when nothing changes.
pub fn for_index(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unspaced) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 2);
    let mut run: Vec<char> = Vec::new();
    for c in text.chars() {
        if unspaced(c) {
            run.push(c);
        } else {
            push_run(&mut out, &run);
            run.clear();
            out.push(c);
        }
    }
    push_run(&mut out, &run);
    Cow::Owned(out)
}

fn push_run(out: &mut String, run: &[char]) {
    if run.is_empty() {
        return;
    }
    out.push(' ');
    if run.len() == 1 {
        out.push(run[0]);
    } else {
        for (i, pair) in run.windows(2).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push(pair[0]);
            out.push(pair[1]);
        }
    }
    out.push(' ');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_become_pairs_and_other_text_stays() {
        assert_eq!(for_index("Trump said"), "Trump said");
        assert!(matches!(for_index("Trump said"), Cow::Borrowed(_)));
        assert_eq!(for_index("東京都庁"), " 東京 京都 都庁 ");
        assert_eq!(for_index("首相は「行く」と"), " 首相 相は 「 行く 」 と ");
        assert_eq!(for_index("iPhone発売"), "iPhone 発売 ");
        assert_eq!(for_index("대통령은 말했다"), " 대통 통령 령은   말했 했다 ");
    }
}
