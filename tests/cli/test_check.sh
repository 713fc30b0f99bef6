#!/bin/sh
# perechen check and perechen ack: usage and exit codes, an empty list, the
# shipped example (one warning, R8 of process 5, and no errors), accepting
# that warning with a justification and taking it back, a list with errors,
# data that must not reach the terminal raw, empty content as an error, and
# the seed's rules (no R5 for its process 5).
. "$TESTS_DIR/cli/lib.sh"

# Help, in Russian.
expect_status 0 "$PERECHEN" check --help
expect_in "$WORK/out" "Использование: perechen [-d ФАЙЛ] check [--format text|json]"
expect_in "$WORK/out" "Код возврата: 0"
expect_status 0 "$PERECHEN" ack --help
expect_in "$WORK/out" "ack ПРАВИЛО --process N [--touchpoint M] --reason ТЕКСТ"

# A check that cannot run exits 3 and creates nothing.
expect_status 3 "$PERECHEN" -d "$WORK/missing.db" check
expect_in "$WORK/err" "не найден"
[ -e "$WORK/missing.db" ] && fail "check created the database"
expect_status 0 "$PERECHEN" -d "$DB" init
for bad in "--format xml" "--format" "--bogus" "extra"; do
	# shellcheck disable=SC2086 # the words are the arguments
	expect_status 3 "$PERECHEN" -d "$DB" check $bad
	[ -s "$WORK/out" ] && fail "check $bad wrote to stdout"
done

# A new list has no header: R0 (п. 5.1, Приложение 1) errors, about the
# list as a whole, in text and in JSON.
expect_status 2 "$PERECHEN" -d "$DB" check
expect_in "$WORK/out" "Заголовок перечня"
expect_in "$WORK/out" "ошибка п. 5.1, Приложение 1: заголовок перечня не заполнен — не указан орган (ОИВ), который его утверждает: perechen init --org …"
expect_in "$WORK/out" "нет заглавия («ПЕРЕЧЕНЬ точек взаимодействия с клиентом …»): perechen init --title …"
expect_in "$WORK/out" "Итого: ошибок 2,"
expect_status 2 "$PERECHEN" -d "$DB" check --format json
if command -v python3 >/dev/null 2>&1; then
	python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))
assert [(x["rule"], x["clause"], x["level"], x["field"], x["process"],
    x["process_name"], x["touchpoint"]) for x in f] == [
    ("R0", "5.1, Приложение 1", "error", "org", None, None, None),
    ("R0", "5.1, Приложение 1", "error", "title", None, None, None)], f
' "$WORK/out" || fail "check --format json: R0 findings"
fi
expect_status 2 "$PERECHEN" -d "$DB" ack R0 --process 1 --reason "x"
expect_in "$WORK/err" "R0 — ошибка: её нужно исправить"

# The header filled, an empty list is clean; a genitive no different from
# the name is a warning (the grif would read «приказом Министерство …»).
expect_status 0 "$PERECHEN" -d "$DB" init --title "точек взаимодействия" \
	--org "Министерство финансов" --org-genitive "Министерство финансов"
expect_status 1 "$PERECHEN" -d "$DB" check
expect_in "$WORK/out" "предупреждение п. 5.1: в грифе орган назван в именительном падеже («приказом Министерство финансов»); укажите родительный: perechen init --org-genitive \"Министерства финансов\""
expect_status 0 "$PERECHEN" -d "$DB" init --org-genitive "Министерства финансов"
expect_status 0 "$PERECHEN" -d "$DB" check
expect_in "$WORK/out" "Замечаний нет."
expect_status 0 "$PERECHEN" -d "$DB" check --format json
[ "$(cat "$WORK/out")" = "[]" ] || fail "empty list: JSON is not []"
expect_status 1 "$PERECHEN" -d "$DB" ack R8 --process 1 --reason "x"
expect_in "$WORK/err" "нет процесса 1"

# The example list: exactly one warning, R8 (п. 2.9.3) of process 5, whose
# only touchpoint is the digital ЕПГУ; no errors.
[ -f "$EXAMPLE" ] || fail "no example list at $EXAMPLE"
rm -f "$DB" "$DB-wal" "$DB-shm"
expect_status 0 "$PERECHEN" -d "$DB" import --quiet "$EXAMPLE"
expect_status 1 "$PERECHEN" -d "$DB" check
cp "$WORK/out" "$WORK/check1.txt"
R8_LINE="  предупреждение п. 2.9.3: в процессе «Досудебное обжалование результатов проверки» нет офлайн-точки — альтернативы цифровым каналам"
expect_in "$WORK/check1.txt" "$R8_LINE"
expect_in "$WORK/check1.txt" "Итого: ошибок 0, предупреждений 1 (из них принято 0)"
expect_not_in "$WORK/check1.txt" "ошибка"
expect_not_in "$WORK/check1.txt" "принято:"
[ "$(grep -c '^ *предупреждение ' "$WORK/check1.txt")" = 1 ] ||
	fail "the example has more than one warning"
# The warning is listed under its process's header.
awk -v want="$R8_LINE" '
	/^[0-9]+\. / { proc = $0 }
	$0 == want { found = proc }
	END { exit found == "5. Досудебное обжалование результатов проверки" ? 0 : 1 }
' "$WORK/check1.txt" || fail "R8 is not under process 5"

expect_status 1 "$PERECHEN" -d "$DB" check --format json
cp "$WORK/out" "$WORK/check1.json"
expect_in "$WORK/check1.json" '{"rule": "R8", "clause": "2.9.3", "level": "warning", "process": 5, "process_name": "Досудебное обжалование результатов проверки", "touchpoint": null, "touchpoint_name": null, "field": "channel", "item": null, "message": "п. 2.9.3: в процессе «Досудебное обжалование результатов проверки» нет офлайн-точки — альтернативы цифровым каналам", "acknowledged": false, "justification": null}'
expect_not_in "$WORK/check1.json" '"level": "error"'
if command -v python3 >/dev/null 2>&1; then
	python3 -c 'import json, sys; json.load(open(sys.argv[1]))' \
		"$WORK/check1.json" || fail "check --format json is not JSON"
fi

# Refusals: errors and hints cannot be accepted, nor a warning the list
# does not have, nor one without a justification; nothing is stored.
expect_status 2 "$PERECHEN" -d "$DB" ack R9 --process 2 --touchpoint 1 --reason "x"
expect_in "$WORK/err" "R9 — ошибка"
expect_status 2 "$PERECHEN" -d "$DB" ack R6 --process 1 --touchpoint 1 --reason "x"
expect_in "$WORK/err" "R6 — подсказка"
expect_status 1 "$PERECHEN" -d "$DB" ack R8 --process 1 --reason "x"
expect_in "$WORK/err" "нет предупреждения R8"
expect_status 1 "$PERECHEN" -d "$DB" ack R8 --process 6 --reason "x"
expect_in "$WORK/err" "нет процесса 6"
expect_status 2 "$PERECHEN" -d "$DB" ack R8 --process 5
expect_in "$WORK/err" "обоснование"
expect_status 1 "$PERECHEN" -d "$DB" ack R8 --process 5 --reason "   "
expect_in "$WORK/err" "обоснование"
expect_status 2 "$PERECHEN" -d "$DB" ack R8 --process 5 --touchpoint 1 --reason "x"
expect_in "$WORK/err" "к процессу в целом"
expect_status 2 "$PERECHEN" -d "$DB" ack R12 --process 5 --reason "x"
expect_status 1 "$PERECHEN" -d "$DB" ack --remove R8 --process 5
expect_in "$WORK/err" "не было принято"
expect_status 0 "$PERECHEN" -d "$DB" ack --list
expect_in "$WORK/out" "Принятых предупреждений нет."

# Accepting R8 of process 5: shown as accepted, and the list is clean.
REASON='Жалоба подаётся только через ЕПГУ (ч. 1 ст. 40 Федерального закона № 248-ФЗ)'
expect_status 0 "$PERECHEN" -d "$DB" ack R8 --process 5 --reason "$REASON"
expect_in "$WORK/err" "процесс 5: предупреждение R8 (п. 2.9.3) принято"
expect_status 0 "$PERECHEN" -d "$DB" check
expect_in "$WORK/out" "$R8_LINE (принято: $REASON)"
expect_in "$WORK/out" "Итого: ошибок 0, предупреждений 1 (из них принято 1)"
expect_status 0 "$PERECHEN" -d "$DB" check --format json
expect_in "$WORK/out" "\"acknowledged\": true, \"justification\": \"$REASON\"}"
expect_status 0 "$PERECHEN" -d "$DB" ack --list
expect_in "$WORK/out" "5. Досудебное обжалование результатов проверки"
expect_in "$WORK/out" "R8 (п. 2.9.3): $REASON"
expect_in "$WORK/out" "принял $(id -un)"

# Accepting again replaces the justification.
expect_status 0 "$PERECHEN" -d "$DB" ack R8 --process 5 --reason "уточнённое обоснование"
expect_status 0 "$PERECHEN" -d "$DB" ack --list
[ "$(grep -c 'R8 (п. 2.9.3)' "$WORK/out")" = 1 ] || fail "two acceptances of R8"
expect_in "$WORK/out" "уточнённое обоснование"

# Taking it back: the warning counts again.
expect_status 0 "$PERECHEN" -d "$DB" ack --remove R8 --process 5
expect_status 1 "$PERECHEN" -d "$DB" check
expect_not_in "$WORK/out" "принято:"

# A list with errors exits 2: the post made digital (R3), a malformed
# e-mail (R11); a name carrying a terminal escape and JSON's special
# characters is printed harmlessly and escaped exactly.
ESC=$(printf '\033')
sed -e 's/^\t\tПочта России\tполучение консультации\tОфлайн-точка/\t\tПочта России\tполучение консультации\tЦифровая точка/' \
	-e 's/^\t\tСообщества Министерства в социальных сетях\tполучение информации\tЦифровая точка\tСообщества в социальных сетях\t/&otdel@yandex/' \
	-e "s/^\t\tВидеоконференцсвязь\tполучение консультации/\t\tВКС \"зал\" \\\\ 1${ESC}[31m\tполучение консультации/" \
	"$EXAMPLE" >"$WORK/bad.tsv"
BAD="$WORK/bad.db"
expect_status 0 "$PERECHEN" -d "$BAD" import --quiet "$WORK/bad.tsv"
expect_status 2 "$PERECHEN" -d "$BAD" check
expect_in "$WORK/out" "    ошибка п. 3.1, 4: вид «Почта России» — офлайн-точка, а указана цифровая"
expect_in "$WORK/out" "    ошибка: контакт «otdel@yandex» точки «Сообщества Министерства в социальных сетях»: в имени домена «yandex» нет точки"
expect_in "$WORK/out" "  2.4. ВКС \"зал\" \\ 1␛[31m"
grep -q "$ESC" "$WORK/out" && fail "check printed a raw escape"
expect_status 2 "$PERECHEN" -d "$BAD" check --format json
expect_in "$WORK/out" '"touchpoint_name": "ВКС \"зал\" \\ 1\u001B[31m"'
expect_in "$WORK/out" '"rule": "R11", "clause": "", "level": "error", "process": 1'
grep -q "$ESC" "$WORK/out" && fail "check --format json printed a raw escape"
# An error is not accepted even where the warning would be.
expect_status 2 "$PERECHEN" -d "$BAD" ack R3 --process 2 --touchpoint 2 --reason "x"

# Empty content is an error (R1, п. 2.1): a process without touchpoints
# would print an empty row, and that is all that is said of it (no R5, R7,
# R8); approval is refused.  A need without a wording is refused at once.
EMPTY="$WORK/empty.db"
expect_status 0 "$PERECHEN" -d "$EMPTY" import --quiet "$EXAMPLE"
expect_status 0 "$PERECHEN" -d "$EMPTY" process add "Приём граждан"
expect_status 2 "$PERECHEN" -d "$EMPTY" check
EMPTY_LINE="  ошибка п. 2.1: в процессе «Приём граждан» нет точек взаимодействия — в перечне была бы пустая строка"
expect_in "$WORK/out" "$EMPTY_LINE"
awk -v want="$EMPTY_LINE" '
	/^[0-9]+\. / { proc = $0 }
	/^Итого/ { proc = "" }
	proc == "6. Приём граждан" && $0 != proc && $0 != "" { n++; line = $0 }
	END { exit n == 1 && line == want ? 0 : 1 }
' "$WORK/out" || fail "process 6 has findings besides its empty row"
expect_in "$WORK/out" "Итого: ошибок 1, предупреждений 1"
expect_status 2 "$PERECHEN" -d "$EMPTY" check --format json
expect_in "$WORK/out" '{"rule": "R1", "clause": "2.1", "level": "error", "process": 6, "process_name": "Приём граждан", "touchpoint": null'
expect_status 1 "$PERECHEN" -d "$EMPTY" ack R5 --process 6 --reason "x"
expect_in "$WORK/err" "нет предупреждения R5"
expect_status 1 "$PERECHEN" -d "$EMPTY" approve --order 31/01-01 \
	--date 20.03.2024 --confirm-unreviewed
expect_in "$WORK/err" "процесс 6: п. 2.1: в процессе «Приём граждан» нет точек взаимодействия"
expect_in "$WORK/err" "Перечень не утверждён"
# An empty row is no matter for confirmation: no flag approves it.
expect_status 1 "$PERECHEN" -d "$EMPTY" approve --order 31/01-01 \
	--date 20.03.2024 --confirm-errors --confirm-unreviewed
expect_in "$WORK/err" "процесс 6: п. 2.1: в процессе «Приём граждан» нет точек взаимодействия"
expect_in "$WORK/err" "пустая строка или ячейка"
expect_status 1 "$PERECHEN" -d "$EMPTY" status
expect_in "$WORK/out" "Внесите реквизиты приказа"
before=$(DB=$EMPTY db_digest)
expect_status 1 "$PERECHEN" -d "$EMPTY" tp add 6 --name "Приёмная" \
	--kind "Личное взаимодействие" --need "2.6.9:"
expect_in "$WORK/err" "ошибка: п. 2.1: у потребности № 1 точки «Приёмная» нет формулировки"
[ "$(DB=$EMPTY db_digest)" = "$before" ] || fail "a need without wording was saved"
expect_status 0 "$PERECHEN" -d "$EMPTY" tp add 6 --name "Приёмная" \
	--kind "Личное взаимодействие" --need "2.6.9:запись на приём"
expect_status 1 "$PERECHEN" -d "$EMPTY" check
expect_not_in "$WORK/out" "нет точек взаимодействия"

# The seed imported by the README's recipe: ЕПГУ carries messages in a
# personal account (п. 3.2.4), a key touchpoint by default, so process 5
# has no R5; R10 applies to it and to ГИС ТОР КНД.
awk '/^ПЕРЕЧЕНЬ$/ {f=1} f' "$TESTS_DIR/data/seed-order.txt" >"$WORK/seed.tsv"
SEED="$WORK/seed.db"
expect_status 0 "$PERECHEN" -d "$SEED" init \
	--org "Министерство промышленности и торговли Смоленской области"
expect_status 0 "$PERECHEN" -d "$SEED" import --quiet "$WORK/seed.tsv"
expect_status 1 "$PERECHEN" -d "$SEED" check --format json
expect_not_in "$WORK/out" '"rule": "R5"'
expect_in "$WORK/out" '"rule": "R8", "clause": "2.9.3", "level": "warning", "process": 5'
expect_in "$WORK/out" '"rule": "R10", "clause": "3.2.4", "level": "hint", "process": 5, "process_name": "Досудебное обжалование результатов проверки", "touchpoint": 1'
expect_in "$WORK/out" '"rule": "R10", "clause": "3.2.4", "level": "hint", "process": 3, "process_name": "Профилактический визит", "touchpoint": 4'
exit 0
