//! The candidate index every linker shares: items (quotation wordings,
//! claims) are found by the keys they share with the item being linked —
//! in this pass, through postings kept in memory, and in earlier passes,
//! through the keys stored in the archive, the newest first either way —
//! so each new item is compared
//! with a few dozen others, never with the archive.

use crate::store::Result;
use rustc_hash::FxHashMap;

/// Candidates looked at per key: a key shared by more items than this is
/// common phrasing, and the rarer keys of an item find its matches.
pub const KEY_LIMIT: usize = 64;

/// The keys of this pass's items: the latest posting of each key, and each
/// posting's item (its position in the pass) and predecessor, newest first.
#[derive(Debug, Default)]
pub struct PassIndex {
    heads: FxHashMap<i64, u32>,
    postings: Vec<(u32, u32)>,
}

impl PassIndex {
    /// Records that the item at `pos` of this pass has `keys`.
    pub fn add(&mut self, pos: usize, keys: &[i64]) {
        for k in keys {
            let prev = self.heads.insert(*k, self.postings.len() as u32).unwrap_or(u32::MAX);
            self.postings.push((pos as u32, prev));
        }
    }

    /// Positions of this pass's items with `key`, newest first, at most `limit`.
    fn with_key(&self, key: i64, limit: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.heads.get(&key).copied();
        std::iter::from_fn(move || {
            let p = at?;
            let (pos, prev) = self.postings[p as usize];
            at = (prev != u32::MAX).then_some(prev);
            Some(pos as usize)
        })
        .take(limit)
    }

    /// Every (key, position) recorded, by key and then position: the order
    /// that keeps a key index's pages in order when they are stored, read
    /// from the postings rather than kept twice.
    pub fn by_key(&self) -> impl Iterator<Item = (i64, usize)> + '_ {
        let mut keys: Vec<i64> = self.heads.keys().copied().collect();
        keys.sort_unstable();
        keys.into_iter().flat_map(move |k| {
            let mut at: Vec<usize> = self.with_key(k, usize::MAX).collect();
            at.reverse();
            at.into_iter().map(move |p| (k, p))
        })
    }
}

/// Key reads [`ArchiveKeys`] remembers at most: a round of 150,000 wordings
/// looks up millions of keys, and remembering them all took 130 MB at
/// 100,000 multilingual articles; the reads worth remembering are of the
/// items just before (the same story's), which a bounded memory keeps.
const REMEMBERED: usize = 4_096;

/// The archive's items under each key, as earlier passes stored them: each
/// (key, count) read once while it is remembered, because the items of one
/// story look up the same speaker, names and words, and the stored keys do
/// not change until a pass ends (every linker writes its keys after its
/// pass).
pub struct ArchiveKeys<'a> {
    read: Box<dyn FnMut(i64, usize) -> Result<Vec<i64>> + 'a>,
    memo: FxHashMap<(i64, usize), Vec<i64>>,
}

impl<'a> ArchiveKeys<'a> {
    /// A reader over `read(key, n)`, which lists the archive's newest `n`
    /// items with `key`.
    pub fn new(read: impl FnMut(i64, usize) -> Result<Vec<i64>> + 'a) -> Self {
        ArchiveKeys { read: Box::new(read), memo: FxHashMap::default() }
    }

    fn with_key(&mut self, key: i64, n: usize) -> Result<&[i64]> {
        // Forgetting everything at once keeps the bound without the
        // bookkeeping of an order of use.
        if self.memo.len() >= REMEMBERED && !self.memo.contains_key(&(key, n)) {
            self.memo.clear();
        }
        match self.memo.entry((key, n)) {
            std::collections::hash_map::Entry::Occupied(e) => Ok(e.into_mut()),
            std::collections::hash_map::Entry::Vacant(e) => Ok(e.insert((self.read)(key, n)?)),
        }
    }
}

/// An item sharing keys with the one being linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Its id in the archive.
    pub id: i64,
    /// Keys shared.
    pub shared: usize,
    /// Its position in this pass, if it is of this pass.
    pub pos: Option<usize>,
}

/// How many candidates to look at, and how.
#[derive(Debug, Clone, Copy)]
pub struct Search {
    /// Items read per key, newest first: this pass's, then, if they are
    /// fewer, earlier passes' (so that linking in several passes finds the
    /// candidates one pass would).
    pub per_key: usize,
    /// Keys an item must share to be a candidate.
    pub min_shared: usize,
    /// Candidates returned at most.
    pub limit: usize,
}

/// The items sharing the most of `keys` (see [`Search`]), most keys shared
/// first (then lowest id): of this pass (`id_of` gives a position's id)
/// and, when `stored` is given, of earlier passes.
pub fn find(
    keys: &[i64],
    pass: &PassIndex,
    id_of: impl Fn(usize) -> i64,
    mut stored: Option<&mut ArchiveKeys>,
    search: Search,
) -> Result<Vec<Candidate>> {
    let mut shared: FxHashMap<i64, (usize, Option<usize>)> = FxHashMap::default();
    for &k in keys {
        let mut read = 0;
        for pos in pass.with_key(k, search.per_key) {
            shared.entry(id_of(pos)).or_insert((0, Some(pos))).0 += 1;
            read += 1;
        }
        if let Some(stored) = stored.as_mut()
            && read < search.per_key
        {
            for &id in stored.with_key(k, search.per_key - read)? {
                shared.entry(id).or_insert((0, None)).0 += 1;
            }
        }
    }
    let mut out: Vec<Candidate> = shared
        .into_iter()
        .filter(|&(_, (n, _))| n >= search.min_shared)
        .map(|(id, (shared, pos))| Candidate { id, shared, pos })
        .collect();
    out.sort_by(|a, b| b.shared.cmp(&a.shared).then(a.id.cmp(&b.id)));
    out.truncate(search.limit);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_shared_keys_newest_postings_first() {
        let mut pass = PassIndex::default();
        pass.add(0, &[1, 2, 3]);
        pass.add(1, &[2, 3]);
        pass.add(2, &[9]);
        let ids = [10, 11, 12];
        let search = Search { per_key: KEY_LIMIT, min_shared: 1, limit: 30 };
        let found = find(&[2, 3, 4], &pass, |p| ids[p], None, search).unwrap();
        assert_eq!(found.iter().map(|c| (c.id, c.shared)).collect::<Vec<_>>(), [(10, 2), (11, 2)]);
        let mut archive = ArchiveKeys::new(|k: i64, _: usize| Ok(if k == 4 { vec![99] } else { vec![] }));
        let found =
            find(&[2, 3, 4], &pass, |p| ids[p], Some(&mut archive), Search { min_shared: 2, ..search }).unwrap();
        assert_eq!(found.len(), 2, "one shared key is not enough when two are asked");
    }

    #[test]
    fn earlier_passes_fill_what_this_pass_leaves_of_a_keys_limit() {
        // Key 1: two of this pass's items; the archive's newest fill the
        // limit of three. Key 2: none of this pass's; three of the archive's.
        let mut pass = PassIndex::default();
        pass.add(0, &[1]);
        pass.add(1, &[1]);
        let ids = [20, 21];
        let asked = std::cell::RefCell::new(Vec::new());
        let mut archive = ArchiveKeys::new(|k: i64, n: usize| {
            asked.borrow_mut().push((k, n));
            Ok([12, 11, 10].into_iter().map(|id| id + k * 100).take(n).collect())
        });
        let search = Search { per_key: 3, min_shared: 1, limit: 30 };
        let found = find(&[1, 2], &pass, |p| ids[p], Some(&mut archive), search).unwrap();
        let mut got: Vec<i64> = found.iter().map(|c| c.id).collect();
        got.sort_unstable();
        assert_eq!(got, [20, 21, 112, 210, 211, 212]);
        // A second item of the pass with the same keys reads nothing again.
        find(&[1, 2], &pass, |p| ids[p], Some(&mut archive), search).unwrap();
        drop(archive);
        assert_eq!(asked.into_inner(), [(1, 1), (2, 3)]);
    }

    #[test]
    fn remembered_reads_stay_bounded_and_right() {
        let reads = std::cell::Cell::new(0);
        let mut archive = ArchiveKeys::new(|k: i64, n: usize| {
            reads.set(reads.get() + 1);
            Ok(vec![k * 10; n.min(2)])
        });
        for k in 0..(REMEMBERED as i64 * 3) {
            assert_eq!(archive.with_key(k, 2).unwrap(), [k * 10, k * 10]);
            assert!(archive.memo.len() <= REMEMBERED);
        }
        // The latest key is still remembered; the first one is read again.
        let before = reads.get();
        archive.with_key(REMEMBERED as i64 * 3 - 1, 2).unwrap();
        assert_eq!(reads.get(), before);
        archive.with_key(0, 2).unwrap();
        assert_eq!(reads.get(), before + 1);
    }
}
