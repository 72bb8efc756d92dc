"""Cross-shard quote linking for newsarchive Parquet shards.

Usage
-----
    PYSPARK_PYTHON=spark/.venv/bin/python \\
        spark/.venv/bin/spark-submit --master 'local[*]' \\
        spark/link.py --out OUTDIR SHARD_DIR [SHARD_DIR ...] [--partitions N] [--counts]
        [--newsarchive PATH]

(with the venv activated, plain `spark-submit spark/link.py ...`; or
`spark/.venv/bin/python spark/link.py ...`, which starts a local Spark
itself). Every SHARD_DIR is what `newsarchive export --format parquet
--dir SHARD_DIR` wrote; the order they are given in does not matter. On
small inputs Spark's start and the JVM's compiler dominate: adding
`--driver-java-options -XX:TieredStopAtLevel=1` to spark-submit makes the
seed's run about a third shorter (leave it out on large inputs).

The job writes, as Parquet under OUTDIR (each directory complete when
Spark's `_SUCCESS` is in it):

    wording_clusters/        wording_normalized, cluster, root, canonical,
                             outlets (that carried the root, in all shards):
                             what `newsarchive import-links` loads back
    quote_clusters/          cluster, fragment_of, root, speaker, canonical_text,
                             wordings, outlets, articles (the cluster's own),
                             quotation_outlets, quotation_articles (its root's)
    report_quote_overlap/    = view report_quote_overlap_same_language
    report_outlet_pairs/     = view report_outlet_pairs_same_language
    report_quote_variants/   cluster, speaker, canonical_text, wording,
                             canonical, outlets, articles (as the view
                             report_quote_variants, without `diff`)
    article_pairs/           article_a_sha256, article_b_sha256, a_sentences,
                             a_found, b_sentences, b_found,
                             likely_source_sha256, source_reason (as the
                             table article_pairs: a is the earlier)
    report_article_similarity/ = view report_article_similarity, with
                             a_sha256, b_sha256 for the archive's ids
    claim_clusters/          article_sha256, start (a claim), cluster (the
                             fact it states), outlets (that state it)
    report_claim_coverage/   = view report_claim_coverage
    report_claim_outlet_pairs/ = view report_claim_outlet_pairs

The reports are one file each, rows in the views' order. On standard
error it prints one line per stage, `link.py: stage NAME SECONDS s`, for
the benchmark: start (Spark's own start-up), read, candidates, verify,
components, fragments, reports, articles, claims, write; `--counts` adds
the rows each stage made (at the cost of a Spark job each, not timed).

Claims and articles are compared by newsarchive itself: the job ships
the binary (`--newsarchive`, by default the one on PATH or this
checkout's target/release/newsarchive) to every executor with
`SparkContext.addFile` and pipes each batch of candidate pairs through
`newsarchive compare claims|articles` (JSON lines in and out), so a
cluster decides which claims state one fact and which article reuses
which with the very code one archive decides it with. Executors must be
able to run it: the same OS and architecture as the machine it was built
on (a static build, `--target x86_64-unknown-linux-musl`, runs anywhere).

What it reproduces
------------------
The local archive links quoted sentences in one greedy pass over its
wordings in id order (src/link/mod.rs `link_quotes`): a wording joins the
cluster of its most similar near-duplicate candidate whose cluster's
speaker is compatible; otherwise it founds a cluster, which becomes a
fragment of a containing candidate's quotation, or gathers as fragments
the quotations it contains. The reports count, per outlet, the quotations
(clusters that are not fragments, with their fragments) it carried
(src/store/link.rs, `refresh_*`; migrations V6 and V13).

Shards share no id order, so every wording is first given a global,
order-independent rank that stands in for the archive's id: the place of
its first printing, by (dated before undated, publication date, article
content hash, position of the quoted sentence in its article). Every
decision the archive makes "by id" -- the greedy order, the 64 newest
postings read per key, ties between candidates, the earliest of equally
carried wordings, a wording's speaker (that of the first quote printing it
that names one) -- is made by this rank. The result is then exactly what
one archive holding every shard's articles would compute had it imported
them in that order (checked on the seed and on a 3,000-article synthetic
corpus split in two and in three overlapping shards).

Algorithm (stages)
------------------
read        the shards' articles (deduplicated by content hash), quoted
            sentences (deduplicated by article and position) with their
            quote's speaker, wordings (by normalized text) and the
            linker's candidate keys (`wording_keys`: the key hash is not
            re-implemented here); then the global rank.
candidates  a self-join of the keys: each wording is paired, per key,
            with the KEY_LIMIT (64) wordings just before it in rank order
            that hold the key -- exactly the postings the local linker
            reads -- pairs are counted by keys shared, and each wording
            keeps its 30 best (most keys shared, then earliest), in the
            order `candidates::find` returns them.
verify      a vectorised Python UDF (LCS of words, contiguous-run test)
            tells, for each candidate pair, the relation the greedy loop
            acts on: near duplicate (and how near), fragment of the
            candidate, or containing it. Unrelated pairs are dropped.
components  connected components of the related pairs, by iterative
            min-label propagation with pointer jumping. No decision of the
            greedy pass crosses a component: a wording only joins, becomes
            a fragment of, or gathers clusters of wordings it is related to.
fragments   within each component (a cogrouped pandas function, the
            components in parallel), the greedy pass is replayed in rank
            order: best compatible near duplicate, else a new cluster,
            fragment of a containing candidate's quotation or gathering the
            quotations it contains. Replaying the decisions, rather than
            merging every near-duplicate edge, is what keeps chains of
            variants and speaker conflicts apart exactly as the archive
            does. It is linear in the component's candidate pairs; a
            component can still be large where formulaic phrasing chains
            many quotations (the synthetic corpus: 4,051 of 10,872
            wordings in one), and is then replayed in one task -- the job's
            one sequential part. Wordings in no component found clusters of
            their own.
reports     canonical wordings (most outlets, then most articles, then
            earliest), which outlet carried which quotation (directly, in
            its canonical wording), per outlet and per pair of outlets.
articles    text reuse (src/link/mod.rs `link_articles`): articles ranked
            by first printing; each reads, per sampled shingle (the
            shards' `article_shingles`), the earlier articles holding it
            unless more than KEY_LIMIT do; pairs sharing two or more, the
            20 best per article, compared by `newsarchive compare
            articles`; kept from 20% of sentences found, reported from 30%.
claims      facts (`plan_claims`): claims ranked by first printing, then
            offset; candidates by the shards' `claim_keys` (16 per key, 16
            per claim; one read more than 32,768 claims before only when it
            shares two keys), compared by `newsarchive compare claims`;
            the greedy pass (the strongest cluster stating the same fact,
            unless a claim of it states that figure differently) replayed
            within components; conflicts kept when their articles are of
            one story (one reuses the other's text, or they state a fact
            fewer than 65 claims state); coverage per outlet and pair.
write       Parquet.

Divergences from a single archive holding every shard
-----------------------------------------------------
* Order: an archive's greedy order is the order it imported articles in,
  which shards do not record; the rank above stands in for it. Where the
  result depends on the order it can differ from an archive that imported
  the same articles in another order, as much as two such archives differ
  from each other (on the synthetic corpus, whose formulaic quotations are
  very order-sensitive, that is most outlets' figures).
* One pass: every wording is linked as in a single linking pass (the
  linker's round is 100,000 articles). An archive built by several imports
  links each import's wordings against clusters whose speaker has since
  become their majority speaker; here a cluster's speaker while linking is
  its founder's, as within one pass.
* Speakers are compared by name (a quote's `speaker` companion), not by an
  archive's ids; names a shard merged after linking (one-word speakers
  joined to a full name) are compared as merged.
* Printed text: shards export a wording's text as first printed in their
  own import order, not each printing's; `canonical_text` and `wording`
  are the text of the shard that printed the wording first, which may
  differ from the archive's in case and punctuation.
* Ids: a cluster's id is its founding wording's rank (1-based), the same
  for the same shards whatever their order; not any archive's ids.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import warnings
from functools import reduce
from typing import Callable, Iterator

STARTED = time.perf_counter()

# The binary `make build` makes in the checkout this file is in.
BUILT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "target", "release", "newsarchive")

# PySpark 4.3 warns that it does not fully support pandas 3 (the pinned
# version); the job uses pandas only to hand batches to Python functions,
# which the tests of this job exercise, so the warning is noise here.
warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)

# The Python workers must run the interpreter that has pandas and pyarrow
# (the venv's); PySpark hands the driver's PYSPARK_PYTHON to the workers.
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

import pandas as pd  # noqa: E402
from pyspark.sql import DataFrame, SparkSession, Window  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402
from pyspark.sql import types as T  # noqa: E402

# The linker's constants (src/link/quotes.rs, candidates.rs, mod.rs).
NEAR = 0.7  # similarity from which two wordings are one quotation
MIN_WORDS = 4  # shorter wordings are joined only when identical
MIN_FRAGMENT_WORDS = 3  # shortest fragment linked to its quotation
KEY_LIMIT = 64  # candidates read per key, the newest first
CANDIDATES = 30  # candidates compared per wording
MAX_CELLS = 4_000_000  # largest LCS table before the ends-only bound

# The claim linker's (src/link/mod.rs `CLAIM_SEARCH`, `RECENT_CLAIMS`,
# `COMMON_FACT`) and the article linker's (mod.rs, articles.rs).
CLAIM_KEY_LIMIT = 16  # claims read per key, the newest first
CLAIM_CANDIDATES = 16  # candidates compared per claim
RECENT_CLAIMS = 32_768  # claims compared on one shared key
COMMON_FACT = KEY_LIMIT + 1  # a fact this many claims state tells no story
FACT_SLOTS = 1_000  # a fact's id here: its claim's rank * FACT_SLOTS + its place
ARTICLE_CANDIDATES = 20  # articles compared per article
ARTICLE_MIN_SHARED = 2  # sampled shingles a candidate shares
ARTICLE_STORE = 0.2  # share of sentences found from which a pair is kept
ARTICLE_REPORT = 0.3  # and from which the similarity report shows it

# Relations of a candidate pair (earlier wording a, later wording b), in
# the order the greedy loop tests them.
NONE, NEAR_DUP, B_IN_A, A_IN_B = 0, 1, 2, 3


# --------------------------------------------------------------------------
# Word comparisons: the same arithmetic as src/link/quotes.rs.
# --------------------------------------------------------------------------


def similarity(a: list[str], b: list[str]) -> float:
    """Twice the longest common subsequence of words over the words of both."""
    if not a or not b:
        return 0.0
    # Shared ends belong to a longest common subsequence; leaving them out of
    # the table makes near-identical wordings cheap (as the Rust does).
    n = min(len(a), len(b))
    prefix = 0
    while prefix < n and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < n - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    a_mid, b_mid = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    if len(a_mid) * len(b_mid) > MAX_CELLS:
        # The Rust gives up on the table here and keeps the ends as a lower
        # bound; the same bound keeps the same decisions.
        return 2.0 * (prefix + suffix) / (len(a) + len(b))
    common = prefix + suffix + lcs_length(a_mid, b_mid)
    return 2.0 * common / (len(a) + len(b))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of a longest common subsequence of words, bit-parallel.

    The same number the Rust's dynamic-programming table gives, but with
    one row of the table held as the bits of a Python integer and updated
    by a few integer operations per word of `b` (Crochemore et al., 2001):
    about ten times faster than filling the table cell by cell in Python,
    and this is the job's most frequent computation. Bit i of `v` is 0
    where row i of the table steps up; the zeros count the length.
    """
    if not a or not b:
        return 0
    positions: dict[str, int] = {}
    for i, x in enumerate(a):
        positions[x] = positions.get(x, 0) | (1 << i)
    full = (1 << len(a)) - 1
    v = full
    for y in b:
        m = positions.get(y)
        if m:
            u = v & m
            v = ((v + u) | (v & ~m)) & full
    return len(a) - v.bit_count()


def near_duplicate(a: list[str], b: list[str]) -> float | None:
    """Their similarity if two wordings are one quotation, else None."""
    possible = 2.0 * min(len(a), len(b)) >= NEAR * (len(a) + len(b))
    if len(a) < MIN_WORDS or len(b) < MIN_WORDS or not possible:
        return None
    s = similarity(a, b)
    return s if s >= NEAR else None


def fragment_of(short: str, n_short: int, long: str, n_long: int) -> bool:
    """Whether `short` stands, word for word, inside the longer `long`.

    Normalized text is words joined by single spaces, so a contiguous run
    of words is a substring bounded by spaces (or the ends).
    """
    return n_short >= MIN_FRAGMENT_WORDS and n_long > n_short and f" {short} " in f" {long} "


def relation(a_text: str, b_text: str) -> tuple[int, float | None]:
    """What the greedy loop does with candidate `a` when linking `b`."""
    a, b = a_text.split(" "), b_text.split(" ")
    sim = near_duplicate(b, a)
    if sim is not None:
        return NEAR_DUP, sim
    if fragment_of(b_text, len(b), a_text, len(a)):
        return B_IN_A, None
    if fragment_of(a_text, len(a), b_text, len(b)):
        return A_IN_B, None
    return NONE, None


RELATION = T.StructType([T.StructField("kind", T.IntegerType()), T.StructField("sim", T.DoubleType())])


@F.pandas_udf(RELATION)
def relation_udf(a: pd.Series, b: pd.Series) -> pd.DataFrame:
    # Vectorised over Arrow batches: one Python call per batch, not per pair.
    kinds, sims = [], []
    for x, y in zip(a, b):
        k, s = relation(x, y)
        kinds.append(k)
        sims.append(s)
    return pd.DataFrame({"kind": pd.array(kinds, dtype="Int32"), "sim": pd.array(sims, dtype="Float64")})


# --------------------------------------------------------------------------
# The greedy pass, replayed within one component.
# --------------------------------------------------------------------------

REPLAY = "ord long, cluster long, fragment_of long"


def replay(nodes: pd.DataFrame, cands: pd.DataFrame) -> pd.DataFrame:
    """`link_quotes` over one component's wordings, in rank order.

    nodes: ord, speaker. cands: b, a, crank, kind, sim -- the related
    candidates `a` (earlier) of each wording `b`, in candidate order.
    A cluster's id is the rank of the wording that founded it.
    """
    by_b: dict[int, list[tuple[int, int, float]]] = {}
    for b, a, _, kind, sim in cands.sort_values(["b", "crank"]).itertuples(index=False):
        by_b.setdefault(int(b), []).append((int(a), int(kind), sim))
    cluster_of: dict[int, int] = {}
    speaker_of: dict[int, str | None] = {}  # a cluster's speaker: its founder's
    fragment: dict[int, int] = {}  # cluster -> the cluster it is a fragment of
    out_ord, out_cluster = [], []
    for ord_, speaker in nodes.sort_values("ord")[["ord", "speaker"]].itertuples(index=False):
        ord_ = int(ord_)
        speaker = None if pd.isna(speaker) else speaker
        best: tuple[float, int] | None = None
        container: int | None = None
        contained: list[int] = []
        for a, kind, sim in by_b.get(ord_, []):
            c = cluster_of[a]
            cs = speaker_of[c]
            if speaker is not None and cs is not None and speaker != cs:
                continue
            if kind == NEAR_DUP:
                # Strictly greater: of equals, the first in candidate order.
                if best is None or sim > best[0]:
                    best = (sim, c)
            elif kind == B_IN_A:
                if container is None:
                    # One level, as `Clusters::root` reads it.
                    container = fragment.get(c, c)
            elif kind == A_IN_B:
                contained.append(c)
        if best is not None:
            cluster = best[1]
        else:
            cluster = ord_
            speaker_of[cluster] = speaker
            if container is not None:
                fragment[cluster] = container
            else:
                # A longer quotation arriving after its fragments gathers
                # those that are quotations of their own.
                for d in contained:
                    if d != cluster and d not in fragment:
                        fragment[d] = cluster
        cluster_of[ord_] = cluster
        out_ord.append(ord_)
        out_cluster.append(cluster)
    return pd.DataFrame(
        {
            "ord": pd.array(out_ord, dtype="Int64"),
            "cluster": pd.array(out_cluster, dtype="Int64"),
            "fragment_of": pd.array([fragment.get(c) for c in out_cluster], dtype="Int64"),
        }
    )


# --------------------------------------------------------------------------
# Spark plumbing.
# --------------------------------------------------------------------------


class Stages:
    """Times stages; each ends by materialising what it computed, so the
    time is the stage's own and not paid later by a lazy plan. With
    `counts`, each line also says how many rows the stage made (a Spark
    job each, after the time is taken)."""

    def __init__(self, counts: bool, since: float) -> None:
        self.counts = counts
        self.start = since

    def done(self, name: str, *made: tuple[str, DataFrame | Callable[[], int]]) -> None:
        elapsed = time.perf_counter() - self.start
        extra = ""
        if self.counts and made:
            # A figure is a DataFrame's row count, or what a function says.
            figures = [(n.count() if isinstance(n, DataFrame) else n(), what) for what, n in made]
            extra = " (" + ", ".join(f"{n} {what}" for n, what in figures) + ")"
        print(f"link.py: stage {name} {elapsed:.2f} s{extra}", file=sys.stderr, flush=True)
        self.start = time.perf_counter()


def materialise(df: DataFrame) -> DataFrame:
    """Computes `df` once, cutting its lineage: what later stages read."""
    return df.localCheckpoint(eager=True)


# The columns the job reads, as the shard export types them. Given to the
# reader, they spare a Spark job per table and shard that would read the
# files' footers to find the schema, and keep every other column (article
# bodies, sources) unread.
COLUMNS = {
    "outlets": "name string",
    "articles": "outlet string, published_at string, content_sha256 string, title string, source_path string",
    "quotes": "id long, speaker string",
    "quote_units": "id long, quote_id long, article_id long, wording_normalized string, article_sha256 string",
    "quote_wordings": "normalized string, text string, speaker string",
    "wording_keys": "key long, wording_normalized string",
    "claims": "id long, article_sha256 string, start long, text string",
    "claim_facts": "claim_id long, seq long, kind string, value string, value_high string, unit string, "
    "qualifier string, subject string, precision long",
    "claim_keys": "key long, claim_id long",
    "article_shingles": "hash long, article_sha256 string",
}


def read_table(spark: SparkSession, shards: list[str], name: str, columns: str | None = None) -> DataFrame:
    """One table of every shard (its COLUMNS, or `columns`), with the
    shard's index (its position on the command line) in `shard`."""
    schema = T.StructType.fromDDL(columns or COLUMNS[name])
    frames = [
        spark.read.schema(schema).parquet(os.path.join(d, name)).select(*schema.names).withColumn("shard", F.lit(i))
        for i, d in enumerate(shards)
    ]
    return reduce(DataFrame.unionByName, frames)


def dense_rank_by(df: DataFrame, key: str, name: str) -> DataFrame:
    """`df` with `name` = 1-based rank by the unique `key`, without moving
    every row to one partition (as a global window would): rows are range-
    sorted, numbered within their partition, and offset by the sizes of
    the partitions before."""
    spark = df.sparkSession
    # monotonically_increasing_id: the partition's index in the upper 31
    # bits, the row's number within it in the lower 33. Checkpointed, as
    # it must not be computed twice.
    sorted_ = (
        df.orderBy(key)
        .withColumn("_mid", F.monotonically_increasing_id())
        .withColumn("_p", F.shiftright("_mid", 33))
        .localCheckpoint(eager=True)
    )
    sizes = sorted(tuple(r) for r in sorted_.groupBy("_p").count().collect())
    offsets, total = [], 0
    for p, n in sizes:
        offsets.append((p, total))
        total += n
    offset = spark.createDataFrame(offsets, "_p long, _offset long")
    within = F.col("_mid") - F.shiftleft(F.col("_p"), 33)
    return (
        sorted_.join(F.broadcast(offset), "_p")
        .withColumn(name, F.col("_offset") + within + 1)
        .drop("_mid", "_p", "_offset")
    )


def connected_components(edges: DataFrame) -> tuple[DataFrame, int]:
    """(v, comp) for every vertex of the undirected `edges` (a, b): comp is
    the least vertex of v's component; and the rounds it took. Min-label
    propagation, each round followed by pointer jumping (label := label of
    label), which halves long chains instead of walking them one edge per
    round."""
    und = (
        edges.select(F.col("a").alias("src"), F.col("b").alias("dst"))
        .union(edges.select(F.col("b").alias("src"), F.col("a").alias("dst")))
        .localCheckpoint(eager=True)
    )
    labels = und.groupBy(F.col("src").alias("v")).agg(F.least(F.col("src"), F.min("dst")).alias("label"))
    labels = labels.localCheckpoint(eager=True)
    rounds = 0
    while True:
        rounds += 1
        seen = und.join(labels, und.src == labels.v).groupBy("dst").agg(F.min("label").alias("nl"))
        step = labels.join(seen, labels.v == seen.dst, "left").select(
            "v", F.least(F.col("label"), F.coalesce(F.col("nl"), F.col("label"))).alias("label")
        )
        x, y = step.alias("x"), step.alias("y")
        jumped = (
            x.join(y, F.col("x.label") == F.col("y.v"), "left")
            .select(
                F.col("x.v").alias("v"),
                F.least(F.col("x.label"), F.coalesce(F.col("y.label"), F.col("x.label"))).alias("label"),
            )
            .localCheckpoint(eager=True)
        )
        changed = jumped.alias("n").join(labels.alias("o"), "v").where(F.col("n.label") != F.col("o.label")).count()
        labels = jumped
        if changed == 0:
            return labels.withColumnRenamed("label", "comp"), rounds


def pairs_of_outlets(carried: DataFrame, totals: DataFrame) -> DataFrame:
    """Per pair of outlets that carried one item (`carried`: item, outlet),
    how many they shared and what share that is of each one's total
    (`totals`: outlet, total), as the archive's pairs views give them:
    named in name order (NOCASE, as the views compare them; their rows are
    then ordered by the names as they are, BINARY, as their CASE
    expressions are)."""
    item = carried.columns[0]
    total = totals.columns[1]
    x = carried.select(item, F.col("outlet").alias("outlet_a"))
    y = carried.select(item, F.col("outlet").alias("outlet_b"))
    return (
        x.join(y, item)
        .where(
            (nocase(F.col("outlet_a")) < nocase(F.col("outlet_b")))
            | ((nocase(F.col("outlet_a")) == nocase(F.col("outlet_b"))) & (F.col("outlet_a") < F.col("outlet_b")))
        )
        .groupBy("outlet_a", "outlet_b")
        .agg(F.count("*").alias("shared"))
        .join(totals.select(F.col("outlet").alias("outlet_a"), F.col(total).alias("ta")), "outlet_a")
        .join(totals.select(F.col("outlet").alias("outlet_b"), F.col(total).alias("tb")), "outlet_b")
        .select(
            "outlet_a",
            "outlet_b",
            F.col("shared").cast("long").alias("shared"),
            percent("shared", "ta").alias("pct_of_a"),
            percent("shared", "tb").alias("pct_of_b"),
        )
    )


def printing_order(*then: F.Column) -> F.Column:
    """The global order of first printing over rows with `published_at`
    and `sha`: dated before undated, by date, by article hash, then by
    `then` (a place in the article). A struct compares field by field, so
    it sorts as the tuple would."""
    return F.struct(
        F.col("published_at").isNull().cast("int").alias("undated"),
        F.coalesce(F.col("published_at"), F.lit("")).alias("published"),
        F.col("sha").alias("sha"),
        *then,
    )


def first_printing(units: DataFrame, articles: DataFrame) -> DataFrame:
    """Each unit's place in the global order of printings, by its position
    in its article."""
    return units.join(articles.select("sha", "outlet", "published_at"), "sha").withColumn(
        "printed", printing_order(F.col("pos").cast("long").alias("pos"))
    )


def never_printed(normalized) -> F.Column:
    """The order of a wording no quoted sentence prints (possible after a
    re-extraction): after every printed one, by its text."""
    return F.struct(
        F.lit(2).alias("undated"), F.lit("").alias("published"), normalized.alias("sha"), F.lit(0).cast("long").alias("pos")
    )


def nocase(x: F.Column) -> F.Column:
    """The key SQLite's NOCASE collation compares names by: ASCII letters
    folded to lower case, nothing else. Outlet names are NOCASE in the
    archive, so its reports order and orient pairs of outlets by it
    ("unknown (…)" before "Washington Post")."""
    return F.translate(x, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def percent(part: str, whole: str) -> F.Column:
    """100 × part / whole to one decimal, as the archive's views compute
    it; NULL when the whole is 0."""
    return F.when(F.col(whole) == 0, F.lit(None).cast("double")).otherwise(
        sql_round1(F.lit(100.0) * F.col(part) / F.col(whole))
    )


def sql_round1(x: F.Column) -> F.Column:
    """SQLite's round(x, 1) of a positive double: half away from zero on
    the decimal digits (Spark's round is HALF_UP on the same digits)."""
    return F.round(x, 1)


def candidate_pairs(keys: DataFrame, per_key: int, limit: int) -> DataFrame:
    """(a, b, shared, crank): each item `b` of `keys` (key, ord) paired
    with the items `a` that share keys with it, counted by keys shared,
    its `limit` best kept in the order `candidates::find` returns them
    (most keys shared, then earliest; `crank` 1, 2, ...).

    Each item reads, per key, the `per_key` items holding it just before
    it in rank order: a key's posting at position p is paired with
    positions p+1 .. p+per_key. Generating exactly those positions (rather
    than joining a key's postings with each other and filtering) keeps a
    common key's work linear in its postings."""
    posted = (
        keys.withColumn("kpos", F.row_number().over(Window.partitionBy("key").orderBy("ord")))
        .withColumn("kcount", F.count("*").over(Window.partitionBy("key")))
        .where(F.col("kcount") > 1)
        .cache()
    )
    later = posted.where(F.col("kpos") < F.col("kcount")).select(
        "key",
        F.col("ord").alias("a"),
        F.explode(F.sequence(F.col("kpos") + 1, F.least(F.col("kpos") + per_key, F.col("kcount")))).alias("kpos"),
    )
    pairs = (
        later.join(posted.select("key", "kpos", F.col("ord").alias("b")), ["key", "kpos"])
        .groupBy("a", "b")
        .agg(F.count("*").alias("shared"))
    )
    best = Window.partitionBy("b").orderBy(F.col("shared").desc(), F.col("a"))
    pairs = materialise(pairs.withColumn("crank", F.row_number().over(best)).where(F.col("crank") <= limit))
    posted.unpersist()
    return pairs


def compared(pairs: DataFrame, sides: DataFrame, binary: str, what: str, schema: str) -> DataFrame:
    """`pairs` (items `a`, `b` and any other columns) with the fields of
    `newsarchive compare WHAT` (`schema`) added: each item is handed over
    as `sides` gives it (`key`: the item, `json`: it as the command reads
    it). The binary, shipped to every executor by `SparkContext.addFile`,
    is run once per Arrow batch."""
    keep = pairs.columns
    side = lambda name: sides.select(F.col("key").alias(name), F.col("json").alias(f"{name}_json"))  # noqa: E731
    pairs = pairs.join(side("a"), "a").join(side("b"), "b")
    added = T.StructType.fromDDL(schema).fields
    fields = [f.name for f in added]
    out = T.StructType([pairs.schema[c] for c in keep] + list(added))
    name = os.path.basename(binary)

    def run(batches):
        from pyspark import SparkFiles

        exe = SparkFiles.get(name)
        if not os.access(exe, os.X_OK):
            os.chmod(exe, 0o755)
        for pdf in batches:
            if pdf.empty:
                continue
            lines = '{"a":' + pdf["a_json"] + ',"b":' + pdf["b_json"] + "}\n"
            proc = subprocess.run(
                [exe, "--quiet", "compare", what], input="".join(lines).encode(), capture_output=True, check=False
            )
            if proc.returncode != 0:
                raise RuntimeError(f"newsarchive compare {what}: {proc.stderr.decode(errors='replace').strip()}")
            rows = [json.loads(line) for line in proc.stdout.splitlines()]
            if len(rows) != len(pdf):
                raise RuntimeError(f"newsarchive compare {what}: {len(rows)} answers for {len(pdf)} pairs")
            result = pdf[keep].reset_index(drop=True)
            for f in fields:
                result[f] = [r.get(f) if not isinstance(r.get(f), list) else json.dumps(r[f]) for r in rows]
            yield result

    return pairs.mapInPandas(run, schema=out)


REPLAY_CLAIMS = "ord long, cluster long, conflicts string"


def replay_claims(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """`plan_claims` replayed over a partition of related candidates
    (columns b, a, crank, relation, strength, roundings, conflicts) sorted
    so that each claim `b` comes after every claim ranked before it in its
    component, its candidates `a` (earlier) in candidate order.

    A claim joins the strongest cluster stating the same fact unless a
    claim of that cluster states a figure of it that differs; else it
    founds a cluster (its id: the claim's rank). A claim never seen as `b`
    had no related candidate, so it founded its own. Yields each `b`'s
    cluster and the conflicts it found, as JSON [[fact a, fact b], ...]
    (kept later if the two articles are of one story).

    The rows are read as they stream in, one Arrow batch at a time, and
    only a cluster per claim is kept: a component of millions of claims
    (the synthetic corpus's formulaic claims chain into such) costs memory
    for its claims, never for its edges."""
    cluster_of: dict[int, int] = {}
    current: int | None = None
    same: list[tuple[float, int]] = []
    blocked: set[int] = set()
    paired: set[tuple[int, int]] = set()
    found: list[list[int]] = []
    out_ord: list[int] = []
    out_cluster: list[int] = []
    out_conflicts: list[str | None] = []

    def settle() -> None:
        # Of equal strength, the earliest cluster (`max_by` with the ids reversed).
        best = max(((st, -c) for st, c in same if c not in blocked), default=None)
        cluster = -best[1] if best is not None else current
        cluster_of[current] = cluster
        out_ord.append(current)
        out_cluster.append(cluster)
        out_conflicts.append(json.dumps(found) if found else None)

    def flush() -> pd.DataFrame:
        done = pd.DataFrame(
            {
                "ord": pd.array(out_ord, dtype="Int64"),
                "cluster": pd.array(out_cluster, dtype="Int64"),
                "conflicts": pd.array(out_conflicts, dtype="string"),
            }
        )
        out_ord.clear()
        out_cluster.clear()
        out_conflicts.clear()
        return done

    cols = ["b", "a", "relation", "strength", "roundings", "conflicts"]
    for pdf in batches:
        for b, a, rel, strength, roundings, conflicts in pdf[cols].itertuples(index=False):
            b, a = int(b), int(a)
            if b != current:
                if current is not None:
                    settle()
                current = b
                same, blocked, paired, found = [], set(), set(), []
            c = cluster_of.get(a, a)
            if rel == "same":
                same.append((float(strength), c))
                for _, fb in json.loads(roundings or "[]"):
                    paired.add((fb, c))
            elif rel == "conflict":
                for fa, fb in json.loads(conflicts or "[]"):
                    if (fb, c) not in paired:
                        paired.add((fb, c))
                        found.append([fa, fb])
                blocked.add(c)
            elif rel == "differs":
                blocked.add(c)
        if out_ord:
            yield flush()
    if current is not None:
        settle()
    if out_ord:
        yield flush()


# --------------------------------------------------------------------------
# The job.
# --------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="directory the results are written under")
    parser.add_argument(
        "--partitions",
        type=int,
        default=None,
        help="shuffle partitions (default: twice the cores, at least 4; few is faster on small shards)",
    )
    parser.add_argument("--counts", action="store_true", help="say on each stage's line how many rows it made")
    parser.add_argument(
        "--newsarchive",
        default=os.environ.get("NEWSARCHIVE_BIN") or shutil.which("newsarchive") or str(BUILT),
        help="the newsarchive binary the executors compare claims and articles with (default: $NEWSARCHIVE_BIN, "
        "else newsarchive on PATH, else this checkout's target/release/newsarchive); shipped to them by Spark",
    )
    parser.add_argument("shards", nargs="+", help="directories written by `newsarchive export --format parquet`")
    args = parser.parse_args(argv)
    # Before Spark starts: a mistyped directory should not cost its start-up.
    for d in args.shards:
        missing = [t for t in COLUMNS if not os.path.isdir(os.path.join(d, t))]
        if missing:
            parser.error(f"{d}: not a newsarchive Parquet export (no {', '.join(missing)})")

    binary = os.path.abspath(args.newsarchive)
    if not os.access(binary, os.X_OK):
        parser.error(f"{args.newsarchive}: no newsarchive binary there (build it with `make build`, or give --newsarchive)")

    spark = (
        SparkSession.builder.appName("newsarchive-link")
        .config("spark.ui.enabled", "false")
        # Partition values are months ("2024-02") and must stay strings.
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        # zstd, as the shards themselves: newsarchive's Parquet reader
        # (`import-links`) is built with zstd and without Spark's default
        # snappy.
        .config("spark.sql.parquet.compression.codec", "zstd")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    spark.sparkContext.addFile(binary)
    partitions = args.partitions or max(4, 2 * spark.sparkContext.defaultParallelism)
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    stages = Stages(args.counts, since=STARTED)
    stages.done("start")

    # ---------------------------------------------------------------- read
    shards = args.shards
    raw_articles = read_table(spark, shards, "articles")
    # An article in several shards counts once; where the shards disagree
    # on its outlet or date, the first shard named wins.
    articles = (
        raw_articles.groupBy(F.col("content_sha256").alias("sha"))
        .agg(F.min_by(F.struct("outlet", "published_at", "title", "source_path"), F.col("shard")).alias("m"))
        .select("sha", "m.outlet", "m.published_at", "m.title", "m.source_path")
        .cache()
    )
    # Every outlet of every shard: one without quotations still has a line.
    outlets = (
        read_table(spark, shards, "outlets")
        .select(F.col("name").alias("outlet"))
        .union(articles.select("outlet"))
        .where(F.col("outlet").isNotNull())
        .distinct()
    )

    # Quoted sentences, with their position in their article (local unit
    # ids follow the extraction order, which is the same in every shard
    # holding the article, so the rank of the id within the article is a
    # global position) and their quote's speaker, by name.
    quotes = read_table(spark, shards, "quotes").select(
        "shard", F.col("id").alias("quote_id"), F.col("speaker").alias("quote_speaker")
    )
    raw_units = (
        read_table(spark, shards, "quote_units")
        .withColumn("pos", F.row_number().over(Window.partitionBy("shard", "article_id").orderBy("id")))
        .join(quotes, ["shard", "quote_id"], "left")
    )
    raw_units = first_printing(raw_units.withColumnRenamed("article_sha256", "sha"), articles).cache()
    units = materialise(
        raw_units.dropDuplicates(["sha", "pos"]).select(
            "sha", "pos", F.col("wording_normalized").alias("normalized"), "outlet"
        )
    )

    # Wordings: one per normalized text. The archive gives a wording the
    # speaker of the first quote printing it that names one, "first" in
    # import order; here, in the global order, so that the speaker does
    # not depend on how the articles were split into shards. (The shard's
    # own `quote_wordings.speaker` applied its local order; it is kept for
    # wordings no quote names a speaker for.) The printed text is the
    # shard's of the shard printing the wording first.
    in_shard = raw_units.groupBy("shard", F.col("wording_normalized").alias("normalized")).agg(
        F.min("printed").alias("printed")
    )
    first_named = (
        raw_units.where(F.col("quote_speaker").isNotNull())
        .groupBy(F.col("wording_normalized").alias("normalized"))
        .agg(F.min_by("quote_speaker", "printed").alias("first_named"))
    )
    raw_wordings = (
        read_table(spark, shards, "quote_wordings")
        .join(in_shard, ["shard", "normalized"], "left")
        .withColumn("printed", F.coalesce(F.col("printed"), never_printed(F.col("normalized"))))
        .withColumn("order", F.struct("printed", "shard"))
    )
    named = (
        raw_wordings.where(F.col("speaker").isNotNull())
        .groupBy("normalized")
        .agg(F.min_by("speaker", "order").alias("shard_speaker"))
    )
    wordings = (
        raw_wordings.groupBy("normalized")
        .agg(F.min("printed").alias("printed"), F.min_by("text", "order").alias("text"))
        .join(first_named, "normalized", "left")
        .join(named, "normalized", "left")
        .withColumn("speaker", F.coalesce("first_named", "shard_speaker"))
        .drop("first_named", "shard_speaker")
    )
    # The global rank: the stand-in for the archive's wording ids.
    wordings = materialise(dense_rank_by(wordings, "printed", "ord").drop("printed"))
    raw_units.unpersist()
    keys = materialise(
        read_table(spark, shards, "wording_keys")
        .select("key", F.col("wording_normalized").alias("normalized"))
        .distinct()
        .join(wordings.select("normalized", "ord"), "normalized")
        .select("key", "ord")
    )
    stages.done(
        "read", ("articles", articles), ("quoted sentences", units), ("wordings", wordings), ("keys", keys)
    )

    # ---------------------------------------------------------- candidates
    pairs = candidate_pairs(keys, KEY_LIMIT, CANDIDATES)
    stages.done("candidates", ("candidate pairs", pairs))

    # -------------------------------------------------------------- verify
    text = wordings.select("ord", "normalized")
    related = materialise(
        pairs.join(text.select(F.col("ord").alias("a"), F.col("normalized").alias("a_text")), "a")
        .join(text.select(F.col("ord").alias("b"), F.col("normalized").alias("b_text")), "b")
        .withColumn("rel", relation_udf("a_text", "b_text"))
        .select("a", "b", "crank", F.col("rel.kind").alias("kind"), F.col("rel.sim").alias("sim"))
        .where(F.col("kind") != NONE)
    )
    stages.done("verify", ("related pairs", related))

    # ---------------------------------------------------------- components
    comps, rounds = connected_components(related.select("a", "b"))
    stages.done(
        "components",
        ("rounds", lambda: rounds),
        ("wordings in components", comps),
        ("in the largest", lambda: comps.groupBy("comp").count().agg(F.max("count")).first()[0] or 0),
    )

    # ----------------------------------------------------------- fragments
    nodes = comps.join(wordings.select(F.col("ord").alias("v"), "speaker"), "v").select(
        "comp", F.col("v").alias("ord"), "speaker"
    )
    # The labels again under another name, so that the two sides of the
    # cogroup do not share a lineage (Spark refuses the ambiguous `comp`).
    edge_comps = comps.select(F.col("v").alias("b"), F.col("comp").alias("edge_comp"))
    edges = related.join(edge_comps, "b").select("edge_comp", "b", "a", "crank", "kind", "sim")
    replayed = (
        nodes.groupBy("comp")
        .cogroup(edges.groupBy("edge_comp"))
        .applyInPandas(lambda n, e: replay(n, e[["b", "a", "crank", "kind", "sim"]]), schema=REPLAY)
    )
    # Wordings in no component relate to no candidate: each founds a
    # cluster of its own, a quotation of its own.
    wc = materialise(
        wordings.join(replayed, "ord", "left")
        .withColumn("cluster", F.coalesce(F.col("cluster"), F.col("ord")))
        .withColumn("root", F.coalesce(F.col("fragment_of"), F.col("cluster")))
    )
    stages.done("fragments", ("clusters", wc.select("cluster").distinct()))

    # ------------------------------------------------------------- reports
    # How widely each wording was carried, and each cluster's canonical
    # wording: most outlets, then most articles, then the earliest
    # (`LinkTx::carried`). Wordings no sentence prints are not carried.
    carried = units.groupBy("normalized").agg(
        F.countDistinct("outlet").alias("w_outlets"),
        F.countDistinct("sha").alias("w_articles"),
        F.count("*").alias("w_units"),
    )
    carried_order = Window.partitionBy("cluster").orderBy(
        F.col("w_outlets").desc_nulls_last(), F.col("w_articles").desc_nulls_last(), F.col("ord")
    )
    wc = (
        wc.join(carried, "normalized", "left")
        .withColumn("crk", F.when(F.col("w_units").isNotNull(), F.row_number().over(carried_order)))
        .withColumn("canonical", F.coalesce(F.col("crk") == 1, F.lit(False)))
        .cache()
    )

    # A cluster's speaker: the one most of its quoted sentences name (ties:
    # the one whose wording is most widely carried), else its founder's
    # (`majority_speaker`, `set_canonical`).
    weights = (
        wc.where(F.col("speaker").isNotNull() & F.col("crk").isNotNull())
        .groupBy("cluster", "speaker")
        .agg(F.sum("w_units").alias("n"), F.min("crk").alias("first"))
    )
    majority = weights.withColumn(
        "r", F.row_number().over(Window.partitionBy("cluster").orderBy(F.col("n").desc(), F.col("first")))
    ).where("r = 1")
    founder = wc.where(F.col("ord") == F.col("cluster")).select("cluster", "fragment_of", "root", "text", "speaker")
    canon = wc.where("canonical").select("cluster", F.col("text").alias("canonical_text"))
    clusters = (
        founder.join(majority.select("cluster", F.col("speaker").alias("majority")), "cluster", "left")
        .join(canon, "cluster", "left")
        .join(wc.groupBy("cluster").agg(F.count("*").alias("wordings")), "cluster")
        .select(
            "cluster",
            "fragment_of",
            "root",
            F.coalesce("majority", "speaker").alias("speaker"),
            F.coalesce("canonical_text", "text").alias("canonical_text"),
            "wordings",
        )
        .cache()
    )

    # Each quoted sentence with the quotation it counts in: its cluster's
    # if a quotation, else the one its cluster is a fragment of (one level,
    # as the summaries' `stale_members`).
    printed = (
        units.join(wc.select("normalized", "cluster", "fragment_of", "root", "canonical"), "normalized")
        .withColumn("fragment", F.col("fragment_of").isNotNull())
        .cache()
    )
    outlet_clusters = printed.groupBy("root", "outlet").agg(
        # Carried in the canonical wording of the quotation itself, and
        # other than as a fragment of it.
        F.max(F.col("canonical") & ~F.col("fragment")).alias("canonical"),
        F.max(~F.col("fragment")).alias("direct"),
    )
    spread = outlet_clusters.groupBy("root").agg(F.count("*").alias("q_outlets"))
    oc = outlet_clusters.join(spread, "root").cache()
    stats = oc.groupBy("outlet").agg(
        F.count("*").alias("quotations"),
        F.sum((F.col("q_outlets") > 1).cast("long")).alias("shared"),
        F.sum((F.col("q_outlets") == 1).cast("long")).alias("unique_quotes"),
        # Shared, printed directly, but never in the canonical wording.
        F.sum(((F.col("q_outlets") > 1) & F.col("direct") & ~F.col("canonical")).cast("long")).alias("reworded"),
    )
    per_outlet = articles.groupBy("outlet").agg(F.count("*").alias("articles"))
    outlet_stats = (
        outlets.join(per_outlet, "outlet", "left")
        .join(stats, "outlet", "left")
        .select(
            "outlet",
            F.coalesce("articles", F.lit(0)).cast("long").alias("articles"),
            F.coalesce("quotations", F.lit(0)).cast("long").alias("quotes"),
            F.coalesce("shared", F.lit(0)).cast("long").alias("shared"),
            F.coalesce("unique_quotes", F.lit(0)).cast("long").alias("unique_quotes"),
            F.coalesce("reworded", F.lit(0)).cast("long").alias("reworded"),
        )
        .cache()
    )
    overlap = outlet_stats.select(
        "outlet",
        "articles",
        "quotes",
        "shared",
        "unique_quotes",
        percent("shared", "quotes").alias("shared_pct"),
        "reworded",
    )
    overlap_order = [F.col("shared").desc(), F.col("quotes").desc(), nocase(F.col("outlet")), F.col("outlet")]

    outlet_pairs = pairs_of_outlets(oc.select("root", "outlet"), outlet_stats.select("outlet", "quotes"))
    pairs_order = [F.col("shared").desc(), F.col("outlet_a"), F.col("outlet_b")]

    # Per cluster: its own spread, and that of the quotation it counts in
    # (what `report_quote_spread` shows for a quotation).
    own = printed.groupBy("cluster").agg(
        F.countDistinct("outlet").alias("outlets"), F.countDistinct("sha").alias("articles")
    )
    quotation = printed.groupBy("root").agg(
        F.countDistinct("outlet").alias("quotation_outlets"), F.countDistinct("sha").alias("quotation_articles")
    )
    quote_clusters = (
        clusters.join(own, "cluster", "left")
        .join(quotation, "root", "left")
        .select(
            "cluster",
            "fragment_of",
            "root",
            "speaker",
            "canonical_text",
            F.col("wordings").cast("long").alias("wordings"),
            *[
                F.coalesce(c, F.lit(0)).cast("long").alias(c)
                for c in ("outlets", "articles", "quotation_outlets", "quotation_articles")
            ],
        )
    )

    # Clusters printed in several wordings: each wording, the outlets
    # printing it (names sorted, '; '), its articles.
    multi = wc.groupBy("cluster").agg(F.count("*").alias("n")).where("n > 1").select("cluster")
    by_wording = printed.groupBy("normalized").agg(
        F.array_join(
            F.transform(
                F.array_sort(F.collect_set(F.struct(nocase(F.col("outlet")).alias("key"), F.col("outlet").alias("name")))),
                lambda o: o["name"],
            ),
            "; ",
        ).alias("outlets")
    )
    variants = (
        wc.join(multi, "cluster")
        .join(by_wording, "normalized", "left")
        .join(clusters.select("cluster", F.col("speaker").alias("c_speaker"), "canonical_text"), "cluster")
        .select(
            "cluster",
            F.col("c_speaker").alias("speaker"),
            "canonical_text",
            F.col("text").alias("wording"),
            "canonical",
            "outlets",
            F.coalesce("w_articles", F.lit(0)).cast("long").alias("articles"),
            "ord",
        )
    )
    # The canonical wording first, then by articles, then the earliest.
    variants_order = [F.col("cluster"), F.col("canonical").desc(), F.col("articles").desc(), F.col("ord")]

    # What each shard loads back (`newsarchive import-links`): besides the
    # cluster and quotation, how many outlets in all shards carried it.
    wording_clusters = wc.join(spread, "root", "left").select(
        F.col("normalized").alias("wording_normalized"),
        F.col("cluster").cast("long"),
        F.col("root").cast("long"),
        F.col("canonical").cast("boolean"),
        F.coalesce("q_outlets", F.lit(0)).cast("long").alias("outlets"),
    )

    def ordered(df: DataFrame, order: list) -> DataFrame:
        # One partition, its rows in the view's order: one file per report.
        return df.repartition(1).sortWithinPartitions(*order)

    overlap = materialise(ordered(overlap, overlap_order))
    outlet_pairs = materialise(ordered(outlet_pairs, pairs_order))
    variants = materialise(ordered(variants, variants_order).drop("ord"))
    quote_clusters = materialise(quote_clusters)
    wording_clusters = materialise(wording_clusters)
    stages.done("reports", ("outlets", overlap), ("outlet pairs", outlet_pairs), ("variant rows", variants))

    # ------------------------------------------------------------ articles
    # Which articles reuse each other's text (`link_articles`). Articles are
    # compared in the global order of first printing, which stands in for
    # the archive's article ids: dated before undated, by date, by hash.
    arts = materialise(dense_rank_by(articles.withColumn("aorder", printing_order()), "aorder", "art").drop("aorder"))
    sampled = (
        read_table(spark, shards, "article_shingles")
        .select("hash", F.col("article_sha256").alias("sha"))
        .distinct()
        .join(arts.select("sha", "art"), "sha")
        .select("hash", F.col("art").alias("ord"))
    )
    # An article reads, per sampled shingle, every earlier article holding
    # it, unless more than KEY_LIMIT do (a phrase in very many articles
    # says nothing about reuse): the article at position q of a shingle's
    # postings is read by those at q+1 .. KEY_LIMIT+1.
    posted = (
        sampled.withColumn("kpos", F.row_number().over(Window.partitionBy("hash").orderBy("ord")))
        .withColumn("kcount", F.least(F.count("*").over(Window.partitionBy("hash")), F.lit(KEY_LIMIT + 1)))
        .where(F.col("kpos") <= F.col("kcount"))
        .cache()
    )
    later = posted.where(F.col("kpos") < F.col("kcount")).select(
        "hash", F.col("ord").alias("a"), F.explode(F.sequence(F.col("kpos") + 1, F.col("kcount"))).alias("kpos")
    )
    best = Window.partitionBy("b").orderBy(F.col("shared").desc(), F.col("a"))
    article_cands = (
        later.join(posted.select("hash", "kpos", F.col("ord").alias("b")), ["hash", "kpos"])
        .groupBy("a", "b")
        .agg(F.count("*").alias("shared"))
        .where(F.col("shared") >= ARTICLE_MIN_SHARED)
        .withColumn("crank", F.row_number().over(best))
        .where(F.col("crank") <= ARTICLE_CANDIDATES)
    )
    bodies = (
        read_table(spark, shards, "articles", "content_sha256 string, body string")
        .groupBy(F.col("content_sha256").alias("sha"))
        .agg(F.min_by("body", "shard").alias("body"))
        .join(arts.select("sha", "art", "published_at"), "sha")
        .select(
            F.col("art").alias("key"),
            F.to_json(F.struct("body", F.col("published_at").alias("published"))).alias("json"),
        )
    )
    found = compared(
        article_cands.select("a", "b"),
        bodies,
        binary,
        "articles",
        "a_sentences long, a_found long, b_sentences long, b_found long, source string, reason string",
    )
    a_share = F.col("a_found") / F.col("a_sentences")
    b_share = F.col("b_found") / F.col("b_sentences")
    named = arts.select(
        "art",
        "sha",
        F.concat(F.col("outlet"), F.lit(": "), F.coalesce(F.col("title"), F.col("source_path"))).alias("label"),
    )
    article_pairs = materialise(
        found.where((F.col("a_sentences") > 0) & (F.col("b_sentences") > 0))
        .where(F.greatest(a_share, b_share) >= ARTICLE_STORE)
        .join(named.select(F.col("art").alias("a"), F.col("sha").alias("a_sha256"), F.col("label").alias("a_label")), "a")
        .join(named.select(F.col("art").alias("b"), F.col("sha").alias("b_sha256"), F.col("label").alias("b_label")), "b")
        .withColumn("share", F.greatest(a_share, b_share))
    )
    posted.unpersist()
    similarity = article_pairs.where(F.col("share") >= ARTICLE_REPORT).select(
        F.col("a_label").alias("article_a"),
        F.col("b_label").alias("article_b"),
        percent("a_found", "a_sentences").alias("a_in_b_pct"),
        percent("b_found", "b_sentences").alias("b_in_a_pct"),
        F.col("source").alias("likely_source"),
        F.col("reason").alias("source_reason"),
        "a_sha256",
        "b_sha256",
        "share",
        "a",
        "b",
    )
    similarity = materialise(
        ordered(similarity, [F.col("share").desc(), F.col("a"), F.col("b")]).drop("share", "a", "b")
    )
    article_pairs_out = article_pairs.select(
        F.col("a_sha256").alias("article_a_sha256"),
        F.col("b_sha256").alias("article_b_sha256"),
        "a_sentences",
        "a_found",
        "b_sentences",
        "b_found",
        F.when(F.col("source") == "a", F.col("a_sha256"))
        .when(F.col("source") == "b", F.col("b_sha256"))
        .alias("likely_source_sha256"),
        F.col("reason").alias("source_reason"),
    )
    stages.done("articles", ("candidate pairs", article_cands), ("pairs sharing text", article_pairs))

    # -------------------------------------------------------------- claims
    # The same fact stated in several articles (`plan_claims`): candidates
    # by the claims' keys, compared by `newsarchive compare claims`, the
    # greedy pass replayed in rank order within connected components, as
    # the quotations' are. A claim is one per (article, offset); its rank,
    # the stand-in for the archive's claim id, is its article's place in
    # the order of first printing, then its offset.
    raw_claims = read_table(spark, shards, "claims").withColumnRenamed("article_sha256", "sha")
    first_shard = raw_claims.groupBy("sha", "start").agg(F.min("shard").alias("shard"))
    claims = raw_claims.join(first_shard, ["sha", "start", "shard"]).join(
        arts.select("sha", "art", "outlet", "published_at"), "sha"
    )
    claims = materialise(
        dense_rank_by(claims.withColumn("corder", printing_order(F.col("start"))), "corder", "ord").drop("corder")
    )
    local = claims.select("shard", F.col("id").alias("claim_id"), "ord")
    # A fact's id in the comparisons: its claim's rank and its place in it.
    facts = read_table(spark, shards, "claim_facts").join(local, ["shard", "claim_id"])
    fact_lists = facts.groupBy("ord").agg(
        F.array_sort(
            F.collect_list(
                F.struct(
                    "seq",
                    (F.col("ord") * FACT_SLOTS + F.col("seq")).alias("id"),
                    "kind",
                    "value",
                    F.col("value_high").alias("high"),
                    "unit",
                    "qualifier",
                    "subject",
                    "precision",
                )
            )
        ).alias("facts"),
        F.count("*").alias("n_facts"),
    )
    claims = materialise(claims.join(fact_lists, "ord", "left"))
    claim_json = claims.select(
        F.col("ord").alias("key"),
        F.to_json(
            F.struct(
                F.col("ord").alias("id"),
                F.col("art").alias("article"),
                F.col("published_at").alias("published"),
                "text",
                "facts",
            )
        ).alias("json"),
    )
    claim_keys = (
        read_table(spark, shards, "claim_keys").join(local, ["shard", "claim_id"]).select("key", "ord").distinct()
    )
    claim_cands = candidate_pairs(claim_keys, CLAIM_KEY_LIMIT, CLAIM_CANDIDATES)
    # The linker keeps the last RECENT_CLAIMS claims in memory; one read
    # long before is compared again only when it shares two keys or more.
    claim_cands = claim_cands.where((F.col("b") - F.col("a") <= RECENT_CLAIMS) | (F.col("shared") >= 2))
    claim_related = materialise(
        compared(
            claim_cands.select("a", "b", "crank"),
            claim_json,
            binary,
            "claims",
            "relation string, strength double, roundings string, conflicts string",
        ).where(F.col("relation") != "unrelated")
    )
    claim_comps, _ = connected_components(claim_related.select("a", "b"))
    # One component's claims in one partition, in rank order, each claim's
    # candidates in candidate order: the replay streams through them.
    claim_replayed = (
        claim_related.join(claim_comps.select(F.col("v").alias("b"), "comp"), "b")
        .select("comp", "b", "a", "crank", "relation", "strength", "roundings", "conflicts")
        .repartition("comp")
        .sortWithinPartitions("comp", "b", "crank")
        .mapInPandas(replay_claims, schema=REPLAY_CLAIMS)
    )
    # Claims related to no candidate found clusters of their own.
    placed = materialise(
        claims.join(claim_replayed, "ord", "left").select(
            "ord",
            "sha",
            "start",
            "art",
            "outlet",
            F.coalesce(F.col("cluster"), F.col("ord")).alias("cluster"),
            F.coalesce(F.col("n_facts"), F.lit(0)).alias("n_facts"),
            "conflicts",
        )
    )

    # A conflict stands when its two articles are of one story: one reuses
    # the other's text, or both state a fact fewer than COMMON_FACT claims
    # state (`Stories::same`).
    sizes = placed.groupBy("cluster").agg(F.count("*").alias("size"))
    story_facts = (
        placed.join(sizes.where(F.col("size") < COMMON_FACT), "cluster").select("art", "cluster").distinct()
    )
    conflicts = (
        placed.where(F.col("conflicts").isNotNull())
        .select(F.explode(F.from_json("conflicts", "array<array<long>>")).alias("pair"))
        .select(F.col("pair")[0].alias("fact_a"), F.col("pair")[1].alias("fact_b"))
        .withColumn("a_ord", F.floor(F.col("fact_a") / FACT_SLOTS))
        .withColumn("b_ord", F.floor(F.col("fact_b") / FACT_SLOTS))
        .join(placed.select(F.col("ord").alias("a_ord"), F.col("art").alias("x"), F.col("outlet").alias("outlet_a")), "a_ord")
        .join(placed.select(F.col("ord").alias("b_ord"), F.col("art").alias("y"), F.col("outlet").alias("outlet_b")), "b_ord")
    )
    reuse = article_pairs.select(F.col("a").alias("lo"), F.col("b").alias("hi"), F.lit(True).alias("reuse"))
    shared_fact = (
        story_facts.select(F.col("art").alias("x"), "cluster")
        .join(story_facts.select(F.col("art").alias("y"), "cluster"), "cluster")
        .select("x", "y", F.lit(True).alias("one_fact"))
        .distinct()
    )
    conflicts = materialise(
        conflicts.withColumn("lo", F.least("x", "y"))
        .withColumn("hi", F.greatest("x", "y"))
        .join(reuse, ["lo", "hi"], "left")
        .join(shared_fact, ["x", "y"], "left")
        .where(F.col("reuse") | F.col("one_fact"))
        .select("fact_a", "fact_b", "outlet_a", "outlet_b")
    )
    conflicts_of = (
        conflicts.select(F.col("outlet_a").alias("outlet"))
        .union(conflicts.select(F.col("outlet_b").alias("outlet")))
        .groupBy("outlet")
        .agg(F.count("*").alias("conflicts"))
    )

    # Per outlet, as `report_claim_coverage`: its claims and facts, the
    # facts it stated (clusters), shared with another outlet or its own.
    outlet_facts = placed.select("cluster", "outlet").distinct()
    fact_spread = outlet_facts.groupBy("cluster").agg(F.count("*").alias("f_outlets"))
    ofs = outlet_facts.join(fact_spread, "cluster").cache()
    stated = ofs.groupBy("outlet").agg(
        F.count("*").alias("stated"),
        F.sum((F.col("f_outlets") > 1).cast("long")).alias("shared"),
        F.sum((F.col("f_outlets") == 1).cast("long")).alias("only_here"),
    )
    printed_claims = placed.groupBy("outlet").agg(
        F.count("*").alias("claims"), F.sum("n_facts").alias("facts")
    )
    zero = lambda c: F.coalesce(F.col(c), F.lit(0)).cast("long").alias(c)  # noqa: E731
    claim_stats = (
        outlet_stats.select("outlet", "articles")
        .join(printed_claims, "outlet", "left")
        .join(stated, "outlet", "left")
        .join(conflicts_of, "outlet", "left")
        .select("outlet", "articles", *[zero(c) for c in ("claims", "facts", "stated", "shared", "only_here", "conflicts")])
        .cache()
    )
    coverage = claim_stats.select(
        "outlet",
        "articles",
        "claims",
        "facts",
        "stated",
        "shared",
        "only_here",
        percent("shared", "stated").alias("shared_pct"),
        "conflicts",
    )
    coverage = materialise(
        ordered(coverage, [F.col("shared").desc(), F.col("stated").desc(), nocase(F.col("outlet")), F.col("outlet")])
    )
    claim_outlet_pairs = pairs_of_outlets(ofs.select("cluster", "outlet"), claim_stats.select("outlet", "stated"))
    claim_outlet_pairs = materialise(ordered(claim_outlet_pairs, pairs_order))
    claim_clusters = placed.join(fact_spread, "cluster").select(
        F.col("sha").alias("article_sha256"),
        "start",
        F.col("cluster").cast("long"),
        F.col("f_outlets").cast("long").alias("outlets"),
    )
    stages.done(
        "claims",
        ("claims", claims),
        ("related pairs", claim_related),
        ("facts (clusters)", fact_spread),
        ("conflicts", conflicts),
    )

    # --------------------------------------------------------------- write
    out = args.out
    for name, df in [
        ("report_quote_overlap", overlap),
        ("report_outlet_pairs", outlet_pairs),
        ("report_quote_variants", variants),
        ("wording_clusters", wording_clusters),
        ("quote_clusters", quote_clusters),
        ("report_article_similarity", similarity),
        ("article_pairs", article_pairs_out),
        ("report_claim_coverage", coverage),
        ("report_claim_outlet_pairs", claim_outlet_pairs),
        ("claim_clusters", claim_clusters),
    ]:
        df.write.mode("overwrite").parquet(os.path.join(out, name))
    stages.done("write")
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
