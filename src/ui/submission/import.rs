//! Opening a saved draft file or HTML response: chosen with the app's own button or dropped on
//! the import area, checked first, and used only after the person confirms.

use crate::catalog::Consultation;
use crate::draft::transfer::{self, ImportError};
use crate::draft::{Draft, DraftError};
use crate::i18n::{fill, Strings};
use crate::platform;
use crate::ui::draft_handle::DraftHandle;
use crate::ui::drafts::Switcher;
use crate::ui::use_strings;
use web_sys::HtmlInputElement;
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
fn open_file(file: web_sys::File, state: UseStateHandle<ImportState>, strings: &'static Strings) {
    spawn_local(async move {
        let outcome = match platform::read_text(&file).await {
            Ok(text) => transfer::from_file(&text, &Consultation::wipo_2019().id)
                .map_err(|e| import_reason(&e, strings)),
            Err(_) => Err(strings.import_unreadable_file.to_string()),
        };
        state.set(match outcome {
            Ok(draft) => ImportState::Confirm(Box::new(draft)),
            Err(reason) => ImportState::Failed(fill(strings.import_failed, &[("reason", &reason)])),
        });
    });
}

/// Opens a draft file or HTML response: checked first; a bad file changes nothing; a good one
/// replaces the current draft only after the person confirms.
///
/// The chooser is the app's own button, not the browser's file input: the input draws its
/// button and "no file chosen" in the browser's language and font, so a Chinese page showed an
/// English control whose width no stylesheet governs (it overflowed a 320-px screen). The input
/// stays in the page, `hidden`, as the thing the button opens; it is left out of the tab order
/// and the accessibility tree because a second control saying the same in another language
/// helps nobody. The button is announced as a button in every screen reader, and the chosen
/// file's name is part of its description.
#[function_component]
pub(super) fn Import() -> Html {
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("Import needs the draft");
    let switcher = use_context::<Switcher>().expect("Import needs the draft switcher");
    let state = use_state(|| ImportState::Idle);
    let chosen = use_state(|| None::<String>);
    let dragging = use_state(|| false);
    let input = use_node_ref();

    let take = {
        let (state, chosen) = (state.clone(), chosen.clone());
        Callback::from(move |file: web_sys::File| {
            chosen.set(Some(file.name()));
            open_file(file, state.clone(), strings);
        })
    };
    let on_choose = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|files| files.get(0));
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            if let Some(file) = file {
                take.emit(file);
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser would open the dropped file in place of the page.
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (dragging, take) = (dragging.clone(), take.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                take.emit(file);
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
                    if let Some(id) = library.create(&name, &draft) {
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
            <div class={classes!("cr-import", dragging.then_some("cr-import--dragging"))}
                {ondragover} {ondragleave} {ondrop}>
                <button type="button" class="cr-button cr-button--secondary" id="import-choose"
                    aria-describedby="import-chosen import-hint" onclick={on_choose}>
                    { strings.import_label }
                </button>
                <span class="cr-import__chosen" id="import-chosen">{ chosen_text }</span>
                <p class="cr-import__drop">
                    { if *dragging { strings.import_drop_now } else { strings.import_drop_hint } }
                </p>
                <input type="file" id="import-file" name="import-file" hidden=true tabindex="-1"
                    aria-hidden="true" ref={input}
                    accept=".json,.html,.htm,application/json,text/html" {onchange} />
            </div>
            { message }
        </div>
    }
}

fn import_reason(error: &ImportError, strings: &Strings) -> String {
    match error {
        ImportError::TooLarge { .. } => strings.import_too_large.to_string(),
        ImportError::NotRecognised => strings.import_not_recognised.to_string(),
        ImportError::NewerFile(_) => strings.import_newer.to_string(),
        ImportError::Damaged => strings.import_damaged.to_string(),
        ImportError::Draft(DraftError::OtherConsultation(id)) => {
            fill(strings.reason_other_consultation, &[("id", id)])
        }
        ImportError::Draft(_) => strings.import_not_recognised.to_string(),
    }
}
