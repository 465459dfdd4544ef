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
    /// Every language the interface speaks; a paper may be written in any of them.
    pub const ALL: [Language; 2] = [Language::Zh, Language::English];

    /// The BCP 47 tag set as `lang` on the app's root and in documents.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Zh => "zh-CN",
            Language::English => "en",
        }
    }

    /// The code that names the language in a consultation file (`"zh"`, `"en"`).
    pub fn code(self) -> &'static str {
        match self {
            Language::Zh => "zh",
            Language::English => "en",
        }
    }

    /// The interface language a consultation file's code names.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
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

    /// The first language in `preferences` (most wanted first) among `offered` (the paper's
    /// languages); `fallback` when none is.
    pub fn negotiate<'a>(
        preferences: impl IntoIterator<Item = &'a str>,
        offered: &[Language],
        fallback: Language,
    ) -> Language {
        preferences
            .into_iter()
            .filter_map(Language::from_tag)
            .find(|language| offered.contains(language))
            .unwrap_or(fallback)
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
        let both = [Language::Zh, Language::English];
        let negotiate = |preferences: &[&str], offered: &[Language], fallback| {
            Language::negotiate(preferences.iter().copied(), offered, fallback)
        };
        assert_eq!(
            negotiate(&["fr", "zh-CN", "en"], &both, Language::English),
            Language::Zh
        );
        assert_eq!(
            negotiate(&["de", "fr"], &both, Language::English),
            Language::English
        );
        assert_eq!(negotiate(&[], &[Language::Zh], Language::Zh), Language::Zh);
        let english = [Language::English];
        assert_eq!(
            negotiate(&["zh"], &english, Language::English),
            Language::English
        );
    }
}
