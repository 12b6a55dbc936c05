#!/usr/bin/env bash
# Builds the release zips, one per platform:
#   dist/out/subsidy-VERSION-linux-x86_64.zip    subsidy      (x86_64-unknown-linux-gnu)
#   dist/out/subsidy-VERSION-windows-x86_64.zip  subsidy.exe  (x86_64-pc-windows-gnu, MinGW-w64)
# each holding one folder with the binary, README.md, docs/, LICENSE, policy/ (the
# bundled policy and its cases), samples/, SHA256SUMS (of the files beside
# it) and, on Windows, run-sample.bat. dist/out/SHA256SUMS lists the zips.
#
# Needs the Rust toolchain with the x86_64-pc-windows-gnu target
# (`rustup target add x86_64-pc-windows-gnu`), x86_64-w64-mingw32-gcc
# (Debian: gcc-mingw-w64-x86-64), zip and sha256sum. With wine installed it
# also runs tests/windows.rs against the .exe that goes into the zip.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
out=dist/out
rm -rf "$out"
mkdir -p "$out/stage"

for tool in x86_64-w64-mingw32-gcc zip sha256sum; do
  command -v "$tool" >/dev/null || { echo "dist/build.sh: $tool is not installed" >&2; exit 1; }
done

nice cargo build --release --locked --target x86_64-unknown-linux-gnu
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  nice cargo build --release --locked --target x86_64-pc-windows-gnu

# Files in the zips carry the commit's time, not the build's.
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)

# stage PLATFORM BINARY [EXTRA...]: one folder, zipped.
stage() {
  local platform=$1 binary=$2
  shift 2
  local name="subsidy-$version-$platform"
  local dir="$out/stage/$name"
  mkdir -p "$dir/policy" "$dir/samples"
  cp "$binary" "$dir/"
  cp README.md LICENSE "$dir/"
  cp -R docs "$dir/"
  cp policy/lianzhou-2024.toml policy/lianzhou-2024.cases.toml "$dir/policy/"
  cp samples/*.csv "$dir/samples/"
  for extra in "$@"; do
    # A .bat wants CRLF line ends.
    sed 's/\r*$/\r/' "$extra" >"$dir/$(basename "$extra")"
  done
  (cd "$dir" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort |
    xargs sha256sum >SHA256SUMS)
  find "$dir" -exec touch -h -d "@$stamp" {} +
  (cd "$out/stage" && find "$name" | LC_ALL=C sort | zip -q -X -@ "../$name.zip")
  if unzip -l "$out/$name.zip" | grep -qi 'bcryptprimitives'; then
    echo "dist/build.sh: the Wine test DLL must not ship" >&2
    exit 1
  fi
}

target=${CARGO_TARGET_DIR:-target}
stage linux-x86_64 "$target/x86_64-unknown-linux-gnu/release/subsidy"
stage windows-x86_64 "$target/x86_64-pc-windows-gnu/release/subsidy.exe" dist/windows/run-sample.bat

(cd "$out" && sha256sum -- *.zip >SHA256SUMS)

"$out/stage/subsidy-$version-linux-x86_64/subsidy" --version
if command -v wine >/dev/null; then
  SUBSIDY_EXE="$PWD/$out/stage/subsidy-$version-windows-x86_64/subsidy.exe" \
    cargo test --locked --test it windows::
else
  echo "skipped: wine is not installed, the .exe was not run" >&2
fi
rm -rf "$out/stage"
ls -l "$out"
cat "$out/SHA256SUMS"
