//! Labelled inputs bound to a draft struct, with the field's error underneath.

use leptos::prelude::*;

use super::state::use_app;
use crate::i18n::{Lang, Msg};
use crate::model::Text;

/// How an input behaves on a touch keyboard.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Numbers with units typed after them ("6亿", "20,000 m²"): a decimal keypad would
    /// not allow the unit, so a text keyboard opened on numbers.
    Amount,
    Multiline,
}

/// A field's label in both languages: a [`Msg`], or a pair of literals for a screen's
/// own fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Label {
    pub const fn new(zh: &'static str, en: &'static str) -> Self {
        Self { zh, en }
    }

    /// The label in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

impl From<Msg> for Label {
    fn from(m: Msg) -> Self {
        Self::new(m.text(Lang::Zh), m.text(Lang::En))
    }
}

/// What the typed text of a field was read as: the text to show beside it, and whether
/// it needs attention (could not be read, so it is kept as typed for review).
pub type ReadingFn<D> = fn(&D) -> Option<(Text, bool)>;

/// A labelled input bound to one field of `draft`. `field` names it in `errors`.
#[allow(clippy::too_many_arguments)]
pub fn input<D, F>(
    label: Msg,
    name: &'static str,
    draft: RwSignal<D>,
    get: fn(&D) -> String,
    set: fn(&mut D, String),
    kind: Kind,
    field: Option<F>,
    errors: RwSignal<Vec<(F, Text)>>,
) -> impl IntoView
where
    D: Send + Sync + 'static,
    F: Copy + PartialEq + Send + Sync + 'static,
{
    input_reading(label, name, draft, get, set, kind, field, errors, None)
}

/// [`input`] with the value as read shown beside the field as the user types ("= 20,000
/// m²"), marked when it needs attention.
#[allow(clippy::too_many_arguments)]
pub fn input_reading<D, F>(
    label: Msg,
    name: &'static str,
    draft: RwSignal<D>,
    get: fn(&D) -> String,
    set: fn(&mut D, String),
    kind: Kind,
    field: Option<F>,
    errors: RwSignal<Vec<(F, Text)>>,
    reading: Option<ReadingFn<D>>,
) -> impl IntoView
where
    D: Send + Sync + 'static,
    F: Copy + PartialEq + Send + Sync + 'static,
{
    labelled(
        label.into(),
        name,
        draft,
        get,
        set,
        kind,
        field,
        errors,
        reading,
    )
}

/// [`input_reading`] with a label of the screen's own ([`Label`]).
#[allow(clippy::too_many_arguments)]
pub fn labelled<D, F>(
    label: Label,
    name: &'static str,
    draft: RwSignal<D>,
    get: fn(&D) -> String,
    set: fn(&mut D, String),
    kind: Kind,
    field: Option<F>,
    errors: RwSignal<Vec<(F, Text)>>,
    reading: Option<ReadingFn<D>>,
) -> impl IntoView
where
    D: Send + Sync + 'static,
    F: Copy + PartialEq + Send + Sync + 'static,
{
    let lang = use_app().lang;
    let error = move || {
        let f = field?;
        errors.with(|list| {
            list.iter()
                .find(|(ef, _)| *ef == f)
                .map(|(_, t)| t.get(lang.get()).to_string())
        })
    };
    let id = format!("f-{name}");
    let read = move || reading.and_then(|f| draft.with(f));
    let reading_view = reading.map(|_| {
        view! {
            <p class="reading" class:unread=move || read().is_some_and(|(_, r)| r) data-testid=format!("reading-{name}") aria-live="polite">
                {move || read().map(|(t, _)| t.get(lang.get()).to_string())}
            </p>
        }
    });
    let control = match kind {
        Kind::Multiline => view! {
            <textarea
                id=id.clone()
                name=name
                rows="3"
                prop:value=move || draft.with(get)
                on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
            ></textarea>
        }
        .into_any(),
        Kind::Text | Kind::Amount => view! {
            <input
                id=id.clone()
                name=name
                type="text"
                inputmode=if kind == Kind::Amount { "decimal" } else { "text" }
                autocomplete="off"
                prop:value=move || draft.with(get)
                on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
            />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:invalid=move || error().is_some() class:review=move || read().is_some_and(|(_, r)| r)>
            <label for=id>{move || label.get(lang.get())}</label>
            {control}
            {reading_view}
            <p class="error" role="alert">{error}</p>
        </div>
    }
}

/// A labelled checkbox bound to one flag of `draft`.
pub fn checkbox<D>(
    label: Msg,
    name: &'static str,
    draft: RwSignal<D>,
    get: fn(&D) -> bool,
    set: fn(&mut D, bool),
) -> impl IntoView
where
    D: Send + Sync + 'static,
{
    let lang = use_app().lang;
    view! {
        <label class="check">
            <input
                type="checkbox"
                name=name
                prop:checked=move || draft.with(get)
                on:change=move |ev| draft.update(|d| set(d, event_target_checked(&ev)))
            />
            {move || label.text(lang.get())}
        </label>
    }
}
