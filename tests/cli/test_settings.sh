#!/bin/sh
# perechen settings: the print settings kept in the list's database —
# listed with their defaults, shown, set (checked), reset; and they change
# what every printed format writes (the HTML @page, the DOCX w:pgSz).
. "$TESTS_DIR/cli/lib.sh"

expect_status 0 "$PERECHEN" settings --help
expect_in "$WORK/out" "Использование: perechen [-d ФАЙЛ] settings"
expect_in "$WORK/out" "page.orientation"
expect_status 1 "$PERECHEN" -d "$WORK/missing.db" settings
[ -e "$WORK/missing.db" ] && fail "settings created the database"

# docx_part DOCX PART OUT: a part of the package, or false without unzip.
docx_part() {
	command -v unzip >/dev/null 2>&1 || return 1
	unzip -p "$1" "$2" >"$3" || fail "no $2 in $1"
}
command -v unzip >/dev/null 2>&1 ||
	echo "SKIP: no unzip; the DOCX parts are not read"

expect_status 0 "$PERECHEN" -d "$DB" init --title "точек взаимодействия" \
	--org "Министерство цифрового развития"
expect_status 0 "$PERECHEN" -d "$DB" process add "Консультирование"
expect_status 0 "$PERECHEN" -d "$DB" tp add 1 --name "Приёмная" \
	--kind "Электронная почта" --contact "priem@example.ru" \
	--need "2.6.2:получение консультации"

# Every key with its default.
expect_status 0 "$PERECHEN" -d "$DB" settings
for line in "page.size         A4 (по умолчанию)" \
	"page.orientation  portrait (по умолчанию)" \
	"page.margins      30,10,20,20 (по умолчанию)" \
	"page.font         Times New Roman (по умолчанию)" \
	"page.font-size    12 (по умолчанию)" "grif.wording"; do
	expect_in "$WORK/out" "$line"
done
[ "$(wc -l <"$WORK/out")" = 12 ] || fail "settings lists other than twelve keys"

# Wrong keys and values change nothing.
expect_status 2 "$PERECHEN" -d "$DB" settings page.colour red
expect_in "$WORK/err" "неизвестная настройка «page.colour»"
expect_status 2 "$PERECHEN" -d "$DB" settings page.size A4 extra
expect_status 2 "$PERECHEN" -d "$DB" settings --reset
expect_status 2 "$PERECHEN" -d "$DB" settings --reset page.size A4
expect_status 2 "$PERECHEN" -d "$DB" settings --bogus
for bad in "page.size B7" "page.size 10x10" "page.orientation sideways" \
	"page.margins 30,10,20" "page.margins 30,10,20,x" \
	"page.font-size 40" "page.font-size 12pt" "page.margins 90,90,20,20"; do
	# shellcheck disable=SC2086 # the words are the arguments
	expect_status 1 "$PERECHEN" -d "$DB" settings $bad
done
expect_in "$WORK/err" "поля оставляют на листе 30x257 мм"
expect_status 1 "$PERECHEN" -d "$DB" settings page.font ""
expect_status 0 "$PERECHEN" -d "$DB" settings
expect_in "$WORK/out" "page.size         A4 (по умолчанию)"
expect_in "$WORK/out" "page.margins      30,10,20,20 (по умолчанию)"

# Before: A4 portrait in the HTML and the DOCX.
expect_status 0 "$PERECHEN" -d "$DB" export --format html
expect_in "$WORK/out" "size: 210mm 297mm;"
expect_in "$WORK/out" "margin: 20mm 10mm 20mm 30mm;"
expect_status 0 "$PERECHEN" -d "$DB" export -o "$WORK/before.docx"
if docx_part "$WORK/before.docx" word/document.xml "$WORK/before.xml"; then
	expect_in "$WORK/before.xml" '<w:pgSz w:w="11906" w:h="16838"/>'
fi

# Landscape, other margins, font and size: every format follows.
expect_status 0 "$PERECHEN" -d "$DB" settings page.orientation альбомная
expect_status 0 "$PERECHEN" -d "$DB" settings page.margins 25,15,12.5,20
expect_status 0 "$PERECHEN" -d "$DB" settings page.font "Liberation Serif"
expect_status 0 "$PERECHEN" -d "$DB" settings page.font-size 14
expect_status 0 "$PERECHEN" -d "$DB" settings page.orientation
[ "$(cat "$WORK/out")" = альбомная ] || fail "settings KEY: $(cat "$WORK/out")"
expect_status 0 "$PERECHEN" -d "$DB" export --format html
expect_in "$WORK/out" "size: 297mm 210mm;"
expect_in "$WORK/out" "margin: 12.5mm 15mm 20mm 25mm;"
expect_in "$WORK/out" 'font-family: "Liberation Serif", serif;'
expect_in "$WORK/out" "font-size: 14pt;"
expect_status 0 "$PERECHEN" -d "$DB" export -o "$WORK/after.docx"
if docx_part "$WORK/after.docx" word/document.xml "$WORK/after.xml"; then
	expect_in "$WORK/after.xml" \
		'<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
	expect_in "$WORK/after.xml" \
		'<w:pgMar w:top="709" w:right="850" w:bottom="1134" w:left="1417"'
	docx_part "$WORK/after.docx" word/styles.xml "$WORK/styles.xml"
	expect_in "$WORK/styles.xml" '<w:rFonts w:ascii="Liberation Serif"'
	expect_in "$WORK/styles.xml" '<w:sz w:val="28"/>'
fi
# A3 keeps the orientation chosen.
expect_status 0 "$PERECHEN" -d "$DB" settings page.size A3
expect_status 0 "$PERECHEN" -d "$DB" export --format html
expect_in "$WORK/out" "size: 420mm 297mm;"

# The grif's wording replaces «приказом <органа>» in an approved
# revision's grif; a working copy changed since has no grif at all.
if "$PERECHEN" approve --help >/dev/null 2>&1; then
	expect_status 0 "$PERECHEN" -d "$DB" approve --order 5-од \
		--date 2025-02-03 --today 2025-02-04
	expect_status 0 "$PERECHEN" -d "$DB" export --revision 1 --format html
	expect_in "$WORK/out" "<p>приказом Министерства цифрового развития</p>"
	expect_status 0 "$PERECHEN" -d "$DB" settings grif.wording \
		"$(printf 'распоряжением заместителя министра\n<цифрового развития>')"
	expect_status 0 "$PERECHEN" -d "$DB" settings
	expect_in "$WORK/out" 'grif.wording      распоряжением заместителя министра\n<цифрового развития>'
	expect_status 0 "$PERECHEN" -d "$DB" export --revision 1 --format html
	expect_in "$WORK/out" "<p>УТВЕРЖДЕН</p>
<p>распоряжением заместителя министра</p>
<p>&lt;цифрового развития&gt;</p>
<p>от 03.02.2025 № 5-од</p>"
	expect_status 0 "$PERECHEN" -d "$DB" export --format html
	expect_in "$WORK/out" "<p>УТВЕРЖДЕН</p>"	# unchanged since approved
	expect_status 0 "$PERECHEN" -d "$DB" process add "Новый процесс"
	expect_status 0 "$PERECHEN" -d "$DB" export --format html
	expect_not_in "$WORK/out" "УТВЕРЖДЕН"
else
	echo "SKIP: no approve command yet; the grif's wording is not printed"
fi

# Reset: the default again, said once.
expect_status 0 "$PERECHEN" -d "$DB" settings --reset page.orientation
expect_status 0 "$PERECHEN" -d "$DB" settings --reset page.orientation
expect_in "$WORK/err" "page.orientation уже по умолчанию"
expect_status 0 "$PERECHEN" -d "$DB" settings page.orientation
[ "$(cat "$WORK/out")" = portrait ] || fail "reset left $(cat "$WORK/out")"
expect_status 0 "$PERECHEN" -d "$DB" export --format html
expect_in "$WORK/out" "size: 297mm 420mm;"
exit 0
