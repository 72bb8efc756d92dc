//! Dutch.

use super::Words;
use super::speech::{Script, Speech};

/// How Dutch news attributes speech: ‘…’, zei X; X zei: ‘…’; volgens X;
/// ‘…’, aldus X.
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "nl",
    script: Script::Cased,
    verbs: Words::new(&[
        "zei", "zegt", "zeiden", "zeggen", "gezegd", "verklaarde", "verklaart", "stelde", "stelt", "gesteld",
        "benadrukte", "benadrukt", "voegde", "voegt", "toegevoegd", "legde", "legt", "uitgelegd", "waarschuwde",
        "waarschuwt", "meende", "meent", "vond", "vindt", "liet", "laat", "weten", "antwoordde", "antwoordt",
        "reageerde", "reageert", "erkende", "erkent", "beaamde", "beaamt", "betoogde", "betoogt", "schreef",
        "schrijft", "vertelde", "vertelt", "verzekerde", "verzekert", "onderstreepte", "onderstreept",
        "concludeerde", "concludeert", "kondigde", "noemde", "noemt", "sprak", "spreekt", "riep", "roept",
        "bevestigde", "bevestigt", "aldus", "klaagde", "klaagt", "vroeg", "vraagt", "opperde", "merkte",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&["heeft", "hebben", "had", "hadden"]),
    according: &["volgens", "naar zeggen van", "aldus"],
    according_after: &[],
    after_quote: Words::new(&["aldus"]),
    addressees: Words::new(&["tegen", "aan"]),
    pronouns: Words::new(&["hij", "zij", "ze", "het"]),
    determiners: Words::new(&["de", "het", "een", "zijn", "haar", "hun", "die", "dat", "deze"]),
    indefinites: Words::new(&["een"]),
    titles: Words::new(&[
        "dhr.", "mevr.", "mr.", "dr.", "prof.", "ir.", "drs.", "heer", "mevrouw", "burgemeester", "minister",
        "premier", "president", "voorzitter", "directeur", "woordvoerder", "woordvoerster", "wethouder",
        "staatssecretaris", "officier", "rechter", "commissaris", "hoogleraar", "trainer", "coach", "topman",
        "topvrouw", "bestuurder", "kamerlid", "gedeputeerde", "onderzoeker", "econoom", "advocaat", "korpschef",
    ]),
    role_endings: &[],
    not_names: Words::new(&[
        "maar", "toch", "echter", "ook", "en", "of", "dus", "daarom", "daarnaast", "bovendien", "nu", "dan", "daar",
        "hier", "vandaag", "gisteren", "morgen", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
        "zaterdag", "zondag", "volgens", "na", "voor", "bij", "met", "in", "op", "aan", "uit", "van", "om", "zo",
        "wij", "we", "ik", "men", "dit", "deze", "die", "dat", "al", "nog", "wel", "niet", "inmiddels", "intussen",
        "desondanks", "ondanks", "tegelijk", "wel", "ook", "het", "de", "een",
    ]),
    name_particles: Words::new(&["van", "de", "der", "den", "ter", "ten", "te", "het", "'t"]),
    phrase_ends: Words::new(&[
        "die", "dat", "wie", "waar", "tijdens", "in", "op", "bij", "na", "voor", "met", "aan", "en", "maar",
        "gisteren", "vandaag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "tegen", "ook", "nog", "al", "toen", "weten", "uit",
    ]),
    prefixes: &[],
    apostrophe_suffixes: false,
    particles: &[],
    quote_links: &[],
    title_first: false,
    breaks: &[],
    groups: &[
        "bron", "getuige", "ooggetuige", "omwonende", "omstander", "bewoner", "inwoner", "buurtbewoner",
        "ambtena", "betoger", "demonstrant", "deskundige", "expert", "ingewijde", "insider", "betrokkene",
        "familie", "nabestaande", "verwant", "buren", "buurman", "buurvrouw", "fans", "supporter", "aanhanger",
        "arbeider", "werknemer", "medewerker", "personeel", "passagier", "reiziger", "ouders", "deelnemer",
        "waarnemer", "critici", "criticus", "analisten", "gebruiker", "burger", "slachtoffer", "overlevende",
        "hulpverlener", "onderzoeker", "studenten", "leerling", "kiezer", "gelovige", "activist", "toeschouwer",
        "consument", "kringen",
    ],
    bodies: &[
        "ministerie", "regering", "kabinet", "overheid", "politie", "rechtbank", "gerechtshof", "justitie",
        "gemeente", "stadhuis", "provincie", "waterschap", "veiligheidsregio", "parlement", "kamer", "bedrijf",
        "onderneming", "firma", "maatschappij", "concern", "vakbond", "partij", "campagne", "agentschap",
        "bureau", "dienst", "leger", "krijgsmacht", "defensie", "marechaussee", "ambassade", "consulaat", "club",
        "federatie", "commissie", "comité", "brandweer", "meteorolog", "weerinstituut", "ziekenhuis",
        "universiteit", "hogeschool", "krant", "dagblad", "omroep", "zender", "televisie", "radio", "instituut",
        "vereniging", "organisatie", "stichting", "bank", "autoriteit", "toezichthouder", "inspectie", "coalitie",
        "beweging",
    ],
    documents: &["verklaring", "uitspraak", "vonnis", "persbericht", "brief", "rapport", "besluit", "mededeling", "verslag", "advies"],
    frames: Words::new(&["staat", "stond", "lezen", "luidt"]),
};
