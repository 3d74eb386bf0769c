//! One reducer per feature.

pub mod bulk;
pub mod configurations;
pub mod customers;
pub mod onboarding;
pub mod portal;
pub mod settings;
