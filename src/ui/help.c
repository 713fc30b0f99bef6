/* help.c - the help screen: every key the editor knows. */
#include "ui_int.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

struct help_entry {
	const char *keys;	/* NULL: a section heading in text */
	const char *text;
};

/* Keep in step with the key handling in ui.c and with perechen(1). */
static const struct help_entry help[] = {
	{ NULL, "Перемещение по перечню" },
	{ "↓ j  ↑ k", "строка вниз, вверх (также Ctrl-N, Ctrl-P)" },
	{ "PgDn PgUp", "страница вниз, вверх (также Ctrl-F, Ctrl-B)" },
	{ "Home g  End G", "к началу, к концу перечня" },
	{ "← h", "на точке — к её процессу; на процессе — свернуть его" },
	{ "→ l", "на процессе — развернуть его, затем к первой точке" },
	{ "Enter", "на процессе — свернуть или развернуть; на точке — "
	    "открыть запись для просмотра (править — e или F4)" },
	{ "Пробел", "свернуть или развернуть процесс текущей строки" },
	{ "-  +", "свернуть все процессы, развернуть все (также z, Z)" },
	{ "Tab", "переход между таблицей и панелью сведений; в панели "
	    "↑ ↓ PgUp PgDn Home End прокручивают её" },
	{ NULL, "" },
	{ NULL, "Поиск (без учёта регистра, по всем полям, включая "
	    "потребности и контакты)" },
	{ "/  F7", "искать вперёд от текущей строки" },
	{ "?", "искать назад" },
	{ "n  N", "следующее, предыдущее совпадение (по кругу)" },
	{ "Esc", "в строке поиска — отменить; Ctrl-U — стереть строку" },
	{ NULL, "" },
	{ NULL, "Правка перечня (каждое изменение сохраняется сразу и "
	    "записывается в журнал)" },
	{ "e  F4", "изменить запись текущей строки: точку — в форме, "
	    "процесс — его название" },
	{ "a  Ins", "добавить точку в процесс текущей строки; на строке "
	    "процесса спросит: т — точку, п — процесс" },
	{ "P", "добавить процесс (встанет последним)" },
	{ "K  J", "переставить запись выше, ниже (также Alt-↑ Alt-↓, "
	    "Ctrl-↑ Ctrl-↓)" },
	{ "x  F8", "исключить точку из перечня (п. 5.3.4), указав причину" },
	{ "r", "вернуть исключённую точку в перечень" },
	{ "E", "заголовок перечня: орган, заглавие, направление" },
	{ "u", "отменить последнюю правку этого сеанса (новым изменением, "
	    "в журнал); добавленная точка при отмене исключается, "
	    "добавление процесса не отменяется" },
	{ "Ctrl-R", "повторить отменённую правку" },
	{ "!  F5", "проверка: все замечания по правилам Порядка, по "
	    "процессам" },
	{ NULL, "" },
	{ NULL, "Формы точки, процесса и заголовка" },
	{ "Tab  ↓", "следующее поле; Shift-Tab и ↑ — предыдущее; в "
	    "многострочном поле ↑ ↓ ходят по его строкам" },
	{ "F2  Ctrl-S", "сохранить (также Ctrl-O): ошибки (✗) не дают "
	    "сохранить; о предупреждениях (!) форма скажет, F2 ещё раз — "
	    "сохранить с ними" },
	{ "Esc  F10", "закрыть форму; если что-то изменено — спросит: "
	    "д — выйти без сохранения, н — вернуться, F2 — сохранить" },
	{ "Enter", "следующее поле; в поле со списком (вид, тип канала, "
	    "категория потребности…) — открыть список" },
	{ "F3  Ctrl-T", "список для выбора: вид из каталога п. 4, тип "
	    "канала, категория п. 2.6, основание, клиенты" },
	{ "Пробел ← →", "в поле выбора — следующее, предыдущее значение; "
	    "в категории потребности цифра 1–9 — п. 2.6.N, 0 — без "
	    "категории" },
	{ "← → Home End", "по тексту поля (также Ctrl-A, Ctrl-E); Ctrl-← "
	    "Ctrl-→ или Alt-b Alt-f — по словам" },
	{ "Backspace Del", "стереть знак слева, справа; Ctrl-W или "
	    "Alt-Backspace — слово слева; Ctrl-U — до начала, Ctrl-K — "
	    "до конца" },
	{ "Ins", "вставка или замена знаков (при замене в заголовке формы "
	    "— «ЗАМЕНА»)" },
	{ "F7  Ctrl-N", "новый контакт или потребность после текущей; "
	    "или просто начните вводить в последней, пустой строке списка" },
	{ "F8  Ctrl-Y", "удалить контакт или потребность" },
	{ "F5  F6", "переставить контакт или потребность выше, ниже "
	    "(также Alt-↑ Alt-↓, Ctrl-↑ Ctrl-↓)" },
	{ "Alt-цифра", "то же, что F-клавиша с этим номером (Alt-2 — "
	    "сохранить)" },
	{ "✗ ! ✓ ·", "у полей: ошибка (не даёт сохранить), предупреждение, "
	    "принятое предупреждение, подсказка. Поле «Обоснование» "
	    "принимает предупреждения при сохранении" },
	{ "", "вставленный текст принимается целиком, переводы строк "
	    "становятся пробелами" },
	{ NULL, "" },
	{ NULL, "Замечания (экран проверки, ! или F5)" },
	{ "↑ ↓ j k", "от замечания к замечанию; PgUp PgDn Home End" },
	{ "Enter", "к записи: её форма откроется на поле с замечанием" },
	{ "a  d", "принять предупреждение с обоснованием; снять принятие" },
	{ "f", "скрыть или показать подсказки" },
	{ "Esc  q", "назад к перечню" },
	{ NULL, "" },
	{ NULL, "Напоминание, журнал, утверждение, печать" },
	{ "R", "напоминание (п. 5.3–5.4): что и к какому сроку нужно сделать; "
	    "в строке заголовка — кратко, просроченное выделено" },
	{ "L", "журнал изменений, новые записи первыми; в нём t T — "
	    "основание (5.3.1–5.3.4, ред., импорт), u — пользователь, d — "
	    "дни, c — сбросить отбор" },
	{ "A", "утвердить перечень приказом (номер и дата): новая редакция "
	    "и срок размещения на сайте (п. 5.4)" },
	{ "p  F9", "печать: формат, редакция, принтер, число экземпляров; "
	    "без принтера — в файл" },
	{ NULL, "" },
	{ NULL, "Прочее" },
	{ "F1 H", "эта справка" },
	{ "F3", "открыть запись для просмотра (как Enter на точке)" },
	{ "Ctrl-L", "перерисовать экран" },
	{ "F10 q", "выход" },
	{ "Esc 1 … Esc 0", "то же, что F1 … F10 (если терминал не передаёт "
	    "F-клавиши): Esc, затем цифра" },
	{ NULL, "" },
	{ NULL, "В записи и в справке: ↑ ↓ PgUp PgDn Home End — прокрутка, "
	    "Esc или q — назад." },
};

#define NHELP (sizeof help / sizeof help[0])
#define KEYS_W 16

/* The screen lines of the help at width: keys (or "") and wrapped text. */
static void
help_layout(int width, struct strvec *keys, struct strvec *texts)
{
	int tw = width - 3 - KEYS_W;

	for (size_t k = 0; k < NHELP; k++) {
		struct strvec lines;

		strvec_init(&lines);
		if (help[k].keys == NULL)
			utf8_wrap(help[k].text, width - 1, &lines);
		else
			utf8_wrap(help[k].text, tw < 10 ? 10 : tw, &lines);
		for (size_t i = 0; i < lines.n; i++) {
			/* A heading has no keys column: mark it with NULL. */
			strvec_push(keys, help[k].keys == NULL ? "\001" :
			    i == 0 ? help[k].keys : "");
			strvec_push(texts, lines.v[i]);
		}
		strvec_fini(&lines);
	}
}

int
help_lines(int width)
{
	struct strvec keys, texts;
	int n;

	strvec_init(&keys);
	strvec_init(&texts);
	help_layout(width, &keys, &texts);
	n = (int)texts.n;
	strvec_fini(&keys);
	strvec_fini(&texts);
	return n;
}

void
help_draw(const struct rect *r, int scroll)
{
	struct strvec keys, texts;
	char pos[64] = "";

	strvec_init(&keys);
	strvec_init(&texts);
	help_layout(r->w, &keys, &texts);
	draw_fill(r->y, r->x, r->w, term_attr_title());
	if ((int)texts.n > r->h - 1)
		snprintf(pos, sizeof pos, " строки %d–%d из %zu ", scroll + 1,
		    scroll + r->h - 1 < (int)texts.n ? scroll + r->h - 1 :
		    (int)texts.n, texts.n);
	draw_text(r->y, r->x + 1, r->w - 1 - utf8_width(pos), "Справка: "
	    "клавиши редактора перечня (Esc или q — назад)", term_attr_title());
	draw_text_right(r->y, r->x, r->w, pos, term_attr_title());
	for (int i = 0; i < r->h - 1; i++) {
		int y = r->y + 1 + i;
		size_t k = (size_t)(scroll + i);

		draw_fill(y, r->x, r->w, A_NORMAL);
		if (k >= texts.n)
			continue;
		if (keys.v[k][0] == '\001') {
			draw_text(y, r->x + 1, r->w - 1, texts.v[k], A_BOLD);
			continue;
		}
		draw_text(y, r->x + 3, KEYS_W, keys.v[k], A_BOLD);
		draw_text(y, r->x + 3 + KEYS_W, r->w - 3 - KEYS_W, texts.v[k],
		    A_NORMAL);
	}
	strvec_fini(&keys);
	strvec_fini(&texts);
}

int
help_find(const char *heading, int width)
{
	struct strvec keys, texts;
	size_t n = strlen(heading);
	int at = 0;

	strvec_init(&keys);
	strvec_init(&texts);
	help_layout(width, &keys, &texts);
	for (size_t i = 0; i < texts.n; i++)
		if (keys.v[i][0] == '\001' &&
		    strncmp(texts.v[i], heading, n) == 0) {
			at = (int)i;
			break;
		}
	strvec_fini(&keys);
	strvec_fini(&texts);
	return at;
}
