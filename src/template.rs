//! `subsidy template`: an empty claims sheet for the office to fill in,
//! with the headers the reader takes, drop-downs for the applicant type and
//! the item, and the catalogue beside it.

use std::io::{self, Write};

use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook, Worksheet, XlsxError};

use crate::claims::Column;
use crate::policy::Policy;
use crate::report::catalogue_rows;
use crate::words::Lang;

/// The sheets of the template. Their names are the office's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateSheet {
    Claims,
    Catalogue,
}

impl TemplateSheet {
    pub const fn name(self) -> &'static str {
        match self {
            TemplateSheet::Claims => "申报",
            TemplateSheet::Catalogue => "目录",
        }
    }
}

/// Rows of the claims sheet that get the drop-downs and formats.
const ROWS: u32 = 1000;

/// The claims file's header row: every column of the contract, then the
/// policy's facts; in Chinese (the first Chinese name of each) or English.
pub fn template_header(policy: &Policy, chinese: bool) -> Vec<String> {
    let mut header: Vec<String> = Column::ALL
        .iter()
        .map(|c| match (chinese, c.chinese_names().first()) {
            // The measures' own level (已获区级其它扶持), which the reader
            // reads as it reads 市级.
            (true, Some(zh)) => zh.replace("市级", &policy.wording.level),
            _ => c.name().to_string(),
        })
        .collect();
    header.extend(policy.facts.iter().map(|f| match chinese {
        true => f.name.zh.clone(),
        false => f.id.clone(),
    }));
    header
}

/// The empty claims file as CSV (with the byte-order mark Excel needs).
pub fn write_template_csv(policy: &Policy, chinese: bool, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(crate::text::BOM)?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(template_header(policy, chinese))?;
    writer.flush()
}

/// The template workbook's bytes.
pub fn template_workbook(policy: &Policy, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let claims = book.add_worksheet();
    claims.set_name(TemplateSheet::Claims.name())?;
    let header = template_header(policy, true);
    for (c, name) in header.iter().enumerate() {
        claims.write_string_with_format(0, c as u16, name, &bold)?;
        claims.set_column_width(c as u16, 16)?;
    }
    claims.set_freeze_panes(1, 0)?;
    let types = policy.applicant_types.len() as u32;
    let items = catalogue_sheet(book.add_worksheet(), policy, lang, &bold)?;
    let claims = book.worksheet_from_index(0)?;
    formats_and_lists(claims, types, items)?;
    book.save_to_buffer()
}

/// Text cells for ids and references (so that Excel never turns a credit
/// code into a number), date cells for dates, the two drop-downs.
fn formats_and_lists(claims: &mut Worksheet, types: u32, items: u32) -> Result<(), XlsxError> {
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for column in Column::ALL {
        let at = column as u16;
        match column {
            Column::Date => claims.set_column_format(at, &date)?,
            Column::Quantity | Column::Amount | Column::Score => claims,
            _ => claims.set_column_format(at, &text)?,
        };
    }
    let catalogue = TemplateSheet::Catalogue.name();
    let list = |col: &str, count: u32| {
        let range = format!("='{catalogue}'!${col}$2:${col}${}", count + 1);
        DataValidation::new()
            .allow_list_formula(Formula::new(range))
            .ignore_blank(true)
    };
    let at = |c: Column| c as u16;
    claims.add_data_validation(
        1,
        at(Column::ApplicantType),
        ROWS,
        at(Column::ApplicantType),
        &list("I", types),
    )?;
    claims.add_data_validation(
        1,
        at(Column::Item),
        ROWS,
        at(Column::Item),
        &list("C", items),
    )?;
    Ok(())
}

/// The catalogue (columns A–G) and the applicant types (column I); the
/// number of items.
fn catalogue_sheet(
    sheet: &mut Worksheet,
    policy: &Policy,
    lang: Lang,
    bold: &Format,
) -> Result<u32, XlsxError> {
    let words = lang.words();
    sheet.set_name(TemplateSheet::Catalogue.name())?;
    for (c, label) in crate::report::CATALOGUE_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, words.label(*label), bold)?;
    }
    // The drop-down offers the Chinese names, which the reader takes.
    let rows = catalogue_rows(policy, lang);
    for (r, row) in rows.iter().enumerate() {
        let name = policy
            .find_item(&row.item)
            .map(|i| policy.item(i).name.zh.clone())
            .unwrap_or_default();
        let cells = [
            &row.clause,
            &row.item,
            &name,
            &row.kind,
            &row.figure,
            &row.who,
            &row.rules,
        ];
        for (c, cell) in cells.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *cell)?;
        }
    }
    let types_header = Column::ApplicantType.chinese_names().first().copied();
    sheet.write_string_with_format(0, 8, types_header.unwrap_or("applicant_type"), bold)?;
    for (r, t) in policy.applicant_types.iter().enumerate() {
        sheet.write_string(r as u32 + 1, 8, &t.name.zh)?;
    }
    sheet.autofit();
    Ok(rows.len() as u32)
}
