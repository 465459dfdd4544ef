//! The response as one self-contained HTML file: it reads as the response (no external resource,
//! no script that runs) and carries the draft file in a `<script type="application/json">`
//! element, so importing the same file resumes the draft. All text is escaped.

use super::markup::escape;
use super::outline::{Block, Fact, Outline};
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
    let mut out = String::from("<main class=\"rd\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&outline.title));
    let _ = writeln!(
        out,
        "<p class=\"rd-subtitle\" lang=\"{}\">{}</p>",
        outline.subtitle_lang,
        escape(&outline.subtitle)
    );
    facts(&mut out, &outline.cover);
    if !outline.respondent.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", escape(&outline.respondent_heading));
        facts(&mut out, &outline.respondent);
    }
    for block in &outline.body {
        match block {
            Block::Area(heading) => {
                let _ = writeln!(out, "<h2>{}</h2>", escape(heading));
            }
            Block::Issue(heading) => {
                let _ = writeln!(out, "<h3>{}</h3>", escape(heading));
            }
            Block::Prompt {
                id,
                number,
                text,
                translation,
            } => {
                question(&mut out, outline, [id, number, text], translation);
                out.push_str("</div>\n");
            }
            Block::Question {
                id,
                number,
                text,
                translation,
                answer,
            } => {
                question(&mut out, outline, [id, number, text], translation);
                let _ = writeln!(
                    out,
                    "<p class=\"rd-label\">{}</p>",
                    escape(&outline.view_label)
                );
                match answer {
                    Some(answer) => paragraphs(&mut out, answer),
                    None => {
                        let _ = writeln!(
                            out,
                            "<p class=\"rd-missing\">{}</p>",
                            escape(&outline.not_answered)
                        );
                    }
                }
                out.push_str("</div>\n");
            }
            Block::Comment { label, text } => {
                let _ = writeln!(
                    out,
                    "<div class=\"rd-question\">\n<p class=\"rd-question__text\">{}</p>",
                    escape(label)
                );
                paragraphs(&mut out, text);
                out.push_str("</div>\n");
            }
            Block::Section { heading, text } => {
                let _ = writeln!(out, "<h2>{}</h2>", escape(heading));
                paragraphs(&mut out, text);
            }
        }
    }
    out.push_str("</main>\n");
    out
}

/// Opens a question's block with its text (and its translation in a bilingual document).
fn question(
    out: &mut String,
    outline: &Outline,
    [id, number, text]: [&String; 3],
    translation: &Option<String>,
) {
    let _ = writeln!(
        out,
        "<div class=\"rd-question\" id=\"q-{}\">\n<p class=\"rd-question__text\">{} {}</p>",
        escape(id),
        escape(number),
        escape(text),
    );
    if let (Some(translation), Some(lang)) = (translation, outline.translation_lang) {
        let _ = writeln!(
            out,
            "<p class=\"rd-question__text rd-translation\" lang=\"{lang}\">{}</p>",
            escape(translation)
        );
    }
}

fn facts(out: &mut String, facts: &[Fact]) {
    out.push_str("<dl class=\"rd-facts\">\n");
    for fact in facts {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(&fact.label),
            escape(&fact.value)
        );
    }
    out.push_str("</dl>\n");
}

/// Free text as paragraphs, keeping every line break and space (`white-space: pre-wrap`).
fn paragraphs(out: &mut String, text: &str) {
    out.push_str("<div class=\"rd-answer\">");
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for paragraph in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = write!(out, "<p>{}</p>", escape(paragraph.trim_matches('\n')));
    }
    out.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Consultation;
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
            bilingual: false,
        };
        let outline = outline(Consultation::wipo_2019(), draft, &options);
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
        assert!(html.contains("<p>第一段\n第二行</p><p>第二段</p>"));
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
