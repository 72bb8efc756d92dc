//! Quote fidelity against the record, end to end: transcripts imported as
//! primary sources in every layout, each quotation of the same event judged,
//! the reports, `show quote`, `check`, `export` and `eval fidelity` — on the
//! fixtures of tests/fixtures/fidelity (six invented events, 21 articles,
//! 128 hand-judged quotations) and tests/fixtures/transcripts.

mod common;
use common::{Workdir, parse_csv};
use std::path::{Path, PathBuf};

fn fixtures(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rel)
}

/// An archive of the fidelity fixtures: records and articles, told apart
/// by the manifest's `kind` column.
fn imported() -> Workdir {
    let w = Workdir::new();
    let docs = fixtures("fidelity/docs");
    w.stdout(&["--quiet", "import", docs.to_str().unwrap()]);
    w
}

/// An archive of the fixtures' articles without their records, and the
/// fixtures' folder.
fn articles_only() -> (Workdir, PathBuf) {
    let w = Workdir::new();
    let docs = fixtures("fidelity/docs");
    w.stdout(&[
        "--quiet",
        "import",
        "--manifest",
        docs.join("manifest.csv").to_str().unwrap(),
        docs.join("articles").to_str().unwrap(),
    ]);
    (w, docs)
}

/// The gold rows: file, quote, speaker, class.
fn gold() -> Vec<Vec<String>> {
    parse_csv(&std::fs::read_to_string(fixtures("fidelity/gold.csv")).unwrap()).1
}

#[test]
fn transcripts_are_primary_sources_not_articles() {
    let w = imported();
    assert_eq!(w.count("SELECT count(*) FROM transcripts"), 6);
    assert_eq!(w.count("SELECT count(*) FROM articles"), 21, "no record is an outlet's article");
    let layouts = w.column("SELECT DISTINCT layout FROM transcripts ORDER BY layout");
    assert_eq!(layouts, ["interview", "srt", "transcript", "webvtt"]);
    // No outlet was made for a record, and no coverage report counts one.
    assert_eq!(w.count("SELECT count(*) FROM outlets WHERE name LIKE 'unknown%'"), 0);
    let overlap = w.stdout(&["report", "quote-overlap", "--format", "csv"]);
    assert_eq!(parse_csv(&overlap).1.len(), 7, "the seven outlets, no record among them");
    // Labels resolve to the archive's speakers: "MS. OKAFOR" is the Grace
    // Okafor the articles quote.
    let okafor = w.column(
        "SELECT DISTINCT s.name FROM transcript_turns t JOIN speakers s ON s.id = t.speaker_id
         WHERE t.label LIKE '%Okafor%'",
    );
    assert_eq!(okafor, ["Grace Okafor"]);
}

#[test]
fn each_class_is_given_where_the_gold_says() {
    let w = imported();
    let rows = gold();
    for class in ["verbatim", "trimmed", "altered", "stitched", "misattributed", "translated", "not_in_record"] {
        let cases: Vec<&Vec<String>> = rows.iter().filter(|r| r[3] == class).collect();
        assert!(!cases.is_empty(), "the gold has {class}");
        let mut right = 0;
        for r in &cases {
            let judged = w.column(&format!(
                "SELECT f.class FROM quote_fidelity f JOIN quotes q ON q.id = f.quote_id
                 JOIN articles a ON a.id = q.article_id
                 WHERE a.source_path LIKE '%{}' AND q.text = '{}'",
                r[0],
                r[1].replace('\'', "''")
            ));
            right += usize::from(judged == [class]);
        }
        assert!(right * 10 >= cases.len() * 8, "{class}: {right} of {} judged so", cases.len());
    }
}

#[test]
fn a_quotation_of_an_event_without_a_record_gets_no_verdict() {
    let w = imported();
    // The union-meeting article quotes an event nobody recorded; its date
    // falls in the days of a recorded briefing all the same.
    let unrecorded = "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
                      WHERE a.source_path LIKE '%northgate-courier-4.txt' AND q.region = 'body'";
    assert!(w.count(unrecorded) >= 3);
    assert_eq!(
        w.count(
            "SELECT count(*) FROM quote_fidelity f JOIN quotes q ON q.id = f.quote_id
             JOIN articles a ON a.id = q.article_id WHERE a.source_path LIKE '%northgate-courier-4.txt'"
        ),
        0,
        "never \"not in record\" for an event without one"
    );
}

#[test]
fn reports_show_the_record_beside_the_outlet() {
    let w = imported();
    let (header, rows) = parse_csv(&w.stdout(&["report", "fidelity-outlets", "--format", "csv"]));
    assert_eq!(header[..3], ["outlet", "checked", "verbatim_pct"]);
    assert_eq!(rows.len(), 7);
    // The same rows as the view, as sqlite3 would show them.
    assert_eq!(w.count("SELECT count(*) FROM report_fidelity_outlets"), 7);
    let (header, rows) =
        parse_csv(&w.stdout(&["report", "fidelity", "--outlet", "Meridian Daily", "--format", "csv", "--raw"]));
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert!(rows.iter().all(|r| r[col("outlet")] == "Meridian Daily"));
    let altered = rows.iter().find(|r| r[col("class")] == "altered").expect("an altered quotation");
    assert!(!altered[col("record_words")].is_empty() && !altered[col("diff")].is_empty());
    let by_speaker = parse_csv(&w.stdout(&["report", "fidelity", "--speaker", "Grace Okafor", "--format", "csv"])).1;
    assert!(!by_speaker.is_empty() && by_speaker.iter().all(|r| r[col("speaker")] == "Grace Okafor"));

    // One word changed: `show quote` prints the record's words, who said
    // them and the edit.
    let quotation = w.column(
        "SELECT w.cluster_id FROM quote_fidelity f JOIN quote_units u ON u.quote_id = f.quote_id
         JOIN quote_wordings w ON w.id = u.wording_id WHERE f.diff = 'will→would' LIMIT 1",
    );
    assert_eq!(quotation.len(), 1, "the gold's would-for-will quotation is altered");
    let out = w.stdout(&["show", "quote", &quotation[0]]);
    assert!(out.contains("Against the record") && out.contains("altered"), "{out}");
    assert!(out.contains("No driver would lose their job") && out.contains("edits will→would"), "{out}");

    // `check` holds every verdict to a real turn, and export writes them.
    let check = w.stdout(&["check", "--format", "csv"]);
    for name in ["transcript turns", "fidelity alignments", "fidelity passages"] {
        assert!(check.lines().any(|l| l.starts_with(name) && l.contains(",ok,")), "{name}: {check}");
    }
    let dir = w.path().join("csv");
    w.stdout(&["export", "--dir", dir.to_str().unwrap()]);
    for file in ["transcripts.csv", "transcript_turns.csv", "quote_fidelity.csv", "report_fidelity.csv"] {
        assert!(dir.join(file).is_file(), "{file}");
    }
}

#[test]
fn eval_fidelity_meets_the_bar() {
    let w = Workdir::new();
    let (gold, docs) = (fixtures("fidelity/gold.csv"), fixtures("fidelity/docs"));
    let out = w.stdout(&["eval", "fidelity", gold.to_str().unwrap(), docs.to_str().unwrap(), "--details"]);
    // The table's last row: the macro-F1 over the classes.
    let macro_row = out.lines().find(|l| l.trim_start().starts_with("macro")).expect("a macro row");
    let f1: f64 = macro_row.split_whitespace().last().unwrap().parse().unwrap();
    assert!(f1 >= 0.9, "macro-F1 {f1}: {out}");
    // Every class is in the table, and no verbatim quotation is called altered.
    for class in ["verbatim", "trimmed", "altered", "stitched", "misattributed", "translated", "not_in_record", "none"]
    {
        assert!(out.lines().any(|l| l.trim_start().starts_with(class)), "{class}: {out}");
    }
    assert!(!out.lines().any(|l| l.starts_with("verbatim") && l.contains("judged altered")), "{out}");
    assert!(!w.db().exists(), "eval writes no archive of the user's");
}

#[test]
fn every_transcript_layout_is_read_into_turns() {
    let w = Workdir::new();
    let dir = fixtures("transcripts");
    for (file, layout, turns) in [
        ("official-colon.txt", "transcript", 9),
        ("official-period.txt", "transcript", 7),
        ("interview.txt", "interview", 8),
        ("captions.vtt", "webvtt", 3),
        ("captions.srt", "srt", 7),
    ] {
        let path = dir.join(file);
        // Captions are records whatever the flag; text needs --primary.
        w.stdout(&["--quiet", "import", "--primary", path.to_str().unwrap()]);
        let got = w.column(&format!(
            "SELECT layout || ' ' || (SELECT count(*) FROM transcript_turns t WHERE t.transcript_id = r.id)
             FROM transcripts r WHERE source_path LIKE '%{file}'"
        ));
        assert_eq!(got, [format!("{layout} {turns}")], "{file}");
    }
    // Stage directions and labels are not spoken words.
    let text = w.column("SELECT text FROM transcripts WHERE source_path LIKE '%official-colon.txt'").remove(0);
    assert!(!text.contains("[Laughter]") && !text.contains("(Applause.)") && !text.contains("GOVERNOR MARSH:"));
    assert!(text.contains("(the federal share came later)"), "a parenthesis in speech stays");
    // Interview and caption times are kept.
    assert!(w.count("SELECT count(*) FROM transcript_turns WHERE start_ms IS NOT NULL") >= 18);
    assert_eq!(w.count("SELECT count(*) FROM articles"), 0);
}

#[test]
fn a_malformed_captions_file_is_reported_by_line_and_nothing_else_is_lost() {
    let w = Workdir::new();
    let dir = fixtures("transcripts");
    let out = w
        .cmd()
        .args(["import"])
        .arg(dir.join("malformed.vtt"))
        .arg(dir.join("captions.srt"))
        .arg(dir.join("interview.txt"))
        .arg("--primary")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "a failed input fails the run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("malformed.vtt:12:") && stderr.contains("cue timing"), "{stderr}");
    assert_eq!(w.count("SELECT count(*) FROM transcripts"), 2, "the good files are stored");
    assert_eq!(w.count("SELECT count(*) FROM import_errors WHERE path LIKE '%malformed.vtt' AND line = 12"), 1);
    assert!(w.column("SELECT source_path FROM transcripts").iter().all(|p| !p.contains("malformed")));
}

#[test]
fn a_record_imported_after_its_articles_checks_them() {
    // The articles alone, then the briefing's record with --primary.
    let (w, docs) = articles_only();
    assert_eq!(w.count("SELECT count(*) FROM quote_fidelity"), 0);
    w.stdout(&["--quiet", "import", docs.join("records/briefing-2026-03-03.txt").to_str().unwrap(), "--primary"]);
    let judged = w.count(
        "SELECT count(*) FROM quote_fidelity f JOIN transcripts r ON r.id = f.transcript_id
         WHERE r.source_path LIKE '%briefing-2026-03-03.txt'",
    );
    assert!(judged >= 15, "the briefing's quotations are checked against it: {judged}");
    // The same record again changes nothing.
    let before = w.column("SELECT quote_id || class FROM quote_fidelity ORDER BY quote_id");
    w.stdout(&["--quiet", "import", docs.join("records/briefing-2026-03-03.txt").to_str().unwrap(), "--primary"]);
    assert_eq!(w.column("SELECT quote_id || class FROM quote_fidelity ORDER BY quote_id"), before);
    assert_eq!(w.count("SELECT count(*) FROM transcripts"), 1);
}

#[test]
fn a_manifest_kind_that_is_neither_is_an_error_with_its_line() {
    let w = Workdir::new();
    w.write("docs/a.txt", "A headline\n\nSome text of an article that says nothing much at all.\n");
    w.write("docs/manifest.csv", "file,kind\na.txt,transcrpit\n");
    let out = w.cmd().args(["import", w.path().join("docs").to_str().unwrap()]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("manifest.csv:2:") && stderr.contains("'transcrpit'"), "{stderr}");
}

#[test]
fn gen_corpus_writes_records_and_the_edits_outlets_make() {
    let w = Workdir::new();
    let corpus = w.path().join("c.jsonl");
    w.stdout(&["--quiet", "gen-corpus", "--articles", "300", "--transcripts", "--out", corpus.to_str().unwrap()]);
    let lines = std::fs::read_to_string(&corpus).unwrap();
    let records = lines.lines().filter(|l| l.contains("\"kind\":\"primary\"")).count();
    assert!(records >= 30, "a record per story: {records}");
    w.stdout(&["--quiet", "import", corpus.to_str().unwrap()]);
    assert_eq!(w.count("SELECT count(*) FROM articles"), 300);
    assert_eq!(w.count("SELECT count(*) FROM transcripts"), records as i64);
    // Every class the generator's outlets produce is found.
    let classes = w.column("SELECT DISTINCT class FROM quote_fidelity ORDER BY class");
    assert_eq!(classes, ["altered", "misattributed", "not_in_record", "stitched", "trimmed", "verbatim"]);
    // The pass holds a month or two of records at a time, articles taken
    // in the order of their days (the corpus spans a year): every
    // quotation is still judged against a record of its article's days.
    let body = "SELECT count(*) FROM quotes WHERE region = 'body' AND kind <> 'mention'";
    let judged = w.count("SELECT count(*) FROM quote_fidelity");
    assert!(judged * 100 >= w.count(body) * 97, "{judged} of {} quotations judged", w.count(body));
    let days = w.column("SELECT DISTINCT substr(published_at, 1, 7) FROM articles");
    assert!(days.len() >= 6, "articles over many months: {days:?}");
    let outside = "SELECT count(*) FROM quote_fidelity f JOIN transcripts r ON r.id = f.transcript_id
                   JOIN quotes q ON q.id = f.quote_id JOIN articles a ON a.id = q.article_id
                   WHERE julianday(a.published_at) - julianday(r.held_on) NOT BETWEEN -1 AND 30";
    assert_eq!(w.count(outside), 0, "a verdict against a record of another month");
    // An article without a date is judged against every record: one
    // article's date taken away, and its verdicts, then linked again.
    let article = w.count("SELECT q.article_id FROM quote_fidelity f JOIN quotes q ON q.id = f.quote_id LIMIT 1");
    let before = w.column(&format!(
        "SELECT f.quote_id || ' ' || f.class || ' ' || f.transcript_id FROM quote_fidelity f
         JOIN quotes q ON q.id = f.quote_id WHERE q.article_id = {article} ORDER BY f.quote_id"
    ));
    w.conn()
        .execute_batch(&format!(
            "PRAGMA foreign_keys = ON;
             UPDATE articles SET published_at = NULL WHERE id = {article};
             DELETE FROM quote_fidelity WHERE quote_id IN (SELECT id FROM quotes WHERE article_id = {article});
             DELETE FROM fidelity_checked WHERE article_id = {article};"
        ))
        .unwrap();
    w.stdout(&["--quiet", "link"]);
    let after = w.column(&format!(
        "SELECT f.quote_id || ' ' || f.class || ' ' || f.transcript_id FROM quote_fidelity f
         JOIN quotes q ON q.id = f.quote_id WHERE q.article_id = {article} ORDER BY f.quote_id"
    ));
    assert!(!before.is_empty());
    assert_eq!(after, before, "the undated article finds its record among all of them");
    // Records are written in English only.
    let out = w
        .cmd()
        .args(["gen-corpus", "--articles", "5", "--transcripts", "--languages", "en,fr", "--out"])
        .arg(w.path().join("x.jsonl"))
        .output()
        .unwrap();
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("--transcripts"));
}

/// `report fidelity-outlets` as its rows, and the same figures counted
/// from the verdicts themselves.
fn per_outlet(w: &Workdir) -> (Vec<String>, Vec<String>) {
    let report = w.column(
        "SELECT outlet || ' ' || checked || ' ' || verbatim_pct || ' ' || trimmed_pct || ' ' || altered_pct || ' '
                || stitched_pct || ' ' || misattributed_pct || ' ' || not_in_record_pct || ' ' || translated
         FROM report_fidelity_outlets ORDER BY outlet",
    );
    let counted = w.column(
        "SELECT o.name || ' ' || sum(f.class <> 'translated') || ' '
                || round(100.0 * sum(f.class = 'verbatim') / sum(f.class <> 'translated'), 1) || ' '
                || round(100.0 * sum(f.class = 'trimmed') / sum(f.class <> 'translated'), 1) || ' '
                || round(100.0 * sum(f.class = 'altered') / sum(f.class <> 'translated'), 1) || ' '
                || round(100.0 * sum(f.class = 'stitched') / sum(f.class <> 'translated'), 1) || ' '
                || round(100.0 * sum(f.class = 'misattributed') / sum(f.class <> 'translated'), 1) || ' '
                || round(100.0 * sum(f.class = 'not_in_record') / sum(f.class <> 'translated'), 1) || ' '
                || sum(f.class = 'translated')
         FROM quote_fidelity f JOIN quotes q ON q.id = f.quote_id JOIN articles a ON a.id = q.article_id
         JOIN outlets o ON o.id = a.outlet_id GROUP BY o.id ORDER BY o.name",
    );
    (report, counted)
}

#[test]
fn the_per_outlet_summary_follows_the_verdicts() {
    // Articles first, then the records one at a time: each record judges
    // again the articles of its days, replacing their verdicts.
    let (w, docs) = articles_only();
    let mut records: Vec<PathBuf> =
        std::fs::read_dir(docs.join("records")).unwrap().map(|e| e.unwrap().path()).collect();
    records.sort();
    for record in &records {
        w.stdout(&["--quiet", "import", "--primary", record.to_str().unwrap()]);
        let (report, counted) = per_outlet(&w);
        assert_eq!(report, counted, "after {}", record.display());
    }
    let (report, _) = per_outlet(&w);
    assert_eq!(report.len(), 7, "every outlet with a verdict: {report:?}");

    // Verdicts deleted with SQL leave the summary with them; the articles
    // judged again put it back as it was.
    let conn = w.conn();
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         DELETE FROM quote_fidelity WHERE quote_id IN (
             SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id JOIN outlets o ON o.id = a.outlet_id
             WHERE o.name = 'Meridian Daily');
         DELETE FROM fidelity_checked WHERE article_id IN (
             SELECT a.id FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.name = 'Meridian Daily');",
    )
    .unwrap();
    drop(conn);
    let (without, counted) = per_outlet(&w);
    assert_eq!(without, counted);
    assert!(without.len() == 6 && !without.iter().any(|r| r.starts_with("Meridian Daily")), "{without:?}");
    w.stdout(&["--quiet", "link"]);
    assert_eq!(per_outlet(&w).0, report);

    // A summary edited by hand: `check` says so, `link --rebuild` recounts.
    w.conn().execute("UPDATE fidelity_outlet_stats SET verbatim = verbatim + 5", []).unwrap();
    let check = w.cmd().args(["check", "--format", "csv"]).output().unwrap();
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(out.lines().any(|l| l.starts_with("fidelity summary") && l.contains("FAILED")), "{out}");
    w.stdout(&["--quiet", "link", "--rebuild"]);
    assert_eq!(per_outlet(&w).0, report);
    assert!(w.stdout(&["check", "--format", "csv"]).lines().any(|l| l.starts_with("fidelity summary,ok")));
}

#[test]
fn reextract_reads_the_records_again() {
    let w = imported();
    let turns =
        "SELECT r.source_path || ' ' || t.seq || ' ' || coalesce(t.label, '') || ' ' || t.start || ' ' || t.\"end\"
                 FROM transcript_turns t JOIN transcripts r ON r.id = t.transcript_id ORDER BY r.id, t.seq";
    let verdicts = "SELECT quote_id || ' ' || class || ' ' || coalesce(start, '') || ' ' || coalesce(diff, '')
                    FROM quote_fidelity ORDER BY quote_id";
    let (turns_before, verdicts_before) = (w.column(turns), w.column(verdicts));
    // One record's turns lost (as if an earlier version had read none),
    // and with them the verdicts on its quotations.
    w.conn()
        .execute_batch(
            "PRAGMA foreign_keys = ON;
             DELETE FROM quote_fidelity WHERE transcript_id = (
                 SELECT id FROM transcripts WHERE source_path LIKE '%briefing-2026-03-03.txt');
             DELETE FROM transcript_turns WHERE transcript_id = (
                 SELECT id FROM transcripts WHERE source_path LIKE '%briefing-2026-03-03.txt');",
        )
        .unwrap();
    assert!(w.column(verdicts).len() < verdicts_before.len());
    let out = w.cmd().arg("reextract").output().unwrap();
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && note.contains("6 records read, 1 changed, 0 failed"), "{note}");
    assert_eq!(w.column(turns), turns_before, "the record's turns are read from its source again");
    assert_eq!(w.column(verdicts), verdicts_before, "and its quotations checked again");
    let (report, counted) = per_outlet(&w);
    assert_eq!(report, counted);
    // Nothing differs now: nothing is rewritten.
    let again = w.cmd().arg("reextract").output().unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains("6 records read, 0 changed"));
}
