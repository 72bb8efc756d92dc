//! The figures of a quotation as significant digits, so that a number
//! reads the same whatever the language writes it with: its decimal mark,
//! digit grouping and scale words ("1.5 billion", "1,5 milliard", "15億",
//! "1500 millions" all give "15"), the small numbers it spells out
//! ("three", "drei", "tres", "ثلاثة", "三名"), and the common fractions
//! ("a third", "un tiers", "треть", "三分の一" give "33"; "half",
//! "moitié", "половина", "一半" give "5", as "50 %" does).

use unicode_normalization::UnicodeNormalization;

/// A figure of a quotation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Figure {
    /// Its significant digits ("15" for 1.5 billion, 1500 and 0.15).
    pub digits: String,
    /// Its order of magnitude (the number of digits before the decimal
    /// mark: 10 for "1.5 billion", "15億" and "1 500 millions"), where
    /// the text fixes it: a number of four digits or more, or one with a
    /// scale word. Small numbers have none, since a scale word this
    /// reader does not know may follow them.
    pub scale: Option<i32>,
}

impl Figure {
    fn new(digits: String) -> Self {
        Figure { digits, scale: None }
    }

    /// Whether two figures may be the same number: the same digits, of
    /// the same order of magnitude where both are known.
    pub fn meets(&self, other: &Figure) -> bool {
        self.digits == other.digits && (self.scale.is_none() || other.scale.is_none() || self.scale == other.scale)
    }
}

/// The figures of `text`, sorted.
pub fn figures(text: &str, lang: Option<&str>) -> Vec<Figure> {
    let mut text: String = text.nfkc().collect();
    let mut out = Vec::new();
    if matches!(lang, Some("zh" | "ja" | "ko")) {
        for (pattern, value) in EAST_ASIAN_FRACTIONS {
            let n = text.matches(pattern).count();
            if n > 0 {
                out.extend(std::iter::repeat_n(Figure::new(value.to_string()), n));
                text = text.replace(pattern, " ");
            }
        }
    }
    let chars: Vec<char> = text.chars().collect();
    digits(&chars, lang, &mut out);
    if matches!(lang, Some("zh" | "ja")) {
        han_numerals(&chars, &mut out);
    }
    words(&text, lang, &mut out);
    out.sort();
    out
}

/// Numbers written in digits.
fn digits(chars: &[char], lang: Option<&str>, out: &mut Vec<Figure>) {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let mut digits = String::new();
    // Digits before the decimal mark, leading zeros not counted (and
    // zeros right after the mark counted off: 0.05 has -1).
    let mut whole: i32 = 0;
    let mut decimal = false;
    // Inside a date (15.03.2024), whose marks separate numbers.
    let mut date = false;
    // Digits in the current group, for telling grouping from a new number.
    let mut group = 0;
    let mut i = 0;
    let mut flush = |digits: &mut String, whole: i32, end: usize| {
        if digits.is_empty() {
            return;
        }
        let scale = match scale_after(chars, end, lang) {
            Some(e) => Some(whole + e),
            None => (whole >= 4).then_some(whole),
        };
        out.push(Figure { digits: significant(digits), scale });
        digits.clear();
    };
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let leading = digits.bytes().all(|d| d == b'0');
            digits.push(c);
            match (decimal, leading && c == '0') {
                (false, false) => whole += 1,
                (true, true) => whole -= 1,
                _ => {}
            }
            group += 1;
            i += 1;
            continue;
        }
        if !digits.is_empty() && digit(i + 1) {
            // Three digits and no more after a mark group thousands.
            let grouped = (1..=3).all(|k| digit(i + k)) && !digit(i + 4) && group <= 3;
            // One or two digits between two like marks: a date.
            let short = (1..=2).find(|&k| digit(i + k) && !digit(i + k + 1));
            date |=
                matches!(c, '.' | '/') && short.is_some_and(|k| chars.get(i + k + 1) == Some(&c) && digit(i + k + 2));
            let continues = match c {
                _ if date => false,
                '.' | ',' => {
                    decimal |= !grouped;
                    true
                }
                // Swiss grouping (NFKC has made the other thin and
                // no-break spaces plain ones).
                '\'' | '’' => true,
                // A space groups thousands only before three digits.
                ' ' => grouped,
                // East Asian scale characters between digits: 5万2000.
                '万' | '萬' | '億' | '亿' | '만' | '억' | '千' | '천' => true,
                _ => false,
            };
            if continues {
                group = 0;
                i += 1;
                continue;
            }
        }
        flush(&mut digits, whole, i);
        let next_is_digit = digit(i + 1);
        (whole, decimal, group) = (0, false, 0);
        date &= next_is_digit;
        i += 1;
    }
    flush(&mut digits, whole, chars.len());
}

/// The power of ten of the scale words right after a number ("million",
/// "Mrd.", "тысяч", "億", "mil millones"), if any.
fn scale_after(chars: &[char], mut i: usize, lang: Option<&str>) -> Option<i32> {
    let mut total = None;
    for _ in 0..2 {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        let word: String = match chars.get(i) {
            Some(&c) if "万萬億亿兆千만억조천".contains(c) => c.to_string(),
            _ => chars[i..].iter().take_while(|c| c.is_alphabetic()).flat_map(|c| c.to_lowercase()).collect(),
        };
        let Some(e) = scale_word(&word, lang) else { break };
        total = Some(total.unwrap_or(0) + e);
        i += word.chars().count();
        if chars.get(i) == Some(&'.') {
            i += 1;
        }
    }
    total
}

/// The power of ten a scale word stands for.
fn scale_word(word: &str, lang: Option<&str>) -> Option<i32> {
    const WORDS: &[(&str, i32)] = &[
        ("thousand", 3),
        ("thousands", 3),
        ("mille", 3),
        ("mila", 3),
        ("tausend", 3),
        ("duizend", 3),
        ("tys", 3),
        ("tysięcy", 3),
        ("tysiące", 3),
        ("тыс", 3),
        ("тысяч", 3),
        ("тысячи", 3),
        ("тысяча", 3),
        ("ribu", 3),
        ("ألف", 3),
        ("آلاف", 3),
        ("千", 3),
        ("천", 3),
        ("万", 4),
        ("萬", 4),
        ("만", 4),
        ("million", 6),
        ("millions", 6),
        ("millionen", 6),
        ("mio", 6),
        ("mln", 6),
        ("millón", 6),
        ("millones", 6),
        ("milione", 6),
        ("milioni", 6),
        ("milion", 6),
        ("miliony", 6),
        ("milionów", 6),
        ("milhão", 6),
        ("milhões", 6),
        ("miljoen", 6),
        ("млн", 6),
        ("миллион", 6),
        ("миллиона", 6),
        ("миллионов", 6),
        ("milyon", 6),
        ("juta", 6),
        ("مليون", 6),
        ("ملايين", 6),
        ("億", 8),
        ("亿", 8),
        ("억", 8),
        ("milliard", 9),
        ("milliards", 9),
        ("milliarden", 9),
        ("mrd", 9),
        ("bn", 9),
        ("miliardo", 9),
        ("miliardi", 9),
        ("miliard", 9),
        ("miliardy", 9),
        ("miliardów", 9),
        ("mld", 9),
        ("md", 9),
        ("mds", 9),
        ("bilhão", 9),
        ("bilhões", 9),
        ("miljard", 9),
        ("млрд", 9),
        ("миллиард", 9),
        ("миллиарда", 9),
        ("миллиардов", 9),
        ("milyar", 9),
        ("miliar", 9),
        ("مليار", 9),
        ("مليارات", 9),
        ("billón", 12),
        ("billones", 12),
        ("трлн", 12),
        ("兆", 12),
        ("조", 12),
    ];
    let lang = lang.unwrap_or("en");
    match word {
        // English counts billions in thousands of millions, the other
        // languages in millions of millions.
        "billion" | "billions" | "billionen" => Some(if lang == "en" { 9 } else { 12 }),
        "trillion" | "trillions" => Some(if lang == "en" { 12 } else { 18 }),
        "mil" if matches!(lang, "es" | "pt") => Some(3),
        "bin" if lang == "tr" => Some(3),
        _ => WORDS.iter().find(|(w, _)| *w == word).map(|(_, e)| *e),
    }
}

/// A number's digits without leading and trailing zeros ("0" for zero).
fn significant(digits: &str) -> String {
    let sig = digits.trim_start_matches('0').trim_end_matches('0');
    if sig.is_empty() { "0".to_owned() } else { sig.to_owned() }
}

/// Fractions in Chinese, Japanese and Korean, written in characters or
/// with digits, and what they read as.
const EAST_ASIAN_FRACTIONS: &[(&str, &str)] = &[
    ("三分之一", "33"),
    ("三分の一", "33"),
    ("3分の1", "33"),
    ("3分之1", "33"),
    ("3분의 1", "33"),
    ("四分之一", "25"),
    ("四分の一", "25"),
    ("4分の1", "25"),
    ("4分之1", "25"),
    ("4분의 1", "25"),
    ("二分之一", "5"),
    ("一半", "5"),
    ("半分", "5"),
    ("半数", "5"),
    ("절반", "5"),
];

/// Characters that count a Han numeral before them ("三名", "七月",
/// "十年"): a numeral without one is mostly part of a word (四川, 九州,
/// 三国).
const COUNTERS: &str =
    "人名个個位年月日号號岁歳歲件台辆輛头頭家所座次倍点點度分秒时時周週天层層项項条條张張本枚回期届屆代多余餘%";

/// Numbers written in Han numerals followed by a counter, with their
/// units (十, 百, 千, 万, 億); "一" alone is left out, as "one" is (it is
/// mostly an article), and so is 十分 ("enough", "very").
fn han_numerals(chars: &[char], out: &mut Vec<Figure>) {
    let value = |c: char| {
        "〇一二三四五六七八九".chars().position(|d| d == c).or(matches!(c, '零').then_some(0)).or(matches!(
            c,
            '两' | '兩'
        )
        .then_some(2))
    };
    let unit = |c: char| match c {
        '十' => Some(10u128),
        '百' => Some(100),
        '千' => Some(1_000),
        '万' | '萬' => Some(10_000),
        '億' | '亿' => Some(100_000_000),
        _ => None,
    };
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && (value(chars[i]).is_some() || unit(chars[i]).is_some()) {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let run = &chars[start..i];
        let next = chars.get(i).copied();
        let beside_digits = start > 0 && chars[start - 1].is_ascii_digit() || next.is_some_and(|c| c.is_ascii_digit());
        let counted = next.is_some_and(|c| COUNTERS.contains(c));
        let more_than_one = run.iter().any(|c| "二三四五六七八九两兩十".contains(*c));
        let enough = run == ['十'] && next == Some('分');
        if beside_digits || !counted || !more_than_one || enough {
            continue;
        }
        // Units below 万 multiply the digit before them; 万 and 億 the
        // whole section before them.
        let (mut total, mut section, mut number) = (0u128, 0u128, 0u128);
        for &c in run {
            match (value(c), unit(c)) {
                (Some(d), _) => number = d as u128,
                (None, Some(u)) if u < 10_000 => {
                    section += number.max(1) * u;
                    number = 0;
                }
                (None, Some(u)) => {
                    total += (section + number).max(1) * u;
                    section = 0;
                    number = 0;
                }
                (None, None) => {}
            }
        }
        let value = (total + section + number).to_string();
        out.push(Figure { scale: Some(value.len() as i32), digits: significant(&value) });
    }
}

/// Numbers and fractions spelled out.
fn words(text: &str, lang: Option<&str>, out: &mut Vec<Figure>) {
    let numbers = number_words(lang);
    let fractions = fraction_words(lang);
    let numerators = numerator_words(lang);
    if numbers.is_empty() && fractions.is_empty() {
        return;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    // Words already read as part of a number.
    let mut skip_next = 0;
    for (i, w) in words.iter().enumerate() {
        if skip_next > 0 {
            skip_next -= 1;
            continue;
        }
        if let Some((n, len)) = number_at(&words, i, numbers, compound_words(lang)) {
            out.push(Figure::new(significant(&n.to_string())));
            skip_next = len - 1;
            continue;
        }
        let fraction = fractions.iter().find(|(word, _, _)| match word.strip_suffix('*') {
            Some(stem) => w.starts_with(stem),
            None => word == w,
        });
        if let Some((_, value, numerator)) = fraction
            && (!numerator || i > 0 && numerators.contains(&words[i - 1]))
        {
            out.push(Figure::new((*value).to_owned()));
        }
    }
}

/// The number spelled by the words from `i` on, and how many words it
/// takes: a number word; a unit and a word that makes one number with it
/// ("أحد عشر", "dua belas"); a ten and a unit after it, perhaps joined by
/// "and" ("twenty-five", "treinta y cinco", "двадцать пять").
fn number_at(words: &[&str], i: usize, numbers: &[(&str, u32)], (compounds, units): Compounds) -> Option<(u32, usize)> {
    let value = |k: usize| words.get(k).and_then(|w| numbers.iter().find(|(x, _)| x == w)).map(|(_, n)| *n);
    let unit = value(i).or_else(|| words.get(i).and_then(|w| units.iter().find(|(x, _)| x == w)).map(|(_, n)| *n));
    let compound = words.get(i + 1).and_then(|next| compounds.iter().find(|(x, _, _)| x == next));
    if let (Some(u @ 1..=9), Some((_, add, times))) = (unit, compound) {
        return Some((u * times + add, 2));
    }
    let n = value(i)?;
    if (20..=90).contains(&n) && n % 10 == 0 {
        let unit_at = |k: usize| value(k).filter(|v| (1..=9).contains(v));
        if let Some(u) = unit_at(i + 1) {
            return Some((n + u, 2));
        }
        let joined = words.get(i + 1).is_some_and(|j| ["and", "y", "e", "et", "i"].contains(j));
        if let Some(u) = unit_at(i + 2).filter(|_| joined) {
            return Some((n + u, 3));
        }
    }
    Some((n, 1))
}

/// Numbers spelled out, with their values: two to twenty, the tens and a
/// hundred, the common oblique forms of languages that decline them, and
/// the multiples ("twice", "doppelt", "вдвое"), which other languages
/// may write with a numeral ("2 Mal", "三倍"). Words that are also common
/// words of another meaning are left out ("neuf": new, "sei": you are,
/// "venti": winds, "cent" in "pour cent", "yüz": face, "ست": madam), as
/// are "one" and its kin, which are mostly articles.
#[rustfmt::skip]
fn number_words(lang: Option<&str>) -> &'static [(&'static str, u32)] {
    match lang.unwrap_or("en") {
        "en" => &[
            ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9),
            ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
            ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30),
            ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
            ("hundred", 100), ("twice", 2), ("double", 2), ("doubled", 2), ("triple", 3), ("tripled", 3),
            ("threefold", 3), ("fourfold", 4),
        ],
        "fr" => &[
            ("deux", 2), ("trois", 3), ("quatre", 4), ("cinq", 5), ("six", 6), ("sept", 7), ("huit", 8), ("dix", 10),
            ("onze", 11), ("douze", 12), ("treize", 13), ("quatorze", 14), ("quinze", 15), ("seize", 16),
            ("vingt", 20), ("trente", 30), ("quarante", 40), ("cinquante", 50), ("soixante", 60), ("double", 2),
            ("doublé", 2), ("triple", 3), ("triplé", 3),
        ],
        "de" => &[
            ("zwei", 2), ("drei", 3), ("vier", 4), ("fünf", 5), ("sechs", 6), ("sieben", 7), ("acht", 8), ("neun", 9),
            ("zehn", 10), ("elf", 11), ("zwölf", 12), ("dreizehn", 13), ("vierzehn", 14), ("fünfzehn", 15),
            ("sechzehn", 16), ("siebzehn", 17), ("achtzehn", 18), ("neunzehn", 19), ("zwanzig", 20), ("dreißig", 30),
            ("vierzig", 40), ("fünfzig", 50), ("sechzig", 60), ("siebzig", 70), ("achtzig", 80), ("neunzig", 90),
            ("hundert", 100), ("doppelt", 2), ("zweimal", 2), ("verdoppelt", 2), ("dreimal", 3), ("dreifach", 3),
            ("verdreifacht", 3), ("viermal", 4),
        ],
        "es" => &[
            ("dos", 2), ("tres", 3), ("cuatro", 4), ("cinco", 5), ("seis", 6), ("siete", 7), ("ocho", 8), ("nueve", 9),
            ("diez", 10), ("once", 11), ("doce", 12), ("trece", 13), ("catorce", 14), ("quince", 15),
            ("dieciséis", 16), ("diecisiete", 17), ("dieciocho", 18), ("diecinueve", 19), ("veinte", 20),
            ("treinta", 30), ("cuarenta", 40), ("cincuenta", 50), ("sesenta", 60), ("setenta", 70), ("ochenta", 80),
            ("noventa", 90), ("cien", 100), ("doble", 2), ("triple", 3),
        ],
        "it" => &[
            ("due", 2), ("tre", 3), ("quattro", 4), ("cinque", 5), ("sette", 7), ("otto", 8), ("nove", 9),
            ("dieci", 10), ("undici", 11), ("dodici", 12), ("tredici", 13), ("quattordici", 14), ("quindici", 15),
            ("sedici", 16), ("diciassette", 17), ("diciotto", 18), ("diciannove", 19), ("trenta", 30),
            ("quaranta", 40), ("cinquanta", 50), ("sessanta", 60), ("settanta", 70), ("ottanta", 80),
            ("novanta", 90), ("doppio", 2), ("triplo", 3),
        ],
        "pt" => &[
            ("dois", 2), ("duas", 2), ("três", 3), ("quatro", 4), ("cinco", 5), ("seis", 6), ("sete", 7), ("oito", 8),
            ("nove", 9), ("dez", 10), ("onze", 11), ("doze", 12), ("treze", 13), ("catorze", 14), ("quinze", 15),
            ("dezasseis", 16), ("dezesseis", 16), ("dezassete", 17), ("dezessete", 17), ("dezoito", 18),
            ("dezanove", 19), ("dezenove", 19), ("vinte", 20), ("trinta", 30), ("quarenta", 40), ("cinquenta", 50),
            ("sessenta", 60), ("setenta", 70), ("oitenta", 80), ("noventa", 90), ("cem", 100), ("dobro", 2),
            ("triplo", 3),
        ],
        "nl" => &[
            ("twee", 2), ("drie", 3), ("vier", 4), ("vijf", 5), ("zes", 6), ("zeven", 7), ("negen", 9), ("tien", 10),
            ("elf", 11), ("twaalf", 12), ("dertien", 13), ("veertien", 14), ("vijftien", 15), ("zestien", 16),
            ("zeventien", 17), ("achttien", 18), ("negentien", 19), ("twintig", 20), ("dertig", 30), ("veertig", 40),
            ("vijftig", 50), ("zestig", 60), ("zeventig", 70), ("tachtig", 80), ("negentig", 90), ("honderd", 100),
            ("dubbel", 2), ("verdubbeld", 2), ("tweemaal", 2), ("driemaal", 3),
        ],
        "pl" => &[
            ("dwa", 2), ("dwie", 2), ("dwóch", 2), ("trzy", 3), ("trzech", 3), ("cztery", 4), ("czterech", 4),
            ("pięć", 5), ("pięciu", 5), ("sześć", 6), ("sześciu", 6), ("siedem", 7), ("siedmiu", 7), ("osiem", 8),
            ("ośmiu", 8), ("dziewięć", 9), ("dziewięciu", 9), ("dziesięć", 10), ("dziesięciu", 10),
            ("jedenaście", 11), ("dwanaście", 12), ("trzynaście", 13), ("czternaście", 14), ("piętnaście", 15),
            ("szesnaście", 16), ("siedemnaście", 17), ("osiemnaście", 18), ("dziewiętnaście", 19),
            ("dwadzieścia", 20), ("trzydzieści", 30), ("czterdzieści", 40), ("pięćdziesiąt", 50), ("sto", 100),
            ("dwukrotnie", 2), ("trzykrotnie", 3),
        ],
        "ru" | "uk" => &[
            ("два", 2), ("две", 2), ("двух", 2), ("три", 3), ("трёх", 3), ("трех", 3), ("четыре", 4),
            ("четырёх", 4), ("пять", 5), ("пяти", 5), ("шесть", 6), ("шести", 6), ("семь", 7), ("семи", 7),
            ("восемь", 8), ("восьми", 8), ("девять", 9), ("девяти", 9), ("десять", 10), ("десяти", 10),
            ("одиннадцать", 11), ("двенадцать", 12), ("тринадцать", 13), ("четырнадцать", 14), ("пятнадцать", 15),
            ("шестнадцать", 16), ("семнадцать", 17), ("восемнадцать", 18), ("девятнадцать", 19), ("двадцать", 20),
            ("тридцать", 30), ("сорок", 40), ("пятьдесят", 50), ("сто", 100), ("вдвое", 2), ("дважды", 2),
            ("втрое", 3), ("трижды", 3),
        ],
        "tr" => &[
            ("iki", 2), ("üç", 3), ("dört", 4), ("beş", 5), ("altı", 6), ("yedi", 7), ("sekiz", 8), ("dokuz", 9),
            ("yirmi", 20), ("otuz", 30), ("elli", 50), ("altmış", 60), ("yetmiş", 70), ("seksen", 80), ("doksan", 90),
        ],
        "id" | "ms" => &[
            ("dua", 2), ("tiga", 3), ("empat", 4), ("lima", 5), ("enam", 6), ("tujuh", 7), ("delapan", 8),
            ("sembilan", 9), ("sepuluh", 10), ("sebelas", 11), ("seratus", 100),
        ],
        "ar" => &[
            ("اثنان", 2), ("اثنين", 2), ("ثلاثة", 3), ("ثلاث", 3), ("أربعة", 4), ("أربع", 4), ("خمسة", 5), ("خمس", 5),
            ("ستة", 6), ("سبعة", 7), ("سبع", 7), ("ثمانية", 8), ("ثماني", 8), ("تسعة", 9), ("تسع", 9), ("عشرة", 10),
            ("عشر", 10), ("عشرون", 20), ("عشرين", 20), ("ثلاثون", 30), ("ثلاثين", 30), ("أربعون", 40), ("أربعين", 40),
            ("خمسون", 50), ("خمسين", 50), ("مئة", 100), ("مائة", 100),
        ],
        _ => &[],
    }
}

/// Words that make one number with the unit before them, with what they
/// add and multiply by (Arabic and Indonesian teens, "أحد عشر" 11, "dua
/// belas" 12; Indonesian tens, "dua puluh" 20), and the units that are
/// numbers only before them ("أحد" is also "anyone").
type Compounds = (&'static [(&'static str, u32, u32)], &'static [(&'static str, u32)]);

fn compound_words(lang: Option<&str>) -> Compounds {
    match lang.unwrap_or("en") {
        "ar" => (&[("عشر", 10, 1), ("عشرة", 10, 1)], &[("أحد", 1), ("إحدى", 1), ("اثنا", 2), ("اثنتا", 2)]),
        "id" | "ms" => (&[("belas", 10, 1), ("puluh", 0, 10)], &[("satu", 1)]),
        _ => (&[], &[]),
    }
}

/// A fraction spelled out: the word (a trailing `*` takes every word
/// beginning so, the cases of a declined noun), its significant digits as
/// a share (a half is 0.5, a third 0.33), and whether it is a fraction
/// only after a numerator ("a third", "two thirds"; "the third" is an
/// ordinal).
type Fraction = (&'static str, &'static str, bool);

fn fraction_words(lang: Option<&str>) -> &'static [Fraction] {
    match lang.unwrap_or("en") {
        "en" => &[
            ("half", "5", false),
            ("halves", "5", false),
            ("third", "33", true),
            ("thirds", "33", true),
            ("quarter", "25", true),
            ("quarters", "25", true),
        ],
        "fr" => &[("moitié", "5", false), ("tiers", "33", true), ("quart", "25", true), ("quarts", "25", true)],
        "de" => &[("hälfte", "5", false), ("drittel", "33", true), ("viertel", "25", true)],
        "es" => &[("mitad", "5", false), ("tercio", "33", true), ("tercios", "33", true)],
        "it" => &[
            ("metà", "5", false),
            ("terzo", "33", true),
            ("terzi", "33", true),
            ("quarto", "25", true),
            ("quarti", "25", true),
        ],
        "pt" => &[("metade", "5", false), ("terço", "33", true), ("terços", "33", true)],
        "nl" => &[("helft", "5", false), ("derde", "33", true), ("kwart", "25", false)],
        "pl" => &[("połow*", "5", false), ("ćwierć", "25", false)],
        "ru" => &[
            ("половин*", "5", false),
            ("треть", "33", false),
            ("трети", "33", false),
            ("третью", "33", false),
            ("четверть", "25", false),
            ("четверти", "25", false),
        ],
        "tr" => &[
            ("yarı", "5", false),
            ("yarısı", "5", false),
            ("yarısını", "5", false),
            ("yarısından", "5", false),
            ("yarısında", "5", false),
            ("üçte", "33", false),
            ("dörtte", "25", false),
        ],
        "id" | "ms" => &[
            ("setengah", "5", false),
            ("separuh", "5", false),
            ("sepertiga", "33", false),
            ("seperempat", "25", false),
        ],
        "ar" => &[("نصف", "5", false), ("ثلث", "33", false), ("ربع", "25", false)],
        _ => &[],
    }
}

/// The words that make a following ordinal a fraction ("a third", "two
/// thirds").
fn numerator_words(lang: Option<&str>) -> &'static [&'static str] {
    match lang.unwrap_or("en") {
        "en" => &["a", "one", "two", "three"],
        "fr" => &["un", "une", "deux", "trois"],
        "de" => &["ein", "eine", "einem", "einen", "einer", "zwei", "drei"],
        "es" => &["un", "una", "dos", "tres"],
        "it" => &["un", "due", "tre"],
        "pt" => &["um", "dois", "três"],
        "nl" => &["een", "twee", "drie"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(text: &str, lang: Option<&str>) -> Vec<String> {
        figures(text, lang).into_iter().map(|f| f.digits).collect()
    }

    fn meet(a: (&str, &str), b: (&str, &str)) -> bool {
        let (x, y) = (figures(a.0, Some(a.1)), figures(b.0, Some(b.1)));
        x.len() == 1 && y.len() == 1 && x[0].meets(&y[0])
    }

    #[test]
    fn scale_words_fix_the_order_of_magnitude() {
        let billion = ("1.5 billion", "en");
        for other in
            [("15億", "ja"), ("1 500 millions", "fr"), ("1,5 Mrd.", "de"), ("1,5 mil millones", "es"), ("$1.5bn", "en")]
        {
            assert!(meet(billion, other), "{other:?}");
        }
        assert!(!meet(("1.5 million", "en"), ("15億", "ja")));
        assert!(!meet(("about 4 million users", "en"), ("約40万人", "ja")));
        assert!(!meet(("40 тысяч лет", "ru"), ("40万年", "zh")));
        assert!(!meet(("482亿元", "zh"), ("482 Mio. Yuan", "de")));
        assert!(meet(("400,000 users", "en"), ("40万人", "ja")));
        assert!(meet(("0.5 million", "en"), ("500,000", "en")));
        assert!(meet(("0,5 Mrd.", "de"), ("500 Mio.", "de")));
        // A scale word this reader does not know leaves the magnitude open.
        assert!(meet(("4 million", "en"), ("4 mn", "en")));
        // "Billion" is a million millions outside English.
        assert!(!meet(("2 billion", "en"), ("2 Billionen", "de")));
    }

    #[test]
    fn figures_read_alike_across_conventions() {
        let en = Some("en");
        assert_eq!(sig("1.5 billion", en), ["15"]);
        assert_eq!(sig("1,5 milliard", Some("fr")), ["15"]);
        assert_eq!(sig("15億円", Some("ja")), ["15"]);
        assert_eq!(sig("1,500 jobs in 2027.", en), ["15", "2027"]);
        assert_eq!(sig("quelque 1 200 emplois", Some("fr")), ["12"]);
        assert_eq!(sig("5万2000人", Some("ja")), ["52"]);
        assert_eq!(sig("am 15.03.2024", Some("de")), ["15", "2024", "3"]);
        assert_eq!(sig("between 3 and 4 500 people", en), ["3", "45"]);
        assert_eq!(sig("no numbers", en), Vec::<String>::new());
        assert_eq!(sig("three matches", en), ["3"]);
        assert_eq!(sig("３％", Some("ja")), ["3"]);
    }

    #[test]
    fn spelled_numbers_read_as_digits_do() {
        assert_eq!(sig("four years for these ten seconds", Some("en")), sig("この10秒のために4年間", Some("ja")));
        assert_eq!(sig("zehn Euro", Some("de")), sig("10 euro", Some("it")));
        assert_eq!(sig("ألقي القبض على خمسة مشتبه بهم", Some("ar")), ["5"]);
        assert_eq!(sig("for eleven days", Some("en")), sig("منذ أحد عشر يوماً", Some("ar")));
        assert_eq!(sig("twenty-five", Some("en")), sig("25", Some("en")));
        assert_eq!(sig("treinta y cinco", Some("es")), ["35"]);
        assert_eq!(sig("двадцать пять", Some("ru")), ["25"]);
        assert_eq!(sig("dua puluh", Some("id")), ["2"]);
    }

    #[test]
    fn han_numerals_before_a_counter() {
        assert_eq!(sig("十年后这样的夏天", Some("zh")), sig("10年後", Some("ja")));
        assert_eq!(sig("今年七月", Some("zh")), ["7"]);
        assert_eq!(sig("三万五千人", Some("zh")), ["35"]);
        assert_eq!(sig("二十三名", Some("ja")), ["23"]);
        // Numerals inside words, and 十分 ("very"), are no figures.
        assert_eq!(sig("四川和九州十分热", Some("zh")), Vec::<String>::new());
    }

    #[test]
    fn fractions_read_as_shares() {
        assert_eq!(sig("lost a third of its volume", Some("en")), ["33"]);
        assert_eq!(sig("потерял половину своего объёма", Some("ru")), ["5"]);
        assert_eq!(sig("un tiers des électeurs", Some("fr")), ["33"]);
        assert_eq!(sig("三分の一の有権者", Some("ja")), ["33"]);
        assert_eq!(sig("half of them", Some("en")), sig("50% of them", Some("en")));
        // An ordinal is no fraction.
        assert_eq!(sig("the third quarter", Some("en")), Vec::<String>::new());
    }
}
