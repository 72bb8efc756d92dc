//! The command line: one module per subcommand, each with its usage text
//! and a `run`. This module parses arguments, dispatches, prints errors
//! and picks the exit code (0 ok, 1 error, 2 usage).

mod eval;
mod export;
mod gen_corpus;
mod import;
mod link;
mod migrate;
mod pipeline;
mod report;
mod seed;
mod speakers;
mod sql;

use crate::report::Format;
use clap::{Parser, Subcommand};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const ABOUT: &str = "\
A SQLite archive of how news outlets covered the same story: articles, the
quotations in them and who said them, and which outlets carried which.";

const EXAMPLES: &str = "\
Examples:
  newsarchive seed                              import the bundled seed corpus
  newsarchive import articles/ --manifest articles/manifest.csv
  newsarchive report quote-overlap              quotes each outlet shares with others
  newsarchive report quote-overlap --matrix     outlet × outlet shared quotes
  newsarchive sql 'SELECT * FROM report_outlets' --format csv
  newsarchive export --dir csv/                 every table and report as CSV";

#[derive(Debug, Parser)]
#[command(name = "newsarchive", version, about = ABOUT, after_help = EXAMPLES, max_term_width = 100)]
struct Cli {
    /// The archive file (created if missing).
    #[arg(long, global = true, env = "NEWSARCHIVE_DB", default_value = "newsarchive.db", value_name = "PATH")]
    db: PathBuf,

    /// Output format for reports and queries.
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Write data to FILE instead of standard output.
    #[arg(long, short = 'o', global = true, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Print no progress or summary on standard error (errors still are).
    #[arg(long, short = 'q', global = true)]
    quiet: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Import(import::Args),
    Seed(seed::Args),
    Report(report::Args),
    Export(export::Args),
    Eval(eval::Args),
    GenCorpus(gen_corpus::Args),
    Speakers(speakers::Args),
    Sql(sql::Args),
    Link(link::Args),
    Migrate(migrate::Args),
}

/// Options every command shares.
pub struct Global {
    /// The archive path.
    pub db: PathBuf,
    /// Output format.
    pub format: Format,
    /// Output file, if not standard output.
    pub output: Option<PathBuf>,
    /// No progress or summaries.
    pub quiet: bool,
}

impl Global {
    /// Where data goes: `--output FILE` or standard output.
    pub fn out(&self) -> io::Result<Box<dyn Write>> {
        Ok(match &self.output {
            Some(path) => Box::new(BufWriter::new(
                std::fs::File::create(path)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?,
            )),
            None => Box::new(BufWriter::new(io::stdout().lock())),
        })
    }

    /// A diagnostic for standard error, unless `--quiet`.
    pub fn note(&self, msg: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("{msg}");
        }
    }
}

/// Parses the command line, runs the command, and reports errors.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let global = Global { db: cli.db, format: cli.format, output: cli.output, quiet: cli.quiet };
    let result = match cli.command {
        Command::Import(a) => import::run(a, &global),
        Command::Seed(a) => seed::run(a, &global),
        Command::Report(a) => report::run(a, &global),
        Command::Export(a) => export::run(a, &global),
        Command::Eval(a) => eval::run(a, &global),
        Command::GenCorpus(a) => gen_corpus::run(a, &global),
        Command::Speakers(a) => speakers::run(a, &global),
        Command::Sql(a) => sql::run(a, &global),
        Command::Link(a) => link::run(a, &global),
        Command::Migrate(a) => migrate::run(a, &global),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsarchive: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `newsarchive report … | head` ends quietly when `head` stops reading.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<crate::store::Error>()
                .is_some_and(|s| matches!(s, crate::store::Error::Output(io) if io.kind() == io::ErrorKind::BrokenPipe))
    })
}
