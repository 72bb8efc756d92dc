//! Inputs newsarchive must refuse clearly — naming the file, and the line
//! where there is one — while everything else still imports and nothing
//! half-written is left. (Empty, binary, invalid UTF-8, symbolic link
//! loops and bad manifests are in cli_import.rs; malformed JSON lines and
//! CSV records in cli_corpus.rs.)

mod common;

use common::Workdir;
use std::process::Output;

const ARTICLE: &str = "Council votes\n\n\"We are ready,\" the mayor said on Tuesday.\n";

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn oversized_articles_are_refused_before_they_are_read() {
    let w = Workdir::new();
    w.write("in/small.txt", ARTICLE);
    w.write("in/big.txt", format!("Big\n\n{}\n", "word ".repeat(400)));
    let long = format!("{{\"outlet\": \"X\", \"text\": \"{}\"}}", "word ".repeat(400));
    w.write(
        "in/corpus.jsonl",
        format!("{{\"outlet\": \"X\", \"text\": \"Short one.\"}}\n{long}\n{{\"text\": \"After it.\"}}\n"),
    );
    w.write("in/corpus.csv", format!("outlet,text\nY,\"{}\"\nY,Fine record.\n", "word ".repeat(400)));
    // A device whose size is not known in advance, named explicitly (a
    // directory walk takes only regular files).
    #[cfg(unix)]
    std::os::unix::fs::symlink("/dev/zero", w.path().join("endless.txt")).unwrap();

    let mut args = vec!["import", "in", "--max-article-size", "1K"];
    if cfg!(unix) {
        args.push("endless.txt");
    }
    let out = w.cmd().args(&args).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for expected in [
        "in/big.txt: the file is 2.0 KiB, more than the 1.0 KiB one article may have",
        "in/corpus.jsonl:2: the line is 2.0 KiB, more than the 1.0 KiB",
        "in/corpus.csv:2: the record is 2.0 KiB, more than the 1.0 KiB",
        "--max-article-size",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
    }
    #[cfg(unix)]
    assert!(err.contains("endless.txt: the file is larger than the 1.0 KiB"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM articles"), 4, "small.txt, two JSON lines, one record");
    assert_eq!(w.count("SELECT count(*) FROM import_errors"), if cfg!(unix) { 4 } else { 3 });

    // The default limit (32 MiB) takes them all.
    let out = w.cmd().args(["import", "in/big.txt"]).output().unwrap();
    assert!(stderr(&out).contains("1 imported"), "{}", stderr(&out));
    let out = w.cmd().args(["import", "in", "--max-article-size", "lots"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("'lots' is not a size"), "{}", stderr(&out));
}

#[test]
fn utf16_with_a_byte_order_mark_is_read_as_text() {
    let w = Workdir::new();
    for (name, bom, unit) in [
        ("le.txt", [0xFF, 0xFE], u16::to_le_bytes as fn(u16) -> [u8; 2]),
        ("be.txt", [0xFE, 0xFF], u16::to_be_bytes as fn(u16) -> [u8; 2]),
    ] {
        let text = format!("Le conseil vote ({name})\n\n\u{201C}Nous sommes prêts,\u{201D} a dit la maire mardi.\n");
        let mut bytes = bom.to_vec();
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&unit(u));
        }
        w.write(&format!("in/{name}"), bytes);
    }
    w.stdout(&["import", "in"]);
    assert_eq!(w.column("SELECT DISTINCT text FROM quotes ORDER BY 1"), ["Nous sommes prêts,"]);
    assert_eq!(w.count("SELECT count(*) FROM articles"), 2);
    // A UTF-16 file cut in the middle of a character.
    let mut cut = vec![0xFF, 0xFE];
    for u in "Titre\n\nTexte".encode_utf16() {
        cut.extend_from_slice(&u.to_le_bytes());
    }
    cut.push(0x41);
    w.write("cut.txt", cut);
    let out = w.cmd().args(["import", "cut.txt"]).output().unwrap();
    assert!(stderr(&out).contains("cut.txt: UTF-16 text with an odd number of bytes"), "{}", stderr(&out));
}

#[test]
fn invalid_utf8_in_a_corpus_names_the_line() {
    let w = Workdir::new();
    w.write("c.jsonl", b"{\"text\": \"Fine.\"}\n{\"text\": \"Caf\xe9 au lait.\"}\n{\"text\": \"Also fine.\"}\n");
    w.write("c.csv", b"outlet,text\nA,Fine.\nB,Caf\xe9 au lait.\nC,Also fine.\n");
    let out = w.cmd().args(["import", "c.jsonl", "c.csv"]).output().unwrap();
    let err = stderr(&out);
    assert!(err.contains("c.jsonl:2:"), "{err}");
    assert!(err.contains("c.csv:3:"), "{err}");
    assert!(err.contains("2 imported") && err.contains("2 failed"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM articles"), 2, "the same two texts in both files");
}

/// A file newsarchive has no permission to read. Permissions do not stop
/// root, so as root the binary is run as the unprivileged user `nobody`
/// (with util-linux `setpriv`), on a directory it may write to.
#[cfg(unix)]
#[test]
fn unreadable_files_and_directories_are_reported() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let w = Workdir::new();
    let good = w.write("in/good.txt", ARTICLE);
    let secret = w.write("in/secret.txt", "Secret\n\n\"Nobody may read this,\" she said.\n");
    w.write("in/locked/inner.txt", "Inner\n\nText.\n");
    let root = std::fs::metadata(&good).unwrap().uid() == 0;
    let mode = |p: &std::path::Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    mode(&secret, 0o000);
    mode(&w.path().join("in/locked"), 0o000);
    mode(w.path(), 0o777);
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(assert_cmd::cargo::cargo_bin("newsarchive"));
        c
    } else {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("newsarchive"))
    };
    let out = cmd.current_dir(w.path()).arg("--db").arg(w.db()).args(["import", "in"]).output().unwrap();
    let err = stderr(&out);
    mode(&secret, 0o644);
    mode(&w.path().join("in/locked"), 0o755);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("in/secret.txt: permission denied"), "{err}");
    assert!(err.contains("in/locked: permission denied"), "{err}");
    assert!(err.contains("1 imported"), "{err}");
}

#[test]
fn an_archive_that_is_not_sqlite_or_is_damaged_gets_a_clear_error() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    // Damage the middle of the file: pages of tables and indexes.
    let path = w.db();
    let mut bytes = std::fs::read(&path).unwrap();
    let len = bytes.len();
    for b in &mut bytes[len / 3..len / 3 + 8192] {
        *b = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    let out = w.cmd().arg("check").output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("FAILED") || text.contains("malformed") || text.contains("is damaged"), "{text}");
    assert!(!text.contains("panicked"), "{text}");
    for args in [&["report", "outlets"][..], &["sql", "SELECT count(*) FROM quotes"][..], &["seed"][..]] {
        let out = w.cmd().args(args).output().unwrap();
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked: {}", stderr(&out));
    }
}

/// Pages built to hurt a parser: nesting a hundred thousand deep, a
/// megabyte attribute, a million tiny elements, and one over the size
/// limit. Each is read (or refused) without a crash, with an article where
/// there is text, and the import goes on to the next.
#[test]
fn html_bombs_are_read_or_refused_without_harm() {
    let w = Workdir::new();
    let para = "<p>\"We will rebuild the bridge by spring,\" the mayor said on Tuesday at the council.</p>";
    let deep = format!(
        "<!DOCTYPE html><html><body>{}{para}{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    w.write("in/1-deep.html", deep);
    let attribute =
        format!("<!DOCTYPE html><html><body><div class=\"{}\">{para}</div></body></html>", "x".repeat(1 << 20));
    w.write("in/2-attribute.html", attribute);
    let tiny = format!("<!DOCTYPE html><html><body>{para}{}</body></html>", "<i></i>".repeat(1_000_000));
    w.write("in/3-tiny.html", tiny);
    w.write("in/4-big.html", format!("<!DOCTYPE html><html><body>{}</body></html>", para.repeat(120_000)));
    let out = w.cmd().args(["import", "--max-article-size", "8M", "in"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("4-big.html") && err.contains("skipped"), "{err}");
    // Everything else became an article with the mayor's quotation.
    let quoted = w.column(
        "SELECT a.source_path FROM quotes q JOIN articles a ON a.id = q.article_id
          WHERE q.text LIKE 'We will rebuild the bridge%' ORDER BY a.source_path",
    );
    assert_eq!(quoted.len(), 3, "{quoted:?}\n{err}");
    assert!(!err.contains("panicked"), "{err}");
}
