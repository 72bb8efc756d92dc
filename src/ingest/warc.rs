//! WARC files (ISO 28500, versions 1.0 and 1.1) as wget, Heritrix, warcio
//! and Common Crawl write them, plain or gzip: a streaming reader of their
//! records, and the HTTP message a `response` record holds.
//!
//! A `.warc.gz` is a series of gzip members, usually one per record, so a
//! corrupt member costs only its own records: the reader reports it and
//! goes on from the next member whose content is a record. A plain file
//! goes on from the next line that starts a record.

use flate2::bufread::{DeflateDecoder, GzDecoder, ZlibDecoder};
use std::io::{self, BufRead, Read};

/// How much of a file is read at a time.
const CHUNK: usize = 64 << 10;
/// Longest record header, and so longest header line, that is read.
const MAX_HEADER: usize = 256 << 10;
/// Compressed bytes tried when deciding whether a gzip member starts at a
/// place: enough for its header and the first block of its content.
const PROBE: usize = 4 << 10;
/// A corrupt member is rescanned from its start for the next member, since
/// the decoder may have read on into it; only this much is kept for that.
/// Members of one record are rarely larger (Common Crawl cuts records at
/// 1 MiB); past it the scan goes on from where the decoder stopped.
const REPLAY_LIMIT: usize = 4 << 20;

/// How a WARC file is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Records one after another (`.warc`).
    None,
    /// Gzip members, usually one per record (`.warc.gz`).
    Gzip,
}

/// Whether a file that starts with `prefix` is a WARC file, and how it is
/// stored: the content decides, not the file's name. A few KiB of prefix
/// are enough for a `.warc.gz`.
pub fn sniff(prefix: &[u8]) -> Option<Compression> {
    if prefix.starts_with(&[0x1f, 0x8b]) {
        return gzip_holds_warc(prefix).then_some(Compression::Gzip);
    }
    let start = prefix.iter().position(|b| !b.is_ascii_whitespace())?;
    prefix[start..].starts_with(b"WARC/1.").then_some(Compression::None)
}

/// One WARC record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Byte offset of the record in the file; in a `.warc.gz`, of the gzip
    /// member that holds it (records sharing a member share it).
    pub offset: u64,
    /// `WARC-Type` ("response", "request", "warcinfo"…), empty when missing.
    pub warc_type: String,
    /// `WARC-Target-URI`, without the angle brackets some WARC 1.0 writers add.
    pub target_uri: Option<String>,
    /// `WARC-Date` as given.
    pub date: Option<String>,
    /// `Content-Type` of the block ("application/http; msgtype=response").
    pub content_type: Option<String>,
    /// Every header field in order, names as written, continuation lines
    /// folded into their value.
    pub headers: Vec<(String, String)>,
    /// The record's content: exactly `Content-Length` bytes.
    pub block: Vec<u8>,
}

impl Record {
    /// The value of header field `name`, whatever its case.
    pub fn header(&self, name: &str) -> Option<&str> {
        field(&self.headers, name)
    }
}

/// A record that could not be read: where, and why in a user's words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at byte {offset}: {message}")]
pub struct RecordError {
    /// Byte offset of the record (or of its gzip member) in the file.
    pub offset: u64,
    /// What is wrong.
    pub message: String,
}

/// The records of a WARC file, read one at a time. A record that cannot be
/// read is an error item, after which reading goes on with the next record
/// found; only an I/O error of the underlying reader ends it early.
///
/// Memory is bounded by `max_block` and a few buffers: larger blocks are
/// read through and dropped. A record that shares its gzip member with
/// later ones (some writers compress the whole file as one member) comes
/// out before the member's checksum is read; a record alone in its member
/// comes out only once the checksum held. A member gives at most one error
/// besides those for records too large.
pub struct Reader<R: BufRead> {
    state: State<R>,
    max_block: u64,
}

enum State<R: BufRead> {
    Plain {
        s: Stream<R>,
        lost: bool,
    },
    /// Gzip, between members.
    Members {
        s: Stream<R>,
        lost: bool,
    },
    /// Inside a gzip member.
    Member(Box<Member<R>>),
    Done,
}

/// A gzip member being read.
struct Member<R: BufRead> {
    /// Its offset in the file.
    start: u64,
    data: Unzipped<R>,
    /// Bytes that are no record were skipped in it: an error still to give.
    stray: bool,
    /// It gave an error already, and so gives no other (but that a record
    /// is too large): they would all have its offset, and one corruption
    /// often shows in several ways.
    failed: bool,
}

type Item = Result<Record, RecordError>;

/// The content of a gzip member of a file read from `R`.
type Unzipped<R> = Stream<GzDecoder<Stream<R>>>;

impl<R: BufRead> Reader<R> {
    /// Reads the records of `reader`, stored as `compression` says; blocks
    /// larger than `max_block` bytes are skipped with an error.
    pub fn new(reader: R, compression: Compression, max_block: u64) -> Self {
        let s = Stream::new(reader);
        let state = match compression {
            Compression::None => State::Plain { s, lost: false },
            Compression::Gzip => State::Members { s, lost: false },
        };
        Reader { state, max_block }
    }

    /// The next record of a plain file.
    fn plain(&self, mut s: Stream<R>, mut lost: bool) -> (State<R>, Option<Item>) {
        match next_record(&mut s, &mut lost, self.max_block) {
            Ok(None) => (State::Done, None),
            Ok(Some((offset, parsed))) => (State::Plain { s, lost }, Some(item(offset, parsed))),
            Err(e) => (State::Done, Some(Err(RecordError { offset: s.pos, message: format!("read error: {e}") }))),
        }
    }

    /// Opens the next gzip member, after a scan for one if the last was lost.
    fn between(&self, mut s: Stream<R>, lost: bool) -> (State<R>, Option<Item>) {
        let seek = if lost { s.seek_member() } else { Ok(()) };
        match seek.and_then(|()| s.fill(2).map(|ahead| (ahead.is_empty(), ahead.starts_with(&[0x1f, 0x8b])))) {
            Ok((true, _)) => (State::Done, None),
            Ok((false, false)) => {
                let error = RecordError { offset: s.pos, message: "corrupt gzip member: no gzip header".into() };
                (State::Members { s, lost: true }, Some(Err(error)))
            }
            Ok(_) => {
                let start = s.pos;
                s.replay = Some(Vec::new());
                let data = Stream::new(GzDecoder::new(s));
                (State::Member(Box::new(Member { start, data, stray: false, failed: false })), None)
            }
            Err(e) => (State::Done, Some(Err(RecordError { offset: s.pos, message: format!("read error: {e}") }))),
        }
    }

    /// The next record of a member.
    fn member(&self, mut m: Box<Member<R>>) -> (State<R>, Option<Item>) {
        if std::mem::take(&mut m.stray) && !m.failed {
            m.failed = true;
            let error = RecordError { offset: m.start, message: NOT_A_RECORD.into() };
            return (State::Member(m), Some(Err(error)));
        }
        let mut lost = false;
        let parsed = match next_record(&mut m.data, &mut lost, self.max_block) {
            Ok(Some((_, parsed))) => parsed,
            Ok(None) => return (State::Members { s: end_member(m.data), lost: false }, None),
            Err(e) => return corrupt(*m, &e),
        };
        // What the member gave is trusted only once the stream is at its
        // next record or its end, where the checksum is read: a record
        // alone in its member is checked, and a corrupt member is one error.
        // Bytes skipped on the way are an error of their own, next.
        match m.data.next_start() {
            Ok((more, stray)) => {
                // Its errors would all have one offset: the first says it;
                // records skipped as too large are sound, and each counts.
                let sound = !matches!(parsed, Parsed::Bad { .. });
                let item = Some(item(m.start, parsed)).filter(|i| i.is_ok() || sound || !m.failed);
                m.failed |= item.as_ref().is_some_and(Result::is_err);
                m.stray = stray && !lost;
                let state = if more || m.stray {
                    State::Member(m)
                } else {
                    State::Members { s: end_member(m.data), lost: false }
                };
                (state, item)
            }
            Err(e) => corrupt(*m, &e),
        }
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            let (state, item) = match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return None,
                State::Plain { s, lost } => self.plain(s, lost),
                State::Members { s, lost } => self.between(s, lost),
                State::Member(m) => self.member(m),
            };
            self.state = state;
            // Some steps yield nothing and go on: opening or closing a
            // member, an error of a member that gave one. Each moves on by
            // at least a byte, of the file or of the member's content.
            if item.is_some() || matches!(self.state, State::Done) {
                return item;
            }
        }
    }
}

impl<R: BufRead> std::iter::FusedIterator for Reader<R> {}

/// The file after a member that ended well.
fn end_member<R: BufRead>(data: Unzipped<R>) -> Stream<R> {
    let mut s = data.inner.into_inner();
    s.replay = None;
    s
}

/// The error for a member whose data is corrupt (unless it gave one
/// already), and the file rewound to just after the member's start, to look
/// for the next member from there.
fn corrupt<R: BufRead>(m: Member<R>, e: &io::Error) -> (State<R>, Option<Item>) {
    let mut s = m.data.inner.into_inner();
    let message = match s.fill(1) {
        Ok([]) => "truncated gzip member: the file ends inside it".to_owned(),
        _ => format!("corrupt gzip member: {e}"),
    };
    if let Some(kept) = s.replay.take() {
        s.unread(kept.get(1..).unwrap_or_default());
    }
    let error = (!m.failed).then_some(Err(RecordError { offset: m.start, message }));
    (State::Members { s, lost: true }, error)
}

const NOT_A_RECORD: &str = "not a WARC record header";

/// A record's header fields and block, or why it is unusable.
enum Parsed {
    Record {
        headers: Vec<(String, String)>,
        block: Vec<u8>,
    },
    /// A sound record whose block is larger than the limit, skipped.
    TooLarge(String),
    /// `resync` when the stream was left inside the record.
    Bad {
        message: String,
        resync: bool,
    },
}

fn item(offset: u64, parsed: Parsed) -> Item {
    match parsed {
        Parsed::Bad { message, .. } | Parsed::TooLarge(message) => Err(RecordError { offset, message }),
        Parsed::Record { headers, block } => {
            let get = |name| field(&headers, name).map(str::to_owned);
            let target_uri = field(&headers, "WARC-Target-URI")
                .map(|u| u.strip_prefix('<').and_then(|u| u.strip_suffix('>')).unwrap_or(u).to_owned());
            Ok(Record {
                offset,
                warc_type: get("WARC-Type").unwrap_or_default(),
                target_uri,
                date: get("WARC-Date"),
                content_type: get("Content-Type"),
                headers,
                block,
            })
        }
    }
}

/// The next record of a stream of records and its offset there; `None` at
/// the end. `lost` says the last record left the stream inside itself.
fn next_record<S: Read>(s: &mut Stream<S>, lost: &mut bool, max_block: u64) -> io::Result<Option<(u64, Parsed)>> {
    if std::mem::take(lost) {
        s.seek_line()?;
    }
    if !s.skip_blanks()? {
        return Ok(None);
    }
    let offset = s.pos;
    let parsed = parse_record(s, max_block)?;
    *lost = matches!(parsed, Parsed::Bad { resync: true, .. });
    Ok(Some((offset, parsed)))
}

fn parse_record<S: Read>(s: &mut Stream<S>, max_block: u64) -> io::Result<Parsed> {
    let bad = |message: String, resync| Ok(Parsed::Bad { message, resync });
    const CUT_SHORT: &str = "truncated record: the next record starts inside its header";
    match s.line()? {
        Line::Text(line) if line.starts_with(b"WARC/1.") => {}
        Line::Text(line) if s.unread_record_in(&line) => return bad(CUT_SHORT.into(), false),
        _ => return bad(NOT_A_RECORD.into(), true),
    }
    let mut headers = Vec::new();
    let mut size = 0;
    loop {
        // Left unread: it starts the next record.
        if s.fill(7)?.starts_with(b"WARC/1.") {
            return bad(CUT_SHORT.into(), false);
        }
        let raw = match s.line()? {
            Line::Text(raw) => raw,
            Line::TooLong => return bad(format!("record header line longer than {}", human(MAX_HEADER as u64)), true),
            Line::End => return bad("truncated record: the file ends inside its header".into(), true),
        };
        let line = raw.strip_suffix(b"\n").unwrap_or(&raw);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        size += line.len();
        if size > MAX_HEADER {
            return bad(format!("record header longer than {}", human(MAX_HEADER as u64)), true);
        }
        let text = String::from_utf8_lossy(line);
        if !push_field(&mut headers, &text) {
            if s.unread_record_in(&raw) {
                return bad(CUT_SHORT.into(), false);
            }
            return bad(format!("malformed record header line {:?}", clip(&text)), true);
        }
    }
    let length = match field(&headers, "Content-Length").map(|v| (v, v.parse::<u64>())) {
        None => return bad("record has no Content-Length".into(), true),
        Some((v, Err(_))) => return bad(format!("invalid Content-Length {:?}", clip(v)), true),
        Some((_, Ok(length))) => length,
    };
    let truncated = |got| format!("truncated record: Content-Length says {length} bytes, {got} remain");
    if length > max_block {
        let got = s.take(length, None)?;
        if got < length {
            return bad(truncated(got), false);
        }
        return Ok(Parsed::TooLarge(format!(
            "record too large ({}, limit {}); skipped",
            human(length),
            human(max_block)
        )));
    }
    let mut block = Vec::with_capacity(usize::try_from(length).unwrap_or(CHUNK).min(CHUNK));
    let got = s.take(length, Some(&mut block))?;
    if got < length {
        return bad(truncated(got), false);
    }
    Ok(Parsed::Record { headers, block })
}

/// Adds a `Name: value` line to `fields`, or folds a continuation line
/// into the last value; false for a line that is neither.
fn push_field(fields: &mut Vec<(String, String)>, line: &str) -> bool {
    if line.starts_with([' ', '\t']) {
        let Some((_, value)) = fields.last_mut() else { return false };
        if !value.is_empty() {
            value.push(' ');
        }
        value.push_str(line.trim());
    } else {
        let Some((name, value)) = line.split_once(':') else { return false };
        fields.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    true
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// The start of `text`, for an error message.
fn clip(text: &str) -> String {
    text.chars().take(60).collect()
}

/// A size as people read it: "120 bytes", "4.5 KiB", "40.0 MiB".
fn human(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        1024..1_048_576 => format!("{:.1} KiB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MiB", bytes as f64 / 1_048_576.0),
    }
}

/// Whether gzip data starting with `bytes` decompresses to a WARC record
/// (only the start is needed: the rest may be cut off).
fn gzip_holds_warc(bytes: &[u8]) -> bool {
    let mut head = [0; 32];
    let mut n = 0;
    let mut decoder = GzDecoder::new(bytes);
    while n < head.len() {
        match decoder.read(&mut head[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    let start = head[..n].iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(n);
    head[start..n].starts_with(b"WARC/")
}

enum Line {
    /// A line with its `\n` or `\r\n`; the last one may have neither.
    Text(Vec<u8>),
    TooLong,
    End,
}

/// A byte stream with look-ahead and push-back that counts what it consumed.
struct Stream<R> {
    inner: R,
    buf: Vec<u8>,
    /// `buf[start..]` is not consumed yet.
    start: usize,
    /// Bytes consumed so far: the offset of `buf[start]`.
    pos: u64,
    eof: bool,
    /// What was consumed since this was set, while under `REPLAY_LIMIT`.
    replay: Option<Vec<u8>>,
}

impl<R: Read> Stream<R> {
    fn new(inner: R) -> Self {
        Stream { inner, buf: Vec::new(), start: 0, pos: 0, eof: false, replay: None }
    }

    /// The bytes ahead: at least `want` of them unless the stream ends first.
    fn fill(&mut self, want: usize) -> io::Result<&[u8]> {
        while self.buf.len() - self.start < want && !self.eof {
            if self.start > 0 {
                self.buf.drain(..self.start);
                self.start = 0;
            }
            let len = self.buf.len();
            self.buf.resize(len + CHUNK, 0);
            let read = self.inner.read(&mut self.buf[len..]);
            self.buf.truncate(len + read.as_ref().map_or(0, |&n| n));
            match read {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(&self.buf[self.start..])
    }

    fn advance(&mut self, n: usize) {
        let n = n.min(self.buf.len() - self.start);
        if let Some(kept) = &mut self.replay {
            if kept.len() + n <= REPLAY_LIMIT {
                kept.extend_from_slice(&self.buf[self.start..self.start + n]);
            } else {
                self.replay = None;
            }
        }
        self.start += n;
        self.pos += n as u64;
    }

    /// Puts `bytes`, consumed earlier, back in front.
    fn unread(&mut self, bytes: &[u8]) {
        self.pos = self.pos.saturating_sub(bytes.len() as u64);
        // Usually they were just consumed and are still in the buffer.
        if let Some(before) = self.start.checked_sub(bytes.len())
            && self.buf[before..self.start] == *bytes
        {
            self.start = before;
            return;
        }
        let mut buf = Vec::with_capacity(bytes.len() + self.buf.len() - self.start);
        buf.extend_from_slice(bytes);
        buf.extend_from_slice(&self.buf[self.start..]);
        self.buf = buf;
        self.start = 0;
    }

    /// Consumes up to `len` bytes, into `out` if given; how many there were.
    fn take(&mut self, len: u64, mut out: Option<&mut Vec<u8>>) -> io::Result<u64> {
        let mut done = 0;
        while done < len {
            let ahead = self.fill(1)?;
            if ahead.is_empty() {
                break;
            }
            let n = ahead.len().min(usize::try_from(len - done).unwrap_or(usize::MAX));
            if let Some(out) = out.as_deref_mut() {
                out.extend_from_slice(&ahead[..n]);
            }
            self.advance(n);
            done += n as u64;
        }
        Ok(done)
    }

    /// Skips the blanks between records; false at the end of the stream.
    fn skip_blanks(&mut self) -> io::Result<bool> {
        loop {
            let ahead = self.fill(1)?;
            if ahead.is_empty() {
                return Ok(false);
            }
            let blanks = ahead.iter().take_while(|b| b.is_ascii_whitespace()).count();
            let all = blanks == ahead.len();
            self.advance(blanks);
            if !all {
                return Ok(true);
            }
        }
    }

    fn line(&mut self) -> io::Result<Line> {
        let mut seen = 0;
        loop {
            let ahead = self.fill(seen + 1)?;
            if let Some(i) = ahead[seen..].iter().position(|&b| b == b'\n') {
                let end = seen + i;
                let line = ahead[..=end].to_vec();
                self.advance(end + 1);
                return Ok(Line::Text(line));
            }
            if ahead.len() == seen {
                let line = ahead.to_vec();
                self.advance(seen);
                return Ok(if seen == 0 { Line::End } else { Line::Text(line) });
            }
            if ahead.len() > MAX_HEADER {
                // Consumed, so that a reader that goes on moves forward.
                let n = ahead.len();
                self.advance(n);
                return Ok(Line::TooLong);
            }
            seen = ahead.len();
        }
    }

    /// Puts back the part of `line`, just consumed, from a record start
    /// after its first byte: a record cut short inside a line, and the
    /// next one right after it. False when there is none.
    fn unread_record_in(&mut self, line: &[u8]) -> bool {
        let Some(i) = line.windows(7).skip(1).position(|w| w == b"WARC/1.") else { return false };
        self.unread(&line[i + 1..]);
        true
    }

    /// Goes past blanks to the next record start, or the end: whether there
    /// is a record, and whether other bytes were skipped to get there.
    fn next_start(&mut self) -> io::Result<(bool, bool)> {
        if !self.skip_blanks()? {
            return Ok((false, false));
        }
        if self.fill(7)?.starts_with(b"WARC/1.") {
            return Ok((true, false));
        }
        self.seek_line()?;
        Ok((!self.fill(1)?.is_empty(), true))
    }

    /// Goes to the next line that starts a record (this one included: the
    /// stream is at a line start), or to the end.
    fn seek_line(&mut self) -> io::Result<()> {
        while !self.fill(7)?.starts_with(b"WARC/1.") {
            let ahead = self.fill(1)?;
            if ahead.is_empty() {
                break;
            }
            let n = ahead.iter().position(|&b| b == b'\n').map_or(ahead.len(), |i| i + 1);
            self.advance(n);
        }
        Ok(())
    }

    /// Goes to the next gzip member whose content is a WARC record (this
    /// place included), or to the end. Each place costs at most `PROBE`
    /// bytes of decoding, so the scan is linear.
    fn seek_member(&mut self) -> io::Result<()> {
        loop {
            let ahead = self.fill(PROBE)?;
            if ahead.len() < 3 {
                let n = ahead.len();
                self.advance(n);
                return Ok(());
            }
            let n = match ahead.windows(3).position(|w| w == [0x1f, 0x8b, 0x08]) {
                Some(0) if gzip_holds_warc(&ahead[..ahead.len().min(PROBE)]) => return Ok(()),
                Some(0) => 1,
                Some(i) => i,
                // The last two bytes may begin a member.
                None => ahead.len() - 2,
            };
            self.advance(n);
        }
    }
}

impl<R: Read> Read for Stream<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let ahead = self.fill(1)?;
        let n = ahead.len().min(out.len());
        out[..n].copy_from_slice(&ahead[..n]);
        self.advance(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Stream<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.fill(1)
    }

    fn consume(&mut self, n: usize) {
        self.advance(n);
    }
}

/// The HTTP message of a `response` record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// Status code (200).
    pub status: u16,
    /// `Content-Type` as given ("text/html; charset=windows-1252").
    pub content_type: Option<String>,
    /// The body, its transfer and content encodings undone.
    pub body: Vec<u8>,
}

/// Reads the HTTP response in a `response` record's block. Chunked
/// transfer encoding and gzip or deflate content encoding are undone when
/// the headers say so under their own names: Common Crawl stores bodies
/// decoded and renames those headers (`X-Crawler-Transfer-Encoding`). A
/// body that decodes to more than `max_body` bytes is an error.
pub fn http_response(block: &[u8], max_body: u64) -> Result<HttpResponse, String> {
    let head = http_head(block)?;
    let body = decode_body(&head, max_body)?;
    Ok(HttpResponse {
        status: head.status,
        content_type: field(&head.headers, "Content-Type").map(str::to_owned),
        body,
    })
}

/// An HTTP response's status and header fields, and its body still encoded.
struct Head<'a> {
    status: u16,
    headers: Vec<(String, String)>,
    body: &'a [u8],
}

fn http_head(block: &[u8]) -> Result<Head<'_>, String> {
    let mut rest = block;
    let mut lines = Vec::new();
    loop {
        let Some(i) = rest.iter().position(|&b| b == b'\n') else {
            return Err("the HTTP header does not end".into());
        };
        let line = String::from_utf8_lossy(rest[..i].strip_suffix(b"\r").unwrap_or(&rest[..i]));
        rest = &rest[i + 1..];
        if line.is_empty() {
            break;
        }
        lines.push(line);
    }
    let Some((first, fields)) = lines.split_first() else { return Err("no HTTP status line".into()) };
    let mut words = first.split_ascii_whitespace();
    let status = match (words.next(), words.next()) {
        (Some(version), Some(code)) if version.starts_with("HTTP/") && code.len() == 3 => code.parse().ok(),
        _ => None,
    };
    let Some(status) = status else { return Err(format!("not an HTTP status line: {:?}", clip(first))) };
    let mut headers = Vec::new();
    for line in fields {
        // Servers send odd lines; they are no reason to drop a page.
        push_field(&mut headers, line);
    }
    Ok(Head { status, headers, body: rest })
}

fn decode_body(head: &Head, max_body: u64) -> Result<Vec<u8>, String> {
    let too_large = || format!("the HTTP body is larger than the limit of {}", human(max_body));
    let chunked = field(&head.headers, "Transfer-Encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let mut body = if chunked { dechunk(head.body, max_body).ok_or_else(too_large)? } else { head.body.to_vec() };
    if let Some(codings) = field(&head.headers, "Content-Encoding") {
        // Listed in the order they were applied.
        for coding in codings.rsplit(',').map(|c| c.trim().to_ascii_lowercase()) {
            body = match coding.as_str() {
                "" | "identity" => body,
                "gzip" | "x-gzip" => inflate(GzDecoder::new(&body[..]), max_body)?,
                // Servers send zlib-wrapped or raw deflate under this name.
                "deflate" => inflate(ZlibDecoder::new(&body[..]), max_body)
                    .or_else(|_| inflate(DeflateDecoder::new(&body[..]), max_body))?,
                other => return Err(format!("content encoding '{}' not supported", clip(other))),
            };
        }
    }
    if body.len() as u64 > max_body {
        return Err(too_large());
    }
    Ok(body)
}

fn inflate(decoder: impl Read, max_body: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    decoder
        .take(max_body.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("corrupt compressed body: {e}"))?;
    if out.len() as u64 > max_body {
        return Err(format!("the HTTP body is larger than the limit of {}", human(max_body)));
    }
    Ok(out)
}

/// A chunked body's data; `None` past `max_body`. A body cut short keeps
/// what arrived, and one that does not open with a chunk size was stored
/// de-chunked under the original header and is kept as it is.
fn dechunk(body: &[u8], max_body: u64) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let (line, after) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &[][..]),
        };
        let digits = String::from_utf8_lossy(line.split(|&b| b == b';').next().unwrap_or_default());
        let digits = digits.trim();
        let size = match u64::from_str_radix(digits, 16) {
            Ok(size) if digits.bytes().all(|b| b.is_ascii_hexdigit()) => size,
            _ if rest.len() == body.len() => return Some(body.to_vec()),
            _ => break,
        };
        if size == 0 {
            return Some(out);
        }
        let n = usize::try_from(size).unwrap_or(usize::MAX).min(after.len());
        if (out.len() + n) as u64 > max_body {
            return None;
        }
        out.extend_from_slice(&after[..n]);
        rest = &after[n..];
        rest = rest.strip_prefix(b"\r").unwrap_or(rest);
        rest = rest.strip_prefix(b"\n").unwrap_or(rest);
        if rest.is_empty() {
            break;
        }
    }
    Some(out)
}

/// What a record is to an importer of news pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Classified {
    /// A page fetched with status 200 whose HTTP content is HTML.
    Page {
        /// `WARC-Target-URI`.
        uri: Option<String>,
        /// `WARC-Date`.
        date: Option<String>,
        /// The HTTP `Content-Type` as given, "text/html" when missing.
        content_type: String,
        /// The body, decoded as [`http_response`] does.
        body: Vec<u8>,
    },
    /// Anything else, and why.
    Skip(Skip),
}

/// Why a record is no page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    /// A `request` record.
    Request,
    /// Any type other than `response` and `request`: `warcinfo`,
    /// `metadata`, `resource`, `revisit`, `conversion`…
    Metadata,
    /// A response that is not HTML, or not HTTP at all (a DNS lookup).
    NotHtml,
    /// A response with a status other than 200.
    Status(u16),
    /// A response whose HTTP message cannot be read, and why.
    Malformed(String),
}

impl Skip {
    /// The reason as a report names it.
    pub fn label(&self) -> &'static str {
        match self {
            Skip::Request => "request",
            Skip::Metadata => "metadata",
            Skip::NotHtml => "not HTML",
            Skip::Status(_) => "not status 200",
            Skip::Malformed(_) => "malformed HTTP",
        }
    }
}

/// Whether `record` is a news page: a `response` with an HTTP message of
/// status 200 and HTML content (by its `Content-Type`, or by its first
/// bytes when that is missing), whose body decodes within `max_body` bytes.
pub fn classify(record: &Record, max_body: u64) -> Classified {
    let skip = |why| Classified::Skip(why);
    match record.warc_type.to_ascii_lowercase().as_str() {
        "response" => {}
        "request" => return skip(Skip::Request),
        _ => return skip(Skip::Metadata),
    }
    let http = match &record.content_type {
        Some(t) => media_type(t) == "application/http",
        None => record.block.starts_with(b"HTTP/"),
    };
    if !http {
        return skip(Skip::NotHtml);
    }
    let head = match http_head(&record.block) {
        Ok(head) => head,
        Err(e) => return skip(Skip::Malformed(e)),
    };
    if head.status != 200 {
        return skip(Skip::Status(head.status));
    }
    let content_type = field(&head.headers, "Content-Type").filter(|t| !t.is_empty());
    if content_type.is_some_and(|t| !matches!(media_type(t).as_str(), "text/html" | "application/xhtml+xml")) {
        return skip(Skip::NotHtml);
    }
    let body = match decode_body(&head, max_body) {
        Ok(body) => body,
        Err(e) => return skip(Skip::Malformed(e)),
    };
    if content_type.is_none() && !looks_like_html(&body) {
        return skip(Skip::NotHtml);
    }
    Classified::Page {
        uri: record.target_uri.clone(),
        date: record.date.clone(),
        content_type: content_type.unwrap_or("text/html").to_owned(),
        body,
    }
}

/// "text/html" of "Text/HTML; charset=utf-8".
fn media_type(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

fn looks_like_html(body: &[u8]) -> bool {
    let body = body.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(body);
    let start = body.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(body.len());
    let head = body[start..].iter().take(14).map(u8::to_ascii_lowercase).collect::<Vec<_>>();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression as Level;
    use flate2::write::GzEncoder;
    use std::io::Write;

    const LIMIT: u64 = 1 << 20;

    fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        [format!("HTTP/1.1 {status}\r\n{headers}\r\n").as_bytes(), body].concat()
    }

    fn response(uri: &str, status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        record("response", uri, "application/http; msgtype=response", &http(status, headers, body))
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Level::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    /// A `.warc.gz` of one member per record, and where each member starts.
    fn gzip_file(records: &[Vec<u8>]) -> (Vec<u8>, Vec<u64>) {
        let mut file = Vec::new();
        let mut starts = Vec::new();
        for r in records {
            starts.push(file.len() as u64);
            file.extend(gzip(r));
        }
        (file, starts)
    }

    fn read(bytes: &[u8], compression: Compression, max_block: u64) -> Vec<Item> {
        Reader::new(bytes, compression, max_block).collect()
    }

    fn ok(items: &[Item]) -> Vec<&Record> {
        items.iter().filter_map(|i| i.as_ref().ok()).collect()
    }

    fn errors(items: &[Item]) -> Vec<&RecordError> {
        items.iter().filter_map(|i| i.as_ref().err()).collect()
    }

    const PAGE: &[u8] = b"<!DOCTYPE html><html><body><p>Hello</p></body></html>";

    /// A file of every kind of record, as wget writes one.
    fn sample() -> Vec<Vec<u8>> {
        vec![
            record(
                "warcinfo",
                "",
                "application/warc-fields",
                b"software: wget/1.21\r\nformat: WARC File Format 1.1\r\n",
            ),
            record("request", "https://example.com/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"),
            response("https://example.com/a", "200 OK", "Content-Type: text/html; charset=windows-1252\r\n", PAGE),
            response("https://example.com/gone", "404 Not Found", "Content-Type: text/html\r\n", b"<html>no</html>"),
            response("https://example.com/logo.png", "200 OK", "Content-Type: image/png\r\n", b"\x89PNG\r\n"),
            record(
                "metadata",
                "https://example.com/a",
                "application/warc-fields",
                b"outlink: https://example.com/b\r\n",
            ),
        ]
    }

    fn kinds(items: &[Item]) -> Vec<String> {
        ok(items).iter().map(|r| r.warc_type.clone()).collect()
    }

    const KINDS: [&str; 6] = ["warcinfo", "request", "response", "response", "response", "metadata"];

    #[test]
    fn sniffs_by_content() {
        let plain = sample().concat();
        assert_eq!(sniff(&plain), Some(Compression::None));
        assert_eq!(sniff(&[b"\r\n\n ", &plain[..]].concat()), Some(Compression::None));
        assert_eq!(sniff(&gzip_file(&sample()).0[..200]), Some(Compression::Gzip));
        assert_eq!(sniff(b"<html>WARC/1.0"), None);
        assert_eq!(sniff(b"WARC/0.9\r\n"), None);
        assert_eq!(sniff(&gzip(b"just some text")), None);
        assert_eq!(sniff(&[0x1f, 0x8b]), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn reads_a_plain_file() {
        let records = sample();
        let file = records.concat();
        let items = read(&file, Compression::None, LIMIT);
        assert!(errors(&items).is_empty(), "{:?}", errors(&items));
        assert_eq!(kinds(&items), KINDS);
        let starts: Vec<u64> =
            records.iter().scan(0, |at, r| Some(std::mem::replace(at, *at + r.len() as u64))).collect();
        assert_eq!(ok(&items).iter().map(|r| r.offset).collect::<Vec<_>>(), starts);
        let page = ok(&items)[2];
        assert_eq!(page.target_uri.as_deref(), Some("https://example.com/a"));
        assert_eq!(page.date.as_deref(), Some("2024-05-01T12:00:00Z"));
        assert_eq!(page.content_type.as_deref(), Some("application/http; msgtype=response"));
        assert_eq!(page.header("content-length"), Some(page.block.len().to_string().as_str()));
        assert!(page.block.ends_with(PAGE));
    }

    #[test]
    fn reads_a_gzip_file_member_by_member() {
        let (file, starts) = gzip_file(&sample());
        let items = read(&file, Compression::Gzip, LIMIT);
        assert!(errors(&items).is_empty(), "{:?}", errors(&items));
        assert_eq!(kinds(&items), KINDS);
        assert_eq!(ok(&items).iter().map(|r| r.offset).collect::<Vec<_>>(), starts);
        let plain = read(&sample().concat(), Compression::None, LIMIT);
        for (gz, plain) in ok(&items).into_iter().zip(ok(&plain)) {
            assert_eq!((&gz.headers, &gz.block), (&plain.headers, &plain.block));
        }
    }

    #[test]
    fn reads_a_gzip_file_of_one_member() {
        let file = gzip(&sample().concat());
        let items = read(&file, Compression::Gzip, LIMIT);
        assert!(errors(&items).is_empty(), "{:?}", errors(&items));
        assert_eq!(kinds(&items), KINDS);
        assert!(ok(&items).iter().all(|r| r.offset == 0));
    }

    #[test]
    fn a_member_gives_one_error_at_most() {
        let records = sample();
        let file = gzip(&[&records[0][..], b"stray bytes\r\n", &records[1][..], b"more\n"].concat());
        let items = read(&file, Compression::Gzip, LIMIT);
        assert_eq!(kinds(&items), ["warcinfo", "request"]);
        let errs: Vec<(u64, &str)> = errors(&items).iter().map(|e| (e.offset, e.message.as_str())).collect();
        assert_eq!(errs, [(0, "not a WARC record header")]);
        assert!(items[1].is_err(), "the error comes where the bytes are");
    }

    #[test]
    fn tolerates_bare_line_feeds_folded_lines_and_missing_separators() {
        let file = b"WARC/1.0\nWARC-Type: resource\nX-Long: one\n  two\n\tthree\nContent-Length: 3\n\nabc\
                     WARC/1.0\nWARC-Type: metadata\nContent-Length: 0\n\n";
        let items = read(file, Compression::None, LIMIT);
        assert!(errors(&items).is_empty(), "{:?}", errors(&items));
        let records = ok(&items);
        assert_eq!(kinds(&items), ["resource", "metadata"]);
        assert_eq!(records[0].header("x-long"), Some("one two three"));
        assert_eq!(records[0].block, b"abc");
        assert_eq!(records[1].offset, 76);
    }

    #[test]
    fn strips_angle_brackets_of_warc_1_0_uris() {
        let file = record("response", "<http://example.com/x?a=1>", "application/http", &http("200 OK", "", PAGE));
        let items = read(&file, Compression::None, LIMIT);
        assert_eq!(ok(&items)[0].target_uri.as_deref(), Some("http://example.com/x?a=1"));
    }

    #[test]
    fn classifies_each_kind_of_record() {
        let items = read(&sample().concat(), Compression::None, LIMIT);
        let classes: Vec<Classified> = ok(&items).iter().map(|r| classify(r, LIMIT)).collect();
        let page = Classified::Page {
            uri: Some("https://example.com/a".into()),
            date: Some("2024-05-01T12:00:00Z".into()),
            content_type: "text/html; charset=windows-1252".into(),
            body: PAGE.to_vec(),
        };
        let skip = Classified::Skip;
        assert_eq!(
            classes,
            [
                skip(Skip::Metadata),
                skip(Skip::Request),
                page,
                skip(Skip::Status(404)),
                skip(Skip::NotHtml),
                skip(Skip::Metadata)
            ]
        );
        let labels: Vec<&str> =
            [Skip::Request, Skip::Metadata, Skip::NotHtml, Skip::Status(301), Skip::Malformed(String::new())]
                .iter()
                .map(Skip::label)
                .collect();
        assert_eq!(labels, ["request", "metadata", "not HTML", "not status 200", "malformed HTTP"]);
    }

    #[test]
    fn sniffs_html_when_the_content_type_is_missing() {
        let one = |body: &[u8]| {
            let file = response("http://x/", "200 OK", "", body);
            classify(ok(&read(&file, Compression::None, LIMIT))[0], LIMIT)
        };
        assert!(
            matches!(one(b"\xEF\xBB\xBF\n <!doctype HTML><p>x"), Classified::Page { content_type, .. } if content_type == "text/html")
        );
        assert!(matches!(one(b"<HTML><p>x"), Classified::Page { .. }));
        assert_eq!(one(b"%PDF-1.4"), Classified::Skip(Skip::NotHtml));
    }

    #[test]
    fn refuses_what_is_not_an_http_page() {
        let one = |block: &[u8], content_type: &str| {
            let file = record("response", "http://x/", content_type, block);
            classify(ok(&read(&file, Compression::None, LIMIT))[0], LIMIT)
        };
        assert_eq!(one(b"example.com. 300 IN A 1.2.3.4\r\n", "text/dns"), Classified::Skip(Skip::NotHtml));
        assert!(matches!(one(b"garbage\r\n\r\n", "application/http"), Classified::Skip(Skip::Malformed(_))));
        assert!(matches!(one(b"HTTP/1.1 200 OK\r\nno end", "application/http"), Classified::Skip(Skip::Malformed(_))));
        let xhtml = http("200 OK", "Content-Type: Application/XHTML+XML\r\n", PAGE);
        assert!(matches!(one(&xhtml, "application/http"), Classified::Page { .. }));
    }

    #[test]
    fn undoes_chunking_and_gzip_content_encoding() {
        let gz = gzip(PAGE);
        let (a, b) = gz.split_at(10);
        let mut chunked = format!("{:x}\r\n", a.len()).into_bytes();
        chunked.extend_from_slice(a);
        chunked.extend_from_slice(format!("\r\n{:X};ext=1\r\n", b.len()).as_bytes());
        chunked.extend_from_slice(b);
        chunked.extend_from_slice(b"\r\n0\r\nX-Trailer: y\r\n\r\n");
        let block = http(
            "200 OK",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked,
        );
        let r = http_response(&block, LIMIT).unwrap();
        assert_eq!((r.status, r.content_type.as_deref(), &r.body[..]), (200, Some("text/html"), PAGE));
        // Common Crawl decodes and renames both headers: nothing to undo.
        let cc = http("200 OK", "X-Crawler-Transfer-Encoding: chunked\r\nX-Crawler-Content-Encoding: gzip\r\n", PAGE);
        assert_eq!(http_response(&cc, LIMIT).unwrap().body, PAGE);
        // A chunked header over a body already de-chunked.
        let dechunked = http("200 OK", "Transfer-Encoding: chunked\r\n", PAGE);
        assert_eq!(http_response(&dechunked, LIMIT).unwrap().body, PAGE);
    }

    #[test]
    fn undoes_deflate_both_ways() {
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), Level::default());
        zlib.write_all(PAGE).unwrap();
        let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), Level::default());
        raw.write_all(PAGE).unwrap();
        for body in [zlib.finish().unwrap(), raw.finish().unwrap()] {
            let block = http("200 OK", "Content-Encoding: deflate\r\n", &body);
            assert_eq!(http_response(&block, LIMIT).unwrap().body, PAGE);
        }
    }

    #[test]
    fn refuses_unknown_encodings_and_bombs() {
        let br = http("200 OK", "Content-Encoding: br\r\n", b"\x1b\x00");
        assert_eq!(http_response(&br, LIMIT), Err("content encoding 'br' not supported".into()));
        let bomb = http("200 OK", "Content-Encoding: x-gzip\r\n", &gzip(&vec![b' '; 10 << 20]));
        let e = http_response(&bomb, LIMIT).unwrap_err();
        assert!(e.contains("larger than the limit of 1.0 MiB"), "{e}");
        let file = record("response", "http://x/", "application/http", &bomb);
        let record = &ok(&read(&file, Compression::None, LIMIT))[0].clone();
        assert!(matches!(classify(record, LIMIT), Classified::Skip(Skip::Malformed(e)) if e.contains("larger")));
        let big = http("200 OK", "Transfer-Encoding: chunked\r\n", b"5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n");
        assert!(http_response(&big, 8).is_err());
        assert_eq!(http_response(&big, 10).unwrap().body, b"helloworld");
    }

    #[test]
    fn a_corrupt_gzip_member_costs_only_its_record() {
        let records = sample();
        let (mut file, starts) = gzip_file(&records);
        // A byte in the middle of the third member's compressed data.
        let at = usize::try_from((starts[2] + starts[3]) / 2).unwrap();
        file[at] ^= 0x55;
        let items = read(&file, Compression::Gzip, LIMIT);
        let errs = errors(&items);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].offset, starts[2]);
        assert!(errs[0].message.starts_with("corrupt gzip member: "), "{}", errs[0]);
        assert_eq!(kinds(&items), ["warcinfo", "request", "response", "response", "metadata"]);
        assert_eq!(
            ok(&items).iter().map(|r| r.offset).collect::<Vec<_>>(),
            [starts[0], starts[1], starts[3], starts[4], starts[5]]
        );
    }

    #[test]
    fn a_member_that_reads_on_into_the_next_is_rescanned_from_its_start() {
        let (mut file, starts) = gzip_file(&sample());
        // FNAME set: its decoder reads a name up to a NUL, deep into later members.
        file[usize::try_from(starts[1]).unwrap() + 3] |= 0x08;
        let items = read(&file, Compression::Gzip, LIMIT);
        assert_eq!(errors(&items).iter().map(|e| e.offset).collect::<Vec<_>>(), [starts[1]]);
        assert_eq!(kinds(&items), ["warcinfo", "response", "response", "response", "metadata"]);
    }

    #[test]
    fn garbage_between_records_is_skipped() {
        let records = sample();
        let garbage = b"\x00\x1f\x8b\x08 not a record\r\nWARC/0.9\r\n";
        let plain = [&records[0][..], garbage, &records[1][..]].concat();
        let items = read(&plain, Compression::None, LIMIT);
        assert_eq!(kinds(&items), ["warcinfo", "request"]);
        assert_eq!(errors(&items).iter().map(|e| e.offset).collect::<Vec<_>>(), [records[0].len() as u64]);
        let (gz, starts) = gzip_file(&records[..2]);
        let at = usize::try_from(starts[1]).unwrap();
        let gz = [&gz[..at], garbage, &gz[at..]].concat();
        let items = read(&gz, Compression::Gzip, LIMIT);
        assert_eq!(kinds(&items), ["warcinfo", "request"]);
        assert_eq!(errors(&items).iter().map(|e| e.offset).collect::<Vec<_>>(), [starts[1]]);
        assert_eq!(ok(&items)[1].offset, starts[1] + garbage.len() as u64);
    }

    #[test]
    fn a_bad_header_costs_only_its_record() {
        let records = sample();
        let no_length = b"WARC/1.0\r\nWARC-Type: resource\r\n\r\nabc\r\n\r\n";
        let bad_length = b"WARC/1.0\r\nContent-Length: lots\r\n\r\nabc\r\n\r\n";
        let cut_header = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Le";
        for (bad, message) in [
            (&no_length[..], "record has no Content-Length"),
            (&bad_length[..], "invalid Content-Length \"lots\""),
            (&cut_header[..], "truncated record: the next record starts inside its header"),
        ] {
            let file = [&records[0][..], bad, &records[1][..]].concat();
            let items = read(&file, Compression::None, LIMIT);
            assert_eq!(kinds(&items), ["warcinfo", "request"], "{message}");
            let errs = errors(&items);
            assert_eq!(errs.len(), 1, "{errs:?}");
            assert_eq!((errs[0].offset, errs[0].message.as_str()), (records[0].len() as u64, message));
        }
    }

    #[test]
    fn a_truncated_last_record_is_one_error() {
        let records = sample();
        let plain = records.concat();
        let cut = plain.len() - 20;
        let items = read(&plain[..cut], Compression::None, LIMIT);
        assert_eq!(kinds(&items), KINDS[..5]);
        let errs = errors(&items);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].offset, (plain.len() - records[5].len()) as u64);
        // 32 bytes of block, the last 16 and the separator cut off.
        assert!(
            errs[0].message.starts_with("truncated record: Content-Length says 32 bytes, 16 remain"),
            "{}",
            errs[0]
        );
        let (gz, starts) = gzip_file(&records);
        let items = read(&gz[..gz.len() - 5], Compression::Gzip, LIMIT);
        assert_eq!(kinds(&items), KINDS[..5]);
        let errs = errors(&items);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].offset, starts[5]);
        assert_eq!(errs[0].message, "truncated gzip member: the file ends inside it");
    }

    #[test]
    fn a_record_larger_than_the_limit_is_skipped() {
        let big = response("http://x/big", "200 OK", "", &vec![b'a'; 3000]);
        let records = [sample()[0].clone(), big, sample()[1].clone()];
        let check = |items: Vec<Item>, offset: u64| {
            assert_eq!(kinds(&items), ["warcinfo", "request"]);
            let errs = errors(&items);
            assert_eq!(errs.len(), 1);
            assert_eq!(errs[0].offset, offset);
            assert_eq!(errs[0].message, "record too large (2.9 KiB, limit 1000 bytes); skipped");
        };
        check(read(&records.concat(), Compression::None, 1000), records[0].len() as u64);
        let (gz, starts) = gzip_file(&records);
        check(read(&gz, Compression::Gzip, 1000), starts[1]);
        assert_eq!(human(40 << 20), "40.0 MiB");
    }

    #[test]
    fn ends_on_pathological_input() {
        let long_line = [&b"WARC/1.0 "[..], &vec![b'x'; 600 << 10]].concat();
        let items = read(&long_line, Compression::None, LIMIT);
        assert_eq!(items.len(), 1);
        let many = b"WARC/1.\n".repeat(1000);
        assert_eq!(read(&many, Compression::None, LIMIT).len(), 1000);
        // Each line is cut short by a record start: put back, not copied.
        let cut = b"xWARC/1.\n".repeat(20_000);
        assert_eq!(read(&cut, Compression::None, LIMIT).len(), 20_001);
        // Each place looks like a gzip header whose name runs to the end.
        let headers = [0x1f, 0x8b, 0x08, 0x1f].repeat(5000);
        assert_eq!(read(&headers, Compression::Gzip, LIMIT).len(), 1);
        assert!(read(b"", Compression::Gzip, LIMIT).is_empty());
        assert!(read(b"\r\n\r\n", Compression::None, LIMIT).is_empty());
    }
}
