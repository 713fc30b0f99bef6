/*
 * declension.h - the name of a body (ОИВ) in the genitive, as the grif
 * prints it: «приказом Министерства …», «приказом Главного управления …».
 *
 * Owns: declining the head phrase of a Russian body name — the adjectives
 * before the head noun and the head noun itself — by their endings.  The
 * tail after the head noun («промышленности и торговли Смоленской
 * области», «по тарифам», «ветеринарии») is already genitive or
 * prepositional in such names and is kept as written.  libc only.
 *
 * This is a guess for a clerk to confirm, not a grammar: a name it cannot
 * read (an abbreviation, a word it does not know after the adjectives, a
 * noun in -ь) comes back unchanged, and rule R0 warns when the stored
 * genitive equals the nominative.
 */
#ifndef PERECHEN_DECLENSION_H
#define PERECHEN_DECLENSION_H

/*
 * The genitive of the body name nominative: adjectives in -ый/-ий/-ой,
 * -ая/-яя, -ое/-ее (soft stems, velars and sibilants included) and the
 * head noun declined, the case of every first letter kept, the rest as
 * written.  Caller frees.
 */
char	*declension_genitive(const char *nominative);

#endif
