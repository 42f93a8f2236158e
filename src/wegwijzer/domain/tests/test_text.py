from wegwijzer.domain.text import normalise_newlines, phone_spans


def test_crlf_and_lone_cr_count_as_one_character_like_the_browser():
    typed = "regel een\r\nregel twee\rregel drie\n"
    assert normalise_newlines(typed) == "regel een\nregel twee\nregel drie\n"
    assert len(normalise_newlines("a\r\n" * 10)) == 20


def _numbers(text):
    return [(text[s:e], digits) for s, e, digits in phone_spans(text)]


def test_dutch_numbers_in_running_text_are_found_with_their_digits():
    text = ("Bel 112, daarna Veilig Thuis (0800-2000). 0900-8844 is het algemene nummer; "
            "zorgcoördinator 06-11414026 of 013 549 8430; CoMensha 033 448 11 86.")
    assert _numbers(text) == [
        ("112", "112"), ("0800-2000", "08002000"), ("0900-8844", "09008844"), ("06-11414026", "0611414026"),
        ("013 549 8430", "0135498430"), ("033 448 11 86", "0334481186"),
    ]


def test_a_service_number_does_not_swallow_the_next_number():
    assert _numbers("Veilig Thuis 0800-2000 24 uur per dag") == [("0800-2000", "08002000")]


def test_dates_years_amounts_and_addresses_are_not_phone_numbers():
    for text in ["op 23-11-2026", "sinds 2019", "1.711 slachtoffers", "€ 0,50", "art. 273f", "1120 kamers",
                 "https://example.nl/0800-2000", "COSM 40-70 plaatsen", "B8/3"]:
        assert _numbers(text) == [], text
