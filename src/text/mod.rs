//! Everything about strings and nothing about zones: normalisation (width, case, script,
//! company affixes), n-grams and word stems, edit distance, the inverted term index and
//! term specificity, amounts as people type them (`2万平米`, `1.2亿`). Imported by
//! `taxonomy` and `matching`; imports neither.

pub mod amount;
pub mod fold;
pub mod index;
pub mod normalize;
pub mod pinyin;
pub mod similarity;
pub mod specificity;
