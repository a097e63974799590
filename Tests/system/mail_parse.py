"""Parses an RFC 5322 message with Python's email package and prints what a reader sees,
as JSON: an independent check on the messages svforms builds (used by SVFormsMailTests).

    python Tests/system/mail_parse.py FILE.eml

Output keys: from_name, from_address, to ([[name, address], ...]), subject, message_id,
date (seconds since the epoch), content_type, parts ([{content_type, charset,
transfer_encoding, content}]), header_lines (raw, unfolded not), defects (list of str).
Line ends in decoded parts are "\n".
"""

from __future__ import annotations

import json
import sys
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime


def describe(raw: bytes) -> dict:
    message = BytesParser(policy=policy.default).parsebytes(raw)
    head = raw.split(b"\r\n\r\n", 1)[0]
    from_name, from_address = parseaddr(str(message["From"]))
    parts = []
    defects = [repr(d) for d in message.defects]
    for part in message.iter_parts() if message.is_multipart() else []:
        defects += [repr(d) for d in part.defects]
        parts.append({
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            # The email package keeps the CRLF line ends of the wire format; compare as text.
            "content": part.get_content().replace("\r\n", "\n"),
        })
    return {
        "from_name": from_name,
        "from_address": from_address,
        "to": [list(pair) for pair in getaddresses([str(message["To"])])],
        "subject": str(message["Subject"]),
        "message_id": str(message["Message-ID"]),
        "date": parsedate_to_datetime(str(message["Date"])).timestamp(),
        "content_type": message.get_content_type(),
        "boundary": message.get_boundary(),
        "parts": parts,
        "header_lines": head.decode("ascii").split("\r\n"),
        "extra": {k: str(v) for k, v in message.items()
                  if k.lower() not in {"from", "to", "subject", "message-id", "date"}},
        "defects": defects,
    }


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as handle:
        print(json.dumps(describe(handle.read())))
