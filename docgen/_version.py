"""docgen's version: one place, read by the package, the manifest and pyproject.toml."""

__version__ = "0.1.0"
