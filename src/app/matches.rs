//! The ranked zone list for a prospect, with the per-criterion breakdown and exclusions.

use leptos::prelude::*;

use super::state::{tr, use_app, Page};
use crate::i18n::{criterion_label, exclusion, reason, Lang, Msg};
use crate::matching::{ProspectProfile, ZoneMatch};
use crate::model::Prospect;

/// How many zones are explained and shown before "show all": a booth screen needs the
/// best few, and explaining 2,600 zones on every keystroke would cost the typing speed.
pub const SHOWN_AT_FIRST: usize = 20;

/// How many more zones each "show more" adds: thousands of zones are paged, not drawn at
/// once.
pub const MORE_AT_A_TIME: usize = 100;

/// Ranked zones for `prospect`; re-ranks when it, the zones or the weights change. Each
/// zone is one compact row (rank, name, total, its two strongest reasons) that opens to
/// the full breakdown; excluded zones are collapsed under one heading with their reasons.
#[component]
pub fn MatchList(#[prop(into)] prospect: Signal<Prospect>) -> impl IntoView {
    let state = use_app();
    let shown = RwSignal::new(SHOWN_AT_FIRST);
    let map_open = RwSignal::new(false);
    let best_by_province: RwSignal<Vec<(&'static str, u8)>> = RwSignal::new(Vec::new());
    let rows = move || {
        let lang = state.lang.get();
        let weights = state.weights.get();
        let limit = shown.get();
        let catalogue = state.scoped_catalogue.get();
        let profile = ProspectProfile::new(&prospect.get());
        let ranked = catalogue.0.rank_explaining(&profile, &weights, limit);
        let total = ranked.len();
        let zones = catalogue.0.zones();
        // Looked up by id once per ranking: thousands of zones with scope "all".
        let by_id: crate::text::index::QuickMap<&str, &crate::model::Zone> =
            zones.iter().map(|z| (z.id.as_str(), z)).collect();
        let name_of = |id: &str| {
            by_id
                .get(id)
                .map(|z| z.name.get(lang).to_string())
                .unwrap_or_default()
        };
        let province_zh = |id: &str| by_id.get(id).and_then(|z| zone_province(z)).unwrap_or("");
        // The best score per province, for the map (zones that fit, not excluded), while
        // the map is open.
        if map_open.get() && state.scope.with(|s| *s != crate::national::Scope::Profiles) {
            let mut best: Vec<(&'static str, u8)> = Vec::new();
            for m in ranked
                .iter()
                .filter(|m| !m.is_excluded() && m.fits_industry())
            {
                let Some(p) = by_id.get(m.zone_id.as_str()).and_then(|z| zone_province(z)) else {
                    continue;
                };
                match best.iter_mut().find(|(zh, _)| *zh == p) {
                    Some((_, b)) => *b = (*b).max(m.total),
                    None => best.push((p, m.total)),
                }
            }
            best_by_province.set(best);
        }
        let mut rank = 0;
        let mut excluded = Vec::new();
        let mut rows = Vec::new();
        for m in ranked.into_iter().take(limit) {
            let name = name_of(&m.zone_id);
            if m.is_excluded() {
                excluded.push(excluded_row(m, name, lang));
            } else {
                rank += 1;
                let province = province_zh(&m.zone_id);
                rows.push(match_row(rank, m, name, province, lang));
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
                <button class="secondary" data-testid="show-all-matches" on:click=move |_| shown.update(|s| *s = s.saturating_add(MORE_AT_A_TIME))>
                    {if total - limit <= MORE_AT_A_TIME {
                        format!("{} ({total})", Msg::ShowAll.text(lang))
                    } else if lang == Lang::Zh {
                        format!("再显示 {MORE_AT_A_TIME} 个（共 {total} 个）")
                    } else {
                        format!("Show {MORE_AT_A_TIME} more (of {total})")
                    }}
                </button>
            }
        });
        view! {
            <ol class="matches" data-testid="match-list">{rows}</ol>
            {excluded}
            {more}
        }
    };
    // The map of best scores per province: drawn only while open.
    let map = move || {
        (state.scope.with(|s| *s != crate::national::Scope::Profiles)).then(|| {
            let tiles = move || {
                map_open.get().then(|| {
                    let lang = state.lang.get();
                    let values = best_by_province
                        .get()
                        .iter()
                        .map(|(p, b)| super::map::TileValue {
                            province: p,
                            shade: *b as f64 / 100.0,
                            label: b.to_string(),
                        })
                        .collect();
                    let selected = state.scope.with(|s| match s {
                        crate::national::Scope::Provinces(p) => p.clone(),
                        _ => Vec::new(),
                    });
                    let caption = match lang {
                        Lang::Zh => "各省最高匹配分；点按省份只看该省",
                        Lang::En => "Best score per province; tap a province to rank only its zones",
                    }
                    .to_string();
                    super::map::province_map(values, selected, lang, caption, move |p| {
                        state.scope.set(crate::national::Scope::Provinces(vec![p]))
                    })
                })
            };
            view! {
                <details class="map-box" on:toggle=move |ev| map_open.set(super::map::is_open(&ev))>
                    <summary data-testid="match-map-toggle">{move || if state.lang.get() == Lang::Zh { "地图：各省最高分" } else { "Map: best score per province" }}</summary>
                    {tiles}
                </details>
            }
        })
    };
    view! {
        <ScopeBar/>
        {map}
        {rows}
    }
}

/// The province of a zone: named in its location (a catalogue entry's is its province),
/// else in its name.
fn zone_province(z: &crate::model::Zone) -> Option<&'static str> {
    crate::national::province_in(&z.location.zh)
        .or_else(|| crate::national::province_in(&z.name.zh))
        .map(|p| p.zh)
}

/// Which zones the prospect is ranked against: the profiles, every zone, or chosen
/// provinces. The choice is remembered on the device.
#[component]
fn ScopeBar() -> impl IntoView {
    use crate::national::Scope;
    let state = use_app();
    let t = move |zh: &'static str, en: &'static str| {
        if state.lang.get() == Lang::Zh {
            zh
        } else {
            en
        }
    };
    let on_scope = move |ev| {
        let v = event_target_value(&ev);
        let next = match v.as_str() {
            "all" => Scope::All,
            "prov" => Scope::Provinces(Vec::new()),
            _ => Scope::Profiles,
        };
        state.scope.set(next);
    };
    let kind = move || match state.scope.get() {
        Scope::Profiles => "profiles",
        Scope::All => "all",
        Scope::Provinces(_) => "prov",
    };
    let provinces = move || {
        let lang = state.lang.get();
        let Scope::Provinces(chosen) = state.scope.get() else {
            return ().into_any();
        };
        let chips = chosen
            .iter()
            .map(|zh| {
                let label = crate::provinces::province(zh)
                    .map(|p| if lang == Lang::Zh { p.zh } else { p.en })
                    .unwrap_or("")
                    .to_string();
                let remove = zh.clone();
                view! {
                    <button class="chip removable" data-testid="scope-province" on:click=move |_| {
                        state.scope.update(|s| if let Scope::Provinces(list) = s { list.retain(|p| *p != remove) })
                    }>{label} " ×"</button>
                }
            })
            .collect_view();
        let options = crate::provinces::PROVINCES
            .iter()
            .filter(|p| !chosen.iter().any(|c| c == p.zh))
            .map(|p| view! { <option value=p.zh>{if lang == Lang::Zh { p.zh } else { p.en }}</option> })
            .collect_view();
        view! {
            {chips}
            <select
                data-testid="scope-add-province"
                aria-label=if lang == Lang::Zh { "添加省份" } else { "Add a province" }
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if !v.is_empty() {
                        state.scope.update(|s| if let Scope::Provinces(list) = s { list.push(v) });
                    }
                }
            >
                <option value="" selected=true>{if lang == Lang::Zh { "添加省份…" } else { "Add a province…" }}</option>
                {options}
            </select>
        }
        .into_any()
    };
    let loading = move || {
        (state.scope.with(|s| *s != Scope::Profiles) && state.national.with(|n| n.get().is_none()))
            .then(|| super::national::loading_note(state.lang.get()))
    };
    view! {
        <div class="scope-bar" data-testid="scope-bar">
            <label>
                {move || t("比较范围", "Rank against")} " "
                <select data-testid="scope-select" on:change=on_scope prop:value=kind>
                    <option value="profiles" selected=move || kind() == "profiles">{move || t("已建档园区", "Zones with profiles")}</option>
                    <option value="all" selected=move || kind() == "all">{move || t("全国所有园区", "All zones in China")}</option>
                    <option value="prov" selected=move || kind() == "prov">{move || t("选定省份", "Chosen provinces")}</option>
                </select>
            </label>
            {provinces}
            {loading}
        </div>
    }
}

/// The reasons of the `n` criteria that add most to the total (score × weight).
pub fn strongest_reasons(m: &ZoneMatch, lang: Lang, n: usize) -> Vec<String> {
    let mut best: Vec<(f64, String)> = Vec::new();
    for c in m.criteria.iter().filter(|c| c.applicable && c.score > 0.0) {
        if let Some(r) = c.reasons.first() {
            best.push((c.score * c.weight, reason(r, lang)));
        }
    }
    crate::order::sort_by(&mut best, |a, b| b.0.total_cmp(&a.0));
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

fn match_row(
    rank: usize,
    m: ZoneMatch,
    name: String,
    province: &'static str,
    lang: Lang,
) -> impl IntoView {
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
            data-province=province
            data-little-data=m.little_data.to_string()
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
                    {m.little_data.then(|| view! { <span class="badge little" data-testid="little-data-badge">{if lang == Lang::Zh { "资料有限" } else { "Little data" }}</span> })}
                </summary>
                <div class="breakdown" data-testid="breakdown">
                    {m.little_data.then(|| view! { <p class="note little-data">{super::national::little_data_text().get(lang).to_string()}</p> })}
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
