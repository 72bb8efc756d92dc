//! Which blocks of a page are the article. The page is read as a tree of
//! text blocks; the article is found the way a reader finds it:
//!
//! 1. where the publisher says it is — JSON-LD `articleBody` matched to the
//!    blocks that hold it, or an element marked `itemprop="articleBody"`;
//! 2. else where the prose is: paragraphs score their containers by length
//!    and punctuation (readability's measure), discounted by the share of
//!    link text, and the best container is taken with the siblings that
//!    score like it (an article split by ads and embeds);
//! 3. inside it, furniture is left out by what it is (navigation, asides,
//!    figure captions, forms), by what its class names say (share bars,
//!    related links, newsletters, comments, cookie notices, bylines and
//!    dates) and by how it reads (mostly links; a repeated block).
//!
//! Class names are trusted only where they cannot swallow the article: a
//! "sidebar" or "comments" wrapper that holds the headline or the marked
//! article is a layout wrapper, not furniture.

use super::dom::{self, Furniture, Page, Tag};

/// Blocks shorter than this (in characters) carry no weight as prose.
const MIN_PROSE: usize = 25;

/// The page split into headline, article and furniture.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The first top-level heading.
    pub headline: Option<String>,
    /// The article's paragraphs, in page order.
    pub body: Vec<String>,
    /// Every other text block of the page, in page order, without repeats.
    pub boilerplate: Vec<String>,
}

/// Per-element sums over the blocks inside it.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    chars: usize,
    link_chars: usize,
    /// Characters of prose blocks (long enough, few links).
    prose: usize,
    /// Holds a `<h1>`.
    has_h1: bool,
    /// Holds an element the page marks as the article.
    has_marked: bool,
}

impl Sums {
    fn link_density(&self) -> f32 {
        if self.chars == 0 { 0.0 } else { self.link_chars as f32 / self.chars as f32 }
    }
}

/// Text weight of a block: scripts written without spaces say in one
/// character what alphabets say in about three.
fn weight(text: &str, chars: usize) -> usize {
    let dense = text.chars().filter(|&c| is_dense(c)).count();
    chars + 2 * dense
}

fn is_dense(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn is_prose(text: &str, chars: usize, link_chars: usize) -> bool {
    weight(text, chars) >= MIN_PROSE && (link_chars as f32) < 0.3 * chars as f32
}

/// Splits a page into headline, article text and furniture.
pub fn extract(page: &Page, article_body: Option<&str>) -> Extracted {
    let strict = extract_with(page, article_body, false);
    if strict.body.is_empty() {
        // Class names that swallowed every paragraph ("item-caption" around
        // a video page's text, a theme calling every block a widget) are
        // not trusted a second time; tags and comment or consent blocks are.
        let relaxed = extract_with(page, article_body, true);
        if !relaxed.body.is_empty() {
            return relaxed;
        }
    }
    strict
}

fn extract_with(page: &Page, article_body: Option<&str>, relaxed: bool) -> Extracted {
    let n = page.els.len();
    if n == 0 {
        return Extracted::default();
    }
    let sums = sums_of(page, &[]);
    let total_prose = sums[0].prose.max(1);
    // Furniture, decided with what each element holds.
    let mut furniture = vec![None; n];
    for (i, el) in page.els.iter().enumerate() {
        let Some(kind) = el.furniture else { continue };
        if relaxed && kind == Furniture::Chrome && dom::tag_furniture(el.tag).is_none() {
            continue;
        }
        let s = &sums[i];
        let wrapper = s.has_h1 || s.has_marked || matches!(el.tag, Tag::Body | Tag::Main | Tag::Article);
        // A class name on a wrapper of most of the page's prose is layout; a
        // footer or aside is furniture however much it holds.
        let holds_most = kind == Furniture::Chrome && s.prose * 2 > total_prose && dom::tag_furniture(el.tag).is_none();
        if !wrapper && !holds_most {
            furniture[i] = Some(kind);
        }
    }
    let in_furniture = inherit(page, |i| furniture[i].is_some());
    let root = choose_root(page, &sums, &in_furniture, article_body);
    let mut is_root = vec![false; n];
    for &r in root.iter().flatten() {
        is_root[r] = true;
    }
    let in_root = inherit(page, |i| is_root[i]);
    let in_caption = inherit(page, |i| page.els[i].tag == Tag::Figcaption);
    let in_header = inherit(page, |i| page.els[i].tag == Tag::Header);
    let mut out = Extracted::default();
    let mut seen_body = rustc_hash::FxHashSet::default();
    let mut seen_other = rustc_hash::FxHashSet::default();
    let mut last_body_short = false;
    let first_in_root = page.blocks.iter().position(|b| in_root[b.el]).unwrap_or(0);
    for (index, block) in page.blocks.iter().enumerate() {
        let el = &page.els[block.el];
        let text = block.text.trim();
        if text.is_empty() {
            continue;
        }
        if el.tag == Tag::Heading(1) && out.headline.is_none() && !in_furniture[block.el] {
            out.headline = Some(text.to_owned());
            continue;
        }
        // A standfirst between the headline and the article's container.
        let lede = index < first_in_root
            && ((out.headline.is_some() && ends_sentence(text)) || index + 3 >= first_in_root)
            && weight(text, block.chars) >= 80
            && !is_link_list(block.chars, block.link_chars * 3);
        let body = (in_root[block.el] || lede)
            && !in_furniture[block.el]
            && !in_caption[block.el]
            // A header's lines are bylines and dates unless they are prose.
            && (!in_header[block.el] || is_prose(text, block.chars, block.link_chars))
            && !is_link_list(block.chars, block.link_chars)
            && !looks_like_furniture(text, el.tag)
            && seen_body.insert(text);
        if body {
            out.body.push(text.to_owned());
            last_body_short = text.split_whitespace().count() <= 5 && !ends_sentence(text);
        } else if last_body_short && (is_link_list(block.chars, block.link_chars) || in_furniture[block.el]) {
            // "Read more:", "Related" over a list of links: the label
            // belongs to the list.
            if let Some(label) = out.body.pop() {
                seen_body.remove(label.as_str());
                out.boilerplate.push(label);
            }
            last_body_short = false;
            if seen_other.insert(text) {
                out.boilerplate.push(text.to_owned());
            }
        } else if seen_other.insert(text) && !seen_body.contains(text) {
            out.boilerplate.push(text.to_owned());
        }
    }
    out
}

/// Sums of each element's blocks (but those of elements marked in
/// `left_out`, such as furniture), added up the tree: elements are in
/// preorder, so walking them backwards visits children before parents.
fn sums_of(page: &Page, left_out: &[bool]) -> Vec<Sums> {
    let mut sums = vec![Sums::default(); page.els.len()];
    for b in page.blocks.iter().filter(|b| !left_out.get(b.el).copied().unwrap_or(false)) {
        let s = &mut sums[b.el];
        s.chars += b.chars;
        s.link_chars += b.link_chars;
        if is_prose(&b.text, b.chars, b.link_chars) {
            s.prose += weight(&b.text, b.chars);
        }
    }
    for i in (0..page.els.len()).rev() {
        let el = &page.els[i];
        sums[i].has_h1 |= el.tag == Tag::Heading(1);
        sums[i].has_marked |= el.marked_body;
        if el.parent != usize::MAX {
            let child = sums[i];
            let p = &mut sums[el.parent];
            p.chars += child.chars;
            p.link_chars += child.link_chars;
            p.prose += child.prose;
            p.has_h1 |= child.has_h1;
            p.has_marked |= child.has_marked;
        }
    }
    sums
}

/// Marks each element for which `own` holds, or for an ancestor of which it does.
fn inherit(page: &Page, own: impl Fn(usize) -> bool) -> Vec<bool> {
    let mut marks = vec![false; page.els.len()];
    for i in 0..page.els.len() {
        let parent = page.els[i].parent;
        marks[i] = own(i) || (parent != usize::MAX && marks[parent]);
    }
    marks
}

/// A block that is mostly links: a menu line, a list of related stories.
fn is_link_list(chars: usize, link_chars: usize) -> bool {
    link_chars * 2 > chars
}

/// Lines that are furniture by how they read: a lone word or two without a
/// sentence's punctuation ("Advertisement", "Share"), a date line, a byline.
fn looks_like_furniture(text: &str, tag: Tag) -> bool {
    if matches!(tag, Tag::Heading(_)) {
        return false;
    }
    let words = text.split_whitespace().count();
    let dense = text.chars().any(is_dense);
    // A word or two standing alone ("Advertisement", "Share") is a label;
    // in a list or table it is an item ("Flour", "390 kcal").
    // Three in a bare container ("Share with friends") are a button's
    // label; a paragraph or heading of three words is text.
    // A list's heading ("Ingredients:") is text; a bare "Sorted by:" is not.
    let bare = matches!(tag, Tag::Div | Tag::Inline | Tag::Section);
    let limit = if bare { 3 } else { 2 };
    if words <= limit
        && !dense
        && !matches!(tag, Tag::Li | Tag::Cell)
        && !text.chars().any(|c| c.is_ascii_digit())
        && !ends_sentence(text)
        && (bare || !text.ends_with(':'))
    {
        return true;
    }
    // "Published: 2 February 2022", "asked Feb 6, 2014 at 20:37": a line
    // that is a date with a label.
    if words <= 8 && !ends_sentence(text) && has_date(text) {
        return true;
    }
    if words <= 6 {
        let lower = text.to_lowercase();
        if lower.starts_with("by ")
            || lower.starts_with("von ")
            || lower.starts_with("par ")
            || lower.starts_with("por ")
        {
            return true;
        }
        if let Some((_, used)) = crate::ingest::dates::scan(text)
            && used * 2 >= text.len()
        {
            return true;
        }
    }
    false
}

/// The element(s) holding the article.
fn choose_root(page: &Page, sums: &[Sums], in_furniture: &[bool], article_body: Option<&str>) -> Option<Vec<usize>> {
    if let Some(root) = article_body.and_then(|b| root_of_article_body(page, b)) {
        return Some(vec![root]);
    }
    let marked = (0..page.els.len())
        .filter(|&i| {
            page.els[i].marked_body && is_container(page.els[i].tag) && !in_furniture[i] && sums[i].prose >= 200
        })
        .max_by_key(|&i| sums[i].prose);
    if let Some(m) = marked {
        return Some(vec![m]);
    }
    scored_root(page, sums, in_furniture)
}

/// The lowest element holding both the start and the end of the publisher's
/// `articleBody`, if the page shows that text.
fn root_of_article_body(page: &Page, body: &str) -> Option<usize> {
    let words: Vec<&str> = body.split_whitespace().collect();
    if words.len() < 30 {
        return None;
    }
    let probe = |ws: &[&str]| ws.join(" ");
    let head = probe(&words[..8]);
    let tail = probe(&words[words.len() - 8..]);
    let first = page.blocks.iter().find(|b| b.text.contains(&head))?;
    let last = page.blocks.iter().rev().find(|b| b.text.contains(&tail))?;
    let mut a = first.el;
    let mut b = last.el;
    // Lowest common ancestor: indices are preorder, so the deeper of two
    // candidates has the larger index.
    while a != b || !is_container(page.els[a].tag) {
        if a >= b {
            a = page.els[a].parent;
        } else {
            b = page.els[b].parent;
        }
        if a == usize::MAX || b == usize::MAX {
            return None;
        }
    }
    // A teaser that repeats the article's first and last words is not
    // the article: the container must hold most of the text.
    let within = inherit(page, |i| i == a);
    let held: usize = page.blocks.iter().filter(|bl| within[bl.el]).map(|bl| bl.text.len()).sum();
    (held * 2 >= body.len()).then_some(a)
}

/// Readability's measure: each prose block adds to the score of the
/// elements above it (its container fully, then a half, then a sixth).
fn scored_root(page: &Page, sums: &[Sums], in_furniture: &[bool]) -> Option<Vec<usize>> {
    let n = page.els.len();
    let mut score = vec![f32::NAN; n];
    let base = |i: usize| -> f32 {
        let el = &page.els[i];
        let tag = match el.tag {
            Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
            Tag::Pre | Tag::Cell | Tag::Blockquote => 3.0,
            Tag::Address | Tag::List | Tag::Li | Tag::Form => -3.0,
            Tag::Heading(_) => -5.0,
            _ => 0.0,
        };
        tag + if el.positive { 25.0 } else { 0.0 } + if el.furniture.is_some() { -25.0 } else { 0.0 }
    };
    for b in &page.blocks {
        if in_furniture[b.el] || !is_prose(&b.text, b.chars, b.link_chars) {
            continue;
        }
        let commas = b.text.chars().filter(|c| matches!(c, ',' | '，' | '、' | '،')).count() as f32;
        let points = 1.0 + commas + (weight(&b.text, b.chars) as f32 / 100.0).min(3.0);
        // A block whose element is a paragraph scores the paragraph's
        // container; text written straight into a div scores the div.
        let mut at = if is_container(page.els[b.el].tag) { b.el } else { page.els[b.el].parent };
        for level in 0..3 {
            if at == usize::MAX {
                break;
            }
            if score[at].is_nan() {
                score[at] = base(at);
            }
            score[at] += points / [1.0, 2.0, 6.0][level];
            at = page.els[at].parent;
        }
    }
    let final_score = |i: usize| score[i] * (1.0 - sums[i].link_density());
    let top = (0..n)
        .filter(|&i| !score[i].is_nan() && !in_furniture[i])
        .max_by(|&a, &b| final_score(a).total_cmp(&final_score(b)))?;
    let clean = sums_of(page, in_furniture);
    let top = climb(page, top, &clean);
    let top_score = if score[top].is_nan() { 0.0 } else { final_score(top) };
    let parent = page.els[top].parent;
    if parent == usize::MAX {
        return Some(vec![top]);
    }
    // Siblings that read like the top candidate: the rest of an article
    // that ads or embeds split into several containers.
    let threshold = (top_score * 0.2).max(10.0);
    let roots = (0..n)
        .filter(|&i| page.els[i].parent == parent && !in_furniture[i])
        .filter(|&i| {
            if i == top {
                return true;
            }
            let bonus = if page.els[i].positive == page.els[top].positive && page.els[i].positive {
                top_score * 0.2
            } else {
                0.0
            };
            if !score[i].is_nan() && final_score(i) + bonus >= threshold {
                return true;
            }
            // A lede or a section in a container of its own: prose
            // through and through.
            let c = &clean[i];
            c.prose >= 60 && c.prose as f32 >= 0.6 * c.chars as f32 && c.link_density() < 0.2
        })
        .collect();
    Some(roots)
}

/// Goes up from the best-scored container while an ancestor holds much
/// more prose outside furniture: an article written as several sections,
/// each its own container, is one article.
fn climb(page: &Page, top: usize, clean: &[Sums]) -> usize {
    let mut at = top;
    let mut p = page.els[top].parent;
    while p != usize::MAX && page.els[p].tag != Tag::Body && page.els[p].parent != usize::MAX {
        if clean[p].link_density() >= 0.35 {
            break;
        }
        if clean[p].prose as f32 >= 1.3 * clean[at].prose as f32 {
            at = p;
        }
        p = page.els[p].parent;
    }
    at
}

/// Whether a text holds a year (1900–2099) or a clock time ("20:37").
fn has_date(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        let boundary = i == 0 || !b[i - 1].is_ascii_digit();
        let digits = |n: usize| b.len() >= i + n && b[i..i + n].iter().all(u8::is_ascii_digit);
        let ends = |n: usize| b.get(i + n).is_none_or(|c| !c.is_ascii_digit());
        boundary
            && ((digits(4) && ends(4) && (b[i..i + 2] == *b"19" || b[i..i + 2] == *b"20"))
                || (digits(2)
                    && b.get(i + 2) == Some(&b':')
                    && b.len() >= i + 5
                    && b[i + 3..i + 5].iter().all(u8::is_ascii_digit)))
    })
}

/// Whether a text ends as a sentence does, in any script, quotation marks
/// after the stop included.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '“', '»', '«', '’', '\'', ')', '」', '』', '）']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', '।']) || (t.len() < text.len() && t.ends_with(','))
}

/// Elements that hold paragraphs rather than being one.
fn is_container(tag: Tag) -> bool {
    matches!(tag, Tag::Div | Tag::Section | Tag::Article | Tag::Main | Tag::Body)
}
