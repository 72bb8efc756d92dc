//! Word lists of news English: how reporters attribute speech, how they
//! title people, which capitalised words are not names.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Finite reporting verbs: "X said", "X warned", "said X".
#[rustfmt::skip]
pub static CUE_VERBS: Words = Words::new(&[
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "warned", "warns", "stressed",
    "stresses", "emphasized", "emphasizes", "emphasised", "emphasises", "noted", "notes", "remarked", "remarks",
    "explained", "explains", "insisted", "insists", "wrote", "writes", "asked", "asks", "articulated",
    "declared", "declares", "announced", "announces", "argued", "argues", "claimed", "claims", "continued",
    "continues", "replied", "replies", "responded", "responds", "answered", "acknowledged", "acknowledges",
    "admitted", "admits", "observed", "recalled", "recalls", "suggested", "suggests", "urged", "urges", "vowed",
    "vows", "pledged", "pledges", "promised", "promises", "confirmed", "confirms", "conceded", "concedes",
    "contended", "contends", "countered", "counters", "cautioned", "predicted", "predicts", "complained",
    "complains", "joked", "jokes", "quipped", "boasted", "tweeted", "tweets", "posted", "described",
    "describes", "called", "calls", "affirmed", "reiterated", "reiterates", "maintained", "maintains",
    "shouted", "yelled", "whispered", "testified", "concluded", "agreed", "assured", "charged", "commented",
    "demanded", "denied", "echoed", "estimated", "exclaimed", "lamented", "mused", "objected", "offered",
    "opined", "proclaimed", "protested", "reasoned", "recounted", "repeated", "reported", "reports", "retorted",
    "revealed", "scoffed", "snapped", "speculated", "underscored", "underlined", "highlighted", "wondered",
    "alleged", "asserted", "asserts", "insisted", "interjected", "advised", "acknowledged", "cried", "pleaded",
    "begged", "sighed", "laughed", "thundered", "fumed", "raged", "gushed", "chimed", "huffed", "beamed",
    "texted", "emailed", "messaged", "blogged", "recalled", "added", "elaborated", "clarified", "conceded",
    "chanted", "scolded", "wrote", "mocked", "praised", "criticized", "blasted", "slammed", "accused", "dismissed",
]);

/// Participles that attribute to the subject of their clause:
/// "Trump praised Kim, saying '…'".
#[rustfmt::skip]
pub static CUE_PARTICIPLES: Words = Words::new(&[
    "saying", "adding", "noting", "stating", "warning", "stressing", "emphasizing", "emphasising", "explaining",
    "insisting", "writing", "asking", "declaring", "arguing", "claiming", "calling", "describing", "telling",
    "remarking", "recalling", "suggesting", "urging", "vowing", "pledging", "promising", "acknowledging",
    "admitting", "observing", "continuing", "replying", "responding", "answering", "reiterating", "affirming",
    "asserting", "highlighting", "tweeting", "predicting", "cautioning", "conceding", "underscoring",
    "expressing", "announcing", "proclaiming", "lamenting", "complaining", "joking", "boasting", "charging",
    "contending", "countering", "repeating", "confirming", "denying", "echoing", "quipping", "posting",
    "chanting", "shouting", "singing", "referring", "referencing", "accusing",
]);

/// Adverbs that may stand between a speaker and the verb ("Trump later said").
#[rustfmt::skip]
pub static CUE_ADVERBS: Words = Words::new(&[
    "also", "later", "then", "again", "further", "previously", "once", "recently", "simply", "only", "just",
    "had", "has", "have", "would", "will", "reportedly", "separately", "earlier", "frequently", "often",
    "repeatedly", "privately", "publicly", "flatly", "bluntly", "quickly", "angrily", "calmly", "firmly",
    "openly", "candidly", "sharply", "jokingly", "emphatically", "initially", "subsequently", "finally",
    "famously", "memorably", "once", "first", "ultimately", "confidently", "proudly", "quietly", "loudly",
    "tearfully", "bitterly", "cheerfully", "succinctly", "tersely", "curtly",
]);

/// Titles written before a name, capitalised: "Prime Minister Shigeru Ishiba".
#[rustfmt::skip]
pub static TITLES: Words = Words::new(&[
    "president", "vice", "prime", "minister", "premier", "secretary", "chancellor", "senator", "sen.", "sen",
    "representative", "rep.", "rep", "congressman", "congresswoman", "governor", "gov.", "gov", "mayor",
    "judge", "justice", "chief", "general", "gen.", "admiral", "adm.", "colonel", "col.", "lt.", "lieutenant",
    "captain", "capt.", "sgt.", "sergeant", "major", "maj.", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss",
    "dr.", "dr", "prof.", "professor", "rev.", "reverend", "pope", "king", "queen", "prince", "princess",
    "sheikh", "ambassador", "commissioner", "chairman", "chairwoman", "chair", "speaker", "leader", "director",
    "ceo", "spokesman", "spokeswoman", "spokesperson", "sir", "dame", "lord", "lady", "president-elect",
    "first", "attorney", "deputy", "assistant", "foreign", "defense", "defence", "finance", "state", "former",
    "acting", "emperor", "empress", "chancellor", "dictator", "leader", "senior", "adviser", "advisor",
    "counselor", "manager", "coach", "founder", "cardinal", "bishop", "archbishop", "rabbi", "imam", "dean",
    "officer", "inspector", "detective", "sheriff", "councilman", "councilwoman", "councillor", "councilor",
    "delegate", "envoy", "commander", "marshal", "sultan", "emir", "crown", "majority", "minority", "house",
    "press", "executive", "financial", "operating", "technology", "economist", "analyst", "historian",
    "researcher", "strategist", "pollster",
]);

/// Nouns that name a role; "the president", "a White House spokesman".
/// Multi-word roles are written with a space.
#[rustfmt::skip]
pub static ROLE_NOUNS: Words = Words::new(&[
    "president", "prime minister", "premier", "minister", "secretary", "chancellor", "senator", "governor",
    "mayor", "leader", "spokesman", "spokeswoman", "spokesperson", "official", "officials", "chairman",
    "chairwoman", "chair", "ceo", "chief executive", "director", "ambassador", "candidate", "nominee",
    "president-elect", "vice president", "foreign minister", "defense minister", "secretary of state",
    "press secretary", "king", "queen", "pope", "judge", "general", "commander", "dictator", "lawmaker",
    "congressman", "congresswoman", "representative", "speaker", "emperor", "chancellor", "envoy", "adviser",
    "advisor", "aide", "analyst", "economist", "expert", "professor", "researcher", "founder", "owner",
    "manager", "coach", "sheriff", "prosecutor", "attorney", "lawyer", "doctor", "scientist", "activist",
    "strategist", "pollster", "source", "delegate", "diplomat", "negotiator", "administrator", "commissioner",
    "superintendent", "principal", "resident", "witness", "victim", "police", "officer", "author",
    // People a source leaves unnamed, and bodies that speak as one.
    "sources", "residents", "witnesses", "protesters", "demonstrators", "critics", "supporters", "analysts",
    "experts", "voters", "aides", "advisers", "lawmakers", "leaders", "investigators", "prosecutors", "insiders",
    "observers", "activists", "diplomats", "authorities", "organizers", "organisers", "relatives", "neighbors",
    "neighbours", "students", "workers", "parents", "doctors", "scientists", "researchers", "economists",
    "family", "campaign", "commission", "committee", "council", "ministry", "department", "agency", "government",
    "administration", "company", "firm", "court", "embassy", "office", "union", "party", "military", "army",
    "spokespeople", "niece", "nephew", "son", "daughter", "wife", "husband", "mother", "father", "brother",
    "sister", "friend", "neighbor", "neighbour", "colleague", "businessman", "businesswoman", "entrepreneur",
    "executive", "teacher", "nurse", "farmer", "worker", "pilot", "engineer", "journalist", "reporter",
    "columnist", "historian", "scholar", "physician", "surgeon", "priest", "pastor", "soldier", "veteran",
    "firefighter", "banker", "investor", "consultant", "volunteer", "employee", "student", "survivor",
]);

/// Role heads for unnamed people: a source with one of these heads, and
/// no institution named in front of it, is anonymous ("officials", "a
/// source familiar with the talks"; "a ministry source" is a role).
#[rustfmt::skip]
pub static GROUP_NOUNS: Words = Words::new(&[
    "source", "sources", "official", "officials", "residents", "witnesses", "witness", "protesters",
    "demonstrators", "critics", "supporters", "analysts", "experts", "voters", "aides", "lawmakers", "leaders",
    "investigators", "insiders", "insider", "observers", "activists", "diplomats", "authorities", "organizers",
    "organisers", "relatives", "neighbors", "neighbours", "students", "workers", "parents", "people",
    "spokespeople", "doctors", "scientists", "researchers", "economists", "advisers", "prosecutors",
    "family",
]);

/// Role heads that name a body rather than a person: "the campaign",
/// "police", "the commission".
#[rustfmt::skip]
pub static BODY_NOUNS: Words = Words::new(&[
    "police", "campaign", "commission", "committee", "council", "ministry", "department", "agency",
    "government", "administration", "company", "firm", "court", "embassy", "office", "union", "party",
    "military", "army",
]);

/// Whether a lowercase word is a subject without a determiner: a plural
/// of unnamed people ("officials", "protesters") or "police".
pub fn bare_subject(w: &str) -> bool {
    (has(&GROUP_NOUNS, w) && w.ends_with('s') && !w.ends_with("ss")) || w == "police"
}

/// Honorifics: whatever follows them is a name ("Mr. King").
#[rustfmt::skip]
pub static HONORIFICS: Words = Words::new(&[
    "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss", "dr.", "mx.", "sir", "dame", "messrs.",
]);

/// Lowercase words that describe a person between a capitalised word and
/// their name: "MSNBC host Chris Matthews", "Trump campaign manager Kellyanne Conway".
#[rustfmt::skip]
pub static DESCRIPTORS: Words = Words::new(&[
    "host", "anchor", "correspondent", "reporter", "editor", "columnist", "writer", "deputy", "press", "campaign",
    "senior", "chief", "executive", "former", "acting", "top", "assistant", "staff", "communications", "policy",
    "national", "security", "legal", "special", "counsel", "associate", "professor", "attorney", "chairman",
    "member", "panel", "director", "president", "secretary", "minister", "leader", "spokesman", "spokeswoman",
    "spokesperson", "aide", "adviser", "advisor", "strategist", "manager", "surrogate", "economist", "analyst",
    "lawyer", "official", "candidate", "nominee", "governor", "senator", "lawmaker", "commentator", "pollster",
    "founder", "ceo", "chair", "vice", "running", "mate", "operative", "consultant", "activist", "journalist",
    "historian", "scholar", "researcher", "expert", "representative", "congressman", "congresswoman", "mayor",
    "ambassador", "envoy", "general", "commander", "sheriff", "prosecutor", "judge", "justice", "doctor",
    "physician", "scientist", "author", "contributor", "producer", "pastor", "organizer", "coordinator",
    "captain", "coach", "skipper", "goalkeeper", "striker", "midfielder", "defender", "winger", "forward", "player",
    "owner", "officer",
]);

/// Role words with the same meaning; the first is the canonical one.
#[rustfmt::skip]
pub const ROLE_SYNONYMS: &[(&str, &str)] = &[
    ("premier", "prime minister"), ("pm", "prime minister"), ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"), ("chief executive", "ceo"), ("chairwoman", "chairman"),
    ("chair", "chairman"), ("advisor", "adviser"), ("congresswoman", "congressman"), ("sen.", "senator"),
    ("gov.", "governor"), ("rep.", "representative"),
];

/// Demonyms to the place they refer to, so "the Japanese premier" finds
/// "Japan's Prime Minister".
#[rustfmt::skip]
pub const DEMONYMS: &[(&str, &str)] = &[
    ("japanese", "japan"), ("korean", "korea"), ("american", "us"), ("u.s.", "us"), ("u.s", "us"),
    ("united states", "us"), ("chinese", "china"), ("british", "uk"), ("u.k.", "uk"), ("french", "france"),
    ("german", "germany"), ("russian", "russia"), ("ukrainian", "ukraine"), ("indian", "india"),
    ("israeli", "israel"), ("palestinian", "palestine"), ("iranian", "iran"), ("turkish", "turkey"),
    ("italian", "italy"), ("spanish", "spain"), ("canadian", "canada"), ("mexican", "mexico"),
    ("brazilian", "brazil"), ("australian", "australia"), ("taiwanese", "taiwan"),
    ("philippine", "philippines"), ("filipino", "philippines"), ("vietnamese", "vietnam"),
    ("saudi", "saudi arabia"), ("egyptian", "egypt"), ("european", "europe"), ("polish", "poland"),
    ("dutch", "netherlands"), ("swedish", "sweden"), ("syrian", "syria"), ("iraqi", "iraq"),
    ("afghan", "afghanistan"), ("pakistani", "pakistan"), ("venezuelan", "venezuela"), ("cuban", "cuba"),
    ("greek", "greece"),
];

/// Capitalised words that open sentences but are not names.
#[rustfmt::skip]
pub static NOT_NAMES: Words = Words::new(&[
    "the", "a", "an", "but", "and", "or", "so", "yet", "then", "however", "meanwhile", "in", "on", "at", "as",
    "if", "when", "while", "after", "before", "since", "although", "though", "because", "during", "despite",
    "asked", "speaking", "turning", "according", "this", "that", "these", "those", "it", "its", "there", "here",
    "we", "i", "he", "she", "they", "his", "her", "their", "our", "my", "your", "what", "who", "why", "how",
    "where", "which", "still", "also", "now", "today", "yesterday", "tomorrow", "last", "next", "both", "all",
    "some", "many", "most", "other", "another", "every", "each", "no", "not", "only", "even", "just", "for",
    "from", "to", "with", "without", "by", "of", "under", "over", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
    "building", "focus", "addressing", "read", "similar", "following", "among", "until", "unlike", "like",
    "whether", "once", "instead", "indeed", "moreover", "furthermore", "additionally", "overall", "later",
    "earlier", "thus", "therefore", "yes", "well", "oh", "please", "thank", "thanks", "let", "don't", "do",
    "does", "did", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "will", "would",
    "can", "could", "should", "must", "might", "several", "few", "more", "less", "such", "one", "two", "three",
    "first", "second", "third", "former", "more", "democrat",
    "democratic", "conservative", "liberal", "progressive", "libertarian", "federal", "national", "muslim",
    "christian", "black", "white", "hispanic", "latino", "asian", "african", "european",
    "republican", "americans",
]);

/// Last words of names that are places or organisations rather than
/// people: such names are never the "he" or "she" of a later sentence.
#[rustfmt::skip]
pub static NOT_PERSON_WORDS: Words = Words::new(&[
    "korea", "states", "kingdom", "union", "house", "department", "ministry", "party", "committee", "council",
    "court", "congress", "senate", "administration", "post", "times", "news", "press", "agency", "inc", "inc.",
    "corp", "corp.", "company", "co.", "university", "bank", "group", "association", "institute", "foundation",
    "fund", "commission", "office", "service", "army", "navy", "force", "police", "government", "city",
    "county", "state", "republic", "street", "island", "islands", "center", "centre", "network", "journal",
    "magazine", "tribune", "herald", "channel", "campaign", "pentagon", "kremlin", "washington", "tokyo",
    "seoul", "beijing", "moscow", "pyongyang", "london", "paris", "berlin", "america", "japan", "china",
    "russia", "ukraine", "india", "europe", "asia", "africa", "australia", "canada", "mexico", "iran", "israel",
    "france", "germany", "britain", "italy", "spain", "taiwan", "philippines", "vietnam", "korea's", "strait",
    "sea", "ocean", "peninsula", "region", "project", "program", "summit", "conference", "alliance", "nations",
    "assembly", "parliament", "cabinet", "board", "authority", "bureau", "federation", "organization",
    "organisation", "league", "club", "team", "school", "college", "hospital", "airport", "station", "airlines",
    "motors", "steel", "technologies", "systems", "media", "politifact", "twitter", "facebook", "google",
    "microsoft", "apple", "amazon", "cnn", "fox", "reuters", "nbc", "cbs", "abc", "msnbc", "npr", "bbc",
    "guardian", "daily", "today", "week", "street", "fargo", "chicago", "york", "angeles", "francisco",
    "florida", "ohio", "texas", "california", "virginia", "carolina", "pennsylvania", "iowa", "colorado",
    "nevada", "arizona", "michigan", "wisconsin", "georgia", "hampshire", "jersey", "massachusetts",
    "minnesota", "amendment", "act", "bill", "law", "constitution", "debate", "election", "convention", "tower",
    "hotel", "democrats", "republicans", "critics", "supporters", "officials", "sources", "experts", "analysts",
    "protesters", "voters", "lawmakers", "leaders", "residents", "police", "investigators", "prosecutors",
]);

/// Words before a quotation that make it a mention of a term or a name
/// rather than speech: "the so-called 'deep state'", "a reference to 'Nissan'".
#[rustfmt::skip]
pub static MENTION_CUES: Words = Words::new(&[
    "so-called", "dubbed", "titled", "entitled", "named", "nicknamed", "known as", "the word", "the words",
    "the term", "the phrase", "the slogan", "the hashtag", "reference to", "references to", "referred to as",
    "the name", "the label", "the headline", "the book", "the film", "the movie", "the song", "the show",
    "the program", "the programme", "the series", "the article", "the op-ed", "the report", "the album",
]);

/// Lowercase words that follow a subject as its verb: "Trump met", "Ishiba has".
#[rustfmt::skip]
pub static AUXILIARIES: Words = Words::new(&[
    "is", "was", "has", "had", "will", "would", "could", "can", "may", "might", "should", "must", "does", "did",
    "are", "were", "have", "also", "later", "then", "again", "still", "never", "already", "first",
]);

/// Nouns for something said: "Trump's claim that …".
#[rustfmt::skip]
pub static SPEECH_NOUNS: Words = Words::new(&[
    "claim", "claims", "statement", "statements", "remark", "remarks", "words", "comment", "comments",
    "assertion", "promise", "pledge", "warning", "tweet", "tweets", "message", "argument", "description",
    "characterization", "suggestion", "insistence", "accusation", "charge", "call", "vow", "boast", "quip",
    "response", "reply", "answer", "question", "speech", "testimony", "prediction", "slogan", "phrase",
]);

/// A word list, looked up through a hash set built on first use.
pub struct Words {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Words {
    /// A list of lowercase words.
    pub const fn new(list: &'static [&'static str]) -> Self {
        Words { list, set: OnceLock::new() }
    }

    /// Whether `w` (lowercase) is in the list.
    pub fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.list.iter().copied().collect()).contains(w)
    }

    /// The words, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.list.iter().copied()
    }
}

/// Whether `w` (lowercase) is in `list`.
pub fn has(list: &Words, w: &str) -> bool {
    list.contains(w)
}

/// Whether a lowercase word begins a role of several words ("prime" of
/// "prime minister", "secretary" of "secretary of state").
pub fn starts_role_phrase(word: &str) -> bool {
    static FIRST: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    FIRST
        .get_or_init(|| {
            ROLE_NOUNS
                .iter()
                .chain(ROLE_SYNONYMS.iter().map(|(k, _)| *k))
                .filter_map(|r| r.split_once(' ').map(|(f, _)| f))
                .collect()
        })
        .contains(word)
}

/// Whether a lowercase phrase names a role ("premier", "prime minister").
pub fn is_role(phrase: &str) -> bool {
    has(&ROLE_NOUNS, phrase) || ROLE_SYNONYMS.iter().any(|(k, _)| *k == phrase)
}

/// The canonical form of a role noun ("premier" → "prime minister").
pub fn canonical_role(role: &str) -> &str {
    ROLE_SYNONYMS.iter().find(|(k, _)| *k == role).map_or(role, |(_, v)| v)
}

/// The place a demonym or possessive refers to ("Japanese", "Japan's" → "japan").
pub fn place_of(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    DEMONYMS.iter().find(|(k, _)| *k == w).map_or_else(|| w.to_owned(), |(_, v)| (*v).to_owned())
}
