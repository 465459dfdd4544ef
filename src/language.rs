//! The languages the app speaks: the interface, the paper and the documents.

/// A language of the interface and of the paper's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(test, derive(serde::Serialize))]
pub enum Language {
    /// Simplified Chinese.
    Zh,
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Zh, Language::English];

    /// The BCP 47 tag set as `lang` on the app's root and in documents.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Zh => "zh-CN",
            Language::English => "en",
        }
    }

    /// The language a BCP 47 tag names (`zh`, `zh-Hans-CN`, `en-GB`, …), if the app speaks it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Language::Zh),
            "en" => Some(Language::English),
            _ => None,
        }
    }

    /// The first language in `preferences` (most wanted first) that the app speaks; English when
    /// none is, since more respondents read it than any other language the app has.
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Language {
        preferences
            .into_iter()
            .find_map(Language::from_tag)
            .unwrap_or(Language::English)
    }

    /// The other language, for bilingual documents.
    pub fn other(self) -> Language {
        match self {
            Language::Zh => Language::English,
            Language::English => Language::Zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_read_by_their_primary_subtag() {
        assert_eq!(Language::from_tag("zh-Hant-TW"), Some(Language::Zh));
        assert_eq!(Language::from_tag("ZH"), Some(Language::Zh));
        assert_eq!(Language::from_tag("en_GB"), Some(Language::English));
        assert_eq!(Language::from_tag("fr-CH"), None);
        assert_eq!(Language::from_tag(""), None);
    }

    #[test]
    fn the_first_spoken_preference_wins() {
        assert_eq!(Language::negotiate(["fr", "zh-CN", "en"]), Language::Zh);
        assert_eq!(Language::negotiate(["de", "fr"]), Language::English);
        assert_eq!(Language::negotiate([]), Language::English);
    }
}
