//! The applicants' page, written once for every language, the words side
//! by side.

use super::{PageWord, PageWords};
use crate::words::side_by_side::{pick, say, Language};
use crate::words::Lang;

impl<L: Language> PageWords for L {
    fn lang_code(&self) -> &'static str {
        pick!(L::LANG, zh: "zh", en: "en")
    }

    fn html_lang(&self) -> &'static str {
        pick!(L::LANG, zh: "zh-CN", en: "en")
    }

    fn other_lang(&self) -> Lang {
        pick!(L::LANG, zh: Lang::En, en: Lang::Zh)
    }

    // One short arm per word of the page: a flat list reads better whole
    // than split in two.
    #[allow(clippy::too_many_lines)]
    fn page(&self, word: PageWord) -> &'static str {
        let l = L::LANG;
        match word {
            PageWord::Title => pick!(l, zh: "知识产权资助试算", en: "IP subsidy dry run"),
            PageWord::Lead => pick!(l,
                zh: "填写一项申报，立即看到按现行政策文件试算的核定金额、拨付金额及其依据。试算不是受理，结果以受理窗口审核为准。",
                en: "Describe one claim and see at once what the policy file computes and pays for it, and why. A dry run is not a filing: the office's review decides."),
            PageWord::CatalogueTitle => pick!(l, zh: "资助项目目录", en: "Catalogue of items"),
            PageWord::Browse => {
                pick!(l, zh: "按条款浏览全部项目", en: "Browse every item by clause")
            }
            PageWord::BackToForm => pick!(l, zh: "返回试算", en: "Back to the dry run"),
            PageWord::OtherLanguage => pick!(l, zh: "English", en: "中文"),
            PageWord::FieldItem => pick!(l, zh: "资助项目", en: "Item"),
            PageWord::ItemHint => pick!(l,
                zh: "输入项目名称的任意部分（如 质押、专利转让）或项目代码",
                en: "Any part of the item's Chinese name (质押, 专利转让) or its id"),
            PageWord::FieldType => pick!(l, zh: "申请人类型", en: "Applicant type"),
            PageWord::ChooseType => pick!(l, zh: "请选择", en: "Choose"),
            PageWord::FieldDate => pick!(l, zh: "日期", en: "Date"),
            PageWord::DateHint => pick!(l,
                zh: "如 2024-05-01；留空为今天",
                en: "e.g. 2024-05-01; empty means today"),
            PageWord::FieldQuantity => pick!(l, zh: "数量", en: "Quantity"),
            PageWord::QuantityHint => pick!(l,
                zh: "件数、项数或个数；留空为 1",
                en: "patents, awards, works or cases; empty means 1"),
            PageWord::FieldAmount => pick!(l, zh: "金额（元）", en: "Amount (yuan)"),
            PageWord::AmountHint => pick!(l,
                zh: "交易额、贴息、保费或核定金额，如 12,345.67 或 1.5万",
                en: "transaction amount, interest, premium or approved amount, e.g. 12,345.67 or 1.5万"),
            PageWord::FieldTags => pick!(l, zh: "企业资质", en: "Qualifications"),
            PageWord::FieldRef => pick!(l, zh: "编号", en: "Reference"),
            PageWord::RefHint => pick!(l,
                zh: "专利号、合同登记号、案号等；每件一个，用分号隔开",
                en: "patent number, contract registration or case number; one per unit, separated by semicolons"),
            PageWord::FieldScore => pick!(l, zh: "评审得分", en: "Review score"),
            PageWord::FieldFacts => pick!(l, zh: "其它条件", en: "Other conditions"),
            PageWord::FieldOtherCitySupport => pick!(l,
                zh: "该项目已获同级其它政策扶持",
                en: "The project already has support under another policy of the same level"),
            PageWord::FieldsNote => pick!(l,
                zh: "所选项目用不到的栏目可以留空。",
                en: "Fields the chosen item does not use may stay empty."),
            PageWord::Submit => pick!(l, zh: "试算", en: "Dry run"),
            PageWord::Problems => {
                pick!(l, zh: "以下内容无法读取：", en: "These could not be read:")
            }
            PageWord::ResultHeading => pick!(l, zh: "试算结果", en: "Result"),
            PageWord::Status => pick!(l, zh: "结果", en: "Status"),
            PageWord::Computed => pick!(l, zh: "核定金额", en: "Computed"),
            PageWord::Payable => pick!(l, zh: "拨付金额", en: "Payable"),
            PageWord::Cut => pick!(l, zh: "核减金额", en: "Cut"),
            PageWord::Reason => pick!(l, zh: "理由", en: "Reason"),
            PageWord::DerivationHeading => pick!(l, zh: "计算过程", en: "Derivation"),
            PageWord::DateLine => pick!(l, zh: "日期", en: "Date"),
            PageWord::ClauseLine => pick!(l, zh: "条款", en: "Clause"),
            PageWord::ItemLine => pick!(l, zh: "项目", en: "Item"),
            PageWord::ComputationLine => pick!(l, zh: "计算", en: "Computation"),
            PageWord::ChecksHeading => pick!(l, zh: "检查", en: "Checks"),
            PageWord::CapsHeading => {
                pick!(l, zh: "上限（依次适用）", en: "Caps (applied in order)")
            }
            PageWord::UncheckedEarlier => pick!(l,
                zh: "未核对此前是否已获资助（本页不读取往期拨付）",
                en: "not checked whether this was paid before (the page reads no earlier payouts)"),
            PageWord::UncheckedClauseAward => pick!(l,
                zh: "未核对本年度是否已获本条其他资助（本页不读取往期拨付）",
                en: "not checked whether another award of this clause was paid this year (the page reads no earlier payouts)"),
            PageWord::Unchecked => pick!(l, zh: "未核对", en: "not checked"),
            PageWord::NotKnownHeading => pick!(l,
                zh: "本页试算无法得知：",
                en: "What this dry run cannot know:"),
            PageWord::NoEarlierPayouts => pick!(l,
                zh: "申请人此前已获的拨付：年度上限的已用额度按零计，一次性项目按未领取计。",
                en: "the applicant's earlier payouts: annual caps count as unused and once-only items as not yet paid."),
            PageWord::NoRanking => pick!(l,
                zh: "名额的排名：须待当年全部申报汇总后确定。",
                en: "the ranking of a quota: it is settled when all of the year's claims are in."),
            PageWord::NoReference => pick!(l,
                zh: "同一编号此前是否已获资助：未填写编号，未作检查。",
                en: "whether the same reference was paid before: no reference was given, so it was not checked."),
            PageWord::Privacy => pick!(l,
                zh: "本页不保存、不记录任何填写内容。",
                en: "Nothing typed on this page is stored or logged."),
            PageWord::FindInCatalogue => pick!(l,
                zh: "在目录中查找名称含此内容的项目",
                en: "Find the items whose names contain this in the catalogue"),
            PageWord::Search => pick!(l, zh: "筛选", en: "Filter"),
            PageWord::SearchHint => pick!(l,
                zh: "名称的任意部分，如 质押",
                en: "any part of the Chinese name, e.g. 质押"),
            PageWord::NoMatch => {
                pick!(l, zh: "没有名称含此内容的项目。", en: "No item's name contains this.")
            }
            PageWord::TooLarge => pick!(l,
                zh: "请求过大，未予处理。",
                en: "The request is too large and was not read."),
            PageWord::BadRequest => pick!(l,
                zh: "请求无法读取，未予处理。",
                en: "The request could not be read."),
            PageWord::NotFound => pick!(l, zh: "没有这个页面。", en: "There is no such page."),
        }
    }

    fn serving(&self, url: &str) -> String {
        say!(L::LANG,
            zh: "试算页面已启动：{url}（按 Ctrl+C 停止）";
            en: "The dry-run page is served at {url} (Ctrl+C stops it)")
    }

    fn matches(&self, count: usize, query: &str) -> String {
        match (L::LANG, count) {
            (Lang::En, 1) => format!("1 item's name contains “{query}”."),
            (l, count) => say!(l,
                zh: "名称含“{query}”的项目共 {count} 个。";
                en: "{count} items' names contain “{query}”."),
        }
    }

    fn quota_not_ranked(
        &self,
        wording: &crate::policy::Wording,
        per_year: u32,
        overflow: &str,
    ) -> String {
        let l = L::LANG;
        let area = pick!(l, zh: &wording.area, en: &wording.area_en);
        say!(l,
            zh: "{area}每年 {per_year} 个名额由当年全部申报按评分排定，试算不排名：以上按获得名额计；未获名额的按“{overflow}”资助";
            en: "the {per_year} places a year ({area}) are ranked by score among all of the year's claims; a dry run does not rank: the figures above assume a place; without one the claim is paid as “{overflow}”")
    }

    fn said_no_other_support(&self, level: &str) -> String {
        say!(L::LANG,
            zh: "您声明：未获{level}其它政策扶持（试算不核实，以受理审核为准）";
            en: "you said: no support under another policy of the same level (the dry run does not verify it; the office does)")
    }

    fn rejected_computed(&self) -> &'static str {
        pick!(L::LANG, zh: "未驳回时的计算金额（未核定）", en: "amount had it not been rejected (not approved)")
    }

    fn cannot_listen(&self, address: &str, error: &str) -> String {
        say!(L::LANG,
            zh: "无法在 {address} 上启动试算页面：{error}";
            en: "cannot serve the page at {address}: {error}")
    }
}
