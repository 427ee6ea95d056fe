//! Labelled inputs bound to a draft struct, with the field's error underneath.
//!
//! Every text field of every form is drawn by one function, [`field`], and every checkbox
//! by [`check`]: what differs between fields (where the text is kept, what it reads as,
//! its error) is behind [`FieldModel`], so the view code exists once in the app rather
//! than once per field or per draft type.

use std::sync::Arc;

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

/// One text field of a draft, as [`field`] draws it. The reads are tracked (the field
/// follows the draft); `input` and `left` send the user's edits to the draft.
pub trait FieldModel: Send + Sync {
    /// The text the field holds.
    fn value(&self) -> String;
    /// The user typed: the field now holds `typed`.
    fn input(&self, typed: String);
    /// The user left the field (its `change` event).
    fn left(&self) {}
    /// The error shown under the field, in `lang`.
    fn error(&self, lang: Lang) -> Option<String>;
    /// What the text reads as, shown beside the field ([`ReadingFn`]); only asked when
    /// `reads`.
    fn reading(&self) -> Option<(Text, bool)> {
        None
    }
    /// Whether the field shows a reading.
    fn reads(&self) -> bool {
        false
    }
}

/// Scroll to and focus the first element matching `selector` (a form field to correct).
pub fn focus_first(selector: &str) {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// The error listed for `field` in `errors`, in `lang`.
pub fn error_of<F: PartialEq>(errors: &[(F, Text)], field: &F, lang: Lang) -> Option<String> {
    errors
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, t)| t.get(lang).to_string())
}

/// A labelled text field (`id`: the input's id, `name`: its name, and its reading's test
/// id `reading-{name}`), drawn from `m`.
pub fn field(
    label: Label,
    name: &'static str,
    id: String,
    kind: Kind,
    m: Arc<dyn FieldModel>,
) -> AnyView {
    let lang = use_app().lang;
    let (m1, m2, m3, m4, m5) = (m.clone(), m.clone(), m.clone(), m.clone(), m.clone());
    let on_input = move |ev: leptos::ev::Event| m1.input(event_target_value(&ev));
    let on_change = move |_: leptos::ev::Event| m2.left();
    let control = if kind == Kind::Multiline {
        view! {
            <textarea id=id.clone() name=name rows="3" prop:value=move || m3.value() on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name
                type="text"
                inputmode=if kind == Kind::Amount { "decimal" } else { "text" }
                autocomplete="off"
                prop:value=move || m3.value()
                on:input=on_input
                on:change=on_change
            />
        }
        .into_any()
    };
    let reading = m.reads().then(|| {
        let (r1, r2) = (m.clone(), m.clone());
        view! {
            <p class="reading" class:unread=move || r1.reading().is_some_and(|(_, bad)| bad) data-testid=format!("reading-{name}") aria-live="polite">
                {move || r2.reading().map(|(t, _)| t.get(lang.get()).to_string())}
            </p>
        }
    });
    view! {
        <div class="field" class:invalid=move || m4.error(Lang::Zh).is_some() class:review=move || m5.reading().is_some_and(|(_, bad)| bad)>
            <label for=id>{move || label.get(lang.get())}</label>
            {control}
            {reading}
            <p class="error" role="alert">{move || m.error(lang.get())}</p>
        </div>
    }
    .into_any()
}

/// A labelled checkbox: `get` is whether it is ticked (tracked), `set` takes a tick.
pub fn check(
    label: Label,
    name: &'static str,
    get: Arc<dyn Fn() -> bool + Send + Sync>,
    set: Arc<dyn Fn(bool) + Send + Sync>,
) -> AnyView {
    let lang = use_app().lang;
    view! {
        <label class="check">
            <input
                type="checkbox"
                name=name
                prop:checked=move || get()
                on:change=move |ev| set(event_target_checked(&ev))
            />
            {move || label.get(lang.get())}
        </label>
    }
    .into_any()
}

/// A field of a draft of type `D` (its text read and written by `get` and `set`), with
/// errors listed by fields of type `F`.
struct Plain<D: 'static, F: 'static> {
    draft: RwSignal<D>,
    get: fn(&D) -> String,
    set: fn(&mut D, String),
    field: Option<F>,
    errors: RwSignal<Vec<(F, Text)>>,
    reading: Option<ReadingFn<D>>,
}

impl<D, F> FieldModel for Plain<D, F>
where
    D: Send + Sync + 'static,
    F: Copy + PartialEq + Send + Sync + 'static,
{
    fn value(&self) -> String {
        self.draft.with(self.get)
    }

    fn input(&self, typed: String) {
        let set = self.set;
        self.draft.update(|d| set(d, typed));
    }

    fn error(&self, lang: Lang) -> Option<String> {
        let f = self.field?;
        self.errors.with(|list| error_of(list, &f, lang))
    }

    fn reading(&self) -> Option<(Text, bool)> {
        self.reading.and_then(|r| self.draft.with(r))
    }

    fn reads(&self) -> bool {
        self.reading.is_some()
    }
}

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
) -> AnyView
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
) -> AnyView
where
    D: Send + Sync + 'static,
    F: Copy + PartialEq + Send + Sync + 'static,
{
    self::field(
        label.into(),
        name,
        format!("f-{name}"),
        kind,
        Arc::new(Plain {
            draft,
            get,
            set,
            field,
            errors,
            reading,
        }),
    )
}

/// A labelled checkbox bound to one flag of `draft`.
pub fn checkbox<D>(
    label: Msg,
    name: &'static str,
    draft: RwSignal<D>,
    get: fn(&D) -> bool,
    set: fn(&mut D, bool),
) -> AnyView
where
    D: Send + Sync + 'static,
{
    check(
        label.into(),
        name,
        Arc::new(move || draft.with(get)),
        Arc::new(move |v| draft.update(|d| set(d, v))),
    )
}
