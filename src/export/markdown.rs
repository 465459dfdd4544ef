//! The response as Markdown (UTF-8), laid out like the filled-in paper: a header naming the
//! consultation, then each area and issue, each question, `意见观点：` and the answer.
//!
//! Everything from the paper or the respondent is escaped, so a Markdown reader shows exactly the
//! typed text: no `<script>`, `#` or `*` in an answer can change the document's structure. Line
//! breaks are kept (as hard breaks); spaces and tabs at the start and end of a line are dropped,
//! since Markdown would otherwise read them as code blocks or discard them.

use super::question_number;
use crate::catalog::{printed_label, Consultation, Position};
use crate::draft::Draft;
use crate::i18n::Strings;
use std::fmt::Write;

/// What to write into the document header besides the paper's own details.
pub struct Header<'a> {
    /// The date of the response, ISO 8601 (`2026-11-26`).
    pub date: &'a str,
}

/// Writes the whole response.
pub fn write(
    paper: &Consultation,
    draft: &Draft,
    header: &Header<'_>,
    strings: &Strings,
) -> String {
    let questions = paper.answerables();
    let answered = draft.answered_count(questions.iter().map(|q| q.id));
    let mut out = String::new();
    let title = &paper.title.zh;
    let _ = writeln!(
        out,
        "# {}：{}\n",
        escape_line(strings.doc_title),
        escape_line(title)
    );
    if let Some(en) = &paper.title.en {
        let _ = writeln!(out, "{}\n", escape_line(en));
    }
    let facts = [
        (
            strings.doc_document,
            format!(
                "{}（{}，{}）",
                paper.symbol, paper.author.zh, paper.published
            ),
        ),
        (strings.doc_to, paper.email.clone()),
        (strings.doc_date, header.date.to_string()),
        (
            strings.doc_answered,
            format!("{answered} / {}", questions.len()),
        ),
    ];
    for (label, value) in facts {
        let _ = writeln!(out, "- {}：{}", escape_line(label), escape_line(&value));
    }

    let mut area_id = None;
    let mut issue_n = None;
    for question in &questions {
        if area_id != Some(&question.area.id) {
            area_id = Some(&question.area.id);
            let _ = write!(out, "\n## {}\n", escape_line(&question.area.heading.zh));
        }
        let label = match question.position {
            Position::Numbered { issue, label } => {
                if issue_n != Some(issue.n) {
                    issue_n = Some(issue.n);
                    let heading = format!(
                        "{}{}{}{}",
                        strings.issue_prefix, issue.n, strings.issue_suffix, issue.title.zh
                    );
                    let _ = write!(out, "\n### {}\n", escape_line(&heading));
                }
                printed_label(label)
            }
            Position::InParagraph { .. } => question_number(question, strings),
        };
        let _ = write!(
            out,
            "\n**{}** {}\n\n{}\n\n",
            escape_line(&label),
            escape_line(&question.text.zh),
            escape_line(strings.doc_view)
        );
        let answer = draft.answer(question.id);
        if draft.is_answered(question.id) {
            out.push_str(&answer_block(answer));
        } else {
            let _ = writeln!(out, "*{}*", escape_line(strings.doc_not_answered));
        }
    }
    out
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
    use crate::i18n::ZH;

    #[test]
    fn digits_then_a_dot_at_line_start_are_escaped() {
        assert_eq!(escape_line("1. 第一"), "1\\. 第一");
        assert_eq!(escape_line("2020) x"), "2020\\) x");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("a - b"), "a - b");
    }

    #[test]
    fn the_document_lists_every_question_in_order_with_its_view_marker() {
        let paper = Consultation::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.set_answer("4.iii", "不太了解。");
        let doc = write(paper, &draft, &Header { date: "2026-11-26" }, &ZH);
        assert!(doc.starts_with("# 意见回复：关于知识产权政策与人工智能的议题文件草案\n"));
        assert!(doc.contains("- 收件：ai2ip@wipo.int\n"));
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
    }
}
