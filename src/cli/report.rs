//! `newsarchive report`: the canned reports, each a `report_*` view.

use super::Global;
use crate::link;
use crate::report::html::{self, Limits};
use crate::report::{self, Cell, Collect, Format};
use crate::store::{Archive, BLINDSPOTS_OF_OUTLET, quote_ident};
use anyhow::{Context, Result, bail};
use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

/// Print a canned report (without NAME: list them).
///
/// Each report NAME is the SQL view report_NAME (dashes become
/// underscores), so the CLI and sqlite3 always agree:
///   sqlite3 newsarchive.db 'SELECT * FROM report_quote_overlap'
///
/// Reports:
///   quote-overlap       per outlet: articles, distinct quotations, how many at
///                       least one other outlet carried (shared), how many only
///                       it did, the shared share in percent, and how many of
///                       the shared it printed only in another wording than the
///                       most widely carried one (reworded)
///                       (a quotation another outlet carried in translation
///                       counts as shared: in_translation_only says how many;
///                       --same-language counts only the same language)
///   outlet-pairs        per pair of outlets: quotations both carried, in the
///                       same language or in translation
///   quotes              (view report_quote_spread) each quotation: speaker,
///                       canonical wording, outlets, articles, wordings,
///                       fragments, first appearance, language, and its
///                       translations: how many, their outlets and languages
///   translations        each pair of quotations linked as translations of
///                       each other (--language: with one side in it)
///   quote-variants      every quotation printed in more than one wording, with
///                       the word edits that turn each into the canonical one
///   article-similarity  pairs of articles sharing text: share of each one's
///                       sentences found in the other, likely source
///   speakers            per speaker: kind (person, role, organisation,
///                       anonymous), quotes, articles, outlets, aliases
///   outlets             per outlet: articles, words, quotes, speakers, dates
///   claims              each fact stated (a claim cluster): canonical sentence,
///                       normalised facts, speaker when reported, outlets,
///                       articles, check-worthiness, first appearance
///   claim-coverage      per outlet: claims, facts, distinct facts stated, how
///                       many another outlet stated too (shared), how many only
///                       it stated (the others' blindspots), conflicts
///   claim-outlet-pairs  per pair of outlets: facts both stated
///   claim-conflicts     the same subject in the same story with incompatible
///                       figures, side by side: both outlets, figures, wordings,
///                       and the size of the difference (roundings are not
///                       conflicts: SELECT * FROM claim_differences shows them)
///   blindspots          what other outlets stated about the stories an outlet
///                       covered that it did not (--outlet: of one outlet)
///   fidelity            each quotation checked against the record of its
///                       event (a transcript imported with --primary): its
///                       class (verbatim, trimmed, altered, stitched,
///                       misattributed, translated, not_in_record), who said
///                       the words in the record, the record's words, the
///                       word edits from them to the quotation
///                       (--outlet, --speaker: of one)
///   fidelity-outlets    per outlet: quotations checked against a record and
///                       the share of each class
///   html                not a view: all of the above that matters as one
///                       self-contained web page (needs --output FILE): the
///                       outlet × outlet overlap heatmap (click a cell for
///                       the shared quotations), quote variants with the
///                       changed words marked, spread per speaker and over
///                       time, claim coverage and conflicts
/// A quotation is a cluster of quoted sentences: the same words, or nearly
/// the same, in any number of articles; a fragment ("a very big asset")
/// counts as the quotation it is part of. Quotes are body speech: mentions
/// ("Nissan"), headline and page-furniture quotes are archived, not counted.
/// A claim is a sentence of the body that states something checkable (a
/// figure, a date, a ranking, an event); a claim cluster is one fact stated
/// by any number of articles in their own words.
///
/// Examples:
///   newsarchive report quote-overlap --matrix
///   newsarchive report quotes --speaker "Donald Trump" --min-outlets 3
///   newsarchive report speakers --speaker-kind anonymous
///   newsarchive report quote-variants --outlet "Fox News"
///   newsarchive report claims --min-outlets 3
///   newsarchive report claim-coverage --matrix
///   newsarchive report blindspots --outlet "Fox News"
///   newsarchive report fidelity --speaker "Donald Trump"
///   newsarchive report html --output report.html
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The report; without it, the list of reports.
    #[arg(value_name = "NAME")]
    name: Option<String>,

    /// With quote-overlap and claim-coverage: the outlet × outlet table of
    /// shared quotations or facts (the diagonal is each outlet's own count).
    #[arg(long)]
    matrix: bool,

    /// With quotes, quote-variants, claims and fidelity: only this speaker
    /// (name or alias).
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,

    /// With quotes, quote-variants, claims and fidelity: only what this
    /// outlet carried; with blindspots: the outlet whose blindspots to show.
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,

    /// With quotes and claims: only what at least N outlets carried.
    #[arg(long, value_name = "N")]
    min_outlets: Option<u32>,

    /// With quotes, quote-variants and claims: only what articles in this
    /// language carried (an ISO 639-1 code, "fr"; `report outlets` lists
    /// each outlet's).
    #[arg(long, value_name = "CODE")]
    language: Option<String>,

    /// With quotes, quote-variants, claims and speakers: only speakers of
    /// this kind: person, role (a role nobody in the article is named for,
    /// "a ministry source"), organisation ("the White House") or anonymous
    /// ("officials").
    #[arg(long, value_name = "KIND", value_parser = ["person", "role", "organisation", "anonymous"])]
    speaker_kind: Option<String>,

    /// With quote-overlap and outlet-pairs: count only quotations carried in
    /// the same language, not those carried in translation.
    #[arg(long)]
    same_language: bool,
}

/// Reports known by a shorter name than their view.
const ALIASES: &[(&str, &str)] = &[("quotes", "quote_spread")];

/// The fidelity report of one speaker, one outlet, both or all. Only the
/// filters given are in the SQL, each as a condition SQLite reads through
/// an index (a `?1 IS NULL OR …` form would read every verdict).
fn fidelity_query<'a>(
    speaker: &'a Option<String>,
    outlet: &'a Option<String>,
) -> (String, Vec<&'a dyn rusqlite::ToSql>) {
    let mut sql = "SELECT * FROM report_fidelity WHERE true".to_owned();
    let mut params: Vec<&dyn rusqlite::ToSql> = Vec::new();
    if let Some(speaker) = speaker {
        params.push(speaker);
        sql += &format!(
            " AND quote_id IN (SELECT id FROM quotes WHERE speaker_id IN (
                                   SELECT id FROM speakers WHERE name = ?{n}
                                   UNION SELECT speaker_id FROM speaker_aliases WHERE alias = ?{n}))",
            n = params.len()
        );
    }
    if let Some(outlet) = outlet {
        params.push(outlet);
        sql += &format!(" AND outlet = ?{}", params.len());
    }
    sql += " ORDER BY transcript_id, published_at, article_id, quote_id";
    (sql, params)
}

/// The filters `--speaker`, `--outlet`, `--language` and `--speaker-kind`
/// as SQL over a view with the columns `speaker` and `cluster` (bound
/// parameters ?1, ?2, ?4 and ?5; ?3 is `--min-outlets`). A fragment's
/// articles count for the quotation it is part of.
const FILTERS: &str = "(?5 IS NULL OR speaker IN (SELECT name FROM speakers WHERE kind = ?5))
  AND (?1 IS NULL OR speaker = ?1
      OR speaker = (SELECT s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id WHERE a.alias = ?1))
  AND (?2 IS NULL OR cluster IN (SELECT oc.cluster_id FROM outlet_clusters oc JOIN outlets o ON o.id = oc.outlet_id
                                 WHERE o.name = ?2))
  AND (?4 IS NULL OR cluster IN (SELECT coalesce(c.fragment_of, c.id) FROM articles a
                                 JOIN quote_units u ON u.article_id = a.id
                                 JOIN quote_wordings w ON w.id = u.wording_id
                                 JOIN quote_clusters c ON c.id = w.cluster_id
                                 WHERE a.language = ?4))";

/// The same filters over a view of claim clusters.
const CLAIM_FILTERS: &str = "(?5 IS NULL OR speaker IN (SELECT name FROM speakers WHERE kind = ?5))
  AND (?1 IS NULL OR speaker = ?1
      OR speaker = (SELECT s.name FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id WHERE a.alias = ?1))
  AND (?2 IS NULL OR cluster IN (SELECT oc.cluster_id FROM outlet_claim_clusters oc
                                 JOIN outlets o ON o.id = oc.outlet_id WHERE o.name = ?2))
  AND (?4 IS NULL OR cluster IN (SELECT c.cluster_id FROM articles a JOIN claims c ON c.article_id = a.id
                                 WHERE a.language = ?4))";

/// The one report that is not a view.
const HTML: &str = "html";

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let html = args.name.as_deref() == Some(HTML);
    if html {
        // Checked before the archive is opened (and linked): a usage error
        // should cost nothing.
        if global.output.is_none() {
            eprintln!(
                "newsarchive: error: `report html` writes a web page, not text: give the file, \
                 as in `newsarchive report html --output report.html`"
            );
            return Ok(ExitCode::from(2));
        }
        if args.matrix
            || args.speaker.is_some()
            || args.outlet.is_some()
            || args.min_outlets.is_some()
            || args.language.is_some()
            || args.speaker_kind.is_some()
            || args.same_language
        {
            bail!("`report html` shows the whole archive: it takes no --matrix, filter or --same-language");
        }
    }
    let mut archive = Archive::open_existing(&global.db)?;
    // Reports are always current: what an interrupted import (or an
    // upgrade of the archive) left unlinked is linked first.
    // Reading never waits for a writer: during an import the report shows
    // what is linked so far.
    if archive.link_pending()? && link::link_if_free(&mut archive)?.is_none() {
        global.note(
            "another process is writing to the archive: this report shows what was linked before it \
             (the rest is linked when that process ends)",
        );
    }
    if let (true, Some(output)) = (html, &global.output) {
        return write_html(&archive, global, output);
    }
    let names = archive.report_names()?;
    let Some(name) = args.name else {
        let mut sink = report::sink(global.format, global.out()?, global.csv())?;
        sink.header(&["report".into(), "view".into()])?;
        for n in &names {
            let shown = ALIASES.iter().find(|(_, v)| v == n).map_or(n.as_str(), |(a, _)| a);
            sink.row(&[Cell::Text(shown.replace('_', "-")), Cell::Text(format!("report_{n}"))])?;
        }
        sink.finish()?;
        // Not a row: the list pairs each report with its view, for scripts
        // (and `report html` has none).
        global.note("and `report html --output FILE`: the reports as one web page");
        return Ok(ExitCode::SUCCESS);
    };
    let wanted = name.replace('-', "_");
    let view = ALIASES.iter().find(|(a, _)| *a == wanted).map_or(wanted, |(_, v)| (*v).to_owned());
    if !names.contains(&view) {
        let list: Vec<String> = names
            .iter()
            .map(|n| ALIASES.iter().find(|(_, v)| v == n).map_or(n.as_str(), |(a, _)| a).replace('_', "-"))
            .chain([HTML.to_owned()])
            .collect();
        bail!("no report named '{name}'; reports: {}", list.join(", "));
    }
    if args.speaker_kind.is_some()
        && !matches!(view.as_str(), "quote_spread" | "quote_variants" | "claims" | "speakers")
    {
        bail!("--speaker-kind goes with the quotes, quote-variants, claims and speakers reports");
    }
    if args.matrix && !matches!(view.as_str(), "quote_overlap" | "claim_coverage") {
        bail!("--matrix goes with the quote-overlap and claim-coverage reports");
    }
    if args.speaker.is_some() && !matches!(view.as_str(), "quote_spread" | "quote_variants" | "claims" | "fidelity") {
        bail!("--speaker goes with the quotes, quote-variants, claims and fidelity reports");
    }
    if args.outlet.is_some()
        && !matches!(view.as_str(), "quote_spread" | "quote_variants" | "claims" | "blindspots" | "fidelity")
    {
        bail!("--outlet goes with the quotes, quote-variants, claims, blindspots and fidelity reports");
    }
    if args.min_outlets.is_some() && !matches!(view.as_str(), "quote_spread" | "claims") {
        bail!("--min-outlets goes with the quotes and claims reports");
    }
    if let Some(outlet) = args.outlet.as_deref()
        && !archive.has_outlet(outlet)?
    {
        bail!("no outlet named '{outlet}' (see `newsarchive report outlets`)");
    }
    if args.same_language && !matches!(view.as_str(), "quote_overlap" | "outlet_pairs") {
        bail!("--same-language goes with the quote-overlap and outlet-pairs reports");
    }
    let view = if args.same_language { format!("{view}_same_language") } else { view };
    if args.matrix && view.starts_with("quote_overlap") {
        let pairs = if args.same_language { "report_outlet_pairs_same_language" } else { "report_outlet_pairs" };
        return matrix(
            &archive,
            global,
            &format!("SELECT outlet, quotes FROM {}", quote_ident(&format!("report_{view}"))),
            pairs,
        );
    }
    if args.matrix {
        return matrix(
            &archive,
            global,
            "SELECT outlet, stated FROM report_claim_coverage",
            "report_claim_outlet_pairs",
        );
    }
    if args.language.is_some()
        && !matches!(view.as_str(), "quote_spread" | "quote_variants" | "claims" | "translations")
    {
        bail!("--language goes with the quotes, quote-variants, claims and translations reports");
    }
    // Codes are stored in lower case ("fr", "pt-br").
    let language = args.language.as_deref().map(str::to_lowercase);
    if let Some(code) = language.as_deref() {
        let known = archive.languages()?;
        if !known.iter().any(|k| k == code) {
            let known = if known.is_empty() { "none".to_owned() } else { known.join(", ") };
            bail!("no article in language '{code}'; the archive's languages: {known}");
        }
    }
    let (sql, params): (String, Vec<&dyn rusqlite::ToSql>) = match view.as_str() {
        "quote_spread" => (
            format!(
                "SELECT * FROM report_quote_spread WHERE {FILTERS} AND (?3 IS NULL OR outlets >= ?3)
                 ORDER BY outlets DESC, articles DESC, cluster"
            ),
            vec![&args.speaker, &args.outlet, &args.min_outlets, &language, &args.speaker_kind],
        ),
        "quote_variants" => (
            format!("SELECT * FROM report_quote_variants WHERE {FILTERS}"),
            vec![&args.speaker, &args.outlet, &args.min_outlets, &language, &args.speaker_kind],
        ),
        "claims" => (
            format!(
                "SELECT * FROM report_claims WHERE {CLAIM_FILTERS} AND (?3 IS NULL OR outlets >= ?3)
                 ORDER BY outlets DESC, articles DESC, score DESC, cluster"
            ),
            vec![&args.speaker, &args.outlet, &args.min_outlets, &language, &args.speaker_kind],
        ),
        "speakers" => (
            "SELECT * FROM report_speakers WHERE ?1 IS NULL OR kind = ?1 ORDER BY quotes DESC, outlets DESC, speaker"
                .to_owned(),
            vec![&args.speaker_kind],
        ),
        "translations" => (
            "SELECT * FROM report_translations WHERE ?1 IS NULL OR language_a = ?1 OR language_b = ?1".to_owned(),
            vec![&language],
        ),
        "blindspots" if args.outlet.is_some() => (BLINDSPOTS_OF_OUTLET.to_owned(), vec![&args.outlet]),
        "fidelity" => fidelity_query(&args.speaker, &args.outlet),
        _ => (format!("SELECT * FROM {}", quote_ident(&format!("report_{view}"))), Vec::new()),
    };
    let params = &params[..];
    if view == "quote_variants" && global.format == Format::Table {
        let mut rows = Collect::default();
        archive.query_into(&sql, params, &mut rows)?;
        variants_text(&rows, &mut global.out()?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut sink = report::sink(global.format, global.out()?, global.csv())?;
    archive.query_into(&sql, params, sink.as_mut())?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the HTML report to `output`: under a temporary name beside it,
/// then renamed, so that the file is either the whole page or untouched.
fn write_html(archive: &Archive, global: &Global, output: &Path) -> Result<ExitCode> {
    let limits = Limits::default();
    let title = global.db.file_name().map_or_else(|| global.db.display().to_string(), |n| n.to_string_lossy().into());
    let generated = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string();
    let page = html::render(&archive.html_report(&limits, &title, &generated)?, &limits);
    let name = output.file_name().with_context(|| format!("{}: not a file name", output.display()))?;
    let temp = output.with_file_name(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let written = std::fs::write(&temp, page.as_bytes()).and_then(|()| std::fs::rename(&temp, output));
    if let Err(e) = written {
        // Nothing half-written is left behind; the error is what matters.
        let _ = std::fs::remove_file(&temp);
        return Err(e).with_context(|| format!("cannot write {}", output.display()));
    }
    global.note(format!("wrote {} ({} KB)", output.display(), page.len().div_ceil(1024)));
    Ok(ExitCode::SUCCESS)
}

/// The variants report for reading: one block per quotation, the canonical
/// wording first, each other wording with its outlets and the edits that
/// make it the canonical one.
fn variants_text(rows: &Collect, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let col = |name: &str| rows.columns.iter().position(|c| c == name).expect("report_quote_variants columns");
    let (cluster, speaker, canonical_text, wording, canonical, diff, outlets, articles) = (
        col("cluster"),
        col("speaker"),
        col("canonical_text"),
        col("wording"),
        col("canonical"),
        col("diff"),
        col("outlets"),
        col("articles"),
    );
    let mut current = None;
    for r in &rows.rows {
        let id = r[cluster].to_text();
        if current.as_ref() != Some(&id) {
            if current.is_some() {
                writeln!(out)?;
            }
            let who = r[speaker].to_text();
            let who = if who.is_empty() { "unknown speaker".to_owned() } else { who };
            writeln!(out, "{who}: “{}” (quotation {id})", r[canonical_text].to_text())?;
            current = Some(id);
        }
        let n = r[articles].to_text();
        let plural = if n == "1" { "article" } else { "articles" };
        if r[canonical].to_text() == "1" {
            writeln!(out, "  as printed by {} ({n} {plural})", r[outlets].to_text())?;
        } else {
            writeln!(out, "  “{}”", r[wording].to_text())?;
            writeln!(
                out,
                "      printed by {} ({n} {plural}); to the canonical: {}",
                r[outlets].to_text(),
                r[diff].to_text()
            )?;
        }
    }
    if rows.rows.is_empty() {
        writeln!(out, "(no quotation was printed in more than one wording)")?;
    }
    out.flush()
}

/// Pivots a pairs view (`outlet_a`, `outlet_b`, `shared`) into an outlet ×
/// outlet table; `outlets` gives the outlets in order with their own count
/// (the diagonal).
fn matrix(archive: &Archive, global: &Global, outlets: &str, pairs_view: &str) -> Result<ExitCode> {
    let mut counts = Collect::default();
    archive.query_into(outlets, &[], &mut counts)?;
    let outlets = counts;
    let mut pairs = Collect::default();
    archive.query_into(
        &format!("SELECT outlet_a, outlet_b, shared FROM {}", quote_ident(pairs_view)),
        &[],
        &mut pairs,
    )?;

    let names: Vec<String> = outlets.rows.iter().map(|r| r[0].to_text()).collect();
    let mut shared: HashMap<(String, String), Cell> = HashMap::new();
    for r in &pairs.rows {
        let (a, b) = (r[0].to_text(), r[1].to_text());
        shared.insert((a.clone(), b.clone()), r[2].clone());
        shared.insert((b, a), r[2].clone());
    }
    // In a terminal, long outlet names as column headers would make the
    // table unreadable: columns are numbered, rows carry the number.
    let table = global.format == Format::Table;
    let mut out = Collect::default();
    out.columns.push("outlet".into());
    for (i, n) in names.iter().enumerate() {
        out.columns.push(if table { (i + 1).to_string() } else { n.clone() });
    }
    for (i, a) in names.iter().enumerate() {
        let mut row = vec![Cell::Text(if table { format!("{} {a}", i + 1) } else { a.clone() })];
        for (j, b) in names.iter().enumerate() {
            row.push(if i == j {
                outlets.rows[i][1].clone()
            } else {
                shared.get(&(a.clone(), b.clone())).cloned().unwrap_or(Cell::Int(0))
            });
        }
        out.rows.push(row);
    }
    let mut sink = report::sink(global.format, global.out()?, global.csv())?;
    out.replay(sink.as_mut())?;
    Ok(ExitCode::SUCCESS)
}
