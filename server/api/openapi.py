"""The API description served at /api/openapi.json: written by hand, kept next to the routes.

tests/server/test_api.py (test_openapi_describes_every_route) checks that every registered route
is described here.
"""

from __future__ import annotations

from typing import Any


def _op(summary: str, ok: str, *codes: int, body: str | None = None,
        auth: bool = True) -> dict[str, Any]:  # fmt: skip
    responses: dict[str, Any] = {ok: {"description": "success"}}
    # 403: a foreign Host (any route) or Origin; 401: no or a wrong token.
    for code in (*codes, *((401, 403) if auth else (403,))):
        responses[str(code)] = {"$ref": "#/components/responses/Error"}
    op: dict[str, Any] = {"summary": summary, "responses": responses}
    if body:
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}},
        }
    if not auth:
        op["security"] = []
    return op


def _obj(required: list[str], **props: str) -> dict[str, Any]:
    return {"type": "object", "required": required,
            "properties": {k: {"type": v} for k, v in props.items()}}  # fmt: skip


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {
        "title": "Common Ground backend",
        "version": "0.1.0",
        "description": "Local API of Common Ground. Every route but health and this description "
        "needs 'Authorization: Bearer <token>' (`commonground token`). Errors are "
        '{"error": {"code", "message"}}.',
    },
    "servers": [{"url": "http://127.0.0.1:8765"}],
    "security": [{"bearer": []}],
    "paths": {
        "/api/health": {"get": _op("Liveness and model status (loading/ready)", "200", auth=False)},
        "/api/openapi.json": {"get": _op("This description", "200", auth=False)},
        "/api/analyses": {
            "post": _op(
                "Start an analysis of a profile page; poll it by id",
                "202",
                400,
                413,
                422,
                503,
                body="AnalysisRequest",
            )
        },
        "/api/analyses/{id}": {
            "get": _op(
                "Status (queued|running|done|failed), stage, done/total, result or error",
                "200",
                404,
            )
        },
        "/api/me": {
            "get": _op("The user's own profile", "200", 404),
            "put": _op(
                "Set the user's own profile (Profile JSON)", "200", 400, 413, 422, body="Profile"
            ),
        },
        "/api/me/import": {
            "post": _op(
                "Import the user's profile from {url, html} of their profile page",
                "200",
                400,
                413,
                422,
                body="PageRequest",
            )
        },
        "/api/drafts/check": {
            "post": _op(
                "Check a draft: {text, channel?, analysis_id?} -> findings",
                "200",
                400,
                404,
                422,
                body="DraftRequest",
            )
        },
        "/api/contacts": {
            "get": _op("Contacts, newest first; ?due=1 for follow-ups due", "200", 422),
            "post": _op("Record a contact", "201", 400, 422, body="Contact"),
        },
        "/api/contacts/{id}": {
            "patch": _op("Change a contact", "200", 400, 404, 422, body="Contact")
        },
        "/api/contacts/{id}/prep": {
            "get": _op("Prep sheet (Markdown) and follow-up draft", "200", 404)
        },
        "/api/people/{key}": {"delete": _op("Forget everything stored about a person", "200", 422)},
    },
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "responses": {
            "Error": {
                "description": "an error",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
            }
        },
        "schemas": {
            "Error": {
                "type": "object",
                "properties": {"error": _obj(["code", "message"], code="string", message="string")},
            },  # fmt: skip
            "AnalysisRequest": _obj(["url"], url="string", html="string"),
            "PageRequest": _obj(["url", "html"], url="string", html="string"),
            "DraftRequest": _obj(["text"], text="string", channel="string", analysis_id="string"),
            "Contact": _obj(
                ["name"],
                name="string",
                url="string",
                person_key="string",
                status="string",
                message="string",
                sent_date="string",
                follow_up_date="string",
                notes="string",
                analysis_id="string",
            ),
            "Profile": _obj(
                [],
                name="string",
                headline="string",
                location="string",
                about="string",
                experience="array",
                education="array",
                skills="array",
                interests="array",
                websites="array",
                goal="string",
                ask="string",
            ),
        },
    },
}
