//! What leaves an archive when it is one shard of many: every table and
//! report, each row with identifiers that mean the same in every shard.
//!
//! Rowids are local: article 17 of one shard is not article 17 of
//! another. So every column that refers to an article, a quote, an
//! outlet, a speaker or a wording comes with a companion naming it
//! globally — the article's content hash, the quote's (article hash,
//! region, offset), the outlet's and speaker's names, the wording's
//! normalized text — and `quotes` carries its own global key.

use super::{Archive, Result, quote_ident};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// The type a column is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 64-bit integers.
    Int,
    /// Double-precision floats.
    Real,
    /// UTF-8 text.
    Text,
    /// Bytes.
    Blob,
}

/// A column of an exported relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Its name.
    pub name: String,
    /// Its type; `None` for a view's computed column, whose values say
    /// (a report is computed once, so it is not read twice to find out).
    pub kind: Option<Kind>,
}

/// A table or report as it leaves the shard.
#[derive(Debug, Clone)]
pub struct Relation {
    /// The table's or view's name.
    pub name: String,
    /// Its columns, then the global companions; the partition column, when
    /// there is one, is the query's last column and not among these.
    pub columns: Vec<Column>,
    /// Whether rows are partitioned by the year and month of their
    /// article's publication ([`PARTITION_COLUMN`], the query's last column).
    pub partitioned: bool,
    /// The query giving its rows, partitions contiguous where it can.
    pub sql: String,
}

/// The partition column of articles and quotes: the year and month of
/// publication (`2024-02`), or NULL when the date is missing or not ISO.
pub const PARTITION_COLUMN: &str = "published_month";

/// How a reference to each table is named globally: (table, companion
/// suffix, SQL of the global key over the referenced row `j`).
const GLOBAL_KEYS: &[(&str, &str, &str)] = &[
    ("articles", "sha256", "j.content_sha256"),
    ("outlets", "", "j.name"),
    ("speakers", "", "j.name"),
    ("quote_wordings", "normalized", "j.normalized"),
    ("quotes", "key", QUOTE_KEY),
];

/// A quote's global key: its article's content hash, the region and the
/// offset it starts at (`<sha256>:body:1042`), over the quote row `j`.
const QUOTE_KEY: &str = "(SELECT a.content_sha256 FROM articles a WHERE a.id = j.article_id) \
                         || ':' || j.region || ':' || j.start";

/// The types of the report views' computed columns, which SQLite does not
/// declare, and of the tables' NUMERIC columns, which hold numbers and
/// dates alike: fixed here so that every shard's files of a relation have
/// one schema, whatever rows it happens to hold (Spark refuses to read a
/// column that is int64 in one file and string in another). A figure that
/// is an integer in one row and a real in another is a real; a fact's value
/// (a number or a date) is text. A `report_*` view made by hand, which
/// this does not list, takes the types of its first rows' values.
const FIXED_TYPES: &[(&str, &str, Kind)] = &[
    ("claim_facts", "value", Kind::Text),
    ("claim_facts", "value_high", Kind::Text),
    ("claim_pairs", "value_a", Kind::Text),
    ("claim_pairs", "value_b", Kind::Text),
    ("claim_pairs", "difference", Kind::Real),
    ("report_article_similarity", "article_a", Kind::Text),
    ("report_article_similarity", "article_b", Kind::Text),
    ("report_article_similarity", "a_in_b_pct", Kind::Real),
    ("report_article_similarity", "b_in_a_pct", Kind::Real),
    ("report_article_similarity", "likely_source", Kind::Text),
    ("report_claim_conflicts", "value_a", Kind::Text),
    ("report_claim_conflicts", "value_b", Kind::Text),
    ("report_claim_conflicts", "difference", Kind::Real),
    ("report_article_similarity_global", "a_here", Kind::Int),
    ("report_article_similarity_global", "b_here", Kind::Int),
    ("report_claim_coverage", "shared_pct", Kind::Real),
    ("report_claim_outlet_pairs", "outlet_a", Kind::Text),
    ("report_claim_outlet_pairs", "outlet_b", Kind::Text),
    ("report_claim_outlet_pairs", "pct_of_a", Kind::Real),
    ("report_claim_outlet_pairs", "pct_of_b", Kind::Real),
    ("report_claims_global", "text", Kind::Text),
    ("report_claims_global", "outlets_here", Kind::Int),
    ("report_claims_global", "outlets_anywhere", Kind::Int),
    ("report_fidelity", "said_by", Kind::Text),
    ("report_fidelity", "record_words", Kind::Text),
    ("report_fidelity", "similarity", Kind::Real),
    ("report_fidelity_outlets", "checked", Kind::Int),
    ("report_fidelity_outlets", "verbatim_pct", Kind::Real),
    ("report_fidelity_outlets", "trimmed_pct", Kind::Real),
    ("report_fidelity_outlets", "altered_pct", Kind::Real),
    ("report_fidelity_outlets", "stitched_pct", Kind::Real),
    ("report_fidelity_outlets", "misattributed_pct", Kind::Real),
    ("report_fidelity_outlets", "not_in_record_pct", Kind::Real),
    ("report_outlet_pairs", "outlet_a", Kind::Text),
    ("report_outlet_pairs", "outlet_b", Kind::Text),
    ("report_outlet_pairs", "shared", Kind::Int),
    ("report_outlet_pairs", "pct_of_a", Kind::Real),
    ("report_outlet_pairs", "pct_of_b", Kind::Real),
    ("report_outlet_pairs", "in_translation_only", Kind::Int),
    ("report_outlet_pairs_same_language", "outlet_a", Kind::Text),
    ("report_outlet_pairs_same_language", "outlet_b", Kind::Text),
    ("report_outlet_pairs_same_language", "pct_of_a", Kind::Real),
    ("report_outlet_pairs_same_language", "pct_of_b", Kind::Real),
    ("report_quotations_global", "outlets_here", Kind::Int),
    ("report_quotations_global", "outlets_anywhere", Kind::Int),
    ("report_quote_overlap", "shared", Kind::Int),
    ("report_quote_overlap", "unique_quotes", Kind::Int),
    ("report_quote_overlap", "shared_pct", Kind::Real),
    ("report_quote_overlap_same_language", "shared_pct", Kind::Real),
    ("report_quote_spread", "translations", Kind::Int),
    ("report_quote_spread", "translation_outlets", Kind::Int),
    ("report_quote_spread", "translation_languages", Kind::Text),
    ("report_quote_variants", "canonical", Kind::Int),
    ("report_translations", "outlets_a", Kind::Text),
    ("report_translations", "outlets_b", Kind::Text),
    ("report_translations", "similarity", Kind::Real),
];

/// Columns that refer to a table without declaring it (the summaries
/// keep no foreign keys, which would slow their refresh), by name.
const IMPLIED: &[(&str, &[&str])] = &[
    ("outlets", &["outlet_id", "first_outlet_id", "outlet_a", "outlet_b"]),
    ("speakers", &["speaker_id"]),
    ("articles", &["article_id", "article_a", "article_b"]),
    ("quote_wordings", &["wording_id"]),
    ("quotes", &["quote_id"]),
];

/// Tables whose rows are partitioned by publication month, and how a row
/// reaches its article's date.
const PARTITIONED: &[(&str, &str)] = &[("articles", "t.id"), ("quotes", "t.article_id")];

impl Archive {
    /// Every table and `report_*` view a shard exports, in name order
    /// (tables first), with its global companions. The full-text indexes
    /// are left out (they are rebuilt from the rows they index); the
    /// linker's keys are kept, as the Spark job links by them.
    pub fn shard_relations(&self) -> Result<Vec<Relation>> {
        self.user_relations()?.iter().map(|(name, is_view)| self.shard_relation(name, *is_view)).collect()
    }

    fn shard_relation(&self, name: &str, is_view: bool) -> Result<Relation> {
        let declared = self.declared_columns(name)?;
        let typed = |c: &str| FIXED_TYPES.iter().find(|(v, col, _)| *v == name && *col == c).map(|(.., k)| *k);
        let undeclared: Vec<&str> = declared
            .iter()
            .filter(|(c, d)| affinity(d).is_none() && typed(c).is_none())
            .map(|(c, _)| c.as_str())
            .collect();
        // A table's NUMERIC column holds numbers and text alike: what they
        // hold decides (one pass over the column).
        let held = if undeclared.is_empty() || is_view { vec![] } else { self.kinds_of_values(name, &undeclared)? };
        let mut columns: Vec<Column> = declared
            .iter()
            .map(|(column, decl)| {
                let kind = affinity(decl)
                    .or_else(|| typed(column))
                    .or_else(|| undeclared.iter().position(|c| c == column).and_then(|i| held.get(i).copied()));
                Column { name: column.clone(), kind }
            })
            .collect();
        let mut select: Vec<String> = declared.iter().map(|(c, _)| format!("t.{}", quote_ident(c))).collect();
        let mut joins = Vec::new();
        let mut article_alias = None;
        if !is_view {
            for (from, table) in self.references(name, &declared)? {
                let Some((_, suffix, key)) = GLOBAL_KEYS.iter().find(|(t, ..)| *t == table) else { continue };
                // outlet_id → outlet, outlet_a → outlet_a_name,
                // article_id → article_sha256, quote_id → quote_key.
                let companion = match (from.strip_suffix("_id"), *suffix) {
                    (Some(stem), "") => stem.to_owned(),
                    (None, "") => format!("{from}_name"),
                    (stem, suffix) => format!("{}_{suffix}", stem.unwrap_or(&from)),
                };
                if declared.iter().any(|(c, _)| *c == companion) || columns.iter().any(|c| c.name == companion) {
                    continue;
                }
                let alias = format!("j{}", joins.len());
                if from == "article_id" {
                    article_alias = Some(alias.clone());
                }
                let key = key.replace("j.", &format!("{alias}."));
                select.push(format!("{key} AS {}", quote_ident(&companion)));
                joins.push(format!(
                    "LEFT JOIN {} {alias} ON {alias}.id = t.{}",
                    quote_ident(&table),
                    quote_ident(&from)
                ));
                columns.push(Column { name: companion, kind: Some(Kind::Text) });
            }
            if name == "quotes" {
                // The article is joined already, for its hash.
                let key = match &article_alias {
                    Some(a) => format!("{a}.content_sha256 || ':' || t.region || ':' || t.start"),
                    None => QUOTE_KEY.replace("j.", "t."),
                };
                select.push(format!("{key} AS quote_key"));
                columns.push(Column { name: "quote_key".into(), kind: Some(Kind::Text) });
            }
        }
        let partition = PARTITIONED.iter().find(|(t, _)| *t == name);
        let sql = match partition {
            None => format!("SELECT {} FROM {} t {}", select.join(", "), quote_ident(name), joins.join(" ")),
            // Read in date order through the articles' date index, so that
            // each month's rows come together and are written as one file.
            Some((_, article)) => format!(
                "SELECT {}, CASE WHEN p.published_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]*'
                                 THEN substr(p.published_at, 1, 7) END AS {PARTITION_COLUMN}
                 FROM articles p CROSS JOIN {} t ON {article} = p.id {}
                 ORDER BY p.published_at, p.id",
                select.join(", "),
                quote_ident(name),
                joins.join(" ")
            ),
        };
        Ok(Relation { name: name.to_owned(), columns, partitioned: partition.is_some(), sql })
    }

    /// The tables the columns of `table` refer to: (column, table), as the
    /// schema declares them and, for the summaries, which declare none, as
    /// their columns' names say ([`IMPLIED`]).
    fn references(&self, table: &str, declared: &[(String, String)]) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")
            .map_err(|e| self.err(e))?;
        let mut out: Vec<(String, String)> = stmt
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))?;
        // Only an integer column holds an id: `outlet_a` of the loaded
        // global pairs is a name.
        for (column, decl) in declared {
            if affinity(decl) != Some(Kind::Int) || out.iter().any(|(c, _)| c == column) {
                continue;
            }
            if let Some((target, _)) = IMPLIED.iter().find(|(_, names)| names.contains(&column.as_str())) {
                out.push((column.clone(), (*target).to_owned()));
            }
        }
        Ok(out)
    }

    /// The type each of a table's undeclared columns holds: text if any
    /// value is text, else bytes if any is, else real if any is real, else
    /// integer; text when all are NULL.
    fn kinds_of_values(&self, relation: &str, columns: &[&str]) -> Result<Vec<Kind>> {
        let tests: Vec<String> = columns
            .iter()
            .map(|c| {
                let c = quote_ident(c);
                format!(
                    "CASE WHEN max(typeof({c}) = 'text') THEN 't' WHEN max(typeof({c}) = 'blob') THEN 'b'
                          WHEN max(typeof({c}) = 'real') THEN 'r' WHEN max(typeof({c}) = 'integer') THEN 'i'
                          ELSE 't' END"
                )
            })
            .collect();
        let sql = format!("SELECT {} FROM {}", tests.join(", "), quote_ident(relation));
        self.conn
            .query_row(&sql, [], |r| {
                (0..columns.len())
                    .map(|i| {
                        Ok(match r.get::<_, String>(i)?.as_str() {
                            "b" => Kind::Blob,
                            "r" => Kind::Real,
                            "i" => Kind::Int,
                            _ => Kind::Text,
                        })
                    })
                    .collect()
            })
            .map_err(|e| self.err(e))
    }

    /// Runs `sql` and hands each row's values to `row`, in order; stops at
    /// the first error `row` returns.
    pub fn scan<E: From<super::Error>>(
        &self,
        sql: &str,
        mut row: impl FnMut(&[ValueRef<'_>]) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
        let n = stmt.column_count();
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let values = (0..n).map(|i| r.get_ref(i)).collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.err(e))?;
            row(&values)?;
        }
        Ok(())
    }
}

/// SQLite's type affinity of a declared type (its rules, section 3.1 of
/// "Datatypes In SQLite"); `None` when nothing is declared or the affinity
/// is NUMERIC, which keeps any type.
fn affinity(declared: &str) -> Option<Kind> {
    Some(if declared.is_empty() {
        return None;
    } else if declared.contains("INT") {
        Kind::Int
    } else if declared.contains("CHAR") || declared.contains("CLOB") || declared.contains("TEXT") {
        Kind::Text
    } else if declared.contains("BLOB") {
        Kind::Blob
    } else if declared.contains("REAL") || declared.contains("FLOA") || declared.contains("DOUB") {
        Kind::Real
    } else {
        // NUMERIC affinity: integers, reals or text, as each value came.
        return None;
    })
}

impl Archive {
    /// Opens `n` read-only connections to the existing, current archive at
    /// `path`, each inside a read transaction, all of the same commit: so
    /// that several threads can read it as of one moment while an import
    /// goes on. Writers are held off while the transactions begin (a write
    /// lock taken and released, nothing written). Where that lock cannot be
    /// had within ten seconds (a long import commit holds it, or the file
    /// is read-only), one connection is returned: one reader, one moment.
    pub fn open_snapshots(path: &Path, n: usize) -> Result<Vec<Archive>> {
        let hold = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .and_then(|c| {
                c.busy_timeout(std::time::Duration::from_secs(10))?;
                c.execute_batch("BEGIN IMMEDIATE")?;
                Ok(c)
            })
            .ok();
        let n = if hold.is_some() { n.max(1) } else { 1 };
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let a = Archive::open_read_only(path)?;
            // A page cache that holds the indexes the global keys are
            // looked up in; a deferred transaction takes its snapshot at
            // its first read.
            a.conn
                .execute_batch("PRAGMA cache_size = -32768; BEGIN; SELECT count(*) FROM sqlite_master;")
                .map_err(|e| a.err(e))?;
            out.push(a);
        }
        if let Some(hold) = hold {
            // Nothing was written: ending the hold cannot fail in a way
            // that matters to the readers.
            let _ = hold.execute_batch("ROLLBACK");
        }
        Ok(out)
    }

    /// The schema version the archive is at.
    pub fn schema_version(&self) -> Result<i64> {
        self.check_version()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_computed_report_column_has_its_type() {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open(&dir.path().join("a.db")).unwrap();
        let mut untyped = Vec::new();
        for relation in archive.shard_relations().unwrap() {
            if relation.name.starts_with("report_") {
                untyped.extend(
                    relation
                        .columns
                        .iter()
                        .filter(|c| c.kind.is_none())
                        .map(|c| (relation.name.clone(), c.name.clone())),
                );
            }
        }
        assert!(untyped.is_empty(), "report columns without a type in FIXED_TYPES: {untyped:?}");
        // Nor a table's column whose declared type fixes none (NUMERIC):
        // what one shard's rows hold must not decide its type.
        for relation in archive.shard_relations().unwrap().iter().filter(|r| !r.name.starts_with("report_")) {
            for (column, decl) in archive.declared_columns(&relation.name).unwrap() {
                let fixed = FIXED_TYPES.iter().any(|(t, c, _)| *t == relation.name && *c == column);
                assert!(affinity(&decl).is_some() || fixed, "{}.{column} ({decl}) has no fixed type", relation.name);
            }
        }
        // And the table lists nothing that is gone.
        for (view, column, _) in FIXED_TYPES {
            let r = archive.shard_relations().unwrap().into_iter().find(|r| r.name == *view);
            assert!(r.is_some_and(|r| r.columns.iter().any(|c| c.name == *column)), "{view}.{column} is gone");
        }
    }
}
