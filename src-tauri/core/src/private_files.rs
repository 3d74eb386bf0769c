//! Files and folders for this user only. On Unix every folder the app makes is
//! 0700 and every file 0600, whatever the umask. On Windows a new file takes
//! the ACL of its folder, and the data folder sits in the user's own profile
//! (`%APPDATA%`), which only that user (and administrators) can read.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `path` and any missing parents, each new one private (0700).
pub fn create_dir_all(path: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)
}

/// Creates (or empties) the file at `path`, readable by this user only (0600),
/// even if an earlier file there was not.
pub fn create_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    private(&mut options).open(path).and_then(made_private)
}

/// Creates the file at `path` (0600) if it doesn't exist; an existing one is
/// left as it is, content and mode (the cache, whose mode was set when made).
pub fn create_or_keep(path: &Path) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    private(&mut options).open(path).map(drop)
}

/// `options` creating files 0600.
fn private(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// `file`, made 0600 even if it existed with another mode.
fn made_private(file: File) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(file)
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn new_folders_and_files_are_private_even_over_an_open_one() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let nested = dir.path().join("a/b");
        create_dir_all(&nested)?;
        assert_eq!((mode(&dir.path().join("a")), mode(&nested)), (0o700, 0o700));

        let file = nested.join("f.csv");
        std::fs::write(&file, b"old")?;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644))?;
        create_file(&file)?;
        assert_eq!(mode(&file), 0o600, "an existing file is made private too");
        assert_eq!(std::fs::read(&file)?, b"", "and emptied");
        Ok(())
    }
}
