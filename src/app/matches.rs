//! The ranked zone list for a prospect, with the per-criterion breakdown and exclusions.

use leptos::prelude::*;

use super::state::{tr, use_app, Page};
use crate::i18n::{criterion_label, exclusion, reason, Lang, Msg};
use crate::matching::{ProspectProfile, ZoneMatch};
use crate::model::Prospect;

/// How many zones are explained and shown before "show all": a booth screen needs the
/// best few, and explaining 2,600 zones on every keystroke would cost the typing speed.
pub const SHOWN_AT_FIRST: usize = 20;

/// Ranked zones for `prospect`; re-ranks when it, the zones or the weights change.
#[component]
pub fn MatchList(#[prop(into)] prospect: Signal<Prospect>) -> impl IntoView {
    let state = use_app();
    let shown = RwSignal::new(SHOWN_AT_FIRST);
    let rows = move || {
        let lang = state.lang.get();
        let weights = state.weights.get();
        let limit = shown.get();
        let catalogue = state.catalogue.get();
        let profile = ProspectProfile::new(&prospect.get());
        let ranked = catalogue.0.rank_explaining(&profile, &weights, limit);
        let total = ranked.len();
        let rows = ranked
            .into_iter()
            .take(limit)
            .enumerate()
            .map(|(i, m)| {
                let name = catalogue
                    .0
                    .zones()
                    .iter()
                    .find(|z| z.id == m.zone_id)
                    .map(|z| z.name.get(lang).to_string())
                    .unwrap_or_default();
                match_row(i + 1, m, name, lang)
            })
            .collect_view();
        let more = (total > limit).then(|| {
            view! {
                <button class="secondary" data-testid="show-all-matches" on:click=move |_| shown.set(usize::MAX)>
                    {format!("{} ({total})", Msg::ShowAll.text(lang))}
                </button>
            }
        });
        view! {
            <ol class="matches" data-testid="match-list">{rows}</ol>
            {more}
        }
    };
    view! { {rows} }
}

fn match_row(rank: usize, m: ZoneMatch, name: String, lang: Lang) -> impl IntoView {
    let state = use_app();
    let zone_id = m.zone_id.clone();
    let total = m.total;
    let excluded = m.is_excluded();
    let tier = match (excluded, total) {
        (true, _) => "excluded",
        (false, 70..=100) => "high",
        (false, 40..=69) => "mid",
        _ => "low",
    };
    let exclusions = m
        .exclusions
        .iter()
        .map(|e| view! { <li>{exclusion(e, lang)}</li> })
        .collect_view();
    let criteria = m
        .criteria
        .iter()
        .map(|c| {
            let pct = (c.score * 100.0).round() as u32;
            let score_text = if c.applicable {
                format!("{pct}%")
            } else {
                Msg::NotScored.text(lang).to_string()
            };
            let reasons = c
                .reasons
                .iter()
                .map(|r| view! { <li>{reason(r, lang)}</li> })
                .collect_view();
            view! {
                <li class="criterion" class:na=!c.applicable data-criterion=c.kind.key()>
                    <span class="criterion-name">{criterion_label(c.kind, lang)}</span>
                    <meter class="bar" min="0" max="100" value=pct.to_string()></meter>
                    <span class="criterion-score">{score_text}</span>
                    <ul class="reasons">{reasons}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <li
            class="match-row"
            class:excluded=excluded
            data-testid="match-row"
            data-zone-id=m.zone_id.clone()
            data-score=total.to_string()
            data-excluded=excluded.to_string()
        >
            <div class="match-head">
                <span class="rank">{format!("#{rank}")}</span>
                <button class="link zone-link" on:click=move |_| state.go(Page::Zone(zone_id.clone()))>{name}</button>
                <span class=format!("score {tier}")>
                    <strong>{total}</strong>
                    <small>{Msg::ScoreOutOf.text(lang)}</small>
                </span>
            </div>
            {excluded.then(|| view! {
                <div class="exclusions" data-testid="exclusions">
                    <strong>{tr(Msg::Excluded)}</strong>
                    <ul>{exclusions}</ul>
                </div>
            })}
            <ul class="criteria">{criteria}</ul>
        </li>
    }
}
