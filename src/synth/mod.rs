//! Synthetic news corpora for benchmarks: deterministic for a seed, and
//! built like the real thing so that benchmarks exercise the real paths —
//! hundreds of outlets, thousands of speakers, stories covered by several
//! outlets that reuse the same quotations (sometimes reworded, sometimes in
//! fragments, with every attribution pattern the extractor knows), wire
//! copy reprinted with light edits, bylines, datelines, captions and promos
//! of other stories — and the story's figures (a cost, a poll, a crowd, a
//! year), which outlets state in their own words: some exactly, some
//! rounded or qualified, a few in genuine conflict with the others.

use std::fmt::Write;

/// SplitMix64: small, fast, and the same sequence on every platform.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    /// An element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[rustfmt::skip]
const FIRST: &[&str] = &[
    "Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Laura", "Marco",
    "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Samuel", "Tara", "Umar", "Vera", "Wen", "Ximena", "Yusuf", "Zoe",
    "Alice", "Bruno", "Chen", "Dana", "Emil", "Fatima", "Gustav", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Mateo",
    "Nora", "Oscar", "Paula", "Rafael", "Sofia", "Tomas", "Ulla", "Victor", "Wanda", "Yara", "Zeke",
];

#[rustfmt::skip]
const LAST: &[&str] = &[
    "Adler", "Baptiste", "Castillo", "Duarte", "Eriksen", "Fontaine", "Gallo", "Haddad", "Ishikawa", "Jansen",
    "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi", "Sato", "Tanaka",
    "Ueda", "Vargas", "Weber", "Xu", "Yilmaz", "Zimmer", "Abbott", "Brandt", "Cortez", "Dubois", "Ellison",
    "Fischer", "Grant", "Holm", "Ivanova", "Jovanovic", "Keller", "Lopez", "Mendes", "Novak", "Olsen", "Park",
    "Ramos", "Schmidt", "Torres", "Ulrich", "Varga", "Walsh", "Young", "Zhou", "Berg", "Carter", "Diaz", "Evans",
];

#[rustfmt::skip]
const ROLES: &[(&str, &str)] = &[
    ("Prime Minister", "prime minister"), ("Finance Minister", "finance minister"), ("Senator", "senator"),
    ("Governor", "governor"), ("Mayor", "mayor"), ("President", "president"), ("Economist", "economist"),
    ("Spokeswoman", "spokeswoman"), ("Spokesman", "spokesman"), ("Chief Executive", "chief executive"),
    ("Health Secretary", "secretary"), ("Union leader", "leader"), ("Professor", "professor"), ("Judge", "judge"),
];

#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "budget", "tax", "bridge", "hospital", "school", "pension", "tariff", "railway", "harbor", "energy", "water",
    "housing", "border", "election", "strike", "reform", "contract", "subsidy", "vaccine", "climate", "wage",
    "market", "airport", "pipeline", "treaty", "court", "police", "farm", "fishing", "mining", "rent", "grid",
];

#[rustfmt::skip]
const VERBS: &[&str] = &[
    "protect", "fund", "review", "build", "cut", "raise", "defend", "reform", "delay", "approve", "challenge",
    "support", "expand", "close", "rebuild", "secure", "audit", "double", "freeze", "restore",
];

#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "fair", "dangerous", "overdue", "reckless", "necessary", "historic", "unacceptable", "balanced", "costly",
    "urgent", "modest", "ambitious", "cruel", "sensible", "broken", "generous", "risky", "vital",
];

#[rustfmt::skip]
const GROUPS: &[&str] = &[
    "families", "workers", "farmers", "pensioners", "students", "taxpayers", "nurses", "small businesses",
    "young people", "drivers", "patients", "tenants",
];

#[rustfmt::skip]
const CITIES: &[&str] = &[
    "BRUSSELS", "LISBON", "OSLO", "NAIROBI", "LIMA", "SEOUL", "MANILA", "OTTAWA", "DUBLIN", "ACCRA", "HANOI",
    "QUITO", "RIGA", "TUNIS", "CANBERRA", "MONTREAL",
];

#[rustfmt::skip]
const AGENCIES: &[&str] = &["Reuters", "AP", "AFP", "UPI", "Kyodo", "Yonhap", "ANSA", "dpa"];

#[rustfmt::skip]
const OUTLET_A: &[&str] = &[
    "Daily", "Evening", "Metro", "Northern", "Coastal", "Capital", "Valley", "Harbor", "National", "Morning",
    "Weekly", "Central", "Western", "Eastern", "Southern", "City", "County", "Union", "Free", "New",
];

#[rustfmt::skip]
const OUTLET_B: &[&str] = &[
    "Ledger", "Courier", "Herald", "Tribune", "Gazette", "Post", "Times", "Observer", "Chronicle", "Record",
    "Journal", "Dispatch", "Standard", "Sentinel", "Examiner",
];

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

/// A person quoted in the corpus.
struct Person {
    first: &'static str,
    last: &'static str,
    title: &'static str,
    role: &'static str,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// A story several outlets cover: who speaks, what they said, the figures.
struct Story {
    topic: &'static str,
    second: &'static str,
    city: &'static str,
    speakers: Vec<usize>,
    /// (speaker index into `speakers`, sentences of the quotation)
    quotes: Vec<(usize, Vec<String>)>,
    /// A wire text outlets reprint, when the story has one.
    wire: Option<String>,
    day: usize,
    /// The figures outlets state about it.
    figures: Figures,
}

/// A story's figures.
struct Figures {
    /// What the story's plan is called: its sponsor and topic ("Haddad tax").
    plan: String,
    /// Cost in billions of dollars, one decimal.
    cost: f64,
    /// Over how many years.
    years: usize,
    /// Support in a poll, percent with one decimal.
    support: f64,
    /// People at a protest.
    crowd: usize,
    /// Who protested.
    group: &'static str,
    /// The year of earlier reforms the story recalls.
    reform_year: usize,
    /// The weekday of the session the story reports.
    weekday: &'static str,
}

/// A generated corpus, article by article.
pub struct Corpus {
    rng: Rng,
    outlets: Vec<String>,
    people: Vec<Person>,
    story: Option<(Story, usize)>,
    made: usize,
}

/// One generated article, with the fields of a corpus line.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Article {
    /// Outlet name.
    pub outlet: String,
    /// Address.
    pub url: String,
    /// Headline.
    pub title: String,
    /// Byline name.
    pub author: String,
    /// ISO date.
    pub published: String,
    /// Language code.
    pub language: String,
    /// The page text: headline, byline, body, captions, promos.
    pub text: String,
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
}

impl Corpus {
    /// A corpus for `seed`: 300 outlets, 3,000 speakers.
    pub fn new(seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let mut outlets = Vec::new();
        while outlets.len() < 300 {
            let name = format!("The {} {}", rng.pick(OUTLET_A), rng.pick(OUTLET_B));
            let name = if outlets.contains(&name) { format!("{name} {}", outlets.len()) } else { name };
            outlets.push(name);
        }
        let people = (0..3_000)
            .map(|_| {
                let (title, role) = *rng.pick(ROLES);
                Person { first: rng.pick::<&str>(FIRST), last: rng.pick::<&str>(LAST), title, role }
            })
            .collect();
        Corpus { rng, outlets, people, story: None, made: 0 }
    }

    fn sentence(&mut self, topic: &str) -> String {
        let r = &mut self.rng;
        match r.below(6) {
            0 => format!("We will {} the {topic} plan before the end of the year", r.pick(VERBS)),
            1 => format!("This {topic} deal is {} for {}", r.pick(ADJECTIVES), r.pick(GROUPS)),
            2 => format!("Nobody should pretend that the {topic} problem is {}", r.pick(ADJECTIVES)),
            3 => format!(
                "I think the {} will {} the {topic} budget, and that is {}",
                r.pick(GROUPS),
                r.pick(VERBS),
                r.pick(ADJECTIVES)
            ),
            4 => format!("Our job is to {} {} and to keep the {topic} promise", r.pick(VERBS), r.pick(GROUPS)),
            _ => format!("The {topic} figures show a {} year for {}", r.pick(ADJECTIVES), r.pick(GROUPS)),
        }
    }

    fn new_story(&mut self) -> Story {
        let topic = *self.rng.pick(NOUNS);
        let second = *self.rng.pick(NOUNS);
        let city = *self.rng.pick(CITIES);
        let speakers: Vec<usize> = (0..2 + self.rng.below(3)).map(|_| self.rng.below(self.people.len())).collect();
        let quotes = (0..6 + self.rng.below(9))
            .map(|_| {
                let who = self.rng.below(speakers.len());
                let n = 1 + self.rng.below(2);
                (who, (0..n).map(|_| self.sentence(topic)).collect())
            })
            .collect();
        let wire = self.rng.chance(0.3).then(|| {
            let p = &self.people[speakers[0]];
            format!(
                "{city} ({}) - Officials met on Tuesday to discuss the {topic} and {second} proposals, which would cost {:.1} billion dollars over {} years. {} {}, who leads the talks, said the vote could come within weeks.",
                self.rng.pick(AGENCIES),
                1.0 + self.rng.below(90) as f64 / 10.0,
                2 + self.rng.below(8),
                p.title,
                p.full()
            )
        });
        let figures = Figures {
            plan: format!("{} {topic}", self.people[speakers[0]].last),
            cost: 0.5 + self.rng.below(200) as f64 / 10.0,
            years: 2 + self.rng.below(9),
            support: 20.0 + self.rng.below(600) as f64 / 10.0,
            crowd: 1_000 + 100 * self.rng.below(400),
            group: self.rng.pick::<&str>(GROUPS),
            reform_year: 2005 + self.rng.below(18),
            weekday: self.rng.pick::<&str>(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        };
        Story { topic, second, city, speakers, quotes, wire, day: self.rng.below(365), figures }
    }

    /// How an outlet prints a figure: usually as the others do, sometimes
    /// rounded or qualified, rarely a different figure altogether.
    fn variant(&mut self) -> Variant {
        match self.rng.below(100) {
            0..=4 => Variant::Conflicting,
            5..=19 => Variant::Rounded,
            20..=29 => Variant::Qualified,
            _ => Variant::Exact,
        }
    }

    /// A story's cost as one outlet writes it.
    fn money(&mut self, billions: f64) -> String {
        match self.variant() {
            Variant::Exact => match self.rng.below(3) {
                0 => format!("${billions:.1} billion"),
                1 => format!("{billions:.1} billion dollars"),
                _ => format!("${billions:.1}bn"),
            },
            Variant::Rounded => format!("${} billion", billions.round().max(1.0)),
            Variant::Qualified => format!("more than ${} billion", billions.floor().max(0.5)),
            Variant::Conflicting => format!("${:.1} billion", billions * (1.2 + self.rng.below(30) as f64 / 100.0)),
        }
    }

    /// A poll's figure as one outlet writes it.
    fn percent(&mut self, p: f64) -> String {
        match self.variant() {
            Variant::Exact => {
                if self.rng.chance(0.5) {
                    format!("{p:.1}%")
                } else {
                    format!("{p:.1} percent")
                }
            }
            Variant::Rounded => format!("{}%", p.round()),
            Variant::Qualified => format!("nearly {}%", p.ceil()),
            Variant::Conflicting => format!("{:.1}%", p + 8.0 + self.rng.below(80) as f64 / 10.0),
        }
    }

    /// A crowd as one outlet counts it.
    fn count(&mut self, n: usize) -> String {
        let grouped = |n: usize| {
            let s = n.to_string();
            let (head, tail) = s.split_at(s.len() - 3);
            if head.is_empty() { tail.to_owned() } else { format!("{head},{tail}") }
        };
        match self.variant() {
            Variant::Exact => grouped(n),
            Variant::Rounded => grouped((n + 500) / 1000 * 1000).replace(",000", " thousand"),
            Variant::Qualified => format!("about {}", grouped((n + 500) / 1000 * 1000)),
            Variant::Conflicting => grouped(n * 3 / 2 + 700),
        }
    }

    /// The next article.
    pub fn next_article(&mut self) -> Article {
        if self.story.as_ref().is_none_or(|(_, left)| *left == 0) {
            let s = self.new_story();
            // Most stories are covered a few times, some very widely.
            let n = 1 + self.rng.below(4) + if self.rng.chance(0.2) { self.rng.below(25) } else { 0 };
            self.story = Some((s, n));
        }
        let (story, left) = self.story.take().expect("a story is set");
        let article = self.write(&story);
        self.story = Some((story, left - 1));
        self.made += 1;
        article
    }

    /// The story's figures, each stated or not, in one of several wordings.
    fn state_figures(&mut self, s: &Story, t: &mut String) {
        let f = &s.figures;
        if self.rng.chance(0.7) {
            let money = self.money(f.cost);
            let city = capitalize(&s.city.to_lowercase());
            let sentence = match self.rng.below(3) {
                0 => format!("The {city} {} plan would cost {money} over {} years, officials said.", f.plan, f.years),
                1 => format!(
                    "Officials put the cost of the {} plan for {city} at {money}, spread over {} years.",
                    f.plan, f.years
                ),
                _ => format!("The {}-year {city} {} plan is expected to cost {money}.", f.years, f.plan),
            };
            writeln!(
                t,
                "{sentence}
"
            )
            .unwrap();
        }
        if self.rng.chance(0.5) {
            let share = self.percent(f.support);
            let city = capitalize(&s.city.to_lowercase());
            let sentence = if self.rng.chance(0.5) {
                format!("A poll published this week found {share} of {city} voters back the {} plan.", f.plan)
            } else {
                format!("Support in {city} for the {} plan stands at {share}, according to the latest poll.", f.plan)
            };
            writeln!(
                t,
                "{sentence}
"
            )
            .unwrap();
        }
        if self.rng.chance(0.5) {
            let crowd = self.count(f.crowd);
            writeln!(
                t,
                "{} {} marched against the {} changes in {} on {}.
",
                capitalize(&crowd),
                f.group,
                s.second,
                capitalize(&s.city.to_lowercase()),
                f.weekday
            )
            .unwrap();
        }
    }

    fn write(&mut self, s: &Story) -> Article {
        let outlet = self.outlets[self.rng.below(self.outlets.len())].clone();
        let author = format!("{} {}", self.rng.pick(FIRST), self.rng.pick(LAST));
        let day = (s.day + self.rng.below(3)) % 365;
        let (month, dom) = (day / 31 % 12, day % 28 + 1);
        let published = format!("2024-{:02}-{dom:02}", month + 1);
        let title = format!(
            "{} {} {} plan, {} says",
            capitalize(s.topic),
            self.rng.pick(&["talks", "row", "vote", "deal"]),
            s.second,
            self.people[s.speakers[0]].last
        );
        let mut t = String::with_capacity(3_500);
        writeln!(t, "{title}\n\nBy {author}\nPublished: {} {dom}, 2024\n", MONTHS[month]).unwrap();
        if let Some(w) = &s.wire {
            // Reprinted wire copy, lightly edited.
            let edited = if self.rng.chance(0.5) { w.replace("Tuesday", "Tuesday afternoon") } else { w.clone() };
            writeln!(t, "{edited}\n").unwrap();
        } else {
            writeln!(
                t,
                "{}, {} {dom} ({}) - Lawmakers and officials in {} clashed again over the {} plan on {}.\n",
                s.city,
                MONTHS[month],
                self.rng.pick(AGENCIES),
                capitalize(&s.city.to_lowercase()),
                s.topic,
                s.figures.weekday
            )
            .unwrap();
        }
        self.state_figures(s, &mut t);
        // Introduce the speakers with their roles, so roles and pronouns resolve.
        for &p in &s.speakers {
            let p = &self.people[p];
            writeln!(t, "{} {} has followed the {} negotiations since the spring.\n", p.title, p.full(), s.topic)
                .unwrap();
        }
        let mut quotes: Vec<&(usize, Vec<String>)> = s.quotes.iter().filter(|_| self.rng.chance(0.8)).collect();
        if quotes.is_empty() {
            quotes.push(&s.quotes[0]);
        }
        for (i, (who, sentences)) in quotes.iter().enumerate() {
            let p = &self.people[s.speakers[*who]];
            let mut said: Vec<String> = sentences.clone();
            // Outlets reword: a word dropped or changed.
            if self.rng.chance(0.15) {
                let k = self.rng.below(said.len());
                let mut words: Vec<&str> = said[k].split(' ').collect();
                let j = 1 + self.rng.below(words.len() - 1);
                if self.rng.chance(0.5) {
                    words.remove(j);
                } else {
                    words[j] = self.rng.pick::<&str>(&["really", "truly", "still", "also", "certainly"]);
                }
                said[k] = words.join(" ");
            }
            let text = said.join(". ");
            let para = match self.rng.below(7) {
                0 => format!("\"{text},\" {} said.", p.last),
                1 => format!("\"{text},\" said {} {}.", p.title, p.full()),
                2 => format!("{} said: \"{text}.\"", p.last),
                3 => format!("\"{text},\" the {} added.", p.role),
                4 => format!("According to {}, \"{text}.\"", p.full()),
                5 => {
                    let words: Vec<&str> = text.split(' ').collect();
                    let start = self.rng.below(words.len().saturating_sub(4).max(1));
                    let frag = words[start..(start + 4).min(words.len())].join(" ");
                    format!(
                        "{}, for {} part, called the proposal \"{frag}\" during the session.",
                        p.last,
                        self.rng.pick(&["his", "her"])
                    )
                }
                _ => format!("\"{text},\" {} told reporters in {}.", p.last, capitalize(&s.city.to_lowercase())),
            };
            writeln!(t, "{para}\n").unwrap();
            if i == 1 && self.rng.chance(0.4) {
                writeln!(
                    t,
                    "{} WORKERS PROTEST {} CHANGES IN {}\n",
                    self.rng.pick(GROUPS).to_uppercase(),
                    s.second.to_uppercase(),
                    s.city
                )
                .unwrap();
                writeln!(
                    t,
                    "Protesters gather outside the {} ministry on Monday. ({} Photo/{})\n",
                    s.second,
                    self.rng.pick(AGENCIES),
                    self.rng.pick(LAST)
                )
                .unwrap();
            }
        }
        writeln!(
            t,
            "Critics say the {} plan leaves {} behind, while supporters point to the {} reforms of {}.\n",
            s.topic,
            self.rng.pick(GROUPS),
            s.second,
            s.figures.reform_year
        )
        .unwrap();
        if self.rng.chance(0.3) {
            writeln!(
                t,
                "Related: {} {} talks stall in {}",
                capitalize(s.second),
                self.rng.pick(NOUNS),
                capitalize(&self.rng.pick(CITIES).to_lowercase())
            )
            .unwrap();
        }
        let slug = title.to_lowercase().replace(|c: char| !c.is_alphanumeric(), "-");
        Article {
            url: format!(
                "https://{}.example/{}/{}-{}",
                outlet.to_lowercase().replace(' ', ""),
                published,
                slug,
                self.made
            ),
            outlet,
            title,
            author,
            published,
            language: "en".into(),
            text: t,
        }
    }
}

/// How an outlet prints one of a story's figures.
enum Variant {
    /// As the others do (in one of several wordings).
    Exact,
    /// Rounded: "$4 billion" for 4.2.
    Rounded,
    /// Qualified: "more than $4 billion", "nearly 63%".
    Qualified,
    /// A different figure: a genuine conflict.
    Conflicting,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let a: Vec<String> = {
            let mut c = Corpus::new(7);
            (0..50).map(|_| c.next_article().text).collect()
        };
        let mut c = Corpus::new(7);
        let b: Vec<String> = (0..50).map(|_| c.next_article().text).collect();
        assert_eq!(a, b);
        let mut other = Corpus::new(8);
        assert_ne!(a[0], other.next_article().text);
    }

    #[test]
    fn articles_carry_quotes_and_shared_stories() {
        let mut c = Corpus::new(1);
        let arts: Vec<Article> = (0..200).map(|_| c.next_article()).collect();
        assert!(arts.iter().all(|a| a.text.contains('"')));
        let outlets: std::collections::HashSet<&str> = arts.iter().map(|a| a.outlet.as_str()).collect();
        assert!(outlets.len() > 100);
        let words: usize = arts.iter().map(|a| a.text.split_whitespace().count()).sum::<usize>() / arts.len();
        assert!((150..900).contains(&words), "average {words} words");
    }
}
