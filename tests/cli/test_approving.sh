#!/bin/sh
# Which order the grif cites (schema 11): approve amends the list once a
# revision exists, --approving approves it anew; the grif of a revision
# cites the latest approving order up to it, «в редакции» only the
# amending ones after it; the order's draft cites the same; the kind is
# logged and sealed (verify); import --approved records an approving
# order.
. "$TESTS_DIR/cli/lib.sh"
P=$PERECHEN
GEN="приказом $SEED_GENITIVE"
export PERECHEN_TODAY=01.07.2024

# The annex of revision $1 as one line (whitespace collapsed).
annex() {
	expect_status 0 "$P" -d "$DB" export --revision "$1" --format txt \
	    -o "$WORK/r$1.txt"
	tr -s ' \n' '  ' <"$WORK/r$1.txt" >"$WORK/r$1.flat"
}

# Its grif: what comes before the title «ПЕРЕЧЕНЬ».
grif() {
	annex "$1"
	sed 's/ ПЕРЕЧЕНЬ .*//' "$WORK/r$1.flat" >"$WORK/g$1"
}

expect_status 0 "$P" -d "$DB" import -q "$EXAMPLE"
expect_status 0 "$P" -d "$DB" approve --order 27/01-01 --date 19.03.2024
expect_in "$WORK/out" "Приказ записан как утверждающий перечень (утверждение)."
expect_status 0 "$P" -d "$DB" tp set 1.2 --specifics "по записи"
expect_status 0 "$P" -d "$DB" approve --order 45-од --date 10.04.2024 \
    --confirm-unreviewed
expect_in "$WORK/out" "Приказ записан как вносящий изменения в перечень (изменение)."
expect_status 0 "$P" -d "$DB" tp set 1.3 --specifics "по будням"
expect_status 0 "$P" -d "$DB" approve --approving --order 12-п \
    --date 15.05.2024 --confirm-unreviewed
expect_in "$WORK/out" "Приказ записан как утверждающий перечень (утверждение)."
expect_status 0 "$P" -d "$DB" tp set 1.4 --specifics "ежедневно"
expect_status 0 "$P" -d "$DB" approve --order 60-од --date 03.06.2024 \
    --confirm-unreviewed

# Revision 2: the first order, amended by the second.
grif 2
expect_in "$WORK/g2" "УТВЕРЖДЕН $GEN от 19.03.2024 № 27/01-01 (в редакции приказа $SEED_GENITIVE от 10.04.2024 № 45-од)"
# Revision 3: the new approving order alone, the old ones repealed.
grif 3
expect_in "$WORK/g3" "УТВЕРЖДЕН $GEN от 15.05.2024 № 12-п"
for gone in "в редакции" 27/01-01 45-од; do
	expect_not_in "$WORK/g3" "$gone"
done
# Revision 4 (and the latest): the new approving order as amended by
# the order after it, and by no order before it.
grif 4
expect_in "$WORK/g4" "УТВЕРЖДЕН $GEN от 15.05.2024 № 12-п (в редакции приказа $SEED_GENITIVE от 03.06.2024 № 60-од)"
for gone in 27/01-01 45-од; do
	expect_not_in "$WORK/g4" "$gone"
done
grif latest
cmp -s "$WORK/g4" "$WORK/glatest" || fail "latest is not revision 4"

# The draft amending revision 4 cites revision 3's order in its title
# and its item 1, with revision 4's in «в редакции».  What approved the
# Порядок the preamble cites is no longer known once the list was
# approved anew: refused until the clerk says, then cited as said.
expect_status 0 "$P" -d "$DB" tp set 1.1 --specifics "круглосуточно"
expect_status 1 "$P" -d "$DB" order -o "$WORK/order.txt"
expect_in "$WORK/err" "каким актом утверждён Порядок ведения перечня"
expect_in "$WORK/err" "perechen settings order.procedure"
[ ! -e "$WORK/order.txt" ] || fail "a refused draft left a file"
expect_status 0 "$P" -d "$DB" settings order.procedure \
	"приказом $SEED_GENITIVE от 15.05.2024 № 12-п"
expect_status 0 "$P" -d "$DB" order -o "$WORK/order.txt"
tr -s ' \n' '  ' <"$WORK/order.txt" >"$WORK/order.flat"
expect_in "$WORK/order.flat" "О внесении изменений в приказ $SEED_GENITIVE от 15.05.2024 № 12-п"
expect_in "$WORK/order.flat" "утвержденного $GEN от 15.05.2024 № 12-п,"
expect_in "$WORK/order.flat" "утвержденный $GEN от 15.05.2024 № 12-п (в редакции приказа $SEED_GENITIVE от 03.06.2024 № 60-од) (далее — Перечень)"
for gone in 27/01-01 45-од; do
	expect_not_in "$WORK/order.flat" "$gone"
done

# Rows moved: a new edition, whose annex's grif names the order that
# amended revision 3 before this one, and this one as blanks.
expect_status 0 "$P" -d "$DB" tp move 1.1 down
expect_status 0 "$P" -d "$DB" order -o "$WORK/edition.txt"
tr -s ' \n' '  ' <"$WORK/edition.txt" >"$WORK/edition.flat"
expect_in "$WORK/edition.flat" "изложить в новой редакции"
expect_in "$WORK/edition.flat" "от 15.05.2024 № 12-п (в редакции приказов $SEED_GENITIVE от 03.06.2024 № 60-од, от «___» ____________ 20__ г. № ________)"
expect_status 0 "$P" -d "$DB" tp move 1.2 up

# The log names each order's kind.
expect_status 0 "$P" -d "$DB" log --limit 20
expect_in "$WORK/out" "редакция 2: приказ от 10.04.2024 № 45-од (изменение)"
expect_in "$WORK/out" "редакция 3: приказ от 15.05.2024 № 12-п (утверждение)"

# The kinds are sealed: changed beside the program, verify names it.
expect_status 0 "$P" -d "$DB" verify
expect_in "$WORK/out" "редакций 4"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$DB" "UPDATE revision SET approves = 0 WHERE id = 3" ||
	    fail "sqlite3"
	expect_status 1 "$P" -d "$DB" verify
	expect_in "$WORK/err" "редакция 3 изменена вне программы"
	sqlite3 "$DB" "UPDATE revision SET approves = 1 WHERE id = 3" ||
	    fail "sqlite3"
	expect_status 0 "$P" -d "$DB" verify
else
	echo "skipped (no sqlite3): a tampered kind"
fi

# import --approved: the file is the approving order, even over a list
# approved and amended before; its grif cites it alone.
DB="$WORK/imported.db"
expect_status 0 "$P" -d "$DB" import -q "$EXAMPLE"
expect_status 0 "$P" -d "$DB" approve --order 1-од --date 01.02.2024
expect_status 0 "$P" -d "$DB" tp set 1.2 --specifics "по записи"
expect_status 0 "$P" -d "$DB" approve --order 2-од --date 01.03.2024 \
    --confirm-unreviewed
expect_status 0 "$P" -d "$DB" import --replace --approved "$SEED_ORDER"
expect_in "$WORK/out" "Утверждена редакция 3: приказ от 19.03.2024 № 27/01-01"
grif 3
expect_in "$WORK/g3" "УТВЕРЖДЕН $GEN от 19.03.2024 № 27/01-01"
for gone in "в редакции" 1-од 2-од; do
	expect_not_in "$WORK/g3" "$gone"
done
expect_status 0 "$P" -d "$DB" log --limit 1
expect_in "$WORK/out" "редакция 3: приказ от 19.03.2024 № 27/01-01 (утверждение)"
expect_status 0 "$P" -d "$DB" verify
echo "ok"
