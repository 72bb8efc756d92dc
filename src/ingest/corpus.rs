//! A set of input paths as a stream of items to turn into documents: text
//! files whole, corpus files (JSON lines, CSV) record by record, never a
//! whole corpus in memory. Every problem is reported with its file and line.

use super::discover::{self, Format};
use super::manifest::Manifest;
use super::primary::{self, Primary};
use super::{Document, Error, Meta, Source, dates, html, txt, warc};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The columns of a corpus record; `text` is required.
pub const COLUMNS: &[&str] = &["outlet", "url", "title", "author", "published", "language", "text", "kind"];

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
    /// `article` (the default) or `primary`: the record of an event.
    #[serde(default)]
    pub kind: Option<String>,
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
    /// A web page and its manifest metadata; `fetch` says how it was
    /// fetched when it came from a web archive.
    Page {
        /// The page's bytes, named as the user named them (a web archive's
        /// record as `FILE@OFFSET`).
        source: Source,
        /// The HTTP response's headers and address, from a web archive.
        fetch: html::Fetch,
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
        /// Whether a record that does not say its kind is a primary source.
        primary: bool,
    },
    /// One record of a CSV corpus.
    Record {
        /// The corpus file.
        path: String,
        /// 1-based line where the record starts.
        line: u64,
        /// Its fields.
        record: Record,
        /// Whether a record that does not say its kind is a primary source.
        primary: bool,
    },
}

/// What an item turns into: an article, or a primary source.
#[derive(Debug)]
pub enum Parsed {
    /// A news article.
    Article(Document),
    /// The record of an event.
    Primary(Primary),
}

impl Item {
    /// Decodes and parses the item as what it is: an article, or the
    /// primary source that its manifest row, record or `--primary` says.
    pub fn into_parsed(self) -> Result<Parsed, Error> {
        match self {
            Item::File { source, over } | Item::Page { source, over, .. } if over.primary == Some(true) => {
                primary::parse(&source, &over).map(Parsed::Primary)
            }
            Item::JsonLine { path, line, bytes, primary } => {
                let record = json_record(&path, line, &bytes)?;
                from_any_record(&path, line, record, primary)
            }
            Item::Record { path, line, record, primary } => from_any_record(&path, line, record, primary),
            article => article.into_document().map(Parsed::Article),
        }
    }

    /// Decodes, parses and lays out the item as an article.
    pub fn into_document(self) -> Result<Document, Error> {
        match self {
            // A text file holding markup is a page saved under another name.
            Item::File { source, over } if html::sniff(&source.bytes) => {
                html::parse(&source, &html::Fetch::default(), &over)
            }
            Item::File { source, over } => txt::parse(&source, &over),
            Item::Page { source, fetch, over } => html::parse(&source, &fetch, &over),
            Item::JsonLine { path, line, bytes, .. } => from_record(&path, line, json_record(&path, line, &bytes)?),
            Item::Record { path, line, record, .. } => from_record(&path, line, record),
        }
    }
}

fn json_record(path: &str, line: u64, bytes: &[u8]) -> Result<Record, Error> {
    serde_json::from_slice(bytes).map_err(|e| {
        let what = if e.is_data() { "not a corpus record" } else { "malformed JSON" };
        Error::new(path, Some(line), format!("{what}: {e}"))
    })
}

/// A corpus record as the article or primary source its `kind` (else
/// `primary`) says it is.
fn from_any_record(path: &str, line: u64, r: Record, primary: bool) -> Result<Parsed, Error> {
    let is_primary = match r.kind.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        Some(k) => super::parse_kind(k).map_err(|m| Error::new(path, Some(line), m))?,
        None => primary,
    };
    if !is_primary {
        return from_record(path, line, r).map(Parsed::Article);
    }
    let (meta, text) = record_meta(path, line, r)?;
    let source = Source { path: format!("{path}:{line}"), bytes: text.into_bytes() };
    primary::parse(&source, &meta).map(Parsed::Primary)
}

fn from_record(path: &str, line: u64, r: Record) -> Result<Document, Error> {
    let (meta, text) = record_meta(path, line, r)?;
    // The record is named by its line, so errors and articles lead back to it.
    let source = Source { path: format!("{path}:{line}"), bytes: text.into_bytes() };
    txt::parse(&source, &meta)
}

/// A record's metadata and text; a record without text is an error.
fn record_meta(path: &str, line: u64, r: Record) -> Result<(Meta, String), Error> {
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
        primary: None,
    };
    Ok((meta, text))
}

/// A stream of items, each with the number of input bytes it stands for.
pub type Items<'a> = Box<dyn Iterator<Item = (Result<Item, Error>, u64)> + Send + 'a>;

/// The largest article read by default: far above any news article, and
/// low enough that a stray disk image or log file is refused before it is
/// read into memory.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 32 << 20;

/// The inputs of one import: files to read, manifests, and the problems
/// found before reading anything.
pub struct Corpus {
    files: Vec<(PathBuf, Format)>,
    manifests: Vec<Manifest>,
    max_article_bytes: u64,
    /// Whether inputs are primary sources unless their manifest row or
    /// record says otherwise (`import --primary`).
    primary: bool,
    /// Problems with paths and manifests (missing files, bad rows).
    pub errors: Vec<Error>,
    /// Files skipped because newsarchive does not read their type.
    pub skipped: usize,
    /// Web-archive records that are no news page, by why ("request",
    /// "not HTML"…), counted as they are read.
    warc_skipped: Mutex<BTreeMap<&'static str, u64>>,
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
        Corpus {
            files: inputs.files,
            manifests,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            primary: false,
            errors,
            skipped: inputs.skipped,
            warc_skipped: Mutex::default(),
        }
    }

    /// Web-archive records read so far that were no page, by reason.
    pub fn warc_skipped(&self) -> BTreeMap<&'static str, u64> {
        self.warc_skipped.lock().map(|m| m.clone()).unwrap_or_default()
    }

    /// Refuses articles larger than `bytes`: a text file, a JSON line or a
    /// CSV record. Larger ones are reported and skipped, unread where the
    /// format allows.
    pub fn with_max_article_bytes(mut self, bytes: u64) -> Corpus {
        self.max_article_bytes = bytes;
        self
    }

    /// Reads every input as a primary source — the record of an event —
    /// unless its manifest row or record gives another `kind`.
    pub fn primary(mut self, primary: bool) -> Corpus {
        self.primary = primary;
        self
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
                    Format::Txt | Format::Html | Format::Captions => {
                        let item = read_bounded(path, &display, self.max_article_bytes).map(|bytes| {
                            let mut over =
                                self.manifests.iter().find_map(|m| m.lookup(path)).cloned().unwrap_or_default();
                            // Captions are always a record; anything else is
                            // one when --primary says so and its row does not
                            // say otherwise.
                            if *format == Format::Captions || (self.primary && over.primary.is_none()) {
                                over.primary = Some(true);
                            }
                            let source = Source { path: display.clone(), bytes };
                            if *format == Format::Html {
                                Item::Page { source, fetch: html::Fetch::default(), over }
                            } else {
                                Item::File { source, over }
                            }
                        });
                        let size = item.as_ref().map_or(0, |i| match i {
                            Item::File { source, .. } | Item::Page { source, .. } => source.bytes.len() as u64,
                            _ => 0,
                        });
                        Box::new(std::iter::once((item, size)))
                    }
                    Format::Warc => match warc_pages(path, &display, self.max_article_bytes, &self.warc_skipped) {
                        Ok(it) => it,
                        Err(e) => Box::new(std::iter::once((Err(e), 0))),
                    },
                    Format::Jsonl => match std::fs::File::open(path) {
                        Ok(f) => Box::new(JsonLines {
                            primary: self.primary,
                            path: display,
                            reader: BufReader::with_capacity(1 << 16, f),
                            line: 0,
                            done: false,
                            max: self.max_article_bytes,
                        }),
                        Err(e) => {
                            Box::new(std::iter::once((Err(Error::new(&display, None, discover::io_reason(&e))), 0)))
                        }
                    },
                    Format::Csv => match csv_records(path, &display, self.max_article_bytes, self.primary) {
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
    /// Longest line read, in bytes.
    max: u64,
    /// Whether a record that does not say its kind is a primary source.
    primary: bool,
}

impl Iterator for JsonLines {
    type Item = (Result<Item, Error>, u64);

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut buf = Vec::new();
            // Room for the line end, which does not count against the limit.
            match read_line_bounded(&mut self.reader, &mut buf, self.max.saturating_add(2)) {
                Ok(0) => return None,
                Ok(n) => {
                    self.line += 1;
                    let content = if buf.len() as u64 == n { buf.trim_ascii_end().len() as u64 } else { n };
                    if content > self.max {
                        let e =
                            Error::new(&self.path, Some(self.line), too_large(&sized("the line", content), self.max));
                        return Some((Err(e), n));
                    }
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some((
                        Ok(Item::JsonLine {
                            path: self.path.clone(),
                            line: self.line,
                            bytes: buf,
                            primary: self.primary,
                        }),
                        n,
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

/// Reads one line (through its `\n`) into `buf`, keeping at most `keep`
/// bytes: the rest of a longer line is read and dropped, so a runaway line
/// costs no memory. Returns the line's full length; 0 at the end of input.
fn read_line_bounded(reader: &mut impl BufRead, buf: &mut Vec<u8>, keep: u64) -> std::io::Result<u64> {
    let mut total = 0u64;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(total);
        }
        let (take, end) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        total += take as u64;
        if total <= keep {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            buf.clear();
        }
        reader.consume(take);
        if end {
            return Ok(total);
        }
    }
}

/// Reads a whole text file, refusing one larger than `max` bytes before
/// reading it (and, for files whose size is not known in advance, such as
/// devices and pipes, as soon as it passes `max`).
fn read_bounded(path: &Path, display: &str, max: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let io = |e: std::io::Error| Error::new(display, None, discover::io_reason(&e));
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > max {
        return Err(Error::new(display, None, too_large(&sized("the file", size), max)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let read = file.take(max + 1).read_to_end(&mut bytes).map_err(io)? as u64;
    if read > max {
        return Err(Error::new(display, None, too_large("the file is larger than", max)));
    }
    Ok(bytes)
}

/// Why an article over the limit was skipped; `over` says by how much
/// ("the line is 40.0 MiB, more than").
fn too_large(over: &str, max: u64) -> String {
    format!("{over} the {} one article may have; skipped (raise the limit with --max-article-size)", human_bytes(max))
}

/// "the line is 40.0 MiB, more than", for [`too_large`].
fn sized(what: &str, size: u64) -> String {
    format!("{what} is {}, more than", human_bytes(size))
}

/// A byte count the way a user reads it: "40.0 MiB".
fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} bytes");
    }
    let mut value = n as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// The pages of a web archive, streamed record by record. Records that are
/// no page are counted in `skipped`; a record that cannot be read is an
/// error named `FILE@OFFSET`, and reading goes on with the next one.
fn warc_pages<'a>(
    path: &Path,
    display: &str,
    max: u64,
    skipped: &'a Mutex<BTreeMap<&'static str, u64>>,
) -> Result<Items<'a>, Error> {
    let io = |e: std::io::Error| Error::new(display, None, discover::io_reason(&e));
    let mut reader = BufReader::with_capacity(1 << 16, std::fs::File::open(path).map_err(io)?);
    let compression = warc::sniff(reader.fill_buf().map_err(io)?)
        .ok_or_else(|| Error::new(display, Some(1), "not a web archive: no WARC/1.x record at the start"))?;
    let display = display.to_owned();
    let records = warc::Reader::new(reader, compression, max);
    Ok(Box::new(records.filter_map(move |record| {
        let record = match record {
            Ok(r) => r,
            Err(e) => return Some((Err(Error::new(format!("{display}@{}", e.offset), None, e.message)), 0)),
        };
        let size = record.block.len() as u64;
        let at = format!("{display}@{}", record.offset);
        match warc::classify(&record, max) {
            warc::Classified::Page { uri, date, content_type, body } => {
                let fetch = html::Fetch { content_type: Some(content_type), url: uri, date };
                let source = Source { path: at, bytes: body };
                Some((Ok(Item::Page { source, fetch, over: Meta::default() }), size))
            }
            warc::Classified::Skip(warc::Skip::Malformed(why)) => {
                let uri = record.target_uri.map_or_else(String::new, |u| format!(" ({u})"));
                Some((Err(Error::new(at, None, format!("malformed HTTP response{uri}: {why}"))), size))
            }
            warc::Classified::Skip(why) => {
                if let Ok(mut counts) = skipped.lock() {
                    *counts.entry(why.label()).or_default() += 1;
                }
                None
            }
        }
    })))
}

/// The records of a CSV corpus; the header must name a `text` column.
fn csv_records<'a>(path: &Path, display: &str, max: u64, primary: bool) -> Result<Items<'a>, Error> {
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
        ["outlet", "url", "title", "author", "published", "language", "kind"].iter().map(|c| col(c)).collect();
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
        // The csv reader has the record in memory by now; refusing it still
        // keeps an oversized article out of extraction and the archive.
        let bytes = rec.as_byte_record().as_slice().len() as u64;
        if bytes > max {
            return (Err(Error::new(&display, Some(line), too_large(&sized("the record", bytes), max))), size);
        }
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).map(str::to_owned).filter(|v| !v.trim().is_empty());
        let record = Record {
            outlet: get(cols[0]),
            url: get(cols[1]),
            title: get(cols[2]),
            author: get(cols[3]),
            published: get(cols[4]),
            language: get(cols[5]),
            text: get(Some(text_col)),
            kind: get(cols[6]),
        };
        (Ok(Item::Record { path: display.clone(), line, record, primary }), size)
    })))
}
