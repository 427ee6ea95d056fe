//! The workbook worker: a Web Worker with its own wasm that reads and writes Excel
//! workbooks ([`zonematch::workbook`]), so that `calamine` and `rust_xlsxwriter` never
//! weigh on the app's first screen. Trunk builds it from index.html (`data-type="worker"`,
//! no-modules, with a loader shim `workbook_worker_loader.js`); the app starts it the first
//! time a workbook is opened or written (`src/app/workbook.rs`).
//!
//! Messages, one reply per request, matched by `id` (a number):
//! - `{op: "read", id, bytes: Uint8Array}` → `{id, ok: "<JSON of Vec<Sheet>>"}`
//! - `{op: "write", id, sheets: "<JSON of Vec<Sheet>>"}` → `{id, ok: Uint8Array}` (the
//!   `.xlsx` bytes, their buffer transferred)
//! - `{op: "open_table", id, bytes: Uint8Array, name}` → `{id, ok: "<JSON of
//!   Vec<SheetProposal>>"}`: any table file (a workbook, or CSV/TSV/TXT in UTF-8, UTF-16
//!   or GBK) read into sheets, kept here, and what the mapping step shows of each
//!   ([`zonematch::table_import::propose`]). Header recognition, units, dates and the
//!   reading of rows live here, not in the app's wasm.
//! - `{op: "read_table", id, sheet: number, keys: "<JSON of the chosen keys>", current:
//!   "<JSON of the Dataset>", now}` → `{id, ok: "<JSON of Result<ReadReply, Vec<Text>>>"}`:
//!   the records of a sheet of the last table opened, read with the user's choices.
//! - any failure → `{id, error: {zh, en}}` (a bilingual message: a `Text`'s two sides,
//!   plain strings, so the app needs no JSON reader for them).
//!
//! Once started it posts `{ready: true}`: messages sent before its wasm has loaded would
//! be lost, so the app waits for that first.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Object, Reflect, Uint8Array};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
    use zonematch::model::{Dataset, Text};
    use zonematch::sheet::{file_shape, FileShape, Sheet};
    use zonematch::workbook::{read_workbook, write_workbook};

    thread_local! {
        /// The sheets of the table opened last, for `read_table`.
        static OPENED: RefCell<Vec<Sheet>> = const { RefCell::new(Vec::new()) };
    }

    /// GBK/GB18030 as the browser decodes it (fatal on bytes that are not GBK).
    fn gbk(bytes: &[u8]) -> Option<String> {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(true);
        let decoder = web_sys::TextDecoder::new_with_label_and_options("gbk", &options).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    }

    fn json<T: serde::Serialize>(value: &T) -> Result<JsValue, Text> {
        serde_json::to_string(value)
            .map(|s| JsValue::from_str(&s))
            .map_err(|e| bad_request(&e.to_string()))
    }

    /// What a request asks for, or why it cannot be read.
    fn answer(data: &JsValue) -> Result<JsValue, Text> {
        let get = |key: &str| Reflect::get(data, &JsValue::from_str(key)).ok();
        let op = get("op").and_then(|v| v.as_string()).unwrap_or_default();
        match op.as_str() {
            "read" => {
                let bytes = get("bytes")
                    .filter(|v| v.is_instance_of::<Uint8Array>())
                    .map(|v| v.unchecked_into::<Uint8Array>().to_vec())
                    .ok_or_else(|| bad_request("bytes"))?;
                let sheets = read_workbook(&bytes)?;
                let json =
                    serde_json::to_string(&sheets).map_err(|e| bad_request(&e.to_string()))?;
                Ok(JsValue::from_str(&json))
            }
            "write" => {
                let json = get("sheets")
                    .and_then(|v| v.as_string())
                    .ok_or_else(|| bad_request("sheets"))?;
                let sheets: Vec<Sheet> =
                    serde_json::from_str(&json).map_err(|e| bad_request(&e.to_string()))?;
                let bytes = write_workbook(&sheets)?;
                Ok(Uint8Array::from(bytes.as_slice()).into())
            }
            "open_table" => {
                let bytes = get("bytes")
                    .filter(|v| v.is_instance_of::<Uint8Array>())
                    .map(|v| v.unchecked_into::<Uint8Array>().to_vec())
                    .ok_or_else(|| bad_request("bytes"))?;
                let name = get("name").and_then(|v| v.as_string()).unwrap_or_default();
                let sheets = match file_shape(&bytes) {
                    FileShape::Text => vec![zonematch::import::text_table(&bytes, &name, gbk)
                        .map_err(|problems| {
                            problems
                                .into_iter()
                                .next()
                                .unwrap_or_else(|| bad_request("table"))
                        })?],
                    _ => read_workbook(&bytes)?,
                };
                let proposals = zonematch::table_import::propose(&sheets);
                OPENED.with(|o| *o.borrow_mut() = sheets);
                json(&proposals)
            }
            "read_table" => {
                let index = get("sheet")
                    .and_then(|v| v.as_f64())
                    .ok_or_else(|| bad_request("sheet"))? as usize;
                let keys: Vec<String> = get("keys")
                    .and_then(|v| v.as_string())
                    .and_then(|s| serde_json::from_str(&s).ok())
                    .ok_or_else(|| bad_request("keys"))?;
                let current: Dataset = get("current")
                    .and_then(|v| v.as_string())
                    .and_then(|s| serde_json::from_str(&s).ok())
                    .ok_or_else(|| bad_request("current"))?;
                let now = get("now").and_then(|v| v.as_string()).unwrap_or_default();
                let result = OPENED.with(|o| {
                    let sheets = o.borrow();
                    let sheet = sheets.get(index).ok_or_else(|| {
                        vec![Text::new(
                            "表格已不在，请重新打开文件",
                            "The table is gone: open the file again",
                        )]
                    })?;
                    zonematch::table_import::read_chosen(&current, sheet, &keys, &now)
                        .map(|read| read.into_reply(&now))
                });
                json(&result)
            }
            other => Err(bad_request(other)),
        }
    }

    fn bad_request(what: &str) -> Text {
        Text::new(
            &format!("工作簿处理请求无效（{what}）"),
            &format!("Invalid workbook request ({what})"),
        )
    }

    fn reply(scope: &DedicatedWorkerGlobalScope, id: &JsValue, result: Result<JsValue, Text>) {
        let message = Object::new();
        let _ = Reflect::set(&message, &"id".into(), id);
        let transfer = js_sys::Array::new();
        match result {
            Ok(value) => {
                if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
                    transfer.push(&bytes.buffer());
                }
                let _ = Reflect::set(&message, &"ok".into(), &value);
            }
            Err(text) => {
                let error = Object::new();
                let _ = Reflect::set(&error, &"zh".into(), &JsValue::from_str(&text.zh));
                let _ = Reflect::set(&error, &"en".into(), &JsValue::from_str(&text.en));
                let _ = Reflect::set(&message, &"error".into(), &error);
            }
        }
        if scope
            .post_message_with_transfer(&message, &transfer)
            .is_err()
        {
            let _ = scope.post_message(&message);
        }
    }

    pub fn start() {
        // Release builds compile panics to a trap: only debug builds carry the hook.
        #[cfg(debug_assertions)]
        console_error_panic_hook::set_once();
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
            reply(&replies, &id, answer(&data));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let ready = Object::new();
        let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
        let _ = scope.post_message(&ready);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The workbook worker runs in the browser, started by the app (see src/app/workbook.rs)."
    );
}
