//! ZoneMatch (园区招商匹配).
//!
//! Data flows one way: storage → domain state → views.
//! - [`model`], [`matching`], [`forms`], [`transfer`], [`i18n`], [`demo`]: plain Rust, no web types,
//!   tested natively with `cargo test`.
//! - `storage` (browser only): the one module that touches localStorage.
//! - `app` (browser only): Leptos views that render state and call the domain.

pub mod csv;
pub mod demo;
pub mod evaluation;
pub mod forms;
pub mod i18n;
pub mod matching;
pub mod model;
pub mod quota;
pub mod synthetic;
pub mod taxonomy;
pub mod transfer;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod storage;
