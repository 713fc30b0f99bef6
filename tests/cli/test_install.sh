#!/bin/sh
# An installed perechen finds its data next to itself (PREFIX/bin ->
# PREFIX/share/perechen), wherever PREFIX is: `make install DESTDIR=…`
# into a temporary prefix, then use it without PERECHEN_SHARE.  It also
# finds perechen-office in PREFIX/libexec/perechen, where make install
# puts it, and hands the office formats to it.
. "$TESTS_DIR/cli/lib.sh"

top=$(cd "$TESTS_DIR/.." && pwd)
prefix="$WORK/prefix"
mkdir -p "$prefix/bin"
cp "$PERECHEN" "$prefix/bin/perechen"
make -s -C "$top" --no-print-directory install-data DESTDIR="$WORK/dest" \
	PREFIX=/opt/p >/dev/null || fail "make install-data failed"
mv "$WORK/dest/opt/p/share" "$prefix/share"
[ -f "$prefix/share/man/man1/perechen.1" ] || fail "man page not installed"
[ -f "$prefix/share/perechen/calendar/ru-federal.txt" ] || fail "calendar not installed"

unset PERECHEN_SHARE
expect_status 0 "$prefix/bin/perechen" -d "$DB" import -q \
	"$prefix/share/perechen/examples/smolensk-promtorg.tsv"
expect_status 0 "$prefix/bin/perechen" calendar workdays 19.03.2024 10
expect_in "$WORK/out" "02.04.2024"
# Without data next to it and no PERECHEN_SHARE, a clear message.
mkdir -p "$WORK/bare"
cp "$PERECHEN" "$WORK/bare/perechen"
expect_status 1 "$WORK/bare/perechen" -d "$WORK/new.db" init
expect_in "$WORK/err" "PERECHEN_SHARE"
[ -e "$WORK/new.db" ] && fail "init without catalogues left a database"

# make install with the binaries under test (already built: nothing is
# compiled), into a prefix moved afterwards as a whole.
bdir=$(cd "$(dirname "$PERECHEN")" && pwd)
make -s -C "$top" --no-print-directory install B="$bdir" \
	DESTDIR="$WORK/inst" PREFIX=/opt/q >/dev/null || fail "make install failed"
[ -x "$WORK/inst/opt/q/bin/perechen" ] || fail "perechen not installed"
[ -x "$WORK/inst/opt/q/libexec/perechen/perechen-office" ] ||
	fail "perechen-office not installed in libexec/perechen"
mv "$WORK/inst/opt/q" "$WORK/moved"
unset PERECHEN_LIBEXEC
expect_status 0 "$WORK/moved/bin/perechen" -d "$DB" export --format docx \
	-o "$WORK/inst.docx"
head -c 2 "$WORK/inst.docx" | grep -q PK || fail "the installed perechen wrote no DOCX"
echo ok
