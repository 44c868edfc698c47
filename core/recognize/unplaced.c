/* SPDX-License-Identifier: MIT */
/* Keeping content no model field names: in `extra`, or named in a warning. */
#include "unplaced.h"
#include "pattern.h"
#include "text.h"

#include <string.h>

char *
__ost_extra_key(const char *label)
{
    char *k = __ost_text_clean(label);
    gsize n = k != NULL ? strlen(k) : 0;
    if (n > 1 && k[n - 1] == ':')
        k[n - 1] = '\0';
    return k;
}

ost_pair *
__ost_extra_find(GPtrArray *extra, const char *key)
{
    for (guint i = 0; key != NULL && i < extra->len; i++) {
        ost_pair *p = g_ptr_array_index(extra, i);
        if (strcmp(p->key, key) == 0)
            return p;
    }
    return NULL;
}

void
__ost_keep_unplaced(GPtrArray *extra, ost_doc *doc, const char *heading, const char *text,
                    const char *where)
{
    char *key = __ost_extra_key(heading);
    if (key == NULL || text == NULL || *text == '\0') {
        g_free(key);
        return;
    }
    ost_pair *same = __ost_extra_find(extra, key);
    glong len = __ost_text_len(text) + (same != NULL ? __ost_text_len(same->value) : 0);
    if (len >= OST_UNPLACED_MAX_CHARS) {
        ost_doc_warn(doc, "unplaced_content", where,
                     "The section \"%s\" (%ld characters) matches no field and is too long "
                     "to keep in extra; it is left out", key, len);
    } else if (same != NULL) {
        char *joined = g_strconcat(same->value, "\n\n", text, NULL);
        g_free(same->value);
        same->value = joined;
    } else {
        g_ptr_array_add(extra, ost_pair_new(key, text));
    }
    g_free(key);
}

char *
__ost_excerpt(const char *text, glong max)
{
    if (__ost_text_len(text) <= max)
        return g_strdup(text);
    const char *end = g_utf8_offset_to_pointer(text, max);
    return g_strdup_printf("%.*s…", (int)(end - text), text);
}

gboolean
__ost_loose_fact(const char *text, char **label, char **value)
{
    static ost_pattern not_a_name = OST_PATTERN("^(duty|d)\\s*\\d+$|^(https?|www)$", OST_CASELESS);
    /* A label of one to five words, the first capitalised, a colon, then
     * a short value. (Dashes separate too much else: "Level 3 - Technical
     * occupation".) */
    static ost_pattern fact = OST_PATTERN("^\\s*(\\p{Lu}[\\w’'()/&-]*(?: [\\w’'()/&-]+){0,4})"
                                          "\\s*:\\s+(\\S.{0,199})$", 0);
    char *parts[2];
    gboolean ok = __ost_pattern_fetch(&fact, text, 2, parts);
    if (ok) {
        char *l = parts[0];
        char *v = parts[1];
        char *code = NULL;
        const char *rest;
        int words = 1;
        for (const char *p = v; *p != '\0'; p++)
            words += *p == ' ';
        /* "K1: ...", "Duty 2: ..." start statements; a sentence after a
         * lead-in ("Please note: this standard ...") is prose. */
        if (__ost_parse_coded(text, &code, &rest) ||
            __ost_pattern_match(&not_a_name, l) ||
            strstr(v, "://") != NULL || (words > 6 && __ost_text_ends_sentence(v))) {
            ok = FALSE;
        } else {
            *label = __ost_text_clean(l);
            *value = __ost_text_clean(v);
            ok = *label != NULL && *value != NULL;
            if (!ok) {
                g_clear_pointer(label, g_free);
                g_clear_pointer(value, g_free);
            }
        }
        g_free(code);
        g_free(l);
        g_free(v);
    }
    return ok;
}
