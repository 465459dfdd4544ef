//! The interface: small function components over the catalog and the open draft.

mod about_you;
mod app;
mod browser_storage;
mod conflicts;
mod draft_handle;
mod drafts;
mod history;
mod notice;
mod other_answers;
mod paper;
mod paper_header;
mod question;
mod status_line;
mod submission;

pub use app::App;

use crate::i18n::Strings;
use yew::prelude::*;

/// The interface language in use, for any component that shows words.
#[hook]
pub fn use_strings() -> &'static Strings {
    use_context::<&'static Strings>().unwrap_or(&crate::i18n::ZH)
}

/// Mounts the app into `root`, touching nothing else on the host page.
pub fn mount(root: web_sys::Element) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root(root).render()
}
