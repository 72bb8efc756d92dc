//! Output on a terminal and elsewhere: tables fit the terminal's width,
//! colour only on a terminal and never with NO_COLOR, numbers right-aligned,
//! no progress drawing into pipes. A real pseudo-terminal comes from
//! util-linux's `script`.

mod common;
use common::Workdir;
use std::process::Command;
use unicode_width::UnicodeWidthStr;

/// Runs newsarchive with `args` on a pseudo-terminal `cols` wide; returns
/// what the terminal showed.
fn on_terminal(w: &Workdir, cols: usize, env: &[(&str, &str)], args: &[&str]) -> String {
    let bin = env!("CARGO_BIN_EXE_newsarchive");
    let quoted: Vec<String> = args.iter().map(|a| format!("'{}'", a.replace('\'', "'\\''"))).collect();
    let line = format!("stty cols {cols} rows 50; '{bin}' --db '{}' {}", w.db().display(), quoted.join(" "));
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &line, "/dev/null"]).current_dir(w.path()).env_remove("NO_COLOR").env("TERM", "xterm");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("util-linux `script` runs (apt-get install util-linux)");
    assert!(out.status.success(), "{line}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n")
}

/// Text without ANSI escape sequences.
fn strip(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn seeded() -> Workdir {
    let w = Workdir::new();
    w.stdout(&["seed", "-q"]);
    w
}

#[test]
fn tables_fit_the_terminal_and_colour_only_there() {
    let w = seeded();
    for cols in [60, 100] {
        let shown = on_terminal(&w, cols, &[], &["report", "quotes"]);
        assert!(shown.contains("\x1b[1m"), "bold header on a terminal: {shown}");
        let plain = strip(&shown);
        for line in plain.lines() {
            assert!(line.width() <= cols, "{} columns > {cols}: {line:?}", line.width());
        }
        // A long quotation is cut after three lines with an ellipsis.
        assert!(plain.contains('…'), "{plain}");
    }
    let shown = on_terminal(&w, 60, &[("NO_COLOR", "1")], &["report", "quotes"]);
    assert!(!shown.contains('\x1b'), "NO_COLOR: {shown:?}");
    let shown = on_terminal(&w, 60, &[], &["report", "quotes", "--color", "never"]);
    assert!(!shown.contains('\x1b'));
    // Into a pipe: no colour, and each row on one line, whole.
    let piped = w.stdout(&["report", "quotes"]);
    assert!(!piped.contains('\x1b'));
    let rows = w.count("SELECT count(*) FROM report_quote_spread");
    assert_eq!(piped.lines().count() as i64, rows + 2, "header, rule, one line per row");
}

#[test]
fn reading_views_wrap_to_the_terminal() {
    let w = seeded();
    let id = &w.column("SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.name = 'Fox News'")[0];
    let shown = on_terminal(&w, 50, &[], &["show", "article", id]);
    assert!(shown.contains("\x1b[36m"), "quotations coloured: {shown}");
    for line in strip(&shown).lines() {
        assert!(line.width() <= 50, "{line:?}");
    }
    let shown = on_terminal(&w, 50, &[], &["search", "korea"]);
    assert!(shown.contains("\x1b[1;31m"), "matches highlighted: {shown}");
    for line in strip(&shown).lines() {
        assert!(line.width() <= 50, "{line:?}");
    }
    let shown = on_terminal(&w, 50, &[("NO_COLOR", "yes")], &["search", "korea"]);
    assert!(!shown.contains('\x1b'));
}

#[test]
fn an_empty_report_names_its_columns_on_one_line() {
    let w = seeded();
    let shown = strip(&on_terminal(&w, 60, &[], &["sql", "SELECT 1 AS first_column, 2 AS second_column WHERE 0"]));
    assert_eq!(shown.trim_end(), "(no rows; columns: first_column, second_column)", "{shown}");
}

#[test]
fn numbers_are_right_aligned() {
    let w = seeded();
    let out = w.stdout(&["sql", "SELECT 'a' AS name, 5 AS n UNION ALL SELECT 'bb', 12345 UNION ALL SELECT 'c', NULL"]);
    let ends: Vec<usize> = out.lines().skip(2).take(2).map(|l| l.trim_end().len()).collect();
    assert_eq!(ends[0], ends[1], "{out}");
    let header_end = out.lines().next().unwrap().trim_end().len();
    assert_eq!(header_end, ends[0], "the header sits over its numbers: {out}");
}

#[test]
fn no_progress_drawing_into_a_pipe() {
    let w = Workdir::new();
    let out = w.cmd().args(["import", &common::seed_dir().display().to_string()]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");
    assert!(err.contains("5 imported"), "the summary still shows: {err}");
    let dir = w.path().join("csv");
    let out = w.cmd().args(["export", "--dir", &dir.display().to_string()]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !err.contains('\r') && !err.contains('\x1b'), "{err:?}");
}
