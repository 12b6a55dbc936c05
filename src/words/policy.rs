//! The words of the policy facts.

pub trait PolicyWords {}
