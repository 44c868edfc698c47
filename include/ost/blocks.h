/* SPDX-License-Identifier: MIT */
/* The block stream: what every input plugin hands to the core. */
#ifndef OST_BLOCKS_H
#define OST_BLOCKS_H

#include <ost/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Readers differ in how they get text, not in what a Knowledge list looks
 * like. So a reader only turns its bytes into a flat stream of blocks (lines,
 * headings, list items, table rows) in reading order, with whatever layout
 * hints its format gives; the core repairs the text and recognises the
 * document's structure from the stream. A plain-text reader emits mostly
 * OST_BLOCK_LINE; an HTML reader emits headings, items and rows; a PDF reader
 * emits lines with font hints and rows for tables it can see.
 */
typedef enum ost_block_kind {
    OST_BLOCK_LINE = 0, /**< one line of running text, as laid out */
    OST_BLOCK_BREAK,    /**< a paragraph boundary (blank line, end of an element) */
    OST_BLOCK_HEADING,  /**< a heading; `level` 1..6 */
    OST_BLOCK_ITEM,     /**< one list item */
    OST_BLOCK_ROW,      /**< one table row; `cells` holds the cell texts */
    OST_BLOCK_PAGE,     /**< a page boundary; `page` is the page that starts */
} ost_block_kind;

/** Layout hints a reader may set on a block. */
enum {
    OST_BLOCK_BOLD = 1u << 0,     /**< set in a bold face */
    OST_BLOCK_INDENTED = 1u << 1, /**< starts with indentation the text lost */
    OST_BLOCK_LABEL = 1u << 2,    /**< a field label (dt, th, summary-list key) */
    /** Page furniture: text that belongs to the page or the site around
     *  the document, not to the document (a print header or footer, site
     *  navigation, a page number). The finer OST_BLOCK_FURNITURE_* flags
     *  below say what kind when the reader knows; a reader sets this flag
     *  with any of them that is page furniture (not with HIDDEN, CONTROL
     *  or ICON, which are evidence for the core to weigh). */
    OST_BLOCK_CHROME = 1u << 3,
    OST_BLOCK_HEADER_ROW = 1u << 4, /**< a table's header row */
    /** A hyperlink of the document's content: a ROW of two cells [link
     *  text, target as written ("/apprenticeships/st0499-v1-3")]. Links
     *  stand beside the text flow, not in it (a visible link's text is
     *  also in its line), so they are flagged OST_BLOCK_CHROME as well and
     *  only code that asks for links reads them. Readers add them after
     *  the document's other blocks, in source order, and leave out links
     *  within the page, to scripts or mail, and those of share widgets. */
    OST_BLOCK_LINK = 1u << 5,
    /** @c color holds the text colour the page shows (set only when the
     *  format says it: a PDF's fill colour, an HTML inline/class style). */
    OST_BLOCK_COLOR = 1u << 6,
    /** @c background holds the colour behind the text (cell or box fill). */
    OST_BLOCK_BACKGROUND = 1u << 7,
    /** Visually hidden: in the source for screen readers but not shown
     *  (class sr-only / visually-hidden, aria-hidden, hidden, display:none).
     *  Not set with OST_BLOCK_CHROME: the reader only reports it. */
    OST_BLOCK_HIDDEN = 1u << 8,
    /** The text of a form control: a select's options, a button's label,
     *  an input's value. Reported, not dropped. */
    OST_BLOCK_CONTROL = 1u << 9,
    /** An icon-font ligature: a word a font draws as a picture
     *  ("assignment_turned_in" in a material-icons span). */
    OST_BLOCK_ICON = 1u << 10,
    /** Site navigation (nav, role=navigation, breadcrumbs, skip links);
     *  set with OST_BLOCK_CHROME. */
    OST_BLOCK_NAVIGATION = 1u << 11,
    /** A running page header or footer repeated on printed pages (a
     *  browser's date, title, file address, "1/5"); set with
     *  OST_BLOCK_CHROME. */
    OST_BLOCK_PAGE_HEADER = 1u << 12,
    OST_BLOCK_PAGE_FOOTER = 1u << 13,
};

/** The occupational map status a text colour shows, read by hue as maps
 *  use them: green approved for delivery, amber/yellow standard published,
 *  red in development, black awaiting a standard; OST_MAP_STATUS_NONE for
 *  grey and other hues. The one place colours are read as statuses; for
 *  readers that must group text by colour. */
OST_API ost_map_status ost_colour_status(guint32 rgb);

/** Pack an RGB colour for ost_block.color / .background: 0xRRGGBB. */
#define OST_RGB(r, g, b) \
    ((guint32)(((guint32)(r) & 0xffu) << 16 | ((guint32)(g) & 0xffu) << 8 | ((guint32)(b) & 0xffu)))

typedef struct ost_block {
    ost_block_kind kind;
    int level;              /**< heading level, or list depth; 0 if none */
    char *text;             /**< the text; for rows, the cells joined by '\t' */
    GPtrArray *cells;       /**< rows only: char* per cell (may hold '\n') */
    int page;               /**< 1-based page, 0 when the format has none */
    int line;               /**< 1-based source line, 0 when unknown */
    double font_size;       /**< points, 0 when unknown */
    ost_map_status status;  /**< status read from colour, for map occupations;
                                 set by the core, not by readers */
    guint flags;            /**< OST_BLOCK_* hints */
    guint32 color;          /**< text colour 0xRRGGBB if OST_BLOCK_COLOR */
    guint32 background;     /**< fill 0xRRGGBB if OST_BLOCK_BACKGROUND */
    /** Items only: the item's number or bullet as printed ("1.", "a)",
     *  "(iv)"), without surrounding space, when the format shows one that
     *  is not in @c text; NULL otherwise. Owned by the block. */
    char *number;
} ost_block;

/** An ordered, owning list of blocks. Made only by ost_blocks_new() and
 *  filled only by ost_blocks_add() and ost_blocks_add_row(): the stream
 *  owns its blocks' memory (allocated in groups), so @c items may be read
 *  and reordered but never given blocks allocated elsewhere. A block's
 *  @c text and @c cells are its own and may be replaced (g_free'd). */
typedef struct ost_blocks {
    GPtrArray *items;       /**< ost_block* */
} ost_blocks;

OST_API ost_blocks *ost_blocks_new(void);
OST_API void ost_blocks_free(ost_blocks *blocks);

/** @brief Append a block of @p kind holding a copy of @p text (may be NULL).
 *  @return The new block (transfer none), so the caller can set hints. */
OST_API ost_block *ost_blocks_add(ost_blocks *blocks, ost_block_kind kind,
                                  const char *text);

/** @brief Append a table row of @p n_cells copied cells. @return the block. */
OST_API ost_block *ost_blocks_add_row(ost_blocks *blocks,
                                      const char *const *cells, guint n_cells);

#ifdef __cplusplus
}
#endif
#endif
