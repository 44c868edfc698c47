#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The format-invariance scorer (tests/forms/score.py) counts fields right.
set -u
src=$2
exec python3 "$src/tests/forms/test_score.py"
