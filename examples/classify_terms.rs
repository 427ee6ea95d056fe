//! Classify industry terms with the app's own taxonomy: read terms one per line on
//! stdin, print `term\tcode\ten_name\tzh_name\tconfidence` per term for its best
//! taxonomy entry (empty code/names and confidence 0 when nothing matches). Used by
//! `tools/build_catalogue.py` to name and code the catalogue's leading industries.
//!
//! `printf '装备制造\n电子信息\n' | cargo run --quiet --release --example classify_terms`
//!
//! The first output line is `#floor\t<value>`: the app's `CLASSIFICATION_FLOOR`, so the
//! caller judges confidences against the floor the app itself uses.

use std::io::{self, BufRead, BufWriter, Write};

use zonematch::matching::CLASSIFICATION_FLOOR;
use zonematch::taxonomy::taxonomy;

fn main() {
    let t = taxonomy();
    let stdin = io::stdin();
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "#floor\t{CLASSIFICATION_FLOOR}").unwrap();
    for line in stdin.lock().lines() {
        let term = line.expect("stdin is UTF-8");
        let term = term.trim();
        if term.is_empty() {
            continue;
        }
        match t.classify_text(term).first() {
            Some(best) => {
                let e = t.entry(best.entry);
                writeln!(
                    out,
                    "{term}\t{}\t{}\t{}\t{:.3}",
                    e.code, e.en, e.zh, best.confidence
                )
                .unwrap();
            }
            None => writeln!(out, "{term}\t\t\t\t0").unwrap(),
        }
    }
}
