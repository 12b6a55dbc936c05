//! The applicants' page in Chinese.

use super::Chinese;
use crate::words::page::{PageWord, PageWords};
use crate::words::Lang;

impl PageWords for Chinese {
    fn lang_code(&self) -> &'static str {
        "zh"
    }

    fn html_lang(&self) -> &'static str {
        "zh-CN"
    }

    fn other_lang(&self) -> Lang {
        Lang::En
    }

    fn page(&self, word: PageWord) -> &'static str {
        match word {
            PageWord::Title => "知识产权资助试算",
            PageWord::Lead => "填写一项申报，立即看到按现行政策文件试算的核定金额、拨付金额及其依据。试算不是受理，结果以受理窗口审核为准。",
            PageWord::CatalogueTitle => "资助项目目录",
            PageWord::Browse => "按条款浏览全部项目",
            PageWord::BackToForm => "返回试算",
            PageWord::OtherLanguage => "English",
            PageWord::FieldItem => "资助项目",
            PageWord::ItemHint => "输入项目名称的任意部分（如 质押、专利转让）或项目代码",
            PageWord::FieldType => "申请人类型",
            PageWord::ChooseType => "请选择",
            PageWord::FieldDate => "日期",
            PageWord::DateHint => "如 2024-05-01；留空为今天",
            PageWord::FieldQuantity => "数量",
            PageWord::QuantityHint => "件数、项数或个数；留空为 1",
            PageWord::FieldAmount => "金额（元）",
            PageWord::AmountHint => "交易额、贴息、保费或核定金额，如 12,345.67 或 1.5万",
            PageWord::FieldTags => "企业资质",
            PageWord::FieldRef => "编号",
            PageWord::RefHint => "专利号、合同登记号、案号等；每件一个，用分号隔开",
            PageWord::FieldScore => "评审得分",
            PageWord::FieldFacts => "其它条件",
            PageWord::FieldOtherCitySupport => "该项目已获同级其它政策扶持",
            PageWord::FieldsNote => "所选项目用不到的栏目可以留空。",
            PageWord::Submit => "试算",
            PageWord::Problems => "以下内容无法读取：",
            PageWord::ResultHeading => "试算结果",
            PageWord::Status => "结果",
            PageWord::Computed => "核定金额",
            PageWord::Payable => "拨付金额",
            PageWord::Cut => "核减金额",
            PageWord::Reason => "理由",
            PageWord::DerivationHeading => "计算过程",
            PageWord::DateLine => "日期",
            PageWord::ClauseLine => "条款",
            PageWord::ItemLine => "项目",
            PageWord::ComputationLine => "计算",
            PageWord::ChecksHeading => "检查",
            PageWord::CapsHeading => "上限（依次适用）",
            PageWord::UncheckedEarlier => "未核对此前是否已获资助（本页不读取往期拨付）",
            PageWord::UncheckedClauseAward => "未核对本年度是否已获本条其他资助（本页不读取往期拨付）",
            PageWord::Unchecked => "未核对",
            PageWord::NotKnownHeading => "本页试算无法得知：",
            PageWord::NoEarlierPayouts => "申请人此前已获的拨付：年度上限的已用额度按零计，一次性项目按未领取计。",
            PageWord::NoRanking => "名额的排名：须待当年全部申报汇总后确定。",
            PageWord::NoReference => "同一编号此前是否已获资助：未填写编号，未作检查。",
            PageWord::Privacy => "本页不保存、不记录任何填写内容。",
            PageWord::FindInCatalogue => "在目录中查找名称含此内容的项目",
            PageWord::Search => "筛选",
            PageWord::SearchHint => "名称的任意部分，如 质押",
            PageWord::NoMatch => "没有名称含此内容的项目。",
            PageWord::TooLarge => "请求过大，未予处理。",
            PageWord::BadRequest => "请求无法读取，未予处理。",
            PageWord::NotFound => "没有这个页面。",
        }
    }

    fn serving(&self, url: &str) -> String {
        format!("试算页面已启动：{url}（按 Ctrl+C 停止）")
    }

    fn matches(&self, count: usize, query: &str) -> String {
        format!("名称含“{query}”的项目共 {count} 个。")
    }

    fn quota_not_ranked(
        &self,
        wording: &crate::policy::Wording,
        per_year: u32,
        overflow: &str,
    ) -> String {
        format!("{}每年 {per_year} 个名额由当年全部申报按评分排定，试算不排名：以上按获得名额计；未获名额的按“{overflow}”资助", wording.area)
    }

    fn said_no_other_support(&self, level: &str) -> String {
        format!("您声明：未获{level}其它政策扶持（试算不核实，以受理审核为准）")
    }

    fn rejected_computed(&self) -> &'static str {
        "未驳回时的计算金额（未核定）"
    }

    fn cannot_listen(&self, address: &str, error: &str) -> String {
        format!("无法在 {address} 上启动试算页面：{error}")
    }
}
