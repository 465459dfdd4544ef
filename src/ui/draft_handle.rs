//! The open draft as the components see it: answers read and written synchronously, saving
//! throttled so that a change reaches storage within [`SAVE_DELAY_MS`] without writing on every
//! key press, and a flush for when the page goes away.

use crate::draft::{OpenNotice, SaveStatus, Session};
use crate::platform::{self, BrowserStorage};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::Callback;

/// At most this long passes between a change and its save.
pub const SAVE_DELAY_MS: u32 = 300;

/// Shared handle to the draft being written; equal only to itself.
#[derive(Clone)]
pub struct DraftHandle(Rc<Inner>);

struct Inner {
    session: RefCell<Session<BrowserStorage>>,
    pending_save: RefCell<Option<Timeout>>,
    /// Counts replacements of the whole draft; fields remount when it changes.
    replaced: std::cell::Cell<u32>,
    /// Re-renders what shows counts and save status.
    on_status: Callback<()>,
    /// The save status as the page last showed it after a save (its kind and the minute of the
    /// last save): a save that changes neither re-renders nothing, so typing costs no render of
    /// the whole app every 300 ms.
    shown_after_save: RefCell<Option<(std::mem::Discriminant<SaveStatus>, String)>>,
}

impl PartialEq for DraftHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl DraftHandle {
    /// Opens the draft stored under `key` for `consultation_id` (or a new one).
    pub fn open(
        consultation_id: &str,
        key: &str,
        on_status: Callback<()>,
    ) -> (Self, Option<OpenNotice>) {
        let (session, notice) = Session::open_at(
            BrowserStorage::open(),
            consultation_id,
            key,
            &platform::now_iso(),
        );
        let inner = Inner {
            session: RefCell::new(session),
            pending_save: RefCell::new(None),
            replaced: std::cell::Cell::new(0),
            on_status,
            shown_after_save: RefCell::new(None),
        };
        (DraftHandle(Rc::new(inner)), notice)
    }

    /// Runs `read` on the session.
    pub fn with<T>(&self, read: impl FnOnce(&Session<BrowserStorage>) -> T) -> T {
        read(&self.0.session.borrow())
    }

    /// Records an answer and makes sure a save follows soon.
    pub fn set_answer(&self, id: &str, text: &str) {
        let (changed, flipped) = {
            let mut session = self.0.session.borrow_mut();
            let was_answered = session.draft().is_answered(id);
            let changed = session.set_answer(id, text);
            (changed, was_answered != session.draft().is_answered(id))
        };
        if changed {
            self.schedule_save();
        }
        if flipped {
            self.0.on_status.emit(());
        }
    }

    /// Records a comment and makes sure a save follows soon. Nothing else on the page shows a
    /// comment, so nothing re-renders while it is typed.
    pub fn set_comment(&self, key: &str, text: &str) {
        if self
            .0
            .session
            .borrow_mut()
            .edit(|d| d.set_comment(key, text))
        {
            self.schedule_save();
        }
    }

    /// Applies `change` to the draft (it returns whether it changed anything), saves soon, and
    /// re-renders what depends on the draft beyond the edited field.
    pub fn edit(&self, change: impl FnOnce(&mut crate::draft::Draft) -> bool) {
        let changed = self.0.session.borrow_mut().edit(change);
        if changed {
            self.schedule_save();
            self.0.on_status.emit(());
        }
    }

    /// Takes in what another window just stored for this draft.
    pub fn absorb(&self, stored: Option<String>) {
        let Some(stored) = stored else { return };
        let changed = self.0.session.borrow_mut().absorb(&stored);
        self.show_external_changes();
        if changed || self.with(|s| s.draft().conflicts().next().is_some()) {
            self.0.on_status.emit(());
        }
    }

    /// Writes into the page's fields what another window changed. Fields are not re-rendered
    /// while someone types, so their text is set directly.
    fn show_external_changes(&self) {
        let changes = self.0.session.borrow_mut().take_external_changes();
        if changes.is_empty() {
            return;
        }
        let fields = self.with(|s| s.draft().fields());
        for key in changes {
            if let Some(name) = field_element_name(&key) {
                platform::set_field_text(&name, fields.get(&key).map_or("", String::as_str));
            }
        }
    }

    /// Takes in text typed into the control named `name` (or a choice made in it) before the
    /// app started (see [`crate::draft::Draft::take_in_typed`]), shown in its field.
    pub fn take_in_typed(&self, name: &str, text: &str) {
        let Some(key) = crate::draft::FieldKey::from_control_name(name) else {
            return;
        };
        let key = key.to_string();
        self.edit(|d| d.take_in_typed(&key, text));
        // Choices are rendered from the draft; a text field's text is set.
        if field_element_name(&key).is_some() {
            platform::set_field_text(name, text);
        }
    }

    /// Settles a conflict on `key` with `text`, shown in the field at once.
    pub fn resolve_conflict(&self, key: &str, text: &str) {
        self.edit(|d| d.resolve_conflict(key, text));
        if let Some(name) = field_element_name(key) {
            platform::set_field_text(&name, text);
        }
    }

    /// Goes back to an earlier version of the whole draft, keeping the current one in the
    /// history first.
    pub fn restore(&self, draft: crate::draft::Draft) {
        self.flush();
        self.0
            .session
            .borrow_mut()
            .record_snapshot(&platform::now_iso());
        self.replace(draft);
    }

    /// Puts back an earlier answer to one question.
    pub fn restore_answer(&self, id: &str, text: &str) {
        self.set_answer(id, text);
        platform::set_field_text(&format!("answer-{id}"), text);
        self.0.on_status.emit(());
    }

    /// Removes everything of this app from the browser's storage (the contributions of every
    /// consolidation too) and empties the page.
    pub fn forget_everything(&self) -> bool {
        self.0.pending_save.borrow_mut().take();
        yew::platform::spawn_local(async {
            let _ = platform::contribution_store::clear().await;
        });
        let done = self.0.session.borrow_mut().forget_everything().is_ok();
        self.0.replaced.set(self.0.replaced.get() + 1);
        self.0.on_status.emit(());
        done
    }

    /// Stores a small setting (see `Session::set_setting`).
    pub fn set_setting(&self, name: &str, value: &str) {
        self.with(|s| s.set_setting(name, value));
    }

    /// Replaces the whole draft and saves it at once.
    pub fn replace(&self, draft: crate::draft::Draft) {
        self.0.session.borrow_mut().replace(draft);
        self.0.replaced.set(self.0.replaced.get() + 1);
        self.flush();
        self.0.on_status.emit(());
    }

    /// How many times the whole draft was replaced since the page opened.
    pub fn replacements(&self) -> u32 {
        self.0.replaced.get()
    }

    fn schedule_save(&self) {
        let mut pending = self.0.pending_save.borrow_mut();
        if pending.is_some() {
            return;
        }
        let weak: Weak<Inner> = Rc::downgrade(&self.0);
        *pending = Some(Timeout::new(SAVE_DELAY_MS, move || {
            if let Some(inner) = weak.upgrade() {
                DraftHandle(inner).flush();
            }
        }));
    }

    /// Saves now whatever is not saved yet.
    pub fn flush(&self) {
        self.0.pending_save.borrow_mut().take();
        let status = {
            let mut session = self.0.session.borrow_mut();
            if !session.is_dirty() {
                return;
            }
            session.save(&platform::now_iso()).clone()
        };
        self.show_external_changes();
        let shown = self.with(|s| {
            let minute = s.last_saved().map_or("", |at| at.get(..16).unwrap_or(at));
            (std::mem::discriminant(s.status()), minute.to_string())
        });
        if self.0.shown_after_save.borrow().as_ref() != Some(&shown) {
            *self.0.shown_after_save.borrow_mut() = Some(shown);
            self.0.on_status.emit(());
        }
        // A failing store is retried: the person keeps typing and nothing is lost meanwhile.
        if matches!(status, SaveStatus::Failing(_)) {
            self.schedule_retry();
        }
    }

    fn schedule_retry(&self) {
        let weak: Weak<Inner> = Rc::downgrade(&self.0);
        *self.0.pending_save.borrow_mut() = Some(Timeout::new(5_000, move || {
            if let Some(inner) = weak.upgrade() {
                DraftHandle(inner).flush();
            }
        }));
    }

    /// Whether closing the page now would lose changes: they are not stored and cannot be.
    pub fn has_unsaved_work(&self) -> bool {
        self.flush();
        self.with(|s| s.is_dirty() && !s.draft().answers().all(|(_, a)| a.trim().is_empty()))
    }
}

/// The `name` of the form field that shows draft field `key` (see `Draft::fields`), if it is a
/// text field; choices are re-rendered from the draft instead.
pub fn field_element_name(key: &str) -> Option<String> {
    let field = crate::draft::FieldKey::parse(key)?;
    if let crate::draft::FieldKey::Respondent(code) = &field {
        // Only the respondent's text details have a text field.
        crate::draft::RespondentText::ALL
            .iter()
            .find(|f| f.code() == code)?;
    }
    field.control_name()
}
