/* SPDX-License-Identifier: MIT */
/* The HTML reader alone (parse + walk to blocks) against libxml2's parse
 * alone, on the same pages in memory: the reader's own cost, without the
 * repair, recognition and writing stages that `ost convert` adds.
 *
 *   html_read_bench [-n ROUNDS] PAGE.html...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ost.h>

#include "builtins.h"
#include <libxml/HTMLparser.h>

int
main(int argc, char **argv)
{
    int rounds = 20, first = 1;
    if (argc > 2 && strcmp(argv[1], "-n") == 0) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || rounds <= 0) {
        fprintf(stderr, "usage: html_read_bench [-n ROUNDS] PAGE.html...\n");
        return 2;
    }
    ost_registry *reg = ost_registry_new();
    ost_builtins_register(reg, NULL);
    const ost_reader_info *html = ost_registry_find_reader(reg, "html");
    GPtrArray *pages = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    gsize total = 0;
    for (int i = first; i < argc; i++) {
        char *data;
        gsize len;
        if (!g_file_get_contents(argv[i], &data, &len, NULL)) {
            fprintf(stderr, "cannot read %s\n", argv[i]);
            return 1;
        }
        g_ptr_array_add(pages, g_bytes_new_take(data, len));
        total += len;
    }

    gint64 t0 = g_get_monotonic_time();
    for (int r = 0; r < rounds; r++)
        for (guint i = 0; i < pages->len; i++) {
            gsize len;
            const char *data = g_bytes_get_data(g_ptr_array_index(pages, i), &len);
            htmlDocPtr doc = htmlReadMemory(data, (int)len, NULL, NULL,
                                            HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                                HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
            xmlFreeDoc(doc);
        }
    gint64 t1 = g_get_monotonic_time();
    guint blocks_made = 0;
    for (int r = 0; r < rounds; r++)
        for (guint i = 0; i < pages->len; i++) {
            gsize len;
            const guint8 *data = g_bytes_get_data(g_ptr_array_index(pages, i), &len);
            ost_input in = {"bench", data, len};
            ost_blocks *blocks = ost_blocks_new();
            ost_read_context *ctx = ost_read_context_new();
            if (html->read(&in, blocks, ctx, NULL) == OST_OK)
                blocks_made += blocks->items->len;
            ost_blocks_free(blocks);
            ost_read_context_free(ctx);
        }
    gint64 t2 = g_get_monotonic_time();

    double parse = (t1 - t0) / 1e6, reader = (t2 - t1) / 1e6;
    printf("pages %u x %d rounds, %.1f MB per round\n", pages->len, rounds, total / 1e6);
    printf("libxml2 htmlReadMemory      %8.3f s\n", parse);
    printf("ost html reader (to blocks) %8.3f s  (%u blocks)\n", reader, blocks_made);
    printf("ratio reader / parse: %.2f\n", parse > 0 ? reader / parse : 0.0);
    g_ptr_array_unref(pages);
    ost_registry_free(reg);
    return 0;
}
