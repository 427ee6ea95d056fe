//! Zone list and zone detail.

use leptos::prelude::*;

use super::state::{tr, use_app, Page};
use crate::i18n::{
    chain_stage_label, fmt_m2, fmt_mu, fmt_num, fmt_wan, fmt_wan_per_mu, kind_label,
    link_status_label, Lang, Msg,
};
use crate::i18n::{criterion_label, reason};
use crate::model::{Text, Zone};

/// Free factory space as shown on cards and in the detail view.
pub fn free_space_text(z: &Zone, lang: Lang) -> String {
    match z.factory.availability() {
        Some(a) if a.estimated => {
            format!("≈ {} ({})", fmt_m2(a.m2, lang), Msg::Estimated.text(lang))
        }
        Some(a) => fmt_m2(a.m2, lang),
        None => Msg::Unknown.text(lang).to_string(),
    }
}

fn or_unknown(v: Option<f64>, f: impl Fn(f64, Lang) -> String, lang: Lang) -> String {
    v.map(|x| f(x, lang))
        .unwrap_or_else(|| Msg::Unknown.text(lang).to_string())
}

/// Months from an "as of" date (`YYYY-MM` or `YYYY-MM-DD`) to today after which a profile
/// is marked "may be out of date": peer tools' users' first complaint is stale data.
pub const STALE_AFTER_MONTHS: i32 = 12;

/// Whether a profile dated `as_of` (`YYYY-MM` = the first of that month, or
/// `YYYY-MM-DD`) is older than [`STALE_AFTER_MONTHS`] on `today` (`YYYY-MM-DD…`). An
/// unreadable date is not called stale (it is shown as typed).
pub fn is_stale(as_of: &str, today: &str) -> bool {
    let ymd = |s: &str| -> Option<(i32, i32, i32)> {
        let y: i32 = s.get(0..4)?.parse().ok()?;
        let m: i32 = s.get(5..7)?.parse().ok()?;
        let d: i32 = s.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
        Some((y, m, d))
    };
    match (ymd(as_of.trim()), ymd(today)) {
        (Some((y, m, d)), Some(t)) => {
            let months = y * 12 + m - 1 + STALE_AFTER_MONTHS;
            t > (months.div_euclid(12), months.rem_euclid(12) + 1, d)
        }
        _ => false,
    }
}

/// The "as of" date with the stale mark when it is older than a year.
pub fn as_of_view(as_of: &str, lang: Lang) -> impl IntoView {
    let stale = is_stale(as_of, &super::files::now_iso());
    view! {
        <span class="as-of" class:stale=stale data-testid="as-of" data-stale=stale.to_string()>
            {Msg::AsOf.text(lang)} ": " {as_of.to_string()}
            {stale.then(|| view! { " " <strong class="stale-mark">{Msg::MayBeOutOfDate.text(lang)}</strong> })}
        </span>
    }
}

/// The zone list: the app's home screen. Its search and filters live in the URL's query
/// (`?q=电池&kind=high_tech&space=1`), so back returns to the same list and a list can be
/// linked; zones ticked for comparison open side by side.
#[component]
pub fn ZoneList() -> impl IntoView {
    let state = use_app();
    let query_map = leptos_router::hooks::use_query_map();
    let param = move |k: &str| query_map.with(|m| m.get(k).unwrap_or_default());
    let set_param = move |k: &str, v: String| {
        let mut pairs: Vec<(String, String)> = ["q", "kind", "space"]
            .iter()
            .map(|key| {
                (
                    key.to_string(),
                    if *key == k { v.clone() } else { param(key) },
                )
            })
            .filter(|(_, v)| !v.is_empty())
            .collect();
        let query = pairs
            .drain(..)
            .map(|(k, v)| format!("{k}={}", super::routes::encode(&v)))
            .collect::<Vec<_>>()
            .join("&");
        state.replace_url(&if query.is_empty() {
            "/".to_string()
        } else {
            format!("/?{query}")
        });
    };
    let picked: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let cards = move || {
        let lang = state.lang.get();
        let q = param("q");
        let kind = param("kind");
        let space = param("space") == "1";
        let zones: Vec<Zone> = state.data.with(|d| {
            d.zones
                .iter()
                .filter(|z| z.matches_query(&q))
                .filter(|z| kind.is_empty() || kind_key(z.kind) == kind)
                .filter(|z| !space || z.factory.availability().is_some_and(|a| a.m2 > 0.0))
                .cloned()
                .collect()
        });
        if zones.is_empty() {
            return view! { <p class="empty">{Msg::NoZonesFound.text(lang)}</p> }.into_any();
        }
        zones
            .into_iter()
            .map(|z| zone_card(z, lang, picked))
            .collect_view()
            .into_any()
    };
    let kinds = move || {
        let lang = state.lang.get();
        let current = param("kind");
        crate::model::ZoneKind::ALL
            .iter()
            .map(|k| view! { <option value=kind_key(*k) selected=current == kind_key(*k)>{kind_label(*k, lang)}</option> })
            .collect_view()
    };
    let compare_bar = move || {
        let lang = state.lang.get();
        let n = picked.with(Vec::len);
        (n > 0).then(|| {
            let ready = (2..=4).contains(&n);
            view! {
                <div class="compare-bar" data-testid="compare-bar">
                    <span>{format!("{} {n}/4", Msg::PickedToCompare.text(lang))}</span>
                    <button
                        class="primary"
                        data-testid="open-compare"
                        disabled=!ready
                        on:click=move |_| state.go_to(&compare_path(&picked.get_untracked()))
                    >
                        {Msg::CompareZones.text(lang)}
                    </button>
                    <button class="secondary" on:click=move |_| picked.set(Vec::new())>{Msg::Clear.text(lang)}</button>
                </div>
            }
        })
    };
    view! {
        <section class="page">
            <div class="page-head">
                <h2>{tr(Msg::ZonesTitle)}</h2>
                <button class="primary" class:hidden=move || state.visitor.get() on:click=move |_| state.go(Page::EditZone(None))>
                    {tr(Msg::AddZone)}
                </button>
            </div>
            <div class="filters">
                <input
                    type="search"
                    class="search"
                    data-testid="zone-search"
                    placeholder=tr(Msg::SearchZones)
                    aria-label=tr(Msg::SearchZones)
                    prop:value=move || param("q")
                    on:input=move |ev| set_param("q", event_target_value(&ev))
                />
                <select
                    data-testid="zone-kind-filter"
                    aria-label=tr(Msg::Kind)
                    on:change=move |ev| set_param("kind", event_target_value(&ev))
                >
                    <option value="" selected=move || param("kind").is_empty()>{tr(Msg::AllKinds)}</option>
                    {kinds}
                </select>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="zone-space-filter"
                        prop:checked=move || param("space") == "1"
                        on:change=move |ev| set_param("space", if event_target_checked(&ev) { "1".into() } else { String::new() })
                    />
                    {tr(Msg::WithFreeSpace)}
                </label>
            </div>
            {compare_bar}
            <ul class="cards">{cards}</ul>
        </section>
    }
}

/// An `<option>` per zone for a zone picker, `current` (a zone id) selected.
pub fn zone_options(current: &str) -> impl IntoView {
    let state = use_app();
    let lang = state.lang.get();
    state.data.with(|d| {
        d.zones
            .iter()
            .map(|z| view! { <option value=z.id.clone() selected=current == z.id>{z.name.get(lang).to_string()}</option> })
            .collect_view()
    })
}

/// A zone kind as written in the URL (its stored name).
fn kind_key(k: crate::model::ZoneKind) -> &'static str {
    use crate::model::ZoneKind as K;
    match k {
        K::HighTech => "high_tech",
        K::EconomicTechnological => "economic_technological",
        K::Demonstration => "demonstration",
        K::Other => "other",
    }
}

/// The compare screen's path for these zone ids.
pub fn compare_path(ids: &[String]) -> String {
    let ids: Vec<String> = ids.iter().map(|i| super::routes::encode(i)).collect();
    format!("/compare?zones={}", ids.join(","))
}

fn zone_card(z: Zone, lang: Lang, picked: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app();
    let id = z.id.clone();
    let pick_id = z.id.clone();
    let is_picked = {
        let id = z.id.clone();
        move || picked.with(|p| p.contains(&id))
    };
    let chips = z
        .clusters
        .iter()
        .map(|c| view! { <span class="chip">{c.name.get(lang).to_string()}</span> })
        .collect_view();
    view! {
        <li class="card" data-testid="zone-card" data-zone-id=z.id.clone()>
            <button class="card-main" on:click=move |_| state.go(Page::Zone(id.clone()))>
                <h3>{z.name.get(lang).to_string()}</h3>
                <p class="meta">
                    <span class="badge">{kind_label(z.kind, lang)}</span>
                    " "
                    {z.location.get(lang).to_string()}
                </p>
                <p class="chips">{chips}</p>
                <p class="facts">
                    <span>{Msg::FreeSpace.text(lang)} ": " {free_space_text(&z, lang)}</span>
                    {as_of_view(&z.as_of, lang)}
                </p>
            </button>
            <label class="check pick">
                <input
                    type="checkbox"
                    data-testid="pick-compare"
                    prop:checked=is_picked
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        picked.update(|p| {
                            p.retain(|x| *x != pick_id);
                            if on && p.len() < 4 {
                                p.push(pick_id.clone());
                            }
                        });
                    }
                />
                {Msg::Compare.text(lang)}
            </label>
        </li>
    }
}

fn fact(label: Msg, value: String, lang: Lang) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>{label.text(lang)}</dt>
            <dd>{value}</dd>
        </div>
    }
}

fn text_list(items: &[Text], lang: Lang) -> AnyView {
    if items.is_empty() {
        return view! { <p class="unknown">{Msg::Unknown.text(lang)}</p> }.into_any();
    }
    view! {
        <ul class="plain">
            {items.iter().map(|t| view! { <li>{t.get(lang).to_string()}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One zone's full profile.
#[component]
pub fn ZoneDetail(id: String) -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let Some(z) = state.data.with(|d| d.zone(&id).cloned()) else {
            return view! { <super::NotFound/> }.into_any();
        };
        let edit_id = z.id.clone();
        let clusters = z
            .clusters
            .iter()
            .map(|c| {
                let links = c
                    .links
                    .iter()
                    .map(|l| {
                        let stage = chain_stage_label(l.stage, lang);
                        let status = link_status_label(l.status, lang);
                        view! {
                            <li class="link-item" class:wanted=l.status == crate::model::LinkStatus::Wanted>
                                {l.name.get(lang).to_string()}
                                <small>{if stage.is_empty() { status.to_string() } else { format!("{stage} · {status}") }}</small>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="cluster">
                        <h4>{c.name.get(lang).to_string()}</h4>
                        <ul class="links">{links}</ul>
                    </div>
                }
            })
            .collect_view();
        let incentives = z
            .incentives
            .iter()
            .map(|i| {
                let cap = i
                    .max_wan
                    .map(|m| format!(" ≤ {}", fmt_wan(m, lang)))
                    .unwrap_or_default();
                view! {
                    <li>
                        {crate::i18n::incentive_tag(i.category, &i.name, lang).map(|t| view! { <span class="badge">{t}</span> " " })}
                        {i.name.get(lang).to_string()}
                        {cap}
                    </li>
                }
            })
            .collect_view();
        let contacts = if z.contacts.is_empty() {
            view! { <p class="unknown">{Msg::NoContacts.text(lang)}</p> }.into_any()
        } else {
            view! {
                <ul class="plain">
                    {z
                        .contacts
                        .iter()
                        .map(|c| {
                            let tel = format!("tel:{}", c.phone.chars().filter(|ch| ch.is_ascii_digit() || *ch == '+').collect::<String>());
                            let web = crate::model::safe_url(&c.website).map(|u| {
                                let u = u.to_string();
                                view! { <a href=u.clone() target="_blank" rel="noopener noreferrer">{u.clone()}</a> }
                            });
                            view! {
                                <li>
                                    {c.name.clone()} " " <small>{c.role.clone()}</small> " "
                                    <a href=tel>{c.phone.clone()}</a> " " {c.email.clone()} " " {web}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        };
        let policy_count = z
            .incentive_count
            .map(|n| {
                format!(
                    "{}: {} · {}",
                    Msg::PoliciesInTotal.text(lang),
                    n,
                    Msg::PoliciesListedBelow.text(lang)
                )
            })
            .unwrap_or_default();
        let cap = z
            .incentive_cap_wan
            .map(|c| format!("{}: {}", Msg::IncentiveCap.text(lang), fmt_wan(c, lang)))
            .unwrap_or_default();
        let land_note = z.land_note.get(lang).to_string();
        let restricted = if z.restricted.is_empty() {
            view! { <p class="unknown">{Msg::Unknown.text(lang)}</p> }.into_any()
        } else {
            let t = crate::taxonomy::taxonomy();
            view! {
                <ul class="plain">
                    {z.restricted
                        .iter()
                        .map(|r| {
                            let label = t
                                .find(r)
                                .map(|e| format!("{r} {}", if lang == Lang::Zh { &e.zh } else { &e.en }))
                                .unwrap_or_else(|| r.clone());
                            view! { <li>{label}</li> }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <section class="page zone-detail" data-testid="zone-detail" data-zone-id=z.id.clone()>
                <div class="page-head">
                    <button class="secondary" on:click=move |_| super::back_or(Page::Zones)>{Msg::Back.text(lang)}</button>
                    <button class="secondary" class:hidden=state.visitor.get_untracked() data-testid="edit-zone" on:click=move |_| state.go(Page::EditZone(Some(edit_id.clone())))>
                        {Msg::Edit.text(lang)}
                    </button>
                </div>
                <h2>{z.name.get(lang).to_string()}</h2>
                <p class="meta">
                    <span class="badge">{kind_label(z.kind, lang)}</span>
                    " " {z.location.get(lang).to_string()} " · "
                    {as_of_view(&z.as_of, lang)}
                </p>
                <p class="summary">{z.summary.get(lang).to_string()}</p>
                <h3>{Msg::Clusters.text(lang)}</h3>
                <div class="clusters">{clusters}</div>
                <h3>{Msg::FactorySpace.text(lang)}</h3>
                <dl class="facts-grid">
                    {fact(Msg::Planned, or_unknown(z.factory.planned_m2, fmt_m2, lang), lang)}
                    {fact(Msg::Built, or_unknown(z.factory.built_m2, fmt_m2, lang), lang)}
                    {fact(Msg::Occupancy, or_unknown(z.factory.occupancy_pct, |v, _| format!("{}%", fmt_num(v)), lang), lang)}
                    {fact(Msg::FreeSpace, free_space_text(&z, lang), lang)}
                    {fact(Msg::LandAvailable, or_unknown(z.land_available_mu, fmt_mu, lang), lang)}
                </dl>
                <p class="note">{land_note}</p>
                <h3>{Msg::Thresholds.text(lang)}</h3>
                <dl class="facts-grid">
                    {fact(Msg::MinInvestment, or_unknown(z.min_investment_wan, fmt_wan, lang), lang)}
                    {fact(Msg::MinIntensity, or_unknown(z.min_intensity_wan_per_mu, fmt_wan_per_mu, lang), lang)}
                </dl>
                <h3>{Msg::Incentives.text(lang)}</h3>
                <p class="note">{policy_count}</p>
                <p class="note">{cap}</p>
                {if z.incentives.is_empty() {
                    view! { <p class="unknown">{Msg::Unknown.text(lang)}</p> }.into_any()
                } else {
                    view! { <ul class="plain">{incentives}</ul> }.into_any()
                }}
                <h3>{Msg::Services.text(lang)}</h3>
                {text_list(&z.services, lang)}
                <h3>{Msg::TargetRegions.text(lang)}</h3>
                {text_list(&z.target_regions, lang)}
                <h3>{Msg::Restricted.text(lang)}</h3>
                {restricted}
                <h3>{Msg::Contacts.text(lang)}</h3>
                {contacts}
                <p class="source">{Msg::Source.text(lang)} ": " {z.source.clone()}</p>
                <ProspectsForZone zone_id=z.id.clone()/>
            </section>
        }
        .into_any()
    }
}

/// Prospects ranked for one zone: the zone staff's direction. Same scores as the zone
/// lists of each prospect.
#[component]
fn ProspectsForZone(zone_id: String) -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let weights = state.weights.get();
        let profiles = state.profiles.get();
        // Visitor mode: other prospects are not shown to a visitor.
        if state.visitor.get() {
            return ().into_any();
        }
        let Some(zone) = state.data.with(|d| d.zone(&zone_id).cloned()) else {
            return ().into_any();
        };
        if profiles.0.is_empty() {
            return view! {
                <h3>{Msg::ProspectsForZone.text(lang)}</h3>
                <p class="empty">{Msg::NoProspectsForZone.text(lang)}</p>
            }
            .into_any();
        }
        let catalogue = state.catalogue.get();
        let Some(zi) = catalogue.0.position(&zone.id) else {
            return ().into_any();
        };
        let ranked = catalogue.0.rank_prospects(zi, &profiles.0, &weights);
        let rows = ranked
            .into_iter()
            .take(20)
            .map(|m| {
                let pid = m.prospect_id.clone();
                let name = profiles
                    .0
                    .iter()
                    .find(|p| p.prospect.id == m.prospect_id)
                    .map(|p| super::state::prospect_label(&p.prospect, false, lang))
                    .unwrap_or_default();
                let summary = m
                    .result
                    .criteria
                    .iter()
                    .filter(|c| c.applicable)
                    .map(|c| format!("{} {}%", criterion_label(c.kind, lang), (c.score * 100.0).round()))
                    .collect::<Vec<_>>()
                    .join(" · ");
                let first_reason = m
                    .result
                    .criteria
                    .first()
                    .and_then(|c| c.reasons.first())
                    .map(|r| reason(r, lang))
                    .unwrap_or_default();
                view! {
                    <li
                        data-testid="prospect-match-row"
                        data-prospect-id=m.prospect_id.clone()
                        data-score=m.result.total.to_string()
                        data-excluded=m.result.is_excluded().to_string()
                    >
                        <button class="row-main" on:click=move |_| state.go(Page::Prospect(pid.clone()))>
                            <strong>{name}</strong>
                            <span class="badge">{m.result.total}</span>
                            <span class="sub">{summary}</span>
                            <span class="sub">{first_reason}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{Msg::ProspectsForZone.text(lang)}</h3>
            <ol class="rows">{rows}</ol>
        }
        .into_any()
    }
}
