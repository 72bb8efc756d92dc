//! `newsarchive export`: every table and report as CSV or Parquet files,
//! or the archive described for Datasette.

use super::Global;
use crate::report::{self, CsvOptions, Format};
use crate::shard;
use crate::store::{Archive, BROWSE, describe, quote_ident};
use anyhow::{Context, Result};
use serde_json::{Map, Value, json};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write every table and report as CSV or Parquet files in a directory.
///
/// As CSV (the default), each is DIR/NAME.csv: a header row, RFC 4180 quoting, UTF-8 with a byte-order mark so that spreadsheet
/// programs read Korean or Japanese text correctly. Binary columns (the
/// compressed source files) are left out. Each file is written to a
/// temporary name and renamed, so no half-written file is left behind.
/// Text a spreadsheet would run as a formula (starting with =, +, -, @)
/// gets a leading ' so that opening the file runs nothing; --raw writes
/// every cell exactly as stored.
///
/// With --format parquet, each is a directory DIR/NAME/ of zstd-compressed
/// Parquet files that Spark, DuckDB and pandas read as they are: articles
/// and quotes partitioned by month of publication
/// (DIR/quotes/published_month=2024-02/part-00000.parquet), every reference
/// to an article, quote, outlet, speaker or wording accompanied by a key
/// that means the same in every archive (article_sha256, quote_key,
/// outlet, speaker, wording_normalized), the sources' bytes included, and
/// DIR/_newsarchive.json listing each relation's rows and columns. All of
/// it is of one moment of the archive, written with bounded memory, and
/// moved into place only when complete. This is the shard format the
/// Spark job (spark/) links across archives.
///
/// With --datasette, writes instead the archive's metadata for Datasette
/// (to standard output or --output): a title and description of every
/// table, view and column, the report views' purpose, and useful facets.
/// Datasette finds the full-text indexes of articles and quotes itself.
/// Browse the archive with
///   datasette newsarchive.db --metadata metadata.json
///
/// Examples:
///   newsarchive export --dir csv/
///   newsarchive export --format parquet --dir shard-1/
///   newsarchive export --datasette -o metadata.json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Directory to write to (created if missing).
    #[arg(long, value_name = "DIR", required_unless_present = "datasette", conflicts_with = "datasette")]
    dir: Option<PathBuf>,

    /// Leave out the UTF-8 byte-order mark (CSV).
    #[arg(long, conflicts_with = "datasette")]
    no_bom: bool,

    /// Write Datasette metadata (JSON) describing the archive instead.
    #[arg(long)]
    datasette: bool,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let archive = Archive::open_read_only(&global.db)?;
    let Some(dir) = args.dir else {
        return datasette(&archive, global);
    };
    // --format is the global option: the default (a table, for a
    // terminal) and csv mean CSV files here.
    match global.format {
        Format::Table | Format::Csv => csv_files(&archive, &dir, args.no_bom, global),
        Format::Parquet => parquet_files(&dir, global),
        Format::Json | Format::Ndjson => {
            anyhow::bail!("export --dir writes CSV (the default) or Parquet files (--format parquet), not JSON")
        }
    }
}

/// Every table and report as DIR/NAME/ Parquet files.
fn parquet_files(dir: &Path, global: &Global) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let progress = global.progress(None);
    let manifest = shard::write_shard(&global.db, dir, shard::Options::default(), |name, n| {
        progress.set_length(n as u64);
        progress.inc(1);
        progress.set_message(name.to_owned());
    })?;
    progress.finish_and_clear();
    let rows: u64 = manifest.relations.iter().map(|r| r.rows).sum();
    let files: usize = manifest.relations.iter().map(|r| r.files).sum();
    global.note(format!(
        "exported {} tables and reports ({rows} rows, {files} Parquet files) to {} in {:.1} s",
        manifest.relations.len(),
        dir.display(),
        started.elapsed().as_secs_f64()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Every exportable table and report as DIR/NAME.csv.
fn csv_files(archive: &Archive, dir: &Path, no_bom: bool, global: &Global) -> Result<ExitCode> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let items = archive.exportable()?;
    let progress = global.progress(Some(items.len() as u64));
    for (name, columns) in &items {
        progress.set_message(name.clone());
        let path = dir.join(format!("{name}.csv"));
        let tmp = dir.join(format!(".{name}.csv.partial"));
        let file = std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
        let cols = columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT {cols} FROM {}", quote_ident(name));
        {
            let mut sink =
                report::sink(Format::Csv, Box::new(BufWriter::new(file)), CsvOptions { bom: !no_bom, ..global.csv() })?;
            archive.query_into(&sql, &[], sink.as_mut())?;
        }
        std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    global.note(format!("exported {} tables and reports to {}", items.len(), dir.display()));
    Ok(ExitCode::SUCCESS)
}

/// Datasette metadata (its `metadata.json`) for the archive: every table,
/// view and column described, machinery hidden, and the browsing hints.
/// Datasette names a database by its file's stem, and so does this.
fn datasette(archive: &Archive, global: &Global) -> Result<ExitCode> {
    let db_name = global.db.file_stem().map_or_else(|| "newsarchive".into(), |s| s.to_string_lossy().into_owned());
    let mut tables = Map::new();
    let mut undescribed = Vec::new();
    for (name, columns) in archive.relations()? {
        let Some(d) = describe(&name) else {
            undescribed.push(name);
            continue;
        };
        let mut entry = Map::new();
        entry.insert("title".into(), d.title.into());
        entry.insert("description".into(), d.description.into());
        let described: Map<String, Value> = columns
            .iter()
            .filter_map(|c| d.columns.iter().find(|(n, _)| n == c).map(|(n, text)| ((*n).to_owned(), (*text).into())))
            .collect();
        entry.insert("columns".into(), described.into());
        if d.internal {
            entry.insert("hidden".into(), true.into());
        }
        if let Some(b) = BROWSE.iter().find(|b| b.relation == name) {
            let present = |c: &&str| columns.iter().any(|x| x == c);
            let facets: Vec<&str> = b.facets.iter().copied().filter(present).collect();
            if !facets.is_empty() {
                entry.insert("facets".into(), json!(facets));
            }
            if let Some(c) = b.sort_desc.filter(present) {
                entry.insert("sort_desc".into(), c.into());
            }
            if let Some(c) = b.label_column.filter(present) {
                entry.insert("label_column".into(), c.into());
            }
        }
        tables.insert(name, entry.into());
    }
    if !undescribed.is_empty() {
        // An archive from a newer newsarchive is refused on opening, so this
        // is a table someone added by hand: it is listed, without words.
        global.note(format!("not described (not made by newsarchive): {}", undescribed.join(", ")));
    }
    let metadata = json!({
        "title": "newsarchive",
        "description": "How news outlets covered the same stories: articles, the quotations in them and who said them, \
                        the checkable facts they state, and the report_* views that compare outlets. \
                        Each report is also `newsarchive report NAME`.",
        "databases": { db_name: { "tables": tables } },
    });
    let mut out = global.out()?;
    serde_json::to_writer_pretty(&mut out, &metadata)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
