//! A set of input paths as a stream of items to turn into documents: text
//! files whole, corpus files (JSON lines, CSV) record by record, never a
//! whole corpus in memory. Every problem is reported with its file and line.

use super::discover::{self, Format};
use super::manifest::Manifest;
use super::{Document, Error, Meta, Source, dates, txt};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// The columns of a corpus record; `text` is required.
pub const COLUMNS: &[&str] = &["outlet", "url", "title", "author", "published", "language", "text"];

/// One article of a corpus file.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct Record {
    /// Outlet name.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Address.
    #[serde(default)]
    pub url: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Byline.
    #[serde(default)]
    pub author: Option<String>,
    /// Publication date.
    #[serde(default)]
    pub published: Option<String>,
    /// Language code.
    #[serde(default)]
    pub language: Option<String>,
    /// The article's text.
    #[serde(default)]
    pub text: Option<String>,
}

/// Something to turn into one document; the turning is the expensive part,
/// done by [`Item::into_document`], which can run on any thread.
#[derive(Debug)]
pub enum Item {
    /// A whole text file and its manifest metadata.
    File {
        /// The file's bytes, named as the user named them.
        source: Source,
        /// Metadata from the manifest.
        over: Meta,
    },
    /// One line of a JSON-lines corpus.
    JsonLine {
        /// The corpus file.
        path: String,
        /// 1-based line.
        line: u64,
        /// The line's bytes.
        bytes: Vec<u8>,
    },
    /// One record of a CSV corpus.
    Record {
        /// The corpus file.
        path: String,
        /// 1-based line where the record starts.
        line: u64,
        /// Its fields.
        record: Record,
    },
}

impl Item {
    /// Decodes, parses and lays out the item as a document.
    pub fn into_document(self) -> Result<Document, Error> {
        match self {
            Item::File { source, over } => txt::parse(&source, &over),
            Item::JsonLine { path, line, bytes } => {
                let record: Record = serde_json::from_slice(&bytes).map_err(|e| {
                    let what = if e.is_data() { "not a corpus record" } else { "malformed JSON" };
                    Error::new(&path, Some(line), format!("{what}: {e}"))
                })?;
                from_record(&path, line, record)
            }
            Item::Record { path, line, record } => from_record(&path, line, record),
        }
    }
}

fn from_record(path: &str, line: u64, r: Record) -> Result<Document, Error> {
    let fail = |m: String| Error::new(path, Some(line), m);
    let text = r.text.filter(|t| !t.trim().is_empty()).ok_or_else(|| fail("the record has no text".into()))?;
    let published = match r.published.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => Some(dates::parse_iso(p).ok_or_else(|| fail(format!("'{p}' in 'published' is not a date")))?),
        None => None,
    };
    let meta = Meta {
        outlet: r.outlet,
        url: r.url,
        title: r.title,
        author: r.author,
        published,
        language: r.language,
        dateline: None,
    };
    // The record is named by its line, so errors and articles lead back to it.
    let source = Source { path: format!("{path}:{line}"), bytes: text.into_bytes() };
    txt::parse(&source, &meta)
}

/// A stream of items, each with the number of input bytes it stands for.
pub type Items<'a> = Box<dyn Iterator<Item = (Result<Item, Error>, u64)> + Send + 'a>;

/// The inputs of one import: files to read, manifests, and the problems
/// found before reading anything.
pub struct Corpus {
    files: Vec<(PathBuf, Format)>,
    manifests: Vec<Manifest>,
    /// Problems with paths and manifests (missing files, bad rows).
    pub errors: Vec<Error>,
    /// Files skipped because newsarchive does not read their type.
    pub skipped: usize,
}

impl Corpus {
    /// Expands `paths`; metadata comes from `manifest` if given, else from
    /// each directory's `manifest.csv`.
    pub fn open(paths: &[PathBuf], manifest: Option<&Path>) -> Corpus {
        let inputs = discover::discover(paths);
        let manifest_paths = match manifest {
            Some(m) => vec![m.to_path_buf()],
            None => inputs.manifests.clone(),
        };
        let mut errors = Vec::new();
        let mut manifests = Vec::new();
        for path in manifest_paths {
            match Manifest::load(&path) {
                Ok(m) => {
                    errors.extend(m.errors.iter().cloned());
                    manifests.push(m);
                }
                Err(e) => errors.push(e),
            }
        }
        errors.extend(inputs.errors);
        Corpus { files: inputs.files, manifests, errors, skipped: inputs.skipped }
    }

    /// The manifests in use, for reporting.
    pub fn manifests(&self) -> &[Manifest] {
        &self.manifests
    }

    /// Total size of the input files, for progress.
    pub fn bytes(&self) -> u64 {
        self.files.iter().filter_map(|(p, _)| std::fs::metadata(p).ok()).map(|m| m.len()).sum()
    }

    /// The items of every input, in order, read as they are asked for.
    /// The second value of each is the number of input bytes it stands for.
    pub fn items(&self) -> impl Iterator<Item = (Result<Item, Error>, u64)> + Send + '_ {
        self.files.iter().flat_map(
            move |(path, format)| -> Box<dyn Iterator<Item = (Result<Item, Error>, u64)> + Send + '_> {
                let display = path.display().to_string();
                match format {
                    Format::Txt => {
                        let item = std::fs::read(path)
                            .map_err(|e| Error::new(&display, None, discover::io_reason(&e)))
                            .map(|bytes| {
                                let over =
                                    self.manifests.iter().find_map(|m| m.lookup(path)).cloned().unwrap_or_default();
                                Item::File { source: Source { path: display.clone(), bytes }, over }
                            });
                        let size = item.as_ref().map_or(0, |i| match i {
                            Item::File { source, .. } => source.bytes.len() as u64,
                            _ => 0,
                        });
                        Box::new(std::iter::once((item, size)))
                    }
                    Format::Jsonl => match std::fs::File::open(path) {
                        Ok(f) => Box::new(JsonLines {
                            path: display,
                            reader: BufReader::with_capacity(1 << 16, f),
                            line: 0,
                            done: false,
                        }),
                        Err(e) => {
                            Box::new(std::iter::once((Err(Error::new(&display, None, discover::io_reason(&e))), 0)))
                        }
                    },
                    Format::Csv => match csv_records(path, &display) {
                        Ok(it) => it,
                        Err(e) => Box::new(std::iter::once((Err(e), 0))),
                    },
                }
            },
        )
    }

    /// Every document, read and parsed in turn.
    pub fn documents(&self) -> impl Iterator<Item = Result<Document, Error>> + '_ {
        self.items().map(|(item, _)| item.and_then(Item::into_document))
    }
}

/// The lines of a JSON-lines file; blank lines are skipped.
struct JsonLines {
    path: String,
    reader: BufReader<std::fs::File>,
    line: u64,
    /// A read error ends the file: what follows cannot be trusted.
    done: bool,
}

impl Iterator for JsonLines {
    type Item = (Result<Item, Error>, u64);

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut buf = Vec::new();
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(n) => {
                    self.line += 1;
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some((
                        Ok(Item::JsonLine { path: self.path.clone(), line: self.line, bytes: buf }),
                        n as u64,
                    ));
                }
                Err(e) => {
                    self.line += 1;
                    self.done = true;
                    return Some((Err(Error::new(&self.path, Some(self.line), format!("cannot read: {e}"))), 0));
                }
            }
        }
        None
    }
}

/// The records of a CSV corpus; the header must name a `text` column.
fn csv_records<'a>(path: &Path, display: &str) -> Result<Items<'a>, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::new(display, None, discover::io_reason(&e)))?;
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(BufReader::with_capacity(1 << 16, file));
    let headers =
        reader.headers().map_err(|e| Error::new(display, Some(1), format!("cannot read the header row: {e}")))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let Some(text_col) = col("text") else {
        return Err(Error::new(
            display,
            Some(1),
            format!(
                "not a corpus: the header has no 'text' column (a corpus has the columns {}; a manifest must be named manifest.csv or given with --manifest)",
                COLUMNS.join(", ")
            ),
        ));
    };
    let cols: Vec<Option<usize>> =
        ["outlet", "url", "title", "author", "published", "language"].iter().map(|c| col(c)).collect();
    let display = display.to_owned();
    let mut last_byte = 0u64;
    Ok(Box::new(reader.into_records().map(move |rec| {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line());
                return (Err(Error::new(&display, line, format!("malformed record: {e}"))), 0);
            }
        };
        let pos = rec.position().map_or(0, |p| p.byte());
        let size = pos.saturating_sub(last_byte);
        last_byte = pos;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).map(str::to_owned).filter(|v| !v.trim().is_empty());
        let record = Record {
            outlet: get(cols[0]),
            url: get(cols[1]),
            title: get(cols[2]),
            author: get(cols[3]),
            published: get(cols[4]),
            language: get(cols[5]),
            text: get(Some(text_col)),
        };
        (Ok(Item::Record { path: display.clone(), line, record }), size)
    })))
}
