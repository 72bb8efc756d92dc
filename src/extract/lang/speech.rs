//! How a language's news text says who said something: the table the
//! attribution of quotations in that language reads. One static per
//! language, in the language's own file; the engine (`extract::speech`)
//! never branches on a language code, only on what a table holds.

use super::Words;
use crate::extract::names::lowercase;

/// How a language writes names: what tells a name from the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Capital letters start names, words are spaced (French, Russian).
    Cased,
    /// Spaced words without capitals (Arabic): a name is what stands in
    /// the speaker's place once titles are read off.
    Uncased,
    /// No spaces between words (Japanese, Chinese) or particles glued to
    /// them (Korean): speakers are read from the text around the marks,
    /// by the particles, honorifics and verbs that frame them.
    Particles,
}

/// Everything attribution knows about one language.
pub struct Speech {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// How names are told apart.
    pub script: Script,
    /// Reporting verbs in every inflected form news uses, lowercase: the
    /// finite forms and the participles ("déclaré", "sagte", "dijo",
    /// "заявил", "kata"; for particle scripts, the stems: "述べ", "表示").
    pub verbs: Words,
    /// Stems of reporting verbs whose forms differ only in their endings
    /// (Polish "powiedzia-" + "ł", "ła", "li"; Russian "заяви-" + "л",
    /// "ла"), lowercase: a word is a verb when it is a stem and one of
    /// `endings`.
    pub stems: &'static [&'static str],
    /// The endings that make a stem a verb form.
    pub endings: &'static [&'static str],
    /// Auxiliaries that stand before a participle ("a", "hat", "ha").
    pub auxiliaries: Words,
    /// Words that introduce the source before it, as lowercase word
    /// sequences: "selon", "d'après", "по словам", "de acordo com".
    pub according: &'static [&'static str],
    /// Words that follow the source they introduce: German "zufolge",
    /// Turkish "göre", Japanese "によると".
    pub according_after: &'static [&'static str],
    /// "According to him" in one phrase, the pronoun before, inside or
    /// after the "according to" word ("jego zdaniem", "по его словам",
    /// "ihm zufolge", "selon lui"): the person last named is the source.
    pub according_pronouns: &'static [&'static str],
    /// Words that right after a quotation introduce its source: German
    /// "so", Dutch "aldus".
    pub after_quote: Words,
    /// Prepositions that name whom something was said to, right after the
    /// verb ("a déclaré à l'AFP la procureure", "ha dichiarato all'ANSA
    /// l'avvocato", "afirmou à Lusa o autarca"): the words they govern are
    /// the addressee, never the speaker. Lowercase; an elided one is
    /// written with its apostrophe ("all'").
    pub addressees: Words,
    /// Subject pronouns, which resolve to the person last named.
    pub pronouns: Words,
    /// Articles and determiners before a role or a name ("le", "der", "el").
    pub determiners: Words,
    /// Indefinite articles ("un", "eine", "una"): a role after one is
    /// someone new, never a person named before.
    pub indefinites: Words,
    /// Forms of address before a name ("Bu", "Frau", "M.", "pani"), which
    /// a single name may follow: "Bu Sumiati" is someone, as "Bupati
    /// Sindangrejo" (a title and a place) is not. Lowercase.
    pub honorifics: Words,
    /// Titles and honorifics written before a name and never part of it
    /// ("m.", "mme", "frau", "dr."); for particle scripts, those written
    /// after it too ("氏", "首相", "씨", "대통령").
    pub titles: Words,
    /// Endings of role nouns, for languages that capitalise nouns or glue
    /// roles into compounds ("minister" of "Innenministerin"); lowercase.
    pub role_endings: &'static [&'static str],
    /// Family names of a script without spaces or capitals, written
    /// first (Chinese 王, 李, 欧阳): a name with no title is read from one
    /// of them and a character or two before a reporting verb or a word of
    /// the frame ("拄着拐杖的罗建军在法庭外"). Empty elsewhere.
    pub surnames: &'static [&'static str],
    /// Capitalised words that open sentences and are never names
    /// ("Pourtant", "Dennoch"), lowercase.
    pub not_names: Words,
    /// Lowercase particles inside names ("de", "van", "von", "bin").
    pub name_particles: Words,
    /// Words where a speaker's phrase ends: relative pronouns, conjunctions,
    /// prepositions of time and place ("qui", "lors", "während").
    pub phrase_ends: Words,
    /// Prefixes written before a word and not part of it: French and
    /// Italian elisions ("l'", "d'"), Arabic conjunctions ("و", "ف").
    pub prefixes: &'static [&'static str],
    /// Case endings written after an apostrophe (Turkish "Yılmaz'a").
    pub apostrophe_suffixes: bool,
    /// Particles that mark the speaker as topic or subject (Japanese "は",
    /// Korean "은"); particle scripts only.
    pub particles: &'static [&'static str],
    /// Particles that tie a quotation to its verb (Japanese "と", Korean
    /// "라고"); particle scripts only.
    pub quote_links: &'static [&'static str],
    /// Titles come before the name (Chinese 总统特朗普), not after it
    /// (Japanese 田中首相, Korean 김 대통령); particle scripts only.
    pub title_first: bool,
    /// The verb closes its sentence (Turkish, Japanese, Korean): what
    /// follows a verb after a quotation is the rest of the sentence, never
    /// its subject ("“…” diyerek kazı ekibine teşekkür etti"), which stands
    /// before the quotation.
    pub verb_final: bool,
    /// Words that open an apposition telling who the name before the comma
    /// is, where no capitals tell a name ("جلس سليم بن عمارة، وهو سائق
    /// رافعة": "and he is").
    pub appositives: Words,
    /// Conjunctions that open what was said ("que", "dass", "что", "أن"):
    /// after a verb, what follows one is the content, never the speaker.
    pub complementizers: Words,
    /// Nouns of a quotation's frame that are not speakers (Chinese
    /// "记者", "会上"): where a particle-script speaker phrase ends.
    pub breaks: &'static [&'static str],
    /// Beginnings of nouns for people a source leaves unnamed ("source",
    /// "témoins", "mieszkańc-", "関係者"), lowercase: a speaker phrase with
    /// one is anonymous. Matched at the start of a word (spaced scripts) or
    /// anywhere in the phrase (particle scripts), so one stem covers the
    /// inflected forms.
    pub groups: &'static [&'static str],
    /// Beginnings of nouns for organisations ("ministère", "polic-",
    /// "belediye", "省", "公司"), lowercase, matched as `groups`: a speaker
    /// phrase with one, and no person's role, is an organisation.
    pub bodies: &'static [&'static str],
    /// Beginnings of nouns for the documents a body speaks through
    /// ("jugement", "Mitteilung", "comunicado", "решени", "判決"),
    /// lowercase, matched as `groups`: a speaker phrase headed by one is
    /// the body that issued it ("in einer Mitteilung des Landgerichts"),
    /// else the document itself.
    pub documents: &'static [&'static str],
    /// Suffixes of place names written before an office-holder's title
    /// (Korean "해솔시 대변인": 시 city, 군 county, 도 province); particle
    /// scripts only.
    pub places: &'static [&'static str],
    /// Impersonal words that quote a document ("peut-on lire dans", "heißt
    /// es in", "si legge nella", "говорится в", "وجاء في"), lowercase: the
    /// quotation's source is the document named next to them.
    pub frames: Words,
}

impl Speech {
    /// Whether `w` (lowercase) is a reporting verb, with or without a prefix.
    pub fn is_verb(&self, w: &str) -> bool {
        self.verbs.contains(w)
            || self.without_prefix(w).is_some_and(|r| self.verbs.contains(r))
            || self.endings.iter().any(|e| w.strip_suffix(e).is_some_and(|stem| self.stems.contains(&stem)))
    }

    /// `w` without a prefix of the table, when it has one and more follows.
    pub fn without_prefix<'a>(&self, w: &'a str) -> Option<&'a str> {
        self.prefixes.iter().find_map(|p| w.strip_prefix(p).filter(|r| !r.is_empty()))
    }

    /// Whether the lowercase word `w` (a phrase, for particle scripts) is
    /// or holds one of the language's nouns for unnamed people.
    pub fn is_group(&self, w: &str) -> bool {
        self.stem_in(self.groups, w, false)
    }

    /// Whether the lowercase word `w` (a phrase, for particle scripts) is
    /// or holds one of the language's nouns for organisations.
    pub fn is_body(&self, w: &str) -> bool {
        self.stem_in(self.bodies, w, false)
    }

    /// [`Speech::is_body`] for a word of a capitalised name, where a short
    /// stem must be the whole word: "суд" is a court, "Судаков" a surname.
    pub fn is_body_in_name(&self, w: &str) -> bool {
        self.stem_in(self.bodies, w, true)
    }

    /// Whether the lowercase word `w` is a noun for a body: one of the
    /// table's, or a compound ending in one ("Landgericht",
    /// "Familienunternehmen"); not one merely starting like one
    /// ("Gemeinderätin").
    pub fn is_body_noun(&self, w: &str) -> bool {
        self.bodies.iter().any(|b| w == *b || (b.chars().count() >= 5 && w.ends_with(b)))
    }

    /// `w` cut to the noun for a body it inflects, when only an ending of
    /// up to three letters follows: "Landgerichts" → "Landgericht", "суда" →
    /// "суд", "Belediyeden" → "Belediye" (a longer ending may be another
    /// word: "Gerichtsvollzieher").
    pub fn body_base<'a>(&self, w: &'a str) -> &'a str {
        let low = lowercase(w);
        let stem = self.bodies.iter().filter(|b| b.chars().count() >= 3 && low.starts_with(*b)).max_by_key(|b| b.len());
        match stem {
            Some(b) if low.chars().count() - b.chars().count() <= 3 => {
                let n = b.chars().count();
                w.char_indices().nth(n).map_or(w, |(i, _)| &w[..i])
            }
            _ => w,
        }
    }

    /// A stem matches the start of a word (the whole word when it is short
    /// and `whole_if_short`), or the end of a compound when long enough
    /// ("Stadtverwaltung"); in particle scripts anywhere.
    fn stem_in(&self, stems: &[&str], w: &str, whole_if_short: bool) -> bool {
        stems.iter().any(|s| {
            if self.script == Script::Particles {
                return w.contains(s);
            }
            let (starts, ends) = (w.starts_with(s), w.ends_with(s));
            if !starts && !ends {
                return false;
            }
            let long = s.chars().count() >= 5;
            (starts && (long || !whole_if_short || w == *s)) || (long && ends)
        })
    }

    /// Whether the lowercase word `w` (a phrase, for particle scripts) is
    /// or holds one of the language's nouns for documents.
    pub fn is_document(&self, w: &str) -> bool {
        self.stem_in(self.documents, w, true)
    }

    /// Whether `w` (lowercase) is a role noun by its ending.
    pub fn role_by_ending(&self, w: &str) -> bool {
        self.role_endings.iter().any(|e| w.ends_with(e))
    }
}
