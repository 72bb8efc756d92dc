//! Dutch: „…”, zei X; X zei: „…”; „…”, aldus X.

use super::{Amount, Count, Noun, Share, Texts, Tongue, both, decimal, grouped, latin_author, plain};
use crate::synth::names::Script;

/// Dutch, as the Dutch press writes it.
pub static NL: Tongue = Tongue {
    code: "nl",
    script: Script::Latin,
    statement: |r| r.nl,
    noun,
    groups: [
        ("gezinnen", "de gezinnen"),
        ("werknemers", "de werknemers"),
        ("boeren", "de boeren"),
        ("gepensioneerden", "de gepensioneerden"),
        ("studenten", "de studenten"),
        ("belastingbetalers", "de belastingbetalers"),
        ("verpleegkundigen", "de verpleegkundigen"),
        ("kleine bedrijven", "de kleine bedrijven"),
        ("jongeren", "de jongeren"),
        ("automobilisten", "de automobilisten"),
        ("patiënten", "de patiënten"),
        ("huurders", "de huurders"),
    ],
    cities: [
        ("Brussel", "in Brussel"),
        ("Lissabon", "in Lissabon"),
        ("Oslo", "in Oslo"),
        ("Nairobi", "in Nairobi"),
        ("Lima", "in Lima"),
        ("Seoul", "in Seoul"),
        ("Manilla", "in Manilla"),
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
    // A ministry's name is capitalised: the name after it stands apart,
    // between commas.
    roles: [
        both("premier {name}", "de premier"),
        both("de minister van Financiën, {name}", "de minister van Financiën"),
        both("senator {name}", "de senator"),
        both("gouverneur {name}", "de gouverneur"),
        both("burgemeester {name}", "de burgemeester"),
        both("president {name}", "de president"),
        both("econoom {name}", "de econoom"),
        [("woordvoerder {name}", "de woordvoerder"), ("woordvoerster {name}", "de woordvoerster")],
        [("woordvoerder {name}", "de woordvoerder"), ("woordvoerster {name}", "de woordvoerster")],
        [("topman {name}", "de topman"), ("topvrouw {name}", "de topvrouw")],
        both("de minister van Volksgezondheid, {name}", "de minister van Volksgezondheid"),
        both("vakbondsleider {name}", "de vakbondsleider"),
        both("hoogleraar {name}", "de hoogleraar"),
        both("rechter {name}", "de rechter"),
    ],
    gendered: &[("poss", "zijn", "haar")],
    outlets: (
        "{a} {b}",
        &[
            ("Dagblad", "dagblad"),
            ("Courant", "courant"),
            ("Nieuwsblad", "nieuwsblad"),
            ("Gazet", "gazet"),
            ("Krant", "krant"),
            ("Bode", "bode"),
            ("Post", "post"),
            ("Stem", "stem"),
            ("Koerier", "koerier"),
            ("Tijding", "tijding"),
        ],
        &[
            ("van het Noorden", "vanhetnoorden"),
            ("van het Zuiden", "vanhetzuiden"),
            ("van het Oosten", "vanhetoosten"),
            ("van het Westen", "vanhetwesten"),
            ("van de Kust", "vandekust"),
            ("van de Stad", "vandestad"),
            ("van de Delta", "vandedelta"),
            ("van de Polder", "vandepolder"),
            ("van de Rivier", "vanderivier"),
            ("van de Haven", "vandehaven"),
            ("van het Land", "vanhetland"),
            ("van de Regio", "vanderegio"),
        ],
    ),
    weekdays: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
    headline_words: ["onderhandelingen", "ruzie", "stemming", "akkoord"],
    fillers: ["echt", "nog", "ook", "zeker", "wel"],
    join: ". ",
    text: Texts {
        title: "{T}: {word} over plan voor {s}, zegt {lead_last}",
        header: "{title}\n\nDoor {author}\nGepubliceerd: {date}",
        wire: "{city_caps} ({agency}) - Bestuurders kwamen dinsdag bijeen om te praten over de plannen voor {t} en \
               {s}, die over {w_years} {w_cost} zouden kosten. {Titled}, die de gesprekken leidt, zei dat de stemming \
               binnen enkele weken kan plaatsvinden.",
        wire_day: ("dinsdag", "dinsdagmiddag"),
        lead: "{city_caps}, {day} ({agency}) - Politici en bestuurders {in_city} zijn het op {weekday} opnieuw oneens \
               geworden over het plan voor {t}.",
        costs: [
            "Het plan-{lead_last} voor {t} {in_city} zou over {years} {money} kosten, zeggen bestuurders.",
            "Bestuurders schatten de kosten van het plan-{lead_last} voor {t} {in_city} op {money}, gespreid over \
             {years}.",
            "Het plan-{lead_last} voor {t} {in_city}, dat {years} loopt, kost naar verwachting {money}.",
        ],
        polls: [
            "Uit een deze week gepubliceerde peiling blijkt dat {share} van de kiezers {in_city} het plan-{lead_last} \
             steunt.",
            "De steun voor het plan-{lead_last} {in_city} bedraagt {share}, blijkt uit de laatste peiling.",
        ],
        crowd: "{Crowd} {group} demonstreerden op {weekday} {in_city} tegen de hervorming van {s}.",
        intro: "{Titled}{sep} volgt de onderhandelingen over {t} sinds het voorjaar.",
        quotes: [
            "„{text}”, zei {last}.",
            "„{text}”, verklaarde {titled}.",
            "{last} zei: „{text}.”",
            "„{text}”, benadrukte {role}.",
            "„{text}”, aldus {full}.",
            "{last} noemde het voorstel van {poss} kant tijdens de zitting „{frag}”.",
            "„{text}”, zei {last} tegen journalisten {in_city}.",
        ],
        promo: "{group} protesteren tegen hervorming van {s} {in_city}",
        caption: "Demonstranten voor het ministerie op maandag. (Foto {agency}/{photographer})",
        critics: "Critici zeggen dat het plan voor {t} {group_def} in de steek laat, terwijl voorstanders wijzen op de \
                  hervorming van {s} uit {year}.",
        related: "Lees ook: {S}: gesprekken over {r} lopen vast {in_rcity}",
    },
    money,
    share,
    percent: |p| format!("{p} procent"),
    count,
    years: |n| format!("{n} jaar"),
    date: |m, d| format!("{d} {} 2024", MONTHS[m]),
    day: |m, d| format!("{d} {}", MONTHS[m]),
    author: latin_author,
};

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
    "december",
];

#[rustfmt::skip]
const TOPICS: [&str; super::TOPICS] = [
    "de begroting", "de belasting", "de brug", "het ziekenhuis", "de school", "het pensioenstelsel",
    "de invoerheffing", "het spoor", "de haven", "de energie", "het water", "de woningbouw", "de grens",
    "de verkiezing", "de staking", "de hervorming", "het contract", "de subsidie", "het vaccin", "het klimaat",
    "het minimumloon", "de markt", "de luchthaven", "de pijpleiding", "het verdrag", "de rechtbank", "de politie",
    "de landbouw", "de visserij", "de mijnbouw", "de huur", "het elektriciteitsnet",
];

const ORGS: [&str; super::ORGS] =
    ["het IMF", "de OESO", "de Europese Commissie", "de VN", "de WHO", "de centrale bank", "de Wereldbank", "de WTO"];

/// The noun with its article: Dutch contracts no preposition with it.
fn noun(noun: Noun, i: usize, form: &str, out: &mut String) -> bool {
    if !form.is_empty() {
        return false;
    }
    out.push_str(match noun {
        Noun::Topic => TOPICS[i],
        Noun::Org => ORGS[i],
    });
    true
}

fn money(a: Amount) -> String {
    match a {
        Amount::Exact(b, 0) => format!("{} miljard dollar", decimal(b, true)),
        Amount::Exact(b, 1) => format!("${} miljard", decimal(b, true)),
        Amount::Exact(b, _) => format!("{} mld. dollar", decimal(b, true)),
        Amount::Rounded(b) => format!("{} miljard dollar", plain(b, true)),
        Amount::MoreThan(b) => format!("meer dan {} miljard dollar", plain(b, true)),
    }
}

fn share(s: Share) -> String {
    match s {
        Share::Exact(p, 0) => format!("{} procent", decimal(p, true)),
        Share::Exact(p, _) => format!("{}%", decimal(p, true)),
        Share::Rounded(p) => format!("{} procent", plain(p, true)),
        Share::Nearly(p) => format!("bijna {} procent", plain(p, true)),
    }
}

fn count(c: Count) -> String {
    match c {
        Count::Exact(n) | Count::Thousands(n) => grouped(n, "."),
        Count::About(n) => format!("zo'n {}", grouped(n, ".")),
    }
}
