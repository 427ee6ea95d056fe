//! Everything about strings and nothing about zones: normalisation (width, case, script,
//! company affixes), n-grams and word stems, edit distance, the inverted term index and
//! term specificity. Imported by `taxonomy` and `matching`; imports neither.

pub mod fold;
pub mod index;
pub mod normalize;
pub mod pinyin;
pub mod similarity;
pub mod specificity;
