"""Unit tests for components/loader.py: one small failing fixture per validation rule.

Every failing case checks the DataError's file, line and column, and that the
message (str) names them, so a non-programmer can find the problem.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from components import loader
from components.loader import DataError, load_table, load_table_or_error, parse_table, split_list
from components.schema import INTERVENTIONS, POPULATIONS, SOURCES, TABLES, Column, TableSchema

# --- tiny fixtures --------------------------------------------------------------------------

SOURCES_HEADER = "source_id,publisher,title,url,as_of,date_kind,tier,note"
SOURCE_ROW_1 = "CL001,Pub One,Title one,https://example.org/one,2021,,A,"
SOURCE_ROW_2 = "CL002,Pub Two,Title two,http://example.org/two,undated,,C,a copy"

POP_HEADER = (
    "population_id,population,seed_population,age_groups,category,body_system,"
    "ot_role,pt_role,usual_lead,lead_note,source_ids,aliases"
)
POP_ROW_1 = (
    "P01,Stroke,Stroke survivors,Adults;Older adults,Brain and nerves,Brain,Self-care,Walking,PT,,"
    "CL001;CL002,CVA; brain attack"
)
POP_ROW_2 = "P02,Autism,,Children,Child development,Brain,Sensory,Motor,OT,PT joins,CL002,"

IV_HEADER = (
    "intervention_id,intervention,category,used_by,used_by_note,billing_codes,code_note,description,seed_named,"
    "source_ids"
)

COPY_HEADER = "domain,kind,why"
COPY_ROW = "docslib.org,document copy,Copies"  # short: the file-size test stays under 50 bytes

KNOWN = {"sources": {"CL001", "CL002"}}

NUMBERS = TableSchema(
    name="numbers",
    file="numbers.csv",
    id_column="id",
    columns=(
        Column("id", "id", pattern=r"N\d"),
        Column("count", "int"),
        Column("score", "number", required=False),
    ),
)


def csv(*lines: str, end: str = "\n") -> bytes:
    return (end.join(lines) + end).encode("utf-8")


def assert_where(err: DataError, file: str, line: int | None, column: str | None) -> None:
    """The error's attributes, and its message naming file, line and column."""
    assert (err.file, err.line, err.column) == (file, line, column)
    message = str(err)
    assert message.startswith(file)
    if line is None:
        assert "line " not in message.split(":")[0]
    else:
        assert f"line {line}" in message
    if column is None:
        assert "column '" not in message
    else:
        assert f"column '{column}'" in message


def fail(schema: TableSchema, raw: bytes, label: str = "data/t.csv", known=KNOWN) -> DataError:
    with pytest.raises(DataError) as info:
        parse_table(schema, raw, label, known)
    return info.value


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    (d / "sources.csv").write_bytes(csv(SOURCES_HEADER, SOURCE_ROW_1, SOURCE_ROW_2))
    (d / "copy_domains.csv").write_bytes(csv(COPY_HEADER, COPY_ROW))
    (d / "populations.csv").write_bytes(csv(POP_HEADER, POP_ROW_1, POP_ROW_2))
    return d


# --- DataError itself --------------------------------------------------------------------------


def test_data_error_message_names_file_line_and_column():
    err = DataError("data/x.csv", 7, "tier", "'D' is wrong")
    assert str(err) == "data/x.csv, line 7, column 'tier': 'D' is wrong"
    assert str(DataError("data/x.csv", None, None, "gone")) == "data/x.csv: gone"
    assert str(DataError("data/x.csv", 3, None, "bad")) == "data/x.csv, line 3: bad"


def test_split_list_strips_and_drops_empties():
    assert split_list(" a ; b;;c ;") == ["a", "b", "c"]
    assert split_list(float("nan")) == []


# --- valid input -------------------------------------------------------------------------------


def test_valid_sources_give_typed_frame():
    frame = parse_table(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1, SOURCE_ROW_2), "data/sources.csv")
    assert list(frame.columns) == list(SOURCES.column_names)
    assert frame["source_id"].tolist() == ["CL001", "CL002"]
    assert frame["url"].tolist() == ["https://example.org/one", "http://example.org/two"]
    assert frame["note"].tolist() == ["", "a copy"]  # empty optional cell accepted, kept as ""
    assert frame.attrs["lines"] == [2, 3]


def test_valid_populations_normalise_list_cells():
    raw = csv(POP_HEADER, POP_ROW_1.replace("Adults;Older adults", " Adults ;Older adults "), POP_ROW_2)
    frame = parse_table(POPULATIONS, raw, "data/populations.csv", KNOWN)
    assert frame["age_groups"].tolist() == ["Adults; Older adults", "Children"]
    assert frame["source_ids"].tolist() == ["CL001; CL002", "CL002"]
    assert frame["seed_population"].tolist() == ["Stroke survivors", ""]
    assert frame["lead_note"].tolist() == ["", "PT joins"]


def test_columns_come_back_in_schema_order_whatever_the_header_order():
    header = "tier,note,source_id,publisher,title,url,date_kind,as_of"
    row = "B,,CL003,Pub,Title,https://example.org,updated,2020-05"
    frame = parse_table(SOURCES, csv(header, row), "data/sources.csv")
    assert list(frame.columns) == list(SOURCES.column_names)
    assert frame.loc[0, "source_id"] == "CL003"
    assert frame.loc[0, "tier"] == "B"


def test_cells_are_stripped_and_blank_lines_skipped_with_line_numbers_kept():
    raw = csv(SOURCES_HEADER, "", " CL001 , Pub ,Title,https://example.org, 2021 ,,A,", "", SOURCE_ROW_2)
    frame = parse_table(SOURCES, raw, "data/sources.csv")
    assert frame.loc[0, "source_id"] == "CL001"
    assert frame.loc[0, "publisher"] == "Pub"
    assert frame.loc[0, "as_of"] == "2021"
    assert frame.attrs["lines"] == [3, 5]


def test_crlf_file_is_accepted():
    frame = parse_table(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1, end="\r\n"), "data/sources.csv")
    assert frame["note"].tolist() == [""]
    assert frame["tier"].tolist() == ["A"]


def test_utf8_bom_is_accepted_and_first_column_name_is_right():
    raw = b"\xef\xbb\xbf" + csv(SOURCES_HEADER, SOURCE_ROW_1.replace("Pub One", "Caf\u00e9 \u00c9lan"))
    frame = parse_table(SOURCES, raw, "data/sources.csv")
    assert frame.columns[0] == "source_id"
    assert frame.loc[0, "source_id"] == "CL001"
    assert frame.loc[0, "publisher"] == "Caf\u00e9 \u00c9lan"


@pytest.mark.parametrize("as_of", ["undated", "2021", "1999-12", "2021-05-03", "2023-2033"])
def test_valid_as_of_values(as_of):
    frame = parse_table(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1.replace(",2021,", f",{as_of},")), "s.csv")
    assert frame.loc[0, "as_of"] == as_of


def test_billing_codes_valid_and_normalised():
    row = "I01,Eval,Evaluation,PT,,97161;G0283,,What it is,,CL001"
    frame = parse_table(INTERVENTIONS, csv(IV_HEADER, row), "data/interventions.csv", KNOWN)
    assert frame.loc[0, "billing_codes"] == "97161; G0283"


def test_int_and_number_columns_are_typed():
    frame = parse_table(NUMBERS, csv("id,count,score", "N1,007,2.5", "N2,-3,", "N3,0,1e3"), "n.csv")
    assert str(frame["count"].dtype) == "Int64"
    assert frame["count"].tolist() == [7, -3, 0]
    assert frame["score"].dtype == "float64"
    assert frame.loc[0, "score"] == 2.5
    assert pd.isna(frame.loc[1, "score"])
    assert frame.loc[2, "score"] == 1000.0


def test_load_table_valid(data_dir):
    frame = load_table("populations", data_dir)
    assert frame["population_id"].tolist() == ["P01", "P02"]
    assert frame["source_ids"].tolist() == ["CL001; CL002", "CL002"]


def test_load_table_or_error_valid(data_dir):
    frame, error = load_table_or_error("sources", data_dir)
    assert error is None
    assert frame["source_id"].tolist() == ["CL001", "CL002"]


# --- one failing fixture per rule ------------------------------------------------------------


def test_missing_file(data_dir):
    (data_dir / "populations.csv").unlink()
    with pytest.raises(DataError) as info:
        load_table("populations", data_dir)
    assert_where(info.value, "data/populations.csv", None, None)
    assert str(info.value) == "data/populations.csv: the file is missing"


def test_missing_referenced_file_names_it(data_dir):
    (data_dir / "sources.csv").unlink()
    with pytest.raises(DataError) as info:
        load_table("populations", data_dir)
    assert_where(info.value, "data/sources.csv", None, None)
    assert "missing" in str(info.value)


@pytest.mark.parametrize("raw", [b"", b"\n\n", b"\r\n"])
def test_empty_file(raw):
    err = fail(SOURCES, raw, "data/sources.csv")
    assert_where(err, "data/sources.csv", 1, None)
    assert "empty" in str(err)
    assert SOURCES_HEADER in str(err)  # says which header to write


def test_header_only():
    err = fail(SOURCES, csv(SOURCES_HEADER), "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, None)
    assert "no rows" in str(err)


def test_not_utf8_names_line_and_column_of_bad_byte():
    raw = csv(SOURCES_HEADER, SOURCE_ROW_1).replace(b"Pub One", b"Caf\xe9")  # Latin-1 e-acute
    err = fail(SOURCES, raw, "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, "publisher")
    assert "0xe9" in str(err)
    assert "UTF-8" in str(err)


def test_not_utf8_on_a_later_line_and_column():
    raw = csv(SOURCES_HEADER, SOURCE_ROW_1, SOURCE_ROW_2).replace(b"Title two", b"Title \x92two")
    err = fail(SOURCES, raw, "data/sources.csv")
    assert_where(err, "data/sources.csv", 3, "title")
    assert "0x92" in str(err)


def test_not_utf8_after_bom_counts_lines_from_the_file_start():
    raw = b"\xef\xbb\xbf" + csv(SOURCES_HEADER, SOURCE_ROW_1, SOURCE_ROW_2).replace(b"a copy", b"a c\xf6py")
    err = fail(SOURCES, raw, "data/sources.csv")
    assert_where(err, "data/sources.csv", 3, "note")


def test_not_utf8_after_a_quoted_cell_with_a_comma():
    row = 'CL001,"Pub, Inc",Caf\xe9 title,https://example.org,2021,,A,'
    raw = csv(SOURCES_HEADER) + row.encode("latin-1") + b"\n"
    err = fail(SOURCES, raw, "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, "title")


def test_missing_required_column():
    header = SOURCES_HEADER.replace(",tier", "")
    row = SOURCE_ROW_1.replace(",A,", ",")
    err = fail(SOURCES, csv(header, row), "data/sources.csv")
    assert_where(err, "data/sources.csv", 1, "tier")
    assert "missing" in str(err)


def test_missing_optional_column_is_still_reported():
    header = SOURCES_HEADER.replace(",note", "")
    err = fail(SOURCES, csv(header, SOURCE_ROW_1[:-1]), "data/sources.csv")
    assert_where(err, "data/sources.csv", 1, "note")


def test_unexpected_column():
    err = fail(SOURCES, csv(SOURCES_HEADER + ",extra", SOURCE_ROW_1 + ",x"), "data/sources.csv")
    assert_where(err, "data/sources.csv", 1, "extra")
    assert "unexpected column" in str(err)


def test_blank_header_name_is_unexpected():
    err = fail(SOURCES, csv(SOURCES_HEADER + ",", SOURCE_ROW_1 + ","), "data/sources.csv")
    assert_where(err, "data/sources.csv", 1, "(blank)")


def test_duplicate_header_column():
    err = fail(SOURCES, csv(SOURCES_HEADER + ",title", SOURCE_ROW_1 + ",again"), "data/sources.csv")
    assert_where(err, "data/sources.csv", 1, "title")
    assert "twice" in str(err)


def test_header_after_blank_lines_reports_its_own_line():
    err = fail(SOURCES, csv("", "", SOURCES_HEADER + ",extra", SOURCE_ROW_1 + ",x"), "data/sources.csv")
    assert_where(err, "data/sources.csv", 3, "extra")


def test_row_with_too_few_fields_names_the_first_missing_column():
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1, "CL002,Pub,Title,https://example.org"), "data/sources.csv")
    assert_where(err, "data/sources.csv", 3, "as_of")
    assert "4 fields" in str(err) and "8" in str(err)


def test_row_with_too_many_fields():
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1 + ",surplus"), "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, "(extra field 9)")
    assert "9 fields" in str(err)


def test_malformed_csv_text_after_closing_quote():
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1, 'CL002,"Pub"x,T,https://e.org,2021,,A,'), "data/sources.csv")
    assert_where(err, "data/sources.csv", 3, None)
    assert "not valid CSV" in str(err)


def test_malformed_csv_unterminated_quote_on_last_row():
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1, 'CL002,"Pub,T,https://e.org,2021,,A,'), "data/sources.csv")
    assert_where(err, "data/sources.csv", 3, None)
    assert "not valid CSV" in str(err)


def test_malformed_csv_unterminated_quote_reports_the_line_where_it_opens():
    raw = csv(
        SOURCES_HEADER, 'CL001,"Pub,T,https://e.org,2021,,A,', SOURCE_ROW_2, SOURCE_ROW_2.replace("CL002", "CL003")
    )
    err = fail(SOURCES, raw, "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, None)


@pytest.mark.parametrize("cell", ["", "   "])
def test_empty_required_cell(cell):
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1.replace("Pub One", cell)), "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, "publisher")
    assert "required cell is empty" in str(err)


@pytest.mark.parametrize("bad_id", ["cl001", "CL01", "CL0011", "C1001", "XCL001"])
def test_id_not_matching_its_pattern(bad_id):
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1.replace("CL001", bad_id)), "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, "source_id")
    assert f"'{bad_id}' is not a valid id" in str(err)


@pytest.mark.parametrize("tier", ["D", "a", "A;B"])
def test_value_outside_allowed_choices(tier):
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1.replace(",A,", f",{tier},")), "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, "tier")
    assert f"'{tier}' is not one of: A, B, C" in str(err)


def test_list_item_outside_allowed():
    row = POP_ROW_1.replace("Adults;Older adults", "Adults;Elders")
    err = fail(POPULATIONS, csv(POP_HEADER, POP_ROW_2, row), "data/populations.csv")
    assert_where(err, "data/populations.csv", 3, "age_groups")
    assert "'Elders' is not one of" in str(err)


@pytest.mark.parametrize(
    "column, old, new",
    [
        ("age_groups", "Adults;Older adults", "Adults;;Older adults"),
        ("age_groups", "Adults;Older adults", "Adults; ;Older adults"),
        ("age_groups", "Adults;Older adults", "Adults;Older adults;"),
        ("source_ids", "CL001;CL002", "CL001;;CL002"),
    ],
)
def test_empty_item_in_a_list(column, old, new):
    err = fail(POPULATIONS, csv(POP_HEADER, POP_ROW_1.replace(old, new)), "data/populations.csv")
    assert_where(err, "data/populations.csv", 2, column)
    assert "empty item" in str(err)


@pytest.mark.parametrize(
    "column, old, new",
    [
        ("age_groups", "Adults;Older adults", "Adults;Adults"),
        ("age_groups", "Adults;Older adults", "Adults ; Adults"),
        ("source_ids", "CL001;CL002", "CL001;CL002;CL001"),
    ],
)
def test_duplicate_item_in_a_list(column, old, new):
    err = fail(POPULATIONS, csv(POP_HEADER, POP_ROW_1.replace(old, new)), "data/populations.csv")
    assert_where(err, "data/populations.csv", 2, column)
    assert "same item twice" in str(err)


@pytest.mark.parametrize("codes, bad", [("9716", "9716"), ("97161;g0283", "g0283"), ("97161;X12345", "X12345")])
def test_bad_billing_code(codes, bad):
    row = f"I01,Eval,Evaluation,PT,,{codes},,What it is,,CL001"
    err = fail(INTERVENTIONS, csv(IV_HEADER, row), "data/interventions.csv")
    assert_where(err, "data/interventions.csv", 2, "billing_codes")
    assert f"'{bad}' is not a billing code" in str(err)


@pytest.mark.parametrize("value", ["abc", "2.5", "1e3", "nan"])
def test_int_rejects_non_whole_numbers(value):
    err = fail(NUMBERS, csv("id,count,score", "N1,1,", f"N2,{value},1"), "n.csv")
    assert_where(err, "n.csv", 3, "count")
    assert f"'{value}' is not a whole number" in str(err)


def test_number_rejects_text():
    err = fail(NUMBERS, csv("id,count,score", "N1,1,two"), "n.csv")
    assert_where(err, "n.csv", 2, "score")
    assert "'two' is not a finite number" in str(err)


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity", "1e400"])
def test_number_rejects_nan_and_infinity(value):
    err = fail(NUMBERS, csv("id,count,score", f"N1,1,{value}"), "n.csv")
    assert_where(err, "n.csv", 2, "score")
    assert "not a finite number" in str(err)


@pytest.mark.parametrize(
    "row",
    ["N1,1_000,", "N1,\u0663,", "N1,99999999999999999999,", "N1,1,1_0.5"],
    ids=["underscore", "arabic-digit", "huge", "float-underscore"],
)
def test_int_and_number_odd_spellings_give_data_error(row):
    with pytest.raises(DataError):
        parse_table(NUMBERS, csv("id,count,score", row), "n.csv")


@pytest.mark.parametrize(
    "url", ["ftp://example.org", "example.org", "https://exa mple.org", "javascript:alert(1)", "https://"]
)
def test_bad_url(url):
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1.replace("https://example.org/one", url)), "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, "url")
    assert f"'{url}'" in str(err)


# --- source hygiene: one failing fixture per rule ---------------------------------------------


def url_error(url: str) -> str:
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1.replace("https://example.org/one", url)), "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, "url")
    return str(err)


@pytest.mark.parametrize(
    "url", ["file:///C:/Users/x/page.html", "//example.org/page", "/guide/page.html", "mailto:a@b.org"]
)
def test_url_must_be_absolute_http(url):
    assert "web address" in url_error(url) or "folder" in url_error(url)


@pytest.mark.parametrize("url", ["https://user:secret@example.org/page", "https://example.org@evil.example/page"])
def test_url_may_not_carry_user_info(url):
    assert "user name or password" in url_error(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/page?ref=jane.doe%40hospital.org",
        "https://example.org/share/jane.doe@hospital.org/page",
        "https://example.org/page?u=jane.doe%2540hospital.org",
    ],
)
def test_url_may_not_carry_an_email_address(url):
    assert "e-mail address" in url_error(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://urldefense.com/v3/__https:/www.capteonline.org/__;!!abc",
        "https://nam04.safelinks.protection.outlook.com/?url=http%3A%2F%2Fwww.capteonline.org%2F&reserved=0",
        "https://www.google.com/url?q=https://www.aota.org/&sa=D",
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.apta.org%2F",
        "https://t.co/AbC123",
        "https://example.org/out?target=https%3A%2F%2Fwww.apta.org%2F",
        "https://example.org/go?next=www.apta.org/page",
    ],
)
def test_url_may_not_be_a_redirect_wrapper(url):
    assert "redirect" in url_error(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://archive.org/download/site.zip:/tmp/tarfile_extract__x/pages/page.html",
        "https://example.org/C:\\Users\\me\\page.html",
        "https://example.org/Users/me/AppData/Local/page.html",
        "https://example.org/files/Temp/page.html",
    ],
)
def test_url_may_not_point_into_a_local_folder(url):
    assert "folder" in url_error(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://onetonline.org/link/localtrends/31-2022.00%20%20%20?st=PA",
        "https://example.org/page%20",
        "https://example.org/page?code=291122+",
        "https://example.org/pa ge",
        "https://example.org/pa\tge",
    ],
)
def test_url_may_not_hold_padding_or_raw_whitespace(url):
    assert "space" in url_error(url)


def test_a_single_encoded_space_between_words_is_part_of_the_address():
    url = "http://www.palmettogba.com/palmetto/providers.nsf/DocsCat/Providers~Jurisdiction%2011%20Part%20B~Browse"
    frame = parse_table(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1.replace("https://example.org/one", url)), "s.csv")
    assert frame.loc[0, "url"] == url


@pytest.mark.parametrize("url", ["https://myfuture.com./occupations/pt", "https://www.example.org./"])
def test_url_host_may_not_end_in_a_dot(url):
    assert "ends in a dot" in url_error(url)


def test_url_may_not_be_encoded_twice():
    assert "encoded twice" in url_error("https://projectionscentral.org/Projections?AreaNameSelect%255B%255D=13")


@pytest.mark.parametrize(
    "other",
    [
        "https://acoteonline.org/all-schools/",  # a trailing slash
        "http://acoteonline.org/all-schools",  # http vs https
        "https://WWW.AcoteOnline.org/all-schools",  # www. and the case of the host
    ],
)
def test_two_sources_may_not_name_the_same_page(other):
    first = "CL001,Pub,T,https://acoteonline.org/all-schools,2021,,A,"
    second = f"CL002,Pub,T,{other},2021,,A,"
    err = fail(SOURCES, csv(SOURCES_HEADER, first, second), "data/sources.csv")
    assert_where(err, "data/sources.csv", 3, "url")
    assert "same page as CL001 on line 2" in str(err)


def test_different_paths_or_queries_are_different_pages():
    rows = (
        "CL001,P,T,https://example.org/a,2021,,A,",
        "CL002,P,T,https://example.org/a?id=2,2021,,A,",
        "CL003,P,T,https://example.org/b,2021,,A,",
    )
    assert len(parse_table(SOURCES, csv(SOURCES_HEADER, *rows), "s.csv")) == 3


COPIES = {"docslib.org": "document copy", "codingahead.com": "content farm"}


@pytest.mark.parametrize(
    "url, tier",
    [
        ("https://docslib.org/doc/1/guidelines", "A"),
        ("https://www.docslib.org/doc/1/guidelines", "B"),
        ("https://webhooks.codingahead.com/cpt/97110", "B"),
    ],
)
def test_a_source_on_a_copy_domain_can_only_be_tier_c(url, tier):
    row = f"CL001,Pub,T,{url},2021,,{tier},"
    with pytest.raises(DataError) as info:
        parse_table(SOURCES, csv(SOURCES_HEADER, row), "data/sources.csv", KNOWN, copy_domains=COPIES)
    assert_where(info.value, "data/sources.csv", 2, "tier")
    assert "copy_domains.csv" in str(info.value) and "tier C" in str(info.value)


def test_a_copy_domain_source_at_tier_c_and_a_lookalike_domain_are_fine():
    rows = ("CL001,P,T,https://docslib.org/doc/1,2021,,C,", "CL002,P,T,https://notdocslib.org/doc/1,2021,,A,")
    frame = parse_table(SOURCES, csv(SOURCES_HEADER, *rows), "s.csv", KNOWN, copy_domains=COPIES)
    assert list(frame["tier"]) == ["C", "A"]


def test_a_date_kind_needs_a_date():
    err = fail(
        SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_2.replace("undated,,C", "undated,updated,C")), "data/sources.csv"
    )
    assert_where(err, "data/sources.csv", 2, "date_kind")


@pytest.mark.parametrize("kind", ["published", "updated", "reviewed", "accessed"])
def test_date_kinds(kind):
    frame = parse_table(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1.replace("2021,,A", f"2021-03,{kind},A")), "s.csv")
    assert frame.loc[0, "date_kind"] == kind


def test_unknown_date_kind():
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1.replace("2021,,A", "2021,modified,A")), "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, "date_kind")


CONFLICT_HEADER = "conflict_id,question,side_a,side_a_source_ids,side_b,side_b_source_ids,note,related_rows"


@pytest.mark.parametrize(
    "side_b, pages",
    [
        ("CL001", None),  # the same id on both sides
        ("CL002", {"CL001": "example.org/p", "CL002": "example.org/p"}),  # two ids, one page
    ],
)
def test_the_two_sides_of_a_conflict_may_not_be_one_page(side_b, pages):
    from components.schema import CONFLICTS

    row = f"K01,Which?,Yes,CL001,No,{side_b},,"
    with pytest.raises(DataError) as info:
        parse_table(CONFLICTS, csv(CONFLICT_HEADER, row), "data/conflicts.csv", KNOWN, pages=pages)
    assert_where(info.value, "data/conflicts.csv", 2, "side_b_source_ids")
    assert "different pages" in str(info.value)


def test_conflict_sides_on_different_pages_are_fine():
    from components.schema import CONFLICTS

    pages = {"CL001": "example.org/a", "CL002": "example.org/b"}
    frame = parse_table(CONFLICTS, csv(CONFLICT_HEADER, "K01,Which?,Yes,CL001,No,CL002,,"), "c.csv", KNOWN, pages=pages)
    assert len(frame) == 1


def test_copy_domains_are_read_from_their_table_through_load_table(data_dir):
    (data_dir / "sources.csv").write_bytes(csv(SOURCES_HEADER, "CL001,P,T,https://docslib.org/doc/1,2021,,B,"))
    err = load_table_or_error("sources", data_dir)[1]
    assert err.startswith("data/sources.csv, line 2, column 'tier'")
    # Changing only the domain list is seen (the cache keys on every file read).
    (data_dir / "copy_domains.csv").write_bytes(csv(COPY_HEADER, "example.net,mirror,A mirror"))
    assert load_table_or_error("sources", data_dir)[1] is None


def test_conflict_sides_checked_against_source_urls_through_load_table(data_dir):
    (data_dir / "sources.csv").write_bytes(
        csv(SOURCES_HEADER, "CL001,P,T,https://example.org/a,2021,,A,", "CL002,P,T,https://example.org/b,2021,,A,")
    )
    (data_dir / "conflicts.csv").write_bytes(csv(CONFLICT_HEADER, "K01,Which?,Yes,CL001,No,CL001; CL002,,"))
    err = load_table_or_error("conflicts", data_dir)[1]
    assert err.startswith("data/conflicts.csv, line 2, column 'side_b_source_ids'")


@pytest.mark.parametrize("as_of", ["2021/05", "last year", "21", "2021-5", "1899", "Undated"])
def test_bad_as_of(as_of):
    err = fail(SOURCES, csv(SOURCES_HEADER, SOURCE_ROW_1.replace(",2021,", f",{as_of},")), "data/sources.csv")
    assert_where(err, "data/sources.csv", 2, "as_of")
    assert f"'{as_of}' is not a year" in str(err)


def test_duplicate_id_names_the_first_line():
    raw = csv(SOURCES_HEADER, SOURCE_ROW_1, SOURCE_ROW_2, SOURCE_ROW_2.replace("CL002", "CL001"))
    err = fail(SOURCES, raw, "data/sources.csv")
    assert_where(err, "data/sources.csv", 4, "source_id")
    assert "'CL001' is already used on line 2" in str(err)


def test_unknown_source_id_in_source_ids():
    err = fail(
        POPULATIONS, csv(POP_HEADER, POP_ROW_2, POP_ROW_1.replace("CL001;CL002", "CL002;CL999")), "data/populations.csv"
    )
    assert_where(err, "data/populations.csv", 3, "source_ids")
    assert "'CL999' is not an id in sources.csv" in str(err)


def test_unknown_source_id_through_load_table(data_dir):
    (data_dir / "populations.csv").write_bytes(csv(POP_HEADER, POP_ROW_1.replace("CL002", "CL404")))
    with pytest.raises(DataError) as info:
        load_table("populations", data_dir)
    assert_where(info.value, "data/populations.csv", 2, "source_ids")
    assert "CL404" in str(info.value)


def test_broken_sources_make_dependent_table_fail_naming_sources(data_dir):
    (data_dir / "sources.csv").write_bytes(csv(SOURCES_HEADER, SOURCE_ROW_1, SOURCE_ROW_2.replace(",C,", ",Z,")))
    with pytest.raises(DataError) as info:
        load_table("populations", data_dir)
    assert_where(info.value, "data/sources.csv", 3, "tier")


def test_load_table_or_error_returns_message(data_dir):
    (data_dir / "sources.csv").write_bytes(csv(SOURCES_HEADER, SOURCE_ROW_1.replace(",A,", ",Z,")))
    frame, message = load_table_or_error("populations", data_dir)
    assert frame is None
    assert message.startswith("data/sources.csv, line 2, column 'tier': ")
    assert "'Z'" in message


def test_file_larger_than_max_bytes():
    raw = csv(SOURCES_HEADER, SOURCE_ROW_1) + b"x" * loader.MAX_FILE_BYTES
    err = fail(SOURCES, raw, "data/sources.csv")
    assert_where(err, "data/sources.csv", None, None)
    assert "limit" in str(err)


def test_max_file_bytes_boundary(monkeypatch):
    raw = csv(SOURCES_HEADER, SOURCE_ROW_1)
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", len(raw))
    assert len(parse_table(SOURCES, raw, "s.csv")) == 1
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", len(raw) - 1)
    err = fail(SOURCES, raw, "s.csv")
    assert_where(err, "s.csv", None, None)


def test_large_file_through_load_table(data_dir, monkeypatch):
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 50)
    with pytest.raises(DataError) as info:
        load_table("sources", data_dir)
    assert_where(info.value, "data/sources.csv", None, None)


def test_multiline_quoted_cell_then_error_on_next_row_reports_physical_line():
    raw = csv(
        SOURCES_HEADER,
        'CL001,Pub,"A title',
        "over three",
        'lines",https://example.org,2021,,A,',
        "CL002,,Title,https://example.org,2021,,A,",
    )
    err = fail(SOURCES, raw, "data/sources.csv")
    assert_where(err, "data/sources.csv", 5, "publisher")


def test_multiline_quoted_cell_with_crlf_line_numbers():
    raw = csv(
        SOURCES_HEADER,
        'CL001,Pub,"A title',
        'on two lines",https://e.org,2021,,A,',
        SOURCE_ROW_2,
        "CL003,P,T,https://e.org,2021,,Q,",
        end="\r\n",
    )
    err = fail(SOURCES, raw, "data/sources.csv")
    assert_where(err, "data/sources.csv", 5, "tier")


def test_multiline_cell_keeps_its_line_in_attrs():
    raw = csv(SOURCES_HEADER, 'CL001,Pub,"A title', 'on two lines",https://e.org,2021,,A,', SOURCE_ROW_2)
    frame = parse_table(SOURCES, raw, "s.csv")
    assert frame.loc[0, "title"] == "A title\non two lines"
    assert frame.attrs["lines"] == [2, 4]


# --- rules between the cells of one row (state access, payment, care team) -------------------

from components.schema import CARE_TEAM, PAYMENT, STATE_ACCESS  # noqa: E402

SA_HEADER = ",".join(STATE_ACCESS.column_names)
SA_PT = "OH,Ohio,Unrestricted,,,,,,2025-01-01,CL001"
SA_ROW = SA_PT + ",,,,,"
PAY_HEADER = ",".join(PAYMENT.column_names)
PAY_ROW = "M01,Medicare Part B,Both,Deductible,You pay the deductible first.,257,2025,2025,CL001,"
TEAM_HEADER = ",".join(CARE_TEAM.column_names)
TEAM_KNOWN = {**KNOWN, "care_roles": {"R01"}, "populations": {"P01"}, "goals": {"G01"}}


def test_a_state_row_without_ot_columns_is_valid():
    frame = parse_table(STATE_ACCESS, csv(SA_HEADER, SA_ROW), "data/state_access.csv", KNOWN)
    assert frame["state_code"].tolist() == ["OH"]
    assert frame["pt_visit_limit"].isna().all()


@pytest.mark.parametrize(
    ("ot_cells", "column"),
    [
        ("Required,,,", "ot_as_of"),  # an OT rule without its date
        ("Required,,2025,", "ot_source_ids"),  # ... or without its source
        (",,2025,", "ot_source_ids"),  # a date alone still needs its source
        (",Not required,,CL001", "ot_as_of"),
    ],
)
def test_an_ot_rule_needs_its_date_and_source(ot_cells, column):
    row = f"{SA_PT},{ot_cells},"
    err = fail(STATE_ACCESS, csv(SA_HEADER, row), "data/state_access.csv")
    assert_where(err, "data/state_access.csv", 2, column)
    assert "is filled" in str(err)


def test_a_full_ot_rule_is_valid():
    row = f"{SA_PT},Not required,Required for some treatment,2024,CL002,"
    frame = parse_table(STATE_ACCESS, csv(SA_HEADER, row), "data/state_access.csv", KNOWN)
    assert frame["ot_referral_treatment"].tolist() == ["Required for some treatment"]


def test_an_amount_needs_its_year():
    assert parse_table(PAYMENT, csv(PAY_HEADER, PAY_ROW), "data/payment.csv", KNOWN)["amount_year"].tolist() == [2025]
    err = fail(PAYMENT, csv(PAY_HEADER, PAY_ROW.replace(",257,2025,", ",257,,")), "data/payment.csv")
    assert_where(err, "data/payment.csv", 2, "amount_year")
    # a year alone (no amount) is allowed, and a row with neither
    parse_table(PAYMENT, csv(PAY_HEADER, PAY_ROW.replace(",257,2025,", ",,,")), "data/payment.csv", KNOWN)


def test_a_care_team_row_names_a_condition_or_a_goal():
    good = "T001,R01,P01,,A reason.,CL001"
    assert len(parse_table(CARE_TEAM, csv(TEAM_HEADER, good), "data/care_team.csv", TEAM_KNOWN)) == 1
    assert (
        len(parse_table(CARE_TEAM, csv(TEAM_HEADER, "T001,R01,,G01,A reason.,CL001"), "data/care_team.csv", TEAM_KNOWN))
        == 1
    )
    err = fail(CARE_TEAM, csv(TEAM_HEADER, "T001,R01,,,A reason.,CL001"), "data/care_team.csv", TEAM_KNOWN)
    assert_where(err, "data/care_team.csv", 2, "population_ids")
    err = fail(CARE_TEAM, csv(TEAM_HEADER, "T001,R09,P01,,A reason.,CL001"), "data/care_team.csv", TEAM_KNOWN)
    assert_where(err, "data/care_team.csv", 2, "role_id")


# --- at_least_one: each row fills at least one of a group of columns ---------------------------------

EITHER = TableSchema(
    name="either",
    file="either.csv",
    id_column="id",
    columns=(
        Column("id", "id", pattern=r"N\d"),
        Column("value", "number", required=False),
        Column("text", required=False),
    ),
    at_least_one=(("value", "text"),),
)


def test_at_least_one_accepts_a_row_with_either_cell_filled():
    frame = parse_table(EITHER, csv("id,value,text", "N1,3,", "N2,,words", "N3,4,more"), "data/either.csv")
    assert list(frame["id"]) == ["N1", "N2", "N3"]


def test_at_least_one_rejects_a_row_with_every_cell_of_the_group_empty():
    err = fail(EITHER, csv("id,value,text", "N1,3,", "N2,,"), "data/either.csv")
    assert_where(err, "data/either.csv", 3, "value")
    assert "value, text" in str(err)


# --- the fast column-wise pass agrees with the row-by-row pass ----------------------------


def _records_of(name: str, data_dir: Path) -> tuple[list[str], list]:
    raw = (data_dir / TABLES[name].file).read_bytes()
    records = loader.csv_records(loader.decode_text(raw, name), name)
    return [h.strip() for h in records[0][1]], records


def _known_ids(name: str, data_dir: Path) -> dict[str, set[str]]:
    refs = {c.ref_table for c in TABLES[name].columns if c.kind == "refs"}
    return {t: set(load_table(t, data_dir)[TABLES[t].id_column]) for t in refs}


def test_column_wise_pass_gives_the_row_by_row_cells_for_every_table():
    """Valid files are checked column by column (each distinct value once); the cells it
    returns must be exactly those of the row-by-row pass, which words the errors."""
    data_dir = loader.DATA_DIR
    compared = 0
    for name, schema in TABLES.items():
        header, records = _records_of(name, data_dir)
        known = _known_ids(name, data_dir)
        fast = loader._columns_if_valid(schema, header, records, known)
        slow, lines = loader._checked_row_by_row(schema, header, records, name, known)
        assert fast == slow, name
        assert list(lines) == [line for line, _ in records[1:]]
        compared += 1
    assert compared >= 20


@pytest.mark.parametrize(
    "row_2",
    [
        "P02,Autism,,Children,Child development,Brain,Sensory,Motor,XX,PT joins,CL002,",  # a bad choice
        "P01,Autism,,Children,Child development,Brain,Sensory,Motor,OT,PT joins,CL002,",  # a repeated id
        "P02,Autism,,Children,Child development,Brain,Sensory,Motor,OT,PT joins,CL009,",  # an unknown source
        "P02,,,Children,Child development,Brain,Sensory,Motor,OT,PT joins,CL002,",  # an empty required cell
        "P02,Autism,,Children,Child development,Brain,Sensory,Motor,OT,PT joins,CL002",  # a field short
        "P02,Autism,,Children;;Adults,Child development,Brain,Sensory,Motor,OT,PT joins,CL002,",  # an empty item
    ],
)
def test_column_wise_pass_gives_up_on_any_problem(row_2):
    """Any problem sends the table to the row-by-row pass, which raises (never a bad file accepted)."""
    text = f"{POP_HEADER}\n{POP_ROW_1}\n{row_2}\n"
    records = loader.csv_records(text, "populations.csv")
    header = [h.strip() for h in records[0][1]]
    known = {"sources": {"CL001", "CL002"}}
    assert loader._columns_if_valid(POPULATIONS, header, records, known) is None
    with pytest.raises(DataError) as err:
        loader._checked_row_by_row(POPULATIONS, header, records, "populations.csv", known)
    assert err.value.line == 3


def test_text_columns_have_the_dtype_pandas_infers():
    cells = ["one", "", "three"]
    made = pd.Series(loader._text_array(cells))
    inferred = pd.Series(cells)
    assert made.dtype == inferred.dtype
    assert made.equals(inferred)
