//! One reducer per feature, and the sync loop's arithmetic (`sync`).

pub mod bulk;
pub mod configurations;
pub mod customers;
pub mod onboarding;
pub mod portal;
pub mod settings;
pub mod sync;
