//! A small JSON reader and writer for the app's own formats (the paper's data file, stored
//! drafts, draft files, the draft list, the history, contributions). It replaces a general
//! serialisation framework whose generic code was about a sixth of the WebAssembly module: these
//! formats need strings, whole numbers, booleans, lists and objects, read field by field.
//! Numbers are kept as their text and read as whole numbers only, so no floating-point parsing or
//! formatting is compiled in.

use std::collections::BTreeMap;
use std::fmt::Write;

/// A parsed JSON document.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number, as written.
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in document order.
    Object(Vec<(String, Json)>),
}

/// Nesting deeper than this is refused (our formats nest four levels; hostile files nest more).
const MAX_DEPTH: u32 = 64;

/// Reads `text` as one JSON document; `None` when it is not valid JSON.
pub fn parse(text: &str) -> Option<Json> {
    parse_or_where(text).ok()
}

/// Reads `text` as one JSON document, or says at which byte it stopped being JSON.
pub fn parse_or_where(text: &str) -> Result<Json, usize> {
    let mut parser = Parser::at_start(text);
    let value = parser.value().ok_or(parser.pos)?;
    parser.skip_space();
    if parser.pos == parser.bytes.len() {
        Ok(value)
    } else {
        Err(parser.pos)
    }
}

/// One step of a path into a document: an object's member or a list's item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The byte where the value at `steps` starts in the JSON document `text` (a member named twice:
/// its last, as [`Json::get`] reads it); `None` when the document has no such value.
pub fn locate(text: &str, steps: &[Step<'_>]) -> Option<usize> {
    let mut parser = Parser::at_start(text);
    for step in steps {
        parser.pos = match *step {
            Step::Key(key) => parser.member_start(key)?,
            Step::Index(index) => parser.item_start(index)?,
        };
    }
    Some(parser.pos)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: u32,
}

impl<'a> Parser<'a> {
    /// A parser at the first value of `text`.
    fn at_start(text: &'a str) -> Self {
        let mut parser = Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        };
        parser.skip_space();
        parser
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.bytes.get(self.pos) == Some(&byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn literal(&mut self, word: &str, value: Json) -> Option<Json> {
        let found = self.text[self.pos..].starts_with(word);
        found.then(|| {
            self.pos += word.len();
            value
        })
    }

    fn value(&mut self) -> Option<Json> {
        match *self.bytes.get(self.pos)? {
            b'{' => self.nested(Self::object),
            b'[' => self.nested(Self::array),
            b'"' => self.string().map(Json::String),
            b't' => self.literal("true", Json::Bool(true)),
            b'f' => self.literal("false", Json::Bool(false)),
            b'n' => self.literal("null", Json::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Option<Json>) -> Option<Json> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn object(&mut self) -> Option<Json> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.eat(b'}') {
            return Some(Json::Object(members));
        }
        loop {
            self.skip_space();
            let key = self.string()?;
            self.skip_space();
            if !self.eat(b':') {
                return None;
            }
            self.skip_space();
            members.push((key, self.value()?));
            self.skip_space();
            if self.eat(b'}') {
                return Some(Json::Object(members));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// Where the value of the object's last member `key` starts (the parser at the object).
    fn member_start(&mut self, key: &str) -> Option<usize> {
        if !self.eat(b'{') {
            return None;
        }
        let mut found = None;
        loop {
            self.skip_space();
            if self.eat(b'}') {
                return found;
            }
            let name = self.string()?;
            self.skip_space();
            if !self.eat(b':') {
                return None;
            }
            self.skip_space();
            if name == key {
                found = Some(self.pos);
            }
            self.value()?;
            self.skip_space();
            self.eat(b',');
        }
    }

    /// Where the list's item `index` starts (the parser at the list).
    fn item_start(&mut self, index: usize) -> Option<usize> {
        if !self.eat(b'[') {
            return None;
        }
        for _ in 0..index {
            self.skip_space();
            self.value()?;
            self.skip_space();
            if !self.eat(b',') {
                return None;
            }
        }
        self.skip_space();
        (self.bytes.get(self.pos) != Some(&b']')).then_some(self.pos)
    }

    fn array(&mut self) -> Option<Json> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.eat(b']') {
            return Some(Json::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value()?);
            self.skip_space();
            if self.eat(b']') {
                return Some(Json::Array(items));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn number(&mut self) -> Option<Json> {
        let start = self.pos;
        self.eat(b'-');
        let digits = |p: &mut Self| {
            let from = p.pos;
            while p.bytes.get(p.pos).is_some_and(u8::is_ascii_digit) {
                p.pos += 1;
            }
            p.pos > from
        };
        if self.eat(b'0') {
            if self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
                return None;
            }
        } else if !digits(self) {
            return None;
        }
        if self.eat(b'.') && !digits(self) {
            return None;
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if !digits(self) {
                return None;
            }
        }
        Some(Json::Number(self.text[start..self.pos].to_string()))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        let value = u32::from_str_radix(digits, 16).ok()?;
        // `from_str_radix` takes a leading `+`; JSON does not.
        if digits.starts_with('+') {
            return None;
        }
        self.pos += 4;
        Some(value)
    }

    fn string(&mut self) -> Option<String> {
        if !self.eat(b'"') {
            return None;
        }
        let mut out = String::new();
        loop {
            let run = self.pos;
            while let Some(&b) = self.bytes.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run..self.pos]);
            match *self.bytes.get(self.pos)? {
                b'"' => {
                    self.pos += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.pos += 1;
                    let escaped = *self.bytes.get(self.pos)?;
                    self.pos += 1;
                    out.push(match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return None,
                    });
                }
                // A raw control character is not allowed inside a string.
                _ => return None,
            }
        }
    }

    /// The character of a `\u` escape (the `\u` read), joining a surrogate pair.
    fn escaped_char(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xDC00..0xE000).contains(&first) {
            return None;
        }
        if !(0xD800..0xDC00).contains(&first) {
            return char::from_u32(first);
        }
        if !(self.eat(b'\\') && self.eat(b'u')) {
            return None;
        }
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return None;
        }
        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }
}

impl Json {
    /// The member `key` of an object (the last, if written twice).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// A whole number from 0 up.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }
}

/// Why a document does not have the shape a format expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Misshapen;

/// Reading the members of an object: a missing member (or `null`) takes its default; a member of
/// the wrong type makes the whole document misshapen. Unknown members are ignored.
pub struct Fields<'a>(&'a Json);

impl<'a> Fields<'a> {
    pub fn of(value: &'a Json) -> Result<Self, Misshapen> {
        match value {
            Json::Object(_) => Ok(Fields(value)),
            _ => Err(Misshapen),
        }
    }

    fn member(&self, key: &str) -> Option<&'a Json> {
        self.0.get(key).filter(|v| **v != Json::Null)
    }

    /// A member read by `read`, or `None` when missing.
    pub fn optional<T>(
        &self,
        key: &str,
        read: impl FnOnce(&'a Json) -> Result<T, Misshapen>,
    ) -> Result<Option<T>, Misshapen> {
        self.member(key).map(read).transpose()
    }

    /// A member read by `read`; missing is misshapen.
    pub fn required<T>(
        &self,
        key: &str,
        read: impl FnOnce(&'a Json) -> Result<T, Misshapen>,
    ) -> Result<T, Misshapen> {
        self.optional(key, read)?.ok_or(Misshapen)
    }

    /// The member `key` must be there (of any type, not `null`).
    pub fn present(&self, key: &str) -> Result<(), Misshapen> {
        self.member(key).map(drop).ok_or(Misshapen)
    }

    pub fn text(&self, key: &str) -> Result<String, Misshapen> {
        Ok(self.optional(key, string)?.unwrap_or_default())
    }

    pub fn required_text(&self, key: &str) -> Result<String, Misshapen> {
        self.required(key, string)
    }

    pub fn optional_text(&self, key: &str) -> Result<Option<String>, Misshapen> {
        self.optional(key, string)
    }

    pub fn number(&self, key: &str) -> Result<u64, Misshapen> {
        self.required(key, |v| v.as_u64().ok_or(Misshapen))
    }

    pub fn optional_number(&self, key: &str) -> Result<Option<u64>, Misshapen> {
        self.optional(key, |v| v.as_u64().ok_or(Misshapen))
    }

    pub fn flag(&self, key: &str) -> Result<bool, Misshapen> {
        Ok(self
            .optional(key, |v| match v {
                Json::Bool(b) => Ok(*b),
                _ => Err(Misshapen),
            })?
            .unwrap_or(false))
    }

    /// A list of items read by `read`; missing is empty.
    pub fn list<T>(
        &self,
        key: &str,
        read: impl Fn(&'a Json) -> Result<T, Misshapen>,
    ) -> Result<Vec<T>, Misshapen> {
        let Some(value) = self.member(key) else {
            return Ok(Vec::new());
        };
        value
            .as_array()
            .ok_or(Misshapen)?
            .iter()
            .map(read)
            .collect()
    }

    /// An object of strings; missing is empty.
    pub fn text_map(&self, key: &str) -> Result<BTreeMap<String, String>, Misshapen> {
        let Some(value) = self.member(key) else {
            return Ok(BTreeMap::new());
        };
        let Json::Object(members) = value else {
            return Err(Misshapen);
        };
        members
            .iter()
            .map(|(k, v)| Ok((k.clone(), string(v)?)))
            .collect()
    }
}

/// A string value.
pub fn string(value: &Json) -> Result<String, Misshapen> {
    value.as_str().map(str::to_string).ok_or(Misshapen)
}

/// A value to write, borrowing its text.
pub enum Value<'a> {
    Number(u64),
    Bool(bool),
    Str(&'a str),
    Array(Vec<Value<'a>>),
    Object(Vec<(&'a str, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// An object of strings.
    pub fn text_map(map: &'a BTreeMap<String, String>) -> Value<'a> {
        Value::Object(
            map.iter()
                .map(|(k, v)| (k.as_str(), Value::Str(v)))
                .collect(),
        )
    }

    /// Compact JSON.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// JSON indented by two spaces per level.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>) {
        let inner = indent.map(|n| n + 1);
        let newline = |out: &mut String, level: Option<usize>| {
            if let Some(level) = level {
                out.push('\n');
                out.push_str(&"  ".repeat(level));
            }
        };
        match self {
            Value::Number(n) => {
                let _ = write!(out, "{n}");
            }
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Str(text) => write_string(out, text),
            Value::Array(items) if items.is_empty() => out.push_str("[]"),
            Value::Object(members) if members.is_empty() => out.push_str("{}"),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, inner);
                    item.write(out, inner);
                }
                newline(out, indent);
                out.push(']');
            }
            Value::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    newline(out, inner);
                    write_string(out, key);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    value.write(out, inner);
                }
                newline(out, indent);
                out.push('}');
            }
        }
    }
}

fn write_string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if (c as u32) < 0x20 => "",
            _ => continue,
        };
        out.push_str(&text[run..i]);
        if escaped.is_empty() {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push_str(escaped);
        }
        run = i + c.len_utf8();
    }
    out.push_str(&text[run..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes_for_any_text() {
        let text = "引号\"反斜杠\\ \n\r\t\u{0}\u{1f} </script> 😀 \u{2028}";
        let written = Value::Object(vec![
            ("a", Value::Str(text)),
            ("n", Value::Number(42)),
            ("b", Value::Bool(true)),
            (
                "l",
                Value::Array(vec![Value::Str("x"), Value::Array(vec![])]),
            ),
        ]);
        for json in [written.to_json(), written.to_json_pretty()] {
            let back = parse(&json).unwrap();
            assert_eq!(back.get("a").and_then(Json::as_str), Some(text));
            assert_eq!(back.get("n").and_then(Json::as_u64), Some(42));
            assert_eq!(back.get("b"), Some(&Json::Bool(true)));
        }
        assert_eq!(
            written.to_json_pretty().lines().nth(2),
            Some("  \"n\": 42,"),
            "pretty output indents by two spaces"
        );
    }

    #[test]
    fn reads_standard_json_as_other_writers_write_it() {
        let json =
            r#" { "s" : "\u00e9\ud83d\ude00\/" , "x": [1, -2.5e+3, 0, true, null], "o": {} } "#;
        let value = parse(json).unwrap();
        assert_eq!(value.get("s").and_then(Json::as_str), Some("é😀/"));
        let items = value.get("x").and_then(Json::as_array).unwrap();
        assert_eq!(items[1], Json::Number("-2.5e+3".into()));
        assert_eq!(items[1].as_u64(), None);
        assert_eq!(items[4], Json::Null);
    }

    #[test]
    fn refuses_what_is_not_json() {
        for bad in [
            "",
            "{",
            "{\"a\":1,}",
            "[1 2]",
            "01",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\u{1}\"",
            "\"\\x\"",
            "tru",
            "{\"a\" 1}",
            "1 2",
            "\"\\u+123\"",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        assert_eq!(parse(&"[".repeat(100_000)), None, "deep nesting is refused");
        assert!(parse(&format!("{}{}", "[".repeat(60), "]".repeat(60))).is_some());
    }

    #[test]
    fn fields_take_defaults_and_refuse_wrong_types() {
        let value = parse(r#"{"a":"x","n":null,"m":{"k":"v"},"bad":5}"#).unwrap();
        let fields = Fields::of(&value).unwrap();
        assert_eq!(fields.text("a"), Ok("x".into()));
        assert_eq!(fields.text("n"), Ok(String::new()));
        assert_eq!(fields.text("missing"), Ok(String::new()));
        assert_eq!(fields.text("bad"), Err(Misshapen));
        assert_eq!(fields.required_text("missing"), Err(Misshapen));
        assert_eq!(fields.text_map("m").unwrap()["k"], "v");
        assert_eq!(fields.text_map("bad"), Err(Misshapen));
        assert!(Fields::of(&Json::Array(vec![])).is_err());
    }
}
