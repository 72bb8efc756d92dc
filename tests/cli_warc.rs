//! Web archives through the binary: a `.warc.gz` built here, one gzip
//! member per record as crawlers write them — warcinfo, a request, HTML
//! pages (one chunked and gzip-encoded, as wget stores it), an image, a
//! 404 and a corrupt member in the middle — and a plain `.warc` named
//! otherwise, found by its content.

mod common;
use common::Workdir;
use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;

fn page(site: &str, headline: &str, quote: &str, speaker: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{headline} | {site}</title>\
         <meta property=\"og:site_name\" content=\"{site}\"></head><body>\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></nav>\
         <article><h1>{headline}</h1>\
         <p>The harbour authority approved the new ferry timetable on Monday after a long public consultation.</p>\
         <p>\"{quote},\" said {speaker}, who chairs the authority's board.</p>\
         <p>The timetable takes effect in May and adds two evening crossings on weekdays and one on Sundays.</p>\
         </article><footer><p>Copyright 2025 {site}. All rights reserved.</p></footer></body></html>"
    )
}

fn record(kind: &str, uri: &str, block: &[u8], content_type: &str) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-04T10:20:30Z\r\n\
         WARC-Record-ID: <urn:uuid:0>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(uri: &str, head: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 {head}\r\n\r\n").into_bytes();
    http.extend_from_slice(body);
    record("response", uri, &http, "application/http; msgtype=response")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// Chunked transfer encoding of `body`, in chunks of 100 bytes.
fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for c in body.chunks(100) {
        out.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
        out.extend_from_slice(c);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

const QUOTE: &str = "We listened to every islander who wrote to us and the evening crossings are the result";

#[test]
fn a_web_archive_imports_its_pages_and_counts_the_rest() {
    let w = Workdir::new();
    let first = page("Harbour Gazette", "Ferry timetable approved", QUOTE, "Marta Lindqvist");
    let second = page("Harbour Gazette Online", "Evening ferries from May", QUOTE, "Marta Lindqvist");
    let records = [
        record("warcinfo", "", b"software: test\r\nformat: WARC File Format 1.0\r\n", "application/warc-fields"),
        record(
            "request",
            "https://www.harbourgazette.example.com/ferry",
            b"GET /ferry HTTP/1.1\r\nHost: www.harbourgazette.example.com\r\n\r\n",
            "application/http; msgtype=request",
        ),
        response(
            "https://www.harbourgazette.example.com/ferry",
            "200 OK\r\nContent-Type: text/html; charset=utf-8",
            first.as_bytes(),
        ),
        response("https://www.harbourgazette.example.com/logo.png", "200 OK\r\nContent-Type: image/png", b"\x89PNG"),
        response(
            "https://www.harbourgazette.example.com/gone",
            "404 Not Found\r\nContent-Type: text/html",
            b"<html><body><p>Not here.</p></body></html>",
        ),
        response(
            "https://news.harbourgazette.example.com/evening",
            "200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip",
            &chunked(&gzip(second.as_bytes())),
        ),
    ];
    let mut file = Vec::new();
    let mut corrupt_at = 0;
    for (i, r) in records.iter().enumerate() {
        let mut member = gzip(r);
        if i == 4 {
            // The 404's member is damaged inside its compressed data.
            corrupt_at = file.len();
            let mid = member.len() / 2;
            member[mid..mid + 8].copy_from_slice(b"\xff\xff\xff\xffDAMG");
        }
        file.extend_from_slice(&member);
    }
    w.write("crawl/news.warc.gz", &file);

    let out = w.cmd().args(["import", "crawl"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "the corrupt record is an error:\n{stderr}");
    assert!(stderr.contains(&format!("news.warc.gz@{corrupt_at}")), "the error names its byte offset:\n{stderr}");
    assert!(
        stderr.contains("skipped 3 web-archive records that are no news page: 1 metadata, 1 not HTML, 1 request"),
        "{stderr}"
    );
    // The pages before and after the corrupt record are articles, with the
    // record's address and fetch time, in one outlet for the site.
    let rows = w.column(
        "SELECT a.url || ' ' || a.fetched_at || ' ' || o.name || ' ' || o.domain FROM articles a
           JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id",
    );
    assert_eq!(
        rows,
        [
            "https://www.harbourgazette.example.com/ferry 2025-03-04T10:20:30Z Harbour Gazette example.com",
            "https://news.harbourgazette.example.com/evening 2025-03-04T10:20:30Z Harbour Gazette example.com",
        ],
    );
    let bodies = w.column("SELECT body FROM articles ORDER BY id");
    assert!(bodies.iter().all(|b| b.contains(QUOTE) && !b.contains("All rights reserved") && !b.contains("World")));
    let speakers = w.column("SELECT DISTINCT s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id");
    assert_eq!(speakers, ["Marta Lindqvist"]);
    let paths = w.column("SELECT source_path FROM articles ORDER BY id");
    assert!(paths.iter().all(|p| p.contains("news.warc.gz@")), "{paths:?}");
    assert_eq!(w.count("SELECT count(*) FROM import_errors WHERE path LIKE '%news.warc.gz@%'"), 1);

    // Stored sources are the pages as served, read again the same way.
    let out = w.cmd().args(["reextract"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 articles read, 0 changed"), "{out:?}");
    w.stdout(&["check"]);
}

#[test]
fn a_plain_web_archive_is_found_by_its_content() {
    let w = Workdir::new();
    let html = page("Island Post", "Ferry timetable approved", QUOTE, "Marta Lindqvist");
    let mut file =
        response("https://islandpost.example.org/ferry", "200 OK\r\nContent-Type: text/html", html.as_bytes());
    // A truncated last record: reported, the first still imports.
    let last = response("https://islandpost.example.org/more", "200 OK\r\nContent-Type: text/html", html.as_bytes());
    file.extend_from_slice(&last[..last.len() / 2]);
    w.write("dump.bin", &file);
    let out = w.cmd().args(["import", "dump.bin"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("dump.bin@"), "{stderr}");
    assert_eq!(w.column("SELECT o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id"), ["Island Post"]);
}
