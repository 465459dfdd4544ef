//! Moving a draft between browsers and machines: the draft file (`.json`), also embedded in the
//! HTML response, and reading either back. A file carries the format, its version, the
//! consultation id and a CRC-32 of the draft, so a damaged or edited file is refused whole.

use super::{Draft, DraftError};
use crate::checksum::crc32;
use crate::json::{self, Fields, Json, Value};

/// Marks a JSON document as a draft file.
pub const FILE_FORMAT: &str = "consultation-response/draft-file";
/// The draft-file version this release writes and reads.
pub const FILE_VERSION: u64 = 1;
/// The id of the `<script type="application/json">` element that carries the draft in an HTML
/// response.
pub const HTML_ELEMENT_ID: &str = "consultation-response-draft";
/// Files larger than this are refused before they are read (localStorage holds about 5 MB).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

// A draft file is a JSON object: `format`, `version`, `consultation`, `checksum`, and `draft`,
// the stored draft (the localStorage format) as a string, so the checksum covers exact bytes.

/// Why a file cannot be imported. Nothing changes when one is refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    /// Neither a draft file nor an HTML response made by this app.
    NotRecognised,
    /// A draft file from a newer release.
    NewerFile(u64),
    /// The checksum does not match: the file was damaged or edited.
    Damaged,
    /// The draft inside cannot be opened.
    Draft(DraftError),
    /// The bytes are not text in an encoding the app reads (UTF-8, or UTF-16 as some editors
    /// save "Unicode" text).
    Encoding,
}

/// The text of a chosen file's bytes. Draft files are written as UTF-8, but an editor may save
/// one again as UTF-16 ("Unicode" in some editors' menus), with or without a byte-order mark:
/// both are read, and a UTF-8 byte-order mark is dropped. Anything else is `Encoding`.
pub fn decode_file(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let utf16 = |bytes: &[u8], little_endian: bool| {
        if !bytes.len().is_multiple_of(2) {
            return Err(ImportError::Encoding);
        }
        let units = bytes.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if little_endian {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| ImportError::Encoding)
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => {
            String::from_utf8(rest.to_vec()).map_err(|_| ImportError::Encoding)
        }
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        // Without a mark, UTF-16 of ASCII-led text has a zero byte beside each of its first
        // characters; UTF-8 text never has a zero byte there.
        [first, 0, ..] if *first != 0 => utf16(bytes, true),
        [0, second, ..] if *second != 0 => utf16(bytes, false),
        _ => String::from_utf8(bytes.to_vec()).map_err(|_| ImportError::Encoding),
    }
}

/// The draft file for `draft`, saved at `saved_at`. Safe to embed in HTML as is: it contains no
/// `<`, so no `</script>` can end the element early.
pub fn to_file(draft: &Draft, saved_at: &str) -> String {
    let inner = draft.to_json(saved_at);
    let json = Value::Object(vec![
        ("format", Value::Str(FILE_FORMAT)),
        ("version", Value::Number(FILE_VERSION)),
        ("consultation", Value::Str(draft.consultation())),
        ("checksum", Value::Str(&checksum(&inner))),
        ("draft", Value::Str(&inner)),
    ])
    .to_json_pretty();
    // `<` only occurs inside JSON strings, where `\u003c` means the same.
    json.replace('<', "\\u003c")
}

fn checksum(text: &str) -> String {
    format!("crc32:{:08x}", crc32(text.as_bytes()))
}

/// Reads a draft file, or the draft embedded in an HTML response, for `consultation_id`.
pub fn from_file(contents: &str, consultation_id: &str) -> Result<Draft, ImportError> {
    read_file(contents, consultation_id).map(|(draft, _)| draft)
}

/// Like [`from_file`], with the time the draft inside was saved, when the file says.
pub fn read_file(
    contents: &str,
    consultation_id: &str,
) -> Result<(Draft, Option<String>), ImportError> {
    if contents.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: contents.len(),
        });
    }
    let json = embedded_json(contents).unwrap_or(contents);
    let value = json::parse(json).ok_or(ImportError::NotRecognised)?;
    if value.get("format").and_then(Json::as_str) != Some(FILE_FORMAT) {
        return Err(ImportError::NotRecognised);
    }
    let version = value
        .get("version")
        .and_then(Json::as_u64)
        .ok_or(ImportError::NotRecognised)?;
    if version > FILE_VERSION {
        return Err(ImportError::NewerFile(version));
    }
    let fields = Fields::of(&value).map_err(|_| ImportError::NotRecognised)?;
    let text = |key| {
        fields
            .required_text(key)
            .map_err(|_| ImportError::NotRecognised)
    };
    let (consultation, file_checksum, inner) =
        (text("consultation")?, text("checksum")?, text("draft")?);
    if file_checksum != checksum(&inner) {
        return Err(ImportError::Damaged);
    }
    if consultation != consultation_id {
        return Err(ImportError::Draft(DraftError::OtherConsultation(
            consultation,
        )));
    }
    Draft::from_json(&inner, consultation_id).map_err(ImportError::Draft)
}

/// The contents of the draft element of an HTML response, if `html` is one.
fn embedded_json(html: &str) -> Option<&str> {
    let marker = format!("id=\"{HTML_ELEMENT_ID}\">");
    let start = html.find(&marker)? + marker.len();
    let end = start + html[start..].find("</script>")?;
    Some(html[start..end].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "wipo-ip-ai-2019";

    fn sample() -> Draft {
        let mut draft = Draft::new(ID);
        draft.set_answer("1.i", "应该允许。</script><img src=x onerror=alert(1)>");
        draft.set_comment("general", "总体同意 & <b>");
        draft.respondent.name = "张三".into();
        draft
    }

    fn utf16(text: &str, little_endian: bool, mark: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        let units = mark
            .then_some(0xFEFF_u16)
            .into_iter()
            .chain(text.encode_utf16());
        for unit in units {
            bytes.extend(if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    }

    #[test]
    fn a_draft_file_saved_again_as_utf16_or_with_a_utf8_mark_opens() {
        let file = to_file(&sample(), "2026-11-26T10:00:00Z");
        for (little_endian, mark) in [(true, true), (false, true), (true, false), (false, false)] {
            let text = decode_file(&utf16(&file, little_endian, mark)).unwrap();
            assert_eq!(
                from_file(&text, ID).unwrap().answer("1.i"),
                sample().answer("1.i")
            );
        }
        let marked = [&[0xEF, 0xBB, 0xBF][..], file.as_bytes()].concat();
        assert_eq!(decode_file(&marked).unwrap(), file);
        assert_eq!(decode_file(file.as_bytes()).unwrap(), file);
    }

    #[test]
    fn bytes_in_no_encoding_the_app_reads_are_refused_as_such() {
        // Latin-1 "é", an odd UTF-16 length, and a lone surrogate.
        assert_eq!(decode_file(b"{\"a\":\"\xE9\"}"), Err(ImportError::Encoding));
        assert_eq!(decode_file(&[0xFF, 0xFE, b'{']), Err(ImportError::Encoding));
        assert_eq!(
            decode_file(&[0xFF, 0xFE, 0x00, 0xD8]),
            Err(ImportError::Encoding)
        );
        assert_eq!(decode_file(b""), Ok(String::new()));
    }

    #[test]
    fn a_draft_file_reads_back_equal_and_carries_no_angle_bracket() {
        let file = to_file(&sample(), "2026-11-26T10:00:00Z");
        assert!(!file.contains('<'));
        assert_eq!(from_file(&file, ID), Ok(sample()));
    }

    #[test]
    fn a_draft_embedded_in_html_reads_back() {
        let html = format!(
            "<!doctype html><p>x</p><script type=\"application/json\" id=\"{HTML_ELEMENT_ID}\">\n{}\n</script></html>",
            to_file(&sample(), "t")
        );
        assert_eq!(from_file(&html, ID), Ok(sample()));
    }

    #[test]
    fn a_changed_file_is_refused_as_damaged() {
        let file = to_file(&sample(), "t");
        let edited = file.replace("应该允许", "不应允许");
        assert_eq!(from_file(&edited, ID), Err(ImportError::Damaged));
    }

    #[test]
    fn other_files_are_refused_with_their_reason() {
        assert_eq!(from_file("hello", ID), Err(ImportError::NotRecognised));
        assert_eq!(from_file("{\"a\":1}", ID), Err(ImportError::NotRecognised));
        let stored = sample().to_json("t");
        assert_eq!(from_file(&stored, ID), Err(ImportError::NotRecognised));
        let newer = to_file(&sample(), "t").replace("\"version\": 1", "\"version\": 9");
        assert_eq!(from_file(&newer, ID), Err(ImportError::NewerFile(9)));
        assert_eq!(
            from_file(&to_file(&sample(), "t"), "other"),
            Err(ImportError::Draft(DraftError::OtherConsultation(ID.into())))
        );
        let huge = " ".repeat(MAX_FILE_BYTES + 1);
        assert!(matches!(
            from_file(&huge, ID),
            Err(ImportError::TooLarge { .. })
        ));
    }
}
