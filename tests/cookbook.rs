//! The README run as tests: every SQL cookbook query returns rows on the
//! seed archive, and every output in the walk-through is what the binary
//! prints, so neither can fall behind the code.

mod common;
use common::Workdir;

/// The body of the README section headed `heading`.
fn readme_section(heading: &str) -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find(&format!("\n## {heading}\n")).unwrap_or_else(|| panic!("README has a {heading} section"));
    let section = &readme[start + 1..];
    section.find("\n## ").map_or(section, |end| &section[..end]).to_owned()
}

/// The ```sql blocks of the README's "SQL cookbook" section.
fn cookbook_queries() -> Vec<String> {
    let section = readme_section("SQL cookbook");
    let mut queries = Vec::new();
    let mut current: Option<String> = None;
    for line in section.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```sql") => current = Some(String::new()),
            (Some(q), "```") => {
                queries.push(q.trim().to_owned());
                current = None;
            }
            (Some(q), l) => {
                q.push_str(l);
                q.push('\n');
            }
            (None, _) => {}
        }
    }
    queries
}

#[test]
fn every_cookbook_query_answers_on_the_seed_archive() {
    let queries = cookbook_queries();
    assert!(queries.len() >= 10, "ten questions or more: {}", queries.len());
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    for q in &queries {
        let out = w.cmd().args(["sql", q, "--format", "json"]).output().unwrap();
        assert!(out.status.success(), "{q}\n{}", String::from_utf8_lossy(&out.stderr));
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(rows.as_array().is_some_and(|r| !r.is_empty()), "no rows on the seed archive:\n{q}");
    }
}

/// Each `$ newsarchive …` command of the walk-through with the lines shown
/// under it; a `…` line ends what is shown (the rest was cut for the page).
fn walkthrough_commands() -> Vec<(Vec<String>, Vec<String>)> {
    let mut commands: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let mut in_block = false;
    let mut cut = false;
    for line in readme_section("A walk-through on the seed corpus").lines() {
        if line.starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ newsarchive ") {
            let args = shell_words(command);
            commands.push((args, Vec::new()));
            cut = false;
        } else if line == "…" {
            cut = true;
        } else if !cut && let Some((_, shown)) = commands.last_mut() {
            shown.push(line.to_owned());
        }
    }
    commands
}

/// Splits a command line as a shell would for the walk-through's simple
/// commands: words, and double-quoted words with spaces.
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[test]
fn the_walkthrough_shows_what_the_binary_prints() {
    let commands = walkthrough_commands();
    assert!(commands.len() >= 8, "the walk-through runs the reports: {}", commands.len());
    let w = Workdir::new();
    w.stdout(&["--quiet", "seed"]);
    for (args, shown) in &commands {
        let out = w.cmd().args(args).env("COLUMNS", "120").env_remove("NO_COLOR").output().unwrap();
        assert!(out.status.success(), "{args:?}\n{}", String::from_utf8_lossy(&out.stderr));
        let printed = String::from_utf8(out.stdout).unwrap();
        let printed: Vec<&str> = printed.lines().map(str::trim_end).collect();
        let shown: Vec<&str> = shown.iter().map(|l| l.trim_end()).collect();
        // Blank lines between blocks of one code fence belong to the page.
        let shown = &shown[..shown.iter().rposition(|l| !l.is_empty()).map_or(0, |i| i + 1)];
        assert!(
            printed.len() >= shown.len() && printed[..shown.len()] == *shown,
            "README walk-through is stale for `newsarchive {}`; it now prints:\n{}",
            args.join(" "),
            printed.join("\n")
        );
    }
}
