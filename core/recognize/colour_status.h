/* SPDX-License-Identifier: MIT */
/* Occupational map status from the colours readers report. */
#ifndef OST_COLOUR_STATUS_H
#define OST_COLOUR_STATUS_H

#include <ost/blocks.h>

/* Set the status of the blocks whose colour shows one (see the .c file). */
void __ost_colour_status_apply(ost_blocks *blocks);

#endif
