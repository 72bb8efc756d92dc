//! Matrix products in 8-bit integers, for the encoder's costliest layer.
//!
//! A left operand is a set of rows of [`GROUP`] values, each quantised to
//! bytes with a scale of its own (one row is one token's activations, so
//! one token with large values does not flatten the others). A row of the
//! product reads several such rows end to end, one per group of the right
//! operand: an n-gram window is the rows of its tokens, never copied.
//! Weights are quantised per column and per group. The integer sums are
//! exact, so the AVX-512 VNNI kernel and the portable one give the same
//! bits, and a vector does not depend on the sentences batched with it.

use super::lanes;
/// Values per quantised row, and rows of the right operand per group.
pub const GROUP: usize = 256;
/// Columns of the right operand per block: four registers of sixteen
/// columns, each column's four bytes side by side.
const COLS: usize = 64;
/// Rows of the product per tile.
const TILE: usize = 6;
/// Activations are stored as `q + OFFSET` in an unsigned byte (what the
/// VNNI instruction multiplies); the offset's share is taken off per column.
const OFFSET: i32 = 128;

/// A right operand, `groups × GROUP` rows by `cols` columns, as signed
/// bytes laid out for the kernel: per group, per block of 64 columns, per
/// four rows, the 64 columns' four bytes.
pub struct Packed {
    groups: usize,
    cols: usize,
    data: Vec<i8>,
    /// Per group and column: the value of one unit.
    scale: Vec<f32>,
    /// Per group and column: `OFFSET` times the sum of its bytes.
    offset: Vec<i32>,
}

impl Packed {
    /// Quantises the row-major `rows × cols` matrix `w`; `rows` must be a
    /// multiple of [`GROUP`] and `cols` of 64.
    pub fn new(w: &[f32], rows: usize, cols: usize) -> Packed {
        assert!(rows.is_multiple_of(GROUP) && cols.is_multiple_of(COLS) && w.len() == rows * cols, "packable shape");
        let groups = rows / GROUP;
        let mut data = vec![0i8; rows * cols];
        let mut scale = vec![0f32; groups * cols];
        let mut offset = vec![0i32; groups * cols];
        for g in 0..groups {
            for c in 0..cols {
                let column = (0..GROUP).map(|r| w[(g * GROUP + r) * cols + c]);
                let max = column.clone().fold(0f32, |m, x| m.max(x.abs()));
                let unit = if max > 0.0 { max / 127.0 } else { 1.0 };
                scale[g * cols + c] = unit;
                let mut sum = 0i32;
                for (r, x) in column.enumerate() {
                    let q = (x / unit).round().clamp(-127.0, 127.0) as i8;
                    sum += i32::from(q);
                    let at = g * GROUP * cols + (c / COLS) * GROUP * COLS + (r / 4) * COLS * 4 + (c % COLS) * 4 + r % 4;
                    data[at] = q;
                }
                offset[g * cols + c] = OFFSET * sum;
            }
        }
        Packed { groups, cols, data, scale, offset }
    }
}

/// Rows of [`GROUP`] activations quantised to bytes, each with its scale,
/// and a last row of zeros that a window's places outside its sentence
/// read.
#[derive(Default)]
pub struct Rows {
    bytes: Vec<u8>,
    scale: Vec<f32>,
}

impl Rows {
    /// Quantises `rows`, each of [`GROUP`] values (read where they are,
    /// whatever lies between them).
    pub fn quantise<'a>(&mut self, rows: impl Iterator<Item = &'a [f32]>) {
        self.bytes.clear();
        self.scale.clear();
        for row in rows {
            assert_eq!(row.len(), GROUP, "whole rows");
            let max = lanes::reduce(row, |m, v| m.max(v.abs()), f32::max);
            let (unit, inverse) = if max > 0.0 { (max / 127.0, 127.0 / max) } else { (0.0, 0.0) };
            self.scale.push(unit);
            self.bytes.extend(row.iter().map(|v| (round(v * inverse) + OFFSET) as u8));
        }
        self.bytes.extend(std::iter::repeat_n(OFFSET as u8, GROUP));
        self.scale.push(0.0);
    }

    /// The index of the row of zeros.
    pub fn zero(&self) -> u32 {
        (self.scale.len() - 1) as u32
    }
}

/// `x` rounded to the nearest integer, ties to even, for `|x| < 2^22`:
/// adding 1.5 × 2^23 leaves the integer in the low bits of the mantissa.
/// (`f32::round` is a library call on this target, and the quantisation
/// of activations rounds a million values per hundred tokens.)
fn round(x: f32) -> i32 {
    (x + 12_582_912.0).to_bits() as i32 - 0x4B40_0000
}

/// `out += Σ_g rows[index[r][g]] · w_g` for each row `r` of the product,
/// where `index` gives `w.groups()` row numbers per product row and `out`
/// has `w.cols` columns.
pub fn product(rows: &Rows, index: &[u32], w: &Packed, out: &mut [f32]) {
    let m = index.len() / w.groups;
    assert!(index.len() == m * w.groups && out.len() == m * w.cols, "product shapes");
    assert!(index.iter().all(|&i| (i as usize) < rows.scale.len()), "row numbers in range");
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512vnni") && std::arch::is_x86_feature_detected!("avx512bw") {
        // SAFETY: the features the kernel is compiled for are present, and
        // the assertions above keep every row and column in range.
        unsafe { vnni::product(rows, index, w, out) };
        return;
    }
    portable(rows, index, w, out);
}

/// The same sums one at a time, for machines without VNNI.
fn portable(rows: &Rows, index: &[u32], w: &Packed, out: &mut [f32]) {
    let m = index.len() / w.groups;
    for g in 0..w.groups {
        let slab = &w.data[g * GROUP * w.cols..(g + 1) * GROUP * w.cols];
        for r in 0..m {
            let i = index[r * w.groups + g] as usize;
            let a = &rows.bytes[i * GROUP..(i + 1) * GROUP];
            for c in 0..w.cols {
                let block = &slab[(c / COLS) * GROUP * COLS..];
                let mut sum = 0i32;
                for (k, &x) in a.iter().enumerate() {
                    sum += i32::from(x) * i32::from(block[(k / 4) * COLS * 4 + (c % COLS) * 4 + k % 4]);
                }
                let unit = (sum - w.offset[g * w.cols + c]) as f32 * w.scale[g * w.cols + c];
                let o = &mut out[r * w.cols + c];
                *o = unit.mul_add(rows.scale[i], *o);
            }
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod vnni {
    use super::{COLS, GROUP, Packed, Rows, TILE};
    use std::arch::x86_64::*;

    /// Tiles of `TILE` product rows by 64 columns, one group at a time, so
    /// that the group's 16 KB of weights for a block stay in L1 while the
    /// rows stream past.
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    pub(super) unsafe fn product(rows: &Rows, index: &[u32], w: &Packed, out: &mut [f32]) {
        // SAFETY: every row pointer is a row of `rows` (the caller checked
        // the indices), and every block, scale and offset is within `w`.
        unsafe {
            let m = index.len() / w.groups;
            let zero = rows.zero();
            for g in 0..w.groups {
                for block in 0..w.cols / COLS {
                    let slab = w.data.as_ptr().add(g * GROUP * w.cols + block * GROUP * COLS);
                    let scale = w.scale.as_ptr().add(g * w.cols + block * COLS);
                    let offset = w.offset.as_ptr().add(g * w.cols + block * COLS);
                    let mut r = 0;
                    while r < m {
                        let n = TILE.min(m - r);
                        let mut a = [rows.bytes.as_ptr(); TILE];
                        let mut units = [0f32; TILE];
                        for t in 0..TILE {
                            let i = if t < n { index[(r + t) * w.groups + g] } else { zero } as usize;
                            a[t] = rows.bytes.as_ptr().add(i * GROUP);
                            units[t] = rows.scale[i];
                        }
                        let mut tile = [[0i32; COLS]; TILE];
                        kernel(a, slab, &mut tile);
                        for t in 0..n {
                            let o = out.as_mut_ptr().add((r + t) * w.cols + block * COLS);
                            for j in 0..COLS / 16 {
                                let sums = _mm512_loadu_si512(tile[t].as_ptr().add(16 * j) as *const __m512i);
                                let sums =
                                    _mm512_sub_epi32(sums, _mm512_loadu_si512(offset.add(16 * j) as *const __m512i));
                                let v = _mm512_mul_ps(_mm512_cvtepi32_ps(sums), _mm512_loadu_ps(scale.add(16 * j)));
                                let acc = _mm512_loadu_ps(o.add(16 * j));
                                _mm512_storeu_ps(o.add(16 * j), _mm512_fmadd_ps(v, _mm512_set1_ps(units[t]), acc));
                            }
                        }
                        r += n;
                    }
                }
            }
        }
    }

    /// The integer sums of `TILE` rows of `GROUP` bytes by a block of 64
    /// columns, into `tile`.
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    unsafe fn kernel(a: [*const u8; TILE], slab: *const i8, tile: &mut [[i32; COLS]; TILE]) {
        // SAFETY: each of `a` has GROUP bytes and `slab` a block's GROUP × 64.
        unsafe {
            let mut acc = [[_mm512_setzero_si512(); 4]; TILE];
            for s in 0..GROUP / 4 {
                let w = slab.add(s * COLS * 4);
                let w = [
                    _mm512_loadu_si512(w as *const __m512i),
                    _mm512_loadu_si512(w.add(64) as *const __m512i),
                    _mm512_loadu_si512(w.add(128) as *const __m512i),
                    _mm512_loadu_si512(w.add(192) as *const __m512i),
                ];
                for (row, a) in acc.iter_mut().zip(a) {
                    let x = _mm512_set1_epi32((a.add(4 * s) as *const i32).read_unaligned());
                    for (acc, w) in row.iter_mut().zip(w) {
                        *acc = _mm512_dpbusd_epi32(*acc, x, w);
                    }
                }
            }
            for (out, row) in tile.iter_mut().zip(acc) {
                for (j, acc) in row.into_iter().enumerate() {
                    _mm512_storeu_si512(out.as_mut_ptr().add(16 * j) as *mut __m512i, acc);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reproducible stream of values in [-1, 1).
    fn values(n: usize, seed: u64) -> Vec<f32> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((s >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn kernel_and_portable_sums_agree_and_approach_the_float_product() {
        let (groups, cols, m) = (3, 128, 13);
        let w = values(groups * GROUP * cols, 7);
        let packed = Packed::new(&w, groups * GROUP, cols);
        let x = values(20 * GROUP, 11);
        let mut rows = Rows::default();
        rows.quantise(x.chunks_exact(GROUP));
        // Each product row reads three rows, some of them the zeros.
        let index: Vec<u32> =
            (0..m * groups).map(|i| if i % 7 == 3 { rows.zero() } else { ((i * 5) % 20) as u32 }).collect();
        let mut fast = vec![0.5; m * cols];
        product(&rows, &index, &packed, &mut fast);
        let mut slow = vec![0.5; m * cols];
        portable(&rows, &index, &packed, &mut slow);
        assert_eq!(fast, slow);

        let mut exact = vec![0.5f32; m * cols];
        for r in 0..m {
            for g in 0..groups {
                let i = index[r * groups + g] as usize;
                if i == rows.zero() as usize {
                    continue;
                }
                for k in 0..GROUP {
                    for c in 0..cols {
                        exact[r * cols + c] += x[i * GROUP + k] * w[(g * GROUP + k) * cols + c];
                    }
                }
            }
        }
        // Sums of up to 768 products of values in [-1, 1), about 9 in
        // magnitude: each is off by a few hundredths, and the product as
        // a whole points the same way.
        let error = fast.iter().zip(&exact).map(|(a, b)| (a - b).abs()).fold(0f32, f32::max);
        assert!(error < 0.3, "largest error {error}");
        let cos = crate::embed::cosine(&fast, &exact);
        assert!(cos > 0.9999, "cosine {cos}");
    }

    #[test]
    fn rounding_is_to_the_nearest_even() {
        for (x, r) in [(0.4, 0), (0.5, 0), (1.5, 2), (-0.5, 0), (-0.6, -1), (-1.5, -2), (126.6, 127), (-127.0, -127)] {
            assert_eq!(round(x), r, "{x}");
        }
    }

    #[test]
    fn rows_of_zeros_stay_zero() {
        let mut rows = Rows::default();
        rows.quantise([0.0; GROUP].chunks_exact(GROUP));
        let packed = Packed::new(&values(GROUP * 64, 3), GROUP, 64);
        let mut out = vec![0.0; 2 * 64];
        product(&rows, &[0, rows.zero()], &packed, &mut out);
        assert!(out.iter().all(|&v| v == 0.0));
    }
}
