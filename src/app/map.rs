//! China's provinces as a tile grid (see [`crate::provinces`]), drawn as SVG: one equal
//! tile per province, shaded by a value (zones passing the filters, or a prospect's best
//! score there). Tapping a tile reports its province.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::provinces::PROVINCES;

/// Side of a tile in SVG units, and the gap between tiles.
const TILE: f64 = 60.0;
const GAP: f64 = 4.0;

/// One province's value on the map and how it is written on its tile.
#[derive(Clone, Debug, PartialEq)]
pub struct TileValue {
    /// Full Chinese name (山西省).
    pub province: &'static str,
    /// 0-1: how dark the tile is.
    pub shade: f64,
    /// Written under the name (a count, a score); empty for none.
    pub label: String,
}

/// The map. `selected` tiles are outlined; `on_tap` gets the tapped province's full name.
pub fn province_map(
    values: Vec<TileValue>,
    selected: Vec<String>,
    lang: Lang,
    caption: String,
    on_tap: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let cols = PROVINCES.iter().map(|p| p.col).max().unwrap_or(0) as f64 + 1.0;
    let rows = PROVINCES.iter().map(|p| p.row).max().unwrap_or(0) as f64 + 1.0;
    let first_col = PROVINCES.iter().map(|p| p.col).min().unwrap_or(0) as f64;
    let width = (cols - first_col) * (TILE + GAP);
    let height = rows * (TILE + GAP);
    let tiles = PROVINCES
        .iter()
        .map(|p| {
            let v = values.iter().find(|v| v.province == p.zh);
            let shade = v.map(|v| v.shade.clamp(0.0, 1.0)).unwrap_or(0.0);
            let label = v.map(|v| v.label.clone()).unwrap_or_default();
            let x = (p.col as f64 - first_col) * (TILE + GAP);
            let y = p.row as f64 * (TILE + GAP);
            let name = if lang == Lang::Zh { p.short } else { tile_name_en(p.en) };
            // A long English name is squeezed to the tile's width.
            let squeeze = (name.chars().count() > 7).then_some("54");
            let is_selected = selected.iter().any(|s| s == p.zh);
            let zh = p.zh.to_string();
            let zh_key = zh.clone();
            // Light to dark blue; text turns white on dark tiles.
            let fill = format!("hsl(207, 60%, {:.0}%)", 94.0 - shade * 60.0);
            let ink = if shade > 0.55 { "#fff" } else { "#123" };
            let aria = format!("{} {}", if lang == Lang::Zh { p.zh } else { p.en }, label);
            let value = label.clone();
            view! {
                <g
                    class="tile"
                    class:selected=is_selected
                    role="button"
                    tabindex="0"
                    aria-pressed=is_selected.to_string()
                    aria-label=aria
                    data-testid="map-tile"
                    data-province=p.zh
                    data-value=value
                    on:click=move |_| on_tap(zh.clone())
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            on_tap(zh_key.clone());
                        }
                    }
                >
                    <rect x=x y=y width=TILE height=TILE rx="6" fill=fill></rect>
                    <text x=x + TILE / 2.0 y=y + 26.0 text-anchor="middle" fill=ink class="tile-name" textLength=squeeze lengthAdjust=squeeze.map(|_| "spacingAndGlyphs")>{name}</text>
                    <text x=x + TILE / 2.0 y=y + 46.0 text-anchor="middle" fill=ink class="tile-value">{label}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="province-map" data-testid="province-map">
            <svg viewBox=format!("0 0 {width} {height}") role="group" aria-label=caption.clone()>
                {tiles}
            </svg>
            <figcaption class="note">{caption}</figcaption>
        </figure>
    }
}

/// A province's English name short enough for a tile.
fn tile_name_en(en: &'static str) -> &'static str {
    match en {
        "Inner Mongolia" => "Inner Mong.",
        "Xizang (Tibet)" => "Xizang",
        _ => en,
    }
}

/// Whether the `<details>` a toggle event came from is now open.
pub fn is_open(ev: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.has_attribute("open"))
}
