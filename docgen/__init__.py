"""docgen: the paperwork for a post shared between public bodies, from one answer file."""

__version__ = "0.1.0"

from .build import PostResult, Report, build, build_post, check, check_post  # noqa: E402

__all__ = ["__version__", "build", "build_post", "check", "check_post", "Report", "PostResult"]
