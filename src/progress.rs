//! A progress bar on stderr for a long batch: reading, the pass, writing,
//! with rows per second. Only when stderr is a terminal, the input is a
//! file larger than `THRESHOLD` and `--quiet` was not given: a script or a
//! pipe never sees it, and stdout never carries it.

use std::io::{self, IsTerminal, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::words::{Lang, Notice, Stage};

/// Inputs smaller than this finish before a bar would be worth reading.
pub const THRESHOLD: u64 = 20 * 1024 * 1024;

const TICK: Duration = Duration::from_millis(200);

static QUIET: AtomicBool = AtomicBool::new(false);

/// `--quiet`: no progress bar, whatever the input.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

/// Whether a run over an input of `size` bytes shows a bar.
pub fn wanted(size: Option<u64>, stderr_is_terminal: bool, quiet: bool) -> bool {
    stderr_is_terminal && !quiet && size.is_some_and(|s| s > THRESHOLD)
}

/// The bar of one run, or nothing.
#[derive(Clone)]
pub struct Progress {
    bar: Option<ProgressBar>,
    lang: Lang,
}

impl Progress {
    pub fn none() -> Progress {
        Progress {
            bar: None,
            lang: Lang::Zh,
        }
    }

    /// A bar for reading `size` bytes, when `wanted`.
    pub fn for_input(size: Option<u64>, lang: Lang) -> Progress {
        let quiet = QUIET.load(Ordering::Relaxed);
        if !wanted(size, io::stderr().is_terminal(), quiet) {
            return Progress::none();
        }
        let bar = ProgressBar::with_draw_target(size, ProgressDrawTarget::stderr_with_hz(4));
        let progress = Progress {
            bar: Some(bar),
            lang,
        };
        progress.stage(Stage::Reading, size.unwrap_or(0));
        progress
    }

    /// Starts a stage whose end is `length` (bytes for reading, rows
    /// after).
    pub fn stage(&self, stage: Stage, length: u64) {
        if let Some(bar) = &self.bar {
            // The pass is a pure function that reports nothing while it
            // runs: a spinner says it is alive; reading and writing fill a
            // bar.
            let (template, tick) = match stage {
                Stage::Deciding => ("{prefix} {spinner} {elapsed} {msg}", Some(TICK)),
                Stage::Reading | Stage::Writing => {
                    ("{prefix} {wide_bar} {percent:>3}% {elapsed} {msg}", None)
                }
            };
            let style = ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            match tick {
                Some(every) => bar.enable_steady_tick(every),
                None => bar.disable_steady_tick(),
            }
            bar.set_prefix(self.lang.words().stage(stage));
            bar.set_length(length);
            bar.set_position(0);
            bar.reset_elapsed();
            bar.set_message("");
        }
    }

    fn advance(&self, position: u64, rows: u64) {
        if let Some(bar) = &self.bar {
            // The bar's length is the file's size; a GB18030 or UTF-16 file
            // is counted after decoding, which can be longer.
            let end = bar.length().unwrap_or(position);
            bar.set_position(position.min(end));
            let seconds = bar.elapsed().as_secs_f64().max(1e-3);
            let notice = Notice::Rows {
                rows,
                per_second: (rows as f64 / seconds) as u64,
            };
            bar.set_message(self.lang.words().notice(&notice));
        }
    }

    /// Runs `f` (which writes to stderr) with the bar out of its way.
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// `input`, counting its bytes and lines into the bar.
    pub fn reading<R: Read>(&self, input: R) -> Counted<R> {
        Counted::new(input, self.clone(), false)
    }

    /// `out`, counting its lines (rows) into the bar.
    pub fn writing<W: Write>(&self, out: W) -> Counted<W> {
        Counted::new(out, self.clone(), true)
    }
}

/// A reader or writer that tells the bar how far it has come, a few times a
/// second at most.
pub struct Counted<T> {
    inner: T,
    progress: Progress,
    bytes: u64,
    lines: u64,
    /// Rows rather than bytes are the bar's position (writing).
    by_rows: bool,
    last: Instant,
}

impl<T> Counted<T> {
    fn new(inner: T, progress: Progress, by_rows: bool) -> Counted<T> {
        Counted {
            inner,
            progress,
            bytes: 0,
            lines: 0,
            by_rows,
            last: Instant::now(),
        }
    }

    fn count(&mut self, bytes: &[u8]) {
        if self.progress.bar.is_none() {
            return;
        }
        self.bytes += bytes.len() as u64;
        self.lines += bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        if self.last.elapsed() >= Duration::from_millis(200) {
            self.last = Instant::now();
            let position = if self.by_rows { self.lines } else { self.bytes };
            self.progress.advance(position, self.lines);
        }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count(&buf[..n]);
        Ok(n)
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.count(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_only_for_a_large_file_on_a_terminal_without_quiet() {
        let big = Some(THRESHOLD + 1);
        assert!(wanted(big, true, false));
        assert!(!wanted(big, false, false), "stderr not a terminal");
        assert!(!wanted(big, true, true), "--quiet");
        assert!(!wanted(Some(THRESHOLD), true, false), "20 MB or less");
        assert!(!wanted(None, true, false), "standard input, size unknown");
    }

    #[test]
    fn without_a_bar_the_bytes_pass_through_untouched() {
        let mut read = Progress::none().reading(&b"a,b\n1,2\n"[..]);
        let mut text = String::new();
        read.read_to_string(&mut text).expect("reads");
        assert_eq!(text, "a,b\n1,2\n");
        let mut out = Progress::none().writing(Vec::new());
        out.write_all(b"x\ny\n").expect("writes");
        assert_eq!(out.inner, b"x\ny\n");
    }
}
