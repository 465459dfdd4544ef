//! Browser tests (wasm-bindgen-test in headless Chromium): real localStorage and the mounted app.
#![cfg(target_arch = "wasm32")]

use consultation_response::draft::{storage_key, Draft, KeyValueStore, StoreError};
use consultation_response::platform::BrowserStorage;
use consultation_response::ui;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn key() -> String {
    storage_key(&consultation_response::wipo_2019().id)
}

/// A fresh element on the page, as an embedding site would give: a Chinese one, whatever the
/// browser's language.
fn host() -> Element {
    let document = gloo::utils::document();
    let host = document.create_element("div").unwrap();
    host.set_attribute("data-lang", "zh-CN").unwrap();
    gloo::utils::body().append_child(&host).unwrap();
    host
}

fn field(root: &Element, id: &str) -> HtmlTextAreaElement {
    root.query_selector(&format!("textarea[name=\"answer-{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no field for {id}"))
        .unchecked_into()
}

/// Types `text` the way the browser reports it: the value changes, then an `input` event fires.
fn type_into(field: &HtmlTextAreaElement, text: &str) {
    field.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    field.dispatch_event(&event).unwrap();
}

/// Waits until the app has put the whole paper and the submission on the page (it does so an
/// issue at a time, one per painted frame).
async fn rendered(root: &Element) {
    for _ in 0..200 {
        let fields = root
            .query_selector_all("textarea[name^=\"answer-\"]")
            .unwrap()
            .length();
        if fields == 42 && root.query_selector("#cr-submit").unwrap().is_some() {
            return;
        }
        TimeoutFuture::new(25).await;
    }
    panic!("the whole paper was not on the page after 5 s");
}

#[wasm_bindgen_test]
fn browser_storage_reads_back_what_it_wrote() {
    let storage = BrowserStorage::open().expect("localStorage is available here");
    storage
        .set("consultation-response/test/x", "意见 <&>")
        .unwrap();
    assert_eq!(
        storage
            .get("consultation-response/test/x")
            .unwrap()
            .as_deref(),
        Some("意见 <&>")
    );
    local_storage()
        .remove_item("consultation-response/test/x")
        .unwrap();
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_full() {
    local_storage().clear().unwrap();
    let storage = BrowserStorage::open().unwrap();
    let block = "x".repeat(1 << 20);
    let mut n = 0;
    let error = loop {
        match storage.set(&format!("filler/{n}"), &block) {
            Ok(()) => n += 1,
            Err(error) => break error,
        }
        assert!(n < 64, "localStorage never filled");
    };
    local_storage().clear().unwrap();
    assert_eq!(error, StoreError::Full);
}

#[wasm_bindgen_test]
async fn the_app_shows_every_question_with_its_stored_answer() {
    local_storage().clear().unwrap();
    let mut draft = Draft::new(&consultation_response::wipo_2019().id);
    draft.set_answer("4.iii", "不太了解。");
    draft.set_answer("p26", "需要考虑。");
    local_storage()
        .set_item(&key(), &draft.to_json("2026-11-26T10:00:00.000Z"))
        .unwrap();

    let root = host();
    let app = ui::mount(root.clone(), consultation_response::wipo_2019());
    rendered(&root).await;

    let fields = root
        .query_selector_all("textarea[name^=\"answer-\"]")
        .unwrap();
    assert_eq!(fields.length(), 42);
    assert_eq!(field(&root, "4.iii").value(), "不太了解。");
    assert_eq!(field(&root, "p26").value(), "需要考虑。");
    assert_eq!(field(&root, "1.i").value(), "");
    let label = root
        .query_selector("label[for=\"answer-4.iii\"]")
        .unwrap()
        .unwrap();
    assert!(label
        .text_content()
        .unwrap()
        .contains("与微生物的沉积类似的算法沉积系统是否有用？"));
    assert!(root
        .text_content()
        .unwrap()
        .contains("已回答 2 / 42 个问题"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_is_saved_within_half_a_second() {
    local_storage().clear().unwrap();
    let root = host();
    let app = ui::mount(root.clone(), consultation_response::wipo_2019());
    rendered(&root).await;

    type_into(
        &field(&root, "7.iii"),
        "可以，<script>alert(1)</script> & 研究例外",
    );
    TimeoutFuture::new(500).await;

    let stored = local_storage()
        .get_item(&key())
        .unwrap()
        .expect("draft saved");
    let (draft, _) = Draft::from_json(&stored, &consultation_response::wipo_2019().id).unwrap();
    assert_eq!(
        draft.answer("7.iii"),
        "可以，<script>alert(1)</script> & 研究例外"
    );
    assert!(root.text_content().unwrap().contains("草稿已保存于"));
    assert!(root
        .text_content()
        .unwrap()
        .contains("已回答 1 / 42 个问题"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn an_unreadable_draft_is_kept_aside_and_reported() {
    local_storage().clear().unwrap();
    local_storage()
        .set_item(&key(), "{\"format\":\"consultation-resp")
        .unwrap();
    let root = host();
    let app = ui::mount(root.clone(), consultation_response::wipo_2019());
    rendered(&root).await;

    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("a notice");
    assert!(alert.text_content().unwrap().contains("无法读取"));
    let storage = local_storage();
    let backup = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .find(|k| k.contains("/unreadable/"))
        .expect("a backup key");
    assert_eq!(
        storage.get_item(&backup).unwrap().as_deref(),
        Some("{\"format\":\"consultation-resp")
    );
    app.destroy();
    root.remove();
    local_storage().clear().unwrap();
}
