//! Opening a saved draft file or HTML response: chosen with the app's own button or dropped on
//! the import area, checked first, and used only after the person confirms.

use crate::catalog::Consultation;
use crate::draft::Draft;
use crate::i18n::{fill, Strings};
use crate::ui::draft_handle::DraftHandle;
use crate::ui::drafts::Switcher;
use crate::ui::file_picker::{read_draft_file, FilePicker};
use crate::ui::{use_paper, use_strings};
use yew::platform::spawn_local;
use yew::prelude::*;

/// What the import step is showing.
#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    Confirm(Box<Draft>),
    Done,
    Failed(String),
}

/// Reads and checks `file`, then shows the outcome: a bad file changes nothing.
fn open_file(
    file: web_sys::File,
    paper: &'static Consultation,
    state: UseStateHandle<ImportState>,
    strings: &'static Strings,
) {
    spawn_local(async move {
        state.set(match read_draft_file(&file, &paper.id, strings).await {
            Ok((draft, _)) => ImportState::Confirm(Box::new(draft)),
            Err(reason) => ImportState::Failed(fill(strings.import_failed, &[("reason", &reason)])),
        });
    });
}

/// Opens a draft file or HTML response: checked first; a bad file changes nothing; a good one
/// replaces the current draft only after the person confirms. The chosen file's name is part of
/// the chooser button's description.
#[function_component]
pub(super) fn Import() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("Import needs the draft");
    let switcher = use_context::<Switcher>().expect("Import needs the draft switcher");
    let state = use_state(|| ImportState::Idle);
    let chosen = use_state(|| None::<String>);

    let take = {
        let (state, chosen) = (state.clone(), chosen.clone());
        Callback::from(move |files: Vec<web_sys::File>| {
            if let Some(file) = files.into_iter().next() {
                chosen.set(Some(file.name()));
                open_file(file, paper, state.clone(), strings);
            }
        })
    };

    let message = match &*state {
        ImportState::Idle => html! {},
        ImportState::Confirm(draft) => {
            let on_replace = {
                let (state, handle, draft) = (state.clone(), handle.clone(), draft.clone());
                Callback::from(move |_: MouseEvent| {
                    handle.replace((*draft).clone());
                    state.set(ImportState::Done);
                })
            };
            let on_cancel = {
                let state = state.clone();
                Callback::from(move |_: MouseEvent| state.set(ImportState::Idle))
            };
            let as_new = switcher.library.clone().map(|library| {
                let (state, draft, switch) =
                    (state.clone(), draft.clone(), switcher.switch.clone());
                Callback::from(move |_: MouseEvent| {
                    let name = if draft.respondent.organisation.trim().is_empty() {
                        fill(strings.draft_new_name, &[("n", "")])
                            .trim()
                            .to_string()
                    } else {
                        draft.respondent.organisation.clone()
                    };
                    if let Some(id) = library.create(&name, None, &draft) {
                        switch.emit(id);
                        state.set(ImportState::Done);
                    }
                })
            });
            html! {
                <div class="cr-notice" role="alert">
                    <p>{ strings.import_confirm }</p>
                    <div class="cr-buttons">
                        <button type="button" class="cr-button cr-button--primary" onclick={on_replace}>{ strings.import_replace }</button>
                        if let Some(as_new) = as_new {
                            <button type="button" class="cr-button cr-button--secondary" onclick={as_new}>{ strings.import_as_new }</button>
                        }
                        <button type="button" class="cr-button cr-button--secondary" onclick={on_cancel}>{ strings.import_cancel }</button>
                    </div>
                </div>
            }
        }
        ImportState::Done => {
            html! { <p class="cr-notice cr-notice--ok" role="status">{ strings.import_done }</p> }
        }
        ImportState::Failed(text) => {
            html! { <p class="cr-notice cr-notice--warning" role="alert">{ text }</p> }
        }
    };
    let chosen_text = match &*chosen {
        Some(name) => fill(strings.import_chosen, &[("name", name)]),
        None => strings.import_no_file.to_string(),
    };
    html! {
        <div class="cr-panel">
            <h3 class="cr-panel__heading">{ strings.import_heading }</h3>
            <p class="cr-panel__hint" id="import-hint">{ strings.import_hint }</p>
            <FilePicker id="import" class="cr-import" label={strings.import_label}
                drop_hint={strings.import_drop_hint} drop_now={strings.import_drop_now}
                described_by="import-chosen import-hint" on_files={take}>
                <span class="cr-import__chosen" id="import-chosen">{ chosen_text }</span>
            </FilePicker>
            { message }
        </div>
    }
}
