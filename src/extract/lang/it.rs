//! Italian.

use super::Words;
use super::speech::{Script, Speech};

/// How Italian news attributes speech: «…», ha detto X; X ha dichiarato: «…»;
/// secondo X; «…», ha aggiunto.
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "it",
    script: Script::Cased,
    verbs: Words::new(&[
        "protestato", "protesta", "scritto", "ammonito", "ammonisce", "avvisato", "spiegava", "diceva", "raccontava", "osservava", "lamentava", "sottolineava", "puntualizzato", "puntualizza", "rivendicato", "rivendica", "esordito", "esordisce", "ricordato", "ricorda", "aggiungeva", "tuonato", "tuona", "confidato", "confida", "riferito", "riferisce", 
        "detto", "dice", "diceva", "disse", "dichiarato", "dichiara", "dichiarò", "affermato", "afferma",
        "affermò", "aggiunto", "aggiunge", "aggiunse", "spiegato", "spiega", "spiegò", "sottolineato",
        "sottolinea", "sottolineò", "osservato", "osserva", "assicurato", "assicura", "ribadito", "ribadisce",
        "commentato", "commenta", "precisato", "precisa", "avvertito", "avverte", "sostenuto", "sostiene",
        "ammesso", "ammette", "riconosciuto", "riconosce", "risposto", "risponde", "replicato", "replica",
        "denunciato", "denuncia", "criticato", "critica", "definito", "definisce", "annunciato", "annuncia",
        "raccontato", "racconta", "concluso", "conclude", "insistito", "insiste", "attaccato", "attacca",
        "incalzato", "incalza", "scritto", "scrive", "rimarcato", "rimarca", "evidenziato", "evidenzia",
        "chiarito", "chiarisce", "confermato", "conferma", "lamentato", "lamenta", "auspicato", "auspica",
        "hanno", "dichiarano", "dicono", "affermano", "spiegano",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&["ha", "hanno", "aveva", "avevano", "avrebbe", "è", "sono"]),
    according: &["secondo", "a detta di", "a parere di", "stando a", "per"],
    according_after: &[],
    after_quote: Words::new(&[]),
    addressees: Words::new(&["a", "al", "alla", "allo", "ai", "agli", "alle", "all'", "all’"]),
    pronouns: Words::new(&["lui", "lei", "egli", "ella", "loro"]),
    determiners: Words::new(&[
        "il", "lo", "la", "i", "gli", "le", "l'", "un", "uno", "una", "un'", "del", "della", "dello", "dei",
        "degli", "delle", "al", "alla", "suo", "sua",
    ]),
    indefinites: Words::new(&["un", "uno", "una", "un'"]),
    titles: Words::new(&[
        "manager", "governatrice", "governatore", "amministratrice", "amministratore", "titolare", "responsabile", "portavoce", "fonte", "fonti", "residente", "esperto", "esperta", "analista", "ricercatore", "ricercatrice", "sindacalista", "cittadino", 
        "sig.", "sig.ra", "dott.", "dott.ssa", "prof.", "avv.", "ing.", "on.", "signor", "signora", "presidente",
        "ministro", "ministra", "sindaco", "sindaca", "deputato", "deputata", "senatore", "senatrice", "giudice",
        "procuratore", "procuratrice", "direttore", "direttrice", "portavoce", "segretario", "segretaria",
        "assessore", "assessora", "governatore", "generale", "commissario", "allenatore", "professore",
        "professoressa", "dottore", "dottoressa", "premier", "capo", "questore", "prefetto", "consigliere",
    ]),
    role_endings: &[],
    not_names: Words::new(&[
        "però", "tuttavia", "ma", "e", "anche", "inoltre", "così", "ora", "poi", "allora", "quindi", "secondo",
        "per", "con", "in", "di", "da", "dopo", "prima", "oggi", "ieri", "domani", "lunedì", "martedì",
        "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "non", "sì", "già", "solo", "soltanto",
        "intanto", "mentre", "quando", "questo", "questa", "quello", "quella", "qui", "lì", "noi", "io",
        "infine", "eppure", "insomma", "nel", "nella", "sul", "sulla", "dal", "dalla", "alla",
    ]),
    name_particles: Words::new(&["de", "di", "del", "della", "da", "dal", "lo", "la", "van", "von"]),
    phrase_ends: Words::new(&[
        "sui", "sulla", "sulle", "nei", "nelle", "dai", "dalle", "tra", "fra", "mentre", "poco",
        "che", "il", "cui", "dove", "durante", "in", "nel", "nella", "a", "al", "alla", "con", "e", "ma", "ieri",
        "oggi", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "per", "su", "sul",
        "dopo", "prima", "davanti", "anche", "poi", "secondo", "ai", "agli",
    ]),
    prefixes: &["l'", "l’", "d'", "d’", "dell'", "dell’", "all'", "all’", "dall'", "dall’", "un'", "un’", "sull'", "nell'"],
    apostrophe_suffixes: false,
    particles: &[],
    quote_links: &[],
    title_first: false,
    breaks: &[],
    groups: &[
        "fonte", "fonti", "testimon", "residenti", "abitant", "cittadin", "funzionari", "manifestant", "espert",
        "analisti", "person", "ambienti", "entourage", "familiar", "parenti", "genitori", "tifos", "lavorator",
        "operai", "dipendent", "passegger", "partecipant", "osservator", "detrattor", "inquirent", "investigator",
        "utent", "internaut", "vittim", "sopravvissut", "soccorritor", "student", "alunn", "elettor", "fedel",
        "attivist", "militant", "spettator", "consumator", "agricoltor",
    ],
    bodies: &[
        "minister", "governo", "polizia", "carabinieri", "questura", "prefettura", "tribunale", "cassazione",
        "procura", "comune", "municipio", "regione", "provincia", "consiglio", "giunta", "camera", "parlamento",
        "presidenza", "dipartimento", "autorità", "amministrazione", "aziend", "società", "compagnia", "gruppo",
        "sindacat", "partit", "campagna", "agenzia", "ufficio", "servizio", "esercito", "forze", "ambasciata",
        "consolato", "club", "federazione", "commissione", "comitato", "vigili", "protezione", "meteo",
        "ospedale", "universit", "giornale", "quotidiano", "emittente", "televisione", "radio", "istituto",
        "associazione", "organizzazione", "fondazione", "banca", "coalizione", "alleanza", "movimento",
        "collettivo",
    ],
    documents: &["sentenza", "nota", "comunicato", "ordinanza", "decreto", "relazione", "lettera", "dichiarazione", "motivazion", "rapporto", "verdetto", "documento", "circolare"],
    frames: Words::new(&["legge", "leggere", "recita"]),
};
