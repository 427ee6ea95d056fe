//! Add or edit a zone profile.

use leptos::prelude::*;

use super::files::new_id;
use super::form_fields::{input, Kind};
use super::state::{tr, use_app, Page};
use crate::forms::{ZoneDraft, ZoneField};
use crate::i18n::{kind_label, Msg};
use crate::model::{Change, Text, Zone, ZoneKind};

/// The zone form. `id: None` creates a new zone.
#[component]
pub fn ZoneEditor(id: Option<String>) -> impl IntoView {
    let state = use_app();
    let base: Zone = id
        .as_ref()
        .and_then(|id| state.data.with_untracked(|d| d.zone(id).cloned()))
        .unwrap_or_default();
    let is_new = base.id.is_empty();
    let draft = RwSignal::new(ZoneDraft::from_zone(&base));
    let errors: RwSignal<Vec<(ZoneField, Text)>> = RwSignal::new(Vec::new());
    let base = StoredValue::new(base);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut b = base.get_value();
        if b.id.is_empty() {
            b.id = new_id("zone");
        }
        match draft.with(|d| d.apply(&b)) {
            Ok(zone) => {
                let id = zone.id.clone();
                state.apply(Change::UpsertZone(zone));
                errors.set(Vec::new());
                state.go(Page::Zone(id));
            }
            Err(e) => errors.set(e),
        }
    };
    let cancel_target = id.clone();
    let cancel = move |_| match &cancel_target {
        Some(id) => state.go(Page::Zone(id.clone())),
        None => state.go(Page::Zones),
    };
    let kinds = move || {
        let lang = state.lang.get();
        ZoneKind::ALL
            .iter()
            .map(|k| {
                let k = *k;
                view! {
                    <option value=format!("{k:?}") selected=move || draft.with(|d| d.kind == k)>
                        {kind_label(k, lang)}
                    </option>
                }
            })
            .collect_view()
    };
    let on_kind = move |ev| {
        let v = event_target_value(&ev);
        if let Some(k) = ZoneKind::ALL.iter().find(|k| format!("{k:?}") == v) {
            draft.update(|d| d.kind = *k);
        }
    };
    use ZoneField as F;
    view! {
        <section class="page">
            <h2>{if is_new { tr(Msg::NewZoneTitle) } else { tr(Msg::EditZoneTitle) }}</h2>
            <form class="form" data-testid="zone-form" on:submit=save novalidate>
                {input(Msg::NameZh, "name_zh", draft, |d| d.name_zh.clone(), |d, v| d.name_zh = v, Kind::Text, Some(F::Name), errors)}
                {input(Msg::NameEn, "name_en", draft, |d| d.name_en.clone(), |d, v| d.name_en = v, Kind::Text, None, errors)}
                <div class="field">
                    <label for="f-kind">{tr(Msg::Kind)}</label>
                    <select id="f-kind" on:change=on_kind>{kinds}</select>
                </div>
                {input(Msg::LocationZh, "location_zh", draft, |d| d.location_zh.clone(), |d, v| d.location_zh = v, Kind::Text, None, errors)}
                {input(Msg::LocationEn, "location_en", draft, |d| d.location_en.clone(), |d, v| d.location_en = v, Kind::Text, None, errors)}
                {input(Msg::SummaryZh, "summary_zh", draft, |d| d.summary_zh.clone(), |d, v| d.summary_zh = v, Kind::Multiline, None, errors)}
                {input(Msg::SummaryEn, "summary_en", draft, |d| d.summary_en.clone(), |d, v| d.summary_en = v, Kind::Multiline, None, errors)}
                {input(Msg::ClustersField, "clusters", draft, |d| d.clusters.clone(), |d, v| d.clusters = v, Kind::Multiline, Some(F::Clusters), errors)}
                <div class="field-row">
                    {input(Msg::AvailableM2Field, "available_m2", draft, |d| d.available_m2.clone(), |d, v| d.available_m2 = v, Kind::Amount, Some(F::AvailableM2), errors)}
                    {input(Msg::BuiltM2Field, "built_m2", draft, |d| d.built_m2.clone(), |d, v| d.built_m2 = v, Kind::Amount, Some(F::BuiltM2), errors)}
                    {input(Msg::PlannedM2Field, "planned_m2", draft, |d| d.planned_m2.clone(), |d, v| d.planned_m2 = v, Kind::Amount, Some(F::PlannedM2), errors)}
                    {input(Msg::OccupancyField, "occupancy_pct", draft, |d| d.occupancy_pct.clone(), |d, v| d.occupancy_pct = v, Kind::Amount, Some(F::Occupancy), errors)}
                </div>
                <div class="field-row">
                    {input(Msg::LandMuField, "land_mu", draft, |d| d.land_mu.clone(), |d, v| d.land_mu = v, Kind::Amount, Some(F::Land), errors)}
                    {input(Msg::MinInvestmentField, "min_investment", draft, |d| d.min_investment.clone(), |d, v| d.min_investment = v, Kind::Amount, Some(F::MinInvestment), errors)}
                    {input(Msg::MinIntensityField, "min_intensity", draft, |d| d.min_intensity.clone(), |d, v| d.min_intensity = v, Kind::Amount, Some(F::MinIntensity), errors)}
                    {input(Msg::AsOfField, "as_of", draft, |d| d.as_of.clone(), |d, v| d.as_of = v, Kind::Text, None, errors)}
                </div>
                {input(Msg::RestrictedField, "restricted", draft, |d| d.restricted.clone(), |d, v| d.restricted = v, Kind::Text, None, errors)}
                <p class="error" role="alert">{move || if errors.with(|e| e.is_empty()) { "" } else { Msg::FixErrors.text(state.lang.get()) }}</p>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="save-zone">{tr(Msg::Save)}</button>
                    <button type="button" class="secondary" on:click=cancel>{tr(Msg::Cancel)}</button>
                </div>
            </form>
        </section>
    }
}
