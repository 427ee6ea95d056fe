//! Rank every zone for every prospect of a data file in the app's export format, and
//! print one JSON line per prospect: each zone in ranked order with its total, criterion
//! scores and any exclusion.
//!
//! `cargo run --release --example rank -- DATA.json [--preset balanced|chain_first|space_critical|incentive_seeking] [--reasons]`

use serde_json::json;
use zonematch::i18n::{exclusion, reason, Lang};
use zonematch::matching::{Catalogue, Preset, ProspectProfile};
use zonematch::transfer::import_json;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args
        .iter()
        .find(|a| !a.starts_with("--") && !is_preset_value(&args, a))
    else {
        eprintln!("usage: rank DATA.json [--preset NAME] [--reasons]");
        std::process::exit(2);
    };
    let preset = args
        .iter()
        .position(|a| a == "--preset")
        .and_then(|i| args.get(i + 1))
        .map(|name| {
            Preset::ALL
                .into_iter()
                .find(|p| p.key() == name)
                .unwrap_or_else(|| {
                    eprintln!("unknown preset {name}");
                    std::process::exit(2);
                })
        })
        .unwrap_or(Preset::Balanced);
    let with_reasons = args.iter().any(|a| a == "--reasons");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2);
    });
    let data = import_json(&text).unwrap_or_else(|e| {
        for p in e.problems {
            eprintln!("{}", p.en);
        }
        std::process::exit(2);
    });
    let weights = preset.weights();
    let catalogue = Catalogue::new(&data.zones);
    for p in &data.prospects {
        let profile = ProspectProfile::new(p);
        let zones: Vec<_> = catalogue
            .rank(&profile, &weights)
            .into_iter()
            .map(|m| {
                let mut criteria = serde_json::Map::new();
                for c in &m.criteria {
                    criteria.insert(
                        c.kind.key().into(),
                        if c.applicable {
                            json!((c.score * 1000.0).round() / 1000.0)
                        } else {
                            serde_json::Value::Null
                        },
                    );
                }
                let mut row = json!({
                    "zone": m.zone_id,
                    "total": m.total,
                    "criteria": criteria,
                    "excluded": m.exclusions.iter().map(|e| exclusion(e, Lang::En)).collect::<Vec<_>>(),
                });
                if with_reasons {
                    row["reasons"] = json!(m
                        .criteria
                        .iter()
                        .flat_map(|c| c.reasons.iter().map(|r| reason(r, Lang::En)))
                        .collect::<Vec<_>>());
                }
                row
            })
            .collect();
        let line = json!({
            "prospect": p.id,
            "classes": profile.classes(),
            "zones": zones,
        });
        println!("{line}");
    }
}

fn is_preset_value(args: &[String], a: &str) -> bool {
    args.windows(2).any(|w| w[0] == "--preset" && w[1] == a)
}
