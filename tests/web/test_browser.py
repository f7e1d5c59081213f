"""In Chromium: the core forms with JavaScript turned off, and an axe-core scan of every page in
both languages (no serious or critical violation of WCAG 2.1 A/AA)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest

from tests.web.conftest import upload
from tests.web.server import LiveServer, future_arrival, manifest_csv
from tests.web.story import submit

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _new_flight(page: object, reference: str, registration: str = "N991AC") -> str:
    arrival = future_arrival(7)
    page.goto(page.url.split("/flights")[0] + "/flights/new")  # type: ignore[attr-defined]
    values = {
        "reference": reference,
        "operator": "Example Air Charter",
        "aircraft_type": "B738",
        "registration": registration,
        "callsign": "EXA991",
        "seats": "60",
        "leg0_from": "KHRL",
        "leg0_to": "MMTJ",
        "leg0_departure": (arrival - timedelta(hours=4)).strftime("%Y-%m-%dT%H:%M"),
        "leg0_arrival": arrival.strftime("%Y-%m-%dT%H:%M"),
        "declared_passengers": "12",
        "crew": "6",
        "escorts": "5",
        "medical_staff": "1",
        "monitors": "1",
    }
    for name, value in values.items():
        page.fill(f"#{name}", value)  # type: ignore[attr-defined]
    page.select_option("#receiving_country", "MEX")  # type: ignore[attr-defined]
    submit(page, "form[action='/flights/new']")
    return str(page.url).split("?")[0]  # type: ignore[attr-defined]


def test_the_core_forms_work_with_javascript_turned_off(sign_in: Callable[..., object]) -> None:
    sender = sign_in("officer@usa.demo", javascript=False)
    request_url = _new_flight(sender, "RF-NOJS-1")
    upload(sender, manifest_csv(12, arrival=future_arrival(7), defect_on=3))
    assert sender.locator("#row-3 .cw-finding--error").count() >= 1  # type: ignore[attr-defined]
    # A row edited on a page of its own (no htmx), then submitted with a written justification.
    sender.click("#row-3 a")  # type: ignore[attr-defined]
    sender.fill("#notes", "Checked with the consulate.")  # type: ignore[attr-defined]
    submit(sender, "form.cw-row-form")
    submit(sender, "form[action$='/submit']")
    assert sender.locator("#justification-error").count() == 1  # type: ignore[attr-defined]
    assert sender.locator("#error-summary a[href='#justification']").count() == 1  # type: ignore[attr-defined]
    sender.fill("#justification", "The date of birth is as printed on the travel document.")  # type: ignore[attr-defined]
    submit(sender, "form[action$='/submit']")
    assert "cw-state--submitted" in sender.inner_html("h1")  # type: ignore[attr-defined]

    receiver = sign_in("officer@mex.demo", javascript=False)
    receiver.goto(request_url)  # type: ignore[attr-defined]
    assert "The date of birth is as printed" in receiver.inner_text("#justification-heading + blockquote")  # type: ignore[attr-defined]
    receiver.click("label[for=action-deny]")  # type: ignore[attr-defined]
    submit(receiver, "form[action$='/decision']")
    assert receiver.locator("#error-summary").count() == 1  # a denial needs a reason  # type: ignore[attr-defined]
    receiver.click("label[for=action-approve]")  # type: ignore[attr-defined]
    submit(receiver, "form[action$='/decision']")
    assert "cw-state--approved" in receiver.inner_html("h1")  # type: ignore[attr-defined]

    sender.goto(request_url)  # type: ignore[attr-defined]
    sender.fill("#actual_registration", "N555XX")  # type: ignore[attr-defined]
    submit(sender, "form[action$='/departure']")
    assert "cw-state--departed" in sender.inner_html("h1")  # type: ignore[attr-defined]
    assert sender.locator(".usa-alert--error", has_text=re.compile(".")).count() >= 1  # the registration mismatch  # type: ignore[attr-defined]


def _pages_of(server: LiveServer, sign_in: Callable[..., object], lang: str) -> list[tuple[object, str]]:
    """(page, path) for every kind of page, as the roles that see them."""
    sender = sign_in("officer@usa.demo", lang)
    ids = sorted(set(re.findall(r'href="/requests/([0-9a-f-]{36})"', sender.content())))  # type: ignore[attr-defined]
    visits: list[tuple[object, str]] = [
        (sender, "/flights"),
        (sender, "/flights/new"),
        (sender, "/account/tokens"),
        (sender, "/no-such-page"),
    ]
    for request_id in ids[:4]:
        visits += [
            (sender, f"/requests/{request_id}"),
            (sender, f"/requests/{request_id}?personal=shown"),
            (sender, f"/requests/{request_id}/timeline"),
        ]
    visits.append((sender, f"/requests/{ids[0]}/rows/1/edit"))
    visits.append((sender, f"/requests/{ids[0]}/flight"))
    receiver = sign_in("officer@mex.demo", lang)
    visits.append((receiver, "/inbox"))
    for request_id in sorted(set(re.findall(r'href="/requests/([0-9a-f-]{36})"', receiver.content())))[:3]:  # type: ignore[attr-defined]
        visits.append((receiver, f"/requests/{request_id}?personal=shown"))
    admin = sign_in("admin@mex.demo", lang)
    visits.append((admin, "/admin/users"))
    visits.append((admin, "/admin/notifications"))
    visits.append((admin, "/account/email"))
    observer = sign_in("viewer@monitor.demo", lang)
    visits.append((observer, "/flights"))
    anonymous = sign_in("nobody@example.org", lang)  # stays on the sign-in page, with its error
    visits.append((anonymous, "/sign-in"))
    return visits


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_page_has_a_serious_accessibility_violation(
    server: LiveServer, sign_in: Callable[..., object], lang: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = {}
    for page, path in _pages_of(server, sign_in, lang):
        page.goto(server.url + path)  # type: ignore[attr-defined]
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
        serious = [
            f"{item['id']}: {item['help']} ({len(item['nodes'])}: {item['nodes'][0]['target']})"
            for item in results.response["violations"]
            if item.get("impact") in ("serious", "critical")
        ]
        if serious:
            problems[path] = serious
    assert not problems, problems


def test_guatemala_opening_mexico_s_flight_by_its_address_sees_the_missing_page(
    server: LiveServer, sign_in: Callable[..., object]
) -> None:
    mexico = sign_in("officer@mex.demo")
    mexico.goto(server.url + "/flights")  # type: ignore[attr-defined]
    mexican = re.findall(r'href="(/requests/[0-9a-f-]{36})"', mexico.content())[0]  # type: ignore[attr-defined]
    guatemala = sign_in("officer@gtm.demo")
    theirs = guatemala.goto(server.url + mexican)  # type: ignore[attr-defined]
    theirs_text = guatemala.inner_text("main")  # type: ignore[attr-defined]
    missing = guatemala.goto(server.url + "/requests/00000000-0000-0000-0000-000000000000")  # type: ignore[attr-defined]
    assert theirs.status == missing.status == 404
    assert theirs_text == guatemala.inner_text("main")  # type: ignore[attr-defined]


def test_an_observer_posting_a_form_from_its_own_page_is_refused(
    server: LiveServer, sign_in: Callable[..., object]
) -> None:
    observer = sign_in("officer@monitor.demo")
    granted = re.findall(r'href="(/requests/[0-9a-f-]{36})"', observer.content())[0]  # type: ignore[attr-defined]
    observer.goto(server.url + granted)  # type: ignore[attr-defined]
    assert observer.locator("form[action$='/decision'], form[action$='/cancel']").count() == 0  # type: ignore[attr-defined]
    # A form made in the page itself (same origin, the session's token): the service refuses it.
    with observer.expect_navigation():  # type: ignore[attr-defined]
        observer.evaluate(  # type: ignore[attr-defined]
            """(target) => {
                const form = document.createElement("form");
                form.method = "post"; form.action = target + "/decision";
                const token = document.querySelector("input[name=csrf_token]").value;
                for (const [name, value] of [["csrf_token", token], ["action", "approve"]]) {
                    const input = document.createElement("input");
                    input.name = name; input.value = value; form.append(input);
                }
                document.body.append(form); form.submit();
            }""",
            granted,
        )
    assert "/decision" in observer.url  # type: ignore[attr-defined]
    assert observer.locator("h1").text_content() == "Not allowed"  # type: ignore[attr-defined]


def test_a_cross_site_form_is_refused_in_the_browser(server: LiveServer, sign_in: Callable[..., object]) -> None:
    sender = sign_in("officer@usa.demo")
    # A page of another site (another origin) posting to Clearway with the user's cookie.
    sender.goto(
        "data:text/html,<form method=post action='" + server.url + "/language'><input name=language value=es></form>"
    )  # type: ignore[attr-defined]
    with sender.expect_navigation():  # type: ignore[attr-defined]
        sender.evaluate("document.forms[0].submit()")  # type: ignore[attr-defined]
    assert sender.locator("h1").text_content() == "Form refused"  # type: ignore[attr-defined]


def test_in_spanish_the_file_input_speaks_spanish_and_a_row_s_edit_form_focuses_its_error(
    sign_in: Callable[..., object],
) -> None:
    sender = sign_in("officer@usa.demo", lang="es")
    _new_flight(sender, "RF-ES-FILE-1", registration="N992AC")
    box = sender.locator("#manifest .usa-file-input")  # type: ignore[attr-defined]
    assert "Arrastre el archivo aquí o" in box.inner_text() and "Drag" not in box.inner_text()
    sender.set_input_files(  # type: ignore[attr-defined]
        "#manifest-file", files=[{"name": "m.csv", "mimeType": "text/csv", "buffer": b"seq\n1\n"}]
    )
    sender.wait_for_function(
        "document.querySelector('#manifest .usa-file-input').innerText.includes('Cambiar el archivo')"
    )  # type: ignore[attr-defined]
    assert "Change file" not in box.inner_text()
    upload(sender, manifest_csv(12, arrival=future_arrival(7), defect_on=3))
    sender.click("#row-3 a")  # type: ignore[attr-defined]
    sender.wait_for_selector("#row-3 form")  # type: ignore[attr-defined]
    focused = sender.evaluate("document.activeElement.id")  # type: ignore[attr-defined]
    assert focused and sender.locator(f"#row-3 #{focused}.usa-input--error").count() == 1  # type: ignore[attr-defined]
