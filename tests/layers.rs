//! Imports run one way, from the bottom up:
//! text, lang, quota and dates → taxonomy → the domain (model) → matching and report →
//! i18n → files (transfer, csv, import, merge, forms, zone_form, demo, evaluation, synthetic) →
//! storage → app.
//! A module that refers to one above it (`crate::<module>` in code, comments aside) fails
//! here, naming the file.

use std::path::{Path, PathBuf};

/// Each top-level module under src/ and its layer; a module may use its own layer and
/// those below.
const LAYERS: &[(&str, u8)] = &[
    ("lang", 0),
    ("text", 0),
    ("quota", 0),
    ("order", 0),
    ("dates", 0),
    ("provinces", 0),
    ("taxonomy", 1),
    ("model", 2),
    ("names", 2),
    ("matching", 3),
    ("report", 3),
    ("i18n", 4),
    ("transfer", 5),
    ("csv", 5),
    ("columns", 5),
    ("vcard", 5),
    ("import", 5),
    ("merge", 5),
    ("forms", 5),
    ("zone_form", 5),
    ("demo", 5),
    ("evaluation", 5),
    ("synthetic", 5),
    ("sheet", 5),
    ("table_import", 5),
    ("national", 5),
    ("workbook", 5),
    ("team_docs", 5),
    ("storage", 6),
    ("team_sync", 6),
    ("app", 7),
    // Entry points other than main: src/bin/workbook_worker.rs (uses the crate by name).
    ("bin", 8),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules a file's code refers to as `crate::name` or inside `crate::{a, b::{c}}`
/// (the first segment of each top-level item of a group, nested groups skipped whole),
/// outside comments and its `#[cfg(test)]` module.
fn dependencies(source: &str) -> Vec<String> {
    let code: String = source
        .lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let code = code.split("#[cfg(test)]").next().unwrap_or("");
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut deps = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            deps.push(ident(rest));
            continue;
        };
        // Split the group's top level on commas, skipping nested braces.
        let (mut depth, mut start) = (0usize, 0usize);
        for (j, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    deps.push(ident(&group[start..j]));
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    deps.push(ident(&group[start..j]));
                    start = j + 1;
                }
                _ => {}
            }
        }
    }
    deps.retain(|d| !d.is_empty());
    deps
}

#[test]
fn modules_import_only_their_layer_and_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(own) = layer(&module) else {
            problems.push(format!(
                "{}: module `{module}` has no layer in tests/layers.rs",
                rel.display()
            ));
            continue;
        };
        for dep in dependencies(&std::fs::read_to_string(file).unwrap()) {
            match layer(&dep) {
                Some(l) if l > own => problems.push(format!(
                    "{}: `{module}` (layer {own}) uses `{dep}` (layer {l}), which is above it",
                    rel.display()
                )),
                Some(_) => {}
                None => problems.push(format!("{}: unknown module `{dep}`", rel.display())),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_sees_an_upward_import() {
    let deps = dependencies(
        "use crate::{text::{fold, normalize}, app::state};\n// crate::storage\nfn f() { crate::i18n::x(); }",
    );
    assert_eq!(deps, ["text", "app", "i18n"]);
    assert!(layer("text") < layer("app"));
}
