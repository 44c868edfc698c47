/* SPDX-License-Identifier: MIT */
/* Page chrome that reaches the recognisers inside a field's text. */
#ifndef OST_RECOGNIZE_CHROME_H
#define OST_RECOGNIZE_CHROME_H

#include <glib.h>

/* @p text without a trailing in-page link ("... disposal of waste. Back to
 * Duty", "Back to top"), as a printed page or its extracted text keeps it
 * at the end of each statement (transfer full of @p text: the same string
 * is returned, shortened in place). NULL stays NULL. */
char *__ost_chrome_strip_back_link(char *text);

/* Whether @p text (may be NULL) is a line of a cookie banner ("We use some
 * essential cookies ...", "Reject analytics cookies"): page chrome wherever
 * it stands, which a printed page or its text keeps at the top. */
gboolean __ost_chrome_cookie_line(const char *text);

/* A footer's link on a line of its own ("Accessibility statement",
 * "Cookies", "Contact us"), or its copyright line: where it stands, the
 * page's own text has ended. */
gboolean __ost_chrome_footer_link(const char *text);

/* A browser's print header or footer line left in a printed page's text:
 * the page's address (with its page count) or the page count alone
 * ("file:///.../page.html 1/2", "1/2"). */
gboolean __ost_chrome_print_line(const char *text);

#endif
