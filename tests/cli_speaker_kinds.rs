//! Who a source is — a person, a role nobody is named for, an organisation
//! or unnamed people — through the real binary on a real archive: roles and
//! short mentions resolved to the person the article names, roles kept
//! when it names nobody, sentence-opening words never taken for names, and
//! `--speaker-kind` in the reports.

mod common;
use common::{Workdir, parse_csv};

/// The speaker name and kind of each body quotation, by its first words.
fn attributed(w: &Workdir) -> Vec<(String, String, String)> {
    let sql = "SELECT q.text, coalesce(s.name, ''), coalesce(s.kind, '') FROM quotes q
               LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.region = 'body' ORDER BY q.id";
    let (_, rows) = parse_csv(&w.stdout(&["sql", sql, "--format", "csv"]));
    rows.into_iter().map(|r| (r[0].clone(), r[1].clone(), r[2].clone())).collect()
}

fn speaker_of<'a>(rows: &'a [(String, String, String)], quote: &str) -> (&'a str, &'a str) {
    let r = rows.iter().find(|r| r.0.starts_with(quote)).unwrap_or_else(|| panic!("no quotation {quote:?}: {rows:?}"));
    (r.1.as_str(), r.2.as_str())
}

const ENGLISH: &str = "Harbour deal signed\n\n\
    Police Commissioner Dana Ortiz opened the briefing on Tuesday. \"We have made four arrests,\" the police commissioner said.\n\n\
    Oskar Brandt, who chairs the port authority, welcomed the deal. \"This secures the harbour for a decade,\" Mr. Brandt said.\n\n\
    \"We were not consulted,\" a company spokeswoman said.\n\n\
    \"The figures will be published next week,\" the ministry said in a statement.\n\n\
    \"Talks are close to collapse,\" said a source familiar with the talks.\n\n\
    Officials said the terminal would reopen \"within days.\"\n\n\
    However, \"nothing is settled yet,\" Brandt added.\n\n\
    Only \"a handful of ships\" were turned away, he said.\n\n\
    \"The mayor has not called us,\" the fishermen's union said.\n";

#[test]
fn each_source_is_a_person_a_role_an_organisation_or_unnamed() {
    let w = Workdir::new();
    w.write("news/harbour.txt", ENGLISH);
    w.stdout(&["import", "news"]);
    let rows = attributed(&w);
    // A role the article names someone for is that person; so is a short mention.
    assert_eq!(speaker_of(&rows, "We have made four arrests"), ("Dana Ortiz", "person"));
    assert_eq!(speaker_of(&rows, "This secures the harbour"), ("Oskar Brandt", "person"));
    // A role nobody is named for stays the role.
    assert_eq!(speaker_of(&rows, "We were not consulted"), ("company spokeswoman", "role"));
    assert_eq!(speaker_of(&rows, "The figures will be published"), ("ministry", "organisation"));
    assert_eq!(speaker_of(&rows, "The mayor has not called us"), ("fishermen's union", "organisation"));
    assert_eq!(speaker_of(&rows, "Talks are close to collapse").1, "anonymous");
    assert_eq!(speaker_of(&rows, "within days"), ("officials", "anonymous"));
    // Sentence-opening words are not names: the speaker is the one named.
    assert_eq!(speaker_of(&rows, "nothing is settled yet"), ("Oskar Brandt", "person"));
    assert_eq!(speaker_of(&rows, "a handful of ships"), ("Oskar Brandt", "person"));
    for (quote, name, _) in &rows {
        assert!(!["However", "Only", "Tuesday", "He"].contains(&name.as_str()), "{quote:?} said by {name:?}");
    }
}

#[test]
fn reports_filter_by_speaker_kind() {
    let w = Workdir::new();
    w.write("news/harbour.txt", ENGLISH);
    w.stdout(&["import", "news"]);
    let (header, rows) =
        parse_csv(&w.stdout(&["report", "speakers", "--speaker-kind", "anonymous", "--format", "csv"]));
    let kind = header.iter().position(|h| h == "kind").expect("report_speakers has a kind column");
    assert!(!rows.is_empty() && rows.iter().all(|r| r[kind] == "anonymous"), "{rows:?}");
    assert!(rows.iter().any(|r| r[0] == "officials"), "{rows:?}");

    let (header, rows) = parse_csv(&w.stdout(&["report", "quotes", "--speaker-kind", "person", "--format", "csv"]));
    let speaker = header.iter().position(|h| h == "speaker").unwrap();
    let people: Vec<&str> = rows.iter().map(|r| r[speaker].as_str()).collect();
    assert!(people.contains(&"Oskar Brandt") && people.contains(&"Dana Ortiz"), "{people:?}");
    assert!(!people.contains(&"ministry") && !people.contains(&"officials"), "{people:?}");

    // The same filter in SQL, as sqlite3 users write it.
    let (_, kinds) =
        parse_csv(&w.stdout(&["sql", "SELECT DISTINCT kind FROM report_speakers ORDER BY kind", "--format", "csv"]));
    let kinds: Vec<&str> = kinds.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(kinds, ["anonymous", "organisation", "person", "role"]);

    let out = w.cmd().args(["report", "outlets", "--speaker-kind", "role"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--speaker-kind goes with"));
}

#[test]
fn kinds_in_other_languages() {
    let w = Workdir::new();
    w.write(
        "news/fr.txt",
        "Crue de la Loire\n\n\
         La préfète Anne Morel a visité les quartiers inondés. « Personne ne sera oublié », a déclaré la préfète.\n\n\
         « Les digues ont tenu », a indiqué un porte-parole des pompiers.\n\n\
         « L'eau monte encore », selon des habitants du quartier.\n",
    );
    w.write(
        "news/es.txt",
        "Huelga\n\n\
         «No aceptaremos recortes», dijo el sindicato en un comunicado.\n\n\
         «La situación está controlada», afirmó la portavoz del Ayuntamiento.\n",
    );
    w.write("news/manifest.csv", "file,outlet,language\nfr.txt,Le Quotidien,fr\nes.txt,El Diario,es\n");
    w.stdout(&["import", "news"]);
    let rows = attributed(&w);
    assert_eq!(speaker_of(&rows, "Personne ne sera oublié"), ("Anne Morel", "person"));
    assert_eq!(speaker_of(&rows, "Les digues ont tenu").1, "role");
    assert_eq!(speaker_of(&rows, "L'eau monte encore").1, "anonymous");
    assert_eq!(speaker_of(&rows, "No aceptaremos recortes").1, "organisation");
    assert_eq!(speaker_of(&rows, "La situación está controlada").1, "role");
}
