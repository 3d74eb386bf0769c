//! What every part of the desk reads: the profile on screen, whether Stripe
//! can be reached, and the key's mode. The desk provides it; its parts read
//! it with [`use_desk`] instead of taking it as props.

use portal_ipc::Mode;
use yew::prelude::*;

/// The desk's shared state, from its `ContextProvider`.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskContext {
    /// The profile on screen.
    pub profile: AttrValue,
    /// Stripe could not be reached the last time the window tried: the
    /// actions that need it wait.
    pub offline: bool,
    /// The mode of the profile's key.
    pub mode: Mode,
}

/// The desk's [`DeskContext`]. Only the desk's parts call it: they render
/// inside its provider.
#[hook]
pub fn use_desk() -> DeskContext {
    use_context::<DeskContext>().expect("a desk component renders inside the desk's provider")
}
