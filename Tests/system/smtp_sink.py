"""A real SMTP server for tests (aiosmtpd), listening on 127.0.0.1 only.

Each accepted message is stored as one JSON file in --dir:
    {"mail_from": "...", "rcpt_tos": [...], "data": "<base64 of the raw bytes received>"}
written atomically (temporary name, then rename) before the server answers 250, so a
client that has its 250 can read the file at once. The port chosen (any free one, unless
--port) is written to <dir>/port, also atomically, once the server is listening.

Misbehaviour on request, to test how clients classify failures:
    --reject ADDRESS       550 5.1.1 no such user, at RCPT TO (repeatable)
    --defer ADDRESS        451 4.2.0 mailbox busy, at RCPT TO (repeatable)
    --defer-data           451 4.3.0 after the message data
    --refuse-data          554 5.6.0 after the message data
    --auth USER:PASSWORD   offer AUTH (PLAIN, LOGIN) and require it; accept only this pair
    --cert PEM --key PEM   TLS certificate: with --starttls, offer STARTTLS and require it;
                           with --implicit-tls, speak TLS from the first byte (smtps)

It stops on SIGTERM, when its parent process goes away, or after --lifetime seconds.
Usable from pytest too: `python Tests/system/smtp_sink.py --dir DIR [options]`.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import logging
import os
import signal
import ssl
import uuid
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def write_atomically(path: str, data: bytes) -> None:
    temporary = f"{path}.{uuid.uuid4().hex}.tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


class Handler:
    def __init__(self, args: argparse.Namespace) -> None:
        self.directory = args.dir
        self.reject = {address.lower() for address in args.reject}
        self.defer = {address.lower() for address in args.defer}
        self.defer_data = args.defer_data
        self.refuse_data = args.refuse_data

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 no such user"
        if address.lower() in self.defer:
            return "451 4.2.0 mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.defer_data:
            return "451 4.3.0 temporary failure, try again later"
        if self.refuse_data:
            return "554 5.6.0 message content rejected"
        name = uuid.uuid4().hex
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "data": base64.b64encode(envelope.original_content).decode("ascii"),
        }
        write_atomically(os.path.join(self.directory, f"{name}.json"), json.dumps(record).encode())
        return f"250 2.0.0 OK queued as {name}"


def authenticator_for(pair: str):
    user, _, password = pair.partition(":")

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
            and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    return authenticate


async def serve(args: argparse.Namespace) -> None:
    handler = Handler(args)
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    starttls = context if args.starttls else None

    def factory() -> SMTP:
        return SMTP(
            handler, hostname="sink.svforms.test", tls_context=starttls,
            require_starttls=starttls is not None,
            authenticator=authenticator_for(args.auth) if args.auth else None,
            auth_required=bool(args.auth), auth_require_tls=False,
        )

    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        factory, host="127.0.0.1", port=args.port, ssl=context if args.implicit_tls else None
    )
    port = server.sockets[0].getsockname()[1]
    write_atomically(os.path.join(args.dir, "port"), str(port).encode())

    stop = asyncio.Event()
    # A parent may start us with signals blocked (threads of a test runner often block
    # them, and the mask is inherited): unblock all, so SIGTERM stops the server.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    parent = os.getppid()

    async def watch_parent() -> None:
        while os.getppid() == parent:
            await asyncio.sleep(0.5)
        stop.set()

    watcher = asyncio.create_task(watch_parent())
    try:
        await asyncio.wait_for(stop.wait(), timeout=args.lifetime)
    except asyncio.TimeoutError:
        pass
    watcher.cancel()
    server.close()


def main() -> None:
    # Tests ask for AUTH without TLS on purpose (loopback only); keep stderr quiet about it.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--defer", action="append", default=[])
    parser.add_argument("--defer-data", action="store_true")
    parser.add_argument("--refuse-data", action="store_true")
    parser.add_argument("--auth")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--starttls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--lifetime", type=float, default=600)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
