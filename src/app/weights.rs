//! Choosing how criteria weigh: named presets and one slider per criterion, remembered on
//! this device.

use leptos::prelude::*;

use super::state::{tr, use_app};
use crate::i18n::{criterion_label, preset_label, Msg};
use crate::matching::{CriterionKind, Preset};

/// The weights panel (collapsed by default, above every match list).
#[component]
pub fn WeightsPanel() -> impl IntoView {
    let state = use_app();
    let presets = move || {
        let lang = state.lang.get();
        let current = state.weights.get().preset();
        Preset::ALL
            .into_iter()
            .map(|p| {
                view! {
                    <button
                        type="button"
                        class="chip-button"
                        class:active=current == Some(p)
                        aria-pressed=if current == Some(p) { "true" } else { "false" }
                        data-testid=format!("preset-{}", p.key())
                        on:click=move |_| state.weights.set(p.weights())
                    >
                        {preset_label(p, lang)}
                    </button>
                }
            })
            .collect_view()
    };
    let sliders = move || {
        let lang = state.lang.get();
        CriterionKind::ALL
            .into_iter()
            .map(|k| {
                let id = format!("w-{}", k.key());
                view! {
                    <div class="slider">
                        <label for=id.clone()>{criterion_label(k, lang)}</label>
                        <input
                            id=id
                            type="range"
                            min="0"
                            max="10"
                            step="0.5"
                            data-testid=format!("weight-{}", k.key())
                            prop:value=move || state.weights.get().get(k).to_string()
                            on:input=move |ev| {
                                if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                    state.weights.update(|w| w.set(k, v));
                                }
                            }
                        />
                        <output>{move || format!("{:.1}", state.weights.get().get(k))}</output>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <details class="weights" data-testid="weights-panel">
            <summary>
                {tr(Msg::WeightsTitle)} ": "
                {move || {
                    let lang = state.lang.get();
                    match state.weights.get().preset() {
                        Some(p) => preset_label(p, lang).to_string(),
                        None => Msg::CustomWeights.text(lang).to_string(),
                    }
                }}
            </summary>
            <div class="presets">{presets}</div>
            <div class="sliders">{sliders}</div>
            <p class="hint">{tr(Msg::WeightsFormula)}</p>
        </details>
    }
}
