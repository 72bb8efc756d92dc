//! A set of input paths as documents: files found, manifests applied,
//! every problem reported with its file and line.

use super::discover::{self, Format};
use super::manifest::Manifest;
use super::{Document, Error, Meta, Source, txt};
use std::path::{Path, PathBuf};

/// The inputs of one import: files to read, manifests, and the problems
/// found before reading anything.
pub struct Corpus {
    files: Vec<(PathBuf, Format)>,
    manifests: Vec<Manifest>,
    /// Problems with paths and manifests (missing files, bad rows).
    pub errors: Vec<Error>,
    /// Files skipped because newsarchive does not read their type.
    pub skipped: usize,
}

impl Corpus {
    /// Expands `paths`; metadata comes from `manifest` if given, else from
    /// each directory's `manifest.csv`.
    pub fn open(paths: &[PathBuf], manifest: Option<&Path>) -> Corpus {
        let inputs = discover::discover(paths);
        let manifest_paths = match manifest {
            Some(m) => vec![m.to_path_buf()],
            None => inputs.manifests.clone(),
        };
        let mut errors = Vec::new();
        let mut manifests = Vec::new();
        for path in manifest_paths {
            match Manifest::load(&path) {
                Ok(m) => {
                    errors.extend(m.errors.iter().cloned());
                    manifests.push(m);
                }
                Err(e) => errors.push(e),
            }
        }
        errors.extend(inputs.errors);
        Corpus { files: inputs.files, manifests, errors, skipped: inputs.skipped }
    }

    /// The manifests in use, for reporting.
    pub fn manifests(&self) -> &[Manifest] {
        &self.manifests
    }

    /// Reads and parses each file in turn (one in memory at a time).
    pub fn documents(&self) -> impl Iterator<Item = Result<Document, Error>> + '_ {
        self.files.iter().map(|(path, format)| {
            let display = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| Error::new(&display, None, discover::io_reason(&e)))?;
            let over: Meta = self.manifests.iter().find_map(|m| m.lookup(path)).cloned().unwrap_or_default();
            let source = Source { path: display, bytes };
            match format {
                Format::Txt => txt::parse(&source, &over),
            }
        })
    }
}
