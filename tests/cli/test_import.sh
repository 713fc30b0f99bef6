#!/bin/sh
# perechen import: the seed's approved list as it stands, a CP1251 Excel
# CSV with no options and its round trip, and every kind of bad input
# failing cleanly with the list unchanged.
. "$TESTS_DIR/cli/lib.sh"

# The approved list's table, cut out of the order exactly as it stands.
awk '/^ПЕРЕЧЕНЬ$/ { f = 1; next } f && /^№\t/ { t = 1 } t' \
	"$TESTS_DIR/data/seed-order.txt" >"$WORK/seed.tsv"
[ -s "$WORK/seed.tsv" ] || fail "could not cut the table out of the seed"

expect_status 0 "$PERECHEN" import --help
expect_in "$WORK/out" "--replace"
expect_status 2 "$PERECHEN" -d "$DB" import
expect_status 2 "$PERECHEN" -d "$DB" import --format xls "$WORK/seed.tsv"

# A failed import never creates the database.
printf 'не таблица\n' >"$WORK/junk.txt"
expect_status 1 "$PERECHEN" -d "$DB" import "$WORK/junk.txt"
[ -e "$DB" ] && fail "a failed import created $DB"

# The seed imports as it stands; the report names the joined rows.
expect_status 0 "$PERECHEN" -d "$DB" import "$WORK/seed.tsv"
expect_in "$WORK/out" "процессов 5, точек взаимодействия 19, потребностей 19"
expect_in "$WORK/out" "строка 13: повтор заголовка таблицы"
expect_in "$WORK/out" "строка 14: продолжение ячейки"
expect_in "$WORK/out" "строка 23: начало ячейки «контрольных (надзорных) мероприятий»"
# It names the kinds it guessed and the key flags the kinds set, per line.
expect_in "$WORK/out" "Определено по названию и виду:"
expect_in "$WORK/out" "строка 5: «Сообщества Министерства в социальных се…» → вид «Сообщества в социальных сетях», ключевая (п. 3.2)"
expect_in "$WORK/out" "строка 10: «видеоконференцсвязь» → вид «Видеоконференцсвязь»"
grep -F "строка 10: «видеоконференцсвязь»" "$WORK/out" | grep -q "ключевая" &&
	fail "a kind that is not key by default reported as key"
# Cut below the title, the table carries no header: the report says what
# an approved annex still lacks (R0) and how to fill it.
expect_in "$WORK/err" "Внимание: заголовок перечня не заполнен (п. 5.1, Приложение 1): нет органа (ОИВ), заглавия — perechen init --org … --title …"

# The text export shows the five processes and every touchpoint and need,
# in the seed's order.
expect_status 0 "$PERECHEN" -d "$DB" export --format txt --width 200
cp "$WORK/out" "$WORK/seed.txt"
last=0
for text in "Информирование" "официальный сайт Министерства" \
	"otdelgoscen@yandex.ru" "+7 (4812) 29-25-09" \
	"Сообщества Министерства в социальных сетях" \
	"Занесение сведений о контрольно-надзорной" \
	"Консультирование" "Почта России" "видеоконференцсвязь" \
	"Профилактический визит" "Места нахождения (осуществления" \
	"Информирование об обязательных" \
	"ФГИС \"Единый реестр" \
	"tor.knd.gov.ru" "Плановая (внеплановая) документарная" \
	"Кабинет внутренних клиентов" \
	"Досудебное обжалование" "ЕПГУ" \
	"результата рассмотрения жалобы"; do
	at=$(grep -nF -- "$text" "$WORK/seed.txt" | head -n 1 | cut -d: -f1)
	[ -n "$at" ] || fail "'$text' missing from the export"
	[ "$at" -ge "$last" ] || fail "'$text' out of order (line $at < $last)"
	last=$at
done
for n in 1 2 3 4 5; do
	grep -qE "^│ *$n *│" "$WORK/seed.txt" || fail "process № $n not printed"
done

# Contacts print where the clerk wrote them, each once: the URL inside its
# parenthesis, the e-mail addresses with the separator between them.
[ "$(grep -cF "tor.knd.gov.ru/)" "$WORK/seed.txt")" -eq 2 ] ||
	fail "the ГИС ТОР КНД address left its parenthesis or printed twice"
[ "$(grep -cF "deppromtorg@smolinvest.com" "$WORK/seed.txt")" -eq 3 ] ||
	fail "an e-mail address printed other than once per touchpoint"
[ "$(grep -cF "otdelgoscen@yandex.ru ," "$WORK/seed.txt")" -eq 2 ] ||
	fail "the separator between the e-mail addresses was dropped"

# The internal clients' office serves internal clients (п. 1.3.2).
expect_status 0 "$PERECHEN" -d "$DB" tp show 4.5
expect_in "$WORK/out" "внутренние"
expect_status 0 "$PERECHEN" -d "$DB" tp show 3.1
expect_in "$WORK/out" "внешние"

# The seed exported to CSV and imported back is the same list.
expect_status 0 "$PERECHEN" -d "$DB" export --format csv -o "$WORK/seed.csv"
expect_status 0 "$PERECHEN" -d "$WORK/seed-back.db" import "$WORK/seed.csv"
expect_status 0 "$PERECHEN" -d "$WORK/seed-back.db" export --format csv \
	-o "$WORK/seed-back.csv"
cmp -s "$WORK/seed.csv" "$WORK/seed-back.csv" || fail "seed CSV round trip differs"
expect_status 0 "$PERECHEN" -d "$WORK/seed-back.db" export --format txt \
	--width 200
cmp -s "$WORK/out" "$WORK/seed.txt" || fail "round-tripped seed prints differently"

# Importing into a list with entries needs --replace; without it nothing
# changes.
before=$(db_digest)
expect_status 1 "$PERECHEN" -d "$DB" import "$WORK/seed.tsv"
expect_in "$WORK/err" "--replace"
[ "$(db_digest)" = "$before" ] || fail "refused import changed the list"

# Every bad input fails with a message naming the problem, list unchanged.
: >"$WORK/empty.csv"
head -c 3000 /dev/urandom >"$WORK/binary.bin"
printf '№\tПроцесс\tТочка\tПотребности\tОсобенности\n1\tИнф\tСайт\t\377\376инфо\tЦифровая точка\n2\tКонс\tПочта\tконсультация\tОфлайн\n' >"$WORK/bad-utf8.tsv"
printf '№;Процесс;Точка;Потребности;Особенности\n1;Инф;"Сайт;инфо;Цифровая точка\n' >"$WORK/quotes.csv"
printf '№\tПроцесс\tТочка\tПотребности\tОсобенности\n1\tИнф\tСайт\t' >"$WORK/long.tsv"
head -c 10485760 /dev/zero | tr '\0' 'x' >>"$WORK/long.tsv"
printf '\tинфо\tЦифровая точка\n' >>"$WORK/long.tsv"
printf '№\tПроцесс\000\tТочка\n' >"$WORK/nul.tsv"
printf 'Просто текст\nбез заголовка таблицы\n' >"$WORK/noheader.txt"
printf '№;Процесс;Точка;Потребности;Особенности\n1;Инф;Сайт;инфо\n' >"$WORK/columns.csv"
for item in "empty.csv:пуст" "binary.bin:" "bad-utf8.tsv:UTF-8" \
	"quotes.csv:кавычка" "long.tsv:длиннее" "nul.tsv:нулевой байт" \
	"noheader.txt:заголовка таблицы" "columns.csv:4 ячеек, а в заголовке таблицы 5"; do
	file=${item%%:*}
	message=${item#*:}
	expect_status 1 "$PERECHEN" -d "$DB" import --replace "$WORK/$file"
	[ -z "$message" ] || expect_in "$WORK/err" "$message"
	expect_in "$WORK/err" "Перечень не изменён"
	[ "$(db_digest)" = "$before" ] || fail "$file changed the list"
done

# A table without its header row: the first data row is refused as a
# header, with its line and the headers expected; the list stays as it
# was, to the byte of its dump.
dump_digest() {
	sqlite3 "$DB" .dump | md5sum
}
printf '1\tПроцесс рассмотрения обращений\tТочка приёма документов\tполучение консультации\tОфлайн-точка\n\t\tПочта России\tполучение ответа\tОфлайн-точка\n' >"$WORK/headerless.tsv"
dump_before=$(dump_digest)
expect_status 1 "$PERECHEN" -d "$DB" import --replace "$WORK/headerless.tsv"
expect_in "$WORK/err" "строка 1: «1», «Процесс рассмотрения обращений», «Точка приёма документов», …"
expect_in "$WORK/err" "«Удовлетворяемые потребности…»"
expect_in "$WORK/err" "--columns №,процесс,точка,потребности,особенности"
expect_in "$WORK/err" "Перечень не изменён"
[ "$(dump_digest)" = "$dump_before" ] || fail "the headerless table changed the list"
# Named by --columns, it loads every row with its needs.
expect_status 2 "$PERECHEN" -d "$DB" import --columns "№,процесс,примечание" "$WORK/headerless.tsv"
expect_in "$WORK/err" "«примечание» не распознан"
[ "$(dump_digest)" = "$dump_before" ] || fail "a refused --columns changed the list"
expect_status 0 "$PERECHEN" -d "$WORK/cols.db" import \
	--columns №,процесс,точка,потребности,особенности "$WORK/headerless.tsv"
expect_in "$WORK/out" "процессов 1, точек взаимодействия 2, потребностей 2"
expect_status 0 "$PERECHEN" -d "$WORK/cols.db" tp show 1.1
expect_in "$WORK/out" "получение консультации"

# Text in <…> and HTML entities comes back byte for byte through CSV;
# only Word's paragraph tags are repaired, and the report names the line.
printf '№\tПроцесс\tТочка\tПотребности\tОсобенности\n1\tИнф\t<b>x</b> &amp;\t‹a› &lt;b&gt;\tЦифровая точка\n\t\tПочта\t<p>первая</p> <p>вторая</p>\tОфлайн-точка\n' >"$WORK/markup.tsv"
expect_status 0 "$PERECHEN" -d "$WORK/markup.db" import "$WORK/markup.tsv"
expect_in "$WORK/out" "строка 3: разметка Word (<p>, <br>) в столбце «Удовлетворяемые потребности клиента»"
expect_not_in "$WORK/out" "строка 2: разметка"
expect_status 0 "$PERECHEN" -d "$WORK/markup.db" export --format csv -o "$WORK/markup.csv"
grep -qF '<b>x</b> &amp;' "$WORK/markup.csv" || fail "the export changed <b>x</b> &amp;"
expect_status 0 "$PERECHEN" -d "$WORK/markup2.db" import "$WORK/markup.csv"
expect_status 0 "$PERECHEN" -d "$WORK/markup2.db" export --format csv -o "$WORK/markup2.csv"
cmp -s "$WORK/markup.csv" "$WORK/markup2.csv" || fail "markup CSV round trip differs"

# A CP1251, ';'-separated CSV with quoted multi-line cells, as Russian
# Excel saves it, imports with no options.
printf '%s\r\n' \
	'№;Процесс взаимодействия с клиентом;Точка взаимодействия;Удовлетворяемые потребности клиента;Особенности взаимодействия с клиентом' \
	'1;Консультирование;Почта России;"получение консультации' \
	'получение форм документов";Офлайн-точка' \
	';;"Электронная почта: priem@example.ru";"получение ответа; разъяснения";"Цифровая точка' \
	'ответ в течение 30 дней"' \
	'2;Досудебное обжалование;ЕПГУ https://knd.gosuslugi.ru/;направление жалобы;Цифровая точка' |
	iconv -f UTF-8 -t CP1251 >"$WORK/excel.csv"
DB2="$WORK/excel.db"
expect_status 0 "$PERECHEN" -d "$DB2" import "$WORK/excel.csv"
expect_in "$WORK/out" "кодировка CP1251, разделитель «;»"
expect_in "$WORK/out" "процессов 2, точек взаимодействия 3, потребностей 4"
expect_status 0 "$PERECHEN" -d "$DB2" export --format csv -o "$WORK/round.csv"
expect_status 0 "$PERECHEN" -d "$DB2" export --format txt --width 120
cp "$WORK/out" "$WORK/excel.txt"
expect_in "$WORK/excel.txt" "получение форм документов"
expect_in "$WORK/excel.txt" "ответ в течение 30 дней"

# Exported to CSV and imported back: the same list.
DB3="$WORK/round.db"
expect_status 0 "$PERECHEN" -d "$DB3" import "$WORK/round.csv"
expect_status 0 "$PERECHEN" -d "$DB3" export --format csv -o "$WORK/round2.csv"
cmp -s "$WORK/round.csv" "$WORK/round2.csv" || fail "CSV round trip differs"
expect_status 0 "$PERECHEN" -d "$DB3" export --format txt --width 120
cmp -s "$WORK/out" "$WORK/excel.txt" || fail "round-tripped list prints differently"

# The same CSV as CP1251 from our own export imports back too.
expect_status 0 "$PERECHEN" -d "$DB2" export --format csv --encoding cp1251 -o "$WORK/round1251.csv"
expect_status 0 "$PERECHEN" -d "$DB3" import --replace "$WORK/round1251.csv"
expect_status 0 "$PERECHEN" -d "$DB3" export --format csv -o "$WORK/round3.csv"
cmp -s "$WORK/round.csv" "$WORK/round3.csv" || fail "CP1251 round trip differs"

# Standard input works too.
expect_status 0 "$PERECHEN" -d "$WORK/stdin.db" import - <"$WORK/seed.tsv"
expect_in "$WORK/out" "стандартного ввода"
echo ok
