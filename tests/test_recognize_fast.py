"""The fast paths of the filters and score stages give what their references give: the hard rule
hard_rule names (rules.first_rule over memoised own verdicts), and the logit of span_features'
dict (features.span_logits), over realistic documents of our own, long and short."""
import pytest
from doc_helpers import doc_after

from geo.recognize.facts import name_facts, own_verdicts
from geo.recognize.features import span_features, span_logits
from geo.recognize.rules import HARD, first_rule, hard_rule
from geo.recognize.rules.own import LEFT_TO_TEST
from geo.recognize.scorer import INTERCEPT, load

ARABIC = (
    'قصفت طائرات حربية روسية مدينة دير الزور وبلدة الميادين يوم الخميس، وقال الوزير سيرجي لافروف في موسكو '
    'إن المحادثات في جنيف ستستأنف. وعاد وفد من بالرقة إلى حلب ثم إلى الموصل وأربيل في العراق. '
    'وذكر مسؤول سوري لـ«الشرق الأوسط» أن القوات العراقية دخلت حطلة. #أمطار_الكويت #حلب '
    'وفاز فريق حلب على ضيفه في مباراة الدوري، وقال مجلس محافظة حلب إن باريس سان جرمان لن يزور عمان. '
    'ونقلت صحيفة الشرق الأوسط عن بشار الأسد أن المناطق الخارجة عن سيطرة الحكومة السورية في سورية وتركيا '
    'والأردن تشهد نزوحا. أن المدينة في سوريا، وحلب وللرقة ودير الزور.')
ENGLISH = (
    'Aid reached Mosul and Erbil in Iraq on Tuesday, as talks resumed in Geneva. Paris Hilton said '
    'nothing. Flood water reached the centre of Springfield on Monday night; Springfield needs help, '
    'Gov. Abbott of Texas told reporters in Paris, Texas. PARIS (Reuters) - Police said Paris Road was '
    'closed. France and Turkey sent aid to Amman, Jordan, and to Oman. #Beirut_blast Syria, Aleppo. '
    'The match in Aleppo ended in a draw, the league said; fans in Mosul and Raqqa watched it, and Moscow '
    'and Beijing sent their teams to Geneva.')


def _texts():
    for lang, text in (('ar', ARABIC), ('en', ENGLISH)):
        assert len(text) >= 400
        yield lang, text                         # a long document (news)
        yield lang, text[:300]                   # a short one (a post): every feature weighs twice


@pytest.mark.parametrize('lang,text', list(_texts()))
def test_the_fast_filters_name_the_rule_hard_rule_names(tiny_index, lang, text):
    doc = doc_after(tiny_index, text, 'counts', lang=lang)
    assert doc.spans
    for s in doc.spans:
        verdicts = own_verdicts(s, doc, name_facts(doc.index, s.key, s.rows, doc.lang))
        assert first_rule(s, doc, verdicts) == hard_rule(s, doc), text[s.start:s.end]
        for rule in HARD:                        # what is left of a rule decides as the rule does
            if rule in LEFT_TO_TEST:
                left = LEFT_TO_TEST[rule](s, doc)
                assert rule(s, doc) == (left is True or bool(left) and left(s, doc)), (rule.__name__, text[s.start:s.end])
                assert bool(left) == (rule in verdicts.maybe)
    assert any(s.dropped for s in doc_after(tiny_index, text, 'filters', lang=lang).spans)


@pytest.mark.parametrize('lang,text', list(_texts()))
def test_the_fast_logit_is_the_logit_of_span_features(tiny_index, lang, text):
    doc = doc_after(tiny_index, text, 'filters', lang=lang)
    scorer = load(lang)
    fasts = span_logits(doc, doc.spans, scorer.fast)     # the dropped spans too: it assumes nothing of them
    assert len(fasts) == len(doc.spans)
    for s, x in zip(doc.spans, fasts):
        reference = scorer.logit(span_features(s, doc))
        fast = x + scorer.weights.get(INTERCEPT, 0.0)
        assert abs(fast - reference) < 1e-9, text[s.start:s.end]
        assert fast == reference                 # the same terms in the same order: the same float


@pytest.mark.parametrize('lang,text', list(_texts()))
def test_the_score_stage_reads_the_filters_verdicts_and_gives_the_same_logit(tiny_index, lang, text):
    """The score stage takes each span's facts and verdicts from the filters stage that ran on the
    Doc (facts.kept_verdicts) and skips the hard rules that are features too: the same float."""
    from geo.recognize.facts import kept_verdicts
    doc = doc_after(tiny_index, text, 'filters', lang=lang)
    pairs = kept_verdicts(doc)
    assert pairs is not None and len(pairs) == len(doc.spans)
    scorer = load(lang)
    kept = [k for k, s in enumerate(doc.spans) if not s.dropped]
    assert kept
    fasts = span_logits(doc, [doc.spans[k] for k in kept], scorer.fast, [pairs[k] for k in kept])
    for k, x in zip(kept, fasts):
        assert x + scorer.weights.get(INTERCEPT, 0.0) == scorer.logit(span_features(doc.spans[k], doc))
