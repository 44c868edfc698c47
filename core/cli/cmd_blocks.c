/* SPDX-License-Identifier: MIT */
/* `ost blocks FILE`: the block stream a reader makes, for plugin authors. */
#include "cli.h"

#include <stdio.h>

static const char *const kind_names[] = {"line", "break", "heading", "item", "row", "page"};

int
cli_cmd_blocks(int argc, char **argv)
{
    cli_common common = {0};
    char *reader_name = NULL;
    GOptionEntry entries[] = {
        {"from", 'f', 0, G_OPTION_ARG_STRING, &reader_name, "Input plugin (default: detect)", "NAME"},
        G_OPTION_ENTRY_NULL,
    };
    GOptionContext *ctx = g_option_context_new("FILE - show the blocks a reader makes of FILE");
    g_option_context_add_main_entries(ctx, entries, NULL);
    cli_add_common_options(ctx, &common);
    gboolean ok = cli_parse(ctx, &argc, &argv);
    g_option_context_free(ctx);
    if (!ok || argc != 2) {
        if (ok)
            cli_error("blocks takes exactly one FILE");
        g_strfreev(common.plugin_dirs);
        g_free(reader_name);
        return CLI_USAGE;
    }
    int rc = CLI_OK;
    ost_registry *reg = cli_open_registry(&common);
    char *data = NULL;
    gsize len = 0;
    GError *error = NULL;
    if (!ost_file_load(argv[1], OST_MAX_INPUT_BYTES, (guint8 **)&data, &len, &error)) {
        cli_error("%s: %s", argv[1], error->message);
        rc = CLI_SOME_FAILED;
        goto out;
    }
    ost_input in = {argv[1], (const guint8 *)data, len};
    const ost_reader_info *reader = reader_name != NULL ? ost_registry_find_reader(reg, reader_name)
                                                        : ost_registry_best_reader(reg, &in, NULL);
    if (reader == NULL) {
        cli_error("%s: no input plugin for this file", argv[1]);
        rc = CLI_SOME_FAILED;
        goto out;
    }
    ost_blocks *blocks = ost_blocks_new();
    ost_read_context *read_ctx = ost_read_context_new();
    if (reader->read(&in, blocks, read_ctx, &error) != OST_OK) {
        cli_error("%s: %s", argv[1], error != NULL ? error->message : "read failed");
        rc = CLI_SOME_FAILED;
    }
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        printf("%-7s p%d l%d lv%d fs%.1f st%d f%x", kind_names[b->kind], b->page, b->line,
               b->level, b->font_size, (int)b->status, b->flags);
        if (b->flags & OST_BLOCK_COLOR)
            printf(" c%06x", (unsigned)b->color);
        if (b->flags & OST_BLOCK_BACKGROUND)
            printf(" bg%06x", (unsigned)b->background);
        if (b->number != NULL)
            printf(" n%s", b->number);
        printf(" | %s\n", b->text != NULL ? b->text : "");
    }
    ost_blocks_free(blocks);
    ost_read_context_free(read_ctx);
out:
    g_clear_error(&error);
    g_free(data);
    g_free(reader_name);
    ost_registry_free(reg);
    g_strfreev(common.plugin_dirs);
    return rc;
}
