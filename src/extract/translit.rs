//! One key for the spellings of a person's name across Latin, Cyrillic and
//! Greek letters: "Dmitry Sokolov", "Dmitri Sokolov", "Dmitrij Sokolow" and
//! "Дмитрий Соколов" share "dmitri sokolov", so the same person quoted in
//! English, French, German and Russian is one speaker.
//!
//! Cyrillic and Greek letters are romanised, accents dropped, and the
//! letters transliteration systems disagree on are folded to one: y, j
//! and i (Yuri, Jurij, Iouri); w and v (Wladimir); kh, ch, h (Khodorkovsky,
//! Chodorkowski); ts and tz; ou and u (Oulianov); ph and f; doubled letters.
//! The fold is lossy on purpose but stays within a name's sound: two
//! different people rarely share a first and a last name's key. Names in
//! other scripts (Arabic, Chinese, Japanese, Korean) have no key; an alias
//! file joins those (see `newsarchive speakers apply`).

use unicode_normalization::UnicodeNormalization;

/// The key of a person's name of two words or more, or `None` when the
/// name is one word (a surname alone says too little) or is written in a
/// script this key does not romanise.
pub fn name_key(name: &str) -> Option<String> {
    let mut latin = String::with_capacity(name.len());
    // Greek writes u as ου (Papandreou, Παπανδρέου).
    let name = name.to_lowercase().replace("ου", "u").replace("ού", "u");
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let lower: String = c.to_lowercase().collect();
        for c in lower.chars() {
            match romanise(c) {
                Some(r) => latin.push_str(r),
                None if c.is_ascii_alphabetic() => latin.push(c),
                None if c.is_whitespace() || c == '-' => latin.push(' '),
                // Apostrophes, soft signs, dots of initials.
                None if !c.is_alphabetic() => {}
                None => return None,
            }
        }
    }
    let words: Vec<String> = latin.split_whitespace().map(fold).filter(|w| !w.is_empty()).collect();
    (words.len() >= 2).then(|| words.join(" "))
}

/// The key of one word (a surname, a place) as [`name_key`] folds it, or
/// `None` in a script this key does not romanise.
pub fn word_key(word: &str) -> Option<String> {
    let mut latin = String::with_capacity(word.len());
    for c in word.to_lowercase().replace("ου", "u").replace("ού", "u").nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match romanise(c) {
            Some(r) => latin.push_str(r),
            None if c.is_ascii_alphanumeric() => latin.push(c),
            None if !c.is_alphabetic() => {}
            None => return None,
        }
    }
    let w = fold(&latin);
    (!w.is_empty()).then_some(w)
}

/// One romanised word with the letters spellings disagree on made one.
fn fold(word: &str) -> String {
    let mut w = word.to_owned();
    for (from, to) in [
        ("shch", "sh"),
        ("tsch", "ch"),
        ("sch", "sh"),
        ("tch", "ch"),
        ("kh", "h"),
        ("ch", "h"),
        ("tz", "ts"),
        ("ph", "f"),
        ("ou", "u"),
        ("w", "v"),
        ("y", "i"),
        ("j", "i"),
        ("ck", "k"),
        ("q", "k"),
        ("x", "ks"),
    ] {
        if w.contains(from) {
            w = w.replace(from, to);
        }
    }
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    // Е opening a word is "ye" in English spelling (Yelena, Елена).
    match out.strip_prefix("ie") {
        Some(rest) => format!("e{rest}"),
        None => out,
    }
}

/// Latin letters for a lowercase Cyrillic or Greek letter (Russian,
/// Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian; modern Greek),
/// after canonical decomposition (й is и and a breve), and for the Latin
/// letters that have no decomposition (ł, ß, ø).
fn romanise(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'α' => "a",
        'б' => "b",
        'в' | 'β' => "v",
        'г' | 'ґ' | 'γ' => "g",
        'д' | 'δ' => "d",
        'е' | 'ё' | 'э' | 'ε' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' | 'ζ' => "z",
        'и' | 'і' | 'ι' | 'η' | 'ı' => "i",
        'ј' => "j",
        'к' | 'κ' => "k",
        'л' | 'λ' => "l",
        'љ' => "lj",
        'м' | 'μ' => "m",
        'н' | 'ν' => "n",
        'њ' => "nj",
        'о' | 'ο' | 'ω' => "o",
        'п' | 'π' => "p",
        'р' | 'ρ' => "r",
        'с' | 'σ' | 'ς' => "s",
        'т' | 'τ' => "t",
        'ћ' => "c",
        'ђ' => "dj",
        'у' => "u",
        'υ' => "y",
        'ф' | 'φ' => "f",
        'х' | 'χ' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'џ' => "dz",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        'θ' => "th",
        'ξ' => "x",
        'ψ' => "ps",
        'ъ' | 'ь' => "",
        // Latin letters that do not decompose into a base and an accent.
        'ł' => "l",
        'ß' => "ss",
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'đ' => "d",
        'þ' => "th",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn spellings_of_one_name_share_a_key() {
        let key = name_key("Dmitry Sokolov").unwrap();
        for other in ["Dmitri Sokolov", "Dmitrij Sokolow", "Дмитрий Соколов", "DMITRI SOKOLOV"] {
            assert_eq!(name_key(other).as_deref(), Some(key.as_str()), "{other}");
        }
        assert_eq!(name_key("Mikhail Khodorkovsky"), name_key("Михаил Ходорковский"));
        assert_eq!(name_key("Alexis Tsipras"), name_key("Αλέξης Τσίπρας"));
        assert_eq!(name_key("François Hollande"), name_key("Francois Hollande"));
        assert_eq!(name_key("Yulia Tymoshenko"), name_key("Юлия Тимошенко"));
        assert_eq!(name_key("Andreas Papandreou"), name_key("Ανδρέας Παπανδρέου"));
        assert_eq!(name_key("Alexei Navalny"), name_key("Алексей Навальный"));
        assert_eq!(name_key("Yelena Petrova"), name_key("Елена Петрова"));
        assert_eq!(name_key("Lech Wałęsa"), name_key("Lech Walesa"));
    }

    #[test]
    fn different_people_and_other_scripts() {
        assert_ne!(name_key("Dmitry Sokolov"), name_key("Dmitry Sobolev"));
        assert_ne!(name_key("Anna Petrova"), name_key("Anna Petrov"));
        assert_eq!(name_key("Sokolov"), None, "a surname alone has no key");
        assert_eq!(name_key("大西礼子"), None);
        assert_eq!(name_key("خالد العمري"), None);
    }
}
