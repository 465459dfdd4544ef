//! What this browser does with the draft: a one-time tip that browsers may clear storage, the
//! answer to the persistent-storage request, and removing the drafts from a shared computer.

use super::draft_handle::DraftHandle;
use super::drafts::Switcher;
use super::notice::DownloadDraftButton;
use super::{use_paper, use_strings};
use crate::draft::library::MAIN_DRAFT;
use crate::platform::{self, Persistence};
use yew::platform::spawn_local;
use yew::prelude::*;

const TIP_DISMISSED: &str = "storage-tip-dismissed";

/// Said once, briefly: the browser may clear its storage; keep a draft file too.
#[function_component]
pub fn StorageTip() -> Html {
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("StorageTip needs the draft");
    let shown = use_state(|| handle.with(|s| s.has_store() && s.setting(TIP_DISMISSED).is_none()));
    if !*shown {
        return html! {};
    }
    let dismiss = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            handle.set_setting(TIP_DISMISSED, "1");
            shown.set(false);
        })
    };
    html! {
        <div class="cr-notice cr-tip" role="note">
            <p>{ strings.tip_storage }</p>
            <div class="cr-buttons">
                <DownloadDraftButton />
                <button type="button" class="cr-button cr-button--secondary" onclick={dismiss}>{ strings.tip_dismiss }</button>
            </div>
        </div>
    }
}

/// Where the request for persistent storage stands.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PersistenceState {
    /// Not asked yet: nothing has been written.
    NotAsked,
    Asking,
    Answered(Persistence),
}

/// Asks the browser to keep this site's data once the person has written something, not on
/// arrival: Firefox turns the request into a permission prompt, which would greet every visitor
/// of a ministry's page. (Storage already kept is granted again without a prompt.)
#[hook]
pub fn use_persistence(edited: bool) -> PersistenceState {
    let state = use_state(|| PersistenceState::NotAsked);
    {
        let state = state.clone();
        use_effect_with(edited, move |edited| {
            if *edited && *state == PersistenceState::NotAsked {
                state.set(PersistenceState::Asking);
                spawn_local(async move {
                    let answer = platform::request_persistence().await;
                    state.set(PersistenceState::Answered(answer));
                });
            }
        });
    }
    *state
}

/// The browser's answer about persistent storage, and "remove my drafts from this browser".
#[function_component]
pub fn BrowserDrafts() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("BrowserDrafts needs the draft");
    let persistence =
        use_context::<PersistenceState>().expect("BrowserDrafts needs the persistence state");
    let confirming = use_state(|| false);
    let done = use_state(|| false);
    let answer = match persistence {
        PersistenceState::NotAsked => strings.persistence_not_asked,
        PersistenceState::Asking => strings.persistence_asking,
        PersistenceState::Answered(Persistence::Granted) => strings.persistence_granted,
        PersistenceState::Answered(Persistence::Refused) => strings.persistence_refused,
        PersistenceState::Answered(Persistence::Unsupported) => strings.persistence_unsupported,
    };
    let ask = {
        let (confirming, done) = (confirming.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            done.set(false);
            confirming.set(true);
        })
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let switcher = use_context::<Switcher>().expect("BrowserDrafts needs the draft switcher");
    let forget = {
        let (confirming, done) = (confirming.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            done.set(handle.forget_everything());
            confirming.set(false);
            // Other drafts went too: start again from a single, empty first draft.
            if let Some(library) = &switcher.library {
                library.reload(&paper.id, strings.draft_first_name);
                switcher.switch.emit(MAIN_DRAFT.to_string());
            }
        })
    };
    html! {
        <div class="cr-panel">
            <h3 class="cr-panel__heading">{ strings.browser_heading }</h3>
            // Not a live region: the browser answers while the person types their first words,
            // and a screen reader would speak it over them. It is here to be read.
            <p class="cr-persistence">{ answer }</p>
            <p class="cr-panel__hint">{ strings.forget_hint }</p>
            if *confirming {
                <div class="cr-notice cr-notice--warning" role="alert">
                    <p>{ strings.forget_confirm }</p>
                    <div class="cr-buttons">
                        <button type="button" class="cr-button cr-button--danger" onclick={forget}>{ strings.forget_yes }</button>
                        <button type="button" class="cr-button cr-button--secondary" onclick={cancel}>{ strings.import_cancel }</button>
                    </div>
                </div>
            } else {
                <div class="cr-buttons">
                    <button type="button" class="cr-button cr-button--secondary" onclick={ask}>{ strings.forget_button }</button>
                </div>
            }
            if *done {
                <p class="cr-notice cr-notice--ok" role="status">{ strings.forget_done }</p>
            }
        </div>
    }
}
