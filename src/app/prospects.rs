//! The prospect list and one prospect with its zone matches.

use leptos::prelude::*;

use super::matches::MatchList;
use super::state::{tr, use_app, Page};
use super::weights::WeightsPanel;
use crate::i18n::{fmt_m2, fmt_mu, fmt_wan, stage_label, Lang, Msg};
use crate::model::{Change, Prospect, Stage, Text};

fn facts_line(p: &Prospect, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(v) = p.investment_wan {
        parts.push(format!(
            "{} {}",
            Msg::Investment.text(lang),
            fmt_wan(v, lang)
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
        parts.push(format!("{} {}", Msg::Jobs.text(lang), v));
    }
    if !p.origin.is_empty() {
        parts.push(format!("{} {}", Msg::Origin.text(lang), p.origin));
    }
    parts.join(" · ")
}

/// All captured prospects, newest first.
#[component]
pub fn ProspectList() -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let mut list: Vec<Prospect> = state.data.with(|d| d.prospects.clone());
        list.sort_by(|a, b| b.created.cmp(&a.created));
        let body = if list.is_empty() {
            view! { <p class="empty">{Msg::NoProspects.text(lang)}</p> }.into_any()
        } else {
            view! {
                <ul class="rows">
                    {list
                        .into_iter()
                        .map(|p| {
                            let id = p.id.clone();
                            view! {
                                <li data-testid="prospect-row" data-prospect-id=p.id.clone()>
                                    <button class="row-main" on:click=move |_| state.go(Page::Prospect(id.clone()))>
                                        <strong>{p.name.clone()}</strong>
                                        <span class="badge">{stage_label(p.stage, lang)}</span>
                                        <span class="sub">{format!("{} {}", p.industry, p.products)}</span>
                                        <span class="sub">{facts_line(&p, lang)}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <section class="page">
                <div class="page-head">
                    <h2>{Msg::ProspectsTitle.text(lang)}</h2>
                    <button class="primary" on:click=move |_| state.go(Page::Capture)>{Msg::NavCapture.text(lang)}</button>
                </div>
                {body}
            </section>
        }
    }
}

/// One prospect: its facts, its pipeline stage, and every zone ranked for it.
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
        if let Some(stage) = Stage::ALL.iter().find(|s| format!("{s:?}") == v) {
            let mut p = prospect.get_untracked();
            p.stage = *stage;
            state.apply(Change::UpsertProspect(p));
        }
    };
    let delete_id = id.clone();
    let delete = move |_| {
        let lang = state.lang.get_untracked();
        let name = prospect.get_untracked().name;
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
    view! {
        <Show when=exists fallback=move || view! { <super::NotFound/> }>
            <section class="page" data-testid="prospect-detail">
                <div class="page-head">
                    <button class="secondary" on:click=move |_| state.go(Page::Prospects)>{tr(Msg::Back)}</button>
                    <button class="danger" on:click=delete.clone()>{tr(Msg::Delete)}</button>
                </div>
                <h2 data-testid="prospect-name">{move || prospect.get().name}</h2>
                <p class="sub">{move || { let p = prospect.get(); format!("{} {}", p.industry, p.products) }}</p>
                <p class="sub">{move || facts_line(&prospect.get(), state.lang.get())}</p>
                <p class="sub">{move || prospect.get().notes}</p>
                <div class="field inline">
                    <label for="f-stage">{tr(Msg::StageField)}</label>
                    <select id="f-stage" on:change=set_stage>
                        {move || {
                            let lang = state.lang.get();
                            let current = prospect.get().stage;
                            Stage::ALL
                                .iter()
                                .map(|s| view! { <option value=format!("{s:?}") selected=*s == current>{stage_label(*s, lang)}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
                <h3>{tr(Msg::MatchesTitle)}</h3>
                <WeightsPanel/>
                <MatchList prospect=prospect/>
            </section>
        </Show>
    }
}
