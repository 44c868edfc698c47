/* SPDX-License-Identifier: MIT */
/* Internals of the text repair engine, shared by its source files. */
#ifndef OST_REPAIR_PRIVATE_H
#define OST_REPAIR_PRIVATE_H

#include <ost/repair.h>

#include <string.h>

/* The kinds of repair, in the order of ost_repairer::counts. */
typedef enum {
    REPAIR_LIGATURE,
    REPAIR_UNICODE_LIGATURE,
    REPAIR_MOJIBAKE,
    REPAIR_SOFT_HYPHEN,
    REPAIR_HYPHENATION,
    REPAIR_UNRESOLVED,
    REPAIR_N_KINDS
} repair_kind;

/* ---- text.c: UTF-8 helpers ------------------------------------------- */

/* Decode the character at @s (at most @len bytes). Sets *@n to its length;
 * returns -1 (with *@n = 1) for a byte that starts no valid character. */
static inline gint32
__ost_utf8_get(const char *s, gsize len, gsize *n)
{
    const guchar *u = (const guchar *)s;
    guchar b = u[0];
    gsize need;
    gint32 c, min;
    *n = 1;
    if (b < 0x80)
        return b;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 2, c = b & 0x1F, min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 3, c = b & 0x0F, min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 4, c = b & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    if (len < need)
        return -1;
    for (gsize i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return -1;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return -1;
    *n = need;
    return c;
}

/* The end of the run of ASCII bytes of @s from @i (@len at most). */
static inline gsize
__ost_ascii_end(const char *s, gsize i, gsize len)
{
    for (; i + 8 <= len; i += 8) {
        guint64 w;
        memcpy(&w, s + i, 8);
        if (w & G_GUINT64_CONSTANT(0x8080808080808080))
            break;
    }
    while (i < len && (guchar)s[i] < 0x80)
        i++;
    return i;
}

/* Append the word @s folded for lookups: lower case, typographic
 * apostrophes made ASCII. */
void __ost_fold(const char *s, gsize len, GString *out);

/* A letter as words are made of (U+FFFD and soft hyphens count, being
 * damage inside a word). */
gboolean __ost_is_word_char_slow(gunichar c);

static inline gboolean
__ost_is_word_char(gunichar c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return __ost_is_word_char_slow(c);
}

/* ---- scan.c: the fast path -------------------------------------------- */

enum {
    SCAN_REPLACEMENT = 1 << 0,   /* U+FFFD */
    SCAN_PRESENTATION = 1 << 1,  /* U+FB00..U+FB06 */
    SCAN_SOFT_HYPHEN = 1 << 2,   /* U+00AD */
    SCAN_MOJIBAKE = 1 << 3,      /* a character that may start mojibake */
    SCAN_NOT_NFC = 1 << 4,       /* may change under NFC */
    SCAN_INVALID = 1 << 5,       /* not valid UTF-8 */
};

/* What kinds of damage @s may hold: 0 means clean, copy it as it is. */
guint __ost_scan(const char *s, gsize len);

/* ---- dictionary.c: the shared word list -------------------------------- */

/* Folded words longer than this many bytes are not kept. */
#define DICT_MAX_WORD 64

typedef struct {
    guint32 off;        /* into the arena, + 1; 0 = empty slot */
    guint32 hash_tier;  /* high bits of the hash | tier in the low 3 bits */
} ost_dict_slot;

/* An open-addressing table over a string arena. It holds offsets, not
 * pointers, so a built table can be saved and mapped back in place. The
 * arena starts with a NUL and ends with DICT_MAX_WORD + 1 of them, so a
 * lookup never reads past it. */
typedef struct ost_dict {
    const ost_dict_slot *slots;
    guint32 mask;               /* slots - 1; slots are a power of two */
    guint32 n;                  /* words; at most half the slots */
    const char *arena;
    guint32 arena_len;
    GMappedFile *file;          /* what the table lives in, when mapped */
} ost_dict;

/* Is there a word list? Cheap: it is only looked for, once. */
gboolean __ost_dict_available(GError **error);

/* The process-wide dictionary, loaded on first call: texts without damage
 * never pay for it. Empty when the word lists vanished since. */
const ost_dict *__ost_dict_get(void);

/* The highest tier a listed word has. */
#define DICT_MAX_TIER 7

/* How common the folded word @w is: DICT_MAX_TIER (among the most common)
 * down to 1 (rare), 0 when it is not a word. */
int __ost_dict_tier(const ost_dict *d, const char *w, gsize len);

/* ---- dict_cache.c: the built table, kept on disk between runs ---------- */

/* Where the table built from the lists in @dict_dir is kept:
 * $OST_CACHE_DIR, or the user's cache folder's "ost". */
char *__ost_dict_cache_path(const char *dict_dir);

/* What a table is built from: each of @paths with its size, modification
 * time and inode, or its absence. */
char *__ost_dict_cache_key(const char *const *paths, gsize n);

/* The table kept at @path for @key, mapped in place; NULL when there is
 * none or it is stale, truncated or corrupt. */
ost_dict *__ost_dict_cache_load(const char *path, const char *key);

/* Keep @d at @path for @key, replacing the file atomically. Failing is no
 * error: the lists are then loaded again next time. */
void __ost_dict_cache_save(const char *path, const char *key, const ost_dict *d);

/* ---- evidence.c: what one document says ------------------------------ */

typedef struct evidence evidence;

evidence *__ost_evidence_new(void);
void __ost_evidence_free(evidence *ev);
/* Note the intact words of @text worth remembering: those a lost ligature
 * could have come from and hyphenated compounds. */
void __ost_evidence_learn(evidence *ev, const char *text, gsize len);
/* The same, done only when evidence is first asked for (@text must stay
 * as it is until then): a document without damage is never learnt. */
void __ost_evidence_learn_later(evidence *ev, const char *text, gsize len);
/* How often the folded word @w was seen intact. */
guint __ost_evidence_count(evidence *ev, const char *w, gsize len);
/* Bumped whenever a word is seen for the first time. */
guint __ost_evidence_generation(evidence *ev);

/* ---- repair.c: the repairer ------------------------------------------- */

/* mojibake.c's buffers, kept from line to line. */
typedef struct mojibake_scratch mojibake_scratch;
mojibake_scratch *__ost_mojibake_scratch_new(void);
void __ost_mojibake_scratch_free(mojibake_scratch *sc);

struct ost_repairer {
    evidence *ev;
    mojibake_scratch *mojibake;
    GString *stages[3];       /* a line after each stage of repair */
    GHashTable *resolved;     /* damaged word -> repair or "" (unresolved) */
    guint resolved_generation;
    GHashTable *warned;       /* damaged words already warned about */
    gboolean warned_invalid;
    guint64 counts[REPAIR_N_KINDS];
};

/* Count one repair and record it on @doc when there is one (nothing when
 * @from and @to are equal). */
void __ost_record(ost_repairer *rep, ost_doc *doc, repair_kind kind, const char *from,
                  gsize from_len, const char *to, gsize to_len);

/* ---- words.c --------------------------------------------------------- */

/* How plausible the folded @w is as a word of this document: dictionary
 * tier plus document evidence, or with @affixes a small score for a known
 * word with a prefix or suffix; 0 when it is no word at all. */
double __ost_word_score(ost_repairer *rep, const char *w, gsize len, gboolean affixes);

/* ---- codepage.c: one-byte code pages and UTF-8 read back ------------ */

/* The code pages UTF-8 is misread as, likeliest first. */
typedef enum {
    CP_WINDOWS_1252,  /* with Latin-1 */
    CP_WINDOWS_1251,
    CP_MAC_ROMAN,
    CP_WINDOWS_1250,
    CP_ISO_8859_2,
    CP_WINDOWS_1257,
    CP_437,
    CP_N
} ost_codepage;

/* A unit standing for a byte lost on the way (U+FFFD in the text). */
#define UNIT_LOST 0x100
/* A unit for a character the code page has no byte for. */
#define UNIT_NONE 0x101

/* The code pages (bit 1 << ost_codepage) where @c is a byte that starts a
 * UTF-8 sequence of two to four, or continues one. */
guint __ost_cp_lead_mask(gunichar c);
guint __ost_cp_continuation_mask(gunichar c);

/* The same masks as tables over the characters below CP_DIRECT_CHARS,
 * for passes that look up every character. */
#define CP_DIRECT_CHARS 0x2600
typedef struct {
    const guint8 *lead, *continuation;
} ost_cp_masks;
ost_cp_masks __ost_cp_masks(void);

/* The character @cp decodes the byte @b to. */
gunichar __ost_cp_char(ost_codepage cp, guchar b);

/* The byte @cp encodes @c as, or -1. */
int __ost_cp_byte(ost_codepage cp, gunichar c);

/* @s as bytes of @cp into @units (guint16): UNIT_LOST for U+FFFD, and for
 * a character @cp lacks, UNIT_NONE when @partial, else FALSE is returned.
 * With @offsets (gsize), each unit's offset in @s. */
gboolean __ost_cp_encode(ost_codepage cp, const char *s, gsize len, gboolean partial,
                         GArray *units, GArray *offsets);

enum {
    DECODE_QUESTION = 1 << 0, /* a '?' may stand for a lost byte */
    DECODE_SPACES = 1 << 1,   /* a space may stand for a no-break one */
};

/* Read the sequence of @units at @i as UTF-8 (or CESU-8) into @out;
 * returns how many units it took, 0 when they are no UTF-8. A lost byte
 * makes the sequence U+FFFD. "Ã" before a space and a lower-case word is
 * "à", the no-break space after it dropped. */
gsize __ost_utf8_decode_one(const guint16 *u, gsize n, gsize i, guint flags, GString *out);

/* All of @units read as UTF-8 into @out; FALSE when they are not. */
gboolean __ost_utf8_decode_units(const guint16 *u, gsize n, guint flags, GString *out);

/* ---- plausibility.c ---------------------------------------------------- */

/* How unlikely the text @s is as real text in any language: 0 for most. */
int __ost_implausibility(const char *s, gsize len);

/* ---- mojibake.c ------------------------------------------------------ */

/* Append @s with UTF-8 that was decoded with a one-byte code page (once
 * or more) decoded properly, where that makes it more plausible. */
void __ost_mojibake_fix(ost_repairer *rep, const char *s, gsize len, GString *out,
                        ost_doc *doc);

/* ---- ligature.c -------------------------------------------------------- */

/* Append the word @w (letters, U+FFFD, presentation forms, soft hyphens)
 * with its @damage (SCAN_ flags of those three) repaired. @by_digit: the
 * word touches a digit, so a U+FFFD in it is no lost ligature; @at_end:
 * nothing but white space follows it. */
void __ost_word_fix(ost_repairer *rep, const char *w, gsize len, guint damage,
                    gboolean by_digit, gboolean at_end, GString *out, ost_doc *doc);

#endif
