//! Checks a consultation file before it is built, and says every problem with where it is: the
//! line of the file and the JSON path (`$.areas[2].issues[0].questions[1].id`), or for a file
//! that is not JSON at all, the line and column where reading stopped. A policy officer runs it (`scripts/check-consultation.sh`), and the
//! build refuses a file it finds problems in, with the same words. It reads the file by its own
//! rules, never by the app's reader, so that it can name each problem instead of stopping at the
//! first; it depends on nothing but the JSON reader, so `build.rs` can use it too.

use crate::json::{locate, parse_or_where, Json, Step};
use std::collections::BTreeSet;
use std::fmt;

/// The schema version this release reads (equal to `catalog::CATALOG_SCHEMA`, tested).
pub const SCHEMA: u64 = 4;
/// The codes of the languages the interface speaks (`Language::code`, tested): a paper may be
/// written in any of them.
pub const INTERFACE_LANGUAGES: [&str; 2] = ["zh", "en"];
/// Whose wording a text is (`catalog::Wording::code`, tested).
pub const WORDINGS: [&str; 3] = ["official", "official-part", "translation"];
/// The key of the general comments, which no area may take (`draft::GENERAL_COMMENTS`, tested).
const GENERAL_COMMENTS: &str = "general";

/// One problem of a consultation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path from `$`, the document.
    pub path: String,
    /// The line where the path's value starts (for a missing member, its object's line).
    pub line: Option<usize>,
    /// The column, where the problem is one of JSON syntax.
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "line {line}, column {column}: {}", self.message)
            }
            (Some(line), None) => write!(f, "line {line}: {}: {}", self.path, self.message),
            _ => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Every problem of the consultation file `text`; none means it can be built.
pub fn check(text: &str) -> Vec<Problem> {
    let value = match parse_or_where(text) {
        Ok(value) => value,
        Err(at) => {
            let (line, column) = line_and_column(text, at);
            return vec![Problem {
                path: "$".into(),
                line: Some(line),
                column: Some(column),
                message: "this is not valid JSON (a missing comma, quote or bracket?)".into(),
            }];
        }
    };
    let mut checker = Checker::default();
    checker.consultation(&value);
    for problem in &mut checker.problems {
        problem.line = line_of(text, &problem.path);
    }
    checker.problems
}

/// The line and column of the byte `at` of `text`, counted from 1.
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
    (line, column)
}

/// The line where the value at `path` starts, or the nearest enclosing value that is there.
fn line_of(text: &str, path: &str) -> Option<usize> {
    let mut steps = steps_of(path)?;
    loop {
        if let Some(at) = locate(text, &steps) {
            return Some(line_and_column(text, at).0);
        }
        steps.pop()?;
    }
}

/// The steps of a path this checker writes: `$.areas[2].id` → `areas`, 2, `id`.
fn steps_of(path: &str) -> Option<Vec<Step<'_>>> {
    let mut steps = Vec::new();
    let mut rest = path.strip_prefix('$')?;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            steps.push(Step::Key(&after[..end]));
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            steps.push(Step::Index(after[..end].parse().ok()?));
            rest = &after[end + 1..];
        } else {
            return None;
        }
    }
    Some(steps)
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    question_ids: BTreeSet<String>,
    paragraph_numbers: BTreeSet<u64>,
    issue_numbers: BTreeSet<u64>,
    area_ids: BTreeSet<String>,
    kind_ids: BTreeSet<String>,
    /// The codes of the languages the file declares.
    languages: Vec<String>,
}

impl Checker {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_string(),
            line: None,
            column: None,
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
            Some(Some(3)) => {
                return self.problem(
                    "$.schema",
                    format!("schema 3 is the version before this one: declare the paper's languages (\"languages\": [{{\"code\": \"zh\", \"status\": \"translation\"}}, {{\"code\": \"en\", \"status\": \"translation\"}}] for a file written in Chinese and English) and write \"schema\": {SCHEMA}; no text changes (data/README.md, \"From schema 3\")"),
                )
            }
            Some(Some(other)) => {
                return self.problem(
                    "$.schema",
                    format!("unknown schema version {other}: this release reads version {SCHEMA}"),
                )
            }
            _ => return self.problem("$.schema", format!("missing: write \"schema\": {SCHEMA}")),
        }
        self.languages(value);
        match value.get("fallback_language") {
            None | Some(Json::Null) => {}
            Some(Json::String(code)) if self.languages.contains(code) => {}
            Some(_) => self.problem(
                "$.fallback_language",
                format!(
                    "must be one of the paper's languages ({}): the one shown when the browser prefers none of them",
                    self.languages.join(", ")
                ),
            ),
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
        if let Some(notes) = value.get("notes").filter(|v| !matches!(v, Json::Null)) {
            if self.object(notes, "$.notes") {
                for key in ["paper_text", "wording"] {
                    if notes.get(key).is_some_and(|v| !matches!(v, Json::Null)) {
                        self.text_of(notes, "$.notes", key);
                    }
                }
            }
        }
        for (i, kind) in self
            .list_member(value, "$", "respondent_kinds")
            .iter()
            .enumerate()
        {
            let path = format!("$.respondent_kinds[{i}]");
            if !self.object(kind, &path) {
                continue;
            }
            if let Some(id) = self.text_member(kind, &path, "id") {
                if !is_slug(&id) {
                    self.problem(&format!("{path}.id"), format!("\"{id}\" is not a valid id: use lower-case letters, digits and single hyphens (it is stored in drafts)"));
                } else if !self.kind_ids.insert(id.clone()) {
                    self.problem(
                        &format!("{path}.id"),
                        format!("duplicate respondent kind \"{id}\""),
                    );
                }
            }
            self.text_of(kind, &path, "label");
        }
    }

    /// The member `languages`: each a language the interface speaks, once, with its wording.
    fn languages(&mut self, value: &Json) {
        let list = self.list_member(value, "$", "languages");
        if list.is_empty() {
            self.problem("$.languages", format!("missing: the languages the paper is written in, first the one shown when a browser asks for none of them, e.g. [{{\"code\": \"en\", \"status\": \"official\"}}]; the interface speaks {}", INTERFACE_LANGUAGES.join(", ")));
        }
        for (i, entry) in list.iter().enumerate() {
            let path = format!("$.languages[{i}]");
            if !self.object(entry, &path) {
                continue;
            }
            if let Some(code) = self.text_member(entry, &path, "code") {
                if !INTERFACE_LANGUAGES.contains(&code.as_str()) {
                    self.problem(&format!("{path}.code"), format!("\"{code}\" is not a language the interface speaks ({}); a new interface language is one file of its words in src/i18n", INTERFACE_LANGUAGES.join(", ")));
                } else if self.languages.contains(&code) {
                    self.problem(
                        &format!("{path}.code"),
                        format!("\"{code}\" is declared twice"),
                    );
                } else {
                    self.languages.push(code);
                }
            }
            match self.text_member(entry, &path, "status") {
                Some(status) if !WORDINGS.contains(&status.as_str()) => self.problem(
                    &format!("{path}.status"),
                    format!("\"{status}\" is not one of \"official\" (the organiser's own wording), \"official-part\", \"translation\""),
                ),
                _ => {}
            }
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
        self.paragraphs(issue, path, true);
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
    /// area's or an issue's paragraphs, not the introduction's).
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
                self.problem(&path, "a question ending a paragraph of the introduction has no area to stand in: move it to an area's or an issue's paragraphs, or make it a numbered question of an issue");
            }
            if self.object(question, &path) {
                if let Some(id) = self.text_member(question, &path, "id") {
                    self.question_id(&id, &format!("{path}.id"));
                }
                self.text_of(question, &path, "text");
                self.question_ends_paragraph(paragraph, question, &path);
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

    /// The paragraph's text ends with its question's, in every language: the page shows the
    /// paragraph's lead and then the question above its field.
    fn question_ends_paragraph(&mut self, paragraph: &Json, question: &Json, path: &str) {
        for code in self.languages.clone() {
            fn text_of<'a>(value: &'a Json, code: &str) -> Option<&'a str> {
                let text = value.get("text")?.get(code)?.as_str()?;
                Some(text.trim_end())
            }
            if let (Some(whole), Some(asked)) =
                (text_of(paragraph, &code), text_of(question, &code))
            {
                if !asked.is_empty() && !whole.ends_with(asked) {
                    self.problem(&format!("{path}.text.{code}"), format!("the paragraph's text in \"{code}\" does not end with its question's text"));
                }
            }
        }
    }

    /// A text in every language of the paper, and whose wording each is where it says.
    fn text(&mut self, text: &Json, path: &str) {
        if !self.object(text, path) {
            return;
        }
        for language in self.languages.clone() {
            match text.get(&language).map(Json::as_str) {
                Some(Some(words)) if !words.trim().is_empty() => {}
                Some(Some(_)) => self.problem(&format!("{path}.{language}"), "empty"),
                _ => self.problem(
                    &format!("{path}.{language}"),
                    format!("missing: the text in \"{language}\""),
                ),
            }
        }
        let Json::Object(members) = text else { return };
        for (key, value) in members {
            let member = format!("{path}.{key}");
            // A text in a language of the interface that the file does not declare is left
            // unread (a translation in progress, say); any other member is a mistake.
            let speaks = |code: &str| INTERFACE_LANGUAGES.contains(&code);
            if let Some(code) = key.strip_suffix("_status").filter(|c| speaks(c)) {
                let declared = self.languages.iter().any(|l| l == code);
                if declared && !value.as_str().is_some_and(|w| WORDINGS.contains(&w)) {
                    self.problem(
                        &member,
                        "must be \"official\", \"official-part\" or \"translation\"",
                    );
                }
            } else if !speaks(key) {
                self.problem(&member, format!("\"{key}\" is neither a language code nor a language's \"_status\" (a text is written {{\"en\": \"…\", \"en_status\": \"official\"}})"));
            }
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
        // 1. Not JSON: the comma lost at the end of line 2.
        let lines: Vec<&str> = wipo.lines().collect();
        let mut broken = lines.clone();
        let second = broken[1].trim_end_matches(',').to_string();
        broken[1] = &second;
        assert_eq!(
            said(&broken.join("\n")),
            ["line 3, column 2: this is not valid JSON (a missing comma, quote or bracket?)"]
        );
        // 2. Another schema version.
        assert_eq!(
            said(&wipo.replacen("\"schema\": 4", "\"schema\": 7", 1)),
            ["line 2: $.schema: unknown schema version 7: this release reads version 4"]
        );
        // 3. A duplicate question id and one whose issue is not the one it stands under.
        let duplicate = wipo
            .replacen("\"id\": \"1.ii\"", "\"id\": \"1.i\"", 1)
            .replacen("\"id\": \"2.i\"", "\"id\": \"14.i\"", 1);
        let line = |needle: &str| wipo[..wipo.find(needle).unwrap()].lines().count();
        let (ii, two_i) = (line("\"id\": \"1.ii\""), line("\"id\": \"2.i\""));
        assert_eq!(
            said(&duplicate),
            [
                format!("line {ii}: $.areas[0].issues[0].questions[1].id: duplicate question id \"1.i\""),
                format!("line {}: $.areas[0].issues[0].questions[1].label: \"(ii)\" does not match the id \"1.i\"", ii + 1),
                format!("line {two_i}: $.areas[0].issues[1].questions[0].id: \"14.i\" names issue 14, but the question is under issue 2"),
            ]
        );
        // 4. A text missing in one of the paper's languages, and a malformed area id.
        let heading = "\"heading\": {\n    \"zh\": \"专利权\",\n    \"en\": \"Patents\",";
        let missing = wipo
            .replacen(heading, "\"heading\": {\n    \"zh\": \"专利权\",", 1)
            .replacen("\"id\": \"data\"", "\"id\": \"Data Sets\"", 1);
        // The area id's line in the file with one line fewer.
        let (patents, data) = (line(heading), line("\"id\": \"data\"") - 1);
        assert_eq!(
            said(&missing),
            [
                format!("line {patents}: $.areas[0].heading.en: missing: the text in \"en\""),
                format!("line {data}: $.areas[2].id: \"Data Sets\" is not a valid area id: use lower-case letters, digits and single hyphens, and not \"general\""),
            ]
        );
        // 5. A bad date, a bad address and a language the interface does not speak.
        let particulars = wipo
            .replacen("2020-02-14", "2020-02-30", 1)
            .replacen("ai2ip@wipo.int", "ai2ip at wipo.int", 1)
            .replacen("\"code\": \"en\"", "\"code\": \"fr\"", 1);
        assert_eq!(
            said(&particulars),
            [
                format!("line {}: $.languages[1].code: \"fr\" is not a language the interface speaks (zh, en); a new interface language is one file of its words in src/i18n", line("\"code\": \"en\"")),
                format!("line {}: $.fallback_language: must be one of the paper's languages (zh): the one shown when the browser prefers none of them", line("\"fallback_language\"")),
                format!("line {}: $.deadline: \"2020-02-30\" is not a date written YYYY-MM-DD", line("2020-02-14")),
                format!("line {}: $.email: \"ai2ip at wipo.int\" is not an e-mail address", line("ai2ip@wipo.int")),
            ]
        );
    }

    #[test]
    fn a_schema_3_file_is_told_how_to_become_schema_4() {
        let said = said(include_str!(
            "../../tests/fixtures/wipo-ip-ai-2019.schema3.json"
        ));
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].starts_with("line 2: $.schema: schema 3 is the version before this one: declare the paper's languages"), "{said:?}");
    }

    #[test]
    fn a_question_may_end_an_issues_paragraph_but_not_the_introductions() {
        // Paragraph 26's question moved to the end of paragraph 24, under issue 11: answerable.
        let p26 = "\"question\": {";
        let moved = crate::WIPO_2019_JSON.replacen(p26, "\"moved\": {", 1);
        let at = moved.find("\"n\": 24").unwrap();
        let ask = |n: u32, zh: &str, en: &str| {
            format!(
                "\"n\": {n}, \"question\": {{\"id\": \"p{n}\", \"text\": {{\"zh\": \"{zh}\", \"en\": \"{en}\"}}}}"
            )
        };
        // The question is the whole paragraph in Chinese, and not how it ends in English.
        let paragraph_24 = &moved[at..];
        let zh = {
            let start = paragraph_24.find("\"zh\": \"").unwrap() + 7;
            let end = start + paragraph_24[start..].find('"').unwrap();
            &paragraph_24[start..end]
        };
        let with = format!(
            "{}{}{}",
            &moved[..at],
            ask(24, zh, "Q?"),
            &moved[at + "\"n\": 24".len()..]
        );
        let told = said(&with);
        assert_eq!(told.len(), 1, "{told:?}");
        assert!(told[0].ends_with("$.areas[3].issues[0].paragraphs[0].question.text.en: the paragraph's text in \"en\" does not end with its question's text"), "{told:?}");
        // In the introduction it has no area to stand in.
        let at = moved.find("\"n\": 3").unwrap();
        let in_intro = format!(
            "{}{}{}",
            &moved[..at],
            ask(3, "问", "Q?"),
            &moved[at + "\"n\": 3".len()..]
        );
        let told = said(&in_intro);
        assert!(told.iter().any(|t| t.contains("$.intro.paragraphs[2].question: a question ending a paragraph of the introduction has no area to stand in")), "{told:?}");
    }

    #[test]
    fn the_smallest_shapes_are_told_too() {
        assert_eq!(said("[]"), ["line 1: $: must be an object"]);
        assert_eq!(
            said("{}"),
            ["line 1: $.schema: missing: write \"schema\": 4"]
        );
        let bare = said("{\"schema\": 4}");
        let told = |message: &str| bare.contains(&format!("line 1: {message}"));
        assert!(told("$.id: missing"), "{bare:?}");
        assert!(told("$.areas: a consultation needs at least one area"));
        assert!(told(
            "$.areas: no question: a consultation asks at least one"
        ));
        assert!(bare
            .iter()
            .any(|m| m.starts_with("line 1: $.languages: missing")));
    }

    #[test]
    fn a_path_is_found_at_its_line() {
        let text = "{\n \"a\": [\n  1,\n  {\"b\": 2}\n ],\n \"a\": [3]\n}";
        // A member named twice is the last, as the reader takes it.
        assert_eq!(line_of(text, "$.a[0]"), Some(6));
        assert_eq!(line_of(text, "$.a[5]"), Some(6));
        assert_eq!(line_of(text, "$.nothing.deeper"), Some(1));
        assert_eq!(steps_of("$.areas[2].id").unwrap().len(), 3);
    }
}
