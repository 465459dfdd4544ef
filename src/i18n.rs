//! Every word the interface and the documents show, one struct per language, so a missing string
//! is a compile error rather than a blank on screen.

/// The strings of one interface language.
#[derive(PartialEq)]
pub struct Strings {
    /// BCP 47 tag set as `lang` on the app's root.
    pub lang: &'static str,
    pub app_name: &'static str,
    pub consultation_kicker: &'static str,
    pub send_to: &'static str,
    pub deadline: &'static str,
    /// A calendar date, from `{y}`, `{m}` and `{d}`.
    pub date_format: &'static str,
    pub unofficial_translation: &'static str,
    pub issue_prefix: &'static str,
    pub issue_suffix: &'static str,
    pub paragraph_question: &'static str,
    pub answer_label: &'static str,
    pub answered_of: &'static str,
    pub status_empty: &'static str,
    pub status_saved: &'static str,
    pub status_pending: &'static str,
    pub status_failing_full: &'static str,
    pub status_failing: &'static str,
    pub status_memory: &'static str,
    pub notice_no_storage: &'static str,
    pub notice_unreadable_kept: &'static str,
    pub notice_unreadable_left: &'static str,
    pub reason_not_json: &'static str,
    pub reason_not_a_draft: &'static str,
    pub reason_newer: &'static str,
    pub reason_unknown_version: &'static str,
    pub reason_other_consultation: &'static str,
    pub download_markdown: &'static str,
    pub download_hint: &'static str,
    pub privacy_note: &'static str,
    // The response document.
    pub doc_title: &'static str,
    pub doc_document: &'static str,
    pub doc_to: &'static str,
    pub doc_date: &'static str,
    pub doc_answered: &'static str,
    pub doc_view: &'static str,
    pub doc_not_answered: &'static str,
}

/// Simplified Chinese, the language of the paper as shipped.
pub static ZH: Strings = Strings {
    lang: "zh-CN",
    app_name: "意见回复",
    consultation_kicker: "公开征求意见",
    send_to: "意见提交至",
    deadline: "截止日期",
    date_format: "{y}年{m}月{d}日",
    unofficial_translation: "中文为非官方译文；官方文本为英文版 WIPO/IP/AI/2/GE/20/1，编号与本页一致。",
    issue_prefix: "议题 ",
    issue_suffix: "：",
    paragraph_question: "第 {n} 段所提问题",
    answer_label: "意见观点",
    answered_of: "已回答 {answered} / {total} 个问题",
    status_empty: "尚未输入内容。您输入的内容会自动保存在本浏览器中。",
    status_saved: "草稿已保存于 {time}（仅保存在本浏览器中）",
    status_pending: "正在保存……",
    status_failing_full: "无法保存：浏览器存储空间已满。请立即下载回复文件，以免丢失内容。",
    status_failing: "无法保存到浏览器存储。请立即下载回复文件，以免丢失内容。",
    status_memory: "草稿未保存：内容仅在此页面中，关闭页面即会丢失。请下载回复文件保存。",
    notice_no_storage: "此浏览器不允许本页使用本地存储（例如隐私模式或嵌入的框架中）。您仍可填写，但关闭页面后内容不会保留；请在离开前下载回复文件。",
    notice_unreadable_kept: "浏览器中保存的草稿无法读取（{reason}）。原始内容已原样保留在备份项 “{key}” 中，现已开始一份新草稿。",
    notice_unreadable_left: "浏览器中保存的草稿无法读取（{reason}），也无法另存备份。为免覆盖原有内容，本页不会自动保存；请在离开前下载回复文件。",
    reason_not_json: "内容不完整或不是草稿格式",
    reason_not_a_draft: "内容不是本工具的草稿",
    reason_newer: "草稿由更新版本的工具保存（格式版本 {version}）",
    reason_unknown_version: "未知的草稿格式版本 {version}",
    reason_other_consultation: "草稿属于另一项征求意见（{id}）",
    download_markdown: "下载回复（Markdown 文本）",
    download_hint: "下载的文件可作为电子邮件附件发送至 {email}。",
    privacy_note: "所有内容只保存在您的浏览器中，本页不会向任何服务器发送数据。",
    doc_title: "意见回复",
    doc_document: "文件",
    doc_to: "收件",
    doc_date: "日期",
    doc_answered: "已回答",
    doc_view: "意见观点：",
    doc_not_answered: "（未作答）",
};

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// An ISO 8601 date (`2020-02-14`) written out for reading (`2020年2月14日`).
pub fn long_date(iso: &str, strings: &Strings) -> String {
    let mut parts = iso.splitn(3, '-').map(|p| p.trim_start_matches('0'));
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) => fill(strings.date_format, &[("y", y), ("m", m), ("d", d)]),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill(ZH.answered_of, &[("answered", "3"), ("total", "42")]),
            "已回答 3 / 42 个问题"
        );
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(long_date("2020-02-14", &ZH), "2020年2月14日");
        assert_eq!(long_date("soon", &ZH), "soon");
    }
}
