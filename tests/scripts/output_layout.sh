#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Outputs mirror inputs; clashes and unusable -o are refused before anything
# is written; standard input; special files as inputs and outputs; folder
# walks through symbolic link loops; stray temporaries; names escaped.
set -u
ost=$1 src=$2
source "$src/tests/support/checks.sh"
good="$src/samples/001-occupation-OCC0509-page.txt"
other="$src/samples/004-ST0509-spun-blog-copy.txt"
cd "$tmp" || exit 1

# Folders holding files of the same names: each argument keeps its own folder.
mkdir -p a/sub b c
cp "$good" a/x.txt; cp "$other" b/x.txt; cp "$good" c/x.txt; cp "$other" a/sub/x.txt
"$ost" convert -q -o out a/ b/ c/
check "same-name folders convert" [ $? = 0 ]
check "each folder mirrored" [ -s out/a/x.json ] && [ -s out/b/x.json ] && [ -s out/c/x.json ] && [ -s out/a/sub/x.json ]
check "exactly four outputs" [ "$(find out -type f | wc -l)" = 4 ]
check "outputs are their own inputs'" grep -q ST0509 out/b/x.json
"$ost" convert -q -o one a
check "one folder: its contents" [ -s one/x.json ] && [ -s one/sub/x.json ]

# Two files of one name: refused before anything is written.
mkdir -p v1.2 v1.3
cp "$good" v1.2/occ.txt; cp "$other" v1.3/occ.txt
"$ost" convert -o clash/ v1.2/occ.txt v1.3/occ.txt 2> err
check "clashing inputs are a usage error" [ $? = 2 ]
check "clash names both inputs" grep -q "v1.2/occ.txt and v1.3/occ.txt would both be written to clash/occ.json" err
check "clash writes nothing" [ ! -e clash ]

# -o: an existing folder, a trailing '/', a file for several inputs.
mkdir -p existing
check "one input into an existing folder" "$ost" convert -q -o existing "$good"
check "written inside it" [ -s existing/001-occupation-OCC0509-page.json ]
check "one input into a new folder/" "$ost" convert -q -o newdir/ "$good"
check "written inside the new folder" [ -s newdir/001-occupation-OCC0509-page.json ]
check "several inputs with -o FILE is a usage error" [ "$(status_of "$ost" convert -o one.json "$good" "$other")" = 2 ]
check "and makes no folder" [ ! -e one.json ]
check "a folder with -o FILE is a usage error" [ "$(status_of "$ost" convert -o f.json a)" = 2 ]
check "an unclaimed extension is a usage error" [ "$(status_of "$ost" convert -o x.nothing "$good")" = 2 ]
check "and writes nothing" [ ! -e x.nothing ]
check "-t says the format of any name" "$ost" convert -q -t json -o x.nothing "$good"
check "in that format" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' x.nothing

# Standard input, recorded under --name.
"$ost" convert --name st/occ.txt - < "$good" > stdin.json
check "'-' reads standard input" [ $? = 0 ]
check "--name is the recorded path" grep -q '"path" : "st/occ.txt"\|"path": "st/occ.txt"' stdin.json
"$ost" convert "$good" > file.json 2>/dev/null
check "same document as from the file" cmp -s <(grep -v '"path"\|"sha256"' stdin.json) <(grep -v '"path"\|"sha256"' file.json)
check "--name without '-' is a usage error" [ "$(status_of "$ost" convert --name x "$good")" = 2 ]

# Inputs that are not regular files: refused without blocking.
mkfifo fifo.txt
timeout 20 "$ost" convert -o f.json fifo.txt 2> err
check "a FIFO input fails at once (not 124: a hang)" [ $? = 1 ]
check "as not a regular file" grep -q "fifo.txt: not a regular file" err
mkdir -p walk/deep; cp "$good" walk/deep/a.txt; mkfifo walk/pipe.txt
timeout 20 "$ost" convert -q -o walkout walk 2> err
check "a walk past a FIFO finishes" [ $? = 0 ]
check "and warns about it" grep -q "walk/pipe.txt: not a regular file, skipped" err
check "and converts the rest" [ -s walkout/deep/a.json ]

# Symbolic link loops: no file twice, and the walk ends.
mkdir -p loop/in; cp "$good" loop/in/a.txt; ln -s . loop/in/self; ln -s .. loop/in/up
timeout 60 "$ost" convert -v -o loopout loop 2> err
check "a walk through two loops ends" [ $? = 0 ]
check "each file once" [ "$(grep -c "a.txt: " err)" = 1 ]

# Special files as outputs: written into, never replaced.
mkfifo out.fifo
(timeout 30 cat out.fifo > from-fifo.json) & reader=$!
check "-o FIFO succeeds" timeout 20 "$ost" convert -q -t json -o out.fifo "$good"
wait $reader
check "-o FIFO stays a FIFO" [ -p out.fifo ]
check "the document came through it" cmp -s from-fifo.json file.json
# A device of our own where we may make one: a regression run as root
# must not be able to replace the system's /dev/null.
device=/dev/null
if [ "$(id -u)" = 0 ]; then device=; mknod null-device c 1 3 2>/dev/null && device=null-device; fi
if [ -n "$device" ]; then
  check "-o a character device succeeds" "$ost" convert -q -t json -o "$device" "$good"
  check "the device stays a device" [ -c "$device" ]
fi
"$ost" convert -q -t json -o /dev/stdout "$good" > via-stdout.json
check "-o /dev/stdout writes to standard output" cmp -s via-stdout.json file.json
check "/dev/stdout stays a link" [ -L /dev/stdout ]
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  shm=$(mktemp -d /dev/shm/ost-test.XXXXXX)
  "$ost" convert -q -o "$shm/x.json" "$good"
  check "a file under /dev is a file like any other" [ -f "$shm/x.json" ] && cmp -s "$shm/x.json" file.json
  rm -rf "$shm"
fi
"$ost" convert -q -o replaced.json "$good"
check "a regular file is written whole" cmp -s replaced.json file.json

# Temporaries a killed run left (this process id is dead) are cleaned up.
mkdir -p strays
sleep 0 & dead=$!; wait $dead
touch "strays/.x.json.ost-$dead-AbC123" "strays/.keep.ost-$$-AbC123" strays/.x.json.AbC123
"$ost" convert -q -o strays "$good"
check "a dead run's temporary removed" [ ! -e "strays/.x.json.ost-$dead-AbC123" ]
check "a running process's temporary kept" [ -e "strays/.keep.ost-$$-AbC123" ]
check "other files kept" [ -e strays/.x.json.AbC123 ]
check "no temporary of its own left" [ -z "$(find strays -name '.001*')" ]
# A folder output's temporary (a CSV writer killed mid-way) is ost's own too.
mkdir -p "folderstrays/.x.csv.ost-$dead-AbC123/sub"
touch "folderstrays/.x.csv.ost-$dead-AbC123/sub/standards.csv"
"$ost" convert -q -t csv -o folderstrays/x.csv "$good"
check "a dead run's temporary folder removed" [ ! -e "folderstrays/.x.csv.ost-$dead-AbC123" ]
check "the folder output written" [ -s folderstrays/x.csv/standards.csv ]
check "no temporary folder of its own left" [ -z "$(find folderstrays -name '.x.csv.*')" ]

# Control characters in names are escaped in messages.
bad=$'evil\n\033[31mname.txt'
printf 'PK\003\004 nothing' > "$bad"
"$ost" convert -o e.json "$bad" 2> err
check "a name with a newline gives one message line" [ "$(wc -l < err)" = 1 ]
check "escaped" grep -qF 'evil\n\x1b[31mname.txt' err

finish output_layout
