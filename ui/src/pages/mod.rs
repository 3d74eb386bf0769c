//! Screens.

pub mod onboarding;
