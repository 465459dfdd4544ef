//! The response as Markdown (UTF-8), laid out like the filled-in paper: a header naming the
//! consultation, then each area and issue, each question, `意见观点：` and the answer.
//!
//! Everything from the paper or the respondent is escaped, so a Markdown reader shows exactly the
//! typed text: no `<script>`, `#` or `*` in an answer can change the document's structure. Line
//! breaks are kept (as hard breaks); spaces and tabs at the start and end of a line are dropped,
//! since Markdown would otherwise read them as code blocks or discard them.

use super::outline::{Block, Fact, Outline, Translation};
use std::fmt::Write;

/// Writes the whole response.
pub fn write(outline: &Outline) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape_line(&outline.title));
    for subtitle in &outline.subtitles {
        let _ = writeln!(out, "{}\n", escape_line(&subtitle.text));
    }
    write_facts(&mut out, &outline.cover, outline.label_separator);
    if !outline.respondent.is_empty() {
        let _ = write!(out, "\n## {}\n\n", escape_line(&outline.respondent_heading));
        write_facts(&mut out, &outline.respondent, outline.label_separator);
    }
    for block in &outline.body {
        match block {
            Block::Area(heading) => {
                let _ = write!(out, "\n## {}\n", escape_line(heading));
            }
            Block::Issue(heading) => {
                let _ = write!(out, "\n### {}\n", escape_line(heading));
            }
            Block::Prompt {
                number,
                text,
                translations,
                ..
            } => write_question(&mut out, number, text, translations),
            Block::Question {
                number,
                text,
                translations,
                answer,
                ..
            } => {
                write_question(&mut out, number, text, translations);
                let _ = write!(out, "{}\n\n", escape_line(&outline.view_label));
                match answer {
                    Some(answer) => out.push_str(&answer_block(answer)),
                    None => {
                        let _ = writeln!(out, "*{}*", escape_line(&outline.not_answered));
                    }
                }
            }
            Block::Comment { label, text } => {
                let _ = write!(out, "\n**{}**\n\n", escape_line(label));
                out.push_str(&answer_block(text));
            }
            Block::Section { heading, text } => {
                let _ = write!(out, "\n## {}\n\n", escape_line(heading));
                out.push_str(&answer_block(text));
            }
        }
    }
    out
}

fn write_question(out: &mut String, number: &str, text: &str, translations: &[Translation]) {
    let _ = write!(
        out,
        "\n**{}** {}\n\n",
        escape_line(number),
        escape_line(text)
    );
    for translation in translations {
        let _ = write!(out, "{}\n\n", escape_line(&translation.text));
    }
}

fn write_facts(out: &mut String, facts: &[Fact], separator: &str) {
    for fact in facts {
        let _ = writeln!(
            out,
            "- {}{}{}",
            escape_line(&fact.label),
            separator,
            escape_line(&fact.value)
        );
    }
}

/// An answer as Markdown paragraphs: blank lines separate paragraphs, other line breaks are kept.
fn answer_block(answer: &str) -> String {
    let normalised = answer.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let lines = normalised.split('\n').map(|l| l.trim_matches([' ', '\t']));
    for line in lines.chain(std::iter::once("")) {
        if !line.is_empty() {
            paragraph.push(line);
            continue;
        }
        if paragraph.is_empty() {
            continue;
        }
        let escaped: Vec<String> = paragraph.drain(..).map(escape_line).collect();
        out.push_str(&escaped.join("  \n"));
        out.push_str("\n\n");
    }
    out
}

/// Escapes one line so that Markdown shows it as literal text.
pub fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    escape_line_start(out)
}

/// Characters that mean something only at the start of a line: list markers, setext underlines,
/// ordered-list numbers.
fn escape_line_start(line: String) -> String {
    let first = line.chars().next();
    if matches!(first, Some('-' | '+' | '=')) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Capacity, Draft, Publication, GENERAL_COMMENTS};
    use crate::export::outline::{outline, Options};

    fn document(draft: &Draft) -> String {
        let options = Options {
            date: "2026-11-26".into(),
            include_unanswered: true,
            language: crate::language::Language::Zh,
            all_languages: false,
        };
        write(&outline(crate::wipo_2019(), draft, &options))
    }

    #[test]
    fn digits_then_a_dot_at_line_start_are_escaped() {
        assert_eq!(escape_line("1. 第一"), "1\\. 第一");
        assert_eq!(escape_line("2020) x"), "2020\\) x");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("a - b"), "a - b");
    }

    #[test]
    fn the_document_lists_every_question_in_order_with_its_view_marker() {
        let paper = crate::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.set_answer("4.iii", "不太了解。");
        let doc = document(&draft);
        assert!(doc.starts_with("# 意见回复：关于知识产权政策与人工智能的议题文件草案\n"));
        assert!(doc.contains("- 收件：WIPO 秘书处（ai2ip@wipo.int）\n"));
        assert!(doc.contains("- 日期：2026-11-26\n"));
        assert!(doc.contains("- 已回答：1 / 42\n"));
        assert_eq!(doc.matches("意见观点：").count(), 42);
        assert_eq!(doc.matches("*（未作答）*").count(), 41);
        assert!(doc.contains("### 议题 4：披露\n"));
        let q = doc
            .find("**（iii）** 与微生物的沉积类似的算法沉积系统是否有用？")
            .unwrap();
        let a = doc.find("不太了解。").unwrap();
        let next = doc.find("**（iv）** 出于公开目的").unwrap();
        assert!(q < a && a < next);
        assert!(doc.contains("**第 26 段所提问题** 在知识产权领域"));
        assert!(
            !doc.contains("## 答复人"),
            "no respondent block without details"
        );
    }

    #[test]
    fn the_respondent_and_comments_are_written() {
        let paper = crate::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.respondent.name = "李四".into();
        draft.respondent.organisation = "某知识产权局".into();
        draft.respondent.capacity = Some(Capacity::OnBehalfOfOrganisation);
        draft.respondent.publication_acknowledged = true;
        draft.respondent.publication = Some(Publication::NameWithheld);
        draft.set_comment("data", "遗漏了个人数据。");
        draft.set_comment(GENERAL_COMMENTS, "总体同意。");
        let doc = document(&draft);
        assert!(doc.contains(
            "## 答复人\n\n- 姓名：李四\n- 所属机构：某知识产权局\n- 身份：代表机构提交\n"
        ));
        assert!(doc.contains("- 公布：已知悉 WIPO 将公布所收到的意见；公布时请隐去答复人姓名\n"));
        assert!(!doc.contains("职务或职位："), "empty details are left out");
        let data = doc.find("## 数据").unwrap();
        let comment = doc
            .find("**遗漏或识别有误的议题：**\n\n遗漏了个人数据。")
            .unwrap();
        let designs = doc.find("## 设计").unwrap();
        assert!(data < comment && comment < designs);
        assert!(doc.ends_with("## 一般性意见\n\n总体同意。\n\n"));
    }
}
