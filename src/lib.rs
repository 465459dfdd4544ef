//! Write a response to a public consultation (today: WIPO's Draft Issues Paper on IP Policy and
//! Artificial Intelligence) in the browser: the paper, an answer under every question, drafts kept
//! in localStorage, and a response document to download. Nothing leaves the browser.
//!
//! The layout tells the design: [`catalog`] is the paper as data, [`draft`] the answers and how
//! they are kept, [`consolidation`] many contributors' drafts read side by side, [`export`] the document writers, [`i18n`] the words and [`language`] the languages, all plain Rust; the browser
//! is reached only through [`platform`], and [`ui`] holds the components.

pub mod catalog;
pub mod checksum;
pub mod consolidation;
pub mod draft;
pub mod export;
pub mod i18n;
pub mod json;
pub mod language;
pub mod platform;
pub mod ui;

/// Marks the host page's element the app mounts into (`embed/loader.js` finds it).
pub const MOUNT_ATTRIBUTE: &str = "data-consultation-response";

/// Called by the loader with the element to render into (inside the shadow root it made on the
/// host's element). The app lives as long as the page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(container: web_sys::Element) {
    std::mem::forget(ui::mount(container, catalog::Consultation::wipo_2019()));
}
