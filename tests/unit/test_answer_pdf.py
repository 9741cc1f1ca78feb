"""The answer as a PDF (components/answer_pdf.py): its text holds the situation, the
headline, the state's rule with its date, the questions and every source with its date;
it renders. Text is read back with poppler's pdftotext and page 1 drawn with pdftoppm."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from components.answer_pdf import FONT_DIR, answer_pdf, pdf_file_name
from components.decide import GENERIC_QUESTIONS, Situation, decide
from tests.unit.test_decide import ACCESS, INTERVENTIONS
from tests.unit.test_next_steps import (
    CARE_ROLES,
    CARE_TEAM,
    GOALS_WITH_OTHER,
    PAYMENT,
    POPULATIONS_WITH_ALIASES,
    STATE_ACCESS,
    run,
)

NOT_ADVICE = "This is general information, not medical advice."
SITUATION = dict(
    condition="Stroke", age_group="Older adults", setting="Home", goals=("Walk again", "Swallow safely"), state="ME"
)
SOURCES = pd.DataFrame(
    {
        "source_id": [f"S{i}" for i in range(1, 50)],
        "publisher": [f"Publisher {i} – “quoted”, é" for i in range(1, 50)],
        "title": [f"Title {i}" for i in range(1, 50)],
        "url": [f"https://example.org/{i}" for i in range(1, 50)],
        "as_of": ["2024-05" if i % 2 else "undated" for i in range(1, 50)],
        "tier": ["A"] * 49,
    }
)
POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm")
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftotext, pdftoppm) is not installed; .ci/run installs it"
)


def build(**situation) -> tuple[bytes, object]:
    answer = run(**situation)
    return answer_pdf(answer, Situation(**situation), SOURCES, NOT_ADVICE, made_on=dt.date(2026, 12, 2)), answer


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "answer.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, timeout=60)
    return " ".join(out.stdout.decode("utf-8").split())  # one line: wrapped sentences compare whole


def test_the_font_ships_with_the_project_and_its_licence():
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"):
        assert (FONT_DIR / name).is_file(), name


def test_builds_a_whole_pdf_the_same_way_each_time():
    data, _ = build(**SITUATION)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert build(**SITUATION)[0] == data  # no clock or random id inside: the date made is an argument


@needs_poppler
def test_text_holds_situation_headline_state_rule_questions_sources_and_note(tmp_path):
    data, answer = build(**SITUATION)
    text = pdf_text(data, tmp_path)
    assert "Condition: Stroke, age: Older adults, setting: Home, state: Maine" in text
    assert answer.headline in text
    assert "In Maine, you can see a physical therapist without a doctor's referral, with limits" in text
    assert "As of 2025-07." in text and "[S21]" in text  # the rule's date and source
    assert "For occupational therapy in Maine" in text
    assert "Amount: $2,410 (2025)" in text  # an amount with its year
    assert "Speech-language pathologist" in text  # others who may help
    assert "Ask how many visits a year your plan pays for. [S34]" in text  # a sourced question
    # Every source of what is printed is listed with its date; none of what is not printed.
    for source_id in ("S1", "S40", "S5", "S21", "S22", "S32", "S30", "S31", "S43", "S41", "S44", "S34"):
        assert f"[{source_id}] Publisher {source_id[1:]} – “quoted”, é" in text  # Unicode survives
    assert "[S10]" not in text  # the treatments' sources: treatments are not in the PDF
    assert "As of 2024-05. Tier A. example.org/1 " in text and "Undated. Tier A" in text
    assert "Made on 2026-12-02" in text and NOT_ADVICE in text


@needs_poppler
def test_without_a_state_the_pdf_gives_the_national_picture_and_our_own_questions(tmp_path):
    data, _ = build(goals=("Walk again",), age_group="Older adults", setting="Outpatient clinic")
    text = pdf_text(data, tmp_path)
    assert "Rules differ by state" in text and "Referral (United States)" in text
    assert "Ask how many visits" in text  # the insurer's question, sourced
    situation = Situation(goals=("Swallow safely",), age_group="Older adults")
    answer = decide(
        situation,
        GOALS_WITH_OTHER,
        POPULATIONS_WITH_ALIASES,
        INTERVENTIONS,
        ACCESS,
        STATE_ACCESS,
        PAYMENT[PAYMENT["payment_id"] != "M05"],
        CARE_TEAM,
        CARE_ROLES,
    )
    text = pdf_text(answer_pdf(answer, situation, SOURCES, NOT_ADVICE, made_on=dt.date(2026, 12, 2)), tmp_path)
    assert "General questions written by us (not from a source):" in text and GENERIC_QUESTIONS[0] in text


@needs_poppler
def test_page_one_renders(tmp_path):
    data, _ = build(**SITUATION)
    (tmp_path / "answer.pdf").write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(tmp_path / "answer.pdf"), str(tmp_path / "page")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    pages = list(tmp_path.glob("page*.png"))
    assert len(pages) == 1 and pages[0].stat().st_size > 5_000
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "answer.pdf")], check=True, capture_output=True, text=True, timeout=60
    ).stdout
    assert int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))) <= 2


def test_file_name_names_condition_and_state():
    assert pdf_file_name(Situation(condition="Stroke (post-stroke rehabilitation)", state="OH")) == (
        "which-therapy_stroke-post-stroke-rehab_ohio.pdf"
    )
    assert pdf_file_name(Situation(goals=("Walk again",))) == "which-therapy.pdf"


@needs_poppler
def test_a_state_rule_replaces_the_national_statement_only_for_its_profession(tmp_path):
    ohio, _ = build(goals=("Dress myself",), state="OH")  # Ohio: no OT rule in the table
    assert "OT referral." in pdf_text(ohio, tmp_path)
    maine, _ = build(goals=("Dress myself",), state="ME")  # Maine: an OT rule of its own
    text = pdf_text(maine, tmp_path)
    assert "OT referral." not in text and "For occupational therapy in Maine" in text


def test_the_pdf_in_spanish():
    """With the Spanish `_`, the PDF's headings and fixed words are Spanish and it still
    fits on one or two pages (DejaVu Sans has every Spanish letter)."""
    import datetime as dt
    import subprocess

    from components import decide as aid
    from components.answer_pdf import answer_pdf, pdf_file_name
    from components.i18n import gettext
    from components.loader import load_table

    _ = gettext("es")
    tables = {n: load_table(n) for n in ("goals", "populations", "interventions", "access", "sources")}
    situation = aid.Situation(
        condition="Stroke (post-stroke rehabilitation)", goals=("Walk or climb stairs without pain",)
    )
    answer = aid.decide(
        situation, tables["goals"], tables["populations"], tables["interventions"], tables["access"], _=_
    )
    pdf = answer_pdf(answer, situation, tables["sources"], _("x"), made_on=dt.date(2026, 1, 2), _=_)
    assert pdf.startswith(b"%PDF")
    assert pdf_file_name(situation, _).startswith("que-terapia_")
    try:
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    except (FileNotFoundError, subprocess.CalledProcessError):
        return  # poppler-utils not installed here: the bytes were built, the words are checked in CI
    for words in ("¿Qué terapia podría ayudar?", "Su situación", "La respuesta", "Cómo empezar", "Fuentes"):
        assert words in text
