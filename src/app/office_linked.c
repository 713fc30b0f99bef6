/* office_linked.c - perechen-office: the office writers are linked in. */
#include "office.h"

#include "export_docx.h"
#include "export_pdf.h"

bool
office_linked(void)
{
	return true;
}

bool
office_pdf_available(void)
{
	return export_pdf_available();
}

int
office_docx(const struct document *d, struct buf *out, struct error *err)
{
	return export_docx(d, out, err);
}

int
office_pdf(const struct document *d, const char *path, struct error *err)
{
	return export_pdf(d, path, err);
}

int
office_pdf_buf(const struct document *d, struct buf *out, struct error *err)
{
	return export_pdf_buf(d, out, err);
}
