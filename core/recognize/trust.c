/* SPDX-License-Identifier: MIT */
/* Telling a publisher's own document from a copy made elsewhere. */
#include "sections.h"

#include <string.h>

/* Spinner markup left in the text: "{Qualifications}", "{skills|abilities}". */
static gboolean
spinner_markup(const char *text, char **found)
{
    static GRegex *re;
    if (g_once_init_enter(&re)) {
        GRegex *r = g_regex_new("\\{[^{}\\n]{2,60}\\}", G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&re, r);
    }
    /* Every block is asked; few have a brace. */
    GMatchInfo *m = NULL;
    gboolean hit = text != NULL && strchr(text, '{') != NULL && g_regex_match(re, text, 0, &m);
    if (hit)
        *found = g_match_info_fetch(m, 0);
    g_match_info_free(m);
    return hit;
}

static void
add_quoted(GString *list, const char *item, guint *count)
{
    if (*count < 6)
        g_string_append_printf(list, "%s\"%s\"", list->len ? ", " : "", item);
    (*count)++;
}

/* Residue of a foreign host in @p text, quoted as found, joins @p reasons. */
static void
add_foreign(GPtrArray *reasons, const char *text)
{
    gboolean is_foreign = FALSE;
    const char *what = __ost_text_residue(text, &is_foreign);
    if (what == NULL || !is_foreign)
        return;
    char *line = __ost_text_clean(text);
    char *shown = g_utf8_substring(line, 0, MIN(__ost_text_len(line), 60));
    char *reason = g_strdup_printf("%s (\"%s\")", what, shown);
    ost_strlist_add_unique(reasons, reason);
    g_free(reason);
    g_free(shown);
    g_free(line);
}

/* A copy is recognised by what its host leaves in it (a blog's comment
 * form) and by what a synonym spinner does to the publisher's wording
 * (reworded section labels, spinner markup). One reworded label may be an
 * author's choice; two or more, or markup, are a spinner's. */
void
__ost_assess_trust(rec_ctx *ctx, const GPtrArray *sections)
{
    GPtrArray *foreign = ost_strlist_new();
    GString *spun = g_string_new(NULL);
    guint n_spun = 0;
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < sections->len; i++) {
        const ost_section *sec = g_ptr_array_index(sections, i);
        if (sec->field == OST_SECTION_RESIDUE && sec->start != NULL)
            add_foreign(foreign, sec->start->text);
        if (sec->label != NULL && sec->label->spun && sec->label_text != NULL &&
            g_hash_table_add(seen, sec->label_text))
            add_quoted(spun, sec->label_text, &n_spun);
    }
    g_hash_table_unref(seen);
    /* Web readers keep a host's furniture as chrome blocks (a blog's
     * comment form, its byline): no field reads them, but they show whose
     * copy this is. */
    for (guint i = 0; i < ctx->blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(ctx->blocks->items, i);
        if ((b->flags & OST_BLOCK_CHROME) && !(b->flags & OST_BLOCK_LINK))
            add_foreign(foreign, b->text);
    }

    char *markup = NULL;
    for (guint i = 0; i < ctx->blocks->items->len && markup == NULL; i++) {
        const ost_block *b = g_ptr_array_index(ctx->blocks->items, i);
        if (!(b->flags & OST_BLOCK_LINK))
            spinner_markup(b->text, &markup);
    }

    gboolean copy = foreign->len > 0 || n_spun >= 2 || (markup != NULL && n_spun >= 1);
    ost_set_str(&ctx->doc->source.trust, copy ? "third_party" : "official");
    if (copy) {
        GString *why = g_string_new(NULL);
        for (guint i = 0; i < foreign->len; i++)
            g_string_append_printf(why, "%s%s", why->len ? "; " : "",
                                   (char *)g_ptr_array_index(foreign, i));
        if (n_spun > 0)
            g_string_append_printf(why, "%s%u section label%s reworded by a synonym spinner (%s%s)",
                                   why->len ? "; " : "", n_spun, n_spun == 1 ? "" : "s",
                                   spun->str, n_spun > 6 ? ", ..." : "");
        if (markup != NULL)
            g_string_append_printf(why, "%sspinner markup left in the text (\"%s\")",
                                   why->len ? "; " : "", markup);
        ost_doc_warn(ctx->doc, "third_party_copy", NULL,
                     "This is a copy published outside the standard's publisher: %s", why->str);
        g_string_free(why, TRUE);
    }
    g_free(markup);
    g_string_free(spun, TRUE);
    g_ptr_array_unref(foreign);
}
