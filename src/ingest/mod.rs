//! Input formats to [`Document`]s: decoding, metadata, and the split of a
//! page's text into headline, body and boilerplate. One module per format.

pub mod aliases;
pub mod corpus;
pub mod dates;
pub mod decode;
pub mod discover;
pub mod html;
pub mod language;
pub mod layout;
pub mod manifest;
pub mod primary;
pub mod seed;
pub mod transcript;
pub mod txt;
pub mod warc;

use sha2::{Digest, Sha256};
use std::fmt;

/// A problem with one input file, with the place a user needs to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    /// The file as the user named it.
    pub path: String,
    /// 1-based line, when the problem has one.
    pub line: Option<u64>,
    /// What is wrong.
    pub message: String,
}

impl Error {
    /// An error about `path` (and `line`, if known).
    pub fn new(path: impl Into<String>, line: Option<u64>, message: impl Into<String>) -> Self {
        Error { path: path.into(), line, message: message.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Bytes to import and the name they go by.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as given by the user (or `seed/NAME` for the bundled corpus).
    pub path: String,
    /// The file's bytes, kept verbatim in the archive's `sources` table.
    pub bytes: Vec<u8>,
}

/// Facts about an article that come from outside its body text.
/// Every field is optional: a manifest may give some, the text others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// Outlet name ("Fox News").
    pub outlet: Option<String>,
    /// Canonical address of the article.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Byline name(s).
    pub author: Option<String>,
    /// ISO 8601 date or date-time.
    pub published: Option<String>,
    /// Language code ("en").
    pub language: Option<String>,
    /// Place of a dateline ("SEOUL").
    pub dateline: Option<String>,
    /// Whether the document is a primary source — the record of what was
    /// said at an event (a transcript, captions) — rather than an article;
    /// `None` when nothing says.
    pub primary: Option<bool>,
}

impl Meta {
    /// Fields of `over` that are set replace those of `self`.
    pub fn overlay(mut self, over: &Meta) -> Meta {
        fn pick(base: &mut Option<String>, over: &Option<String>) {
            if let Some(v) = over.as_ref().filter(|v| !v.trim().is_empty()) {
                *base = Some(v.trim().to_owned());
            }
        }
        pick(&mut self.outlet, &over.outlet);
        pick(&mut self.url, &over.url);
        pick(&mut self.title, &over.title);
        pick(&mut self.author, &over.author);
        pick(&mut self.published, &over.published);
        pick(&mut self.language, &over.language);
        pick(&mut self.dateline, &over.dateline);
        if over.primary.is_some() {
            self.primary = over.primary;
        }
        self
    }
}

/// One paragraph of a document and the source line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Text with the line's leading and trailing blanks removed.
    pub text: String,
    /// 1-based line in the source file.
    pub line: u64,
}

/// Which part of a page a text belongs to; quotes found there carry it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    /// The article itself.
    Body,
    /// The headline line.
    Headline,
    /// Page furniture: promos of other stories, captions, related links.
    Boilerplate,
}

impl Region {
    /// The name stored in `quotes.region`.
    pub fn as_str(self) -> &'static str {
        match self {
            Region::Body => "body",
            Region::Headline => "headline",
            Region::Boilerplate => "boilerplate",
        }
    }
}

/// An article ready to be stored: metadata, and its text split by region.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from.
    pub source_path: String,
    /// MIME type of the source bytes, with the character set they were
    /// read in when it is not UTF-8 by definition.
    pub media_type: String,
    /// The source bytes, verbatim.
    pub raw: Vec<u8>,
    /// SHA-256 of the decoded text: the same document is stored once.
    pub content_sha256: String,
    /// Metadata from the text, overlaid with the manifest's.
    pub meta: Meta,
    /// The outlet the article is filed under: the metadata's, or a
    /// placeholder naming the file when nothing names the outlet.
    pub outlet: String,
    /// The registered domain of the site the article was published on
    /// ("bbc.co.uk"), when known: all its pages are one outlet.
    pub site: Option<String>,
    /// When the page was fetched (a web archive's `WARC-Date`).
    pub fetched_at: Option<String>,
    /// The headline paragraph, if the text has one.
    pub headline: Option<Paragraph>,
    /// The article's own paragraphs.
    pub body: Vec<Paragraph>,
    /// Paragraphs set aside as page furniture.
    pub boilerplate: Vec<Paragraph>,
    /// Whether `meta.language` was read from the text ([`language::detect`])
    /// because nothing gave it.
    pub language_detected: bool,
}

/// Reads a `kind` field (manifest column, corpus record): `article` or
/// `primary` (also `transcript`, `record`), to [`Meta::primary`].
pub fn parse_kind(kind: &str) -> Result<bool, String> {
    match kind.trim().to_ascii_lowercase().as_str() {
        "article" => Ok(false),
        "primary" | "transcript" | "record" => Ok(true),
        other => Err(format!("'{other}' in column 'kind' is neither 'article' nor 'primary'")),
    }
}

/// Separator between stored paragraphs.
pub const PARAGRAPH_BREAK: &str = "\n\n";

impl Document {
    /// The stored title: the metadata's (manifest wins), else the headline paragraph.
    pub fn title(&self) -> Option<&str> {
        self.meta.title.as_deref().or(self.headline.as_ref().map(|p| p.text.as_str()))
    }

    /// Word count of the body, as stored in `articles.word_count`.
    pub fn word_count(&self) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        self.body.iter().map(|p| p.text.unicode_words().count()).sum()
    }
}

/// Reads a stored source again, by the media type it was stored with:
/// what `newsarchive reextract` runs when the extractors have changed.
pub fn reparse(source: &Source, media_type: &str, over: &Meta) -> Result<Document, Error> {
    let mime = media_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if mime == html::MEDIA_TYPE || mime == "application/xhtml+xml" {
        let fetch = html::Fetch { content_type: Some(media_type.to_owned()), url: over.url.clone(), date: None };
        html::parse(source, &fetch, over)
    } else {
        txt::parse(source, over)
    }
}

/// Joins paragraphs the way `articles.body` and `articles.boilerplate` store them.
pub fn join_paragraphs(paragraphs: &[Paragraph]) -> String {
    layout_text(paragraphs).0
}

/// The stored text of `paragraphs` and each paragraph's byte range in it;
/// extraction offsets are computed on exactly the text that is stored.
pub fn layout_text(paragraphs: &[Paragraph]) -> (String, Vec<std::ops::Range<usize>>) {
    let mut text = String::new();
    let mut ranges = Vec::with_capacity(paragraphs.len());
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            text.push_str(PARAGRAPH_BREAK);
        }
        let start = text.len();
        text.push_str(&p.text);
        ranges.push(start..text.len());
    }
    (text, ranges)
}

/// Lowercase hex SHA-256 of `text`.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Outlet name used when neither the text nor a manifest names one. It names
/// the file so the user can find it and set the outlet in a manifest.
pub fn placeholder_outlet(source_path: &str) -> String {
    let name = std::path::Path::new(source_path)
        .file_name()
        .map_or_else(|| source_path.to_owned(), |n| n.to_string_lossy().into_owned());
    format!("unknown ({name})")
}
