use super::draft_handle::DraftHandle;
use super::use_strings;
use crate::catalog::Consultation;
use crate::draft::{SaveStatus, StoreError};
use crate::i18n::fill;
use crate::platform;
use yew::prelude::*;

/// Where the draft stands: how much is answered and when it was last saved. A polite live
/// region whose text changes at most once a minute while someone types.
#[function_component]
pub fn StatusLine() -> Html {
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("StatusLine needs the draft");
    let paper = Consultation::wipo_2019();
    let questions = paper.answerables();
    let (answered, status, last_saved) = handle.with(|s| {
        let answered = s.draft().answered_count(questions.iter().map(|q| q.id));
        (answered, s.status().clone(), s.last_saved().map(str::to_string))
    });
    let saved_text = |at: &str| fill(strings.status_saved, &[("time", &platform::clock_time(at))]);
    let (text, failing) = match (&status, &last_saved) {
        (SaveStatus::Empty, _) => (strings.status_empty.to_string(), false),
        (SaveStatus::Saved { at }, _) => (saved_text(at), false),
        (SaveStatus::Pending, Some(at)) => (saved_text(at), false),
        (SaveStatus::Pending, None) => (strings.status_empty.to_string(), false),
        (SaveStatus::Failing(StoreError::Full), _) => (strings.status_failing_full.to_string(), true),
        (SaveStatus::Failing(_), _) => (strings.status_failing.to_string(), true),
        (SaveStatus::MemoryOnly, _) => (strings.status_memory.to_string(), true),
    };
    let count = fill(
        strings.answered_of,
        &[("answered", &answered.to_string()), ("total", &questions.len().to_string())],
    );
    html! {
        <div class="cr-status">
            <p class="cr-status__count">{ count }</p>
            if failing {
                <p class="cr-status__save cr-status__save--failing" role="alert">{ text }</p>
            } else {
                <p class="cr-status__save" role="status">{ text }</p>
            }
        </div>
    }
}
