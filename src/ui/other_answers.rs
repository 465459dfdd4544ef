use super::draft_handle::DraftHandle;
use super::{use_paper, use_strings};
use crate::export::outline::unknown_answers;
use yew::prelude::*;

/// Answers to question ids this paper does not have: kept, shown, never dropped.
#[function_component]
pub fn OtherAnswers() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("OtherAnswers needs the draft");
    let others: Vec<(String, String)> = handle.with(|s| {
        unknown_answers(paper, s.draft())
            .into_iter()
            .map(|(id, text)| (id.to_string(), text.to_string()))
            .collect()
    });
    if others.is_empty() {
        return html! {};
    }
    html! {
        <section class="cr-area" aria-labelledby="cr-other-answers">
            <h2 class="cr-area__heading" id="cr-other-answers">{ strings.other_answers_heading }</h2>
            <p>{ strings.other_answers_intro }</p>
            { for others.into_iter().map(|(id, text)| html! {
                <div class="cr-other-answer">
                    <h3 class="cr-conflict__field">{ id }</h3>
                    <blockquote class="cr-conflict__text">{ text }</blockquote>
                </div>
            }) }
        </section>
    }
}
