#!/bin/sh
# perechen diff: exactly the edits made since an approved revision,
# worded as the amending order's sub-items (perechen order), and with
# --summary grouped by process for the clerk's own overview.
. "$TESTS_DIR/cli/lib.sh"
P=$PERECHEN

quiet() {
	"$@" >/dev/null 2>&1 || fail "$*"
}

expect_status 0 "$P" diff --help
expect_in "$WORK/out" "РЕДАКЦИЯ"
quiet "$P" -d "$DB" import "$EXAMPLE"
expect_status 1 "$P" -d "$DB" diff
expect_in "$WORK/err" "не утверждён"
expect_status 1 "$P" -d "$DB" diff 1
expect_in "$WORK/err" "не утверждён"

quiet "$P" -d "$DB" approve --order 27/01-01 --date 19.03.2024
expect_status 0 "$P" -d "$DB" diff
cat >"$WORK/want" <<'EOF'
Изменения: редакция 1 (приказ от 19.03.2024 № 27/01-01) → рабочая копия.
Изменений нет.
EOF
diff -u "$WORK/want" "$WORK/out" || fail "diff right after approval"

# The edits: needs, exclusion, addition, kind, name, contacts, a process;
# and two that leave the published list as it was: a touchpoint added and
# excluded again, one excluded and brought back.
quiet "$P" -d "$DB" tp set 2.2 --need "2.6.2:получение консультации по почте" \
    --need "2.6.4:подача обращения"
quiet "$P" -d "$DB" tp exclude 2.4 --reason "канал не используется"
quiet "$P" -d "$DB" tp add 2 --name "Чат-бот министерства" --kind "Чат-бот" \
    --channel цифровая --need "2.6.2:получение консультации"
quiet "$P" -d "$DB" tp set 2.1 --kind "Почта России"
quiet "$P" -d "$DB" tp set 1.2 --name "Электронная почта Министерства"
quiet "$P" -d "$DB" tp set 1.5 --contact "https://ervk.gov.ru/"
quiet "$P" -d "$DB" tp add 5 --name "Временная точка" --kind "Чат-бот" \
    --channel цифровая --need "2.6.5:обжалование"
quiet "$P" -d "$DB" tp exclude 5.2 --reason "добавлена по ошибке"
quiet "$P" -d "$DB" tp exclude 4.5 --reason "проверка"
quiet "$P" -d "$DB" tp restore 4.5
quiet "$P" -d "$DB" process add "Приём обращений"
# A process without touchpoints would print an empty row (R1): not approved.
quiet "$P" -d "$DB" tp add 6 --name "Приёмная" --kind "Личное взаимодействие" \
    --need "2.6.4:подача обращения"

cat >"$WORK/body" <<'EOF'

Процесс 1 «Информирование»:
  — точка взаимодействия «Электронная почта» переименована в «Электронная почта Министерства»;
  — у точки взаимодействия «Единый реестр видов контроля» изменены контакты: было «https://ervk.gov.ru/registry/list2/active», стало «https://ervk.gov.ru/».

Процесс 2 «Консультирование»:
  — у точки взаимодействия «Телефонная связь» изменён вид: было «Телефонная связь (Офлайн-точка)», стало «Почта России (Офлайн-точка)»;
  — у точки взаимодействия «Почта России» изменены удовлетворяемые потребности: было «получение консультации» (п. 2.6.2), стало «получение консультации по почте» (п. 2.6.2), «подача обращения» (п. 2.6.4);
  — исключена точка взаимодействия «Видеоконференцсвязь»;
  — добавлена точка взаимодействия «Чат-бот министерства» (Чат-бот, Цифровая точка) с потребностями: «получение консультации» (п. 2.6.2).

Процесс 6 «Приём обращений»:
  — добавлен процесс «Приём обращений»;
  — добавлена точка взаимодействия «Приёмная» (Личное взаимодействие, Офлайн-точка) с потребностями: «подача обращения» (п. 2.6.4).

Основания актуализации (п. 5.3): 5.3.1 — 2, 5.3.2 — 1, 5.3.3 — 1, 5.3.4 — 1; редакционных изменений: 3.
EOF
{
	echo "Изменения: редакция 1 (приказ от 19.03.2024 № 27/01-01) → рабочая копия."
	cat "$WORK/body"
} >"$WORK/want"
expect_status 0 "$P" -d "$DB" diff --summary
diff -u "$WORK/want" "$WORK/out" || fail "diff of revision 1 and the working copy"
expect_status 0 "$P" -d "$DB" diff --summary 1
diff -u "$WORK/want" "$WORK/out" || fail "diff 1"
expect_status 0 "$P" -d "$DB" diff
cp "$WORK/out" "$WORK/order-diff"
diff -u "$TESTS_DIR/golden/diff-order.txt" "$WORK/out" ||
    fail "diff worded as the order"
for w in было стало "п. 2.6" "вид точки"; do
	expect_not_in "$WORK/out" "$w"
done
# The order's draft holds the same sub-items.
expect_status 0 "$P" -d "$DB" order
tr '\n' ' ' <"$WORK/out" | sed 's/  */ /g' >"$WORK/flat"
grep '^[0-9]*) ' "$WORK/order-diff" | sed 's/[;.:]$//' |
    while IFS= read -r item; do
	grep -qF -- "$item" "$WORK/flat" || fail "not in the order: $item"
done
expect_status 0 "$P" -d "$DB" diff --format json
expect_in "$WORK/out" '{"from": 1, "to": null, "rows": 19,'
expect_in "$WORK/out" '"строку 2.4 признать утратившей силу"'
expect_status 2 "$P" -d "$DB" diff --format xml
expect_status 2 "$P" -d "$DB" diff --summary --format json

# status and log count the same changes as the diff: each once (a new
# kind is one п. 5.3.2 change), the two undone ones not at all, though
# the log lists every entry.  (Revision 1 was never published: overdue.)
expect_status 2 "$P" -d "$DB" status
expect_in "$WORK/out" "внесено изменений: 5,"
expect_in "$WORK/out" "(п. 5.3.1): 2"
for t in 5.3.2 5.3.3 5.3.4; do
	expect_in "$WORK/out" "(п. $t): 1"
done
expect_in "$WORK/out" "Редакционных правок после утверждения (актуализации не требуют): 3."
expect_status 0 "$P" -d "$DB" log
[ "$(grep -c "  5\.3\.4 " "$WORK/out")" = 3 ] ||
    fail "the log should list three exclusions"
expect_in "$WORK/out" "Итог: рабочая копия отличается от редакции 1"
expect_in "$WORK/out" "Основания актуализации (п. 5.3): 5.3.1 — 2, 5.3.2 — 1, 5.3.3 — 1, 5.3.4 — 1; редакционных изменений: 3."

# Between two revisions: the same edits; the other way round, undone.
# (No review accepted the edits: the approval confirms that.)
quiet "$P" -d "$DB" approve --order 31/01-01 --date 20.03.2024 \
    --confirm-unreviewed
{
	echo "Изменения: редакция 1 (приказ от 19.03.2024 № 27/01-01) → редакция 2 (приказ от 20.03.2024 № 31/01-01)."
	cat "$WORK/body"
} >"$WORK/want"
expect_status 0 "$P" -d "$DB" diff --summary 1 2
diff -u "$WORK/want" "$WORK/out" || fail "diff 1 2"
expect_status 0 "$P" -d "$DB" diff 1 2
diff -u "$TESTS_DIR/golden/diff-order.txt" "$WORK/out" >/dev/null &&
    fail "diff 1 2 names revision 2"
expect_in "$WORK/out" "1) в строке 1.2 в графе"
expect_status 0 "$P" -d "$DB" diff
expect_in "$WORK/out" "редакция 2 (приказ от 20.03.2024 № 31/01-01) → рабочая копия."
expect_in "$WORK/out" "Изменений нет."
expect_status 0 "$P" -d "$DB" diff --summary 2 1
expect_in "$WORK/out" "  — вновь включена в перечень точка взаимодействия «Видеоконференцсвязь» (Видеоконференцсвязь, Цифровая точка) с потребностями: «получение консультации» (п. 2.6.2);"
expect_in "$WORK/out" "  — исключена точка взаимодействия «Чат-бот министерства»"
expect_in "$WORK/out" "  — исключён процесс «Приём обращений»;"
expect_not_in "$WORK/out" "Временная точка"

# Bringing a touchpoint back is told as that alone.
quiet "$P" -d "$DB" tp restore 2.4
quiet "$P" -d "$DB" tp set 2.4 --need "2.6.2:консультирование по видеосвязи"
expect_status 0 "$P" -d "$DB" diff --summary
cat >"$WORK/want" <<'EOF'
Изменения: редакция 2 (приказ от 20.03.2024 № 31/01-01) → рабочая копия.

Процесс 2 «Консультирование»:
  — вновь включена в перечень точка взаимодействия «Видеоконференцсвязь» (Видеоконференцсвязь, Цифровая точка) с потребностями: «консультирование по видеосвязи» (п. 2.6.2).

Основания актуализации (п. 5.3): 5.3.1 — 1; редакционных изменений: 0.
EOF
diff -u "$WORK/want" "$WORK/out" || fail "diff after restoring"

# Unknown revisions and wrong arguments.
expect_status 1 "$P" -d "$DB" diff 7
expect_in "$WORK/err" "редакции 7 нет"
expect_status 1 "$P" -d "$DB" diff 1 7
expect_in "$WORK/err" "редакции 7 нет"
expect_status 2 "$P" -d "$DB" diff 0
expect_status 2 "$P" -d "$DB" diff первая
expect_status 2 "$P" -d "$DB" diff 1 2 3
expect_status 2 "$P" -d "$DB" diff --bogus
exit 0
