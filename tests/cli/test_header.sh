#!/bin/sh
# The list's header (R0, п. 5.1, Приложение 1): the seed imported by the
# README's recipe and approved prints the grif with the body in the
# genitive and the title; without its header the list is not approved,
# whatever is confirmed; init declines the body's name and keeps the
# clerk's own genitive; a revision frozen without its header is completed
# from the list's, logged, never overwriting what it has.
. "$TESTS_DIR/cli/lib.sh"

P=$PERECHEN
ORDER="$TESTS_DIR/data/seed-order.txt"
ORG="Министерство промышленности и торговли Смоленской области"
GEN="Министерства промышленности и торговли Смоленской области"
TITLE="точек взаимодействия с клиентом по вопросам осуществления регионального государственного контроля (надзора)"

# flat FILE: its words on one line, whatever the lines they were laid in.
flat() {
	tr -s ' \n\f' '   ' <"$1" >"$1.flat"
}

# The README's recipe: the cut starts at «ПЕРЕЧЕНЬ», the body comes first.
awk '/^ПЕРЕЧЕНЬ$/ {f=1} f' "$ORDER" >"$WORK/table.tsv"
expect_status 0 "$P" -d "$DB" init --org "$ORG"
expect_in "$WORK/out" "В грифе: «приказом $GEN» (родительный падеж подставлен по склонению)"
expect_in "$WORK/out" "Если неверно: perechen init --org-genitive"
# init changes the header as the editor's form does: each field logged.
expect_status 0 "$P" -d "$DB" log
expect_in "$WORK/out" "орган: — → $ORG"
expect_in "$WORK/out" "орган в родительном падеже: — → $GEN"
expect_status 0 "$P" -d "$DB" import "$WORK/table.tsv"
expect_in "$WORK/out" "Заголовок перечня: заглавие взято из строк над таблицей: «$TITLE»"
expect_not_in "$WORK/err" "заголовок перечня не заполнен"
expect_status 0 "$P" -d "$DB" approve --order 27/01-01 --date 19.03.2024 \
	--today 20.03.2024
expect_status 0 "$P" -d "$DB" export --revision latest --format txt \
	-o "$WORK/annex.txt"
flat "$WORK/annex.txt"
for words in "УТВЕРЖДЕН приказом $GEN от 19.03.2024 № 27/01-01" \
	"ПЕРЕЧЕНЬ $TITLE"; do
	expect_in "$WORK/annex.txt.flat" "$words"
done
if "$P" -d "$DB" export --revision latest -o "$WORK/annex.pdf" \
	2>/dev/null && command -v pdftotext >/dev/null 2>&1; then
	pdftotext -raw "$WORK/annex.pdf" "$WORK/pdf.txt" ||
		fail "pdftotext failed"
	flat "$WORK/pdf.txt"
	expect_in "$WORK/pdf.txt.flat" "УТВЕРЖДЕН приказом $GEN от 19.03.2024 № 27/01-01"
	expect_in "$WORK/pdf.txt.flat" "ПЕРЕЧЕНЬ $TITLE"
else
	echo "skipped: the PDF (no PDF in this build, or no pdftotext)"
fi

# The same list with no body: the import says so, check reports R0, and
# approve exits 1 naming the field, with any confirmation too.
E="$WORK/empty.db"
expect_status 0 "$P" -d "$E" import "$WORK/table.tsv"
expect_in "$WORK/err" "заголовок перечня не заполнен (п. 5.1, Приложение 1): нет органа (ОИВ) — perechen init --org …"
expect_status 2 "$P" -d "$E" check
expect_in "$WORK/out" "не указан орган (ОИВ), который его утверждает"
for confirm in "" --confirm-errors --confirm-unreviewed \
	"--confirm-errors --confirm-unreviewed"; do
	# shellcheck disable=SC2086 # the words are the options
	expect_status 1 "$P" -d "$E" approve --order 27/01-01 \
		--date 19.03.2024 --today 20.03.2024 $confirm
	expect_in "$WORK/err" "approve: заголовок перечня не заполнен (п. 5.1, Приложение 1): нет органа (ОИВ)"
	expect_in "$WORK/err" "Перечень не утверждён."
done
expect_status 1 "$P" -d "$E" export --revision latest
# The old recipe cut the title off: the title is the field named then.
awk '/^ПЕРЕЧЕНЬ$/ {f=1; next} f && /^№\t/ {t=1} t' "$ORDER" \
	>"$WORK/bare.tsv"
B="$WORK/bare.db"
expect_status 0 "$P" -d "$B" init --org "$ORG"
expect_status 0 "$P" -d "$B" import "$WORK/bare.tsv"
expect_in "$WORK/err" "нет заглавия — perechen init --title …"
expect_status 1 "$P" -d "$B" approve --order 1 --date 19.03.2024 \
	--today 20.03.2024 --confirm-errors
expect_in "$WORK/err" "нет заглавия"

# A title already set is not replaced silently.
expect_status 0 "$P" -d "$B" init --title "другое заглавие"
expect_status 0 "$P" -d "$B" import --replace "$WORK/table.tsv"
expect_in "$WORK/out" "заглавие заменено: прежде «другое заглавие», теперь «$TITLE»"
T="$WORK/titled.db"
expect_status 0 "$P" -d "$T" init --title "другое заглавие"
expect_status 0 "$P" -d "$T" import "$WORK/table.tsv"
expect_in "$WORK/out" "заглавие в перечне уже есть («другое заглавие»); из строк над таблицей не взято: «$TITLE» (заменить: --replace)"

# init declines the body's name; a genitive of the clerk's own stays
# while the body is the same, and goes with a new one.
G="$WORK/gen.db"
expect_status 0 "$P" -d "$G" init --org "Главное управление ветеринарии Смоленской области"
expect_in "$WORK/out" "«приказом Главного управления ветеринарии Смоленской области»"
expect_status 0 "$P" -d "$G" init --org "Региональная служба по тарифам" \
	--title "т"
expect_in "$WORK/out" "«приказом Региональной службы по тарифам»"
expect_status 0 "$P" -d "$G" init --org-genitive "РСТ области"
expect_in "$WORK/out" "В грифе: «приказом РСТ области»"
expect_not_in "$WORK/out" "по склонению"
expect_status 0 "$P" -d "$G" init --org "Региональная служба по тарифам" \
	--area "тарифы"
expect_not_in "$WORK/out" "по склонению"
expect_status 0 "$P" -d "$G" check --format json
[ "$(cat "$WORK/out")" = "[]" ] || fail "the clerk's genitive was replaced"
expect_status 0 "$P" -d "$G" init --org "ГЖИ"
expect_in "$WORK/out" "Название не просклонялось: укажите родительный падеж сами"
expect_status 1 "$P" -d "$G" check
expect_in "$WORK/out" "в грифе орган назван в именительном падеже («приказом ГЖИ»)"

# A revision frozen without its header (approved before R0) is completed
# from the list's header: only its empty fields, one logged change each.
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "skipped (no sqlite3): completing a revision's header"
	exit 0
fi
# as_older_list: what sqlite3 just wrote into a frozen revision is made
# as if an older perechen had frozen it so: the list goes back to schema
# 9, and opening it hashes its revisions as they are.
as_older_list() {
	sqlite3 "$DB" "ALTER TABLE change_log DROP COLUMN hash; \
		ALTER TABLE revision DROP COLUMN approves; \
		ALTER TABLE revision DROP COLUMN hash; \
		DROP TABLE chain_checkpoint; PRAGMA user_version = 9" ||
	    fail "sqlite3"
}
expect_status 2 "$P" -d "$DB" init --complete-revision 1 --org "X"
expect_status 1 "$P" -d "$DB" init --complete-revision 1
expect_in "$WORK/err" "заголовок редакции 1 заполнен: дополнять нечего"
sqlite3 "$DB" "UPDATE rev_header SET org = '', org_genitive = '', title = ''" ||
	fail "sqlite3"
# Changed beside the program, the revision is not resealed.
expect_status 1 "$P" -d "$DB" init --complete-revision latest
expect_in "$WORK/err" "редакция 1 изменена вне программы"
as_older_list
expect_status 1 "$P" -d "$DB" init --complete-revision 9
expect_in "$WORK/err" "редакции 9 нет"
expect_status 0 "$P" -d "$DB" init --complete-revision latest
expect_in "$WORK/out" "Заголовок редакции 1 дополнен из заголовка перечня: орган, родительный падеж органа, заглавие. Записано в журнал изменений."
expect_status 0 "$P" -d "$DB" log --limit 3
expect_in "$WORK/out" "заголовок редакции 1"
expect_in "$WORK/out" "$GEN"
expect_status 0 "$P" -d "$DB" export --revision 1 --format txt \
	-o "$WORK/completed.txt"
flat "$WORK/completed.txt"
expect_in "$WORK/completed.txt.flat" "УТВЕРЖДЕН приказом $GEN от 19.03.2024 № 27/01-01"
expect_in "$WORK/completed.txt.flat" "ПЕРЕЧЕНЬ $TITLE"
# What the revision has is never overwritten: its own body stays.
sqlite3 "$DB" "UPDATE rev_header SET org = 'Прежний орган', org_genitive = 'Прежнего органа', title = ''" ||
	fail "sqlite3"
as_older_list
expect_status 0 "$P" -d "$DB" init --complete-revision 1
expect_in "$WORK/out" "дополнен из заголовка перечня: заглавие."
expect_status 0 "$P" -d "$DB" export --revision 1 --format txt \
	-o "$WORK/kept.txt"
flat "$WORK/kept.txt"
expect_in "$WORK/kept.txt.flat" "приказом Прежнего органа от 19.03.2024"
# The genitive is not taken for another body's name.
sqlite3 "$DB" "UPDATE rev_header SET org_genitive = ''" || fail "sqlite3"
expect_status 1 "$P" -d "$DB" init --complete-revision 1
expect_in "$WORK/err" "родительный падеж органа берётся, только пока орган тот же"

# A list migrated from schema 6 has no genitive: R0 says so and suggests
# the declension; approval names the field.
sqlite3 "$DB" "UPDATE list_header SET org_genitive = ''" || fail "sqlite3"
expect_status 2 "$P" -d "$DB" check
expect_in "$WORK/out" "не указано, как орган назван в грифе («приказом …»); по склонению — «$GEN»: perechen init --org-genitive \"$GEN\""
expect_status 1 "$P" -d "$DB" approve --order 2 --date 20.03.2024 \
	--today 20.03.2024 --confirm-errors --confirm-unreviewed
expect_in "$WORK/err" "нет названия органа в родительном падеже для грифа («приказом …») — perechen init --org-genitive \"$GEN\""
exit 0
