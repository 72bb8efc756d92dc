//! `newsarchive check`: whether an archive is sound — SQLite's own checks,
//! then the promises newsarchive makes about its rows — and what it holds.

use super::{Archive, Result, latest_version, quote_ident};
use rusqlite::functions::FunctionFlags;

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// As it should be.
    Ok,
    /// Not damage, but something to do (link, migrate, re-run an import).
    Note,
    /// The archive is damaged or inconsistent.
    Failed,
}

impl Status {
    /// The word printed for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Note => "note",
            Status::Failed => "FAILED",
        }
    }
}

/// One line of the check: what was checked, how it came out, how many
/// rows are concerned, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What was checked ("integrity", "rows in articles").
    pub check: String,
    /// Its outcome.
    pub status: Status,
    /// The number of problems found, or of rows for a row count.
    pub count: Option<i64>,
    /// Explanation, or what to do.
    pub detail: String,
}

impl Finding {
    fn new(check: &str, status: Status, count: Option<i64>, detail: impl Into<String>) -> Self {
        Finding { check: check.to_owned(), status, count, detail: detail.into() }
    }

    /// Ok when `count` is zero, else `bad` with `detail`.
    fn zero(check: &str, count: i64, bad: Status, detail: &str) -> Self {
        if count == 0 {
            Finding::new(check, Status::Ok, Some(0), "")
        } else {
            Finding::new(check, bad, Some(count), detail)
        }
    }
}

/// Rows that break a promise the archive makes, each as a count query.
/// Only run on an archive at the current schema version.
const INVARIANTS: &[(&str, &str, &str)] = &[
    (
        "articles have their source",
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id)",
        "articles without the bytes they were imported from",
    ),
    (
        "quote offsets",
        "SELECT count(*) FROM (
             SELECT q.start, q.\"end\", q.text,
                    CASE q.region WHEN 'body' THEN a.body WHEN 'boilerplate' THEN a.boilerplate
                                  ELSE coalesce(a.title, '') END AS region_text
             FROM quotes q JOIN articles a ON a.id = q.article_id)
         WHERE \"end\" > length(region_text)
            OR NOT same_quoted_words(substr(region_text, start + 1, \"end\" - start), text)",
        "quotations whose offsets do not cover their text",
    ),
    (
        "quote units",
        "SELECT count(*) FROM quote_units u JOIN quotes q ON q.id = u.quote_id WHERE u.article_id <> q.article_id",
        "sentence units filed under another article than their quotation",
    ),
    (
        "claim offsets",
        "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id
         WHERE c.\"end\" > length(a.body) OR NOT same_words(substr(a.body, c.start + 1, c.\"end\" - c.start), c.text)",
        "claims whose offsets do not give their sentence back",
    ),
    (
        "claim facts",
        "SELECT count(*) FROM claim_facts f JOIN claims c ON c.id = f.claim_id JOIN articles a ON a.id = c.article_id
         WHERE f.start < c.start OR f.\"end\" > c.\"end\"
            OR NOT same_words(substr(a.body, f.start + 1, f.\"end\" - f.start), f.text)",
        "facts whose offsets fall outside their claim or do not give the figure back",
    ),
    (
        "claim differences",
        "SELECT count(*) FROM claim_pairs p
         JOIN claim_facts fa ON fa.id = p.fact_a JOIN claims ca ON ca.id = fa.claim_id
         JOIN claim_facts fb ON fb.id = p.fact_b JOIN claims cb ON cb.id = fb.claim_id
         WHERE ca.article_id = cb.article_id OR fa.kind <> fb.kind",
        "conflicts or roundings within one article, or between facts of different kinds",
    ),
    (
        "transcript turns",
        "SELECT count(*) FROM transcript_turns t JOIN transcripts r ON r.id = t.transcript_id
         WHERE t.start < 0 OR t.\"end\" < t.start OR t.\"end\" > length(r.text)",
        "turns whose offsets fall outside their record's text",
    ),
    (
        "fidelity alignments",
        "SELECT count(*) FROM quote_fidelity f
         LEFT JOIN transcript_turns t ON t.id = f.turn_id
         WHERE (f.class IN ('translated', 'not_in_record')) <> (f.turn_id IS NULL)
            OR t.transcript_id <> f.transcript_id
            OR f.start < t.start OR f.\"end\" > t.\"end\" OR f.\"end\" <= f.start",
        "verdicts whose record words are not inside a turn of the record they were checked against",
    ),
    (
        "fidelity passages",
        "SELECT count(*) FROM fidelity_passages p JOIN quote_fidelity f ON f.quote_id = p.quote_id
         JOIN transcript_turns t ON t.id = p.turn_id
         WHERE t.transcript_id <> f.transcript_id OR p.start < t.start OR p.\"end\" > t.\"end\"",
        "passages outside a turn of the record their quotation was checked against",
    ),
    (
        "fidelity outlets",
        "SELECT count(*) FROM quote_fidelity f JOIN quotes q ON q.id = f.quote_id JOIN articles a ON a.id = q.article_id
         WHERE f.outlet_id IS NOT a.outlet_id",
        "verdicts filed under another outlet than their article's",
    ),
    (
        "fidelity summary",
        "WITH counted AS (
             SELECT outlet_id, sum(class = 'verbatim'), sum(class = 'trimmed'), sum(class = 'altered'),
                    sum(class = 'stitched'), sum(class = 'misattributed'), sum(class = 'not_in_record'),
                    sum(class = 'translated')
             FROM quote_fidelity WHERE outlet_id IS NOT NULL GROUP BY outlet_id)
         SELECT (SELECT count(*) FROM (SELECT * FROM counted EXCEPT SELECT * FROM fidelity_outlet_stats))
              + (SELECT count(*) FROM (SELECT * FROM fidelity_outlet_stats EXCEPT SELECT * FROM counted))",
        "outlets whose line in fidelity_outlet_stats differs from their verdicts (edited with SQL? \
         `newsarchive link --rebuild` recounts it)",
    ),
    (
        "article search index",
        "SELECT (SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id))
              + (SELECT count(*) FROM articles_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.id))",
        "articles missing from the full-text index, or indexed but gone",
    ),
    (
        "quote search index",
        "SELECT (SELECT count(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM quotes_fts_docsize d WHERE d.id = q.id))
              + (SELECT count(*) FROM quotes_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.id = d.id))",
        "quotations missing from the full-text index, or indexed but gone",
    ),
];

/// Whether a claim's or a fact's stored text is the span its offsets
/// cover, runs of whitespace set aside (a sentence is stored with them
/// collapsed).
fn same_words(span: &str, text: &str) -> bool {
    span.split_whitespace().eq(text.split_whitespace())
}

/// Whether a quotation's stored text is the span its offsets cover, up to
/// what extraction is documented to change: runs of whitespace collapse,
/// and the quotation marks that reopen each paragraph of a long quotation
/// are dropped. Deliberately independent of the extractor's code, so that
/// the check does not share its mistakes.
fn same_quoted_words(span: &str, text: &str) -> bool {
    const MARKS: &[char] = &[
        '"', '\'', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{201E}', '\u{201A}', '\u{00AB}', '\u{00BB}',
        '\u{2039}', '\u{203A}', '\u{300C}', '\u{300D}', '\u{300E}', '\u{300F}', '\u{FF02}', '\u{201F}', '\u{201B}',
    ];
    let kept = |s: &str| s.chars().filter(|c| !c.is_whitespace() && !MARKS.contains(c)).collect::<Vec<char>>();
    kept(span) == kept(text)
}

impl Archive {
    /// Checks the archive (opened with [`Archive::open_read_only_any`] at
    /// schema `version`) and counts its rows. Reads only.
    pub fn check(&self, version: i64) -> Result<Vec<Finding>> {
        type Same = fn(&str, &str) -> bool;
        let comparisons: [(&str, Same); 2] = [("same_quoted_words", same_quoted_words), ("same_words", same_words)];
        for (name, same) in comparisons {
            self.conn
                .create_scalar_function(
                    name,
                    2,
                    FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
                    move |ctx| Ok(same(&ctx.get::<String>(0)?, &ctx.get::<String>(1)?)),
                )
                .map_err(|e| self.err(e))?;
        }
        let mut out = Vec::new();
        let known = latest_version();
        out.push(if version == known {
            Finding::new("schema version", Status::Ok, Some(version), "")
        } else if version == 0 {
            Finding::new(
                "schema version",
                Status::Note,
                Some(0),
                "an empty archive: nothing was ever committed to it; the next import creates its tables",
            )
        } else {
            Finding::new(
                "schema version",
                Status::Note,
                Some(version),
                format!("this newsarchive upgrades it to version {known} when it next writes (`newsarchive migrate`)"),
            )
        });

        let problems: Vec<String> = self.names("PRAGMA integrity_check")?;
        out.push(if problems == ["ok"] {
            Finding::new("integrity", Status::Ok, Some(0), "")
        } else {
            let shown: Vec<&str> = problems.iter().take(3).map(String::as_str).collect();
            Finding::new("integrity", Status::Failed, Some(problems.len() as i64), shown.join("; "))
        });

        let broken: Vec<String> =
            self.names("SELECT \"table\" || ' row ' || rowid || ' → ' || parent FROM pragma_foreign_key_check")?;
        out.push(if broken.is_empty() {
            Finding::new("foreign keys", Status::Ok, Some(0), "")
        } else {
            let shown: Vec<&str> = broken.iter().take(3).map(String::as_str).collect();
            Finding::new(
                "foreign keys",
                Status::Failed,
                Some(broken.len() as i64),
                format!("rows pointing at rows that are gone: {}", shown.join("; ")),
            )
        });

        if version == known {
            for (check, sql, detail) in INVARIANTS {
                out.push(Finding::zero(check, self.count(sql)?, Status::Failed, detail));
            }
            let unlinked = self.count(
                "SELECT (SELECT count(*) FROM articles WHERE linked = 0 OR claims_pending = 1)
                      + (SELECT count(*) FROM quote_wordings WHERE cluster_id IS NULL)
                      + (SELECT count(*) FROM claims WHERE id > (SELECT upto FROM claims_linked))
                      + (SELECT count(*) FROM summary_stale)",
            )?;
            out.push(Finding::zero(
                "linking",
                unlinked,
                Status::Note,
                "articles, wordings, claims or report summaries not linked yet (an import was interrupted or is \
                 running, or the archive was made by an earlier version): `newsarchive link` finishes them",
            ));
        }

        if version > 0 {
            let unfinished = self.count("SELECT count(*) FROM import_runs WHERE finished_at IS NULL")?;
            out.push(Finding::zero(
                "import runs",
                unfinished,
                Status::Note,
                "runs that did not finish (interrupted, or running now); every article they stored is whole, \
                 and running the same import again adds the rest",
            ));
        }

        for table in self.names(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
               AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT GLOB '*_fts_*' ORDER BY name",
        )? {
            let rows = self.count(&format!("SELECT count(*) FROM {}", quote_ident(&table)))?;
            out.push(Finding::new(&format!("rows in {table}"), Status::Ok, Some(rows), ""));
        }
        Ok(out)
    }

    fn count(&self, sql: &str) -> Result<i64> {
        self.conn.query_row(sql, [], |r| r.get(0)).map_err(|e| self.err(e))
    }
}
