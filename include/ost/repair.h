/* SPDX-License-Identifier: MIT */
/* The text repair engine: ligature loss, mojibake, broken lines. */
#ifndef OST_REPAIR_H
#define OST_REPAIR_H

#include <ost/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A repairer holds the shared dictionary (loaded once per process) and the
 * evidence gathered from one document: words seen intact in it. Use one
 * repairer per document; it is not thread-safe.
 */
typedef struct ost_repairer ost_repairer;

/** @brief Make a repairer. The dictionary is loaded on first use in the
 *  process. @return NULL with @p error set when no dictionary is found. */
OST_API ost_repairer *ost_repairer_new(GError **error);
OST_API void ost_repairer_free(ost_repairer *rep);

/** @brief Take note of the intact words in @p text as evidence for later
 *  repairs of the same document. Call it on all of a document's text before
 *  repairing any of it. */
OST_API void ost_repairer_learn(ost_repairer *rep, const char *text);

/** @brief Like ost_repairer_learn(), for @p len bytes of @p text, but the
 *  words are only read when a repair first needs evidence, so a document
 *  without damage is never read for it. Repairs come out the same. The
 *  repairer keeps @p text: it must stay unchanged while the repairer lives. */
OST_API void ost_repairer_learn_later(ost_repairer *rep, const char *text, gsize len);

/**
 * @brief Repair the characters of one line or block of text: lost and
 * presentation-form ligatures, mojibake, soft hyphens. Line structure is
 * kept (one output line per input line).
 * @param doc when not NULL, each repair is recorded in doc->source.repairs
 *        and unresolvable damage as a warning.
 * @return a newly allocated string (transfer full).
 */
OST_API char *ost_repairer_fix(ost_repairer *rep, const char *text, ost_doc *doc);

/**
 * @brief Append @p line to the paragraph in @p para, as text wrapped at a
 * line end is rejoined: with one space, or with none where a line-end hyphen
 * split one word ("recog-" + "nise"), keeping the hyphen where the word is
 * itself hyphenated ("high-" + "quality").
 * @param doc when not NULL, hyphenation repairs are recorded.
 */
OST_API void ost_repairer_join(ost_repairer *rep, GString *para, const char *line,
                               ost_doc *doc);

/**
 * @brief Like ost_repairer_fix(), for streaming: repair @p len bytes of
 * @p text (-1: up to the NUL) and append the result to @p out, so one
 * buffer can be reused line after line.
 */
OST_API void ost_repairer_fix_append(ost_repairer *rep, const char *text, gssize len,
                                     GString *out, ost_doc *doc);

/**
 * @brief How many repairs of @p kind ("ligature", "unicode_ligature",
 * "mojibake", "soft_hyphen", "hyphenation") this repairer has made, or,
 * for "unresolved", how many damaged words it had to leave as they were.
 */
OST_API guint64 ost_repairer_count(const ost_repairer *rep, const char *kind);

#ifdef __cplusplus
}
#endif
#endif
