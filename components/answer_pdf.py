"""The decision aid's answer as a printable PDF, to take to the appointment.

Pure Python, no Streamlit: `answer_pdf` takes the answer and the sources table and returns
the PDF's bytes. Built with fpdf2 and the DejaVu Sans font shipped in assets/fonts (so no
system font is assumed and every character of the data prints); nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from components import access as state_rules
from components import payment as pay
from components.decide import NAMES, Answer, Situation, describe, payment_to_show, questions_to_ask
from components.export import download_name
from components.i18n import N_, Translate, identity
from components.loader import split_list

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FONT = "DejaVu"
TITLE = N_("Which therapy could help?")
# Okabe-Ito, as on screen: OT blue, PT vermillion, both green.
COLORS = {"OT": (0, 114, 178), "PT": (213, 94, 0), "Both": (0, 158, 115)}
TEXT = (31, 35, 40)
MUTED = (85, 85, 85)


class _AnswerPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*MUTED)
        self.cell(
            0,
            5,
            self.footer_text.format(page=self.page_no(), pages="{nb}"),
            align="C",
        )


def _new_document() -> _AnswerPDF:
    pdf = _AnswerPDF(orientation="portrait", unit="mm", format="Letter")
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(13, 11, 13)
    pdf.set_auto_page_break(True, margin=15)
    pdf.alias_nb_pages()
    pdf.made_on = ""
    pdf.footer_text = ""  # set by answer_pdf, in the reader's language
    pdf.add_page()
    pdf.cited = {}  # the source ids of what is printed, in first-cited order
    return pdf


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(1.2)
    pdf.set_font(FONT, "B", 10.5)
    pdf.set_text_color(*TEXT)
    pdf.multi_cell(0, 5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(0.3)


def _para(
    pdf: FPDF, text: str, size: float = 8, bold: bool = False, color: tuple[int, int, int] = TEXT, height: float = 3.7
) -> None:
    pdf.set_font(FONT, "B" if bold else "", size)
    pdf.set_text_color(*color)
    pdf.multi_cell(0, height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _item(
    pdf: FPDF,
    label: str,
    text: str,
    sources: str = "",
    label_color: tuple[int, int, int] = TEXT,
    size: float = 8,
    height: float = 3.6,
) -> None:
    """One statement as a flowing paragraph: a bold label, the text, its source ids in brackets."""
    pdf.set_x(pdf.l_margin)
    if label:
        pdf.set_font(FONT, "B", size)
        pdf.set_text_color(*label_color)
        pdf.write(height, label + " ")
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*TEXT)
    pdf.write(height, text)
    for source_id in split_list(sources):
        pdf.cited.setdefault(source_id, None)
    if sources:
        pdf.set_text_color(*MUTED)
        pdf.write(height, f" [{sources}]")
    pdf.ln(height + 0.7)


def _short_url(url: str) -> str:
    """The address without its scheme and 'www.' (still one a browser opens), to save space."""
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix) :]
    return url[4:] if url.startswith("www.") else url


def _label(profession: str, _: Translate = identity) -> str:
    names = {"OT": "OT", "PT": "PT", "Both": _("OT and PT"), "Other": _("Others")}
    return f"{names.get(profession, profession)}:"


def answer_pdf(
    answer: Answer,
    situation: Situation,
    sources: pd.DataFrame,
    not_advice: str,
    made_on: dt.date | None = None,
    address: str = "",
    _: Translate = identity,
) -> bytes:
    """The whole answer on one or two printed pages: the situation, the answer, why, what each
    profession would work on, how to get started (the state's rule, paying), others who may
    help, questions for the first visit, every source with its date, the date made and the
    not-medical-advice note. Headings and fixed words in the language of `_` (the answer's
    statements are already in it)."""
    made_on = made_on or dt.date.today()
    title = _(TITLE)
    pdf = _new_document()
    pdf.made_on = _("made on {date}").format(date=made_on.isoformat())
    pdf.footer_text = (
        f"{title} · {pdf.made_on} · " + _("information, not medical advice") + " · " + _("page {page} of {pages}")
    )
    pdf.set_title(f"{title} {answer.headline}")
    pdf.set_creator(_("OT or PT? A sourced comparison"))
    pdf.set_creation_date(dt.datetime(made_on.year, made_on.month, made_on.day, tzinfo=dt.UTC))

    _para(pdf, title, size=15, bold=True, height=7)
    _para(
        pdf, _("Made on {date}.").format(date=made_on.isoformat()) + f" {not_advice}", size=8, color=MUTED, height=3.8
    )
    pdf.ln(1)

    _heading(pdf, _("Your situation"))
    situation_text = describe(situation, _)
    _para(pdf, situation_text[0].upper() + situation_text[1:] + ".")

    _heading(pdf, _("The answer"))
    _para(pdf, answer.headline, size=10.5, bold=True, height=5.2)
    for note in answer.notes:
        _para(pdf, _("Note: {note}").format(note=note), size=8.5, color=MUTED)

    if not answer.reasons.empty:
        _heading(pdf, _("Why"))
        for row in answer.reasons.itertuples():
            _item(pdf, f"{row.part}.", row.statement, row.source_ids, COLORS.get(row.profession, TEXT))

    if not answer.work_on.empty:
        _heading(
            pdf, _("What each would work on for {condition}").format(condition=answer.condition["population"].iloc[0])
        )
        for row in answer.work_on.itertuples():
            lead = "" if row.in_answer else _("May also help:") + " "
            name = _(NAMES[row.profession])
            _item(
                pdf,
                f"{name[0].upper()}{name[1:]}.",
                lead + row.statement,
                row.source_ids,
                COLORS[row.profession],
            )

    _heading(pdf, _("How to get started"))
    for row in answer.rules.itertuples():
        text = " ".join(t for t in (row.statement, state_rules.dated(row.as_of, _), row.note) if t)
        _item(
            pdf,
            _("Referral ({scope}).").format(scope=row.scope),
            text,
            row.source_ids,
            COLORS.get(row.profession, TEXT),
        )
    state_rule_for = set(answer.rules["profession"]) if situation.state else set()
    for row in answer.access.itertuples():
        if row.topic == "Referral and direct access" and row.profession in state_rule_for:
            continue  # the chosen state's own rule for this profession replaces the national statements
        _item(
            pdf,
            _label(row.profession, _),
            f"{row.statement} {state_rules.dated(getattr(row, 'as_of', ''), _)}".strip(),
            row.source_ids,
            COLORS.get(row.profession, TEXT),
        )
    if not payment_to_show(answer).empty:
        _para(pdf, _("Paying for therapy"), size=9, bold=True, height=4.6)
        for _index, row in payment_to_show(answer).iterrows():
            _item(
                pdf,
                f"{row['payer']}, {row['topic']}.",
                f"{pay.statement_with_amount(row, _)} {state_rules.dated(row['as_of'], _)}",
                row["source_ids"],
            )

    if not answer.others.empty:
        _heading(pdf, _("Others who may help"))
        for row in answer.others.itertuples():
            _item(pdf, f"{row.role}.", row.reason, row.source_ids)

    _heading(pdf, _("Questions to ask at the first visit"))
    questions = questions_to_ask(answer, _)
    if (questions["source_ids"] == "").all():
        _para(pdf, _("General questions written by us (not from a source):"), size=8.5, color=MUTED)
    for row in questions.itertuples():
        _item(pdf, "–", row.question, row.source_ids)

    _heading(pdf, _("Sources"))
    _para(
        pdf,
        _("Each with its date and tier: A official or primary; B health system or university; C other.")
        + " "
        + _("Titles and publishers as published."),
        size=7,
        color=MUTED,
        height=3.4,
    )
    cited = sources.set_index("source_id")
    # Two narrow columns in small type keep the whole answer on one or two pages.
    with pdf.text_columns(ncols=3, gutter=4, text_align="LEFT", line_height=1.05) as columns:
        for source_id in [s for s in pdf.cited if s in cited.index]:
            row = cited.loc[source_id]
            with columns.paragraph(bottom_margin=0.6) as paragraph:
                pdf.set_font(FONT, "B", 6)
                paragraph.write(f"[{source_id}] ")
                pdf.set_font(FONT, "", 6)
                paragraph.write(
                    f"{row['publisher']}: {row['title']}. {state_rules.dated(row['as_of'], _)} "
                    + _("Tier {tier}").format(tier=row["tier"])
                    + f". {_short_url(row['url'])}"
                )

    return bytes(pdf.output())


def pdf_file_name(situation: Situation, _: Translate = identity) -> str:
    """e.g. which-therapy_stroke-post-stroke-rehabilitation_ohio.pdf"""
    state = state_rules.state_name(situation.state) if situation.state else ()
    return download_name(_("which-therapy"), situation.condition or (), state)[: -len(".csv")] + ".pdf"
