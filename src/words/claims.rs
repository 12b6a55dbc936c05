//! The words of the claims facts.

pub trait ClaimsWords {}
