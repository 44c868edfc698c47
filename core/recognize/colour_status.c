/* SPDX-License-Identifier: MIT */
/* Occupational map status from the colours readers report: decided here,
 * once, whatever the format. */
#include "colour_status.h"

#include <math.h>

/* Maps print their statuses in whatever green, amber and red the designer
 * chose, so colours are classed by hue; dark colours read as black (an
 * occupation awaiting its standard) and unsaturated ones (grey) as no
 * status. */
ost_map_status
ost_colour_status(guint32 rgb)
{
    double r = ((rgb >> 16) & 0xff) / 255.0, g = ((rgb >> 8) & 0xff) / 255.0,
           b = (rgb & 0xff) / 255.0;
    double max = MAX(r, MAX(g, b)), min = MIN(r, MIN(g, b));
    if (max < 0.3)
        return OST_MAP_STATUS_AWAITING_STANDARD;
    if ((max - min) / max < 0.35)
        return OST_MAP_STATUS_NONE;
    double hue;
    if (max == r)
        hue = 60.0 * fmod((g - b) / (max - min) + 6.0, 6.0);
    else if (max == g)
        hue = 60.0 * ((b - r) / (max - min) + 2.0);
    else
        hue = 60.0 * ((r - g) / (max - min) + 4.0);
    if (hue < 18.0 || hue >= 335.0)
        return OST_MAP_STATUS_IN_DEVELOPMENT;
    if (hue < 70.0)
        return OST_MAP_STATUS_STANDARD_PUBLISHED;
    if (hue >= 75.0 && hue < 170.0)
        return OST_MAP_STATUS_APPROVED_FOR_DELIVERY;
    return OST_MAP_STATUS_NONE;
}

static gboolean
coloured(ost_map_status st)
{
    return st != OST_MAP_STATUS_NONE && st != OST_MAP_STATUS_AWAITING_STANDARD;
}

/* A document shows statuses by colour when its text comes in at least two
 * of the status colours. Then an item (an occupation) takes the status of
 * its colour, black included, and a line that of its colour when it has
 * one; blocks whose reader gave a status keep it. */
void
__ost_colour_status_apply(ost_blocks *blocks)
{
    guint seen = 0;
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (!(b->flags & OST_BLOCK_COLOR))
            continue;
        ost_map_status st = ost_colour_status(b->color);
        if (coloured(st))
            seen |= 1u << st;
    }
    if ((seen & (seen - 1)) == 0)
        return;
    for (guint i = 0; i < blocks->items->len; i++) {
        ost_block *b = g_ptr_array_index(blocks->items, i);
        if (!(b->flags & OST_BLOCK_COLOR) || b->status != OST_MAP_STATUS_NONE ||
            (b->flags & OST_BLOCK_CHROME))
            continue;
        ost_map_status st = ost_colour_status(b->color);
        if (b->kind == OST_BLOCK_ITEM || (b->kind == OST_BLOCK_LINE && coloured(st)))
            b->status = st;
    }
}
