//! Figures in the reporter's words, normalised: amounts of money with
//! their currency and scale ("$4.7B" → 4.7e9 USD), percentages and
//! percentage points, counts in digits or words ("a dozen"), durations,
//! dates (relative ones resolved against the article's publication date),
//! years, and periods ("the 1970s and 1980s" → 1970–1989). Qualifiers
//! ("more than", "nearly") are kept beside the value, never folded in.
//!
//! Reads a sentence's tokens (quotations are single tokens and are never
//! read into: what is inside quotation marks is the speaker's, not the
//! outlet's); each figure reads a bounded number of tokens, so a sentence
//! is read in linear time.

use super::lang::{Lang, Lex, Qualifier, Relative, TimeUnit};
use super::names::lowercase;
use super::tokens::{Kind, Token};
use chrono::{Datelike, Days, Months, NaiveDate};
use std::borrow::Cow;

/// What a fact measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactKind {
    /// An amount of money; the unit is an ISO 4217 code.
    Money,
    /// A percentage (`%`) or percentage points (`pp`).
    Percent,
    /// A count or quantity.
    Number,
    /// A length of time; the unit is a [`TimeUnit`].
    Duration,
    /// A calendar date, month (`2025-01`) or week (a range of dates).
    Date,
    /// A year.
    Year,
    /// A span of years: decades, "2010 to 2015".
    Period,
}

impl FactKind {
    /// The name stored in `claim_facts.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Money => "money",
            FactKind::Percent => "percent",
            FactKind::Number => "number",
            FactKind::Duration => "duration",
            FactKind::Date => "date",
            FactKind::Year => "year",
            FactKind::Period => "period",
        }
    }

    /// The kind stored as `s`.
    pub fn parse(s: &str) -> Option<FactKind> {
        [
            FactKind::Money,
            FactKind::Percent,
            FactKind::Number,
            FactKind::Duration,
            FactKind::Date,
            FactKind::Year,
            FactKind::Period,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// Whether the kind places something in time.
    pub fn temporal(self) -> bool {
        matches!(self, FactKind::Date | FactKind::Year | FactKind::Period)
    }
}

/// A normalised value: a number, or an ISO date (`2025-02-07`, `2025-01`).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number (money in units of its currency, a percentage, a year).
    Num(f64),
    /// An ISO 8601 calendar date at the precision given.
    Date(String),
}

impl Value {
    /// The value as text: numbers without a needless fraction or exponent
    /// below 10^15, dates as they are.
    pub fn text(&self) -> String {
        match self {
            Value::Num(n) => format_number(*n),
            Value::Date(d) => d.clone(),
        }
    }
}

/// A number as text: integers in full (`1000000000000`), others as short as
/// they read back exactly (`4.1`, `0.25`).
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// A figure found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What it measures.
    pub kind: FactKind,
    /// Its value; the low end of a range.
    pub value: Value,
    /// The high end of a range or period.
    pub high: Option<Value>,
    /// Currency code, `%`/`pp`, or a unit of time.
    pub unit: Option<&'static str>,
    /// "more than", "nearly", …
    pub qualifier: Option<Qualifier>,
    /// Index of its first token in the sentence (after any qualifier).
    pub first: usize,
    /// Index one past its last token.
    pub end: usize,
    /// Index of its qualifier's first token (`first` when it has none).
    pub lead: usize,
    /// Significant digits as printed ("$42 billion": 2, "$42.4 billion": 3),
    /// for telling a rounding from a different figure; 0 for words and dates.
    pub precision: u32,
}

/// What a sentence holds of figures and time references.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scan {
    /// The figures, in text order.
    pub figures: Vec<Figure>,
    /// A time reference that places an event but could not be resolved
    /// (a weekday in an article without a publication date).
    pub unresolved_time: bool,
    /// A ranking: "the first … to", "the largest", "for the first time", "a record".
    pub record: bool,
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Token],
    lang: &'a Lang,
    reference: Option<NaiveDate>,
    future: bool,
    /// Each token in lowercase (`None` for punctuation and quotations) and
    /// what the language's tables say it is: read once per sentence, as
    /// every rule asks about the same few tokens.
    lower: Vec<Option<Cow<'a, str>>>,
    lexed: Vec<Option<Lex>>,
}

impl Cx<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.lower.get(i)?.as_deref()
    }

    fn lex(&self, i: usize) -> Option<Lex> {
        *self.lexed.get(i)?
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(self.text, c))
    }

    fn capitalized(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_capitalized(self.text))
    }

    /// Whether token `i` follows token `i - 1` with no space between.
    fn adjacent(&self, i: usize) -> bool {
        i > 0 && self.toks.get(i).is_some_and(|t| t.start == self.toks[i - 1].end)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x == w)
    }

    /// Whether a date at token `i` lies ahead: the nearest verb or marker
    /// before it in its sentence says ("will meet on Friday", "closed
    /// until Friday" ahead; "stated on Friday", "did not respond … on
    /// Wednesday" past), else the nearest after it ("On Friday the board
    /// will vote"), else the sentence's tense.
    fn future_at(&self, i: usize) -> bool {
        let tense = |k: usize| -> Option<bool> {
            let w = self.word(k)?;
            if self.lang.future_near.contains(w) {
                return Some(true);
            }
            let past = self.lang.past_near.contains(w)
                || (w.len() > 3 && w.ends_with("ed"))
                || self.lang.events.contains(w)
                || self.lang.reporting.contains(w) && !w.ends_with('s');
            past.then_some(false)
        };
        (0..i)
            .rev()
            .find_map(tense)
            .or_else(|| (i + 1..self.toks.len().min(i + 8)).find_map(tense))
            .unwrap_or(self.future)
    }
}

/// Finds the figures of a sentence. `reference` is the article's
/// publication date (relative dates resolve against it); `future` says the
/// sentence speaks of what is to come (a bare weekday is then the next one).
pub fn scan(text: &str, toks: &[Token], lang: &Lang, reference: Option<NaiveDate>, future: bool) -> Scan {
    let lower: Vec<Option<Cow<str>>> =
        toks.iter().map(|t| (t.kind == Kind::Word).then(|| lowercase(t.text(text)))).collect();
    let lexed = lower.iter().map(|w| w.as_deref().and_then(|w| lang.words.get(w))).collect();
    let cx = Cx { text, toks, lang, reference, future, lower, lexed };
    let mut out = Scan::default();
    let mut i = 0;
    while i < toks.len() {
        if matches!(toks[i].kind, Kind::Quote(_)) {
            i += 1;
            continue;
        }
        let (qualifier, at) = qualifier_at(&cx, i).map_or((None, i), |(q, e)| (Some(q), e));
        match figure_at(&cx, at, &mut out) {
            Some(mut f) => {
                // A qualifier counts only before a number ("about the 1990s"
                // has none), and "over three years" is a span, not more.
                let span = f.kind == FactKind::Duration && cx.word(i).is_some_and(|w| lang.span_words.contains(w));
                f.qualifier = qualifier.filter(|_| !f.kind.temporal() && !span);
                f.lead = i;
                i = f.end.max(i + 1);
                // "voted 7-2": two counts, not a range.
                if let (Value::Num(low), Some(Value::Num(high))) = (&f.value, &f.high)
                    && high < low
                {
                    let second = Figure { value: Value::Num(*high), high: None, ..f.clone() };
                    f.high = None;
                    out.figures.push(f);
                    out.figures.push(second);
                    continue;
                }
                out.figures.push(f);
            }
            None => {
                out.record |= record_at(&cx, i);
                i += 1;
            }
        }
    }
    out
}

fn qualifier_at(cx: &Cx, i: usize) -> Option<(Qualifier, usize)> {
    let first = cx.word(i)?;
    if !cx.lang.starts_qualifier(first) {
        return None;
    }
    cx.lang.qualifiers.iter().find_map(|(words, q)| {
        (words[0] == first && words.iter().enumerate().skip(1).all(|(k, w)| cx.is(i + k, w)))
            .then_some((*q, i + words.len()))
    })
}

/// A ranking at token `i`: a record word, "for the first time", or an
/// ordinal before a noun and "to" ("the first sitting president to …").
fn record_at(cx: &Cx, i: usize) -> bool {
    let Some(w) = cx.word(i) else { return false };
    // "second-largest", "third-biggest".
    if w.contains('-') && w.split('-').skip(1).any(|part| cx.lang.records.contains(part)) {
        return true;
    }
    if cx.lang.records.contains(w) {
        // "the best" in "the best way to" is still a ranking; a record
        // word alone as a name ("Record Store") is not.
        return !cx.capitalized(i) || i == 0;
    }
    if !cx.lang.ordinals.contains(w) {
        return false;
    }
    if cx.is(i + 1, "time") && i >= 1 && cx.is(i - 1, "the") {
        return true;
    }
    // "first … to VERB" within a short noun phrase, after "the".
    let after_the = i >= 1 && (cx.is(i - 1, "the") || cx.word(i - 1).is_some_and(|p| p == "become" || p == "became"));
    after_the && (i + 2..(i + 6).min(cx.toks.len())).any(|k| cx.is(k, "to") && cx.toks[k - 1].kind == Kind::Word)
}

/// A number as read from one or more tokens.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    end: usize,
    /// Written in digits.
    digits: bool,
    /// A scale was applied ("4.7B", "1.2 million").
    scaled: bool,
    /// Significant digits printed.
    precision: u32,
    /// A plain integer of four digits (a year, when the context says so).
    four_digits: bool,
    /// The high end, when the token was a range ("2-3", "2010-2015").
    high: Option<f64>,
    /// A unit of time written into the token: "10-year".
    unit: Option<Lex>,
    /// The scale applied (1 when none).
    scale: f64,
}

/// Parses a token's text of digits ("12", "4.1", "1.000.000") with an
/// optional suffix of letters; returns the number, its significant digits
/// and the suffix.
fn parse_digits(s: &str) -> Option<(f64, u32, &str)> {
    let end = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(s.len());
    let (num, suffix) = s.split_at(end);
    let num = num.trim_end_matches(['.', ',']);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // "1.000.000": dots grouping thousands; "4.1": a decimal point.
    let dots = num.matches('.').count();
    let plain: String = if dots > 1 && num.split('.').skip(1).all(|g| g.len() == 3) {
        num.replace('.', "")
    } else if dots > 1 {
        return None;
    } else {
        num.replace(',', "")
    };
    let value: f64 = plain.parse().ok()?;
    let significant = plain.trim_start_matches(['0', '.']).replace('.', "");
    let precision =
        if plain.contains('.') { significant.len() } else { significant.trim_end_matches('0').len().max(1) } as u32;
    Some((value, precision, suffix))
}

/// Reads a number at token `i`: digits (with comma groups split across
/// tokens, "12,400"), or number words ("twenty-five", "a dozen", "three
/// hundred", "half a million").
fn number_at(cx: &Cx, i: usize) -> Option<Num> {
    let t = cx.toks.get(i).filter(|t| t.kind == Kind::Word)?;
    // "€1.2bn." at a sentence's end: the tokenizer keeps the dot of what
    // reads as an abbreviation.
    let s = t.text(cx.text).trim_end_matches('.');
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        return digits_at(cx, i, s);
    }
    words_at(cx, i)
}

fn digits_at(cx: &Cx, i: usize, s: &str) -> Option<Num> {
    // A range or compound in one token: "2-3", "2010-2015", "10-year".
    if let Some((a, b)) = s.split_once(['-', '–']) {
        let (low, lp, rest) = parse_digits(a)?;
        if !rest.is_empty() {
            return None;
        }
        if let Some((high, hp, rest)) = parse_digits(b)
            && rest.is_empty()
        {
            let four = a.len() == 4 && b.len() == 4;
            return Some(Num {
                value: low,
                end: i + 1,
                digits: true,
                scaled: false,
                precision: lp.max(hp),
                four_digits: four,
                high: Some(high),
                unit: None,
                scale: 1.0,
            });
        }
        // "10-year", "45-year-old", "3-mile": a number and what it counts.
        let word = b.split('-').next().unwrap_or(b);
        if !word.starts_with(|c: char| c.is_alphabetic()) {
            return None;
        }
        let unit = cx.lang.words.get(&word.to_lowercase()).filter(|u| matches!(u, Lex::Time(_)));
        return Some(Num {
            value: low,
            end: i + 1,
            digits: true,
            scaled: false,
            precision: lp,
            four_digits: false,
            high: None,
            unit,
            scale: 1.0,
        });
    }
    let (mut value, mut precision, suffix) = parse_digits(s)?;
    let mut end = i + 1;
    let mut grouped = s.contains(',');
    // "12,400": the tokenizer splits at the comma; the groups are adjacent.
    if suffix.is_empty() {
        while cx.punct(end, ',') && cx.adjacent(end) && cx.adjacent(end + 1) {
            let Some(next) = cx.toks.get(end + 1).filter(|t| t.kind == Kind::Word) else { break };
            let g = next.text(cx.text);
            let Some((gv, _, gs)) = parse_digits(g) else { break };
            let whole = g.split('.').next().unwrap_or(g);
            if whole.len() != 3 || !gs.is_empty() {
                break;
            }
            let decimals = g.len() - whole.len();
            value = value * 1000.0 + gv;
            precision = if decimals > 0 {
                (format_number(value).replace('.', "").trim_start_matches('0').len()) as u32
            } else {
                format_number(value).trim_end_matches('0').len().max(1) as u32
            };
            grouped = true;
            end += 2;
        }
    }
    let four_digits = !grouped && suffix.is_empty() && s.len() == 4 && !s.contains('.');
    let mut num =
        Num { value, end, digits: true, scaled: false, precision, four_digits, high: None, unit: None, scale: 1.0 };
    match suffix.to_lowercase().as_str() {
        "" => {}
        // "1970s", "90s", "1st": read by their own rules.
        "s" | "'s" | "’s" | "st" | "nd" | "rd" | "th" => return None,
        other => match cx.lang.words.get(other) {
            Some(Lex::Scale(k)) => num = scaled(num, k),
            _ => return None,
        },
    }
    Some(num)
}

fn words_at(cx: &Cx, i: usize) -> Option<Num> {
    let w = cx.word(i)?;
    // "a dozen", "a million", "half a billion", "half a percentage point".
    if w == "a" || w == "an" {
        return match cx.lex(i + 1)? {
            Lex::Number(v) if v == 12.0 => Some(word_num(v, i + 2)),
            Lex::Fraction(_) => words_at(cx, i + 1),
            Lex::Scale(k) if k >= 100.0 && cx.word(i + 1).is_some_and(|s| s.len() > 3) => {
                Some(scaled(word_num(1.0, i + 2), k))
            }
            _ => None,
        };
    }
    if let Some(Lex::Fraction(f)) = cx.lang.words.get(w) {
        // "half a million", "a quarter of a percentage point".
        let k = if cx.is(i + 1, "of") { i + 2 } else { i + 1 };
        let k = if cx.is(k, "a") || cx.is(k, "an") { k + 1 } else { k };
        return Some(match cx.lex(k) {
            Some(Lex::Scale(s)) if s >= 1e3 => scaled(word_num(f, k + 1), s),
            _ => word_num(f, k),
        });
    }
    // "twenty-five", "twenty five".
    let mut value = 0.0;
    for part in w.split('-') {
        match cx.lang.words.get(part) {
            Some(Lex::Number(v)) => value += v,
            _ => return None,
        }
    }
    let mut end = i + 1;
    if (20.0..100.0).contains(&value)
        && value % 10.0 == 0.0
        && let Some(Lex::Number(v)) = cx.lex(end)
        && v < 10.0
    {
        value += v;
        end += 1;
    }
    Some(word_num(value, end))
}

fn word_num(value: f64, end: usize) -> Num {
    Num {
        value,
        end,
        digits: false,
        scaled: false,
        precision: 0,
        four_digits: false,
        high: None,
        unit: None,
        scale: 1.0,
    }
}

fn scaled(mut n: Num, k: f64) -> Num {
    n.value *= k;
    n.high = n.high.map(|h| h * k);
    n.scaled = true;
    n.scale *= k;
    n
}

/// A scale word after a number: "1.2 million", "two hundred thousand",
/// "$5 bn". Abbreviations ("m", "bn", "k") count after a currency or
/// written against the number: "5 m" may be metres.
fn apply_scale(cx: &Cx, mut n: Num, money: bool) -> Num {
    if n.scaled {
        return n;
    }
    let Some(Lex::Scale(k)) = cx.lex(n.end) else { return n };
    let abbreviation = cx.word(n.end).is_some_and(|w| w.len() <= 3);
    if abbreviation && !(money || cx.adjacent(n.end)) {
        return n;
    }
    n = scaled(n, k);
    n.end += 1;
    if k == 100.0
        && let Some(Lex::Scale(k2)) = cx.lex(n.end)
        && k2 > 100.0
        && cx.word(n.end).is_some_and(|w| w.len() > 3)
    {
        n = scaled(n, k2);
        n.end += 1;
    }
    n
}

/// A currency written before an amount: "$", "US$", "€", "¥", "USD".
fn currency_before(cx: &Cx, i: usize) -> Option<(&'static str, usize)> {
    let t = cx.toks.get(i)?;
    let symbol = |s: &str| -> Option<&'static str> {
        Some(match s {
            "$" => "USD",
            "€" => "EUR",
            "£" => "GBP",
            "¥" | "￥" => "JPY",
            "₩" => "KRW",
            "₹" => "INR",
            "₽" => "RUB",
            "₺" => "TRY",
            "₪" => "ILS",
            "₱" => "PHP",
            "₫" => "VND",
            "฿" => "THB",
            _ => return None,
        })
    };
    if t.kind == Kind::Punct {
        let code = symbol(t.text(cx.text))?;
        return Some((code, i + 1));
    }
    let w = t.text(cx.text);
    // "US$5", "A$3", "HK$1": letters written against a dollar sign.
    if cx.punct(i + 1, '$') && cx.adjacent(i + 1) {
        let code = match w {
            "US" | "U.S." => "USD",
            "A" | "AU" => "AUD",
            "C" | "CA" => "CAD",
            "HK" => "HKD",
            "NZ" => "NZD",
            "S" => "SGD",
            "R" => "BRL",
            "NT" => "TWD",
            "MX" => "MXN",
            _ => return None,
        };
        return Some((code, i + 2));
    }
    // "USD 5 million", "EUR 3bn": a code in capitals.
    if w.len() == 3
        && w.chars().all(|c| c.is_ascii_uppercase())
        && let Some(Lex::Currency(code)) = cx.lang.words.get(&w.to_lowercase())
    {
        return number_at(cx, i + 1).map(|_| (code, i + 1));
    }
    None
}

/// The figure at token `i`, if one starts there.
fn figure_at(cx: &Cx, i: usize, scan: &mut Scan) -> Option<Figure> {
    if let Some(f) = date_at(cx, i, scan) {
        return Some(f);
    }
    if let Some((code, k)) = currency_before(cx, i) {
        let n = apply_scale(cx, number_at(cx, k)?, true);
        let mut f = figure(FactKind::Money, n, Some(code), i);
        extend_range(cx, &mut f, n.scale);
        return Some(f);
    }
    let n = number_at(cx, i)?;
    if n.four_digits && year_context(cx, i, n.end) {
        return Some(year_figure(cx, i, n));
    }
    if n.high.is_some() && n.four_digits {
        return Some(year_figure(cx, i, n));
    }
    // A count written as a word needs a noun or unit after it to be one.
    let n = apply_scale(cx, n, false);
    let mut f = unit_after(cx, i, n)?;
    if f.kind == FactKind::Number && !count_stands(cx, i, &n) {
        return None;
    }
    extend_range(cx, &mut f, n.scale);
    Some(f)
}

fn figure(kind: FactKind, n: Num, unit: Option<&'static str>, first: usize) -> Figure {
    Figure {
        kind,
        value: Value::Num(n.value),
        high: n.high.map(Value::Num),
        unit,
        qualifier: None,
        first,
        end: n.end,
        lead: first,
        precision: n.precision,
    }
}

/// What a number measures, from the words after it: a percentage, a
/// currency, a unit of time ("three weeks"), or nothing (a count).
fn unit_after(cx: &Cx, i: usize, n: Num) -> Option<Figure> {
    let e = n.end;
    if let Some(Lex::Time(u)) = n.unit {
        return Some(figure(FactKind::Duration, n, Some(u.as_str()), i));
    }
    if cx.punct(e, '%') || cx.punct(e, '％') {
        return Some(Figure { end: e + 1, ..figure(FactKind::Percent, n, Some("%"), i) });
    }
    match (cx.lex(e), cx.word(e)) {
        (Some(Lex::Percent), Some(w)) => {
            // "per cent"
            if w == "per" {
                return cx
                    .is(e + 1, "cent")
                    .then(|| Figure { end: e + 2, ..figure(FactKind::Percent, n, Some("%"), i) });
            }
            Some(Figure { end: e + 1, ..figure(FactKind::Percent, n, Some("%"), i) })
        }
        (_, Some(w)) if w == "percentage" && matches!(cx.lex(e + 1), Some(Lex::Points)) => {
            Some(Figure { end: e + 2, ..figure(FactKind::Percent, n, Some("pp"), i) })
        }
        (_, Some(w)) if w == "basis" && matches!(cx.lex(e + 1), Some(Lex::Points)) => {
            let pp = Num { value: n.value / 100.0, high: n.high.map(|h| h / 100.0), ..n };
            Some(Figure { end: e + 2, ..figure(FactKind::Percent, pp, Some("pp"), i) })
        }
        (Some(Lex::Currency(code)), Some(w)) => {
            // "5 pounds" may be a weight, "won 5" a verb: a currency word
            // counts after a scale, or as "dollars"/"euros"/"yen"…
            let ambiguous = matches!(w, "pounds" | "won");
            if ambiguous && !n.scaled && !cx.is(e + 1, "sterling") {
                return None;
            }
            let end = if cx.is(e + 1, "sterling") { e + 2 } else { e + 1 };
            Some(Figure { end, ..figure(FactKind::Money, n, Some(code), i) })
        }
        (Some(Lex::Time(u)), _) if !n.scaled => {
            // "three weeks ago": a date, not a length of time.
            if matches!(cx.lex(e + 1), Some(Lex::Ago)) {
                return ago(cx, i, n.value, u, e + 2);
            }
            Some(Figure { end: e + 1, ..figure(FactKind::Duration, n, Some(u.as_str()), i) })
        }
        _ => Some(figure(FactKind::Number, n, None, i)),
    }
}

/// Whether a bare number at `i` is a count the sentence states: not a
/// reference ("the two nations"), not part of a name ("Apollo 11",
/// "Section 230"), not a time of day ("13:47"), not "one" alone.
fn count_stands(cx: &Cx, i: usize, n: &Num) -> bool {
    if !n.digits && n.value <= 1.0 && !n.scaled {
        return false;
    }
    if n.digits && (cx.punct(n.end, ':') || (i > 0 && cx.punct(i - 1, ':'))) {
        return false;
    }
    let Some(p) = i.checked_sub(1).and_then(|p| cx.word(p)) else { return true };
    // "the two nations" refers; "eight of the nine members" counts.
    let part_of = i >= 3 && cx.is(i - 2, "of") && i.checked_sub(3).and_then(|k| number_at(cx, k)).is_some();
    if cx.lang.referential.contains(p) && !n.scaled && !n.digits && !part_of {
        return false;
    }
    // "Apollo 11", "Section 230", "No. 1": a name with its number.
    let named = n.digits && !n.scaled && cx.capitalized(i - 1) && i > 1 && !cx.lang.function_words.contains(p);
    !(named || p == "no." || p == "number")
}

/// Makes a range of a figure followed by a second one: "between 5% and
/// 7%", "from $2 billion to $3 billion", "2 to 3 percent", "$2-$3 billion".
/// `scale` is the scale written on the first figure.
fn extend_range(cx: &Cx, f: &mut Figure, scale: f64) {
    if f.high.is_some() {
        return;
    }
    let e = f.end;
    let opened = f.first > 0 && cx.word(f.first - 1).is_some_and(|w| cx.lang.range_openers.contains(w));
    let dash = (cx.punct(e, '–') || cx.punct(e, '-')) && cx.adjacent(e) && cx.adjacent(e + 1);
    let joiner = cx.word(e).is_some_and(|j| cx.lang.range_joiners.contains(j) && (opened || j == "to"));
    if !(dash || joiner) {
        return;
    }
    let k = e + 1;
    let (k, code) = currency_before(cx, k).map_or((k, None), |(code, k)| (k, Some(code)));
    let Some(n) = number_at(cx, k) else { return };
    let n = apply_scale(cx, n, f.kind == FactKind::Money || code.is_some());
    let second = match code {
        Some(c) => Some(figure(FactKind::Money, n, Some(c), k)),
        None if f.kind == FactKind::Money => Some(figure(FactKind::Money, n, f.unit, k)),
        None => unit_after(cx, k, n),
    };
    let Some(second) = second else { return };
    let (Value::Num(low), Value::Num(high)) = (&f.value, &second.value) else { return };
    // "$2 to 3 billion": the scale written once, after the second number.
    let low = if scale == 1.0 && n.scale > 1.0 { low * n.scale } else { *low };
    let fits = second.kind == f.kind || (f.kind == FactKind::Number && second.kind != FactKind::Number);
    if !fits || *high <= low || (f.unit.is_some() && second.unit.is_some() && f.unit != second.unit) {
        return;
    }
    if f.kind == FactKind::Number {
        f.kind = second.kind;
        f.unit = second.unit;
    }
    f.value = Value::Num(low);
    f.high = Some(second.value);
    f.end = second.end;
    f.precision = f.precision.max(second.precision);
}

/// Whether a four-digit number at `i` is a year: after a preposition of
/// time or a month, in parentheses, or standing where no count would.
fn year_context(cx: &Cx, i: usize, end: usize) -> bool {
    let Some(v) = cx.word(i).and_then(|w| w.parse::<u32>().ok()) else { return false };
    if !(1000..=2199).contains(&v) {
        return false;
    }
    let before = i.checked_sub(1).and_then(|p| cx.word(p));
    if before.as_ref().is_some_and(|w| cx.lang.year_prepositions.contains(w)) {
        return true;
    }
    if i > 0 && cx.punct(i - 1, '(') {
        return true;
    }
    // "the 2019 summit" is a year, "2019 troops" a count (news mostly
    // writes counts of thousands with a comma).
    let counted = cx.word(end).is_some_and(|w| {
        !cx.capitalized(end)
            && !cx.lang.function_words.contains(w)
            && (w.ends_with('s') || matches!(w, "people" | "children" | "men" | "women"))
    });
    !counted
        && !matches!(cx.lex(end), Some(Lex::Percent | Lex::Currency(_) | Lex::Scale(_) | Lex::Time(_)))
        && !cx.punct(end, '%')
}

fn year_figure(cx: &Cx, i: usize, n: Num) -> Figure {
    let mut f = figure(FactKind::Year, n, None, i);
    f.precision = 0;
    // "2010-2015", "from 2010 to 2015", "between 2010 and 2015".
    if let Some(h) = n.high {
        f.kind = FactKind::Period;
        f.value = Value::Num(n.value);
        f.high = Some(Value::Num(h));
        return f;
    }
    let opened = i > 0 && cx.word(i - 1).is_some_and(|w| cx.lang.range_openers.contains(w));
    let joined = cx.word(n.end).is_some_and(|w| (w == "and" && opened) || w == "to" || w == "through")
        || ((cx.punct(n.end, '–') || cx.punct(n.end, '-')) && cx.adjacent(n.end));
    if joined
        && let Some(m) = cx.toks.get(n.end + 1).and_then(|_| number_at(cx, n.end + 1))
        && m.four_digits
        && m.value > n.value
        && m.value - n.value < 200.0
    {
        f.kind = FactKind::Period;
        f.high = Some(Value::Num(m.value));
        f.end = m.end;
    }
    f
}

/// A date or a period at token `i`: decades, ISO dates, month and day,
/// weekdays, relative dates.
fn date_at(cx: &Cx, i: usize, scan: &mut Scan) -> Option<Figure> {
    let t = cx.toks.get(i)?;
    if t.kind == Kind::Punct {
        // "’90s", "'80s"
        let s = t.text(cx.text);
        if matches!(s, "'" | "’") && cx.adjacent(i + 1) {
            return decade_at(cx, i, i + 1, None);
        }
        return None;
    }
    if t.kind != Kind::Word {
        return None;
    }
    let s = t.text(cx.text);
    let lower = lowercase(s);
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(f) = iso_date(s, i) {
            return Some(f);
        }
        if let Some(f) = decade_at(cx, i, i, None) {
            return Some(f);
        }
        // "7 February 2025", "7th of February"
        return day_first(cx, i);
    }
    // "mid-1990s", "early-2000s"
    if let Some((part, rest)) = lower.split_once('-')
        && let Some(Lex::DecadePart(a, b)) = cx.lang.words.get(part)
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return decade_at(cx, i, i, Some((a, b)));
    }
    match cx.lang.words.get(&lower)? {
        Lex::DecadePart(a, b) => decade_at(cx, i, i + 1, Some((a, b))),
        Lex::Month(m) => month_at(cx, i, m, None, scan),
        Lex::Weekday(d) => weekday_at(cx, i, d, 0, scan),
        Lex::Relative(Relative::Day(d)) => {
            // "today's world" speaks of no day.
            if s.contains(['\'', '’']) || cx.punct(i + 1, '\'') {
                return None;
            }
            let Some(r) = cx.reference else {
                scan.unresolved_time = true;
                return None;
            };
            let day = r.checked_add_signed(chrono::TimeDelta::days(d))?;
            Some(date_figure(Value::Date(day.format("%Y-%m-%d").to_string()), None, i, i + 1))
        }
        Lex::Relative(Relative::Shift(s)) => shifted_at(cx, i, s, scan),
        _ => None,
    }
}

fn date_figure(value: Value, high: Option<Value>, first: usize, end: usize) -> Figure {
    let kind = match &value {
        Value::Num(_) if high.is_some() => FactKind::Period,
        Value::Num(_) => FactKind::Year,
        Value::Date(_) => FactKind::Date,
    };
    Figure { kind, value, high, unit: None, qualifier: None, first, end, lead: first, precision: 0 }
}

fn iso_date(s: &str, i: usize) -> Option<Figure> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some(date_figure(Value::Date(d.format("%Y-%m-%d").to_string()), None, i, i + 1))
}

/// The first year of a decade written "1970s", "90s", "1970's".
fn decade_of(s: &str, reference: Option<NaiveDate>) -> Option<(u32, &str)> {
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (d, rest) = s.split_at(digits_end);
    if !matches!(rest, "s" | "'s" | "’s") {
        return None;
    }
    let v: u32 = d.parse().ok()?;
    let year = match d.len() {
        4 if v.is_multiple_of(10) && (1000..=2190).contains(&v) => v,
        2 if v.is_multiple_of(10) => {
            // "the '20s": the decade of this century if it has begun.
            let now = reference.map_or(2000, |r| r.year() as u32);
            if 2000 + v <= now { 2000 + v } else { 1900 + v }
        }
        _ => return None,
    };
    Some((year, rest))
}

/// A decade at token `at` (`first` is where the figure starts: an "early"
/// or an apostrophe before it), joined with the decades after it ("the
/// 1970s and 1980s" → 1970–1989) when they follow on.
fn decade_at(cx: &Cx, first: usize, at: usize, part: Option<(u32, u32)>) -> Option<Figure> {
    let at = if cx.punct(at, '\'') || cx.punct(at, '’') { at + 1 } else { at };
    let s = cx.toks.get(at).filter(|t| t.kind == Kind::Word)?.text(cx.text);
    let s = s.rsplit_once('-').map_or(s, |(_, r)| r);
    let (start, _) = decade_of(s, cx.reference)?;
    let (a, b) = part.unwrap_or((0, 9));
    let (low, mut high) = (start + a, start + b);
    let mut end = at + 1;
    // "the 1970s and 1980s", "the 1970s, '80s and '90s".
    loop {
        let joiner = cx.word(end).is_some_and(|w| w == "and" || w == "to" || w == "through") || cx.punct(end, ',');
        if !joiner {
            break;
        }
        let mut k = end + 1;
        if cx.is(k, "the") {
            k += 1;
        }
        let (p2, k) = match cx.lex(k) {
            Some(Lex::DecadePart(a, b)) => (Some((a, b)), k + 1),
            _ => (None, k),
        };
        let k = if cx.punct(k, '\'') || cx.punct(k, '’') { k + 1 } else { k };
        let Some(next) = cx.toks.get(k).filter(|t| t.kind == Kind::Word) else { break };
        let Some((s2, _)) = decade_of(next.text(cx.text), cx.reference) else { break };
        if s2 <= start || s2 > high + 11 {
            break;
        }
        high = s2 + p2.map_or(9, |(_, b2)| b2);
        end = k + 1;
    }
    Some(date_figure(Value::Num(f64::from(low)), Some(Value::Num(f64::from(high))), first, end))
}

/// A day of the month at token `i` (1–31, "7th").
fn day_number(cx: &Cx, i: usize) -> Option<u32> {
    let s = cx.toks.get(i).filter(|t| t.kind == Kind::Word)?.text(cx.text);
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    if !matches!(suffix.to_ascii_lowercase().as_str(), "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(cx: &Cx, i: usize) -> Option<i32> {
    let s = cx.toks.get(i).filter(|t| t.kind == Kind::Word)?.text(cx.text);
    (s.len() == 4).then(|| s.parse().ok()).flatten().filter(|y| (1000..=2199).contains(y))
}

/// "7 February 2025", "7th of February".
fn day_first(cx: &Cx, i: usize) -> Option<Figure> {
    let day = day_number(cx, i)?;
    let k = if cx.is(i + 1, "of") { i + 2 } else { i + 1 };
    let Some(Lex::Month(m)) = cx.lex(k) else { return None };
    if !cx.capitalized(k) {
        return None;
    }
    let mut scan = Scan::default();
    let f = month_at(cx, k, m, Some(day), &mut scan)?;
    Some(Figure { first: i, lead: i, ..f })
}

/// A month at token `i`, with the day before it (`day`) or after it, and
/// a year after it, or resolved against the publication date.
fn month_at(cx: &Cx, i: usize, month: u32, day: Option<u32>, scan: &mut Scan) -> Option<Figure> {
    let w = cx.toks[i].text(cx.text);
    // "may" and "march" are words too: a month is capitalised, and "May"
    // alone needs a day, a year or a preposition of time.
    if !cx.capitalized(i) {
        return None;
    }
    let mut end = i + 1;
    let mut day = day;
    if day.is_none()
        && let Some(d) = day_number(cx, end)
    {
        day = Some(d);
        end += 1;
    }
    let comma = cx.punct(end, ',');
    let year = year_number(cx, if comma { end + 1 } else { end });
    if year.is_some() {
        end = if comma { end + 2 } else { end + 1 };
    }
    let before = i.checked_sub(1).and_then(|p| cx.word(p));
    let shift = match before.as_ref().and_then(|b| cx.lang.words.get(b)) {
        Some(Lex::Relative(Relative::Shift(s))) => Some(s),
        _ => None,
    };
    let dated = day.is_some() || year.is_some() || shift.is_some();
    let after_preposition = before.is_some_and(|b| cx.lang.year_prepositions.contains(b) && !matches!(b, "and" | "to"));
    // "May" alone is a month only after "in", "since", "until", "by".
    let may_alone =
        w.eq_ignore_ascii_case("may") && !before.is_some_and(|b| matches!(b, "in" | "since" | "until" | "by"));
    if !(dated || (after_preposition && !may_alone)) {
        return None;
    }
    let first = if shift.is_some() { i - 1 } else { i };
    let year = match year {
        Some(y) => y,
        None => {
            let Some(r) = cx.reference else {
                scan.unresolved_time = true;
                return None;
            };
            resolve_year(r, month, day.unwrap_or(1), shift, cx.future_at(i))
        }
    };
    let value = match day {
        Some(d) => NaiveDate::from_ymd_opt(year, month, d)?.format("%Y-%m-%d").to_string(),
        None => format!("{year:04}-{month:02}"),
    };
    Some(date_figure(Value::Date(value), None, first, end))
}

/// The year of a month and day written without one: the occurrence
/// nearest the publication date on the side the sentence's tense says.
fn resolve_year(r: NaiveDate, month: u32, day: u32, shift: Option<i64>, future: bool) -> i32 {
    let y = r.year();
    let this = NaiveDate::from_ymd_opt(y, month, day.min(28)).unwrap_or(r);
    match shift {
        Some(s) if s < 0 => {
            if this < r {
                y
            } else {
                y - 1
            }
        }
        Some(s) if s > 0 => {
            if this > r {
                y
            } else {
                y + 1
            }
        }
        _ if future => {
            if this.checked_add_months(Months::new(1)).is_some_and(|t| t >= r) {
                y
            } else {
                y + 1
            }
        }
        _ => {
            if this.checked_sub_months(Months::new(1)).is_some_and(|t| t <= r) {
                y
            } else {
                y - 1
            }
        }
    }
}

/// A weekday, shifted by "last"/"next" before it when `shift` is not 0.
fn weekday_at(cx: &Cx, i: usize, weekday: u32, shift: i64, scan: &mut Scan) -> Option<Figure> {
    if !cx.capitalized(i) {
        return None;
    }
    // "Friday, Feb. 7, 2025": the date that follows says it all.
    if cx.punct(i + 1, ',')
        && let Some(Lex::Month(m)) = cx.lex(i + 2)
    {
        let f = month_at(cx, i + 2, m, None, scan)?;
        return Some(Figure { first: i, lead: i, ..f });
    }
    let Some(r) = cx.reference else {
        scan.unresolved_time = true;
        return None;
    };
    let today = r.weekday().num_days_from_monday() as i64;
    let w = i64::from(weekday);
    let (back, ahead) = ((today - w).rem_euclid(7), (w - today).rem_euclid(7));
    let delta = match shift {
        // "last Friday", "next Friday": never the day of publication.
        s if s < 0 => -(if back == 0 { 7 } else { back }),
        s if s > 0 => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        _ if cx.future_at(i) => ahead,
        _ => -back,
    };
    let day = r.checked_add_signed(chrono::TimeDelta::days(delta))?;
    let first = if shift != 0 { i - 1 } else { i };
    Some(date_figure(Value::Date(day.format("%Y-%m-%d").to_string()), None, first, i + 1))
}

/// "last week", "next month", "this year", "last Friday", "next March".
fn shifted_at(cx: &Cx, i: usize, shift: i64, scan: &mut Scan) -> Option<Figure> {
    let next = cx.lex(i + 1)?;
    match next {
        Lex::Weekday(d) => return weekday_at(cx, i + 1, d, shift, scan),
        Lex::Month(m) => return month_at(cx, i + 1, m, None, scan),
        // "the coming weeks" names no week.
        Lex::Time(TimeUnit::Week | TimeUnit::Month | TimeUnit::Year) if !cx.word(i + 1)?.ends_with('s') => {}
        _ => return None,
    }
    let Lex::Time(unit) = next else { return None };
    // "this year's budget" still places the budget in a year.
    let Some(r) = cx.reference else {
        scan.unresolved_time = true;
        return None;
    };
    let end = i + 2;
    Some(match unit {
        TimeUnit::Week => {
            let monday = r.checked_sub_days(Days::new(u64::from(r.weekday().num_days_from_monday())))?;
            let start = monday.checked_add_signed(chrono::TimeDelta::weeks(shift))?;
            let sunday = start.checked_add_days(Days::new(6))?;
            date_figure(
                Value::Date(start.format("%Y-%m-%d").to_string()),
                Some(Value::Date(sunday.format("%Y-%m-%d").to_string())),
                i,
                end,
            )
        }
        TimeUnit::Month => {
            let first = r.with_day(1)?;
            let m = if shift < 0 {
                first.checked_sub_months(Months::new(shift.unsigned_abs() as u32))?
            } else {
                first.checked_add_months(Months::new(shift as u32))?
            };
            date_figure(Value::Date(m.format("%Y-%m").to_string()), None, i, end)
        }
        _ => date_figure(Value::Num(f64::from(r.year() + shift as i32)), None, i, end),
    })
}

/// "three weeks ago", "two years ago": a date counted back from publication.
fn ago(cx: &Cx, i: usize, n: f64, unit: TimeUnit, end: usize) -> Option<Figure> {
    let r = cx.reference?;
    let n = n as i64;
    let value = match unit {
        TimeUnit::Day => Value::Date(r.checked_sub_signed(chrono::TimeDelta::days(n))?.format("%Y-%m-%d").to_string()),
        TimeUnit::Week => {
            Value::Date(r.checked_sub_signed(chrono::TimeDelta::weeks(n))?.format("%Y-%m-%d").to_string())
        }
        TimeUnit::Month => Value::Date(r.checked_sub_months(Months::new(n as u32))?.format("%Y-%m").to_string()),
        TimeUnit::Year => Value::Num(f64::from(r.year() - n as i32)),
        _ => return None,
    };
    Some(date_figure(value, None, i, end))
}
