//! German.

use super::Words;
use super::speech::{Script, Speech};

/// How German news attributes speech: „…“, sagte X; X sagte: „…“; „…“, so X;
/// laut X; X zufolge. Nouns are capitalised too: a role is told by its
/// ending ("Innenministerin") and a noun by the article before it.
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "de",
    script: Script::Cased,
    verbs: Words::new(&[
        "klagt", "sagt", "meinte", "räumte", "resümiert", "bilanziert", "kommentierte", "kommentiert", "mahnt", "warnt", "schimpfte", "schimpft", "freute", "freut", "beteuerte", "beteuert", "appellierte", "appelliert", "ergänzt", "fügt", "hieß", "hiess", 
        "sagte", "sagt", "sagten", "gesagt", "sage", "erklärte", "erklärt", "erklärten", "betonte", "betont",
        "betonten", "fügte", "hinzugefügt", "ergänzte", "ergänzt", "meinte", "meint", "sprach", "spricht",
        "warnte", "warnt", "kritisierte", "kritisiert", "forderte", "fordert", "räumte", "versicherte",
        "versichert", "verwies", "unterstrich", "bekräftigte", "bekräftigt", "teilte", "mitgeteilt",
        "schrieb", "schreibt", "antwortete", "antwortet", "entgegnete", "erwiderte", "stellte", "klagte",
        "beklagte", "bemängelte", "bilanzierte", "resümierte", "kündigte", "mahnte", "zeigte", "sagte",
        "betonte", "berichtete", "berichtet", "erläuterte", "erläutert", "bestätigte", "bestätigt",
        "hieß", "heißt", "verkündete", "argumentierte", "bezeichnete", "nannte", "lobte", "räumt", "gab",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&["hat", "haben", "hatte", "hatten", "habe", "wird", "werde"]),
    according: &["laut", "nach angaben", "nach aussage", "nach worten", "nach einschätzung", "gemäß"],
    according_after: &["zufolge"],
    after_quote: Words::new(&["so"]),
    pronouns: Words::new(&["er", "sie", "es"]),
    determiners: Words::new(&[
        "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "sein",
        "seine", "ihr", "ihre",
    ]),
    indefinites: Words::new(&["ein", "eine", "einer", "eines", "einem", "einen"]),
    titles: Words::new(&[
        "leiterin", "leiter", "professorin", "gewerkschafterin", "gewerkschafter", "bauherrin", "bauherr", "sprecherin", 
        "herr", "frau", "dr", "dr.", "prof", "prof.", "präsident", "präsidentin", "kanzler", "kanzlerin",
        "minister", "ministerin", "bürgermeister", "bürgermeisterin", "oberbürgermeister",
        "oberbürgermeisterin", "sprecher", "sprecherin", "chef", "chefin", "richter", "richterin", "trainer",
        "trainerin", "direktor", "direktorin", "vorsitzende", "vorsitzender", "landrat", "landrätin",
        "abgeordnete", "abgeordneter", "senator", "senatorin", "staatsanwalt", "staatsanwältin", "professor",
        "professorin", "polizeisprecher", "polizeisprecherin", "kommissar", "kommissarin", "general",
    ]),
    role_endings: &[
        "minister", "ministerin", "sprecher", "sprecherin", "präsident", "präsidentin", "kanzler", "kanzlerin",
        "meister", "meisterin", "chef", "chefin", "leiter", "leiterin", "direktor", "direktorin", "vorsitzende",
        "vorsitzender", "führer", "führerin", "vertreter", "vertreterin", "experte", "expertin", "ministerium",
        "ministeriums", "polizei", "regierung", "behörde", "verband", "gewerkschaft", "partei", "gericht",
        "gerichts", "amt", "amts", "rat", "sekretär", "sekretärin", "anwalt", "anwältin", "trainer", "trainerin",
        "sprecherinnen", "kommissar", "kommissarin", "beamte", "beamter", "beamtin", "analyst", "analystin",
        "ökonom", "ökonomin", "forscher", "forscherin", "kreise", "kreisen", "quelle", "quellen", "insider",
    ],
    not_names: Words::new(&[
        "auch", "aber", "doch", "dennoch", "jedoch", "trotzdem", "zudem", "außerdem", "denn", "und", "oder",
        "so", "nun", "jetzt", "dann", "da", "dort", "hier", "heute", "gestern", "morgen", "montag", "dienstag",
        "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "laut", "nach", "vor", "bei", "mit", "für",
        "gegen", "im", "in", "am", "an", "auf", "aus", "von", "zum", "zur", "wie", "wir", "ich", "man", "sie",
        "er", "es", "dies", "diese", "dieser", "dieses", "schon", "nur", "allerdings", "deshalb", "daher",
        "zwar", "immerhin", "bereits", "noch", "ob", "als", "wenn", "weil", "dass", "was", "wer", "wo",
    ]),
    name_particles: Words::new(&["von", "van", "de", "der", "zu", "den", "vom"]),
    phrase_ends: Words::new(&[
        "der", "die", "das", "dem", "den", "am", "im", "in", "bei", "auf", "vor", "nach", "während", "gegenüber",
        "und", "aber", "denn", "mit", "für", "zu", "zum", "zur", "an", "auch", "noch", "bereits", "dann", "am",
        "gestern", "heute", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "hinzu", "ein", "ab", "fest", "mit", "zufolge",
    ]),
    prefixes: &[],
    apostrophe_suffixes: false,
    particles: &[],
    quote_links: &[],
    title_first: false,
    breaks: &[],
};
