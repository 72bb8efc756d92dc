//! The command line: one module per subcommand, each with its usage text
//! and a `run`. This module parses arguments, dispatches, prints errors
//! and picks the exit code (0 ok, 1 error, 2 usage).

mod check;
mod compare;
mod completions;
mod eval;
mod export;
mod gen_corpus;
mod import;
mod import_links;
mod link;
mod man;
mod migrate;
mod pipeline;
mod reextract;
mod report;
mod search;
mod seed;
mod show;
mod speakers;
mod sql;

use crate::report::Format;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const ABOUT: &str = "\
A SQLite archive of how news outlets covered the same story: articles, the
quotations in them and who said them, and which outlets carried which.";

const EXAMPLES: &str = "\
Examples:
  newsarchive seed                            # import the bundled seed corpus
  newsarchive import articles/ --manifest articles/manifest.csv
  newsarchive import saved-pages/ crawl.warc.gz   # web pages and web archives
  newsarchive search tariffs --outlet \"Fox News\"  # articles and quotes by their words
  newsarchive show article 2                  # one article, its quotes marked
  newsarchive report quote-overlap            # quotes each outlet shares with others
  newsarchive report quote-overlap --matrix   # outlet × outlet shared quotes
  newsarchive sql 'SELECT * FROM report_outlets' --format csv --bom
  newsarchive export --dir csv/               # every table and report as CSV
  newsarchive check                           # integrity and consistency, row counts";

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

    /// CSV: write text exactly as stored. Without it, text a spreadsheet
    /// would run as a formula (starting with =, +, -, @, tab or CR) gets a
    /// leading ' that spreadsheets show as text.
    #[arg(long, global = true)]
    raw: bool,

    /// CSV: start with a UTF-8 byte-order mark, which Excel needs to read
    /// accented and non-Latin text correctly (`export` writes one unless
    /// --no-bom).
    #[arg(long, global = true)]
    bom: bool,

    /// How long to wait for another process writing to the archive (another
    /// import, say) before giving up; writers take turns.
    #[arg(long, global = true, default_value_t = 600, value_name = "SECONDS")]
    lock_timeout: u64,

    /// Articles linked per round: linking holds about 1 KB of indexes per
    /// article of a round, so a lower figure caps memory on a small
    /// machine, and a higher one saves the rounds' start-up (each round
    /// commits, and finds earlier rounds' items in the archive).
    #[arg(long, global = true, env = "NEWSARCHIVE_LINK_ROUND", default_value_t = 100_000, value_name = "ARTICLES",
          value_parser = clap::value_parser!(u32).range(1..))]
    link_round: u32,

    /// When to colour output: auto (on a terminal, unless the NO_COLOR
    /// environment variable is set), always, or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    color: ColorWhen,

    #[command(subcommand)]
    command: Command,
}

/// When output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set (to anything) or TERM is dumb.
    Auto,
    /// Always, even into a pipe or a file.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Subcommand)]
enum Command {
    Import(import::Args),
    Seed(seed::Args),
    Search(search::Args),
    Show(show::Args),
    Report(report::Args),
    Export(export::Args),
    ImportLinks(import_links::Args),
    Eval(eval::Args),
    GenCorpus(gen_corpus::Args),
    Speakers(speakers::Args),
    Sql(sql::Args),
    Link(link::Args),
    Reextract(reextract::Args),
    Migrate(migrate::Args),
    Check(check::Args),
    Completions(completions::Args),
    Man(man::Args),
    // Plumbing for the Spark job, not listed in --help.
    #[command(hide = true)]
    Compare(compare::Args),
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
    /// CSV cells exactly as stored (no formula defusing).
    pub raw: bool,
    /// CSV starts with a UTF-8 byte-order mark.
    pub bom: bool,
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

    /// How CSV output is written (a byte-order mark only with `--bom`).
    pub fn csv(&self) -> crate::report::CsvOptions {
        crate::report::CsvOptions { bom: self.bom, raw: self.raw }
    }

    /// A progress bar on standard error for work that may take more than
    /// a moment: drawn only when standard error is a terminal (indicatif
    /// checks) and never with `--quiet`. With `len`, a bar counting to it;
    /// without, a spinner with the elapsed time, kept moving while the
    /// work blocks.
    pub fn progress(&self, len: Option<u64>) -> indicatif::ProgressBar {
        use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
        let target = if self.quiet { ProgressDrawTarget::hidden() } else { ProgressDrawTarget::stderr() };
        let bar = ProgressBar::with_draw_target(len, target);
        let template = if len.is_some() {
            "{elapsed_precise} {wide_bar} {pos}/{len} {msg} ({eta} left)"
        } else {
            "{elapsed_precise} {spinner} {msg}"
        };
        bar.set_style(ProgressStyle::with_template(template).expect("the template is valid"));
        if len.is_none() {
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
        }
        bar
    }

    /// A diagnostic for standard error, unless `--quiet`.
    pub fn note(&self, msg: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("{msg}");
        }
    }
}

/// What standard output is: a terminal's width when it is one (or
/// `COLUMNS`, when set, for output into a pipe), and whether to colour.
fn terminal(to_stdout: bool, when: ColorWhen) -> crate::report::term::Terminal {
    use std::io::IsTerminal;
    let tty = to_stdout && io::stdout().is_terminal();
    let width = if tty { terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)) } else { None }.or_else(|| {
        to_stdout.then(|| std::env::var("COLUMNS").ok()?.parse::<usize>().ok().filter(|w| *w > 0)).flatten()
    });
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    let color = match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => tty && !no_color && !dumb,
    };
    crate::report::term::Terminal { width, color }
}

/// Parses the command line, runs the command, and reports errors.
pub fn main() -> ExitCode {
    let cli = match Cli::from_arg_matches(&command().get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    crate::store::set_lock_timeout(std::time::Duration::from_secs(cli.lock_timeout));
    crate::link::set_round(cli.link_round as usize);
    crate::report::term::set_terminal(terminal(cli.output.is_none(), cli.color));
    let global =
        Global { db: cli.db, format: cli.format, output: cli.output, quiet: cli.quiet, raw: cli.raw, bom: cli.bom };
    let result = match cli.command {
        Command::Import(a) => import::run(a, &global),
        Command::Seed(a) => seed::run(a, &global),
        Command::Search(a) => search::run(a, &global),
        Command::Show(a) => show::run(a, &global),
        Command::Report(a) => report::run(a, &global),
        Command::Export(a) => export::run(a, &global),
        Command::ImportLinks(a) => import_links::run(a, &global),
        Command::Eval(a) => eval::run(a, &global),
        Command::GenCorpus(a) => gen_corpus::run(a, &global),
        Command::Speakers(a) => speakers::run(a, &global),
        Command::Sql(a) => sql::run(a, &global),
        Command::Link(a) => link::run(a, &global),
        Command::Reextract(a) => reextract::run(a, &global),
        Command::Migrate(a) => migrate::run(a, &global),
        Command::Check(a) => check::run(a, &global),
        Command::Completions(a) => completions::run(a, &global),
        Command::Man(a) => man::run(a, &global),
        Command::Compare(a) => compare::run(a, &global),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsarchive: error: {}", message(&e));
            if let Some(hint) = hint(&e, cli.lock_timeout) {
                eprintln!("newsarchive: {hint}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The command line's definition, as `--help`, the completion scripts and
/// the manual pages show it.
fn command() -> clap::Command {
    examples_last(Cli::command())
}

/// Each command's doc comment ends with its examples, which clap would print
/// above the usage and the options; a reader looks for them at the end of
/// `--help` (and man pages put them in a section of their own), so the
/// closing paragraph that starts with "Example:" or "Examples:" moves there.
fn examples_last(cmd: clap::Command) -> clap::Command {
    let split = cmd.get_long_about().map(ToString::to_string).and_then(|about| {
        let at = ["\n\nExamples:", "\n\nExample:"].iter().filter_map(|m| about.rfind(m)).max()?;
        Some((about[..at].trim_end().to_owned(), about[at..].trim().to_owned()))
    });
    let cmd = match split {
        Some((about, examples)) => cmd.long_about(about).after_help(examples),
        None => cmd,
    };
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    names.iter().fold(cmd, |cmd, name| cmd.mut_subcommand(name, examples_last))
}

/// The error and its causes on one line, each said once: the storage
/// layer's errors already include SQLite's words, and SQLite's own causes
/// (numeric codes) tell a user nothing more.
fn message(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        let m = cause.to_string();
        if !text.contains(&m) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&m);
        }
        if cause.downcast_ref::<rusqlite::Error>().is_some() {
            break;
        }
    }
    text
}

/// What to do about the SQLite errors a user can act on.
fn hint(e: &anyhow::Error, lock_timeout: u64) -> Option<String> {
    let code =
        e.chain().find_map(|c| c.downcast_ref::<rusqlite::Error>().and_then(rusqlite::Error::sqlite_error_code))?;
    match code {
        rusqlite::ErrorCode::DatabaseBusy => Some(format!(
            "another process kept the archive locked for longer than --lock-timeout ({lock_timeout} s); \
             the step that waited changed nothing: run the command again to finish"
        )),
        rusqlite::ErrorCode::DatabaseCorrupt => Some(
            "the archive file is damaged (by a disk, a copy made while it was written, or an edit outside SQLite); \
             restore it from a backup, or salvage what is readable with `sqlite3 DAMAGED.db .recover | sqlite3 NEW.db`"
                .into(),
        ),
        rusqlite::ErrorCode::NotADatabase => Some("the file is not a SQLite database; check --db".into()),
        _ => None,
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

/// The one-line notice that quotations wait for the sentence encoder.
fn translation_notice(global: &Global, linked: &crate::link::Linked) {
    if linked.untranslated {
        global.note(
            "the sentence encoder is not installed (run `make models`, or set NEWSARCHIVE_MODELS): \
             quotations are not linked across languages until it is",
        );
    }
}
