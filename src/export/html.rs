//! The response as one self-contained HTML file: it reads as the response (no external resource,
//! no script that runs) and carries the draft file in a `<script type="application/json">`
//! element, so importing the same file resumes the draft. All text is escaped.

use super::markup::{escape, Element};
use super::outline::{Block, Fact, Outline, Translation};
use crate::draft::transfer::HTML_ELEMENT_ID;
use std::fmt::Write;

/// Styles of the standalone file; the app's print view uses the same class names.
const STYLE: &str = "body{margin:0;color:#1d1d1f;background:#fff;font-family:system-ui,-apple-system,\"Segoe UI\",\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;line-height:1.7}\
.rd{max-width:46rem;margin:0 auto;padding:2rem 1rem}\
.rd h1{font-size:1.6rem;line-height:1.3;margin:0 0 .25rem}\
.rd h2{font-size:1.3rem;margin:2rem 0 .75rem;padding-bottom:.2rem;border-bottom:2px solid #1d70b8;break-after:avoid}\
.rd h3{font-size:1.1rem;margin:1.5rem 0 .5rem;break-after:avoid}\
.rd-subtitle{margin:0 0 1rem;color:#505a5f}\
.rd-facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}\
.rd-facts dt{font-weight:600}.rd-facts dd{margin:0}\
.rd-question{margin:0 0 1.25rem}\
.rd-question__text{font-weight:600;margin:0;break-after:avoid}\
.rd-label{margin:.25rem 0 0;color:#505a5f;break-after:avoid}\
.rd-answer p{margin:0 0 .5rem;white-space:pre-wrap;overflow-wrap:anywhere}\
.rd-missing{color:#505a5f;font-style:italic}\
@page{margin:2cm}";

/// The full HTML file: the readable document and, for a response, `draft_file` embedded for
/// import.
pub fn write(outline: &Outline, draft_file: Option<&str>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(outline.lang),
        escape(&outline.title)
    );
    out.push_str(&body(outline));
    if let Some(draft_file) = draft_file {
        debug_assert!(!draft_file.contains('<'), "a draft file never holds `<`");
        let _ = write!(
            out,
            "<script type=\"application/json\" id=\"{HTML_ELEMENT_ID}\">\n{}\n</script>\n",
            draft_file.replace('<', "\\u003c")
        );
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The response as markup: a `<main class="rd">` element.
pub fn body(outline: &Outline) -> String {
    document(outline).to_html()
}

/// The response as an element tree: `<main class="rd">`, as the file has it and the page
/// prints it.
pub fn document(outline: &Outline) -> Element {
    let mut main = Element::new("main")
        .class("rd")
        .child(Element::new("h1").text(&outline.title));
    for subtitle in &outline.subtitles {
        main.push(
            Element::new("p")
                .class("rd-subtitle")
                .attr("lang", subtitle.lang)
                .text(&subtitle.text),
        );
    }
    main.push(facts(&outline.cover));
    if !outline.respondent.is_empty() {
        main.push(Element::new("h2").text(&outline.respondent_heading));
        main.push(facts(&outline.respondent));
    }
    for block in &outline.body {
        match block {
            Block::Area(heading) => main.push(Element::new("h2").text(heading)),
            Block::Issue(heading) => main.push(Element::new("h3").text(heading)),
            Block::Prompt {
                id,
                number,
                text,
                translations,
            } => main.push(question([id, number, text], translations)),
            Block::Question {
                id,
                number,
                text,
                translations,
                answer,
            } => {
                let question = question([id, number, text], translations).child(
                    Element::new("p")
                        .class("rd-label")
                        .text(&outline.view_label),
                );
                main.push(match answer {
                    Some(answer) => question.child(paragraphs(answer)),
                    None => question.child(
                        Element::new("p")
                            .class("rd-missing")
                            .text(&outline.not_answered),
                    ),
                });
            }
            Block::Comment { label, text } => main.push(
                Element::new("div")
                    .class("rd-question")
                    .child(Element::new("p").class("rd-question__text").text(label))
                    .child(paragraphs(text)),
            ),
            Block::Section { heading, text } => {
                main.push(Element::new("h2").text(heading));
                main.push(paragraphs(text));
            }
        }
    }
    main
}

/// A question's block with its text (and its translations in a document in all the paper's
/// languages).
fn question([id, number, text]: [&String; 3], translations: &[Translation]) -> Element {
    let mut block = Element::new("div")
        .class("rd-question")
        .attr("id", format!("q-{id}"))
        .child(
            Element::new("p")
                .class("rd-question__text")
                .text(format!("{number} {text}")),
        );
    for translation in translations {
        block.push(
            Element::new("p")
                .class("rd-question__text rd-translation")
                .attr("lang", translation.lang)
                .text(&translation.text),
        );
    }
    block
}

fn facts(facts: &[Fact]) -> Element {
    let mut list = Element::new("dl").class("rd-facts");
    for fact in facts {
        list.push(Element::new("dt").text(&fact.label));
        list.push(Element::new("dd").text(&fact.value));
    }
    list
}

/// Free text as paragraphs, keeping every line break and space (`white-space: pre-wrap`).
fn paragraphs(text: &str) -> Element {
    let mut answer = Element::new("div").class("rd-answer");
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        answer.push(Element::new("p").text(paragraph.trim_matches('\n')));
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{transfer, Draft};
    use crate::export::outline::{outline, Options};

    fn sample() -> Draft {
        let mut draft = Draft::new("wipo-ip-ai-2019");
        draft.set_answer("1.i", "</script><img src=x onerror=alert(1)> & 'quoted'");
        draft.set_answer("2.i", "第一段\n第二行\n\n第二段");
        draft
    }

    fn document(draft: &Draft) -> String {
        let options = Options {
            date: "2026-11-26".into(),
            include_unanswered: true,
            language: crate::language::Language::Zh,
            all_languages: false,
        };
        let outline = outline(crate::wipo_2019(), draft, &options);
        write(
            &outline,
            Some(&transfer::to_file(draft, "2026-11-26T10:00:00Z")),
        )
    }

    #[test]
    fn user_text_stays_text() {
        let html = document(&sample());
        assert!(html
            .contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quoted&#39;"));
        assert_eq!(
            html.matches("<script").count(),
            1,
            "only the draft's data element"
        );
        assert_eq!(html.matches("</script>").count(), 1);
        assert!(!html.contains("<img"));
        assert!(html.contains("<p>第一段\n第二行</p>\n<p>第二段</p>"));
    }

    #[test]
    fn the_file_needs_nothing_from_elsewhere() {
        let html = document(&sample());
        for external in ["src=\"", "href=", "url(", "@import", "http://", "https://"] {
            assert!(!html.contains(external), "{external} in the file");
        }
    }

    #[test]
    fn importing_the_file_resumes_the_draft() {
        let html = document(&sample());
        assert_eq!(transfer::from_file(&html, "wipo-ip-ai-2019"), Ok(sample()));
    }
}
