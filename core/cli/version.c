/* SPDX-License-Identifier: MIT */
/* `ost --version`: what this ost is made of, as it runs. */
#include "cli.h"

#include <stdio.h>

#include <libxml/parser.h>
#include <poppler.h>
#include <zip.h>

void
cli_print_version(void)
{
    printf("ost %s\n", OST_VERSION);
    printf("data model %s\n", OST_MODEL_VERSION);
    printf("plugin ABI %d.%d\n", OST_PLUGIN_ABI_MAJOR, OST_PLUGIN_ABI_MINOR);
    /* The versions of the libraries loaded now, which may be newer than
     * the ones ost was built with. */
    printf("GLib %u.%u.%u\n", glib_major_version, glib_minor_version, glib_micro_version);
    printf("Poppler %s\n", poppler_get_version());
    int xml = 0;
    sscanf(xmlParserVersion, "%d", &xml);
    printf("libxml2 %d.%d.%d\n", xml / 10000, xml / 100 % 100, xml % 100);
    printf("libzip %s\n", zip_libzip_version());
    printf("plugin folders, searched in this order:\n");
    char **path = ost_registry_search_path(NULL);
    for (guint i = 0; path[i] != NULL; i++)
        printf("  %s\n", path[i]);
    g_strfreev(path);
}
