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
            {Msg::AsOf.text(lang)} ": "
            {if as_of.is_empty() { Msg::Unknown.text(lang).to_string() } else { as_of.to_string() }}
            {stale.then(|| view! { " " <strong class="stale-mark">{Msg::MayBeOutOfDate.text(lang)}</strong> })}
        </span>
    }
}

/// Query parameters of the zone list, in the order they are written.
const LIST_PARAMS: [&str; 7] = ["q", "kind", "space", "prov", "level", "ind", "profiled"];

/// Cards drawn at a time: 2,543 zones are paged, not drawn at once.
const PAGE_SIZE: usize = 40;

/// The zone list's filters as read from the URL.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    query: String,
    kind: String,
    space: bool,
    provinces: Vec<String>,
    level: String,
    industry: String,
    profiled: bool,
}

/// One zone prepared for filtering: its folded text and name key, province and level.
struct Listed {
    zone: Zone,
    haystack: String,
    industries: String,
    key: crate::names::NameKey,
    province: Option<&'static crate::provinces::Province>,
    /// `national` / `provincial` from the catalogue code (G / S); empty when unlinked.
    level: &'static str,
}

fn listed(z: &Zone, national: Option<&crate::national::NationalCatalogue>) -> Listed {
    use crate::names::fold_name;
    let mut industries = String::new();
    for c in &z.clusters {
        industries.push_str(&fold_name(&c.name.zh));
        industries.push('\u{1}');
        industries.push_str(&fold_name(&c.name.en));
        industries.push('\u{1}');
        for l in &c.links {
            industries.push_str(&fold_name(&l.name.zh));
            industries.push('\u{1}');
            industries.push_str(&fold_name(&l.name.en));
            industries.push('\u{1}');
        }
        for k in &c.keywords {
            industries.push_str(&fold_name(k));
            industries.push('\u{1}');
        }
    }
    let haystack = [
        fold_name(&z.name.zh),
        fold_name(&z.name.en),
        fold_name(&z.location.zh),
        fold_name(&z.location.en),
        fold_name(&z.catalogue_code),
    ]
    .join("\u{1}");
    let province = match national {
        Some(cat) => cat.province_of(z),
        None => crate::national::province_in(&z.location.zh)
            .or_else(|| crate::national::province_in(&z.location.en)),
    };
    // A profile's level is its catalogue entry's (linked by code or by name).
    let linked = national
        .filter(|_| !z.reference)
        .and_then(|c| c.entry_of(z))
        .map(|e| e.code.as_str());
    let level = match linked.unwrap_or(&z.catalogue_code).chars().next() {
        Some('G') => "national",
        Some('S') => "provincial",
        _ => "",
    };
    Listed {
        key: crate::names::name_key(&z.name.zh),
        zone: z.clone(),
        haystack,
        industries,
        province,
        level,
    }
}

impl Filters {
    fn read(param: impl Fn(&str) -> String) -> Filters {
        Filters {
            query: param("q"),
            kind: param("kind"),
            space: param("space") == "1",
            provinces: param("prov")
                .split(',')
                .filter_map(crate::provinces::province)
                .map(|p| p.zh.to_string())
                .collect(),
            level: param("level"),
            industry: param("ind"),
            profiled: param("profiled") == "1",
        }
    }

    /// Whether the zone passes every filter but the province one (the map counts those).
    fn passes_but_province(&self, l: &Listed, q: &Query) -> bool {
        let z = &l.zone;
        (self.kind.is_empty() || kind_key(z.kind) == self.kind)
            && (!self.space || z.factory.availability().is_some_and(|a| a.m2 > 0.0))
            && (self.level.is_empty() || l.level == self.level)
            && (!self.profiled || !z.reference)
            && (q.industry.is_empty() || l.industries.contains(&q.industry))
            && q.rank(l).is_some()
    }

    fn passes_province(&self, l: &Listed) -> bool {
        self.provinces.is_empty()
            || l.province
                .is_some_and(|p| self.provinces.iter().any(|x| x == p.zh))
    }
}

/// The search as prepared once per keystroke.
struct Query {
    folded: String,
    key: crate::names::NameKey,
    industry: String,
    kind_only: Option<&'static str>,
}

impl Query {
    fn new(f: &Filters) -> Query {
        Query {
            folded: crate::names::fold_name(&f.query),
            key: crate::names::name_key(&f.query),
            industry: crate::names::fold_name(&f.industry),
            kind_only: crate::names::kind_only(&f.query),
        }
    }

    /// `Some(0)` for the zone the query names (same name key), `Some(1)` for a generic
    /// name's match, `Some(2)` for text found anywhere, `None` for no match.
    fn rank(&self, l: &Listed) -> Option<u8> {
        if self.folded.is_empty() {
            return Some(2);
        }
        // A kind alone (经开区, 综保区) lists the zones of that kind.
        if let Some(kind) = self.kind_only {
            return (l.key.kind == kind).then_some(2);
        }
        let named = self.key.place.chars().count() >= 2;
        if named && self.key.same(&l.key) {
            return Some(0);
        }
        if named
            && self.key.kind.is_empty()
            && l.key.place.starts_with(&self.key.place)
            && l.key.place != self.key.place
        {
            return Some(1);
        }
        (l.haystack.contains(&self.folded) || l.industries.contains(&self.folded)).then_some(2)
    }
}

/// The zone list: the app's home screen: the zones with profiles and, once it has
/// arrived, the whole national catalogue. Its search and filters live in the URL's query
/// (`?q=电池&prov=山西省&level=national`), so back returns to the same list and a list can
/// be linked; a tile map of the provinces counts the zones that pass and filters by a
/// tapped province; zones ticked for comparison open side by side.
#[component]
pub fn ZoneList() -> impl IntoView {
    let state = use_app();
    let query_map = leptos_router::hooks::use_query_map();
    let param = move |k: &str| query_map.with(|m| m.get(k).unwrap_or_default());
    let set_param = move |k: &str, v: String| {
        let query = LIST_PARAMS
            .iter()
            .map(|key| (*key, if *key == k { v.clone() } else { param(key) }))
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", super::routes::encode(&v)))
            .collect::<Vec<_>>()
            .join("&");
        state.replace_url(&if query.is_empty() {
            "/".to_string()
        } else {
            format!("/?{query}")
        });
    };
    // Every zone prepared once per change of the data or the catalogue, not per keystroke.
    let prepared = Memo::new(move |_| {
        let national = state.national.get();
        let mut out: Vec<Listed> = state
            .data
            .with(|d| d.zones.iter().map(|z| listed(z, national.get())).collect());
        state.reference_zones.with(|r| {
            out.extend(r.0.iter().map(|z| listed(z, national.get())));
        });
        std::sync::Arc::new(PreparedList(out))
    });
    let filters = Memo::new(move |_| Filters::read(param));
    let shown = RwSignal::new(PAGE_SIZE);
    // A new search or filter starts from the first page.
    Effect::new(move |_| {
        filters.track();
        shown.set(PAGE_SIZE);
    });
    let picked: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    // The map is drawn only while it is open.
    let map_open = RwSignal::new(false);
    // The zones that pass, best named first; and the per-province counts for the map.
    let result = Memo::new(move |_| {
        let f = filters.get();
        let q = Query::new(&f);
        let list = prepared.get();
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        let mut hits: Vec<(u8, usize)> = Vec::new();
        for (i, l) in list.0.iter().enumerate() {
            if !f.passes_but_province(l, &q) {
                continue;
            }
            if let Some(p) = l.province {
                match counts.iter_mut().find(|(zh, _)| *zh == p.zh) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((p.zh, 1)),
                }
            }
            if f.passes_province(l) {
                hits.push((q.rank(l).unwrap_or(2), i));
            }
        }
        crate::order::sort_by_key(&mut hits, |(rank, i)| (*rank, *i));
        ListResult {
            hits: hits.into_iter().map(|(_, i)| i).collect(),
            counts,
        }
    });
    let cards = move || {
        let lang = state.lang.get();
        let list = prepared.get();
        let n = shown.get();
        result.with(|r| {
            if r.hits.is_empty() {
                return view! { <p class="empty">{Msg::NoZonesFound.text(lang)}</p> }.into_any();
            }
            r.hits
                .iter()
                .take(n)
                .map(|i| zone_card(list.0[*i].zone.clone(), lang, picked))
                .collect_view()
                .into_any()
        })
    };
    let count_line = move || {
        let lang = state.lang.get();
        let total = result.with(|r| r.hits.len());
        let n = shown.get().min(total);
        match lang {
            Lang::Zh => format!("共 {} 个园区，显示 {n} 个", fmt_num(total as f64)),
            Lang::En => format!("{} zones, showing {n}", fmt_num(total as f64)),
        }
    };
    let more = move || {
        let lang = state.lang.get();
        let left = result.with(|r| r.hits.len()).saturating_sub(shown.get());
        (left > 0).then(|| {
            view! {
                <button class="secondary more" data-testid="zones-more" on:click=move |_| shown.update(|s| *s += PAGE_SIZE)>
                    {match lang {
                        Lang::Zh => format!("显示更多（还有 {left} 个）"),
                        Lang::En => format!("Show more ({left} left)"),
                    }}
                </button>
            }
        })
    };
    let map = move || {
        let lang = state.lang.get();
        let selected = filters.with(|f| f.provinces.clone());
        let values = result.with(|r| {
            let max = r.counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
            r.counts
                .iter()
                .map(|(p, n)| super::map::TileValue {
                    province: p,
                    shade: (*n as f64 / max).sqrt(),
                    label: n.to_string(),
                })
                .collect::<Vec<_>>()
        });
        let caption = match lang {
            Lang::Zh => "各省符合条件的园区数；点按省份筛选",
            Lang::En => "Zones passing the filters per province; tap a province to filter",
        }
        .to_string();
        super::map::province_map(values, selected, lang, caption, move |p| {
            let mut list = filters.with_untracked(|f| f.provinces.clone());
            match list.iter().position(|x| *x == p) {
                Some(i) => {
                    list.remove(i);
                }
                None => list.push(p),
            }
            set_param("prov", list.join(","));
        })
    };
    let kinds = move || {
        let lang = state.lang.get();
        let current = param("kind");
        crate::model::ZoneKind::ALL
            .iter()
            .map(|k| view! { <option value=kind_key(*k) selected=current == kind_key(*k)>{kind_label(*k, lang)}</option> })
            .collect_view()
    };
    let levels = move || {
        let lang = state.lang.get();
        let current = param("level");
        crate::national::Level::ALL
            .iter()
            .map(|l| view! { <option value=l.key() selected=current == l.key()>{l.label().get(lang).to_string()}</option> })
            .collect_view()
    };
    let province_options = move || {
        let lang = state.lang.get();
        let chosen = filters.with(|f| f.provinces.clone());
        crate::provinces::PROVINCES
            .iter()
            .filter(|p| !chosen.iter().any(|c| c == p.zh))
            .map(|p| view! { <option value=p.zh>{if lang == Lang::Zh { p.zh } else { p.en }}</option> })
            .collect_view()
    };
    let province_chips = move || {
        let lang = state.lang.get();
        filters
            .with(|f| f.provinces.clone())
            .into_iter()
            .map(|zh| {
                let label = crate::provinces::province(&zh)
                    .map(|p| if lang == Lang::Zh { p.zh } else { p.en })
                    .unwrap_or("")
                    .to_string();
                let remove = zh.clone();
                let aria = format!("{label} ×");
                view! {
                    <button
                        class="chip removable"
                        data-testid="province-chip"
                        data-province=zh.clone()
                        aria-label=aria
                        on:click=move |_| {
                            let list: Vec<String> = filters.with_untracked(|f| f.provinces.iter().filter(|p| **p != remove).cloned().collect());
                            set_param("prov", list.join(","));
                        }
                    >
                        {label} " ×"
                    </button>
                }
            })
            .collect_view()
    };
    let industry_options = move || {
        let lang = state.lang.get();
        state.national.with(|n| {
            n.get()
                .map(|cat| {
                    cat.industries
                        .iter()
                        .filter(|i| i.name.zh != crate::national::UNDER_CONSTRUCTION)
                        .take(40)
                        .map(|i| view! { <option value=i.name.get(lang).to_string()></option> })
                        .collect_view()
                        .into_any()
                })
                .unwrap_or_else(|| ().into_any())
        })
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
    let t = move |zh: &'static str, en: &'static str| {
        move || if state.lang.get() == Lang::Zh { zh } else { en }
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
                <select
                    data-testid="zone-level-filter"
                    aria-label=t("级别", "Level")
                    on:change=move |ev| set_param("level", event_target_value(&ev))
                >
                    <option value="" selected=move || param("level").is_empty()>{t("全部级别", "All levels")}</option>
                    {levels}
                </select>
                <select
                    data-testid="zone-province-filter"
                    aria-label=t("添加省份", "Add a province")
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if !v.is_empty() {
                            let mut list = filters.with_untracked(|f| f.provinces.clone());
                            list.push(v);
                            set_param("prov", list.join(","));
                        }
                    }
                >
                    <option value="" selected=true>{t("省份…", "Province…")}</option>
                    {province_options}
                </select>
                <input
                    type="search"
                    list="zone-industries"
                    data-testid="zone-industry-filter"
                    placeholder=t("主导产业", "Leading industry")
                    aria-label=t("主导产业", "Leading industry")
                    prop:value=move || param("ind")
                    on:change=move |ev| set_param("ind", event_target_value(&ev))
                />
                <datalist id="zone-industries">{industry_options}</datalist>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="zone-space-filter"
                        prop:checked=move || param("space") == "1"
                        on:change=move |ev| set_param("space", if event_target_checked(&ev) { "1".into() } else { String::new() })
                    />
                    {tr(Msg::WithFreeSpace)}
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="zone-profiled-filter"
                        prop:checked=move || param("profiled") == "1"
                        on:change=move |ev| set_param("profiled", if event_target_checked(&ev) { "1".into() } else { String::new() })
                    />
                    {t("有详细档案", "With a detailed profile")}
                </label>
            </div>
            <p class="chips province-chips">{province_chips}</p>
            {move || super::national::loading_note(state.lang.get())}
            <details class="map-box" on:toggle=move |ev| map_open.set(super::map::is_open(&ev))>
                <summary data-testid="zone-map-toggle">{t("地图：各省园区数", "Map: zones per province")}</summary>
                {move || map_open.get().then(map)}
            </details>
            <p class="note" data-testid="zone-count">{count_line}</p>
            {compare_bar}
            <ul class="cards">{cards}</ul>
            {more}
        </section>
    }
}

/// The prepared zones (compared by identity: rebuilt only when the data changes).
struct PreparedList(Vec<Listed>);

impl PartialEq for PreparedList {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The zones that pass (indices into the prepared list) and the map's counts.
#[derive(Clone, PartialEq)]
struct ListResult {
    hits: Vec<usize>,
    counts: Vec<(&'static str, usize)>,
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
        <li class="card" data-testid="zone-card" data-zone-id=z.id.clone() data-reference=z.reference.to_string()>
            <button class="card-main" on:click=move |_| state.go(Page::Zone(id.clone()))>
                <h3>{z.name.get(lang).to_string()}</h3>
                <p class="meta">
                    <span class="badge">{kind_label(z.kind, lang)}</span>
                    " "
                    {z.location.get(lang).to_string()}
                </p>
                <p class="chips">{chips}</p>
                <p class="facts">
                    {if z.reference {
                        view! { <span class="badge little" data-testid="catalogue-only">{Text::new("仅国家目录资料", "Catalogue only").get(lang).to_string()}</span> }.into_any()
                    } else {
                        view! { <span>{Msg::FreeSpace.text(lang)} ": " {free_space_text(&z, lang)}</span> }.into_any()
                    }}
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
        let Some(z) = state.zone(&id) else {
            return view! { <super::NotFound/> }.into_any();
        };
        let edit_id = z.id.clone();
        let catalogue = super::national::catalogue_section(&z, lang);
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
                    <button class="secondary" class:hidden=state.visitor.get_untracked() || z.reference data-testid="edit-zone" on:click=move |_| state.go(Page::EditZone(Some(edit_id.clone())))>
                        {Msg::Edit.text(lang)}
                    </button>
                </div>
                <h2>{z.name.get(lang).to_string()}</h2>
                <super::team::ConflictBadge kind=crate::merge::RecordKind::Zone id=z.id.clone()/>
                <p class="meta">
                    <span class="badge">{kind_label(z.kind, lang)}</span>
                    " " {z.location.get(lang).to_string()} " · "
                    {as_of_view(&z.as_of, lang)}
                </p>
                <p class="summary">{z.summary.get(lang).to_string()}</p>
                {catalogue}
                <h3>{Msg::Clusters.text(lang)}</h3>
                <div class="clusters">{clusters}</div>
                {(!z.reference).then(|| view! {
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
                })}
                {(z.reference || !z.source.is_empty()).then(|| view! {
                    <p class="source">{Msg::Source.text(lang)} ": " {if z.reference && lang == Lang::En { crate::national::SOURCE_EN.to_string() } else { z.source.clone() }}</p>
                })}
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
        let Some(zone) = state.zone(&zone_id) else {
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
        // A zone outside the ranking scope (a catalogue entry) is judged on its own.
        let ranked =
            match catalogue.0.position(&zone.id) {
                Some(zi) => catalogue.0.rank_prospects(zi, &profiles.0, &weights),
                None => crate::matching::Catalogue::new(std::slice::from_ref(&zone))
                    .rank_prospects(0, &profiles.0, &weights),
            };
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
