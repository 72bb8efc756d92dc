//! Web pages: a saved `.html` file or a page from a web archive, decoded,
//! parsed with html5ever (through `scraper`), its metadata read, and its
//! text split into headline, article and furniture ([`main_text`]).

pub mod charset;
pub mod dom;
pub mod main_text;
pub mod meta;
pub mod nesting;
pub mod site;

use super::{Document, Error, Meta, Paragraph, Source, language, placeholder_outlet, sha256_hex};

/// Media type recorded in `sources` for a page whose HTTP headers did not
/// say more.
pub const MEDIA_TYPE: &str = "text/html";

/// Whether bytes look like an HTML page: after a byte-order mark and
/// blanks, a doctype, `<html>`, `<head>`, or (for fragments saved as pages)
/// markup with a `<body>` or `<p>` in its first kilobytes.
pub fn sniff(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let start = start.trim_ascii_start();
    let head: Vec<u8> = start.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    let starts = |p: &[u8]| head.starts_with(p);
    if starts(b"<!doctype html") || starts(b"<html") || starts(b"<head") {
        return true;
    }
    starts(b"<") && [b"<body", b"<html", b"<meta"].iter().any(|tag| charset::find(&head, *tag).is_some())
}

/// Where a page came from, beyond its bytes: the HTTP `Content-Type` and
/// address when it was fetched (a web archive's record).
#[derive(Debug, Clone, Default)]
pub struct Fetch {
    /// The response's `Content-Type` (it may name the character set).
    pub content_type: Option<String>,
    /// The address it was fetched from.
    pub url: Option<String>,
    /// When it was fetched (ISO 8601).
    pub date: Option<String>,
}

/// Reads a page. `over` is the manifest's metadata, which wins over the
/// page's own. A page with no article text is an error, never an empty
/// article.
pub fn parse(source: &Source, fetch: &Fetch, over: &Meta) -> Result<Document, Error> {
    if let Some(at) = charset::looks_binary(&source.bytes) {
        return Err(Error::new(
            &source.path,
            None,
            format!("binary data (byte 0x{:02X} at offset {at}), not a web page", source.bytes[at]),
        ));
    }
    let (text, encoding) = charset::decode(&source.bytes, fetch.content_type.as_deref());
    let html = scraper::Html::parse_document(&nesting::cap(&text));
    let page = dom::read(&html);
    drop(html);
    let found = meta::read(&page.head);
    let extracted = main_text::extract(&page, found.article_body.as_deref());
    if extracted.body.is_empty() {
        let at = fetch.url.as_deref().or(found.url.as_deref()).map_or_else(String::new, |u| format!(" ({u})"));
        return Err(Error::new(&source.path, None, format!("no article text found{at}")));
    }
    let url = found.url.clone().or_else(|| fetch.url.clone());
    let page_meta = Meta {
        outlet: found.site_name.clone(),
        url: url.clone(),
        title: found.title.clone().or_else(|| extracted.headline.clone()),
        author: found.author.clone(),
        published: found.published.clone(),
        language: found.language.clone(),
        dateline: None,
        primary: None,
    };
    let mut meta = page_meta.overlay(over);
    let language_detected = meta.language.is_none();
    if language_detected {
        let sample: String = extracted.body.iter().take(12).map(|p| format!("{p}\n")).collect();
        meta.language = language::detect(&sample).map(str::to_owned);
    }
    // One site is one outlet: the registered domain of where the page lives
    // joins its pages whatever each calls the site. A manifest's outlet is
    // the user's word and is taken as it is.
    let site = if over.outlet.is_some() {
        None
    } else {
        url.as_deref().or(fetch.url.as_deref()).and_then(site::registered_domain)
    };
    let outlet = meta.outlet.clone().or_else(|| site.clone()).unwrap_or_else(|| placeholder_outlet(&source.path));
    let paragraphs = |texts: Vec<String>| -> Vec<Paragraph> {
        texts.into_iter().enumerate().map(|(i, text)| Paragraph { text, line: i as u64 + 1 }).collect()
    };
    let media_type = match &fetch.content_type {
        Some(ct) if ct.to_ascii_lowercase().contains("charset") => ct.clone(),
        _ => format!("{MEDIA_TYPE}; charset={}", encoding.to_ascii_lowercase()),
    };
    Ok(Document {
        source_path: source.path.clone(),
        media_type,
        raw: source.bytes.clone(),
        content_sha256: sha256_hex(&text),
        meta,
        outlet,
        site,
        fetched_at: fetch.date.clone(),
        headline: extracted.headline.map(|text| Paragraph { text, line: 0 }),
        body: paragraphs(extracted.body),
        boilerplate: paragraphs(extracted.boilerplate),
        language_detected,
    })
}
