/* SPDX-License-Identifier: MIT */
/* Status codes and the error domain. */
#include <ost/common.h>

G_DEFINE_QUARK(ost-error-quark, ost_error)

const char *
ost_strerror(ost_status status)
{
    switch (status) {
    case OST_OK: return "success";
    case OST_ERR_NOMEM: return "out of memory";
    case OST_ERR_IO: return "input/output error";
    case OST_ERR_PARSE: return "the input is damaged or not in the expected format";
    case OST_ERR_UNSUPPORTED: return "no plugin handles this format";
    case OST_ERR_INVALID_ARG: return "invalid argument";
    case OST_ERR_PLUGIN: return "plugin could not be loaded";
    case OST_ERR_ZIP: return "zip package error";
    case OST_ERR_XML: return "XML error";
    case OST_ERR_ENCRYPTED: return "the input is encrypted";
    case OST_ERR_EMPTY: return "the input holds no readable content";
    case OST_WARNING: return "done, with a warning";
    }
    return "unknown error";
}

ost_grade
ost_status_grade(ost_status status)
{
    switch (status) {
    case OST_OK: return OST_GRADE_OK;
    case OST_WARNING: return OST_GRADE_WARNING;
    case OST_ERR_NOMEM: return OST_GRADE_FATAL;
    default: return OST_GRADE_FAILED;
    }
}
