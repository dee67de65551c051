"""The Welcome Pack for new residents: sections, translations and packs issued."""
