//! A fresh directory, the real binary, a real archive: the harness every
//! integration test uses.
#![allow(dead_code)]

use assert_cmd::Command;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// A temporary working directory with an archive path inside it.
pub struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    pub fn new() -> Self {
        Workdir { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> PathBuf {
        self.path().join("test.db")
    }

    /// The binary, run in this directory against this directory's archive.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("newsarchive").expect("binary built");
        c.current_dir(self.path()).env_remove("NEWSARCHIVE_DB").arg("--db").arg(self.db());
        c
    }

    /// Runs the binary with `args`, expects success, returns stdout.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "newsarchive {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// A read connection to the archive.
    pub fn conn(&self) -> Connection {
        Connection::open(self.db()).expect("archive opens")
    }

    /// First column of every row of `sql`, as text.
    pub fn column(&self, sql: &str) -> Vec<String> {
        column_of(&self.conn(), sql)
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    /// Row counts of the archive's main tables, to compare before and after.
    pub fn counts(&self) -> Vec<(String, i64)> {
        ["outlets", "articles", "sources", "speakers", "quotes", "quote_units", "quote_clusters", "claims"]
            .iter()
            .map(|t| (t.to_string(), self.count(&format!("SELECT count(*) FROM {t}"))))
            .collect()
    }
}

/// Parses CSV text into a header and rows.
pub fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r.records().map(|rec| rec.unwrap().iter().map(str::to_owned).collect()).collect();
    (header, rows)
}

/// The seed documents of this repository.
pub fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seed")
}

/// First column of every row of `sql` on `conn`, as text (NULL as "").
pub fn column_of(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get::<_, rusqlite::types::Value>(0))
        .unwrap()
        .map(|v| match v.unwrap() {
            rusqlite::types::Value::Null => String::new(),
            rusqlite::types::Value::Integer(i) => i.to_string(),
            rusqlite::types::Value::Real(f) => f.to_string(),
            rusqlite::types::Value::Text(t) => t,
            rusqlite::types::Value::Blob(b) => format!("<{} bytes>", b.len()),
        })
        .collect()
}

/// The column names of a table or view.
pub fn columns_of(conn: &Connection, relation: &str) -> Vec<String> {
    column_of(conn, &format!("SELECT name FROM pragma_table_info('{relation}')"))
}
