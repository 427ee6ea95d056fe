//! The mapping step of a table import: each column of the picked sheet, what the app took
//! it for, and sample values; the user may change any column, ignore it, pick another
//! sheet of a workbook, or say the table holds zones rather than prospects. Renders
//! [`MappingState`]; the rules live in [`crate::table_import`].

use leptos::prelude::*;

use super::state::use_app;
use crate::columns::Target;
use crate::i18n::{import_field_label, Lang, Msg};
use crate::table_import::SheetProposal;

/// The choice keys that are not fields (see [`crate::table_import::Choice::key`]).
const NOTES: &str = "notes_column";
const IGNORE: &str = "ignore";

/// A picked table being mapped: what the worker proposed for each sheet, and what the
/// user chose.
#[derive(Clone, Debug, PartialEq)]
pub struct MappingState {
    pub sheets: Vec<SheetProposal>,
    /// Index of the sheet being imported.
    pub sheet: usize,
    pub target: Target,
    /// The choice of each column ([`crate::table_import::Choice::key`]).
    pub choices: Vec<String>,
    /// True when the choices are those the user confirmed before for these headers.
    pub remembered: bool,
}

fn target_index(t: Target) -> usize {
    Target::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

impl MappingState {
    /// The state for `sheets`, on the sheet whose header names the most fields (a
    /// workbook's cover or notes sheet is passed over), with the mapping remembered for
    /// its headers (`remembered(key)`) or else the one proposed.
    pub fn new(
        sheets: Vec<SheetProposal>,
        remembered: impl Fn(&str) -> Option<Vec<String>>,
    ) -> Self {
        let mut first = 0;
        for (i, s) in sheets.iter().enumerate() {
            if s.named > sheets[first].named {
                first = i;
            }
        }
        let mut s = MappingState {
            sheets,
            sheet: first,
            target: Target::Prospects,
            choices: Vec::new(),
            remembered: false,
        };
        s.choose_sheet(first, remembered);
        s
    }

    /// Switch to sheet `i`, its choices remembered or proposed.
    pub fn choose_sheet(&mut self, i: usize, remembered: impl Fn(&str) -> Option<Vec<String>>) {
        let Some(p) = self.sheets.get(i) else {
            return;
        };
        self.sheet = i;
        let fits = |keys: &[String]| -> Option<(Target, Vec<String>)> {
            let (t, choices) = keys.split_first()?;
            let t = Target::from_key(t)?;
            let fields = p.fields.get(target_index(t))?;
            (choices.len() == p.headers.len()
                && choices
                    .iter()
                    .all(|c| c == NOTES || c == IGNORE || fields.contains(c)))
            .then(|| (t, choices.to_vec()))
        };
        match remembered(&p.key).as_deref().and_then(fits) {
            Some((t, choices)) => {
                self.target = t;
                self.choices = choices;
                self.remembered = true;
            }
            None => {
                self.target = Target::from_key(&p.target).unwrap_or_default();
                self.choices = p
                    .choices
                    .get(target_index(self.target))
                    .cloned()
                    .unwrap_or_default();
                self.remembered = false;
            }
        }
    }

    /// Switch the table to hold `t`, with the choices proposed for it.
    pub fn choose_target(&mut self, t: Target) {
        if let Some(p) = self.current() {
            self.choices = p.choices.get(target_index(t)).cloned().unwrap_or_default();
            self.target = t;
            self.remembered = false;
        }
    }

    pub fn current(&self) -> Option<&SheetProposal> {
        self.sheets.get(self.sheet)
    }

    /// The choices as read and remembered: the target key, then one per column.
    pub fn keys(&self) -> Vec<String> {
        std::iter::once(self.target.key().to_string())
            .chain(self.choices.iter().cloned())
            .collect()
    }

    /// The key and choices to remember once the import is confirmed.
    pub fn to_remember(&self) -> Option<(String, Vec<String>)> {
        Some((self.current()?.key.clone(), self.keys()))
    }

    /// The headers of the columns kept in the notes.
    pub fn notes_headers(&self) -> Vec<String> {
        self.headers_with(NOTES)
    }

    /// The headers of the columns whose choice is `choice`.
    fn headers_with(&self, choice: &str) -> Vec<String> {
        let Some(p) = self.current() else {
            return Vec::new();
        };
        p.headers
            .iter()
            .zip(&self.choices)
            .filter(|(h, c)| *c == choice && !h.is_empty())
            .map(|(h, _)| h.clone())
            .collect()
    }
}

fn choice_label(key: &str, zones: bool, lang: Lang) -> String {
    match key {
        NOTES => Msg::ChoiceNotes.text(lang).to_string(),
        IGNORE => Msg::ChoiceIgnore.text(lang).to_string(),
        k => import_field_label(k, zones, lang),
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
        let names: Vec<String> = step.with(|s| s.sheets.iter().map(|p| p.name.clone()).collect());
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
        let current = step.with(|s| s.target.key());
        view! {
            <label class="field">
                <span>{Msg::MappingTarget.text(lang)}</span>
                <select data-testid="mapping-target" prop:value=current on:change=move |ev| {
                    if let Some(t) = Target::from_key(&event_target_value(&ev)) {
                        step.update(|s| s.choose_target(t));
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
            let Some(p) = s.current() else {
                return Vec::new();
            };
            let zones = s.target == Target::Zones;
            let mut options: Vec<String> = p
                .fields
                .get(target_index(s.target))
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter(|k| k != "serial")
                .collect();
            options.push(NOTES.to_string());
            options.push(IGNORE.to_string());
            p.headers
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let samples = p.samples.get(i).map(|v| v.join(" · ")).unwrap_or_default();
                    let header = if h.is_empty() {
                        format!("#{}", i + 1)
                    } else {
                        h.clone()
                    };
                    let unit = p
                        .units
                        .get(i)
                        .filter(|u| !u.is_empty())
                        .map(|u| format!("（{u}）"))
                        .unwrap_or_default();
                    let selected = s.choices.get(i).cloned().unwrap_or_default();
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
                                            if let Some(c) = s.choices.get_mut(i) {
                                                *c = v;
                                                s.remembered = false;
                                            }
                                        });
                                    }
                                >
                                    {opts.iter().map(|o| view! {
                                        <option value=o.clone()>{choice_label(o, zones, lang)}</option>
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
            let notes = s.headers_with(NOTES);
            let ignored = s.headers_with(IGNORE);
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
                {move || {
                    let lang = state.lang.get();
                    let row = step.with(|s| s.current().map_or(1, |p| p.header_row + 1));
                    match lang {
                        Lang::Zh => format!("{}：第 {row} 行", Msg::MappingHeaderRow.text(lang)),
                        Lang::En => format!("{}: {row}", Msg::MappingHeaderRow.text(lang)),
                    }
                }}
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
