/* SPDX-License-Identifier: MIT */
/* Names every part of the ODS package agrees on: namespaces, styles, media type. */
#ifndef OST_ODS_NAMES_H
#define OST_ODS_NAMES_H

#define ODS_MEDIA_TYPE "application/vnd.oasis.opendocument.spreadsheet"
/* The schema fixes the version attributes to exactly this value. */
#define ODS_ODF_VERSION "1.3"

#define ODS_NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define ODS_NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define ODS_NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define ODS_NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define ODS_NS_FO "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define ODS_NS_NUMBER "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
#define ODS_NS_META "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define ODS_NS_DC "http://purl.org/dc/elements/1.1/"
#define ODS_NS_CONFIG "urn:oasis:names:tc:opendocument:xmlns:config:1.0"
#define ODS_NS_OOO "http://openoffice.org/2004/office"
#define ODS_NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

/* Named cell styles, defined in styles.xml and used by content.xml. */
#define ODS_STYLE_DEFAULT "Default"
#define ODS_STYLE_HEADER "Header"
#define ODS_STYLE_TEXT "Text"
#define ODS_STYLE_DATE "Date"
#define ODS_STYLE_MARK "Mark"

#endif
