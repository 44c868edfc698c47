/* SPDX-License-Identifier: MIT */
/* Label matching: which field a line names, through an index per table. */
#include "labels.h"
#include "pattern.h"
#include "text.h"

#include <string.h>

/* Lowers ASCII text and drops the characters labels do without, in one pass
 * into one allocation: the same as label_norm_unicode's for ASCII, which
 * nearly every line is. */
static char *
label_norm_ascii(const char *text, gsize len, gsize ampersands)
{
    /* Each '&' becomes "and" with a space either side. */
    char *out = g_malloc(len + 4 * ampersands + 1);
    gsize n = 0;
    gboolean space = FALSE;
    for (const char *p = text; p < text + len; p++) {
        char c = *p;
        if (c == '{' || c == '}' || c == '[' || c == ']' || c == '*' || c == '"')
            continue;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = TRUE;
            continue;
        }
        gboolean ampersand = c == '&';
        if ((space || ampersand) && n > 0)
            out[n++] = ' ';
        space = ampersand;
        if (ampersand) {
            memcpy(out + n, "and", 3);
            n += 3;
            continue;
        }
        out[n++] = c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
    }
    out[n] = '\0';
    return out;
}

/* Text with other characters: the curly quotes folded, and lowered a character
 * at a time with g_unichar_tolower, which does not depend on the locale as
 * g_utf8_strdown does (a Turkish locale lowers the 'I' of "LEVEL" to a dotless
 * i, and no label would match). The context rules strdown adds, such as a
 * final sigma, never decide an English label. */
static char *
label_norm_unicode(const char *text)
{
    GString *out = g_string_sized_new(strlen(text) + 8);
    for (const char *p = text; *p != '\0';) {
        gunichar c = (guchar)*p < 0x80 ? (gunichar)g_ascii_tolower(*p)
                                       : g_unichar_tolower(g_utf8_get_char(p));
        p = (guchar)*p < 0x80 ? p + 1 : g_utf8_next_char(p);
        if (c == 0x2018 || c == 0x2019)
            c = '\'';
        if (c == '&') {
            g_string_append(out, " and ");
            continue;
        }
        if (c == '{' || c == '}' || c == '[' || c == ']' || c == '*' || c == '"' ||
            c == 0x201C || c == 0x201D)
            continue;
        if (__ost_text_is_space(c))
            c = ' ';
        if (c < 0x80)
            g_string_append_c(out, (char)c);
        else
            g_string_append_unichar(out, c);
    }
    char *clean = __ost_text_clean(out->str);
    g_string_free(out, TRUE);
    return clean != NULL ? clean : g_strdup("");
}

/* __ost_label_norm of the first @p len bytes of @p text: a line's head
 * or question normalised without copying it out first. */
static char *
label_norm_n(const char *text, gsize len)
{
    gsize ampersands = 0;
    gboolean ascii = TRUE;
    for (gsize i = 0; i < len; i++) {
        ascii = ascii && (guchar)text[i] < 0x80;
        ampersands += text[i] == '&';
    }
    char *clean;
    if (ascii) {
        clean = label_norm_ascii(text, len, ampersands);
    } else {
        char *part = g_strndup(text, len);
        clean = label_norm_unicode(part);
        g_free(part);
    }
    gsize n = strlen(clean);
    while (n > 0 && strchr(":?.;,- ", clean[n - 1]) != NULL)
        clean[--n] = '\0';
    /* Strip a trailing dash written as an en or em dash too. */
    while (n >= 3 && (strcmp(clean + n - 3, "\xE2\x80\x93") == 0 ||
                      strcmp(clean + n - 3, "\xE2\x80\x94") == 0)) {
        n -= 3;
        clean[n] = '\0';
        while (n > 0 && clean[n - 1] == ' ')
            clean[--n] = '\0';
    }
    return clean;
}

char *
__ost_label_norm(const char *text)
{
    return text != NULL ? label_norm_n(text, strlen(text)) : g_strdup("");
}

void
__ost_label_hit_clear(ost_label_hit *hit)
{
    g_free(hit->before);
    g_free(hit->rest);
    g_free(hit->label_text);
    memset(hit, 0, sizeof *hit);
}

/* Where a label ends and its value starts: the first ':' or spaced dash. */
static const char *
find_separator(const char *text, const char **value)
{
    static const char *const seps[] = {":", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "};
    const char *best = NULL;
    gsize best_len = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(seps); i++) {
        const char *p = strstr(text, seps[i]);
        if (p != NULL && (best == NULL || p < best)) {
            best = p;
            best_len = strlen(seps[i]);
        }
    }
    if (best != NULL)
        *value = best + best_len;
    return best;
}

static int
word_count(const char *s)
{
    int n = 0;
    gboolean in = FALSE;
    for (; *s != '\0'; s++) {
        if (*s == ' ')
            in = FALSE;
        else if (!in) {
            in = TRUE;
            n++;
        }
    }
    return n;
}

/* @p phrase occurs in @p norm at word boundaries. */
static gboolean
contains_words(const char *norm, const char *phrase)
{
    gsize m = strlen(phrase);
    for (const char *p = strstr(norm, phrase); p != NULL; p = strstr(p + 1, phrase))
        if ((p == norm || p[-1] == ' ') && (p[m] == '\0' || p[m] == ' '))
            return TRUE;
    return FALSE;
}

static void
set_hit(ost_label_hit *hit, const ost_label *label, const char *label_text, gsize label_len,
        const char *rest, const char *before, gsize before_len)
{
    __ost_label_hit_clear(hit);
    hit->label = label;
    hit->label_text = __ost_text_clean_n(label_text, label_len);
    hit->rest = __ost_text_clean(rest);
    if (before != NULL)
        hit->before = __ost_text_clean_n(before, before_len);
}

/* Text laid out in columns ("Level          3", "Level<TAB>3") puts a label
 * and its value apart by a gap instead of a colon: the first gap after a
 * short head becomes ": ". NULL when the line has no such gap, or already
 * has a separator before it (transfer full). */
static char *
column_gap_as_separator(const char *text)
{
    if (strchr(text, '\t') == NULL && strstr(text, "  ") == NULL)
        return NULL;
    static ost_pattern gap =
        OST_PATTERN("^\\s*([^\\s:][^:\\t]{0,59}?\\S)(?:\\s*\\t\\s*| {2,})(\\S.*)$", 0);
    char *out = NULL;
    char *parts[2]; /* the head, the value */
    if (__ost_pattern_fetch(&gap, text, 2, parts)) {
        const char *v = NULL;
        if (find_separator(parts[0], &v) == NULL) {
            char *joined = g_strconcat(parts[0], ": ", parts[1], NULL);
            out = __ost_text_clean(joined);
            g_free(joined);
        }
        g_free(parts[0]);
        g_free(parts[1]);
    }
    return out;
}

/* An index per table, built on first use, answers the plain wordings with hash
 * lookups and leaves only the few question and intro wordings to be tried one
 * by one. */
typedef struct label_index {
    const ost_label *table;
    gsize n;
    GHashTable *plain;   /* phrase -> its first PLAIN label (transfer none) */
    GPtrArray *others;   /* const ost_label*: QUESTION and INTRO labels, in order */
    gsize longest;       /* bytes of the longest PLAIN phrase */
} label_index;

static label_index *
label_index_build(const ost_label *table, gsize n)
{
    label_index *idx = g_new0(label_index, 1);
    idx->table = table;
    idx->n = n;
    idx->plain = g_hash_table_new(g_str_hash, g_str_equal);
    idx->others = g_ptr_array_new();
    for (gsize i = 0; i < n; i++) {
        const ost_label *l = &table[i];
        if (l->mode != OST_LABEL_PLAIN) {
            g_ptr_array_add(idx->others, (gpointer)l);
            continue;
        }
        if (!g_hash_table_contains(idx->plain, l->phrase))
            g_hash_table_insert(idx->plain, (gpointer)l->phrase, (gpointer)l);
        idx->longest = MAX(idx->longest, strlen(l->phrase));
    }
    return idx;
}

/* The index of @p table (transfer none). Tables are static arrays, each
 * always passed whole, so their indexes are kept for the process by
 * address; conversions run on several threads. */
static const label_index *
label_index_of(const ost_label *table, gsize n)
{
    static GMutex lock;
    static GHashTable *indexes; /* const ost_label* -> its label_index* */
    g_mutex_lock(&lock);
    if (indexes == NULL)
        indexes = g_hash_table_new(g_direct_hash, g_direct_equal);
    label_index *idx = g_hash_table_lookup(indexes, table);
    if (idx == NULL) {
        idx = label_index_build(table, n);
        g_hash_table_insert(indexes, (gpointer)table, idx);
    }
    g_mutex_unlock(&lock);
    g_assert(idx->n == n);
    return idx;
}

/* One line as the labels are matched against it. */
typedef struct label_line {
    const char *t;         /* the line, cleaned */
    gsize tlen;
    char *whole;           /* t normalised */
    const char *sep;       /* the separator after a label, or NULL */
    const char *value;     /* the text after sep */
    char *head_norm;       /* the text before sep normalised, or NULL */
    const char *qmark;     /* the first '?', or NULL */
    char *question_norm;   /* the text up to qmark normalised, made when needed */
    gboolean question;     /* the line ends with '?' */
    gboolean ends_colon;   /* the line ends with ':' and is no question */
} label_line;

static void
label_line_init(label_line *line, const char *t)
{
    memset(line, 0, sizeof *line);
    line->t = t;
    line->tlen = strlen(t);
    line->whole = __ost_label_norm(t);
    line->sep = find_separator(t, &line->value);
    if (line->sep != NULL)
        line->head_norm = label_norm_n(t, line->sep - t);
    line->qmark = strchr(t, '?');
    line->question = t[line->tlen - 1] == '?';
    line->ends_colon = !line->question && t[line->tlen - 1] == ':';
}

static void
label_line_clear(label_line *line)
{
    g_free(line->whole);
    g_free(line->head_norm);
    g_free(line->question_norm);
}

/* The best label so far: the longest phrase, and of equally long ones the
 * first in the table, as trying the table in order would keep. */
typedef struct label_pick {
    const ost_label *label;
    gsize len;
} label_pick;

static void
consider(label_pick *pick, const ost_label *label)
{
    if (label == NULL)
        return;
    gsize len = strlen(label->phrase);
    if (len > pick->len || (pick->label != NULL && len == pick->len && label < pick->label)) {
        pick->label = label;
        pick->len = len;
    }
}

/* PLAIN labels: the whole line, the head before a separator, or (phrases
 * of two words or more) the last words of a line ending with ':'. */
static void
pick_plain(const label_index *idx, const label_line *line, label_pick *pick)
{
    consider(pick, g_hash_table_lookup(idx->plain, line->whole));
    if (line->head_norm != NULL)
        consider(pick, g_hash_table_lookup(idx->plain, line->head_norm));
    if (!line->ends_colon)
        return;
    const char *w = line->whole;
    gsize n = strlen(w);
    for (gsize k = n; k-- > 1 && n - k - 1 <= idx->longest;) {
        if (w[k] != ' ')
            continue;
        const ost_label *l = g_hash_table_lookup(idx->plain, w + k + 1);
        if (l != NULL && word_count(l->phrase) >= 2)
            consider(pick, l);
    }
}

static gboolean
question_matches(label_line *line, const char *phrase)
{
    if (line->qmark == NULL || strstr(line->whole, phrase) == NULL)
        return FALSE;
    if (line->question_norm == NULL)
        line->question_norm = label_norm_n(line->t, line->qmark + 1 - line->t);
    return strstr(line->question_norm, phrase) != NULL;
}

/* QUESTION and INTRO labels, tried one by one. */
static void
pick_others(const label_index *idx, label_line *line, label_pick *pick)
{
    gboolean short_intro = line->ends_colon && word_count(line->whole) <= 10;
    for (guint i = 0; i < idx->others->len; i++) {
        const ost_label *l = g_ptr_array_index(idx->others, i);
        if (strlen(l->phrase) < pick->len)
            continue;
        if (l->mode == OST_LABEL_QUESTION ? question_matches(line, l->phrase)
                                          : short_intro && contains_words(line->whole, l->phrase))
            consider(pick, l);
    }
}

static void
set_label_hit(ost_label_hit *hit, const ost_label *l, const label_line *line)
{
    const char *t = line->t;
    gsize tlen = line->tlen;
    if (l->mode == OST_LABEL_QUESTION) {
        set_hit(hit, l, t, line->qmark + 1 - t, line->qmark + 1, NULL, 0);
    } else if (l->mode == OST_LABEL_INTRO || strcmp(line->whole, l->phrase) == 0) {
        set_hit(hit, l, t, tlen, NULL, NULL, 0);
    } else if (line->head_norm != NULL && strcmp(line->head_norm, l->phrase) == 0) {
        set_hit(hit, l, t, line->sep - t, line->value, NULL, 0);
    } else {
        /* "Some title Occupational profile:" - keep the words before. */
        int words = word_count(l->phrase);
        const char *cut = t + tlen - 1;
        for (int w = 0; w < words && cut > t; w++) {
            cut--;
            while (cut > t && cut[-1] != ' ')
                cut--;
        }
        set_hit(hit, l, cut, t + tlen - 1 - cut, NULL, t, cut - t);
    }
}

/* TRUE when @p text is no question, does not end with ':' and has more letters
 * and digits than the longest plain phrase before any separator: then no label
 * can match, whole or as a head. */
static gboolean
beyond_labels(const char *text, gsize longest)
{
    if (strchr(text, '?') != NULL)
        return FALSE;
    gsize len = strlen(text);
    while (len > 0 && strchr(" \t\n\r\f", text[len - 1]) != NULL)
        len--;
    /* A non-ASCII last byte may end white space hiding a ':' before it. */
    if (len == 0 || text[len - 1] == ':' || (guchar)text[len - 1] >= 0x80)
        return FALSE;
    gsize alnum = 0;
    for (const char *p = text; *p != '\0' && alnum <= longest; p++) {
        if (*p == ':' || *p == '-' ||
            (p[0] == '\xE2' && p[1] == '\x80' && (p[2] == '\x93' || p[2] == '\x94')))
            return FALSE;
        alnum += g_ascii_isalnum(*p) != 0;
    }
    return alnum > longest;
}

/* @p t after the number of a numbered list ("4. Level: 2", "(2) Route",
 * "b) Duties"), as printed and extracted key facts and headings keep it. */
static const char *
after_list_number(const char *t)
{
    const char *p = t + (*t == '(');
    gsize digits = strspn(p, "0123456789");
    if (digits == 0 && g_ascii_islower(*p) && !g_ascii_isalpha(p[1]))
        digits = 1;
    if (digits == 0 || digits > 2 || (p[digits] != '.' && p[digits] != ')') ||
        (*t == '(' && p[digits] != ')') || p[digits + 1] != ' ')
        return t;
    return p + digits + 2;
}

/* @p whole without a trailing bracketed abbreviation ("knowledge, skills
 * and behaviours (ksbs)"), or NULL (transfer full). */
static char *
without_abbreviation(const char *whole)
{
    gsize n = strlen(whole);
    const char *open = strrchr(whole, '(');
    if (n == 0 || whole[n - 1] != ')' || open == NULL || open == whole)
        return NULL;
    return g_strstrip(g_strndup(whole, open - whole));
}

/* A heading that qualifies a field's wording: "Core occupation duties",
 * "Option 2: Cyber security professional duties", "Knowledge, skills and
 * behaviours (KSBs)". Its plain label is the wording without a bracketed
 * abbreviation, after "core", or (an option's heading) the last words. */
static void
pick_qualified(const label_index *idx, const label_line *line, label_pick *pick)
{
    char *bare = without_abbreviation(line->whole);
    const char *w = bare != NULL ? bare : line->whole;
    consider(pick, g_hash_table_lookup(idx->plain, w));
    if (g_str_has_prefix(w, "core "))
        consider(pick, g_hash_table_lookup(idx->plain, w + 5));
    if (g_str_has_prefix(w, "option ") && line->sep != NULL) {
        gsize n = strlen(w);
        for (gsize k = n; k-- > 7;)
            if (w[k] == ' ')
                consider(pick, g_hash_table_lookup(idx->plain, w + k + 1));
    }
    g_free(bare);
}

gboolean
__ost_label_match(const ost_label *table, gsize n, const char *text, ost_label_hit *hit)
{
    memset(hit, 0, sizeof *hit);
    const label_index *idx = label_index_of(table, n);
    /* A column gap makes a separator the raw text does not show. */
    char *t = column_gap_as_separator(text);
    if (t == NULL && beyond_labels(text, idx->longest))
        return FALSE;
    if (t == NULL)
        t = __ost_text_clean(text);
    if (t == NULL)
        return FALSE;
    label_line line;
    label_line_init(&line, after_list_number(t));
    label_pick pick = {NULL, 0};
    pick_plain(idx, &line, &pick);
    pick_others(idx, &line, &pick);
    if (pick.label != NULL) {
        set_label_hit(hit, pick.label, &line);
    } else {
        pick_qualified(idx, &line, &pick);
        if (pick.label != NULL)
            set_hit(hit, pick.label, line.t, line.tlen, NULL, NULL, 0);
    }
    label_line_clear(&line);
    g_free(t);
    return pick.label != NULL;
}
