//! 2-4 zones side by side (`/compare?zones=a,b,c`, and `&prospect=id` when opened from a
//! prospect's ranking, which adds the fit and the incentives that apply). Rows where the
//! zones differ are marked; rows nothing is known about in any zone are left out.

use leptos::prelude::*;

use super::state::{tr, use_app, Page};
use super::zones::{as_of_view, free_space_text, is_stale};
use crate::i18n::{fmt_m2, fmt_mu, fmt_num, fmt_wan, kind_label, reason, Lang, Msg};
use crate::matching::{CriterionKind, ProspectProfile};
use crate::model::{LinkStatus, Zone};

/// Most zones compared at once: more columns do not fit a tablet or an A4 page.
pub const MAX_COMPARED: usize = 4;

/// The compare screen.
#[component]
pub fn Compare() -> impl IntoView {
    let state = use_app();
    let query = leptos_router::hooks::use_query_map();
    move || {
        let lang = state.lang.get();
        let (ids, prospect_id) =
            query.with(|q| (q.get("zones").unwrap_or_default(), q.get("prospect")));
        let zones: Vec<Zone> = state.data.with(|d| {
            ids.split(',')
                .filter_map(|id| d.zone(id.trim()).cloned())
                .take(MAX_COMPARED)
                .collect()
        });
        if zones.len() < 2 {
            return view! {
                <section class="page" data-testid="compare">
                    <p class="empty">{Msg::PickTwoToCompare.text(lang)}</p>
                    <button class="secondary" on:click=move |_| state.go(Page::Zones)>{Msg::NavZones.text(lang)}</button>
                </section>
            }
            .into_any();
        }
        let prospect = prospect_id.and_then(|id| state.data.with(|d| d.prospect(&id).cloned()));
        let rows = compare_rows(&zones, prospect.as_ref(), lang);
        let head = zones
            .iter()
            .map(|z| {
                let id = z.id.clone();
                view! {
                    <th scope="col" data-zone-id=z.id.clone()>
                        <button class="link" on:click=move |_| state.go(Page::Zone(id.clone()))>{z.name.get(lang).to_string()}</button>
                    </th>
                }
            })
            .collect_view();
        let as_of = zones
            .iter()
            .map(|z| view! { <td class:stale=is_stale(&z.as_of, &super::files::now_iso())>{as_of_view(&z.as_of, lang)}</td> })
            .collect_view();
        let body = rows
            .into_iter()
            .map(|(label, key, cells)| {
                let differs = cells.iter().any(|c| *c != cells[0]);
                let cells = cells
                    .into_iter()
                    .map(|c| view! { <td>{c}</td> })
                    .collect_view();
                view! {
                    <tr data-row=key class:differs=differs data-differs=differs.to_string()>
                        <th scope="row">{label.text(lang)}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="page compare" data-testid="compare">
                <div class="page-head no-print">
                    <button class="secondary" on:click=move |_| super::back_or(Page::Zones)>{tr(Msg::Back)}</button>
                    <button class="secondary" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{tr(Msg::Print)}</button>
                </div>
                <h2>{Msg::CompareZones.text(lang)}</h2>
                <p class="hint no-print">{Msg::DifferencesMarked.text(lang)}</p>
                <div class="table-scroll">
                    <table class="compare-table" data-testid="compare-table">
                        <thead><tr><td></td>{head}</tr></thead>
                        <tbody>
                            {body}
                            <tr data-row="as_of"><th scope="row">{Msg::AsOf.text(lang)}</th>{as_of}</tr>
                        </tbody>
                    </table>
                </div>
            </section>
        }
        .into_any()
    }
}

/// The rows of the comparison: label, key (`data-row`), one cell per zone. A row with
/// nothing known in any zone is left out.
fn compare_rows(
    zones: &[Zone],
    prospect: Option<&crate::model::Prospect>,
    lang: Lang,
) -> Vec<(Msg, &'static str, Vec<String>)> {
    let unknown = Msg::Unknown.text(lang);
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let join = |items: Vec<String>| {
        if items.is_empty() {
            String::new()
        } else {
            items.join(sep)
        }
    };
    let num =
        |v: Option<f64>, f: fn(f64, Lang) -> String| v.map(|x| f(x, lang)).unwrap_or_default();
    let mut rows: Vec<(Msg, &'static str, Vec<String>)> = Vec::new();
    let mut row = |label: Msg, key: &'static str, f: &dyn Fn(&Zone) -> String| {
        rows.push((label, key, zones.iter().map(f).collect()));
    };
    if let Some(p) = prospect {
        let state = use_app();
        let catalogue = state.catalogue.get();
        let weights = state.weights.get();
        let ranked = catalogue
            .0
            .rank_explaining(&ProspectProfile::new(p), &weights, usize::MAX);
        let fit = |z: &Zone| {
            ranked
                .iter()
                .find(|m| m.zone_id == z.id)
                .map(|m| {
                    if m.is_excluded() {
                        Msg::Excluded
                            .text(lang)
                            .trim_end_matches(['：', ':'])
                            .to_string()
                    } else {
                        format!("{}{}", m.total, Msg::ScoreOutOf.text(lang))
                    }
                })
                .unwrap_or_default()
        };
        row(Msg::Score, "fit", &fit);
        let applies = |z: &Zone| {
            ranked
                .iter()
                .find(|m| m.zone_id == z.id)
                .and_then(|m| {
                    m.criteria
                        .iter()
                        .find(|c| c.kind == CriterionKind::Incentives && c.applicable)
                })
                .map(|c| {
                    c.reasons
                        .iter()
                        .map(|r| reason(r, lang))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default()
        };
        row(Msg::ApplicableIncentives, "incentives_apply", &applies);
    }
    row(Msg::Kind, "kind", &|z| kind_label(z.kind, lang).to_string());
    row(Msg::Location, "location", &|z| {
        z.location.get(lang).to_string()
    });
    row(Msg::Clusters, "clusters", &|z| {
        join(
            z.clusters
                .iter()
                .map(|c| c.name.get(lang).to_string())
                .collect(),
        )
    });
    let links = |status: LinkStatus| {
        move |z: &Zone| {
            join(
                z.clusters
                    .iter()
                    .flat_map(|c| c.links.iter())
                    .filter(|l| l.status == status)
                    .map(|l| l.name.get(lang).to_string())
                    .collect(),
            )
        }
    };
    row(
        Msg::LinksPresent,
        "links_present",
        &links(LinkStatus::Present),
    );
    row(Msg::LinksWanted, "links_wanted", &links(LinkStatus::Wanted));
    row(Msg::FreeSpace, "free_space", &|z| {
        if z.factory.availability().is_some() {
            free_space_text(z, lang)
        } else {
            String::new()
        }
    });
    row(Msg::Planned, "planned", &|z| {
        num(z.factory.planned_m2, fmt_m2)
    });
    row(Msg::Built, "built", &|z| num(z.factory.built_m2, fmt_m2));
    row(Msg::Occupancy, "occupancy", &|z| {
        z.factory
            .occupancy_pct
            .map(|v| format!("{}%", fmt_num(v)))
            .unwrap_or_default()
    });
    row(Msg::LandAvailable, "land", &|z| {
        num(z.land_available_mu, fmt_mu)
    });
    row(Msg::MinInvestment, "min_investment", &|z| {
        num(z.min_investment_wan, fmt_wan)
    });
    row(Msg::MinIntensity, "min_intensity", &|z| {
        z.min_intensity_wan_per_mu
            .map(|v| crate::i18n::fmt_wan_per_mu(v, lang))
            .unwrap_or_default()
    });
    row(Msg::PoliciesInTotal, "incentive_count", &|z| {
        z.incentive_count.map(|n| n.to_string()).unwrap_or_else(|| {
            if z.incentives.is_empty() {
                String::new()
            } else {
                z.incentives.len().to_string()
            }
        })
    });
    row(Msg::IncentiveCap, "incentive_cap", &|z| {
        num(z.incentive_cap_wan, fmt_wan)
    });
    row(Msg::Incentives, "incentives", &|z| {
        join(
            z.incentives
                .iter()
                .map(|i| i.name.get(lang).to_string())
                .collect(),
        )
    });
    row(Msg::Services, "services", &|z| {
        join(z.services.iter().map(|s| s.get(lang).to_string()).collect())
    });
    row(Msg::TargetRegions, "target_regions", &|z| {
        join(
            z.target_regions
                .iter()
                .map(|s| s.get(lang).to_string())
                .collect(),
        )
    });
    row(Msg::Contacts, "contacts", &|z| {
        join(
            z.contacts
                .iter()
                .map(|c| {
                    format!("{} {} {}", c.name, c.role, c.phone)
                        .trim()
                        .to_string()
                })
                .collect(),
        )
    });
    rows.retain(|(_, _, cells)| cells.iter().any(|c| !c.is_empty()));
    for (_, _, cells) in rows.iter_mut() {
        for c in cells.iter_mut() {
            if c.is_empty() {
                *c = unknown.to_string();
            }
        }
    }
    rows
}
