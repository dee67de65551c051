"""The Walsall for All pledge registry and the Places of Welcome registry."""
