/* SPDX-License-Identifier: MIT */
/* What changed between two sets of documents, at the level of the model. */
#ifndef OST_DIFF_H
#define OST_DIFF_H

#include <ost/model.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum ost_change_kind {
    OST_CHANGE_ADDED,     /**< only in the new set */
    OST_CHANGE_REMOVED,   /**< only in the old set */
    OST_CHANGE_CHANGED,   /**< a field's value changed, or the options a duty belongs to */
    OST_CHANGE_REWORDED,  /**< a duty or KSB kept its id, its text changed */
    OST_CHANGE_MOVED,     /**< a duty or KSB renumbered (S18 became S19), maybe reworded */
    OST_CHANGE_LINKS,     /**< a duty's KSB links changed */
} ost_change_kind;

/** One difference. Strings are owned; those that do not apply are NULL. */
typedef struct ost_change {
    ost_change_kind kind;
    char *subject;   /**< what holds it: "ST1030 1.3", "occupation OCC0509" */
    char *item;      /**< "standard", "field", "duty", "duty options", "option", "knowledge", ... */
    char *old_id;    /**< the item's old id, or the field's name */
    char *new_id;
    char *old_value; /**< old text or value; for LINKS the links removed */
    char *new_value; /**< new text or value; for LINKS the links added */
} ost_change;

/** @brief The spelling of @p kind in the JSON report: "added", "moved", ... */
OST_API const char *ost_change_kind_name(ost_change_kind kind);

/**
 * @brief Compare the documents @p old_docs with @p new_docs. Standards are
 * matched by reference and version (then by reference alone), occupations
 * by code, map entries by their place on the map, functional map units by
 * map and code; which file a record came from does not matter.
 * @return the changes (ost_change*, owned) in a fixed order: empty when
 * the sets say the same.
 */
OST_API GPtrArray *ost_diff_docs(const ost_doc *const *old_docs, gsize n_old,
                                 const ost_doc *const *new_docs, gsize n_new);

OST_API void ost_change_free(ost_change *c);

/** @brief @p changes as a summary for people, appended to @p out. */
OST_API void ost_diff_write_text(const GPtrArray *changes, GString *out);

/** @brief @p changes as JSON ({"same": bool, "changes": [...]}), appended
 *  to @p out. */
OST_API void ost_diff_write_json(const GPtrArray *changes, GString *out);

#ifdef __cplusplus
}
#endif
#endif
