//! What every table, view and column of the archive holds, in words: the
//! titles and descriptions other clients show (`export --datasette` writes
//! them as Datasette metadata). They live here, next to the SQL, and a test
//! holds them to a freshly migrated archive both ways: a migration that adds
//! a table or column without describing it fails, and so does a
//! description left behind by one that drops it.

/// A table or view in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description {
    /// A short title.
    pub title: String,
    /// What a row is and what the relation is for.
    pub description: String,
    /// Each column and what it holds, in the relation's order.
    pub columns: &'static [(&'static str, &'static str)],
    /// Machinery (the linkers' indexes and bookmarks, summaries' work
    /// lists, the full-text index's storage): not data a reader browses.
    pub internal: bool,
}

/// How a relation is best browsed in Datasette.
#[derive(Debug, Clone, Copy)]
pub struct Browse {
    /// The table or view.
    pub relation: &'static str,
    /// Columns worth counting values of (Datasette's facets).
    pub facets: &'static [&'static str],
    /// The column to sort by, largest first.
    pub sort_desc: Option<&'static str>,
    /// The column that names a row where another table refers to it.
    pub label_column: Option<&'static str>,
}

/// The description of a table or view, if it is one of the archive's.
pub fn describe(name: &str) -> Option<Description> {
    if let Some(r) = RELATIONS.iter().find(|r| r.name == name) {
        return Some(Description {
            title: r.title.to_owned(),
            description: r.description.to_owned(),
            columns: r.columns,
            internal: r.internal,
        });
    }
    // FTS5 keeps each index in shadow tables named after it.
    SHADOWS.iter().find_map(|(suffix, what, columns)| {
        let fts = name.strip_suffix(suffix)?;
        let indexed = RELATIONS.iter().find(|r| r.name == fts && r.name.ends_with("_fts"))?;
        Some(Description {
            title: format!("{fts}: {suffix}"),
            description: format!("Storage of the full-text index {}: {what}", indexed.name),
            columns,
            internal: true,
        })
    })
}

/// Browsing hints, for the relations that have any.
pub const BROWSE: &[Browse] = &[
    Browse { relation: "outlets", facets: &["country", "language"], sort_desc: None, label_column: Some("name") },
    Browse {
        relation: "articles",
        facets: &["outlet_id", "language"],
        sort_desc: Some("published_at"),
        label_column: Some("title"),
    },
    Browse {
        relation: "quotes",
        facets: &["kind", "region", "speaker_id"],
        sort_desc: None,
        label_column: Some("text"),
    },
    Browse { relation: "speakers", facets: &["kind"], sort_desc: None, label_column: Some("name") },
    Browse {
        relation: "claims",
        facets: &["voice", "outlet_id"],
        sort_desc: Some("score"),
        label_column: Some("text"),
    },
    Browse {
        relation: "claim_facts",
        facets: &["kind", "unit", "qualifier"],
        sort_desc: None,
        label_column: Some("text"),
    },
    Browse { relation: "claim_pairs", facets: &["relation", "kind"], sort_desc: Some("rank"), label_column: None },
    Browse { relation: "import_runs", facets: &[], sort_desc: Some("id"), label_column: None },
    Browse { relation: "import_errors", facets: &["run_id"], sort_desc: Some("id"), label_column: None },
    Browse { relation: "report_speakers", facets: &["kind"], sort_desc: None, label_column: None },
    Browse { relation: "report_quote_spread", facets: &["speaker", "language"], sort_desc: None, label_column: None },
    Browse { relation: "report_claims", facets: &["speaker"], sort_desc: None, label_column: None },
    Browse {
        relation: "report_claim_conflicts",
        facets: &["kind", "outlet_a", "outlet_b"],
        sort_desc: None,
        label_column: None,
    },
    Browse { relation: "report_blindspots", facets: &["outlet"], sort_desc: None, label_column: None },
];

/// FTS5's shadow tables: suffix, what it holds, columns.
type Shadow = (&'static str, &'static str, &'static [(&'static str, &'static str)]);
const SHADOWS: &[Shadow] = &[
    ("_data", "the index's b-tree leaves and segments.", &[("id", "Record id."), ("block", "The record's bytes.")]),
    (
        "_idx",
        "where each segment's pages start, by term.",
        &[("segid", "Segment id."), ("term", "First term of the page."), ("pgno", "Page number.")],
    ),
    (
        "_docsize",
        "the number of tokens in each indexed row, for ranking.",
        &[("id", "Row id of the indexed row."), ("sz", "Token counts per column, as varints.")],
    ),
    ("_config", "the index's settings.", &[("k", "Setting."), ("v", "Value.")]),
];

/// One described relation.
struct Relation {
    name: &'static str,
    title: &'static str,
    description: &'static str,
    columns: &'static [(&'static str, &'static str)],
    internal: bool,
}

const fn data(
    name: &'static str,
    title: &'static str,
    description: &'static str,
    columns: &'static [(&'static str, &'static str)],
) -> Relation {
    Relation { name, title, description, columns, internal: false }
}

const fn machinery(
    name: &'static str,
    title: &'static str,
    description: &'static str,
    columns: &'static [(&'static str, &'static str)],
) -> Relation {
    Relation { name, title, description, columns, internal: true }
}

const OUTLET_PAIR: [(&str, &str); 2] = [
    ("outlet_a", "The outlet of the pair whose name sorts first."),
    ("outlet_b", "The outlet of the pair whose name sorts second."),
];

/// The columns of the Spark job's quote-overlap report, as loaded and as shown.
const GLOBAL_OVERLAP: [(&str, &str); 7] = [
    ("outlet", "The outlet, in any shard."),
    ("articles", "Its articles, in all shards."),
    ("quotes", "Quotations it carried."),
    ("shared", "Of them, carried by another outlet of any shard."),
    ("unique_quotes", "Carried by no other outlet."),
    ("shared_pct", "Shared, in percent of its quotations."),
    ("reworded", "Shared ones it printed only in a wording other than the most widely carried."),
];

/// The columns of the Spark job's outlet pairs, as loaded and as shown.
const GLOBAL_PAIRS: [(&str, &str); 5] = [
    OUTLET_PAIR[0],
    OUTLET_PAIR[1],
    ("shared", "Quotations both carried."),
    ("pct_of_a", "Shared, in percent of outlet_a's quotations."),
    ("pct_of_b", "Shared, in percent of outlet_b's quotations."),
];

/// The columns of the Spark job's claim coverage, as loaded and as shown.
const GLOBAL_COVERAGE: [(&str, &str); 9] = [
    ("outlet", "The outlet, in any shard."),
    ("articles", "Its articles, in all shards."),
    ("claims", "Claims in them."),
    ("facts", "Facts in those claims."),
    ("stated", "Distinct facts stated."),
    ("shared", "Of them, stated by another outlet of any shard."),
    ("only_here", "Of them, stated by this outlet alone."),
    ("shared_pct", "shared as a percentage of stated."),
    ("conflicts", "Conflicts its claims are part of, with articles of any shard."),
];

/// The columns of the Spark job's claim outlet pairs, as loaded and as shown.
const GLOBAL_CLAIM_PAIRS: [(&str, &str); 5] = [
    OUTLET_PAIR[0],
    OUTLET_PAIR[1],
    ("shared", "Facts both stated."),
    ("pct_of_a", "shared as a percentage of outlet_a's facts."),
    ("pct_of_b", "shared as a percentage of outlet_b's facts."),
];

/// The job's article-similarity rows as loaded: the view shows these and
/// whether each article is in this archive.
const GLOBAL_SIMILARITY: [(&str, &str); 6] = [
    ("article_a", "Outlet and headline of the first article (the earlier in the job's order)."),
    ("article_b", "Outlet and headline of the second article."),
    ("a_in_b_pct", "Percentage of a's sentences found in b."),
    ("b_in_a_pct", "Percentage of b's sentences found in a."),
    ("likely_source", "a or b: the one the other likely copied, when dates or containment tell."),
    ("source_reason", "Why: 'published earlier' or 'its text is in the other'."),
];

const RELATIONS: &[Relation] = &[
    // The archive's data.
    data(
        "outlets",
        "Outlets",
        "News outlets: one row per publication, named by the manifest, the corpus record or the page (its site name or registered domain).",
        &[
            ("id", "Outlet id."),
            (
                "name",
                "The outlet's name, unique regardless of case. A document that names no outlet is filed under \"unknown (FILE)\".",
            ),
            (
                "domain",
                "Registered domain of the outlet's pages (bbc.co.uk), which joins pages of one site into one outlet.",
            ),
            ("country", "Country of the outlet, when known."),
            ("language", "Language the outlet writes in, when given (ISO 639-1)."),
        ],
    ),
    data(
        "articles",
        "Articles",
        "One row per distinct article text: its metadata, its own paragraphs (body) and what the importer set aside as page furniture (boilerplate).",
        &[
            ("id", "Article id."),
            ("outlet_id", "The outlet that published it (outlets.id)."),
            (
                "source_path",
                "The file it was imported from; FILE:LINE for a corpus line, FILE@OFFSET for a web-archive record.",
            ),
            ("url", "The article's address, from the manifest, the page or the web archive."),
            ("title", "Headline."),
            ("author", "Byline."),
            ("published_at", "Publication date (ISO 8601: a date, or a date and time as printed)."),
            ("language", "Language of the article (ISO 639-1), given or detected; empty when unknown."),
            ("dateline", "Place of a dateline such as \"SEOUL, February 08 (AJP) -\"."),
            ("body", "The article's paragraphs, separated by blank lines; quotation and claim offsets point into it."),
            (
                "boilerplate",
                "What was set aside as page furniture (promos, captions, related-story lists), as paragraphs.",
            ),
            ("content_sha256", "SHA-256 of the text: the same text is stored once however often it is imported."),
            ("word_count", "Words in the body."),
            ("import_run_id", "The import that stored it (import_runs.id)."),
            ("imported_at", "When it was stored (UTC)."),
            ("linked", "1 once its text has been compared with other articles for similarity."),
            ("claims_pending", "1 while its claims wait to be extracted (articles stored before claims existed)."),
            (
                "language_source",
                "Where the language came from: given (corpus, manifest or page) or detected from the words.",
            ),
            (
                "language_pending",
                "1 while its language waits to be detected (articles stored before detection existed).",
            ),
            ("fetched_at", "When a web archive fetched the page (WARC-Date): a crawl date, not the publication date."),
        ],
    ),
    data(
        "sources",
        "Source files",
        "The bytes each article came from, compressed, so that it can be extracted again when the extractors improve (newsarchive reextract).",
        &[
            ("article_id", "The article (articles.id)."),
            ("media_type", "Media type of the source, with the character set a page was read in."),
            ("size", "Size of the original bytes."),
            ("raw_zstd", "The original bytes, zstd-compressed."),
        ],
    ),
    data(
        "speakers",
        "Speakers",
        "The people, roles, organisations and unnamed sources quoted: one row however many ways articles name them.",
        &[
            ("id", "Speaker id."),
            ("name", "The speaker's name in its fullest form (titles dropped), unique regardless of case."),
            ("surname", "Last word of the name, to find \"Donald Trump\" from \"Trump\"."),
            (
                "kind",
                "person; role (a role nobody in the article is named for); organisation; or anonymous (\"officials\").",
            ),
            (
                "key",
                "A person's full name romanised and folded, joining spellings in Latin, Cyrillic and Greek letters.",
            ),
        ],
    ),
    data(
        "speaker_aliases",
        "Speaker aliases",
        "Other names a speaker is known by: how articles wrote them (\"President Trump\") and what alias files say.",
        &[
            ("alias", "The other name, unique regardless of case."),
            ("speaker_id", "The speaker it names (speakers.id)."),
            ("language", "Language an alias file gave for it; empty for aliases learned from articles."),
        ],
    ),
    data(
        "quotes",
        "Quotations as printed",
        "Every quotation in every article, as printed, with its speaker and where it stands in the article.",
        &[
            ("id", "Quotation id."),
            ("article_id", "The article (articles.id)."),
            ("speaker_id", "Who said it (speakers.id); empty when the article does not say."),
            ("text", "The quoted words as printed."),
            ("normalized", "The words with case, quotation marks, spacing and punctuation set aside."),
            (
                "start",
                "Character offset where it starts in the column its region names: substr(body, start + 1, \"end\" - start).",
            ),
            ("end", "Character offset where it ends."),
            ("paragraph", "Paragraph number within its region."),
            ("line", "Line of the source file where it opens."),
            (
                "kind",
                "full (a quoted sentence), partial (a fragment in the reporter's sentence) or mention (a name or term nobody said).",
            ),
            ("region", "body, headline or boilerplate: where in the article it stands."),
            ("cue", "The reporting verb or phrase: \"said\", \"according to\"."),
            ("speaker_text", "How the article named the speaker: \"the prime minister\", \"he\"."),
        ],
    ),
    data(
        "quote_units",
        "Quoted sentences",
        "Each body quotation (full or partial) cut into sentences; linking and the overlap reports count these.",
        &[
            ("id", "Unit id."),
            ("quote_id", "The quotation it is part of (quotes.id)."),
            ("article_id", "The article (articles.id)."),
            ("seq", "Its place among the quotation's sentences, from 0."),
            ("wording_id", "Its wording (quote_wordings.id)."),
        ],
    ),
    data(
        "quote_wordings",
        "Wordings",
        "Each distinct wording of a quoted sentence, however many articles print it, and the quotation it belongs to.",
        &[
            ("id", "Wording id."),
            ("normalized", "The words with case, quotation marks, spacing and punctuation set aside; unique."),
            ("text", "The wording as first printed."),
            ("words", "Number of words."),
            ("speaker_id", "The speaker articles attribute it to (speakers.id)."),
            ("cluster_id", "The quotation it belongs to (quote_clusters.id)."),
            (
                "diff",
                "Word edits that turn it into the quotation's canonical wording (\"got→get, +the\"); empty for the canonical wording.",
            ),
        ],
    ),
    data(
        "quote_clusters",
        "Quotations",
        "A quotation: the same sentence, or nearly the same, in any number of articles and wordings; a fragment points to the quotation it is part of.",
        &[
            ("id", "Quotation id (\"cluster\" in the reports)."),
            ("normalized", "The canonical wording, normalised."),
            ("canonical_text", "The most widely carried wording (outlets, then articles)."),
            ("speaker_id", "Who said it (speakers.id)."),
            ("fragment_of", "For a fragment (\"a very big asset\"), the longer quotation it stands inside."),
            ("language", "Language it was printed in: that of most of its articles."),
        ],
    ),
    data(
        "quote_translations",
        "Translations",
        "Pairs of quotations in different languages found to be the same statement.",
        &[
            ("cluster_a", "The quotation with the lower id (quote_clusters.id)."),
            ("cluster_b", "The other quotation (quote_clusters.id)."),
            ("similarity", "Cosine of the two quotations' sentence vectors."),
        ],
    ),
    data(
        "quote_statements",
        "Statements",
        "Each quotation that has a translation, and its statement: every quotation linked to it as a translation, directly or through others.",
        &[
            ("cluster_id", "The quotation (quote_clusters.id)."),
            ("statement_id", "The statement: the lowest quotation id among those linked."),
        ],
    ),
    data(
        "article_pairs",
        "Articles sharing text",
        "Pairs of articles with sentences in common: how much of each is found in the other, and which is likely the source.",
        &[
            ("article_a", "The article with the lower id (articles.id)."),
            ("article_b", "The other article (articles.id)."),
            ("a_sentences", "Sentences of article a."),
            ("a_found", "Of them, how many were found in article b."),
            ("b_sentences", "Sentences of article b."),
            ("b_found", "Of them, how many were found in article a."),
            ("likely_source", "The article the other likely copied (articles.id), when dates or containment tell."),
            ("source_reason", "Why: 'published earlier' or 'contained in the other'."),
            ("score", "The larger of the two shares found, for ranking."),
        ],
    ),
    data(
        "claims",
        "Claims",
        "Sentences of article bodies that state something checkable: a figure, a date, a ranking, an event.",
        &[
            ("id", "Claim id."),
            ("article_id", "The article (articles.id)."),
            ("outlet_id", "The article's outlet (outlets.id)."),
            ("published_at", "The article's publication date."),
            ("speaker_id", "Who made the statement, for a reported claim whose text names them (speakers.id)."),
            ("text", "The sentence."),
            ("wording", "A hash of the sentence's words, case and spacing aside."),
            ("start", "Character offset where the sentence starts in articles.body."),
            ("end", "Character offset where it ends."),
            ("paragraph", "Paragraph number in the body."),
            ("line", "Line of the source file."),
            ("voice", "outlet (the outlet states it) or reported (it reports someone's statement)."),
            ("cue", "The reporting verb of a reported claim."),
            ("speaker_text", "How the article named the speaker."),
            ("score", "Check-worthiness from 0 to 1."),
            ("cluster_id", "The fact it states (claim_clusters.id)."),
        ],
    ),
    data(
        "claim_facts",
        "Facts",
        "The normalised figures of each claim: amounts, percentages, counts, durations, dates, years and periods.",
        &[
            ("id", "Fact id."),
            ("claim_id", "The claim (claims.id)."),
            ("seq", "Its place among the claim's facts, from 0."),
            ("kind", "money, percent, number, duration, date, year or period."),
            ("value", "The value: a number (money in units of its currency), or an ISO date at the precision printed."),
            ("value_high", "The high end of a range, period or week."),
            ("unit", "ISO 4217 code for money, % or pp for percentages, a unit of time for durations."),
            ("qualifier", "about, nearly, more than, at least, up to or less than."),
            ("subject", "The noun phrase the figure measures, normalised for comparison."),
            ("text", "The figure as printed."),
            ("start", "Character offset of the figure in articles.body."),
            ("end", "Character offset where the figure ends."),
            ("precision", "Significant digits printed, to tell a rounding from a conflict."),
        ],
    ),
    data(
        "claim_clusters",
        "Facts stated",
        "One fact as stated by one or more articles in their own words.",
        &[
            ("id", "Id of the fact stated (\"cluster\" in the reports)."),
            ("canonical_text", "The sentence of the most widely carried claim."),
            ("canonical_claim", "That claim (claims.id)."),
            ("facts", "Its facts as a reader sees them."),
            ("speaker_id", "The speaker most reported claims of it name (speakers.id)."),
        ],
    ),
    data(
        "claim_pairs",
        "Differing facts",
        "Two facts about the same subject in the same story whose figures differ: a conflict, or a rounding of one by the other.",
        &[
            ("relation", "conflict (incompatible values) or rounding (\"$42 billion\" and \"$42.4 billion\")."),
            ("rank", "The difference in percent of the larger value (0 for dates and years), for ordering."),
            ("fact_a", "The fact of the earlier claim (claim_facts.id)."),
            ("fact_b", "The other fact (claim_facts.id)."),
            ("subject", "What both figures measure."),
            ("kind", "The facts' kind (money, number, date, …)."),
            ("unit", "Their unit."),
            ("outlet_a", "Outlet of fact a (outlets.id)."),
            ("figure_a", "Fact a as printed."),
            ("value_a", "Fact a normalised."),
            ("outlet_b", "Outlet of fact b (outlets.id)."),
            ("figure_b", "Fact b as printed."),
            ("value_b", "Fact b normalised."),
            ("difference", "b − a: in the unit, days between dates, years between years."),
            ("difference_pct", "The difference in percent of the larger value, for numbers."),
            ("claim_a", "The sentence stating fact a."),
            ("claim_b", "The sentence stating fact b."),
            ("published_a", "Publication date of fact a's article."),
            ("published_b", "Publication date of fact b's article."),
            ("article_a", "Fact a's article (articles.id)."),
            ("article_b", "Fact b's article (articles.id)."),
        ],
    ),
    data(
        "import_runs",
        "Imports",
        "Each import, seed or re-extraction run and what it did.",
        &[
            ("id", "Run id."),
            ("started_at", "When it started (UTC)."),
            ("finished_at", "When it finished; empty if it was interrupted."),
            ("command", "The command line that ran it."),
            ("imported", "Articles added."),
            ("updated", "Articles whose metadata changed."),
            ("unchanged", "Articles already stored as they were."),
            ("failed", "Files, lines or records that could not be read."),
        ],
    ),
    data(
        "import_errors",
        "Import errors",
        "Every file, line or record an import could not read, and why; the rest of the import went on.",
        &[
            ("id", "Error id."),
            ("run_id", "The import (import_runs.id)."),
            ("path", "The file."),
            ("line", "The line (or record), when one is to blame."),
            ("message", "What was wrong."),
        ],
    ),
    // Summaries behind the reports, kept current by the linker.
    data(
        "outlet_stats",
        "Outlet summaries",
        "Per outlet: the figures report_outlets and report_quote_overlap read.",
        &[
            ("outlet_id", "The outlet (outlets.id)."),
            ("articles", "Articles."),
            ("words", "Words in their bodies."),
            ("quotes", "Body quotations (full and partial)."),
            ("speakers", "Distinct speakers of those quotations."),
            ("first_published", "Earliest publication date."),
            ("last_published", "Latest publication date."),
            ("quotations", "Distinct quotations carried."),
            ("shared", "Of them, how many another outlet carried in the same language."),
            ("unique_quotes", "Of them, how many no other outlet carried in the same language."),
            ("reworded", "Shared quotations it printed only in a wording other than the canonical one."),
            ("languages", "Its articles' languages, most used first (\"en; fr\")."),
            ("translated", "Quotations no other outlet printed in its language that another carried in translation."),
        ],
    ),
    data(
        "outlet_clusters",
        "Quotations by outlet",
        "Which outlet carried which quotation (a fragment counts as its quotation).",
        &[
            ("cluster_id", "The quotation (quote_clusters.id)."),
            ("outlet_id", "The outlet (outlets.id)."),
            ("canonical", "1 if the outlet printed the canonical wording."),
            ("direct", "1 if it printed more than a fragment."),
        ],
    ),
    data(
        "outlet_pair_stats",
        "Outlet pair summaries",
        "Per pair of outlets: quotations both carried in the same language.",
        &[
            ("outlet_a", "The outlet with the lower id (outlets.id)."),
            ("outlet_b", "The other outlet (outlets.id)."),
            ("shared", "Quotations both carried."),
        ],
    ),
    data(
        "outlet_translation_pair_stats",
        "Outlet pair summaries (translations)",
        "Per pair of outlets: statements both carried, but only in different languages.",
        &[
            ("outlet_a", "The outlet with the lower id (outlets.id)."),
            ("outlet_b", "The other outlet (outlets.id)."),
            ("shared", "Statements both carried only in translation."),
        ],
    ),
    data(
        "cluster_stats",
        "Quotation summaries",
        "Per quotation: the figures report_quote_spread reads.",
        &[
            ("cluster_id", "The quotation (quote_clusters.id)."),
            ("outlets", "Outlets that carried it."),
            ("articles", "Articles that carried it."),
            ("wordings", "Distinct wordings printed (fragments aside)."),
            ("fragments", "Fragments of it other articles quoted."),
            ("first_published", "Earliest publication date among its articles."),
            ("first_outlet_id", "Outlet of the earliest article (outlets.id)."),
        ],
    ),
    data(
        "wording_stats",
        "Wording summaries",
        "Per wording of a quotation printed in more than one wording: the figures report_quote_variants reads.",
        &[
            ("wording_id", "The wording (quote_wordings.id)."),
            ("cluster_id", "Its quotation (quote_clusters.id)."),
            ("outlets", "Outlets that printed this wording (\"; \"-separated)."),
            ("articles", "Articles that printed it."),
        ],
    ),
    data(
        "speaker_stats",
        "Speaker summaries",
        "Per speaker: the figures report_speakers reads.",
        &[
            ("speaker_id", "The speaker (speakers.id)."),
            ("quotes", "Body quotations attributed to them."),
            ("articles", "Articles quoting them."),
            ("outlets", "Outlets quoting them."),
            ("first_quoted", "Earliest publication date quoting them."),
            ("last_quoted", "Latest publication date quoting them."),
            ("aliases", "Their other names (\"; \"-separated)."),
        ],
    ),
    data(
        "claim_cluster_stats",
        "Fact summaries",
        "Per fact stated, in the claims report's order: the figures report_claims reads.",
        &[
            ("outlets", "Outlets stating it."),
            ("articles", "Articles stating it."),
            ("score", "Check-worthiness of its canonical claim, 0 to 1."),
            ("cluster_id", "The fact stated (claim_clusters.id)."),
            ("claims", "Claims stating it."),
            ("canonical_text", "Its canonical sentence."),
            ("speaker_id", "Its speaker when reported (speakers.id)."),
            ("facts", "The canonical claim's facts, normalised."),
            ("outlet_names", "The outlets stating it (the first ten, then \"and N more\")."),
            ("first_published", "Earliest publication date."),
            ("first_outlet_id", "Outlet of the earliest article (outlets.id)."),
        ],
    ),
    data(
        "outlet_claim_clusters",
        "Facts by outlet",
        "Which outlet stated which fact.",
        &[("cluster_id", "The fact stated (claim_clusters.id)."), ("outlet_id", "The outlet (outlets.id).")],
    ),
    data(
        "outlet_claim_stats",
        "Outlet claim summaries",
        "Per outlet: the figures report_claim_coverage reads.",
        &[
            ("outlet_id", "The outlet (outlets.id)."),
            ("claims", "Claims in its articles."),
            ("facts", "Facts in those claims."),
            ("clusters", "Distinct facts stated."),
            ("shared", "Of them, stated by another outlet too."),
            ("only_here", "Of them, stated by this outlet alone."),
            ("conflicts", "Conflicts its claims are part of."),
        ],
    ),
    data(
        "outlet_claim_pair_stats",
        "Outlet pair claim summaries",
        "Per pair of outlets: facts both stated.",
        &[
            ("outlet_a", "The outlet with the lower id (outlets.id)."),
            ("outlet_b", "The other outlet (outlets.id)."),
            ("shared", "Facts both stated."),
        ],
    ),
    // Full-text search.
    data(
        "articles_fts",
        "Article search",
        "Full-text index (FTS5) of article titles and bodies: SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'tariffs'.",
        &[("title", "The article's headline, indexed."), ("body", "The article's body, indexed.")],
    ),
    data(
        "quotes_fts",
        "Quotation search",
        "Full-text index (FTS5) of quotations: SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'denuclearization'.",
        &[("text", "The quoted words, indexed.")],
    ),
    // The linkers' machinery.
    machinery(
        "wording_keys",
        "Wording candidate keys",
        "Hashed pairs of content words of each wording: only wordings sharing a key are compared when linking.",
        &[("key", "The hashed key."), ("wording_id", "The wording (quote_wordings.id).")],
    ),
    machinery(
        "article_shingles",
        "Article shingles",
        "A sample of each article's word 3-shingles, hashed, to find articles that share text.",
        &[("hash", "The shingle's hash."), ("article_id", "The article (articles.id).")],
    ),
    machinery(
        "claim_keys",
        "Claim candidate keys",
        "Figures, subjects and content-word pairs of claims, hashed: only claims sharing a key are compared.",
        &[("key", "The hashed key."), ("claim_id", "The claim (claims.id).")],
    ),
    machinery(
        "translation_keys",
        "Translation candidate keys",
        "What survives translation (speaker, figures, names) with the day of a quotation's first article: only quotations sharing a key are compared across languages.",
        &[("key", "The hashed key."), ("cluster_id", "The quotation (quote_clusters.id).")],
    ),
    machinery(
        "wording_vectors",
        "Sentence vectors",
        "Each wording's sentence vector (multilingual encoder), computed once, for linking translations.",
        &[("wording_id", "The wording (quote_wordings.id)."), ("vector", "512 values scaled to bytes.")],
    ),
    machinery(
        "claims_linked",
        "Claim linker's place",
        "Claims with a larger id wait for the claim linker.",
        &[("upto", "The last claim id linked.")],
    ),
    machinery(
        "translations_linked",
        "Translation linker's place",
        "Quotations with a larger id wait to be looked at for translations.",
        &[("upto", "The last quotation id looked at.")],
    ),
    machinery(
        "summary_stale",
        "Stale summaries",
        "Outlets, speakers, quotations and facts whose summaries the next link recomputes.",
        &[("kind", "outlet, speaker, cluster (a quotation) or claim (a fact stated)."), ("id", "Its id.")],
    ),
    machinery(
        "refinery_schema_history",
        "Schema migrations",
        "The schema migrations applied to this archive (newsarchive migrate --status lists them).",
        &[
            ("version", "Migration number (migrations/V{version}__….sql)."),
            ("name", "Migration name."),
            ("applied_on", "When it was applied."),
            ("checksum", "Checksum of the migration's SQL."),
        ],
    ),
    // Views.
    data(
        "unit_clusters",
        "Quoted sentences with their quotations",
        "Each quoted sentence with its wording and quotation; a fragment counts as the quotation it is part of.",
        &[
            ("unit_id", "The sentence (quote_units.id)."),
            ("quote_id", "Its quotation as printed (quotes.id)."),
            ("article_id", "Its article (articles.id)."),
            ("wording_id", "Its wording (quote_wordings.id)."),
            ("cluster_id", "The wording's quotation (quote_clusters.id)."),
            ("root_id", "The quotation it counts for: the longer one for a fragment."),
            ("fragment", "1 if the wording is a fragment of a longer quotation."),
            ("canonical", "1 if it is the canonical wording of its quotation."),
        ],
    ),
    data(
        "claim_differences",
        "Differing facts, side by side",
        "Every conflict and rounding between facts of different articles, with outlet names: report_claim_conflicts shows the conflicts.",
        &[
            ("relation", "conflict or rounding."),
            ("subject", "What both figures measure."),
            ("kind", "The facts' kind."),
            ("unit", "Their unit."),
            ("outlet_a", "Outlet stating fact a (the earlier)."),
            ("figure_a", "Fact a as printed."),
            ("value_a", "Fact a normalised."),
            ("outlet_b", "Outlet stating fact b."),
            ("figure_b", "Fact b as printed."),
            ("value_b", "Fact b normalised."),
            ("difference", "b − a."),
            ("difference_pct", "The difference in percent of the larger value."),
            ("claim_a", "Sentence stating fact a."),
            ("claim_b", "Sentence stating fact b."),
            ("published_a", "Publication date of a."),
            ("published_b", "Publication date of b."),
            ("article_a", "Article of a (articles.id)."),
            ("article_b", "Article of b (articles.id)."),
            ("fact_a", "Fact a (claim_facts.id)."),
            ("fact_b", "Fact b (claim_facts.id)."),
            ("rank", "Ordering key: the difference in percent of the larger value."),
        ],
    ),
    // The reports: `newsarchive report NAME` prints report_NAME.
    data(
        "report_outlets",
        "Report: outlets",
        "Per outlet: articles, languages, words, quotations, speakers, first and last publication (newsarchive report outlets).",
        &[
            ("outlet", "The outlet."),
            ("articles", "Articles in the archive."),
            ("languages", "Languages of its articles, most used first."),
            ("words", "Words in their bodies."),
            ("quotes", "Body quotations (full and partial)."),
            ("speakers", "Distinct speakers quoted."),
            ("first_published", "Earliest publication date."),
            ("last_published", "Latest publication date."),
        ],
    ),
    data(
        "report_quote_overlap",
        "Report: quote overlap",
        "Per outlet: the quotations it carried, how many other outlets carried too (in any language), and how many only it did (newsarchive report quote-overlap).",
        &[
            ("outlet", "The outlet."),
            ("articles", "Its articles."),
            ("quotes", "Distinct quotations it carried."),
            ("shared", "Of them, carried by at least one other outlet, in its language or in translation."),
            ("unique_quotes", "Of them, carried by no other outlet."),
            ("shared_pct", "shared as a percentage of quotes."),
            ("reworded", "Shared quotations it printed only in a wording other than the most widely carried."),
            ("in_translation_only", "Shared quotations another outlet carried only in another language."),
        ],
    ),
    data(
        "report_quote_overlap_same_language",
        "Report: quote overlap, same language",
        "report_quote_overlap counting only quotations carried in the same language (newsarchive report quote-overlap --same-language).",
        &[
            ("outlet", "The outlet."),
            ("articles", "Its articles."),
            ("quotes", "Distinct quotations it carried."),
            ("shared", "Of them, carried by another outlet in the same language."),
            ("unique_quotes", "Of them, carried by no other outlet in the same language."),
            ("shared_pct", "shared as a percentage of quotes."),
            ("reworded", "Shared quotations it printed only in a non-canonical wording."),
        ],
    ),
    data(
        "report_outlet_pairs",
        "Report: outlet pairs",
        "Per pair of outlets: quotations both carried, as a share of each one's (newsarchive report outlet-pairs).",
        &[
            OUTLET_PAIR[0],
            OUTLET_PAIR[1],
            ("shared", "Quotations both carried, in the same language or in translation."),
            ("pct_of_a", "shared as a percentage of outlet_a's quotations."),
            ("pct_of_b", "shared as a percentage of outlet_b's quotations."),
            ("in_translation_only", "Of the shared, those carried only in different languages."),
        ],
    ),
    data(
        "report_outlet_pairs_same_language",
        "Report: outlet pairs, same language",
        "report_outlet_pairs counting only quotations carried in the same language (newsarchive report outlet-pairs --same-language).",
        &[
            OUTLET_PAIR[0],
            OUTLET_PAIR[1],
            ("shared", "Quotations both carried in the same language."),
            ("pct_of_a", "shared as a percentage of outlet_a's quotations."),
            ("pct_of_b", "shared as a percentage of outlet_b's quotations."),
        ],
    ),
    data(
        "report_quote_spread",
        "Report: quotations",
        "Each quotation: speaker, canonical wording, how widely it was carried and in how many wordings, where it first appeared, and its translations (newsarchive report quotes).",
        &[
            ("cluster", "Quotation id (quote_clusters.id)."),
            ("speaker", "Who said it."),
            ("canonical_text", "The most widely carried wording."),
            ("outlets", "Outlets that carried it."),
            ("articles", "Articles that carried it."),
            ("wordings", "Distinct wordings printed."),
            ("fragments", "Fragments of it other articles quoted."),
            ("first_published", "Earliest publication date."),
            ("first_outlet", "Outlet of the earliest article."),
            ("language", "Language it was printed in."),
            ("translations", "Quotations in other languages linked to it as translations."),
            ("translation_outlets", "Outlets that carried those translations."),
            ("translation_languages", "Their languages."),
        ],
    ),
    data(
        "report_quote_variants",
        "Report: quotation variants",
        "Every quotation printed in more than one wording, each wording with the word edits that turn it into the canonical one: the misquote detector (newsarchive report quote-variants).",
        &[
            ("cluster", "Quotation id (quote_clusters.id)."),
            ("speaker", "Who said it."),
            ("canonical_text", "The most widely carried wording."),
            ("wording", "This wording as printed."),
            ("canonical", "1 for the canonical wording itself."),
            ("diff", "Word edits from this wording to the canonical one (\"got→get, +the\")."),
            ("outlets", "Outlets that printed this wording."),
            ("articles", "Articles that printed it."),
        ],
    ),
    data(
        "report_translations",
        "Report: translations",
        "Each pair of quotations linked as translations: both wordings, their languages and outlets, the speaker and how alike they are (newsarchive report translations).",
        &[
            ("statement", "The statement both belong to (quote_statements.statement_id)."),
            ("cluster_a", "The first quotation (quote_clusters.id)."),
            ("language_a", "Its language."),
            ("text_a", "Its canonical wording."),
            ("outlets_a", "Outlets that carried it."),
            ("cluster_b", "The second quotation (quote_clusters.id)."),
            ("language_b", "Its language."),
            ("text_b", "Its canonical wording."),
            ("outlets_b", "Outlets that carried it."),
            ("speaker", "Who said it."),
            ("similarity", "Cosine of their sentence vectors."),
        ],
    ),
    data(
        "report_article_similarity",
        "Report: article similarity",
        "Pairs of articles sharing at least 30% of one's sentences: the share of each found in the other and the likely source (newsarchive report article-similarity).",
        &[
            ("article_a", "Outlet and headline of the first article."),
            ("article_b", "Outlet and headline of the second article."),
            ("a_in_b_pct", "Percentage of a's sentences found in b."),
            ("b_in_a_pct", "Percentage of b's sentences found in a."),
            ("likely_source", "a or b: the one the other likely copied, when dates or containment tell."),
            ("source_reason", "Why: 'published earlier' or 'contained in the other'."),
            ("a_id", "Article a (articles.id)."),
            ("b_id", "Article b (articles.id)."),
        ],
    ),
    data(
        "report_speakers",
        "Report: speakers",
        "Per speaker: kind, quotations, articles and outlets quoting them, first and last quoted, aliases (newsarchive report speakers).",
        &[
            ("speaker", "The speaker."),
            ("kind", "person, role, organisation or anonymous."),
            ("quotes", "Body quotations attributed to them."),
            ("articles", "Articles quoting them."),
            ("outlets", "Outlets quoting them."),
            ("first_quoted", "Earliest publication date quoting them."),
            ("last_quoted", "Latest publication date quoting them."),
            ("aliases", "Other names they go by."),
        ],
    ),
    data(
        "report_claims",
        "Report: claims",
        "Each fact stated: canonical sentence, normalised facts, speaker when reported, how widely stated, check-worthiness, first appearance (newsarchive report claims).",
        &[
            ("cluster", "Id of the fact stated (claim_clusters.id)."),
            ("speaker", "Who made the statement, when reported."),
            ("canonical_text", "The sentence of the most widely carried claim."),
            ("facts", "Its normalised facts."),
            ("outlets", "Outlets stating it."),
            ("articles", "Articles stating it."),
            ("claims", "Claims stating it."),
            ("outlet_names", "The outlets stating it (the first ten, then \"and N more\")."),
            ("score", "Check-worthiness, 0 to 1."),
            ("first_published", "Earliest publication date."),
            ("first_outlet", "Outlet of the earliest article."),
        ],
    ),
    data(
        "report_claim_coverage",
        "Report: claim coverage",
        "Per outlet: claims, facts, distinct facts stated, how many others stated too, how many only it stated, conflicts (newsarchive report claim-coverage).",
        &[
            ("outlet", "The outlet."),
            ("articles", "Its articles."),
            ("claims", "Claims in them."),
            ("facts", "Facts in those claims."),
            ("stated", "Distinct facts stated."),
            ("shared", "Of them, stated by at least one other outlet."),
            ("only_here", "Of them, stated by this outlet alone: the other outlets' blindspots."),
            ("shared_pct", "shared as a percentage of stated."),
            ("conflicts", "Conflicts its claims are part of."),
        ],
    ),
    data(
        "report_claim_outlet_pairs",
        "Report: claim outlet pairs",
        "Per pair of outlets: facts both stated, as a share of each one's (newsarchive report claim-outlet-pairs).",
        &[
            OUTLET_PAIR[0],
            OUTLET_PAIR[1],
            ("shared", "Facts both stated."),
            ("pct_of_a", "shared as a percentage of outlet_a's facts."),
            ("pct_of_b", "shared as a percentage of outlet_b's facts."),
        ],
    ),
    data(
        "report_claim_conflicts",
        "Report: claim conflicts",
        "The same subject in the same story with incompatible figures, side by side, largest difference first (newsarchive report claim-conflicts).",
        &[
            ("subject", "What both figures measure."),
            ("kind", "The facts' kind (money, number, date, …)."),
            ("unit", "Their unit."),
            ("outlet_a", "Outlet stating the earlier figure."),
            ("figure_a", "Its figure as printed."),
            ("value_a", "Its figure normalised."),
            ("outlet_b", "Outlet stating the other figure."),
            ("figure_b", "That figure as printed."),
            ("value_b", "That figure normalised."),
            ("difference", "b − a: in the unit, days between dates, years between years."),
            ("difference_pct", "The difference in percent of the larger value."),
            ("claim_a", "Sentence stating the first figure."),
            ("claim_b", "Sentence stating the second."),
            ("published_a", "Publication date of the first."),
            ("published_b", "Publication date of the second."),
            ("article_a", "Article of the first (articles.id)."),
            ("article_b", "Article of the second (articles.id)."),
        ],
    ),
    data(
        "report_blindspots",
        "Report: blindspots",
        "What other outlets stated about the stories an outlet covered that the outlet did not (newsarchive report blindspots --outlet NAME).",
        &[
            ("outlet", "The outlet whose blindspot it is."),
            ("cluster", "The fact it did not state (claim_clusters.id)."),
            ("canonical_text", "The sentence stating it."),
            ("facts", "Its normalised facts."),
            ("outlets", "How many outlets stated it."),
            ("stated_by", "Which outlets stated it."),
            ("first_published", "Earliest publication date."),
        ],
    ),
    data(
        "transcripts",
        "Primary sources",
        "The records of what was said at events — official transcripts, interview transcripts, captions files — imported with import --primary (or kind = primary). Never an outlet's article; quotations of the same event are checked against them.",
        &[
            ("id", "Transcript id."),
            ("source_path", "The file it was imported from; FILE:LINE for a corpus line."),
            (
                "layout",
                "How it was read: transcript (speaker labels), interview (names with timestamps), webvtt or srt.",
            ),
            ("title", "Its title: the manifest's, else the first heading line."),
            ("held_on", "Date of the event (ISO 8601): the manifest's published date, else one in the heading."),
            ("language", "Language of the spoken text (ISO 639-1), given or detected."),
            ("url", "Where the record was published."),
            (
                "text",
                "The spoken words only — no labels, stage directions or cue timings — one paragraph per turn; turns point into it.",
            ),
            ("content_sha256", "SHA-256 of the spoken text: the same record is stored once."),
            ("media_type", "MIME type of the source bytes."),
            ("size", "Size of the source in bytes."),
            ("raw_zstd", "The source bytes, zstd-compressed."),
            ("import_run_id", "The import that stored it (import_runs.id)."),
            ("imported_at", "When it was stored (UTC)."),
        ],
    ),
    data(
        "transcript_turns",
        "Turns of primary sources",
        "What one speaker said before another spoke, with the speaker as labelled and as resolved to the archive's speakers.",
        &[
            ("id", "Turn id."),
            ("transcript_id", "The record (transcripts.id)."),
            ("seq", "Its place in the record, from 0."),
            (
                "label",
                "The speaker as the record names them (\"President Trump\", \"Q\"); empty for an unvoiced caption.",
            ),
            ("role", "What the label adds after the name (\"President of the United States\")."),
            ("speaker_id", "The archive's speaker the label names, once resolved (speakers.id)."),
            ("start", "Character offset of the turn's words in transcripts.text."),
            ("end", "Character offset where they end: substr(text, start + 1, end - start)."),
            ("line", "Source line where the turn starts."),
            ("start_ms", "Milliseconds from the start of the recording, where the source gives them."),
            ("end_ms", "Milliseconds where the turn ends, where the source gives them."),
            ("interpreted", "1 when the words were spoken through an interpreter."),
        ],
    ),
    data(
        "quote_fidelity",
        "Quotations against the record",
        "Each quotation checked against the record of its event, with its class and the record's words it stands for; quotations of events without a record have no row.",
        &[
            ("quote_id", "The quotation as printed (quotes.id)."),
            ("transcript_id", "The record it was checked against (transcripts.id)."),
            (
                "class",
                "verbatim, trimmed (only marked cuts and insertions), altered, stitched (passages from different places), misattributed (said by someone else), translated (in another language than the record) or not_in_record.",
            ),
            (
                "turn_id",
                "The turn holding the record's words (transcript_turns.id); empty for translated and not_in_record.",
            ),
            ("start", "Character offset of the record's words in transcripts.text."),
            ("end", "Where the record's words end."),
            ("passages", "How many places in the record its words come from."),
            ("similarity", "1 for the same words; for altered ones twice the words in common over the words of both."),
            ("diff", "Word edits from the record's words to the quotation's: \"would→will, -really, +very\"."),
            ("outlet_id", "The outlet of the quotation's article (outlets.id), kept here for the per-outlet summary."),
        ],
    ),
    data(
        "fidelity_outlet_stats",
        "Fidelity per outlet",
        "Per outlet: its quotations checked against the record, by class; the figures report_fidelity_outlets reads. Kept by the fidelity pass and by triggers; newsarchive link --rebuild recounts it.",
        &[
            ("outlet_id", "The outlet (outlets.id)."),
            ("verbatim", "Quotations with the record's words in order."),
            ("trimmed", "Quotations with the record's words apart from marked cuts and insertions."),
            ("altered", "Quotations with words changed, added or dropped unmarked."),
            ("stitched", "Quotations joining passages from different places."),
            ("misattributed", "Quotations whose words someone else said."),
            ("not_in_record", "Quotations the record of their speaker's event does not hold."),
            ("translated", "Quotations in another language than the record."),
        ],
    ),
    data(
        "fidelity_passages",
        "Passages of checked quotations",
        "Every place in the record a checked quotation's words come from, in the quotation's order.",
        &[
            ("quote_id", "The quotation (quote_fidelity.quote_id)."),
            ("seq", "Order in the quotation, from 0."),
            ("turn_id", "The turn (transcript_turns.id)."),
            ("start", "Character offset in transcripts.text."),
            ("end", "Where the passage ends."),
        ],
    ),
    machinery(
        "fidelity_checked",
        "Articles checked against the records",
        "Articles whose quotations have been checked against the records there are; a new record of their days, or new quotations, check them again.",
        &[("article_id", "The article (articles.id).")],
    ),
    data(
        "report_fidelity",
        "Report: fidelity",
        "Each quotation checked against the record of its event, with the record's words beside the outlet's (newsarchive report fidelity).",
        &[
            ("quote_id", "The quotation as printed (quotes.id)."),
            ("outlet", "The outlet that printed it."),
            ("article_id", "Its article (articles.id)."),
            ("published_at", "When the article was published."),
            ("speaker", "Who the article says said it."),
            ("quote", "The quotation as printed."),
            ("class", "verbatim, trimmed, altered, stitched, misattributed, translated or not_in_record."),
            ("said_by", "Who said the words in the record."),
            ("record_words", "The record's words the quotation stands for."),
            ("diff", "Word edits from the record's words to the quotation's."),
            ("similarity", "How close the words are (1: the same)."),
            ("passages", "Places in the record its words come from."),
            ("transcript", "The record's title."),
            ("transcript_id", "The record (transcripts.id)."),
        ],
    ),
    data(
        "report_fidelity_outlets",
        "Report: fidelity per outlet",
        "Per outlet: quotations checked against a record in their own language and the share of each class (newsarchive report fidelity-outlets).",
        &[
            ("outlet", "The outlet."),
            ("checked", "Its quotations checked against a record in their own language."),
            ("verbatim_pct", "Of them, percent printed word for word."),
            ("trimmed_pct", "Percent with only marked cuts and insertions."),
            ("altered_pct", "Percent with words changed, added or dropped unmarked."),
            ("stitched_pct", "Percent joining passages from different places."),
            ("misattributed_pct", "Percent said by someone else in the record."),
            ("not_in_record_pct", "Percent whose words are not in the record of their event."),
            ("translated", "Quotations checked against a record in another language (not in the percentages)."),
        ],
    ),
    data(
        "global_links",
        "Links across shards: loads",
        "Where the links computed across shards by the Spark job (spark/link.py) came from, as loaded by newsarchive import-links.",
        &[
            ("dir", "The job's output directory, as given."),
            ("loaded_at", "When it was loaded (UTC)."),
            ("wordings", "Of this archive's wordings, how many the job linked."),
            ("outlets", "Outlets in all shards."),
            ("claims", "Of this archive's claims, how many the job linked."),
        ],
    ),
    data(
        "global_wordings",
        "Links across shards: wordings",
        "Each wording of this archive and the quotation it belongs to across all shards, as the Spark job linked them (newsarchive import-links).",
        &[
            ("normalized", "The wording's normalized text (quote_wordings.normalized), the key every shard shares."),
            ("cluster", "The job's cluster of near-identical wordings."),
            ("root", "The quotation it counts as: the cluster, or the longer quotation it is a fragment of."),
            ("canonical", "1 if it is its cluster's most widely carried wording."),
            ("outlets", "How many outlets, in all shards, carried the quotation."),
        ],
    ),
    data(
        "global_quote_overlap",
        "Links across shards: quote overlap",
        "The Spark job's quote-overlap report over all shards, as loaded (see report_quote_overlap_global).",
        &GLOBAL_OVERLAP,
    ),
    data(
        "global_outlet_pairs",
        "Links across shards: outlet pairs",
        "The Spark job's outlet pairs over all shards, as loaded (see report_outlet_pairs_global).",
        &GLOBAL_PAIRS,
    ),
    data(
        "report_quote_overlap_global",
        "Report: quote overlap across shards",
        "Per outlet of every shard: quotations carried, shared with another outlet of any shard, unique, reworded (newsarchive report quote-overlap-global, after import-links).",
        &GLOBAL_OVERLAP,
    ),
    data(
        "report_outlet_pairs_global",
        "Report: outlet pairs across shards",
        "Per pair of outlets of any shards: quotations both carried (newsarchive report outlet-pairs-global, after import-links).",
        &GLOBAL_PAIRS,
    ),
    data(
        "global_claims",
        "Links across shards: claims",
        "Each claim of this archive and the fact it states across all shards, as the Spark job linked them (newsarchive import-links).",
        &[
            ("article_sha256", "Its article's content hash (articles.content_sha256), the key every shard shares."),
            ("start", "Its offset in the article's body (claims.start)."),
            ("cluster", "The job's claim cluster: the fact, across shards."),
            ("outlets", "How many outlets, in all shards, stated the fact."),
        ],
    ),
    data(
        "global_claim_coverage",
        "Links across shards: claim coverage",
        "The Spark job's claim-coverage report over all shards, as loaded (see report_claim_coverage_global).",
        &GLOBAL_COVERAGE,
    ),
    data(
        "global_claim_outlet_pairs",
        "Links across shards: claim outlet pairs",
        "The Spark job's claim outlet pairs over all shards, as loaded (see report_claim_outlet_pairs_global).",
        &GLOBAL_CLAIM_PAIRS,
    ),
    data(
        "global_article_similarity",
        "Links across shards: article similarity",
        "The Spark job's pairs of articles sharing text of which at least one is in this archive, as loaded (see report_article_similarity_global).",
        &[
            ("rank", "Its place in the job's report (most shared first)."),
            GLOBAL_SIMILARITY[0],
            GLOBAL_SIMILARITY[1],
            GLOBAL_SIMILARITY[2],
            GLOBAL_SIMILARITY[3],
            GLOBAL_SIMILARITY[4],
            GLOBAL_SIMILARITY[5],
            ("a_sha256", "Article a's content hash."),
            ("b_sha256", "Article b's content hash."),
        ],
    ),
    data(
        "report_claim_coverage_global",
        "Report: claim coverage across shards",
        "Per outlet of every shard: claims, facts stated, shared with another outlet of any shard, its own, conflicts (newsarchive report claim-coverage-global, after import-links).",
        &GLOBAL_COVERAGE,
    ),
    data(
        "report_claim_outlet_pairs_global",
        "Report: claim outlet pairs across shards",
        "Per pair of outlets of any shards: facts both stated (newsarchive report claim-outlet-pairs-global, after import-links).",
        &GLOBAL_CLAIM_PAIRS,
    ),
    data(
        "report_article_similarity_global",
        "Report: article similarity across shards",
        "Pairs of articles sharing text, in any shard, one of which is in this archive (newsarchive report article-similarity-global, after import-links).",
        &[
            GLOBAL_SIMILARITY[0],
            GLOBAL_SIMILARITY[1],
            GLOBAL_SIMILARITY[2],
            GLOBAL_SIMILARITY[3],
            GLOBAL_SIMILARITY[4],
            GLOBAL_SIMILARITY[5],
            ("a_here", "1 if article a is in this archive."),
            ("b_here", "1 if article b is in this archive."),
            ("a_sha256", "Article a's content hash (articles.content_sha256 where it is here)."),
            ("b_sha256", "Article b's content hash."),
        ],
    ),
    data(
        "report_claims_global",
        "Report: this archive's facts across shards",
        "Each fact this archive states with how many outlets stated it here and in all shards (newsarchive report claims-global, after import-links).",
        &[
            ("global_fact", "The fact's id across shards (global_claims.cluster)."),
            ("text", "Its first claim here, as printed."),
            ("outlets_here", "Outlets of this archive that stated it."),
            ("outlets_anywhere", "Outlets of all shards that stated it."),
        ],
    ),
    data(
        "report_quotations_global",
        "Report: this archive's quotations across shards",
        "Each quotation of this archive with how many outlets carried it here and in all shards (newsarchive report quotations-global, after import-links).",
        &[
            ("global_quotation", "The quotation's id across shards (global_wordings.root)."),
            ("text", "Its canonical wording as printed here."),
            ("outlets_here", "Outlets of this archive that carried it."),
            ("outlets_anywhere", "Outlets of all shards that carried it."),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Archive;

    /// Every table, view and column of a freshly migrated archive.
    fn schema() -> Vec<(String, Vec<String>)> {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open(&dir.path().join("a.db")).unwrap();
        archive.relations().unwrap()
    }

    #[test]
    fn every_table_view_and_column_is_described() {
        let mut missing = Vec::new();
        for (name, columns) in schema() {
            let Some(d) = describe(&name) else {
                missing.push(name);
                continue;
            };
            let described: Vec<&str> = d.columns.iter().map(|(c, _)| *c).collect();
            assert_eq!(described, columns, "columns of {name}, in order, each described once");
            assert!(d.title.len() > 3 && d.description.len() > 20, "{name} says what it is");
            for (column, text) in d.columns {
                assert!(text.len() > 3 && text.ends_with(['.', ')']), "{name}.{column}: {text:?}");
            }
        }
        assert!(missing.is_empty(), "not described: {missing:?}");
    }

    #[test]
    fn nothing_described_is_gone() {
        let schema = schema();
        let exists = |name: &str| schema.iter().find(|(n, _)| n == name);
        let gone: Vec<&str> = RELATIONS.iter().map(|r| r.name).filter(|n| exists(n).is_none()).collect();
        assert!(gone.is_empty(), "described but not in the archive: {gone:?}");
        for b in BROWSE {
            let (_, columns) = exists(b.relation).unwrap_or_else(|| panic!("{} is browsed but gone", b.relation));
            let named = b.facets.iter().chain(&b.sort_desc).chain(&b.label_column);
            for c in named {
                assert!(columns.iter().any(|x| x == c), "{}.{c} is browsed but gone", b.relation);
            }
        }
    }
}
