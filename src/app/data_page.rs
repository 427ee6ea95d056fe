//! Export and import of all data, where it is kept, and values set aside as damaged.

use leptos::prelude::*;

use super::files::{
    download, now_iso, picked_input, read_picked_file_any_encoding, read_picked_file_bytes,
    storage_estimate,
};
use super::state::{tr, use_app, AppState};
use crate::i18n::Msg;
use crate::model::{Change, Dataset, Text};
use crate::transfer::{export_json, import_json_bytes, plan_import, ImportPlan};

/// The import in progress, shown under the buttons.
#[derive(Clone, Debug, PartialEq)]
enum ImportStatus {
    Idle,
    /// Validated; waiting for the user to confirm.
    Preview(Box<Dataset>, ImportPlan),
    Done(ImportPlan),
    Failed(Vec<Text>),
}

/// Download everything as a JSON backup now (also offered by storage banners).
pub fn export_now(state: AppState) {
    let now = now_iso();
    let text = state.data.with_untracked(|d| export_json(d, &now));
    let day: String = now
        .chars()
        .take(10)
        .filter(|c| c.is_ascii_digit())
        .collect();
    let _ = download(&format!("zonematch-{day}.json"), "application/json", &text);
}

fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_048_576.0)
}

/// Data and backup screen.
#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app();
    let status = RwSignal::new(ImportStatus::Idle);
    let estimate = RwSignal::new(None::<(f64, f64)>);
    leptos::task::spawn_local(async move {
        estimate.set(storage_estimate().await);
    });

    // Every import ends here: a preview of a valid file, or its problems.
    let show = move |incoming: Result<Dataset, Vec<Text>>| match incoming {
        Ok(data) => {
            let plan = state.data.with_untracked(|d| plan_import(d, &data));
            status.set(ImportStatus::Preview(Box::new(data), plan));
        }
        Err(problems) => status.set(ImportStatus::Failed(problems)),
    };
    let unreadable = || {
        vec![Text::new(
            "无法读取该文件（编码应为 UTF-8，表格可为 GBK）",
            "The file could not be read (UTF-8 expected; GBK for tables)",
        )]
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = picked_input(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = read_picked_file_bytes(&input).await;
            input.set_value("");
            match result {
                Ok(Some(bytes)) => show(import_json_bytes(&bytes).map_err(|e| e.problems)),
                Ok(None) => {}
                Err(_) => show(Err(unreadable())),
            }
        });
    };
    let on_csv = move |ev: leptos::ev::Event| {
        let Some(input) = picked_input(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = read_picked_file_any_encoding(&input).await;
            input.set_value("");
            match result {
                Ok(Some(text)) => show(
                    state
                        .data
                        .with_untracked(|d| crate::csv::read_table(d, &text, &now_iso())),
                ),
                Ok(None) => {}
                Err(_) => show(Err(unreadable())),
            }
        });
    };
    let export_csv = move |zones: bool| {
        let lang = state.lang.get_untracked();
        let day: String = now_iso()
            .chars()
            .take(10)
            .filter(|c| c.is_ascii_digit())
            .collect();
        let (name, text) = state.data.with_untracked(|d| {
            if zones {
                (
                    format!("zonematch-zones-{day}.csv"),
                    crate::csv::zones_to_csv(&d.zones, lang),
                )
            } else {
                (
                    format!("zonematch-prospects-{day}.csv"),
                    crate::csv::prospects_to_csv(&d.prospects, lang),
                )
            }
        });
        let _ = download(&name, "text/csv;charset=utf-8", &text);
    };
    let confirm = move |_| {
        if let ImportStatus::Preview(data, plan) = status.get_untracked() {
            state.apply(Change::Merge(*data));
            status.set(ImportStatus::Done(plan));
        }
    };
    let plan_line = move |plan: &ImportPlan, lang| {
        let zh = lang == crate::i18n::Lang::Zh;
        if zh {
            format!(
                "园区：新增 {}，更新 {}，不变 {}；意向企业：新增 {}，更新 {}，不变 {}",
                plan.zones_added,
                plan.zones_updated,
                plan.zones_unchanged,
                plan.prospects_added,
                plan.prospects_updated,
                plan.prospects_unchanged
            )
        } else {
            format!(
                "Zones: {} new, {} updated, {} unchanged; prospects: {} new, {} updated, {} unchanged",
                plan.zones_added, plan.zones_updated, plan.zones_unchanged,
                plan.prospects_added, plan.prospects_updated, plan.prospects_unchanged
            )
        }
    };
    let status_view = move || {
        let lang = state.lang.get();
        match status.get() {
            ImportStatus::Idle => ().into_any(),
            ImportStatus::Preview(_, plan) => view! {
                <div class="preview" data-testid="import-preview">
                    <p><strong>{Msg::ImportPreview.text(lang)}</strong></p>
                    <p>{plan_line(&plan, lang)}</p>
                    {(!plan.conflicts.is_empty()).then(|| view! {
                        <p>{Msg::ImportConflicts.text(lang)}</p>
                        <ul>{plan.conflicts.iter().map(|c| view! { <li>{c.get(lang).to_string()}</li> }).collect_view()}</ul>
                    })}
                    <div class="actions">
                        <button class="primary" data-testid="confirm-import" on:click=confirm>{Msg::ApplyImport.text(lang)}</button>
                        <button class="secondary" on:click=move |_| status.set(ImportStatus::Idle)>{Msg::Cancel.text(lang)}</button>
                    </div>
                </div>
            }
            .into_any(),
            ImportStatus::Done(plan) => view! {
                <p class="ok" role="status" data-testid="import-result">
                    {format!("{}：{}", Msg::ImportDone.text(lang), plan_line(&plan, lang))}
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
        let lang = state.lang.get();
        let mut parts = vec![if state.store.with_value(|s| s.is_available()) {
            Msg::StorageOk.text(lang).to_string()
        } else {
            Msg::StorageMemoryOnly.text(lang).to_string()
        }];
        parts.push(match state.persisted.get() {
            Some(true) => Msg::PersistGranted.text(lang).to_string(),
            Some(false) => Msg::PersistDenied.text(lang).to_string(),
            None => Msg::PersistUnknown.text(lang).to_string(),
        });
        if let Some((used, quota)) = estimate.get() {
            parts.push(format!(
                "{} {} / {} {}",
                Msg::StorageUsed.text(lang),
                megabytes(used),
                Msg::StorageQuota.text(lang),
                megabytes(quota)
            ));
        }
        parts.join(" · ")
    };
    let quarantined = move || {
        let lang = state.lang.get();
        let _ = state.data.get();
        let items = state.store.with_value(|s| s.quarantined());
        if items.is_empty() {
            return ().into_any();
        }
        view! {
            <h3>{Msg::Quarantined.text(lang)}</h3>
            <p class="hint">{Msg::QuarantinedHint.text(lang)}</p>
            <ul class="plain" data-testid="quarantine-list">
                {items
                    .into_iter()
                    .map(|(key, raw)| {
                        let name = format!("{}.json", key.replace('.', "-"));
                        view! {
                            <li>
                                <button class="secondary" on:click=move |_| {
                                    let _ = download(&name, "application/json", &raw);
                                }>{key.clone()}</button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let restore_demo = move |_| state.apply(Change::RestoreZones(crate::demo::demo_zones()));
    view! {
        <section class="page">
            <h2>{tr(Msg::DataTitle)}</h2>
            <p data-testid="data-counts">{counts}</p>
            <p class="note" data-testid="storage-status">{where_kept}</p>
            <div class="actions column">
                <button class="primary big" data-testid="export-data" on:click=move |_| export_now(state)>{tr(Msg::ExportData)}</button>
                <p class="hint">{tr(Msg::ExportHint)}</p>
                <label class="file-button secondary big">
                    {tr(Msg::ImportData)}
                    <input type="file" accept=".json,application/json" data-testid="import-data" on:change=on_file/>
                </label>
                <p class="hint">{tr(Msg::ImportHint)}</p>
                <div class="actions">
                    <button class="secondary" data-testid="export-prospects-csv" on:click=move |_| export_csv(false)>{tr(Msg::ExportProspectsCsv)}</button>
                    <button class="secondary" data-testid="export-zones-csv" on:click=move |_| export_csv(true)>{tr(Msg::ExportZonesCsv)}</button>
                    <label class="file-button secondary">
                        {tr(Msg::ImportCsv)}
                        <input type="file" accept=".csv,text/csv" data-testid="import-csv" on:change=on_csv/>
                    </label>
                </div>
                <p class="hint">{tr(Msg::CsvHint)}</p>
                {status_view}
                <button class="secondary" on:click=restore_demo>{tr(Msg::ResetDemo)}</button>
                <p class="hint">{tr(Msg::ResetDemoHint)}</p>
            </div>
            {quarantined}
        </section>
    }
}
