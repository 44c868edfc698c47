/* SPDX-License-Identifier: MIT */
/* The fast path: find out, in one pass, whether a text can hold damage. */
#include "repair_private.h"

#include <string.h>

/* Characters NFC leaves alone whatever surrounds them. Everything else
 * (combining marks, singletons, Hangul, other scripts) sends the text
 * through the normaliser, which is slow but rare in standards. */
static gboolean
nfc_stable(gint32 c)
{
    return c < 0x300 || (c >= 0x2010 && c <= 0x2064) || (c >= 0x20A0 && c <= 0x20C0) ||
           (c >= 0x2190 && c <= 0x2328) || (c >= 0x232B && c <= 0x2BFF) ||
           c == 0xFFFD || (c >= 0xFB00 && c <= 0xFB06);
}

/* Is @c a lead byte, in some code page, followed by what may continue it
 * there: a continuation byte, a lost one, a space for a no-break one? */
static gboolean
may_start_mojibake(const ost_cp_masks *m, gint32 c, const char *next, gsize len)
{
    guint lead = c < CP_DIRECT_CHARS ? m->lead[c] : __ost_cp_lead_mask((gunichar)c);
    if (lead == 0)
        return FALSE;
    guchar b = (guchar)next[0];
    if (b < 0x80)
        return b == ' ' || b == '?';
    gsize n;
    gint32 d = __ost_utf8_get(next, len, &n);
    if (d == 0xFFFD)
        return TRUE;
    return d >= 0 && (lead & (d < CP_DIRECT_CHARS ? m->continuation[d]
                                                  : __ost_cp_continuation_mask((gunichar)d)));
}

guint
__ost_scan(const char *s, gsize len)
{
    guint flags = 0;
    gsize i = 0;
    ost_cp_masks masks = {NULL, NULL};
    while (i < len) {
        i = __ost_ascii_end(s, i, len);
        if (i >= len)
            break;
        if (masks.lead == NULL)
            masks = __ost_cp_masks();
        gsize n;
        gint32 c = __ost_utf8_get(s + i, len - i, &n);
        i += n;
        if (c < 0) {
            flags |= SCAN_INVALID;
            continue;
        }
        if (c == 0xFFFD)
            flags |= SCAN_REPLACEMENT;
        else if (c >= 0xFB00 && c <= 0xFB06)
            flags |= SCAN_PRESENTATION;
        else if (c == 0xAD)
            flags |= SCAN_SOFT_HYPHEN;
        else if (c < 0xA0)
            flags |= SCAN_MOJIBAKE; /* a C1 control */
        else if (i < len && (flags & SCAN_MOJIBAKE) == 0 &&
                 may_start_mojibake(&masks, c, s + i, len - i))
            flags |= SCAN_MOJIBAKE;
        if (!nfc_stable(c))
            flags |= SCAN_NOT_NFC;
    }
    return flags;
}
