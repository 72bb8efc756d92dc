//! Primary sources: a file read as the record of an event — its turns,
//! who spoke them, the event's date — rather than as an article.

use super::{Error, Meta, Source, decode, html, language, sha256_hex, transcript};

/// A primary source ready to be stored.
#[derive(Debug, Clone)]
pub struct Primary {
    /// Where it came from.
    pub source_path: String,
    /// MIME type of the source bytes.
    pub media_type: String,
    /// The source bytes, verbatim.
    pub raw: Vec<u8>,
    /// SHA-256 of the spoken text: the same record is stored once.
    pub content_sha256: String,
    /// Title, date of the event (`published`), language and address: the
    /// manifest's, else what the transcript's heading says.
    pub meta: Meta,
    /// The turns and their spoken text.
    pub transcript: transcript::Transcript,
}

/// Media types recorded for primary sources, by layout.
fn media_type(layout: transcript::Layout, page: bool) -> &'static str {
    match layout {
        _ if page => html::MEDIA_TYPE,
        transcript::Layout::WebVtt => "text/vtt; charset=utf-8",
        transcript::Layout::Srt => "application/x-subrip; charset=utf-8",
        _ => super::txt::MEDIA_TYPE,
    }
}

/// Reads a primary source: a transcript or captions file, or a web page
/// holding a transcript (its main text is read as one). `over` is the
/// manifest's metadata; its fields win over the heading's.
pub fn parse(source: &Source, over: &Meta) -> Result<Primary, Error> {
    let page = html::sniff(&source.bytes);
    let (text, page_meta) = if page {
        // The page's main text, paragraph by paragraph, is the transcript.
        let doc = html::parse(source, &html::Fetch::default(), &Meta::default())?;
        let mut text = String::new();
        for p in doc.headline.iter().chain(&doc.body) {
            text.push_str(&p.text);
            text.push_str("\n\n");
        }
        (text, Meta { title: doc.meta.title.clone(), url: doc.meta.url.clone(), ..Meta::default() })
    } else {
        let text = decode::decode(&source.bytes).map_err(|e| Error::new(&source.path, e.line, e.message))?;
        (text, Meta::default())
    };
    let t = transcript::parse(&source.path, &text)?;
    let heading = Meta { title: t.title.clone(), published: t.date.clone(), ..Meta::default() };
    let mut meta = page_meta.overlay(&heading).overlay(over);
    if meta.language.is_none() {
        let sample: String = t.text.chars().take(2_000).collect();
        meta.language = language::detect(&sample).map(str::to_owned);
    }
    meta.primary = Some(true);
    Ok(Primary {
        source_path: source.path.clone(),
        media_type: media_type(t.layout, page).to_owned(),
        raw: source.bytes.clone(),
        content_sha256: sha256_hex(&t.text),
        meta,
        transcript: t,
    })
}
