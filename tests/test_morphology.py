"""Tense from word forms: future and conditional verbs per language, and words that only look like them."""

import pytest

from helpers.morphology import is_future


@pytest.mark.parametrize(("language", "word", "expected"), [
    pytest.param("ar", "سيلتقي", True, id="ar-sa-imperfect"),
    pytest.param("ar", "وسيزور", True, id="ar-wa-sa-imperfect"),
    pytest.param("ar", "ستعقد", True, id="ar-sa-feminine"),
    pytest.param("ar", "سيرجي", False, id="ar-name-sergei"),
    pytest.param("ar", "ستارمر", False, id="ar-name-starmer"),
    pytest.param("ar", "سياسة", False, id="ar-noun-policy"),
    pytest.param("ar", "سيادة", False, id="ar-noun-sovereignty"),
    pytest.param("ar", "يزور", False, id="ar-present"),
    pytest.param("ru", "встретится", True, id="ru-perfective-future"),
    pytest.param("ru", "встретился", False, id="ru-past"),
    pytest.param("es", "visitará", True, id="es-future"),
    pytest.param("es", "visitó", False, id="es-past"),
    pytest.param("pt", "reunir-se-á", True, id="pt-mesoclisis"),
    pytest.param("fr", "rencontrera", True, id="fr-future"),
    pytest.param("fr", "rencontre", False, id="fr-present"),
])
def test_is_future(language, word, expected):
    assert is_future(word, language) is expected
