//! Dates as news pages print them ("February 8, 2025, 13:47", "Feb. 7, 2025",
//! "2025-02-08", "8 February 2025"), turned into ISO 8601.

use chrono::NaiveDate;

/// A date found in text; the year is absent in datelines such as "February 08".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// Four-digit year, when printed.
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, 1–31.
    pub day: u32,
    /// Hour and minute, 24-hour clock, when printed.
    pub time: Option<(u32, u32)>,
}

impl FoundDate {
    /// ISO 8601 form (`2025-02-08` or `2025-02-08T13:47`), or `None`
    /// when the year is unknown.
    pub fn iso(&self) -> Option<String> {
        let year = self.year?;
        NaiveDate::from_ymd_opt(year, self.month, self.day)?;
        Some(match self.time {
            Some((h, m)) => format!("{year:04}-{:02}-{:02}T{h:02}:{m:02}", self.month, self.day),
            None => format!("{year:04}-{:02}-{:02}", self.month, self.day),
        })
    }
}

/// Parses a whole string as a date (leading and trailing blanks ignored).
/// Returns the ISO 8601 form, or `None` if it is not a complete date.
pub fn parse_iso(s: &str) -> Option<String> {
    let s = s.trim();
    let (date, used) = scan(s)?;
    if !s[used..].trim().is_empty() {
        return None;
    }
    date.iso()
}

/// Reads a date at the start of `s`; returns it and the number of bytes used.
pub fn scan(s: &str) -> Option<(FoundDate, usize)> {
    scan_iso(s).or_else(|| scan_month_first(s)).or_else(|| scan_day_first(s))
}

fn scan_iso(s: &str) -> Option<(FoundDate, usize)> {
    let b = s.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' || b[4] == b'/') || b[7] != b[4] {
        return None;
    }
    let year = digits(&b[0..4], 4)? as i32;
    let month = digits(&b[5..7], 2)?;
    let day = digits(&b[8..10], 2)?;
    let mut used = 10;
    let mut time = None;
    if b.len() >= 16
        && (b[10] == b'T' || b[10] == b' ')
        && b[13] == b':'
        && let (Some(h), Some(m)) = (digits(&b[11..13], 2), digits(&b[14..16], 2))
    {
        time = Some((h, m));
        used = 16;
        // Seconds, fractions and a zone are accepted and dropped: the
        // archive keeps minute precision as pages print it.
        let rest = &s[used..];
        let extra = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'Z')))
            .unwrap_or(rest.len());
        used += extra;
    }
    let date = FoundDate { year: Some(year), month, day, time };
    valid(&date).then_some((date, used))
}

fn scan_month_first(s: &str) -> Option<(FoundDate, usize)> {
    let mut cur = Cursor::new(s);
    let month = cur.month()?;
    cur.skip_blanks();
    let day = cur.number(1, 2)?;
    cur.ordinal_suffix();
    let mut date = FoundDate { year: None, month, day, time: None };
    let after_day = cur.pos;
    cur.skip(",");
    cur.skip_blanks();
    if let Some(year) = cur.number(4, 4) {
        date.year = Some(year as i32);
        date.time = cur.time_after();
    } else {
        cur.pos = after_day;
    }
    valid(&date).then_some((date, cur.pos))
}

fn scan_day_first(s: &str) -> Option<(FoundDate, usize)> {
    let mut cur = Cursor::new(s);
    let day = cur.number(1, 2)?;
    cur.ordinal_suffix();
    cur.skip_blanks();
    let month = cur.month()?;
    cur.skip(",");
    cur.skip_blanks();
    let year = cur.number(4, 4)? as i32;
    let mut date = FoundDate { year: Some(year), month, day, time: None };
    date.time = cur.time_after();
    valid(&date).then_some((date, cur.pos))
}

fn valid(d: &FoundDate) -> bool {
    let year = d.year.unwrap_or(2000);
    (1800..=2200).contains(&year)
        && NaiveDate::from_ymd_opt(year, d.month, d.day).is_some()
        && d.time.is_none_or(|(h, m)| h < 24 && m < 60)
}

/// `n` ASCII digits as a number. Bytes, not text: the fixed offsets of an
/// ISO date may fall inside a character of text that is no date.
fn digits(b: &[u8], n: usize) -> Option<u32> {
    (b.len() == n && b.iter().all(u8::is_ascii_digit)).then(|| b.iter().fold(0, |v, d| v * 10 + u32::from(d - b'0')))
}

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
];

struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor { s, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn skip_blanks(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches([' ', '\t', '\u{a0}']).len();
    }

    fn skip(&mut self, p: &str) {
        if self.rest().starts_with(p) {
            self.pos += p.len();
        }
    }

    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let rest = self.rest();
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        if n < min || n > max {
            return None;
        }
        self.pos += n;
        rest[..n].parse().ok()
    }

    fn ordinal_suffix(&mut self) {
        let rest = self.rest();
        for suf in ["st", "nd", "rd", "th"] {
            if rest.starts_with(suf) && !rest[2..].starts_with(|c: char| c.is_alphanumeric()) {
                self.pos += 2;
                return;
            }
        }
    }

    /// A month name, full or abbreviated ("Feb", "Feb.", "Sept."), case-insensitive.
    fn month(&mut self) -> Option<u32> {
        let rest = self.rest();
        let word_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        if word_len < 3 {
            return None;
        }
        let word = rest[..word_len].to_ascii_lowercase();
        let idx = MONTHS.iter().position(|m| {
            *m == word || (word.len() <= 4 && m.starts_with(&word) && (word.len() == 3 || word == "sept"))
        })?;
        self.pos += word_len;
        self.skip(".");
        Some(idx as u32 + 1)
    }

    /// A clock time after a date: ", 13:47", " at 1:47 PM", " 09:05".
    fn time_after(&mut self) -> Option<(u32, u32)> {
        let start = self.pos;
        self.skip(",");
        self.skip_blanks();
        if self.rest().starts_with("at ") {
            self.pos += 3;
        }
        let parsed = (|| {
            let h = self.number(1, 2)?;
            if !self.rest().starts_with(':') {
                return None;
            }
            self.pos += 1;
            let m = self.number(2, 2)?;
            let before_ampm = self.pos;
            self.skip_blanks();
            let rest = self.rest().to_ascii_lowercase();
            let h = if rest.starts_with("pm") || rest.starts_with("p.m.") {
                self.pos += if rest.starts_with("pm") { 2 } else { 4 };
                if h < 12 { h + 12 } else { h }
            } else if rest.starts_with("am") || rest.starts_with("a.m.") {
                self.pos += if rest.starts_with("am") { 2 } else { 4 };
                if h == 12 { 0 } else { h }
            } else {
                self.pos = before_ampm;
                h
            };
            Some((h, m))
        })();
        if parsed.is_none() {
            self.pos = start;
        }
        parsed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms() {
        assert_eq!(parse_iso("2025-02-08").as_deref(), Some("2025-02-08"));
        assert_eq!(parse_iso("2025-02-08T13:47:10Z").as_deref(), Some("2025-02-08T13:47"));
        assert_eq!(parse_iso("2025-02-30"), None);
        assert_eq!(parse_iso("2025-02-08 junk"), None);
    }

    #[test]
    fn printed_forms() {
        assert_eq!(parse_iso("February 8, 2025, 13:47").as_deref(), Some("2025-02-08T13:47"));
        assert_eq!(parse_iso("Feb. 7, 2025").as_deref(), Some("2025-02-07"));
        assert_eq!(parse_iso("Sept. 30, 2016 at 1:05 p.m.").as_deref(), Some("2016-09-30T13:05"));
        assert_eq!(parse_iso("8 February 2025").as_deref(), Some("2025-02-08"));
        assert_eq!(parse_iso("Mayday 8, 2025"), None);
    }

    #[test]
    fn month_day_without_year() {
        let (d, used) = scan("February 08 (AJP)").unwrap();
        assert_eq!((d.year, d.month, d.day, used), (None, 2, 8, 11));
        assert_eq!(d.iso(), None);
    }
}
