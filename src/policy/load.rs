//! From the policy file's text to a checked `Policy`, or to every problem in
//! it, each with its line and key. An official editing the file sees all of
//! its mistakes in one run.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use toml::Spanned;

use super::model::*;
use super::raw::*;
use crate::date::Date;
use crate::i18n::{Lang, Msg};
use crate::money::{Rounding, RoundingMode};

/// One mistake in a policy file.
#[derive(Debug, Clone)]
pub struct PolicyProblem {
    pub line: usize,
    pub column: usize,
    pub key: String,
    pub message: Msg,
}

/// A policy file that cannot be used, with all that is wrong in it.
#[derive(Debug, Clone)]
pub struct PolicyError {
    pub file: String,
    pub problems: Vec<PolicyProblem>,
}

impl PolicyError {
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for p in &self.problems {
            let key = if p.key.is_empty() {
                String::new()
            } else {
                format!("{} `{}`: ", lang.pick("键", "key"), p.key)
            };
            out.push_str(&format!(
                "{}:{}:{}: {}{}\n",
                self.file,
                p.line,
                p.column,
                key,
                p.message.get(lang)
            ));
        }
        out
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render(Lang::En).trim_end())
    }
}

impl std::error::Error for PolicyError {}

pub fn load(file: &str, text: &str) -> Result<Policy, PolicyError> {
    let mut check = Checker {
        text,
        problems: Vec::new(),
    };
    let raw: RawPolicy = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
            check.problem(
                span,
                "",
                Msg::new(format!("无法读取：{message}"), message.clone()),
            );
            return Err(check.into_error(file));
        }
    };
    let policy = check.policy(raw);
    if check.problems.is_empty() {
        Ok(policy)
    } else {
        Err(check.into_error(file))
    }
}

struct Checker<'t> {
    text: &'t str,
    problems: Vec<(usize, String, Msg)>,
}

impl Checker<'_> {
    fn problem(&mut self, span: Range<usize>, key: &str, message: Msg) {
        self.problems.push((span.start, key.to_string(), message));
    }

    fn into_error(self, file: &str) -> PolicyError {
        let text = self.text;
        let mut problems: Vec<PolicyProblem> = self
            .problems
            .into_iter()
            .map(|(offset, key, message)| {
                let (line, column) = line_and_column(text, offset);
                PolicyProblem {
                    line,
                    column,
                    key,
                    message,
                }
            })
            .collect();
        problems.sort_by_key(|p| (p.line, p.column));
        PolicyError {
            file: file.to_string(),
            problems,
        }
    }

    fn policy(&mut self, raw: RawPolicy) -> Policy {
        let status = match raw.status.get_ref().as_str() {
            "draft" => Status::Draft,
            "final" => Status::Final,
            other => {
                self.problem(
                    raw.status.span(),
                    "status",
                    Msg::new(
                        format!("状态“{other}”无效，应为 draft 或 final"),
                        format!("status `{other}` is not draft or final"),
                    ),
                );
                Status::Draft
            }
        };
        if raw.id.get_ref().trim().is_empty() {
            self.problem(
                raw.id.span(),
                "id",
                Msg::new("政策编号不能为空", "the policy id must not be empty"),
            );
        }
        let valid_from = self.date(&raw.valid_from, "valid_from");
        let valid_until = self.date(&raw.valid_until, "valid_until");
        if let (Some(from), Some(until)) = (valid_from, valid_until) {
            if from > until {
                self.problem(
                    raw.valid_until.span(),
                    "valid_until",
                    Msg::new(
                        format!("有效期结束日 {until} 早于开始日 {from}"),
                        format!("the validity ends ({until}) before it starts ({from})"),
                    ),
                );
            }
        }
        let rounding = self.rounding(&raw.rounding);

        let mut lookup = Lookup::default();
        let applicant_types = self.named_list(&raw.applicant_types, "applicant_type");
        for (i, t) in applicant_types.iter().enumerate() {
            for spelling in spellings(t) {
                lookup.types.entry(spelling).or_insert(i as TypeIdx);
            }
        }
        if applicant_types.len() > 32 {
            self.problem(
                0..0,
                "applicant_type",
                Msg::new("申请人类型最多 32 种", "at most 32 applicant types"),
            );
        }
        let tags = self.named_list(&raw.tags, "tag");
        for (i, t) in tags.iter().enumerate() {
            for spelling in spellings(t) {
                lookup.tags.entry(spelling).or_insert(i as TagIdx);
            }
        }
        if tags.len() > 64 {
            self.problem(0..0, "tag", Msg::new("标签最多 64 个", "at most 64 tags"));
        }
        let facts = self.named_list(&raw.facts, "fact");
        if facts.len() > crate::claims::MAX_FACTS {
            self.problem(
                0..0,
                "fact",
                Msg::new(
                    format!("事实最多 {} 个", crate::claims::MAX_FACTS),
                    format!("at most {} facts", crate::claims::MAX_FACTS),
                ),
            );
        }

        let mut groups: HashMap<String, TypeSet> = HashMap::new();
        let group_names = self.named_list(
            &raw.applicant_groups
                .iter()
                .map(|g| RawNamed {
                    id: g.id.clone(),
                    name: g.name.clone(),
                    name_en: g.name_en.clone(),
                    aliases: Vec::new(),
                })
                .collect::<Vec<_>>(),
            "applicant_group",
        );
        let mut applicant_groups = Vec::new();
        for (g, named) in raw.applicant_groups.iter().zip(group_names) {
            let key = format!("applicant_group {}: members", named.id);
            let set = self.type_set(&g.members, &key, &lookup.types, &HashMap::new());
            groups.insert(named.id.clone(), set);
            applicant_groups.push((named, set));
        }

        let mut clauses = Vec::new();
        let mut items: Vec<Item> = Vec::new();
        let mut item_spans: Vec<Range<usize>> = Vec::new();
        let mut raw_quotas: Vec<(ItemIdx, &Spanned<RawQuota>)> = Vec::new();
        let mut numbers = HashSet::new();
        for rc in &raw.clauses {
            let number = *rc.number.get_ref();
            if !(1..=99).contains(&number) || !numbers.insert(number) {
                self.problem(
                    rc.number.span(),
                    "clause.number",
                    Msg::new(
                        format!("条款编号 {number} 无效或重复"),
                        format!("clause number {number} is out of range (1..99) or repeated"),
                    ),
                );
            }
            let clause_idx = clauses.len() as ClauseIdx;
            let annual_cap = rc
                .annual_cap
                .as_ref()
                .and_then(|f| self.figure(f, "clause.annual_cap", false));
            let mut clause_items = Vec::new();
            for ri in &rc.items {
                let idx = items.len() as ItemIdx;
                let item = self.item(ri, clause_idx, &lookup, &groups, &facts);
                if let Some(q) = &ri.quota {
                    raw_quotas.push((idx, q));
                }
                if let Some(cap) = annual_cap {
                    self.cap_covers_one_award(
                        &item,
                        cap,
                        rc.annual_cap.as_ref(),
                        "clause.annual_cap",
                    );
                }
                item_spans.push(ri.id.span());
                clause_items.push(idx);
                items.push(item);
            }
            clauses.push(Clause {
                number: number.clamp(0, 99) as u32,
                title: rc.title.clone(),
                title_en: rc.title_en.clone(),
                source: rc.source.clone(),
                annual_cap,
                one_award_per_year: rc.one_award_per_year,
                note: note(&rc.note, &rc.note_en),
                items: clause_items,
            });
        }

        let mut seen = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            if let Some(first) = seen.insert(item.id.to_lowercase(), i) {
                self.problem(
                    item_spans[i].clone(),
                    "item.id",
                    Msg::new(
                        format!(
                            "项目编号 {} 重复（第一次见于第 {} 行）",
                            item.id,
                            line_and_column(self.text, item_spans[first].start).0
                        ),
                        format!(
                            "item id {} is used twice (first on line {})",
                            item.id,
                            line_and_column(self.text, item_spans[first].start).0
                        ),
                    ),
                );
            }
        }
        for (i, item) in items.iter().enumerate() {
            for spelling in [item.id.to_lowercase(), item.name.trim().to_lowercase()] {
                lookup.items.entry(spelling).or_insert(i as ItemIdx);
            }
        }
        for (idx, rq) in raw_quotas {
            let quota = self.quota(rq, idx, &items, &lookup);
            items[usize::from(idx)].quota = quota;
        }
        if items.len() > usize::from(ItemIdx::MAX) {
            self.problem(0..0, "item", Msg::new("项目过多", "too many items"));
        }

        Policy {
            id: raw.id.into_inner(),
            title: raw.title,
            title_en: raw.title_en,
            source: raw.source,
            status,
            valid_from: valid_from.unwrap_or(Date::EARLIEST),
            valid_until: valid_until.unwrap_or(Date::LATEST),
            currency: raw.currency,
            rounding,
            other_city_support: raw
                .other_city_support
                .filter(|e| e.rejects)
                .map(|e| e.source),
            note: note(&raw.note, &raw.note_en),
            applicant_types,
            applicant_groups,
            tags,
            facts,
            clauses,
            items,
            lookup,
        }
    }

    fn date(&mut self, value: &Spanned<toml::value::Datetime>, key: &str) -> Option<Date> {
        let dt = value.get_ref();
        let date = match (&dt.date, &dt.time) {
            (Some(d), None) => Date::new(u32::from(d.year), u32::from(d.month), u32::from(d.day)),
            _ => None,
        };
        if date.is_none() {
            self.problem(
                value.span(),
                key,
                Msg::new(
                    "应为日期，如 2024-01-01",
                    "expected a date such as 2024-01-01",
                ),
            );
        }
        date
    }

    fn rounding(&mut self, raw: &Spanned<RawRounding>) -> Rounding {
        let r = raw.get_ref();
        let mode = RoundingMode::from_name(r.mode.get_ref()).unwrap_or_else(|| {
            self.problem(
                r.mode.span(),
                "rounding.mode",
                Msg::new(
                    format!(
                        "舍入方式“{}”无效，应为 half_up、half_even 或 down",
                        r.mode.get_ref()
                    ),
                    format!(
                        "rounding mode `{}` is not half_up, half_even or down",
                        r.mode.get_ref()
                    ),
                ),
            );
            RoundingMode::HalfUp
        });
        let decimals = *r.decimals.get_ref();
        if !(0..=6).contains(&decimals) {
            self.problem(
                r.decimals.span(),
                "rounding.decimals",
                Msg::new(
                    "小数位数应在 0 到 6 之间",
                    "decimals must be between 0 and 6",
                ),
            );
        }
        Rounding {
            mode,
            decimals: decimals.clamp(0, 6) as u32,
        }
    }

    fn named_list(&mut self, raw: &[RawNamed], key: &str) -> Vec<Named> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for r in raw {
            let id = r.id.get_ref().trim().to_string();
            if id.is_empty() || !seen.insert(id.to_lowercase()) {
                self.problem(
                    r.id.span(),
                    &format!("{key}.id"),
                    Msg::new(
                        format!("编号“{id}”为空或重复"),
                        format!("id `{id}` is empty or used twice"),
                    ),
                );
            }
            out.push(Named {
                id,
                name: r.name.clone(),
                name_en: r.name_en.clone(),
                aliases: r.aliases.clone(),
            });
        }
        out
    }

    fn type_set(
        &mut self,
        names: &Spanned<Vec<String>>,
        key: &str,
        types: &rustc_hash::FxHashMap<String, TypeIdx>,
        groups: &HashMap<String, TypeSet>,
    ) -> TypeSet {
        let mut set = TypeSet::default();
        for name in names.get_ref() {
            if let Some(group) = groups.get(name) {
                set.0 |= group.0;
            } else if let Some(t) = types.get(&name.to_lowercase()) {
                set.insert(*t);
            } else {
                self.problem(
                    names.span(),
                    key,
                    Msg::new(
                        format!("未知的申请人类型或类别“{name}”"),
                        format!("`{name}` is neither an applicant type nor a group"),
                    ),
                );
            }
        }
        if set == TypeSet::default() && names.get_ref().is_empty() {
            self.problem(
                names.span(),
                key,
                Msg::new("至少列出一种申请人类型", "name at least one applicant type"),
            );
        }
        set
    }

    /// A figure as a `Decimal`: `2000`, `"0.05"`, or (for rates) `"5%"`.
    fn figure(&mut self, value: &Spanned<Figure>, key: &str, percent_ok: bool) -> Option<Decimal> {
        let written = value.get_ref().0.trim();
        let parsed = match written.strip_suffix('%') {
            Some(p) if percent_ok => Decimal::from_str(p.trim())
                .ok()
                .map(|d| d / Decimal::ONE_HUNDRED),
            Some(_) => None,
            None => Decimal::from_str(written).ok(),
        };
        match parsed {
            None => {
                self.problem(
                    value.span(),
                    key,
                    Msg::new(
                        format!("“{written}”不是数字"),
                        format!("`{written}` is not a number"),
                    ),
                );
                None
            }
            Some(d) if d.is_sign_negative() && !d.is_zero() => {
                self.problem(
                    value.span(),
                    key,
                    Msg::new(
                        format!("数额 {written} 不能为负"),
                        format!("{written} must not be negative"),
                    ),
                );
                None
            }
            // Figures are yuan or rates; one this large is a slip, and
            // multiplied by a quantity it would overflow.
            Some(d) if d >= Decimal::from(1_000_000_000_000_i64) => {
                self.problem(
                    value.span(),
                    key,
                    Msg::new(
                        format!("数额 {written} 过大（应小于 10^12）"),
                        format!("{written} is too large (it must be below 10^12)"),
                    ),
                );
                None
            }
            Some(d) => Some(d),
        }
    }

    fn item(
        &mut self,
        ri: &RawItem,
        clause: ClauseIdx,
        lookup: &Lookup,
        groups: &HashMap<String, TypeSet>,
        facts: &[Named],
    ) -> Item {
        let id = ri.id.get_ref().trim().to_string();
        if id.is_empty() {
            self.problem(
                ri.id.span(),
                "item.id",
                Msg::new("项目编号不能为空", "item id must not be empty"),
            );
        }
        let key = |k: &str| format!("item {id}: {k}");
        let figures: [(&str, &Option<Spanned<Figure>>); 5] = [
            ("amount", &ri.amount),
            ("rate", &ri.rate),
            ("max_per_project", &ri.max_per_project),
            ("minimum", &ri.minimum),
            ("ratio", &ri.ratio),
        ];
        let kind_name = ri.kind.get_ref().as_str();
        let wanted: &[&str] = match kind_name {
            "fixed" => &["amount"],
            "percent" => &["rate"],
            "approved" => &["max_per_project"],
            "floor" => &["minimum"],
            "matching" => &["ratio"],
            "manual" => &[],
            other => {
                self.problem(
                    ri.kind.span(),
                    &key("kind"),
                    Msg::new(
                        format!("未知的计算方式“{other}”（应为 fixed、percent、approved、floor、matching 或 manual）"),
                        format!("unknown kind `{other}` (expected fixed, percent, approved, floor, matching or manual)"),
                    ),
                );
                &[]
            }
        };
        let mut value = HashMap::new();
        for (name, figure) in figures {
            match figure {
                Some(f) if wanted.contains(&name) => {
                    if let Some(d) = self.figure(f, &key(name), name == "rate" || name == "ratio") {
                        value.insert(name, d);
                    }
                }
                Some(f) if KNOWN_KINDS.contains(&kind_name) => self.problem(
                    f.span(),
                    &key(name),
                    Msg::new(
                        format!("计算方式 {kind_name} 不使用 {name}"),
                        format!("kind {kind_name} does not use {name}"),
                    ),
                ),
                Some(_) => {}
                None if wanted.contains(&name) => self.problem(
                    ri.kind.span(),
                    &key(name),
                    Msg::new(
                        format!("计算方式 {kind_name} 需要 {name}"),
                        format!("kind {kind_name} needs a figure `{name}`"),
                    ),
                ),
                None => {}
            }
        }
        let get = |name: &str| value.get(name).copied().unwrap_or_default();
        let kind = match kind_name {
            "fixed" => Kind::Fixed {
                amount: get("amount"),
            },
            "percent" => {
                let rate = get("rate");
                if rate > Decimal::ONE {
                    if let Some(f) = &ri.rate {
                        self.problem(
                            f.span(),
                            &key("rate"),
                            Msg::new(
                                "比例不能超过 100%",
                                "a rate above 100% is not a subsidy rate",
                            ),
                        );
                    }
                }
                Kind::Percent { rate }
            }
            "approved" => Kind::Approved {
                max: get("max_per_project"),
            },
            "floor" => Kind::Floor {
                minimum: get("minimum"),
            },
            "matching" => Kind::Matching {
                ratio: get("ratio"),
            },
            _ => {
                let reason = ri
                    .manual_reason
                    .as_ref()
                    .map(|r| r.get_ref().clone())
                    .unwrap_or_default();
                if kind_name == "manual" && reason.trim().is_empty() {
                    self.problem(
                        ri.kind.span(),
                        &key("manual_reason"),
                        Msg::new(
                            "人工审核项目须写明 manual_reason",
                            "a manual item needs a manual_reason",
                        ),
                    );
                }
                Kind::Manual {
                    reason,
                    reason_en: ri.manual_reason_en.clone(),
                }
            }
        };
        if let (Some(r), false) = (&ri.manual_reason, kind_name == "manual") {
            self.problem(
                r.span(),
                &key("manual_reason"),
                Msg::new(
                    "只有 manual 项目使用 manual_reason",
                    "only a manual item uses manual_reason",
                ),
            );
        }

        let per_unit = ri.per_unit.as_ref().map(|p| *p.get_ref()).unwrap_or(false);
        if let (Some(p), false) = (&ri.per_unit, matches!(kind, Kind::Fixed { .. })) {
            if *p.get_ref() {
                self.problem(
                    p.span(),
                    &key("per_unit"),
                    Msg::new(
                        "只有 fixed 项目可以按件计",
                        "only a fixed item can be priced per unit",
                    ),
                );
            }
        }
        let applicants = self.type_set(&ri.applicants, &key("applicants"), &lookup.types, groups);
        let mut tags_any = TagSet::default();
        if let Some(tags) = &ri.tags_any {
            for t in tags.get_ref() {
                match lookup.tags.get(&t.to_lowercase()) {
                    Some(idx) => tags_any.insert(*idx),
                    None => self.problem(
                        tags.span(),
                        &key("tags_any"),
                        Msg::new(format!("未知的标签“{t}”"), format!("unknown tag `{t}`")),
                    ),
                }
            }
        }
        let mut facts_min = Vec::new();
        for (name, min) in &ri.facts_min {
            let fact = facts.iter().position(|f| &f.id == name);
            let min = self.figure(min, &key(&format!("facts_min.{name}")), false);
            match (fact, min) {
                (Some(f), Some(m)) => facts_min.push((f as FactIdx, m)),
                (None, _) => self.problem(
                    ri.id.span(),
                    &key(&format!("facts_min.{name}")),
                    Msg::new(
                        format!("未声明的事实“{name}”（见 [[fact]]）"),
                        format!("fact `{name}` is not declared in [[fact]]"),
                    ),
                ),
                _ => {}
            }
        }
        let min_quantity = ri.min_quantity.as_ref().and_then(|m| {
            let v = *m.get_ref();
            if !(1..=1_000_000).contains(&v) || !per_unit {
                self.problem(
                    m.span(),
                    &key("min_quantity"),
                    Msg::new(
                        "min_quantity 须为正整数，且仅用于按件计的项目",
                        "min_quantity must be a positive whole number on a per-unit item",
                    ),
                );
                None
            } else {
                Some(v as u32)
            }
        });
        let unique = match &ri.unique {
            None => Unique::None,
            Some(u) => Unique::from_name(u.get_ref()).unwrap_or_else(|| {
                self.problem(
                    u.span(),
                    &key("unique"),
                    Msg::new(
                        format!("唯一性规则“{}”无效（应为 none、ref、applicant_ref、applicant 或 applicant_year）", u.get_ref()),
                        format!("unique `{}` is not none, ref, applicant_ref, applicant or applicant_year", u.get_ref()),
                    ),
                );
                Unique::None
            }),
        };
        let mut quantity_caps = Vec::new();
        for qc in &ri.quantity_caps {
            let set = self.type_set(
                &qc.applicants,
                &key("quantity_cap.applicants"),
                &lookup.types,
                groups,
            );
            let max = *qc.max_per_year.get_ref();
            if !(1..=1_000_000).contains(&max) || !per_unit {
                self.problem(
                    qc.max_per_year.span(),
                    &key("quantity_cap.max_per_year"),
                    Msg::new(
                        "数量上限须为正整数，且仅用于按件计的项目",
                        "a quantity cap must be a positive whole number on a per-unit item",
                    ),
                );
            }
            quantity_caps.push(QuantityCap {
                applicants: set,
                applicants_written: qc.applicants.get_ref().clone(),
                max_per_year: max.clamp(0, 1_000_000) as u32,
            });
        }
        let annual_cap = ri
            .annual_cap
            .as_ref()
            .and_then(|f| self.figure(f, &key("annual_cap"), false));
        let item = Item {
            id: id.clone(),
            name: ri.name.clone(),
            name_en: ri.name_en.clone(),
            clause,
            kind,
            per_unit,
            applicants,
            applicants_written: ri.applicants.get_ref().clone(),
            tags_any,
            facts_min,
            min_quantity,
            unique,
            quantity_caps,
            annual_cap,
            quota: None,
            source: ri.source.clone(),
            note: note(&ri.note, &ri.note_en),
        };
        if let Some(cap) = annual_cap {
            self.cap_covers_one_award(&item, cap, ri.annual_cap.as_ref(), &key("annual_cap"));
        }
        item
    }

    /// A cap smaller than one award of a fixed or floor item would pay
    /// nothing in full: a typing slip in the policy, not a rule.
    fn cap_covers_one_award(
        &mut self,
        item: &Item,
        cap: Decimal,
        at: Option<&Spanned<Figure>>,
        key: &str,
    ) {
        let single = match &item.kind {
            Kind::Fixed { amount } => *amount,
            Kind::Floor { minimum } => *minimum,
            _ => return,
        };
        if cap < single {
            let span = at.map(|s| s.span()).unwrap_or(0..0);
            self.problem(
                span,
                key,
                Msg::new(
                    format!("年度上限 {cap} 低于项目 {} 的单笔金额 {single}", item.id),
                    format!(
                        "annual cap {cap} is below a single award of item {} ({single})",
                        item.id
                    ),
                ),
            );
        }
    }

    fn quota(
        &mut self,
        rq: &Spanned<RawQuota>,
        idx: ItemIdx,
        items: &[Item],
        lookup: &Lookup,
    ) -> Option<Quota> {
        let q = rq.get_ref();
        let id = &items[usize::from(idx)].id;
        let per_year = *q.per_year.get_ref();
        if !(1..=1_000_000).contains(&per_year) {
            self.problem(
                q.per_year.span(),
                &format!("item {id}: quota.per_year"),
                Msg::new("名额须为正整数", "a quota must be a positive whole number"),
            );
            return None;
        }
        let target = q.overflow.get_ref();
        let overflow = items
            .iter()
            .position(|i| &i.id == target)
            .map(|i| i as ItemIdx);
        let _ = lookup;
        match overflow {
            Some(o) if o != idx && matches!(items[usize::from(o)].kind, Kind::Fixed { .. }) => {
                Some(Quota {
                    per_year: per_year as u32,
                    overflow: o,
                })
            }
            _ => {
                self.problem(
                    q.overflow.span(),
                    &format!("item {id}: quota.overflow"),
                    Msg::new(
                        format!("超额转入的项目“{target}”不存在，或不是另一个 fixed 项目"),
                        format!("overflow target `{target}` does not exist or is not another fixed item"),
                    ),
                );
                None
            }
        }
    }
}

fn note(zh: &Option<String>, en: &Option<String>) -> Option<Note> {
    match (zh, en) {
        (None, None) => None,
        _ => Some(Note {
            zh: zh.clone().unwrap_or_default(),
            en: en.clone().unwrap_or_default(),
        }),
    }
}

const KNOWN_KINDS: [&str; 6] = [
    "fixed", "percent", "approved", "floor", "matching", "manual",
];

/// Every spelling by which a type or tag may be written in a claim.
fn spellings(named: &Named) -> Vec<String> {
    let mut out = vec![named.id.to_lowercase(), named.name.trim().to_lowercase()];
    out.extend(named.aliases.iter().map(|a| a.trim().to_lowercase()));
    out
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}
