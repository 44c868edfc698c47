# SPDX-License-Identifier: MIT
# Shared by scripts/demo and scripts/test: install what is missing, build.
# Sourced, not run.

# Debian bookworm packages the build and the tests need.
OST_BUILD_PACKAGES="build-essential cmake pkg-config libglib2.0-dev libpoppler-glib-dev
  libxml2-dev libzip-dev libssl-dev libcmocka-dev libpcre2-dev libsqlite3-dev libjson-glib-dev wbritish-small wbritish wbritish-large wbritish-huge
  hunspell-en-gb scowl"
OST_TEST_PACKAGES="python3 python3-jsonschema libxml2-utils poppler-utils time sqlite3 valgrind
  libreoffice-calc python3-uno xvfb fonts-dejavu-core chromium libreoffice-writer"
# The fuzz harnesses and the sanitizer build (scripts/fuzz, .ci/run): clang
# with libFuzzer and the sanitizer runtimes.
OST_FUZZ_PACKAGES="clang libclang-rt-14-dev"
# Only for the maintainer tool scripts/make-sample-pdfs (the tests use the
# committed PDFs): cairo/Pango from Python, LibreOffice, qpdf, fonts.
OST_SAMPLE_PACKAGES="python3 python3-gi python3-gi-cairo python3-cairo gir1.2-pango-1.0
  libreoffice-writer qpdf poppler-utils fonts-dejavu-core fonts-liberation2"

ost_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ost_build=${OST_BUILD_DIR:-$ost_root/build}

ost_say() { printf '==> %s\n' "$*" >&2; }

# Install the packages among "$@" that are not installed yet.
ost_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  ost_say "installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq || return 1
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || return 1
}

# Extra arguments go to cmake ("-DOST_SANITIZE=ON").
ost_configure_and_build() {
  ost_say "building in $ost_build"
  cmake -S "$ost_root" -B "$ost_build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null || return 1
  cmake --build "$ost_build" -j"$(nproc)" || return 1
}
