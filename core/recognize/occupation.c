/* SPDX-License-Identifier: MIT */
#include "recognize_private.h"

void
__ost_recognize_occupation(rec_ctx *ctx)
{
    (void)ctx;
}
