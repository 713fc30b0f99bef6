#!/bin/sh
# A full disk is named as such: on a 2 MiB tmpfs filled to 100 %, reading
# commands open the list read-only and work; a change says «диск
# заполнен»; the database stays whole and nothing committed is lost.
# Needs root to mount the tmpfs.
. "$TESTS_DIR/cli/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: needs root (to mount a tmpfs) and sqlite3"
	exit 0
fi
FULL="$WORK/full"
mkdir "$FULL"
if ! mount -t tmpfs -o size=2m tmpfs "$FULL" 2>/dev/null; then
	echo "SKIP: a tmpfs cannot be mounted here"
	exit 0
fi
trap 'umount "$FULL" 2>/dev/null; rm -rf "$WORK"' EXIT
L="$FULL/l.db"
P="$PERECHEN"

expect_status 0 "$P" -d "$L" import -q "$EXAMPLE"
expect_status 0 "$P" -d "$L" tp set 2.2 --specifics "до заполнения диска"
expect_status 0 "$P" -d "$L" export --format csv -o "$WORK/before.csv"
dd if=/dev/zero of="$FULL/fill" bs=4096 >/dev/null 2>&1
[ "$(df -P "$FULL" | awk 'NR == 2 { print $4 }')" = 0 ] ||
	fail "the tmpfs is not full"

# Reading works.
expect_status 0 "$P" -d "$L" tp list
expect_in "$WORK/out" "2.2  Почта России"
expect_not_in "$WORK/err" "ошибка ввода-вывода"
expect_status 0 "$P" -d "$L" export --format csv -o -
cmp -s "$WORK/out" "$WORK/before.csv" || fail "export differs on a full disk"
expect_status 0 "$P" -d "$L" log
expect_in "$WORK/out" "до заполнения диска"
# status exits 1 while the list waits for approval: judge its words.
"$P" -d "$L" status >"$WORK/out" 2>"$WORK/err"
expect_in "$WORK/out" "Перечень не утверждён"
expect_not_in "$WORK/err" "ошибка ввода-вывода"
expect_status 0 "$P" -d "$L" tp show 2.2
expect_in "$WORK/out" "до заполнения диска"
"$P" -d "$L" check >"$WORK/out" 2>"$WORK/err"
expect_not_in "$WORK/err" "ошибка ввода-вывода"
expect_in "$WORK/out" "Почта России"

# Writing says why it cannot.
expect_status 1 "$P" -d "$L" tp add 2 --name "Приёмная" \
	--kind "Электронная почта" --need "получение консультации"
expect_in "$WORK/err" "диск заполнен"
expect_in "$WORK/err" "не сохранено"
expect_status 1 "$P" -d "$L" tp set 2.2 --specifics "на полном диске"
expect_in "$WORK/err" "диск заполнен"

# Whole, and nothing committed lost; a change lands once there is room.
rm -f "$FULL/fill"
[ "$(sqlite3 "$L" 'PRAGMA integrity_check')" = ok ] ||
	fail "integrity_check after the full disk"
expect_status 0 "$P" -d "$L" export --format csv -o -
cmp -s "$WORK/out" "$WORK/before.csv" || fail "a committed change was lost"
expect_status 0 "$P" -d "$L" tp set 2.2 --specifics "место освободили"
expect_status 0 "$P" -d "$L" tp show 2.2
expect_in "$WORK/out" "место освободили"
echo ok
