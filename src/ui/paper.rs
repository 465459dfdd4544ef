//! The paper itself: introduction, areas, issues, context paragraphs, and a field under every
//! question. Its props never change while someone types, so none of it re-renders then. What the
//! view hides (a collapsed area, a set-aside question) stays in the page, hidden, never removed.

use super::question::{CommentField, QuestionField};
use super::view::{use_view, ViewState, INTRO};
use super::{use_paper, use_strings};
use crate::catalog::{printed_label, Answerable, Consultation, Issue, Paragraph, Text, Wording};
use crate::export::{issue_heading, question_number};
use crate::i18n::{fill, paper_words, Strings};
use yew::prelude::*;

/// Paragraphs 1-5.
#[function_component]
pub fn IntroSection() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let view = use_view();
    let collapsed = view.state.is_collapsed(INTRO);
    let shown = Shown::of(paper, strings);
    html! {
        <section class="cr-area">
            <AreaHead id={INTRO} heading_id="cr-intro" heading={paper.intro.heading.get(strings.language).to_string()}
                origin={heading_origin(&paper.intro.heading, shown)} {collapsed} />
            <div class="cr-area__body" id={body_id(INTRO)} hidden={collapsed}>
                // Where the text on this page comes from, before the first word of it.
                if let Some(note) = &paper.notes.paper_text {
                    <p class="cr-note">{ paper_words(note.get(strings.language), paper, strings, &[]) }</p>
                }
                { for paper.intro.paragraphs.iter().map(|p| paragraph(p, shown)) }
            </div>
        </section>
    }
}

fn body_id(area: &str) -> String {
    format!("area-body-{area}")
}

/// How the paper's text is shown: in the interface's language, each text marked with whose
/// wording it is where the paper's texts in that language differ in it (WIPO's English: some
/// official, most translated). Where they do not, the note on the paper's text says it once.
#[derive(Clone, Copy)]
struct Shown {
    strings: &'static Strings,
    marked: bool,
}

impl Shown {
    fn of(paper: &Consultation, strings: &'static Strings) -> Self {
        Shown {
            strings,
            marked: paper.wording_varies(strings.language),
        }
    }
}

fn paragraph(paragraph: &Paragraph, shown: Shown) -> Html {
    let strings = shown.strings;
    html! {
        <div class="cr-paragraph" id={format!("paragraph-{}", paragraph.n)}>
            <p>
                <span class="cr-paragraph__number">{ format!("{}.", paragraph.n) }</span>
                { " " }{ paragraph.lead(strings.language) }{ origin(&paragraph.text, shown) }
            </p>
            if !paragraph.items.is_empty() {
                <ul class="cr-paragraph__items">
                    { for paragraph.items.iter().map(|item| html! {
                        <li>
                            <span class="cr-paragraph__label">{ printed_label(&item.label, strings.language) }</span>
                            { " " }{ item.text.get(strings.language) }{ origin(&item.text, shown) }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// Whose wording a text is, after the text, where the page marks it.
fn origin(text: &Text, shown: Shown) -> Html {
    match origin_label(text, shown) {
        Some(label) => {
            html! { <>{ " " }<span class="cr-origin">{ format!("[{label}]") }</span></> }
        }
        None => html! {},
    }
}

fn origin_label(text: &Text, shown: Shown) -> Option<&'static str> {
    let strings = shown.strings;
    if !shown.marked {
        return None;
    }
    Some(match text.wording(strings.language)? {
        Wording::Official => strings.wording_official,
        Wording::OfficialPart => strings.wording_official_part,
        Wording::Translation => strings.wording_translation,
    })
}

/// Headings are labelled only when they are not the organiser's wording: a label inside every
/// heading would be read out with it.
fn heading_origin(text: &Text, shown: Shown) -> Option<AttrValue> {
    (text.wording(shown.strings.language) != Some(Wording::Official))
        .then(|| origin_label(text, shown))
        .flatten()
        .map(AttrValue::from)
}

/// A run of context paragraphs that folds away; always one click from being read.
fn context(paragraphs: &[Paragraph], folded: bool, shown: Shown) -> Html {
    let strings = shown.strings;
    let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) else {
        return html! {};
    };
    let summary = if first.n == last.n {
        fill(strings.context_summary_one, &[("n", &first.n.to_string())])
    } else {
        fill(
            strings.context_summary,
            &[
                ("first", &first.n.to_string()),
                ("last", &last.n.to_string()),
            ],
        )
    };
    html! {
        <details class="cr-context" open={!folded}>
            <summary class="cr-context__summary">{ summary }</summary>
            { for paragraphs.iter().map(|p| paragraph(p, shown)) }
        </details>
    }
}

/// The fields of the questions that end `paragraphs` (as WIPO's paragraph 26), after them.
fn paragraph_questions(
    paragraphs: &[Paragraph],
    answerables: &[Answerable<'_>],
    state: &ViewState,
    shown: Shown,
) -> Html {
    let strings = shown.strings;
    paragraphs
        .iter()
        .filter_map(|p| p.question.as_ref())
        .map(|question| {
            let number = answerables
                .iter()
                .find(|a| a.id == question.id)
                .map(|a| question_number(a, strings))
                .unwrap_or_default();
            html! {
                <QuestionField
                    key={question.id.clone()}
                    id={question.id.clone()}
                    {number}
                    text={question.text.get(strings.language).to_string()}
                    origin={origin_label(&question.text, shown)}
                    hidden={state.is_set_aside(&question.id)}
                />
            }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
struct AreaHeadProps {
    /// The area's id in the view.
    id: AttrValue,
    heading_id: AttrValue,
    heading: AttrValue,
    origin: Option<AttrValue>,
    collapsed: bool,
}

/// An area's heading with the button that collapses or expands it.
#[function_component]
fn AreaHead(props: &AreaHeadProps) -> Html {
    let strings = use_strings();
    let view = use_view();
    let onclick = {
        let id = props.id.to_string();
        Callback::from(move |_: MouseEvent| {
            let id = id.clone();
            view.update(move |state: &mut ViewState| {
                if !state.collapsed.remove(&id) {
                    state.collapsed.insert(id.clone());
                }
            });
        })
    };
    let template = if props.collapsed {
        strings.area_expand
    } else {
        strings.area_collapse
    };
    html! {
        <div class="cr-area__head">
            <h2 class="cr-area__heading" id={props.heading_id.clone()} tabindex="-1">{ &props.heading }</h2>
            if let Some(origin) = &props.origin {
                <p class="cr-origin">{ format!("[{origin}]") }</p>
            }
            <button type="button" class="cr-button cr-button--quiet cr-area__toggle"
                aria-expanded={(!props.collapsed).to_string()} aria-controls={body_id(&props.id)} {onclick}>
                { fill(template, &[("area", &props.heading)]) }
            </button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AreaSectionProps {
    /// Position of the area in the paper.
    pub index: usize,
    /// How many of its issues are on the page yet (the paper is put on the page progressively);
    /// the area's comment field comes with the last.
    #[prop_or(usize::MAX)]
    pub issues_shown: usize,
}

/// One area with its context paragraphs and issues.
#[function_component]
pub fn AreaSection(props: &AreaSectionProps) -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let view = use_view();
    let state = &view.state;
    let area = &paper.areas[props.index];
    let heading_id = format!("area-{}", area.id);
    let heading = area.heading.get(strings.language);
    let answerables = paper.answerables();
    let collapsed = state.is_collapsed(&area.id);
    let all_set_aside = answerables
        .iter()
        .filter(|a| std::ptr::eq(a.area, area))
        .all(|a| state.is_set_aside(a.id));
    let shown = Shown::of(paper, strings);
    html! {
        <section class="cr-area">
            <AreaHead id={area.id.clone()} {heading_id} heading={heading.to_string()}
                origin={heading_origin(&area.heading, shown)} {collapsed} />
            <div class="cr-area__body" id={body_id(&area.id)} hidden={collapsed}>
                if all_set_aside {
                    <p class="cr-area__done">{ strings.area_all_answered }</p>
                }
                { context(&area.paragraphs, state.context_folded, shown) }
                { paragraph_questions(&area.paragraphs, &answerables, state, shown) }
                // One keyed list of its own (`for` would splice the issues into this element's
                // children, which Yew matches from their end as issues are added).
                { area.issues.iter().take(props.issues_shown).map(|issue| issue_section(issue, &answerables, state, shown)).collect::<Html>() }
                if props.issues_shown >= area.issues.len() {
                    <CommentField
                        key_name={area.id.clone()}
                        label={fill(strings.comment_area_label, &[("area", heading)])}
                    />
                }
            </div>
        </section>
    }
}

/// Comments on the paper as a whole, after the last area.
#[function_component]
pub fn GeneralComments() -> Html {
    let strings = use_strings();
    html! {
        <section class="cr-area">
            <h2 class="cr-area__heading" id="cr-general-heading" tabindex="-1">{ strings.comment_general_heading }</h2>
            <CommentField key_name={crate::draft::GENERAL_COMMENTS} label={strings.comment_general_label} />
        </section>
    }
}

fn issue_section(
    issue: &Issue,
    answerables: &[Answerable<'_>],
    state: &ViewState,
    shown: Shown,
) -> Html {
    let strings = shown.strings;
    let heading_id = format!("issue-{}", issue.n);
    let set_aside = issue
        .questions
        .iter()
        .map(|q| &q.id)
        .chain(
            issue
                .paragraphs
                .iter()
                .filter_map(|p| Some(&p.question.as_ref()?.id)),
        )
        .all(|id| state.is_set_aside(id));
    let origin = heading_origin(&issue.title, shown);
    html! {
        // Keyed: an issue added after it by the progressive rendering must not take over its
        // elements, nor the field a person is typing in.
        <section class="cr-issue" key={heading_id.clone()} hidden={set_aside}>
            <h3 class="cr-issue__heading" id={heading_id} tabindex="-1">
                { issue_heading(issue, strings) }
            </h3>
            if let Some(origin) = origin {
                <p class="cr-origin">{ format!("[{origin}]") }</p>
            }
            { context(&issue.paragraphs, state.context_folded, shown) }
            { paragraph_questions(&issue.paragraphs, answerables, state, shown) }
            { for issue.questions.iter().map(|q| html! {
                <QuestionField
                    key={q.id.clone()}
                    id={q.id.clone()}
                    number={printed_label(&q.label, strings.language)}
                    text={q.text.get(strings.language).to_string()}
                    origin={origin_label(&q.text, shown)}
                    hidden={state.is_set_aside(&q.id)}
                />
            }) }
        </section>
    }
}
