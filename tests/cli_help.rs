//! Help that teaches: every command's `--help` ends with examples, and every
//! example runs on a freshly seeded archive; shell completions and manual
//! pages come from the same definitions. Commands are found by reading
//! `--help`, so new ones are held to this without being listed here.

mod common;
use common::{Workdir, seed_dir};
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Output of `newsarchive ARGS --help`.
fn help(w: &Workdir, path: &[String]) -> String {
    w.stdout(&path.iter().map(String::as_str).chain(["--help"]).collect::<Vec<_>>())
}

/// The commands a help text lists (its "Commands:" section), `help` aside.
fn listed(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim_end() != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// Every command and subcommand, as the words that name it, with its help.
fn all_commands(w: &Workdir) -> Vec<(Vec<String>, String)> {
    let mut found = Vec::new();
    let mut todo = vec![Vec::new()];
    while let Some(path) = todo.pop() {
        let text = help(w, &path);
        for sub in listed(&text) {
            let mut p = path.clone();
            p.push(sub);
            todo.push(p);
        }
        found.push((path, text));
    }
    found.sort();
    found
}

/// The example command lines closing a help text, or why there are none.
fn examples(help: &str) -> Result<Vec<String>, String> {
    let last = help.trim_end().rsplit("\n\n").next().unwrap_or_default();
    let body = last
        .strip_prefix("Examples:")
        .or_else(|| last.strip_prefix("Example:"))
        .ok_or_else(|| format!("the help does not end with Example(s):\n…{last}"))?;
    let lines: Vec<String> =
        body.lines().map(str::trim).filter(|l| l.starts_with("newsarchive ")).map(str::to_owned).collect();
    if lines.is_empty() { Err(format!("no example command in:\n{last}")) } else { Ok(lines) }
}

#[test]
fn every_help_ends_with_examples_of_its_command() {
    let w = Workdir::new();
    let commands = all_commands(&w);
    let names: Vec<String> = commands.iter().map(|(p, _)| p.join(" ")).collect();
    for expected in ["", "import", "report", "sql", "export", "completions", "man", "speakers merge", "eval quotes"] {
        assert!(names.iter().any(|n| n == expected), "'{expected}' among {names:?}");
    }
    for (path, text) in &commands {
        let lines = examples(text).unwrap_or_else(|e| panic!("newsarchive {} --help: {e}", path.join(" ")));
        // A command's examples show that command (the top level shows many).
        let own = format!("newsarchive {}", path.join(" "));
        assert!(
            path.is_empty() || lines.iter().any(|l| l.contains(&own) || l.contains(&format!("{} ", path.join(" ")))),
            "newsarchive {} --help: no example runs it: {lines:?}",
            path.join(" ")
        );
        // -h, the short help, ends with them too.
        let short = w.stdout(&path.iter().map(String::as_str).chain(["-h"]).collect::<Vec<_>>());
        assert_eq!(examples(&short), Ok(lines.clone()), "newsarchive {} -h", path.join(" "));
    }
}

#[test]
fn every_example_works_on_the_seed_archive() {
    let template = Workdir::new();
    template.stdout(&["--quiet", "seed"]);
    let seeded: Vec<std::path::PathBuf> = ["test.db", "test.db-wal", "test.db-shm"]
        .iter()
        .map(|f| template.path().join(f))
        .filter(|p| p.exists())
        .collect();
    let bin = Path::new(env!("CARGO_BIN_EXE_newsarchive"));
    let path_var = std::env::join_paths(
        std::iter::once(bin.parent().unwrap().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let mut ran = 0;
    for (path, text) in all_commands(&template) {
        for line in examples(&text).unwrap() {
            // Each example on its own copy of the seeded archive, in a
            // directory holding the files examples name.
            let w = Workdir::new();
            for f in &seeded {
                std::fs::copy(f, w.path().join(f.file_name().unwrap())).unwrap();
            }
            inputs(&w);
            let out = Command::new("bash")
                .arg("-c")
                .arg(format!("set -eo pipefail\n{line}"))
                .current_dir(w.path())
                .env("PATH", &path_var)
                .env("HOME", w.path())
                .env("NEWSARCHIVE_DB", w.db())
                .env("NEWSARCHIVE_MODELS", Path::new(env!("CARGO_MANIFEST_DIR")).join("models"))
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "the example of `newsarchive {} --help` failed: {line}\n{}{}",
                path.join(" "),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            ran += 1;
        }
    }
    eprintln!("{ran} examples ran");
}

/// The files and directories the examples name, in the directory they run
/// in: the repository's seed and test fixtures, a folder of articles with a
/// manifest, a saved page, a web archive, a corpus and an alias file.
fn inputs(w: &Workdir) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["seed", "tests"] {
        std::os::unix::fs::symlink(repo.join(dir), w.path().join(dir)).unwrap();
    }
    for entry in std::fs::read_dir(seed_dir()).unwrap() {
        let entry = entry.unwrap();
        w.write(&format!("articles/{}", entry.file_name().to_string_lossy()), std::fs::read(entry.path()).unwrap());
    }
    let page = std::fs::read(repo.join("tests/fixtures/html/hcp-rent-cap.html")).unwrap();
    w.write("saved-pages/rent-cap.html", &page);
    w.write("crawl.warc.gz", warc_gz(&page));
    w.write(
        "corpus.jsonl",
        r#"{"outlet": "Harbour Gazette", "published": "2025-02-08", "text": "Talks\n\n\"We will meet again next month,\" Shigeru Ishiba said."}"#,
    );
    w.write("aliases.csv", "alias,canonical,language\n石破茂,Shigeru Ishiba,ja\n");
}

/// A one-record web archive (gzip) holding an HTML page.
fn warc_gz(page: &[u8]) -> Vec<u8> {
    let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
    http.extend_from_slice(page);
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/rent-cap\r\n\
         WARC-Date: 2025-02-08T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    record.extend_from_slice(&http);
    record.extend_from_slice(b"\r\n\r\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&record).unwrap();
    gz.finish().unwrap()
}

#[test]
fn completion_scripts_for_every_shell() {
    let w = Workdir::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = w.stdout(&["completions", shell]);
        for word in ["import", "report", "export", "completions", "reextract", "db", "bom", "datasette"] {
            assert!(script.contains(word), "the {shell} script completes {word}");
        }
        let file = w.write(&format!("newsarchive.{shell}"), &script);
        let check = match shell {
            "bash" => Some(("bash", "-n")),
            "zsh" => Some(("zsh", "-n")),
            "fish" => Some(("fish", "--no-execute")),
            _ => None,
        };
        if let Some((program, flag)) = check {
            match Command::new(program).arg(flag).arg(&file).output() {
                Ok(out) => assert!(
                    out.status.success(),
                    "{program} {flag} rejects the script: {}",
                    String::from_utf8_lossy(&out.stderr)
                ),
                Err(_) => eprintln!("{program} is not installed: the {shell} script's syntax is not checked"),
            }
        }
    }
    // bash: loading the script registers the completion.
    let loaded = Command::new("bash")
        .arg("-c")
        .arg("source newsarchive.bash && complete -p newsarchive")
        .current_dir(w.path())
        .output()
        .unwrap();
    assert!(loaded.status.success(), "{}", String::from_utf8_lossy(&loaded.stderr));
    assert!(String::from_utf8_lossy(&loaded.stdout).contains("newsarchive"));
}

#[test]
fn manual_pages_for_every_command() {
    let w = Workdir::new();
    w.stdout(&["--quiet", "man", "--dir", "man"]);
    let dir = w.path().join("man");
    for (path, _) in all_commands(&w) {
        let name = std::iter::once("newsarchive").chain(path.iter().map(String::as_str)).collect::<Vec<_>>().join("-");
        let page = std::fs::read_to_string(dir.join(format!("{name}.1"))).unwrap_or_else(|e| panic!("{name}.1: {e}"));
        assert!(page.contains(".TH "), "{name}.1 has a title line");
        assert!(page.contains(".SH EXAMPLES"), "{name}.1 has its examples");
        assert!(!page.contains(".SH EXTRA"), "{name}.1");
    }
    let top = std::fs::read_to_string(dir.join("newsarchive.1")).unwrap();
    assert!(top.contains(".TH newsarchive 1"), "{top}");

    match Command::new("man")
        .arg("-l")
        .arg(dir.join("newsarchive-export.1"))
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
    {
        Ok(out) => {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "man -l: {}", String::from_utf8_lossy(&out.stderr));
            assert!(text.contains("EXAMPLES") && text.contains("newsarchive export --datasette"), "{text}");
            assert!(
                !String::from_utf8_lossy(&out.stderr).contains("warning"),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Err(_) => eprintln!("man is not installed: the pages are not rendered"),
    }
}
