//! What a page says about itself: JSON-LD (`NewsArticle` and its kin),
//! OpenGraph and `article:*` tags, Dublin Core and the other `<meta>`
//! conventions news sites use, `<link rel=canonical>`, `<html lang>` and
//! `<time datetime>`. The first that gives a field wins, in that order,
//! because structured data is written for machines and the rest for
//! previews.

use super::dom::Head;
use crate::ingest::dates;
use serde_json::Value;

/// Metadata read from a page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub author: Option<String>,
    /// ISO 8601.
    pub published: Option<String>,
    /// The site's own name ("The Guardian").
    pub site_name: Option<String>,
    /// The page's canonical address.
    pub url: Option<String>,
    /// Primary language subtag ("en").
    pub language: Option<String>,
    /// JSON-LD `articleBody`: the text the publisher says is the article.
    pub article_body: Option<String>,
}

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
];

/// Reads the metadata of a page from what its head (and body) declare.
pub fn read(head: &Head) -> PageMeta {
    let mut m = PageMeta::default();
    for script in &head.json_ld {
        if let Ok(value) = serde_json::from_str::<Value>(script.trim().trim_end_matches(';')) {
            from_json_ld(&value, &mut m);
        }
    }
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| head.metas.iter().find(|(name, v)| name == k && !v.trim().is_empty()))
            .map(|(_, v)| clean(v))
    };
    fill(&mut m.title, meta(&["og:title", "twitter:title", "dc.title", "headline", "citation_title"]));
    fill(
        &mut m.site_name,
        meta(&["og:site_name", "application-name", "al:android:app_name", "twitter:app:name:iphone"]),
    );
    fill(&mut m.url, head.canonical.clone().filter(|u| is_absolute(u)));
    fill(&mut m.url, meta(&["og:url", "twitter:url"]).filter(|u| is_absolute(u)));
    fill(&mut m.url, head.saved_from.clone().filter(|u| is_absolute(u)));
    let published = meta(&[
        "article:published_time",
        "og:published_time",
        "article:published",
        "datepublished",
        "publishdate",
        "pubdate",
        "publish-date",
        "dc.date.issued",
        "dcterms.date",
        "dc.date",
        "date",
        "sailthru.date",
        "parsely-pub-date",
        "citation_publication_date",
        "article.published",
    ]);
    if m.published.is_none() {
        m.published = published.and_then(|d| iso_date(&d)).or_else(|| head.times.iter().find_map(|d| iso_date(d)));
    }
    let author = meta(&[
        "author",
        "article:author",
        "dc.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
        "citation_author",
    ])
    .filter(|a| !is_absolute(a))
    .map(|a| without_byline_word(&a).to_owned());
    fill(&mut m.author, author);
    let lang = head.lang.clone().or_else(|| meta(&["og:locale", "content-language", "language", "dc.language"]));
    fill(&mut m.language, lang.and_then(|l| primary_language(&l)));
    fill(&mut m.title, head.title.as_deref().map(clean).filter(|t| !t.is_empty()));
    m
}

/// A byline's leading word ("By", "Par", "Von"…) is not part of the name.
fn without_byline_word(author: &str) -> &str {
    const WORDS: &[&str] = &["by", "par", "von", "por", "di", "door", "av", "af", "przez"];
    match author.split_once(' ') {
        Some((first, rest)) if WORDS.iter().any(|w| first.eq_ignore_ascii_case(w)) => rest.trim_start(),
        _ => author,
    }
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value.filter(|v| !v.trim().is_empty());
    }
}

fn is_absolute(url: &str) -> bool {
    let u = url.trim();
    u.starts_with("http://") || u.starts_with("https://") || u.starts_with("HTTP")
}

/// Blanks collapsed, entities already decoded by the parser.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "2020-01-28T10:00:00+00:00", "January 28, 2020" → ISO 8601.
pub fn iso_date(s: &str) -> Option<String> {
    dates::scan(s.trim()).and_then(|(d, _)| d.iso())
}

/// "en-US", "fr_FR", "de" → "en", "fr", "de".
fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() >= 2 && primary.len() <= 3 && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

/// Objects of a JSON-LD document, however nested (`@graph`, arrays), read
/// without recursion.
fn objects(value: &Value) -> Vec<&serde_json::Map<String, Value>> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                out.push(map);
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
            }
            _ => {}
        }
        if out.len() > 200 {
            break;
        }
    }
    out
}

fn has_type(map: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    match map.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

/// A name from a string, an object with `name`, or an array of them.
fn names(value: &Value, by_id: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    match value {
        Value::String(s) => Some(clean(s)).filter(|s| !s.is_empty() && !is_absolute(s)),
        Value::Object(map) => match map.get("name") {
            Some(v) => names(v, by_id),
            None => map.get("@id").and_then(Value::as_str).and_then(by_id),
        },
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(|v| names(v, by_id)).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        _ => None,
    }
}

fn text(map: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("@id").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

fn from_json_ld(value: &Value, m: &mut PageMeta) {
    let all = objects(value);
    let by_id = |id: &str| {
        all.iter()
            .find(|o| o.get("@id").and_then(Value::as_str) == Some(id))
            .and_then(|o| o.get("name"))
            .and_then(Value::as_str)
            .map(clean)
    };
    if let Some(article) = all.iter().find(|o| has_type(o, ARTICLE_TYPES)) {
        fill(&mut m.title, text(article, "headline").map(|t| clean(&t)));
        fill(&mut m.author, article.get("author").and_then(|a| names(a, &by_id)));
        fill(
            &mut m.published,
            text(article, "datePublished").or_else(|| text(article, "dateCreated")).and_then(|d| iso_date(&d)),
        );
        fill(&mut m.site_name, article.get("publisher").and_then(|p| names(p, &by_id)));
        fill(&mut m.url, text(article, "url").or_else(|| text(article, "mainEntityOfPage")).filter(|u| is_absolute(u)));
        fill(&mut m.language, text(article, "inLanguage").and_then(|l| primary_language(&l)));
        fill(&mut m.article_body, text(article, "articleBody"));
    }
    if let Some(site) = all.iter().find(|o| has_type(o, &["WebSite", "NewsMediaOrganization"])) {
        fill(&mut m.site_name, site.get("name").and_then(Value::as_str).map(clean));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(json: &str, metas: &[(&str, &str)]) -> Head {
        Head {
            json_ld: vec![json.to_owned()],
            metas: metas.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
            lang: Some("en-GB".into()),
            ..Head::default()
        }
    }

    #[test]
    fn json_ld_wins_and_graph_references_resolve() {
        let json = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"#org","name":"The Daily Example"},
            {"@type":["NewsArticle"],"headline":"Council votes","datePublished":"2024-03-05T09:30:00+01:00",
             "author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chen"}],"publisher":{"@id":"#org"},
             "articleBody":"The council voted."}]}"##;
        let m = read(&head(json, &[("og:title", "Council votes | Example"), ("og:site_name", "Example")]));
        assert_eq!(m.title.as_deref(), Some("Council votes"));
        assert_eq!(m.author.as_deref(), Some("Ann Lee, Bo Chen"));
        assert_eq!(m.published.as_deref(), Some("2024-03-05T09:30"));
        assert_eq!(m.site_name.as_deref(), Some("The Daily Example"));
        assert_eq!(m.language.as_deref(), Some("en"));
        assert_eq!(m.article_body.as_deref(), Some("The council voted."));
    }

    #[test]
    fn open_graph_fills_what_json_ld_lacks() {
        let m = read(&head(
            "not json",
            &[("og:site_name", "Le Monde"), ("article:published_time", "2023-11-02"), ("author", "By Jean Dupont")],
        ));
        assert_eq!(m.site_name.as_deref(), Some("Le Monde"));
        assert_eq!(m.published.as_deref(), Some("2023-11-02"));
        assert_eq!(m.author.as_deref(), Some("Jean Dupont"));
    }
}
