#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The header row of every sheet stays on screen when scrolling: LibreOffice,
# run with a real (virtual) display, reports frozen panes on each sheet of
# an ost workbook. Headless LibreOffice has no view to ask, so this starts
# Xvfb and a LibreOffice that listens on a private pipe.
set -u
ost=$1 src=$2
tmp=$(mktemp -d)
pids=()
office=""
# The office quits by itself when the check is done (and removes its pipes
# from /tmp); it is killed only if it has not after a few seconds.
cleanup() {
  if [ -n "$office" ]; then
    for _ in $(seq 50); do kill -0 "$office" 2>/dev/null || break; sleep 0.2; done
  fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
pass=0 fail=0
for tool in Xvfb soffice /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "FAIL $tool not found (scripts/test installs it)"; exit 1; }
done
/usr/bin/python3 -c 'import uno' 2>/dev/null || { echo "FAIL python3-uno missing"; exit 1; }

cd "$src" || exit 1
"$ost" convert -q --combine -t ods -o "$tmp/book.ods" \
  samples/002-standard-proposal-ST1030-pdf.txt samples/000-occupational-map-protective-services.txt \
  samples/003-nos-functional-map-justice.txt samples/001-occupation-OCC0509-page.txt || exit 1

# A display of our own, numbered away from :0 and from other runs. Xvfb's
# socket appears before the server accepts clients; -displayfd says when it
# is ready. -noreset: a server resets when its last client leaves, and
# LibreOffice's launcher connects and leaves before the office itself does.
start_xvfb() {
  local d
  for _ in $(seq 20); do
    d=$((RANDOM % 900 + 100))
    [ -e "/tmp/.X$d-lock" ] && continue
    : > "$tmp/ready"
    Xvfb ":$d" -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$tmp/ready" 2>"$tmp/xvfb.log" &
    pids+=($!)
    for _ in $(seq 300); do
      [ -s "$tmp/ready" ] && { export DISPLAY=":$d"; return 0; }
      kill -0 "${pids[-1]}" 2>/dev/null || break
      sleep 0.1
    done
  done
  return 1
}
start_xvfb || { echo "FAIL Xvfb did not start"; cat "$tmp/xvfb.log"; exit 1; }
pipe="ost-test-$$"
soffice -env:UserInstallation="file://$tmp/profile" --norestore --nologo --nodefault \
  --accept="pipe,name=$pipe;urp;" >"$tmp/soffice.log" 2>&1 &
office=$!
pids+=("$office")

timeout 120 /usr/bin/python3 "$src/tests/support/ods_view_check.py" "pipe,name=$pipe" "$tmp/book.ods" > "$tmp/view.txt"
if [ ! -s "$tmp/view.txt" ]; then
  echo "FAIL LibreOffice reported nothing"
  kill -0 "${pids[-1]}" 2>/dev/null || echo "(soffice had exited)"
  kill -0 "${pids[-2]}" 2>/dev/null || echo "(Xvfb had exited)"
  echo "DISPLAY=$DISPLAY"; ls -la /tmp/.X11-unix/
  cat "$tmp/soffice.log" "$tmp/xvfb.log"
  exit 1
fi
sheets=0
while IFS=$'\t' read -r name frozen first; do
  sheets=$((sheets+1))
  if [ "$frozen" = frozen ]; then pass=$((pass+1)); else echo "FAIL sheet '$name': header row not frozen"; fail=$((fail+1)); fi
  if [ -n "$first" ]; then pass=$((pass+1)); else echo "FAIL sheet '$name': no header in A1"; fail=$((fail+1)); fi
done < "$tmp/view.txt"
# The four inputs fill every kind of sheet.
if [ "$sheets" -ge 9 ]; then pass=$((pass+1)); else echo "FAIL only $sheets sheets"; cat "$tmp/view.txt"; fail=$((fail+1)); fi

echo "ods_frozen_header: $pass passed, $fail failed"
[ $fail = 0 ]
