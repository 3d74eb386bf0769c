//! One reducer per feature.

pub mod onboarding;
