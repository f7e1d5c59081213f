"""The factory inputs are clean: every other test varies one thing from them."""

from tests.factories import codes, precheck


def test_factory_request_is_clean() -> None:
    result = precheck()
    assert codes(result) == []
    assert result.agreement is not None and result.agreement.version == 3
