//! Italian: «…», ha detto X; X ha affermato: «…»; secondo X, «…».

use super::{Amount, Count, Noun, Share, Texts, Tongue, decimal, grouped, latin_author, plain};
use crate::synth::names::Script;

/// Italian, as the Italian press writes it.
pub static IT: Tongue = Tongue {
    code: "it",
    script: Script::Latin,
    statement: |r| r.it,
    noun,
    groups: [
        ("famiglie", "le famiglie"),
        ("lavoratori", "i lavoratori"),
        ("agricoltori", "gli agricoltori"),
        ("pensionati", "i pensionati"),
        ("studenti", "gli studenti"),
        ("contribuenti", "i contribuenti"),
        ("infermieri", "gli infermieri"),
        ("piccole imprese", "le piccole imprese"),
        ("giovani", "i giovani"),
        ("automobilisti", "gli automobilisti"),
        ("pazienti", "i pazienti"),
        ("inquilini", "gli inquilini"),
    ],
    cities: [
        ("Bruxelles", "a Bruxelles"),
        ("Lisbona", "a Lisbona"),
        ("Oslo", "a Oslo"),
        ("Nairobi", "a Nairobi"),
        ("Lima", "a Lima"),
        ("Seul", "a Seul"),
        ("Manila", "a Manila"),
        ("Ottawa", "a Ottawa"),
        ("Dublino", "a Dublino"),
        ("Accra", "ad Accra"),
        ("Hanoi", "ad Hanoi"),
        ("Quito", "a Quito"),
        ("Riga", "a Riga"),
        ("Tunisi", "a Tunisi"),
        ("Canberra", "a Canberra"),
        ("Montréal", "a Montréal"),
    ],
    // A ministry's name is capitalised: the name after it stands apart,
    // between commas.
    roles: [
        [("il premier {name}", "il premier"), ("la premier {name}", "la premier")],
        [
            ("il ministro dell'Economia, {name}", "il ministro dell'Economia"),
            ("la ministra dell'Economia, {name}", "la ministra dell'Economia"),
        ],
        [("il senatore {name}", "il senatore"), ("la senatrice {name}", "la senatrice")],
        [("il governatore {name}", "il governatore"), ("la governatrice {name}", "la governatrice")],
        [("il sindaco {name}", "il sindaco"), ("la sindaca {name}", "la sindaca")],
        [("il presidente {name}", "il presidente"), ("la presidente {name}", "la presidente")],
        [("l'economista {name}", "l'economista"), ("l'economista {name}", "l'economista")],
        [("il portavoce {name}", "il portavoce"), ("la portavoce {name}", "la portavoce")],
        [("il portavoce {name}", "il portavoce"), ("la portavoce {name}", "la portavoce")],
        [("il ceo {name}", "il ceo"), ("la ceo {name}", "la ceo")],
        [
            ("il ministro della Salute, {name}", "il ministro della Salute"),
            ("la ministra della Salute, {name}", "la ministra della Salute"),
        ],
        [("il leader sindacale {name}", "il leader sindacale"), ("la leader sindacale {name}", "la leader sindacale")],
        [("il professore {name}", "il professore"), ("la professoressa {name}", "la professoressa")],
        [("il giudice {name}", "il giudice"), ("la giudice {name}", "la giudice")],
    ],
    gendered: &[],
    outlets: (
        "{a} {b}",
        &[
            ("Il Corriere", "ilcorriere"),
            ("La Gazzetta", "lagazzetta"),
            ("Il Giornale", "ilgiornale"),
            ("La Voce", "lavoce"),
            ("Il Messaggero", "ilmessaggero"),
            ("La Tribuna", "latribuna"),
            ("L'Eco", "leco"),
            ("La Nazione", "lanazione"),
            ("La Nuova", "lanuova"),
            ("Il Piccolo", "ilpiccolo"),
        ],
        &[
            ("del Nord", "delnord"),
            ("del Sud", "delsud"),
            ("della Sera", "dellasera"),
            ("del Mattino", "delmattino"),
            ("della Valle", "dellavalle"),
            ("del Centro", "delcentro"),
            ("della Costa", "dellacosta"),
            ("di Levante", "dilevante"),
            ("di Ponente", "diponente"),
            ("del Porto", "delporto"),
            ("della Pianura", "dellapianura"),
            ("dei Laghi", "deilaghi"),
        ],
    ),
    weekdays: ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì"],
    headline_words: ["trattativa", "polemica", "voto", "accordo"],
    fillers: ["davvero", "ancora", "anche", "certamente", "proprio"],
    join: ". ",
    text: Texts {
        title: "{T}, {word} {su_s}: parla {lead_last}",
        header: "{title}\n\nDi {author}\nPubblicato il {date}",
        wire: "{city_caps} ({agency}) - I funzionari si sono riuniti martedì per discutere i progetti {su_t} e \
               {su_s}, che costerebbero {w_cost} in {w_years}. {Titled}, che guida i negoziati, ha detto che il voto \
               potrebbe arrivare entro poche settimane.",
        wire_day: ("martedì", "martedì pomeriggio"),
        lead: "{city_caps}, {day} ({agency}) - Parlamentari e funzionari si sono scontrati di nuovo {weekday} \
               {in_city} sul piano {di_t}.",
        costs: [
            "Il piano {lead_last} {su_t} costerebbe {money} in {years} {in_city}, secondo i funzionari.",
            "I funzionari stimano il costo del piano {lead_last} {su_t} {in_city} in {money}, distribuiti su {years}.",
            "Il piano {lead_last} {su_t}, della durata di {years} {in_city}, dovrebbe costare {money}.",
        ],
        polls: [
            "Secondo un sondaggio pubblicato questa settimana, {share} degli elettori {in_city} sostiene il piano \
             {lead_last}.",
            "Il piano {lead_last} raccoglie {share} dei consensi {in_city}, secondo l'ultimo sondaggio.",
        ],
        crowd: "{Crowd} {group} hanno protestato {weekday} {in_city} contro la riforma {di_s}.",
        intro: "{Titled}{sep} segue i negoziati {su_t} dalla primavera.",
        quotes: [
            "«{text}», ha detto {last}.",
            "«{text}», ha dichiarato {titled}.",
            "{last} ha affermato: «{text}».",
            "«{text}», ha aggiunto {role}.",
            "Secondo {full}, «{text}».",
            "{last}, da parte sua, ha definito la proposta «{frag}» durante la seduta.",
            "«{text}», ha detto {last} ai giornalisti {in_city}.",
        ],
        promo: "{group}, protesta contro la riforma {di_s} {in_city}",
        caption: "Manifestanti davanti al ministero lunedì. (Foto {agency}/{photographer})",
        critics: "I critici sostengono che il piano {su_t} lasci indietro {group_def}, mentre i sostenitori ricordano \
                  la riforma {di_s} del {year}.",
        related: "Leggi anche: {S}, stallo nei negoziati {su_r} {in_rcity}",
    },
    money,
    share,
    percent: |p| format!("{p}%"),
    count,
    years: |n| format!("{n} anni"),
    date: |m, d| format!("{d} {} 2024", MONTHS[m]),
    day: |m, d| format!("{d} {}", MONTHS[m]),
    author: latin_author,
};

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
    "novembre", "dicembre",
];

#[rustfmt::skip]
const TOPICS: [&str; super::TOPICS] = [
    "il bilancio", "la tassa", "il ponte", "l'ospedale", "la scuola", "il sistema pensionistico", "il dazio",
    "la ferrovia", "il porto", "l'energia", "l'acqua", "l'edilizia abitativa", "il confine", "l'elezione",
    "lo sciopero", "la riforma", "il contratto", "il sussidio", "il vaccino", "il clima", "il salario minimo",
    "il mercato", "l'aeroporto", "il gasdotto", "il trattato", "il tribunale", "la polizia", "l'agricoltura",
    "la pesca", "l'industria mineraria", "l'affitto", "la rete elettrica",
];

const ORGS: [&str; super::ORGS] =
    ["il Fmi", "l'Ocse", "la Commissione europea", "l'Onu", "l'Oms", "la banca centrale", "la Banca mondiale", "l'Omc"];

/// Italian articles and what follows a preposition merged with them
/// ("de" + "l" = "del", "su" + "lla" = "sulla").
const ARTICLES: [(&str, &str); 7] =
    [("il ", "l "), ("lo ", "llo "), ("la ", "lla "), ("l'", "ll'"), ("i ", "i "), ("gli ", "gli "), ("le ", "lle ")];

/// The noun (`""`), or merged with "di" (`"di"`: "del bilancio"), "a"
/// (`"a"`: "al bilancio") or "su" (`"su"`: "sul bilancio").
fn noun(noun: Noun, i: usize, form: &str, out: &mut String) -> bool {
    let n = match noun {
        Noun::Topic => TOPICS[i],
        Noun::Org => ORGS[i],
    };
    let stem = match form {
        "" => {
            out.push_str(n);
            return true;
        }
        "di" => "de",
        "a" => "a",
        "su" => "su",
        _ => return false,
    };
    let (article, tail) = ARTICLES.iter().find(|(a, _)| n.starts_with(a)).expect("Italian nouns have an article");
    out.push_str(stem);
    out.push_str(tail);
    out.push_str(&n[article.len()..]);
    true
}

fn money(a: Amount) -> String {
    // "un miliardo", "1,5 miliardi": a whole one is singular.
    let bn = |b: f64| if b == 1.0 { "un miliardo".to_owned() } else { format!("{} miliardi", plain(b, true)) };
    match a {
        Amount::Exact(b, 0) => format!("{} miliardi di dollari", decimal(b, true)),
        Amount::Exact(b, 1) => format!("{} mld di dollari", decimal(b, true)),
        Amount::Exact(b, _) => format!("{} miliardi di dollari Usa", decimal(b, true)),
        Amount::Rounded(b) => format!("{} di dollari", bn(b)),
        Amount::MoreThan(b) => format!("oltre {} di dollari", bn(b)),
    }
}

/// With the article Italian writes before a percentage ("il 45,3%").
fn share(s: Share) -> String {
    match s {
        Share::Exact(p, 0) => format!("il {}%", decimal(p, true)),
        Share::Exact(p, _) => format!("il {} per cento", decimal(p, true)),
        Share::Rounded(p) => format!("il {}%", plain(p, true)),
        Share::Nearly(p) => format!("quasi il {}%", plain(p, true)),
    }
}

fn count(c: Count) -> String {
    match c {
        Count::Exact(n) => grouped(n, "."),
        Count::Thousands(1000) => "mille".to_owned(),
        Count::Thousands(n) => format!("{}mila", n / 1000),
        Count::About(n) => format!("circa {}", grouped(n, ".")),
    }
}
