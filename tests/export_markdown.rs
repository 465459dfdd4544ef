//! The Markdown response read back by a real CommonMark reader (pulldown-cmark): every answer
//! appears under its own question, in the paper's order, exactly as typed.
#![cfg(not(target_arch = "wasm32"))]

use consultation_response::draft::Draft;
use consultation_response::export::markdown::write;
use consultation_response::export::outline::{outline, Options};
use consultation_response::language::Language;
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A block of the rendered document: its kind and its text as a reader sees it.
#[derive(Debug, PartialEq)]
enum Block {
    Heading(u8, String),
    Paragraph(String),
    ListItem(String),
}

fn read_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item) => text.clear(),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::Html(_) | Event::InlineHtml(_) => {
                panic!("raw HTML reached the reader: {event:?}")
            }
            Event::End(TagEnd::Heading(level)) => {
                blocks.push(Block::Heading(level as u8, std::mem::take(&mut text)))
            }
            Event::End(TagEnd::Paragraph) if !text.is_empty() => {
                blocks.push(Block::Paragraph(std::mem::take(&mut text)))
            }
            Event::End(TagEnd::Item) if !text.is_empty() => {
                blocks.push(Block::ListItem(std::mem::take(&mut text)))
            }
            _ => {}
        }
    }
    blocks
}

/// What a reader is promised to see of an answer: line breaks kept, blank lines as paragraph
/// breaks, spaces and tabs at line ends dropped.
fn as_read(answer: &str) -> String {
    let normalised = answer.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalised
        .split('\n')
        .map(|l| l.trim_matches([' ', '\t']))
        .collect();
    lines
        .split(|l| l.is_empty())
        .filter(|p| !p.is_empty())
        .map(|p| p.join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The answers found in the document, in order: the paragraphs after each `意见观点：`.
fn answers_read_back(markdown: &str) -> Vec<(String, String)> {
    answers_after(markdown, "意见观点：", 1)
}

/// The answers found in the document, in order, each with the paragraph before its `label`;
/// `lead` paragraphs (the question, and its translation in a bilingual document) stand before
/// each label.
fn answers_after(markdown: &str, label: &str, lead: usize) -> Vec<(String, String)> {
    let blocks = read_blocks(markdown);
    let mut found = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        if blocks[i] == Block::Paragraph(label.into()) {
            let Block::Paragraph(question) = &blocks[i - 1] else {
                panic!("no question before view")
            };
            let mut answer = Vec::new();
            i += 1;
            while let Some(Block::Paragraph(p)) = blocks.get(i) {
                if blocks.get(i + lead) == Some(&Block::Paragraph(label.into())) {
                    break;
                }
                answer.push(p.clone());
                i += 1;
            }
            found.push((question.clone(), answer.join("\n\n")));
        } else {
            i += 1;
        }
    }
    found
}

fn document(draft: &Draft) -> String {
    let options = Options {
        date: "2026-11-26".into(),
        include_unanswered: true,
        language: consultation_response::language::Language::Zh,
        all_languages: false,
    };
    write(&outline(
        consultation_response::wipo_2019(),
        draft,
        &options,
    ))
}

#[test]
fn every_answer_is_read_back_under_its_question_in_order() {
    let paper = consultation_response::wipo_2019();
    let mut draft = Draft::new(&paper.id);
    let questions = paper.answerables();
    for (n, q) in questions.iter().enumerate() {
        draft.set_answer(q.id, &format!("回答 {n}：<script>alert('{n}')</script> & *not bold* #{n}\n- not a list\n\n1. not numbered"));
    }
    let read = answers_read_back(&document(&draft));
    assert_eq!(read.len(), questions.len());
    for ((question_text, answer), q) in read.iter().zip(&questions) {
        assert!(
            question_text.ends_with(q.text.get(Language::Zh)),
            "{question_text} is not {}",
            q.id
        );
        assert_eq!(answer, &as_read(draft.answer(q.id)));
    }
}

#[test]
fn a_bilingual_english_document_reads_back_every_answer_after_both_texts() {
    let paper = consultation_response::wipo_2019();
    let mut draft = Draft::new(&paper.id);
    let questions = paper.answerables();
    for (n, q) in questions.iter().enumerate() {
        draft.set_answer(q.id, &format!("Answer {n}: *not bold* & <b>\n\n第二段 {n}"));
    }
    let options = Options {
        date: "2026-11-26".into(),
        include_unanswered: true,
        language: consultation_response::language::Language::English,
        all_languages: true,
    };
    let markdown = write(&outline(paper, &draft, &options));
    let read = answers_after(&markdown, "Response:", 2);
    assert_eq!(read.len(), questions.len());
    for ((before, answer), q) in read.iter().zip(&questions) {
        // The other language's text stands between the question and the answer.
        assert_eq!(before, q.text.get(Language::Zh), "{}", q.id);
        assert!(
            markdown.contains(q.text.get(Language::English)),
            "{} in English",
            q.id
        );
        assert_eq!(answer, &as_read(draft.answer(q.id)));
    }
}

#[test]
fn headings_follow_the_papers_areas_and_issues() {
    let blocks = read_blocks(&document(&Draft::new("wipo-ip-ai-2019")));
    let headings: Vec<&Block> = blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading(..)))
        .collect();
    assert_eq!(headings.len(), 1 + 6 + 13);
    assert_eq!(headings[1], &Block::Heading(2, "专利权".into()));
    assert_eq!(
        headings[2],
        &Block::Heading(3, "议题 1：发明权和所有权".into())
    );
    assert_eq!(
        headings[19],
        &Block::Heading(3, "议题 13：知识产权行政决定的责任".into())
    );
    assert!(blocks.contains(&Block::ListItem(
        "收件：WIPO 秘书处（ai2ip@wipo.int）".into()
    )));
}

#[test]
fn unanswered_questions_are_marked() {
    let read = answers_read_back(&document(&Draft::new("wipo-ip-ai-2019")));
    assert_eq!(read.len(), 42);
    assert!(read.iter().all(|(_, a)| a == "（未作答）"));
}

fn answer_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        "[\\\\`*_\\[\\]<>#|~&!.()+=:;'\"/-]{1,4}",
        "[一二三四知识产权人工智能。，？！“”（）　]{1,8}",
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("1. ".to_string()),
        Just("---".to_string()),
        Just("</script><img src=x onerror=alert(1)>".to_string()),
        Just("&amp; &#60;".to_string()),
    ];
    prop::collection::vec(pieces, 1..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_answer_reads_back_as_typed(text in answer_text()) {
        let mut draft = Draft::new("wipo-ip-ai-2019");
        draft.set_answer("7.iii", &text);
        let read = answers_read_back(&document(&draft));
        let (_, answer) = read.iter().find(|(q, _)| q.contains("至少对某些有限目的")).unwrap();
        let expected = as_read(&text);
        if !draft.is_answered("7.iii") {
            prop_assert_eq!(answer.as_str(), "（未作答）");
        } else {
            prop_assert_eq!(answer, &expected);
        }
    }
}
