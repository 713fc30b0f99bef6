/*
 * strvec.h - a growable array of owned C strings.
 *
 * Owns: struct strvec.  Every element is a heap string owned by the vector;
 * strvec_fini() frees them all.
 */
#ifndef PERECHEN_STRVEC_H
#define PERECHEN_STRVEC_H

#include <stddef.h>

struct strvec {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

void	strvec_init(struct strvec *sv);
void	strvec_fini(struct strvec *sv);
/* Append a copy of s. */
void	strvec_push(struct strvec *sv, const char *s);
/* Append s itself; the vector takes ownership. */
void	strvec_push_owned(struct strvec *sv, char *s);
void	strvec_pushn(struct strvec *sv, const char *s, size_t n);

#endif
