//! Whether a sentence denies something, read the way each language builds
//! a denial: by words ("not", "nicht"), by word parts in languages that
//! negate inside the verb (Turkish, Japanese, Korean), and with the
//! constructions where a negation word denies nothing:
//!
//! - clauses of "until" that Romance, Slavic and other languages build
//!   with a negation ("tant que … n'aura pas", "finché non", "пока … не",
//!   "dopóki nie": all "until");
//! - "never" that is "ever" after a superlative or a comparative in the
//!   languages that use one word for both (French "le plus ancien
//!   édifice jamais découvert", "plus que jamais"; Italian "il più alto
//!   mai registrato"; Spanish "más que nunca"), and in their idioms ("si
//!   jamais", "du jamais-vu", "come mai");
//! - French "ne … que", "only".

/// How one language denies.
struct Rules {
    /// Words that deny.
    words: &'static [&'static str],
    /// Beginnings of words that deny (German "kein…", Turkish "değil…").
    starts: &'static [&'static str],
    /// Endings of words that deny, with the shortest word they are read
    /// in (English "n't"; Turkish "-sız", "without", in words of six
    /// letters or more).
    ends: &'static [(&'static str, usize)],
    /// Parts of the text that deny, for languages that negate inside
    /// words and do not separate them.
    parts: &'static [&'static str],
    /// Words that hold a negation part and deny nothing (Chinese 不断
    /// "constantly", 不少 "quite a few"), removed before `parts` are read.
    not_parts: &'static [&'static str],
    /// Words that are "never", and "ever" after a word of `ever_after`
    /// earlier in their clause.
    ever: &'static [&'static str],
    /// Superlatives and comparatives that make a word of `ever` "ever".
    ever_after: &'static [&'static str],
    /// Words that right before a word of `ever` make it "ever" (French
    /// "si jamais", "à jamais", "du jamais-vu"; Italian "se mai", "come
    /// mai").
    ever_idioms: &'static [&'static str],
    /// Words that right before a word of `ever` make it "never again"
    /// (French "plus jamais") though they are in `ever_after`.
    again: &'static [&'static str],
    /// Phrases opening a clause of "until" in which the next negation
    /// denies nothing.
    until: &'static [&'static [&'static str]],
    /// Whether the "until" phrases are that only when they open a clause
    /// (Russian "пока" mid-clause is "for now": "мы пока не решили").
    until_opens: bool,
    /// Words right before an "until" phrase that make it something else
    /// (French "en tant que": "as").
    until_not_after: &'static [&'static str],
    /// Phrases with a negation word that deny nothing ("sin embargo":
    /// however; "не менее": at least; "sans doute": probably).
    idioms: &'static [&'static [&'static str]],
    /// Endings of a clause that deny (Japanese "…ず、").
    clause_ends: &'static [&'static str],
    /// A negation that means "only" when "que" follows it and nothing
    /// completes it (French "il n'y a que deux solutions"): the words
    /// that open it, the word that makes it "only", and the words that
    /// complete a denial ("pas", "plus", "jamais"…).
    only: Option<(&'static [&'static str], &'static [&'static str], &'static [&'static str])>,
    /// Whether elided words ("n'aura", "qu'il") are split after their
    /// apostrophe.
    elides: bool,
}

const NONE: Rules = Rules {
    words: &[],
    starts: &[],
    ends: &[],
    parts: &[],
    not_parts: &[],
    ever: &[],
    ever_after: &[],
    ever_idioms: &[],
    again: &[],
    until: &[],
    until_opens: false,
    until_not_after: &[],
    idioms: &[],
    clause_ends: &[],
    only: None,
    elides: false,
};

/// Words apart a negation may follow an "until" phrase and still belong
/// to its clause.
const UNTIL_WINDOW: usize = 6;

fn rules(lang: &str) -> Rules {
    match lang {
        "en" => Rules {
            words: &[
                "not", "no", "never", "nothing", "nobody", "neither", "nor", "cannot", "none", "without", "unless",
            ],
            ends: &[("n't", 3)],
            ..NONE
        },
        "fr" => Rules {
            words: &["ne", "n'", "non", "sans", "ni", "rien", "aucun", "aucune"],
            ever: &["jamais"],
            ever_after: &[
                "plus",
                "moins",
                "meilleur",
                "meilleure",
                "meilleurs",
                "meilleures",
                "pire",
                "pires",
                "premier",
                "première",
            ],
            ever_idioms: &["si", "à", "du"],
            again: &["plus"],
            until_not_after: &["en"],
            only: Some((
                &["ne", "n'"],
                &["que", "qu'"],
                &[
                    "pas", "plus", "jamais", "rien", "personne", "aucun", "aucune", "guère", "point", "ni", "nul",
                    "nulle",
                ],
            )),
            idioms: &[&["sans", "doute"], &["n'", "importe"]],
            until: &[&["tant", "que"], &["tant", "qu'"], &["avant", "que"], &["avant", "qu'"]],
            elides: true,
            ..NONE
        },
        "de" => Rules {
            words: &["nicht", "nie", "niemals", "nichts", "niemand", "weder", "ohne", "nein"],
            starts: &["kein"],
            until: &[&["solange"]],
            ..NONE
        },
        "es" => Rules {
            words: &["no", "ningún", "ninguna", "ninguno", "nada", "nadie", "ni", "sin", "tampoco"],
            ever: &["nunca", "jamás"],
            ever_after: &["más", "menos", "mejor", "mejores", "peor", "peores", "mayor", "menor", "primer", "primera"],
            until: &[&["hasta", "que"]],
            idioms: &[&["sin", "embargo"], &["no", "obstante"]],
            ..NONE
        },
        "it" => Rules {
            words: &["non", "nemmeno", "neanche", "nessun", "nessuno", "nessuna", "niente", "nulla", "né", "senza"],
            ever: &["mai"],
            ever_after: &["più", "meno", "migliore", "migliori", "peggiore", "peggiori", "primo"],
            ever_idioms: &["se", "come"],
            until: &[&["finché"], &["finchè"], &["fino", "a", "quando"], &["fin", "quando"]],
            idioms: &[&["non", "appena"]],
            elides: true,
            ..NONE
        },
        "pt" => Rules {
            words: &["não", "nenhum", "nenhuma", "nada", "ninguém", "nem", "sem"],
            ever: &["nunca", "jamais"],
            ever_after: &[
                "mais", "menos", "melhor", "melhores", "pior", "piores", "maior", "menor", "primeiro", "primeira",
            ],
            until: &[&["enquanto"]],
            ..NONE
        },
        "nl" => Rules {
            words: &["niet", "geen", "nooit", "niets", "niemand", "noch", "zonder"],
            until: &[&["zolang"]],
            ..NONE
        },
        "pl" => Rules {
            words: &["nie", "nigdy", "żaden", "żadna", "żadne", "nic", "nikt", "ani", "bez"],
            until: &[&["dopóki"], &["póki"]],
            until_opens: true,
            idioms: &[&["póki", "co"]],
            ..NONE
        },
        "ru" => Rules {
            words: &["не", "нет", "никогда", "ни", "ничего", "никто", "без"],
            until: &[&["пока"]],
            until_opens: true,
            idioms: &[&["не", "менее"], &["не", "более"], &["как", "ни", "странно"], &["как", "никогда"]],
            ..NONE
        },
        "uk" => Rules {
            words: &["не", "ні", "немає", "ніколи", "нічого", "ніхто", "без"],
            until: &[&["поки"]],
            until_opens: true,
            idioms: &[&["не", "менше"], &["не", "більше"]],
            ..NONE
        },
        // Turkish negates in the verb (-ma-/-me-, "değil…") and with -sız
        // ("without"); "-ması" is a verbal noun, not a negation.
        "tr" => Rules {
            words: &["yok", "hiç", "hiçbir", "asla", "hayır", "olmadan"],
            starts: &["değil"],
            ends: &[("sız", 6), ("siz", 6), ("suz", 6), ("süz", 6), ("maz", 6), ("mez", 6)],
            parts: &[
                "mıyor", "miyor", "muyor", "müyor", "mayaca", "meyece", "madı", "medi", "mamış", "memiş", "mayız",
                "meyiz", "mazsa", "mezse",
            ],
            ..NONE
        },
        "id" | "ms" => Rules { words: &["tidak", "bukan", "tak", "belum", "jangan", "tanpa"], ..NONE },
        "ar" => Rules {
            words: &["لا", "لم", "لن", "ليس", "ليست", "غير", "بدون"],
            idioms: &[&["لا", "يزال"], &["لا", "تزال"], &["لا", "سيما"]],
            ..NONE
        },
        "ja" => Rules {
            parts: &["ない", "ません", "なかった", "なければ", "なきゃ", "なくて", "ずに", "ぬ"],
            // "Must" (a double negation), "maybe", "to die".
            not_parts: &["なければならない", "なければいけない", "かもしれない", "死ぬ", "まず", "必ず"],
            clause_ends: &["ず"],
            ..NONE
        },
        "zh" => Rules {
            parts: &["不", "没", "沒", "无", "無", "未", "别", "別", "非"],
            not_parts: &[
                "不断",
                "不过",
                "不少",
                "不同",
                "不久",
                "不错",
                "了不起",
                "差不多",
                "非常",
                "非洲",
                "未来",
                "特别",
                "特別",
                "无人机",
                "無人機",
            ],
            ..NONE
        },
        "ko" => Rules { words: &["안"], parts: &["않", "못", "없", "아니"], not_parts: &["잘못"], ..NONE },
        "th" => Rules { parts: &["ไม่"], ..NONE },
        _ => NONE,
    }
}

/// Characters that end a clause.
fn clause_end(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '.'
            | '!'
            | '?'
            | '('
            | ')'
            | '–'
            | '—'
            | '«'
            | '»'
            | '"'
            | '“'
            | '”'
            | '…'
            | '，'
            | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | '、'
            | '،'
            | '؛'
            | '؟'
    )
}

/// The words of a lowercase clause; elided words split after their
/// apostrophe ("n'aura" → "n'", "aura") when `elides`.
fn tokens(clause: &str, elides: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in clause.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        if c == '\'' {
            // Elisions are short: n', l', qu', dell'.
            if let Some(s) = start
                && elides
                && clause[s..i].chars().count() <= 4
            {
                out.push(&clause[s..=i]);
                start = None;
            }
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&clause[s..i]);
        }
    }
    if let Some(s) = start {
        out.push(&clause[s..]);
    }
    out
}

/// Whether a word of `ever` after the words `before` of its clause is
/// "ever".
fn ever(r: &Rules, before: &[&str]) -> bool {
    match before.last() {
        Some(w) if r.again.contains(w) => return false,
        Some(w) if r.ever_idioms.contains(w) => return true,
        _ => {}
    }
    before.iter().any(|w| r.ever_after.contains(w))
}

/// Whether one lowercase clause denies something.
fn denies(r: &Rules, clause: &str) -> bool {
    let words = tokens(clause, r.elides);
    // Openers of a restrictive "ne … que" deny nothing in this clause.
    let only: &[&str] = match r.only {
        Some((opens, that, completes))
            if words
                .iter()
                .position(|w| opens.contains(w))
                .is_some_and(|o| words[o..].iter().any(|w| that.contains(w)))
                && !words.iter().any(|w| completes.contains(w)) =>
        {
            opens
        }
        _ => &[],
    };
    // Words left in which a negation closes an "until" phrase.
    let mut until_left = 0;
    let mut i = 0;
    while i < words.len() {
        if let Some(p) = r.idioms.iter().find(|p| words.get(i..i + p.len()) == Some(p)) {
            i += p.len();
            continue;
        }
        let opens_until = i == 0 || !r.until_opens && !r.until_not_after.contains(&words[i - 1]);
        if let Some(p) = r.until.iter().find(|p| opens_until && words.get(i..i + p.len()) == Some(p)) {
            until_left = UNTIL_WINDOW;
            i += p.len();
            continue;
        }
        let w = words[i];
        let denial = r.words.contains(&w) && !only.contains(&w)
            || r.starts.iter().any(|s| w.starts_with(s))
            || r.ends.iter().any(|(e, min)| w.ends_with(e) && w.chars().count() >= *min)
            || r.ever.contains(&w) && !ever(r, &words[..i]);
        if denial {
            if until_left == 0 {
                return true;
            }
            until_left = 0;
        } else {
            until_left = until_left.saturating_sub(1);
        }
        i += 1;
    }
    if r.parts.is_empty() && r.clause_ends.is_empty() {
        return false;
    }
    let mut rest = clause.to_owned();
    for w in r.not_parts {
        if rest.contains(w) {
            rest = rest.replace(w, "");
        }
    }
    r.parts.iter().any(|p| rest.contains(p)) || r.clause_ends.iter().any(|e| rest.trim_end().ends_with(e))
}

/// Whether a sentence in `lang` (an ISO 639-1 code; English when not
/// given, and nothing denies in a language without rules here) denies
/// something in any of its clauses. (Counting the clauses
/// that deny, to tell "not X, not Y" from "not X, Y", was measured and
/// dropped: translations split clauses differently, and recall fell
/// more than precision rose.)
pub fn negated(text: &str, lang: Option<&str>) -> bool {
    let r = rules(lang.unwrap_or("en"));
    let lower = text.to_lowercase().replace('’', "'");
    lower.split(clause_end).any(|c| denies(&r, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn denials_by_word_and_by_word_part() {
        assert!(negated("We will not raise taxes", Some("en")));
        assert!(negated("We won't raise taxes", Some("en")));
        assert!(!negated("We will raise taxes", Some("en")));
        assert!(negated("Nous n'augmenterons pas les impôts", Some("fr")));
        assert!(negated("Wir erhöhen keine Steuern", Some("de")));
        assert!(negated("Vergiyi artırmayacağız", Some("tr")));
        assert!(negated("O bir çözüm değildi", Some("tr")));
        assert!(negated("緑地を増やさなければ", Some("ja")));
        assert!(negated("我们不会再降价", Some("zh")));
        assert!(!negated("价格不断上涨", Some("zh")));
        assert!(negated("行かず、帰った", Some("ja")));
        assert!(!negated("必ず、帰る", Some("ja")));
        assert!(!negated("这个未来非常重要", Some("zh")));
    }

    #[test]
    fn ne_que_is_only() {
        assert!(!negated("Il n'y a que deux solutions", Some("fr")));
        assert!(negated("Il n'y a pas que deux solutions", Some("fr")));
        assert!(negated("Nous ne savons pas ce que cela coûtera", Some("fr")));
    }

    #[test]
    fn idioms_with_a_negation_word_deny_nothing() {
        assert!(!negated("Sin embargo, seguiremos adelante", Some("es")));
        assert!(!negated("Мы потратили не менее 40 миллионов", Some("ru")));
        assert!(!negated("C'est sans doute la meilleure solution", Some("fr")));
        assert!(negated("Sin embargo, no seguiremos", Some("es")));
    }

    #[test]
    fn a_turkish_verbal_noun_denies_nothing() {
        assert!(!negated("Herkesten duşlarını kısaltmasını rica ediyoruz", Some("tr")));
    }

    #[test]
    fn until_clauses_built_with_a_negation_deny_nothing() {
        assert!(!negated(
            "Nous bloquerons les routes tant que le gouvernement n'aura pas retiré cette taxe",
            Some("fr")
        ));
        assert!(!negated("Бастовать будем до тех пор, пока руководство не выложит предложение", Some("ru")));
        assert!(!negated("Resteremo qui finché non arriveranno i soccorsi", Some("it")));
        assert!(!negated("Strajkujemy, dopóki zarząd nie przedstawi oferty", Some("pl")));
        // A second negation in the clause still denies.
        assert!(negated("Nous ne bougerons pas tant que rien n'aura changé", Some("fr")));
        // "For now" and "as" are no "until".
        assert!(negated("Мы пока не приняли решения", Some("ru")));
        assert!(negated("En tant que président je n'accepterai pas cela", Some("fr")));
        // Outside the clause, the negation denies.
        assert!(negated("Пока мы ждём, но платить не будем", Some("ru")));
    }

    #[test]
    fn never_is_ever_after_a_superlative() {
        assert!(!negated("Ce temple est le plus ancien édifice jamais mis au jour", Some("fr")));
        assert!(!negated("Nous en avons besoin plus que jamais", Some("fr")));
        assert!(!negated("La participation a atteint 72 %, du jamais-vu depuis 1994", Some("fr")));
        assert!(negated("Des espèces jamais décrites", Some("fr")));
        assert!(negated("Des chiffres du ministère jamais publiés", Some("fr")));
        assert!(negated("Plus jamais ça", Some("fr")));
        assert!(negated("Je n'ai jamais dit cela", Some("fr")));
        assert!(!negated("È la piena più alta mai registrata", Some("it")));
        assert!(negated("Abbiamo scoperto specie di rane mai descritte dalla scienza", Some("it")));
        assert!(negated("Mai vista una cosa simile", Some("it")));
        assert!(!negated("Lo necesitamos más que nunca", Some("es")));
        assert!(negated("Nunca he dicho eso", Some("es")));
        assert!(!negated("Сейчас мы едины как никогда", Some("ru")));
    }
}
