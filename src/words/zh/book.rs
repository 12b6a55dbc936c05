//! 台账（中文）。

use super::Chinese;
use crate::book::BookError;
use crate::money::grouped;
use crate::words::book::{OfficeFact, OfficeLabel, OfficeWords};

impl OfficeWords for Chinese {
    fn office_label(&self, label: OfficeLabel) -> &'static str {
        match label {
            OfficeLabel::Batch => "批次",
            OfficeLabel::Kind => "类别",
            OfficeLabel::At => "记账时间（UTC）",
            OfficeLabel::By => "经办人",
            OfficeLabel::Rows => "行数",
            OfficeLabel::Paid => "拨付金额",
            OfficeLabel::Policy => "政策",
            OfficeLabel::Claims => "申报文件",
            OfficeLabel::Reason => "原因",
            OfficeLabel::Hash => "哈希",
            OfficeLabel::KindBatch => "批次",
            OfficeLabel::KindImport => "导入",
            OfficeLabel::KindVoid => "撤销",
            OfficeLabel::Withdrawn => "已撤销",
            OfficeLabel::PublicList => "公示名单",
            OfficeLabel::Applicant => "申请人",
            OfficeLabel::ApplicantId => "证件号码",
            OfficeLabel::Item => "资助项目",
            OfficeLabel::Amount => "金额（元）",
        }
    }

    fn office_fact(&self, fact: &OfficeFact) -> String {
        match fact {
            OfficeFact::Initialised { path, file: true } => {
                format!("{path}：已建空台账，仅本人可读")
            }
            OfficeFact::Initialised { path, file: false } => {
                format!("{path}：已在该数据库中建空台账")
            }
            OfficeFact::Committed { batch, rows, paid } => format!(
                "已记入台账，批次 {batch}：{rows} 行，拨付 ¥{}",
                grouped(*paid)
            ),
            OfficeFact::Voided { batch } => format!("批次 {batch} 已撤销：其拨付不再计入"),
            OfficeFact::Imported { batch, file, rows } => {
                format!("{file}：已导入为批次 {batch}（{rows} 行）")
            }
            OfficeFact::HashMismatch { batch } => {
                format!("批次 {batch}：记录与记账时不符（哈希不一致），已在本工具之外被改动")
            }
            OfficeFact::ChainBroken { batch } => {
                format!("批次 {batch}：与前一条记录接不上，有记录在本工具之外被改动或删除")
            }
            OfficeFact::IndexChanged => {
                "申报编号索引与记录的拨付表不符，已在本工具之外被改动".to_string()
            }
            OfficeFact::Replayed { batch, same: true } => {
                format!("批次 {batch}：重算结果与记录的拨付表完全一致")
            }
            OfficeFact::Replayed { batch, same: false } => {
                format!("批次 {batch}：重算结果与记录的拨付表不一致")
            }
            OfficeFact::NotReplayed { batch } => format!("批次 {batch}：导入的拨付表，无需重算"),
            OfficeFact::ReplayFailed { batch, why } => format!("批次 {batch}：无法重算：{why}"),
            OfficeFact::Verified { entries } => {
                format!("台账核验通过：共 {entries} 条记录，哈希与重算全部一致")
            }
            OfficeFact::Empty => "台账中尚无批次".to_string(),
        }
    }

    fn office_error(&self, error: &BookError) -> String {
        match error {
            BookError::Exists { path } => format!("{path}：已存在；台账须建在新文件或空数据库中"),
            BookError::NotNamed => "未指定台账：请用 --book FILE 或 SUBSIDY_BOOK 指定".to_string(),
            BookError::Missing { path } => {
                format!("{path}：没有这个台账（可用 `subsidy book init {path}` 新建）")
            }
            BookError::NotABook { path } => format!("{path}：不是本工具的台账"),
            BookError::Damaged { path } => format!("{path}：台账已损坏或不完整，请从备份恢复"),
            BookError::Newer { path, found, known } => format!(
                "{path}：台账格式为第 {found} 版，由更新版本的本工具写入（本版本只认第 {known} 版），请使用该版本"
            ),
            BookError::Database { path, detail } => format!("{path}：台账写入失败：{detail}"),
            BookError::ClaimsCommitted { file, batch } => {
                format!("{file}：该文件已作为批次 {batch} 记入台账；未记账")
            }
            BookError::ClaimIdCommitted { claim_id, batch } => {
                format!("申报 {claim_id} 已在批次 {batch} 中处理；未记账")
            }
            BookError::NoSuchBatch { batch } => format!("台账中没有批次 {batch}"),
            BookError::NotReplayable { batch } => {
                format!("批次 {batch} 是导入的 CSV：请导出为 .csv 文件")
            }
            BookError::AlreadyVoid { batch } => format!("批次 {batch} 已撤销"),
            BookError::CommitNeedsFile => {
                "--commit 需要以文件提供申报（不能是标准输入），以便留存".to_string()
            }
            BookError::CommitWhatIf => {
                "--commit 按政策文件原样记账：不能与 --set 或 --budget 同用".to_string()
            }
            BookError::NotVerified { problems } => {
                format!("台账核验未通过：共 {problems} 处问题，见上")
            }
        }
    }
}
