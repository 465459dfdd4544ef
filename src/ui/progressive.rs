//! The paper put on the page an issue at a time, each after the previous one was painted: the
//! first questions can be read and typed in long before the whole paper is laid out, and each
//! step renders only what it adds.

use super::paper::AreaSection;
use super::use_paper;
use crate::catalog::Consultation;
use crate::platform;
use yew::prelude::*;

/// How many steps the whole paper takes: one per issue.
fn steps(paper: &Consultation) -> usize {
    paper.areas.iter().map(|a| a.issues.len()).sum()
}

/// Counts painted frames up to `until`, one step per frame.
#[hook]
fn use_painted_steps(until: usize) -> usize {
    let shown = use_state(|| 1usize);
    {
        let shown = shown.clone();
        use_effect_with(*shown, move |current| {
            if *current <= until {
                let next = *current + 1;
                platform::after_next_paint(move || shown.set(next));
            }
        });
    }
    *shown
}

/// The areas of the paper, each with as many of its issues as the steps so far allow.
#[function_component]
pub fn ProgressiveAreas() -> Html {
    let paper = use_paper();
    let shown = use_painted_steps(steps(paper));
    let mut before = 0;
    paper
        .areas
        .iter()
        .enumerate()
        .map_while(|(index, area)| {
            let issues_shown = shown.saturating_sub(before).min(area.issues.len());
            before += area.issues.len();
            (issues_shown > 0).then(|| html! { <AreaSection key={index} {index} {issues_shown} /> })
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct AfterThePaperProps {
    pub children: Html,
}

/// Its children, once the whole paper is on the page.
#[function_component]
pub fn AfterThePaper(props: &AfterThePaperProps) -> Html {
    let paper = use_paper();
    let shown = use_painted_steps(steps(paper));
    if shown > steps(paper) {
        props.children.clone()
    } else {
        html! {}
    }
}
