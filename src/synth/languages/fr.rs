//! French: « … », a déclaré X ; X a déclaré : « … » ; selon X, « … ».

use super::{Amount, Count, Noun, Share, Texts, Tongue, contract, decimal, grouped, latin_author, plain};
use crate::synth::names::Script;

/// French, as the French press writes it.
pub static FR: Tongue = Tongue {
    code: "fr",
    script: Script::Latin,
    statement: |r| r.fr,
    noun,
    groups: [
        ("familles", "les familles"),
        ("travailleurs", "les travailleurs"),
        ("agriculteurs", "les agriculteurs"),
        ("retraités", "les retraités"),
        ("étudiants", "les étudiants"),
        ("contribuables", "les contribuables"),
        ("infirmières", "les infirmières"),
        ("petites entreprises", "les petites entreprises"),
        ("jeunes", "les jeunes"),
        ("automobilistes", "les automobilistes"),
        ("patients", "les patients"),
        ("locataires", "les locataires"),
    ],
    cities: [
        ("Bruxelles", "à Bruxelles"),
        ("Lisbonne", "à Lisbonne"),
        ("Oslo", "à Oslo"),
        ("Nairobi", "à Nairobi"),
        ("Lima", "à Lima"),
        ("Séoul", "à Séoul"),
        ("Manille", "à Manille"),
        ("Ottawa", "à Ottawa"),
        ("Dublin", "à Dublin"),
        ("Accra", "à Accra"),
        ("Hanoï", "à Hanoï"),
        ("Quito", "à Quito"),
        ("Riga", "à Riga"),
        ("Tunis", "à Tunis"),
        ("Canberra", "à Canberra"),
        ("Montréal", "à Montréal"),
    ],
    // A ministry's name is capitalised: the name after it stands apart,
    // between commas, as the French press writes it.
    roles: [
        [
            ("le Premier ministre {name}", "le Premier ministre"),
            ("la Première ministre {name}", "la Première ministre"),
        ],
        [
            ("le ministre des Finances, {name}", "le ministre des Finances"),
            ("la ministre des Finances, {name}", "la ministre des Finances"),
        ],
        [("le sénateur {name}", "le sénateur"), ("la sénatrice {name}", "la sénatrice")],
        [("le gouverneur {name}", "le gouverneur"), ("la gouverneure {name}", "la gouverneure")],
        [("le maire {name}", "le maire"), ("la maire {name}", "la maire")],
        [("le président {name}", "le président"), ("la présidente {name}", "la présidente")],
        [("l'économiste {name}", "l'économiste"), ("l'économiste {name}", "l'économiste")],
        [("le porte-parole {name}", "le porte-parole"), ("la porte-parole {name}", "la porte-parole")],
        [("le porte-parole {name}", "le porte-parole"), ("la porte-parole {name}", "la porte-parole")],
        [
            ("le directeur général {name}", "le directeur général"),
            ("la directrice générale {name}", "la directrice générale"),
        ],
        [
            ("le ministre de la Santé, {name}", "le ministre de la Santé"),
            ("la ministre de la Santé, {name}", "la ministre de la Santé"),
        ],
        [
            ("le dirigeant syndical {name}", "le dirigeant syndical"),
            ("la dirigeante syndicale {name}", "la dirigeante syndicale"),
        ],
        [("le professeur {name}", "le professeur"), ("la professeure {name}", "la professeure")],
        [("le juge {name}", "le juge"), ("la juge {name}", "la juge")],
    ],
    gendered: &[],
    outlets: (
        "{a} {b}",
        &[
            ("Le Courrier", "lecourrier"),
            ("La Gazette", "lagazette"),
            ("Le Journal", "lejournal"),
            ("La Tribune", "latribune"),
            ("Le Républicain", "lerepublicain"),
            ("L'Écho", "lecho"),
            ("Le Progrès", "leprogres"),
            ("La Voix", "lavoix"),
            ("Le Messager", "lemessager"),
            ("L'Éclaireur", "leclaireur"),
        ],
        &[
            ("du Nord", "dunord"),
            ("de l'Ouest", "delouest"),
            ("du Centre", "ducentre"),
            ("du Midi", "dumidi"),
            ("de la Côte", "delacote"),
            ("du Soir", "dusoir"),
            ("du Matin", "dumatin"),
            ("de la Vallée", "delavallee"),
            ("de la Capitale", "delacapitale"),
            ("du Littoral", "dulittoral"),
            ("de l'Est", "delest"),
            ("du Sud", "dusud"),
        ],
    ),
    weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
    headline_words: ["négociations", "polémique", "vote", "accord"],
    fillers: ["vraiment", "toujours", "aussi", "certainement", "bien"],
    join: ". ",
    text: Texts {
        title: "{T} : {word} sur le dossier {de_s}, selon {lead_last}",
        header: "{title}\n\nPar {author}\nPublié le {date}",
        wire: "{city_caps} ({agency}) - Les responsables se sont réunis mardi pour discuter des projets sur {t} et \
               {s}, qui coûteraient {w_cost} sur {w_years}. {Titled}, qui dirige les négociations, a indiqué que le \
               vote pourrait avoir lieu d'ici quelques semaines.",
        wire_day: ("mardi", "mardi après-midi"),
        lead: "{city_caps}, {day} ({agency}) - Élus et responsables se sont de nouveau affrontés {in_city} {weekday} \
               sur le dossier {de_t}.",
        costs: [
            "Le plan {lead_last} sur {t} coûterait {money} sur {years} {in_city}, selon les responsables.",
            "Les responsables estiment le coût du plan {lead_last} sur {t} {in_city} à {money} sur {years}.",
            "Le plan {lead_last} sur {t}, prévu sur {years} {in_city}, devrait coûter {money}.",
        ],
        polls: [
            "Selon un sondage publié cette semaine, {share} des électeurs interrogés {in_city} soutiennent le plan \
             {lead_last}.",
            "Le soutien au plan {lead_last} atteint {share} {in_city}, d'après le dernier sondage.",
        ],
        crowd: "{Crowd} {group} ont manifesté {weekday} {in_city} contre la réforme {de_s}.",
        intro: "{Titled}{sep} suit les négociations sur {t} depuis le printemps.",
        quotes: [
            "« {text} », a déclaré {last}.",
            "« {text} », a affirmé {titled}.",
            "{last} a déclaré : « {text}. »",
            "« {text} », a ajouté {role}.",
            "Selon {full}, « {text}. »",
            "{last} a pour sa part qualifié la proposition de « {frag} » lors de la séance.",
            "« {text} », a déclaré {last} aux journalistes {in_city}.",
        ],
        promo: "{group} : manifestation contre la réforme {de_s} {in_city}",
        caption: "Des manifestants devant le ministère chargé {de_s}, lundi. (Photo {agency}/{photographer})",
        critics: "Les critiques estiment que le plan sur {t} laisse de côté {group_def}, tandis que ses partisans \
                  rappellent la réforme {de_s} de {year}.",
        related: "À lire aussi : {S} : les négociations sur {r} piétinent {in_rcity}",
    },
    money,
    share,
    percent: |p| format!("{p} %"),
    count,
    years: |n| format!("{n} ans"),
    date: |m, d| format!("{} {} 2024", day_of_month(d), MONTHS[m]),
    day: |m, d| format!("{} {}", day_of_month(d), MONTHS[m]),
    author: latin_author,
};

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
];

#[rustfmt::skip]
const TOPICS: [&str; super::TOPICS] = [
    "le budget", "l'impôt", "le pont", "l'hôpital", "l'école", "le système de retraite", "le tarif douanier",
    "le rail", "le port", "l'énergie", "l'eau", "le logement", "la frontière", "l'élection", "la grève",
    "la réforme", "le contrat", "la subvention", "le vaccin", "le climat", "le salaire minimum", "le marché",
    "l'aéroport", "le gazoduc", "le traité", "le tribunal", "la police", "l'agriculture", "la pêche",
    "l'exploitation minière", "le loyer", "le réseau électrique",
];

const ORGS: [&str; super::ORGS] = [
    "le FMI",
    "l'OCDE",
    "la Commission européenne",
    "l'ONU",
    "l'OMS",
    "la banque centrale",
    "la Banque mondiale",
    "l'OMC",
];

/// The noun (`""`), or contracted after "de" (`"de"`: "du budget") or "à"
/// (`"a"`: "au budget").
fn noun(noun: Noun, i: usize, form: &str, out: &mut String) -> bool {
    let n = match noun {
        Noun::Topic => TOPICS[i],
        Noun::Org => ORGS[i],
    };
    match form {
        "" => out.push_str(n),
        "de" => contract(out, n, &[("le ", "du "), ("les ", "des "), ("la ", "de la "), ("l'", "de l'")], "de "),
        "a" => contract(out, n, &[("le ", "au "), ("les ", "aux "), ("la ", "à la "), ("l'", "à l'")], "à "),
        _ => return false,
    }
    true
}

/// "1er juillet", "21 juillet".
fn day_of_month(d: usize) -> String {
    if d == 1 { "1er".to_owned() } else { d.to_string() }
}

/// "milliard" below two, "milliards" from two on.
fn milliards(b: f64) -> &'static str {
    if b < 2.0 { "milliard" } else { "milliards" }
}

fn money(a: Amount) -> String {
    match a {
        Amount::Exact(b, 0) => format!("{} {} de dollars", decimal(b, true), milliards(b)),
        Amount::Exact(b, 1) => format!("{} {} de dollars américains", decimal(b, true), milliards(b)),
        Amount::Exact(b, _) => format!("{} Md$", decimal(b, true)),
        Amount::Rounded(b) => format!("{} {} de dollars", plain(b, true), milliards(b)),
        Amount::MoreThan(b) => format!("plus de {} {} de dollars", plain(b, true), milliards(b)),
    }
}

fn share(s: Share) -> String {
    match s {
        Share::Exact(p, 0) => format!("{} %", decimal(p, true)),
        Share::Exact(p, _) => format!("{} pour cent", decimal(p, true)),
        Share::Rounded(p) => format!("{} %", plain(p, true)),
        Share::Nearly(p) => format!("près de {} %", plain(p, true)),
    }
}

fn count(c: Count) -> String {
    match c {
        Count::Exact(n) | Count::Thousands(n) => grouped(n, " "),
        Count::About(n) => format!("environ {}", grouped(n, " ")),
    }
}
