#!/bin/sh
# The acceptance of issue 16 on the machine itself, as root: build the
# .deb, lintian clean, apt-get install it; two accounts and a shared list:
# the clerk cannot open, copy or chmod the file, edits within the unit,
# is refused roles and exports into the lists' directory; an entry changed
# by root with sqlite3 is named by verify; a backup made while another
# process edits is whole, verifies, and restores; lists --status on three
# lists puts the overdue one first and exits 2; apt-get purge leaves the
# lists.  It installs and purges a package and adds accounts: it runs
# only as root with CI=true or PERECHEN_TEST_DEB=1, and cleans up.
. "$TESTS_DIR/cli/lib.sh"

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: needs root (installs the package)"
	exit 0
fi
if [ "${CI:-}" != true ] && [ "${PERECHEN_TEST_DEB:-}" != 1 ]; then
	echo "SKIP: installs a package system-wide; runs with CI=true or PERECHEN_TEST_DEB=1"
	exit 0
fi
if dpkg -s perechen >/dev/null 2>&1; then
	echo "SKIP: the perechen package is installed already"
	exit 0
fi
skip_without apt-get dpkg-buildpackage lintian sqlite3 setpriv useradd

top=$(cd "$TESTS_DIR/.." && pwd)
LISTS=/var/lib/perechen
OWNER="prc_own_$$"
CLERK="prc_clk_$$"
NAME="acc$$"
had_group=no
getent group perechen >/dev/null && had_group=yes
had_dir=no
[ -d "$LISTS" ] && had_dir=yes
BACKUPS=/var/backups/perechen
had_backups=no
[ -d "$BACKUPS" ] && had_backups=yes
cleanup() {
	[ -f "$WORK/writing" ] && rm -f "$WORK/writing"
	dpkg -s perechen >/dev/null 2>&1 &&
	    apt-get purge -y -qq perechen >/dev/null 2>&1
	userdel -r "$OWNER" 2>/dev/null
	userdel -r "$CLERK" 2>/dev/null
	rm -f "$LISTS/$NAME".db* "$LISTS/${NAME}c".db* "$LISTS/${NAME}d".db* \
		"$LISTS/${NAME}l".db*
	[ $had_dir = no ] && rmdir "$LISTS" 2>/dev/null
	rm -f "$BACKUPS/$NAME"-*.db "$BACKUPS/${NAME}c"-*.db \
		"$BACKUPS/${NAME}d"-*.db "$BACKUPS/${NAME}l"-*.db
	[ $had_backups = no ] && rmdir "$BACKUPS" 2>/dev/null
	[ $had_group = no ] && groupdel perechen 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
chmod 755 "$WORK"

# --- The package: built, lintian clean, installed.
make -s -C "$top" --no-print-directory deb >"$WORK/build.log" 2>&1 ||
    { tail -n 30 "$WORK/build.log"; fail "make deb"; }
deb=$(ls "$top"/build/deb/perechen_*_*.deb)
[ -f "$deb" ] || fail "no .deb built"
lintian "$deb" >"$WORK/lintian" 2>&1
if grep -qE '^[EW]: ' "$WORK/lintian"; then
	cat "$WORK/lintian" >&2
	fail "lintian reports errors or warnings"
fi
apt-get install -y -qq "$deb" >"$WORK/apt.log" 2>&1 ||
    { cat "$WORK/apt.log"; fail "apt-get install"; }
[ "$(stat -c %U:%G:%a "$LISTS")" = root:perechen:2770 ] ||
    fail "lists' directory: $(stat -c %U:%G:%a "$LISTS")"
[ "$(stat -c %G:%a /usr/bin/perechen)" = perechen:2755 ] ||
    fail "binary: $(stat -c %G:%a /usr/bin/perechen)"
[ -f /etc/profile.d/perechen.sh ] || fail "login snippet not installed"
[ -f /usr/share/bash-completion/completions/perechen ] ||
    fail "bash completion not installed"
[ -e /etc/systemd/system/timers.target.wants/perechen-backup.timer ] &&
    fail "the backup timer is enabled by default"

for u in "$OWNER" "$CLERK"; do
	useradd -m -s /bin/sh "$u" || fail "useradd $u"
done
P=/usr/bin/perechen
# as USER ARGS...: the installed perechen as USER (not in group perechen).
as() {
	_u=$1
	shift
	setpriv --reuid="$(id -u "$_u")" --regid="$(id -g "$_u")" \
		--init-groups env HOME="$(getent passwd "$_u" | cut -d: -f6)" \
		LC_ALL=C.UTF-8 "$@"
}
id -nG "$CLERK" | grep -qw perechen && fail "the clerk is in group perechen"

# --- A shared list: the administrator creates it naming the first
# account; that one fills it and makes the second a unit editor.
expect_status 0 "$P" -l "$NAME" init --owner "$OWNER"
expect_status 1 as "$CLERK" "$P" -l "${NAME}x" init --owner "$CLERK"
expect_status 0 as "$OWNER" "$P" -l "$NAME" import --quiet \
	/usr/share/perechen/examples/smolensk-promtorg.tsv
expect_status 0 as "$OWNER" "$P" -l "$NAME" users add "$CLERK" \
	--role редактор --unit "отдел"
expect_status 0 as "$OWNER" "$P" -l "$NAME" tp set 1.1 --unit "отдел"

# --- The clerk: the file is the program's alone.
F="$LISTS/$NAME.db"
expect_status 1 as "$CLERK" sqlite3 "$F" "SELECT count(*) FROM users"
expect_status 1 as "$CLERK" cp "$F" "/tmp/$NAME-copy.db"
expect_in "$WORK/err" "Permission denied"
expect_status 1 as "$CLERK" chmod 666 "$F"
expect_status 2 as "$CLERK" ls "$LISTS"
expect_status 0 as "$CLERK" "$P" -l "$NAME" tp set 1.1 \
	--need "2.6.1:Узнать часы приёма"
expect_status 1 as "$CLERK" "$P" -l "$NAME" users add "$CLERK" \
	--role уполномоченный
expect_status 1 as "$CLERK" "$P" -l "$NAME" export -o "$LISTS/x.txt"
[ -e "$LISTS/x.txt" ] && fail "export wrote into the lists' directory"
# The office formats go through perechen-office, set-group-id as well:
# it opens the list, and writes the clerk's DOCX where the clerk may.
mkdir "$WORK/clerk"
chown "$CLERK" "$WORK/clerk"
expect_status 0 as "$CLERK" "$P" -l "$NAME" export --format docx \
	-o "$WORK/clerk/l.docx"
head -c 2 "$WORK/clerk/l.docx" | grep -q PK || fail "the clerk's DOCX is no package"
expect_status 1 as "$CLERK" "$P" -l "$NAME" export --format docx \
	-o "$LISTS/x.docx"
[ -e "$LISTS/x.docx" ] && fail "a DOCX was written into the lists' directory"
expect_status 0 as "$CLERK" "$P" lists
expect_in "$WORK/out" "$NAME"
expect_status 0 as "$CLERK" "$P" -l "$NAME" verify

# --- A backup while the owner edits in a loop; whole, verified.
mkdir "$WORK/copies"
chown "$OWNER" "$WORK/copies"
: >"$WORK/writing"
(
	i=0
	while [ -e "$WORK/writing" ]; do
		i=$((i + 1))
		as "$OWNER" "$P" -l "$NAME" tp set 1.2 --specifics "правка $i" \
			>/dev/null 2>&1 || echo "$i" >>"$WORK/wfail"
	done
) &
writer=$!
sleep 2
expect_status 0 as "$OWNER" "$P" -l "$NAME" backup -o "$WORK/copies/a.db"
sleep 1
rm -f "$WORK/writing"
wait "$writer"
[ ! -e "$WORK/wfail" ] || fail "the writer failed during the backup"
[ "$(sqlite3 "$WORK/copies/a.db" 'PRAGMA integrity_check')" = ok ] ||
    fail "the copy's integrity_check"
expect_status 0 as "$OWNER" "$P" -d "$WORK/copies/a.db" verify

# --- Root changes a logged need with sqlite3: verify names the entry.
id=$(sqlite3 "$F" "SELECT max(id) FROM change_log WHERE field LIKE \
	'%потребност%' AND login = '$CLERK'")
[ -n "$id" ] || fail "no logged need of the clerk"
day=$(sqlite3 "$F" "SELECT strftime('%d.%m.%Y', at_utc) FROM change_log \
	WHERE id = $id")
sqlite3 "$F" "UPDATE change_log SET new_value = 'подмена' WHERE id = $id"
expect_status 1 as "$CLERK" "$P" -l "$NAME" verify
expect_in "$WORK/err" "запись журнала $id от $day изменена вне программы"

# --- restore brings the copy back: the authorised person only.
expect_status 1 as "$CLERK" "$P" -l "$NAME" restore --yes \
	"$WORK/copies/a.db"
expect_status 0 as "$OWNER" "$P" -l "$NAME" restore --yes "$WORK/copies/a.db"
expect_in "$WORK/out" "последнее изменение: запись журнала"
expect_status 0 as "$CLERK" "$P" -l "$NAME" verify

# --- The daily job (what perechen-backup.service runs): a copy of each
# list, root's alone, which verifies.
/usr/libexec/perechen/backup-lists || fail "backup-lists"
copy="$BACKUPS/$NAME-$(date +%Y-%m-%d).db"
[ -f "$copy" ] || fail "the daily job made no copy of $NAME"
[ "$(stat -c %a "$BACKUPS")" = 700 ] || fail "mode of $BACKUPS"
expect_status 0 "$P" -d "$copy" verify

# --- lists --status on three lists: clean, due, overdue.
fill() {
	expect_status 0 "$P" -l "$1" init --owner "$OWNER"
	expect_status 0 as "$OWNER" "$P" -l "$1" import --quiet \
		/usr/share/perechen/examples/smolensk-promtorg.tsv
	expect_status 0 as "$OWNER" "$P" -l "$1" init --org "$2" \
		--title "Перечень точек взаимодействия" --area "финансы"
	expect_status 0 as "$OWNER" "$P" -l "$1" approve --order "$3" \
		--date "$4" --today "$4" --confirm-errors
}
today=$(date +%d.%m.%Y)
recent=$(date -d '-7 days' +%d.%m.%Y)
long_ago=$(date -d '-90 days' +%d.%m.%Y)
fill "${NAME}c" "Министерство чистоты" 10 "$recent"
expect_status 0 as "$OWNER" "$P" -l "${NAME}c" publish --date "$recent" \
	--today "$recent"
fill "${NAME}d" "Министерство сроков" 11 "$recent"
expect_status 0 as "$OWNER" "$P" -l "${NAME}d" publish --date "$recent" \
	--today "$recent"
expect_status 0 as "$OWNER" "$P" -l "${NAME}d" tp set 2.1 \
	--kind "Почта России"
fill "${NAME}l" "Министерство опозданий" 12 "$long_ago"
# The first list's state is its own: only these three are the owner's
# with a revision; lists --status shows every list of the owner.
expect_status 2 as "$OWNER" "$P" lists --status --today "$today"
order=$(grep -oE "^${NAME}[cdl]? " "$WORK/out" | tr -d ' ' | tr '\n' ' ')
case $order in
"${NAME}l "*"${NAME}d "*"${NAME}c "*) ;;
*) cat "$WORK/out" >&2; fail "order of lists: $order" ;;
esac
expect_in "$WORK/out" "ПРОСРОЧЕНО"

# --- Purge: everything but the lists goes.
apt-get purge -y -qq perechen >"$WORK/apt.log" 2>&1 ||
    { cat "$WORK/apt.log"; fail "apt-get purge"; }
[ -f "$F" ] || fail "purge removed the list"
[ -f "$LISTS/${NAME}l.db" ] || fail "purge removed a list"
for f in /usr/bin/perechen /etc/profile.d/perechen.sh /etc/default/perechen \
    /usr/share/perechen /usr/share/man/man1/perechen.1.gz \
    /lib/systemd/system/perechen-backup.timer; do
	[ -e "$f" ] && fail "purge left $f"
done
dpkg-statoverride --list /usr/bin/perechen >/dev/null 2>&1 &&
    fail "purge left the statoverride"
echo "ok"
