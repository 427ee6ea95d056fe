//! The ranked zone list for a prospect, with the per-criterion breakdown and exclusions.

use leptos::prelude::*;

use super::state::{tr, use_app, Page};
use crate::i18n::{criterion_label, exclusion, reason, Lang, Msg};
use crate::matching::{ProspectProfile, ZoneMatch};
use crate::model::Prospect;

/// How many zones are explained and shown before "show all": a booth screen needs the
/// best few, and explaining 2,600 zones on every keystroke would cost the typing speed.
pub const SHOWN_AT_FIRST: usize = 20;

/// Ranked zones for `prospect`; re-ranks when it, the zones or the weights change. Each
/// zone is one compact row (rank, name, total, its two strongest reasons) that opens to
/// the full breakdown; excluded zones are collapsed under one heading with their reasons.
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
        let name_of = |id: &str| {
            catalogue
                .0
                .zones()
                .iter()
                .find(|z| z.id == id)
                .map(|z| z.name.get(lang).to_string())
                .unwrap_or_default()
        };
        let mut rank = 0;
        let mut excluded = Vec::new();
        let mut rows = Vec::new();
        for m in ranked.into_iter().take(limit) {
            let name = name_of(&m.zone_id);
            if m.is_excluded() {
                excluded.push(excluded_row(m, name, lang));
            } else {
                rank += 1;
                rows.push(match_row(rank, m, name, lang));
            }
        }
        let n_excluded = excluded.len();
        let excluded = (n_excluded > 0).then(|| {
            view! {
                <details class="excluded-zones" data-testid="excluded-zones">
                    <summary>{format!("{} ({n_excluded})", Msg::ExcludedZones.text(lang))}</summary>
                    <ul class="matches">{excluded}</ul>
                </details>
            }
        });
        let more = (total > limit).then(|| {
            view! {
                <button class="secondary" data-testid="show-all-matches" on:click=move |_| shown.set(usize::MAX)>
                    {format!("{} ({total})", Msg::ShowAll.text(lang))}
                </button>
            }
        });
        view! {
            <ol class="matches" data-testid="match-list">{rows}</ol>
            {excluded}
            {more}
        }
    };
    view! { {rows} }
}

/// The reasons of the `n` criteria that add most to the total (score × weight).
pub fn strongest_reasons(m: &ZoneMatch, lang: Lang, n: usize) -> Vec<String> {
    let mut best: Vec<(f64, String)> = Vec::new();
    for c in m.criteria.iter().filter(|c| c.applicable && c.score > 0.0) {
        if let Some(r) = c.reasons.first() {
            best.push((c.score * c.weight, reason(r, lang)));
        }
    }
    best.sort_by(|a, b| b.0.total_cmp(&a.0));
    best.into_iter().take(n).map(|(_, r)| r).collect()
}

/// Criteria that were not scored, in one line, grouped by why: "not scored: investment,
/// incentives: no data published".
pub fn not_scored_line(m: &ZoneMatch, lang: Lang) -> Option<String> {
    let mut groups: Vec<(String, Vec<&'static str>)> = Vec::new();
    for c in m.criteria.iter().filter(|c| !c.applicable) {
        let why = c
            .reasons
            .first()
            .map(|r| reason(r, lang))
            .unwrap_or_default();
        match groups.iter_mut().find(|(w, _)| *w == why) {
            Some((_, labels)) => labels.push(criterion_label(c.kind, lang)),
            None => groups.push((why, vec![criterion_label(c.kind, lang)])),
        }
    }
    if groups.is_empty() {
        return None;
    }
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(why, labels)| {
            let labels = labels.join(sep);
            if why.is_empty() {
                labels
            } else {
                format!("{labels}: {why}")
            }
        })
        .collect();
    Some(format!(
        "{}: {}",
        Msg::NotScored.text(lang),
        parts.join("; ")
    ))
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
    let top = strongest_reasons(&m, lang, 2)
        .into_iter()
        .map(|r| view! { <li>{r}</li> })
        .collect_view();
    let not_scored = not_scored_line(&m, lang)
        .map(|line| view! { <p class="not-scored" data-testid="not-scored">{line}</p> });
    let criteria = m
        .criteria
        .iter()
        .filter(|c| c.applicable)
        .map(|c| {
            let pct = (c.score * 100.0).round() as u32;
            let reasons = c
                .reasons
                .iter()
                .map(|r| view! { <li>{reason(r, lang)}</li> })
                .collect_view();
            view! {
                <li class="criterion" data-criterion=c.kind.key()>
                    <span class="criterion-name">{criterion_label(c.kind, lang)}</span>
                    <meter class="bar" min="0" max="100" value=pct.to_string()></meter>
                    <span class="criterion-score">{format!("{pct}%")}</span>
                    <ul class="reasons">{reasons}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <li
            class="match-row"
            data-testid="match-row"
            data-zone-id=m.zone_id.clone()
            data-score=total.to_string()
            data-excluded="false"
        >
            <details>
                <summary class="match-head">
                    <span class="rank">{format!("#{rank}")}</span>
                    <span class="zone-name">{name}</span>
                    <span class=format!("score {tier}")>
                        <strong>{total}</strong>
                        <small>{Msg::ScoreOutOf.text(lang)}</small>
                    </span>
                    <ul class="top-reasons">{top}</ul>
                </summary>
                <div class="breakdown" data-testid="breakdown">
                    <ul class="criteria">{criteria}</ul>
                    {not_scored}
                    <button class="link zone-link" on:click=move |_| state.go(Page::Zone(zone_id.clone()))>
                        {Msg::OpenZoneProfile.text(lang)}
                    </button>
                </div>
            </details>
        </li>
    }
}

/// An excluded zone: its name and the hard limits it fails.
fn excluded_row(m: ZoneMatch, name: String, lang: Lang) -> impl IntoView {
    let exclusions = m
        .exclusions
        .iter()
        .map(|e| view! { <li>{exclusion(e, lang)}</li> })
        .collect_view();
    view! {
        <li
            class="match-row excluded"
            data-testid="match-row"
            data-zone-id=m.zone_id.clone()
            data-score=m.total.to_string()
            data-excluded="true"
        >
            <strong>{name}</strong>
            <div class="exclusions" data-testid="exclusions">
                <span>{tr(Msg::Excluded)}</span>
                <ul>{exclusions}</ul>
            </div>
        </li>
    }
}
