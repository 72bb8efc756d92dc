//! The seed corpus, compiled into the binary so `newsarchive seed` works
//! anywhere: the files of `seed/` (by `build.rs`).

use super::{Error, Source, discover::MANIFEST_NAME, manifest};

include!(concat!(env!("OUT_DIR"), "/seed_files.rs"));

/// The seed documents as sources named `seed/FILE`, and their manifest.
pub fn corpus() -> Result<(Vec<Source>, manifest::Manifest), Error> {
    let exists = |name: &str| FILES.iter().any(|(n, _)| *n == name);
    let manifest_bytes = FILES
        .iter()
        .find(|(n, _)| *n == MANIFEST_NAME)
        .map(|(_, b)| *b)
        .ok_or_else(|| Error::new("seed", None, "the bundled seed corpus has no manifest.csv"))?;
    let manifest = manifest::parse("seed/manifest.csv", manifest_bytes, &exists)?;
    let sources = FILES
        .iter()
        .filter(|(n, _)| *n != MANIFEST_NAME)
        .map(|(name, bytes)| Source { path: format!("seed/{name}"), bytes: bytes.to_vec() })
        .collect();
    Ok((sources, manifest))
}
