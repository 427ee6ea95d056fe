//! Export and import of all data, and where it is kept.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::files::{download, now_iso, read_picked_file};
use super::state::{tr, use_app};
use crate::i18n::Msg;
use crate::model::Text;
use crate::transfer::{export_json, import_json};

/// Result of the last import, shown under the buttons.
#[derive(Clone, Debug, PartialEq)]
enum ImportStatus {
    Idle,
    Done { zones: usize, prospects: usize },
    Failed(Vec<Text>),
}

/// Data and backup screen.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app();
    let status = RwSignal::new(ImportStatus::Idle);

    let export = move |_| {
        let now = now_iso();
        let text = state.data.with(|d| export_json(d, &now));
        let day: String = now
            .chars()
            .take(10)
            .filter(|c| c.is_ascii_digit())
            .collect();
        let _ = download(&format!("zonematch-{day}.json"), "application/json", &text);
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = read_picked_file(&input).await;
            input.set_value("");
            match result {
                Ok(Some(text)) => match import_json(&text) {
                    Ok(data) => {
                        let (zones, prospects) = (data.zones.len(), data.prospects.len());
                        state.data.set(data);
                        status.set(ImportStatus::Done { zones, prospects });
                    }
                    Err(e) => status.set(ImportStatus::Failed(e.problems)),
                },
                Ok(None) => {}
                Err(_) => status.set(ImportStatus::Failed(vec![Text::new(
                    "无法读取该文件（可能不是文本文件）",
                    "The file could not be read (not a text file?)",
                )])),
            }
        });
    };
    let status_view = move || {
        let lang = state.lang.get();
        match status.get() {
            ImportStatus::Idle => ().into_any(),
            ImportStatus::Done { zones, prospects } => view! {
                <p class="ok" role="status" data-testid="import-result">
                    {format!("{}: {} {} · {} {}", Msg::ImportDone.text(lang), zones, Msg::ZonesCount.text(lang), prospects, Msg::ProspectsCount.text(lang))}
                </p>
            }
            .into_any(),
            ImportStatus::Failed(problems) => view! {
                <div class="error-box" role="alert" data-testid="import-result">
                    <p>{Msg::ImportFailed.text(lang)}</p>
                    <ul>{problems.iter().map(|p| view! { <li>{p.get(lang).to_string()}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any(),
        }
    };
    let counts = move || {
        let lang = state.lang.get();
        state.data.with(|d| {
            format!(
                "{} {} · {} {}",
                d.zones.len(),
                Msg::ZonesCount.text(lang),
                d.prospects.len(),
                Msg::ProspectsCount.text(lang)
            )
        })
    };
    let where_kept = move || {
        if state.store.get_value().is_available() {
            tr(Msg::StorageOk)()
        } else {
            tr(Msg::StorageMemoryOnly)()
        }
    };
    let restore_demo = move |_| {
        let demo = crate::demo::demo_zones();
        state.data.update(|d| {
            for z in demo {
                d.upsert_zone(z);
            }
        });
    };
    view! {
        <section class="page">
            <h2>{tr(Msg::DataTitle)}</h2>
            <p data-testid="data-counts">{counts}</p>
            <p class="note">{where_kept}</p>
            <div class="actions column">
                <button class="primary big" data-testid="export-data" on:click=export>{tr(Msg::ExportData)}</button>
                <p class="hint">{tr(Msg::ExportHint)}</p>
                <label class="file-button secondary big">
                    {tr(Msg::ImportData)}
                    <input type="file" accept=".json,application/json" data-testid="import-data" on:change=on_file/>
                </label>
                <p class="hint">{tr(Msg::ImportHint)}</p>
                {status_view}
                <button class="secondary" on:click=restore_demo>{tr(Msg::ResetDemo)}</button>
                <p class="hint">{tr(Msg::ResetDemoHint)}</p>
            </div>
        </section>
    }
}
