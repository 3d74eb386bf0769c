//! One window per data folder: a second launch asks the first to come to the
//! front, then exits.
//!
//! The first instance holds an OS lock on `portal-desk.lock` (released by the
//! OS however the process ends, so a crash leaves nothing stale) and listens
//! for later launches: on a Unix socket, `portal-desk.sock` beside the lock, or
//! on Windows a named pipe named after the data folder. Keyed by data folder
//! rather than by app id, so the demo (its own folder) and the real desk can be
//! open side by side.

use std::fs::{File, TryLockError};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;
use std::sync::Arc;

use channel::Listener;

const LOCK_FILE: &str = "portal-desk.lock";
#[cfg(unix)]
const SOCKET_FILE: &str = "portal-desk.sock";
const FOCUS: &str = "focus";

/// The first instance: holds the lock while alive.
pub struct FirstInstance {
    lock: File,
    listener: Listener,
}

/// What a launch found.
pub enum Launch {
    /// No other window on this data folder.
    First(FirstInstance),
    /// Another window is open; it was asked to come to the front.
    AlreadyRunning,
}

/// Claims `data_dir` (which exists, private: `DataDir::ensure`) for this
/// process, or hands the launch to its owner.
pub fn claim(data_dir: &Path) -> io::Result<Launch> {
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data_dir.join(LOCK_FILE))?;
    match lock.try_lock() {
        Ok(()) => {
            let listener = channel::listen(data_dir)?;
            Ok(Launch::First(FirstInstance { lock, listener }))
        }
        Err(TryLockError::WouldBlock) => {
            // The owner may still be starting; a missed focus only costs a click.
            if let Ok(mut stream) = channel::connect(data_dir) {
                let _ = writeln!(stream, "{FOCUS}");
            }
            Ok(Launch::AlreadyRunning)
        }
        Err(TryLockError::Error(error)) => Err(error),
    }
}

impl FirstInstance {
    /// Calls `on_focus` on a background thread each time a later launch asks.
    pub fn serve(self, on_focus: impl Fn() + Send + Sync + 'static) {
        std::thread::spawn(move || {
            // Held for as long as the process lives.
            let _lock = self.lock;
            self.listener.for_each_request(Arc::new(move |stream| {
                let mut line = String::new();
                // One short line: a stray client can't make this thread buffer much.
                let _ = BufReader::new(stream.take(64)).read_line(&mut line);
                if line.trim() == FOCUS {
                    on_focus();
                }
            }));
        });
    }
}

#[cfg(unix)]
mod channel {
    use std::io;
    use std::os::unix::net::{UnixListener, UnixStream};
    use std::path::Path;
    use std::sync::Arc;

    use super::SOCKET_FILE;

    /// A connection that says nothing for this long is dropped, so an idle
    /// client can't keep later launches from bringing the window forward.
    const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(1);

    pub struct Listener(UnixListener);

    pub fn listen(data_dir: &Path) -> io::Result<Listener> {
        let socket = data_dir.join(SOCKET_FILE);
        // Left by an instance that was killed: nobody listens on it.
        let _ = std::fs::remove_file(&socket);
        UnixListener::bind(&socket).map(Listener)
    }

    pub fn connect(data_dir: &Path) -> io::Result<UnixStream> {
        UnixStream::connect(data_dir.join(SOCKET_FILE))
    }

    impl Listener {
        /// One request at a time; a client that says nothing is dropped after
        /// the read timeout.
        pub fn for_each_request(&self, handle: Arc<dyn Fn(UnixStream) + Send + Sync>) {
            for stream in self.0.incoming().flatten() {
                if stream.set_read_timeout(Some(READ_TIMEOUT)).is_ok() {
                    handle(stream);
                }
            }
        }
    }
}

#[cfg(windows)]
mod channel {
    use std::io;
    use std::path::Path;
    use std::sync::Arc;

    use interprocess::local_socket::{GenericNamespaced, ListenerOptions, Stream, prelude::*};

    pub struct Listener(interprocess::local_socket::Listener);

    /// `\\.\pipe\portal-desk-HASH`, HASH naming the data folder. Windows
    /// paths ignore case, so the name does too. FNV-1a, because the name must
    /// be the same for every build that opens this folder.
    fn pipe_name(data_dir: &Path) -> String {
        let path = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
        let folded = path.to_string_lossy().to_lowercase();
        let hash = folded
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
            });
        format!("portal-desk-{hash:016x}")
    }

    pub fn listen(data_dir: &Path) -> io::Result<Listener> {
        let name = pipe_name(data_dir).to_ns_name::<GenericNamespaced>()?;
        ListenerOptions::new()
            .name(name)
            .create_sync()
            .map(Listener)
    }

    pub fn connect(data_dir: &Path) -> io::Result<Stream> {
        Stream::connect(pipe_name(data_dir).to_ns_name::<GenericNamespaced>()?)
    }

    impl Listener {
        /// A pipe has no read timeout, so each request is read on its own
        /// thread: a client that says nothing holds only that thread.
        pub fn for_each_request(&self, handle: Arc<dyn Fn(Stream) + Send + Sync>) {
            for stream in self.0.incoming().flatten() {
                let handle = Arc::clone(&handle);
                std::thread::spawn(move || handle(stream));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    /// A folder claimed by a first instance that serves focus requests; each
    /// request arrives on the receiver.
    fn first_instance_serving() -> (tempfile::TempDir, mpsc::Receiver<()>) {
        let dir = tempfile::tempdir().expect("a temp dir");
        let Launch::First(first) = claim(dir.path()).expect("claim") else {
            panic!("the first launch owns the folder");
        };
        let (focused, asked) = mpsc::channel();
        first.serve(move || {
            let _ = focused.send(());
        });
        (dir, asked)
    }

    #[test]
    fn a_second_launch_focuses_the_first_and_a_third_works_after_it_ends() {
        let (dir, asked) = first_instance_serving();
        assert!(matches!(
            claim(dir.path()).expect("claim"),
            Launch::AlreadyRunning
        ));
        asked
            .recv_timeout(Duration::from_secs(10))
            .expect("the first instance was asked to come to the front");

        let other = tempfile::tempdir().expect("a temp dir");
        assert!(
            matches!(claim(other.path()).expect("claim"), Launch::First(_)),
            "another data folder is another desk"
        );
    }

    #[test]
    fn a_claim_never_makes_the_data_folder_itself() {
        // `run_gui` makes it first, private; a folder made here would take the
        // umask's mode (0755) until something tightened it.
        let dir = tempfile::tempdir().expect("a temp dir");
        let missing = dir.path().join("not-yet");
        assert!(claim(&missing).is_err());
        assert!(!missing.exists());
    }

    #[test]
    fn an_idle_connection_does_not_block_the_next_launch() {
        let (dir, asked) = first_instance_serving();
        // Connects and never writes, never closes.
        let _idle = channel::connect(dir.path()).expect("connect");
        assert!(matches!(
            claim(dir.path()).expect("claim"),
            Launch::AlreadyRunning
        ));
        asked
            .recv_timeout(Duration::from_secs(30))
            .expect("the launch after an idle client still brings the window forward");
    }

    #[test]
    fn a_killed_instance_leaves_nothing_that_blocks_the_next() {
        let dir = tempfile::tempdir().expect("a temp dir");
        // What a kill -9 leaves: the socket file (on Unix), and no lock (the
        // OS drops it).
        #[cfg(unix)]
        std::fs::write(dir.path().join(SOCKET_FILE), b"").expect("stale socket");
        std::fs::write(dir.path().join(LOCK_FILE), b"").expect("old lock file");
        assert!(matches!(
            claim(dir.path()).expect("claim"),
            Launch::First(_)
        ));
    }
}
