//! Linking what several articles share: quoted sentences printed in the
//! same or nearly the same words, fragments of longer quotations, speakers
//! named differently, and articles that reuse each other's text.
//!
//! Incremental: only what is new is looked at — wordings without a
//! cluster, articles not yet compared — and each new item is compared only
//! with items that share a key with it (hashed pairs of content words for
//! quotations, a sample of word shingles for articles), never with the
//! whole archive.

pub mod articles;
pub mod candidates;
pub mod claims;
pub mod fidelity;
pub mod quotes;
pub mod records;
pub mod translations;

use crate::store::{Archive, Carried, ClaimReader, LinkTx, Result};
use candidates::{ArchiveKeys, KEY_LIMIT, PassIndex, Search};
use rustc_hash::FxHashMap;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What a linking pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Linked {
    /// Wordings placed in clusters.
    pub wordings: usize,
    /// Of them, joined to an existing cluster as a near-identical wording.
    pub variants: usize,
    /// Clusters recorded as fragments of a longer quotation.
    pub fragments: usize,
    /// Articles compared with the archive.
    pub articles: usize,
    /// One-word speakers joined to a full name.
    pub speakers: usize,
    /// Claims placed in clusters.
    pub claims: usize,
    /// Of them, joined to a fact another claim stated.
    pub claims_joined: usize,
    /// Pairs of conflicting figures found.
    pub conflicts: usize,
    /// Articles stored before claims existed whose claims were extracted.
    pub late_claims: usize,
    /// Articles stored before languages were detected whose language was.
    pub late_languages: usize,
    /// Pairs of quotations linked as translations of each other.
    pub translations: usize,
    /// Quotations waiting for the sentence encoder, which is not installed.
    pub untranslated: bool,
    /// Quotations checked against the record of their event and judged.
    pub judged: usize,
}

impl Linked {
    /// Adds what another round linked (the counts made once per pass are
    /// set by the pass).
    fn add(&mut self, round: &Linked) {
        self.wordings += round.wordings;
        self.variants += round.variants;
        self.fragments += round.fragments;
        self.articles += round.articles;
        self.claims += round.claims;
        self.claims_joined += round.claims_joined;
        self.conflicts += round.conflicts;
    }
}

/// Most candidates compared per wording, by number of keys shared.
const CANDIDATES: usize = 30;

/// Articles compared per new article, by sampled shingles shared.
const ARTICLE_CANDIDATES: usize = 20;

/// Links everything new in the archive, joins one-word speakers to the
/// person the archive shows they are, and refreshes the reports' summaries
/// of what changed, waiting for another process writing to the archive to
/// finish first. (The claims of articles stored by an earlier version are
/// extracted first, in a transaction of their own: the pass compares only
/// committed claims.)
pub fn link(archive: &mut Archive) -> Result<Linked> {
    let late_languages = detect_late_languages(archive.link_tx()?)?;
    let late_claims = extract_late_claims(archive.link_tx()?)?;
    // A pass that waits for other writers always finishes.
    let linked = link_in(archive, true)?.unwrap_or_default();
    Ok(Linked { late_claims, late_languages, ..linked })
}

/// Links as [`link`] does if no other process is writing to the archive;
/// `None` if one is, or takes the archive between two rounds, so that
/// reading never waits for an import.
pub fn link_if_free(archive: &mut Archive) -> Result<Option<Linked>> {
    let Some(tx) = archive.try_link_tx()? else { return Ok(None) };
    let late_languages = detect_late_languages(tx)?;
    // Should another writer slip in between, the pass waits for it.
    let late_claims = extract_late_claims(archive.link_tx()?)?;
    let Some(linked) = link_in(archive, false)? else { return Ok(None) };
    Ok(Some(Linked { late_claims, late_languages, ..linked }))
}

/// Articles compared per round at most (see [`set_round`]).
static ROUND_ARTICLES: AtomicUsize = AtomicUsize::new(100_000);

/// Sets how many articles a linking round compares at most: a round of
/// 100,000 holds about 100 MB of in-memory indexes (measured on the
/// synthetic corpus), and the rounds after the first find earlier rounds'
/// items through the keys stored in the archive, which costs more than the
/// in-memory index, so a round is as large as the memory budget allows.
/// Wordings and claims per round follow (about one and a half new wordings
/// and four claims an article).
pub fn set_round(articles: usize) {
    ROUND_ARTICLES.store(articles.max(1), Ordering::Relaxed);
}

/// How much one round links at most: articles, wordings, claims.
fn round() -> (usize, usize, usize) {
    let articles = ROUND_ARTICLES.load(Ordering::Relaxed);
    (articles, articles.saturating_mul(3) / 2, articles.saturating_mul(4))
}

/// Links in rounds of bounded size, each a transaction of its own, so
/// that memory stays flat however much an import brought: a round's
/// in-memory indexes are dropped when it commits, and the next round finds
/// what earlier ones linked through the keys stored in the archive, as an
/// import into a larger archive does. (An interrupted pass leaves whole
/// rounds; the next one goes on from there.) Then, in one last
/// transaction, speakers are joined, translations and records checked,
/// and the summaries refreshed once. Unless it may `wait`, the pass gives
/// way (`None`) when another process takes the archive between rounds.
fn link_in(archive: &mut Archive, wait: bool) -> Result<Option<Linked>> {
    let mut linked = Linked::default();
    let mut recent = RecentClaims::default();
    loop {
        let Some(tx) = begin(archive, wait)? else { return Ok(None) };
        let round = link_round(&tx, &mut recent)?;
        tx.commit()?;
        if round == Linked::default() {
            break;
        }
        linked.add(&round);
    }
    // The claims kept ready for the next round are not needed past the
    // last, and translation linking, where the pass's memory peaks, follows.
    drop(recent);
    let Some(tx) = begin(archive, wait)? else { return Ok(None) };
    linked.speakers = tx.resolve_surnames()?;
    match translations::link_translations(&tx)? {
        Some(n) => linked.translations = n,
        None => linked.untranslated = true,
    }
    // After speakers are joined: a verdict compares the quotation's
    // speaker with the record's.
    linked.judged = records::check(&tx)?;
    tx.refresh_summaries()?;
    tx.commit()?;
    Ok(Some(linked))
}

/// A linking transaction: waiting for other writers, or `None` if one is
/// writing and the pass may not wait.
fn begin(archive: &mut Archive, wait: bool) -> Result<Option<LinkTx<'_>>> {
    if wait { archive.link_tx().map(Some) } else { archive.try_link_tx() }
}

/// One round: quotations, then articles while claims are compared on
/// another core (they read only what is committed, which the round does
/// not change), then the claims' clusters are written. Claims wait for
/// quotations so that the two passes' peaks of memory do not add up. The
/// round's claims are of articles the round compared, or earlier ones: a
/// conflict between figures counts only between articles of one story,
/// which the articles' pairs tell.
fn link_round(tx: &LinkTx, recent: &mut RecentClaims) -> Result<Linked> {
    let (articles, wordings, claims) = round();
    let reader = tx.claim_reader()?;
    let articles_upto = tx.pending_articles_end(articles)?;
    let claims_upto = tx.claims_round_end(articles_upto, claims)?;
    std::thread::scope(|s| -> Result<Linked> {
        let mut linked = link_quotes(tx, wordings)?;
        let planning = s.spawn(move || plan_claims(&reader, claims_upto, recent));
        let articles = articles_upto.map_or(Ok(0), |upto| link_articles(tx, upto));
        let plan = planning.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        linked.articles = articles?;
        write_claims(tx, plan?, &mut linked)?;
        Ok(linked)
    })
}

/// Recomputes every report summary from the archive's rows (after edits
/// made with SQL outside newsarchive, say), then links what is new.
pub fn rebuild(archive: &mut Archive) -> Result<Linked> {
    let tx = archive.link_tx()?;
    tx.mark_all_stale()?;
    tx.commit()?;
    link(archive)
}

fn compatible(a: Option<i64>, b: Option<i64>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// Clusters met during a pass: speaker and the cluster each is a fragment
/// of, read from the archive once and kept up to date.
struct Clusters<'t, 'a> {
    tx: &'t LinkTx<'a>,
    known: HashMap<i64, (Option<i64>, Option<i64>)>,
}

impl Clusters<'_, '_> {
    fn get(&mut self, id: i64) -> Result<(Option<i64>, Option<i64>)> {
        if let Some(c) = self.known.get(&id) {
            return Ok(*c);
        }
        let c = self.tx.cluster(id)?;
        self.known.insert(id, c);
        Ok(c)
    }

    /// The cluster a fragment points to, or the cluster itself.
    fn root(&mut self, id: i64) -> Result<i64> {
        Ok(self.get(id)?.1.unwrap_or(id))
    }

    fn created(&mut self, id: i64, speaker: Option<i64>) {
        self.known.insert(id, (speaker, None));
    }

    fn make_fragment(&mut self, id: i64, of: i64) -> Result<()> {
        self.tx.set_fragment_of(id, of)?;
        if let Some(c) = self.known.get_mut(&id) {
            c.1.get_or_insert(of);
        }
        Ok(())
    }
}

/// Links up to `limit` wordings not yet in a cluster.
fn link_quotes(tx: &LinkTx, limit: usize) -> Result<Linked> {
    let pending = tx.pending_wordings(limit)?;
    let mut out = Linked { wordings: pending.len(), ..Linked::default() };
    if pending.is_empty() {
        return Ok(out);
    }
    let in_archive = tx.has_keys()?;
    let mut clusters = Clusters { tx, known: HashMap::new() };
    let mut pass = PassIndex::default();
    // The cluster each of this pass's wordings went to.
    let mut assigned: Vec<i64> = Vec::with_capacity(pending.len());
    // Wordings linked in earlier passes that came up as candidates.
    let mut stored: HashMap<i64, Option<(String, i64)>> = HashMap::new();
    // Quotations that became fragments of a newer, longer one.
    let mut regrouped: Vec<i64> = Vec::new();

    let mut archive = ArchiveKeys::new(|k, n| tx.wordings_with_key(k, n));
    for (i, w) in pending.iter().enumerate() {
        let words: Vec<&str> = w.normalized.split(' ').collect();
        let keys = quotes::keys(&w.normalized);
        let lookup = if in_archive { Some(&mut archive) } else { None };
        let search = Search { per_key: KEY_LIMIT, min_shared: 1, limit: CANDIDATES };
        let candidates = candidates::find(&keys, &pass, |j| pending[j].id, lookup, search)?;

        let mut best: Option<(f64, i64)> = None;
        let mut container: Option<i64> = None;
        let mut contained: Vec<i64> = Vec::new();
        for c in candidates {
            let id = c.id;
            let (normalized, cluster) = match c.pos {
                Some(j) => (pending[j].normalized.as_str(), assigned[j]),
                None => {
                    if let std::collections::hash_map::Entry::Vacant(e) = stored.entry(id) {
                        let s = tx.wording(id)?;
                        e.insert(s.cluster_id.map(|c| (s.normalized, c)));
                    }
                    match &stored[&id] {
                        Some((n, c)) => (n.as_str(), *c),
                        None => continue,
                    }
                }
            };
            let (speaker, _) = clusters.get(cluster)?;
            if !compatible(w.speaker_id, speaker) {
                continue;
            }
            let other: Vec<&str> = normalized.split(' ').collect();
            if let Some(sim) = quotes::near_duplicate(&words, &other) {
                if best.is_none_or(|(s, _)| sim > s) {
                    best = Some((sim, cluster));
                }
            } else if quotes::fragment_of(&words, &other) {
                if container.is_none() {
                    container = Some(clusters.root(cluster)?);
                }
            } else if quotes::fragment_of(&other, &words) {
                contained.push(cluster);
            }
        }

        let cluster = match best {
            Some((_, c)) => {
                out.variants += 1;
                c
            }
            None => {
                let c = tx.new_cluster(w)?;
                clusters.created(c, w.speaker_id);
                if let Some(p) = container {
                    clusters.make_fragment(c, p)?;
                    out.fragments += 1;
                } else {
                    // A longer quotation arriving after its fragments gathers them.
                    for d in contained {
                        if d != c && clusters.root(d)? == d {
                            clusters.make_fragment(d, c)?;
                            regrouped.push(d);
                            out.fragments += 1;
                        }
                    }
                }
                c
            }
        };
        tx.assign(w.id, cluster)?;
        assigned.push(cluster);
        pass.add(i, &keys);
    }
    // Keys go in sorted, which keeps the index's pages in order.
    tx.add_keys(pass.by_key().map(|(k, p)| (k, pending[p].id)))?;

    // Canonical wording (the most widely carried) and every wording's diff to it.
    let mut touched: Vec<i64> = assigned.iter().copied().collect::<HashSet<_>>().into_iter().collect();
    touched.sort_unstable();
    tx.mark_clusters_stale(&touched)?;
    tx.mark_clusters_stale(&regrouped)?;
    let carried = tx.carried(&touched)?;
    for group in carried.chunk_by(|a, b| a.cluster == b.cluster) {
        let canonical = &group[0];
        tx.set_canonical(canonical, majority_speaker(group))?;
        for w in group {
            tx.set_diff(w.wording_id, quotes::diff(&w.normalized, &canonical.normalized).as_deref())?;
        }
    }
    tx.drop_empty_clusters()?;
    Ok(out)
}

/// The speaker most of a cluster's quoted sentences name (ties: the one
/// whose wording is most widely carried).
fn majority_speaker(group: &[Carried]) -> Option<i64> {
    let mut weight: Vec<(i64, i64)> = Vec::new();
    for w in group {
        if let Some(s) = w.speaker_id {
            match weight.iter_mut().find(|(k, _)| *k == s) {
                Some((_, n)) => *n += w.units,
                None => weight.push((s, w.units)),
            }
        }
    }
    // max_by_key keeps the last of equals; iterate reversed to keep the first.
    weight.iter().rev().max_by_key(|(_, n)| *n).map(|(s, _)| *s)
}

/// Articles kept shingled between comparisons: a new article's candidates
/// are mostly the articles just before it (the same story, the same wire
/// copy), so a few thousand recent ones spare re-reading most bodies.
const RECENT: usize = 4_096;

/// Compares the articles up to `upto` not compared yet with the archive.
fn link_articles(tx: &LinkTx, upto: i64) -> Result<usize> {
    let mut done = 0;
    let mut recent: HashMap<i64, std::rc::Rc<articles::Shingled>> = HashMap::new();
    let mut order: std::collections::VecDeque<i64> = std::collections::VecDeque::new();
    // Shingles of this pass's articles; the archive's index is read only for
    // articles linked in earlier passes, and written once, sorted, at the end.
    let in_archive = tx.has_shingles()?;
    let mut postings: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut new_shingles: Vec<(i64, i64)> = Vec::new();
    loop {
        let batch = tx.pending_articles(upto, 512)?;
        if batch.is_empty() {
            new_shingles.sort_unstable();
            tx.add_shingles(&new_shingles)?;
            return Ok(done);
        }
        // Shingling is the costly part and independent per article: all cores.
        let shingled = on_all_cores(&batch, |a| articles::shingle(&a.body));
        for (art, mine) in batch.iter().zip(shingled) {
            let mine = std::rc::Rc::new(mine);
            let sample = mine.sample();
            let mut shared: HashMap<i64, usize> = HashMap::new();
            for h in &sample {
                let mut ids = postings.get(h).cloned().unwrap_or_default();
                if in_archive && ids.len() <= KEY_LIMIT {
                    ids.extend(tx.articles_with_shingle(*h, KEY_LIMIT + 1)?);
                }
                // A phrase in very many articles ("the White House said")
                // says nothing about reuse.
                if ids.len() > KEY_LIMIT {
                    continue;
                }
                for id in ids {
                    *shared.entry(id).or_default() += 1;
                }
            }
            // An article linked before and marked for linking again (by
            // hand, say) finds itself in the index.
            let mut candidates: Vec<(i64, usize)> =
                shared.into_iter().filter(|&(id, n)| n >= 2 && id != art.id).collect();
            candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            candidates.truncate(ARTICLE_CANDIDATES);
            for (other_id, _) in candidates {
                let other = tx.article_date(other_id)?;
                let theirs = match recent.get(&other_id) {
                    Some(s) => std::rc::Rc::clone(s),
                    None => std::rc::Rc::new(articles::shingle(&tx.article(other_id)?.body)),
                };
                let (m, t) = (mine.sentence_count(), theirs.sentence_count());
                if m == 0 || t == 0 {
                    continue;
                }
                let (m_found, t_found) = (articles::found_in(&mine, &theirs), articles::found_in(&theirs, &mine));
                let (m_share, t_share) = (m_found as f64 / m as f64, t_found as f64 / t as f64);
                if m_share.max(t_share) < articles::STORE {
                    continue;
                }
                // Stored with the lower id first.
                let (a, b, a_counts, b_counts, a_pub, b_pub) = if art.id < other_id {
                    (art.id, other_id, (m, m_found), (t, t_found), art.published.as_deref(), other.as_deref())
                } else {
                    (other_id, art.id, (t, t_found), (m, m_found), other.as_deref(), art.published.as_deref())
                };
                let share = |c: (usize, usize)| c.1 as f64 / c.0 as f64;
                let source = articles::likely_source(a_pub, b_pub, share(a_counts), share(b_counts)).map(|s| match s {
                    articles::Source::A(why) => (a, why),
                    articles::Source::B(why) => (b, why),
                });
                tx.save_pair(a, b, a_counts, b_counts, source)?;
            }
            for h in sample {
                let list = postings.entry(h).or_default();
                // Past the cap a list is never read again; it need not grow.
                if list.len() <= KEY_LIMIT {
                    list.push(art.id);
                }
                new_shingles.push((h, art.id));
            }
            tx.mark_linked(art.id)?;
            recent.insert(art.id, mine);
            order.push_back(art.id);
            if order.len() > RECENT
                && let Some(old) = order.pop_front()
            {
                recent.remove(&old);
            }
            done += 1;
        }
    }
}

/// Detects, from the stored bodies, the language of articles stored before
/// languages were detected, on every core, and commits them — before their
/// claims are extracted, which reads the language.
fn detect_late_languages(tx: LinkTx) -> Result<usize> {
    let mut done = 0;
    loop {
        let batch = tx.articles_without_language(LATE_BATCH)?;
        if batch.is_empty() {
            tx.commit()?;
            return Ok(done);
        }
        let detected = on_all_cores(&batch, |(_, _, body)| crate::ingest::language::detect(body));
        for ((id, outlet, _), language) in batch.iter().zip(detected) {
            tx.set_detected_language(*id, *outlet, language)?;
            done += 1;
        }
    }
}

/// Articles read per batch when extracting the claims of articles stored
/// before claims existed.
const LATE_BATCH: usize = 256;

/// Extracts, from the stored bodies, the claims of articles stored before
/// claims were extracted (an archive of an earlier version), on every core,
/// and commits them.
fn extract_late_claims(mut tx: LinkTx) -> Result<usize> {
    let mut done = 0;
    loop {
        let batch = tx.articles_without_claims(LATE_BATCH)?;
        if batch.is_empty() {
            tx.commit()?;
            return Ok(done);
        }
        let extracted = on_all_cores(&batch, |a| {
            crate::extract::claims_of_body(&a.body, a.published.as_deref(), a.language.as_deref())
        });
        for (article, claims) in batch.iter().zip(extracted) {
            tx.save_late_claims(article, &claims)?;
            done += 1;
        }
    }
}

/// How claims find candidates: the newest claims sharing a key are the
/// likely ones (the same story, told the same days); a figure or a subject
/// is shared by many claims, so fewer are read per key, and fewer compared,
/// than for quotations.
const CLAIM_SEARCH: Search = Search { per_key: 16, min_shared: 1, limit: 16 };

/// Claims read from the archive per batch.
const CLAIM_BATCH: usize = 4_096;

/// Claims kept ready for comparison between batches: a new claim's
/// candidates are mostly the claims just before it (the same story).
const RECENT_CLAIMS: usize = 32_768;

/// The last [`RECENT_CLAIMS`] claims compared, kept from one round to the
/// next (a claim kept is compared on fewer shared keys than one read again
/// from the archive, so a round must not forget them).
#[derive(Default)]
struct RecentClaims {
    sigs: FxHashMap<i64, Arc<claims::Sig>>,
    /// Their ids, oldest first.
    order: std::collections::VecDeque<i64>,
}

/// What the claim linker decided, for the linking pass to write.
#[derive(Default)]
struct ClaimPlan {
    /// Clusters to create: (id, first claim).
    new_clusters: Vec<(i64, i64)>,
    /// The claims placed, in order, with their candidate keys.
    pass: PassIndex,
    /// Their ids, by position in the pass.
    ids: Vec<i64>,
    /// Their clusters, by position.
    clusters: Vec<i64>,
    /// Facts that round an earlier fact of the same subject: (earlier, new).
    roundings: Vec<(i64, i64)>,
    /// Figures that differ on one subject: (earlier fact, new fact, their
    /// articles) — conflicts if the articles turn out to be of one story,
    /// which is known once articles are linked too.
    conflicts: Vec<(i64, i64, i64, i64)>,
    /// The last claim looked at.
    upto: Option<i64>,
    /// The facts each article of the pass states.
    stories: Stories,
    /// Claims joined to an earlier fact.
    joined: usize,
}

/// Decides where every claim up to `upto` without a cluster goes: with the same fact
/// stated before (found through the shared candidate index), or in a new
/// cluster; and which figures conflict with, or round, earlier ones. Reads
/// only committed claims, so it runs beside the linking of articles.
fn plan_claims(reader: &ClaimReader, upto: Option<i64>, recent: &mut RecentClaims) -> Result<ClaimPlan> {
    let mut plan = ClaimPlan::default();
    let Some(upto) = upto else { return Ok(plan) };
    let in_archive = reader.has_claim_keys()?;
    let RecentClaims { sigs: recent, order } = recent;
    let mut last_cluster = reader.last_claim_cluster()?;
    plan.stories.last_old_cluster = last_cluster;
    let mut after = reader.claims_linked()?;
    let mut archive = ArchiveKeys::new(|k, n| reader.claims_with_key(k, n));
    loop {
        let batch = reader.claims_between(after, upto, CLAIM_BATCH)?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        plan.upto = Some(after);
        let prepared = on_all_cores(&batch, claims::prepare);
        for (c, (me, keys)) in batch.iter().zip(prepared) {
            let me = Arc::new(me);
            let stored = if in_archive { Some(&mut archive) } else { None };
            let found = candidates::find(&keys, &plan.pass, |p| plan.ids[p], stored, CLAIM_SEARCH)?;
            // The strongest cluster stating the same fact, unless a claim of
            // that cluster states a different figure of it: a cluster
            // holds one fact, not a chain of near ones.
            let mut same: Vec<(f64, i64)> = Vec::new();
            let mut blocked: Vec<i64> = Vec::new();
            let mut paired: Vec<(i64, i64)> = Vec::new();
            for cand in found {
                // A claim read long ago is worth reading again from the
                // archive only when it shares more than one key.
                if !recent.contains_key(&cand.id) && cand.shared < 2 {
                    continue;
                }
                let (other, cluster) = match (recent.get(&cand.id), cand.pos) {
                    (Some(s), Some(p)) => (Arc::clone(s), plan.clusters[p]),
                    _ => match reader.stored_claim(cand.id)? {
                        Some(s) => match cand.pos.map(|p| plan.clusters[p]).or(s.cluster_id) {
                            Some(cluster) => (Arc::new(claims::sig(&s)), cluster),
                            None => continue,
                        },
                        None => continue,
                    },
                };
                match claims::relate(&other, &me) {
                    // One conflict or rounding per figure and cluster stating
                    // the other figure: the cluster says how many outlets
                    // stand behind it.
                    claims::Relation::Same { strength, roundings } => {
                        same.push((strength, cluster));
                        for (a, b) in roundings {
                            if !paired.contains(&(b, cluster)) {
                                paired.push((b, cluster));
                                plan.roundings.push((a, b));
                            }
                        }
                    }
                    claims::Relation::Conflict(found) => {
                        for (a, b) in found {
                            if !paired.contains(&(b, cluster)) {
                                paired.push((b, cluster));
                                plan.conflicts.push((a, b, other.article, me.article));
                            }
                        }
                        blocked.push(cluster);
                    }
                    claims::Relation::Differs => blocked.push(cluster),
                    claims::Relation::Unrelated => {}
                }
            }
            let best = same
                .into_iter()
                .filter(|(_, c)| !blocked.contains(c))
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
            let cluster = match best {
                Some((_, cluster)) => {
                    plan.joined += 1;
                    cluster
                }
                None => {
                    last_cluster += 1;
                    plan.new_clusters.push((last_cluster, c.id));
                    last_cluster
                }
            };
            plan.stories.note(c.article_id, cluster);
            plan.pass.add(plan.ids.len(), &keys);
            plan.ids.push(c.id);
            plan.clusters.push(cluster);
            recent.insert(c.id, me);
            order.push_back(c.id);
            if order.len() > RECENT_CLAIMS
                && let Some(old) = order.pop_front()
            {
                recent.remove(&old);
            }
        }
    }
    Ok(plan)
}

/// Writes what [`plan_claims`] decided, once articles are linked: the
/// conflicts whose articles are of one story are kept.
fn write_claims(tx: &LinkTx, plan: ClaimPlan, linked: &mut Linked) -> Result<()> {
    let Some(upto) = plan.upto else { return Ok(()) };
    tx.add_claim_clusters(&plan.new_clusters)?;
    tx.assign_claims(plan.ids.iter().copied().zip(plan.clusters.iter().copied()))?;
    let roundings: Vec<(i64, i64, &str)> = plan.roundings.iter().map(|&(a, b)| (a, b, "rounding")).collect();
    tx.add_claim_pairs(&roundings)?;
    tx.add_claim_keys(plan.pass.by_key().map(|(k, p)| (k, plan.ids[p])))?;
    tx.set_claims_linked(upto)?;
    let mut stories = plan.stories;
    let mut found: Vec<(i64, i64, &str)> = Vec::new();
    for (fact_a, fact_b, a, b) in plan.conflicts {
        if stories.same(tx, a, b)? {
            found.push((fact_a, fact_b, "conflict"));
        }
    }
    tx.add_claim_pairs(&found)?;
    tx.drop_empty_claim_clusters()?;
    linked.claims += plan.ids.len();
    linked.claims_joined += plan.joined;
    linked.conflicts += found.len();
    Ok(())
}

/// A fact stated by this many articles or more is common knowledge, not
/// a story's: it does not make the articles stating it one story.
const COMMON_FACT: usize = KEY_LIMIT + 1;

/// Which articles tell one story, as the facts they state show: two
/// articles are of one story when they state one of the same facts (a fact
/// fewer than [`COMMON_FACT`] claims state) or one reuses the other's text.
/// What this pass linked is kept here; earlier passes' facts are read from
/// the archive when asked.
#[derive(Default)]
struct Stories {
    /// The facts (claim clusters) each article states.
    carried: HashMap<i64, Vec<i64>>,
    /// This pass's claims in each cluster.
    sizes: HashMap<i64, usize>,
    /// Clusters up to this id were made before this pass.
    last_old_cluster: i64,
    /// Sizes of earlier passes' clusters, as read.
    old_sizes: HashMap<i64, usize>,
}

impl Stories {
    fn note(&mut self, article: i64, cluster: i64) {
        let facts = self.carried.entry(article).or_default();
        if !facts.contains(&cluster) {
            facts.push(cluster);
        }
        *self.sizes.entry(cluster).or_default() += 1;
    }

    fn same(&mut self, tx: &LinkTx, a: i64, b: i64) -> Result<bool> {
        if tx.reuses_text(a.min(b), a.max(b))? {
            return Ok(true);
        }
        for article in [a, b] {
            if let std::collections::hash_map::Entry::Vacant(slot) = self.carried.entry(article) {
                slot.insert(tx.article_claim_clusters(article)?);
            }
        }
        let shared: Vec<i64> = self.carried[&a].iter().copied().filter(|c| self.carried[&b].contains(c)).collect();
        for cluster in shared {
            let size = if cluster > self.last_old_cluster {
                self.sizes.get(&cluster).copied().unwrap_or(0)
            } else {
                match self.old_sizes.get(&cluster) {
                    Some(&n) => n,
                    None => {
                        let n = tx.claim_cluster_size(cluster, COMMON_FACT)?;
                        self.old_sizes.insert(cluster, n);
                        n
                    }
                }
            };
            if size < COMMON_FACT {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// `f` of every item, computed on every core, in order.
fn on_all_cores<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(16);
    let chunk = items.len().div_ceil(threads).max(1);
    let f = &f;
    std::thread::scope(|s| {
        let parts: Vec<_> = items.chunks(chunk).map(|c| s.spawn(move || c.iter().map(f).collect::<Vec<_>>())).collect();
        parts.into_iter().flat_map(|p| p.join().expect("work on a core does not panic")).collect()
    })
}
