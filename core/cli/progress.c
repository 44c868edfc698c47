/* SPDX-License-Identifier: MIT */
/* One progress line on a terminal, cut to its width so that it never wraps. */
#include "progress.h"
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static struct {
    gboolean on;
    gboolean shown;
    guint total;
    gint64 started;
} progress;

G_LOCK_DEFINE_STATIC(progress);

static guint
terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *columns = g_getenv("COLUMNS");
    int n = columns != NULL ? atoi(columns) : 0;
    return n > 0 ? (guint)n : 80;
}

void
progress_start(guint total, gboolean enabled)
{
    G_LOCK(progress);
    progress.on = enabled && total > 1 && isatty(STDERR_FILENO);
    progress.shown = FALSE;
    progress.total = total;
    progress.started = g_get_monotonic_time();
    G_UNLOCK(progress);
}

static void
format_duration(GString *s, double seconds)
{
    guint t = (guint)(seconds + 0.5);
    if (t >= 3600)
        g_string_append_printf(s, "%u:%02u:%02u", t / 3600, t / 60 % 60, t % 60);
    else
        g_string_append_printf(s, "%u:%02u", t / 60, t % 60);
}

void
progress_update(guint done, const char *current)
{
    G_LOCK(progress);
    if (!progress.on) {
        G_UNLOCK(progress);
        return;
    }
    double elapsed = (double)(g_get_monotonic_time() - progress.started) / G_USEC_PER_SEC;
    double rate = elapsed > 0 ? done / elapsed : 0;
    GString *line = g_string_new(NULL);
    g_string_append_printf(line, "[%u/%u] %3u%%", done, progress.total,
                           (guint)(100.0 * done / progress.total));
    if (rate > 0) {
        g_string_append_printf(line, " %.1f/s ", rate);
        format_duration(line, (progress.total - done) / rate);
        g_string_append(line, " left");
    }
    if (current != NULL) {
        char *name = cli_escape(current);
        g_string_append_printf(line, " %s", name);
        g_free(name);
    }
    char *valid = g_utf8_make_valid(line->str, -1);
    g_string_assign(line, valid);
    g_free(valid);
    /* One column spare: writing the last column makes some terminals wrap. */
    guint width = MAX(terminal_width(), 2) - 1;
    if (g_utf8_strlen(line->str, -1) > width)
        g_string_truncate(line, (gsize)(g_utf8_offset_to_pointer(line->str, width) - line->str));
    fprintf(stderr, "\r\033[K%s", line->str);
    fflush(stderr);
    progress.shown = TRUE;
    g_string_free(line, TRUE);
    G_UNLOCK(progress);
}

void
progress_clear(void)
{
    G_LOCK(progress);
    if (progress.shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        progress.shown = FALSE;
    }
    G_UNLOCK(progress);
}

void
progress_end(void)
{
    progress_clear();
    G_LOCK(progress);
    progress.on = FALSE;
    G_UNLOCK(progress);
}
