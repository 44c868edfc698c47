# SPDX-License-Identifier: MIT
# Sourced by the golden and XML tests. tests/golden/improve.txt names the
# samples whose reviewed expected output ost does not produce yet (written
# by hand from what the page says): their differences are reported as work
# to do, not failures. Remove a sample from the list once it passes.
# Usage: expected_to_improve SRC NAME  (status 0 when NAME is listed)
expected_to_improve() {
  sed 's/#.*//; s/[[:space:]]*$//' "$1/tests/golden/improve.txt" 2>/dev/null | grep -qxF "$2"
}
