"""E-mail: an .eml file (RFC 5322, the standard library's parser) or an Outlook .msg file (an OLE
compound file, read with olefile: the MAPI subject, body and attachments).

The message is one document: its subject, a blank line, its body (the plain-text part, else the
HTML part's visible text); its offsets count that text (meta['offsets'] = 'email-text'), its
title is the subject and its date the Date header (.msg: the time it was sent).  Each attachment
that is a PDF or a Word file is a document of its own, with the suffix '#FILE-NAME' after the
message's id; an attachment that cannot be read is an error for it alone.  A message with
neither a subject nor a body gives its attachments only (an error when it has none)."""
from __future__ import annotations

import re
import struct
from datetime import datetime, timedelta, timezone

from .base import ReaderError

MAX_ATTACHMENTS = 50
ATTACHMENT_KINDS = {'.pdf': 'pdf', '.docx': 'docx'}
CONTENT_KINDS = {'application/pdf': 'pdf',
                 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx'}


def _kind(name: str, content_type: str = '') -> str | None:
    m = re.search(r'\.[A-Za-z]+$', name or '')
    return ATTACHMENT_KINDS.get(m.group().lower() if m else '') or CONTENT_KINDS.get(content_type.lower())


def _message(subject: str, body: str, date: str | None) -> list[dict]:
    """The message as a document ([] when it has neither a subject nor a body: then only its
    attachments are documents)."""
    subject = ' '.join((subject or '').split())
    body = (body or '').replace('\r\n', '\n').strip('\n')
    if not subject and not body.strip():
        return []
    text = f'{subject}\n\n{body}' if subject and body.strip() else (subject or body)
    meta: dict = {'offsets': 'email-text'}
    if subject:
        meta['title'] = subject[:300]
    if date:
        meta['date'] = date
    return [{'text': text, 'meta': meta}]


def _some(docs: list[dict], where: str) -> list[dict]:
    if not docs:
        raise ReaderError(f'{where}: the message has neither a subject nor a body (nor a PDF or Word attachment)')
    return docs


def _attachment(name: str, kind: str, data: bytes, where: str) -> list[dict]:
    from . import pdftext, word

    suffix = f'#{name}'
    inner = f'{where}#{name}'
    try:
        docs = (pdftext if kind == 'pdf' else word).read(data, inner)
    except ReaderError as e:
        return [{'suffix': suffix, 'error': str(e)}]
    except (MemoryError, RecursionError) as e:
        return [{'suffix': suffix, 'error': f'{inner}: a damaged or hostile file ({type(e).__name__})'}]
    return [dict(d, suffix=suffix + d.get('suffix', '')) for d in docs]


def read_eml(data: bytes, where: str) -> list[dict]:
    import email
    import email.utils
    from email import policy

    head = data[:4096].lstrip()
    if not re.match(rb'[!-9;-~]+:', head):
        raise ReaderError(f'{where}: not an e-mail message (it does not start with header lines)')
    msg = email.message_from_bytes(data, policy=policy.default)
    try:
        subject = str(msg.get('subject', '') or '')
    except Exception:  # a header the parser cannot decode
        subject = ''
    body = ''
    part = msg.get_body(preferencelist=('plain', 'html'))
    if part is not None:
        try:
            content = part.get_content()
        except (LookupError, UnicodeError, AssertionError):
            content = part.get_payload(decode=True).decode('utf-8', 'replace')
        if part.get_content_subtype() == 'html':
            from ..text.html import html_to_text
            content = html_to_text(content)
        body = content if isinstance(content, str) else ''
    date = None
    try:
        if msg.get('date'):
            date = email.utils.parsedate_to_datetime(str(msg['date'])).date().isoformat()
    except (TypeError, ValueError, IndexError):
        date = None
    docs = _message(subject, body, date)
    for k, att in enumerate(msg.iter_attachments()):
        if k >= MAX_ATTACHMENTS:
            break
        name = att.get_filename() or f'attachment-{k + 1}'
        kind = _kind(name, att.get_content_type())
        if kind:
            docs.extend(_attachment(name, kind, att.get_payload(decode=True) or b'', where))
    return _some(docs, where)


def _filetime(raw: bytes) -> str | None:
    (ticks,) = struct.unpack('<Q', raw[:8])
    if not ticks:
        return None
    try:
        return (datetime(1601, 1, 1, tzinfo=timezone.utc) + timedelta(microseconds=ticks // 10)).date().isoformat()
    except OverflowError:
        return None


def _ole_string(ole, prefix: str, prop: str) -> str:
    for kind, enc in (('001F', 'utf-16-le'), ('001E', 'cp1252')):
        name = f'{prefix}__substg1.0_{prop}{kind}'
        if ole.exists(name):
            return ole.openstream(name).read().decode(enc, 'replace').rstrip('\x00')
    return ''


def _msg_date(ole) -> str | None:
    """PR_CLIENT_SUBMIT_TIME (0x0039), else PR_MESSAGE_DELIVERY_TIME (0x0E06), from the top-level
    property stream (a 32-byte header, then 16-byte entries)."""
    if not ole.exists('__properties_version1.0'):
        return None
    raw = ole.openstream('__properties_version1.0').read()
    found = {}
    for off in range(32, len(raw) - 15, 16):
        tag = struct.unpack('<I', raw[off:off + 4])[0]
        if tag & 0xFFFF == 0x0040:
            found[tag >> 16] = raw[off + 8:off + 16]
    for prop in (0x0039, 0x0E06):
        if prop in found:
            return _filetime(found[prop])
    return None


def read_msg(data: bytes, where: str) -> list[dict]:
    import olefile

    if not data.startswith(b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'):
        raise ReaderError(f'{where}: not an Outlook .msg file (not an OLE compound file)')
    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError) as e:
        raise ReaderError(f'{where}: a damaged .msg file ({str(e)[:120]})') from None
    with ole:
        subject = _ole_string(ole, '', '0037')
        body = _ole_string(ole, '', '1000')
        if not body.strip():
            html = _ole_string(ole, '', '1013')
            if not html and ole.exists('__substg1.0_10130102'):
                html = ole.openstream('__substg1.0_10130102').read().decode('utf-8', 'replace')
            if html:
                from ..text.html import html_to_text
                body = html_to_text(html)
        docs = _message(subject, body, _msg_date(ole))
        storages = sorted({e[0] for e in ole.listdir(streams=True, storages=True)
                           if e and e[0].startswith('__attach_version1.0_#')})
        for k, st in enumerate(storages[:MAX_ATTACHMENTS]):
            name = _ole_string(ole, st + '/', '3707') or _ole_string(ole, st + '/', '3704') or f'attachment-{k + 1}'
            kind = _kind(name, _ole_string(ole, st + '/', '370E'))
            data_stream = f'{st}/__substg1.0_37010102'
            if kind and ole.exists(data_stream):
                docs.extend(_attachment(name, kind, ole.openstream(data_stream).read(), where))
    return _some(docs, where)


def read(data: bytes, where: str, kind: str) -> list[dict]:
    return read_msg(data, where) if kind == 'msg' else read_eml(data, where)
