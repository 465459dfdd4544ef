//! The app taking the place of the page's first view (see [`crate::platform::first_view`]), once
//! everything the first view shows has been rendered, unseen, under it.

use super::draft_handle::DraftHandle;
use crate::platform;
use yew::prelude::*;

/// Placed after the last part of the app the first view shows: when it mounts, the first view
/// gives way, and what was typed into it goes into the draft with the focus and caret kept; the
/// view options switched in it are switched in the app, and the buttons pressed in it pressed.
#[function_component]
pub fn TakeOver() -> Html {
    let handle = use_context::<DraftHandle>().expect("TakeOver needs the draft");
    use_effect_with((), move |_| {
        if let Some(typed) = platform::first_view::take_over() {
            for (name, text) in &typed.texts {
                handle.take_in_typed(name, text);
            }
            for (id, on) in &typed.switched {
                platform::first_view::switch(id, *on);
            }
            platform::first_view::press_again();
            if let Some(caret) = &typed.caret {
                platform::first_view::restore(caret);
            }
        }
    });
    html! {}
}
