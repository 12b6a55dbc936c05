//! `subsidy explain`: how claims of a batch were decided, read from the
//! trace the engine recorded while it decided them.

use std::io::Write;

use crate::claims::Entry;
use crate::cli::ExplainArgs;
use crate::engine;
use crate::error::{Error, Found};
use crate::report::{derivation, draft_notice, invalid_reason, Applicant};
use crate::words::{Lang, Notice};

pub fn run(args: &ExplainArgs, lang: Lang) -> Result<(), Error> {
    let policy = super::whatif::load_announced(&args.sources, lang)?;
    let (batch, prior) = super::read_batch(
        Some(&args.claims),
        &args.sources,
        &policy,
        Default::default(),
    )?;
    let (outcomes, traces) = engine::run_traced(&policy, &batch.claims, &prior);

    let wanted_ids: Vec<&str> = args.claim.iter().map(|c| c.trim()).collect();
    let applicant_key = args.applicant.as_deref().map(crate::text::applicant_key);
    let mut found = vec![false; wanted_ids.len()];
    let mut texts = Vec::new();
    for row in &batch.rows {
        let id = batch.claim_id_of(row);
        let by_id = wanted_ids.iter().position(|w| *w == id);
        let by_applicant = applicant_key.as_deref()
            == Some(crate::text::applicant_key(batch.applicant_id(row)).as_ref());
        if let Some(i) = by_id {
            found[i] = true;
        }
        if by_id.is_none() && !by_applicant {
            continue;
        }
        texts.push(match &row.entry {
            Entry::Valid(i) => {
                let i = *i as usize;
                derivation(
                    &policy,
                    &batch.claims[i],
                    Applicant {
                        id: batch.applicant_id(row),
                        name: batch.applicant_name(row),
                    },
                    (&outcomes[i], &traces[i]),
                    None,
                    lang,
                )
            }
            Entry::Invalid(bad) => lang.words().notice(&Notice::InvalidClaim {
                id,
                file: &batch.source,
                line: row.line,
                reason: &invalid_reason(bad, lang),
            }),
        });
    }
    let missing: Vec<&str> = wanted_ids
        .iter()
        .zip(&found)
        .filter(|(_, f)| !**f)
        .map(|(w, _)| *w)
        .collect();
    if texts.is_empty() && missing.is_empty() {
        return Err(Error::Found(Found::NoClaimsOfApplicant {
            file: batch.source.clone(),
            applicant: args.applicant.clone().unwrap_or_default(),
        }));
    }
    super::write_stdout(|out: &mut dyn Write| {
        let out = &mut crate::text::Terminal::new(out);
        if let Some(notice) = draft_notice(&policy, lang) {
            writeln!(out, "{notice}")?;
        }
        for (n, text) in texts.iter().enumerate() {
            if n > 0 {
                writeln!(out)?;
            }
            out.write_all(text.as_bytes())?;
        }
        Ok(())
    })?;
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::Found(Found::NoSuchClaims {
            file: batch.source.clone(),
            ids: missing.iter().map(|m| m.to_string()).collect(),
        }))
    }
}
