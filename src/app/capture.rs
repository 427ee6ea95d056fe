//! Capture a prospect at a booth: a short form, with zones ranked live as the user types.
//! Amounts are read as people say them ("2万平米", "3个亿", "USD 5 million") and what was
//! read is shown beside the field; a value that cannot be read never blocks saving (it is
//! kept as typed and marked for review).

use leptos::prelude::*;

use super::files::{new_id, now_iso};
use super::form_fields::{checkbox, input, input_reading, Kind};
use super::matches::MatchList;
use super::state::{tr, use_app, Page};
use super::weights::WeightsPanel;
use crate::forms::{could_not_read, ProspectDraft, ProspectField};
use crate::i18n::Msg;
use crate::model::{Change, Text};

/// The reading shown beside an amount field, for [`input_reading`].
fn read_investment(d: &ProspectDraft) -> Option<(Text, bool)> {
    d.reading(ProspectField::Investment)
        .map(|r| (r.text, r.review))
}
fn read_factory(d: &ProspectDraft) -> Option<(Text, bool)> {
    d.reading(ProspectField::Factory)
        .map(|r| (r.text, r.review))
}
fn read_land(d: &ProspectDraft) -> Option<(Text, bool)> {
    d.reading(ProspectField::Land).map(|r| (r.text, r.review))
}
fn read_jobs(d: &ProspectDraft) -> Option<(Text, bool)> {
    d.reading(ProspectField::Jobs).map(|r| (r.text, r.review))
}

/// The form field's `name` attribute, to focus it.
fn field_name(f: ProspectField) -> &'static str {
    match f {
        ProspectField::Name => "name",
        ProspectField::Investment => "investment",
        ProspectField::Factory => "factory",
        ProspectField::Land => "land",
        ProspectField::Jobs => "jobs",
    }
}

/// Scroll to and focus the form field named `name`.
fn focus_field(name: &str) {
    super::form_fields::focus_first(&format!("[data-testid=prospect-form] [name={name}]"));
}

/// The capture form and its live ranking; with `edit`, the same form filled in with that
/// prospect, to correct it (amounts kept as typed for review, the zone that follows it).
#[component]
pub fn Capture(#[prop(optional, into)] edit: Option<String>) -> impl IntoView {
    let state = use_app();
    let base = edit
        .as_ref()
        .and_then(|id| state.data.with_untracked(|d| d.prospect(id).cloned()));
    let editing = base.is_some();
    let zone_id = RwSignal::new(base.as_ref().map(|p| p.zone_id.clone()).unwrap_or_default());
    let base = StoredValue::new(base);
    // A half-filled capture survives a reload or an app update (an edit is not a draft:
    // the record itself is kept).
    let draft = RwSignal::new(match base.get_value() {
        Some(p) => ProspectDraft::from_prospect(&p),
        None => state
            .store
            .with_value(|s| s.load_draft())
            .unwrap_or_default(),
    });
    Effect::new(move |prev: Option<()>| {
        draft.with(|d| {
            if prev.is_some() && !editing {
                state.store.with_value(|s| s.save_draft(Some(d)));
            }
        });
    });
    let errors: RwSignal<Vec<(ProspectField, Text)>> = RwSignal::new(Vec::new());
    // Once shown, a problem clears as soon as the value is fixed.
    Effect::new(move |_| {
        let still = draft.with(|d| d.to_prospect("", "").err().unwrap_or_default());
        if errors.with_untracked(|e| !e.is_empty()) {
            errors.set(still);
        }
    });
    let preview = Signal::derive(move || draft.with(|d| d.preview()));
    let unreadable = move || {
        draft
            .with(|d| could_not_read(&d.unreadable()))
            .map(|t| t.get(state.lang.get()).to_string())
    };
    let has_industry =
        move || draft.with(|d| !(d.industry.trim().is_empty() && d.products.trim().is_empty()));
    let asking_new = RwSignal::new(false);

    // Save the draft as a prospect; its id, or the field errors (focused).
    let save_draft = move || -> Option<String> {
        let id = new_id("p");
        let created = now_iso();
        match draft.with(|d| d.to_prospect(&id, &created)) {
            Ok(mut p) => {
                p.start_history(&crate::dates::beijing_date(&created).unwrap_or_default());
                if state.visitor.get_untracked() {
                    state.visitor_allowed.update(|a| a.push(id.clone()));
                }
                state.apply(Change::UpsertProspect(p));
                state.store.with_value(|s| s.save_draft(None));
                errors.set(Vec::new());
                draft.set(ProspectDraft::default());
                Some(id)
            }
            Err(e) => {
                if let Some((f, _)) = e.first() {
                    focus_field(field_name(*f));
                }
                errors.set(e);
                None
            }
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(b) = base.get_value() {
            match draft.with(|d| d.apply_to(&b)) {
                Ok(mut p) => {
                    p.zone_id = zone_id.get_untracked();
                    state.apply(Change::UpsertProspect(p));
                    state.go(Page::Prospect(b.id.clone()));
                }
                Err(e) => {
                    focus_field("name");
                    errors.set(e);
                }
            }
        } else if let Some(id) = save_draft() {
            state.go(Page::Prospect(id));
        }
    };
    let zone_options = move || super::zones::zone_options(&zone_id.get());
    let start_new = move |keep: bool| {
        if keep && save_draft().is_none() {
            return;
        }
        draft.set(ProspectDraft::default());
        state.store.with_value(|s| s.save_draft(None));
        errors.set(Vec::new());
        asking_new.set(false);
        focus_field("name");
    };
    let new_visitor = move |_| {
        if draft.with(|d| *d == ProspectDraft::default()) {
            focus_field("name");
        } else {
            asking_new.set(true);
        }
    };
    use ProspectField as F;
    view! {
        <section class="page capture">
            <div class="page-head">
                <h2>{if editing { tr(Msg::EditProspectTitle) } else { tr(Msg::CaptureTitle) }}</h2>
                <button class="secondary" class:hidden=editing data-testid="new-visitor" on:click=new_visitor>{tr(Msg::NewVisitor)}</button>
            </div>
            <Show when=move || asking_new.get()>
                <div class="banner" role="alertdialog" data-testid="new-visitor-ask">
                    <span>{tr(Msg::NewVisitorAsk)}</span>
                    <button class="primary" data-testid="new-visitor-save" on:click=move |_| start_new(true)>{tr(Msg::SaveAndStartNew)}</button>
                    <button class="danger" data-testid="new-visitor-discard" on:click=move |_| start_new(false)>{tr(Msg::DiscardAndStartNew)}</button>
                    <button class="secondary" on:click=move |_| asking_new.set(false)>{tr(Msg::Cancel)}</button>
                </div>
            </Show>
            <div class="capture-grid">
                <form class="form" data-testid="prospect-form" on:submit=save novalidate>
                    <div class="field-row">
                        // Visitor mode: a real name is not shown to the visitor (code names only).
                        <div class="field" class:hidden=move || state.visitor.get()>
                        {input(Msg::ProspectName, "name", draft, |d| d.name.clone(), |d, v| d.name = v, Kind::Text, Some(F::Name), errors)}
                        </div>
                        {input(Msg::CodeNameField, "code_name", draft, |d| d.code_name.clone(), |d, v| d.code_name = v, Kind::Text, None, errors)}
                    </div>
                    {input(Msg::Industry, "industry", draft, |d| d.industry.clone(), |d, v| d.industry = v, Kind::Text, None, errors)}
                    {input(Msg::Products, "products", draft, |d| d.products.clone(), |d, v| d.products = v, Kind::Text, None, errors)}
                    <div class="field-row">
                        {input_reading(Msg::InvestmentField, "investment", draft, |d| d.investment.clone(), |d, v| d.investment = v, Kind::Amount, Some(F::Investment), errors, Some(read_investment))}
                        {input_reading(Msg::FactoryNeedField, "factory", draft, |d| d.factory.clone(), |d, v| d.factory = v, Kind::Amount, Some(F::Factory), errors, Some(read_factory))}
                        {input_reading(Msg::LandNeedField, "land", draft, |d| d.land.clone(), |d, v| d.land = v, Kind::Amount, Some(F::Land), errors, Some(read_land))}
                        {input_reading(Msg::JobsField, "jobs", draft, |d| d.jobs.clone(), |d, v| d.jobs = v, Kind::Amount, Some(F::Jobs), errors, Some(read_jobs))}
                    </div>
                    <div class="checks">
                        {checkbox(Msg::MustHaveFactory, "must_factory", draft, |d| d.must_factory, |d, v| d.must_factory = v)}
                        {checkbox(Msg::MustHaveLand, "must_land", draft, |d| d.must_land, |d, v| d.must_land = v)}
                    </div>
                    {editing.then(|| view! {
                        <div class="field">
                            <label for="f-zone">{tr(Msg::FollowingZone)}</label>
                            <select id="f-zone" name="zone_id" on:change=move |ev| zone_id.set(event_target_value(&ev))>
                                <option value="" selected=move || zone_id.get().is_empty()>{tr(Msg::NotDecided)}</option>
                                {zone_options}
                            </select>
                        </div>
                    })}
                    {input(Msg::OriginField, "origin", draft, |d| d.origin.clone(), |d, v| d.origin = v, Kind::Text, None, errors)}
                    <div class:hidden=move || state.visitor.get()>
                        {input(Msg::NotesField, "notes", draft, |d| d.notes.clone(), |d, v| d.notes = v, Kind::Multiline, None, errors)}
                    </div>
                    <p class="error" role="alert">{move || if errors.with(|e| e.is_empty()) { "" } else { Msg::FixErrors.text(state.lang.get()) }}</p>
                    <div class="actions">
                        <button type="submit" class="primary big" data-testid="save-prospect">{tr(Msg::SaveAndMatch)}</button>
                    </div>
                </form>
                <aside class="live">
                    <h3>{tr(Msg::LiveMatches)}</h3>
                    <WeightsPanel/>
                    <p class="reading unread" data-testid="could-not-read">{unreadable}</p>
                    <Show when=has_industry fallback=move || view! { <p class="hint">{tr(Msg::TypeToMatch)}</p> }>
                        <MatchList prospect=preview/>
                    </Show>
                </aside>
            </div>
        </section>
    }
}
