# shellcheck shell=bash
# SPDX-License-Identifier: MIT
# Sourced by the script tests. ctest reports a test that exits with
# OST_SKIP (its SKIP_RETURN_CODE) as skipped, not failed: tests that need
# ../shared (public documents kept outside this repository) skip without it.
OST_SKIP=77

# ost_skip WHY: say why the test is skipped, and exit as skipped.
ost_skip() {
  echo "SKIPPED: $*"
  exit $OST_SKIP
}
