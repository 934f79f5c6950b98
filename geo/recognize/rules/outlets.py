"""Arabic: "قال لـ«الشرق الأوسط»" (told Asharq al-Awsat): a name in quotes right after لـ is the
outlet someone spoke to, not a place."""


def told_outlet(span, doc) -> bool:
    if doc.lang != 'ar' or span.cue:
        return False
    before = doc.text[max(0, span.start - 4):span.start]
    if 'ل' not in before:
        return False          # (most spans: no ل just before, so no outlet)
    return before.replace(' ', '').endswith(('لـ«', 'لـ"', 'ل«', 'لـ“', 'لـ\''))


def lam_before(key: str, doc) -> bool:
    """Can a word (its key) right before a name let told_outlet hold?  Only when it ends with ل
    (لـ, قال, folded without its tatweel), or is a lone tatweel (key ''), after which a ل may
    stand within the four characters the rule reads (rules/gates.py keeps the answer per word)."""
    return not key or key[-1] == 'ل'
