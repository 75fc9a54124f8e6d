"""Request parameters: JSON body, query string, form or multipart, coerced like Telegram does."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from frontdesk_emulator.errors import bad_request


@dataclass
class Upload:
    """A file part of a multipart request."""

    field: str
    file_name: str
    content: bytes
    mime_type: str


class Params:
    """Raw parameter values with typed accessors raising Telegram-like 400s."""

    def __init__(self, values: dict[str, Any], uploads: dict[str, Upload]) -> None:
        self.values = values
        self.uploads = uploads

    def has(self, name: str) -> bool:
        """Whether the parameter was given (and not null)."""
        return self.values.get(name) is not None

    def raw(self, name: str) -> Any:
        """The value as received."""
        return self.values.get(name)

    def text(self, name: str, default: str | None = None) -> str | None:
        """A string parameter."""
        value = self.values.get(name)
        if value is None:
            return default
        if isinstance(value, str):
            return value
        return json.dumps(value) if isinstance(value, dict | list) else str(value)

    def require_str(self, name: str) -> str:
        """A required string parameter."""
        value = self.text(name)
        if value is None:
            raise bad_request(f"{name} is empty")
        return value

    def integer(self, name: str, default: int | None = None) -> int | None:
        """An integer parameter."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, int):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            raise bad_request(f'invalid parameter "{name}": integer expected') from None

    def require_int(self, name: str) -> int:
        """A required integer parameter."""
        value = self.integer(name)
        if value is None:
            raise bad_request(f"{name} is empty")
        return value

    def number(self, name: str, default: float) -> float:
        """A number parameter."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad_request(f'invalid parameter "{name}": number expected') from None

    def flag(self, name: str, default: bool = False) -> bool:
        """A boolean parameter ("true"/"false", 1/0 or JSON booleans)."""
        value = self.values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        return str(value).strip().lower() in ("true", "1", "yes")

    def json(self, name: str, what: str | None = None) -> Any:
        """A JSON-serialized object/array parameter (already decoded when the body was JSON)."""
        value = self.values.get(name)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {what or name} JSON object") from None

    def chat_id(self, name: str = "chat_id") -> int | str:
        """A chat id: an integer or an ``@username`` string."""
        value = self.values.get(name)
        if value is None or value == "":
            raise bad_request(f"{name} is empty")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = str(value).strip()
        if text.startswith("@"):
            return text
        try:
            return int(text)
        except ValueError:
            raise bad_request("chat not found") from None

    def loggable(self) -> dict[str, Any]:
        """Parameters for RecordedRequest: JSON strings decoded, uploads summarised."""
        out: dict[str, Any] = {}
        for key, value in self.values.items():
            if isinstance(value, str) and value[:1] in "[{":
                try:
                    out[key] = json.loads(value)
                    continue
                except ValueError:
                    pass
            out[key] = value
        for key, upload in self.uploads.items():
            out.setdefault(key, f"<upload {upload.file_name} {len(upload.content)} bytes>")
        return out


async def read_params(request: web.Request) -> Params:
    """Collect parameters from the query string and the body, whatever its encoding."""
    values: dict[str, Any] = dict(request.query)
    uploads: dict[str, Upload] = {}
    if request.method == "POST" and request.can_read_body:
        content_type = request.content_type
        if content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                raise bad_request("can't parse JSON request body") from None
            if isinstance(body, dict):
                values.update(body)
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    uploads[key] = Upload(
                        field=key,
                        file_name=value.filename or key,
                        content=value.file.read(),
                        mime_type=value.content_type or "application/octet-stream",
                    )
                    value.file.close()
                else:
                    values[key] = value if isinstance(value, str) else bytes(value).decode()
    return Params(values, uploads)
