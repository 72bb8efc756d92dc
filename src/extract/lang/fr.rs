//! French.

use super::Words;
use super::speech::{Script, Speech};

/// How French news attributes speech: « … », a déclaré X ; X a affirmé : « … » ;
/// selon X ; « … », a-t-il ajouté.
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "fr",
    script: Script::Cased,
    verbs: Words::new(&[
        "lamenté", "lamente", "protesté", "proteste", "réclamé", "réclame", "soupiré", "soupire", "ironisé", "ironise", "tonné", "tonne", "fustigé", "fustige", "expliquait", "racontait", "confiait", "résumait", "rétorqué", "rétorque", "renchéri", "renchérit", "abondé", "abonde", "souligne-t-il", 
        "dit", "déclaré", "déclare", "déclarait", "affirmé", "affirme", "affirmait", "ajouté", "ajoute", "ajoutait",
        "expliqué", "explique", "expliquait", "estimé", "estime", "estimait", "souligné", "souligne", "soulignait",
        "indiqué", "indique", "indiquait", "assuré", "assure", "assurait", "précisé", "précise", "précisait",
        "martelé", "martèle", "lancé", "lance", "confié", "confie", "insisté", "insiste", "prévenu", "prévient",
        "regretté", "regrette", "dénoncé", "dénonce", "reconnu", "reconnaît", "admis", "admet", "répondu", "répond",
        "réagi", "réagit", "commenté", "commente", "rappelé", "rappelle", "poursuivi", "poursuit", "conclu", "conclut",
        "annoncé", "annonce", "averti", "avertit", "jugé", "juge", "qualifié", "qualifie", "raconté", "raconte",
        "témoigné", "témoigne", "lâché", "lâche", "plaidé", "plaide", "répété", "répète", "écrit", "écrivait",
        "détaillé", "détaille", "nuancé", "nuance", "observé", "observe", "noté", "note", "glissé", "glisse",
        "tranché", "tranche", "résumé", "résume", "déploré", "déplore", "promis", "promet", "déclarent", "affirment",
        "estiment", "expliquent", "ajoutent", "disent", "indiquent", "soulignent", "dénoncent", "assurent", "dira",
        "déclarera", "poursuivi", "poursuit", "prévenu", "insisté",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&["a", "ont", "avait", "avaient", "aura", "auront", "avait-il", "est", "sont"]),
    according: &["selon", "d'après", "d’après", "de l'avis de", "aux dires de"],
    according_after: &[],
    after_quote: Words::new(&[]),
    addressees: Words::new(&["à", "au", "aux"]),
    pronouns: Words::new(&["il", "elle", "ils", "elles", "on"]),
    determiners: Words::new(&["le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur", "leurs", "ce", "cette", "du", "au", "aux"]),
    indefinites: Words::new(&["un", "une", "des"]),
    titles: Words::new(&[
        "préfète", "directrice", "directeur", 
        "m.", "mme", "mlle", "me", "dr", "pr", "mgr", "monsieur", "madame", "maître", "docteur", "professeur",
        "président", "présidente", "ministre", "maire", "député", "députée", "sénateur", "sénatrice", "général",
        "colonel", "commissaire", "procureur", "procureure", "juge", "directeur", "directrice", "secrétaire",
        "porte-parole", "responsable", "représentant", "représentante", "source", "sources", "témoin",
        "habitant", "habitante", "avocat", "avocate", "analyste", "expert", "experte", "syndicaliste", "dirigeant",
        "dirigeante", "élu", "élue", "conseiller", "conseillère", "entourage", "proche", "proches", "pdg", "p.-d.g.", "dg", "préfet", "préfète", "premier", "première", "chef", "cheffe", "patron", "patronne",
    ]),
    role_endings: &[],
    not_names: Words::new(&[
        "pourtant", "cependant", "mais", "et", "or", "donc", "ainsi", "alors", "puis", "enfin", "toutefois",
        "néanmoins", "selon", "pour", "par", "dans", "depuis", "après", "avant", "lors", "quant", "aussi", "même",
        "seul", "seule", "seulement", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "hier", "aujourd'hui", "demain", "là", "ici", "en", "à", "au", "aux", "d'après", "sans", "avec", "sur",
        "sous", "contre", "entre", "vers", "chez", "il", "elle", "ils", "elles", "nous", "vous", "je", "on",
        "c'est", "ce", "cette", "ces", "oui", "non", "bref", "certes", "d'abord", "ensuite", "surtout", "pas",
    ]),
    name_particles: Words::new(&["de", "du", "des", "d'", "la", "le", "van", "von", "da", "di", "ben", "el"]),
    phrase_ends: Words::new(&[
        "qui", "que", "qu'", "dont", "où", "lors", "pendant", "dans", "devant", "après", "avant", "lundi", "mardi",
        "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "et", "mais", "car", "avec", "sur", "en",
        "à", "au", "aux", "pour", "par", "ce", "cette", "mardi", "vendredi", "selon", "aussi", "encore", "ensuite",
    ]),
    prefixes: &["l'", "l’", "d'", "d’", "qu'", "qu’"],
    apostrophe_suffixes: false,
    particles: &[],
    quote_links: &[],
    title_first: false,
    breaks: &[],
    groups: &[
        "source", "témoin", "habitant", "riverain", "officiel", "responsables", "manifestant", "protestataire",
        "expert", "spécialistes", "analystes", "initié", "proche", "entourage", "famille", "parents", "voisins",
        "supporter", "supporteur", "ouvrier", "salarié", "employé", "travailleur", "fonctionnaire", "passager",
        "participant", "observateur", "détracteur", "enquêteur", "secouriste", "sauveteur", "victime", "rescapé",
        "survivant", "citoyen", "internaute", "usager", "consommateur", "spectateur", "électeur", "étudiant",
        "élève", "fidèle", "militant",
    ],
    bodies: &[
        "ministère", "gouvernement", "police", "gendarmerie", "tribunal", "juridiction", "parquet", "mairie",
        "municipalité", "préfecture", "conseil", "assemblée", "parlement", "présidence", "administration",
        "autorité", "entreprise", "société", "compagnie", "groupe", "syndicat", "parti", "campagne", "agence",
        "bureau", "office", "service", "armée", "état-major", "ambassade", "consulat", "club", "fédération",
        "commission", "comité", "pompier", "sapeurs-pompiers", "météo", "hôpital", "clinique", "université",
        "journal", "quotidien", "hebdomadaire", "chaîne", "radio", "télévision", "institut", "association",
        "organisation", "fondation", "banque", "collectif", "mouvement", "coalition", "direction",
    ],
};
