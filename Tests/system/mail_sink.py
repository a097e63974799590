"""Runs Tests/system/smtp_sink.py (aiosmtpd on 127.0.0.1) for the outbox tests and reads what it received."""

from __future__ import annotations

import base64
import email
import email.policy
import json
import subprocess
import sys
import time
from pathlib import Path

from svforms_server import REPO_ROOT, free_port


class MailSink:
    """A real SMTP server that stores every message it accepts."""

    def __init__(self, directory: Path, port: int | None = None, reject: tuple[str, ...] = ()):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.reject = reject
        self.process: subprocess.Popen | None = None

    def start(self) -> "MailSink":
        args = [sys.executable, str(REPO_ROOT / "Tests/system/smtp_sink.py"), "--dir", str(self.directory), "--port", str(self.port)]
        for address in self.reject:
            args += ["--reject", address]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while not (self.directory / "port").exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the SMTP sink did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def messages(self) -> list[dict]:
        """Every accepted message: envelope and the parsed email."""
        received = []
        for path in sorted(self.directory.glob("*.json")):
            record = json.loads(path.read_text())
            record["email"] = email.message_from_bytes(base64.b64decode(record["data"]), policy=email.policy.default)
            received.append(record)
        return received

    def wait_for(self, count: int, timeout: float = 60) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            received = self.messages()
            if len(received) >= count:
                return received
            time.sleep(0.2)
        raise AssertionError(f"expected {count} messages, received {len(self.messages())}")


def parts(message) -> tuple[str, str]:
    """The text and HTML parts of a multipart/alternative message."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def smtp_env(port: int) -> dict[str, str]:
    """The settings that send a server's mail to an SMTP sink on this port, retrying after a second."""
    return {
        "SVFORMS_SMTP_URL": f"smtp://127.0.0.1:{port}", "SVFORMS_MAIL_FROM": "svforms@partnership.example",
        "SVFORMS_MAIL_RETRY_SECONDS": "1",
    }
