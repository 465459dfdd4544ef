use super::draft_handle::DraftHandle;
use super::{use_paper, use_strings};
use crate::export::field_title;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConflictsProps {
    /// Field key and the other version's text.
    pub conflicts: Vec<(String, String)>,
}

/// Fields two windows changed at once: both texts are kept until the person chooses.
#[function_component]
pub fn Conflicts(props: &ConflictsProps) -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("Conflicts needs the draft");
    html! {
        <div class="cr-notice cr-notice--warning cr-conflicts" role="alert">
            <h2 class="cr-conflicts__heading">{ strings.conflict_heading }</h2>
            <p>{ strings.conflict_intro }</p>
            { for props.conflicts.iter().map(|(key, other)| {
                let current = handle.with(|s| s.draft().fields().get(key).cloned().unwrap_or_default());
                let choose = |text: String, label: &'static str| {
                    let (handle, key) = (handle.clone(), key.clone());
                    let onclick = Callback::from(move |_: MouseEvent| handle.resolve_conflict(&key, &text));
                    html! { <button type="button" class="cr-button cr-button--secondary" {onclick}>{ label }</button> }
                };
                let both = if current.trim().is_empty() { other.clone() } else { format!("{current}\n\n{other}") };
                html! {
                    <div class="cr-conflict">
                        <h3 class="cr-conflict__field">{ field_title(paper, key, strings) }</h3>
                        <p class="cr-conflict__label">{ strings.conflict_other_version }</p>
                        <blockquote class="cr-conflict__text">{ other }</blockquote>
                        <div class="cr-buttons">
                            { choose(other.clone(), strings.conflict_use_other) }
                            { choose(both, strings.conflict_keep_both) }
                            { choose(current, strings.conflict_keep_this) }
                        </div>
                    </div>
                }
            }) }
        </div>
    }
}
