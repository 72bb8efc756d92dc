//! Reductions of `f32` slices in sixteen running values, which the
//! compiler keeps in vector lanes: a single running value is a chain of
//! dependent operations, each waiting for the one before, and the encoder
//! and the linker reduce millions of vectors.

/// `step` applied along `a` and `b` together (`step(acc, a[i], b[i])`),
/// from zero: sixteen running values over whole chunks of sixteen, merged
/// left to right by `merge`, then the tail stepped into the result.
#[inline(always)]
pub fn reduce_pairs(a: &[f32], b: &[f32], step: impl Fn(f32, f32, f32) -> f32, merge: impl Fn(f32, f32) -> f32) -> f32 {
    let mut lanes = [0f32; 16];
    let (ca, cb) = (a.chunks_exact(16), b.chunks_exact(16));
    let (ta, tb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for ((l, &x), &y) in lanes.iter_mut().zip(x).zip(y) {
            *l = step(*l, x, y);
        }
    }
    let merged = lanes.into_iter().reduce(merge).unwrap_or(0.0);
    ta.iter().zip(tb).fold(merged, |acc, (&x, &y)| step(acc, x, y))
}

/// `step` applied along `x` (`step(acc, x[i])`), as [`reduce_pairs`].
#[inline(always)]
pub fn reduce(x: &[f32], step: impl Fn(f32, f32) -> f32, merge: impl Fn(f32, f32) -> f32) -> f32 {
    reduce_pairs(x, x, |acc, v, _| step(acc, v), merge)
}

/// The sum of `x`.
pub fn sum(x: &[f32]) -> f32 {
    reduce(x, |acc, v| acc + v, |a, b| a + b)
}

/// The dot product of `a` and `b`.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    reduce_pairs(a, b, |acc, x, y| acc + x * y, |a, b| a + b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reduces_whole_chunks_and_the_tail() {
        let x: Vec<f32> = (1..=37).map(|v| v as f32).collect();
        assert_eq!(sum(&x), 703.0);
        assert_eq!(dot(&x, &x), (1..=37).map(|v| (v * v) as f32).sum::<f32>());
        let max = reduce(&x.iter().map(|v| -v).collect::<Vec<_>>(), |m, v| m.max(v.abs()), f32::max);
        assert_eq!(max, 37.0);
        assert_eq!(sum(&[]), 0.0);
    }
}
