/* SPDX-License-Identifier: MIT */
/* `ost repair`: stdin to stdout, one output line per input line. */
#include "cli.h"

int
cli_cmd_repair(int argc, char **argv)
{
    cli_error("repair: not available in this build");
    return CLI_USAGE;
}
