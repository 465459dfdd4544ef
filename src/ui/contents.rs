//! The table of contents: every area and issue with how many of its questions are answered, the
//! overall progress, and the view options. A sticky column on wide screens; a panel opened from
//! the toolbar on narrow ones.

use super::view::{use_view, ViewState, INTRO};
use super::{use_paper, use_strings};
use crate::catalog::Position;
use crate::export::issue_heading;
use crate::i18n::{fill, Strings};
use crate::platform;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The id of the contents panel, for the toolbar button that opens it.
pub const CONTENTS_ID: &str = "cr-contents";

#[derive(Properties, PartialEq)]
pub struct ContentsProps {
    /// Questions answered now.
    pub answered: Rc<BTreeSet<String>>,
    /// Whether the panel is open (narrow screens only; wide screens always show it).
    pub open: bool,
    /// Closes the panel; `true` returns focus to the button that opened it.
    pub on_close: Callback<bool>,
}

#[function_component]
pub fn Contents(props: &ContentsProps) -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let view = use_view();
    let questions = paper.answerables();
    let count = |ids: &mut dyn Iterator<Item = &str>| {
        ids.fold((0, 0), |(answered, total), id| {
            (
                answered + usize::from(props.answered.contains(id)),
                total + 1,
            )
        })
    };
    let link = |target: String, area: &str, hidden_issue: bool, label: String| {
        let (view, on_close, area) = (view.clone(), props.on_close.clone(), area.to_string());
        let target_id = target.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            let area = area.clone();
            view.update(move |state: &mut ViewState| {
                state.collapsed.remove(&area);
                if hidden_issue {
                    state.set_aside = None;
                }
            });
            on_close.emit(false);
            platform::reveal_after_render(target_id.clone());
        });
        html! { <a href={format!("#{target}")} {onclick}>{ label }</a> }
    };
    let total = questions.len();
    let (answered, _) = count(&mut questions.iter().map(|q| q.id));
    let areas = paper.areas.iter().map(|area| {
        let in_area: Vec<&str> = questions
            .iter()
            .filter(|q| std::ptr::eq(q.area, area))
            .map(|q| q.id)
            .collect();
        let area_label = with_count(strings, area.heading.get(strings.language), count(&mut in_area.iter().copied()));
        let issues = area.issues.iter().map(|issue| {
            let ids: Vec<&str> = questions
                .iter()
                .filter(|q| matches!(q.position, Position::Numbered { issue: i, .. } if std::ptr::eq(i, issue)))
                .map(|q| q.id)
                .collect();
            let all_set_aside = ids.iter().all(|id| view.state.is_set_aside(id));
            let title = issue_heading(issue, strings);
            html! {
                <li>{ link(format!("issue-{}", issue.n), &area.id, all_set_aside, with_count(strings, &title, count(&mut ids.iter().copied()))) }</li>
            }
        });
        html! {
            <li>
                { link(format!("area-{}", area.id), &area.id, false, area_label) }
                <ol>{ for issues }</ol>
            </li>
        }
    });
    let close = props.on_close.reform(|_: MouseEvent| true);
    // The open panel covers the page: when focus moves out of it, it closes, so that focus is
    // never hidden behind it.
    let onfocusout = {
        let (on_close, open) = (props.on_close.clone(), props.open);
        Callback::from(move |event: FocusEvent| {
            let panel = event
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let next = event
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if let (true, Some(panel), Some(next)) = (open, panel, next) {
                if !panel.contains(Some(&next)) {
                    on_close.emit(false);
                }
            }
        })
    };
    html! {
        // Not a tab stop of its own where it scrolls (Firefox makes scrolling boxes one): its
        // links are.
        <nav id={CONTENTS_ID} class={classes!("cr-contents", props.open.then_some("cr-contents--open"))}
            aria-labelledby="cr-contents-heading" tabindex="-1" {onfocusout}>
            <div class="cr-contents__head">
                <h2 class="cr-contents__heading" id="cr-contents-heading" tabindex="-1">{ strings.toc_heading }</h2>
                <button type="button" class="cr-button cr-button--quiet cr-contents__close" onclick={close}>{ strings.toc_close }</button>
            </div>
            <p class="cr-contents__progress">
                { fill(strings.answered_of, &[("answered", &answered.to_string()), ("total", &total.to_string())]) }
            </p>
            <progress class="cr-progress" max={total.to_string()} value={answered.to_string()} aria-hidden="true"></progress>
            <ol class="cr-contents__list">
                <li>{ link("cr-intro".into(), INTRO, false, strings.toc_introduction.into()) }</li>
                { for areas }
                <li>{ link("cr-general-heading".into(), "", false, strings.comment_general_heading.into()) }</li>
                <li>{ link("cr-submit-heading".into(), "", false, strings.toc_respond.into()) }</li>
            </ol>
            <ViewOptions answered={props.answered.clone()} />
        </nav>
    }
}

fn with_count(strings: &Strings, label: &str, (answered, total): (usize, usize)) -> String {
    let count = fill(
        strings.toc_count,
        &[
            ("answered", &answered.to_string()),
            ("total", &total.to_string()),
        ],
    );
    format!("{label} {count}")
}

#[derive(Properties, PartialEq)]
struct ViewOptionsProps {
    answered: Rc<BTreeSet<String>>,
}

/// Unanswered-only, folding the context, and collapsing or expanding every area.
#[function_component]
fn ViewOptions(props: &ViewOptionsProps) -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let view = use_view();
    let on_unanswered = {
        let (view, answered) = (view.clone(), props.answered.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let answered = answered.clone();
            view.update(move |state| {
                state.set_aside = on.then(|| answered.clone());
                state.filter = None;
            });
        })
    };
    let on_fold = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let folded = e.target_unchecked_into::<HtmlInputElement>().checked();
            view.update(move |state| state.context_folded = folded);
        })
    };
    let set_all = |collapse: bool| {
        let view = view.clone();
        let ids: Vec<String> = std::iter::once(INTRO.to_string())
            .chain(paper.areas.iter().map(|a| a.id.clone()))
            .collect();
        Callback::from(move |_: MouseEvent| {
            let ids = ids.clone();
            view.update(move |state| {
                state.collapsed = if collapse {
                    ids.iter().cloned().collect()
                } else {
                    BTreeSet::new()
                };
            });
        })
    };
    html! {
        <div class="cr-view" role="group" aria-labelledby="cr-view-heading">
            <h3 class="cr-view__heading" id="cr-view-heading">{ strings.view_heading }</h3>
            <div class="cr-check">
                <input type="checkbox" id="cr-unanswered-only" checked={view.state.set_aside.is_some() && view.state.filter.is_none()} onchange={on_unanswered} />
                <label for="cr-unanswered-only">{ strings.filter_unanswered }</label>
            </div>
            // Says what the filter did, so that nobody wonders where questions went.
            <p class="cr-view__note" role="status">
                { view.state.set_aside.as_ref().filter(|_| view.state.filter.is_none()).map(|ids| fill(strings.filter_set_aside, &[("n", &ids.len().to_string())])).unwrap_or_default() }
            </p>
            <div class="cr-check">
                <input type="checkbox" id="cr-fold-context" checked={view.state.context_folded} onchange={on_fold} />
                <label for="cr-fold-context">{ strings.fold_context }</label>
            </div>
            <div class="cr-buttons">
                <button type="button" class="cr-button cr-button--secondary" onclick={set_all(false)}>{ strings.expand_all }</button>
                <button type="button" class="cr-button cr-button--secondary" onclick={set_all(true)}>{ strings.collapse_all }</button>
            </div>
        </div>
    }
}
