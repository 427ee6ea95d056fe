//! Application state shared by the views: the dataset, the language, the current page and
//! the banners. Views read it through [`use_app`] and change it through its methods.

use leptos::prelude::*;

use std::sync::Arc;

use crate::i18n::{Lang, Msg};
use crate::matching::{Catalogue, ProspectProfile, Weights};
use crate::merge::merge_datasets;
use crate::model::{Change, Dataset, Text};
use crate::storage::{Commit, SaveError, Store};

/// The prepared zone catalogue, shared; equal only to itself, so a memo of it notifies
/// exactly when it was rebuilt.
#[derive(Clone)]
pub struct SharedCatalogue(pub Arc<Catalogue>);

impl PartialEq for SharedCatalogue {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Prepared prospect profiles, shared (see [`SharedCatalogue`]).
#[derive(Clone)]
pub struct SharedProfiles(pub Arc<Vec<ProspectProfile>>);

impl PartialEq for SharedProfiles {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

pub use super::routes::Page;

/// The national zone catalogue (reference data), fetched after the first screen.
#[derive(Clone, Default)]
pub enum National {
    /// Not arrived yet: the app works on the profiles alone and says the list is loading.
    #[default]
    Loading,
    Ready(Arc<crate::national::NationalCatalogue>),
    /// Could not be fetched or read (never cached, damaged): the profiles still work.
    Failed,
}

impl PartialEq for National {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (National::Ready(a), National::Ready(b)) => Arc::ptr_eq(a, b),
            (National::Loading, National::Loading) | (National::Failed, National::Failed) => true,
            _ => false,
        }
    }
}

impl National {
    pub fn get(&self) -> Option<&crate::national::NationalCatalogue> {
        match self {
            National::Ready(c) => Some(c),
            _ => None,
        }
    }
}

/// Zones shared between memos (see [`SharedCatalogue`]).
#[derive(Clone, Default)]
pub struct SharedZones(pub Arc<Vec<crate::model::Zone>>);

impl PartialEq for SharedZones {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A banner about storage, shown until dismissed (or for as long as it holds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    StorageUnavailable,
    StorageCorrupt,
    StorageSalvaged,
    StorageRestoredBackup,
    StorageNewer,
    SaveFailed,
    QuotaFull,
    /// Another tab's changes were merged into this one.
    MergedFromOtherTab,
    /// Both tabs had changed the same records: both edits kept (see `crate::merge`).
    EditedInTwoTabs,
    /// A new version of the app is ready; it is used after a reload the user chooses.
    UpdateReady,
}

impl Notice {
    pub fn message(self) -> Msg {
        match self {
            Notice::StorageUnavailable => Msg::StorageUnavailable,
            Notice::StorageCorrupt => Msg::StorageCorrupt,
            Notice::StorageSalvaged => Msg::StorageSalvaged,
            Notice::StorageRestoredBackup => Msg::StorageRestoredBackup,
            Notice::StorageNewer => Msg::StorageNewer,
            Notice::SaveFailed => Msg::SaveFailed,
            Notice::QuotaFull => Msg::QuotaFull,
            Notice::MergedFromOtherTab => Msg::MergedFromOtherTab,
            Notice::EditedInTwoTabs => Msg::EditedInTwoTabs,
            Notice::UpdateReady => Msg::UpdateReady,
        }
    }

    /// Whether the banner offers an immediate export (the data is only in memory).
    pub fn offers_export(self) -> bool {
        matches!(
            self,
            Notice::StorageUnavailable
                | Notice::SaveFailed
                | Notice::QuotaFull
                | Notice::StorageNewer
        )
    }
}

/// An action that replaced or deleted user data, offered for undo: "done" message, and
/// the data before and after it.
#[derive(Clone)]
pub struct UndoOffer {
    pub message: Text,
    /// Save counter of the generation the action's save moved to the backup: the undo
    /// reads it back from storage while the backup still holds it.
    pub before_revision: Option<u64>,
    /// The same generation in memory, for when storage no longer holds it (or never did).
    pub before: Arc<Dataset>,
    pub after: Arc<Dataset>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub data: RwSignal<Dataset>,
    pub lang: RwSignal<Lang>,
    /// The screen the URL shows.
    pub page: Memo<Page>,
    /// Moves the browser to a path of the app (a history entry; see [`Page::path`]).
    pub navigate: StoredValue<Box<dyn Fn(&str, bool)>, LocalStorage>,
    pub notices: RwSignal<Vec<Notice>>,
    pub store: StoredValue<Store>,
    pub weights: RwSignal<Weights>,
    /// The national zone catalogue, once fetched.
    pub national: RwSignal<National>,
    /// Which zones prospects are ranked against (remembered on the device).
    pub scope: RwSignal<crate::national::Scope>,
    /// Catalogue entries no profile is linked to, as zones (empty until it arrives).
    pub reference_zones: Memo<SharedZones>,
    /// The profiles prepared for ranking (best zones, brief, compare, report). Rebuilt
    /// only when the zones change, not per keystroke.
    pub catalogue: Memo<SharedCatalogue>,
    /// The zones in [`AppState::scope`] prepared for ranking one prospect live (the
    /// profiles, when the scope is the profiles or the catalogue has not arrived).
    pub scoped_catalogue: Memo<SharedCatalogue>,
    /// Rebuilt only when the prospects change.
    pub profiles: Memo<SharedProfiles>,
    /// Each prospect's best zone and score, same order as the prospects (for the pipeline
    /// list and the ledger); computed when first read.
    pub best_zones: Memo<Vec<Option<crate::report::BestZone>>>,
    /// Whether the browser granted persistent storage (None until it answers).
    pub persisted: RwSignal<Option<bool>>,
    /// The last action that replaced or deleted data, until undone or dismissed.
    pub undo: RwSignal<Option<UndoOffer>>,
    /// Visitor mode: the tablet is turned towards a visitor. Only code names are shown;
    /// notes, the prospect list and the data screen are hidden. Stays on (across reloads)
    /// until the recruiter switches it off.
    pub visitor: RwSignal<bool>,
    /// The app's own screens visited in this tab, oldest first (paths with their query),
    /// so an in-app Back button knows whether the screen before is the app's.
    pub trail: StoredValue<Vec<String>>,
    /// In visitor mode, the prospects the visitor may see: the one open when the mode was
    /// switched on, and those captured since. Any other prospect's screens are hidden.
    pub visitor_allowed: RwSignal<Vec<String>>,
}

/// How a prospect is named on screen: in visitor mode only its code name (代号), or
/// "Prospect" with the end of its id when it has none; otherwise its real name, with the
/// code name after it.
pub fn prospect_label(p: &crate::model::Prospect, visitor: bool, lang: Lang) -> String {
    let code = p.code_name.trim();
    let anonymous = || {
        let tail: String =
            p.id.chars()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
        format!("{} {tail}", Msg::ProspectWord.text(lang))
    };
    match (visitor, code.is_empty(), p.name.trim().is_empty()) {
        (true, true, _) => anonymous(),
        (true, false, _) => code.to_string(),
        (false, true, false) => p.name.trim().to_string(),
        (false, false, false) => format!("{} ({code})", p.name.trim()),
        (false, false, true) => code.to_string(),
        (false, true, true) => anonymous(),
    }
}

impl AppState {
    /// The zone with this id: a profile, else a catalogue entry (reference data).
    pub fn zone(&self, id: &str) -> Option<crate::model::Zone> {
        self.data.with(|d| d.zone(id).cloned()).or_else(|| {
            self.reference_zones
                .with(|r| r.0.iter().find(|z| z.id == id).cloned())
        })
    }

    /// Whether the prospect `id` may be shown now (always, outside visitor mode).
    pub fn may_show_prospect(&self, id: &str) -> bool {
        !self.visitor.get() || self.visitor_allowed.with(|a| a.iter().any(|x| x == id))
    }

    /// Switch visitor mode on (allowing the prospect on screen, if any) or, after the
    /// recruiter confirms, off.
    pub fn toggle_visitor(&self) {
        if self.visitor.get_untracked() {
            let ask = Msg::LeaveVisitorModeAsk.text(self.lang.get_untracked());
            let ok = web_sys::window()
                .and_then(|w| w.confirm_with_message(ask).ok())
                .unwrap_or(false);
            if ok {
                self.visitor.set(false);
                self.visitor_allowed.set(Vec::new());
            }
        } else {
            let shown = match self.page.get_untracked() {
                Page::Prospect(id) | Page::Brief(id) => vec![id],
                _ => Vec::new(),
            };
            // What the last action undoes names real records: not for the visitor.
            self.undo.set(None);
            self.visitor_allowed.set(shown);
            self.visitor.set(true);
        }
    }

    /// Show `page`: a new history entry, so the back button returns here.
    pub fn go(&self, page: Page) {
        self.go_to(&page.path());
    }

    /// Go to an app path with its query (`/compare?zones=a,b`), as a new history entry.
    pub fn go_to(&self, path: &str) {
        self.navigate.with_value(|n| n(path, false));
    }

    /// Replace the current URL (a search typed in a list): no new history entry.
    pub fn replace_url(&self, path: &str) {
        self.navigate.with_value(|n| n(path, true));
    }

    /// Apply an edit and save it at once. If another tab saved in between, both tabs'
    /// edits are merged and the result shown here.
    pub fn apply(&self, change: Change) {
        self.data.update(|d| d.apply(&change));
        self.save();
    }

    /// Apply an edit that replaces or deletes data (the user has confirmed it), and offer
    /// to undo it with `done` as the outcome message.
    pub fn apply_undoable(&self, change: Change, done: Text) {
        let before = self.data.get_untracked();
        // What the action alone did (not what a merge with another tab added to it).
        let mut after = before.clone();
        after.apply(&change);
        self.data.update(|d| d.apply(&change));
        let before_revision = self.save().and_then(|c| c.backup_revision);
        self.undo.set(Some(UndoOffer {
            message: done,
            before_revision,
            before: Arc::new(before),
            after: Arc::new(after),
        }));
    }

    /// Undo the offered action: what it changed goes back to the previous generation
    /// (read from storage's backup while it holds it), and every edit made since, here or
    /// in another tab, is kept (a three-way merge with the action's result as ancestor).
    pub fn undo_last(&self) {
        let Some(offer) = self.undo.get_untracked() else {
            return;
        };
        let before = offer
            .before_revision
            .and_then(|r| self.store.with_value(|s| s.previous_generation(r)))
            .unwrap_or_else(|| (*offer.before).clone());
        let reverted = self
            .data
            .with_untracked(|current| merge_datasets(&offer.after, &before, current).0);
        self.data.set(reverted);
        self.save();
        self.undo.set(None);
    }

    /// Save the data as it is now; show what another tab's save merged in.
    fn save(&self) -> Option<Commit> {
        let commit = self
            .store
            .try_update_value(|s| self.data.with_untracked(|d| s.commit(d)))?;
        if let Some(merged) = &commit.merged {
            self.data.set(merged.data.clone());
            self.notify(Notice::MergedFromOtherTab);
            if !merged.notes.is_empty() {
                self.notify(Notice::EditedInTwoTabs);
            }
        }
        match &commit.saved {
            Ok(()) => {
                // Saved: earlier save failures are resolved.
                self.dismiss(Notice::SaveFailed);
                self.dismiss(Notice::QuotaFull);
            }
            Err(e) => self.on_save_error(e.clone()),
        }
        Some(commit)
    }

    fn on_save_error(&self, e: SaveError) {
        match e {
            SaveError::QuotaFull => self.notify(Notice::QuotaFull),
            SaveError::NewerElsewhere => self.notify(Notice::StorageNewer),
            SaveError::Refused(_) => self.notify(Notice::SaveFailed),
            // Already announced by a permanent banner.
            SaveError::Unavailable | SaveError::ReadOnly => {}
        }
    }

    pub fn notify(&self, n: Notice) {
        self.notices.update(|list| {
            if !list.contains(&n) {
                list.push(n);
            }
        });
    }

    pub fn dismiss(&self, n: Notice) {
        self.notices.update(|list| list.retain(|x| *x != n));
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// A reactive translation of `m` in the current language.
pub fn tr(m: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_app().lang;
    move || m.text(lang.get())
}
