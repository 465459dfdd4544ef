//! The consolidation desk: contributions from others attached to the open draft, shown under
//! each question beside the coordinator's own answer (the consolidated one).

mod answers;
mod panel;

pub use answers::ContributedAnswers;
pub use panel::{DeskPanel, DeskToggle};

use crate::catalog::Consultation;
use crate::consolidation::{admit, Admission, Contribution};
use crate::draft::library::draft_key;
use crate::draft::{setting_key, Draft, KeyValueStore};
use crate::export::field_title;
use crate::i18n::{fill, Strings};
use crate::platform::{self, contribution_store, BrowserStorage};
use crate::ui::drafts::LibraryHandle;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The setting another window watches to learn that the contributions changed.
pub const CHANGED_SETTING: &str = "contributions-changed";

/// The contributions of the open draft; equal to another handle only at the same version, so
/// that what shows contributions re-renders exactly when they change.
#[derive(Clone)]
pub struct Desk {
    inner: Rc<DeskInner>,
    version: u32,
}

struct DeskInner {
    paper: &'static Consultation,
    draft_key: String,
    contributions: RefCell<Vec<Contribution>>,
    store_failed: Cell<bool>,
    /// Whether the store was read once.
    loaded: Cell<bool>,
    prefix_label: Cell<bool>,
    version: Cell<u32>,
    on_change: Callback<()>,
}

impl PartialEq for Desk {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner) && self.version == other.version
    }
}

/// A file read for the desk: its name and what it holds, or why it cannot be used.
pub type ReadFile = (String, Result<(Draft, Option<String>), String>);

impl Desk {
    /// The desk of the draft of `paper` stored under `draft_key`; [`Desk::reload`] reads its
    /// contributions from the store.
    pub fn open(paper: &'static Consultation, draft_key: &str, on_change: Callback<()>) -> Self {
        Desk {
            inner: Rc::new(DeskInner {
                paper,
                draft_key: draft_key.to_string(),
                contributions: RefCell::new(Vec::new()),
                store_failed: Cell::new(false),
                loaded: Cell::new(false),
                prefix_label: Cell::new(false),
                version: Cell::new(0),
                on_change,
            }),
            version: 0,
        }
    }

    /// This handle as of now (what the components get through context).
    pub fn current(&self) -> Self {
        Desk {
            inner: self.inner.clone(),
            version: self.inner.version.get(),
        }
    }

    /// The consultation the contributions answer.
    pub fn paper(&self) -> &'static Consultation {
        self.inner.paper
    }

    pub fn draft_key(&self) -> &str {
        &self.inner.draft_key
    }

    /// Reads the contributions from the store again (another window changed them).
    pub fn reload(&self) {
        let desk = self.clone();
        spawn_local(async move {
            let consultation = &desk.inner.paper.id;
            match contribution_store::load(&desk.inner.draft_key).await {
                Ok(records) => {
                    let mut list: Vec<Contribution> = records
                        .iter()
                        .filter_map(|r| Contribution::from_record(r, consultation))
                        .collect();
                    // Files added before the first reading finished are kept.
                    if !desk.inner.loaded.replace(true) {
                        for added in desk.inner.contributions.borrow().iter() {
                            if !list.iter().any(|c| c.key == added.key) {
                                list.push(added.clone());
                            }
                        }
                    }
                    // The store keeps them by key; the coordinator sees them in the order added.
                    list.sort_by(|a, b| a.added_at.cmp(&b.added_at));
                    *desk.inner.contributions.borrow_mut() = list;
                }
                Err(_) => {
                    desk.inner.loaded.set(true);
                    desk.inner.store_failed.set(true);
                }
            }
            desk.changed();
        });
    }

    /// Runs `read` on the contributions.
    pub fn with<T>(&self, read: impl FnOnce(&[Contribution]) -> T) -> T {
        read(&self.inner.contributions.borrow())
    }

    pub fn len(&self) -> usize {
        self.inner.contributions.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the store refused the contributions: they are then kept on this page only.
    pub fn store_failed(&self) -> bool {
        self.inner.store_failed.get()
    }

    /// Whether inserted text begins with its contributor's label.
    pub fn prefix_label(&self) -> bool {
        self.inner.prefix_label.get()
    }

    pub fn set_prefix_label(&self, on: bool) {
        self.inner.prefix_label.set(on);
        self.changed();
    }

    /// Adds the files read, in order; returns one line per file saying what became of it.
    pub fn add(&self, files: Vec<ReadFile>, strings: &'static Strings) -> Vec<String> {
        let mut report = Vec::new();
        let mut written = Vec::new();
        let now = platform::now_iso();
        for (name, read) in files {
            let (draft, saved_at) = match read {
                Ok(read) => read,
                Err(reason) => {
                    report.push(fill(
                        strings.desk_report_refused,
                        &[("name", &name), ("reason", &reason)],
                    ));
                    continue;
                }
            };
            let mut incoming = Contribution::from_file(draft, saved_at, &name);
            // Files added together keep the order they were given in.
            incoming.added_at = format!("{now}#{:04}", report.len());
            let key = incoming.key.clone();
            let mut list = self.inner.contributions.borrow_mut();
            let admission = admit(&mut list, incoming);
            let contribution = list.iter().find(|c| c.key == key);
            let label = contribution.map_or(String::new(), |c| c.label().to_string());
            let values = [("name", name.as_str()), ("label", label.as_str())];
            report.push(match admission {
                Admission::Added => fill(strings.desk_report_added, &values),
                Admission::AlreadyThere => fill(strings.desk_report_same, &values),
                Admission::Older => fill(strings.desk_report_older, &values),
                Admission::Replaced { changed } => {
                    let fields: Vec<String> = changed
                        .iter()
                        .map(|f| field_title(self.inner.paper, f, strings))
                        .collect();
                    let fields = if fields.is_empty() {
                        strings.desk_changed_details.to_string()
                    } else {
                        fields.join(strings.desk_label_join)
                    };
                    fill(
                        strings.desk_report_replaced,
                        &[("name", &name), ("label", &label), ("fields", &fields)],
                    )
                }
            });
            if let Some(c) = contribution {
                written.push(c.clone());
            }
        }
        self.store(written, Vec::new());
        self.changed();
        report
    }

    /// Removes the contribution `key`.
    pub fn remove(&self, key: &str) {
        self.inner
            .contributions
            .borrow_mut()
            .retain(|c| c.key != key);
        self.store(Vec::new(), vec![key.to_string()]);
        self.changed();
    }

    /// Gives contribution `key` the coordinator's label (empty: the draft's own).
    pub fn relabel(&self, key: &str, label: &str) {
        let relabelled = {
            let mut list = self.inner.contributions.borrow_mut();
            let Some(contribution) = list.iter_mut().find(|c| c.key == key) else {
                return;
            };
            contribution.relabel(label);
            contribution.clone()
        };
        self.store(vec![relabelled], Vec::new());
        self.changed();
    }

    /// Re-renders what shows the desk (its own state, or the draft's considered marks).
    pub fn changed(&self) {
        self.inner.version.set(self.inner.version.get() + 1);
        self.inner.on_change.emit(());
    }

    /// Writes to the store in the background. A refusal is said once and the desk goes on in
    /// memory: the files remain the source.
    fn store(&self, written: Vec<Contribution>, removed: Vec<String>) {
        if written.is_empty() && removed.is_empty() {
            return;
        }
        let key = |k: &str| contribution_store::record_key(&self.inner.draft_key, k);
        let records = written
            .iter()
            .map(|c| (key(&c.key), c.to_record()))
            .collect();
        let removed = removed.iter().map(|k| key(k)).collect();
        let desk = self.clone();
        spawn_local(async move {
            match contribution_store::write(records, removed).await {
                Ok(()) => {
                    // Other windows of this draft read the store again.
                    if let Some(storage) = BrowserStorage::open() {
                        let stamp = format!("{}@{}", desk.inner.draft_key, platform::now_iso());
                        let _ = storage.set(&setting_key(CHANGED_SETTING), &stamp);
                    }
                }
                Err(_) => {
                    desk.inner.store_failed.set(true);
                    desk.changed();
                }
            }
        });
    }
}

/// The desk of the draft stored under `key`, for the app to provide (as of this render). It is opened again
/// when the draft is replaced or forgotten (`replacements`), follows other windows' changes, and
/// once per page lets go of the contributions of drafts deleted for good (neither in `library`
/// nor the deleted draft it can still bring back).
#[hook]
pub fn use_desk(
    paper: &'static Consultation,
    key: &str,
    replacements: u32,
    library: &Option<LibraryHandle>,
) -> Desk {
    let refresh = use_force_update();
    let desk = use_memo((key.to_string(), replacements), move |(key, _)| {
        Desk::open(paper, key, Callback::from(move |_| refresh.force_update()))
    });
    {
        let library = library.clone();
        use_effect_with((), move |_| {
            let consultation = &paper.id;
            if let Some(library) = library {
                let kept = library
                    .ids_to_keep()
                    .iter()
                    .map(|id| draft_key(consultation, id))
                    .collect();
                spawn_local(async move {
                    let _ = contribution_store::keep_only(kept).await;
                });
            }
        });
    }
    use_effect_with((*desk).clone(), |desk| {
        // Read once rendered: the first render (also the build's prerender) reads no store.
        desk.reload();
        let desk = desk.clone();
        let prefix = format!("{}@", desk.draft_key());
        let sync = platform::on_storage_change(setting_key(CHANGED_SETTING), move |stamp| {
            if stamp.is_some_and(|s| s.starts_with(&prefix)) {
                desk.reload();
            }
        });
        move || drop(sync)
    });
    desk.current()
}
