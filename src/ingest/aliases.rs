//! Alias files: the spellings of a speaker's name that rules cannot join,
//! as data. A CSV with a header and the columns `alias`, `canonical` and,
//! optionally, `language` (the ISO 639-1 code the alias is written in):
//!
//! ```text
//! alias,canonical,language
//! 習近平,Xi Jinping,ja
//! 시진핑,Xi Jinping,ko
//! شي جين بينغ,Xi Jinping,ar
//! ```
//!
//! `newsarchive speakers apply FILE` and `newsarchive import --aliases FILE`
//! read one. A file with a row that cannot be used is rejected whole, with
//! the file and line, so an alias file applies entirely or not at all.

use super::Error;
use std::path::Path;

/// One row of an alias file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// A name as articles write it.
    pub alias: String,
    /// The name the speaker is listed under.
    pub canonical: String,
    /// The language the alias is written in, lowercase, when given.
    pub language: Option<String>,
    /// The row's line in the file.
    pub line: u64,
}

/// Reads an alias file.
pub fn load(path: &Path) -> Result<Vec<Alias>, Error> {
    let display = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::new(&display, None, format!("cannot read alias file: {e}")))?;
    parse(&display, &bytes)
}

/// Parses the bytes of an alias file named `display`.
pub fn parse(display: &str, bytes: &[u8]) -> Result<Vec<Alias>, Error> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let err = |line: Option<u64>, msg: String| Error::new(display, line, msg);
    let header = reader.headers().map_err(|e| err(Some(1), e.to_string()))?.clone();
    let column = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(alias), Some(canonical)) = (column("alias"), column("canonical")) else {
        return Err(err(Some(1), "an alias file needs the columns alias and canonical (and may have language)".into()));
    };
    let language = column("language");
    // Lines counted from byte offsets: the reader's own count skips blank lines.
    let (mut counted, mut newlines) = (0, 0);
    let mut line_at = |byte: u64| {
        // A record's position may be that of the blank lines before it.
        let mut byte = (byte as usize).min(bytes.len());
        while byte < bytes.len() && matches!(bytes[byte], b'\n' | b'\r') {
            byte += 1;
        }
        newlines += bytes[counted..byte].iter().filter(|&&b| b == b'\n').count() as u64;
        counted = byte;
        newlines + 1
    };
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| err(e.position().map(|p| p.line()), e.to_string()))?;
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        let field = |k: usize| record.get(k).map(str::trim).unwrap_or_default();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let (a, c) = (field(alias), field(canonical));
        if a.is_empty() || c.is_empty() {
            return Err(err(Some(line), "a row needs both an alias and a canonical name".into()));
        }
        let language = language.map(field).filter(|l| !l.is_empty()).map(str::to_lowercase);
        if let Some(other) =
            out.iter().find(|o: &&Alias| o.alias.to_lowercase() == a.to_lowercase() && o.canonical != c)
        {
            return Err(err(
                Some(line),
                format!("'{a}' is already an alias of '{}' (line {})", other.canonical, other.line),
            ));
        }
        out.push(Alias { alias: a.to_owned(), canonical: c.to_owned(), language, line });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_errors_with_lines() {
        let rows =
            parse("a.csv", "alias,canonical,language\n習近平,Xi Jinping,JA\n\nXi,Xi Jinping,\n".as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].language.as_deref(), Some("ja"));
        assert_eq!((rows[1].line, rows[1].language.as_deref()), (4, None));

        let e = parse("a.csv", b"name,who\nX,Y\n").unwrap_err();
        assert_eq!((e.path.as_str(), e.line), ("a.csv", Some(1)));
        let e = parse("a.csv", b"alias,canonical\nX,Y\n,Z\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = parse("a.csv", b"alias,canonical\nX,Y\nW,Y\nx,Z\n").unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.message.contains("already an alias of 'Y' (line 2)"), "{e}");
    }
}
