//! Keeping a draft in a key-value store (the browser's localStorage in the app, a map in tests).

use super::history::{self, History};
use super::{merge, Draft, DraftError};

/// Prefix of every key the app writes, in every format version, so an embedding site can tell
/// ours from its own.
const APP_PREFIX: &str = "consultation-response/";
const KEY_PREFIX: &str = "consultation-response/v1";

/// Where the draft for `consultation_id` is stored.
pub fn storage_key(consultation_id: &str) -> String {
    format!("{KEY_PREFIX}/{consultation_id}")
}

/// Where the earlier versions of the draft stored under `draft_key` are kept.
pub fn history_key(draft_key: &str) -> String {
    format!("{draft_key}/history")
}

/// Where unreadable stored text found at start-up is kept, stamped with the time it was found.
pub fn backup_key(consultation_id: &str, stamp: &str) -> String {
    format!("{KEY_PREFIX}/{consultation_id}/unreadable/{stamp}")
}

/// A synchronous string store, shaped like localStorage.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A store in memory, empty at first; its clones share it. What the build's prerender gives the
/// app for localStorage (a first visit's), and what tests store drafts in.
#[derive(Clone, Default)]
pub struct MemoryStore(std::rc::Rc<std::cell::RefCell<std::collections::BTreeMap<String, String>>>);

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.0.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().insert(key.into(), value.into());
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

/// Where small settings of the app are kept (not drafts), e.g. a tip the person dismissed.
pub fn setting_key(name: &str) -> String {
    format!("{KEY_PREFIX}/settings/{name}")
}

/// Why the store refused.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The store is full (`QuotaExceededError`).
    Full,
    /// The store refused for another reason (disabled, sandboxed, private mode).
    Refused(String),
}

/// What the person must be told when the draft is opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenNotice {
    /// There is no storage: the draft lives in this page only.
    NoStorage,
    /// The stored text could not be read; it was copied to `backup_key` and a new draft started.
    UnreadableKept {
        reason: DraftError,
        backup_key: String,
        /// The text as it was found, for the person to download.
        raw: String,
    },
    /// The stored text could not be read nor copied; it is left in place and nothing is saved
    /// over it.
    UnreadableLeft { reason: DraftError, raw: String },
}

/// Where the latest changes stand.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Nothing typed since the page opened and nothing stored before.
    Empty,
    /// Stored; `at` is an ISO 8601 time.
    Saved { at: String },
    /// Changes not yet written.
    Pending,
    /// The last write failed; changes are held in the page and retried.
    Failing(StoreError),
    /// No storage, or saving would overwrite text that could not be kept: the page holds the draft.
    MemoryOnly,
}

impl SaveStatus {
    /// The kind of status in a word (`saved`), for keys that must change with it.
    pub fn kind(&self) -> &'static str {
        match self {
            SaveStatus::Empty => "empty",
            SaveStatus::Saved { .. } => "saved",
            SaveStatus::Pending => "pending",
            SaveStatus::Failing(_) => "failing",
            SaveStatus::MemoryOnly => "memory-only",
        }
    }
}

/// One open draft and its store: tracks unsaved changes and writes them.
pub struct Session<S> {
    store: Option<S>,
    key: String,
    draft: Draft,
    dirty: bool,
    status: SaveStatus,
    last_saved: Option<String>,
    /// The draft as this window last read it from, or wrote it to, the store: the common
    /// ancestor when another window's changes are merged in.
    base: Draft,
    /// The exact text this window last read or wrote, to notice another window's write cheaply.
    last_seen: Option<String>,
    /// Fields another window changed that this window has not shown yet.
    external_changes: Vec<String>,
    /// The ten-minute bucket of the last snapshot this window recorded: history is written once
    /// per bucket, not on every save.
    history_bucket: Option<String>,
}

impl<S: KeyValueStore> Session<S> {
    /// Opens the stored draft for `consultation_id`, or a new one. Stored text that cannot be
    /// read is never overwritten: it is first copied under a backup key stamped `now`.
    pub fn open(store: Option<S>, consultation_id: &str, now: &str) -> (Self, Option<OpenNotice>) {
        Self::open_at(store, consultation_id, &storage_key(consultation_id), now)
    }

    /// Opens the draft stored under `key` (one of several drafts for `consultation_id`).
    pub fn open_at(
        store: Option<S>,
        consultation_id: &str,
        key: &str,
        now: &str,
    ) -> (Self, Option<OpenNotice>) {
        let key = key.to_string();
        let mut session = Session {
            store: None,
            key,
            draft: Draft::new(consultation_id),
            dirty: false,
            status: SaveStatus::MemoryOnly,
            last_saved: None,
            base: Draft::new(consultation_id),
            last_seen: None,
            external_changes: Vec::new(),
            history_bucket: None,
        };
        let Some(store) = store else {
            return (session, Some(OpenNotice::NoStorage));
        };
        let raw = match store.get(&session.key) {
            Ok(raw) => raw,
            Err(_) => return (session, Some(OpenNotice::NoStorage)),
        };
        let Some(raw) = raw else {
            session.store = Some(store);
            session.status = SaveStatus::Empty;
            return (session, None);
        };
        match Draft::from_json(&raw, consultation_id) {
            Ok((draft, saved_at)) => {
                session.base = draft.clone();
                session.last_seen = Some(raw);
                session.draft = draft;
                session.status = SaveStatus::Saved {
                    at: saved_at.clone().unwrap_or_default(),
                };
                session.last_saved = saved_at;
                session.store = Some(store);
                (session, None)
            }
            Err(reason) => {
                let backup = backup_key(consultation_id, now);
                if store.set(&backup, &raw).is_ok() {
                    session.store = Some(store);
                    session.status = SaveStatus::Empty;
                    let notice = OpenNotice::UnreadableKept {
                        reason,
                        backup_key: backup,
                        raw,
                    };
                    (session, Some(notice))
                } else {
                    (session, Some(OpenNotice::UnreadableLeft { reason, raw }))
                }
            }
        }
    }

    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// When the store last took the draft (ISO 8601), if it ever did.
    pub fn last_saved(&self) -> Option<&str> {
        self.last_saved.as_deref()
    }

    /// The store key this draft lives under.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether there are changes the store does not have yet.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Records an answer. Returns whether it changed anything.
    pub fn set_answer(&mut self, id: &str, text: &str) -> bool {
        self.edit(|draft| draft.set_answer(id, text))
    }

    /// Applies `change` to the draft; it returns whether it changed anything, and so does this.
    pub fn edit(&mut self, change: impl FnOnce(&mut Draft) -> bool) -> bool {
        let changed = change(&mut self.draft);
        if changed {
            self.dirty = true;
            if self.store.is_some() {
                self.status = SaveStatus::Pending;
            }
        }
        changed
    }

    /// Replaces the whole draft (an imported file); saved like any change.
    pub fn replace(&mut self, draft: Draft) {
        self.edit(|current| {
            let changed = *current != draft;
            *current = draft;
            changed
        });
    }

    /// Records the draft as it stands in the history now, whatever the bucket: before it is
    /// replaced by an older version, so that going back can itself be undone.
    pub fn record_snapshot(&mut self, now: &str) {
        if let Some(store) = &self.store {
            record_history(
                store,
                self.draft.consultation(),
                now,
                &self.draft.to_json(now),
            );
            self.history_bucket = Some(history::bucket(now).to_string());
        }
    }

    /// The earlier versions of this draft.
    pub fn history(&self) -> History {
        let stored = self
            .store
            .as_ref()
            .and_then(|store| store.get(&history_key(&self.key)).ok().flatten());
        stored
            .map(|json| History::from_json(&json))
            .unwrap_or_default()
    }

    /// A small setting of the app (not part of any draft), if the store has it.
    pub fn setting(&self, name: &str) -> Option<String> {
        self.store.as_ref()?.get(&setting_key(name)).ok().flatten()
    }

    /// Stores a setting; a store that refuses just means it is asked again next time.
    pub fn set_setting(&self, name: &str, value: &str) {
        if let Some(store) = &self.store {
            let _ = store.set(&setting_key(name), value);
        }
    }

    /// Whether the draft can be stored at all in this browser.
    pub fn has_store(&self) -> bool {
        self.store.is_some()
    }

    /// Removes every draft, backup and setting of this app from the store and starts an empty
    /// draft that is not saved until something is typed. Returns how many entries were removed.
    pub fn forget_everything(&mut self) -> Result<usize, StoreError> {
        let consultation = self.draft.consultation().to_string();
        self.draft = Draft::new(&consultation);
        self.base = self.draft.clone();
        self.dirty = false;
        self.last_seen = None;
        self.last_saved = None;
        let Some(store) = &self.store else {
            return Ok(0);
        };
        let ours: Vec<String> = store
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(APP_PREFIX))
            .collect();
        for key in &ours {
            store.remove(key)?;
        }
        self.status = SaveStatus::Empty;
        Ok(ours.len())
    }

    /// Takes in what another window stored (`stored`, the store's new text for this draft):
    /// changes to fields this window left alone appear here; where both changed a field, this
    /// window's text stays and the other is kept as a conflict. Returns whether this window's
    /// draft changed.
    pub fn absorb(&mut self, stored: &str) -> bool {
        if self.last_seen.as_deref() == Some(stored) {
            return false;
        }
        let Ok((theirs, saved_at)) = Draft::from_json(stored, self.draft.consultation()) else {
            return false;
        };
        let merged = merge(&self.base, &self.draft, &theirs);
        let changed = merged.draft != self.draft;
        self.draft = merged.draft;
        self.external_changes.extend(merged.changed);
        self.base = theirs;
        self.last_seen = Some(stored.to_string());
        self.dirty = self.draft != self.base;
        if !self.dirty {
            self.last_saved = saved_at.clone();
            self.status = SaveStatus::Saved {
                at: saved_at.unwrap_or_default(),
            };
        }
        changed
    }

    /// Fields another window changed since the last call, for the interface to show.
    pub fn take_external_changes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.external_changes)
    }

    /// Writes unsaved changes, stamped `now`. A failed write leaves the stored copy as it was and
    /// the changes pending, so the next call retries.
    pub fn save(&mut self, now: &str) -> &SaveStatus {
        if !self.dirty {
            return &self.status;
        }
        let Some(store) = &self.store else {
            return &self.status;
        };
        // Another window may have written since: merge its changes before writing over them.
        if let Ok(Some(stored)) = store.get(&self.key) {
            self.absorb(&stored);
        }
        let Some(store) = &self.store else {
            return &self.status;
        };
        let json = self.draft.to_json(now);
        match store.set(&self.key, &json) {
            Ok(()) => {
                let bucket = history::bucket(now).to_string();
                if self.history_bucket.as_deref() != Some(&bucket) {
                    record_history(store, &self.key, now, &json);
                    self.history_bucket = Some(bucket);
                }
                self.base = self.draft.clone();
                self.last_seen = Some(json);
                self.dirty = false;
                self.status = SaveStatus::Saved {
                    at: now.to_string(),
                };
                self.last_saved = Some(now.to_string());
            }
            Err(error) => self.status = SaveStatus::Failing(error),
        }
        &self.status
    }
}

/// Adds the save to the history. History is a convenience: when the store is full it gives up
/// its oldest snapshots, and it never stands in the way of saving the draft itself.
fn record_history<S: KeyValueStore>(store: &S, draft_key: &str, at: &str, json: &str) {
    let key = history_key(draft_key);
    let mut history = History::from_json(&store.get(&key).ok().flatten().unwrap_or_default());
    history.record(at, json);
    while store.set(&key, &history.to_json()).is_err() {
        if history.snapshots().is_empty() {
            let _ = store.remove(&key);
            return;
        }
        history.shrink();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use std::rc::Rc;

    const ID: &str = "wipo-ip-ai-2019";

    /// An in-memory store that can be made to refuse writes.
    #[derive(Clone, Default)]
    struct FillableStore {
        items: Rc<RefCell<BTreeMap<String, String>>>,
        full: Rc<RefCell<bool>>,
    }

    impl KeyValueStore for FillableStore {
        fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
            Ok(self.items.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
            if *self.full.borrow() {
                return Err(StoreError::Full);
            }
            self.items.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.items.borrow_mut().remove(key);
            Ok(())
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            Ok(self.items.borrow().keys().cloned().collect())
        }
    }

    #[test]
    fn forgetting_removes_every_entry_of_ours_and_nothing_else() {
        let store = FillableStore::default();
        store
            .items
            .borrow_mut()
            .insert("host-site/pref".into(), "dark".into());
        store
            .items
            .borrow_mut()
            .insert(backup_key(ID, "t"), "old".into());
        let (mut session, _) = Session::open(Some(store.clone()), ID, "t0");
        session.set_answer("1.i", "私密内容");
        session.save("t1");
        assert_eq!(
            session.forget_everything(),
            Ok(3),
            "draft, backup and history"
        );
        assert_eq!(
            store.items.borrow().keys().collect::<Vec<_>>(),
            vec!["host-site/pref"]
        );
        assert_eq!(session.draft().answers().count(), 0);
        assert!(!session.is_dirty());
    }

    #[test]
    fn answers_survive_closing_and_reopening() {
        let store = FillableStore::default();
        let (mut session, notice) = Session::open(Some(store.clone()), ID, "t0");
        assert_eq!(notice, None);
        assert_eq!(session.status(), &SaveStatus::Empty);
        session.set_answer("4.iii", "算法沉积");
        assert!(session.is_dirty());
        assert_eq!(session.save("t1"), &SaveStatus::Saved { at: "t1".into() });
        session.set_answer("4.iii", "算法沉积系统");
        assert_eq!(session.status(), &SaveStatus::Pending);
        assert_eq!(session.last_saved(), Some("t1"));
        session.save("t1");
        let (reopened, _) = Session::open(Some(store), ID, "t2");
        assert_eq!(reopened.draft().answer("4.iii"), "算法沉积系统");
        assert_eq!(reopened.last_saved(), Some("t1"));
        assert_eq!(reopened.status(), &SaveStatus::Saved { at: "t1".into() });
    }

    #[test]
    fn unreadable_text_is_copied_aside_before_anything_is_saved() {
        let store = FillableStore::default();
        store
            .items
            .borrow_mut()
            .insert(storage_key(ID), "{\"format\":\"consul".into());
        let (mut session, notice) = Session::open(Some(store.clone()), ID, "2026-11-26T10:00:00Z");
        let backup = backup_key(ID, "2026-11-26T10:00:00Z");
        assert_eq!(
            notice,
            Some(OpenNotice::UnreadableKept {
                reason: DraftError::NotJson,
                backup_key: backup.clone(),
                raw: "{\"format\":\"consul".into(),
            })
        );
        assert_eq!(store.items.borrow()[&backup], "{\"format\":\"consul");
        session.set_answer("1.i", "新草稿");
        session.save("t1");
        assert_eq!(store.items.borrow()[&backup], "{\"format\":\"consul");
    }

    #[test]
    fn unreadable_text_that_cannot_be_copied_is_never_overwritten() {
        let store = FillableStore::default();
        store
            .items
            .borrow_mut()
            .insert(storage_key(ID), "garbage".into());
        *store.full.borrow_mut() = true;
        let (mut session, notice) = Session::open(Some(store.clone()), ID, "t0");
        assert_eq!(
            notice,
            Some(OpenNotice::UnreadableLeft {
                reason: DraftError::NotJson,
                raw: "garbage".into(),
            })
        );
        *store.full.borrow_mut() = false;
        session.set_answer("1.i", "x");
        assert_eq!(session.save("t1"), &SaveStatus::MemoryOnly);
        assert_eq!(store.items.borrow()[&storage_key(ID)], "garbage");
    }

    #[test]
    fn a_full_store_keeps_the_last_good_copy_and_retries() {
        let store = FillableStore::default();
        let (mut session, _) = Session::open(Some(store.clone()), ID, "t0");
        session.set_answer("1.i", "first");
        session.save("t1");
        *store.full.borrow_mut() = true;
        session.set_answer("1.i", "first and second");
        assert_eq!(session.save("t2"), &SaveStatus::Failing(StoreError::Full));
        assert!(session.is_dirty());
        let stored = store.items.borrow()[&storage_key(ID)].clone();
        assert_eq!(
            Draft::from_json(&stored, ID).unwrap().0.answer("1.i"),
            "first"
        );
        *store.full.borrow_mut() = false;
        assert_eq!(session.save("t3"), &SaveStatus::Saved { at: "t3".into() });
    }

    #[test]
    fn without_storage_the_draft_lives_in_memory() {
        let (mut session, notice) = Session::<FillableStore>::open(None, ID, "t0");
        assert_eq!(notice, Some(OpenNotice::NoStorage));
        session.set_answer("1.i", "x");
        assert_eq!(session.save("t1"), &SaveStatus::MemoryOnly);
        assert_eq!(session.draft().answer("1.i"), "x");
    }

    #[test]
    fn two_windows_on_one_store_keep_each_others_answers() {
        let store = FillableStore::default();
        let (mut first, _) = Session::open(Some(store.clone()), ID, "t0");
        let (mut second, _) = Session::open(Some(store.clone()), ID, "t0");
        first.set_answer("1.i", "第一窗口");
        second.set_answer("2.i", "第二窗口");
        first.save("t1");
        second.save("t2");
        assert_eq!(
            second.take_external_changes(),
            vec!["answer:1.i".to_string()]
        );
        assert_eq!(second.draft().answer("1.i"), "第一窗口");
        let stored = store.items.borrow()[&storage_key(ID)].clone();
        assert!(first.absorb(&stored));
        assert_eq!(first.draft().answer("2.i"), "第二窗口");
        assert!(!first.is_dirty());
        let (reopened, _) = Session::open(Some(store), ID, "t3");
        assert_eq!(reopened.draft().answer("1.i"), "第一窗口");
        assert_eq!(reopened.draft().answer("2.i"), "第二窗口");
    }

    #[test]
    fn two_windows_editing_one_answer_keep_both_texts() {
        let store = FillableStore::default();
        let (mut first, _) = Session::open(Some(store.clone()), ID, "t0");
        let (mut second, _) = Session::open(Some(store.clone()), ID, "t0");
        first.set_answer("3.i", "甲的回答");
        second.set_answer("3.i", "乙的回答");
        first.save("t1");
        second.save("t2");
        assert_eq!(second.draft().answer("3.i"), "乙的回答");
        assert_eq!(
            second.draft().conflicts().collect::<Vec<_>>(),
            vec![("answer:3.i", "甲的回答")]
        );
        let stored = store.items.borrow()[&storage_key(ID)].clone();
        first.absorb(&stored);
        assert_eq!(first.draft().answer("3.i"), "乙的回答");
        assert_eq!(
            first.draft().conflicts().collect::<Vec<_>>(),
            vec![("answer:3.i", "甲的回答")]
        );
    }

    #[test]
    fn each_save_is_recorded_in_the_history() {
        let store = FillableStore::default();
        let (mut session, _) = Session::open(Some(store.clone()), ID, "t0");
        session.set_answer("1.i", "昨天的回答");
        session.save("2026-11-25T10:00:00.000Z");
        session.set_answer("1.i", "今天的回答");
        session.save("2026-11-26T10:00:00.000Z");
        let history = session.history();
        assert_eq!(history.snapshots().len(), 2);
        assert_eq!(history.draft(0, ID).unwrap().answer("1.i"), "昨天的回答");
        assert_eq!(history.draft(1, ID).unwrap().answer("1.i"), "今天的回答");
    }

    #[test]
    fn keys_are_namespaced_and_versioned() {
        assert_eq!(storage_key(ID), "consultation-response/v1/wipo-ip-ai-2019");
        assert!(backup_key(ID, "t").starts_with("consultation-response/v1/wipo-ip-ai-2019/"));
    }
}
