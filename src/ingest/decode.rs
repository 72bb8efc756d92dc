//! Bytes to text: the encodings news files arrive in, and a clear refusal
//! (with the line) for what is not text.

/// Why a file's bytes could not be read as text. `line` is 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Line where the problem was found, when it has one.
    pub line: Option<u64>,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

/// Decodes a document's bytes into text with `\n` line ends.
///
/// UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order
/// mark are accepted. Invalid UTF-8 is refused rather than guessed at: a
/// silently wrong decoding would corrupt every quote in the file, while the
/// refusal names the line so the user can convert the file (e.g. with iconv).
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        if let Some(pos) = bytes.iter().position(|&b| b == 0) {
            return Err(DecodeError {
                line: Some(line_of(bytes, pos)),
                message: "binary data (a NUL byte), not a text document".into(),
            });
        }
        utf8(bytes)?
    };
    if let Some((line, c)) = first_control_char(&text) {
        return Err(DecodeError {
            line: Some(line),
            message: format!("binary data (control character U+{:04X}), not a text document", c as u32),
        });
    }
    let text = normalize_line_ends(&text);
    if text.trim().is_empty() {
        return Err(DecodeError { line: None, message: "the file is empty".into() });
    }
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = line_of(bytes, at);
            let line_start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            Err(DecodeError {
                line: Some(line),
                message: format!(
                    "not valid UTF-8 (byte 0x{:02X} at column {}); convert the file to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`",
                    bytes[at],
                    at - line_start + 1
                ),
            })
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError {
            line: None,
            message: "UTF-16 text with an odd number of bytes (truncated file?)".into(),
        });
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut line = 1;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                if c == '\n' {
                    line += 1;
                }
                out.push(c);
            }
            Err(e) => {
                return Err(DecodeError {
                    line: Some(line),
                    message: format!("not valid UTF-16 (unpaired surrogate 0x{:04X})", e.unpaired_surrogate()),
                });
            }
        }
    }
    Ok(out)
}

/// Control characters other than tab, line feed, carriage return and form
/// feed do not occur in text; one of them means the file is not a document.
fn first_control_char(text: &str) -> Option<(u64, char)> {
    let mut line = 1;
    for c in text.chars() {
        match c {
            '\n' => line += 1,
            '\t' | '\r' | '\u{0C}' => {}
            c if c.is_control() && (c as u32) < 0x80 => return Some((line, c)),
            _ => {}
        }
    }
    None
}

fn line_of(bytes: &[u8], pos: usize) -> u64 {
    bytes[..pos].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

fn normalize_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_utf8_with_and_without_bom() {
        assert_eq!(decode(b"hello\r\nworld").unwrap(), "hello\nworld");
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Hi “x”".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap(), "Hi “x”");
    }

    #[test]
    fn refuses_invalid_utf8_with_line() {
        let e = decode(b"one\ntwo \xE9t\xE9\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("not valid UTF-8"), "{}", e.message);
        assert!(e.message.contains("column 5"), "{}", e.message);
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert!(decode(b"ab\n\0cd").unwrap_err().message.contains("binary"));
        assert!(decode(b"  \n\n").unwrap_err().message.contains("empty"));
        assert!(decode(b"").unwrap_err().message.contains("empty"));
    }
}
