import rules

from accounts.rules import is_partnership_staff

# Public figures hide counts under 5 (and shares built on them); staff see the counts as published.
rules.add_perm("insights.view_small_numbers", is_partnership_staff)
