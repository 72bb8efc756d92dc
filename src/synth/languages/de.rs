//! German: „…“, sagte X; X sagte: „…“; „…“, so X.

use super::{Amount, Count, Noun, Share, Texts, Tongue, decimal, grouped, latin_author, plain};
use crate::synth::names::Script;

/// German, as the German press writes it.
pub static DE: Tongue = Tongue {
    code: "de",
    script: Script::Latin,
    statement: |r| r.de,
    noun,
    groups: [
        ("Familien", "die Familien"),
        ("Arbeitnehmer", "die Arbeitnehmer"),
        ("Landwirte", "die Landwirte"),
        ("Rentner", "die Rentner"),
        ("Studierende", "die Studierenden"),
        ("Steuerzahler", "die Steuerzahler"),
        ("Pflegekräfte", "die Pflegekräfte"),
        ("kleine Unternehmen", "die kleinen Unternehmen"),
        ("junge Menschen", "die jungen Menschen"),
        ("Autofahrer", "die Autofahrer"),
        ("Patienten", "die Patienten"),
        ("Mieter", "die Mieter"),
    ],
    cities: [
        ("Brüssel", "in Brüssel"),
        ("Lissabon", "in Lissabon"),
        ("Oslo", "in Oslo"),
        ("Nairobi", "in Nairobi"),
        ("Lima", "in Lima"),
        ("Seoul", "in Seoul"),
        ("Manila", "in Manila"),
        ("Ottawa", "in Ottawa"),
        ("Dublin", "in Dublin"),
        ("Accra", "in Accra"),
        ("Hanoi", "in Hanoi"),
        ("Quito", "in Quito"),
        ("Riga", "in Riga"),
        ("Tunis", "in Tunis"),
        ("Canberra", "in Canberra"),
        ("Montreal", "in Montreal"),
    ],
    // The bare title before a name ("sagte Finanzministerin Anna Adler"),
    // with its article alone ("fügte die Finanzministerin hinzu").
    roles: [
        [("Premierminister {name}", "der Premierminister"), ("Premierministerin {name}", "die Premierministerin")],
        [("Finanzminister {name}", "der Finanzminister"), ("Finanzministerin {name}", "die Finanzministerin")],
        [("Senator {name}", "der Senator"), ("Senatorin {name}", "die Senatorin")],
        [("Landeschef {name}", "der Landeschef"), ("Landeschefin {name}", "die Landeschefin")],
        [("Bürgermeister {name}", "der Bürgermeister"), ("Bürgermeisterin {name}", "die Bürgermeisterin")],
        [("Präsident {name}", "der Präsident"), ("Präsidentin {name}", "die Präsidentin")],
        [("Ökonom {name}", "der Ökonom"), ("Ökonomin {name}", "die Ökonomin")],
        [("Sprecher {name}", "der Sprecher"), ("Sprecherin {name}", "die Sprecherin")],
        [("Sprecher {name}", "der Sprecher"), ("Sprecherin {name}", "die Sprecherin")],
        [("Vorstandschef {name}", "der Vorstandschef"), ("Vorstandschefin {name}", "die Vorstandschefin")],
        [
            ("Gesundheitsminister {name}", "der Gesundheitsminister"),
            ("Gesundheitsministerin {name}", "die Gesundheitsministerin"),
        ],
        [
            ("Gewerkschaftschef {name}", "der Gewerkschaftschef"),
            ("Gewerkschaftschefin {name}", "die Gewerkschaftschefin"),
        ],
        [("Professor {name}", "der Professor"), ("Professorin {name}", "die Professorin")],
        [("Richter {name}", "der Richter"), ("Richterin {name}", "die Richterin")],
    ],
    gendered: &[("der", "der", "die"), ("poss_side", "seinerseits", "ihrerseits")],
    outlets: (
        "{a} {b}",
        &[
            ("Kurier", "kurier"),
            ("Anzeiger", "anzeiger"),
            ("Rundschau", "rundschau"),
            ("Nachrichten", "nachrichten"),
            ("Zeitung", "zeitung"),
            ("Post", "post"),
            ("Tagblatt", "tagblatt"),
            ("Bote", "bote"),
            ("Echo", "echo"),
            ("Presse", "presse"),
        ],
        &[
            ("vom Rhein", "vomrhein"),
            ("an der Elbe", "anderelbe"),
            ("am Main", "ammain"),
            ("der Mitte", "dermitte"),
            ("des Nordens", "desnordens"),
            ("am Abend", "amabend"),
            ("am Morgen", "ammorgen"),
            ("vom See", "vomsee"),
            ("der Hauptstadt", "derhauptstadt"),
            ("am Sonntag", "amsonntag"),
            ("der Region", "derregion"),
            ("vom Land", "vomland"),
        ],
    ),
    weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    headline_words: ["Verhandlungen", "Streit", "Abstimmung", "Einigung"],
    fillers: ["wirklich", "tatsächlich", "noch", "auch", "sicherlich"],
    join: ". ",
    text: Texts {
        title: "{word} über den Plan {zu_s}: {lead_last} äußert sich",
        header: "{title}\n\nVon {author}\nVeröffentlicht: {date}",
        wire: "{city_caps} ({agency}) - Regierungsvertreter kamen am Dienstag zusammen, um über die Pläne {zu_t} \
               und {zu_s} zu beraten, die über {w_n} Jahre {w_cost} kosten würden. {Titled}, {der} die Gespräche \
               leitet, sagte, die Abstimmung könne in wenigen Wochen stattfinden.",
        wire_day: ("Dienstag", "Dienstagnachmittag"),
        lead: "{city_caps}, {day} ({agency}) - Abgeordnete und Regierungsvertreter {in_city} haben am {weekday} \
               erneut über die Pläne {zu_t} gestritten.",
        costs: [
            "Der {lead_last}-Plan {zu_t} {in_city} würde über {n_years} Jahre {money} kosten, teilten \
             Regierungsvertreter mit.",
            "Regierungsvertreter beziffern die Kosten des {lead_last}-Plans {zu_t} {in_city} auf {money}, verteilt \
             über {n_years} Jahre.",
            "Der auf {n_years} Jahre angelegte {lead_last}-Plan {zu_t} {in_city} soll {money} kosten.",
        ],
        polls: [
            "Laut einer in dieser Woche veröffentlichten Umfrage unterstützen {share} der Wähler {in_city} den \
             {lead_last}-Plan.",
            "Die Zustimmung zum {lead_last}-Plan liegt {in_city} bei {share}, wie die jüngste Umfrage zeigt.",
        ],
        crowd: "{Crowd} {group} protestierten am {weekday} {in_city} gegen die Reform {s_gen}.",
        intro: "{Titled} verfolgt die Verhandlungen {zu_t} seit dem Frühjahr.",
        quotes: [
            "„{text}“, sagte {last}.",
            "„{text}“, erklärte {titled}.",
            "{last} sagte: „{text}.“",
            "„{text}“, fügte {role} hinzu.",
            "„{text}“, so {full}.",
            "{last} nannte den Vorschlag {poss_side} in der Sitzung „{frag}“.",
            "„{text}“, sagte {last} vor Journalisten {in_city}.",
        ],
        promo: "{group}: Protest gegen Reform {s_gen} {in_city}",
        caption: "Demonstranten vor dem Ministerium am Montag. (Foto: {agency}/{photographer})",
        critics: "Kritiker sagen, der Plan {zu_t} lasse {group_def} im Stich, während Befürworter auf die Reform \
                  {s_gen} von {year} verweisen.",
        related: "Mehr zum Thema: {S}: Gespräche {zu_r} stocken {in_rcity}",
    },
    money,
    share,
    percent: |p| format!("{p} Prozent"),
    count,
    years: |n| format!("{n} Jahren"),
    date: |m, d| format!("{d}. {} 2024", MONTHS[m]),
    day: |m, d| format!("{d}. {}", MONTHS[m]),
    author: latin_author,
};

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember",
];

/// A noun's gender, which picks its articles.
#[derive(Clone, Copy)]
enum G {
    M,
    F,
    N,
}

/// Topics: (gender, nominative, genitive without the article).
#[rustfmt::skip]
const TOPICS: [(G, &str, &str); super::TOPICS] = [
    (G::M, "Haushalt", "Haushalts"), (G::F, "Steuer", "Steuer"), (G::F, "Brücke", "Brücke"),
    (G::N, "Krankenhaus", "Krankenhauses"), (G::F, "Schule", "Schule"), (G::F, "Rente", "Rente"),
    (G::M, "Zoll", "Zolls"), (G::F, "Bahn", "Bahn"), (G::M, "Hafen", "Hafens"), (G::F, "Energie", "Energie"),
    (G::N, "Wasser", "Wassers"), (G::M, "Wohnungsbau", "Wohnungsbaus"), (G::F, "Grenze", "Grenze"),
    (G::F, "Wahl", "Wahl"), (G::M, "Streik", "Streiks"), (G::F, "Reform", "Reform"), (G::M, "Vertrag", "Vertrags"),
    (G::F, "Subvention", "Subvention"), (G::M, "Impfstoff", "Impfstoffs"), (G::N, "Klima", "Klimas"),
    (G::M, "Mindestlohn", "Mindestlohns"), (G::M, "Markt", "Markts"), (G::M, "Flughafen", "Flughafens"),
    (G::F, "Pipeline", "Pipeline"), (G::N, "Abkommen", "Abkommens"), (G::N, "Gericht", "Gerichts"),
    (G::F, "Polizei", "Polizei"), (G::F, "Landwirtschaft", "Landwirtschaft"), (G::F, "Fischerei", "Fischerei"),
    (G::M, "Bergbau", "Bergbaus"), (G::F, "Miete", "Miete"), (G::N, "Stromnetz", "Stromnetzes"),
];

#[rustfmt::skip]
const ORGS: [(G, &str, &str); super::ORGS] = [
    (G::M, "IWF", "IWF"), (G::F, "OECD", "OECD"), (G::F, "EU-Kommission", "EU-Kommission"), (G::F, "UNO", "UNO"),
    (G::F, "WHO", "WHO"), (G::F, "Zentralbank", "Zentralbank"), (G::F, "Weltbank", "Weltbank"), (G::F, "WTO", "WTO"),
];

/// The noun with its article in the nominative (`""`), genitive (`"gen"`)
/// or accusative (`"acc"`), or after "zu" (`"zu"`: "zum Haushalt").
fn noun(noun: Noun, i: usize, form: &str, out: &mut String) -> bool {
    let (g, nom, genitive) = match noun {
        Noun::Topic => TOPICS[i],
        Noun::Org => ORGS[i],
    };
    let (article, word) = match (form, g) {
        ("", G::M) => ("der", nom),
        ("", G::F) => ("die", nom),
        ("", G::N) => ("das", nom),
        ("gen", G::M | G::N) => ("des", genitive),
        ("gen", G::F) => ("der", genitive),
        ("acc", G::M) => ("den", nom),
        ("acc", G::F) => ("die", nom),
        ("acc", G::N) => ("das", nom),
        ("zu", G::M | G::N) => ("zum", nom),
        ("zu", G::F) => ("zur", nom),
        _ => return false,
    };
    out.push_str(article);
    out.push(' ');
    out.push_str(word);
    true
}

fn money(a: Amount) -> String {
    // "eine Milliarde", "1,5 Milliarden": a whole one is singular.
    let bn = |b: f64| if b == 1.0 { "eine Milliarde".to_owned() } else { format!("{} Milliarden", plain(b, true)) };
    match a {
        Amount::Exact(b, 0) => format!("{} Milliarden Dollar", decimal(b, true)),
        Amount::Exact(b, 1) => format!("{} Mrd. Dollar", decimal(b, true)),
        Amount::Exact(b, _) => format!("{} Milliarden US-Dollar", decimal(b, true)),
        Amount::Rounded(b) => format!("{} Dollar", bn(b)),
        Amount::MoreThan(b) => format!("mehr als {} Dollar", bn(b)),
    }
}

fn share(s: Share) -> String {
    match s {
        Share::Exact(p, 0) => format!("{} Prozent", decimal(p, true)),
        Share::Exact(p, _) => format!("{} %", decimal(p, true)),
        Share::Rounded(p) => format!("{} Prozent", plain(p, true)),
        Share::Nearly(p) => format!("fast {} Prozent", plain(p, true)),
    }
}

fn count(c: Count) -> String {
    match c {
        Count::Exact(n) | Count::Thousands(n) => grouped(n, "."),
        Count::About(n) => format!("rund {}", grouped(n, ".")),
    }
}
