# Shared helpers for the command-line shell tests (sourced).
# $PERECHEN is the binary under test, $TESTS_DIR the tests directory.
set -u
: "${PERECHEN:?set by tests/run.sh}"
# A test run on its own leaves the font libraries' caches alone too.
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$TESTS_DIR/lsan.supp:print_suppressions=0}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/perechen-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/t.db"
SEED_TABLE="$TESTS_DIR/data/seed-table.tsv"
EXAMPLE="$PERECHEN_SHARE/examples/smolensk-promtorg.tsv"
# The seed order as a whole, and the body and title it names.
SEED_ORDER="$TESTS_DIR/data/seed-order.txt"
SEED_ORG="Министерство промышленности и торговли Смоленской области"
SEED_GENITIVE="Министерства промышленности и торговли Смоленской области"
SEED_TITLE="точек взаимодействия с клиентом по вопросам осуществления регионального государственного контроля (надзора)"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# expect_status CODE CMD... : run CMD, fail unless it exits with CODE.
expect_status() {
	_want=$1
	shift
	"$@" >"$WORK/out" 2>"$WORK/err"
	_got=$?
	if [ "$_got" != "$_want" ]; then
		echo "--- stdout" >&2; cat "$WORK/out" >&2
		echo "--- stderr" >&2; cat "$WORK/err" >&2
		fail "'$*' exited $_got, expected $_want"
	fi
}

# expect_in FILE TEXT : fail unless FILE contains TEXT (fixed string).
expect_in() {
	grep -qF -- "$2" "$1" || { cat "$1" >&2; fail "'$2' not in $1"; }
}

expect_not_in() {
	if grep -qF -- "$2" "$1"; then cat "$1" >&2; fail "'$2' unexpectedly in $1"; fi
}

# db_digest: a digest of the list that changes if anything changed.
db_digest() {
	"$PERECHEN" -d "$DB" export --format csv -o - 2>/dev/null | md5sum
}

# skip_without CMD...: end the test with SKIP unless every CMD is on PATH.
skip_without() {
	for _c in "$@"; do
		command -v "$_c" >/dev/null 2>&1 ||
		    { echo "SKIP: needs $_c"; exit 0; }
	done
}
