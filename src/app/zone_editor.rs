//! Add or edit a zone profile: the plain fields, the chain map (产业链招商图谱: clusters
//! and their links, present or wanted) and the incentives as rows. The rows, their rules
//! and what saving does live in [`crate::zone_form`]; this view renders them and sends
//! the user's edits there ([`Edit`]). Sized for a tablet: every control is at least 44 px.
//!
//! Drawn for size: every text field is the one [`field`] view (its field named by a
//! [`TextField`]), every select, checkbox and button one function each, and the form is
//! drawn again when the language changes instead of each text following it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::iterators::StaticVec;

use super::files::{new_id, now_iso};
use super::form_fields::{check, field, FieldModel, Kind, Label};
use super::state::{use_app, Page};
use crate::dates::YearMonth;
use crate::i18n::Msg;
use crate::model::{Change, Lang, Text, Zone};
use crate::zone_form::{
    already_listed, catalogue_entry, edit_month, no_date, Choice, Edit, Flag, FormField, Press,
    RowKey, SuggestedCode, TextField, ZoneForm, NO_ROW,
};

/// The draft, and a count of the edits that added, moved or removed a row: the rows are
/// drawn again when it changes, not as the user types (each row reads its own fields).
#[derive(Clone, Copy)]
struct Draft {
    form: RwSignal<ZoneForm>,
    shape: RwSignal<usize>,
}

/// `zh` or `en`, as `lang` says.
fn say(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    Label::new(zh, en).get(lang)
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
    let draft = Draft {
        form: RwSignal::new(ZoneForm::from_zone(&base, opened)),
        shape: RwSignal::new(0),
    };
    let lang = state.lang;

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(month) = month else {
            draft
                .form
                .update(|d| d.refused = vec![(FormField::AsOf, no_date())]);
            return;
        };
        let mut b = base.clone();
        if b.id.is_empty() {
            b.id = new_id("zone");
        }
        if is_new {
            // A zone already here under another name people use is not added twice.
            let name = draft.form.with(|d| d.basics.name_zh.clone());
            let existing = state.data.with(|d| {
                crate::names::same_zone(&d.zones, &name, &b.catalogue_code)
                    .map(|z| (z.id.clone(), already_listed(&z.name)))
            });
            if let Some((id, message)) = existing {
                draft.form.update(|d| {
                    d.duplicate = Some(id);
                    d.refused = vec![(TextField::NameZh.refused_as(NO_ROW).unwrap(), message)];
                });
                request_animation_frame(focus_first_error);
                return;
            }
            // A zone of the national catalogue becomes its profile (listed once).
            if b.catalogue_code.is_empty() {
                let entry = state.national.with_untracked(|n| {
                    n.get()
                        .and_then(|c| catalogue_entry(c, &name))
                        .map(|e| (e.id.clone(), e.code.clone()))
                });
                if let Some((entry_id, code)) = entry {
                    if state.data.with(|d| d.zone(&entry_id).is_none()) {
                        b.id = entry_id;
                    }
                    b.catalogue_code = code;
                }
            }
        }
        match draft.form.with(|d| d.apply(&b, month)) {
            Ok(zone) => {
                let id = zone.id.clone();
                state.apply(Change::UpsertZone(zone));
                draft.form.update(|d| d.refused.clear());
                state.go(Page::Zone(id));
            }
            Err(e) => {
                draft.form.update(|d| d.refused = e);
                request_animation_frame(focus_first_error);
            }
        }
    };
    let cancel_target = id.clone();
    let cancel = move |_| match &cancel_target {
        Some(id) => state.go(Page::Zone(id.clone())),
        None => state.go(Page::Zones),
    };
    view! {
        <section class="page zone-editor">
            {move || {
                let lang = lang.get();
                let m = opened.to_string();
                view! {
                <h2>{if is_new { Msg::NewZoneTitle.text(lang) } else { Msg::EditZoneTitle.text(lang) }}</h2>
                <form class="form" data-testid="zone-form" on:submit=save.clone() novalidate>
                {StaticVec::from(FORM.iter().map(|p| part(draft, lang, p)).collect::<Vec<_>>())}
                <p class="hint" data-testid="as-of-hint">
                    {match lang {
                        Lang::Zh => format!("保存即视为资料已于 {m} 核实；资料较早时可改填更早的月份。来源将记为“本机编辑”。"),
                        Lang::En => format!("Saving dates the facts {m}, the month of this edit (an earlier month can be entered); the source becomes “edited on this device”."),
                    }}
                </p>
                <div class="error-summary" role="alert">
                    {move || draft.form.with(|d| (!d.refused.is_empty()).then(|| {
                        view! {
                            <p class="error">{Msg::FixErrors.text(lang)}</p>
                            <ul class="error">
                                {d.refused.iter().map(|(_, t)| view! { <li>{t.get(lang).to_string()}</li> }).collect_view()}
                            </ul>
                            {d.duplicate.clone().map(|id| view! {
                                <button type="button" class="secondary" data-testid="open-existing-zone" on:click=move |_| state.go(Page::Zone(id.clone()))>
                                    {say(lang, "打开已有园区", "Open the existing zone")}
                                </button>
                            })}
                        }.into_any()
                    }))}
                </div>
                <div class="actions save-bar">
                    <button type="submit" class="primary" data-testid="save-zone">{Msg::Save.text(lang)}</button>
                    <button type="button" class="secondary" on:click=cancel.clone()>{Msg::Cancel.text(lang)}</button>
                </div>
                </form>
                }.into_any()
            }}
        </section>
    }
}

/// A part of the form, top to bottom: see [`FORM`].
enum Part {
    /// Text fields side by side.
    Fields(&'static [TextField]),
    /// A text field on its own line.
    Field(TextField),
    Kind,
    Heading(Says),
    Hint(&'static str, &'static str),
    Clusters,
    Incentives,
    /// A button adding a cluster (`true`) or an incentive.
    Add(bool),
}

/// The form above its "as of" hint and save bar.
const FORM: [Part; 21] = {
    use Part::*;
    use TextField as T;
    [
        Fields(&[T::NameZh, T::NameEn]),
        Kind,
        Fields(&[T::LocationZh, T::LocationEn]),
        Field(T::SummaryZh),
        Field(T::SummaryEn),
        Heading(Says::Own("产业链招商图谱", "Chain investment map")),
        Hint(
            "每个产业集群下列出环节：已有的和正在招引的，各注明上中下游。环节名后写“（招商）”也会记为招引中。",
            "List each cluster's chain links, those present and those wanted, with their stage. A link name followed by “（招商）” is also taken as wanted.",
        ),
        Clusters,
        Add(true),
        Heading(Says::Msg(Msg::FactorySpace)),
        Fields(&[T::AvailableM2, T::BuiltM2, T::PlannedM2, T::Occupancy]),
        Fields(&[T::Land]),
        Fields(&[T::LandNoteZh, T::LandNoteEn]),
        Heading(Says::Msg(Msg::Thresholds)),
        Fields(&[T::MinInvestment, T::MinIntensity]),
        Field(T::Restricted),
        Heading(Says::Msg(Msg::Incentives)),
        Fields(&[T::IncentiveCount, T::IncentiveCap]),
        Incentives,
        Add(false),
        Fields(&[T::AsOf]),
    ]
};

/// One part of the form.
fn part(draft: Draft, lang: Lang, p: &Part) -> AnyView {
    match p {
        Part::Fields(list) => fields(draft, list, NO_ROW),
        Part::Field(f) => text_field(draft, *f, NO_ROW),
        Part::Kind => select(
            draft,
            Choice::Kind,
            NO_ROW,
            Msg::Kind.text(lang),
            "kind",
            false,
            lang,
        ),
        Part::Heading(says) => view! { <h3>{says.get(lang)}</h3> }.into_any(),
        Part::Hint(zh, en) => view! { <p class="hint">{say(lang, zh, en)}</p> }.into_any(),
        Part::Clusters => rows(draft, NO_ROW, lang, ZoneForm::row_keys, cluster_row),
        Part::Incentives => rows(
            draft,
            NO_ROW,
            lang,
            |d, _| d.incentive_keys(),
            incentive_row,
        ),
        Part::Add(true) => add_button(
            draft,
            Press::AddCluster,
            say(lang, "＋ 添加产业集群", "+ Add cluster"),
            "add-cluster",
        ),
        Part::Add(false) => add_button(
            draft,
            Press::AddIncentive,
            say(lang, "＋ 添加优惠政策", "+ Add incentive"),
            "add-incentive",
        ),
    }
}

/// The rows `keys` lists (for the row `parent`), each drawn by `row` (with its number,
/// from 1). Drawn again only when a row is added, removed or moved (`Draft::shape`), not
/// as the user types: each row reads its own fields from the draft.
fn rows(
    draft: Draft,
    parent: RowKey,
    lang: Lang,
    keys: fn(&ZoneForm, RowKey) -> Vec<RowKey>,
    row: fn(Draft, RowKey, usize, Lang) -> AnyView,
) -> AnyView {
    view! {
        {move || {
            draft.shape.track();
            let rows: Vec<AnyView> = draft
                .form
                .with_untracked(|d| keys(d, parent))
                .into_iter()
                .enumerate()
                .map(|(i, k)| row(draft, k, i + 1, lang))
                .collect();
            StaticVec::from(rows).into_any()
        }}
    }
    .into_any()
}

/// Scroll to the first field marked invalid and put the cursor there.
fn focus_first_error() {
    super::form_fields::focus_first(
        "[data-testid=zone-form] .invalid input, [data-testid=zone-form] .invalid textarea",
    );
}

/// Send an edit to the draft (redrawing what shows it only when it changed something).
fn edit(draft: Draft, e: Edit) {
    let reshapes = e.reshapes();
    draft.form.maybe_update(|d| d.edit(e));
    if reshapes {
        draft.shape.update(|n| *n += 1);
    }
}

/// A text field of the editor, as [`field`] draws it.
struct EditorField {
    draft: Draft,
    f: TextField,
    key: RowKey,
}

impl FieldModel for EditorField {
    fn value(&self) -> String {
        self.draft
            .form
            .with(|d| d.text(self.f, self.key).to_string())
    }

    fn input(&self, typed: String) {
        edit(self.draft, Edit::Text(self.f, self.key, typed));
    }

    fn left(&self) {
        edit(self.draft, Edit::Left(self.f, self.key));
    }

    fn error(&self, lang: Lang) -> Option<String> {
        self.draft
            .form
            .with(|d| d.refusal(self.f, self.key).map(|t| t.get(lang).to_string()))
    }

    fn reading(&self) -> Option<(Text, bool)> {
        self.draft.form.with(|d| d.reading(self.f, self.key))
    }

    fn reads(&self) -> bool {
        self.f.reads()
    }
}

/// A text field's label: a message, or the editor's own.
enum Says {
    Msg(Msg),
    Own(&'static str, &'static str),
}

impl Says {
    fn label(&self) -> Label {
        match self {
            Says::Msg(m) => Label::from(*m),
            Says::Own(zh, en) => Label::new(zh, en),
        }
    }

    fn get(&self, lang: Lang) -> &'static str {
        self.label().get(lang)
    }
}

/// Each text field's label, name (and so its id) and keyboard.
const SPECS: [(TextField, Says, &str, Kind); 29] = {
    use Kind::{Amount, Multiline, Text as Plain};
    use Says::{Msg as M, Own};
    use TextField as T;
    [
        (T::NameZh, M(Msg::NameZh), "name_zh", Plain),
        (T::NameEn, M(Msg::NameEn), "name_en", Plain),
        (T::LocationZh, M(Msg::LocationZh), "location_zh", Plain),
        (T::LocationEn, M(Msg::LocationEn), "location_en", Plain),
        (T::SummaryZh, M(Msg::SummaryZh), "summary_zh", Multiline),
        (T::SummaryEn, M(Msg::SummaryEn), "summary_en", Multiline),
        (
            T::AvailableM2,
            M(Msg::AvailableM2Field),
            "available_m2",
            Amount,
        ),
        (T::BuiltM2, M(Msg::BuiltM2Field), "built_m2", Amount),
        (T::PlannedM2, M(Msg::PlannedM2Field), "planned_m2", Amount),
        (
            T::Occupancy,
            M(Msg::OccupancyField),
            "occupancy_pct",
            Amount,
        ),
        (T::Land, M(Msg::LandMuField), "land_mu", Amount),
        (
            T::LandNoteZh,
            Own("厂房与土地说明（中文）", "Note on space and land (Chinese)"),
            "land_note_zh",
            Plain,
        ),
        (
            T::LandNoteEn,
            Own("厂房与土地说明（英文）", "Note on space and land (English)"),
            "land_note_en",
            Plain,
        ),
        (
            T::MinInvestment,
            M(Msg::MinInvestmentField),
            "min_investment",
            Amount,
        ),
        (
            T::MinIntensity,
            M(Msg::MinIntensityField),
            "min_intensity",
            Amount,
        ),
        (T::Restricted, M(Msg::RestrictedField), "restricted", Plain),
        (
            T::IncentiveCount,
            Own("政策总条数", "Policies in total"),
            "incentive_count",
            Amount,
        ),
        (
            T::IncentiveCap,
            Own(
                "同一企业最高可享（万元，可写“1亿”）",
                "Most per enterprise (10k CNY; “1亿” = CNY 100 million)",
            ),
            "incentive_cap",
            Amount,
        ),
        (T::AsOf, M(Msg::AsOfField), "as_of", Plain),
        (
            T::ClusterNameZh,
            Own("集群名称（中文）", "Cluster name (Chinese)"),
            "cluster_name_zh",
            Plain,
        ),
        (
            T::ClusterNameEn,
            Own("集群名称（英文）", "Cluster name (English)"),
            "cluster_name_en",
            Plain,
        ),
        (
            T::LinkNameZh,
            Own("环节名称（中文）", "Link name (Chinese)"),
            "link_name_zh",
            Plain,
        ),
        (
            T::LinkNameEn,
            Own("环节名称（英文）", "Link name (English)"),
            "link_name_en",
            Plain,
        ),
        (
            T::IncentiveNameZh,
            Own("政策名称（中文）", "Policy name (Chinese)"),
            "incentive_name_zh",
            Plain,
        ),
        (
            T::IncentiveNameEn,
            Own("政策名称（英文）", "Policy name (English)"),
            "incentive_name_en",
            Plain,
        ),
        (
            T::IncentiveMax,
            Own(
                "最高金额（万元，可写“5000万”“1亿”）",
                "Most paid (10k CNY; or “5000万”, “1亿”)",
            ),
            "incentive_max",
            Plain,
        ),
        (
            T::IncentiveMinInvestment,
            Own("投资额下限（万元）", "Minimum investment (10k CNY)"),
            "incentive_min_investment",
            Plain,
        ),
        (
            T::IncentiveCodes,
            Own(
                "限定行业代码（留空为不限）",
                "Only for industry codes (empty: any)",
            ),
            "incentive_codes",
            Plain,
        ),
        // A cluster's code field; a link's is drawn the same (see `text_field`).
        (
            T::ClusterCodes,
            Own(
                "行业代码（国标 GB/T 4754 或 SEI）",
                "Industry code (GB/T 4754 or SEI)",
            ),
            "codes",
            Plain,
        ),
    ]
};

/// The id of the control `name` of row `key`.
fn control_id(name: &str, key: RowKey) -> String {
    if key == NO_ROW {
        format!("f-{name}")
    } else {
        format!("f-{name}-{key}")
    }
}

/// Text field `f` of row `key`.
fn text_field(draft: Draft, f: TextField, key: RowKey) -> AnyView {
    let drawn_as = if f == TextField::LinkCodes {
        TextField::ClusterCodes
    } else {
        f
    };
    let (_, says, name, kind) = SPECS.iter().find(|s| s.0 == drawn_as).unwrap_or(&SPECS[0]);
    let (name, kind) = (*name, *kind);
    let label = says.label();
    field(
        label,
        name,
        control_id(name, key),
        kind,
        Arc::new(EditorField { draft, f, key }),
    )
}

/// Text fields side by side.
fn fields(draft: Draft, list: &[TextField], key: RowKey) -> AnyView {
    view! {
        <div class="field-row">
            {StaticVec::from(list.iter().map(|f| text_field(draft, *f, key)).collect::<Vec<_>>())}
        </div>
    }
    .into_any()
}

/// A labelled select of choice `c` of row `key`.
fn select(
    draft: Draft,
    c: Choice,
    key: RowKey,
    label: &'static str,
    name: &'static str,
    narrow: bool,
    lang: Lang,
) -> AnyView {
    let id = control_id(name, key);
    let options = c
        .values()
        .iter()
        .enumerate()
        .map(|(i, value)| {
            view! {
                <option value=*value selected=move || draft.form.with(|d| d.choice(c, key)) == Some(i)>
                    {c.label(i, lang)}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class=if narrow { "field narrow" } else { "field" }>
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=move |ev| edit(draft, Edit::Choose(c, key, event_target_value(&ev)))>
                {options}
            </select>
        </div>
    }
    .into_any()
}

/// A button that does `p` (`aria`: its accessible name when the text is a symbol).
fn button(
    draft: Draft,
    p: Press,
    text: &'static str,
    class: &'static str,
    testid: Option<&'static str>,
    aria: Option<&'static str>,
) -> AnyView {
    view! {
        <button type="button" class=class data-testid=testid aria-label=aria
            on:click=move |_| edit(draft, Edit::Press(p))>
            {text}
        </button>
    }
    .into_any()
}

/// A button adding a row, under the rows.
fn add_button(draft: Draft, p: Press, text: &'static str, testid: &'static str) -> AnyView {
    view! { <div class="actions">{button(draft, p, text, "secondary", Some(testid), None)}</div> }
        .into_any()
}

/// The kinds of row, for [`row_buttons`].
const CLUSTER: usize = 0;
const LINK: usize = 1;
const INCENTIVE: usize = 2;

/// A row's buttons (for a row of kind `row`): move up and move down (not for incentives),
/// remove. Each at least 44 px; their accessible names say which row.
fn row_buttons(draft: Draft, key: RowKey, row: usize, lang: Lang) -> AnyView {
    // The remove button's test id, and the names of move up, move down and remove.
    const BUTTONS: [(&str, [(&str, &str); 3]); 3] = [
        (
            "remove-cluster",
            [
                ("上移此集群", "Move up this cluster"),
                ("下移此集群", "Move down this cluster"),
                ("删除此集群", "Remove this cluster"),
            ],
        ),
        (
            "remove-link",
            [
                ("上移此环节", "Move up this link"),
                ("下移此环节", "Move down this link"),
                ("删除此环节", "Remove this link"),
            ],
        ),
        (
            "remove-incentive",
            [("", ""), ("", ""), ("删除此政策", "Remove this incentive")],
        ),
    ];
    let (testid, names) = BUTTONS[row];
    let aria = |i: usize| Some(say(lang, names[i].0, names[i].1));
    let mut buttons = Vec::new();
    if row != INCENTIVE {
        buttons.push(button(
            draft,
            Press::Move(key, true),
            "↑",
            "icon",
            None,
            aria(0),
        ));
        buttons.push(button(
            draft,
            Press::Move(key, false),
            "↓",
            "icon",
            None,
            aria(1),
        ));
    }
    buttons.push(button(
        draft,
        Press::Remove(key),
        "×",
        "icon danger",
        Some(testid),
        aria(2),
    ));
    view! { <div class="row-buttons">{StaticVec::from(buttons)}</div> }.into_any()
}

/// The taxonomy-code field of a cluster or link (`f`), with the code suggested from the
/// name (accept it, type another, or clear the field).
fn code_field(draft: Draft, f: TextField, key: RowKey, lang: Lang) -> AnyView {
    // The suggestion last made, so the names are classified only when they change.
    let mut last = SuggestedCode::default();
    view! {
        <div class="code-field">
            {text_field(draft, f, key)}
            <div class="code-actions">
                {move || draft.form.with(|d| d.code_offer(f, key, &mut last)).map(|s| view! {
                    <span class="suggest" data-testid="code-suggestion">
                        {say(lang, "建议：", "Suggested: ")}
                        <strong>{s.code}</strong> " " {s.name.get(lang).to_string()}
                    </span>
                    {button(draft, Press::UseCode(f, key), say(lang, "采用", "Use it"), "secondary", Some("accept-code"), None)}
                }.into_any())}
                {move || draft.form.with(|d| !d.text(f, key).trim().is_empty()).then(|| {
                    button(draft, Press::Clear(f, key), say(lang, "清除代码", "Clear code"), "secondary", Some("clear-code"), None)
                })}
            </div>
        </div>
    }
    .into_any()
}

/// One cluster (number `n`): its names and code, its links, and a button to add a link.
fn cluster_row(draft: Draft, key: RowKey, n: usize, lang: Lang) -> AnyView {
    use TextField as T;
    view! {
        <fieldset class="cluster-edit" data-testid="cluster-row">
            <legend>
                {match lang {
                    Lang::Zh => format!("产业集群 {n}"),
                    Lang::En => format!("Cluster {n}"),
                }}
            </legend>
            {row_buttons(draft, key, CLUSTER, lang)}
            {fields(draft, &[T::ClusterNameZh, T::ClusterNameEn], key)}
            {code_field(draft, T::ClusterCodes, key, lang)}
            <h4>{say(lang, "产业链环节", "Chain links")}</h4>
            {rows(draft, key, lang, ZoneForm::row_keys, link_row)}
            {add_button(draft, Press::AddLink(key), say(lang, "＋ 添加环节", "+ Add link"), "add-link")}
        </fieldset>
    }
    .into_any()
}

/// One chain link: names, stage, present or wanted, code.
fn link_row(draft: Draft, key: RowKey, _: usize, lang: Lang) -> AnyView {
    use TextField as T;
    view! {
        <div class="link-edit" class:wanted=move || draft.form.with(|d| d.wanted(key)) data-testid="link-row">
            {fields(draft, &[T::LinkNameZh, T::LinkNameEn], key)}
            <div class="field-row">
                {select(draft, Choice::Stage, key, say(lang, "链条位置", "Stage"), "link_stage", true, lang)}
                {select(draft, Choice::Status, key, say(lang, "状态", "Status"), "link_status", true, lang)}
                {row_buttons(draft, key, LINK, lang)}
            </div>
            {code_field(draft, T::LinkCodes, key, lang)}
        </div>
    }
    .into_any()
}

/// An incentive's condition, as a checkbox.
fn flag(draft: Draft, f: Flag, key: RowKey, label: Label, name: &'static str) -> AnyView {
    check(
        label,
        name,
        Arc::new(move || draft.form.with(|d| d.flag(f, key))),
        Arc::new(move |v| edit(draft, Edit::Flag(f, key, v))),
    )
}

/// One incentive: names, category, amounts (万元) and who qualifies.
fn incentive_row(draft: Draft, key: RowKey, _: usize, lang: Lang) -> AnyView {
    use TextField as T;
    view! {
        <fieldset class="incentive-edit" data-testid="incentive-row">
            <legend>{say(lang, "优惠政策", "Incentive")}</legend>
            {row_buttons(draft, key, INCENTIVE, lang)}
            <div class="field-row">
                {text_field(draft, T::IncentiveNameZh, key)}
                {text_field(draft, T::IncentiveNameEn, key)}
                {select(draft, Choice::Category, key, say(lang, "类别", "Category"), "incentive_category", true, lang)}
            </div>
            {fields(draft, &[T::IncentiveMax, T::IncentiveMinInvestment], key)}
            <div class="checks">
                {flag(draft, Flag::RequiresFactory, key, Label::new("须租用或购买厂房", "Only with factory space"), "incentive_requires_factory")}
                {flag(draft, Flag::RequiresLand, key, Label::new("须用地", "Only with land"), "incentive_requires_land")}
            </div>
            {text_field(draft, T::IncentiveCodes, key)}
        </fieldset>
    }
    .into_any()
}
