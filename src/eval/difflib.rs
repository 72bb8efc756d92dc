//! The similarity ratio of Python's `difflib.SequenceMatcher` (Ratcliff and
//! Obershelp's gestalt pattern matching, with difflib's "autojunk" rule), so
//! that `newsarchive eval` and the published scorer agree to the decimal.

use std::collections::HashMap;

/// `2 * M / T`: M characters in matching blocks, T characters in all.
pub fn ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    let m = Matcher::new(&a, &b);
    2.0 * m.matched() as f64 / total as f64
}

struct Matcher<'a> {
    a: &'a [char],
    b: &'a [char],
    /// Positions of each character of `b`, popular characters left out.
    b2j: HashMap<char, Vec<usize>>,
}

impl<'a> Matcher<'a> {
    fn new(a: &'a [char], b: &'a [char]) -> Self {
        let mut b2j: HashMap<char, Vec<usize>> = HashMap::new();
        for (j, &c) in b.iter().enumerate() {
            b2j.entry(c).or_default().push(j);
        }
        // difflib's autojunk: in a sequence of 200 or more, a character
        // occurring in more than 1% of the positions is not used to anchor
        // matches.
        if b.len() >= 200 {
            let limit = b.len() / 100 + 1;
            b2j.retain(|_, js| js.len() <= limit);
        }
        Matcher { a, b, b2j }
    }

    /// Longest matching block in a[alo..ahi] × b[blo..bhi], earliest first.
    fn longest(&self, alo: usize, ahi: usize, blo: usize, bhi: usize) -> (usize, usize, usize) {
        let (mut besti, mut bestj, mut best) = (alo, blo, 0);
        let mut j2len: HashMap<usize, usize> = HashMap::new();
        for i in alo..ahi {
            let mut next: HashMap<usize, usize> = HashMap::new();
            if let Some(js) = self.b2j.get(&self.a[i]) {
                for &j in js {
                    if j < blo {
                        continue;
                    }
                    if j >= bhi {
                        break;
                    }
                    let k = j.checked_sub(1).and_then(|p| j2len.get(&p)).copied().unwrap_or(0) + 1;
                    next.insert(j, k);
                    if k > best {
                        besti = i + 1 - k;
                        bestj = j + 1 - k;
                        best = k;
                    }
                }
            }
            j2len = next;
        }
        // Popular characters are not junk: a match extends over them.
        while besti > alo && bestj > blo && self.a[besti - 1] == self.b[bestj - 1] {
            besti -= 1;
            bestj -= 1;
            best += 1;
        }
        while besti + best < ahi && bestj + best < bhi && self.a[besti + best] == self.b[bestj + best] {
            best += 1;
        }
        (besti, bestj, best)
    }

    /// Total size of the matching blocks.
    fn matched(&self) -> usize {
        let mut total = 0;
        let mut queue = vec![(0, self.a.len(), 0, self.b.len())];
        while let Some((alo, ahi, blo, bhi)) = queue.pop() {
            let (i, j, k) = self.longest(alo, ahi, blo, bhi);
            if k > 0 {
                total += k;
                if alo < i && blo < j {
                    queue.push((alo, i, blo, j));
                }
                if i + k < ahi && j + k < bhi {
                    queue.push((i + k, ahi, j + k, bhi));
                }
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_python_difflib() {
        // Values printed by difflib.SequenceMatcher(None, a, b).ratio().
        assert_eq!(ratio("abcd", "bcde"), 0.75);
        assert!(
            (ratio("i get along with them very well", "i got along with him very well") - 0.9180327868852459).abs()
                < 1e-12
        );
        // Long enough (200+) for autojunk to drop the space and common letters.
        let a = "delta to gamma a and beta alpha and the to delta delta and to to and of gamma delta gamma to of alpha beta gamma alpha the alpha the and of of of and gamma a beta alpha gamma and delta the of the of to of a to of delta a alpha the gamma a to beta delta the";
        let b = "the beta beta and and beta a beta of gamma alpha the of of beta alpha alpha of a to the to delta alpha the alpha beta beta to alpha delta of the the gamma alpha a a a gamma of of and to of to beta to the of delta the of the to";
        assert!((ratio(a, b) - 0.05394190871369295).abs() < 1e-12, "{}", ratio(a, b));
        assert_eq!(ratio("", ""), 1.0);
        assert_eq!(ratio("abc", "xyz"), 0.0);
    }
}
