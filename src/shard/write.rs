//! Parquet files of an archive's tables and reports, written a row group at
//! a time so memory stays bounded whatever the archive's size.

use super::{Error, Result};
use crate::store::{Archive, Kind, PARTITION_COLUMN, Relation};
use parquet::basic::{Compression, LogicalType, Repetition, Type as PhysicalType, ZstdLevel};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::{WriterProperties, WriterVersion};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::{ColumnPath, Type};
use rusqlite::types::{Value, ValueRef};
use std::collections::HashMap;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The partition of undated articles. Not Hive's NULL partition
/// (`__HIVE_DEFAULT_PARTITION__`): pandas cannot yet read a partition
/// column holding NULLs (pyarrow 26: "Cannot yet unify dictionaries with
/// nulls"), and a name says what these articles are.
const UNDATED: &str = "undated";

/// How the files are cut and compressed.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// A row group ends after this many rows...
    pub row_group_rows: usize,
    /// ...or once its values take this many bytes, whichever comes first;
    /// this bounds what is held in memory.
    pub row_group_bytes: usize,
    /// zstd level of every column but the binary ones (the sources,
    /// compressed already, and the sentence vectors), stored as they are.
    pub zstd_level: i32,
}

impl Default for Options {
    fn default() -> Self {
        Options { row_group_rows: 128 * 1024, row_group_bytes: 32 << 20, zstd_level: 3 }
    }
}

/// One relation as written.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Exported {
    /// The table's or report's name, which is also its directory.
    pub name: String,
    /// Rows written.
    pub rows: u64,
    /// Parquet files written.
    pub files: usize,
    /// Whether its files are partitioned by publication month.
    pub partitioned: bool,
    /// Its columns, the partition column aside.
    pub columns: Vec<ExportedColumn>,
}

/// A column as written.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportedColumn {
    /// Its name.
    pub name: String,
    /// `int64`, `double`, `string` (UTF-8) or `binary`.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// What `_newsarchive.json` says of an export: which archive, at which
/// schema version, and each relation's rows, so that a reader can check
/// it read everything.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Manifest {
    /// Always `newsarchive-shard`.
    pub format: &'static str,
    /// The archive's schema version.
    pub schema_version: i64,
    /// When the export was made (UTC, RFC 3339).
    pub exported_at: String,
    /// The archive's path as given.
    pub archive: String,
    /// Every relation written.
    pub relations: Vec<Exported>,
}

/// Writes every table and report of the archive at `db` into `dir` as
/// Parquet, one directory per relation
/// (`dir/quotes/published_month=2024-02/part-00000.parquet`), and
/// `dir/_newsarchive.json`. Two threads read the archive, each through
/// its own connection, both of one commit. Everything is written under a
/// staging directory first and moved into place at the end, so a failed
/// export leaves `dir` as it was. `done` is told each relation's name as
/// it is written, and how many there are.
pub fn write_shard(db: &Path, dir: &Path, options: Options, done: impl Fn(&str, usize) + Sync) -> Result<Manifest> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| Error::Io { path, source }
    };
    refuse_foreign(dir)?;
    let readers = Archive::open_snapshots(db, 2)?;
    let relations = readers[0].shard_relations()?;
    let schema_version = readers[0].schema_version()?;
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let staging = dir.join(format!(".export-{}.partial", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
    }
    std::fs::create_dir(&staging).map_err(io(&staging))?;
    // Views first: the reports that take longest to compute start while
    // the tables keep the other reader busy.
    let mut queue: Vec<usize> = (0..relations.len()).collect();
    queue.sort_by_key(|&i| (!relations[i].name.starts_with("report_"), i));
    queue.reverse();
    let queue = std::sync::Mutex::new(queue);
    let written = std::thread::scope(|scope| {
        let workers: Vec<_> = readers
            .into_iter()
            .map(|reader| {
                let (queue, relations, staging, done) = (&queue, &relations, &staging, &done);
                scope.spawn(move || -> Result<Vec<(usize, Exported)>> {
                    let mut out = Vec::new();
                    loop {
                        let Some(i) = queue.lock().map_or(None, |mut q| q.pop()) else { return Ok(out) };
                        let relation = &relations[i];
                        let exported = write_relation(&reader, relation, &staging.join(&relation.name), options);
                        if exported.is_err() {
                            // The other reader stops at its next relation.
                            if let Ok(mut q) = queue.lock() {
                                q.clear();
                            }
                        }
                        out.push((i, exported?));
                        done(&relation.name, relations.len());
                    }
                })
            })
            .collect();
        let mut all = Vec::new();
        for worker in workers {
            let exported = worker.join().unwrap_or_else(|_| {
                Err(Error::Io { path: staging.display().to_string(), source: std::io::Error::other("a reader failed") })
            })?;
            all.extend(exported);
        }
        all.sort_by_key(|(i, _)| *i);
        Ok::<_, Error>(Manifest {
            format: "newsarchive-shard",
            schema_version,
            exported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            archive: db.display().to_string(),
            relations: all.into_iter().map(|(_, e)| e).collect(),
        })
    });
    let manifest = match written {
        Ok(m) => m,
        Err(e) => {
            // What was staged is incomplete; the error is what matters.
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    let manifest_path = staging.join("_newsarchive.json");
    let json = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| Error::Io { path: manifest_path.display().to_string(), source: std::io::Error::other(e) })?;
    std::fs::write(&manifest_path, json).map_err(io(&manifest_path))?;
    for relation in &manifest.relations {
        replace(&staging.join(&relation.name), &dir.join(&relation.name))?;
    }
    replace(&manifest_path, &dir.join("_newsarchive.json"))?;
    std::fs::remove_dir(&staging).map_err(io(&staging))?;
    Ok(manifest)
}

/// Refuses to write into a directory that holds something other than an
/// earlier export: the export replaces directories named like its tables
/// (`sources`, `articles`), which a folder of one's own may hold too.
fn refuse_foreign(dir: &Path) -> Result<()> {
    let Ok(mut entries) = std::fs::read_dir(dir) else { return Ok(()) };
    if entries.next().is_none() {
        return Ok(());
    }
    let ours = std::fs::read_to_string(dir.join("_newsarchive.json"))
        .ok()
        .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
        .is_some_and(|m| m["format"] == "newsarchive-shard");
    if ours {
        return Ok(());
    }
    Err(Error::Io {
        path: dir.display().to_string(),
        source: std::io::Error::other(
            "not empty, and not an earlier export (no _newsarchive.json): give a new or empty directory",
        ),
    })
}

/// Moves `from` to `to`, replacing what `to` held.
fn replace(from: &Path, to: &Path) -> Result<()> {
    let io = |source| Error::Io { path: to.display().to_string(), source };
    if to.is_dir() {
        std::fs::remove_dir_all(to).map_err(io)?;
    }
    std::fs::rename(from, to).map_err(io)
}

/// The values of a row group being gathered, one buffer per column.
enum Values {
    Int(Vec<i64>),
    Real(Vec<f64>),
    Bytes(Vec<ByteArray>),
    /// A view's computed column before its first row group decides its type.
    Any(Vec<Value>),
}

struct Buffer {
    values: Values,
    /// Whether the bytes are text, which must be UTF-8.
    text: bool,
    /// 1 where the row has a value, 0 where it is NULL.
    defined: Vec<i16>,
}

/// What the gathering thread hands the encoding thread.
enum Job {
    /// Start a file.
    Open { path: PathBuf, schema: Arc<Type>, properties: Arc<WriterProperties> },
    /// Write a row group to it.
    Group(Vec<Buffer>),
    /// Finish it.
    Close,
}

/// One relation's files: the row group being gathered, and where it goes.
struct RelationWriter<'a> {
    relation: &'a Relation,
    dir: PathBuf,
    options: Options,
    /// The columns' types, once known.
    kinds: Vec<Option<Kind>>,
    schema: Option<(Arc<Type>, Arc<WriterProperties>)>,
    buffers: Vec<Buffer>,
    buffered_rows: usize,
    buffered_bytes: usize,
    /// The partition of the rows gathered, and whether a file is open.
    partition: Option<String>,
    open: bool,
    /// Files made so far per partition, to number the next one.
    parts: HashMap<Option<String>, usize>,
    files: usize,
    encoder: std::sync::mpsc::SyncSender<Job>,
}

/// Reads the relation's rows on this thread while another encodes and
/// compresses the row groups already gathered: the two take about as long.
fn write_relation(archive: &Archive, relation: &Relation, dir: &Path, options: Options) -> Result<Exported> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.display().to_string(), source })?;
    // Rendezvous: at most one row group waits while one is encoded.
    let (send, receive) = std::sync::mpsc::sync_channel::<Job>(0);
    std::thread::scope(|scope| {
        let encoder = scope.spawn(move || encode(receive));
        let gathered = gather(archive, relation, dir, options, send);
        let encoded = encoder.join().unwrap_or_else(|_| {
            Err(Error::Io { path: dir.display().to_string(), source: std::io::Error::other("the encoder failed") })
        });
        // The encoder's error explains why the gatherer could not send.
        let exported = gathered;
        encoded?;
        exported
    })
}

fn gather(
    archive: &Archive,
    relation: &Relation,
    dir: &Path,
    options: Options,
    encoder: std::sync::mpsc::SyncSender<Job>,
) -> Result<Exported> {
    let mut w = RelationWriter::new(relation, dir, options, encoder);
    let mut rows: u64 = 0;
    archive.scan(&relation.sql, |values: &[ValueRef<'_>]| -> Result<()> {
        rows += 1;
        if relation.partitioned {
            let month = match values[relation.columns.len()] {
                ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
                _ => None,
            };
            if rows == 1 || w.partition != month {
                w.close_file()?;
                w.partition = month;
            }
        }
        w.push(&values[..relation.columns.len()], rows)
    })?;
    if w.files == 0 && !w.open {
        // An empty relation still gets a file, so that readers find its
        // schema (Spark refuses a directory without one).
        w.open_file()?;
    }
    w.close_file()?;
    Ok(Exported {
        name: relation.name.clone(),
        rows,
        files: w.files,
        partitioned: relation.partitioned,
        columns: relation
            .columns
            .iter()
            .zip(&w.kinds)
            .map(|(c, k)| ExportedColumn { name: c.name.clone(), kind: type_name(k.unwrap_or(Kind::Text)) })
            .collect(),
    })
}

/// The encoding thread: writes what it is handed, and stops at the first
/// error; the gathering thread's next hand-over then fails, so it stops
/// reading at once instead of reading the rest of the relation.
fn encode(jobs: std::sync::mpsc::Receiver<Job>) -> Result<()> {
    let mut file: Option<(PathBuf, SerializedFileWriter<BufWriter<File>>)> = None;
    for job in jobs {
        match job {
            Job::Open { path, schema, properties } => File::create(&path)
                .map_err(|source| Error::Io { path: path.display().to_string(), source })
                .and_then(|f| {
                    SerializedFileWriter::new(BufWriter::with_capacity(1 << 20, f), schema, properties)
                        .map_err(|source| Error::Parquet { path: path.display().to_string(), source })
                })
                .map(|w| file = Some((path, w))),
            Job::Group(buffers) => {
                // The gatherer opens a file before its first group.
                let (path, writer) = file.as_mut().ok_or_else(|| Error::Io {
                    path: String::new(),
                    source: std::io::Error::other("a row group came before its file"),
                })?;
                write_group(writer, &buffers)
                    .map_err(|source| Error::Parquet { path: path.display().to_string(), source })
            }
            Job::Close => match file.take() {
                Some((path, writer)) => writer
                    .into_inner()
                    .map_err(|source| Error::Parquet { path: path.display().to_string(), source })
                    .and_then(|mut inner| {
                        std::io::Write::flush(&mut inner)
                            .map_err(|source| Error::Io { path: path.display().to_string(), source })
                    }),
                None => Ok(()),
            },
        }?;
    }
    Ok(())
}

fn write_group(writer: &mut SerializedFileWriter<BufWriter<File>>, buffers: &[Buffer]) -> parquet::errors::Result<()> {
    let mut group = writer.next_row_group()?;
    for buffer in buffers {
        let Some(mut column) = group.next_column()? else { break };
        let defined = Some(buffer.defined.as_slice());
        match &buffer.values {
            Values::Int(v) => column.typed::<Int64Type>().write_batch(v, defined, None)?,
            Values::Real(v) => column.typed::<DoubleType>().write_batch(v, defined, None)?,
            Values::Bytes(v) => column.typed::<ByteArrayType>().write_batch(v, defined, None)?,
            // Typed before the first group is sent (RelationWriter::schema).
            Values::Any(_) => {
                return Err(parquet::errors::ParquetError::General("a column was not typed before writing".into()));
            }
        };
        column.close()?;
    }
    group.close()?;
    Ok(())
}

fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Int => "int64",
        Kind::Real => "double",
        Kind::Text => "string",
        Kind::Blob => "binary",
    }
}

impl<'a> RelationWriter<'a> {
    fn new(relation: &'a Relation, dir: &Path, options: Options, encoder: std::sync::mpsc::SyncSender<Job>) -> Self {
        let kinds: Vec<Option<Kind>> = relation.columns.iter().map(|c| c.kind).collect();
        let buffers = kinds.iter().map(|k| Buffer::new(*k)).collect();
        RelationWriter {
            relation,
            dir: dir.to_owned(),
            options,
            kinds,
            schema: None,
            buffers,
            buffered_rows: 0,
            buffered_bytes: 0,
            partition: None,
            open: false,
            parts: HashMap::new(),
            files: 0,
            encoder,
        }
    }

    fn send(&self, job: Job) -> Result<()> {
        // A closed channel means the encoder stopped on an error, which
        // write_relation reports.
        self.encoder.send(job).map_err(|_| Error::Io {
            path: self.dir.display().to_string(),
            source: std::io::Error::other("the encoder stopped"),
        })
    }

    /// The schema, fixed by the first row group: a view's computed column
    /// takes the type of the values gathered (text if any is text, else
    /// bytes, else real if any is real, else integer; text if all are NULL).
    fn schema(&mut self) -> Result<(Arc<Type>, Arc<WriterProperties>)> {
        if let Some(s) = &self.schema {
            return Ok(s.clone());
        }
        for (i, buffer) in self.buffers.iter_mut().enumerate() {
            if let Values::Any(values) = &mut buffer.values {
                let kind = held(values);
                let any = std::mem::take(values);
                *buffer = Buffer::new(Some(kind));
                for (row, v) in any.iter().enumerate() {
                    buffer.push(ValueRef::from(v)).map_err(|found| Error::Value {
                        relation: self.relation.name.clone(),
                        row: row as u64 + 1,
                        column: self.relation.columns[i].name.clone(),
                        found,
                        expected: type_name(kind),
                    })?;
                }
                self.kinds[i] = Some(kind);
            }
        }
        let path = self.dir.display().to_string();
        let parquet_err = |source| Error::Parquet { path: path.clone(), source };
        let fields = self
            .relation
            .columns
            .iter()
            .zip(&self.kinds)
            .map(|(c, kind)| {
                let (physical, logical) = match kind.unwrap_or(Kind::Text) {
                    Kind::Int => (PhysicalType::INT64, None),
                    Kind::Real => (PhysicalType::DOUBLE, None),
                    Kind::Text => (PhysicalType::BYTE_ARRAY, Some(LogicalType::String)),
                    Kind::Blob => (PhysicalType::BYTE_ARRAY, None),
                };
                Type::primitive_type_builder(&c.name, physical)
                    .with_repetition(Repetition::OPTIONAL)
                    .with_logical_type(logical)
                    .build()
                    .map(Arc::new)
            })
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(parquet_err)?;
        let schema = Arc::new(Type::group_type_builder("schema").with_fields(fields).build().map_err(parquet_err)?);
        let level = ZstdLevel::try_new(self.options.zstd_level).map_err(parquet_err)?;
        let mut props = WriterProperties::builder()
            .set_writer_version(WriterVersion::PARQUET_1_0)
            .set_compression(Compression::ZSTD(level))
            .set_created_by(format!("newsarchive {}", env!("CARGO_PKG_VERSION")))
            .set_max_row_group_row_count(Some(self.options.row_group_rows));
        for (c, _) in self.relation.columns.iter().zip(&self.kinds).filter(|(_, k)| **k == Some(Kind::Blob)) {
            // Blobs are the sources, zstd-compressed already, and the
            // sentence vectors, which do not compress.
            let column = ColumnPath::new(vec![c.name.clone()]);
            props = props
                .set_column_compression(column.clone(), Compression::UNCOMPRESSED)
                .set_column_dictionary_enabled(column, false);
        }
        let s = (schema, Arc::new(props.build()));
        self.schema = Some(s.clone());
        Ok(s)
    }

    fn open_file(&mut self) -> Result<()> {
        let (schema, properties) = self.schema()?;
        let dir = if self.relation.partitioned {
            self.dir.join(format!("{PARTITION_COLUMN}={}", self.partition.as_deref().unwrap_or(UNDATED)))
        } else {
            self.dir.clone()
        };
        let n = self.parts.entry(self.partition.clone()).or_default();
        let path = dir.join(format!("part-{n:05}.parquet"));
        *n += 1;
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io { path: dir.display().to_string(), source })?;
        self.send(Job::Open { path, schema, properties })?;
        self.open = true;
        self.files += 1;
        Ok(())
    }

    fn push(&mut self, values: &[ValueRef<'_>], row: u64) -> Result<()> {
        for (((buffer, column), kind), value) in
            self.buffers.iter_mut().zip(&self.relation.columns).zip(&self.kinds).zip(values)
        {
            self.buffered_bytes += buffer.push(*value).map_err(|found| Error::Value {
                relation: self.relation.name.clone(),
                row,
                column: column.name.clone(),
                found,
                expected: type_name(kind.unwrap_or(Kind::Text)),
            })?;
        }
        self.buffered_rows += 1;
        if self.buffered_rows >= self.options.row_group_rows || self.buffered_bytes >= self.options.row_group_bytes {
            self.flush()?;
        }
        Ok(())
    }

    /// Hands the gathered rows to the encoder as a row group.
    fn flush(&mut self) -> Result<()> {
        if self.buffered_rows == 0 {
            return Ok(());
        }
        if !self.open {
            self.open_file()?;
        }
        let fresh = self.kinds.iter().map(|k| Buffer::new(*k)).collect();
        let full = std::mem::replace(&mut self.buffers, fresh);
        self.send(Job::Group(full))?;
        self.buffered_rows = 0;
        self.buffered_bytes = 0;
        Ok(())
    }

    fn close_file(&mut self) -> Result<()> {
        self.flush()?;
        if self.open {
            self.send(Job::Close)?;
            self.open = false;
        }
        Ok(())
    }
}

/// The type a view's computed column takes from its values.
fn held(values: &[Value]) -> Kind {
    let has = |f: fn(&Value) -> bool| values.iter().any(f);
    if has(|v| matches!(v, Value::Text(_))) {
        Kind::Text
    } else if has(|v| matches!(v, Value::Blob(_))) {
        Kind::Blob
    } else if has(|v| matches!(v, Value::Real(_))) {
        Kind::Real
    } else if has(|v| matches!(v, Value::Integer(_))) {
        Kind::Int
    } else {
        Kind::Text
    }
}

impl Buffer {
    fn new(kind: Option<Kind>) -> Self {
        let values = match kind {
            Some(Kind::Int) => Values::Int(Vec::new()),
            Some(Kind::Real) => Values::Real(Vec::new()),
            Some(Kind::Text | Kind::Blob) => Values::Bytes(Vec::new()),
            None => Values::Any(Vec::new()),
        };
        Buffer { values, text: kind == Some(Kind::Text), defined: Vec::new() }
    }

    /// Adds a value; returns the bytes it takes, or what was found instead
    /// of what the column holds.
    fn push(&mut self, value: ValueRef<'_>) -> std::result::Result<usize, String> {
        if let Values::Any(v) = &mut self.values {
            let size = match value {
                ValueRef::Text(t) | ValueRef::Blob(t) => t.len() + 16,
                _ => 16,
            };
            v.push(match value {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(i) => Value::Integer(i),
                ValueRef::Real(f) => Value::Real(f),
                ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Value::Blob(b.to_vec()),
            });
            return Ok(size);
        }
        if value == ValueRef::Null {
            self.defined.push(0);
            return Ok(2);
        }
        let size = match (&mut self.values, value) {
            (Values::Int(v), ValueRef::Integer(i)) => {
                v.push(i);
                8
            }
            // SQLite keeps a whole REAL in an INTEGER column as an integer;
            // a fraction there is data the column does not describe.
            (Values::Int(v), ValueRef::Real(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
                v.push(f as i64);
                8
            }
            (Values::Real(v), ValueRef::Real(f)) => {
                v.push(f);
                8
            }
            (Values::Real(v), ValueRef::Integer(i)) => {
                v.push(i as f64);
                8
            }
            // Readers refuse a string column holding bytes that are not
            // UTF-8 (SQLite stores whatever it is given).
            (Values::Bytes(_), ValueRef::Text(t) | ValueRef::Blob(t))
                if self.text && std::str::from_utf8(t).is_err() =>
            {
                return Err(format!("{} bytes that are not UTF-8 text", t.len()));
            }
            (Values::Bytes(v), ValueRef::Text(t) | ValueRef::Blob(t)) => {
                v.push(ByteArray::from(t.to_vec()));
                t.len() + 16
            }
            (Values::Bytes(v), ValueRef::Integer(i)) => {
                v.push(ByteArray::from(i.to_string().into_bytes()));
                24
            }
            (Values::Bytes(v), ValueRef::Real(f)) => {
                v.push(ByteArray::from(f.to_string().into_bytes()));
                24
            }
            (_, other) => {
                return Err(match other {
                    ValueRef::Text(t) => {
                        let t = String::from_utf8_lossy(t);
                        let shown: String = t.chars().take(60).collect();
                        format!("the text '{shown}{}'", if shown.len() < t.len() { "…" } else { "" })
                    }
                    ValueRef::Real(f) => format!("the number {f}"),
                    ValueRef::Blob(b) => format!("{} bytes", b.len()),
                    ValueRef::Integer(i) => format!("the integer {i}"),
                    ValueRef::Null => "NULL".into(),
                });
            }
        };
        self.defined.push(1);
        Ok(size)
    }
}
