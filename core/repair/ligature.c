/* SPDX-License-Identifier: MIT */
/* Ligatures: lost ones (U+FFFD) resolved, presentation forms expanded. */
#include "repair_private.h"
/* Fixed text is appended a word at a time. */
#include "../../plugins/common/gstring_put.h"

#include <stdarg.h>
#include <string.h>

/* The readings of a lost ligature, most frequent first: on a tie the
 * earlier one wins. */
static const char *const readings[] = {"fi", "ff", "fl", "ffi", "ffl"};
static const char *const readings_upper[] = {"FI", "FF", "FL", "FFI", "FFL"};
#define N_READINGS G_N_ELEMENTS(readings)

/* Beyond this many losses in one word the readings get too many and any
 * answer too doubtful. */
#define MAX_LOSSES 4

static const char *const presentation[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};

#define RESOLVED_MAX 50000

/* A soft hyphen goes, but one ending the text (a line, as laid out) is
 * where the word was broken and shows as a hyphen: it stays one, for
 * ost_repairer_join() to decide. */
static void
strip_soft_hyphens(ost_repairer *rep, const char *w, gsize len, gboolean at_end, GString *out,
                   ost_doc *doc)
{
    gsize start = out->len;
    for (gsize i = 0; i < len; i++) {
        if ((guchar)w[i] == 0xC2 && i + 1 < len && (guchar)w[i + 1] == 0xAD) {
            i++;
            if (at_end && i + 1 == len && out->len > start)
                g_string_append_c(out, '-');
        } else {
            g_string_append_c(out, w[i]);
        }
    }
    __ost_record(rep, doc, REPAIR_SOFT_HYPHEN, w, len, out->str + start, out->len - start);
}

static void
expand_presentation(ost_repairer *rep, const char *w, gsize len, GString *out, ost_doc *doc)
{
    gsize start = out->len;
    for (gsize i = 0; i < len;) {
        gsize n;
        gint32 c = __ost_utf8_get(w + i, len - i, &n);
        if (c >= 0xFB00 && c <= 0xFB06)
            g_string_append(out, presentation[c - 0xFB00]);
        else
            __ost_gstring_put(out, w + i, n);
        i += n;
    }
    __ost_record(rep, doc, REPAIR_UNICODE_LIGATURE, w, len, out->str + start, out->len - start);
}

/* The best reading of @w, each U+FFFD a ligature, into @best; FALSE when
 * no reading is a word. A reading scoring as well (no evidence and no
 * frequency tells them apart) goes into @rival. */
static gboolean
best_reading(ost_repairer *rep, const char *w, gsize len, GString *best, GString *rival)
{
    gsize holes[MAX_LOSSES];
    gsize n_holes = 0, letters = 0, upper = 0;
    for (gsize i = 0; i < len;) {
        gsize n;
        gint32 c = __ost_utf8_get(w + i, len - i, &n);
        if (c == 0xFFFD) {
            if (n_holes == MAX_LOSSES)
                return FALSE;
            holes[n_holes++] = i;
        } else if (g_unichar_isalpha((gunichar)c)) {
            letters++;
            upper += g_unichar_isupper((gunichar)c) ? 1 : 0;
        }
        i += n;
    }
    if (letters == 0)
        return FALSE;
    /* Capitals only: "OFFICER"; a lone capital after the loss too ("FIX"),
     * but not before it ("Off"). */
    gboolean capitals = upper == letters && (letters >= 2 || holes[0] == 0);
    const char *const *set = capitals ? readings_upper : readings;
    GString *cand = g_string_sized_new(len + 8), *folded = g_string_sized_new(len + 8);
    gsize pick[MAX_LOSSES] = {0};
    double best_score = 0.0;
    gsize best_rank = G_MAXSIZE;
    for (;;) {
        g_string_truncate(cand, 0);
        gsize from = 0, rank = 0;
        for (gsize h = 0; h < n_holes; h++) {
            g_string_append_len(cand, w + from, (gssize)(holes[h] - from));
            g_string_append(cand, set[pick[h]]);
            from = holes[h] + 3;
            rank += pick[h];
        }
        g_string_append_len(cand, w + from, (gssize)(len - from));
        g_string_truncate(folded, 0);
        __ost_fold(cand->str, cand->len, folded);
        double score = __ost_word_score(rep, folded->str, folded->len, TRUE);
        if (score > best_score || (score == best_score && score > 0 && rank < best_rank)) {
            if (score == best_score)
                g_string_assign(rival, best->str);
            else
                g_string_truncate(rival, 0);
            best_score = score;
            best_rank = rank;
            g_string_assign(best, cand->str);
        } else if (score == best_score && score > 0 && rival->len == 0) {
            g_string_assign(rival, cand->str);
        }
        gsize h = 0;
        while (h < n_holes && ++pick[h] == N_READINGS)
            pick[h++] = 0;
        if (h == n_holes)
            break;
    }
    g_string_free(cand, TRUE);
    g_string_free(folded, TRUE);
    return best_score > 0;
}

/* Resolving a word is costly and words repeat: answers are kept until the
 * evidence changes. An answer is the reading, then a tab and the reading
 * that scored as well when there is one; "" when there is none. */
static const char *
resolve(ost_repairer *rep, const char *w, gsize len)
{
    guint generation = __ost_evidence_generation(rep->ev);
    if (generation != rep->resolved_generation ||
        g_hash_table_size(rep->resolved) >= RESOLVED_MAX) {
        g_hash_table_remove_all(rep->resolved);
        rep->resolved_generation = generation;
    }
    /* Most words were resolved before: looked up without a copy. */
    char probe[DICT_MAX_WORD + 1];
    if (len < sizeof probe) {
        memcpy(probe, w, len);
        probe[len] = '\0';
        const char *known = g_hash_table_lookup(rep->resolved, probe);
        if (known != NULL)
            return known;
    }
    char *key = g_strndup(w, len);
    const char *known = g_hash_table_lookup(rep->resolved, key);
    if (known != NULL) {
        g_free(key);
        return known;
    }
    GString *best = g_string_new(NULL), *rival = g_string_new(NULL);
    if (!best_reading(rep, w, len, best, rival))
        g_string_truncate(best, 0);
    else if (rival->len > 0)
        g_string_append_printf(best, "\t%s", rival->str);
    char *answer = g_string_free(best, FALSE);
    g_string_free(rival, TRUE);
    g_hash_table_insert(rep->resolved, key, answer);
    return answer;
}

/* Warn about @key once per repairer. */
static void G_GNUC_PRINTF(5, 6)
warn_once(ost_repairer *rep, ost_doc *doc, const char *key, const char *code,
          const char *format, ...)
{
    if (doc == NULL || g_hash_table_size(rep->warned) >= RESOLVED_MAX ||
        !g_hash_table_add(rep->warned, g_strdup(key)))
        return;
    va_list args;
    va_start(args, format);
    char *message = g_strdup_vprintf(format, args);
    va_end(args);
    ost_doc_warn(doc, code, NULL, "%s", message);
    g_free(message);
}

static void
resolve_losses(ost_repairer *rep, const char *w, gsize len, gboolean by_digit, GString *out,
               ost_doc *doc)
{
    const char *answer = by_digit ? "" : resolve(rep, w, len);
    if (*answer != '\0') {
        const char *tab = strchr(answer, '\t');
        gsize n = tab != NULL ? (gsize)(tab - answer) : strlen(answer);
        __ost_gstring_put(out, answer, n);
        __ost_record(rep, doc, REPAIR_LIGATURE, w, len, answer, n);
        if (tab != NULL)
            warn_once(rep, doc, answer, "ambiguous_ligature",
                      "\"%.*s\" read as \"%.*s\": \"%s\" is as likely, as far as the "
                      "document and word frequencies tell",
                      (int)len, w, (int)n, answer, tab + 1);
        return;
    }
    __ost_gstring_put(out, w, len);
    rep->counts[REPAIR_UNRESOLVED]++;
    char *word = g_strndup(w, len);
    warn_once(rep, doc, word, "unresolved_replacement_char",
              "U+FFFD in \"%s\" left as it is: no ligature reading makes it a word", word);
    g_free(word);
}

void
__ost_word_fix(ost_repairer *rep, const char *w, gsize len, guint damage, gboolean by_digit,
               gboolean at_end, GString *out, ost_doc *doc)
{
    GString *a = NULL, *b = NULL;
    if (damage & SCAN_SOFT_HYPHEN) {
        a = g_string_sized_new(len);
        strip_soft_hyphens(rep, w, len, at_end, a, doc);
        w = a->str, len = a->len;
    }
    if (damage & SCAN_PRESENTATION) {
        b = g_string_sized_new(len + 8);
        expand_presentation(rep, w, len, b, doc);
        w = b->str, len = b->len;
    }
    if (damage & SCAN_REPLACEMENT)
        resolve_losses(rep, w, len, by_digit, out, doc);
    else
        __ost_gstring_put(out, w, len);
    if (a != NULL)
        g_string_free(a, TRUE);
    if (b != NULL)
        g_string_free(b, TRUE);
}
