//! A web page's bytes to text: the character set from the byte-order mark,
//! the HTTP (or WARC) `Content-Type`, or the page's own `<meta charset>`,
//! in that order of trust, as browsers decide it.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a page `<meta charset>` is looked for: browsers stop at
/// 1024 bytes; pages with long `<head>` comments put it later, and a few
/// kilobytes more cost nothing.
const PRESCAN: usize = 4096;

/// Bytes that are certainly not a page: NUL or other C0 controls in the
/// first kilobytes mean an image, archive or executable named `.html`.
pub fn looks_binary(bytes: &[u8]) -> Option<usize> {
    bytes.iter().take(8192).position(|&b| b == 0 || (b < 0x09) || (0x0E..0x1B).contains(&b))
}

/// Decodes a page. `content_type` is the HTTP header when the page came from
/// a web archive (or as stored in the archive), e.g. `text/html;
/// charset=windows-1252`. Returns the text and the encoding's name.
/// Bytes that are invalid in the chosen encoding become U+FFFD, as in a
/// browser: a page is read the way its readers saw it.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, &'static str) {
    let encoding = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| content_type.and_then(charset_param).and_then(label))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]))
        // No declaration: UTF-8 when the bytes are UTF-8, else the legacy
        // default of the Western web.
        .unwrap_or_else(|| if std::str::from_utf8(bytes).is_ok() { UTF_8 } else { WINDOWS_1252 });
    // A page declared as UTF-16 without a BOM is in practice ASCII-compatible
    // (browsers treat the declaration as UTF-8).
    let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        if Encoding::for_bom(bytes).is_some() { encoding } else { UTF_8 }
    } else {
        encoding
    };
    let (text, used, _) = encoding.decode(bytes);
    (text.into_owned(), used.name())
}

/// An encoding by its WHATWG label ("latin1", "shift_jis", "gb2312"…).
fn label(name: &str) -> Option<&'static Encoding> {
    Encoding::for_label(name.trim().trim_matches(['"', '\'']).as_bytes())
}

/// The `charset=` parameter of a `Content-Type` value.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…;
/// charset=…">` in the first bytes of a page, found without parsing it.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta").map(|i| i + from) {
        let end = lower[at..].iter().position(|&b| b == b'>').map_or(lower.len(), |i| at + i);
        let tag = &lower[at..end];
        if let Some(i) = find(tag, b"charset") {
            let rest = &tag[i + b"charset".len()..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let value: Vec<u8> = rest
                    .trim_ascii_start()
                    .iter()
                    .copied()
                    .skip_while(|&b| b == b'"' || b == b'\'')
                    .take_while(|&b| !matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') && !b.is_ascii_whitespace())
                    .collect();
                if let Some(e) = Encoding::for_label(&value) {
                    return Some(e);
                }
            }
        }
        from = end;
    }
    None
}

/// Where `needle` first occurs in `hay`.
pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_beats_meta_and_bom_beats_both() {
        let page = b"<meta charset=utf-8><p>caf\xe9</p>";
        assert_eq!(decode(page, Some("text/html; charset=ISO-8859-1")).0, "<meta charset=utf-8><p>café</p>");
        let bom = b"\xEF\xBB\xBF<p>caf\xc3\xa9</p>";
        assert_eq!(decode(bom, Some("text/html; charset=windows-1252")).0, "<p>café</p>");
    }

    #[test]
    fn meta_declarations_are_read() {
        let sjis = encoding_rs::SHIFT_JIS
            .encode("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>日本語</p>")
            .0;
        assert!(decode(&sjis, None).0.contains("日本語"));
        let koi = encoding_rs::KOI8_R.encode("<meta charset='koi8-r'><p>Привет</p>").0;
        assert!(decode(&koi, None).0.contains("Привет"));
    }

    #[test]
    fn undeclared_pages_are_utf8_or_windows_1252() {
        assert_eq!(decode("<p>naïve</p>".as_bytes(), None), ("<p>naïve</p>".into(), "UTF-8"));
        assert_eq!(decode(b"<p>na\xefve \x93quoted\x94</p>", None).0, "<p>naïve “quoted”</p>");
    }

    #[test]
    fn binary_is_recognised() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0").is_some());
        assert_eq!(looks_binary("<p>ok</p>\n\t".as_bytes()), None);
    }
}
