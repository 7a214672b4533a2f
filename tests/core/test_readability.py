"""Gulpease index against examples counted by hand (letters, words, sentences written out)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator_app.core.language.readability import TARGET, gulpease


def test_bureaucratic_sentence_is_hard():
    # Il(2) Comune(6) promuove(8) interventi(10) finalizzati(11) alla(4) riqualificazione(16)
    # energetica(10) del(3) patrimonio(10) edilizio(8) residenziale(12) pubblico(8):
    # 13 words, 108 letters, 1 sentence -> 89 + (300 - 1080) / 13 = 29.0
    r = gulpease("Il Comune promuove interventi finalizzati alla riqualificazione energetica "
                 "del patrimonio edilizio residenziale pubblico.")
    assert (r.words, r.letters, r.sentences) == (13, 108, 1)
    assert r.index == 29.0 and r.level == "hard" and not r.meets_target


def test_plain_sentence_just_meets_the_target():
    # Sabato(6) ci(2) incontriamo(11) in(2) Comune(6) per(3) parlare(7) del(3) clima(5) e(1)
    # delle(5) proposte(8) dei(3) gruppi(6) di(2) lavoro(6): 16 words, 76 letters
    # -> 89 + (300 - 760) / 16 = 60.25
    r = gulpease("Sabato ci incontriamo in Comune per parlare del clima e delle proposte dei gruppi di lavoro.")
    assert (r.words, r.letters, r.sentences) == (16, 76, 1)
    assert r.raw == pytest.approx(60.25) and r.index == 60.2 and r.meets_target and r.level == "middle"


def test_two_sentences_and_elision():
    # L' acqua è un bene(4). Non sprecarla(9)! -> words L, acqua, è, un, bene, Non, sprecarla = 7;
    # letters 1+5+1+2+4+3+9 = 25; 2 sentences -> 89 + (600 - 250) / 7 = 139 -> clamped to 100
    r = gulpease("L'acqua è un bene. Non sprecarla!")
    assert (r.words, r.letters, r.sentences) == (7, 25, 2)
    assert r.raw == pytest.approx(139.0) and r.index == 100.0


def test_numbers_are_words_without_letters_and_decimal_points_end_nothing():
    # Ore(3) 9.30(0) arrivo(6). Poi(3) lavoro(6)!? -> 5 words, 18 letters, 2 sentences
    # -> 89 + (600 - 180) / 5 = 173 -> 100
    r = gulpease("Ore 9.30: arrivo. Poi lavoro!?")
    assert (r.words, r.letters, r.sentences) == (5, 18, 2)


def test_lines_without_a_full_stop_are_sentences_and_ellipses_count_once():
    # "Cosa portare" / "un documento" / "la tessera sanitaria..." -> 3 sentences;
    # Cosa(4) portare(7) un(2) documento(9) la(2) tessera(7) sanitaria(9): 7 words, 40 letters
    # -> 89 + (900 - 400) / 7 = 160.4 -> 100
    r = gulpease("Cosa portare\nun documento\nla tessera sanitaria...")
    assert (r.words, r.letters, r.sentences) == (7, 40, 3)


def test_long_sentence_example():
    # Per(3) partecipare(11) alla(4) riunione(8) plenaria(8) dell'(4) Assemblea(9) è(1)
    # necessario(10) presentarsi(11) con(3) un(2) documento(9) di(2) identità(8) valido(6):
    # 16 words, 99 letters, 1 sentence -> 89 + (300 - 990) / 16 = 45.875
    r = gulpease("Per partecipare alla riunione plenaria dell'Assemblea è necessario presentarsi "
                 "con un documento di identità valido.")
    assert (r.words, r.letters, r.sentences) == (16, 99, 1)
    assert r.index == 45.9 and r.level == "secondary" and r.index < TARGET


def test_no_words_no_figure():
    assert gulpease("") is None and gulpease("  ... !! 🌍 ") is None and gulpease(None) is None


@given(st.text(max_size=300))
def test_always_between_0_and_100(text):
    r = gulpease(text)
    if r is not None:
        assert 0 <= r.index <= 100 and r.words > 0 and r.sentences >= 1
