//! The national zone catalogue in the app: fetched after the first screen (precached by
//! the service worker, so offline too), and its facts on a zone's screen.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use std::sync::Arc;

use super::state::{use_app, AppState, National, Page};
use crate::i18n::{fmt_num, Lang};
use crate::model::{Text, Zone};
use crate::national::{NationalCatalogue, NationalEntry, ASSET, MU_PER_HECTARE};

/// Start fetching the catalogue once the first screen has been painted.
pub fn load_after_first_screen(state: AppState) {
    request_animation_frame(move || {
        set_timeout(
            move || leptos::task::spawn_local(load(state)),
            std::time::Duration::ZERO,
        )
    });
}

async fn load(state: AppState) {
    let outcome = match fetch_text(ASSET).await {
        Some(text) => match NationalCatalogue::parse(&text) {
            Ok(cat) => National::Ready(Arc::new(cat)),
            Err(e) => {
                web_sys::console::warn_1(
                    &format!("{ASSET}: line {}: {}", e.line, e.message.en).into(),
                );
                National::Failed
            }
        },
        None => National::Failed,
    };
    state.national.set(outcome);
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("zonematch:national-ready");
    }
}

/// The text of an app file, or `None` when it cannot be fetched (offline and not cached).
async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}

/// A small note while the national list is on its way, or when it could not be loaded.
pub fn loading_note(lang: Lang) -> impl IntoView {
    let state = use_app();
    move || {
        let text = match state.national.with(|n| match n {
            National::Loading => Some(Text::new(
                "全国开发区目录加载中…",
                "Loading the national zone catalogue…",
            )),
            National::Failed => Some(Text::new(
                "全国开发区目录未能加载（离线且尚未缓存）；以下仅为已建档园区。",
                "The national zone catalogue could not be loaded (offline and not cached yet); showing profiled zones only.",
            )),
            National::Ready(_) => None,
        }) {
            Some(t) => t,
            None => return ().into_any(),
        };
        view! { <p class="note national-note" role="status" data-testid="national-loading">{text.get(lang).to_string()}</p> }
            .into_any()
    }
}

/// The catalogue's source of record in the reader's language.
pub fn source_text(cat: &NationalCatalogue, lang: Lang) -> String {
    match lang {
        Lang::Zh => cat.source.clone(),
        Lang::En => crate::national::SOURCE_EN.to_string(),
    }
}

/// "Little data": what a catalogue-only zone is scored on.
pub fn little_data_text() -> Text {
    Text::new(
        "资料有限：仅有2018年国家目录的主导产业，只按产业评分；其他各项不计分、不加分，同等产业匹配时排在已建档园区之后。",
        "Little data: only the 2018 national catalogue's leading industries are known, so it is scored on industry alone; the other criteria are not scored and add nothing, so it ranks below a profiled zone with the same industry fit.",
    )
}

/// A month `YYYY-MM` as people write it: 2015年2月 / Feb 2015.
pub fn month_text(ym: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (y, m) = match ym.split_once('-') {
        Some((y, m)) => (y, m.parse::<usize>().unwrap_or(0)),
        None => (ym, 0),
    };
    match (lang, m) {
        (_, 0) | (_, 13..) => ym.to_string(),
        (Lang::Zh, m) => format!("{y}年{m}月"),
        (Lang::En, m) => format!("{} {y}", MONTHS[m - 1]),
    }
}

/// An approved planning area: `753.01 公顷（11,295 亩）` / `753.01 ha (11,295 mu)`.
fn area_text(ha: f64, lang: Lang) -> String {
    let mu = fmt_num((ha * MU_PER_HECTARE).round());
    match lang {
        Lang::Zh => format!("{} 公顷（{mu} 亩）", fmt_num(ha)),
        Lang::En => format!("{} ha ({mu} mu)", fmt_num(ha)),
    }
}

/// The catalogue facts of an entry: code, province, level and kind, approval month,
/// approved planning area (公顷 and 亩, never called free land).
pub fn entry_facts(cat: &NationalCatalogue, e: &NationalEntry, lang: Lang) -> impl IntoView {
    let province = e
        .province()
        .map(|p| if lang == Lang::Zh { p.zh } else { p.en })
        .unwrap_or(&e.province)
        .to_string();
    let approved = e
        .approved
        .iter()
        .map(|a| month_text(a, lang))
        .collect::<Vec<_>>()
        .join(" / ");
    let area = e
        .area_ha
        .map(|ha| area_text(ha, lang))
        .unwrap_or_else(|| crate::i18n::Msg::Unknown.text(lang).to_string());
    let kind = if e.kind == crate::national::CatalogueKind::Provincial {
        match lang {
            Lang::Zh => e.category.clone(),
            Lang::En => e.zone_kind_label_en().to_string(),
        }
    } else {
        e.kind.label().get(lang).to_string()
    };
    let row = |label: Text, value: String, testid: &'static str| {
        view! {
            <div class="fact">
                <dt>{label.get(lang).to_string()}</dt>
                <dd data-testid=testid>{value}</dd>
            </div>
        }
    };
    let as_of = cat.as_of.clone();
    view! {
        <section class="national-facts" data-testid="catalogue-facts" data-code=e.code.clone()>
            <h3>{Text::new("国家开发区目录（2018年版）", "National zone catalogue (2018 edition)").get(lang).to_string()}</h3>
            <dl class="facts-grid">
                {row(Text::new("目录代码", "Catalogue code"), e.code.clone(), "catalogue-code")}
                {row(Text::new("省份", "Province"), province, "catalogue-province")}
                {row(Text::new("级别", "Level"), e.level.label().get(lang).to_string(), "catalogue-level")}
                {row(Text::new("类型", "Kind"), kind, "catalogue-kind")}
                {row(Text::new("批准时间", "Approved"), approved, "catalogue-approved")}
                {row(Text::new("核准规划面积（园区边界，非可用土地）", "Approved planning area (the zone's boundary, not free land)"), area, "approved-area")}
            </dl>
            <p class="note">{super::zones::as_of_view(&as_of, lang)} " · " {source_text(cat, lang)}</p>
        </section>
    }
}

impl NationalEntry {
    /// English of a provincial zone's catalogue type.
    fn zone_kind_label_en(&self) -> &'static str {
        match self.category.as_str() {
            "经济开发区" => "Provincial economic development zone",
            "工业园区" => "Provincial industrial park",
            "高新技术产业开发区" => "Provincial high-tech industrial development zone",
            _ => "Provincial development zone",
        }
    }
}

/// A profile's own approval facts, as a zone table gave them (level, approval month,
/// approved planning area in 公顷 and 亩, labelled as the boundary, not free land); nothing
/// when it has none.
pub fn approval_facts(z: &Zone, lang: Lang) -> Option<impl IntoView> {
    if z.level.is_empty() && z.approved.is_empty() && z.approved_area_ha.is_none() {
        return None;
    }
    let row = |label: Text, value: String, testid: &'static str| {
        (!value.is_empty()).then(|| {
            view! {
                <div class="fact">
                    <dt>{label.get(lang).to_string()}</dt>
                    <dd data-testid=testid>{value}</dd>
                </div>
            }
        })
    };
    let level = match z.level.as_str() {
        "national" => Text::new("国家级", "National").get(lang).to_string(),
        "provincial" => Text::new("省级", "Provincial").get(lang).to_string(),
        other => other.to_string(),
    };
    let area = z
        .approved_area_ha
        .map(|ha| area_text(ha, lang))
        .unwrap_or_default();
    Some(view! {
        <section class="national-facts" data-testid="approval-facts">
            <h3>{Text::new("批准设立", "Approval").get(lang).to_string()}</h3>
            <dl class="facts-grid">
                {row(Text::new("级别", "Level"), level, "profile-level")}
                {row(Text::new("批准时间", "Approved"), month_text(&z.approved, lang), "profile-approved")}
                {row(Text::new("核准规划面积（园区边界，非可用土地）", "Approved planning area (the zone's boundary, not free land)"), area, "profile-approved-area")}
            </dl>
        </section>
    })
}

/// The catalogue part of a zone's screen: for a profile linked to an entry, the entry's
/// facts; for a profile with no code, that it is not in the 2018 catalogue (while the
/// catalogue is loaded); for reference data, the facts, "little data" and "add details".
pub fn catalogue_section(z: &Zone, lang: Lang) -> AnyView {
    let state = use_app();
    let national = state.national.get();
    let Some(cat) = national.get() else {
        return approval_facts(z, lang).into_any();
    };
    let entry = cat.entry_of(z);
    match entry {
        None => view! {
            {approval_facts(z, lang)}
            <p class="note" data-testid="not-in-catalogue">
                {Text::new("不在2018年版国家开发区目录中", "Not in the 2018 national zone catalogue").get(lang).to_string()}
            </p>
        }
        .into_any(),
        Some(e) if z.reference => {
            let from = e.id.clone();
            view! {
                {entry_facts(cat, e, lang)}
                <p class="note little-data" data-testid="little-data">{little_data_text().get(lang).to_string()}</p>
                <p class="actions">
                    <button
                        class="primary"
                        data-testid="add-details"
                        class:hidden=state.visitor.get_untracked()
                        on:click=move |_| state.go_to(&format!("{}?from={}", Page::EditZone(None).path(), super::routes::encode(&from)))
                    >
                        {Text::new("补充园区资料（建立档案）", "Add details (start a profile)").get(lang).to_string()}
                    </button>
                </p>
            }
            .into_any()
        }
        Some(e) => view! {
            {approval_facts(z, lang)}
            {entry_facts(cat, e, lang)}
        }
        .into_any(),
    }
}
