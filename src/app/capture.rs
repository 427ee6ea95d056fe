//! Capture a prospect at a booth: a short form, with zones ranked live as the user types.

use leptos::prelude::*;

use super::files::{new_id, now_iso};
use super::form_fields::{checkbox, input, Kind};
use super::matches::MatchList;
use super::state::{tr, use_app, Page};
use super::weights::WeightsPanel;
use crate::forms::{ProspectDraft, ProspectField};
use crate::i18n::Msg;
use crate::model::{Change, Text};

/// The capture form and its live ranking.
#[component]
pub fn Capture() -> impl IntoView {
    let state = use_app();
    // A half-filled form survives a reload or an app update.
    let draft = RwSignal::new(
        state
            .store
            .with_value(|s| s.load_draft())
            .unwrap_or_default(),
    );
    Effect::new(move |prev: Option<()>| {
        draft.with(|d| {
            if prev.is_some() {
                state.store.with_value(|s| s.save_draft(Some(d)));
            }
        });
    });
    let errors: RwSignal<Vec<(ProspectField, Text)>> = RwSignal::new(Vec::new());
    let preview = Signal::derive(move || draft.with(|d| d.preview()));
    let has_industry =
        move || draft.with(|d| !(d.industry.trim().is_empty() && d.products.trim().is_empty()));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = new_id("p");
        match draft.with(|d| d.to_prospect(&id, &now_iso())) {
            Ok(p) => {
                state.apply(Change::UpsertProspect(p));
                state.store.with_value(|s| s.save_draft(None));
                errors.set(Vec::new());
                draft.set(ProspectDraft::default());
                state.go(Page::Prospect(id));
            }
            Err(e) => errors.set(e),
        }
    };
    use ProspectField as F;
    view! {
        <section class="page capture">
            <h2>{tr(Msg::CaptureTitle)}</h2>
            <div class="capture-grid">
                <form class="form" data-testid="prospect-form" on:submit=save novalidate>
                    {input(Msg::ProspectName, "name", draft, |d| d.name.clone(), |d, v| d.name = v, Kind::Text, Some(F::Name), errors)}
                    {input(Msg::Industry, "industry", draft, |d| d.industry.clone(), |d, v| d.industry = v, Kind::Text, None, errors)}
                    {input(Msg::Products, "products", draft, |d| d.products.clone(), |d, v| d.products = v, Kind::Text, None, errors)}
                    <div class="field-row">
                        {input(Msg::InvestmentField, "investment", draft, |d| d.investment.clone(), |d, v| d.investment = v, Kind::Amount, Some(F::Investment), errors)}
                        {input(Msg::FactoryNeedField, "factory", draft, |d| d.factory.clone(), |d, v| d.factory = v, Kind::Amount, Some(F::Factory), errors)}
                        {input(Msg::LandNeedField, "land", draft, |d| d.land.clone(), |d, v| d.land = v, Kind::Amount, Some(F::Land), errors)}
                        {input(Msg::JobsField, "jobs", draft, |d| d.jobs.clone(), |d, v| d.jobs = v, Kind::Amount, Some(F::Jobs), errors)}
                    </div>
                    <div class="checks">
                        {checkbox(Msg::MustHaveFactory, "must_factory", draft, |d| d.must_factory, |d, v| d.must_factory = v)}
                        {checkbox(Msg::MustHaveLand, "must_land", draft, |d| d.must_land, |d, v| d.must_land = v)}
                    </div>
                    {input(Msg::OriginField, "origin", draft, |d| d.origin.clone(), |d, v| d.origin = v, Kind::Text, None, errors)}
                    {input(Msg::NotesField, "notes", draft, |d| d.notes.clone(), |d, v| d.notes = v, Kind::Multiline, None, errors)}
                    <p class="error" role="alert">{move || if errors.with(|e| e.is_empty()) { "" } else { Msg::FixErrors.text(state.lang.get()) }}</p>
                    <div class="actions">
                        <button type="submit" class="primary big" data-testid="save-prospect">{tr(Msg::SaveAndMatch)}</button>
                    </div>
                </form>
                <aside class="live">
                    <h3>{tr(Msg::LiveMatches)}</h3>
                    <WeightsPanel/>
                    <Show when=has_industry fallback=move || view! { <p class="hint">{tr(Msg::TypeToMatch)}</p> }>
                        <MatchList prospect=preview/>
                    </Show>
                </aside>
            </div>
        </section>
    }
}
