"""The buddy scheme: volunteers, buddy requests, matching and matches."""
