//! Plain-text articles: one paragraph per line, metadata and furniture
//! mixed in as scraped pages leave them.

use super::{Document, Error, Meta, Source, decode, language, layout, placeholder_outlet, sha256_hex};

/// Media type recorded in `sources` for text files.
pub const MEDIA_TYPE: &str = "text/plain; charset=utf-8";

/// Reads a text article. `over` is the manifest's metadata for this file;
/// its fields win over what the text says.
pub fn parse(source: &Source, over: &Meta) -> Result<Document, Error> {
    let text = decode::decode(&source.bytes).map_err(|e| Error::new(&source.path, e.line, e.message))?;
    let layout = layout::split(&text, over.title.as_deref());
    if layout.body.is_empty() {
        return Err(Error::new(&source.path, None, "no article text: every line is a headline or metadata"));
    }
    let mut meta = layout.found.overlay(over);
    // The record, the manifest and the page say what language it is in;
    // when none does, its words do.
    let language_detected = meta.language.is_none();
    if language_detected {
        meta.language = language::detect(&detection_sample(&layout.body)).map(str::to_owned);
    }
    let outlet = meta.outlet.clone().unwrap_or_else(|| placeholder_outlet(&source.path));
    Ok(Document {
        source_path: source.path.clone(),
        media_type: MEDIA_TYPE.to_owned(),
        raw: source.bytes.clone(),
        content_sha256: sha256_hex(&text),
        meta,
        outlet,
        site: None,
        fetched_at: None,
        headline: layout.headline,
        body: layout.body,
        boilerplate: layout.boilerplate,
        language_detected,
    })
}

/// The first paragraphs of the body, up to a few thousand bytes: what
/// language detection reads (the headline is too short to count on, and
/// furniture is often in the site's language, not the article's).
fn detection_sample(body: &[super::Paragraph]) -> String {
    let mut sample = String::new();
    for p in body {
        if sample.len() > 1_600 {
            break;
        }
        sample.push_str(&p.text);
        sample.push('\n');
    }
    sample
}
