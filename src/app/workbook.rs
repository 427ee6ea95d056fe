//! The bridge to the workbook worker (`src/bin/workbook_worker.rs`): Excel workbooks are
//! read and written in a Web Worker with its own wasm, so `calamine` and
//! `rust_xlsxwriter` cost the first screen nothing. The worker is started on the first
//! call (once, then reused); calls made while it loads wait for it; each reply is matched
//! to its call by id.
//!
//! If the worker cannot start (its files are not cached and the device is offline, or
//! the browser refuses it), or it fails while working, every waiting call gets a
//! bilingual error and the next call starts a fresh worker.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use crate::model::Text;
use crate::sheet::Sheet;
use crate::table_import::{ReadReply, SheetProposal, TableRead};

/// The worker's entry script, written by trunk next to index.html (`data-loader-shim`).
const WORKER_URL: &str = "workbook_worker_loader.js";

/// How long the worker may take to load before calls waiting for it fail (ms).
const LOAD_TIMEOUT_MS: i32 = 30_000;

struct Bridge {
    worker: Worker,
    ready: bool,
    /// Messages (and their transfer lists) waiting for the worker to be ready.
    queue: Vec<(Object, Array)>,
    /// Calls waiting for a reply: (id, resolve, reject) of their promise. Few at a time:
    /// a list, not a map (smaller wasm).
    pending: Vec<(u32, Function, Function)>,
    next_id: u32,
}

impl Bridge {
    /// The waiting call `id`, no longer waiting.
    fn take(&mut self, id: u32) -> Option<(u32, Function, Function)> {
        let at = self.pending.iter().position(|(i, ..)| *i == id)?;
        Some(self.pending.swap_remove(at))
    }
}

thread_local! {
    static BRIDGE: RefCell<Option<Bridge>> = const { RefCell::new(None) };
}

fn load_failed() -> Text {
    Text::new(
        "无法加载 Excel 组件（可能是离线且尚未缓存）：请联网后重试，或改用 CSV",
        "Could not load the Excel component (offline before it was cached?): connect and try again, or use CSV",
    )
}

fn worker_failed(detail: &str) -> Text {
    Text::new(
        &format!("Excel 组件出错：{detail}"),
        &format!("The Excel component failed: {detail}"),
    )
}

/// A [`Text`] as a JS object `{zh, en}` (how the worker sends its errors too).
fn error_object(text: &Text) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &"zh".into(), &JsValue::from_str(&text.zh));
    let _ = Reflect::set(&object, &"en".into(), &JsValue::from_str(&text.en));
    object.into()
}

/// The [`Text`] of a JS object `{zh, en}`, if it is one.
fn text_of(value: &JsValue) -> Option<Text> {
    let side = |key: &str| {
        Reflect::get(value, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    Some(Text::new(&side("zh")?, &side("en")?))
}

/// Fail every waiting call with `text` and forget the worker (the next call starts a new
/// one).
fn fail_all(text: &Text) {
    let bridge = BRIDGE.with(|b| b.borrow_mut().take());
    let Some(bridge) = bridge else { return };
    bridge.worker.terminate();
    let error = error_object(text);
    for (_, _, reject) in bridge.pending {
        let _ = reject.call1(&JsValue::NULL, &error);
    }
}

/// The worker's message handler: the ready signal, or a reply.
fn on_message(event: MessageEvent) {
    let data = event.data();
    if Reflect::get(&data, &"ready".into())
        .ok()
        .and_then(|v| v.as_bool())
        == Some(true)
    {
        let flush = BRIDGE.with(|b| {
            let mut b = b.borrow_mut();
            let bridge = b.as_mut()?;
            bridge.ready = true;
            Some((bridge.worker.clone(), std::mem::take(&mut bridge.queue)))
        });
        if let Some((worker, queue)) = flush {
            for (message, transfer) in queue {
                if let Err(e) = worker.post_message_with_transfer(&message, &transfer) {
                    fail_all(&worker_failed(&format!("{e:?}")));
                    return;
                }
            }
        }
        return;
    }
    let Some(id) = Reflect::get(&data, &"id".into())
        .ok()
        .and_then(|v| v.as_f64())
    else {
        return;
    };
    let waiting = BRIDGE.with(|b| b.borrow_mut().as_mut().and_then(|b| b.take(id as u32)));
    if let Some((_, resolve, _)) = waiting {
        let _ = resolve.call1(&JsValue::NULL, &data);
    }
}

/// Start the worker unless it runs: its handlers, and a timer that fails the calls if it
/// is not ready in time.
fn ensure_worker() -> Result<(), Text> {
    if BRIDGE.with(|b| b.borrow().is_some()) {
        return Ok(());
    }
    let worker = Worker::new(WORKER_URL).map_err(|_| load_failed())?;
    // The handlers live as long as the page (a new worker only after a failure): owned
    // by JS, never dropped while running.
    let message = Closure::<dyn FnMut(MessageEvent)>::new(on_message).into_js_value();
    worker.set_onmessage(Some(message.unchecked_ref()));
    let error = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let ready = BRIDGE.with(|b| b.borrow().as_ref().is_some_and(|b| b.ready));
        if !ready {
            fail_all(&load_failed());
            return;
        }
        let detail = event
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "error".to_string());
        fail_all(&worker_failed(&detail));
    })
    .into_js_value();
    worker.set_onerror(Some(error.unchecked_ref()));
    worker.set_onmessageerror(Some(error.unchecked_ref()));
    let started = worker.clone();
    let timeout = Closure::once_into_js(move || {
        let stuck = BRIDGE.with(|b| {
            b.borrow()
                .as_ref()
                .is_some_and(|b| !b.ready && b.worker == started)
        });
        if stuck {
            fail_all(&load_failed());
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            timeout.unchecked_ref(),
            LOAD_TIMEOUT_MS,
        );
    }
    BRIDGE.with(|b| {
        *b.borrow_mut() = Some(Bridge {
            worker,
            ready: false,
            queue: Vec::new(),
            pending: Vec::new(),
            next_id: 1,
        })
    });
    Ok(())
}

/// Send `fields` (plus a fresh `id`) to the worker, transferring `transfer`, and wait
/// for its reply: the reply's `ok` value, or its `error` as a [`Text`].
async fn call(fields: &[(&str, JsValue)], transfer: Array) -> Result<JsValue, Text> {
    ensure_worker()?;
    let message = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&message, &JsValue::from_str(key), value);
    }
    let mut posted: Result<(), Text> = Ok(());
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let post = BRIDGE.with(|b| {
            let mut b = b.borrow_mut();
            let Some(bridge) = b.as_mut() else {
                return Err(load_failed());
            };
            let id = bridge.next_id;
            bridge.next_id = bridge.next_id.wrapping_add(1);
            let _ = Reflect::set(&message, &"id".into(), &JsValue::from(id));
            bridge.pending.push((id, resolve, reject));
            if bridge.ready {
                Ok(Some((bridge.worker.clone(), id)))
            } else {
                bridge.queue.push((message.clone(), transfer.clone()));
                Ok(None)
            }
        });
        match post {
            Ok(Some((worker, id))) => {
                if let Err(e) = worker.post_message_with_transfer(&message, &transfer) {
                    BRIDGE.with(|b| {
                        if let Some(bridge) = b.borrow_mut().as_mut() {
                            bridge.take(id);
                        }
                    });
                    posted = Err(worker_failed(&format!("{e:?}")));
                }
            }
            Ok(None) => {}
            Err(text) => posted = Err(text),
        }
    });
    posted?;
    let reply = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| text_of(&e).unwrap_or_else(load_failed))?;
    let error = Reflect::get(&reply, &"error".into()).unwrap_or(JsValue::UNDEFINED);
    if !error.is_undefined() {
        return Err(text_of(&error).unwrap_or_else(|| worker_failed("error")));
    }
    Reflect::get(&reply, &"ok".into()).map_err(|_| worker_failed("no reply"))
}

/// A reply's JSON read into `T`, through [`serde_json::Value`]: the records' readers for
/// `Value` are in the app already (stored data and imports are read that way), so this
/// adds no second copy of them for a string reader (measured: 40 KB gzip of wasm).
fn from_reply<T: serde::de::DeserializeOwned>(ok: &JsValue) -> Result<T, Text> {
    let json = ok.as_string().ok_or_else(|| worker_failed("reply"))?;
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| worker_failed(&e.to_string()))?;
    T::deserialize(&value).map_err(|e| worker_failed(&e.to_string()))
}

/// A picked table file (a workbook, or CSV/TSV/TXT in UTF-8, UTF-16 or GBK) opened in
/// the worker: what the mapping step shows of each sheet
/// ([`crate::table_import::propose`]). The worker keeps the sheets for [`read_table`].
///
/// # Errors
/// Why the file cannot be read (not a table, damaged, too large, an encoding not read),
/// or a message that the worker could not load or failed.
pub async fn open_table(bytes: Vec<u8>, name: &str) -> Result<Vec<SheetProposal>, Text> {
    let array = Uint8Array::from(bytes.as_slice());
    drop(bytes);
    let transfer = Array::of1(&array.buffer());
    let ok = call(
        &[
            ("op", JsValue::from_str("open_table")),
            ("bytes", array.into()),
            ("name", JsValue::from_str(name)),
        ],
        transfer,
    )
    .await?;
    from_reply(&ok)
}

/// The records of sheet `sheet` of the table opened last, read in the worker with the
/// user's choices `keys` ([`crate::table_import::read_chosen`]) against `current`.
///
/// # Errors
/// The outer error: the worker could not load, failed, or lost the table (a restarted
/// worker); the inner one: every problem of the rows, by row, column and value.
pub async fn read_table(
    sheet: usize,
    keys: &[String],
    current: &crate::model::Dataset,
    now: &str,
) -> Result<Result<TableRead, Vec<Text>>, Text> {
    let keys = serde_json::to_string(keys).map_err(|e| worker_failed(&e.to_string()))?;
    let current = serde_json::to_string(current).map_err(|e| worker_failed(&e.to_string()))?;
    let ok = call(
        &[
            ("op", JsValue::from_str("read_table")),
            ("sheet", JsValue::from(sheet as u32)),
            ("keys", JsValue::from_str(&keys)),
            ("current", JsValue::from_str(&current)),
            ("now", JsValue::from_str(now)),
        ],
        Array::new(),
    )
    .await?;
    let reply: Result<ReadReply, Vec<Text>> = from_reply(&ok)?;
    Ok(reply.and_then(|r| {
        let data = crate::transfer::import_json(&r.records).map_err(|e| e.problems)?;
        Ok(TableRead {
            data,
            flags: r.flags,
        })
    }))
}

/// `sheets` as an Excel workbook (`.xlsx` bytes), written in the worker by
/// [`crate::workbook::write_workbook`] (bold frozen header row, fitting widths, numbers
/// as numbers, dates as Excel dates).
///
/// # Errors
/// That function's messages (a sheet or text over Excel's limits), or a message that the
/// worker could not load or failed.
pub async fn write_workbook(sheets: Vec<Sheet>) -> Result<Vec<u8>, Text> {
    let json = serde_json::to_string(&sheets).map_err(|e| worker_failed(&e.to_string()))?;
    drop(sheets);
    let ok = call(
        &[
            ("op", JsValue::from_str("write")),
            ("sheets", JsValue::from_str(&json)),
        ],
        Array::new(),
    )
    .await?;
    ok.dyn_into::<Uint8Array>()
        .map(|a| a.to_vec())
        .map_err(|_| worker_failed("reply"))
}
