"""kehoach: a plan repository as code for Party committee documents."""

__version__ = "0.1.0"
