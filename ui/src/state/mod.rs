//! One reducer per feature.

pub mod customers;
pub mod onboarding;
pub mod portal;
