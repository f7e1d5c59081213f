"""The whole story of one flight through the pages, on both sides, in one language.

Fields are found by their ids, buttons by their forms, so the same steps run in English and
in Spanish; what the user reads is checked against the language's own catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from clearway.i18n import translate
from clearway.web.pages.templating import translations
from tests.web.conftest import upload
from tests.web.server import future_arrival, manifest_csv


def say(lang: str, text: str) -> str:
    return translations(lang).gettext(text)


def submit(page: object, form: str) -> None:
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.click(f"{form} button[type=submit]")  # type: ignore[attr-defined]


def flash(page: object) -> str:
    return str(page.inner_text(".usa-alert").strip())  # type: ignore[attr-defined]


def run_story(sign_in: Callable[..., object], lang: str, reference: str) -> None:
    """Sender creates, uploads, sees findings, fixes a row, submits; receiver asks for information;
    sender answers and amends; receiver approves with a restriction; departure, arrival, reception."""
    arrival = future_arrival()
    sender = sign_in("officer@usa.demo", lang)
    page = sender
    assert page.url.endswith("/flights")  # type: ignore[attr-defined]
    assert page.locator("h1").text_content() == say(lang, "Flights")  # type: ignore[attr-defined]

    # Create the flight; the airport field names the airport once its code is typed.
    page.click("a[href='/flights/new']")  # type: ignore[attr-defined]
    page.fill("#reference", reference)  # type: ignore[attr-defined]
    page.select_option("#receiving_country", "MEX")  # type: ignore[attr-defined]
    page.fill("#operator", "Example Air Charter")  # type: ignore[attr-defined]
    page.fill("#aircraft_type", "B738")  # type: ignore[attr-defined]
    page.fill("#registration", "N990AC")  # type: ignore[attr-defined]
    page.fill("#callsign", "EXA990")  # type: ignore[attr-defined]
    page.fill("#seats", "60")  # type: ignore[attr-defined]
    page.fill("#leg0_from", "KHRL")  # type: ignore[attr-defined]
    page.fill("#leg0_departure", (arrival - timedelta(hours=4)).strftime("%Y-%m-%dT%H:%M"))  # type: ignore[attr-defined]
    page.fill("#leg0_to", "MMTJ")  # type: ignore[attr-defined]
    page.wait_for_selector("#leg0_to-airport .cw-airport-name")  # type: ignore[attr-defined]
    assert "Abelardo L. Rodriguez" in page.inner_text("#leg0_to-airport")  # type: ignore[attr-defined]
    page.fill("#leg0_arrival", arrival.strftime("%Y-%m-%dT%H:%M"))  # type: ignore[attr-defined]
    for name, value in (
        ("declared_passengers", "12"),
        ("crew", "6"),
        ("escorts", "5"),
        ("medical_staff", "1"),
        ("monitors", "1"),
    ):
        page.fill(f"#{name}", value)  # type: ignore[attr-defined]
    submit(page, "form[action='/flights/new']")
    assert reference in page.locator("h1").text_content()  # type: ignore[attr-defined]
    assert say(lang, "Draft") in page.locator("h1").text_content()  # type: ignore[attr-defined]
    request_url = page.url.split("?")[0]  # type: ignore[attr-defined]

    # Upload a manifest with an impossible date of birth; the finding shows beside its row.
    upload(page, manifest_csv(12, arrival=arrival, defect_on=1))
    row = page.locator("#row-1")  # type: ignore[attr-defined]
    assert row.locator(".cw-finding--error").count() >= 1
    assert page.locator("#precheck a[href='#row-1']").count() >= 1  # type: ignore[attr-defined]

    # Fix the row in place.
    good_birth = manifest_csv(1, arrival=arrival).decode().splitlines()[1].split(",")[5]
    row.locator("a", has_text=say(lang, "Edit")).click()
    page.wait_for_selector("#row-1 form")  # type: ignore[attr-defined]
    page.fill("#row-1 #date_of_birth", good_birth)  # type: ignore[attr-defined]
    submit(page, "#row-1 form")
    assert page.locator("#row-1 .cw-finding--error").count() == 0  # type: ignore[attr-defined]

    # Submit.
    submit(page, "form[action$='/submit']")
    assert say(lang, "Submitted") in page.locator("h1").text_content()  # type: ignore[attr-defined]

    # The receiving side finds it in its inbox, reveals the personal data and asks a question.
    receiver = sign_in("officer@mex.demo", lang)
    assert receiver.url.endswith("/inbox")  # type: ignore[attr-defined]
    receiver.click(f"a:text-is('{reference}')")  # type: ignore[attr-defined]
    assert receiver.locator("#row-1 .cw-masked").count() > 0  # type: ignore[attr-defined]
    receiver.click("#reveal-personal-data")  # type: ignore[attr-defined]
    assert receiver.locator("#row-1 .cw-masked").count() == 0  # type: ignore[attr-defined]
    receiver.click("label[for=action-request_info]")  # type: ignore[attr-defined]
    receiver.fill("#decision_text", "Please confirm the medical escort of passenger 2.")  # type: ignore[attr-defined]
    receiver.fill("#reply_by", (arrival - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"))  # type: ignore[attr-defined]
    submit(receiver, "form[action$='/decision']")
    assert say(lang, "Information requested") in receiver.locator("h1").text_content()  # type: ignore[attr-defined]

    # The sender amends a row (a new version) and answers.
    page.goto(request_url)  # type: ignore[attr-defined]
    assert "Please confirm the medical escort" in page.inner_text("#conversation-heading + ol")  # type: ignore[attr-defined]
    page.goto(request_url + "/rows/2/edit")  # type: ignore[attr-defined]
    page.fill("#notes", "Escort confirmed by the medical team.")  # type: ignore[attr-defined]
    submit(page, "form.cw-row-form")
    page.fill("#answer", "The medical escort travels beside passenger 2; see the notes of version 3.")  # type: ignore[attr-defined]
    submit(page, "form[action$='/answer']")
    assert say(lang, "Submitted") in page.locator("h1").text_content()  # type: ignore[attr-defined]

    # The receiver sees the answer and the diff, then approves with a restriction.
    receiver.goto(request_url)  # type: ignore[attr-defined]
    assert "The medical escort travels beside passenger 2" in receiver.inner_text("#conversation-heading + ol")  # type: ignore[attr-defined]
    assert receiver.locator("#diff-heading").count() == 1  # type: ignore[attr-defined]
    receiver.click("label[for=action-approve_restricted]")  # type: ignore[attr-defined]
    receiver.fill("#excluded_seqs", "12")  # type: ignore[attr-defined]
    receiver.fill("#conditions", "Arrival at the north apron.")  # type: ignore[attr-defined]
    submit(receiver, "form[action$='/decision']")
    assert say(lang, "Approved with restrictions") in receiver.locator("h1").text_content()  # type: ignore[attr-defined]
    assert receiver.locator("#clearance-token").input_value().count(".") == 2  # type: ignore[attr-defined]

    # Departure (the cleared aircraft), arrival, reception.
    page.goto(request_url)  # type: ignore[attr-defined]
    # Recorded as they happen: the forms offer the present moment (UTC), kept as it is.
    assert page.input_value("#departed_at") <= datetime.now(UTC).strftime("%Y-%m-%dT%H:%M")  # type: ignore[attr-defined]
    submit(page, "form[action$='/departure']")
    assert say(lang, "Departed") in page.locator("h1").text_content()  # type: ignore[attr-defined]
    receiver.goto(request_url)  # type: ignore[attr-defined]
    submit(receiver, "form[action$='/arrival']")
    assert say(lang, "Arrived") in receiver.locator("h1").text_content()  # type: ignore[attr-defined]
    assert receiver.is_checked("#outcome-12-not_on_board")  # type: ignore[attr-defined]
    submit(receiver, "form[action$='/reception']")
    assert say(lang, "Closed") in receiver.locator("h1").text_content()  # type: ignore[attr-defined]

    # Both sides read the timeline: every step with who and when; the reveal is in the access log.
    receiver.goto(request_url + "/timeline")  # type: ignore[attr-defined]
    timeline = receiver.inner_text("#audit-heading ~ div table")  # type: ignore[attr-defined]
    for action in (
        "request_created",
        "submit",
        "request_info",
        "answer",
        "resubmit",
        "approve_restricted",
        "depart",
        "arrive",
        "confirm_reception",
    ):
        assert translate(f"audit_action.{action}", lang) in timeline, action
    assert receiver.locator("#access-heading ~ table tbody tr").count() >= 1  # type: ignore[attr-defined]
