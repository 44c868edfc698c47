/* SPDX-License-Identifier: MIT */
/* The ost command-line tool: one file per command. */
#ifndef OST_CLI_H
#define OST_CLI_H

#include <ost.h>

/* Exit codes, as documented in `ost --help`. */
enum { CLI_OK = 0, CLI_SOME_FAILED = 1, CLI_USAGE = 2 };

/* Options every command that uses plugins accepts. */
typedef struct cli_common {
    char **plugin_dirs;   /* --plugin-dir, repeatable */
    gboolean verbose;     /* name each plugin module before loading it */
} cli_common;

/* Add --plugin-dir to @group's entries of @ctx. */
void cli_add_common_options(GOptionContext *ctx, cli_common *common);

/* A registry with the search-path modules and the built-in plugins.
 * Problems loading modules are printed to stderr. */
ost_registry *cli_open_registry(const cli_common *common);

/* Print "ost: message" to stderr, on a line of its own (any progress line
 * is cleared first), with control characters escaped so that a file name
 * can never forge a line of output. */
void cli_error(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

/* @text with control characters written as \n, \t, \xNN (newly allocated). */
char *cli_escape(const char *text);

/* Parse @ctx, printing usage errors. FALSE means exit with CLI_USAGE. */
gboolean cli_parse(GOptionContext *ctx, int *argc, char ***argv);

/* `ost --version`: versions of ost, its libraries and plugin ABI. */
void cli_print_version(void);

int cli_cmd_convert(int argc, char **argv);
int cli_cmd_plugins(int argc, char **argv);
int cli_cmd_blocks(int argc, char **argv);
int cli_cmd_repair(int argc, char **argv);
int cli_cmd_diff(int argc, char **argv);
int cli_cmd_dataset(int argc, char **argv);

#endif
