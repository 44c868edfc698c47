/* SPDX-License-Identifier: MIT */
#include "recognize_private.h"

void
__ost_recognize_occupational_map(rec_ctx *ctx)
{
    (void)ctx;
}
