//! Team sync (issue 12): the device's zones and prospects kept in step with the team's
//! CouchDB-protocol database, through PouchDB ([`crate::team_sync`]).
//!
//! Off unless a server is set on the Data screen: then PouchDB's script is loaded (after
//! the first screen), the device's database is brought up to date with the app's data,
//! and a live two-way replication with retry runs. The app's data stays saved on the
//! device as before (localStorage), so the app starts and works the same with sync on or
//! off, online or not.
//!
//! - Edits: every save is compared with what the device's database holds
//!   ([`crate::team_docs::writes`]) and the changed records are written to it, one bulk
//!   write; the replication sends them.
//! - Received records are applied as one [`Change::FromTeam`]. A record edited here and
//!   not yet written when a newer version arrives is merged field by field (this device's
//!   edit wins a field both changed); a deletion never removes a record edited here.
//! - Concurrent edits on two devices become a conflict (CouchDB keeps both versions). The
//!   current version is shown; the conflict is listed on the Data screen with a resolve
//!   view proposing a field-by-field merge, and closed (the other versions deleted) when
//!   the user confirms.

use std::cell::RefCell;

use leptos::prelude::*;
use serde_json::Value;

use super::state::{use_app, AppState};
use crate::merge::{as_json, Record, RecordKind};
use crate::model::{Change, Dataset, Prospect, Text, Zone};
use crate::team_docs::{
    body_text, conflict_revs, doc_body_text, doc_id, from_doc, parse_doc_id, propose_merge,
    record_json, rev_number, synced_at, DocError, Incoming, Mirror, TeamServer,
};
use crate::team_sync::{self, Pouch, PouchError, Replication, SyncEvent};
use crate::text::index::QuickMap;

/// What the sync is doing, as the status line says it.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncStatus {
    /// No server set: this device works alone.
    Off,
    /// Loading PouchDB, checking the server, bringing the device's database up to date.
    Connecting,
    /// Sending or receiving.
    Syncing,
    /// Up to date with the server.
    Idle,
    /// The server cannot be reached: changes wait on the device and are sent when it can.
    Offline,
    /// Stopped: the reason (wrong password, no such database, a newer app's data…).
    Error(Text),
}

/// A record with concurrent versions (CouchDB keeps them all until one is chosen).
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub kind: RecordKind,
    pub id: String,
    /// The current (winning) revision, shown everywhere until resolved.
    pub rev: String,
    /// The other versions' revisions.
    pub others: Vec<String>,
}

/// The sync's state for the views (a context, see [`use_team`]).
#[derive(Clone, Copy)]
pub struct TeamSync {
    /// The server set on this device, if any.
    pub server: RwSignal<Option<TeamServer>>,
    pub status: RwSignal<SyncStatus>,
    /// Changes written on this device and not yet sent to the server.
    pub pending: RwSignal<usize>,
    /// Records with concurrent versions, by document order.
    pub conflicts: RwSignal<Vec<Conflict>>,
    /// Documents from the team that this version could not read (newer schema, invalid):
    /// never applied.
    pub skipped: RwSignal<usize>,
}

/// The running connection: PouchDB objects and what the device's database holds.
struct Runtime {
    local: Pouch,
    remote: Pouch,
    replication: Option<Replication>,
    mirror: Mirror,
    /// Documents written here since the server last had everything (a set: a first
    /// write of thousands of records checks each id once).
    pending: QuickMap<String, ()>,
    /// The app's data as of the last writes that all succeeded (see
    /// [`crate::team_docs::writes`]).
    synced: Option<Dataset>,
    /// Documents received and not yet applied: applied together, a moment after the
    /// last batch, so a first sync of thousands is applied (and saved) a few times, not
    /// once per batch of 100.
    inbox: Vec<Value>,
    flush_scheduled: bool,
    /// Between the replication's `active` and `paused`: a transfer is running.
    receiving: bool,
    /// The last failure either direction reported since it last made progress.
    failing: Option<PouchError>,
    /// An error asking again cannot clear (a newer app's records, a denied document):
    /// no recovery is tried until the user connects again.
    sticky: bool,
    /// A write to the device's database is in flight; `dirty`: data changed meanwhile.
    busy: bool,
    dirty: bool,
    /// Which connection this is (events of a cancelled one are ignored).
    generation: u32,
}

thread_local! {
    static RUNTIME: RefCell<Option<Runtime>> = const { RefCell::new(None) };
    static GENERATION: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// A recovery check is scheduled (see `watch_recovery`).
    static RECOVERING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn with_runtime<R>(f: impl FnOnce(&mut Runtime) -> R) -> Option<R> {
    RUNTIME.with(|r| r.borrow_mut().as_mut().map(f))
}

pub fn use_team() -> TeamSync {
    expect_context::<TeamSync>()
}

/// Set up team sync for the app: the context, the effect that writes every saved change
/// to the device's database, and, when a server is set, the connection (after the first
/// screen is drawn).
pub fn provide(state: AppState) {
    let server = state.store.with_value(|s| s.load_team_server());
    let team = TeamSync {
        server: RwSignal::new(server.clone()),
        status: RwSignal::new(SyncStatus::Off),
        pending: RwSignal::new(0),
        conflicts: RwSignal::new(Vec::new()),
        skipped: RwSignal::new(0),
    };
    provide_context(team);
    Effect::new(move |_| {
        state.data.track();
        if RUNTIME.with(|r| r.borrow().is_some()) {
            leptos::task::spawn_local(push(state, team));
        }
    });
    Effect::new(move |_| {
        if matches!(
            team.status.get(),
            SyncStatus::Offline | SyncStatus::Error(_)
        ) {
            watch_recovery(state, team);
        }
    });
    // Received records waiting to be applied are applied when the page is hidden or
    // left (a tablet may close a background tab at any time).
    let _ = window_event_listener_untyped("pagehide", move |_| flush(state, team));
    let _ = window_event_listener_untyped("visibilitychange", move |_| flush(state, team));
    if let Some(server) = server {
        set_timeout(
            move || connect(state, team, server),
            std::time::Duration::from_millis(300),
        );
    }
}

/// Stop syncing (the device's database and the app's data stay as they are).
fn stop() {
    GENERATION.with(|g| g.set(g.get() + 1));
    let old = RUNTIME.with(|r| r.borrow_mut().take());
    if let Some(rep) = old.and_then(|rt| rt.replication) {
        rep.cancel();
    }
}

/// Use `server` from now on (remembered on the device) and connect.
pub fn set_server(state: AppState, team: TeamSync, server: TeamServer) {
    let _ = state
        .store
        .with_value(|s| s.save_team_server(Some(&server)));
    connect(state, team, server);
}

/// Forget the server: sync off.
pub fn switch_off(state: AppState, team: TeamSync) {
    flush(state, team);
    stop();
    let _ = state.store.with_value(|s| s.save_team_server(None));
    team.server.set(None);
    team.status.set(SyncStatus::Off);
    team.pending.set(0);
    team.conflicts.set(Vec::new());
}

fn connect(state: AppState, team: TeamSync, server: TeamServer) {
    // Received records still waiting are applied before the old connection goes.
    flush(state, team);
    stop();
    let generation = GENERATION.with(|g| g.get());
    team.server.set(Some(server.clone()));
    team.status.set(SyncStatus::Connecting);
    leptos::task::spawn_local(async move {
        let current = move || GENERATION.with(|g| g.get()) == generation;
        let fail = move |t: Text| {
            if current() {
                team.status.set(SyncStatus::Error(t))
            }
        };
        if let Err(t) = team_sync::load_script().await {
            return fail(t);
        }
        let (local, remote) = match (team_sync::open_local(), team_sync::open_remote(&server)) {
            (Ok(l), Ok(r)) => (l, r),
            (Err(e), _) | (_, Err(e)) => return fail(e.text()),
        };
        // The device's database is brought up to date first and kept so while the server
        // refuses or cannot be reached: what is deleted or edited here meanwhile is in it
        // when the replication runs (and is not brought back or overwritten by it).
        let mut docs = match team_sync::read(&local, None).await {
            Ok(d) => d,
            Err(e) => return fail(e.text()),
        };
        // Deleted documents are not listed: those of records here are read by id (a
        // deletion received and not yet applied is one of them).
        if !docs.is_empty() {
            let listed: QuickMap<&str, ()> = docs
                .iter()
                .filter_map(|d| d["_id"].as_str())
                .map(|id| (id, ()))
                .collect();
            let unlisted: Vec<String> = state.data.with_untracked(|data| {
                let zones = data.zones.iter().map(|z| doc_id(RecordKind::Zone, &z.id));
                let prospects = data
                    .prospects
                    .iter()
                    .map(|p| doc_id(RecordKind::Prospect, &p.id));
                zones
                    .chain(prospects)
                    .filter(|id| !listed.contains_key(id.as_str()))
                    .collect()
            });
            if !unlisted.is_empty() {
                match team_sync::read(&local, Some(&unlisted)).await {
                    Ok(deleted) => docs.extend(deleted),
                    Err(e) => return fail(e.text()),
                }
            }
        }
        if !current() {
            return;
        }
        RUNTIME.with(|r| {
            *r.borrow_mut() = Some(Runtime {
                local: local.clone(),
                remote: remote.clone(),
                replication: None,
                mirror: Mirror::default(),
                pending: QuickMap::default(),
                synced: None,
                inbox: Vec::new(),
                flush_scheduled: false,
                receiving: false,
                failing: None,
                sticky: false,
                // No write until the device's database has been compared (an edit
                // meanwhile is written after it, by the push below).
                busy: true,
                dirty: false,
                generation,
            })
        });
        let kept = absorb(state, team, &docs, true);
        // Versions received and not yet applied when the page last closed are in the
        // device's database too: they are applied now, not written over.
        let unapplied = unapplied(&local, kept).await;
        if !current() {
            return;
        }
        if !unapplied.is_empty() {
            with_runtime(|rt| {
                for (_, base) in &unapplied {
                    let id = base["_id"].as_str().unwrap_or("");
                    let rev = base["_rev"].as_str().unwrap_or("");
                    rt.mirror
                        .set(id, rev, doc_body_text(base).unwrap_or_default());
                }
            });
            let docs: Vec<Value> = unapplied.into_iter().map(|(doc, _)| doc).collect();
            absorb(state, team, &docs, false);
        }
        with_runtime(|rt| rt.busy = false);
        push(state, team).await;
        let reachable = match team_sync::check(&remote).await {
            Ok(()) => true,
            // Refused: nothing is sent until the user fixes the setting.
            Err(e) if matches!(e.status, 401 | 403 | 404) => return fail(e.text()),
            // Unreachable (offline, server down): the replication retries until the
            // server answers.
            Err(_) => false,
        };
        if !current() {
            return;
        }
        let replication = team_sync::start(&local, &remote, move |event| {
            on_event(state, team, generation, event)
        });
        with_runtime(|rt| rt.replication = Some(replication));
        if !reachable {
            team.status.set(SyncStatus::Offline);
        }
    });
}

fn on_event(state: AppState, team: TeamSync, generation: u32, event: SyncEvent) {
    let current = move || with_runtime(|rt| rt.generation) == Some(generation);
    if !current() {
        return;
    }
    // A refusal or an error stands until the user connects again: no later event of the
    // replication says "synced" over it.
    let standing = move || matches!(team.status.get_untracked(), SyncStatus::Error(_));
    match event {
        SyncEvent::Change { pull: true, ids } => {
            let Some(local) = with_runtime(|rt| {
                rt.failing = None;
                rt.local.clone()
            }) else {
                return;
            };
            leptos::task::spawn_local(async move {
                let docs = team_sync::read(&local, Some(&ids)).await;
                if !current() {
                    return;
                }
                match docs {
                    Ok(docs) => receive(state, team, docs),
                    Err(e) => team.status.set(SyncStatus::Error(e.text())),
                }
            });
        }
        SyncEvent::Change { pull: false, ids } => {
            let left = with_runtime(|rt| {
                rt.failing = None;
                for id in &ids {
                    rt.pending.remove(id);
                }
                rt.pending.len()
            });
            team.pending.set(left.unwrap_or(0));
        }
        SyncEvent::Active => {
            with_runtime(|rt| rt.receiving = true);
            if !standing() {
                team.status.set(SyncStatus::Syncing);
            }
        }
        SyncEvent::Failed { error, .. } => {
            with_runtime(|rt| rt.failing = Some(error));
        }
        // PouchDB's two-way sync pauses without an error when a send or receive failed
        // (it retries later). So the server is asked, and a failure reported by either
        // direction since the last progress is taken into account: only a server that
        // answers, with no failure outstanding, means everything is sent.
        SyncEvent::Paused(None) => {
            let Some(remote) = with_runtime(|rt| {
                rt.receiving = false;
                rt.remote.clone()
            }) else {
                return;
            };
            flush(state, team);
            leptos::task::spawn_local(async move {
                let answer = team_sync::check(&remote).await;
                if !current() || standing() {
                    return;
                }
                let failing = with_runtime(|rt| rt.failing.clone()).flatten();
                match (answer, failing) {
                    (Ok(()), None) => {
                        with_runtime(|rt| rt.pending.clear());
                        team.pending.set(0);
                        team.status.set(SyncStatus::Idle);
                    }
                    // The server answers, yet sending failed (a proxy's size limit, a
                    // full server disk): said, with the changes still counted as waiting.
                    (Ok(()), Some(e)) if e.status != 0 => {
                        team.status.set(SyncStatus::Error(e.text()))
                    }
                    (Ok(()), Some(_)) => team.status.set(SyncStatus::Offline),
                    (Err(e), _) => team.status.set(refused_or_offline(&e)),
                }
            });
        }
        SyncEvent::Paused(Some(e)) => {
            with_runtime(|rt| rt.receiving = false);
            flush(state, team);
            if !standing() {
                team.status.set(refused_or_offline(&e));
            }
        }
        SyncEvent::Denied(e) => {
            with_runtime(|rt| rt.sticky = true);
            team.status.set(SyncStatus::Error(e.text()));
        }
        SyncEvent::Error(e) => team.status.set(SyncStatus::Error(e.text())),
    }
}

/// Queue received documents. They are applied together: a moment after they arrive when
/// the replication has caught up ([`FLUSH_MS`]), else every [`FLUSH_BUSY_MS`] while a
/// long transfer runs (a first sync of 12,600 records is applied and saved a few times,
/// not once per batch), and at once when it pauses.
fn receive(state: AppState, team: TeamSync, docs: Vec<Value>) {
    let delay = with_runtime(|rt| {
        rt.inbox.extend(docs);
        let first = !std::mem::replace(&mut rt.flush_scheduled, true);
        first.then_some(if rt.receiving {
            FLUSH_BUSY_MS
        } else {
            FLUSH_MS
        })
    })
    .flatten();
    if let Some(ms) = delay {
        set_timeout(
            move || flush(state, team),
            std::time::Duration::from_millis(ms),
        );
    }
}

/// Apply the received documents waiting in the inbox.
fn flush(state: AppState, team: TeamSync) {
    let docs = with_runtime(|rt| {
        rt.flush_scheduled = false;
        std::mem::take(&mut rt.inbox)
    })
    .unwrap_or_default();
    if !docs.is_empty() {
        absorb(state, team, &docs, false);
    }
}

/// How long received documents wait for more before they are applied (ms), when the
/// replication has caught up, and while it is still receiving.
const FLUSH_MS: u64 = 200;
const FLUSH_BUSY_MS: u64 = 3_000;

/// While offline, ask the server every [`RECOVERY_MS`] whether it answers again; after an
/// error (a refusal, a server restarting without its database yet), every
/// [`RECOVERY_ERROR_MS`]. When it answers, the replication starts again at once rather
/// than at PouchDB's next retry (its pauses grow to minutes). Not after a refusal that
/// asking again cannot change (a newer app's records, a document the server denied):
/// those stand until the user connects again.
fn watch_recovery(state: AppState, team: TeamSync) {
    let waiting = |s: &SyncStatus| matches!(s, SyncStatus::Offline | SyncStatus::Error(_));
    let Some((remote, generation, sticky)) =
        with_runtime(|rt| (rt.remote.clone(), rt.generation, rt.sticky))
    else {
        return;
    };
    if sticky || RECOVERING.with(|r| r.replace(true)) {
        return;
    }
    let ms = if team.status.get_untracked() == SyncStatus::Offline {
        RECOVERY_MS
    } else {
        RECOVERY_ERROR_MS
    };
    set_timeout(
        move || {
            RECOVERING.with(|r| r.set(false));
            let current = move || with_runtime(|rt| rt.generation) == Some(generation);
            if !current() || !team.status.with_untracked(waiting) {
                return;
            }
            leptos::task::spawn_local(async move {
                let answers = team_sync::check(&remote).await.is_ok();
                if !current() || !team.status.with_untracked(waiting) {
                    return;
                }
                if answers {
                    restart_replication(state, team, generation);
                } else {
                    watch_recovery(state, team);
                }
            });
        },
        std::time::Duration::from_millis(ms),
    );
}

/// Cancel the running replication and start it again (same databases, same mirror), so
/// it runs now rather than at PouchDB's next retry.
fn restart_replication(state: AppState, team: TeamSync, generation: u32) {
    let Some((local, remote, old)) = with_runtime(|rt| {
        rt.failing = None;
        (rt.local.clone(), rt.remote.clone(), rt.replication.take())
    }) else {
        return;
    };
    if let Some(old) = old {
        old.cancel();
    }
    team.status.set(SyncStatus::Syncing);
    let replication = team_sync::start(&local, &remote, move |event| {
        on_event(state, team, generation, event)
    });
    with_runtime(|rt| rt.replication = Some(replication));
}

/// How often an unreachable server is asked again (ms), and a server that refused.
const RECOVERY_MS: u64 = 5_000;
const RECOVERY_ERROR_MS: u64 = 10_000;

fn refused_or_offline(e: &PouchError) -> SyncStatus {
    if matches!(e.status, 401 | 403 | 404) {
        SyncStatus::Error(e.text())
    } else {
        SyncStatus::Offline
    }
}

/// Apply documents read from the device's database (see the module docs). `initial`: at
/// connection, when the mirror is empty; a record that differs from its document there
/// is taken for this device's newer edit, to be written over it, and its document is
/// returned with the record's body text here (see [`unapplied`] for those that are not).
fn absorb(state: AppState, team: TeamSync, docs: &[Value], initial: bool) -> Vec<(Value, String)> {
    let mut kept = Vec::new();
    let mut records = Dataset::default();
    let mut deleted_zones = Vec::new();
    let mut deleted_prospects = Vec::new();
    let mut skipped = team.skipped.get_untracked();
    let mut newer = false;
    let mut conflicts = team.conflicts.get_untracked();
    let changed = with_runtime(|rt| {
        state.data.with_untracked(|data| {
            let zones: QuickMap<&str, &Zone> =
                data.zones.iter().map(|z| (z.id.as_str(), z)).collect();
            let prospects: QuickMap<&str, &Prospect> =
                data.prospects.iter().map(|p| (p.id.as_str(), p)).collect();
            for doc in docs {
                let id = doc["_id"].as_str().unwrap_or("");
                let rev = doc["_rev"].as_str().unwrap_or("");
                if parse_doc_id(id).is_none() {
                    continue;
                }
                // A copy older than what the device's database is known to hold (read
                // before a later write or merge, applied after it) changes nothing.
                if rt
                    .mirror
                    .get(id)
                    .is_some_and(|m| rev_number(rev) < rev_number(&m.rev))
                {
                    continue;
                }
                conflicts.retain(|c| doc_id(c.kind, &c.id) != id);
                let incoming = match from_doc(doc) {
                    Ok(i) => i,
                    Err(DocError::NewerSchema { .. }) => {
                        newer = true;
                        rt.sticky = true;
                        rt.mirror.hold(id);
                        continue;
                    }
                    Err(_) => {
                        rt.mirror.hold(id);
                        continue;
                    }
                };
                let base = rt.mirror.get(id).map(|m| m.body.clone());
                match incoming {
                    Incoming::Zone(z) => {
                        let text = body_text(&z);
                        let here = zones.get(z.id.as_str()).copied();
                        if let Some(h) = here.filter(|h| initial && **h != z) {
                            kept.push((doc.clone(), body_text(h)));
                        }
                        if let Some(r) = settle(here, z, base.as_deref(), initial) {
                            records.zones.push(r);
                        }
                        rt.mirror.set(id, rev, text);
                    }
                    Incoming::Prospect(p) => {
                        let text = body_text(&p);
                        let here = prospects.get(p.id.as_str()).copied();
                        if let Some(h) = here.filter(|h| initial && **h != p) {
                            kept.push((doc.clone(), body_text(h)));
                        }
                        if let Some(r) = settle(here, p, base.as_deref(), initial) {
                            records.prospects.push(r);
                        }
                        rt.mirror.set(id, rev, text);
                    }
                    Incoming::Deleted(kind, rid) => {
                        let local_text = match kind {
                            RecordKind::Zone => zones.get(rid.as_str()).map(|z| body_text(*z)),
                            RecordKind::Prospect => {
                                prospects.get(rid.as_str()).map(|p| body_text(*p))
                            }
                        };
                        // Deleted there; kept here when edited here since it was last synced
                        // (it is written again, over the deletion).
                        if let Some(t) = local_text.as_ref().filter(|_| initial) {
                            kept.push((doc.clone(), t.clone()));
                        }
                        let edited_here =
                            local_text.is_some_and(|t| initial || base.as_deref() != Some(&t));
                        if !edited_here {
                            match kind {
                                RecordKind::Zone => deleted_zones.push(rid),
                                RecordKind::Prospect => deleted_prospects.push(rid),
                            }
                        }
                        rt.mirror.set(id, rev, String::new());
                    }
                }
                let others = conflict_revs(doc);
                if let (false, Some((kind, rid))) = (others.is_empty(), parse_doc_id(id)) {
                    conflicts.push(Conflict {
                        kind,
                        id: rid.to_string(),
                        rev: rev.to_string(),
                        others,
                    });
                }
            }
            skipped = rt.mirror.held_count();
            !(records.zones.is_empty()
                && records.prospects.is_empty()
                && deleted_zones.is_empty()
                && deleted_prospects.is_empty())
        })
    });
    team.conflicts.set(conflicts);
    team.skipped.set(skipped);
    if newer {
        team.status.set(SyncStatus::Error(Text::new(
            "团队数据库中有较新版本应用写入的记录：请更新本应用（联网后重新加载）。这些记录未被读取，本机数据不受影响",
            "The team database holds records written by a newer version of the app: update this app (reload while online). Those records were not read; the data on this device is unchanged",
        )));
    }
    if changed == Some(true) {
        state.apply(Change::FromTeam {
            records,
            deleted_zones,
            deleted_prospects,
        });
        // For the sync benchmark (tools/bench-sync.mjs): received records are applied.
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark("zonematch:team-applied");
        }
    }
    kept
}

/// How many earlier revisions of a document are looked up to compare with the record
/// here ([`unapplied`]). Versions received from the team keep only their newest body, so
/// most revisions in between have none (and cost nothing); the one this device last
/// wrote or applied has.
const EARLIER_DEPTH: usize = 100;

/// Of the documents `kept`, with the body text of their record here (which differs from
/// the document in the device's database), those whose record here is one of their
/// earlier revisions: versions
/// received and not yet applied when the page last closed (killed within the moment
/// before received records are applied, or with the device's storage full). Each comes
/// with that earlier revision, the base to merge from. The others were edited here since
/// and are written over their documents. The versions a document conflicts with are
/// compared too. When the earlier revisions cannot be read, all are taken as edited here
/// (the documents' versions stay in their history). Known limit: a record changed here
/// back to exactly an earlier version (a field set and set back, an old backup restored
/// while sync was off) is taken for not yet updated, and the team's version is applied.
async fn unapplied(local: &Pouch, kept: Vec<(Value, String)>) -> Vec<(Value, Value)> {
    if kept.is_empty() {
        return Vec::new();
    }
    let pairs: Vec<(String, String)> = kept
        .iter()
        .map(|(d, _)| {
            let field = |k: &str| d[k].as_str().unwrap_or("").to_string();
            (field("_id"), field("_rev"))
        })
        .collect();
    let Ok(mut earlier) = team_sync::earlier(local, &pairs, EARLIER_DEPTH).await else {
        return Vec::new();
    };
    // The other versions of a conflict are compared too: this device's own version may
    // be one of them (it lost the tie). The current version is then applied and the
    // conflict stays open, with both edits in it.
    for ((doc, _), (id, versions)) in kept.iter().zip(earlier.iter_mut()) {
        for rev in conflict_revs(doc) {
            if let Ok(other) = team_sync::read_rev(local, id, &rev).await {
                versions.push(other);
            }
        }
    }
    kept.into_iter()
        .zip(earlier)
        .filter_map(|((doc, here), (_, versions))| {
            let base = synced_at(&here, &versions)?.clone();
            Some((doc, base))
        })
        .collect()
}

/// What a received version of a record becomes here: `None` when nothing changes.
/// `base` is the body the device's database held before (as last synced).
fn settle<T: Record>(
    local: Option<&T>,
    incoming: T,
    base: Option<&str>,
    initial: bool,
) -> Option<T> {
    let Some(local) = local else {
        return Some(incoming);
    };
    if *local == incoming {
        return None;
    }
    let local_text = body_text(local);
    let edited_here = initial || base.is_some_and(|b| b != local_text);
    if !edited_here {
        return Some(incoming);
    }
    if initial {
        // This device's version is written over the document (a newer revision of it).
        return None;
    }
    let base = base
        .and_then(|b| serde_json::from_str::<Value>(b).ok())
        .and_then(|v| record_json(&v));
    let (merged, _) = propose_merge(base.as_ref(), &as_json(local), &as_json(&incoming));
    // A merge that does not read as a record keeps this device's version (written over
    // the received one, which stays in the document's history).
    let merged: T = crate::transfer::record(&merged).ok()?;
    (merged != *local).then_some(merged)
}

/// Write what changed in the app's data to the device's database (see
/// [`crate::team_docs::writes`]); a write refused because the database has a newer
/// revision reads that revision, merges and writes again.
async fn push(state: AppState, team: TeamSync) {
    let Some(generation) = with_runtime(|rt| rt.generation) else {
        return;
    };
    let current = move || with_runtime(|rt| rt.generation) == Some(generation);
    // Rounds go on while edits arrive during a write (`dirty`) or a refused write was
    // merged; a round that writes nothing ends it. The bound only stops a loop that
    // could not converge.
    for _round in 0..50 {
        let job = with_runtime(|rt| {
            if rt.busy {
                rt.dirty = true;
                return None;
            }
            let (w, snapshot) = state.data.with_untracked(|d| {
                let w = crate::team_docs::writes(&rt.mirror, rt.synced.as_ref(), d);
                (w, d.clone())
            });
            if w.is_empty() {
                rt.synced = Some(snapshot);
                return None;
            }
            rt.busy = true;
            rt.dirty = false;
            Some((rt.local.clone(), w, snapshot))
        })
        .flatten();
        let Some((local, writes, mut snapshot)) = job else {
            return;
        };
        let docs: Vec<Value> = writes.iter().map(|(d, _)| d.clone()).collect();
        let result = team_sync::write(&local, &docs).await;
        if !current() {
            // A newer connection took over: it compares everything again itself.
            return;
        }
        let mut stale = Vec::new();
        let outcome = with_runtime(|rt| {
            rt.busy = false;
            match result {
                Ok(results) => {
                    for ((_, body), (id, r)) in writes.into_iter().zip(results) {
                        match r {
                            Ok(rev) => {
                                rt.mirror.set(&id, &rev, body);
                                rt.pending.insert(id, ());
                            }
                            Err(e) if e.status == 409 => stale.push(id),
                            Err(e) => return Err(e),
                        }
                    }
                    // Records whose write was refused are compared again next time.
                    for id in &stale {
                        match parse_doc_id(id) {
                            Some((RecordKind::Zone, rid)) => snapshot.zones.retain(|z| z.id != rid),
                            Some((RecordKind::Prospect, rid)) => {
                                snapshot.prospects.retain(|p| p.id != rid)
                            }
                            None => {}
                        }
                    }
                    rt.synced = Some(snapshot);
                    Ok(rt.pending.len())
                }
                Err(e) => Err(e),
            }
        });
        match outcome {
            Some(Ok(n)) => team.pending.set(n),
            Some(Err(e)) => {
                team.status.set(SyncStatus::Error(e.text()));
                return;
            }
            None => return,
        }
        if !stale.is_empty() {
            let docs = team_sync::read(&local, Some(&stale)).await;
            if !current() {
                return;
            }
            if let Ok(docs) = docs {
                absorb(state, team, &docs, false);
            }
        } else if with_runtime(|rt| rt.dirty) != Some(true) {
            return;
        }
    }
}

/// The versions of a conflict, read for the resolve view.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictVersions {
    pub conflict: Conflict,
    /// Field names that differ between the current version and the others.
    pub fields: Vec<String>,
    /// Each field's value: current, other versions…, proposed.
    pub values: Vec<Vec<String>>,
    /// The proposed record's JSON.
    pub proposed: Value,
    /// Whether the versions' common ancestor was found (without it, every field that
    /// differs keeps the current version's value).
    pub has_base: bool,
    /// Fields both sides changed differently (the current version's value proposed).
    pub both_changed: Vec<String>,
}

/// Read the versions of `conflict` and the proposed merge.
pub async fn versions(conflict: Conflict) -> Result<ConflictVersions, Text> {
    let local = with_runtime(|rt| rt.local.clone()).ok_or_else(not_connected)?;
    let id = doc_id(conflict.kind, &conflict.id);
    // The document as it is now (an edit here or a partly closed conflict has moved it
    // on since it was listed).
    let now = team_sync::read(&local, Some(std::slice::from_ref(&id)))
        .await
        .map_err(|e| e.text())?;
    let conflict = match now.first() {
        Some(d) => Conflict {
            rev: d["_rev"].as_str().unwrap_or(&conflict.rev).to_string(),
            others: conflict_revs(d),
            ..conflict
        },
        None => conflict,
    };
    let current = team_sync::read_rev(&local, &id, &conflict.rev)
        .await
        .map_err(|e| e.text())?;
    let mut others = Vec::new();
    for rev in &conflict.others {
        others.push(
            team_sync::read_rev(&local, &id, rev)
                .await
                .map_err(|e| e.text())?,
        );
    }
    // The common ancestor of the current version and the first other one, while the
    // device's database still holds it.
    let mut base = None;
    if let Some(first) = conflict.others.first() {
        let a = team_sync::history(&local, &id, &conflict.rev)
            .await
            .unwrap_or_default();
        let b = team_sync::history(&local, &id, first)
            .await
            .unwrap_or_default();
        if let Some(common) = a.iter().find(|r| b.contains(r)) {
            base = team_sync::read_rev(&local, &id, common).await.ok();
        }
    }
    compare(conflict, &current, &others, base.as_ref())
}

fn compare(
    conflict: Conflict,
    current: &Value,
    others: &[Value],
    base: Option<&Value>,
) -> Result<ConflictVersions, Text> {
    let unreadable = || {
        Text::new(
            "无法读取这条记录的某个版本（可能来自较新版本的应用）",
            "A version of this record cannot be read (written by a newer version of the app?)",
        )
    };
    let readable = |d: &Value| match from_doc(d) {
        Ok(_) => record_json(d),
        Err(_) => None,
    };
    let kept = readable(current).ok_or_else(unreadable)?;
    let base = base.and_then(readable);
    let mut proposed = kept.clone();
    let mut other_records = Vec::new();
    let mut both_changed = Vec::new();
    for o in others {
        // A deleted version loses to an edit: nothing of it to merge.
        if o.get("_deleted").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let other = readable(o).ok_or_else(unreadable)?;
        let (merged, conflicts) = propose_merge(base.as_ref(), &proposed, &other);
        proposed = merged;
        both_changed.extend(conflicts);
        other_records.push(other);
    }
    let mut fields: Vec<String> = Vec::new();
    let keys = |v: &Value| {
        v.as_object()
            .map(|m| m.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    for o in &other_records {
        for f in keys(&kept).into_iter().chain(keys(o)) {
            if kept.get(&f) != o.get(&f) && !fields.contains(&f) {
                fields.push(f);
            }
        }
    }
    let show = |v: &Value, f: &str| match v.get(f) {
        None | Some(Value::Null) => String::from("—"),
        Some(Value::String(s)) => s.clone(),
        // The same text as Display, through the serializer the wasm already has.
        Some(other) => serde_json::to_string(other).unwrap_or_default(),
    };
    let values = fields
        .iter()
        .map(|f| {
            let mut row = vec![show(&kept, f)];
            row.extend(other_records.iter().map(|o| show(o, f)));
            row.push(show(&proposed, f));
            row
        })
        .collect();
    Ok(ConflictVersions {
        conflict,
        fields,
        values,
        proposed,
        has_base: base.is_some(),
        both_changed,
    })
}

fn not_connected() -> Text {
    Text::new(
        "同步未连接：请先连接团队服务器",
        "Sync is not connected: connect to the team server first",
    )
}

/// Resolve a conflict with the proposed record: written as the new current version and
/// applied here (merged with anything edited here since), then the other versions closed
/// (deleted). Refused, with nothing written, when the record changed since it was
/// compared.
pub async fn resolve(state: AppState, team: TeamSync, v: ConflictVersions) -> Result<(), Text> {
    let local = with_runtime(|rt| rt.local.clone()).ok_or_else(not_connected)?;
    let id = doc_id(v.conflict.kind, &v.conflict.id);
    let unreadable = || Text::new("合并结果无效", "The merged record is not valid");
    // The proposal must read as its record type; its document is written as every record's.
    let mut doc = match v.conflict.kind {
        RecordKind::Zone => crate::team_docs::to_doc(
            &crate::transfer::record::<Zone>(&v.proposed).map_err(|_| unreadable())?,
        ),
        RecordKind::Prospect => crate::team_docs::to_doc(
            &crate::transfer::record::<Prospect>(&v.proposed).map_err(|_| unreadable())?,
        ),
    };
    // The record must still be as compared: the same current revision in the device's
    // database, and no edit here that is not yet written to it. Otherwise the user
    // compares again (nothing is written).
    let changed_meanwhile = || {
        Text::new(
            "这条记录在比较后又有修改：请重新比较",
            "This record changed after it was compared: compare again",
        )
    };
    let now = team_sync::read(&local, Some(std::slice::from_ref(&id)))
        .await
        .map_err(|e| e.text())?;
    let current_rev = now.first().and_then(|d| d["_rev"].as_str()).unwrap_or("");
    let unsent_here = with_runtime(|rt| {
        let known = rt
            .mirror
            .get(&id)
            .map(|m| m.body.clone())
            .unwrap_or_default();
        state.data.with_untracked(|d| match v.conflict.kind {
            RecordKind::Zone => d.zone(&v.conflict.id).map(body_text),
            RecordKind::Prospect => d.prospect(&v.conflict.id).map(body_text),
        }) != Some(known)
    })
    .unwrap_or(true);
    if current_rev != v.conflict.rev || unsent_here {
        return Err(changed_meanwhile());
    }
    // The merge first; the other versions are closed only once it is written, so a
    // refused merge loses nothing.
    let doc_for_apply = doc.clone();
    doc.insert("_rev".into(), Value::from(v.conflict.rev.as_str()));
    let written = team_sync::write(&local, &[Value::Object(doc)])
        .await
        .map_err(|e| e.text())?;
    let rev = match written.into_iter().next() {
        Some((_, Ok(rev))) => rev,
        Some((_, Err(e))) if e.status == 409 => return Err(changed_meanwhile()),
        Some((_, Err(e))) => return Err(e.text()),
        None => return Err(changed_meanwhile()),
    };
    // Applied at once, as a received version is: merged with anything edited here since
    // the comparison (the mirror still holds the version compared, the ancestor).
    let mut applied = doc_for_apply;
    applied.insert("_rev".into(), Value::from(rev.as_str()));
    absorb(state, team, &[Value::Object(applied)], false);
    with_runtime(|rt| {
        rt.pending.insert(id.clone(), ());
    });
    let closing: Vec<Value> = v
        .conflict
        .others
        .iter()
        .map(|r| serde_json::json!({"_id": id, "_rev": r, "_deleted": true}))
        .collect();
    let closed = team_sync::write(&local, &closing)
        .await
        .map_err(|e| e.text())?;
    // A version another device closed meanwhile (409) is closed all the same.
    if let Some((_, Err(e))) = closed
        .into_iter()
        .find(|(_, r)| r.as_ref().is_err_and(|e| e.status != 409))
    {
        // The merge is written and applied; a version left open stays listed.
        return Err(e.text());
    }
    team.conflicts
        .update(|c| c.retain(|x| !(x.kind == v.conflict.kind && x.id == v.conflict.id)));
    Ok(())
}

/// The status line's words.
pub fn status_text(status: &SyncStatus, pending: usize) -> Text {
    match status {
        SyncStatus::Off => Text::new("未开启团队同步：数据只在本机", "Team sync is off: the data is on this device only"),
        SyncStatus::Connecting => Text::new("正在连接团队服务器…", "Connecting to the team server…"),
        SyncStatus::Syncing => Text::new("正在同步…", "Syncing…"),
        SyncStatus::Idle if pending == 0 => Text::new("已同步，数据已是最新", "Synced: up to date"),
        SyncStatus::Idle => Text::new(
            &format!("已同步（{pending} 条修改待发送）"),
            &format!("Synced ({pending} changes waiting to be sent)"),
        ),
        SyncStatus::Offline => Text::new(
            &format!("离线：无法连接服务器，{pending} 条修改保存在本机，恢复连接后自动发送"),
            &format!("Offline: the server cannot be reached; {pending} changes are kept on this device and sent when it can be"),
        ),
        SyncStatus::Error(t) => t.clone(),
    }
}

/// The short label of the status chip in the top bar.
pub fn status_short(status: &SyncStatus) -> Text {
    match status {
        SyncStatus::Off => Text::new("", ""),
        SyncStatus::Connecting | SyncStatus::Syncing => Text::new("同步中", "Syncing"),
        SyncStatus::Idle => Text::new("已同步", "Synced"),
        SyncStatus::Offline => Text::new("离线", "Offline"),
        SyncStatus::Error(_) => Text::new("同步出错", "Sync error"),
    }
}

/// The status as a stable word, for tests and styles: off, connecting, syncing, idle,
/// offline, error.
pub fn status_key(status: &SyncStatus) -> &'static str {
    match status {
        SyncStatus::Off => "off",
        SyncStatus::Connecting => "connecting",
        SyncStatus::Syncing => "syncing",
        SyncStatus::Idle => "idle",
        SyncStatus::Offline => "offline",
        SyncStatus::Error(_) => "error",
    }
}

/// The label of a record in conflict lists.
pub fn conflict_label(state: AppState, c: &Conflict) -> Text {
    match c.kind {
        RecordKind::Zone => state
            .data
            .with_untracked(|d| d.zone(&c.id).map(|z| z.label()))
            .unwrap_or_else(|| Text::new(&c.id, &c.id)),
        RecordKind::Prospect => state
            .data
            .with_untracked(|d| d.prospect(&c.id).map(|p| p.label()))
            .unwrap_or_else(|| Text::new(&c.id, &c.id)),
    }
}

/// Whether the record has concurrent versions (for its badge).
pub fn in_conflict(kind: RecordKind, id: &str) -> bool {
    use_context::<TeamSync>()
        .map(|t| {
            t.conflicts
                .with(|c| c.iter().any(|x| x.kind == kind && x.id == id))
        })
        .unwrap_or(false)
}

/// "Edited on two devices": the badge of a record with concurrent versions (resolved on
/// the Data screen). Nothing otherwise.
#[component]
pub fn ConflictBadge(kind: RecordKind, id: String) -> impl IntoView {
    let lang = use_app().lang;
    move || {
        in_conflict(kind, &id).then(|| {
            view! {
                <span class="badge warn" data-testid="conflict-badge">
                    {Text::new("两台设备修改过，待解决", "Edited on two devices: resolve on the Data screen").get(lang.get()).to_string()}
                </span>
            }
        })
    }
}

/// One field of the server form: a label over an input of type `kind` bound to `value`.
fn labelled_input(
    label: impl Fn() -> String + Send + Sync + 'static,
    kind: &'static str,
    autocomplete: Option<&'static str>,
    placeholder: Option<&'static str>,
    testid: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <label>
            {label}
            <input
                type=kind
                autocomplete=autocomplete
                placeholder=placeholder
                data-testid=testid
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// The Data screen's "Team sync" section: the server form, the status and the conflicts.
#[component]
pub fn TeamSyncPanel() -> impl IntoView {
    let state = use_app();
    let team = use_team();
    let lang = state.lang;
    let t = move |zh: &'static str, en: &'static str| {
        move || Text::new(zh, en).get(lang.get()).to_string()
    };
    let initial = team.server.get_untracked().unwrap_or_default();
    let url = RwSignal::new(initial.url.clone());
    let user = RwSignal::new(initial.user.clone());
    let password = RwSignal::new(initial.password.clone());
    let form_error = RwSignal::new(None::<Text>);
    let open = RwSignal::new(None::<ConflictVersions>);
    let resolve_error = RwSignal::new(None::<Text>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match TeamServer::checked(
            &url.get_untracked(),
            &user.get_untracked(),
            &password.get_untracked(),
        ) {
            Ok(server) => {
                form_error.set(None);
                set_server(state, team, server);
            }
            Err(e) => form_error.set(Some(e)),
        }
    };
    view! {
        <section class="card team-sync" data-testid="team-sync">
            <h3>{t("团队同步", "Team sync")}</h3>
            <p class="hint">{t(
                "多台平板与办公室电脑通过团队服务器（CouchDB 或 pouchdb-server）共享园区与意向企业。设置只保存在本机，不会写入导出文件。",
                "Tablets and the office PC share zones and prospects through the team's server (CouchDB or pouchdb-server). The setting stays on this device and is never written to exported files.",
            )}</p>
            <p
                class="sync-status"
                data-testid="sync-status"
                data-status=move || team.status.with(status_key)
                role="status"
            >
                {move || status_text(&team.status.get(), team.pending.get()).get(lang.get()).to_string()}
            </p>
            <form on:submit=submit class="sync-form" novalidate>
                {labelled_input(t("服务器地址（含数据库名）", "Server address (with the database name)"), "url", None, Some("https://couch.example.org/zonematch"), "sync-url", url)}
                {labelled_input(t("用户名", "User"), "text", Some("username"), None, "sync-user", user)}
                {labelled_input(t("密码", "Password"), "password", Some("current-password"), None, "sync-password", password)}
                <div class="actions">
                    <button type="submit" data-testid="sync-connect">{t("连接并同步", "Connect and sync")}</button>
                    <Show when=move || team.server.with(Option::is_some)>
                        <button
                            type="button"
                            class="secondary"
                            data-testid="sync-off"
                            on:click=move |_| switch_off(state, team)
                        >
                            {t("关闭同步", "Turn sync off")}
                        </button>
                    </Show>
                </div>
                {move || form_error.get().map(|e| view! { <p class="error" role="alert">{e.get(lang.get()).to_string()}</p> })}
            </form>
            <Show when=move || team.skipped.get() != 0>
                <p class="warning">{move || {
                    let n = team.skipped.get();
                    Text::new(
                        &format!("{n} 条团队记录无法在此版本读取，未应用"),
                        &format!("{n} team records cannot be read by this version and were not applied"),
                    ).get(lang.get()).to_string()
                }}</p>
            </Show>
            <div data-testid="sync-conflicts">
                <p>{move || {
                    let n = team.conflicts.with(Vec::len);
                    Text::new(
                        &format!("待解决的冲突：{n}"),
                        &format!("Open conflicts: {n}"),
                    ).get(lang.get()).to_string()
                }}</p>
                <ul>
                    {move || team.conflicts.get().into_iter().map(|c| {
                        let label = conflict_label(state, &c).get(lang.get()).to_string();
                        let c2 = c.clone();
                        view! {
                            <li data-testid="sync-conflict">
                                <span class="badge conflict">{t("两处修改", "Edited on two devices")}</span>
                                " " {label} " "
                                <button
                                    type="button"
                                    data-testid="sync-compare"
                                    on:click=move |_| {
                                        let c = c2.clone();
                                        leptos::task::spawn_local(async move {
                                            match versions(c).await {
                                                Ok(v) => { resolve_error.set(None); open.set(Some(v)); }
                                                Err(e) => resolve_error.set(Some(e)),
                                            }
                                        });
                                    }
                                >
                                    {t("比较并解决", "Compare and resolve")}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || resolve_error.get().map(|e| view! { <p class="error" role="alert">{e.get(lang.get()).to_string()}</p> })}
                {move || open.get().map(|v| {
                    let v2 = v.clone();
                    view! {
                        <div class="resolve" data-testid="sync-resolve">
                            <p class="hint">{t(
                                "每个不同的字段：当前版本 ｜ 另一版本 → 建议合并（各字段取修改过它的一方）",
                                "Each field that differs: current version | other version → proposed merge (each field from the side that changed it)",
                            )}</p>
                            {(!v.has_base).then(|| view! { <p class="warning">{t(
                                "未找到两个版本共同的上一版本：两边都有值且不同的字段，建议保留当前版本的值，请逐项核对",
                                "No earlier version common to both was found: where both versions have a different value, the proposal keeps the current version's; check each field",
                            )}</p> })}
                            <ul>
                                {v.fields.iter().zip(v.values.iter()).map(|(f, row)| {
                                    let (proposed, versions) = row.split_last().map(|(p, v)| (p.clone(), v.join(" ｜ "))).unwrap_or_default();
                                    let nested = format!("{f}.");
                                    let both = if v.both_changed.iter().any(|c| c == f || c.starts_with(&nested)) { " ⚠" } else { "" };
                                    let line = format!("{}{both}: {versions} → ", crate::i18n::field_label(f, lang.get_untracked()));
                                    view! {
                                        <li data-testid="sync-field" data-field=f.clone()>
                                            {line}<strong data-testid="sync-proposed">{proposed}</strong>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <div class="actions">
                                <button
                                    type="button"
                                    data-testid="sync-accept"
                                    on:click=move |_| {
                                        let v = v2.clone();
                                        leptos::task::spawn_local(async move {
                                            match resolve(state, team, v).await {
                                                Ok(()) => open.set(None),
                                                Err(e) => resolve_error.set(Some(e)),
                                            }
                                        });
                                    }
                                >
                                    {t("采用建议合并", "Keep the proposed merge")}
                                </button>
                                <button type="button" class="secondary" on:click=move |_| open.set(None)>
                                    {t("取消", "Cancel")}
                                </button>
                            </div>
                        </div>
                    }
                })}
            </div>
        </section>
    }
}
