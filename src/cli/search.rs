//! `newsarchive search`: articles and quotations by their words.

use super::Global;
use crate::ingest;
use crate::report::term::{Paint, Styled, terminal};
use crate::report::{self, Cell, Format};
use crate::search::{query, snippet};
use crate::store::{Archive, Filter, Hit};
use anyhow::{Result, bail};
use std::io::Write;
use std::process::ExitCode;

/// Find articles and quotations by their words, best match first.
///
/// QUERY is full-text search syntax (SQLite FTS5): words (all must
/// occur), "a phrase", OR, NOT, NEAR(a b, 5), prefix*, title:word or
/// body:word for articles; AND binds words explicitly, parentheses group.
/// Case and accents do not matter; words in Chinese, Japanese, Korean or
/// Thai are found inside longer runs of text. Hits are ranked by bm25
/// (titles weigh more than bodies) and shown with the text around the
/// first match, the match highlighted on a terminal. Quotations list their
/// speaker and the quotation they belong to (`newsarchive show quote ID`).
///
/// Examples:
///   newsarchive search tariffs
///   newsarchive search '"golden age"' --quotes-only
///   newsarchive search 'japan NOT korea' --outlet "Fox News" --since 2025-02-01
///   newsarchive search investment --speaker "Donald Trump" --format csv
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// What to look for (words, "phrases", AND/OR/NOT, NEAR, prefix*).
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    query: Vec<String>,

    /// Only articles of this outlet.
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,

    /// Only quotations of this speaker (name or alias), and articles that
    /// quote them.
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,

    /// Only articles in this language (ISO 639-1 code, "ja").
    #[arg(long, value_name = "CODE")]
    language: Option<String>,

    /// Only quotations, not articles.
    #[arg(long, conflicts_with = "articles_only")]
    quotes_only: bool,

    /// Only articles, not quotations.
    #[arg(long)]
    articles_only: bool,

    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    since: Option<String>,

    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    until: Option<String>,

    /// Also quotations in page furniture (captions, promotions) and mentions.
    #[arg(long)]
    all: bool,

    /// How many hits to show.
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    limit: u32,
}

fn parse_date(s: &str) -> Result<String, String> {
    ingest::dates::parse_iso(s).ok_or_else(|| format!("'{s}' is not a date (YYYY-MM-DD)"))
}

/// Characters of text shown around a match.
const SNIPPET_CHARS: usize = 160;

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let archive = Archive::open_read_only(&global.db)?;
    let shown = args.query.join(" ");
    if shown.trim().is_empty() {
        bail!("the search query is empty: give words to look for");
    }
    if let Some(outlet) = args.outlet.as_deref()
        && !archive.has_outlet(outlet)?
    {
        bail!("no outlet named '{outlet}' (see `newsarchive report outlets`)");
    }
    let language = args.language.as_deref().map(str::to_lowercase);
    if let Some(code) = language.as_deref()
        && !archive.languages()?.iter().any(|k| k == code)
    {
        bail!("no article in language '{code}' (see `newsarchive report outlets`)");
    }
    let q = query::parse(&shown);
    let filter = Filter {
        outlet: args.outlet,
        speaker: args.speaker,
        language,
        since: args.since,
        until: args.until,
        quotes_only: args.quotes_only,
        articles_only: args.articles_only,
        all: args.all,
        limit: args.limit,
    };
    let hits = archive.search(&q.fts, &shown, &filter)?;
    if global.format == Format::Table {
        print_hits(&hits, &q, args.limit, global)?;
    } else {
        let mut sink = report::sink(global.format, global.out()?, global.csv())?;
        sink.header(
            &[
                "kind",
                "id",
                "article",
                "outlet",
                "published",
                "title",
                "speaker",
                "quotation",
                "language",
                "score",
                "snippet",
                "url",
            ]
            .map(String::from),
        )?;
        for h in &hits {
            let snip = snippet::around(&h.text, &query::matches(&h.text, &q.terms), SNIPPET_CHARS);
            let text = |v: &Option<String>| v.clone().map_or(Cell::Null, Cell::Text);
            sink.row(&[
                Cell::Text(if h.quote.is_some() { "quote" } else { "article" }.into()),
                Cell::Int(h.quote.as_ref().map_or(h.article, |q| q.id)),
                Cell::Int(h.article),
                Cell::Text(h.outlet.clone()),
                text(&h.published),
                text(&h.title),
                h.quote.as_ref().map_or(Cell::Null, |q| text(&q.speaker)),
                h.quote.as_ref().and_then(|q| q.quotation).map_or(Cell::Null, Cell::Int),
                text(&h.language),
                Cell::Real((h.score * 1000.0).round() / 1000.0),
                Cell::Text(snip.text),
                text(&h.url),
            ])?;
        }
        sink.finish()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Hits for reading: a line naming each hit, then its snippet, indented.
fn print_hits(hits: &[Hit], q: &query::Query, limit: u32, global: &Global) -> Result<()> {
    let term = terminal();
    let mut out = global.out()?;
    for h in hits {
        let date = h.published.as_deref().map_or("", |d| d.get(..10).unwrap_or(d));
        let mut head = Styled::new();
        match &h.quote {
            Some(quote) => {
                head.push(&format!("quote {}", quote.id), Paint::Heading);
                head.push(&format!("  {}  {date}", h.outlet), Paint::Plain);
                head.push(&format!("  {}", quote.speaker.as_deref().unwrap_or("unknown speaker")), Paint::Plain);
                let mut note = format!("  article {}", h.article);
                if let Some(c) = quote.quotation {
                    note.push_str(&format!(", quotation {c}"));
                    if let Some(n) = quote.outlets.filter(|n| *n > 1) {
                        note.push_str(&format!(" (in {n} outlets)"));
                    }
                }
                head.push(&note, Paint::Dim);
            }
            None => {
                head.push(&format!("article {}", h.article), Paint::Heading);
                head.push(&format!("  {}  {date}  ", h.outlet), Paint::Plain);
                let title = h.title.as_deref().unwrap_or("(no title)");
                // The heading is one line: a long title ends in "…".
                let used = format!("article {}  {}  {date}  ", h.article, h.outlet).chars().count();
                let room = term.width.map_or(usize::MAX, |w| w.saturating_sub(used).max(10));
                head.push(&term.fit(title, room), Paint::Plain);
            }
        }
        for line in head.lines(&term, "") {
            writeln!(out, "{line}")?;
        }
        let snip = snippet::around(&h.text, &query::matches(&h.text, &q.terms), SNIPPET_CHARS);
        let mut body = Styled::new();
        let mut at = 0;
        for m in &snip.marks {
            body.push(&snip.text[at..m.start], Paint::Plain).push(&snip.text[m.clone()], Paint::Match);
            at = m.end;
        }
        body.push(&snip.text[at..], Paint::Plain);
        for line in body.lines(&term, "    ") {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
    }
    match hits.len() {
        0 => writeln!(out, "(nothing found)")?,
        n if n == limit as usize => writeln!(out, "{n} best hits shown; --limit N shows more")?,
        n => writeln!(out, "{n} {}", if n == 1 { "hit" } else { "hits" })?,
    }
    out.flush()?;
    Ok(())
}
