"""The recognizer files name their features: a model trained with other features is refused."""
import json

import pytest
from doc_helpers import doc_after

from geo.errors import ModelError
from geo.recognize.features import FEATURES, span_features
from geo.recognize.scorer import MODELS, Scorer


def model(lang='en'):
    return json.loads((MODELS / f'recognizer-{lang}.json').read_text(encoding='utf-8'))


@pytest.mark.parametrize('lang', ['ar', 'en'])
def test_the_shipped_models_fit_the_code(lang):
    assert Scorer(model(lang)).lang == lang


def test_a_renamed_feature_is_refused_by_name():
    m = model()
    m['features'] = [('zipf_frequency' if f == 'zipf' else f) for f in m['features']]
    with pytest.raises(ModelError, match='not in the code: zipf_frequency; new in the code: zipf'):
        Scorer(m, 'x.json')
    m = model()
    m['weights']['zipf_frequency'] = 1.0
    with pytest.raises(ModelError, match='weighted but not listed: zipf_frequency'):
        Scorer(m, 'x.json')
    m = model()
    m['feature_version'] += 1
    with pytest.raises(ModelError, match='version'):
        Scorer(m, 'x.json')


@pytest.mark.parametrize('text', ['Aid reached Mosul and Erbil in Iraq on Tuesday, as talks resumed in Geneva.',
                                  'قصفت طائرات حربية مدينة دير الزور وبلدة الميادين، ووصل الوزير إلى #موسكو.'])
def test_every_feature_the_code_gives_is_listed(tiny_index, text):
    doc = doc_after(tiny_index, text, 'counts')
    got = {k for s in doc.spans for k in span_features(s, doc)}
    assert got and got <= set(FEATURES)
