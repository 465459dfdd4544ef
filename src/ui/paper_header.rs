use super::{use_paper, use_strings};
use crate::i18n::long_date;
use crate::language::Language;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PaperHeaderProps {
    pub language: Language,
    pub on_language: Callback<Language>,
}

/// The consultation's identity: title, symbol, where responses go and by when; and the language
/// switch.
#[function_component]
pub fn PaperHeader(props: &PaperHeaderProps) -> Html {
    let paper = use_paper();
    let strings = use_strings();
    html! {
        <header class="cr-header">
            <div class="cr-header__top">
                // On a phone the symbol alone, so that the language switch fits beside it.
                <p class="cr-header__kicker"><span class="cr-header__kind">{ strings.consultation_kicker }{ " · " }</span>{ &paper.symbol }</p>
                <LanguageSwitch language={props.language} on_language={props.on_language.clone()} />
            </div>
            <h1 class="cr-header__title" id="cr-title">{ paper.title.get(strings.language) }</h1>
            <dl class="cr-header__facts">
                <div>
                    <dt>{ strings.send_to }</dt>
                    <dd><a href={format!("mailto:{}", paper.email)}>{ &paper.email }</a></dd>
                </div>
                <div>
                    <dt>{ strings.deadline }</dt>
                    <dd><time datetime={paper.deadline.clone()}>{ long_date(&paper.deadline, strings) }</time></dd>
                </div>
            </dl>
            <p class="cr-header__note">{ strings.privacy_note }</p>
        </header>
    }
}

/// One button per language of the paper, each named in its own language; switching keeps every
/// word typed. A paper in one language has no switch.
#[function_component]
fn LanguageSwitch(props: &PaperHeaderProps) -> Html {
    let strings = use_strings();
    let paper = use_paper();
    if paper.languages.len() < 2 {
        return html! {};
    }
    html! {
        <div class="cr-language" role="group" aria-label={strings.language_switch_label}>
            { for paper.languages.iter().map(|&language| {
                let on_language = props.on_language.clone();
                let onclick = Callback::from(move |_: MouseEvent| on_language.emit(language));
                html! {
                    <button type="button" class="cr-button cr-button--quiet cr-language__option"
                        lang={language.tag()} aria-pressed={(language == props.language).to_string()} {onclick}>
                        { language.strings().language_name }
                    </button>
                }
            }) }
        </div>
    }
}
