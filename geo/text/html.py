"""Visible text of an HTML page (scripts, styles, comments, templates, <noscript> fallbacks and
markup dropped; entities decoded), with block elements as line breaks and runs of spaces as one.
Offsets of every result for an .html input refer to this extracted text (`geo parse` says so
in each record: "offsets": "html-text")."""
from __future__ import annotations

import re

_BLOCKS = {'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article',
           'header', 'footer', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dd', 'dt', 'figcaption', 'title'}


def html_to_text(html: str) -> str:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    try:
        # as a browser that runs scripts parses it: a <noscript> in <head> is one hidden text node
        # (with scripting off, its words would be moved into <body>)
        tree = HTMLParser(html, scripting=True)
    except TypeError:                       # selectolax before 1.0
        tree = HTMLParser(html)
    for tag in tree.css('script, style, noscript, template, svg, iframe, object'):
        tag.decompose()
    parts: list[str] = []
    root = tree.body or tree.root
    title = tree.css_first('title')
    if title is not None and title.text(strip=True):
        parts.append(title.text(strip=True) + '\n')
    if root is None:
        return ''
    for node in root.traverse(include_text=True):
        if node.tag == '-text':
            parts.append(node.text_content or '')
        elif node.tag in _BLOCKS:
            parts.append('\n')
    text = ''.join(parts)
    text = re.sub(r'[ \t\u00a0]+', ' ', text)
    text = re.sub(r' *\n[ \n]*', '\n', text)
    return text.strip()
