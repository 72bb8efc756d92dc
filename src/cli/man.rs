//! `newsarchive man`: the manual pages, from the same definitions as `--help`.

use super::Global;
use anyhow::{Context, Result};
use clap_mangen::Man;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write the manual pages: newsarchive.1 and one page per command.
///
/// A command's page is named after it (newsarchive-import.1,
/// newsarchive-speakers-merge.1); each ends with the examples its --help
/// ends with. `make build` writes them to target/man/; read one with
/// `man -l target/man/newsarchive.1`, or install them where man looks.
///
/// Examples:
///   newsarchive man --dir man/
///   newsarchive man --dir ~/.local/share/man/man1    # then: man newsarchive-report
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Directory to write the pages to (created if missing).
    #[arg(long, value_name = "DIR")]
    dir: PathBuf,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    std::fs::create_dir_all(&args.dir).with_context(|| format!("cannot create {}", args.dir.display()))?;
    // Building fills in each subcommand's display name ("newsarchive-import"),
    // which names its page and its synopsis.
    let mut cmd = super::command().disable_help_subcommand(true);
    cmd.build();
    let written = write_pages(&cmd, &args.dir)?;
    global.note(format!("wrote {written} manual pages to {}", args.dir.display()));
    Ok(ExitCode::SUCCESS)
}

/// Writes the page of `cmd` and of each visible subcommand, recursively;
/// returns how many.
fn write_pages(cmd: &clap::Command, dir: &Path) -> Result<usize> {
    let mut written = 0;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        written += write_pages(sub, dir)?;
    }
    let man = Man::new(cmd.clone());
    let path = dir.join(man.get_filename());
    let file = std::fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = BufWriter::new(file);
    render(&man, cmd, &mut out)
        .and_then(|()| out.flush())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(written + 1)
}

/// A page as clap_mangen lays it out, except that the examples that end
/// `--help` get the EXAMPLES section man pages customarily have (clap_mangen
/// would title them EXTRA).
fn render(man: &Man, cmd: &clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(out)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(out)?;
    }
    if let Some(examples) = cmd.get_after_help() {
        writeln!(out, ".SH EXAMPLES\n.nf")?;
        let text = examples.to_string();
        let body = text.strip_prefix("Examples:").or_else(|| text.strip_prefix("Example:")).unwrap_or(&text);
        for line in body.trim_matches('\n').lines() {
            writeln!(out, "{}", roff_text(line))?;
        }
        writeln!(out, ".fi")?;
    }
    if cmd.get_version().is_some() {
        man.render_version_section(out)?;
    }
    Ok(())
}

/// A line of text as roff shows it verbatim: backslashes escaped, hyphens
/// as the ASCII hyphen a reader types, and no line read as a request.
fn roff_text(line: &str) -> String {
    let escaped = line.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) { format!("\\&{escaped}") } else { escaped }
}

#[cfg(test)]
mod tests {
    use super::roff_text;

    #[test]
    fn roff_text_is_shown_as_written() {
        assert_eq!(roff_text("  newsarchive export --dir csv/"), "  newsarchive export \\-\\-dir csv/");
        assert_eq!(roff_text(".schema"), "\\&.schema");
        assert_eq!(roff_text("a\\b"), "a\\eb");
    }
}
