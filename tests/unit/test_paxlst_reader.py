"""Reading a PAXLST message as a manifest (spec/manifest-paxlst.md): tolerant of what gateways
do to a message, strict about people, and a sentence naming the segment when it is unusable."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearway.domain.errors import UnusableInput
from clearway.i18n import render_unusable
from tests.factories import people, row_values
from tests.factories.paxlst import changed, paxlst_text, read_text

CLEAN = paxlst_text()


def kinds(text: str) -> list[tuple[str, str, str]]:
    manifest = read_text(text)
    assert manifest.message is not None
    return [(item.kind, item.declared, item.actual) for item in manifest.message.disagreements]


def refusal(text: str) -> UnusableInput:
    with pytest.raises(UnusableInput) as caught:
        read_text(text)
    return caught.value


def test_one_row_per_passenger_in_message_order() -> None:
    manifest = read_text(CLEAN)
    assert [row.get("seq") for row in manifest.rows] == ["1", "2", "3"]
    assert [row.get("surname") for row in manifest.rows] == ["HERNANDEZ REYES", "AJU XICARA", "DE LA CRUZ"]
    assert manifest.rows[1].get("given_names") == "MARIA JOSE"


def test_a_clean_message_has_no_disagreement() -> None:
    assert kinds(CLEAN) == []


def test_each_row_names_the_segment_of_its_person() -> None:
    manifest = read_text(CLEAN)
    lines = CLEAN.splitlines()[1:]  # positions count from UNB, UNA is not a segment
    assert all(lines[row.line - 1].startswith("NAD+FL") for row in manifest.rows)


def test_the_columns_are_mapped_as_the_spec_says() -> None:
    row = read_text(CLEAN).rows[2]
    assert {name: row.get(name) for name in ("sex", "date_of_birth", "nationality", "case_ref")} == {
        "sex": "F",
        "date_of_birth": "1977-05-23",
        "nationality": "MEX",
        "case_ref": "A000000003",
    }
    assert (row.get("document_type"), row.get("document_number"), row.get("document_issuer")) == (
        "C",
        "K0000003A",
        "MEX",
    )
    assert row.get("document_expiry") == "2029-10-05"
    assert row.get("second_surname") == "" and row.get("mrz") == "" and row.get("family_group") == ""


@pytest.mark.parametrize(
    ("code", "expected"), [("P", "P"), ("I", "I"), ("A", "I"), ("C", "I"), ("IP", "I"), ("F", "C"), ("Z", "Z")]
)
def test_document_codes(code: str, expected: str) -> None:
    text = changed(CLEAN, "DOC+P+K0000001A", f"DOC+{code}+K0000001A")
    assert read_text(text).rows[0].get("document_type") == expected


def test_a_visa_is_not_the_travel_document() -> None:
    text = changed(CLEAN, "DOC+P+K0000001A'", "DOC+V+VISA0001'\nDTM+36:260101'\nLOC+91+USA'\nDOC+P+K0000001A'")
    row = read_text(text).rows[0]
    assert (row.get("document_type"), row.get("document_number")) == ("P", "K0000001A")


def test_a_person_with_only_a_visa_has_no_document() -> None:
    text = changed(CLEAN, "DOC+P+K0000001A", "DOC+V+VISA0001")
    assert read_text(text).rows[0].get("document_type") == "N"


@pytest.mark.parametrize(("written", "read"), [("M", "M"), ("F", "F"), ("X", "X"), ("U", "X"), ("Q", "Q")])
def test_sex_codes(written: str, read: str) -> None:
    assert read_text(changed(CLEAN, "ATT+2++M", f"ATT+2++{written}")).rows[0].get("sex") == read


def test_a_date_of_birth_takes_the_century_before_the_arrival_date() -> None:
    text = changed(CLEAN, "DTM+329:600407", "DTM+329:240407")  # 2024 is before the 2025-01-21 arrival
    assert read_text(text).rows[0].get("date_of_birth") == "2024-04-07"
    text = changed(CLEAN, "DTM+329:600407", "DTM+329:250407")  # 2025-04-07 is after it: 1925
    assert read_text(text).rows[0].get("date_of_birth") == "1925-04-07"


def test_a_full_date_of_birth_with_format_102() -> None:
    text = changed(CLEAN, "DTM+329:600407", "DTM+329:19210407:102")
    assert read_text(text).rows[0].get("date_of_birth") == "1921-04-07"


def test_an_impossible_date_is_kept_for_the_precheck_to_report() -> None:
    text = changed(CLEAN, "DTM+329:600407", "DTM+329:601345")
    assert read_text(text).rows[0].get("date_of_birth") == "1960-13-45"


def test_seq_from_rff_abo_or_the_position() -> None:
    text = changed(CLEAN, "RFF+ABO:2'", "RFF+ABO:ZZ9001002'")
    assert [row.get("seq") for row in read_text(text).rows] == ["1", "2", "3"]
    text = changed(CLEAN, "RFF+ABO:2'", "RFF+ABO:17'")
    assert [row.get("seq") for row in read_text(text).rows] == ["1", "17", "3"]


def test_a_missing_case_reference_is_an_empty_value() -> None:
    text = changed(CLEAN, "RFF+AEA:A000000002'\n", "")
    assert read_text(text).rows[1].get("case_ref") == ""


# --- gateway residue is read through ---------------------------------------------------------


def test_transport_lines_before_the_interchange() -> None:
    text = "QU MEXAPXA\r\n.USAGOVX 151200\r\n\x02" + CLEAN
    assert len(read_text(text).rows) == 3


def test_e_mail_headers_before_and_a_footer_after() -> None:
    text = "From: api@example.org\nSubject: PAXLST\n\n" + CLEAN + "\n-- \nsent by the gateway 13Nov09\n"
    assert kinds(text) == [] and len(read_text(text).rows) == 3


def test_lines_folded_inside_segments_and_tags() -> None:
    text = changed(CLEAN, "NAD+FL+++AJU XICARA", "NA\r\nD+FL+++AJU XI\n  CARA")
    assert read_text(text).rows[1].get("surname") == "AJU XICARA"


def test_spaces_inside_a_data_element_are_data() -> None:
    text = changed(CLEAN, "NAD+FL+++DE LA CRUZ", "NAD+FL+++EL KHOURY")
    assert read_text(text).rows[2].get("surname") == "EL KHOURY"


def test_the_service_characters_a_una_declares() -> None:
    text = CLEAN.replace("+", "*").replace("'", "$").replace("UNA:**.? $", "UNA:*.? $")
    assert [row.get("surname") for row in read_text(text).rows] == ["HERNANDEZ REYES", "AJU XICARA", "DE LA CRUZ"]


def test_release_characters_in_data() -> None:
    text = changed(CLEAN, "NAD+FL+++DE LA CRUZ", "NAD+FL+++O?'BRIEN?+?:??")
    assert read_text(text).rows[2].get("surname") == "O'BRIEN+:?"


def test_a_message_without_una_uses_the_default_characters() -> None:
    assert len(read_text(CLEAN.split("\n", 1)[1]).rows) == 3


def test_latin_1_bytes_in_a_unoa_message_are_kept() -> None:
    text = changed(CLEAN, "NAD+FL+++DE LA CRUZ", "NAD+FL+++NOV\x87K")
    assert read_text(text).rows[2].get("surname") == "NOV\x87K"


# --- counts and references that disagree: MESSAGE_INCONSISTENT, people still read -----------


def test_a_wrong_unt_count() -> None:
    assert kinds(changed(CLEAN, "UNT+38+", "UNT+41+")) == [("unt_count", "41", "38")]


def test_a_unt_reference_that_is_not_the_unh_one() -> None:
    assert kinds(changed(CLEAN, "UNT+38+PAX001", "UNT+38+PAX009")) == [("unt_reference", "PAX009", "PAX001")]


def test_a_wrong_cnt_total() -> None:
    assert kinds(changed(CLEAN, "CNT+42:3", "CNT+42:160")) == [("cnt_total", "160", "3")]


def test_a_crew_count_in_a_passenger_list() -> None:
    assert kinds(changed(CLEAN, "CNT+42:3", "CNT+41:3")) == [("cnt_qualifier", "41", "42")]


def test_a_malformed_cnt() -> None:
    assert kinds(changed(CLEAN, "CNT+42:3", "CNT+42+3"))[0][0] == "cnt_malformed"


def test_wrong_group_and_interchange_counts_and_references() -> None:
    text = changed(changed(CLEAN, "UNE+1+", "UNE+2+"), "UNZ+1+CWAA72CDA01E56", "UNZ+3+OTHER")
    assert [kind for kind, _, _ in kinds(text)] == ["une_count", "unz_count", "unz_reference"]


def test_a_missing_unt_is_reported_and_the_people_read() -> None:
    text = changed(CLEAN, "UNT+38+PAX001'\n", "")
    manifest = read_text(text)
    assert len(manifest.rows) == 3
    assert kinds(text) == [("missing_unt", "PAX001", "")]


def test_a_person_with_no_data_is_still_a_row() -> None:
    text = changed(CLEAN, "CNT+42:3", "NAD+FL+++UNKNOWN'\nCNT+42:4")
    rows = read_text(text).rows
    assert len(rows) == 4 and rows[3].get("surname") == "UNKNOWN" and rows[3].get("seq") == "4"


# --- unusable as a whole: the sentence names the segment and its position -------------------


@pytest.mark.parametrize(
    ("old", "new", "key", "position"),
    [
        ("BGM+745", "BGM+250", "paxlst.crew_list", 4),
        ("BGM+745", "BGM+266", "paxlst.not_passenger_list", 4),
        ("NAD+FL+++AJU", "NAD+FM+++AJU", "paxlst.crew_member", 21),
        ("NAD+FL+++AJU", "NAD+DDT+++AJU", "paxlst.crew_member", 21),
        ("NAD+FL+++AJU", "NAD+ZZ+++AJU", "paxlst.unknown_party", 21),
        ("+01:F'", "+01:C'", "paxlst.lone_part", 3),
        ("+01:F'", "+10:F'", "paxlst.lone_part", 3),
        ("PAXLST:D:05B", "CUSRES:D:05B", "paxlst.not_paxlst", 3),
    ],
)
def test_unusable_messages(old: str, new: str, key: str, position: int) -> None:
    error = refusal(changed(CLEAN, old, new))
    assert (error.key, error.params["position"]) == (key, position)
    assert f"Segment {position} (" in render_unusable(error, "en")
    assert f"El segmento {position} (" in render_unusable(error, "es")


def test_a_truncated_file_names_the_segment_it_ends_in() -> None:
    text = CLEAN[: CLEAN.index("ATT+2++F") + 5]
    error = refusal(text)
    assert (error.key, error.params["position"], error.params["tag"]) == ("paxlst.truncated", 22, "ATT")


def test_a_file_that_ends_before_unz() -> None:
    error = refusal(CLEAN[: CLEAN.index("UNZ")])
    assert (error.key, error.params["tag"]) == ("paxlst.no_unz", "UNE")


def test_a_second_interchange_after_the_first() -> None:
    assert refusal(CLEAN + CLEAN).key == "paxlst.second_interchange"


def test_a_message_with_no_passenger() -> None:
    one = people(row_values(1))
    text = paxlst_text(manifest=one)
    start, end = text.index("NAD+FL"), text.index("CNT+42")
    assert refusal(text[:start] + text[end:]).key == "paxlst.no_passenger"


def test_bytes_that_are_not_the_declared_utf_8() -> None:
    text = changed(CLEAN, "UNB+UNOA:4", "UNB+UNOY:4")
    data = text.encode("latin-1").replace(b"DE LA CRUZ", b"DE LA CRU\xff")
    from pathlib import Path

    from clearway.formats.paxlst import read_paxlst

    with pytest.raises(UnusableInput) as caught:
        read_paxlst(data, Path("m.edi"))
    assert caught.value.key == "paxlst.bad_bytes" and caught.value.params["position"] == 30


def test_utf_8_names_in_a_unoy_message() -> None:
    text = changed(changed(CLEAN, "UNB+UNOA:4", "UNB+UNOY:4"), "DE LA CRUZ", "DE LA CRÚZ")
    from pathlib import Path

    from clearway.formats.paxlst import read_paxlst

    manifest = read_paxlst(text.encode("utf-8"), Path("m.edi"))
    assert manifest.rows[2].get("surname") == "DE LA CRÚZ"


def test_multi_part_reports_are_read_in_part_order() -> None:
    rows = [row_values(seq) for seq in range(1, 6)]
    text = paxlst_text(manifest=people(*rows), part_size=2)
    parts = text.split("UNH+")
    assert len(parts) == 4  # the envelope, then three parts
    # Parts in another order inside the interchange are put back in sequence order.
    head, first, second, third = parts
    third, close = third.split("UNE+")
    shuffled = head + "UNH+".join(["", third, first, second]) + "UNE+" + close
    manifest = read_text(shuffled)
    assert [row.get("seq") for row in manifest.rows] == ["1", "2", "3", "4", "5"]
    assert manifest.message is not None and manifest.message.parts == 3


def test_a_multi_part_report_missing_a_middle_part() -> None:
    rows = [row_values(seq) for seq in range(1, 6)]
    text = paxlst_text(manifest=people(*rows), part_size=2)
    head, first, _second, third = text.split("UNH+")
    error = refusal(head + "UNH+".join(["", first, third]))
    assert error.key == "paxlst.lone_part" and error.params["parts"] == "1, 3"


# --- damaged messages: a finding or a refusal, never a traceback ----------------------------

_EDITS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=len(CLEAN)),
        st.integers(0, 6),
        st.sampled_from(["", "'", "+", ":", "?", "\n", "NAD+FL", "UNH+", "X"]),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(_EDITS)
def test_a_damaged_message_is_read_or_refused_with_a_sentence(edits: list[tuple[int, int, str]]) -> None:
    text = CLEAN
    for position, removed, inserted in edits:
        text = text[:position] + inserted + text[position + removed :]
    try:
        manifest = read_text(text)
    except UnusableInput as error:
        assert render_unusable(error, "en") and render_unusable(error, "es")
        return
    # Every row is a person's NAD segment of the message, named by its position.
    assert manifest.message is not None and len(manifest.rows) == manifest.message.people >= 1
    assert len({row.line for row in manifest.rows}) == len(manifest.rows)


def test_a_message_naming_more_persons_than_the_row_limit_is_refused() -> None:
    from pathlib import Path

    from clearway.formats.manifest import read_manifest_bytes
    from clearway.settings import InputLimits

    data = paxlst_text().encode("latin-1")  # the factories' three adults
    assert len(read_manifest_bytes(data, Path("m.edi"), InputLimits(manifest_rows=3)).rows) == 3
    with pytest.raises(UnusableInput) as refused:
        read_manifest_bytes(data, Path("m.edi"), InputLimits(manifest_rows=2))
    assert refused.value.key == "manifest.too_many_rows"


def test_a_message_after_transport_lines_is_read_as_paxlst() -> None:
    from pathlib import Path

    from clearway.formats.manifest import read_manifest_bytes

    data = ("QU GATEWAY\r\n.SENDER 011200\r\n" + paxlst_text()).encode("latin-1")
    assert read_manifest_bytes(data, Path("m.edi")).message is not None
