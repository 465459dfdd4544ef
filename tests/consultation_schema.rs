//! The consultation files of the repository in the current schema: WIPO's, migrated from schema 3
//! without changing a text, and the example, written in one language.
#![cfg(not(target_arch = "wasm32"))]

use consultation_response::catalog::check::{check, INTERFACE_LANGUAGES, WORDINGS};
use consultation_response::catalog::{Consultation, Position, Wording};
use consultation_response::json::{parse, Json};
use consultation_response::language::Language;
use consultation_response::WIPO_2019_JSON;

const WIPO_SCHEMA_3: &str = include_str!("fixtures/wipo-ip-ai-2019.schema3.json");
const EXAMPLE: &str = include_str!("../data/example-digital-services-2026.json");

/// Every string of `value` with its path, in document order.
fn strings(value: &Json, path: String, out: &mut Vec<(String, String)>) {
    match value {
        Json::String(text) => out.push((path, text.clone())),
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{path}[{i}]"), out);
            }
        }
        Json::Object(members) => {
            for (key, member) in members {
                strings(member, format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_migration_to_schema_4_changed_no_text_of_wipos_paper() {
    let (old, new) = (
        parse(WIPO_SCHEMA_3).unwrap(),
        parse(WIPO_2019_JSON).unwrap(),
    );
    let mut before = Vec::new();
    strings(&old, "$".into(), &mut before);
    let mut after = Vec::new();
    strings(&new, "$".into(), &mut after);
    assert!(before.len() > 400, "{} strings", before.len());
    for (path, text) in &before {
        let found = after.iter().find(|(p, _)| p == path).map(|(_, t)| t);
        assert_eq!(found, Some(text), "{path}");
    }
    // What was added: the languages, the notes and the respondent kinds, which were the
    // interface's words before.
    let added: Vec<&str> = after
        .iter()
        .filter(|(path, _)| !before.iter().any(|(p, _)| p == path))
        .map(|(path, _)| path.split(['.', '[']).nth(1).unwrap())
        .collect();
    assert!(added.iter().all(|part| [
        "languages",
        "fallback_language",
        "notes",
        "respondent_kinds"
    ]
    .contains(part)));
    assert_eq!(new.get("schema").and_then(Json::as_u64), Some(4));
}

#[test]
fn the_interfaces_languages_and_wordings_are_the_checkers() {
    let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(codes, INTERFACE_LANGUAGES);
    for language in Language::ALL {
        assert_eq!(Language::from_code(language.code()), Some(language));
    }
    let wordings = [
        Wording::Official,
        Wording::OfficialPart,
        Wording::Translation,
    ];
    assert_eq!(wordings.map(Wording::code), WORDINGS);
    let paper = consultation_response::wipo_2019();
    assert_eq!(paper.languages, [Language::Zh, Language::English]);
    // Shown in Chinese first, but a browser that prefers neither language gets the English.
    assert_eq!(paper.fallback_language, Language::English);
    assert_eq!(
        Language::negotiate(["fr-FR"], &paper.languages, paper.fallback_language),
        Language::English
    );
    // WIPO's English is partly its own wording: each text says whose; its Chinese is all one.
    assert!(paper.wording_varies(Language::English));
    assert!(!paper.wording_varies(Language::Zh));
    assert_eq!(
        paper.title.wording(Language::English),
        Some(Wording::Official)
    );
    assert_eq!(paper.respondent_kinds.len(), 7);
    assert!(paper.notes.paper_text.is_some() && paper.notes.wording.is_some());
}

#[test]
fn the_example_is_one_language_with_a_question_ending_an_issues_paragraph() {
    assert_eq!(check(EXAMPLE), []);
    let paper = Consultation::from_json(EXAMPLE).unwrap();
    assert_eq!(paper.languages, [Language::English]);
    assert_eq!(paper.fallback_language, Language::English);
    assert!(!paper.wording_varies(Language::English));
    // Asked for Chinese, a text of a paper in English only is its English.
    assert_eq!(
        paper.title.get(Language::Zh),
        paper.title.get(Language::English)
    );
    let answerables = paper.answerables();
    assert_eq!(answerables.len(), 13);
    let p4 = answerables.iter().position(|a| a.id == "p4").unwrap();
    assert_eq!(
        answerables[p4].position,
        Position::InParagraph { paragraph: 4 }
    );
    assert_eq!(
        answerables[p4 + 1].id,
        "1.i",
        "before its issue's questions"
    );
    assert_eq!(
        paper.kind_label("community-group", Language::English),
        "Charity or community group"
    );
    assert_eq!(paper.kind_label("ngo", Language::English), "ngo");
    // The browser asks for Chinese first: the paper has only English to offer.
    assert_eq!(
        Language::negotiate(["zh-CN", "en"], &paper.languages, paper.fallback_language),
        Language::English
    );
}
