//! The Leptos views. They render [`state::AppState`] and call the domain modules; they
//! never parse storage or compute scores themselves.

mod brief;
mod capture;
mod compare;
mod data_page;
mod files;
mod form_fields;
mod map;
mod mapping_step;
mod matches;
mod national;
mod prospects;
mod report;
pub mod routes;
pub mod state;
mod team;
mod weights;
pub mod workbook;
mod zone_editor;
mod zones;

use leptos::prelude::*;

use std::sync::Arc;

use crate::demo::demo_dataset;
use crate::i18n::Msg;
use crate::matching::{Catalogue, ProspectProfile};
use crate::storage::{LoadOutcome, Probe, SaveError, Store};
use state::{tr, use_app, AppState, Notice, Page, SharedCatalogue, SharedProfiles, SharedZones};

/// The release shown on the Data screen: `ZONEMATCH_RELEASE` at build time (a deploy can
/// name itself; the update tests build a second release this way), else the crate version.
pub const RELEASE: &str = match option_env!("ZONEMATCH_RELEASE") {
    Some(r) => r,
    None => env!("CARGO_PKG_VERSION"),
};

/// The team sync status in the top bar, when sync is on (a link to the Data screen, where
/// it is set and its conflicts resolved).
#[component]
fn SyncChip() -> impl IntoView {
    let state = use_app();
    let team = team::use_team();
    let shown = move || team.server.with(Option::is_some) && !state.visitor.get();
    view! {
        <Show when=shown>
            <a
                class="sync-chip"
                href="/data"
                data-testid="sync-chip"
                data-status=move || team.status.with(team::status_key)
            >
                {move || team::status_short(&team.status.get()).get(state.lang.get()).to_string()}
                {move || {
                    let n = team.conflicts.with(Vec::len);
                    (n > 0).then(|| format!(" ⚠{n}"))
                }}
            </a>
        </Show>
    }
}

/// The whole app: the router around the shell.
#[component]
pub fn App() -> impl IntoView {
    view! { <leptos_router::components::Router><Shell/></leptos_router::components::Router> }
}

/// Loads stored data once, then keeps it saved on every change; draws the screen the URL
/// names.
#[component]
fn Shell() -> impl IntoView {
    let mut store = Store::open();
    let mut notices = Vec::new();
    match store.probe() {
        // Said at start, not as "storage full" at the first save.
        Probe::NotKept | Probe::Unavailable => notices.push(Notice::StorageUnavailable),
        Probe::QuotaFull => notices.push(Notice::QuotaFull),
        Probe::Writable => {}
    }
    let data = match store.load() {
        LoadOutcome::Loaded(d) => d,
        LoadOutcome::Empty => demo_dataset(),
        LoadOutcome::Corrupt { .. } => {
            notices.push(Notice::StorageCorrupt);
            demo_dataset()
        }
        LoadOutcome::Salvaged { data, .. } => {
            notices.push(Notice::StorageSalvaged);
            data
        }
        LoadOutcome::RestoredBackup { data, .. } => {
            notices.push(Notice::StorageRestoredBackup);
            data
        }
        LoadOutcome::Newer => {
            notices.push(Notice::StorageNewer);
            demo_dataset()
        }
        // Announced by the probe above.
        LoadOutcome::Unavailable => demo_dataset(),
    };
    store.adopt(&data);
    let lang = store.load_lang().unwrap_or_default();
    let store_visitor = store.load_visitor();
    let visitor_on = store_visitor.is_some();
    let weights = store.load_weights().unwrap_or_default();
    let data = RwSignal::new(data);
    // Memos compare by value, so editing a prospect does not rebuild the zone catalogue.
    let zones = Memo::new(move |_| data.with(|d| d.zones.clone()));
    let prospects = Memo::new(move |_| data.with(|d| d.prospects.clone()));
    // Counts the catalogues built, so cached best zones know when the zones changed.
    let catalogue_version = StoredValue::new(0usize);
    let national = RwSignal::new(state::National::Loading);
    let scope = RwSignal::new(store.load_scope().unwrap_or_default());
    let reference_zones = Memo::new(move |_| {
        national.with(|n| match n.get() {
            Some(cat) => SharedZones(Arc::new(zones.with(|z| cat.reference_zones(z)))),
            None => SharedZones::default(),
        })
    });
    // The profiles prepared for matching: the pipeline's best zones, the brief, compare,
    // the report and the zone staff's ranking use these, whatever the scope.
    let catalogue = Memo::new(move |_| {
        catalogue_version.update_value(|v| *v += 1);
        SharedCatalogue(Arc::new(zones.with(|z| Catalogue::new(z))))
    });
    // The zones in the ranking scope (profiles, all, provinces) prepared for matching:
    // the live ranking of one prospect uses these. Built when first read.
    let scoped_catalogue = Memo::new(move |_| {
        let in_scope = scope.with(|s| {
            national.with(|n| {
                (*s != crate::national::Scope::Profiles && n.get().is_some())
                    .then(|| zones.with(|z| s.zones(z, n.get())))
            })
        });
        let Some(scoped) = in_scope else {
            return catalogue.get();
        };
        // Marks for the benchmarks: preparing thousands of zones is worth seeing.
        let perf = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &perf {
            let _ = p.mark("zonematch:prepare-start");
        }
        let prepared = Catalogue::new(&scoped);
        if let Some(p) = &perf {
            let _ = p.mark("zonematch:prepare-end");
        }
        SharedCatalogue(Arc::new(prepared))
    });
    let best_cache = StoredValue::new(crate::report::BestZoneCache::default());
    let profiles = Memo::new(move |_| {
        SharedProfiles(Arc::new(
            prospects.with(|ps| ps.iter().map(ProspectProfile::new).collect()),
        ))
    });
    let location = leptos_router::hooks::use_location();
    let page = Memo::new(move |_| location.pathname.with(|p| Page::from_path(p)));
    // A followed link changes the screen at once; the router writes the address bar (a
    // history entry) when told the new screen is drawn, which `<Routes>` would do: the
    // screens are matched here (see `routes`), so this effect tells it.
    let browser_url = use_context::<leptos_router::location::BrowserUrl>();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(b) = &browser_url {
            use leptos_router::location::LocationProvider;
            b.ready_to_complete();
        }
    });
    let navigate = leptos_router::hooks::use_navigate();
    // A new screen starts at the top; a replaced URL (typing a search, a filter) keeps
    // the scroll position.
    let navigate: Box<dyn Fn(&str, bool)> = Box::new(move |path, replace| {
        navigate(
            path,
            leptos_router::NavigateOptions {
                replace,
                scroll: !replace,
                ..Default::default()
            },
        )
    });
    let weights_signal = RwSignal::new(weights);
    let state = AppState {
        data,
        lang: RwSignal::new(lang),
        page,
        navigate: StoredValue::new_local(navigate),
        notices: RwSignal::new(notices),
        store: StoredValue::new(store),
        weights: weights_signal,
        national,
        scope,
        reference_zones,
        catalogue,
        scoped_catalogue,
        profiles,
        best_zones: Memo::new(move |_| {
            let c = catalogue.get();
            let p = profiles.get();
            let w = weights_signal.get();
            let version = catalogue_version.get_value();
            best_cache
                .try_update_value(|cache| cache.best_zones(&c.0, version, &p.0, &w))
                .unwrap_or_default()
        }),
        persisted: RwSignal::new(None),
        undo: RwSignal::new(None),
        visitor: RwSignal::new(visitor_on),
        visitor_allowed: RwSignal::new(store_visitor.unwrap_or_default()),
        trail: StoredValue::new(Vec::new()),
    };
    provide_context(state);
    team::provide(state);
    // Follow the screens of this tab: a return to the screen before pops, anything else
    // pushes (the browser does not tell whether an entry of its history is the app's).
    Effect::new(move |_| {
        let here = location.pathname.get()
            + &location.search.with(|s| {
                if s.is_empty() {
                    String::new()
                } else {
                    format!("?{s}")
                }
            });
        state.trail.update_value(|t| {
            if t.len() >= 2 && t[t.len() - 2] == here {
                t.pop();
            } else if t.last() != Some(&here) {
                t.push(here);
            }
        });
    });

    // Edits are saved by `AppState::apply` as they happen (iOS never fires
    // beforeunload). Another tab's saves arrive as storage events and are shown here.
    let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        if ev.key().is_some_and(|k| k != crate::storage::DATA_KEY) {
            return;
        }
        let result = state
            .store
            .try_update_value(|s| state.data.with_untracked(|d| s.reload_if_newer(d)));
        match result {
            Some(Ok(Some(merged))) => {
                if !merged.notes.is_empty() {
                    state.notify(Notice::EditedInTwoTabs);
                }
                state.data.set(merged.data);
            }
            Some(Err(SaveError::NewerElsewhere)) => state.notify(Notice::StorageNewer),
            _ => {}
        }
    });
    // A new version installed by the service worker waits for the user (sw-register.js).
    let _ = window_event_listener_untyped("zonematch:update-ready", move |_| {
        state.notify(Notice::UpdateReady)
    });
    if files::update_waiting() {
        state.notify(Notice::UpdateReady);
    }
    // Ask the browser not to evict our data (Safari deletes site data after 7 days
    // unvisited unless the app is installed or storage is persistent).
    leptos::task::spawn_local(async move {
        let granted = files::request_persistence().await;
        state.persisted.set(granted);
    });
    Effect::new(move |prev: Option<()>| {
        let scope = state.scope.get();
        if prev.is_some() {
            let _ = state.store.with_value(|s| s.save_scope(&scope));
        }
    });
    // The national catalogue arrives after the first screen is drawn.
    national::load_after_first_screen(state);
    Effect::new(move |prev: Option<()>| {
        let w = state.weights.get();
        if prev.is_some() {
            let _ = state.store.with_value(|s| s.save_weights(&w));
        }
    });
    Effect::new(move |prev: Option<()>| {
        let on = state.visitor.get();
        let allowed = state.visitor_allowed.get();
        if prev.is_some() {
            let _ = state
                .store
                .with_value(|s| s.save_visitor(on.then_some(&allowed[..])));
        }
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        let _ = state.store.with_value(|s| s.save_lang(lang));
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(html) = doc.document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            doc.set_title(Msg::AppTitle.text(lang));
        }
    });

    let query = leptos_router::hooks::use_query_map();
    view! {
        <header class="topbar">
            <div class="brand">
                <h1>{tr(Msg::AppTitle)}</h1>
                <span class="tagline">{tr(Msg::AppTagline)}</span>
            </div>
            <nav class="tabs">
                <NavTab msg=Msg::NavZones target=Page::Zones/>
                <NavTab msg=Msg::NavCapture target=Page::Capture/>
                <Show when=move || !state.visitor.get()>
                    <NavTab msg=Msg::NavProspects target=Page::Prospects/>
                    <NavTab msg=Msg::NavData target=Page::Data/>
                </Show>
            </nav>
            <SyncChip/>
            <button
                class="visitor-switch"
                class:on=move || state.visitor.get()
                data-testid="visitor-switch"
                aria-pressed=move || state.visitor.get().to_string()
                on:click=move |_| state.toggle_visitor()
            >
                {move || if state.visitor.get() { Msg::VisitorModeOff.text(state.lang.get()) } else { Msg::VisitorModeOn.text(state.lang.get()) }}
            </button>
            <button
                class="lang-switch"
                data-testid="lang-switch"
                on:click=move |_| state.lang.update(|l| *l = l.other())
            >
                {tr(Msg::SwitchLanguage)}
            </button>
        </header>
        <Banners/>
        <main>
            {move || match state.page.get() {
                Page::Prospects | Page::Report | Page::Data | Page::EditProspect(_) | Page::EditZone(_)
                    if state.visitor.get() =>
                {
                    view! { <HiddenForVisitors/> }.into_any()
                }
                Page::Prospect(id) | Page::Brief(id) if !state.may_show_prospect(&id) => {
                    view! { <HiddenForVisitors/> }.into_any()
                }
                Page::Zones => view! { <zones::ZoneList/> }.into_any(),
                Page::Zone(id) => view! { <zones::ZoneDetail id=id/> }.into_any(),
                Page::EditZone(Some(id)) if state.data.with(|d| d.zone(&id).is_none()) => {
                    view! { <NotFound/> }.into_any()
                }
                // "Add details" from a catalogue entry (`?from=`) starts from the entry: drawn
                // again when the catalogue arrives (after a reload on this screen).
                Page::EditZone(None) if query.with_untracked(|q| q.get("from").is_some()) => {
                    (move || {
                        state.national.track();
                        view! { <zone_editor::ZoneEditor id=None/> }
                    })
                    .into_any()
                }
                Page::EditZone(id) => view! { <zone_editor::ZoneEditor id=id/> }.into_any(),
                Page::Capture => view! { <capture::Capture/> }.into_any(),
                Page::EditProspect(id) if state.data.with(|d| d.prospect(&id).is_none()) => {
                    view! { <NotFound/> }.into_any()
                }
                Page::EditProspect(id) => view! { <capture::Capture edit=id/> }.into_any(),
                Page::Prospects => view! { <prospects::ProspectList/> }.into_any(),
                Page::Prospect(id) => view! { <prospects::ProspectDetail id=id/> }.into_any(),
                Page::Brief(id) => view! { <brief::Brief id=id/> }.into_any(),
                Page::Compare => view! { <compare::Compare/> }.into_any(),
                Page::Report => view! { <report::Report/> }.into_any(),
                Page::Data => view! { <data_page::DataPage/> }.into_any(),
                Page::NotFound => view! { <NotFound/> }.into_any(),
            }}
        </main>
    }
}

/// A top navigation tab: a link to its screen, marked current for the screens under it.
#[component]
fn NavTab(msg: Msg, target: Page) -> impl IntoView {
    let state = use_app();
    let href = target.path();
    let current = move || (state.page.with(Page::tab) == target).then_some("page");
    view! {
        <a class="tab" href=href aria-current=current>
            {tr(msg)}
        </a>
    }
}

/// A screen for a URL the app does not have, or a record that is not (or no longer) here.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page not-found" data-testid="not-found">
            <h2>{tr(Msg::NotFoundTitle)}</h2>
            <p>{tr(Msg::NotFoundText)}</p>
            <p class="actions">
                <button class="secondary" on:click=move |_| back_or(Page::Zones)>{tr(Msg::Back)}</button>
                <a class="button primary" href="/">{tr(Msg::NavZones)}</a>
            </p>
        </section>
    }
    .into_any()
}

/// What visitor mode shows in place of the prospect list, the report and the data screen.
#[component]
fn HiddenForVisitors() -> impl IntoView {
    view! {
        <section class="page" data-testid="hidden-for-visitors">
            <p class="empty">{tr(Msg::HiddenInVisitorMode)}</p>
        </section>
    }
}

/// The browser's back button, from inside the app: when the app was opened at this screen
/// (a link, a new tab), there is nothing of the app to go back to, so `fallback` is shown
/// instead of leaving the app.
pub fn back_or(fallback: Page) {
    let state = use_app();
    let in_app = state.trail.with_value(|t| t.len() > 1);
    match web_sys::window().and_then(|w| w.history().ok()) {
        Some(h) if in_app => {
            let _ = h.back();
        }
        _ => state.go(fallback),
    }
}

/// Storage banners: what the user must know about where their data is; and the
/// outcome of the last action that replaced or deleted data, with its undo.
#[component]
fn Banners() -> impl IntoView {
    let state = use_app();
    let undo_bar = move || {
        let lang = state.lang.get();
        if state.visitor.get() {
            return None;
        }
        state.undo.get().map(|offer| {
            view! {
                <div class="banner ok" role="status" data-testid="undo-bar">
                    <span>{offer.message.get(lang).to_string()}</span>
                    <button class="primary" data-testid="undo-action" on:click=move |_| state.undo_last()>
                        {Msg::Undo.text(lang)}
                    </button>
                    <button class="secondary" on:click=move |_| state.undo.set(None)>{Msg::Dismiss.text(lang)}</button>
                </div>
            }
        })
    };
    let banners = move || {
        let lang = state.lang.get();
        state
            .notices
            .get()
            .into_iter()
            .map(|n| {
                view! {
                    <div class="banner" role="alert" data-testid="storage-banner" data-notice=format!("{n:?}")>
                        <span>{n.message().text(lang)}</span>
                        {n.offers_export().then(|| view! {
                            <button class="primary" data-testid="banner-export" on:click=move |_| data_page::export_now(state)>
                                {Msg::ExportData.text(lang)}
                            </button>
                        })}
                        {(n == Notice::UpdateReady).then(|| view! {
                            <button class="primary" data-testid="apply-update" on:click=move |_| files::apply_update()>
                                {Msg::ReloadNow.text(lang)}
                            </button>
                        })}
                        <button class="secondary" on:click=move |_| state.dismiss(n)>{Msg::Dismiss.text(lang)}</button>
                    </div>
                }
            })
            .collect_view()
    };
    view! { {banners} {undo_bar} }
}
