//! ARCHITECTURE.md names every module under `src/` exactly once: each
//! `src/**/*.rs` path appears once in backticks, and every such path it
//! names exists. A new module without its row, or a row left behind by a
//! removed one, fails here.

use std::collections::BTreeMap;
use std::path::Path;

/// Every `.rs` file under `dir`, as a path relative to `root` with `/`.
fn rust_files(root: &Path, dir: &Path, found: &mut Vec<String>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(root, &path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).expect("under the root");
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            found.push(parts.join("/"));
        }
    }
}

/// Every backticked span of `text` that names a `src/….rs` path, counted.
/// Code fences are left out first, so they do not shift which side of a
/// backtick is inside a span.
fn named_paths(text: &str) -> BTreeMap<String, usize> {
    let text = text.replace("```", "");
    let mut named = BTreeMap::new();
    for (i, span) in text.split('`').enumerate() {
        if i % 2 == 1 && span.starts_with("src/") && span.ends_with(".rs") {
            *named.entry(span.to_string()).or_insert(0) += 1;
        }
    }
    named
}

#[test]
fn architecture_names_every_module_under_src_exactly_once() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let named = named_paths(&text);
    let mut files = Vec::new();
    rust_files(root, &root.join("src"), &mut files);
    files.sort();
    assert!(files.len() > 50, "too few files under src/: {files:?}");

    let mut problems = Vec::new();
    for file in &files {
        match named.get(file) {
            Some(1) => {}
            None => problems.push(format!("`{file}` is not named")),
            Some(n) => problems.push(format!("`{file}` is named {n} times")),
        }
    }
    for path in named.keys() {
        if !files.iter().any(|f| f == path) {
            problems.push(format!("`{path}` is named but is no file under src/"));
        }
    }
    assert!(
        problems.is_empty(),
        "ARCHITECTURE.md must name every src/**/*.rs once, by its path in backticks:\n{}",
        problems.join("\n")
    );
}

#[test]
fn backticked_paths_are_counted_and_other_spans_are_not() {
    let named = named_paths(
        "`src/a.rs` and `src/a.rs`, `src/b/` and `cli::main`,\n```\nsrc/d.rs\n```\n`src/c.rs`",
    );
    assert_eq!(named.get("src/a.rs"), Some(&2));
    assert_eq!(named.get("src/c.rs"), Some(&1));
    assert_eq!(named.len(), 2);
}
