/* SPDX-License-Identifier: MIT */
/* The repair engine: the labelled cases, focused behaviours, seed 002. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <ost.h>

static char *
fix(const char *text, ost_doc *doc)
{
    GError *error = NULL;
    ost_repairer *rep = ost_repairer_new(&error);
    assert_non_null(rep);
    ost_repairer_learn(rep, text);
    char *out = ost_repairer_fix(rep, text, doc);
    ost_repairer_free(rep);
    return out;
}

static void
assert_fixes(const char *in, const char *expected)
{
    char *out = fix(in, NULL);
    if (strcmp(out, expected) != 0)
        print_error("\"%s\" -> \"%s\", expected \"%s\"\n", in, out, expected);
    assert_string_equal(out, expected);
    g_free(out);
}

/* ---- the labelled cases ---------------------------------------------- */

static char *
unescape(const char *s)
{
    GString *out = g_string_new(NULL);
    for (; *s != '\0'; s++) {
        if (*s != '\\' || s[1] == '\0') {
            g_string_append_c(out, *s);
            continue;
        }
        s++;
        if (*s == 'n')
            g_string_append_c(out, '\n');
        else if (*s == 't')
            g_string_append_c(out, '\t');
        else if (*s == 'u' && strlen(s) >= 5) {
            char hex[5] = {s[1], s[2], s[3], s[4], '\0'};
            g_string_append_unichar(out, (gunichar)strtoul(hex, NULL, 16));
            s += 4;
        } else
            g_string_append_c(out, *s);
    }
    return g_string_free(out, FALSE);
}

/* A join case's input is lines; they are repaired, then rejoined. */
static char *
run_case(const char *category, const char *input)
{
    if (strcmp(category, "join") != 0)
        return fix(input, NULL);
    ost_repairer *rep = ost_repairer_new(NULL);
    char **lines = g_strsplit(input, "\n", -1);
    GString *para = g_string_new(NULL);
    for (char **l = lines; *l != NULL; l++)
        ost_repairer_learn(rep, *l);
    for (char **l = lines; *l != NULL; l++) {
        char *fixed = ost_repairer_fix(rep, *l, NULL);
        ost_repairer_join(rep, para, fixed, NULL);
        g_free(fixed);
    }
    g_strfreev(lines);
    ost_repairer_free(rep);
    return g_string_free(para, FALSE);
}

typedef struct {
    const char *category;
    double required;  /* share of cases that must come out right */
    unsigned right, total;
} tally;

/* Run every case of @file, tallied by category; each category must reach
 * its required share. */
static void
run_cases(const char *file, tally *tallies, gsize n_tallies, unsigned min_cases)
{
    char *data = NULL;
    assert_true(g_file_get_contents(file, &data, NULL, NULL));
    char **lines = g_strsplit(data, "\n", -1);
    unsigned all = 0;
    for (char **l = lines; *l != NULL; l++) {
        if (**l == '#' || **l == '\0')
            continue;
        char **f = g_strsplit(*l, "\t", 3);
        assert_int_equal(g_strv_length(f), 3);
        tally *t = NULL;
        for (gsize i = 0; i < n_tallies; i++)
            if (strcmp(tallies[i].category, f[0]) == 0)
                t = &tallies[i];
        assert_non_null(t);
        char *input = unescape(f[1]), *expected = unescape(f[2]);
        char *out = run_case(f[0], input);
        t->total++;
        all++;
        if (strcmp(out, expected) == 0)
            t->right++;
        else
            printf("MISS %s: \"%s\" -> \"%s\", expected \"%s\"\n", f[0], input, out, expected);
        g_free(out);
        g_free(input);
        g_free(expected);
        g_strfreev(f);
    }
    g_strfreev(lines);
    g_free(data);
    assert_true(all >= min_cases);
    for (gsize i = 0; i < n_tallies; i++) {
        const tally *t = &tallies[i];
        printf("%-17s %4u/%-4u %.2f%% (required %.1f%%)\n", t->category, t->right, t->total,
               100.0 * t->right / t->total, 100.0 * t->required);
        assert_true(t->total > 0);
        assert_true(t->right >= t->required * t->total);
    }
}

static void
test_labelled_cases(void **state)
{
    tally tallies[] = {
        {"ligature", 0.995, 0, 0}, {"mojibake", 0.98, 0, 0}, {"clean", 1.0, 0, 0},
        {"unresolved", 1.0, 0, 0}, {"unicode_ligature", 1.0, 0, 0},
        {"soft_hyphen", 1.0, 0, 0}, {"join", 0.95, 0, 0},
    };
    run_cases(OST_SOURCE_DIR "/tests/data/repair/cases.tsv", tallies, G_N_ELEMENTS(tallies),
              1000);
}

/* Damage the engine was not tuned on (make_unseen.py): the same bar. */
static void
test_unseen_cases(void **state)
{
    tally tallies[] = {{"mojibake", 0.98, 0, 0}, {"clean", 1.0, 0, 0}};
    run_cases(OST_SOURCE_DIR "/tests/data/repair/unseen.tsv", tallies, G_N_ELEMENTS(tallies),
              200);
}

/* ---- focused behaviours ------------------------------------------------ */

static void
test_capitals(void **state)
{
    assert_fixes("O\xEF\xBF\xBD" "cer", "Officer");
    assert_fixes("O\xEF\xBF\xBD" "CER", "OFFICER");
    assert_fixes("\xEF\xBF\xBD" "X", "FIX");
    assert_fixes("She\xEF\xBF\xBD" "eld and Cardi\xEF\xBF\xBD", "Sheffield and Cardiff");
    assert_fixes("Gri\xEF\xBF\xBD" "ths", "Griffiths");
}

static void
test_two_losses(void **state)
{
    assert_fixes("\xEF\xBF\xBD" "re\xEF\xBF\xBD" "ghters", "firefighters");
    assert_fixes("di\xEF\xBF\xBD" "erent o\xEF\xBF\xBD" "cers", "different officers");
}

/* Both are words: the common one wins, unless the document says otherwise. */
static void
test_flat_fiat(void **state)
{
    assert_fixes("a \xEF\xBF\xBD" "at fee", "a flat fee");
    assert_fixes("The Fiat was parked; the \xEF\xBF\xBD" "at was sold.",
                 "The Fiat was parked; the fiat was sold.");
}

/* Two words as frequent as each other: the document's own decides, and
 * without it the pick comes with a warning naming both. */
static void
test_ambiguous_ligature_warned(void **state)
{
    ost_doc *doc = ost_doc_new();
    char *out = fix("a mu\xEF\xBF\xBD" "ed sound", doc);
    assert_string_equal(out, "a muffed sound");
    assert_int_equal(doc->source.warnings->len, 1);
    const ost_warning *w = g_ptr_array_index(doc->source.warnings, 0);
    assert_string_equal(w->code, "ambiguous_ligature");
    assert_non_null(strstr(w->message, "\"muffed\""));
    assert_non_null(strstr(w->message, "\"muffled\""));
    g_free(out);
    ost_doc_free(doc);
    assert_fixes("Voices were muffled. Then a mu\xEF\xBF\xBD" "ed sound.",
                 "Voices were muffled. Then a muffled sound.");
}

static void
test_unresolved_stays_with_warning(void **state)
{
    ost_doc *doc = ost_doc_new();
    char *out = fix("pages 3\xEF\xBF\xBD" "4 and don\xEF\xBF\xBD" "t", doc);
    assert_string_equal(out, "pages 3\xEF\xBF\xBD" "4 and don\xEF\xBF\xBD" "t");
    assert_int_equal(doc->source.warnings->len, 2);
    const ost_warning *w = g_ptr_array_index(doc->source.warnings, 0);
    assert_string_equal(w->code, "unresolved_replacement_char");
    assert_int_equal(doc->source.repairs->len, 0);
    g_free(out);
    ost_doc_free(doc);
}

static void
test_repairs_recorded(void **state)
{
    ost_doc *doc = ost_doc_new();
    char *out = fix("o\xEF\xBF\xBD" "cer, o\xEF\xBF\xBD" "cer, \xEF\xAC\x81" "nd, it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2"
                    "s, recog\xC2\xAD" "nise",
                    doc);
    assert_string_equal(out, "officer, officer, find, it\xE2\x80\x99s, recognise");
    const char *expected[][3] = {
        {"ligature", "o\xEF\xBF\xBD" "cer", "officer"},
        {"unicode_ligature", "\xEF\xAC\x81" "nd", "find"},
        {"mojibake", "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "\xE2\x80\x99"},
        {"soft_hyphen", "recog\xC2\xAD" "nise", "recognise"},
    };
    assert_int_equal(doc->source.repairs->len, G_N_ELEMENTS(expected));
    for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
        gboolean found = FALSE;
        for (guint r = 0; r < doc->source.repairs->len; r++) {
            const ost_repair *rp = g_ptr_array_index(doc->source.repairs, r);
            if (strcmp(rp->kind, expected[i][0]) == 0) {
                assert_string_equal(rp->from, expected[i][1]);
                assert_string_equal(rp->to, expected[i][2]);
                assert_int_equal(rp->count, i == 0 ? 2 : 1);
                found = TRUE;
            }
        }
        assert_true(found);
    }
    g_free(out);
    ost_doc_free(doc);
}

static void
test_legitimate_text_untouched(void **state)
{
    const char *clean[] = {
        "JO\xC3\x83O", "Si\xC3\xA2n", "\xC3\xA2\xE2\x80\x99" "ch", "Mae\xE2\x80\x99n braf \xC3\xA2\xE2\x80\x99" "ch gweld",
        "CAF\xC3\x89\xE2\x80\x9D", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82",
        "if (a[i] != '\\0') return -1;", "\xEF\xBF\xBD", "",
        /* Text that only looks like mojibake: a trademark, a price, Finnish
         * capitals with no-break spaces, a name beside a real dash. */
        "NESTL\xC3\x89\xC2\xAE requiere", "Offering 5\xC3\x97\xC2\xA3" "35 pin ups",
        "SELK\xC3\x84\xC2\xA0" "EDELL\xC3\x84\xC2\xA0MAAHAN",
        "Bremer/Mccoy \xE2\x80\x93 Dr\xC3\x83\xC2\xA5" "ber", "C O N C L U S \xC3\x83 O",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(clean); i++)
        assert_fixes(clean[i], clean[i]);
}

static void
test_mojibake(void **state)
{
    assert_fixes("\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2", "\xE2\x80\x99");     /* ’ */
    assert_fixes("caf\xC3\x83\xC2\xA9", "caf\xC3\xA9");                  /* é */
    assert_fixes("18\xC3\xA2\xE2\x82\xAC\xE2\x80\x9C" "24", "18\xE2\x80\x93" "24"); /* – */
    assert_fixes("\xC3\x82\xC2\xA3" "5", "\xC2\xA3" "5");                /* £ */
    /* Twice: ’ as UTF-8 read as Windows-1252, twice over. */
    assert_fixes("\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA2\xE2\x80\x9E\xC2\xA2",
                 "\xE2\x80\x99");
}

/* Each damaged stretch of a line is a repair of its own. */
static void
test_mojibake_recorded_apart(void **state)
{
    ost_doc *doc = ost_doc_new();
    char *out = fix("caf\xC3\x83\xC2\xA9 and na\xC3\x83\xC2\xAFve", doc);
    assert_string_equal(out, "caf\xC3\xA9 and na\xC3\xAFve");
    assert_int_equal(doc->source.repairs->len, 2);
    const ost_repair *first = g_ptr_array_index(doc->source.repairs, 0);
    const ost_repair *second = g_ptr_array_index(doc->source.repairs, 1);
    assert_string_equal(first->from, "\xC3\x83\xC2\xA9");
    assert_string_equal(first->to, "\xC3\xA9");
    assert_string_equal(second->from, "\xC3\x83\xC2\xAF");
    assert_string_equal(second->to, "\xC3\xAF");
    g_free(out);
    ost_doc_free(doc);
}

/* The other ways UTF-8 is misread, and what gets lost on the way. */
static void
test_mojibake_kinds(void **state)
{
    /* Windows-1252 punctuation read as Latin-1: C1 controls. */
    assert_fixes("\xC2\x84" "Handwerk\xC2\x93, parl\xC3\xA9\xC2\x85",
                 "\xE2\x80\x9EHandwerk\xE2\x80\x9C, parl\xC3\xA9\xE2\x80\xA6");
    assert_fixes("g\xE2\x88\x9A\xC2\xA2teaux", "g\xC3\xA2teaux");          /* Mac Roman */
    assert_fixes("\xD0\xA0\xD2\x91\xD0\xA0\xD1\x95\xD0\xA1\xD0\x82\xD0\xA0\xD1\x95",
                 "\xD0\xB4\xD0\xBE\xD1\x80\xD0\xBE");                      /* 1251 */
    assert_fixes("\xE2\x95\xA8\xE2\x94\x90\xE2\x95\xA4\xC3\x87",
                 "\xD0\xBF\xD1\x80");                                      /* 437 */
    assert_fixes("\xC3\x84\xC2\xB0stanbul", "\xC4\xB0stanbul");            /* Latin Ext. */
    assert_fixes("voil\xC3\x83  le travail", "voil\xC3\xA0 le travail");   /* lost NBSP */
    assert_fixes("Hi \xC3\xAD\xC2\xA0\xC2\xBD\xC3\xAD\xC2\xB8\xC2\x8D",
                 "Hi \xF0\x9F\x98\x8D");                                   /* CESU-8 */
    assert_fixes("Sloven\xC3\x84\xEF\xBF\xBDina", "Sloven\xEF\xBF\xBDina"); /* lost byte */
}

static void
test_nfc_and_bad_bytes(void **state)
{
    assert_fixes("cafe\xCC\x81", "caf\xC3\xA9");
    char *out = fix("caf\xE9 \xFF", NULL); /* Windows-1252 bytes */
    assert_true(g_utf8_validate(out, -1, NULL));
    assert_string_equal(out, "caf\xC3\xA9 \xC3\xBF");
    g_free(out);
}

static char *
join_lines(const char *a, const char *b)
{
    ost_repairer *rep = ost_repairer_new(NULL);
    GString *para = g_string_new(NULL);
    ost_repairer_join(rep, para, a, NULL);
    ost_repairer_join(rep, para, b, NULL);
    ost_repairer_free(rep);
    return g_string_free(para, FALSE);
}

static void
test_hyphen_joins(void **state)
{
    const char *cases[][3] = {
        {"able to recog-", "nise abuse", "able to recognise abuse"},
        {"delivers high-", "quality care", "delivers high-quality care"},
        {"the organ-", "isation", "the organisation"},
        {"a day-to-", "day task", "a day-to-day task"},
        {"plain", "   text", "plain text"},
        {"Level 3 -", "Advanced", "Level 3 - Advanced"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *out = join_lines(cases[i][0], cases[i][1]);
        assert_string_equal(out, cases[i][2]);
        g_free(out);
    }
}

/* A document's own spelling decides a join the dictionary cannot. */
static void
test_join_evidence(void **state)
{
    ost_repairer *rep = ost_repairer_new(NULL);
    GString *para = g_string_new("the data-");
    ost_repairer_join(rep, para, "base", NULL);
    assert_string_equal(para->str, "the database");
    ost_repairer_learn(rep, "a data-base of standards, the data-base");
    g_string_assign(para, "the data-");
    ost_repairer_join(rep, para, "base", NULL);
    assert_string_equal(para->str, "the data-base");
    g_string_free(para, TRUE);
    ost_repairer_free(rep);
}

static void
test_seed_standard(void **state)
{
    char *data = NULL;
    if (!g_file_get_contents(OST_SHARED_DIR "/seeds/002-standard-proposal-ST1030-pdf.txt", &data,
                             NULL, NULL))
        skip();
    ost_repairer *rep = ost_repairer_new(NULL);
    ost_doc *doc = ost_doc_new();
    char **lines = g_strsplit(data, "\n", -1);
    for (char **l = lines; *l != NULL; l++)
        ost_repairer_learn(rep, *l);
    GString *all = g_string_new(NULL);
    for (char **l = lines; *l != NULL; l++) {
        char *fixed = ost_repairer_fix(rep, *l, doc);
        g_string_append(all, fixed);
        g_string_append_c(all, '\n');
        g_free(fixed);
    }
    assert_null(strstr(all->str, "\xEF\xBF\xBD"));
    const char *words[] = {
        "Supervisory or Officer occupation", "responsibilities to be fulfilled",
        "Police Support Staff,", "cooperate with different organisations",
        "when a problem first arises", "feelings and cultural influences",
        "review, reflect and learn", "How to offer safeguarding advice",
        "whilst maintaining confidentiality.", "Principles of reflective practice",
        "(BSL) qualification is an alternative", "identified skills gap",
        "step on step off approach", "Professional body confirmation uploads",
        "Mandatory qualification uploads", "S22: Reflect on own performance",
    };
    for (gsize i = 0; i < G_N_ELEMENTS(words); i++)
        if (strstr(all->str, words[i]) == NULL)
            fail_msg("\"%s\" not in the repaired text", words[i]);
    assert_int_equal(doc->source.warnings->len, 0);
    g_strfreev(lines);
    g_string_free(all, TRUE);
    g_free(data);
    ost_doc_free(doc);
    ost_repairer_free(rep);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labelled_cases),
        cmocka_unit_test(test_unseen_cases),
        cmocka_unit_test(test_capitals),
        cmocka_unit_test(test_two_losses),
        cmocka_unit_test(test_flat_fiat),
        cmocka_unit_test(test_ambiguous_ligature_warned),
        cmocka_unit_test(test_unresolved_stays_with_warning),
        cmocka_unit_test(test_repairs_recorded),
        cmocka_unit_test(test_legitimate_text_untouched),
        cmocka_unit_test(test_mojibake),
        cmocka_unit_test(test_mojibake_kinds),
        cmocka_unit_test(test_mojibake_recorded_apart),
        cmocka_unit_test(test_nfc_and_bad_bytes),
        cmocka_unit_test(test_hyphen_joins),
        cmocka_unit_test(test_join_evidence),
        cmocka_unit_test(test_seed_standard),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
