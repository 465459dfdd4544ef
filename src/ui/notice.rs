use super::draft_handle::DraftHandle;
use super::{use_paper, use_strings};
use crate::draft::{DraftError, OpenNotice};
use crate::export::{self, outline, Format};
use crate::i18n::{fill, Strings};
use crate::platform;
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
        OpenNotice::UnreadableKept {
            reason, backup_key, ..
        } => fill(
            strings.notice_unreadable_kept,
            &[
                ("reason", &reason_text(reason, strings)),
                ("key", backup_key),
            ],
        ),
        OpenNotice::UnreadableLeft { reason, .. } => fill(
            strings.notice_unreadable_left,
            &[("reason", &reason_text(reason, strings))],
        ),
    };
    let action = match &props.notice {
        OpenNotice::NoStorage => html! { <DownloadDraftButton /> },
        OpenNotice::UnreadableKept { raw, .. } | OpenNotice::UnreadableLeft { raw, .. } => {
            let raw = raw.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                let name = format!("unreadable-draft_{}.txt", platform::today_local());
                if let Err(error) =
                    platform::download(&name, "text/plain;charset=utf-8", raw.as_bytes())
                {
                    gloo::console::error!(error);
                }
            });
            html! {
                <div class="cr-buttons">
                    <button type="button" class="cr-button cr-button--secondary" {onclick}>{ strings.notice_download_raw }</button>
                </div>
            }
        }
    };
    html! {
        <div class="cr-notice cr-notice--warning" role="alert">
            <p>{ text }</p>
            { action }
        </div>
    }
}

/// One click to keep the draft as a file: the way out when the browser will not store it.
#[function_component]
pub fn DownloadDraftButton() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("DownloadDraftButton needs the draft");
    let onclick = Callback::from(move |_: MouseEvent| {
        let options = outline::Options {
            date: platform::today_local(),
            include_unanswered: true,
            language: strings.language,
            all_languages: false,
        };
        let saved_at = platform::now_iso();
        let (name, bytes) = handle
            .with(|s| export::produce(Format::DraftFile, paper, s.draft(), &options, &saved_at));
        if let Err(error) = platform::download(&name, Format::DraftFile.mime(), &bytes) {
            gloo::console::error!(error);
        }
    });
    html! {
        <div class="cr-buttons">
            <button type="button" class="cr-button cr-button--primary" {onclick}>{ strings.notice_download_draft }</button>
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
