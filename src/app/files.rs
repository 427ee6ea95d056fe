//! Browser file helpers: offer text as a download, read a picked file.

use wasm_bindgen::{JsCast, JsValue};

/// Offer `contents` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    offer_blob(filename, &blob)
}

/// Offer `bytes` as a file download named `filename` of type `mime` (an `.xlsx` from
/// [`super::workbook::write_workbook`]: `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`).
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    offer_blob(filename, &blob)
}

/// Offer `blob` as a download named `filename` (a hidden link, clicked).
fn offer_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.style().set_property("display", "none")?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

/// The file input an event came from.
pub fn picked_input(ev: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()
}

/// The raw bytes of the first file picked in `input`, if any.
pub async fn read_picked_file_bytes(
    input: &web_sys::HtmlInputElement,
) -> Result<Option<Vec<u8>>, JsValue> {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return Ok(None);
    };
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await?;
    Ok(Some(js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Current time as ISO 8601 (UTC).
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A fresh record id: time plus randomness, unique across devices for merging later.
pub fn new_id(prefix: &str) -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1_000_000.0) as u64;
    format!("{prefix}-{t:x}-{r:05x}")
}

/// Ask for persistent storage; `Some(granted)`, or `None` where the API is missing.
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    let v = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    v.as_bool()
}

/// Storage used and available to this site, in bytes, as the browser estimates them.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.estimate().ok()?;
    let v = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let usage = js_sys::Reflect::get(&v, &"usage".into()).ok()?.as_f64()?;
    let quota = js_sys::Reflect::get(&v, &"quota".into()).ok()?.as_f64()?;
    Some((usage, quota))
}

/// Whether a new version was already found waiting before the app started.
pub fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__zonematchWaiting".into()).ok())
        .is_some_and(|v| !v.is_undefined() && !v.is_null())
}

/// Switch to the waiting new version (only ever on the user's request): the service
/// worker registration script activates it and reloads once it has taken over.
pub fn apply_update() {
    if let Some(w) = web_sys::window() {
        if let Ok(ev) = web_sys::CustomEvent::new("zonematch:apply-update") {
            let _ = w.dispatch_event(&ev);
        }
    }
}
