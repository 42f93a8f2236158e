from wegwijzer.domain.municipalities import Entry, choose, find, normalise

ENTRIES = [
    Entry("GM0796", "'s-Hertogenbosch", ("'s-Hertogenbosch", "Den Bosch")),
    Entry("GM0518", "'s-Gravenhage", ("'s-Gravenhage", "Den Haag")),
    Entry("GM0400", "Den Helder", ("Den Helder",)),
    Entry("GM1900", "Súdwest-Fryslân", ("Súdwest-Fryslân", "Zuidwest-Friesland")),
    Entry("GM0363", "Amsterdam", ("Amsterdam", "Weesp")),
    Entry("GM0362", "Amstelveen", ("Amstelveen",)),
    Entry("GM0193", "Zwolle", ("Zwolle",)),
    Entry("GM0893", "Bergen (L.)", ("Bergen (L.)", "Bergen")),
    Entry("GM0373", "Bergen (NH.)", ("Bergen (NH.)", "Bergen")),
    Entry("GM0855", "Tilburg", ("Tilburg",)),
]


def one(query):
    return choose(find(query, ENTRIES))


def test_normalising_drops_case_accents_hyphens_and_the_s_prefix():
    assert normalise("'s-Hertogenbosch") == normalise("s Hertogenbosch") == normalise("HERTOGENBOSCH") \
        == "hertogenbosch"
    assert normalise("Súdwest-Fryslân") == normalise("sudwest fryslan") == "sudwest fryslan"
    assert normalise("  Bergen (NH.) ") == "bergen nh"
    assert normalise("Sint-Michielsgestel") == "sint michielsgestel"  # "s" inside a word is kept
    assert normalise("Schiedam") == "schiedam" and normalise("Son en Breugel") == "son en breugel"


def test_official_names_other_names_and_former_municipalities_are_found():
    assert one("Den Bosch").key == one("'s-Hertogenbosch").key == one("s-hertogenbosch").key == "GM0796"
    assert one("Sudwest-Fryslan").key == one("súdwest fryslân").key == "GM1900"
    assert one("tilburg").key == "GM0855"
    weesp = one("Weesp")
    assert weesp.key == "GM0363" and weesp.matched == "Weesp" and weesp.exact


def test_small_typos_are_tolerated():
    assert one("Zwole").key == "GM0193"
    assert one("Tilbrug").key == "GM0855"
    assert one("Amsterdm").key == "GM0363"


def test_several_candidates_give_a_list_and_nothing_gives_nothing():
    bergen = find("Bergen", ENTRIES)
    assert {m.key for m in bergen if m.exact} == {"GM0893", "GM0373"} and choose(bergen) is None
    den = find("Den", ENTRIES)
    assert {m.key for m in den} >= {"GM0796", "GM0518", "GM0400"} and choose(den) is None
    assert find("Atlantis", ENTRIES) == [] and find("   ", ENTRIES) == [] and find("-", ENTRIES) == []


def test_the_best_match_comes_first():
    matches = find("Amster", ENTRIES)
    assert matches[0].key == "GM0363"  # a prefix scores higher than a resemblance
    assert find("Amstelveen", ENTRIES)[0].key == "GM0362"
