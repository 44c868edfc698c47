/* SPDX-License-Identifier: MIT */
/* Shared by the PDF reader's files: the page geometry it works on. */
#ifndef OST_PDF_PRIVATE_H
#define OST_PDF_PRIVATE_H

#include <ost.h>
#include <poppler.h>

/* What a text colour says on an occupational map. */
typedef enum pdf_ink {
    PDF_INK_BLACK = 0,
    PDF_INK_GREEN,
    PDF_INK_AMBER,
    PDF_INK_RED,
    PDF_INK_OTHER,   /* grey, blue, ...: says nothing */
} pdf_ink;

/* A run of words on one baseline with no column gap inside: one line of one
 * column. Positions are points from the page's top left. */
typedef struct pdf_seg {
    char *text;
    double x0, y0, x1, y1;
    double size;        /* font size of most of its characters */
    gboolean bold;      /* most of its characters are bold */
    pdf_ink ink;        /* ink of most of its characters */
    guint32 rgb;        /* colour of its longest word, 0xRRGGBB */
    double first_width; /* width of its first word */
    int col;            /* column within its zone (pdf_emit.c) */
} pdf_seg;

/* One visual line across the page: its segments, left to right. */
typedef struct pdf_row {
    GPtrArray *segs;    /* pdf_seg*, owned */
} pdf_row;

typedef struct pdf_page {
    int number;
    double width, height;
    GPtrArray *rows;    /* pdf_row*, top to bottom, owned */
    GPtrArray *header;  /* pdf_seg*, owned: running header, page number */
    GPtrArray *footer;  /* pdf_seg*, owned: running footer, page number */
    gboolean has_images;
} pdf_page;

/* Font facts of the whole document, for telling headings from body text. */
typedef struct pdf_fonts {
    double body;                  /* the size most characters are set in */
    double heading_sizes[6];      /* larger sizes in use, largest first */
    int n_heading_sizes;
    gboolean has_status_colours;  /* at least two status inks: a map */
} pdf_fonts;

/* pdf_layout.c */
pdf_page *__ost_pdf_page_read(PopplerPage *page, int number);
void __ost_pdf_page_free(pdf_page *page);
void __ost_pdf_seg_free(pdf_seg *seg);
double __ost_pdf_seg_height(const pdf_seg *seg);

/* pdf_furniture.c: moves running headers, footers and page numbers out
 * of the pages' rows into their header and footer. */
void __ost_pdf_set_furniture_apart(GPtrArray *pages);

/* pdf_fonts.c */
gboolean __ost_pdf_font_is_bold(const char *font_name);
pdf_ink __ost_pdf_ink(guint32 rgb);
void __ost_pdf_fonts_measure(const GPtrArray *pages, pdf_fonts *fonts);
int __ost_pdf_heading_level(const pdf_fonts *fonts, const pdf_seg *seg);

/* pdf_emit.c: the page's rows, in reading order, as blocks */
typedef struct pdf_emit pdf_emit;
pdf_emit *__ost_pdf_emit_new(ost_blocks *blocks, const pdf_fonts *fonts,
                             const GPtrArray *pages);
void __ost_pdf_emit_page(pdf_emit *em, const pdf_page *page);
void __ost_pdf_emit_free(pdf_emit *em);

/* Shared by pdf_emit.c and pdf_tables.c. */
typedef struct pdf_zone {
    GPtrArray *rows;        /* pdf_row* (borrowed) of the zone, top to bottom */
    int n_cols;
    double *col_x0, *col_x1;
} pdf_zone;

/* pdf_tables.c: emit @zone as table rows; its last row, or NULL when it is
 * no table. */
ost_block *__ost_pdf_emit_table(ost_blocks *blocks, const pdf_zone *zone, int page);
/* The space between lines within a cell of @p zone (negative when line
 * boxes overlap). */
double __ost_pdf_zone_leading(const pdf_zone *zone);
/* Whether white space of @p gap between lines ends a table row, in a table
 * whose cells' lines are @p leading apart, set in @p em points. */
gboolean __ost_pdf_row_gap(double gap, double leading, double em);
/* Add @p text to cell @p col of @p row, a line below what it holds (a
 * space for lists of codes). */
void __ost_pdf_row_extend(ost_block *row, int col, const char *text);
gboolean __ost_pdf_is_code_list(const char *text);
gboolean __ost_pdf_is_upper(const char *text);
guint __ost_pdf_count_words(const char *text);

/* pdf_bomb.c: whether the deflated streams of @p data expand beyond reason
 * (64 MiB and 100 times the file's size); @p expanded gets how far they did. */
gboolean __ost_pdf_is_bomb(const guint8 *data, gsize len, guint64 *expanded);

#endif
