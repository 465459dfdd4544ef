//! Several named drafts: the list, and creating, renaming, duplicating and deleting them.

use super::draft_handle::DraftHandle;
use super::{use_paper, use_strings};
use crate::draft::library::{DraftEntry, Library};
use crate::draft::Draft;
use crate::i18n::{draft_name, fill};
use crate::platform::{self, BrowserStorage};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The drafts of this consultation in this browser; equal only to itself.
#[derive(Clone)]
pub struct LibraryHandle(Rc<RefCell<Library<BrowserStorage>>>);

impl PartialEq for LibraryHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl LibraryHandle {
    /// The library, when this browser lets the page store anything.
    pub fn open(consultation_id: &str, first_name: &str) -> Option<Self> {
        let store = BrowserStorage::open()?;
        Some(LibraryHandle(Rc::new(RefCell::new(Library::open(
            store,
            consultation_id,
            first_name,
        )))))
    }

    /// Reads the list again from storage (after everything was removed, a single empty draft).
    pub fn reload(&self, consultation_id: &str, first_name: &str) {
        if let Some(store) = BrowserStorage::open() {
            *self.0.borrow_mut() = Library::open(store, consultation_id, first_name);
        }
    }

    pub fn current(&self) -> String {
        self.0.borrow().current().to_string()
    }

    /// Remembers `id` as the draft to open next time (writing only when that changes).
    pub fn set_current(&self, id: &str) {
        if self.current() != id {
            let _ = self.0.borrow_mut().set_current(id);
        }
    }

    pub fn entries(&self) -> Vec<DraftEntry> {
        self.0.borrow().drafts().to_vec()
    }

    /// The ids of every draft, and of the deleted one that can still be brought back.
    pub fn ids_to_keep(&self) -> Vec<String> {
        let library = self.0.borrow();
        library
            .drafts()
            .iter()
            .chain(library.deleted().map(|d| &d.entry))
            .map(|entry| entry.id.clone())
            .collect()
    }

    /// Adds a draft holding `draft`; returns its id, or `None` when the store refused. `number`
    /// marks `name` as a default name.
    pub fn create(&self, name: &str, number: Option<u64>, draft: &Draft) -> Option<String> {
        self.0
            .borrow_mut()
            .create(name, number, draft, &platform::now_iso())
            .ok()
    }
}

/// What components deeper down need to open another draft (e.g. an import opened as new).
#[derive(Clone, PartialEq)]
pub struct Switcher {
    pub library: Option<LibraryHandle>,
    pub switch: Callback<String>,
}

#[derive(Properties, PartialEq)]
pub struct DraftsPanelProps {
    pub library: LibraryHandle,
    pub current: String,
    /// How many questions the open draft answers (the app counts them once for all).
    pub answered: usize,
    pub on_switch: Callback<String>,
    /// More in the bar (the desk's button).
    #[prop_or_default]
    pub children: Html,
    /// Said under the bar (the tip about this browser's storage).
    #[prop_or_default]
    pub tip: Html,
}

/// The list of drafts with their answered count and last save, and the actions on them.
#[function_component]
pub fn DraftsPanel(props: &DraftsPanelProps) -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("DraftsPanel needs the draft");
    // Re-render after changes that do not switch drafts (rename, undo).
    let refresh = use_force_update();
    let questions = paper.answerables();
    let entries = props.library.entries();
    let current_name = entries
        .iter()
        .find(|e| e.id == props.current)
        .map(|e| draft_name(e, strings))
        .unwrap_or_default();
    let library = &props.library;
    let open = use_state(|| false);

    let rename = {
        let (library, id, refresh) = (library.clone(), props.current.clone(), refresh.clone());
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlInputElement>().value();
            if !name.trim().is_empty() {
                let _ = library.0.borrow_mut().rename(&id, &name);
                refresh.force_update();
            }
        })
    };
    let create = {
        let (library, switch, count) = (library.clone(), props.on_switch.clone(), entries.len());
        Callback::from(move |_: MouseEvent| {
            let number = count as u64 + 1;
            let name = fill(strings.draft_new_name, &[("n", &number.to_string())]);
            let draft = Draft::new(&paper.id);
            if let Some(id) = library.create(&name, Some(number), &draft) {
                switch.emit(id);
            }
        })
    };
    let duplicate = {
        let (library, switch, handle, name) = (
            library.clone(),
            props.on_switch.clone(),
            handle.clone(),
            current_name.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            handle.flush();
            let mut copy = handle.with(|s| s.draft().clone());
            // A copy is another draft: its files must not pass for newer versions of this one.
            copy.clear_identity();
            let name = fill(strings.draft_copy_name, &[("name", &name)]);
            if let Some(id) = library.create(&name, None, &copy) {
                switch.emit(id);
            }
        })
    };
    let delete = {
        let (library, switch, handle, id) = (
            library.clone(),
            props.on_switch.clone(),
            handle.clone(),
            props.current.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            handle.flush();
            let next = {
                let mut library = library.0.borrow_mut();
                let _ = library.delete(&id);
                library.current().to_string()
            };
            switch.emit(next);
        })
    };
    let deleted = library
        .0
        .borrow()
        .deleted()
        .map(|d| draft_name(&d.entry, strings));
    let undo = {
        let (library, switch) = (library.clone(), props.on_switch.clone());
        Callback::from(move |_: MouseEvent| {
            let restored = library.0.borrow_mut().undo_delete().ok().flatten();
            if let Some(id) = restored {
                switch.emit(id);
            }
        })
    };

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let answered_text = |answered: usize| {
        fill(
            strings.answered_of,
            &[
                ("answered", &answered.to_string()),
                ("total", &questions.len().to_string()),
            ],
        )
    };
    // A bar of one line: which draft is open, and the rest one click away, so the first screen
    // of a host page shows the paper rather than draft management.
    html! {
        <section class="cr-drafts" aria-labelledby="cr-drafts-heading">
            <div class="cr-drafts__bar">
                <h2 class="cr-drafts__heading" id="cr-drafts-heading">{ strings.drafts_heading }</h2>
                <span class="cr-drafts__summary">
                    <span class="cr-drafts__name">{ &current_name }</span>
                    { format!(" · {}", answered_text(props.answered)) }
                </span>
                <button type="button" class="cr-button cr-button--quiet cr-drafts__toggle"
                    aria-expanded={(*open).to_string()} aria-controls="cr-drafts-body" onclick={toggle}>
                    { strings.drafts_manage }
                </button>
                { props.children.clone() }
            </div>
            { props.tip.clone() }
            // Closed, the list is not built at all: it reads every other draft from storage.
            if *open {
            <div class="cr-drafts__body" id="cr-drafts-body">
            <div class="cr-field" key={props.current.clone()}>
                <label class="cr-field__label" for="draft-name">{ strings.drafts_name_label }</label>
                <input class="cr-field__input" type="text" id="draft-name" name="draft-name"
                    value={current_name.clone()} onchange={rename} />
            </div>
            <ul class="cr-drafts__list">
                { for entries.iter().map(|entry| {
                    let is_current = entry.id == props.current;
                    // The open draft's figures come from the page, the others' from storage.
                    let (answered, saved) = if is_current {
                        (props.answered, handle.with(|s| s.last_saved().map(str::to_string)))
                    } else {
                        library.0.borrow().load(&entry.id).map_or((0, None), |(d, at)| {
                            (d.answered_count(questions.iter().map(|q| q.id)), at)
                        })
                    };
                    let saved = saved.map_or(strings.drafts_never_saved.to_string(), |at| {
                        fill(strings.drafts_saved, &[("time", &platform::date_time(&at))])
                    });
                    let count = answered_text(answered);
                    let open = {
                        let (switch, id) = (props.on_switch.clone(), entry.id.clone());
                        Callback::from(move |_: MouseEvent| switch.emit(id.clone()))
                    };
                    let name = draft_name(entry, strings);
                    html! {
                        <li class="cr-drafts__item" key={entry.id.clone()}>
                            <span class="cr-drafts__name">{ &name }</span>
                            if is_current {
                                <span class="cr-drafts__current">{ strings.drafts_current }</span>
                            }
                            <span class="cr-drafts__meta">{ format!(" · {count} · {saved}") }</span>
                            if !is_current {
                                <button type="button" class="cr-button cr-button--quiet" onclick={open}>
                                    { strings.drafts_open }<span class="cr-visually-hidden">{ format!(" {name}") }</span>
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
            <div class="cr-buttons">
                <button type="button" class="cr-button cr-button--secondary" onclick={create}>{ strings.drafts_new }</button>
                <button type="button" class="cr-button cr-button--secondary" onclick={duplicate}>{ strings.drafts_duplicate }</button>
                if entries.len() > 1 {
                    <button type="button" class="cr-button cr-button--secondary" onclick={delete}>{ strings.drafts_delete }</button>
                }
            </div>
            if let Some(name) = deleted {
                <div class="cr-notice" role="status">
                    <p>{ fill(strings.drafts_deleted, &[("name", &name)]) }</p>
                    <button type="button" class="cr-button cr-button--secondary" onclick={undo}>{ strings.drafts_undo }</button>
                </div>
            }
            </div>
            }
        </section>
    }
}
