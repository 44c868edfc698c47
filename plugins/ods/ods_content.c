/* SPDX-License-Identifier: MIT */
/* content.xml: tables, rows and typed cells of an OpenDocument spreadsheet. */
#include "ods_content.h"
#include "ods_names.h"

#include <stdlib.h>
#include <string.h>

/* Written compact, as LibreOffice writes it: whitespace between elements is
 * legal but some readers (odfpy) trip over it, and it costs megabytes on
 * large sheets. */

static const char *const column_widths[ODS_N_WIDTHS] = {
    [ODS_WIDTH_CODE] = "2.5cm",
    [ODS_WIDTH_SHORT] = "4cm",
    [ODS_WIDTH_MEDIUM] = "6cm",
    [ODS_WIDTH_TEXT] = "10cm",
    [ODS_WIDTH_MARK] = "1.3cm",
};

/* A row whose text runs past this many lines gets a fixed height of that
 * many lines (style ro1), so one long summary does not fill the screen;
 * the whole text is in the cell, shown when it is selected. */
#define ODS_LONG_ROW_LINES 4
#define ODS_ROW_HEIGHT "1.9cm"
/* Characters of a wrapped line in a 10 cm column at the default font. */
#define ODS_TEXT_LINE_CHARS 60

/* The named cell style (styles.xml) a data cell of each width gets. */
static const char *const cell_styles[ODS_N_WIDTHS] = {
    [ODS_WIDTH_TEXT] = ODS_STYLE_TEXT,
    [ODS_WIDTH_MARK] = ODS_STYLE_MARK,
};

/* Bytes cell_text() cannot copy as they are: markup characters, white
 * space, control characters and the start of any non-ASCII character. */
enum { PLAIN, SPECIAL, CONTROL, HIGH };

static guint8 byte_class[256];

static void
init_byte_classes(void)
{
    for (int b = 0; b < 0x20; b++)
        byte_class[b] = CONTROL;
    for (int b = 0x80; b < 0x100; b++)
        byte_class[b] = HIGH;
    byte_class['&'] = byte_class['<'] = byte_class['>'] = SPECIAL;
    byte_class[' '] = byte_class['\t'] = byte_class['\n'] = byte_class['\r'] = SPECIAL;
}

static void
write_column_styles(xmlout *x)
{
    for (int i = 0; i < ODS_N_WIDTHS; i++) {
        char name[8];
        g_snprintf(name, sizeof name, "co%d", i + 1);
        xmlout_start(x, "style:style");
        xmlout_attr(x, "style:name", name);
        xmlout_attr(x, "style:family", "table-column");
        xmlout_start(x, "style:table-column-properties");
        xmlout_attr(x, "fo:break-before", "auto");
        xmlout_attr(x, "style:column-width", column_widths[i]);
        xmlout_end(x);
        xmlout_end(x);
    }
    xmlout_start(x, "style:style");
    xmlout_attr(x, "style:name", "ro1");
    xmlout_attr(x, "style:family", "table-row");
    xmlout_start(x, "style:table-row-properties");
    xmlout_attr(x, "style:row-height", ODS_ROW_HEIGHT);
    xmlout_attr(x, "style:use-optimal-row-height", "false");
    xmlout_end(x);
    xmlout_end(x);
}

void
ods_content_begin_io(ods_content *c, xmlOutputWriteCallback sink, void *sink_data)
{
    static gsize classes_ready = 0;
    if (g_once_init_enter(&classes_ready)) {
        init_byte_classes();
        g_once_init_leave(&classes_ready, 1);
    }
    memset(c, 0, sizeof *c);
    c->row = g_string_sized_new(4096);
    c->table_names = g_ptr_array_new_with_free_func(g_free);
    c->filter_ranges = g_array_new(FALSE, FALSE, sizeof(ods_range));
    xmlout *x = &c->x;
    xmlout_begin_io(x, sink, sink_data, FALSE);
    xmlout_start(x, "office:document-content");
    xmlout_attr(x, "xmlns:office", ODS_NS_OFFICE);
    xmlout_attr(x, "xmlns:style", ODS_NS_STYLE);
    xmlout_attr(x, "xmlns:text", ODS_NS_TEXT);
    xmlout_attr(x, "xmlns:table", ODS_NS_TABLE);
    xmlout_attr(x, "xmlns:fo", ODS_NS_FO);
    xmlout_attr(x, "office:version", ODS_ODF_VERSION);
    xmlout_start(x, "office:automatic-styles");
    write_column_styles(x);
    xmlout_end(x);
    xmlout_start(x, "office:body");
    xmlout_start(x, "office:spreadsheet");
}

void
ods_content_begin(ods_content *c, GByteArray *out)
{
    ods_content_begin_io(c, xmlout_append, out);
}

/* "A", "Z", "AA": the column letters of the 0-based column @i. */
static void
column_letters(GString *out, guint i)
{
    char letters[8];
    int n = 0;
    for (i++; i > 0; i = (i - 1) / 26)
        letters[n++] = (char)('A' + (i - 1) % 26);
    while (n > 0)
        g_string_append_c(out, letters[--n]);
}

static void
quoted_table_name(GString *out, const char *name)
{
    g_string_append_c(out, '\'');
    for (const char *p = name; *p != '\0'; p++) {
        if (*p == '\'')
            g_string_append_c(out, '\'');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '\'');
}

/* An autofilter on every table: the unnamed database range of its sheet,
 * named as LibreOffice and Excel name them, over the header and the rows. */
static void
write_filters(ods_content *c)
{
    if (c->filter_ranges->len == 0)
        return;
    xmlout *x = &c->x;
    xmlout_start(x, "table:database-ranges");
    GString *address = g_string_new(NULL);
    for (guint i = 0; i < c->filter_ranges->len; i++) {
        const ods_range *r = &g_array_index(c->filter_ranges, ods_range, i);
        const char *table = g_ptr_array_index(c->table_names, r->table);
        g_string_truncate(address, 0);
        quoted_table_name(address, table);
        g_string_append(address, ".A1:");
        quoted_table_name(address, table);
        g_string_append_c(address, '.');
        column_letters(address, r->columns - 1);
        g_string_append_printf(address, "%u", r->rows);
        char *name = g_strdup_printf("__Anonymous_Sheet_DB__%u", r->table);
        xmlout_start(x, "table:database-range");
        xmlout_attr(x, "table:name", name);
        xmlout_attr(x, "table:target-range-address", address->str);
        xmlout_attr(x, "table:display-filter-buttons", "true");
        xmlout_end(x);
        g_free(name);
    }
    g_string_free(address, TRUE);
    xmlout_end(x);
}

ost_status
ods_content_finish(ods_content *c, GError **error)
{
    write_filters(c);
    g_string_free(c->row, TRUE);
    c->row = NULL;
    return xmlout_finish(&c->x, "content.xml", error);
}

void
ods_content_clear(ods_content *c)
{
    g_clear_pointer(&c->table_names, g_ptr_array_unref);
    g_clear_pointer(&c->filter_ranges, g_array_unref);
}

/* Column declarations, runs of equal widths merged. */
static void
write_columns(xmlout *x, const ods_column *columns, guint n)
{
    for (guint i = 0; i < n;) {
        guint run = 1;
        while (i + run < n && columns[i + run].width == columns[i].width)
            run++;
        char style[8];
        g_snprintf(style, sizeof style, "co%d", (int)columns[i].width + 1);
        xmlout_start(x, "table:table-column");
        xmlout_attr(x, "table:style-name", style);
        if (run > 1)
            xmlout_attr_int(x, "table:number-columns-repeated", run);
        xmlout_attr(x, "table:default-cell-style-name", ODS_STYLE_DEFAULT);
        xmlout_end(x);
        i += run;
    }
}

/* Rows are assembled as markup in c->row and handed to the sink whole
 * (xmlout_raw): one libxml2 call per row instead of six per cell made the
 * cells half the cost of a large workbook. The markup is fixed apart from
 * text, which is escaped here as xmlTextWriterWriteString would. */

static void
append(GString *s, const char *literal)
{
    g_string_append_len(s, literal, (gssize)strlen(literal));
}

static void
flush_empty_cells(ods_content *c)
{
    if (c->pending_empty == 1)
        append(c->row, "<table:table-cell/>");
    else if (c->pending_empty > 1)
        g_string_append_printf(c->row, "<table:table-cell table:number-columns-repeated=\"%u\"/>",
                               c->pending_empty);
    c->pending_empty = 0;
}

/* An attribute whose value needs no escaping (style names, numbers, ISO
 * dates, true/false). */
static void
cell_attr(ods_content *c, const char *name, const char *value)
{
    g_string_append_c(c->row, ' ');
    append(c->row, name);
    append(c->row, "=\"");
    append(c->row, value);
    g_string_append_c(c->row, '"');
}

/* Open a cell; the caller adds value attributes, then cell_body(). */
static void
start_cell(ods_content *c, const char *style, const char *value_type)
{
    flush_empty_cells(c);
    append(c->row, "<table:table-cell");
    if (style != NULL)
        cell_attr(c, "table:style-name", style);
    cell_attr(c, "office:value-type", value_type);
    c->row_has_cell = TRUE;
    c->cells++;
}

static void
end_cell(ods_content *c)
{
    append(c->row, "</table:table-cell>");
    c->column++;
}

/* The style a data cell of the current column gets, or NULL. */
static const char *
column_style(const ods_content *c)
{
    return c->column < c->n_columns ? cell_styles[c->columns[c->column].width] : NULL;
}

/* @text as paragraphs: a newline starts a new text:p; spaces ODF would
 * collapse (a leading one, or a run of them) become text:s and tabs
 * text:tab, so the text survives as given. One pass over the bytes: on
 * the 100,000-row benchmark the former four passes (check, scan, split,
 * escape) were a quarter of the writer's time. FALSE, with nothing kept,
 * if @text is not clean XML text and must be cleaned first. */
static gboolean
cell_text(GString *s, const char *text)
{
    gsize mark = s->len;
    gboolean collapsible = TRUE; /* a space here would be dropped */
    gboolean high = FALSE;
    const char *run = text;      /* start of the text not written yet */
    append(s, "<text:p>");
    for (const char *p = text;; p++) {
        guint8 cls = byte_class[(guint8)*p];
        if (cls == PLAIN) {
            collapsible = FALSE;
            continue;
        }
        if (cls == HIGH) {
            /* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
            if ((guint8)p[0] == 0xEF && (guint8)p[1] == 0xBF &&
                ((guint8)p[2] == 0xBE || (guint8)p[2] == 0xBF))
                break;
            high = TRUE;
            collapsible = FALSE;
            continue;
        }
        if (cls == CONTROL && *p != '\0')
            break;
        if (*p == ' ' && !collapsible) {
            collapsible = TRUE;
            continue;
        }
        g_string_append_len(s, run, p - run);
        if (*p == '\0') {
            append(s, "</text:p>");
            if (high && !g_utf8_validate(text, p - text, NULL))
                break;
            return TRUE;
        }
        collapsible = FALSE;
        switch (*p) {
        case '&': append(s, "&amp;"); break;
        case '<': append(s, "&lt;"); break;
        case '>': append(s, "&gt;"); break;
        case '\t': append(s, "<text:tab/>"); break;
        case '\r': break;
        case '\n':
            append(s, "</text:p><text:p>");
            collapsible = TRUE;
            break;
        case ' ': {
            guint n = 1;
            while (p[n] == ' ')
                n++;
            if (n > 1)
                g_string_append_printf(s, "<text:s text:c=\"%u\"/>", n);
            else
                append(s, "<text:s/>");
            p += n - 1;
            break;
        }
        }
        run = p + 1;
    }
    g_string_truncate(s, mark);
    return FALSE;
}

/* Close the start tag and write @text as the cell's paragraphs. */
static void
cell_body(ods_content *c, const char *text)
{
    g_string_append_c(c->row, '>');
    if (!cell_text(c->row, text))
        cell_text(c->row, xmlout_text(&c->x, text));
}

static void
row_begin(ods_content *c)
{
    g_string_assign(c->row, "<table:table-row>");
    c->column = 0;
    c->pending_empty = 0;
    c->row_has_cell = FALSE;
    c->row_is_long = FALSE;
}

static void
row_end(ods_content *c)
{
    /* Trailing empty cells are left out; a row needs one cell, though. */
    if (!c->row_has_cell)
        g_string_append(c->row, "<table:table-cell/>");
    g_string_append(c->row, "</table:table-row>");
    if (c->row_is_long)
        g_string_insert(c->row, strlen("<table:table-row"), " table:style-name=\"ro1\"");
    xmlout_raw(&c->x, c->row->str, c->row->len);
    c->pending_empty = 0;
    c->table_rows++;
}

void
ods_table_begin(ods_content *c, const char *name, const ods_column *columns,
                guint n_columns)
{
    g_return_if_fail(n_columns <= ODS_MAX_COLUMNS);
    xmlout *x = &c->x;
    g_ptr_array_add(c->table_names, g_strdup(name));
    xmlout_start(x, "table:table");
    xmlout_attr(x, "table:name", name);
    write_columns(x, columns, n_columns);
    /* Header rows repeat on every printed page; settings.xml freezes them
     * on screen. */
    xmlout_start(x, "table:table-header-rows");
    c->table_rows = 0;
    c->columns = NULL;
    c->n_columns = 0;
    row_begin(c);
    for (guint i = 0; i < n_columns; i++) {
        start_cell(c, ODS_STYLE_HEADER, "string");
        cell_body(c, columns[i].header);
        end_cell(c);
    }
    row_end(c);
    xmlout_end(x);
    c->columns = columns;
    c->n_columns = n_columns;
    c->tables++;
}

void
ods_table_end(ods_content *c)
{
    ods_range r = {c->table_names->len - 1, c->n_columns, c->table_rows};
    g_array_append_val(c->filter_ranges, r);
    xmlout_end(&c->x);
    c->columns = NULL;
    c->n_columns = 0;
}

void
ods_row_begin(ods_content *c)
{
    row_begin(c);
}

void
ods_row_end(ods_content *c)
{
    row_end(c);
}

void
ods_cell_empty(ods_content *c)
{
    c->pending_empty++;
    c->column++;
}

/* Lines @text takes in a cell of @width: wrapped in TEXT columns, else
 * one per paragraph. An estimate, in characters not glyph widths. */
static guint
text_lines(const char *text, ods_width width)
{
    guint lines = 1, run = 0;
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
        if (*p == '\n') {
            lines++;
            run = 0;
        } else if (width == ODS_WIDTH_TEXT && ++run > ODS_TEXT_LINE_CHARS) {
            lines++;
            run = 0;
        }
    }
    return lines;
}

void
ods_cell_text(ods_content *c, const char *text)
{
    if (text == NULL) {
        ods_cell_empty(c);
        return;
    }
    if (!c->row_is_long && c->column < c->n_columns)
        c->row_is_long = text_lines(text, c->columns[c->column].width) > ODS_LONG_ROW_LINES;
    start_cell(c, column_style(c), "string");
    cell_body(c, text);
    end_cell(c);
}

void
ods_cell_lines(ods_content *c, const GPtrArray *items)
{
    if (items->len == 0) {
        ods_cell_empty(c);
        return;
    }
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < items->len; i++) {
        if (i > 0)
            g_string_append_c(s, '\n');
        g_string_append(s, g_ptr_array_index(items, i));
    }
    ods_cell_text(c, s->str);
    g_string_free(s, TRUE);
}

void
ods_cell_joined(ods_content *c, const GPtrArray *items, const char *sep)
{
    if (items->len == 0) {
        ods_cell_empty(c);
        return;
    }
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < items->len; i++) {
        if (i > 0)
            g_string_append(s, sep);
        g_string_append(s, g_ptr_array_index(items, i));
    }
    ods_cell_text(c, s->str);
    g_string_free(s, TRUE);
}

void
ods_cell_int(ods_content *c, gint64 value)
{
    if (value == 0) {
        ods_cell_empty(c);
        return;
    }
    char text[24];
    g_snprintf(text, sizeof text, "%" G_GINT64_FORMAT, value);
    start_cell(c, NULL, "float");
    cell_attr(c, "office:value", text);
    cell_body(c, text);
    end_cell(c);
}

void
ods_cell_bool(ods_content *c, ost_tristate value)
{
    if (value == OST_UNSET) {
        ods_cell_empty(c);
        return;
    }
    start_cell(c, NULL, "boolean");
    cell_attr(c, "office:boolean-value", value == OST_YES ? "true" : "false");
    cell_body(c, value == OST_YES ? "TRUE" : "FALSE");
    end_cell(c);
}

/* Whether @s is exactly YYYY-MM-DD and a real day: anything else (a month,
 * "Spring 2025") stays text rather than being guessed into a date. */
static gboolean
is_iso_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return FALSE;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !g_ascii_isdigit(s[i]))
            return FALSE;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 &&
           g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

void
ods_cell_date(ods_content *c, const char *iso)
{
    if (iso == NULL || !is_iso_date(iso)) {
        ods_cell_text(c, iso);
        return;
    }
    start_cell(c, ODS_STYLE_DATE, "date");
    cell_attr(c, "office:date-value", iso);
    cell_body(c, iso);
    end_cell(c);
}
