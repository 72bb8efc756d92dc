//! The links the Spark job (`spark/link.py`) computed across shards, read
//! back from its Parquet output for `newsarchive import-links`.

use super::{Error, Result};
pub use crate::report::Cell;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use std::path::{Path, PathBuf};

/// Reads the job's output `dir/name/` (the Parquet files Spark wrote
/// there, which it marks complete with `_SUCCESS`) and hands `row` the
/// values of `columns` of each row, in that order; returns how many rows
/// there were. A column whose name
/// ends in `?` may be NULL; a NULL in another is an error naming the file
/// and row.
pub fn read_links(dir: &Path, name: &str, columns: &[&str], mut row: impl FnMut(&[Cell]) -> Result<()>) -> Result<u64> {
    let out = dir.join(name);
    let bad = |path: &Path, message: String| Error::Links { path: path.display().to_string(), message };
    if !out.join("_SUCCESS").exists() {
        return Err(bad(
            &out,
            "no such finished output of the Spark job (spark/link.py writes it, and _SUCCESS when complete)".into(),
        ));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&out)
        .map_err(|source| Error::Io { path: out.display().to_string(), source })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "parquet"))
        .collect();
    files.sort();
    let mut rows = 0;
    let mut cells = Vec::with_capacity(columns.len());
    for file in &files {
        let open =
            std::fs::File::open(file).map_err(|source| Error::Io { path: file.display().to_string(), source })?;
        let parquet_err = |source| Error::Parquet { path: file.display().to_string(), source };
        let reader = SerializedFileReader::new(open).map_err(parquet_err)?;
        let schema = reader.metadata().file_metadata().schema_descr_ptr();
        let positions = columns
            .iter()
            .map(|c| {
                let c = c.trim_end_matches('?');
                schema
                    .columns()
                    .iter()
                    .position(|d| d.name() == c)
                    .ok_or_else(|| bad(file, format!("no column '{c}': is this the output of spark/link.py?")))
            })
            .collect::<Result<Vec<usize>>>()?;
        for (n, r) in reader.into_iter().enumerate() {
            let fields = r.map_err(parquet_err)?.into_columns();
            cells.clear();
            for (c, &p) in columns.iter().zip(&positions) {
                let cell = match fields.get(p).map(|(_, f)| f) {
                    None | Some(Field::Null) if c.ends_with('?') => Cell::Null,
                    None | Some(Field::Null) => {
                        return Err(bad(
                            file,
                            format!("row {}, column '{c}': NULL, which the job never writes", n + 1),
                        ));
                    }
                    Some(Field::Bool(b)) => Cell::Int(i64::from(*b)),
                    Some(Field::Int(i)) => Cell::Int(i64::from(*i)),
                    Some(Field::Long(i)) => Cell::Int(*i),
                    Some(Field::Float(x)) => Cell::Real(f64::from(*x)),
                    Some(Field::Double(x)) => Cell::Real(*x),
                    Some(Field::Str(s)) => Cell::Text(s.clone()),
                    Some(other) => {
                        return Err(bad(file, format!("row {}, column '{c}': unexpected value {other}", n + 1)));
                    }
                };
                cells.push(cell);
            }
            // What the archive refused (a duplicate outlet, say) is named
            // by the file and row it came from.
            row(&cells).map_err(|e| bad(file, format!("row {}: {e}", n + 1)))?;
            rows += 1;
        }
    }
    Ok(rows)
}
