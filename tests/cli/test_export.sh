#!/bin/sh
# perechen export: usage errors, an empty list, then (when the import
# command and the shipped example exist) the example list as a text table
# and as CSV, written to stdout and to files, in UTF-8 and CP1251; text
# pages; HTML and DOCX; the working copy and approved revisions.  What a
# renderer does with the lines (LibreOffice, when installed) is checked on
# the document's words, never on where its lines break.
. "$TESTS_DIR/cli/lib.sh"
. "$TESTS_DIR/cli/words.sh"

# width_of_every_line FILE N : fail unless every line of FILE is N columns.
# No line wider than $2 columns nor ending with a blank; the table's
# lines (its frame) exactly $2.
width_of_every_line() {
	while IFS= read -r line; do
		w=$(printf '%s\n' "$line" | wc -L)
		[ "$w" -le "$2" ] || fail "line of $w columns, over $2: $line"
		case "$line" in
		*" ") fail "line ends with a blank: $line" ;;
		[│┌├└]*) [ "$w" = "$2" ] || fail "table line of $w, not $2" ;;
		esac
	done <"$1"
}

# Help and usage errors.
expect_status 0 "$PERECHEN" export --help
expect_in "$WORK/out" "Использование: perechen [-d ФАЙЛ] export"
expect_in "$WORK/out" "--format ВИД"
expect_in "$WORK/out" "--revision N"
expect_status 1 "$PERECHEN" -d "$WORK/missing.db" export
expect_in "$WORK/err" "не найден"
[ -e "$WORK/missing.db" ] && fail "export created the database"

expect_status 0 "$PERECHEN" -d "$DB" init --title "точек взаимодействия"
for bad in "--format odt" "--format" "--width 59" "--width 1001" \
	"--width 80x" "--encoding no-such-encoding" "--bogus" "extra" \
	"--format pdf" "--format docx" \
	"--page-length 19" "--page-length 1001" "--revision 0" \
	"--revision x" "--revision 1 --working" "--format html --width 80" \
	"--format html --encoding cp1251" "--format txt --no-bom" \
	"--format csv --page-length 60" "-o list.html --width 80"; do
	# shellcheck disable=SC2086 # the words are the arguments
	expect_status 2 "$PERECHEN" -d "$DB" export $bad
	[ -s "$WORK/out" ] && fail "export $bad wrote to stdout"
done
expect_status 2 "$PERECHEN" -d "$DB" export --format odt
expect_in "$WORK/err" "возможны pdf, docx, html, txt и csv"
expect_status 2 "$PERECHEN" -d "$DB" export --format docx
expect_in "$WORK/err" "укажите файл (-o ФАЙЛ.docx)"
# Not yet approved: there is no revision to print.
expect_status 1 "$PERECHEN" -d "$DB" export --revision 1
expect_in "$WORK/err" "не утверждён"
expect_status 1 "$PERECHEN" -d "$DB" export --revision latest
expect_in "$WORK/err" "не утверждён"

# An empty list: the heading and the table's header row, nothing else;
# the working copy says it is one and has no grif.
expect_status 0 "$PERECHEN" -d "$DB" export --width 60
expect_in "$WORK/out" "ПЕРЕЧЕНЬ"
expect_in "$WORK/out" "Рабочая версия (не утверждена)"
expect_not_in "$WORK/out" "УТВЕРЖДЕН"
expect_in "$WORK/out" "│  №  │"
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
grep -oE '^│ +[0-9]+ +│ [^ ]+' "$WORK/out" >"$WORK/procs"
printf '%s\n' "│  1  │ Информирование" "│  2  │ Консультирование" \
	"│  3  │ Профилактический" "│  4  │ Плановая" "│  5  │ Досудебное" |
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

# A device or a pipe is neither written into nor replaced by a file:
# only a regular file is (test_files.sh tries links, devices and more).
if command -v mkfifo >/dev/null 2>&1; then
	mkfifo "$WORK/fifo"
	expect_status 1 timeout 20 "$PERECHEN" -d "$DB" export --width 80 \
		-o "$WORK/fifo"
	expect_in "$WORK/err" "это именованный канал"
	[ -p "$WORK/fifo" ] || fail "export replaced the fifo by a file"
fi

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
# Text pages for a plain printer: form feeds between pages of at most the
# length asked, each after the first numbered and with the table's header.
expect_status 0 "$PERECHEN" -d "$DB" export --width 80 --page-length 30 \
	-o "$WORK/paged.txt"
pages=$(tr -cd '\f' <"$WORK/paged.txt" | wc -c)
[ "$pages" -ge 2 ] || fail "no form feeds in a paged export"
awk 'BEGIN { RS = "\f" } { n = split($0, l, "\n"); if (l[n] == "") n--;
	if (n > 30) { print "page " NR " has " n " lines"; bad = 1 } }
	END { exit bad }' "$WORK/paged.txt" || fail "a page is too long"
[ "$(grep -c '│  №  │ Процесс' "$WORK/paged.txt")" = $((pages + 1)) ] ||
	fail "the header is not on every page"
grep -q "$(printf '\f')"' *2 *$' "$WORK/paged.txt" || fail "page 2 unnumbered"
tr -d '\f' <"$WORK/paged.txt" | grep -v '^ *[0-9]* *$' | grep -oE '[^ │─┼├┤┌┐└┘┬┴]+' |
	sort -u >"$WORK/paged.words"
grep -oE '[^ │─┼├┤┌┐└┘┬┴]+' "$WORK/list80.txt" | sort -u >"$WORK/flat.words"
cmp -s "$WORK/paged.words" "$WORK/flat.words" ||
	fail "paged text lost or gained words: $(diff "$WORK/flat.words" "$WORK/paged.words")"

# HTML: one page, the working copy's caption, every process.
expect_status 0 "$PERECHEN" -d "$DB" export --format html
head -n 1 "$WORK/out" | grep -qx '<!DOCTYPE html>' || fail "HTML doctype"
expect_in "$WORK/out" '<html lang="ru">'
expect_in "$WORK/out" '<p class="caption">Рабочая версия (не утверждена)</p>'
expect_in "$WORK/out" '<th scope="rowgroup" rowspan="'
expect_in "$WORK/out" "otdelgoscen@<wbr>yandex.<wbr>ru"
[ "$(grep -o '<tbody>' "$WORK/out" | wc -l)" = 5 ] || fail "HTML processes"
# Several needs each a block after «– », as many as the text table has;
# the № centred; no word split: <wbr> only inside addresses, the text
# without tags the list's words.
cp "$WORK/out" "$WORK/page.html"
expect_status 0 "$PERECHEN" -d "$DB" export --format txt -o "$WORK/table.txt"
cp "$WORK/page.html" "$WORK/out"
dashes=$(grep -o '│ – ' "$WORK/table.txt" | wc -l)
[ "$dashes" -gt 0 ] || fail "the example has no touchpoint of several needs"
[ "$(grep -o '<p class="item">– ' "$WORK/out" | wc -l)" = "$dashes" ] ||
	fail "HTML has not $dashes needs after «– »"
[ "$(grep -o '<td class="num"' "$WORK/out" | wc -l)" = 5 ] ||
	fail "HTML № cells are not centred"
grep -oE '[^ >]*(<wbr>[^ <]*)+' "$WORK/out" | grep -v '[@/]' &&
	fail "<wbr> outside an address"
allowed_words "$DB" "$WORK/ok.words"
html_text "$WORK/out" "$WORK/html.txt"
split=$(split_words "$WORK/ok.words" "$WORK/html.txt")
[ -z "$split" ] || fail "HTML words not the list's: $split"
# The seed's list, as the README imports it: its web page neither.
import_seed "$WORK/seed.db"
allowed_words "$WORK/seed.db" "$WORK/seed.words"
expect_status 0 "$PERECHEN" -d "$WORK/seed.db" export -o "$WORK/seed.html"
html_text "$WORK/seed.html" "$WORK/seed-html.txt"
split=$(split_words "$WORK/seed.words" "$WORK/seed-html.txt")
[ -z "$split" ] || fail "HTML words not the seed's: $split"
cp "$WORK/page.html" "$WORK/stdout.html"
expect_status 0 "$PERECHEN" -d "$DB" export -o "$WORK/list.html"
cmp -s "$WORK/stdout.html" "$WORK/list.html" ||
	fail "-o list.html is not the HTML"

# DOCX: by the file's name; a zip with the table in word/document.xml.
expect_status 0 "$PERECHEN" -d "$DB" export -o "$WORK/list.docx"
[ -s "$WORK/out" ] && fail "export -o list.docx wrote to stdout"
[ "$(head -c 2 "$WORK/list.docx")" = PK ] || fail "DOCX is not a zip"
if command -v unzip >/dev/null 2>&1; then
	unzip -p "$WORK/list.docx" word/document.xml >"$WORK/document.xml" ||
		fail "no word/document.xml"
	expect_in "$WORK/document.xml" "Досудебное обжалование"
	expect_in "$WORK/document.xml" '<w:vMerge w:val="restart"/>'
	# Each need of several a paragraph after «– »; every row kept on
	# one page; the № centred.
	[ "$(grep -o '<w:pStyle w:val="TableItem"/></w:pPr><w:r><w:t xml:space="preserve">– ' \
		"$WORK/document.xml" | wc -l)" = "$dashes" ] ||
		fail "DOCX has not $dashes needs each a paragraph after «– »"
	[ "$(grep -o '<w:tr>' "$WORK/document.xml" | wc -l)" = \
		"$(grep -o '<w:tr><w:trPr><w:cantSplit/>' "$WORK/document.xml" |
		wc -l)" ] || fail "a DOCX row may split across pages"
	[ "$(grep -o '<w:pStyle w:val="TableNumber"/></w:pPr><w:r>' \
		"$WORK/document.xml" | wc -l)" = 5 ] || fail "DOCX № not centred"
	if command -v xmllint >/dev/null 2>&1; then
		# unzip takes [ ] for a pattern: ? matches them.
		for part in '?Content_Types?.xml' _rels/.rels word/document.xml \
			word/styles.xml word/settings.xml word/header1.xml \
			word/header2.xml word/_rels/document.xml.rels \
			docProps/core.xml docProps/app.xml; do
			unzip -p "$WORK/list.docx" "$part" >"$WORK/part.xml"
			xmllint --noout "$WORK/part.xml" || fail "$part is not XML"
		done
	else
		echo "SKIP: no xmllint; the DOCX parts are not parsed"
	fi
else
	echo "SKIP: no unzip; the DOCX is not opened"
fi
# A DOCX through a pipe.
"$PERECHEN" -d "$DB" export --format docx -o - >"$WORK/piped.docx" ||
	fail "export --format docx -o - into a pipe failed"
[ "$(head -c 2 "$WORK/piped.docx")" = PK ] || fail "piped DOCX"

# LibreOffice, when installed, must open the DOCX and find the list in
# it: its words, wherever its lines break.
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1
then
	mkdir "$WORK/lo"
	HOME="$WORK/lo" soffice --headless --convert-to pdf --outdir "$WORK/lo" \
		"$WORK/list.docx" >"$WORK/lo/log" 2>&1 ||
		fail "LibreOffice could not convert the DOCX: $(cat "$WORK/lo/log")"
	pdftotext -raw "$WORK/lo/list.pdf" "$WORK/lo/list.txt" ||
		fail "LibreOffice made no PDF of the DOCX"
	tr -s ' \n' '\n\n' <"$WORK/lo/list.txt" >"$WORK/lo/words"
	for word in ПЕРЕЧЕНЬ Досудебное обжалование Консультирование \
		otdelgoscen@yandex.ru; do
		grep -qxF "$word" "$WORK/lo/words" ||
			fail "«$word» is not a word of the DOCX as LibreOffice prints it"
	done
	[ "$(grep -o '– ' "$WORK/lo/list.txt" | wc -l)" = "$dashes" ] ||
		fail "LibreOffice prints not $dashes needs after «– »"
	split=$(split_words "$WORK/ok.words" "$WORK/lo/list.txt")
	[ -z "$split" ] || fail "LibreOffice splits words of the DOCX: $split"
	# The seed's list too.
	expect_status 0 "$PERECHEN" -d "$WORK/seed.db" export -o "$WORK/seed.docx"
	HOME="$WORK/lo" soffice --headless --convert-to pdf --outdir "$WORK/lo" \
		"$WORK/seed.docx" >"$WORK/lo/log" 2>&1 ||
		fail "LibreOffice could not convert the seed's DOCX"
	pdftotext -raw "$WORK/lo/seed.pdf" "$WORK/lo/seed.txt"
	split=$(split_words "$WORK/seed.words" "$WORK/lo/seed.txt")
	[ -z "$split" ] || fail "LibreOffice splits words of the seed: $split"
else
	echo "SKIP: LibreOffice (soffice) or pdftotext not installed; the DOCX is not rendered"
fi

# Approved revisions: the grif from the order, no caption (the seed has
# none); the working copy unchanged since is that revision; later edits
# of the working copy do not reach it.
if ! "$PERECHEN" approve --help >/dev/null 2>&1; then
	echo "SKIP: no approve command yet; revisions are not exported"
	exit 0
fi
expect_status 0 "$PERECHEN" -d "$DB" approve --order "27/01-01" \
	--date 19.03.2024 --today 20.03.2024
expect_status 0 "$PERECHEN" -d "$DB" export --revision 1 --width 120
expect_in "$WORK/out" "УТВЕРЖДЕН"
expect_in "$WORK/out" "приказом Министерства промышленности и торговли"
expect_in "$WORK/out" "от 19.03.2024 № 27/01-01"
expect_not_in "$WORK/out" "Редакция"
expect_not_in "$WORK/out" "Рабочая версия"
cp "$WORK/out" "$WORK/rev1.txt"
for how in "" "--working"; do
	# shellcheck disable=SC2086 # the word is the argument
	expect_status 0 "$PERECHEN" -d "$DB" export $how --width 120
	cmp -s "$WORK/out" "$WORK/rev1.txt" ||
		fail "export $how after approving is not revision 1"
done
expect_status 0 "$PERECHEN" -d "$DB" export --format html
expect_in "$WORK/out" "<p>УТВЕРЖДЕН</p>"
expect_not_in "$WORK/out" 'class="caption"'
# Changed and changed back: the same content, the revision again.
expect_status 0 "$PERECHEN" -d "$DB" process rename 5 "Обжалование"
expect_status 0 "$PERECHEN" -d "$DB" export --width 120
expect_not_in "$WORK/out" "УТВЕРЖДЕН"
expect_in "$WORK/out" "Рабочая версия (не утверждена)"
expect_status 0 "$PERECHEN" -d "$DB" process rename 5 \
	"Досудебное обжалование результатов проверки"
expect_status 0 "$PERECHEN" -d "$DB" export --width 120
cmp -s "$WORK/out" "$WORK/rev1.txt" || fail "changed back is not revision 1"
expect_status 0 "$PERECHEN" -d "$DB" export --revision latest --width 120
cmp -s "$WORK/out" "$WORK/rev1.txt" || fail "latest is not revision 1"
expect_status 1 "$PERECHEN" -d "$DB" export --revision 2
expect_in "$WORK/err" "редакции 2 нет"
expect_status 0 "$PERECHEN" -d "$DB" export --revision 1 --caption \
	"Редакция 1 (копия)"
expect_in "$WORK/out" "Редакция 1 (копия)"
expect_in "$WORK/out" "УТВЕРЖДЕН"
expect_status 0 "$PERECHEN" -d "$DB" process add "Приём после приказа"
expect_status 0 "$PERECHEN" -d "$DB" export --revision 1 --width 120
cmp -s "$WORK/out" "$WORK/rev1.txt" || fail "an edit changed revision 1"
expect_status 0 "$PERECHEN" -d "$DB" export --working
expect_in "$WORK/out" "Приём после приказа"
expect_in "$WORK/out" "Рабочая версия (не утверждена)"
expect_not_in "$WORK/out" "УТВЕРЖДЕН"
expect_status 0 "$PERECHEN" -d "$DB" export --revision 1 -o "$WORK/rev1.docx"
if command -v unzip >/dev/null 2>&1; then
	unzip -p "$WORK/rev1.docx" word/document.xml | grep -q 'УТВЕРЖДЕН' ||
		fail "the DOCX of revision 1 has no grif"
fi
exit 0
