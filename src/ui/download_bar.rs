use super::draft_handle::DraftHandle;
use super::use_strings;
use crate::catalog::Consultation;
use crate::export::{self, markdown, outline};
use crate::i18n::fill;
use crate::platform;
use yew::prelude::*;

/// Downloads the response document.
#[function_component]
pub fn DownloadBar() -> Html {
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("DownloadBar needs the draft");
    let paper = Consultation::wipo_2019();
    let onclick = Callback::from(move |_: MouseEvent| {
        handle.flush();
        let date = platform::today_local();
        let options = outline::Options {
            date: date.clone(),
            include_unanswered: true,
        };
        let text = handle
            .with(|s| markdown::write(&outline::outline(paper, s.draft(), &options, strings)));
        let name = export::file_name(paper, &date, "md");
        if let Err(error) = platform::download(&name, "text/markdown;charset=utf-8", &text) {
            gloo::console::error!(error);
        }
    });
    html! {
        <div class="cr-download">
            <button type="button" class="cr-button cr-button--primary" {onclick}>
                { strings.download_markdown }
            </button>
            <p class="cr-download__hint">{ fill(strings.download_hint, &[("email", &paper.email)]) }</p>
        </div>
    }
}
