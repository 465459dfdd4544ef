use super::notice::DownloadDraftButton;
use super::use_strings;
use crate::draft::{SaveStatus, StoreError};
use crate::i18n::fill;
use crate::platform;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusLineProps {
    pub answered: usize,
    pub total: usize,
    pub status: SaveStatus,
    /// When the draft was last stored (ISO 8601), if ever.
    pub last_saved: Option<AttrValue>,
}

/// Where the draft stands: how much is answered and when it was last saved, to be read. It is
/// not a live region: every field says after a pause in typing that the draft is saved (a
/// status line that spoke would speak over the typing); failures are alerts at once.
#[function_component]
pub fn StatusLine(props: &StatusLineProps) -> Html {
    let strings = use_strings();
    let saved_text = |at: &str| fill(strings.status_saved, &[("time", &platform::clock_time(at))]);
    let (text, failing) = match (&props.status, &props.last_saved) {
        (SaveStatus::Empty, _) => (strings.status_empty.to_string(), false),
        // The first change of a draft never saved before: not "nothing typed" any more.
        (SaveStatus::Pending, None) => (strings.status_pending.to_string(), false),
        (SaveStatus::Saved { at }, _) => (saved_text(at), false),
        (SaveStatus::Pending, Some(at)) => (saved_text(at), false),
        (SaveStatus::Failing(StoreError::Full), _) => {
            (strings.status_failing_full.to_string(), true)
        }
        (SaveStatus::Failing(_), _) => (strings.status_failing.to_string(), true),
        (SaveStatus::MemoryOnly, _) => (strings.status_memory.to_string(), true),
    };
    let count = fill(
        strings.answered_of,
        &[
            ("answered", &props.answered.to_string()),
            ("total", &props.total.to_string()),
        ],
    );
    html! {
        <div class="cr-status">
            <p class="cr-status__count">{ count }</p>
            if failing {
                <div class="cr-status__save cr-status__save--failing" role="alert">
                    <p>{ text }</p>
                    <DownloadDraftButton />
                </div>
            } else {
                <p class="cr-status__save">{ text }</p>
            }
        </div>
    }
}
