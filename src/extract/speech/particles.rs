//! Speakers in Japanese, Chinese and Korean, read from the characters
//! around the quotation marks rather than from words: the particle that
//! ties a quotation to its verb (「…」と述べた, "…"라고 말했다), the topic
//! particle after the speaker (X氏は, X 씨는), a verb right after the
//! speaker (X表示：“…”, “…”X说), and honorifics and titles written after or
//! before a name (氏, 首相, 씨, 대통령, 总统). No capitals tell a name here:
//! the frame does.

use super::{Hit, Who};
use crate::extract::attribution::Context;
use crate::extract::lang::speech::Speech;
use crate::extract::tokens::Token;

/// Characters a speaker's phrase runs to at most: "外務省の報道官" is seven.
const PHRASE: usize = 16;
/// Characters of a name at most: a transliterated foreign name can take ten.
const NAME: usize = 10;

/// Punctuation between clauses.
fn is_break(c: char) -> bool {
    matches!(
        c,
        '、' | '，' | ',' | '。' | '：' | ':' | '；' | ';' | '！' | '？' | '!' | '?' | '.' | '（' | '）' | '(' | ')'
    )
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || is_break(c))
}

/// The text of `toks`, from the first to the last.
fn text_of<'a>(text: &'a str, toks: &[Token]) -> &'a str {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => &text[a.start..b.end],
        _ => "",
    }
}

/// The speaker attached to the quotation.
pub(super) fn direct(cx: &Context, sp: &Speech) -> Option<Hit> {
    let left = match cx.left.first() {
        Some(t) => &cx.text[t.start..cx.at],
        None => "",
    };
    let right = text_of(cx.text, cx.right);
    let r = right.trim_start();
    // 「…」（田中氏）
    if let Some(inner) = r.strip_prefix('（').or_else(|| r.strip_prefix('(')) {
        let inner = &inner[..inner.find(['）', ')']).unwrap_or(inner.len())];
        if let Some((who, written)) = parse(sp, inner) {
            return Some(Hit { who, written, cue: None, direct: true });
        }
    }
    // 「…」と X氏は 述べた / "…"라고 X 씨는 말했다
    if let Some(link) = sp.quote_links.iter().filter(|l| r.starts_with(*l)).max_by_key(|l| l.len()) {
        let rest = &r[link.len()..];
        if let Some((v, verb)) = find_verb(sp, rest) {
            let between = trim(&rest[..v]);
            let cue = Some(verb.to_owned());
            if let Some((who, written)) = ends_in_particle(sp, between).and_then(|p| parse(sp, p)) {
                return Some(Hit { who, written, cue, direct: true });
            }
            let (who, written) = topic(sp, left).unwrap_or((Who::Pronoun, String::new()));
            return Some(Hit { who, written, cue, direct: true });
        }
    }
    // “…”李明说。
    if let Some((v, verb)) =
        find_verb(sp, r).filter(|(v, _)| r[..*v].chars().count() <= PHRASE && !r[..*v].contains(is_break))
        && let Some((who, written)) = parse(sp, &r[..v])
    {
        return Some(Hit { who, written, cue: Some(verb.to_owned()), direct: true });
    }
    in_text(sp, left, true)
}

/// The speaker of a sentence of the reporter's that introduces a quotation.
pub(super) fn in_sentence(text: &str, sp: &Speech, toks: &[Token]) -> Option<Hit> {
    in_text(sp, text_of(text, toks), false)
}

/// A speaker before a quotation: X表示：, Xによると、, 据X称, X에 따르면, or a
/// topic with a verb after it.
fn in_text(sp: &Speech, left: &str, direct: bool) -> Option<Hit> {
    let l = left.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '：' | ':' | '，' | ',' | '、'));
    // X表示： / X说，
    if let Some(verb) = sp.verbs.iter().filter(|v| l.ends_with(*v)).max_by_key(|v| v.len()) {
        let before = &l[..l.len() - verb.len()];
        if let Some((who, written)) = clause_start(sp, before).and_then(|p| parse(sp, p)) {
            return Some(Hit { who, written, cue: Some(verb.to_owned()), direct });
        }
    }
    // Xによると、 / X에 따르면
    for after in sp.according_after {
        if let Some(i) = l.rfind(after) {
            let before = &l[..i];
            let start = before.rfind(is_break).map_or(0, |k| k + before[k..].chars().next().map_or(1, char::len_utf8));
            if let Some((who, written)) = parse(sp, &before[start..]) {
                return Some(Hit { who, written, cue: Some((*after).trim().to_owned()), direct: false });
            }
        }
    }
    // 据X称 / 根据X，
    for before in sp.according {
        if let Some(i) = l.rfind(before) {
            let rest = &l[i + before.len()..];
            let end = find_verb(sp, rest).map(|(v, _)| v).or_else(|| rest.find(is_break)).unwrap_or(rest.len());
            if let Some((who, written)) = parse(sp, &rest[..end]) {
                return Some(Hit { who, written, cue: Some((*before).to_owned()), direct: false });
            }
        }
    }
    None
}

/// The earliest reporting verb in `s`, the longest of those starting there.
fn find_verb<'a>(sp: &'a Speech, s: &str) -> Option<(usize, &'a str)> {
    sp.verbs.iter().filter_map(|v| s.find(v).map(|i| (i, v))).min_by_key(|(i, v)| (*i, usize::MAX - v.len()))
}

/// `s` when it ends in a topic or subject particle (the speaker of a
/// verb after the quotation: "田中氏は", "김 대통령은").
fn ends_in_particle<'a>(sp: &Speech, s: &'a str) -> Option<&'a str> {
    sp.particles.iter().any(|p| s.ends_with(p) && s.len() > p.len()).then_some(s)
}

/// The sentence's topic before the quotation: the phrase before its first
/// topic particle (Japanese X氏は…「…」と述べた; Korean X 대통령은 "…"라고).
fn topic(sp: &Speech, left: &str) -> Option<(Who, String)> {
    let clause = &left[left.rfind(['。', '.', '!', '?']).map_or(0, |i| i + 1)..];
    sp.particles
        .iter()
        .filter_map(|p| clause.find(p).map(|i| i + p.len()))
        .filter(|&i| i > 0)
        .min()
        .and_then(|i| parse(sp, &clause[..i]))
}

/// The part of `s` that opens its clause: after the last punctuation, and
/// before a word of the frame ("李明在记者会上" → "李明").
fn clause_start<'a>(sp: &Speech, s: &'a str) -> Option<&'a str> {
    let start = s.rfind(is_break).map_or(0, |k| k + s[k..].chars().next().map_or(1, char::len_utf8));
    let s = &s[start..];
    let end = sp.breaks.iter().filter_map(|b| s.find(b)).filter(|&i| i > 0).min().unwrap_or(s.len());
    let s = s[..end].trim();
    (!s.is_empty()).then_some(s)
}

/// Who a phrase in the speaker's place names: a pronoun; a name before an
/// honorific or title ("田中一郎首相", "김민수 대통령") or after a title
/// ("总统特朗普"); else the role or organisation itself ("外務省の報道官", "경찰").
fn parse(sp: &Speech, phrase: &str) -> Option<(Who, String)> {
    let s = trim(phrase);
    let s = &s[s.rfind(is_break).map_or(0, |k| k + s[k..].chars().next().map_or(1, char::len_utf8))..];
    let s = trim(s);
    let s = sp
        .particles
        .iter()
        .filter(|p| s.ends_with(*p) && s.len() > p.len())
        .max_by_key(|p| p.len())
        .map_or(s, |p| &s[..s.len() - p.len()]);
    let s = s.trim();
    if s.is_empty() || s.chars().count() > PHRASE {
        return None;
    }
    let written = s.to_owned();
    if sp.pronouns.contains(s) {
        return Some((Who::Pronoun, written));
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let last = *words.last()?;
    // A title before the name: "美国总统特朗普".
    if sp.title_first
        && let Some(found) = after_title(sp, s)
    {
        return Some((found, written));
    }
    // A title after the name, written apart (Korean) or glued to it.
    if let Some(title) = sp.titles.iter().filter(|t| last.ends_with(*t)).max_by_key(|t| t.len()) {
        let glued = &last[..last.len() - title.len()];
        let name = if !glued.is_empty() {
            trailing_name(glued)
        } else if words.len() >= 2 {
            trailing_name(words[words.len() - 2])
        } else {
            ""
        };
        return Some(if name.is_empty() {
            (Who::Role(written.clone()), written)
        } else {
            (Who::Name(name.to_owned()), written)
        });
    }
    let name = trailing_name(last);
    if name.is_empty() || name.chars().count() > NAME {
        return Some((Who::Role(written.clone()), written));
    }
    Some((Who::Name(name.to_owned()), written))
}

/// The name after the last title of `s`, when one follows it.
fn after_title(sp: &Speech, s: &str) -> Option<Who> {
    let (i, title) = sp.titles.iter().filter_map(|t| s.rfind(t).map(|i| (i, t))).max_by_key(|(i, t)| i + t.len())?;
    let name = s[i + title.len()..].trim();
    (!name.is_empty() && name.chars().count() <= NAME).then(|| Who::Name(name.to_owned()))
}

/// The name at the end of `s`: the run of Chinese characters, katakana or
/// Hangul (and the dot of foreign names) after the last kana particle.
fn trailing_name(s: &str) -> &str {
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        let kana = ('\u{3040}'..='\u{309F}').contains(&c);
        if kana || !(c.is_alphanumeric() || matches!(c, '・' | '·' | 'ー' | '-')) {
            break;
        }
        start = i;
    }
    &s[start..]
}

/// The people `toks` (a paragraph) names beside a title or honorific:
/// (byte offset, name, the title).
pub(super) fn names(text: &str, sp: &Speech, toks: &[Token]) -> Vec<(usize, String, Vec<String>)> {
    let mut out = Vec::new();
    let para = text_of(text, toks);
    let base = toks.first().map_or(0, |t| t.start);
    for title in sp.titles.iter() {
        for (i, _) in para.match_indices(title) {
            if !sp.title_first {
                // After the name: 田中一郎首相, 김민수 대통령.
                let before = para[..i].trim_end();
                let name = trailing_name(before.rsplit(char::is_whitespace).next().unwrap_or(before));
                if (2..=NAME).contains(&name.chars().count()) && !sp.pronouns.contains(name) {
                    out.push((base + before.len() - name.len(), name.to_owned(), vec![(*title).to_owned()]));
                }
                continue;
            }
            // Before it: 总统特朗普表示, up to a verb or a word of the frame.
            let after = &para[i + title.len()..];
            let end = after
                .char_indices()
                .find(|&(k, c)| {
                    !c.is_alphanumeric()
                        || sp.verbs.iter().any(|v| after[k..].starts_with(v))
                        || sp.breaks.iter().any(|b| after[k..].starts_with(b))
                        || sp.titles.iter().any(|t| after[k..].starts_with(t))
                })
                .map_or(after.len(), |(k, _)| k);
            let name = &after[..end];
            if (2..=4).contains(&name.chars().count()) && !sp.pronouns.contains(name) {
                out.push((base + i, name.to_owned(), vec![(*title).to_owned()]));
            }
        }
    }
    out.sort_by_key(|(p, _, _)| *p);
    out
}
