/* SPDX-License-Identifier: MIT */
/* UTF-8 helpers of the repair engine: decoding, folding, word characters. */
#include "repair_private.h"

void
__ost_fold(const char *s, gsize len, GString *out)
{
    for (gsize i = 0; i < len;) {
        gsize ascii = __ost_ascii_end(s, i, len);
        if (ascii > i) {
            gsize at = out->len;
            g_string_set_size(out, at + (ascii - i));
            for (; i < ascii; i++)
                out->str[at++] = (char)((guchar)s[i] >= 'A' && (guchar)s[i] <= 'Z' ? s[i] + 32 : s[i]);
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
