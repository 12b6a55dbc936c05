//! What the office should look at in a claims file though no row is
//! invalid: columns the tool does not read, tags the policy does not know
//! (they do not count), an applicant_id written with two names (read as
//! written, it is one applicant), and ids whose check character is wrong.
//! `calc` and `compare` say the same things from here.

use crate::claims::{Batch, Entry};
use crate::policy::Policy;
use crate::text::KeyForm;
use crate::words::{Lang, Notice};

/// The header names no column of the contract or the policy reads.
pub fn unknown_columns(batch: &Batch, lang: Lang) -> Option<String> {
    (!batch.unknown_columns.is_empty()).then(|| {
        let notice = Notice::UnknownColumns {
            path: &batch.source,
            columns: &batch.unknown_columns,
        };
        lang.words().notice(&notice)
    })
}

/// Unknown tags and applicant ids with two names, row by row; then each id
/// whose check character is wrong, once, at its first row (the reason of
/// each of its claims notes it too).
pub fn of_rows(batch: &Batch, policy: &Policy, lang: Lang) -> Vec<String> {
    let mut said = keys_changed(batch, lang);
    said.extend(tags_and_names(batch, policy, lang));
    said.extend(check_chars(batch, lang));
    said
}

/// The first value of each kind of key that its key changes more than a
/// clerk would expect.
fn keys_changed(batch: &Batch, lang: Lang) -> Vec<String> {
    let shown = |v: &str| crate::text::shown(&crate::text::shown_id(v)).into_owned();
    (batch.surprising_keys.iter())
        .map(|k| {
            let notice = Notice::KeyChanged {
                file: &batch.source,
                line: k.line,
                column: k.column.name(),
                written: &shown(&k.written),
                key: &shown(&k.key),
            };
            lang.words().notice(&notice)
        })
        .collect()
}

fn tags_and_names(batch: &Batch, policy: &Policy, lang: Lang) -> Vec<String> {
    let words = lang.words();
    let known = policy
        .tags
        .iter()
        .map(|t| t.label(lang).to_string())
        .collect::<Vec<_>>()
        .join(words.separator(crate::words::Sep::List));
    // Applicants grouped as the engine keys them, and names compared by
    // their key too: an id or a name with an invisible character in it is
    // the same.
    let mut groups = Groups::default();
    let mut names: rustc_hash::FxHashMap<u32, u32> = rustc_hash::FxHashMap::default();
    let mut warned = rustc_hash::FxHashSet::default();
    let mut said = Vec::new();
    for row in &batch.rows {
        let (file, line) = (batch.source.as_str(), row.line);
        if let Entry::Valid(i) = &row.entry {
            for tag in batch.claims[*i as usize].unknown_tags.iter().flatten() {
                let notice = Notice::UnknownTag {
                    file,
                    line,
                    tag: &crate::text::shown(tag),
                    known: &known,
                };
                said.push(words.notice(&notice));
            }
        }
        let (id, name) = (batch.applicant_id(row), batch.applicant_name(row));
        if id.is_empty() || name.is_empty() {
            continue;
        }
        let group = groups.of(batch, row.applicant_id);
        let first = *names.entry(group).or_insert(row.applicant_name);
        let name_key = |n: &str| crate::text::key(n, KeyForm::Name).into_owned();
        let differs =
            first != row.applicant_name && name_key(batch.shared_text(first)) != name_key(name);
        if differs && warned.insert(group) {
            let first = batch.shared_text(first);
            let id = crate::text::shown(&crate::text::shown_id(id)).into_owned();
            let notice = Notice::TwoNames {
                file,
                line,
                id: &id,
                first: &crate::text::shown(first),
                second: &crate::text::shown(name),
            };
            said.push(words.notice(&notice));
        }
    }
    said
}

/// Applicant ids as written (the batch's numbers for them), grouped by key:
/// each id written is keyed once, however many rows repeat it.
#[derive(Default)]
struct Groups<'b> {
    by_key: rustc_hash::FxHashMap<std::borrow::Cow<'b, str>, u32>,
    of_written: Vec<Option<u32>>,
}

impl<'b> Groups<'b> {
    fn of(&mut self, batch: &'b Batch, written: u32) -> u32 {
        let at = written as usize;
        if self.of_written.len() <= at {
            self.of_written.resize(at + 1, None);
        }
        if let Some(group) = self.of_written[at] {
            return group;
        }
        let next = self.by_key.len() as u32;
        let key = crate::text::applicant_key(batch.shared_text(written));
        let group = *self.by_key.entry(key).or_insert(next);
        self.of_written[at] = Some(group);
        group
    }
}

fn check_chars(batch: &Batch, lang: Lang) -> Vec<String> {
    let mut groups = Groups::default();
    let mut warned = rustc_hash::FxHashSet::default();
    let mut said = Vec::new();
    for row in &batch.rows {
        let fault = match &row.entry {
            Entry::Valid(i) => batch.claims[*i as usize].id_check,
            Entry::Invalid(_) => crate::claims::checkchar::fault(batch.applicant_id(row)),
        };
        let Some(fault) = fault else { continue };
        if !warned.insert(groups.of(batch, row.applicant_id)) {
            continue;
        }
        let warning = crate::claims::CheckWarning {
            file: &batch.source,
            line: row.line,
            column: crate::claims::Column::ApplicantId,
            id: batch.applicant_id(row),
            fault,
        };
        said.push(lang.words().check_char_warning(&warning));
    }
    said
}
