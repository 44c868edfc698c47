/* SPDX-License-Identifier: MIT */
/* Placeholder repairer: passes text through unchanged. */
#include <ost/repair.h>

struct ost_repairer {
    int unused;
};

ost_repairer *
ost_repairer_new(GError **error)
{
    (void)error;
    return g_new0(ost_repairer, 1);
}

void
ost_repairer_free(ost_repairer *rep)
{
    g_free(rep);
}

void
ost_repairer_learn(ost_repairer *rep, const char *text)
{
}

char *
ost_repairer_fix(ost_repairer *rep, const char *text, ost_doc *doc)
{
    return g_strdup(text);
}

void
ost_repairer_join(ost_repairer *rep, GString *para, const char *line, ost_doc *doc)
{
    if (para->len > 0)
        g_string_append_c(para, ' ');
    g_string_append(para, line);
}
