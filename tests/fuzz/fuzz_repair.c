/* SPDX-License-Identifier: MIT */
/* The repair engine on any bytes: the first line is learnt as evidence,
 * the rest fixed, then joined as wrapped lines are. */
#include "fuzz_common.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ost_repairer *warm;
    if (warm == NULL) /* loads the dictionary once */
        warm = ost_repairer_new(NULL);
    if (warm == NULL)
        __builtin_trap();
    char *text = g_strndup((const char *)data, size); /* text ends at a NUL */
    char *rest = strchr(text, '\n');
    if (rest != NULL)
        *rest++ = '\0';
    ost_repairer *rep = ost_repairer_new(NULL);
    ost_doc *doc = ost_doc_new();
    ost_repairer_learn(rep, text);
    char *fixed = ost_repairer_fix(rep, rest != NULL ? rest : text, doc);
    GString *para = g_string_new(text);
    ost_repairer_join(rep, para, fixed, doc);
    GString *out = g_string_new(NULL);
    ost_repairer_fix_append(rep, para->str, (gssize)para->len, out, doc);
    g_string_free(out, TRUE);
    g_string_free(para, TRUE);
    g_free(fixed);
    ost_doc_free(doc);
    ost_repairer_free(rep);
    g_free(text);
    return 0;
}
