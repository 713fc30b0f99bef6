#!/bin/sh
# Two clerks at once, as two Unix accounts: a verdict is about the version
# the reviewer saw; approval checks what it freezes in its own transaction;
# concurrent changes of different fields of one touchpoint both land, each
# logged once.  Needs root (useradd, setpriv) and sqlite3.
. "$TESTS_DIR/cli/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null 2>&1 ||
    ! command -v useradd >/dev/null 2>&1 ||
    ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: needs root, setpriv, useradd and sqlite3 for two accounts"
	exit 0
fi
RA="prc_rev_$$"
ED="prc_ed_$$"
for u in "$RA" "$ED"; do
	useradd -M -N -s /bin/false "$u" 2>/dev/null ||
	    { echo "SKIP: useradd $u failed"; exit 0; }
done
trap 'userdel "$RA" 2>/dev/null; userdel "$ED" 2>/dev/null; rm -rf "$WORK"' EXIT

P="$PERECHEN"
chmod 755 "$WORK"
SHARED="$WORK/shared"
mkdir "$SHARED"
chmod 777 "$SHARED"
cp "$P" "$WORK/perechen"
chmod 755 "$WORK/perechen"
umask 000

# as USER LIST ARGS...: perechen on LIST as USER's real uid.
as() {
	_u=$1
	_l=$2
	shift 2
	setpriv --reuid="$(id -u "$_u")" --regid="$(id -g "$_u")" \
		--clear-groups env HOME=/nonexistent \
		PERECHEN_SHARE="$PERECHEN_SHARE" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" \
		UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
		"$WORK/perechen" -d "$_l" "$@"
}

# new_list FILE TSV: FILE made from TSV, shared by both accounts: the
# reviewer authorised, the editor a unit editor of «отдел».
new_list() {
	expect_status 0 "$P" -d "$1" import -q "$2"
	expect_status 0 "$P" -d "$1" init --org "Министерство" \
	    --org-genitive "Министерства" --title "Перечень"
	expect_status 0 "$P" -d "$1" users add "$RA" --role уполномоченный
	expect_status 0 "$P" -d "$1" users add "$ED" --role редактор \
	    --unit "отдел"
	chmod 666 "$1"
}

# --- The review race: shown, changed by the editor, accept refused.
L="$SHARED/review.db"
new_list "$L" "$EXAMPLE"
expect_status 0 "$P" -d "$L" tp set 1.1 --unit "отдел"
expect_status 0 as "$RA" "$L" approve --order 1 --date 01.12.2026 \
    --today 01.12.2026 --confirm-errors
expect_status 0 as "$ED" "$L" tp set 1.1 --specifics "первая правка"
expect_status 0 as "$RA" "$L" review start --scope changed
expect_in "$WORK/out" "первая правка"
expect_status 0 as "$ED" "$L" tp set 1.1 --specifics "вторая правка"
expect_status 1 as "$RA" "$L" review accept
expect_in "$WORK/err" "точку 1.1 изменил $ED"
expect_in "$WORK/err" "особенности «вторая правка»"
expect_in "$WORK/err" "просмотрите её снова"
expect_status 1 as "$RA" "$L" approve --order 2 --date 01.12.2026 \
    --today 01.12.2026 --confirm-errors
expect_in "$WORK/err" "не принятых при проверке точек: 1"
# Shown again, the new version is the one accepted.
expect_status 0 as "$RA" "$L" review show
expect_in "$WORK/out" "вторая правка"
expect_status 0 as "$RA" "$L" review accept
expect_status 0 as "$RA" "$L" approve --order 2 --date 01.12.2026 \
    --today 01.12.2026 --confirm-errors

# --- 100 pairs of concurrent changes to different fields of one touchpoint.
L="$SHARED/pairs.db"
new_list "$L" "$EXAMPLE"
expect_status 0 "$P" -d "$L" tp set 2.2 --unit "отдел"
i=1
while [ $i -le 100 ]; do
	as "$RA" "$L" tp set 2.2 --specifics "особенность $i" \
	    >"$WORK/a.out" 2>"$WORK/a.err" &
	a=$!
	as "$ED" "$L" tp set 2.2 --basis "основание $i" \
	    >"$WORK/b.out" 2>"$WORK/b.err" &
	b=$!
	wait $a || { cat "$WORK/a.err" >&2; fail "pair $i: specifics refused"; }
	wait $b || { cat "$WORK/b.err" >&2; fail "pair $i: basis refused"; }
	i=$((i + 1))
done
expect_status 0 "$P" -d "$L" tp show 2.2
expect_in "$WORK/out" "особенность 100"
expect_in "$WORK/out" "основание 100"
for f in "особенности|особенность" "основание|основание"; do
	field=${f%%|*}
	word=${f#*|}
	n=$(sqlite3 "$L" "SELECT count(*) FROM change_log WHERE field = \
	    '$field' AND new_value LIKE '$word %'")
	[ "$n" = 100 ] || fail "$field logged $n times for 100 changes"
	n=$(sqlite3 "$L" "SELECT count(DISTINCT new_value) FROM change_log \
	    WHERE field = '$field' AND new_value LIKE '$word %'")
	[ "$n" = 100 ] || fail "$field: $n distinct entries for 100 changes"
done

# The same field at once: either the second saw the first (its log entry
# starts from the first's value) or it is refused with both values —
# never a silent overwrite.
i=1
while [ $i -le 10 ]; do
	as "$RA" "$L" tp set 2.2 --specifics "его $i" \
	    >"$WORK/a.out" 2>"$WORK/a.err" &
	a=$!
	as "$ED" "$L" tp set 2.2 --specifics "моё $i" \
	    >"$WORK/b.out" 2>"$WORK/b.err" &
	b=$!
	wait $a
	ra=$?
	wait $b
	rb=$?
	if [ $ra = 0 ] && [ $rb = 0 ]; then
		n=$(sqlite3 "$L" "SELECT count(*) FROM change_log WHERE \
		    field = 'особенности' AND ((old_value = 'его $i' AND \
		    new_value = 'моё $i') OR (old_value = 'моё $i' AND \
		    new_value = 'его $i'))")
		[ "$n" = 1 ] || fail "same field, pair $i: one overwrote the \
other unseen"
	else
		[ $ra = 0 ] || [ $rb = 0 ] || fail "same field, pair $i: both \
refused"
		[ $ra = 0 ] && f="$WORK/b.err" || f="$WORK/a.err"
		expect_in "$f" "те же поля"
		expect_in "$f" "«его $i»"
		expect_in "$f" "«моё $i»"
		expect_in "$f" "ничего не сохранено"
	fi
	i=$((i + 1))
done

# --- 20 approvals racing an edit on a 10,000-touchpoint list: an edit
# that lands before the approval's transaction holds it back (nobody
# reviewed it); one after it stays out of the revision.
L="$SHARED/big.db"
sh "$TESTS_DIR/../bench/gen-list.sh" 1000 10 >"$WORK/big.tsv"
new_list "$L" "$WORK/big.tsv"
expect_status 0 "$P" -d "$L" tp set 1.5 --unit "отдел"
expect_status 0 as "$RA" "$L" approve --order 0 --date 01.12.2026 \
    --today 01.12.2026 --confirm-errors
tp=$(sqlite3 "$L" "SELECT t.id FROM touchpoint t JOIN process p ON \
    p.id = t.process_id WHERE p.pos = 1 AND t.pos = 5")
# start_edit N, start_approval N: trial N's two clerks, in the background
# ($e, $a their pids).
start_edit() {
	as "$ED" "$L" tp set 1.5 --specifics "правка $1" \
	    >"$WORK/e.out" 2>"$WORK/e.err" &
	e=$!
}
start_approval() {
	as "$RA" "$L" approve --order "$1" --date 01.12.2026 \
	    --today 01.12.2026 --confirm-errors >"$WORK/a.out" 2>"$WORK/a.err" &
	a=$!
}
approved=0
refused=0
i=1
while [ $i -le 20 ]; do
	# Each starts first in every other trial.
	if [ $((i % 2)) = 0 ]; then
		start_edit $i
		start_approval $i
	else
		start_approval $i
		start_edit $i
	fi
	wait $e || { cat "$WORK/e.err" >&2; fail "trial $i: the edit failed"; }
	if wait $a; then
		approved=$((approved + 1))
		frozen=$(sqlite3 "$L" "SELECT specifics FROM rev_touchpoint \
		    WHERE id = $tp AND revision_id = (SELECT max(id) FROM \
		    revision)")
		[ "$frozen" != "правка $i" ] ||
		    fail "trial $i froze an unreviewed change"
	else
		refused=$((refused + 1))
		expect_in "$WORK/a.err" "не принятых при проверке точек: 1"
	fi
	# Back to the approved text: nothing is left to review.
	expect_status 0 "$P" -d "$L" tp set 1.5 --specifics ""
	i=$((i + 1))
done
n=$(sqlite3 "$L" "SELECT count(*) FROM rev_touchpoint WHERE specifics \
    LIKE 'правка %'")
[ "$n" = 0 ] || fail "$n revisions hold an unreviewed change"
echo "approvals: $approved made, $refused held back by an edit"
echo ok
