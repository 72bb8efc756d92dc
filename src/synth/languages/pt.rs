//! Portuguese (Brazil): “…”, disse X; X declarou: “…”; segundo X, “…”.

use super::{Amount, Count, Noun, Share, Texts, Tongue, contract, decimal, grouped, latin_author, plain};
use crate::synth::names::Script;

/// Portuguese, as the Brazilian press writes it.
pub static PT: Tongue = Tongue {
    code: "pt",
    script: Script::Latin,
    statement: |r| r.pt,
    noun,
    groups: [
        ("famílias", "as famílias"),
        ("trabalhadores", "os trabalhadores"),
        ("agricultores", "os agricultores"),
        ("aposentados", "os aposentados"),
        ("estudantes", "os estudantes"),
        ("contribuintes", "os contribuintes"),
        ("enfermeiros", "os enfermeiros"),
        ("pequenas empresas", "as pequenas empresas"),
        ("jovens", "os jovens"),
        ("motoristas", "os motoristas"),
        ("pacientes", "os pacientes"),
        ("inquilinos", "os inquilinos"),
    ],
    cities: [
        ("Bruxelas", "em Bruxelas"),
        ("Lisboa", "em Lisboa"),
        ("Oslo", "em Oslo"),
        ("Nairóbi", "em Nairóbi"),
        ("Lima", "em Lima"),
        ("Seul", "em Seul"),
        ("Manila", "em Manila"),
        ("Ottawa", "em Ottawa"),
        ("Dublin", "em Dublin"),
        ("Acra", "em Acra"),
        ("Hanói", "em Hanói"),
        ("Quito", "em Quito"),
        ("Riga", "em Riga"),
        ("Túnis", "em Túnis"),
        ("Camberra", "em Camberra"),
        ("Montreal", "em Montreal"),
    ],
    // A ministry's name is capitalised: the name after it stands apart,
    // between commas.
    roles: [
        [("o primeiro-ministro {name}", "o primeiro-ministro"), ("a primeira-ministra {name}", "a primeira-ministra")],
        [
            ("o ministro da Fazenda, {name}", "o ministro da Fazenda"),
            ("a ministra da Fazenda, {name}", "a ministra da Fazenda"),
        ],
        [("o senador {name}", "o senador"), ("a senadora {name}", "a senadora")],
        [("o governador {name}", "o governador"), ("a governadora {name}", "a governadora")],
        [("o prefeito {name}", "o prefeito"), ("a prefeita {name}", "a prefeita")],
        [("o presidente {name}", "o presidente"), ("a presidente {name}", "a presidente")],
        [("o economista {name}", "o economista"), ("a economista {name}", "a economista")],
        [("o porta-voz {name}", "o porta-voz"), ("a porta-voz {name}", "a porta-voz")],
        [("o porta-voz {name}", "o porta-voz"), ("a porta-voz {name}", "a porta-voz")],
        [
            ("o diretor-executivo {name}", "o diretor-executivo"),
            ("a diretora-executiva {name}", "a diretora-executiva"),
        ],
        [
            ("o ministro da Saúde, {name}", "o ministro da Saúde"),
            ("a ministra da Saúde, {name}", "a ministra da Saúde"),
        ],
        [("o líder sindical {name}", "o líder sindical"), ("a líder sindical {name}", "a líder sindical")],
        [("o professor {name}", "o professor"), ("a professora {name}", "a professora")],
        [("o juiz {name}", "o juiz"), ("a juíza {name}", "a juíza")],
    ],
    gendered: &[],
    outlets: (
        "{a} {b}",
        &[
            ("O Diário", "odiario"),
            ("A Gazeta", "agazeta"),
            ("O Correio", "ocorreio"),
            ("A Folha", "afolha"),
            ("O Jornal", "ojornal"),
            ("A Tribuna", "atribuna"),
            ("O Estado", "oestado"),
            ("A Voz", "avoz"),
            ("O Mensageiro", "omensageiro"),
            ("A Notícia", "anoticia"),
        ],
        &[
            ("do Norte", "donorte"),
            ("do Sul", "dosul"),
            ("da Tarde", "datarde"),
            ("da Manhã", "damanha"),
            ("do Vale", "dovale"),
            ("da Capital", "dacapital"),
            ("do Litoral", "dolitoral"),
            ("do Planalto", "doplanalto"),
            ("do Interior", "dointerior"),
            ("da Serra", "daserra"),
            ("do Porto", "doporto"),
            ("da Baía", "dabaia"),
        ],
    ),
    weekdays: ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira"],
    headline_words: ["negociações", "polêmica", "votação", "acordo"],
    fillers: ["realmente", "ainda", "também", "certamente", "mesmo"],
    join: ". ",
    text: Texts {
        title: "{T}: {word} sobre o plano {de_s}, diz {lead_last}",
        header: "{title}\n\nPor {author}\nPublicado em {date}",
        wire: "{city_caps} ({agency}) - Autoridades se reuniram na terça-feira para discutir as propostas sobre {t} \
               e {s}, que custariam {w_cost} em {w_years}. {Titled}, que lidera as negociações, disse que a votação \
               pode ocorrer em poucas semanas.",
        wire_day: ("terça-feira", "terça-feira à tarde"),
        lead: "{city_caps}, {day} ({agency}) - Parlamentares e autoridades voltaram a se enfrentar na {weekday} \
               {in_city} por causa do plano {de_t}.",
        costs: [
            "O plano {lead_last} para {t} custaria {money} em {years} {in_city}, segundo as autoridades.",
            "As autoridades estimam o custo do plano {lead_last} para {t} {in_city} em {money}, distribuídos ao \
             longo de {years}.",
            "O plano {lead_last} para {t}, previsto para {years} {in_city}, deve custar {money}.",
        ],
        polls: [
            "Uma pesquisa divulgada nesta semana mostra que {share} dos eleitores {in_city} apoiam o plano \
             {lead_last}.",
            "O apoio ao plano {lead_last} {in_city} é de {share}, segundo a pesquisa mais recente.",
        ],
        crowd: "{Crowd} {group} protestaram na {weekday} {in_city} contra a reforma {de_s}.",
        intro: "{Titled}{sep} acompanha as negociações sobre {t} desde a primavera.",
        quotes: [
            "“{text}”, disse {last}.",
            "“{text}”, afirmou {titled}.",
            "{last} declarou: “{text}.”",
            "“{text}”, acrescentou {role}.",
            "Segundo {full}, “{text}”.",
            "{last}, por sua vez, classificou a proposta de “{frag}” durante a sessão.",
            "“{text}”, disse {last} a jornalistas {in_city}.",
        ],
        promo: "{group}: protesto contra a reforma {de_s} {in_city}",
        caption: "Manifestantes em frente ao ministério na segunda-feira. (Foto {agency}/{photographer})",
        critics: "Críticos afirmam que o plano para {t} deixa {group_def} para trás, enquanto apoiadores lembram a \
                  reforma {de_s} de {year}.",
        related: "Leia também: {S}: negociações sobre {r} emperram {in_rcity}",
    },
    money,
    share,
    percent: |p| format!("{p}%"),
    count,
    years: |n| format!("{n} anos"),
    date: |m, d| format!("{d} de {} de 2024", MONTHS[m]),
    day: |m, d| format!("{d} de {}", MONTHS[m]),
    author: latin_author,
};

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro",
    "dezembro",
];

#[rustfmt::skip]
const TOPICS: [&str; super::TOPICS] = [
    "o orçamento", "o imposto", "a ponte", "o hospital", "a escola", "a Previdência", "a tarifa", "a ferrovia",
    "o porto", "a energia", "a água", "a habitação", "a fronteira", "a eleição", "a greve", "a reforma",
    "o contrato", "o subsídio", "a vacina", "o clima", "o salário mínimo", "o mercado", "o aeroporto", "o gasoduto",
    "o tratado", "o tribunal", "a polícia", "a agricultura", "a pesca", "a mineração", "o aluguel",
    "a rede elétrica",
];

const ORGS: [&str; super::ORGS] =
    ["o FMI", "a OCDE", "a Comissão Europeia", "a ONU", "a OMS", "o banco central", "o Banco Mundial", "a OMC"];

/// The noun (`""`), or merged with "de" (`"de"`: "do orçamento") or "a"
/// (`"a"`: "ao orçamento").
fn noun(noun: Noun, i: usize, form: &str, out: &mut String) -> bool {
    let n = match noun {
        Noun::Topic => TOPICS[i],
        Noun::Org => ORGS[i],
    };
    match form {
        "" => out.push_str(n),
        "de" => contract(out, n, &[("o ", "do "), ("a ", "da "), ("os ", "dos "), ("as ", "das ")], "de "),
        "a" => contract(out, n, &[("o ", "ao "), ("a ", "à "), ("os ", "aos "), ("as ", "às ")], "a "),
        _ => return false,
    }
    true
}

/// "bilhão" below two, "bilhões" from two on.
fn bilhoes(b: f64) -> &'static str {
    if b < 2.0 { "bilhão" } else { "bilhões" }
}

fn money(a: Amount) -> String {
    match a {
        Amount::Exact(b, 0) => format!("US$ {} {}", decimal(b, true), bilhoes(b)),
        Amount::Exact(b, 1) => format!("{} {} de dólares", decimal(b, true), bilhoes(b)),
        Amount::Exact(b, _) => format!("US$ {} bi", decimal(b, true)),
        Amount::Rounded(b) => format!("US$ {} {}", plain(b, true), bilhoes(b)),
        Amount::MoreThan(b) => format!("mais de US$ {} {}", plain(b, true), bilhoes(b)),
    }
}

fn share(s: Share) -> String {
    match s {
        Share::Exact(p, 0) => format!("{}%", decimal(p, true)),
        Share::Exact(p, _) => format!("{} por cento", decimal(p, true)),
        Share::Rounded(p) => format!("{}%", plain(p, true)),
        Share::Nearly(p) => format!("quase {}%", plain(p, true)),
    }
}

fn count(c: Count) -> String {
    match c {
        Count::Exact(n) => grouped(n, "."),
        Count::Thousands(1000) => "mil".to_owned(),
        Count::Thousands(n) => format!("{} mil", n / 1000),
        Count::About(n) => format!("cerca de {}", grouped(n, ".")),
    }
}
