//! Expanding the paths a user gives into the files to import.

use super::Error;
use std::path::{Path, PathBuf};

/// Input formats, recognised by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, one paragraph per line.
    Txt,
    /// A corpus, one JSON object per line.
    Jsonl,
    /// A corpus, one CSV record per article.
    Csv,
    /// A web page, as a browser or crawler saved it.
    Html,
    /// A web archive (ISO 28500), plain or gzip-compressed record by record.
    Warc,
    /// A captions file (WebVTT, SRT): always a primary source.
    Captions,
}

impl Format {
    /// The format of a file, by extension (case-insensitive).
    pub fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".warc.gz") || name.ends_with(".warc") {
            return Some(Format::Warc);
        }
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Txt),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "vtt" | "srt" => Some(Format::Captions),
            _ => None,
        }
    }

    /// The format of a file by its extension, else by its first bytes: a
    /// page saved without `.html`, a web archive named otherwise.
    pub fn detect(path: &Path) -> Option<Format> {
        Format::of(path).or_else(|| {
            use std::io::Read;
            let mut head = Vec::with_capacity(4096);
            std::fs::File::open(path).ok()?.take(4096).read_to_end(&mut head).ok()?;
            if super::warc::sniff(&head).is_some() {
                Some(Format::Warc)
            } else if super::html::sniff(&head) {
                Some(Format::Html)
            } else {
                None
            }
        })
    }
}

/// File name that marks a directory's manifest.
pub const MANIFEST_NAME: &str = "manifest.csv";

/// What a set of input paths expands to.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Files to import, in a stable order (as given; directories sorted by name).
    pub files: Vec<(PathBuf, Format)>,
    /// `manifest.csv` files found in the directories given.
    pub manifests: Vec<PathBuf>,
    /// Paths that could not be read, or are of a type newsarchive does not read.
    pub errors: Vec<Error>,
    /// Files in the directories whose type newsarchive does not read.
    pub skipped: usize,
}

/// Expands files and directories (recursively, following symbolic links;
/// a link loop is reported, not followed forever).
pub fn discover(paths: &[PathBuf]) -> Inputs {
    let mut inputs = Inputs::default();
    for path in paths {
        let display = path.display().to_string();
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                inputs.errors.push(Error::new(display, None, io_reason(&e)));
                continue;
            }
        };
        if meta.is_dir() {
            walk(path, &mut inputs);
        } else if let Some(format) = Format::detect(path) {
            inputs.files.push((path.clone(), format));
        } else {
            let ext = path.extension().map_or_else(String::new, |e| format!(" '.{}'", e.to_string_lossy()));
            inputs.errors.push(Error::new(
                display,
                None,
                format!(
                    "unsupported file type{ext} (newsarchive reads .txt, .jsonl, .csv, web pages and web archives)"
                ),
            ));
        }
    }
    inputs
}

fn walk(dir: &Path, inputs: &mut Inputs) {
    let walker = walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().unwrap_or(dir).display().to_string();
                let reason = if let Some(anc) = e.loop_ancestor() {
                    format!("symbolic link loop (back to {}); not followed", anc.display())
                } else if let Some(io) = e.io_error() {
                    io_reason(io)
                } else {
                    e.to_string()
                };
                inputs.errors.push(Error::new(path, None, reason));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        if name.eq_ignore_ascii_case(MANIFEST_NAME) {
            inputs.manifests.push(entry.path().to_path_buf());
        } else if let Some(format) = Format::detect(entry.path()) {
            inputs.files.push((entry.path().to_path_buf(), format));
        } else {
            inputs.skipped += 1;
        }
    }
}

/// An I/O error in the words a user needs.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
