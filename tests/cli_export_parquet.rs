//! `export --format parquet`: the archive as a shard other engines read.
//! The files are read back by pyarrow, DuckDB and pandas (spark/.venv, made by
//! `make spark-env`), not by the crate that wrote them.

mod common;
use common::Workdir;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The Python of spark/.venv, where `make spark-env` installs pyarrow, DuckDB and pandas.
fn python() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("spark/.venv/bin/python");
    assert!(p.exists(), "{} is missing: run `make spark-env` (make test does)", p.display());
    p
}

/// Reads every relation of the export at `dir` with pyarrow (as a Hive-
/// partitioned dataset), DuckDB and pandas, and says what each found.
const READ: &str = r#"
import json, sys, pathlib
import pyarrow.dataset as ds, pyarrow.parquet as pq, duckdb, pandas
root = pathlib.Path(sys.argv[1])
manifest = json.loads((root / "_newsarchive.json").read_text())
out = {}
for r in manifest["relations"]:
    d = ds.dataset(root / r["name"], format="parquet", partitioning="hive")
    files = sorted((root / r["name"]).rglob("*.parquet"))
    codecs = sorted({pq.ParquetFile(f).metadata.row_group(g).column(c).compression
                     for f in files for g in range(pq.ParquetFile(f).metadata.num_row_groups)
                     for c in range(pq.ParquetFile(f).metadata.num_columns)})
    glob = str(root / r["name"] / ("*/*.parquet" if r["partitioned"] else "*.parquet"))
    n_duck = duckdb.sql(f"SELECT count(*) FROM read_parquet('{glob}', hive_partitioning = true)").fetchall()[0][0]
    n_pandas = len(pandas.read_parquet(root / r["name"]))
    out[r["name"]] = {"pyarrow_rows": d.count_rows(), "duckdb_rows": n_duck, "pandas_rows": n_pandas,
                      "schema": {f.name: str(f.type) for f in d.schema}, "codecs": codecs}
print(json.dumps(out))
"#;

fn read_back(dir: &Path) -> Value {
    let out = Command::new(python()).arg("-c").arg(READ).arg(dir).output().unwrap();
    assert!(out.status.success(), "reading the export: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("_newsarchive.json")).unwrap()).unwrap()
}

#[test]
fn every_table_and_report_reads_back_with_its_rows_and_schema() {
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    let dir = w.path().join("shard");
    w.stdout(&["--quiet", "export", "--format", "parquet", "--dir", "shard"]);
    let m = manifest(&dir);
    let read = read_back(&dir);
    let relations = m["relations"].as_array().unwrap();
    let names: Vec<&str> = relations.iter().map(|r| r["name"].as_str().unwrap()).collect();
    for must in ["articles", "quotes", "quote_units", "quote_wordings", "outlets", "claims", "sources", "wording_keys"]
    {
        assert!(names.contains(&must), "{must} exported: {names:?}");
    }
    let reports = w.column("SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'report\\_%' ESCAPE '\\'");
    for r in &reports {
        assert!(names.contains(&r.as_str()), "report {r} exported");
    }
    assert!(!names.iter().any(|n| n.contains("_fts")), "full-text indexes are rebuilt, not exported: {names:?}");
    for r in relations {
        let name = r["name"].as_str().unwrap();
        let sqlite: i64 = w.conn().query_row(&format!("SELECT count(*) FROM \"{name}\""), [], |r| r.get(0)).unwrap();
        assert_eq!(r["rows"], sqlite, "{name}: manifest rows");
        assert_eq!(read[name]["pyarrow_rows"], sqlite, "{name}: rows read by pyarrow");
        assert_eq!(read[name]["duckdb_rows"], sqlite, "{name}: rows read by DuckDB");
        assert_eq!(read[name]["pandas_rows"], sqlite, "{name}: rows read by pandas");
        // The schema read back is the one written.
        let schema = read[name]["schema"].as_object().unwrap();
        for c in r["columns"].as_array().unwrap() {
            let expected = match c["type"].as_str().unwrap() {
                "int64" => "int64",
                "double" => "double",
                "string" => "string",
                _ => "binary",
            };
            assert_eq!(schema[c["name"].as_str().unwrap()], expected, "{name}.{}", c["name"]);
        }
        let codecs: Vec<&str> = read[name]["codecs"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        if name == "sources" {
            // The sources' bytes are zstd already; the other columns are not.
            assert_eq!(codecs, ["UNCOMPRESSED", "ZSTD"], "{name}");
        } else if sqlite > 0 {
            assert_eq!(codecs, ["ZSTD"], "{name}");
        }
    }
    // Partitioned by month of publication, Hive-style; undated articles
    // have a partition of their own.
    let months: Vec<String> = std::fs::read_dir(dir.join("quotes"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let dated =
        w.column("SELECT DISTINCT substr(published_at, 1, 7) FROM articles WHERE published_at IS NOT NULL ORDER BY 1");
    for m in &dated {
        assert!(months.contains(&format!("published_month={m}")), "{m} in {months:?}");
    }
    assert!(months.contains(&"published_month=undated".to_owned()), "{months:?}");
    let quotes = &read["quotes"]["schema"];
    assert_eq!(quotes["published_month"], "string");
    // Global identifiers beside the local ones.
    for (relation, column) in [
        ("quotes", "quote_key"),
        ("quotes", "article_sha256"),
        ("quotes", "speaker"),
        ("articles", "outlet"),
        ("quote_units", "wording_normalized"),
        ("quote_units", "quote_key"),
        ("wording_keys", "wording_normalized"),
        ("outlet_stats", "outlet"),
    ] {
        assert_eq!(read[relation]["schema"][column], "string", "{relation}.{column}");
    }
}

#[test]
fn global_keys_name_the_same_rows_as_the_local_ids() {
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    w.stdout(&["--quiet", "export", "--format", "parquet", "--dir", "shard"]);
    let script = r#"
import sys, duckdb
d = sys.argv[1]
rows = duckdb.sql(f"""
    SELECT q.quote_key, q.article_sha256, q.start, q.region, q.speaker, a.outlet
    FROM read_parquet('{d}/quotes/*/*.parquet', hive_partitioning = true) q
    JOIN read_parquet('{d}/articles/*/*.parquet', hive_partitioning = true) a ON a.content_sha256 = q.article_sha256
    ORDER BY q.id""").fetchall()
for r in rows:
    print("\t".join("" if v is None else str(v) for v in r))
"#;
    let out = Command::new(python()).arg("-c").arg(script).arg(w.path().join("shard")).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let from_parquet = String::from_utf8(out.stdout).unwrap();
    let from_sqlite = w
        .column(
            "SELECT a.content_sha256 || ':' || q.region || ':' || q.start || char(9) || a.content_sha256 || char(9) ||
                    q.start || char(9) || q.region || char(9) || coalesce(s.name, '') || char(9) || o.name
             FROM quotes q JOIN articles a ON a.id = q.article_id JOIN outlets o ON o.id = a.outlet_id
             LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY q.id",
        )
        .join("\n");
    assert!(!from_sqlite.is_empty());
    assert_eq!(from_parquet.trim_end(), from_sqlite);
}

#[test]
fn a_value_parquet_cannot_type_is_named_and_the_last_export_stays() {
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    w.stdout(&["--quiet", "export", "--format", "parquet", "--dir", "shard"]);
    let before = manifest(&w.path().join("shard"));
    // SQLite keeps text in an INTEGER column; Parquet's int64 cannot.
    w.conn().execute("UPDATE articles SET word_count = 'many' WHERE id = 2", []).unwrap();
    let out = w.cmd().args(["export", "--format", "parquet", "--dir", "shard"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("articles") && err.contains("word_count") && err.contains("'many'"), "{err}");
    assert!(err.contains("row "), "{err}");
    // Nothing half-written: the earlier export is as it was, no staging left.
    assert_eq!(manifest(&w.path().join("shard")), before);
    let left: Vec<String> = std::fs::read_dir(w.path().join("shard"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(
        read_back(&w.path().join("shard"))["articles"]["pyarrow_rows"],
        before["relations"].as_array().unwrap().iter().find(|r| r["name"] == "articles").unwrap()["rows"]
    );
}

#[test]
fn export_needs_an_archive_and_says_so() {
    let w = Workdir::new();
    let out = w.cmd().args(["export", "--format", "parquet", "--dir", "shard"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no archive here"), "{err}");
    assert!(!w.path().join("shard").exists());
}

#[test]
fn a_directory_of_ones_own_is_never_written_over() {
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    // A folder that happens to hold a `sources` directory, as a newsroom's might.
    w.write("notes/sources/contacts.txt", "not the archive's");
    let out = w.cmd().args(["export", "--format", "parquet", "--dir", "notes"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("notes") && err.contains("not empty"), "{err}");
    assert_eq!(std::fs::read_to_string(w.path().join("notes/sources/contacts.txt")).unwrap(), "not the archive's");
    // An earlier export is replaced; an empty directory is written into.
    std::fs::create_dir(w.path().join("empty")).unwrap();
    for dir in ["empty", "empty"] {
        w.stdout(&["--quiet", "export", "--format", "parquet", "--dir", dir]);
    }
    assert!(w.path().join("empty/_newsarchive.json").exists());
}
