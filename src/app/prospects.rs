//! The prospect list and one prospect with its zone matches.

use leptos::prelude::*;

use super::matches::MatchList;
use super::state::{prospect_label, tr, use_app, Page};
use super::weights::WeightsPanel;
use crate::i18n::{fmt_m2, fmt_mu, fmt_wan, stage_label, Lang, Msg};
use crate::model::{Change, Prospect, Stage, Standing, Text};

/// What the project brings and needs, in one line (the list, the prospect, the brief).
/// An investment kept as typed (another currency, or to review) is shown as typed.
pub fn facts_line(p: &Prospect, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(v) = p.investment_wan {
        parts.push(format!(
            "{} {}",
            Msg::Investment.text(lang),
            fmt_wan(v, lang)
        ));
    } else if !p.investment_text.is_empty() {
        parts.push(format!(
            "{} {}",
            Msg::Investment.text(lang),
            p.investment_text
        ));
    }
    if let Some(v) = p.factory_m2 {
        parts.push(format!(
            "{} {}",
            Msg::FactoryNeed.text(lang),
            fmt_m2(v, lang)
        ));
    }
    if let Some(v) = p.land_mu {
        parts.push(format!("{} {}", Msg::LandNeed.text(lang), fmt_mu(v, lang)));
    }
    if let Some(v) = p.jobs {
        parts.push(crate::i18n::count(v as usize, crate::i18n::Noun::Job, lang));
    }
    if !p.origin.is_empty() {
        parts.push(format!("{} {}", Msg::Origin.text(lang), p.origin));
    }
    parts.join(" · ")
}

/// The label of a capture-form field.
fn field_msg(f: crate::forms::ProspectField) -> Msg {
    use crate::forms::ProspectField as F;
    match f {
        F::Name => Msg::ProspectName,
        F::Investment => Msg::Investment,
        F::Factory => Msg::FactoryNeed,
        F::Land => Msg::LandNeed,
        F::Jobs => Msg::JobsField,
    }
}

/// Today as a ledger writes it: `YYYY-MM-DD` in Beijing time.
pub fn today() -> String {
    crate::dates::beijing_date(&super::files::now_iso()).unwrap_or_default()
}

/// The pipeline: prospects grouped by stage (or one stage, `?stage=signed`), newest first,
/// each with its best zone and score, the dates captured and last moved, and a one-tap
/// move to the next stage.
#[component]
pub fn ProspectList() -> impl IntoView {
    let state = use_app();
    let query = leptos_router::hooks::use_query_map();
    move || {
        let lang = state.lang.get();
        let filter = query
            .with(|q| q.get("stage"))
            .and_then(|k| Stage::ALL.iter().copied().find(|s| stage_key(*s) == k));
        let list: Vec<Prospect> = state.data.with(|d| d.prospects.clone());
        let best = state.best_zones.get();
        let zone_name = |id: &str| {
            state
                .data
                .with(|d| d.zone(id).map(|z| z.name.get(lang).to_string()))
        };
        let mut rows: Vec<(Prospect, Option<(String, u8)>)> = list
            .into_iter()
            .zip(best.iter().cloned().chain(std::iter::repeat(None)))
            .filter(|(p, _)| filter.is_none_or(|f| p.stage == f))
            .map(|(p, b)| {
                let b = b.and_then(|b| Some((zone_name(&b.zone_id)?, b.score)));
                (p, b)
            })
            .collect();
        crate::order::sort_by(&mut rows, |a, b| b.0.created.cmp(&a.0.created));
        let filters = std::iter::once(None)
            .chain(Stage::ALL.iter().copied().map(Some))
            .map(|s| {
                let href = match s {
                    Some(s) => format!("/prospects?stage={}", stage_key(s)),
                    None => "/prospects".to_string(),
                };
                let label = s.map(|s| stage_label(s, lang)).unwrap_or(Msg::AllStages.text(lang));
                view! { <a class="chip" href=href aria-current=(s == filter).then_some("page")>{label}</a> }
            })
            .collect_view();
        let body = if rows.is_empty() {
            view! { <p class="empty">{Msg::NoProspects.text(lang)}</p> }.into_any()
        } else {
            Stage::ALL
                .iter()
                .rev()
                .filter_map(|stage| {
                    let group: Vec<_> = rows.iter().filter(|(p, _)| p.stage == *stage).cloned().collect();
                    (!group.is_empty()).then(|| {
                        let n = group.len();
                        view! {
                            <h3 class="stage-head" data-testid="stage-group" data-stage=stage_key(*stage)>
                                {format!("{} ({n})", stage_label(*stage, lang))}
                            </h3>
                            <ul class="rows">
                                {group.into_iter().map(|(p, b)| prospect_row(p, b, lang)).collect_view()}
                            </ul>
                        }
                    })
                })
                .collect_view()
                .into_any()
        };
        view! {
            <section class="page">
                <div class="page-head">
                    <h2>{Msg::ProspectsTitle.text(lang)}</h2>
                    <a class="button secondary" href="/report">{Msg::MonthlyReport.text(lang)}</a>
                    <button class="primary" on:click=move |_| state.go(Page::Capture)>{Msg::NavCapture.text(lang)}</button>
                </div>
                <nav class="chips stage-filter" aria-label=Msg::StageField.text(lang)>{filters}</nav>
                {body}
            </section>
        }
    }
}

/// A stage as written in URLs and files.
pub fn stage_key(s: Stage) -> &'static str {
    match s {
        Stage::Lead => "lead",
        Stage::Contacted => "contacted",
        Stage::Negotiating => "negotiating",
        Stage::Signed => "signed",
        Stage::Started => "started",
        Stage::Operating => "operating",
    }
}

fn prospect_row(p: Prospect, best: Option<(String, u8)>, lang: Lang) -> impl IntoView {
    let state = use_app();
    let id = p.id.clone();
    let next = p.stage.next();
    let advance_target = p.clone();
    let advance = move |_| {
        let mut p = advance_target.clone();
        p.advance(&today());
        state.apply(Change::UpsertProspect(p));
    };
    let label = prospect_label(&p, state.visitor.get_untracked(), lang);
    let review = crate::forms::needs_review(&p);
    view! {
        <li data-testid="prospect-row" data-prospect-id=p.id.clone() data-stage=stage_key(p.stage)>
            <button class="row-main" on:click=move |_| state.go(Page::Prospect(id.clone()))>
                <strong>{label}</strong>
                <span class="badge">{stage_label(p.stage, lang)}</span>
                {(p.standing != Standing::Active).then(|| view! { <span class="badge warn">{p.standing.label(lang)}</span> })}
                {review.then(|| view! { <span class="badge warn" data-testid="needs-review">{Msg::NeedsReview.text(lang)}</span> })}
                <super::team::ConflictBadge kind=crate::merge::RecordKind::Prospect id=p.id.clone()/>
                <span class="sub">{format!("{} {}", p.industry, p.products)}</span>
                <span class="sub">{facts_line(&p, lang)}</span>
                <span class="sub" data-testid="best-zone">
                    {match best {
                        Some((name, score)) => format!("{}: {name} {score}{}", Msg::BestZone.text(lang), Msg::ScoreOutOf.text(lang)),
                        None => format!("{}: {}", Msg::BestZone.text(lang), Msg::None_.text(lang)),
                    }}
                </span>
                <span class="sub">
                    {format!("{} {} · {} {}", Msg::Captured.text(lang), p.captured_date().unwrap_or_default(), Msg::LastMoved.text(lang), p.last_moved())}
                </span>
            </button>
            {next.filter(|_| p.standing == Standing::Active).map(|n| view! {
                <button class="secondary advance" data-testid="advance-stage" on:click=advance>
                    {format!("→ {}", stage_label(n, lang))}
                </button>
            })}
        </li>
    }
}

/// One prospect: its facts, its pipeline stage and history, and every zone ranked for it.
#[component]
pub fn ProspectDetail(id: String) -> impl IntoView {
    let state = use_app();
    let pid = id.clone();
    let prospect = Signal::derive(move || {
        state
            .data
            .with(|d| d.prospect(&pid).cloned())
            .unwrap_or_default()
    });
    let exists = {
        let id = id.clone();
        move || state.data.with(|d| d.prospect(&id).is_some())
    };
    let set_stage = move |ev| {
        let v = event_target_value(&ev);
        if let Some(stage) = Stage::ALL.iter().find(|s| stage_key(**s) == v) {
            let mut p = prospect.get_untracked();
            p.move_to(*stage, &today());
            state.apply(Change::UpsertProspect(p));
        }
    };
    let reason = RwSignal::new(String::new());
    let set_standing = move |standing: Standing| {
        let mut p = prospect.get_untracked();
        p.set_standing(standing, &reason.get_untracked(), &today());
        state.apply(Change::UpsertProspect(p));
    };
    let delete_id = id.clone();
    let delete = move |_| {
        let lang = state.lang.get_untracked();
        let name = prospect_label(&prospect.get_untracked(), false, lang);
        let question = match lang {
            Lang::Zh => {
                format!("确定删除意向企业“{name}”？其全部字段和备注将被删除（删除后可撤销）。")
            }
            Lang::En => format!(
                "Delete the prospect “{name}” with all its fields and notes? (You can undo it.)"
            ),
        };
        let confirmed = web_sys::window()
            .and_then(|w| w.confirm_with_message(&question).ok())
            .unwrap_or(false);
        if confirmed {
            let done = Text::new(
                &format!("已删除意向企业“{name}”"),
                &format!("Prospect “{name}” deleted"),
            );
            state.apply_undoable(Change::DeleteProspect(delete_id.clone()), done);
            state.go(Page::Prospects);
        }
    };
    let history = move || {
        let lang = state.lang.get();
        let p = prospect.get();
        Stage::ALL
            .iter()
            .map(|s| {
                let date = p.reached(*s).map(str::to_string);
                let date_attr = date.clone().unwrap_or_default();
                let reached = p.stage.index() >= s.index();
                view! {
                    <li class:reached=reached data-stage=stage_key(*s) data-date=date_attr>
                        <span>{stage_label(*s, lang)}</span>
                        <small>{date.unwrap_or_else(|| if reached { Msg::DateUnknown.text(lang).to_string() } else { String::new() })}</small>
                    </li>
                }
            })
            .collect_view()
    };
    let brief_id = id.clone();
    let edit_id = id.clone();
    let edit_prospect = move |_| state.go(Page::EditProspect(edit_id.clone()));
    let compare_top = move |_| {
        let p = prospect.get_untracked();
        let catalogue = state.catalogue.get_untracked();
        let weights = state.weights.get_untracked();
        let ids: Vec<String> = catalogue
            .0
            .rank_explaining(&crate::matching::ProspectProfile::new(&p), &weights, 0)
            .into_iter()
            .filter(|m| !m.is_excluded())
            .take(3)
            .map(|m| m.zone_id)
            .collect();
        state.go_to(&format!(
            "{}&prospect={}",
            super::zones::compare_path(&ids),
            super::routes::encode(&p.id)
        ));
    };
    view! {
        <Show when=exists fallback=move || view! { <super::NotFound/> }>
            <section class="page" data-testid="prospect-detail">
                <div class="page-head">
                    <button class="secondary" on:click=move |_| state.go(Page::Prospects)>{tr(Msg::Back)}</button>
                    {super::brief::brief_button(brief_id.clone())}
                    <button class="secondary" class:hidden=move || state.visitor.get() data-testid="edit-prospect" on:click=edit_prospect.clone()>{tr(Msg::Edit)}</button>
                    <button class="secondary" data-testid="compare-top" on:click=compare_top>{tr(Msg::CompareTopThree)}</button>
                    <button class="danger" class:hidden=move || state.visitor.get() on:click=delete.clone()>{tr(Msg::Delete)}</button>
                </div>
                <h2 data-testid="prospect-name">{move || prospect_label(&prospect.get(), state.visitor.get(), state.lang.get())}</h2>
                {move || view! { <super::team::ConflictBadge kind=crate::merge::RecordKind::Prospect id=prospect.with(|p| p.id.clone())/> }}
                <p class="sub">{move || { let p = prospect.get(); format!("{} {}", p.industry, p.products) }}</p>
                <p class="sub">{move || facts_line(&prospect.get(), state.lang.get())}</p>
                {move || {
                    let p = prospect.get();
                    let lang = state.lang.get();
                    // Money in another currency is kept as entered on purpose (not to review).
                    let foreign = crate::forms::reading(crate::forms::ProspectField::Investment, &p.investment_text)
                        .filter(|r| p.investment_wan.is_none() && !r.review)
                        .map(|r| format!("{} {}", Msg::Investment.text(lang), r.text.get(lang)));
                    let review: Vec<String> = crate::forms::review_fields(&p)
                        .into_iter()
                        .map(|(f, t)| format!("{}: “{t}”", field_msg(f).text(lang)))
                        .collect();
                    view! {
                        {foreign.map(|t| view! { <p class="sub" data-testid="foreign-amount">{t}</p> })}
                        {(!review.is_empty()).then(|| view! {
                            <p class="sub review" data-testid="kept-as-typed">
                                {format!("{} {}", Msg::KeptAsTyped.text(lang), review.join(" · "))}
                            </p>
                        })}
                    }
                }}
                <Show when=move || !state.visitor.get()>
                    <p class="sub" data-testid="prospect-notes">{move || prospect.get().notes}</p>
                </Show>
                <div class="field inline" class:hidden=move || state.visitor.get()>
                    <label for="f-stage">{tr(Msg::StageField)}</label>
                    <select id="f-stage" data-testid="stage-select" on:change=set_stage>
                        {move || {
                            let lang = state.lang.get();
                            let current = prospect.get().stage;
                            Stage::ALL
                                .iter()
                                .map(|s| view! { <option value=stage_key(*s) selected=*s == current>{stage_label(*s, lang)}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
                <ol class="stage-history" data-testid="stage-history">{history}</ol>
                <div class="standing" data-testid="standing">
                    <span>{move || {
                        let p = prospect.get();
                        let lang = state.lang.get();
                        let mut t = p.standing.label(lang).to_string();
                        if !p.standing_reason.is_empty() && !state.visitor.get() {
                            t.push_str(": ");
                            t.push_str(&p.standing_reason);
                        }
                        if let Some(d) = p.standing_since() {
                            t.push_str(&format!(" ({d})"));
                        }
                        t
                    }}</span>
                    <input
                        type="text"
                        class:hidden=move || state.visitor.get()
                        data-testid="standing-reason"
                        aria-label=tr(Msg::StandingReason)
                        placeholder=tr(Msg::StandingReason)
                        prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))
                    />
                    <button class="secondary" class:hidden=move || state.visitor.get() || prospect.get().standing == Standing::Paused data-testid="mark-paused" on:click=move |_| set_standing(Standing::Paused)>{tr(Msg::MarkPaused)}</button>
                    <button class="secondary" class:hidden=move || state.visitor.get() || prospect.get().standing == Standing::Lost data-testid="mark-lost" on:click=move |_| set_standing(Standing::Lost)>{tr(Msg::MarkLost)}</button>
                    <button class="secondary" class:hidden=move || state.visitor.get() || prospect.get().standing == Standing::Active data-testid="mark-active" on:click=move |_| set_standing(Standing::Active)>{tr(Msg::Resume)}</button>
                </div>
                <h3>{tr(Msg::MatchesTitle)}</h3>
                <WeightsPanel/>
                <MatchList prospect=prospect/>
            </section>
        </Show>
    }
}
