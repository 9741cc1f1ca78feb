"""The data in Spanish: a translation table is checked against its English table (same ids,
no empty cell where English has text, only text columns) and swapped in when asked."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from components.loader import DataError, load_table
from components.schema import TABLES
from components.translation import (
    load_table_in,
    load_table_in_or_english,
    load_table_in_or_error,
    parse_translation,
    translatable_columns,
    translate_table,
    translation_table,
    translations_for_zip,
    value_map,
)

ROOT = Path(__file__).resolve().parents[2]
GOALS = TABLES["goals"]
ENGLISH = pd.DataFrame(
    {
        "goal_id": ["G01", "G02"],
        "goal": ["Walk again", "Dress without help"],
        "profession": ["PT", "OT"],
        "age_groups": ["", "Adults"],
        "reason": ["Walking is PT's work.", "Dressing is OT's work."],
        "intervention_ids": ["I01", "I02"],
        "source_ids": ["CL001", "CL002"],
    }
)
GOOD = (
    "goal_id,goal,reason\n"
    "G01,Volver a caminar,Caminar es el trabajo de la terapia física.\n"
    'G02,"Vestirse sin ayuda","Vestirse es el trabajo de la terapia ocupacional."\n'
)


def parse(text: str) -> pd.DataFrame:
    return parse_translation(GOALS, text.encode("utf-8"), "data/es/goals.csv", ENGLISH)


def test_a_good_translation_swaps_only_its_text_columns():
    translation = parse(GOOD)
    spanish = translate_table(ENGLISH, translation, "goals")
    assert spanish["goal"].tolist() == ["Volver a caminar", "Vestirse sin ayuda"]
    assert spanish["reason"].iloc[1] == "Vestirse es el trabajo de la terapia ocupacional."
    # Ids, choices and references are the same: the logic gives the same answer.
    for column in ("goal_id", "profession", "age_groups", "intervention_ids", "source_ids"):
        assert spanish[column].tolist() == ENGLISH[column].tolist()
    assert list(spanish.columns) == list(ENGLISH.columns)
    assert ENGLISH["goal"].iloc[0] == "Walk again"  # the English table is not changed
    assert value_map(ENGLISH, spanish, "goal") == {
        "Walk again": "Volver a caminar",
        "Dress without help": "Vestirse sin ayuda",
    }


def test_rows_may_come_in_any_order():
    lines = GOOD.splitlines()
    spanish = translate_table(ENGLISH, parse("\n".join([lines[0], lines[2], lines[1]]) + "\n"), "goals")
    assert spanish["goal"].tolist() == ["Volver a caminar", "Vestirse sin ayuda"]


def test_no_translation_means_english():
    assert translate_table(ENGLISH, None, "goals") is ENGLISH


@pytest.mark.parametrize(
    "text, line, column, words",
    [
        (GOOD.replace("G01,Volver a caminar", "G01,"), 2, "goal", "empty"),
        (GOOD.replace("G02,", "G09,"), 3, "goal_id", "not an id"),
        (GOOD + "G01,Otra vez,Otra razón.\n", 4, "goal_id", "translated twice"),
        ("\n".join(GOOD.splitlines()[:2]) + "\n", 3, "goal_id", "no row for: G02"),
        (GOOD.replace("goal_id,goal,reason", "goal,goal_id,reason"), 1, "goal", "first column must be goal_id"),
        (GOOD.replace("goal_id,goal,reason", "goal_id,goal,profession"), 1, "profession", "not a text column"),
        (GOOD.replace("goal_id,goal,reason", "goal_id,goal,goal"), 1, "goal", "twice"),
        (GOOD.replace("G01,Volver a caminar,", "G01,Volver,a caminar,"), 2, None, "4 cells"),
    ],
)
def test_a_bad_translation_names_file_line_and_column(text, line, column, words):
    with pytest.raises(DataError) as caught:
        parse(text)
    error = caught.value
    assert error.file == "data/es/goals.csv"
    assert error.line == line
    assert error.column == column
    assert words in error.problem


def test_an_empty_english_cell_may_stay_empty():
    english = ENGLISH.assign(reason=["Walking is PT's work.", ""])
    translation = parse_translation(GOALS, b"goal_id,reason\nG01,Caminar.\nG02,\n", "data/es/goals.csv", english)
    assert translate_table(english, translation, "goals")["reason"].tolist() == ["Caminar.", ""]


def test_list_cells_keep_their_number_of_items():
    dims = TABLES["dimensions"]
    english = pd.DataFrame({"row_id": ["core-ot"], "key_points": ["one; two; three"]})
    with pytest.raises(DataError, match="2 items; the English cell has 3"):
        parse_translation(dims, b"row_id,key_points\ncore-ot,uno; dos\n", "data/es/dimensions.csv", english)


def test_onet_ratings_are_translated_once_per_element():
    ratings = TABLES["onet_ratings"]
    english = pd.DataFrame(
        {
            "rating_id": ["R001", "R002", "R003"],
            "element_id": ["2.A.1.a"] * 2 + ["2.A.1.b"],
            "element_name": ["Reading Comprehension", "Reading Comprehension", "Active Listening"],
        }
    )
    translation = parse_translation(
        ratings,
        "element_id,element_name\n2.A.1.a,Comprensión de lectura\n2.A.1.b,Escucha activa\n".encode(),
        "data/es/onet_ratings.csv",
        english,
    )
    swapped = translate_table(english, translation, "onet_ratings")
    assert swapped["element_name"].tolist() == ["Comprensión de lectura"] * 2 + ["Escucha activa"]


def test_the_loader_uses_data_es_when_there_is_a_file(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    english = load_table("goals", data)
    (data / "es").mkdir(exist_ok=True)
    rows = ["goal_id,goal"] + [f'{g},"ES {g}"' for g in english["goal_id"]]
    (data / "es" / "goals.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    spanish = load_table_in("goals", data, "es")
    assert spanish["goal"].tolist() == [f"ES {g}" for g in english["goal_id"]]
    assert spanish["reason"].tolist() == english["reason"].tolist()  # not translated: English
    assert load_table_in("goals", data, "en")["goal"].tolist() == english["goal"].tolist()
    # A table with no data/es file is shown in English.
    (data / "es" / "access.csv").unlink(missing_ok=True)
    assert load_table_in("access", data, "es")["statement"].tolist() == load_table("access", data)["statement"].tolist()
    # A broken translation is one message naming file, line and column.
    (data / "es" / "goals.csv").write_text("\n".join(rows[:-1] + [rows[-1].split(",")[0] + ","]) + "\n")
    frame, message = load_table_in_or_error("goals", data, "es")
    assert frame is None
    assert message.startswith(f"data/es/goals.csv, line {len(rows)}, column 'goal'")


def test_a_broken_translation_falls_back_to_english_with_its_message(tmp_path):
    """A page keeps the (valid) English table and says which translation file has which
    problem; only the English table's own problem means no table."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    english = load_table("goals", data)
    frame, error, problem = load_table_in_or_english("goals", data, "es")
    assert error is None and problem is None and frame["goal"].tolist() != english["goal"].tolist()
    frame, error, problem = load_table_in_or_english("goals", data, "en")
    assert error is None and problem is None and frame["goal"].tolist() == english["goal"].tolist()
    (data / "es" / "goals.csv").write_bytes(b"goal_id,goal\nG999,Nada\n")
    frame, error, problem = load_table_in_or_english("goals", data, "es")
    assert error is None
    pd.testing.assert_frame_equal(frame, english)
    assert problem.startswith("data/es/goals.csv, line 2, column 'goal_id'")
    # The English table broken: no table, the English message, whatever the translation.
    (data / "goals.csv").write_bytes(b"")
    frame, error, problem = load_table_in_or_english("goals", data, "es")
    assert frame is None and error.startswith("data/goals.csv") and problem is None


def test_translations_for_the_zip_leave_out_a_broken_one(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    frames = {name: load_table(name, data) for name in ("goals", "dimensions", "access")}
    (data / "es" / "access.csv").unlink()
    (data / "es" / "goals.csv").write_bytes(b"goal_id,goal\n")
    tables, problems = translations_for_zip(frames, data, "es")
    assert set(tables) == {"dimensions"}  # access: no file; goals: a problem
    assert set(problems) == {"goals"} and problems["goals"].startswith("data/es/goals.csv")
    dimensions = tables["dimensions"]
    assert dimensions.columns[0] == "row_id"
    assert dimensions["row_id"].tolist() == frames["dimensions"]["row_id"].tolist()
    # List cells are written the loader's way, items joined by "; ".
    assert all("; " in cell or ";" not in cell for cell in dimensions["key_points"])


def test_a_translation_table_of_a_table_keyed_by_element_has_one_row_per_element():
    english = load_table("onet_ratings")
    raw = (ROOT / "data" / "es" / "onet_ratings.csv").read_bytes()
    table = translation_table(
        "onet_ratings", parse_translation(TABLES["onet_ratings"], raw, "data/es/onet_ratings.csv", english)
    )
    assert list(table.columns) == ["element_id", "element_name"]
    assert table["element_id"].is_unique and set(table["element_id"]) == set(english["element_id"])


def test_translation_files_on_main_are_valid():
    """Whatever data/es/ holds is checked by the same rule (none may exist yet)."""
    for path in sorted((ROOT / "data" / "es").glob("*.csv")) if (ROOT / "data" / "es").exists() else []:
        name = next(n for n, t in TABLES.items() if t.file == path.name)
        assert load_table_in_or_error(name, ROOT / "data", "es")[1] is None


def test_only_text_and_list_columns_are_translatable():
    assert translatable_columns(GOALS) == ("goal", "reason")
    assert "population" in translatable_columns(TABLES["populations"])
    assert "usual_lead" not in translatable_columns(TABLES["populations"])


def test_questions_to_ask_are_found_by_the_english_topic_whatever_the_language():
    from components import decide as aid

    tables = {n: load_table(n) for n in ("goals", "populations", "interventions", "access", "payment")}
    payment = tables["payment"]
    situation = aid.Situation(goals=("Walk or climb stairs without pain",), age_group="Older adults")
    english = aid.decide(
        situation, tables["goals"], tables["populations"], tables["interventions"], tables["access"], payment=payment
    )
    # A translation gives one English topic one Spanish wording (rows of a topic stay together).
    spanish_payment = payment.assign(topic="Tema: " + payment["topic"], statement="Texto " + payment["payment_id"])
    spanish = aid.decide(
        situation,
        tables["goals"],
        tables["populations"],
        tables["interventions"],
        tables["access"],
        payment=spanish_payment,
        payment_topics=payment,
    )
    assert len(aid.questions_to_ask(spanish)) == len(aid.questions_to_ask(english))
    assert len(aid.payment_to_show(spanish)) == len(aid.payment_to_show(english))


def test_search_words_may_be_added_but_not_dropped():
    """populations.aliases: every English search word has its translation, and Spanish words
    readers type may follow; fewer words than English is an error like any list."""
    english = load_table("populations")
    raw = (ROOT / "data" / "es" / "populations.csv").read_bytes().decode("utf-8")
    first = english.iloc[0]
    words = [w.strip() for w in first["aliases"].split(";")]
    assert len(words) >= 2
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    column = rows[0].index("aliases")

    def with_aliases(cell: str) -> bytes:
        rows[1][column] = cell
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue().encode("utf-8")

    more = with_aliases(";".join(f"palabra {i}" for i in range(len(words) + 2)))
    parse_translation(TABLES["populations"], more, "data/es/populations.csv", english)
    fewer = with_aliases("palabra")
    with pytest.raises(DataError) as info:
        parse_translation(TABLES["populations"], fewer, "data/es/populations.csv", english)
    assert (info.value.line, info.value.column) == (2, "aliases")
    assert f"the English cell has {len(words)} (or more)" in info.value.problem
