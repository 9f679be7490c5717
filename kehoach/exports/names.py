"""File names inside an export directory (the site serves them under du-lieu/)."""

ICS_DIR = "lich"
ICS_ALL = "lich/tat-ca.ics"
REGISTRY = "registry.json"
TASKS_CSV = "nhiem-vu.csv"
