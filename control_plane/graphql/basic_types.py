"""Small value types shared across the schema: tags, asset keys, references to outputs."""

from __future__ import annotations

import strawberry


@strawberry.type(description="A key/value tag of a run or pipeline.")
class Tag:
    key: str
    value: str

    @staticmethod
    def from_dict(tags: dict[str, str]) -> list[Tag]:
        return [Tag(key=k, value=v) for k, v in sorted(tags.items())]


@strawberry.input(description="A key/value tag, as given to a mutation or a filter.")
class TagInput:
    key: str
    value: str

    @staticmethod
    def to_dict(tags: list[TagInput] | None) -> dict[str, str]:
        return {t.key: t.value for t in tags or []}


@strawberry.type(description="An asset's key: a path of names, written `a/b` in the CLI.")
class AssetKey:
    path: list[str]

    @strawberry.field(description="The path joined with '/'.")
    def key(self) -> str:
        return "/".join(self.path)

    @staticmethod
    def from_path(path: list[str]) -> AssetKey | None:
        return AssetKey(path=list(path)) if path else None


@strawberry.type(description="One output of one solid.")
class OutputRef:
    solid: str
    output: str


@strawberry.type(description="How often a failed step is retried, and after which delay.")
class RetryPolicy:
    max_retries: int
    delay: float
