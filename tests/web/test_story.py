"""The whole story in a real browser, as a person who has never seen Clearway would carry it."""

from __future__ import annotations

from collections.abc import Callable

from tests.web.story import run_story


def test_a_flight_goes_from_draft_to_reception_on_both_sides(sign_in: Callable[..., object]) -> None:
    run_story(sign_in, "en", "RF-STORY-EN")


def test_the_same_story_in_spanish(sign_in: Callable[..., object]) -> None:
    run_story(sign_in, "es", "RF-STORY-ES")
