//! Who is responding: the details the organiser asks for, and their choice about publication.

use crate::json::{Fields, Json, Misshapen, Value};

/// The respondent's details. Every field may be empty while the draft is written; the review
/// warns about missing ones but never blocks a download.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Respondent {
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub capacity: Option<Capacity>,
    /// The id of one of the paper's respondent kinds (`catalog::RespondentKind`).
    pub kind: Option<String>,
    pub country: String,
    pub email: String,
    /// Acknowledges that the organiser publishes the comments it receives.
    pub publication_acknowledged: bool,
    pub publication: Option<Publication>,
}

/// Whether the response is the respondent's own or an organisation's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capacity {
    Personal,
    OnBehalfOfOrganisation,
}

impl Capacity {
    /// The value used in forms and stored drafts.
    pub fn code(self) -> &'static str {
        match self {
            Capacity::Personal => "personal",
            Capacity::OnBehalfOfOrganisation => "on-behalf-of-organisation",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Capacity::Personal, Capacity::OnBehalfOfOrganisation]
            .into_iter()
            .find(|c| c.code() == code)
    }
}

/// How the respondent wants to appear when the organiser publishes the response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    WithName,
    NameWithheld,
}

impl Publication {
    /// The value used in forms and stored drafts.
    pub fn code(self) -> &'static str {
        match self {
            Publication::WithName => "with-name",
            Publication::NameWithheld => "name-withheld",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Publication::WithName, Publication::NameWithheld]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

/// The stored name of the publication acknowledgement.
const ACKNOWLEDGED: &str = "publication_acknowledged";

/// The free-text details, for forms that edit them one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RespondentText {
    Name,
    Title,
    Organisation,
    Country,
    Email,
}

impl RespondentText {
    pub const ALL: [RespondentText; 5] = [
        RespondentText::Name,
        RespondentText::Title,
        RespondentText::Organisation,
        RespondentText::Country,
        RespondentText::Email,
    ];

    /// The field's name in forms: `respondent-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            RespondentText::Name => "name",
            RespondentText::Title => "title",
            RespondentText::Organisation => "organisation",
            RespondentText::Country => "country",
            RespondentText::Email => "email",
        }
    }
}

impl Respondent {
    pub fn text(&self, field: RespondentText) -> &str {
        match field {
            RespondentText::Name => &self.name,
            RespondentText::Title => &self.title,
            RespondentText::Organisation => &self.organisation,
            RespondentText::Country => &self.country,
            RespondentText::Email => &self.email,
        }
    }

    /// Sets a free-text detail; returns whether it changed.
    pub fn set_text(&mut self, field: RespondentText, value: &str) -> bool {
        let slot = match field {
            RespondentText::Name => &mut self.name,
            RespondentText::Title => &mut self.title,
            RespondentText::Organisation => &mut self.organisation,
            RespondentText::Country => &mut self.country,
            RespondentText::Email => &mut self.email,
        };
        if slot == value {
            return false;
        }
        *slot = value.to_string();
        true
    }

    /// Whether nothing at all has been given.
    pub fn is_empty(&self) -> bool {
        *self == Respondent::default()
    }

    /// Every detail given, by its stored name, as text (a choice as its code, the
    /// acknowledgement as `true`).
    pub fn details(&self) -> Vec<(&'static str, &str)> {
        let mut details: Vec<(&'static str, &str)> = RespondentText::ALL
            .iter()
            .map(|&field| (field.code(), self.text(field)))
            .collect();
        details.push(("capacity", self.capacity.map_or("", Capacity::code)));
        details.push(("kind", self.kind.as_deref().unwrap_or("")));
        details.push((
            ACKNOWLEDGED,
            if self.publication_acknowledged {
                "true"
            } else {
                ""
            },
        ));
        details.push((
            "publication",
            self.publication.map_or("", Publication::code),
        ));
        details.retain(|(_, text)| !text.is_empty());
        details
    }

    /// Sets the detail stored as `name` from its text (empty clears it). Returns whether it
    /// changed anything; `None` when there is no such detail or the text is not one of its
    /// values.
    pub fn set_detail(&mut self, name: &str, text: &str) -> Option<bool> {
        fn choose<T: PartialEq>(
            slot: &mut Option<T>,
            text: &str,
            from: impl Fn(&str) -> Option<T>,
        ) -> Option<bool> {
            let value = if text.is_empty() {
                None
            } else {
                Some(from(text)?)
            };
            let changed = *slot != value;
            *slot = value;
            Some(changed)
        }
        if let Some(field) = RespondentText::ALL.into_iter().find(|f| f.code() == name) {
            return Some(self.set_text(field, text));
        }
        match name {
            "capacity" => choose(&mut self.capacity, text, Capacity::from_code),
            // Any id: the paper says which it lists, and a draft keeps one it does not.
            "kind" => choose(&mut self.kind, text, |id| Some(id.to_string())),
            "publication" => choose(&mut self.publication, text, Publication::from_code),
            ACKNOWLEDGED => {
                let on = text == "true";
                let changed = self.publication_acknowledged != on;
                self.publication_acknowledged = on;
                Some(changed)
            }
            _ => None,
        }
    }

    /// The stored form: the details given.
    pub fn to_value(&self) -> Value<'_> {
        Value::Object(
            self.details()
                .into_iter()
                .map(|(name, text)| {
                    let value = if name == ACKNOWLEDGED {
                        Value::Bool(true)
                    } else {
                        Value::Str(text)
                    };
                    (name, value)
                })
                .collect(),
        )
    }

    /// Reads the stored form; a choice that is not one of its values is misshapen.
    pub fn from_json(value: &Json) -> Result<Self, Misshapen> {
        let fields = Fields::of(value)?;
        let mut respondent = Respondent {
            publication_acknowledged: fields.flag(ACKNOWLEDGED)?,
            ..Respondent::default()
        };
        for name in [
            "name",
            "title",
            "organisation",
            "country",
            "email",
            "capacity",
            "kind",
            "publication",
        ] {
            let text = fields.text(name)?;
            respondent.set_detail(name, &text).ok_or(Misshapen)?;
        }
        Ok(respondent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fields_are_set_and_read_back() {
        let mut respondent = Respondent::default();
        assert!(respondent.is_empty());
        for field in RespondentText::ALL {
            assert!(respondent.set_text(field, field.code()));
            assert!(!respondent.set_text(field, field.code()));
            assert_eq!(respondent.text(field), field.code());
        }
        assert!(!respondent.is_empty());
    }

    #[test]
    fn stored_form_uses_readable_codes() {
        let respondent = Respondent {
            capacity: Some(Capacity::OnBehalfOfOrganisation),
            kind: Some("government-or-ip-office".into()),
            publication: Some(Publication::NameWithheld),
            ..Respondent::default()
        };
        let json = respondent.to_value().to_json();
        assert!(json.contains("\"on-behalf-of-organisation\""));
        assert!(json.contains("\"government-or-ip-office\""));
        assert!(json.contains("\"name-withheld\""));
        let back = Respondent::from_json(&crate::json::parse(&json).unwrap()).unwrap();
        assert_eq!(back, respondent);
        // What earlier releases wrote: every detail, empty ones too.
        let old = r#"{"name":"王五","title":"","organisation":"","capacity":null,"kind":"ngo","country":"","email":"","publication_acknowledged":false,"publication":null}"#;
        let read = Respondent::from_json(&crate::json::parse(old).unwrap()).unwrap();
        assert_eq!(read.name, "王五");
        assert_eq!(read.kind.as_deref(), Some("ngo"));
        // A kind another paper lists is kept, not dropped; a wrong choice still refuses.
        let other = r#"{"kind":"community-group"}"#;
        let read = Respondent::from_json(&crate::json::parse(other).unwrap()).unwrap();
        assert_eq!(read.kind.as_deref(), Some("community-group"));
        let wrong = r#"{"capacity":"alien"}"#;
        assert!(Respondent::from_json(&crate::json::parse(wrong).unwrap()).is_err());
    }
}
