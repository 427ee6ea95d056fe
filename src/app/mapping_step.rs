//! The mapping step of a table import: each column of the picked sheet, what the app took
//! it for, and sample values; the user may change any column, ignore it, pick another
//! sheet of a workbook, or say the table holds zones rather than prospects. Renders
//! [`MappingState`]; the rules live in [`crate::table_import`].

use leptos::prelude::*;

use super::state::use_app;
use crate::columns::{choosable, Target};
use crate::i18n::{import_field_label, Lang, Msg};
use crate::sheet::Sheet;
use crate::table_import::{guess_mapping, mapping_for, mapping_key, Choice, Mapping};

/// A picked table being mapped.
#[derive(Clone, Debug, PartialEq)]
pub struct MappingState {
    /// The file's sheets (one for a text file).
    pub sheets: Vec<Sheet>,
    /// Index of the sheet being imported.
    pub sheet: usize,
    pub mapping: Mapping,
    /// True when the mapping is one the user confirmed before for these headers.
    pub remembered: bool,
}

impl MappingState {
    /// The state for `sheets`, on the sheet whose header names the most fields (the
    /// first such; a workbook's cover or notes sheet is passed over), with the mapping
    /// remembered for its headers (`remembered(key)`) or else the one the app proposes.
    pub fn new(sheets: Vec<Sheet>, remembered: impl Fn(&str) -> Option<Vec<String>>) -> Self {
        let named = |s: &Sheet| {
            if s.is_empty() {
                return 0;
            }
            guess_mapping(s)
                .columns
                .iter()
                .filter(|c| matches!(c.choice, Choice::Field(_)))
                .count()
                + 1
        };
        let mut first = 0;
        for (i, s) in sheets.iter().enumerate() {
            if named(s) > named(&sheets[first]) {
                first = i;
            }
        }
        let mut s = MappingState {
            sheets,
            sheet: first,
            mapping: Mapping {
                target: Target::Prospects,
                header_row: 0,
                columns: Vec::new(),
            },
            remembered: false,
        };
        s.choose_sheet(first, remembered);
        s
    }

    /// Switch to sheet `i`, its mapping remembered or proposed.
    pub fn choose_sheet(&mut self, i: usize, remembered: impl Fn(&str) -> Option<Vec<String>>) {
        let Some(sheet) = self.sheets.get(i) else {
            return;
        };
        self.sheet = i;
        let guess = guess_mapping(sheet);
        let key = mapping_key(sheet, guess.header_row);
        match remembered(&key).and_then(|keys| Mapping::from_keys(sheet, &keys)) {
            Some(m) => {
                self.mapping = m;
                self.remembered = true;
            }
            None => {
                self.mapping = guess;
                self.remembered = false;
            }
        }
    }

    pub fn current(&self) -> Option<&Sheet> {
        self.sheets.get(self.sheet)
    }

    /// The key and choices to remember once the import is confirmed.
    pub fn to_remember(&self) -> Option<(String, Vec<String>)> {
        let sheet = self.current()?;
        Some((
            mapping_key(sheet, self.mapping.header_row),
            self.mapping.to_keys(),
        ))
    }
}

fn choice_label(c: &Choice, zones: bool, lang: Lang) -> String {
    match c {
        Choice::Field(k) => import_field_label(k, zones, lang),
        Choice::Notes => Msg::ChoiceNotes.text(lang).to_string(),
        Choice::Ignore => Msg::ChoiceIgnore.text(lang).to_string(),
    }
}

/// The mapping step: sheet, target, and one row per column.
#[component]
pub fn MappingStep(
    step: RwSignal<MappingState>,
    on_preview: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let state = use_app();
    let remembered = move |key: &str| state.store.with_value(|s| s.load_mapping(key));
    let sheet_picker = move || {
        let lang = state.lang.get();
        let names: Vec<String> = step.with(|s| s.sheets.iter().map(|s| s.name.clone()).collect());
        (names.len() > 1).then(|| {
            let current = step.with(|s| s.sheet.to_string());
            view! {
                <label class="field">
                    <span>{Msg::MappingSheet.text(lang)}</span>
                    <select data-testid="mapping-sheet" prop:value=current on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            step.update(|s| s.choose_sheet(i, remembered));
                        }
                    }>
                        {names.into_iter().enumerate().map(|(i, n)| view! {
                            <option value=i.to_string()>{n}</option>
                        }).collect_view()}
                    </select>
                </label>
            }
        })
    };
    let target_picker = move || {
        let lang = state.lang.get();
        let current = step.with(|s| s.mapping.target.key());
        view! {
            <label class="field">
                <span>{Msg::MappingTarget.text(lang)}</span>
                <select data-testid="mapping-target" prop:value=current on:change=move |ev| {
                    if let Some(t) = Target::from_key(&event_target_value(&ev)) {
                        step.update(|s| {
                            if let Some(sheet) = s.current() {
                                s.mapping = mapping_for(sheet, t);
                                s.remembered = false;
                            }
                        });
                    }
                }>
                    <option value="prospects">{Msg::TargetProspects.text(lang)}</option>
                    <option value="zones">{Msg::TargetZones.text(lang)}</option>
                </select>
            </label>
        }
    };
    let rows = move || {
        let lang = state.lang.get();
        step.with(|s| {
            let Some(sheet) = s.current() else {
                return Vec::new();
            };
            let zones = s.mapping.target == Target::Zones;
            let mut options: Vec<Choice> = choosable(s.mapping.target)
                .into_iter()
                .filter(|k| *k != "serial")
                .map(Choice::Field)
                .collect();
            options.push(Choice::Notes);
            options.push(Choice::Ignore);
            s.mapping
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let samples = s.mapping.samples(sheet, i, 3).join(" · ");
                    let header = if c.header.is_empty() {
                        format!("#{}", i + 1)
                    } else {
                        c.header.clone()
                    };
                    let unit = c.unit.map(|u| format!("（{u}）")).unwrap_or_default();
                    let selected = c.choice.key();
                    let opts = options.clone();
                    view! {
                        <tr data-testid="mapping-row">
                            <th scope="row">{header.clone()}</th>
                            <td>
                                <select
                                    data-testid="mapping-choice"
                                    aria-label=format!("{} {}", Msg::MappingAs.text(lang), header)
                                    prop:value=selected
                                    on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        step.update(|s| {
                                            let t = s.mapping.target;
                                            if let (Some(choice), Some(col)) =
                                                (Choice::from_key(&v, t), s.mapping.columns.get_mut(i))
                                            {
                                                col.choice = choice;
                                            }
                                        });
                                    }
                                >
                                    {opts.iter().map(|o| view! {
                                        <option value=o.key()>{choice_label(o, zones, lang)}</option>
                                    }).collect_view()}
                                </select>
                                {(!unit.is_empty()).then(|| view! { <span class="hint">{unit}</span> })}
                            </td>
                            <td class="samples">{samples}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let summary = move || {
        let lang = state.lang.get();
        step.with(|s| {
            let notes = s.mapping.notes_columns();
            let ignored: Vec<String> = s
                .mapping
                .columns
                .iter()
                .filter(|c| c.choice == Choice::Ignore && !c.header.is_empty())
                .map(|c| c.header.clone())
                .collect();
            let sep = if lang == Lang::Zh { "、" } else { ", " };
            view! {
                {(!notes.is_empty()).then(|| view! {
                    <p class="note" data-testid="mapping-notes">{Msg::MappingNotesColumns.text(lang)} " " {notes.join(sep)}</p>
                })}
                {(!ignored.is_empty()).then(|| view! {
                    <p class="hint" data-testid="mapping-ignored">{Msg::MappingIgnored.text(lang)} " " {ignored.join(sep)}</p>
                })}
            }
        })
    };
    view! {
        <div class="preview mapping" data-testid="mapping-step">
            <p><strong>{move || Msg::MappingTitle.text(state.lang.get())}</strong></p>
            <p class="hint">{move || Msg::MappingHint.text(state.lang.get())}</p>
            {move || step.with(|s| s.remembered).then(|| view! {
                <p class="note" data-testid="mapping-remembered">{Msg::MappingRemembered.text(state.lang.get())}</p>
            })}
            {sheet_picker}
            {target_picker}
            <p class="hint" data-testid="mapping-header-row">
                {move || format!("{}：{}", Msg::MappingHeaderRow.text(state.lang.get()), step.with(|s| s.mapping.header_row + 1))}
            </p>
            <div class="table-scroll">
                <table class="mapping-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || Msg::MappingColumn.text(state.lang.get())}</th>
                            <th scope="col">{move || Msg::MappingAs.text(state.lang.get())}</th>
                            <th scope="col">{move || Msg::MappingSamples.text(state.lang.get())}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {summary}
            <div class="actions">
                <button class="primary" data-testid="mapping-preview" on:click=move |_| on_preview.run(())>
                    {move || Msg::MappingPreview.text(state.lang.get())}
                </button>
                <button class="secondary" on:click=move |_| on_cancel.run(())>
                    {move || Msg::Cancel.text(state.lang.get())}
                </button>
            </div>
        </div>
    }
}
