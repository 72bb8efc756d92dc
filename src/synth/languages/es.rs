//! Spanish: «…», dijo X; X declaró: «…»; según X, «…».

use super::{Amount, Count, Noun, Share, Texts, Tongue, contract, decimal, grouped, latin_author, plain};
use crate::synth::names::Script;

/// Spanish, as the Spanish press writes it.
pub static ES: Tongue = Tongue {
    code: "es",
    script: Script::Latin,
    statement: |r| r.es,
    noun,
    groups: [
        ("familias", "las familias"),
        ("trabajadores", "los trabajadores"),
        ("agricultores", "los agricultores"),
        ("jubilados", "los jubilados"),
        ("estudiantes", "los estudiantes"),
        ("contribuyentes", "los contribuyentes"),
        ("enfermeras", "las enfermeras"),
        ("pequeñas empresas", "las pequeñas empresas"),
        ("jóvenes", "los jóvenes"),
        ("conductores", "los conductores"),
        ("pacientes", "los pacientes"),
        ("inquilinos", "los inquilinos"),
    ],
    cities: [
        ("Bruselas", "en Bruselas"),
        ("Lisboa", "en Lisboa"),
        ("Oslo", "en Oslo"),
        ("Nairobi", "en Nairobi"),
        ("Lima", "en Lima"),
        ("Seúl", "en Seúl"),
        ("Manila", "en Manila"),
        ("Ottawa", "en Ottawa"),
        ("Dublín", "en Dublín"),
        ("Acra", "en Acra"),
        ("Hanói", "en Hanói"),
        ("Quito", "en Quito"),
        ("Riga", "en Riga"),
        ("Túnez", "en Túnez"),
        ("Canberra", "en Canberra"),
        ("Montreal", "en Montreal"),
    ],
    // A ministry's name is capitalised: the name after it stands apart,
    // between commas.
    roles: [
        [("el primer ministro {name}", "el primer ministro"), ("la primera ministra {name}", "la primera ministra")],
        [
            ("el ministro de Finanzas, {name}", "el ministro de Finanzas"),
            ("la ministra de Finanzas, {name}", "la ministra de Finanzas"),
        ],
        [("el senador {name}", "el senador"), ("la senadora {name}", "la senadora")],
        [("el gobernador {name}", "el gobernador"), ("la gobernadora {name}", "la gobernadora")],
        [("el alcalde {name}", "el alcalde"), ("la alcaldesa {name}", "la alcaldesa")],
        [("el presidente {name}", "el presidente"), ("la presidenta {name}", "la presidenta")],
        [("el economista {name}", "el economista"), ("la economista {name}", "la economista")],
        [("el portavoz {name}", "el portavoz"), ("la portavoz {name}", "la portavoz")],
        [("el portavoz {name}", "el portavoz"), ("la portavoz {name}", "la portavoz")],
        [
            ("el consejero delegado {name}", "el consejero delegado"),
            ("la consejera delegada {name}", "la consejera delegada"),
        ],
        [
            ("el ministro de Sanidad, {name}", "el ministro de Sanidad"),
            ("la ministra de Sanidad, {name}", "la ministra de Sanidad"),
        ],
        [("el líder sindical {name}", "el líder sindical"), ("la líder sindical {name}", "la líder sindical")],
        [("el profesor {name}", "el profesor"), ("la profesora {name}", "la profesora")],
        [("el juez {name}", "el juez"), ("la jueza {name}", "la jueza")],
    ],
    gendered: &[],
    outlets: (
        "{a} {b}",
        &[
            ("El Diario", "eldiario"),
            ("La Gaceta", "lagaceta"),
            ("El Heraldo", "elheraldo"),
            ("La Voz", "lavoz"),
            ("El Correo", "elcorreo"),
            ("La Crónica", "lacronica"),
            ("El Mensajero", "elmensajero"),
            ("La Tribuna", "latribuna"),
            ("El Observador", "elobservador"),
            ("La Opinión", "laopinion"),
        ],
        &[
            ("del Norte", "delnorte"),
            ("del Sur", "delsur"),
            ("de la Costa", "delacosta"),
            ("del Valle", "delvalle"),
            ("de la Tarde", "delatarde"),
            ("de la Mañana", "delamanana"),
            ("del Centro", "delcentro"),
            ("de la Capital", "delacapital"),
            ("del Puerto", "delpuerto"),
            ("de la Sierra", "delasierra"),
            ("del Este", "deleste"),
            ("del Oeste", "deloeste"),
        ],
    ),
    weekdays: ["lunes", "martes", "miércoles", "jueves", "viernes"],
    headline_words: ["negociaciones", "polémica", "votación", "acuerdo"],
    fillers: ["realmente", "todavía", "también", "ciertamente", "sin duda"],
    join: ". ",
    text: Texts {
        title: "{T}: {word} sobre el plan {de_s}, según {lead_last}",
        header: "{title}\n\nPor {author}\nPublicado: {date}",
        wire: "{city_caps} ({agency}) - Los responsables se reunieron el martes para debatir los proyectos sobre {t} \
               y {s}, que costarían {w_cost} en {w_years}. {Titled}, que dirige las conversaciones, dijo que la \
               votación podría celebrarse en pocas semanas.",
        wire_day: ("martes", "martes por la tarde"),
        lead: "{city_caps}, {day} ({agency}) - Legisladores y funcionarios volvieron a enfrentarse el {weekday} \
               {in_city} por el plan {de_t}.",
        costs: [
            "El plan {lead_last} sobre {t} costaría {money} en {years} {in_city}, según los responsables.",
            "Los responsables cifran el coste del plan {lead_last} sobre {t} {in_city} en {money}, repartidos en \
             {years}.",
            "El plan {lead_last} sobre {t}, previsto para {years} {in_city}, costará {money}.",
        ],
        polls: [
            "Una encuesta publicada esta semana indica que {share} de los votantes {in_city} apoya el plan \
             {lead_last}.",
            "El apoyo al plan {lead_last} {in_city} se sitúa en {share}, según la última encuesta.",
        ],
        crowd: "{Crowd} {group} protestaron el {weekday} {in_city} contra la reforma {de_s}.",
        intro: "{Titled}{sep} sigue las negociaciones sobre {t} desde la primavera.",
        quotes: [
            "«{text}», dijo {last}.",
            "«{text}», afirmó {titled}.",
            "{last} declaró: «{text}».",
            "«{text}», añadió {role}.",
            "Según {full}, «{text}».",
            "{last}, por su parte, calificó la propuesta de «{frag}» durante la sesión.",
            "«{text}», dijo {last} a los periodistas {in_city}.",
        ],
        promo: "{group}: protesta contra la reforma {de_s} {in_city}",
        caption: "Manifestantes ante el ministerio el lunes. (Foto {agency}/{photographer})",
        critics: "Los críticos dicen que el plan sobre {t} deja atrás a {group_def}, mientras que sus partidarios \
                  recuerdan la reforma {de_s} de {year}.",
        related: "Lea también: {S}: se estancan las negociaciones sobre {r} {in_rcity}",
    },
    money,
    share,
    percent: |p| format!("{p}%"),
    count,
    years: |n| format!("{n} años"),
    date: |m, d| format!("{d} de {} de 2024", MONTHS[m]),
    day: |m, d| format!("{d} de {}", MONTHS[m]),
    author: latin_author,
};

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
    "diciembre",
];

#[rustfmt::skip]
const TOPICS: [&str; super::TOPICS] = [
    "el presupuesto", "el impuesto", "el puente", "el hospital", "la escuela", "el sistema de pensiones",
    "el arancel", "el ferrocarril", "el puerto", "la energía", "el agua", "la vivienda", "la frontera", "la elección",
    "la huelga", "la reforma", "el contrato", "el subsidio", "la vacuna", "el clima", "el salario mínimo",
    "el mercado", "el aeropuerto", "el gasoducto", "el tratado", "el tribunal", "la policía", "la agricultura",
    "la pesca", "la minería", "el alquiler", "la red eléctrica",
];

const ORGS: [&str; super::ORGS] =
    ["el FMI", "la OCDE", "la Comisión Europea", "la ONU", "la OMS", "el banco central", "el Banco Mundial", "la OMC"];

/// The noun (`""`), or after "de" (`"de"`: "del presupuesto") or "a"
/// (`"a"`: "al presupuesto").
fn noun(noun: Noun, i: usize, form: &str, out: &mut String) -> bool {
    let n = match noun {
        Noun::Topic => TOPICS[i],
        Noun::Org => ORGS[i],
    };
    match form {
        "" => out.push_str(n),
        "de" => contract(out, n, &[("el ", "del ")], "de "),
        "a" => contract(out, n, &[("el ", "al ")], "a "),
        _ => return false,
    }
    true
}

/// Millions, as the Spanish press counts large sums: "1.500 millones".
fn millions(b: f64) -> String {
    grouped((b * 1000.0).round() as u64, ".")
}

fn money(a: Amount) -> String {
    match a {
        Amount::Exact(b, 0) => format!("{} millones de dólares", millions(b)),
        Amount::Exact(b, 1) => format!("US$ {} millones", millions(b)),
        Amount::Exact(b, _) => format!("{} mil millones de dólares", decimal(b, true)),
        Amount::Rounded(b) => format!("{} millones de dólares", millions(b)),
        Amount::MoreThan(b) => format!("más de {} millones de dólares", millions(b)),
    }
}

/// With the article Spanish writes before a percentage ("el 45,3%").
fn share(s: Share) -> String {
    match s {
        Share::Exact(p, 0) => format!("el {}%", decimal(p, true)),
        Share::Exact(p, _) => format!("el {} por ciento", decimal(p, true)),
        Share::Rounded(p) => format!("el {}%", plain(p, true)),
        Share::Nearly(p) => format!("casi el {}%", plain(p, true)),
    }
}

fn count(c: Count) -> String {
    match c {
        Count::Exact(n) => grouped(n, "."),
        Count::Thousands(1000) => "mil".to_owned(),
        Count::Thousands(n) => format!("{} mil", n / 1000),
        Count::About(n) => format!("alrededor de {}", grouped(n, ".")),
    }
}
