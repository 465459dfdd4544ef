//! The fields of a draft, by kind: one typed key with one text form (`answer:4.iii`), used where
//! two windows' changes are merged, where a conflict or a considered mark names its field, and
//! where the desk shows contributions.

use std::fmt;

/// Where a text of the draft belongs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldKey {
    /// The answer to a question, by question id (`4.iii`, `p26`).
    Answer(String),
    /// The comment on an area (by area id), or the general comments (`general`).
    Comment(String),
    /// A detail about the respondent, by its code (`name`, `kind`, …).
    Respondent(String),
    /// The coordinator's "considered" mark on a field.
    Considered(Box<FieldKey>),
}

impl FieldKey {
    /// Reads the text form; `None` for anything else.
    pub fn parse(text: &str) -> Option<FieldKey> {
        let (kind, rest) = text.split_once(':')?;
        match kind {
            "considered" => Some(FieldKey::Considered(Box::new(FieldKey::parse(rest)?))),
            _ => FieldKey::text_field(kind, rest),
        }
    }

    /// A text field of `kind` (`answer`, `comment`, `respondent`) named `rest`.
    fn text_field(kind: &str, rest: &str) -> Option<FieldKey> {
        if rest.is_empty() {
            return None;
        }
        let rest = rest.to_string();
        match kind {
            "answer" => Some(FieldKey::Answer(rest)),
            "comment" => Some(FieldKey::Comment(rest)),
            "respondent" => Some(FieldKey::Respondent(rest)),
            _ => None,
        }
    }

    /// Whether this is a text the paper asks for: an answer or a comment.
    pub fn is_paper_text(&self) -> bool {
        matches!(self, FieldKey::Answer(_) | FieldKey::Comment(_))
    }

    /// The `name` of the form control that holds this field's text: `answer-4.iii`,
    /// `comment-patents`, `respondent-name`. Marks have none.
    pub fn control_name(&self) -> Option<String> {
        match self {
            FieldKey::Answer(id) => Some(format!("answer-{id}")),
            FieldKey::Comment(key) => Some(format!("comment-{key}")),
            FieldKey::Respondent(code) => Some(format!("respondent-{code}")),
            FieldKey::Considered(_) => None,
        }
    }

    /// The field whose text the control named `name` holds ([`FieldKey::control_name`] read
    /// back).
    pub fn from_control_name(name: &str) -> Option<FieldKey> {
        let (kind, rest) = name.split_once('-')?;
        FieldKey::text_field(kind, rest)
    }
}

impl fmt::Display for FieldKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldKey::Answer(id) => write!(f, "answer:{id}"),
            FieldKey::Comment(key) => write!(f, "comment:{key}"),
            FieldKey::Respondent(code) => write!(f, "respondent:{code}"),
            FieldKey::Considered(field) => write!(f, "considered:{field}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_name_reads_back_as_its_field() {
        for key in [
            FieldKey::Answer("4.iii".into()),
            FieldKey::Answer("p26".into()),
            FieldKey::Comment("general".into()),
            FieldKey::Respondent("organisation".into()),
        ] {
            let name = key.control_name().expect("a text field has a control");
            assert_eq!(FieldKey::from_control_name(&name), Some(key));
        }
        for other in ["answer-", "cr-fold-context", "respondent", "x-1"] {
            assert_eq!(FieldKey::from_control_name(other), None, "{other}");
        }
    }

    #[test]
    fn every_key_reads_back_from_its_text() {
        let keys = [
            FieldKey::Answer("4.iii".into()),
            FieldKey::Answer("p26".into()),
            FieldKey::Comment("general".into()),
            FieldKey::Respondent("name".into()),
            FieldKey::Considered(Box::new(FieldKey::Comment("data".into()))),
        ];
        for key in keys {
            assert_eq!(
                FieldKey::parse(&key.to_string()),
                Some(key.clone()),
                "{key}"
            );
        }
        assert_eq!(FieldKey::Answer("4.iii".into()).to_string(), "answer:4.iii");
    }

    #[test]
    fn other_text_is_no_key() {
        for text in [
            "",
            "answer",
            "answer:",
            "note:x",
            "considered:",
            "considered:note:x",
        ] {
            assert_eq!(FieldKey::parse(text), None, "{text}");
        }
    }
}
