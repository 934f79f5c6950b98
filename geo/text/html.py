"""Visible text of an HTML page (scripts, styles and markup dropped), with block elements as
line breaks.  Offsets of every result refer to this extracted text."""
from __future__ import annotations

import re

_BLOCKS = {'p', 'div', 'br', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article',
           'header', 'footer', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dd', 'dt', 'figcaption', 'title'}


def html_to_text(html: str) -> str:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

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
