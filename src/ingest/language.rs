//! The language an article is written in, read from its words when
//! neither the corpus record, the manifest nor the page says it.
//!
//! Detection is whatlang's trigram and script model (69 languages) on the
//! first few hundred characters of the body: enough words for a reliable
//! answer, at a bounded cost however long the article (whatlang's time
//! grows with the text; lingua, more accurate on a headline alone, was
//! 20 to 40 times slower and 66 MB larger — BENCHMARKS.md). An answer the
//! model is not sure of is no answer — a few words, a page of figures —
//! and the article's language stays unknown rather than wrong. Japanese
//! and Korean are told by their own scripts first: whatlang weighs each
//! Japanese script separately, so the Latin letters of the names in a
//! Japanese article can outvote its kana.

/// Characters of text read at most: sixty words or so tell the language
/// (whatlang reads a paragraph in 40–90 µs, a 2,000-word article in 300).
const SAMPLE: usize = 400;

/// The share of letters in kana (or Hangul) that makes a text Japanese
/// (Korean): no other language writes them, and names or loanwords in
/// Latin letters (and the Chinese characters Japanese shares) rarely
/// leave less than a tenth of them.
const OWN_SCRIPT: f64 = 0.1;

/// The ISO 639-1 code of the language `text` is written in ("en", "ja"),
/// or `None` when the text does not say it clearly.
pub fn detect(text: &str) -> Option<&'static str> {
    let sample = prefix(text, SAMPLE);
    if let Some(code) = by_script(sample) {
        return Some(code);
    }
    // An opening thick with names and figures can leave the model unsure;
    // four times the words settle most of those, and they are rare enough
    // not to cost.
    let info = whatlang::detect(sample)
        .filter(whatlang::Info::is_reliable)
        .or_else(|| (sample.len() < text.len()).then(|| whatlang::detect(prefix(text, 4 * SAMPLE))).flatten())?;
    if !info.is_reliable() {
        return None;
    }
    iso_639_1(info.lang().code())
}

/// The first `chars` characters of `text`.
fn prefix(text: &str, chars: usize) -> &str {
    let end = text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Japanese or Korean, when enough of the letters are kana or Hangul.
fn by_script(text: &str) -> Option<&'static str> {
    let (mut letters, mut kana, mut hangul) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        match c {
            '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' => kana += 1,
            '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}' => hangul += 1,
            _ => {}
        }
    }
    let share = |n: usize| letters > 0 && n as f64 >= OWN_SCRIPT * letters as f64;
    if share(kana) && kana >= hangul {
        Some("ja")
    } else if share(hangul) {
        Some("ko")
    } else {
        None
    }
}

/// The two-letter code of a three-letter one, for the languages the
/// detector knows (ISO 639-1 and 639-3 tables; Mandarin is written "zh",
/// Western Persian "fa").
fn iso_639_1(code: &str) -> Option<&'static str> {
    const CODES: &[(&str, &str)] = &[
        ("afr", "af"),
        ("aka", "ak"),
        ("amh", "am"),
        ("ara", "ar"),
        ("aze", "az"),
        ("bel", "be"),
        ("ben", "bn"),
        ("bul", "bg"),
        ("cat", "ca"),
        ("ces", "cs"),
        ("cmn", "zh"),
        ("cym", "cy"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("epo", "eo"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("guj", "gu"),
        ("heb", "he"),
        ("hin", "hi"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("hye", "hy"),
        ("ind", "id"),
        ("ita", "it"),
        ("jav", "jv"),
        ("jpn", "ja"),
        ("kan", "kn"),
        ("kat", "ka"),
        ("khm", "km"),
        ("kor", "ko"),
        ("lat", "la"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("mal", "ml"),
        ("mar", "mr"),
        ("mkd", "mk"),
        ("mya", "my"),
        ("nep", "ne"),
        ("nld", "nl"),
        ("nob", "nb"),
        ("ori", "or"),
        ("pan", "pa"),
        ("pes", "fa"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("rus", "ru"),
        ("sin", "si"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("sna", "sn"),
        ("spa", "es"),
        ("srp", "sr"),
        ("swe", "sv"),
        ("tam", "ta"),
        ("tel", "te"),
        ("tgl", "tl"),
        ("tha", "th"),
        ("tuk", "tk"),
        ("tur", "tr"),
        ("ukr", "uk"),
        ("urd", "ur"),
        ("uzb", "uz"),
        ("vie", "vi"),
        ("yid", "yi"),
        ("zul", "zu"),
    ];
    CODES.iter().find(|(three, _)| *three == code).map(|(_, two)| *two)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_language_of_a_paragraph_of_news() {
        let cases = [
            (
                "The prime minister said on Friday that the government would raise spending on defence next year. The opposition called the plan reckless and demanded a vote in parliament before the summer.",
                "en",
            ),
            (
                "Le Premier ministre a déclaré vendredi que le gouvernement augmenterait les dépenses de défense l'an prochain.",
                "fr",
            ),
            (
                "Der Bundeskanzler sagte am Freitag, die Regierung werde die Ausgaben für die Verteidigung im nächsten Jahr erhöhen.",
                "de",
            ),
            (
                "El primer ministro dijo el viernes que el gobierno aumentaría el gasto en defensa el próximo año. La oposición calificó el plan de imprudente y exigió una votación en el parlamento antes del verano.",
                "es",
            ),
            (
                "Premier powiedział w piątek, że rząd zwiększy wydatki na obronność w przyszłym roku. Opozycja nazwała plan lekkomyślnym i zażądała głosowania w parlamencie przed latem.",
                "pl",
            ),
            (
                "Премьер-министр заявил в пятницу, что правительство увеличит расходы на оборону в следующем году. Оппозиция назвала план безрассудным и потребовала голосования в парламенте до лета.",
                "ru",
            ),
            (
                "石破首相は金曜日、来年度の防衛費を増額すると述べた。野党は計画を無謀だと批判し、夏までに国会で採決するよう求めた。",
                "ja",
            ),
            (
                "총리는 금요일 정부가 내년 국방비를 늘릴 것이라고 말했다. 야당은 이 계획을 무모하다고 비판하며 여름 전에 국회 표결을 요구했다.",
                "ko",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), Some(want), "{text}");
        }
    }

    #[test]
    fn japanese_with_names_in_latin_letters_is_japanese() {
        assert_eq!(detect("米AppleのTim Cook最高経営責任者は、東京でiPhoneの新製品を発表した。"), Some("ja"));
        assert_eq!(detect("Samsung Electronics의 CEO는 Seoul에서 새로운 Galaxy S25 제품을 공개했다."), Some("ko"));
    }

    #[test]
    fn says_nothing_when_the_text_does_not_tell() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("12,000 — 3.4% — 2025"), None);
    }

    #[test]
    fn every_code_is_two_letters() {
        for three in ["eng", "cmn", "pes", "jpn"] {
            assert_eq!(iso_639_1(three).map(str::len), Some(2));
        }
        assert_eq!(iso_639_1("xxx"), None);
    }
}
