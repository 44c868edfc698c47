/* SPDX-License-Identifier: MIT */
/* The changes ost_diff_docs() finds, for people and for programs. */
#include <ost/diff.h>

#include <json-glib/json-glib.h>
#include <string.h>

static const char *const kind_names[] = {
    [OST_CHANGE_ADDED] = "added",       [OST_CHANGE_REMOVED] = "removed",
    [OST_CHANGE_CHANGED] = "changed",   [OST_CHANGE_REWORDED] = "reworded",
    [OST_CHANGE_MOVED] = "moved",       [OST_CHANGE_LINKS] = "links",
};

const char *
ost_change_kind_name(ost_change_kind kind)
{
    return kind < G_N_ELEMENTS(kind_names) ? kind_names[kind] : NULL;
}


static void
quoted(GString *out, const char *s)
{
    if (s == NULL)
        g_string_append(out, "null");
    else
        g_string_append_printf(out, "\"%s\"", s);
}

/* Too long to read old and new on one line. */
static gboolean
is_long(const char *s)
{
    return s != NULL && (strlen(s) > 60 || strchr(s, '\n') != NULL);
}

static void
write_change_text(const ost_change *c, GString *out)
{
    switch (c->kind) {
    case OST_CHANGE_ADDED:
        g_string_append_printf(out, "  + %s %s", c->item, c->new_id != NULL ? c->new_id : "");
        if (c->new_value != NULL)
            g_string_append_printf(out, ": %s", c->new_value);
        break;
    case OST_CHANGE_REMOVED:
        g_string_append_printf(out, "  - %s %s", c->item, c->old_id != NULL ? c->old_id : "");
        if (c->old_value != NULL)
            g_string_append_printf(out, ": %s", c->old_value);
        break;
    case OST_CHANGE_CHANGED:
        if (strcmp(c->item, "field") == 0)
            g_string_append_printf(out, "  ~ %s", c->old_id);
        else
            g_string_append_printf(out, "  ~ %s %s", c->item, c->new_id);
        if (is_long(c->old_value) || is_long(c->new_value)) {
            g_string_append(out, " changed\n      was: ");
            quoted(out, c->old_value);
            g_string_append(out, "\n      now: ");
        } else {
            g_string_append(out, ": ");
            quoted(out, c->old_value);
            g_string_append(out, " -> ");
        }
        quoted(out, c->new_value);
        break;
    case OST_CHANGE_MOVED:
        g_string_append_printf(out, "  > %s %s is now %s", c->item, c->old_id, c->new_id);
        if (c->new_value != NULL)
            g_string_append_printf(out, ", reworded\n      was: %s\n      now: %s",
                                   c->old_value, c->new_value);
        break;
    case OST_CHANGE_REWORDED:
        g_string_append_printf(out, "  ~ %s %s reworded\n      was: %s\n      now: %s", c->item,
                               c->new_id, c->old_value, c->new_value);
        break;
    case OST_CHANGE_LINKS:
        g_string_append_printf(out, "  ~ duty %s links", c->new_id);
        if (c->new_value != NULL)
            g_string_append_printf(out, ", added %s", c->new_value);
        if (c->old_value != NULL)
            g_string_append_printf(out, ", removed %s", c->old_value);
        break;
    }
    g_string_append_c(out, '\n');
}

void
ost_diff_write_text(const GPtrArray *changes, GString *out)
{
    const char *subject = NULL;
    for (guint i = 0; i < changes->len; i++) {
        const ost_change *c = g_ptr_array_index(changes, i);
        if (subject == NULL || strcmp(subject, c->subject) != 0) {
            subject = c->subject;
            g_string_append_printf(out, "%s\n", subject);
        }
        write_change_text(c, out);
    }
    if (changes->len == 0)
        g_string_append(out, "No differences.\n");
    else
        g_string_append_printf(out, "%u difference%s.\n", changes->len,
                               changes->len == 1 ? "" : "s");
}

static void
member(JsonBuilder *b, const char *key, const char *value)
{
    json_builder_set_member_name(b, key);
    if (value == NULL)
        json_builder_add_null_value(b);
    else
        json_builder_add_string_value(b, value);
}

void
ost_diff_write_json(const GPtrArray *changes, GString *out)
{
    JsonBuilder *b = json_builder_new_immutable();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "same");
    json_builder_add_boolean_value(b, changes->len == 0);
    json_builder_set_member_name(b, "changes");
    json_builder_begin_array(b);
    for (guint i = 0; i < changes->len; i++) {
        const ost_change *c = g_ptr_array_index(changes, i);
        json_builder_begin_object(b);
        member(b, "change", ost_change_kind_name(c->kind));
        member(b, "subject", c->subject);
        member(b, "item", c->item);
        member(b, "old_id", c->old_id);
        member(b, "new_id", c->new_id);
        member(b, "old", c->old_value);
        member(b, "new", c->new_value);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
    JsonNode *root = json_builder_get_root(b);
    JsonGenerator *gen = json_generator_new();
    json_generator_set_pretty(gen, TRUE);
    json_generator_set_indent(gen, 2);
    json_generator_set_root(gen, root);
    char *text = json_generator_to_data(gen, NULL);
    g_string_append(out, text);
    g_string_append_c(out, '\n');
    g_free(text);
    g_object_unref(gen);
    json_node_unref(root);
    g_object_unref(b);
}
