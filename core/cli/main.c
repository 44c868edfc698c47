/* SPDX-License-Identifier: MIT */
/* ost: convert published occupational standards into structured data. */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "progress.h"

static const char usage_text[] =
    "Usage: ost COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Turn published UK occupational standards (PDFs, web pages, extracted\n"
    "text) into clean structured data: JSON, XML or ODS.\n"
    "\n"
    "Commands:\n"
    "  convert   convert files or whole folders\n"
    "  repair    repair damaged text from stdin to stdout, line by line\n"
    "  plugins   list the input and output plugins and where they came from\n"
    "  blocks    show the block stream a reader makes of a file (for plugin authors)\n"
    "  diff      what changed between two versions of documents, outputs or datasets\n"
    "  dataset   merge shard datasets made with 'convert --dataset --shard'\n"
    "\n"
    "Examples:\n"
    "  ost convert ST1030.pdf                       JSON on stdout\n"
    "  ost convert -o st1030.json ST1030.pdf        JSON into a file\n"
    "  ost convert -t ods -o out/ standards/        one spreadsheet per input, folders walked\n"
    "  ost convert --combine -t ods -o dataset.ods standards/   one dataset from many inputs\n"
    "  ost convert --dataset data/ standards/       keep data/ up to date: only changes converted\n"
    "  pdftotext x.pdf - | ost repair > clean.txt   repair ligature and mojibake damage\n"
    "  ost plugins --plugin-dir ./my-plugins\n"
    "\n"
    "Run 'ost COMMAND --help' for a command's options.\n"
    "Exit status: 0 all converted, 1 some inputs failed, 2 usage error.\n"
    "Plugin search path, for plugins other than the built-in ones: --plugin-dir,\n"
    "then $" OST_PLUGIN_PATH_ENV ", then the install folder (see 'ost --version').\n";

void
cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    char *escaped = cli_escape(msg);
    progress_clear();
    fprintf(stderr, "ost: %s\n", escaped);
    g_free(escaped);
    g_free(msg);
}

char *
cli_escape(const char *text)
{
    GString *out = g_string_sized_new(strlen(text));
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        if (*p == '\n')
            g_string_append(out, "\\n");
        else if (*p == '\t')
            g_string_append(out, "\\t");
        else if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf(out, "\\x%02x", *p);
        else
            g_string_append_c(out, (char)*p);
    }
    return g_string_free(out, FALSE);
}

void
cli_add_common_options(GOptionContext *ctx, cli_common *common)
{
    GOptionEntry entries[] = {
        {"plugin-dir", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &common->plugin_dirs,
         "Load plugins from DIR first (repeatable)", "DIR"},
        G_OPTION_ENTRY_NULL,
    };
    g_option_context_add_main_entries(ctx, entries, NULL);
}

static void
say_loading(const char *path, gpointer unused)
{
    fprintf(stderr, "ost: loading plugin module %s\n", path);
}

ost_registry *
cli_open_registry(const cli_common *common)
{
    ost_registry *reg = ost_registry_new();
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    ost_builtins_register(reg, problems);
    if (common->verbose)
        ost_registry_set_loading_func(reg, say_loading, NULL);
    ost_registry_load_search_path(reg, (const char *const *)common->plugin_dirs);
    const GPtrArray *skipped = ost_registry_problems(reg);
    for (guint i = 0; i < skipped->len; i++)
        g_ptr_array_add(problems, g_strdup(g_ptr_array_index(skipped, i)));
    for (guint i = 0; i < problems->len; i++)
        cli_error("%s", (const char *)g_ptr_array_index(problems, i));
    g_ptr_array_unref(problems);
    return reg;
}

gboolean
cli_parse(GOptionContext *ctx, int *argc, char ***argv)
{
    GError *error = NULL;
    if (!g_option_context_parse(ctx, argc, argv, &error)) {
        cli_error("%s (see --help)", error->message);
        g_error_free(error);
        return FALSE;
    }
    return TRUE;
}

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"convert", cli_cmd_convert},
    {"repair", cli_cmd_repair},
    {"plugins", cli_cmd_plugins},
    {"blocks", cli_cmd_blocks},
    {"diff", cli_cmd_diff},
    {"dataset", cli_cmd_dataset},
};

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return CLI_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage_text, stdout);
        return CLI_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        cli_print_version();
        return CLI_OK;
    }
    /* Only the character type follows the user's locale: numbers in the
     * outputs must never pick up a decimal comma. */
    setlocale(LC_CTYPE, "");
    for (gsize i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            /* Help and errors then read "ost convert ...". */
            char *prgname = g_strdup_printf("ost %s", commands[i].name);
            g_set_prgname(prgname);
            g_free(prgname);
            return commands[i].run(argc - 1, argv + 1);
        }
    cli_error("unknown command \"%s\" (see 'ost --help')", argv[1]);
    return CLI_USAGE;
}
