//! What the office should look at in a claims file though no row is
//! invalid: columns the tool does not read, tags the policy does not know
//! (they do not count), an applicant_id written with two names (read as
//! written, it is one applicant), and ids whose check character is wrong.
//! `calc` and `compare` say the same things from here.

use crate::claims::{Batch, Entry};
use crate::policy::Policy;
use crate::text::KeyForm;
use crate::words::{Lang, Notice};

/// The most lines of one kind of notice said: a screenful. A batch that
/// warns of every row says this many, then how many more.
pub const SCREEN: usize = 20;

/// The lines of a batch's notices in the order they come, a screenful of
/// each kind (`K`); of the rest of each kind, only how many.
pub struct Screen<K> {
    lines: Vec<String>,
    /// Each kind seen: how many of it, and whether each row's reason says
    /// it too.
    kinds: Vec<(K, usize, bool)>,
}

impl<K: PartialEq> Screen<K> {
    pub fn new() -> Screen<K> {
        Screen {
            lines: Vec::new(),
            kinds: Vec::new(),
        }
    }

    /// One notice of `kind`, made only if it is to be said.
    pub fn say(&mut self, kind: K, in_reasons: bool, line: impl FnOnce() -> String) {
        let at = match self.kinds.iter().position(|(k, _, _)| *k == kind) {
            Some(at) => at,
            None => {
                self.kinds.push((kind, 0, in_reasons));
                self.kinds.len() - 1
            }
        };
        self.kinds[at].1 += 1;
        if self.kinds[at].1 <= SCREEN {
            self.lines.push(line());
        }
    }

    /// The lines said, then of each kind with more, how many more.
    pub fn lines(mut self, lang: Lang) -> Vec<String> {
        for (_, count, in_reasons) in &self.kinds {
            if *count > SCREEN {
                self.lines.push(lang.words().notice(&Notice::MoreLikeThis {
                    count: count - SCREEN,
                    in_reasons: *in_reasons,
                }));
            }
        }
        self.lines
    }
}

/// One line per problem of each invalid row (`FILE:LINE: column COLUMN:
/// what`), a screenful of each kind of problem.
pub fn invalid_rows(batch: &Batch, lang: Lang) -> Vec<String> {
    let words = lang.words();
    let mut screen = Screen::new();
    for row in &batch.rows {
        if let Entry::Invalid(bad) = &row.entry {
            for p in &bad.problems {
                screen.say(std::mem::discriminant(&p.kind), true, || {
                    words.invalid_row_line(&batch.source, row.line, p)
                });
            }
        }
    }
    screen.lines(lang)
}

/// The header names no column of the contract or the policy reads.
pub fn unknown_columns(batch: &Batch, lang: Lang) -> Option<String> {
    let columns: Vec<String> = (batch.unknown_columns.iter())
        .filter(|c| !batch.ignored_columns.contains(c))
        .cloned()
        .collect();
    (!columns.is_empty()).then(|| {
        let notice = Notice::UnknownColumns {
            path: &batch.source,
            line: batch.header_line.max(1),
            columns: &columns,
        };
        lang.words().notice(&notice)
    })
}

/// The rows above the header row, in one note, and each totals row.
pub fn of_layout(batch: &Batch, lang: Lang) -> Vec<String> {
    let words = lang.words();
    let mut said = Vec::new();
    if !batch.above_header.is_empty() {
        said.push(words.notice(&Notice::AboveHeader {
            path: &batch.source,
            line: batch.header_line,
            rows: &batch.above_header,
        }));
    }
    for totals in &batch.totals {
        said.push(words.notice(&Notice::TotalsRow {
            path: &batch.source,
            line: totals.line,
            sums: &totals.sums,
        }));
    }
    said
}

/// Unknown tags and applicant ids with two names, row by row; then each id
/// whose check character is wrong, once, at its first row (the reason of
/// each of its claims notes it too).
pub fn of_rows(batch: &Batch, policy: &Policy, lang: Lang) -> Vec<String> {
    let mut said = keys_changed(batch, lang);
    said.extend(tags_and_names(batch, policy, lang));
    said.extend(check_chars(batch, lang));
    said.extend(items_by_part(batch, policy, lang));
    said.extend(date_serials(batch, lang));
    said
}

/// The kinds of notice of a row, each said a screenful at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowNotice {
    UnknownTag,
    TwoNames,
    CheckChar,
    ItemByPart,
}

/// Dates written as spreadsheet serials: one line, at the first of them.
fn date_serials(batch: &Batch, lang: Lang) -> Option<String> {
    let mut serials = (batch.rows.iter()).filter_map(|row| match &row.entry {
        Entry::Valid(i) if batch.claims[*i as usize].date_serial => {
            Some((row.line, batch.claims[*i as usize].date))
        }
        _ => None,
    });
    let (line, date) = serials.next()?;
    Some(lang.words().notice(&Notice::DateSerials {
        file: &batch.source,
        line,
        serial: date.excel_serial(),
        date: &date.to_string(),
        count: 1 + serials.count(),
    }))
}

/// Each item written as a part of an item's name, once, at its first row.
fn items_by_part(batch: &Batch, policy: &Policy, lang: Lang) -> Vec<String> {
    let mut warned = rustc_hash::FxHashSet::default();
    let mut screen = Screen::new();
    for row in &batch.rows {
        let Entry::Valid(i) = &row.entry else {
            continue;
        };
        let claim = &batch.claims[*i as usize];
        let Some(written) = claim.item_part.as_deref() else {
            continue;
        };
        if !warned.insert(written) {
            continue;
        }
        let item = policy.item(claim.item);
        screen.say(RowNotice::ItemByPart, true, || {
            lang.words().notice(&Notice::ItemByPart {
                file: &batch.source,
                line: row.line,
                written,
                id: &item.id,
                name: &item.name.zh,
            })
        });
    }
    screen.lines(lang)
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
    let mut screen = Screen::new();
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
                screen.say(RowNotice::UnknownTag, false, || words.notice(&notice));
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
            screen.say(RowNotice::TwoNames, false, || {
                words.notice(&Notice::TwoNames {
                    file,
                    line,
                    id: &id,
                    first: &crate::text::shown(first),
                    second: &crate::text::shown(name),
                })
            });
        }
    }
    screen.lines(lang)
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
    let mut screen = Screen::new();
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
        screen.say(RowNotice::CheckChar, true, || {
            lang.words().check_char_warning(&warning)
        });
    }
    screen.lines(lang)
}
