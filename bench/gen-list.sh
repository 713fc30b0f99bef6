#!/bin/sh
# Write a synthetic list of client touchpoints as TSV, in the printed form's
# columns, for benchmarks and for the editor's large-list test.
# CSV (the same cells, comma-separated) is for the peers: VisiData's TSV
# reader does not take quoted cells across lines, its CSV reader does, and
# so does the sqlite3 shell's .import --csv.
# Usage: bench/gen-list.sh PROCESSES TOUCHPOINTS_PER_PROCESS [tsv|csv] > list
#   bench/gen-list.sh 100 1000   -> 100,000 touchpoints
set -eu
procs=${1:?usage: gen-list.sh PROCESSES TOUCHPOINTS_PER_PROCESS [tsv|csv]}
per=${2:?usage: gen-list.sh PROCESSES TOUCHPOINTS_PER_PROCESS [tsv|csv]}
case ${3:-tsv} in
tsv) fs='\t' ;;
csv) fs=, ;;
*) echo "gen-list.sh: format tsv or csv" >&2; exit 2 ;;
esac
LC_ALL=C awk -v procs="$procs" -v per="$per" -v fs="$fs" 'BEGIN {
	OFS = fs
	print "№", "Процесс взаимодействия с клиентом", "Точка взаимодействия",
	    "Удовлетворяемые потребности клиента",
	    "Особенности взаимодействия с клиентом"
	n = split("Официальный сайт|Электронная почта|Телефонная связь|" \
	    "Почта России|Видеоконференцсвязь|Личное взаимодействие", kind, "|")
	split("Цифровая точка|Цифровая точка|Офлайн-точка|Офлайн-точка|" \
	    "Цифровая точка|Офлайн-точка", chan, "|")
	split("Информирование|Консультирование|Профилактический визит|" \
	    "Документарная проверка|Досудебное обжалование", pname, "|")
	for (p = 1; p <= procs; p++) {
		for (t = 1; t <= per; t++) {
			k = (t - 1) % n + 1
			# Every third touchpoint meets several needs.
			if (t % 3 == 0)
				need = "\"получение информации\nполучение " \
				    "консультации\nпредставление документов\""
			else
				need = "получение информации"
			print (t == 1 ? p : ""),
			    (t == 1 ? pname[(p - 1) % 5 + 1] " " p : ""),
			    kind[k] " " p "." t, need, chan[k]
		}
	}
}'
