#!/bin/sh
# A list the clerk may only read: it opens for reading (even a WAL database
# in a directory the clerk cannot write), and every change is refused with
# a clear message, the file unchanged.  Needs root to act as another user.
. "$TESTS_DIR/cli/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "skipped: needs root and setpriv to run as an unprivileged user"
	exit 0
fi
chmod 755 "$WORK"
mkdir "$WORK/ro"
expect_status 0 "$PERECHEN" -d "$WORK/ro/l.db" import -q "$EXAMPLE"
cp "$PERECHEN" "$WORK/perechen"
chmod 755 "$WORK/perechen"
chmod 644 "$WORK/ro/l.db"
chmod 555 "$WORK/ro"
before=$(md5sum <"$WORK/ro/l.db")

as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		env HOME=/nonexistent PERECHEN_SHARE="$PERECHEN_SHARE" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" "$WORK/perechen" -d "$WORK/ro/l.db" "$@"
}

expect_status 0 as_nobody export --format txt --width 80
expect_in "$WORK/out" "Почта России"
expect_status 0 as_nobody tp show 2.2
expect_status 1 as_nobody tp set 2.2 --unit "отдел"
expect_in "$WORK/err" "только для чтения"
expect_status 1 as_nobody process add "Новый"
expect_in "$WORK/err" "только для чтения"
[ "$(md5sum <"$WORK/ro/l.db")" = "$before" ] || fail "a read-only list changed"
chmod 755 "$WORK/ro"
echo ok
