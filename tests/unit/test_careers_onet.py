"""components/onet.py: the O*NET profile sorted by the largest OT-PT difference, O*NET's
caution flags, interests and high-points, and the top tasks."""

from __future__ import annotations

import pandas as pd

from components import onet


def ratings(*rows: tuple) -> pd.DataFrame:
    """Rows: (profession, domain, element_id, name, scale, value[, suppress[, not_relevant]])."""
    return pd.DataFrame(
        [
            {
                "profession": p,
                "domain": d,
                "element_id": e,
                "element_name": n,
                "scale": s,
                "value": float(v),
                "recommend_suppress": rest[0] if rest else "N",
                "not_relevant": rest[1] if len(rest) > 1 else "",
            }
            for p, d, e, n, s, v, *rest in rows
        ]
    )


RATINGS = ratings(
    ("OT", "Skills", "2.A.1", "Instructing", "Importance", 4.0),
    ("PT", "Skills", "2.A.1", "Instructing", "Importance", 3.38),
    ("OT", "Skills", "2.A.2", "Repairing", "Importance", 1.0),
    ("PT", "Skills", "2.A.2", "Repairing", "Importance", 1.38),
    ("OT", "Skills", "2.A.3", "Speaking", "Importance", 4.0),
    ("PT", "Skills", "2.A.3", "Speaking", "Importance", 4.0),
    ("OT", "Skills", "2.A.4", "Coordination", "Importance", 3.75),
    ("PT", "Skills", "2.A.4", "Coordination", "Importance", 3.25),
    ("OT", "Skills", "2.A.2", "Repairing", "Level", 0.5, "N", "Y"),
    ("PT", "Skills", "2.A.2", "Repairing", "Level", 1.0, "Y", "N"),
    ("OT", "Work Styles", "1.C.1", "Dependability", "Importance", 4.5),
    ("PT", "Work Styles", "1.C.1", "Dependability", "Importance", 4.4),
)


def test_profile_puts_the_largest_difference_first_and_signs_it_ot_minus_pt():
    profile = onet.profile(RATINGS, ("Skills",), "Importance")
    assert list(profile["element_name"]) == ["Instructing", "Coordination", "Repairing", "Speaking"]
    assert list(profile["difference"]) == [0.62, 0.5, -0.38, 0.0]
    assert list(profile.columns) == ["domain", "element_name", "OT", "PT", "difference", "caution"]


def test_profile_filters_domains_and_scale_and_carries_onet_cautions():
    both = onet.profile(RATINGS, ("Skills", "Work Styles"), "Importance")
    assert set(both["domain"]) == {"Skills", "Work Styles"}
    level = onet.profile(RATINGS, ("Skills",), "Level")
    assert list(level["element_name"]) == ["Repairing"]
    assert level.iloc[0]["caution"] == "OT: rated not relevant; PT: O*NET advises not to rely on this value"
    assert onet.profile(RATINGS, ("Work Styles",), "Level").empty


def test_profile_table_and_summary_say_who_rates_higher():
    profile = onet.profile(RATINGS, ("Skills",), "Importance")
    table = onet.profile_table(profile, "Importance")
    assert list(table["Who rates it higher"]) == ["OT higher", "OT higher", "PT higher", "same"]
    assert "OT importance" in table.columns
    text = onet.summary_sentence(profile, ("Skills",), "Importance")
    assert text.startswith("Across 4 skills, the biggest gap in importance is Instructing (OT 4.00, PT 3.38).")
    assert "PT's: Repairing" in text


def test_scales_for_work_styles_are_importance_only():
    assert onet.scales_for("Work Styles") == ("Importance",)
    assert onet.scales_for("Skills") == ("Importance", "Level")
    assert onet.domain_order(["Work Styles", "Skills"]) == ["Skills", "Work Styles"]


INTERESTS = pd.DataFrame(
    [
        {"profession": p, "element_id": e, "element_name": n, "scale": s, "value": v, "high_point_interest": h}
        for p, e, n, s, v, h in [
            ("OT", "1.B.1.d", "Social", "Occupational interest", 6.13, ""),
            ("OT", "1.B.1.a", "Realistic", "Occupational interest", 3.48, ""),
            ("PT", "1.B.1.a", "Realistic", "Occupational interest", 4.34, ""),
            ("OT", "1.B.1.g", "First Interest High-Point", "Interest high-point", 4.0, "Social"),
            ("OT", "1.B.1.i", "Third Interest High-Point", "Interest high-point", 0.0, "No high point available"),
            ("PT", "1.B.1.h", "Second Interest High-Point", "Interest high-point", 2.0, "Investigative"),
            ("PT", "1.B.1.g", "First Interest High-Point", "Interest high-point", 4.0, "Social"),
        ]
    ]
)


def test_interests_are_in_riasec_order_with_missing_scores_left_empty():
    table = onet.interests(INTERESTS)
    assert list(table["interest"]) == [
        "Realistic",
        "Investigative",
        "Artistic",
        "Social",
        "Enterprising",
        "Conventional",
    ]
    assert table.set_index("interest").loc["Realistic", "PT"] == 4.34
    assert pd.isna(table.set_index("interest").loc["Social", "PT"])
    assert table["meaning"].notna().all()


def test_high_points_are_in_order_and_skip_no_high_point():
    assert onet.high_points(INTERESTS) == {"OT": ["Social"], "PT": ["Social", "Investigative"]}


def test_top_tasks_are_the_most_important_first():
    tasks = pd.DataFrame(
        {
            "task_id": ["1", "2", "3", "4"],
            "profession": ["OT", "OT", "OT", "PT"],
            "task": ["a", "b", "c", "d"],
            "importance": [4.0, 4.5, 4.5, 5.0],
            "relevance_pct": [100.0, 90.0, 95.0, 100.0],
            "task_type": ["Core"] * 4,
            "data_date": ["2021-08"] * 4,
        }
    )
    top = onet.top_tasks(tasks, "OT", 2)
    assert list(top["task"]) == ["c", "b"]  # equal importance: the more relevant first
    assert list(onet.tasks_table(top).columns)[:2] == ["Profession", "Task (O*NET wording)"]
