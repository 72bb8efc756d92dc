//! `newsarchive report`: the canned reports, each a `report_*` view.

use super::Global;
use crate::report::{self, Cell, Collect, Format};
use crate::store::{Archive, quote_ident};
use anyhow::{Result, bail};
use std::collections::HashMap;
use std::process::ExitCode;

/// Print a canned report (without NAME: list them).
///
/// Each report NAME is the SQL view report_NAME (dashes become
/// underscores), so the CLI and sqlite3 always agree:
///   sqlite3 newsarchive.db 'SELECT * FROM report_quote_overlap'
///
/// Reports:
///   quote-overlap   per outlet: articles, distinct quoted sentences, how many
///                   at least one other outlet carried (shared), how many only
///                   it did (unique_quotes), and the shared share in percent
///   outlet-pairs    per pair of outlets: quoted sentences both carried
///   outlets         per outlet: articles, words, quotes, speakers, dates
/// Quotes are body speech: mentions ("Nissan"), headline and page-furniture
/// quotes are archived but not counted.
///
/// Example: newsarchive report quote-overlap --matrix
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The report; without it, the list of reports.
    #[arg(value_name = "NAME")]
    name: Option<String>,

    /// With quote-overlap: the outlet × outlet table of shared quoted
    /// sentences (the diagonal is each outlet's own count).
    #[arg(long)]
    matrix: bool,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let archive = Archive::open_existing(&global.db)?;
    let names = archive.report_names()?;
    let Some(name) = args.name else {
        let mut sink = report::sink(global.format, global.out()?, false)?;
        sink.header(&["report".into(), "view".into()])?;
        for n in &names {
            sink.row(&[Cell::Text(n.replace('_', "-")), Cell::Text(format!("report_{n}"))])?;
        }
        sink.finish()?;
        return Ok(ExitCode::SUCCESS);
    };
    let view = name.replace('-', "_");
    if !names.contains(&view) {
        let list: Vec<String> = names.iter().map(|n| n.replace('_', "-")).collect();
        bail!("no report named '{name}'; reports: {}", list.join(", "));
    }
    if args.matrix {
        if view != "quote_overlap" {
            bail!("--matrix goes with the quote-overlap report");
        }
        return matrix(&archive, global);
    }
    let mut sink = report::sink(global.format, global.out()?, false)?;
    archive.query_into(&format!("SELECT * FROM {}", quote_ident(&format!("report_{view}"))), &[], sink.as_mut())?;
    Ok(ExitCode::SUCCESS)
}

/// Pivots `report_outlet_pairs` into an outlet × outlet table, outlets in
/// the order of `report_quote_overlap`.
fn matrix(archive: &Archive, global: &Global) -> Result<ExitCode> {
    let mut outlets = Collect::default();
    archive.query_into("SELECT outlet, quotes FROM report_quote_overlap", &[], &mut outlets)?;
    let mut pairs = Collect::default();
    archive.query_into("SELECT outlet_a, outlet_b, shared FROM report_outlet_pairs", &[], &mut pairs)?;

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
    let mut sink = report::sink(global.format, global.out()?, false)?;
    out.replay(sink.as_mut())?;
    Ok(ExitCode::SUCCESS)
}
