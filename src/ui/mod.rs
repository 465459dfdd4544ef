//! The interface: small function components over the catalog and the open draft.

mod about_you;
mod app;
mod browser_storage;
mod conflicts;
mod consolidation;
mod contents;
mod draft_handle;
mod drafts;
mod file_picker;
mod history;
mod notice;
mod other_answers;
mod paper;
mod paper_header;
mod progressive;
mod question;
mod status_line;
mod submission;
mod take_over;
mod update_notice;
mod view;

pub use app::{App, AppProps};

use crate::catalog::Consultation;
use crate::i18n::Strings;
use yew::prelude::*;

/// The consultation the app serves, handed down from [`mount`]: components take it from context
/// and never name a particular consultation. Equal only to itself (one per page).
#[derive(Clone, Copy)]
pub struct Paper(pub &'static Consultation);

impl PartialEq for Paper {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// The consultation, for any component that shows or reads the paper.
#[hook]
pub fn use_paper() -> &'static Consultation {
    use_context::<Paper>()
        .expect("the consultation is provided by App")
        .0
}

/// The interface language in use, for any component that shows words.
#[hook]
pub fn use_strings() -> &'static Strings {
    use_context::<&'static Strings>().unwrap_or(&crate::i18n::ZH)
}

/// A link's click that moves focus to the element with `id` itself: the element lives in the
/// app's shadow root, where the page's own fragment navigation cannot find it, and the host's
/// address is the host's (its router may own the fragment).
pub(crate) fn reveal_on_click(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        crate::platform::reveal_after_render(id.to_string());
    })
}

/// Mounts the app for `paper` into `root`, touching nothing else on the host page. The host may set
/// `data-lang` on its element (`zh-CN`, `en`) to choose the language shown until the person
/// picks one; an unknown tag is ignored and the browser's languages decide.
pub fn mount(root: web_sys::Element, paper: &'static Consultation) -> yew::AppHandle<App> {
    let settings = crate::platform::embedding::settle(&root);
    let language = |tag: Option<String>| tag.and_then(|t| crate::language::Language::from_tag(&t));
    yew::Renderer::<App>::with_root_and_props(
        root,
        app::AppProps {
            paper: Paper(paper),
            configured_language: language(settings.language_tag),
            chosen_language: language(settings.chosen_language_tag),
            own_page: settings.own_page,
        },
    )
    .render()
}
