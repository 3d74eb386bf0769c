//! A profile's files besides its record: the cache (kept open between
//! requests) and the saved invoice PDFs, their size on disk, and clearing them.

use std::path::{Path, PathBuf};

use super::{ProfileName, Profiles};
use crate::cache::PooledCache;
use crate::error::Error;

impl Profiles {
    /// The cache file of `profile` (one SQLite file per profile).
    pub fn cache_path(&self, profile: &ProfileName) -> PathBuf {
        self.data_dir
            .path()
            .join(format!("cache-{}.sqlite3", profile.as_str()))
    }

    /// The saved invoice PDFs of `profile`.
    pub fn invoice_files(&self, profile: &ProfileName) -> crate::InvoiceFiles {
        crate::InvoiceFiles::new(self.invoice_dir(profile))
    }

    fn invoice_dir(&self, profile: &ProfileName) -> PathBuf {
        self.data_dir
            .path()
            .join(format!("invoices-{}", profile.as_str()))
    }

    /// The cache file of `profile` with SQLite's journal files beside it.
    fn cache_files(&self, profile: &ProfileName) -> [PathBuf; 3] {
        let main = self.cache_path(profile);
        let beside = |suffix: &str| {
            let mut name = main.clone().into_os_string();
            name.push(suffix);
            PathBuf::from(name)
        };
        [beside("-wal"), beside("-shm"), main]
    }

    /// Bytes on disk: the cache of `profile`, and its saved invoice PDFs.
    pub fn cache_size(&self, profile: &ProfileName) -> (u64, u64) {
        let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
        let cache = self.cache_files(profile).iter().map(|p| size(p)).sum();
        let pdfs = std::fs::read_dir(self.invoice_dir(profile))
            .map(|entries| entries.flatten().map(|e| size(&e.path())).sum())
            .unwrap_or(0);
        (cache, pdfs)
    }

    /// Deletes the cache of `profile` and its saved PDFs; the next sync reads
    /// everything again. Keys and settings stay. No connection to the cache may
    /// be open (the caller waits for syncs to end).
    pub fn clear_cache(&self, profile: &ProfileName) -> Result<(), Error> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| Error::DataDir { path, source }
        };
        self.caches.forget(&self.cache_path(profile));
        // The main file last: a crash midway leaves a file SQLite still opens.
        for path in self.cache_files(profile) {
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&path)(e)),
                _ => {}
            }
        }
        let pdfs = self.invoice_dir(profile);
        match std::fs::remove_dir_all(&pdfs) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&pdfs)(e)),
            _ => Ok(()),
        }
    }

    /// The cache of `profile`, kept open between calls (see [`CachePool`]),
    /// creating the data folder and the file if needed.
    pub fn open_cache(&self, profile: &ProfileName) -> Result<PooledCache, Error> {
        self.data_dir.ensure().map_err(|source| Error::DataDir {
            path: self.data_dir.path().to_owned(),
            source,
        })?;
        Ok(self.caches.open(&self.cache_path(profile))?)
    }
}
