"""The report page at /r/<token>: a web entry point beside the candidate interview pages."""
