//! The paper itself: introduction, areas, issues, context paragraphs, and a field under every
//! question. Its props never change while someone types, so none of it re-renders then.

use super::question::{CommentField, QuestionField};
use super::use_strings;
use crate::catalog::{printed_label, Consultation, Issue, Paragraph};
use crate::export::question_number;
use yew::prelude::*;

/// Paragraphs 1-5.
#[function_component]
pub fn IntroSection() -> Html {
    let paper = Consultation::wipo_2019();
    html! {
        <section class="cr-area" aria-labelledby="cr-intro">
            <h2 class="cr-area__heading" id="cr-intro">{ &paper.intro.heading.zh }</h2>
            { for paper.intro.paragraphs.iter().map(paragraph) }
        </section>
    }
}

fn paragraph(paragraph: &Paragraph) -> Html {
    html! {
        <div class="cr-paragraph" id={format!("paragraph-{}", paragraph.n)}>
            <p>
                <span class="cr-paragraph__number">{ format!("{}.", paragraph.n) }</span>
                { " " }{ paragraph.lead_zh() }
            </p>
            if !paragraph.items.is_empty() {
                <ul class="cr-paragraph__items">
                    { for paragraph.items.iter().map(|item| html! {
                        <li>
                            <span class="cr-paragraph__label">{ printed_label(&item.label) }</span>
                            { &item.text.zh }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AreaSectionProps {
    /// Position of the area in the paper.
    pub index: usize,
}

/// One area with its context paragraphs and issues.
#[function_component]
pub fn AreaSection(props: &AreaSectionProps) -> Html {
    let strings = use_strings();
    let paper = Consultation::wipo_2019();
    let area = &paper.areas[props.index];
    let heading_id = format!("area-{}", area.id);
    let answerables = paper.answerables();
    html! {
        <section class="cr-area" aria-labelledby={heading_id.clone()}>
            <h2 class="cr-area__heading" id={heading_id}>{ &area.heading.zh }</h2>
            { for area.paragraphs.iter().map(|p| html! {
                <>
                    { paragraph(p) }
                    if let Some(question) = &p.question {
                        <QuestionField
                            id={question.id.clone()}
                            number={answerables.iter().find(|a| a.id == question.id).map(|a| question_number(a, strings)).unwrap_or_default()}
                            text={question.text.zh.clone()}
                        />
                    }
                </>
            }) }
            { for area.issues.iter().map(|issue| issue_section(issue, strings)) }
            <CommentField
                key_name={area.id.clone()}
                label={crate::i18n::fill(strings.comment_area_label, &[("area", &area.heading.zh)])}
            />
        </section>
    }
}

/// Comments on the paper as a whole, after the last area.
#[function_component]
pub fn GeneralComments() -> Html {
    let strings = use_strings();
    html! {
        <section class="cr-area" aria-labelledby="cr-general-heading">
            <h2 class="cr-area__heading" id="cr-general-heading">{ strings.comment_general_heading }</h2>
            <CommentField key_name={crate::draft::GENERAL_COMMENTS} label={strings.comment_general_label} />
        </section>
    }
}

fn issue_section(issue: &Issue, strings: &crate::i18n::Strings) -> Html {
    let heading_id = format!("issue-{}", issue.n);
    html! {
        <section class="cr-issue" aria-labelledby={heading_id.clone()}>
            <h3 class="cr-issue__heading" id={heading_id}>
                { strings.issue_prefix }{ issue.n }{ strings.issue_suffix }{ &issue.title.zh }
            </h3>
            { for issue.paragraphs.iter().map(paragraph) }
            { for issue.questions.iter().map(|q| html! {
                <QuestionField
                    key={q.id.clone()}
                    id={q.id.clone()}
                    number={printed_label(&q.label)}
                    text={q.text.zh.clone()}
                />
            }) }
        </section>
    }
}
