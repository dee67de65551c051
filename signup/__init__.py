"""New residents' sign-up, consent and follow-ups (Walsall People Project)."""
