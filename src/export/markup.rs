//! Escaping text for markup (one function for the HTML and the Word (XML) writers), and a small
//! element tree: the HTML response's body is built as one, written out as text for the file and
//! turned into the page's own elements for the print copy, so the page never parses markup
//! (`innerHTML` is refused under Trusted Types).

use std::fmt::Write;

/// An element or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// An HTML element with its attributes and children.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub tag: &'static str,
    pub attributes: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn new(tag: &'static str) -> Self {
        Element {
            tag,
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attributes.push((name, value.into()));
        self
    }

    pub fn class(self, value: &str) -> Self {
        self.attr("class", value)
    }

    /// Appends a text child.
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.children.push(Node::Text(text.into()));
        self
    }

    pub fn child(mut self, element: Element) -> Self {
        self.children.push(Node::Element(element));
        self
    }

    pub fn push(&mut self, element: Element) {
        self.children.push(Node::Element(element));
    }

    /// The element as HTML, every text and attribute value escaped; a line break after each
    /// element that holds other elements or closes a line of the document.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.write_html(&mut out);
        out
    }

    fn write_html(&self, out: &mut String) {
        let _ = write!(out, "<{}", self.tag);
        for (name, value) in &self.attributes {
            let _ = write!(out, " {name}=\"{}\"", escape(value));
        }
        out.push('>');
        let holds_elements = self
            .children
            .iter()
            .any(|child| matches!(child, Node::Element(_)));
        if holds_elements && self.tag != "p" {
            out.push('\n');
        }
        for child in &self.children {
            match child {
                Node::Element(element) => element.write_html(out),
                Node::Text(text) => out.push_str(&escape(text)),
            }
        }
        let _ = writeln!(out, "</{}>", self.tag);
    }
}

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
    fn an_element_tree_is_written_with_every_text_and_value_escaped() {
        let tree = Element::new("div")
            .class("a\"b")
            .child(Element::new("p").text("<b>&</b>"))
            .child(Element::new("p").text("x").attr("lang", "en"));
        assert_eq!(
            tree.to_html(),
            "<div class=\"a&quot;b\">\n<p>&lt;b&gt;&amp;&lt;/b&gt;</p>\n<p lang=\"en\">x</p>\n</div>\n"
        );
    }

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
