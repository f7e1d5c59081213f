"""The API's router runs a route, its unit of work and the token check in one worker-thread call."""

from __future__ import annotations

import pytest

from clearway.web.api.deps import ApiRouter, Reader


def test_a_route_must_be_a_plain_function() -> None:
    router = ApiRouter()

    async def asynchronous(ctx: Reader) -> None:
        return None

    with pytest.raises(TypeError, match="are plain functions"):
        router.add_api_route("/x", asynchronous)


def test_a_route_keeps_its_name_documentation_and_parameters() -> None:
    router = ApiRouter()

    def read_something(ctx: Reader, number: int) -> dict[str, int]:
        """What the route does."""
        return {"number": number}

    router.add_api_route("/x/{number}", read_something)
    route = router.routes[0]
    assert route.name == "read_something"  # type: ignore[attr-defined]
    assert route.description == "What the route does."  # type: ignore[attr-defined]
    assert [param.name for param in route.dependant.path_params] == ["number"]  # type: ignore[attr-defined]
