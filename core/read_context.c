/* SPDX-License-Identifier: MIT */
/* What a reader reports beside its blocks, applied to the document later. */
#include <ost/plugin.h>

/* The warnings wait in a document of their own, so the model stays the one
 * owner of how a warning is made and freed. */
struct ost_read_context {
    int pages;
    ost_doc *pending;
};

ost_read_context *
ost_read_context_new(void)
{
    ost_read_context *ctx = g_new0(ost_read_context, 1);
    ctx->pending = ost_doc_new();
    return ctx;
}

void
ost_read_context_free(ost_read_context *ctx)
{
    if (ctx == NULL)
        return;
    ost_doc_free(ctx->pending);
    g_free(ctx);
}

void
ost_read_context_warn(ost_read_context *ctx, const char *code, const char *where,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    ost_doc_warn(ctx->pending, code, where, "%s", message);
    g_free(message);
}

void
ost_read_context_set_pages(ost_read_context *ctx, int pages)
{
    ctx->pages = pages;
}

int
ost_read_context_get_pages(const ost_read_context *ctx)
{
    return ctx->pages;
}

const GPtrArray *
ost_read_context_get_warnings(const ost_read_context *ctx)
{
    return ctx->pending->source.warnings;
}

void
ost_read_context_apply(ost_read_context *ctx, ost_doc *doc)
{
    if (ctx->pages > 0)
        doc->source.pages = ctx->pages;
    GPtrArray *warnings = ctx->pending->source.warnings;
    while (warnings->len > 0)
        g_ptr_array_add(doc->source.warnings, g_ptr_array_steal_index(warnings, 0));
}
