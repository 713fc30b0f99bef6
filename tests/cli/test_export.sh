#!/bin/sh
# perechen export: usage errors, an empty list, then (when the import
# command and the shipped example exist) the example list as a text table
# and as CSV, written to stdout and to files, in UTF-8 and CP1251.
. "$TESTS_DIR/cli/lib.sh"

# width_of_every_line FILE N : fail unless every line of FILE is N columns.
width_of_every_line() {
	while IFS= read -r line; do
		w=$(printf '%s\n' "$line" | wc -L)
		[ "$w" = "$2" ] || fail "line of $w columns, not $2: $line"
	done <"$1"
}

# Help and usage errors.
expect_status 0 "$PERECHEN" export --help
expect_in "$WORK/out" "Использование: perechen [-d ФАЙЛ] export"
expect_in "$WORK/out" "--format txt|csv"
expect_status 1 "$PERECHEN" -d "$WORK/missing.db" export
expect_in "$WORK/err" "не найден"
[ -e "$WORK/missing.db" ] && fail "export created the database"

expect_status 0 "$PERECHEN" -d "$DB" init --title "точек взаимодействия"
for bad in "--format pdf" "--format" "--width 59" "--width 1001" \
	"--width 80x" "--encoding no-such-encoding" "--bogus" "extra"; do
	# shellcheck disable=SC2086 # the words are the arguments
	expect_status 2 "$PERECHEN" -d "$DB" export $bad
	[ -s "$WORK/out" ] && fail "export $bad wrote to stdout"
done
expect_status 2 "$PERECHEN" -d "$DB" export --format pdf
expect_in "$WORK/err" "возможны txt и csv"

# An empty list: the heading and the table's header row, nothing else.
expect_status 0 "$PERECHEN" -d "$DB" export --width 60
expect_in "$WORK/out" "ПЕРЕЧЕНЬ"
expect_in "$WORK/out" "│ №   │"
expect_in "$WORK/out" "└─────┴"
cp "$WORK/out" "$WORK/empty.txt"
width_of_every_line "$WORK/empty.txt" 60
expect_status 0 "$PERECHEN" -d "$DB" export --format csv
[ "$(wc -l <"$WORK/out")" = 1 ] || fail "empty CSV has more than the header"
expect_in "$WORK/out" "№,Процесс взаимодействия с клиентом,"

# Writing to a file that cannot be made fails and leaves nothing behind.
expect_status 1 "$PERECHEN" -d "$DB" export -o "$WORK/no/such/dir/list.txt"
expect_in "$WORK/err" "не удалось записать"
[ -e "$WORK/no" ] && fail "export made a directory"
# A directory in the way: the rename fails and the temporary file goes.
mkdir -p "$WORK/adir/sub"
expect_status 1 "$PERECHEN" -d "$DB" export -o "$WORK/adir"
expect_in "$WORK/err" "не удалось записать"
[ -d "$WORK/adir/sub" ] || fail "export damaged the directory in its way"
for f in "$WORK"/*.tmp; do
	[ -e "$f" ] && fail "a temporary file was left behind: $f"
done
if [ "$(id -u)" != 0 ]; then
	mkdir "$WORK/ro"
	chmod 555 "$WORK/ro"
	expect_status 1 "$PERECHEN" -d "$DB" export -o "$WORK/ro/list.txt"
	[ -z "$(ls -A "$WORK/ro")" ] || fail "export left a file in $WORK/ro"
	chmod 755 "$WORK/ro"
else
	echo "running as root: the read-only directory case is skipped"
fi

if ! "$PERECHEN" import --help >/dev/null 2>&1; then
	echo "SKIP: no import command yet; the example list is not exported"
	exit 0
fi
if [ ! -f "$EXAMPLE" ]; then
	echo "SKIP: $EXAMPLE missing; the example list is not exported"
	exit 0
fi

rm -f "$DB"
expect_status 0 "$PERECHEN" -d "$DB" import "$EXAMPLE"

# The text table: every process of the example in order, 120 columns
# by default, every line of the width asked.
expect_status 0 "$PERECHEN" -d "$DB" export
[ -s "$WORK/err" ] && fail "export wrote to stderr: $(cat "$WORK/err")"
[ "$(wc -L <"$WORK/out")" = 120 ] || fail "default width is not 120"
grep -oE '^│ [0-9]+ +│ [^ ]+' "$WORK/out" >"$WORK/procs"
printf '%s\n' "│ 1   │ Информирование" "│ 2   │ Консультирование" \
	"│ 3   │ Профилактический" "│ 4   │ Плановая" "│ 5   │ Досудебное" |
	cmp -s - "$WORK/procs" || fail "processes: $(cat "$WORK/procs")"
expect_in "$WORK/out" "otdelgoscen@yandex.ru"
expect_status 0 "$PERECHEN" -d "$DB" export --width 80
cp "$WORK/out" "$WORK/list80.txt"
width_of_every_line "$WORK/list80.txt" 80

# -o writes the same bytes to a file (replacing what was there) and
# nothing to stdout; -o - is stdout.
expect_status 0 "$PERECHEN" -d "$DB" export --width 80 -o -
cmp -s "$WORK/out" "$WORK/list80.txt" || fail "-o - differs from stdout"
head -c 100000 /dev/zero >"$WORK/list.txt"
expect_status 0 "$PERECHEN" -d "$DB" export --width 80 -o "$WORK/list.txt"
[ -s "$WORK/out" ] && fail "export -o wrote to stdout"
cmp -s "$WORK/list.txt" "$WORK/list80.txt" || fail "-o FILE differs"
for f in "$WORK"/*.tmp; do
	[ -e "$f" ] && fail "a temporary file was left behind: $f"
done

# CSV: chosen by the file name, UTF-8 with a BOM; it imports back to the
# same list.
expect_status 0 "$PERECHEN" -d "$DB" export -o "$WORK/list.csv"
[ "$(head -c 3 "$WORK/list.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
	fail "UTF-8 CSV without a BOM"
expect_in "$WORK/list.csv" "Досудебное обжалование"
expect_status 0 "$PERECHEN" -d "$DB" export --format csv --no-bom
[ "$(head -c 3 "$WORK/out" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
	fail "--no-bom wrote a BOM"
expect_status 0 "$PERECHEN" -d "$WORK/back.db" import "$WORK/list.csv"
expect_status 0 "$PERECHEN" -d "$WORK/back.db" export --format csv \
	-o "$WORK/back.csv"
cmp -s "$WORK/list.csv" "$WORK/back.csv" ||
	fail "CSV exported, imported and exported again differs"

# CP1251: ';' for Russian Excel, no BOM, an ASCII frame for the table.
expect_status 0 "$PERECHEN" -d "$DB" export --format csv --encoding cp1251
iconv -f CP1251 -t UTF-8 <"$WORK/out" >"$WORK/cp.csv" ||
	fail "CP1251 CSV is not CP1251"
head -n 1 "$WORK/cp.csv" | grep -q '^№;Процесс взаимодействия с клиентом;' ||
	fail "CP1251 CSV header: $(head -n 1 "$WORK/cp.csv")"
expect_status 0 "$PERECHEN" -d "$DB" export --encoding windows-1251
iconv -f CP1251 -t UTF-8 <"$WORK/out" >"$WORK/cp.txt" ||
	fail "CP1251 text is not CP1251"
expect_in "$WORK/cp.txt" "+-----+"
expect_in "$WORK/cp.txt" "| Информирование"

# A character the encoding lacks: '?' in its place and a warning.
{
	printf '№\tПроцесс взаимодействия с клиентом\tТочка взаимодействия\t'
	printf 'Удовлетворяемые потребности клиента\t'
	printf 'Особенности взаимодействия с клиентом\n'
	printf '1\tПриём\tОкно 字\tПолучение информации\tОфлайн-точка\n'
} >"$WORK/cjk.tsv"
expect_status 0 "$PERECHEN" -d "$WORK/cjk.db" import "$WORK/cjk.tsv"
expect_status 0 "$PERECHEN" -d "$WORK/cjk.db" export --encoding cp1251
expect_in "$WORK/err" "заменено знаком «?»: 1"
iconv -f CP1251 -t UTF-8 <"$WORK/out" | grep -q '| Окно ? ' ||
	fail "the lacking character is not a '?'"
expect_status 0 "$PERECHEN" -d "$WORK/cjk.db" export
[ -s "$WORK/err" ] && fail "UTF-8 export warned: $(cat "$WORK/err")"
exit 0
