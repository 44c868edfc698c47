# SPDX-License-Identifier: MIT
"""A small page-layout helper over cairo and Pango for the sample PDFs:
flowing paragraphs, two-column tables whose rows never split across pages,
side-by-side columns, running headers and footers. Deterministic: the PDF
carries no creation date."""
import gi

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
from gi.repository import Pango, PangoCairo  # noqa: E402
import cairo  # noqa: E402

BLACK = (0, 0, 0)


class Doc:
    def __init__(self, path, width=595, height=842, margin=64, font="DejaVu Sans",
                 size=10.5, header=None, footer=None, title=None):
        self.surface = cairo.PDFSurface(path, width, height)
        self.surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "")
        self.surface.set_metadata(cairo.PDFMetadata.MOD_DATE, "")
        if title:
            self.surface.set_metadata(cairo.PDFMetadata.TITLE, title)
        self.ctx = cairo.Context(self.surface)
        self.width, self.height, self.margin = width, height, margin
        self.font, self.size = font, size
        self.header, self.footer = header, footer
        self.page = 0
        self.y = 0
        self.new_page()

    # -- pages -------------------------------------------------------------
    def new_page(self):
        if self.page > 0:
            self.ctx.show_page()
        self.page += 1
        self.y = self.margin
        small = dict(size=self.size - 2, color=(0.35, 0.35, 0.35))
        if self.header:
            self.draw(self.header, self.margin, self.margin - 30, self.text_width(), **small)
        if self.footer:
            text = self.footer.replace("{page}", str(self.page))
            self.draw(text, self.margin, self.height - self.margin + 18, self.text_width(), **small)
        if self.footer is not None:
            # A bare page number, right-aligned in the bottom margin.
            self.draw(str(self.page), self.width - self.margin - 20,
                      self.height - self.margin + 18, 20, align="right", **small)

    def text_width(self):
        return self.width - 2 * self.margin

    def ensure(self, height):
        if self.y + height > self.height - self.margin:
            self.new_page()

    def finish(self):
        self.surface.finish()

    # -- text --------------------------------------------------------------
    def layout(self, text, width, size=None, bold=False, italic=False, font=None,
               align="left", markup=False, spacing=1.0):
        lay = PangoCairo.create_layout(self.ctx)
        PangoCairo.context_set_resolution(lay.get_context(), 72)
        desc = Pango.FontDescription("%s %s%s %.1f" % (
            font or self.font, "Bold " if bold else "", "Italic " if italic else "",
            size or self.size))
        lay.set_font_description(desc)
        lay.set_width(int(width * Pango.SCALE))
        lay.set_wrap(Pango.WrapMode.WORD)
        lay.set_alignment({"left": Pango.Alignment.LEFT, "right": Pango.Alignment.RIGHT,
                           "center": Pango.Alignment.CENTER}[align])
        if spacing != 1.0:
            lay.set_line_spacing(spacing)
        if markup:
            lay.set_markup(text, -1)
        else:
            lay.set_text(text, -1)
        return lay

    def draw(self, text, x, y, width, color=BLACK, **kw):
        lay = self.layout(text, width, **kw)
        self.ctx.set_source_rgb(*color)
        self.ctx.move_to(x, y)
        PangoCairo.show_layout(self.ctx, lay)
        return lay.get_pixel_size()[1]

    def measure(self, text, width, **kw):
        return self.layout(text, width, **kw).get_pixel_size()[1]

    def para(self, text, space_after=6, indent=0, **kw):
        """A paragraph that may break across pages line by line."""
        width = self.text_width() - indent
        color = kw.pop("color", BLACK)
        lay = self.layout(text, width, **kw)
        it = lay.get_iter()
        lines = []
        while True:
            ext = it.get_line_extents()[1]
            start = it.get_line().start_index
            length = it.get_line().length
            lines.append((ext.height / Pango.SCALE, start, length))
            if not it.next_line():
                break
        raw = text.encode()
        for height, start, length in lines:
            self.ensure(height)
            self.draw(raw[start:start + length].decode().strip(), self.margin + indent,
                      self.y, width + 40, color=color, **kw)
            self.y += height
        self.y += space_after

    def heading(self, text, size=None, space_before=8, space_after=6, **kw):
        size = size or self.size + 4
        h = self.measure(text, self.text_width(), size=size, bold=True, **kw)
        # Keep a heading with at least two lines of what follows.
        self.ensure(space_before + h + 3 * self.size)
        self.y += space_before
        self.draw(text, self.margin, self.y, self.text_width(), size=size, bold=True, **kw)
        self.y += h + space_after

    def gap(self, h):
        self.y += h

    # -- tables and columns ------------------------------------------------
    def table(self, rows, widths, header=None, pad=5, header_style=None, cell_styles=None):
        """Rows of cells; a row never splits across pages and the header row
        repeats on each page the table continues on."""
        header_style = header_style or dict(bold=True)
        cell_styles = cell_styles or [{} for _ in widths]

        def row_height(cells, styles):
            return max(self.measure(c, w - 2 * pad, **s) for c, w, s in zip(cells, widths, styles)) + 2 * pad

        def draw_row(cells, styles, fill=None):
            h = row_height(cells, styles)
            x = self.margin
            for c, w, s in zip(cells, widths, styles):
                if fill:
                    self.ctx.set_source_rgb(*fill)
                    self.ctx.rectangle(x, self.y, w, h)
                    self.ctx.fill()
                self.ctx.set_source_rgb(0.6, 0.6, 0.6)
                self.ctx.set_line_width(0.5)
                self.ctx.rectangle(x, self.y, w, h)
                self.ctx.stroke()
                self.draw(c, x + pad, self.y + pad, w - 2 * pad, **s)
                x += w
            self.y += h

        hstyles = [header_style] * len(widths)
        if header:
            self.ensure(row_height(header, hstyles) + 40)
            draw_row(header, hstyles, fill=(0.88, 0.9, 0.95))
        for cells in rows:
            h = row_height(cells, cell_styles)
            if self.y + h > self.height - self.margin:
                self.new_page()
                if header:
                    draw_row(header, hstyles, fill=(0.88, 0.9, 0.95))
            draw_row(cells, cell_styles)
        self.y += 10

    def columns(self, columns, gutter=14):
        """Side-by-side columns; each is a list of (text, style) drawn top down."""
        n = len(columns)
        width = (self.text_width() - gutter * (n - 1)) / n
        bottom = self.y
        for i, col in enumerate(columns):
            x = self.margin + i * (width + gutter)
            y = self.y
            for text, style in col:
                style = dict(style)
                after = style.pop("space_after", 4)
                y += self.draw(text, x, y, width, **style) + after
            bottom = max(bottom, y)
        self.y = bottom
