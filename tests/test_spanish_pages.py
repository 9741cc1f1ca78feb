"""The Spanish edition under AppTest: the language switch, the navigation, and each
translated page with ?lang=es (runs, Spanish title and headings, filters work, the URL
keeps lang), with the same answers as in English."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.i18n import gettext
from components.loader import load_table
from tests.conftest import run_page

ROOT = Path(__file__).resolve().parents[1]
DECIDE = ROOT / "app_pages" / "decide.py"
STROKE = "Stroke (post-stroke rehabilitation)"
_ = gettext("es")


# The one AppTest runner of the test suite (tests/conftest.py), under its short local name.
run = run_page


def answer_frame(at: AppTest, lang: str = "es"):
    t = gettext(lang)
    columns = [t(c) for c in ("Part", "Profession", "Statement", "Sources", "Sourcing")]
    matches = [d.value for d in at.dataframe if list(d.value.columns) == columns]
    assert len(matches) == 1
    return matches[0]


def test_the_switch_sets_the_language_and_keeps_the_other_choices():
    at = run(ROOT / "dashboard.py", {"lang": "es", "condition": STROKE})
    assert not at.exception
    assert at.radio(key="lang").value == "es"
    assert at.title[0].value == "¿Qué terapia podría ayudar?"
    assert at.selectbox(key="condition").value == STROKE
    at.radio(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Which therapy could help?"
    assert at.selectbox(key="condition").value == STROKE  # the choice survives the switch
    at.radio(key="lang").set_value("es").run()
    assert at.title[0].value == "¿Qué terapia podría ayudar?"
    assert at.selectbox(key="condition").value == STROKE


def test_without_lang_the_app_is_in_english():
    at = run(ROOT / "dashboard.py")
    assert not at.exception
    assert at.radio(key="lang").value == "en"
    assert at.title[0].value == "Which therapy could help?"
    assert not at.info or "traducida" not in at.info[0].value


def test_the_decide_page_in_spanish_guides_and_offers_examples():
    at = run(DECIDE, {"lang": "es"})
    assert not at.exception and not at.error
    assert at.title[0].value == "¿Qué terapia podría ayudar?"
    assert at.info[0].value.startswith("Elija una afección")
    assert [b.label for b in at.button] == [
        "Derrame cerebral, 70 años, quiere volver a vestirse y caminar",
        "Niño con autismo, escritura a mano",
        "Dolor de rodilla después de correr",
    ]
    assert at.selectbox(key="age_group").label == "Grupo de edad (opcional)"
    assert "Bebés y niños pequeños" in at.selectbox(key="age_group").options


@pytest.mark.parametrize("example, verdict", [(0, "Both"), (1, "OT"), (2, "PT")])
def test_the_examples_give_the_same_professions_in_spanish(example, verdict):
    professions = {}
    for lang in ("en", "es"):
        at = run(DECIDE, {"lang": lang})
        at.button[example].click().run()
        assert not at.exception and not at.error
        answer = answer_frame(at, lang)
        professions[lang] = answer.iloc[1][gettext(lang)("Profession")]
    assert professions == {"en": verdict, "es": _(verdict) if verdict == "Both" else verdict}


def test_the_answer_in_spanish_has_spanish_headings_and_keeps_lang_in_the_url():
    at = run(DECIDE, {"lang": "es", "goal": ["Walk or climb stairs without pain"]})
    assert not at.exception and not at.error
    headings = [h.value for h in at.subheader]
    for english in ("The answer", "Why", "How to get started", "Save or share this answer"):
        assert _(english) in headings
    assert "**" + "Fisioterapia (PT) podría ayudar." + "**" in " ".join(m.value for m in at.markdown)
    # A filter changed on the page: the answer follows, and lang stays in the URL.
    at.selectbox(key="condition").set_value(STROKE).run()
    assert not at.exception
    assert at.query_params.get("lang") == "es"
    assert at.title[0].value == "¿Qué terapia podría ayudar?"
    assert any(_("What each would work on for {condition}").split("{")[0] in h.value for h in at.subheader)
    labels = {b.proto.label for b in at.get("download_button")}
    assert {"Descargar esta respuesta (CSV)", "Descargar esta respuesta (PDF)"} <= labels


def test_the_decide_page_shows_the_spanish_data_when_there_is_a_translation(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    goals = load_table("goals", data)
    (data / "es").mkdir(exist_ok=True)
    rows = ["goal_id,goal,reason"] + [f'{g},"Meta {g}","Razón {g}."' for g in goals["goal_id"]]
    (data / "es" / "goals.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setenv("OTPT_DATA_DIR", str(data))
    first = goals.iloc[0]
    at = run(DECIDE, {"lang": "es", "goal": [first["goal"]]})
    assert not at.exception and not at.error
    assert at.multiselect(key="goal").value == [first["goal"]]  # the URL value stays English
    shown = " ".join(m.value.replace("\\", "") for m in at.markdown)
    assert f"Meta {first['goal_id']}" in shown
    assert f"Razón {first['goal_id']}." in shown
    # A broken translation: the page goes on with that table in English, and one note in
    # Spanish names the file and line (in a second folder: the app reads each folder's
    # tables once per process).
    broken = tmp_path / "broken"
    shutil.copytree(data, broken)
    (broken / "es" / "goals.csv").write_text("\n".join(rows[:-1]) + "\n", encoding="utf-8")
    monkeypatch.setenv("OTPT_DATA_DIR", str(broken))
    at = run(DECIDE, {"lang": "es", "goal": [first["goal"]]})
    assert not at.exception and not at.error
    notes = [w.value for w in at.warning if "goals" in w.value]
    assert len(notes) == 1
    assert notes[0].startswith("Parte de esta página se muestra en inglés")
    assert f"es/goals.csv, line {len(rows)}" in notes[0].replace("\\", "")
    shown = " ".join(m.value.replace("\\", "") for m in at.markdown)
    assert f"Meta {first['goal_id']}" not in shown and first["reason"] in shown


def test_compare_in_spanish_runs_filters_and_keeps_lang():
    page = ROOT / "app_pages" / "compare.py"
    at = run(page, {"lang": "es"})
    assert not at.exception and not at.error
    assert at.title[0].value == "¿En qué se diferencian la terapia ocupacional y la fisioterapia?"
    headings = [h.value for h in at.subheader]
    assert headings[:2] == ["Datos básicos", "Enfoque principal"]
    assert at.multiselect(key="dimension").label == "Aspectos para comparar"
    at.multiselect(key="dimension").set_value(["Core focus"]).run()
    assert not at.exception
    assert [h.value for h in at.subheader] == ["Datos básicos", "Enfoque principal", "La comparación en una tabla"]
    assert at.query_params.get("lang") == "es"
    table = next(d.value for d in at.dataframe if "Aspecto" in d.value.columns)
    assert set(table["Aspecto"]) == {"Enfoque principal"}
    assert list(table.columns)[:4] == ["Aspecto", "Profesión", "Resumen", "Puntos clave"]
    assert {b.proto.label for b in at.get("download_button")} == {"Descargar esta tabla (CSV)"}


def test_compare_in_english_is_unchanged_by_the_catalogue():
    at = run(ROOT / "app_pages" / "compare.py")
    assert at.title[0].value == "How do occupational and physical therapy differ?"
    assert [h.value for h in at.subheader][:2] == ["Quick facts", "Core focus"]
    assert not any("stay in English" in c.value for c in at.caption)


def test_populations_in_spanish_runs_filters_and_keeps_lang():
    page = ROOT / "app_pages" / "populations.py"
    at = run(page, {"lang": "es", "age": ["Older adults"]})  # a link made in English
    assert not at.exception and not at.error
    assert at.title[0].value == "¿Quién hace qué para cada tipo de paciente?"
    assert at.multiselect(key="age").value == ["Older adults"]
    assert "Adultos mayores" in at.multiselect(key="age").options
    assert at.multiselect(key="population").label == "Grupos de pacientes o afecciones"
    assert at.markdown[0].value.startswith("**De los ")
    at.multiselect(key="population").set_value([STROKE]).run()
    assert not at.exception
    assert at.markdown[0].value.startswith("**Para ")
    assert at.query_params.get("lang") == "es"
    table = next(d.value for d in at.dataframe if "Grupo de pacientes" in d.value.columns)
    assert len(table) == 1 and "Quién suele dirigir" in table.columns
    assert at.subheader[0].value == "La tabla"


def test_populations_charts_in_spanish():
    from tests.conftest import open_expanders

    at = AppTest.from_file(str(ROOT / "app_pages" / "populations.py"), default_timeout=30)
    at.query_params["lang"] = "es"
    at.query_params["view"] = "Gráficos: quién dirige y cuánto participa cada una"
    at.run()
    at = open_expanders(at)
    assert not at.exception and not at.error
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    titles = [c["layout"]["title"]["text"] for c in charts]
    assert titles == ["Quién suele dirigir, por categoría"]
    assert "**Cuánto participa cada profesión**" in [m.value for m in at.markdown]
    (involvement,) = [m.value for m in at.markdown if m.value.startswith("| ")]
    assert involvement.splitlines()[0].startswith("| Grupo de pacientes | :blue-badge[OT] terapia ocupacional |")
    assert "Leads" not in involvement and "Supports" not in involvement
    legend = {trace["name"] for trace in charts[0]["data"]}
    assert legend == {"OT suele dirigir", "PT suele dirigir", "Ambas comparten la dirección"}
    assert charts[0]["layout"]["yaxis"]["title"]["text"] == "Categoría"
    numbers = [d.value for d in at.dataframe if "Número de grupos de pacientes" in d.value.columns]
    assert numbers and set(numbers[0]["Quién suele dirigir"]) <= {"OT", "PT", "Ambas"}


def test_interventions_in_spanish_runs_filters_and_keeps_lang():
    page = ROOT / "app_pages" / "interventions.py"
    at = run(page, {"lang": "es", "used_by": "PT"})
    assert not at.exception and not at.error
    assert at.title[0].value == "¿Qué tratamientos usa cada profesión?"
    assert at.radio(key="used_by").value == "PT"
    assert "OT o PT" in at.radio(key="used_by").options
    at.multiselect(key="treatment_category").set_value(["Evaluation"]).run()
    assert not at.exception
    assert at.query_params.get("lang") == "es"
    table = next(d.value for d in at.dataframe if "Tratamiento" in d.value.columns)
    assert set(table["Categoría"]) == {"Evaluación"}
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert chart["layout"]["title"]["text"] == "Cómo se reparten los tratamientos entre OT y PT"
    assert {t["name"] for t in chart["data"]} == {"Sobre todo OT", "Ambas", "Sobre todo PT"}


def test_sources_in_spanish_explains_citations_and_translates_headings():
    from tests.conftest import open_expanders

    at = open_expanders(run(ROOT / "app_pages" / "sources.py", {"lang": "es"}))
    assert not at.exception and not at.error
    assert at.title[0].value == "¿De dónde sale cada dato?"
    assert "tal como se publicaron" in at.info[0].value
    headings = [h.value for h in at.subheader]
    assert "¿Qué tan sólidas son las fuentes?" in headings
    assert "Donde las fuentes no están de acuerdo" in headings
    listed = next(d.value for d in at.dataframe if "Editor" in d.value.columns)
    sources = load_table("sources")
    # Titles and publishers stay as published.
    assert set(listed["Editor"]) <= set(sources["publisher"])
    assert set(listed["Título"]) <= set(sources["title"])
    at.multiselect(key="tier").set_value(["A"]).run()
    assert not at.exception
    assert at.query_params.get("lang") == "es"


def test_the_state_map_in_spanish():
    from tests.conftest import open_expanders

    at = open_expanders(run(DECIDE, {"lang": "es", "goal": ["Walk or climb stairs without pain"], "state": "Ohio"}))
    assert not at.exception and not at.error
    maps = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert maps and maps[0]["layout"]["title"]["text"] == "Ver a un fisioterapeuta (PT) sin remisión"
    assert any(t.get("name", "").startswith("U Sin restricciones") for t in maps[0]["data"])
    table = next(d.value for d in at.dataframe if "PT sin remisión" in d.value.columns)
    assert set(table["PT sin remisión"]) <= {"Sin restricciones", "Provisional", "Limitado", "Sin datos"}
    assert any(c.value.startswith("Cada cuadro es un estado") for c in at.caption)


def test_a_state_link_works_in_both_languages_and_shows_the_spanish_name():
    at = run(DECIDE, {"lang": "es", "state": "New Mexico", "goal": ["Walk or climb stairs without pain"]})
    assert not at.exception and not at.error
    assert at.selectbox(key="state").value == "New Mexico"  # the value Jobs by state shares
    assert "**¿Necesita una remisión en Nuevo México?**" in [m.value for m in at.markdown]


def test_quick_facts_say_undated_in_spanish():
    at = run(ROOT / "app_pages" / "compare.py", {"lang": "es"})
    shown = " ".join(m.value for m in at.markdown)
    assert "datos de sin fecha" not in shown


# --- the careers pages ------------------------------------------------------------------------


def table_with(at: AppTest, column: str):
    """The one table on screen that has this column."""
    found = [d.value for d in at.dataframe if column in d.value.columns]
    assert len(found) == 1, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def csv_header_of(frame) -> list[str]:
    """The header of the CSV a table's download button gives: the download is exactly the
    table on screen (app_pages.common.table_with_download), written by to_csv_bytes."""
    import csv
    import io

    from components.export import to_csv_bytes

    return next(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8-sig"))))


def test_work_in_spanish_runs_filters_and_keeps_lang():
    at = run_page(ROOT / "app_pages" / "work.py", {"lang": "es"}, open_all=True)
    assert not at.exception and not at.error
    assert at.title[0].value == "¿En qué se diferencia el trabajo diario de un OT y de un PT?"
    assert [h.value for h in at.subheader] == [
        "Qué tipo de trabajo le va a cada una: intereses",
        "Lo que más hace cada una: las tareas principales",
        "Cuánta preparación",
    ]
    assert at.multiselect(key="domain").label == "Qué comparar"
    assert at.multiselect(key="domain").format_func("Skills") == "Habilidades"
    credit = [c.value for c in at.caption if c.value.startswith("Fuente: Base de datos O\\*NET 30\\.0")]
    assert len(credit) == 4 and all("CC BY 4\\.0" in c for c in credit)
    assert csv_header_of(table_with(at, "Elemento"))[:2] == ["Área", "Elemento"]
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert chart["layout"]["title"]["text"].startswith("OT y PT, importancia")
    rows = len(table_with(at, "Elemento"))
    at.radio(key="show").set_value("All").run()
    at = open_expanders_again(at)
    assert not at.exception
    assert at.query_params.get("lang") == "es"
    assert len(table_with(at, "Elemento")) > rows
    interests = table_with(at, "Interés")
    assert "Investigative" not in set(interests["Interés"])  # shown in Spanish, found by the English name
    assert interests["Qué significa"].str.len().gt(0).all()
    assert list(interests.columns) == ["Interés", "Qué significa", "Puntaje de OT (1-7)", "Puntaje de PT (1-7)"]


def open_expanders_again(at: AppTest) -> AppTest:
    from tests.conftest import open_expanders

    return open_expanders(at)


def test_where_in_spanish_runs_filters_and_keeps_lang():
    at = run_page(ROOT / "app_pages" / "where.py", {"lang": "es", "occupation": "PT"}, open_all=True)
    assert not at.exception and not at.error
    assert at.title[0].value == "¿En qué estados están los empleos y cuánto pagan?"
    assert at.radio(key="occupation").label == "Profesión"
    assert at.selectbox(key="state").format_func("Pennsylvania") == "Pensilvania"
    assert at.markdown[0].value.startswith("**PT, empleos asalariados, mayo de 2023")
    table = table_with(at, "Estado")
    assert "Pensilvania" in set(table["Estado"]) and "Pennsylvania" not in set(table["Estado"])
    assert csv_header_of(table)[:3] == ["Estado", "Cifra (empleos)", "En palabras"]
    tiles = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert tiles["layout"]["title"]["text"].startswith("PT: Empleos asalariados")
    assert any("Pensilvania: " in cell for trace in tiles["data"] for row in trace["customdata"] for cell in row)
    # A state chosen on the page: the detail follows and the URL keeps the language.
    at.selectbox(key="state").set_value("Pennsylvania").run()
    assert not at.exception
    assert at.query_params.get("lang") == "es"
    assert at.subheader[-1].value == "Todas las cifras que tenemos de Pensilvania"
    detail = table_with(at, "Dato")
    assert csv_header_of(detail)[:3] == ["Profesión", "Medida", "Dato"]
    assert not set(detail["Medida"]) & {"Payroll jobs (OEWS wage survey; excludes self-employed)"}


def test_an_english_link_to_the_state_map_opens_in_spanish_with_the_same_choices():
    """The URL holds each choice as shown: an English link (profession group, measure and
    period by their English text) keeps them in Spanish, and the profession reads in Spanish."""
    english = {"occupation": "OT", "measure": "Average (mean) pay per year", "period": "May 2021"}
    for lang in ("en", "es"):
        at = run_page(ROOT / "app_pages" / "where.py", {"lang": lang, **english})
        assert not at.exception and not at.error
        assert at.radio(key="occupation").value == "OT"
        assert (at.selectbox(key="measure").value, at.selectbox(key="period").value) == ("mean_annual_wage", "2021-05")
    at = run_page(ROOT / "app_pages" / "where.py", {"lang": "es", "occupation": "PT aides"})
    assert at.radio(key="occupation").value == "PT aides"
    assert at.radio(key="occupation").format_func("PT aides") == "Auxiliares de PT"
    assert at.markdown[0].value.startswith("**Auxiliares de PT, ")


CAREERS = ROOT / "app_pages" / "careers.py"


@pytest.mark.parametrize(
    "section, heading_column",
    [
        ("Degree and license", "Tema"),
        ("Pay", "El 10% peor pagado gana menos de"),
        ("Jobs and growth", "Dato"),
        ("Where they work", "Lugar de trabajo o industria"),
        ("Over the years", "En el gráfico"),
        ("Where sources disagree", "Pregunta"),
    ],
)
def test_careers_in_spanish_every_tab(section, heading_column):
    at = run_page(CAREERS, {"lang": "es", "section": _(section)}, open_all=True)
    assert not at.exception and not at.error
    assert at.title[0].value == "OT o PT como carrera: ¿qué formación, qué salario y qué empleos?"
    assert at.subheader[0].value == "Datos básicos"
    assert at.markdown[0].value.startswith("**Salario medio \\(mediana\\), primero las cifras oficiales")
    table = table_with(at, heading_column)
    header = csv_header_of(table)
    assert header[0] in {"Tema", "Profesión", "Pregunta"} and "Sources" not in header
    for chart in at.get("plotly_chart"):
        title = json.loads(chart.proto.spec)["layout"]["title"]["text"]
        assert not title.startswith(("Highest", "Most", "Fastest", "Where they work", "Median pay")), title


@pytest.mark.parametrize(
    "lang, section, label, pay_column",
    [
        ("es", "Pay", "Salario", "El 10% peor pagado gana menos de"),  # an English link opened in Spanish
        ("en", "Salario", "Pay", "Median (half earn more)"),  # a Spanish link opened in English
    ],
)
def test_a_careers_tab_link_opens_the_same_tab_in_the_other_language(lang, section, label, pay_column):
    at = run_page(CAREERS, {"lang": lang, "section": section}, open_all=True)
    assert not at.exception and not at.error
    assert at.session_state["section"] == label
    assert len(at.get("plotly_chart")) == 1  # the Pay tab's one chart, not the first tab's none
    table_with(at, pay_column)


def test_switching_language_keeps_the_open_tab():
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["section"] = "Pay"
    at.run()
    at.switch_page("app_pages/careers.py").run()
    assert not at.exception
    assert at.session_state["section"] == "Pay"
    at.radio(key="lang").set_value("es").run()
    assert not at.exception and not at.error
    assert at.session_state["section"] == "Salario"
    table_with(open_expanders_again(at), "El 10% peor pagado gana menos de")
    at.radio(key="lang").set_value("en").run()
    assert at.session_state["section"] == "Pay"
    table_with(open_expanders_again(at), "Median (half earn more)")


def test_a_populations_view_link_opens_the_same_view_in_the_other_language():
    page = ROOT / "app_pages" / "populations.py"
    charts = _("Charts: who leads, how involved")
    for lang, view, label in (("es", "Charts: who leads, how involved", charts), ("en", charts, None)):
        at = run(page, {"lang": lang, "view": view, "population": [STROKE]})
        assert not at.exception and not at.error
        assert at.session_state["view"] == (label or "Charts: who leads, how involved")
        assert at.get("plotly_chart")  # the charts view, not the cards


@pytest.mark.parametrize("lang", ["es", "en"])
def test_choices_shown_through_the_catalogue_open_from_a_link_in_the_other_language(lang):
    """Radios and segmented controls keep the label as shown in the URL too: a link made in
    one language (English text, or the Spanish label) opens the same choice in the other."""
    other = (lambda text: text) if lang == "es" else _
    trend = "Payroll jobs (OEWS wage survey)"
    at = run_page(CAREERS, {"lang": lang, "section": other("Over the years"), "trend": other(trend)})
    assert not at.exception and at.radio(key="trend").value == trend
    query = {"lang": lang, "section": other("Becoming one"), "school_type": other("Public")}
    query["exam_measure"] = other("New graduates passing within one year")
    at = run_page(CAREERS, query)
    assert not at.exception and not at.error
    assert at.radio(key="exam_measure").value == "New graduates passing within one year"
    assert next(w.value for w in at.get("button_group") if w.key == "school_type") == "Public"
    at = run_page(ROOT / "app_pages" / "work.py", {"lang": lang, "scale": other("Level"), "show": other("All")})
    assert not at.exception
    assert (at.radio(key="scale").value, at.radio(key="show").value) == ("Level", "All")


def test_careers_in_spanish_filters_and_keeps_lang():
    at = run_page(CAREERS, {"lang": "es", "section": _("Degree and license")}, open_all=True)
    assert at.multiselect(key="profession").label == "Profesiones para comparar"
    facts = at.table[0].value
    assert "Título para empezar a ejercer" in list(facts.index)
    assert set(table_with(at, "Tema")["Profesión"]) == {"OT", "OTA", "PT", "PTA"}
    at.multiselect(key="profession").set_value(["OT"]).run()
    at = open_expanders_again(at)
    assert not at.exception
    assert at.query_params.get("lang") == "es"
    assert set(table_with(at, "Tema")["Profesión"]) == {"OT"}
    assert list(at.table[0].value.columns) == ["OT"]
    # Education facts are found by their English words and shown in Spanish.
    assert not any("Entry-level" in str(v) for v in at.table[0].value["OT"])


def test_careers_becoming_one_in_spanish():
    at = run_page(CAREERS, {"lang": "es", "section": _("Becoming one"), "profession": ["OT", "PT"]}, open_all=True)
    assert not at.exception and not at.error
    headings = [h.value for h in at.subheader]
    assert "¿Cuántos años hay desde la escuela secundaria hasta la licencia?" in headings
    assert "Cómo mantener la licencia" in headings
    summaries = [m.value for m in at.markdown if m.value.startswith("- OT")]
    assert summaries and "después de la escuela secundaria" in summaries[0]
    stages = table_with(at, "Etapa")
    assert csv_header_of(stages)[:3] == ["Ruta", "Paso", "Etapa"]
    costs = table_with(at, "Tipo de escuela")
    assert "Graduate debt median" not in set(costs["Medida"])
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert titles[0].startswith("Años desde la escuela secundaria")
