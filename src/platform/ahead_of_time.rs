//! The browser as the build's prerender sees it (natively, no browser at all): a first visit, with
//! empty storage that works, no preferred language and no clock. Only what the app's first render
//! reads is here; effects and event handlers, which reach the rest of [`super`], never run there.

use crate::draft::MemoryStore;

/// Storage that starts empty and lives in memory.
pub type BrowserStorage = MemoryStore;

impl MemoryStore {
    /// Always a store: a first visit finds storage that works.
    pub fn open() -> Option<Self> {
        Some(Self::default())
    }
}

/// No time is shown in a first view; the epoch keeps every stamp well-formed.
pub fn now_iso() -> String {
    "1970-01-01T00:00:00.000Z".to_string()
}

/// None: the prerender names its language itself.
pub fn browser_languages() -> Vec<String> {
    Vec::new()
}
