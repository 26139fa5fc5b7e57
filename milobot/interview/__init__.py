"""The candidate web interview: routes, templates and scoring."""
