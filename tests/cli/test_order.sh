#!/bin/sh
# perechen order: the draft of the amending order on the seed list, one
# edit at a time, against the golden drafts; the same sub-items in DOCX
# and PDF; nothing internal in any draft.
. "$TESTS_DIR/cli/lib.sh"
P=$PERECHEN
GOLDEN="$TESTS_DIR/golden"

quiet() {
	"$@" >/dev/null 2>&1 || fail "$*"
}

# A fresh list approved by the seed's order.
fresh() {
	rm -f "$DB" "$DB-wal" "$DB-shm"
	quiet "$P" -d "$DB" import "$EXAMPLE"
	quiet "$P" -d "$DB" approve --order 27/01-01 --date 19.03.2024
}

# The sub-items of a txt draft, one a line, wrapped lines joined; the
# rows a sub-item quotes in a table (from a line holding only «) left
# out.
subitems() {
	awk '/^[0-9]+\) /{ if (s != "") print s; s = $0; q = 0; next }
	    /^« *$/ { if (s != "") print s; s = ""; q = 1; next }
	    /^ *$/ { if (s != "") print s; s = ""; q = 0; next }
	    q { next }
	    s != "" { s = s " " $0 }
	    END { if (s != "") print s }' "$1" |
	    sed 's/  */ /g; s/ *$//; s/- /-/g'
}

# Every sub-item of the txt draft $1 in the text $2 (whitespace
# collapsed, a hyphen at a line's end joined).
same_subitems() {
	tr '\n' ' ' <"$2" | sed 's/  */ /g; s/- /-/g' >"$WORK/flat"
	subitems "$1" >"$WORK/items"
	[ -s "$WORK/items" ] || fail "no sub-items in $1"
	while IFS= read -r item; do
		grep -qF -- "$item" "$WORK/flat" ||
		    fail "$3: sub-item not found: $item"
	done <"$WORK/items"
}

# No internal field, kind code, need category or «было/стало».
nothing_internal() {
	for w in было стало "п. 2.6" "вид точки" категор потребности:; do
		expect_not_in "$1" "$w"
	done
	# A kind's code as a word of its own (an address may hold one).
	for w in post email tor_knd erknm ervk epgu social vks phone \
	    internal_office client_site personal site; do
		if grep -Eq "(^|[ «(|])$w([ ».,;:)|]|\$)" "$1"; then
			fail "kind code $w in $1"
		fi
	done
}

# The draft after the edits "$@" (each a quoted command line) matches
# golden order-$name.txt, and its DOCX and PDF hold the same sub-items.
check_case() {
	name=$1
	shift
	fresh
	for edit in "$@"; do
		eval "quiet \"\$P\" -d \"\$DB\" $edit"
	done
	expect_status 0 "$P" -d "$DB" order
	cp "$WORK/out" "$WORK/order-$name.txt"
	# UPDATE_GOLDEN=1 rewrites the golden drafts (read them before
	# committing).
	[ -z "${UPDATE_GOLDEN:-}" ] || cp "$WORK/out" "$GOLDEN/order-$name.txt"
	diff -u "$GOLDEN/order-$name.txt" "$WORK/order-$name.txt" ||
	    fail "order-$name.txt"
	nothing_internal "$WORK/order-$name.txt"
	if command -v unzip >/dev/null 2>&1; then
		expect_status 0 "$P" -d "$DB" order -o "$WORK/$name.docx"
		unzip -p "$WORK/$name.docx" word/document.xml |
		    sed 's/<w:br\/>/ /g; s/<[^>]*>//g' >"$WORK/docx.txt"
		same_subitems "$WORK/order-$name.txt" "$WORK/docx.txt" \
		    "DOCX of $name"
		nothing_internal "$WORK/docx.txt"
	fi
	if command -v pdftotext >/dev/null 2>&1; then
		expect_status 0 "$P" -d "$DB" order --format pdf \
		    -o "$WORK/$name.pdf"
		pdftotext -layout "$WORK/$name.pdf" "$WORK/pdf.txt" ||
		    fail "pdftotext $name"
		same_subitems "$WORK/order-$name.txt" "$WORK/pdf.txt" \
		    "PDF of $name"
		nothing_internal "$WORK/pdf.txt"
	fi
}

expect_status 0 "$P" order --help
expect_in "$WORK/out" "--revision"

# Nothing approved, nothing changed: no draft.
rm -f "$DB"
quiet "$P" -d "$DB" import "$EXAMPLE"
expect_status 1 "$P" -d "$DB" order
expect_in "$WORK/err" "не утверждён"
fresh
expect_status 1 "$P" -d "$DB" order
expect_in "$WORK/err" "изменений с редакции 1 нет"

check_case add "tp add 2 --name 'Телефонная связь (горячая линия)' \
    --kind 'Телефонная связь' --contact '+7 (4812) 29-25-10' \
    --need '2.6.2:получение консультации'"
# The row added is quoted as a table of the annex's columns: in DOCX a
# w:tbl holding its cells, in the PDF its cells.
if command -v unzip >/dev/null 2>&1; then
	unzip -p "$WORK/add.docx" word/document.xml >"$WORK/add.xml"
	grep -c "<w:tbl>" "$WORK/add.xml" | grep -qx 1 ||
	    fail "DOCX of add: one table"
	tr -d '\n' <"$WORK/add.xml" |
	    sed -n 's/.*<w:tbl>\(.*\)<\/w:tbl>.*/\1/p' |
	    sed 's/<w:tc>/|/g; s/<[^>]*>//g' >"$WORK/add-tbl.txt"
	for cell in "|2.5|" \
	    "|Телефонная связь (горячая линия)+7 (4812) 29-25-10|" \
	    "|получение консультации|" "|Офлайн-точка"; do
		expect_in "$WORK/add-tbl.txt" "$cell"
	done
fi
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext -layout "$WORK/add.pdf" - | tr '\n' ' ' |
	    sed 's/  */ /g' >"$WORK/add-pdf.txt"
	for cell in "2.5" "Телефонная связь (горячая линия)" \
	    "+7 (4812) 29-25-10" "получение консультации" "Офлайн-точка"; do
		expect_in "$WORK/add-pdf.txt" "$cell"
	done
fi
check_case needs "tp set 2.2 --need '2.6.2:получение консультации' \
    --need '2.6.3:получение форм документов'"
check_case exclude "tp exclude 4.3 --reason 'канал не используется'"
check_case process "process rename 3 'Профилактический визит (обязательный)'"
# The seed's telephone row is 1.3 (1.2 is the e-mail): an editorial
# change, still a sub-item, since the printed text changes.
check_case phone "tp set 1.3 --contact '+7 (4812) 29-25-11' \
    --contact '+7 (4812) 29-24-91'"
# Renamed and its needs changed: one sub-item under its old number.
check_case row "tp set 2.4 --name 'Видео-конференц-связь' \
    --need '2.6.2:получение консультации по видеосвязи'"
[ "$(grep -c '^[0-9]*) ' "$WORK/order-row.txt")" = 1 ] ||
    fail "a row changed two ways is one sub-item"
expect_in "$WORK/order-row.txt" "1) строку 2.4 изложить в следующей редакции:"
# All of them at once: in the list's order, under the old numbers.
check_case all "tp add 2 --name 'Чат-бот министерства' --kind 'Чат-бот' \
    --channel цифровая --need '2.6.2:получение консультации'" \
    "tp set 2.2 --need '2.6.2:получение консультации' \
    --need '2.6.3:получение форм документов'" \
    "tp exclude 4.3 --reason 'канал не используется'" \
    "process rename 3 'Профилактический визит (обязательный)'"

# 12 of the 19 rows: the list in a new edition, the annex's grif with
# blanks for the amending order.
set --
for n in 1.1 1.2 1.3 1.4 1.5 2.1 2.2 2.3 2.4 3.1 3.2 3.3; do
	set -- "$@" "tp set $n --specifics 'по предварительной записи'"
done
fresh
for edit in "$@"; do
	eval "quiet \"\$P\" -d \"\$DB\" $edit"
done
expect_status 0 "$P" -d "$DB" order
[ -z "${UPDATE_GOLDEN:-}" ] || cp "$WORK/out" "$GOLDEN/order-edition.txt"
diff -u "$GOLDEN/order-edition.txt" "$WORK/out" || fail "order-edition.txt"
nothing_internal "$WORK/out"
expect_not_in "$WORK/out" "1) "
tr '\n' ' ' <"$WORK/out" | sed 's/  */ /g' >"$WORK/flat"
expect_in "$WORK/flat" "изложить в новой редакции согласно приложению"
expect_in "$WORK/flat" "Приложение к приказу Министерства промышленности и торговли Смоленской области от «___» ____________ 20__ г. № ________ УТВЕРЖДЕН приказом Министерства промышленности и торговли Смоленской области от 19.03.2024 № 27/01-01 (в редакции приказа Министерства промышленности и торговли Смоленской области от «___» ____________ 20__ г. № ________)"
[ "$(grep -c 'предварительной' "$WORK/out")" = 12 ] ||
    fail "the new edition's annex holds the changed rows"

# Rows moved, nothing else: the list is restated too, and diff says why.
fresh
quiet "$P" -d "$DB" tp move 2.1 down
expect_status 0 "$P" -d "$DB" order
tr '\n' ' ' <"$WORK/out" | sed 's/  */ /g' >"$WORK/flat"
expect_in "$WORK/flat" "изложить в новой редакции согласно приложению"
expect_status 0 "$P" -d "$DB" diff
expect_in "$WORK/out" "Изменено строк: 0 из 19, строки переставлены — перечень излагается в новой редакции (perechen order); что изменилось — perechen diff --summary."

# The wording settings.
fresh
quiet "$P" -d "$DB" tp exclude 4.3 --reason "канал не используется"
quiet "$P" -d "$DB" settings order.exclude исключить
quiet "$P" -d "$DB" settings order.title перечень
quiet "$P" -d "$DB" settings order.control \
    "заместителя министра Киргетову Ю.В."
quiet "$P" -d "$DB" settings order.position Министр
quiet "$P" -d "$DB" settings order.signatory "П.Ю. Илюхин"
expect_status 0 "$P" -d "$DB" order
expect_in "$WORK/out" "1) строку 4.3 исключить."
expect_in "$WORK/out" "О внесении изменений в Перечень точек взаимодействия"
expect_in "$WORK/out" "возложить на заместителя министра Киргетову Ю.В."
grep -q "^Министр  *П.Ю. Илюхин *$" "$WORK/out" || fail "signature line"
expect_status 1 "$P" -d "$DB" settings order.exclude удалить
expect_status 1 "$P" -d "$DB" settings order.title распоряжение

# Signed: the new revision remembers the order, and its grif says so.
quiet "$P" -d "$DB" approve --order 45-од --date 10.04.2024 \
    --confirm-unreviewed
expect_status 0 "$P" -d "$DB" export --revision latest
tr '\n' ' ' <"$WORK/out" | sed 's/  */ /g' >"$WORK/flat"
expect_in "$WORK/flat" "УТВЕРЖДЕН приказом Министерства промышленности и торговли Смоленской области от 19.03.2024 № 27/01-01 (в редакции приказа Министерства промышленности и торговли Смоленской области от 10.04.2024 № 45-од)"
expect_status 0 "$P" -d "$DB" export --revision 1
expect_not_in "$WORK/out" "в редакции"
if command -v pdftotext >/dev/null 2>&1; then
	expect_status 0 "$P" -d "$DB" export --revision latest --format pdf \
	    -o "$WORK/rev2.pdf"
	pdftotext -layout "$WORK/rev2.pdf" - | tr '\n' ' ' |
	    sed 's/  */ /g' >"$WORK/rev2.txt"
	expect_in "$WORK/rev2.txt" "(в редакции приказа Министерства"
	expect_in "$WORK/rev2.txt" "от 10.04.2024 № 45-од)"
fi
# The next draft amends revision 2 and cites both orders.
quiet "$P" -d "$DB" tp exclude 4.4 --reason "канал не используется"
expect_status 0 "$P" -d "$DB" order
expect_in "$WORK/out" "1) строку 4.3 исключить."
tr '\n' ' ' <"$WORK/out" | sed 's/  */ /g' >"$WORK/flat"
expect_in "$WORK/flat" "от 19.03.2024 № 27/01-01 (в редакции приказа Министерства промышленности и торговли Смоленской области от 10.04.2024 № 45-од) (далее — Перечень)"
expect_status 0 "$P" -d "$DB" order --revision 1
expect_status 1 "$P" -d "$DB" order --revision 9
expect_in "$WORK/err" "редакции 9 нет"
expect_status 2 "$P" -d "$DB" order --format csv
expect_status 2 "$P" -d "$DB" order --format pdf
exit 0
