//! Write a response to a public consultation (today: WIPO's Draft Issues Paper on IP Policy and
//! Artificial Intelligence) in the browser: the paper, an answer under every question, drafts kept
//! in localStorage, and a response document to download. Nothing leaves the browser.
//!
//! The layout tells the design: [`catalog`] is the paper as data, [`draft`] the answers and how
//! they are kept, [`export`] the document writers, [`i18n`] the words and [`language`] the languages, all plain Rust; the browser
//! is reached only through [`platform`], and [`ui`] holds the components.

pub mod catalog;
pub mod checksum;
pub mod draft;
pub mod export;
pub mod i18n;
pub mod language;
pub mod platform;
pub mod ui;

/// Marks the element the app mounts into; without one, the app appends its own to `<body>`.
pub const MOUNT_ATTRIBUTE: &str = "data-consultation-response";

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    let document = gloo::utils::document();
    let root = document
        .query_selector(&format!("[{MOUNT_ATTRIBUTE}]"))
        .ok()
        .flatten()
        .unwrap_or_else(|| {
            let root = document
                .create_element("div")
                .expect("a div can be created");
            let _ = gloo::utils::body().append_child(&root);
            root
        });
    // The app lives as long as the page.
    std::mem::forget(ui::mount(root));
}
