#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The forms scorer counts what it claims: a model scored against itself is
all right, and each kind of damage costs exactly the fields it touches."""
import copy
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402

TRUTH = {
    "source": {"document_type": "standard", "trust": "official", "path": "a.html", "warnings": []},
    "standards": [{
        "reference": "ST0001", "title": "Tester", "level": 3, "status": None,
        "occupation_summary": "One  line\nwrapped.\n\nSecond paragraph.",
        "typical_job_titles": ["Tester", "QA analyst"],
        "duties": [{"id": "D1", "text": "Test things.", "ksbs": ["K1", "S1"], "options": []},
                   {"id": "D2", "text": "Report.", "ksbs": ["K2"], "options": ["O1"]}],
        "options": [{"id": "O1", "title": "Reporting"}],
        "knowledge": [{"id": "K1", "id_source": "stated", "title": None, "text": "Testing."},
                      {"id": "K2", "id_source": "stated", "title": None, "text": "Reports."}],
        "skills": [], "behaviours": [], "extra": {"Funding": "£1"},
    }],
    "occupations": [], "occupational_maps": [], "functional_maps": [],
}


def counts(got):
    right, wrong = score.compare(TRUTH, got)
    return len(right), len(wrong)


def main():
    total = len(score.model_fields(TRUTH))
    failures = []

    def check(what, got, want):
        if got != want:
            failures.append(f"{what}: got {got}, want {want}")

    check("identical", counts(copy.deepcopy(TRUTH)), (total, 0))
    check("no model", counts(None), (0, total))
    same_text = copy.deepcopy(TRUTH)
    same_text["standards"][0]["occupation_summary"] = "One line wrapped.\n\nSecond  paragraph."
    check("white space inside a paragraph", counts(same_text), (total, 0))
    joined = copy.deepcopy(TRUTH)
    joined["standards"][0]["occupation_summary"] = "One line wrapped. Second paragraph."
    check("paragraphs joined", counts(joined), (total - 1, 1))
    extra_only = copy.deepcopy(TRUTH)
    extra_only["standards"][0]["extra"] = {}
    extra_only["source"]["warnings"] = [{"code": "x"}]
    check("extra and warnings are not scored", counts(extra_only), (total, 0))
    null_status = copy.deepcopy(TRUTH)
    null_status["standards"][0]["status"] = "Approved"
    check("a value where the page states none", counts(null_status), (total - 1, 1))
    no_reference = copy.deepcopy(TRUTH)
    no_reference["standards"][0]["reference"] = None
    check("the one standard without its reference", counts(no_reference), (total - 1, 1))
    two = copy.deepcopy(TRUTH)
    two["standards"].append(copy.deepcopy(TRUTH["standards"][0]))
    two["standards"][1]["reference"] = "ST0002"
    # Right: only the five fields outside the standards.
    check("a second standard: no pairing by position", counts(two)[0], 5)
    lost_duty = copy.deepcopy(TRUTH)
    del lost_duty["standards"][0]["duties"][0]
    # D1: id, text, its two KSB codes and its empty options list.
    check("a duty lost", counts(lost_duty), (total - 5, 5))
    moved_code = copy.deepcopy(TRUTH)
    moved_code["standards"][0]["duties"][0]["ksbs"] = ["K1"]
    moved_code["standards"][0]["duties"][1]["ksbs"] = ["K2", "S1"]
    check("a code on the wrong duty", counts(moved_code), (total - 1, 2))
    invented = copy.deepcopy(TRUTH)
    invented["standards"][0]["knowledge"].append(
        {"id": "K3", "id_source": "stated", "title": None, "text": "Back to Duty"})
    check("an invented KSB", counts(invented), (total, 3))

    with tempfile.NamedTemporaryFile("w", suffix=".losses", delete=False) as f:
        f.write("# comment\n*.txt  a.html  standards*.status  # colour\n")
    losses = score.Losses(f.name)
    os.unlink(f.name)
    check("loss covers its form", losses.covers("chromium.txt", "a.html", "standards[ST0001].status"), True)
    check("loss keeps to its form", losses.covers("chromium.pdf", "a.html", "standards[ST0001].status"), False)

    for line in failures:
        print("FAIL", line)
    print(f"forms scorer: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
