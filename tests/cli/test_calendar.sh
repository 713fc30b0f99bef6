# perechen calendar: working-day deadlines, year counts, user calendar files.
. "$TESTS_DIR/cli/lib.sh"

# Every run reads the user calendar from an empty, private directory.
export XDG_CONFIG_HOME="$WORK/config"
USERCAL="$XDG_CONFIG_HOME/perechen/calendar.d"
mkdir -p "$USERCAL"
# The calendar never needs the list: point the database somewhere absent.
export PERECHEN_DB="$WORK/absent/never.db"

# expect_out CMD... TEXT : CMD exits 0 and prints exactly TEXT.
expect_out() {
	printed=$1
	shift
	expect_status 0 "$PERECHEN" calendar "$@"
	[ "$(cat "$WORK/out")" = "$printed" ] ||
		fail "calendar $*: got '$(cat "$WORK/out")', want '$printed'"
}

# п. 5.4 example of domain.md: a change on 19.03.2024 → 02.04.2024.
expect_out 02.04.2024 workdays 19.03.2024 10
[ -s "$WORK/err" ] && fail "an exact result printed a note: $(cat "$WORK/err")"
# Across the May holidays: 27.04 works, 29.04-01.05 and 09-10.05 rest.
expect_out 16.05.2024 workdays 26.04.2024 10
# ISO dates are accepted as well.
expect_out 02.04.2024 workdays 2024-03-19 10
# Art. 191: the period starts the day after; Friday + 1 is Monday.
expect_out 18.03.2024 workdays 15.03.2024 1

expect_status 0 "$PERECHEN" calendar year 2024
expect_in "$WORK/out" "Рабочих дней: 248"
expect_in "$WORK/out" "Всего дней: 366"
expect_status 0 "$PERECHEN" calendar year 2025
expect_in "$WORK/out" "Рабочих дней: 247"
expect_status 0 "$PERECHEN" calendar year 2026
expect_in "$WORK/out" "Рабочих дней: 247"
expect_not_in "$WORK/err" "предварительный"

# 2027 is known only provisionally: the count comes with a note, exit 0.
expect_status 0 "$PERECHEN" calendar year 2027
expect_in "$WORK/out" "Рабочих дней: 247"
expect_in "$WORK/err" "календарь на 2027 год предварительный"

# 2028 is not covered: refused, with the remedy.
expect_status 1 "$PERECHEN" calendar year 2028
expect_in "$WORK/err" "2028 год не входит в производственный календарь (известны 2024–2027)"
expect_in "$WORK/err" "добавьте его файлом в"
[ -s "$WORK/out" ] && fail "an uncovered year printed a count"

# A period running into 2028: the date, said to be approximate, exit 1.
expect_status 1 "$PERECHEN" calendar workdays 30.12.2027 3
[ "$(cat "$WORK/out")" = 05.01.2028 ] || fail "approximate date: $(cat "$WORK/out")"
expect_in "$WORK/err" "приблизительно: год 2028 не входит в календарь"

# Inside 2027 only: provisional note, exit 0.
expect_status 0 "$PERECHEN" calendar workdays 01.03.2027 1
expect_in "$WORK/err" "предварительный"

# One day, and why.
expect_status 0 "$PERECHEN" calendar day 27.04.2024
expect_in "$WORK/out" "27.04.2024, суббота — рабочий день"
expect_in "$WORK/out" "ru-federal.txt:"
expect_status 0 "$PERECHEN" calendar day 10.05.2024
expect_in "$WORK/out" "10.05.2024, пятница — выходной"

# Working days after the first date up to the second.
expect_out 10 count 19.03.2024 02.04.2024
expect_out -10 count 02.04.2024 19.03.2024

# No database was created by any of this.
[ -e "$WORK/absent" ] && fail "calendar created a database directory"

# Command-line mistakes are usage errors.
expect_status 2 "$PERECHEN" calendar workdays 29.02.2025 10
expect_in "$WORK/err" "в феврале 2025 года 28 дней"
expect_status 2 "$PERECHEN" calendar workdays 19/03/2024 10
expect_in "$WORK/err" "ДД.ММ.ГГГГ"
expect_status 2 "$PERECHEN" calendar workdays 19.03.2024 десять
expect_status 2 "$PERECHEN" calendar workdays 19.03.2024 -1
expect_status 2 "$PERECHEN" calendar workdays 19.03.2024
expect_status 2 "$PERECHEN" calendar year 24x
expect_status 2 "$PERECHEN" calendar holidays 2024
expect_status 0 "$PERECHEN" calendar --help
expect_in "$WORK/out" "workdays ДАТА N"

# A regional day off in the user's calendar.d changes the results.
printf '# Татарстан\n2024-08-30\tholiday\tДень Республики Татарстан\n' \
	>"$USERCAL/50-tatarstan.txt"
expect_status 0 "$PERECHEN" calendar year 2024
expect_in "$WORK/out" "Рабочих дней: 247"
expect_out 02.09.2024 workdays 29.08.2024 1
expect_status 0 "$PERECHEN" calendar
expect_in "$WORK/out" "50-tatarstan.txt"

# A user file adding 2028 makes the year countable and the dates exact.
printf '@year 2028\n2028-01-03\tholiday\n2028-01-04\tholiday\n' \
	>"$USERCAL/60-2028.txt"
expect_out 07.01.2028 workdays 30.12.2027 3
expect_status 0 "$PERECHEN" calendar year 2028
expect_in "$WORK/out" "Рабочих дней: 258"

# check validates a file the way loading would read it.
expect_status 0 "$PERECHEN" calendar check "$USERCAL/60-2028.txt"
expect_in "$WORK/out" "ошибок нет"
expect_in "$WORK/out" "2028"
printf '@year 2029\n2029-01-01\tholiday\n2029-01-02\tholyday\n' >"$WORK/bad.txt"
expect_status 1 "$PERECHEN" calendar check "$WORK/bad.txt"
expect_in "$WORK/err" "$WORK/bad.txt:3: тип дня «holyday»"

# A malformed user file fails every calendar command, naming file:line.
printf '@year 2030\n\n30.02.2030\tholiday\n' >"$USERCAL/70-broken.txt"
expect_status 1 "$PERECHEN" calendar workdays 19.03.2024 10
expect_in "$WORK/err" "$USERCAL/70-broken.txt:3: дата «30.02.2030» не существует"
[ -s "$WORK/out" ] && fail "a broken calendar still gave a date"
rm "$USERCAL/70-broken.txt"

# Without the shipped calendar, nothing is guessed.
mkdir -p "$WORK/share/calendar"
cp "$PERECHEN_SHARE"/*.tsv "$WORK/share/"
PERECHEN_SHARE="$WORK/share" expect_status 1 "$PERECHEN" calendar workdays 19.03.2024 10
expect_in "$WORK/err" "нет файлов календаря"

exit 0
