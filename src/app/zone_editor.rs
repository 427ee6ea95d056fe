//! Add or edit a zone profile: the plain fields, the chain map (产业链招商图谱: clusters
//! and their links, present or wanted) and the incentives as rows. The rows, their rules
//! and what saving does live in [`crate::zone_form`]; this view renders them and sends
//! the user's edits there. Sized for a tablet: every control is at least 44 px.

use leptos::prelude::*;

use super::files::{new_id, now_iso};
use super::form_fields::{input, input_reading, labelled, Kind, Label};
use super::state::{tr, use_app, Page};
use crate::dates::YearMonth;
use crate::forms::ZoneField;
use crate::i18n::{
    chain_stage_label, incentive_category_label, kind_label, link_status_label, Msg,
};
use crate::model::{ChainStage, Change, IncentiveCategory, Lang, LinkStatus, Text, Zone, ZoneKind};
use crate::zone_form::{
    area_reading, codes_reading, edit_month, land_reading, money_reading, suggest_code,
    CodeSuggestion, FormField, RowKey, ZoneForm,
};

type Errors = RwSignal<Vec<(FormField, Text)>>;
type Draft = RwSignal<ZoneForm>;

fn read_available(d: &ZoneForm) -> Option<(Text, bool)> {
    area_reading(&d.basics.available_m2)
}
fn read_built(d: &ZoneForm) -> Option<(Text, bool)> {
    area_reading(&d.basics.built_m2)
}
fn read_planned(d: &ZoneForm) -> Option<(Text, bool)> {
    area_reading(&d.basics.planned_m2)
}
fn read_land(d: &ZoneForm) -> Option<(Text, bool)> {
    land_reading(&d.basics.land_mu)
}
fn read_min_investment(d: &ZoneForm) -> Option<(Text, bool)> {
    money_reading(&d.basics.min_investment)
}
fn read_cap(d: &ZoneForm) -> Option<(Text, bool)> {
    money_reading(&d.incentive_cap)
}

/// The zone form. `id: None` creates a new zone.
#[component]
pub fn ZoneEditor(id: Option<String>) -> impl IntoView {
    let state = use_app();
    // A new profile may start from a national-catalogue entry ("add details": `?from=`
    // its id), keeping the entry's id, code, name and industries.
    let from = leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("from"))
        .unwrap_or_default();
    let base: Zone = match &id {
        Some(id) => state.data.with_untracked(|d| d.zone(id).cloned()),
        None if !from.is_empty() => state
            .national
            .with_untracked(|n| n.get().and_then(|c| c.entry(&from).map(|e| c.to_zone(e)))),
        None => None,
    }
    .unwrap_or_default();
    let is_new = id.is_none();
    // The month of the edit, Beijing time: the profile's new "as of".
    let month = edit_month(&now_iso());
    let opened = month.unwrap_or(YearMonth {
        year: 1970,
        month: 1,
    });
    let draft: Draft = RwSignal::new(ZoneForm::from_zone(&base, opened));
    let errors: Errors = RwSignal::new(Vec::new());
    // The zone a new one would duplicate, offered to open instead.
    let duplicate: RwSignal<Option<String>> = RwSignal::new(None);
    let base = StoredValue::new(base);
    let lang = state.lang;

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(month) = month else {
            errors.set(vec![(
                FormField::AsOf,
                Text::new(
                    "无法读取本机日期，请检查设备时间",
                    "Cannot read this device's date; check its clock",
                ),
            )]);
            return;
        };
        let mut b = base.get_value();
        if b.id.is_empty() {
            b.id = new_id("zone");
        }
        if is_new {
            // A zone already here under another name people use is not added twice.
            let name = draft.with(|d| d.basics.name_zh.clone());
            let existing = state.data.with(|d| {
                crate::names::same_zone(&d.zones, &name, &b.catalogue_code)
                    .map(|z| (z.id.clone(), z.name.clone()))
            });
            if let Some((id, existing_name)) = existing {
                duplicate.set(Some(id));
                errors.set(vec![(
                    FormField::Basic(ZoneField::Name),
                    Text::new(
                        &format!("“{}”已在园区列表中，请打开并修改它，不要重复添加", existing_name.zh),
                        &format!(
                            "“{}” is already in the zone list: open and edit it instead of adding it again",
                            existing_name.get(crate::i18n::Lang::En)
                        ),
                    ),
                )]);
                request_animation_frame(focus_first_error);
                return;
            }
            // A zone of the national catalogue becomes its profile (listed once).
            if b.catalogue_code.is_empty() {
                let entry = state.national.with_untracked(|n| {
                    n.get().and_then(|c| {
                        let key = crate::names::name_key(&name);
                        c.resolve(&name)
                            .into_iter()
                            .find(|e| crate::names::name_key(&e.name.zh) == key)
                            .map(|e| (e.id.clone(), e.code.clone()))
                    })
                });
                if let Some((entry_id, code)) = entry {
                    if state.data.with(|d| d.zone(&entry_id).is_none()) {
                        b.id = entry_id;
                    }
                    b.catalogue_code = code;
                }
            }
        }
        match draft.with(|d| d.apply(&b, month)) {
            Ok(zone) => {
                let id = zone.id.clone();
                state.apply(Change::UpsertZone(zone));
                errors.set(Vec::new());
                state.go(Page::Zone(id));
            }
            Err(e) => {
                errors.set(e);
                request_animation_frame(focus_first_error);
            }
        }
    };
    let cancel_target = id.clone();
    let cancel = move |_| match &cancel_target {
        Some(id) => state.go(Page::Zone(id.clone())),
        None => state.go(Page::Zones),
    };
    let kinds = move || {
        let lang = lang.get();
        ZoneKind::ALL
            .iter()
            .map(|k| {
                let k = *k;
                view! {
                    <option value=format!("{k:?}") selected=move || draft.with(|d| d.basics.kind == k)>
                        {kind_label(k, lang)}
                    </option>
                }
            })
            .collect_view()
    };
    let on_kind = move |ev| {
        let v = event_target_value(&ev);
        if let Some(k) = ZoneKind::ALL.iter().find(|k| format!("{k:?}") == v) {
            draft.update(|d| d.basics.kind = *k);
        }
    };
    let say = move |l: Label| move || l.get(lang.get());
    use FormField::Basic as B;
    use ZoneField as F;
    view! {
        <section class="page zone-editor">
            <h2>{if is_new { tr(Msg::NewZoneTitle) } else { tr(Msg::EditZoneTitle) }}</h2>
            <form class="form" data-testid="zone-form" on:submit=save novalidate>
                <div class="field-row">
                    {input(Msg::NameZh, "name_zh", draft, |d| d.basics.name_zh.clone(), |d, v| d.basics.name_zh = v, Kind::Text, Some(B(F::Name)), errors)}
                    {input(Msg::NameEn, "name_en", draft, |d| d.basics.name_en.clone(), |d, v| d.basics.name_en = v, Kind::Text, None, errors)}
                </div>
                <div class="field">
                    <label for="f-kind">{tr(Msg::Kind)}</label>
                    <select id="f-kind" on:change=on_kind>{kinds}</select>
                </div>
                <div class="field-row">
                    {input(Msg::LocationZh, "location_zh", draft, |d| d.basics.location_zh.clone(), |d, v| d.basics.location_zh = v, Kind::Text, None, errors)}
                    {input(Msg::LocationEn, "location_en", draft, |d| d.basics.location_en.clone(), |d, v| d.basics.location_en = v, Kind::Text, None, errors)}
                </div>
                {input(Msg::SummaryZh, "summary_zh", draft, |d| d.basics.summary_zh.clone(), |d, v| d.basics.summary_zh = v, Kind::Multiline, None, errors)}
                {input(Msg::SummaryEn, "summary_en", draft, |d| d.basics.summary_en.clone(), |d, v| d.basics.summary_en = v, Kind::Multiline, None, errors)}

                <h3>{say(Label::new("产业链招商图谱", "Chain investment map"))}</h3>
                <p class="hint">{say(Label::new(
                    "每个产业集群下列出环节：已有的和正在招引的，各注明上中下游。环节名后写“（招商）”也会记为招引中。",
                    "List each cluster's chain links, those present and those wanted, with their stage. A link name followed by “（招商）” is also taken as wanted.",
                ))}</p>
                {rows(draft, errors, 0, |d, _| d.clusters.iter().map(|c| c.key).collect(), cluster_row)}
                <div class="actions">
                    <button type="button" class="secondary" data-testid="add-cluster" on:click=move |_| { draft.update(|d| { d.add_cluster(); }); }>
                        {say(Label::new("＋ 添加产业集群", "+ Add cluster"))}
                    </button>
                </div>

                <h3>{tr(Msg::FactorySpace)}</h3>
                <div class="field-row">
                    {input_reading(Msg::AvailableM2Field, "available_m2", draft, |d| d.basics.available_m2.clone(), |d, v| d.basics.available_m2 = v, Kind::Amount, Some(B(F::AvailableM2)), errors, Some(read_available))}
                    {input_reading(Msg::BuiltM2Field, "built_m2", draft, |d| d.basics.built_m2.clone(), |d, v| d.basics.built_m2 = v, Kind::Amount, Some(B(F::BuiltM2)), errors, Some(read_built))}
                    {input_reading(Msg::PlannedM2Field, "planned_m2", draft, |d| d.basics.planned_m2.clone(), |d, v| d.basics.planned_m2 = v, Kind::Amount, Some(B(F::PlannedM2)), errors, Some(read_planned))}
                    {input(Msg::OccupancyField, "occupancy_pct", draft, |d| d.basics.occupancy_pct.clone(), |d, v| d.basics.occupancy_pct = v, Kind::Amount, Some(B(F::Occupancy)), errors)}
                </div>
                <div class="field-row">
                    {input_reading(Msg::LandMuField, "land_mu", draft, |d| d.basics.land_mu.clone(), |d, v| d.basics.land_mu = v, Kind::Amount, Some(B(F::Land)), errors, Some(read_land))}
                </div>
                <div class="field-row">
                    {labelled(Label::new("厂房与土地说明（中文）", "Note on space and land (Chinese)"), "land_note_zh", draft, |d| d.land_note_zh.clone(), |d, v| d.land_note_zh = v, Kind::Text, None, errors, None)}
                    {labelled(Label::new("厂房与土地说明（英文）", "Note on space and land (English)"), "land_note_en", draft, |d| d.land_note_en.clone(), |d, v| d.land_note_en = v, Kind::Text, None, errors, None)}
                </div>

                <h3>{tr(Msg::Thresholds)}</h3>
                <div class="field-row">
                    {input_reading(Msg::MinInvestmentField, "min_investment", draft, |d| d.basics.min_investment.clone(), |d, v| d.basics.min_investment = v, Kind::Amount, Some(B(F::MinInvestment)), errors, Some(read_min_investment))}
                    {input(Msg::MinIntensityField, "min_intensity", draft, |d| d.basics.min_intensity.clone(), |d, v| d.basics.min_intensity = v, Kind::Amount, Some(B(F::MinIntensity)), errors)}
                </div>
                {input(Msg::RestrictedField, "restricted", draft, |d| d.basics.restricted.clone(), |d, v| d.basics.restricted = v, Kind::Text, None, errors)}

                <h3>{tr(Msg::Incentives)}</h3>
                <div class="field-row">
                    {labelled(Label::new("政策总条数", "Policies in total"), "incentive_count", draft, |d| d.incentive_count.clone(), |d, v| d.incentive_count = v, Kind::Amount, Some(FormField::IncentiveCount), errors, None)}
                    {labelled(Label::new("同一企业最高可享（万元，可写“1亿”）", "Most per enterprise (10k CNY; “1亿” = CNY 100 million)"), "incentive_cap", draft, |d| d.incentive_cap.clone(), |d, v| d.incentive_cap = v, Kind::Amount, Some(FormField::IncentiveCap), errors, Some(read_cap))}
                </div>
                {rows(draft, errors, 0, |d, _| d.incentives.iter().map(|i| i.key).collect(), incentive_row)}
                <div class="actions">
                    <button type="button" class="secondary" data-testid="add-incentive" on:click=move |_| { draft.update(|d| { d.add_incentive(); }); }>
                        {say(Label::new("＋ 添加优惠政策", "+ Add incentive"))}
                    </button>
                </div>

                <div class="field-row">
                    {labelled(Msg::AsOfField.into(), "as_of", draft, |d| d.basics.as_of.clone(), |d, v| d.basics.as_of = v, Kind::Text, Some(FormField::AsOf), errors, None)}
                </div>
                <p class="hint" data-testid="as-of-hint">
                    {move || {
                        let m = opened.to_string();
                        match lang.get() {
                            Lang::Zh => format!("保存即视为资料已于 {m} 核实；资料较早时可改填更早的月份。来源将记为“本机编辑”。"),
                            Lang::En => format!("Saving dates the facts {m}, the month of this edit (an earlier month can be entered); the source becomes “edited on this device”."),
                        }
                    }}
                </p>
                <div class="error-summary" role="alert">
                    {move || errors.with(|e| (!e.is_empty()).then(|| {
                        let lang = lang.get();
                        view! {
                            <p class="error">{Msg::FixErrors.text(lang)}</p>
                            <ul class="error">
                                {e.iter().map(|(_, t)| view! { <li>{t.get(lang).to_string()}</li> }).collect_view()}
                            </ul>
                        }
                    }))}
                    {move || duplicate.get().map(|id| view! {
                        <button type="button" class="secondary" data-testid="open-existing-zone" on:click=move |_| state.go(Page::Zone(id.clone()))>
                            {if lang.get() == Lang::Zh { "打开已有园区" } else { "Open the existing zone" }}
                        </button>
                    })}
                </div>
                <div class="actions save-bar">
                    <button type="submit" class="primary" data-testid="save-zone">{tr(Msg::Save)}</button>
                    <button type="button" class="secondary" on:click=cancel>{tr(Msg::Cancel)}</button>
                </div>
            </form>
        </section>
    }
}

/// The rows `keys` lists (for the row `parent`), each drawn by `row`. Drawn again only
/// when the keys change (a row added, removed or moved), not as the user types: each row
/// reads its own fields from the draft.
fn rows(
    draft: Draft,
    errors: Errors,
    parent: RowKey,
    keys: fn(&ZoneForm, RowKey) -> Vec<RowKey>,
    row: fn(Draft, Errors, RowKey) -> AnyView,
) -> AnyView {
    let keys = Memo::new(move |_| draft.with(|d| keys(d, parent)));
    (move || {
        keys.get()
            .into_iter()
            .map(|k| row(draft, errors, k))
            .collect_view()
    })
    .into_any()
}

/// Scroll to the first field marked invalid and put the cursor there.
fn focus_first_error() {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(
                "[data-testid=zone-form] .invalid input, [data-testid=zone-form] .invalid textarea",
            )
            .ok()
            .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// A field of one row: the row's value, and how an edit changes it.
type RowGet = fn(&ZoneForm, RowKey) -> Option<String>;
type RowSet = fn(&mut ZoneForm, RowKey, String);
type RowReading = fn(&ZoneForm, RowKey) -> Option<(Text, bool)>;

/// The error shown under a row's field, in the current language.
fn error_of(errors: Errors, field: FormField) -> impl Fn() -> Option<String> + Copy {
    let lang = use_app().lang;
    move || {
        errors.with(|list| {
            list.iter()
                .find(|(f, _)| *f == field)
                .map(|(_, t)| t.get(lang.get()).to_string())
        })
    }
}

/// A labelled text input bound to a field of row `key`; `tidy` runs when the user leaves
/// the field, `reading` is shown beside it as the user types.
#[allow(clippy::too_many_arguments)]
fn row_input(
    label: Label,
    name: &'static str,
    draft: Draft,
    key: RowKey,
    get: RowGet,
    set: RowSet,
    field: Option<FormField>,
    errors: Errors,
    reading: Option<RowReading>,
    tidy: Option<fn(&mut ZoneForm, RowKey)>,
) -> AnyView {
    let lang = use_app().lang;
    let id = format!("f-{name}-{key}");
    let error = move || field.and_then(|f| error_of(errors, f)());
    let read = move || reading.and_then(|r| draft.with(|d| r(d, key)));
    view! {
        <div class="field" class:invalid=move || error().is_some() class:review=move || read().is_some_and(|(_, bad)| bad)>
            <label for=id.clone()>{move || label.get(lang.get())}</label>
            <input
                id=id
                name=name
                type="text"
                autocomplete="off"
                prop:value=move || draft.with(|d| get(d, key)).unwrap_or_default()
                on:input=move |ev| draft.update(|d| set(d, key, event_target_value(&ev)))
                on:change=move |_| if let Some(t) = tidy { draft.update(|d| t(d, key)) }
            />
            {reading.map(|_| view! {
                <p class="reading" class:unread=move || read().is_some_and(|(_, bad)| bad) aria-live="polite">
                    {move || read().map(|(t, _)| t.get(lang.get()).to_string())}
                </p>
            })}
            <p class="error" role="alert">{error}</p>
        </div>
    }
    .into_any()
}

/// A labelled select of a row: `options` are (stored value, label); `get` gives the
/// row's value, `set` takes the value picked.
fn row_select(
    label: Label,
    name: &'static str,
    draft: Draft,
    key: RowKey,
    options: Vec<(&'static str, Label)>,
    get: fn(&ZoneForm, RowKey) -> Option<&'static str>,
    set: fn(&mut ZoneForm, RowKey, &str),
) -> AnyView {
    let lang = use_app().lang;
    let id = format!("f-{name}-{key}");
    let options = options
        .into_iter()
        .map(|(value, text)| {
            view! {
                <option value=value selected=move || draft.with(|d| get(d, key)) == Some(value)>
                    {move || text.get(lang.get())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field narrow">
            <label for=id.clone()>{move || label.get(lang.get())}</label>
            <select id=id name=name on:change=move |ev| draft.update(|d| set(d, key, &event_target_value(&ev)))>
                {options}
            </select>
        </div>
    }
    .into_any()
}

/// A labelled checkbox of a row.
fn row_check(
    label: Label,
    name: &'static str,
    draft: Draft,
    key: RowKey,
    get: fn(&ZoneForm, RowKey) -> bool,
    set: fn(&mut ZoneForm, RowKey, bool),
) -> AnyView {
    let lang = use_app().lang;
    view! {
        <label class="check">
            <input
                type="checkbox"
                name=name
                prop:checked=move || draft.with(|d| get(d, key))
                on:change=move |ev| draft.update(|d| set(d, key, event_target_checked(&ev)))
            />
            {move || label.get(lang.get())}
        </label>
    }
    .into_any()
}

/// A row's buttons: move up, move down (when `moves`), remove. Each at least 44 px.
fn row_buttons(
    what: Label,
    draft: Draft,
    key: RowKey,
    moves: Option<fn(&mut ZoneForm, RowKey, bool)>,
    remove: fn(&mut ZoneForm, RowKey),
    testid: &'static str,
) -> AnyView {
    let lang = use_app().lang;
    let aria = move |zh: &'static str, en: &'static str| {
        move || match lang.get() {
            Lang::Zh => format!("{zh}{}", what.zh),
            Lang::En => format!("{en} {}", what.en),
        }
    };
    let movers = moves.map(|m| {
        view! {
            <button type="button" class="icon" aria-label=aria("上移", "Move up") on:click=move |_| draft.update(|d| m(d, key, true))>"↑"</button>
            <button type="button" class="icon" aria-label=aria("下移", "Move down") on:click=move |_| draft.update(|d| m(d, key, false))>"↓"</button>
        }
    });
    view! {
        <div class="row-buttons">
            {movers}
            <button type="button" class="icon danger" data-testid=testid aria-label=aria("删除", "Remove") on:click=move |_| draft.update(|d| remove(d, key))>"×"</button>
        </div>
    }
    .into_any()
}

/// The taxonomy-code field of a cluster or link, with the code suggested from the name
/// (accept it, type another, or clear the field).
#[allow(clippy::too_many_arguments)]
fn code_field(
    draft: Draft,
    errors: Errors,
    key: RowKey,
    field: FormField,
    names: fn(&ZoneForm, RowKey) -> Option<(String, String)>,
    get: RowGet,
    set: RowSet,
    reading: RowReading,
) -> AnyView {
    let lang = use_app().lang;
    // Classify only when the names change, not on every keystroke elsewhere in the form.
    let names = Memo::new(move |_| draft.with(|d| names(d, key)));
    let suggestion =
        Memo::new(move |_| names.with(|n| n.as_ref().and_then(|(zh, en)| suggest_code(zh, en))));
    let offered = move || {
        let s: CodeSuggestion = suggestion.get()?;
        let typed = draft.with(|d| get(d, key)).unwrap_or_default();
        let has = typed
            .split([',', '，', '、', ';', '；', ' '])
            .any(|c| c.trim().eq_ignore_ascii_case(&s.code));
        (!has).then_some(s)
    };
    let has_code = move || {
        draft
            .with(|d| get(d, key))
            .is_some_and(|c| !c.trim().is_empty())
    };
    view! {
        <div class="code-field">
            {row_input(
                Label::new("行业代码（国标 GB/T 4754 或 SEI）", "Industry code (GB/T 4754 or SEI)"),
                "codes", draft, key, get, set, Some(field), errors,
                Some(reading), None,
            )}
            <div class="code-actions">
                {move || offered().map(|s| {
                    let code = s.code.clone();
                    let lang = lang.get();
                    view! {
                        <span class="suggest" data-testid="code-suggestion">
                            {match lang { Lang::Zh => "建议：", Lang::En => "Suggested: " }}
                            <strong>{s.code.clone()}</strong> " " {s.name.get(lang).to_string()}
                        </span>
                        <button type="button" class="secondary" data-testid="accept-code"
                            on:click=move |_| { let c = code.clone(); draft.update(|d| set(d, key, c)) }>
                            {match lang { Lang::Zh => "采用", Lang::En => "Use it" }}
                        </button>
                    }
                })}
                {move || has_code().then(|| view! {
                    <button type="button" class="secondary" data-testid="clear-code"
                        on:click=move |_| draft.update(|d| set(d, key, String::new()))>
                        {move || match lang.get() { Lang::Zh => "清除代码", Lang::En => "Clear code" }}
                    </button>
                })}
            </div>
        </div>
    }
    .into_any()
}

fn link_codes(d: &ZoneForm, k: RowKey) -> Option<String> {
    d.link(k).map(|l| l.codes.clone())
}
fn cluster_codes(d: &ZoneForm, k: RowKey) -> Option<String> {
    d.cluster(k).map(|c| c.codes.clone())
}
fn incentive_codes(d: &ZoneForm, k: RowKey) -> Option<String> {
    d.incentive(k).map(|i| i.codes.clone())
}

/// One cluster: its names and code, its links, and a button to add a link.
fn cluster_row(draft: Draft, errors: Errors, key: RowKey) -> AnyView {
    let lang = use_app().lang;
    let say = move |l: Label| move || l.get(lang.get());
    let number = move || {
        draft
            .with(|d| d.clusters.iter().position(|c| c.key == key))
            .map(|i| i + 1)
            .unwrap_or_default()
    };
    view! {
        <fieldset class="cluster-edit" data-testid="cluster-row">
            <legend>
                {move || match lang.get() {
                    Lang::Zh => format!("产业集群 {}", number()),
                    Lang::En => format!("Cluster {}", number()),
                }}
            </legend>
            {row_buttons(Label::new("此集群", "this cluster"), draft, key, Some(ZoneForm::move_cluster), ZoneForm::remove_cluster, "remove-cluster")}
            <div class="field-row">
                {row_input(Label::new("集群名称（中文）", "Cluster name (Chinese)"), "cluster_name_zh", draft, key,
                    |d, k| d.cluster(k).map(|c| c.name_zh.clone()),
                    |d, k, v| if let Some(c) = d.cluster_mut(k) { c.name_zh = v },
                    Some(FormField::ClusterName(key)), errors, None, None)}
                {row_input(Label::new("集群名称（英文）", "Cluster name (English)"), "cluster_name_en", draft, key,
                    |d, k| d.cluster(k).map(|c| c.name_en.clone()),
                    |d, k, v| if let Some(c) = d.cluster_mut(k) { c.name_en = v },
                    None, errors, None, None)}
            </div>
            {code_field(draft, errors, key, FormField::ClusterCodes(key),
                |d, k| d.cluster(k).map(|c| (c.name_zh.clone(), c.name_en.clone())),
                cluster_codes,
                |d, k, v| if let Some(c) = d.cluster_mut(k) { c.codes = v },
                |d, k| codes_reading(&d.cluster(k)?.codes))}
            <h4>{say(Label::new("产业链环节", "Chain links"))}</h4>
            {rows(draft, errors, key, |d, c| d.cluster(c).map(|c| c.links.iter().map(|l| l.key).collect()).unwrap_or_default(), link_row)}
            <div class="actions">
                <button type="button" class="secondary" data-testid="add-link" on:click=move |_| { draft.update(|d| { d.add_link(key); }); }>
                    {say(Label::new("＋ 添加环节", "+ Add link"))}
                </button>
            </div>
        </fieldset>
    }
    .into_any()
}

const STAGES: [(ChainStage, &str); 4] = [
    (ChainStage::Upstream, "upstream"),
    (ChainStage::Midstream, "midstream"),
    (ChainStage::Downstream, "downstream"),
    (ChainStage::Unknown, "unknown"),
];
const STATUSES: [(LinkStatus, &str); 2] = [
    (LinkStatus::Present, "present"),
    (LinkStatus::Wanted, "wanted"),
];
const CATEGORIES: [(IncentiveCategory, &str); 3] = [
    (IncentiveCategory::Reward, "reward"),
    (IncentiveCategory::Subsidy, "subsidy"),
    (IncentiveCategory::Support, "support"),
];

/// One chain link: names, stage, present or wanted, code.
fn link_row(draft: Draft, errors: Errors, key: RowKey) -> AnyView {
    let stages = STAGES
        .iter()
        .map(|(s, v)| {
            let label = match s {
                ChainStage::Unknown => Label::new("未定", "not set"),
                s => Label::new(
                    chain_stage_label(*s, Lang::Zh),
                    chain_stage_label(*s, Lang::En),
                ),
            };
            (*v, label)
        })
        .collect();
    let statuses = STATUSES
        .iter()
        .map(|(s, v)| {
            (
                *v,
                Label::new(
                    link_status_label(*s, Lang::Zh),
                    link_status_label(*s, Lang::En),
                ),
            )
        })
        .collect();
    let wanted =
        move || draft.with(|d| d.link(key).is_some_and(|l| l.status == LinkStatus::Wanted));
    view! {
        <div class="link-edit" class:wanted=wanted data-testid="link-row">
            <div class="field-row">
                {row_input(Label::new("环节名称（中文）", "Link name (Chinese)"), "link_name_zh", draft, key,
                    |d, k| d.link(k).map(|l| l.name_zh.clone()),
                    |d, k, v| if let Some(l) = d.link_mut(k) { l.name_zh = v },
                    Some(FormField::LinkName(key)), errors, None, Some(ZoneForm::tidy_link_name))}
                {row_input(Label::new("环节名称（英文）", "Link name (English)"), "link_name_en", draft, key,
                    |d, k| d.link(k).map(|l| l.name_en.clone()),
                    |d, k, v| if let Some(l) = d.link_mut(k) { l.name_en = v },
                    None, errors, None, Some(ZoneForm::tidy_link_name))}
            </div>
            <div class="field-row">
                {row_select(Label::new("链条位置", "Stage"), "link_stage", draft, key, stages,
                    |d, k| d.link(k).and_then(|l| STAGES.iter().find(|(s, _)| *s == l.stage)).map(|(_, v)| *v),
                    |d, k, v| if let (Some(l), Some((s, _))) = (d.link_mut(k), STAGES.iter().find(|(_, x)| *x == v)) { l.stage = *s })}
                {row_select(Label::new("状态", "Status"), "link_status", draft, key, statuses,
                    |d, k| d.link(k).and_then(|l| STATUSES.iter().find(|(s, _)| *s == l.status)).map(|(_, v)| *v),
                    |d, k, v| if let (Some(l), Some((s, _))) = (d.link_mut(k), STATUSES.iter().find(|(_, x)| *x == v)) { l.status = *s })}
                {row_buttons(Label::new("此环节", "this link"), draft, key, Some(ZoneForm::move_link), ZoneForm::remove_link, "remove-link")}
            </div>
            {code_field(draft, errors, key, FormField::LinkCodes(key),
                |d, k| d.link(k).map(|l| (l.name_zh.clone(), l.name_en.clone())),
                link_codes,
                |d, k, v| if let Some(l) = d.link_mut(k) { l.codes = v },
                |d, k| codes_reading(&d.link(k)?.codes))}
        </div>
    }
    .into_any()
}

/// One incentive: names, category, amounts (万元) and who qualifies.
fn incentive_row(draft: Draft, errors: Errors, key: RowKey) -> AnyView {
    let categories = CATEGORIES
        .iter()
        .map(|(c, v)| {
            (
                *v,
                Label::new(
                    incentive_category_label(*c, Lang::Zh),
                    incentive_category_label(*c, Lang::En),
                ),
            )
        })
        .collect();
    view! {
        <fieldset class="incentive-edit" data-testid="incentive-row">
            <legend>{move || match use_app().lang.get() { Lang::Zh => "优惠政策", Lang::En => "Incentive" }}</legend>
            {row_buttons(Label::new("此政策", "this incentive"), draft, key, None, ZoneForm::remove_incentive, "remove-incentive")}
            <div class="field-row">
                {row_input(Label::new("政策名称（中文）", "Policy name (Chinese)"), "incentive_name_zh", draft, key,
                    |d, k| d.incentive(k).map(|i| i.name_zh.clone()),
                    |d, k, v| if let Some(i) = d.incentive_mut(k) { i.name_zh = v },
                    Some(FormField::IncentiveName(key)), errors, None, None)}
                {row_input(Label::new("政策名称（英文）", "Policy name (English)"), "incentive_name_en", draft, key,
                    |d, k| d.incentive(k).map(|i| i.name_en.clone()),
                    |d, k, v| if let Some(i) = d.incentive_mut(k) { i.name_en = v },
                    None, errors, None, None)}
                {row_select(Label::new("类别", "Category"), "incentive_category", draft, key, categories,
                    |d, k| d.incentive(k).and_then(|i| CATEGORIES.iter().find(|(c, _)| *c == i.category)).map(|(_, v)| *v),
                    |d, k, v| if let (Some(i), Some((c, _))) = (d.incentive_mut(k), CATEGORIES.iter().find(|(_, x)| *x == v)) { i.category = *c })}
            </div>
            <div class="field-row">
                {row_input(Label::new("最高金额（万元，可写“5000万”“1亿”）", "Most paid (10k CNY; or “5000万”, “1亿”)"), "incentive_max", draft, key,
                    |d, k| d.incentive(k).map(|i| i.max_amount.clone()),
                    |d, k, v| if let Some(i) = d.incentive_mut(k) { i.max_amount = v },
                    Some(FormField::IncentiveMax(key)), errors,
                    Some(|d, k| money_reading(&d.incentive(k)?.max_amount)), None)}
                {row_input(Label::new("投资额下限（万元）", "Minimum investment (10k CNY)"), "incentive_min_investment", draft, key,
                    |d, k| d.incentive(k).map(|i| i.min_investment.clone()),
                    |d, k, v| if let Some(i) = d.incentive_mut(k) { i.min_investment = v },
                    Some(FormField::IncentiveMinInvestment(key)), errors,
                    Some(|d, k| money_reading(&d.incentive(k)?.min_investment)), None)}
            </div>
            <div class="checks">
                {row_check(Label::new("须租用或购买厂房", "Only with factory space"), "incentive_requires_factory", draft, key,
                    |d, k| d.incentive(k).is_some_and(|i| i.requires_factory),
                    |d, k, v| if let Some(i) = d.incentive_mut(k) { i.requires_factory = v })}
                {row_check(Label::new("须用地", "Only with land"), "incentive_requires_land", draft, key,
                    |d, k| d.incentive(k).is_some_and(|i| i.requires_land),
                    |d, k, v| if let Some(i) = d.incentive_mut(k) { i.requires_land = v })}
            </div>
            {row_input(Label::new("限定行业代码（留空为不限）", "Only for industry codes (empty: any)"), "incentive_codes", draft, key,
                incentive_codes,
                |d, k, v| if let Some(i) = d.incentive_mut(k) { i.codes = v },
                Some(FormField::IncentiveCodes(key)), errors, Some(|d, k| codes_reading(&d.incentive(k)?.codes)), None)}
        </fieldset>
    }
    .into_any()
}
