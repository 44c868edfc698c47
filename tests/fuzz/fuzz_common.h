/* SPDX-License-Identifier: MIT */
/* What every harness shares: the registry of built-in plugins, set up once
 * (the dictionary too is loaded once, by the first repairer). */
#ifndef OST_FUZZ_COMMON_H
#define OST_FUZZ_COMMON_H
#include <ost.h>

#include <stddef.h>
#include <stdint.h>

const ost_registry *fuzz_registry(void);
/* Read @p data as a document (the reader named, or the best bidder when
 * @p reader is NULL): NULL, with the error dropped, when it is refused. */
ost_doc *fuzz_read(const uint8_t *data, size_t size, const char *reader);
#endif
