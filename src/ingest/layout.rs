//! The layout of a news page saved as text: which paragraph is the headline,
//! which lines are metadata (bylines, date lines, datelines), which are page
//! furniture (promos of other stories, captions, related-story blocks, stray
//! UI words), and which are the article.
//!
//! Every rule here describes how news pages are built, not any one file:
//! captions end in a photo credit, promos are set in capitals, related-story
//! blocks run to the end of the page, a byline precedes the body.

use super::{Meta, Paragraph, dates};

/// A text split into its parts, plus the metadata found along the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The headline, when the text has one.
    pub headline: Option<Paragraph>,
    /// The article's paragraphs.
    pub body: Vec<Paragraph>,
    /// Furniture that is not the article.
    pub boilerplate: Vec<Paragraph>,
    /// Metadata read from the text itself.
    pub found: Meta,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    /// Consumed as metadata (a byline, a date line); not kept as text.
    Meta,
    Boilerplate,
    Headline,
}

struct Para {
    p: Paragraph,
    /// Words in the paragraph, counted once: most rules are for short lines.
    words: usize,
    role: Role,
    /// Metadata was read from this paragraph (all of it or a prefix).
    had_meta: bool,
}

/// Splits `text` (already decoded, `\n` line ends) into headline, body and
/// boilerplate. `known_title`, from a manifest, locates the headline when
/// the text's first lines are furniture.
pub fn split(text: &str, known_title: Option<&str>) -> Layout {
    let mut found = Meta::default();
    let mut paras: Vec<Para> = paragraphs(text)
        .into_iter()
        .map(|p| Para { words: words(&p.text), p, role: Role::Body, had_meta: false })
        .collect();

    read_head_metadata(&mut paras, &mut found);
    mark_boilerplate(&mut paras);
    let title_at = find_headline(&paras, known_title);
    if let Some(t) = title_at {
        let title = paras[t].p.text.clone();
        for (i, para) in paras.iter_mut().enumerate() {
            if i < t && para.role == Role::Body {
                // What precedes the headline on a page is furniture: site
                // addresses, image descriptions, navigation.
                para.role = Role::Boilerplate;
            } else if i > t && para.role == Role::Body && same_words(&para.p.text, &title) {
                para.role = Role::Boilerplate;
            }
        }
        paras[t].role = Role::Headline;
    }
    read_dateline(&mut paras, &mut found);

    let mut layout = Layout { found, ..Layout::default() };
    for para in paras {
        match para.role {
            Role::Body => layout.body.push(para.p),
            Role::Boilerplate => layout.boilerplate.push(para.p),
            Role::Headline => layout.headline = Some(para.p),
            Role::Meta => {}
        }
    }
    // A page that is nothing but furniture by these rules is more likely a
    // short article the rules misjudged; keep its text as the body.
    if layout.body.is_empty() && !layout.boilerplate.is_empty() {
        layout.body = std::mem::take(&mut layout.boilerplate);
    }
    layout
}

/// Paragraphs are lines. Text hard-wrapped at a fixed width (blocks of
/// lines of similar length separated by blank lines) is joined per block.
fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines: Vec<(u64, &str)> = text.lines().enumerate().map(|(i, l)| (i as u64 + 1, l.trim())).collect();
    let hard_wrapped = looks_hard_wrapped(&lines);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut in_block = false;
    for (line, l) in lines {
        if l.is_empty() {
            in_block = false;
            continue;
        }
        if hard_wrapped && in_block {
            let last = out.last_mut().expect("a block has a first line");
            last.text.push(' ');
            last.text.push_str(l);
        } else {
            out.push(Paragraph { text: l.to_owned(), line });
        }
        in_block = true;
    }
    out
}

fn looks_hard_wrapped(lines: &[(u64, &str)]) -> bool {
    // Lines that are followed by another line of the same block, i.e. lines
    // that were broken by the wrapper rather than ended by the writer.
    let mut wrapped = Vec::new();
    let mut nonempty = 0;
    for w in lines.windows(2) {
        if !w[0].1.is_empty() {
            nonempty += 1;
            if !w[1].1.is_empty() {
                wrapped.push(w[0].1.chars().count());
            }
        }
    }
    if nonempty < 4 || wrapped.len() * 2 < nonempty {
        return false;
    }
    let max = lines.iter().map(|(_, l)| l.chars().count()).max().unwrap_or(0);
    wrapped.sort_unstable();
    let median = wrapped[wrapped.len() / 2];
    max <= 100 && (40..=90).contains(&median)
}

/// Whether two paragraphs are the same words, whatever the case and spacing.
fn same_words(a: &str, b: &str) -> bool {
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q))
                if p.len() == q.len()
                    && p.chars().zip(q.chars()).all(|(c, d)| c.to_lowercase().eq(d.to_lowercase())) => {}
            _ => return false,
        }
    }
}

/// Whitespace-collapsed, lowercased form for comparing paragraphs.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Ends like a sentence (or a quotation that ends one).
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    t.ends_with(['.', '!', '?', '…'])
}

// ---- metadata in the head of the page ----

/// Bylines, date lines and "Posted :" lines sit above the body; reading
/// them stops at the first paragraph that is plainly the article.
fn read_head_metadata(paras: &mut [Para], found: &mut Meta) {
    for para in paras.iter_mut().take(12) {
        let text = para.p.text.clone();
        if let Some(rest) = strip_date_prefix(&text, found) {
            para.had_meta = true;
            if rest.is_empty() {
                para.role = Role::Meta;
            } else {
                para.p.text = rest;
            }
            continue;
        }
        if let Some(byline) = parse_byline(&text) {
            para.had_meta = true;
            para.role = Role::Meta;
            found.author = found.author.take().or(byline.author);
            found.outlet = found.outlet.take().or(byline.outlet);
            found.published = found.published.take().or(byline.published);
            continue;
        }
        if para.words <= 14
            && let Some(published) = parse_date_line(&text)
        {
            para.had_meta = true;
            para.role = Role::Meta;
            found.published = found.published.take().or(Some(published));
            continue;
        }
        if para.words > 40 {
            break;
        }
    }
}

/// A line that opens with a date marker (` date 2025-02-08 Text…`): returns
/// the text after it.
fn strip_date_prefix(text: &str, found: &mut Meta) -> Option<String> {
    let label = ["date:", "date", "published:", "published", "posted:", "posted"].into_iter().find(|l| {
        text.get(..l.len()).is_some_and(|head| head.eq_ignore_ascii_case(l)) && text[l.len()..].starts_with([' ', ':'])
    })?;
    let rest = text[label.len()..].trim_start_matches([' ', ':']);
    let (date, used) = dates::scan(rest)?;
    let iso = date.iso()?;
    found.published.get_or_insert(iso);
    Some(rest[used..].trim().to_owned())
}

struct Byline {
    author: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

/// Words that end the names of news organisations; they tell "By Chris
/// Massaro Fox News" apart from a three-word personal name.
#[rustfmt::skip]
const OUTLET_WORDS: &[&str] = &[
    "news", "times", "post", "press", "journal", "herald", "tribune", "reuters", "agency", "daily", "media",
    "network", "tv", "radio", "gazette", "telegraph", "guardian", "express", "observer", "chronicle",
    "magazine", "wire", "today", "insider", "review", "examiner", "independent", "mail", "mirror", "star",
    "sun", "bbc", "cnn", "ap", "afp", "upi", "yonhap", "kyodo", "bloomberg", "politico", "axios", "npr", "abc",
    "cbs", "nbc",
];

const STAMP_LABELS: &[&str] = &["posted", "published", "updated", "modified", "last updated"];

fn parse_byline(text: &str) -> Option<Byline> {
    let rest = text.strip_prefix("By ").or_else(|| text.strip_prefix("BY "))?;
    // What follows the names: a date stamp ("Posted : February 8, 2025").
    let lower = rest.to_ascii_lowercase();
    let stamp_at = STAMP_LABELS.iter().filter_map(|l| find_word(&lower, l)).min().unwrap_or(rest.len());
    let names = rest[..stamp_at].trim().trim_end_matches([',', '|', '-', '–', '—', ' ']);
    let tokens: Vec<&str> = names.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 10 || ends_sentence(names) {
        return None;
    }
    let name_like = |t: &str| {
        t.chars().next().is_some_and(|c| c.is_uppercase())
            || matches!(t, "and" | "&" | "de" | "van" | "von" | "da" | "del" | "bin" | "al" | ",")
    };
    if !tokens.iter().all(|t| name_like(t.trim_end_matches(','))) {
        return None;
    }
    let published = stamp_at.lt(&rest.len()).then(|| first_date_in(&rest[stamp_at..])).flatten();
    // "Chris Massaro Fox News": the trailing words form an outlet name when
    // they end in a word news organisations are named with.
    let mut author_end = tokens.len();
    let mut outlet = None;
    if tokens.len() >= 3 && OUTLET_WORDS.contains(&tokens[tokens.len() - 1].to_ascii_lowercase().as_str()) {
        let person_len = if tokens.len() >= 4 && tokens[1].len() == 2 && tokens[1].ends_with('.') { 3 } else { 2 };
        if tokens.len() > person_len {
            author_end = person_len;
            outlet = Some(tokens[person_len..].join(" "));
        }
    }
    Some(Byline { author: Some(tokens[..author_end].join(" ").trim_end_matches(',').to_owned()), outlet, published })
}

/// A short line that only states when the story was posted or updated.
fn parse_date_line(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let label_at = STAMP_LABELS.iter().filter_map(|l| find_word(&lower, l)).min()?;
    if label_at > 0 {
        return None;
    }
    first_date_in(text)
}

/// The first complete date anywhere in `s`.
fn first_date_in(s: &str) -> Option<String> {
    s.char_indices()
        .filter(|&(i, c)| c.is_alphanumeric() && (i == 0 || !s[..i].ends_with(|p: char| p.is_alphanumeric())))
        .find_map(|(i, _)| dates::scan(&s[i..]).and_then(|(d, _)| d.iso()))
}

/// Byte offset of `word` in `hay` where it stands as a whole word.
fn find_word(hay: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(word) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + word.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

// ---- datelines ----

/// `SEOUL, February 08 (AJP) - Text…`, `WASHINGTON (Reuters) — Text…`:
/// the place, date and agency that open the first body paragraph.
fn read_dateline(paras: &mut [Para], found: &mut Meta) {
    let Some(para) = paras.iter_mut().filter(|p| p.role == Role::Body).take(3).find(|p| dateline(&p.p.text).is_some())
    else {
        return;
    };
    let d = dateline(&para.p.text).expect("found above");
    found.dateline.get_or_insert(d.place);
    if let Some(agency) = d.agency {
        found.outlet.get_or_insert(agency);
    }
    // Datelines usually omit the year; a complete one dates the story.
    if let Some(iso) = d.date.and_then(|d| d.iso()) {
        found.published.get_or_insert(iso);
    }
    para.p.text = para.p.text[d.len..].to_owned();
    para.had_meta = true;
}

struct Dateline {
    place: String,
    agency: Option<String>,
    date: Option<dates::FoundDate>,
    len: usize,
}

fn dateline(text: &str) -> Option<Dateline> {
    // The place: words in capitals ("SEOUL", "NEW YORK", "ST. LOUIS").
    let place_len = text
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-')))
        .map_or(text.len(), |(i, _)| i);
    let place = text[..place_len].trim().trim_end_matches(['-', ' ']);
    if place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let mut rest = &text[place.len()..];
    rest = rest.trim_start_matches([',', ' ', '\u{a0}']);
    let mut date = None;
    if let Some((d, used)) = dates::scan(rest) {
        date = Some(d);
        rest = rest[used..].trim_start_matches([',', ' ', '\u{a0}']);
    }
    let mut agency = None;
    if let Some(inner) = rest.strip_prefix('(') {
        let close = inner.find(')')?;
        let name = &inner[..close];
        if name.is_empty() || name.len() > 40 || words(name) > 4 {
            return None;
        }
        agency = Some(name.to_owned());
        rest = &inner[close + 1..];
    }
    let after_dash = rest.trim_start_matches([' ', '\u{a0}']);
    let dash = ["-", "–", "—", "--"].into_iter().find(|d| after_dash.starts_with(d))?;
    // Any blank, a tab too: what remains is a paragraph, trimmed like the others.
    let body = after_dash[dash.len()..].trim_start_matches(|c: char| c == '-' || c.is_whitespace());
    // A dateline needs an agency or a date; a capitalised word and a dash
    // alone ("UPDATE - …") is not one.
    if agency.is_none() && date.is_none() && words(place) > 3 {
        return None;
    }
    if body.is_empty() {
        return None;
    }
    Some(Dateline { place: place.to_owned(), agency, date, len: text.len() - body.len() })
}

// ---- the headline ----

fn headline_like(text: &str) -> bool {
    let n = words(text);
    (2..=30).contains(&n) && !text.ends_with(':')
}

fn find_headline(paras: &[Para], known_title: Option<&str>) -> Option<usize> {
    let candidates = || paras.iter().enumerate().take(12).filter(|(_, p)| p.role == Role::Body);
    if let Some(title) = known_title.map(squash).filter(|t| !t.is_empty())
        && let Some((i, _)) = candidates().find(|(_, p)| same_words(&p.p.text, &title))
    {
        return Some(i);
    }
    // A headline printed twice in a row (page title and heading) is the headline.
    for (i, p) in candidates() {
        let next = paras[i + 1..].iter().find(|q| q.role == Role::Body);
        if headline_like(&p.p.text) && next.is_some_and(|q| same_words(&q.p.text, &p.p.text)) {
            return Some(i);
        }
    }
    // Otherwise the first paragraph, if it stands above the byline or date
    // line: a paragraph that itself carries metadata starts the body.
    let (i, first) = candidates().next()?;
    let first_meta = paras.iter().position(|p| p.had_meta);
    let above_meta = first_meta.is_none_or(|m| m > i);
    let more_follows = paras[i + 1..].iter().any(|p| p.role == Role::Body);
    (above_meta && more_follows && headline_like(&first.p.text) && dateline(&first.p.text).is_none()).then_some(i)
}

// ---- furniture ----

fn mark_boilerplate(paras: &mut [Para]) {
    let script = dominant_script(paras);
    let shouting: Vec<bool> = paras.iter().map(|p| is_shouting(&p.p.text)).collect();
    let allow_caps = shouting.iter().filter(|&&s| s).count() * 2 < paras.len();
    let captions: Vec<bool> = paras.iter().map(|p| is_caption(&p.p.text)).collect();

    for (i, para) in paras.iter_mut().enumerate() {
        if para.role != Role::Body {
            continue;
        }
        let (t, n) = (&para.p.text, para.words);
        // Rules for short lines are tried on short lines only.
        if (n <= 6 && is_ui_words(t))
            || (n <= 25 && is_inline_promo(t))
            || captions[i]
            || (n <= 8 && is_contact_line(t))
            || (n <= 20 && is_legal_line(t))
            || (allow_caps && shouting[i])
            || (n <= 8 && foreign_script_snippet(t, script))
        {
            para.role = Role::Boilerplate;
        }
    }
    // A short unpunctuated line right above a caption is the image's alt text.
    for i in 1..paras.len() {
        if captions[i] && paras[i - 1].role == Role::Body && is_label(&paras[i - 1]) {
            paras[i - 1].role = Role::Boilerplate;
        }
    }
    // A related-stories block runs to the end of the page. Only after some
    // of the article: such a heading at the very top is navigation.
    // Counted as the scan goes: recounting from the top at each heading is
    // quadratic on a page of headings and furniture.
    let mut body_seen = 0;
    let start = (0..paras.len()).find(|&i| {
        let found = body_seen >= 2 && paras[i].words <= 30 && is_related_heading(&paras[i].p.text);
        body_seen += usize::from(paras[i].role == Role::Body);
        found
    });
    if let Some(start) = start {
        for p in &mut paras[start..] {
            if p.role == Role::Body {
                p.role = Role::Boilerplate;
            }
        }
    }
    // A label between two pieces of furniture is furniture too (a site's
    // "Latest News" line between a tag list and a related block).
    loop {
        let mut changed = false;
        for i in 0..paras.len() {
            let furniture =
                |j: Option<usize>| j.is_none_or(|j| matches!(paras[j].role, Role::Boilerplate | Role::Meta));
            let before = i.checked_sub(1);
            let after = (i + 1 < paras.len()).then_some(i + 1);
            let has_neighbour = before.is_some() || after.is_some();
            if paras[i].role == Role::Body
                && is_label(&paras[i])
                && has_neighbour
                && furniture(before)
                && furniture(after)
                && (before.is_some_and(|j| paras[j].role == Role::Boilerplate)
                    || after.is_some_and(|j| paras[j].role == Role::Boilerplate))
            {
                paras[i].role = Role::Boilerplate;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// A short line that is not a sentence: a label, a heading, alt text.
fn is_label(p: &Para) -> bool {
    p.words <= 12 && !ends_sentence(&p.p.text)
}

/// A one-line promo of another story inside the article: "RELATED: …",
/// "READ MORE: …", "WATCH: …". Unlike a related-stories heading, the
/// article goes on after it.
fn is_inline_promo(t: &str) -> bool {
    const LABELS: &[&str] = &["related", "read more", "also read", "read also", "watch", "see also", "more", "listen"];
    // The label and its colon open the line.
    if !t.char_indices().take(14).any(|(_, c)| c == ':') {
        return false;
    }
    let lower = squash(t);
    LABELS.iter().any(|l| lower.strip_prefix(l).is_some_and(|rest| rest.starts_with(':') && rest.len() > 1))
}

/// Interface words a page prints around an article.
fn is_ui_words(t: &str) -> bool {
    #[rustfmt::skip]
    const UI: &[&str] = &[
        "published", "updated", "share", "share this", "share this article", "share on facebook",
        "share on twitter", "print", "email", "e-mail", "comments", "comment", "advertisement", "ad",
        "sponsored", "sponsored content", "read more", "read more »", "read more >", "continue reading",
        "subscribe", "sign up", "log in", "login", "close", "menu", "home", "follow us", "tweet", "copy link",
        "link copied", "listen", "listen to this article", "save", "bookmark", "next", "previous",
        "back to top", "skip to content", "skip to main content", "loading", "loading...", "expand", "enlarge",
        "view comments", "show comments", "hide caption", "toggle caption", "image", "photo", "video",
        "play video", "watch", "more", "see more", "top", "also read",
    ];
    let s = squash(t);
    let s = s.trim_end_matches([':', '»', '›', '>', ' ']);
    UI.contains(&s)
}

/// Photo captions end in (or start with) a credit.
fn is_caption(t: &str) -> bool {
    #[rustfmt::skip]
    const CREDITS: &[&str] = &[
        "ap", "afp", "reuters", "getty", "yonhap", "upi", "epa", "efe", "xinhua", "kyodo", "bloomberg",
        "shutterstock", "newsis", "news1", "ansa", "dpa", "anadolu", "pool", "istock", "alamy", "imago",
    ];
    let trimmed = t.trim();
    let lower = trimmed.to_ascii_lowercase();
    if ["photo:", "image:", "caption:", "photo by ", "photograph:", "file photo", "(photo"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    // "(AP Photo/Evan Vucci)", "(Getty Images)", "(Photo: Reuters)".
    if let Some(open) = trimmed.strip_suffix(')').and_then(|s| s.rfind('(').map(|i| &s[i + 1..])) {
        let inner = open.to_ascii_lowercase();
        let credit_word = inner.split(|c: char| !c.is_alphanumeric()).any(|w| {
            CREDITS.contains(&w) || matches!(w, "photo" | "photos" | "image" | "images" | "credit" | "courtesy")
        });
        if credit_word
            && (inner.contains('/') || inner.contains("photo") || inner.contains("image") || words(open) <= 3)
        {
            return true;
        }
    }
    // "… on Feb. 7, 2025. UPI-Yonhap": a credit as the last word, unpunctuated.
    if !ends_sentence(trimmed) && trimmed.split_whitespace().nth(3).is_some() {
        let last = lower.split_whitespace().next_back().unwrap_or("");
        let parts: Vec<&str> = last.split(['-', '/']).filter(|p| !p.is_empty()).collect();
        if !parts.is_empty() && parts.iter().all(|p| CREDITS.contains(p)) {
            return true;
        }
        if lower.ends_with("getty images") || lower.ends_with("ap photo") {
            return true;
        }
    }
    false
}

/// Street addresses, phone and email lines: a site's contact block (or a
/// theme's placeholder address).
fn is_contact_line(t: &str) -> bool {
    let lower = squash(t);
    if matches!(lower.as_str(), "physical address" | "address" | "contact" | "contact us" | "mailing address")
        || ["phone:", "tel:", "tel.", "fax:", "email:", "e-mail:"].iter().any(|p| lower.starts_with(p))
    {
        return true;
    }
    let w: Vec<&str> = t.split_whitespace().collect();
    if w.is_empty() || w.len() > 8 || ends_sentence(t) && !t.ends_with("St.") && !t.ends_with("Ave.") {
        return false;
    }
    // "304 North Cardinal St."
    #[rustfmt::skip]
    const STREET: &[&str] = &[
        "st", "st.", "street", "ave", "ave.", "avenue", "rd", "rd.", "road", "blvd", "blvd.", "boulevard",
        "lane", "ln", "ln.", "dr", "dr.", "drive", "way", "plaza", "suite",
    ];
    let street = w[0].chars().all(|c| c.is_ascii_digit())
        && w.len() >= 3
        && STREET.contains(&w[w.len() - 1].to_ascii_lowercase().as_str());
    // "Dorchester Center, MA 02124"
    let zip = w.len() >= 3 && {
        let last = w[w.len() - 1];
        let state = w[w.len() - 2];
        last.len() >= 5
            && last.chars().take(5).all(|c| c.is_ascii_digit())
            && state.len() == 2
            && state.chars().all(|c| c.is_ascii_uppercase())
            && w[w.len() - 3].ends_with(',')
    };
    street || zip
}

fn is_legal_line(t: &str) -> bool {
    let lower = t.to_lowercase();
    words(t) <= 20
        && (lower.starts_with('©')
            || lower.starts_with("(c) ")
            || lower.starts_with("copyright")
            || lower.contains("all rights reserved"))
}

/// A line set in capitals: promo headlines of other stories, tag lists.
fn is_shouting(t: &str) -> bool {
    let (mut letters, mut upper, mut lower) = (0usize, 0usize, 0usize);
    for c in t.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
        // More lowercase than a tenth of all the characters: not shouting,
        // whatever follows (a long paragraph need not be read to the end).
        if lower * 10 > t.len() {
            return false;
        }
    }
    letters >= 12 && upper + lower > 0 && upper * 10 >= (upper + lower) * 9 && t.split_whitespace().nth(2).is_some()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Script {
    Latin,
    Hangul,
    Cjk,
    Cyrillic,
    Arabic,
    Other,
}

fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF => Script::Cjk,
        0x0400..=0x04FF => Script::Cyrillic,
        0x0600..=0x06FF => Script::Arabic,
        _ => Script::Other,
    })
}

fn dominant_script(paras: &[Para]) -> Option<Script> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for c in paras.iter().flat_map(|p| p.p.text.chars()) {
        if let Some(s) = script_of(c) {
            match counts.iter_mut().find(|(k, _)| *k == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(s, _)| s)
}

/// A few words in another script than the page's: interface labels left
/// over from the site's own language ("기사 이미지 확대 보기 닫기").
fn foreign_script_snippet(t: &str, page: Option<Script>) -> bool {
    let Some(page) = page else { return false };
    if words(t) > 8 {
        return false;
    }
    let scripts: Vec<Script> = t.chars().filter_map(script_of).collect();
    !scripts.is_empty() && scripts.iter().filter(|&&s| s != page).count() * 10 >= scripts.len() * 8
}

/// Headings that open a block of links to other stories.
fn is_related_heading(t: &str) -> bool {
    #[rustfmt::skip]
    const HEADINGS: &[&str] = &[
        "similar news", "related news", "related articles", "related stories", "related coverage",
        "related content", "related posts", "more from", "more stories", "more news", "recommended",
        "recommended for you", "you may also like", "you might also like", "most read", "most popular",
        "trending", "trending now", "read next", "what to read next", "latest stories", "latest news",
        "more on this story", "also on",
    ];
    let lower = squash(t);
    HEADINGS.iter().any(|h| {
        lower == *h || lower.strip_prefix(h).is_some_and(|rest| rest.starts_with(':') || rest.starts_with(" :"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(ps: &[Paragraph]) -> Vec<&str> {
        ps.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn headline_byline_and_captions() {
        let text = "Mayor opens bridge after decade of delays\n\nBy Ann Lee Daily Herald\nPublished\n\
                    The mayor opened the bridge on Monday.\n\n\
                    A view of the bridge at dusk. (AP Photo/John Doe)\n\n\
                    \"It is finally done,\" the mayor said.\n";
        let l = split(text, None);
        assert_eq!(l.headline.unwrap().text, "Mayor opens bridge after decade of delays");
        assert_eq!(l.found.author.as_deref(), Some("Ann Lee"));
        assert_eq!(l.found.outlet.as_deref(), Some("Daily Herald"));
        assert_eq!(
            texts(&l.body),
            ["The mayor opened the bridge on Monday.", "\"It is finally done,\" the mayor said."]
        );
        assert_eq!(texts(&l.boilerplate), ["Published", "A view of the bridge at dusk. (AP Photo/John Doe)"]);
    }

    #[test]
    fn posted_stamp_and_dateline() {
        let text = "Council votes on budget\n\nBy Jo Park Posted : March 3, 2024, 09:15 Updated : March 3, 2024, 10:00\n\
                    BUSAN, March 03 (KNA) - The council approved the budget on Sunday.\n";
        let l = split(text, None);
        assert_eq!(l.found.published.as_deref(), Some("2024-03-03T09:15"));
        assert_eq!(l.found.author.as_deref(), Some("Jo Park"));
        assert_eq!(l.found.outlet.as_deref(), Some("KNA"));
        assert_eq!(l.found.dateline.as_deref(), Some("BUSAN"));
        assert_eq!(texts(&l.body), ["The council approved the budget on Sunday."]);
    }

    #[test]
    fn date_prefix_starts_the_body() {
        let l = split(" date 2024-05-01 The minister resigned on Tuesday.\n\nMore followed.\n", None);
        assert_eq!(l.found.published.as_deref(), Some("2024-05-01"));
        assert!(l.headline.is_none());
        assert_eq!(texts(&l.body), ["The minister resigned on Tuesday.", "More followed."]);
    }

    #[test]
    fn related_block_and_promos_are_furniture() {
        let text = "Storm hits coast\n\nThe storm arrived at dawn.\n\nIt left on Friday.\n\n\
                    OTHER STORY IN CAPITALS ABOUT SOMETHING ELSE\n\n\
                    Region Latest News\n\nRelated Articles:\n\nSome other story here\nRead more »\n";
        let l = split(text, None);
        assert_eq!(texts(&l.body), ["The storm arrived at dawn.", "It left on Friday."]);
        assert_eq!(l.boilerplate.len(), 5);
    }

    #[test]
    fn furniture_above_a_known_headline() {
        let text = "Physical Address\n\n12 Main St.\nSpringfield, IL 62701\n\nA photo of a field.\n\n\
                    Farm prices rise\n\nFarm prices rise\n\nPrices rose 3% in May.\n";
        let l = split(text, Some("Farm prices rise"));
        assert_eq!(l.headline.unwrap().line, 8);
        assert_eq!(texts(&l.body), ["Prices rose 3% in May."]);
        assert_eq!(l.boilerplate.len(), 5);
        // Without the manifest's help the repeated heading marks it too.
        let l = split(text, None);
        assert_eq!(l.headline.unwrap().line, 8);
    }

    #[test]
    fn foreign_ui_words() {
        let l = split("Title here now\n\nThe text of the story is long enough.\n닫기\n", None);
        assert_eq!(texts(&l.boilerplate), ["닫기"]);
    }

    #[test]
    fn hard_wrapped_text_is_joined() {
        let line = "word ".repeat(14);
        let text = format!("{line}\n{line}\n{line}\nend.\n\n{line}\n{line}\nend.\n");
        let l = split(&text, None);
        assert_eq!(l.body.len() + usize::from(l.headline.is_some()), 2);
    }
}
