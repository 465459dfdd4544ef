//! Who is responding: the details WIPO asked for, and their choice about publication.

use serde::{Deserialize, Serialize};

/// The respondent's details. Every field may be empty while the draft is written; the review
/// warns about missing ones but never blocks a download.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Respondent {
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub capacity: Option<Capacity>,
    pub kind: Option<RespondentKind>,
    pub country: String,
    pub email: String,
    /// Acknowledges that WIPO publishes the comments it receives.
    pub publication_acknowledged: bool,
    pub publication: Option<Publication>,
}

/// Whether the response is the respondent's own or an organisation's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Capacity {
    Personal,
    OnBehalfOfOrganisation,
}

/// The kinds of respondent the paper invites (paragraph 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RespondentKind {
    GovernmentOrIpOffice,
    IntergovernmentalOrganisation,
    Ngo,
    Business,
    UniversityOrResearch,
    ProfessionalBody,
    Individual,
}

impl RespondentKind {
    pub const ALL: [RespondentKind; 7] = [
        RespondentKind::GovernmentOrIpOffice,
        RespondentKind::IntergovernmentalOrganisation,
        RespondentKind::Ngo,
        RespondentKind::Business,
        RespondentKind::UniversityOrResearch,
        RespondentKind::ProfessionalBody,
        RespondentKind::Individual,
    ];

    /// The value used in forms and stored drafts.
    pub fn code(self) -> &'static str {
        match self {
            RespondentKind::GovernmentOrIpOffice => "government-or-ip-office",
            RespondentKind::IntergovernmentalOrganisation => "intergovernmental-organisation",
            RespondentKind::Ngo => "ngo",
            RespondentKind::Business => "business",
            RespondentKind::UniversityOrResearch => "university-or-research",
            RespondentKind::ProfessionalBody => "professional-body",
            RespondentKind::Individual => "individual",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// How the respondent wants to appear when WIPO publishes the response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Publication {
    WithName,
    NameWithheld,
}

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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_codes() {
        for kind in RespondentKind::ALL {
            assert_eq!(RespondentKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(RespondentKind::from_code("alien"), None);
    }

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
            kind: Some(RespondentKind::GovernmentOrIpOffice),
            publication: Some(Publication::NameWithheld),
            ..Respondent::default()
        };
        let json = serde_json::to_string(&respondent).unwrap();
        assert!(json.contains("\"on-behalf-of-organisation\""));
        assert!(json.contains("\"government-or-ip-office\""));
        assert!(json.contains("\"name-withheld\""));
        assert_eq!(
            serde_json::from_str::<Respondent>(&json).unwrap(),
            respondent
        );
    }
}
