//! The ranked zone list for a prospect, with the per-criterion breakdown.

use leptos::prelude::*;

use super::state::{use_app, Page};
use crate::i18n::{criterion_label, reason, Lang, Msg};
use crate::matching::{rank_zones, Weights, ZoneMatch};
use crate::model::{Dataset, Prospect};

/// Rank every zone for `prospect`.
pub fn ranked(data: &Dataset, prospect: &Prospect) -> Vec<ZoneMatch> {
    rank_zones(prospect, &data.zones, &Weights::default())
}

/// Ranked zones for the prospect `prospect` returns; re-ranks when it or the zones change.
#[component]
pub fn MatchList(#[prop(into)] prospect: Signal<Prospect>) -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let p = prospect.get();
        let rows = state.data.with(|d| {
            ranked(d, &p)
                .into_iter()
                .map(|m| {
                    let name = d
                        .zone(&m.zone_id)
                        .map(|z| z.name.get(lang).to_string())
                        .unwrap_or_default();
                    (m, name)
                })
                .collect::<Vec<_>>()
        });
        view! {
            <ol class="matches" data-testid="match-list">
                {rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, (m, name))| match_row(i + 1, m, name, lang))
                    .collect_view()}
            </ol>
        }
    }
}

fn match_row(rank: usize, m: ZoneMatch, name: String, lang: Lang) -> impl IntoView {
    let state = use_app();
    let zone_id = m.zone_id.clone();
    let total = m.total;
    let tier = match total {
        70..=100 => "high",
        40..=69 => "mid",
        _ => "low",
    };
    let criteria = m
        .criteria
        .iter()
        .map(|c| {
            let pct = (c.score * 100.0).round() as u32;
            let width = format!("width:{pct}%");
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
                <li class="criterion" class:na=!c.applicable data-criterion=format!("{:?}", c.kind).to_lowercase()>
                    <span class="criterion-name">{criterion_label(c.kind, lang)}</span>
                    <span class="bar"><span class="fill" style=width></span></span>
                    <span class="criterion-score">{score_text}</span>
                    <ul class="reasons">{reasons}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="match-row" data-testid="match-row" data-zone-id=m.zone_id.clone() data-score=total.to_string()>
            <div class="match-head">
                <span class="rank">{format!("#{rank}")}</span>
                <button class="link zone-link" on:click=move |_| state.go(Page::Zone(zone_id.clone()))>{name}</button>
                <span class=format!("score {tier}")>
                    <strong>{total}</strong>
                    <small>{Msg::ScoreOutOf.text(lang)}</small>
                </span>
            </div>
            <ul class="criteria">{criteria}</ul>
        </li>
    }
}
