"""A progress bar on standard error for long loads (Rich, imported only when shown)."""

from __future__ import annotations

from types import TracebackType
from typing import Any


class ByteProgress:
    """Shows a bar once the first update arrives; a load that needs none shows nothing."""

    def __init__(self, description: str) -> None:
        self._description = description
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> ByteProgress:
        return self

    def update(self, done: int, total: int) -> None:
        if self._progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

            self._progress = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                DownloadColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(self._description, total=total)
        self._progress.update(self._task, completed=done, total=total)

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
