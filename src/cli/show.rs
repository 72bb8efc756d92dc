//! `newsarchive show`: one article, quotation or speaker, for reading.

use super::Global;
use crate::link::quotes::{DiffOp, printed_word_ops};
use crate::report::Format;
use crate::report::term::{Paint, Styled, Terminal, terminal};
use crate::store::{Archive, ArticleView, MarkedQuote, QuotationView, SpeakerView};
use anyhow::{Result, bail};
use std::io::Write;
use std::process::ExitCode;

/// Show one article, quotation or speaker with what the archive knows of it.
///
/// article ID|URL|HASH  the article's details, then its text with every
///                      quotation marked, numbered, and listed under its
///                      paragraph with its speaker and how many other
///                      outlets carried it (page furniture only with --all)
/// quote ID             a quotation (the ID of `report quotes` and of
///                      `search`): its wordings, each diffed against the
///                      canonical one ([-left out-] {+added+}, or colour on
///                      a terminal), the articles it appears in, its
///                      fragments and translations
/// speaker NAME         a speaker (name or alias): aliases, counts, the
///                      outlets that quoted them, their most widely carried
///                      quotations with each outlet's wording diffed
///
/// --format json gives the same as one JSON object.
///
/// Examples:
///   newsarchive show article 1
///   newsarchive show quote 1
///   newsarchive show speaker "Donald Trump"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// An article, by id, URL or content hash (six or more hex digits).
    ///
    /// Example: newsarchive show article 1 --all
    Article {
        /// The article's id, URL or SHA-256 (a prefix will do).
        #[arg(value_name = "ID|URL|HASH")]
        key: String,
        /// Also the page furniture the importer set aside.
        #[arg(long)]
        all: bool,
    },
    /// A quotation, by the id reports and search give.
    ///
    /// Example: newsarchive show quote 1
    Quote {
        /// The quotation's id.
        #[arg(value_name = "ID")]
        id: i64,
    },
    /// A speaker, by name or alias.
    ///
    /// Example: newsarchive show speaker "Donald Trump"
    Speaker {
        /// The speaker's name or an alias.
        #[arg(value_name = "NAME")]
        name: String,
    },
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let archive = Archive::open_read_only(&global.db)?;
    let term = terminal();
    let mut out = global.out()?;
    let json = match global.format {
        Format::Table => false,
        Format::Json | Format::Ndjson => true,
        Format::Csv | Format::Parquet => {
            bail!(
                "show prints text or JSON (--format json); for CSV use `newsarchive report` or `sql`, for Parquet `export`"
            )
        }
    };
    let write_json = |out: &mut dyn Write, v: &dyn erased::Json| -> Result<()> {
        writeln!(out, "{}", v.to_json(global.format == Format::Json)?)?;
        Ok(())
    };
    match args.what {
        What::Article { key, all } => {
            let view = archive.article_view(&key)?;
            if json { write_json(&mut out, &view)? } else { article(&view, all, &term, &mut out)? }
        }
        What::Quote { id } => {
            let view = archive.quotation_view(id)?;
            if json { write_json(&mut out, &view)? } else { quotation(&view, &term, &mut out)? }
        }
        What::Speaker { name } => {
            let view = archive.speaker_view(&name)?;
            if json { write_json(&mut out, &view)? } else { speaker(&view, &term, &mut out)? }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The views as JSON, pretty or on one line.
mod erased {
    pub trait Json {
        fn to_json(&self, pretty: bool) -> serde_json::Result<String>;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self, pretty: bool) -> serde_json::Result<String> {
            if pretty { serde_json::to_string_pretty(self) } else { serde_json::to_string(self) }
        }
    }
}

fn write_lines(out: &mut dyn Write, s: &Styled, term: &Terminal, indent: &str) -> std::io::Result<()> {
    for line in s.lines(term, indent) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn plural(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn article(v: &ArticleView, all: bool, term: &Terminal, out: &mut dyn Write) -> std::io::Result<()> {
    let mut s = Styled::new();
    s.push(v.title.as_deref().unwrap_or("(no title)"), Paint::Heading);
    write_lines(out, &s, term, "")?;
    let mut facts = vec![v.outlet.clone()];
    facts.extend(v.published.clone());
    facts.extend(v.author.as_ref().map(|a| format!("by {a}")));
    facts.extend(v.dateline.clone());
    facts.extend(v.language.clone());
    facts.push(plural(v.words, "word", "words"));
    let mut s = Styled::new();
    s.push(&facts.join(" · "), Paint::Plain);
    write_lines(out, &s, term, "")?;
    let mut s = Styled::new();
    if let Some(url) = &v.url {
        s.push(url, Paint::Dim).push(" ", Paint::Plain);
    }
    let sha = v.sha256.get(..12).unwrap_or(&v.sha256);
    let media = v.media_type.as_deref().map(|m| format!(", {m}")).unwrap_or_default();
    s.push(&format!("article {} · sha256 {sha}… · from {}{media}", v.id, v.source_path), Paint::Dim);
    write_lines(out, &s, term, "")?;
    writeln!(out)?;

    let mut number = 0;
    let speech = |q: &&MarkedQuote| q.kind != "mention";
    let body: Vec<&MarkedQuote> = v.quotes.iter().filter(|q| q.region == "body").filter(speech).collect();
    region(&v.body, &body, &mut number, term, out)?;
    let furniture: Vec<&MarkedQuote> = v.quotes.iter().filter(|q| q.region == "boilerplate").filter(speech).collect();
    if all && !v.boilerplate.trim().is_empty() {
        let mut s = Styled::new();
        s.push("Set aside as page furniture (captions, promotions, related links):", Paint::Heading);
        write_lines(out, &s, term, "")?;
        writeln!(out)?;
        region(&v.boilerplate, &furniture, &mut number, term, out)?;
    } else if !v.boilerplate.trim().is_empty() {
        let mut s = Styled::new();
        s.push(
            &format!(
                "(page furniture set aside: {} words{}; --all shows it)",
                v.boilerplate.split_whitespace().count(),
                if furniture.is_empty() {
                    String::new()
                } else {
                    format!(", {}", plural(furniture.len() as i64, "quotation", "quotations"))
                }
            ),
            Paint::Dim,
        );
        write_lines(out, &s, term, "")?;
    }
    let mut s = Styled::new();
    s.push(
        &format!(
            "{} marked; `newsarchive show quote ID` shows where a quotation appears",
            plural(number, "quotation", "quotations")
        ),
        Paint::Dim,
    );
    write_lines(out, &s, term, "")
}

/// Marks that open and close a quotation, in the languages we read.
const OPENING: &str = "\"“‘«‹„‚「『《〈";
const CLOSING: &str = "\"”’»›“‘」』》〉";

/// A region's paragraphs with its quotations marked and listed.
fn region(
    text: &str,
    quotes: &[&MarkedQuote],
    number: &mut i64,
    term: &Terminal,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // Offsets are in characters: byte positions of each character.
    let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    let at = |c: usize| bytes[c.min(bytes.len() - 1)];
    let mut start = 0;
    for para in text.split("\n\n") {
        let end = start + para.len();
        let mut s = Styled::new();
        let mut notes = Vec::new();
        let mut cursor = start;
        for q in quotes.iter().filter(|q| (start..end).contains(&at(q.start))) {
            let (mut qs, mut qe) = (at(q.start), at(q.end).min(end));
            if qs < cursor {
                continue;
            }
            // The quotation marks around a span belong to the marked text.
            if let Some(c) = text[cursor..qs].chars().next_back().filter(|c| OPENING.contains(*c)) {
                qs -= c.len_utf8();
            }
            if let Some(c) = text[qe..end].chars().next().filter(|c| CLOSING.contains(*c)) {
                qe += c.len_utf8();
            }
            s.push(&text[cursor..qs], Paint::Plain).push(&text[qs..qe], Paint::Quote);
            *number += 1;
            s.push(&format!("[{number}]"), Paint::Dim);
            cursor = qe;
            notes.push((*number, *q));
        }
        s.push(&text[cursor..end], Paint::Plain);
        write_lines(out, &s, term, "")?;
        for (n, q) in notes {
            let mut s = Styled::new();
            s.push(&format!("[{n}] "), Paint::Dim);
            s.push(q.speaker.as_deref().unwrap_or("unknown speaker"), Paint::Heading);
            // How the article put it: "the president said".
            let how: Vec<&str> = [q.speaker_text.as_deref(), q.cue.as_deref()].into_iter().flatten().collect();
            if !how.is_empty() {
                s.push(&format!(" (“{}”)", how.join(" ")), Paint::Plain);
            }
            let mut spread = String::new();
            if q.quotations.is_empty() {
                spread.push_str(" · not linked yet");
            }
            for c in &q.quotations {
                let others = c.outlets - 1;
                spread.push_str(&format!(" · quotation {}, ", c.id));
                spread.push_str(&if others > 0 {
                    format!("also in {}", plural(others, "other outlet", "other outlets"))
                } else {
                    "in no other outlet".to_owned()
                });
                if c.translations > 0 {
                    spread.push_str(&format!(", {}", plural(c.translations, "translation", "translations")));
                }
            }
            if q.kind == "partial" {
                spread.push_str(" · partial");
            }
            s.push(&spread, Paint::Dim);
            write_lines(out, &s, term, "    ")?;
        }
        writeln!(out)?;
        start = end + 2;
    }
    Ok(())
}

/// `wording` diffed word by word against `canonical`: words it left out
/// and words it added, coloured on a terminal, else in [-…-] and {+…+}.
/// Words that differ only in case, punctuation or apostrophes are the same.
fn diffed(canonical: &str, wording: &str, term: &Terminal, s: &mut Styled) {
    let a: Vec<&str> = canonical.split_whitespace().collect();
    let b: Vec<&str> = wording.split_whitespace().collect();
    let mut first = true;
    let mut push = |s: &mut Styled, words: &[&str], paint: Paint| {
        if words.is_empty() {
            return;
        }
        if !first {
            s.push(" ", Paint::Plain);
        }
        first = false;
        let text = words.join(" ");
        match (paint, term.color) {
            (Paint::Deleted, false) => s.push(&format!("[-{text}-]"), paint),
            (Paint::Inserted, false) => s.push(&format!("{{+{text}+}}"), paint),
            _ => s.push(&text, paint),
        };
    };
    for op in printed_word_ops(&a, &b) {
        match op {
            // The variant's own words where they match, so that it reads as printed.
            DiffOp::Equal { new_index, len, .. } => push(s, &b[new_index..new_index + len], Paint::Plain),
            DiffOp::Delete { old_index, old_len, .. } => push(s, &a[old_index..old_index + old_len], Paint::Deleted),
            DiffOp::Insert { new_index, new_len, .. } => push(s, &b[new_index..new_index + new_len], Paint::Inserted),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                push(s, &a[old_index..old_index + old_len], Paint::Deleted);
                push(s, &b[new_index..new_index + new_len], Paint::Inserted);
            }
        }
    }
}

fn wordings(wordings: &[crate::store::WordingView], term: &Terminal, out: &mut dyn Write) -> std::io::Result<()> {
    let Some(canonical) = wordings.iter().find(|w| w.canonical) else { return Ok(()) };
    for w in wordings {
        let mut s = Styled::new();
        if w.canonical {
            s.push("canonical ", Paint::Dim).push(&format!("“{}”", w.text), Paint::Quote);
        } else {
            s.push("variant   ", Paint::Dim).push("“", Paint::Plain);
            diffed(&canonical.text, &w.text, term, &mut s);
            s.push("”", Paint::Plain);
        }
        s.push(
            &format!(" — {} ({})", w.outlets.as_deref().unwrap_or("?"), plural(w.articles, "article", "articles")),
            Paint::Dim,
        );
        write_lines(out, &s, term, "  ")?;
    }
    Ok(())
}

fn heading(text: &str, term: &Terminal, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", term.paint(Paint::Heading, text))
}

fn quotation(v: &QuotationView, term: &Terminal, out: &mut dyn Write) -> std::io::Result<()> {
    let mut s = Styled::new();
    s.push(&format!("Quotation {}", v.id), Paint::Heading);
    if let Some(lang) = &v.language {
        s.push(&format!(" ({lang})"), Paint::Plain);
    }
    s.push(&format!(" — {}", v.speaker.as_deref().unwrap_or("unknown speaker")), Paint::Heading);
    write_lines(out, &s, term, "")?;
    let mut s = Styled::new();
    s.push(&format!("“{}”", v.canonical), Paint::Quote);
    write_lines(out, &s, term, "")?;
    let mut facts =
        format!("in {}, {}", plural(v.outlets, "outlet", "outlets"), plural(v.articles, "article", "articles"));
    if let Some(first) = &v.first_published {
        facts.push_str(&format!("; first published {first}"));
        if let Some(o) = &v.first_outlet {
            facts.push_str(&format!(" by {o}"));
        }
    }
    if let Some(parent) = v.fragment_of {
        facts.push_str(&format!("; a fragment of quotation {parent}"));
    }
    let mut s = Styled::new();
    s.push(&facts, Paint::Dim);
    write_lines(out, &s, term, "")?;

    if v.wordings.len() > 1 {
        heading(&format!("Wordings ({}), each against the canonical one", v.wordings.len()), term, out)?;
        wordings(&v.wordings, term, out)?;
    }

    heading(&format!("Appears in {}", plural(v.appearances_total, "article", "articles")), term, out)?;
    for a in &v.appearances {
        let date = a.published.as_deref().map_or("", |d| d.get(..10).unwrap_or(d));
        let mut s = Styled::new();
        s.push(&format!("{date}  {}  ", a.outlet), Paint::Plain).push(&format!("article {}", a.article), Paint::Dim);
        let used = format!("{date}  {}  article {}  ", a.outlet, a.article).chars().count() + 2;
        let room = term.width.map_or(usize::MAX, |w| w.saturating_sub(used).max(10));
        s.push(&format!("  {}", term.fit(a.title.as_deref().unwrap_or(""), room)), Paint::Plain);
        write_lines(out, &s, term, "  ")?;
    }
    if v.appearances_total > v.appearances.len() as i64 {
        writeln!(out, "  … and {} more", v.appearances_total - v.appearances.len() as i64)?;
    }
    if !v.record.is_empty() {
        heading("Against the record", term, out)?;
        for c in &v.record {
            let mut s = Styled::new();
            s.push(&format!("{} ", c.class.replace('_', " ")), Paint::Heading)
                .push(&format!("{}  article {}", c.outlet, c.article), Paint::Dim);
            write_lines(out, &s, term, "  ")?;
            let mut s = Styled::new();
            s.push("printed ", Paint::Dim).push(&format!("“{}”", c.printed), Paint::Quote);
            write_lines(out, &s, term, "    ")?;
            if let Some(words) = &c.record_words {
                let mut s = Styled::new();
                s.push("record ", Paint::Dim).push(&format!("“{words}”"), Paint::Plain);
                if let Some(by) = &c.said_by {
                    s.push(&format!(" — {by}"), Paint::Dim);
                }
                write_lines(out, &s, term, "    ")?;
            }
            if let Some(diff) = &c.diff {
                let mut s = Styled::new();
                s.push(&format!("edits {diff}"), Paint::Dim);
                write_lines(out, &s, term, "    ")?;
            }
        }
    }
    if !v.fragments.is_empty() {
        heading(&format!("Fragments ({}), quoted on their own", v.fragments.len()), term, out)?;
        for (id, text, outlets) in &v.fragments {
            let mut s = Styled::new();
            s.push(&format!("quotation {id} "), Paint::Dim)
                .push(&format!("“{text}”"), Paint::Quote)
                .push(&format!(" in {}", plural(*outlets, "outlet", "outlets")), Paint::Dim);
            write_lines(out, &s, term, "  ")?;
        }
    }
    if !v.translations.is_empty() {
        heading(&format!("Translations ({})", v.translations.len()), term, out)?;
        for (id, lang, text, outlets) in &v.translations {
            let mut s = Styled::new();
            s.push(&format!("quotation {id} ({}) ", lang.as_deref().unwrap_or("?")), Paint::Dim)
                .push(&format!("“{text}”"), Paint::Quote)
                .push(&format!(" — {}", outlets.as_deref().unwrap_or("")), Paint::Dim);
            write_lines(out, &s, term, "  ")?;
        }
    }
    Ok(())
}

fn speaker(v: &SpeakerView, term: &Terminal, out: &mut dyn Write) -> std::io::Result<()> {
    let mut s = Styled::new();
    s.push(&v.name, Paint::Heading).push(&format!(" ({})", v.kind), Paint::Plain);
    write_lines(out, &s, term, "")?;
    if !v.aliases.is_empty() {
        let mut s = Styled::new();
        s.push(&format!("also named: {}", v.aliases.join("; ")), Paint::Dim);
        write_lines(out, &s, term, "")?;
    }
    let mut facts = format!(
        "{} in {} from {}",
        plural(v.quotes, "quote", "quotes"),
        plural(v.articles, "article", "articles"),
        plural(v.outlets, "outlet", "outlets")
    );
    if let (Some(a), Some(b)) = (&v.first_quoted, &v.last_quoted) {
        facts.push_str(&format!("; quoted {a} to {b}"));
    }
    let mut s = Styled::new();
    s.push(&facts, Paint::Plain);
    write_lines(out, &s, term, "")?;
    if !v.by_outlet.is_empty() {
        heading("Quoted by", term, out)?;
        let width = v.by_outlet.iter().map(|(o, _)| o.chars().count()).max().unwrap_or(0);
        let digits = v.by_outlet.iter().map(|(_, n)| n.to_string().len()).max().unwrap_or(1);
        for (o, n) in &v.by_outlet {
            writeln!(out, "  {o:<width$}  {n:>digits$}")?;
        }
    }
    heading(
        &format!("Quotations (the {} most widely carried of {})", v.quotations.len(), v.quotations_total),
        term,
        out,
    )?;
    for (id, text, outlets, ws) in &v.quotations {
        let mut s = Styled::new();
        s.push(&format!("quotation {id} · {}", plural(*outlets, "outlet", "outlets")), Paint::Dim);
        write_lines(out, &s, term, "  ")?;
        if ws.len() > 1 {
            wordings(ws, term, out)?;
        } else {
            let mut s = Styled::new();
            s.push(&format!("“{text}”"), Paint::Quote);
            write_lines(out, &s, term, "  ")?;
        }
    }
    Ok(())
}
