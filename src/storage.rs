//! The one module that touches browser storage. Nothing else reads or writes it.
//!
//! - Reads are untrusted: a stored value that does not validate is copied aside under a
//!   quarantine key (never deleted) and the app starts from demo data; a value written by
//!   a newer app version is left untouched and this tab goes read-only.
//! - Every edit is a [`Change`] committed at once (iOS never fires `beforeunload`). The
//!   stored value carries a save counter: when another tab saved since this tab last
//!   read, the change is replayed on top of that tab's data instead of overwriting it.
//! - The previous generation is kept under [`BACKUP_KEY`] before every overwrite.
//! - A full quota is recognised in every spelling ([`crate::quota`]); nothing stored
//!   changes (a localStorage write is all or nothing) and the data stays in memory.
//!
//! gloo-storage's `LocalStorage::raw()` panics when storage is unavailable (private mode,
//! blocked cookies), so every use is guarded by [`Store::open`]'s probe.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

use crate::forms::ProspectDraft;
use crate::i18n::Lang;
use crate::matching::Weights;
use crate::model::{Change, Dataset, Text};
use crate::quota::is_quota_exceeded;
use crate::transfer::{self, ImportErrorKind};

/// Key of the dataset (zones and prospects).
pub const DATA_KEY: &str = "zonematch.data";
/// The generation before the last save (or before a migration).
pub const BACKUP_KEY: &str = "zonematch.data.previous";
/// Key of the chosen language.
pub const LANG_KEY: &str = "zonematch.lang";
/// Key of the matching weights chosen on this device.
pub const WEIGHTS_KEY: &str = "zonematch.weights";
/// The capture form as typed, so a reload or an update does not lose it.
pub const DRAFT_KEY: &str = "zonematch.draft";
/// Prefix of keys holding stored values that failed validation.
pub const QUARANTINE_PREFIX: &str = "zonematch.quarantine.";

/// What was found in storage.
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
    /// The stored value did not validate as a whole: it was quarantined, and every record
    /// valid on its own was kept (`dropped` were not).
    Salvaged {
        data: Dataset,
        dropped: usize,
        quarantine_key: String,
    },
    /// The stored value was unreadable: it was quarantined and the previous generation
    /// (the backup) was loaded instead.
    RestoredBackup {
        data: Dataset,
        quarantine_key: String,
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
    /// The browser's storage quota is full.
    QuotaFull,
    /// Another tab saved data this tab cannot read (newer app version); nothing written.
    NewerElsewhere,
    /// Any other refusal, with the browser's message.
    Refused(String),
}

/// Handle to browser storage, created once at start-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Store {
    available: bool,
    read_only: bool,
    /// Save counter of the stored value this tab last read or wrote.
    known_revision: u64,
}

impl Store {
    /// Probe localStorage without panicking.
    pub fn open() -> Self {
        Self {
            available: raw_storage().is_some(),
            read_only: false,
            known_revision: 0,
        }
    }

    pub fn is_available(&self) -> bool {
        self.available
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn known_revision(&self) -> u64 {
        self.known_revision
    }

    /// Read and validate the stored dataset.
    pub fn load(&mut self) -> LoadOutcome {
        let Some(storage) = self.storage() else {
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
        match transfer::load_stored(&raw) {
            Ok(data) => {
                self.known_revision = transfer::stored_revision(&raw);
                LoadOutcome::Loaded(data)
            }
            Err(e) if e.kind == ImportErrorKind::NewerVersion => {
                self.read_only = true;
                LoadOutcome::Newer
            }
            Err(e) => {
                let key = format!("{QUARANTINE_PREFIX}{}", js_sys::Date::now() as u64);
                if storage.set_item(&key, &raw).is_err() {
                    // Could not set the damaged value aside: never overwrite it.
                    self.read_only = true;
                    return LoadOutcome::Corrupt {
                        quarantine_key: None,
                        problems: e.problems,
                    };
                }
                self.known_revision = transfer::stored_revision(&raw);
                // Start with what is valid: the valid records of the damaged value, or
                // else the previous generation.
                if let Some((data, dropped)) = transfer::salvage(&raw) {
                    return LoadOutcome::Salvaged {
                        data,
                        dropped,
                        quarantine_key: key,
                    };
                }
                let backup = storage.get_item(BACKUP_KEY).ok().flatten();
                if let Some(data) = backup.and_then(|b| transfer::load_stored(&b).ok()) {
                    return LoadOutcome::RestoredBackup {
                        data,
                        quarantine_key: key,
                    };
                }
                LoadOutcome::Corrupt {
                    quarantine_key: Some(key),
                    problems: e.problems,
                }
            }
        }
    }

    /// Save after `change`, already applied to `current`. When another tab saved since
    /// this tab last read, `change` is replayed on that tab's data and the result returned
    /// (`Ok(Some(merged))`) for the caller to show; otherwise `Ok(None)`.
    pub fn commit(
        &mut self,
        change: &Change,
        current: &Dataset,
    ) -> Result<Option<Dataset>, SaveError> {
        if !self.available {
            return Err(SaveError::Unavailable);
        }
        if self.read_only {
            return Err(SaveError::ReadOnly);
        }
        let storage = self.storage().ok_or(SaveError::Unavailable)?;
        let stored = storage.get_item(DATA_KEY).map_err(|e| refused(&e))?;
        let stored_revision = stored
            .as_deref()
            .map(transfer::stored_revision)
            .unwrap_or(0);
        let mut merged = None;
        if let Some(raw) = &stored {
            if stored_revision > self.known_revision {
                match transfer::load_stored(raw) {
                    Ok(mut theirs) => {
                        theirs.apply(change);
                        merged = Some(theirs);
                    }
                    Err(e) if e.kind == ImportErrorKind::NewerVersion => {
                        self.read_only = true;
                        return Err(SaveError::NewerElsewhere);
                    }
                    // Damaged meanwhile: ours is the best copy; the damaged one becomes the
                    // backup below, so it is not lost either.
                    Err(_) => {}
                }
            }
        }
        let data = merged.as_ref().unwrap_or(current);
        let revision = stored_revision.max(self.known_revision) + 1;
        let encoded = transfer::encode_stored(data, revision);
        if let Some(previous) = &stored {
            // Best effort: if the quota cannot hold a backup, the new value (a superset of
            // the old) is still written below.
            let _ = storage.set_item(BACKUP_KEY, previous);
        }
        if let Err(e) = storage.set_item(DATA_KEY, &encoded) {
            if stored.is_some() {
                // Free the backup's space and try once more before giving up.
                let _ = storage.remove_item(BACKUP_KEY);
                if storage.set_item(DATA_KEY, &encoded).is_ok() {
                    self.known_revision = revision;
                    return Ok(merged);
                }
            }
            return Err(classify(&e));
        }
        self.known_revision = revision;
        Ok(merged)
    }

    /// Called when another tab changed the stored data: the newer dataset to show, if the
    /// stored value is newer than what this tab knows and valid.
    pub fn reload_if_newer(&mut self) -> Result<Option<Dataset>, SaveError> {
        let Some(storage) = self.storage() else {
            return Ok(None);
        };
        let Ok(Some(raw)) = storage.get_item(DATA_KEY) else {
            return Ok(None);
        };
        let revision = transfer::stored_revision(&raw);
        if revision <= self.known_revision {
            return Ok(None);
        }
        match transfer::load_stored(&raw) {
            Ok(data) => {
                self.known_revision = revision;
                Ok(Some(data))
            }
            Err(e) if e.kind == ImportErrorKind::NewerVersion => {
                self.read_only = true;
                Err(SaveError::NewerElsewhere)
            }
            Err(_) => Ok(None),
        }
    }

    /// Quarantined values: (key, raw text), for download from the data screen.
    pub fn quarantined(&self) -> Vec<(String, String)> {
        let Some(storage) = self.storage() else {
            return Vec::new();
        };
        let n = storage.length().unwrap_or(0);
        let mut out: Vec<(String, String)> = (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .filter_map(|k| storage.get_item(&k).ok().flatten().map(|v| (k, v)))
            .collect();
        out.sort();
        out
    }

    /// The remembered language, if any (anything unreadable is ignored).
    pub fn load_lang(&self) -> Option<Lang> {
        self.storage()?;
        LocalStorage::get::<Lang>(LANG_KEY).ok()
    }

    pub fn save_lang(&self, lang: Lang) -> Result<(), SaveError> {
        self.storage().ok_or(SaveError::Unavailable)?;
        LocalStorage::set(LANG_KEY, lang).map_err(|e| SaveError::Refused(e.to_string()))
    }

    /// The remembered matching weights, if any (invalid values are ignored).
    pub fn load_weights(&self) -> Option<Weights> {
        self.storage()?;
        LocalStorage::get::<Weights>(WEIGHTS_KEY).ok().filter(|w| {
            crate::matching::CriterionKind::ALL
                .iter()
                .all(|k| w.get(*k).is_finite())
        })
    }

    pub fn save_weights(&self, weights: &Weights) -> Result<(), SaveError> {
        self.storage().ok_or(SaveError::Unavailable)?;
        LocalStorage::set(WEIGHTS_KEY, weights).map_err(|e| SaveError::Refused(e.to_string()))
    }

    /// The capture form as last typed, if any.
    pub fn load_draft(&self) -> Option<ProspectDraft> {
        self.storage()?;
        LocalStorage::get::<ProspectDraft>(DRAFT_KEY).ok()
    }

    /// Keep the capture form as typed (`None` clears it after a save).
    pub fn save_draft(&self, draft: Option<&ProspectDraft>) {
        if self.storage().is_none() {
            return;
        }
        match draft {
            Some(d) => {
                let _ = LocalStorage::set(DRAFT_KEY, d);
            }
            None => LocalStorage::delete(DRAFT_KEY),
        }
    }

    /// localStorage, when this store may use it (the gloo-storage calls above rely on it).
    fn storage(&self) -> Option<web_sys::Storage> {
        if self.available {
            raw_storage()
        } else {
            None
        }
    }
}

fn refused(e: &JsValue) -> SaveError {
    SaveError::Refused(format!("{e:?}"))
}

/// A failed write as a [`SaveError`], recognising a full quota in every spelling.
fn classify(e: &JsValue) -> SaveError {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        if is_quota_exceeded(&ex.name(), ex.code()) {
            return SaveError::QuotaFull;
        }
        return SaveError::Refused(format!("{}: {}", ex.name(), ex.message()));
    }
    // Some engines throw plain objects with name/code fields.
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let code = js_sys::Reflect::get(e, &"code".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as u16;
    if is_quota_exceeded(&name, code) {
        SaveError::QuotaFull
    } else {
        refused(e)
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
