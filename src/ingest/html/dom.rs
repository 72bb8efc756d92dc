//! One pass over a parsed page that keeps what extraction needs: a flat
//! list of elements (preorder, so a parent always comes before its
//! children) with what their class names say, the page's text as blocks
//! (one per paragraph-like element), and the head's metadata. Walking the
//! tree once, without recursion, keeps extraction linear and safe on pages
//! nested thousands deep.

use scraper::Html;
use scraper::node::Node;

/// Kinds of element extraction tells apart; everything else is `Other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Article,
    Main,
    Body,
    Div,
    Section,
    P,
    Heading(u8),
    Li,
    List,
    Cell,
    Blockquote,
    Pre,
    Figure,
    Figcaption,
    Nav,
    Aside,
    Footer,
    Header,
    Form,
    Address,
    /// Another block-level element (dl, dd, table rows, details…).
    Block,
    /// An inline element.
    Inline,
}

/// Page furniture an element's tag, role or class names announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// Menus, footers, sidebars, share bars, promos, related links…
    Chrome,
    /// Comments and cookie notices: never the article, however long.
    Strong,
}

/// One element of the page.
#[derive(Debug, Clone)]
pub struct El {
    /// Index of the parent element (`usize::MAX` for the top one).
    pub parent: usize,
    pub tag: Tag,
    /// What the tag, role and class names say, before the safeguards in
    /// [`super::main_text`] look at what the element holds.
    pub furniture: Option<Furniture>,
    /// Class names that name article text ("article-body", "entry-content").
    pub positive: bool,
    /// `itemprop="articleBody"` or the like: the page marks it as the text.
    pub marked_body: bool,
}

/// A paragraph-like run of text: the text of one block-level element up to
/// the next block-level element inside it.
#[derive(Debug, Clone)]
pub struct Block {
    /// The block-level element the text belongs to.
    pub el: usize,
    /// Text with blanks collapsed.
    pub text: String,
    /// Characters of the text inside links.
    pub link_chars: usize,
    /// Characters of the text.
    pub chars: usize,
}

/// What the head (and a few elements of the body) say about the page.
#[derive(Debug, Default, Clone)]
pub struct Head {
    pub title: Option<String>,
    /// `<meta>` names/properties (lowercased) and contents, in order.
    pub metas: Vec<(String, String)>,
    pub canonical: Option<String>,
    pub lang: Option<String>,
    /// Texts of `application/ld+json` scripts.
    pub json_ld: Vec<String>,
    /// `datetime` of the first `<time>` elements.
    pub times: Vec<String>,
    /// The address a browser noted when saving the page ("saved from url=").
    pub saved_from: Option<String>,
}

/// The page as extraction sees it.
#[derive(Debug, Default)]
pub struct Page {
    pub els: Vec<El>,
    pub blocks: Vec<Block>,
    pub head: Head,
}

/// Elements whose content is never text a reader sees.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "select"
            | "button"
            | "input"
            | "textarea"
            | "option"
            | "title"
            | "dialog"
    )
}

fn tag_of(name: &str) -> Tag {
    match name {
        "article" => Tag::Article,
        "main" => Tag::Main,
        "body" => Tag::Body,
        "div" | "center" => Tag::Div,
        "section" => Tag::Section,
        "p" => Tag::P,
        "h1" => Tag::Heading(1),
        "h2" => Tag::Heading(2),
        "h3" => Tag::Heading(3),
        "h4" => Tag::Heading(4),
        "h5" => Tag::Heading(5),
        "h6" => Tag::Heading(6),
        "li" | "dt" | "dd" => Tag::Li,
        "ul" | "ol" | "dl" | "menu" => Tag::List,
        "td" | "th" => Tag::Cell,
        "blockquote" => Tag::Blockquote,
        "pre" => Tag::Pre,
        "figure" => Tag::Figure,
        "figcaption" | "caption" => Tag::Figcaption,
        "nav" => Tag::Nav,
        "aside" => Tag::Aside,
        "footer" => Tag::Footer,
        "header" => Tag::Header,
        "form" => Tag::Form,
        "address" => Tag::Address,
        "table" | "tbody" | "thead" | "tfoot" | "tr" | "html" | "hgroup" | "details" | "summary" | "fieldset"
        | "legend" | "hr" | "br" | "frameset" | "frame" | "noframes" => Tag::Block,
        _ => Tag::Inline,
    }
}

/// Words of class names and ids that mark furniture. Matched against whole
/// words of the names (split at `-`, `_`, blanks), so "nav" does not match
/// "canvas".
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menus",
    "breadcrumb",
    "breadcrumbs",
    "masthead",
    "footer",
    "copyright",
    "colophon",
    "share",
    "sharing",
    "shares",
    "social",
    "follow",
    "related",
    "recommended",
    "recommendations",
    "recirculation",
    "trending",
    "popular",
    "mostread",
    "readmore",
    "pagination",
    "pager",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "promotion",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "advertising",
    "sponsor",
    "sponsored",
    "paywall",
    "donate",
    "donation",
    "cta",
    "disclosure",
    "citation",
    "sidebar",
    "rail",
    "byline",
    "author",
    "authors",
    "bio",
    "meta",
    "date",
    "dateline",
    "timestamp",
    "tags",
    "tag",
    "tagcloud",
    "categories",
    "keywords",
    "caption",
    "credit",
    "credits",
    "print",
    "toolbar",
    "tools",
    "modal",
    "popup",
    "overlay",
    "login",
    "lightbox",
    "skip",
    "jump",
    "banner",
    "topbar",
    "footnotes",
    "disclaimer",
    "teasers",
    "more",
];

/// Words marking comment threads and consent notices.
const STRONG_WORDS: &[&str] = &["comment", "comments", "disqus", "cookie", "cookies", "consent", "gdpr", "cmp"];

/// Glued class names ("sharedaddy", "relatedposts") found inside words.
const CHROME_PARTS: &[&str] = &[
    "sharedaddy",
    "addthis",
    "sharethis",
    "shariff",
    "outbrain",
    "taboola",
    "newsletter",
    "breadcrumb",
    "sidebar",
    "related",
    "byline",
    "advert",
    "sponsor",
    "navbar",
    "footer",
    "socialmedia",
    "share",
];

/// Words naming article text.
const POSITIVE_WORDS: &[&str] =
    &["article", "body", "content", "entry", "main", "post", "story", "text", "prose", "richtext", "blog", "hentry"];

/// What an element's class names and id say.
fn classify(names: &str) -> (Option<Furniture>, bool) {
    if names.is_empty() {
        return (None, false);
    }
    let lower = names.to_ascii_lowercase();
    let mut furniture = None;
    let mut positive = false;
    for word in lower.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if STRONG_WORDS.contains(&word) || word.starts_with("comment") {
            return (Some(Furniture::Strong), false);
        }
        if CHROME_WORDS.contains(&word) || CHROME_PARTS.iter().any(|p| word.len() > p.len() && word.contains(p)) {
            furniture = Some(Furniture::Chrome);
        }
        if POSITIVE_WORDS.contains(&word) || word.starts_with("articlebody") || word.ends_with("content") {
            positive = true;
        }
    }
    (furniture, positive)
}

/// Tags that are furniture by what they are.
pub fn tag_furniture(tag: Tag) -> Option<Furniture> {
    matches!(tag, Tag::Nav | Tag::Aside | Tag::Footer | Tag::Form).then_some(Furniture::Chrome)
}

/// Collapses runs of blanks into one space while text is added, so a block
/// never holds more than its words.
#[derive(Default)]
struct Buffer {
    text: String,
    link_chars: usize,
    chars: usize,
    space: bool,
}

impl Buffer {
    fn push(&mut self, s: &str, in_link: bool) {
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
                self.space = !self.text.is_empty();
                continue;
            }
            if self.space {
                self.text.push(' ');
                self.chars += 1;
                if in_link {
                    self.link_chars += 1;
                }
                self.space = false;
            }
            self.text.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
        }
    }

    fn take(&mut self, el: usize) -> Option<Block> {
        self.space = false;
        if self.text.is_empty() {
            return None;
        }
        let block = Block {
            el,
            text: std::mem::take(&mut self.text),
            link_chars: std::mem::take(&mut self.link_chars),
            chars: std::mem::take(&mut self.chars),
        };
        Some(block)
    }
}

fn hidden(attrs: &Attrs) -> bool {
    attrs.hidden
        || attrs.aria_hidden
        || attrs.names.split_ascii_whitespace().any(|c| {
            ["hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text", "visuallyhidden"]
                .iter()
                .any(|h| c.eq_ignore_ascii_case(h))
        })
        || attrs.style.as_deref().is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// The attributes extraction reads, gathered in one pass over each element's.
#[derive(Default)]
struct Attrs {
    names: String,
    role: Option<String>,
    itemprop: Option<String>,
    style: Option<String>,
    hidden: bool,
    aria_hidden: bool,
}

fn attrs_of(e: &scraper::node::Element) -> Attrs {
    let mut a = Attrs::default();
    for (name, value) in e.attrs() {
        match name {
            "class" | "id" => {
                if !a.names.is_empty() {
                    a.names.push(' ');
                }
                // A megabyte of class names says no more than its start.
                a.names.push_str(prefix(value, 256));
            }
            "role" => a.role = Some(value.to_ascii_lowercase()),
            "itemprop" => a.itemprop = Some(value.to_owned()),
            "style" => a.style = Some(prefix(value, 256).to_owned()),
            "hidden" => a.hidden = true,
            "aria-hidden" => a.aria_hidden = value.eq_ignore_ascii_case("true"),
            _ => {}
        }
    }
    a
}

/// At most `max` bytes of the start of `s`, cut at a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Reads a parsed page into elements, blocks and head metadata.
pub fn read(html: &Html) -> Page {
    let mut page = Page::default();
    let mut buffer = Buffer::default();
    // Open elements (indices into page.els), and for each the block-level
    // element its text belongs to.
    let mut open: Vec<usize> = Vec::new();
    let mut owners: Vec<usize> = Vec::new();
    let mut links = 0usize;
    // While inside a skipped subtree, the node that began it.
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in html.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) if !open.is_empty() => buffer.push(t, links > 0),
                    Node::Comment(c) => {
                        if page.head.saved_from.is_none()
                            && let Some(rest) = c.split_once("saved from url=").map(|(_, r)| r)
                        {
                            let url = rest.split_once(')').map_or(rest, |(_, u)| u).trim();
                            page.head.saved_from = Some(url.to_owned());
                        }
                    }
                    Node::Element(e) => {
                        let name = e.name();
                        head_element(&mut page.head, node, e, name);
                        if skipped(name) {
                            skip = Some(node.id());
                            continue;
                        }
                        let attrs = attrs_of(e);
                        if hidden(&attrs) {
                            skip = Some(node.id());
                            continue;
                        }
                        let tag = tag_of(name);
                        match name {
                            "a" => links += 1,
                            "q" => buffer.push("“", links > 0),
                            _ => {}
                        }
                        let parent = open.last().copied().unwrap_or(usize::MAX);
                        let (mut furniture, positive) = classify(&attrs.names);
                        furniture = furniture.or(tag_furniture(tag)).or(match attrs.role.as_deref() {
                            Some("navigation" | "banner" | "contentinfo" | "complementary" | "search") => {
                                Some(Furniture::Chrome)
                            }
                            _ => None,
                        });
                        let marked_body =
                            attrs.itemprop.as_deref().is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
                                || attrs.names.split_ascii_whitespace().any(|n| n.eq_ignore_ascii_case("articleBody"));
                        let index = page.els.len();
                        page.els.push(El { parent, tag, furniture, positive, marked_body });
                        open.push(index);
                        if tag != Tag::Inline {
                            let owner = owners.last().copied().unwrap_or(index);
                            page.blocks.extend(buffer.take(owner));
                            owners.push(index);
                        } else {
                            owners.push(owners.last().copied().unwrap_or(index));
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                let Node::Element(e) = node.value() else { continue };
                match e.name() {
                    "a" => links = links.saturating_sub(1),
                    "q" => buffer.push("”", links > 0),
                    _ => {}
                }
                let (Some(index), Some(owner)) = (open.pop(), owners.pop()) else { continue };
                if page.els[index].tag != Tag::Inline || e.name() == "br" {
                    page.blocks.extend(buffer.take(owner));
                }
            }
        }
    }
    page
}

/// Head metadata, read as the walk meets each element (`<meta>` and JSON-LD
/// also appear in bodies).
fn head_element(head: &mut Head, node: ego_tree::NodeRef<'_, Node>, e: &scraper::node::Element, name: &str) {
    let text = || -> String { node.children().filter_map(|c| c.value().as_text().map(|t| &**t)).collect() };
    match name {
        "html" if head.lang.is_none() => {
            head.lang = e.attr("lang").or_else(|| e.attr("xml:lang")).map(str::to_owned);
        }
        "title" if head.title.is_none() => head.title = Some(text()),
        "meta" => {
            let key = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop"));
            if let (Some(key), Some(content)) = (key, e.attr("content")) {
                head.metas.push((key.to_ascii_lowercase(), content.to_owned()));
            }
        }
        "link"
            if head.canonical.is_none()
                && e.attr("rel")
                    .is_some_and(|r| r.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))) =>
        {
            head.canonical = e.attr("href").map(str::to_owned);
        }
        "script" if e.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
            head.json_ld.push(text());
        }
        "time" => {
            if head.times.len() < 4
                && let Some(d) = e.attr("datetime")
            {
                head.times.push(d.to_owned());
            }
        }
        _ => {}
    }
}
