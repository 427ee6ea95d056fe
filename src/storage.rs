//! The one module that touches browser storage. Nothing else reads or writes it.
//!
//! - Reads are untrusted: a stored value that does not validate is copied aside under a
//!   quarantine key (never deleted) and the app starts from demo data; a value written by
//!   a newer app version is left untouched and this tab goes read-only.
//! - Every edit is committed at once (iOS never fires `beforeunload`). The stored value
//!   carries a save counter: when another tab saved since this tab last read, this tab's
//!   data and that tab's are merged three ways against the generation both started from
//!   ([`crate::merge`]) instead of one overwriting the other.
//! - Edits that could not be saved (quota full) stay in memory, marked unsaved; when
//!   another tab saves meanwhile they are merged onto its data, never dropped.
//! - The previous generation is kept under [`BACKUP_KEY`] before every overwrite; a save
//!   that fails leaves both the stored value and the backup exactly as they were.
//! - A full quota is recognised in every spelling ([`crate::quota`]); nothing stored
//!   changes (a localStorage write is all or nothing) and the data stays in memory.
//!
//! gloo-storage's `LocalStorage::raw()` panics when storage is unavailable (private mode,
//! blocked cookies), so every use is guarded by [`Store::open`]'s probe, which also
//! writes and removes a small value: old Safari's private mode reads fine and refuses
//! every write.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

use crate::forms::ProspectDraft;
use crate::i18n::Lang;
use crate::matching::Weights;
use crate::merge::{merge_datasets, MergeNote};
use crate::model::{Dataset, Text};
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
/// Which zones prospects are ranked against ([`crate::national::Scope::key`]).
pub const SCOPE_KEY: &str = "zonematch.scope";
/// Column mappings confirmed on import, by header set ([`crate::table_import::mapping_key`]):
/// a JSON object of key → [target, choice per column], at most [`MAX_MAPPINGS`].
pub const MAPPINGS_KEY: &str = "zonematch.mappings";
/// Most remembered mappings (the oldest goes first).
pub const MAX_MAPPINGS: usize = 40;
/// The capture form as typed, so a reload or an update does not lose it.
pub const DRAFT_KEY: &str = "zonematch.draft";
/// Visitor mode (the tablet is turned towards a visitor): absent when off; when on, "1"
/// and then one line per prospect id the visitor may see.
pub const VISITOR_KEY: &str = "zonematch.visitor";
/// Prefix of keys holding stored values that failed validation.
pub const QUARANTINE_PREFIX: &str = "zonematch.quarantine.";
/// Prefix of keys holding another tab's version of a record whose field lost a conflict
/// to this tab's edit (see [`crate::merge`]).
pub const SET_ASIDE_PREFIX: &str = "zonematch.setaside.";
/// Written and removed at start to learn whether this browser keeps anything.
const PROBE_KEY: &str = "zonematch.probe";
/// The team sync server of this device (three lines: URL, user, password; see
/// [`crate::team_docs::TeamServer`]). Never exported.
pub const TEAM_SERVER_KEY: &str = "zonematch.sync";

/// What the start-up probe found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Probe {
    /// localStorage reads and writes.
    Writable,
    /// Writing failed while nothing is stored: this browser keeps no data (private
    /// browsing, or storage blocked by the user or a policy). The store runs in memory.
    NotKept,
    /// Writing failed with a full quota while data is stored: the data is read, and
    /// saves will fail until space is freed.
    QuotaFull,
    /// localStorage cannot be reached at all.
    Unavailable,
}

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

/// Another tab's save merged with this tab's data.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The data to show now.
    pub data: Dataset,
    /// Records both tabs touched, and what became of them.
    pub notes: Vec<MergeNote>,
}

/// What a commit did.
#[derive(Clone, Debug, PartialEq)]
pub struct Commit {
    /// Set when another tab had saved: the merged data to show instead of this tab's.
    pub merged: Option<Merged>,
    /// Whether the data (merged or not) is now stored.
    pub saved: Result<(), SaveError>,
    /// Save counter of the generation this save moved to [`BACKUP_KEY`], if it did.
    pub backup_revision: Option<u64>,
}

/// Handle to browser storage, created once at start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    available: bool,
    read_only: bool,
    probe: Probe,
    /// Save counter of the stored value this tab last read or wrote.
    known_revision: u64,
    /// The dataset of that stored value (or what this tab started from): the common
    /// ancestor for a three-way merge with another tab's save.
    base: Dataset,
    /// This tab holds changes that are not stored yet (a save failed).
    unsaved: bool,
}

/// A remembered setting stored as JSON, `None` when absent or unreadable. Read through
/// `serde_json::Value`, as the stored data are: reading each type straight from text
/// compiled a JSON reader per type into the wasm.
fn read_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let value: serde_json::Value = LocalStorage::get(key).ok()?;
    T::deserialize(&value).ok()
}

impl Store {
    /// Probe localStorage without panicking: reach it, then write and remove a small
    /// value (see [`Probe`]).
    pub fn open() -> Self {
        let probe = match raw_storage() {
            None => Probe::Unavailable,
            Some(storage) => match storage.set_item(PROBE_KEY, "1") {
                Ok(()) => {
                    let _ = storage.remove_item(PROBE_KEY);
                    Probe::Writable
                }
                Err(e) => {
                    let has_data = storage.get_item(DATA_KEY).ok().flatten().is_some();
                    match (has_data, classify(&e)) {
                        (true, SaveError::QuotaFull) => Probe::QuotaFull,
                        // Stored data that can be read is shown; saves will report.
                        (true, _) => Probe::Writable,
                        (false, _) => Probe::NotKept,
                    }
                }
            },
        };
        Self {
            available: matches!(probe, Probe::Writable | Probe::QuotaFull),
            read_only: false,
            probe,
            known_revision: 0,
            base: Dataset::default(),
            unsaved: false,
        }
    }

    /// What the start-up probe found.
    pub fn probe(&self) -> Probe {
        self.probe
    }

    pub fn is_available(&self) -> bool {
        self.available
    }

    /// Whether this tab holds changes not yet stored.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved
    }

    /// Take `data` as what this tab starts from (after [`Store::load`], or the demo data
    /// on a first visit): the ancestor of the next merge.
    pub fn adopt(&mut self, data: &Dataset) {
        self.base = data.clone();
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
                self.base = data.clone();
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
                    self.base = data.clone();
                    return LoadOutcome::Salvaged {
                        data,
                        dropped,
                        quarantine_key: key,
                    };
                }
                let backup = storage.get_item(BACKUP_KEY).ok().flatten();
                if let Some(data) = backup.and_then(|b| transfer::load_stored(&b).ok()) {
                    self.base = data.clone();
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

    /// Save `current` (this tab's data, every edit already applied). When another tab
    /// saved since this tab last read, the two are merged three ways (see
    /// [`crate::merge`]) and the merge is saved and returned for the caller to show;
    /// records of the other tab that lost a field conflict are set aside under
    /// [`SET_ASIDE_PREFIX`]. When the save fails, storage is left exactly as it was and
    /// this tab's data stays marked unsaved.
    pub fn commit(&mut self, current: &Dataset) -> Commit {
        let mut commit = Commit {
            merged: None,
            saved: Ok(()),
            backup_revision: None,
        };
        if !self.available {
            self.unsaved = true;
            commit.saved = Err(SaveError::Unavailable);
            return commit;
        }
        if self.read_only {
            commit.saved = Err(SaveError::ReadOnly);
            return commit;
        }
        let Some(storage) = self.storage() else {
            self.unsaved = true;
            commit.saved = Err(SaveError::Unavailable);
            return commit;
        };
        let stored = match storage.get_item(DATA_KEY) {
            Ok(v) => v,
            Err(e) => {
                self.unsaved = true;
                commit.saved = Err(refused(&e));
                return commit;
            }
        };
        let stored_revision = stored
            .as_deref()
            .map(transfer::stored_revision)
            .unwrap_or(0);
        if let Some(raw) = &stored {
            if stored_revision > self.known_revision {
                match transfer::load_stored(raw) {
                    Ok(theirs) => {
                        let merged = self.merge_in(current, theirs, stored_revision);
                        commit.merged = Some(merged);
                    }
                    Err(e) if e.kind == ImportErrorKind::NewerVersion => {
                        self.read_only = true;
                        self.unsaved = true;
                        commit.saved = Err(SaveError::NewerElsewhere);
                        return commit;
                    }
                    // Damaged meanwhile: ours is the best copy; the damaged one becomes the
                    // backup below, so it is not lost either.
                    Err(_) => {}
                }
            }
        }
        let data = commit.merged.as_ref().map_or(current, |m| &m.data);
        let revision = stored_revision.max(self.known_revision) + 1;
        let encoded = transfer::encode_stored(data, revision);
        match write_keeping_backup(&storage, stored.as_deref(), &encoded) {
            Ok(backed_up) => {
                self.known_revision = revision;
                self.base = data.clone();
                self.unsaved = false;
                commit.backup_revision = backed_up.then_some(stored_revision);
            }
            Err(e) => {
                self.unsaved = true;
                commit.saved = Err(e);
            }
        }
        commit
    }

    /// Merge another tab's stored data (`theirs`, at `revision`) with this tab's
    /// `current`, and take it as the new ancestor. Set-aside versions are written out.
    fn merge_in(&mut self, current: &Dataset, theirs: Dataset, revision: u64) -> Merged {
        let (data, notes) = merge_datasets(&self.base, current, &theirs);
        self.base = theirs;
        self.known_revision = revision;
        self.set_aside(&notes);
        Merged { data, notes }
    }

    /// Keep the other tab's version of each record that lost a field conflict (best
    /// effort: with a full quota it stays only in the merge notes shown to the user).
    fn set_aside(&self, notes: &[MergeNote]) {
        let Some(storage) = self.storage() else {
            return;
        };
        let now = js_sys::Date::now() as u64;
        for (i, note) in notes.iter().enumerate() {
            if let Some(record) = &note.set_aside {
                let kind = match note.kind {
                    crate::merge::RecordKind::Zone => "zone",
                    crate::merge::RecordKind::Prospect => "prospect",
                };
                let value = serde_json::json!({ "kind": kind, "id": note.id, "record": record });
                let _ = storage.set_item(
                    &format!("{SET_ASIDE_PREFIX}{now}-{i}"),
                    &serde_json::to_string(&value).unwrap_or_default(),
                );
            }
        }
    }

    /// Called when another tab changed the stored data: the data to show, if the stored
    /// value is newer than what this tab knows and valid. Changes this tab could not save
    /// are merged onto it and stay marked unsaved (the next commit stores them).
    pub fn reload_if_newer(&mut self, current: &Dataset) -> Result<Option<Merged>, SaveError> {
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
            Ok(theirs) if self.unsaved => Ok(Some(self.merge_in(current, theirs, revision))),
            Ok(theirs) => {
                self.known_revision = revision;
                self.base = theirs.clone();
                Ok(Some(Merged {
                    data: theirs,
                    notes: Vec::new(),
                }))
            }
            Err(e) if e.kind == ImportErrorKind::NewerVersion => {
                self.read_only = true;
                Err(SaveError::NewerElsewhere)
            }
            Err(_) => Ok(None),
        }
    }

    /// The generation a save moved to the backup, if the backup still holds it (its save
    /// counter is `revision`): what an undo of that save goes back to.
    pub fn previous_generation(&self, revision: u64) -> Option<Dataset> {
        let raw = self.storage()?.get_item(BACKUP_KEY).ok()??;
        if transfer::stored_revision(&raw) != revision {
            return None;
        }
        transfer::load_stored(&raw).ok()
    }

    /// Values set aside (damaged stored values, and other tabs' versions that lost a
    /// conflict): (key, raw text), for download from the data screen.
    pub fn quarantined(&self) -> Vec<(String, String)> {
        let Some(storage) = self.storage() else {
            return Vec::new();
        };
        let n = storage.length().unwrap_or(0);
        let mut out: Vec<(String, String)> = (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(QUARANTINE_PREFIX) || k.starts_with(SET_ASIDE_PREFIX))
            .filter_map(|k| storage.get_item(&k).ok().flatten().map(|v| (k, v)))
            .collect();
        crate::order::sort_by(&mut out, |a, b| a.cmp(b));
        out
    }

    /// The remembered language, if any (anything unreadable is ignored).
    pub fn load_lang(&self) -> Option<Lang> {
        self.storage()?;
        read_json(LANG_KEY)
    }

    pub fn save_lang(&self, lang: Lang) -> Result<(), SaveError> {
        self.storage().ok_or(SaveError::Unavailable)?;
        LocalStorage::set(LANG_KEY, lang).map_err(|e| SaveError::Refused(e.to_string()))
    }

    /// The remembered ranking scope; anything unreadable is ignored.
    pub fn load_scope(&self) -> Option<crate::national::Scope> {
        let storage = self.storage()?;
        let key = storage.get_item(SCOPE_KEY).ok()??;
        crate::national::Scope::from_key(&key)
    }

    pub fn save_scope(&self, scope: &crate::national::Scope) -> Result<(), SaveError> {
        let storage = self.storage().ok_or(SaveError::Unavailable)?;
        storage
            .set_item(SCOPE_KEY, &scope.key())
            .map_err(|_| SaveError::Refused("scope".into()))
    }

    /// The mapping confirmed for files with the header set `key`, as
    /// [`crate::table_import::Mapping::to_keys`] wrote it; anything unreadable is ignored.
    pub fn load_mapping(&self, key: &str) -> Option<Vec<String>> {
        self.storage()?;
        let all: Vec<(String, Vec<String>)> = read_json(MAPPINGS_KEY)?;
        all.into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Remember a confirmed mapping (the newest last; the oldest dropped past
    /// [`MAX_MAPPINGS`]).
    pub fn save_mapping(&self, key: &str, keys: &[String]) -> Result<(), SaveError> {
        self.storage().ok_or(SaveError::Unavailable)?;
        let mut all: Vec<(String, Vec<String>)> = read_json(MAPPINGS_KEY).unwrap_or_default();
        all.retain(|(k, _)| k != key);
        all.push((key.to_string(), keys.to_vec()));
        if all.len() > MAX_MAPPINGS {
            all.drain(..all.len() - MAX_MAPPINGS);
        }
        LocalStorage::set(MAPPINGS_KEY, &all).map_err(|e| SaveError::Refused(e.to_string()))
    }

    /// Whether visitor mode was left on: it stays on, across reloads, until the recruiter
    /// switches it off.
    /// `Some(ids of the prospects the visitor may see)` when visitor mode is on.
    pub fn load_visitor(&self) -> Option<Vec<String>> {
        let v = self.storage()?.get_item(VISITOR_KEY).ok().flatten()?;
        let mut lines = v.lines();
        (lines.next() == Some("1")).then(|| lines.map(str::to_string).collect())
    }

    /// Remember visitor mode: `Some(ids)` on (with the prospects the visitor may see),
    /// `None` off.
    pub fn save_visitor(&self, on: Option<&[String]>) -> Result<(), SaveError> {
        let s = self.storage().ok_or(SaveError::Unavailable)?;
        let r = match on {
            Some(ids) => {
                let mut v = String::from("1");
                for id in ids {
                    v.push('\n');
                    v.push_str(id);
                }
                s.set_item(VISITOR_KEY, &v)
            }
            None => s.remove_item(VISITOR_KEY),
        };
        r.map_err(|_| SaveError::Refused(VISITOR_KEY.into()))
    }

    /// The remembered matching weights, if any (invalid values are ignored).
    pub fn load_weights(&self) -> Option<Weights> {
        self.storage()?;
        read_json::<Weights>(WEIGHTS_KEY).filter(|w| {
            crate::matching::CriterionKind::ALL
                .iter()
                .all(|k| w.get(*k).is_finite())
        })
    }

    pub fn save_weights(&self, weights: &Weights) -> Result<(), SaveError> {
        self.storage().ok_or(SaveError::Unavailable)?;
        LocalStorage::set(WEIGHTS_KEY, weights).map_err(|e| SaveError::Refused(e.to_string()))
    }

    /// The team sync server this device uses, if one is set (anything unreadable is
    /// ignored: sync stays off).
    pub fn load_team_server(&self) -> Option<crate::team_docs::TeamServer> {
        let text = self.storage()?.get_item(TEAM_SERVER_KEY).ok().flatten()?;
        crate::team_docs::TeamServer::from_lines(&text)
    }

    /// Remember the team sync server (`None`: sync off).
    pub fn save_team_server(
        &self,
        server: Option<&crate::team_docs::TeamServer>,
    ) -> Result<(), SaveError> {
        let s = self.storage().ok_or(SaveError::Unavailable)?;
        let r = match server {
            Some(server) => s.set_item(TEAM_SERVER_KEY, &server.to_lines()),
            None => s.remove_item(TEAM_SERVER_KEY),
        };
        r.map_err(|_| SaveError::Refused(TEAM_SERVER_KEY.into()))
    }

    /// The capture form as last typed, if any.
    pub fn load_draft(&self) -> Option<ProspectDraft> {
        self.storage()?;
        read_json(DRAFT_KEY)
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

/// Write `encoded` under [`DATA_KEY`], first moving `previous` (the stored value) to
/// [`BACKUP_KEY`]. `Ok(true)` when the backup now holds `previous`; `Ok(false)` when the
/// new value could only be written by giving up the backup's space. On failure both keys
/// hold what they held before: a failed save never leaves fewer copies of the last good
/// data.
fn write_keeping_backup(
    storage: &web_sys::Storage,
    previous: Option<&str>,
    encoded: &str,
) -> Result<bool, SaveError> {
    let Some(previous) = previous else {
        return storage
            .set_item(DATA_KEY, encoded)
            .map(|_| false)
            .map_err(|e| classify(&e));
    };
    let old_backup = storage.get_item(BACKUP_KEY).ok().flatten();
    let backed_up = storage.set_item(BACKUP_KEY, previous).is_ok();
    let err = match storage.set_item(DATA_KEY, encoded) {
        Ok(()) => return Ok(backed_up),
        Err(e) => e,
    };
    // Full: the backup's space is the only space that is ours to free. The last good
    // data stays under DATA_KEY throughout (a failed setItem changes nothing).
    let _ = storage.remove_item(BACKUP_KEY);
    if storage.set_item(DATA_KEY, encoded).is_ok() {
        return Ok(false);
    }
    // Not even then: put the backup generation back as it was.
    match &old_backup {
        Some(b) => {
            let _ = storage.set_item(BACKUP_KEY, b);
        }
        None => {
            let _ = storage.remove_item(BACKUP_KEY);
        }
    }
    Err(classify(&err))
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
