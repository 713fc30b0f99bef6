#!/bin/sh
# The man page as man renders it: at any width no option, path or word is
# broken with a hyphen (a clerk copies «--dry-run» or a path from it), and
# groff has nothing to warn about.
. "$TESTS_DIR/cli/lib.sh"

page="$TESTS_DIR/../man/perechen.1"
[ -f "$page" ] || fail "no man page at $page"
if ! command -v man >/dev/null 2>&1; then
	echo "SKIP: man is not installed (apt-get install man-db)"
	exit 0
fi
for w in 40 50 60 70 80 100 120; do
	MANWIDTH=$w man -l "$page" >"$WORK/man.$w" 2>"$WORK/err" ||
		fail "man failed at width $w"
	[ -s "$WORK/man.$w" ] || fail "man rendered nothing at width $w"
	# Both the ASCII hyphen and groff's U+2010 break mark.
	if grep -n -- '-$\|‐$' "$WORK/man.$w" >"$WORK/broken"; then
		cat "$WORK/broken" >&2
		fail "a line ends with a hyphen at width $w"
	fi
done
expect_in "$WORK/man.60" "--dry-run"
man --warnings -l "$page" >/dev/null 2>"$WORK/warn"
[ ! -s "$WORK/warn" ] || { cat "$WORK/warn" >&2; fail "groff warns"; }
exit 0
