//! Rows of a view or query, printed as a table, CSV, JSON or
//! newline-delimited JSON. Rows stream through a [`Sink`], so exporting a
//! large table never holds it in memory (except the table format, which
//! must measure its columns). [`html`] renders the reports as a web page.

pub mod html;

pub mod term;

use std::io::{self, Write};

/// One value of a result row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// SQL NULL.
    Null,
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Real(f64),
    /// Text.
    Text(String),
    /// A blob, shown by its size.
    Blob(usize),
}

impl Cell {
    /// The value as text (NULL is empty).
    pub fn to_text(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Int(i) => i.to_string(),
            Cell::Real(f) => f.to_string(),
            Cell::Text(s) => s.clone(),
            Cell::Blob(n) => format!("<{n} bytes>"),
        }
    }

    fn is_number(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Real(_))
    }

    fn to_json(&self) -> String {
        match self {
            Cell::Null => "null".into(),
            Cell::Int(i) => i.to_string(),
            Cell::Real(f) if f.is_finite() => f.to_string(),
            Cell::Real(_) => "null".into(),
            Cell::Text(s) => serde_json::to_string(s).expect("strings serialize"),
            Cell::Blob(n) => n.to_string(),
        }
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading in a terminal.
    Table,
    /// RFC 4180 CSV, UTF-8, with a header row.
    Csv,
    /// A JSON array of objects.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// Parquet files, one directory per table or report: only
    /// `export --dir` writes them.
    Parquet,
}

/// Receives a header and then rows.
pub trait Sink {
    /// The column names; called once, first.
    fn header(&mut self, columns: &[String]) -> io::Result<()>;
    /// One row, as many cells as columns.
    fn row(&mut self, cells: &[Cell]) -> io::Result<()>;
    /// No more rows.
    fn finish(&mut self) -> io::Result<()>;
}

/// How CSV is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte-order mark, which spreadsheet programs need
    /// to read UTF-8.
    pub bom: bool,
    /// Write text exactly as stored. By default a text cell that a
    /// spreadsheet would run as a formula gets a leading `'` (see
    /// [`defuse_formula`]).
    pub raw: bool,
}

/// A sink that writes `format` to `out`; `csv` applies to the CSV format.
pub fn sink<'a>(format: Format, mut out: Box<dyn Write + 'a>, csv: CsvOptions) -> io::Result<Box<dyn Sink + 'a>> {
    Ok(match format {
        Format::Table => Box::new(TableSink { out, rows: Collect::default() }),
        Format::Csv => {
            if csv.bom {
                out.write_all("\u{FEFF}".as_bytes())?;
            }
            Box::new(CsvSink { out: csv::Writer::from_writer(out), raw: csv.raw })
        }
        Format::Json => Box::new(JsonSink { out, columns: Vec::new(), rows: 0, lines: false }),
        Format::Ndjson => Box::new(JsonSink { out, columns: Vec::new(), rows: 0, lines: true }),
        Format::Parquet => {
            return Err(io::Error::other(
                "Parquet is written as files, not to a stream: newsarchive export --format parquet --dir DIR",
            ));
        }
    })
}

/// Text as a spreadsheet cell that shows it rather than runs it. Quoted
/// words are written by anyone, and a quotation such as `=HYPERLINK(…)` or
/// `@SUM(…)` in an exported CSV would run when the file is opened (CSV
/// injection, OWASP). Text starting with `=`, `+`, `-`, `@`, tab or carriage
/// return (or their full-width forms, which some spreadsheets also read as
/// formulas) gets a leading `'`, which spreadsheets display as text and
/// hide. Numbers are written as numbers.
pub fn defuse_formula(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}') => {
            format!("'{text}").into()
        }
        _ => text.into(),
    }
}

/// Keeps rows in memory, for reports that reshape them (the matrix).
#[derive(Debug, Default)]
pub struct Collect {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
}

impl Collect {
    /// Sends the collected rows to another sink.
    pub fn replay(&self, sink: &mut dyn Sink) -> io::Result<()> {
        sink.header(&self.columns)?;
        for r in &self.rows {
            sink.row(r)?;
        }
        sink.finish()
    }
}

impl Sink for Collect {
    fn header(&mut self, columns: &[String]) -> io::Result<()> {
        self.columns = columns.to_vec();
        Ok(())
    }
    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        self.rows.push(cells.to_vec());
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct TableSink<'a> {
    out: Box<dyn Write + 'a>,
    rows: Collect,
}

impl Sink for TableSink<'_> {
    fn header(&mut self, columns: &[String]) -> io::Result<()> {
        self.rows.header(columns)
    }
    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        self.rows.row(cells)
    }
    fn finish(&mut self) -> io::Result<()> {
        use comfy_table::{CellAlignment, ContentArrangement, ContentLineStyle, LineStyle, Table, TableStyle};
        // Columns separated by space, one rule under the header: the rows
        // stay easy to scan and to copy.
        const STYLE: TableStyle = TableStyle::new()
            .header_lines(ContentLineStyle::none().junction(' '))
            .header_separator(LineStyle::none().fill('─').junction(' '))
            .content_lines(ContentLineStyle::none().junction(' '));
        let mut t = Table::new();
        t.load_style(STYLE).set_content_arrangement(ContentArrangement::Dynamic);
        // The command line decided whether this is a terminal and how wide
        // (see term): on a terminal, rows wrap to its width, and a cell
        // longer than three lines ends in "…"; elsewhere rows stay whole.
        let term = term::terminal();
        let Collect { columns, rows } = &self.rows;
        // A header alone, squeezed to the width of a terminal, wraps every
        // column name into pieces; naming the columns in a line reads better.
        if rows.is_empty() {
            writeln!(self.out, "(no rows; columns: {})", columns.join(", "))?;
            return self.out.flush();
        }
        t.force_no_tty().set_truncation_indicator("…");
        if let Some(width) = term.width {
            t.set_width(u16::try_from(width).unwrap_or(u16::MAX));
        }
        if term.color {
            t.enforce_styling();
        }
        t.set_header(columns.iter().map(|c| {
            let cell = comfy_table::Cell::new(c);
            if term.color { cell.add_attribute(comfy_table::Attribute::Bold) } else { cell }
        }));
        for r in rows {
            let mut row = comfy_table::Row::from(r.iter().map(Cell::to_text));
            if term.width.is_some() {
                row.max_height(3);
            }
            t.add_row(row);
        }
        for (i, col) in t.column_iter_mut().enumerate() {
            let numeric = rows.iter().all(|r| matches!(r[i], Cell::Null) || r[i].is_number())
                && rows.iter().any(|r| r[i].is_number());
            if numeric {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        writeln!(self.out, "{t}")?;
        self.out.flush()
    }
}

struct CsvSink<'a> {
    out: csv::Writer<Box<dyn Write + 'a>>,
    raw: bool,
}

impl Sink for CsvSink<'_> {
    fn header(&mut self, columns: &[String]) -> io::Result<()> {
        self.out.write_record(columns).map_err(io::Error::from)
    }
    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        for cell in cells {
            match cell {
                Cell::Text(t) if !self.raw => self.out.write_field(defuse_formula(t).as_bytes()),
                other => self.out.write_field(other.to_text()),
            }
            .map_err(io::Error::from)?;
        }
        self.out.write_record(None::<&[u8]>).map_err(io::Error::from)
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

struct JsonSink<'a> {
    out: Box<dyn Write + 'a>,
    columns: Vec<String>,
    rows: usize,
    lines: bool,
}

impl Sink for JsonSink<'_> {
    fn header(&mut self, columns: &[String]) -> io::Result<()> {
        self.columns = columns.iter().map(|c| serde_json::to_string(c).expect("strings serialize")).collect();
        if !self.lines {
            write!(self.out, "[")?;
        }
        Ok(())
    }
    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        if !self.lines {
            write!(self.out, "{}\n  ", if self.rows == 0 { "" } else { "," })?;
        }
        write!(self.out, "{{")?;
        for (i, (k, v)) in self.columns.iter().zip(cells).enumerate() {
            write!(self.out, "{}{k}: {}", if i == 0 { "" } else { ", " }, v.to_json())?;
        }
        write!(self.out, "}}")?;
        if self.lines {
            writeln!(self.out)?;
        }
        self.rows += 1;
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        if !self.lines {
            writeln!(self.out, "{}]", if self.rows == 0 { "" } else { "\n" })?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(format: Format) -> String {
        let mut buf = Vec::new();
        {
            let mut s = sink(format, Box::new(&mut buf), CsvOptions::default()).unwrap();
            s.header(&["outlet".into(), "n".into()]).unwrap();
            s.row(&[Cell::Text("Fox, \"News\"".into()), Cell::Int(3)]).unwrap();
            s.row(&[Cell::Text("한국".into()), Cell::Null]).unwrap();
            s.finish().unwrap();
        }
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn csv_quotes_per_rfc4180() {
        assert_eq!(render(Format::Csv), "outlet,n\n\"Fox, \"\"News\"\"\",3\n한국,\n");
    }

    #[test]
    fn formulas_are_defused_unless_raw() {
        for (raw, expected) in
            [(false, "q,n\n'=1+2,-3\n'@SUM(A1),\n'-no,\nok -,\n"), (true, "q,n\n=1+2,-3\n@SUM(A1),\n-no,\nok -,\n")]
        {
            let mut buf = Vec::new();
            {
                let mut s = sink(Format::Csv, Box::new(&mut buf), CsvOptions { bom: false, raw }).unwrap();
                s.header(&["q".into(), "n".into()]).unwrap();
                s.row(&[Cell::Text("=1+2".into()), Cell::Int(-3)]).unwrap();
                s.row(&[Cell::Text("@SUM(A1)".into()), Cell::Null]).unwrap();
                s.row(&[Cell::Text("-no".into()), Cell::Null]).unwrap();
                s.row(&[Cell::Text("ok -".into()), Cell::Null]).unwrap();
                s.finish().unwrap();
            }
            assert_eq!(String::from_utf8(buf).unwrap(), expected, "raw = {raw}");
        }
        assert_eq!(defuse_formula("\tcmd"), "'\tcmd");
        assert_eq!(defuse_formula("＝1"), "'＝1");
        assert_eq!(defuse_formula(""), "");
    }

    #[test]
    fn json_keeps_column_order_and_types() {
        let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(v[0]["n"], 3);
        assert!(v[1]["n"].is_null());
        assert_eq!(render(Format::Ndjson).lines().count(), 2);
    }
}
