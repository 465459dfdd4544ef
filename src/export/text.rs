//! The response as plain text (UTF-8): the same outline, readable in any editor or mail body.

use super::outline::{Block, Fact, Outline, Translation};
use std::fmt::Write;

/// Writes the whole response.
pub fn write(outline: &Outline) -> String {
    let [open, close] = outline.text_heading_marks;
    let mut out = String::new();
    let _ = writeln!(out, "{}", outline.title);
    for subtitle in &outline.subtitles {
        let _ = writeln!(out, "{}", subtitle.text);
    }
    out.push('\n');
    write_facts(&mut out, &outline.cover, outline.label_separator);
    if !outline.respondent.is_empty() {
        let _ = writeln!(out, "\n{open}{}{close}\n", outline.respondent_heading);
        write_facts(&mut out, &outline.respondent, outline.label_separator);
    }
    for block in &outline.body {
        match block {
            Block::Area(heading) => {
                let _ = writeln!(out, "\n\n{open}{heading}{close}");
            }
            Block::Issue(heading) => {
                let _ = writeln!(out, "\n{heading}");
            }
            Block::Prompt {
                number,
                text,
                translations,
                ..
            } => question(&mut out, number, text, translations),
            Block::Question {
                number,
                text,
                translations,
                answer,
                ..
            } => {
                let answer = answer.as_deref().unwrap_or(&outline.not_answered);
                question(&mut out, number, text, translations);
                let _ = writeln!(out, "{}\n{}", outline.view_label, lines(answer));
            }
            Block::Comment { label, text } => {
                let _ = writeln!(out, "\n{label}\n{}", lines(text));
            }
            Block::Section { heading, text } => {
                let _ = writeln!(out, "\n\n{open}{heading}{close}\n\n{}", lines(text));
            }
        }
    }
    out
}

fn question(out: &mut String, number: &str, text: &str, translations: &[Translation]) {
    // Full-width brackets need no space after them.
    let gap = if number.ends_with('）') { "" } else { " " };
    let _ = writeln!(out, "\n{number}{gap}{text}");
    for translation in translations {
        let _ = writeln!(out, "{}", translation.text);
    }
}

fn write_facts(out: &mut String, facts: &[Fact], separator: &str) {
    for fact in facts {
        let _ = writeln!(out, "{}{}{}", fact.label, separator, fact.value);
    }
}

/// An answer with its line breaks normalised to `\n`.
fn lines(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::export::outline::{outline, Options};

    #[test]
    fn answers_stand_under_their_questions_verbatim() {
        let paper = crate::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.set_answer("1.i", "第一行\r\n<b>第二行</b> & more");
        let options = Options {
            date: "2026-11-26".into(),
            include_unanswered: true,
            language: crate::language::Language::Zh,
            all_languages: false,
        };
        let text = write(&outline(paper, &draft, &options));
        assert!(text.starts_with("意见回复：关于知识产权政策与人工智能的议题文件草案\n"));
        assert!(text.contains("\n【专利权】\n\n议题 1：发明权和所有权\n\n（i）法律是否应该允许"));
        assert!(text.contains("？\n意见观点：\n第一行\n<b>第二行</b> & more\n"));
        assert_eq!(text.matches("意见观点：").count(), 42);
        assert_eq!(text.matches("（未作答）").count(), 41);
    }

    #[test]
    fn english_text_marks_headings_its_own_way() {
        let paper = crate::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.set_answer("1.i", "Yes.");
        let options = Options {
            date: "2026-11-26".into(),
            include_unanswered: false,
            language: crate::language::Language::English,
            all_languages: false,
        };
        let text = write(&outline(paper, &draft, &options));
        assert!(text.contains(
            "\n== Patents ==\n\nIssue 1: Inventorship and Ownership\n\n(i) Should the law permit"
        ));
        assert!(text.contains("\nResponse:\nYes.\n"));
        assert!(!text.contains('【'));
    }
}
