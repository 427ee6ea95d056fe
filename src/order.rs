//! One stable sort for the app's lists of results, candidates and rows.
//!
//! Every `slice::sort_by` call site compiles its own copy of the standard library's sort
//! (3-5 KB of wasm each, 53 KB raw in all before issue 11; sharing one saved 6.0 KB gzip). The lists sorted here are short,
//! or sorted once per keystroke (2,600 zone results), so they share one copy: the
//! positions are sorted with a type-erased comparison, then the items are put in that
//! order. Hot inner loops over bigrams keep `sort_unstable` on their plain keys.

use std::cmp::Ordering;

/// Sort `items` by `compare`, stably (equal items keep their order), like
/// `slice::sort_by`.
///
/// ```
/// let mut v = vec![(2, "b"), (1, "x"), (2, "a"), (1, "y")];
/// zonematch::order::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
/// assert_eq!(v, [(1, "x"), (1, "y"), (2, "b"), (2, "a")]);
/// ```
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, &order);
}

/// Sort `items` by a key, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` in sorted order: the one instance of the standard sort.
fn sorted_positions(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Rearrange `items` so that position `i` holds the item that was at `order[i]`, by
/// following each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !done[at] {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Equal to the standard library's stable sort on many shapes, duplicates included.
    #[test]
    fn same_order_as_the_standard_stable_sort() {
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 5, 17, 64, 257, 2600] {
            for modulus in [1u64, 3, 50, 1_000_000] {
                let items: Vec<(u64, usize)> = (0..len)
                    .map(|i| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        ((seed >> 33) % modulus, i)
                    })
                    .collect();
                let mut ours = items.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                let mut std_sorted = items;
                std_sorted.sort_by_key(|a| a.0);
                assert_eq!(ours, std_sorted, "len {len}, modulus {modulus}");
            }
        }
    }

    #[test]
    fn reversed_and_sorted_inputs() {
        let mut v: Vec<u32> = (0..100).rev().collect();
        sort_by_key(&mut v, |x| *x);
        assert_eq!(v, (0..100).collect::<Vec<_>>());
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, (0..100).rev().collect::<Vec<_>>());
    }
}
