//! `manifest.csv`: what the text of a file does not say about it (outlet,
//! url, publication date, title, author, language, and whether it is an
//! article or a primary source), one row per file.

use super::{Error, Meta, dates};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The columns a manifest may have; `file` is required.
pub const COLUMNS: &[&str] = &["file", "outlet", "url", "published", "title", "author", "language", "kind"];

/// A parsed manifest: metadata by file, and the rows that could not be used.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    /// The manifest as the user named it.
    pub path: String,
    /// Directory the `file` column is relative to (canonical), if on disk.
    dir: Option<PathBuf>,
    entries: HashMap<String, Meta>,
    /// Rows skipped, each with the manifest's path and line.
    pub errors: Vec<Error>,
}

impl Manifest {
    /// Reads a manifest file; `file` entries are relative to its directory.
    pub fn load(path: &Path) -> Result<Manifest, Error> {
        let display = path.display().to_string();
        let bytes =
            std::fs::read(path).map_err(|e| Error::new(&display, None, format!("cannot read manifest: {e}")))?;
        let dir = path
            .parent()
            .map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d })
            .and_then(|d| d.canonicalize().ok());
        let base = dir.clone();
        let mut m = parse(&display, &bytes, &|rel: &str| base.as_ref().is_some_and(|b| b.join(rel).is_file()))?;
        m.dir = dir;
        Ok(m)
    }

    /// The manifest's metadata for a file on disk, if it has a row for it.
    pub fn lookup(&self, file: &Path) -> Option<&Meta> {
        let dir = self.dir.as_ref()?;
        let canonical = file.canonicalize().ok()?;
        let rel = canonical.strip_prefix(dir).ok()?;
        self.entries.get(&key(rel)?)
    }

    /// The manifest's metadata for a file named relative to the manifest.
    pub fn lookup_name(&self, name: &str) -> Option<&Meta> {
        self.entries.get(name)
    }

    /// Number of usable rows.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no row is usable.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Parses manifest bytes. `exists` says whether a relative file name exists;
/// a row naming a missing file is reported in [`Manifest::errors`].
/// A problem with the whole file (unreadable header, unknown column) is an `Err`.
pub fn parse(display: &str, bytes: &[u8], exists: &dyn Fn(&str) -> bool) -> Result<Manifest, Error> {
    let text = super::decode::decode(bytes).map_err(|e| Error::new(display, e.line, e.message))?;
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let headers =
        reader.headers().map_err(|e| Error::new(display, Some(1), format!("cannot read the header row: {e}")))?.clone();
    let mut col = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim().to_ascii_lowercase();
        if !COLUMNS.contains(&h.as_str()) {
            return Err(Error::new(
                display,
                Some(1),
                format!("unknown column '{h}' (a manifest has the columns {})", COLUMNS.join(", ")),
            ));
        }
        if col.insert(h.clone(), i).is_some() {
            return Err(Error::new(display, Some(1), format!("column '{h}' appears twice")));
        }
    }
    if !col.contains_key("file") {
        return Err(Error::new(display, Some(1), "the manifest has no 'file' column"));
    }

    let mut m = Manifest { path: display.to_owned(), ..Manifest::default() };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                m.errors.push(Error::new(display, line, format!("malformed row: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let get = |name: &str| {
            col.get(name).and_then(|&i| record.get(i)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
        };
        match row(&get, exists) {
            Ok((file, meta)) => {
                if m.entries.insert(file.clone(), meta).is_some() {
                    m.errors.push(Error::new(
                        display,
                        Some(line),
                        format!("'{file}' is listed twice; the later row wins"),
                    ));
                }
            }
            Err(message) => m.errors.push(Error::new(display, Some(line), message)),
        }
    }
    Ok(m)
}

fn row(get: &dyn Fn(&str) -> Option<String>, exists: &dyn Fn(&str) -> bool) -> Result<(String, Meta), String> {
    let file = get("file").ok_or("the 'file' column is empty")?;
    let rel = key(Path::new(&file)).ok_or_else(|| {
        format!("'{file}' must be a path inside the manifest's directory (no absolute path, no '..')")
    })?;
    if !exists(&rel) {
        return Err(format!("'{file}' does not exist next to the manifest"));
    }
    let published = match get("published") {
        Some(p) => Some(dates::parse_iso(&p).ok_or_else(|| {
            format!("'{p}' in column 'published' is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
        })?),
        None => None,
    };
    let meta = Meta {
        outlet: get("outlet"),
        url: get("url"),
        title: get("title"),
        author: get("author"),
        published,
        language: get("language"),
        dateline: None,
        primary: get("kind").map(|k| super::parse_kind(&k)).transpose()?,
    };
    Ok((rel, meta))
}

/// A relative path as a `/`-separated key, refusing anything that leaves
/// the manifest's directory.
fn key(rel: &Path) -> Option<String> {
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_str()?.to_owned()),
            Component::CurDir => {}
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Manifest, Error> {
        parse("m.csv", s.as_bytes(), &|f| f != "missing.txt")
    }

    #[test]
    fn rows_and_row_errors() {
        let m = parse_str(
            "file,outlet,published\na.txt,Daily Planet,2024-01-02\nmissing.txt,X,\n../up.txt,X,\nb.txt,,Jan 2 2024\nc.txt,,soon\n",
        )
        .unwrap();
        assert_eq!(m.lookup_name("a.txt").unwrap().outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(m.lookup_name("b.txt").unwrap().published.as_deref(), Some("2024-01-02"));
        let errs: Vec<String> = m.errors.iter().map(ToString::to_string).collect();
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs[0].starts_with("m.csv:3: 'missing.txt' does not exist"), "{}", errs[0]);
        assert!(errs[1].starts_with("m.csv:4: '../up.txt' must be a path inside"), "{}", errs[1]);
        assert!(errs[2].starts_with("m.csv:6: 'soon' in column 'published'"), "{}", errs[2]);
    }

    #[test]
    fn unknown_column_is_refused() {
        let e = parse_str("file,outlet,colour\na.txt,X,red\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("unknown column 'colour'"), "{}", e.message);
    }
}
