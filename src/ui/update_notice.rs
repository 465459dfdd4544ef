//! A new release of the app, installed for offline use, is offered: never forced, and never
//! taken while a change is unsaved.

use super::draft_handle::DraftHandle;
use super::use_strings;
use crate::platform::embedding;
use yew::prelude::*;

/// Shown once the offline worker has a new release waiting; reloading saves the draft first.
#[function_component]
pub fn UpdateNotice() -> Html {
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("UpdateNotice needs the draft");
    let ready = use_state(|| false);
    let blocked = use_state(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener = embedding::on_update_ready(move || ready.set(true));
            move || drop(listener)
        });
    }
    if !*ready {
        return html! {};
    }
    let reload = {
        let blocked = blocked.clone();
        Callback::from(move |_: MouseEvent| {
            handle.flush();
            if handle.has_unsaved_work() {
                blocked.set(true);
            } else {
                embedding::reload_for_update();
            }
        })
    };
    html! {
        <div class="cr-notice cr-tip" role="status">
            <p>{ if *blocked { strings.update_blocked } else { strings.update_ready } }</p>
            <div class="cr-buttons">
                <button type="button" class="cr-button cr-button--secondary" onclick={reload}>{ strings.update_reload }</button>
            </div>
        </div>
    }
}
