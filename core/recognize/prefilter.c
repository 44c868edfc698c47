/* SPDX-License-Identifier: MIT */
/* Literal text a regular expression needs, to skip it on lines without. */
#include "prefilter.h"

#include <string.h>

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
} deriving;

static void
end_run(deriving *d)
{
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
add_char(deriving *d, char c)
{
    if (d->run_len + 1 < OST_PREFILTER_LEN) {
        d->run[d->run_len++] = g_ascii_tolower(c);
        d->run[d->run_len] = '\0';
    }
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
            quantifier(&p);
            end_run(&d);
        } else if (*p == '(') {
            if (p[1] == '?') /* options and assertions: not followed */
                return;
            p = skip_group(p);
            if (p == NULL)
                return;
            gsize inner = (gsize)(p - el) - 2;
            quantity k = quantifier(&p);
            end_run(&d);
            char alts[OST_PREFILTER_ALTS][OST_PREFILTER_LEN];
            guint n;
            if (k != Q_OPTIONAL && d.n_group == 0 && split_plain(el + 1, inner, alts, &n)) {
                memcpy(d.group, alts, sizeof alts);
                d.n_group = n;
                d.group_at_start = anchored && first;
            }
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
    if (d.prefix_len > 0) {
        f->anchored = TRUE;
        memcpy(f->alts[0], d.prefix, d.prefix_len + 1);
        f->n_alts = 1;
    } else if (d.n_group > 0 && d.group_at_start) {
        f->anchored = TRUE;
        memcpy(f->alts, d.group, sizeof d.group);
        f->n_alts = d.n_group;
    } else if (d.best_len > 0) {
        memcpy(f->alts[0], d.best, d.best_len + 1);
        f->n_alts = 1;
    } else if (d.n_group > 0) {
        memcpy(f->alts, d.group, sizeof d.group);
        f->n_alts = d.n_group;
    }
}

char *
__ost_prefilter_fold(const char *text, char *buf, gsize size)
{
    gsize len = strlen(text);
    /* Folding never lengthens: each character becomes one byte or stays. */
    char *out = len < size ? buf : g_malloc(len + 1);
    char *o = out;
    for (const char *p = text; *p != '\0';) {
        guchar c = (guchar)*p;
        if (c < 0x80) {
            *o++ = g_ascii_tolower((char)c);
            p++;
            continue;
        }
        const char *next = p + 1;
        while ((*next & 0xC0) == 0x80)
            next++;
        gunichar u = g_utf8_get_char_validated(p, next - p);
        if (u == 0x017F)
            *o++ = 's';
        else if (u == 0x212A)
            *o++ = 'k';
        else if (u < 0x110000 && g_unichar_isdigit(u))
            *o++ = (char)('0' + MAX(g_unichar_digit_value(u), 0));
        else {
            memcpy(o, p, next - p);
            o += next - p;
        }
        p = next;
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

static gboolean
literal_at(const char *t, const char *lit)
{
    for (; *lit != '\0'; lit++, t++)
        if (*lit == '#' ? !g_ascii_isdigit(*t) : *t != *lit)
            return FALSE;
    return TRUE;
}

gboolean
__ost_prefilter_may_match(const ost_prefilter *f, const char *folded)
{
    if (f->n_alts == 0)
        return TRUE;
    for (guint i = 0; i < f->n_alts; i++) {
        const char *lit = f->alts[i];
        if (f->anchored) {
            if (literal_at(folded, lit))
                return TRUE;
            continue;
        }
        /* Search for the literal's first plain character, then compare. */
        if (lit[0] == '#') {
            for (const char *p = strpbrk(folded, "0123456789"); p != NULL;
                 p = strpbrk(p + 1, "0123456789"))
                if (literal_at(p, lit))
                    return TRUE;
            continue;
        }
        for (const char *p = strchr(folded, lit[0]); p != NULL; p = strchr(p + 1, lit[0]))
            if (literal_at(p, lit))
                return TRUE;
    }
    return FALSE;
}
