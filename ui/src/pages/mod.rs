pub mod activity;
pub mod bulk;
pub mod configurations;
pub mod customers;
pub mod desk;
pub mod detail;
pub mod email;
pub mod onboarding;
