//! Going back: earlier versions of the draft, restored whole or one answer at a time.

use super::draft_handle::DraftHandle;
use super::{use_paper, use_strings};
use crate::catalog::Consultation;
use crate::draft::Draft;
use crate::export::question_number;
use crate::i18n::{fill, Strings};
use crate::platform;
use yew::prelude::*;

#[function_component]
pub fn HistoryPanel() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("HistoryPanel needs the draft");
    let open = use_state(|| false);
    let details = use_state(|| None::<usize>);
    let restored = use_state(|| false);
    let toggle = {
        let (open, handle) = (open.clone(), handle.clone());
        Callback::from(move |_: MouseEvent| {
            handle.flush();
            open.set(!*open);
        })
    };
    let list = if *open {
        let history = handle.with(|s| s.history());
        let current = handle.with(|s| s.draft().clone());
        let snapshots: Vec<(usize, String, Draft)> = history
            .snapshots()
            .iter()
            .enumerate()
            .rev()
            .filter_map(|(i, s)| history.draft(i, &paper.id).map(|d| (i, s.at.clone(), d)))
            .collect();
        if snapshots.is_empty() {
            html! { <p class="cr-panel__hint">{ strings.history_empty }</p> }
        } else {
            html! {
                <ol class="cr-history">
                    { for snapshots.into_iter().map(|(i, at, draft)| {
                        let questions = paper.answerables();
                        let answered = draft.answered_count(questions.iter().map(|q| q.id));
                        let restore_all = {
                            let (handle, draft, restored) = (handle.clone(), draft.clone(), restored.clone());
                            Callback::from(move |_: MouseEvent| {
                                handle.restore(draft.clone());
                                restored.set(true);
                            })
                        };
                        let show = {
                            let details = details.clone();
                            Callback::from(move |_: MouseEvent| details.set(if *details == Some(i) { None } else { Some(i) }))
                        };
                        html! {
                            <li class="cr-history__item">
                                <p class="cr-history__when">
                                    <time datetime={at.clone()}>{ platform::date_time(&at) }</time>
                                    { " · " }{ fill(strings.history_answered, &[("n", &answered.to_string())]) }
                                </p>
                                <div class="cr-buttons">
                                    <button type="button" class="cr-button cr-button--secondary" onclick={restore_all}>{ strings.history_restore_all }</button>
                                    <button type="button" class="cr-button cr-button--secondary" aria-expanded={(*details == Some(i)).to_string()} onclick={show}>{ strings.history_details }</button>
                                </div>
                                if *details == Some(i) {
                                    { differences(paper, &draft, &current, &handle, strings) }
                                }
                            </li>
                        }
                    }) }
                </ol>
            }
        }
    } else {
        html! {}
    };
    html! {
        <div class="cr-panel">
            <h3 class="cr-panel__heading">{ strings.history_heading }</h3>
            <button type="button" class="cr-button cr-button--secondary" aria-expanded={open.to_string()} onclick={toggle}>
                { if *open { strings.history_hide } else { strings.history_show } }
            </button>
            if *restored {
                <p class="cr-notice cr-notice--ok" role="status">{ strings.history_restored }</p>
            }
            { list }
        </div>
    }
}

/// The answers of an earlier version that differ from now, each with a button to put it back.
fn differences(
    paper: &Consultation,
    old: &Draft,
    current: &Draft,
    handle: &DraftHandle,
    strings: &'static Strings,
) -> Html {
    let questions = paper.answerables();
    let changed: Vec<_> = questions
        .iter()
        .filter(|q| old.is_answered(q.id) && old.answer(q.id) != current.answer(q.id))
        .collect();
    if changed.is_empty() {
        return html! { <p class="cr-panel__hint">{ strings.history_same }</p> };
    }
    html! {
        <dl class="cr-history__answers">
            { for changed.into_iter().map(|q| {
                let number = question_number(q, strings);
                let text = old.answer(q.id).to_string();
                let onclick = {
                    let (handle, id, text) = (handle.clone(), q.id.to_string(), text.clone());
                    Callback::from(move |_: MouseEvent| handle.restore_answer(&id, &text))
                };
                html! {
                    <div class="cr-history__answer">
                        <dt>{ number.clone() }</dt>
                        <dd>
                            <blockquote class="cr-conflict__text">{ text }</blockquote>
                            <button type="button" class="cr-button cr-button--secondary" {onclick}>
                                { strings.history_restore_one }<span class="cr-visually-hidden">{ format!(" {number}") }</span>
                            </button>
                        </dd>
                    </div>
                }
            }) }
        </dl>
    }
}
