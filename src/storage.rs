//! The one module that touches browser storage. Nothing else reads or writes it.
//!
//! Reads are untrusted: a stored value that does not validate is copied aside under a
//! quarantine key (never deleted) and the app starts from demo data. Data written by a
//! newer app version is left untouched: the store goes read-only.
//!
//! gloo-storage's `LocalStorage::raw()` panics when storage is unavailable (private mode,
//! blocked cookies), so every use is guarded by [`Store::open`]'s probe.

use gloo_storage::{LocalStorage, Storage as _};

use crate::i18n::Lang;
use crate::matching::Weights;
use crate::model::{Dataset, Text};
use crate::transfer::{self, ImportErrorKind};

/// Key of the dataset (zones and prospects) in localStorage.
pub const DATA_KEY: &str = "zonematch.data";
/// Key of the chosen language.
pub const LANG_KEY: &str = "zonematch.lang";
/// Key of the matching weights chosen on this device.
pub const WEIGHTS_KEY: &str = "zonematch.weights";
/// Prefix of keys holding stored values that failed validation.
pub const QUARANTINE_PREFIX: &str = "zonematch.quarantine.";

/// What was found in storage at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadOutcome {
    /// Storage works and holds nothing yet: first visit.
    Empty,
    Loaded(Dataset),
    /// The stored value did not validate; it was kept under `quarantine_key` when that was
    /// possible (otherwise left in place, and the store is read-only).
    Corrupt {
        quarantine_key: Option<String>,
        problems: Vec<Text>,
    },
    /// Written by a newer app version: left untouched, store is read-only.
    Newer,
    /// No usable storage: the app runs in memory.
    Unavailable,
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    Unavailable,
    ReadOnly,
    /// The browser refused the write (quota full, or storage revoked); its own message.
    Refused(String),
}

/// Handle to browser storage, created once at start-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Store {
    available: bool,
    read_only: bool,
}

impl Store {
    /// Probe localStorage without panicking.
    pub fn open() -> Self {
        Self {
            available: raw_storage().is_some(),
            read_only: false,
        }
    }

    /// A store that never persists, for when the caller knows storage must not be used.
    pub fn memory_only() -> Self {
        Self {
            available: false,
            read_only: false,
        }
    }

    pub fn is_available(&self) -> bool {
        self.available
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Read and validate the stored dataset.
    pub fn load(&mut self) -> LoadOutcome {
        let Some(storage) = self.available.then(raw_storage).flatten() else {
            return LoadOutcome::Unavailable;
        };
        let raw = match storage.get_item(DATA_KEY) {
            Ok(Some(raw)) => raw,
            Ok(None) => return LoadOutcome::Empty,
            Err(_) => {
                self.available = false;
                return LoadOutcome::Unavailable;
            }
        };
        match transfer::import_json(&raw) {
            Ok(data) => LoadOutcome::Loaded(data),
            Err(e) if e.kind == ImportErrorKind::NewerVersion => {
                self.read_only = true;
                LoadOutcome::Newer
            }
            Err(e) => {
                let key = format!("{QUARANTINE_PREFIX}{}", js_sys::Date::now() as u64);
                let quarantine_key = match storage.set_item(&key, &raw) {
                    Ok(()) => Some(key),
                    Err(_) => {
                        // Could not set the damaged value aside: never overwrite it.
                        self.read_only = true;
                        None
                    }
                };
                LoadOutcome::Corrupt {
                    quarantine_key,
                    problems: e.problems,
                }
            }
        }
    }

    /// Write the whole dataset. On failure nothing stored changes (localStorage writes
    /// are atomic per key) and the caller keeps the data in memory.
    pub fn save(&self, data: &Dataset) -> Result<(), SaveError> {
        if !self.available {
            return Err(SaveError::Unavailable);
        }
        if self.read_only {
            return Err(SaveError::ReadOnly);
        }
        LocalStorage::set(DATA_KEY, transfer::data_file(data, ""))
            .map_err(|e| SaveError::Refused(e.to_string()))
    }

    /// The remembered language, if any.
    pub fn load_lang(&self) -> Option<Lang> {
        if !self.available {
            return None;
        }
        LocalStorage::get::<Lang>(LANG_KEY).ok()
    }

    pub fn save_lang(&self, lang: Lang) -> Result<(), SaveError> {
        if !self.available {
            return Err(SaveError::Unavailable);
        }
        LocalStorage::set(LANG_KEY, lang).map_err(|e| SaveError::Refused(e.to_string()))
    }
}

impl Store {
    /// The remembered matching weights, if any (invalid values are ignored).
    pub fn load_weights(&self) -> Option<Weights> {
        if !self.available {
            return None;
        }
        LocalStorage::get::<Weights>(WEIGHTS_KEY).ok().filter(|w| {
            crate::matching::CriterionKind::ALL
                .iter()
                .all(|k| w.get(*k).is_finite())
        })
    }

    pub fn save_weights(&self, weights: &Weights) -> Result<(), SaveError> {
        if !self.available {
            return Err(SaveError::Unavailable);
        }
        LocalStorage::set(WEIGHTS_KEY, weights).map_err(|e| SaveError::Refused(e.to_string()))
    }
}

/// localStorage if this browsing context may use it. Accessing `window.localStorage`
/// throws in some privacy modes; `local_storage()` turns that into `Err`.
fn raw_storage() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    // Some browsers hand out an object whose every call throws; make one harmless read.
    storage.length().ok()?;
    Some(storage)
}
