//! The words of the report facts.

pub trait ReportWords {}
