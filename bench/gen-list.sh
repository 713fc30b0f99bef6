#!/bin/sh
# Write a synthetic list of client touchpoints as TSV, in the printed form's
# columns, for benchmarks and for the editor's large-list test.
# Usage: bench/gen-list.sh PROCESSES TOUCHPOINTS_PER_PROCESS > list.tsv
#   bench/gen-list.sh 100 1000   -> 100,000 touchpoints
set -eu
procs=${1:?usage: gen-list.sh PROCESSES TOUCHPOINTS_PER_PROCESS}
per=${2:?usage: gen-list.sh PROCESSES TOUCHPOINTS_PER_PROCESS}
LC_ALL=C awk -v procs="$procs" -v per="$per" 'BEGIN {
	OFS = "\t"
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
