//! The one-page brief handed to a visitor: the prospect and its three best zones, with the
//! reasons, space, incentives that apply, services, the profile's age and the zone's
//! contact as a QR code. Its language is chosen on its own (`?lang=en`): the recruiter
//! reads Chinese, the visitor often English. Prints on one A4 page (see app.css).

use std::fmt::Write;

use leptos::prelude::*;

use super::matches::strongest_reasons;
use super::state::{prospect_label, tr, use_app, Page};
use super::zones::{as_of_view, free_space_text};
use crate::i18n::{fmt_mu, kind_label, reason, Lang, Msg};
use crate::matching::{CriterionKind, ProspectProfile, ZoneMatch};
use crate::model::{Prospect, Zone};

/// How many zones a brief recommends: what fits on one page and in one conversation.
pub const BRIEF_ZONES: usize = 3;

/// The brief of prospect `id`.
#[component]
pub fn Brief(id: String) -> impl IntoView {
    let state = use_app();
    let query = leptos_router::hooks::use_query_map();
    let brief_lang = move || {
        query
            .with(|q| q.get("lang"))
            .and_then(|c| Lang::from_code(&c))
            .unwrap_or_else(|| state.lang.get())
    };
    let path = Page::Brief(id.clone()).path();
    let status: RwSignal<Option<Msg>> = RwSignal::new(None);
    let pid = id.clone();
    let content = move || {
        let lang = brief_lang();
        let Some(p) = state.data.with(|d| d.prospect(&pid).cloned()) else {
            return view! { <super::NotFound/> }.into_any();
        };
        let visitor = state.visitor.get();
        let zones = best_zones(&p);
        let text = share_text(&p, &zones, visitor, lang);
        let share = move |_| share_or_copy(text.clone(), status);
        let sections = if zones.is_empty() {
            view! { <p class="empty">{Msg::NoMatchesForBrief.text(lang)}</p> }.into_any()
        } else {
            zones
                .into_iter()
                .enumerate()
                .map(|(i, (z, m))| zone_section(i + 1, z, m, lang))
                .collect_view()
                .into_any()
        };
        let needs = super::prospects::facts_line(&p, lang);
        let title = prospect_label(&p, visitor, lang);
        let to_lang = |l: Lang| format!("{path}?lang={}", if l == Lang::En { "en" } else { "zh" });
        let (zh_path, en_path) = (to_lang(Lang::Zh), to_lang(Lang::En));
        let back = pid.clone();
        view! {
            <div class="brief-tools no-print">
                <button class="secondary" on:click=move |_| super::back_or(Page::Prospect(back.clone()))>{Msg::Back.text(state.lang.get())}</button>
                <span class="brief-lang" role="group" aria-label=Msg::BriefLanguage.text(state.lang.get())>
                    <button class="secondary" data-testid="brief-zh" aria-pressed=(lang == Lang::Zh).to_string() on:click=move |_| state.replace_url(&zh_path)>"中文"</button>
                    <button class="secondary" data-testid="brief-en" aria-pressed=(lang == Lang::En).to_string() on:click=move |_| state.replace_url(&en_path)>"English"</button>
                </span>
                <button class="secondary" data-testid="brief-print" on:click=move |_| print()>{Msg::Print.text(lang)}</button>
                <button class="primary" data-testid="brief-share" on:click=share>{Msg::Share.text(lang)}</button>
                <span class="status" role="status" data-testid="brief-status">{move || status.get().map(|m| m.text(brief_lang()))}</span>
            </div>
            <article class="brief" data-testid="brief" lang=lang.code()>
                <header>
                    <h2>{Msg::BriefTitle.text(lang)}</h2>
                    <p class="brief-prospect" data-testid="brief-prospect">
                        <strong>{title}</strong>
                        {(!p.industry.is_empty()).then(|| format!(" · {}", p.industry))}
                        {(!p.products.is_empty()).then(|| format!(" · {}", p.products))}
                    </p>
                    <p class="sub">{needs}</p>
                    <p class="sub">{Msg::BriefDate.text(lang)} ": " {super::prospects::today()}</p>
                </header>
                <h3>{Msg::BriefTopZones.text(lang)}</h3>
                {sections}
            </article>
        }
        .into_any()
    };
    view! { <section class="page brief-page">{content}</section> }
}

/// The prospect's best zones that no hard limit excludes, with their explained matches.
fn best_zones(p: &Prospect) -> Vec<(Zone, ZoneMatch)> {
    let state = use_app();
    let catalogue = state.catalogue.get();
    let weights = state.weights.get();
    let profile = ProspectProfile::new(p);
    catalogue
        .0
        .rank_explaining(&profile, &weights, BRIEF_ZONES * 4)
        .into_iter()
        .filter(|m| !m.is_excluded() && m.total > 0)
        .take(BRIEF_ZONES)
        .filter_map(|m| {
            let z = catalogue
                .0
                .zones()
                .iter()
                .find(|z| z.id == m.zone_id)?
                .clone();
            Some((z, m))
        })
        .collect()
}

fn zone_section(rank: usize, z: Zone, m: ZoneMatch, lang: Lang) -> impl IntoView {
    let reasons = strongest_reasons(&m, lang, 3)
        .into_iter()
        .map(|r| view! { <li>{r}</li> })
        .collect_view();
    let incentives: Vec<String> = m
        .criteria
        .iter()
        .filter(|c| c.kind == CriterionKind::Incentives && c.applicable && c.score > 0.0)
        .flat_map(|c| c.reasons.iter().map(|r| reason(r, lang)))
        .collect();
    let services: Vec<&str> = z.services.iter().map(|s| s.get(lang)).collect();
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    let land = z
        .land_available_mu
        .map(|v| fmt_mu(v, lang))
        .unwrap_or_else(|| Msg::Unknown.text(lang).to_string());
    let contact = z.contacts.first().cloned();
    let org = z.name.get(lang).to_string();
    let contact_view = match contact {
        Some(c) => {
            let card = crate::vcard::vcard(&c, &org);
            view! {
                <div class="brief-contact">
                    <p>
                        <strong>{Msg::ZoneContact.text(lang)} ": "</strong>
                        {c.name.clone()} " " {c.role.clone()} " " {c.phone.clone()} " " {c.email.clone()}
                    </p>
                    <figure class="qr-figure">
                        {qr_svg(&card, Msg::ScanForContact.text(lang))}
                        <figcaption>{Msg::ScanForContact.text(lang)}</figcaption>
                    </figure>
                </div>
            }
            .into_any()
        }
        None => view! { <p class="unknown">{Msg::NoContacts.text(lang)}</p> }.into_any(),
    };
    view! {
        <section class="brief-zone" data-testid="brief-zone" data-zone-id=z.id.clone()>
            <header>
                <h4>{format!("{rank}. {}", z.name.get(lang))}</h4>
                <span class="score"><strong>{m.total}</strong><small>{Msg::ScoreOutOf.text(lang)}</small></span>
            </header>
            <p class="meta">{kind_label(z.kind, lang)} " · " {z.location.get(lang).to_string()} " · " {as_of_view(&z.as_of, lang)}</p>
            <ul class="reasons">{reasons}</ul>
            <p>
                <strong>{Msg::FreeSpace.text(lang)} ": "</strong>{free_space_text(&z, lang)}
                " · " <strong>{Msg::LandAvailable.text(lang)} ": "</strong>{land}
            </p>
            {(!incentives.is_empty()).then(|| view! {
                <p data-testid="brief-incentives"><strong>{Msg::ApplicableIncentives.text(lang)} ": "</strong>{incentives.join(" ")}</p>
            })}
            {(!services.is_empty()).then(|| view! {
                <p><strong>{Msg::Services.text(lang)} ": "</strong>{services.join(sep)}</p>
            })}
            {contact_view}
        </section>
    }
}

/// `text` as a QR code drawn in SVG (one path of dark modules, with the 4-module quiet
/// zone the standard asks for). Nothing when the text is too long for a QR code.
fn qr_svg(text: &str, label: &'static str) -> Option<impl IntoView> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::L).ok()?;
    let width = code.width();
    let mut d = String::new();
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let _ = write!(d, "M{} {}h1v1h-1z", i % width + 4, i / width + 4);
        }
    }
    let size = (width + 8).to_string();
    let view_box = format!("0 0 {size} {size}");
    Some(view! {
        <svg class="qr" data-testid="contact-qr" viewBox=view_box role="img" aria-label=label>
            <rect width=size.clone() height=size fill="#fff"></rect>
            <path d=d fill="#000"></path>
        </svg>
    })
}

/// The brief as plain text, for sharing.
fn share_text(p: &Prospect, zones: &[(Zone, ZoneMatch)], visitor: bool, lang: Lang) -> String {
    let mut out = format!(
        "{}: {}\n",
        Msg::BriefTitle.text(lang),
        prospect_label(p, visitor, lang)
    );
    for (i, (z, m)) in zones.iter().enumerate() {
        let _ = write!(
            out,
            "{}. {} ({}{})",
            i + 1,
            z.name.get(lang),
            m.total,
            Msg::ScoreOutOf.text(lang)
        );
        for r in strongest_reasons(m, lang, 2) {
            out.push_str("\n   ");
            out.push_str(&r);
        }
        if let Some(c) = z.contacts.first() {
            let _ = write!(
                out,
                "\n   {}: {} {}",
                Msg::ZoneContact.text(lang),
                c.name,
                c.phone
            );
        }
        out.push('\n');
    }
    out
}

fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// `obj[key](arg)` when `obj[key]` is a function returning a promise.
fn call_promise(
    obj: &wasm_bindgen::JsValue,
    key: &str,
    arg: &wasm_bindgen::JsValue,
) -> Option<js_sys::Promise> {
    use wasm_bindgen::{JsCast, JsValue};
    let f = js_sys::Reflect::get(obj, &JsValue::from_str(key))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    f.call1(obj, arg).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// Share `text` with the Web Share API where the browser has it; where it has not, or
/// refuses (no permission), copy it to the clipboard. `status` says what happened.
fn share_or_copy(text: String, status: RwSignal<Option<Msg>>) {
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let nav: JsValue = navigator.into();
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("text"), &JsValue::from_str(&text));
    let shared = call_promise(&nav, "share", &data);
    leptos::task::spawn_local(async move {
        if let Some(p) = shared {
            match JsFuture::from(p).await {
                Ok(_) => {
                    status.set(None);
                    return;
                }
                // A share the user cancelled is not an error worth a message.
                Err(e)
                    if js_sys::Reflect::get(&e, &JsValue::from_str("name"))
                        .ok()
                        .and_then(|n| n.as_string())
                        .as_deref()
                        == Some("AbortError") =>
                {
                    return
                }
                // Not allowed here (no user gesture, a policy): copy instead.
                Err(_) => {}
            }
        }
        let clipboard = js_sys::Reflect::get(&nav, &JsValue::from_str("clipboard"))
            .ok()
            .filter(|c| !c.is_undefined());
        let copied = match clipboard
            .and_then(|c| call_promise(&c, "writeText", &JsValue::from_str(&text)))
        {
            Some(p) => JsFuture::from(p).await.is_ok(),
            None => false,
        };
        status.set(Some(if copied {
            Msg::CopiedToClipboard
        } else {
            Msg::ShareFailed
        }));
    });
}

/// `page` for a brief: used by the prospect screen's button.
pub fn brief_path(id: &str) -> String {
    Page::Brief(id.to_string()).path()
}

/// Marks the brief button on the prospect screen.
pub fn brief_button(id: String) -> impl IntoView {
    let state = use_app();
    view! {
        <button class="primary" data-testid="open-brief" on:click=move |_| state.go_to(&brief_path(&id))>
            {tr(Msg::OpenBrief)}
        </button>
    }
}
