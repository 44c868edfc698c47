/* SPDX-License-Identifier: MIT */
#include "fuzz_common.h"

#include "builtins.h"

const ost_registry *
fuzz_registry(void)
{
    static ost_registry *reg;
    if (reg == NULL) {
        reg = ost_registry_new();
        ost_builtins_register(reg, NULL);
    }
    return reg;
}

ost_doc *
fuzz_read(const uint8_t *data, size_t size, const char *reader)
{
    GError *error = NULL;
    ost_doc *doc = ost_read_bytes(fuzz_registry(), "fuzz-input", data, size, reader, &error);
    if (doc == NULL && error == NULL)
        __builtin_trap(); /* every refusal must say why */
    g_clear_error(&error);
    return doc;
}
