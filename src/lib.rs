//! ZoneMatch (园区招商匹配).
//!
//! Data flows one way: storage → domain state → views; edits go back as [`model::Change`]s.
//! - Plain Rust, no web types, tested natively with `cargo test`: [`model`] (the domain),
//!   [`taxonomy`] and [`matching`] (the engine), [`transfer`] and [`csv`] (files and the
//!   stored encoding), [`import`] (the path every picked file takes), [`merge`] (three-way merge of two tabs' edits), [`forms`] and [`zone_form`] (the zone editor's rows),
//!   [`i18n`], [`quota`], [`demo`], [`dates`] (Beijing dates and months), [`report`] (the
//!   monthly report, 月报), [`provinces`] (names and map tiles), [`names`] (zone names as
//!   people say them), [`national`] (the national zone catalogue, reference data); [`evaluation`] and
//!   [`synthetic`] for measuring the engine.
//! - `storage` (browser only): the one module that touches localStorage.
//! - `app` (browser only): Leptos views that render state and call the domain.

pub mod columns;
pub mod csv;
pub mod dates;
pub mod demo;
pub mod evaluation;
pub mod forms;
pub mod i18n;
pub mod import;
pub mod lang;
pub mod matching;
pub mod merge;
pub mod model;
pub mod names;
pub mod national;
pub mod order;
pub mod provinces;
pub mod quota;
pub mod report;
pub mod sheet;
pub mod synthetic;
pub mod table_import;
pub mod taxonomy;
pub mod team_docs;
pub mod text;
pub mod transfer;
pub mod vcard;
pub mod workbook;
pub mod zone_form;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod team_sync;
