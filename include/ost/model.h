/* SPDX-License-Identifier: MIT */
/* The common standards data model (the contract in the README). */
#ifndef OST_MODEL_H
#define OST_MODEL_H

#include <ost/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Conventions
 * - Every string is UTF-8 owned by its struct; NULL means "not stated" and
 *   is written as null.
 * - Every list is a GPtrArray that owns its elements (it is created with the
 *   element's free function) and is never NULL in a constructed object.
 * - Integers that may be unknown use 0 for null (no level, duration or page
 *   count is ever 0).
 * - Constructors zero everything; `_free(NULL)` is a no-op.
 */

/** A yes/no answer that the source may not give. Zero is "not stated". */
typedef enum ost_tristate {
    OST_UNSET = 0,
    OST_NO,
    OST_YES,
} ost_tristate;

/** An ordered key/value pair, for `extra` fields the model has no name for. */
typedef struct ost_pair {
    char *key;
    char *value;
} ost_pair;

/** One knowledge, skill or behaviour statement. */
typedef struct ost_ksb {
    char *id;             /**< "K1", "S12", "B3" */
    char *title;          /**< named behaviours: "Taking responsibility" */
    char *text;
    gboolean id_derived;  /**< TRUE when the source gave no id: "id_source": "derived" */
} ost_ksb;

/** One duty with the KSB codes it maps to. */
typedef struct ost_duty {
    char *id;             /**< "D1" */
    char *text;
    GPtrArray *ksbs;      /**< char*: "K1", "S2", ... in source order, each once */
    GPtrArray *options;   /**< char*: ids of the options it belongs to; empty for a core duty */
} ost_duty;

/** One option of a core-and-options standard. */
typedef struct ost_option {
    char *id;             /**< "O1", as stated or numbered by order */
    char *title;          /**< "Software engineer" */
} ost_option;

/** An apprenticeship standard, legacy standard or standard proposal. */
typedef struct ost_standard {
    char *reference;      /**< "ST1030" */
    char *version;
    char *title;
    char *stage;          /**< "proposal" | "standard" | "legacy_standard" */
    char *status;
    int level;            /**< 2..7, 0 = null */
    char *route, *pathway, *cluster;
    char *occupation_code;
    ost_tristate core_and_options;
    int typical_duration_months; /**< 0 = null */
    char *target_approval_date;  /**< ISO 8601 */
    ost_tristate resubmission;
    char *resubmission_note;
    ost_tristate replaces_framework;
    ost_tristate professional_recognition;
    char *overview_of_role;
    char *occupation_summary;
    GPtrArray *typical_job_titles;  /**< char* */
    char *entry_requirements;
    GPtrArray *duties;              /**< ost_duty* */
    GPtrArray *knowledge;           /**< ost_ksb* */
    GPtrArray *skills;              /**< ost_ksb* */
    GPtrArray *behaviours;          /**< ost_ksb* */
    char *qualifications;
    char *english_and_maths;
    char *consultation;
    char *progression_routes;
    char *subject_sector_area;
    char *review;
    GPtrArray *involved_employers;  /**< char* */
    GPtrArray *extra;               /**< ost_pair* */
    GPtrArray *options;             /**< ost_option*: core-and-options standards */
} ost_standard;

/** An occupation (OCC code) page. */
typedef struct ost_occupation {
    char *code;           /**< "OCC0509" */
    char *title;
    int level;            /**< 0 = null */
    char *overview;
    char *summary;
    char *status;
    GPtrArray *soc_codes;           /**< char* */
    GPtrArray *involved_employers;  /**< char*, each once */
    GPtrArray *related_routes;      /**< char* */
    char *standard_reference;
    GPtrArray *extra;               /**< ost_pair* */
} ost_occupation;

/** Delivery status of an occupation on an occupational map (from colour). */
typedef enum ost_map_status {
    OST_MAP_STATUS_NONE = 0,            /**< null: no colour in the source */
    OST_MAP_STATUS_APPROVED_FOR_DELIVERY,
    OST_MAP_STATUS_STANDARD_PUBLISHED,
    OST_MAP_STATUS_IN_DEVELOPMENT,
    OST_MAP_STATUS_AWAITING_STANDARD,
} ost_map_status;

/** @brief The contract's spelling of a map status, or NULL for none. */
OST_API const char *ost_map_status_name(ost_map_status status);

typedef struct ost_map_occupation {
    char *title;
    int level;            /**< 0 = null */
    ost_map_status status;
} ost_map_occupation;

typedef struct ost_map_cluster {
    char *name;
    char *description;
    ost_tristate apprenticeship_only;
    GPtrArray *occupations;         /**< ost_map_occupation* */
} ost_map_cluster;

typedef struct ost_map_pathway {
    char *name;
    GPtrArray *clusters;            /**< ost_map_cluster* */
} ost_map_pathway;

/** An occupational map: route > pathways > clusters > occupations. */
typedef struct ost_occupational_map {
    char *route;
    char *description;
    GPtrArray *pathways;            /**< ost_map_pathway* */
} ost_occupational_map;

typedef struct ost_fm_role {
    char *name;
    GPtrArray *units;               /**< char*: unit codes */
} ost_fm_role;

typedef struct ost_fm_function {
    char *title;
    char *details;                  /**< NULL when absent or placeholder */
    GPtrArray *units;               /**< char*: unit codes */
} ost_fm_function;

typedef struct ost_fm_area {
    char *code;                     /**< "AA" */
    char *title;
    GPtrArray *functions;           /**< ost_fm_function* */
} ost_fm_area;

typedef struct ost_fm_key_area {
    char *code;                     /**< "A" */
    char *title;
    GPtrArray *areas;               /**< ost_fm_area* */
} ost_fm_key_area;

typedef struct ost_fm_unit {
    char *code;                     /**< "AA1", "CC AA1" */
    char *title;
    GPtrArray *source_references;   /**< char* */
    char *nos_urn;                  /**< "SFJAA1" for Skills for Justice, else NULL */
} ost_fm_unit;

/** A National Occupational Standards functional map. */
typedef struct ost_functional_map {
    char *title;
    GPtrArray *roles;               /**< ost_fm_role* */
    GPtrArray *key_areas;           /**< ost_fm_key_area* */
    GPtrArray *units;               /**< ost_fm_unit*, each code once */
} ost_functional_map;

/** One distinct text repair and how often it was made. */
typedef struct ost_repair {
    char *kind;           /**< "ligature", "mojibake", "unicode_ligature", "hyphenation", "line_join", ... */
    char *from;
    char *to;
    unsigned count;
} ost_repair;

/** A non-fatal finding: never stops a conversion. */
typedef struct ost_warning {
    char *code;           /**< stable machine code: "ksb_ref_unknown" */
    char *message;        /**< one sentence for people */
    char *where;          /**< "page 3", "line 120", or NULL */
} ost_warning;

/** Where a document came from and what was done to its text. */
typedef struct ost_source {
    char *path;           /**< as given, not absolutised */
    char *format;         /**< name of the input plugin */
    char *sha256;         /**< hex digest of the input bytes */
    char *document_type;  /**< standard | occupation | occupational_map | functional_map | nos_unit */
    int pages;            /**< PDF only; 0 = null */
    char *trust;          /**< official | third_party | unknown */
    GPtrArray *repairs;   /**< ost_repair*, in order of first occurrence */
    GPtrArray *warnings;  /**< ost_warning*, in order found */
} ost_source;

/** One output document: everything read from one input document. */
typedef struct ost_doc {
    ost_source source;
    GPtrArray *standards;          /**< ost_standard* */
    GPtrArray *occupations;        /**< ost_occupation* */
    GPtrArray *occupational_maps;  /**< ost_occupational_map* */
    GPtrArray *functional_maps;    /**< ost_functional_map* */
    GHashTable *repair_index;      /**< private: (kind, from, to) -> ost_repair* */
} ost_doc;

/* Constructors and destructors. Each `_new` returns a zeroed object whose
 * lists exist and are empty; each `_free` accepts NULL. */
OST_API ost_doc *ost_doc_new(void);
OST_API void ost_doc_free(ost_doc *doc);
OST_API ost_standard *ost_standard_new(void);
OST_API void ost_standard_free(ost_standard *s);
OST_API ost_ksb *ost_ksb_new(const char *id, const char *title, const char *text);
OST_API void ost_ksb_free(ost_ksb *k);
OST_API ost_duty *ost_duty_new(const char *id, const char *text);
OST_API void ost_duty_free(ost_duty *d);
OST_API ost_option *ost_option_new(const char *id, const char *title);
OST_API void ost_option_free(ost_option *o);
OST_API ost_occupation *ost_occupation_new(void);
OST_API void ost_occupation_free(ost_occupation *o);
OST_API ost_occupational_map *ost_occupational_map_new(void);
OST_API void ost_occupational_map_free(ost_occupational_map *m);
OST_API ost_map_pathway *ost_map_pathway_new(const char *name);
OST_API void ost_map_pathway_free(ost_map_pathway *p);
OST_API ost_map_cluster *ost_map_cluster_new(const char *name);
OST_API void ost_map_cluster_free(ost_map_cluster *c);
OST_API ost_map_occupation *ost_map_occupation_new(const char *title, int level,
                                                   ost_map_status status);
OST_API void ost_map_occupation_free(ost_map_occupation *o);
OST_API ost_functional_map *ost_functional_map_new(void);
OST_API void ost_functional_map_free(ost_functional_map *m);
OST_API ost_fm_role *ost_fm_role_new(const char *name);
OST_API void ost_fm_role_free(ost_fm_role *r);
OST_API ost_fm_key_area *ost_fm_key_area_new(const char *code, const char *title);
OST_API void ost_fm_key_area_free(ost_fm_key_area *k);
OST_API ost_fm_area *ost_fm_area_new(const char *code, const char *title);
OST_API void ost_fm_area_free(ost_fm_area *a);
OST_API ost_fm_function *ost_fm_function_new(const char *title);
OST_API void ost_fm_function_free(ost_fm_function *f);
OST_API ost_fm_unit *ost_fm_unit_new(const char *code, const char *title);
OST_API void ost_fm_unit_free(ost_fm_unit *u);
OST_API ost_pair *ost_pair_new(const char *key, const char *value);
OST_API void ost_pair_free(ost_pair *p);

/** @brief A new empty list of owned strings (GPtrArray with g_free). */
OST_API GPtrArray *ost_strlist_new(void);
/** @brief Append a copy of @p s unless an equal string is already there.
 *  @return TRUE when it was added. */
OST_API gboolean ost_strlist_add_unique(GPtrArray *list, const char *s);

/**
 * @brief Record one text repair on the document; equal (kind, from, to)
 * repairs are merged and counted.
 */
OST_API void ost_doc_add_repair(ost_doc *doc, const char *kind, const char *from,
                                const char *to, unsigned count);

/**
 * @brief Record a warning. @p where may be NULL. The message is printf-style.
 */
OST_API void ost_doc_warn(ost_doc *doc, const char *code, const char *where,
                          const char *fmt, ...) G_GNUC_PRINTF(4, 5);

/** @brief Replace *field with a copy of @p value (NULL clears it). */
OST_API void ost_set_str(char **field, const char *value);

#ifdef __cplusplus
}
#endif
#endif
