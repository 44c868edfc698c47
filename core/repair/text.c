/* SPDX-License-Identifier: MIT */
/* UTF-8 helpers of the repair engine: decoding, folding, word characters. */
#include "repair_private.h"

gint32
__ost_utf8_get(const char *s, gsize len, gsize *n)
{
    const guchar *u = (const guchar *)s;
    guchar b = u[0];
    gsize need;
    gint32 c, min;
    *n = 1;
    if (b < 0x80)
        return b;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 2, c = b & 0x1F, min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 3, c = b & 0x0F, min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 4, c = b & 0x07, min = 0x10000;
    } else {
        return -1;
    }
    if (len < need)
        return -1;
    for (gsize i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return -1;
        c = (c << 6) | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return -1;
    *n = need;
    return c;
}

void
__ost_fold(const char *s, gsize len, GString *out)
{
    for (gsize i = 0; i < len;) {
        guchar b = (guchar)s[i];
        if (b < 0x80) {
            g_string_append_c(out, g_ascii_tolower(b));
            i++;
            continue;
        }
        gsize n;
        gint32 c = __ost_utf8_get(s + i, len - i, &n);
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
            g_string_append_c(out, '\'');
        else if (c >= 0)
            g_string_append_unichar(out, g_unichar_tolower(c));
        else
            g_string_append_len(out, s + i, 1);
        i += n;
    }
}

gboolean
__ost_is_word_char_slow(gunichar c)
{
    return c == 0xFFFD || c == 0xAD || g_unichar_isalpha(c) || g_unichar_ismark(c);
}
