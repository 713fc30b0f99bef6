#!/bin/sh
# Files the clerk names, and the standard streams: export -o writes only a
# regular file (never through a link, into a device, a fifo or a
# directory) and keeps a replaced file's mode, owner and group; output
# lost to a full disk fails the command; import refuses devices, gives up
# a fifo nobody writes to, and stops at 64 MiB; a new list is as shared
# as the umask says; the login is the real uid's, whatever the environment.
. "$TESTS_DIR/cli/lib.sh"

LOOP=
cleanup() {
	[ -n "$LOOP" ] && losetup -d "$LOOP" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

# mode_of FILE : its permission bits in octal, e.g. 664.
mode_of() {
	stat -c %a "$1"
}

umask 022
expect_status 0 "$PERECHEN" -d "$DB" import -q "$EXAMPLE"
expect_status 0 "$PERECHEN" -d "$DB" export --width 80
cp "$WORK/out" "$WORK/expected.txt"

# --- export -o: only regular files ---

# refused TARGET WHAT : export -o TARGET fails saying WHAT, under a guard
# so that a write blocking on a fifo fails the test instead of hanging it.
refused() {
	expect_status 1 timeout 20 "$PERECHEN" -d "$DB" export --width 80 \
		-o "$1"
	expect_in "$WORK/err" "не удалось записать $1"
	expect_in "$WORK/err" "$2"
	[ -s "$WORK/out" ] && fail "export -o $1 wrote to stdout"
	for f in "$WORK"/*.tmp "$WORK"/dir/*.tmp; do
		[ -e "$f" ] && fail "a temporary file was left behind: $f"
	done
	return 0
}

# A fifo, directly and through a link: a reader waits on it, and gets
# nothing.
mkfifo "$WORK/fifo"
ln -s "$WORK/fifo" "$WORK/to-fifo"
cat "$WORK/fifo" >"$WORK/from-fifo" &
reader=$!
refused "$WORK/fifo" "это именованный канал"
refused "$WORK/to-fifo" "это символическая ссылка"
: >"$WORK/fifo"		# let the reader see the end
wait "$reader"
[ -s "$WORK/from-fifo" ] && fail "export wrote through the fifo"
[ -p "$WORK/fifo" ] || fail "the fifo was replaced"
[ -L "$WORK/to-fifo" ] || fail "the link to the fifo was replaced"

# A device: a loop device over a file of zeros where one can be made
# (its first sector must stay zeros), else /dev/null.
head -c 65536 /dev/zero >"$WORK/disk.img"
cp "$WORK/disk.img" "$WORK/disk.orig"
if [ "$(id -u)" = 0 ] && command -v losetup >/dev/null 2>&1; then
	LOOP=$(losetup -f --show "$WORK/disk.img" 2>/dev/null) || LOOP=
fi
if [ -n "$LOOP" ] && [ -b "$LOOP" ]; then
	device=$LOOP
else
	echo "no loop device here: the device is /dev/null"
	device=/dev/null
fi
ln -s "$device" "$WORK/to-device"
refused "$WORK/to-device" "это символическая ссылка"
refused "$device" "это устройство"
[ -L "$WORK/to-device" ] || fail "the link to the device was replaced"
if [ -n "$LOOP" ]; then
	losetup -d "$LOOP"
	LOOP=
	cmp -s "$WORK/disk.img" "$WORK/disk.orig" ||
		fail "export wrote into the loop device"
fi
[ -c /dev/null ] || fail "/dev/null is no longer a device"

# A directory, directly and through a link: nothing appears in it.
mkdir "$WORK/dir"
ln -s "$WORK/dir" "$WORK/to-dir"
refused "$WORK/dir" "это каталог"
refused "$WORK/to-dir" "это символическая ссылка"
refused "$WORK/dir/" "это каталог"
[ -z "$(ls -A "$WORK/dir")" ] || fail "export wrote into the directory"
[ -L "$WORK/to-dir" ] || fail "the link to the directory was replaced"

# A dangling link is no file either: nothing is made where it points.
ln -s "$WORK/planted" "$WORK/dangling"
refused "$WORK/dangling" "это символическая ссылка"
[ -e "$WORK/planted" ] && fail "export created the file a link points to"

# "-" is standard output.
expect_status 0 "$PERECHEN" -d "$DB" export --width 80 -o -
cmp -s "$WORK/out" "$WORK/expected.txt" || fail "-o - differs from stdout"

# --- export -o: modes ---

# A replaced file keeps its mode: 0600 stays 0600, 0640 stays 0640.
for m in 600 640 664; do
	printf 'old\n' >"$WORK/keep-$m.txt"
	chmod "$m" "$WORK/keep-$m.txt"
	expect_status 0 "$PERECHEN" -d "$DB" export --width 80 \
		-o "$WORK/keep-$m.txt"
	[ "$(mode_of "$WORK/keep-$m.txt")" = "$m" ] ||
		fail "a $m file became $(mode_of "$WORK/keep-$m.txt")"
	cmp -s "$WORK/keep-$m.txt" "$WORK/expected.txt" ||
		fail "the $m file was not replaced"
done
# A new file: 0666 less the umask.
(umask 002 && "$PERECHEN" -d "$DB" export -o "$WORK/new-002.txt") ||
	fail "export to a new file failed"
[ "$(mode_of "$WORK/new-002.txt")" = 664 ] ||
	fail "a new file under umask 002 is $(mode_of "$WORK/new-002.txt")"
(umask 077 && "$PERECHEN" -d "$DB" export -o "$WORK/new-077.txt") ||
	fail "export to a new file failed"
[ "$(mode_of "$WORK/new-077.txt")" = 600 ] ||
	fail "a new file under umask 077 is $(mode_of "$WORK/new-077.txt")"

# Root replacing a clerk's file leaves it the clerk's, group and all.
if [ "$(id -u)" = 0 ] && getent passwd nobody >/dev/null &&
	getent group daemon >/dev/null; then
	printf 'old\n' >"$WORK/clerks.txt"
	chown nobody:daemon "$WORK/clerks.txt"
	chmod 640 "$WORK/clerks.txt"
	expect_status 0 "$PERECHEN" -d "$DB" export -o "$WORK/clerks.txt"
	got=$(stat -c %U:%G:%a "$WORK/clerks.txt")
	[ "$got" = nobody:daemon:640 ] || fail "root's export made it $got"
else
	echo "skipped: keeping another owner needs root and nobody:daemon"
fi

# print saving the document (no lp here) takes the next free name past a
# planted link, and makes nothing where the link points.
mkdir "$WORK/save"
ln -s "$WORK/victim.txt" "$WORK/save/perechen-working.txt"
(cd "$WORK/save" && env PATH=/nonexistent "$PERECHEN" -d "$DB" print \
	--format txt >"$WORK/out" 2>"$WORK/err")
rc=$?
[ "$rc" = 3 ] || { cat "$WORK/err" >&2; fail "print without lp exited $rc"; }
expect_in "$WORK/err" "$WORK/save/perechen-working-2.txt"
[ -e "$WORK/victim.txt" ] && fail "print wrote through the planted link"
[ -f "$WORK/save/perechen-working-2.txt" ] && \
	[ ! -L "$WORK/save/perechen-working-2.txt" ] ||
	fail "print saved no regular file"

# --- standard output that cannot be written ---

if [ -w /dev/full ]; then
	# check and status fail with 3 (their 1 means a warning).
	for cmd in "1 tp list" "1 export" "3 check" "1 log" "3 status" \
		"1 users list" "1 calendar" "1 --help" "1 export --help" \
		"1 tp show 1.1"; do
		# shellcheck disable=SC2086 # the words are the arguments
		set -- $cmd
		want=$1
		shift
		"$PERECHEN" -d "$DB" "$@" >/dev/full 2>"$WORK/err"
		rc=$?
		[ "$rc" = "$want" ] || fail "'$* >/dev/full' exited $rc"
		expect_in "$WORK/err" "на диске нет места"
	done
	# A failed export is reported once.
	"$PERECHEN" -d "$DB" export >/dev/full 2>"$WORK/err"
	n=$(grep -c 'нет места' "$WORK/err")
	[ "$n" = 1 ] || fail "the failure was reported $n times"
	# A change made before the output was lost stays, and says so
	# (on a copy: the list itself is compared further on).
	cp "$DB" "$WORK/full.db"
	"$PERECHEN" -d "$WORK/full.db" tp set 1.1 --name "Сайт после полного диска" \
		>/dev/full 2>"$WORK/err"
	[ $? = 1 ] || fail "'tp set >/dev/full' did not fail"
	expect_in "$WORK/err" "изменение в перечне сохранено, но"
	expect_in "$WORK/err" "на диске нет места"
	"$PERECHEN" -d "$WORK/full.db" tp show 1.1 >"$WORK/out" ||
		fail "tp show after the lost output"
	expect_in "$WORK/out" "Сайт после полного диска"
	# A read-only command lost nothing but its output: no such words.
	"$PERECHEN" -d "$DB" tp list >/dev/full 2>"$WORK/err"
	grep -q "сохранено" "$WORK/err" && fail "tp list claims a saved change"
else
	echo "skipped: no /dev/full"
fi

# --- import: only what can be a list ---

before=$(db_digest)
expect_status 1 timeout 20 "$PERECHEN" -d "$DB" import --replace /dev/zero
expect_in "$WORK/err" "/dev/zero: это устройство"
expect_status 1 timeout 20 "$PERECHEN" -d "$DB" import --replace "$WORK/dir"
expect_in "$WORK/err" "это каталог"
expect_status 1 timeout 20 "$PERECHEN" -d "$DB" import --replace "$WORK/none"
expect_in "$WORK/err" "нет такого файла или каталога"
expect_status 1 timeout 20 "$PERECHEN" calendar check /dev/zero
expect_in "$WORK/err" "/dev/zero: это устройство"
# Standard input may be anything, but is read no further than 64 MiB.
timeout 60 "$PERECHEN" -d "$DB" import --replace - </dev/zero \
	>"$WORK/out" 2>"$WORK/err"
rc=$?
[ "$rc" = 1 ] || fail "import - </dev/zero exited $rc"
expect_in "$WORK/err" "больше 64 МиБ"
expect_in "$WORK/err" "чтение остановлено"
# A named file is read as it streams, up to 1 GiB; larger is refused by
# its size, unread.
truncate -s 1025M "$WORK/huge.tsv"
expect_status 1 timeout 20 "$PERECHEN" -d "$DB" import --replace \
	"$WORK/huge.tsv"
expect_in "$WORK/err" "больше 1024 МиБ"
[ "$(db_digest)" = "$before" ] || fail "a refused import changed the list"

# A fifo nobody writes to is given up (the program's own limit, well
# inside the guard's), and the list is untouched.
mkfifo "$WORK/in-fifo"
timeout 60 "$PERECHEN" -d "$DB" import --replace "$WORK/in-fifo" \
	>"$WORK/out" 2>"$WORK/err"
rc=$?
[ "$rc" = 1 ] || fail "import of a fifo with no writer exited $rc"
expect_in "$WORK/err" "никто не начал писать"
[ "$(db_digest)" = "$before" ] || fail "the fifo import changed the list"
# A fifo with a writer is read.
cat "$EXAMPLE" >"$WORK/in-fifo" &
writer=$!
expect_status 0 timeout 60 "$PERECHEN" -d "$WORK/fifo.db" import -q \
	"$WORK/in-fifo"
wait "$writer"
"$PERECHEN" -d "$WORK/fifo.db" export --format csv -o - 2>/dev/null |
	md5sum >"$WORK/fifo.sum"
[ "$(cat "$WORK/fifo.sum")" = "$before" ] ||
	fail "the list read from a fifo differs"

# --- a shared list ---

(umask 002 && "$PERECHEN" -d "$WORK/shared.db" init --title "т" >/dev/null) ||
	fail "init under umask 002 failed"
[ "$(mode_of "$WORK/shared.db")" = 664 ] ||
	fail "a new list under umask 002 is $(mode_of "$WORK/shared.db")"
(umask 022 && "$PERECHEN" -d "$WORK/private.db" init --title "т" >/dev/null) ||
	fail "init under umask 022 failed"
[ "$(mode_of "$WORK/private.db")" = 644 ] ||
	fail "a new list under umask 022 is $(mode_of "$WORK/private.db")"
# A folder made for the list is as shared as the list.
(umask 002 && "$PERECHEN" -d "$WORK/made/for/it.db" init --title "т" \
	>/dev/null) || fail "init in a new folder failed"
[ "$(mode_of "$WORK/made/for")" = 775 ] ||
	fail "a folder made for a list is $(mode_of "$WORK/made/for")"

# A list named by a link that points nowhere is not made where it points.
ln -s "$WORK/elsewhere.db" "$WORK/link.db"
expect_status 1 "$PERECHEN" -d "$WORK/link.db" init --title "т"
expect_in "$WORK/err" "символическая ссылка на несуществующий файл"
[ -e "$WORK/elsewhere.db" ] && fail "a list was made through a link"
[ -L "$WORK/link.db" ] || fail "the clerk's link was removed"

# -wal and -shm, made while a reader holds the list open, have its mode.
if command -v sqlite3 >/dev/null 2>&1; then
	mkfifo "$WORK/sql"
	sqlite3 "$WORK/shared.db" <"$WORK/sql" >/dev/null 2>&1 &
	holder=$!
	exec 4>"$WORK/sql"
	echo "BEGIN; SELECT count(*) FROM process;" >&4
	i=0
	while [ ! -e "$WORK/shared.db-shm" ] && [ "$i" -lt 500 ]; do
		i=$((i + 1))
		sleep 0.01
	done
	for f in "$WORK/shared.db-wal" "$WORK/shared.db-shm"; do
		[ -e "$f" ] || fail "$f was not made"
		[ "$(mode_of "$f")" = 664 ] ||
			fail "$f is $(mode_of "$f"), the list 664"
	done
	exec 4>&-
	wait "$holder"
else
	echo "skipped: -wal and -shm modes need the sqlite3 shell"
fi

# In a setgid folder the list gets the folder's group.
if [ "$(id -u)" = 0 ] && getent group daemon >/dev/null; then
	mkdir "$WORK/office"
	chgrp daemon "$WORK/office"
	chmod 2775 "$WORK/office"
	(umask 002 && "$PERECHEN" -d "$WORK/office/list.db" init \
		--title "т" >/dev/null) || fail "init in a setgid folder failed"
	got=$(stat -c %G:%a "$WORK/office/list.db")
	[ "$got" = daemon:664 ] || fail "a list in a setgid folder is $got"
else
	echo "skipped: a setgid folder of another group needs root"
fi

# A list anyone may change is named as such; so is one of another owner
# not shared with our group.
chmod 666 "$WORK/shared.db"
expect_status 0 "$PERECHEN" -d "$WORK/shared.db" tp list
expect_in "$WORK/err" "может изменить любой пользователь"
chmod 664 "$WORK/shared.db"
expect_status 0 "$PERECHEN" -d "$WORK/shared.db" tp list
[ -s "$WORK/err" ] && fail "a 664 list of ours warned: $(cat "$WORK/err")"
if [ "$(id -u)" = 0 ] && getent passwd nobody >/dev/null; then
	chown nobody:nogroup "$WORK/shared.db"
	chmod 644 "$WORK/shared.db"
	expect_status 0 "$PERECHEN" -d "$WORK/shared.db" tp list
	expect_in "$WORK/err" "принадлежит пользователю nobody"
	chown nobody:root "$WORK/shared.db"
	chmod 664 "$WORK/shared.db"
	expect_status 0 "$PERECHEN" -d "$WORK/shared.db" tp list
	[ -s "$WORK/err" ] && fail "a list shared with our group warned"
fi

# --- identity: the real uid's login, not the environment's ---

me=$(id -un)
expect_status 0 env USER=mallory LOGNAME=mallory "$PERECHEN" -d "$DB" \
	ack R8 --process 5 --reason "проверка"
expect_status 0 "$PERECHEN" -d "$DB" ack --list
expect_in "$WORK/out" "$me"
expect_not_in "$WORK/out" "mallory"
expect_status 0 env USER=mallory LOGNAME=mallory "$PERECHEN" -d "$DB" \
	tp set 1.1 --specifics "проверка входа"
expect_status 0 "$PERECHEN" -d "$DB" log
expect_in "$WORK/out" "$me"
expect_not_in "$WORK/out" "mallory"

echo "test_files: ok"
