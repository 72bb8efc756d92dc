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
    // “…”李明说。 (in languages with particles, the speaker carries one:
    // "…"로 규정했다 names nobody).
    if let Some((v, verb)) =
        find_verb(sp, r).filter(|(v, _)| r[..*v].chars().count() <= PHRASE && !r[..*v].contains(is_break))
        && (sp.particles.is_empty() || ends_in_particle(sp, r[..v].trim()).is_some())
        && let Some((who, written)) = parse(sp, &r[..v])
    {
        return Some(Hit { who, written, cue: Some(verb.to_owned()), direct: true });
    }
    if let Some(h) = in_text(sp, left, true) {
        return Some(h);
    }
    if let Some(h) = earlier_in_sentence(sp, left) {
        return Some(h);
    }
    // A quotation that is its own sentence, attributed by the next one:
    // 「…」。国土交通省の担当者はこう述べた / "…." 신 장관은 이같이 밝혔다.
    // The next sentence may also stand in the same run of text after a
    // quotation ending its own ("…것 같습니다.” 선고 직후 … 정미숙 씨는 …
    // 말했다").
    let own_sentence = cx.quoted.trim_end().ends_with(['.', '。', '!', '?', '！', '？']);
    let empty = r.chars().all(|c| is_break(c) || c.is_whitespace());
    if cx.left.is_empty() && (empty || own_sentence) {
        let next = if empty { text_of(cx.text, cx.next) } else { r };
        if let Some((v, verb)) = find_verb(sp, next) {
            // "…。”李明说。": the speaker right before the verb, in a language
            // without topic particles.
            let before = &next[..v];
            let bare = || {
                (sp.particles.is_empty() && !before.contains(is_break) && before.chars().count() <= PHRASE)
                    .then(|| parse(sp, before))
                    .flatten()
            };
            if let Some((who, written)) = topic(sp, next).or_else(bare) {
                return Some(Hit { who, written, cue: Some(verb.to_owned()), direct: false });
            }
        }
    }
    // X は「…」と不満を口にした: a quotation tied to any verb by its
    // particle is speech, and the sentence's topic said it; unless short,
    // a name given to something (「ミライ計画」と名付けた).
    // Short, it is speech when a reporting verb closes the clause
    // (‘장밋빛 전망’이라고 꼬집었다).
    let clause = &r[..r.find(is_break).unwrap_or(r.len())];
    if sp.quote_links.iter().any(|l| r.starts_with(*l))
        && (cx.quoted.chars().filter(|c| c.is_alphanumeric()).count() > 10 || find_verb(sp, clause).is_some())
        && let Some((who, written)) = topic(sp, left)
    {
        return Some(Hit { who, written, cue: None, direct: true });
    }
    None
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
        let before = without_manner(sp, &l[..l.len() - verb.len()]);
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

/// A reporting verb and its speaker earlier in the quotation's sentence,
/// with a clause between them and the quotation: "陈静称，该项目“进展顺利”",
/// "卢主任提醒，如果孩子出现……，“一定要及时就医”". Languages without topic
/// particles only: in Japanese and Korean the verb follows the quotation.
fn earlier_in_sentence(sp: &Speech, left: &str) -> Option<Hit> {
    if !sp.particles.is_empty() {
        return None;
    }
    let start = left.rfind(['。', '！', '？']).map_or(0, |i| i + left[i..].chars().next().map_or(1, char::len_utf8));
    let sentence = &left[start..];
    let mut verbs: Vec<(usize, &str)> =
        sp.verbs.iter().flat_map(|v| sentence.match_indices(v).map(move |(i, _)| (i, v))).collect();
    verbs.sort_by_key(|&(i, v)| (i, usize::MAX - v.len()));
    verbs.into_iter().find_map(|(i, verb)| {
        // The verb closes its clause: a comma or colon right after it.
        let after = sentence[i + verb.len()..].chars().next()?;
        if !matches!(after, '，' | ',' | '：' | ':') {
            return None;
        }
        let before = without_manner(sp, &sentence[..i]);
        let (who, written) = clause_start(sp, before).and_then(|p| parse(sp, p))?;
        Some(Hit { who, written, cue: Some(verb.to_owned()), direct: false })
    })
}

/// `before` (what precedes a reporting verb) without a verb of manner at
/// its end: "范启明评价说" is 范启明 and 评价 before 说.
fn without_manner<'a>(sp: &Speech, before: &'a str) -> &'a str {
    match sp.verbs.iter().filter(|v| before.ends_with(*v)).max_by_key(|v| v.len()) {
        Some(manner) => &before[..before.len() - manner.len()],
        None => before,
    }
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

/// The sentence's topic before the quotation: the phrase before a topic
/// or subject particle (Japanese X氏は…「…」と述べた; Korean X 대통령은
/// "…"라고), the first that ends in a title if any does ("中央駅では…村上大輔
/// さん（34）は" is 村上大輔), else the first.
fn topic(sp: &Speech, left: &str) -> Option<(Who, String)> {
    let left = left.trim_end_matches(|c: char| is_break(c) || c.is_whitespace());
    let start = left.rfind(['。', '.', '!', '?']).map_or(0, |i| i + left[i..].chars().next().map_or(1, char::len_utf8));
    let clause = &left[start..];
    let spaced = clause.contains(' ');
    let mut candidates: Vec<usize> = sp
        .particles
        .iter()
        .flat_map(|p| clause.match_indices(p).map(move |(i, _)| (i, i + p.len())))
        // In a spaced script a particle ends its word ("철도" is no 도).
        .filter(|&(i, end)| {
            i > 0 && (!spaced || clause[end..].chars().next().is_none_or(|c| c.is_whitespace() || is_break(c)))
        })
        .map(|(i, _)| i)
        .collect();
    candidates.sort_unstable();
    let stem = |i: usize| without_aside(clause[..i].trim_end());
    let titled = candidates.iter().copied().find(|&i| sp.titles.iter().any(|t| stem(i).ends_with(t)));
    let at = titled.or(candidates.first().copied())?;
    parse(sp, stem(at))
}

/// `s` without a parenthesis closing it: "村上大輔さん（34）" → "村上大輔さん".
fn without_aside(s: &str) -> &str {
    match s.strip_suffix('）').or_else(|| s.strip_suffix(')')) {
        Some(inner) => inner.rfind(['（', '(']).map_or(s, |k| inner[..k].trim_end()),
        None => s,
    }
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
    let s = without_aside(trim(s));
    let s = sp
        .particles
        .iter()
        .filter(|p| s.ends_with(*p) && s.len() > p.len())
        .max_by_key(|p| p.len())
        .map_or(s, |p| &s[..s.len() - p.len()]);
    let s = s.trim();
    // A long run without spaces ("东方生命科学研究院研究员范启明"): the
    // speaker is at its end when a title stands there, by the name.
    let s = match s.char_indices().rev().nth(PHRASE - 1) {
        Some((k, _)) if !s.contains(' ') && sp.titles.iter().any(|t| s[k..].contains(t)) => &s[k..],
        _ => s,
    };
    // A long phrase in a spaced script: its last words ("시의회
    // 예산결산특별위원회의 심사보고서").
    let s = if s.chars().count() > PHRASE && s.contains(' ') {
        let start = s
            .rmatch_indices(' ')
            .take_while(|(i, _)| s[i + 1..].chars().count() <= PHRASE)
            .last()
            .map_or(s.len(), |(i, _)| i + 1);
        &s[start..]
    } else {
        s
    };
    if s.is_empty() || s.chars().count() > PHRASE {
        return None;
    }
    let written = s.to_owned();
    // "他", "不过他", "그는": a pronoun, after a conjunction or not.
    if sp.pronouns.iter().any(|p| s.ends_with(p) && s[..s.len() - p.len()].chars().count() <= 2) {
        return Some((Who::Pronoun, written));
    }
    // "고용노동부 관계자", "国土交通省の担当者": an unnamed official of a body.
    if sp.role_endings.iter().any(|r| s.ends_with(r)) {
        return Some((Who::Role(written.clone()), written));
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
        // "这位庭长", "同社長": the role of someone named before.
        if sp.determiners.contains(glued) {
            return Some((Who::Title(written.clone()), written));
        }
        let name = if !glued.is_empty() { trailing_name(glued) } else { name_before(sp, &words[..words.len() - 1]) };
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

/// The name among the words before a title written apart (Korean): the
/// nearest of two or three syllables, the length of a Korean name, so
/// that "강동혁 철도노조 위원장" is 강동혁 and "국토교통부 신혜원 장관" 신혜원.
fn name_before<'a>(sp: &Speech, words: &[&'a str]) -> &'a str {
    // "문소라 해솔시 대변인": a place or body before the title is nobody's name.
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !sp.titles.contains(w) && !sp.role_endings.contains(w) && !is_place(sp, w))
        .collect();
    // "채 씨", "배 의장": a family name alone right before the title.
    if let Some(last) = words.last().filter(|w| w.chars().count() == 1) {
        return trailing_name(last);
    }
    words
        .iter()
        .rev()
        .take(2)
        .find(|w| (2..=3).contains(&w.chars().count()))
        .or(words.last())
        .map_or("", |w| trailing_name(w))
}

/// Whether a word is a body's or a place's name by its ending: one of
/// the language's `bodies`, or the suffix of a city, county or province
/// the language's titles use for office-holders' places (Korean 시, 군, 도).
fn is_place(sp: &Speech, w: &str) -> bool {
    sp.bodies.iter().any(|b| w.ends_with(b)) || sp.places.iter().any(|p| w.chars().count() > 1 && w.ends_with(p))
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
    // Each title where it is written, the longest of those ending at one
    // place ("執行委員長", not "委員長").
    let mut found: Vec<(usize, &str)> =
        sp.titles.iter().flat_map(|t| para.match_indices(t).map(move |(i, _)| (i, t))).collect();
    found.sort_by_key(|&(i, t)| (i + t.len(), i));
    found.dedup_by_key(|&mut (i, t)| i + t.len());
    let spaced = para.contains(' ');
    let surnamed = |name: &str| sp.surnames.iter().any(|s| name.starts_with(s));
    for (i, title) in found {
        // "城南区居民表示": a role ending names nobody, unless a family name
        // follows it ("居民刘桂芳正在清理").
        if sp.role_endings.iter().any(|r| title.ends_with(r)) && !(sp.title_first && surnamed(&para[i + title.len()..]))
        {
            continue;
        }
        // Korean writes a title as its own word, with a particle at most
        // ("시장은", "대통령과"); "기자회견" (press conference) holds no
        // "기자" (reporter).
        if spaced {
            let rest = &para[i + title.len()..];
            let tail = rest.split(|c: char| c.is_whitespace() || is_break(c)).next().unwrap_or("");
            if tail.chars().count() > 2 {
                continue;
            }
        }
        if !sp.title_first {
            // After the name: 田中一郎首相, 김민수 대통령.
            let before = without_age(para[..i].trim_end());
            // Only the title's own clause: "…수단을 검토하겠다.\" 시장은" names
            // nobody before 시장.
            let clause = before
                .rfind(|c: char| is_break(c) || matches!(c, '"' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』'))
                .map_or(0, |k| k + before[k..].chars().next().map_or(1, char::len_utf8));
            let before = &before[clause..];
            let name = if before.len() < i - clause {
                let words: Vec<&str> = before.split_whitespace().collect();
                name_before(sp, &words[words.len().saturating_sub(3)..])
            } else {
                trailing_name(before)
            };
            if (2..=NAME).contains(&name.chars().count())
                && !sp.pronouns.contains(name)
                && let Some(at) = before.rfind(name)
            {
                out.push((base + clause + at, name.to_owned(), vec![title.to_owned()]));
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
        // Two characters after a title are a name only from a family name:
        // "记者采访" is an interview, "总统普京" a president.
        let short_unnamed = name.chars().count() == 2 && !sp.surnames.is_empty() && !surnamed(name);
        if (2..=4).contains(&name.chars().count()) && !sp.pronouns.contains(name) && !short_unnamed {
            out.push((base + i, name.to_owned(), vec![title.to_owned()]));
        }
    }
    out.extend(untitled(sp, para).map(|(i, name)| (base + i, name.to_owned(), Vec::new())));
    out.sort_by_key(|(p, _, _)| *p);
    out
}

/// Names written with no title, in a script with a table of family names:
/// a family name and one or two characters opening a clause or after 的,
/// right before a reporting verb or a word of the frame ("拄着拐杖的罗建军在
/// 法庭外", "罗建军说"). Byte offsets in `para`.
fn untitled<'a>(sp: &'a Speech, para: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let opens = |before: Option<char>| {
        before.is_none_or(|c| {
            is_break(c)
                || c.is_whitespace()
                || c == '的'
                || c.is_ascii_punctuation()
                || matches!(c, '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '《' | '》')
        })
    };
    // A two-character name ("罗军") only right before a reporting verb:
    // many words are a family name and one character ("计划").
    let follows = |rest: &str, n: usize| {
        sp.verbs.iter().any(|v| rest.starts_with(v)) || (n == 2 && sp.breaks.iter().any(|b| rest.starts_with(b)))
    };
    let before = std::iter::once(None).chain(para.chars().map(Some));
    para.char_indices().zip(before).filter(move |&(_, b)| opens(b)).filter_map(move |((i, _), _)| {
        let s = sp.surnames.iter().filter(|s| para[i..].starts_with(*s)).max_by_key(|s| s.len())?;
        let given = &para[i + s.len()..];
        // Two characters of a given name before one: "罗建军", then "罗军".
        [2, 1].into_iter().find_map(|n| {
            let (end, _) = given.char_indices().nth(n).unwrap_or((given.len(), ' '));
            let g = &given[..end];
            let name = &para[i..i + s.len() + end];
            if g.chars().count() != n || !g.chars().all(char::is_alphabetic) || !follows(&given[end..], n) {
                return None;
            }
            // "许教授", "卢主任", "公司将": a title or a body's word is no
            // given name.
            let word = |w: &&str| name.contains(*w) || w.starts_with(g);
            let common = sp.titles.iter().any(|t| word(&t)) || sp.bodies.iter().chain(sp.groups).any(word);
            (!common).then_some((i, name))
        })
    })
}

/// `text` without an age in brackets at its end: "정미숙(56)" → "정미숙",
/// "田中一郎（56）" → "田中一郎".
fn without_age(text: &str) -> &str {
    let Some(inner) = text.strip_suffix(')').or_else(|| text.strip_suffix('）')) else { return text };
    let Some(open) = inner.rfind(['(', '（']) else { return text };
    let age = &inner[open..].trim_start_matches(['(', '（']);
    if !age.is_empty() && age.chars().all(|c| c.is_ascii_digit()) { inner[..open].trim_end() } else { text }
}
