//! The page put together a part at a time, each after the previous one was painted: the app's
//! first render is split into tasks short enough that the page (or the first view it renders
//! under, unseen) answers a key at once, and the paper comes an issue at a time, each step
//! rendering only what it adds.

use super::paper::AreaSection;
use super::use_paper;
use crate::catalog::Consultation;
use crate::platform;
use yew::prelude::*;

/// How many steps the whole paper takes: one per issue.
fn steps(paper: &Consultation) -> usize {
    paper.areas.iter().map(|a| a.issues.len()).sum()
}

/// A count that starts at `from` and goes up by one after each painted frame until it reaches
/// `to`.
#[hook]
fn use_painted_frames(from: usize, to: usize) -> usize {
    let count = use_state(|| from);
    {
        let count = count.clone();
        use_effect_with(*count, move |current| {
            if *current < to {
                let next = *current + 1;
                platform::after_next_paint(move || count.set(next));
            }
        });
    }
    *count
}

/// The steps shown so far, one more per painted frame: 1 at first, `until + 1` at the end.
#[hook]
fn use_painted_steps(until: usize) -> usize {
    use_painted_frames(1, until + 1)
}

/// Whether `frames` frames have been painted since the calling component mounted. The build's
/// prerender (native, where nothing is painted) renders everything at once: the first view is
/// the app's whole first render.
#[hook]
fn use_after_frames(frames: usize) -> bool {
    let from = if cfg!(target_arch = "wasm32") {
        0
    } else {
        frames
    };
    use_painted_frames(from, frames) >= frames
}

#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    /// How many painted frames after mounting the children come.
    pub frames: usize,
    pub children: Html,
}

/// Its children, `frames` painted frames after it mounts (see [`use_after_frames`]).
#[function_component]
pub fn Deferred(props: &DeferredProps) -> Html {
    if use_after_frames(props.frames) {
        props.children.clone()
    } else {
        html! {}
    }
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
