//! Every word the interface and the documents show, one struct per language, so a missing string
//! is a compile error rather than a blank on screen.

use crate::draft::{RespondentKind, RespondentText};

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
    pub notice_download_draft: &'static str,
    pub notice_download_raw: &'static str,
    pub reason_not_json: &'static str,
    pub reason_not_a_draft: &'static str,
    pub reason_newer: &'static str,
    pub reason_unknown_version: &'static str,
    pub reason_other_consultation: &'static str,
    pub about_heading: &'static str,
    pub about_intro: &'static str,
    pub name_label: &'static str,
    pub title_label: &'static str,
    pub organisation_label: &'static str,
    pub country_label: &'static str,
    pub email_label: &'static str,
    pub capacity_legend: &'static str,
    pub capacity_personal: &'static str,
    pub capacity_organisation: &'static str,
    pub kind_label: &'static str,
    pub kind_choose: &'static str,
    /// In the order of `RespondentKind::ALL`.
    pub kinds: [&'static str; 7],
    pub publication_legend: &'static str,
    pub publication_notice: &'static str,
    pub publication_acknowledge: &'static str,
    pub publication_with_name: &'static str,
    pub publication_withheld: &'static str,
    pub comment_area_label: &'static str,
    pub comment_general_heading: &'static str,
    pub comment_general_label: &'static str,
    pub quick_answers: &'static str,
    pub quick_no_comment: &'static str,
    pub quick_not_familiar: &'static str,
    pub conflict_heading: &'static str,
    pub conflict_intro: &'static str,
    pub conflict_other_version: &'static str,
    pub conflict_use_other: &'static str,
    pub conflict_keep_both: &'static str,
    pub conflict_keep_this: &'static str,
    pub conflict_comment: &'static str,
    pub submit_link: &'static str,
    pub submit_heading: &'static str,
    pub review_heading: &'static str,
    pub review_button: &'static str,
    pub review_problems: &'static str,
    pub review_no_problems: &'static str,
    pub review_missing_name: &'static str,
    pub review_missing_organisation: &'static str,
    pub review_missing_email: &'static str,
    pub review_missing_publication: &'static str,
    pub review_change: &'static str,
    pub review_not_answered: &'static str,
    pub download_heading: &'static str,
    pub download_include_unanswered: &'static str,
    pub download_word: &'static str,
    pub download_html: &'static str,
    pub download_markdown: &'static str,
    pub download_text: &'static str,
    pub download_draft_file: &'static str,
    pub download_hint: &'static str,
    pub print_button: &'static str,
    pub send_heading: &'static str,
    pub send_steps: [&'static str; 3],
    pub send_address: &'static str,
    pub send_subject: &'static str,
    pub send_copy: &'static str,
    pub send_copied: &'static str,
    pub send_mail_link: &'static str,
    pub send_deadline: &'static str,
    pub import_heading: &'static str,
    pub import_hint: &'static str,
    pub import_label: &'static str,
    pub import_confirm: &'static str,
    pub import_replace: &'static str,
    pub import_cancel: &'static str,
    pub import_done: &'static str,
    pub import_failed: &'static str,
    pub import_too_large: &'static str,
    pub import_not_recognised: &'static str,
    pub import_newer: &'static str,
    pub import_damaged: &'static str,
    pub import_unreadable_file: &'static str,
    pub privacy_note: &'static str,
    // The response document.
    pub doc_title: &'static str,
    pub doc_document: &'static str,
    pub doc_to: &'static str,
    pub doc_to_value: &'static str,
    pub doc_subject_label: &'static str,
    pub doc_subject: &'static str,
    pub doc_date: &'static str,
    pub doc_answered: &'static str,
    pub doc_view: &'static str,
    pub doc_not_answered: &'static str,
    pub doc_respondent: &'static str,
    pub doc_capacity: &'static str,
    pub doc_country: &'static str,
    pub doc_publication: &'static str,
    pub doc_publication_acknowledged: &'static str,
    pub doc_publication_with_name: &'static str,
    pub doc_publication_withheld: &'static str,
    pub doc_missing_issues: &'static str,
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
    notice_download_draft: "下载草稿文件备份",
    notice_download_raw: "下载无法读取的原始内容",
    reason_not_json: "内容不完整或不是草稿格式",
    reason_not_a_draft: "内容不是本工具的草稿",
    reason_newer: "草稿由更新版本的工具保存（格式版本 {version}）",
    reason_unknown_version: "未知的草稿格式版本 {version}",
    reason_other_consultation: "草稿属于另一项征求意见（{id}）",
    about_heading: "关于答复人",
    about_intro: "WIPO 希望了解意见提交人的姓名、职务和所属机构。以下各项可随时填写，不会妨碍下载。",
    name_label: "姓名",
    title_label: "职务或职位",
    organisation_label: "所属机构",
    country_label: "国家或地区（选填）",
    email_label: "联系电子邮箱",
    capacity_legend: "本意见是",
    capacity_personal: "以个人名义提交",
    capacity_organisation: "代表机构提交",
    kind_label: "答复人类别",
    kind_choose: "请选择",
    kinds: [
        "政府或知识产权局",
        "政府间组织",
        "非政府组织",
        "企业",
        "大学或研究机构",
        "专业团体",
        "个人",
    ],
    publication_legend: "公布",
    publication_notice: "WIPO 会在其网站上公布收到的所有意见。您可以要求公布时隐去您的姓名；您的选择会写入回复文件。",
    publication_acknowledge: "我知悉 WIPO 将公布所收到的意见",
    publication_with_name: "公布时可以署我的姓名",
    publication_withheld: "公布时请隐去我的姓名",
    comment_area_label: "关于“{area}”：是否有遗漏或识别有误的议题？",
    comment_general_heading: "一般性意见",
    comment_general_label: "对议题文件的一般性意见，或任何遗漏的议题",
    quick_answers: "快速回答",
    quick_no_comment: "无意见。",
    quick_not_familiar: "不太了解。",
    conflict_heading: "同一内容在两个窗口中被同时修改",
    conflict_intro: "为免丢失文字，两个版本都已保留。字段中显示的是一个版本，另一个版本如下。请选择如何处理：",
    conflict_other_version: "另一个版本",
    conflict_use_other: "改用另一个版本",
    conflict_keep_both: "两个版本都保留",
    conflict_keep_this: "保留字段中的版本",
    conflict_comment: "关于“{area}”的遗漏议题意见",
    submit_link: "检查、下载与发送",
    submit_heading: "检查、下载与发送",
    review_heading: "检查您的回复",
    review_button: "检查回复",
    review_problems: "提交前请注意以下事项",
    review_no_problems: "答复人信息已填写完整。",
    review_missing_name: "请填写您的姓名",
    review_missing_organisation: "请填写您代表的机构",
    review_missing_email: "请填写联系电子邮箱",
    review_missing_publication: "请确认您知悉 WIPO 将公布所收到的意见",
    review_change: "修改",
    review_not_answered: "未作答",
    download_heading: "下载回复",
    download_include_unanswered: "在文件中列出未作答的问题",
    download_word: "Word 文档（.docx）",
    download_html: "网页文件（.html，可重新导入）",
    download_markdown: "Markdown 文本（.md）",
    download_text: "纯文本（.txt）",
    download_draft_file: "草稿文件（.json，可重新导入）",
    download_hint: "下载的文件可作为电子邮件附件发送至 {email}。",
    print_button: "打印或另存为 PDF",
    send_heading: "发送给 WIPO",
    send_steps: [
        "下载 Word 或网页文件，或打印为 PDF。",
        "新建一封电子邮件，收件人与主题如下。",
        "将文件作为附件添加并发送。本工具不会替您发送任何内容。",
    ],
    send_address: "收件人",
    send_subject: "主题",
    send_copy: "复制",
    send_copied: "已复制",
    send_mail_link: "用邮件程序新建邮件（仅含收件人和主题）",
    send_deadline: "WIPO 征求意见的截止日期为 {date}。截止后仍可填写和下载。",
    import_heading: "打开已保存的草稿",
    import_hint: "选择本工具下载的草稿文件（.json）或网页文件（.html），即可在此浏览器中继续填写。",
    import_label: "选择文件",
    import_confirm: "文件中的草稿已通过检查。用它替换当前草稿吗？当前草稿的内容将被覆盖。",
    import_replace: "替换当前草稿",
    import_cancel: "取消",
    import_done: "已打开文件中的草稿。",
    import_failed: "无法打开该文件：{reason}。当前草稿没有任何改动。",
    import_too_large: "文件过大",
    import_not_recognised: "这不是本工具保存的草稿文件或网页文件",
    import_newer: "文件由更新版本的工具保存",
    import_damaged: "文件已损坏或被修改（校验和不符）",
    import_unreadable_file: "无法读取文件",
    privacy_note: "所有内容只保存在您的浏览器中，本页不会向任何服务器发送数据。",
    doc_title: "意见回复",
    doc_document: "文件",
    doc_to: "收件",
    doc_to_value: "WIPO 秘书处（{email}）",
    doc_subject_label: "主题",
    doc_subject: "对《{title}》（{symbol}）的意见",
    doc_date: "日期",
    doc_answered: "已回答",
    doc_view: "意见观点：",
    doc_not_answered: "（未作答）",
    doc_respondent: "答复人",
    doc_capacity: "身份",
    doc_country: "国家或地区",
    doc_publication: "公布",
    doc_publication_acknowledged: "已知悉 WIPO 将公布所收到的意见",
    doc_publication_with_name: "公布时可署答复人姓名",
    doc_publication_withheld: "公布时请隐去答复人姓名",
    doc_missing_issues: "遗漏或识别有误的议题：",
};

/// The label of a respondent's free-text detail.
pub fn text_label(field: RespondentText, strings: &Strings) -> &'static str {
    match field {
        RespondentText::Name => strings.name_label,
        RespondentText::Title => strings.title_label,
        RespondentText::Organisation => strings.organisation_label,
        RespondentText::Country => strings.country_label,
        RespondentText::Email => strings.email_label,
    }
}

/// The name of a kind of respondent.
pub fn kind_label(kind: RespondentKind, strings: &Strings) -> &'static str {
    let index = RespondentKind::ALL.iter().position(|k| *k == kind);
    strings.kinds[index.expect("ALL lists every kind")]
}

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
