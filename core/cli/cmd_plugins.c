/* SPDX-License-Identifier: MIT */
/* `ost plugins`: what can be read and written, and from where. */
#include "cli.h"

#include <stdio.h>

static void
print_folders(const ost_registry *reg)
{
    printf("Plugin folders searched, in order:\n");
    for (guint i = 0; i < ost_registry_n_dirs(reg); i++) {
        gboolean found;
        const char *dir = ost_registry_dir_at(reg, i, &found);
        printf("  %s%s\n", dir, found ? "" : " (not found)");
    }
}

int
cli_cmd_plugins(int argc, char **argv)
{
    cli_common common = {0};
    GOptionEntry entries[] = {
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &common.verbose,
         "Name each plugin module before loading it", NULL},
        G_OPTION_ENTRY_NULL,
    };
    GOptionContext *ctx = g_option_context_new("- list input and output plugins");
    g_option_context_add_main_entries(ctx, entries, NULL);
    cli_add_common_options(ctx, &common);
    gboolean ok = cli_parse(ctx, &argc, &argv);
    g_option_context_free(ctx);
    if (!ok || argc > 1) {
        if (ok)
            cli_error("plugins takes no arguments");
        g_strfreev(common.plugin_dirs);
        return CLI_USAGE;
    }
    ost_registry *reg = cli_open_registry(&common);
    const char *origin;
    printf("Input plugins:\n");
    for (guint i = 0; i < ost_registry_n_readers(reg); i++) {
        const ost_reader_info *r = ost_registry_reader_at(reg, i, &origin);
        char *exts = r->extensions != NULL ? g_strjoinv(", ", (char **)r->extensions) : g_strdup("");
        printf("  %-8s %s [%s]\n           from %s\n", r->name, r->description, exts, origin);
        if (r->url != NULL)
            printf("           see %s\n", r->url);
        g_free(exts);
    }
    printf("Output plugins:\n");
    for (guint i = 0; i < ost_registry_n_writers(reg); i++) {
        const ost_writer_info *w = ost_registry_writer_at(reg, i, &origin);
        printf("  %-8s %s [.%s%s%s]\n           from %s\n", w->name, w->description,
               w->extension, (w->flags & OST_WRITER_BINARY) ? ", binary" : "",
               (w->flags & OST_WRITER_FOLDER) ? ", folder" : "", origin);
        if (w->url != NULL)
            printf("           see %s\n", w->url);
    }
    print_folders(reg);
    ost_registry_free(reg);
    g_strfreev(common.plugin_dirs);
    return CLI_OK;
}
