//! The browser as the build's prerender sees it (natively, no browser at all): a first visit, with
//! empty storage that works, no preferred language and no clock. Only what the app's first render
//! reads is here; effects and event handlers, which reach the rest of [`super`], never run there.

use crate::draft::{KeyValueStore, StoreError};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Storage that starts empty and lives in memory.
#[derive(Default)]
pub struct BrowserStorage(RefCell<BTreeMap<String, String>>);

impl BrowserStorage {
    /// Always a store: a first visit finds storage that works.
    pub fn open() -> Option<Self> {
        Some(Self::default())
    }
}

impl KeyValueStore for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.0.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.0.borrow().keys().cloned().collect())
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
