//! The README's SQL cookbook, run: every query under its heading returns
//! rows on the seed archive, so the cookbook cannot fall behind the schema.

mod common;
use common::Workdir;

/// The ```sql blocks of the README's "SQL cookbook" section.
fn cookbook_queries() -> Vec<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("\n## SQL cookbook").expect("README has a SQL cookbook section");
    let section = &readme[start + 1..];
    let section = section.find("\n## ").map_or(section, |end| &section[..end]);
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
