//! Spanish.

use super::Words;
use super::speech::{Script, Speech};

/// How Spanish news attributes speech: «…», dijo X; X afirmó: «…»; según X;
/// and often no subject at all ("…", añadió).
#[rustfmt::skip]
pub static SPEECH: Speech = Speech {
    code: "es",
    script: Script::Cased,
    verbs: Words::new(&[
        "puntualizó", "puntualiza", "lamentaba", "reclamó", "reclama", "protestó", "protesta", "aclaró", "aclara", "insistía", "relataba", "explicaba", "contaba", "decía", "recalcó", "recalca", "resaltó", "resalta", "valoró", "valora", "opinó", "opina", "detalló", "detalla", "reiteró", "reitera", "admitía", "advertía", "ironizó", "bromeó", "confesó", "confiesa", "prometió", "promete", "aseveró", "comentaba", 
        "dijo", "dice", "decía", "dicho", "dijeron", "afirmó", "afirma", "afirmaba", "afirmado", "declaró",
        "declara", "declarado", "aseguró", "asegura", "asegurado", "señaló", "señala", "señalado", "explicó",
        "explica", "explicado", "añadió", "añade", "agregó", "agrega", "subrayó", "subraya", "indicó", "indica",
        "sostuvo", "sostiene", "advirtió", "advierte", "manifestó", "manifiesta", "apuntó", "apunta", "insistió",
        "insiste", "reconoció", "reconoce", "admitió", "admite", "respondió", "responde", "comentó", "comenta",
        "destacó", "destaca", "recordó", "recuerda", "lamentó", "lamenta", "denunció", "denuncia", "criticó",
        "critica", "calificó", "califica", "concluyó", "concluye", "precisó", "precisa", "expresó", "expresa",
        "anunció", "anuncia", "relató", "relata", "contó", "cuenta", "defendió", "defiende", "zanjó", "remató",
        "sentenció", "apostilló", "matizó", "enfatizó", "aseveró", "dijeron", "afirmaron", "señalaron",
        "aseguraron", "explicaron", "declararon", "indicaron", "añadieron", "advirtieron", "escribió", "escribe",
    ]),
    stems: &[],
    endings: &[],
    auxiliaries: Words::new(&["ha", "han", "había", "habían", "habría"]),
    according: &["según", "de acuerdo con", "a juicio de", "en palabras de", "en opinión de"],
    according_after: &[],
    after_quote: Words::new(&[]),
    addressees: Words::new(&["a", "al"]),
    pronouns: Words::new(&["él", "ella", "ellos", "ellas"]),
    determiners: Words::new(&["el", "la", "los", "las", "un", "una", "unos", "unas", "su", "sus", "del", "al"]),
    indefinites: Words::new(&["un", "una", "unos", "unas"]),
    titles: Words::new(&[
        "regidor", "regidora", "paleontólogo", "paleontóloga", "investigador", "investigadora", "fuente", "fuentes", "responsable", "vecino", "vecina", "experto", "experta", "analista", "representante", "comerciante", 
        "sr.", "sra.", "srta.", "dr.", "dra.", "don", "doña", "señor", "señora", "presidente", "presidenta",
        "ministro", "ministra", "alcalde", "alcaldesa", "diputado", "diputada", "senador", "senadora", "juez",
        "jueza", "fiscal", "director", "directora", "portavoz", "secretario", "secretaria", "consejero",
        "consejera", "gobernador", "gobernadora", "general", "comisario", "comisaria", "entrenador",
        "entrenadora", "doctor", "doctora", "profesor", "profesora", "delegado", "delegada", "concejal",
        "concejala", "jefe", "jefa", "vocero", "vocera",
    ]),
    role_endings: &[],
    not_names: Words::new(&[
        "sin", "embargo", "pero", "además", "también", "así", "ahora", "luego", "entonces", "aunque", "según",
        "para", "por", "con", "en", "de", "desde", "tras", "ante", "hoy", "ayer", "mañana", "lunes", "martes",
        "miércoles", "jueves", "viernes", "sábado", "domingo", "no", "sí", "ya", "solo", "sólo", "incluso",
        "asimismo", "mientras", "cuando", "este", "esta", "estos", "estas", "ese", "esa", "eso", "esto", "aquí",
        "allí", "nosotros", "yo", "por su parte", "finalmente", "primero", "después", "antes", "otro", "otra",
    ]),
    name_particles: Words::new(&["de", "del", "la", "las", "los", "y", "da", "van", "von"]),
    phrase_ends: Words::new(&[
        "que", "quien", "quienes", "cuyo", "cuya", "donde", "durante", "en", "ante", "tras", "a", "al", "con",
        "y", "pero", "este", "esta", "ayer", "hoy", "el", "lunes", "martes", "miércoles", "jueves", "viernes",
        "sábado", "domingo", "para", "por", "sobre", "desde", "según", "también", "luego", "después",
    ]),
    prefixes: &[],
    apostrophe_suffixes: false,
    particles: &[],
    quote_links: &[],
    title_first: false,
    breaks: &[],
    groups: &[
        "fuente", "testigo", "vecino", "residente", "habitante", "funcionario", "manifestante", "expert",
        "especialistas", "analistas", "allegado", "cercano", "entorno", "persona", "familiar", "pariente",
        "seguidor", "aficionado", "hincha", "trabajador", "obrero", "empleado", "pasajero", "padres",
        "participante", "observador", "detractor", "críticos", "investigadores", "agentes", "conocedor",
        "usuario", "internauta", "ciudadano", "víctima", "superviviente", "sobreviviente", "socorrista",
        "rescatista", "sanitario", "estudiante", "alumno", "votante", "elector", "fieles", "activistas",
        "espectador", "consumidor",
    ],
    bodies: &[
        "ministerio", "gobierno", "policía", "guardia", "tribunal", "juzgado", "fiscalía", "ayuntamiento",
        "alcaldía", "municipalidad", "municipio", "concejo", "consejo", "cabildo", "diputación", "congreso",
        "parlamento", "presidencia", "gobernación", "secretaría", "departamento", "dirección", "autoridad",
        "administración", "empresa", "compañía", "firma", "sociedad", "grupo", "sindicato", "partido", "campaña",
        "agencia", "oficina", "servicio", "ejército", "fuerza", "embajada", "consulado", "cancillería", "club",
        "federación", "comisión", "comité", "junta", "bomberos", "cuerpo", "meteorológ", "hospital",
        "universidad", "periódico", "diario", "cadena", "emisora", "televisión", "radio", "instituto",
        "asociación", "organización", "fundación", "banco", "coalición", "alianza", "movimiento", "colectivo",
        "plataforma",
    ],
};
