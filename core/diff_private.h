/* SPDX-License-Identifier: MIT */
/* Shared by the parts of the model diff. */
#ifndef OST_DIFF_PRIVATE_H
#define OST_DIFF_PRIVATE_H

#include <ost/diff.h>

/* Append a change to @changes; every string is copied, any may be NULL. */
void diff_add_change(GPtrArray *changes, ost_change_kind kind, const char *subject,
                     const char *item, const char *old_id, const char *new_id,
                     const char *old_value, const char *new_value);

/* One numbered statement of a list being matched. */
typedef struct diff_item {
    const char *id;
    char *text;     /* owned: "title: text" for named behaviours */
    int partner;    /* index on the other side, or -1 */
} diff_item;

#define DIFF_ITEM(a, i) (&g_array_index((a), diff_item, (i)))

/* An empty list of diff_item. */
GArray *diff_items_new(void);
/* Append a statement; @id and the strings behind it stay borrowed. */
void diff_items_add(GArray *items, const char *id, const char *title, const char *text);

/* Match @olds with @news (setting each partner), record what changed under
 * @subject as @what ("duty", "skill"), and note in @renamed (may be NULL)
 * each old id that now has another. */
void diff_items_match(const char *subject, const char *what, GArray *olds, GArray *news,
                      GHashTable *renamed, GPtrArray *changes);

#endif
