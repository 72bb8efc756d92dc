//! newsarchive: a SQLite archive of how news outlets covered the same story.
//!
//! Data flows one way: [`ingest`] turns files into [`ingest::Document`]s,
//! [`extract`] finds quotations and speakers in them (pure functions),
//! [`store`] writes them to the archive, [`link`] clusters what several
//! articles share, and [`report`] prints the `report_*` views.

pub mod cli;
pub mod embed;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod link;
pub mod report;
pub mod search;
pub mod shard;
pub mod store;
pub mod synth;
