#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installed to a temporary prefix, ost works from any folder and after the
# tree is moved; pkg-config and find_package(ost) find it; the example
# plugins in examples/plugins build with nothing but
# `pkg-config --cflags --libs ost`, install into its plugin folder, and
# convert: a standard to Markdown, the IfATE register export to JSON.
set -u
ost=$1 src=$2 shared=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else echo "FAIL: $name"; fail=$((fail+1)); fi
}
validate() { /usr/bin/python3 "$src/tests/support/validate_json.py" "$src/schemas/ost.schema.json" "$@"; }

if ! cmake --install "$(dirname "$ost")" --prefix "$tmp/first" >"$tmp/install.log" 2>&1; then
  cat "$tmp/install.log"; echo "FAIL: cmake --install"; exit 1
fi
mv "$tmp/first" "$tmp/P"   # installed under one prefix, used under another
P=$tmp/P
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere" || exit 1

sample="$src/samples/001-occupation-OCC0509-page.txt"
check "installed ost converts from another folder" "$P/bin/ost" convert -q -o one.json "$sample"
check "same output as the build tree's" cmp -s one.json <("$ost" convert -q "$sample")
check "plugin folder found beside the moved tree" grep -qx "  $P/lib/ost/plugins" <("$P/bin/ost" --version)
check "schemas installed" test -f "$P/share/ost/schemas/ost.schema.json" -a -f "$P/share/ost/schemas/ost.xsd"
for page in ost ost-convert ost-repair ost-plugins ost-blocks; do
  check "man page $page(1)" grep -q '^\.TH' "$P/share/man/man1/$page.1"
done

export PKG_CONFIG_PATH=$P/lib/pkgconfig
version=$("$P/bin/ost" --version | sed -n 's/^ost //p')
check "pkg-config --modversion ost" [ "$(pkg-config --modversion ost)" = "$version" ]
plugindir=$(pkg-config --variable=plugindir ost)
check "pkg-config plugindir is the installed folder" [ "$(cd "$plugindir" && pwd)" = "$P/lib/ost/plugins" ]

# The example plugins, built as their authors would, into the plugin folder.
build_example() { # build_example SOURCE: ost-NAME.so into the plugin folder
  local name
  name=$(basename "$1" .c)
  # shellcheck disable=SC2046
  cc -Wall -Werror -shared -fPIC -o "$plugindir/$name.so" "$1" $(pkg-config --cflags --libs ost)
}
check "Markdown writer builds" build_example "$src/examples/plugins/markdown/ost-markdown.c"
check "register reader builds" build_example "$src/examples/plugins/ifate-register/ost-ifate_register.c"
"$P/bin/ost" plugins > plugins.txt 2> plugins.err
check "no plugin skipped" [ ! -s plugins.err ]
check "Markdown writer loaded from the plugin folder" grep -q "from $P/lib/ost/plugins/ost-markdown.so" plugins.txt
check "register reader loaded from the plugin folder" grep -q "from $P/lib/ost/plugins/ost-ifate_register.so" plugins.txt

check "standard to Markdown" "$P/bin/ost" convert -q -t markdown -o st.md "$src/samples/ST0611-standard.pdf"
check "Markdown title" grep -qx '# Fire safety inspection technician (ST0611)' st.md
check "Markdown KSBs" grep -q '^- \*\*K1\*\* ' st.md
check "-o name.md picks the writer" "$P/bin/ost" convert -q -o again.md "$src/samples/ST0611-standard.pdf"
check "same Markdown either way" cmp -s st.md again.md

# A register export as untidy as the published one: a quoted field with a
# comma, a doubled quote and a line break, a foundation apprenticeship,
# and NUL padding at the end.
{
  printf 'Apprenticeship Type,Name,Reference,Version Number,Status,Level,Route,Typical Duration,Core and options,Job Titles,Overview of role,Trailblazer Contact\r\n'
  printf 'Apprenticeship standard,Baker,ST0001,1.1,Approved for delivery,2,Catering and hospitality,12,No,Baker;Craft baker,"Bakes bread, cakes and ""pastries""\nby hand.",someone@example.org\r\n'
  printf 'Foundation apprenticeship,Builder,FA0001,1.0,Approved for delivery,2,Construction,8,No,,,\r\n'
  printf 'Apprenticeship standard,Analyst,ST0002,1.0,Proposal in development,4,Digital,18,Yes,,,\r\n'
  head -c 4096 /dev/zero
} > register.csv
check "register export converts" "$P/bin/ost" convert -q -o register.json register.csv
check "register JSON validates" validate register.json
check "register standards read" /usr/bin/python3 - register.json <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
s = doc["standards"]
assert [x["reference"] for x in s] == ["ST0001", "ST0002"], s
assert s[0]["overview_of_role"] == 'Bakes bread, cakes and "pastries"\nby hand.', s[0]
assert s[0]["typical_job_titles"] == ["Baker", "Craft baker"]
assert s[0]["level"] == 2 and s[0]["typical_duration_months"] == 12
assert s[1]["stage"] == "proposal" and s[1]["core_and_options"] is True
assert "someone@example.org" not in json.dumps(doc)
codes = [w["code"] for w in doc["source"]["warnings"]]
assert codes == ["trailing_padding", "row_skipped"], codes
PY

# The published export, when ../shared is there: every ST row becomes a
# standard (counted here with Python's csv module).
export_csv="$shared/realdocs/ifate/ifate-apprenticeships-export-2025-05.csv"
if [ -f "$export_csv" ]; then
  check "published export converts" "$P/bin/ost" convert -q -o export.json "$export_csv"
  check "published export validates" validate export.json
  check "every standard of the export" /usr/bin/python3 - "$export_csv" export.json <<'PY'
import csv, io, json, re, sys
raw = open(sys.argv[1], "rb").read().split(b"\0")[0].decode("utf-8")
rows = list(csv.DictReader(io.StringIO(raw)))
want = [r["Reference"] for r in rows if re.fullmatch(r"ST[0-9]{4}", r["Reference"])]
got = [s["reference"] for s in json.load(open(sys.argv[2]))["standards"]]
assert got == want, (len(got), len(want))
PY
else
  echo "SKIPPED: the published register export (no $export_csv)"
fi

# find_package(ost) from a CMake project.
mkdir consumer
cat > consumer/CMakeLists.txt <<'CMAKE'
cmake_minimum_required(VERSION 3.18)
project(consumer C)
find_package(ost 0.1 REQUIRED)
add_executable(consumer main.c)
target_link_libraries(consumer PRIVATE ost::ost)
CMAKE
printf '#include <ost.h>\n#include <stdio.h>\nint main(void) { puts(ost_strerror(OST_ERR_PARSE)); return 0; }\n' > consumer/main.c
# A libost built with the sanitizers needs their runtime first in a program.
consumer_flags=""
ldd "$P/lib/libost.so" 2>/dev/null | grep -q libasan &&
  consumer_flags="-fsanitize=address,undefined"
if cmake -S consumer -B consumer/build -DCMAKE_PREFIX_PATH="$P" \
     -DCMAKE_C_FLAGS="$consumer_flags" >consumer.log 2>&1 &&
   cmake --build consumer/build >>consumer.log 2>&1; then
  check "find_package(ost) links" grep -q "damaged" <(consumer/build/consumer)
else
  cat consumer.log; check "find_package(ost) configures and builds" false
fi

echo "install_prefix: $pass passed, $fail failed"
[ $fail = 0 ]
