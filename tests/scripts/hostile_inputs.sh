#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Hostile inputs: special files, entity tricks (XXE, billion laughs), deep
# and huge inputs, broken encodings, damaged PDFs. Each must end, either
# with an output or with a message naming the file and a non-zero status
# and no output file; nothing outside the input may leak into the output.
set -u
ost=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # NAME CONDITION...
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else echo "FAIL $name"; fail=$((fail+1)); fi
}
in=$tmp/in out=$tmp/out
mkdir -p "$in" "$out"

# Convert FILE; the hang guard is far beyond any real conversion.
convert() {
  timeout 300 "$ost" convert -o "$out/$1.json" "$in/$1" > "$tmp/$1.stdout" 2> "$tmp/$1.err"
}
refused() { # FILE MESSAGE
  convert "$1"
  local rc=$?
  check "$1: refused (status $rc)" test "$rc" -ne 0 -a "$rc" -ne 124
  check "$1: message names the file and says '$2'" \
    bash -c 'grep -F -- "$1: " "$3" | grep -qF -- "$2"' _ "$in/$1" "$2" "$tmp/$1.err"
  check "$1: no output file" test ! -e "$out/$1.json"
}
ends() { # FILE: a valid output or a clear refusal, in time
  convert "$1"
  local rc=$?
  check "$1: ends (status $rc)" test "$rc" -ne 124 -a "$rc" -lt 128
  if [ "$rc" -eq 0 ]; then
    check "$1: output is JSON" python3 -m json.tool "$out/$1.json" /dev/null
  else
    check "$1: message names the file" grep -qF "$in/$1: " "$tmp/$1.err"
    check "$1: no output file" test ! -e "$out/$1.json"
  fi
}

mkfifo "$in/fifo.txt"
refused fifo.txt "not a regular file"
ln -s /dev/null "$in/null.txt"
refused null.txt "not a regular file"
truncate -s 600M "$in/sparse.txt"
refused sparse.txt "too large: 629145600 bytes (the input limit is 512 MiB)"
{ printf '<html><body><h1>Standard ST0001</h1>'; head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' ' '; } > "$in/big.html"
refused big.html "too large: 17825828 bytes (the html reader's limit is 16 MiB)"

# Entities: never substituted, never loaded.
cat > "$in/xxe.html" <<'HTML'
<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>
<html><body><h1>Occupation OCC0001: Engineer &xxe;</h1><p>&net; Level 3 &xxe;</p></body></html>
HTML
python3 - "$in" "$src/samples/ST1187-proposal.pdf" <<'PY'
import sys, os
d = sys.argv[1]
ents = ''.join('<!ENTITY l%d "%s">' % (i, ('&l%d;' % (i - 1)) * 10) for i in range(1, 10))
open(os.path.join(d, 'laughs.html'), 'w').write(
    '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY l0 "lol">' + ents + ']>\n'
    '<html><body><h1>Standard ST0001 &l9;</h1></body></html>\n')
open(os.path.join(d, 'deep.html'), 'w').write(
    '<html><body>' + '<div>' * 100000 + 'Knowledge K1: deep' + '</div>' * 100000 + '</body></html>')
open(os.path.join(d, 'unclosed.html'), 'w').write('<html><body>' + '<b><i>' * 100000 + 'x')
open(os.path.join(d, 'broken-utf8.txt'), 'wb').write(
    b'Standard ST0001\nKnowledge\nK1: caf\xc3\x28 \xff\xfe bad \xed\xa0\x80 surrogate\n' * 100)
open(os.path.join(d, 'broken-utf16.txt'), 'wb').write(b'\xff\xfeS\x00T\x00\x00\xd8x\x00' + b'\n\x00' * 3 + b'\x00')
open(os.path.join(d, 'huge-line.txt'), 'w').write('K1: ' + 'word ' * 4000000 + '\n')
pdf = open(sys.argv[2], 'rb').read()
open(os.path.join(d, 'truncated.pdf'), 'wb').write(pdf[:len(pdf) // 2])
open(os.path.join(d, 'header-only.pdf'), 'wb').write(b'%PDF-1.7\n')

def one_page_pdf(name, content, media=b'0 0 612 792'):
    """A one-page PDF whose content stream is deflated @content."""
    import zlib
    data = zlib.compress(content, 9)
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
            b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [' + media + b'] /Contents 4 0 R '
            b'/Resources << /Font << /F1 5 0 R >> >> >>',
            b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(data) + data + b'\nendstream',
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    out, offsets = bytearray(b'%PDF-1.4\n'), []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    out += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
    open(os.path.join(d, name), 'wb').write(out)

one_page_pdf('bomb-operators.pdf', b'q Q\n' * (25 << 20))
one_page_pdf('bomb-string.pdf', b'BT /F1 12 Tf 72 700 Td (' + b'x' * (100 << 20) + b') Tj ET')
one_page_pdf('huge-page.pdf', b'BT /F1 12 Tf 72 700 Td (Standard ST0001) Tj ET', b'0 0 14400 14400')
one_page_pdf('giant-page.pdf', b'BT /F1 12 Tf 72 700 Td (Standard ST0001) Tj ET', b'0 0 1e30 1e30')
PY
for f in xxe.html laughs.html; do
  ends "$f"
  "$ost" blocks "$in/$f" > "$tmp/$f.blocks" 2>&1
  check "$f: no file content read" bash -c "! grep -q 'root:' '$tmp/$f.blocks' '$out/$f.json' 2>/dev/null"
  check "$f: entities not expanded" bash -c "! grep -q 'lollol' '$tmp/$f.blocks' '$out/$f.json' 2>/dev/null"
done
for f in deep.html unclosed.html broken-utf8.txt broken-utf16.txt huge-line.txt truncated.pdf \
         header-only.pdf; do
  ends "$f"
done
refused truncated.pdf "the PDF is truncated"
ends huge-page.pdf
ends giant-page.pdf
# About 100 KB each, expanding to 100 MB: refused before Poppler parses them.
refused bomb-operators.pdf "expand to over 64 MiB of streams (a decompression bomb?)"
refused bomb-string.pdf "expand to over 64 MiB of streams (a decompression bomb?)"

# A batch with special files among good ones: every input accounted for.
mkdir "$tmp/batch"
cp "$src"/samples/text-standard-ST0998-browser-copy.txt "$tmp/batch/good.txt"
mkfifo "$tmp/batch/pipe.txt"
timeout 300 "$ost" convert -o "$tmp/batch-out" "$tmp/batch/good.txt" "$tmp/batch/pipe.txt" \
  > /dev/null 2> "$tmp/batch.err"
rc=$?
check "batch with a FIFO ends, with failure" test "$rc" -ne 0 -a "$rc" -ne 124
check "batch: the good input converted" test -s "$tmp/batch-out/good.json"
check "batch: the FIFO reported" grep -qF "pipe.txt: not a regular file" "$tmp/batch.err"

# The other commands that read a file refuse a FIFO too, naming it.
for cmd in "blocks $tmp/batch/pipe.txt" "diff $tmp/batch/pipe.txt $tmp/batch/good.txt"; do
  # shellcheck disable=SC2086
  timeout 60 "$ost" $cmd > /dev/null 2> "$tmp/cmd.err"
  rc=$?
  check "ost ${cmd%% *}: a FIFO refused at once" test "$rc" -ne 0 -a "$rc" -ne 124
  check "ost ${cmd%% *}: the FIFO named" grep -qF "pipe.txt: not a regular file" "$tmp/cmd.err"
done

echo "hostile_inputs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
