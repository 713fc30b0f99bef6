#!/bin/sh
# perechen import of the approving order itself (issue 14): the whole
# order as text gives the list of its Перечень table (not the Порядок's
# template), the body, its genitive, the title, the order's date and
# number; --approved records revision 1 by it; grifs that disagree with
# the heading are named; --order overrides the number; several tables
# with real rows need --table; an Excel layout groups its processes;
# legacy Word/Excel files are told how to be saved.
. "$TESTS_DIR/cli/lib.sh"

P=$PERECHEN
ORDER=$SEED_ORDER

# The whole order, approved as it stands.
expect_status 0 "$P" -d "$DB" import --approved "$ORDER"
expect_in "$WORK/out" "Загружено: процессов 5, точек взаимодействия 19, потребностей 19"
expect_in "$WORK/out" "взята таблица 2 из 2"
expect_in "$WORK/out" "в грифе «от 19.03.2024 № 27/ср-сг», а в заголовке приказа (строка 11) — от 19.03.2024 № 27/01-01"
expect_in "$WORK/out" "в грифе «от 19.03.2024 № 27/а-а»"
expect_in "$WORK/out" "орган взят из строк над таблицей: «$SEED_ORG»"
expect_in "$WORK/out" "в грифе: «приказом $SEED_GENITIVE» (из грифа приказа)"
expect_in "$WORK/out" "заглавие взято из строк над таблицей: «$SEED_TITLE»"
expect_in "$WORK/out" "Утверждена редакция 1: приказ от 19.03.2024 № 27/01-01"
expect_not_in "$WORK/out" "[точка 1]"
expect_status 0 "$P" -d "$DB" log
expect_in "$WORK/out" "редакция 1: приказ от 19.03.2024 № 27/01-01"

# Publication is due 10 working days after the order (п. 5.2, 5.4).
expect_status 1 "$P" -d "$DB" status --today 20.03.2024
expect_in "$WORK/out" "Редакция 1 не размещена на сайте (п. 5.2): срок — 02.04.2024"

# The same needs as the table cut out of the order by the README's recipe.
awk '/^ПЕРЕЧЕНЬ$/ {f=1} f' "$ORDER" >"$WORK/table.tsv"
expect_status 0 "$P" -d "$WORK/cut.db" import "$WORK/table.tsv"
expect_status 0 "$P" -d "$WORK/cut.db" export --format csv -o "$WORK/cut.csv"
expect_status 0 "$P" -d "$DB" export --format csv -o "$WORK/order.csv"
cmp -s "$WORK/cut.csv" "$WORK/order.csv" || fail "the order's list differs from the cut table's"

# The annex prints the grif and the title taken from the order.
expect_status 0 "$P" -d "$DB" export --format txt -o "$WORK/annex.txt"
tr -s ' \n' '  ' <"$WORK/annex.txt" >"$WORK/annex.flat"
expect_in "$WORK/annex.flat" "приказом $SEED_GENITIVE"
expect_in "$WORK/annex.flat" "от 19.03.2024 № 27/01-01"

# The annex perechen prints as DOCX reads back as the same list, by its
# content whatever its name.
expect_status 0 "$P" -d "$DB" export --format docx -o "$WORK/annex.docx"
cp "$WORK/annex.docx" "$WORK/annex.txt"
expect_status 0 "$P" -d "$WORK/docx.db" import "$WORK/annex.txt"
expect_in "$WORK/out" "документ DOCX"
expect_in "$WORK/out" "Загружено: процессов 5, точек взаимодействия 19, потребностей 19"
expect_status 0 "$P" -d "$WORK/docx.db" export --format csv -o "$WORK/docx.csv"
cmp -s "$WORK/cut.csv" "$WORK/docx.csv" || fail "the DOCX read back differs"
# A ZIP that is no document is named so.
printf 'PK\003\004garbage' >"$WORK/bad.docx"
expect_status 1 "$P" -d "$WORK/bad.db" import "$WORK/bad.docx"
expect_in "$WORK/err" "архив ZIP повреждён"
[ ! -e "$WORK/bad.db" ] || fail "a damaged DOCX created the list"

# --order takes another number; a dry run writes nothing.
expect_status 0 "$P" -d "$WORK/o.db" import --dry-run --approved --order 27/а-а "$ORDER"
expect_in "$WORK/out" "Будет записана утверждённая редакция: приказ от 19.03.2024 № 27/а-а"
[ ! -e "$WORK/o.db" ] || fail "a dry run created the list"
expect_status 0 "$P" -d "$WORK/o.db" import --approved --order 27/а-а "$ORDER"
expect_in "$WORK/out" "Утверждена редакция 1: приказ от 19.03.2024 № 27/а-а"

# Without --approved the order is shown, not recorded.
expect_status 0 "$P" -d "$WORK/n.db" import "$ORDER"
expect_in "$WORK/out" "Приказ в файле: от 19.03.2024 № 27/01-01"
expect_status 1 "$P" -d "$WORK/n.db" status --today 20.03.2024
expect_in "$WORK/out" "Перечень не утверждён"

# A table without an order: --approved is refused, nothing written.
expect_status 1 "$P" -d "$WORK/noorder.db" import --approved "$WORK/table.tsv"
expect_in "$WORK/err" "в файле нет приказа об утверждении"
[ ! -e "$WORK/noorder.db" ] || fail "a refused import created the list"

# Two tables with real rows: listed, and --table picks one.
{ cat "$WORK/table.tsv"; echo; echo "Приложение 2"; echo
  printf '№\tПроцесс взаимодействия с клиентом\tТочка взаимодействия\tУдовлетворяемые потребности клиента\tОсобенности взаимодействия с клиентом\n'
  printf '1\tИнформирование\tПочта России\tполучение информации\tОфлайн-точка\n'
} >"$WORK/two.tsv"
expect_status 1 "$P" -d "$WORK/two.db" import "$WORK/two.tsv"
expect_in "$WORK/err" "в файле несколько таблиц с заголовком перечня; укажите нужную: --table N"
expect_in "$WORK/err" "таблица 2 (строка"
expect_status 0 "$P" -d "$WORK/two.db" import --table 2 "$WORK/two.tsv"
expect_in "$WORK/out" "Загружено: процессов 1, точек взаимодействия 1"
expect_in "$WORK/out" "взята таблица 2 из 2"
expect_status 2 "$P" -d "$WORK/two.db" import --table 0 "$WORK/two.tsv"
expect_status 1 "$P" -d "$WORK/x.db" import --table 3 "$WORK/two.tsv"
expect_in "$WORK/err" "--table 3: таблиц с заголовком перечня в файле 2"

# Excel's layout: № and process on every row are one process.
cat >"$WORK/excel.csv" <<'EOF'
№;Процесс взаимодействия с клиентом;Точка взаимодействия;Удовлетворяемые потребности клиента;Особенности взаимодействия с клиентом
1;Информирование;Почта России;получение информации;Офлайн-точка
1;Информирование;Телефонная связь;получение информации;Офлайн-точка
2;Консультирование;Почта России;получение консультации;Офлайн-точка
2;Консультирование;видеоконференцсвязь;получение консультации;Цифровая точка
3;Консультирование;Личный приём;получение консультации;Офлайн-точка
EOF
expect_status 0 "$P" -d "$WORK/x.db" import "$WORK/excel.csv"
expect_in "$WORK/out" "Загружено: процессов 3, точек взаимодействия 5"
expect_in "$WORK/out" "строка 3: № и процесс «Информирование» повторены"
expect_in "$WORK/out" "строка 5: № и процесс «Консультирование» повторены"

# Legacy formats are named, with how to save them.
printf '\320\317\021\340\241\261\032\341rest' >"$WORK/old.doc"
expect_status 1 "$P" -d "$WORK/y.db" import "$WORK/old.doc"
expect_in "$WORK/err" "Word 97–2003 (.doc)"
expect_in "$WORK/err" "сохраните его как DOCX"
printf '{\\rtf1\\ansi text}' >"$WORK/old.rtf"
expect_status 1 "$P" -d "$WORK/y.db" import "$WORK/old.rtf"
expect_in "$WORK/err" "документ RTF"
[ ! -e "$WORK/y.db" ] || fail "a refused file created the list"
exit 0
