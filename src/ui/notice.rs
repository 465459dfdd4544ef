use super::use_strings;
use crate::draft::{DraftError, OpenNotice};
use crate::i18n::{fill, Strings};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpenNoticeBannerProps {
    pub notice: OpenNotice,
}

/// What happened to the stored draft when the page opened, said once and plainly.
#[function_component]
pub fn OpenNoticeBanner(props: &OpenNoticeBannerProps) -> Html {
    let strings = use_strings();
    let text = match &props.notice {
        OpenNotice::NoStorage => strings.notice_no_storage.to_string(),
        OpenNotice::UnreadableKept { reason, backup_key } => fill(
            strings.notice_unreadable_kept,
            &[
                ("reason", &reason_text(reason, strings)),
                ("key", backup_key),
            ],
        ),
        OpenNotice::UnreadableLeft { reason } => fill(
            strings.notice_unreadable_left,
            &[("reason", &reason_text(reason, strings))],
        ),
    };
    html! {
        <div class="cr-notice cr-notice--warning" role="alert">
            <p>{ text }</p>
        </div>
    }
}

fn reason_text(reason: &DraftError, strings: &Strings) -> String {
    match reason {
        DraftError::NotJson => strings.reason_not_json.to_string(),
        DraftError::NotADraft => strings.reason_not_a_draft.to_string(),
        DraftError::NewerVersion(v) => fill(strings.reason_newer, &[("version", &v.to_string())]),
        DraftError::UnknownVersion(v) => fill(
            strings.reason_unknown_version,
            &[("version", &v.to_string())],
        ),
        DraftError::OtherConsultation(id) => fill(strings.reason_other_consultation, &[("id", id)]),
    }
}
