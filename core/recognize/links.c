/* SPDX-License-Identifier: MIT */
/* The standard a document links to as its own, read from link addresses. */
#include "recognize_private.h"
#include "pattern.h"
#include "text.h"

#include <string.h>

/* Standards are addressed by reference and version: ".../st0499-v1-3",
 * ".../st0499", "ST0499_v1.2_standard.pdf". Only a segment of the path
 * counts: a share link carries the page's own address in its query
 * ("?url=.../st0499-v1-3"), and a word merely containing the letters
 * ("best0499") is no reference. */
static gboolean
standard_address(const char *href, char **reference, char **version)
{
    static GRegex *re;
    if (g_once_init_enter(&re)) {
        GRegex *r = g_regex_new("(?:^|/)st(\\d{4})(?:[-_]v(\\d+(?:[-_.]\\d+)*))?(?=$|[/_.-])",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&re, r);
    }
    const char *path = strstr(href, "://");
    path = path != NULL ? strchr(path + 3, '/') : href;
    if (path == NULL)
        return FALSE;
    char *p = g_strndup(path, strcspn(path, "?#"));
    GMatchInfo *m = NULL;
    gboolean ok = g_regex_match(re, p, 0, &m);
    if (ok) {
        char *digits = g_match_info_fetch(m, 1);
        char *v = g_match_info_fetch(m, 2);
        *reference = g_strconcat("ST", digits, NULL);
        *version = NULL;
        if (v != NULL && *v != '\0') {
            g_strdelimit(v, "-_", '.');
            *version = g_steal_pointer(&v);
        }
        g_free(v);
        g_free(digits);
    }
    g_match_info_free(m);
    g_free(p);
    return ok;
}

/* "View the latest version", "Previous versions": a link to another
 * version of the standard, not to the one the page carries. */
static gboolean
other_version(const char *text)
{
    static ost_pattern another_version = OST_PATTERN("\\b(latest|newest|newer|previous|older|earlier|other|all)\\b"
                                ".*\\bversions?\\b|\\bversion (log|history)\\b", OST_CASELESS);
    return __ost_pattern_match(&another_version, text);
}

static gboolean
names_standard(const char *text)
{
    static ost_pattern standard_word = OST_PATTERN("\\b(apprenticeship|standard)s?\\b", OST_CASELESS);
    return __ost_pattern_match(&standard_word, text);
}

/* Agree on one reference among the links (only those naming the standard
 * when @p only_named); the version is kept when every link that states
 * one states the same. */
static gboolean
agree(GPtrArray *refs, GPtrArray *versions, GArray *named, gboolean only_named,
      char **reference, char **version)
{
    const char *ref = NULL, *ver = NULL;
    gboolean ver_clash = FALSE;
    for (guint i = 0; i < refs->len; i++) {
        if (only_named && !g_array_index(named, gboolean, i))
            continue;
        const char *r = g_ptr_array_index(refs, i), *v = g_ptr_array_index(versions, i);
        if (ref != NULL && strcmp(ref, r) != 0)
            return FALSE;
        ref = r;
        if (v != NULL && ver != NULL && strcmp(ver, v) != 0)
            ver_clash = TRUE;
        else if (v != NULL)
            ver = v;
    }
    if (ref == NULL)
        return FALSE;
    *reference = g_strdup(ref);
    *version = ver_clash ? NULL : g_strdup(ver);
    return TRUE;
}

typedef struct found_addresses {
    GPtrArray *refs, *versions;
    GArray *named; /* gboolean: the link's text names the standard */
} found_addresses;

static void
found_add(found_addresses *f, const char *text, const char *address)
{
    char *r = NULL, *v = NULL;
    if ((text != NULL && other_version(text)) || !standard_address(address, &r, &v))
        return;
    gboolean n = text != NULL && names_standard(text);
    g_ptr_array_add(f->refs, r);
    g_ptr_array_add(f->versions, v);
    g_array_append_val(f->named, n);
}

static void
found_clear(found_addresses *f)
{
    g_ptr_array_unref(f->refs);
    g_ptr_array_unref(f->versions);
    g_array_unref(f->named);
}

/* Text that is nothing but an address ("/apprenticeships/st1472", as a
 * page's version log may show its own), read like a link with no text; in
 * text laid out in columns, an address that fills its column. */
static void
found_add_written(found_addresses *f, const char *text)
{
    text += strspn(text, " \t");
    if (*text != '/' && !g_str_has_prefix(text, "http"))
        return;
    gsize len = strcspn(text, " \t");
    const char *after = text + len;
    if (*after == '\0' || *after == '\t' || (after[0] == ' ' && after[1] == ' ')) {
        char *address = g_strndup(text, len);
        found_add(f, NULL, address);
        g_free(address);
    }
}

/* Links to related standards may sit beside the page's own; the one that
 * calls itself the standard or apprenticeship decides then. */
static gboolean
found_agree(const found_addresses *f, char **reference, char **version)
{
    return agree(f->refs, f->versions, f->named, FALSE, reference, version) ||
           agree(f->refs, f->versions, f->named, TRUE, reference, version);
}

static found_addresses
found_new(void)
{
    return (found_addresses){g_ptr_array_new_with_free_func(g_free),
                             g_ptr_array_new_with_free_func(g_free),
                             g_array_new(FALSE, FALSE, sizeof(gboolean))};
}

gboolean
__ost_standard_link(const ost_blocks *blocks, char **reference, char **version)
{
    found_addresses links = found_new();
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if ((b->flags & OST_BLOCK_LINK) && b->cells != NULL && b->cells->len >= 2)
            found_add(&links, g_ptr_array_index(b->cells, 0), g_ptr_array_index(b->cells, 1));
    }
    gboolean ok = found_agree(&links, reference, version);
    found_clear(&links);
    return ok;
}

gboolean
__ost_standard_written_address(const ost_blocks *blocks, char **reference, char **version)
{
    found_addresses written = found_new();
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b->flags & (OST_BLOCK_LINK | OST_BLOCK_CHROME))
            continue;
        if (b->cells != NULL) {
            for (guint c = 0; c < b->cells->len; c++)
                found_add_written(&written, g_ptr_array_index(b->cells, c));
        } else if (b->text != NULL) {
            found_add_written(&written, b->text);
        }
    }
    gboolean ok = found_agree(&written, reference, version);
    found_clear(&written);
    return ok;
}
