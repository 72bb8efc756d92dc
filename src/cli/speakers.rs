//! `newsarchive speakers`: the people quoted, and merging what the rules
//! could not tell is one person.

use super::Global;
use crate::ingest::aliases;
use crate::report;
use crate::store::{Applied, Archive};
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Manage speakers: merge names that are one person, apply an alias file,
/// list aliases.
///
/// newsarchive recognises "Trump", "President Trump", "Donald J. Trump" and
/// "U.S. President Donald Trump" as one speaker on its own, and one person
/// spelled in Latin, Cyrillic or Greek letters ("Dmitry Sokolov", "Dmitri
/// Sokolov", "Дмитрий Соколов"); `merge` and alias files settle the cases
/// rules cannot (nicknames, names in other scripts such as 習近平 or
/// 시진핑, a surname shared by several people). `newsarchive report
/// speakers` lists them all.
///
/// An alias file is a CSV with the columns alias, canonical and (optional)
/// language:
///   alias,canonical,language
///   習近平,Xi Jinping,ja
///   시진핑,Xi Jinping,ko
/// `apply` merges speakers stored under an alias into the canonical one and
/// makes later imports attribute the alias to it; `import --aliases FILE`
/// does the same before importing.
///
/// Examples:
///   newsarchive speakers merge "Tokyo" "Japan"     # the capital speaking for the state
///   newsarchive speakers apply aliases.csv
///   newsarchive speakers aliases "Donald Trump"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Merge speakers into the last one named: their quotes, names and
    /// aliases become the last speaker's.
    ///
    /// Example: newsarchive speakers merge "Tokyo" "Japan"
    Merge {
        /// Speakers to merge (names or aliases), then the one to keep.
        #[arg(required = true, num_args = 2.., value_name = "NAME")]
        names: Vec<String>,
    },
    /// Apply an alias file (CSV: alias, canonical, language): each alias
    /// becomes a name of its canonical speaker, now and in later imports.
    ///
    /// Example: newsarchive speakers apply aliases.csv
    Apply {
        /// The alias file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// List the names each speaker (or the one named) is known by.
    ///
    /// Example: newsarchive speakers aliases "Donald Trump"
    Aliases {
        /// A speaker's name or alias.
        #[arg(value_name = "NAME")]
        name: Option<String>,
    },
}

pub fn run(args: Args, global: &Global) -> Result<ExitCode> {
    match args.action {
        Action::Merge { mut names } => {
            let mut archive = Archive::open_existing(&global.db)?;
            let into = names.pop().expect("clap requires two names");
            let merged = archive.merge_speakers(&names, &into)?;
            global.note(format!(
                "merged {} into {} ({} quotes moved)",
                if merged.from.is_empty() { "nothing".to_owned() } else { merged.from.join(", ") },
                merged.into,
                merged.quotes
            ));
        }
        Action::Apply { file } => {
            let aliases = aliases::load(&file)?;
            let mut archive = Archive::open_existing(&global.db)?;
            let applied = archive.apply_aliases(&aliases)?;
            global.note(applied_note(&file, &applied));
        }
        Action::Aliases { name } => {
            let archive = Archive::open_existing(&global.db)?;
            let mut sink = report::sink(global.format, global.out()?, global.csv())?;
            let sql = "SELECT s.name AS speaker, a.alias, a.language FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id
                       WHERE ?1 IS NULL OR s.name = ?1 OR s.id = (SELECT speaker_id FROM speaker_aliases WHERE alias = ?1)
                       ORDER BY s.name, a.alias";
            archive.query_into(sql, &[&name], sink.as_mut())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What applying an alias file did, for the user.
pub(super) fn applied_note(file: &Path, applied: &Applied) -> String {
    format!(
        "{}: {} aliases applied ({} speakers merged, {} quotes moved)",
        file.display(),
        applied.aliases,
        applied.merged,
        applied.quotes
    )
}
