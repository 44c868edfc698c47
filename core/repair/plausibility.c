/* SPDX-License-Identifier: MIT */
/* How implausible a text is: what mojibake makes and real text seldom has. */
#include "repair_private.h"

/* A repair is kept only when it lowers this measure (after the idea of
 * ftfy's "badness"): each character and each pair of neighbours that
 * real text in any language seldom shows costs a point or two. The
 * classes come from GLib's Unicode data. */

typedef enum {
    K_SPACE,
    K_ASCII_LOWER,
    K_ASCII_UPPER,
    K_DIGIT,
    K_ASCII_OTHER,
    K_LOWER,       /* cased letter, not ASCII */
    K_UPPER,
    K_LETTER,      /* uncased letter (most scripts) */
    K_MARK,
    K_TRAILING,    /* a symbol that may well end a word: ’ ” … ™ ® ² ° » */
    K_STRAY,       /* the other symbols mojibake strews: € ‚ „ † © ¨ ¬ ¤ … */
    K_GRAPHIC,     /* box drawing, blocks, mathematical symbols */
    K_SYMBOL,
    K_RARE,        /* C1 controls, IPA, unassigned, private use */
    K_LOST,        /* U+FFFD */
} char_class;

static gboolean
is_trailing_symbol(gunichar c)
{
    switch (c) {
    case 0x2019: case 0x201D: case 0x2026: case 0x2122: case 0xAE: case 0xB2: case 0xB3:
    case 0xB9: case 0xB0: case 0xBB: case 0xB7: case 0x2013: case 0x2014: case 0xB4:
    case 0xAA: case 0xBA:
        return TRUE;
    default:
        return FALSE;
    }
}

/* Latin letters beyond Latin Extended-A that no major orthography uses
 * (Vietnamese, Romanian and Pinyin letters among them are kept common). */
static gboolean
is_rare_latin(gunichar c)
{
    if (c < 0x180 || c > 0x2FF)
        return FALSE;
    if (c == 0x1A0 || c == 0x1A1 || c == 0x1AF || c == 0x1B0 || (c >= 0x1CD && c <= 0x1DC) ||
        (c >= 0x218 && c <= 0x21B) || c == 0x2BB || c == 0x2BC || c == 0x2C7 || c == 0x2D8 ||
        c == 0x2D9 || c == 0x2DB || c == 0x2DD)
        return FALSE;
    return TRUE;
}

/* Letters of blocks hardly any text uses: phonetic extensions, Latin
 * Extended-C and -D, Cyrillic Supplement, long s, ŉ and ĸ. */
static gboolean
is_rare_letter(gunichar c)
{
    return (c >= 0x1D00 && c <= 0x1DBF) || (c >= 0x2C60 && c <= 0x2C7F) ||
           (c >= 0xA720 && c <= 0xA7FF) || (c >= 0x500 && c <= 0x52F) || c == 0x17F ||
           c == 0x149 || c == 0x138;
}

static char_class
classify(gunichar c)
{
    if (c < 0x80) {
        if (c == ' ' || c == '\t')
            return K_SPACE;
        if (g_ascii_islower(c))
            return K_ASCII_LOWER;
        if (g_ascii_isupper(c))
            return K_ASCII_UPPER;
        return g_ascii_isdigit(c) ? K_DIGIT : K_ASCII_OTHER;
    }
    if (c < 0xA0)
        return K_RARE;
    if (c == 0xA0)
        return K_SPACE;
    if (c == 0xFFFD)
        return K_LOST;
    if (is_trailing_symbol(c))
        return K_TRAILING;
    if (is_rare_latin(c) || is_rare_letter(c))
        return K_RARE;
    if (c < 0xC0 || __ost_cp_byte(CP_WINDOWS_1252, c) >= 0)
        if (!g_unichar_isalpha(c) || c == 0xB5)
            return K_STRAY;
    if ((c >= 0x2200 && c <= 0x22FF) || (c >= 0x2310 && c <= 0x2321) ||
        (c >= 0x2500 && c <= 0x25FF) || c == 0x221A)
        return K_GRAPHIC;
    switch (g_unichar_type(c)) {
    case G_UNICODE_LOWERCASE_LETTER:
        return K_LOWER;
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
        return K_UPPER;
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
        return K_LETTER;
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
        return K_MARK;
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_CONTROL:
        return K_RARE;
    default:
        return K_SYMBOL;
    }
}

#define CLASS_BIT(k) (1u << (k))
#define LETTER_CLASSES                                                                 \
    (CLASS_BIT(K_ASCII_LOWER) | CLASS_BIT(K_ASCII_UPPER) | CLASS_BIT(K_LOWER) |           \
     CLASS_BIT(K_UPPER) | CLASS_BIT(K_LETTER))

static gboolean
is_letter_class(char_class k)
{
    return (CLASS_BIT(k) & LETTER_CLASSES) != 0;
}

static gboolean
is_lower_class(char_class k)
{
    return (CLASS_BIT(k) & (CLASS_BIT(K_ASCII_LOWER) | CLASS_BIT(K_LOWER))) != 0;
}

/* Scripts whose letters sit next to digits in running text as a matter
 * of course (no spaces between words). */
static gboolean
spaceless_script(GUnicodeScript s)
{
    return s == G_UNICODE_SCRIPT_HAN || s == G_UNICODE_SCRIPT_HIRAGANA ||
           s == G_UNICODE_SCRIPT_KATAKANA || s == G_UNICODE_SCRIPT_HANGUL ||
           s == G_UNICODE_SCRIPT_THAI;
}

/* The class and script of each character below CP_DIRECT_CHARS, worked
 * out once: mojibake is made of them, and asking GLib each time was most
 * of the measure's time. */
typedef struct {
    guint8 klass;
    guint16 script;
} char_info;

static char_info *infos;

static gpointer
build_infos(gpointer unused)
{
    (void)unused;
    infos = g_new(char_info, CP_DIRECT_CHARS);
    for (gunichar c = 0; c < CP_DIRECT_CHARS; c++)
        infos[c] = (char_info){(guint8)classify(c), (guint16)g_unichar_get_script(c)};
    return NULL;
}

static void
ensure_infos(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, build_infos, NULL);
}

static char_class
class_of(gunichar c)
{
    return c < CP_DIRECT_CHARS ? (char_class)infos[c].klass : classify(c);
}

/* The script of @c; CJK symbols and punctuation count as Han. */
static GUnicodeScript
script_of(gunichar c)
{
    if (c < CP_DIRECT_CHARS)
        return (GUnicodeScript)infos[c].script;
    GUnicodeScript s = g_unichar_get_script(c);
    if (s == G_UNICODE_SCRIPT_COMMON && c >= 0x2E80 && c <= 0x33FF)
        return G_UNICODE_SCRIPT_HAN;
    return s;
}

/* A letter of a script that is not Latin and separates words with
 * spaces: one touching a digit is suspect ("5ף35"). */
static gboolean
spaced_foreign_letter(gunichar c, char_class k)
{
    if (k < K_LOWER || k > K_LETTER)
        return FALSE;
    GUnicodeScript s = script_of(c);
    return s != G_UNICODE_SCRIPT_LATIN && s > G_UNICODE_SCRIPT_INHERITED && !spaceless_script(s);
}

static gboolean
is_greek(gunichar c, char_class k)
{
    return k >= K_LOWER && k <= K_LETTER && script_of(c) == G_UNICODE_SCRIPT_GREEK;
}

/* Two neighbours of different scripts, Latin and Greek excepted (Greek
 * letters stand for quantities in Latin text: "IL2Rγ"). */
static gboolean
scripts_clash(gunichar a, char_class ka, gunichar b, char_class kb)
{
    if (a < 0x80 && b < 0x80)
        return FALSE;
    gboolean sa_ok = is_letter_class(ka) || ka == K_SYMBOL || ka == K_MARK;
    gboolean sb_ok = is_letter_class(kb) || kb == K_SYMBOL || kb == K_MARK;
    if (!sa_ok || !sb_ok)
        return FALSE;
    GUnicodeScript sa = script_of(a), sb = script_of(b);
    if (sa == sb || sa <= G_UNICODE_SCRIPT_INHERITED || sb <= G_UNICODE_SCRIPT_INHERITED)
        return FALSE;
    return !((sa == G_UNICODE_SCRIPT_LATIN && sb == G_UNICODE_SCRIPT_GREEK) ||
             (sa == G_UNICODE_SCRIPT_GREEK && sb == G_UNICODE_SCRIPT_LATIN));
}

/* Code pages whose bytes 0xC2 and 0xC3 are "Â" and "Ã", as in Latin-1. */
#define LATIN_A_CODEPAGES                                                              \
    ((1u << CP_WINDOWS_1252) | (1u << CP_WINDOWS_1250) | (1u << CP_ISO_8859_2) |        \
     (1u << CP_WINDOWS_1257))

/* "Ã", "Â" and "â" (0xC3, 0xC2, 0xE2 as Latin-1) lead most mojibake,
 * "×" (0xD7) the Hebrew kind, "Γ" (0xE2 as code page 437) that of
 * punctuation: none of them comes before a character standing for a
 * continuation byte in real text. */
static gboolean
common_lead_then_continuation(gunichar a, gunichar b)
{
    guint continues = __ost_cp_continuation_mask(b);
    switch (a) {
    case 0xC3:
        return (continues & LATIN_A_CODEPAGES) && b != 0x2019; /* "Ã’s", the plural */
    case 0xC2:
    case 0xE2:
        return (continues & LATIN_A_CODEPAGES) != 0;
    case 0xD7:
        return (continues & (1u << CP_WINDOWS_1252)) != 0;
    case 0x393:
        return (continues & (1u << CP_437)) != 0;
    default:
        return FALSE;
    }
}

/* The cost of @b following @a. */
static int
pair_cost(gunichar a, char_class ka, gunichar b, char_class kb)
{
    int cost = 0;
    gboolean la = is_letter_class(ka), lb = is_letter_class(kb);
    if (la && kb == K_STRAY)
        cost++;
    if ((ka == K_GRAPHIC && lb && !is_greek(b, kb)) || (la && kb == K_GRAPHIC && !is_greek(a, ka)))
        cost++;
    if (a >= 0x80 && b >= 0x80 && common_lead_then_continuation(a, b))
        cost++;
    if (is_lower_class(ka) && (kb == K_UPPER || (kb == K_ASCII_UPPER && ka == K_LOWER)))
        cost++;
    if (scripts_clash(a, ka, b, kb))
        cost++;
    if ((ka == K_DIGIT && spaced_foreign_letter(b, kb)) ||
        (kb == K_DIGIT && spaced_foreign_letter(a, ka)))
        cost++;
    return cost;
}

static gboolean
is_upper_class(char_class k)
{
    return k == K_ASCII_UPPER || k == K_UPPER;
}

static gboolean
is_symbol_class(char_class k)
{
    return k == K_STRAY || k == K_TRAILING;
}

static gboolean
is_gap(char_class k)
{
    return k == K_SPACE || k == K_ASCII_OTHER;
}

/* The cost of @c after @a and @b, for what only three show. */
static int
triple_cost(gunichar b, char_class ka, char_class kb, char_class kc)
{
    int cost = 0;
    /* A symbol inside a word: "Ã³w", "r√©g". */
    if (is_letter_class(ka) && is_letter_class(kc) &&
        ((kb == K_TRAILING && b != 0x2019 && b != 0xB7 && b != 0xB4 && b != 0x2013 &&
          b != 0x2014) || kb == K_STRAY))
        cost++;
    /* A lower-case letter alone among capitals: "MģÄM". */
    if (kb == K_LOWER && is_upper_class(ka) && is_upper_class(kc))
        cost++;
    /* A capital that leads UTF-8 sequences standing alone as a word
     * ("Å koda"): the byte after it was a no-break space. A lone "Ã"
     * may be a word's only sign ("Ã la"), so it is left to the rest of
     * the text. */
    if (b >= 0xC2 && b <= 0xDE && b != 0xC3 && b != 0xD7 && (is_gap(ka) || ka == K_DIGIT) &&
        kc == K_SPACE)
        cost++;
    return cost;
}

int
__ost_implausibility(const char *s, gsize len)
{
    ensure_infos();
    int cost = 0;
    gunichar b = 0;
    char_class kz = K_SPACE, ka = K_SPACE, kb = K_SPACE;
    for (gsize i = 0; i < len;) {
        if (b < 0x80 && (guchar)s[i] < 0x80) {
            /* Every cost needs a character beyond ASCII among the last two:
             * a run of ASCII only leaves its last two characters behind. */
            gsize end = __ost_ascii_end(s, i + 1, len);
            ka = end - i >= 2 ? class_of((guchar)s[end - 2]) : kb;
            b = (guchar)s[end - 1], kb = class_of(b);
            kz = K_SPACE;
            i = end;
            continue;
        }
        gsize n;
        gint32 c = __ost_utf8_get(s + i, len - i, &n);
        i += n;
        char_class k = c < 0 ? K_RARE : class_of((gunichar)c);
        if (k == K_RARE)
            cost += 3;
        /* A mark of a script that follows no letter: "4288ׅ". */
        if (k == K_MARK && !is_letter_class(kb) && kb != K_MARK &&
            script_of((gunichar)c) > G_UNICODE_SCRIPT_INHERITED)
            cost += 2;
        cost += pair_cost(b, kb, (gunichar)c, k) + triple_cost(b, ka, kb, k);
        /* Two stray symbols after a letter: "â€™", "áº¿". */
        if (is_letter_class(kz) && is_symbol_class(ka) && is_symbol_class(kb) &&
            (ka == K_STRAY || kb == K_STRAY))
            cost++;
        kz = ka, ka = kb;
        b = (gunichar)c, kb = k;
    }
    return cost + triple_cost(b, ka, kb, K_ASCII_OTHER);
}
