//! The lists of names: applicant types, applicant groups, tags and facts,
//! and the applicant lists of items that refer to them.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;
use toml::Spanned;

use super::{spellings, text, Checker};
use crate::policy::model::{name_key, Lookup, Named, TagIdx, TypeIdx, TypeSet};
use crate::policy::problem::PolicyFault;
use crate::policy::raw::{RawGroup, RawNamed};

const MAX_TYPES: usize = 32;
const MAX_TAGS: usize = 64;

/// What an item may refer to by name, once the lists are read.
pub(super) struct Names<'a> {
    pub lookup: &'a Lookup,
    pub groups: &'a HashMap<String, TypeSet>,
    pub facts: &'a [Named],
    pub fact_kinds: &'a [crate::policy::model::FactKind],
    pub types: &'a [Named],
}

impl Checker<'_> {
    pub(super) fn applicant_types(&mut self, raw: &[RawNamed], lookup: &mut Lookup) -> Vec<Named> {
        let types = self.named_list(raw, "applicant_type");
        for (i, t) in types.iter().enumerate() {
            for spelling in spellings(t) {
                lookup.types.entry(spelling).or_insert(i as TypeIdx);
            }
        }
        if types.len() > MAX_TYPES {
            let fault = PolicyFault::TooManyTypes { max: MAX_TYPES };
            self.problem(0..0, "applicant_type", fault);
        }
        types
    }

    pub(super) fn tags(&mut self, raw: &[RawNamed], lookup: &mut Lookup) -> Vec<Named> {
        let tags = self.named_list(raw, "tag");
        for (i, t) in tags.iter().enumerate() {
            for spelling in spellings(t) {
                lookup.tags.entry(spelling).or_insert(i as TagIdx);
            }
        }
        if tags.len() > MAX_TAGS {
            self.problem(0..0, "tag", PolicyFault::TooManyTags { max: MAX_TAGS });
        }
        tags
    }

    pub(super) fn facts(&mut self, raw: &[crate::policy::raw::RawFact]) -> Vec<Named> {
        let as_named: Vec<RawNamed> = raw
            .iter()
            .map(|f| RawNamed {
                id: f.id.clone(),
                name: f.name.clone(),
                name_en: f.name_en.clone(),
                aliases: f.aliases.clone(),
            })
            .collect();
        let facts = self.named_list(&as_named, "fact");
        let max = crate::policy::MAX_FACTS;
        if facts.len() > max {
            self.problem(0..0, "fact", PolicyFault::TooManyFacts { max });
        }
        facts
    }

    /// The groups with the set of types each stands for, as a list and by id.
    pub(super) fn applicant_groups(
        &mut self,
        raw: &[RawGroup],
        lookup: &Lookup,
    ) -> (Vec<(Named, TypeSet)>, HashMap<String, TypeSet>) {
        let as_named: Vec<RawNamed> = raw
            .iter()
            .map(|g| RawNamed {
                id: g.id.clone(),
                name: g.name.clone(),
                name_en: g.name_en.clone(),
                aliases: Vec::new(),
            })
            .collect();
        let group_names = self.named_list(&as_named, "applicant_group");
        let mut groups = HashMap::new();
        let mut list = Vec::new();
        for (g, named) in raw.iter().zip(group_names) {
            let key = format!("applicant_group {}: members", named.id);
            let set = self.type_set(&g.members, &key, &lookup.types, &HashMap::new());
            groups.insert(named.id.clone(), set);
            list.push((named, set));
        }
        (list, groups)
    }

    fn named_list(&mut self, raw: &[RawNamed], key: &str) -> Vec<Named> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for r in raw {
            let id = r.id.get_ref().trim().to_string();
            if id.is_empty() || !seen.insert(id.to_lowercase()) {
                let fault = PolicyFault::BadId { id: id.clone() };
                self.problem(r.id.span(), &format!("{key}.id"), fault);
            }
            out.push(Named {
                name: text(&r.name, &r.name_en, &id),
                id,
                aliases: r.aliases.clone(),
            });
        }
        out
    }

    /// The applicant types a list names, each a type or a group.
    pub(super) fn type_set(
        &mut self,
        names: &Spanned<Vec<String>>,
        key: &str,
        types: &FxHashMap<String, TypeIdx>,
        groups: &HashMap<String, TypeSet>,
    ) -> TypeSet {
        let mut set = TypeSet::default();
        for name in names.get_ref() {
            if let Some(group) = groups.get(name) {
                set.0 |= group.0;
            } else if let Some(t) = types.get(name_key(name).as_ref()) {
                set.insert(*t);
            } else {
                let name = name.clone();
                self.problem(names.span(), key, PolicyFault::UnknownApplicant { name });
            }
        }
        if set == TypeSet::default() && names.get_ref().is_empty() {
            self.problem(names.span(), key, PolicyFault::NoApplicants);
        }
        set
    }
}
