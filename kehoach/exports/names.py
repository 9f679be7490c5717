"""File names inside an export directory (the site serves them under du-lieu/)."""

ICS_DIR = "lich"
ICS_ALL = "lich/tat-ca.ics"
REGISTRY = "registry.json"
TASKS_CSV = "nhiem-vu.csv"
FEED_ALL = "thay-doi.atom"  # new and changed documents (Atom)
FEED_DIR = "to-chuc"  # one feed per organisation: to-chuc/<organisation>.atom
EXPORT_MARKER = ".kehoach-export"  # written into an export folder, so the next export may replace it


def unit_calendar(org: str, unit: str | None) -> str:
    """The calendar of the tasks a unit leads (`unit` None: those the organisation itself leads)."""
    return f"{ICS_DIR}/{org}/{unit or 'chu-tri'}.ics"


def is_export_file(name: str) -> bool:
    """Whether an export writes a file of this relative name."""
    return (
        name in (REGISTRY, TASKS_CSV, EXPORT_MARKER, FEED_ALL)
        or (name.startswith(f"{ICS_DIR}/") and name.endswith(".ics"))
        or (name.startswith(f"{FEED_DIR}/") and name.endswith(".atom"))
    )
