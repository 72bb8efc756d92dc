//! Linking what several articles share. Incremental: only units not yet in
//! a cluster are looked at, so importing new articles never recomputes the
//! archive.

use crate::store::{Archive, Result};

/// What a linking pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Linked {
    /// Units placed in clusters.
    pub units: usize,
    /// Clusters created or joined.
    pub clusters: usize,
    /// One-word speakers joined to a full name.
    pub speakers: usize,
}

/// Places every unclustered quote unit in the cluster of its normalized
/// wording: the same quoted sentence in several articles becomes one
/// cluster. Then joins one-word speakers to the person the archive shows
/// they are (see `store::speakers`).
pub fn link(archive: &mut Archive) -> Result<Linked> {
    let pending = archive.pending_units()?;
    let clusters = if pending.is_empty() { 0 } else { archive.assign_exact_clusters(&pending)? };
    let speakers = archive.resolve_surnames()?;
    Ok(Linked { units: pending.len(), clusters, speakers })
}
