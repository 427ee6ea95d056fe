//! Every file in tests/bad_inputs/ (124 files, built by tools/build_bad_inputs.py) and the
//! generated huge and deeply nested inputs must be refused with a clear message in both
//! languages, leaving the data exactly as it was. Every file takes the app's own import
//! path (`zonematch::import`: strict UTF-8, else GBK for tables; preview; apply), as the
//! Data screen does; tests/e2e/bad-inputs.spec.js feeds the same files to the real app.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use zonematch::demo::demo_dataset;
use zonematch::import::{preview, FileKind};
use zonematch::model::{Dataset, Prospect, Text};
use zonematch::transfer::{ImportPlan, MAX_IMPORT_BYTES};

/// The browser's GBK decoder, natively.
fn gbk(bytes: &[u8]) -> Option<String> {
    Some(encoding_rs::GBK.decode(bytes).0.into_owned())
}

/// Pick `bytes` as a file of `kind` and confirm the preview, as the Data screen does.
fn import(data: &mut Dataset, bytes: &[u8], kind: FileKind) -> Result<ImportPlan, Vec<Text>> {
    let pending = preview(data, bytes, kind, "now", gbk)?;
    let plan = pending.plan.clone();
    data.apply(&pending.into_change());
    Ok(plan)
}

fn current() -> Dataset {
    let mut d = demo_dataset();
    d.prospects.push(Prospect {
        id: "kept".into(),
        name: "已登记的企业".into(),
        industry: "动力电池".into(),
        ..Default::default()
    });
    d
}

fn assert_clear(messages: &[zonematch::model::Text], what: &str) {
    assert!(!messages.is_empty(), "{what}: no message");
    for m in messages {
        assert!(
            !m.zh.trim().is_empty() && !m.en.trim().is_empty(),
            "{what}: {m:?}"
        );
        assert!(
            m.zh.chars().any(zonematch::text::normalize::is_cjk),
            "{what}: zh message {m:?}"
        );
    }
}

fn refuse_json(bytes: &[u8], what: &str) {
    let mut data = current();
    let before = data.clone();
    let err = import(&mut data, bytes, FileKind::Json).expect_err(what);
    assert_clear(&err, what);
    assert_eq!(data, before, "{what}: data changed");
}

fn refuse_csv(bytes: &[u8], what: &str) {
    let mut data = current();
    let before = data.clone();
    let err = import(&mut data, bytes, FileKind::Table).expect_err(what);
    assert_clear(&err, what);
    assert_eq!(data, before, "{what}: data changed");
}

fn files(kind: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad_inputs")
        .join(kind);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    out
}

#[test]
fn every_bad_json_file_is_refused_without_change() {
    let all = files("json");
    assert!(all.len() >= 90, "{} files", all.len());
    for path in all {
        refuse_json(&std::fs::read(&path).unwrap(), &path.display().to_string());
    }
}

#[test]
fn every_bad_csv_file_is_refused_without_change() {
    let all = files("csv");
    assert!(all.len() >= 25, "{} files", all.len());
    for path in all {
        refuse_csv(&std::fs::read(&path).unwrap(), &path.display().to_string());
    }
}

#[test]
fn huge_and_deeply_nested_inputs_are_refused() {
    let huge = vec![b' '; MAX_IMPORT_BYTES + 1];
    refuse_json(&huge, "huge json");
    let nested = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    refuse_json(nested.as_bytes(), "200,000 nested arrays");
    let nested_field = format!(
        "{{\"schema_version\":2,\"zones\":[],\"prospects\":[{{\"id\":\"p\",\"name\":\"x\",\"notes\":{}1{}}}]}}",
        "[".repeat(300),
        "]".repeat(300)
    );
    refuse_json(nested_field.as_bytes(), "deeply nested field");
    let huge_csv = format!("name,industry\n{}", "甲,电池\n".repeat(2_000_000));
    refuse_csv(huge_csv.as_bytes(), "huge csv");
}

#[test]
fn the_good_twin_of_the_corpus_imports() {
    // The corpus is built by mutating this file: it must itself import, so that every
    // refusal above is caused by its mutation.
    let mut data = current();
    let plan = import(
        &mut data,
        include_bytes!("fixtures/v1-export.json"),
        FileKind::Json,
    )
    .unwrap();
    assert_eq!(plan.prospects_added, 1);
    let mut data = current();
    let csv = "企业名称或代号,行业,计划投资（万元）,厂房需求（平方米）,阶段,厂房为必需\r\n甲,电池,100,200,线索,否\r\n";
    let plan = import(&mut data, csv.as_bytes(), FileKind::Table).unwrap();
    assert_eq!(plan.prospects_added, 1);
    // The same table as Chinese Excel saves it (GBK) reads the same.
    let (gbk_bytes, _, lossy) = encoding_rs::GBK.encode(csv);
    assert!(!lossy);
    let mut again = current();
    import(&mut again, &gbk_bytes, FileKind::Table).unwrap();
    assert_eq!(again.prospects.last().unwrap().name, "甲");
    assert_eq!(again.prospects.len(), data.prospects.len());
}
