//! Schema migrations: applied on open, listed by `migrate --status`, and
//! archives from a newer newsarchive refused.

mod common;
use common::{Workdir, parse_csv};

#[test]
fn status_before_and_after() {
    let w = Workdir::new();
    let (_, rows) = parse_csv(&w.stdout(&["migrate", "--status", "--format", "csv"]));
    assert!(rows.len() >= 2);
    assert!(rows.iter().all(|r| r[2] == "pending"), "{rows:?}");
    assert_eq!(rows[0][0], "1");
    let (_, rows) = parse_csv(&w.stdout(&["migrate", "--format", "csv"]));
    assert!(rows.iter().all(|r| r[2] != "pending"), "{rows:?}");
    let applied = w.count("SELECT count(*) FROM refinery_schema_history");
    assert_eq!(applied as usize, rows.len());
}

#[test]
fn newer_archive_is_refused_and_left_alone() {
    let w = Workdir::new();
    w.stdout(&["seed"]);
    w.conn()
        .execute(
            "INSERT INTO refinery_schema_history(version, name, applied_on, checksum) VALUES (999, 'future', '2030-01-01T00:00:00Z', '1')",
            [],
        )
        .unwrap();
    let before = w.counts();
    for args in [&["report", "outlets"][..], &["seed"][..], &["sql", "SELECT 1"][..]] {
        let out = w.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("schema version 999") && err.contains("newer newsarchive"), "{err}");
    }
    assert_eq!(w.counts(), before);
}

#[test]
fn a_database_that_is_not_an_archive_is_refused() {
    let w = Workdir::new();
    rusqlite::Connection::open(w.db()).unwrap().execute("CREATE TABLE mine(x)", []).unwrap();
    let out = w.cmd().arg("seed").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a newsarchive archive"));
    let tables = w.count("SELECT count(*) FROM sqlite_master WHERE type = 'table'");
    assert_eq!(tables, 1, "left unchanged");
    std::fs::write(w.db(), "this is not sqlite at all, just some text of decent length").unwrap();
    let out = w.cmd().args(["report", "outlets"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("test.db"), "the error names the file");
}

/// Opens a fixture archive written by an earlier release (a copy: the
/// fixture itself is never changed) and checks that upgrading keeps every row.
fn upgrade(fixture: &str) {
    let w = Workdir::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archives").join(fixture);
    std::fs::copy(&src, w.db()).unwrap();
    let rows = |w: &Workdir| {
        ["outlets", "articles", "sources", "quotes", "speakers", "import_runs"]
            .map(|t| (t, w.count(&format!("SELECT count(*) FROM {t}"))))
    };
    let texts = |w: &Workdir| w.column("SELECT article_id || ':' || start || ':' || text FROM quotes ORDER BY id");
    let (before, quotes_before) = (rows(&w), texts(&w));
    assert!(before.iter().all(|(_, n)| *n > 0), "{before:?}");

    let (_, overlap) = parse_csv(&w.stdout(&["report", "quote-overlap", "--format", "csv"]));
    // Every row kept; the claims the upgrade extracts may name speakers
    // no quotation did ("Japan pledged …").
    for ((table, after), (_, was)) in rows(&w).into_iter().zip(before) {
        if table == "speakers" {
            assert!(after >= was, "{table}: {after} < {was}");
        } else {
            assert_eq!(after, was, "{table}: every row kept");
        }
    }
    assert!(w.count("SELECT count(*) FROM claims") > 0, "the upgrade extracts the stored articles' claims");
    assert_eq!(texts(&w), quotes_before);
    // The search indexes are declared as Datasette looks for them, and find
    // what the upgraded tables hold.
    let declared =
        "SELECT count(*) FROM sqlite_master WHERE name IN ('articles_fts', 'quotes_fts') AND sql LIKE '%content=\"%'";
    assert_eq!(w.count(declared), 2);
    assert_eq!(
        w.count("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Ishiba'"),
        w.count("SELECT count(*) FROM articles WHERE body LIKE '%Ishiba%' OR title LIKE '%Ishiba%'")
    );
    assert!(w.count("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'denuclearization'") > 0);
    let (_, status) = parse_csv(&w.stdout(&["migrate", "--status", "--format", "csv"]));
    assert!(status.iter().all(|r| r[2] != "pending"), "{status:?}");
    // The clusters the upgrade cleared are rebuilt: all five outlets share
    // the North Korea quotation.
    assert_eq!(overlap.len(), 5);
    assert!(overlap.iter().all(|r| r[3].parse::<i64>().unwrap() >= 1), "{overlap:?}");
    assert!(w.count("SELECT count(*) FROM quote_clusters") > 0);
    // The full-text index is rebuilt for search (V14).
    let (_, hits) = parse_csv(&w.stdout(&["search", "relations", "--format", "csv"]));
    assert!(hits.iter().any(|h| h[0] == "article") && hits.iter().any(|h| h[0] == "quote"), "{hits:?}");
    // Importing into the upgraded archive works as into a new one.
    let out = w.cmd().arg("seed").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 imported, 0 updated, 5 unchanged"));
}

#[test]
fn an_archive_at_schema_version_1_upgrades() {
    // The rows and schema a build knowing only V1 writes (see
    // tests/fixtures/archives/README.md).
    upgrade("v1-seed.db");
}

#[test]
fn an_archive_of_the_first_release_upgrades() {
    // `newsarchive seed` by the first release: schema versions 1 and 2.
    upgrade("v2-seed.db");
}

#[test]
fn an_archive_of_the_second_release_upgrades() {
    // `newsarchive seed` by the second release: schema versions 1 to 3.
    upgrade("v3-seed.db");
}

#[test]
fn a_failing_migration_rolls_back_every_step() {
    let w = Workdir::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archives/v3-seed.db");
    std::fs::copy(&src, w.db()).unwrap();
    // A table of the name a later migration (V6) creates: the upgrade
    // fails after V4 and V5 have run inside its transaction.
    w.conn().execute("CREATE TABLE cluster_stats(mine TEXT)", []).unwrap();
    let schema = |w: &Workdir| w.column("SELECT type || ' ' || name FROM sqlite_master ORDER BY name");
    let (schema_before, rows_before) = (schema(&w), w.counts());

    let out = w.cmd().args(["report", "outlets"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("migration failed (rolled back)") && err.contains("cluster_stats"), "{err}");
    assert_eq!(schema(&w), schema_before, "no table, view or index of V4 or V5 is left behind");
    assert_eq!(w.counts(), rows_before);
    assert_eq!(w.column("SELECT max(version) FROM refinery_schema_history"), ["3"]);

    // With the obstacle gone the same upgrade goes through.
    w.conn().execute("DROP TABLE cluster_stats", []).unwrap();
    let (_, status) = parse_csv(&w.stdout(&["migrate", "--format", "csv"]));
    assert!(status.iter().all(|r| r[2] != "pending"), "{status:?}");
    // Every row kept; quotation clusters are derived data that V4 clears
    // and linking rebuilds.
    let kept = |rows: Vec<(String, i64)>| rows.into_iter().filter(|(t, _)| t != "quote_clusters").collect::<Vec<_>>();
    assert_eq!(kept(w.counts()), kept(rows_before));
    assert!(w.cmd().arg("check").output().unwrap().status.success());
}
