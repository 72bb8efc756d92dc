//! `newsarchive completions`: tab completion for shells.

use super::Global;
use anyhow::Result;
use clap_complete::Shell;
use std::io::Write;
use std::process::ExitCode;

/// Print the tab-completion script for a shell.
///
/// The script completes commands, subcommands, options and their values,
/// and file names. It is made from the same definitions as `--help`, so it
/// never falls behind the commands. Install it where the shell looks (README,
/// "Shell completions and the manual"):
///   bash:        ~/.local/share/bash-completion/completions/newsarchive
///   zsh:         a directory on $fpath, as _newsarchive
///   fish:        ~/.config/fish/completions/newsarchive.fish
///   PowerShell:  dot-source it from $PROFILE
///
/// Examples:
///   newsarchive completions bash > newsarchive.bash    # then: source newsarchive.bash
///   newsarchive completions zsh > _newsarchive
///   newsarchive completions fish > newsarchive.fish
///   newsarchive completions powershell > newsarchive.ps1
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    shell: Shell,
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    let mut cmd = super::command();
    // clap_complete panics when its writer fails; a buffer cannot, and a
    // closed pipe is then an error like any other output's.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "newsarchive", &mut script);
    let mut out = global.out()?;
    out.write_all(&script)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
