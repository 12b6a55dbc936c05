//! `subsidy policy diff P1 P2`: every figure that differs between two
//! policy files, baseline and alternative side by side. Both files are
//! loaded first, so a file the loader refuses is reported as such.

use std::path::Path;

use super::sheet::{write_sections, Section};
use crate::error::Error;
use crate::policy::load;
use crate::whatif::figures::{comparable, figures, FigureSlot};
use crate::whatif::{WhatIfFact, WhatIfLabel};
use crate::words::Lang;

/// The keys whose figures differ (or that one file lacks), in the
/// baseline's order, then the alternative's own keys.
pub fn differing(
    base: &[FigureSlot],
    alt: &[FigureSlot],
) -> Vec<(String, Option<String>, Option<String>)> {
    let find = |slots: &[FigureSlot], key: &str| slots.iter().find(|s| s.key == key).cloned();
    let mut out = Vec::new();
    for b in base {
        match find(alt, &b.key) {
            Some(a) if comparable(&a) == comparable(b) => {}
            a => out.push((b.key.clone(), Some(b.written.clone()), a.map(|a| a.written))),
        }
    }
    for a in alt {
        if find(base, &a.key).is_none() {
            out.push((a.key.clone(), None, Some(a.written.clone())));
        }
    }
    out
}

pub fn run(base: &Path, alt: &Path, lang: Lang) -> Result<(), Error> {
    let (base_name, base_text) = super::whatif::policy_text(Some(base))?;
    let (alt_name, alt_text) = super::whatif::policy_text(Some(alt))?;
    load(&base_name, &base_text)?;
    load(&alt_name, &alt_text)?;
    let rows = differing(
        &figures(&base_text).unwrap_or_default(),
        &figures(&alt_text).unwrap_or_default(),
    );
    let words = lang.words();
    let l = |label| words.whatif_label(label).to_string();
    let absent = l(WhatIfLabel::Absent);
    let note = rows
        .is_empty()
        .then(|| words.whatif_fact(&WhatIfFact::NoDifference));
    let section = Section {
        title: l(WhatIfLabel::PolicyDiff),
        header: vec![
            l(WhatIfLabel::Key),
            l(WhatIfLabel::Base),
            l(WhatIfLabel::Alt),
        ],
        rows: rows
            .into_iter()
            .map(|(key, b, a)| {
                vec![
                    key,
                    b.unwrap_or_else(|| absent.clone()),
                    a.unwrap_or_else(|| absent.clone()),
                ]
            })
            .collect(),
        right_from: 1,
        note,
    };
    let sides = WhatIfFact::Sides {
        base: &base_name,
        base_overrides: &[],
        alt: &alt_name,
        alt_overrides: &[],
    };
    super::write_stdout(|out| {
        let out: &mut dyn std::io::Write = &mut crate::text::Terminal::new(out);
        writeln!(out, "{}", words.whatif_fact(&sides))?;
        write_sections(&[section], out)
    })
}
