"""The review list: what the importer is unsure of, for the editor to check (front matter `review:`)."""

from __future__ import annotations

from dataclasses import dataclass, field

ReviewItem = dict[str, str | None]  # field, candidate, reason


@dataclass
class Review:
    items: list[ReviewItem] = field(default_factory=list)

    def unsure(self, field_name: str, candidate: object, reason: str) -> None:
        """Record a guess (or a gap) with the reason, in Vietnamese, that the editor reads."""
        self.items.append(
            {"field": field_name, "candidate": None if candidate is None else str(candidate), "reason": reason}
        )

    def fields(self) -> set[str]:
        """The top-level fields under review («tasks.t3.owner» is about «tasks»)."""
        return {str(item["field"]).split(".")[0] for item in self.items}
