//! Polish.

use super::Words;
use super::speech::{Script, Speech};

/// How Polish news attributes speech: „…” – powiedział X; X stwierdził: „…”;
/// według X (with the name in the genitive: "według Jana Kowalskiego").
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "pl",
    script: Script::Cased,
    verbs: Words::new(&[
        "powiedział", "powiedziała", "powiedzieli", "powiedziały", "mówi", "mówił", "mówiła", "mówią", "mówili",
        "stwierdził", "stwierdziła", "stwierdzili", "oświadczył", "oświadczyła", "zaznaczył", "zaznaczyła",
        "podkreślił", "podkreśliła", "podkreślają", "dodał", "dodała", "dodali", "wyjaśnił", "wyjaśniła",
        "przekonywał", "przekonywała", "zapewnił", "zapewniła", "ocenił", "oceniła", "uważa", "twierdzi",
        "przyznał", "przyznała", "ostrzegł", "ostrzegła", "zauważył", "zauważyła", "poinformował",
        "poinformowała", "zapowiedział", "zapowiedziała", "odpowiedział", "odpowiedziała", "napisał", "napisała",
        "skomentował", "skomentowała", "argumentował", "argumentowała", "tłumaczył", "tłumaczyła", "relacjonował",
        "relacjonowała", "przekazał", "przekazała", "wskazał", "wskazała", "apelował", "apelowała", "uznał",
        "uznała", "nazwał", "nazwała", "dodaje", "podkreśla", "zaznacza", "tłumaczy", "przekonuje", "ocenia",
        "ostrzega", "zapewnia", "wyjaśnia", "przyznaje", "zauważa", "stwierdza", "komentuje", "oświadcza",
    ]),
    stems: &[
        "powiedzia", "stwierdzi", "oświadczy", "zaznaczy", "podkreśli", "doda", "wyjaśni", "przekonywa", "zapewni",
        "oceni", "przyzna", "ostrzeg", "ostrzega", "zauważy", "poinformowa", "zapowiedzia", "odpowiedzia", "napisa",
        "skomentowa", "argumentowa", "tłumaczy", "relacjonowa", "przekaza", "wskaza", "apelowa", "uzna", "nazwa",
        "mówi", "zapewnia", "przypomnia", "przypomni", "dodawa", "podsumowa", "zadeklarowa", "odpowiada", "ostrzega",
        "stwierdza", "komentowa", "mówi", "przestrzeg", "ujawni", "przekonuje", "zastrzeg", "twierdzi", "uważa",
        "dopowiedzia", "zaapelowa", "wyjaśnia", "zaznacza", "podkreśla", "przyznawa", "oznajmi", "rzek",
    ],
    endings: &["ł", "ła", "ło", "li", "ły", "", "ją", "je"],
    auxiliaries: Words::new(&[]),
    according: &["według", "zdaniem", "jak powiedział", "jak powiedziała", "jak podkreślił", "jak podkreśliła", "jak poinformował", "jak poinformowała"],
    according_after: &[],
    after_quote: Words::new(&[]),
    addressees: Words::new(&[]),
    pronouns: Words::new(&["on", "ona", "oni", "one"]),
    determiners: Words::new(&[]),
    indefinites: Words::new(&[]),
    titles: Words::new(&[
        "pan", "pani", "dr", "prof.", "prof", "mec.", "minister", "ministra", "premier", "prezydent",
        "prezydentka", "burmistrz", "wójt", "starosta", "wojewoda", "poseł", "posłanka", "senator", "senatorka",
        "rzecznik", "rzeczniczka", "prezes", "prezeska", "dyrektor", "dyrektorka", "przewodniczący",
        "przewodnicząca", "sędzia", "prokurator", "prokuratorka", "komendant", "trener", "szef", "szefowa",
        "marszałek", "radny", "radna", "profesor", "profesorka", "doktor", "ekspert", "ekspertka", "analityk",
        "analityczka", "nadkomisarz", "komisarz", "aspirant", "inspektor", "generał", "rektor",
    ]),
    role_endings: &[],
    not_names: Words::new(&[
        "jednak", "ale", "i", "a", "także", "również", "więc", "dlatego", "teraz", "potem", "wtedy", "tam", "tu",
        "dziś", "dzisiaj", "wczoraj", "jutro", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota",
        "niedziela", "według", "po", "przed", "przy", "z", "w", "we", "na", "do", "od", "dla", "o", "jak", "my",
        "ja", "to", "ten", "ta", "te", "tego", "już", "jeszcze", "nie", "tak", "natomiast", "tymczasem",
        "mimo", "ponadto", "zdaniem", "choć", "chociaż", "co", "kiedy", "gdy",
    ]),
    name_particles: Words::new(&["de", "von", "van"]),
    phrase_ends: Words::new(&[
        "który", "która", "które", "którzy", "gdzie", "podczas", "w", "we", "na", "po", "przed", "z", "ze",
        "i", "a", "ale", "wczoraj", "dziś", "dzisiaj", "w poniedziałek", "do", "dla", "o", "że", "podczas",
        "także", "również", "jednak", "przy",
    ]),
    prefixes: &[],
    apostrophe_suffixes: false,
    particles: &[],
    quote_links: &[],
    title_first: false,
    breaks: &[],
    groups: &[
        "źródł", "źródeł", "świadk", "świadek", "mieszkańc", "mieszkaniec", "mieszkank", "urzędni", "demonstrant",
        "protestując", "manifestant", "ekspert", "znawc", "analityc", "analityków", "osoba", "osoby", "osób",
        "krewn", "rodzin", "bliscy", "bliskich", "sąsiad", "sąsiedz", "kibic", "fani", "fanów", "pracowni",
        "robotni", "pasażer", "rodzic", "uczestni", "obserwator", "krytycy", "krytyków", "śledcz", "internau",
        "użytkowni", "obywatele", "obywateli", "ofiar", "ocalał", "ratowni", "student", "uczni", "wyborc",
        "wierni", "wiernych", "aktywiśc", "aktywist", "działacz", "widzowie", "konsument", "rolni",
    ],
    bodies: &[
        "ministerstw", "resort", "rząd", "władz", "policj", "komend", "sąd", "trybunał", "prokuratur", "urząd",
        "urzędu", "urzędzie", "ratusz", "magistrat", "gmin", "starostw", "rada", "rady", "radzie", "sejm",
        "parlament", "kancelari", "zarząd", "dyrekcj", "departament", "inspekcj", "inspektorat", "spółk", "firm",
        "przedsiębiorstw", "koncern", "związek", "parti", "kampani", "sztab", "agencj", "biur", "służb", "wojsk",
        "armi", "ambasad", "konsulat", "klub", "federacj", "komisj", "komitet", "straż", "szpital", "uniwersytet",
        "uczelni", "gazet", "telewizj", "rozgłośni", "radio", "redakcj", "instytut", "stowarzyszeni",
        "organizacj", "fundacj", "bank", "koalicj", "ruch",
    ],
    documents: &["komunikat", "wyrok", "orzeczeni", "uzasadnieni", "oświadczeni", "raport", "pismo", "piśmie", "decyzj", "postanowieni", "uchwał", "notatk", "sprawozdani"],
    places: &[],
    frames: Words::new(&["czytamy", "napisano", "przeczytać", "głosi"]),
};
