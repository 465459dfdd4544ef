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

/// WIPO's Draft Issues Paper on IP Policy and AI (WIPO/IP/AI/2/GE/20/1, 13 December 2019), the
/// first consultation served, as data. The app serves whatever consultation it was built for
/// ([`catalog::Consultation::built_in`]); the tests of WIPO's text, and of the writers on it,
/// read this one whatever the build.
pub const WIPO_2019_JSON: &str = include_str!("../data/wipo-ip-ai-2019.json");

/// WIPO's paper, read from [`WIPO_2019_JSON`].
pub fn wipo_2019() -> &'static catalog::Consultation {
    static PAPER: std::sync::OnceLock<catalog::Consultation> = std::sync::OnceLock::new();
    PAPER.get_or_init(|| {
        catalog::Consultation::from_json(WIPO_2019_JSON).expect("WIPO's file is checked by tests")
    })
}

/// Marks the host page's element the app mounts into (`embed/loader.js` finds it).
pub const MOUNT_ATTRIBUTE: &str = "data-consultation-response";

/// Reads the consultation built in: called by the loader a task before [`mount`], so that the
/// first render is a task of its own.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn prepare() {
    catalog::Consultation::built_in();
}

/// Called by the loader with the element to render into (inside the shadow root it made on the
/// host's element). The app lives as long as the page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(container: web_sys::Element) {
    std::mem::forget(ui::mount(container, catalog::Consultation::built_in()));
}
