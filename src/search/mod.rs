//! Full-text search: how text is indexed in scripts written without
//! spaces ([`segment`]), how a user's query is read ([`query`]), and the
//! excerpt shown for each hit ([`snippet`]). Pure functions; the SQL is in
//! the store.

pub mod query;
pub mod segment;
pub mod snippet;
