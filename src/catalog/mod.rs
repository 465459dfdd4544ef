//! The consultation paper as data: areas, issues, context paragraphs and questions.
//!
//! Each consultation is one JSON file under `data/` (schema in `data/README.md`), compiled into the
//! binary so the app needs no request to show it. Nothing here touches the browser.

pub mod check;

use crate::json::{self, Fields, Json, Misshapen};
use crate::language::Language;
use std::cell::RefCell;
use std::sync::OnceLock;

/// The consultation this build serves: the file `CONSULTATION` named at build time (`build.rs`),
/// WIPO's paper by default.
const BUILT_IN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/consultation.json"));

/// The data schema this code reads; a data file with another number is refused at start-up.
pub const CATALOG_SCHEMA: u32 = 4;

/// A text of the paper in each of its languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    versions: Vec<Version>,
}

/// A text in one language, and whose wording it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub language: Language,
    pub text: String,
    pub wording: Wording,
}

/// Whose wording a text is in a language: the organiser's own, or a translation of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    /// The organiser's wording, verbatim and complete: the authoritative text.
    Official,
    /// The organiser's wording for part of the text (as far as a source quotes it); the rest
    /// translated.
    OfficialPart,
    /// A translation; not the organiser's wording.
    Translation,
}

impl Wording {
    /// The value written in the data file.
    pub fn code(self) -> &'static str {
        match self {
            Wording::Official => "official",
            Wording::OfficialPart => "official-part",
            Wording::Translation => "translation",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        [
            Wording::Official,
            Wording::OfficialPart,
            Wording::Translation,
        ]
        .into_iter()
        .find(|w| w.code() == code)
    }
}

impl Text {
    /// The text in `language`; in the paper's first language where it has none in `language`
    /// (the checker refuses such a file, so this is only for a text an older file lacks).
    pub fn get(&self, language: Language) -> &str {
        self.version(language)
            .or(self.versions.first())
            .map_or("", |v| v.text.as_str())
    }

    /// Replaces the text in `language` (a paper is data: tests alter one to see a check fail).
    pub fn set(&mut self, language: Language, text: String) {
        if let Some(version) = self.versions.iter_mut().find(|v| v.language == language) {
            version.text = text;
        }
    }

    /// Whose wording the text is in `language`.
    pub fn wording(&self, language: Language) -> Option<Wording> {
        self.version(language).map(|v| v.wording)
    }

    /// The text in every language it has, in the paper's order of languages.
    pub fn versions(&self) -> &[Version] {
        &self.versions
    }

    fn version(&self, language: Language) -> Option<&Version> {
        self.versions.iter().find(|v| v.language == language)
    }
}

/// A language the paper is written in, and whose wording its texts are unless a text says
/// otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PaperLanguage {
    language: Language,
    wording: Wording,
}

/// Notes about this paper that the interface and the response show, in the paper's languages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notes {
    /// Before the paper's first paragraph: where its text comes from.
    pub paper_text: Option<Text>,
    /// On the response's cover, beside "Question wording".
    pub wording: Option<Text>,
}

/// A kind of respondent the organiser asks respondents to say they are.
#[derive(Debug, Clone, PartialEq)]
pub struct RespondentKind {
    /// Stored in drafts.
    pub id: String,
    pub label: Text,
}

/// A consultation paper: its identity, where responses go, and its content in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Consultation {
    pub schema: u32,
    /// The languages of the paper, the first the one a person sees when their browser asks for
    /// none of them. Each is a language of the interface too.
    pub languages: Vec<Language>,
    /// The language shown when the browser prefers none of the paper's: `fallback_language` in
    /// the file, else its first.
    pub fallback_language: Language,
    /// The languages whose texts differ in whose wording they are (WIPO's English: some
    /// official, most translated): the page marks each text in them.
    pub marked_languages: Vec<Language>,
    /// Stable identifier, used in storage keys and in saved drafts.
    pub id: String,
    /// The document symbol, e.g. `WIPO/IP/AI/2/GE/20/1`.
    pub symbol: String,
    pub title: Text,
    pub author: Text,
    /// Publication date, ISO 8601.
    pub published: String,
    /// Deadline for comments, ISO 8601.
    pub deadline: String,
    /// The address responses are sent to.
    pub email: String,
    /// Who holds the consultation and receives the responses.
    pub organiser: Organiser,
    pub intro: Intro,
    pub areas: Vec<Area>,
    pub notes: Notes,
    /// The kinds of respondent to choose from; none, and the question is not asked.
    pub respondent_kinds: Vec<RespondentKind>,
}

/// Who holds the consultation: named in the interface and on the response's cover.
#[derive(Debug, Clone, PartialEq)]
pub struct Organiser {
    /// How the interface names it ("WIPO").
    pub name: Text,
    /// Whom the response is addressed to ("WIPO 秘书处", "WIPO Secretariat").
    pub recipient: Text,
    /// Whether it publishes the comments it receives: then the respondent acknowledges it and
    /// may ask for their name to be withheld.
    pub publishes_comments: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Intro {
    pub heading: Text,
    pub paragraphs: Vec<Paragraph>,
}

/// A numbered paragraph of the paper, with its lettered sub-items if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub n: u32,
    pub text: Text,
    pub items: Vec<Item>,
    /// A question the paragraph itself asks without a number (paragraph 26). The paragraph's
    /// text ends with the question's text.
    pub question: Option<ParagraphQuestion>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// As printed, e.g. `(a)`.
    pub label: String,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphQuestion {
    pub id: String,
    pub text: Text,
}

/// One of the six areas (patents, copyright, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub id: String,
    /// The letter it has in the list of paragraph 5, e.g. `(a)`.
    pub label: String,
    pub heading: Text,
    /// Context paragraphs that stand under the area heading, before its first issue.
    pub paragraphs: Vec<Paragraph>,
    pub issues: Vec<Issue>,
}

/// A numbered issue (议题) with its context paragraphs and questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub n: u32,
    pub title: Text,
    pub paragraphs: Vec<Paragraph>,
    pub questions: Vec<Question>,
}

/// A numbered question, e.g. issue 4 question (iii) with id `4.iii`.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    /// As printed, e.g. `(iii)`.
    pub label: String,
    pub text: Text,
}

/// Anything that can be answered, in the paper's order: the numbered questions and the question
/// that ends paragraph 26.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answerable<'a> {
    pub id: &'a str,
    pub text: &'a Text,
    pub area: &'a Area,
    pub position: Position<'a>,
}

/// Where an answerable question stands in the paper.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Position<'a> {
    /// A numbered question of an issue.
    Numbered { issue: &'a Issue, label: &'a str },
    /// The unnumbered question at the end of a context paragraph.
    InParagraph { paragraph: u32 },
}

/// Why a catalog file was refused.
#[derive(Debug)]
pub enum CatalogError {
    /// Not JSON, or not shaped like a catalog.
    Invalid,
    Schema(u32),
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::Invalid => write!(f, "catalog is not valid"),
            CatalogError::Schema(n) => write!(f, "catalog schema {n} is not {CATALOG_SCHEMA}"),
        }
    }
}

// Reading the data file: each part from its JSON object. Lists a part may lack are empty. A text
// is read in the languages the file declares; each takes its language's wording unless it says
// its own (`"en_status": "official"`).

/// Reads the parts of a paper in its languages, noting for each language whether its texts
/// differ in whose wording they are.
struct Reader<'a> {
    languages: &'a [PaperLanguage],
    /// Per language, the member that says a text's own wording (`en_status`).
    status_keys: Vec<String>,
    /// Per language: the first text's wording, and whether a later one differed.
    wordings: RefCell<Vec<(Option<Wording>, bool)>>,
}

impl Reader<'_> {
    fn text(&self, value: &Json) -> Result<Text, Misshapen> {
        let fields = Fields::of(value)?;
        let mut versions = Vec::with_capacity(self.languages.len());
        let mut wordings = self.wordings.borrow_mut();
        for ((declared, (first, varies)), status_key) in self
            .languages
            .iter()
            .zip(wordings.iter_mut())
            .zip(&self.status_keys)
        {
            let code = declared.language.code();
            let wording = match fields.optional_text(status_key)? {
                Some(status) => Wording::from_code(&status).ok_or(Misshapen)?,
                None => declared.wording,
            };
            *varies |= *first.get_or_insert(wording) != wording;
            versions.push(Version {
                language: declared.language,
                text: fields.required_text(code)?,
                wording,
            });
        }
        Ok(Text { versions })
    }

    fn paragraph(&self, value: &Json) -> Result<Paragraph, Misshapen> {
        let fields = Fields::of(value)?;
        Ok(Paragraph {
            n: fields.number("n")? as u32,
            text: fields.required("text", |t| self.text(t))?,
            items: fields.list("items", |item| {
                let item = Fields::of(item)?;
                Ok(Item {
                    label: item.required_text("label")?,
                    text: item.required("text", |t| self.text(t))?,
                })
            })?,
            question: fields.optional("question", |question| {
                let question = Fields::of(question)?;
                Ok(ParagraphQuestion {
                    id: question.required_text("id")?,
                    text: question.required("text", |t| self.text(t))?,
                })
            })?,
        })
    }

    fn paragraphs(&self, fields: &Fields<'_>) -> Result<Vec<Paragraph>, Misshapen> {
        fields.list("paragraphs", |p| self.paragraph(p))
    }

    fn issue(&self, value: &Json) -> Result<Issue, Misshapen> {
        let fields = Fields::of(value)?;
        Ok(Issue {
            n: fields.number("n")? as u32,
            title: fields.required("title", |t| self.text(t))?,
            paragraphs: self.paragraphs(&fields)?,
            questions: fields.list("questions", |question| {
                let question = Fields::of(question)?;
                Ok(Question {
                    id: question.required_text("id")?,
                    label: question.required_text("label")?,
                    text: question.required("text", |t| self.text(t))?,
                })
            })?,
        })
    }

    fn area(&self, value: &Json) -> Result<Area, Misshapen> {
        let fields = Fields::of(value)?;
        Ok(Area {
            id: fields.required_text("id")?,
            label: fields.required_text("label")?,
            heading: fields.required("heading", |t| self.text(t))?,
            paragraphs: self.paragraphs(&fields)?,
            issues: fields.list("issues", |i| self.issue(i))?,
        })
    }
}

fn read_languages(value: &Json) -> Result<Vec<PaperLanguage>, Misshapen> {
    let languages = Fields::of(value)?.list("languages", |entry| {
        let entry = Fields::of(entry)?;
        Ok(PaperLanguage {
            language: Language::from_code(&entry.required_text("code")?).ok_or(Misshapen)?,
            wording: Wording::from_code(&entry.required_text("status")?).ok_or(Misshapen)?,
        })
    })?;
    if languages.is_empty() {
        return Err(Misshapen);
    }
    Ok(languages)
}

impl Consultation {
    fn read(value: &Json) -> Result<Self, Misshapen> {
        let languages = read_languages(value)?;
        let reader = Reader {
            languages: &languages,
            wordings: RefCell::new(vec![(None, false); languages.len()]),
            status_keys: languages
                .iter()
                .map(|l| format!("{}_status", l.language.code()))
                .collect(),
        };
        let text = |t: &Json| reader.text(t);
        let fields = Fields::of(value)?;
        let mut paper = Consultation {
            schema: fields.number("schema")? as u32,
            id: fields.required_text("id")?,
            symbol: fields.required_text("symbol")?,
            title: fields.required("title", text)?,
            author: fields.required("author", text)?,
            published: fields.required_text("published")?,
            deadline: fields.required_text("deadline")?,
            email: fields.required_text("email")?,
            organiser: fields.required("organiser", |organiser| {
                let organiser = Fields::of(organiser)?;
                Ok(Organiser {
                    name: organiser.required("name", text)?,
                    recipient: organiser.required("recipient", text)?,
                    publishes_comments: organiser.flag("publishes_comments")?,
                })
            })?,
            intro: fields.required("intro", |intro| {
                let intro = Fields::of(intro)?;
                Ok(Intro {
                    heading: intro.required("heading", text)?,
                    paragraphs: reader.paragraphs(&intro)?,
                })
            })?,
            areas: fields.list("areas", |a| reader.area(a))?,
            notes: fields
                .optional("notes", |notes| {
                    let notes = Fields::of(notes)?;
                    Ok(Notes {
                        paper_text: notes.optional("paper_text", text)?,
                        wording: notes.optional("wording", text)?,
                    })
                })?
                .unwrap_or_default(),
            respondent_kinds: fields.list("respondent_kinds", |kind| {
                let kind = Fields::of(kind)?;
                Ok(RespondentKind {
                    id: kind.required_text("id")?,
                    label: kind.required("label", text)?,
                })
            })?,
            languages: Vec::with_capacity(languages.len()),
            fallback_language: match fields.optional_text("fallback_language")? {
                Some(code) => Language::from_code(&code).ok_or(Misshapen)?,
                None => languages[0].language,
            },
            marked_languages: Vec::new(),
        };
        for (declared, (_, varies)) in languages.iter().zip(reader.wordings.borrow().iter()) {
            paper.languages.push(declared.language);
            if *varies {
                paper.marked_languages.push(declared.language);
            }
        }
        Ok(paper)
    }
}

impl Consultation {
    /// Reads a consultation from its JSON data file.
    pub fn from_json(json: &str) -> Result<Self, CatalogError> {
        let value = json::parse(json).ok_or(CatalogError::Invalid)?;
        // Another schema is named as such, before its fields are read by this one's rules.
        let schema = value.get("schema").and_then(Json::as_u64);
        if let Some(schema) = schema.filter(|s| *s != u64::from(CATALOG_SCHEMA)) {
            return Err(CatalogError::Schema(schema as u32));
        }
        Consultation::read(&value).map_err(|_| CatalogError::Invalid)
    }

    /// The consultation this build serves (see `build.rs`).
    pub fn built_in() -> &'static Consultation {
        static PAPER: OnceLock<Consultation> = OnceLock::new();
        PAPER.get_or_init(|| {
            Consultation::from_json(BUILT_IN_JSON)
                .expect("a consultation file this release cannot read is refused by its tests")
        })
    }

    /// Every issue, in order.
    pub fn issues(&self) -> impl Iterator<Item = (&Area, &Issue)> {
        self.areas
            .iter()
            .flat_map(|area| area.issues.iter().map(move |issue| (area, issue)))
    }

    /// Every context paragraph after the introduction (6-27), in order.
    pub fn context_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.areas.iter().flat_map(|area| {
            area.paragraphs
                .iter()
                .chain(area.issues.iter().flat_map(|issue| issue.paragraphs.iter()))
        })
    }

    /// The numbered questions, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.issues().flat_map(|(_, issue)| issue.questions.iter())
    }

    /// Every question a respondent can answer, in the paper's order.
    pub fn answerables(&self) -> Vec<Answerable<'_>> {
        let mut out = Vec::new();
        for area in &self.areas {
            for paragraph in &area.paragraphs {
                if let Some(question) = &paragraph.question {
                    out.push(Answerable {
                        id: &question.id,
                        text: &question.text,
                        area,
                        position: Position::InParagraph {
                            paragraph: paragraph.n,
                        },
                    });
                }
            }
            for issue in &area.issues {
                for paragraph in &issue.paragraphs {
                    if let Some(question) = &paragraph.question {
                        out.push(Answerable {
                            id: &question.id,
                            text: &question.text,
                            area,
                            position: Position::InParagraph {
                                paragraph: paragraph.n,
                            },
                        });
                    }
                }
                for question in &issue.questions {
                    out.push(Answerable {
                        id: &question.id,
                        text: &question.text,
                        area,
                        position: Position::Numbered {
                            issue,
                            label: &question.label,
                        },
                    });
                }
            }
        }
        out
    }

    /// Whether the paper is written in `language`.
    pub fn has_language(&self, language: Language) -> bool {
        self.languages.contains(&language)
    }

    /// Whether the texts in `language` differ in whose wording they are: then each says it, else
    /// the note on the paper's text says it once.
    pub fn wording_varies(&self, language: Language) -> bool {
        self.marked_languages.contains(&language)
    }

    /// The name of the respondent kind `id` in `language`; the id itself for a kind this paper
    /// does not list (from a draft of another paper).
    pub fn kind_label(&self, id: &str, language: Language) -> String {
        self.respondent_kinds
            .iter()
            .find(|k| k.id == id)
            .map_or_else(|| id.to_string(), |k| k.label.get(language).to_string())
    }

    /// Whether `id` names a question of this paper.
    pub fn has_question(&self, id: &str) -> bool {
        self.answerables().iter().any(|a| a.id == id)
    }
}

/// A label as the paper prints it in `language`: the Chinese uses full-width brackets,
/// `(iii)` → `（iii）`.
pub fn printed_label(label: &str, language: Language) -> String {
    match language {
        Language::Zh => label.replace('(', "（").replace(')', "）"),
        Language::English => label.to_string(),
    }
}

impl Paragraph {
    /// The paragraph's text before the question it ends with (all of it when it asks none).
    pub fn lead(&self, language: Language) -> &str {
        let text = self.text.get(language);
        match &self.question {
            Some(q) => text.strip_suffix(q.text.get(language)).unwrap_or(text),
            None => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_paper_has_the_papers_counts() {
        let paper = crate::wipo_2019();
        assert_eq!(paper.intro.paragraphs.len(), 5);
        assert_eq!(paper.areas.len(), 6);
        assert_eq!(paper.issues().count(), 13);
        assert_eq!(paper.context_paragraphs().count(), 22);
        assert_eq!(paper.questions().count(), 41);
        assert_eq!(paper.answerables().len(), 42);
    }

    #[test]
    fn question_ids_are_unique_and_follow_issue_and_label() {
        let paper = crate::wipo_2019();
        let mut seen = std::collections::BTreeSet::new();
        for a in paper.answerables() {
            assert!(seen.insert(a.id), "duplicate id {}", a.id);
            if let Position::Numbered { issue, label } = a.position {
                let roman = label.trim_start_matches('(').trim_end_matches(')');
                assert_eq!(a.id, format!("{}.{}", issue.n, roman));
            }
        }
    }

    #[test]
    fn paragraph_26_ends_with_its_unnumbered_question() {
        let paper = crate::wipo_2019();
        let p26 = paper.context_paragraphs().find(|p| p.n == 26).unwrap();
        let question = p26.question.as_ref().expect("paragraph 26 asks a question");
        assert_eq!(question.id, "p26");
        for language in Language::ALL {
            assert!(p26
                .text
                .get(language)
                .ends_with(question.text.get(language)));
        }
        assert!(p26.lead(Language::Zh).ends_with("创造性表达。"));
        assert!(p26
            .lead(Language::English)
            .ends_with("creative expression. "));
    }

    #[test]
    fn the_consultation_this_build_serves_reads() {
        // `CONSULTATION=<file> cargo test` checks a file before it is built into the app.
        let paper = Consultation::built_in();
        assert!(!paper.id.is_empty() && !paper.answerables().is_empty());
    }

    #[test]
    fn a_catalog_of_another_schema_is_refused() {
        let json = crate::WIPO_2019_JSON.replacen("\"schema\": 4", "\"schema\": 3", 1);
        assert!(matches!(
            Consultation::from_json(&json),
            Err(CatalogError::Schema(3))
        ));
    }
}
