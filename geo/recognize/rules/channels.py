"""Arabic: قناة is a canal and, far more often in the news, a television channel (قناة «الإخبارية»،
قناة فوكس نيوز، قناة اليمن الفضائية).  So it makes no new place of the words after it: a canal
the index holds under its name (قناة السويس) is still found, as a name, not through the cue."""


def names_a_channel(span, doc) -> bool:
    return doc.lang == 'ar' and span.how == 'cue' and span.cue in doc.lex.words('channel_cues')
