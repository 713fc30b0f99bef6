/*
 * office_absent.c - perechen: no office writer is linked in; the commands
 * that need one hand over to perechen-office before they get here.
 */
#include "office.h"

bool
office_linked(void)
{
	return false;
}

/* Whether the perechen-office built beside this binary writes PDF. */
bool
office_pdf_available(void)
{
#ifdef PERECHEN_WITH_PDF
	return true;
#else
	return false;
#endif
}

/* Reached only by a caller that forgot to hand over: a refusal, never a
 * document of another kind. */
static int
office_absent(const char *format, struct error *err)
{
	return error_set(err, "%s пишет программа perechen-office, а эта "
	    "сборка perechen передаёт ей такие команды", format);
}

int
office_docx(const struct document *d, struct buf *out, struct error *err)
{
	(void)d;
	(void)out;
	return office_absent("DOCX", err);
}

int
office_pdf(const struct document *d, const char *path, struct error *err)
{
	(void)d;
	(void)path;
	return office_absent("PDF", err);
}

int
office_pdf_buf(const struct document *d, struct buf *out, struct error *err)
{
	(void)out;
	return office_pdf(d, "", err);
}
