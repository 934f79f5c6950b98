"""Arabic: a place at the end of a genitive chain that starts with an organisation head noun is
part of the organisation's name (مجلس شورى مجاهدي درنة, كتيبة ثوار طرابلس, قوات سوريا
الديمقراطية, صحيفة الشرق الأوسط).  A cue word in the chain (مجلس محافظة حلب) or a direction
(تنظيم داعش شرقي سوريا) keeps the place."""

MAX_CHAIN = 4


def in_organisation_name(span, doc) -> bool:
    if doc.lang != 'ar' or span.cue or span.proclitics:
        return False
    toks, lex = doc.tokens, doc.lex
    i = span.i
    for back in range(1, MAX_CHAIN + 1):
        k = i - back
        if k < 0:
            return False
        t, nxt = toks[k], toks[k + 1]
        if doc.text[t.end:nxt.start].strip(' "«»“”\'') != '' or not t.arabic or t.key in doc.lex.words('chain_breaks') \
                or t.key in doc.lex.words('directions'):      # تنظيم داعش شرقي سوريا: a place after a direction
            return False
        if t.key in lex.cues:
            return False
        bare = t.key[1:] if t.key[:1] in 'وفبل' and t.key[1:] in lex.organisation_heads else t.key
        if bare in lex.organisation_heads:
            return True
    return False
