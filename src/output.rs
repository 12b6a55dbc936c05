//! Writing an output file (`--out`) so that it is safe to run as root on the
//! finance bureau's files:
//!
//! - a regular file (or a name not yet taken) is replaced whole: the output
//!   goes to a temporary file in the same directory, created exclusively
//!   (on Linux an unnamed `O_TMPFILE`, so a killed process leaves nothing
//!   behind), synced, given the old file's mode and owner, linked under a
//!   random name, renamed into place, and the directory is synced;
//! - a symbolic link is followed, and its target written as above;
//! - a device node, FIFO or other special file is opened and written in
//!   place, never replaced or renamed onto.
//!
//! A write that fails leaves the earlier file of that name as it was.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, BufWriter, ErrorKind, Write};
#[cfg(unix)]
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// Writes the output `write` produces to `path` as described above; a
/// failure names `path` and the system's reason.
pub fn write_file_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    write_to(path, write).map_err(|source| Error::Write {
        path: path.display().to_string(),
        source,
    })
}

/// Refuses an `--out` that is one of the run's `inputs` (`-` is standard
/// input, never a file): the same file however it is named, through links,
/// `..` or a second hard link, by device and inode where there are such.
/// Called before anything is read, so nothing is half done.
pub fn out_is_not_input(out: Option<&Path>, inputs: &[&Path]) -> Result<(), Error> {
    let Some(out) = out else {
        return Ok(());
    };
    let Ok(written) = fs::metadata(out) else {
        // Not there yet (or not to be looked at): no input can be it.
        return Ok(());
    };
    for input in inputs.iter().filter(|p| **p != Path::new("-")) {
        let Ok(read) = fs::metadata(input) else {
            continue;
        };
        if same_file(out, &written, input, &read) {
            return Err(Error::Usage(crate::error::Usage::OutIsInput {
                out: out.display().to_string(),
                input: input.display().to_string(),
            }));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(_: &Path, a: &Metadata, _: &Path, b: &Metadata) -> bool {
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(a: &Path, _: &Metadata, b: &Path, _: &Metadata) -> bool {
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

fn write_to(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let target = follow_links(path)?;
    match fs::metadata(&target) {
        Ok(meta) if meta.is_file() => replace(&target, Some(&meta), write),
        Ok(meta) if meta.is_dir() => Err(io::Error::new(ErrorKind::IsADirectory, "is a directory")),
        Ok(_) => write_in_place(&target, write),
        Err(e) if e.kind() == ErrorKind::NotFound => replace(&target, None, write),
        Err(e) => Err(e),
    }
}

/// The path a chain of symbolic links ends at (which may not exist yet).
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) => dir.join(link),
                    None => link,
                };
            }
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(path),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// A device node, FIFO or socket: written where it is.
fn write_in_place(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let file = OpenOptions::new().write(true).open(target)?;
    let mut out = BufWriter::with_capacity(1 << 16, &file);
    write(&mut out)?;
    out.flush()
}

/// A regular file, or a new one: through a temporary file renamed onto it.
fn replace(
    target: &Path,
    old: Option<&Metadata>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(ErrorKind::InvalidInput, "not a file name"))?;
    // A new file is made as `>` would make it (0666 less the umask); one
    // that replaces another is private until it is given the old mode.
    let mode = if old.is_some() { 0o600 } else { 0o666 };
    // `.NAME.<random>.tmp`, created exclusively.
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut names = tempfile::Builder::new();
    names.prefix(&prefix).suffix(".tmp").rand_bytes(12);
    #[cfg(target_os = "linux")]
    if let Some(file) = unnamed_in(dir, mode) {
        fill(&file, old, write)?;
        let linked = names.make_in(dir, |p| link_unnamed(&file, p))?;
        linked.persist(target).map_err(|e| e.error)?;
        return sync_dir(dir);
    }
    let temp = names.make_in(dir, |p| create_new(p, mode))?;
    fill(temp.as_file(), old, write)?;
    temp.persist(target).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// The output, synced, with the old file's owner and mode.
fn fill(
    file: &File,
    old: Option<&Metadata>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, file);
    write(&mut out)?;
    out.flush()?;
    drop(out);
    if let Some(old) = old {
        keep_owner_and_mode(file, old)?;
    }
    file.sync_all()
}

/// A file created only if the name is free, with `mode` where files have one.
fn create_new(path: &Path, mode: u32) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    options.mode(mode);
    #[cfg(not(unix))]
    let _ = mode;
    options.open(path)
}

/// The old file's owner (where the process may set it) and mode.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, old: &Metadata) -> io::Result<()> {
    // The owner first: changing it clears set-id bits the mode restores.
    match std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())) {
        Err(e) if e.kind() == ErrorKind::PermissionDenied => {}
        other => other?,
    }
    file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))
}

/// Windows has no owner to keep here; its read-only flag is kept.
#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, old: &Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

/// A file without a name in `dir` (`O_TMPFILE`), when the kernel, the file
/// system and `/proc` allow giving it one later.
#[cfg(target_os = "linux")]
fn unnamed_in(dir: &Path, mode: u32) -> Option<File> {
    if !Path::new("/proc/self/fd").is_dir() {
        return None;
    }
    OpenOptions::new()
        .read(true)
        .write(true)
        .mode(mode)
        .custom_flags(rustix::fs::OFlags::TMPFILE.bits() as i32)
        .open(dir)
        .ok()
}

/// Gives the unnamed file `file` the name `path` (failing if it is taken).
#[cfg(target_os = "linux")]
fn link_unnamed(file: &File, path: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = format!("/proc/self/fd/{}", file.as_raw_fd());
    rustix::fs::linkat(
        rustix::fs::CWD,
        fd.as_str(),
        rustix::fs::CWD,
        path,
        rustix::fs::AtFlags::SYMLINK_FOLLOW,
    )
    .map_err(io::Error::from)
}

/// Makes the rename durable. A file system that cannot sync a directory is
/// not an error; Windows opens no directory as a file.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir).and_then(|d| d.sync_all()) {
        Err(e) if matches!(e.kind(), ErrorKind::InvalidInput | ErrorKind::Unsupported) => Ok(()),
        other => other,
    }
}
