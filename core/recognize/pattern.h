/* SPDX-License-Identifier: MIT */
/* Regular expressions of the recognisers, compiled once with PCRE2. */
#ifndef OST_RECOGNIZE_PATTERN_H
#define OST_RECOGNIZE_PATTERN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib.h>
#include <pcre2.h>

/* A pattern owned by the file that uses it, as a static object: compiled
 * on first use (thread-safe) and kept for the process. Patterns are UTF-8
 * with Unicode classes (\w, \s and \b know letters and no-break spaces)
 * and any line ending, as GLib's GRegex reads them. */
typedef struct ost_pattern {
    const char *source;
    guint32 options; /* PCRE2 compile options besides the above */
    gsize ready;
    pcre2_code *code;
} ost_pattern;

#define OST_PATTERN(source, options) {(source), (options), 0, NULL}
#define OST_CASELESS PCRE2_CASELESS

/* Whether @p text (may be NULL: no) holds a match. */
gboolean __ost_pattern_match(ost_pattern *p, const char *text);

/* The first match: the byte offsets of group @p group (0: the whole match)
 * in @p start and @p end. FALSE when there is no match, or the group took
 * no part in it. */
gboolean __ost_pattern_span(ost_pattern *p, const char *text, guint group, int *start,
                            int *end);

/* Groups 1 to @p n of the first match into @p groups (transfer full each;
 * "" for a group that took no part). FALSE, setting none, when there is
 * no match. */
gboolean __ost_pattern_fetch(ost_pattern *p, const char *text, guint n, char **groups);

/* Group @p group of the first match (transfer full), or NULL. */
char *__ost_pattern_group(ost_pattern *p, const char *text, guint group);

/* @p text cut at every match (transfer full; g_strfreev). */
char **__ost_pattern_split(ost_pattern *p, const char *text);

/* @p text with every match replaced by @p with, a plain string
 * (transfer full). */
char *__ost_pattern_replace(ost_pattern *p, const char *text, const char *with);

#endif
