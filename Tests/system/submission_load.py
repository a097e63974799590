"""Submissions from several respondents at once, in background threads, against a real server:
what the server acknowledged, and when, is recorded for the durability and operations tests."""

from __future__ import annotations

import threading
import time
from typing import Callable

from svforms_server import Respondent, SvformsServer, submit_community_voice


class SubmissionLoad:
    """`workers` threads, each submitting complete forms one after another until stopped."""

    def __init__(self, server: SvformsServer, workers: int = 8,
                 submit: Callable[[Respondent], str] = submit_community_voice, timeout: float = 5.0):
        self.server = server
        self.submit = submit
        self.timeout = timeout
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._acknowledged: list[tuple[float, str]] = []  # (monotonic time of the acknowledgement, reference)
        self.failures = 0
        self._threads = [threading.Thread(target=self._work, daemon=True) for _ in range(workers)]

    def _work(self) -> None:
        while not self._stop.is_set():
            try:
                reference = self.submit(Respondent(self.server, timeout=self.timeout))
            except Exception:
                with self._lock:
                    self.failures += 1
                continue
            if reference:
                with self._lock:
                    self._acknowledged.append((time.monotonic(), reference))

    def start(self) -> "SubmissionLoad":
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def acknowledged(self, before: float | None = None) -> list[str]:
        """References acknowledged so far (or before a monotonic time)."""
        with self._lock:
            return [reference for at, reference in self._acknowledged if before is None or at < before]
