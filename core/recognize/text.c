/* SPDX-License-Identifier: MIT */
/* Text helpers shared by the recognisers: white space, paragraphs, values. */
#include "text.h"
#include "pattern.h"

#include <stdlib.h>
#include <string.h>

/* ---- Whitespace and line classes ------------------------------------- */

char *
__ost_text_clean(const char *text)
{
    return text != NULL ? __ost_text_clean_n(text, strlen(text)) : NULL;
}

char *
__ost_text_clean_n(const char *text, gsize n)
{
    /* Cleaning only drops white space or shortens its runs, so the text
     * fits in its own length and is copied straight into it. */
    const char *end = text + n;
    char *out = g_malloc(n + 1);
    gsize len = 0;
    gboolean space = FALSE;
    for (const char *p = text; p < end;) {
        guchar b = (guchar)*p;
        /* Runs of printable ASCII, most of any text, copied in a tight loop
         * rather than each byte classified as a character. */
        if (b > ' ' && b < 0x80) {
            if (space && len > 0)
                out[len++] = ' ';
            space = FALSE;
            do
                out[len++] = *p++;
            while (p < end && (guchar)*p > ' ' && (guchar)*p < 0x80);
            continue;
        }
        gunichar c = b < 0x80 ? b : g_utf8_get_char(p);
        const char *next = b < 0x80 ? p + 1 : MIN(g_utf8_next_char(p), end);
        if (__ost_text_is_space(c)) {
            space = TRUE;
            p = next;
            continue;
        }
        if (space && len > 0)
            out[len++] = ' ';
        space = FALSE;
        /* The character's own bytes: what g_string_append_unichar would
         * write back for valid UTF-8. */
        if (b < 0x80) {
            out[len++] = (char)b;
        } else {
            memcpy(out + len, p, next - p);
            len += next - p;
        }
        p = next;
    }
    if (len == 0) {
        g_free(out);
        return NULL;
    }
    out[len] = '\0';
    return out;
}

gboolean
__ost_text_clean_ends_with(const char *text, char c)
{
    if (text == NULL)
        return FALSE;
    /* The last byte that is not white space, when it is ASCII and no
     * byte within a UTF-8 lead's reach before it (5 bytes) is not: then
     * it is a character of its own, which cleaning keeps last. */
    gsize end = strlen(text);
    while (end > 0 && (guchar)text[end - 1] < 0x80 && __ost_text_is_space((guchar)text[end - 1]))
        end--;
    gsize from = end > 6 ? end - 6 : 0;
    gboolean ascii = TRUE;
    for (gsize i = from; i < end && ascii; i++)
        ascii = (guchar)text[i] < 0x80;
    if (ascii)
        return end > 0 && text[end - 1] == c;
    char *clean = __ost_text_clean(text);
    gboolean ends = clean != NULL && clean[strlen(clean) - 1] == c;
    g_free(clean);
    return ends;
}

glong
__ost_text_len(const char *text)
{
    return text != NULL ? g_utf8_strlen(text, -1) : 0;
}

const char *
__ost_text_after_bullet(const char *text)
{
    static const char *const bullets[] = {"•", "▪", "◦", "·", "●", "○", "■", "–", "-", "*", "", NULL};
    while (*text == ' ' || *text == '\t')
        text++;
    for (int i = 0; bullets[i] != NULL; i++) {
        gsize n = strlen(bullets[i]);
        if (strncmp(text, bullets[i], n) == 0 && (text[n] == ' ' || text[n] == '\t')) {
            text += n;
            while (*text == ' ' || *text == '\t')
                text++;
            return text;
        }
    }
    return NULL;
}

gboolean
__ost_text_ends_sentence(const char *text)
{
    const char *end = text + strlen(text);
    while (end > text) {
        const char *prev = g_utf8_find_prev_char(text, end);
        gunichar c = g_utf8_get_char(prev);
        if (__ost_text_is_space(c) || c == ')' || c == ']' || c == '"' || c == '\'' || c == 0x201D ||
            c == 0x2019) {
            end = prev;
            continue;
        }
        return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
    }
    return FALSE;
}

gboolean
__ost_text_is_placeholder(const char *text)
{
    /* Filler anywhere, or a whole text that only stands in for one. */
    static ost_pattern filler = OST_PATTERN(
        "\\blorem ipsum\\b|\\bdolor sit amet\\b|"
        "^\\s*(tbc|tbd|to be confirmed|to be (added|completed|determined)|placeholder|"
        "insert (text|details) here|x{3,}|n/?a)\\s*\\.?\\s*$", OST_CASELESS);
    return __ost_pattern_match(&filler, text);
}

typedef struct residue {
    const char *pattern; /* matched caselessly */
    const char *what;
    gboolean foreign;
} residue;

static const residue residues[] = {
    {"^\\s*leave a (reply|comment)\\b", "a blog comment form", TRUE},
    {"^\\s*your email address will not be published", "a blog comment form", TRUE},
    {"^\\s*required fields are marked", "a blog comment form", TRUE},
    {"^\\s*(share|like) this:?$", "a blog sharing widget", TRUE},
    {"^\\s*(related posts?|previous post|next post|post navigation)\\b", "blog navigation", TRUE},
    {"^\\s*posted (in|on|by)\\b", "a blog post byline", TRUE},
    {"^\\s*crown copyright\\b", "a licence footer copied with the text", FALSE},
    {"^\\s*(skip to (main )?content|back to top|cookies? (on|settings|policy))\\b",
     "site navigation", FALSE},
    {"^\\s*(print|share|download) (this |the )?(\\w+ )?(summary|standard|page|map)( as a pdf)?$",
     "a print or share link", FALSE},
};

const char *
__ost_text_residue(const char *text, gboolean *foreign)
{
    static ost_pattern patterns[G_N_ELEMENTS(residues)];
    static gsize once;
    if (g_once_init_enter(&once)) {
        for (gsize i = 0; i < G_N_ELEMENTS(residues); i++)
            patterns[i] = (ost_pattern)OST_PATTERN(residues[i].pattern, OST_CASELESS);
        g_once_init_leave(&once, 1);
    }
    for (gsize i = 0; text != NULL && i < G_N_ELEMENTS(residues); i++)
        if (__ost_pattern_match(&patterns[i], text)) {
            if (foreign != NULL)
                *foreign = residues[i].foreign;
            return residues[i].what;
        }
    return NULL;
}

/* ---- Paragraphs ------------------------------------------------------- */

/* Text laid out by a PDF tool is wrapped: no line is longer than the text
 * column and many lines come close to it. Text from web pages has one
 * line per block element, of any length. */
#define WRAP_MAX_WIDTH 200

/* __ost_text_len(__ost_text_clean(text)) without building the text. */
static glong
clean_len(const char *text)
{
    glong n = 0;
    gboolean space = FALSE;
    for (const char *p = text; p != NULL && *p != '\0';) {
        guchar b = (guchar)*p;
        gunichar c = b < 0x80 ? b : g_utf8_get_char(p);
        p = b < 0x80 ? p + 1 : g_utf8_next_char(p);
        if (__ost_text_is_space(c)) {
            space = TRUE;
            continue;
        }
        n += 1 + (space && n > 0);
        space = FALSE;
    }
    return n;
}

static gboolean
starts_lower(const char *text)
{
    while (*text == ' ' || *text == '\t')
        text++;
    return g_unichar_islower(g_utf8_get_char(text));
}

void
__ost_layout_measure(const ost_blocks *blocks, ost_layout *layout)
{
    memset(layout, 0, sizeof *layout);
    GArray *lens = g_array_new(FALSE, FALSE, sizeof(glong));
    GArray *ends = g_array_new(FALSE, FALSE, sizeof(gboolean));
    guint line_line = 0, line_break_line = 0, sized = 0, runs_on = 0;
    ost_block_kind prev = OST_BLOCK_PAGE, prev2 = OST_BLOCK_PAGE;
    const char *prev_text = NULL;
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b->flags & OST_BLOCK_CHROME)
            continue;
        if (b->kind == OST_BLOCK_LINE) {
            glong n = clean_len(b->text);
            g_array_append_val(lens, n);
            gboolean e = __ost_text_ends_sentence(b->text);
            g_array_append_val(ends, e);
            sized += b->font_size > 0.0;
            if (prev == OST_BLOCK_LINE)
                line_line++;
            else if (prev == OST_BLOCK_BREAK && prev2 == OST_BLOCK_LINE)
                line_break_line++;
            /* A sentence broken mid-way: the next line goes on in lower case. */
            if (prev_text != NULL && (prev == OST_BLOCK_LINE || prev2 == OST_BLOCK_LINE) &&
                !__ost_text_ends_sentence(prev_text) && starts_lower(b->text))
                runs_on++;
            prev_text = b->text;
        }
        prev2 = prev;
        prev = b->kind;
    }
    glong width = 0;
    for (guint i = 0; i < lens->len; i++)
        width = MAX(width, g_array_index(lens, glong, i));
    guint near = 0, longish = 0, near_open = 0;
    for (guint i = 0; i < lens->len; i++) {
        glong n = g_array_index(lens, glong, i);
        if (n * 10 >= width * 3)
            longish++;
        if (n * 4 >= width * 3) {
            near++;
            near_open += !g_array_index(ends, gboolean, i);
        }
    }
    /* Lines cut at a fixed width: many come close to it, or sentences run
     * on from line to line (a column of short statements lowers the first
     * measure without making the text any less wrapped). */
    /* A wrapped line seldom ends where its sentence does: when the longest
     * lines nearly all end sentences, each line is a paragraph of its own
     * (a web page's block elements). */
    layout->wrapped = lens->len >= 5 && width <= WRAP_MAX_WIDTH &&
                      (near * 5 >= longish * 2 || runs_on * 10 >= lens->len) &&
                      near_open * 3 >= near;
    layout->width = layout->wrapped ? width : 0;
    layout->double_spaced = line_break_line > 2 * line_line;
    layout->laid_out = lens->len > 0 && sized == lens->len;
    g_array_free(lens, TRUE);
    g_array_free(ends, TRUE);
}

void
__ost_para_init(ost_para_builder *pb, const ost_layout *layout, ost_repairer *rep, ost_doc *doc)
{
    memset(pb, 0, sizeof *pb);
    pb->layout = layout;
    pb->rep = rep;
    pb->doc = doc;
    pb->paras = g_ptr_array_new_with_free_func(g_free);
    pb->cur = g_string_new(NULL);
}

void
__ost_para_flush(ost_para_builder *pb)
{
    if (pb->cur->len > 0) {
        g_ptr_array_add(pb->paras, g_strdup(pb->cur->str));
        g_string_truncate(pb->cur, 0);
    }
    pb->pending_break = FALSE;
    pb->last_len = 0;
    pb->last_ends = FALSE;
}

static glong
first_word_len(const char *s)
{
    const char *sp = strchr(s, ' ');
    return sp != NULL ? g_utf8_strlen(s, sp - s) : __ost_text_len(s);
}

/* Proportional fonts make character counts approximate: only a word that
 * would clearly have fitted proves the line was ended on purpose. */
#define FIT_SLACK_PERCENT 92

void
__ost_para_add_line(ost_para_builder *pb, const char *line)
{
    char *t = __ost_text_clean(line);
    if (t == NULL)
        return;
    if (pb->cur->len > 0) {
        gboolean brk;
        if (__ost_text_after_bullet(t) != NULL) {
            brk = TRUE;
        } else if (pb->layout != NULL && pb->layout->laid_out) {
            brk = pb->pending_break;
        } else if (pb->layout != NULL && pb->layout->wrapped) {
            /* A line ended on purpose: the next word would have fitted after
             * a finished sentence, or after a line not half the width (a
             * title or a name, whose words carry no full stop) when the next
             * line does not go on in lower case. */
            gboolean room = (pb->last_len + 1 + first_word_len(t)) * 100 <=
                            pb->layout->width * FIT_SLACK_PERCENT;
            gboolean fits = room && (pb->last_ends || (pb->last_len * 2 <= pb->layout->width &&
                                                       !starts_lower(t)));
            brk = fits || (pb->pending_break && !pb->layout->double_spaced);
        } else {
            /* One block per line, but a line that starts lower case right
             * after an unfinished one is the rest of its sentence. */
            brk = pb->pending_break || pb->last_ends ||
                  !g_unichar_islower(g_utf8_get_char(t));
        }
        if (brk)
            __ost_para_flush(pb);
    }
    ost_repairer_join(pb->rep, pb->cur, t, pb->doc);
    pb->last_len = __ost_text_len(t);
    pb->last_ends = __ost_text_ends_sentence(t);
    pb->pending_break = FALSE;
    g_free(t);
}

void
__ost_para_add_block(ost_para_builder *pb, const ost_block *block)
{
    if (block->flags & OST_BLOCK_CHROME)
        return;
    switch (block->kind) {
    case OST_BLOCK_LINE:
        /* On a laid-out page an indented line after a finished sentence
         * starts a paragraph or a list item whose bullet the text lost. */
        if ((block->flags & OST_BLOCK_INDENTED) && pb->layout != NULL && pb->layout->laid_out &&
            pb->cur->len > 0 && pb->last_ends && block->text != NULL &&
            g_unichar_isupper(g_utf8_get_char(block->text + strspn(block->text, " \t"))))
            pb->pending_break = TRUE;
        __ost_para_add_line(pb, block->text);
        break;
    case OST_BLOCK_BREAK:
        if (pb->cur->len > 0)
            pb->pending_break = TRUE;
        break;
    case OST_BLOCK_PAGE:
        break;
    default: {
        /* Items, rows and headings are paragraphs of their own. */
        __ost_para_flush(pb);
        char *t = __ost_text_clean(block->text);
        if (t == NULL)
            break;
        /* Cleaning made the cells' tabs spaces; a tab is left only inside
         * malformed UTF-8, where it counts as a space too. */
        if (block->kind == OST_BLOCK_ROW && strchr(t, '\t') != NULL) {
            for (char *p = t; *p != '\0'; p++)
                if (*p == '\t')
                    *p = ' ';
            char *c = __ost_text_clean(t);
            g_free(t);
            t = c;
        }
        g_ptr_array_add(pb->paras, t);
        break;
    }
    }
}

GPtrArray *
__ost_para_finish(ost_para_builder *pb)
{
    __ost_para_flush(pb);
    g_string_free(pb->cur, TRUE);
    pb->cur = NULL;
    GPtrArray *paras = pb->paras;
    pb->paras = NULL;
    return paras;
}

char *
__ost_paras_join(GPtrArray *paras, guint from)
{
    if (paras == NULL || from >= paras->len)
        return NULL;
    GString *out = g_string_new(NULL);
    for (guint i = from; i < paras->len; i++) {
        if (out->len > 0)
            g_string_append(out, "\n\n");
        g_string_append(out, g_ptr_array_index(paras, i));
    }
    return g_string_free(out, FALSE);
}

/* ---- Values ------------------------------------------------------------ */

static GRegex *
regex_once(GRegex **slot, const char *pattern)
{
    if (g_once_init_enter(slot)) {
        GRegex *re = g_regex_new(pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(slot, re);
    }
    return *slot;
}

int
__ost_parse_level(const char *text)
{
    static GRegex *named, *bare;
    if (text == NULL)
        return 0;
    GRegex *const patterns[] = {
        regex_once(&named, "\\b(?:level|stage)\\s*([1-8])\\b"),
        regex_once(&bare, "^\\s*([1-8])\\s*(?:\\.?\\s*$|[(\\[,;–—-])"),
    };
    int level = 0;
    for (gsize i = 0; level == 0 && i < G_N_ELEMENTS(patterns); i++) {
        /* g_regex_match gives a match info even when nothing matched. */
        GMatchInfo *m = NULL;
        if (g_regex_match(patterns[i], text, 0, &m)) {
            char *d = g_match_info_fetch(m, 1);
            level = atoi(d);
            g_free(d);
        }
        g_match_info_free(m);
    }
    return level;
}

static const char *const number_words[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty", NULL,
};

static double
number_value(const char *s)
{
    if (g_ascii_isdigit(s[0]))
        return g_ascii_strtod(s, NULL);
    for (int i = 0; number_words[i] != NULL; i++)
        if (g_ascii_strcasecmp(s, number_words[i]) == 0)
            return i;
    return 0;
}

#define NUMBER "(\\d+(?:\\.\\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|" \
               "eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|" \
               "nineteen|twenty)"
#define UNIT "(years?|yrs?|months?|mths?|weeks?|wks?)\\b"

static int
unit_months(const char *unit, double n)
{
    switch (g_ascii_tolower(unit[0])) {
    case 'y': return (int)(n * 12 + 0.5);
    case 'w': return (int)(n * 12 / 52 + 0.5);
    default: return (int)(n + 0.5);
    }
}

int
__ost_parse_duration_months(const char *text)
{
    static GRegex *range, *part;
    if (text == NULL)
        return 0;
    GMatchInfo *m = NULL;
    int months = 0;
    /* A range states a typical span; its first figure is the duration. */
    if (g_regex_match(regex_once(&range, "\\b" NUMBER "\\s*(?:to|-|–|or)\\s*" NUMBER "\\s*" UNIT),
                      text, 0, &m)) {
        char *n = g_match_info_fetch(m, 1), *u = g_match_info_fetch(m, 3);
        months = unit_months(u, number_value(n));
        g_free(n);
        g_free(u);
        g_match_info_free(m);
        return months;
    }
    g_match_info_free(m);
    /* "2 years 6 months": adjacent parts add up; a later, separate figure
     * ("plus 3 months for assessment") is not part of the duration. */
    g_regex_match(regex_once(&part, "\\b" NUMBER "\\s*" UNIT), text, 0, &m);
    int prev_end = -1;
    while (g_match_info_matches(m)) {
        int start, end;
        g_match_info_fetch_pos(m, 0, &start, &end);
        if (prev_end >= 0) {
            char *gap = g_strndup(text + prev_end, start - prev_end);
            char *g = __ost_text_clean(gap);
            gboolean adjacent = g == NULL || strcmp(g, "and") == 0 || strcmp(g, ",") == 0;
            g_free(g);
            g_free(gap);
            if (!adjacent)
                break;
        }
        char *n = g_match_info_fetch(m, 1), *u = g_match_info_fetch(m, 2);
        months += unit_months(u, number_value(n));
        g_free(n);
        g_free(u);
        prev_end = end;
        g_match_info_next(m, NULL);
    }
    g_match_info_free(m);
    return months;
}

static int
month_number(const char *name)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    if (strlen(name) < 3)
        return 0;
    for (int i = 0; i < 12; i++)
        if (g_ascii_strncasecmp(name, months[i], 3) == 0)
            return i + 1;
    return 0;
}

static char *
iso_date(int y, int m, int d)
{
    if (y < 100)
        y += 2000;
    if (!g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
        return NULL;
    return g_strdup_printf("%04d-%02d-%02d", y, m, d);
}

char *
__ost_parse_date(const char *text)
{
    static GRegex *iso, *numeric, *dmy_words, *mdy_words;
    if (text == NULL)
        return NULL;
    GMatchInfo *m = NULL;
    char *out = NULL;
    char *g[4] = {NULL};
    if (g_regex_match(regex_once(&iso, "\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b"), text, 0, &m)) {
        for (int i = 1; i <= 3; i++)
            g[i] = g_match_info_fetch(m, i);
        out = iso_date(atoi(g[1]), atoi(g[2]), atoi(g[3]));
    } else if (g_match_info_free(m), m = NULL,
               g_regex_match(regex_once(&numeric, "\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})\\b"),
                             text, 0, &m)) {
        /* Day first: these are UK publications. */
        for (int i = 1; i <= 3; i++)
            g[i] = g_match_info_fetch(m, i);
        out = iso_date(atoi(g[3]), atoi(g[2]), atoi(g[1]));
    } else if (g_match_info_free(m), m = NULL,
               g_regex_match(regex_once(&dmy_words, "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
                                                    "([a-z]{3,9})\\.?,?\\s+(\\d{4})\\b"),
                             text, 0, &m)) {
        for (int i = 1; i <= 3; i++)
            g[i] = g_match_info_fetch(m, i);
        int month = month_number(g[2]);
        if (month > 0)
            out = iso_date(atoi(g[3]), month, atoi(g[1]));
    } else if (g_match_info_free(m), m = NULL,
               g_regex_match(regex_once(&mdy_words, "\\b([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?"
                                                    ",?\\s+(\\d{4})\\b"),
                             text, 0, &m)) {
        for (int i = 1; i <= 3; i++)
            g[i] = g_match_info_fetch(m, i);
        int month = month_number(g[1]);
        if (month > 0)
            out = iso_date(atoi(g[3]), month, atoi(g[2]));
    }
    g_match_info_free(m);
    for (int i = 1; i <= 3; i++)
        g_free(g[i]);
    return out;
}

ost_tristate
__ost_parse_yes_no(const char *text, const char **rest)
{
    static const struct {
        const char *word;
        ost_tristate value;
    } answers[] = {{"yes", OST_YES}, {"true", OST_YES}, {"y", OST_YES},
                   {"no", OST_NO},   {"false", OST_NO}, {"n", OST_NO}};
    if (text == NULL)
        return OST_UNSET;
    while (*text == ' ')
        text++;
    for (gsize i = 0; i < G_N_ELEMENTS(answers); i++) {
        gsize n = strlen(answers[i].word);
        if (g_ascii_strncasecmp(text, answers[i].word, n) != 0 || g_ascii_isalnum(text[n]))
            continue;
        const char *r = text + n;
        while (*r != '\0' && (strchr(" .,;:-", *r) != NULL))
            r++;
        if (strncmp(r, "\xE2\x80\x93", 3) == 0 || strncmp(r, "\xE2\x80\x94", 3) == 0)
            for (r += 3; *r == ' '; r++)
                ;
        if (rest != NULL)
            *rest = r;
        return answers[i].value;
    }
    return OST_UNSET;
}

static gboolean
parse_code_token(const char *tok, char *letter, int *number)
{
    if ((tok[0] != 'K' && tok[0] != 'S' && tok[0] != 'B') || !g_ascii_isdigit(tok[1]))
        return FALSE;
    for (const char *p = tok + 1; *p != '\0'; p++)
        if (!g_ascii_isdigit(*p))
            return FALSE;
    *letter = tok[0];
    *number = atoi(tok + 1);
    return *number > 0;
}

/* Words that group codes by kind in a mapping ("Knowledge: K1, K2 Skills:
 * S1"), not codes themselves. */
static gboolean
ksb_group_word(const char *tok)
{
    static const char *const words[] = {"knowledge", "skill", "skills", "behaviour", "behaviours",
                                        "behavior", "behaviors", "ksb", "ksbs", NULL};
    for (int i = 0; words[i] != NULL; i++)
        if (g_ascii_strcasecmp(tok, words[i]) == 0)
            return TRUE;
    return FALSE;
}

GPtrArray *
__ost_parse_codes(const char *text)
{
    if (text == NULL)
        return NULL;
    char *t = g_strdup(text);
    /* Dashes in ranges may be written with or without spaces. */
    GString *spaced = g_string_new(NULL);
    for (const char *p = t; *p != '\0'; p++) {
        if (*p == ',' || *p == ';' || *p == '\n' || *p == '\t' || *p == '/')
            g_string_append_c(spaced, ' ');
        else if (*p == '-')
            g_string_append(spaced, " - ");
        else if (strncmp(p, "\xE2\x80\x93", 3) == 0 || strncmp(p, "\xE2\x80\x94", 3) == 0) {
            g_string_append(spaced, " - ");
            p += 2;
        } else if (*p == ':' || *p == '(' || *p == ')')
            g_string_append_c(spaced, ' ');
        else
            g_string_append_c(spaced, *p);
    }
    g_free(t);
    char **tokens = g_strsplit(spaced->str, " ", -1);
    g_string_free(spaced, TRUE);
    GPtrArray *codes = ost_strlist_new();
    gboolean ok = TRUE, range = FALSE;
    char last_letter = 0;
    int last_number = 0;
    for (guint i = 0; ok && tokens[i] != NULL; i++) {
        const char *tok = tokens[i];
        if (*tok == '\0' || g_ascii_strcasecmp(tok, "and") == 0 || strcmp(tok, "&") == 0 ||
            ksb_group_word(tok))
            continue;
        if (strcmp(tok, "-") == 0 || g_ascii_strcasecmp(tok, "to") == 0) {
            ok = last_letter != 0 && !range;
            range = TRUE;
            continue;
        }
        char letter;
        int number;
        /* "K1-4": the range's end keeps its start's letter. */
        if (range && g_ascii_isdigit(tok[0]) && strspn(tok, "0123456789") == strlen(tok)) {
            letter = last_letter;
            number = atoi(tok);
        } else if (!parse_code_token(tok, &letter, &number)) {
            ok = FALSE;
            break;
        }
        if (range) {
            ok = letter == last_letter && number > last_number && number - last_number < 100;
            for (int n = last_number + 1; ok && n <= number; n++) {
                char *c = g_strdup_printf("%c%d", letter, n);
                ost_strlist_add_unique(codes, c);
                g_free(c);
            }
            range = FALSE;
        } else {
            char *c = g_strdup_printf("%c%d", letter, number);
            ost_strlist_add_unique(codes, c);
            g_free(c);
        }
        last_letter = letter;
        last_number = number;
    }
    g_strfreev(tokens);
    if (!ok || range || codes->len == 0) {
        g_ptr_array_unref(codes);
        return NULL;
    }
    return codes;
}

/* FALSE when @p text cannot start with a code as __ost_parse_coded's regex
 * reads one: after white space and an optional '(' comes a code's letter, K, S
 * or B in either case, then no ASCII letter unless the code is spelt out. A
 * non-ASCII character may be white space, a digit or a letter caseless
 * matching takes for K or S (U+212A, U+017F), so the regex decides. */
static gboolean
may_start_with_code(const char *text)
{
    const char *p = text + strspn(text, " \t\n\v\f\r");
    if (*p == '(')
        p++;
    guchar c = (guchar)*p;
    if (c >= 0x80)
        return TRUE;
    if (c == '\0' || strchr("KSBksb", c) == NULL)
        return FALSE;
    return !g_ascii_isalpha(p[1]) || g_ascii_strncasecmp(p, "knowledge", 9) == 0 ||
           g_ascii_strncasecmp(p, "skill", 5) == 0 || g_ascii_strncasecmp(p, "behavio", 7) == 0;
}

/* Most lines start otherwise, and most statements start with K, S or B
 * too ("Supports ..."): the digit a code needs next rules those out
 * before the regex (a byte from 0x80 may be white space or a digit the
 * regex takes). */
gboolean
__ost_is_bare_code(const char *text)
{
    static ost_pattern bare_code = OST_PATTERN("^\\s*[KSB]\\d{1,3}\\s*$", 0);
    const char *p = text + strspn(text, " \t\n\v\f\r");
    guchar c = (guchar)p[0], next = c != 0 ? (guchar)p[1] : 0;
    gboolean may = c >= 0x80 || ((c == 'K' || c == 'S' || c == 'B') &&
                                 (g_ascii_isdigit(next) || next >= 0x80));
    return may && __ost_pattern_match(&bare_code, text);
}

/* A group of @p m as positions in its subject; empty when it did not take
 * part in the match. */
static void
group_span(GMatchInfo *m, int group, int *start, int *end)
{
    if (!g_match_info_fetch_pos(m, group, start, end) || *start < 0)
        *start = *end = 0;
}

gboolean
__ost_parse_coded(const char *text, char **code, const char **rest)
{
    static GRegex *re;
    if (!may_start_with_code(text))
        return FALSE;
    GMatchInfo *m = NULL;
    /* "K12: text", "K 12. text", "(K12) text", and the code spelt out:
     * "Knowledge 12: text", "Skill 3 - text", "Behaviour 1: text". */
    gboolean ok = g_regex_match(
        regex_once(&re, "^\\s*\\(?(?:([KSB])\\s?|(knowledge|skills?|behaviou?rs?)\\s+)(\\d{1,3})"
                        "(?![\\d])\\s*([:.)]|\\s[-–—]|[-–—]|\\s)\\s*"),
        text, 0, &m);
    if (ok) {
        /* The groups read in place: copying each out cost four
         * allocations a coded line, most of them asked only whether it
         * is one (sections, 3,760 lines on the sample pages). */
        int ls, le, ws, we, ns, ne, ss, se;
        group_span(m, 1, &ls, &le);
        group_span(m, 2, &ws, &we);
        group_span(m, 3, &ns, &ne);
        group_span(m, 4, &ss, &se);
        char num[16] = "";
        memcpy(num, text + ns, MIN((gsize)(ne - ns), sizeof num - 1));
        gboolean has_letter = le > ls;
        /* Codes are upper case; the caseless regex is narrowed here. A
         * spelt-out code needs its separator: "Skills 4 and 5 are ..." is
         * a sentence. */
        gboolean sep_printed = FALSE;
        for (int i = ss; i < se && !sep_printed; i++)
            sep_printed = text[i] != ' ' && text[i] != '\t';
        ok = atoi(num) > 0 && (has_letter ? g_ascii_isupper(text[ls]) : sep_printed);
        if (ok && code != NULL)
            *code = g_strdup_printf("%c%d", has_letter ? text[ls] : g_ascii_toupper(text[ws]),
                                    atoi(num));
        if (ok && rest != NULL) {
            int end;
            g_match_info_fetch_pos(m, 0, NULL, &end);
            *rest = text + end;
        }
    }
    g_match_info_free(m);
    return ok;
}

char *
__ost_standard_reference_in(const char *text)
{
    static ost_pattern reference = OST_PATTERN("\\bST\\d{4}\\b", 0);
    return __ost_pattern_group(&reference, text, 0);
}

char *
__ost_occupation_code_in(const char *text)
{
    static ost_pattern code = OST_PATTERN("\\bOCC\\d{4}\\b", 0);
    return __ost_pattern_group(&code, text, 0);
}

GPtrArray *
__ost_split_list(const char *text)
{
    GPtrArray *items = ost_strlist_new();
    if (text == NULL)
        return items;
    static ost_pattern separator = OST_PATTERN("[,;\\n]|\\s[•·|]\\s", 0);
    char **parts = __ost_pattern_split(&separator, text);
    for (guint i = 0; parts[i] != NULL; i++) {
        char *c = __ost_text_clean(parts[i]);
        if (c != NULL)
            g_ptr_array_add(items, c);
    }
    g_strfreev(parts);
    return items;
}

gboolean
__ost_text_is_intro(const char *para)
{
    gsize n = strlen(para);
    return n > 0 && (para[n - 1] == ':' || para[n - 1] == '?') && __ost_text_len(para) <= 120;
}
