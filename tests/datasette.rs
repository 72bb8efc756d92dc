//! The archive in Datasette: a real Datasette, installed into a virtualenv
//! under the target directory the first time (skipped, with a message, when
//! Python or the package index cannot be reached), reads a seeded archive
//! with the metadata `export --datasette` writes.

mod common;
use common::Workdir;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Datasette's executable, installed if need be; None (and why) when it
/// cannot be.
fn datasette() -> Result<PathBuf, String> {
    let bin = Path::new(env!("CARGO_BIN_EXE_newsarchive"));
    // target/debug/newsarchive → target/venv-datasette, shared by later runs.
    let venv = bin.parent().and_then(Path::parent).ok_or("no target directory")?.join("venv-datasette");
    let exe = venv.join("bin/datasette");
    if exe.exists() {
        return Ok(exe);
    }
    let run = |program: &Path, args: &[&str]| -> Result<(), String> {
        let out = Command::new(program).args(args).output().map_err(|e| format!("{}: {e}", program.display()))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!("{} {}: {}", program.display(), args.join(" "), String::from_utf8_lossy(&out.stderr)))
        }
    };
    run(Path::new("python3"), &["-m", "venv", "--clear", venv.to_str().ok_or("target path is not UTF-8")?])?;
    run(
        &venv.join("bin/pip"),
        &["install", "--quiet", "--disable-pip-version-check", "--timeout", "20", "--retries", "1", "datasette"],
    )?;
    Ok(exe)
}

/// `datasette DB --metadata FILE --get PATH`: Datasette answers one request
/// without starting a server.
fn get(exe: &Path, w: &Workdir, path: &str) -> String {
    let out = Command::new(exe)
        .arg(w.db())
        .args(["--metadata", "metadata.json", "--get", path])
        .current_dir(w.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "datasette --get {path}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn datasette_lists_reports_finds_search_and_shows_descriptions() {
    let exe = match datasette() {
        Ok(exe) => exe,
        Err(why) => {
            eprintln!("SKIPPED: Datasette could not be installed ({why})");
            return;
        }
    };
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    w.stdout(&["export", "--datasette", "-o", "metadata.json"]);
    let metadata: Value =
        serde_json::from_str(&std::fs::read_to_string(w.path().join("metadata.json")).unwrap()).unwrap();
    let tables = &metadata["databases"]["test"]["tables"];

    let versions: Value = serde_json::from_str(&get(&exe, &w, "/-/versions.json")).unwrap();
    eprintln!("Datasette {}", versions["datasette"]["version"]);

    // The database page lists every report view; machinery is hidden.
    let db: Value = serde_json::from_str(&get(&exe, &w, "/test.json")).unwrap();
    let views: Vec<&str> = db["views"].as_array().unwrap().iter().filter_map(|v| v["name"].as_str()).collect();
    let reports = w.column("SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'report\\_%' ESCAPE '\\'");
    assert!(reports.len() >= 15, "{reports:?}");
    for r in &reports {
        assert!(views.contains(&r.as_str()), "Datasette lists {r}: {views:?}");
    }
    let table = |name: &str| db["tables"].as_array().unwrap().iter().find(|t| t["name"] == name).cloned().unwrap();
    // Datasette finds the full-text indexes itself (this page does not read
    // the metadata for them).
    assert_eq!(table("articles")["fts_table"], "articles_fts");
    assert_eq!(table("quotes")["fts_table"], "quotes_fts");
    assert_eq!(table("wording_keys")["hidden"], true, "machinery is hidden");
    assert_eq!(table("outlets")["hidden"], false);
    assert_eq!(table("articles")["hidden"], false);

    // Articles and quotations are searched through their full-text indexes.
    for (relation, fts, word, column) in
        [("articles", "articles_fts", "Ishiba", "body"), ("quotes", "quotes_fts", "Japan", "text")]
    {
        let found: Value =
            serde_json::from_str(&get(&exe, &w, &format!("/test/{relation}.json?_search={word}&_shape=objects")))
                .unwrap();
        assert!(found["query"]["sql"].as_str().unwrap().contains(fts), "{relation} searched with {fts}: {found}");
        let rows = found["rows"].as_array().unwrap();
        assert!(!rows.is_empty() && rows.iter().all(|r| r[column].as_str().unwrap().contains(word)), "{rows:?}");
        assert!(
            get(&exe, &w, &format!("/test/{relation}")).contains("name=\"_search\""),
            "{relation} has a search box"
        );
    }

    // The metadata it serves is ours, and pages show its words.
    let served: Value = serde_json::from_str(&get(&exe, &w, "/-/metadata.json")).unwrap();
    assert_eq!(served["title"], "newsarchive");
    assert_eq!(served["databases"]["test"]["tables"]["report_quote_overlap"], tables["report_quote_overlap"]);
    let page = get(&exe, &w, "/test/report_quote_overlap");
    let description = tables["report_quote_overlap"]["description"].as_str().unwrap();
    assert!(page.contains(&html_escape(description)), "the view's page describes it");
    let page = get(&exe, &w, "/test/articles");
    assert!(page.contains(&html_escape(tables["articles"]["columns"]["dateline"].as_str().unwrap())), "column words");
}

/// Text as Jinja escapes it in a page.
fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&#34;").replace('\'', "&#39;")
}

#[test]
fn datasette_metadata_describes_every_table_view_and_column() {
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    let text = w.stdout(&["export", "--datasette"]);
    let metadata: Value = serde_json::from_str(&text).unwrap();
    assert!(metadata["title"].is_string() && metadata["description"].is_string());
    let tables = metadata["databases"]["test"]["tables"].as_object().unwrap();
    let relations = w.column("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name");
    for name in &relations {
        let t = &tables.get(name).unwrap_or_else(|| panic!("{name} is in the metadata"));
        assert!(t["title"].as_str().is_some_and(|s| !s.is_empty()), "{name}");
        assert!(t["description"].as_str().is_some_and(|s| s.len() > 20), "{name}");
        let columns = w.column(&format!("SELECT name FROM pragma_table_xinfo('{name}') WHERE hidden <> 1"));
        for c in &columns {
            assert!(t["columns"][c].as_str().is_some_and(|s| !s.is_empty()), "{name}.{c} is described");
        }
    }
    assert_eq!(tables.len(), relations.len(), "nothing described that is not there");
    assert!(tables["report_claim_conflicts"]["facets"].is_array());

    // The same metadata, written to a file with --output.
    w.stdout(&["export", "--datasette", "--output", "m.json"]);
    assert_eq!(std::fs::read_to_string(w.path().join("m.json")).unwrap(), text);
    // --dir and --datasette are two different exports.
    let out = w.cmd().args(["export", "--datasette", "--dir", "csv"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
}
