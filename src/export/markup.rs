//! Escaping text for markup: one function for the HTML and the Word (XML) writers.

/// Escapes text for element content and attribute values in HTML and XML alike, dropping the
/// control characters XML 1.0 cannot hold at all (a pasted form feed would otherwise make Word
/// refuse the whole file).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references_and_xml_invalid_ones_go() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("a\u{0C}b\u{1}c\td\ne"), "abc\td\ne");
        assert_eq!(escape("知识产权"), "知识产权");
    }
}
