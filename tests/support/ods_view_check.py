#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Open an ODS in a running LibreOffice (through UNO) and report, per sheet,
whether its panes are frozen and what its first cell holds.

Usage: ods_view_check.py CONNECT_STRING FILE.ods
Prints one line per sheet: NAME<TAB>frozen|not-frozen<TAB>A1 text.
"""
import sys
import time

import uno


def connect(spec):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):  # LibreOffice takes seconds to start, more on a busy machine
        try:
            return resolver.resolve(f"uno:{spec};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not answer on " + spec)


def main():
    ctx = connect(sys.argv[1])
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(sys.argv[2]), "_blank", 0, ())
    if doc is None:
        raise SystemExit("LibreOffice could not load " + sys.argv[2])
    ctrl = doc.getCurrentController()
    sheets = doc.getSheets()
    for i in range(sheets.getCount()):
        sheet = sheets.getByIndex(i)
        ctrl.setActiveSheet(sheet)
        frozen = "frozen" if ctrl.hasFrozenPanes() else "not-frozen"
        print(f"{sheet.getName()}\t{frozen}\t{sheet.getCellByPosition(0, 0).getString()}")
    doc.close(True)
    # Quit the office: it removes its pipes from /tmp as it quits, while a
    # killed one leaves them behind.
    try:
        desktop.terminate()
    except Exception:
        pass  # the bridge goes down with the office


if __name__ == "__main__":
    main()
