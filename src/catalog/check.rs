//! Checks a consultation file before it is built, and says every problem with where it is: the
//! JSON path (`$.areas[2].issues[0].questions[1].id`) and, for a file that is not JSON at all,
//! the line and column. A policy officer runs it (`scripts/check-consultation.sh`), and the
//! build refuses a file it finds problems in, with the same words. It reads the file by its own
//! rules, never by the app's reader, so that it can name each problem instead of stopping at the
//! first; it depends on nothing but the JSON reader, so `build.rs` can use it too.

use crate::json::{parse_or_where, Json};
use std::collections::BTreeSet;
use std::fmt;

/// The schema version this release reads (equal to `catalog::CATALOG_SCHEMA`, tested).
pub const SCHEMA: u64 = 3;
/// The key of the general comments, which no area may take (`draft::GENERAL_COMMENTS`, tested).
const GENERAL_COMMENTS: &str = "general";

/// One problem of a consultation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path from `$`, the document.
    pub path: String,
    /// The line (and column), where the problem is one of JSON syntax.
    pub line: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some((line, column)) => write!(f, "line {line}, column {column}: {}", self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Every problem of the consultation file `text`; none means it can be built.
pub fn check(text: &str) -> Vec<Problem> {
    let value = match parse_or_where(text) {
        Ok(value) => value,
        Err(at) => {
            let before = &text.as_bytes()[..at.min(text.len())];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
            return vec![Problem {
                path: "$".into(),
                line: Some((line, column)),
                message: "this is not valid JSON (a missing comma, quote or bracket?)".into(),
            }];
        }
    };
    let mut checker = Checker::default();
    checker.consultation(&value);
    checker.problems
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    question_ids: BTreeSet<String>,
    paragraph_numbers: BTreeSet<u64>,
    issue_numbers: BTreeSet<u64>,
    area_ids: BTreeSet<String>,
}

impl Checker {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_string(),
            line: None,
            message: message.into(),
        });
    }

    /// The member `key` of the object at `path`, or a problem saying it is missing.
    fn member<'a>(&mut self, value: &'a Json, path: &str, key: &str) -> Option<&'a Json> {
        let found = value.get(key).filter(|v| !matches!(v, Json::Null));
        if found.is_none() {
            self.problem(&format!("{path}.{key}"), "missing");
        }
        found
    }

    fn text_member(&mut self, value: &Json, path: &str, key: &str) -> Option<String> {
        let member = self.member(value, path, key)?;
        match member.as_str() {
            Some(text) if !text.trim().is_empty() => Some(text.to_string()),
            Some(_) => {
                self.problem(&format!("{path}.{key}"), "empty");
                None
            }
            None => {
                self.problem(&format!("{path}.{key}"), "must be a string");
                None
            }
        }
    }

    /// The member `key`, a text in every language of the paper.
    fn text_of(&mut self, value: &Json, path: &str, key: &str) {
        if let Some(text) = self.member(value, path, key) {
            self.text(text, &format!("{path}.{key}"));
        }
    }

    /// The member `label`, written like `(a)`.
    fn label_of(&mut self, value: &Json, path: &str) -> Option<String> {
        let label = self.text_member(value, path, "label")?;
        if !is_label(&label) {
            self.problem(
                &format!("{path}.label"),
                format!("\"{label}\" is not a label like \"(a)\""),
            );
        }
        Some(label)
    }

    fn number_member(&mut self, value: &Json, path: &str, key: &str) -> Option<u64> {
        let member = self.member(value, path, key)?;
        let number = member.as_u64();
        if number.is_none() {
            self.problem(&format!("{path}.{key}"), "must be a whole number");
        }
        number
    }

    fn list_member<'a>(&mut self, value: &'a Json, path: &str, key: &str) -> &'a [Json] {
        match value.get(key) {
            None | Some(Json::Null) => &[],
            Some(Json::Array(items)) => items,
            Some(_) => {
                self.problem(&format!("{path}.{key}"), "must be a list");
                &[]
            }
        }
    }

    fn object(&mut self, value: &Json, path: &str) -> bool {
        let is_object = matches!(value, Json::Object(_));
        if !is_object {
            self.problem(path, "must be an object");
        }
        is_object
    }

    fn consultation(&mut self, value: &Json) {
        if !self.object(value, "$") {
            return;
        }
        match value.get("schema").map(Json::as_u64) {
            Some(Some(SCHEMA)) => {}
            Some(Some(other)) => {
                return self.problem(
                    "$.schema",
                    format!("unknown schema version {other}: this release reads version {SCHEMA}"),
                )
            }
            _ => return self.problem("$.schema", format!("missing: write \"schema\": {SCHEMA}")),
        }
        if let Some(id) = self.text_member(value, "$", "id") {
            if !is_slug(&id) {
                self.problem("$.id", format!("\"{id}\" is not a valid id: use lower-case letters, digits and single hyphens (it becomes part of storage keys)"));
            }
        }
        self.text_member(value, "$", "symbol");
        for key in ["title", "author"] {
            self.text_of(value, "$", key);
        }
        for key in ["published", "deadline"] {
            if let Some(date) = self.text_member(value, "$", key) {
                if !is_date(&date) {
                    self.problem(
                        &format!("$.{key}"),
                        format!("\"{date}\" is not a date written YYYY-MM-DD"),
                    );
                }
            }
        }
        if let Some(email) = self.text_member(value, "$", "email") {
            if !is_address(&email) {
                self.problem("$.email", format!("\"{email}\" is not an e-mail address"));
            }
        }
        if let Some(organiser) = self.member(value, "$", "organiser") {
            if self.object(organiser, "$.organiser") {
                for key in ["name", "recipient"] {
                    self.text_of(organiser, "$.organiser", key);
                }
                if !matches!(organiser.get("publishes_comments"), Some(Json::Bool(_))) {
                    self.problem("$.organiser.publishes_comments", "missing: true if the organiser publishes the comments it receives, else false");
                }
            }
        }
        if let Some(intro) = self.member(value, "$", "intro") {
            if self.object(intro, "$.intro") {
                self.text_of(intro, "$.intro", "heading");
                self.paragraphs(intro, "$.intro", false);
            }
        }
        let areas = self.list_member(value, "$", "areas");
        if areas.is_empty() {
            self.problem("$.areas", "a consultation needs at least one area");
        }
        for (i, area) in areas.iter().enumerate() {
            self.area(area, &format!("$.areas[{i}]"));
        }
        if self.question_ids.is_empty() {
            self.problem("$.areas", "no question: a consultation asks at least one");
        }
    }

    fn area(&mut self, area: &Json, path: &str) {
        if !self.object(area, path) {
            return;
        }
        if let Some(id) = self.text_member(area, path, "id") {
            if !is_slug(&id) || id == GENERAL_COMMENTS {
                self.problem(&format!("{path}.id"), format!("\"{id}\" is not a valid area id: use lower-case letters, digits and single hyphens, and not \"general\""));
            } else if !self.area_ids.insert(id.clone()) {
                self.problem(&format!("{path}.id"), format!("duplicate area id \"{id}\""));
            }
        }
        self.label_of(area, path);
        self.text_of(area, path, "heading");
        self.paragraphs(area, path, true);
        for (i, issue) in self.list_member(area, path, "issues").iter().enumerate() {
            self.issue(issue, &format!("{path}.issues[{i}]"));
        }
    }

    fn issue(&mut self, issue: &Json, path: &str) {
        if !self.object(issue, path) {
            return;
        }
        let n = self.number_member(issue, path, "n");
        if let Some(n) = n {
            if !self.issue_numbers.insert(n) {
                self.problem(&format!("{path}.n"), format!("duplicate issue number {n}"));
            }
        }
        self.text_of(issue, path, "title");
        self.paragraphs(issue, path, false);
        for (i, question) in self
            .list_member(issue, path, "questions")
            .iter()
            .enumerate()
        {
            let path = format!("{path}.questions[{i}]");
            if !self.object(question, &path) {
                continue;
            }
            let id = self.text_member(question, &path, "id");
            let label = self.text_member(question, &path, "label");
            self.text_of(question, &path, "text");
            let Some(id) = id else { continue };
            self.question_id(&id, &format!("{path}.id"));
            // A question's id is its issue's number and its own label: "4.iii" is issue 4 (iii).
            match (id.split_once('.'), n) {
                (Some((issue_part, label_part)), Some(n)) => {
                    if issue_part != n.to_string() {
                        self.problem(&format!("{path}.id"), format!("\"{id}\" names issue {issue_part}, but the question is under issue {n}"));
                    }
                    if let Some(label) = label.filter(|l| l.trim_matches(['(', ')']) != label_part)
                    {
                        self.problem(
                            &format!("{path}.label"),
                            format!("\"{label}\" does not match the id \"{id}\""),
                        );
                    }
                }
                (None, _) => self.problem(
                    &format!("{path}.id"),
                    format!(
                        "\"{id}\" is not a question id like \"4.iii\" (issue 4, question (iii))"
                    ),
                ),
                _ => {}
            }
        }
    }

    /// The member `paragraphs` of the object at `path`, each checked as a paragraph.
    fn paragraphs(&mut self, value: &Json, path: &str, may_ask: bool) {
        for (i, paragraph) in self
            .list_member(value, path, "paragraphs")
            .iter()
            .enumerate()
        {
            self.paragraph(paragraph, &format!("{path}.paragraphs[{i}]"), may_ask);
        }
    }

    /// A numbered paragraph; `may_ask` where a question ending it gets an answer field (an
    /// area's context paragraphs, as WIPO's paragraph 26).
    fn paragraph(&mut self, paragraph: &Json, path: &str, may_ask: bool) {
        if !self.object(paragraph, path) {
            return;
        }
        if let Some(n) = self.number_member(paragraph, path, "n") {
            if !self.paragraph_numbers.insert(n) {
                self.problem(
                    &format!("{path}.n"),
                    format!("duplicate paragraph number {n}"),
                );
            }
        }
        self.text_of(paragraph, path, "text");
        for (i, item) in self
            .list_member(paragraph, path, "items")
            .iter()
            .enumerate()
        {
            let path = format!("{path}.items[{i}]");
            if !self.object(item, &path) {
                continue;
            }
            self.label_of(item, &path);
            self.text_of(item, &path, "text");
        }
        if let Some(question) = paragraph
            .get("question")
            .filter(|q| !matches!(q, Json::Null))
        {
            let path = format!("{path}.question");
            if !may_ask {
                // The app would show no field for it: say so rather than drop it unseen.
                self.problem(&path, "a question ending a paragraph is answerable only in an area's own paragraphs (before its issues); move it there, or make it a numbered question of its issue");
            }
            if self.object(question, &path) {
                if let Some(id) = self.text_member(question, &path, "id") {
                    self.question_id(&id, &format!("{path}.id"));
                }
                self.text_of(question, &path, "text");
            }
        }
    }

    fn question_id(&mut self, id: &str, path: &str) {
        let allowed = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
        if !id.chars().all(allowed) {
            self.problem(path, format!("\"{id}\" is not a valid question id: use letters, digits, dots and hyphens (it names the answer field)"));
        } else if !self.question_ids.insert(id.to_string()) {
            self.problem(path, format!("duplicate question id \"{id}\""));
        }
    }

    /// A text in every language of the paper, and where its English comes from.
    fn text(&mut self, text: &Json, path: &str) {
        if !self.object(text, path) {
            return;
        }
        for language in ["zh", "en"] {
            match text.get(language).map(Json::as_str) {
                Some(Some(words)) if !words.trim().is_empty() => {}
                Some(Some(_)) => self.problem(&format!("{path}.{language}"), "empty"),
                _ => self.problem(
                    &format!("{path}.{language}"),
                    format!("missing: the text in \"{language}\""),
                ),
            }
        }
        match text.get("en_status").map(Json::as_str) {
            Some(Some("official" | "official-part" | "translation")) => {}
            Some(Some(other)) => self.problem(
                &format!("{path}.en_status"),
                format!(
                    "\"{other}\" is not one of \"official\", \"official-part\", \"translation\""
                ),
            ),
            _ => self.problem(
                &format!("{path}.en_status"),
                "missing: \"official\", \"official-part\" or \"translation\"",
            ),
        }
    }
}

/// Lower-case letters and digits in groups joined by single hyphens.
fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// `(a)`, `(iii)`: a parenthesised run of letters or digits.
fn is_label(text: &str) -> bool {
    text.strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
        .is_some_and(|inner| !inner.is_empty() && inner.chars().all(|c| c.is_alphanumeric()))
}

/// `YYYY-MM-DD`, a day that exists.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts[..] else {
        return false;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// One `@` between a local part and a domain with a dot; no spaces.
fn is_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages for `text`, as the checker prints them.
    fn said(text: &str) -> Vec<String> {
        check(text).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn the_wipo_file_has_no_problem_and_the_constants_agree() {
        assert_eq!(said(crate::WIPO_2019_JSON), Vec::<String>::new());
        assert_eq!(SCHEMA, u64::from(super::super::CATALOG_SCHEMA));
        assert_eq!(GENERAL_COMMENTS, crate::draft::GENERAL_COMMENTS);
    }

    #[test]
    fn five_broken_files_are_told_where_they_are_broken() {
        let wipo = crate::WIPO_2019_JSON;
        // 1. Not JSON: a comma lost at the end of line 3.
        let lines: Vec<&str> = wipo.lines().collect();
        let mut broken = lines.clone();
        let third = broken[2].trim_end_matches(',').to_string();
        broken[2] = &third;
        assert_eq!(
            said(&broken.join("\n")),
            ["line 4, column 2: this is not valid JSON (a missing comma, quote or bracket?)"]
        );
        // 2. Another schema version.
        assert_eq!(
            said(&wipo.replacen("\"schema\": 3", "\"schema\": 7", 1)),
            ["$.schema: unknown schema version 7: this release reads version 3"]
        );
        // 3. A duplicate question id and one whose issue is not the one it stands under.
        let duplicate = wipo
            .replacen("\"id\": \"1.ii\"", "\"id\": \"1.i\"", 1)
            .replacen("\"id\": \"2.i\"", "\"id\": \"14.i\"", 1);
        assert_eq!(
            said(&duplicate),
            [
                "$.areas[0].issues[0].questions[1].id: duplicate question id \"1.i\"",
                "$.areas[0].issues[0].questions[1].label: \"(ii)\" does not match the id \"1.i\"",
                "$.areas[0].issues[1].questions[0].id: \"14.i\" names issue 14, but the question is under issue 2",
            ]
        );
        // 4. A text missing in one of the paper's languages, and a malformed area id.
        let heading = "\"heading\": {\n    \"zh\": \"专利权\",\n    \"en\": \"Patents\",";
        let missing = wipo
            .replacen(heading, "\"heading\": {\n    \"zh\": \"专利权\",", 1)
            .replacen("\"id\": \"data\"", "\"id\": \"Data Sets\"", 1);
        assert_eq!(
            said(&missing),
            [
                "$.areas[0].heading.en: missing: the text in \"en\"",
                "$.areas[2].id: \"Data Sets\" is not a valid area id: use lower-case letters, digits and single hyphens, and not \"general\"",
            ]
        );
        // 5. A bad date and a bad address.
        let particulars = wipo.replacen("2020-02-14", "2020-02-30", 1).replacen(
            "ai2ip@wipo.int",
            "ai2ip at wipo.int",
            1,
        );
        assert_eq!(
            said(&particulars),
            [
                "$.deadline: \"2020-02-30\" is not a date written YYYY-MM-DD",
                "$.email: \"ai2ip at wipo.int\" is not an e-mail address",
            ]
        );
    }

    #[test]
    fn a_paragraph_question_where_no_field_would_show_it_is_refused() {
        // Paragraph 26's question moved into paragraph 24, which stands under issue 11.
        let moved = crate::WIPO_2019_JSON.replacen("\"question\": {", "\"moved\": {", 1);
        let at = moved.find("\"n\": 24").unwrap();
        let with = format!(
            "{}\"n\": 24, \"question\": {{\"id\": \"p24\", \"text\": {{\"zh\": \"问\", \"en\": \"Q\", \"en_status\": \"translation\"}}}}{}",
            &moved[..at],
            &moved[at + "\"n\": 24".len()..]
        );
        let said = said(&with);
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].starts_with("$.areas[3].issues[0].paragraphs[0].question: a question ending a paragraph is answerable only in an area's own paragraphs (before its issues); move it there, or make it a numbered question of its issue"), "{said:?}");
    }

    #[test]
    fn the_smallest_shapes_are_told_too() {
        assert_eq!(said("[]"), ["$: must be an object"]);
        assert_eq!(said("{}"), ["$.schema: missing: write \"schema\": 3"]);
        let bare = said("{\"schema\": 3}");
        assert!(bare.contains(&"$.id: missing".to_string()), "{bare:?}");
        assert!(bare.contains(&"$.areas: a consultation needs at least one area".to_string()));
        assert!(
            bare.contains(&"$.areas: no question: a consultation asks at least one".to_string())
        );
    }
}
