//! `newsarchive report html`: the archive's reports as one self-contained
//! web page — inline CSS and SVG, no script, nothing fetched — so that it
//! can be mailed, archived or opened offline and always looks the same.
//!
//! This module only renders: [`render`] turns a [`Report`] (plain data,
//! gathered from the `report_*` views by the store) into HTML. Every text
//! of the archive is written through [`escape`]: quotations, names and
//! titles are anyone's words, and must never become markup.
//!
//! Every section is a top N with a count of the rest, so the page stays a
//! few hundred kilobytes however large the archive.

use crate::link::quotes::{DiffOp, printed_word_ops};
use std::fmt::Write;

/// How much of each section the page shows.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Outlets in the heatmap (those that carried the most quotations).
    pub outlets: usize,
    /// Shared quotations listed per pair of outlets.
    pub quotes_per_pair: usize,
    /// Quotations in the variants table.
    pub variants: usize,
    /// Wordings shown per quotation in the variants table.
    pub wordings: usize,
    /// Speakers in the spread chart.
    pub speakers: usize,
    /// Bars in the over-time chart (the most recent are kept).
    pub periods: usize,
    /// Outlets in the claim coverage table.
    pub coverage: usize,
    /// Claim conflicts listed.
    pub conflicts: usize,
}

impl Default for Limits {
    /// Sized so that the page stays under a megabyte: 20 outlets make 190
    /// pairs, each listing at most six quotations.
    fn default() -> Self {
        Limits {
            outlets: 20,
            quotes_per_pair: 6,
            variants: 25,
            wordings: 6,
            speakers: 25,
            periods: 120,
            coverage: 25,
            conflicts: 25,
        }
    }
}

/// Everything the page shows.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// What the page is about (the archive's file name).
    pub title: String,
    /// When it was made (shown as given).
    pub generated: String,
    /// Articles in the archive.
    pub articles: i64,
    /// Quotations (clusters) in the archive.
    pub quotations: i64,
    /// The outlet × outlet heatmap.
    pub heatmap: Heatmap,
    /// Quotations printed in more than one wording, most widely carried first.
    pub variants: Listed<Variant>,
    /// Speakers, most quoted first.
    pub speakers: Listed<Speaker>,
    /// Quotations by the day they first appeared, oldest first.
    pub days: Vec<Day>,
    /// Claims, when the archive has any.
    pub claims: Option<Claims>,
}

/// The first items of a list, and how many there are in all.
#[derive(Debug, Clone)]
pub struct Listed<T> {
    /// The items shown.
    pub items: Vec<T>,
    /// How many there are, shown or not.
    pub total: usize,
}

impl<T> Default for Listed<T> {
    fn default() -> Self {
        Listed { items: Vec::new(), total: 0 }
    }
}

impl<T> Listed<T> {
    /// How many are not shown.
    fn rest(&self) -> usize {
        self.total.saturating_sub(self.items.len())
    }
}

/// The outlets of the heatmap and what each pair shared.
#[derive(Debug, Clone, Default)]
pub struct Heatmap {
    /// The outlets shown, in order.
    pub outlets: Vec<Outlet>,
    /// Outlets in the archive, shown or not.
    pub outlets_total: usize,
    /// Pairs of shown outlets that shared quotations (`a < b`, indices
    /// into `outlets`); a pair not listed shared none.
    pub pairs: Vec<Pair>,
}

/// An outlet of the heatmap.
#[derive(Debug, Clone)]
pub struct Outlet {
    /// Its name.
    pub name: String,
    /// Distinct quotations it carried (the heatmap's diagonal).
    pub quotes: i64,
}

/// Two outlets and the quotations both carried.
#[derive(Debug, Clone)]
pub struct Pair {
    /// One outlet (index into [`Heatmap::outlets`]).
    pub a: usize,
    /// The other.
    pub b: usize,
    /// Quotations both carried (`report_outlet_pairs.shared`).
    pub shared: i64,
    /// Of them, carried by the two only in different languages.
    pub in_translation: i64,
    /// The most widely carried of the quotations both printed in the same
    /// language.
    pub quotes: Vec<Quote>,
}

/// A quotation as listed under a pair.
#[derive(Debug, Clone)]
pub struct Quote {
    /// Who said it, when known.
    pub speaker: Option<String>,
    /// Its canonical wording.
    pub text: String,
    /// Outlets that carried it.
    pub outlets: i64,
}

/// A quotation printed in more than one wording.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Its id (`quote_clusters.id`).
    pub cluster: i64,
    /// Who said it, when known.
    pub speaker: Option<String>,
    /// Its canonical wording.
    pub canonical_text: String,
    /// Its wordings, the canonical one first.
    pub wordings: Listed<Wording>,
}

/// One wording of a quotation.
#[derive(Debug, Clone)]
pub struct Wording {
    /// The words as first printed.
    pub text: String,
    /// Whether this is the canonical wording.
    pub canonical: bool,
    /// The outlets that printed it.
    pub outlets: String,
    /// Articles that printed it.
    pub articles: i64,
}

/// A speaker's spread.
#[derive(Debug, Clone)]
pub struct Speaker {
    /// The name.
    pub name: String,
    /// person, role, organisation or anonymous.
    pub kind: String,
    /// Quotes.
    pub quotes: i64,
    /// Outlets that quoted them.
    pub outlets: i64,
}

/// Quotations that first appeared on one day.
#[derive(Debug, Clone)]
pub struct Day {
    /// `YYYY-MM-DD`, or `None` for quotations of undated articles.
    pub day: Option<String>,
    /// Quotations first printed that day.
    pub quotations: i64,
    /// Of them, carried by more than one outlet.
    pub shared: i64,
}

/// The claim sections.
#[derive(Debug, Clone, Default)]
pub struct Claims {
    /// Per outlet, most facts stated first.
    pub coverage: Listed<Coverage>,
    /// Conflicts, largest first.
    pub conflicts: Listed<Conflict>,
}

/// One outlet's claim coverage.
#[derive(Debug, Clone)]
pub struct Coverage {
    /// The outlet.
    pub outlet: String,
    /// Distinct facts it stated.
    pub stated: i64,
    /// Of them, stated by another outlet too.
    pub shared: i64,
    /// Stated by it alone.
    pub only_here: i64,
    /// Conflicts its claims are part of.
    pub conflicts: i64,
}

/// Two outlets stating incompatible figures about one subject.
#[derive(Debug, Clone)]
pub struct Conflict {
    /// What the figures are about.
    pub subject: String,
    /// One outlet.
    pub outlet_a: String,
    /// Its figure as printed.
    pub figure_a: String,
    /// Its sentence.
    pub claim_a: String,
    /// The other outlet.
    pub outlet_b: String,
    /// Its figure.
    pub figure_b: String,
    /// Its sentence.
    pub claim_b: String,
    /// The difference in percent of the larger value, for numbers.
    pub difference_pct: Option<f64>,
}

/// Text for HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:1180px;padding:0 24px 48px;color:#1d232b;background:#fff}
h1{font-size:26px;margin:28px 0 4px}h2{font-size:20px;margin:36px 0 8px;border-bottom:1px solid #d8dde3;padding-bottom:4px}
.lede,.note{color:#56606b}.note{font-size:13px}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid #e6e9ed}
th{font-size:13px;color:#56606b;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
del{background:#fde2e1;color:#8a1c14}ins{background:#dcf5e3;color:#14602c;text-decoration:none;border-bottom:2px solid #3fa463}
tr.canonical td{background:#f6f8fa}.who{color:#56606b;white-space:nowrap}
.bar{display:inline-block;height:10px;background:#3b6fb6;border-radius:2px;vertical-align:middle;margin-right:6px}
.bar.alt{background:#e0923a}
svg text{font:11px system-ui,sans-serif;fill:#1d232b}svg .num{text-anchor:middle;dominant-baseline:central;pointer-events:none}
svg .pair{stroke:#fff;stroke-width:1}svg a:hover .pair,svg a:focus .pair{stroke:#1d232b;stroke-width:2}
svg .self{fill:#eceff2;stroke:#fff;stroke-width:1}
.pairs .pair-quotes{display:none;border:1px solid #d8dde3;border-radius:6px;padding:4px 16px 10px;margin:12px 0;background:#fbfcfd}
.pairs .pair-quotes:target{display:block}
.pairs .hint{color:#56606b}.pairs:has(.pair-quotes:target) .hint{display:none}
ol.quotes li{margin:4px 0}
";

/// The page; `limits` bounds what is drawn from the days (the store has
/// applied the others when gathering the report).
pub fn render(report: &Report, limits: &Limits) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let title = format!("newsarchive report: {}", report.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n\
         <p class=\"lede\">{} articles, {} quotations, {} outlets. Made {} by newsarchive.</p>\n",
        escape(&title),
        escape(&title),
        report.articles,
        report.quotations,
        report.heatmap.outlets_total,
        escape(&report.generated),
    );
    heatmap(&mut out, &report.heatmap);
    variants(&mut out, &report.variants);
    speakers(&mut out, &report.speakers);
    over_time(&mut out, &report.days, limits.periods);
    if let Some(claims) = &report.claims {
        coverage(&mut out, &claims.coverage);
        conflicts(&mut out, &claims.conflicts);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// "and N more …" after a list, when some are not shown.
fn more(out: &mut String, rest: usize, what: &str) {
    if rest > 0 {
        let _ = writeln!(out, "<p class=\"note\">… and {rest} more {what}.</p>");
    }
}

/// A bar of `value` out of `max`, at most `width` pixels.
fn bar(out: &mut String, value: i64, max: i64, width: f64, alt: bool) {
    let w = if max > 0 { (value.max(0) as f64 / max as f64 * width).max(1.0) } else { 0.0 };
    let class = if alt { "bar alt" } else { "bar" };
    let _ = write!(out, "<span class=\"{class}\" style=\"width:{w:.0}px\"></span>{value}");
}

fn speaker_name(speaker: Option<&str>) -> String {
    speaker.filter(|s| !s.is_empty()).map_or_else(|| "unknown speaker".to_owned(), escape)
}

/// Size of a heatmap cell and of the label column, in pixels.
const CELL: usize = 34;
const LABEL: usize = 190;

/// The outlet × outlet heatmap and, below it, a section per pair listing
/// what both carried, shown when its cell is clicked (CSS `:target`).
fn heatmap(out: &mut String, map: &Heatmap) {
    out.push_str("<h2 id=\"overlap\">Quote overlap between outlets</h2>\n");
    let n = map.outlets.len();
    if n == 0 {
        out.push_str("<p class=\"note\">No outlet carried a quotation yet.</p>\n");
        return;
    }
    let _ = writeln!(
        out,
        "<p class=\"lede\">Each cell: quotations both outlets carried (in the same language or in translation); \
         the diagonal: each outlet's own quotations. Hover a cell for the count, click it for the quotations.</p>"
    );
    if map.outlets_total > n {
        let _ = writeln!(
            out,
            "<p class=\"note\">Showing the {n} outlets that carried the most quotations, of {}.</p>",
            map.outlets_total
        );
    }
    // Pair (a, b) with a < b → its index, for both cells of the pair.
    let mut index = vec![None; n * n];
    for (k, p) in map.pairs.iter().enumerate() {
        if p.a < n && p.b < n {
            index[p.a * n + p.b] = Some(k);
            index[p.b * n + p.a] = Some(k);
        }
    }
    // Shades spread from the smallest count to the largest: an archive where
    // every pair shares about as much should still show which share more.
    let counts = || map.pairs.iter().map(|p| p.shared).filter(|&s| s > 0);
    let (lo, hi) = (counts().min().unwrap_or(0), counts().max().unwrap_or(0));
    let head = 28;
    let (width, height) = (LABEL + n * CELL + 2, head + n * CELL + 2);
    let _ = writeln!(
        out,
        "<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"outlet by outlet quote overlap\">"
    );
    for j in 0..n {
        let _ = writeln!(
            out,
            "<text class=\"num\" x=\"{}\" y=\"{}\">{}</text>",
            LABEL + j * CELL + CELL / 2,
            head / 2,
            j + 1
        );
    }
    for (i, a) in map.outlets.iter().enumerate() {
        let y = head + i * CELL;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"central\">{}<title>{}</title></text>",
            LABEL - 8,
            y + CELL / 2,
            escape(&format!("{} {}", short(&a.name, 24), i + 1)),
            escape(&a.name)
        );
        for (j, b) in map.outlets.iter().enumerate() {
            let x = LABEL + j * CELL;
            let (an, bn) = (escape(&a.name), escape(&b.name));
            if i == j {
                let _ = writeln!(
                    out,
                    "<g><rect class=\"cell self\" x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" \
                     data-a=\"{an}\" data-b=\"{an}\" data-quotes=\"{q}\"><title>{an}: {q} quotations</title></rect>\
                     <text class=\"num\" x=\"{}\" y=\"{}\">{}</text></g>",
                    x + CELL / 2,
                    y + CELL / 2,
                    compact(a.quotes),
                    q = a.quotes,
                );
                continue;
            }
            let pair = index[i * n + j];
            let shared = pair.map_or(0, |k| map.pairs[k].shared);
            // White for none, deepening blue from the smallest count to the largest.
            let t = if hi > lo { 0.15 + 0.85 * (shared - lo) as f64 / (hi - lo) as f64 } else { 1.0 };
            let fill = if shared == 0 {
                "#f7f8fa".to_owned()
            } else {
                let mix = |from: f64, to: f64| (from + (to - from) * t).round() as u8;
                format!("#{:02x}{:02x}{:02x}", mix(222.0, 22.0), mix(235.0, 78.0), mix(247.0, 150.0))
            };
            let ink = if shared > 0 && t > 0.45 { " style=\"fill:#fff\"" } else { "" };
            let plural = if shared == 1 { "quotation" } else { "quotations" };
            let cell = format!(
                "<rect class=\"cell pair\" x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"{fill}\" \
                 data-a=\"{an}\" data-b=\"{bn}\" data-shared=\"{shared}\"><title>{an} × {bn}: {shared} shared {plural}</title></rect>\
                 <text class=\"num\" x=\"{}\" y=\"{}\"{ink}>{}</text>",
                x + CELL / 2,
                y + CELL / 2,
                if shared == 0 { String::new() } else { compact(shared) },
            );
            match pair {
                Some(k) => {
                    let _ = writeln!(out, "<a href=\"#pair-{k}\">{cell}</a>");
                }
                None => {
                    let _ = writeln!(out, "<g>{cell}</g>");
                }
            }
        }
    }
    out.push_str("</svg>\n");
    out.push_str(
        "<div class=\"pairs\">\n<p class=\"hint note\">Click a cell to list the quotations both outlets carried.</p>\n",
    );
    for (k, p) in map.pairs.iter().enumerate() {
        let (Some(a), Some(b)) = (map.outlets.get(p.a), map.outlets.get(p.b)) else { continue };
        let _ = writeln!(
            out,
            "<section class=\"pair-quotes\" id=\"pair-{k}\">\n<h3>{} × {}: {} shared quotations</h3>\n<ol class=\"quotes\">",
            escape(&a.name),
            escape(&b.name),
            p.shared
        );
        for q in &p.quotes {
            let _ = writeln!(
                out,
                "<li><span class=\"who\">{}:</span> “{}” <span class=\"note\">({} outlets)</span></li>",
                speaker_name(q.speaker.as_deref()),
                escape(&q.text),
                q.outlets
            );
        }
        out.push_str("</ol>\n");
        let rest = usize::try_from(p.shared).unwrap_or(0).saturating_sub(p.quotes.len());
        if rest > 0 {
            let translated = if p.in_translation > 0 {
                format!(" ({} of them carried by the two only in different languages)", p.in_translation)
            } else {
                String::new()
            };
            let _ = writeln!(out, "<p class=\"note\">… and {rest} more{translated}.</p>");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</div>\n");
}

/// At most `max` characters of `text`, with an ellipsis when cut.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// A count that fits a heatmap cell: 999, 1.2k, 12k, 1.2M.
fn compact(n: i64) -> String {
    match n {
        ..1_000 => n.to_string(),
        1_000..10_000 => format!("{:.1}k", n as f64 / 1e3),
        10_000..1_000_000 => format!("{}k", n / 1_000),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// The variants table: each quotation's wordings, the words that differ
/// from the canonical wording highlighted.
fn variants(out: &mut String, list: &Listed<Variant>) {
    out.push_str("<h2 id=\"variants\">Quotations printed in more than one wording</h2>\n");
    if list.items.is_empty() {
        out.push_str("<p class=\"note\">Every quotation was printed in one wording.</p>\n");
        return;
    }
    out.push_str(
        "<p class=\"lede\">The most widely carried first. In each wording, <del>struck</del> words are its own, \
         <ins>underlined</ins> ones what the canonical wording says instead.</p>\n<table class=\"variants\">\n\
         <tr><th>speaker</th><th>wording</th><th>printed by</th><th class=\"n\">articles</th></tr>\n",
    );
    for v in &list.items {
        let _ = writeln!(
            out,
            "<tbody id=\"q{}\">",
            v.cluster // an integer: nothing to escape
        );
        for (i, w) in v.wordings.items.iter().enumerate() {
            let who = if i == 0 { speaker_name(v.speaker.as_deref()) } else { String::new() };
            let (class, text) = if w.canonical {
                (" class=\"canonical\"", format!("“{}” <span class=\"note\">(canonical)</span>", escape(&w.text)))
            } else {
                ("", format!("“{}”", highlight(&w.text, &v.canonical_text)))
            };
            let _ = writeln!(
                out,
                "<tr{class}><td class=\"who\">{who}</td><td>{text}</td><td>{}</td><td class=\"n\">{}</td></tr>",
                outlet_list(&w.outlets, OUTLETS_NAMED),
                w.articles
            );
        }
        if v.wordings.rest() > 0 {
            let _ = writeln!(
                out,
                "<tr><td></td><td class=\"note\">… and {} more wordings</td><td></td><td></td></tr>",
                v.wordings.rest()
            );
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
    more(out, list.rest(), "quotations printed in more than one wording");
}

/// Outlets named per wording; a wording of wire copy is printed by hundreds.
const OUTLETS_NAMED: usize = 8;

/// The first `max` names of a list of outlets ("A; B; C"), escaped, and a
/// count of the rest.
fn outlet_list(outlets: &str, max: usize) -> String {
    let names: Vec<&str> = outlets.split("; ").collect();
    if names.len() <= max {
        return escape(outlets);
    }
    format!("{} <span class=\"note\">and {} more</span>", escape(&names[..max].join("; ")), names.len() - max)
}

/// `wording` with the words it does not share with `canonical` in `<del>`
/// and the canonical's words it lacks in `<ins>`, each escaped.
fn highlight(wording: &str, canonical: &str) -> String {
    let a: Vec<&str> = wording.split_whitespace().collect();
    let b: Vec<&str> = canonical.split_whitespace().collect();
    let mut parts: Vec<String> = Vec::new();
    let words = |ws: &[&str]| escape(&ws.join(" "));
    for op in printed_word_ops(&a, &b) {
        match op {
            DiffOp::Equal { old_index, len, .. } => parts.push(words(&a[old_index..old_index + len])),
            DiffOp::Delete { old_index, old_len, .. } => {
                parts.push(format!("<del>{}</del>", words(&a[old_index..old_index + old_len])));
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                parts.push(format!("<ins>{}</ins>", words(&b[new_index..new_index + new_len])));
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => parts.push(format!(
                "<del>{}</del> <ins>{}</ins>",
                words(&a[old_index..old_index + old_len]),
                words(&b[new_index..new_index + new_len])
            )),
        }
    }
    parts.join(" ")
}

/// Quotes and outlets per speaker, as bars.
fn speakers(out: &mut String, list: &Listed<Speaker>) {
    out.push_str("<h2 id=\"speakers\">Quote spread per speaker</h2>\n");
    if list.items.is_empty() {
        out.push_str("<p class=\"note\">No speaker was quoted yet.</p>\n");
        return;
    }
    out.push_str(
        "<p class=\"lede\">The most quoted speakers: their quotes, and how many outlets quoted them.</p>\n\
         <table class=\"speakers\">\n<tr><th>speaker</th><th>kind</th><th>quotes</th><th>outlets</th></tr>\n",
    );
    let max_quotes = list.items.iter().map(|s| s.quotes).max().unwrap_or(0);
    let max_outlets = list.items.iter().map(|s| s.outlets).max().unwrap_or(0);
    for s in &list.items {
        let _ = write!(out, "<tr><td>{}</td><td class=\"who\">{}</td><td>", escape(&s.name), escape(&s.kind));
        bar(out, s.quotes, max_quotes, 260.0, false);
        out.push_str("</td><td>");
        bar(out, s.outlets, max_outlets, 160.0, true);
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n");
    more(out, list.rest(), "speakers");
}

/// One bar of the over-time chart: a day, or a month when the archive
/// spans too many days for a bar each.
struct Period {
    label: String,
    quotations: i64,
    shared: i64,
}

/// Days grouped into at most `max` periods: days while there are few
/// enough, else months; the most recent kept when even those are too many.
fn periods(days: &[Day], max: usize) -> (Vec<Period>, usize) {
    let dated = || days.iter().filter_map(|d| d.day.as_deref().map(|day| (day, d)));
    let by_month = dated().count() > max;
    let mut out: Vec<Period> = Vec::new();
    for (day, d) in dated() {
        let label = if by_month { day.chars().take(7).collect() } else { day.to_owned() };
        match out.last_mut() {
            Some(p) if p.label == label => {
                p.quotations += d.quotations;
                p.shared += d.shared;
            }
            _ => out.push(Period { label, quotations: d.quotations, shared: d.shared }),
        }
    }
    let dropped = out.len().saturating_sub(max);
    out.drain(..dropped);
    (out, dropped)
}

/// Quotations by the day they first appeared, as an SVG bar chart: all of
/// them, and those more than one outlet carried.
fn over_time(out: &mut String, days: &[Day], max_periods: usize) {
    out.push_str("<h2 id=\"over-time\">Quote spread over time</h2>\n");
    let (periods, dropped) = periods(days, max_periods);
    let undated: i64 = days.iter().filter(|d| d.day.is_none()).map(|d| d.quotations).sum();
    if periods.is_empty() {
        out.push_str("<p class=\"note\">No dated quotation yet.</p>\n");
    } else {
        let unit = if periods[0].label.len() == 7 { "month" } else { "day" };
        let _ = writeln!(
            out,
            "<p class=\"lede\">New quotations per {unit} (by the first article that printed them); \
             <span style=\"color:#e0923a\">■</span> those more than one outlet carried.</p>"
        );
        let max = periods.iter().map(|p| p.quotations).max().unwrap_or(1).max(1);
        let (plot_h, left, bottom) = (180.0, 48.0, 40.0);
        let step = (1040.0 / periods.len() as f64).clamp(4.0, 48.0);
        let width = left + step * periods.len() as f64 + 10.0;
        let height = plot_h + bottom + 10.0;
        let _ = writeln!(
            out,
            "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" \
             viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-label=\"quotations over time\">\n\
             <text x=\"{:.0}\" y=\"14\" text-anchor=\"end\">{max}</text><text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"end\">0</text>\n\
             <line x1=\"{left}\" y1=\"{:.0}\" x2=\"{:.0}\" y2=\"{:.0}\" stroke=\"#c3c9d0\"/>",
            left - 6.0,
            left - 6.0,
            plot_h + 10.0,
            plot_h + 10.0,
            width - 10.0,
            plot_h + 10.0,
        );
        // A label under every bar would overlap: about twelve are written.
        let every = periods.len().div_ceil(12).max(1);
        for (i, p) in periods.iter().enumerate() {
            let x = left + step * i as f64;
            let h = p.quotations as f64 / max as f64 * plot_h;
            let hs = p.shared as f64 / max as f64 * plot_h;
            let w = (step - 2.0).max(1.0);
            let _ = writeln!(
                out,
                "<g><rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"#3b6fb6\"/>\
                 <rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{hs:.1}\" fill=\"#e0923a\"/>\
                 <title>{}: {} new quotations, {} carried by more than one outlet</title></g>",
                plot_h + 10.0 - h,
                plot_h + 10.0 - hs,
                escape(&p.label),
                p.quotations,
                p.shared
            );
            if i % every == 0 {
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.0}\" text-anchor=\"middle\">{}</text>",
                    x + w / 2.0,
                    plot_h + 28.0,
                    escape(&p.label)
                );
            }
        }
        out.push_str("</svg>\n");
        if dropped > 0 {
            let _ = writeln!(
                out,
                "<p class=\"note\">The last {} {unit}s shown; {dropped} earlier ones not.</p>",
                periods.len()
            );
        }
    }
    if undated > 0 {
        let _ = writeln!(out, "<p class=\"note\">{undated} quotations were first printed in undated articles.</p>");
    }
}

/// Claim coverage per outlet.
fn coverage(out: &mut String, list: &Listed<Coverage>) {
    out.push_str(
        "<h2 id=\"claim-coverage\">Claim coverage</h2>\n<p class=\"lede\">Per outlet: distinct facts stated, \
         of them stated by another outlet too, stated by it alone (the others' blindspots), and conflicts.</p>\n\
         <table class=\"coverage\">\n<tr><th>outlet</th><th>facts stated</th><th>shared</th><th class=\"n\">only here</th>\
         <th class=\"n\">conflicts</th></tr>\n",
    );
    let max = list.items.iter().map(|c| c.stated).max().unwrap_or(0);
    for c in &list.items {
        let _ = write!(out, "<tr><td>{}</td><td>", escape(&c.outlet));
        bar(out, c.stated, max, 240.0, false);
        out.push_str("</td><td>");
        bar(out, c.shared, max, 240.0, true);
        let _ = writeln!(out, "</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>", c.only_here, c.conflicts);
    }
    out.push_str("</table>\n");
    more(out, list.rest(), "outlets");
}

/// Claim conflicts, side by side.
fn conflicts(out: &mut String, list: &Listed<Conflict>) {
    out.push_str("<h2 id=\"claim-conflicts\">Claim conflicts</h2>\n");
    if list.items.is_empty() {
        out.push_str("<p class=\"note\">No two outlets stated incompatible figures.</p>\n");
        return;
    }
    out.push_str(
        "<p class=\"lede\">The same subject in the same story with incompatible figures, the largest differences first.</p>\n\
         <table class=\"conflicts\">\n<tr><th>subject</th><th>one outlet</th><th>another</th><th class=\"n\">difference</th></tr>\n",
    );
    for c in &list.items {
        let pct = c.difference_pct.filter(|p| p.is_finite()).map_or(String::new(), |p| format!("{p:.1}%"));
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><b>{}</b> {}<br><span class=\"note\">{}</span></td>\
             <td><b>{}</b> {}<br><span class=\"note\">{}</span></td><td class=\"n\">{pct}</td></tr>",
            escape(&c.subject),
            escape(&c.figure_a),
            escape(&c.outlet_a),
            escape(&c.claim_a),
            escape(&c.figure_b),
            escape(&c.outlet_b),
            escape(&c.claim_b),
        );
    }
    out.push_str("</table>\n");
    more(out, list.rest(), "conflicts");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlet(name: &str, quotes: i64) -> Outlet {
        Outlet { name: name.into(), quotes }
    }

    #[test]
    fn archive_text_never_becomes_markup() {
        let evil = "<script>alert('x')</script> & \"q\"";
        let report = Report {
            title: evil.into(),
            heatmap: Heatmap {
                outlets: vec![outlet(evil, 2), outlet("B", 1)],
                outlets_total: 2,
                pairs: vec![Pair {
                    a: 0,
                    b: 1,
                    shared: 1,
                    in_translation: 0,
                    quotes: vec![Quote { speaker: Some(evil.into()), text: evil.into(), outlets: 2 }],
                }],
            },
            variants: Listed {
                items: vec![Variant {
                    cluster: 1,
                    speaker: None,
                    canonical_text: format!("we said {evil}"),
                    wordings: Listed {
                        items: vec![Wording {
                            text: format!("we say {evil}"),
                            canonical: false,
                            outlets: evil.into(),
                            articles: 1,
                        }],
                        total: 1,
                    },
                }],
                total: 1,
            },
            days: vec![Day { day: Some(evil.into()), quotations: 1, shared: 0 }],
            ..Report::default()
        };
        let page = render(&report, &Limits::default());
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("'x'"));
        assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
    }

    #[test]
    fn heatmap_has_a_cell_per_ordered_pair_and_the_diagonal() {
        let map = Heatmap {
            outlets: vec![outlet("A", 5), outlet("B", 4), outlet("C", 3)],
            outlets_total: 4,
            pairs: vec![Pair { a: 0, b: 2, shared: 2, in_translation: 1, quotes: Vec::new() }],
        };
        let mut page = String::new();
        heatmap(&mut page, &map);
        assert_eq!(page.matches("class=\"cell pair\"").count(), 6);
        assert_eq!(page.matches("class=\"cell self\"").count(), 3);
        assert_eq!(page.matches("data-shared=\"2\"").count(), 2, "both cells of the pair");
        assert_eq!(page.matches("href=\"#pair-0\"").count(), 2);
        assert!(page.contains("id=\"pair-0\""));
        assert!(page.contains("3 outlets that carried the most quotations, of 4"));
        assert!(page.contains("and 2 more (1 of them carried by the two only in different languages)"));
    }

    #[test]
    fn changed_words_are_highlighted_whatever_their_case_and_punctuation() {
        assert_eq!(
            highlight("I got along with him very well.", "I get along with them, very well"),
            "I <del>got</del> <ins>get</ins> along with <del>him</del> <ins>them,</ins> very well."
        );
        assert_eq!(highlight("Japan and U.S. will", "Japan and the U.S. will"), "Japan and <ins>the</ins> U.S. will");
    }

    #[test]
    fn many_days_become_months_and_the_last_are_kept() {
        let days: Vec<Day> = (1..=28)
            .flat_map(|d| {
                ["2024-01", "2024-02", "2024-03"].map(|m| Day {
                    day: Some(format!("{m}-{d:02}")),
                    quotations: 2,
                    shared: 1,
                })
            })
            .collect();
        let mut sorted = days.clone();
        sorted.sort_by(|a, b| a.day.cmp(&b.day));
        let (p, dropped) = periods(&sorted, 2);
        assert_eq!((p.len(), dropped), (2, 1));
        assert_eq!((p[0].label.as_str(), p[0].quotations, p[0].shared), ("2024-02", 56, 28));
        let (p, dropped) = periods(&sorted[..10], 20);
        assert_eq!((p.len(), dropped, p[0].label.as_str()), (10, 0, "2024-01-01"));
    }

    #[test]
    fn long_outlet_lists_are_cut() {
        assert_eq!(outlet_list("A; B & C", 2), "A; B &amp; C");
        assert_eq!(outlet_list("A; B; C; D", 2), "A; B <span class=\"note\">and 2 more</span>");
    }

    #[test]
    fn counts_fit_their_cells() {
        assert_eq!(compact(999), "999");
        assert_eq!(compact(1_234), "1.2k");
        assert_eq!(compact(45_678), "45k");
        assert_eq!(compact(2_500_000), "2.5M");
        assert_eq!(short("Harbour City Post", 8), "Harbour…");
    }
}
