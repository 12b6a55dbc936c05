//! The columns of the payout CSV: the contract that the payout writer, the
//! ledger reader and the claims reader (which knows a payout read back as
//! claims by them) share. It imports nothing, so each of them can read it
//! from wherever it stands.

/// The columns of the payout CSV, in the contract's order (SPEC §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PayoutColumn {
    ClaimId,
    ApplicantId,
    ApplicantName,
    ApplicantType,
    Clause,
    Item,
    Ref,
    Date,
    Year,
    Quantity,
    Amount,
    Computed,
    Payable,
    Cut,
    Status,
    Reason,
}

impl PayoutColumn {
    pub const ALL: [PayoutColumn; 16] = [
        PayoutColumn::ClaimId,
        PayoutColumn::ApplicantId,
        PayoutColumn::ApplicantName,
        PayoutColumn::ApplicantType,
        PayoutColumn::Clause,
        PayoutColumn::Item,
        PayoutColumn::Ref,
        PayoutColumn::Date,
        PayoutColumn::Year,
        PayoutColumn::Quantity,
        PayoutColumn::Amount,
        PayoutColumn::Computed,
        PayoutColumn::Payable,
        PayoutColumn::Cut,
        PayoutColumn::Status,
        PayoutColumn::Reason,
    ];

    /// The header as the contract names it.
    pub const fn name(self) -> &'static str {
        match self {
            PayoutColumn::ClaimId => "claim_id",
            PayoutColumn::ApplicantId => "applicant_id",
            PayoutColumn::ApplicantName => "applicant_name",
            PayoutColumn::ApplicantType => "applicant_type",
            PayoutColumn::Clause => "clause",
            PayoutColumn::Item => "item",
            PayoutColumn::Ref => "ref",
            PayoutColumn::Date => "date",
            PayoutColumn::Year => "year",
            PayoutColumn::Quantity => "quantity",
            PayoutColumn::Amount => "amount",
            PayoutColumn::Computed => "computed",
            PayoutColumn::Payable => "payable",
            PayoutColumn::Cut => "cut",
            PayoutColumn::Status => "status",
            PayoutColumn::Reason => "reason",
        }
    }

    /// The header a Chinese sheet gives the column.
    pub fn name_zh(self) -> &'static str {
        match self {
            PayoutColumn::ClaimId => "申报编号",
            PayoutColumn::ApplicantId => "申请人代码",
            PayoutColumn::ApplicantName => "申请人名称",
            PayoutColumn::ApplicantType => "申请人类型",
            PayoutColumn::Clause => "条款",
            PayoutColumn::Item => "资助项目",
            PayoutColumn::Ref => "编号",
            PayoutColumn::Date => "日期",
            PayoutColumn::Year => "年度",
            PayoutColumn::Quantity => "数量",
            PayoutColumn::Amount => "金额",
            PayoutColumn::Computed => "核定金额",
            PayoutColumn::Payable => "拨付金额",
            PayoutColumn::Cut => "核减金额",
            PayoutColumn::Status => "状态",
            PayoutColumn::Reason => "理由",
        }
    }

    /// Money: numbers a spreadsheet must see as numbers, never escaped.
    pub fn is_money(self) -> bool {
        matches!(
            self,
            PayoutColumn::Computed | PayoutColumn::Payable | PayoutColumn::Cut
        )
    }
}

/// The sheets of the workbook, in order. Their names are the office's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BookSheet {
    Claims,
    ByApplicant,
    ByClause,
    Summary,
}

impl BookSheet {
    pub const fn name(self) -> &'static str {
        match self {
            BookSheet::Claims => "明细",
            BookSheet::ByApplicant => "按申请人",
            BookSheet::ByClause => "按条款",
            BookSheet::Summary => "汇总",
        }
    }
}
