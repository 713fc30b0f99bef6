/*
 * columns.h - the names of the table's columns, as printed and as read.
 *
 * Owns: the Russian column headers that import recognises and export
 * writes, and the words used in the optional columns, so that a list
 * exported to CSV imports back unchanged.
 */
#ifndef PERECHEN_COLUMNS_H
#define PERECHEN_COLUMNS_H

/* The printed form (Приложение 1). */
#define COL_NUM		"№"
#define COL_PROCESS	"Процесс взаимодействия с клиентом"
#define COL_TOUCHPOINT	"Точка взаимодействия"
#define COL_NEEDS	"Удовлетворяемые потребности клиента"
#define COL_SPECIFICS	"Особенности взаимодействия с клиентом"

/* Optional columns: the other fields of a touchpoint. */
#define COL_KIND	"Вид точки"
#define COL_CONTACTS	"Контакты"
#define COL_CATEGORIES	"Категории потребностей"
#define COL_KEY		"Ключевая"
#define COL_BASIS_TYPE	"Тип основания"
#define COL_BASIS	"Основание"
#define COL_UNIT	"Подразделение"
#define COL_AUDIENCE	"Клиенты"
#define COL_TRANSFERS	"Переключений не более"
#define COL_ACK		"Уведомление о получении"
#define COL_EXCLUDED	"Исключена"
#define COL_EXCLUDE_REASON "Причина исключения"

/* Values of the optional columns. */
#define VAL_YES		"да"
#define VAL_NO		"нет"
#define VAL_BASIS_DOCUMENT "документ"
#define VAL_BASIS_ACT	"распорядительное действие"
#define VAL_AUDIENCE_EXTERNAL "внешние"
#define VAL_AUDIENCE_INTERNAL "внутренние"

#endif
