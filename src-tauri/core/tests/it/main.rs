//! The core's integration tests, one binary (`cargo test -p portal-core --test it`),
//! against the sandbox over real HTTP and real SQLite files. `support` is the
//! setup they share.

mod support;

mod bad_inputs;
mod documents;
mod email;
mod export;
mod portal;
mod sync;
mod verify;
