/* SPDX-License-Identifier: MIT */
/* Label matching through its per-table index, label normalising and the
 * recognisers' patterns. These helpers are internal to the library (hidden
 * symbols), so their sources are compiled into this test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "recognize/pattern.c"
#include "recognize/text.c"
#include "recognize/labels.c"

enum { F_LEVEL, F_LEVEL_LONG, F_PROFILE, F_TWIN_A, F_TWIN_B, F_QUESTION, F_DUTIES, F_OPTIONS };

static const ost_label labels[] = {
    {F_LEVEL, "level", 0, 0},
    {F_LEVEL_LONG, "level of occupation", 0, 0},
    {F_PROFILE, "occupational profile", 0, 0},
    {F_TWIN_A, "entry requirements", 0, 0},
    {F_TWIN_B, "entry requirements", 0, 0},
    {F_QUESTION, "replace an existing framework", OST_LABEL_QUESTION, 0},
    {F_DUTIES, "duties", OST_LABEL_INTRO, 0},
    {F_OPTIONS, "core and options", OST_LABEL_QUESTION, 0},
    {F_OPTIONS, "core and options", 0, 0},
};

/* The field the line matches, -1 for none; @p hit is kept for checks. */
static int
match(const char *line, ost_label_hit *hit)
{
    if (!__ost_label_match(labels, G_N_ELEMENTS(labels), line, hit))
        return -1;
    return hit->label->field;
}

static void
test_longest_phrase_wins(void **state)
{
    (void)state;
    ost_label_hit hit;
    assert_int_equal(match("Level of occupation: 3", &hit), F_LEVEL_LONG);
    assert_string_equal(hit.rest, "3");
    assert_string_equal(hit.label_text, "Level of occupation");
    __ost_label_hit_clear(&hit);
    assert_int_equal(match("Level: 3", &hit), F_LEVEL);
    __ost_label_hit_clear(&hit);
}

static void
test_tie_goes_to_first_in_table(void **state)
{
    (void)state;
    ost_label_hit hit;
    assert_int_equal(match("Entry requirements", &hit), F_TWIN_A);
    __ost_label_hit_clear(&hit);
    /* The question wording comes first, but a question needs a '?'. */
    assert_int_equal(match("Core and options", &hit), F_OPTIONS);
    assert_ptr_equal(hit.label, &labels[8]);
    __ost_label_hit_clear(&hit);
}

static void
test_whole_line_before_head(void **state)
{
    (void)state;
    ost_label_hit hit;
    assert_int_equal(match("Level:", &hit), F_LEVEL);
    assert_null(hit.rest);
    assert_null(hit.before);
    __ost_label_hit_clear(&hit);
    assert_int_equal(match("Level \xE2\x80\x93 Advanced", &hit), F_LEVEL);
    assert_string_equal(hit.rest, "Advanced");
    __ost_label_hit_clear(&hit);
}

static void
test_label_ending_the_line(void **state)
{
    (void)state;
    ost_label_hit hit;
    assert_int_equal(match("Finance assistant Occupational profile:", &hit), F_PROFILE);
    assert_string_equal(hit.before, "Finance assistant");
    assert_string_equal(hit.label_text, "Occupational profile");
    __ost_label_hit_clear(&hit);
    /* One-word phrases do not end lines, nor do lines without ':'. */
    assert_int_equal(match("Finance assistant level:", &hit), -1);
    assert_int_equal(match("Finance assistant occupational profile", &hit), -1);
}

static void
test_question_and_intro(void **state)
{
    (void)state;
    ost_label_hit hit;
    assert_int_equal(match("Will this standard replace an existing framework? Yes", &hit),
                     F_QUESTION);
    assert_string_equal(hit.rest, "Yes");
    __ost_label_hit_clear(&hit);
    assert_int_equal(match("Is this core and options?", &hit), F_OPTIONS);
    assert_ptr_equal(hit.label, &labels[7]);
    __ost_label_hit_clear(&hit);
    assert_int_equal(match("Duties typically include:", &hit), F_DUTIES);
    assert_string_equal(hit.label_text, "Duties typically include:");
    __ost_label_hit_clear(&hit);
    assert_int_equal(match("Main duties are listed below with all of the tasks they involve:", &hit),
                     -1);
}

static void
test_sentences_and_column_gaps(void **state)
{
    (void)state;
    ost_label_hit hit;
    assert_int_equal(match("The level of occupation is decided by the employer and the provider.",
                           &hit),
                     -1);
    assert_int_equal(match("Level of occupation      Level 3 (equivalent to A levels)", &hit),
                     F_LEVEL_LONG);
    assert_string_equal(hit.rest, "Level 3 (equivalent to A levels)");
    __ost_label_hit_clear(&hit);
}

static void
test_label_norm(void **state)
{
    (void)state;
    const struct {
        const char *text, *norm;
    } cases[] = {
        {"  Entry   Requirements & {Notes}: ", "entry requirements and notes"},
        {"&Level&", "and level and"},
        {"[Knowledge]*", "knowledge"},
        {"Route \xE2\x80\x93", "route"},
        {"\xE2\x80\x98Quoted\xE2\x80\x99 \xC3\x89TAPE -", "'quoted' \xC3\xa9tape"},
        {" \t ", ""},
        /* Lowered the same in every locale (a Turkic one would dot-less the I). */
        {"LEVEL \xE2\x80\x93 INFO \xC2\xA3", "level \xE2\x80\x93 info \xC2\xA3"},
        {"\xCE\xA3\xCE\xA4\xCE\x9F\xCE\xA3", "\xCF\x83\xCF\x84\xCE\xBF\xCF\x83"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *n = __ost_label_norm(cases[i].text);
        assert_string_equal(n, cases[i].norm);
        g_free(n);
    }
}

/* Patterns read text as GRegex did: Unicode classes, caseless, any line
 * ending; groups, splitting and replacing. */
static void
test_patterns(void **state)
{
    static ost_pattern word = OST_PATTERN("^\\w+\\s\\w+$", 0);
    assert_true(__ost_pattern_match(&word, "caf\xC3\xA9\xC2\xA0" "cr\xC3\xA8me"));
    static ost_pattern level = OST_PATTERN("^level\\s*(\\d)(?: of (\\w+))?$", OST_CASELESS);
    assert_true(__ost_pattern_match(&level, "LEVEL 3\r\n"));
    assert_false(__ost_pattern_match(&level, NULL));
    char *parts[2];
    assert_true(__ost_pattern_fetch(&level, "Level 4", 2, parts));
    assert_string_equal(parts[0], "4");
    assert_string_equal(parts[1], "");
    g_free(parts[0]);
    g_free(parts[1]);
    assert_false(__ost_pattern_fetch(&level, "Stage 4", 2, parts));
    char *g = __ost_pattern_group(&level, "level 5 of eight", 2);
    assert_string_equal(g, "eight");
    g_free(g);
    static ost_pattern sep = OST_PATTERN("[;,]\\s*", 0);
    char **split = __ost_pattern_split(&sep, "a; b,c");
    assert_int_equal(g_strv_length(split), 3);
    assert_string_equal(split[2], "c");
    g_strfreev(split);
    char *r = __ost_pattern_replace(&sep, "a; b,c", "|");
    assert_string_equal(r, "a|b|c");
    g_free(r);
}

static void
test_clean(void **state)
{
    (void)state;
    const struct {
        const char *text, *clean;
    } cases[] = {
        {"  a  b\t\tc \n", "a b c"},
        {"\xC2\xA0x\xE2\x80\xAFy\xC2\xA0", "x y"},
        {"ctl\x01\x0b\x7f end", "ctl\x01\x0b\x7f end"},
        {"caf\xC3\xA9 \xC3\xA9t\xC3\xA9", "caf\xC3\xA9 \xC3\xA9t\xC3\xA9"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *c = __ost_text_clean(cases[i].text);
        assert_string_equal(c, cases[i].clean);
        g_free(c);
    }
    assert_null(__ost_text_clean(" \t\xC2\xA0"));
}

/* The same answer as cleaning and looking at the end, malformed UTF-8
 * (a lead byte taking the '?' or a space into its character) included. */
static void
test_clean_ends_with(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Is it?", "Is it? \t ", "Is it", "?", "", " \t", "\xC2\xA0?\xC2\xA0", "Caf\xC3\xA9?",
        "x\xC3?", "x\xE2? ", "x\xF0" "abc? ", "\xE2\x80\x89?", "long enough text \xC2?  ",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(texts); i++) {
        char *clean = __ost_text_clean(texts[i]);
        gboolean ends = clean != NULL && clean[strlen(clean) - 1] == '?';
        assert_int_equal(__ost_text_clean_ends_with(texts[i], '?'), ends);
        g_free(clean);
    }
    assert_false(__ost_text_clean_ends_with(NULL, '?'));
}

static void
test_parse_coded(void **state)
{
    (void)state;
    const struct {
        const char *text, *code, *rest;
    } cases[] = {
        {"K12: knows", "K12", "knows"},      {" (S3) does", "S3", "does"},
        {"Skills 4 - uses", "S4", "uses"},   {"behaviour 1: acts", "B1", "acts"},
        {"Skills 4 and 5 are", NULL, NULL},  {"Support 4: no", NULL, NULL},
        {"k1: lower case", NULL, NULL},      {"\xE2\x84\xAA" "1: Kelvin", NULL, NULL},
        {"Skill\xC2\xA0" "2 \xE2\x80\x93 x", "S2", "x"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *code = NULL;
        const char *rest = NULL;
        gboolean ok = __ost_parse_coded(cases[i].text, &code, &rest);
        assert_int_equal(ok, cases[i].code != NULL);
        assert_int_equal(__ost_parse_coded(cases[i].text, NULL, NULL), ok);
        if (ok) {
            assert_string_equal(code, cases[i].code);
            assert_string_equal(rest, cases[i].rest);
        }
        g_free(code);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_longest_phrase_wins),
        cmocka_unit_test(test_tie_goes_to_first_in_table),
        cmocka_unit_test(test_whole_line_before_head),
        cmocka_unit_test(test_label_ending_the_line),
        cmocka_unit_test(test_question_and_intro),
        cmocka_unit_test(test_sentences_and_column_gaps),
        cmocka_unit_test(test_label_norm),
        cmocka_unit_test(test_patterns),
        cmocka_unit_test(test_clean),
        cmocka_unit_test(test_clean_ends_with),
        cmocka_unit_test(test_parse_coded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
