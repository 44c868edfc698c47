/* SPDX-License-Identifier: MIT */
/* Page chrome that reaches the recognisers inside a field's text. */
#include "chrome.h"
#include "pattern.h"

#include <string.h>

char *
__ost_chrome_strip_back_link(char *text)
{
    static GRegex *back;
    if (g_once_init_enter(&back)) {
        /* A link's text stands after a finished sentence (or alone), and
         * names a place on the page in one or two words. */
        GRegex *r = g_regex_new("(?:^|(?<=[.;:!?)]))\\s*Back to(?: the)? \\w+(?: \\w+)?\\s*$",
                                G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&back, r);
    }
    GMatchInfo *m = NULL;
    if (text != NULL && g_regex_match(back, text, 0, &m)) {
        int start;
        g_match_info_fetch_pos(m, 0, &start, NULL);
        text[start] = '\0';
    }
    g_match_info_free(m);
    return text;
}

gboolean
__ost_chrome_cookie_line(const char *text)
{
    static ost_pattern banner = OST_PATTERN(
        "^\\s*(we use (some )?(essential |necessary |analytics )?cookies\\b|"
        "we('d| would) (also )?like to (use|set) (analytics |additional )?cookies\\b|"
        "(accept|reject) (all |analytics |additional )?cookies\\b|view cookies\\s*$)",
        OST_CASELESS);
    return __ost_pattern_match(&banner, text);
}

gboolean
__ost_chrome_footer_link(const char *text)
{
    static ost_pattern footer = OST_PATTERN(
        "^\\s*(accessibility( statement)?|cookies( policy)?|contact( us)?|"
        "privacy( policy| notice)?|terms (and|&) conditions|terms of use|sitemap|site map|"
        "freedom of information|modern slavery statement|support links)\\s*$"
        "|^\\s*(©|\\(c\\)\\s|crown copyright\\b)",
        OST_CASELESS);
    return __ost_pattern_match(&footer, text);
}

gboolean
__ost_chrome_print_line(const char *text)
{
    static ost_pattern furniture = OST_PATTERN(
        "^\\s*((https?|file)://\\S+(\\s+\\d+\\s*/\\s*\\d+)?|\\d+\\s*/\\s*\\d+)\\s*$", 0);
    return __ost_pattern_match(&furniture, text);
}
