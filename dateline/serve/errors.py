"""One error shape for the whole site: ``{"ok": false, "status": 404, "error": "...", "code": "..."}``.

Every error (no such page, a bad parameter, a bug) answers with that JSON body and its HTTP
status; a browser asking for an HTML page gets the same fields laid out as a page.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import DatelineError

log = logging.getLogger(__name__)

SUFFIXES = (".json", ".md", ".xml", ".rss")


class ErrorBody(BaseModel):
    """The body of every error response."""

    ok: bool = False
    status: int
    error: str
    code: str | None = None


class NotFound(DatelineError):
    """A page for an id, day or topic the database does not hold."""

    code = "E404"


class BadParameter(DatelineError):
    """A parameter that passed its pattern but means nothing (a 13th month)."""

    code = "E422"


def error_body(status: int, message: str, code: str | None = None) -> dict:
    return {"ok": False, "status": status, "error": message, "code": code}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.endswith(SUFFIXES) or path.startswith(("/static/", "/openapi")):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept


def error_response(request: Request, status: int, message: str, code: str | None = None) -> Response:
    body = error_body(status, message, code)
    if _wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"error": body, "title": f"Error {status}"},
                                          status_code=status)
    return JSONResponse(body, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors():
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Route every kind of error through :func:`error_response`."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}: see / for the latest days, /search to find events"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed here: the site is read-only, use GET"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return error_response(request, 422, _validation_message(exc), "E422")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return error_response(request, 404, str(exc), exc.code)

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError):
        # a query the library refused (a malformed date, a negative minimum): the caller's to fix
        return error_response(request, 422, str(exc), exc.code)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        return error_response(request, 500, f"internal error while serving {request.url.path}: "
                                            f"{type(exc).__name__}; the server log has the details", "E500")
