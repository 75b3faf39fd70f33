"""Every page in four formats, chosen by the path's suffix: none (HTML), ``.json``, ``.md``, ``.xml``.

A page handler builds one :class:`Page`: its data (what ``.json`` returns and ``.xml``
mirrors), the template and extra context for HTML, and a function for its Markdown. This
module turns a page into the response for the asked format.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from fastapi import Request
from fastapi.responses import Response

FORMATS = ("json", "md", "xml")
FORMAT_PATTERN = "^(json|md|xml)$"
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "xml": "application/xml; charset=utf-8",
}


@dataclass
class Page:
    """One page: ``kind`` names it ("event", "day", ...), ``data`` is its JSON body."""

    kind: str
    title: str
    data: dict[str, Any]
    template: str
    markdown: Callable[[], str]
    context: dict[str, Any] = field(default_factory=dict)
    canonical: str = ""  # the path of the HTML page, without suffix


def render(request: Request, page: Page, fmt: str) -> Response:
    if fmt == "json":
        body = {"ok": True, "kind": page.kind, **page.data}
        return Response(json.dumps(body, ensure_ascii=False), media_type=MEDIA_TYPES["json"])
    if fmt == "md":
        return Response(page.markdown(), media_type=MEDIA_TYPES["md"])
    if fmt == "xml":
        return Response(to_xml(page.kind, page.data), media_type=MEDIA_TYPES["xml"])
    templates = request.app.state.templates
    ctx = {"page": page, "title": page.title, "data": page.data, **page.context}
    return templates.TemplateResponse(request, page.template, ctx)


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def to_xml(kind: str, data: dict) -> str:
    """A page's data as XML, the same tree as its JSON: ``<page kind="event">``, keys become
    elements, list items ``<item>``, keys that are not XML names (a side such as "Islamic
    State") ``<entry key="...">``, null ``nil="true"``."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f"<page kind={quoteattr(kind)}>"]
    for k, v in data.items():
        _xml(out, str(k), v, attrs="")
    out.append("</page>")
    return "".join(out) + "\n"


def _xml(out: list[str], name: str, value: Any, *, attrs: str) -> None:
    if _NAME.match(name) and not name.lower().startswith("xml"):
        tag = name
    else:
        tag, attrs = "entry", f" key={quoteattr(_clean(name))}{attrs}"
    if value is None:
        out.append(f'<{tag}{attrs} nil="true"/>')
    elif isinstance(value, dict):
        out.append(f"<{tag}{attrs}>")
        for k, v in value.items():
            _xml(out, str(k), v, attrs="")
        out.append(f"</{tag}>")
    elif isinstance(value, (list, tuple)):
        out.append(f"<{tag}{attrs}>")
        for v in value:
            _xml(out, "item", v, attrs="")
        out.append(f"</{tag}>")
    else:
        if isinstance(value, bool):
            text = "true" if value else "false"
        else:
            text = _clean(str(value))
        out.append(f"<{tag}{attrs}>{escape(text)}</{tag}>")


def _clean(text: str) -> str:
    """Characters XML 1.0 cannot hold at all (control codes) are dropped."""
    return _XML_BAD.sub("", text)
