//! `newsarchive import`: text files, manifests, and every kind of bad input.

mod common;
use common::Workdir;

const ARTICLE: &str = "Council approves new budget\n\nBy Jane Roe Springfield Herald\n\n\
The city council approved the budget on Monday.\n\n\
\"This budget keeps every library open,\" Mayor Ann Lee said after the vote.\n\n\
Lee added that \"hard choices\" remain for next year.\n";

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn imports_a_directory_with_metadata_from_text() {
    let w = Workdir::new();
    w.write("in/budget.txt", ARTICLE);
    let out = w.cmd().args(["import", "in"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 imported"));
    assert_eq!(
        w.column(
            "SELECT o.name || '|' || a.title || '|' || a.author FROM articles a JOIN outlets o ON o.id = a.outlet_id"
        ),
        ["Springfield Herald|Council approves new budget|Jane Roe"]
    );
    let quotes = w.column(
        "SELECT q.kind || '|' || coalesce(s.name, '') || '|' || q.text FROM quotes q
         LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY q.start",
    );
    assert_eq!(quotes, ["full|Ann Lee|This budget keeps every library open,", "partial|Ann Lee|hard choices"]);
}

#[test]
fn bad_files_are_reported_and_the_rest_imports() {
    let w = Workdir::new();
    w.write("in/good.txt", ARTICLE);
    w.write("in/empty.txt", "");
    w.write("in/blank.txt", "\n   \n");
    w.write("in/binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0IHDR");
    w.write("in/latin1.txt", b"Headline here\n\nLine two is fine.\nCaf\xe9 au lait on line three.\n");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Le titre\n\n\u{201C}Nous verrons,\u{201D} a dit le maire.\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    w.write("in/utf16.txt", utf16);
    let out = w.cmd().args(["import", "in", "missing.txt", "in/notes.pdf"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "some inputs failed");
    let err = stderr(&out);
    for expected in [
        "in/empty.txt: the file is empty",
        "in/blank.txt: the file is empty",
        "in/binary.txt:3: binary data",
        "in/latin1.txt:4: not valid UTF-8",
        "missing.txt: no such file or directory",
        "in/notes.pdf: no such file or directory",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
    }
    assert!(err.contains("2 imported, 0 updated, 0 unchanged, 6 failed"), "{err}");
    assert_eq!(w.count("SELECT count(*) FROM articles"), 2, "good.txt and utf16.txt");
    assert_eq!(w.count("SELECT count(*) FROM import_errors"), 6);
    assert_eq!(w.column("SELECT line FROM import_errors WHERE path LIKE '%latin1.txt'"), ["4"]);
    // A failed file leaves nothing behind: no article, no quote, no source.
    assert_eq!(w.count("SELECT count(*) FROM articles WHERE source_path LIKE '%latin1%'"), 0);
    assert_eq!(w.count("SELECT count(*) FROM sources"), 2);
    assert_eq!(w.count("SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)"), 0);
    let run = w.column("SELECT imported || '/' || failed || '/' || (finished_at IS NOT NULL) FROM import_runs");
    assert_eq!(run, ["2/6/1"]);
}

#[test]
fn unsupported_file_type_named_explicitly() {
    let w = Workdir::new();
    w.write("notes.pdf", "%PDF-1.4");
    let out = w.cmd().args(["import", "notes.pdf"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("notes.pdf: unsupported file type '.pdf'"), "{}", stderr(&out));
}

#[test]
fn manifest_supplies_metadata_and_reports_bad_rows() {
    let w = Workdir::new();
    w.write("in/a.txt", ARTICLE);
    w.write("in/b.txt", "Second story\n\nThe mayor spoke again on Tuesday.\n");
    w.write(
        "in/manifest.csv",
        "file,outlet,url,published,title,author,language\n\
         a.txt,Daily Planet,https://example.com/a,2024-03-04,,,en\n\
         gone.txt,Nowhere,,,,,\n\
         b.txt,,,someday,,,\n\
         ../escape.txt,X,,,,,\n",
    );
    let out = w.cmd().args(["import", "in"]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("in/manifest.csv:3: 'gone.txt' does not exist"), "{err}");
    assert!(err.contains("in/manifest.csv:4: 'someday' in column 'published' is not a date"), "{err}");
    assert!(err.contains("in/manifest.csv:5: '../escape.txt' must be a path inside"), "{err}");
    assert!(err.contains("2 imported"), "both files still import: {err}");
    assert_eq!(
        w.column("SELECT o.name || '|' || a.url || '|' || a.published_at FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.source_path LIKE '%a.txt'"),
        ["Daily Planet|https://example.com/a|2024-03-04"]
    );
    // b.txt's row was refused, and nothing names its outlet: a placeholder naming the file.
    assert_eq!(
        w.column(
            "SELECT o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.source_path LIKE '%b.txt'"
        ),
        ["unknown (b.txt)"]
    );
}

#[test]
fn a_manifest_with_an_unknown_column_is_refused_whole() {
    let w = Workdir::new();
    w.write("in/a.txt", ARTICLE);
    w.write("m.csv", "file,outlet,colour\na.txt,X,red\n");
    let out = w.cmd().args(["import", "in/a.txt", "--manifest", "m.csv"]).output().unwrap();
    let err = stderr(&out);
    assert!(err.contains("m.csv:1: unknown column 'colour'"), "{err}");
    assert!(err.contains("1 imported"), "{err}");
}

#[test]
fn correcting_the_manifest_updates_metadata_only() {
    let w = Workdir::new();
    w.write("in/b.txt", "Second story\n\n\"We are ready,\" the mayor said on Tuesday.\n");
    w.stdout(&["import", "in"]);
    assert_eq!(w.column("SELECT name FROM outlets"), ["unknown (b.txt)"]);
    let before = w.counts();
    w.write("in/manifest.csv", "file,outlet\nb.txt,Springfield Herald\n");
    let out = w.cmd().args(["import", "in"]).output().unwrap();
    assert!(stderr(&out).contains("0 imported, 1 updated, 0 unchanged"), "{}", stderr(&out));
    assert_eq!(w.column("SELECT name FROM outlets"), ["Springfield Herald"], "the placeholder outlet is gone");
    assert_eq!(w.counts(), before);
    let out = w.cmd().args(["import", "in"]).output().unwrap();
    assert!(stderr(&out).contains("0 imported, 0 updated, 1 unchanged"));
}

/// New articles are written without SQLite's per-row foreign-key
/// lookups; a batch that also updates an archived article keeps them,
/// since the update deletes its quotations through the cascades.
#[test]
fn a_batch_of_new_and_updated_articles_leaves_no_orphans() {
    let w = Workdir::new();
    w.write("in/b.txt", "Second story\n\n\"We are ready,\" the mayor said on Tuesday. \"The bridge opens soon.\"\n");
    w.stdout(&["import", "in"]);
    let quotes = w.count("SELECT count(*) FROM quotes");
    let units = w.count("SELECT count(*) FROM quote_units");
    assert!(quotes >= 1);
    w.write("in/manifest.csv", "file,outlet\nb.txt,Springfield Herald\nc.txt,Shelbyville Star\n");
    // c.txt is read after b.txt: its quotations take the ids b's old ones freed.
    w.write("in/c.txt", "Third story\n\n\"We are ready,\" the mayor told reporters.\n");
    let out = w.cmd().args(["import", "in"]).output().unwrap();
    assert!(stderr(&out).contains("1 imported, 1 updated, 0 unchanged"), "{}", stderr(&out));
    let orphans = w.count(
        "SELECT (SELECT count(*) FROM quote_units WHERE quote_id NOT IN (SELECT id FROM quotes))
              + (SELECT count(*) FROM pragma_foreign_key_check)",
    );
    assert_eq!(orphans, 0);
    let b = "(SELECT id FROM articles WHERE source_path LIKE '%b.txt')";
    assert_eq!(w.count(&format!("SELECT count(*) FROM quotes WHERE article_id = {b}")), quotes, "replaced, not added");
    assert_eq!(w.count(&format!("SELECT count(*) FROM quote_units WHERE article_id = {b}")), units);
    let check = w.cmd().arg("check").output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
}

#[test]
fn same_text_under_two_names_is_one_article() {
    let w = Workdir::new();
    w.write("a.txt", ARTICLE);
    w.write("copy/a-again.txt", ARTICLE.replace('\n', "\r\n"));
    let out = w.cmd().args(["import", "a.txt", "copy"]).output().unwrap();
    assert!(stderr(&out).contains("1 imported, 0 updated, 1 unchanged"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed() {
    let w = Workdir::new();
    w.write("tree/a.txt", ARTICLE);
    std::os::unix::fs::symlink(w.path().join("tree"), w.path().join("tree/loop")).unwrap();
    let out = w.cmd().args(["import", "tree"]).output().unwrap();
    let err = stderr(&out);
    assert!(err.contains("symbolic link loop"), "{err}");
    assert!(err.contains("1 imported"), "{err}");
}
