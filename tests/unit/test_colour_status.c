/* SPDX-License-Identifier: MIT */
/* Map status from the colours readers report, decided in the core. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <ost.h>

#include "builtins.h"


static void
test_colour_classes(void **state)
{
    const struct {
        guint32 rgb;
        ost_map_status st;
    } cases[] = {
        {0x000000, OST_MAP_STATUS_AWAITING_STANDARD},
        {0x333333, OST_MAP_STATUS_AWAITING_STANDARD},
        {0x00802e, OST_MAP_STATUS_APPROVED_FOR_DELIVERY},
        {0x20b050, OST_MAP_STATUS_APPROVED_FOR_DELIVERY},
        {0xee9900, OST_MAP_STATUS_STANDARD_PUBLISHED},
        {0xffbf00, OST_MAP_STATUS_STANDARD_PUBLISHED},
        {0xcc1a1a, OST_MAP_STATUS_IN_DEVELOPMENT},
        {0xff0000, OST_MAP_STATUS_IN_DEVELOPMENT},
        {0x808080, OST_MAP_STATUS_NONE},
        {0x1d4f91, OST_MAP_STATUS_NONE},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
        assert_int_equal(ost_colour_status(cases[i].rgb), cases[i].st);
}

/* A PDF map's reader only reports its text colours: the statuses of its
 * occupations are the core's reading of them, the four statuses all found. */
static void
test_pdf_map_statuses_from_colours(void **state)
{
    GError *error = NULL;
    ost_registry *reg = ost_registry_new();
    ost_builtins_register(reg, NULL);
    ost_doc *doc = ost_read_file(reg, OST_SOURCE_DIR "/samples/occupational-map-construction.pdf",
                                 NULL, &error);
    assert_non_null(doc);
    guint seen = 0, n = 0;
    for (guint m = 0; m < doc->occupational_maps->len; m++) {
        const ost_occupational_map *map = g_ptr_array_index(doc->occupational_maps, m);
        for (guint p = 0; p < map->pathways->len; p++) {
            const ost_map_pathway *pw = g_ptr_array_index(map->pathways, p);
            for (guint c = 0; c < pw->clusters->len; c++) {
                const ost_map_cluster *cl = g_ptr_array_index(pw->clusters, c);
                for (guint o = 0; o < cl->occupations->len; o++, n++)
                    seen |= 1u << ((const ost_map_occupation *)g_ptr_array_index(
                                       cl->occupations, o))->status;
            }
        }
    }
    assert_true(n > 0);
    assert_false(seen & (1u << OST_MAP_STATUS_NONE));
    assert_true(seen & (1u << OST_MAP_STATUS_APPROVED_FOR_DELIVERY));
    assert_true(seen & (1u << OST_MAP_STATUS_IN_DEVELOPMENT));
    ost_doc_free(doc);
    ost_registry_free(reg);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_colour_classes),
        cmocka_unit_test(test_pdf_map_statuses_from_colours),
    };
    return cmocka_run_group_tests_name("colour_status", tests, NULL, NULL);
}
