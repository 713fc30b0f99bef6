#!/bin/sh
# An installed perechen finds its data next to itself (PREFIX/bin ->
# PREFIX/share/perechen), wherever PREFIX is: `make install DESTDIR=…`
# into a temporary prefix, then use it without PERECHEN_SHARE.
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
echo ok
