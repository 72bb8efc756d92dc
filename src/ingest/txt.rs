//! Plain-text articles: one paragraph per line, metadata and furniture
//! mixed in as scraped pages leave them.

use super::{Document, Error, Meta, Source, decode, layout, placeholder_outlet, sha256_hex};

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
    let meta = layout.found.overlay(over);
    let outlet = meta.outlet.clone().unwrap_or_else(|| placeholder_outlet(&source.path));
    Ok(Document {
        source_path: source.path.clone(),
        media_type: MEDIA_TYPE,
        raw: source.bytes.clone(),
        content_sha256: sha256_hex(&text),
        meta,
        outlet,
        headline: layout.headline,
        body: layout.body,
        boilerplate: layout.boilerplate,
    })
}
