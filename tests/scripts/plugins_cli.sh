#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What `ost plugins`, `-v` and `--version` say about plugin modules: the
# folders searched in order, where each plugin came from, every module
# skipped and why, a crash in a module's init named before the process
# dies. The modules are the fixtures built into test-modules*/.
set -u
ost=$1
modules="$(dirname "$ost")/test-modules"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else echo "FAIL: $name"; fail=$((fail+1)); fi
}
has() { grep -qF -- "$1" "$2"; }

OST_PLUGIN_PATH="$tmp/env-missing" "$ost" plugins --plugin-dir "$modules" --plugin-dir /nonexistent \
  >"$tmp/out" 2>"$tmp/err"
check "exit 0 despite skipped modules" [ $? = 0 ]
check "module for ABI 2.0 loads" has "from $modules/ost-abi20.so" "$tmp/out"
check "built-ins come first" has "json     JSON" "$tmp/out"
check "future ABI refused by name" has "ost: $modules/ost-future.so: plugin \"future\" is built for plugin ABI 3.0" "$tmp/err"
check "ABI 1 refused by name" has "plugin \"abione\" is built for plugin ABI 1." "$tmp/err"
check "module with a built-in's name skipped" has "$modules/ost-json.so: plugin \"json\" is already loaded from built-in" "$tmp/err"
check "misnamed module reported" has "$modules/notost.so: skipped, plugin module names start with \"ost-\"" "$tmp/err"
check "module without descriptor reported" has "no ost_plugin_nodesc_get_desc symbol" "$tmp/err"
check "missing --plugin-dir reported" has "plugin folder /nonexistent: " "$tmp/err"
check "missing OST_PLUGIN_PATH folder reported" has "plugin folder $tmp/env-missing: " "$tmp/err"
# The folders in the order searched, the install folder last.
sed -n '/^Plugin folders searched/,$p' "$tmp/out" | tail -n +2 > "$tmp/dirs"
check "folders in order" [ "$(sed -n 1p "$tmp/dirs")" = "  $modules" ] 
check "missing folder marked" [ "$(sed -n 2p "$tmp/dirs")" = "  /nonexistent (not found)" ]
check "environment folder third" [ "$(sed -n 3p "$tmp/dirs")" = "  $tmp/env-missing (not found)" ]
check "install folder last" grep -q "/ost/plugins" <(sed -n 4p "$tmp/dirs")

"$ost" plugins -v --plugin-dir "$modules" >/dev/null 2>"$tmp/verbose"
check "-v names each module before loading it" \
  [ "$(grep -c '^ost: loading plugin module ' "$tmp/verbose")" = 5 ]

printf 'Reference: OCC0001\nLevel 3\n' > "$tmp/in.txt"
"$ost" convert -v --plugin-dir "$modules" -o "$tmp/out.json" "$tmp/in.txt" 2>"$tmp/convert"
check "convert -v names modules too" has "ost: loading plugin module $modules/ost-abi20.so" "$tmp/convert"

# A crash in init: the module is named, and the process still dies of it.
# (Under AddressSanitizer, its own SIGSEGV handler is turned off here.)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0" \
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}handle_segv=0" \
  "$ost" plugins -v --plugin-dir "$modules-crash" >/dev/null 2>"$tmp/crash"
status=$?
check "crash kills the process" [ "$status" -gt 128 ]
check "crash names the module" has "ost: plugin module $modules-crash/ost-crash.so crashed while loading" "$tmp/crash"

"$ost" --version > "$tmp/version"
for lib in "plugin ABI 2." GLib Poppler libxml2 libzip "plugin folders"; do
  check "--version lists $lib" grep -q "^$lib" "$tmp/version"
done

echo "plugins_cli: $pass passed, $fail failed"
[ $fail = 0 ]
