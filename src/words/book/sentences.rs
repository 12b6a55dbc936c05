//! The office's book, written once for every language, the words side by
//! side.

use super::{OfficeFact, OfficeLabel, OfficeWords};
use crate::book::BookError;
use crate::money::grouped;
use crate::words::side_by_side::{pick, say, Language};

impl<L: Language> OfficeWords for L {
    fn office_label(&self, label: OfficeLabel) -> &'static str {
        let l = L::LANG;
        match label {
            OfficeLabel::Batch => pick!(l, zh: "批次", en: "batch"),
            OfficeLabel::Kind => pick!(l, zh: "类别", en: "kind"),
            OfficeLabel::At => pick!(l, zh: "记账时间（UTC）", en: "recorded (UTC)"),
            OfficeLabel::By => pick!(l, zh: "经办人", en: "by"),
            OfficeLabel::Rows => pick!(l, zh: "行数", en: "rows"),
            OfficeLabel::Paid => pick!(l, zh: "拨付金额", en: "paid"),
            OfficeLabel::Policy => pick!(l, zh: "政策", en: "policy"),
            OfficeLabel::Claims => pick!(l, zh: "申报文件", en: "claims file"),
            OfficeLabel::Reason => pick!(l, zh: "原因", en: "reason"),
            OfficeLabel::Hash => pick!(l, zh: "哈希", en: "hash"),
            OfficeLabel::KindBatch => pick!(l, zh: "批次", en: "batch"),
            OfficeLabel::KindImport => pick!(l, zh: "导入", en: "imported"),
            OfficeLabel::KindVoid => pick!(l, zh: "撤销", en: "withdrawal"),
            OfficeLabel::Withdrawn => pick!(l, zh: "已撤销", en: "withdrawn"),
            OfficeLabel::PublicList => pick!(l, zh: "公示名单", en: "Public list"),
            OfficeLabel::Applicant => pick!(l, zh: "申请人", en: "applicant"),
            OfficeLabel::ApplicantId => pick!(l, zh: "证件号码", en: "applicant id"),
            OfficeLabel::Item => pick!(l, zh: "资助项目", en: "item"),
            OfficeLabel::Amount => pick!(l, zh: "金额（元）", en: "amount (yuan)"),
        }
    }

    fn office_fact(&self, fact: &OfficeFact) -> String {
        let l = L::LANG;
        match fact {
            OfficeFact::Initialised { path, file: true } => say!(l,
                zh: "{path}：已建空台账，仅本人可读";
                en: "{path}: an empty book, readable by you only"),
            OfficeFact::Initialised { path, file: false } => say!(l,
                zh: "{path}：已在该数据库中建空台账";
                en: "{path}: an empty book, in this database"),
            OfficeFact::Committed { batch, rows, paid } => {
                let paid = grouped(*paid);
                say!(l,
                    zh: "已记入台账，批次 {batch}：{rows} 行，拨付 ¥{paid}";
                    en: "committed as batch {batch}: {rows} rows, ¥{paid} paid")
            }
            OfficeFact::Voided { batch } => say!(l,
                zh: "批次 {batch} 已撤销：其拨付不再计入";
                en: "batch {batch} withdrawn: its payments no longer count"),
            OfficeFact::Imported { batch, file, rows } => say!(l,
                zh: "{file}：已导入为批次 {batch}（{rows} 行）";
                en: "{file}: imported as batch {batch} ({rows} rows)"),
            OfficeFact::HashMismatch { batch } => say!(l,
                zh: "批次 {batch}：记录与记账时不符（哈希不一致），已在本工具之外被改动";
                en: "batch {batch}: the entry is not what was recorded (its hash does not match); it was changed outside this tool"),
            OfficeFact::ChainBroken { batch } => say!(l,
                zh: "批次 {batch}：与前一条记录接不上，有记录在本工具之外被改动或删除";
                en: "batch {batch}: the entry does not follow the one recorded before it; an entry was changed or removed outside this tool"),
            OfficeFact::IndexChanged => pick!(l,
                zh: "申报编号索引与记录的拨付表不符，已在本工具之外被改动",
                en: "the index of claim_ids is not what the recorded payouts give; it was changed outside this tool").to_string(),
            OfficeFact::Replayed { batch, same: true } => say!(l,
                zh: "批次 {batch}：重算结果与记录的拨付表完全一致";
                en: "batch {batch}: replayed, the payout is identical"),
            OfficeFact::Replayed { batch, same: false } => say!(l,
                zh: "批次 {batch}：重算结果与记录的拨付表不一致";
                en: "batch {batch}: replayed, the payout DIFFERS from the one recorded"),
            OfficeFact::NotReplayed { batch } => say!(l,
                zh: "批次 {batch}：导入的拨付表，无需重算";
                en: "batch {batch}: imported, nothing to replay"),
            OfficeFact::ReplayFailed { batch, why } => say!(l,
                zh: "批次 {batch}：无法重算：{why}";
                en: "batch {batch}: cannot be replayed: {why}"),
            OfficeFact::Verified { entries } => say!(l,
                zh: "台账核验通过：共 {entries} 条记录，哈希与重算全部一致";
                en: "the book verifies: {entries} entries, every hash and every replay agrees"),
            OfficeFact::Empty => pick!(l, zh: "台账中尚无批次", en: "the book has no batches yet").to_string(),
        }
    }

    fn office_error(&self, error: &BookError) -> String {
        let l = L::LANG;
        match error {
            BookError::Exists { path } => say!(l,
                zh: "{path}：已存在；台账须建在新文件或空数据库中";
                en: "{path}: already exists; a book is made in a new file or an empty database"),
            BookError::NotNamed => pick!(l,
                zh: "未指定台账：请用 --book FILE 或 SUBSIDY_BOOK 指定",
                en: "which book? Name it with --book FILE or SUBSIDY_BOOK")
            .to_string(),
            BookError::Missing { path } => say!(l,
                zh: "{path}：没有这个台账（可用 `subsidy book init {path}` 新建）";
                en: "{path}: no such book (make one with `subsidy book init {path}`)"),
            BookError::NotABook { path } => {
                say!(l, zh: "{path}：不是本工具的台账"; en: "{path}: not a book of this tool")
            }
            BookError::Damaged { path } => say!(l,
                zh: "{path}：台账已损坏或不完整，请从备份恢复";
                en: "{path}: the book is damaged or cut short; restore it from a copy"),
            BookError::Newer { path, found, known } => say!(l,
                zh: "{path}：台账格式为第 {found} 版，由更新版本的本工具写入（本版本只认第 {known} 版），请使用该版本";
                en: "{path}: the book is of schema {found}, written by a later version of this tool (this one knows schema {known}); use that version"),
            BookError::Database { path, detail } => say!(l,
                zh: "{path}：台账写入失败：{detail}";
                en: "{path}: the book refused: {detail}"),
            BookError::ClaimsCommitted { file, batch } => say!(l,
                zh: "{file}：该文件已作为批次 {batch} 记入台账；未记账";
                en: "{file}: this file is already in the book as batch {batch}; nothing recorded"),
            BookError::ClaimIdCommitted { claim_id, batch } => say!(l,
                zh: "申报 {claim_id} 已在批次 {batch} 中处理；未记账";
                en: "claim {claim_id} was already decided in batch {batch}; nothing recorded"),
            BookError::NoSuchBatch { batch } => {
                say!(l, zh: "台账中没有批次 {batch}"; en: "the book has no batch {batch}")
            }
            BookError::NotReplayable { batch } => say!(l,
                zh: "批次 {batch} 是导入的 CSV：请导出为 .csv 文件";
                en: "batch {batch} was imported as a CSV: export it to a .csv file"),
            BookError::AlreadyVoid { batch } => {
                say!(l, zh: "批次 {batch} 已撤销"; en: "batch {batch} is already withdrawn")
            }
            BookError::CommitNeedsFile => pick!(l,
                zh: "--commit 需要以文件提供申报（不能是标准输入），以便留存",
                en: "--commit needs the claims as a file (not standard input), to keep it")
            .to_string(),
            BookError::CommitWhatIf => pick!(l,
                zh: "--commit 按政策文件原样记账：不能与 --set 或 --budget 同用",
                en: "--commit records the measures as they are: not with --set or --budget")
            .to_string(),
            BookError::NotVerified { problems } => say!(l,
                zh: "台账核验未通过：共 {problems} 处问题，见上";
                en: "the book does not verify: {problems} problems, listed above"),
        }
    }
}
