/* SPDX-License-Identifier: MIT */
/* Shared definitions: visibility, status codes, the error domain. */
#ifndef OST_COMMON_H
#define OST_COMMON_H

#include <glib.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define OST_API __attribute__((visibility("default")))
#else
#define OST_API
#endif

/** Version of the library and of the `ost` tool. */
#define OST_VERSION "0.1.0"

/** Version of the output data model (the "ost_version" field). */
#define OST_MODEL_VERSION "1"

/**
 * @brief Status codes returned by every fallible ost function.
 *
 * Codes are graded (see ost_status_grade()): OST_OK; OST_WARNING, done but
 * with something to report; a failure of the one operation (the handle
 * stays usable); or a fatal failure. Details go in a GError of the
 * #OST_ERROR domain whose code is one of these values.
 */
typedef enum ost_status {
    OST_OK = 0,
    OST_ERR_NOMEM,       /**< allocation failed */
    OST_ERR_IO,          /**< reading or writing a file failed */
    OST_ERR_PARSE,       /**< the input is damaged or not what it claims to be */
    OST_ERR_UNSUPPORTED, /**< no plugin can read or write this */
    OST_ERR_INVALID_ARG, /**< a caller passed something unusable */
    OST_ERR_PLUGIN,      /**< a plugin module could not be loaded */
    OST_ERR_ZIP,         /**< building a zip package failed */
    OST_ERR_XML,         /**< building or parsing XML failed */
    OST_ERR_ENCRYPTED,   /**< the input is encrypted and cannot be opened */
    OST_ERR_EMPTY,       /**< the input holds no readable content */
    OST_WARNING,         /**< done, with something to report in the GError */
} ost_status;

/** @brief How bad a status is, from best to worst. */
typedef enum ost_grade {
    OST_GRADE_OK = 0,    /**< OST_OK */
    OST_GRADE_WARNING,   /**< done; the GError says what to know */
    OST_GRADE_FAILED,    /**< this operation failed; carry on with the next */
    OST_GRADE_FATAL,     /**< nothing more can be done (out of memory) */
} ost_grade;

/** @brief The grade of @p status. */
OST_API ost_grade ost_status_grade(ost_status status);

/** @brief Human-readable text for a status code (static storage). */
OST_API const char *ost_strerror(ost_status status);

/** @brief The GError domain of every ost error; codes are #ost_status. */
#define OST_ERROR (ost_error_quark())
OST_API GQuark ost_error_quark(void);

#ifdef __cplusplus
}
#endif
#endif
