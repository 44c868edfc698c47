/* SPDX-License-Identifier: MIT */
/* An output plugin built outside the ost tree: each standard as Markdown,
 * what a training provider pastes into a course page.
 *
 *   cc -shared -fPIC -o ost-markdown.so ost-markdown.c $(pkg-config --cflags --libs ost)
 *   ost convert --plugin-dir . -t markdown ST0509.pdf
 */
#include <ost.h>

#include <string.h>

/* Text as Markdown shows it: characters Markdown would read as markup are
 * escaped, line breaks inside a field become spaces. */
static void
put_text(GString *out, const char *text)
{
    for (const char *p = text; *p != '\0'; p++) {
        if (strchr("\\`*_[]<>#|", *p) != NULL)
            g_string_append_c(out, '\\');
        g_string_append_c(out, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
}

static void
put_fact(GString *out, const char *label, const char *value)
{
    if (value == NULL)
        return;
    g_string_append_printf(out, "- **%s:** ", label);
    put_text(out, value);
    g_string_append_c(out, '\n');
}

static void
put_paragraph(GString *out, const char *heading, const char *text)
{
    if (text == NULL)
        return;
    g_string_append_printf(out, "\n## %s\n\n", heading);
    put_text(out, text);
    g_string_append_c(out, '\n');
}

static void
put_ksbs(GString *out, const char *heading, const GPtrArray *ksbs)
{
    if (ksbs->len == 0)
        return;
    g_string_append_printf(out, "\n### %s\n\n", heading);
    for (guint i = 0; i < ksbs->len; i++) {
        const ost_ksb *k = g_ptr_array_index(ksbs, i);
        g_string_append(out, "- ");
        if (k->id != NULL)
            g_string_append_printf(out, "**%s** ", k->id);
        if (k->title != NULL) {
            put_text(out, k->title);
            g_string_append(out, ": ");
        }
        put_text(out, k->text != NULL ? k->text : "");
        g_string_append_c(out, '\n');
    }
}

static void
put_standard(GString *out, const ost_standard *s)
{
    g_string_append(out, "# ");
    put_text(out, s->title != NULL ? s->title : "Untitled standard");
    if (s->reference != NULL)
        g_string_append_printf(out, " (%s)", s->reference);
    g_string_append(out, "\n\n");
    if (s->level != 0)
        g_string_append_printf(out, "- **Level:** %d\n", s->level);
    if (s->typical_duration_months != 0)
        g_string_append_printf(out, "- **Typical duration:** %d months\n",
                               s->typical_duration_months);
    put_fact(out, "Route", s->route);
    put_fact(out, "Version", s->version);
    put_fact(out, "Status", s->status);
    put_paragraph(out, "Overview of the role", s->overview_of_role);
    put_paragraph(out, "Occupation summary", s->occupation_summary);
    if (s->typical_job_titles->len > 0) {
        g_string_append(out, "\n## Typical job titles\n\n");
        for (guint i = 0; i < s->typical_job_titles->len; i++) {
            g_string_append(out, "- ");
            put_text(out, g_ptr_array_index(s->typical_job_titles, i));
            g_string_append_c(out, '\n');
        }
    }
    if (s->duties->len > 0) {
        g_string_append(out, "\n## Duties\n\n");
        for (guint i = 0; i < s->duties->len; i++) {
            const ost_duty *d = g_ptr_array_index(s->duties, i);
            g_string_append_printf(out, "%u. ", i + 1);
            put_text(out, d->text != NULL ? d->text : "");
            g_string_append_c(out, '\n');
        }
    }
    if (s->knowledge->len + s->skills->len + s->behaviours->len > 0)
        g_string_append(out, "\n## What the apprentice will learn\n");
    put_ksbs(out, "Knowledge", s->knowledge);
    put_ksbs(out, "Skills", s->skills);
    put_ksbs(out, "Behaviours", s->behaviours);
    put_paragraph(out, "Entry requirements", s->entry_requirements);
    put_paragraph(out, "Qualifications", s->qualifications);
}

static ost_status
markdown_write(const ost_doc *const *docs, gsize n_docs, guint flags, GByteArray *out,
               GError **error)
{
    GString *md = g_string_new(NULL);
    for (gsize d = 0; d < n_docs; d++)
        for (guint i = 0; i < docs[d]->standards->len; i++) {
            if (md->len > 0)
                g_string_append(md, "\n---\n\n");
            put_standard(md, g_ptr_array_index(docs[d]->standards, i));
        }
    if (md->len == 0) {
        g_string_free(md, TRUE);
        g_set_error(error, OST_ERROR, OST_ERR_UNSUPPORTED,
                    "no standard to write as Markdown (only standards are)");
        return OST_ERR_UNSUPPORTED;
    }
    g_byte_array_append(out, (const guint8 *)md->str, (guint)md->len);
    g_string_free(md, TRUE);
    return OST_OK;
}

static const ost_writer_info markdown_writer = {
    .size = sizeof(ost_writer_info),
    .name = "markdown",
    .description = "Markdown of each standard, for a course page",
    .extension = "md",
    .mime_type = "text/markdown",
    .flags = 0,
    .write = markdown_write,
    .url = "https://commonmark.org/",
};

static ost_status
markdown_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_writer(reg, &markdown_writer);
}

OST_PLUGIN_DEFINE(markdown, "Markdown output for course pages", "1.0", "MIT", markdown_init)
