//! Choosing files with the app's own button or by dropping them on an area.
//!
//! The chooser is the app's own button, not the browser's file input: the input draws its
//! button and "no file chosen" in the browser's language and font, so a Chinese page showed an
//! English control whose width no stylesheet governs (it overflowed a 320-px screen). The input
//! stays in the page, `hidden`, as the thing the button opens; it is left out of the tab order
//! and the accessibility tree because a second control saying the same in another language
//! helps nobody.

use crate::draft::{transfer, Draft};
use crate::i18n::{import_reason, Strings};
use web_sys::{FileList, HtmlInputElement};
use yew::prelude::*;

/// Reads a chosen draft file or HTML response and checks it: the draft and when it was saved, or
/// why it cannot be used, as the person reads it. A file too large is refused before it is read.
pub async fn read_draft_file(
    file: &web_sys::File,
    consultation_id: &str,
    strings: &Strings,
) -> Result<(Draft, Option<String>), String> {
    if file.size() > transfer::MAX_FILE_BYTES as f64 {
        return Err(strings.import_too_large.to_string());
    }
    let bytes = crate::platform::read_bytes(file)
        .await
        .map_err(|_| strings.import_unreadable_file.to_string())?;
    let text = transfer::decode_file(&bytes).map_err(|e| import_reason(&e, strings))?;
    transfer::read_file(&text, consultation_id).map_err(|e| import_reason(&e, strings))
}

#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    /// Ids: `<id>-choose` for the button, `<id>-file` for the input.
    pub id: AttrValue,
    /// The drop area's class.
    pub class: AttrValue,
    pub label: AttrValue,
    pub drop_hint: AttrValue,
    pub drop_now: AttrValue,
    /// Ids of what describes the button.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
    #[prop_or_default]
    pub multiple: bool,
    /// Shown beside the button (the chosen file's name).
    #[prop_or_default]
    pub children: Html,
    pub on_files: Callback<Vec<web_sys::File>>,
}

fn files(list: Option<FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[function_component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let dragging = use_state(|| false);
    let input = use_node_ref();
    let on_choose = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let take = {
        let (on_files, multiple) = (props.on_files.clone(), props.multiple);
        move |mut chosen: Vec<web_sys::File>| {
            if !multiple {
                chosen.truncate(1);
            }
            if !chosen.is_empty() {
                on_files.emit(chosen);
            }
        }
    };
    let onchange = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let chosen = files(input.files());
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            take(chosen);
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser would open the dropped file in place of the page.
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            take(files(e.data_transfer().and_then(|data| data.files())));
        })
    };
    let class = props.class.to_string();
    html! {
        <div class={classes!(class.clone(), dragging.then(|| format!("{class}--dragging")))}
            {ondragover} {ondragleave} {ondrop}>
            <button type="button" class="cr-button cr-button--secondary" id={format!("{}-choose", props.id)}
                aria-describedby={props.described_by.clone()} onclick={on_choose}>
                { &props.label }
            </button>
            { props.children.clone() }
            <p class="cr-import__drop">
                { if *dragging { &props.drop_now } else { &props.drop_hint } }
            </p>
            <input type="file" id={format!("{}-file", props.id)} name={format!("{}-file", props.id)} hidden=true tabindex="-1"
                aria-hidden="true" ref={input} multiple={props.multiple}
                accept=".json,.html,.htm,application/json,text/html" {onchange} />
        </div>
    }
}
