//! `newsarchive export`: every table and report as CSV files.

use super::Global;
use crate::report::{self, CsvOptions, Format};
use crate::store::{Archive, quote_ident};
use anyhow::{Context, Result};
use std::io::BufWriter;
use std::path::PathBuf;
use std::process::ExitCode;

/// Write every table and report as CSV files in a directory.
///
/// Each is DIR/NAME.csv: a header row, RFC 4180 quoting, UTF-8 with a byte-order mark so that spreadsheet
/// programs read Korean or Japanese text correctly. Binary columns (the
/// compressed source files) are left out. Each file is written to a
/// temporary name and renamed, so no half-written file is left behind.
/// Text a spreadsheet would run as a formula (starting with =, +, -, @)
/// gets a leading ' so that opening the file runs nothing; --raw writes
/// every cell exactly as stored.
///
/// Example: newsarchive export --dir csv/
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Directory to write to (created if missing).
    #[arg(long, value_name = "DIR")]
    dir: PathBuf,

    /// Leave out the UTF-8 byte-order mark.
    #[arg(long)]
    no_bom: bool,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let archive = Archive::open_read_only(&global.db)?;
    std::fs::create_dir_all(&args.dir).with_context(|| format!("cannot create {}", args.dir.display()))?;
    let items = archive.exportable()?;
    let progress = global.progress(Some(items.len() as u64));
    for (name, columns) in &items {
        progress.set_message(name.clone());
        let path = args.dir.join(format!("{name}.csv"));
        let tmp = args.dir.join(format!(".{name}.csv.partial"));
        let file = std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
        let cols = columns.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT {cols} FROM {}", quote_ident(name));
        {
            let mut sink = report::sink(
                Format::Csv,
                Box::new(BufWriter::new(file)),
                CsvOptions { bom: !args.no_bom, ..global.csv() },
            )?;
            archive.query_into(&sql, &[], sink.as_mut())?;
        }
        std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    global.note(format!("exported {} tables and reports to {}", items.len(), args.dir.display()));
    Ok(ExitCode::SUCCESS)
}
