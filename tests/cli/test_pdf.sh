#!/bin/sh
# perechen export --format pdf end to end: the example list approved and
# written as PDF (grif, title, every touchpoint, pages numbered from the
# second 10 mm from the top edge), to a file and down a pipe; the seed's
# list as the README imports it, approved, printed as the seed prints it:
# no caption, needs one a line after «– », no word split, pages filled;
# the page settings reach the PDF; a missing font fails and leaves no
# file.  Built without PDF, the command says how to get it.  The PDF is
# read back with poppler-utils.
. "$TESTS_DIR/cli/lib.sh"
. "$TESTS_DIR/cli/words.sh"

expect_status 0 "$PERECHEN" -d "$DB" import --quiet "$EXAMPLE"

if ! "$PERECHEN" -d "$DB" export --format pdf -o "$WORK/probe.pdf" \
	2>"$WORK/err"; then
	expect_in "$WORK/err" "эта сборка perechen без PDF: установите libpango1.0-dev"
	[ -e "$WORK/probe.pdf" ] && fail "a PDF was written without PDF support"
	echo "SKIP: this build has no PDF (WITH_PDF=0); only the refusal is tested"
	exit 0
fi
for tool in pdftotext pdfinfo; do
	command -v $tool >/dev/null 2>&1 || {
		echo "SKIP: $tool not installed (poppler-utils)"
		exit 0
	}
done

expect_status 0 "$PERECHEN" -d "$DB" approve --order "27/01-01" \
	--date 19.03.2024 --today 20.03.2024
expect_status 0 "$PERECHEN" -d "$DB" export --revision latest \
	-o "$WORK/list.pdf"
[ "$(head -c 5 "$WORK/list.pdf")" = "%PDF-" ] || fail "not a PDF"
ls "$WORK" | grep -q '\.tmp$' && fail "a temporary file was left"
pdftotext -raw "$WORK/list.pdf" "$WORK/list.txt" || fail "pdftotext failed"
tr -s ' \n' '  ' <"$WORK/list.txt" >"$WORK/flat.txt"
expect_in "$WORK/flat.txt" "УТВЕРЖДЕН приказом Министерства промышленности и"
expect_in "$WORK/flat.txt" "от 19.03.2024 № 27/01-01 ПЕРЕЧЕНЬ"
# An approved annex has no caption: the header row follows the title.
expect_in "$WORK/flat.txt" "контроля (надзора) № Процесс взаимодействия"
expect_not_in "$WORK/flat.txt" "Редакция"
for tp in "Официальный сайт" "Телефонная связь" "Почта России" \
	"Видеоконференцсвязь"; do
	expect_in "$WORK/flat.txt" "$tp"
done
pages=$(pdfinfo "$WORK/list.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 2 ] || fail "the example list fits $pages page(s)"
n=2
while [ $n -le "$pages" ]; do
	first=$(pdftotext -raw -f $n -l $n "$WORK/list.pdf" - | head -n 2 |
		tr '\n' ' ')
	[ "$first" = "$n № " ] || fail "page $n starts '$first'"
	n=$((n + 1))
done

# The page number at least 10 mm (28.35 pt) from the top edge (ГОСТ Р
# 7.0.97): the top of the first word of page 2, to a hundredth of a point.
pdftotext -bbox -f 2 -l 2 "$WORK/list.pdf" "$WORK/bbox.html"
top=$(sed -n 's/.*<word xMin="[0-9.]*" yMin="\([0-9.]*\)".*>2<\/word>.*/\1/p' \
	"$WORK/bbox.html" | head -n 1)
[ -n "$top" ] || fail "no page number on page 2"
awk -v y="$top" 'BEGIN { exit !(y >= 28.34) }' ||
	fail "the page number is $top pt from the top edge, under 10 mm"

# No word of the example split; several needs each after «– », as the
# text table prints them.
allowed_words "$DB" "$WORK/ok.words"
split=$(split_words "$WORK/ok.words" "$WORK/list.txt")
[ -z "$split" ] || fail "words split in the PDF: $split"
"$PERECHEN" -d "$DB" export --revision latest >"$WORK/list.table"
dashes=$(grep -o '│ – ' "$WORK/list.table" | wc -l)
[ "$dashes" -gt 0 ] || fail "the example has no touchpoint of several needs"
[ "$(grep -o '– ' "$WORK/list.txt" | wc -l)" = "$dashes" ] ||
	fail "the PDF has not $dashes needs after «– »"

# Down a pipe the same document.
"$PERECHEN" -d "$DB" export --revision latest --format pdf -o - |
	cat >"$WORK/piped.pdf"
[ "$(head -c 5 "$WORK/piped.pdf")" = "%PDF-" ] || fail "no PDF down the pipe"
[ "$(pdfinfo "$WORK/piped.pdf" | sed -n 's/^Pages: *//p')" = "$pages" ] ||
	fail "the piped PDF differs in pages"

# The seed's list, imported as the README says and approved: a plain
# export is the approved annex (the working copy has not changed), as
# the seed prints it.
SEED_DB="$WORK/seed.db"
import_seed "$SEED_DB"
expect_status 0 "$PERECHEN" -d "$SEED_DB" export -o "$WORK/seed.pdf"
pdftotext -raw "$WORK/seed.pdf" "$WORK/seed.txt"
pdftotext -raw -f 1 -l 1 "$WORK/seed.pdf" - | tr -s ' \n' '  ' >"$WORK/p1"
expect_in "$WORK/p1" "УТВЕРЖДЕН приказом Министерства промышленности и \
торговли Смоленской области от 19.03.2024 № 27/01-01 ПЕРЕЧЕНЬ точек \
взаимодействия с клиентом по вопросам осуществления регионального \
государственного контроля (надзора) № Процесс взаимодействия"
allowed_words "$SEED_DB" "$WORK/seed.words"
split=$(split_words "$WORK/seed.words" "$WORK/seed.txt")
[ -z "$split" ] || fail "words split in the seed's PDF: $split"
# No page but the last is left more than a third empty: the seed has no
# row taller than a third of a page.  The body ends 20 mm above the
# bottom (785.2 pt); two thirds of it down from 20 mm is 542.4 pt.
pages=$(pdfinfo "$WORK/seed.pdf" | sed -n 's/^Pages: *//p')
n=1
while [ $n -lt "$pages" ]; do
	pdftotext -bbox -f $n -l $n "$WORK/seed.pdf" "$WORK/bbox.html"
	low=$(sed -n 's/.*yMax="\([0-9.]*\)".*/\1/p' "$WORK/bbox.html" |
		sort -n | tail -n 1)
	awk -v y="$low" 'BEGIN { exit !(y >= 542.4) }' ||
		fail "page $n of the seed ends at $low pt: more than a third empty"
	n=$((n + 1))
done
# A change after the approval: the working copy again, no grif.
expect_status 0 "$PERECHEN" -d "$SEED_DB" process add "Приём граждан"
expect_status 0 "$PERECHEN" -d "$SEED_DB" export -o "$WORK/work.pdf"
pdftotext -raw -f 1 -l 1 "$WORK/work.pdf" - | tr -s ' \n' '  ' >"$WORK/p1"
expect_not_in "$WORK/p1" "УТВЕРЖДЕН"
expect_in "$WORK/p1" "контроля (надзора) Рабочая версия (не утверждена) №"

# The page settings reach the PDF.
expect_status 0 "$PERECHEN" -d "$DB" settings page.orientation альбомная
expect_status 0 "$PERECHEN" -d "$DB" export -o "$WORK/wide.pdf"
pdfinfo "$WORK/wide.pdf" >"$WORK/info"
expect_in "$WORK/info" "841.89 x 595.276 pts"

# A font that is not installed: said so, nothing written, old file kept.
cp "$WORK/wide.pdf" "$WORK/keep.pdf"
expect_status 0 "$PERECHEN" -d "$DB" settings page.font "Нет Такого Шрифта"
expect_status 1 "$PERECHEN" -d "$DB" export -o "$WORK/keep.pdf"
expect_in "$WORK/err" "шрифт «Нет Такого Шрифта» не установлен"
cmp -s "$WORK/wide.pdf" "$WORK/keep.pdf" || fail "the old PDF was touched"
ls "$WORK" | grep -q '\.tmp$' && fail "a temporary file was left"
exit 0
