#!/bin/sh
# perechen links no office library (its first frame does not wait for the
# dynamic linker to load them); commands that need DOCX or PDF, or read a
# zip package, are handed over whole to perechen-office (found through
# $PERECHEN_LIBEXEC or next to the binary), with the same arguments.
. "$TESTS_DIR/cli/lib.sh"

OFFICE="$(dirname "$PERECHEN")/perechen-office"
[ -x "$OFFICE" ] || fail "perechen-office was not built beside $PERECHEN"
expect_status 0 "$PERECHEN" -d "$DB" import -q "$EXAMPLE"

if command -v ldd >/dev/null 2>&1; then
	ldd "$PERECHEN" > "$WORK/ldd" || fail "ldd $PERECHEN failed"
	for lib in libpango libcairo libharfbuzz libzip libxml2; do
		expect_not_in "$WORK/ldd" "$lib"
	done
	ldd "$OFFICE" > "$WORK/ldd-office" || fail "ldd $OFFICE failed"
	expect_in "$WORK/ldd-office" "libzip"
else
	echo "ldd absent: the libraries linked are not checked"
fi

# A stand-in perechen-office that notes how it was called and runs the
# real one: the hand-over is seen, not guessed from the output.
mkdir -p "$WORK/libexec"
cat > "$WORK/libexec/perechen-office" <<EOS
#!/bin/sh
printf '%s\n' "\$@" > "$WORK/handed"
exec "$OFFICE" "\$@"
EOS
chmod +x "$WORK/libexec/perechen-office"
via() { env PERECHEN_LIBEXEC="$WORK/libexec" "$@"; }

expect_status 0 via "$PERECHEN" -d "$DB" export --format docx -o "$WORK/l.docx"
[ "$(cat "$WORK/handed")" = "$(printf '%s\n' -d "$DB" export --format docx -o "$WORK/l.docx")" ] ||
	{ cat "$WORK/handed" >&2; fail "export docx was not handed over with its arguments"; }
head -c 2 "$WORK/l.docx" | grep -q PK || fail "the DOCX is not a zip package"
rm -f "$WORK/handed"
# The format taken from the file name is handed over too.
expect_status 0 via "$PERECHEN" -d "$DB" export -o "$WORK/l.pdf"
[ -e "$WORK/handed" ] || fail "export -o FILE.pdf was not handed over"
head -c 5 "$WORK/l.pdf" | grep -q '%PDF-' || fail "the PDF is not a PDF"
# Text stays in perechen.
rm -f "$WORK/handed"
expect_status 0 via "$PERECHEN" -d "$DB" export --format html -o "$WORK/l.html"
[ -e "$WORK/handed" ] && fail "an HTML export was handed over"

# A zip package named, or redirected from a file, goes to perechen-office,
# which reads it; a text table does not.
expect_status 0 via "$PERECHEN" -d "$WORK/p.db" import "$WORK/l.docx"
[ -e "$WORK/handed" ] || fail "import of a package was not handed over"
"$PERECHEN" -d "$WORK/p.db" export --format csv -o "$WORK/p.csv"
[ "$(grep -c . "$WORK/p.csv")" -gt 19 ] || fail "the DOCX's list did not arrive"
rm -f "$WORK/handed"
via "$PERECHEN" -d "$WORK/r.db" import --dry-run - < "$WORK/l.docx" >/dev/null 2>&1
[ -e "$WORK/handed" ] || fail "import of a package from a redirected file was not handed over"
rm -f "$WORK/handed"
# From a pipe it cannot be handed over: a refusal saying what to do.
cat "$WORK/l.docx" | via "$PERECHEN" -d "$WORK/r.db" import - \
	>"$WORK/out" 2>"$WORK/err" && fail "a package on a pipe was taken"
expect_in "$WORK/err" "укажите файл"
[ -e "$WORK/handed" ] && fail "a package on a pipe was handed over"
[ -e "$WORK/r.db" ] && fail "a refused import left a list"
rm -f "$WORK/handed"
expect_status 0 via "$PERECHEN" -d "$WORK/q.db" import -q "$EXAMPLE"
[ -e "$WORK/handed" ] && fail "import of a text table was handed over"

# Without perechen-office: a clear refusal naming it; text still works.
mkdir -p "$WORK/bare"
cp "$PERECHEN" "$WORK/bare/perechen"
expect_status 1 env PERECHEN_LIBEXEC="$WORK/none" "$WORK/bare/perechen" \
	-d "$DB" export --format pdf -o "$WORK/x.pdf"
expect_in "$WORK/err" "perechen-office"
[ -e "$WORK/x.pdf" ] && fail "a PDF was written without perechen-office"
expect_status 0 env PERECHEN_LIBEXEC="$WORK/none" "$WORK/bare/perechen" \
	-d "$DB" export --format txt -o "$WORK/x.txt"
# perechen-office put in the place of perechen: no hand-over to itself.
cp "$PERECHEN" "$WORK/bare/perechen-office"
expect_status 1 env PERECHEN_LIBEXEC="$WORK/bare" "$WORK/bare/perechen-office" \
	-d "$DB" export --format pdf -o "$WORK/x.pdf"
expect_in "$WORK/err" "perechen-office"
echo ok
