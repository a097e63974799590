"""Tests/system/smtp_sink.py (aiosmtpd on 127.0.0.1, the same options and files) with a slow DATA:
after a message's data has arrived, the server holds the transaction open before it answers 250.

Environment:
    SINK_DATA_DELAY   seconds each held message waits before its 250 (default 0: none held)
    SINK_HOLD_COUNT   how many messages are held, the first ones to arrive (default: every one)

While a message is held, a file `held-<name>` (its recipients, as JSON) is in --dir; it becomes
`released-<name>` once the message is stored. A held message is stored when its delay ends even
if the client has hung up meanwhile, as a real mail server does once it has the whole message:
a client killed while waiting for the 250 has had its message delivered all the same.

    python Tests/system/slow_smtp_sink.py --dir DIR [smtp_sink.py options]
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import smtp_sink  # noqa: E402


class SlowHandler(smtp_sink.Handler):
    def __init__(self, args) -> None:
        super().__init__(args)
        self.delay = float(os.environ.get("SINK_DATA_DELAY", "0"))
        count = os.environ.get("SINK_HOLD_COUNT")
        self.still_to_hold = int(count) if count else None
        self.pending: set[asyncio.Task] = set()

    def _should_hold(self) -> bool:
        if self.delay <= 0 or self.still_to_hold == 0:
            return False
        if self.still_to_hold is not None:
            self.still_to_hold -= 1
        return True

    async def handle_DATA(self, server, session, envelope):
        if not self._should_hold():
            return await super().handle_DATA(server, session, envelope)
        name = uuid.uuid4().hex
        held = os.path.join(self.directory, f"held-{name}")
        smtp_sink.write_atomically(held, json.dumps(envelope.rcpt_tos).encode())

        async def hold_then_store():
            await asyncio.sleep(self.delay)
            reply = await super(SlowHandler, self).handle_DATA(server, session, envelope)
            os.replace(held, os.path.join(self.directory, f"released-{name}"))
            return reply

        # aiosmtpd cancels the session's handler when the client hangs up: the store goes on regardless.
        task = asyncio.ensure_future(hold_then_store())
        self.pending.add(task)
        task.add_done_callback(self.pending.discard)
        return await asyncio.shield(task)


if __name__ == "__main__":
    smtp_sink.Handler = SlowHandler  # serve() builds its handler from this name
    smtp_sink.main()
