//! The response as Markdown (UTF-8), laid out like the filled-in paper: a header naming the
//! consultation, then each area and issue, each question, `意见观点：` and the answer.
//!
//! Everything from the paper or the respondent is escaped, so a Markdown reader shows exactly the
//! typed text: no `<script>`, `#` or `*` in an answer can change the document's structure. Line
//! breaks are kept (as hard breaks); spaces and tabs at the start and end of a line are dropped,
//! since Markdown would otherwise read them as code blocks or discard them.

use super::question_number;
use crate::catalog::{printed_label, Consultation, Position};
use crate::draft::{Capacity, Draft, Publication, Respondent, RespondentText, GENERAL_COMMENTS};
use crate::i18n::{kind_label, text_label, Strings};
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

    write_respondent(&mut out, &draft.respondent, strings);

    for area in &paper.areas {
        let _ = write!(out, "\n## {}\n", escape_line(&area.heading.zh));
        let mut issue_n = None;
        for question in questions.iter().filter(|q| std::ptr::eq(q.area, area)) {
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
            if draft.is_answered(question.id) {
                out.push_str(&answer_block(draft.answer(question.id)));
            } else {
                let _ = writeln!(out, "*{}*", escape_line(strings.doc_not_answered));
            }
        }
        write_comment(
            &mut out,
            draft.comment(&area.id),
            strings.doc_missing_issues,
        );
    }
    let general = draft.comment(GENERAL_COMMENTS);
    if !general.trim().is_empty() {
        let _ = write!(
            out,
            "\n## {}\n\n",
            escape_line(strings.comment_general_heading)
        );
        out.push_str(&answer_block(general));
    }
    out
}

fn write_comment(out: &mut String, comment: &str, heading: &str) {
    if !comment.trim().is_empty() {
        let _ = write!(out, "\n**{}**\n\n", escape_line(heading));
        out.push_str(&answer_block(comment));
    }
}

/// The respondent's details that were given, and their publication choice.
fn write_respondent(out: &mut String, respondent: &Respondent, strings: &Strings) {
    if respondent.is_empty() {
        return;
    }
    let mut facts: Vec<(&str, String)> = Vec::new();
    for field in [
        RespondentText::Name,
        RespondentText::Title,
        RespondentText::Organisation,
    ] {
        facts.push((
            text_label(field, strings),
            respondent.text(field).to_string(),
        ));
    }
    let capacity = respondent.capacity.map(|c| match c {
        Capacity::Personal => strings.capacity_personal,
        Capacity::OnBehalfOfOrganisation => strings.capacity_organisation,
    });
    facts.push((
        strings.doc_capacity,
        capacity.unwrap_or_default().to_string(),
    ));
    let kind = respondent.kind.map(|k| kind_label(k, strings));
    facts.push((strings.kind_label, kind.unwrap_or_default().to_string()));
    facts.push((strings.doc_country, respondent.country.clone()));
    facts.push((
        text_label(RespondentText::Email, strings),
        respondent.email.clone(),
    ));
    let publication = [
        respondent
            .publication_acknowledged
            .then_some(strings.doc_publication_acknowledged),
        respondent.publication.map(|p| match p {
            Publication::WithName => strings.doc_publication_with_name,
            Publication::NameWithheld => strings.doc_publication_withheld,
        }),
    ];
    let publication: Vec<&str> = publication.into_iter().flatten().collect();
    facts.push((strings.doc_publication, publication.join("；")));

    let _ = write!(out, "\n## {}\n\n", escape_line(strings.doc_respondent));
    for (label, value) in facts.iter().filter(|(_, v)| !v.trim().is_empty()) {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        let _ = writeln!(out, "- {}：{}", escape_line(label), escape_line(&value));
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
        assert!(
            !doc.contains("## 答复人"),
            "no respondent block without details"
        );
    }

    #[test]
    fn the_respondent_and_comments_are_written() {
        let paper = Consultation::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.respondent.name = "李四".into();
        draft.respondent.organisation = "某知识产权局".into();
        draft.respondent.capacity = Some(Capacity::OnBehalfOfOrganisation);
        draft.respondent.publication_acknowledged = true;
        draft.respondent.publication = Some(Publication::NameWithheld);
        draft.set_comment("data", "遗漏了个人数据。");
        draft.set_comment(GENERAL_COMMENTS, "总体同意。");
        let doc = write(paper, &draft, &Header { date: "2026-11-26" }, &ZH);
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
