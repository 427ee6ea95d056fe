//! Export and import of all data, where it is kept, and values set aside as damaged.

use leptos::prelude::*;

use super::files::{download, now_iso, picked_input, read_picked_file_bytes, storage_estimate};
use super::mapping_step::{MappingState, MappingStep};
use super::state::{tr, use_app, AppState};
use crate::i18n::{field_label, Lang, Msg};
use crate::import::{pending_table, preview_json, Pending};
use crate::merge::{overwrites, Overwrite, RecordKind};
use crate::model::{Change, Text};
use crate::transfer::{export_json, ImportPlan};

/// The import in progress, shown under the buttons.
#[derive(Clone, Debug, PartialEq)]
enum ImportStatus {
    Idle,
    /// A workbook is being read (in the workbook worker).
    Reading,
    /// A table was read; the user checks what each column is imported as.
    Mapping(RwSignal<MappingState>),
    /// Validated; waiting for the user to confirm.
    Preview(Box<Pending>),
    Done(ImportPlan),
    Failed(Vec<Text>),
}

/// "长治高新区（产业集群、标准厂房）": a record an action overwrites, with its fields.
fn overwrite_line(o: &Overwrite, lang: Lang) -> String {
    let what = match (o.kind, lang) {
        (RecordKind::Zone, Lang::Zh) => "园区",
        (RecordKind::Zone, Lang::En) => "Zone",
        (RecordKind::Prospect, Lang::Zh) => "意向企业",
        (RecordKind::Prospect, Lang::En) => "Prospect",
    };
    let fields: Vec<String> = o.fields.iter().map(|f| field_label(f, lang)).collect();
    match lang {
        Lang::Zh => format!("{what}“{}”：{}", o.name.get(lang), fields.join("、")),
        Lang::En => format!("{what} “{}”: {}", o.name.get(lang), fields.join(", ")),
    }
}

/// A list of what an action would overwrite, for its confirmation.
fn overwrite_list(items: &[Overwrite], lang: Lang) -> impl IntoView {
    view! {
        <ul data-testid="overwrite-list">
            {items.iter().map(|o| view! { <li>{overwrite_line(o, lang)}</li> }).collect_view()}
        </ul>
    }
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

    // Every picked file takes the one import path (crate::import): a preview of a valid
    // file, or its problems; nothing changes before the user confirms. A table goes
    // through the mapping step first.
    let mapping_errors = RwSignal::new(Vec::<Text>::new());
    let remember = StoredValue::new(None::<(String, Vec<String>)>);
    // The columns the previewed table keeps in the notes, said again in the preview.
    let notes_columns = StoredValue::new(Vec::<String>::new());
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = picked_input(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = read_picked_file_bytes(&input).await;
            input.set_value("");
            let checked = match result {
                Ok(Some(bytes)) => state.data.with_untracked(|d| preview_json(d, &bytes)),
                Ok(None) => return,
                Err(_) => Err(vec![Text::new(
                    "无法读取该文件",
                    "The file could not be read",
                )]),
            };
            remember.set_value(None);
            notes_columns.set_value(Vec::new());
            status.set(match checked {
                Ok(pending) => ImportStatus::Preview(Box::new(pending)),
                Err(problems) => ImportStatus::Failed(problems),
            });
        });
    };
    let on_csv = move |ev: leptos::ev::Event| {
        let Some(input) = picked_input(&ev) else {
            return;
        };
        let name = input
            .files()
            .and_then(|f| f.get(0))
            .map(|f| f.name())
            .unwrap_or_default();
        leptos::task::spawn_local(async move {
            let result = read_picked_file_bytes(&input).await;
            input.set_value("");
            let bytes = match result {
                Ok(Some(bytes)) => bytes,
                Ok(None) => return,
                Err(_) => {
                    status.set(ImportStatus::Failed(vec![Text::new(
                        "无法读取该文件",
                        "The file could not be read",
                    )]));
                    return;
                }
            };
            // Tables are read in the workbook worker: header tables, units, dates and
            // the workbook reader live there, not in the app's wasm.
            status.set(ImportStatus::Reading);
            let sheets = super::workbook::open_table(bytes, &name)
                .await
                .map_err(|e| vec![e]);
            mapping_errors.set(Vec::new());
            status.set(match sheets {
                Ok(sheets) if sheets.iter().any(|s| s.named > 0) => {
                    let step = MappingState::new(sheets, |key| {
                        state.store.with_value(|s| s.load_mapping(key))
                    });
                    ImportStatus::Mapping(RwSignal::new(step))
                }
                Ok(_) => ImportStatus::Failed(vec![Text::new("文件是空的", "The file is empty")]),
                Err(problems) => ImportStatus::Failed(problems),
            });
        });
    };
    let to_preview = move |step: RwSignal<MappingState>| {
        let s = step.get_untracked();
        leptos::task::spawn_local(async move {
            let current = state.data.get_untracked();
            let read = super::workbook::read_table(s.sheet, &s.keys(), &current, &now_iso()).await;
            match read {
                Ok(Ok(read)) => {
                    let pending = state.data.with_untracked(|d| pending_table(d, read));
                    remember.set_value(s.to_remember());
                    notes_columns.set_value(s.notes_headers());
                    mapping_errors.set(Vec::new());
                    status.set(ImportStatus::Preview(Box::new(pending)));
                }
                Ok(Err(problems)) => mapping_errors.set(problems),
                Err(e) => mapping_errors.set(vec![e]),
            }
        });
    };
    // The ledger or the zone table as a sheet, named by what it holds and the day: CSV
    // writes its text, Excel its typed cells.
    let table_sheet = move |zones: bool| {
        let lang = state.lang.get_untracked();
        let day: String = now_iso()
            .chars()
            .take(10)
            .filter(|c| c.is_ascii_digit())
            .collect();
        state.data.with_untracked(|d| {
            if zones {
                (
                    format!("zonematch-zones-{day}"),
                    crate::csv::zones_sheet(&d.zones, lang),
                )
            } else {
                (
                    format!("zonematch-prospects-{day}"),
                    crate::csv::ledger_sheet(
                        &d.prospects,
                        &d.zones,
                        &state.best_zones.get_untracked(),
                        lang,
                    ),
                )
            }
        })
    };
    let export_csv = move |zones: bool| {
        let (stem, sheet) = table_sheet(zones);
        let text = crate::csv::write_csv(&sheet.text_rows());
        let _ = download(&format!("{stem}.csv"), "text/csv;charset=utf-8", &text);
    };
    // The ledger or the zone table as an Excel workbook, written in the workbook worker.
    let export_error = RwSignal::new(None::<Text>);
    let export_xlsx = move |zones: bool| {
        let (stem, sheet) = table_sheet(zones);
        let name = format!("{stem}.xlsx");
        export_error.set(None);
        leptos::task::spawn_local(async move {
            match super::workbook::write_workbook(vec![sheet]).await {
                Ok(bytes) => {
                    let _ = super::files::download_bytes(
                        &name,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        &bytes,
                    );
                }
                Err(e) => export_error.set(Some(e)),
            }
        });
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
    let confirm = move |_| {
        if let ImportStatus::Preview(pending) = status.get_untracked() {
            let plan = pending.plan.clone();
            let done = Text::new(
                &format!(
                    "{}：{}",
                    Msg::ImportDone.text(Lang::Zh),
                    plan_line(&plan, Lang::Zh)
                ),
                &format!(
                    "{}: {}",
                    Msg::ImportDone.text(Lang::En),
                    plan_line(&plan, Lang::En)
                ),
            );
            state.apply_undoable(pending.into_change(), done);
            if let Some((key, keys)) = remember.get_value() {
                let _ = state.store.with_value(|s| s.save_mapping(&key, &keys));
            }
            status.set(ImportStatus::Done(plan));
        }
    };
    let status_view = move || {
        let lang = state.lang.get();
        match status.get() {
            ImportStatus::Idle => ().into_any(),
            ImportStatus::Reading => view! {
                <p class="note" role="status" data-testid="import-reading">{Msg::ReadingWorkbook.text(lang)}</p>
            }
            .into_any(),
            ImportStatus::Mapping(step) => view! {
                <MappingStep
                    step=step
                    on_preview=Callback::new(move |_| to_preview(step))
                    on_cancel=Callback::new(move |_| status.set(ImportStatus::Idle))
                />
                {move || {
                    let problems = mapping_errors.get();
                    (!problems.is_empty()).then(|| view! {
                        <div class="error-box" role="alert" data-testid="import-result">
                            <p>{Msg::ImportFailed.text(lang)}</p>
                            <ul>{problems.iter().map(|p| view! { <li>{p.get(lang).to_string()}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
            }
            .into_any(),
            ImportStatus::Preview(pending) => {
                let flags = pending.flags.clone();
                let added: Vec<String> = {
                    let here = state.data.with_untracked(|d| {
                        d.zones
                            .iter()
                            .map(|z| z.id.clone())
                            .chain(d.prospects.iter().map(|p| p.id.clone()))
                            .map(|id| (id, ()))
                            .collect::<crate::text::index::QuickMap<_, _>>()
                    });
                    pending
                        .incoming
                        .zones
                        .iter()
                        .filter(|z| !here.contains_key(&z.id))
                        .map(|z| z.name.get(lang).to_string())
                        .chain(
                            pending
                                .incoming
                                .prospects
                                .iter()
                                .filter(|p| !here.contains_key(&p.id))
                                .map(|p| p.name.clone()),
                        )
                        .collect()
                };
                let plan = pending.plan;
                view! {
                <div class="preview" data-testid="import-preview">
                    <p><strong>{Msg::ImportPreview.text(lang)}</strong></p>
                    <p>{plan_line(&plan, lang)}</p>
                    {(!plan.overwrites.is_empty()).then(|| view! {
                        <p>{Msg::ImportWillOverwrite.text(lang)}</p>
                        {overwrite_list(&plan.overwrites, lang)}
                    })}
                    {(!notes_columns.get_value().is_empty()).then(|| view! {
                        <p class="note" data-testid="import-notes-columns">
                            {Msg::MappingNotesColumns.text(lang)} " "
                            {notes_columns.get_value().join(if lang == Lang::Zh { "、" } else { ", " })}
                        </p>
                    })}
                    {(!added.is_empty()).then(|| view! {
                        <p>{Msg::ImportWillAdd.text(lang)}</p>
                        <ul data-testid="import-added">{added.iter().take(100).map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                    })}
                    {(!flags.is_empty()).then(|| view! {
                        <p>{Msg::ImportFlags.text(lang)}</p>
                        <ul data-testid="import-flags">{flags.iter().take(100).map(|f| {
                            let line = match lang {
                                Lang::Zh => format!("第 {} 行 {}「{}」：{}（{}）", f.row, f.record, f.column, f.value, f.message.zh),
                                Lang::En => format!("Row {} {}, {}: {} ({})", f.row, f.record, f.column, f.value, f.message.en),
                            };
                            view! { <li>{line}</li> }
                        }).collect_view()}</ul>
                    })}
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
                .into_any()
            }
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
                "{} · {}",
                crate::i18n::count(d.zones.len(), crate::i18n::Noun::Zone, lang),
                crate::i18n::count(d.prospects.len(), crate::i18n::Noun::Prospect, lang)
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
    // Restoring the demo zones asks first, naming every zone and field it overwrites.
    let restore_plan = RwSignal::new(None::<(Vec<Overwrite>, Vec<Text>)>);
    let ask_restore = move |_| {
        let demo = crate::demo::demo_zones();
        restore_plan.set(Some(
            state.data.with_untracked(|d| overwrites(&d.zones, &demo)),
        ));
    };
    let confirm_restore = move |_| {
        let Some((changed, added)) = restore_plan.get_untracked() else {
            return;
        };
        let names: Vec<Text> = changed
            .iter()
            .map(|o| o.name.clone())
            .chain(added)
            .collect();
        let list = |lang, sep| {
            names
                .iter()
                .map(|n| n.get(lang).to_string())
                .collect::<Vec<_>>()
                .join(sep)
        };
        let done = Text::new(
            &format!("已恢复演示园区：{}", list(Lang::Zh, "、")),
            &format!("Demo zones restored: {}", list(Lang::En, ", ")),
        );
        state.apply_undoable(Change::RestoreZones(crate::demo::demo_zones()), done);
        restore_plan.set(None);
    };
    let restore_view = move || {
        let lang = state.lang.get();
        let (changed, added) = restore_plan.get()?;
        Some(if changed.is_empty() && added.is_empty() {
            view! {
                <p class="note" role="status" data-testid="restore-demo-plan">{Msg::RestoreDemoNothing.text(lang)}</p>
            }
            .into_any()
        } else {
            view! {
                <div class="preview" data-testid="restore-demo-plan">
                    {(!changed.is_empty()).then(|| view! {
                        <p><strong>{Msg::RestoreDemoWillOverwrite.text(lang)}</strong></p>
                        {overwrite_list(&changed, lang)}
                    })}
                    {(!added.is_empty()).then(|| view! {
                        <p>{Msg::RestoreDemoWillAdd.text(lang)} {added.iter().map(|n| n.get(lang).to_string()).collect::<Vec<_>>().join(if lang == Lang::Zh { "、" } else { ", " })}</p>
                    })}
                    <div class="actions">
                        <button class="danger" data-testid="confirm-restore-demo" on:click=confirm_restore>{Msg::RestoreDemoConfirm.text(lang)}</button>
                        <button class="secondary" on:click=move |_| restore_plan.set(None)>{Msg::Cancel.text(lang)}</button>
                    </div>
                </div>
            }
            .into_any()
        })
    };
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
                    <button class="secondary" data-testid="export-prospects-xlsx" on:click=move |_| export_xlsx(false)>{tr(Msg::ExportProspectsXlsx)}</button>
                    <button class="secondary" data-testid="export-zones-xlsx" on:click=move |_| export_xlsx(true)>{tr(Msg::ExportZonesXlsx)}</button>
                    <label class="file-button secondary">
                        {tr(Msg::ImportCsv)}
                        <input type="file" accept=".xlsx,.xls,.csv,.tsv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" data-testid="import-csv" on:change=on_csv/>
                    </label>
                </div>
                {move || export_error.get().map(|e| view! {
                    <p class="error-box" role="alert" data-testid="export-error">{e.get(state.lang.get()).to_string()}</p>
                })}
                <p class="hint">{tr(Msg::CsvHint)}</p>
                {status_view}
                <button class="secondary" data-testid="restore-demo" on:click=ask_restore>{tr(Msg::ResetDemo)}</button>
                <p class="hint">{tr(Msg::ResetDemoHint)}</p>
                {restore_view}
            </div>
            {quarantined}
            <super::team::TeamSyncPanel/>
            <p class="hint" data-testid="app-release">{tr(Msg::Release)} " " {super::RELEASE}</p>
        </section>
    }
}
