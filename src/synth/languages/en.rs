//! English: the corpus as first written, word for word (its tables are the
//! order every other language follows).

use super::{Amount, Count, Noun, Share, Texts, Tongue, both, decimal, grouped, latin_author, plain};
use crate::synth::names::Script;

/// English, as the US press writes it.
pub static EN: Tongue = Tongue {
    code: "en",
    script: Script::Latin,
    statement: |r| r.en,
    noun,
    groups: [
        ("families", "families"),
        ("workers", "workers"),
        ("farmers", "farmers"),
        ("pensioners", "pensioners"),
        ("students", "students"),
        ("taxpayers", "taxpayers"),
        ("nurses", "nurses"),
        ("small businesses", "small businesses"),
        ("young people", "young people"),
        ("drivers", "drivers"),
        ("patients", "patients"),
        ("tenants", "tenants"),
    ],
    cities: [
        ("Brussels", "in Brussels"),
        ("Lisbon", "in Lisbon"),
        ("Oslo", "in Oslo"),
        ("Nairobi", "in Nairobi"),
        ("Lima", "in Lima"),
        ("Seoul", "in Seoul"),
        ("Manila", "in Manila"),
        ("Ottawa", "in Ottawa"),
        ("Dublin", "in Dublin"),
        ("Accra", "in Accra"),
        ("Hanoi", "in Hanoi"),
        ("Quito", "in Quito"),
        ("Riga", "in Riga"),
        ("Tunis", "in Tunis"),
        ("Canberra", "in Canberra"),
        ("Montreal", "in Montreal"),
    ],
    roles: [
        both("Prime Minister {name}", "the prime minister"),
        both("Finance Minister {name}", "the finance minister"),
        both("Senator {name}", "the senator"),
        both("Governor {name}", "the governor"),
        both("Mayor {name}", "the mayor"),
        both("President {name}", "the president"),
        both("Economist {name}", "the economist"),
        both("Spokeswoman {name}", "the spokeswoman"),
        both("Spokesman {name}", "the spokesman"),
        both("Chief Executive {name}", "the chief executive"),
        both("Health Secretary {name}", "the secretary"),
        both("Union leader {name}", "the leader"),
        both("Professor {name}", "the professor"),
        both("Judge {name}", "the judge"),
    ],
    gendered: &[("poss", "his", "her")],
    outlets: (
        "The {a} {b}",
        &[
            ("Daily", "Daily"),
            ("Evening", "Evening"),
            ("Metro", "Metro"),
            ("Northern", "Northern"),
            ("Coastal", "Coastal"),
            ("Capital", "Capital"),
            ("Valley", "Valley"),
            ("Harbor", "Harbor"),
            ("National", "National"),
            ("Morning", "Morning"),
            ("Weekly", "Weekly"),
            ("Central", "Central"),
            ("Western", "Western"),
            ("Eastern", "Eastern"),
            ("Southern", "Southern"),
            ("City", "City"),
            ("County", "County"),
            ("Union", "Union"),
            ("Free", "Free"),
            ("New", "New"),
        ],
        &[
            ("Ledger", "Ledger"),
            ("Courier", "Courier"),
            ("Herald", "Herald"),
            ("Tribune", "Tribune"),
            ("Gazette", "Gazette"),
            ("Post", "Post"),
            ("Times", "Times"),
            ("Observer", "Observer"),
            ("Chronicle", "Chronicle"),
            ("Record", "Record"),
            ("Journal", "Journal"),
            ("Dispatch", "Dispatch"),
            ("Standard", "Standard"),
            ("Sentinel", "Sentinel"),
            ("Examiner", "Examiner"),
        ],
    ),
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    headline_words: ["talks", "row", "vote", "deal"],
    fillers: ["really", "truly", "still", "also", "certainly"],
    join: ". ",
    text: Texts {
        title: "{T} {word} {s} plan, {lead_last} says",
        header: "{title}\n\nBy {author}\nPublished: {date}",
        wire: "{city_caps} ({agency}) - Officials met on Tuesday to discuss the {t} and {s} proposals, which would \
               cost {w_cost} over {w_n} years. {Titled}, who leads the talks, said the vote could come within weeks.",
        wire_day: ("Tuesday", "Tuesday afternoon"),
        lead: "{city_caps}, {day} ({agency}) - Lawmakers and officials in {city} clashed again over the {t} plan on \
               {weekday}.",
        costs: [
            "The {city} {lead_last} {t} plan would cost {money} over {n_years} years, officials said.",
            "Officials put the cost of the {lead_last} {t} plan for {city} at {money}, spread over {n_years} years.",
            "The {n_years}-year {city} {lead_last} {t} plan is expected to cost {money}.",
        ],
        polls: [
            "A poll published this week found {share} of {city} voters back the {lead_last} {t} plan.",
            "Support in {city} for the {lead_last} {t} plan stands at {share}, according to the latest poll.",
        ],
        crowd: "{Crowd} {group} marched against the {s} changes in {city} on {weekday}.",
        intro: "{titled} has followed the {t} negotiations since the spring.",
        quotes: [
            "\"{text},\" {last} said.",
            "\"{text},\" said {titled}.",
            "{last} said: \"{text}.\"",
            "\"{text},\" {role} added.",
            "According to {full}, \"{text}.\"",
            "{last}, for {poss} part, called the proposal \"{frag}\" during the session.",
            "\"{text},\" {last} told reporters in {city}.",
        ],
        promo: "{group} workers protest {s} changes in {city_caps}",
        caption: "Protesters gather outside the {s} ministry on Monday. ({agency} Photo/{photographer})",
        critics: "Critics say the {t} plan leaves {group} behind, while supporters point to the {s} reforms of {year}.",
        related: "Related: {S} {r} talks stall in {rcity}",
    },
    money,
    share,
    percent: |p| format!("{p}%"),
    count,
    years: |n| format!("{n} years"),
    date: |m, d| format!("{} {d}, 2024", MONTHS[m]),
    day: |m, d| format!("{} {d}", MONTHS[m]),
    author: latin_author,
};

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
];

/// The topics stories are about.
#[rustfmt::skip]
pub const NOUNS: [&str; super::TOPICS] = [
    "budget", "tax", "bridge", "hospital", "school", "pension", "tariff", "railway", "harbor", "energy", "water",
    "housing", "border", "election", "strike", "reform", "contract", "subsidy", "vaccine", "climate", "wage",
    "market", "airport", "pipeline", "treaty", "court", "police", "farm", "fishing", "mining", "rent", "grid",
];

const ORGS: [&str; super::ORGS] = [
    "the IMF",
    "the OECD",
    "the European Commission",
    "the UN",
    "the WHO",
    "the central bank",
    "the World Bank",
    "the WTO",
];

fn noun(noun: Noun, i: usize, form: &str, out: &mut String) -> bool {
    if !form.is_empty() {
        return false;
    }
    out.push_str(match noun {
        Noun::Topic => NOUNS[i],
        Noun::Org => ORGS[i],
    });
    true
}

fn money(a: Amount) -> String {
    match a {
        Amount::Exact(b, 0) => format!("${b:.1} billion"),
        Amount::Exact(b, 1) => format!("{b:.1} billion dollars"),
        Amount::Exact(b, _) => format!("${b:.1}bn"),
        Amount::Rounded(b) => format!("${} billion", plain(b, false)),
        Amount::MoreThan(b) => format!("more than ${} billion", plain(b, false)),
    }
}

fn share(s: Share) -> String {
    match s {
        Share::Exact(p, 0) => format!("{}%", decimal(p, false)),
        Share::Exact(p, _) => format!("{} percent", decimal(p, false)),
        Share::Rounded(p) => format!("{}%", plain(p, false)),
        Share::Nearly(p) => format!("nearly {}%", plain(p, false)),
    }
}

fn count(c: Count) -> String {
    match c {
        Count::Exact(n) => grouped(n, ","),
        Count::Thousands(n) => grouped(n, ",").replace(",000", " thousand"),
        Count::About(n) => format!("about {}", grouped(n, ",")),
    }
}
