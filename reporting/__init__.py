"""Public reporting of hate crime and anti-social behaviour, and the reporter's way back in."""
