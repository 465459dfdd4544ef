//! The response as a Word document (.docx): a zip of a few WordprocessingML parts, with real
//! heading styles (Title, Heading 1-3) so the navigation pane and a table of contents work.

use super::markup::escape;
use super::outline::{Block, Fact, Outline, Translation};
use super::zip::ZipWriter;
use std::fmt::Write;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Microsoft YaHei" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="en-GB" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1D70B8"/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="ViewLabel"><w:name w:val="View Label"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:after="60"/></w:pPr><w:rPr><w:color w:val="505A5F"/></w:rPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="Translation"><w:name w:val="Translation"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:after="60"/></w:pPr><w:rPr><w:i/><w:color w:val="505A5F"/></w:rPr></w:style></w:styles>"#;

/// Writes the .docx file.
pub fn write(outline: &Outline) -> Vec<u8> {
    let mut zip = ZipWriter::new();
    zip.add("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    zip.add("_rels/.rels", ROOT_RELS.as_bytes());
    zip.add("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes());
    zip.add("word/styles.xml", STYLES.as_bytes());
    zip.add("word/document.xml", document(outline).as_bytes());
    zip.add("docProps/core.xml", core_properties(outline).as_bytes());
    zip.finish()
}

/// `word/document.xml`: every block of the outline as paragraphs.
pub fn document(outline: &Outline) -> String {
    let mut body = String::new();
    paragraph(&mut body, Some("Title"), &outline.title);
    for subtitle in &outline.subtitles {
        paragraph(&mut body, None, &subtitle.text);
    }
    facts(&mut body, &outline.cover, outline.label_separator);
    if !outline.respondent.is_empty() {
        paragraph(&mut body, Some("Heading1"), &outline.respondent_heading);
        facts(&mut body, &outline.respondent, outline.label_separator);
    }
    for block in &outline.body {
        match block {
            Block::Area(heading) => paragraph(&mut body, Some("Heading1"), heading),
            Block::Issue(heading) => paragraph(&mut body, Some("Heading2"), heading),
            Block::Prompt {
                number,
                text,
                translations,
                ..
            } => question(&mut body, number, text, translations),
            Block::Question {
                number,
                text,
                translations,
                answer,
                ..
            } => {
                question(&mut body, number, text, translations);
                paragraph(&mut body, Some("ViewLabel"), &outline.view_label);
                match answer {
                    Some(answer) => free_text(&mut body, answer),
                    None => paragraph(&mut body, None, &outline.not_answered),
                }
            }
            Block::Comment { label, text } => {
                paragraph(&mut body, Some("ViewLabel"), label);
                free_text(&mut body, text);
            }
            Block::Section { heading, text } => {
                paragraph(&mut body, Some("Heading1"), heading);
                free_text(&mut body, text);
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>\
         </w:body></w:document>"
    )
}

fn question(body: &mut String, number: &str, text: &str, translations: &[Translation]) {
    paragraph(body, Some("Heading3"), &format!("{number} {text}"));
    for translation in translations {
        paragraph(body, Some("Translation"), &translation.text);
    }
}

fn core_properties(outline: &Outline) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:language>{}</dc:language></cp:coreProperties>",
        escape(&outline.title),
        escape(outline.lang)
    )
}

fn facts(body: &mut String, facts: &[Fact], separator: &str) {
    for fact in facts {
        let _ = write!(
            body,
            "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}{}</w:t></w:r><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(&fact.label),
            separator,
            escape(&fact.value)
        );
    }
}

fn paragraph(body: &mut String, style: Option<&str>, text: &str) {
    body.push_str("<w:p>");
    if let Some(style) = style {
        let _ = write!(body, "<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
    }
    runs(body, text);
    body.push_str("</w:p>");
}

/// Free text: blank lines start a new paragraph, other line breaks stay line breaks.
fn free_text(body: &mut String, text: &str) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for part in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        paragraph(body, None, part.trim_matches('\n'));
    }
}

fn runs(body: &mut String, text: &str) {
    body.push_str("<w:r>");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            body.push_str("<w:br/>");
        }
        let _ = write!(body, "<w:t xml:space=\"preserve\">{}</w:t>", escape(line));
    }
    body.push_str("</w:r>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::export::outline::{outline, Options};
    use crate::export::zip::read_stored;

    fn sample() -> Outline {
        let mut draft = Draft::new("wipo-ip-ai-2019");
        draft.set_answer(
            "1.i",
            "</w:t><script>alert(1)</script> & \u{0C}form feed\n第二行\n\n第二段",
        );
        draft.respondent.name = "张三 <Zhang>".into();
        let options = Options {
            date: "2026-11-26".into(),
            include_unanswered: true,
            language: crate::language::Language::Zh,
            all_languages: false,
        };
        outline(crate::wipo_2019(), &draft, &options)
    }

    #[test]
    fn the_package_holds_its_parts() {
        let parts = read_stored(&write(&sample())).unwrap();
        let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "_rels/.rels",
                "word/_rels/document.xml.rels",
                "word/styles.xml",
                "word/document.xml",
                "docProps/core.xml"
            ]
        );
    }

    #[test]
    fn user_text_stays_text_and_control_characters_are_dropped() {
        let xml = document(&sample());
        assert!(xml.contains("&lt;/w:t&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; form feed</w:t><w:br/><w:t xml:space=\"preserve\">第二行"));
        assert!(!xml.contains('\u{0C}'));
        assert!(xml.contains("张三 &lt;Zhang&gt;"));
        assert!(xml.contains(
            "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">专利权</w:t>"
        ));
    }
}
