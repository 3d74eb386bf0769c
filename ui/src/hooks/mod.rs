//! The window's custom hooks: what several components (or one long one)
//! would otherwise write out inside effects.

mod desk;
mod sync_status;
mod window_event;

pub use desk::{DeskContext, use_desk};
pub use sync_status::{start_sync, use_sync_status};
pub use window_event::{Listen, use_window_event};
