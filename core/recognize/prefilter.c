/* SPDX-License-Identifier: MIT */
/* Literal text a regular expression needs, to skip it on lines without. */
#include "prefilter.h"

#include <string.h>

G_STATIC_ASSERT(OST_PREFILTER_ALTS <= 8 && OST_PREFILTER_ALSO <= 8); /* with_digits' bits */

/* Pattern characters that stand for themselves outside a class. '#' is
 * left out: the filters use it for a digit. */
static gboolean
plain(char c)
{
    return g_ascii_isalnum(c) || (c != '\0' && strchr(" :,;/'\"!=<>&%@-_~`", c) != NULL);
}

/* The end of the class starting at @p p ('['), or NULL. */
static const char *
skip_class(const char *p)
{
    p++;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++;
    for (; *p != '\0'; p++) {
        if (*p == '\\' && p[1] != '\0')
            p++;
        else if (*p == ']')
            return p + 1;
    }
    return NULL;
}

/* The end of the group starting at @p p ('('), or NULL. */
static const char *
skip_group(const char *p)
{
    int depth = 0;
    while (*p != '\0') {
        if (*p == '\\' && p[1] != '\0') {
            p += 2;
            continue;
        }
        if (*p == '[') {
            p = skip_class(p);
            if (p == NULL)
                return NULL;
            continue;
        }
        depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
        p++;
        if (depth == 0)
            return p;
    }
    return NULL;
}

/* The length of the opening of the group at @p p: "(" capturing, "(?:"
 * not, "(?i:" caseless inside, which the filters, caseless anyway, read
 * as the others. 0 for the other "(?" forms: options that change how
 * the rest reads ("(?m)", "(?x)") and assertions, whose text is not
 * consumed (or, "(?!", must be absent). */
static gsize
group_opening(const char *p)
{
    if (p[1] != '?')
        return 1;
    if (p[2] == ':')
        return 3;
    if (p[2] == 'i' && p[3] == ':')
        return 4;
    return 0;
}

typedef enum { Q_ONE, Q_OPTIONAL, Q_REPEAT } quantity;

/* The quantifier at *p, skipped. */
static quantity
quantifier(const char **p)
{
    const char *q = *p;
    quantity k = Q_ONE;
    if (*q == '?' || *q == '*') {
        k = Q_OPTIONAL;
        q++;
    } else if (*q == '+') {
        k = Q_REPEAT;
        q++;
    } else if (*q == '{' && g_ascii_isdigit(q[1])) {
        k = q[1] == '0' && !g_ascii_isdigit(q[2]) ? Q_OPTIONAL : Q_REPEAT;
        const char *close = strchr(q, '}');
        q = close != NULL ? close + 1 : q + strlen(q);
    } else {
        return Q_ONE;
    }
    if (*q == '?' || *q == '+') /* lazy, possessive */
        q++;
    *p = q;
    return k;
}

typedef struct deriving {
    char run[OST_PREFILTER_LEN];
    gsize run_len;
    gboolean run_at_start;     /* the run began right after a leading '^' */
    char best[OST_PREFILTER_LEN];
    gsize best_len;
    char prefix[OST_PREFILTER_LEN];
    gsize prefix_len;
    char group[OST_PREFILTER_ALTS][OST_PREFILTER_LEN];
    guint n_group;
    gboolean group_at_start;
    gboolean group_open;       /* the group started the text and literals follow it */
    char runs[2 * OST_PREFILTER_ALSO][OST_PREFILTER_LEN];
    guint n_runs;              /* every run: each is needed */
    gboolean after_space;
} deriving;

static void
end_run(deriving *d)
{
    d->group_open = FALSE;
    if (d->run_len > 1 && d->n_runs < G_N_ELEMENTS(d->runs))
        memcpy(d->runs[d->n_runs++], d->run, d->run_len + 1);
    if (d->run_at_start && d->run_len > 0) {
        memcpy(d->prefix, d->run, d->run_len + 1);
        d->prefix_len = d->run_len;
    }
    if (d->run_len > d->best_len) {
        memcpy(d->best, d->run, d->run_len + 1);
        d->best_len = d->run_len;
    }
    d->run_len = 0;
    d->run[0] = '\0';
    d->run_at_start = FALSE;
}

static void
append(char *lit, char c)
{
    gsize n = strlen(lit);
    if (n + 1 < OST_PREFILTER_LEN) {
        lit[n] = g_ascii_tolower(c);
        lit[n + 1] = '\0';
    }
}

static void
add_char(deriving *d, char c)
{
    if (d->run_len + 1 < OST_PREFILTER_LEN) {
        d->run[d->run_len++] = g_ascii_tolower(c);
        d->run[d->run_len] = '\0';
    }
    /* "^(green|red) x", "^[KS]\d": each alternative goes on. */
    for (guint i = 0; d->group_open && i < d->n_group; i++)
        append(d->group[i], c);
}

/* Split "a|bc|d" (plain text only) into @p alts; FALSE when it does not
 * fit or a branch is empty or not plain. */
static gboolean
split_plain(const char *s, gsize len, char alts[][OST_PREFILTER_LEN], guint *n)
{
    *n = 0;
    gsize start = 0;
    for (gsize i = 0; i <= len; i++) {
        if (i < len && s[i] != '|') {
            if (!plain(s[i]))
                return FALSE;
            continue;
        }
        if (i == start || *n == OST_PREFILTER_ALTS)
            return FALSE;
        gsize m = MIN(i - start, (gsize)OST_PREFILTER_LEN - 1);
        for (gsize k = 0; k < m; k++)
            alts[*n][k] = g_ascii_tolower(s[start + k]);
        alts[*n][m] = '\0';
        (*n)++;
        start = i + 1;
    }
    return TRUE;
}

/* The literal each branch of the group body @p s ("a|bc(d)?|e+") starts
 * with, in @p alts; @p whole is set when every branch is that literal.
 * FALSE when a branch starts with anything else or there are too many. */
static gboolean
split_leading(const char *s, gsize len, char alts[][OST_PREFILTER_LEN], guint *n,
              gboolean *whole)
{
    *n = 0;
    *whole = TRUE;
    const char *end = s + len;
    for (const char *b = s; b <= end;) {
        if (*n == OST_PREFILTER_ALTS)
            return FALSE;
        char *lit = alts[(*n)++];
        lit[0] = '\0';
        const char *p = b;
        while (p < end && *p != '|' && plain(*p)) {
            const char *q = p + 1;
            quantity k = quantifier(&q);
            if (k != Q_OPTIONAL)
                append(lit, *p);
            if (k != Q_ONE)
                break;
            p = q;
        }
        if (lit[0] == '\0')
            return FALSE;
        /* The rest of the branch: nested groups and classes skipped whole. */
        while (p < end && *p != '|') {
            *whole = FALSE;
            const char *next = *p == '(' ? skip_group(p) : *p == '[' ? skip_class(p)
                               : *p == '\\' && p + 1 < end ? p + 2 : p + 1;
            if (next == NULL || next > end)
                return FALSE;
            p = next;
        }
        b = p + 1;
    }
    return TRUE;
}

/* The characters of the class @p s .. @p end ("[KSB]") as one-character
 * alternatives; FALSE unless they are a few letters or digits. */
static gboolean
split_class(const char *s, const char *end, char alts[][OST_PREFILTER_LEN], guint *n)
{
    *n = 0;
    for (const char *p = s + 1; p < end - 1; p++) {
        if (!g_ascii_isalnum(*p) || *n == OST_PREFILTER_ALTS)
            return FALSE;
        alts[*n][0] = g_ascii_tolower(*p);
        alts[(*n)++][1] = '\0';
    }
    return *n > 0;
}

static void
set_group(deriving *d, char alts[][OST_PREFILTER_LEN], guint n, gboolean at_start,
          gboolean goes_on)
{
    memcpy(d->group, alts, sizeof d->group);
    d->n_group = n;
    d->group_at_start = at_start;
    d->group_open = at_start && goes_on;
}

/* Every run but the one already in @p f's alternatives, longest first. */
static void
set_also(ost_prefilter *f, deriving *d)
{
    while (f->n_also < OST_PREFILTER_ALSO) {
        gsize longest = 0;
        guint pick = 0;
        for (guint i = 0; i < d->n_runs; i++) {
            gsize len = strlen(d->runs[i]);
            gboolean used = f->n_alts == 1 && strcmp(d->runs[i], f->alts[0]) == 0;
            if (!used && len > longest) {
                longest = len;
                pick = i;
            }
        }
        if (longest == 0)
            return;
        memcpy(f->also[f->n_also++], d->runs[pick], longest + 1);
        d->runs[pick][0] = '\0';
    }
}

void
__ost_prefilter_init(ost_prefilter *f, const char *pattern)
{
    memset(f, 0, sizeof *f);
    /* A pattern that is a list of words: any of them. */
    if (strchr(pattern, '|') != NULL && strpbrk(pattern, "()[]\\^$.?*+{}") == NULL) {
        if (!split_plain(pattern, strlen(pattern), f->alts, &f->n_alts))
            f->n_alts = 0;
        return;
    }
    deriving d = {0};
    const char *p = pattern;
    gboolean anchored = *p == '^';
    if (anchored)
        p++;
    d.run_at_start = anchored;
    gboolean first = TRUE;
    while (*p != '\0') {
        const char *el = p;
        if (anchored && first && p[0] == '\\' && p[1] == 's' && (p[2] == '*' || p[2] == '+')) {
            d.after_space = TRUE;
            p += 3;
            if (*p == '?' || *p == '+')
                p++;
            continue;
        }
        if (*p == '\\') {
            char e = p[1];
            if (e == 'b' || e == 'B') { /* zero width: the text around it is adjacent */
                p += 2;
                continue;
            }
            if (e == 'd' || (e != '\0' && !g_ascii_isalnum(e) && (guchar)e < 0x80 && e != '#')) {
                p += 2;
                quantity k = quantifier(&p);
                if (k != Q_OPTIONAL)
                    add_char(&d, e == 'd' ? '#' : e);
                else
                    end_run(&d);
                if (k == Q_REPEAT)
                    end_run(&d);
                first = FALSE;
                continue;
            }
            /* Classes (\s, \w, \p{..}), code points and references. */
            if (e == '\0' || strchr("sSwWDhHvVR", e) == NULL)
                return;
            p += 2;
            quantifier(&p);
            end_run(&d);
        } else if (*p == '[') {
            p = skip_class(p);
            if (p == NULL)
                return;
            const char *class_end = p;
            quantity k = quantifier(&p);
            end_run(&d);
            char alts[OST_PREFILTER_ALTS][OST_PREFILTER_LEN];
            guint n;
            if (k != Q_OPTIONAL && d.n_group == 0 && split_class(el, class_end, alts, &n))
                set_group(&d, alts, n, anchored && first, k == Q_ONE);
        } else if (*p == '(') {
            gsize opening = group_opening(p);
            if (opening == 0) /* other options and assertions: not followed */
                return;
            p = skip_group(p);
            if (p == NULL)
                return;
            gsize inner = (gsize)(p - el) - opening - 1;
            quantity k = quantifier(&p);
            end_run(&d);
            char alts[OST_PREFILTER_ALTS][OST_PREFILTER_LEN];
            guint n;
            gboolean whole;
            if (k != Q_OPTIONAL && d.n_group == 0 &&
                split_leading(el + opening, inner, alts, &n, &whole))
                set_group(&d, alts, n, anchored && first, whole && k == Q_ONE);
        } else if (*p == '.' || *p == '$') {
            p++;
            quantifier(&p);
            end_run(&d);
        } else if (plain(*p)) {
            char c = *p++;
            quantity k = quantifier(&p);
            if (k != Q_OPTIONAL)
                add_char(&d, c);
            else
                end_run(&d);
            if (k == Q_REPEAT)
                end_run(&d);
        } else {
            return; /* '|' beside other syntax, a stray ')', non-ASCII... */
        }
        first = FALSE;
    }
    end_run(&d);
    /* White space skipped before a literal starting with a space might
     * have been the literal's own. */
    gboolean group_leads = d.n_group > 0 && d.group_at_start;
    for (guint i = 0; i < d.n_group && d.after_space; i++)
        group_leads = group_leads && d.group[i][0] != ' ';
    if (d.prefix_len > 0 && !(d.after_space && d.prefix[0] == ' ')) {
        f->anchored = TRUE;
        f->after_space = d.after_space;
        memcpy(f->alts[0], d.prefix, d.prefix_len + 1);
        f->n_alts = 1;
    } else if (group_leads) {
        f->anchored = TRUE;
        f->after_space = d.after_space;
        memcpy(f->alts, d.group, sizeof d.group);
        f->n_alts = d.n_group;
    } else if (d.best_len > 0) {
        memcpy(f->alts[0], d.best, d.best_len + 1);
        f->n_alts = 1;
    } else if (d.n_group > 0) {
        memcpy(f->alts, d.group, sizeof d.group);
        f->n_alts = d.n_group;
    }
    if (f->n_alts > 0)
        set_also(f, &d);
    for (guint i = 0; i < f->n_alts; i++)
        f->with_digits |= (strchr(f->alts[i], '#') != NULL) << i;
    for (guint i = 0; i < f->n_also; i++)
        f->with_digits |= (guint32)(strchr(f->also[i], '#') != NULL) << (8 + i);
    for (guint i = 0; i < f->n_alts && f->anchored; i++) {
        const char *digits = "0123456789";
        for (const char *c = f->alts[i][0] == '#' ? digits : f->alts[i]; *c != '\0'; c++) {
            f->first[(guchar)*c / 32] |= 1u << ((guchar)*c % 32);
            if (f->alts[i][0] != '#')
                break;
        }
    }
}

/* The character at *@p p as the filters compare it, *@p p moved past it:
 * a byte for ASCII, long s, Kelvin sign and digits, 0 for any other
 * character, which no literal holds. */
static inline char
fold_char(const char **p)
{
    guchar c = (guchar)**p;
    if (c < 0x80) {
        (*p)++;
        /* g_ascii_tolower is a call: a third of folding's cost. */
        return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : (char)c;
    }
    const char *start = *p, *next = start + 1;
    while ((*next & 0xC0) == 0x80)
        next++;
    *p = next;
    gunichar u = g_utf8_get_char_validated(start, next - start);
    if (u == 0x017F)
        return 's';
    if (u == 0x212A)
        return 'k';
    if (u < 0x110000 && g_unichar_isdigit(u))
        return (char)('0' + MAX(g_unichar_digit_value(u), 0));
    return 0;
}

/* Eight ASCII bytes of @p in lowered at once into @p out; FALSE, and
 * nothing written, when one of them is not ASCII. Folding byte by byte
 * cost 8 instructions a byte, most of the 6.1 million that detection
 * spent folding the 220 sample pages. */
static inline gboolean
fold_ascii8(const char *in, char *out)
{
    const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
    guint64 w;
    memcpy(&w, in, sizeof w);
    if (w & (ones * 0x80))
        return FALSE;
    /* Bit 7 of each byte: at least 'A', and above 'Z'. No byte carries
     * into the next: each is below 0x80 and so is what is added. */
    guint64 from_a = w + ones * (0x80 - 'A');
    guint64 past_z = w + ones * (0x80 - 'Z' - 1);
    w |= (from_a & ~past_z & (ones * 0x80)) >> 2;
    memcpy(out, &w, sizeof w);
    return TRUE;
}

char *
__ost_prefilter_fold(const char *text, char *buf, gsize size)
{
    gsize len = strlen(text);
    /* Folding never lengthens: each character becomes one byte or stays. */
    char *out = len < size ? buf : g_malloc(len + 1);
    char *o = out;
    const char *end = text + len;
    for (const char *p = text; p < end;) {
        if (end - p >= 8 && fold_ascii8(p, o)) {
            p += 8;
            o += 8;
            continue;
        }
        const char *start = p;
        char c = fold_char(&p);
        if (c != 0) {
            *o++ = c;
        } else {
            memcpy(o, start, p - start);
            o += p - start;
        }
    }
    *o = '\0';
    return out;
}

void
__ost_prefilter_fold_free(char *folded, char *buf)
{
    if (folded != buf)
        g_free(folded);
}

gboolean
__ost_prefilter_contains(const char *text, const char *folded_word)
{
    char buf[512];
    char *folded = __ost_prefilter_fold(text, buf, sizeof buf);
    gboolean found = strstr(folded, folded_word) != NULL;
    __ost_prefilter_fold_free(folded, buf);
    return found;
}

void
__ost_prefilter_subject_init(ost_prefilter_subject *s, const char *text)
{
    s->text = text;
    s->folded = NULL;
}

void
__ost_prefilter_subject_clear(ost_prefilter_subject *s)
{
    if (s->folded != NULL)
        __ost_prefilter_fold_free(s->folded, s->buf);
    s->folded = NULL;
}

static const char *
subject_folded(ost_prefilter_subject *s)
{
    if (s->folded == NULL)
        s->folded = __ost_prefilter_fold(s->text, s->buf, sizeof s->buf);
    return s->folded;
}

static gboolean
literal_at(const char *t, const char *lit)
{
    for (; *lit != '\0'; lit++, t++)
        if (*lit == '#' ? !g_ascii_isdigit(*t) : *t != *lit)
            return FALSE;
    return TRUE;
}

/* literal_at on the text as it is, folding as it goes: anchored filters
 * need only its first characters, not the whole text folded. */
static gboolean
literal_starts(const char *t, const char *lit)
{
    for (; *lit != '\0'; lit++) {
        if (*t == '\0')
            return FALSE;
        char c = fold_char(&t);
        if (*lit == '#' ? !g_ascii_isdigit(c) : c != *lit)
            return FALSE;
    }
    return TRUE;
}

/* Past the white space "^\s*" may take: ASCII white space and every
 * character PCRE's \s matches with or without Unicode properties. */
static const char *
skip_space(const char *t)
{
    for (;;) {
        guchar c = (guchar)*t;
        if (c < 0x80) {
            if (c == '\0' || strchr(" \t\n\v\f\r", c) == NULL)
                return t;
            t++;
            continue;
        }
        gunichar u = g_utf8_get_char_validated(t, -1);
        if (u >= 0x110000 || !(g_unichar_isspace(u) || u == 0x0085 || u == 0x180E))
            return t;
        t = g_utf8_next_char(t);
    }
}

/* @p lit anywhere in @p folded. glibc's strstr scans many bytes at a time:
 * searching with strchr for the literal's first character, common letters
 * and spaces among them, cost 135 instructions a filter on the sample
 * pages. A literal with digits (@p digits, known from the filter: looking
 * for them cost 1.2 million instructions on the sample pages) is found by
 * its text before them. */
static gboolean
contains_literal(const char *folded, const char *lit, gboolean digits)
{
    if (!digits)
        return strstr(folded, lit) != NULL;
    const char *digit = strchr(lit, '#');
    gsize plain_len = digit - lit;
    if (plain_len == 0) {
        for (const char *p = strpbrk(folded, "0123456789"); p != NULL;
             p = strpbrk(p + 1, "0123456789"))
            if (literal_at(p, lit))
                return TRUE;
        return FALSE;
    }
    char head[OST_PREFILTER_LEN];
    memcpy(head, lit, plain_len);
    head[plain_len] = '\0';
    for (const char *p = strstr(folded, head); p != NULL; p = strstr(p + 1, head))
        if (literal_at(p, lit))
            return TRUE;
    return FALSE;
}

gboolean
__ost_prefilter_may_match(const ost_prefilter *f, ost_prefilter_subject *s)
{
    if (f->n_alts == 0)
        return TRUE;
    gboolean found = FALSE;
    const char *start = f->after_space ? skip_space(s->text) : s->text;
    if (f->anchored) {
        /* Most texts fail on their first character: a bit tells. Bit 0,
         * the end of the text or a character no literal holds, is clear. */
        const char *p = start;
        guchar c = (guchar)fold_char(&p);
        if (!(f->first[c / 32] & (1u << (c % 32))))
            return FALSE;
    }
    for (guint i = 0; i < f->n_alts && !found; i++)
        found = f->anchored ? literal_starts(start, f->alts[i])
                            : contains_literal(subject_folded(s), f->alts[i],
                                               f->with_digits & (1u << i));
    for (guint i = 0; i < f->n_also && found; i++)
        found = contains_literal(subject_folded(s), f->also[i], f->with_digits & (1u << (8 + i)));
    return found;
}

void
__ost_prefilter_set_init(ost_prefilter_set *set, const ost_prefilter *filters, guint n)
{
    g_return_if_fail(n <= 32);
    memset(set, 0, sizeof *set);
    for (guint i = 0; i < n; i++) {
        const ost_prefilter *f = &filters[i];
        if (f->n_alts == 0 || !f->anchored) {
            set->anywhere |= 1u << i;
            continue;
        }
        guint32 *index = f->after_space ? set->after_space : set->at_start;
        set->has_after_space = set->has_after_space || f->after_space;
        for (guint c = 0; c < 256; c++)
            if (f->first[c / 32] & (1u << (c % 32)))
                index[c] |= 1u << i;
    }
}

guint32
__ost_prefilter_set_candidates(const ost_prefilter_set *set, const char *text)
{
    const char *p = text;
    guint32 candidates = set->anywhere | set->at_start[(guchar)fold_char(&p)];
    if (set->has_after_space) {
        p = skip_space(text);
        candidates |= set->after_space[(guchar)fold_char(&p)];
    }
    return candidates;
}
