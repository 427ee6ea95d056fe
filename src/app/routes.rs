//! Which screen a URL shows, and the URL of each screen. The router (leptos_router) keeps
//! the browser's history: back and forward move between screens, a reload stays on the
//! screen, and a link opens a zone or prospect directly (offline too: the service worker
//! answers every navigation with the app's page).
//!
//! Paths, from the site's root:
//! `/` zones (`?q=` search) · `/zones/new` · `/zones/{id}` · `/zones/{id}/edit` ·
//! `/capture` · `/prospects` (`?stage=`) · `/prospects/{id}` · `/prospects/{id}/edit` ·
//! `/prospects/{id}/brief` (`?lang=zh|en`) · `/compare?zones=a,b,c` · `/report?month=YYYY-MM&zone=` · `/data`.
//! Anything else is [`Page::NotFound`].
//!
//! The paths are matched here rather than by `<Routes>`: one `match` on the path's
//! segments draws the same screens with a fraction of the wasm that a typed route tree
//! compiles to (the bundle has a size budget).

/// A screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Zones,
    Zone(String),
    /// Edit a zone (`Some(id)`) or create one (`None`).
    EditZone(Option<String>),
    Capture,
    Prospects,
    Prospect(String),
    /// Edit a prospect (the capture form, filled in): to review amounts kept as typed.
    EditProspect(String),
    /// The one-page brief of a prospect's best zones, to show or hand to the visitor.
    Brief(String),
    /// 2-4 zones side by side (ids in the query).
    Compare,
    /// The monthly report (月报).
    Report,
    Data,
    NotFound,
}

impl Page {
    /// The screen at `path` (as the browser has it: segments percent-encoded).
    pub fn from_path(path: &str) -> Page {
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(decode)
            .collect();
        let s: Vec<&str> = segments.iter().map(String::as_str).collect();
        match s.as_slice() {
            [] | ["index.html"] => Page::Zones,
            ["zones"] => Page::Zones,
            ["zones", "new"] => Page::EditZone(None),
            ["zones", id] => Page::Zone(id.to_string()),
            ["zones", id, "edit"] => Page::EditZone(Some(id.to_string())),
            ["capture"] => Page::Capture,
            ["prospects"] => Page::Prospects,
            ["prospects", id] => Page::Prospect(id.to_string()),
            ["prospects", id, "brief"] => Page::Brief(id.to_string()),
            ["prospects", id, "edit"] => Page::EditProspect(id.to_string()),
            ["compare"] => Page::Compare,
            ["report"] => Page::Report,
            ["data"] => Page::Data,
            _ => Page::NotFound,
        }
    }

    /// The path of this screen, from the site's root.
    pub fn path(&self) -> String {
        match self {
            Page::Zones => "/".into(),
            Page::Zone(id) => format!("/zones/{}", encode(id)),
            Page::EditZone(None) => "/zones/new".into(),
            Page::EditZone(Some(id)) => format!("/zones/{}/edit", encode(id)),
            Page::Capture => "/capture".into(),
            Page::Prospects => "/prospects".into(),
            Page::Prospect(id) => format!("/prospects/{}", encode(id)),
            Page::Brief(id) => format!("/prospects/{}/brief", encode(id)),
            Page::EditProspect(id) => format!("/prospects/{}/edit", encode(id)),
            Page::Compare => "/compare".into(),
            Page::Report => "/report".into(),
            Page::Data => "/data".into(),
            Page::NotFound => "/not-found".into(),
        }
    }

    /// The top-bar tab this screen belongs to.
    pub fn tab(&self) -> Page {
        match self {
            Page::Zone(_) | Page::EditZone(_) | Page::Compare => Page::Zones,
            Page::Prospect(_) | Page::Brief(_) | Page::EditProspect(_) | Page::Report => {
                Page::Prospects
            }
            other => other.clone(),
        }
    }
}

/// A record id as one path segment (ids come from imported files and may hold anything).
pub fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s)
        .map(String::from)
        .unwrap_or_else(|_| s.to_string())
}
